import Model
import Testing

@Suite struct StringColumnTests {
  @Test func readsBackWhatWasPackedAndMissingAsEmpty() {
    let strings = ["91330281MA2GDT7XXH", "", "宁波鑫鼎厨具电器股份有限公司", "a\"b,c\nd"]
    let packed = StringColumn(strings)
    #expect(Array(packed) == strings)
    #expect(packed.count == 4 && packed[2] == "宁波鑫鼎厨具电器股份有限公司")
    let shared = StringColumn(TextColumn(["x", nil, "中"]))
    #expect(Array(shared) == ["x", "", "中"])
    #expect(shared.withUTF8(1) { $0.count } == 0)
    #expect(shared.withUTF8(2) { Array($0) } == Array("中".utf8))
    #expect(shared == ["x", "", "中"])
  }

  @Test func sharesTheTextColumnItWasBuiltFrom() {
    let column = TextColumn(["b", "a", nil])
    #expect(StringColumn(column).packed == column)
  }

  @Test func replacingChangesOneValueOnly() {
    let before: StringColumn = ["a", "b", "c"]
    let after = before.replacing(1, with: "长名称")
    #expect(Array(after) == ["a", "长名称", "c"])
    #expect(Array(before) == ["a", "b", "c"])
  }
}
