import Criteria
import Model
import Scoring
import Selection

/// What the documents for officials (推荐汇总表, 公示名单, the committee report, letters) need
/// that only the metrics table holds, gathered once for the enterprises they name: the
/// listed enterprises (selected and reserves of every programme), those owed an unpaid
/// reward, and any `extra` rows (letters).
///
/// - Complexity: O(rows × criteria) for the missing-value counts and O(rows log rows) per
///   criterion for the standings; memory is per named enterprise, not per row.
public struct DocumentFacts: Sendable {
  /// One named enterprise's facts.
  public struct Row: Sendable {
    public var district: String
    public var industry: String
    /// Raw value of each criterion (spec order); nil when missing in the metrics file.
    public var raw: [Double?]
    /// Whether each criterion's value was imputed (missing-value policy).
    public var imputed: [Bool]
    /// Share of ranked enterprises at least as good on each criterion (0…1; 0.05 = top 5%).
    public var standing: [Double]
    /// Position on each criterion among the ranked enterprises (1 = best).
    public var position: [Int]
  }

  /// One missing-value policy applied to a criterion's column.
  public struct MissingUse: Sendable {
    public var criterion: Int
    public var policy: MissingPolicy
    /// Enterprises whose value was missing (imputed, or left out of the ranking with `exclude`).
    public var count: Int
    /// Named (listed) enterprises among them.
    public var listedRows: [Int]
  }

  public var rows: [Int: Row] = [:]
  /// Key column of the district and of the industry ("" when the file has none).
  public var districtColumn = "", industryColumn = ""
  /// Missing-value policies in effect, per criterion with at least one missing value.
  public var missingUses: [MissingUse] = []
  /// Ranked enterprises (the denominator of standings).
  public var ranked = 0
  /// Per programme (decision order): reserve row → why it stands below selected enterprises
  /// ranked lower (a cap reached), in the run's language.
  public var reserveNotes: [[Int: String]] = []

  public init() {}

  /// The rows every document of `run` names: each programme's final and reserve lists and
  /// the enterprises owed a reward the budget did not pay.
  public static func namedRows(_ decision: Decision) -> Set<Int> {
    var rows = Set<Int>()
    for p in decision.programmes {
      rows.formUnion(p.selected)
      rows.formUnion(p.reserve)
    }
    for a in decision.rewards.awards where !a.superseded && a.granted < a.entitled { rows.insert(a.row) }
    return rows
  }

  /// Gathers the facts of `namedRows(decision)` plus `extra` from the table.
  public static func gather(
    table: Table, spec: Spec, evaluation ev: Evaluation, decision: Decision, extra: [Int] = [], english: Bool = false
  ) -> DocumentFacts {
    var f = DocumentFacts()
    var named = namedRows(decision)
    named.formUnion(extra)
    f.districtColumn = column(in: spec, table: table, keys: ["district", "region"], header: "区域")
    f.industryColumn = column(in: spec, table: table, keys: spec.programmes.map(\.industryColumn) + ["industry"], header: "行业")
    f.ranked = ev.order.count
    // Standings: per criterion, the ranked rows' normalised values sorted descending.
    let sorted: [[Double]] = spec.criteria.indices.map { j in
      guard j < ev.normalised.count else { return [] }
      return ev.order.map { ev.normalised[j][$0] }.sorted(by: >)
    }
    for r in named.sorted() where r >= 0 && r < table.rowCount {
      var row = Row(
        district: table.string(f.districtColumn, row: r), industry: table.string(f.industryColumn, row: r), raw: [], imputed: [],
        standing: [], position: [])
      for (j, c) in spec.criteria.enumerated() {
        let col = table.numbers(c.column)
        row.raw.append(col.flatMap { $0.missing[r] ? nil : $0.values[r] })
        row.imputed.append(j < ev.imputed.count && r < ev.imputed[j].count ? ev.imputed[j][r] : false)
        let ranked = ev.rank[r] > 0 && !sorted[j].isEmpty
        let better = ranked ? countGreater(sorted[j], ev.normalised[j][r]) : 0
        row.position.append(ranked ? better + 1 : 0)
        row.standing.append(ranked ? Double(better + 1) / Double(sorted[j].count) : 1)
      }
      f.rows[r] = row
    }
    for (j, c) in spec.criteria.enumerated() {
      let policy = c.missing ?? spec.column(c.column)?.missing ?? .reject
      guard policy != .reject, policy != .allow, let col = table.numbers(c.column) else { continue }
      let count = col.missingCount
      guard count > 0 else { continue }
      let listed = named.sorted().filter { $0 < col.missing.count && col.missing[$0] }
      f.missingUses.append(MissingUse(criterion: j, policy: policy, count: count, listedRows: listed))
    }
    f.reserveNotes = decision.programmes.map { reserveNotes($0, spec: spec, evaluation: ev, english: english) }
    return f
  }

  /// Why each reserve ranked above a selected enterprise is a reserve: the cap the engine
  /// recorded (`ProgrammeDecision.reserveReasons`: the one place caps are counted), else,
  /// when it still ranks above the last selected one, the programme's rules in general (a
  /// pilot industry walked first, a committee addition).
  static func reserveNotes(_ d: ProgrammeDecision, spec: Spec, evaluation ev: Evaluation, english: Bool) -> [Int: String] {
    guard spec.programmes.contains(where: { $0.key == d.key }) else { return [:] }
    let worstSelected = d.selected.map { ev.rank[$0] }.max() ?? 0
    var notes: [Int: String] = [:]
    for r in d.reserve {
      if case .cap(let column, let value, let limit)? = d.reserveReasons[r] {
        let name = column.replacingOccurrences(of: "所属", with: "")
        notes[r] =
          english
          ? "ranked above selected enterprises, but the cap of \(limit) per \(column) (\(value)) is reached"
          : "排名高于部分入选企业，但\(name)“\(value)”入选已达上限\(limit)家，列为候补"
      } else if ev.rank[r] > 0 && ev.rank[r] < worstSelected {
        notes[r] = english ? "ranked above selected enterprises; kept off the list by the programme's rules" : "排名高于部分入选企业，因推荐规则（名额分配）列为候补"
      }
    }
    return notes
  }

  /// Number of values in `sorted` (descending) strictly greater than `x`.
  static func countGreater(_ sorted: [Double], _ x: Double) -> Int {
    var lo = 0, hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] > x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The key of a category or text column named by one of `keys` or whose header contains `header`.
  static func column(in spec: Spec, table: Table, keys: [String], header: String) -> String {
    for k in keys where table.columns[k] != nil && spec.column(k)?.type == .category { return k }
    for c in spec.columns where c.type == .category || c.type == .text {
      if table.columns[c.key] != nil, c.headers.contains(where: { $0.contains(header) }) { return c.key }
    }
    return ""
  }
}
