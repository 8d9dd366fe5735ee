import Model
import Testing

@testable import Selection

/// `ExclusionList` stores a row and a reason code per entry and each distinct reason once;
/// reading it must give back exactly the pairs appended, in order.
@Suite struct ExclusionListTests {
  static let reasons: [ExclusionReason] = [
    .belowLine(quota: 3), .notEligible(failing: "stars >= 4"), .history(year: 2021, programme: "市级"),
    .cap(column: "区域", value: "南区", limit: 2), .unranked("缺少数据"), .notInTier(programme: "市级", mode: .selected),
    .belowLine(quota: 4),
  ]

  @Test(arguments: 0..<20)
  func readsBackWhatWasAppended(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    var expected: [(row: Int, reason: ExclusionReason)] = []
    var list = ExclusionList()
    for _ in 0..<Int(rng.next() % 500) {
      // Runs of one reason, as a shortlist has them, and random switches.
      let reason = rng.next() % 4 == 0 ? Self.reasons[Int(rng.next() % UInt64(Self.reasons.count))] : expected.last?.reason ?? Self.reasons[0]
      let row = Int(rng.next() % 1_000_000)
      expected.append((row, reason))
      list.append(row: row, reason: reason)
    }
    #expect(list.count == expected.count)
    #expect(list.map(\.row) == expected.map(\.row))
    #expect(list.map(\.reason) == expected.map(\.reason))
    #expect(list.indices.map { list.row(at: $0) } == expected.map(\.row))
    #expect(list.indices.map { list.reasons[list.reasonCode(at: $0)] } == expected.map(\.reason))
    // Each distinct reason once, in order of first appearance.
    var firstSeen: [ExclusionReason] = []
    for e in expected where !firstSeen.contains(e.reason) { firstSeen.append(e.reason) }
    #expect(list.reasons == firstSeen)
  }

  @Test func arrayInitialiserAndLiteralKeepOrder() {
    let pairs: [(row: Int, reason: ExclusionReason)] = [(5, Self.reasons[0]), (2, Self.reasons[1]), (9, Self.reasons[0])]
    let list = ExclusionList(pairs)
    #expect(list.map(\.row) == [5, 2, 9])
    #expect(list.reasons == [Self.reasons[0], Self.reasons[1]])
    let literal: ExclusionList = [(row: 1, reason: .belowLine(quota: 1))]
    #expect(literal.count == 1 && literal[0].row == 1 && literal[0].reason == .belowLine(quota: 1))
    #expect(ExclusionList().isEmpty)
  }
}
