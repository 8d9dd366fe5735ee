import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Tiers, caps, history, reserves and pilot priority together, worked by hand
/// (the walk-through is in docs/selection.md, "A worked example").
struct InterplayTests {
  static let firms: [Firm] = [
    Firm(id: "F01", rank: 1, stars: 5, industry: "机械", aboveScale: true),
    Firm(id: "F02", rank: 2, stars: 4, industry: "机械", aboveScale: true),
    Firm(id: "F03", rank: 3, stars: 4, industry: "机械", aboveScale: true),
    Firm(id: "F04", rank: 4, stars: 2, industry: "纺织", aboveScale: true),
    Firm(id: "F05", rank: 5, stars: 4, industry: "纺织", aboveScale: false),
    Firm(id: "F06", rank: 6, stars: 4, industry: "汽车零部件", aboveScale: true),
    Firm(id: "F07", rank: 7, stars: 3, industry: "汽车零部件", aboveScale: true),
    Firm(id: "F08", rank: 8, stars: 3, industry: "纺织", aboveScale: true),
    Firm(id: "F09", rank: 9, stars: 4, industry: "汽车零部件", aboveScale: true),
  ]
  static let programmes = [
    ProgrammeDraft(
      key: "city", name: "市级标杆", level: .municipal, quota: 4, reserves: 1,
      eligible: .compare(.name("stars"), .ge, .number(3)), caps: ["industry": 2], historyYears: 1),
    ProgrammeDraft(
      key: "province", name: "省级标杆", level: .provincial, quota: 3, reserves: 1, eligible: .name("above_scale"),
      from: "city", fromMode: .eligible, caps: ["industry": 1], pilotIndustries: ["纺织"], pilotPriority: .first,
      historyYears: 2),
  ]
  static let history = [
    HistoryEntry(id: "F06", year: 2021, programme: "city"),
    HistoryEntry(id: "F01", year: 2021, programme: "province"),
    HistoryEntry(id: "F02", year: 2019, programme: "province"),  // outside the 2-year window
  ]

  @Test func cityShortlist() {
    let w = World(Self.firms, programmes: Self.programmes)
    let city = w.decide(history: Self.history).programmes[0]
    #expect(w.ids(city.selected) == ["F01", "F02", "F05", "F07"])
    #expect(w.ids(city.reserve) == ["F03"])
    #expect(w.ids(city.excluded.map(\.row)) == ["F04", "F06", "F08", "F09"])
    #expect(
      city.excluded.map(\.reason) == [
        .notEligible(failing: "stars >= 3", readable: "星级 >= 3"), .history(year: 2021, programme: "市级标杆"), .belowLine(quota: 4),
        .belowLine(quota: 4),
      ])
  }

  @Test func provinceShortlistDrawsFromCityEligiblePilotsFirst() {
    let w = World(Self.firms, programmes: Self.programmes)
    let province = w.decide(history: Self.history).programmes[1]
    #expect(w.ids(province.selected) == ["F08", "F02", "F07"])
    #expect(w.ids(province.reserve) == ["F03"])
    #expect(w.ids(province.excluded.map(\.row)) == ["F01", "F04", "F05", "F06", "F09"])
    #expect(
      province.excluded.map(\.reason) == [
        .history(year: 2021, programme: "省级标杆"), .notInTier(programme: "市级标杆", mode: .eligible),
        .notEligible(failing: "above_scale", readable: "规上企业"), .notInTier(programme: "市级标杆", mode: .eligible), .belowLine(quota: 3),
      ])
    #expect(w.ids(province.eligible.sorted()) == ["F02", "F03", "F07", "F08", "F09"])
  }
}
