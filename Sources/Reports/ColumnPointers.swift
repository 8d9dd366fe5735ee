import Scoring

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

/// A column whose cells are read by row: a buffer pointer, or a `UnitColumn.Reader` (a
/// number column stored or computed on read).
protocol CellColumn {
  associatedtype Cell
  var count: Int { get }
  subscript(i: Int) -> Cell { get }
}

extension UnsafeBufferPointer: CellColumn {}
extension UnitColumn.Reader: CellColumn {}

/// Copies the cells of `columns` at `rows` into `cells`, row by row: cell (k, j) — row
/// `rows[k]` of column `j` — lands at `k × columns.count + j`; `missing` where a column is shorter.
///
/// The ranking visits rows in rank order, so each cell read is a cache miss in a column of
/// millions of values. Formatting between the reads keeps the processor from overlapping
/// them; this tight loop of independent loads lets many misses be in flight at once.
func gather<C: CellColumn>(_ columns: [C], rows: ArraySlice<Int>, missing: C.Cell, into cells: inout [C.Cell]) {
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
