/// RFC 4180 CSV rows into a `ByteSink`, safe to open in Excel.
///
/// - Records end with CRLF (RFC 4180 §2.1; Excel reads both, CRLF is what it writes).
/// - A field is quoted when it contains `,`, `"`, CR or LF; quotes are doubled.
/// - UTF-8 files start with a byte-order mark (EF BB BF) so Excel detects the
///   encoding; GB18030 files have none (the sink transcodes).
/// - **Formula injection**: a *text* cell whose first character is `=`, `+`, `-`,
///   `@`, TAB or CR gets a leading `'`, so spreadsheet programs show it as text
///   instead of evaluating it (OWASP "CSV Injection"). Numeric cells written with
///   `number(_:)` are never altered, so `-3.5` stays a number.
struct CSVWriter {
  let sink: ByteSink
  private var fieldsInRow = 0

  init(sink: ByteSink, byteOrderMark: Bool) throws(ReportError) {
    self.sink = sink
    if byteOrderMark { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
  }

  /// A text cell: neutralised against formula injection, then quoted if needed.
  mutating func text(_ s: String) throws(ReportError) {
    try separator()
    try sink.write(CSVWriter.escape(CSVWriter.neutralise(s)))
  }

  /// A numeric cell, written as given (already formatted; "" for none).
  mutating func number(_ formatted: String) throws(ReportError) {
    try separator()
    try sink.write(formatted)
  }

  /// A numeric cell with `decimals` places; empty when `x` is nil or not finite.
  mutating func number(_ x: Double?, decimals: Int) throws(ReportError) {
    try separator()
    if let x { try sink.write(fixed: x, decimals: decimals) }
  }

  /// An integer cell.
  mutating func integer(_ n: Int) throws(ReportError) {
    try separator()
    try sink.write(integer: n)
  }

  /// An empty cell.
  mutating func empty() throws(ReportError) { try separator() }

  mutating func endRow() throws(ReportError) {
    try sink.write(bytes: [13, 10])
    fieldsInRow = 0
  }

  /// Writes one row of text cells.
  mutating func row(_ cells: [String]) throws(ReportError) {
    for c in cells { try text(c) }
    try endRow()
  }

  private mutating func separator() throws(ReportError) {
    if fieldsInRow > 0 { try sink.write(byte: UInt8(ascii: ",")) }
    fieldsInRow += 1
  }

  /// `'` + s when s starts with a character spreadsheets treat as a formula start.
  static func neutralise(_ s: String) -> String {
    guard let first = s.utf8.first else { return s }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return "'" + s
    default: return s
    }
  }

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
