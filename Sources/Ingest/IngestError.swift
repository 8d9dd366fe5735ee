import Model

/// Every problem Ingest can report, with the offending value quoted.
///
/// The CLI never sees this type directly: `Ingestor` turns each case into a
/// `Diagnostic` (`FILE:LINE:COLUMN: message`) whose message is `description`.
/// docs/ingest.md lists every message.
public enum IngestError: Error, Sendable, Equatable, CustomStringConvertible {
  // File level.
  case cannotOpen(reason: String)
  case cannotRead(reason: String)
  case emptyFile
  case noDataRows
  // Encoding.
  case invalidUTF8(byte: UInt8, inHeader: Bool)
  case invalidGB18030(byte: UInt8, offset: Int)
  case truncatedGB18030(offset: Int)
  case utf8BOMInGB18030
  /// Note: a BOM-less file that is not UTF-8 was read as GB18030 (the line and byte of the
  /// first invalid UTF-8).
  case gb18030Detected(line: Int, byte: UInt8)
  // Header.
  case missingColumn(key: String, spellings: [String])
  case duplicateHeader(name: String, first: Int, second: Int)
  case sameColumnTwice(key: String, first: String, firstPosition: Int, second: String, secondPosition: Int)
  case unknownHeader(name: String, position: Int)
  /// An unknown header next to a missing column it resembles: one problem, with "did you mean".
  case unknownNearMissing(name: String, position: Int, key: String, spelling: String)
  /// Note: a header matched a spelling only after normalising forms and spaces.
  case headerNormalised(name: String, position: Int, spelling: String)
  case emptyHeader(position: Int)
  // Structure.
  case ragged(found: Int, expected: Int)
  case unterminatedQuote
  case textAfterClosingQuote(byte: UInt8)
  case quoteInUnquotedField
  case fieldTooLong(limit: Int)
  /// The header has more fields than `IngestOptions.maxHeaderFields` or more bytes than `maxHeaderBytes`.
  case headerTooLarge(fields: Int, bytes: Int)
  case textColumnTooLarge(limit: Int)
  case emptyRowSkipped
  // Cells.
  case emptyCell
  case emptyID
  case duplicateID(id: String, firstLine: Int)
  case controlCharacter(scalar: UInt32)
  case notANumber(value: String, hint: USCCProblemText?)
  case notAnInteger(value: String)
  case outOfRange(value: String, range: ClosedRange<Double>)
  case overflow(value: String)
  case notABool(value: String)
  case notAllowed(value: String, allowed: [String], closest: String?)
  case invalidUSCC(value: String, problem: USCCProblemText)
  /// A placeholder such as `-`, `/`, `无`, `N/A` in a column that declares no such marker.
  case placeholder(value: String)
  /// Summary of the errors of one kind in one column past the first few.
  case moreLikeThis(count: Int, firstLine: Int)
  /// Warning: cells of one column read leniently (one per column).
  case lenientRead(count: Int, firstLine: Int, what: Message)

  /// The text of a `USCC.Problem` (or of a hint), kept as a message so this type stays
  /// `Equatable` without depending on the problem's own conformances.
  public struct USCCProblemText: Sendable, Equatable {
    public var text: Message
    public init(text: Message) { self.text = text }
  }

  /// English (`message.en`).
  public var description: String { message.en }

  /// The problem in Chinese and English, side by side (docs/ingest.md lists every message).
  public var message: Message {
    switch self {
    case .cannotOpen(let r): return Message(zh: "无法打开文件：\(SystemErrorText.zh(r))", en: "cannot open the file: \(r)")
    case .cannotRead(let r): return Message(zh: "无法读取文件：\(SystemErrorText.zh(r))", en: "cannot read the file: \(r)")
    case .emptyFile:
      return Message(
        zh: "文件为空：需要一行表头和至少一行数据", en: "the file is empty: a header line and at least one data row are required")
    case .noDataRows: return Message(zh: "文件只有表头，没有数据行", en: "the file has a header but no data rows")
    case .invalidUTF8(let b, let inHeader):
      let place = inHeader ? Message(zh: "表头", en: "the header") : Message(zh: "此单元格", en: "this cell")
      return Message(
        zh: "\(place.zh)中有无效的 UTF-8 字节 \(hex(b))：文件不是 UTF-8；若由中文 Excel 另存为 GBK/GB18030，请使用 --encoding gb18030",
        en: "invalid UTF-8 (byte \(hex(b))) in \(place.en): the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030")
    case .invalidGB18030(let byte, let offset):
      return Message(
        zh: "字节偏移 \(offset) 处以字节 \(hex(byte)) 开头的 GB18030 序列无效：文件不是 GB18030；若是 UTF-8，请去掉 --encoding gb18030",
        en: "invalid GB18030 sequence starting with byte \(hex(byte)) at byte offset \(offset): the file is not GB18030; if it is UTF-8, leave out --encoding gb18030")
    case .truncatedGB18030(let offset):
      return Message(
        zh: "文件在一个 GB18030 多字节字符中间结束（字节偏移 \(offset)）",
        en: "the file ends inside a GB18030 multi-byte character (byte offset \(offset))")
    case .utf8BOMInGB18030:
      return Message(
        zh: "虽然指定了 --encoding gb18030，文件以 UTF-8 字节顺序标记（BOM）开头：按 UTF-8 读取",
        en: "the file starts with a UTF-8 byte order mark although --encoding gb18030 was given: read as UTF-8")
    case .gb18030Detected(let line, let byte):
      return Message(
        zh: "文件不是有效的 UTF-8（第 \(line) 行字节 \(hex(byte))）且没有 BOM，已按 GB18030（GBK）读取；可用 --encoding utf-8 或 --encoding gb18030 指定",
        en: "the file is not valid UTF-8 (byte \(hex(byte)) on line \(line)) and has no BOM: read as GB18030 (GBK); --encoding utf-8 or --encoding gb18030 forces either")
    case .missingColumn(let key, let spellings):
      let names = spellings.map { "'\($0)'" }
      return Message(
        zh: "缺少列 '\(key)'：表头应为 \(names.joined(separator: " 或 "))",
        en: "missing column '\(key)': expected a header named \(names.joined(separator: " or "))")
    case .duplicateHeader(let name, let first, let second):
      return Message(
        zh: "表头 '\(name)' 重复出现在第 \(first) 列和第 \(second) 列", en: "duplicate header '\(name)' in columns \(first) and \(second)")
    case .sameColumnTwice(let key, let first, let p1, let second, let p2):
      return Message(
        zh: "第 \(p1) 列（'\(first)'）和第 \(p2) 列（'\(second)'）都对应列 '\(key)'",
        en: "columns \(p1) ('\(first)') and \(p2) ('\(second)') both match column '\(key)'")
    case .unknownHeader(let name, let position):
      return Message(zh: "未知列 '\(name)'（第 \(position) 列），已忽略", en: "unknown column '\(name)' (column \(position)) is ignored")
    case .unknownNearMissing(let name, let position, let key, let spelling):
      return Message(
        zh: "未知列 '\(name)'（第 \(position) 列），而列 '\(key)' 缺失：是否应为 '\(spelling)'？请将表头改为 '\(spelling)'，或在标准文件的 header 中加入此写法",
        en: "unknown column '\(name)' (column \(position)) while column '\(key)' is missing: did you mean '\(spelling)'? Rename the header to '\(spelling)' or add this spelling to the column's header in the criteria file")
    case .headerNormalised(let name, let position, let spelling):
      return Message(
        zh: "表头 '\(name)'（第 \(position) 列）统一全角/半角和空白、换行后与 '\(spelling)' 相同，按此列读取",
        en: "header '\(name)' (column \(position)) matches '\(spelling)' once full-width/half-width forms, spaces and line breaks are normalised: read as that column")
    case .emptyHeader(let position):
      return Message(zh: "第 \(position) 列表头为空，已忽略", en: "column \(position) has an empty header and is ignored")
    case .ragged(let found, let expected):
      return Message(
        zh: "此行有 \(found) 个字段，表头有 \(expected) 个", en: "found \(found) field\(found == 1 ? "" : "s"), the header has \(expected)")
    case .unterminatedQuote:
      return Message(
        zh: "引号未闭合：此行开始的带引号字段没有结束",
        en: "unterminated quote: the quoted field opened on this line is never closed")
    case .textAfterClosingQuote(let b):
      return Message(
        zh: "闭合引号后还有文字（\(printable(b))）：带引号字段中的引号须写成两个（\"\"）",
        en: "text after a closing quote (\(printable(b))): a quote inside a quoted field must be doubled (\"\")")
    case .quoteInUnquotedField:
      return Message(
        zh: "未加引号的字段中有引号：请给整个字段加引号，并把其中的引号写成两个（\"a \"\"b\"\" c\"）",
        en: "quote inside an unquoted field: quote the whole field and double the inner quote (\"a \"\"b\"\" c\")")
    case .fieldTooLong(let limit):
      return Message(
        zh: "字段超过 \(limit) 字节（上限）；若非有意，可能此处有未闭合的引号",
        en: "field longer than \(limit) bytes (the limit); if that is not intended, a quote opened here may be unterminated")
    case .headerTooLarge(let fields, let bytes):
      return Message(
        zh: "表头行超过 \(fields) 个字段或 \(bytes) 字节（上限）；这是指标 CSV 吗？",
        en: "the header line has more than \(fields) fields or \(bytes) bytes (the limits); is this the metrics CSV?")
    case .textColumnTooLarge(let limit):
      return Message(
        zh: "此文本列总计超过 \(limit) 字节（单列上限）", en: "this text column holds more than \(limit) bytes in all (the limit of one column)")
    case .emptyRowSkipped: return Message(zh: "此行所有字段为空，已跳过", en: "row has only empty fields and is skipped")
    case .emptyCell: return Message(zh: "单元格为空（此列的缺失策略为 'reject'）", en: "empty cell (the column's missing policy is 'reject')")
    case .emptyID: return Message(zh: "编号为空", en: "empty id")
    case .duplicateID(let id, let firstLine):
      return Message(zh: "编号 '\(id)' 重复，首次出现在第 \(firstLine) 行", en: "duplicate id '\(id)', first on line \(firstLine)")
    case .controlCharacter(let s):
      let u = "U+\(String(s, radix: 16, uppercase: true).leftPadded(4))"
      return Message(zh: "文本中有控制字符 \(u)", en: "control character \(u) in text")
    case .notANumber(let v, let hint):
      let base = Message(zh: "不是数字：'\(v)'", en: "not a number: '\(v)'")
      guard let hint else { return base }
      return base + Message(zh: "（\(hint.text.zh)）", en: " (\(hint.text.en))")
    case .notAnInteger(let v): return Message(zh: "不是整数：'\(v)'", en: "not an integer: '\(v)'")
    case .outOfRange(let v, let r):
      let range = "[\(formatNumber(r.lowerBound)), \(formatNumber(r.upperBound))]"
      return Message(zh: "数值 \(v) 超出范围 \(range)", en: "value \(v) is outside the range \(range)")
    case .overflow(let v): return Message(zh: "数值过大：'\(v)'", en: "number too large: '\(v)'")
    case .notABool(let v):
      return Message(
        zh: "不是是/否值：'\(v)'（请写 是/否、true/false、1/0 或 Y/N）",
        en: "not a yes/no value: '\(v)' (write true/false, 1/0, 是/否 or Y/N)")
    case .notAllowed(let v, let allowed, let closest):
      let list = allowed.joined(separator: ", ")
      let base = Message(zh: "'\(v)' 不是允许的取值之一：\(list)", en: "'\(v)' is not one of the allowed values: \(list)")
      guard let closest else { return base }
      return base + Message(zh: "；是否应为 '\(closest)'？", en: "; did you mean '\(closest)'?")
    case .invalidUSCC(let v, let p):
      return Message(zh: "统一社会信用代码 '\(v)' 无效：\(p.text.zh)", en: "invalid unified social credit code '\(v)': \(p.text.en)")
    case .placeholder(let v):
      return Message(
        zh: "'\(v)' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"\(v)\"]",
        en: "'\(v)' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"\(v)\"] for this column in the criteria file")
    case .moreLikeThis(let count, let first):
      return Message(
        zh: "此列另有 \(count) 个同类错误（第 \(first) 行起），未逐一列出；改正上面的问题后再检查",
        en: "\(count) more errors of this kind in this column (from line \(first) on), not listed one by one; fix the ones above and check again")
    case .lenientRead(let count, let first, let kinds):
      return Message(
        zh: "宽松读取：\(count) 个单元格（第 \(first) 行起）去掉\(kinds.zh)后按数字读取",
        en: "lenient reading: \(count) cells (from line \(first) on) were read as numbers after removing \(kinds.en)")
    }
  }

  /// Whether this is only a warning (the table is still produced).
  public var isWarning: Bool {
    switch self {
    case .utf8BOMInGB18030, .unknownHeader, .emptyHeader, .emptyRowSkipped, .lenientRead: return true
    default: return false
    }
  }

  /// For cell errors, a name of the kind: past `SlipTally.listedPerKind` of one kind in
  /// one column, the rest are counted and summarised (`moreLikeThis`). Nil for the others.
  var repeatKind: String? {
    switch self {
    case .emptyCell: return "empty"
    case .emptyID: return "emptyID"
    case .controlCharacter: return "control"
    case .notANumber: return "number"
    case .notAnInteger: return "integer"
    case .outOfRange: return "range"
    case .overflow: return "overflow"
    case .notABool: return "bool"
    case .notAllowed: return "allowed"
    case .invalidUSCC: return "uscc"
    case .placeholder: return "placeholder"
    default: return nil
    }
  }

  /// Whether this is only a note (information: nothing needs fixing).
  public var isNote: Bool {
    switch self {
    case .gb18030Detected, .headerNormalised: return true
    default: return false
    }
  }

  /// The diagnostic's severity.
  public var severity: Diagnostic.Severity { isNote ? .note : isWarning ? .warning : .error }
}

func hex(_ b: UInt8) -> String {
  let s = String(b, radix: 16, uppercase: true)
  return "0x" + (s.count == 1 ? "0" + s : s)
}

func printable(_ b: UInt8) -> String {
  b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : hex(b)
}

extension String {
  func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
