import Criteria
import Model
import Procedure
import Scoring

/// `run`'s record of one programme's walk (docs/selection.md): before the walk, each
/// candidate's hurdle — not in the tier, barred by history, or the first failing clause of
/// the rule — computed column by column; during it, what happened to each qualified
/// candidate. At the end the first rule that stopped each row becomes its reason, in rank
/// order, as `ProgrammeDecision.excluded`.
///
/// Reasons are kept compact per row while deciding and turned into `ExclusionReason`s
/// once, each distinct reason once.
final class SelectionRecorder {
  /// Compact reason kinds, per row.
  enum Kind: UInt8 {
    case placed = 0, tier, history, notEligible, cap, belowLine
    /// Vetoed or withdrawn by the committee (payload: the decision's index).
    case decision
    /// Added by the committee (on the list).
    case added
    /// On the reserve list after a cap (payload: the cap's index) kept it off the shortlist.
    case reserveCap
  }

  let programme: SelectionPlan.Programme
  let rule: EligibilityRule
  private(set) var kind: [Kind]
  private(set) var payload: [Int32]
  /// Qualified (tier, history and rule pass): `eligible.KEY`.
  private(set) var qualified: [Bool]
  /// Cap reasons made so far, per cap and level (each distinct reason made once).
  private var capReasons: [[ExclusionReason?]]

  /// The hurdles of programme `p` for the candidates of `evaluation` (its ranked rows).
  /// - Parameter masks: `selected.KEY` / `eligible.KEY` of the programmes walked before.
  init(_ p: Int, plan: SelectionPlan, evaluation: Evaluation, context: RowContext, masks: [String: [Bool]]) {
    let programme = plan.programmes[p]
    self.programme = programme
    let n = plan.rows
    kind = [Kind](repeating: .placed, count: n)
    payload = [Int32](repeating: 0, count: n)
    qualified = [Bool](repeating: false, count: n)
    capReasons = programme.caps.map { [ExclusionReason?](repeating: nil, count: $0.values.levels.count) }
    let spec = programme.spec
    rule = EligibilityRule(spec.eligible, context: context, masks: masks)
    let tierMask: [Bool]? = spec.from.map { from in
      masks[(spec.fromMode == .selected ? "selected." : "eligible.") + from] ?? [Bool](repeating: false, count: n)
    }
    // Tier first, then history, then the rule, clause by clause over the rest.
    var toCheck: [Int] = []
    toCheck.reserveCapacity(tierMask == nil ? evaluation.order.count : 0)
    let barredBy = programme.barredBy
    for row in evaluation.order {
      if let barredBy, barredBy[row] >= 0 {
        kind[row] = .decision
        payload[row] = barredBy[row]
      } else if let tierMask, !tierMask[row] {
        kind[row] = .tier
      } else if let year = programme.history[row] {
        kind[row] = .history
        payload[row] = Int32(clamping: year)
      } else {
        toCheck.append(row)
      }
    }
    let failing: [Int32]
    if let staticFailing = programme.staticFailing {
      failing = toCheck.map { staticFailing[$0] }
    } else {
      failing = rule.firstFailing(rows: toCheck)
    }
    for (i, row) in toCheck.enumerated() {
      if failing[i] >= 0 {
        kind[row] = .notEligible
        payload[row] = failing[i]
      } else {
        qualified[row] = true
      }
    }
  }

  @inline(__always) func qualifies(_ row: Int) -> Bool { qualified[row] }

  /// `row` was placed on the list by a committee decision.
  func added(_ row: Int) { kind[row] = .added }

  func placed(_ row: Int, _ placement: SelectionWorkspace.Placement) {
    switch placement {
    case .selected, .reserve: kind[row] = .placed
    case .reserveUnderCap(let c):
      kind[row] = .reserveCap
      payload[row] = Int32(c)
    case .belowLine: kind[row] = .belowLine
    case .cap(let c):
      kind[row] = .cap
      payload[row] = Int32(c)
    }
  }

  /// Every ranked row not placed, in rank order, then every unranked row, in row order.
  /// - Parameter tierName: the name of the `from` programme, for reasons.
  /// - Parameter decisions: the committee's decisions (for `.decision` reasons).
  func excluded(
    order: [Int], unranked: [(row: Int, reason: ExclusionReason)], tierName: String?, decisions: [Committee.Applied]
  ) -> ExclusionList {
    let spec = programme.spec
    let tierReason = (tierName ?? spec.from).map { ExclusionReason.notInTier(programme: $0, mode: spec.fromMode) }
    let notEligible = zip(rule.texts, rule.readableTexts).map { ExclusionReason.notEligible(failing: $0, readable: $1) }
    let below = ExclusionReason.belowLine(quota: spec.quota)
    var excluded = ExclusionList()
    excluded.reserveCapacity(max(0, order.count - spec.quota - spec.reserves))
    for row in order {
      let reason: ExclusionReason
      switch kind[row] {
      case .placed, .added, .reserveCap: continue
      case .decision: reason = .committee(decisions[Int(payload[row])].decision)
      case .tier: reason = tierReason ?? below
      case .history: reason = .history(year: Int(payload[row]), programme: spec.name)
      case .notEligible: reason = notEligible[Int(payload[row])]
      case .belowLine: reason = below
      case .cap: reason = capReason(row)
      }
      excluded.append(row: row, reason: reason)
    }
    for (row, why) in unranked where kind[row] != .added { excluded.append(row: row, reason: why) }
    return excluded
  }

  /// The reserves a cap kept off the shortlist while the quota was open, with that cap:
  /// why a reserve ranks above selected enterprises.
  func reservesUnderCaps(_ reserve: [Int32]) -> [Int: ExclusionReason] {
    var out: [Int: ExclusionReason] = [:]
    for r in reserve where kind[Int(r)] == .reserveCap { out[Int(r)] = capReason(Int(r)) }
    return out
  }

  /// The cap reason of a row whose payload is the cap's index (one value per cap and level).
  private func capReason(_ row: Int) -> ExclusionReason {
    let i = Int(payload[row])
    let code = Int(programme.caps[i].values.codes[row])
    if let r = capReasons[i][code] { return r }
    let r = ExclusionReason.cap(column: programme.caps[i].label, value: programme.caps[i].values.levels[code], limit: programme.caps[i].limit)
    capReasons[i][code] = r
    return r
  }
}
