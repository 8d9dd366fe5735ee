/// Why a stage could not produce its result: a kind and located diagnostics. The general
/// `StageError`, used by the stages whose problems are lists of diagnostics (ingest, the
/// criteria loader, output files).
public struct StageFailure: StageError {
  public enum Kind: Sendable, Equatable {
    /// 64: bad command line.
    case usage
    /// 65: data error in the CSV.
    case data
    /// 66: input missing or unreadable.
    case noInput
    /// 73: output cannot be created.
    case cantCreate
    /// 78: error in the criteria file.
    case config
  }
  public var kind: Kind
  public var diagnostics: DiagnosticLog
  public init(_ kind: Kind, diagnostics: DiagnosticLog) {
    self.kind = kind
    self.diagnostics = diagnostics
  }
  public init(_ kind: Kind, _ diagnostic: Diagnostic) {
    var log = DiagnosticLog()
    log.append(diagnostic)
    self.init(kind, diagnostics: log)
  }
}
