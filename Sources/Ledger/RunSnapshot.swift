/// A run's ranking and final lists, for `exemplar compare`.
public struct RunSnapshot: Sendable {
  public var year: YearRun
  /// Every enterprise of the run: id → (name, rank or nil, stars or nil).
  public var enterprises: [String: (name: String, rank: Int?, stars: Int?)]
  /// Programmes in file order: key, name, the final list's ids in order.
  public var programmes: [(key: String, name: String, selected: [String])]
}
