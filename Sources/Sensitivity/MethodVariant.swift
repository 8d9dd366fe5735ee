import Criteria
import Foundation

/// One way of scoring the table that a Monte Carlo sample may draw: a normalised matrix
/// and an aggregation method. The nominal variant is the Evaluation's own matrix and the
/// spec's aggregation; alternatives (`uncertainty.normalisations` / `.aggregations`)
/// are built by the caller with the Scoring kernels and handed in.
///
/// The matrix is stored criterion-major (`m × n`, `r[j·n + i]`, i.e. Rᵀ of the row-major
/// R) so that the batch kernel's inner loop runs over rows with no floating-point
/// reduction and vectorises as written (see `BatchScorer`); it is pre-transformed so that
/// every method but VIKOR is one or two matrix products with the weight block.
public struct MethodVariant: Sendable {
  public enum Kind: Sendable, Equatable {
    /// raw = Σ w_j r_ij.
    case weightedSum
    /// raw = Π max(r_ij, floor)^{w_j} = exp(Σ w_j ln max(r_ij, floor)).
    case weightedProduct(floor: Double)
    /// Closeness d⁻/(d⁺ + d⁻) with d± = √(Σ w_j² (r_ij − r±_j)²): ideal and anti-ideal of
    /// the weighted matrix are w_j·max r and w_j·min r since w ≥ 0 (Hwang & Yoon 1981).
    case topsis
    /// Q = v (S − S*)/(S⁻ − S*) + (1 − v)(R − R*)/(R⁻ − R*) with
    /// S_i = Σ_j w_j d_ij, R_i = max_j w_j d_ij, d_ij = (max r_j − r_ij)/(max r_j − min r_j)
    /// (Opricovic & Tzeng 2004); raw = Q (lower better), score uses 1 − Q; a zero
    /// denominator makes its term 0.
    case vikor(v: Double)
  }

  public let kind: Kind
  /// Rows (enterprises, all table rows; unranked rows are never candidates).
  public let rows: Int
  public let criteria: Int
  /// Criterion-major primary matrix: r (WSM, VIKOR d), ln max(r, floor) (WPM), (r⁺ − r)² (TOPSIS).
  let primary: [Double]
  /// TOPSIS only: (r − r⁻)², criterion-major.
  let secondary: [Double]
  /// A label for reports ("min-max / weighted-sum").
  public let label: String

  /// Builds a variant from a criterion-major normalised matrix (`normalised[j][row]`,
  /// the layout of `Evaluation.normalised`).
  /// - Parameter ranked: rows that take part in TOPSIS's ideal/anti-ideal and VIKOR's
  ///   best/worst (default all rows); the Scorer computes them over ranked rows only.
  public init(normalised: [[Double]], method: AggregationMethod, label: String = "", ranked: [Bool]? = nil) {
    let m = normalised.count
    let n = normalised.first?.count ?? 0
    rows = n
    criteria = m
    self.label = label
    var p = [Double](repeating: 0, count: n * m)
    var s: [Double] = []
    switch method {
    case .weightedSum:
      kind = .weightedSum
      for j in 0..<m { for i in 0..<n { p[j * n + i] = normalised[j][i] } }
    case .weightedProduct(let floor):
      kind = .weightedProduct(floor: floor)
      for j in 0..<m { for i in 0..<n { p[j * n + i] = log(Swift.max(normalised[j][i], floor)) } }
    case .topsis:
      kind = .topsis
      s = [Double](repeating: 0, count: n * m)
      for j in 0..<m {
        let col = normalised[j]
        let (lo, hi) = Self.bounds(col, ranked)
        for i in 0..<n {
          p[j * n + i] = (hi - col[i]) * (hi - col[i])
          s[j * n + i] = (col[i] - lo) * (col[i] - lo)
        }
      }
    case .vikor(let v):
      kind = .vikor(v: v)
      for j in 0..<m {
        let col = normalised[j]
        let (lo, hi) = Self.bounds(col, ranked)
        let span = hi - lo
        for i in 0..<n { p[j * n + i] = span > 0 ? (hi - col[i]) / span : 0 }
      }
    }
    primary = p
    secondary = s
  }

  static func bounds(_ col: [Double], _ ranked: [Bool]?) -> (Double, Double) {
    var lo = Double.infinity, hi = -Double.infinity
    for i in col.indices where ranked?[i] ?? true {
      lo = Swift.min(lo, col[i])
      hi = Swift.max(hi, col[i])
    }
    return lo <= hi ? (lo, hi) : (0, 0)
  }

  /// Whether the method's raw value is better when lower (VIKOR Q).
  public var lowerIsBetter: Bool {
    if case .vikor = kind { return true }
    return false
  }
}

extension MethodVariant {
  /// The same variant restricted to `rows` (weighted sum only: every other kind needs all
  /// rows for its ideal points).
  init(restricting v: MethodVariant, to rows: [Int32]) {
    kind = v.kind
    criteria = v.criteria
    self.rows = rows.count
    label = v.label
    var p = [Double](repeating: 0, count: rows.count * v.criteria)
    for j in 0..<v.criteria {
      for (k, r) in rows.enumerated() { p[j * rows.count + k] = v.primary[j * v.rows + Int(r)] }
    }
    primary = p
    secondary = []
  }
}
