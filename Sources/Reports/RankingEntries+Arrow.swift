import Foundation
import Model
import Scoring

/// enterprises.arrow, the per-enterprise table of the Arrow layout (`run --layout arrow`,
/// docs/outputs.md): the columns of enterprises.csv (`tableColumns`) with the same values,
/// as an Arrow IPC file (`ArrowIPC`) that pandas (`read_feather`), polars (`read_ipc`) and
/// other Arrow readers load without parsing a digit.
///
/// Types: `id`, `label`, `imputed`, `unmet` UTF-8 text; `rank`, `competition_rank`, `stars`,
/// `next_stars` 32-bit integers; the rest doubles. The CSV's empty cells are nulls, except
/// `imputed`, which is empty text when nothing was imputed (as `unmet` is when a star gap
/// has no unmet requirement). Contributions are the numbers the CSV and results.json write,
/// rounded to 9 decimals (`NumberBytes.shareValue`); every other double is the computed one.
/// Rows in the order of the metrics file (one per ranked enterprise; sort by `rank` for the
/// ranking's order): the row values are then read in the order they are stored, where rank
/// order reads every value of a row from a different place in memory (about 10 ns per value
/// on the reference machine, a third of a second per writer at a million rows). The table
/// lines up with the metrics file read into the same program, and in batches of
/// `arrowBatchRows`.
extension RankingEntries {
  /// The file name of the table, inside the output folder.
  static let arrowFile = "enterprises.arrow"
  /// Rows per record batch: a batch's body is a few MiB, and the batches are formatted on
  /// every core through `BlockWriter`'s ring (the bytes do not depend on the thread count).
  static let arrowBatchRows = 4096

  /// Writes the table of `m`'s ranking to `path`, its batches formatted on every core.
  static func writeArrow(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    let fields = tableColumns(criteria: m.spec.criteria.map(\.key), groups: m.groupKeys)
    let head = ArrowIPC.head(fields)
    try sink.write(bytes: head)
    let entries = RankingEntries(m)
    let order = inputOrder(m.evaluation)
    // Each batch's metadata and body lengths, set by the worker that formats it.
    let lengths = ResultSlots<(metadata: Int, body: Int)>(count: (order.count + arrowBatchRows - 1) / arrowBatchRows)
    // A batch's metadata has the same length for every batch of the schema (fixed-width
    // fields only): the body is built in place after room for it, then the metadata written in.
    let reserved = ArrowIPC.batchMetadataLength(fields)
    // Twelve buffers in the ring rather than two per core: a batch is formatted faster than
    // a CSV block and the writer's `write(2)` and write-back starts stalled a ring of four
    // (1M rows, six alternating runs: median 1.84 s with four, 1.73 s with twelve; a dozen
    // batches of about 1.2 MiB).
    try BlockWriter.write(count: order.count, to: sink, blockRows: arrowBatchRows, workers: m.formatThreads, slots: 12) { range, buffer in
      buffer.append([UInt8](repeating: 0, count: reserved))
      var batch = ArrowBatch(rows: range.count, body: buffer)
      entries.writeArrowColumns(order, range, &batch)
      let metadata = ArrowIPC.batchMetadata(rows: batch.rows, nodes: batch.nodes, buffers: batch.buffers, bodyLength: batch.bodyLength)
      precondition(metadata.count == reserved, "a batch's metadata has the schema's length")
      buffer.overwrite(at: 0, with: metadata)
      lengths.set(range.lowerBound / arrowBatchRows, (reserved, batch.bodyLength))
    }
    var blocks: [ArrowIPC.Block] = []
    var offset = head.count
    for b in 0..<lengths.count {
      guard let (metadata, body) = lengths.get(b) else { preconditionFailure("BlockWriter.write formats every batch") }
      blocks.append(.init(offset: offset, metadataLength: metadata, bodyLength: body))
      offset += metadata + body
    }
    try sink.write(bytes: ArrowIPC.tail(fields, blocks: blocks))
    try sink.close()
  }

  /// The ranked rows in the order of the metrics file.
  static func inputOrder(_ ev: Evaluation) -> [Int] {
    if ev.order.count == ev.rank.count { return Array(0..<ev.rank.count) }
    return ev.rank.indices.filter { ev.rank[$0] > 0 }
  }

  /// The columns of rows `order[range]`, in `tableColumns` order (`block`): contributions
  /// rounded as the text writes them (`NumberBytes.shareValue`), null where the table has no
  /// value.
  func writeArrowColumns(_ order: [Int], _ range: Range<Int>, _ batch: inout ArrowBatch) {
    let b = block(order, range)
    let text = tableTexts(b)
    for text in [b.texts.0, b.texts.1] {
      text.bytes.withUnsafeBytes { bytes in text.ends.withUnsafeBufferPointer { batch.utf8(bytes: bytes, ends: $0) } }
    }
    NumberBytes.shareValues(b.numbers.mutableSlice(TableBlock.firstShare * b.rows, b.criteria * b.rows))
    batch.int32(b.integer(0))
    batch.int32(b.integer(1))
    batch.float64(b.number(TableBlock.score))
    batch.float64(b.number(TableBlock.raw))
    batch.int32(b.integer(2))
    for c in TableBlock.firstShare..<b.pointsShort { batch.float64(b.number(c)) }
    batch.utf8(bytes: text.imputed.bytes.bytes, ends: text.imputed.ends.slice(0, b.rows))
    batch.int32(b.integer(3), valid: b.hasGap.slice(0, b.rows))
    batch.float64(b.number(b.pointsShort))
    batch.utf8(bytes: text.unmet.bytes.bytes, ends: text.unmet.ends.slice(0, b.rows)) { b.hasGap[$0] }
    batch.float64(b.number(b.reward))
  }
}
