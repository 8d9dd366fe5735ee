import Criteria
import Model
import Scoring
import Selection

/// Writes `ranking.csv` and `shortlists/KEY.csv` (columns in docs/outputs.md).
enum CSVReports {
  /// Decimals of normalised criterion values in CSV and Excel.
  static let normalisedDecimals = 4

  static func writeRanking(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try makeSink(m, path)
    var csv = try CSVWriter(sink: sink, byteOrderMark: m.options.outputEncoding == .utf8)
    let L = m.labels
    var header = [L.rank, L.competitionRank, idHeader(m), nameHeader(m), L.score, L.stars]
    header += scoreHeaders(m)
    for p in m.decision.programmes {
      let name = m.programmeName(p.key)
      header += [name + (L.english ? " " : "") + L.status, name + (L.english ? " " : "") + L.reason]
    }
    header.append(L.reward)
    try csv.row(header)
    var reasons = m.decision.programmes.map { _ in ReasonText(english: L.english) }
    for row in m.evaluation.order {
      try csv.integer(m.evaluation.rank[row])
      try csv.integer(m.evaluation.competitionRank[row])
      try commonCells(m, row, &csv)
      try programmeCells(m, row, &reasons, &csv)
      try reward(m, row, &csv)
      try csv.endRow()
    }
    for u in m.evaluation.unranked {
      try csv.number("")
      try csv.number("")
      try csv.text(m.evaluation.ids[u.row])
      try csv.text(m.evaluation.labels[u.row])
      for _ in 0..<(2 + m.groupKeys.count + m.spec.criteria.count) { try csv.number("") }
      for p in m.decision.programmes.indices {
        try csv.text(L.excluded)
        try csv.text((m.entry(programme: p, row: u.row).reason ?? .unranked(u.reason)).text(english: L.english))
      }
      try csv.number("")
      try csv.endRow()
    }
    try sink.close()
  }

  /// One file per programme: selected, then reserves, then everyone excluded (rank order) with the reason.
  static func writeShortlist(_ m: ReportModel, programme p: Int, to path: String) throws(ReportError) {
    let sink = try makeSink(m, path)
    var csv = try CSVWriter(sink: sink, byteOrderMark: m.options.outputEncoding == .utf8)
    let L = m.labels
    var header = [L.status, L.position, L.reason, L.rank, idHeader(m), nameHeader(m), L.score, L.stars]
    header += scoreHeaders(m)
    header.append(L.reward)
    try csv.row(header)
    let d = m.decision.programmes[p]
    func line(_ row: Int, _ status: ShortlistStatus, _ position: Int, _ reason: String) throws(ReportError) {
      try csv.text(L.statusName(status))
      try csv.integer(position)
      try csv.text(reason)
      let r = m.evaluation.rank[row]
      if r > 0 { try csv.integer(r) } else { try csv.empty() }
      try commonCells(m, row, &csv)
      try reward(m, row, &csv)
      try csv.endRow()
    }
    for (i, r) in d.selected.enumerated() { try line(r, .selected, i + 1, "") }
    for (i, r) in d.reserve.enumerated() { try line(r, .reserve, i + 1, "") }
    var reason = ReasonText(english: L.english)
    for (i, e) in d.excluded.enumerated() { try line(e.row, .excluded, i + 1, reason(e.reason)) }
    try sink.close()
  }

  /// id, name, score, stars, group scores, normalised criterion values.
  private static func commonCells(_ m: ReportModel, _ row: Int, _ csv: inout CSVWriter) throws(ReportError) {
    try csv.text(m.evaluation.ids[row])
    try csv.text(m.evaluation.labels[row])
    guard m.evaluation.rank[row] > 0 else {
      for _ in 0..<(2 + m.groupColumns.count + m.normalisedColumns.count) { try csv.empty() }
      return
    }
    let decimals = m.spec.evaluation.scoreDecimals
    try csv.number(m.evaluation.score[row], decimals: decimals)
    try csv.integer(m.evaluation.stars[row])
    for g in m.groupColumns { try csv.number(row < g.count ? g[row] : nil, decimals: decimals) }
    for c in m.normalisedColumns { try csv.number(row < c.count ? c[row] : nil, decimals: normalisedDecimals) }
  }

  private static func programmeCells(
    _ m: ReportModel, _ row: Int, _ reasons: inout [ReasonText], _ csv: inout CSVWriter
  ) throws(ReportError) {
    for p in m.decision.programmes.indices {
      let e = m.entry(programme: p, row: row)
      try csv.text(e.status.map { m.labels.statusName($0) } ?? "")
      try csv.text(e.reason.map { reasons[p]($0) } ?? "")
    }
  }

  /// Group score and normalised criterion headers.
  static func scoreHeaders(_ m: ReportModel) -> [String] {
    let L = m.labels
    return m.groupKeys.map { m.groupLabel($0) + L.groupScoreSuffix }
      + m.spec.criteria.map { $0.label + L.normalisedSuffix }
  }

  static func idHeader(_ m: ReportModel) -> String {
    m.labels.english ? m.labels.id : (m.spec.column(m.spec.evaluation.idColumn)?.label ?? m.labels.id)
  }

  static func nameHeader(_ m: ReportModel) -> String {
    m.labels.english ? m.labels.name : (m.spec.column(m.spec.evaluation.labelColumn)?.label ?? m.labels.name)
  }

  /// The granted reward with 2 decimals, empty when none.
  private static func reward(_ m: ReportModel, _ row: Int, _ csv: inout CSVWriter) throws(ReportError) {
    let x = m.rewardByRow[row]
    try csv.number(x > 0 ? x : nil, decimals: 2)
  }

  /// File name of a programme's CSV: the key with `/`, `\` and control characters replaced by `_`.
  static func fileName(forProgramme key: String) -> String {
    var s = String(key.unicodeScalars.map { c -> Character in
      (c == "/" || c == "\\" || c.value < 0x20) ? "_" : Character(c)
    })
    if s.isEmpty || s.hasPrefix(".") { s = "_" + s }
    return s + ".csv"
  }

  private static func makeSink(_ m: ReportModel, _ path: String) throws(ReportError) -> ByteSink {
    switch m.options.outputEncoding {
    case .utf8: return try ByteSink(path: path)
    case .gb18030: return try ByteSink(path: path, transcoder: try Transcoder(to: "GB18030", path: path))
    }
  }
}
