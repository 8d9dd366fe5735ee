extension Expr {
  /// Rule text as Chinese officials read it: the connectives `and`, `or`, `not` written as
  /// 且, 或, 非; quoted values and other words left alone. Applied after
  /// `withOfficialOperators` to every rule shown in Chinese.
  public static func withChineseConnectives(_ text: String) -> String {
    var out = ""
    var word = ""
    var quote: Character?
    var escaped = false
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
      if let q = quote {
        out.append(c)
        if escaped {
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == q {
          quote = nil
        }
      } else if c == "\"" || c == "'" {
        flush()
        out.append(c)
        quote = c
      } else if (c.isASCII && c.isLetter) || c == "_" || c == "." || (c.isNumber && !word.isEmpty) {
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
