import Foundation

/// Weighted product (weighted geometric mean, WPM).
///
/// ```
/// raw_i = Π_j max(r_ij, floor)^w_j = exp( Σ_j w_j · ln max(r_ij, floor) )
/// ```
/// With Σw = 1 and r ∈ [0, 1], raw ∈ [floor, 1]. Zero handling: a normalised value of 0
/// would zero the whole product whatever the other criteria (full non-compensation), so
/// values are raised to `floor` (default 0.01, `[aggregation] floor`) first — the
/// usual fix in composite indicators (OECD/JRC 2008 §6.1). Source: Bridgman (1922),
/// Miller & Starr (1969); Triantaphyllou (2000) ch. 2.
/// - Complexity: O(n·m) logarithms.
public enum WeightedProduct {
  public static func aggregate(_ columns: [[Double]], weights: [Double], floor: Double) -> [Double] {
    let n = columns.first?.count ?? 0
    let lower = floor > 0 ? floor : Double.leastNormalMagnitude
    var logSum = [Double](repeating: 0, count: n)
    logSum.withUnsafeMutableBufferPointer { acc in
      for (j, column) in columns.enumerated() {
        let w = weights[j]
        guard w != 0 else { continue }
        column.withUnsafeBufferPointer { c in
          for i in 0..<n { acc[i] += w * log(Swift.max(c[i], lower)) }
        }
      }
    }
    return logSum.map { exp($0) }
  }
}
