import Criteria
import Model

/// Builds a table with a text id column `id`, a text label column `name`, and numeric
/// columns (nil = missing).
public func makeTable(ids: [String], numbers: [String: [Double?]], extra: [String: Column] = [:]) -> Table {
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
/// Loaded through the real loader (`loadedSpec`); a spec the loader rejects stops the test run.
public func makeSpec(
  _ criteria: [CriterionDraft], groups: [GroupDraft] = [], weighting: WeightingDraft = WeightingDraft(method: .direct),
  aggregation: AggregationMethod = .weightedSum, ranking: RankingDraft = RankingDraft(), stars: StarsDraft = StarsDraft(),
  missing: MissingPolicy = .reject, scale: ClosedRange<Double> = 0...100, extraColumns: [ColumnSpec] = [],
  programmes: [ProgrammeDraft] = [], file: StaticString = #file, line: UInt = #line
) -> Spec {
  var columns = [
    ColumnSpec(key: "id", headers: ["id"], type: .text), ColumnSpec(key: "name", headers: ["name"], type: .text),
  ]
  for c in criteria where !columns.contains(where: { $0.key == c.column }) {
    columns.append(ColumnSpec(key: c.column, headers: [c.column], type: .number, missing: missing))
  }
  columns += extraColumns
  return loadedSpec(
    source: "test.toml",
    evaluation: EvaluationDraft(name: "test", year: 2022, idColumn: "id", labelColumn: "name", scale: scale),
    columns: columns, criteria: criteria, groups: groups, weighting: weighting, aggregation: aggregation, ranking: ranking,
    stars: stars, programmes: programmes, file: file, line: line)
}
