/// Why the generator could not write its output. Messages quote the offending value.
public enum SyntheticError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The requested row count is outside 1…``MetricsGenerator/maxRows``.
  case rowCount(Int)
  /// The output (or its temporary file) could not be created.
  case cannotCreate(path: String, reason: String)
  /// Writing, flushing or renaming failed part-way.
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .rowCount(let n):
      return "row count \(n) is outside 1…\(MetricsGenerator.maxRows)"
    case .cannotCreate(let path, let reason):
      return "cannot create '\(path)': \(reason)"
    case .writeFailed(let path, let reason):
      return "cannot write '\(path)': \(reason)"
    }
  }
}
