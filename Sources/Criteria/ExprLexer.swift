import Model

/// The tokenizer for rule expressions (docs/criteria.md, "Expressions").
///
/// Names are letters (any script), digits and `_`, not starting with a digit, joined by
/// `.` into dotted names. Numbers: optional `-`, digits, optional `.digits`, optional
/// exponent. Strings: double or single quotes, with `\"`, `\'`, `\\` escapes.
struct ExprLexer {
  private let chars: [Character]
  private var i = 0

  init(_ text: String) { chars = Array(text) }

  /// All tokens, ending with `.end`, or the first lexical error.
  static func tokenize(_ text: String) -> Result<[ExprToken], ExprSyntaxError> {
    var lexer = ExprLexer(text)
    var tokens: [ExprToken] = []
    while true {
      switch lexer.next() {
      case .failure(let e): return .failure(e)
      case .success(let t):
        tokens.append(t)
        if case .end = t.kind { return .success(tokens) }
      }
    }
  }

  private mutating func next() -> Result<ExprToken, ExprSyntaxError> {
    while i < chars.count, chars[i].isWhitespace { i += 1 }
    let start = i
    guard i < chars.count else { return .success(ExprToken(kind: .end, offset: start, text: "")) }
    let c = chars[i]
    func token(_ kind: ExprToken.Kind, length: Int) -> Result<ExprToken, ExprSyntaxError> {
      i += length
      return .success(ExprToken(kind: kind, offset: start, text: String(chars[start..<i])))
    }
    switch c {
    case "(": return token(.lparen, length: 1)
    case ")": return token(.rparen, length: 1)
    case "[": return token(.lbracket, length: 1)
    case "]": return token(.rbracket, length: 1)
    case ",": return token(.comma, length: 1)
    case "=":
      if peek(1) == "=" { return token(.op(.eq), length: 2) }
      return .failure(ExprSyntaxError(column: start + 1, text: Message(zh: "意外的 '='；比较请用 '=='", en: "unexpected '='; use '==' to compare")))
    case "!":
      if peek(1) == "=" { return token(.op(.ne), length: 2) }
      return .failure(ExprSyntaxError(column: start + 1, text: Message(zh: "意外的 '!'；请用 'not' 或 '!='", en: "unexpected '!'; use 'not' or '!='")))
    case "<": return peek(1) == "=" ? token(.op(.le), length: 2) : token(.op(.lt), length: 1)
    case ">": return peek(1) == "=" ? token(.op(.ge), length: 2) : token(.op(.gt), length: 1)
    case "\"", "'": return string(quote: c)
    default:
      let startsNumber = Self.isDigit(c) || c == "." && Self.isDigit(peek(1))
        || c == "-" && (Self.isDigit(peek(1)) || peek(1) == "." && Self.isDigit(peek(2)))
      if startsNumber {
        return number()
      }
      if c.isLetter || c == "_" { return name() }
      return .failure(ExprSyntaxError(column: start + 1, text: Message(zh: "意外的字符 '\(c)'", en: "unexpected character '\(c)'")))
    }
  }

  private func peek(_ k: Int) -> Character? { i + k < chars.count ? chars[i + k] : nil }

  private static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

  private mutating func number() -> Result<ExprToken, ExprSyntaxError> {
    let start = i
    if chars[i] == "-" { i += 1 }
    while Self.isDigit(peek(0)) { i += 1 }
    if peek(0) == ".", Self.isDigit(peek(1)) {
      i += 1
      while Self.isDigit(peek(0)) { i += 1 }
    }
    if peek(0) == "e" || peek(0) == "E" {
      var j = 1
      if peek(j) == "+" || peek(j) == "-" { j += 1 }
      if Self.isDigit(peek(j)) {
        i += j
        while Self.isDigit(peek(0)) { i += 1 }
      }
    }
    let text = String(chars[start..<i])
    if let next = peek(0), next.isLetter || next == "_" || next == "." {
      return .failure(ExprSyntaxError(column: i + 1, text: Message(zh: "数字 \(text) 后有意外的 '\(next)'", en: "unexpected '\(next)' after number \(text)")))
    }
    guard let value = Double(text), value.isFinite else {
      return .failure(ExprSyntaxError(column: start + 1, text: Message(zh: "无效的数字 '\(text)'", en: "invalid number '\(text)'")))
    }
    return .success(ExprToken(kind: .number(value), offset: start, text: text))
  }

  private mutating func name() -> Result<ExprToken, ExprSyntaxError> {
    let start = i
    func isPart(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
    while true {
      while isPart(peek(0)) { i += 1 }
      guard peek(0) == "." else { break }
      guard let after = peek(1), after.isLetter || after == "_" else {
        return .failure(ExprSyntaxError(column: i + 2, text: Message(zh: "'\(String(chars[start...i]))' 中 '.' 后应为名称", en: "expected a name after '.' in '\(String(chars[start...i]))'")))
      }
      i += 1
    }
    let text = String(chars[start..<i])
    return .success(ExprToken(kind: .name(text), offset: start, text: text))
  }

  private mutating func string(quote: Character) -> Result<ExprToken, ExprSyntaxError> {
    let start = i
    i += 1
    var value = ""
    while i < chars.count {
      let c = chars[i]
      if c == quote {
        i += 1
        return .success(ExprToken(kind: .string(value), offset: start, text: String(chars[start..<i])))
      }
      if c == "\\", let n = peek(1), n == "\"" || n == "'" || n == "\\" {
        value.append(n)
        i += 2
        continue
      }
      value.append(c)
      i += 1
    }
    return .failure(ExprSyntaxError(column: start + 1, text: Message(zh: "从此处开始的字符串没有结束引号", en: "unterminated string starting here")))
  }
}
