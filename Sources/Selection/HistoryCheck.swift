import Criteria
import Model

/// Checks a history source against the criteria before any rule reads it: every
/// programme name must be one the criteria file knows (a mistyped name would silently
/// switch the history rule off), every id valid, every year before the evaluation year,
/// no entry twice. Each problem is located at `FILE:LINE`.
public enum HistoryCheck {
  /// The programme a history name stands for: the first programme whose key, name or
  /// `history_names` is `name`.
  public static func programme(named name: String, in spec: Spec) -> ProgrammeSpec? {
    spec.programmes.first { $0.key == name } ?? spec.programmes.first { $0.historyNames.contains(name) || $0.name == name }
  }

  /// The problems of `entries` (read from `file`), errors and warnings.
  public static func check(_ entries: [HistoryEntry], file: String, spec: Spec) -> DiagnosticLog {
    var log = DiagnosticLog()
    var known: [String] = []
    for p in spec.programmes {
      for n in [p.key, p.name] + p.historyNames where !known.contains(n) { known.append(n) }
    }
    let idColumn = spec.columns.first { $0.key == spec.evaluation.idColumn }
    let usccIDs = idColumn?.type == .uscc
    var seen: [String: Int] = [:]
    for e in entries {
      func fail(_ column: String, _ message: String) {
        log.append(Diagnostic(file: file, line: e.line, column: column, message: message))
      }
      let p = programme(named: e.programme, in: spec)
      if p == nil {
        fail(
          "programme",
          "unknown programme \"\(e.programme)\"\(Suggestion.hint(e.programme, known)): history names are a programme's key, its name or one of its history_names in the criteria file")
      }
      if e.id.isEmpty {
        fail("id", "empty id")
      } else if usccIDs, case .failure(let problem) = USCC.canonical(e.id) {
        fail("id", "invalid unified social credit code '\(e.id)': \(problem)")
      }
      if e.year >= spec.evaluation.year {
        fail("year", "year \(e.year) is not before the evaluation year \(spec.evaluation.year)")
      }
      let key = "\(e.id)\u{1F}\(e.year)\u{1F}\(p?.key ?? e.programme)"
      if let first = seen[key] {
        fail("id", "duplicate: \(e.id) for \(p?.key ?? e.programme) in \(e.year) is already on line \(first)")
      } else {
        seen[key] = e.line
      }
    }
    return log
  }
}
