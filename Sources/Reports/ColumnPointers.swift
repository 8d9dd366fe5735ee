import Model

/// Calls `body` with a buffer pointer to each of `columns`, so a per-row loop reads cells
/// without retaining the inner arrays (`columns[j][row]` on `[[T]]` may retain and release
/// column `j` for every cell). The pointers are valid only inside `body`.
func withColumnPointers<T, R>(_ columns: [[T]], _ body: ([UnsafeBufferPointer<T>]) -> R) -> R {
  var pointers: [UnsafeBufferPointer<T>] = []
  pointers.reserveCapacity(columns.count)
  return nest(columns, &pointers, body)
}

private func nest<T, R>(
  _ columns: [[T]], _ pointers: inout [UnsafeBufferPointer<T>], _ body: ([UnsafeBufferPointer<T>]) -> R
) -> R {
  guard pointers.count < columns.count else { return body(pointers) }
  return columns[pointers.count].withUnsafeBufferPointer { p in
    pointers.append(p)
    return nest(columns, &pointers, body)
  }
}

/// Copies the cells of `columns` at `rows` into `cells`, row by row: cell (k, j) — row
/// `rows[k]` of column `j` — lands at `k × columns.count + j`; `missing` where a column is shorter.
///
/// The ranking visits rows in rank order, so each cell read is a cache miss in a column of
/// millions of values. Formatting between the reads keeps the processor from overlapping
/// them; this tight loop of independent loads lets many misses be in flight at once.
func gather<T>(_ columns: [UnsafeBufferPointer<T>], rows: ArraySlice<Int>, missing: T, into cells: inout [T]) {
  let width = columns.count
  cells.removeAll(keepingCapacity: true)
  cells.append(contentsOf: repeatElement(missing, count: rows.count * width))
  cells.withUnsafeMutableBufferPointer { out in
    for (j, column) in columns.enumerated() {
      var at = j
      for row in rows {
        if row < column.count { out[at] = column[row] }
        at += width
      }
    }
  }
}

/// The values at `rows` of a packed text column (its `utf8` bytes and `ends`, as in
/// `TextColumn`), copied into one block-local buffer for the same reason as `gather`:
/// value k is `bytes[ends[k - 1]..<ends[k]]` (from 0 for k = 0).
struct GatheredText {
  private(set) var bytes: [UInt8] = []
  private(set) var ends: [Int] = []

  init(_ source: UnsafeBufferPointer<UInt8>, ends sourceEnds: UnsafeBufferPointer<UInt32>, rows: ArraySlice<Int>) {
    ends.reserveCapacity(rows.count)
    bytes.reserveCapacity(rows.count * 32)
    for row in rows {
      let from = row == 0 ? 0 : Int(sourceEnds[row - 1])
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[from..<Int(sourceEnds[row])]))
      ends.append(bytes.count)
    }
  }

  /// Calls `body` with value `k`'s bytes.
  @inline(__always)
  func withValue<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(k == 0 ? 0 : ends[k - 1])..<ends[k]])) }
  }
}

/// Gathers values `rows` of the packed columns `a` and `b` (see `GatheredText`).
func gatherTexts(_ a: TextColumn, _ b: TextColumn, rows: ArraySlice<Int>) -> (GatheredText, GatheredText) {
  let first = a.utf8.withUnsafeBufferPointer { u in
    a.ends.withUnsafeBufferPointer { GatheredText(u, ends: $0, rows: rows) }
  }
  let second = b.utf8.withUnsafeBufferPointer { u in
    b.ends.withUnsafeBufferPointer { GatheredText(u, ends: $0, rows: rows) }
  }
  return (first, second)
}
