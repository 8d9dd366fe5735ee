import Criteria
import Model
import Procedure
import Scoring

/// The star levels and programme rules of a criteria file compiled against one table
/// (docs/selection.md): the part that does not depend on the weights, computed once per
/// analysis and read by the one engine (`SelectionWorkspace`) for `run`, `explain` and
/// every sensitivity sample.
///
/// Names are bound to `Ref`s once. Rules over columns only are evaluated here, column by
/// column (`EligibilityRule`); rules that read `score`, `raw`, `rank`, `stars`, `group.*`,
/// `criterion.*`, `selected.*` or `eligible.*` (`Ref.dependsOnWeights`) are kept as bound
/// expressions and evaluated when the weights are known.
package struct SelectionPlan: Sendable {
  /// An expression with its names bound to references once.
  package struct Bound: Sendable {
    package let expr: Expr
    private let names: [String]
    private let refs: [Ref]

    init(_ expr: Expr, spec: Spec) {
      self.expr = expr
      let bound = spec.refs(expr)
      names = bound.map(\.name)
      refs = bound.map(\.ref)
    }

    /// Every reference the expression reads.
    package var references: [Ref] { refs }

    /// Whether the expression holds, reading each name's value through `value`
    /// (a name the spec does not declare is missing).
    @inline(__always)
    package func holds(_ value: (Ref) -> ExprValue) -> Bool {
      expr.holds { name in
        for k in names.indices where names[k] == name { return value(refs[k]) }
        return .missing
      }
    }

    var dependsOnWeights: Bool { refs.contains(where: \.dependsOnWeights) }
  }

  /// A cap: at most `limit` places per value of a column (docs/selection.md "Caps").
  package struct Cap: Sendable {
    /// The column's label, for reasons.
    package let label: String
    package let limit: Int
    /// Code per row (-1: missing, never capped) and the display text of each code.
    package let values: ValueCodes
  }

  package struct Programme: Sendable {
    package let spec: ProgrammeSpec
    package var key: String { spec.key }
    /// Read on every candidate of every sample: stored, not read through `spec`.
    package let quota: Int
    package let reserves: Int
    /// Ranked, not barred by history, and the static rule (if any) holds. Tier not included.
    package let base: [Bool]
    /// Row → the most recent recommendation year inside the history window.
    package let history: [Int: Int]
    /// The rule when it reads a weight-dependent name.
    package let dynamicRule: Bound?
    /// The rule over columns only: index of the first failing clause per row (-1: holds).
    package let staticFailing: [Int32]?
    /// Ranked ∧ static rule (the pool of a tier in mode `eligible`, before its own tier).
    package let staticEligible: [Bool]
    package let from: Int?
    package let fromMode: ProgrammeSpec.TierMode
    /// Caps, in column-key order.
    package let caps: [Cap]
    /// Places per cap bucket, all caps laid end to end.
    package let capBuckets: Int
    /// Pilot-industry membership when `pilot_priority = "first"`.
    package let pilot: [Bool]?
    package let pilotTotal: Int
    /// Whether a later programme reads this one's eligible set.
    package var eligibleSetUsed = false
    /// Committee decisions (docs/selection.md, "Committee decisions"): per row, the index of
    /// the veto or withdrawal that takes it off this programme (−1: none); nil when none does.
    package let barredBy: [Int32]?
    /// `base` without the barred rows (nil when nothing is barred): the walk's first hurdle
    /// when decisions apply.
    package let finalBase: [Bool]?
    /// Rows added by decision, in file order: they take places first.
    package let added: [Int32]
    /// Whether committee decisions touch this programme (`finalBase` or `added`): the walk's
    /// hot path reads this flag, not the arrays.
    package var hasDecisions: Bool { hasDecisionsFlag }
    let hasDecisionsFlag: Bool
  }

  /// A star level with the requirements of the levels it folds in (`cumulative`).
  package struct StarLevelPlan: Sendable {
    package let level: StarLevel
    /// Read for every row of every sample: stored, not read through `level`.
    package let stars: Int
    package let minScore: Double
    /// The static requirements (cumulative ones folded in) hold for the row.
    package let staticOK: [Bool]
    /// Weight-dependent requirements (cumulative: all lower ones too).
    package let dynamic: [Bound]
    /// The level's own top-level `and` clauses, bound, with their source text (for gaps).
    package let clauses: [(clause: Bound, text: String)]

    /// Whether `score` reaches the level's band: score ≥ min_score, with a tolerance of
    /// 1e-9 · max(1, |min_score|) against rounding (0.7 + 0.1 reaches 0.8). The one band
    /// test of Exemplar.
    @inline(__always)
    package func reaches(_ score: Double) -> Bool {
      score >= minScore - 1e-9 * Swift.max(1, abs(minScore))
    }
  }

  package let spec: Spec
  package let rows: Int
  package let ranked: [Bool]
  package let programmes: [Programme]
  /// Levels in ascending stars.
  package let starLevels: [StarLevelPlan]
  package let cumulativeStars: Bool
  package let scaleLow: Double
  package let scaleHigh: Double
  /// A rule whose result must be known for rows beyond the walked prefix reads `rank`
  /// (a star requirement, or the rule of a programme whose eligible set is read): a
  /// sample then needs the ranks of all rows.
  package let needsFullRanking: Bool
  /// Each group's criteria, for `group.KEY`.
  package let groups: [String: GroupMean]

  /// - Parameter evaluation: the nominal evaluation (which rows are ranked, their ids; static
  ///   rules read only columns).
  /// - Parameter committee: the committee decisions the final walk applies (the computed
  ///   walk ignores them: `SelectionWorkspace.applyDecisions`).
  package init(table: Table, spec: Spec, evaluation: Evaluation, history: [HistoryEntry], committee: Committee = Committee()) {
    let n = table.rowCount
    self.spec = spec
    rows = n
    let ranked = evaluation.rank.map { $0 > 0 }
    self.ranked = ranked
    let rankedRows = (0..<n).filter { ranked[$0] }
    scaleLow = spec.evaluation.scale.lowerBound
    scaleHigh = spec.evaluation.scale.upperBound
    let context = RowContext(table: table, spec: spec, evaluation: evaluation)
    /// Per row: the static expression holds (unranked rows: false).
    func holdsStatic(_ e: Expr) -> [Bool] {
      var out = [Bool](repeating: false, count: n)
      let failing = EligibilityRule(e, context: context, masks: [:]).firstFailing(rows: rankedRows)
      for (k, row) in rankedRows.enumerated() { out[row] = failing[k] < 0 }
      return out
    }
    var rankNeeded = false

    var levels: [StarLevelPlan] = []
    var cumulativeOK = ranked
    var cumulativeDynamic: [Bound] = []
    for level in spec.stars.levels {
      var ok = spec.stars.cumulative ? cumulativeOK : ranked
      var dyn = spec.stars.cumulative ? cumulativeDynamic : []
      if let req = level.require {
        let bound = Bound(req, spec: spec)
        if bound.dependsOnWeights {
          dyn.append(bound)
          if bound.references.contains(.rank) { rankNeeded = true }
        } else {
          let holds = holdsStatic(req)
          for i in 0..<n where ok[i] { ok[i] = holds[i] }
        }
      }
      cumulativeOK = ok
      cumulativeDynamic = dyn
      let clauses = (level.require?.conjuncts ?? []).map { (Bound($0, spec: spec), $0.description) }
      levels.append(
        StarLevelPlan(level: level, stars: level.stars, minScore: level.minScore, staticOK: ok, dynamic: dyn, clauses: clauses))
    }
    starLevels = levels
    cumulativeStars = spec.stars.cumulative

    let historyIndex = HistoryIndex(history: spec.programmes.contains { $0.historyYears > 0 } ? history : [], ids: evaluation.ids)
    var codes: [String: ValueCodes] = [:]
    func values(_ key: String) -> ValueCodes {
      if let c = codes[key] { return c }
      let c = ValueCodes(table: table, key: key, rowCount: n)
      codes[key] = c
      return c
    }
    var plans: [Programme] = []
    for (pi, p) in spec.programmes.enumerated() {
      let recent = historyIndex.recentYears(names: p.historyNames, year: spec.evaluation.year, years: p.historyYears)
      var base = ranked
      for row in recent.keys { base[row] = false }
      var staticEligible = ranked
      var dynamic: Bound?
      var staticFailing: [Int32]?
      if let rule = p.eligible {
        let bound = Bound(rule, spec: spec)
        if bound.dependsOnWeights {
          dynamic = bound
        } else {
          var failing = [Int32](repeating: -1, count: n)
          let first = EligibilityRule(rule, context: context, masks: [:]).firstFailing(rows: rankedRows)
          for (k, row) in rankedRows.enumerated() {
            failing[row] = first[k]
            if first[k] >= 0 {
              staticEligible[row] = false
              base[row] = false
            }
          }
          staticFailing = failing
        }
      }
      let caps = p.caps.keys.sorted().compactMap { key -> Cap? in
        guard let limit = p.caps[key] else { return nil }
        let column = spec.column(key)
        return Cap(label: column?.label ?? column?.canonicalHeader ?? key, limit: limit, values: values(key))
      }
      var pilot: [Bool]?
      var pilotTotal = 0
      if p.pilotPriority == .first, !p.pilotIndustries.isEmpty {
        let industry = values(p.industryColumn)
        let isPilot = industry.levelMask(p.pilotIndustries)
        let flags = industry.codes.map { $0 >= 0 && isPilot[Int($0)] }
        pilot = flags
        pilotTotal = (0..<n).reduce(0) { $0 + (flags[$1] && ranked[$1] ? 1 : 0) }
      }
      let from = p.from.flatMap { f in spec.programmes.firstIndex { $0.key == f } }
      if let from, p.fromMode == .eligible { plans[from].eligibleSetUsed = true }
      for case .eligible(let k) in dynamic?.references ?? [] where k < plans.count { plans[k].eligibleSetUsed = true }
      let barredBy = committee.barred(programme: pi, rows: n)
      let finalBase = barredBy.map { barred in (0..<n).map { base[$0] && barred[$0] < 0 } }
      plans.append(
        Programme(
          spec: p, quota: p.quota, reserves: p.reserves, base: base, history: recent, dynamicRule: dynamic, staticFailing: staticFailing,
          staticEligible: staticEligible, from: from, fromMode: p.fromMode, caps: caps, capBuckets: caps.reduce(0) { $0 + $1.values.levels.count },
          pilot: pilot, pilotTotal: pilotTotal, barredBy: barredBy, finalBase: finalBase,
          added: committee.added(programme: pi).map { Int32($0) },
          hasDecisionsFlag: finalBase != nil || !committee.added(programme: pi).isEmpty))
    }
    programmes = plans
    var groups: [String: GroupMean] = [:]
    for g in spec.groups { groups[g.key] = GroupMean(spec: spec, group: g.key) }
    self.groups = groups
    needsFullRanking =
      rankNeeded || plans.contains { $0.eligibleSetUsed && ($0.dynamicRule?.references.contains(.rank) ?? false) }
  }

  /// Score on the configured scale for utility u (the Scorer's expression).
  @inline(__always) package func scaled(_ u: Double) -> Double { scaleLow + (scaleHigh - scaleLow) * u }
}
