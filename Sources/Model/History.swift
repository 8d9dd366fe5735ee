/// Earlier recommendations (`--history FILE.csv`: `id,year,programme`, or the finals of a
/// ledger).
public struct HistoryEntry: Sendable, Hashable {
  /// Canonical id (USCC upper-cased).
  public var id: String
  public var year: Int
  /// Programme key or name as written in the file.
  public var programme: String
  /// Physical line in the history file (0 when the entry comes from elsewhere, e.g. a
  /// ledger). Not part of equality.
  public var line: Int
  public init(id: String, year: Int, programme: String, line: Int = 0) {
    self.id = id
    self.year = year
    self.programme = programme
    self.line = line
  }

  public static func == (a: HistoryEntry, b: HistoryEntry) -> Bool {
    a.id == b.id && a.year == b.year && a.programme == b.programme
  }

  public func hash(into h: inout Hasher) {
    h.combine(id)
    h.combine(year)
    h.combine(programme)
  }
}
