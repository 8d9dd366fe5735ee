import Criteria

/// Expression names as officials read them, for Chinese reasons and star gaps: a
/// column's `label`, else its first header (`软硬件投入(万元)`); `score` / `rank` / `stars`
/// as 得分 / 排名 / 星级; `group.KEY` as the group's label with 得分 (`效率得分`); any
/// other name (`raw`, `criterion.KEY`, `selected.PROG`, …) as written.
public enum OfficialNames {
  public static func name(_ name: String, spec: Spec) -> String {
    switch spec.ref(name) {
    case .score: return "得分"
    case .rank: return "排名"
    case .stars: return "星级"
    case .group(let key): return (spec.group(key)?.label ?? key) + "得分"
    case .column(let key):
      let c = spec.column(key)
      return c?.label ?? c?.headers.first ?? name
    case .raw, .criterion, .selected, .eligible, nil: return name
    }
  }

  /// `expr` rendered with official names (operators as in the source); nil when that
  /// reads the same as `expr.description`.
  public static func text(_ expr: Expr, spec: Spec) -> String? {
    let readable = expr.rendered { name($0, spec: spec) }
    return readable == expr.description ? nil : readable
  }

  /// `expr` as shown to its reader, operators as `≥ ≤ ≠ =`: with official names and
  /// 且/或/非 (Chinese) or as written in the criteria file (`english`).
  public static func shown(_ expr: Expr, spec: Spec, english: Bool) -> String {
    english
      ? Expr.withOfficialOperators(expr.description)
      : Expr.withChineseConnectives(Expr.withOfficialOperators(expr.rendered { name($0, spec: spec) }))
  }

  /// Source text → `shown` text of every star requirement clause (the clauses `StarRater`
  /// reports in `StarGap.unmetRequirements`). Built once per report, so rendering a gap
  /// is a lookup per clause.
  public static func starRequirements(_ spec: Spec, english: Bool) -> [String: String] {
    var out: [String: String] = [:]
    for level in spec.stars.levels {
      for clause in level.require?.conjuncts ?? [] {
        out[clause.description] = shown(clause, spec: spec, english: english)
      }
    }
    return out
  }
}
