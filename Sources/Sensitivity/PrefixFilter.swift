/// The best `length` rows of one sample, sorted as `SampleOrdering.top` sorts them, found
/// by a threshold filter before the heap: rows with utility ≥ τ are gathered (one
/// comparison per row, no branch), and the bounded heap runs on them only.
///
/// Exactness: when at least `length` rows pass, every row of the true top `length` passes
/// (a row below τ is beaten by all of them), so the result equals `SampleOrdering.top`
/// over all rows; otherwise the heap runs on all rows. τ is only a speed hint, carried
/// from sample to sample: τ = (the last sample's length-th utility) − margin, the margin
/// widened when too few rows passed and narrowed when far too many did. Results never
/// depend on it, so they stay identical for any thread count or sample order.
/// - Complexity: O(n) comparisons plus a heap over ≈ 1.3–3 × length rows.
final class PrefixFilter {
  private var tau = -Double.infinity
  private var margin = 0.0
  private let passed: PlainBuffer<Int32>

  init(capacity: Int) { passed = PlainBuffer(repeating: 0, count: capacity) }

  /// The best `length` of `rows` (at most `capacity` of them), sorted.
  func top(_ length: Int, of rows: [Int32], _ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>)
    -> [Int32]
  {
    if length >= rows.count { return SampleOrdering.full(rows, u, np) }
    let t = tau
    var c = 0
    rows.withUnsafeBufferPointer { rp in
      let out = passed.p
      for r in rp {
        out[c] = r
        c &+= Int(unsafeBitCast(u[Int(r)] >= t, to: UInt8.self))
      }
    }
    return finish(length, passed: c, rows, u, np)
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

  private func finish(
    _ length: Int, passed c: Int, _ rows: [Int32], _ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>
  ) -> [Int32] {
    if length >= rows.count { return SampleOrdering.full(rows, u, np) }
    let order: [Int32]
    if c >= length {
      order = SampleOrdering.top(length, of: Array(passed.p[0..<c]), u, np)
      if c > 3 * length {
        margin *= 0.7
      } else if c < 3 * length / 2 {
        margin *= 1.3
      }
    } else {
      order = SampleOrdering.top(length, of: rows, u, np)
      margin = max(2 * margin, u[Int(order[0])] - u[Int(order[length - 1])])
    }
    let last = u[Int(order[length - 1])]
    tau = last - margin
    if !(tau <= last) { tau = -Double.infinity }  // NaN or infinite margins: no filter
    return order
  }
}
