import Model
import Testing

/// The C library's error texts in Chinese, as messages quote them.
@Suite struct SystemErrorTextTests {
  @Test func knownTextsAndTheErrnoSuffix() {
    #expect(SystemErrorText.zh("No such file or directory") == "没有那个文件或目录")
    #expect(SystemErrorText.zh("Permission denied (errno 13)") == "权限不够（errno 13）")
    #expect(SystemErrorText.message("No space left on device") == Message(zh: "设备上没有空间", en: "No space left on device"))
  }

  @Test func anUnknownTextIsKept() {
    #expect(SystemErrorText.zh("Exec format error") == "Exec format error")
    #expect(SystemErrorText.zh("Exec format error (errno 8)") == "Exec format error (errno 8)")
  }
}
