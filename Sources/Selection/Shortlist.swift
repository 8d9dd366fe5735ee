/// One programme's shortlist and reserve list, without the explanations
/// (`Selector.shortlists`); the lists are those of `ProgrammeDecision`.
public struct Shortlist: Sendable, Hashable {
  public var key: String
  /// Rows selected, in list order.
  public var selected: [Int]
  /// Rows on the reserve list, in order.
  public var reserve: [Int]
  public init(key: String, selected: [Int], reserve: [Int]) {
    self.key = key
    self.selected = selected
    self.reserve = reserve
  }
}
