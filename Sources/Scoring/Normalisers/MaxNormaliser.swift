/// Max (linear ratio) normalisation.
///
/// ```
/// r_i = x_i / max x
/// ```
/// Needs x ≥ 0 (checked by the dispatcher). Degenerate: an all-zero column maps to 1.
/// - Complexity: O(n).
public enum MaxNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    guard let hi = x.max() else { return [] }
    guard hi > 0 else { return [Double](repeating: 1, count: x.count) }
    let inv = 1 / hi
    return x.map { $0 * inv }
  }
}
