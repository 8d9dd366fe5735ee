import CXlsxWriter
import Criteria
import Model
import Scoring
import Selection

/// The formats of the sheets officials print (推荐汇总表, 公示名单), made once per workbook.
struct OfficialFormats {
  typealias Format = UnsafeMutablePointer<lxw_format>
  let title, subtitle, subtitleRight, header, cell, wrapCell, number, score, money, signature: Format?
  /// Raw metric values with 0, 1 and 2 decimals (a column takes the most its values need).
  let metric: [Format?]

  init(_ book: XLSXWorkbook, scoreDecimals: Int) {
    let thin = UInt8(LXW_BORDER_THIN.rawValue)
    let top = UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)
    title = book.format {
      format_set_bold($0)
      format_set_font_size($0, 16)
      format_set_align($0, UInt8(LXW_ALIGN_CENTER_ACROSS.rawValue))
      format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    }
    subtitle = book.format { format_set_font_size($0, 11) }
    subtitleRight = book.format {
      format_set_font_size($0, 11)
      format_set_align($0, UInt8(LXW_ALIGN_RIGHT.rawValue))
    }
    header = book.format {
      format_set_bold($0)
      format_set_bg_color($0, 0xDDE5F0)
      format_set_border($0, thin)
      format_set_text_wrap($0)
      format_set_align($0, UInt8(LXW_ALIGN_CENTER.rawValue))
      format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
    }
    cell = book.format {
      format_set_border($0, thin)
      format_set_align($0, top)
    }
    wrapCell = book.format {
      format_set_border($0, thin)
      format_set_text_wrap($0)
      format_set_align($0, top)
    }
    number = book.format {
      format_set_border($0, thin)
      format_set_align($0, top)
      format_set_num_format($0, "0")
    }
    let d = max(0, min(scoreDecimals, 9))
    score = book.format {
      format_set_border($0, thin)
      format_set_align($0, top)
      format_set_num_format($0, d == 0 ? "0" : "0." + String(repeating: "0", count: d))
    }
    money = book.format {
      format_set_border($0, thin)
      format_set_align($0, top)
      // Zero as "—", as on the printed pages (a programme that pays nothing).
      format_set_num_format($0, "#,##0;-#,##0;\"—\"")
    }
    metric = (0...2).map { d in
      book.format {
        format_set_border($0, thin)
        format_set_align($0, top)
        format_set_num_format($0, d == 0 ? "0" : "0." + String(repeating: "0", count: d))
      }
    }
    signature = book.format {
      format_set_font_size($0, 11)
      format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_BOTTOM.rawValue))
    }
  }
}

extension XLSXSheet {
  /// The lines `text` takes when wrapped in a column `width` characters wide (Excel's unit,
  /// the width of a digit; a CJK or full-width character about 1.8: between Excel's and LibreOffice's fonts), with a margin
  /// for breaks that leave a line short.
  static func wrappedLines(_ text: String, width: Double) -> Int {
    var total = 0.0
    for u in text.unicodeScalars { total += u.value >= 0x2E80 ? 1.8 : 1 }
    return max(1, Int((total * 1.05 / max(1, width - 0.8)).rounded(.up)))
  }

  /// Sets the height of `row` to fit the tallest of `cells` (text, column width) wrapped:
  /// neither Excel nor LibreOffice grows a row for wrapped text a library wrote, so without it
  /// a long 推荐理由 overlaps the next rows. Call before writing the row (constant-memory mode).
  func fitRow(_ row: Int, _ cells: [(String, Double)], lineHeight: Double = 15) {
    let lines = cells.map { XLSXSheet.wrappedLines($0.0, width: $0.1) }.max() ?? 1
    guard lines > 1 else { return }
    book.check(worksheet_set_row(ws, lxw_row_t(row), Double(lines) * lineHeight + 1, nil), "sheet '\(name)' row height")
  }

  /// A paragraph across columns 0…`last` of `row`, wrapped in the merged cells (a wrapped
  /// cell alone wraps in its own column's width).
  func paragraph(_ row: Int, last: Int, _ text: String, _ f: UnsafeMutablePointer<lxw_format>?) {
    book.check(
      worksheet_merge_range(ws, lxw_row_t(row), 0, lxw_row_t(row), lxw_col_t(last), XLSXWorkbook.clean(text), f), "sheet '\(name)' paragraph")
  }

  /// A title across columns 0…`last` of `row` (centred across the selection: merged cells
  /// do not work in constant-memory mode).
  func titleAcross(_ row: Int, last: Int, _ text: String, _ f: UnsafeMutablePointer<lxw_format>?) {
    book.check(worksheet_set_row(ws, lxw_row_t(row), 30, nil), "sheet '\(name)' title row")
    self.text(row, 0, text, f)
    for c in 1...max(1, last) { book.check(worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(c), f), "sheet '\(name)' title") }
  }
}

extension XLSXReport {
  /// 推荐汇总表 of programme `p`: title row, issuing unit and date, the final list then the
  /// reserves (推荐排序, name, credit code as text, district, industry, the programme's key raw
  /// metrics with units, 得分, 星级, 拟推荐层级, this programme's reward, 推荐理由, 备注), the
  /// shortfall noted, and the signature block. Fits one A4 page wide, header repeated.
  func summarySheet(_ p: Int, _ f: OfficialFormats) throws(ReportError) {
    let d = m.decision.programmes[p]
    let en = m.labels.english
    let s = try book.addSheet((en ? "Summary " : "汇总表-") + m.programmeName(d.key))
    let spec = m.spec.programmes.first { $0.key == d.key }
    let metrics = m.keyMetrics(d.key)
    let metricTitles = metrics.map { j -> String in
      let c = m.spec.criteria[j]
      let unit = OfficialText.unit(c, spec: m.spec)
      return unit.isEmpty ? c.label : "\(c.label)（\(unit)）"
    }
    let titles =
      (en
        ? ["No.", "Name", CSVReports.idHeader(m), "District", "Industry"]
        : ["推荐排序", "企业名称", "统一社会信用代码", "所属区域", "所属行业"]) + metricTitles
      + (en ? ["Score", "Stars", "Level", "Reward (yuan)", "Reason", "Note"] : ["得分", "星级", "拟推荐层级", "本项目奖励（元）", "推荐理由", "备注"])
    let widths: [Double] = [8, 26, 22, 10, 10] + metrics.map { _ in 11 } + [7, 5, 9, 14, 36, 22]
    s.header([], widths: widths, dataRows: 0, freeze: false, nil)
    s.printSetup(headerRow: 2, english: en)
    let last = titles.count - 1
    s.titleAcross(0, last: last, SummaryPages.title(m, key: d.key), f.title)
    let issuer = m.spec.documents.issuer
    s.text(1, 0, en ? "Issuing unit: \(issuer.isEmpty ? "__________" : issuer) (seal)" : "填报单位（盖章）：\(issuer.isEmpty ? "＿＿＿＿＿＿＿＿" : issuer)", f.subtitle)
    s.text(1, last, (en ? "Date: " : "填报日期：") + OfficialText.date(m.manifest.time, english: en), f.subtitleRight)
    s.fitRow(2, Array(zip(titles, widths)))
    for (c, t) in titles.enumerated() { s.text(2, c, t, f.header) }
    /// A bordered cell even when empty (the printed table keeps its grid).
    func put(_ r: Int, _ c: Int, _ text: String, _ fmt: UnsafeMutablePointer<lxw_format>?) {
      if text.isEmpty {
        book.check(worksheet_write_blank(s.ws, lxw_row_t(r), lxw_col_t(c), fmt), "sheet '\(s.name)' cell")
      } else {
        s.text(r, c, text, fmt)
      }
    }
    var r = 3
    let level = spec.map { m.labels.levelName($0.level) } ?? ""
    let entries = m.listEntries(p)
    let decimals = metrics.map { j in SummaryPages.columnDecimals(entries.map { m.facts.rows[$0.row]?.raw[j] ?? nil }) }
    let reasonColumn = 5 + metrics.count + 4
    for e in entries {
      let ev = m.evaluation
      let facts = m.facts.rows[e.row]
      s.fitRow(r, [(ev.labels[e.row], widths[1]), (e.reason, widths[reasonColumn]), (e.note, widths[reasonColumn + 1])])
      s.text(r, 0, e.status == .selected ? String(e.position) : (en ? "Reserve \(e.position)" : "候补\(e.position)"), f.cell)
      s.text(r, 1, ev.labels[e.row], f.wrapCell)
      s.text(r, 2, ev.ids[e.row], f.cell)
      put(r, 3, facts?.district ?? "", f.cell)
      put(r, 4, facts?.industry ?? "", f.cell)
      var c = 5
      for (k, j) in metrics.enumerated() {
        if let x = facts?.raw[j] ?? nil { s.number(r, c, x, decimals: 4, f.metric[decimals[k]]) } else { s.text(r, c, "—", f.cell) }
        c += 1
      }
      if ev.rank[e.row] > 0 {
        // Stored as shown (the spec's decimals): a printed list, not the analysis.
        s.number(r, c, ev.score[e.row], decimals: m.spec.evaluation.scoreDecimals, f.score)
        s.number(r, c + 1, Double(ev.stars[e.row]), f.number)
      } else {
        put(r, c, "", f.cell)
        put(r, c + 1, "", f.cell)
      }
      s.text(r, c + 2, e.status == .selected ? level : (en ? "reserve" : "候补"), f.cell)
      s.number(r, c + 3, e.reward, f.money)
      put(r, c + 4, e.reason, f.wrapCell)
      put(r, c + 5, e.note, f.wrapCell)
      r += 1
    }
    if r == 3 { s.text(r, 1, en ? "No enterprise meets the rules." : "无符合条件的企业", f.cell); r += 1 }
    let unpaid = entries.reduce(0) { $0 + $1.unpaid }
    r += 1
    if unpaid > 0 {
      s.text(r, 0, en ? "Budget shortfall: \(OfficialText.yuan(unpaid, english: true)) of this programme's rewards unpaid." : "说明：因预算不足，本项目奖励未发放 \(OfficialText.yuan(unpaid))（见备注）。", f.subtitle)
      r += 1
    }
    r += 1
    let sign = en
      ? ["Prepared by: ____________", "Checked by: ____________", "Seal:", "Date:      /      /"]
      : ["填报人：＿＿＿＿＿＿", "审核人：＿＿＿＿＿＿", "单位盖章：", "日期：　　年　　月　　日"]
    let spots = [0, 2, 5, min(last - 1, 5 + metrics.count + 3)]
    for (i, t) in sign.enumerated() { s.text(r, max(0, spots[i]), t, f.signature) }
    s.printArea(lastRow: r, lastColumn: last)
  }
}
