import Criteria
import Model
import Scoring
import TestSupport
import Testing

@testable import Selection

/// Same inputs → same decision; compiled names agree with `RowContext`; invariants
/// over random worlds.
struct DeterminismTests {
  /// A random world of `n` firms: industries, districts, stars, flags drawn from `seed`.
  static func randomWorld(seed: UInt64, n: Int = 60) -> (World, [HistoryEntry]) {
    var rng = SplitMix64(seed: seed)
    let industries = ["机械", "纺织", "汽车零部件", "电子"]
    var firms: [Firm] = []
    var ranks = Array(1...n).shuffled(using: &rng)
    for i in 0..<n {
      var f = Firm(id: String(format4(i)), rank: ranks[i])
      f.stars = Int(rng.next() % 6)
      f.industry = rng.next() % 10 == 0 ? nil : industries[Int(rng.next() % 4)]
      f.district = ["东区", "西区"][Int(rng.next() % 2)]
      f.aboveScale = rng.next() % 5 != 0
      f.spend = rng.next() % 8 == 0 ? nil : Double(rng.next() % 40)
      firms.append(f)
    }
    // Unrank a few and close the gaps so ranks stay 1…N.
    for i in 0..<n where rng.next() % 12 == 0 { firms[i].rank = 0 }
    ranks = firms.map(\.rank)
    let sortedRows = firms.indices.filter { ranks[$0] > 0 }.sorted { ranks[$0] < ranks[$1] }
    for (k, row) in sortedRows.enumerated() { firms[row].rank = k + 1 }
    let programmes = [
      ProgrammeDraft(
        key: "city", name: "市级", quota: 12, reserves: 3, eligible: .compare(.name("stars"), .ge, .number(2)),
        caps: ["industry": 4], historyYears: 2),
      ProgrammeDraft(
        key: "province", name: "省级", quota: 5, reserves: 2,
        eligible: .and(.name("above_scale"), .compare(.name("spend"), .ge, .number(10))), from: "city",
        caps: ["district": 3], pilotIndustries: ["纺织"], pilotPriority: .first, historyYears: 1),
      ProgrammeDraft(
        key: "cloud", name: "上云标杆", quota: 6, eligible: .not(.name("selected.province")), from: "city",
        fromMode: .eligible),
    ]
    let history = (0..<10).map { k in
      HistoryEntry(
        id: format4(Int(rng.next() % UInt64(n))), year: 2018 + Int(rng.next() % 5),
        programme: ["city", "province"][k % 2])
    }
    return (World(firms, programmes: programmes, rewards: RewardDraft(byStars: [4: 50_000, 5: 50_000])), history)
  }

  static func format4(_ i: Int) -> String { "E" + String(1000 + i).dropFirst() }

  @Test(arguments: 0..<20)
  func sameInputsGiveTheSameDecision(seed: UInt64) {
    let (w, history) = Self.randomWorld(seed: seed)
    let a = w.decide(history: history)
    let b = w.decide(history: history)
    for (x, y) in zip(a.programmes, b.programmes) {
      #expect(x.selected == y.selected)
      #expect(x.reserve == y.reserve)
      #expect(x.excluded.map(\.row) == y.excluded.map(\.row))
      #expect(x.excluded.map(\.reason) == y.excluded.map(\.reason))
      #expect(x.eligible == y.eligible)
    }
    #expect(a.rewards.awards == b.rewards.awards)
  }

  @Test(arguments: 0..<20)
  func invariantsHoldOnRandomWorlds(seed: UInt64) {
    let (w, history) = Self.randomWorld(seed: seed)
    let d = w.decide(history: history)
    for (spec, p) in zip(w.spec.programmes, d.programmes) {
      let all = p.selected + p.reserve + p.excluded.map(\.row)
      #expect(all.sorted() == Array(0..<w.table.rowCount))
      #expect(p.selected.count <= spec.quota)
      #expect(p.reserve.count <= spec.reserves)
      #expect(Set(p.selected).isSubset(of: p.eligible))
      #expect(Set(p.reserve).isSubset(of: p.eligible))
      for (column, limit) in spec.caps {
        for list in [p.selected, p.reserve] {
          var counts: [String: Int] = [:]
          for row in list where !w.table.string(column, row: row).isEmpty {
            counts[w.table.string(column, row: row), default: 0] += 1
          }
          #expect(counts.values.allSatisfy { $0 <= limit })
        }
      }
      // Ranked rows come first in rank order, unranked after in row order.
      let ranks = p.excluded.map { w.evaluation.rank[$0.row] }
      let ranked = ranks.filter { $0 > 0 }
      #expect(ranked == ranked.sorted())
      #expect(ranks.drop { $0 > 0 }.allSatisfy { $0 == 0 })
      // Below the line only when the shortlist is full.
      if p.excluded.contains(where: { $0.reason == .belowLine(quota: spec.quota) }) {
        #expect(p.selected.count == spec.quota)
      }
    }
  }

  @Test(arguments: 0..<5)
  func compiledNamesAgreeWithRowContext(seed: UInt64) {
    let (w, _) = Self.randomWorld(seed: seed)
    let names = [
      "score", "raw", "rank", "stars", "group.quality", "criterion.c", "industry", "district", "above_scale",
      "spend", "uscc", "no_such_column", "group.none",
    ]
    let expr = names.dropFirst().reduce(Expr.name(names[0])) { .and($0, .name($1)) }
    let context = RowContext(table: w.table, spec: w.spec, evaluation: w.evaluation)
    let resolver = NameResolver(expr: expr, context: context, masks: [:])
    for row in 0..<w.table.rowCount {
      for name in names { #expect(resolver.value(name, row: row) == context.value(name, row: row)) }
    }
  }
}
