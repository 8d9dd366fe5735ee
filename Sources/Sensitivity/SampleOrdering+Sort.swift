extension SampleOrdering {
  /// Puts the best `k` of `rows` first, sorted by `better` (utility descending, ties by
  /// nominal rank); the rest is left in some order. Partial quicksort: median-of-three
  /// pivot, insertion sort below 16 rows, ranges that start at or beyond `k` dropped.
  /// `better` is a strict total order on ranked rows (nominal ranks are distinct), so the
  /// first k equal `full`'s stable sort's.
  /// - Complexity: O(n + k log k) expected.
  static func sortInPlace(
    _ rows: UnsafeMutableBufferPointer<Int32>, first k: Int, _ u: UnsafeBufferPointer<Double>,
    _ nominal: UnsafeBufferPointer<Int32>
  ) {
    guard let p = rows.baseAddress, rows.count > 1 else { return }
    @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool { better(a, b, u, nominal) }
    var stack: [(Int, Int)] = [(0, rows.count - 1)]
    while let (lo0, hi0) = stack.popLast() {
      var lo = lo0, hi = hi0
      while hi - lo >= 16 {
        let mid = lo + (hi - lo) / 2
        if less(p[mid], p[lo]) { swap(&p[mid], &p[lo]) }
        if less(p[hi], p[lo]) { swap(&p[hi], &p[lo]) }
        if less(p[hi], p[mid]) { swap(&p[hi], &p[mid]) }
        let pivot = p[mid]
        var i = lo, j = hi
        while i <= j {
          while less(p[i], pivot) { i += 1 }
          while less(pivot, p[j]) { j -= 1 }
          if i <= j {
            swap(&p[i], &p[j])
            i += 1
            j -= 1
          }
        }
        // Recurse into the smaller side later (pushed), loop on the larger one.
        if i >= k {  // the right side holds no row of the first k
          hi = j
        } else if j - lo < hi - i {
          if lo < j { stack.append((lo, j)) }
          lo = i
        } else {
          if i < hi { stack.append((i, hi)) }
          hi = j
        }
      }
      if lo < hi && lo < k {
        for x in (lo + 1)...hi {
          let v = p[x]
          var y = x - 1
          while y >= lo && less(v, p[y]) {
            p[y + 1] = p[y]
            y -= 1
          }
          p[y + 1] = v
        }
      }
    }
  }
}
