/// Goalposts: fixed bounds, clamped to [0, 1]; comparable across years.
///
/// ```
/// r_i = clamp((x_i − low) / (high − low), 0, 1)
/// ```
/// Source: UNDP Human Development Index technical notes (fixed goalposts).
/// Degenerate: high ≤ low (the loader rejects it) maps x ≥ high to 1, the rest to 0.
/// - Complexity: O(n).
public enum GoalpostsNormaliser {
  public static func normalise(_ x: [Double], low: Double, high: Double) -> [Double] {
    let range = high - low
    guard range > 0 else { return x.map { $0 >= high ? 1 : 0 } }
    let inv = 1 / range
    return x.map { Swift.min(1, Swift.max(0, ($0 - low) * inv)) }
  }
}
