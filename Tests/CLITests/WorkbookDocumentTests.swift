import Foundation
import Testing

/// The 推荐汇总表 sheets of recommendations.xlsx on the samples, read back from the sheet XML
/// with `unzip` (independent of libxlsxwriter): page setup, print titles, footer, title row,
/// credit codes as text, reasons of reserves, per-programme rewards, signature block.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
struct WorkbookDocumentTests {
  static func part(_ xlsx: String, _ name: String) throws -> String {
    let (status, out) = try DocumentTests.tool("/usr/bin/unzip", ["-p", xlsx, name])
    #expect(status == 0, "unzip \(name)")
    return out
  }

  /// "C4" → cell text (inline string or number) of a sheet's XML.
  static func cells(_ xml: String) -> [String: String] {
    var out: [String: String] = [:]
    let re = try! NSRegularExpression(pattern: #"<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)"#, options: [.dotMatchesLineSeparators])
    let ns = xml as NSString
    for m in re.matches(in: xml, range: NSRange(location: 0, length: ns.length)) where m.range(at: 2).location != NSNotFound {
      let body = ns.substring(with: m.range(at: 2))
      let value = body.components(separatedBy: "<t>").dropFirst().first?.components(separatedBy: "</t>").first
        ?? body.components(separatedBy: "<v>").dropFirst().first?.components(separatedBy: "</v>").first
      if let value { out[ns.substring(with: m.range(at: 1))] = value.replacingOccurrences(of: "&amp;", with: "&") }
    }
    return out
  }

  @Test func summarySheetsPrintOnePageWideWithTitlesFooterAndSignatures() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run"] + DocumentTests.sample + ["--out", out, "--no-pdf"])
    #expect(r.status == 0, "\(r.stderr)")
    let xlsx = out + "/recommendations.xlsx"
    let book = try Self.part(xlsx, "xl/workbook.xml")
    let names = book.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(names.prefix(6).allSatisfy { $0.hasPrefix("汇总表-") }, "\(names)")
    #expect(names[6] == "2022年度数字化改造标杆企业" && names.suffix(4) == ["排名", "星级", "奖励", "说明"])
    for i in 0..<6 {
      #expect(book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">'\(names[i])'!$3:$3</definedName>"))
    }
    for i in 1...6 {
      let xml = try Self.part(xlsx, "xl/worksheets/sheet\(i).xml")
      #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))  // fit to pages: 1 wide (the default width), any height
      #expect(xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\"/>"))
      #expect(xml.contains("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>"))
      let c = Self.cells(xml)
      #expect(c["A1"]?.hasPrefix("2022年度") == true && c["A1"]?.hasSuffix("推荐汇总表") == true && c["A1"]?.contains("年度2022") == false)
      #expect(c["A2"] == "填报单位（盖章）：余姚市经济和信息化局")
      #expect(c.values.contains("填报日期：" + (c.values.first { $0.hasPrefix("填报日期：") }?.dropFirst(5) ?? "")))
      #expect(["A3": "推荐排序", "B3": "企业名称", "C3": "统一社会信用代码", "D3": "所属区域", "E3": "所属行业"].allSatisfy { c[$0.key] == $0.value })
      #expect(c.values.contains("推荐理由") && c.values.contains("备注") && c.values.contains("拟推荐层级") && c.values.contains("本项目奖励（元）"))
      // Credit codes are text cells (never 9.13E+17), one per listed enterprise.
      let codeCells = xml.components(separatedBy: "<c r=\"C").dropFirst().compactMap { cell -> (Int, String)? in
        // Rows of the lists: 推荐排序 is a number or 候补N.
        guard let row = Int(cell.prefix { $0.isNumber }), row >= 4, let no = c["A\(row)"], Int(no) != nil || no.hasPrefix("候补")
        else { return nil }
        return (row, String(cell.prefix { $0 != ">" }))
      }
      #expect(!codeCells.isEmpty && codeCells.allSatisfy { $0.1.contains("t=\"inlineStr\"") }, "\(codeCells)")
      #expect(codeCells.allSatisfy { (row, _) in c["C\(row)"].map { $0.count == 18 } ?? false })
      #expect(c["A4"] == "1")
      // Signature block at the end.
      #expect(c.values.contains("填报人：＿＿＿＿＿＿") && c.values.contains("审核人：＿＿＿＿＿＿") && c.values.contains("单位盖章："))
      #expect(c.values.contains { $0.hasPrefix("日期：") })
    }
    // An all-digit credit code (913302007739285211, a city reserve) stays a text cell, and its
    // unpaid star award is noted.
    let cityXML = try Self.part(xlsx, "xl/worksheets/sheet1.xml")
    #expect(cityXML.contains("t=\"inlineStr\"><is><t>913302007739285211</t>"))
    #expect(Self.cells(cityXML).values.contains { $0.contains("四星级奖励因预算不足未发放 50,000 元") })
    // Per-programme rewards: the city list pays nothing, the Ningbo list 100,000 each.
    let city = Self.cells(try Self.part(xlsx, "xl/worksheets/sheet1.xml"))
    let ningbo = Self.cells(try Self.part(xlsx, "xl/worksheets/sheet2.xml"))
    func column(_ c: [String: String], _ title: String) -> String? { c.first { $0.value == title && $0.key.hasSuffix("3") }.map { String($0.key.dropLast()) } }
    let cityReward = try #require(column(city, "本项目奖励（元）")), ningboReward = try #require(column(ningbo, "本项目奖励（元）"))
    #expect((4...23).allSatisfy { city["\(cityReward)\($0)"] == "0" })
    #expect((4...9).allSatisfy { ningbo["\(ningboReward)\($0)"] == "100000" })
    // The national pilot's reserve ranked above a selected enterprise: the cap is named.
    let national = Self.cells(try Self.part(xlsx, "xl/worksheets/sheet4.xml"))
    #expect(national.values.contains { $0.contains("排名高于部分入选企业") && $0.contains("入选已达上限1家，列为候补") })
    #expect(national["A7"] == "候补1")
    // A reason from the largest contributions with the standing; an imputed value noted.
    #expect(city.values.contains { $0.contains("（全市前 ") && $0.contains("%") })
    #expect(city.values.contains { $0.contains("客户投诉量变化率未填报，以中位数补齐") })
    // The shortfall is named: the star awards the budget left unpaid, on the 奖励 sheet and in notes.
    let rewards = try Self.part(xlsx, "xl/worksheets/sheet15.xml")
    #expect(rewards.contains("预算不足未发（元）"))
    #expect(Self.cells(rewards).values.contains("200000"))
    // 说明: the criteria column is headed 指标名称, weights are stored rounded and shown as percentages.
    let method = try Self.part(xlsx, "xl/worksheets/sheet16.xml")
    #expect(Self.cells(method).values.contains("指标名称"))
    #expect(!method.contains("0.04000000000000001") && method.contains("<v>0.1125</v>"))
    #expect(try Self.part(xlsx, "xl/styles.xml").contains("formatCode=\"0.00%\""))
  }

  /// A programme's analysis sheet puts the computed status beside the final one (the samples'
  /// committee adds 91330281292447022J to the city list, which displaces rank 11 to the
  /// reserves under the 家电 cap), names a reserve's cap, and shows that programme's reward only.
  @Test func analysisSheetsShowComputedBesideFinal() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run"] + DocumentTests.sample + ["--out", out, "--no-pdf", "--no-html"])
    #expect(r.status == 0, "\(r.stderr)")
    let c = Self.cells(try Self.part(out + "/recommendations.xlsx", "xl/worksheets/sheet7.xml"))
    #expect(["A1": "状态", "B1": "序号", "C1": "原因", "D1": "计算结果"].allSatisfy { c[$0.key] == $0.value }, "\(c["D1"] ?? "")")
    func row(_ id: String) -> Int? { c.first { $0.value == id }.flatMap { Int($0.key.drop { !$0.isNumber }) } }
    let added = try #require(row("91330281292447022J"))
    #expect(c["A\(added)"] == "入选" && c["D\(added)"] == "候补")
    let displaced = try #require(row("91330281MA2XT38H7N"))
    #expect(c["A\(displaced)"] == "候补" && c["D\(displaced)"] == "入选")
    #expect(c["C\(displaced)"]?.hasPrefix("名额上限：") == true)
    #expect(c.values.contains("本项目奖励（元）"))
  }

  @Test func publicNoticeListsEachProgrammeWithTheNoticeRules() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run"] + DocumentTests.sample + ["--out", out, "--no-pdf"])
    #expect(r.status == 0, "\(r.stderr)")
    let results = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as? [String: Any])
    let shortlists = try #require(results["shortlists"] as? [String: [String: Any]])
    let xlsx = out + "/public-notice.xlsx"
    let book = try Self.part(xlsx, "xl/workbook.xml")
    let names = book.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    #expect(names == ["公示-2022年度数字化改造标杆企业", "公示-宁波市管理创新提升标杆企业", "公示-浙江省管理创新提升标杆企业",
      "公示-新一代信息技术与制造业融合发展试点示范", "公示-工业互联网优秀应用案例", "公示-制造业企业上云标杆"])
    let ningboXML = try Self.part(xlsx, "xl/worksheets/sheet2.xml")
    let c = Self.cells(ningboXML)
    #expect(c["A1"] == "关于2022年度中小企业数字化改造标杆企业评选拟推荐名单的公示")
    #expect(["A4": "序号", "B4": "企业名称", "C4": "统一社会信用代码", "D4": "所属区域", "E4": "拟推荐项目"].allSatisfy { c[$0.key] == $0.value })
    let ids = try #require(shortlists["ningbo_municipal"]?["selected"] as? [String])
    #expect(ids.enumerated().allSatisfy { c["C\($0.offset + 5)"] == $0.element && c["E\($0.offset + 5)"] == "宁波市管理创新提升标杆企业" })
    #expect(c["A\(ids.count + 5)"] == nil)  // no reserves on the public list
    #expect(c.values.contains("公示期：自发布之日起 5 个工作日。"))
    #expect(c.values.contains { $0.hasPrefix("异议方式：") && $0.contains("书面") && $0.contains("实名") })
    #expect(ningboXML.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\"") && ningboXML.contains("<oddFooter>"))
    let html = try String(contentsOfFile: out + "/public-notice.html", encoding: .utf8)
    #expect(html.contains("公示期：自发布之日起 5 个工作日。") && html.contains("余姚市经济和信息化局"))
    for (_, list) in shortlists { for id in list["selected"] as? [String] ?? [] { #expect(html.contains(id)) } }
    #expect(!html.contains("得分"))  // no scores on the public list
  }

  /// What a user sees opening the sheets (checked rendered by LibreOffice): rows as tall as
  /// their wrapped 推荐理由, the 公示 paragraphs across the table's width, a programme that
  /// pays nothing showing —, each metric column with one number of decimals.
  @Test func printedSheetsReadAsWrittenInASpreadsheet() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let r = try CLI.run(["run"] + DocumentTests.sample + ["--out", out, "--no-pdf", "--no-html"])
    #expect(r.status == 0, "\(r.stderr)")
    let xlsx = out + "/recommendations.xlsx"
    let city = try Self.part(xlsx, "xl/worksheets/sheet1.xml")
    // Row 4 (the committee's addition, a three-line reason) and the header row are taller
    // than one line; rows without wrapped text keep the default height.
    func height(_ xml: String, _ row: Int) -> Double? {
      guard let tag = xml.components(separatedBy: "<row r=\"\(row)\"").dropFirst().first?.prefix(while: { $0 != ">" }),
        let ht = tag.components(separatedBy: "ht=\"").dropFirst().first?.prefix(while: { $0 != "\"" })
      else { return nil }
      return Double(ht)
    }
    #expect((height(city, 3) ?? 0) >= 31 && (height(city, 4) ?? 0) >= 46, "\(String(describing: height(city, 4)))")
    #expect(height(city, 5).map { $0 >= 31 } == true)
    let styles = try Self.part(xlsx, "xl/styles.xml")
    #expect(styles.contains("formatCode=\"#,##0;-#,##0;&quot;—&quot;\""))
    #expect(styles.contains("formatCode=\"0.00\""))
    // 生产效率提升率 33.9 of the second enterprise is stored as is and shown with the column's 2 decimals.
    #expect(Self.cells(city).values.contains("33.9"))
    // The 公示 workbook: the opening paragraph and the rules merged across A:E, tall enough.
    let notice = try Self.part(out + "/public-notice.xlsx", "xl/worksheets/sheet1.xml")
    #expect(notice.contains("<mergeCell ref=\"A2:E2\"/>"))
    #expect(notice.components(separatedBy: "<mergeCell ref=").count - 1 >= 3, "\(notice.suffix(400))")
    #expect(Self.cells(notice)["A2"]?.hasPrefix("根据2022年度中小企业数字化改造标杆企业评选工作安排") == true)
  }
}
