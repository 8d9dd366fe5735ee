// report-bench: times RunReport on a synthetic evaluation of N enterprises.
//
//   report-bench ROWS MODE [OUTDIR]     MODE = base (JSON + CSV only) | full (+ Excel + HTML)
//
// Prints one line: rows, mode, seconds, peak RSS (MiB) and RSS before writing (MiB),
// so `full` can be compared with `base` (goal: full ≤ 2× base at 100k rows; peak memory
// ≤ 2× input + 100 MB; 1M rows complete). Run each mode in its own process.
import Criteria
import Foundation
import Model
import Reports
import Scoring
import Selection

#if canImport(Glibc)
  import Glibc
#endif

func peakRSSMiB() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_maxrss) / 1024
}

/// User + system CPU seconds of the whole process (all threads).
func cpuSeconds() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6
}

func currentRSSMiB() -> Double {
  guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
    let pages = s.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
  else { return 0 }
  return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}

/// A synthetic run: 10 criteria in 3 groups, 3 programmes, star rewards.
struct Synthetic {
  let spec: Spec
  let evaluation: Evaluation
  let decision: Decision

  init(rows n: Int, seed: UInt64 = 2022) {
    var rng = SplitMix64(seed: seed)
    // The criteria file of the run, loaded like a user's (a spec is built only by the loader):
    // 10 criteria in 3 groups, every node weighted equally.
    let groups = [("cost", "成本"), ("efficiency", "效率"), ("quality", "品质")]
    var text = """
      [evaluation]
      name = "基准测试评选"
      year = 2022
      id = "uscc"
      label = "name"
      [columns.uscc]
      header = "统一社会信用代码"
      type = "uscc"
      [columns.name]
      header = "企业名称"
      type = "text"
      [weighting]
      method = "equal"
      [[stars.level]]
      stars = 3
      min_score = 40
      [[stars.level]]
      stars = 4
      min_score = 60
      [[stars.level]]
      stars = 5
      min_score = 80
      [programmes.municipal]
      name = "市级标杆企业"
      level = "municipal"
      quota = 100
      reserves = 10
      reward = 100_000
      [programmes.provincial]
      name = "省级标杆企业"
      level = "provincial"
      quota = 30
      reserves = 5
      from = "municipal"
      reward = 500_000
      [programmes.cloud]
      name = "上云标杆"
      level = "national"
      quota = 20
      reserves = 5
      [rewards]
      budget = 22_000_000
      [rewards.stars]
      4 = 50_000
      5 = 50_000

      """
    for (key, label) in groups { text += "[groups.\(key)]\nlabel = \"\(label)\"\n" }
    for j in 0..<10 {
      text += "[columns.col\(j)]\nheader = \"col\(j)\"\ntype = \"number\"\n"
      text += "[criteria.c\(j)]\nlabel = \"指标\(j)\"\ncolumn = \"col\(j)\"\ndirection = \"\(j % 3 == 0 ? "cost" : "benefit")\"\n"
      text += "group = \"\(groups[j % 3].0)\"\n"
    }
    switch CriteriaLoader.parse(text, source: "criteria/bench.toml") {
    case .success(let s): spec = s
    case .failure(let f): fatalError("bench criteria: \(f.diagnostics.diagnostics.map(\.description))")
    }
    let programmes = spec.programmes
    var normalised = (0..<10).map { _ in [Double](repeating: 0, count: n) }
    var raw = [Double](repeating: 0, count: n)
    for j in 0..<10 {
      for i in 0..<n {
        let v = rng.nextUnit()
        normalised[j][i] = v
        raw[i] += 0.1 * v
      }
    }
    let ids = (0..<n).map { String(format: "91330200%09dX", $0) }
    let labels = (0..<n).map { "宁波测试企业\($0)有限公司" }
    let order = (0..<n).sorted { raw[$0] != raw[$1] ? raw[$0] > raw[$1] : ids[$0] < ids[$1] }
    var rank = [Int](repeating: 0, count: n)
    for (i, r) in order.enumerated() { rank[r] = i + 1 }
    // Stretch scores over 0…100 so every star level is populated.
    let lo = raw[order[n - 1]], hi = raw[order[0]]
    let score = raw.map { hi > lo ? 100 * ($0 - lo) / (hi - lo) : 50 }
    let stars = score.map { $0 >= 80 ? 5 : $0 >= 60 ? 4 : $0 >= 40 ? 3 : 0 }
    var groupScores: [String: [Double]] = [:]
    for (g, group) in groups.enumerated() {
      let members = Array(stride(from: g, to: 10, by: 3))
      var column = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var sum = 0.0
        for j in members { sum += normalised[j][i] }
        column[i] = 100 * sum / Double(members.count)
      }
      groupScores[group.0] = column
    }
    evaluation = Evaluation(
      order: order, ids: StringColumn(ids), labels: StringColumn(labels), rank: rank, competitionRank: rank, raw: raw, score: score, utility: raw, stars: stars,
      starGap: score.map { $0 >= 80 ? nil : StarGap(nextStars: $0 >= 60 ? 5 : $0 >= 40 ? 4 : 3, pointsShort: 80 - $0, unmetRequirements: []) },
      normalised: normalised, imputed: [], weights: Array(repeating: 0.1, count: 10), groupScores: groupScores,
      weightReport: WeightReport(nodes: [.init(key: "", method: .equal, children: groups.map { $0.0 }, localWeights: [1.0 / 3, 1.0 / 3, 1.0 / 3])]),
      unranked: [])
    var progs: [ProgrammeDecision] = []
    var previous: Set<Int> = Set(order)
    for p in programmes {
      let pool = order.filter { previous.contains($0) }
      let selected = Array(pool.prefix(p.quota)), reserve = Array(pool.dropFirst(p.quota).prefix(p.reserves))
      let listed = Set(selected + reserve)
      let excluded: [(row: Int, reason: ExclusionReason)] = order.filter { !listed.contains($0) }.map {
        previous.contains($0) ? ($0, .belowLine(quota: p.quota)) : ($0, .notInTier(programme: "municipal", mode: .selected))
      }
      progs.append(ProgrammeDecision(key: p.key, selected: selected, reserve: reserve, excluded: excluded, eligible: Set(pool)))
      if p.key == "municipal" { previous = Set(selected) }
    }
    var awards: [RewardAllocation.Award] = []
    for r in order where stars[r] >= 4 { awards.append(.init(row: r, source: "stars:\(stars[r])", entitled: 50_000, granted: 50_000)) }
    let total = awards.reduce(0) { $0 + $1.granted }
    decision = Decision(programmes: progs, rewards: RewardAllocation(awards: awards, totalEntitled: total, totalGranted: min(total, 22_000_000), budget: 22_000_000))
  }
}

let args = CommandLine.arguments
let rows = args.count > 1 ? Int(args[1]) ?? 100_000 : 100_000
let mode = args.count > 2 ? args[2] : "full"
let out = args.count > 3 ? args[3] : NSTemporaryDirectory() + "report-bench-\(rows)-\(mode)"
let data = Synthetic(rows: rows)
let before = currentRSSMiB()
let manifest = Manifest(
  version: "bench", metricsFile: "metrics/bench.csv", metricsSHA256: "", criteriaFile: "criteria/bench.toml", criteriaSHA256: "",
  seed: 2022, rows: rows, time: Date(timeIntervalSince1970: 1_672_531_200))
let options = ReportOptions(excel: mode == "full", html: mode == "full", version: "bench")
let start = Date()
let cpuStart = cpuSeconds()
do {
  try RunReport(spec: data.spec, evaluation: data.evaluation, decision: data.decision, manifest: manifest, options: options)
    .write(to: out)
} catch {
  FileHandle.standardError.write(Data("report-bench: \(error.diagnostics.diagnostics.map(\.description).joined(separator: "\n"))\n".utf8))
  exit(73)
}
let seconds = Date().timeIntervalSince(start)
let cpu = cpuSeconds() - cpuStart
print(String(format: "rows=%d mode=%@ seconds=%.2f cpu=%.2f peakRSS=%.0fMiB rssBeforeWrite=%.0fMiB out=%@", rows, mode, seconds, cpu, peakRSSMiB(), before, out))
