// Sensitivity benchmarks (release): Monte Carlo shortlists, Sobol' per-evaluation cost,
// stability intervals. Writes the Monte Carlo problem to DATA/sens-*.bin so that
// scripts/bench-sensitivity.py runs the same Monte Carlo with numpy in the same run.
// Usage: sensitivity-bench DATA_DIR [samples=10000] [rows=10000] [threads=2] [parts=mc,full,sobol,stability]
// (parts: a comma-separated subset, e.g. `mc,sobol` for profiling).
import Criteria
import Dispatch
import Foundation
import Model
import Scoring
import Sensitivity

struct Bench {
  static func problem(rows n: Int, criteria m: Int, seed: UInt64, caps: Bool) -> (Table, Spec, Evaluation) {
    var rng = SplitMix64(seed: seed)
    let normalised = (0..<m).map { _ in (0..<n).map { _ in rng.nextUnit() } }
    var weights = (0..<m).map { _ in 0.5 + rng.nextUnit() }
    let total = weights.reduce(0, +)
    weights = weights.map { $0 / total }
    let industry = (0..<n).map { _ in Int32(rng.next() % 10) }
    let flags = (0..<n).map { _ in rng.nextUnit() < 0.8 }
    let ids = (0..<n).map { String(format: "E%07d", $0) }
    let columns: [String: Column] = [
      "id": .text(TextColumn(ids.map { Optional($0) })), "name": .text(TextColumn(ids.map { Optional($0) })), "flag": .bool(flags.map { Optional($0) }),
      "industry": .category(CategoryColumn(codes: industry, levels: (0..<10).map { "行业\($0)" })),
    ]
    let table = Table(source: "bench", rowCount: n, lines: (0..<n).map { $0 + 2 }, columns: columns)
    // The criteria file of the run, loaded like a user's (a spec is built only by the loader);
    // the weights are written with every digit (Swift's shortest round-trip text).
    var text = """
      [evaluation]
      name = "bench"
      year = 2022
      id = "id"
      label = "name"
      [columns.id]
      header = "id"
      type = "text"
      [columns.name]
      header = "name"
      type = "text"
      [columns.flag]
      header = "flag"
      type = "bool"
      [columns.industry]
      header = "industry"
      type = "category"
      [programmes.city]
      quota = 50
      eligible = "flag"
      \(caps ? "caps = { industry = 8 }" : "")
      [programmes.province]
      quota = 10
      from = "city"
      [uncertainty]
      model = "uniform"
      spread = 0.2

      """
    for j in 0..<m {
      text += "[columns.c\(j)]\nheader = \"c\(j)\"\ntype = \"number\"\n"
      text += "[criteria.c\(j)]\ncolumn = \"c\(j)\"\nweight = \(weights[j])\n"
    }
    let spec: Spec
    switch CriteriaLoader.parse(text, source: "bench.toml") {
    case .success(let s): spec = s
    case .failure(let f): fatalError("bench criteria: \(f.diagnostics.diagnostics.map(\.description))")
    }
    precondition(spec.criteria.map(\.weight) == weights.map { Optional($0) }, "the weights did not survive the text")
    var raw = [Double](repeating: 0, count: n)
    for j in 0..<m { for i in 0..<n { raw[i] += weights[j] * normalised[j][i] } }
    let order = (0..<n).sorted { raw[$0] != raw[$1] ? raw[$0] > raw[$1] : $0 < $1 }
    var rank = [Int](repeating: 0, count: n)
    for (p, r) in order.enumerated() { rank[r] = p + 1 }
    let ev = Evaluation(
      order: order, ids: StringColumn(ids), labels: StringColumn(ids), rank: rank, competitionRank: rank, raw: raw, score: raw.map { 100 * $0 }, utility: raw,
      stars: [Int](repeating: 0, count: n), starGap: [StarGap?](repeating: nil, count: n), normalised: normalised,
      imputed: [], weights: weights, groupScores: [:], weightReport: WeightReport(nodes: []), unranked: [])
    return (table, spec, ev)
  }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t0 = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  }

  static func write(_ url: URL, _ values: [Double]) throws {
    try values.withUnsafeBufferPointer { try Data(buffer: $0).write(to: url) }
  }
}

let args = CommandLine.arguments
let dataDir = URL(fileURLWithPath: args.count > 1 ? args[1] : "Benchmarks/.data")
let samples = args.count > 2 ? Int(args[2]) ?? 10_000 : 10_000
let rows = args.count > 3 ? Int(args[3]) ?? 10_000 : 10_000
let threads = args.count > 4 ? Int(args[4]) ?? 2 : 2
let parts = Set((args.count > 5 ? args[5] : "mc,full,sobol,stability").split(separator: ",").map(String.init))
let m = 20

do {
  try FileManager.default.createDirectory(at: dataDir, withIntermediateDirectories: true)
  let (table, spec, ev) = Bench.problem(rows: rows, criteria: m, seed: 7, caps: true)
  // Row-major R for numpy, plus weights, eligibility and industry.
  var rowMajor = [Double](repeating: 0, count: rows * m)
  for j in 0..<m { for i in 0..<rows { rowMajor[i * m + j] = ev.normalised[j][i] } }
  try Bench.write(dataDir.appendingPathComponent("sens-R.bin"), rowMajor)
  try Bench.write(dataDir.appendingPathComponent("sens-w.bin"), ev.weights)
  if case .bool(let f)? = table.columns["flag"], case .category(let c)? = table.columns["industry"] {
    try Bench.write(dataDir.appendingPathComponent("sens-flag.bin"), f.map { $0 == true ? 1 : 0 })
    try Bench.write(dataDir.appendingPathComponent("sens-industry.bin"), c.codes.map(Double.init))
  }
  let model = try SensitivityModel(evaluation: ev, table: table, spec: spec)
  let options = MonteCarloOptions(
    samples: samples, seed: 2022, threads: threads, blockSize: 32, rankStatistics: false, starStatistics: false)
  _ = try MonteCarlo.run(model, options: MonteCarloOptions(samples: 256, seed: 1, threads: threads, rankStatistics: false, starStatistics: false))
  // Monte Carlo and Sobol' runs alternate (best of 3 each), so both see the same load on a
  // shared machine and the per-evaluation ratio compares like with like.
  var mcBest = Double.infinity, sobolBest = Double.infinity
  var mc: MonteCarloResult?
  var sobol: WeightSobolResult?
  for _ in 0..<3 {
    if parts.contains("mc") || parts.contains("sobol") {
      mcBest = min(mcBest, try Bench.seconds { mc = try MonteCarlo.run(model, options: options) })
    }
    if parts.contains("sobol") {
      sobolBest = min(
        sobolBest, try Bench.seconds { sobol = try WeightSobol.analyse(model, baseSamples: 1024, threads: threads, blockSize: 32) })
    }
  }
  let perSample = mcBest / Double(samples)
  if let mc {
    print(
      "montecarlo samples=\(samples) rows=\(rows) criteria=\(m) threads=\(threads) seconds=\(mcBest) per_sample_us=\(perSample * 1e6) robust_city=\(mc.programmes[0].robust.count) jaccard_city=\(mc.programmes[0].meanJaccard)")
  }
  if let sobol {
    let all = sobol.targets.flatMap(\.indices) + sobol.programmes.flatMap(\.indices)
    let checksum = all.reduce(0) { $0 + $1.firstOrder + $1.totalEffect }
    let perEval = sobolBest / Double(sobol.evaluations)
    print(
      "sobol N=1024 factors=\(m) evaluations=\(sobol.evaluations) threads=\(threads) seconds=\(sobolBest) per_eval_us=\(perEval * 1e6) checksum=\(checksum)")
    print("per-eval: montecarlo \(String(format: "%.1f", perSample * 1e6)) us, sobol \(String(format: "%.1f", perEval * 1e6)) us")
    print("sobol per-eval / montecarlo per-eval: \(String(format: "%.2f", perEval / perSample)) (floor 1.2)")
  }

  if parts.contains("full") {
    let full = MonteCarloOptions(samples: 1000, seed: 2022, threads: threads)
    let fullTime = try Bench.seconds { _ = try MonteCarlo.run(model, options: full) }
    print("montecarlo_full_stats samples=1000 rows=\(rows) seconds=\(fullTime) (rank quantiles + star probabilities)")
  }

  guard parts.contains("stability") else { exit(0) }
  let big = 100_000
  let (bt, bs, be) = Bench.problem(rows: big, criteria: m, seed: 9, caps: false)
  let bigModel = try SensitivityModel(evaluation: be, table: bt, spec: bs)
  var intervals: [ProgrammeStability] = []
  let stabTime = try Bench.seconds { intervals = try StabilityIntervals.compute(bigModel) }
  let width = intervals.first.map { $0.intervals.map { $0.high - $0.low }.reduce(0, +) / Double(m) } ?? 0
  print("stability criteria=\(m) rows=\(big) programmes=\(bs.programmes.count) seconds=\(stabTime) mean_width=\(width)")
  let (ct, cs, ce) = Bench.problem(rows: big, criteria: m, seed: 9, caps: true)
  let capModel = try SensitivityModel(evaluation: ce, table: ct, spec: cs)
  let capTime = try Bench.seconds { intervals = try StabilityIntervals.compute(capModel) }
  print("stability_capped criteria=\(m) rows=\(big) seconds=\(capTime) exact=\(intervals.allSatisfy { $0.intervals.allSatisfy(\.exact) })")
} catch {
  FileHandle.standardError.write(Data("sensitivity-bench: \(error)\n".utf8))
  exit(1)
}
