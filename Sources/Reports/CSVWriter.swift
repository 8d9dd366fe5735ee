/// RFC 4180 CSV rows into a `ByteBuffer`, safe to open in Excel: the one CSV writer
/// (ranking.csv, the shortlists, sensitivity.csv).
///
/// - Records end with CRLF (RFC 4180 §2.1; Excel reads both, CRLF is what it writes).
/// - A field is quoted when it contains `,`, `"`, CR or LF; quotes are doubled.
/// - UTF-8 files start with a byte-order mark (EF BB BF) so Excel detects the
///   encoding; GB18030 files have none (the sink transcodes).
/// - **Formula injection**: a *text* cell whose first character is `=`, `+`, `-`,
///   `@`, TAB or CR gets a leading `'`, so spreadsheet programs show it as text
///   instead of evaluating it (OWASP "CSV Injection"). Numeric cells written with
///   `number(_:)` are never altered, so `-3.5` stays a number.
///
/// Rows are independent, so blocks of rows can be formatted on several threads
/// (`BlockWriter`) and give the same bytes as one writer.
struct CSVWriter {
  let out: ByteBuffer
  private var fieldsInRow = 0
  /// Whether text cells are neutralised against formula injection (the default, for files
  /// people open in spreadsheets); off for enterprises.csv, a table for programs, which
  /// must give back every id and label exactly.
  var neutralising = true

  init(into out: ByteBuffer, byteOrderMark: Bool = false) {
    self.out = out
    if byteOrderMark { out.append([0xEF, 0xBB, 0xBF]) }
  }

  /// A text cell: neutralised against formula injection, then quoted if needed.
  mutating func text(_ s: String) {
    separator()
    var quote = false
    for b in s.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
      quote = true
      break
    }
    if !quote && !(neutralising && CSVWriter.startsFormula(s)) { return out.append(s) }
    out.append(CSVWriter.escape(neutralising ? CSVWriter.neutralise(s) : s))
  }

  /// A text cell from UTF-8 bytes; same bytes as `text(_:)` on their `String`.
  mutating func text(bytes u: UnsafeBufferPointer<UInt8>) {
    var formula = false
    if neutralising, let first = u.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "@") || first == 9 || first == 13
    {
      formula = true
    }
    var quote = false
    for b in u where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
      quote = true
      break
    }
    separator()
    guard formula || quote else { return out.append(UnsafeRawBufferPointer(u)) }
    // `escape(neutralise(s))` written from the bytes: the `'` first, the field quoted and
    // its quotes doubled, a run between quotes copied at once.
    if quote { out.append(UInt8(ascii: "\"")) }
    if formula { out.append(UInt8(ascii: "'")) }
    guard quote else { return out.append(UnsafeRawBufferPointer(u)) }
    var start = 0
    for (i, b) in u.enumerated() where b == UInt8(ascii: "\"") {
      out.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[start...i]))
      out.append(UInt8(ascii: "\""))
      start = i + 1
    }
    out.append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[start...]))
    out.append(UInt8(ascii: "\""))
  }

  /// An id cell: `text(bytes:)`, or with `excelText` (`run --excel-text-ids`) the formula
  /// `="ID"` written as an RFC 4180 quoted field (`"=""ID"""`; a `"` in the id is doubled in
  /// the formula and again in the field), which Excel shows as the text ID: an 18-digit credit
  /// code stays `913302812924470220`, not `9.13E+17`. An id longer than Excel's 255-character
  /// string literal is written as plain text.
  mutating func id(bytes u: UnsafeBufferPointer<UInt8>, excelText: Bool) {
    guard excelText, u.count <= 255 else { return text(bytes: u) }
    separator()
    out.append("\"=\"\"")
    for b in u {
      if b == UInt8(ascii: "\"") { out.append("\"\"\"\"") } else { out.append(b) }
    }
    out.append("\"\"\"")
  }

  /// An id cell from a `String` (see `id(bytes:excelText:)`).
  mutating func id(_ s: String, excelText: Bool) {
    var s = s
    s.withUTF8 { id(bytes: $0, excelText: excelText) }
  }

  /// A numeric cell, written as given (already formatted; "" for none).
  mutating func number(_ formatted: String) {
    separator()
    out.append(formatted)
  }

  /// A numeric cell with `decimals` places; empty when `x` is nil or not finite.
  mutating func number(_ x: Double?, decimals: Int) {
    separator()
    if let x { out.append(fixed: x, decimals: decimals) }
  }

  /// A numeric cell from a magnitude of `NumberBytes.smallCode` (the bytes of `number(_:decimals:)`).
  mutating func number(code: UInt16, decimals: Int) {
    separator()
    out.append(smallCode: code, decimals: decimals)
  }

  /// Numeric cells from magnitudes of `NumberBytes.smallCode` (none of them "none"), after
  /// at least one cell of the row: the bytes of `number(code:decimals:)` for each, at once.
  mutating func numbers(codes: UnsafeBufferPointer<UInt16>, decimals: UnsafeBufferPointer<Int>) {
    precondition(fieldsInRow > 0, "the cells follow another of the row")
    out.append(commaSeparatedCodes: codes, decimals: decimals)
    fieldsInRow += codes.count
  }

  /// A numeric cell in shortest round-trip form (`formatNumber`); empty when not finite.
  mutating func number(shortest x: Double) {
    separator()
    if x.isFinite { out.append(shortest: x) }
  }

  /// A share with at most 9 decimals, as results.json writes contributions (`append(share:)`).
  mutating func share(_ x: Double) {
    separator()
    if x.isFinite { out.append(share: x) }
  }

  /// An integer cell.
  mutating func integer(_ n: Int) {
    separator()
    out.append(integer: n)
  }

  /// An empty cell.
  mutating func empty() { separator() }

  /// `n` empty cells.
  mutating func empty(_ n: Int) {
    for _ in 0..<n { separator() }
  }

  mutating func endRow() {
    out.append(13)
    out.append(10)
    fieldsInRow = 0
  }

  /// Writes one row of text cells.
  mutating func row(_ cells: [String]) {
    for c in cells { text(c) }
    endRow()
  }

  /// Writes the buffer to `sink` once it holds 1 MiB or more (call between rows).
  func flushIfLarge(_ sink: ByteSink) throws(ReportError) {
    if out.count >= 1 << 20 {
      try sink.write(out)
      out.removeAll()
    }
  }

  @inline(__always)
  private mutating func separator() {
    if fieldsInRow > 0 { out.append(UInt8(ascii: ",")) }
    fieldsInRow += 1
  }

  static func startsFormula(_ s: String) -> Bool {
    switch s.utf8.first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
    default: return false
    }
  }

  /// `'` + s when s starts with a character spreadsheets treat as a formula start.
  static func neutralise(_ s: String) -> String { startsFormula(s) ? "'" + s : s }

  /// RFC 4180 quoting: wrap in quotes and double inner quotes when s has `,` `"` CR or LF.
  static func escape(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 10 || b == 13 {
      needs = true
      break
    }
    guard needs else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
