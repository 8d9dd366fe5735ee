extension WeightedSum {
  /// Weighted sums for many weight vectors at once (R · W), for Monte Carlo sensitivity.
  ///
  /// ```
  /// out[s][i] = Σ_j samples[s][j] · r_ij
  /// ```
  /// Rows are processed in blocks of `block` so a block of every column stays in cache
  /// while all samples are accumulated; each result equals `aggregate(columns, weights:
  /// samples[s])` exactly (same summation order over j).
  /// - Complexity: O(n·m·S).
  public static func aggregate(_ columns: [[Double]], weightSamples samples: [[Double]], block: Int = 2048) -> [[Double]] {
    let n = columns.first?.count ?? 0
    var out = [[Double]](repeating: [Double](repeating: 0, count: n), count: samples.count)
    let step = Swift.max(1, block)
    var start = 0
    while start < n {
      let end = Swift.min(n, start + step)
      for s in samples.indices {
        out[s].withUnsafeMutableBufferPointer { acc in
          for (j, column) in columns.enumerated() {
            let w = samples[s][j]
            guard w != 0 else { continue }
            column.withUnsafeBufferPointer { c in
              for i in start..<end { acc[i] += w * c[i] }
            }
          }
        }
      }
      start = end
    }
    return out
  }
}
