import Criteria
import Model
import Testing
import TestSupport

/// The drafts tests write their specs with (`TestSupport`): written out as a criteria file
/// and loaded, they give back every value they hold, and an invalid one is refused by the
/// loader with the file's own messages, so no test can build a spec a file could not give.
@Suite struct DraftTests {
  static let columns = [
    ColumnSpec(key: "id", headers: ["编号"], type: .text), ColumnSpec(key: "name", headers: ["名称"], type: .text),
    ColumnSpec(key: "industry", headers: ["行业"], type: .category, allowedValues: ["纺织", "机械"]),
    ColumnSpec(key: "x", headers: ["x"], type: .number, range: 0...100, missing: .median, unit: "%"),
    ColumnSpec(key: "y", headers: ["y", "Y"], type: .integer), ColumnSpec(key: "z", headers: ["z"], type: .number),
  ]

  @Test func everyValueComesBack() {
    let criteria = [
      CriterionDraft(key: "a", label: "甲", column: "x", normalisation: .goalposts(low: 0, high: 50), group: "g", winsorise: 0.01...0.99),
      CriterionDraft(key: "b", column: "y", direction: .cost, normalisation: .target(0.5), group: "g", missing: .worst),
      CriterionDraft(key: "c", column: "z", weight: 0.4),
    ]
    let groups = [
      GroupDraft(
        key: "g", label: "成效", weight: 0.6,
        weighting: WeightingDraft(method: .ahp, ahp: AHPDraft(order: ["a", "b"], matrix: [[1, 3], [1.0 / 3, 1]])))
    ]
    let stars = StarsDraft(
      levels: [
        StarLevelDraft(stars: 3, minScore: 40.5),
        StarLevelDraft(stars: 5, label: "五星", minScore: 80, require: .compare(.name("x"), .ge, .number(30))),
      ], cumulative: false)
    let programmes = [
      ProgrammeDraft(key: "city", name: "市级", level: .municipal, quota: 3, reserves: 1, caps: ["industry": 2], historyYears: 2, reward: 100_000),
      ProgrammeDraft(
        key: "prov", quota: 1, eligible: .and(.name("selected.city"), .compare(.name("stars"), .ge, .number(5))), from: "city",
        fromMode: .eligible, pilotIndustries: ["纺织"], pilotPriority: .first, historyNames: ["省级", "prov"]),
    ]
    let spec = loadedSpec(
      source: "d.toml", evaluation: EvaluationDraft(name: "评选", year: 2023, idColumn: "id", labelColumn: "name", scoreDecimals: 1),
      columns: Self.columns, criteria: criteria, groups: groups, aggregation: .vikor(v: 0.3),
      ranking: RankingDraft(precision: 1e-6, tieBreak: [.group("g", descending: true), .column("y", descending: false)]),
      stars: stars, programmes: programmes, rewards: RewardDraft(byStars: [4: 5_000, 5: 50_000], stacking: .max, budget: 60_000),
      uncertainty: UncertaintyDraft(model: .dirichlet(concentration: 40), vary: ["a", "c"], aggregations: [.topsis], samples: 50, seed: 9))
    #expect(spec.source == "d.toml" && spec.evaluation.name == "评选" && spec.evaluation.year == 2023 && spec.evaluation.scoreDecimals == 1)
    #expect(spec.columns.map(\.key) == Self.columns.map(\.key) && spec.columns.map(\.headers) == Self.columns.map(\.headers))
    #expect(spec.columns.map(\.range) == Self.columns.map(\.range) && spec.columns.map(\.missing) == Self.columns.map(\.missing))
    #expect(spec.column("industry")?.allowedValues == ["纺织", "机械"] && spec.column("x")?.unit == "%")
    #expect(spec.criteria.map(\.key) == ["a", "b", "c"] && spec.criteria.map(\.label) == ["甲", "b", "c"])
    #expect(spec.criteria.map(\.normalisation) == criteria.map(\.normalisation))
    #expect(spec.criteria.map(\.explicitNormalisation) == [true, true, false])
    #expect(spec.criteria.map(\.direction) == [.benefit, .cost, .benefit] && spec.criteria.map(\.group) == ["g", "g", nil])
    #expect(spec.criteria.map(\.weight) == [nil, nil, 0.4] && spec.criteria.map(\.missing) == [nil, .worst, nil])
    #expect(spec.criteria[0].winsorise == 0.01...0.99)
    #expect(spec.groups.map(\.key) == ["g"] && spec.groups[0].label == "成效" && spec.groups[0].weight == 0.6)
    #expect(spec.groups[0].weighting?.method == .ahp && spec.groups[0].weighting?.ahp?.order == ["a", "b"])
    #expect(spec.groups[0].weighting?.ahp?.matrix == [[1, 3], [1.0 / 3, 1]])
    #expect(spec.weighting.method == .direct && spec.aggregation.method == .vikor(v: 0.3))
    #expect(spec.ranking.precision == 1e-6 && spec.ranking.tieBreak == [.group("g", descending: true), .column("y", descending: false)])
    #expect(!spec.stars.cumulative && spec.stars.levels.map(\.stars) == [3, 5] && spec.stars.levels.map(\.minScore) == [40.5, 80])
    #expect(spec.stars.levels.map(\.label) == ["3星级", "五星"] && spec.stars.levels[1].require == .compare(.name("x"), .ge, .number(30)))
    #expect(spec.programmes.map(\.key) == ["city", "prov"] && spec.programmes.map(\.name) == ["市级", "prov"])
    let (city, prov) = (spec.programmes[0], spec.programmes[1])
    #expect(city.level == .municipal && city.quota == 3 && city.reserves == 1 && city.caps == ["industry": 2])
    #expect(city.historyYears == 2 && city.reward == 100_000 && city.historyNames == ["city"] && city.eligible == nil)
    #expect(prov.eligible == programmes[1].eligible && prov.from == "city" && prov.fromMode == .eligible)
    #expect(prov.pilotIndustries == ["纺织"] && prov.pilotPriority == .first && prov.historyNames == ["省级", "prov"])
    #expect(spec.rewards.byStars == [4: 5_000, 5: 50_000] && spec.rewards.stacking == .max && spec.rewards.budget == 60_000)
    #expect(spec.uncertainty?.model == .dirichlet(concentration: 40) && spec.uncertainty?.vary == ["a", "c"])
    #expect(spec.uncertainty?.aggregations == [.topsis] && spec.uncertainty?.samples == 50 && spec.uncertainty?.seed == 9)
  }

  /// What a hand-built spec could once hold — weights that do not sum, a NaN star band, a
  /// negative quota — is refused with the loader's messages, all at once.
  @Test func anInvalidDraftIsRefusedByTheLoader() {
    let text = criteriaText(
      evaluation: EvaluationDraft(name: "t", year: 2022, idColumn: "id", labelColumn: "name"), columns: Self.columns,
      criteria: [CriterionDraft(key: "a", column: "x", weight: 0.5), CriterionDraft(key: "b", column: "z", weight: 0.4)],
      stars: StarsDraft(levels: [StarLevelDraft(stars: 3, minScore: .nan)]), programmes: [ProgrammeDraft(key: "p", quota: -1)])
    guard case .failure(let f) = CriteriaLoader.parse(text, source: "d.toml") else {
      Issue.record("an invalid draft loaded")
      return
    }
    #expect(f.kind == .config)
    let messages = f.diagnostics.diagnostics.map { "\($0.keyPath ?? ""): \($0.rendered(.en).split(separator: ": ").last ?? "")" }
    #expect(messages.contains { $0.hasPrefix("weighting:") && $0.contains("not 1 (a 0.5 + b 0.4)") })
    #expect(messages.contains("stars.level[0].min_score: expected a score on the scale 0…100, found a number nan"))
    #expect(messages.contains("programmes.p.quota: expected an integer from 0 to 10,000,000, found -1"))
  }
}
