/// One problem found in an input file: a CSV cell or a criteria-file key.
///
/// Rendered as `FILE:LINE:COLUMN: message` for CSV cells (LINE is the physical
/// 1-based line, COLUMN the header name) and `FILE:LINE: key.path: message`
/// for criteria files. Library code returns diagnostics; only the CLI prints.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// An error stops the stage; a warning is counted and shown; a note only informs (what
  /// was assumed, e.g. the encoding detected) and is not counted.
  public enum Severity: String, Sendable, Hashable, Codable { case error, warning, note }

  public var severity: Severity
  /// The file the problem is in, as the user named it.
  public var file: String
  /// Physical 1-based line; 0 when the problem concerns the whole file.
  public var line: Int
  /// CSV: the header name of the cell's column. Nil for whole-row or whole-file problems.
  public var column: String?
  /// Criteria files: the dotted key path (`criteria.cost.weight`). Nil for CSV problems.
  public var keyPath: String?
  /// What is wrong, in Chinese and English, quoting the offending value; may end with a
  /// suggested fix.
  public var text: Message
  /// A stable name of the message's kind where the stage gives one (ingest's cell errors:
  /// `number`, `placeholder` …): what repeated errors are grouped by. Nil otherwise.
  public var kind: String?

  /// The English text. Setting it sets both languages to the same text (prefer `text`).
  public var message: String {
    get { text.en }
    set { text = Message(newValue) }
  }

  /// A diagnostic whose message is the same in both languages (not yet translated, or
  /// needing no translation).
  public init(
    _ severity: Severity = .error, file: String, line: Int, column: String? = nil,
    keyPath: String? = nil, message: String
  ) {
    self.init(severity, file: file, line: line, column: column, keyPath: keyPath, message: Message(message))
  }

  /// A diagnostic with its message in both languages.
  public init(
    _ severity: Severity = .error, file: String, line: Int, column: String? = nil,
    keyPath: String? = nil, message: Message
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.keyPath = keyPath
    self.text = message
  }

  /// In English: `FILE:LINE:COLUMN: message`, `FILE:LINE: key.path: message` or `FILE:LINE: message`.
  public var description: String { rendered(.en) }

  /// `FILE:LINE:COLUMN: message` (or with `key.path:`) in `language`; the position is the
  /// same in both, a warning reads `warning: …` / `警告：…`.
  public func rendered(_ language: Language) -> String {
    var s = "\(file):\(line):"
    if let column { s += "\(column):" }
    if let keyPath { s += " \(keyPath):" }
    let body = text.text(language)
    switch (severity, language) {
    case (.warning, .zh): s += " 警告：\(body)"
    case (.warning, .en): s += " warning: \(body)"
    case (.note, .zh): s += " 注：\(body)"
    case (.note, .en): s += " note: \(body)"
    case (.error, _): s += " \(body)"
    }
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
  public private(set) var noteCount = 0
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
    case .note:
      noteCount += 1
      if noteCount <= cap { diagnostics.append(d) }
    }
  }

  /// The log with, per column and kind (`Diagnostic.kind`), only the first `listed`
  /// errors kept and the rest replaced by one `summary(column, count, first line)` at the
  /// place of the first one left out. Warnings, notes and errors without a kind or column
  /// are kept as they are. `errorCount` is unchanged: `suppressedErrors` still counts the
  /// errors past the cap that are neither listed nor summarised.
  public func summarisingRepeats(listed: Int, summary: (String, Int, Int) -> Message) -> DiagnosticLog {
    var seen: [String: Int] = [:]
    var left: [String: (index: Int, count: Int)] = [:]
    var keep: [Diagnostic?] = []
    for d in diagnostics {
      guard d.severity == .error, let kind = d.kind, let column = d.column else {
        keep.append(d)
        continue
      }
      let key = kind + "\u{0}" + column
      let n = (seen[key] ?? 0) + 1
      seen[key] = n
      if n <= listed {
        keep.append(d)
      } else if let l = left[key] {
        left[key] = (l.index, l.count + 1)
      } else {
        left[key] = (keep.count, 1)
        keep.append(d)  // replaced below
      }
    }
    for (_, l) in left {
      guard let d = keep[l.index] else { continue }
      var s = Diagnostic(.error, file: d.file, line: d.line, column: d.column, message: summary(d.column ?? "", l.count, d.line))
      s.kind = "repeats"
      keep[l.index] = s
    }
    var out = DiagnosticLog(cap: cap)
    for d in keep { if let d { out.append(d) } }
    // Every error is still counted (a summary stands for those it replaces).
    out.errorCount = errorCount
    out.warningCount = warningCount
    out.noteCount = noteCount
    return out
  }

  public mutating func append(contentsOf other: DiagnosticLog) {
    for d in other.diagnostics { append(d) }
    errorCount += other.suppressedErrors
  }
}
