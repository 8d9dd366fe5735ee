import Model

extension UncertaintySpec {
  /// What `exemplar sensitivity` varies when the criteria file has no `[uncertainty]`:
  /// every weight, uniform ±20%, 1000 samples, seed 2022 (docs/criteria.md).
  public static let defaults = UncertaintySpec()

  /// The same uncertainty with the weights alone varying: no alternative normalisation or
  /// aggregation is drawn.
  public var weightsAlone: UncertaintySpec {
    var u = self
    u.normalisations = []
    u.aggregations = []
    return u
  }
}
