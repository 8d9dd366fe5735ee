/// Analytic Hierarchy Process weights from a pairwise comparison matrix.
///
/// ```
/// w      = principal right eigenvector of A, scaled to Σw = 1
/// λmax   = mean_i (A·w)_i / w_i
/// CI     = (λmax − n) / (n − 1)
/// CR     = CI / RI(n)
/// ```
/// The eigenvector is found by power iteration (A is positive, so Perron–Frobenius
/// guarantees a unique positive principal eigenvector and convergence).
/// RI values: Saaty (1980), *The Analytic Hierarchy Process*, Table 1.3 (n = 1…10),
/// extended to n = 15 with Saaty (2012) — the table is in docs/criteria.md ("[weighting]"),
/// with its one dip (RI(12) = 1.48 < RI(11) = 1.51, kept as published). For n ≤ 2, CR = 0.
public struct AHPResult: Sendable, Hashable {
  public var weights: [Double]
  public var lambdaMax: Double
  public var ci: Double
  public var cr: Double
  public var ri: Double
}

public enum AHP {
  /// Random consistency index RI(n), index = n (n = 0…15).
  public static let randomIndex: [Double] = [
    0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
  ]

  /// Solves a positive square matrix (reciprocity is checked by the loader, not here).
  /// - Complexity: O(n² · iterations), iterations ≤ 10,000 (tolerance 1e-15 on the weight change).
  public static func solve(_ a: [[Double]]) -> AHPResult {
    let n = a.count
    guard n > 0 else { return AHPResult(weights: [], lambdaMax: 0, ci: 0, cr: 0, ri: 0) }
    var w = [Double](repeating: 1 / Double(n), count: n)
    var next = w
    for _ in 0..<10_000 {
      var total = 0.0
      for i in 0..<n {
        var s = 0.0
        for j in 0..<n { s += a[i][j] * w[j] }
        next[i] = s
        total += s
      }
      var change = 0.0
      for i in 0..<n {
        next[i] /= total
        change = Swift.max(change, abs(next[i] - w[i]))
      }
      swap(&w, &next)
      if change < 1e-15 { break }
    }
    var lambda = 0.0
    for i in 0..<n {
      var s = 0.0
      for j in 0..<n { s += a[i][j] * w[j] }
      lambda += s / w[i]
    }
    lambda /= Double(n)
    let ci = n > 1 ? Swift.max(0, (lambda - Double(n)) / Double(n - 1)) : 0
    let ri = n < randomIndex.count ? randomIndex[n] : randomIndex[randomIndex.count - 1]
    let cr = ri > 0 ? ci / ri : 0
    return AHPResult(weights: w, lambdaMax: lambda, ci: ci, cr: cr, ri: ri)
  }
}
