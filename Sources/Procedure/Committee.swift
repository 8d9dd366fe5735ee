import Criteria
import Model

/// The committee decisions of a run (`--decisions`), checked against the table, the
/// programmes and the screening, and bound to rows and programme indices
/// (docs/selection.md, "Committee decisions"). The selection engine applies them inside
/// its one walk: a veto or withdrawal is a hurdle of its programme (of every programme
/// for `*`, which also forfeits the star reward); an `add` takes a place first.
public struct Committee: Sendable {
  /// One decision bound to its row and programme (nil: `*`).
  public struct Applied: Sendable {
    public let decision: CommitteeDecision
    public let row: Int
    public let programme: Int?
  }

  /// Every decision, in file order (files in the order given).
  public let decisions: [Applied]

  /// No decisions.
  public init() { decisions = [] }

  init(decisions: [Applied]) { self.decisions = decisions }

  public var isEmpty: Bool { decisions.isEmpty }

  /// Per row, the index (into `decisions`) of the first veto or withdrawal that takes it off
  /// programme `p` (−1: none); nil when no decision removes anyone from `p`.
  public func barred(programme p: Int, rows: Int) -> [Int32]? {
    var out: [Int32]?
    for (i, a) in decisions.enumerated() where a.decision.removes && (a.programme == nil || a.programme == p) {
      if out == nil { out = [Int32](repeating: -1, count: rows) }
      if out![a.row] < 0 { out![a.row] = Int32(i) }
    }
    return out
  }

  /// Rows added to programme `p`, in file order, each once.
  public func added(programme p: Int) -> [Int] {
    var out: [Int] = []
    for a in decisions where a.decision.action == .add && a.programme == p && !out.contains(a.row) { out.append(a.row) }
    return out
  }

  /// Rows vetoed or withdrawn for `*`: no programme and no star reward.
  public var withoutReward: Set<Int> {
    Set(decisions.filter { $0.decision.removes && $0.programme == nil }.map(\.row))
  }

  /// The decisions about `row`, in file order.
  public func about(_ row: Int) -> [Applied] { decisions.filter { $0.row == row } }

  /// Checks and binds `records`: an unknown id or programme (closest suggested), an `add`
  /// for `*`, an `add` of a screened enterprise, or a decision that contradicts another
  /// (an `add` and a veto/withdrawal of the same enterprise for the same programme, or for
  /// `*`) is an error `FILE:LINE: message`; all are reported at once.
  public static func resolve(
    _ records: [CommitteeDecision], spec: Spec, ids: IDIndex, screening: Screening
  ) -> Result<Committee, StageFailure> {
    var log = DiagnosticLog()
    var applied: [Applied] = []
    let keys = spec.programmes.map(\.key)
    for d in records {
      let row = ids.row(d.id)
      if row == nil { log.append(Diagnostic(file: d.file, line: d.line, column: "id", message: ids.unknownID(d.id))) }
      var programme: Int?
      var programmeOK = true
      if !d.isGlobal {
        programme = spec.programmes.firstIndex { $0.key == d.programme || $0.name == d.programme }
        if programme == nil {
          programmeOK = false
          log.append(
            Diagnostic(
              file: d.file, line: d.line, column: "programme",
              message: Message(
                zh: "未知的项目 \"\(d.programme)\"\(Suggestion.closest(to: d.programme, in: keys).map { "（是否应为 \"\($0)\"？）" } ?? "")；项目：\(keys.joined(separator: ", "))，或 * 表示全部",
                en: "unknown programme \"\(d.programme)\"\(Suggestion.hint(d.programme, keys)); programmes: \(keys.joined(separator: ", ")), or * for all")))
        }
      } else if d.action == .add {
        programmeOK = false
        log.append(
          Diagnostic(
            file: d.file, line: d.line, column: "programme", message: Message(
              zh: "add 需要指定项目：企业只能增补到一个名单，不能增补到所有名单（*）",
              en: "add needs a programme: an enterprise is added to one list, not to every list (*)")))
      }
      guard let row, programmeOK else { continue }
      if d.action == .add, !screening.reasons(of: row).isEmpty {
        let why = screening.reasons(of: row)[0]
        log.append(
          Diagnostic(
            file: d.file, line: d.line, column: "action",
            message: Message(
              zh: "不能把 \(d.id) 增补到 \(d.programme)：该企业已被筛除（\(why.text)）",
              en: "cannot add \(d.id) to \(d.programme): it was screened out (\(why.text))")))
        continue
      }
      if let other = applied.first(where: { a in
        a.row == row && a.decision.removes != d.removes
          && (a.programme == programme || (a.programme == nil && d.action == .add) || (programme == nil && a.decision.action == .add))
      }) {
        let o = other.decision
        log.append(
          Diagnostic(
            file: d.file, line: d.line,
            message: Message(
              zh: "对 \(d.id) 的 \(d.action.rawValue)（\(d.programme)）与 \(o.file):\(o.line) 的 \(o.action.rawValue)（\(o.programme)）矛盾",
              en: "\(d.action.rawValue) of \(d.id) for \(d.programme) contradicts \(o.action.rawValue) for \(o.programme) at \(o.file):\(o.line)")))
        continue
      }
      applied.append(Applied(decision: d, row: row, programme: programme))
    }
    if log.hasErrors { return .failure(StageFailure(.data, diagnostics: log)) }
    return .success(Committee(decisions: applied))
  }
}
