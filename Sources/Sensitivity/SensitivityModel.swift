import Procedure
import Selection
import Criteria
import Model
import Scoring

/// A scored table prepared for repeated re-scoring: the weight sampler, the method
/// variants, and the weight-independent part of the selection rules.
///
/// Build once, then run `MonteCarlo.run`, `WeightSobol.analyse` or `StabilityIntervals`
/// on it. Ranking ties inside a sample are broken by the nominal rank (so equal scores keep
/// the order the configured tie-break chain gave them).
public struct SensitivityModel: Sendable {
  public let table: Table
  public let spec: Spec
  public let evaluation: Evaluation
  public let uncertainty: UncertaintySpec
  public let sampler: WeightSampler
  /// Variant 0 is the nominal method; the others are drawn uniformly per sample.
  public let variants: [MethodVariant]
  let plan: SelectionPlan
  /// Ranked rows in nominal order.
  let candidates: [Int32]
  /// Ranked rows in row order (for scans that read the utilities sequentially).
  let rankedRows: [Int32]
  /// Nominal rank per row (Int32.max for unranked rows).
  let nominalRank: [Int32]

  /// - Parameters:
  ///   - uncertainty: overrides `spec.uncertainty` (default: the spec's, or `UncertaintySpec.defaults`).
  ///   - variants: the method variants, nominal first (default: the Evaluation's matrix
  ///     with `spec.aggregation` — re-prepared through the Scorer for TOPSIS, whose input
  ///     is not the unit matrix — followed by `MethodVariant.all` when `uncertainty` lists
  ///     alternative normalisations or aggregations).
  ///   - committee: the committee decisions; samples select under the final rules (a
  ///     vetoed enterprise is never selected, an added one always). The screening is
  ///     the evaluation's (`Evaluation.screening`): screened rows are never ranked.
  /// - Throws: `SensitivityError` for unknown `vary` keys, bad model parameters, a
  ///   variant whose shape does not match the table, or a variant the Scorer rejects.
  public init(
    evaluation: Evaluation, table: Table, spec: Spec, history: [HistoryEntry] = [],
    uncertainty: UncertaintySpec? = nil, variants: [MethodVariant]? = nil, committee: Committee = Committee()
  ) throws(SensitivityError) {
    let u = uncertainty ?? spec.uncertainty ?? .defaults
    self.table = table
    self.spec = spec
    self.evaluation = evaluation
    self.uncertainty = u
    let vary = try WeightSampler.varyingIndices(u.vary, spec: spec)
    sampler = try WeightSampler(nominal: evaluation.weights, varying: vary, model: u.model)
    let ranked = evaluation.rank.map { $0 > 0 }
    var list: [MethodVariant]
    if let variants, !variants.isEmpty {
      list = variants
    } else if !u.normalisations.isEmpty || !u.aggregations.isEmpty {
      list = try MethodVariant.all(table: table, spec: spec, uncertainty: u, screening: evaluation.screening)
    } else if case .topsis = spec.aggregation.method {
      list = [
        try MethodVariant.scored(table: table, spec: spec, normalisation: nil, aggregation: .topsis, screening: evaluation.screening)
      ]
    } else {
      list = [MethodVariant(normalised: evaluation.normalised.map(\.values), method: spec.aggregation.method, label: "nominal", ranked: ranked)]
    }
    for v in list where v.rows != table.rowCount || v.criteria != evaluation.weights.count {
      throw .variantShape(
        expectedRows: table.rowCount, expectedCriteria: evaluation.weights.count, rows: v.rows, criteria: v.criteria)
    }
    self.variants = list
    plan = SelectionPlan(table: table, spec: spec, evaluation: evaluation, history: history, committee: committee)
    candidates = evaluation.order.map { Int32($0) }
    rankedRows = evaluation.rank.indices.filter { evaluation.rank[$0] > 0 }.map { Int32($0) }
    nominalRank = evaluation.rank.map { $0 > 0 ? Int32($0) : Int32.max }
  }

  public var rowCount: Int { table.rowCount }
  public var criteriaCount: Int { evaluation.weights.count }
}
