/// The body of one Arrow record batch (`ArrowIPC`), built column by column in schema order
/// at the end of a `ByteBuffer` (after what it already holds): each column's node (rows,
/// nulls) and buffers (offset in the body, length), every buffer starting at a multiple of
/// 8 bytes from the body's start. A column without nulls in the batch gets an empty validity
/// buffer, as the format allows.
struct ArrowBatch {
  let rows: Int
  private(set) var nodes: [(length: Int, nulls: Int)] = []
  private(set) var buffers: [(offset: Int, length: Int)] = []
  /// The buffer the body is appended to, and where in it the body starts.
  private let out: ByteBuffer
  private let start: Int

  init(rows: Int, body: ByteBuffer) {
    self.rows = rows
    out = body
    start = body.count
  }

  /// The body's length so far (a multiple of 8).
  var bodyLength: Int { out.count - start }

  private mutating func buffer(_ bytes: UnsafeRawBufferPointer) {
    buffers.append((bodyLength, bytes.count))
    out.append(bytes)
    let padding = (8 - bodyLength % 8) % 8
    for _ in 0..<padding { out.append(UInt8(0)) }
  }

  /// The node and validity buffer of a column with `nulls` nulls, whose row `k` is valid when `valid(k)`.
  private mutating func validity(nulls: Int, _ valid: (Int) -> Bool) {
    nodes.append((rows, nulls))
    guard nulls > 0 else { return buffers.append((bodyLength, 0)) }
    var bits = [UInt8](repeating: 0, count: (rows + 7) / 8)
    for k in 0..<rows where valid(k) { bits[k >> 3] |= 1 << UInt8(k & 7) }
    bits.withUnsafeBytes { buffer($0) }
  }

  /// A float64 column; a value that is not finite (NaN, ±∞) is null (and stored as 0).
  mutating func float64(_ values: UnsafeBufferPointer<Double>) {
    precondition(values.count == rows, "one value per row")
    var nulls = 0
    for v in values where !v.isFinite { nulls += 1 }
    validity(nulls: nulls) { values[$0].isFinite }
    if nulls == 0 { return buffer(UnsafeRawBufferPointer(values)) }
    values.map { $0.isFinite ? $0 : 0 }.withUnsafeBytes { buffer($0) }
  }

  /// An int32 column; row `k` is null where `valid[k]` is false (when `valid` is given).
  mutating func int32(_ values: UnsafeBufferPointer<Int32>, valid: UnsafeBufferPointer<Bool>? = nil) {
    precondition(values.count == rows && (valid?.count ?? rows) == rows, "one value per row")
    validity(nulls: valid.map { v in v.reduce(0) { $0 + ($1 ? 0 : 1) } } ?? 0) { valid?[$0] ?? true }
    buffer(UnsafeRawBufferPointer(values))
  }

  /// A UTF-8 column: value `k` is `bytes[ends[k − 1]..<ends[k]]` (from 0 for k = 0), null
  /// where `valid` says false (its bytes are then empty).
  mutating func utf8(bytes: UnsafeRawBufferPointer, ends: UnsafeBufferPointer<Int>, valid: ((Int) -> Bool)? = nil) {
    precondition(ends.count == rows, "one value per row")
    let total = ends.last ?? 0
    precondition(total <= Int(Int32.max), "text of one batch fits 32-bit offsets")
    let nulls = valid.map { v in (0..<rows).reduce(0) { $0 + (v($1) ? 0 : 1) } } ?? 0
    validity(nulls: nulls) { valid?($0) ?? true }
    var offsets = [Int32](repeating: 0, count: rows + 1)
    for k in 0..<rows { offsets[k + 1] = Int32(ends[k]) }
    offsets.withUnsafeBytes { buffer($0) }
    buffer(UnsafeRawBufferPointer(rebasing: bytes[0..<total]))
  }
}
