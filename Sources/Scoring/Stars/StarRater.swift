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
    for row in evaluation.order {
      let r = rate(score: evaluation.score[row], stars: spec.stars) { context.value($0, row: row) }
      stars[row] = r.stars
      gaps[row] = r.gap
    }
    return (stars, gaps)
  }

  /// One enterprise: its stars and the gap to the next level (nil at the top level).
  public static func rate(score: Double, stars spec: StarSpec, resolve: (String) -> ExprValue) -> (stars: Int, gap: StarGap?) {
    let levels = spec.levels
    var achieved = 0
    var chainHolds = true
    for level in levels {
      guard reaches(score, level) else { continue }
      let own = level.require?.holds(resolve) ?? true
      if spec.cumulative {
        chainHolds = chainHolds && own
        if chainHolds { achieved = level.stars }
      } else if own {
        achieved = level.stars
      }
    }
    guard let next = levels.first(where: { $0.stars > achieved }) else { return (achieved, nil) }
    var unmet: [String] = []
    let considered = spec.cumulative ? levels.filter { $0.stars <= next.stars } : [next]
    for level in considered {
      guard let require = level.require else { continue }
      for clause in conjuncts(require) where !clause.holds(resolve) {
        let text = clause.description
        if !unmet.contains(text) { unmet.append(text) }
      }
    }
    let short = Swift.max(0, next.minScore - score)
    return (achieved, StarGap(nextStars: next.stars, pointsShort: reaches(score, next) ? 0 : short, unmetRequirements: unmet))
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
