import Criteria
import Foundation
import Model
import TestSupport
import Testing

@testable import Selection

/// A random world and its outcome as decided by scripts/selection_reference.py, an
/// independent Python reading of docs/selection.md (fixture: Fixtures/reference-cases.json).
struct ReferenceCase: Sendable, CustomTestStringConvertible {
  struct Outcome: Sendable {
    var selected: [String]
    var reserve: [String]
    /// "ID: English reason", in list order.
    var excluded: [String]
  }
  var seed: Int
  var firms: [Firm]
  var programmes: [ProgrammeDraft]
  var history: [HistoryEntry]
  var rewards: RewardDraft
  var expected: [Outcome]
  /// "ID source entitled granted[ superseded]".
  var awards: [String]
  var totalEntitled: Double

  var testDescription: String { "seed \(seed)" }
}

struct ReferenceTests {
  @Test(arguments: ReferenceCase.all)
  func matchesThePythonReference(_ c: ReferenceCase) {
    let w = World(c.firms, programmes: c.programmes, rewards: c.rewards)
    let d = w.decide(history: c.history)
    #expect(d.programmes.count == c.expected.count)
    for (p, e) in zip(d.programmes, c.expected) {
      #expect(w.ids(p.selected) == e.selected, "programme \(p.key)")
      #expect(w.ids(p.reserve) == e.reserve, "programme \(p.key)")
      let excluded = p.excluded.map { "\(w.evaluation.ids[$0.row]): \($0.reason.text(english: true))" }
      #expect(excluded == e.excluded, "programme \(p.key)")
    }
    let awards = d.rewards.awards.map { a in
      "\(w.evaluation.ids[a.row]) \(a.source) \(formatNumber(a.entitled)) \(formatNumber(a.granted))"
        + (a.superseded ? " superseded" : "")
    }
    #expect(awards == c.awards)
    #expect(isClose(d.rewards.totalEntitled, c.totalEntitled))
  }

  @Test func theReferenceCasesExerciseEveryRule() {
    #expect(ReferenceCase.all.map(\.seed) == Array(1...30))
    let reasons = ReferenceCase.all.flatMap { $0.expected.flatMap(\.excluded) }
    for fragment in [
      "not on the shortlist of", "not eligible for ", "already recommended to", "not eligible: ", "cap reached",
      "below the line", "not ranked",
    ] {
      #expect(reasons.contains { $0.contains(fragment) }, "no case excludes by \(fragment)")
    }
    #expect(ReferenceCase.all.contains { $0.expected.contains { !$0.reserve.isEmpty } })
    #expect(ReferenceCase.all.contains { $0.awards.contains { $0.hasSuffix("superseded") } })
  }
}
