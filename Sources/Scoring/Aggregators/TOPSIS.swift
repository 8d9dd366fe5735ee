/// TOPSIS: relative closeness to the ideal solution.
///
/// Input: oriented columns t_ij (higher = better), by default the vector normalisation
/// of the raw data (cost: 1 − x/‖x‖, which leaves every distance equal to Hwang & Yoon's
/// min-ideal form).
/// ```
/// v_ij = w_j · t_ij
/// A⁺_j = max_i v_ij          A⁻_j = min_i v_ij
/// D⁺_i = √ Σ_j (v_ij − A⁺_j)²    D⁻_i = √ Σ_j (v_ij − A⁻_j)²
/// C_i  = D⁻_i / (D⁺_i + D⁻_i)
/// ```
/// Source: Hwang & Yoon (1981), *Multiple Attribute Decision Making*, Springer LNEMS 186,
/// §2.3.8. Degenerate: D⁺ + D⁻ = 0 happens only when every weighted column is constant —
/// the alternative equals the ideal — and gives C = 1 (as a constant min-max column gives 1).
/// - Complexity: O(n·m).
public enum TOPSIS {
  public struct Result: Sendable, Hashable {
    public var closeness: [Double]
    public var dPlus: [Double]
    public var dMinus: [Double]
  }

  public static func aggregate(_ columns: [[Double]], weights: [Double]) -> Result {
    let n = columns.first?.count ?? 0
    var plus = [Double](repeating: 0, count: n)
    var minus = [Double](repeating: 0, count: n)
    plus.withUnsafeMutableBufferPointer { dp in
      minus.withUnsafeMutableBufferPointer { dm in
        for (j, column) in columns.enumerated() {
          let w = weights[j]
          guard w != 0 else { continue }
          column.withUnsafeBufferPointer { c in
            var hi = -Double.infinity
            var lo = Double.infinity
            for i in 0..<n {
              hi = Swift.max(hi, c[i])
              lo = Swift.min(lo, c[i])
            }
            let best = w * hi, worst = w * lo
            for i in 0..<n {
              let v = w * c[i]
              dp[i] += (v - best) * (v - best)
              dm[i] += (v - worst) * (v - worst)
            }
          }
        }
      }
    }
    var closeness = [Double](repeating: 1, count: n)
    for i in 0..<n {
      plus[i] = plus[i].squareRoot()
      minus[i] = minus[i].squareRoot()
      let total = plus[i] + minus[i]
      if total > 0 { closeness[i] = minus[i] / total }
    }
    return Result(closeness: closeness, dPlus: plus, dMinus: minus)
  }
}
