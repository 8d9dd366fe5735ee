import Foundation

/// Formats a long run of rows on every core and writes the bytes in row order, through a
/// bounded pipeline whose memory does not grow with the row count.
///
/// Rows `0..<count` are cut into blocks of `blockRows` (or of about `blockBytes` of text,
/// measured on the first rows). Block `b` is formatted into slot
/// `b mod slots` of a small ring of `ByteBuffer`s that is allocated once and reused for the
/// whole file (no fresh pages per block). `workers` threads take blocks in increasing order;
/// a worker formats block `b` only after the calling thread has written block `b − slots`
/// out of the same slot. The calling thread writes the blocks to the sink strictly in block
/// order, overlapping the `write(2)` of one block with the formatting of the next ones.
///
/// The bytes therefore do not depend on the number of workers, the ring size or scheduling,
/// provided `format` writes for a block exactly what a sequential writer would write for
/// those rows (tested against one sequential writer in ReportsTests/BlockWriterTests).
/// Memory: `slots` buffers, each as large as the largest block's text.
enum BlockWriter {
  /// Text per block when the block size is measured: large enough to amortise the locking
  /// and the `write(2)`, small enough that the ring stays a few MiB.
  static let blockBytes = 768 << 10

  /// Rows formatted first, on the calling thread, to measure the text per row.
  static let probeRows = 64

  /// Formatting threads: one per core.
  static var workers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// Calls `format(range, buffer)` for each block of `0..<count` (on `workers` threads)
  /// and writes the buffers to `sink` in order.
  /// - Parameters:
  ///   - blockRows: rows per block (≥ 1). When nil, the first `probeRows` rows are formatted
  ///     and written on the calling thread, and the rest go in blocks of about `blockBytes`
  ///     of text at the probe's bytes per row (the split does not change the bytes).
  ///   - workers: formatting threads (≥ 1); the output does not depend on it.
  ///   - slots: buffers in the ring (≥ 1; default two per worker, so a worker rarely waits
  ///     for the writer and the writer rarely waits for a block).
  /// - Throws: the sink's error; the workers stop at their next block.
  static func write(
    count: Int, to sink: ByteSink, blockRows: Int? = nil, workers: Int = BlockWriter.workers,
    slots: Int? = nil, _ format: @escaping @Sendable (Range<Int>, ByteBuffer) -> Void
  ) throws(ReportError) {
    guard count > 0 else { return }
    var first = 0
    var rows = max(1, blockRows ?? 1)
    if blockRows == nil {
      let probe = ByteBuffer(capacity: 1 << 16)
      first = min(count, probeRows)
      format(0..<first, probe)
      try sink.write(probe)
      rows = max(64, min(16_384, blockBytes * first / max(1, probe.count)))
    }
    try pipeline(rows: first..<count, blockRows: rows, to: sink, workers: workers, slots: slots, format)
  }

  /// Blocks of `blockRows` rows from `rows.lowerBound`, through the ring.
  private static func pipeline(
    rows: Range<Int>, blockRows: Int, to sink: ByteSink, workers: Int, slots: Int?,
    _ format: @escaping @Sendable (Range<Int>, ByteBuffer) -> Void
  ) throws(ReportError) {
    guard !rows.isEmpty else { return }
    let start = rows.lowerBound
    let end = rows.upperBound
    let blocks = (rows.count + blockRows - 1) / blockRows
    let threads = max(1, min(workers, blocks))
    let ring = BlockRing(blocks: blocks, slots: max(1, min(slots ?? 2 * threads, blocks)))
    let done = DispatchGroup()
    for _ in 0..<threads {
      DispatchQueue.global(qos: .userInitiated).async(group: done) {
        while let (b, buffer) = ring.nextBlock() {
          buffer.removeAll()
          format(start + b * blockRows..<min(end, start + (b + 1) * blockRows), buffer)
          ring.formatted(b)
        }
      }
    }
    var failure: ReportError?
    for b in 0..<blocks {
      let buffer = ring.waitFormatted(b)
      do throws(ReportError) {
        try sink.write(buffer)
      } catch {
        failure = error
        break
      }
      ring.written(b)
    }
    if failure != nil { ring.cancel() }
    done.wait()
    if let failure { throw failure }
  }
}

/// The shared state of one `BlockWriter.write`: which block is next to format, which are
/// formatted, which slots are free. One lock and one condition guard it all; a block is
/// about 1 MiB of text, so the lock is taken a few times per millisecond at most.
private final class BlockRing: @unchecked Sendable {
  private let condition = NSCondition()
  private let blocks: Int
  private let buffers: [ByteBuffer]
  /// Next block a worker takes.
  private var next = 0
  /// Blocks written by the writer so far (blocks `0..<written`).
  private var writtenCount = 0
  /// Formatted flag per slot: the block in the slot is ready to write.
  private var ready: [Bool]
  private var cancelled = false

  init(blocks: Int, slots: Int) {
    self.blocks = blocks
    buffers = (0..<slots).map { _ in ByteBuffer(capacity: 1 << 20) }
    ready = [Bool](repeating: false, count: slots)
  }

  /// The next block to format and its slot's buffer, once that slot has been written out;
  /// nil when every block is taken or the write was cancelled.
  func nextBlock() -> (Int, ByteBuffer)? {
    condition.lock()
    defer { condition.unlock() }
    guard next < blocks, !cancelled else { return nil }
    let b = next
    next += 1
    while b - writtenCount >= buffers.count && !cancelled { condition.wait() }
    return cancelled ? nil : (b, buffers[b % buffers.count])
  }

  func formatted(_ b: Int) {
    condition.lock()
    ready[b % buffers.count] = true
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until block `b` is formatted and returns its buffer.
  func waitFormatted(_ b: Int) -> ByteBuffer {
    condition.lock()
    defer { condition.unlock() }
    while !ready[b % buffers.count] { condition.wait() }
    return buffers[b % buffers.count]
  }

  /// Frees block `b`'s slot for block `b + slots`.
  func written(_ b: Int) {
    condition.lock()
    ready[b % buffers.count] = false
    writtenCount = b + 1
    condition.broadcast()
    condition.unlock()
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}
