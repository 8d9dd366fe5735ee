import Model

/// Explains why a cell is not a plain decimal number, with the fix where one is clear.
///
/// Only called on the error path, so it works on `String`s. Each hint is one slip an
/// office makes (or Excel makes for it), in Chinese and English side by side.
enum NumberHint {
  /// Cell texts offices type for "no data" (compared after trimming, ASCII case ignored).
  static let placeholders: Set<String> = [
    "-", "--", "—", "——", "－", "/", "／", "\\", "无", "暂无", "空", "n/a", "na", "#n/a", "null", "none", "不适用", "/a",
  ]

  /// Whether `raw` is a placeholder for missing data.
  static func isPlaceholder(_ raw: String) -> Bool { placeholders.contains(raw.lowercased()) }

  /// The hint shown after "not a number: '…'", or nil when there is nothing better to say.
  static func hint(for raw: String) -> Message? {
    let lower = raw.lowercased()
    let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
    if ["nan", "inf", "infinity"].contains(unsigned) {
      return Message(
        zh: "不接受 NaN 和无穷大；数值未知时请留空", en: "NaN and infinity are not accepted; leave the cell empty if the value is unknown")
    }
    if let ascii = fullWidthToASCII(raw) {
      return Message(zh: "全角字符：请写成 \(ascii)", en: "full-width characters: write \(ascii)")
    }
    if raw.unicodeScalars.first == "\u{2212}", isPlain("-" + String(raw.unicodeScalars.dropFirst())) {
      let fixed = "-" + String(raw.unicodeScalars.dropFirst())
      return Message(
        zh: "负号是数学符号 U+2212（−），请用键盘上的减号：\(fixed)",
        en: "the minus sign is the mathematical U+2212 (−): write \(fixed) with the ASCII hyphen-minus")
    }
    if let inner = accountingNegative(raw) {
      return Message(
        zh: "会计格式的括号表示负数：请写成 -\(inner)", en: "accounting parentheses mean a negative number: write -\(inner)")
    }
    if let comma = commaHint(raw) { return comma }
    if raw.hasSuffix("%") || raw.hasSuffix("％"), isPlain(String(raw.dropLast())) {
      return Message(zh: "请去掉 '%'，写成：\(raw.dropLast())", en: "write the number without '%': \(raw.dropLast())")
    }
    if let e = raw.firstIndex(where: { $0 == "e" || $0 == "E" }), isPlain(String(raw[..<e])),
      isPlainInteger(String(raw[raw.index(after: e)...]))
    {
      return Message(
        zh: "不接受科学计数法：请写出完整数字", en: "exponent notation is not accepted: write the number out in plain digits")
    }
    if raw.contains(" "), isPlain(raw.replacingOccurrences(of: " ")) {
      let fixed = raw.replacingOccurrences(of: " ")
      return Message(zh: "数字中不能有空格：请写成 \(fixed)", en: "no spaces inside a number: write \(fixed)")
    }
    if looksLikeDate(raw) {
      return Message(
        zh: "这像是 Excel 自动转换成的日期：请把此列设为“文本”或“数值”格式后重新输入数值，Excel 会把 3.4、3-4 之类的输入变成日期",
        en: "this looks like a date Excel made of the value: format the column as Text or Number and type the value again; Excel turns input such as 3.4 or 3-4 into a date")
    }
    if let (number, unit) = numberWithUnit(raw) {
      return Message(
        zh: "请去掉单位 '\(unit)'，只写数字 \(number)；单位写在表头或标准文件中",
        en: "remove the unit '\(unit)' and write the number only, \(number); the unit belongs in the header or the criteria file")
    }
    return nil
  }

  /// `(4.5)` or `（4.5）` → `4.5`.
  static func accountingNegative(_ raw: String) -> String? {
    guard let f = raw.first, let l = raw.last, raw.count >= 3,
      (f == "(" && l == ")") || (f == "（" && l == "）")
    else { return nil }
    let inner = String(raw.dropFirst().dropLast())
    return isPlain(inner) && !inner.hasPrefix("-") ? inner : nil
  }

  /// `2022/3/1`, `2022-03-01`, `3/1/2022`, `4-Mar`, `Mar-4`, `2022年3月1日`, `3月4日`.
  static func looksLikeDate(_ raw: String) -> Bool {
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    let parts = raw.lowercased().split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
    if parts.count == 3, parts.allSatisfy(isDigits), parts.contains(where: { $0.count == 4 }) { return true }
    if parts.count == 2 {
      let hasMonth = parts.contains { p in months.contains { p.hasPrefix($0) } }
      let hasDay = parts.contains { isDigits($0) && $0.count <= 4 }
      if hasMonth && hasDay { return true }
    }
    if raw.contains("月"), raw.hasSuffix("日") || raw.hasSuffix("月") {
      let digits = raw.filter { !"年月日".contains($0) }
      return isDigits(digits)
    }
    return false
  }

  /// `3级` → ("3", "级"), `12.5万元` → ("12.5", "万元"): a plain number followed by
  /// non-numeric text (a unit) or preceded by a currency sign.
  static func numberWithUnit(_ raw: String) -> (String, String)? {
    let scalars = Array(raw.unicodeScalars)
    var i = 0
    if let first = scalars.first, "¥￥$".unicodeScalars.contains(first) {
      let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
      return isPlain(rest) ? (rest, String(first)) : nil
    }
    while i < scalars.count, (0x30...0x39).contains(scalars[i].value) || scalars[i] == "." || (i == 0 && scalars[i] == "-") {
      i += 1
    }
    guard i > 0, i < scalars.count else { return nil }
    let number = String(String.UnicodeScalarView(scalars[..<i]))
    let unit = String(String.UnicodeScalarView(scalars[i...])).trimmingSpaces()
    guard isPlain(number), !unit.isEmpty, !unit.unicodeScalars.contains(where: { (0x30...0x39).contains($0.value) }) else {
      return nil
    }
    return (number, unit)
  }

  /// `１２．５` → `12.5` when every character is a digit, sign or point (full-width or not)
  /// and at least one is full-width; nil otherwise.
  static func fullWidthToASCII(_ raw: String) -> String? {
    var out = ""
    var sawFullWidth = false
    for s in raw.unicodeScalars {
      switch s.value {
      case 0xFF10...0xFF19:
        out.unicodeScalars.append(Unicode.Scalar(s.value - 0xFF10 + 0x30) ?? "0")
        sawFullWidth = true
      case 0xFF0E: out += "."; sawFullWidth = true
      case 0xFF0D: out += "-"; sawFullWidth = true
      case 0xFF0B: out += "+"; sawFullWidth = true
      case 0x30...0x39, 0x2E, 0x2D, 0x2B: out.unicodeScalars.append(s)
      default: return nil
      }
    }
    return sawFullWidth && isPlain(out) ? out : nil
  }

  /// Decimal comma (`12,5`) or thousands separators (`1,234,567`).
  static func commaHint(_ raw: String) -> Message? {
    let parts = raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2 else { return nil }
    guard isPlainInteger(parts[0]), parts.dropFirst().dropLast().allSatisfy({ isDigits($0) }),
      let last = parts.last, isPlain(last), !last.hasPrefix("-"), !last.hasPrefix("+")
    else { return nil }
    let joined = parts.joined()
    if parts.count == 2, !last.contains(".") {
      let decimal = parts[0] + "." + last
      if last.count == 3 {
        return Message(
          zh: "千位分隔符或小数逗号：请写成 \(joined)；若逗号是小数点，写成 \(decimal)",
          en: "thousands separator or decimal comma: write \(joined), or \(decimal) if the comma is a decimal comma")
      }
      return Message(zh: "小数逗号：请写成 \(decimal)", en: "decimal comma: write \(decimal)")
    }
    let groups = parts.dropFirst().map { $0.split(separator: ".", omittingEmptySubsequences: false)[0] }
    if groups.allSatisfy({ $0.count == 3 }) {
      return Message(zh: "不接受千位分隔符：请写成 \(joined)", en: "thousands separators are not accepted: write \(joined)")
    }
    return nil
  }

  static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  static func isPlainInteger(_ s: String) -> Bool {
    let body = s.hasPrefix("-") || s.hasPrefix("+") ? String(s.dropFirst()) : s
    return isDigits(body)
  }

  static func isPlain(_ s: String) -> Bool {
    var bytes = Array(s.utf8)
    return bytes.withUnsafeMutableBytes { buf in
      if case .value = DecimalParser.parse(UnsafeRawBufferPointer(buf)) { return true }
      return false
    }
  }

  /// A credit code Excel stored as a number and shows in exponent notation (`9.13303E+17`).
  static func isExcelExponent(_ raw: String) -> Bool {
    guard let e = raw.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return false }
    return isPlain(String(raw[..<e])) && isPlainInteger(String(raw[raw.index(after: e)...]))
  }
}

extension String {
  /// Every occurrence of `target` removed (Foundation-free).
  func replacingOccurrences(of target: Character) -> String { String(filter { $0 != target }) }

  /// Without surrounding spaces (ASCII and U+3000).
  func trimmingSpaces() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\u{3000}" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\u{3000}" { s = s.dropLast() }
    return String(s)
  }
}
