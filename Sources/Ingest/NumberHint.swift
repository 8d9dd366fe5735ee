/// Explains why a cell is not a plain decimal number, with the fix where one is clear.
///
/// Only called on the error path, so it works on `String`s.
enum NumberHint {
  /// The hint shown after "not a number: '…'", or nil when there is nothing better to say.
  static func hint(for raw: String) -> String? {
    let lower = raw.lowercased()
    let unsigned = lower.hasPrefix("-") || lower.hasPrefix("+") ? String(lower.dropFirst()) : lower
    if ["nan", "inf", "infinity"].contains(unsigned) {
      return "NaN and infinity are not accepted; leave the cell empty if the value is unknown"
    }
    if let ascii = fullWidthToASCII(raw) {
      return "full-width characters: write \(ascii)"
    }
    if let comma = commaHint(raw) { return comma }
    if raw.hasSuffix("%"), isPlain(String(raw.dropLast())) {
      return "write the number without '%': \(raw.dropLast())"
    }
    if let e = raw.firstIndex(where: { $0 == "e" || $0 == "E" }), isPlain(String(raw[..<e])),
      isPlainInteger(String(raw[raw.index(after: e)...]))
    {
      return "exponent notation is not accepted: write the number out in plain digits"
    }
    if raw.contains(" "), isPlain(raw.replacingOccurrences(of: " ")) {
      return "no spaces inside a number: write \(raw.replacingOccurrences(of: " "))"
    }
    return nil
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
  static func commaHint(_ raw: String) -> String? {
    let parts = raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    guard parts.count >= 2 else { return nil }
    guard isPlainInteger(parts[0]), parts.dropFirst().dropLast().allSatisfy({ isDigits($0) }),
      let last = parts.last, isPlain(last), !last.hasPrefix("-"), !last.hasPrefix("+")
    else { return nil }
    let joined = parts.joined()
    if parts.count == 2, !last.contains(".") {
      let decimal = parts[0] + "." + last
      if last.count == 3 {
        return "thousands separator or decimal comma: write \(joined), or \(decimal) if the comma is a decimal comma"
      }
      return "decimal comma: write \(decimal)"
    }
    let groups = parts.dropFirst().map { $0.split(separator: ".", omittingEmptySubsequences: false)[0] }
    if groups.allSatisfy({ $0.count == 3 }) { return "thousands separators are not accepted: write \(joined)" }
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
}

extension String {
  /// Every occurrence of `target` removed (Foundation-free).
  func replacingOccurrences(of target: Character) -> String { String(filter { $0 != target }) }
}
