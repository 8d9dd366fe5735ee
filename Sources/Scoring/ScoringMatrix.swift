import Criteria
import Model

/// The criteria columns of a table, ready to aggregate: missing values handled, rows
/// with an `exclude` policy left out, values winsorised and normalised.
///
/// Criterion-major and compact: `unit[j][k]` belongs to table row `rows[k]`. The
/// sensitivity engine prepares this once and re-aggregates it with other weights.
public struct ScoringMatrix: Sendable {
  /// Table rows in the ranking, ascending.
  public var rows: [Int]
  /// Table rows left out of the ranking, ascending, with the reason (naming the column).
  public var unranked: [(row: Int, reason: String)]
  /// Number of rows of the table.
  public var tableRowCount: Int
  /// Criterion values after imputation and winsorisation (compact, not oriented), read by
  /// `orientedMinMax` for the normalisations other than min-max. A min-max column read
  /// from the ingested values (`UnitColumn`) holds those values here, its imputed rows
  /// as ingested (0): its imputed values are in `unit`.
  var values: [[Double]]
  /// `imputed[j][row]` over all table rows: the value was missing and was imputed.
  public var imputed: [[Bool]]
  /// Oriented normalised values in [0, 1] (compact): what weighted sum, weighted
  /// product, VIKOR, group scores and contributions use. Min-max columns are computed on
  /// read from `values` (`UnitColumn`).
  public var unit: [UnitColumn]
  /// TOPSIS input (compact), present when the spec aggregates with TOPSIS: the
  /// criterion's own oriented normalisation when it was set explicitly, else vector.
  public var topsis: [[Double]]?
  /// Directions, spec order.
  public var directions: [Direction]

  /// Oriented min-max column of criterion `j` (compact), the input of entropy, CRITIC
  /// and std-dev weighting.
  public func orientedMinMax(_ j: Int, spec: Spec) -> [Double] {
    if case .minMax = spec.criteria[j].normalisation { return unit[j].values }
    let x = Normalisation.tamed(values[j])
    return MinMaxNormaliser.normalise(directions[j] == .cost ? x.map { -$0 } : x)
  }

  /// Whether row k of the compact arrays is table row k (no row was excluded).
  public var isIdentity: Bool { rows.count == tableRowCount }
}
