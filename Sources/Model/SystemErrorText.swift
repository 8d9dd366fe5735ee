/// The Chinese of the C library's error texts (`strerror` in the C locale, what Exemplar
/// quotes after "cannot open/read/write …"), for messages under `--lang zh`.
///
/// The table holds the errors a file, folder or disk operation meets in practice, in the
/// wording of glibc's own zh_CN translation; a text not listed is kept in English (the
/// `(errno N)` suffix Reports adds stays as it is).
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
}
