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
