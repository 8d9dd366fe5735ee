import Foundation
import Testing

/// How recommendations.xlsx prints, read back from the sheet XML with `unzip`: the 汇总表 and
/// the programme list sheets have a print area, a header row repeated on every page, A4
/// landscape one page wide, page numbers in the footer; a programme sheet's print area holds
/// its selected and reserve lists only; the 说明 sheet says which sheets to print.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
struct WorkbookPrintTests {
  /// The workbook of the samples in `lang`, its workbook.xml and sheet names.
  func workbook(_ lang: String, in dir: URL) throws -> (xlsx: String, book: String, names: [String], results: [String: Any]) {
    let out = dir.appendingPathComponent(lang).path
    let r = try CLI.run(["run"] + DocumentTests.sample + ["--out", out, "--no-pdf", "--no-html", "--lang", lang])
    #expect(r.status == 0, "\(r.stderr)")
    let xlsx = out + "/recommendations.xlsx"
    let book = try WorkbookDocumentTests.part(xlsx, "xl/workbook.xml")
    let names = book.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    let results = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as? [String: Any])
    return (xlsx, book, names, results)
  }

  /// The cell range of a defined name of sheet `i`, e.g. `$A$1:$N$26`.
  func defined(_ name: String, sheet i: Int, in book: String) -> String? {
    let head = "<definedName name=\"_xlnm.\(name)\" localSheetId=\"\(i)\">"
    guard let start = book.range(of: head) else { return nil }
    let body = book[start.upperBound...].prefix { $0 != "<" }
    return body.components(separatedBy: "!").last
  }

  @Test(arguments: ["zh", "en"])
  func listSheetsPrintTheirListsOnePageWide(_ lang: String) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (xlsx, book, names, results) = try workbook(lang, in: dir)
    let footer = lang == "zh" ? "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>" : "<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>"
    let keys = ["city_benchmark", "ningbo_municipal", "zhejiang_provincial", "national_it_pilot", "industrial_internet_case", "cloud_benchmark"]
    let shortlists = try #require(results["shortlists"] as? [String: [String: Any]])
    // Sheets 0…5: 汇总表 (header row 3); 6…11: the programme lists (header row 1).
    for i in 0..<12 {
      let xml = try WorkbookDocumentTests.part(xlsx, "xl/worksheets/sheet\(i + 1).xml")
      #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "\(names[i])")
      #expect(xml.contains("<printOptions horizontalCentered=\"1\"/>"), "\(names[i])")
      #expect(xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"), "\(names[i])")
      #expect(xml.contains(footer), "\(names[i])")
      #expect(defined("Print_Titles", sheet: i, in: book) == (i < 6 ? "$3:$3" : "$1:$1"), "\(names[i])")
      let area = try #require(defined("Print_Area", sheet: i, in: book), "\(names[i])")
      #expect(area.hasPrefix("$A$1:$"))
      if i >= 6 {
        // Header + selected + reserves; the excluded rows below are not printed.
        let list = try #require(shortlists[keys[i - 6]])
        let listed = (list["selected"] as? [String] ?? []).count + (list["reserve"] as? [String] ?? []).count
        #expect(area.hasSuffix("$\(1 + listed)"), "\(names[i]): \(area)")
        #expect(xml.contains("<row r=\"\(listed + 2)\""), "\(names[i]): the excluded rows are on the sheet")
      }
    }
    // The analysis sheets print one page wide too, but have no print area: nothing cut.
    for i in 12..<names.count { #expect(defined("Print_Area", sheet: i, in: book) == nil, "\(names[i])") }
    // 说明 (last) opens with which sheets to print.
    let method = WorkbookDocumentTests.cells(try WorkbookDocumentTests.part(xlsx, "xl/worksheets/sheet\(names.count).xml"))
    if lang == "zh" {
      #expect(method["A1"] == "打印" && method["B1"]?.hasPrefix("请打印名称以“汇总表-”开头的工作表") == true)
      #expect(names.prefix(6).allSatisfy { $0.hasPrefix("汇总表-") })
    } else {
      #expect(method["A1"] == "To print" && method["B1"]?.hasPrefix("Print the sheets whose names begin with \"Summary \"") == true)
      #expect(names.prefix(6).allSatisfy { $0.hasPrefix("Summary ") })
    }
  }
}
