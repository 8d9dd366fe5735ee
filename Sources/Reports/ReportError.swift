import Model

/// Why an output could not be written. One error type for the Reports module; every
/// message names the offending path or value; exit 73, located at the path
/// (`PATH:0: message`: the problem concerns the whole file).
public enum ReportError: StageError, Equatable, CustomStringConvertible {
  /// A system call on `path` failed; `operation` is what was attempted, `code` the errno.
  case io(path: String, operation: String, code: Int32)
  /// libxlsxwriter reported an error for the workbook at `path`.
  case workbook(path: String, message: Message)
  /// A character could not be encoded in the requested output encoding.
  case encoding(path: String, encoding: String, detail: Message)
  /// The output folder exists and does not look like an earlier Exemplar output.
  case refusingToReplace(path: String)
  /// The output folder to be replaced holds one of the run's input files.
  case inputInsideOutput(path: String, input: String)
  /// The browser could not print the page at `path` to PDF (`PDFPrinter`).
  case printing(path: String, message: Message)

  public var description: String { message.en }

  /// The message in both languages.
  public var message: Message {
    switch self {
    case .io(let path, let operation, let code):
      return Message(zh: "无法\(Self.operationZh(operation)) '\(path)'：", en: "cannot \(operation) '\(path)': ")
        + SystemErrorText.message(errno: code)
    case .workbook(let path, let message):
      return Message(zh: "无法写入工作簿 '\(path)'：\(message.zh)", en: "cannot write workbook '\(path)': \(message.en)")
    case .encoding(let path, let encoding, let detail):
      return Message(zh: "无法把 '\(path)' 编码为 \(encoding)：\(detail.zh)", en: "cannot encode '\(path)' as \(encoding): \(detail.en)")
    case .refusingToReplace(let path):
      return Message(
        zh: "'\(path)' 已存在，且不是 Exemplar 的输出文件夹（没有 \(OutputFolder.markerName) 标记）；未作改动：请换一个 --out，或自行删除它",
        en: "'\(path)' exists and is not an Exemplar output folder (it has no \(OutputFolder.markerName) marker); "
          + "it is left untouched: choose another --out, or remove it yourself")
    case .inputInsideOutput(let path, let input):
      return Message(
        zh: "输入文件 '\(input)' 位于运行将替换的输出文件夹 '\(path)' 内；请移走该输入文件或换一个 --out",
        en: "the input '\(input)' is inside the output folder '\(path)', which the run would replace; "
          + "move the input or choose another --out")
    case .printing(let path, let message):
      return Message(
        zh: "无法将 '\(path)' 打印为 PDF：\(message.zh)（可加 --no-pdf 跳过 PDF 再运行）",
        en: "cannot print '\(path)' to PDF: \(message.en) (run again with --no-pdf to skip the PDF)")
    }
  }

  /// The Chinese of an operation ("create", "write" …); others are kept as they are.
  static func operationZh(_ operation: String) -> String {
    let whole = [
      "create output folder": "创建输出文件夹", "open output folder": "打开输出文件夹", "lock output folder": "锁定输出文件夹",
      "create folder": "创建文件夹", "create file": "创建文件", "close file": "关闭文件", "sync file": "同步文件",
      "reopen to verify": "重新打开以校验", "move aside": "移开", "replace (not a folder)": "替换（不是文件夹）",
      "rename a temporary file to": "将临时文件重命名为", "stat": "读取属性",
    ]
    if let zh = whole[operation] { return zh }
    let words = [
      "create": "创建", "write": "写入", "open": "打开", "read": "读取", "rename": "重命名", "remove": "删除", "sync": "同步",
      "lock": "锁定", "close": "关闭",
    ]
    for (en, zh) in words where operation.hasPrefix(en) { return zh + operation.dropFirst(en.count).replacing(" to", with: " 为") }
    return operation
  }

  /// The path the error is about.
  public var path: String {
    switch self {
    case .io(let p, _, _), .workbook(let p, _), .encoding(let p, _, _), .refusingToReplace(let p), .inputInsideOutput(let p, _),
      .printing(let p, _):
      return p
    }
  }

  public var kind: StageFailure.Kind { .cantCreate }

  public var diagnostics: DiagnosticLog {
    var log = DiagnosticLog()
    log.append(Diagnostic(file: path, line: 0, message: message))
    return log
  }
}
