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
    let sink = try ByteSink(path: path)
    let fields = tableColumns(criteria: m.spec.criteria.map(\.key), groups: m.groupKeys)
    let head = ArrowIPC.head(fields)
    try sink.write(bytes: head)
    let entries = RankingEntries(m)
    let criteria = m.spec.criteria.map(\.key), groups = m.groupKeys.count
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
      entries.writeArrowColumns(order, range, criteria: criteria, groups: groups, &batch)
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

  /// The columns of rows `order[range]`, in `tableColumns` order: one contribution per key of
  /// `criteria` and `groups` group scores (null where the ranking has none).
  func writeArrowColumns(_ order: [Int], _ range: Range<Int>, criteria: [String], groups: Int, _ batch: inout ArrowBatch) {
    let rows = range.count
    let n = criteria.count
    // Column-major: rank, competition rank, stars, next stars; then score, raw, contributions,
    // groups, points short, reward. Written through pointers in the row loop.
    let ints = Scratch<Int32>(4 * rows, 0), numbers = Scratch<Double>((4 + n + groups) * rows, .nan)
    let imputedEnds = Scratch<Int>(rows, 0), unmetEnds = Scratch<Int>(rows, 0), hasGap = Scratch<Bool>(rows, false)
    let imputed = ByteBuffer(capacity: 64), unmet = ByteBuffer(capacity: 64)
    var texts: (GatheredText, GatheredText)?
    forEachRow(order, range) { _, v, scratch, cells, flags, gathered, k in
      if k == 0 { texts = gathered }
      ints[k] = Int32(v.rank)
      ints[rows + k] = Int32(v.competitionRank)
      ints[2 * rows + k] = Int32(v.stars)
      numbers[k] = v.score
      numbers[rows + k] = v.raw
      shares(v, cells, into: scratch)
      for j in 0..<min(n, scratch.count) { numbers[(2 + j) * rows + k] = NumberBytes.shareValue(scratch[j]) }
      for g in 0..<min(groups, groupColumns.count) { numbers[(2 + n + g) * rows + k] = cells[scratch.count + g] }
      var first = true
      for j in 0..<min(n, flags.count) where flags[j] {
        if !first { imputed.append(UInt8(ascii: ";")) }
        imputed.append(criteria[j])
        first = false
      }
      imputedEnds[k] = imputed.count
      if let gap = v.starGap {
        hasGap[k] = true
        ints[3 * rows + k] = Int32(gap.nextStars)
        numbers[(2 + n + groups) * rows + k] = gap.pointsShort
        for (i, u) in gap.unmetRequirements.enumerated() {
          if i > 0 { unmet.append(" | " as StaticString) }
          unmet.append(u)
        }
      }
      unmetEnds[k] = unmet.count
      if v.reward > 0 { numbers[(3 + n + groups) * rows + k] = v.reward }
    }
    guard let texts else { return }
    for text in [texts.0, texts.1] {
      text.bytes.withUnsafeBytes { bytes in text.ends.withUnsafeBufferPointer { batch.utf8(bytes: bytes, ends: $0) } }
    }
    func column(_ c: Int) { batch.float64(numbers.slice(c * rows, rows)) }
    func integers(_ c: Int, valid: UnsafeBufferPointer<Bool>? = nil) { batch.int32(ints.slice(c * rows, rows), valid: valid) }
    integers(0)
    integers(1)
    column(0)
    column(1)
    integers(2)
    for c in 2..<(2 + n + groups) { column(c) }
    batch.utf8(bytes: imputed.bytes, ends: imputedEnds.slice(0, rows))
    integers(3, valid: hasGap.slice(0, rows))
    column(2 + n + groups)
    batch.utf8(bytes: unmet.bytes, ends: unmetEnds.slice(0, rows)) { hasGap[$0] }
    column(3 + n + groups)
  }
}

/// A block-local array written through its pointer (no copy-on-write check per element in a
/// row loop), freed with the block.
private final class Scratch<T> {
  private let p: UnsafeMutableBufferPointer<T>
  init(_ count: Int, _ value: T) {
    p = .allocate(capacity: count)
    p.initialize(repeating: value)
  }
  deinit {
    _ = p.deinitialize()
    p.deallocate()
  }
  subscript(i: Int) -> T {
    get { p[i] }
    set { p[i] = newValue }
  }
  /// Elements `start..<start + count`.
  func slice(_ start: Int, _ count: Int) -> UnsafeBufferPointer<T> { UnsafeBufferPointer(rebasing: p[start..<(start + count)]) }
}
