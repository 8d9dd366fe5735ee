import Criteria
import Model
import Selection

/// The re-review (复核) findings in the run's outputs: `re_review` in results.json, a 复核
/// section in report.html, a 复核 sheet in the workbook. Each is written only when a
/// programme of the criteria declares `valid_years` (docs/outputs.md), so runs without it
/// keep their bytes.
enum ReReviewReport {
  static func applies(_ m: ReportModel) -> Bool { ReReview.applies(m.spec) }

  static func title(_ english: Bool) -> String { english ? "Re-review" : "复核" }

  static func headers(_ m: ReportModel) -> [String] {
    let e = m.labels.english
    return e
      ? ["Programme", "ID", "Name", "Recognised in", "Valid through", "Finding", "Rank", "Stars", "Reason"]
      : ["项目", "统一社会信用代码", "企业名称", "认定年度", "有效期至", "复核情形", "排名", "星级", "原因"]
  }

  static func kindText(_ k: ReReviewFinding.Kind, english: Bool) -> String {
    switch k {
    case .screened: english ? "screened out" : "一票否决"
    case .unranked: english ? "not ranked" : "未参与排名"
    case .stars: english ? "stars below requirement" : "星级低于要求"
    case .rank: english ? "rank below the line" : "排名低于复核线"
    }
  }
}

extension ResultsJSON {
  /// `"re_review": [{programme, id, name, recognised_in, valid_through, finding, rank, stars, required, reason}]`.
  static func reReview(_ m: ReportModel, _ w: inout JSONWriter) {
    guard ReReviewReport.applies(m) else { return }
    let english = m.labels.english
    w.field("re_review", objects: m.run.reReview) { w, f in
      w.field("programme", f.programme)
      w.field("id", f.id)
      w.field("name", f.name)
      w.field("recognised_in", f.recognisedIn)
      w.field("valid_through", f.validThrough)
      w.field("finding", f.kind.rawValue)
      w.field("rank", f.rank)
      w.field("stars", f.stars)
      w.field("required", f.required)
      w.field("reason", f.text(english: english))
    }
  }
}

extension HTMLReport {
  /// The 复核 section: one table of findings, or a line saying there are none.
  static func reReview(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    guard ReReviewReport.applies(m) else { return }
    let english = m.labels.english
    let findings = m.run.reReview
    try sink.write("<section class=\"re-review\">\n<h2>\(ReReviewReport.title(english))</h2>\n")
    if findings.isEmpty {
      try sink.write("<p>\(english ? "No valid recognition needs re-review this year." : "本年度有效期内的认定均未触发复核情形。")</p>\n</section>\n")
      return
    }
    try sink.write("<table>\n<thead><tr>")
    for h in ReReviewReport.headers(m) { try sink.write("<th>\(HTML.escape(h))</th>") }
    try sink.write("</tr></thead>\n<tbody>\n")
    for f in findings {
      try sink.write("<tr><td>\(HTML.escape(m.programmeName(f.programme)))</td><td>\(HTML.escape(f.id))</td><td>\(HTML.escape(f.name))</td>")
      try sink.write("<td class=\"n\">\(f.recognisedIn)</td><td class=\"n\">\(f.validThrough)</td>")
      try sink.write("<td>\(HTML.escape(ReReviewReport.kindText(f.kind, english: english)))</td>")
      try sink.write("<td class=\"n\">\(f.rank > 0 ? String(f.rank) : "")</td><td class=\"n\">\(f.rank > 0 ? String(f.stars) : "")</td>")
      try sink.write("<td>\(HTML.escape(f.text(english: english)))</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n</section>\n")
  }
}

extension XLSXReport {
  /// The 复核 sheet: the findings, one per line.
  func reReviewSheet() throws(ReportError) {
    guard ReReviewReport.applies(m) else { return }
    let english = m.labels.english
    let s = try book.addSheet(ReReviewReport.title(english))
    let findings = m.run.reReview.prefix(XLSXWorkbook.maxRows - 2)
    s.header(ReReviewReport.headers(m), widths: [26, 22, 30, 10, 10, 16, 8, 8, 40], dataRows: findings.count, headerFormat)
    s.printSetup(english: m.labels.english)
    for (i, f) in findings.enumerated() {
      let r = i + 1
      s.text(r, 0, m.programmeName(f.programme))
      s.text(r, 1, f.id)
      s.text(r, 2, f.name)
      s.number(r, 3, Double(f.recognisedIn), integerFormat)
      s.number(r, 4, Double(f.validThrough), integerFormat)
      s.text(r, 5, ReReviewReport.kindText(f.kind, english: english))
      if f.rank > 0 {
        s.number(r, 6, Double(f.rank), integerFormat)
        s.number(r, 7, Double(f.stars), integerFormat)
      }
      s.text(r, 8, f.text(english: english))
    }
  }
}
