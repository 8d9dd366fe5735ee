import CXlsxWriter
import Criteria
import Foundation
import Model
import Scoring
import Selection

/// Writes `recommendations.xlsx`: one sheet per programme, then 排名 (ranking),
/// 星级 (stars), 奖励 (rewards) and 说明 (method). Sheet layouts are in docs/outputs.md.
struct XLSXReport {
  typealias Format = UnsafeMutablePointer<lxw_format>
  /// Decimals stored for scores and normalised values (shown with fewer; see `XLSXSheet.number(_:_:_:decimals:_:)`).
  static let storedDecimals = 6
  let m: ReportModel
  let book: XLSXWorkbook
  let bold, headerFormat, scoreFormat, normalisedFormat, integerFormat, moneyFormat, boldMoney, wrap: Format?
  /// Star requirement clauses as shown (`OfficialNames.starRequirements`), built once.
  let starRequirementTexts: [String: String]

  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let book = try XLSXWorkbook(
      path: path, title: m.spec.evaluation.name, author: "Exemplar \(m.options.version)", created: m.manifest.time,
      large: m.rowCount > 400_000)
    let r = XLSXReport(m: m, book: book)
    // First the sheets officials print (推荐汇总表 per programme), then the analysis sheets.
    let official = OfficialFormats(book, scoreDecimals: m.spec.evaluation.scoreDecimals)
    for p in m.decision.programmes.indices { try r.summarySheet(p, official) }
    for p in m.decision.programmes.indices { try r.programmeSheet(p) }
    try r.rankingSheet()
    try r.starsSheet()
    try r.rewardsSheet()
    try r.reReviewSheet()
    try r.methodSheet()
    try book.close()
  }

  init(m: ReportModel, book: XLSXWorkbook) {
    self.m = m
    self.book = book
    starRequirementTexts = OfficialNames.starRequirements(m.spec, english: m.labels.english)
    bold = book.format { format_set_bold($0) }
    headerFormat = book.format {
      format_set_bold($0)
      format_set_bg_color($0, 0xDDE5F0)
      format_set_border($0, UInt8(LXW_BORDER_THIN.rawValue))
      format_set_text_wrap($0)
      format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    }
    let decimals = max(0, min(m.spec.evaluation.scoreDecimals, 9))
    let scorePattern = decimals == 0 ? "0" : "0." + String(repeating: "0", count: decimals)
    scoreFormat = book.format { format_set_num_format($0, scorePattern) }
    normalisedFormat = book.format { format_set_num_format($0, "0.0000") }
    integerFormat = book.format { format_set_num_format($0, "0") }
    moneyFormat = book.format { format_set_num_format($0, "#,##0.00") }
    boldMoney = book.format {
      format_set_bold($0)
      format_set_num_format($0, "#,##0.00")
    }
    wrap = book.format { format_set_text_wrap($0) }
  }

  /// Header titles and widths of the per-enterprise columns: rank, id, name, score, stars, groups,
  /// and (when `criteria`) the normalised criteria.
  private func enterpriseColumns(scores: Bool) -> (titles: [String], widths: [Double]) {
    let L = m.labels
    let titles = [L.rank, CSVReports.idHeader(m), CSVReports.nameHeader(m), L.score, L.stars] + (scores ? CSVReports.scoreHeaders(m) : [])
    let widths: [Double] = [7, 22, 30, 9, 6] + Array(repeating: 12, count: titles.count - 5)
    return (titles, widths)
  }

  /// Writes rank, id, name, score, stars and (when `scores`) the group scores and normalised
  /// criteria of `row` starting at column `c`; returns the next column.
  @discardableResult
  private func enterpriseCells(_ s: XLSXSheet, _ r: Int, _ c: Int, row: Int, scores: Bool = true) -> Int {
    let rank = m.evaluation.rank[row]
    if rank > 0 { s.number(r, c, Double(rank), integerFormat) }
    s.idAndLabel(r, c + 1, row: row, of: m.evaluation)
    var col = c + 5
    guard scores else {
      if rank > 0 {
        s.number(r, c + 3, m.evaluation.score[row], decimals: XLSXReport.storedDecimals, scoreFormat)
        s.number(r, c + 4, Double(m.evaluation.stars[row]), integerFormat)
      }
      return col
    }
    if rank > 0 {
      s.number(r, c + 3, m.evaluation.score[row], decimals: XLSXReport.storedDecimals, scoreFormat)
      s.number(r, c + 4, Double(m.evaluation.stars[row]), integerFormat)
      for g in m.groupColumns {
        if row < g.count { s.number(r, col, g[row], decimals: XLSXReport.storedDecimals, scoreFormat) }
        col += 1
      }
      for v in m.normalisedColumns {
        if row < v.count { s.number(r, col, v[row], decimals: XLSXReport.storedDecimals, normalisedFormat) }
        col += 1
      }
    } else {
      col += m.groupColumns.count + m.normalisedColumns.count
    }
    return col
  }

  /// Status, position, reason (for a reserve, the cap that kept it off the shortlist), the
  /// computed status when committee decisions were applied, then the enterprise columns and
  /// this programme's reward.
  func programmeSheet(_ p: Int) throws(ReportError) {
    let d = m.decision.programmes[p]
    let s = try book.addSheet(m.programmeName(d.key))
    let L = m.labels
    let shownExcluded = min(d.excluded.count, max(0, m.options.excelExcludedRows))
    let rows = min(d.selected.count + d.reserve.count + shownExcluded, XLSXWorkbook.maxRows - 2)
    let cols = enterpriseColumns(scores: true)
    let computed = p < m.computedStatus.count ? m.computedStatus[p] : nil
    let lead = computed == nil ? [L.status, L.position, L.reason] : [L.status, L.position, L.reason, L.computedStatus]
    s.header(
      lead + cols.titles + [L.programmeReward], widths: [8, 6, 36] + (computed == nil ? [] : [8]) + cols.widths + [14],
      dataRows: rows, headerFormat)
    s.printSetup(english: L.english)
    // Printed: the list (selected, then reserves) up to the group scores; the excluded rows,
    // normalised criteria and reward stay on screen (the 汇总表 prints the rewards).
    s.printArea(lastRow: max(1, min(d.selected.count + d.reserve.count, rows)), lastColumn: lead.count + 4 + m.groupColumns.count)
    let rewards = m.programmeRewards[p]
    var r = 1
    func line(_ row: Int, _ status: ShortlistStatus, _ position: Int, _ reason: String) {
      guard r <= rows else { return }
      s.text(r, 0, L.statusName(status))
      s.number(r, 1, Double(position), integerFormat)
      s.text(r, 2, reason, nil)
      if let computed, let c = ShortlistStatus(rawValue: computed[row]) { s.text(r, 3, L.statusName(c)) }
      let next = enterpriseCells(s, r, lead.count, row: row)
      if let reward = rewards[row], reward > 0 { s.number(r, next, reward, moneyFormat) }
      r += 1
    }
    var reason = ReasonText(english: L.english)
    for (i, row) in d.selected.enumerated() { line(row, .selected, i + 1, "") }
    for (i, row) in d.reserve.enumerated() { line(row, .reserve, i + 1, d.reserveReasons[row].map { reason($0) } ?? "") }
    for (i, e) in d.excluded.prefix(shownExcluded).enumerated() { line(e.row, .excluded, i + 1, reason(e.reason)) }
    let hidden = d.selected.count + d.reserve.count + d.excluded.count - (r - 1)
    if hidden > 0 { s.text(r + 1, 0, L.more(hidden), bold) }
  }

  /// The full ranking (up to Excel's row limit) with group scores, every programme's status
  /// and the reward.
  /// Normalised criterion values are left to the programme sheets and ranking.csv: at 100,000
  /// rows they would double the sheet, and zip compression dominates the workbook's cost.
  func rankingSheet() throws(ReportError) {
    let s = try book.addSheet(m.labels.sheetRanking)
    let L = m.labels
    let order = m.evaluation.order
    let rows = min(order.count, XLSXWorkbook.maxRows - 2)
    let cols = enterpriseColumns(scores: false)
    let programmeTitles = m.decision.programmes.map { m.programmeName($0.key) }
    s.header(
      cols.titles + [L.competitionRank] + programmeTitles + [L.reward],
      widths: cols.widths + [8] + programmeTitles.map { _ in 10 } + [14], dataRows: rows, headerFormat)
    s.printSetup(english: L.english)
    for (i, row) in order.prefix(rows).enumerated() {
      let r = i + 1
      var c = enterpriseCells(s, r, 0, row: row, scores: false)
      s.number(r, c, Double(m.evaluation.competitionRank[row]), integerFormat)
      c += 1
      // Only 入选 / 候补 are written: an empty cell is "not on the list" (its reason is on
      // the programme's own sheet), which keeps the sheet — and its zip compression, the
      // workbook's main cost — a third smaller at 100,000 rows.
      for p in m.decision.programmes.indices {
        if let st = m.entry(programme: p, row: row).status, st != .excluded { s.text(r, c, L.statusName(st)) }
        c += 1
      }
      if m.rewardByRow[row] > 0 { s.number(r, c, m.rewardByRow[row], moneyFormat) }
    }
    if order.count > rows { s.text(rows + 2, 0, L.more(order.count - rows), bold) }
  }
}
