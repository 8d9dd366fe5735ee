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
  /// Input bytes seen so far (file offsets).
  private var bytesIn = 0
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
  }

  deinit {
    state.pointee.free()
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
      let estimate = Double(expected) / Double(max(1, bytesIn)) * Double(state.pointee.rowCount) * 1.05
      state.pointee.reserve(Int(min(estimate, 1e9)) + 16)
    }
  }

  /// Ends the input and returns the result.
  func finish(source: String) -> IngestResult {
    if !decided { decide() }
    if !state.pointee.stop, let gb, let error = gb.finish(offset: bytesIn) {
      state.pointee.fatal(error, line: feeder.positionLine, column: state.pointee.columnName(state.pointee.fieldIndex))
    }
    if !state.pointee.stop { feeder.finish() }
    state.pointee.reportDuplicates()
    let s = state
    var log = s.pointee.log
    if !s.pointee.stop {
      if !s.pointee.headerDone && s.pointee.fieldIndex == 0 {
        log.append(Diagnostic(file: source, line: 0, message: IngestError.emptyFile.description))
      } else if s.pointee.headerDone && s.pointee.rowCount == 0 && !log.hasErrors {
        log.append(Diagnostic(file: source, line: s.pointee.headerLine, message: IngestError.noDataRows.description))
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
