/// One weight-stability interval for report.html: over `low…high` of this group's or
/// criterion's local weight (its siblings rescaled proportionally) the programme's
/// shortlist stays the same.
///
/// A plain value so that Reports need not know the sensitivity engine that computes it
/// (`exemplar run` fills it for weighted-sum aggregation; see docs/sensitivity.md).
public struct WeightStabilityRow: Sendable, Hashable {
  public var programme: String
  /// The group's or criterion's key.
  public var criterion: String
  public var isGroup: Bool
  /// The nominal local weight (as in the criteria file) and the final weight.
  public var weight: Double
  public var finalWeight: Double
  public var low: Double
  public var high: Double
  /// False when the bound is conservative (rules that read scores or stars, some tiers).
  public var exact: Bool

  public init(
    programme: String, criterion: String, isGroup: Bool = false, weight: Double, finalWeight: Double? = nil, low: Double,
    high: Double, exact: Bool
  ) {
    self.programme = programme
    self.criterion = criterion
    self.isGroup = isGroup
    self.weight = weight
    self.finalWeight = finalWeight ?? weight
    self.low = low
    self.high = high
    self.exact = exact
  }
}
