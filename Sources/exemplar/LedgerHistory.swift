import Criteria
import Ledger
import Model
import Selection

/// History from a ledger's finals merged with a `--history` file.
enum LedgerHistory {
  /// The finals of earlier years are authoritative for the year and programme they cover:
  /// an entry of the history file for such a year and programme that the final does not
  /// list is reported (a warning at its line) and left out; an enterprise of the final
  /// missing from a history file that lists that year and programme is reported too. The
  /// history file's entries for other years and programmes are kept. A final's programme
  /// the criteria file no longer has is reported and not used.
  static func merge(
    csv: [HistoryEntry], csvFile: String, finals: [FinalEntry], ledgerFile: String, spec: Spec, log: inout DiagnosticLog
  ) -> [HistoryEntry] {
    var out: [HistoryEntry] = []
    var covered: [String: Int] = [:]  // "year/programme" → run
    var onFinal = Set<String>()
    var retired: [String: Int] = [:]
    for f in finals {
      guard let p = spec.programmes.first(where: { $0.key == f.programme }) else {
        retired["\(f.year) \(f.programme) (run \(f.run))", default: 0] += 1
        continue
      }
      covered["\(f.year)/\(p.key)"] = f.run
      onFinal.insert("\(f.year)/\(p.key)/\(f.id)")
      // The name the programme's history rule reads.
      out.append(HistoryEntry(id: f.id, year: f.year, programme: p.historyNames.contains(p.key) ? p.key : p.historyNames.first ?? p.key))
    }
    for (what, n) in retired.sorted(by: { $0.key < $1.key }) {
      log.append(
        Diagnostic(
          .warning, file: ledgerFile, line: 0,
          message: Message(
            zh: "\(what) 的终稿所属的推荐项目不在评选标准文件中；其 \(n) 条推荐记录不作为历史使用",
            en: "the final of \(what) is for a programme the criteria file does not have; its \(n) recommendation(s) are not used as history")))
    }
    var csvListed = Set<String>()
    for e in csv {
      guard let p = HistoryCheck.programme(named: e.programme, in: spec) else { continue }
      let key = "\(e.year)/\(p.key)"
      guard let run = covered[key] else {
        out.append(e)
        continue
      }
      csvListed.insert("\(key)/\(e.id)")
      if !onFinal.contains("\(key)/\(e.id)") {
        log.append(
          Diagnostic(
            .warning, file: csvFile, line: e.line, column: "id",
            message: Message(
              zh: "\(e.id) 不在台账 \(e.year) 年 \(p.key) 的终稿（第 \(run) 次运行）中；以台账终稿为准",
              en: "\(e.id) is not on the ledger's final of \(e.year) for \(p.key) (run \(run)); the ledger's final is used")))
      }
    }
    let csvYears = Set(csv.compactMap { e in HistoryCheck.programme(named: e.programme, in: spec).map { "\(e.year)/\($0.key)" } })
    for f in finals where csvYears.contains("\(f.year)/\(f.programme)") && !csvListed.contains("\(f.year)/\(f.programme)/\(f.id)") {
      log.append(
        Diagnostic(
          .warning, file: csvFile, line: 0,
          message: Message(
            zh: "\(f.id) 在台账 \(f.year) 年 \(f.programme) 的终稿（第 \(f.run) 次运行）中，但不在此历史文件中；以台账终稿为准",
            en: "\(f.id) is on the ledger's final of \(f.year) for \(f.programme) (run \(f.run)) but not in this history file; the ledger's final is used")))
    }
    return out
  }
}
