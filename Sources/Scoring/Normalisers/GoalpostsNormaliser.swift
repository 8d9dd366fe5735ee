/// Goalposts: fixed bounds, clamped to [0, 1]; comparable across years.
///
/// ```
/// benefit  r_i = clamp((x_i − low) / (high − low), 0, 1)
/// cost     r_i = clamp((high − x_i) / (high − low), 0, 1)
/// ```
/// Source: UNDP Human Development Index technical notes (fixed goalposts).
/// Both forms divide (no reciprocal), so a value on a goalpost maps to exactly 0 or 1:
/// (high − low)/(high − low) is 1 and 0/(high − low) is 0 in floating point, where
/// 1 − (x − low)·(1/(high − low)) can leave 1.1e-16 at the high goalpost of a cost criterion.
/// Goalposts more than the largest Double apart are halved with the values (same ratios).
/// Degenerate: high ≤ low (the loader rejects it) maps x ≥ high to 1 (benefit) or x ≤ low
/// to 1 (cost), the rest to 0.
/// - Complexity: O(n).
public enum GoalpostsNormaliser {
  public static func normalise(_ x: [Double], low: Double, high: Double) -> [Double] {
    let range = high - low
    guard range > 0 else { return x.map { $0 >= high ? 1 : 0 } }
    // Goalposts more than Double.greatestFiniteMagnitude apart: the same ratios, halved.
    guard range.isFinite else { return normalise(x.map { $0 * 0.5 }, low: low * 0.5, high: high * 0.5) }
    return x.map { Swift.min(1, Swift.max(0, ($0 - low) / range)) }
  }

  /// The cost form, (high − x)/(high − low) clamped: the benefit kernel of −x between the
  /// goalposts −high and −low (negation is exact).
  public static func normaliseCost(_ x: [Double], low: Double, high: Double) -> [Double] {
    let range = high - low
    guard range > 0 else { return x.map { $0 <= low ? 1 : 0 } }
    guard range.isFinite else { return normaliseCost(x.map { $0 * 0.5 }, low: low * 0.5, high: high * 0.5) }
    return x.map { Swift.min(1, Swift.max(0, (high - $0) / range)) }
  }
}
