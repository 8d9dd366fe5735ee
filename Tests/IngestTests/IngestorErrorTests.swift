import Ingest
import Model
import Testing

/// One defect class: the input (after the standard header) and every diagnostic, rendered.
struct DefectCase: Sendable, CustomStringConvertible {
  var description: String
  var body: [UInt8]
  var expected: [String]
  init(_ name: String, _ body: String, _ expected: [String]) {
    self.init(name, Array(body.utf8), expected)
  }
  init(_ name: String, _ body: [UInt8], _ expected: [String]) {
    description = name
    self.body = body
    self.expected = expected
  }
}

let ok1 = "\(uscc(1)),a,east,1,1,1,1\n"
let id2 = uscc(2)

let defectCases: [DefectCase] = [
  DefectCase("too many fields", ok1 + "\(id2),b,east,1,1,1,1,extra\n", ["m.csv:3: found 8 fields, the header has 7"]),
  DefectCase("too few fields", ok1 + "\(id2),b,east,1,1\n", ["m.csv:3: found 5 fields, the header has 7"]),
  DefectCase(
    "unterminated quote", ok1 + "\(id2),\"never closed,east,1,1,1,1\nmore\n",
    ["m.csv:3:企业名称: unterminated quote: the quoted field opened on this line is never closed"]),
  DefectCase(
    "text after closing quote", ok1 + "\(id2),\"ab\"c,east,1,1,1,1\n" + "\(uscc(3)),x,east,1,1,1,1\n",
    ["m.csv:3:企业名称: text after a closing quote ('c'): a quote inside a quoted field must be doubled (\"\")"]),
  DefectCase(
    "quote inside unquoted field", ok1 + "\(id2),a\"b,east,1,1,1,1\n",
    ["m.csv:3:企业名称: quote inside an unquoted field: quote the whole field and double the inner quote (\"a \"\"b\"\" c\")"]),
  DefectCase(
    "duplicate id", ok1 + "\(id2),b,east,1,1,1,1\n" + " \(uscc(1).lowercased()),c,east,1,1,1,1\n",
    ["m.csv:4:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2"]),
  DefectCase(
    "NaN", ok1 + "\(id2),b,east,1,NaN,1,1\n",
    ["m.csv:3:效率提升率(%): not a number: 'NaN' (NaN and infinity are not accepted; leave the cell empty if the value is unknown)"]),
  DefectCase(
    "-inf", ok1 + "\(id2),b,east,1,-inf,1,1\n",
    ["m.csv:3:效率提升率(%): not a number: '-inf' (NaN and infinity are not accepted; leave the cell empty if the value is unknown)"]),
  DefectCase(
    "overflow", ok1 + "\(id2),b,east,1,1,1,1" + String(repeating: "0", count: 400) + "\n",
    ["m.csv:3:成本: number too large: '1" + String(repeating: "0", count: 400) + "'"]),
  DefectCase(
    "decimal comma", ok1 + "\(id2),b,east,1,\"12,5\",1,1\n",
    ["m.csv:3:效率提升率(%): not a number: '12,5' (decimal comma: write 12.5)"]),
  DefectCase(
    "thousands separators", ok1 + "\(id2),b,east,1,1,1,\"1,234,567\"\n",
    ["m.csv:3:成本: not a number: '1,234,567' (thousands separators are not accepted: write 1234567)"]),
  DefectCase(
    "full-width digits", ok1 + "\(id2),b,east,1,１２．５,1,1\n",
    ["m.csv:3:效率提升率(%): not a number: '１２．５' (full-width characters: write 12.5)"]),
  DefectCase(
    "exponent", ok1 + "\(id2),b,east,1,1e3,1,1\n",
    ["m.csv:3:效率提升率(%): not a number: '1e3' (exponent notation is not accepted: write the number out in plain digits)"]),
  DefectCase(
    "invalid UTF-8 stops reading", Array((ok1 + "\(id2),").utf8) + [0xD6, 0xD0] + Array(",east,1,1,1,1\n\(uscc(3)),x,east,1,1,1,1\n".utf8),
    ["m.csv:3:企业名称: invalid UTF-8 (byte 0xD6) in this cell: the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030"]),
  DefectCase(
    "NUL in text", ok1 + "\(id2),a\u{0}b,east,1,1,1,1\n", ["m.csv:3:企业名称: control character U+0000 in text"]),
  DefectCase(
    "control character in a multi-line field names its first line",
    ok1 + "\(id2),\"a\nb\u{7}\",east,1,1,1,1\n", ["m.csv:3:企业名称: control character U+0007 in text"]),
  DefectCase(
    "cell after a multi-line field is on the later line", ok1 + "\(id2),\"a\nb\",east,1,x,1,1\n",
    ["m.csv:4:效率提升率(%): not a number: 'x'"]),
  DefectCase(
    "empty cell under reject", ok1 + "\(id2),b,east,1,,1,1\n",
    ["m.csv:3:效率提升率(%): empty cell (the column's missing policy is 'reject')"]),
  DefectCase("empty id", ok1 + ",b,east,1,1,1,1\n", ["m.csv:3:统一社会信用代码: empty id"]),
  DefectCase(
    "out of range", ok1 + "\(id2),b,east,1,1000.5,1,1\n",
    ["m.csv:3:效率提升率(%): value 1000.5 is outside the range [-100, 1000]"]),
  DefectCase("not an integer", ok1 + "\(id2),b,east,1,1,1.5,1\n", ["m.csv:3:员工数: not an integer: '1.5'"]),
  DefectCase(
    "not a bool", ok1 + "\(id2),b,east,maybe,1,1,1\n",
    ["m.csv:3:上云: not a yes/no value: 'maybe' (write true/false, 1/0, 是/否 or Y/N)"]),
  DefectCase(
    "category not allowed", ok1 + "\(id2),b,西区,1,1,1,1\n",
    ["m.csv:3:区域: '西区' is not one of the allowed values: 北区, 南区, east"]),
  DefectCase(
    "bad check character", ok1 + "\(id2.dropLast())0,b,east,1,1,1,1\n",
    ["m.csv:3:统一社会信用代码: invalid unified social credit code '\(id2.dropLast())0': check character is '0' but the first 17 characters give '\(id2.last.map(String.init) ?? "")'"]),
  DefectCase(
    "field too long stops reading", ok1 + "\(id2),\(String(repeating: "x", count: 5000)),east,1,1,1,1\n",
    ["m.csv:3:企业名称: field longer than 4096 bytes (the limit); if that is not intended, a quote opened here may be unterminated"]),
  DefectCase(
    "runaway quote stops reading", ok1 + "\(id2),\"x\n" + String(repeating: "y,1,2\n", count: 1000),
    ["m.csv:3:企业名称: field longer than 4096 bytes (the limit); if that is not intended, a quote opened here may be unterminated"]),
  DefectCase("header but no rows", "", ["m.csv:1: the file has a header but no data rows"]),
  DefectCase(
    "blank, CR LF and space-only lines still count", ok1 + "\n\r\n  \n" + "\(id2),b,east,1,x,1,1\r\n",
    ["m.csv:6:效率提升率(%): not a number: 'x'"]),
  DefectCase(
    "lines after a dropped record", ok1 + "\(id2),a\"b,east,1,1,1,1\n" + "\(uscc(3)),\"m\nn\",east,1,y,1,1\n",
    [
      "m.csv:3:企业名称: quote inside an unquoted field: quote the whole field and double the inner quote (\"a \"\"b\"\" c\")",
      "m.csv:5:效率提升率(%): not a number: 'y'",
    ]),
  DefectCase(
    "text after a closing quote of a multi-line field", ok1 + "\(id2),\"a\nb\"c,east,1,1,1,1\n" + "\(uscc(3)),x,east,1,z,1,1\n",
    [
      "m.csv:3:企业名称: text after a closing quote ('c'): a quote inside a quoted field must be doubled (\"\")",
      "m.csv:5:效率提升率(%): not a number: 'z'",
    ]),
  DefectCase(
    "duplicate id after multi-line fields", ok1 + "\(id2),\"b\n\n\",east,1,1,1,1\n" + "\(uscc(1)),c,east,1,1,1,1\n",
    ["m.csv:6:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2"]),
]

@Suite struct IngestorErrorTests {
  @Test(arguments: defectCases) func defect(_ c: DefectCase) {
    for chunk in [1, 3, 7, 4096, 1 << 20] {
      let r = ingest(bytes: Array(header.utf8) + c.body, chunk: chunk)
      #expect(rendered(r) == c.expected, "chunk \(chunk)")
      #expect(r.table == nil)
      #expect(r.failure?.kind == .data)
    }
  }

  @Test func emptyFile() {
    for text in ["", "\u{FEFF}", "\n\n"] {
      let r = ingest(text)
      #expect(rendered(r) == ["m.csv:1: the file is empty: a header line and at least one data row are required"])
      #expect(r.failure?.kind == .data)
    }
  }

  @Test func missingColumnListsSpellings() {
    let r = ingest("统一社会信用代码,企业名称,区域,上云,效率提升率(%),员工数\n" + ok1.dropLast(3) + "\n")
    #expect(rendered(r) == ["m.csv:1: missing column 'cost': expected a header named '成本' or 'cost'"])
  }

  @Test func duplicateHeaderNamesBothPositions() {
    let r = ingest(header.dropLast() + ",企业名称\n" + ok1.dropLast() + ",x\n")
    #expect(rendered(r) == ["m.csv:1:企业名称: duplicate header '企业名称' in columns 2 and 8"])
  }

  @Test func twoSpellingsOfOneColumn() {
    let r = ingest(header.dropLast() + ",uscc\n" + ok1.dropLast() + ",x\n")
    #expect(rendered(r) == ["m.csv:1:uscc: columns 1 ('统一社会信用代码') and 8 ('uscc') both match column 'uscc'"])
  }

  @Test func allProblemsAreReportedInOrder() {
    let r = ingest(header + ok1 + "\(id2),b,east,x,NaN,1\n" + "\(uscc(3)),c,west,1,1,1,1\n")
    #expect(
      rendered(r) == [
        "m.csv:3:上云: not a yes/no value: 'x' (write true/false, 1/0, 是/否 or Y/N)",
        "m.csv:3:效率提升率(%): not a number: 'NaN' (NaN and infinity are not accepted; leave the cell empty if the value is unknown)",
        "m.csv:3: found 6 fields, the header has 7",
        "m.csv:4:区域: 'west' is not one of the allowed values: 北区, 南区, east; did you mean 'east'?",
      ])
  }

  @Test func errorCapKeepsTheFirstAndCountsTheRest() {
    let rows = (0..<50).map { "\(uscc($0 + 10)),n,east,1,bad,1,1\n" }.joined()
    let r = ingest(header + rows, cap: 5)
    // Five kept under the cap: three listed, two summarised in one line at the fourth.
    #expect(r.log.diagnostics.count == 4)
    #expect(r.log.errorCount == 50)
    #expect(r.log.suppressedErrors == 45)
    #expect(r.log.diagnostics.last?.line == 5)
    #expect(r.log.diagnostics.last?.message.hasPrefix("2 more errors of this kind in this column") == true)
  }

  @Test func missingFileIsNoInput() {
    let r = Ingestor.read(path: "/nonexistent/m.csv", columns: sampleColumns, idColumn: "uscc", options: IngestOptions())
    #expect(r.failure?.kind == .noInput)
    #expect(rendered(r) == ["/nonexistent/m.csv:0: cannot open the file: No such file or directory"])
  }

  @Test func directoryIsNoInput() {
    let r = Ingestor.read(path: "/tmp", columns: sampleColumns, idColumn: "uscc", options: IngestOptions())
    #expect(r.failure?.kind == .noInput)
    #expect(rendered(r) == ["/tmp:0: cannot read the file: Is a directory"])
  }
}

@Suite struct LargeTableTests {
  /// Enough rows for the id set and the category interner to grow several times.
  @Test func duplicateFoundAfterTablesGrow() throws {
    var text = header
    for i in 0..<5000 { text += "\(uscc(i + 1)),n\(i),\(["北区", "南区", "east"][i % 3]),1,\(i % 1000),\(i),\n" }
    let clean = ingest(text)
    let t = try #require(clean.table)
    #expect(t.rowCount == 5000)
    if case .category(let c)? = t["district"] { #expect(c.levels == ["北区", "南区", "east"]) }
    #expect(clean.summary.missingCells["cost"] == 5000)
    let r = ingest(text + "\(uscc(17)),dup,east,1,1,1,1\n")
    #expect(rendered(r) == ["m.csv:5002:统一社会信用代码: duplicate id '\(uscc(17))', first on line 18"])
  }
}
