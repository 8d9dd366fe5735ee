import Foundation
import Model
import Reports
import Scoring
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

  /// Every number cell of ranking.csv is its value at the column's decimals, whether the
  /// writer takes it from its table of codes (unsigned, below 6.5535 at 4 decimals and 100
  /// at 2) or formats it from the value: signed, large, at the bound, infinite, NaN.
  @Test func numberCellsAreTheirValuesAtTheirDecimals() throws {
    var f = Fixture.make(infiniteScoreRow: 2, infiniteGroupScoreRow: 4)
    let e = f.evaluation
    var normalised = e.normalised.map(\.values)
    var score = e.score
    let top = e.order
    normalised[0][top[0]] = -0.25
    normalised[1][top[0]] = -0.00004  // "0.0000": no sign
    normalised[2][top[1]] = 7.123456
    normalised[0][top[2]] = 6.5534  // the largest code
    normalised[1][top[2]] = 6.5535  // the code of "none"
    normalised[2][top[3]] = .nan
    normalised[0][top[4]] = 0.99995
    score[top[0]] = 100  // 100.00: above the codes at 2 decimals
    score[top[1]] = 99.994
    score[top[3]] = 99.995
    f.evaluation = Evaluation(
      order: e.order, ids: e.ids, labels: e.labels, rank: e.rank, competitionRank: e.competitionRank, raw: e.raw, score: score,
      utility: e.utility, stars: e.stars, starGap: Array(e.starGap), normalised: normalised, imputed: e.imputed,
      weights: e.weights, groupScores: e.groupScores, weightReport: e.weightReport, unranked: e.unranked)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let records = parseCSV(String(decoding: bytes(dir + "/ranking.csv").dropFirst(3), as: UTF8.self))
    let header = records[0]
    let normalisedAt = header.indices.filter { header[$0].hasSuffix("（标准化）") }
    let groupAt = Array(6..<normalisedAt[0])
    #expect(normalisedAt.count == 3 && groupAt.count == 2)
    func cell(_ x: Double, _ d: Int) -> String { x.isFinite ? formatFixed(x, decimals: d) : "" }
    let groupKeys = ["effect", "input"]
    for (i, row) in e.order.enumerated() {
      let r = records[1 + i]
      #expect(r[0] == String(i + 1))
      #expect(r[4] == cell(score[row], 2), "row \(row)")
      for (k, at) in groupAt.enumerated() { #expect(r[at] == cell(e.groupScores[groupKeys[k]]![row], 2), "row \(row)") }
      for (j, at) in normalisedAt.enumerated() { #expect(r[at] == cell(normalised[j][row], 4), "row \(row) criterion \(j)") }
    }
    let first = records[1]
    #expect(first[4] == "100.00" && first[normalisedAt[0]] == "-0.2500" && first[normalisedAt[1]] == "0.0000")
    #expect(records[3][normalisedAt[0]] == "6.5534" && records[3][normalisedAt[1]] == "6.5535")
    #expect(records[4][4] == "100.00" && records[4][normalisedAt[2]] == "")
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
