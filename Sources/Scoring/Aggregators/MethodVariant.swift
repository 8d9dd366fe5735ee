import Criteria
import Foundation

/// The aggregation input of one method over a normalised matrix, pre-transformed so that
/// every method is one or two weighted sums over rows (`BatchScorer`): the one
/// implementation of aggregation, used by `Scorer` for the ranking and by every
/// sensitivity sample (which may draw among several variants).
///
/// Columns are criterion-major (`columns[j][i]`): the kernel's inner loop runs over rows
/// with no floating-point reduction and vectorises as written. The weighted-sum variant
/// shares the normalised columns (no copy).
public struct MethodVariant: Sendable {
  public enum Kind: Sendable, Equatable {
    /// raw = Σ w_j r_ij (simple additive weighting; Fishburn 1967, Triantaphyllou 2000 ch. 2).
    case weightedSum
    /// raw = Π max(r_ij, floor)^{w_j} = exp(Σ w_j ln max(r_ij, floor)) (Bridgman 1922,
    /// Miller & Starr 1969); a 0 would zero the whole product, so values are raised to
    /// `floor` first (OECD/JRC 2008 §6.1; the least normal double when floor is 0).
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
  /// Criterion-major primary columns: r (WSM), d (VIKOR), ln max(r, floor) (WPM), (r⁺ − r)² (TOPSIS).
  let primary: [[Double]]
  /// TOPSIS only: (r − r⁻)², criterion-major.
  let secondary: [[Double]]
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
    switch method {
    case .weightedSum:
      kind = .weightedSum
      primary = normalised
      secondary = []
    case .weightedProduct(let floor):
      kind = .weightedProduct(floor: floor)
      let lower = floor > 0 ? floor : Double.leastNormalMagnitude
      primary = normalised.map { $0.map { log(Swift.max($0, lower)) } }
      secondary = []
    case .topsis:
      kind = .topsis
      var p: [[Double]] = [], s: [[Double]] = []
      for col in normalised {
        let (lo, hi) = Self.bounds(col, ranked)
        p.append(col.map { (hi - $0) * (hi - $0) })
        s.append(col.map { ($0 - lo) * ($0 - lo) })
      }
      primary = p
      secondary = s
    case .vikor(let v):
      kind = .vikor(v: v)
      primary = normalised.map { col in
        let (lo, hi) = Self.bounds(col, ranked)
        let span = hi - lo
        return col.map { span > 0 ? (hi - $0) / span : 0 }
      }
      secondary = []
    }
  }

  static func bounds(_ col: [Double], _ ranked: [Bool]?) -> (Double, Double) {
    var lo = Double.infinity, hi = -Double.infinity
    for i in col.indices where ranked?[i] ?? true {
      lo = Swift.min(lo, col[i])
      hi = Swift.max(hi, col[i])
    }
    return lo <= hi ? (lo, hi) : (0, 0)
  }

  /// Relative tolerance under which VIKOR's S⁻ − S* or R⁻ − R* counts as 0: 2⁻⁴⁰ ≈ 9.1e-13.
  ///
  /// S and R are sums and maxima of m products; quantities equal in exact arithmetic (two
  /// rows' worst weighted regrets on different criteria, w = 0.1·0.9 and 0.3·0.3) differ by a
  /// few units in the last place, and dividing by such a spread would turn rounding into a
  /// whole unit of Q. Scale-aware: compared with the larger magnitude of the two ends.
  public static let spreadTolerance = 0x1p-40

  /// hi − lo, or 0 when the spread is within `spreadTolerance` of the larger magnitude
  /// (the documented rule then makes that term of Q 0).
  @inline(__always)
  public static func spread(_ lo: Double, _ hi: Double) -> Double {
    let d = hi - lo
    return d > spreadTolerance * Swift.max(abs(lo), abs(hi)) ? d : 0
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
  package init(restricting v: MethodVariant, to rows: [Int32]) {
    kind = v.kind
    criteria = v.criteria
    self.rows = rows.count
    label = v.label
    primary = v.primary.map { col in rows.map { col[Int($0)] } }
    secondary = []
  }
}
