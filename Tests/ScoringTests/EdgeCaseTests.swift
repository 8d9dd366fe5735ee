import Criteria
import Foundation
import Model
import Scoring
import TestSupport
import Testing

/// One case of `Fixtures/edge-cases.json` (scripts/reference/edge_cases.py): the documented
/// formula in exact arithmetic, rounded once.
struct EdgeCase: @unchecked Sendable, CustomTestStringConvertible {
  let json: [String: Any]
  var testDescription: String { name }
  var name: String { json["name"] as? String ?? "?" }
  var direction: Direction { json["direction"] as? String == "cost" ? .cost : .benefit }
  var x: [Double] { Self.doubles(json["x"]) }
  var unit: [Double] { Self.doubles(json["unit"]) }
  var oriented: [Double]? { json["oriented"].map { Self.doubles($0) } }

  var normalisation: Normalisation {
    switch json["method"] as? String {
    case "min-max": return .minMax
    case "z-score": return .zScore
    case "vector": return .vector
    case "sum": return .sum
    case "max": return .max
    case "target": return .target(Self.double(json["target"]))
    case "goalposts":
      let g = Self.doubles(json["goalposts"])
      return .goalposts(low: g[0], high: g[1])
    default: return .rank
    }
  }

  /// Numbers are stored as strings (shortest round-trip text) so subnormals survive.
  static func double(_ v: Any?) -> Double { (v as? String).flatMap(Double.init) ?? .nan }
  static func doubles(_ v: Any?) -> [Double] { ((v as? [Any]) ?? []).map(double) }

  static func load() -> [String: Any] {
    guard let url = Bundle.module.url(forResource: "edge-cases", withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return [:] }
    return object
  }

  static func normalisations() -> [EdgeCase] {
    ((load()["normalisations"] as? [[String: Any]]) ?? []).map(EdgeCase.init)
  }

  static func weightings() -> [EdgeCase] {
    ((load()["weights"] as? [[String: Any]]) ?? []).map(EdgeCase.init)
  }
}

/// The edge cases of docs/methods.md against the exact formula (scripts/reference/edge_cases.py):
/// tiny and huge columns, targets every row is equally far from, values on the goalposts,
/// data-driven weights over tiny columns.
@Suite("Edge cases against the exact formulas")
struct EdgeCaseTests {
  @Test func fixtureIsPresent() {
    #expect(EdgeCase.normalisations().count >= 20)
    #expect(!EdgeCase.weightings().isEmpty)
  }

  /// Unit values to 1e-12 (relative, 1e-15 absolute) of the exact value; a value the formula
  /// puts exactly on 0 or 1 of a goalpost or target is exactly 0 or 1.
  @Test(arguments: EdgeCase.normalisations())
  func unitValuesMatchTheExactFormula(_ c: EdgeCase) throws {
    let got = try c.normalisation.unit(c.x, direction: c.direction, criterion: "c")
    #expect(got.count == c.unit.count)
    for (g, want) in zip(got, c.unit) {
      #expect(g.isFinite && g >= 0 && g <= 1, "\(c.name): \(got)")
      #expect(isClose(g, want, relative: 1e-12, absolute: 1e-15), "\(c.name): \(got) vs \(c.unit)")
      switch c.normalisation {
      case .goalposts, .target: if want == 0 || want == 1 { #expect(g == want, "\(c.name): \(got)") }
      default: break
      }
    }
    if let z = c.oriented {
      let oriented = try c.normalisation.oriented(c.x, direction: c.direction, criterion: "c")
      #expect(allClose(oriented, z, relative: 1e-12, absolute: 1e-15), "\(c.name): \(oriented) vs \(z)")
    }
  }

  /// Named cases of issue 17 with their published values, independent of the fixture.
  @Test func minMaxSumMaxOfSubnormals() throws {
    let tiny = Double.leastNonzeroMagnitude
    let x = [0, 2024 * tiny, 6072 * tiny]  // 0, 1e-320, 3e-320 as doubles
    #expect(allClose(try Normalisation.minMax.unit(x, direction: .benefit, criterion: "c"), [0, 1.0 / 3, 1]))
    #expect(allClose(try Normalisation.sum.unit(x, direction: .benefit, criterion: "c"), [0, 0.25, 0.75]))
    #expect(allClose(try Normalisation.max.unit(x, direction: .benefit, criterion: "c"), [0, 1.0 / 3, 1]))
  }

  @Test func zScoreAndVectorOfTinyValues() throws {
    let x = [1e-200, 2e-200, 4e-200]
    // mean 7/3, σ = √(14/9): z = (−4, −1, 5)/√14
    let z = [-4.0, -1, 5].map { $0 / 14.0.squareRoot() }
    #expect(allClose(try Normalisation.zScore.oriented(x, direction: .benefit, criterion: "c"), z))
    #expect(allClose(try Normalisation.vector.unit(x, direction: .benefit, criterion: "c"), [1, 2, 4].map { $0 / 21.0.squareRoot() }))
  }

  @Test func costVectorIsNeverNegative() throws {
    let u = try Normalisation.vector.unit([5.44e-158, 0, 0], direction: .cost, criterion: "c")
    #expect(u.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(u)")
    #expect(isClose(u[0], 0, absolute: 1e-15) && u[1] == 1 && u[2] == 1)
  }

  @Test func targetWithEveryRowEquallyFarGivesZero() {
    #expect(TargetNormaliser.normalise([0, 1, 1], target: 0.5) == [0, 0, 0])
    #expect(TargetNormaliser.normalise([3, 3, 3], target: 0.5) == [0, 0, 0])
    #expect(TargetNormaliser.normalise([0.5, 0.5], target: 0.5) == [1, 1])
  }

  @Test func costGoalpostsAtTheHighGoalpostAreExactlyZero() throws {
    for (low, high) in [(0.0, 49.0), (0.1, 0.7), (80, 100), (0, 20), (1, 4), (0, 3 * .leastNonzeroMagnitude), (-1e308, 1e308)] {
      let u = try Normalisation.goalposts(low: low, high: high).unit([high, low], direction: .cost, criterion: "c")
      #expect(u == [0, 1], "[\(low), \(high)]: \(u)")
      let b = try Normalisation.goalposts(low: low, high: high).unit([high, low], direction: .benefit, criterion: "c")
      #expect(b == [1, 0], "[\(low), \(high)]: \(b)")
      let m = low / 2 + high / 2
      let mid = try Normalisation.goalposts(low: low, high: high).unit([m], direction: .benefit, criterion: "c")
      let want = (high - low).isFinite ? (m - low) / (high - low) : (m / 2 - low / 2) / (high / 2 - low / 2)
      #expect(isClose(mid[0], want), "[\(low), \(high)]: \(mid) vs \(want)")
    }
  }

  /// Entropy, CRITIC and std-dev weights over tiny columns, through `Scorer.evaluate`.
  @Test(arguments: EdgeCase.weightings())
  func dataDrivenWeightsOverTinyColumns(_ c: EdgeCase) throws {
    let columns = ((c.json["columns"] as? [Any]) ?? []).map(EdgeCase.doubles)
    let directions = ((c.json["directions"] as? [String]) ?? []).map { $0 == "cost" ? Direction.cost : .benefit }
    let n = columns.first?.count ?? 0
    var numbers: [String: [Double?]] = [:]
    var criteria: [CriterionDraft] = []
    for (j, column) in columns.enumerated() {
      numbers["c\(j)"] = column
      criteria.append(CriterionDraft(key: "c\(j)", column: "c\(j)", direction: directions[j]))
    }
    let table = makeTable(ids: (0..<n).map { "r\($0)" }, numbers: numbers)
    for (method, key) in [(WeightingMethod.entropy, "entropy"), (.critic, "critic"), (.standardDeviation, "std-dev")] {
      let e = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: WeightingDraft(method: method)))
      let want = EdgeCase.doubles(c.json[key])
      #expect(allClose(e.weights, want, relative: 1e-12), "\(key): \(e.weights) vs \(want)")
      #expect(allFinite(e), "\(key)")
      #expect(e.weightReport.nodes.allSatisfy { !$0.tookEqualWeights }, "\(key)")
    }
  }

  /// When no criterion of a data-driven node varies, the node takes equal weights by the
  /// documented rule, and the report says so.
  @Test func constantColumnsTakeEqualWeightsAndSaySo() throws {
    let table = makeTable(ids: ["a", "b", "c"], numbers: ["x": [5, 5, 5], "y": [2, 2, 2]])
    let criteria = [CriterionDraft(key: "x", column: "x"), CriterionDraft(key: "y", column: "y", direction: .cost)]
    for method in [WeightingMethod.entropy, .critic, .standardDeviation] {
      let e = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: WeightingDraft(method: method)))
      #expect(e.weights == [0.5, 0.5])
      #expect(e.weightReport.nodes.map(\.tookEqualWeights) == [true], "\(method)")
    }
    let varying = makeTable(ids: ["a", "b", "c"], numbers: ["x": [5, 6, 5], "y": [2, 2, 2]])
    let e = try Scorer.evaluate(varying, spec: makeSpec(criteria, weighting: WeightingDraft(method: .entropy)))
    #expect(e.weights == [1, 0])
    #expect(e.weightReport.nodes.map(\.tookEqualWeights) == [false])
  }
}

/// One aggregation case of `Fixtures/edge-cases.json`: utilities and each criterion's part
/// from the documented formulas in exact arithmetic (weights as exact decimal products).
struct AggregationCase: @unchecked Sendable, CustomTestStringConvertible {
  let json: [String: Any]
  var testDescription: String { json["name"] as? String ?? "?" }
  var columns: [[Double]] { ((json["columns"] as? [Any]) ?? []).map(EdgeCase.doubles) }
  var weights: [Double] { EdgeCase.doubles(json["weights"]) }
  var utility: [Double] { EdgeCase.doubles(json["utility"]) }
  var parts: [[Double]] { ((json["parts"] as? [Any]) ?? []).map(EdgeCase.doubles) }
  var method: AggregationMethod {
    switch json["method"] as? String {
    case "weighted-product": return .weightedProduct(floor: json["floor"].map { EdgeCase.double($0) } ?? 0)
    case "topsis": return .topsis
    case "vikor": return .vikor(v: EdgeCase.double(json["v"]))
    default: return .weightedSum
    }
  }

  static func all() -> [AggregationCase] {
    ((EdgeCase.load()["aggregations"] as? [[String: Any]]) ?? []).map(AggregationCase.init)
  }
}

/// Utilities and contributions of every aggregation method against the exact formulas:
/// VIKOR's exact tie of worst regrets, TOPSIS's identical rows, a weighted product pulled down
/// by one value, random cases; the parts always sum to the utility the method computed.
@Suite("Aggregation edge cases and contributions against the exact formulas")
struct AggregationEdgeCaseTests {
  @Test func fixtureIsPresent() { #expect(AggregationCase.all().count >= 9) }

  @Test(arguments: AggregationCase.all())
  func utilitiesAndPartsMatchTheExactFormula(_ c: AggregationCase) {
    let (_, utility) = Aggregation.scores(c.columns, method: c.method, weights: c.weights)
    #expect(utility.count == c.utility.count)
    for (g, want) in zip(utility, c.utility) {
      #expect(isClose(g, want, relative: 1e-12, absolute: 1e-12), "\(c.testDescription): \(utility) vs \(c.utility)")
    }
    let decomposition = ScoreDecomposition(c.columns, method: c.method, weights: c.weights)
    for i in utility.indices {
      var parts = [Double](repeating: .nan, count: c.weights.count)
      parts.withUnsafeMutableBufferPointer { p in decomposition.parts(utility: utility[i], into: p) { c.columns[$0][i] } }
      for (g, want) in zip(parts, c.parts[i]) {
        #expect(isClose(g, want, relative: 1e-9, absolute: 1e-12), "\(c.testDescription) row \(i): \(parts) vs \(c.parts[i])")
      }
      #expect(abs(parts.reduce(0, +) - utility[i]) <= 1e-12, "\(c.testDescription) row \(i)")
    }
  }

  /// Identical rows get identical utilities and parts under every method.
  @Test func identicalRowsAreEqual() {
    let columns = [[0.2, 0.2, 0.9, 0.5], [0.7, 0.7, 0.1, 0.4], [0.33, 0.33, 0.5, 1]]
    let methods: [AggregationMethod] = [.weightedSum, .weightedProduct(floor: 0), .topsis, .vikor(v: 0.5)]
    for method in methods {
      let (_, u) = Aggregation.scores(columns, method: method, weights: [0.1 * 0.3, 0.37, 0.6])
      #expect(u[0] == u[1], "\(method)")
    }
  }
}

/// A random aggregation case: 2–7 criteria × 2–31 rows of values k/1000, positive weights
/// summing to 1, and the four methods (VIKOR at a random v).
func randomAggregationCase(seed: UInt64) -> (columns: [[Double]], weights: [Double], methods: [AggregationMethod]) {
  var rng = SplitMix64(seed: seed)
  let m = 2 + Int(rng.next() % 6), n = 2 + Int(rng.next() % 30)
  let columns = (0..<m).map { _ in (0..<n).map { _ in Double(rng.next() % 1001) / 1000 } }
  let w = (0..<m).map { _ in Double(rng.next() % 100 + 1) }
  let total = w.reduce(0, +)
  let methods: [AggregationMethod] = [.weightedSum, .weightedProduct(floor: 0.001), .topsis, .vikor(v: Double(rng.next() % 11) / 10)]
  return (columns, w.map { $0 / total }, methods)
}

/// Contributions decompose the score for every aggregation method: on random data, the
/// parts of every ranked row sum to its utility and the shares to 1.
@Suite("Contributions decompose the score")
struct ContributionPropertyTests {
  @Test(arguments: 0..<40)
  func partsSumToTheUtility(seed: UInt64) {
    let (columns, w, methods) = randomAggregationCase(seed: seed)
    let m = w.count, n = columns[0].count
    for method in methods {
      let (_, u) = Aggregation.scores(columns, method: method, weights: w)
      let d = ScoreDecomposition(columns, method: method, weights: w)
      for i in 0..<n {
        var parts = [Double](repeating: .nan, count: m)
        parts.withUnsafeMutableBufferPointer { p in d.parts(utility: u[i], into: p) { columns[$0][i] } }
        let finite = parts.allSatisfy { $0.isFinite }
        #expect(finite)
        #expect(abs(parts.reduce(0, +) - u[i]) <= 1e-12, "seed \(seed) \(method) row \(i): \(parts) vs \(u[i])")
      }
    }
  }
}

/// The block forms the table writers use (`ScoreDecomposition.parts(rows:…)`,
/// `Evaluation.shares(rows:…)`: a criterion at a time over many rows) give the very doubles
/// of the row-by-row forms, for every method, with rows whose utility or parts' sum is 0,
/// negative or NaN.
@Suite("Contributions of a block of rows equal the row-by-row ones bit for bit")
struct ContributionBlockTests {
  @Test(arguments: 0..<12)
  func blockEqualsRows(seed: UInt64) {
    var (columns, w, methods) = randomAggregationCase(seed: seed)
    let n = columns[0].count
    for j in columns.indices { columns[j][1] = 0 }  // a row whose parts are all 0 (weighted sum)
    if w.count > 2 { w[0] = 0 }  // a criterion without weight
    for method in methods {
      var (_, u) = Aggregation.scores(columns, method: method, weights: w)
      if n > 3 { u[2] = 0; u[3] = .nan }
      if n > 4 { u[4] = -0.25 }
      let shares = Self.sharesBothWays(columns, w, method, utility: u)
      #expect(shares.block.map(\.bitPattern) == shares.rows.map(\.bitPattern), "seed \(seed) \(method)")
    }
  }

  /// Every row's shares computed row by row and as one block, both column-major.
  static func sharesBothWays(_ columns: [[Double]], _ w: [Double], _ method: AggregationMethod, utility u: [Double])
    -> (rows: [Double], block: [Double])
  {
    let m = w.count, n = u.count
    let d = ScoreDecomposition(columns, method: method, weights: w)
    var rows = [Double](repeating: .nan, count: m * n)
    var part = [Double](repeating: .nan, count: m)
    for i in 0..<n {
      part.withUnsafeMutableBufferPointer { p in
        d.parts(utility: u[i], into: p) { columns[$0][i] }
        Evaluation.shares(p, utility: u[i])
      }
      for j in 0..<m { rows[j * n + i] = part[j] }
    }
    let values = columns.flatMap { $0 }
    var block = [Double](repeating: .nan, count: m * n)
    u.withUnsafeBufferPointer { u in
      values.withUnsafeBufferPointer { v in
        block.withUnsafeMutableBufferPointer { b in
          d.parts(rows: n, utility: u, values: v, into: b)
          Evaluation.shares(rows: n, parts: b, utility: u)
        }
      }
    }
    return (rows, block)
  }
}
