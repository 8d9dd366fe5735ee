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

  /// `uniformWidth` is the one byte length of every value, nil as soon as one differs
  /// (a missing value is empty), and every value is then at `i · w`.
  @Test func uniformWidthIsTheCommonLength() {
    let ids = ["91330281MA2H4X7Y5N", "91330281MA2H4X7Y6P", "913302810000000001"]
    #expect(TextColumn(ids).uniformWidth == 18)
    for (i, id) in ids.enumerated() { #expect(TextColumn(ids).byteRange(i) == i * 18..<(i + 1) * 18, "\(id)") }
    #expect(TextColumn(ids + [nil]).uniformWidth == nil)
    #expect(TextColumn(ids + ["9133028"]).uniformWidth == nil)
    #expect(TextColumn(["ab", "cde", "f"]).uniformWidth == nil)  // the same total as three of 2
    #expect(TextColumn(["企业", "公司"]).uniformWidth == 6)
    #expect(TextColumn(["", ""]).uniformWidth == 0)
    #expect(TextColumn().uniformWidth == nil)
  }
}
