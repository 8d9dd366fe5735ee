import Foundation

/// Scores a block of weight samples at once: S = Rᵀ-blocked product of the normalised
/// matrix with the weight block, then the method's closing transform.
///
/// Layout: the variant's matrix is criterion-major (`m × n`), the weight block is
/// sample-major (`b × m`, `w[k·m + j]`), the output is sample-major (`b × n`, `u[k·n + i]`).
/// The loop nest is tiled over rows (`tile` rows of all m criteria ≈ 80 KiB stay in L2
/// while all b samples of the block reuse them) and unrolled by four criteria and two
/// samples, so each pass reads four matrix rows once for two output rows:
/// ```
/// for tile of rows: for k in stride(block, 2): for j in stride(0, m, 4): for i in tile:
///     u[k,   i] += w[k,  j]·r[j,i] + … + w[k,  j+3]·r[j+3,i]
///     u[k+1, i] += w[k+1,j]·r[j,i] + … + w[k+1,j+3]·r[j+3,i]     (the r loads are shared)
/// ```
/// Every output element gets the same sequence of floating-point operations whatever its
/// position in the block, so results do not depend on the block size.
/// The output `u` is the method's utility in [0, 1], higher is better: the weighted sum,
/// the weighted product, the TOPSIS closeness, or 1 − Q for VIKOR.
/// - Complexity: O(b · n · m) multiply–adds per block.
enum BatchScorer {
  static let tile = 512

  /// u[k·n + i] = Σ_j w[k·m + j] · a[j·n + i]  (w optionally squared).
  static func product(
    _ a: UnsafeBufferPointer<Double>, n: Int, m: Int, weights w: UnsafeBufferPointer<Double>, b: Int, squared: Bool,
    into u: UnsafeMutableBufferPointer<Double>
  ) {
    guard let ab = a.baseAddress, let wb = w.baseAddress, let ub = u.baseAddress else { return }
    @inline(__always) func weight(_ k: Int, _ j: Int) -> Double {
      let x = wb[k * m + j]
      return squared ? x * x : x
    }
    var start = 0
    while start < n {
      let end = min(n, start + tile)
      var k = 0
      // Two samples per pass share every load of the matrix rows.
      while k + 2 <= b {
        let o0 = ub + k * n, o1 = ub + (k + 1) * n
        for i in start..<end {
          o0[i] = 0
          o1[i] = 0
        }
        var j = 0
        while j + 4 <= m {
          let a0 = weight(k, j), a1 = weight(k, j + 1), a2 = weight(k, j + 2), a3 = weight(k, j + 3)
          let b0 = weight(k + 1, j), b1 = weight(k + 1, j + 1), b2 = weight(k + 1, j + 2), b3 = weight(k + 1, j + 3)
          let r0 = ab + j * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
          for i in start..<end {
            let x0 = r0[i], x1 = r1[i], x2 = r2[i], x3 = r3[i]
            o0[i] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3
            o1[i] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3
          }
          j += 4
        }
        while j < m {
          let a0 = weight(k, j), b0 = weight(k + 1, j)
          let r0 = ab + j * n
          for i in start..<end {
            o0[i] += a0 * r0[i]
            o1[i] += b0 * r0[i]
          }
          j += 1
        }
        k += 2
      }
      if k < b {  // the odd sample: the same operations per element as in a pair
        let out = ub + k * n
        for i in start..<end { out[i] = 0 }
        var j = 0
        while j + 4 <= m {
          let a0 = weight(k, j), a1 = weight(k, j + 1), a2 = weight(k, j + 2), a3 = weight(k, j + 3)
          let r0 = ab + j * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
          for i in start..<end { out[i] += a0 * r0[i] + a1 * r1[i] + a2 * r2[i] + a3 * r3[i] }
          j += 4
        }
        while j < m {
          let a0 = weight(k, j)
          let r0 = ab + j * n
          for i in start..<end { out[i] += a0 * r0[i] }
          j += 1
        }
      }
      start = end
    }
  }

  /// Utilities of `b` samples (see type doc). `scratch` needs `b · n` doubles for TOPSIS
  /// and VIKOR. `ranked` marks rows that take part in VIKOR's S*/S⁻/R*/R⁻.
  static func utilities(
    _ v: MethodVariant, weights w: UnsafeBufferPointer<Double>, b: Int, ranked: [Bool],
    into u: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let n = v.rows, m = v.criteria
    v.primary.withUnsafeBufferPointer { p in
      switch v.kind {
      case .weightedSum:
        product(p, n: n, m: m, weights: w, b: b, squared: false, into: u)
      case .weightedProduct:
        product(p, n: n, m: m, weights: w, b: b, squared: false, into: u)
        for x in 0..<(b * n) { u[x] = exp(u[x]) }
      case .topsis:
        product(p, n: n, m: m, weights: w, b: b, squared: true, into: u)
        v.secondary.withUnsafeBufferPointer { s in
          product(s, n: n, m: m, weights: w, b: b, squared: true, into: scratch)
        }
        for x in 0..<(b * n) {
          let dPlus = u[x].squareRoot(), dMinus = scratch[x].squareRoot()
          u[x] = dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 1  // identical alternatives: 1, as the Scorer
        }
      case .vikor(let vv):
        product(p, n: n, m: m, weights: w, b: b, squared: false, into: u)
        guard let sb = scratch.baseAddress else { return }
        for k in 0..<b {
          let rOut = sb + k * n
          for i in 0..<n { rOut[i] = 0 }
          for j in 0..<m {
            let wj = w[k * m + j]
            let col = j * n
            for i in 0..<n { rOut[i] = max(rOut[i], wj * p[col + i]) }
          }
          var sLo = Double.infinity, sHi = -Double.infinity, rLo = Double.infinity, rHi = -Double.infinity
          for i in 0..<n where ranked[i] {
            sLo = min(sLo, u[k * n + i]); sHi = max(sHi, u[k * n + i])
            rLo = min(rLo, rOut[i]); rHi = max(rHi, rOut[i])
          }
          for i in 0..<n {
            let sTerm = sHi > sLo ? (u[k * n + i] - sLo) / (sHi - sLo) : 0
            let rTerm = rHi > rLo ? (rOut[i] - rLo) / (rHi - rLo) : 0
            u[k * n + i] = 1 - (vv * sTerm + (1 - vv) * rTerm)
          }
        }
      }
    }
  }
}
