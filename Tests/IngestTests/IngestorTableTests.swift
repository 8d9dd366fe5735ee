import Ingest
import Model
import Testing

@Suite struct IngestorTableTests {
  let valid =
    header
    + "\(uscc(1)),\"宁波甬江科技有限公司, 北仑分公司\",北区,是,12.5,120,3.25\n"
    + "\(uscc(2).lowercased()),\"He said \"\"hi\"\"\nsecond line\",南区,N,-3,7,\n"
    + " \(uscc(3)) ,Plain,east,TRUE,0.001,0,1000000\n"

  @Test func readsEveryType() throws {
    let r = ingest(valid)
    #expect(r.log.diagnostics.isEmpty)
    let t = try #require(r.table)
    #expect(t.rowCount == 3)
    #expect(t.lines == [2, 3, 5])
    #expect(t.string("uscc", row: 1) == uscc(2))
    #expect(t.string("uscc", row: 2) == uscc(3))
    #expect(t.string("name", row: 0) == "宁波甬江科技有限公司, 北仑分公司")
    #expect(t.string("name", row: 1) == "He said \"hi\"\nsecond line")
    #expect(t.string("district", row: 2) == "east")
    if case .bool(let b)? = t["cloud"] { #expect(b == [true, false, true]) } else { Issue.record("cloud is not bool") }
    let gain = try #require(t.numbers("gain"))
    #expect(gain.values == [12.5, -3, 0.001])
    #expect(t.numbers("staff")?.values == [120, 7, 0])
    let cost = try #require(t.numbers("cost"))
    #expect(cost.missing == [false, true, false])
    #expect(r.summary.missingCells["cost"] == 1)
    #expect(r.summary.rows == 3)
    #expect(r.summary.columnsMatched["gain"] == "效率提升率(%)")
    #expect(t.headerFound["uscc"] == "统一社会信用代码")
    if case .category(let c)? = t["district"] { #expect(c.levels == ["北区", "南区", "east"]) }
  }

  @Test(arguments: chunkSizes) func chunkSizeDoesNotMatter(chunk: Int) {
    #expect(snapshot(ingest(valid, chunk: chunk).table) == snapshot(ingest(valid).table))
  }

  @Test(arguments: chunkSizes) func crlfAndBOMAndNoFinalNewline(chunk: Int) {
    var crlf = "\u{FEFF}" + valid.replacingOccurrences(of: "\n", with: "\r\n")
    crlf.removeLast()  // "\r\n" is one Character
    let r = ingest(crlf, chunk: chunk)
    #expect(r.log.diagnostics.isEmpty)
    #expect(r.summary.hadBOM)
    // A CRLF inside quotes is data: compare with an LF file whose quoted field holds CRLF.
    let lf = ingest(valid.replacingOccurrences(of: "\nsecond", with: "\r\nsecond"))
    #expect(snapshot(r.table) == snapshot(lf.table))
    #expect(r.table?.string("name", row: 1) == "He said \"hi\"\r\nsecond line")
  }

  @Test func trailingBlankLinesAndEmptyRowsAreSkipped() throws {
    let r = ingest(valid + "\n\n,,,,,,\n\r\n")
    let t = try #require(r.table)
    #expect(t.rowCount == 3)
    #expect(rendered(r) == ["m.csv:8: warning: row has only empty fields and is skipped"])
    #expect(r.summary.skippedRows == 1)
  }

  @Test func headersMatchAnySpellingIgnoringASCIICase() throws {
    let text = " USCC ,Name,DISTRICT,cloud,Gain,staff,cost,备注\n\(uscc(5)),a,east,1,1,1,1,x\n"
    let r = ingest(text)
    let t = try #require(r.table)
    #expect(t.headerFound["uscc"] == "USCC")
    #expect(r.summary.unknownHeaders == ["备注"])
    #expect(rendered(r) == ["m.csv:1:备注: warning: unknown column '备注' (column 8) is ignored"])
  }

  @Test func optionalColumnMayBeAbsent() throws {
    var cols = sampleColumns
    cols[6].required = false
    let r = ingest("uscc,name,district,cloud,gain,staff\n\(uscc(5)),a,east,1,1,1\n", columns: cols)
    let t = try #require(r.table)
    #expect(t["cost"] == nil)
  }

  @Test func spacesAroundUnquotedFieldsAreDroppedQuotedTextKeepsThem() throws {
    let r = ingest(header + "\(uscc(9)),  两侧空格 ,east, y ,\"  7.5\t\" ,3,\n\(uscc(8)),\" 引号 \",east,1,1,1,\n")
    let t = try #require(r.table)
    #expect(t.string("name", row: 0) == "两侧空格")
    #expect(t.string("name", row: 1) == " 引号 ")
    #expect(t.numbers("gain")?.values == [7.5, 1])
  }

  @Test func lone0x80IsEuroInGB18030() throws {
    let bytes = try gb18030(header + "\(uscc(1)),") + [0x80] + gb18030(",east,1,1,1,1\n")
    let r = ingest(bytes: bytes, encoding: .gb18030)
    #expect(try #require(r.table).string("name", row: 0) == "€")
  }
}

extension String {
  func replacingOccurrences(of a: String, with b: String) -> String {
    var out = ""
    var rest = Substring(self)
    while let r = rest.firstRange(of: a) {
      out += rest[..<r.lowerBound] + b
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}
