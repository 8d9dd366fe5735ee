import Foundation

/// Formats a long run of rows on every core and writes the bytes in row order.
///
/// Rows `0..<count` are cut into blocks of `blockRows`; a window of blocks is formatted
/// concurrently (`DispatchQueue.concurrentPerform`), each into its own `ByteBuffer`, and
/// the buffers are then written to the sink in block order. The bytes therefore do not
/// depend on the number of cores or on scheduling, provided `format` writes for a block
/// exactly what a sequential writer would write for those rows. Memory stays at one
/// window of buffers (about `window × blockRows` rows of text).
enum BlockWriter {
  /// Rows per block: large enough to amortise the dispatch, small enough to balance.
  static let blockRows = 8_192

  /// Blocks formatted per window: a few per core, so a slow block does not idle the others.
  static var window: Int { max(2, 4 * ProcessInfo.processInfo.activeProcessorCount) }

  /// Calls `format(range, buffer)` for each block of `0..<count` (in parallel) and writes the
  /// buffers to `sink` in order.
  static func write(
    count: Int, to sink: ByteSink, blockRows: Int = BlockWriter.blockRows,
    _ format: @Sendable (Range<Int>, ByteBuffer) -> Void
  ) throws(ReportError) {
    guard count > 0 else { return }
    let blocks = (count + blockRows - 1) / blockRows
    let window = BlockWriter.window
    let buffers = (0..<min(window, blocks)).map { _ in ByteBuffer(capacity: 1 << 20) }
    var first = 0
    while first < blocks {
      let n = min(window, blocks - first)
      let start = first
      DispatchQueue.concurrentPerform(iterations: n) { i in
        let b = start + i
        let buffer = buffers[i]
        buffer.removeAll()
        format(b * blockRows..<min(count, (b + 1) * blockRows), buffer)
      }
      for i in 0..<n { try sink.write(buffers[i]) }
      first += n
    }
  }
}
