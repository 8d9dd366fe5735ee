import Model

/// The messages of the TOML parser (toml++ inside TOMLKit) in both languages.
///
/// toml++ writes `Error while parsing SCOPE: REASON` in English; the reason comes from a
/// closed set of sentences in its source (`expected '=', saw 'x'`, `cannot redefine existing
/// table 'a'`, `encountered end-of-file` …). `message(_:)` gives each kind it recognises a
/// Chinese sentence (quoted characters, keys and numbers kept) and keeps the English text
/// as toml++ wrote it (without the line break it quotes at the end of a line). A reason it
/// does not recognise is kept in English after a Chinese lead-in, so nothing the parser
/// said is lost.
enum TOMLErrorText {
  /// The parser's `description` as a message in both languages.
  static func message(_ parsed: String) -> Message {
    let prefix = "Error while parsing "
    var scope = ""
    // toml++ quotes the rest of the line it stopped at, line break included.
    let description = parsed.replacing("\r\n'", with: "'").replacing("\n'", with: "'")
    var reason = description
    if description.hasPrefix(prefix), let colon = description.range(of: ": ") {
      scope = String(description[description.index(description.startIndex, offsetBy: prefix.count)..<colon.lowerBound])
      reason = String(description[colon.upperBound...])
    }
    let at = scope.isEmpty ? "" : "（解析\(noun(scope))时）"
    return Message(zh: "TOML 语法错误\(at)：\(reasonZh(reason) ?? reason)", en: description)
  }

  /// toml++'s parse scopes and node types.
  static let nouns: [String: String] = [
    "array": "数组", "boolean": "布尔值", "comment": "注释", "date": "日期", "date-time offset": "带时区的日期时间",
    "date-time": "日期时间", "floating-point": "浮点数", "hexadecimal floating-point": "十六进制浮点数",
    "inline table": "内联表", "key": "键", "key-value pair": "键值对", "literal string": "字面字符串", "root table": "根表",
    "string": "字符串", "table header": "表头", "time": "时间", "unicode scalar sequence": "Unicode 转义序列", "value": "值",
    "integer": "整数", "hexadecimal integer": "十六进制整数", "octal integer": "八进制整数", "binary integer": "二进制整数",
    "table": "表", "array-of-tables": "表数组", "none": "空值",
  ]

  static func noun(_ english: String) -> String { nouns[english] ?? english }

  /// What toml++ expected (`expected X, saw …`), the longest phrases first.
  static let expectations: [(String, String)] = [
    ("keys, tables, whitespace or comments", "键、表、空白或注释"), ("a comment or whitespace", "注释或空白"),
    ("value-terminator", "值的结尾（换行、逗号或注释；字符串须加引号）"), ("value or closing ']'", "值或表示结束的 ']'"),
    ("key-value pair or closing '}'", "键值对或表示结束的 '}'"), ("key-value pair", "键值对"),
    ("key or closing '}'", "键或表示结束的 '}'"), ("comma or closing '}'", "逗号或表示结束的 '}'"),
    ("comma or closing ']'", "逗号或表示结束的 ']'"), ("decimal digit or exponent", "十进制数字或指数"),
    ("decimal digit or '.'", "十进制数字或 '.'"), ("decimal digit", "十进制数字"), ("fractional digits", "小数部分的数字"),
    ("exponent decimal digit or sign", "指数的数字或正负号"), ("exponent digit or sign", "指数的数字或正负号"),
    ("expected digit or sign", "数字或正负号"), ("exponent digit", "指数的数字"), ("hexadecimal digit or exponent", "十六进制数字或指数"),
    ("hexadecimal digit or '.'", "十六进制数字或 '.'"), ("hexadecimal digit", "十六进制数字"), ("hex digit", "十六进制数字"),
    ("bare key starting character or string delimiter", "键名（字母、数字、_、-，或加引号的键；中文键须加引号）"),
    ("digit", "数字"), ("space, 'T' or 't'", "空格、'T' 或 't'"), ("space or tab", "空格或制表符"), ("4-digit year", "4 位年份"),
    ("2-digit month", "2 位月份"), ("2-digit day", "2 位日"), ("2-digit hour", "2 位小时"), ("2-digit minute", "2 位分钟"),
    ("2-digit second", "2 位秒"), ("value", "值"),
  ]

  /// Fixed sentences and sentence openings of toml++, with their Chinese.
  static let sentences: [(String, String)] = [
    ("encountered end-of-file", "文件意外结束（引号、括号或表未闭合？）"),
    ("underscores must be followed by digits", "下划线后必须是数字"),
    ("underscores may only follow digits", "下划线只能跟在数字后面"),
    ("values may not begin with underscores", "值不能以下划线开头"),
    ("leading zeroes are prohibited", "数字不能以 0 开头"),
    ("missing exponent", "缺少指数"),
    ("unexpected control character", "意外的控制字符"),
    ("could not determine value type", "无法确定值的类型（文字须加引号，如 \"topsis\"）"),
    ("tables with blank bare keys are explicitly prohibited", "表名不能为空"),
    ("values greater than U+10FFFF are invalid", "大于 U+10FFFF 的码位无效"),
    ("unicode surrogates (U+D800 - U+DFFF) are explicitly prohibited", "不允许 Unicode 代理码位（U+D800 - U+DFFF）"),
    ("multi-line strings are prohibited in dotted keys", "点分键中不能使用多行字符串"),
    ("multi-line strings are prohibited in keys", "键中不能使用多行字符串"),
    ("expected value or closing ']', saw comma", "应为值或表示结束的 ']'，实际为逗号"),
    ("expected key-value pair or closing '}', saw comma", "应为键值对或表示结束的 '}'，实际为逗号"),
    ("expected key-value pair, saw closing '}' (dangling comma)", "应为键值对，实际为 '}'（多余的逗号）"),
    ("expected '\\n' after '\\r', saw EOF", "'\\r' 后应为 '\\n'，实际为文件结尾"),
    ("unescaped control characters other than TAB (U+0009) are explicitly prohibited",
     "字符串中不能有未转义的控制字符（制表符除外）：是否少了结束的引号？"),
    ("control characters other than TAB (U+0009) are explicitly prohibited", "不能有控制字符（制表符除外）"),
    ("control characters other than TAB (U+0009) are explicitly prohibited in comments", "注释中不能有控制字符（制表符除外）"),
    ("unescaped unicode surrogates (U+D800 to U+DFFF) are explicitly prohibited", "不允许未转义的 Unicode 代理码位（U+D800 至 U+DFFF）"),
    ("line-ending backslashes must be the last non-whitespace character on the line", "行尾的反斜杠之后只能有空白"),
    ("escape sequence '\\e' is not supported in TOML 1.0.0 and earlier", "TOML 1.0.0 不支持转义序列 '\\e'"),
    ("escape sequence '\\x' is not supported in TOML 1.0.0 and earlier", "TOML 1.0.0 不支持转义序列 '\\x'"),
  ]

  /// The Chinese of `reason`, or nil when it is not one toml++ is known to write.
  static func reasonZh(_ reason: String) -> String? {
    if let s = sentences.first(where: { $0.0 == reason }) { return s.1 }
    // expected X, saw Y
    if reason.hasPrefix("expected "), let saw = reason.range(of: ", saw ", options: .backwards) {
      let what = String(reason[reason.index(reason.startIndex, offsetBy: 9)..<saw.lowerBound])
      let found = String(reason[saw.upperBound...])
      if let whatZh = expectations.first(where: { $0.0 == what })?.1 ?? (what.hasPrefix("'") ? what : nil) {
        return "此处应为\(whatZh.hasPrefix("'") ? " " : "")\(whatZh)，实际为 \(found == "EOF" ? "文件结尾" : found)"
      }
    }
    if reason.hasPrefix("cannot redefine existing table ") {
      return "不能重复定义已有的表 \(reason.dropFirst("cannot redefine existing table ".count))（同一个表头只能出现一次）"
    }
    if reason.hasPrefix("cannot redefine existing "), reason.hasSuffix(" as dotted key-value pair") {
      let type = reason.dropFirst("cannot redefine existing ".count).dropLast(" as dotted key-value pair".count)
      return "不能把已有的\(noun(String(type)))重新定义为点分键值对"
    }
    if reason.hasPrefix("cannot redefine existing "), let asRange = reason.range(of: "' as ", options: .backwards) {
      let head = reason[reason.index(reason.startIndex, offsetBy: "cannot redefine existing ".count)..<asRange.lowerBound]
      guard let quote = head.firstIndex(of: "'") else { return nil }
      let type = String(head[..<quote]).trimmingWhitespace()
      let name = head[head.index(after: quote)...]
      return "不能把已有的\(noun(String(type))) '\(name)' 重新定义为\(noun(String(reason[asRange.upperBound...])))（键重复？）"
    }
    if reason.hasPrefix("unknown escape sequence ") {
      return "未知的转义序列 \(reason.dropFirst("unknown escape sequence ".count))（反斜杠请写成 \\\\，或用单引号字符串）"
    }
    if reason.hasPrefix("exceeded maximum nested value depth of ") {
      return "值的嵌套层数超过上限（\(reason.dropFirst("exceeded maximum nested value depth of ".count))）"
    }
    if reason.hasPrefix("exceeds length limit of ") {
      return "超过长度上限（\(reason.dropFirst("exceeds length limit of ".count))）"
    }
    if reason.hasPrefix("numeric value too long to identify type - cannot exceed ") {
      return "数值过长，无法识别类型（至多 \(reason.dropFirst("numeric value too long to identify type - cannot exceed ".count))）"
    }
    if reason.hasPrefix("expected day between 1 and ") {
      return "日应在 1 至 " + reason.dropFirst("expected day between 1 and ".count).replacing(" (inclusive), saw ", with: "，实际为 ")
    }
    if reason.hasPrefix("fractional component exceeds maximum precision of ") {
      return "小数部分超过最大精度 \(reason.dropFirst("fractional component exceeds maximum precision of ".count))"
    }
    for unit in ["month", "hour", "minute", "second"] where reason.hasPrefix("expected \(unit) between ") {
      let unitZh = ["month": "月份", "hour": "小时", "minute": "分钟", "second": "秒"][unit] ?? unit
      let range = reason.dropFirst("expected \(unit) between ".count).replacing(" (inclusive), saw ", with: "，实际为 ")
        .replacing(" and ", with: " 至 ").replacing(" to ", with: " 至 ")
      return "\(unitZh)应在 \(range)"
    }
    return nil
  }
}
