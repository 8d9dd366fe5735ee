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
      func fail(_ column: String, _ message: Message) {
        log.append(Diagnostic(file: file, line: e.line, column: column, message: message))
      }
      let p = programme(named: e.programme, in: spec)
      if p == nil {
        let closest = Suggestion.closest(to: e.programme, in: known)
        fail(
          "programme",
          Message(
            zh: "未知的推荐项目 \"\(e.programme)\"\(closest.map { "（是否应为 \"\($0)\"？）" } ?? "")：历史记录中的项目名称须为评选标准文件中某项目的键、名称或 history_names 之一",
            en: "unknown programme \"\(e.programme)\"\(Suggestion.hint(e.programme, known)): history names are a programme's key, its name or one of its history_names in the criteria file"))
      }
      if e.id.isEmpty {
        fail("id", Message(zh: "企业代码为空", en: "empty id"))
      } else if usccIDs, case .failure(let problem) = USCC.canonical(e.id) {
        fail("id", Message(zh: "统一社会信用代码 '\(e.id)' 无效：\(problem.message.zh)", en: "invalid unified social credit code '\(e.id)': \(problem)"))
      }
      if e.year >= spec.evaluation.year {
        fail(
          "year",
          Message(
            zh: "年度 \(e.year) 不早于评选年度 \(spec.evaluation.year)", en: "year \(e.year) is not before the evaluation year \(spec.evaluation.year)"))
      }
      let key = "\(e.id)\u{1F}\(e.year)\u{1F}\(p?.key ?? e.programme)"
      if let first = seen[key] {
        fail(
          "id",
          Message(
            zh: "重复：\(e.id) 于 \(e.year) 年推荐至 \(p?.key ?? e.programme) 已见于第 \(first) 行",
            en: "duplicate: \(e.id) for \(p?.key ?? e.programme) in \(e.year) is already on line \(first)"))
      } else {
        seen[key] = e.line
      }
    }
    return log
  }
}
