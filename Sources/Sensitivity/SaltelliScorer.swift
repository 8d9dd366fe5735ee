import Selection
/// Weighted-sum utilities of the k + 2 evaluations of one Saltelli row — A, A_B^(1) … A_B^(k),
/// B — sharing the work they have in common.
///
/// With raw multipliers u_j = w⁰_j (1 − s + 2s x_j) on the varying set V, T = Σ_{j∈V} u_j and
/// the renormalised weights w_j = W_V u_j / T (`WeightSampler.weights(unit:)`), a row's
/// utility splits into a fixed part and one scaled sum:
/// ```
/// U_i(x) = F_i + (W_V / T) · P_i,     F_i = Σ_{j∉V} w⁰_j r_ij,   P_i = Σ_{j∈V} u_j r_ij
/// ```
/// A_B^(c) differs from A in u_c only, so P_i(A_B^(c)) = P_i(A) + (u^B_c − u^A_c) r_ic:
/// per row and evaluation two multiply–adds instead of m, once P(A) and P(B) are known.
/// Every evaluation of every Sobol' run uses this same formula per row (whichever rows are
/// scored), so results do not depend on pruning, threads or chunking. It agrees with the
/// direct product Σ_j w_j r_ij to rounding (|ΔU| ≤ 1e-12, tested); only rows whose
/// utilities tie to within rounding can order differently from a Monte Carlo sample at
/// the same weights.
final class SaltelliScorer {
  let n: Int
  let rows: [Int32]?
  /// Criterion-major columns of the varying criteria over the scored rows (k × count).
  let columns: PlainBuffer<Double>
  let fixed: PlainBuffer<Double>
  let pA: PlainBuffer<Double>
  let pB: PlainBuffer<Double>
  let nominal: [Double]
  let varying: [Int]
  let share: Double
  let spread: Double
  private var uA: [Double]
  private var uB: [Double]
  private var uCurrent: [Double]

  /// - Parameter rows: the scored rows, in the order of the output (nil: every row, by row).
  init(model: SensitivityModel, rows: [Int32]?, spread: Double) {
    let ev = model.evaluation
    let count = rows?.count ?? model.rowCount
    self.n = count
    self.rows = rows
    nominal = ev.weights
    varying = model.sampler.varying
    share = model.sampler.varyingShare
    self.spread = spread
    let k = varying.count
    columns = PlainBuffer(repeating: 0, count: k * count)
    fixed = PlainBuffer(repeating: 0, count: count)
    pA = PlainBuffer(repeating: 0, count: count)
    pB = PlainBuffer(repeating: 0, count: count)
    uA = [Double](repeating: 0, count: k)
    uB = uA
    uCurrent = uA
    @inline(__always) func row(_ x: Int) -> Int { rows.map { Int($0[x]) } ?? x }
    for (c, j) in varying.enumerated() {
      for x in 0..<count { columns[c * count + x] = ev.normalised[j][row(x)] }
    }
    var isVarying = [Bool](repeating: false, count: nominal.count)
    for j in varying { isVarying[j] = true }
    for j in nominal.indices where !isVarying[j] {
      for x in 0..<count { fixed[x] += nominal[j] * ev.normalised[j][row(x)] }
    }
  }

  /// Starts Saltelli row (a, b) (unit points, one coordinate per varying criterion):
  /// P(A) and P(B) for every scored row.
  func begin(a: [Double], b: [Double]) {
    let k = varying.count
    for c in 0..<k {
      uA[c] = nominal[varying[c]] * (1 - spread + 2 * spread * a[c])
      uB[c] = nominal[varying[c]] * (1 - spread + 2 * spread * b[c])
    }
    Self.weightedColumns(columns.p, count: n, k: k, weights: uA, into: pA.p)
    Self.weightedColumns(columns.p, count: n, k: k, weights: uB, into: pB.p)
  }

  /// Utilities of evaluation `col` of the row (0 = A, 1…k = A_B^(col), k + 1 = B).
  func utilities(_ col: Int, into out: UnsafeMutableBufferPointer<Double>) {
    let k = varying.count
    for c in 0..<k { uCurrent[c] = col == k + 1 ? uB[c] : uA[c] }
    if col >= 1 && col <= k { uCurrent[col - 1] = uB[col - 1] }
    var total = 0.0
    for c in 0..<k { total += uCurrent[c] }
    let f = share / total  // total ≥ (1 − s) · W_V > 0
    let fx = fixed.p, pa = pA.p
    if col == 0 || col == k + 1 {
      let p = col == 0 ? pA.p : pB.p
      for x in 0..<n { out[x] = fx[x] + f * p[x] }
    } else {
      let d = uB[col - 1] - uA[col - 1]
      let r = columns.p.baseAddress.map { $0 + (col - 1) * n }
      guard let r else { return }
      for x in 0..<n { out[x] = fx[x] + f * (pa[x] + d * r[x]) }
    }
  }

  /// out[x] = Σ_c w[c] · col_c[x], four columns per pass (vectorises over x).
  static func weightedColumns(
    _ a: UnsafeMutableBufferPointer<Double>, count n: Int, k: Int, weights w: [Double], into out: UnsafeMutableBufferPointer<Double>
  ) {
    guard let ab = a.baseAddress, let ob = out.baseAddress else { return }
    for x in 0..<n { ob[x] = 0 }
    var c = 0
    while c + 4 <= k {
      let w0 = w[c], w1 = w[c + 1], w2 = w[c + 2], w3 = w[c + 3]
      let r0 = ab + c * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
      for x in 0..<n { ob[x] += w0 * r0[x] + w1 * r1[x] + w2 * r2[x] + w3 * r3[x] }
      c += 4
    }
    while c < k {
      let w0 = w[c], r0 = ab + c * n
      for x in 0..<n { ob[x] += w0 * r0[x] }
      c += 1
    }
  }
}
