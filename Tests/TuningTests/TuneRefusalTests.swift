import Testing
import Tuning

/// The workbench's answer to an oversized request, in the page's language.
@Suite struct TuneRefusalTests {
  @Test func tooLargeInBothLanguages() throws {
    for (english, text) in [(false, "请求超过 65536 字节"), (true, "the request is larger than 65536 bytes")] {
      let answer = try TuneSessionTests.object(try TuneSessionTests.session(english: english).tooLarge(65536))
      #expect(answer["ok"] as? Bool == false)
      #expect(answer["errors"] as? [String] == [text])
    }
  }
}
