/// Standardisation (z-score) of a benefit-oriented column, population standard deviation.
///
/// ```
/// z_i = (x_i − x̄) / σ,   σ = √( Σ (x_i − x̄)² / n )
/// ```
/// Degenerate: σ = 0 maps every row to 0. The z-scores themselves feed TOPSIS when a
/// criterion asks for `z-score` explicitly; every [0,1] use (weighted sum, weighted
/// product, VIKOR, group scores, contributions) takes the min-max rescaling of z
/// (OECD/JRC 2008 §5: aggregating unbounded z-scores is not possible on a bounded scale).
/// - Complexity: O(n).
public enum ZScoreNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    guard !x.isEmpty else { return [] }
    let (mean, sd) = meanAndPopulationSD(x)
    guard sd > 0 else { return [Double](repeating: 0, count: x.count) }
    let inv = 1 / sd
    return x.map { ($0 - mean) * inv }
  }
}
