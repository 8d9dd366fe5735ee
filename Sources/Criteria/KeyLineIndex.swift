/// Key path → line index of a TOML file, built by scanning its text.
///
/// TOMLKit reports positions only for syntax errors, so semantic diagnostics find their
/// line here. The scanner follows `[table]` and `[[array]]` headers (array elements become
/// `path[0]`, `path[1]` …), dotted keys, `key = value` lines, inline tables, multi-line
/// arrays (each element is indexed as `path[i]`) and multi-line strings. It runs only on
/// text TOMLKit accepted, and never fails: on anything unexpected it skips to the next line.
/// It also keeps where each string value starts, so an expression's error column can be
/// mapped to the file's line and character column.
struct KeyLineIndex: Sendable {
  /// Where a string value's content starts, and its raw (undecoded) text.
  struct StringLiteral: Sendable {
    var line: Int
    /// 1-based character column of the first content character.
    var column: Int
    var raw: [Character]
    /// Basic strings (double quotes) decode backslash escapes; literal strings do not.
    var basic: Bool
  }

  private(set) var lines: [String: Int] = [:]
  private(set) var order: [String: Int] = [:]
  private(set) var strings: [String: StringLiteral] = [:]

  init(text: String) {
    var scanner = KeyLineScanner(chars: Array(text))
    scanner.run(into: &self)
  }

  /// The line of `path`, or of its nearest recorded ancestor; 0 when none is known.
  func line(_ path: String) -> Int {
    var p = Substring(path)
    while true {
      if let l = lines[String(p)] { return l }
      guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return 0 }
      p = p[..<cut]
    }
  }

  /// First-appearance rank of `path` (file order); `Int.max` when unknown.
  func rank(_ path: String) -> Int { order[path] ?? Int.max }

  /// File line and character column of character `offset` (0-based) of the decoded string at `path`.
  func position(of offset: Int, inString path: String) -> (line: Int, column: Int)? {
    guard let s = strings[path] else { return nil }
    var line = s.line
    var column = s.column
    var decoded = 0
    var k = 0
    while k < s.raw.count, decoded < offset {
      let c = s.raw[k]
      var width = 1
      if s.basic, c == "\\", k + 1 < s.raw.count {
        switch s.raw[k + 1] {
        case "u": width = 6
        case "U": width = 10
        default: width = 2
        }
      }
      if c.isNewline {
        line += 1
        column = 1
      } else {
        column += width
      }
      k += width
      decoded += 1
    }
    return (line, column)
  }

  mutating func record(_ path: String, line: Int) {
    if lines[path] == nil {
      lines[path] = line
      order[path] = order.count
    }
  }

  mutating func recordString(_ path: String, _ literal: StringLiteral) { strings[path] = literal }
}
