import Foundation
import Model
import Reports
import Testing

@Suite struct HTMLTests {
  @Test func pageIsSelfContained() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir)
    let html = text(dir + "/report.html")
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    for banned in ["src=", "href=", "<script", "<link", "@import", "url(", "<iframe", "<img"] {
      #expect(!html.lowercased().contains(banned), "found \(banned)")
    }
    // The only "http" is the escaped text of an enterprise name from the data.
    let withoutLabel = html.replacingOccurrences(of: "=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)", with: "")
    #expect(!withoutLabel.contains("http"))
    #expect(html.contains("<svg "))
    #expect(html.contains("@page") && html.contains("break-before: page"))
  }

  @Test func everySelectedAndReserveIdIsShownAndTextIsEscaped() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let html = text(dir + "/report.html")
    for p in f.decision.programmes {
      for row in p.selected + p.reserve { #expect(html.contains(f.evaluation.ids[row])) }
    }
    #expect(!html.contains("<b>粗体</b>"))
    #expect(html.contains("&lt;b&gt;粗体&lt;/b&gt; &amp; Co"))
    #expect(html.contains("2022年度数字化改造标杆企业评选"))
    // The eligibility rule with official names (星级, the column's header), ≥ and 且 (never `and`).
    #expect(html.contains("条件：星级 ≥ 4 且 数字化投入(万元) ≥ 50"))
    #expect(!html.contains(" and "))
    #expect(html.contains("实施效果 70%"))  // the group's weight as a percentage
    #expect(html.contains(String(repeating: "b", count: 64)))  // manifest
    // Money with thousands separators and 元: the budget and the granted total.
    #expect(html.contains("预算 1,000,000 元"))
    let granted = f.decision.rewards.totalGranted
    #expect(granted == 1_450_000 && html.contains("实发 1,450,000 元"))
    // The cover: the title, the date in Chinese form (Beijing time: 2023-01-01 08:00).
    #expect(html.contains("推荐结果报告</h1>") && html.contains("<p class=\"date\">2023年1月1日</p>"))
  }

  @Test func theReportDoesNotGrowWithTheEnterprises() throws {
    // Lists and summaries only: the same quotas on 30 and on 300 enterprises give pages of
    // nearly the same length, and each programme shows exactly its final list and reserves.
    let small = scratchFolder() + "/out", large = scratchFolder() + "/out"
    let f = Fixture.make(rows: 300)
    try Fixture.make(rows: 30).write(to: small)
    try f.write(to: large)
    let html = text(large + "/report.html")
    let municipal = try #require(html.components(separatedBy: "<section class=\"programme\">").dropFirst().first)
    let rows = municipal.components(separatedBy: "<tr class=").count - 1
    #expect(rows == f.decision.programmes[0].selected.count + f.decision.programmes[0].reserve.count)
    #expect(!html.contains("未入选"))
    let a = text(small + "/report.html").utf8.count, b = html.utf8.count
    #expect(Double(b) < Double(a) * 1.5, "\(a) → \(b) bytes")
  }

  @Test func englishPageAndSheets() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir, options: ReportOptions(english: true, now: Fixture.now, version: "t"))
    let html = text(dir + "/report.html")
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<h2>1. Summary</h2>") && html.contains("<h2>2. Method</h2>") && html.contains("<h2>3. Lists</h2>"))
    #expect(html.contains("rule: stars ≥ 4 and invest_wan ≥ 50"))
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
      let names = try WorkbookReader(path: dir + "/recommendations.xlsx").sheetNames()
      #expect(Array(names.suffix(4)) == ["Ranking", "Stars", "Rewards", "Method"])
    }
  }

  @Test func excelAndHTMLCanBeSwitchedOff() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir, options: ReportOptions(excel: false, html: false, now: Fixture.now, version: "t"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/recommendations.xlsx"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/report.html"))
    #expect(FileManager.default.fileExists(atPath: dir + "/results.json"))
  }
}

@Suite struct EdgeCaseTests {
  @Test func aRunWithNobodyRankedStillWritesEveryFile() throws {
    let f = Fixture.make(rows: 1)
    #expect(f.evaluation.order.isEmpty)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes(dir + "/results.json"))) as? [String: Any])
    #expect((json["ranking"] as? [Any])?.isEmpty == true)
    #expect((json["unranked"] as? [Any])?.count == 1)
    let csv = parseCSV(String(decoding: bytes(dir + "/ranking.csv").dropFirst(3), as: UTF8.self))
    #expect(csv.count == 2)
    #expect(text(dir + "/report.html").contains("</html>"))
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
      #expect(try WorkbookReader(path: dir + "/recommendations.xlsx").sheetNames().count == 8)
    }
  }
}
