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
  /// criterion): lo = min s·x and inv = 1/(max s·x − lo), the extremes of one scan in row
  /// order (`extremes`), so `UnitColumn` computes exactly the values `normalise` stores. Nil
  /// for an empty or constant column.
  static func map(_ x: [Double], negated: Bool) -> (lo: Double, inv: Double)? {
    x.withUnsafeBufferPointer { p in map(count: p.count, negated: negated) { p[$0] } }
  }

  /// `map` of the column whose value `i` is `value(i)`, `i` in 0..<count.
  @inline(__always)
  static func map(count: Int, negated: Bool, _ value: (Int) -> Double) -> (lo: Double, inv: Double)? {
    guard count > 0 else { return nil }
    let sign: Double = negated ? -1 : 1
    let (lo, hi) = extremes(count: count) { sign * value($0) }
    let range = hi - lo
    guard range > 0 else { return nil }
    return (lo, 1 / range)
  }

  /// The extremes the scan `lo = min(lo, v); hi = max(hi, v)` over `value(0..<count)` from
  /// `value(0)` finds, `count` > 0, as `map` uses them (lo, and hi − lo), in four interleaved
  /// lanes: four independent comparison chains instead of one (the scan waits on each
  /// comparison's latency; at a million rows and 20 criteria, 50 ms of a run). The least and
  /// greatest of doubles are the same value whichever order finds them (a NaN is never taken,
  /// as in the scan, unless `value(0)` is one), except for a zero's sign: a zero least is
  /// looked up as the scan keeps it.
  @inline(__always)
  static func extremes(count: Int, _ value: (Int) -> Double) -> (lo: Double, hi: Double) {
    let first = value(0)
    var lo = (first, first, first, first), hi = lo
    var i = 0
    while i &+ 4 <= count {
      let a = value(i), b = value(i &+ 1), c = value(i &+ 2), d = value(i &+ 3)
      lo = (Swift.min(lo.0, a), Swift.min(lo.1, b), Swift.min(lo.2, c), Swift.min(lo.3, d))
      hi = (Swift.max(hi.0, a), Swift.max(hi.1, b), Swift.max(hi.2, c), Swift.max(hi.3, d))
      i &+= 4
    }
    var low = Swift.min(Swift.min(lo.0, lo.1), Swift.min(lo.2, lo.3))
    var high = Swift.max(Swift.max(hi.0, hi.1), Swift.max(hi.2, hi.3))
    while i < count {
      let v = value(i)
      low = Swift.min(low, v)
      high = Swift.max(high, v)
      i &+= 1
    }
    // Zeros of both signs compare equal: the scan keeps the first zero it meets as the least
    // (`min` takes a smaller value only). (A zero greatest's sign does not change hi − lo.)
    if low == 0 {
      var k = 0
      while value(k) != 0 { k &+= 1 }
      low = value(k)
    }
    return (low, high)
  }
}
