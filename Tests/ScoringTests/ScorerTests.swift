import Criteria
import Model
import Scoring
import TestSupport
import Testing

@Suite("Scorer")
struct ScorerTests {
  static let methods: [AggregationMethod] = [.weightedSum, .weightedProduct(floor: 0.01), .topsis, .vikor(v: 0.5)]

  /// - Parameters:
  ///   - explicit: whether the normalisation is set explicitly (nil: the default).
  ///   - grouped: gain and cost in group `effect` (false: all three at the root).
  ///   - missing: each criterion's missing policy (nil: its column's).
  static func criteria(
    _ normalisation: Normalisation = .minMax, explicit: Bool? = nil, grouped: Bool = true,
    missing: [MissingPolicy?] = [nil, nil, nil]
  ) -> [CriterionDraft] {
    let group = grouped ? "effect" : nil
    return [
      CriterionDraft(
        key: "gain", column: "gain", normalisation: normalisation, group: group, weight: 0.5, missing: missing[0],
        explicitNormalisation: explicit),
      CriterionDraft(
        key: "cost", column: "cost", direction: .cost, normalisation: normalisation, group: group, weight: 0.5,
        missing: missing[1], explicitNormalisation: explicit),
      CriterionDraft(
        key: "quality", column: "quality", normalisation: normalisation, weight: 0.4, missing: missing[2],
        explicitNormalisation: explicit),
    ]
  }
  static let groups = [GroupDraft(key: "effect", weight: 0.6)]

  static func randomTable(seed: UInt64, rows: Int) -> Table {
    var rng = SplitMix64(seed: seed)
    func value() -> Double { Double(rng.next() % 1000) / 10 + 1 }
    let ids = (0..<rows).map { "E\($0)" }
    return makeTable(
      ids: ids,
      numbers: [
        "gain": ids.map { _ in value() }, "cost": ids.map { _ in value() }, "quality": ids.map { _ in value() },
      ])
  }

  @Test func weightedSumByHand() throws {
    let table = makeTable(ids: ["a", "b", "c"], numbers: ["gain": [0, 5, 10], "cost": [30, 20, 10], "quality": [1, 3, 2]])
    let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups))
    // weights: gain 0.3, cost 0.3, quality 0.4; r: gain (0, .5, 1), cost (0, .5, 1), quality (0, 1, .5)
    #expect(allClose(e.weights, [0.3, 0.3, 0.4]))
    #expect(allClose(e.raw, [0, 0.7, 0.8]))
    #expect(allClose(e.score, [0, 70, 80]))
    #expect(e.rank == [3, 2, 1])
    #expect(e.order == [2, 1, 0])
    #expect(allClose(e.groupScores["effect"] ?? [], [0, 50, 100]))
    #expect(allClose(e.contributions(row: 1), [0.15 / 0.7, 0.15 / 0.7, 0.4 / 0.7]))
    #expect(e.labels[0] == "企业a")
  }

  @Test func scoreUsesTheScale() throws {
    let table = makeTable(ids: ["a", "b"], numbers: ["gain": [1, 2], "cost": [2, 1], "quality": [1, 2]])
    let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, scale: 20...120))
    #expect(e.score == [20, 120])
  }

  @Test(arguments: methods)
  func deterministicAndFinite(_ method: AggregationMethod) throws {
    for seed in 0..<5 as Range<UInt64> {
      let table = Self.randomTable(seed: seed, rows: 40)
      let spec = makeSpec(Self.criteria(), groups: Self.groups, aggregation: method)
      let a = try Scorer.evaluate(table, spec: spec)
      let b = try Scorer.evaluate(table, spec: spec)
      #expect(a.raw == b.raw)
      #expect(a.score == b.score)
      #expect(a.order == b.order)
      #expect(a.rank == b.rank)
      #expect(a.competitionRank == b.competitionRank)
      #expect(allFinite(a))
      #expect(Set(a.rank) == Set(1...40))
      #expect(a.score.allSatisfy { $0 >= 0 && $0 <= 100 })
    }
  }

  /// Degenerate data: one enterprise, identical enterprises, constant columns — every
  /// method, every normalisation: finite, top of the scale (documented rule).
  @Test(arguments: methods, NormaliserTests.all)
  func degenerateInputsGiveTopScore(_ method: AggregationMethod, _ normalisation: Normalisation) throws {
    let single = makeTable(ids: ["only"], numbers: ["gain": [5], "cost": [3], "quality": [2]])
    let identical = makeTable(ids: ["a", "b", "c"], numbers: ["gain": [5, 5, 5], "cost": [3, 3, 3], "quality": [2, 2, 2]])
    for table in [single, identical] {
      let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(normalisation), groups: Self.groups, aggregation: method))
      #expect(allFinite(e))
      #expect(e.competitionRank.allSatisfy { $0 == 1 })
      // Relative normalisations give the best observed value (1) to a constant column; an
      // n-way rank tie sits at the middle percentile; every row of a constant column off the
      // target is the farthest from it (target: 0); vector, sum and goalposts are not
      // relative to the best row (1/√n, 1/n, fixed bounds) and are only required finite.
      let relative: [Normalisation] = [.minMax, .zScore, .max]
      if relative.contains(normalisation) || method == .topsis || method == .vikor(v: 0.5)
        || (normalisation == .rank && table.rowCount == 1)
      {
        #expect(e.score.allSatisfy { isClose($0, 100) }, "\(method) \(normalisation.name): \(e.score)")
      } else if normalisation == .rank, method == .weightedSum {
        #expect(e.score.allSatisfy { isClose($0, 50) })
      } else if normalisation == .target(40), method == .weightedSum {
        #expect(e.score.allSatisfy { $0 == 0 }, "\(e.score)")
      }
    }
  }

  @Test func topsisOfIdenticalAlternativesIsOne() {
    let r = Aggregation.scores([[0.3, 0.3], [0.8, 0.8]], method: .topsis, weights: [0.5, 0.5])
    #expect(r.raw == [1, 1])
  }

  @Test func vikorDegenerateTermsAreZero() {
    // S* = S⁻ and R* = R⁻: Q = 0 for everyone
    #expect(Aggregation.vikorMeasures([[1, 1, 1]], weights: [1], v: 0.5).q == [0, 0, 0])
    // two criteria, mirror images: S equal for both, R equal → Q = 0
    let m = Aggregation.vikorMeasures([[0, 1], [1, 0]], weights: [0.5, 0.5], v: 0.5)
    #expect(m.q == [0, 0])
  }

  @Test func weightedProductFloorsZeros() {
    let raw = Aggregation.scores([[0, 1], [1, 1]], method: .weightedProduct(floor: 0.01), weights: [0.5, 0.5]).raw
    #expect(allClose(raw, [0.1, 1]))
  }

  @Test func vikorRawIsQAndLowerIsBetter() throws {
    let table = makeTable(ids: ["a", "b", "c"], numbers: ["gain": [0, 5, 10], "cost": [30, 20, 10], "quality": [1, 3, 2]])
    let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, aggregation: .vikor(v: 0.5)))
    // S = (1, 0.3, 0.2), R = (0.4, 0.15, 0.2) → Q = (1, 0.0625, 0.1): b's smaller regret wins.
    #expect(allClose(e.raw, [1, 0.0625, 0.1]))
    #expect(e.order == [1, 2, 0])
    #expect(allClose(e.score, e.raw.map { 100 * (1 - $0) }))
  }

  /// TOPSIS uses vector normalisation unless the criterion set one explicitly.
  @Test func topsisHonoursExplicitNormalisation() throws {
    let table = Self.randomTable(seed: 9, rows: 12)
    let implicit = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, aggregation: .topsis))
    let vector = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(.vector), groups: Self.groups, aggregation: .topsis))
    #expect(allClose(implicit.raw, vector.raw, relative: 1e-12))
    let explicitMinMax = Self.criteria(explicit: true)
    let minMax = try Scorer.evaluate(table, spec: makeSpec(explicitMinMax, groups: Self.groups, aggregation: .topsis))
    #expect(!allClose(implicit.raw, minMax.raw, relative: 1e-6))
    let z = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(.zScore), groups: Self.groups, aggregation: .topsis))
    #expect(allFinite(z))
    #expect(z.normalised.map(\.values).joined().allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  /// Median imputation over thousands of values with repeats, negatives and both parities:
  /// the imputed rows read exactly min-max of the median a plain sort gives.
  @Test(arguments: [3001, 3000])
  func medianImputationAtScale(rows: Int) throws {
    var state: UInt64 = 77
    let gain: [Double?] = (0..<rows).map { i in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      if i % 13 == 5 { return nil }
      return Double(Int(state >> 40) % 500 - 120) / 4  // many repeats
    }
    let ids = (0..<rows).map { "e\($0)" }
    let table = makeTable(
      ids: ids, numbers: ["gain": gain, "cost": (0..<rows).map { Double($0 % 7) }, "quality": (0..<rows).map { Double($0 % 5) }])
    let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, missing: .median))
    let present = gain.compactMap { $0 }.sorted()
    let mid = present.count / 2
    let fill = present.count % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2
    let lo = min(present[0], fill), hi = max(present[present.count - 1], fill)
    let expected = (fill - lo) * (1 / (hi - lo))
    for row in gain.indices where gain[row] == nil {
      #expect(e.normalised[0][row].bitPattern == expected.bitPattern)
      #expect(e.imputed[0][row])
    }
  }

  @Test func missingPoliciesImpute() throws {
    let table = makeTable(ids: ["a", "b", "c", "d"], numbers: ["gain": [2, nil, 10, 6], "cost": [1, 2, 3, 4], "quality": [1, 1, 2, 2]])
    func gainValue(_ policy: MissingPolicy) throws -> (Double, Bool) {
      let e = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, missing: policy))
      // min-max of gain over (2, x, 10, 6): x = 2 + 8·r
      return (2 + 8 * e.normalised[0][1], e.imputed[0][1])
    }
    #expect(try gainValue(.worst) == (2, true))
    #expect(try gainValue(.mean) == (6, true))
    #expect(try gainValue(.median) == (6, true))
    let zero = try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, missing: .zero))
    #expect(zero.normalised[0][1] == 0)
    #expect(zero.imputed[0] == [false, true, false, false])
    // worst of a cost criterion is the maximum
    let costWorst = Self.criteria(missing: [nil, .worst, nil])
    let costTable = makeTable(ids: ["a", "b", "c"], numbers: ["gain": [1, 2, 3], "cost": [5, nil, 9], "quality": [1, 2, 3]])
    let c = try Scorer.evaluate(costTable, spec: makeSpec(costWorst, groups: Self.groups))
    #expect(c.normalised[1][1] == 0)
  }

  /// (`allow` is not a criterion's policy: the loader refuses it, docs/criteria.md.)
  @Test(arguments: [MissingPolicy.exclude, .reject])
  func excludeLeavesRowUnranked(_ policy: MissingPolicy) throws {
    let table = makeTable(ids: ["a", "b", "c", "d"], numbers: ["gain": [2, nil, 10, 6], "cost": [1, 2, 3, 4], "quality": [1, 1, 2, 2]])
    let criteria = Self.criteria(missing: [policy, nil, nil])
    let e = try Scorer.evaluate(table, spec: makeSpec(criteria, groups: Self.groups))
    #expect(e.rank[1] == 0)
    #expect(e.competitionRank[1] == 0)
    #expect(e.order.count == 3)
    #expect(!e.order.contains(1))
    #expect(e.unranked.count == 1)
    #expect(e.unranked.first?.row == 1)
    #expect(e.unranked.first?.reason == "missing value in column 'gain'")
    // the excluded row does not move the others: same as scoring the three rows alone
    let alone = makeTable(ids: ["a", "c", "d"], numbers: ["gain": [2, 10, 6], "cost": [1, 3, 4], "quality": [1, 2, 2]])
    let f = try Scorer.evaluate(alone, spec: makeSpec(Self.criteria(), groups: Self.groups))
    #expect(allClose([e.raw[0], e.raw[2], e.raw[3]], f.raw))
    #expect(allFinite(e))
  }

  @Test func allMissingCriterionThrows() {
    let table = makeTable(ids: ["a", "b"], numbers: ["gain": [nil, nil], "cost": [1, 2], "quality": [1, 2]])
    #expect(throws: ScoringError(.allMissing(criterion: "gain", column: "gain"), file: "test.csv", line: 2, column: "gain")) {
      try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups, missing: .mean))
    }
    #expect(
      ScoringError(.allMissing(criterion: "gain", column: "gain"), file: "test.csv", line: 2, column: "gain").diagnostics
        .diagnostics.map(\.description) == ["test.csv:2:gain: criterion 'gain': every value of column 'gain' is missing"])
  }

  /// A criterion on an optional column the file does not have (`required = false`).
  @Test func absentColumnThrows() {
    let table = makeTable(ids: ["a"], numbers: ["gain": [1], "cost": [1]])
    #expect(throws: ScoringError(.columnAbsent(usedBy: "criterion 'quality'", column: "quality"), file: "test.csv", line: 1, column: "quality")) {
      try Scorer.evaluate(table, spec: makeSpec(Self.criteria(), groups: Self.groups))
    }
  }

  @Test func winsorisationBeforeNormalising() throws {
    let criteria = [CriterionDraft(key: "gain", column: "gain", weight: 1, winsorise: 0.0...0.75)]
    let table = makeTable(ids: ["a", "b", "c", "d", "e"], numbers: ["gain": [0, 1, 2, 3, 100]])
    let e = try Scorer.evaluate(table, spec: makeSpec(criteria))
    // q(0.75) = 3: the outlier is clipped to 3 and ties with d
    #expect(e.normalised[0].values == [0, 1.0 / 3, 2.0 / 3, 1, 1])
    #expect(e.competitionRank[3] == e.competitionRank[4])
  }

  @Test func emptyTable() throws {
    let table = makeTable(ids: [], numbers: ["gain": [], "cost": [], "quality": []])
    let flat = Self.criteria(grouped: false)
    for weighting in [WeightingMethod.direct, .entropy, .critic, .standardDeviation] {
      let e = try Scorer.evaluate(table, spec: makeSpec(flat, weighting: WeightingDraft(method: weighting, normalise: true)))
      #expect(e.order.isEmpty)
      #expect(e.raw.isEmpty)
      #expect(allFinite(e))
    }
  }

  /// Nested groups: a group's score covers its sub-groups' criteria, weighted by the
  /// product of local weights below it.
  @Test func nestedGroupScores() throws {
    let table = makeTable(ids: ["a", "b"], numbers: ["gain": [0, 1], "cost": [0, 1], "quality": [0, 1]])
    let criteria = [
      CriterionDraft(key: "gain", column: "gain", group: "inner", weight: 1),
      CriterionDraft(key: "cost", column: "cost", direction: .cost, group: "outer", weight: 0.25),
      CriterionDraft(key: "quality", column: "quality", weight: 0.5),
    ]
    let groups = [GroupDraft(key: "outer", weight: 0.5), GroupDraft(key: "inner", parent: "outer", weight: 0.75)]
    let e = try Scorer.evaluate(table, spec: makeSpec(criteria, groups: groups))
    // weights: gain 0.5·0.75 = 0.375, cost 0.5·0.25 = 0.125, quality 0.5
    #expect(allClose(e.weights, [0.375, 0.125, 0.5]))
    // row b: gain r = 1, cost r = 0 → outer = (0.375·1 + 0.125·0)/0.5 = 75; inner = 100
    #expect(allClose(e.groupScores["outer"] ?? [], [25, 75]))
    #expect(allClose(e.groupScores["inner"] ?? [], [0, 100]))
    #expect(e.weightReport.nodes.map(\.key) == ["", "outer", "inner"])
  }

  /// Values near the limits of Double: every method and data-driven weighting stays finite.
  @Test(arguments: methods)
  func extremeMagnitudesThroughScorer(_ method: AggregationMethod) throws {
    let table = makeTable(
      ids: ["a", "b", "c"],
      numbers: ["gain": [-1.7e308, 1.7e308, 0], "cost": [1e308, 9e307, 1.5e308], "quality": [1e-300, 1e300, 7]])
    let flat = Self.criteria(grouped: false)
    for weighting in [WeightingMethod.equal, .entropy, .critic, .standardDeviation] {
      let e = try Scorer.evaluate(table, spec: makeSpec(flat, weighting: WeightingDraft(method: weighting), aggregation: method))
      #expect(allFinite(e), "\(method) \(weighting)")
    }
  }
}
