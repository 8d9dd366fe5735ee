import Criteria
import Model
import Scoring

/// The shortlist of one programme (docs/selection.md).
///
/// Candidates are visited in list order (rank order; pilot industries first with
/// `pilot_priority = "first"`). Each is checked tier → history → eligibility; a
/// candidate passing all three is *qualified* (`eligible.PROG`). Qualified candidates
/// take shortlist places while there are any, unless a cap for their value is full on
/// the shortlist; then the qualified candidates not on the shortlist, in list order,
/// take reserve places under the same caps counted among reserves only.
///
/// Reasons are kept compact per row while deciding and turned into
/// `ExclusionReason`s once, in rank order, at the end.
///
/// - Complexity: O(n · e) for n ranked rows and an eligibility rule of e terms.
struct ProgrammeRun {
  /// Compact reason kinds, per row.
  enum Kind: UInt8 {
    case placed = 0, tier, history, notEligible, cap, belowLine
  }

  struct Cap {
    let label: String
    let limit: Int
    let values: ValueCodes
  }

  let programme: ProgrammeSpec
  /// Name of the `from` programme, for reasons.
  let tierName: String?
  let evaluation: Evaluation
  let rowCount: Int
  /// Rows with rank 0, in row order, with the evaluation's reason.
  let unranked: [(row: Int, reason: String)]

  /// Decides the programme.
  /// - Parameters:
  ///   - masks: `selected.KEY` / `eligible.KEY` of earlier programmes.
  ///   - recentYears: row → most recent recommendation year inside the history window.
  ///   - caps: the programme's caps, in key order.
  ///   - pilot: per row, whether its industry is a pilot industry (nil: no priority).
  ///   - detailed: false leaves `excluded` and `eligible` of the decision empty (shortlists only).
  func decide(
    context: RowContext, masks: [String: [Bool]], recentYears: [Int: Int], caps: [Cap], pilot: [Bool]?,
    detailed: Bool = true
  ) -> (decision: ProgrammeDecision, selectedMask: [Bool], eligibleMask: [Bool]) {
    let rule = EligibilityRule(programme.eligible, context: context, masks: masks)
    let tierMask: [Bool]? = programme.from.map { from in
      masks[(programme.fromMode == .selected ? "selected." : "eligible.") + from]
        ?? [Bool](repeating: false, count: rowCount)
    }
    var kind = [Kind](repeating: .placed, count: rowCount)
    var payload = [Int32](repeating: 0, count: rowCount)
    var qualified = [Bool](repeating: false, count: rowCount)
    var selected: [Int] = []
    var reserve: [Int] = []
    var waiting: [Int] = []  // qualified, not on the shortlist, in list order
    selected.reserveCapacity(programme.quota)
    var selectedCounts = caps.map { [Int](repeating: 0, count: $0.values.levels.count) }

    let candidates: [Int]
    if let pilot {
      var ordered: [Int] = []
      ordered.reserveCapacity(evaluation.order.count)
      for row in evaluation.order where pilot[row] { ordered.append(row) }
      for row in evaluation.order where !pilot[row] { ordered.append(row) }
      candidates = ordered
    } else {
      candidates = evaluation.order
    }
    // History first marks its (few) rows, unless the tier rule stops them earlier; then
    // tier and history row by row; then eligibility, clause by clause over the rest.
    for (row, year) in recentYears where tierMask?[row] ?? true {
      kind[row] = .history
      payload[row] = Int32(clamping: year)
    }
    var toCheck: [Int] = []
    toCheck.reserveCapacity(tierMask == nil ? candidates.count : 0)
    for row in candidates {
      if let tierMask, !tierMask[row] {
        kind[row] = .tier
      } else if kind[row] != .history {
        toCheck.append(row)
      }
    }
    let failing = rule.firstFailing(rows: toCheck)
    var qualifiedCount = 0
    for (i, row) in toCheck.enumerated() {
      if failing[i] >= 0 {
        kind[row] = .notEligible
        payload[row] = failing[i]
        continue
      }
      qualified[row] = true
      qualifiedCount += 1
      guard selected.count < programme.quota else {
        kind[row] = .belowLine
        waiting.append(row)
        continue
      }
      if let c = Self.fullCap(caps, counts: selectedCounts, row: row) {
        kind[row] = .cap
        payload[row] = Int32(c)
        waiting.append(row)
        continue
      }
      Self.count(caps, counts: &selectedCounts, row: row)
      selected.append(row)
    }

    var reserveCounts = caps.map { [Int](repeating: 0, count: $0.values.levels.count) }
    for row in waiting {
      guard reserve.count < programme.reserves else { break }
      if let c = Self.fullCap(caps, counts: reserveCounts, row: row) {
        if kind[row] != .cap {
          kind[row] = .cap
          payload[row] = Int32(c)
        }
        continue
      }
      Self.count(caps, counts: &reserveCounts, row: row)
      kind[row] = .placed
      reserve.append(row)
    }

    var selectedMask = [Bool](repeating: false, count: rowCount)
    for row in selected { selectedMask[row] = true }
    let excluded = detailed ? excludedList(kind: kind, payload: payload, rule: rule, caps: caps) : []
    var eligibleSet = Set<Int>(minimumCapacity: detailed ? qualifiedCount : 0)
    if detailed { for row in evaluation.order where qualified[row] { eligibleSet.insert(row) } }
    let decision = ProgrammeDecision(
      key: programme.key, selected: selected, reserve: reserve, excluded: excluded, eligible: eligibleSet)
    return (decision, selectedMask, qualified)
  }

  /// The index of the first cap (in key order) whose limit `row`'s value has reached.
  private static func fullCap(_ caps: [Cap], counts: [[Int]], row: Int) -> Int? {
    for (i, cap) in caps.enumerated() {
      let code = cap.values.codes[row]
      if code >= 0, counts[i][Int(code)] >= cap.limit { return i }
    }
    return nil
  }

  private static func count(_ caps: [Cap], counts: inout [[Int]], row: Int) {
    for (i, cap) in caps.enumerated() {
      let code = cap.values.codes[row]
      if code >= 0 { counts[i][Int(code)] += 1 }
    }
  }

  /// Every ranked row not placed, in rank order, then every unranked row, in row order.
  private func excludedList(kind: [Kind], payload: [Int32], rule: EligibilityRule, caps: [Cap])
    -> ExclusionList
  {
    let tierReason = (tierName ?? programme.from).map { ExclusionReason.notInTier(programme: $0, mode: programme.fromMode) }
    let notEligible = zip(rule.texts, rule.readableTexts).map { ExclusionReason.notEligible(failing: $0, readable: $1) }
    let below = ExclusionReason.belowLine(quota: programme.quota)
    var capReasons: [[ExclusionReason?]] = caps.map { [ExclusionReason?](repeating: nil, count: $0.values.levels.count) }
    var excluded = ExclusionList()
    excluded.reserveCapacity(max(0, rowCount - programme.quota - programme.reserves))
    for row in evaluation.order {
      let reason: ExclusionReason
      switch kind[row] {
      case .placed: continue
      case .tier: reason = tierReason ?? below
      case .history: reason = .history(year: Int(payload[row]), programme: programme.name)
      case .notEligible: reason = notEligible[Int(payload[row])]
      case .belowLine: reason = below
      case .cap:
        let i = Int(payload[row])
        let code = Int(caps[i].values.codes[row])
        if let r = capReasons[i][code] {
          reason = r
        } else {
          let r = ExclusionReason.cap(column: caps[i].label, value: caps[i].values.levels[code], limit: caps[i].limit)
          capReasons[i][code] = r
          reason = r
        }
      }
      excluded.append(row: row, reason: reason)
    }
    for (row, why) in unranked { excluded.append(row: row, reason: .unranked(why)) }
    return excluded
  }

  /// Rows with rank 0, in row order, with the evaluation's reason.
  static func unranked(_ evaluation: Evaluation, rowCount: Int) -> [(row: Int, reason: String)] {
    var why: [Int: String] = [:]
    for u in evaluation.unranked { why[u.row] = u.reason }
    var rows: [(row: Int, reason: String)] = []
    for row in 0..<rowCount where evaluation.rank[row] == 0 { rows.append((row, why[row] ?? "")) }
    return rows
  }
}
