import Criteria
import Foundation

/// Each criterion's part of the utility the aggregation method actually computed: parts
/// c_ij with Σ_j c_ij = u_i, for every method (docs/methods.md, "Contributions").
///
/// ```
/// weighted sum      c_j = w_j r_j
/// weighted product  c_j = w_j / W + L · w_j ln max(r_j, floor),   L = (u − 1)/ln u  (1 at u = 1)
/// TOPSIS            c_j = C · w_j² (t_j − t⁻_j)² / D⁻²            (D⁻ = 0: C · w_j / W)
/// VIKOR             c_j = v · w_j (d_kj − d_j)/(S⁻ − S*)          k = the first row with S = S⁻
///                       + (1 − v) · (R⁻ − R)/(R⁻ − R*) · h_j / Σ h,   h_j = R⁻ − w_j d_j
///                   (a term whose spread is 0 is split by weight: v · w_j / W, (1 − v) · w_j / W)
/// ```
/// W = Σ w. The weighted product's split is the logarithmic-mean (LMDI) decomposition of
/// u − 1 = L · ln u (Ang 2004): a criterion far below the others takes a negative part, as it
/// pulls the product down more than its weight. TOPSIS's closeness is split by each
/// criterion's share of the squared distance from the anti-ideal. VIKOR's S term is split
/// by how much better the row is than the row with the worst S on each criterion (a part
/// can be negative); its R term by each criterion's headroom below the worst regret.
///
/// Built once per evaluation from the compact columns the method aggregated (`Scorer`);
/// `parts` is O(m) per row, so nothing per row is stored.
public struct ScoreDecomposition: Sendable {
  enum Form: Sendable {
    case weightedSum
    case weightedProduct(lower: Double)
    case topsis(antiIdeal: [Double])
    case vikor(v: Double, lo: [Double], span: [Double], worstRow: [Double], sWorst: Double, sSpread: Double,
      rWorst: Double, rSpread: Double)
  }

  let form: Form
  let weights: [Double]
  let weightTotal: Double

  /// A weighted sum's decomposition (and the fallback of an empty evaluation).
  public init(weights: [Double]) {
    form = .weightedSum
    self.weights = weights
    weightTotal = weights.reduce(0, +)
  }

  /// The decomposition of `method` over `columns` (criterion-major, the values the method
  /// aggregated: unit values, or TOPSIS's input) at `weights`.
  public init(_ columns: [[Double]], method: AggregationMethod, weights: [Double]) {
    self.weights = weights
    weightTotal = weights.reduce(0, +)
    switch method {
    case .weightedSum:
      form = .weightedSum
    case .weightedProduct(let floor):
      form = .weightedProduct(lower: floor > 0 ? floor : Double.leastNormalMagnitude)
    case .topsis:
      form = .topsis(antiIdeal: columns.map { MethodVariant.bounds($0, nil).0 })
    case .vikor(let v):
      let bounds = columns.map { MethodVariant.bounds($0, nil) }
      let lo = bounds.map(\.0), span = bounds.map { $0.1 - $0.0 }
      let n = columns.first?.count ?? 0
      func regret(_ j: Int, _ i: Int) -> Double { span[j] > 0 ? (bounds[j].1 - columns[j][i]) / span[j] : 0 }
      var sLo = Double.infinity, sHi = -Double.infinity, rLo = Double.infinity, rHi = -Double.infinity
      var group = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var s = 0.0, r = 0.0
        for j in columns.indices {
          s += weights[j] * regret(j, i)
          r = Swift.max(r, weights[j] * regret(j, i))
        }
        group[i] = s
        sHi = Swift.max(sHi, s)
        sLo = Swift.min(sLo, s)
        rLo = Swift.min(rLo, r)
        rHi = Swift.max(rHi, r)
      }
      // k: the first row whose S is S⁻ within the spread tolerance, so rows tied in exact
      // arithmetic pick the same k whatever the rounding.
      let worst = group.firstIndex { MethodVariant.spread($0, sHi) == 0 } ?? 0
      let worstRow = n > 0 ? columns.indices.map { regret($0, worst) } : columns.map { _ in 0 }
      form = .vikor(
        v: v, lo: lo, span: span, worstRow: worstRow, sWorst: sHi, sSpread: n > 0 ? MethodVariant.spread(sLo, sHi) : 0,
        rWorst: rHi, rSpread: n > 0 ? MethodVariant.spread(rLo, rHi) : 0)
    }
  }

  /// The parts c_j of one row (they sum to `utility`), `value(j)` the row's value of
  /// criterion j in the columns the decomposition was built from.
  @inline(__always)
  public func parts(utility u: Double, into c: UnsafeMutableBufferPointer<Double>, _ value: (Int) -> Double) {
    let m = Swift.min(c.count, weights.count)
    switch form {
    case .weightedSum:
      for j in 0..<m { c[j] = weights[j] * value(j) }
    case .weightedProduct(let lower):
      var s = 0.0
      for j in 0..<m {
        c[j] = weights[j] * log(Swift.max(value(j), lower))
        s += c[j]
      }
      let l = s != 0 ? expm1(s) / s : 1  // (u − 1)/ln u, the logarithmic mean of u and 1
      for j in 0..<m { c[j] = share(j) + l * c[j] }
    case .topsis(let anti):
      var total = 0.0
      for j in 0..<m {
        let d = weights[j] * (value(j) - anti[j])
        c[j] = d * d
        total += c[j]
      }
      for j in 0..<m { c[j] = total > 0 ? u * c[j] / total : u * share(j) }
    case .vikor(let v, let lo, let span, let worstRow, _, let sSpread, let rWorst, let rSpread):
      var regret = 0.0, headroom = 0.0
      for j in 0..<m {
        let d = span[j] > 0 ? (lo[j] + span[j] - value(j)) / span[j] : 0
        c[j] = weights[j] * d
        regret = Swift.max(regret, c[j])
      }
      for j in 0..<m { headroom += rWorst - c[j] }
      let rTerm = rSpread > 0 ? (1 - v) * (rWorst - regret) / rSpread : 0
      for j in 0..<m {
        let sPart = sSpread > 0 ? v * (weights[j] * worstRow[j] - c[j]) / sSpread : v * share(j)
        let rPart = rSpread > 0 ? (headroom > 0 ? rTerm * (rWorst - c[j]) / headroom : 0) : (1 - v) * share(j)
        c[j] = sPart + rPart
      }
    }
  }

  /// `parts(utility:into:_:)` of `rows` rows at once, column-major: row k's value of
  /// criterion j is `values[j · rows + k]` and its part j goes to `c[j · rows + k]` (for
  /// `c.count / rows` criteria). The weighted sum a criterion at a time over the rows (the
  /// same product per value); the other methods row by row through the one rule.
  public func parts(
    rows: Int, utility: UnsafeBufferPointer<Double>, values: UnsafeBufferPointer<Double>, into c: UnsafeMutableBufferPointer<Double>
  ) {
    guard rows > 0 else { return }
    let m = Swift.min(c.count / rows, values.count / rows, weights.count)
    if case .weightedSum = form {
      for j in 0..<m {
        let w = weights[j]
        for k in 0..<rows { c[j * rows + k] = w * values[j * rows + k] }
      }
      return
    }
    let row = UnsafeMutableBufferPointer<Double>.allocate(capacity: m)
    defer { row.deallocate() }
    for k in 0..<rows {
      parts(utility: utility[k], into: row) { values[$0 * rows + k] }
      for j in 0..<m { c[j * rows + k] = row[j] }
    }
  }

  /// w_j / W (0 when every weight is 0).
  @inline(__always)
  func share(_ j: Int) -> Double { weightTotal > 0 ? weights[j] / weightTotal : 0 }

  /// Whether the parts are w_j times the value (the weighted sum): callers may then skip the call.
  public var isWeightedSum: Bool {
    if case .weightedSum = form { return true }
    return false
  }
}
