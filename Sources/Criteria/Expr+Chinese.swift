extension Expr {
  /// Rule text as Chinese officials read it: the connectives `and`, `or`, `not` written as
  /// 且, 或, 非; quoted values and other words left alone. Applied after
  /// `withOfficialOperators` to every rule shown in Chinese.
  public static func withChineseConnectives(_ text: String) -> String { outsideLiterals(text, chineseConnectives) }

  /// The connectives of a run outside literals: words are letters, `_`, `.` and digits after
  /// the first character, so `and_flag` or `band` stay as written.
  private static func chineseConnectives(_ text: String) -> String {
    var out = ""
    var word = ""
    func flush() {
      switch word {
      case "and": out += "且"
      case "or": out += "或"
      case "not": out += "非"
      default: out += word
      }
      word = ""
    }
    for c in text {
      if (c.isASCII && c.isLetter) || c == "_" || c == "." || (c.isNumber && !word.isEmpty) {
        word.append(c)
      } else {
        flush()
        out.append(c)
      }
    }
    flush()
    return out
  }
}
