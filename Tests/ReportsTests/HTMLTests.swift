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
    // The eligibility rule with official names (星级, the column's header) and ≥.
    #expect(html.contains("<code>星级 ≥ 4 and 数字化投入(万元) ≥ 50</code>"))
    #expect(html.contains("实施效果"))  // weights chart grouped by group
    #expect(html.contains(String(repeating: "b", count: 64)))  // manifest
    // Money with thousands separators: the budget and the granted total.
    #expect(html.contains(">1,000,000.00<"))
    let granted = f.decision.rewards.totalGranted
    #expect(granted == 1_450_000 && html.contains(">1,450,000.00<"))
  }

  @Test func longListsAreCutWithANote() throws {
    let f = Fixture.make(rows: 30)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir, options: ReportOptions(htmlTopRows: 4, now: Fixture.now, version: "t"))
    let html = text(dir + "/report.html")
    let municipal = try #require(html.components(separatedBy: "<section class=\"programme\">").dropFirst().first)
    let rows = municipal.components(separatedBy: "<tr class=").count - 1
    #expect(rows == 4)
    let total = f.decision.programmes[0].selected.count + f.decision.programmes[0].reserve.count + f.decision.programmes[0].excluded.count
    #expect(municipal.contains("……其余 \(total - 4) 家见 CSV 文件"))
  }

  @Test func englishPageAndSheets() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir, options: ReportOptions(english: true, now: Fixture.now, version: "t"))
    let html = text(dir + "/report.html")
    #expect(html.contains("<html lang=\"en\">"))
    #expect(html.contains("<h2>Summary</h2>") && html.contains("<h2>Weights</h2>") && html.contains("below the line (quota 3)"))
    #expect(html.contains("<code>stars ≥ 4 and invest_wan ≥ 50</code>"))
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
      #expect(try WorkbookReader(path: dir + "/recommendations.xlsx").sheetNames().count == 6)
    }
  }
}
