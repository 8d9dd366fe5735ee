import Model

/// One token of a rule expression, with its 0-based character offset in the expression.
struct ExprToken: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case number(Double)
    case string(String)
    /// A dotted name (`group.cost`) or a keyword (`and`, `or`, `not`, `in`, `true`, `false`).
    case name(String)
    case op(CompareOp)
    case lparen, rparen, lbracket, rbracket, comma
    case end
  }

  var kind: Kind
  /// 0-based character offset of the token's first character.
  var offset: Int
  /// The token as written (for messages).
  var text: String

  static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false"]

  var isKeyword: Bool {
    if case .name(let n) = kind { return Self.keywords.contains(n) }
    return false
  }

  /// How the token reads in a message: `'and'`, `"text"`, `end of expression`.
  var quoted: String {
    if case .end = kind { return "end of expression" }
    return "'\(text)'"
  }

  /// `quoted` in both languages (`表达式结尾` for the end).
  var quotedText: Message {
    if case .end = kind { return Message(zh: "表达式结尾", en: "end of expression") }
    return Message(zh: "'\(text)'", en: "'\(text)'")
  }
}
