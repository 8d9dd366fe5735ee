import Criteria
import Model
import Procedure
import Scoring

/// Stars, programme shortlists and rewards for one run (docs/selection.md), through the
/// one engine (`SelectionWorkspace`) that every sensitivity sample also runs.
public enum Selector {
  /// Screens, scores, rates and selects: the whole computation of `run` and `explain`.
  ///
  /// With committee decisions the walk runs twice over the same ordering: once without
  /// them (`Decision.computed`, what the computation alone gave) and once with them (the
  /// final lists, with reasons); rewards are paid on the final lists.
  /// - Parameters:
  ///   - screening: rows screened out before scoring (`Screener`).
  ///   - committee: the committee decisions (`Committee.resolve`).
  ///   - prepared: a prepared scoring matrix to reuse (`Scorer.evaluate`'s `prepared`).
  /// - Throws: `ScoringError` for the documented degenerate cases of scoring.
  public static func run(
    _ table: Table, spec: Spec, history: [HistoryEntry], screening: Screening = Screening(), committee: Committee = Committee(),
    prepared: ScoringMatrix? = nil
  ) throws(ScoringError) -> (evaluation: Evaluation, decision: Decision) {
    var evaluation = try Scorer.evaluate(table, spec: spec, screening: screening, prepared: prepared)
    let plan = SelectionPlan(table: table, spec: spec, evaluation: evaluation, history: history, committee: committee)
    let utility = evaluation.utility
    let decision = utility.withUnsafeBufferPointer { u in
      let ws = workspace(plan, evaluation, table: table, spec: spec, utility: u)
      // The scorer's placeholders go before the rating allocates the real arrays.
      evaluation.award(stars: [], gaps: StarGaps(count: 0))
      let (stars, gaps) = StarRating.rate(ws)
      evaluation.award(stars: stars, gaps: gaps)
      var computed: [ComputedLists]?
      if !committee.isEmpty {
        ws.applyDecisions = false
        _ = ws.selectAll()
        computed = spec.programmes.indices.map {
          ComputedLists(key: spec.programmes[$0].key, selected: ws.selected[$0].map(Int.init), reserve: ws.reserve[$0].map(Int.init))
        }
        ws.applyDecisions = true
        ws.begin(utility: u, weights: evaluation.weights)  // a fresh stamp: forget the computed walk
        ws.setOrder(evaluation.order.map { Int32($0) }, complete: true)
      }
      return decide(ws, evaluation, table: table, spec: spec, committee: committee, computed: computed)
    }
    return (evaluation, decision)
  }

  /// Decides every programme of `spec` for an evaluation whose stars are set (`run`), in
  /// spec order, then allocates the rewards.
  ///
  /// For each programme the candidates are the ranked rows in rank order (pilot
  /// industries first with `pilot_priority = "first"`, each part in rank order). The
  /// first rule a candidate fails is its reason, checked in this order:
  /// unranked → tier (`from`) → history → eligibility → cap → quota and reserves.
  /// A programme's tier and `selected.PROG` / `eligible.PROG` names read the
  /// programmes decided before it.
  ///
  /// Pure and deterministic: rank order is a total order and every other choice
  /// (candidate order, cap order by column key, reward order) is fixed.
  /// - Complexity: O(P · n · e) for P programmes, n rows and eligibility rules of e terms.
  public static func decide(
    _ evaluation: Evaluation, table: Table, spec: Spec, history: [HistoryEntry], committee: Committee = Committee()
  ) -> Decision {
    let plan = SelectionPlan(table: table, spec: spec, evaluation: evaluation, history: history, committee: committee)
    return evaluation.utility.withUnsafeBufferPointer { u in
      decide(workspace(plan, evaluation, table: table, spec: spec, utility: u), evaluation, table: table, spec: spec, committee: committee, computed: nil)
    }
  }

  /// The workspace at the evaluation's own utilities and order (a complete ordering).
  private static func workspace(
    _ plan: SelectionPlan, _ evaluation: Evaluation, table: Table, spec: Spec, utility: UnsafeBufferPointer<Double>
  ) -> SelectionWorkspace {
    var lowerIsBetter = false
    if case .vikor = spec.aggregation.method { lowerIsBetter = true }
    let ws = SelectionWorkspace(plan: plan, table: table, normalised: evaluation.normalised, lowerIsBetter: lowerIsBetter)
    ws.begin(utility: utility, weights: evaluation.weights)
    ws.setOrder(evaluation.order.map { Int32($0) }, complete: true)
    return ws
  }

  private static func decide(
    _ ws: SelectionWorkspace, _ evaluation: Evaluation, table: Table, spec: Spec, committee: Committee, computed: [ComputedLists]?
  ) -> Decision {
    let context = RowContext(table: table, spec: spec, evaluation: evaluation)
    let unranked = unrankedRows(evaluation)
    var masks: [String: [Bool]] = [:]
    var decisions: [ProgrammeDecision] = []
    for (p, programme) in spec.programmes.enumerated() {
      let recorder = SelectionRecorder(p, plan: ws.plan, evaluation: evaluation, context: context, masks: masks)
      ws.recorder = recorder
      _ = ws.walk(p)
      ws.recorder = nil
      var selectedMask = [Bool](repeating: false, count: ws.plan.rows)
      for row in ws.selected[p] { selectedMask[Int(row)] = true }
      masks["selected." + programme.key] = selectedMask
      masks["eligible." + programme.key] = recorder.qualified
      let tierName = programme.from.map { from in spec.programmes.first { $0.key == from }?.name ?? from }
      var eligible = Set<Int>()
      for row in evaluation.order where recorder.qualified[row] { eligible.insert(row) }
      var decision = ProgrammeDecision(
        key: programme.key, selected: ws.selected[p].map(Int.init), reserve: ws.reserve[p].map(Int.init),
        excluded: recorder.excluded(
          order: evaluation.order, unranked: unranked, tierName: tierName, decisions: committee.decisions),
        eligible: eligible)
      decision.reserveReasons = recorder.reservesUnderCaps(ws.reserve[p])
      decisions.append(decision)
    }
    let rewards = RewardAllocator(spec: spec).allocate(
      evaluation: evaluation, programmes: decisions, withoutReward: committee.isEmpty ? [] : committee.withoutReward)
    return Decision(programmes: decisions, rewards: rewards, computed: computed, committee: committee)
  }

  /// Rows with rank 0, in row order, with the evaluation's reason (screened rows: the screening's).
  private static func unrankedRows(_ evaluation: Evaluation) -> [(row: Int, reason: ExclusionReason)] {
    var why: [Int: String] = [:]
    for u in evaluation.unranked { why[u.row] = u.reason }
    var rows: [(row: Int, reason: ExclusionReason)] = []
    for row in evaluation.rank.indices where evaluation.rank[row] == 0 {
      let screened = evaluation.screening.reasons(of: row)
      rows.append((row, screened.isEmpty ? .unranked(why[row] ?? "") : .screened(screened.map(\.text).joined(separator: "; "))))
    }
    return rows
  }
}
