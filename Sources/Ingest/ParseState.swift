import Model

/// Everything the libcsv callbacks read and write, kept in one struct behind an
/// `UnsafeMutablePointer` (measured ~25% faster than a class context, see docs/platform.md).
/// `~Copyable`: it owns the builders and the duplicate-check buffers (freed with it) and
/// the buffers below, which `deinit` frees.
///
/// Line accounting: `line` is the physical line where the field being read starts.
/// The row callback adds 1 for a row ended by an LF (`CSV_REPALL_NL` also reports
/// blank lines as rows of no fields); the field callback adds the field's own LFs
/// (quoted fields may span lines) after reading it. A byte at offset `k` of the
/// current field is on line `line + (LFs in the field's first k bytes)`.
struct ParseState: ~Copyable {
  let file: String
  let specs: [ColumnSpec]
  let idColumn: String
  let maxFieldBytes: Int
  /// The most header fields accepted (`IngestOptions.maxHeaderFields`): the header is kept
  /// whole, so its memory is bounded by this × `maxFieldBytes`.
  let maxColumns: Int
  /// The most bytes of header fields accepted (`IngestOptions.maxHeaderBytes`).
  let maxHeaderBytes: Int
  /// Bytes of header fields read so far.
  var headerBytes = 0
  var log: DiagnosticLog

  var line = 1
  /// Fields seen so far in the current record.
  var fieldIndex = 0
  var rowStartLine = 1
  /// True until a non-empty field is seen in the current record.
  var rowAllEmpty = true
  /// Empty cells of `reject` columns seen while the row was still all empty: (field, line).
  var pendingEmpty: [(Int, Int)] = []
  /// Hash of the current row's id (set when the id cell is valid), for `IDSet`.
  var rowIDHash: UInt64?
  /// A fatal problem (wrong encoding, runaway field): stop reading.
  var stop = false

  // Header.
  var headerDone = false
  var headerLine = 1
  var headerFields: [[UInt8]] = []
  /// The header's fields as read (kept so runs for later parts can build the same plan).
  var rawHeader: [[UInt8]] = []
  /// Field position → how to read it (only valid once `headerDone`).
  var kinds: [FieldKind] = [] {
    didSet {
      plan.deallocate()
      plan = .allocate(capacity: max(1, kinds.count))
      plan.initialize(from: kinds, count: kinds.count)
      planCount = kinds.count
    }
  }
  /// `kinds` in a plain buffer: reading an array element in the callback costs a
  /// retain and a release of the array (measured: ~10% of the ingest time).
  var plan = UnsafeMutablePointer<FieldKind>.allocate(capacity: 1)
  var planCount = 0
  /// Field position → header as written (trimmed), for messages.
  var headers: [String] = []
  var matched: [String: String] = [:]
  /// Field position of the id column.
  var idField: Int?
  var unknownHeaders: [String] = []

  // Data.
  var builders: Builders
  var rowCount = 0
  var lines: [Int] = []
  /// Per data row: the tag of its id's `idHash` (0 = none); see `reportDuplicates`.
  var idHashes = GrowBuffer<UInt32>()
  /// Log positions at row ends, recorded when the log grew: row, diagnostics count.
  var markRows = GrowBuffer<Int>()
  var markCounts = GrowBuffer<Int>()
  var lastMarkCount = -1
  /// USCC character values (−1 = not allowed) and weights, copied here so the hot
  /// path does not go through lazily initialised globals.
  let usccValue: UnsafeMutablePointer<Int8>
  let usccWeights: UnsafeMutablePointer<Int>
  var skippedRows = 0
  /// Markers, lenient columns and the errors summarised (error path only).
  var slips = SlipTally()
  /// The first invalid UTF-8 (line, byte) and whether a GB18030 sequence was invalid:
  /// what encoding detection decides on.
  var invalidUTF8: (line: Int, byte: UInt8)?
  var invalidGB18030 = false
  /// The first UTF-8 BOM was stripped.
  var sawBOM = false
  /// Threads the duplicate-id check may sort with, and the columns be taken on at the
  /// end (set by parallel reads).
  var sortThreads = 1

  init(file: String, specs: [ColumnSpec], idColumn: String, options: IngestOptions) {
    self.file = file
    self.specs = specs
    self.idColumn = idColumn
    self.maxFieldBytes = options.maxFieldBytes
    maxColumns = options.maxHeaderFields
    maxHeaderBytes = options.maxHeaderBytes
    self.log = DiagnosticLog(cap: options.errorCap)
    self.builders = Builders(columns: specs.count)
    usccValue = .allocate(capacity: 256)
    usccValue.initialize(repeating: -1, count: 256)
    for (i, c) in USCC.alphabet.enumerated() { usccValue[Int(c)] = Int8(i) }
    usccWeights = .allocate(capacity: 17)
    for (i, w) in USCC.weights.prefix(17).enumerated() { (usccWeights + i).initialize(to: w) }
  }

  /// Header name of field `index` (nil past the header or before it is read).
  func columnName(_ index: Int) -> String? {
    headerDone && index < headers.count ? headers[index] : nil
  }

  mutating func report(_ error: IngestError, line: Int, column: String?) {
    switch error {
    case .invalidUTF8(let b, _) where invalidUTF8 == nil: invalidUTF8 = (line, b)
    case .invalidGB18030, .truncatedGB18030: invalidGB18030 = true
    default: break
    }
    var d = Diagnostic(error.severity, file: file, line: line, column: column, message: error.message)
    d.kind = error.repeatKind
    log.append(d)
  }

  /// Reports a problem that makes the rest of the file meaningless and stops reading.
  mutating func fatal(_ error: IngestError, line: Int, column: String?) {
    report(error, line: line, column: column)
    stop = true
  }

  mutating func reserve(_ rows: Int) {
    lines.reserveCapacity(rows)
    builders.reserve(rows)
    idHashes.reserve(rows)
  }

  /// Moves the finished table out (call once, only when there are no errors).
  mutating func takeTable() -> Table {
    freeDuplicateCheck()  // no longer needed: free it before the columns are handed over
    var columns: [String: Column] = [:]
    let taken = builders.takeAll(plan: plan, count: planCount, threads: rowCount >= 1 << 16 ? sortThreads : 1)
    for (i, kind) in kinds.enumerated() where kind.code != .ignore {
      if let key = keyOf[i], let c = taken[i] { columns[key] = c }
    }
    let rowLines = lines
    lines = []
    return Table(source: file, rowCount: rowCount, lines: rowLines, columns: columns, headerFound: matched)
  }

  deinit {
    usccValue.deallocate()
    usccWeights.deallocate()
    plan.deallocate()
  }

  /// Field position → column key, for matched fields.
  var keyOf: [Int: String] = [:]
}

/// Counts LF bytes in `n` bytes at `p`, eight at a time: for a word `w` = bytes XOR
/// 0x0A…, a byte is zero (an LF) exactly when bit 7 of `((w & 0x7F…) + 0x7F…) | w` is
/// clear (no carries cross bytes; Hacker's Delight §6-1, the exact "zero byte" test).
@inline(__always)
func countLFShort(_ p: UnsafeRawPointer, _ n: Int) -> Int {
  var count = 0
  var i = 0
  let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  while i + 8 <= n {
    let w = p.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
    let t = ((w & low7) &+ low7) | w
    count += (~t & 0x8080_8080_8080_8080).nonzeroBitCount
    i += 8
  }
  while i < n {
    if p.load(fromByteOffset: i, as: UInt8.self) == 0x0A { count += 1 }
    i += 1
  }
  return count
}

/// Counts LF bytes in `n` bytes at `p`.
@inline(__always)
func countLF(_ p: UnsafeRawPointer?, _ n: Int) -> Int {
  guard let p, n > 0 else { return 0 }
  var count = 0
  var cur = p
  var left = n
  while left > 0, let hit = memchr(cur, 0x0A, left) {
    count += 1
    let advance = UnsafeRawPointer(hit) - cur + 1
    cur += advance
    left -= advance
  }
  return count
}

import Glibc
