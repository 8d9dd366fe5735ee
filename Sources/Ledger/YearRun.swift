/// The run that stands for a year: its final (the run final for the most programmes), or
/// else its latest run (a draft).
public struct YearRun: Sendable, Hashable {
  public var year: Int
  public var run: Int
  public var isFinal: Bool
}
