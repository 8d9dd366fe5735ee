import Testing

/// The test reader itself must be right before it judges the generator.
@Suite struct SimpleCSVTests {
  @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
    let text = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n"
    let rows = try SimpleCSV.parse(Array(text.utf8))
    #expect(rows == [["a", "b", "c"], ["x,1", "say \"hi\"", "two\nlines"], ["", "", ""]])
  }

  @Test func bomIsSkippedAndCRLFAccepted() throws {
    let rows = try SimpleCSV.parse([0xEF, 0xBB, 0xBF] + Array("企业,x\r\n1,2".utf8))
    #expect(rows == [["企业", "x"], ["1", "2"]])
  }

  @Test func unterminatedQuoteIsAnError() {
    #expect(throws: SimpleCSV.Malformed.self) { try SimpleCSV.parse(Array("a,\"b\n".utf8)) }
  }
}
