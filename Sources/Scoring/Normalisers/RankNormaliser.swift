/// Percentile rank in [0, 1], ties sharing their average rank.
///
/// ```
/// r_i = (rank_i − 1) / (n − 1),   rank_i = 1-based ascending rank, ties averaged
/// ```
/// Degenerate: n = 1 maps to 1; a constant column maps to 0.5 for every row
/// (the average rank of an n-way tie).
/// - Complexity: O(n log n).
public enum RankNormaliser {
  public static func normalise(_ x: [Double]) -> [Double] {
    let n = x.count
    guard n > 1 else { return [Double](repeating: 1, count: n) }
    let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
    var out = [Double](repeating: 0, count: n)
    let scale = 1 / Double(n - 1)
    var start = 0
    while start < n {
      var end = start + 1
      while end < n, x[order[end]] == x[order[start]] { end += 1 }
      // 0-based positions start..<end share the average position (start + end − 1) / 2.
      let average = Double(start + end - 1) / 2
      for k in start..<end { out[order[k]] = average * scale }
      start = end
    }
    return out
  }
}
