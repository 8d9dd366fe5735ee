import Criteria
import Foundation
import Ledger
import Model
import Reports
import Scoring
import Selection

/// What `run --ledger` records: the run's report turned into a `RunRecord`.
enum LedgerRecording {
  /// What the ledger records beside the report, kept from the analysis (whose table is
  /// released before the outputs are written): each row's line in the metrics file, the
  /// metric columns as read and the criteria file's text.
  struct Extra {
    var lines: [Int] = []
    var metrics: [RunRecord.Metric] = []
    var criteriaText = ""
    init() {}
    /// Every declared column read from the metrics file but the id and the name, in the
    /// criteria file's order (columns the run adds, such as the expert reviews' score, are
    /// not metrics as read).
    init(table: Table, spec: Spec, criteriaText: String) {
      lines = table.lines
      metrics = spec.columns.compactMap { c in
        guard c.key != spec.evaluation.idColumn, c.key != spec.evaluation.labelColumn, c.key != spec.reviews?.column,
          let header = table.headerFound[c.key], let column = table[c.key]
        else { return nil }
        return RunRecord.Metric(key: c.key, header: header, type: c.type.rawValue, column: column)
      }
      self.criteriaText = criteriaText
    }
  }

  /// The ledger's record of a written run.
  static func record(_ report: RunReport, extra: Extra, out: String) -> RunRecord {
    let lines = extra.lines
    let criteriaText = extra.criteriaText
    let e = report.evaluation
    let n = e.ids.count
    let m = report.manifest
    var inputs: [RunRecord.Input] =
      m.inputs.isEmpty
      ? [.init(role: "metrics", path: m.metricsFile, sha256: m.metricsSHA256), .init(role: "criteria", path: m.criteriaFile, sha256: m.criteriaSHA256)]
      : m.inputs.map { .init(role: $0.role, path: $0.file, sha256: $0.sha256) }
    for i in inputs.indices where inputs[i].role == "criteria" { inputs[i].content = criteriaText }
    var reasons: [(zh: String, en: String)] = []
    var reasonIndex: [ExclusionReason: Int32] = [:]
    var programmes: [RunRecord.Programme] = []
    for (i, d) in report.decision.programmes.enumerated() {
      let spec = report.spec.programmes.first { $0.key == d.key }
      var p = RunRecord.Programme(
        key: d.key, name: spec?.name ?? d.key, level: spec?.level.rawValue ?? "", quota: spec?.quota ?? 0,
        reserves: spec?.reserves ?? 0, historyYears: spec?.historyYears ?? 0, validYears: spec?.validYears ?? 0, rows: n)
      let codes: [Int32] = d.excluded.reasons.map { r in
        if let c = reasonIndex[r] { return c }
        let c = Int32(reasons.count)
        reasons.append((r.text(english: false), r.text(english: true)))
        reasonIndex[r] = c
        return c
      }
      for k in d.excluded.indices { p.reason[d.excluded.row(at: k)] = codes[d.excluded.reasonCode(at: k)] }
      for (k, row) in d.selected.enumerated() where row < n {
        p.final[row] = .selected
        p.position[row] = Int32(k + 1)
      }
      for (k, row) in d.reserve.enumerated() where row < n {
        p.final[row] = .reserve
        p.position[row] = Int32(k + 1)
      }
      p.finalOrder = (d.selected + d.reserve).filter { $0 < n }
      if i < report.decision.computed.count {
        let c = report.decision.computed[i]
        p.computedOrder = (c.selected + c.reserve).filter { $0 < n }
        for row in c.selected where row < n { p.computed[row] = .selected }
        for row in c.reserve where row < n { p.computed[row] = .reserve }
      }
      programmes.append(p)
    }
    var unranked: [Int: String] = [:]
    for u in e.unranked { unranked[u.row] = u.reason }
    let groups = report.spec.groups.compactMap { g in e.groupScores[g.key].map { (key: g.key, scores: $0) } }
    let rewards = report.decision.rewards.awards.map {
      RunRecord.Reward(row: $0.row, source: $0.source, entitled: $0.entitled, granted: $0.granted, superseded: $0.superseded)
    }
    return RunRecord(
      year: report.spec.evaluation.year, recordedAt: m.timeISO8601, version: m.version, criteriaName: report.spec.evaluation.name,
      out: out, inputs: inputs, ids: e.ids, names: e.labels, lines: lines.count == n ? lines : Array(repeating: 0, count: n),
      score: e.score, rank: e.rank, stars: e.stars, unranked: unranked, groups: groups, programmes: programmes,
      reasons: reasons, rewards: rewards, metrics: extra.metrics.filter { $0.column.count == n })
  }

  /// SHA-256 of the history a run used (the ledger's finals merged with `--history`) as
  /// `id,year,programme` lines, sorted, LF-terminated: the manifest's fingerprint of a ledger.
  static func historyDigest(_ history: [HistoryEntry]) -> String {
    let lines = Set(history.map { "\($0.id),\($0.year),\($0.programme)\n" }).sorted()
    return Manifest.sha256(of: Array(lines.joined().utf8))
  }

  /// Fault tests only: with `EXEMPLAR_LEDGER_TEST_PAUSE=FILE:SECONDS` set, the writer
  /// creates FILE inside its transaction, after every row is written and before the
  /// commit, and sleeps SECONDS (a test kills the process then, or starts a second writer).
  static func testPause() {
    guard let spec = ProcessInfo.processInfo.environment["EXEMPLAR_LEDGER_TEST_PAUSE"],
      let colon = spec.lastIndex(of: ":"), let seconds = Double(spec[spec.index(after: colon)...])
    else { return }
    _ = FileManager.default.createFile(atPath: String(spec[..<colon]), contents: Data())
    Thread.sleep(forTimeInterval: seconds)
  }
}
