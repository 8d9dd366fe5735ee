import CXlsxWriter
import Criteria
import Model
import Scoring
import Selection

/// The 公示名单 (public-notice list): per programme its final list — 序号, 企业名称,
/// 统一社会信用代码, 所属区域, 拟推荐项目 — with the notice period and where and how objections
/// are made (`[documents]`), as `public-notice.html` (printable; PDF beside it when Chromium
/// is present) and `public-notice.xlsx` (one sheet per programme). No scores, no reserves.
enum PublicNotice {
  static func t(_ m: ReportModel, _ zh: String, _ en: String) -> String { m.labels.english ? en : zh }

  static func title(_ m: ReportModel) -> String {
    t(m, "关于\(m.spec.evaluation.name)拟推荐名单的公示", "Public notice: \(m.spec.evaluation.name), enterprises to be recommended")
  }

  /// The opening paragraph and the notice rules, in the run's language.
  static func paragraphs(_ m: ReportModel) -> (intro: String, rules: [String]) {
    let d = m.spec.documents
    let intro = t(
      m, "根据\(m.spec.evaluation.name)工作安排，经企业申报、数据审核、综合评价和评审委员会审议，拟推荐以下企业，现予以公示。",
      "After application, data checks, evaluation and the committee's review, the enterprises below are to be recommended; this notice makes the lists public.")
    var rules = [
      t(m, "公示期：自发布之日起 \(d.noticeDays) 个工作日。", "Notice period: \(d.noticeDays) working days from publication."),
      t(m, "异议方式：", "Objections: ") + d.objection,
    ]
    if !d.contact.isEmpty { rules.append(t(m, "受理单位及联系方式：", "Contact: ") + d.contact) }
    return (intro, rules)
  }

  static func writeHTML(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    let en = m.labels.english
    try sink.write("<!DOCTYPE html>\n<html lang=\"\(en ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n")
    try sink.write("<title>\(HTML.escape(title(m)))</title>\n<style>\n\(HTMLReport.css)</style>\n</head>\n<body>\n")
    let (intro, rules) = paragraphs(m)
    try sink.write("<h1 style=\"text-align:center\">\(HTML.escape(title(m)))</h1>\n<p>\(HTML.escape(intro))</p>\n")
    for (p, d) in m.decision.programmes.enumerated() {
      let name = m.programmeName(d.key)
      try sink.write("<section class=\"keep\">\n<h3>\(HTML.escape(t(m, "（\(p + 1)）", "\(p + 1). ") + name))（\(d.selected.count)\(t(m, " 家", ""))）</h3>\n")
      try sink.write("<table>\n<thead><tr><th>\(t(m, "序号", "No."))</th><th>\(t(m, "企业名称", "Name"))</th><th>\(t(m, "统一社会信用代码", "Credit code"))</th>")
      try sink.write("<th>\(t(m, "所属区域", "District"))</th><th>\(t(m, "拟推荐项目", "Programme"))</th></tr></thead>\n<tbody>\n")
      for (i, row) in d.selected.enumerated() {
        try sink.write("<tr><td class=\"n\">\(i + 1)</td><td>\(HTML.escape(m.evaluation.labels[row]))</td><td class=\"id\">\(HTML.escape(m.evaluation.ids[row]))</td>")
        try sink.write("<td class=\"nw\">\(HTML.escape(m.facts.rows[row]?.district ?? ""))</td><td>\(HTML.escape(name))</td></tr>\n")
      }
      if d.selected.isEmpty { try sink.write("<tr><td colspan=\"5\">\(t(m, "无", "none"))</td></tr>\n") }
      try sink.write("</tbody>\n</table>\n</section>\n")
    }
    try sink.write("<section class=\"keep\">\n")
    for r in rules { try sink.write("<p>\(HTML.escape(r))</p>\n") }
    let issuer = m.spec.documents.issuer.isEmpty ? t(m, "（发文单位）", "(issuing body)") : m.spec.documents.issuer
    try sink.write("<p style=\"text-align:right; margin-top:12mm\">\(HTML.escape(issuer))<br>\(OfficialText.date(m.manifest.time, english: en))</p>\n</section>\n")
    try sink.write("</body>\n</html>\n")
    try sink.close()
  }

  static func writeXLSX(_ m: ReportModel, to path: String) throws(ReportError) {
    let book = try XLSXWorkbook(
      path: path, title: title(m), author: "Exemplar \(m.options.version)", created: m.manifest.time, large: false)
    let f = OfficialFormats(book, scoreDecimals: m.spec.evaluation.scoreDecimals)
    let en = m.labels.english
    let (intro, rules) = paragraphs(m)
    let wrap = book.format {
      format_set_text_wrap($0)
      format_set_align($0, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
    }
    for d in m.decision.programmes {
      let name = m.programmeName(d.key)
      let s = try book.addSheet((en ? "Notice " : "公示-") + name)
      let widths: [Double] = [7, 36, 22, 14, 36]
      let width = widths.reduce(0, +)
      s.header([], widths: widths, dataRows: 0, freeze: false, nil)
      s.printSetup(headerRow: 3, landscape: false, english: en)
      s.titleAcross(0, last: 4, title(m), f.title)
      s.fitRow(1, [(intro, width)])
      s.paragraph(1, last: 4, intro, wrap)
      s.text(2, 0, "\(name)（\(d.selected.count)\(t(m, " 家", ""))）", f.subtitle)
      let titles = en ? ["No.", "Name", "Credit code", "District", "Programme"] : ["序号", "企业名称", "统一社会信用代码", "所属区域", "拟推荐项目"]
      for (c, title) in titles.enumerated() { s.text(3, c, title, f.header) }
      var r = 4
      for (i, row) in d.selected.enumerated() {
        s.fitRow(r, [(m.evaluation.labels[row], 36), (name, 36)])
        s.number(r, 0, Double(i + 1), f.number)
        s.text(r, 1, m.evaluation.labels[row], f.wrapCell)
        s.text(r, 2, m.evaluation.ids[row], f.cell)
        s.text(r, 3, m.facts.rows[row]?.district ?? "", f.cell)
        s.text(r, 4, name, f.wrapCell)
        r += 1
      }
      r += 1
      for rule in rules {
        s.fitRow(r, [(rule, width)])
        s.paragraph(r, last: 4, rule, wrap)
        r += 1
      }
      r += 1
      let issuer = m.spec.documents.issuer.isEmpty ? t(m, "（发文单位）", "(issuing body)") : m.spec.documents.issuer
      s.text(r, 4, issuer, f.subtitleRight)
      s.text(r + 1, 4, OfficialText.date(m.manifest.time, english: en), f.subtitleRight)
    }
    try book.close()
  }
}
