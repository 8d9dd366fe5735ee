/// Why the generator cannot produce the requested rows (the command line checks `--rows`
/// before it asks; the output file is written by the Reports module's `OutputFile`).
public enum SyntheticError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The requested row count is outside 1…``MetricsGenerator/maxRows``.
  case rowCount(Int)

  public var description: String {
    switch self {
    case .rowCount(let n):
      return "row count \(n) is outside 1…\(MetricsGenerator.maxRows)"
    }
  }
}
