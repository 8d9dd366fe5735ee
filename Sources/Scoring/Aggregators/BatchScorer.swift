import Foundation

/// Scores a block of weight samples at once: S = Rᵀ-blocked product of the normalised
/// matrix with the weight block, then the method's closing transform.
///
/// The one aggregation kernel: `Scorer` scores the ranking with it (b = 1) and every
/// sensitivity sample with it, so a sample at the nominal weights has the run's utilities
/// bit for bit.
///
/// Layout: the variant's matrix is criterion-major (`m` columns of `n`), the weight block is
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
package enum BatchScorer {
  static let tile = 512

  /// u[k·n + i] = Σ_j w[k·m + j] · a_j[i]  (w optionally squared), `a` one pointer per criterion column.
  static func product(
    _ a: [UnsafePointer<Double>], n: Int, m: Int, weights w: UnsafeBufferPointer<Double>, b: Int, squared: Bool,
    into u: UnsafeMutableBufferPointer<Double>
  ) {
    guard let wb = w.baseAddress, let ub = u.baseAddress, a.count == m else { return }
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
          let r0 = a[j], r1 = a[j + 1], r2 = a[j + 2], r3 = a[j + 3]
          for i in start..<end {
            let x0 = r0[i], x1 = r1[i], x2 = r2[i], x3 = r3[i]
            o0[i] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3
            o1[i] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3
          }
          j += 4
        }
        while j < m {
          let a0 = weight(k, j), b0 = weight(k + 1, j)
          let r0 = a[j]
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
          let r0 = a[j], r1 = a[j + 1], r2 = a[j + 2], r3 = a[j + 3]
          for i in start..<end { out[i] += a0 * r0[i] + a1 * r1[i] + a2 * r2[i] + a3 * r3[i] }
          j += 4
        }
        while j < m {
          let a0 = weight(k, j)
          let r0 = a[j]
          for i in start..<end { out[i] += a0 * r0[i] }
          j += 1
        }
      }
      start = end
    }
  }

  /// Utilities of `b` samples (see type doc). `scratch` needs `b · n` doubles for TOPSIS
  /// and VIKOR. `ranked` marks rows that take part in VIKOR's S*/S⁻/R*/R⁻ (empty: all).
  package static func utilities(
    _ v: MethodVariant, weights w: UnsafeBufferPointer<Double>, b: Int, ranked: [Bool],
    into u: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let n = v.rows, m = v.criteria
    guard n > 0 else { return }
    withColumns(v.primary) { p in
      switch v.kind {
      case .weightedSum:
        product(p, n: n, m: m, weights: w, b: b, squared: false, into: u)
      case .weightedProduct:
        product(p, n: n, m: m, weights: w, b: b, squared: false, into: u)
        for x in 0..<(b * n) { u[x] = exp(u[x]) }
      case .topsis:
        separations(v, p, weights: w, b: b, plus: u, minus: scratch)
        for x in 0..<(b * n) {
          let dPlus = u[x], dMinus = scratch[x]
          u[x] = dPlus + dMinus > 0 ? dMinus / (dPlus + dMinus) : 1  // identical alternatives: 1
        }
      case .vikor(let vv):
        regrets(v, p, weights: w, b: b, s: u, r: scratch)
        for k in 0..<b {
          let sRow = UnsafeMutableBufferPointer(rebasing: u[(k * n)..<((k + 1) * n)])
          let rRow = UnsafeMutableBufferPointer(rebasing: scratch[(k * n)..<((k + 1) * n)])
          var sLo = Double.infinity, sHi = -Double.infinity, rLo = Double.infinity, rHi = -Double.infinity
          for i in 0..<n where ranked.isEmpty || ranked[i] {
            sLo = min(sLo, sRow[i]); sHi = max(sHi, sRow[i])
            rLo = min(rLo, rRow[i]); rHi = max(rHi, rRow[i])
          }
          let sSpan = MethodVariant.spread(sLo, sHi), rSpan = MethodVariant.spread(rLo, rHi)
          for i in 0..<n {
            let sTerm = sSpan > 0 ? (sRow[i] - sLo) / sSpan : 0
            let rTerm = rSpan > 0 ? (rRow[i] - rLo) / rSpan : 0
            sRow[i] = 1 - (vv * sTerm + (1 - vv) * rTerm)
          }
        }
      }
    }
  }

  /// TOPSIS separations D⁺ = √Σ w_j² (r⁺_j − r_ij)², D⁻ = √Σ w_j² (r_ij − r⁻_j)² of `b` samples.
  static func separations(
    _ v: MethodVariant, _ p: [UnsafePointer<Double>], weights w: UnsafeBufferPointer<Double>, b: Int,
    plus: UnsafeMutableBufferPointer<Double>, minus: UnsafeMutableBufferPointer<Double>
  ) {
    let n = v.rows, m = v.criteria
    product(p, n: n, m: m, weights: w, b: b, squared: true, into: plus)
    withColumns(v.secondary) { s in product(s, n: n, m: m, weights: w, b: b, squared: true, into: minus) }
    for x in 0..<(b * n) {
      plus[x] = plus[x].squareRoot()
      minus[x] = minus[x].squareRoot()
    }
  }

  /// VIKOR group utility S_i = Σ_j w_j d_ij and individual regret R_i = max_j w_j d_ij of `b` samples.
  static func regrets(
    _ v: MethodVariant, _ p: [UnsafePointer<Double>], weights w: UnsafeBufferPointer<Double>, b: Int,
    s: UnsafeMutableBufferPointer<Double>, r: UnsafeMutableBufferPointer<Double>
  ) {
    let n = v.rows, m = v.criteria
    product(p, n: n, m: m, weights: w, b: b, squared: false, into: s)
    for k in 0..<b {
      let out = k * n
      for i in 0..<n { r[out + i] = 0 }
      for j in 0..<m {
        let wj = w[k * m + j]
        let col = p[j]
        for i in 0..<n { r[out + i] = max(r[out + i], wj * col[i]) }
      }
    }
  }

  /// Calls `body` with a pointer to the storage of each column (all of one length ≥ 1).
  static func withColumns<R>(_ columns: [[Double]], _ body: ([UnsafePointer<Double>]) -> R) -> R {
    var pointers: [UnsafePointer<Double>] = []
    pointers.reserveCapacity(columns.count)
    func next(_ j: Int) -> R {
      guard j < columns.count else { return body(pointers) }
      return columns[j].withUnsafeBufferPointer { c in
        // swift-format-ignore: NeverForceUnwrap
        pointers.append(c.baseAddress!)  // non-empty: callers return early for n = 0
        return next(j + 1)
      }
    }
    return next(0)
  }
}
