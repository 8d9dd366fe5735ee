/// Standard-deviation weighting: w_j ∝ σ_j of the oriented min-max column.
///
/// ```
/// σ_j = √( Σ_i (r_ij − r̄_j)² / n )     (population)
/// w_j = σ_j / Σ_k σ_k
/// ```
/// Source: Diakoulaki, Mavrotas & Papayannakis (1995), §2 (the "SD" method they compare
/// CRITIC with). Degenerate: every σ = 0 gives equal weights.
/// - Complexity: O(n·m).
public enum StdDevWeighting {
  public struct Result: Sendable, Hashable {
    public var weights: [Double]
    public var sigma: [Double]
  }

  public static func compute(_ columns: [[Double]]) -> Result {
    let sigma = columns.map { meanAndPopulationSD($0).sd }
    return Result(weights: shares(sigma), sigma: sigma)
  }
}
