import Criteria
import Model

/// Resolves expression names for one enterprise (docs/criteria.md, "Expressions").
///
/// Column keys read the table; `score`, `raw`, `rank`, `stars`, `group.KEY` and
/// `criterion.KEY` read the evaluation. Names it does not know resolve to `.missing`
/// (the criteria loader has already rejected unknown names). Selection layers
/// `selected.PROG` / `eligible.PROG` on top through `extra`.
public struct RowContext {
  public let table: Table
  public let spec: Spec
  public let evaluation: Evaluation

  public init(table: Table, spec: Spec, evaluation: Evaluation) {
    self.table = table
    self.spec = spec
    self.evaluation = evaluation
  }

  /// The value of `name` for `row`.
  public func value(_ name: String, row: Int) -> ExprValue {
    switch spec.ref(name) {
    case .score: return .number(evaluation.score[row])
    case .raw: return .number(evaluation.raw[row])
    case .rank: return evaluation.rank[row] > 0 ? .number(Double(evaluation.rank[row])) : .missing
    case .stars: return .number(Double(evaluation.stars[row]))
    case .group(let key): return evaluation.groupScores[key].map { .number($0[row]) } ?? .missing
    case .criterion(let j):
      let s = spec.evaluation.scale
      return .number(s.lowerBound + evaluation.normalised[j][row] * (s.upperBound - s.lowerBound))
    case .column(let key): return Self.columnValue(table, key, row: row)
    case .selected, .eligible, nil: return .missing  // Selection binds programme names (NameResolver)
    }
  }

  /// The value of column `key` at `row` (shared with star rating, which runs before an Evaluation exists).
  public static func columnValue(_ table: Table, _ key: String, row: Int) -> ExprValue {
    guard let column = table.columns[key] else { return .missing }
    return columnValue(column, row: row)
  }

  /// The value of a column at `row` (for callers that looked the column up once).
  public static func columnValue(_ column: Column, row: Int) -> ExprValue {
    switch column {
    case .numeric(let c): return c.missing[row] ? .missing : .number(c.values[row])
    case .text(let v): return v[row].map { .string($0) } ?? .missing
    case .category(let c): return c.value(at: row).map { .string($0) } ?? .missing
    case .bool(let v): return v[row].map { .bool($0) } ?? .missing
    }
  }
}
