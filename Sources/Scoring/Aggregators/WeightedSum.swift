/// Weighted sum (simple additive weighting, SAW/WSM).
///
/// ```
/// raw_i = Σ_j w_j · r_ij        r ∈ [0, 1], Σw = 1  ⇒  raw ∈ [0, 1]
/// ```
/// Source: Fishburn (1967); Triantaphyllou (2000) ch. 2.
/// - Parameter columns: criterion-major normalised values, every column of length n.
/// - Complexity: O(n·m), one axpy pass per criterion.
public enum WeightedSum {
  public static func aggregate(_ columns: [[Double]], weights: [Double]) -> [Double] {
    let n = columns.first?.count ?? 0
    var out = [Double](repeating: 0, count: n)
    out.withUnsafeMutableBufferPointer { acc in
      for (j, column) in columns.enumerated() {
        let w = weights[j]
        guard w != 0 else { continue }
        column.withUnsafeBufferPointer { c in
          for i in 0..<n { acc[i] += w * c[i] }
        }
      }
    }
    return out
  }
}
