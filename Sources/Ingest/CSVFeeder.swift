import CLibCSV
import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Owns the libcsv parser and hands it UTF-8 bytes a whole chunk at a time.
///
/// Options: `CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL |
/// CSV_REPALL_NL`, with libcsv's built-in space handling: spaces and tabs around an
/// unquoted field, and between a quote and the comma, are dropped; inside quotes they
/// are kept. (A custom space function costs a C call per byte — 7% of the ingest time,
/// measured.) The corresponding C functions are `csv_init`, `csv_parse`, `csv_fini`, `csv_free`.
///
/// Line accounting without a newline scan per line: with `CSV_REPALL_NL` every LF
/// outside quotes reaches the row callback (blank lines and the LF of CR LF as rows of
/// no fields), and every LF inside quotes is in some field's bytes. So the callbacks
/// keep `ParseState.line` = the line where the next field starts: +1 per row ended by
/// an LF, + the LFs of each field (see `ParseState`).
final class CSVFeeder {
  private var parser = csv_parser()
  private let state: UnsafeMutablePointer<ParseState>
  /// After a structural error: drop bytes up to the next LF, then resume.
  private var skippingToLF = false

  /// libcsv parser state numbers (csv.h keeps them private; libcsv 3.0.3 libcsv.c).
  private static let fieldBegun: Int32 = 2
  private static let fieldMightHaveEnded: Int32 = 3

  init(state: UnsafeMutablePointer<ParseState>) {
    self.state = state
    let options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL | CSV_REPALL_NL
    _ = csv_init(&parser, UInt8(options))
    csv_set_blk_size(&parser, 1024)
  }

  deinit { csv_free(&parser) }

  /// The physical line of the next byte to be fed (for errors found outside libcsv).
  var positionLine: Int {
    state.pointee.line + (skippingToLF ? 0 : countLF(parser.entry_buf, parser.entry_pos))
  }

  /// True when libcsv stands between records (`ROW_NOT_BEGUN`, nothing buffered) and
  /// no broken record is being skipped.
  var atRowBoundary: Bool {
    !skippingToLF && parser.pstate == 0 && parser.entry_pos == 0 && parser.quoted == 0 && parser.spaces == 0
      && parser.status == 0
  }

  /// Exchanges the libcsv parser and the skipping state with `other` (both keep
  /// freeing whatever buffer they hold at the end).
  func swapParser(with other: CSVFeeder) {
    swap(&parser, &other.parser)
    swap(&skippingToLF, &other.skippingToLF)
  }

  /// Parses `n` bytes at `p` in as few `csv_parse` calls as the field limit allows.
  func feed(_ p: UnsafePointer<UInt8>, _ n: Int) {
    var off = 0
    while off < n && !state.pointee.stop {
      let rest = UnsafeRawPointer(p + off)
      if skippingToLF {
        guard let hit = memchr(rest, 0x0A, n - off) else { return }
        off = UnsafeRawPointer(hit) - UnsafeRawPointer(p) + 1
        skippingToLF = false
        state.pointee.line += 1
        continue
      }
      // Never let libcsv grow a field past the limit unseen: the runaway check then
      // fires whatever the chunk size.
      let budget = max(1, state.pointee.maxFieldBytes + 1 - parser.entry_pos)
      let len = min(n - off, budget)
      let used = csv_parse(&parser, rest, len, onField, onRow, UnsafeMutableRawPointer(state))
      // A fatal problem in a callback: libcsv went on to the piece's end, ignore the rest.
      if state.pointee.stop { return }
      if used != len {
        structuralError(byte: p[off + used])
        off += used
        continue
      }
      off += len
      checkRunaway()
    }
  }

  /// Ends the input: flushes the last record, reports an unterminated quote.
  func finish() {
    guard !state.pointee.stop, !skippingToLF else { return }
    if csv_fini(&parser, onField, onRow, UnsafeMutableRawPointer(state)) != 0 {
      let column = state.pointee.columnName(state.pointee.fieldIndex)
      state.pointee.report(.unterminatedQuote, line: state.pointee.line, column: column)
      state.pointee.abandonRow()
    }
  }

  /// A strict-mode parse error at `byte`: report it at the field's first line,
  /// drop the record and resynchronise at the next LF.
  private func structuralError(byte: UInt8) {
    let start = state.pointee.line
    let errorLine = positionLine
    let column = state.pointee.columnName(state.pointee.fieldIndex)
    let error: IngestError =
      parser.pstate == Self.fieldMightHaveEnded ? .textAfterClosingQuote(byte: byte) : .quoteInUnquotedField
    state.pointee.report(error, line: start, column: column)
    state.pointee.abandonRow()
    resetParser()
    state.pointee.line = errorLine
    skippingToLF = true
  }

  /// A field still open after a piece and already over the limit (typically an
  /// unterminated quote swallowing the file) stops the run before it eats memory.
  private func checkRunaway() {
    // In "might have ended" state the buffer also holds the closing quote.
    let content = parser.entry_pos - (parser.pstate == Self.fieldMightHaveEnded ? 1 : 0)
    guard content > state.pointee.maxFieldBytes else { return }
    let column = state.pointee.columnName(state.pointee.fieldIndex)
    state.pointee.fatal(.fieldTooLong(limit: state.pointee.maxFieldBytes), line: state.pointee.line, column: column)
  }

  private func resetParser() {
    parser.pstate = 0
    parser.quoted = 0
    parser.spaces = 0
    parser.entry_pos = 0
    parser.status = 0
  }
}

private func onField(_ p: UnsafeMutableRawPointer?, _ len: Int, _ ctx: UnsafeMutableRawPointer?) {
  guard let ctx else { return }
  ctx.assumingMemoryBound(to: ParseState.self).pointee.field(p, len)
}

private func onRow(_ term: Int32, _ ctx: UnsafeMutableRawPointer?) {
  guard let ctx else { return }
  ctx.assumingMemoryBound(to: ParseState.self).pointee.endRow(term: term)
}
