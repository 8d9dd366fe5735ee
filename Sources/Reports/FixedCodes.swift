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
/// At a million rows of 21 number columns the table is 42 MB, allocated fresh (`mmap`);
/// `RunReport` gives the heap's free pages back before ranking.csv (`Heap.releaseFree`), so
/// the table does not add to the run's peak what the writers before it already freed.
final class FixedCodes: @unchecked Sendable {
  static let none = UInt16.max
  let width: Int
  /// The columns the codes are made from, for the cells they do not hold.
  let columns: [UnitColumn]
  let decimals: [Int]
  /// Rows in the table: the longest column's (a shorter column's cells past its end are `none`).
  let rows: Int
  let codes: UnsafeMutableBufferPointer<UInt16>

  init(_ columns: [UnitColumn], decimals: [Int], workers: Int) {
    width = columns.count
    self.columns = columns
    self.decimals = decimals
    let rows = columns.map(\.count).max() ?? 0
    self.rows = rows
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

/// The process's heap, as a whole.
enum Heap {
  /// Gives the pages the heap holds free back to the kernel (`malloc_trim`, through CLinux):
  /// before a writer maps a large table, so that the pages the writers before it freed do
  /// not stay counted in the run's peak beside it (~26 MB at a million rows).
  static func releaseFree() { _ = exemplar_release_free_heap() }
}
