import Foundation

/// Entropy weight method (熵权法): criteria whose values vary more carry more information.
///
/// Input columns are the oriented min-max values r_ij ∈ [0, 1] of the node's criteria.
/// ```
/// p_ij = r_ij / Σ_i r_ij
/// e_j  = −(1 / ln n) Σ_i p_ij ln p_ij        (0 · ln 0 = 0)
/// d_j  = 1 − e_j
/// w_j  = d_j / Σ_k d_k
/// ```
/// Source: Shannon (1948); as a weighting method Zeleny (1982) and Hwang & Yoon (1981) §4;
/// worked examples in docs/methods.md. Degenerate: a constant column, a column with
/// Σ r = 0, or n = 1 has e = 1, d = 0; when every d is 0 the weights are equal.
/// - Complexity: O(n·m).
public enum EntropyWeighting {
  public struct Result: Sendable, Hashable {
    public var weights: [Double]
    public var e: [Double]
    public var d: [Double]
  }

  public static func compute(_ columns: [[Double]]) -> Result {
    let m = columns.count
    var e = [Double](repeating: 1, count: m)
    for (j, r) in columns.enumerated() where r.count > 1 {
      // A constant column is uniform (e = 1 exactly), without rounding in the logarithms.
      guard let lo = r.min(), let hi = r.max(), hi > lo else { continue }
      var total = 0.0
      for v in r { total += v }
      guard total > 0 else { continue }
      let inv = 1 / total
      var h = 0.0
      for v in r where v > 0 {
        let p = v * inv
        h -= p * log(p)
      }
      e[j] = Swift.min(1, Swift.max(0, h / log(Double(r.count))))
    }
    let d = e.map { 1 - $0 }
    return Result(weights: shares(d), e: e, d: d)
  }
}

/// x_j / Σx, or equal shares when every x is 0 — the documented rule of the data-driven
/// weighting methods when no column of the node varies over the ranked rows (any weights
/// then give every row the same value there). Never a silent fallback for anything else:
/// a non-finite input gives non-finite shares, which `WeightTree` reports as an error.
func shares(_ x: [Double]) -> [Double] {
  let total = x.reduce(0, +)
  guard total != 0 else { return [Double](repeating: x.isEmpty ? 0 : 1 / Double(x.count), count: x.count) }
  return x.map { $0 / total }
}
