/// Min-max (linear, range) normalisation of a benefit-oriented column.
///
/// ```
/// r_i = (x_i − min x) / (max x − min x)
/// ```
/// Degenerate: a constant column (max = min) maps to 1 for every row — every
/// enterprise attains the best observed value (docs/methods.md, "Degenerate cases").
/// Source: OECD/JRC (2008), *Handbook on Constructing Composite Indicators*, §5.
/// - Complexity: O(n), two passes.
public enum MinMaxNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    guard let (lo, hi) = extrema(x) else { return [] }
    let range = hi - lo
    guard range > 0 else { return [Double](repeating: 1, count: x.count) }
    let inv = 1 / range
    return x.map { ($0 - lo) * inv }
  }
}

/// Minimum and maximum in one pass, nil for an empty column.
func extrema(_ x: [Double]) -> (min: Double, max: Double)? {
  guard let first = x.first else { return nil }
  var lo = first, hi = first
  x.withUnsafeBufferPointer { p in
    for v in p {
      lo = Swift.min(lo, v)
      hi = Swift.max(hi, v)
    }
  }
  return (lo, hi)
}
