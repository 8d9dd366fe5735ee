import Criteria
import Model
import Scoring
import Selection
import TestSupport
import Testing

/// Star ratings through the one engine (`Selector.run`): score = x on goalposts 0…100.
@Suite("Star rating")
struct StarRatingTests {
  // require: above_scale (bool) and consulting >= 15 for 4 stars; 5 stars needs champion.
  static let levels = [
    StarLevelDraft(stars: 3, minScore: 50),
    StarLevelDraft(
      stars: 4, minScore: 75,
      require: .and(.name("above_scale"), .compare(.name("consulting"), .ge, .number(15)))),
    StarLevelDraft(stars: 5, minScore: 90, require: .compare(.name("champion"), .eq, .bool(true))),
  ]

  struct Firm {
    var score: Double
    var aboveScale: Bool? = true
    var consulting: Double? = 20
    var champion: Bool? = true
  }

  static func run(_ firms: [Firm], cumulative: Bool = true, levels: [StarLevelDraft] = levels) throws -> Evaluation {
    let ids = firms.indices.map { String(format: "E%02d", $0) }
    let table = makeTable(
      ids: ids, numbers: ["x": firms.map(\.score), "consulting": firms.map(\.consulting)],
      extra: ["above_scale": .bool(firms.map(\.aboveScale)), "champion": .bool(firms.map(\.champion))])
    let spec = makeSpec(
      [CriterionDraft(key: "x", column: "x", normalisation: .goalposts(low: 0, high: 100), weight: 1)],
      stars: StarsDraft(levels: levels, cumulative: cumulative),
      extraColumns: [
        ColumnSpec(key: "consulting", headers: ["consulting"], type: .number, missing: .exclude),
        ColumnSpec(key: "above_scale", headers: ["above_scale"], type: .bool),
        ColumnSpec(key: "champion", headers: ["champion"], type: .bool),
      ])
    return try Selector.run(table, spec: spec, history: []).evaluation
  }

  @Test func highestLevelWhoseBandAndRequirementHold() throws {
    let e = try Self.run([Firm(score: 95), Firm(score: 80), Firm(score: 49.99), Firm(score: 75 - 1e-12)])
    #expect(e.stars == [5, 4, 0, 4])  // a band reached up to rounding (75 − 1e-12) counts as reached
    #expect(e.starGap[0] == nil)
  }

  /// 0.7·1 + 0.1·1 = 0.7999999999999999 reaches a band at 0.8 (scale 0…1): the engine's
  /// band test is the one every caller uses.
  @Test func sumJustBelowTheEdgeReachesTheBand() throws {
    let table = makeTable(ids: ["a", "b"], numbers: ["x": [1, 0], "y": [1, 0], "z": [0, 1]])
    let spec = makeSpec(
      [
        CriterionDraft(key: "x", column: "x", weight: 0.7), CriterionDraft(key: "y", column: "y", weight: 0.1),
        CriterionDraft(key: "z", column: "z", weight: 0.2),
      ], stars: StarsDraft(levels: [StarLevelDraft(stars: 4, minScore: 0.8)]), scale: 0...1)
    let e = try Selector.run(table, spec: spec, history: []).evaluation
    #expect(e.score[0] == 0.7 + 0.1)
    #expect(e.score[0] < 0.8)
    #expect(e.stars == [4, 0])
    #expect(e.starGap[1]?.pointsShort == 0.8 - e.score[1])
  }

  @Test func gapNamesPointsAndFailingClauses() throws {
    let e = try Self.run([Firm(score: 80, consulting: 10), Firm(score: 60.5, consulting: 10)])
    #expect(e.stars == [3, 3])
    let gap = try #require(e.starGap[0])
    #expect(gap.nextStars == 4)
    #expect(gap.pointsShort == 0)
    #expect(gap.unmetRequirements == ["consulting >= 15"])
    #expect(e.starGap[1]?.pointsShort == 75 - e.score[1])
  }

  /// Cumulative (default): 5 stars also needs the 4-star requirement; non-cumulative does not.
  @Test func cumulativeRequirements() throws {
    let firm = Firm(score: 95, aboveScale: false, consulting: 40)
    let cumulative = try Self.run([firm])
    #expect(cumulative.stars == [3])
    #expect(cumulative.starGap[0]?.nextStars == 4)
    #expect(cumulative.starGap[0]?.unmetRequirements == ["above_scale"])
    #expect(try Self.run([firm], cumulative: false).stars == [5])
  }

  @Test func missingValueFailsRequirement() throws {
    let e = try Self.run([Firm(score: 80, aboveScale: nil, consulting: nil, champion: nil)])
    #expect(e.stars == [3])
    #expect(e.starGap[0]?.unmetRequirements == ["above_scale", "consulting >= 15"])
  }

  @Test func gapsOfEveryRow() throws {
    let e = try Self.run([
      Firm(score: 100, champion: false), Firm(score: 50, aboveScale: false), Firm(score: 0, aboveScale: true),
    ])
    #expect(e.stars == [4, 3, 0])
    #expect(e.starGap[0]?.unmetRequirements == ["champion == true"])
    #expect(e.starGap[0]?.pointsShort == 0)
    #expect(e.starGap[1]?.unmetRequirements == ["above_scale"])
    #expect(e.starGap[1]?.pointsShort == 25)
    #expect(e.starGap[2]?.nextStars == 3)
    #expect(e.starGap[2]?.pointsShort == 50)
  }

  /// Names of every kind in requirements (criterion, group, category, missing numbers):
  /// the engine's stars equal the documented rule evaluated row by row through
  /// `RowContext`, the public resolver.
  @Test func requirementsReadEveryKindOfName() throws {
    let table = makeTable(
      ids: ["a", "b", "c", "d"], numbers: ["x": [10, 5, 0, 7], "y": [1, nil, 3, 2]],
      extra: [
        "flag": .bool([true, nil, false, true]),
        "industry": .category(CategoryColumn(codes: [0, 1, -1, 0], levels: ["汽车", "纺织"])),
      ])
    let require: Expr = .and(
      .or(.compare(.name("criterion.x"), .ge, .number(50)), .member(.name("industry"), [.string("纺织")], negated: false)),
      .and(.compare(.name("group.g"), .gt, .number(10)), .not(.compare(.name("y"), .eq, .number(3)))))
    let levels = [
      StarLevelDraft(stars: 1, minScore: 0, require: .compare(.name("flag"), .eq, .bool(true))),
      StarLevelDraft(stars: 2, minScore: 20, require: require),
      StarLevelDraft(stars: 3, minScore: 40, require: .compare(.name("score"), .ge, .number(60))),
    ]
    let y = CriterionDraft(key: "y", column: "y", direction: .cost, group: "g", weight: 0.5, missing: .mean)
    let spec = makeSpec(
      [CriterionDraft(key: "x", column: "x", group: "g", weight: 0.5), y], groups: [GroupDraft(key: "g", weight: 1)],
      stars: StarsDraft(levels: levels, cumulative: false),
      extraColumns: [
        ColumnSpec(key: "flag", headers: ["flag"], type: .bool),
        ColumnSpec(key: "industry", headers: ["industry"], type: .category),
      ])
    let e = try Selector.run(table, spec: spec, history: []).evaluation
    let context = RowContext(table: table, spec: spec, evaluation: e)
    for row in 0..<4 {
      let expected = levels.last { level in
        e.score[row] >= level.minScore && (level.require?.holds { context.value($0, row: row) } ?? true)
      }?.stars ?? 0
      #expect(e.stars[row] == expected, "row \(row)")
    }
    #expect(Set(e.stars).count > 1)
    // Chinese display names score, stars and groups as officials read them.
    let gaps = e.starGap.compactMap { $0 }.filter { $0.unmetRequirements == ["score >= 60"] }
    #expect(!gaps.isEmpty)
    for gap in gaps {
      #expect(gap.unmet(shown: OfficialNames.starRequirements(spec, english: false)) == ["得分 ≥ 60"])
      #expect(gap.unmet(shown: OfficialNames.starRequirements(spec, english: true)) == ["score ≥ 60"])
    }
  }
}
