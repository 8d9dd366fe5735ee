import Ingest
import Model
import Testing

@Suite struct GB18030Tests {
  let row = "\(uscc(1)),宁波,east,是,1,1,1\n"

  @Test(arguments: chunkSizes) func invalidSequenceIsReportedWithOffset(chunk: Int) throws {
    let head = try gb18030(header + row + "\(uscc(2)),")
    let bytes = head + [0xFF, 0x41] + Array(",east,1,1,1,1\n".utf8)
    let r = ingest(bytes: bytes, chunk: chunk, encoding: .gb18030)
    #expect(
      rendered(r) == [
        "m.csv:3:企业名称: invalid GB18030 sequence starting with byte 0xFF at byte offset \(head.count): the file is not GB18030; if it is UTF-8, leave out --encoding gb18030"
      ])
  }

  @Test(arguments: chunkSizes) func truncatedCharacterAtEnd(chunk: Int) throws {
    let bytes = try gb18030(header + row + "\(uscc(2)),宁") + [0x81]
    let r = ingest(bytes: bytes, chunk: chunk, encoding: .gb18030)
    #expect(rendered(r) == ["m.csv:3:企业名称: the file ends inside a GB18030 multi-byte character (byte offset \(bytes.count - 1))"])
  }

  @Test(arguments: chunkSizes) func utf8BOMWinsOverDeclaredGB18030(chunk: Int) throws {
    let r = ingest("\u{FEFF}" + header + row, chunk: chunk, encoding: .gb18030)
    #expect(
      rendered(r) == [
        "m.csv:1: warning: the file starts with a UTF-8 byte order mark although --encoding gb18030 was given: read as UTF-8"
      ])
    #expect(try #require(r.table).string("name", row: 0) == "宁波")
    #expect(r.summary.encoding == .utf8)
  }

  @Test func gbkFileReadAsUTF8SuggestsTheEncoding() throws {
    let bytes = try gb18030(header + row)
    let r = ingest(bytes: bytes)
    // 统 = CD B3 and 一 = D2 BB happen to be valid 2-byte UTF-8; 社 = C9 E7 is not.
    #expect(Array(bytes.prefix(6)) == [0xCD, 0xB3, 0xD2, 0xBB, 0xC9, 0xE7])
    #expect(
      rendered(r) == [
        "m.csv:1: invalid UTF-8 (byte 0xC9) in the header: the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030"
      ])
  }

  @Test func fourByteSequencesDecode() throws {
    let r = ingest(bytes: try gb18030(header + "\(uscc(1)),😀𠀀€,east,1,1,1,1\n"), chunk: 1, encoding: .gb18030)
    #expect(try #require(r.table).string("name", row: 0) == "😀𠀀€")
  }
}
