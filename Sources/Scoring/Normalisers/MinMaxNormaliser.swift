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
    guard !x.isEmpty else { return [] }
    guard let (lo, inv) = map(x, negated: false) else { return [Double](repeating: 1, count: x.count) }
    return x.map { ($0 - lo) * inv }
  }

  /// The map r = (s·x − lo) · inv of `normalise(s·x)`, s = −1 when `negated` (a cost
  /// criterion): lo = min s·x and inv = 1/(max s·x − lo), found by the same comparisons in
  /// the same order as `extrema` of the negated column, so `UnitColumn` computes exactly the
  /// values `normalise` stores. Nil for an empty or constant column.
  static func map(_ x: [Double], negated: Bool) -> (lo: Double, inv: Double)? {
    x.withUnsafeBufferPointer { p in map(count: p.count, negated: negated) { p[$0] } }
  }

  /// `map` of the column whose value `i` is `value(i)`, `i` in 0..<count.
  @inline(__always)
  static func map(count: Int, negated: Bool, _ value: (Int) -> Double) -> (lo: Double, inv: Double)? {
    guard count > 0 else { return nil }
    let sign: Double = negated ? -1 : 1
    var lo = sign * value(0), hi = lo
    for i in 0..<count {
      let v = sign * value(i)
      lo = Swift.min(lo, v)
      hi = Swift.max(hi, v)
    }
    let range = hi - lo
    guard range > 0 else { return nil }
    return (lo, 1 / range)
  }
}
