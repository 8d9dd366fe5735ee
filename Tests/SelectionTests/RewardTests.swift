import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Stacking, budget allocation by rank and pro rata, rounding.
struct RewardTests {
  /// F01 5★ on both lists, F02 4★ on the city list, F03 4★ city reserve, F04 3★.
  private func world(_ rewards: RewardDraft) -> World {
    let firms = ladder(4) { r, f in f.stars = [5, 4, 4, 3][r - 1] }
    let programmes = [
      ProgrammeDraft(key: "city", level: .municipal, quota: 2, reserves: 1, reward: 100_000),
      ProgrammeDraft(key: "province", level: .provincial, quota: 1, from: "city", reward: 500_000),
    ]
    return World(firms, programmes: programmes, rewards: rewards)
  }

  private func rows(_ a: RewardAllocation) -> [String] {
    a.awards.map { "\($0.row) \($0.source) \(Int($0.entitled)) \(Int($0.granted))\($0.superseded ? " superseded" : "")" }
  }

  @Test func sumStackingPaysEveryRewardInRankThenSourceOrder() {
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000]))
    let a = w.decide().rewards
    #expect(
      rows(a) == [
        "0 stars:5 50000 50000", "0 city 100000 100000", "0 province 500000 500000", "1 stars:4 50000 50000",
        "1 city 100000 100000", "2 stars:4 50000 50000",
      ])
    // The city reserve (row 2) earns its star reward only.
    #expect(a.totalEntitled == 850_000)
    #expect(a.totalGranted == 850_000)
    #expect(a.budget == nil)
    #expect(a.remaining == nil)
  }

  @Test func maxStackingPaysOnlyTheLargestRewardOfEachEnterprise() {
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000], stacking: .max))
    let a = w.decide().rewards
    #expect(
      rows(a) == [
        "0 stars:5 50000 0 superseded", "0 city 100000 0 superseded", "0 province 500000 500000",
        "1 stars:4 50000 0 superseded", "1 city 100000 100000", "2 stars:4 50000 50000",
      ])
    #expect(a.totalEntitled == 650_000)
    #expect(a.totalGranted == 650_000)
  }

  @Test func maxStackingKeepsTheFirstInSourceOrderOnATie() {
    let w = world(RewardDraft(byStars: [5: 100_000, 4: 100_000], stacking: .max))
    let a = w.decide().rewards.awards.filter { $0.row == 1 }
    #expect(a.map(\.source) == ["stars:4", "city"])
    #expect(a.map(\.granted) == [100_000, 0])
  }

  @Test func rankAllocationPaysInOrderAndTheCrossingAwardGetsTheRoundedRemainder() {
    // Entitled in order: 50000, 100000, 500000, 50000, 100000, 50000 (total 850000).
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000], budget: 675_500, allocation: .rank, roundTo: 1000))
    let a = w.decide().rewards
    #expect(a.awards.map(\.granted) == [50_000, 100_000, 500_000, 25_000, 0, 0])
    #expect(a.totalEntitled == 850_000)
    #expect(a.totalGranted == 675_000)
    #expect(a.remaining == 500)
  }

  @Test func rankAllocationGivesTheCrossingEnterpriseTheRestAndLaterOnesNothing() {
    // F02's star award (5000) crosses the budget with 2000 left: it gets 2000; F02's
    // city award and F03's star award come later and get nothing.
    let w = world(RewardDraft(byStars: [4: 5_000, 5: 50_000], budget: 652_000, allocation: .rank))
    let a = w.decide().rewards
    // Entitled: 50000, 100000, 500000, 5000, 100000, 5000.
    #expect(a.awards.map(\.granted) == [50_000, 100_000, 500_000, 2_000, 0, 0])
    #expect(a.remaining == 0)
  }

  @Test func proRataScalesEveryAwardAndRoundsDown() {
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000], budget: 637_500, allocation: .proRata, roundTo: 1000))
    let a = w.decide().rewards
    // factor = 637500 / 850000 = 0.75: 37500 → 37000, 75000, 375000, 37000, 75000, 37000.
    #expect(a.awards.map(\.granted) == [37_000, 75_000, 375_000, 37_000, 75_000, 37_000])
    #expect(a.totalGranted == 636_000)
    #expect(a.remaining == 1_500)
  }

  @Test func proRataWithAThirdRoundsEachShareDown() {
    let firms = ladder(3) { _, f in f.stars = 4 }
    let w = World(firms, programmes: [], rewards: RewardDraft(byStars: [4: 100], budget: 200, allocation: .proRata))
    let a = w.decide().rewards
    #expect(a.awards.map(\.granted) == [66, 66, 66])
    #expect(a.remaining == 2)
  }

  @Test(arguments: [RewardSpec.Allocation.rank, .proRata])
  func aBudgetCoveringEveryAwardPaysInFull(allocation: RewardSpec.Allocation) {
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000], budget: 850_000, allocation: allocation))
    let a = w.decide().rewards
    #expect(a.totalGranted == 850_000)
    #expect(a.remaining == 0)
  }

  @Test(arguments: [RewardSpec.Allocation.rank, .proRata])
  func aZeroBudgetPaysNothing(allocation: RewardSpec.Allocation) {
    let w = world(RewardDraft(byStars: [4: 50_000, 5: 50_000], budget: 0, allocation: allocation))
    let a = w.decide().rewards
    #expect(a.awards.count == 6)
    #expect(a.awards.allSatisfy { $0.granted == 0 })
    #expect(a.remaining == 0)
  }

  @Test func unlimitedBudgetStillRoundsDownToTheStep() {
    let firms = ladder(2) { _, f in f.stars = 4 }
    let w = World(firms, programmes: [], rewards: RewardDraft(byStars: [4: 12_345], roundTo: 100))
    let a = w.decide().rewards
    #expect(a.awards.map(\.granted) == [12_300, 12_300])
    #expect(a.totalEntitled == 24_690)
  }

  @Test func unrankedRowsAndLevelsWithoutARewardEarnNothing() {
    var firms = ladder(3) { _, f in f.stars = 4 }
    firms.append(Firm(id: "U", rank: 0, stars: 4))
    let w = World(firms, programmes: [], rewards: RewardDraft(byStars: [4: 0, 5: 50_000]))
    #expect(w.decide().rewards.awards.isEmpty)
  }

  @Test(arguments: [(0.3, 0.1, 0.3), (12_345, 100, 12_300), (99.99, 1, 99), (5, 0, 5), (-3, 1, 0), (0.7, 0.1, 0.7)])
  func roundDown(x: Double, step: Double, expected: Double) {
    #expect(isCloseEnough(RewardAllocator.roundDown(x, step: step), expected))
    #expect(RewardAllocator.roundDown(x, step: step) <= max(0, x))
  }

  private func isCloseEnough(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
}
