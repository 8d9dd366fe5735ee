import Model

/// One ingest in progress: BOM detection → decoder → libcsv feeder → typed columns.
///
/// Bytes arrive in chunks of any size (even 1 byte); nothing depends on where the
/// chunks are cut. Owns the `ParseState` the C callbacks write into.
final class IngestRun {
  private let state: UnsafeMutablePointer<ParseState>
  private let feeder: CSVFeeder
  private let declared: InputEncoding
  private let chunkSize: Int
  /// Input bytes seen so far (file offsets: a part starts at its first byte's offset).
  private(set) var bytesIn = 0
  /// Where this run started reading (0, or a part's start).
  private let startOffset: Int
  /// Total input size when known, to reserve column capacity once.
  private let expectedBytes: Int?
  private var reserved = false
  /// The first bytes, held until we know whether they are a UTF-8 BOM.
  private var head: [UInt8] = []
  private var decided = false
  private var used: InputEncoding
  private var gb: GB18030Decoder?

  init(file: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions, expectedBytes: Int?) {
    state = .allocate(capacity: 1)
    state.initialize(to: ParseState(file: file, specs: columns, idColumn: idColumn, options: options))
    feeder = CSVFeeder(state: state)
    declared = options.encoding
    used = options.encoding
    chunkSize = max(1, options.chunkSize)
    self.expectedBytes = expectedBytes
    startOffset = 0
  }

  /// A run for a later part of the input (bytes `range`), in the state reading would be
  /// in just after a record ended: the header of `template` already read (its problems are
  /// the first part's to report), the encoding decided, lines counted from 1 (the caller
  /// adds the lines before the part when it appends this run, see `absorb`).
  init(continuing template: HeaderTemplate, file: String, columns: [ColumnSpec], idColumn: String,
       options: IngestOptions, range: Range<Int>) {
    state = .allocate(capacity: 1)
    state.initialize(to: ParseState(file: file, specs: columns, idColumn: idColumn, options: options))
    state.pointee.headerFields = template.fields
    state.pointee.finishHeader()
    state.pointee.log = DiagnosticLog(cap: options.errorCap)
    feeder = CSVFeeder(state: state)
    declared = options.encoding
    used = template.encoding
    chunkSize = max(1, options.chunkSize)
    expectedBytes = range.count
    startOffset = range.lowerBound
    bytesIn = range.lowerBound
    decided = true
    if used == .gb18030 {
      gb = GB18030Decoder(chunkSize: chunkSize)
      if gb == nil { state.pointee.fatal(.cannotRead(reason: "iconv has no GB18030 decoder"), line: 0, column: nil) }
    }
  }

  deinit {
    state.deinitialize(count: 1)
    state.deallocate()
  }

  var stopped: Bool { state.pointee.stop }

  /// Consumes the next `n` input bytes.
  func consume(_ p: UnsafePointer<UInt8>, _ n: Int) {
    var p = p
    var n = n
    if !decided {
      let take = min(3 - head.count, n)
      head.append(contentsOf: UnsafeBufferPointer(start: p, count: take))
      p += take
      n -= take
      bytesIn += take
      guard head.count == 3 else { return }
      decide()
    }
    guard n > 0 else { return }
    let offset = bytesIn
    bytesIn += n
    decode(p, n, offset: offset)
    if !reserved, let expected = expectedBytes, state.pointee.rowCount >= 1024 {
      reserved = true
      let estimate = Double(expected) / Double(max(1, bytesIn - startOffset)) * Double(state.pointee.rowCount) * 1.05
      state.pointee.reserve(Int(min(estimate, 1e9)) + 16)
    }
  }

  /// The header as read and the encoding in use, once the header is read without a
  /// fatal problem (what a run for a later part needs to start).
  var headerTemplate: HeaderTemplate? {
    guard decided, state.pointee.headerDone, !state.pointee.stop else { return nil }
    return HeaderTemplate(fields: state.pointee.rawHeader, encoding: used)
  }

  /// True when reading stands just after a record: a run for the next part, started
  /// fresh there, would do exactly what this run would do with the same bytes.
  ///
  /// The speculation check: no fatal stop, header read, no field or record open in
  /// libcsv (`ROW_NOT_BEGUN`, empty field buffer) nor in `ParseState`, not skipping to
  /// the end of a broken record, no partial GB18030 character carried.
  var atRowBoundary: Bool {
    guard decided, !state.pointee.stop, state.pointee.headerDone, state.pointee.fieldIndex == 0,
      state.pointee.rowAllEmpty, state.pointee.pendingEmpty.isEmpty, state.pointee.rowIDHash == nil
    else { return false }
    return feeder.atRowBoundary && !(gb?.hasCarry ?? false)
  }

  /// Appends what `part` read (the bytes right after this run's, started at a row
  /// boundary) as if this run had read them, and takes over its reading state.
  /// False (nothing changed) when appending could overflow a text column's byte limit:
  /// the caller then reads the part's bytes here instead, which reports it exactly.
  func absorb(_ part: IngestRun, threads: Int = 1) -> Bool {
    guard state.pointee.canAppend(part.state) else { return false }
    state.pointee.sortThreads = threads
    state.pointee.append(part.state, threads: threads)
    feeder.swapParser(with: part.feeder)
    gb = part.gb
    bytesIn = part.bytesIn
    return true
  }

  /// Ends the input and returns the result.
  func finish(source: String) -> IngestResult {
    if !decided { decide() }
    if !state.pointee.stop, let gb, let error = gb.finish(offset: bytesIn) {
      state.pointee.fatal(error, line: feeder.positionLine, column: state.pointee.columnName(state.pointee.fieldIndex))
    }
    if !state.pointee.stop { feeder.finish() }
    state.pointee.reportDuplicates()
    state.pointee.reportSlips()
    let s = state
    var log = s.pointee.log
    if !s.pointee.stop {
      if !s.pointee.headerDone && s.pointee.fieldIndex == 0 {
        log.append(Diagnostic(file: source, line: 1, message: IngestError.emptyFile.message))
      } else if s.pointee.headerDone && s.pointee.rowCount == 0 && !log.hasErrors {
        log.append(Diagnostic(file: source, line: s.pointee.headerLine, message: IngestError.noDataRows.message))
      }
    }
    var summary = IngestSummary()
    summary.rows = s.pointee.rowCount
    summary.bytes = bytesIn
    summary.columnsMatched = s.pointee.matched
    summary.unknownHeaders = s.pointee.unknownHeaders
    summary.skippedRows = s.pointee.skippedRows
    summary.encoding = used
    summary.hadBOM = s.pointee.sawBOM
    summary.invalidUTF8Line = s.pointee.invalidUTF8?.line
    summary.invalidUTF8Byte = s.pointee.invalidUTF8?.byte
    summary.invalidGB18030 = s.pointee.invalidGB18030
    for (i, kind) in s.pointee.kinds.enumerated() where kind.code != .ignore {
      if let key = s.pointee.keyOf[i] { summary.missingCells[key] = s.pointee.builders.missingCount(kind) }
    }
    let table = log.hasErrors || !s.pointee.headerDone ? nil : s.pointee.takeTable()
    let failure = log.hasErrors ? StageFailure(.data, diagnostics: log) : nil
    return IngestResult(table: table, log: log, failure: failure, summary: summary)
  }

  /// Strips a UTF-8 BOM (any encoding: a BOM means UTF-8) and releases the held bytes.
  private func decide() {
    decided = true
    var rest = head
    if head.count == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
      rest = []
      state.pointee.sawBOM = true
      if declared == .gb18030 { state.pointee.report(.utf8BOMInGB18030, line: 1, column: nil) }
      used = .utf8
    }
    if used == .gb18030 {
      gb = GB18030Decoder(chunkSize: chunkSize)
      if gb == nil { state.pointee.fatal(.cannotRead(reason: "iconv has no GB18030 decoder"), line: 0, column: nil) }
    }
    head = []
    if !rest.isEmpty {
      rest.withUnsafeBufferPointer { b in if let base = b.baseAddress { decode(base, b.count, offset: 0) } }
    }
  }

  private func decode(_ p: UnsafePointer<UInt8>, _ n: Int, offset: Int) {
    guard !state.pointee.stop else { return }
    guard let gb else { return feeder.feed(p, n) }
    let error = gb.decode(p, n, offset: offset) { out, count in
      if !state.pointee.stop { feeder.feed(out, count) }
    }
    if let error, !state.pointee.stop {
      state.pointee.fatal(error, line: feeder.positionLine, column: state.pointee.columnName(state.pointee.fieldIndex))
    }
  }
}
