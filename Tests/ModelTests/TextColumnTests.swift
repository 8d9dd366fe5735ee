import Model
import Testing

@Suite struct TextColumnTests {
  @Test(arguments: [
    [String?](),
    ["a"],
    [nil],
    ["统一社会信用代码", nil, "", "91330281MA2H4X7Y5N", nil, "tab\there"],
    (0..<200).map { $0 % 7 == 0 ? nil : "企业\($0)" },
  ])
  func packsAndReadsBack(values: [String?]) {
    let column = TextColumn(values)
    #expect(column.count == values.count)
    #expect(Array(column) == values)
    #expect(column.missingCount == values.filter { $0 == nil }.count)
    #expect(column.utf8.count == values.reduce(0) { $0 + ($1?.utf8.count ?? 0) })
    for (i, v) in values.enumerated() { #expect(column.isMissing(i) == (v == nil)) }
  }

  @Test func appendMatchesInit() {
    var column: TextColumn = ["a", nil]
    column.append("b")
    column.append(nil)
    #expect(column == TextColumn(["a", nil, "b", nil]))
    #expect(column != TextColumn(["a", nil, "b", ""]))
    #expect(column.byteRange(2) == 1..<2)
  }

  @Test func noMaskWithoutMissingValues() {
    let column = TextColumn(["x", "y"])
    #expect(column.missingBits.isEmpty)
    let adopted = TextColumn(utf8: Array("xy".utf8), ends: [1, 2], missingBits: [0])
    #expect(adopted.missingBits.isEmpty)
    #expect(Array(adopted) == ["x", "y"])
  }
}
