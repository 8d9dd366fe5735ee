import Criteria
import Model
import Scoring

/// Programme shortlists and rewards for one run (docs/selection.md).
public enum Selector {
  /// Decides every programme of `spec`, in spec order, then allocates the rewards.
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
  ///
  /// - Parameters:
  ///   - evaluation: scores, ranks and stars; rows with rank 0 are unranked.
  ///   - table: the metrics (columns read by eligibility rules, caps, pilot industries).
  ///   - spec: programmes (`[programmes.*]`) and rewards (`[rewards]`).
  ///   - history: earlier recommendations (`id,year,programme`).
  /// - Complexity: O(P · n · e) for P programmes, n rows and eligibility rules of e terms.
  public static func decide(_ evaluation: Evaluation, table: Table, spec: Spec, history: [HistoryEntry]) -> Decision {
    let decisions = programmes(evaluation, table: table, spec: spec, history: history, detailed: true)
    let rewards = RewardAllocator(spec: spec).allocate(evaluation: evaluation, programmes: decisions)
    return Decision(programmes: decisions, rewards: rewards)
  }

  /// The shortlists and reserve lists only, for callers that decide many times
  /// (sensitivity samples): the same lists as `decide`, without the excluded lists, the
  /// eligible sets and the rewards, which are most of its cost on large tables.
  public static func shortlists(
    _ evaluation: Evaluation, table: Table, spec: Spec, history: [HistoryEntry]
  ) -> [Shortlist] {
    programmes(evaluation, table: table, spec: spec, history: history, detailed: false).map {
      Shortlist(key: $0.key, selected: $0.selected, reserve: $0.reserve)
    }
  }

  private static func programmes(
    _ evaluation: Evaluation, table: Table, spec: Spec, history: [HistoryEntry], detailed: Bool
  ) -> [ProgrammeDecision] {
    let rowCount = evaluation.rank.count
    let context = RowContext(table: table, spec: spec, evaluation: evaluation)
    let historyIndex = HistoryIndex(history: spec.programmes.contains { $0.historyYears > 0 } ? history : [], ids: evaluation.ids)
    let unranked = detailed ? ProgrammeRun.unranked(evaluation, rowCount: rowCount) : []
    var codesCache: [String: ValueCodes] = [:]
    func codes(_ key: String) -> ValueCodes {
      if let c = codesCache[key] { return c }
      let c = ValueCodes(table: table, key: key, rowCount: rowCount)
      codesCache[key] = c
      return c
    }

    var masks: [String: [Bool]] = [:]
    var decisions: [ProgrammeDecision] = []
    for programme in spec.programmes {
      let caps = programme.caps.keys.sorted().compactMap { key -> ProgrammeRun.Cap? in
        guard let limit = programme.caps[key] else { return nil }
        let column = spec.column(key)
        return ProgrammeRun.Cap(label: column?.label ?? column?.canonicalHeader ?? key, limit: limit, values: codes(key))
      }
      var pilot: [Bool]?
      if programme.pilotPriority == .first, !programme.pilotIndustries.isEmpty {
        let industry = codes(programme.industryColumn)
        let isPilot = industry.levelMask(programme.pilotIndustries)
        pilot = industry.codes.map { $0 >= 0 && isPilot[Int($0)] }
      }
      let recent = historyIndex.recentYears(
        names: programme.historyNames, year: spec.evaluation.year, years: programme.historyYears)
      let tierName = programme.from.map { from in spec.programmes.first { $0.key == from }?.name ?? from }
      let run = ProgrammeRun(
        programme: programme, tierName: tierName, evaluation: evaluation, rowCount: rowCount, unranked: unranked)
      let result = run.decide(
        context: context, masks: masks, recentYears: recent, caps: caps, pilot: pilot, detailed: detailed)
      masks["selected." + programme.key] = result.selectedMask
      masks["eligible." + programme.key] = result.eligibleMask
      decisions.append(result.decision)
    }
    return decisions
  }
}
