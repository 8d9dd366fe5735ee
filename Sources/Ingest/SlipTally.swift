import Model

/// What ingest keeps about the slips of office-made files, all off the fast path: the
/// missing-value markers and lenient columns declared in the criteria file (by field
/// position) and the lenient readings made.
struct SlipTally {
  /// Errors of one kind listed per column before the rest are only counted.
  static let listedPerKind = 3

  /// Field position → the column's `missing_markers`.
  var markers: [Int: Set<String>] = [:]
  /// Field positions of `lenient = true` columns.
  var lenient: Set<Int> = []
  /// Field position → (column, cells read leniently, first line, what was removed: bit 0
  /// thousands separators, bit 1 full-width characters, bit 2 a trailing %).
  var lenientUse: [Int: (column: String, count: Int, first: Int, what: UInt8)] = [:]

  /// Adds the tally of a later part of the input (lines shifted by `lineShift`).
  mutating func append(_ other: SlipTally, lineShift: Int) {
    for (f, u) in other.lenientUse {
      if var mine = lenientUse[f] {
        mine.count += u.count
        mine.what |= u.what
        lenientUse[f] = mine
      } else {
        lenientUse[f] = (u.column, u.count, u.first + lineShift, u.what)
      }
    }
  }

  /// The lenient conversions as words: "千位分隔符、全角字符" / "thousands separators, full-width characters".
  static func describe(_ what: UInt8) -> Message {
    var parts: [Message] = []
    if what & 1 != 0 { parts.append(Message(zh: "千位分隔符", en: "thousands separators")) }
    if what & 2 != 0 { parts.append(Message(zh: "全角字符", en: "full-width characters")) }
    if what & 4 != 0 { parts.append(Message(zh: "末尾的 %", en: "a trailing %")) }
    return Message.joined(parts, separator: Message(zh: "、", en: ", "))
  }

  /// `raw` as a plain number after removing thousands separators, full-width forms and a
  /// trailing `%` (what was removed in `what`); nil when it is not a number then either.
  static func lenientText(_ raw: String) -> (text: String, what: UInt8)? {
    var what: UInt8 = 0
    var s = raw
    // Full-width digits, signs, point, comma and percent → ASCII.
    var out = ""
    for u in s.unicodeScalars {
      switch u.value {
      case 0xFF10...0xFF19, 0xFF0E, 0xFF0D, 0xFF0B, 0xFF0C, 0xFF05:
        out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFEE0) ?? "0")
        what |= 2
      default: out.unicodeScalars.append(u)
      }
    }
    s = out
    if s.hasSuffix("%") {
      s.removeLast()
      what |= 4
    }
    if s.contains(",") {
      let parts = s.split(separator: ",", omittingEmptySubsequences: false)
      let tail = parts.dropFirst().map { $0.split(separator: ".", omittingEmptySubsequences: false)[0] }
      guard NumberHint.isPlainInteger(String(parts[0])), parts[0].count <= 4, tail.allSatisfy({ $0.count == 3 && NumberHint.isDigits(String($0)) })
      else { return nil }
      s = parts.joined()
      what |= 1
    }
    guard what != 0, NumberHint.isPlain(s) else { return nil }
    return (s, what)
  }
}
