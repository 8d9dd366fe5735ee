/// Sum (proportion) normalisation: each value's share of the column total.
///
/// ```
/// r_i = x_i / Σ x_k
/// ```
/// Needs x ≥ 0 (checked by the dispatcher). Degenerate: an all-zero column maps to 1/n,
/// the value every constant positive column gets. The same kernel rescales weight
/// vectors (scikit-criteria `scale_by_sum`).
/// - Complexity: O(n).
public enum SumNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    guard !x.isEmpty else { return [] }
    var total = 0.0
    for v in x { total += v }
    guard total > 0 else { return [Double](repeating: 1 / Double(x.count), count: x.count) }
    let inv = 1 / total
    return x.map { $0 * inv }
  }
}
