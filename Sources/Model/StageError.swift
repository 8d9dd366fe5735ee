/// An error a stage hands the command line: what kind of problem it is (the sysexits
/// code the CLI exits with) and where it is, as diagnostics in the `FILE:LINE[:COLUMN]:`
/// form of docs/cli.md.
///
/// Every stage's error type conforms (`StageFailure` for ingest, the criteria loader and
/// located sensitivity errors, `ScoringError`, `ReportError`); the `exemplar` executable
/// prints `diagnostics` and maps `kind` to an exit code in one place (`Exit`).
public protocol StageError: Error, Sendable {
  /// The sysexits kind: usage 64, data 65, no input 66, can't create 73, config 78.
  var kind: StageFailure.Kind { get }
  /// The problems, each located in the file it is about.
  var diagnostics: DiagnosticLog { get }
}

extension StageError {
  /// The same problem as a `StageFailure` (for code that stores one error type).
  public var stageFailure: StageFailure { StageFailure(kind, diagnostics: diagnostics) }
}
