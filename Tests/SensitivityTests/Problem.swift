import Criteria
import Model
import Scoring
import TestSupport

/// A hand-built scored problem for tests: min-max normalised benefit criteria, weighted
/// sum, ranks by score descending then id — computed here independently of the engine.
struct Problem {
  var table: Table
  var spec: Spec
  var evaluation: Evaluation

  /// - Parameters:
  ///   - values: criterion-major raw values `values[j][row]`.
  ///   - industries: category per row (column `industry`).
  ///   - criterionGroups: the group of each criterion (nil or absent: the root).
  ///   - labels: display names replacing `企业ID` for some rows.
  static func make(
    values: [[Double]], weights: [Double], industries: [String]? = nil, flags: [Bool]? = nil,
    programmes: [ProgrammeDraft] = [], stars: StarsDraft = StarsDraft(), uncertainty: UncertaintyDraft? = nil,
    aggregation: AggregationMethod = .weightedSum, groups: [GroupDraft] = [], criterionGroups: [String?] = [],
    labels: [Int: String] = [:]
  ) -> Problem {
    let m = values.count, n = values[0].count
    let ids = (0..<n).map { String(format3($0)) }
    var columns: [String: Column] = [
      "id": .text(TextColumn(ids.map { Optional($0) })), "name": .text(TextColumn(ids.map { Optional("企业\($0)") })),
    ]
    var colSpecs = [
      ColumnSpec(key: "id", headers: ["id"], type: .text), ColumnSpec(key: "name", headers: ["name"], type: .text),
    ]
    var criteria: [CriterionDraft] = []
    for j in 0..<m {
      columns["c\(j)"] = .numeric(NumericColumn(values: values[j], missing: Array(repeating: false, count: n)))
      colSpecs.append(ColumnSpec(key: "c\(j)", headers: ["c\(j)"], type: .number))
      criteria.append(CriterionDraft(key: "k\(j)", column: "c\(j)", group: j < criterionGroups.count ? criterionGroups[j] : nil, weight: weights[j]))
    }
    if let industries {
      let levels = Array(Set(industries)).sorted()
      columns["industry"] = .category(
        CategoryColumn(codes: industries.map { Int32(levels.firstIndex(of: $0) ?? -1) }, levels: levels))
      colSpecs.append(ColumnSpec(key: "industry", headers: ["industry"], type: .category))
    }
    if let flags {
      columns["flag"] = .bool(flags.map { Optional($0) })
      colSpecs.append(ColumnSpec(key: "flag", headers: ["flag"], type: .bool))
    }
    let table = Table(source: "t.csv", rowCount: n, lines: (0..<n).map { $0 + 2 }, columns: columns)
    let spec = loadedSpec(
      source: "c.toml", evaluation: EvaluationDraft(name: "t", year: 2022, idColumn: "id", labelColumn: "name"),
      columns: colSpecs, criteria: criteria, groups: groups, aggregation: aggregation, stars: stars,
      programmes: programmes, uncertainty: uncertainty)
    let normalised = values.map { col -> [Double] in
      let lo = col.min() ?? 0, hi = col.max() ?? 0
      return col.map { hi > lo ? ($0 - lo) / (hi - lo) : 1 }
    }
    let raw = (0..<n).map { i in (0..<m).reduce(0.0) { $0 + weights[$1] * normalised[$1][i] } }
    let order = (0..<n).sorted { raw[$0] != raw[$1] ? raw[$0] > raw[$1] : ids[$0] < ids[$1] }
    var rank = [Int](repeating: 0, count: n)
    for (p, r) in order.enumerated() { rank[r] = p + 1 }
    let score = raw.map { 100 * $0 }
    let starsOf = score.indices.map { i in
      stars.levels.last { score[i] >= $0.minScore && ($0.require.map { e in e.holds { RowContext.columnValue(table, $0, row: i) } } ?? true) }?
        .stars ?? 0
    }
    let evaluation = Evaluation(
      order: order, ids: StringColumn(ids), labels: StringColumn(ids.indices.map { labels[$0] ?? "企业\(ids[$0])" }), rank: rank, competitionRank: rank, raw: raw, score: score, utility: raw,
      stars: starsOf, starGap: Array(repeating: nil, count: n), normalised: normalised,
      imputed: Array(repeating: Array(repeating: false, count: n), count: m), weights: weights, groupScores: [:],
      weightReport: WeightReport(nodes: []), unranked: [])
    return Problem(table: table, spec: spec, evaluation: evaluation)
  }

  /// Random criterion-major values in [0, 100).
  static func random(rows n: Int, criteria m: Int, seed: UInt64) -> [[Double]] {
    var rng = SplitMix64(seed: seed)
    return (0..<m).map { _ in (0..<n).map { _ in (100 * rng.nextUnit()).rounded() / 1 } }
  }
}

private func format3(_ i: Int) -> String {
  let s = String(i)
  return String(repeating: "0", count: max(0, 4 - s.count)) + s
}
