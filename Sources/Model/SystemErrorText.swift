import Foundation

/// The Chinese of the C library's error texts (`strerror` in the C locale, what Exemplar
/// quotes after "cannot open/read/write …"), for messages under `--lang zh`.
///
/// The table holds the errors a file, folder, disk or listening-socket operation meets in
/// practice, in the wording of glibc's own zh_CN translation; a text not listed is kept in
/// English (the `(errno N)` suffix Reports adds stays as it is).
public enum SystemErrorText {
  static let table: [String: String] = [
    "No such file or directory": "没有那个文件或目录",
    "Permission denied": "权限不够",
    "Is a directory": "是一个目录",
    "Not a directory": "不是目录",
    "No space left on device": "设备上没有空间",
    "File exists": "文件已存在",
    "Read-only file system": "只读文件系统",
    "File name too long": "文件名过长",
    "Too many open files": "打开的文件过多",
    "Input/output error": "输入/输出错误",
    "Disk quota exceeded": "超出磁盘配额",
    "Operation not permitted": "不允许的操作",
    "Device or resource busy": "设备或资源忙",
    "Directory not empty": "目录非空",
    "Invalid argument": "无效的参数",
    "Too many levels of symbolic links": "符号连接的层数过多",
    "Invalid cross-device link": "无效的跨设备连接",
    "File too large": "文件过大",
    "Text file busy": "文本文件忙",
    "Bad file descriptor": "错误的文件描述符",
    "Cannot allocate memory": "无法分配内存",
    "Address already in use": "地址已在使用",
    "Cannot assign requested address": "无法指定被请求的地址",
  ]

  /// `text` (a `strerror` text, possibly followed by ` (errno N)`) in Chinese.
  public static func zh(_ text: String) -> String {
    if let t = table[text] { return t }
    if let open = text.range(of: " (errno ", options: .backwards), let t = table[String(text[..<open.lowerBound])] {
      return t + "（errno " + text[open.upperBound...].dropLast() + "）"
    }
    return text
  }

  /// Both languages of a `strerror` text.
  public static func message(_ text: String) -> Message { Message(zh: zh(text), en: text) }

  /// The text of an errno value, e.g. "Permission denied (errno 13)" (`strerror`).
  public static func text(errno code: Int32) -> String {
    guard let p = strerror(code) else { return "errno \(code)" }
    return "\(String(cString: p)) (errno \(code))"
  }

  /// Both languages of an errno value's text: `权限不够（errno 13）`, `Permission denied (errno 13)`.
  public static func message(errno code: Int32) -> Message { message(text(errno: code)) }

  /// An error that is not one of Exemplar's own (those carry their messages in both
  /// languages), as the text a message quotes after "cannot …": a system error as its
  /// `strerror` text, in Chinese through the table, with its number; any other error as its
  /// own description, which is English, marked so in Chinese ("英文原文").
  ///
  /// System errors recognised: an `NSError` of the POSIX domain or with one underneath,
  /// Foundation's file errors that name one (no such file, no permission, no space, read-only
  /// volume), and an error that holds its number (`heldNumber`: SwiftNIO's `IOError`, e.g. the
  /// tune server's port already in use).
  public static func of(_ error: any Error) -> Message {
    if let code = errorNumber(of: error) { return message(errno: code) }
    let text = "\(error)"
    return Message(zh: "\(text)（英文原文）", en: text)
  }

  /// The `errno` value `error` stands for, if it is a system error (see `of`).
  static func errorNumber(of error: any Error) -> Int32? {
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return Int32(truncatingIfNeeded: ns.code) }
    if let under = ns.userInfo[NSUnderlyingErrorKey] as? NSError, under.domain == NSPOSIXErrorDomain {
      return Int32(truncatingIfNeeded: under.code)
    }
    if ns.domain == NSCocoaErrorDomain {
      switch CocoaError.Code(rawValue: ns.code) {
      case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
      case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
      case .fileWriteOutOfSpace: return ENOSPC
      case .fileWriteVolumeReadOnly: return EROFS
      default: break
      }
    }
    return heldNumber(in: error, depth: 3)
  }

  /// An `Int32` `value` holds as a stored `errnoCode` or an `errno` case, looked for a few
  /// levels down (SwiftNIO's `IOError` keeps an enum whose `.errno(CInt)` case holds it), in
  /// structures, enums and classes only (never through the elements of a collection).
  private static func heldNumber(in value: Any, depth: Int) -> Int32? {
    let mirror = Mirror(reflecting: value)
    guard depth > 0, [.struct, .enum, .class].contains(mirror.displayStyle) else { return nil }
    for child in mirror.children {
      if child.label == "errnoCode" || child.label == "errno", let code = child.value as? Int32 { return code }
      if let code = heldNumber(in: child.value, depth: depth - 1) { return code }
    }
    return nil
  }
}
