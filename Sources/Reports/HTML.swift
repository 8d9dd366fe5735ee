/// HTML text escaping: the one escaper of every page Exemplar writes (report.html,
/// sensitivity.html, the diff page), for element text and attribute values alike.
enum HTML {
  /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than TAB/LF/CR removed.
  static func escape(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where b == 38 || b == 60 || b == 62 || b == 34 || b == 39 || (b < 0x20 && b != 9 && b != 10 && b != 13) {
      needs = true
      break
    }
    guard needs else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 16)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if c.value < 0x20 && c.value != 9 && c.value != 10 && c.value != 13 { continue }
        out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
