/// Distance to a target value: 1 at the target, 0 for the farthest row.
///
/// ```
/// r_i = 1 − |x_i − t| / max_k |x_k − t|
/// ```
/// Direction does not apply (closeness is symmetric). Degenerate: when every row is
/// equally far from the target (a constant column, or every row on it) all map to 1,
/// as a constant min-max column does.
/// - Complexity: O(n).
public enum TargetNormaliser {
  public static func normalise(_ x: [Double], target: Double) -> [Double] {
    var far = 0.0
    var near = Double.infinity
    for v in x {
      far = Swift.max(far, abs(v - target))
      near = Swift.min(near, abs(v - target))
    }
    guard far > near else { return [Double](repeating: 1, count: x.count) }
    // Division (not a reciprocal) keeps |x − t|/far ≤ 1 exactly, even for huge distances.
    return x.map { 1 - abs($0 - target) / far }
  }
}
