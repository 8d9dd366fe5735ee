import Criteria
import Model
import Scoring
import TestSupport
import Testing

@Suite("Normalisers")
struct NormaliserTests {
  static let all: [Normalisation] = [
    .minMax, .zScore, .vector, .sum, .max, .goalposts(low: 10, high: 60), .rank, .target(40),
  ]

  /// Unit values are in [0, 1] and finite, for either direction, across seeds.
  @Test(arguments: all)
  func unitValuesInRange(_ n: Normalisation) throws {
    for seed in 0..<50 as Range<UInt64> {
      var rng = SplitMix64(seed: seed)
      let x = (0..<(1 + Int(seed % 13))).map { _ in Double(rng.next() % 10_000) / 100 + 0.5 }
      for d in [Direction.benefit, .cost] {
        let u = try n.unit(x, direction: d, criterion: "c")
        #expect(u.count == x.count)
        #expect(u.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(n.name) \(d) seed \(seed)")
      }
    }
  }

  /// Orientation: the best raw value (max for benefit, min for cost) gets the highest value.
  @Test(arguments: all.filter { if case .target = $0 { return false } else { return true } })
  func directionAppliedOnce(_ n: Normalisation) throws {
    let x = [12.0, 30, 55, 20, 41]
    let benefit = try n.oriented(x, direction: .benefit, criterion: "c")
    let cost = try n.oriented(x, direction: .cost, criterion: "c")
    #expect(benefit.firstIndex(of: benefit.max() ?? 0) == 2)
    #expect(cost.firstIndex(of: cost.max() ?? 0) == 0)
  }

  @Test func publishedCostForms() throws {
    let x = [2.0, 4, 8]
    #expect(allClose(try Normalisation.minMax.oriented(x, direction: .cost, criterion: "c"), [1, 4.0 / 6, 0]))
    #expect(allClose(try Normalisation.max.oriented(x, direction: .cost, criterion: "c"), [1, 0.5, 0.25]))
    let inv = [0.5, 0.25, 0.125]
    #expect(allClose(try Normalisation.sum.oriented(x, direction: .cost, criterion: "c"), inv.map { $0 / 0.875 }))
    let norm = (4.0 + 16 + 64).squareRoot()
    #expect(allClose(try Normalisation.vector.oriented(x, direction: .cost, criterion: "c"), x.map { 1 - $0 / norm }))
    #expect(allClose(try Normalisation.goalposts(low: 0, high: 10).oriented(x, direction: .cost, criterion: "c"), [0.8, 0.6, 0.2]))
  }

  @Test func constantColumnRules() throws {
    let x = [7.0, 7, 7]
    #expect(MinMaxNormaliser.normalise(x) == [1, 1, 1])
    #expect(ZScoreNormaliser.normalise(x) == [0, 0, 0])
    #expect(try Normalisation.zScore.unit(x, direction: .benefit, criterion: "c") == [1, 1, 1])
    #expect(RankNormaliser.normalise(x) == [0.5, 0.5, 0.5])
    #expect(SumNormaliser.normalise([0, 0, 0, 0]) == [0.25, 0.25, 0.25, 0.25])
    #expect(MaxNormaliser.normalise([0, 0]) == [1, 1])
    #expect(allClose(VectorNormaliser.normalise([0, 0, 0, 0]), [0.5, 0.5, 0.5, 0.5]))
    #expect(TargetNormaliser.normalise([3, 3], target: 3) == [1, 1])
    #expect(MinMaxNormaliser.normalise([]) == [])
  }

  @Test func rankAveragesTies() {
    // ascending ranks 1, 2.5, 2.5, 4 → (r − 1)/3
    #expect(allClose(RankNormaliser.normalise([1, 5, 5, 9]), [0, 0.5, 0.5, 1]))
    #expect(RankNormaliser.normalise([42]) == [1])
  }

  @Test func goalpostsClamp() {
    #expect(GoalpostsNormaliser.normalise([-5, 0, 25, 50, 80], low: 0, high: 50) == [0, 0, 0.5, 1, 1])
  }

  @Test func targetDistance() {
    // distances 10, 0, 10, 20 over max 20
    #expect(allClose(TargetNormaliser.normalise([10, 20, 30, 40], target: 20), [0.5, 1, 0.5, 0]))
  }

  @Test func winsorisationClipsAtType7Quantiles() {
    let x = (1...11).map(Double.init)  // quantile(0.1) = 2, quantile(0.9) = 10
    #expect(Winsoriser.clip(x, quantiles: 0.1...0.9) == [2, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10])
    #expect(Winsoriser.quantile(sorted: [1, 2], 0.25) == 1.25)
  }

  @Test func domainErrorsNameTheCriterion() {
    #expect(throws: ScoringError(.domain(criterion: "profit", method: "sum", requirement: "values ≥ 0", value: -3), offset: 1)) {
      try Normalisation.sum.oriented([1, -3, 2], direction: .benefit, criterion: "profit")
    }
    #expect(
      throws: ScoringError(
        .domain(criterion: "defects", method: "max", requirement: "values > 0 for a cost criterion", value: 0), offset: 1)
    ) {
      try Normalisation.max.oriented([1, 0, 2], direction: .cost, criterion: "defects")
    }
    let message = ScoringError(.domain(criterion: "profit", method: "sum", requirement: "values ≥ 0", value: -3)).description
    #expect(message == "criterion 'profit': sum normalisation needs values ≥ 0, found -3")
  }

  /// Extreme magnitudes (near the top and bottom of Double) stay finite and in [0, 1].
  @Test(arguments: all)
  func extremeMagnitudesStayFinite(_ n: Normalisation) throws {
    let columns: [[Double]] = [
      [-1.7e308, 1.7e308, 0, 3], [1e308, 9e307, 1.5e308], [.leastNonzeroMagnitude, .leastNormalMagnitude / 1024, .leastNormalMagnitude, 1], [1e-300, 1e300, 7],
    ]
    for x in columns {
      for d in [Direction.benefit, .cost] {
        guard let u = try? n.unit(x, direction: d, criterion: "c") else { continue }  // domain errors are fine
        #expect(u.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(n.name) \(d) \(x): \(u)")
      }
    }
  }

  /// Min-max's extremes are those of one scan in row order (`lo = min(lo, v)`, `hi = max(hi, v)`
  /// from the first value), also where only the order decides: which zero's sign is the
  /// minimum or maximum, a NaN first or later, lengths on and off a multiple of four.
  @Test func minMaxExtremesAreThoseOfTheScanInRowOrder() {
    let pool: [Double] = [0.0, -0.0, 1, -1, 2.5, .nan, -3]
    var random = SplitMix64(seed: 7)
    for n in 1...13 {
      for _ in 0..<300 {
        let x = (0..<n).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
        var lo = x[0], hi = x[0]
        for v in x {
          lo = Swift.min(lo, v)
          hi = Swift.max(hi, v)
        }
        let expected = hi - lo > 0 ? x.map { ($0 - lo) * (1 / (hi - lo)) } : [Double](repeating: 1, count: n)
        #expect(MinMaxNormaliser.normalise(x).map(\.bitPattern) == expected.map(\.bitPattern), "\(x)")
        let cost = x.map { -$0 }
        var costLo = cost[0], costHi = cost[0]
        for v in cost {
          costLo = Swift.min(costLo, v)
          costHi = Swift.max(costHi, v)
        }
        let range = costHi - costLo
        let column = try? Normalisation.minMax.unitColumn(x, direction: .cost, criterion: "c")
        // (A NaN's sign after the negation is the compiler's choice: compared without NaN.)
        if range > 0, !x.contains(where: \.isNaN), let column {
          #expect(column.values.map(\.bitPattern) == cost.map { ($0 - costLo) * (1 / range) }.map(\.bitPattern), "cost \(x)")
        }
      }
    }
  }
}

