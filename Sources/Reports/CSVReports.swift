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
    var csv = CSVWriter(into: ByteBuffer(capacity: 1 << 16), byteOrderMark: m.options.outputEncoding == .utf8)
    let L = m.labels
    var header = [L.rank, L.competitionRank, idHeader(m), nameHeader(m), L.score, L.stars]
    header += scoreHeaders(m)
    for p in m.decision.programmes {
      let name = m.programmeName(p.key)
      header += [name + (L.english ? " " : "") + L.status, name + (L.english ? " " : "") + L.reason]
      if !m.computedStatus.isEmpty { header.append(name + (L.english ? " " : "") + L.computedStatus) }
    }
    header.append(L.reward)
    csv.row(header)
    try sink.write(csv.out)
    csv.out.removeAll()
    let rows = CSVRows(m)
    let order = m.evaluation.order
    let coded = rows.codedColumns
    let codes = FixedCodes(coded.columns, decimals: coded.decimals, workers: m.formatThreads)
    try BlockWriter.write(count: order.count, to: sink, workers: m.formatThreads) { range, buffer in
      var b = CSVWriter(into: buffer)
      rows.rankingRows(order, range, codes: codes, &b)
    }
    for u in m.evaluation.unranked {
      csv.number("")
      csv.number("")
      csv.id(m.evaluation.ids[u.row], excelText: m.options.excelTextIDs)
      csv.text(m.evaluation.labels[u.row])
      csv.empty(2 + m.groupKeys.count + m.spec.criteria.count)
      for p in m.decision.programmes.indices {
        csv.text(L.excluded)
        csv.text((m.entry(programme: p, row: u.row).reason ?? .unranked(u.reason)).text(english: L.english))
        if p < m.computedStatus.count { csv.text(L.excluded) }
      }
      csv.number("")
      csv.endRow()
      try csv.flushIfLarge(sink)
    }
    try sink.write(csv.out)
    try sink.close()
  }

  /// One file per programme: selected, then reserves (every column), then everyone excluded
  /// (rank order) with the reason; for them the group-score and normalised columns are left
  /// empty (ranking.csv has them), which keeps the file rectangular but cheap to write.
  static func writeShortlist(_ m: ReportModel, programme p: Int, to path: String) throws(ReportError) {
    let sink = try makeSink(m, path)
    var csv = CSVWriter(into: ByteBuffer(capacity: 1 << 16), byteOrderMark: m.options.outputEncoding == .utf8)
    let L = m.labels
    var header = [L.status, L.position, L.reason]
    if !m.computedStatus.isEmpty { header.append(L.computedStatus) }
    header += [L.rank, idHeader(m), nameHeader(m), L.score, L.stars]
    header += scoreHeaders(m)
    header.append(L.programmeReward)
    csv.row(header)
    let rows = CSVRows(m)
    let d = m.decision.programmes[p]
    let rewards = m.programmeRewards[p]
    for (i, r) in d.selected.enumerated() {
      rows.shortlistRow(r, programme: p, L.selected, i + 1, "", reward: rewards[r] ?? 0, full: true, &csv)
      try csv.flushIfLarge(sink)
    }
    for (i, r) in d.reserve.enumerated() {
      let why = d.reserveReasons[r]?.text(english: L.english) ?? ""
      rows.shortlistRow(r, programme: p, L.reserve, i + 1, why, reward: rewards[r] ?? 0, full: true, &csv)
      try csv.flushIfLarge(sink)
    }
    try sink.write(csv.out)
    let excluded = d.excluded
    let texts = m.reasonTexts[p]
    try BlockWriter.write(count: excluded.count, to: sink, workers: m.formatThreads) { range, buffer in
      var b = CSVWriter(into: buffer)
      for i in range {
        let reason = texts[excluded.reasonCode(at: i)]
        let row = excluded.row(at: i)
        rows.shortlistRow(row, programme: p, rows.labels.excluded, i + 1, reason, reward: rewards[row] ?? 0, full: false, &b)
      }
    }
    try sink.close()
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

  /// File name of a programme's CSV (`ProgrammeSpec.shortlistFileName(forKey:)`).
  static func fileName(forProgramme key: String) -> String { ProgrammeSpec.shortlistFileName(forKey: key) }

  private static func makeSink(_ m: ReportModel, _ path: String) throws(ReportError) -> ByteSink {
    switch m.options.outputEncoding {
    case .utf8: return try ByteSink(path: path, durability: .byFolder)
    case .gb18030: return try ByteSink(path: path, durability: .byFolder, transcoder: try Transcoder(to: "GB18030", path: path))
    }
  }
}
