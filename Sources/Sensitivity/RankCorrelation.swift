/// Rank correlation coefficients between two rankings of the same items.
public enum RankCorrelation {
  /// Kendall's τ_b by Knight's (1966) O(n log n) algorithm: sort by (x, y), count the
  /// x-ties n₁ and joint ties n₃, merge-sort by y counting swaps (discordant pairs) and
  /// the y-ties n₂:
  /// ```
  /// τ_b = (n₀ − n₁ − n₂ + n₃ − 2·swaps) / √((n₀ − n₁)(n₀ − n₂)),   n₀ = n(n − 1)/2
  /// ```
  /// Returns 0 when either ranking is constant (undefined). Source: W. R. Knight, "A
  /// computer method for calculating Kendall's tau with ungrouped data", JASA 61 (1966).
  /// - Complexity: O(n log n).
  public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double {
    let n = x.count
    guard n > 1, y.count == n else { return 0 }
    var idx = Array(0..<n)
    idx.sort { x[$0] != x[$1] ? x[$0] < x[$1] : y[$0] < y[$1] }
    var n1 = 0, n3 = 0
    var i = 0
    while i < n {
      var j = i + 1
      while j < n && x[idx[j]] == x[idx[i]] { j += 1 }
      n1 += (j - i) * (j - i - 1) / 2
      var k = i
      while k < j {
        var l = k + 1
        while l < j && y[idx[l]] == y[idx[k]] { l += 1 }
        n3 += (l - k) * (l - k - 1) / 2
        k = l
      }
      i = j
    }
    var values = idx.map { y[$0] }
    var buffer = values
    let swaps = mergeCount(&values, &buffer, 0, n)
    var n2 = 0
    i = 0
    while i < n {
      var j = i + 1
      while j < n && values[j] == values[i] { j += 1 }
      n2 += (j - i) * (j - i - 1) / 2
      i = j
    }
    let n0 = n * (n - 1) / 2
    let denom = (Double(n0 - n1) * Double(n0 - n2)).squareRoot()
    guard denom > 0 else { return 0 }
    return Double(n0 - n1 - n2 + n3 - 2 * swaps) / denom
  }

  /// Stable merge sort of v[lo..<hi] ascending; returns the number of inversions (strict).
  private static func mergeCount(_ v: inout [Double], _ buf: inout [Double], _ lo: Int, _ hi: Int) -> Int {
    if hi - lo < 2 { return 0 }
    let mid = (lo + hi) / 2
    var swaps = mergeCount(&v, &buf, lo, mid) + mergeCount(&v, &buf, mid, hi)
    var i = lo, j = mid, k = lo
    while i < mid && j < hi {
      if v[j] < v[i] {
        buf[k] = v[j]
        swaps += mid - i
        j += 1
      } else {
        buf[k] = v[i]
        i += 1
      }
      k += 1
    }
    while i < mid { buf[k] = v[i]; i += 1; k += 1 }
    while j < hi { buf[k] = v[j]; j += 1; k += 1 }
    for t in lo..<hi { v[t] = buf[t] }
    return swaps
  }

  /// Spearman's ρ: the Pearson correlation of the average ranks (ties share the mean of
  /// their positions). 0 when either ranking is constant.
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    let n = x.count
    guard n > 1, y.count == n else { return 0 }
    let rx = averageRanks(x), ry = averageRanks(y)
    let mx = rx.reduce(0, +) / Double(n), my = ry.reduce(0, +) / Double(n)
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for i in 0..<n {
      sxy += (rx[i] - mx) * (ry[i] - my)
      sxx += (rx[i] - mx) * (rx[i] - mx)
      syy += (ry[i] - my) * (ry[i] - my)
    }
    guard sxx > 0, syy > 0 else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }

  static func averageRanks(_ x: [Double]) -> [Double] {
    let idx = x.indices.sorted { x[$0] < x[$1] }
    var r = [Double](repeating: 0, count: x.count)
    var i = 0
    while i < idx.count {
      var j = i + 1
      while j < idx.count && x[idx[j]] == x[idx[i]] { j += 1 }
      let avg = Double(i + j + 1) / 2
      for k in i..<j { r[idx[k]] = avg }
      i = j
    }
    return r
  }
}
