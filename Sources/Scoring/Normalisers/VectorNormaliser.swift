/// Vector (Euclidean) normalisation, the TOPSIS default (Hwang & Yoon 1981).
///
/// ```
/// r_i = x_i / √(Σ x_k²)
/// ```
/// Degenerate: an all-zero column maps to 1/√n, the value every constant positive
/// column gets.
/// - Complexity: O(n).
public enum VectorNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    guard !x.isEmpty else { return [] }
    var ss = 0.0
    for v in x { ss += v * v }
    let norm = ss.squareRoot()
    guard norm > 0 else { return [Double](repeating: 1 / Double(x.count).squareRoot(), count: x.count) }
    let inv = 1 / norm
    return x.map { $0 * inv }
  }
}
