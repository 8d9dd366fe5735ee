import Criteria
import Model

/// Management-innovation star ratings (管理创新提升星级), docs/criteria.md `[stars]`.
///
/// A row receives the highest level whose band it reaches (score ≥ min_score, with a
/// tolerance of 1e-9 · max(1, |min_score|) against rounding) and whose requirement holds;
/// with `cumulative` (default) level k also needs every lower level's requirement.
/// The gap names the next level above the one received: points short
/// (max(0, min_score − score)) and the top-level `and` clauses that fail, rendered with
/// `Expr.description` (lower levels' clauses too when cumulative).
public enum StarRater {
  /// Stars and gaps for every row of `evaluation` (unranked rows: 0 stars, no gap).
  /// Names resolve as `RowContext` resolves them (columns, score, raw, rank, group.KEY,
  /// criterion.KEY), each looked up once for all rows.
  public static func rate(table: Table, spec: Spec, evaluation: Evaluation) -> (stars: [Int], gaps: [StarGap?]) {
    let n = evaluation.score.count
    var stars = [Int](repeating: 0, count: n)
    var gaps = [StarGap?](repeating: nil, count: n)
    guard !spec.stars.levels.isEmpty else { return (stars, gaps) }
    let names = spec.stars.levels.flatMap { $0.require?.names ?? [] }
    let context = RowResolver(names: names, table: table, spec: spec, evaluation: evaluation)
    let prepared = Prepared(spec.stars)
    for row in evaluation.order {
      let r = rate(score: evaluation.score[row], levels: prepared) { context.value($0, row: row) }
      stars[row] = r.stars
      gaps[row] = r.gap
    }
    return (stars, gaps)
  }

  /// One enterprise: its stars and the gap to the next level (nil at the top level).
  public static func rate(score: Double, stars spec: StarSpec, resolve: (String) -> ExprValue) -> (stars: Int, gap: StarGap?) {
    rate(score: score, levels: Prepared(spec), resolve: resolve)
  }

  /// The levels with their requirement clauses split and rendered once.
  struct Prepared {
    let levels: [StarLevel]
    let cumulative: Bool
    /// Per level: top-level `and` clauses and their `Expr.description`.
    let clauses: [[(expr: Expr, text: String)]]

    init(_ spec: StarSpec) {
      levels = spec.levels
      cumulative = spec.cumulative
      clauses = spec.levels.map { level in
        (level.require.map(StarRater.conjuncts) ?? []).map { ($0, $0.description) }
      }
    }
  }

  static func rate(score: Double, levels p: Prepared, resolve: (String) -> ExprValue) -> (stars: Int, gap: StarGap?) {
    let levels = p.levels
    var achieved = 0
    var chainHolds = true
    for level in levels {
      guard reaches(score, level) else { continue }
      let own = level.require?.holds(resolve) ?? true
      if p.cumulative {
        chainHolds = chainHolds && own
        if chainHolds { achieved = level.stars }
      } else if own {
        achieved = level.stars
      }
    }
    guard let nextIndex = levels.firstIndex(where: { $0.stars > achieved }) else { return (achieved, nil) }
    let next = levels[nextIndex]
    var unmet: [String] = []
    for k in (p.cumulative ? 0 : nextIndex)...nextIndex {
      for clause in p.clauses[k] where !clause.expr.holds(resolve) {
        if !unmet.contains(clause.text) { unmet.append(clause.text) }
      }
    }
    let short = reaches(score, next) ? 0 : Swift.max(0, next.minScore - score)
    return (achieved, StarGap(nextStars: next.stars, pointsShort: short, unmetRequirements: unmet))
  }

  static func reaches(_ score: Double, _ level: StarLevel) -> Bool {
    score >= level.minScore - 1e-9 * Swift.max(1, abs(level.minScore))
  }

  /// Top-level `and` operands, left to right.
  static func conjuncts(_ e: Expr) -> [Expr] {
    if case .and(let a, let b) = e { return conjuncts(a) + conjuncts(b) }
    return [e]
  }
}
