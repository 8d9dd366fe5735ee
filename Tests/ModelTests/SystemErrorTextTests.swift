import Foundation
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

  /// Errors that are not Exemplar's own, as a message quotes them: system errors in Chinese
  /// with their number, any other error's English text marked as the original.
  @Test func errorsThatAreNotOurs() {
    #expect(SystemErrorText.of(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == Message(
      zh: "设备上没有空间（errno \(ENOSPC)）", en: "No space left on device (errno \(ENOSPC))"))
    let underlying = NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))
    let wrapped = NSError(domain: "Wrapper", code: 1, userInfo: [NSUnderlyingErrorKey: underlying])
    #expect(SystemErrorText.of(wrapped).zh == "权限不够（errno \(EACCES)）")
    #expect(SystemErrorText.of(CocoaError(.fileNoSuchFile)).zh == "没有那个文件或目录（errno \(ENOENT)）")
    #expect(SystemErrorText.of(CocoaError(.fileWriteOutOfSpace)).en == "No space left on device (errno \(ENOSPC))")
    // An error that holds its number, as SwiftNIO's IOError does (a port already in use).
    struct Held: Error { let errnoCode: Int32 = EADDRINUSE }
    #expect(SystemErrorText.of(Held()).zh == "地址已在使用（errno \(EADDRINUSE)）")
    #expect(SystemErrorText.of(Held()).en == "Address already in use (errno \(EADDRINUSE))")
    struct Other: Error, CustomStringConvertible { var description: String { "the widget broke" } }
    #expect(SystemErrorText.of(Other()) == Message(zh: "the widget broke（英文原文）", en: "the widget broke"))
  }
}

