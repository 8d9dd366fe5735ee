import Criteria
import Model
import Procedure
import Scoring
import Selection

/// Writes `report.html`, the committee report: one self-contained page (inline CSS and SVG,
/// no scripts, nothing fetched) laid out for A4 print (`@page`, page numbers, no orphaned
/// headings). Cover, summary in words, method (weights, star levels, data handling), each
/// programme's final list and reserves with reasons, rewards and the budget shortfall, the
/// approval block; the analysts' material (charts, stability, run record) in an appendix.
/// Its length depends on the lists' sizes, never on the number of enterprises.
enum HTMLReport {
  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    let L = m.labels
    try sink.write("<!DOCTYPE html>\n<html lang=\"\(L.english ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n")
    try sink.write("<title>\(HTML.escape(title(m)))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n")
    try cover(m, sink)
    try summary(m, sink)
    try method(m, sink)
    try lists(m, sink)
    try rewards(m, sink)
    try reReview(m, sink)
    try approval(m, sink)
    try appendix(m, sink)
    try sink.write("</body>\n</html>\n")
    try sink.close()
  }

  /// The document's title: `[documents] title`, else the evaluation's name with 推荐结果报告.
  static func title(_ m: ReportModel) -> String {
    m.spec.documents.title ?? (m.spec.evaluation.name + (m.labels.english ? " — recommendation report" : "推荐结果报告"))
  }

  /// Chinese or English text, whichever the run writes.
  static func t(_ m: ReportModel, _ zh: String, _ en: String) -> String { m.labels.english ? en : zh }

  static let css = """
    @page { size: A4; margin: 16mm 14mm 16mm 14mm;
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555;
        font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; } }
    @page :first { @bottom-center { content: none; } }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
      font-size: 10.5pt; line-height: 1.5; color: #222; max-width: 182mm; margin: 0 auto; padding: 8mm 0; }
    h1 { font-size: 20pt; margin: 0 0 4mm; line-height: 1.3; } h2 { font-size: 13pt; border-bottom: 2px solid #3b6ea8; padding-bottom: 1mm; margin: 7mm 0 3mm; }
    h3 { font-size: 11pt; margin: 5mm 0 2mm; } h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    p { margin: 1.5mm 0; } .sub { color: #555; } .note { color: #555; font-size: 9pt; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
    th, td { border: 1px solid #c8ced6; padding: 0.8mm 1.4mm; text-align: left; vertical-align: top; }
    th { background: #dde5f0; white-space: nowrap; word-break: keep-all; } td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.id { white-space: nowrap; font-size: 8.5pt; } td.nw { white-space: nowrap; }
    tr.reserve td { background: #fdf6e3; } .kv th { width: 28%; white-space: normal; }
    thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
    .keep { break-inside: avoid; page-break-inside: avoid; }
    .cover { text-align: center; padding-top: 45mm; }
    .cover .issuer { font-size: 15pt; letter-spacing: 1pt; margin-bottom: 20mm; }
    .cover .date { font-size: 13pt; margin-top: 25mm; } .cover table { width: 70%; margin: 30mm auto 0; text-align: left; }
    .charts { display: flex; flex-wrap: wrap; gap: 6mm; } figure { margin: 0; } figcaption { font-weight: bold; font-size: 9.5pt; }
    code { font-size: 8.5pt; word-break: break-all; } .sign td { height: 14mm; } .sign th { width: 18%; }
    ol.plain { margin: 1mm 0; padding-left: 6mm; }
    table.list { table-layout: fixed; font-size: 8pt; } table.list td { overflow-wrap: anywhere; } table.list td.id { font-size: 7.5pt; }
    table.list .note { font-size: 7.5pt; } section.programme > p.sub { break-after: avoid; page-break-after: avoid; }
    table.stab { font-size: 7pt; } table.stab td, table.stab th { padding: 0.4mm 0.8mm; } table.stab td:first-child { white-space: nowrap; } tr.group td { font-weight: bold; }
    @media print { body { padding: 0; max-width: none; } .cover, .appendix { break-after: page; } .appendix { break-before: page; break-after: auto; } }

    """

  /// Cover: issuing body, title, date (Chinese form, Beijing time), what the report covers.
  private static func cover(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let d = m.spec.documents
    try sink.write("<section class=\"cover\">\n")
    try sink.write("<p class=\"issuer\">\(HTML.escape(d.issuer.isEmpty ? t(m, "（发文单位）", "(issuing body)") : d.issuer))</p>\n")
    try sink.write("<h1>\(HTML.escape(title(m)))</h1>\n")
    try sink.write("<p class=\"date\">\(OfficialText.date(m.manifest.time, english: m.labels.english))</p>\n<table class=\"kv\">\n")
    let rows: [(String, String)] = [
      (t(m, "评选名称", "Evaluation"), m.spec.evaluation.name), (t(m, "评选年度", "Year"), String(m.spec.evaluation.year)),
      (t(m, "申报企业", "Applicants"), t(m, "\(m.manifest.rows) 家", "\(m.manifest.rows)")),
      (t(m, "生成时间", "Produced"), OfficialText.dateTime(m.manifest.time, english: m.labels.english)),
    ]
    for (k, v) in rows { try sink.write("<tr><th>\(HTML.escape(k))</th><td>\(HTML.escape(v))</td></tr>\n") }
    try sink.write("</table>\n</section>\n")
  }

  /// 一、评选概况: the run in words, then a table per programme.
  private static func summary(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let ev = m.evaluation
    let en = m.labels.english
    try sink.write("<section class=\"summary\">\n<h2>\(t(m, "一、评选概况", "1. Summary"))</h2>\n")
    // `unranked` lists the screened-out enterprises too: count the others once.
    let screened = ev.screening.count, unranked = ev.unranked.filter { ev.screening.reasons(of: $0.row).isEmpty }.count
    var text = en
      ? "\(m.manifest.rows) enterprises applied; \(screened) were screened out before scoring, \(unranked) could not be ranked, and \(ev.order.count) were scored and ranked. "
      : "本次评选共有 \(m.manifest.rows) 家企业申报，其中 \(screened) 家经一票否决不参与评分，\(unranked) 家因数据缺失未参与排名，\(ev.order.count) 家参与评分排名。"
    let parts = m.decision.programmes.map { p in
      en ? "\(m.programmeName(p.key)) \(p.selected.count) (reserves \(p.reserve.count))" : "“\(m.programmeName(p.key))”\(p.selected.count) 家（候补 \(p.reserve.count) 家）"
    }
    if !parts.isEmpty { text += en ? "Recommended: " + parts.joined(separator: ", ") + ". " : "拟推荐：" + parts.joined(separator: "，") + "。" }
    try sink.write("<p>\(HTML.escape(text))</p>\n<p>\(HTML.escape(budgetText(m)))</p>\n")
    try sink.write("<table>\n<thead><tr><th>\(t(m, "推荐项目", "Programme"))</th><th>\(t(m, "层级", "Level"))</th><th>\(t(m, "名额", "Quota"))</th>")
    try sink.write("<th>\(t(m, "入选", "Selected"))</th><th>\(t(m, "候补", "Reserves"))</th><th>\(t(m, "本项目奖励", "Reward"))</th></tr></thead>\n<tbody>\n")
    for p in m.decision.programmes {
      let spec = m.spec.programmes.first { $0.key == p.key }
      let paid = m.decision.rewards.awards.filter { $0.source == p.key }.reduce(0) { $0 + $1.granted }
      try sink.write("<tr><td>\(HTML.escape(m.programmeName(p.key)))</td><td class=\"nw\">\(spec.map { m.labels.levelName($0.level) } ?? "")</td>")
      try sink.write("<td class=\"n\">\(spec?.quota ?? 0)</td><td class=\"n\">\(p.selected.count)</td><td class=\"n\">\(p.reserve.count)</td>")
      try sink.write("<td class=\"n\">\(paid > 0 ? OfficialText.yuan(paid, english: en) : "—")</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    if !m.options.policyWarnings.isEmpty {
      // Money and policy warnings, where the officials reading the report see them.
      try sink.write("<div class=\"policy-warnings\"><h3>\(en ? "Policy warnings" : "政策提示")</h3>\n<ul>\n")
      for d in m.options.policyWarnings {
        let text = d.text.text(en ? .en : .zh)
        try sink.write("<li>\(HTML.escape(text)) <span class=\"sub\">(\(HTML.escape(d.file)):\(d.line) \(HTML.escape(d.keyPath ?? "")))</span></li>\n")
      }
      try sink.write("</ul></div>\n")
    }
    try sink.write("</section>\n")
  }

  /// The budget in one sentence, the shortfall named by count and amount.
  static func budgetText(_ m: ReportModel) -> String {
    let r = m.decision.rewards
    let en = m.labels.english
    let owed = m.shortfall
    let unpaid = owed.reduce(0) { $0 + ($1.entitled - $1.granted) }
    var s = en
      ? "Rewards: \(OfficialText.yuan(r.totalEntitled, english: true)) earned, \(OfficialText.yuan(r.totalGranted, english: true)) paid"
      : "奖励资金：按规则应发 \(OfficialText.yuan(r.totalEntitled))，实发 \(OfficialText.yuan(r.totalGranted))"
    if let b = r.budget {
      s += en ? " against a budget of \(OfficialText.yuan(b, english: true))" : "，预算 \(OfficialText.yuan(b))"
    }
    if owed.isEmpty {
      s += en ? "; every reward is paid in full." : "，全部足额发放。"
    } else {
      let firms = Set(owed.map(\.row)).count
      s += en
        ? "; the budget runs out: \(firms) enterprises are owed \(OfficialText.yuan(unpaid, english: true)) unpaid (named in section 4)."
        : "。预算不足：\(firms) 家企业应得奖励未发放或未足额发放，缺口合计 \(OfficialText.yuan(unpaid))（名单见第四部分）。"
    }
    return s
  }
}
