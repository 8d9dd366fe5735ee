/// Two enterprises whose scores cross at the end of a stability interval.
public struct Crossing: Sendable, Hashable {
  /// The local weight at which the crossing happens.
  public var weight: Double
  /// The row that enters the shortlist (overtakes).
  public var entering: Int
  /// The row it overtakes (leaves the shortlist).
  public var leaving: Int
}

/// The range of one group's or criterion's local weight (as written in the criteria file,
/// its siblings rescaled proportionally) over which a programme's shortlist stays the same.
public struct StabilityInterval: Sendable, Hashable {
  /// The group's or criterion's key.
  public var criterion: String
  public var isGroup: Bool
  /// The nominal local weight (among its siblings).
  public var nominalWeight: Double
  /// The parent's final weight: final weight = parentWeight × local weight.
  public var parentWeight: Double
  /// The nominal final weight.
  public var finalWeight: Double { parentWeight * nominalWeight }
  /// Bounds of the local weight in [0, 1]; the shortlist is the nominal one for every weight in (low, high).
  public var low: Double
  public var high: Double
  /// The crossing that ends the interval on each side (nil = the interval reaches 0 or 1).
  public var lowCrossing: Crossing?
  public var highCrossing: Crossing?
  /// False when a rule reads weight-dependent names (score, stars, rank, group …) or the
  /// event budget ran out: the bounds are then the first insider/outsider crossing that
  /// changes the walk's outcome among those checked (see docs/sensitivity.md).
  public var exact: Bool
}

/// All criteria's intervals for one programme.
public struct ProgrammeStability: Sendable, Hashable {
  public var key: String
  /// Nominal shortlist (rows, list order).
  public var selected: [Int]
  public var intervals: [StabilityInterval]
}
