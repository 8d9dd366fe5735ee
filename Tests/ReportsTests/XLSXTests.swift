import Foundation
import Model
import Reports
import TestSupport
import Selection
import Testing

/// Reads cells back from an .xlsx with the `unzip` tool (independent of libxlsxwriter).
struct WorkbookReader {
  let path: String

  func part(_ name: String) throws -> String {
    let (status, out) = try run("/usr/bin/unzip", ["-p", path, name])
    #expect(status == 0, "unzip \(name)")
    return String(decoding: out, as: UTF8.self)
  }

  /// Sheet names in workbook order (sheet i is xl/worksheets/sheet{i}.xml).
  func sheetNames() throws -> [String] {
    let xml = try part("xl/workbook.xml")
    return matches(xml, #"<sheet name="([^"]*)""#).map { unescape($0[0]) }
  }

  /// Cells of a sheet: "B2" → text (inline strings) or number text.
  func cells(sheet index: Int) throws -> [String: String] {
    let xml = try part("xl/worksheets/sheet\(index).xml")
    var out: [String: String] = [:]
    for m in matches(xml, #"<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>(.*?)</c>)"#) {
      let body = m[1]
      if let t = matches(body, #"<t[^>]*>(.*?)</t>"#).first { out[m[0]] = unescape(t[0]) }
      else if let v = matches(body, #"<v>(.*?)</v>"#).first { out[m[0]] = v[0] }
    }
    return out
  }

  private func matches(_ s: String, _ pattern: String) -> [[String]] {
    guard let re = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
    let ns = s as NSString
    return re.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { r in
      (1..<r.numberOfRanges).map { i in r.range(at: i).location == NSNotFound ? "" : ns.substring(with: r.range(at: i)) }
    }
  }

  private func unescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
struct XLSXTests {
  @Test func sheetsAreNamedValidlyAndInOrder() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir)
    let names = try WorkbookReader(path: dir + "/recommendations.xlsx").sheetNames()
    #expect(names.count == 8)
    // First the 推荐汇总表 per programme (what officials print), then the analysis sheets.
    #expect(names[0] == "汇总表-市级数字化改造标杆企业")
    #expect(names[2] == "市级数字化改造标杆企业")
    #expect(Array(names[4...]) == ["排名", "星级", "奖励", "说明"])
    for n in names {
      #expect(n.count <= 31 && !n.isEmpty)
      #expect(!n.contains { "[]:*?/\\".contains($0) })
      #expect(!n.hasPrefix("'") && !n.hasSuffix("'"))
    }
    #expect(names[3].hasPrefix("省级_标杆_企业_2022__示范"))
    #expect(Set(names.map { $0.lowercased() }).count == names.count)
  }

  @Test func duplicateAndOverlongProgrammeNamesStayUnique() throws {
    let dir = scratchFolder() + "/out"
    let long = String(repeating: "长", count: 40)
    try Fixture.make(programmeNames: [long, long]).write(to: dir)
    let names = try WorkbookReader(path: dir + "/recommendations.xlsx").sheetNames()
    #expect(names[2] == String(repeating: "长", count: 31))
    #expect(names[3] == String(repeating: "长", count: 27) + " (2)")
  }

  @Test func rankingSheetMatchesResultsJSON() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let reader = WorkbookReader(path: dir + "/recommendations.xlsx")
    let cells = try reader.cells(sheet: 5)  // 排名
    let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes(dir + "/results.json"))) as? [String: Any])
    let ranking = try #require(json["ranking"] as? [[String: Any]])
    let lines = text(dir + "/results.json").split(separator: "\n").filter { $0.contains("\"rank\":") }.map(String.init)
    // The ranking's own columns; group scores and normalised criteria are on the programme
    // sheets and in ranking.csv.
    let header = (0..<12).map { cells[String(UnicodeScalar(UInt8(65 + $0))) + "1"] ?? "" }
    #expect(header == ["排名", "统一社会信用代码", "企业名称", "得分", "星级", "并列名次"] + f.spec.programmes.map(\.name) + ["奖励（元）"] + Array(repeating: "", count: 12 - 7 - f.spec.programmes.count))
    let programmeSheet = try reader.cells(sheet: 3)
    #expect(programmeSheet["I1"] == "实施效果得分" && programmeSheet["K1"] == "生产效率提升率（标准化）")
    for (i, entry) in ranking.enumerated() {
      let r = i + 2
      #expect(cells["A\(r)"].flatMap(Int.init) == entry["rank"] as? Int)
      #expect(cells["B\(r)"] == entry["id"] as? String)
      // Scores are stored rounded to 6 decimals (shown with 2); results.json has every digit.
      let score = try #require(cells["D\(r)"].flatMap(Double.init))
      let exact = try #require(numberText(lines[i], "score").flatMap(Double.init))
      #expect(abs(score - exact) <= 5e-7 + 1e-12)
      #expect(score == (exact * 1e6).rounded() / 1e6)
    }
    // One status column per programme: 入选 / 候补 as in results.json, empty otherwise.
    let shortlists = try #require(json["shortlists"] as? [String: [String: Any]])
    let headers = Dictionary(
      cells.filter { $0.key.drop(while: \.isLetter) == "1" }.map { ($0.value, String($0.key.dropLast())) },
      uniquingKeysWith: { a, _ in a })
    for programme in f.spec.programmes {
      let column = try #require(headers[programme.name], "no status column for \(programme.name)")
      let list = try #require(shortlists[programme.key])
      let selected = Set(list["selected"] as? [String] ?? [])
      let reserve = Set(list["reserve"] as? [String] ?? [])
      #expect(!selected.isEmpty)
      for (i, entry) in ranking.enumerated() {
        let id = try #require(entry["id"] as? String)
        let expected = selected.contains(id) ? "入选" : reserve.contains(id) ? "候补" : nil
        #expect(cells["\(column)\(i + 2)"] == expected, "\(programme.key) \(id)")
      }
    }
    // Labels come back as text, not formulas; control characters are gone.
    let texts = Set(cells.values)
    #expect(texts.contains("=HYPERLINK(\"http://evil\",\"x\")"))
    #expect(texts.contains(" Tab开头"))
    #expect(!texts.contains { $0.contains("_x0009_") })
    let sheetXML = try reader.part("xl/worksheets/sheet5.xml")
    #expect(!sheetXML.contains("<f>"))
    #expect(sheetXML.contains("<pane ") && sheetXML.contains("<autoFilter ref=\"A1:"))
  }

  @Test func programmeSheetListsSelectionThenReservesWithReasons() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let cells = try WorkbookReader(path: dir + "/recommendations.xlsx").cells(sheet: 3)
    let d = f.decision.programmes[0]
    #expect(cells["A1"] == "状态" && cells["C1"] == "原因")
    for (i, row) in d.selected.enumerated() {
      #expect(cells["A\(i + 2)"] == "入选")
      #expect(cells["E\(i + 2)"] == f.evaluation.ids[row])
    }
    #expect(cells["A5"] == "候补" && cells["E5"] == f.evaluation.ids[d.reserve[0]])
    #expect(cells["C7"] == ExclusionReason.belowLine(quota: 3).text(english: false))
  }

  @Test func rewardsAndMethodSheets() throws {
    let f = Fixture.make()
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let reader = WorkbookReader(path: dir + "/recommendations.xlsx")
    let rewards = try reader.cells(sheet: 7)
    let n = f.decision.rewards.awards.count
    #expect(rewards["D\(n + 3)"] == "合计")
    #expect(rewards["F\(n + 3)"].flatMap(Double.init) == f.decision.rewards.totalGranted)
    #expect(rewards["F\(n + 5)"].flatMap(Double.init) == 1_000_000 - f.decision.rewards.totalGranted)
    let method = Set(try reader.cells(sheet: 8).values)
    #expect(method.contains("2022年度数字化改造标杆企业评选"))
    #expect(method.contains("加权求和"))
    #expect(method.contains("实施效果"))  // group path of a criterion
    #expect(method.contains(String(repeating: "b", count: 64)))  // criteria SHA-256
    #expect(method.contains("2023-01-01T00:00:00Z"))
  }

  @Test(arguments: [false, true])
  func starLevelRequirementsReadAsTheGapsDo(english: Bool) throws {
    let dir = scratchFolder() + "/out\(english)"
    try Fixture.make().write(
      to: dir, options: ReportOptions(english: english, now: Fixture.now, version: "0.1.0-test"))
    let stars = try WorkbookReader(path: dir + "/recommendations.xlsx").cells(sheet: 6)
    // Level rows 2–4 are 3★, 4★, 5★; only 5★ has a requirement (column G).
    #expect(stars["G4"] == (english ? "invest_wan ≥ 100" : "数字化投入(万元) ≥ 100"))
    #expect(stars["G2"] == nil)
  }

  @Test func starListIsCutWithANote() throws {
    let f = Fixture.make(rows: 30)
    let ev = f.evaluation
    let starred = ev.order.filter { ev.stars[$0] > 0 }
    #expect(starred.count > 4)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir, options: ReportOptions(excelStarRows: 4, now: Fixture.now, version: "t"))
    let stars = try WorkbookReader(path: dir + "/recommendations.xlsx").cells(sheet: 6)
    // Level table in rows 1–4, a blank row, the list header in row 6, then 4 enterprises.
    #expect(stars["B6"] == "统一社会信用代码")
    for (i, row) in starred.prefix(4).enumerated() { #expect(stars["B\(7 + i)"] == ev.ids[row]) }
    #expect(stars["B11"] == nil)
    #expect(stars["A12"] == "……其余 \(starred.count - 4) 家：星级见“排名”表，差距见 results.json")
  }

  @Test func idsAndLabelsAreCleanedAsCellTextFromTheirPackedBytes() throws {
    let tricky = [
      "a\u{01}b", "\u{7F}删除", "tab\there", "line\nbreak", "cr\r\nlf", "nul\u{0}end", "普通 & <公司>",
      String(repeating: "名", count: 32_766) + "ab", String(repeating: "x", count: 32_767) + "\u{02}",
    ]
    let f = Fixture.make(labelsByPlace: tricky)
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let cells = try WorkbookReader(path: dir + "/recommendations.xlsx").cells(sheet: 5)
    // Reference rule on Unicode scalars: C0 controls but LF dropped, TAB → space, DEL
    // dropped, at most 32,767 scalars.
    func reference(_ s: String) -> String {
      var out = String.UnicodeScalarView()
      for u in s.unicodeScalars where out.count < 32_767 {
        if u.value == 9 { out.append(" ") } else if !((u.value < 0x20 && u.value != 10) || u.value == 0x7F) { out.append(u) }
      }
      return String(out)
    }
    for (i, text) in tricky.enumerated() {
      #expect(cells["C\(i + 2)"] == reference(text), "label \(i)")
    }
  }

  @Test func overlongTextIsCutAtExcelsLimit() throws {
    let f = Fixture.make(labelsByPlace: [String(repeating: "名", count: 40_000) + "\u{01}"])
    let dir = scratchFolder() + "/out"
    try f.write(to: dir)
    let cells = try WorkbookReader(path: dir + "/recommendations.xlsx").cells(sheet: 5)
    #expect(cells["C2"] == String(repeating: "名", count: 32_767))
  }

  @Test func nonFiniteNumbersNeverReachTheWorkbook() throws {
    let f = Fixture.make(nanScoreRow: 1, infiniteGroupScoreRow: 0)
    let e = f.evaluation
    let dir = scratchFolder() + "/out"
    try RunReport(
      spec: f.spec, evaluation: e, decision: f.decision, manifest: f.manifest,
      options: ReportOptions(now: Fixture.now, version: "t")
    ).write(to: dir)
    let reader = WorkbookReader(path: dir + "/recommendations.xlsx")
    for i in 1...8 {
      let xml = try reader.part("xl/worksheets/sheet\(i).xml")
      #expect(!xml.contains("<v>NAN</v>") && !xml.contains("<v>INF</v>") && !xml.contains("<v>-INF</v>"))
    }
  }
}

/// The zip container of recommendations.xlsx: every part deflated at zlib's fastest level.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
struct XLSXContainerTests {
  /// (name, method, general-purpose flags) of each central-directory entry (APPNOTE.TXT §4.3.12).
  static func entries(_ path: String) throws -> [(name: String, method: Int, flags: Int)] {
    let z = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    func u16(_ i: Int) -> Int { Int(z[i]) | Int(z[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard let end = stride(from: z.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else { return [] }
    var at = u32(end + 16)
    var out: [(String, Int, Int)] = []
    for _ in 0..<u16(end + 10) where u32(at) == 0x0201_4B50 {
      let nameLength = u16(at + 28)
      out.append((String(decoding: z[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self), u16(at + 10), u16(at + 8)))
      at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
    return out
  }

  @Test func everyPartIsDeflatedAtTheFastestLevelAndReadsBack() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make().write(to: dir)
    let path = dir + "/recommendations.xlsx"
    let parts = try XLSXContainerTests.entries(path)
    #expect(parts.contains { $0.name == "xl/worksheets/sheet1.xml" })
    #expect(parts.count >= 10)
    for p in parts {
      // Method 8 = deflate; flag bits 1–2 = 0b11 is minizip's mark for level 1 (zlib's
      // Z_BEST_SPEED), 0b00 would be the default level 6 libxlsxwriter asks for.
      #expect(p.method == 8, "\(p.name)")
      #expect(p.flags & 0b110 == 0b110, "\(p.name) flags \(p.flags)")
    }
    let (status, _) = try run("/usr/bin/unzip", ["-tq", path])
    #expect(status == 0)
  }
}
