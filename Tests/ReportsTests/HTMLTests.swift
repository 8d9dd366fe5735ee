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
    #expect(html.contains("实施效果"))  // weights chart grouped by group
    #expect(html.contains(String(repeating: "b", count: 64)))  // manifest
  }

  @Test func longListsAreCutWithANote() throws {
    let f = Fixture.make(rows: 30)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir, options: ReportOptions(htmlTopRows: 4, version: "t"))
    let html = text(dir + "/report.html")
    let municipal = try #require(html.components(separatedBy: "<section class=\"programme\">").dropFirst().first)
    let rows = municipal.components(separatedBy: "<tr class=").count - 1
    #expect(rows == 4)
    let total = f.decision.programmes[0].selected.count + f.decision.programmes[0].reserve.count + f.decision.programmes[0].excluded.count
    #expect(municipal.contains("……其余 \(total - 4) 家见 CSV 文件"))
  }

  @Test func excelAndHTMLCanBeSwitchedOff() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir, options: ReportOptions(excel: false, html: false, version: "t"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/recommendations.xlsx"))
    #expect(!FileManager.default.fileExists(atPath: dir + "/report.html"))
    #expect(FileManager.default.fileExists(atPath: dir + "/results.json"))
  }
}
