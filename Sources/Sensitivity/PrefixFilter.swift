import Selection
/// The best `length` rows of one sample, sorted as `SampleOrdering.top` sorts them, found
/// by a threshold filter instead of a heap over every row: the c rows with utility ≥ τ are
/// gathered (one comparison per row, no branch) and the best `length` of them sorted by a
/// partial quicksort (`SampleOrdering.sortInPlace`).
///
/// Exactness: every row left out has utility < τ ≤ that of every gathered row, so when
/// c ≥ `length` the best `length` gathered rows are the best of all rows. When c < `length`, the scan is repeated with τ lowered by 4, 16 and 64 margins, and
/// then the bounded heap runs on all rows. τ is only a speed hint, carried from sample to
/// sample: τ = (the last sample's length-th utility) − margin, the margin widened when too
/// few rows passed and narrowed when far too many did (target 1.25–2 × length). Results
/// never depend on it, so they stay identical for any thread count or sample order.
/// - Complexity: O(n) comparisons plus a partial sort of ≈ 1.25–2 × length rows.
final class PrefixFilter {
  private var tau = -Double.infinity
  private var margin = 0.0
  private let passed: PlainBuffer<Int32>

  init(capacity: Int) { passed = PlainBuffer(repeating: 0, count: capacity) }

  /// The best `length` of `rows` (at most `capacity` of them), sorted; all of them when
  /// `length` ≥ their count.
  func top(_ length: Int, of rows: [Int32], _ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>)
    -> [Int32]
  {
    if length >= rows.count { return SampleOrdering.full(rows, u, np) }
    return finish(length, passed: scan(rows, u, tau), rows, u, np)
  }

  /// The same for rows whose utilities arrive packed: `values[x]` is the utility of
  /// `rows[x]`. The scan reads `values` sequentially and scatters them into `u` (row-indexed)
  /// in the same pass.
  func top(
    _ length: Int, of rows: [Int32], values: UnsafeBufferPointer<Double>, scatterInto u: UnsafeMutableBufferPointer<Double>,
    _ np: UnsafeBufferPointer<Int32>
  ) -> [Int32] {
    let t = tau
    var c = 0
    rows.withUnsafeBufferPointer { rp in
      let out = passed.p
      for x in 0..<rp.count {
        let v = values[x], r = rp[x]
        out[c] = r
        u[Int(r)] = v
        c &+= Int(unsafeBitCast(v >= t, to: UInt8.self))
      }
    }
    return finish(length, passed: c, rows, UnsafeBufferPointer(u), np)
  }

  /// Gathers the rows with u ≥ t into `passed`; returns how many.
  private func scan(_ rows: [Int32], _ u: UnsafeBufferPointer<Double>, _ t: Double) -> Int {
    var c = 0
    rows.withUnsafeBufferPointer { rp in
      let out = passed.p
      for r in rp {
        out[c] = r
        c &+= Int(unsafeBitCast(u[Int(r)] >= t, to: UInt8.self))
      }
    }
    return c
  }

  private func finish(
    _ length: Int, passed first: Int, _ rows: [Int32], _ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>
  ) -> [Int32] {
    if length >= rows.count { return SampleOrdering.full(rows, u, np) }
    var c = first
    // Too few passed (the sample moved further than the margin): rescan a few times with
    // the threshold lowered by 4×, 16×, 64× the margin — a scan costs far less than a heap.
    var step = max(margin, 1e-12)
    var tries = 0
    while c < length && tries < 3 {
      step *= 4
      tries += 1
      c = scan(rows, u, tau - step)
    }
    let order: [Int32]
    if c >= length {
      SampleOrdering.sortInPlace(UnsafeMutableBufferPointer(rebasing: passed.p[0..<c]), first: length, u, np)
      order = Array(passed.p[0..<length])
      if tries > 0 { margin = step }
      if c > 2 * length {
        margin *= 0.7
      } else if c < 5 * length / 4 {
        margin *= 1.3
      }
    } else {
      order = SampleOrdering.top(length, of: rows, u, np)
      margin = max(4 * margin, u[Int(order[0])] - u[Int(order[length - 1])])
    }
    let last = u[Int(order[length - 1])]
    tau = last - margin
    if !(tau <= last) { tau = -Double.infinity }  // NaN or infinite margins: no filter
    return order
  }
}
