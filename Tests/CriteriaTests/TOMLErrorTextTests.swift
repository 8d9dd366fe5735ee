import Model
import Testing

@testable import Criteria

/// toml++'s sentences the table does not know keep their English after a Chinese lead-in;
/// the line break toml++ quotes at a line's end is dropped in both languages.
@Suite struct TOMLErrorTextTests {
  @Test func anUnknownReasonIsKeptAfterAChineseLeadIn() {
    let m = TOMLErrorText.message("Error while parsing key: something new happened")
    #expect(m.zh == "TOML 语法错误（解析键时）：something new happened")
    #expect(m.en == "Error while parsing key: something new happened")
    let bare = TOMLErrorText.message("something without a scope")
    #expect(bare.zh == "TOML 语法错误：something without a scope")
  }

  @Test func theQuotedLineBreakIsDropped() {
    let m = TOMLErrorText.message("Error while parsing boolean: expected 'false', saw 'fals\n'")
    #expect(m.zh == "TOML 语法错误（解析布尔值时）：此处应为 'false'，实际为 'fals'")
    #expect(m.en == "Error while parsing boolean: expected 'false', saw 'fals'")
  }

  @Test func rangesOfDatesAndTimes() {
    #expect(TOMLErrorText.reasonZh("expected month between 1 and 12 (inclusive), saw 13") == "月份应在 1 至 12，实际为 13")
    #expect(TOMLErrorText.reasonZh("expected an unheard-of thing, saw 'x'") == nil)
  }
}
