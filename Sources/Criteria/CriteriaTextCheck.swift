import Model

/// The checks a criteria file's bytes pass before TOML parsing (docs/criteria.md, "Limits").
///
/// The TOML library reads C strings (a NUL ends the text silently) and builds nested tables
/// recursively, so these are checked first, each an error at its line:
/// - no control character (U+0000–U+001F but TAB, LF and CR; U+007F) anywhere, comments
///   included (TOML allows none; inside a string use an escape);
/// - arrays and inline tables nest at most `maxNesting` levels;
/// - a line holds at most `maxKeyParts - 1` key dots (dots outside strings, comments and
///   numbers): a dotted key has at most `maxKeyParts` parts.
/// - a table header has a name: `[` (or `[[`) at the start of a statement is followed by a
///   bare key character or a quote (toml++ 3 asserts on `[,`: the process would abort).
/// - a `]` or `}` closes the innermost open bracket of its own kind (toml++ 3 aborts on a
///   `}` where an array expects a value: `[0, }]`).
/// One pass over the bytes; O(1) memory.
enum CriteriaTextCheck {
  static let maxNesting = 32
  static let maxKeyParts = 64

  /// The first problem, as (line, message), or nil.
  static func firstProblem(_ bytes: [UInt8]) -> (line: Int, message: Message)? {
    enum State { case normal, comment, basic, literal, multiBasic, multiLiteral }
    var state = State.normal
    var line = 1
    var lineStart = 0
    var nesting = 0
    // Bit k: the bracket open at depth k + 1 is `{` (else `[`); depth ≤ maxNesting < 64.
    var braces: UInt64 = 0
    var keyDots = 0
    // The current bare run (letters, digits, `_ - + : .`): its dots, and whether its single
    // dot sits between digits (a number: `1.5`, a time `07:32:00.999`).
    var runDots = 0
    var runNumberDot = false
    func endRun() {
      if !(runDots == 1 && runNumberDot) { keyDots += runDots }
      runDots = 0
      runNumberDot = false
    }
    func column(_ i: Int) -> Int { bytes[lineStart..<i].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
    var i = 0
    let n = bytes.count
    /// Only spaces and tabs between the line start and `at`.
    /// A UTF-8 BOM at the very start counts as a space (toml++ skips it).
    func atStatementStart(_ at: Int) -> Bool {
      let from = lineStart == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? min(3, at) : lineStart
      return bytes[from..<at].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
    /// After `[` at `at` (then spaces, a second `[` right after the first, spaces): a bare key
    /// character, a quote or `]`, as toml++ assumes. `[ [` is left to toml++ (its own error).
    func headerHasName(after at: Int) -> Bool {
      var j = at + 1
      func skipSpaces() -> Bool {
        let start = j
        while j < n, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
        return j > start
      }
      let spaced = skipSpaces()
      if j < n, bytes[j] == 0x5B {
        if spaced { return true }
        j += 1
        _ = skipSpaces()
      }
      guard j < n else { return true }  // the end of the text: the TOML parser reports it
      let c = bytes[j]
      return (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F || c == 0x2D || c == 0x22 || c == 0x27
        || c == 0x5D
    }
    while i < n {
      let b = bytes[i]
      if (b < 0x20 && b != 9 && b != 10 && b != 13) || b == 0x7F {
        let name = b == 0 ? "NUL" : (b == 0x7F ? "DEL" : "U+00" + String(b, radix: 16, uppercase: true).leftPadded(2))
        return (
          line,
          Message(
            zh: "第 \(column(i)) 列有控制字符（\(name)）；TOML 不允许任何控制字符，注释中也不行：请删除",
            en: "a control character (\(name)) at column \(column(i)); TOML allows none, not even in a comment: remove it"))
      }
      if b == 10 {
        if state == .normal || state == .comment {
          endRun()
          keyDots = 0
          if state == .comment { state = .normal }
        } else if state == .basic || state == .literal {
          state = .normal  // an unterminated string: the TOML parser reports it
        }
        line += 1
        lineStart = i + 1
        i += 1
        continue
      }
      switch state {
      case .comment:
        break
      case .basic:
        if b == 0x5C { i += 1 } else if b == 0x22 { state = .normal }
      case .literal:
        if b == 0x27 { state = .normal }
      case .multiBasic:
        if b == 0x5C {
          i += 1
        } else if b == 0x22, i + 2 < n, bytes[i + 1] == 0x22, bytes[i + 2] == 0x22 {
          state = .normal
          i += 2
        }
      case .multiLiteral:
        if b == 0x27, i + 2 < n, bytes[i + 1] == 0x27, bytes[i + 2] == 0x27 {
          state = .normal
          i += 2
        }
      case .normal:
        let isRun = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x5F || b == 0x2D || b == 0x2B
          || b == 0x3A || b >= 0x80
        if b == 0x2E {
          let digitBefore = i > 0 && bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39
          let digitAfter = i + 1 < n && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39
          if runDots == 0 && digitBefore && digitAfter { runNumberDot = true }
          runDots += 1
          if keyDots + runDots >= maxKeyParts {
            return (
              line,
              Message(
                zh: "第 \(column(i)) 列的键有超过 \(maxKeyParts) 个以点分隔的部分；最多允许 \(maxKeyParts) 个",
                en: "a key with more than \(maxKeyParts) dotted parts at column \(column(i)); at most \(maxKeyParts) are allowed"))
          }
        } else if !isRun {
          endRun()
          switch b {
          case 0x23: state = .comment
          case 0x22:
            if i + 2 < n, bytes[i + 1] == 0x22, bytes[i + 2] == 0x22 {
              state = .multiBasic
              i += 2
            } else {
              state = .basic
            }
          case 0x27:
            if i + 2 < n, bytes[i + 1] == 0x27, bytes[i + 2] == 0x27 {
              state = .multiLiteral
              i += 2
            } else {
              state = .literal
            }
          case 0x5B, 0x7B:
            if b == 0x5B, nesting == 0, atStatementStart(i), !headerHasName(after: i) {
              return (
                line,
                Message(
                  zh: "第 \(column(i)) 列的表头没有名称：请写成 [name] 或 [[name]]",
                  en: "a table header without a name at column \(column(i)): write [name] or [[name]]"))
            }
            nesting += 1
            if nesting > maxNesting {
              return (
                line,
                Message(
                  zh: "第 \(column(i)) 列处数组或内联表嵌套超过 \(maxNesting) 层",
                  en: "arrays or inline tables nest more than \(maxNesting) levels deep at column \(column(i))"))
            }
            let bit: UInt64 = 1 << UInt64(nesting - 1)
            if b == 0x7B { braces |= bit } else { braces &= ~bit }
          case 0x5D, 0x7D:
            if nesting > 0 {
              let isBrace = braces & (1 << UInt64(nesting - 1)) != 0
              if isBrace != (b == 0x7D) {
                return (
                  line,
                  Message(
                    zh: "第 \(column(i)) 列的 '\(b == 0x7D ? "}" : "]")' 没有可关闭的\(b == 0x7D ? "内联表" : "数组")：最内层未关闭的括号是 '\(isBrace ? "{" : "[")'",
                    en: "'\(b == 0x7D ? "}" : "]")' at column \(column(i)) closes no \(b == 0x7D ? "inline table" : "array"): the innermost open bracket is '\(isBrace ? "{" : "[")'"))
              }
            }
            nesting = max(0, nesting - 1)
          default: break
          }
        }
      }
      i += 1
    }
    return nil
  }
}

extension String {
  /// `self` with leading zeros up to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
