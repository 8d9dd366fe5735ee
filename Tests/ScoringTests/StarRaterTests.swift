import Criteria
import Model
import Scoring
import TestSupport
import Testing

@Suite("Star rater")
struct StarRaterTests {
  // require: above_scale (bool) and consulting >= 15 for 4 stars; 5 stars needs champion.
  static let levels = [
    StarLevel(stars: 3, minScore: 50),
    StarLevel(
      stars: 4, minScore: 75,
      require: .and(.name("above_scale"), .compare(.name("consulting"), .ge, .number(15)))),
    StarLevel(stars: 5, minScore: 90, require: .compare(.name("champion"), .eq, .bool(true))),
  ]

  static func resolver(_ values: [String: ExprValue]) -> (String) -> ExprValue { { values[$0] ?? .missing } }

  @Test func highestLevelWhoseBandAndRequirementHold() {
    let ok: [String: ExprValue] = ["above_scale": .bool(true), "consulting": .number(20), "champion": .bool(true)]
    let spec = StarSpec(levels: Self.levels)
    #expect(StarRater.rate(score: 95, stars: spec, resolve: Self.resolver(ok)).stars == 5)
    #expect(StarRater.rate(score: 95, stars: spec, resolve: Self.resolver(ok)).gap == nil)
    #expect(StarRater.rate(score: 80, stars: spec, resolve: Self.resolver(ok)).stars == 4)
    #expect(StarRater.rate(score: 49.99, stars: spec, resolve: Self.resolver(ok)).stars == 0)
    // Band reached up to rounding (75 − 1e-12) counts as reached.
    #expect(StarRater.rate(score: 75 - 1e-12, stars: spec, resolve: Self.resolver(ok)).stars == 4)
  }

  @Test func gapNamesPointsAndFailingClauses() throws {
    let values: [String: ExprValue] = ["above_scale": .bool(true), "consulting": .number(10), "champion": .bool(true)]
    let r = StarRater.rate(score: 80, stars: StarSpec(levels: Self.levels), resolve: Self.resolver(values))
    #expect(r.stars == 3)
    let gap = try #require(r.gap)
    #expect(gap.nextStars == 4)
    #expect(gap.pointsShort == 0)
    #expect(gap.unmetRequirements == ["consulting >= 15"])
    let low = StarRater.rate(score: 60.5, stars: StarSpec(levels: Self.levels), resolve: Self.resolver(values))
    #expect(low.gap?.pointsShort == 14.5)
  }

  /// Cumulative (default): 5 stars also needs the 4-star requirement; non-cumulative does not.
  @Test func cumulativeRequirements() {
    let values: [String: ExprValue] = ["above_scale": .bool(false), "consulting": .number(40), "champion": .bool(true)]
    let cumulative = StarRater.rate(score: 95, stars: StarSpec(levels: Self.levels), resolve: Self.resolver(values))
    #expect(cumulative.stars == 3)
    #expect(cumulative.gap?.nextStars == 4)
    #expect(cumulative.gap?.unmetRequirements == ["above_scale"])
    let independent = StarRater.rate(
      score: 95, stars: StarSpec(levels: Self.levels, cumulative: false), resolve: Self.resolver(values))
    #expect(independent.stars == 5)
  }

  @Test func missingValueFailsRequirement() {
    let r = StarRater.rate(score: 80, stars: StarSpec(levels: Self.levels), resolve: Self.resolver([:]))
    #expect(r.stars == 3)
    #expect(r.gap?.unmetRequirements == ["above_scale", "consulting >= 15"])
  }

  /// Through the Scorer: columns and `score` resolve via RowContext.
  @Test func throughScorer() throws {
    let table = makeTable(
      ids: ["a", "b", "c"], numbers: ["x": [10, 5, 0], "consulting": [20, 30, 1]],
      extra: ["above_scale": .bool([true, false, true]), "champion": .bool([false, false, true])])
    let spec = makeSpec([CriterionSpec(key: "x", column: "x", weight: 1)], stars: StarSpec(levels: Self.levels))
    let e = try Scorer.evaluate(table, spec: spec)
    #expect(e.score == [100, 50, 0])
    #expect(e.stars == [4, 3, 0])
    #expect(e.starGap[0]?.unmetRequirements == ["champion == true"])
    #expect(e.starGap[0]?.pointsShort == 0)
    #expect(e.starGap[1]?.unmetRequirements == ["above_scale"])
    #expect(e.starGap[1]?.pointsShort == 25)
    #expect(e.starGap[2]?.nextStars == 3)
    #expect(e.starGap[2]?.pointsShort == 50)
  }
}

@Suite("Row resolution for stars")
struct RowResolutionTests {
  /// The batch resolver used by StarRater gives exactly RowContext's values.
  @Test func starsMatchRowContextResolution() throws {
    let table = makeTable(
      ids: ["a", "b", "c", "d"], numbers: ["x": [10, 5, 0, 7], "y": [1, nil, 3, 2]],
      extra: ["flag": .bool([true, nil, false, true]), "industry": .category(CategoryColumn(codes: [0, 1, -1, 0], levels: ["汽车", "纺织"]))])
    let require: Expr = .and(
      .or(.compare(.name("criterion.x"), .ge, .number(50)), .member(.name("industry"), [.string("纺织")], negated: false)),
      .and(.compare(.name("group.g"), .gt, .number(10)), .not(.compare(.name("y"), .eq, .number(3)))))
    let levels = [
      StarLevel(stars: 1, minScore: 0, require: .compare(.name("flag"), .eq, .bool(true))),
      StarLevel(stars: 2, minScore: 20, require: require),
      StarLevel(stars: 3, minScore: 40, require: .compare(.name("rank"), .le, .number(1))),
    ]
    var y = CriterionSpec(key: "y", column: "y", group: "g", weight: 0.5, missing: .mean)
    y.direction = .cost
    let spec = makeSpec(
      [CriterionSpec(key: "x", column: "x", group: "g", weight: 0.5), y], groups: [GroupSpec(key: "g", weight: 1)],
      stars: StarSpec(levels: levels, cumulative: false))
    let e = try Scorer.evaluate(table, spec: spec)
    let context = RowContext(table: table, spec: spec, evaluation: e)
    for row in 0..<4 {
      let expected = StarRater.rate(score: e.score[row], stars: spec.stars) { context.value($0, row: row) }
      #expect(e.stars[row] == expected.stars, "row \(row)")
      #expect(e.starGap[row] == expected.gap, "row \(row)")
    }
    #expect(Set(e.stars).count > 1)
    // Chinese display names rank, score, stars and groups as officials read them.
    let gaps = e.starGap.compactMap { $0 }.filter { $0.unmetRequirements == ["rank <= 1"] }
    #expect(!gaps.isEmpty)
    for gap in gaps {
      #expect(gap.unmet(shown: OfficialNames.starRequirements(spec, english: false)) == ["排名 ≤ 1"])
      #expect(gap.unmet(shown: OfficialNames.starRequirements(spec, english: true)) == ["rank ≤ 1"])
    }
  }
}
