import Model

/// Every problem Ingest can report, with the offending value quoted.
///
/// The CLI never sees this type directly: `Ingestor` turns each case into a
/// `Diagnostic` (`FILE:LINE:COLUMN: message`) whose message is `description`.
/// docs/ingest.md lists every message.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  // File level.
  case cannotOpen(reason: String)
  case cannotRead(reason: String)
  case emptyFile
  case noDataRows
  // Encoding.
  case invalidUTF8(byte: UInt8, inHeader: Bool)
  case invalidGB18030(byte: UInt8, offset: Int)
  case truncatedGB18030(offset: Int)
  case utf8BOMInGB18030
  // Header.
  case missingColumn(key: String, spellings: [String])
  case duplicateHeader(name: String, first: Int, second: Int)
  case sameColumnTwice(key: String, first: String, firstPosition: Int, second: String, secondPosition: Int)
  case unknownHeader(name: String, position: Int)
  case emptyHeader(position: Int)
  // Structure.
  case ragged(found: Int, expected: Int)
  case unterminatedQuote
  case textAfterClosingQuote(byte: UInt8)
  case quoteInUnquotedField
  case fieldTooLong(limit: Int)
  /// The header has more fields than `IngestOptions.maxHeaderFields` or more bytes than `maxHeaderBytes`.
  case headerTooLarge(fields: Int, bytes: Int)
  case textColumnTooLarge(limit: Int)
  case emptyRowSkipped
  // Cells.
  case emptyCell
  case emptyID
  case duplicateID(id: String, firstLine: Int)
  case controlCharacter(scalar: UInt32)
  case notANumber(value: String, hint: String?)
  case notAnInteger(value: String)
  case outOfRange(value: String, range: ClosedRange<Double>)
  case overflow(value: String)
  case notABool(value: String)
  case notAllowed(value: String, allowed: [String])
  case invalidUSCC(value: String, problem: USCCProblemText)

  /// The text of a `USCC.Problem`, kept as a string so this type stays `Equatable`
  /// without depending on the problem's own conformances.
  public struct USCCProblemText: Sendable, Equatable { public var text: String }

  public var description: String {
    switch self {
    case .cannotOpen(let r): return "cannot open the file: \(r)"
    case .cannotRead(let r): return "cannot read the file: \(r)"
    case .emptyFile: return "the file is empty: a header line and at least one data row are required"
    case .noDataRows: return "the file has a header but no data rows"
    case .invalidUTF8(let b, let inHeader):
      let place = inHeader ? "the header" : "this cell"
      return "invalid UTF-8 (byte \(hex(b))) in \(place): the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030"
    case .invalidGB18030(let byte, let offset):
      return "invalid GB18030 sequence starting with byte \(hex(byte)) at byte offset \(offset): the file is not GB18030; if it is UTF-8, leave out --encoding gb18030"
    case .truncatedGB18030(let offset):
      return "the file ends inside a GB18030 multi-byte character (byte offset \(offset))"
    case .utf8BOMInGB18030:
      return "the file starts with a UTF-8 byte order mark although --encoding gb18030 was given: read as UTF-8"
    case .missingColumn(let key, let spellings):
      return "missing column '\(key)': expected a header named \(spellings.map { "'\($0)'" }.joined(separator: " or "))"
    case .duplicateHeader(let name, let first, let second):
      return "duplicate header '\(name)' in columns \(first) and \(second)"
    case .sameColumnTwice(let key, let first, let p1, let second, let p2):
      return "columns \(p1) ('\(first)') and \(p2) ('\(second)') both match column '\(key)'"
    case .unknownHeader(let name, let position):
      return "unknown column '\(name)' (column \(position)) is ignored"
    case .emptyHeader(let position):
      return "column \(position) has an empty header and is ignored"
    case .ragged(let found, let expected):
      return "found \(found) field\(found == 1 ? "" : "s"), the header has \(expected)"
    case .unterminatedQuote:
      return "unterminated quote: the quoted field opened on this line is never closed"
    case .textAfterClosingQuote(let b):
      return "text after a closing quote (\(printable(b))): a quote inside a quoted field must be doubled (\"\")"
    case .quoteInUnquotedField:
      return "quote inside an unquoted field: quote the whole field and double the inner quote (\"a \"\"b\"\" c\")"
    case .fieldTooLong(let limit):
      return "field longer than \(limit) bytes (the limit); if that is not intended, a quote opened here may be unterminated"
    case .headerTooLarge(let fields, let bytes):
      return "the header line has more than \(fields) fields or \(bytes) bytes (the limits); is this the metrics CSV?"
    case .textColumnTooLarge(let limit):
      return "this text column holds more than \(limit) bytes in all (the limit of one column)"
    case .emptyRowSkipped: return "row has only empty fields and is skipped"
    case .emptyCell: return "empty cell (the column's missing policy is 'reject')"
    case .emptyID: return "empty id"
    case .duplicateID(let id, let firstLine): return "duplicate id '\(id)', first on line \(firstLine)"
    case .controlCharacter(let s):
      return "control character U+\(String(s, radix: 16, uppercase: true).leftPadded(4)) in text"
    case .notANumber(let v, let hint):
      return "not a number: '\(v)'" + (hint.map { " (\($0))" } ?? "")
    case .notAnInteger(let v): return "not an integer: '\(v)'"
    case .outOfRange(let v, let r):
      return "value \(v) is outside the range [\(formatNumber(r.lowerBound)), \(formatNumber(r.upperBound))]"
    case .overflow(let v): return "number too large: '\(v)'"
    case .notABool(let v): return "not a yes/no value: '\(v)' (write true/false, 1/0, 是/否 or Y/N)"
    case .notAllowed(let v, let allowed):
      return "'\(v)' is not one of the allowed values: \(allowed.joined(separator: ", "))"
    case .invalidUSCC(let v, let p): return "invalid unified social credit code '\(v)': \(p.text)"
    }
  }

  /// Whether this is only a warning (the table is still produced).
  public var isWarning: Bool {
    switch self {
    case .utf8BOMInGB18030, .unknownHeader, .emptyHeader, .emptyRowSkipped: return true
    default: return false
    }
  }
}

func hex(_ b: UInt8) -> String {
  let s = String(b, radix: 16, uppercase: true)
  return "0x" + (s.count == 1 ? "0" + s : s)
}

func printable(_ b: UInt8) -> String {
  b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : hex(b)
}

extension String {
  func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
