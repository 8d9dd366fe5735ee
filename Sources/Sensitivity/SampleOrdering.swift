/// Orders the ranked rows of one sample: by utility descending, ties by nominal rank.
enum SampleOrdering {
  @inline(__always)
  static func better(_ a: Int32, _ b: Int32, _ u: UnsafeBufferPointer<Double>, _ nominal: UnsafeBufferPointer<Int32>) -> Bool {
    let ua = u[Int(a)], ub = u[Int(b)]
    if ua != ub { return ua > ub }
    return nominal[Int(a)] < nominal[Int(b)]
  }

  /// All candidates, sorted. - Complexity: O(n log n).
  static func full(_ candidates: [Int32], _ u: UnsafeBufferPointer<Double>, _ nominal: UnsafeBufferPointer<Int32>) -> [Int32] {
    var out = candidates
    out.sort { better($0, $1, u, nominal) }
    return out
  }

  /// The best `m` candidates, sorted: a bounded binary heap whose root is the worst kept row.
  /// `candidates` may be in any order (the result does not depend on it).
  /// - Complexity: O(n + m log m · log n) typical (most rows fail the root test), O(n log m) worst.
  static func top(_ m: Int, of candidates: [Int32], _ u: UnsafeBufferPointer<Double>, _ nominal: UnsafeBufferPointer<Int32>)
    -> [Int32]
  {
    if m >= candidates.count { return full(candidates, u, nominal) }
    var heap = [Int32](repeating: 0, count: m)
    heap.withUnsafeMutableBufferPointer { h in
      // Scan in row order (sequential reads of u); the root's utility is cached so most
      // rows are rejected by one comparison. No closures capture the heap (no boxing,
      // no dynamic exclusivity checks in the loop).
      var count = 0
      var rootU = -Double.infinity
      for c in candidates {
        let uc = u[Int(c)]
        if count == m {
          if uc < rootU || !better(c, h[0], u, nominal) { continue }
          h[0] = c
          var i = 0
          while true {
            let l = 2 * i + 1, r = l + 1
            var w = i
            if l < m && better(h[w], h[l], u, nominal) { w = l }
            if r < m && better(h[w], h[r], u, nominal) { w = r }
            if w == i { break }
            h.swapAt(i, w)
            i = w
          }
          rootU = u[Int(h[0])]
        } else {
          h[count] = c
          var i = count
          count += 1
          while i > 0 {
            let p = (i - 1) / 2
            if better(h[p], h[i], u, nominal) { h.swapAt(p, i); i = p } else { break }
          }
          if count == m { rootU = u[Int(h[0])] }
        }
      }
    }
    heap.sort { better($0, $1, u, nominal) }
    return heap
  }
}
