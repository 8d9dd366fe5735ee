import Criteria
import Foundation
import Model
import Scoring
import Testing

/// Builds a table with a text id column `id`, a text label column `name`, and numeric
/// columns (nil = missing).
func makeTable(ids: [String], numbers: [String: [Double?]], extra: [String: Column] = [:]) -> Table {
  var columns: [String: Column] = [
    "id": .text(TextColumn(ids.map { Optional($0) })),
    "name": .text(TextColumn(ids.map { Optional("企业\($0)") })),
  ]
  for (key, values) in numbers {
    columns[key] = .numeric(NumericColumn(values: values.map { $0 ?? 0 }, missing: values.map { $0 == nil }))
  }
  for (key, c) in extra { columns[key] = c }
  return Table(source: "test.csv", rowCount: ids.count, lines: ids.indices.map { $0 + 2 }, columns: columns)
}

/// A spec over the given criteria; each criterion's column is declared numeric with `missing`.
func makeSpec(
  _ criteria: [CriterionSpec], groups: [GroupSpec] = [], weighting: WeightingSpec = WeightingSpec(method: .direct),
  aggregation: AggregationMethod = .weightedSum, ranking: RankingSpec = RankingSpec(), stars: StarSpec = StarSpec(),
  missing: MissingPolicy = .reject, scale: ClosedRange<Double> = 0...100
) -> Spec {
  var columns = [
    ColumnSpec(key: "id", headers: ["id"], type: .text), ColumnSpec(key: "name", headers: ["name"], type: .text),
  ]
  for c in criteria where !columns.contains(where: { $0.key == c.column }) {
    columns.append(ColumnSpec(key: c.column, headers: [c.column], type: .number, missing: missing))
  }
  return Spec(
    source: "test.toml",
    evaluation: EvaluationInfo(name: "test", year: 2022, idColumn: "id", labelColumn: "name", scale: scale),
    columns: columns, criteria: criteria, groups: groups, weighting: weighting,
    aggregation: AggregationSpec(method: aggregation), ranking: ranking, stars: stars)
}

/// Every Double an Evaluation exposes is finite.
func allFinite(_ e: Evaluation) -> Bool {
  let arrays = [e.raw, e.score, e.weights] + e.normalised + Array(e.groupScores.values)
  let gaps = e.starGap.compactMap { $0?.pointsShort }
  let contributions = e.order.flatMap { e.contributions(row: $0) }
  return (arrays.joined() + gaps + contributions).allSatisfy(\.isFinite)
}

/// A reference fixture written by scripts/reference/make_fixtures.py.
struct ReferenceCase: @unchecked Sendable, CustomTestStringConvertible {
  let json: [String: Any]
  var testDescription: String { name }
  var name: String { json["name"] as? String ?? "?" }
  var matrix: [[Double]] { (json["matrix"] as? [[Double]]) ?? [] }
  var types: [Int] { (json["types"] as? [Int]) ?? [] }
  var weights: [Double] { doubles("weights") }
  var directions: [Direction] { types.map { $0 > 0 ? .benefit : .cost } }
  var constantColumns: [Int] { (json["constant_columns"] as? [Int]) ?? [] }
  /// Criterion-major raw columns.
  var columns: [[Double]] {
    guard let first = matrix.first else { return [] }
    return first.indices.map { j in matrix.map { $0[j] } }
  }
  func doubles(_ key: String) -> [Double] { (json[key] as? [Double]) ?? [] }
  func has(_ key: String) -> Bool { json[key] != nil }
  /// Criterion-major normalised columns (nil where the library gives NaN).
  func normalised(_ method: String) -> [[Double?]] {
    guard let n = json["normalised"] as? [String: Any], let cols = n[method] as? [[Any]] else { return [] }
    return cols.map { $0.map { $0 as? Double } }
  }
  func vikor(_ key: String) -> [Double] { ((json["vikor"] as? [String: Any])?[key] as? [Double]) ?? [] }
  var vikorV: Double { ((json["vikor"] as? [String: Any])?["v"] as? Double) ?? 0.5 }

  static func all() -> [ReferenceCase] {
    let names = ["random-1", "random-2", "random-3", "constant-column"]
    return names.compactMap { name in
      guard let url = Bundle.module.url(forResource: "reference-\(name)", withExtension: "json", subdirectory: "Fixtures"),
        let data = try? Data(contentsOf: url),
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return ReferenceCase(json: object)
    }
  }
}
