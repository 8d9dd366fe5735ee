import Dispatch
import Model

/// The three JSON texts of each `enterprise` row (group scores, statuses, metrics as read),
/// encoded a chunk of rows at a time so that the next chunk is encoded on the other core
/// while SQLite inserts the current one (`Ledger.insertEnterprises`). The texts are the
/// same bytes whatever the timing: each chunk is encoded by one thread from the run's
/// immutable columns.
struct EnterpriseTextEncoder: Sendable {
  /// Rows per chunk: about 2 MB of text, two chunks alive at a time.
  static let chunkRows = 4096

  private let groupKeys: [String]
  private let groupScores: [[Double]]
  private let rank: [Int]
  private let statusPairs: [String]
  private let computed: [[RunRecord.Status]]
  private let final: [[RunRecord.Status]]
  private let position: [[Int32]]
  private let reasons: [[Int32]]
  private let reasonID: [Int64]
  private let levels: [[String]]
  private let kind: [UInt8]  // 0 number, 1 category, 2 bool, 3 text
  private let slot: [Int]
  private let numbers: [[Double]]
  private let missing: [[Bool]]
  private let categories: [[Int32]]
  private let bools: [[Bool?]]
  private let texts: [StringColumn]
  /// Piece indices in every chunk's buffer: group keys, then the 9 status pairs, then each
  /// category column's levels.
  private let pairBase: Int
  private let levelBase: [Int]

  init(_ r: RunRecord, reasonID: [Int64]) {
    groupKeys = r.groups.map { JSONEscape.quoted($0.key) + ":" }
    groupScores = r.groups.map(\.scores)
    rank = r.rank
    let codes = [RunRecord.Status.excluded, .selected, .reserve].map(\.code)
    statusPairs = (0..<9).map { "[\"\(codes[$0 / 3])\",\"\(codes[$0 % 3])\"," }
    computed = r.programmes.map(\.computed)
    final = r.programmes.map(\.final)
    position = r.programmes.map(\.position)
    reasons = r.programmes.map(\.reason)
    self.reasonID = reasonID
    var kind: [UInt8] = [], slot: [Int] = [], levels: [[String]] = []
    var numbers: [[Double]] = [], missing: [[Bool]] = [], categories: [[Int32]] = [], bools: [[Bool?]] = []
    var texts: [StringColumn] = []
    // Every column hoisted out of its enum and struct once, so that the row loop reads
    // plain arrays (no per-cell copy of a payload).
    for m in r.metrics {
      switch m.column {
      case .numeric(let c):
        kind.append(0)
        slot.append(numbers.count)
        numbers.append(c.values)
        missing.append(c.missing)
        levels.append([])
      case .category(let c):
        kind.append(1)
        slot.append(categories.count)
        categories.append(c.codes)
        levels.append(c.levels.map { JSONEscape.quoted($0) })
      case .bool(let b):
        kind.append(2)
        slot.append(bools.count)
        bools.append(b)
        levels.append([])
      case .text(let t):
        kind.append(3)
        slot.append(texts.count)
        texts.append(StringColumn(t))
        levels.append([])
      }
    }
    (self.kind, self.slot, self.levels) = (kind, slot, levels)
    (self.numbers, self.missing, self.categories, self.bools, self.texts) = (numbers, missing, categories, bools, texts)
    pairBase = groupKeys.count
    var next = pairBase + 9
    levelBase = levels.map { l in
      defer { next += l.count }
      return next
    }
  }

  /// The fixed texts, stored in `buffer` in the order of the piece indices above.
  func addPieces(_ buffer: inout RowBuffer) {
    for text in groupKeys + statusPairs + levels.joined() { _ = buffer.addPiece(text) }
  }

  /// Encodes `rows` into `chunk`: per row its group scores (ranked rows only), statuses
  /// and metrics, one after another, with their ends in `chunk.ends`.
  func encode(_ rows: Range<Int>, into chunk: EnterpriseTextChunk) {
    chunk.buffer.reset()
    chunk.ends.removeAll(keepingCapacity: true)
    for row in rows {
      if rank[row] > 0 {
        chunk.buffer.append(UInt8(ascii: "{"))
        for k in 0..<groupKeys.count {
          if k > 0 { chunk.buffer.append(UInt8(ascii: ",")) }
          chunk.buffer.append(piece: k)
          chunk.buffer.shortest(groupScores[k][row])
        }
        chunk.buffer.append(UInt8(ascii: "}"))
      }
      chunk.ends.append(chunk.buffer.count)
      // [[computed, final, position|null, reason|null], …] in programme order.
      chunk.buffer.append(UInt8(ascii: "["))
      for k in 0..<computed.count {
        if k > 0 { chunk.buffer.append(UInt8(ascii: ",")) }
        chunk.buffer.append(piece: pairBase + Int(computed[k][row].rawValue) * 3 + Int(final[k][row].rawValue))
        let at = Int(position[k][row])
        chunk.buffer.integer(at > 0 ? at : nil)
        chunk.buffer.append(UInt8(ascii: ","))
        let reason = Int(reasons[k][row])
        chunk.buffer.integer(reason >= 0 ? Int(reasonID[reason]) : nil)
        chunk.buffer.append(UInt8(ascii: "]"))
      }
      chunk.buffer.append(UInt8(ascii: "]"))
      chunk.ends.append(chunk.buffer.count)
      if !kind.isEmpty { metrics(row, into: &chunk.buffer) }
      chunk.ends.append(chunk.buffer.count)
    }
  }

  /// The row's metrics as read: a JSON array in the run's metric order.
  private func metrics(_ row: Int, into buffer: inout RowBuffer) {
    buffer.append(UInt8(ascii: "["))
    for k in 0..<kind.count {
      if k > 0 { buffer.append(UInt8(ascii: ",")) }
      let i = slot[k]
      switch kind[k] {
      case 0:
        if missing[i][row] { buffer.append("null") } else { buffer.number(numbers[i][row]) }
      case 1:
        let code = Int(categories[i][row])
        if code < 0 { buffer.append("null") } else { buffer.append(piece: levelBase[k] + code) }
      case 2:
        switch bools[i][row] {
        case true?: buffer.append("true")
        case false?: buffer.append("false")
        case nil: buffer.append("null")
        }
      default:
        if texts[i].packed.isMissing(row) { buffer.append("null") } else { texts[i].withUTF8(row) { buffer.quoted($0) } }
      }
    }
    buffer.append(UInt8(ascii: "]"))
  }
}

/// One chunk's texts: `buffer` holds each row's group scores, statuses and metrics in
/// turn, `ends[3k…3k+2]` where they end for the chunk's k-th row. Written by one thread,
/// then read by another once the writer has finished (`Ledger.insertEnterprises` waits).
final class EnterpriseTextChunk: @unchecked Sendable {
  var buffer = RowBuffer(capacity: 1 << 20)
  var ends: [Int] = []

  init(_ encoder: EnterpriseTextEncoder) {
    encoder.addPieces(&buffer)
    ends.reserveCapacity(3 * EnterpriseTextEncoder.chunkRows)
  }

  /// The bytes `from..<to` of the buffer.
  func slice(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: buffer.base + from, count: to - from)
  }
}
