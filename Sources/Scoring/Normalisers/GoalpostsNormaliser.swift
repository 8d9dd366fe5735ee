/// Goalposts: fixed bounds, clamped to [0, 1]; comparable across years.
///
/// ```
/// benefit  r_i = clamp((x_i − low) / (high − low), 0, 1)
/// cost     r_i = clamp((high − x_i) / (high − low), 0, 1), computed as 1 − benefit r_i
/// ```
/// Source: UNDP Human Development Index technical notes (fixed goalposts).
/// A value on or beyond a goalpost maps to exactly 0 or 1 in either direction: the value
/// at the high goalpost is 1 (benefit) or 0 (cost) by the rule, not (high − low)·(1/(high − low)),
/// which can be 1 − 2^-53 and left a cost criterion 1.1e-16 instead of 0. Between the
/// goalposts the values are computed as before (same bits).
/// Goalposts more than the largest Double apart are halved with the values (same ratios).
/// Degenerate: high ≤ low (the loader rejects it) maps x ≥ high to 1 (benefit), the rest to 0.
/// - Complexity: O(n).
public enum GoalpostsNormaliser {
  public static func normalise(_ x: [Double], low: Double, high: Double) -> [Double] {
    let range = high - low
    guard range > 0 else { return x.map { $0 >= high ? 1 : 0 } }
    guard range.isFinite else { return normalise(x.map { $0 * 0.5 }, low: low * 0.5, high: high * 0.5) }
    let inv = 1 / range
    return x.map { $0 >= high ? 1 : Swift.min(1, Swift.max(0, ($0 - low) * inv)) }
  }
}
