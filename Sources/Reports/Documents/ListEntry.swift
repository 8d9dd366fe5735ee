import Criteria
import Model
import Scoring
import Selection

/// One line of a programme's final list or reserves, as the documents show it.
struct ListEntry {
  var row: Int
  var status: ShortlistStatus
  /// Position on its list (1-based).
  var position: Int
  /// 推荐理由: the largest contributions with their standing, the reserve's cap, the committee's addition.
  var reason: String
  /// 备注: committee decision, imputed values, an unpaid reward.
  var note: String
  /// This programme's reward, yuan (granted), and what the budget left unpaid.
  var reward: Double
  var unpaid: Double
}

extension ReportModel {
  /// The criteria whose raw values a programme's documents show: `[documents] metrics.KEY`,
  /// else the `key_metrics` criteria of highest final weight (spec order among equals).
  func keyMetrics(_ key: String) -> [Int] {
    if let keys = spec.documents.metrics[key] { return keys.compactMap { spec.criterionIndex($0) } }
    let n = min(spec.documents.keyMetricCount, spec.criteria.count)
    let w = evaluation.weights
    return spec.criteria.indices.sorted { (w.count > $0 ? w[$0] : 0, -$0) > (w.count > $1 ? w[$1] : 0, -$1) }.prefix(n).sorted()
  }

  /// The final list then the reserves of programme `p`, with reasons and notes.
  func listEntries(_ p: Int) -> [ListEntry] {
    let d = decision.programmes[p]
    let L = labels
    var added: [Int: CommitteeDecision] = [:]
    for a in decision.committee.decisions where a.programme == p && a.decision.action == .add { added[a.row] = a.decision }
    var reward: [Int: (Double, Double)] = [:]
    for a in decision.rewards.awards where a.source == d.key {
      let old = reward[a.row] ?? (0, 0)
      reward[a.row] = (old.0 + a.granted, old.1 + (a.superseded ? 0 : max(0, a.entitled - a.granted)))
    }
    var out: [ListEntry] = []
    func add(_ row: Int, _ status: ShortlistStatus, _ position: Int) {
      var reasons: [String] = []
      if let c = added[row] { reasons.append((L.english ? "added by the committee: " : "评审委员会增补：") + c.reason) }
      if status == .reserve, p < facts.reserveNotes.count, let n = facts.reserveNotes[p][row] { reasons.append(n) }
      reasons.append(strengths(row, count: 2))
      var notes: [String] = []
      if let c = added[row] {
        let who = [c.decidedBy, c.date].filter { !$0.isEmpty }.joined(separator: L.english ? ", " : "，")
        notes.append(L.english ? "committee addition (\(who))" : "评审委员会决定增补（\(who)）")
      }
      notes.append(contentsOf: imputedNotes(row))
      let (granted, unpaid) = reward[row] ?? (0, 0)
      // The enterprise's other awards the budget did not pay (star awards are not a programme's).
      for a in decision.rewards.awards where a.row == row && a.source != d.key && !a.superseded && a.entitled > a.granted {
        let what = awardSourceName(a.source)
        notes.append(L.english ? "\(what) award: \(OfficialText.yuan(a.entitled - a.granted, english: true)) unpaid (budget exhausted)" : "\(what)奖励因预算不足未发放 \(OfficialText.yuan(a.entitled - a.granted))")
      }
      if unpaid > 0 {
        notes.append(L.english ? "\(OfficialText.yuan(unpaid, english: true)) unpaid (budget exhausted)" : "预算不足，未发放 \(OfficialText.yuan(unpaid))")
      }
      out.append(
        ListEntry(
          row: row, status: status, position: position, reason: reasons.filter { !$0.isEmpty }.joined(separator: L.english ? "; " : "；"),
          note: notes.joined(separator: L.english ? "; " : "；"), reward: granted, unpaid: unpaid))
    }
    for (i, r) in d.selected.enumerated() { add(r, .selected, i + 1) }
    for (i, r) in d.reserve.enumerated() { add(r, .reserve, i + 1) }
    return out
  }

  /// The `count` criteria contributing most to `row`'s score, with raw value and standing:
  /// "生产效率提升率 35.2%（全市前 5%）；综合成本降低率 19.3%".
  func strengths(_ row: Int, count: Int) -> String {
    guard evaluation.rank[row] > 0, let f = facts.rows[row] else { return "" }
    let shares = evaluation.contributions(row: row)
    let top = shares.indices.sorted { (shares[$0], -$0) > (shares[$1], -$1) }.prefix(count)
    return top.map { j in
      let c = spec.criteria[j]
      var s = c.label + " " + OfficialText.raw(f.raw[j], unit: OfficialText.unit(c, spec: spec))
      if f.standing[j] <= 0.2 { s += labels.english ? " (\(OfficialText.standing(f.standing[j], english: true)))" : "（\(OfficialText.standing(f.standing[j], english: false))）" }
      return s
    }.joined(separator: labels.english ? "; " : "；")
  }

  /// "客户投诉量变化率为补齐值（以中位数补齐）" for every imputed criterion of `row`.
  func imputedNotes(_ row: Int) -> [String] {
    guard let f = facts.rows[row] else { return [] }
    return spec.criteria.indices.compactMap { j in
      guard f.imputed[j] else { return nil }
      let c = spec.criteria[j]
      let policy = c.missing ?? spec.column(c.column)?.missing ?? .reject
      return labels.english
        ? "\(c.label) missing, \(OfficialText.policy(policy, english: true))"
        : "\(c.label)未填报，\(OfficialText.policy(policy, english: false))"
    }
  }

  /// Enterprises owed a reward the budget did not pay: (row, source, entitled, granted), rank order.
  var shortfall: [RewardAllocation.Award] {
    decision.rewards.awards.filter { !$0.superseded && $0.granted < $0.entitled }
  }
}
