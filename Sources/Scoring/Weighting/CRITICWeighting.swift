/// CRITIC (CRiteria Importance Through Intercriteria Correlation).
///
/// Input columns are the oriented min-max values r_ij ∈ [0, 1] (direction-aware, as in
/// the publication: r = (x − worst)/(best − worst)).
/// ```
/// σ_j   = √( Σ_i (r_ij − r̄_j)² / n )                    (population; see below)
/// ρ_jk  = Pearson correlation of columns j and k
/// C_j   = σ_j · Σ_k (1 − ρ_jk)
/// w_j   = C_j / Σ_k C_k
/// ```
/// Source: Diakoulaki, Mavrotas & Papayannakis (1995), *Computers & Operations Research*
/// 22(7):763–770. The paper says "standard deviation" without a divisor; population and
/// sample σ differ by the same factor √(n/(n−1)) for every criterion, so the weights are
/// identical; we report the population σ (as pymcdm and scikit-criteria do).
/// Degenerate: a constant column has σ = 0 and its correlation with any other column is
/// taken as 0 (ρ_jj = 1); when every C is 0 the weights are equal.
/// - Complexity: O(n·m²).
public enum CRITICWeighting {
  public struct Result: Sendable, Hashable {
    public var weights: [Double]
    public var sigma: [Double]
    /// Σ_k (1 − ρ_jk).
    public var conflict: [Double]
    /// C_j = σ_j · conflict_j.
    public var information: [Double]
  }

  public static func compute(_ columns: [[Double]]) -> Result {
    let m = columns.count
    let stats = columns.map(meanAndPopulationSD)
    // Centred columns, so each correlation is one dot product.
    let centred = columns.indices.map { j in columns[j].map { $0 - stats[j].mean } }
    var rho = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for j in 0..<m {
      rho[j][j] = 1
      for k in (j + 1)..<m {
        guard stats[j].sd > 0, stats[k].sd > 0 else { continue }
        var dot = 0.0
        let a = centred[j], b = centred[k]
        for i in a.indices { dot += a[i] * b[i] }
        let n = Double(a.count)
        let r = Swift.min(1, Swift.max(-1, dot / (n * stats[j].sd * stats[k].sd)))
        rho[j][k] = r
        rho[k][j] = r
      }
    }
    let sigma = stats.map(\.sd)
    let conflict = (0..<m).map { j in (0..<m).reduce(0.0) { $0 + (1 - rho[j][$1]) } }
    let information = (0..<m).map { sigma[$0] * conflict[$0] }
    return Result(weights: shares(information), sigma: sigma, conflict: conflict, information: information)
  }
}
