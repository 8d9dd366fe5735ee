import Ingest
import Model
import Testing

/// Duplicate ids are found after the last row; their errors must land exactly where a
/// check at the end of each row would have put them (order, error cap, counts).
@Suite struct DuplicateIDTests {
  static let rows =
    "\(uscc(1)),a,east,1,1,1,1\n" + "\(uscc(2)),b,east,1,z,1,1\n" + "\(uscc(1)),c,east,1,x,1,1\n"
    + "\(uscc(3)),d,east,1,y,1,1\n" + "\(uscc(2)),e,east,1,1,1,1\n" + "\(uscc(1)),f,east,1,1,1,1\n"

  @Test(arguments: [1, 7, 4096, 1 << 20]) func interleavedWithCellErrors(chunk: Int) {
    let r = ingest(header + Self.rows, chunk: chunk)
    #expect(
      rendered(r) == [
        "m.csv:3:效率提升率(%): not a number: 'z'",
        "m.csv:4:效率提升率(%): not a number: 'x'",
        "m.csv:4:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2",
        "m.csv:5:效率提升率(%): not a number: 'y'",
        "m.csv:6:统一社会信用代码: duplicate id '\(uscc(2))', first on line 3",
        "m.csv:7:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2",
      ])
    #expect(r.log.errorCount == 6)
  }

  @Test func errorCapCountsDuplicatesInOrder() {
    let r = ingest(header + Self.rows, cap: 2)
    #expect(
      rendered(r) == [
        "m.csv:3:效率提升率(%): not a number: 'z'",
        "m.csv:4:效率提升率(%): not a number: 'x'",
      ])
    #expect(r.log.errorCount == 6)
    #expect(r.log.suppressedErrors == 4)
  }

  @Test func duplicateBeforeTheCapPushesLaterErrorsOut() {
    let body = "\(uscc(1)),a,east,1,1,1,1\n" + "\(uscc(1)),b,east,1,1,1,1\n" + "\(uscc(2)),c,east,1,q,1,1\n"
    let r = ingest(header + body, cap: 1)
    #expect(rendered(r) == ["m.csv:3:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2"])
    #expect(r.log.errorCount == 2)
  }

  @Test func suppressedWarningsStayCounted() {
    let body = "\(uscc(1)),a,east,1,1,1,1\n" + ",,,,,,\n" + ",,,,,,\n" + ",,,,,,\n" + "\(uscc(1)),b,east,1,1,1,1\n"
    let r = ingest(header + body, cap: 1)
    #expect(r.log.warningCount == 3)
    #expect(r.log.errorCount == 1)
    #expect(r.log.diagnostics.map(\.line) == [3, 6])
    #expect(rendered(r).last == "m.csv:6:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2")
  }

  @Test(arguments: [1, 3, 1 << 20]) func duplicateBeforeAFatalError(chunk: Int) {
    let bytes =
      Array((header + "\(uscc(1)),a,east,1,1,1,1\n" + "\(uscc(1)),b,east,1,1,1,1\n" + "\(uscc(2)),").utf8)
      + [0xD6, 0xD0] + Array(",east,1,1,1,1\n".utf8)
    let r = ingest(bytes: bytes, chunk: chunk)
    #expect(
      rendered(r) == [
        "m.csv:3:统一社会信用代码: duplicate id '\(uscc(1))', first on line 2",
        "m.csv:4:企业名称: invalid UTF-8 (byte 0xD6) in this cell: the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030",
      ])
  }

  @Test func manyDistinctIdsHaveNoDuplicates() {
    let body = (0..<20_000).map { "\(uscc($0 + 1)),n,east,1,1,1,1\n" }.joined()
    let r = ingest(header + body + "\(uscc(12_345)),n,east,1,1,1,1\n")
    #expect(rendered(r) == ["m.csv:20002:统一社会信用代码: duplicate id '\(uscc(12_345))', first on line 12346"])
  }
}
