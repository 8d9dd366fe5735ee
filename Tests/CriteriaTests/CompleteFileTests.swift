import Criteria
import Model
import Testing

/// `Tests/Fixtures/criteria/complete.toml` decodes into the expected `Spec`.
@Suite struct CompleteFileTests {
  let spec: Spec

  init() throws {
    switch CriteriaLoader.load(path: Fixture.path("complete.toml")) {
    case .success(let s): spec = s
    case .failure(let f):
      Issue.record("complete.toml failed: \(f.diagnostics.diagnostics.map(\.description))")
      throw f
    }
  }

  @Test func evaluation() {
    let e = spec.evaluation
    #expect(e.name == "2022年度数字化改造标杆企业评选" && e.year == 2022)
    #expect(e.idColumn == "uscc" && e.labelColumn == "name" && e.scale == 0...100 && e.scoreDecimals == 1)
  }

  @Test func columnsInFileOrder() {
    #expect(spec.columns.map(\.key) == ["uscc", "name", "industry", "district", "above_scale", "efficiency_gain_pct", "cost_cut_pct", "defect_rate_pct", "consulting_spend_wan", "note"])
    #expect(spec.column("name")?.headers == ["企业名称"])
    #expect(spec.column("industry")?.allowedValues == ["汽车零部件", "模具", "纺织服装"])
    #expect(spec.column("efficiency_gain_pct")?.range == -100...1000)
    #expect(spec.column("efficiency_gain_pct")?.unit == "%")
    #expect(spec.column("cost_cut_pct")?.missing == .median)
    #expect(spec.column("consulting_spend_wan")?.label == "管理咨询投入")
    #expect(spec.column("note")?.required == false)
    #expect(spec.column("note")?.missing == .allow)
    #expect(spec.column("above_scale")?.type == .bool)
    #expect(spec.column("uscc")?.label == "统一社会信用代码")
  }

  @Test func groupsAndCriteria() {
    #expect(spec.groups.map(\.key) == ["effect", "input"])
    let effect = spec.group("effect")
    #expect(effect?.label == "实施成效")
    #expect(effect?.weight == 0.7)
    #expect(effect?.weighting?.method == .ahp)
    #expect(effect?.weighting?.ahp?.order == ["efficiency", "cost", "quality"])
    #expect(effect?.weighting?.ahp?.matrix == [[1, 3, 5], [1.0 / 3, 1, 3], [1.0 / 5, 1.0 / 3, 1]])
    let input = spec.group("input")?.weighting
    #expect(input?.method == .equal && input?.normalise == false && input?.ahp == nil)
    #expect(spec.criteria.map(\.key) == ["efficiency", "cost", "quality", "consulting"])
    let c = spec.criteria[0]
    #expect(c.key == "efficiency" && c.label == "效率" && c.column == "efficiency_gain_pct" && c.direction == .benefit)
    #expect(c.normalisation == .minMax && !c.explicitNormalisation && c.group == "effect" && c.weight == nil)
    #expect(c.winsorise == 0.01...0.99 && c.missing == nil)
    #expect(spec.criteria[1].normalisation == .goalposts(low: 0, high: 50))
    #expect(spec.criteria[1].label == "运营成本降低率(%)")
    #expect(spec.criteria[2].normalisation == .target(0.5))
    #expect(spec.criteria[2].direction == .cost)
    #expect(spec.criteria[2].missing == .worst)
    #expect(spec.criteria[3].normalisation == .rank)
    #expect(spec.weighting.method == .direct && spec.weighting.normalise == false && spec.weighting.ahp == nil)
  }

  @Test func aggregationAndRanking() {
    #expect(spec.aggregation.method == .vikor(v: 0.6))
    #expect(spec.ranking.precision == 1e-6)
    #expect(spec.ranking.tieBreak == [.group("effect", descending: true), .criterion("quality", descending: false), .column("consulting_spend_wan", descending: true)])
  }

  @Test func stars() {
    #expect(spec.stars.cumulative == false)
    #expect(spec.stars.levels.map(\.stars) == [1, 4, 5])
    #expect(spec.stars.levels.map(\.minScore) == [20, 75, 85])
    #expect(spec.stars.levels[0].label == "1星级")
    #expect(spec.stars.levels[0].require == nil)
    #expect(spec.stars.levels[2].label == "五星级")
    #expect(spec.stars.levels[2].requireText == "above_scale and consulting_spend_wan >= 30")
    #expect(spec.stars.levels[2].require == .and(.name("above_scale"), .compare(.name("consulting_spend_wan"), .ge, .number(30))))
  }

  @Test func programmes() {
    #expect(spec.programmes.map(\.key) == ["municipal", "provincial"])
    let m = spec.programmes[0]
    #expect(m.name == "宁波市数字化改造标杆企业")
    #expect(m.level == .municipal)
    #expect(m.quota == 10 && m.reserves == 2)
    #expect(m.eligible == .and(.compare(.name("stars"), .ge, .number(3)), .member(.name("industry"), [.string("纺织服装")], negated: true)))
    #expect(m.caps == ["industry": 4, "district": 3])
    #expect(m.pilotIndustries == ["汽车零部件"])
    #expect(m.pilotPriority == .first)
    #expect(m.historyYears == 2)
    #expect(m.historyNames == ["municipal"])
    #expect(m.reward == 100000)
    let p = spec.programmes[1]
    #expect(p.from == "municipal")
    #expect(p.fromMode == .eligible)
    #expect(p.historyNames == ["省级标杆", "provincial"])
    #expect(
      p.eligible
        == .and(
          .and(.name("selected.municipal"), .compare(.name("group.effect"), .ge, .number(80))),
          .or(.compare(.name("criterion.quality"), .gt, .number(50)), .compare(.name("rank"), .le, .number(2)))))
  }

  @Test func rewardsAndUncertainty() throws {
    let r = spec.rewards
    #expect(r.byStars == [4: 50000, 5: 50000] && r.stacking == .max && r.budget == 22_000_000)
    #expect(r.allocation == .proRata && r.roundTo == 100)
    let u = try #require(spec.uncertainty)
    #expect(u.model == .dirichlet(concentration: 50) && u.vary == ["efficiency", "cost"] && u.normalisations == [.zScore, .rank])
    #expect(u.aggregations == [.weightedSum, .topsis] && u.samples == 500 && u.seed == 7 && u.sobolTargets == ["91330201MA2AAAAAA1"])
  }

  @Test func missingFileIsNoInput() {
    guard case .failure(let f) = CriteriaLoader.load(path: Fixture.path("does-not-exist.toml")) else {
      Issue.record("expected a failure")
      return
    }
    #expect(f.kind == .noInput)
    #expect(f.diagnostics.diagnostics.first?.message == "criteria file not found")
  }

  @Test func baseFixtureLoads() {
    #expect(Fixture.errors(Fixture.base) == [])
  }
}
