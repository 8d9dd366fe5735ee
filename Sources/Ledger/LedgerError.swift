import Model

/// A problem with the ledger file, located at the file (line 0).
public struct LedgerError: StageError {
  public var kind: StageFailure.Kind
  public var diagnostics: DiagnosticLog

  init(_ kind: StageFailure.Kind, path: String, _ message: Message) {
    self.kind = kind
    var log = DiagnosticLog()
    log.append(Diagnostic(file: path, line: 0, message: message))
    diagnostics = log
  }
}
