import Foundation
import Model
import Reports
import Selection
import Testing

/// A minimal RFC 4180 reader, independent of the writer: records of fields.
func parseCSV(_ s: String) -> [[String]] {
  var records: [[String]] = []
  var field = "", record: [String] = []
  var inQuotes = false
  var chars = Array(s)[...]
  while let c = chars.popFirst() {
    if inQuotes {
      if c == "\"" {
        if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { inQuotes = false }
      } else { field.append(c) }
    } else if c == "\"" { inQuotes = true }
    else if c == "," { record.append(field); field = "" }
    else if c == "\r\n" || c == "\n" { record.append(field); records.append(record); record = []; field = "" }
    else { field.append(c) }
  }
  if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
  return records
}

@Suite struct CSVTests {
  @Test func rankingStartsWithABOMAndUsesCRLF() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir)
    let b = bytes(dir + "/ranking.csv")
    #expect(Array(b.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let s = String(decoding: b.dropFirst(3), as: UTF8.self)
    #expect(s.hasSuffix("\r\n"))
    // Every LF outside quoted fields is preceded by CR: count records both ways.
    let records = parseCSV(s)
    #expect(records.count == 1 + 12)  // header + 11 ranked + 1 unranked
    #expect(records[0].prefix(6) == ["排名", "并列名次", "统一社会信用代码", "企业名称", "得分", "星级"])
    #expect(records.allSatisfy { $0.count == records[0].count })
  }

  @Test func textCellsAreNeutralisedAndQuotedNumbersAreNot() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let s = String(decoding: bytes(dir + "/ranking.csv").dropFirst(3), as: UTF8.self)
    let records = parseCSV(s)
    let names = Set(records.dropFirst().map { $0[3] })
    #expect(names.contains("'=HYPERLINK(\"http://evil\",\"x\")"))
    #expect(names.contains("'+86 电话"))
    #expect(names.contains("'-5 测试"))
    #expect(names.contains("'@SUM(A1)"))
    #expect(names.contains("'\tTab开头"))
    #expect(names.contains("逗号,引号\"公司"))
    #expect(names.contains("多行\n名称"))
    // Raw form: quotes doubled, field quoted.
    #expect(s.contains("\"逗号,引号\"\"公司\""))
    #expect(s.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""))
    // No text cell starts with a formula character.
    for r in records.dropFirst() { for cell in [r[2], r[3]] { #expect(!"=+-@\t\r".contains(cell.first ?? "x")) } }
    // The negative score stays a plain number.
    let last = try #require(records.first { $0[0] == String(f.evaluation.order.count) })
    #expect(last[4] == "-3.50")
  }

  @Test func shortlistFilesListSelectedReservesAndExcludedWithReasons() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let records = parseCSV(String(decoding: bytes(dir + "/shortlists/municipal.csv").dropFirst(3), as: UTF8.self))
    let d = f.decision.programmes[0]
    #expect(records.count == 1 + d.selected.count + d.reserve.count + d.excluded.count)
    let ids = f.evaluation.ids
    #expect(records.dropFirst().prefix(3).map { $0[0] } == ["入选", "入选", "入选"])
    #expect(records.dropFirst().prefix(3).map { $0[4] } == d.selected.map { ids[$0] })
    #expect(records[4][0] == "候补" && records[4][4] == ids[d.reserve[0]])
    #expect(records[6][0] == "未入选" && records[6][2] == ExclusionReason.belowLine(quota: 3).text(english: false))
    #expect(records.last?[2] == "未参与排名：数字化投入(万元) 缺失")
  }

  @Test func englishHeaders() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir, options: ReportOptions(english: true, now: Fixture.now, version: "t"))
    let records = parseCSV(String(decoding: bytes(dir + "/ranking.csv").dropFirst(3), as: UTF8.self))
    #expect(records[0].prefix(6) == ["Rank", "Competition rank", "ID", "Name", "Score", "Stars"])
    let provincial = parseCSV(String(decoding: bytes(dir + "/shortlists/provincial.csv").dropFirst(3), as: UTF8.self))
    let expected = ExclusionReason.notEligible(failing: "stars >= 4").text(english: true)
    #expect(provincial.contains { $0[2] == expected })
  }

  /// 10,000 rows make ranking.csv larger than the writer's 1 MiB buffer, so chunks end inside characters.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv")), arguments: [12, 10_000])
  func gb18030OutputDecodesBackToTheUTF8Output(rows: Int) throws {
    let f = Fixture.make(rows: rows)
    let u = scratchFolder() + "/u", g = scratchFolder() + "/g"
    try f.write(to: u)
    try f.write(to: g, options: ReportOptions(outputEncoding: .gb18030, now: Fixture.now, version: "0.1.0-test"))
    for name in ["ranking.csv", "shortlists/provincial.csv"] {
      let raw = bytes(g + "/" + name)
      #expect(Array(raw.prefix(3)) != [0xEF, 0xBB, 0xBF], "GB18030 files carry no BOM")
      #expect(String(validating: raw, as: UTF8.self) == nil, "the file must not be UTF-8")
      // Decode with the iconv tool (independent of the writer) and compare with the UTF-8 file.
      let (status, out) = try run("/usr/bin/iconv", ["-f", "GB18030", "-t", "UTF-8", g + "/" + name])
      #expect(status == 0)
      #expect([UInt8](out) == Array(bytes(u + "/" + name).dropFirst(3)))
    }
    if rows > 1000 { #expect(bytes(u + "/ranking.csv").count > 1 << 20) }
  }
}
