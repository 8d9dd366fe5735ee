import Criteria
import Model
import Scoring

/// Management-innovation star ratings (管理创新提升星级), docs/criteria.md `[stars]`, and
/// what stands between each enterprise and the next level.
///
/// A row receives the highest level whose band it reaches (`StarLevelPlan.reaches`: score ≥
/// min_score, with a tolerance of 1e-9 · max(1, |min_score|) against rounding) and whose
/// requirement holds; with `cumulative` (default) level k also needs every lower level's
/// requirement. Stars come from `SelectionWorkspace.stars`, the same function every
/// sensitivity sample uses. The gap names the next level above the one received: points
/// short (max(0, min_score − score)) and the top-level `and` clauses that fail, as written
/// (lower levels' clauses too when cumulative).
enum StarRating {
  /// Stars and gaps of every ranked row of the workspace's current ordering (unranked
  /// rows: 0 stars, no gap).
  static func rate(_ ws: SelectionWorkspace) -> (stars: [Int], gaps: StarGaps) {
    let plan = ws.plan
    var stars = [Int](repeating: 0, count: plan.rows)
    var gaps = StarGaps(count: plan.rows)
    guard !plan.starLevels.isEmpty else { return (stars, gaps) }
    for r in ws.prefix {
      let row = Int(r)
      let achieved = ws.stars(row)
      stars[row] = achieved
      if let g = gap(ws, row: row, achieved: achieved) { gaps.set(row, g) }
    }
    return (stars, gaps)
  }

  /// The gap of `row` to the level above `achieved` (nil at the top level).
  static func gap(_ ws: SelectionWorkspace, row: Int, achieved: Int) -> StarGap? {
    let levels = ws.plan.starLevels
    guard let nextIndex = levels.firstIndex(where: { $0.stars > achieved }) else { return nil }
    let next = levels[nextIndex]
    var unmet: [String] = []
    for k in (ws.plan.cumulativeStars ? 0 : nextIndex)...nextIndex {
      for (clause, text) in levels[k].clauses where !clause.holds({ ws.value($0, row: row) }) {
        if !unmet.contains(text) { unmet.append(text) }
      }
    }
    let score = ws.plan.scaled(ws.utility[row])
    let short = next.reaches(score) ? 0 : Swift.max(0, next.minScore - score)
    return StarGap(nextStars: next.stars, pointsShort: short, unmetRequirements: unmet)
  }
}
