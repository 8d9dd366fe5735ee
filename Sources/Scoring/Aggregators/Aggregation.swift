import Criteria

/// Aggregation of a normalised matrix at one weight vector, through the one kernel
/// (`MethodVariant` + `BatchScorer`) that every sensitivity sample also runs.
///
/// Formulas and sources: `MethodVariant.Kind` and docs/methods.md. Every method returns a
/// utility in [0, 1], higher better: the weighted sum, the weighted product, the TOPSIS
/// closeness, or 1 − Q for VIKOR; `raw` is the method's native value (the utility, or
/// Q = 1 − utility for VIKOR, lower better).
public enum Aggregation {
  /// Raw value and utility of every row of `columns` (criterion-major, oriented, in [0, 1]).
  /// Every row takes part in TOPSIS's ideal points and VIKOR's best and worst.
  public static func scores(_ columns: [[Double]], method: AggregationMethod, weights: [Double]) -> (
    raw: [Double], utility: [Double]
  ) {
    let n = columns.first?.count ?? 0
    var u = [Double](repeating: 0, count: n)
    guard n > 0 else { return (u, u) }
    var scratch = u
    let variant = MethodVariant(normalised: columns, method: method)
    weights.withUnsafeBufferPointer { w in
      u.withUnsafeMutableBufferPointer { up in
        scratch.withUnsafeMutableBufferPointer { sp in
          BatchScorer.utilities(variant, weights: w, b: 1, ranked: [], into: up, scratch: sp)
        }
      }
    }
    return (variant.lowerIsBetter ? u.map { 1 - $0 } : u, u)
  }

  /// `scores` of unit columns. The weighted sum and product treat each row on its own,
  /// so when some columns are computed on read (`UnitColumn`) they are aggregated a tile of
  /// `tileRows` rows at a time, from the tile's values materialised: the same kernel and the
  /// same operations per row (the kernel's results do not depend on the rows around them),
  /// without a second copy of the matrix. TOPSIS and VIKOR need whole columns (their ideal
  /// points), which are materialised.
  public static func scores(_ columns: [UnitColumn], method: AggregationMethod, weights: [Double]) -> (
    raw: [Double], utility: [Double]
  ) {
    switch method {
    case .weightedSum, .weightedProduct: break
    case .topsis, .vikor: return scores(columns.map(\.values), method: method, weights: weights)
    }
    guard columns.contains(where: \.isComputed) else { return scores(columns.map(\.values), method: method, weights: weights) }
    // raw = utility for both methods: one array, as `scores` of whole columns returns it.
    let n = columns.first?.count ?? 0
    var utility = [Double](repeating: 0, count: n)
    var start = 0
    withReaders(columns) { readers in
      while start < n {
        let end = min(n, start + tileRows)
        let tile = readers.map { r in (start..<end).map { r[$0] } }
        utility.replaceSubrange(start..<end, with: scores(tile, method: method, weights: weights).utility)
        start = end
      }
    }
    return (utility, utility)
  }

  /// Rows per tile of `scores` over computed unit columns (a multiple of the kernel's tile).
  static let tileRows = 8 * BatchScorer.tile

  /// TOPSIS separations D⁺ (from the ideal) and D⁻ (from the anti-ideal) of every row.
  public static func topsisSeparations(_ columns: [[Double]], weights: [Double]) -> (dPlus: [Double], dMinus: [Double]) {
    measures(columns, method: .topsis, weights: weights) { v, p, w, plus, minus in
      BatchScorer.separations(v, p, weights: w, b: 1, plus: plus, minus: minus)
    }
  }

  /// VIKOR group utility S, individual regret R and Q = 1 − utility of every row.
  public static func vikorMeasures(_ columns: [[Double]], weights: [Double], v: Double) -> (
    s: [Double], r: [Double], q: [Double]
  ) {
    let (s, r) = measures(columns, method: .vikor(v: v), weights: weights) { variant, p, w, s, r in
      BatchScorer.regrets(variant, p, weights: w, b: 1, s: s, r: r)
    }
    return (s, r, scores(columns, method: .vikor(v: v), weights: weights).raw)
  }

  private static func measures(
    _ columns: [[Double]], method: AggregationMethod, weights: [Double],
    _ body: (
      MethodVariant, [UnsafePointer<Double>], UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
      UnsafeMutableBufferPointer<Double>
    ) -> Void
  ) -> ([Double], [Double]) {
    let n = columns.first?.count ?? 0
    var a = [Double](repeating: 0, count: n), b = a
    guard n > 0 else { return (a, b) }
    let variant = MethodVariant(normalised: columns, method: method)
    BatchScorer.withColumns(variant.primary) { p in
      weights.withUnsafeBufferPointer { w in
        a.withUnsafeMutableBufferPointer { ap in b.withUnsafeMutableBufferPointer { bp in body(variant, p, w, ap, bp) } }
      }
    }
    return (a, b)
  }
}
