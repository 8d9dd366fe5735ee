import Criteria
import Model
import Scoring

/// The part of the selection rules (docs/criteria.md `[programmes.KEY]`) that does not
/// depend on the weights, precomputed once per analysis: history exclusions, eligibility
/// rules over static columns, cap buckets, pilot membership, star requirements over
/// static columns. Rules that read `score`, `raw`, `rank`, `stars`, `group.*`,
/// `criterion.*`, `selected.*` or `eligible.*` are kept as expressions and evaluated per
/// sample, only for the candidates the walk reaches.
struct SelectionPlan: Sendable {
  struct Cap: Sendable {
    /// Bucket per row (interned value); -1 = missing value (never capped).
    let codes: [Int32]
    let buckets: Int
    let limit: Int
  }

  struct Programme: Sendable {
    let key: String
    let quota: Int
    let reserves: Int
    /// Ranked, not excluded by history, and static eligibility (if any) holds. Tier not included.
    let base: [Bool]
    /// The eligibility rule when it reads a weight-dependent name.
    let dynamicEligible: Expr?
    /// Ranked ∧ static rule (the pool of a tier in mode `eligible`, before its own tier).
    let staticEligible: [Bool]
    let from: Int?
    let fromMode: ProgrammeSpec.TierMode
    let caps: [Cap]
    /// Pilot-industry membership when `pilot_priority = "first"`.
    let pilot: [Bool]?
    let pilotTotal: Int
    /// Whether a later programme reads this one's eligible set.
    var eligibleSetUsed: Bool
  }

  struct StarLevelPlan: Sendable {
    let stars: Int
    let minScore: Double
    /// Static requirements (cumulative ones folded in) hold for the row.
    let staticOK: [Bool]
    /// Weight-dependent requirements, evaluated per sample (cumulative: all lower ones too).
    let dynamic: [Expr]
  }

  let rows: Int
  let ranked: [Bool]
  let programmes: [Programme]
  /// Levels in ascending stars.
  let starLevels: [StarLevelPlan]
  let scaleLow: Double
  let scaleHigh: Double
  /// A rule whose result must be known for rows beyond the walked prefix reads `rank`
  /// (a star requirement, or the rule of a programme whose eligible set is read): the
  /// sample then needs the ranks of all rows.
  let needsFullRanking: Bool
  /// Criterion indices under each group (all descendants), for `group.KEY`.
  let groupCriteria: [String: [Int]]
  let criterionIndex: [String: Int]
  let programmeIndex: [String: Int]

  static let dynamicNames: Set<String> = ["score", "raw", "rank", "stars"]
  static let dynamicPrefixes = ["group.", "criterion.", "selected.", "eligible."]

  static func isDynamic(_ e: Expr) -> Bool {
    e.names.contains { n in dynamicNames.contains(n) || dynamicPrefixes.contains { n.hasPrefix($0) } }
  }

  init(table: Table, spec: Spec, evaluation: Evaluation, history: [HistoryEntry]) {
    let n = table.rowCount
    rows = n
    let ranked = (0..<n).map { evaluation.rank[$0] > 0 }
    self.ranked = ranked
    scaleLow = spec.evaluation.scale.lowerBound
    scaleHigh = spec.evaluation.scale.upperBound
    let staticResolve = { (row: Int) in { (name: String) in RowContext.columnValue(table, name, row: row) } }
    var rankNeeded = false

    var levels: [StarLevelPlan] = []
    var cumulativeOK = [Bool](repeating: true, count: n)
    var cumulativeDynamic: [Expr] = []
    for level in spec.stars.levels {
      var ok = spec.stars.cumulative ? cumulativeOK : [Bool](repeating: true, count: n)
      var dyn = spec.stars.cumulative ? cumulativeDynamic : []
      if let req = level.require {
        if Self.isDynamic(req) {
          dyn.append(req)
          if req.names.contains("rank") { rankNeeded = true }
        } else {
          for i in 0..<n where ok[i] { ok[i] = req.holds(staticResolve(i)) }
        }
      }
      cumulativeOK = ok
      cumulativeDynamic = dyn
      levels.append(StarLevelPlan(stars: level.stars, minScore: level.minScore, staticOK: ok, dynamic: dyn))
    }
    starLevels = levels

    let year = spec.evaluation.year
    var plans: [Programme] = []
    for p in spec.programmes {
      var base = ranked
      if p.historyYears > 0 {
        let names = Set(p.historyNames)
        let barred = Set(
          history.filter { names.contains($0.programme) && $0.year >= year - p.historyYears && $0.year < year }.map(\.id))
        if !barred.isEmpty { for i in 0..<n where base[i] && barred.contains(evaluation.ids[i]) { base[i] = false } }
      }
      var staticEligible = ranked
      var dynamic: Expr?
      if let rule = p.eligible {
        if Self.isDynamic(rule) {
          dynamic = rule
        } else {
          for i in 0..<n where staticEligible[i] { staticEligible[i] = rule.holds(staticResolve(i)) }
          for i in 0..<n where base[i] { base[i] = staticEligible[i] }
        }
      }
      let caps = p.caps.keys.sorted().compactMap { col -> Cap? in
        guard let limit = p.caps[col] else { return nil }
        var intern: [String: Int32] = [:]
        var codes = [Int32](repeating: -1, count: n)
        for i in 0..<n {
          let key: String
          switch RowContext.columnValue(table, col, row: i) {
          case .missing: continue
          case .string(let s): key = "s" + s
          case .number(let x): key = "n\(x)"
          case .bool(let b): key = b ? "t" : "f"
          }
          if let c = intern[key] {
            codes[i] = c
          } else {
            let c = Int32(intern.count)
            intern[key] = c
            codes[i] = c
          }
        }
        return Cap(codes: codes, buckets: intern.count, limit: limit)
      }
      var pilot: [Bool]?
      var pilotTotal = 0
      if p.pilotPriority == .first, !p.pilotIndustries.isEmpty {
        let set = Set(p.pilotIndustries)
        let flags = (0..<n).map { i -> Bool in
          if case .string(let s) = RowContext.columnValue(table, p.industryColumn, row: i) { return set.contains(s) }
          return false
        }
        pilot = flags
        pilotTotal = (0..<n).reduce(0) { $0 + (flags[$1] && ranked[$1] ? 1 : 0) }
      }
      let from = p.from.flatMap { f in spec.programmes.firstIndex { $0.key == f } }
      if let from, p.fromMode == .eligible { plans[from].eligibleSetUsed = true }
      if let rule = p.eligible {
        for name in rule.names where name.hasPrefix("eligible.") {
          let k = String(name.dropFirst(9))
          if let idx = plans.firstIndex(where: { $0.key == k }) { plans[idx].eligibleSetUsed = true }
        }
      }
      plans.append(
        Programme(
          key: p.key, quota: p.quota, reserves: p.reserves, base: base, dynamicEligible: dynamic,
          staticEligible: staticEligible, from: from, fromMode: p.fromMode, caps: caps, pilot: pilot,
          pilotTotal: pilotTotal, eligibleSetUsed: false))
    }
    programmes = plans
    var ci: [String: Int] = [:]
    for (j, c) in spec.criteria.enumerated() { ci[c.key] = j }
    criterionIndex = ci
    var pi: [String: Int] = [:]
    for (k, p) in spec.programmes.enumerated() { pi[p.key] = k }
    programmeIndex = pi
    var gc: [String: [Int]] = [:]
    for g in spec.groups {
      gc[g.key] = spec.criteria.indices.filter { j in
        var node = spec.criteria[j].group
        var guardSteps = 0
        while let k = node, guardSteps <= spec.groups.count {
          if k == g.key { return true }
          node = spec.group(k)?.parent
          guardSteps += 1
        }
        return false
      }
    }
    groupCriteria = gc
    needsFullRanking = rankNeeded || plans.contains { $0.eligibleSetUsed && ($0.dynamicEligible?.names.contains("rank") ?? false) }
  }

  /// Score on the configured scale for utility u (same expression as the Scorer's).
  @inline(__always) func scaled(_ u: Double) -> Double { scaleLow + (scaleHigh - scaleLow) * u }
}
