import Criteria
import Model

/// `RowContext` for many rows at once: each name an expression reads is looked up once,
/// so resolving a name for a row is a short scan of a few names and an array read
/// (no hashing, no string prefix tests per row). Same values as `RowContext.value`.
struct RowResolver {
  private enum Source {
    case numbers([Double])
    case rank([Int])
    case stars([Int])
    case column(Column)
    case missing
  }

  private let names: [String]
  private let sources: [Source]

  init(names: [String], table: Table, spec: Spec, evaluation: Evaluation) {
    var unique: [String] = []
    for n in names where !unique.contains(n) { unique.append(n) }
    self.names = unique
    let scale = spec.evaluation.scale
    sources = unique.map { name -> Source in
      switch name {
      case "score": return .numbers(evaluation.score)
      case "raw": return .numbers(evaluation.raw)
      case "rank": return .rank(evaluation.rank)
      case "stars": return .stars(evaluation.stars)
      default: break
      }
      if name.hasPrefix("group.") {
        return evaluation.groupScores[String(name.dropFirst(6))].map { .numbers($0) } ?? .missing
      }
      if name.hasPrefix("criterion.") {
        guard let j = spec.criterionIndex(String(name.dropFirst(10))) else { return .missing }
        let span = scale.upperBound - scale.lowerBound
        return .numbers(evaluation.normalised[j].map { scale.lowerBound + $0 * span })
      }
      return table.columns[name].map { .column($0) } ?? .missing
    }
  }

  func value(_ name: String, row: Int) -> ExprValue {
    for k in names.indices where names[k] == name {
      switch sources[k] {
      case .numbers(let v): return .number(v[row])
      case .rank(let v): return v[row] > 0 ? .number(Double(v[row])) : .missing
      case .stars(let v): return .number(Double(v[row]))
      case .column(let c): return RowContext.columnValue(c, row: row)
      case .missing: return .missing
      }
    }
    return .missing
  }
}
