import Model

/// Why a table cannot be scored: only degenerate data that has no meaningful result
/// (docs/methods.md, "Degenerate cases"). Problems of the criteria file itself (weights,
/// AHP orders, data-driven weighting over groups, unknown tie-break keys) are ruled out by
/// the loader and cannot reach the Scorer. Every message names the criterion and column and
/// quotes the offending value; the error is located at the metrics file's cell
/// (`FILE:LINE:COLUMN: message`, exit 65).
public struct ScoringError: StageError, Hashable, CustomStringConvertible {
  public enum Problem: Sendable, Hashable {
    /// A criterion (or the tie-break chain) reads an optional column (`required = false`)
    /// that the metrics file does not have.
    case columnAbsent(usedBy: String, column: String)
    /// Every value of the criterion's column is missing, so nothing can be imputed or compared.
    case allMissing(criterion: String, column: String)
    /// A method needs values of a sign the column does not have (e.g. `sum` needs x ≥ 0,
    /// a `cost` criterion with `sum`/`max` needs x > 0 because it uses 1/x).
    case domain(criterion: String, method: String, requirement: String, value: Double)
  }

  public var problem: Problem
  /// The metrics file ("" until `Scorer` locates an error a normaliser threw).
  public var file: String
  /// Physical line of the offending cell (the first data row for a whole column, 1 for an
  /// absent column: the header).
  public var line: Int
  /// Header of the offending column.
  public var column: String?
  /// Position of the offending value in the values a normaliser was handed (nil when the
  /// error is about a whole column); `Scorer.prepare` maps it to a table row.
  public var offset: Int?

  public init(_ problem: Problem, file: String = "", line: Int = 0, column: String? = nil, offset: Int? = nil) {
    self.problem = problem
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
  }

  public var kind: StageFailure.Kind { .data }

  public var diagnostics: DiagnosticLog {
    var log = DiagnosticLog()
    log.append(Diagnostic(file: file, line: line, column: column, message: description))
    return log
  }

  /// The message (without the location).
  public var description: String {
    switch problem {
    case .columnAbsent(let user, let col):
      return "\(user) reads column '\(col)', which the file does not have (the column is declared required = false)"
    case .allMissing(let c, let col):
      return "criterion '\(c)': every value of column '\(col)' is missing"
    case .domain(let c, let m, let req, let v):
      return "criterion '\(c)': \(m) normalisation needs \(req), found \(formatNumber(v))"
    }
  }
}
