import Criteria
import Model

/// Scores and ranks every enterprise (docs/methods.md).
///
/// Pipeline: `prepare` (missing values, exclusion, winsorisation, normalisation) →
/// `WeightTree.resolve` (local and effective weights) → `aggregate` (weighted sum,
/// weighted product, TOPSIS or VIKOR) → score on the scale → group scores → `Ranker`.
/// Pure and deterministic; never yields NaN or ±Inf.
public enum Scorer {
  /// Scores and ranks every enterprise (stars are the selection engine's: `Selector.run`).
  /// Throws only for documented degenerate data that has no meaningful result (each
  /// located at the cell and naming the criterion).
  /// - Parameters:
  ///   - screening: rows screened out before scoring (`Procedure.Screener`): left out of the
  ///     ranking like rows with `missing = "exclude"`.
  ///   - prepared: `prepare(table, spec:, screening:)` made earlier for a spec with the same
  ///     criteria but for their weights, groups and labels, and the same aggregation family
  ///     (TOPSIS or not) — what a caller that moves only weights may reuse (`exemplar tune`).
  public static func evaluate(
    _ table: Table, spec: Spec, screening: Screening = Screening(), prepared: ScoringMatrix? = nil
  ) throws(ScoringError) -> Evaluation {
    let matrix: ScoringMatrix
    if let prepared { matrix = prepared } else { matrix = try prepare(table, spec: spec, screening: screening) }
    let weighted = WeightTree.resolve(spec: spec) { matrix.orientedMinMax($0, spec: spec) }
    let weights = weighted.weights
    let (raw, strength) = aggregate(matrix, method: spec.aggregation.method, weights: weights)
    let scale = spec.evaluation.scale
    let span = scale.upperBound - scale.lowerBound
    let score = strength.map { scale.lowerBound + span * $0 }
    let groups = groupScores(matrix, spec: spec, weights: weights)
    let keys: [Double]
    if case .vikor = spec.aggregation.method { keys = raw.map { -$0 } } else { keys = raw }
    let tieKeys = try tieBreakKeys(spec: spec, table: table, matrix: matrix, groups: groups)
    let allIds = strings(table, spec.evaluation.idColumn)
    let ids = matrix.isIdentity ? allIds : StringColumn(matrix.rows.lazy.map { allIds[$0] })
    let ranked = Ranker.rank(keys: keys, precision: spec.ranking.precision, tieBreak: tieKeys, ids: ids)

    let n = table.rowCount
    var evaluation = Evaluation(
      order: ranked.order.map { matrix.rows[$0] },
      ids: allIds, labels: strings(table, spec.evaluation.labelColumn),
      rank: expand(ranked.rank, matrix, fill: 0), competitionRank: expand(ranked.competitionRank, matrix, fill: 0),
      raw: expand(raw, matrix, fill: 0), score: expand(score, matrix, fill: 0), utility: expand(strength, matrix, fill: 0),
      stars: [Int](repeating: 0, count: n), starGap: StarGaps(count: n),
      normalised: expand(matrix.unit, matrix), imputed: matrix.imputed, weights: weights,
      groupScores: groups.mapValues { expand($0, matrix, fill: 0) }, weightReport: weighted.report,
      unranked: matrix.unranked)
    evaluation.screening = screening
    switch spec.aggregation.method {
    case .weightedSum, .weightedProduct:
      // These decompositions read no column.
      evaluation.decomposition = ScoreDecomposition([], method: spec.aggregation.method, weights: weights)
    case .topsis, .vikor:
      let input = methodColumns(matrix, method: spec.aggregation.method)
      evaluation.decomposition = ScoreDecomposition(input.map(\.values), method: spec.aggregation.method, weights: weights)
      if case .topsis = spec.aggregation.method { evaluation.methodInput = expand(input, matrix) }
    }
    return evaluation
  }

  /// Aggregates a prepared matrix with the given criterion weights (Σ = 1), through the
  /// one aggregation kernel (`Aggregation`, the sensitivity samples' too).
  ///
  /// Returns the method's native value per compact row (`raw`: weighted sum or product
  /// in [0, 1], TOPSIS closeness, VIKOR Q with lower better) and its strength
  /// s ∈ [0, 1], higher better (s = raw, or 1 − Q for VIKOR); score = lo + (hi − lo)·s.
  public static func aggregate(
    _ matrix: ScoringMatrix, method: AggregationMethod, weights: [Double]
  ) -> (raw: [Double], strength: [Double]) {
    let (raw, utility) = Aggregation.scores(methodColumns(matrix, method: method), method: method, weights: weights)
    return (raw, utility)
  }

  /// The compact columns `method` aggregates: TOPSIS's input, or the unit values.
  static func methodColumns(_ matrix: ScoringMatrix, method: AggregationMethod) -> [UnitColumn] {
    if case .topsis = method, let topsis = matrix.topsis { return topsis.map(UnitColumn.init) }
    return matrix.unit
  }

  /// Display strings of a column for every row ("" when missing or absent): a text
  /// column's own storage, any other column's values packed once.
  static func strings(_ table: Table, _ key: String) -> StringColumn {
    guard let column = table[key] else { return StringColumn(repeatElement("", count: table.rowCount)) }
    if case .text(let v) = column { return StringColumn(v) }
    return StringColumn((0..<table.rowCount).lazy.map { column.string(at: $0) })
  }

  /// Compact unit columns → one entry per table row (0 for unranked rows); computed
  /// columns stay computed when every row is ranked.
  static func expand(_ compact: [UnitColumn], _ matrix: ScoringMatrix) -> [UnitColumn] {
    if matrix.isIdentity { return compact }
    return compact.map { UnitColumn(expand($0.values, matrix, fill: 0)) }
  }

  /// Compact array → one entry per table row (`fill` for unranked rows).
  static func expand<T>(_ compact: [T], _ matrix: ScoringMatrix, fill: T) -> [T] {
    if matrix.isIdentity { return compact }
    var out = [T](repeating: fill, count: matrix.tableRowCount)
    for (k, row) in matrix.rows.enumerated() { out[row] = compact[k] }
    return out
  }
}
