/// VIKOR compromise ranking.
///
/// Input: oriented normalised columns r_ij (higher = better).
/// ```
/// r*_j = max_i r_ij      r⁻_j = min_i r_ij
/// S_i  = Σ_j w_j (r*_j − r_ij) / (r*_j − r⁻_j)
/// R_i  = max_j w_j (r*_j − r_ij) / (r*_j − r⁻_j)
/// Q_i  = v (S_i − S*) / (S⁻ − S*) + (1 − v) (R_i − R*) / (R⁻ − R*)
///        S* = min S, S⁻ = max S, R* = min R, R⁻ = max R;  raw = Q, lower is better
/// ```
/// Every normalisation that is affine in x (min-max, z-score, vector, sum, max for
/// benefit) gives the published (f* − f)/(f* − f⁻) exactly.
/// Source: Opricovic & Tzeng (2004), *EJOR* 156(2):445–455, §3.
/// Degenerate: a constant column (r* = r⁻) contributes 0 to S and R; S* = S⁻ (or R* = R⁻)
/// makes that term of Q 0.
/// - Complexity: O(n·m).
public enum VIKOR {
  public struct Result: Sendable, Hashable {
    public var s: [Double]
    public var r: [Double]
    public var q: [Double]
  }

  public static func aggregate(_ columns: [[Double]], weights: [Double], v: Double) -> Result {
    let n = columns.first?.count ?? 0
    var s = [Double](repeating: 0, count: n)
    var r = [Double](repeating: 0, count: n)
    for (j, column) in columns.enumerated() {
      guard let hi = column.max(), let lo = column.min(), hi > lo, weights[j] != 0 else { continue }
      let scale = weights[j] / (hi - lo)
      for i in 0..<n {
        let term = (hi - column[i]) * scale
        s[i] += term
        r[i] = Swift.max(r[i], term)
      }
    }
    let sBest = s.min() ?? 0, sWorst = s.max() ?? 0
    let rBest = r.min() ?? 0, rWorst = r.max() ?? 0
    let sSpan = sWorst - sBest, rSpan = rWorst - rBest
    var q = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let a = sSpan > 0 ? (s[i] - sBest) / sSpan : 0
      let b = rSpan > 0 ? (r[i] - rBest) / rSpan : 0
      q[i] = v * a + (1 - v) * b
    }
    return Result(s: s, r: r, q: q)
  }
}
