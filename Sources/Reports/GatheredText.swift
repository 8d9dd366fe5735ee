import Model

/// The values at `rows` of a packed text column (its `utf8` bytes and `ends`, as in
/// `TextColumn`), copied into one block-local buffer for the same reason as `gather`:
/// value k is `bytes[ends[k - 1]..<ends[k]]` (from 0 for k = 0).
struct GatheredText {
  private(set) var bytes: [UInt8] = []
  private(set) var ends: [Int] = []

  /// `width`: the source's `TextColumn.uniformWidth`, when known: the ranges are then
  /// computed, not read (in rank order each read of `sourceEnds` is a cache miss).
  init(_ source: UnsafeBufferPointer<UInt8>, ends sourceEnds: UnsafeBufferPointer<UInt32>, rows: ArraySlice<Int>, width: Int? = nil) {
    // First the value ranges (the reads of `sourceEnds` are independent cache misses), then
    // the bytes, each value copied inline (`copyBytes`) into storage made once.
    var starts: [Int] = []
    starts.reserveCapacity(rows.count)
    ends.reserveCapacity(rows.count)
    var total = 0
    if let width {
      for row in rows {
        starts.append(row * width)
        total += width
        ends.append(total)
      }
    } else {
      for row in rows {
        let from = row == 0 ? 0 : Int(sourceEnds[row - 1])
        starts.append(from)
        total += Int(sourceEnds[row]) - from
        ends.append(total)
      }
    }
    guard total > 0, let base = source.baseAddress else { return }
    bytes = [UInt8](unsafeUninitializedCapacity: total) { out, count in
      let target = out.baseAddress!
      var at = 0
      for k in starts.indices {
        copyBytes(from: base + starts[k], to: target + at, count: ends[k] - at)
        at = ends[k]
      }
      count = total
    }
  }

  /// Calls `body` with value `k`'s bytes.
  @inline(__always)
  func withValue<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(k == 0 ? 0 : ends[k - 1])..<ends[k]])) }
  }
}

/// Gathers values `rows` of the packed ids and labels (see `GatheredText`); `idWidth`: the
/// ids' `TextColumn.uniformWidth` (`ReportModel.idWidth`), when known.
func gatherTexts(_ ids: TextColumn, _ labels: TextColumn, rows: ArraySlice<Int>, idWidth: Int? = nil) -> (GatheredText, GatheredText) {
  let first = ids.utf8.withUnsafeBufferPointer { u in
    ids.ends.withUnsafeBufferPointer { GatheredText(u, ends: $0, rows: rows, width: idWidth) }
  }
  let second = labels.utf8.withUnsafeBufferPointer { u in
    labels.ends.withUnsafeBufferPointer { GatheredText(u, ends: $0, rows: rows) }
  }
  return (first, second)
}
