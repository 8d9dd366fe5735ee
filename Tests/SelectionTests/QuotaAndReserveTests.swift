import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Quota, reserves, unranked rows and the order of the excluded list.
struct QuotaAndReserveTests {
  @Test func takesTheTopRowsInRankOrderNotRowOrder() {
    // Rows in file order have ranks 3, 1, 4, 2.
    let firms = [Firm(id: "C", rank: 3), Firm(id: "A", rank: 1), Firm(id: "D", rank: 4), Firm(id: "B", rank: 2)]
    let world = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 2)])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["A", "B"])
    #expect(p.reserve.isEmpty)
    #expect(world.ids(p.excluded.map(\.row)) == ["C", "D"])
    #expect(p.excluded.allSatisfy { $0.reason == .belowLine(quota: 2) })
  }

  @Test func reservesFollowTheQuota() {
    let world = World(ladder(6), programmes: [ProgrammeDraft(key: "city", quota: 2, reserves: 3)])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["F01", "F02"])
    #expect(world.ids(p.reserve) == ["F03", "F04", "F05"])
    #expect(world.ids(p.excluded.map(\.row)) == ["F06"])
    #expect(p.reason(world.row("F06")) == .belowLine(quota: 2))
  }

  @Test func quotaLargerThanTheCandidatesSelectsEveryEligibleOne() {
    let firms = ladder(4) { r, f in f.aboveScale = r != 3 }
    let world = World(
      firms, programmes: [ProgrammeDraft(key: "city", quota: 10, reserves: 5, eligible: .name("above_scale"))])
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["F01", "F02", "F04"])
    #expect(p.reserve.isEmpty)
    #expect(p.excluded.count == 1)
    #expect(p.reason(world.row("F03")) == .notEligible(failing: "above_scale", readable: "规上企业"))
  }

  @Test func zeroQuotaSelectsNobodyAndEveryEligibleRowIsBelowTheLine() {
    let world = World(ladder(3), programmes: [ProgrammeDraft(key: "city", quota: 0)])
    let p = world.decide().programmes[0]
    #expect(p.selected.isEmpty)
    #expect(p.reserve.isEmpty)
    #expect(p.excluded.map(\.reason) == Array(repeating: .belowLine(quota: 0), count: 3))
    #expect(p.eligible == Set([0, 1, 2]))
  }

  @Test func zeroQuotaWithReservesFillsOnlyTheReserveList() {
    let world = World(ladder(3), programmes: [ProgrammeDraft(key: "city", quota: 0, reserves: 2)])
    let p = world.decide().programmes[0]
    #expect(p.selected.isEmpty)
    #expect(world.ids(p.reserve) == ["F01", "F02"])
  }

  @Test func unrankedRowsComeLastInRowOrderWithTheEvaluationsReason() {
    let firms = [
      Firm(id: "U1", rank: 0), Firm(id: "B", rank: 2), Firm(id: "U2", rank: 0), Firm(id: "A", rank: 1),
      Firm(id: "C", rank: 3),
    ]
    let world = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 1)], unrankedReason: "缺少数据：营业收入")
    let p = world.decide().programmes[0]
    #expect(world.ids(p.selected) == ["A"])
    #expect(world.ids(p.excluded.map(\.row)) == ["B", "C", "U1", "U2"])
    #expect(p.reason(world.row("U1")) == .unranked("缺少数据：营业收入"))
    #expect(p.reason(world.row("U2")) == .unranked("缺少数据：营业收入"))
    #expect(!p.eligible.contains(world.row("U1")))
  }

  @Test func everyRowAppearsExactlyOnceAcrossTheThreeLists() {
    let firms = ladder(30) { r, f in
      f.industry = ["机械", "纺织", "汽车零部件"][r % 3]
      f.aboveScale = r % 4 != 0
      if r % 11 == 0 { f.rank = 0 }
    }
    // Re-rank the ranked ones 1…N so ranks stay a total order.
    var ranked = firms
    var next = 1
    for i in ranked.indices where ranked[i].rank > 0 {
      ranked[i].rank = next
      next += 1
    }
    let programme = ProgrammeDraft(
      key: "city", quota: 8, reserves: 3, eligible: .name("above_scale"), caps: ["industry": 3])
    let world = World(ranked, programmes: [programme])
    let p = world.decide().programmes[0]
    let all = p.selected + p.reserve + p.excluded.map(\.row)
    #expect(all.count == 30)
    #expect(Set(all).count == 30)
    #expect(p.selected.count == 8)
    #expect(p.reserve.count == 3)
  }

  @Test func eligibleSetHoldsRowsPassingTierHistoryAndEligibilityWhateverTheQuota() {
    let firms = ladder(5) { r, f in f.stars = r <= 3 ? 4 : 2 }
    let world = World(
      firms, programmes: [ProgrammeDraft(key: "city", quota: 1, eligible: .compare(.name("stars"), .ge, .number(4)))])
    let p = world.decide().programmes[0]
    #expect(p.eligible == Set([0, 1, 2]))
    #expect(p.reason(3) == .notEligible(failing: "stars >= 4", readable: "星级 >= 4"))
    #expect(p.reason(1) == .belowLine(quota: 1))
  }
}

/// Looking one enterprise up in a decision.
struct LookupTests {
  @Test func outcomesGivePositionsAndReasons() {
    let firms = ladder(5) { r, f in f.stars = r == 4 ? 1 : 4 }
    let world = World(
      firms,
      programmes: [
        ProgrammeDraft(key: "city", quota: 2, reserves: 1, eligible: .compare(.name("stars"), .ge, .number(3)))
      ], rewards: RewardDraft(byStars: [4: 50_000], budget: 120_000))
    let d = world.decide()
    let p = d.programmes[0]
    #expect(p.outcome(row: 1) == .selected(position: 2))
    #expect(p.outcome(row: 2) == .reserve(position: 1))
    #expect(p.outcome(row: 3) == .excluded(.notEligible(failing: "stars >= 3", readable: "星级 >= 3")))
    #expect(p.outcome(row: 4) == .excluded(.belowLine(quota: 2)))
    #expect(p.outcome(row: 9) == nil)
    #expect((0..<5).map { p.outcome(row: $0) } == p.outcomes(rowCount: 5))
    #expect(d.rewards.granted(rowCount: 5) == [50_000, 50_000, 20_000, 0, 0])
  }
}
