import Criteria
import Model
import Scoring
import Selection

/// `summary.html` (and `summary.pdf` when Chromium is present): the 推荐汇总表 of every
/// programme as a printable page, one programme per A4 landscape page (or more when its list
/// is long), with the same columns, reasons and notes as the workbook's 汇总表 sheets and the
/// signature block under each.
enum SummaryPages {
  static func t(_ m: ReportModel, _ zh: String, _ en: String) -> String { m.labels.english ? en : zh }

  static let css = HTMLReport.css + """
    @page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; }
    body { max-width: 277mm; font-size: 9pt; } h1 { font-size: 15pt; text-align: center; margin-bottom: 2mm; }
    section.sheet { break-after: page; } section.sheet:last-child { break-after: auto; }
    .head { display: flex; justify-content: space-between; margin: 2mm 0; } table.list { font-size: 7.5pt; }
    table.list th { white-space: normal; word-break: normal; }
    .signs { display: flex; justify-content: space-between; margin-top: 8mm; font-size: 10pt; }

    """

  /// "2022年度宁波市管理创新提升标杆企业推荐汇总表" (the year once, when the name already has it).
  static func title(_ m: ReportModel, key: String) -> String {
    let name = m.programmeName(key)
    let year = "\(m.spec.evaluation.year)年度"
    if m.labels.english { return "\(m.spec.evaluation.year) \(name) — recommendation summary" }
    return (name.hasPrefix(year) ? "" : year) + name + "推荐汇总表"
  }

  /// The decimals a metric column is printed with: as many as its most precise value needs
  /// (`OfficialText.raw`, at most 2), so that a column's decimal points line up (33.90 beside
  /// 20.64, not 33.9).
  static func columnDecimals(_ values: [Double?]) -> Int {
    var most = 0
    for case let x? in values where x.isFinite {
      let text = formatTrimmed(x, decimals: 2)
      if let dot = text.firstIndex(of: ".") { most = max(most, text.distance(from: dot, to: text.endIndex) - 1) }
    }
    return most
  }

  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    let en = m.labels.english
    try sink.write("<!DOCTYPE html>\n<html lang=\"\(en ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n")
    try sink.write("<title>\(HTML.escape(t(m, "推荐汇总表", "Recommendation summaries")))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n")
    let issuer = m.spec.documents.issuer
    for (p, d) in m.decision.programmes.enumerated() {
      let spec = m.spec.programmes.first { $0.key == d.key }
      let metrics = m.keyMetrics(d.key)
      try sink.write("<section class=\"sheet\">\n<h1>\(HTML.escape(title(m, key: d.key)))</h1>\n")
      try sink.write("<div class=\"head\"><span>\(HTML.escape(t(m, "填报单位（盖章）：", "Issuing unit (seal): ") + (issuer.isEmpty ? "＿＿＿＿＿＿＿＿" : issuer)))</span>")
      try sink.write("<span>\(HTML.escape(t(m, "填报日期：", "Date: ") + OfficialText.date(m.manifest.time, english: en)))</span></div>\n")
      // Widths for 7.5 pt text: 推荐排序 and 星级 headers on one line, a 5-character district
      // or industry on one line, and the 推荐理由 column as wide as the rest allows (two lines a row).
      try sink.write("<table class=\"list\">\n<colgroup><col style=\"width:14mm\"><col style=\"width:28mm\"><col style=\"width:33mm\">")
      try sink.write("<col style=\"width:16mm\"><col style=\"width:16mm\">" + String(repeating: "<col style=\"width:14mm\">", count: metrics.count))
      try sink.write("<col style=\"width:10mm\"><col style=\"width:9mm\"><col style=\"width:12mm\"><col style=\"width:17mm\"><col><col style=\"width:22mm\"></colgroup>\n")
      try sink.write("<thead><tr><th>\(t(m, "推荐排序", "No."))</th><th>\(t(m, "企业名称", "Name"))</th><th>\(t(m, "统一社会信用代码", "Credit code"))</th>")
      try sink.write("<th>\(t(m, "所属区域", "District"))</th><th>\(t(m, "所属行业", "Industry"))</th>")
      for j in metrics {
        let c = m.spec.criteria[j]
        let unit = OfficialText.unit(c, spec: m.spec)
        try sink.write("<th style=\"white-space:normal\">\(HTML.escape(unit.isEmpty ? c.label : "\(c.label)（\(unit)）"))</th>")
      }
      try sink.write("<th>\(t(m, "得分", "Score"))</th><th>\(t(m, "星级", "Stars"))</th><th>\(t(m, "拟推荐层级", "Level"))</th>")
      try sink.write("<th>\(t(m, "本项目奖励", "Reward"))</th><th>\(t(m, "推荐理由", "Reason"))</th><th>\(t(m, "备注", "Note"))</th></tr></thead>\n<tbody>\n")
      let entries = m.listEntries(p)
      let ev = m.evaluation
      let decimals = metrics.map { j in columnDecimals(entries.map { m.facts.rows[$0.row]?.raw[j] ?? nil }) }
      for e in entries {
        let f = m.facts.rows[e.row]
        let no = e.status == .selected ? String(e.position) : t(m, "候补\(e.position)", "Reserve \(e.position)")
        try sink.write("<tr class=\"\(e.status == .selected ? "selected" : "reserve")\"><td class=\"nw\">\(no)</td><td>\(HTML.escape(ev.labels[e.row]))</td>")
        try sink.write("<td class=\"id\">\(HTML.escape(ev.ids[e.row]))</td><td class=\"nw\">\(HTML.escape(f?.district ?? ""))</td><td class=\"nw\">\(HTML.escape(f?.industry ?? ""))</td>")
        for (k, j) in metrics.enumerated() {
          let x = f?.raw[j] ?? nil
          try sink.write("<td class=\"n\">\(x.map { $0.isFinite ? formatFixed($0, decimals: decimals[k]) : "—" } ?? "—")</td>")
        }
        let ranked = ev.rank[e.row] > 0
        try sink.write("<td class=\"n\">\(ranked ? m.scoreText(ev.score[e.row]) : "")</td><td class=\"n\">\(ranked ? String(ev.stars[e.row]) : "")</td>")
        let level = e.status == .selected ? (spec.map { m.labels.levelName($0.level) } ?? "") : t(m, "候补", "reserve")
        try sink.write("<td class=\"nw\">\(level)</td><td class=\"n\">\(e.reward > 0 ? OfficialText.yuan(e.reward, english: en) : "—")</td>")
        try sink.write("<td>\(HTML.escape(e.reason))</td><td>\(HTML.escape(e.note))</td></tr>\n")
      }
      if entries.isEmpty { try sink.write("<tr><td colspan=\"\(11 + metrics.count)\">\(t(m, "无符合条件的企业", "No enterprise meets the rules."))</td></tr>\n") }
      try sink.write("</tbody>\n</table>\n")
      let unpaid = entries.reduce(0) { $0 + $1.unpaid }
      if unpaid > 0 {
        try sink.write("<p class=\"note\">\(HTML.escape(t(m, "说明：因预算不足，本项目奖励未发放 \(OfficialText.yuan(unpaid))（见备注）。", "Budget shortfall: \(OfficialText.yuan(unpaid, english: true)) of this programme's rewards unpaid.")))</p>\n")
      }
      let signs = en ? ["Prepared by: ________", "Checked by: ________", "Seal:", "Date:"] : ["填报人：＿＿＿＿＿＿", "审核人：＿＿＿＿＿＿", "单位盖章：", "日期：　　年　　月　　日"]
      try sink.write("<div class=\"signs keep\">" + signs.map { "<span>\(HTML.escape($0))</span>" }.joined() + "</div>\n</section>\n")
    }
    try sink.write("</body>\n</html>\n")
    try sink.close()
  }
}
