import Criteria
import Model
import Scoring
import Selection
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct RankCorrelationTests {
  /// O(n²) definition: τ_b = (C − D)/√((n₀ − n₁)(n₀ − n₂)).
  static func bruteTauB(_ x: [Double], _ y: [Double]) -> Double {
    var c = 0, d = 0, tx = 0, ty = 0
    let n = x.count
    for i in 0..<n {
      for j in (i + 1)..<n {
        let a = (x[i] - x[j]).sign, b = (y[i] - y[j]).sign
        if x[i] == x[j] { tx += 1 }
        if y[i] == y[j] { ty += 1 }
        if x[i] != x[j] && y[i] != y[j] { if a == b { c += 1 } else { d += 1 } }
      }
    }
    let n0 = n * (n - 1) / 2
    return Double(c - d) / (Double(n0 - tx) * Double(n0 - ty)).squareRoot()
  }

  @Test(arguments: 0..<40)
  func knightEqualsBruteForceWithTies(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 2 + Int(rng.next() % 60)
    let levels = UInt64(2 + rng.next() % 12)
    let x = (0..<n).map { _ in Double(rng.next() % levels) }
    let y = (0..<n).map { _ in Double(rng.next() % levels) }
    let brute = Self.bruteTauB(x, y)
    if brute.isNaN { #expect(RankCorrelation.kendallTauB(x, y) == 0) } else {
      #expect(abs(RankCorrelation.kendallTauB(x, y) - brute) < 1e-12)
    }
  }

  /// SciPy's documented example (`scipy.stats.kendalltau`), values from SciPy 1.17.
  @Test func scipyExample() {
    let x: [Double] = [12, 2, 1, 12, 2], y: [Double] = [1, 4, 7, 1, 0]
    #expect(abs(RankCorrelation.kendallTauB(x, y) - -0.4714045207910316) < 1e-15)
    #expect(abs(RankCorrelation.spearman(x, y) - -0.5407380704358752) < 1e-15)
  }

  @Test(arguments: 0..<10)
  func spearmanWithoutTiesIsTheClassicFormula(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 30
    let x = (0..<n).map(Double.init)
    let y = x.shuffled(using: &rng)
    let d2 = zip(x, y).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let classic = 1 - 6 * d2 / Double(n * (n * n - 1))
    #expect(abs(RankCorrelation.spearman(x, y) - classic) < 1e-12)
  }
}

@Suite struct CriteriaDiffTests {
  static func run(_ weights: [Double]) throws -> (Spec, Evaluation, Decision) {
    let values = Problem.random(rows: 50, criteria: 3, seed: 4)
    let stars = StarsDraft(levels: [StarLevelDraft(stars: 3, minScore: 50), StarLevelDraft(stars: 4, minScore: 70)])
    let p = Problem.make(
      values: values, weights: weights, programmes: [ProgrammeDraft(key: "city", quota: 8)], stars: stars)
    let ev = try Scorer.evaluate(p.table, spec: p.spec)
    return (p.spec, ev, Selector.decide(ev, table: p.table, spec: p.spec, history: []))
  }

  @Test func identicalCriteriaChangeNothing() throws {
    let (s, e, d) = try Self.run([0.5, 0.3, 0.2])
    let diff = CriteriaDiff.compare(specA: s, e, d, specB: s, e, d)
    #expect(diff.programmes[0].entering.isEmpty && diff.programmes[0].leaving.isEmpty)
    #expect(diff.spearman == 1 && diff.kendallTauB == 1)
    #expect(diff.largestMovers.allSatisfy { $0.shift == 0 })
    #expect(diff.starsGained.isEmpty && diff.starsLost.isEmpty)
  }

  @Test func changedWeightsAreAccountedFor() throws {
    let (sa, ea, da) = try Self.run([0.6, 0.3, 0.1])
    let (sb, eb, db) = try Self.run([0.1, 0.3, 0.6])
    let diff = CriteriaDiff.compare(specA: sa, ea, da, specB: sb, eb, db, movers: 5)
    let c = diff.programmes[0]
    #expect(Set(c.staying).union(c.leaving) == Set(da.programmes[0].selected))
    #expect(Set(c.staying).union(c.entering) == Set(db.programmes[0].selected))
    #expect(!c.entering.isEmpty)
    #expect(diff.largestMovers.count == 5)
    let maxShift = diff.shifts.map { abs($0.shift) }.max() ?? 0
    #expect(abs(diff.largestMovers[0].shift) == maxShift)
    #expect(diff.kendallTauB < 1 && diff.spearman < 1)
    for g in diff.starsGained { #expect(eb.stars[g.row] > ea.stars[g.row]) }
    for l in diff.starsLost { #expect(eb.stars[l.row] < ea.stars[l.row]) }
    #expect(diff.starsGained.count + diff.starsLost.count == (0..<50).filter { ea.stars[$0] != eb.stars[$0] }.count)
    #expect(diff.weights.map(\.key) == ["k0", "k1", "k2"])
    #expect(abs(diff.weights[0].a - 0.6) < 1e-12 && abs(diff.weights[0].b - 0.1) < 1e-12)
  }
}
