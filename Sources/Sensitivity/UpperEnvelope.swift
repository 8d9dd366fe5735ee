/// The upper envelope max_k (a_k + b_k t) of a set of lines on [lo, hi] (convex hull
/// trick: lines sorted by slope, dominated ones popped).
/// - Complexity: O(n log n) to build, O(log n) per query.
struct UpperEnvelope {
  /// Lines on the envelope, by increasing slope, and where each starts to dominate.
  var a: [Double] = []
  var b: [Double] = []
  var owner: [Int] = []
  /// start[q] = left end of line q's piece (start[0] = lo).
  var start: [Double] = []
  let lo: Double
  let hi: Double

  init(lines: [(a: Double, b: Double, owner: Int)], lo: Double, hi: Double) {
    self.lo = lo
    self.hi = hi
    // Sort by slope, then by value at lo (higher first for equal slopes keeps the best).
    let sorted = lines.sorted { $0.b != $1.b ? $0.b < $1.b : ($0.a + $0.b * lo) > ($1.a + $1.b * lo) }
    for l in sorted {
      if let lastB = b.last, lastB == l.b { continue }  // equal slope, lower line: dominated
      while let qa = a.last, let qb = b.last {
        // Where l overtakes the last line.
        let x = (qa - l.a) / (l.b - qb)
        let startLast = start.last ?? lo
        if x <= startLast {
          a.removeLast(); b.removeLast(); owner.removeLast(); start.removeLast()
        } else {
          break
        }
      }
      let x: Double
      if let qa = a.last, let qb = b.last { x = max(lo, (qa - l.a) / (l.b - qb)) } else { x = lo }
      if x >= hi && !a.isEmpty { continue }  // never on top inside [lo, hi]
      a.append(l.a); b.append(l.b); owner.append(l.owner); start.append(x)
    }
  }

  var isEmpty: Bool { a.isEmpty }

  /// The first t in [lo, hi] where the envelope reaches the line (ai, bi), given that it is
  /// below it at lo, with the envelope line there; nil when it stays below.
  /// Since envelope − line is convex and negative at lo, its negative set is an interval
  /// [lo, r): a binary search over the pieces finds r.
  func firstReach(a ai: Double, b bi: Double) -> (t: Double, owner: Int)? {
    guard !a.isEmpty else { return nil }
    func gap(_ q: Int, _ t: Double) -> Double { (a[q] + b[q] * t) - (ai + bi * t) }
    // Piece q spans [start[q], end(q)]; find the first piece whose end has gap ≥ 0.
    func end(_ q: Int) -> Double { q + 1 < start.count ? start[q + 1] : hi }
    var l = 0, r = a.count
    while l < r {
      let mid = (l + r) / 2
      if gap(mid, end(mid)) >= 0 { r = mid } else { l = mid + 1 }
    }
    guard l < a.count else { return nil }
    let t0 = start[l]
    if gap(l, t0) >= 0 { return (t0, owner[l]) }
    let t = (ai - a[l]) / (b[l] - bi)
    return (min(max(t, t0), end(l)), owner[l])
  }
}
