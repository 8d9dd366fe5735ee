import Model
import TOMLKit

/// A parsed TOML value, copied out of TOMLKit into plain Swift values so the decoder can
/// walk it without touching C pointers. Table keys are unordered here (toml++ sorts them);
/// file order comes from `KeyLineIndex`.
indirect enum TOMLNode: Sendable {
  case table([String: TOMLNode])
  case array([TOMLNode])
  case string(String)
  case integer(Int)
  case float(Double)
  case bool(Bool)
  /// Dates and times: valid TOML, never valid in a criteria file.
  case other(String)

  init(_ value: TOMLValueConvertible) {
    switch value.type {
    case .table:
      var dict: [String: TOMLNode] = [:]
      if let t = value.table {
        for key in t.keys { if let v = t[key] { dict[key] = TOMLNode(v) } }
      }
      self = .table(dict)
    case .array:
      self = .array(value.array.map { a in a.map { TOMLNode($0) } } ?? [])
    case .string: self = .string(value.string ?? "")
    case .int: self = .integer(value.int ?? 0)
    case .double: self = .float(value.double ?? 0)
    case .bool: self = .bool(value.bool ?? false)
    case .date, .time, .dateTime: self = .other(value.debugDescription)
    }
  }

  /// The TOML type name used in messages ("a string", "an integer" …).
  var typeName: String {
    switch self {
    case .table: return "a table"
    case .array: return "an array"
    case .string: return "a string"
    case .integer: return "an integer"
    case .float: return "a number"
    case .bool: return "a boolean"
    case .other: return "a date/time"
    }
  }

  /// A short rendering of the value for messages: `"abc"`, `3`, `[1, 2]`, `{…}`.
  var rendered: String {
    switch self {
    case .table: return "a table"
    case .array(let items):
      let shown = items.prefix(6).map(\.rendered).joined(separator: ", ")
      return "[" + shown + (items.count > 6 ? ", …" : "") + "]"
    case .string(let s): return "\"\(s)\""
    case .integer(let n): return String(n)
    case .float(let x): return formatNumber(x)
    case .bool(let b): return b ? "true" : "false"
    case .other(let s): return s
    }
  }

  /// The numeric value of an integer or float.
  var number: Double? {
    switch self {
    case .integer(let n): return Double(n)
    case .float(let x): return x
    default: return nil
    }
  }

}
