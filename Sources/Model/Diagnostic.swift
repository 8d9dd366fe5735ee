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
    return s
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
