import Model

/// What `Ingestor.read` found: the table when the file is valid, and every problem.
public struct IngestResult: Sendable {
  /// Nil when there were errors.
  public var table: Table?
  /// Every error and warning (warnings too when `table` is not nil).
  public var log: DiagnosticLog
  /// `.noInput` (file missing or unreadable → exit 66) or `.data` (→ 65); nil on success.
  public var failure: StageFailure?
  public var summary: IngestSummary

  public init(table: Table?, log: DiagnosticLog, failure: StageFailure?, summary: IngestSummary) {
    self.table = table
    self.log = log
    self.failure = failure
    self.summary = summary
  }
}

/// Counts describing one ingest, for `validate`'s summary and the manifest.
public struct IngestSummary: Sendable, Equatable {
  /// Data rows read (skipped all-empty rows not included).
  public var rows: Int = 0
  /// Bytes read from the file.
  public var bytes: Int = 0
  /// Column key → the header spelling found for it.
  public var columnsMatched: [String: String] = [:]
  /// Header cells that match no declared column, in file order.
  public var unknownHeaders: [String] = []
  /// Column key → number of empty cells.
  public var missingCells: [String: Int] = [:]
  /// Rows of only empty fields that were skipped.
  public var skippedRows: Int = 0
  /// The encoding actually used (a UTF-8 BOM overrides `--encoding gb18030`).
  public var encoding: InputEncoding = .utf8
  /// The file started with a UTF-8 byte order mark.
  public var hadBOM: Bool = false
  /// Read as UTF-8: the line and byte of the first invalid UTF-8 (reading stopped there).
  public var invalidUTF8Line: Int?
  public var invalidUTF8Byte: UInt8?
  /// Read as GB18030: a byte sequence was not GB18030.
  public var invalidGB18030 = false
  /// No `--encoding` was given and the file, not UTF-8, was read as GB18030.
  public var detectedGB18030 = false

  public init() {}
}
