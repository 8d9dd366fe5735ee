/// The character-level scanner behind `KeyLineIndex`.
struct KeyLineScanner {
  let chars: [Character]
  var i = 0
  var line = 1
  var lineStart = 0
  var arrayCounts: [String: Int] = [:]

  init(chars: [Character]) { self.chars = chars }

  var c: Character? { i < chars.count ? chars[i] : nil }
  func peek(_ k: Int) -> Character? { i + k < chars.count ? chars[i + k] : nil }
  var column: Int { i - lineStart + 1 }

  mutating func step() {
    if let ch = c, ch.isNewline {
      line += 1
      lineStart = i + 1
    }
    i += 1
  }

  mutating func skipSpaces() { while let ch = c, ch == " " || ch == "\t" { step() } }

  mutating func skipComment() { if c == "#" { while let ch = c, !ch.isNewline { step() } } }

  /// Spaces, newlines and comments (inside arrays and between statements).
  mutating func skipTrivia() {
    while let ch = c {
      if ch == " " || ch == "\t" || ch.isNewline { step() } else if ch == "#" { skipComment() } else { break }
    }
  }

  mutating func skipLine() {
    while let ch = c, !ch.isNewline { step() }
  }

  mutating func run(into index: inout KeyLineIndex) {
    var table: [String] = []
    while i < chars.count {
      skipTrivia()
      guard let ch = c else { break }
      let here = line
      if ch == "[" {
        let isArray = peek(1) == "["
        step()
        if isArray { step() }
        skipSpaces()
        let keys = key()
        let base = keys.joined(separator: ".")
        recordPrefixes(keys, line: here, into: &index)
        if isArray {
          let n = arrayCounts[base, default: 0]
          arrayCounts[base] = n + 1
          table = [base + "[\(n)]"]
        } else {
          table = keys.isEmpty ? [] : [base]
        }
        if let t = table.first { index.record(t, line: here) }
        skipLine()
        continue
      }
      let keys = key()
      guard !keys.isEmpty else {
        skipLine()
        continue
      }
      let full = table + keys
      recordPrefixes(full, line: here, into: &index)
      skipSpaces()
      guard c == "=" else {
        skipLine()
        continue
      }
      step()
      skipSpaces()
      value(full.joined(separator: "."), into: &index)
      skipSpaces()
      skipComment()
    }
  }

  func recordPrefixes(_ keys: [String], line: Int, into index: inout KeyLineIndex) {
    for n in 1...max(1, keys.count) where n <= keys.count {
      index.record(keys.prefix(n).joined(separator: "."), line: line)
    }
  }

  /// A dotted key: bare or quoted parts separated by `.`.
  mutating func key() -> [String] {
    var parts: [String] = []
    while let ch = c {
      if ch == "\"" || ch == "'" {
        step()
        var s = ""
        while let x = c, x != ch, !x.isNewline {
          if ch == "\"", x == "\\", let n = peek(1) {
            s.append(n)
            step()
            step()
            continue
          }
          s.append(x)
          step()
        }
        step()
        parts.append(s)
      } else if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" {
        var s = ""
        while let x = c, x.isLetter || x.isNumber || x == "_" || x == "-" {
          s.append(x)
          step()
        }
        parts.append(s)
      } else {
        break
      }
      skipSpaces()
      guard c == "." else { break }
      step()
      skipSpaces()
    }
    return parts
  }

  mutating func value(_ path: String, into index: inout KeyLineIndex) {
    guard let ch = c else { return }
    switch ch {
    case "\"", "'":
      string(path, quote: ch, into: &index)
    case "[":
      step()
      var n = 0
      while true {
        skipTrivia()
        guard let x = c else { return }
        if x == "]" {
          step()
          return
        }
        let element = path + "[\(n)]"
        index.record(element, line: line)
        value(element, into: &index)
        n += 1
        skipTrivia()
        if c == "," {
          step()
        } else {
          if c == "]" { step() }
          return
        }
      }
    case "{":
      step()
      while true {
        skipTrivia()
        guard let x = c else { return }
        if x == "}" {
          step()
          return
        }
        let here = line
        let keys = key()
        guard !keys.isEmpty else { return }
        let sub = path + "." + keys.joined(separator: ".")
        index.record(sub, line: here)
        skipSpaces()
        guard c == "=" else { return }
        step()
        skipSpaces()
        value(sub, into: &index)
        skipTrivia()
        if c == "," { step() } else {
          if c == "}" { step() }
          return
        }
      }
    default:
      while let x = c, x != ",", x != "]", x != "}", x != "#", !x.isNewline { step() }
    }
  }

  mutating func string(_ path: String, quote: Character, into index: inout KeyLineIndex) {
    let multi = peek(1) == quote && peek(2) == quote
    let basic = quote == "\""
    step()
    if multi {
      step()
      step()
      if let x = c, x.isNewline { step() }  // a newline right after the delimiter is trimmed
    }
    let startLine = line
    let startColumn = column
    var raw: [Character] = []
    while let x = c {
      if basic, x == "\\", let n = peek(1) {
        raw.append(x)
        raw.append(n)
        step()
        step()
        continue
      }
      if x == quote {
        if !multi { break }
        if peek(1) == quote, peek(2) == quote {
          // Up to two quotes may sit right before the closing delimiter.
          var extra = 0
          while peek(3 + extra) == quote, extra < 2 { extra += 1 }
          for _ in 0..<extra {
            raw.append(quote)
            step()
          }
          break
        }
      }
      if !multi, x.isNewline { break }
      raw.append(x)
      step()
    }
    index.recordString(path, KeyLineIndex.StringLiteral(line: startLine, column: startColumn, raw: raw, basic: basic))
    step()
    if multi {
      step()
      step()
    }
  }
}
