/// The unscrambled Sobol' low-discrepancy sequence (Sobol' 1967) with Joe & Kuo (2008)
/// direction numbers, generated in Gray-code order (Antonov & Saleev 1979), 32 bits.
///
/// Direction numbers of a dimension with primitive polynomial of degree s and
/// coefficients a_1…a_{s−1}, initial m_1…m_s:
/// ```
/// v_k = m_k · 2^{32−k}                                             (k ≤ s)
/// v_k = v_{k−s} ⊕ (v_{k−s} ≫ s) ⊕ ⊕_{i=1}^{s−1} a_i · v_{k−i}        (k > s)
/// x_{n+1} = x_n ⊕ v_{c(n)},  c(n) = position of the lowest zero bit of n (1-based)
/// ```
/// Point 0 is the origin; points are x_n / 2^32. Identical to SciPy's
/// `qmc.Sobol(d, scramble=False)` (tested against its output).
public struct SobolSequence: Sendable {
  public let dimensions: Int
  private var v: [[UInt32]]
  private var x: [UInt32]
  private var index: UInt32 = 0

  /// - Throws: `SensitivityError.tooManyDimensions` beyond 64 dimensions.
  public init(dimensions d: Int) throws(SensitivityError) {
    guard d >= 1, d <= JoeKuoDirections.maxDimensions else {
      throw .tooManyDimensions(d, max: JoeKuoDirections.maxDimensions)
    }
    dimensions = d
    var v = [[UInt32]](repeating: [UInt32](repeating: 0, count: 33), count: d)
    for k in 1...32 { v[0][k] = 1 << (32 - k) }
    for dim in 1..<d {
      let (s, a, m) = JoeKuoDirections.table[dim - 1]
      for k in 1...min(s, 32) { v[dim][k] = m[k - 1] << (32 - k) }
      if s < 32 {
        for k in (s + 1)...32 {
          var value = v[dim][k - s] ^ (v[dim][k - s] >> UInt32(s))
          for i in 1..<s where (a >> UInt32(s - 1 - i)) & 1 == 1 { value ^= v[dim][k - i] }
          v[dim][k] = value
        }
      }
    }
    self.v = v
    x = [UInt32](repeating: 0, count: d)
  }

  /// The next point in [0, 1)^d (the first call returns the origin).
  public mutating func next() -> [Double] {
    let out = x.map { Double($0) * 0x1.0p-32 }
    var c = 1
    var n = index
    while n & 1 == 1 {
      n >>= 1
      c += 1
    }
    for j in 0..<dimensions { x[j] ^= v[j][c] }
    index &+= 1
    return out
  }
}
