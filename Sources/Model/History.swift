/// Earlier recommendations (`--history FILE.csv`: `id,year,programme`).
public struct HistoryEntry: Sendable, Hashable {
  /// Canonical id (USCC upper-cased).
  public var id: String
  public var year: Int
  /// Programme key or name as written in the file.
  public var programme: String
  public init(id: String, year: Int, programme: String) {
    self.id = id
    self.year = year
    self.programme = programme
  }
}
