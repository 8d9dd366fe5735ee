import CLinux
import Dispatch
import Model
import Scoring

/// Number columns as the cells ranking.csv writes them, kept row by row: cell (row, j) is
/// `NumberBytes.smallCode` of column j at that row with its decimals, or `none` when the
/// cell needs the general path (a sign, a large value, NaN, other decimals).
///
/// ranking.csv visits the rows in rank order. Reading a row's cells from their columns
/// costs one cache miss per column; here a row's cells are 2 bytes each, side by side, so
/// one or two lines hold them all. The table is built in the file's order, streaming
/// through the columns, on `workers` threads. Freed with the instance.
///
/// At a million rows of 21 number columns the table is 42 MB, allocated fresh (`mmap`).
/// Before it is allocated, the pages the heap holds free (the writers before it, the
/// selection's scratch: ~26 MB at a million rows) are given back (`malloc_trim`, through
/// CLinux), so the table does not add to the run's peak what they already freed.
final class FixedCodes: @unchecked Sendable {
  static let none = UInt16.max
  let width: Int
  /// The columns the codes are made from, for the cells they do not hold.
  let columns: [UnitColumn]
  let decimals: [Int]
  let rows: Int
  let codes: UnsafeMutableBufferPointer<UInt16>

  init(_ columns: [UnitColumn], decimals: [Int], rows: Int, workers: Int) {
    width = columns.count
    self.columns = columns
    self.decimals = decimals
    self.rows = rows
    _ = exemplar_release_free_heap()
    codes = .allocate(capacity: max(1, rows * columns.count))
    let parts = max(1, min(workers, rows / 4096))
    DispatchQueue.concurrentPerform(iterations: parts) { t in
      fill(columns, rows: (rows * t / parts)..<(rows * (t + 1) / parts))
    }
  }

  deinit { codes.deallocate() }

  private func fill(_ columns: [UnitColumn], rows range: Range<Int>) {
    for (j, column) in columns.enumerated() {
      let d = decimals[j]
      column.withReader { c in
        var at = range.lowerBound * width + j
        for row in range {
          codes[at] = row < c.count ? NumberBytes.smallCode(c[row], decimals: d) ?? FixedCodes.none : FixedCodes.none
          at += width
        }
      }
    }
  }
}
