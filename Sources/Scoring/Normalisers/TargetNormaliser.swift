/// Distance to a target value: 1 at the target, 0 for the farthest row.
///
/// ```
/// r_i = 1 − |x_i − t| / max_k |x_k − t|
/// ```
/// Direction does not apply (closeness is symmetric). The formula holds whenever some row
/// is off the target, including when every row is equally far from it (0, 1, 1 with
/// target 0.5, or a constant column off the target): each row is then the farthest and
/// gets 0. Degenerate: every row on the target (max distance 0, the formula 0/0) maps to 1.
/// - Complexity: O(n).
public enum TargetNormaliser {
  public static func normalise(_ x: [Double], target: Double) -> [Double] {
    var far = 0.0
    for v in x { far = Swift.max(far, abs(v - target)) }
    guard far > 0 else { return [Double](repeating: 1, count: x.count) }
    // Division (not a reciprocal) keeps |x − t|/far ≤ 1 exactly, and 1 for the farthest.
    if far.isFinite { return x.map { 1 - abs($0 - target) / far } }
    return halved(x, target: target)
  }

  /// A distance beyond the largest Double: the same ratios with values and target halved.
  private static func halved(_ x: [Double], target: Double) -> [Double] {
    let t = target * 0.5
    var far = 0.0
    for v in x { far = Swift.max(far, abs(v * 0.5 - t)) }
    return x.map { 1 - abs($0 * 0.5 - t) / far }
  }
}
