/// One problem found in an input file: a CSV cell or a criteria-file key.
///
/// Rendered as `FILE:LINE:COLUMN: message` for CSV cells (LINE is the physical
/// 1-based line, COLUMN the header name) and `FILE:LINE: key.path: message`
/// for criteria files. Library code returns diagnostics; only the CLI prints.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable { case error, warning }

  public var severity: Severity
  /// The file the problem is in, as the user named it.
  public var file: String
  /// Physical 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// CSV: the header name of the cell's column. Nil for whole-row or whole-file problems.
  public var column: String?
  /// Criteria files: the dotted key path (`criteria.cost.weight`). Nil for CSV problems.
  public var keyPath: String?
  /// What is wrong, quoting the offending value; may end with a suggested fix.
  public var message: String

  public init(
    _ severity: Severity = .error, file: String, line: Int, column: String? = nil,
    keyPath: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.keyPath = keyPath
    self.message = message
  }

  /// `FILE:LINE:COLUMN: message`, `FILE:LINE: key.path: message` or `FILE:LINE: message`.
  public var description: String {
    var s = "\(file):\(line):"
    if let column { s += "\(column):" }
    if let keyPath { s += " \(keyPath):" }
    s += severity == .warning ? " warning: \(message)" : " \(message)"
    return Diagnostic.terminalSafe(s)
  }

  /// `text` with every character a terminal would act on written as `\u{XX}`: C0 controls
  /// (newline and tab included: a diagnostic is one line), DEL, C1 controls (U+0080–U+009F)
  /// and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069). Input data
  /// quoted in a message can then neither move the cursor, retitle the window nor fake a
  /// line. The one place this is done: every rendered diagnostic passes here (`--json`
  /// escapes them as JSON does).
  public static func terminalSafe(_ text: String) -> String { escapingTerminalControls(text, keepNewlines: false) }

  /// Multi-line text for a terminal (the text forms of `validate`, `explain`, `weights`,
  /// `diff`): `terminalSafe` on each line, newlines kept.
  public static func terminalSafeLines(_ text: String) -> String { escapingTerminalControls(text, keepNewlines: true) }

  static func escapingTerminalControls(_ text: String, keepNewlines: Bool) -> String {
    func unsafe(_ v: UInt32) -> Bool {
      (v < 0x20 && !(keepNewlines && v == 0x0A)) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
    // Fast path: most messages have no such character.
    guard text.unicodeScalars.contains(where: { unsafe($0.value) }) else { return text }
    var out = String.UnicodeScalarView()
    for u in text.unicodeScalars {
      if unsafe(u.value) {
        out.append(contentsOf: "\\u{\(String(u.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        out.append(u)
      }
    }
    return String(out)
  }
}

/// A collection of diagnostics with a cap: once `cap` errors are recorded,
/// further ones are counted but not stored, so a hopeless file cannot exhaust memory.
public struct DiagnosticLog: Sendable {
  /// Default number of errors kept (documented in docs/cli.md).
  public static let defaultCap = 1000

  public private(set) var diagnostics: [Diagnostic] = []
  public private(set) var errorCount = 0
  public private(set) var warningCount = 0
  public let cap: Int

  public init(cap: Int = DiagnosticLog.defaultCap) { self.cap = cap }

  public var hasErrors: Bool { errorCount > 0 }
  /// Errors found beyond the cap and not stored.
  public var suppressedErrors: Int { max(0, errorCount - cap) }
  public var isFull: Bool { errorCount >= cap }

  public mutating func append(_ d: Diagnostic) {
    switch d.severity {
    case .error:
      errorCount += 1
      if errorCount <= cap { diagnostics.append(d) }
    case .warning:
      warningCount += 1
      if warningCount <= cap { diagnostics.append(d) }
    }
  }

  public mutating func append(contentsOf other: DiagnosticLog) {
    for d in other.diagnostics { append(d) }
    errorCount += other.suppressedErrors
  }
}
