import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Each rule alone: eligibility, tiers, history, pilot priority.
struct RuleTests {
  // MARK: eligibility

  @Test func theFirstFailingConjunctIsTheReason() {
    let rule: Expr = .and(
      .and(.compare(.name("stars"), .ge, .number(4)), .name("above_scale")),
      .or(.compare(.name("spend"), .ge, .number(15)), .member(.name("industry"), [.string("纺织")], negated: false)))
    let firms = [
      Firm(id: "A", rank: 1, stars: 5, industry: "机械", aboveScale: true, spend: 30),
      Firm(id: "B", rank: 2, stars: 3, industry: "机械", aboveScale: false, spend: 1),
      Firm(id: "C", rank: 3, stars: 4, industry: "机械", aboveScale: false, spend: 30),
      Firm(id: "D", rank: 4, stars: 4, industry: "机械", aboveScale: true, spend: 10),
      Firm(id: "E", rank: 5, stars: 4, industry: "纺织", aboveScale: true, spend: 10),
      Firm(id: "F", rank: 6, stars: 4, industry: "机械", aboveScale: true, spend: nil),
    ]
    let world = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 5, eligible: rule)])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["A", "E"])
    #expect(p.reason(world.row("B")) == .notEligible(failing: "stars >= 4", readable: "星级 >= 4"))
    #expect(p.reason(world.row("C")) == .notEligible(failing: "above_scale", readable: "规上企业"))
    #expect(p.reason(world.row("D")) == .notEligible(failing: "spend >= 15 or industry in [\"纺织\"]", readable: "咨询投入(万元) >= 15 or 行业 in [\"纺织\"]"))
    // A missing value fails a comparison (docs/criteria.md).
    #expect(p.reason(world.row("F")) == .notEligible(failing: "spend >= 15 or industry in [\"纺织\"]", readable: "咨询投入(万元) >= 15 or 行业 in [\"纺织\"]"))
  }

  @Test func groupCriterionScoreAndRankNamesResolveAsRowContextDoes() {
    // score = 100 − rank; group.quality = score; criterion.c = score/100 × 100.
    let rule: Expr = .and(
      .and(.compare(.name("group.quality"), .ge, .number(97)), .compare(.name("criterion.c"), .gt, .number(97.5))),
      .and(.compare(.name("rank"), .le, .number(2)), .compare(.name("raw"), .ge, .number(0.5))))
    let world = World(ladder(5), programmes: [ProgrammeDraft(key: "city", quota: 5, eligible: rule)])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["F01", "F02"])
    #expect(p.reason(world.row("F03")) == .notEligible(failing: "criterion.c > 97.5"))
    #expect(p.reason(world.row("F04")) == .notEligible(failing: "group.quality >= 97", readable: "quality得分 >= 97"))
  }

  // MARK: tiers

  @Test func tierFromSelectedDrawsOnlyFromTheEarlierShortlist() {
    let programmes = [
      ProgrammeDraft(key: "city", name: "宁波市级标杆", level: .municipal, quota: 3),
      ProgrammeDraft(key: "province", name: "浙江省级标杆", level: .provincial, quota: 5, from: "city"),
    ]
    let world = World(ladder(5), programmes: programmes)
    let d = world.decide()
    #expect(world.ids(d.programmes[1].selected) == ["F01", "F02", "F03"])
    #expect(d.programmes[1].reason(3) == .notInTier(programme: "宁波市级标杆", mode: .selected))
  }

  @Test func tierFromEligibleDrawsFromEveryoneEligibleThereIncludingBelowTheLine() {
    let programmes = [
      ProgrammeDraft(key: "city", name: "市级", quota: 1, eligible: .compare(.name("stars"), .ge, .number(3))),
      ProgrammeDraft(key: "province", name: "省级", quota: 5, from: "city", fromMode: .eligible),
    ]
    let firms = ladder(4) { r, f in f.stars = r == 2 ? 2 : 4 }
    let world = World(firms, programmes: programmes)
    let d = world.decide()
    #expect(world.ids(d.programmes[1].selected) == ["F01", "F03", "F04"])
    #expect(d.programmes[1].reason(world.row("F02")) == .notInTier(programme: "市级", mode: .eligible))
  }

  @Test func selectedAndEligibleNamesReadEarlierProgrammes() {
    let programmes = [
      ProgrammeDraft(key: "city", quota: 2),
      ProgrammeDraft(key: "cloud", quota: 5, eligible: .not(.name("selected.city"))),
      ProgrammeDraft(key: "both", quota: 5, eligible: .and(.name("eligible.city"), .name("selected.cloud"))),
    ]
    let world = World(ladder(4), programmes: programmes)
    let d = world.decide()
    #expect(world.ids(d.programmes[1].selected) == ["F03", "F04"])
    #expect(d.programmes[1].reason(0) == .notEligible(failing: "not selected.city"))
    #expect(world.ids(d.programmes[2].selected) == ["F03", "F04"])
    #expect(d.programmes[2].reason(0) == .notEligible(failing: "selected.cloud"))
  }

  // MARK: history

  /// Window: year − N ≤ y < year. With N = 2 in 2022: 2020 and 2021 count, 2019 and 2022 do not.
  @Test(arguments: [(2021, true), (2020, true), (2019, false), (2022, false), (2023, false)])
  func historyWindowEdges(year: Int, blocked: Bool) {
    let world = World(ladder(3), programmes: [ProgrammeDraft(key: "province", name: "省级标杆", quota: 3, historyYears: 2)])
    let d = world.decide(history: [HistoryEntry(id: "F02", year: year, programme: "province")])
    let p = d.programmes[0]
    if blocked {
      #expect(world.ids(p.selected) == ["F01", "F03"])
      #expect(p.reason(1) == .history(year: year, programme: "省级标杆"))
      #expect(!p.eligible.contains(1))
    } else {
      #expect(world.ids(p.selected) == ["F01", "F02", "F03"])
    }
  }

  @Test func historyNamesTheMostRecentYearAndMatchesOnlyThisProgrammesNames() {
    let programme = ProgrammeDraft(
      key: "province", name: "浙江省管理创新标杆", quota: 3, historyYears: 3, historyNames: ["省级标杆", "province-benchmark"])
    let world = World(ladder(3), programmes: [programme])
    let history = [
      HistoryEntry(id: "F01", year: 2019, programme: "省级标杆"),
      HistoryEntry(id: "F01", year: 2021, programme: "province-benchmark"),
      HistoryEntry(id: "F01", year: 2020, programme: "省级标杆"),
      HistoryEntry(id: "F02", year: 2021, programme: "province"),  // key is not among history_names
      HistoryEntry(id: "F03", year: 2021, programme: "市级标杆"),
    ]
    let p = world.decide(history: history).programmes[0]
    #expect(world.ids(p.selected) == ["F02", "F03"])
    #expect(p.reason(0) == .history(year: 2021, programme: "浙江省管理创新标杆"))
  }

  @Test func zeroHistoryYearsIgnoresHistory() {
    let world = World(ladder(2), programmes: [ProgrammeDraft(key: "city", quota: 2)])
    let p = world.decide(history: [HistoryEntry(id: "F01", year: 2021, programme: "city")]).programmes[0]
    #expect(world.ids(p.selected) == ["F01", "F02"])
  }

  // MARK: pilot priority

  @Test func pilotIndustriesAreConsideredFirstEachPartInRankOrder() {
    let firms = ladder(6) { r, f in f.industry = [2, 5].contains(r) ? "汽车零部件" : (r == 6 ? "纺织" : "机械") }
    let programme = ProgrammeDraft(
      key: "pilot", quota: 3, reserves: 2, pilotIndustries: ["汽车零部件", "纺织"], pilotPriority: .first)
    let world = World(firms, programmes: [programme])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["F02", "F05", "F06"])
    #expect(world.ids(p.reserve) == ["F01", "F03"])
    // The excluded list stays in rank order.
    #expect(world.ids(p.excluded.map(\.row)) == ["F04"])
  }

  @Test func pilotIndustriesWithoutPriorityChangeNothing() {
    let firms = ladder(4) { r, f in f.industry = r == 4 ? "汽车零部件" : "机械" }
    let programme = ProgrammeDraft(key: "pilot", quota: 2, pilotIndustries: ["汽车零部件"], pilotPriority: .none)
    let world = World(firms, programmes: [programme])
    #expect(world.ids(world.decide().programmes[0].selected) == ["F01", "F02"])
  }
}
