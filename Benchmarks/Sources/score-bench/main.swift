// Scoring benchmark: a synthetic 1,000,000 × 20 table built in memory, scored with
// weighted sum (min-max), TOPSIS and entropy weighting. Best of `--repeat` runs.
// Usage: score-bench [rows] [criteria] [repeats]
import Criteria
import Glibc
import Model
import Scoring

struct Bench {
  let rows: Int
  let criteria: Int
  let repeats: Int

  func table() -> Table {
    var rng = SplitMix64(seed: 2022)
    var columns: [String: Column] = [:]
    for j in 0..<criteria {
      var values = [Double](repeating: 0, count: rows)
      for i in 0..<rows { values[i] = Double(rng.next() % 1_000_000) / 1000 }
      columns["c\(j)"] = .numeric(NumericColumn(values: values, missing: [Bool](repeating: false, count: rows)))
    }
    columns["id"] = .text(TextColumn((0..<rows).map { "E\($0)" }))
    columns["name"] = .text(TextColumn((0..<rows).map { _ in nil }))
    return Table(source: "bench", rowCount: rows, lines: Array(2..<(rows + 2)), columns: columns)
  }

  /// The criteria file of the run, loaded like a user's (a spec is built only by the loader).
  func spec(_ aggregation: String, _ weighting: WeightingMethod, stars: String = "") -> Spec {
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
      [weighting]
      method = "\(weighting.rawValue)"
      normalise = true
      [aggregation]
      method = "\(aggregation)"

      """
    for j in 0..<criteria {
      text += "[columns.c\(j)]\nheader = \"c\(j)\"\ntype = \"number\"\n"
      text += "[criteria.c\(j)]\ncolumn = \"c\(j)\"\ndirection = \"\(j % 4 == 3 ? "cost" : "benefit")\"\nweight = 1\n"
    }
    switch CriteriaLoader.parse(text + stars, source: "bench.toml") {
    case .success(let spec): return spec
    case .failure(let f): fatalError("bench criteria: \(f.diagnostics.diagnostics.map(\.description))")
    }
  }

  func time(_ label: String, _ body: () throws -> Void) rethrows -> Double {
    // Wall time and process CPU time (the machine is shared: CPU time is the steadier figure).
    var best = Double.infinity
    var bestCPU = Double.infinity
    for _ in 0..<repeats {
      let start = ContinuousClock.now
      let cpu = clock()
      try body()
      let d = ContinuousClock.now - start
      bestCPU = min(bestCPU, Double(clock() - cpu) / Double(CLOCKS_PER_SEC))
      best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    print("\(label.padding(toLength: 44, withPad: " ", startingAt: 0)) wall \(format3(best)) s   cpu \(format3(bestCPU)) s")
    return bestCPU
  }

  func run() throws {
    let t = table()
    print("score-bench: \(rows) rows × \(criteria) criteria, best of \(repeats)")
    let wsm = spec("weighted-sum", .direct)
    let matrix = try Scorer.prepare(t, spec: wsm)
    let weights = [Double](repeating: 1 / Double(criteria), count: criteria)
    let keys = Aggregation.scores(matrix.unit, method: .weightedSum, weights: weights).raw
    let ids = (0..<rows).map { "E\($0)" }
    _ = try time("prepare (missing values, min-max)") { _ = try Scorer.prepare(t, spec: wsm) }
    _ = time("weighted sum kernel") { _ = Aggregation.scores(matrix.unit, method: .weightedSum, weights: weights).raw }
    _ = time("ranker") { _ = Ranker.rank(keys: keys, precision: 1e-9, ids: ids) }
    let base = try time("evaluate: weighted sum, min-max, direct") { _ = try Scorer.evaluate(t, spec: wsm) }
    let topsis = try time("evaluate: TOPSIS") { _ = try Scorer.evaluate(t, spec: spec("topsis", .direct)) }
    let entropy = try time("evaluate: weighted sum, entropy weights") { _ = try Scorer.evaluate(t, spec: spec("weighted-sum", .entropy)) }
    // Three levels, two with a requirement (a column, a criterion's value on the scale).
    let starred = spec(
      "weighted-sum", .direct,
      stars: """
        [[stars.level]]
        stars = 3
        min_score = 50
        [[stars.level]]
        stars = 4
        min_score = 60
        require = "c1 >= 100"
        [[stars.level]]
        stars = 5
        min_score = 70
        require = "criterion.c2 >= 0"

        """)
    _ = try time("evaluate: weighted sum + 3 star levels") { _ = try Scorer.evaluate(t, spec: starred) }
    print("TOPSIS / weighted sum: \(format3(topsis / base))×   entropy / weighted sum: \(format3(entropy / base))×")
  }
}

func format3(_ x: Double) -> String {
  let r = (x * 1000).rounded() / 1000
  return "\(r)"
}

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
try Bench(rows: args.count > 0 ? args[0] : 1_000_000, criteria: args.count > 1 ? args[1] : 20, repeats: args.count > 2 ? args[2] : 3).run()
