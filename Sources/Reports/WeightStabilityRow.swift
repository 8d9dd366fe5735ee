/// One weight-stability interval for report.html: over `low…high` of this criterion's
/// weight (the others rescaled proportionally) the programme's shortlist stays the same.
///
/// A plain value so that Reports need not know the sensitivity engine that computes it
/// (`exemplar run` fills it for weighted-sum aggregation; see docs/sensitivity.md).
public struct WeightStabilityRow: Sendable, Hashable {
  public var programme: String
  public var criterion: String
  public var weight: Double
  public var low: Double
  public var high: Double
  /// False when the bound is conservative (rules that read scores or stars, some tiers).
  public var exact: Bool

  public init(programme: String, criterion: String, weight: Double, low: Double, high: Double, exact: Bool) {
    self.programme = programme
    self.criterion = criterion
    self.weight = weight
    self.low = low
    self.high = high
    self.exact = exact
  }
}
