/// Goalposts: fixed bounds, clamped to [0, 1]; comparable across years.
///
/// ```
/// benefit  r_i = clamp((x_i − low) / (high − low), 0, 1)
/// cost     r_i = clamp((high − x_i) / (high − low), 0, 1), computed as 1 − benefit r_i
/// ```
/// Source: UNDP Human Development Index technical notes (fixed goalposts).
/// A value on or beyond a goalpost maps to exactly 0 or 1 in either direction: the
/// reciprocal of the range is taken one ulp up when (high − low)·(1/(high − low)) rounds
/// below 1 (it can be 1 − 2^-53, which left a cost criterion at its high goalpost 1.1e-16
/// instead of 0); otherwise, and for every range the sample criteria use, the values are
/// the same bits as before.
/// Goalposts more than the largest Double apart are halved with the values (same ratios).
/// Degenerate: high ≤ low (the loader rejects it) maps x ≥ high to 1 (benefit), the rest to 0.
/// - Complexity: O(n).
public enum GoalpostsNormaliser {
  public static func normalise(_ x: [Double], low: Double, high: Double) -> [Double] {
    let range = high - low
    guard range > 0 else { return x.map { $0 >= high ? 1 : 0 } }
    guard range.isFinite else { return normalise(x.map { $0 * 0.5 }, low: low * 0.5, high: high * 0.5) }
    // (high − low)·inv ≥ 1, so every x ≥ high (monotone rounding) clamps to exactly 1: one
    // ulp up when the rounded reciprocal falls short (e.g. 49·(1/49) = 1 − 2^-53). The
    // loop stays a branch-free clamp.
    var inv = 1 / range
    // A range below 2^-1024 has no finite reciprocal: divide.
    guard inv.isFinite else { return x.map { Swift.min(1, Swift.max(0, ($0 - low) / range)) } }
    if range * inv < 1 { inv = inv.nextUp }
    return x.map { Swift.min(1, Swift.max(0, ($0 - low) * inv)) }
  }
}
