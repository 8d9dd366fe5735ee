import Criteria
import Model
import Scoring

extension MethodVariant {
  /// The variant for `table` scored with every criterion normalised by `normalisation`
  /// (nil = each criterion's own) and aggregated by `aggregation`, through
  /// `Scorer.prepare` (missing values, winsorisation, orientation exactly as the Scorer).
  /// TOPSIS reads the Scorer's TOPSIS input (vector normalisation unless set explicitly).
  /// - Throws: `SensitivityError.scoring` with the Scorer's message.
  public static func scored(
    table: Table, spec: Spec, normalisation: Normalisation?, aggregation: AggregationMethod, screening: Screening = Screening()
  ) throws(SensitivityError) -> MethodVariant {
    let matrix: ScoringMatrix
    do {
      let s = try spec.withMethod(normalisation: normalisation, aggregation: aggregation)
      matrix = try Scorer.prepare(table, spec: s, screening: screening)
    } catch { throw .scoring(SensitivityError.scoringText(error)) }
    var columns = matrix.unit.map(\.values)
    if case .topsis = aggregation, let t = matrix.topsis { columns = t }
    let n = table.rowCount
    var ranked = [Bool](repeating: false, count: n)
    for r in matrix.rows { ranked[r] = true }
    let full = columns.map { col -> [Double] in
      var out = [Double](repeating: 0, count: n)
      for (k, r) in matrix.rows.enumerated() { out[r] = col[k] }
      return out
    }
    let label = (normalisation.map { "\($0)" } ?? "nominal") + " / " + "\(aggregation)"
    return MethodVariant(normalised: full, method: aggregation, label: label, ranked: ranked)
  }

  /// Every combination of (nominal + alternative normalisations) × (nominal + alternative
  /// aggregations) in `uncertainty`, nominal × nominal first: drawing one uniformly per
  /// sample draws the normalisation and the aggregation independently and uniformly.
  public static func all(
    table: Table, spec: Spec, uncertainty: UncertaintySpec, screening: Screening = Screening()
  ) throws(SensitivityError) -> [MethodVariant] {
    let norms: [Normalisation?] = [nil] + uncertainty.normalisations.map { Optional($0) }
    let aggs = [spec.aggregation.method] + uncertainty.aggregations
    var out: [MethodVariant] = []
    for a in aggs { for nm in norms { out.append(try scored(table: table, spec: spec, normalisation: nm, aggregation: a, screening: screening)) } }
    return out
  }
}
