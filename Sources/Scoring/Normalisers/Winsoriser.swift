/// Winsorisation: values below the `low` quantile or above the `high` quantile are
/// clipped to those quantiles (before normalising).
///
/// Quantiles use linear interpolation between order statistics (Hyndman & Fan 1996,
/// type 7; numpy's default): q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), h = (n − 1)p.
/// - Complexity: O(n log n).
public enum Winsoriser {
  public static func quantile(sorted x: [Double], _ p: Double) -> Double {
    guard let first = x.first else { return 0 }
    guard x.count > 1 else { return first }
    let h = Double(x.count - 1) * Swift.min(1, Swift.max(0, p))
    let lo = Int(h.rounded(.down))
    let hi = Swift.min(lo + 1, x.count - 1)
    let f = h - Double(lo)
    let step = x[hi] - x[lo]
    // Order statistics more than the largest Double apart: weighted form, each term finite.
    guard step.isFinite else { return x[lo] * (1 - f) + x[hi] * f }
    return x[lo] + f * step
  }

  public static func clip(_ x: [Double], quantiles: ClosedRange<Double>) -> [Double] {
    guard !x.isEmpty else { return [] }
    let sorted = x.sorted()
    let lo = quantile(sorted: sorted, quantiles.lowerBound)
    let hi = quantile(sorted: sorted, quantiles.upperBound)
    return x.map { Swift.min(hi, Swift.max(lo, $0)) }
  }
}
