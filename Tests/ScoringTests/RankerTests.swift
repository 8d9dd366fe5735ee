import Criteria
import Model
import Scoring
import TestSupport
import Testing

@Suite("Ranker")
struct RankerTests {
  @Test func competitionRankSharesTies() {
    let r = Ranker.rank(keys: [0.5, 0.9, 0.5, 0.1], precision: 1e-9, ids: ["d", "a", "c", "b"])
    #expect(r.order == [1, 2, 0, 3])  // tie 0.5: ids "c" < "d"
    #expect(r.rank == [3, 1, 2, 4])
    #expect(r.competitionRank == [2, 1, 2, 4])
  }

  @Test func precisionMakesNearValuesEqual() {
    let keys = [0.7, 0.7 + 4e-10, 0.7 - 2e-9]
    let r = Ranker.rank(keys: keys, precision: 1e-9, ids: ["b", "c", "a"])
    // 0.7+4e-10 leads; 0.7 is within 1e-9 of it; 0.7−2e-9 is not.
    #expect(r.competitionRank == [1, 1, 3])
    #expect(r.order == [0, 1, 2])  // the tie is ordered by id: "b" < "c"
  }

  @Test func tieBreakKeysBeforeId() {
    let r = Ranker.rank(keys: [1, 1, 1], precision: 0, tieBreak: [[0.2, 0.9, 0.2], [1, 0, 3]], ids: ["a", "b", "c"])
    #expect(r.order == [1, 2, 0])
    #expect(r.competitionRank == [1, 1, 1])
    #expect(r.rank == [3, 1, 2])
  }

  @Test(arguments: 0..<20 as Range<UInt64>)
  func totalOrderProperties(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 200
    let keys = (0..<n).map { _ in Double(rng.next() % 20) / 20 }
    let ids = (0..<n).map { i -> String in
      let s = String((i * 7919) % n)
      return String(repeating: "0", count: 4 - s.count) + s
    }
    let r = Ranker.rank(keys: keys, precision: 1e-9, ids: ids)
    #expect(Set(r.rank) == Set(1...n))
    for p in 1..<n {
      let a = r.order[p - 1], b = r.order[p]
      #expect(keys[a] >= keys[b])
      if keys[a] == keys[b] {
        #expect(ids[a] < ids[b])
        #expect(r.competitionRank[a] == r.competitionRank[b])
      } else {
        #expect(r.competitionRank[b] == p + 1)
      }
    }
  }

  /// `[ranking] tie_break` through the Scorer: group, criterion and column keys, asc/desc.
  @Test func tieBreakChainThroughScorer() throws {
    let table = makeTable(
      ids: ["E3", "E1", "E2", "E4"],
      numbers: ["a": [1, 0, 1, 0], "b": [0, 1, 0, 1], "staff": [50, 80, 50, 20]])
    let criteria = [
      CriterionDraft(key: "a", column: "a", group: "g1", weight: 1), CriterionDraft(key: "b", column: "b", group: "g2", weight: 1),
    ]
    let groups = [GroupDraft(key: "g1", weight: 0.5), GroupDraft(key: "g2", weight: 0.5)]
    // Every score is 50: groups decide first (g1 desc → E3, E2 before E1, E4), then staff asc, then id.
    let spec = makeSpec(
      criteria, groups: groups,
      ranking: RankingDraft(tieBreak: [.group("g1", descending: true), .column("staff", descending: false)]),
      extraColumns: [ColumnSpec(key: "staff", headers: ["staff"], type: .number)])
    let e = try Scorer.evaluate(table, spec: spec)
    #expect(e.score.allSatisfy { isClose($0, 50) })
    #expect(e.order.map { e.ids[$0] } == ["E2", "E3", "E4", "E1"])
    #expect(e.competitionRank == [1, 1, 1, 1])
    let byCriterion = makeSpec(criteria, groups: groups, ranking: RankingDraft(tieBreak: [.criterion("b", descending: true)]))
    #expect(try Scorer.evaluate(table, spec: byCriterion).order.map { e.ids[$0] } == ["E1", "E4", "E2", "E3"])
    let noChain = makeSpec(criteria, groups: groups)
    #expect(try Scorer.evaluate(table, spec: noChain).order.map { e.ids[$0] } == ["E1", "E2", "E3", "E4"])
  }

  /// An optional tie-break column the file does not have is a data error at the header
  /// (unknown tie-break keys are the loader's to reject).
  @Test func absentTieBreakColumnIsLocatedAtTheHeader() {
    let table = makeTable(ids: ["a"], numbers: ["x": [1]])
    let spec = makeSpec(
      [CriterionDraft(key: "x", column: "x", weight: 1)], ranking: RankingDraft(tieBreak: [.column("staff", descending: true)]),
      extraColumns: [ColumnSpec(key: "staff", headers: ["staff"], type: .number, required: false)])
    #expect(throws: ScoringError(.columnAbsent(usedBy: "the tie-break chain", column: "staff"), file: "test.csv", line: 1, column: "staff")) {
      try Scorer.evaluate(table, spec: spec)
    }
  }
}

@Suite("Ranker key order")
struct RankerKeyOrderTests {
  /// The radix order equals a comparison sort (descending key, then ascending index) on
  /// keys with negatives, zeros of both signs, duplicates and wide magnitudes.
  @Test(arguments: 0..<30 as Range<UInt64>)
  func matchesComparisonSort(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let n = 1 + Int(rng.next() % 3000)
    let keys: [Double] = (0..<n).map { _ in
      switch rng.next() % 6 {
      case 0: return 0
      case 1: return -0.0
      case 2: return Double(Int64(bitPattern: rng.next()) % 1000) / 7
      case 3: return Double(rng.next() % 5)
      case 4: return Double(Int64(bitPattern: rng.next())) * 1e-300
      default: return Double(Int64(bitPattern: rng.next())) * 1e280
      }
    }
    let expected = keys.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
    let got = Ranker.rank(keys: keys, precision: 0, ids: keys.indices.map { _ in "" })
    // Equal keys form one tie group, ordered by id ("" for all), then index: the same order.
    #expect(got.order == expected)
  }
}
