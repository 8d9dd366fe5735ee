import Model

/// Recursive-descent parser for rule expressions (grammar in docs/criteria.md and `Expr`).
///
/// ```
/// expr    := or
/// or      := and ("or" and)*
/// and     := not ("and" not)*
/// not     := "not" not | cmp
/// cmp     := primary (("=="|"!="|"<"|"<="|">"|">=") primary | "not"? "in" list)?
/// primary := number | string | true | false | name ("." name)* | "(" expr ")" | list
/// list    := "[" (primary ("," primary)*)? "]"
/// ```
/// `and` binds tighter than `or`; `not` tighter than both; a comparison is not chained
/// (`a < b < c` is an error). Errors carry the 1-based column of the offending token.
///
/// The tree is at most `maxDepth` levels deep (each `not`, parenthesis, list, comparison and
/// each further operand of an `and`/`or` chain is one level): the parser, the checks and the
/// evaluation recurse over it, so a deeper expression is a syntax error at the token where
/// the limit is passed, never a stack overflow.
public enum ExprParser {
  /// The deepest expression tree accepted (docs/criteria.md, "Limits").
  public static let maxDepth = 256

  /// Parses `text` into an expression tree, or the first syntax error with its column.
  public static func parse(_ text: String) -> Result<Expr, ExprSyntaxError> {
    switch ExprLexer.tokenize(text) {
    case .failure(let e): return .failure(e)
    case .success(let tokens):
      var state = ParserState(tokens: tokens)
      do throws(ExprSyntaxError) {
        let e = try state.parseOr()
        if case .end = state.current.kind { return .success(e) }
        throw state.error(
          Message(
            zh: "此处应为 'and'、'or' 或表达式结尾，实际为 \(state.current.quotedText.zh)",
            en: "expected 'and', 'or' or end of expression, found \(state.current.quoted)"))
      } catch {
        return .failure(error)
      }
    }
  }

  /// Every name token of `text` with its 0-based character offset, in order (for load-time
  /// diagnostics that point at a name). Empty when `text` does not tokenize.
  public static func nameOffsets(_ text: String) -> [(name: String, offset: Int)] {
    guard case .success(let tokens) = ExprLexer.tokenize(text) else { return [] }
    return tokens.compactMap { t in
      if case .name(let n) = t.kind, !t.isKeyword { return (n, t.offset) }
      return nil
    }
  }
}

/// The cursor over the token list.
private struct ParserState {
  let tokens: [ExprToken]
  var position = 0
  /// Levels of recursion open in the parser (parentheses, `not`, lists).
  var nesting = 0
  /// The depth of the tree the last `parse…` call returned.
  var depth = 0

  init(tokens: [ExprToken]) { self.tokens = tokens }

  /// Fails when a tree of depth `d` is too deep.
  func checkDepth(_ d: Int, at token: ExprToken) throws(ExprSyntaxError) {
    if d > ExprParser.maxDepth {
      throw error(
        Message(
          zh: "表达式嵌套超过 \(ExprParser.maxDepth) 层（括号、'not'、列表以及 'and'/'or' 的操作数）",
          en: "the expression nests more than \(ExprParser.maxDepth) levels deep (parentheses, 'not', lists and 'and'/'or' operands)"),
        at: token)
    }
  }

  /// Opens one level of parser recursion at the current token.
  mutating func enter() throws(ExprSyntaxError) {
    nesting += 1
    try checkDepth(nesting, at: current)
  }

  var current: ExprToken { tokens[min(position, tokens.count - 1)] }

  func error(_ text: Message, at token: ExprToken? = nil) -> ExprSyntaxError {
    ExprSyntaxError(column: (token ?? current).offset + 1, text: text)
  }

  func isKeyword(_ word: String) -> Bool {
    if case .name(word) = current.kind { return true }
    return false
  }

  mutating func advance() { position += 1 }

  mutating func parseOr() throws(ExprSyntaxError) -> Expr {
    var left = try parseAnd()
    var d = depth
    while isKeyword("or") {
      let op = current
      advance()
      left = .or(left, try parseAnd())
      d = max(d, depth) + 1
      try checkDepth(d + nesting, at: op)
    }
    depth = d
    return left
  }

  mutating func parseAnd() throws(ExprSyntaxError) -> Expr {
    var left = try parseNot()
    var d = depth
    while isKeyword("and") {
      let op = current
      advance()
      left = .and(left, try parseNot())
      d = max(d, depth) + 1
      try checkDepth(d + nesting, at: op)
    }
    depth = d
    return left
  }

  mutating func parseNot() throws(ExprSyntaxError) -> Expr {
    if isKeyword("not") {
      try enter()
      advance()
      let inner = try parseNot()
      nesting -= 1
      depth += 1
      return .not(inner)
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(ExprSyntaxError) -> Expr {
    let left = try parsePrimary()
    let leftDepth = depth
    if case .op(let op) = current.kind {
      advance()
      let right = try parsePrimary()
      if case .op = current.kind { throw error(Message(zh: "比较不能连写；请用 'and' 连接", en: "comparisons cannot be chained; combine them with 'and'")) }
      depth = max(leftDepth, depth) + 1
      return .compare(left, op, right)
    }
    var negated = false
    if isKeyword("not") {
      advance()
      guard isKeyword("in") else { throw error(Message(zh: "'not' 后应为 'in'，实际为 \(current.quotedText.zh)", en: "expected 'in' after 'not', found \(current.quoted)"), at: current) }
      negated = true
    }
    if isKeyword("in") {
      advance()
      guard case .lbracket = current.kind else { throw error(Message(zh: "'in' 后应为 '['，实际为 \(current.quotedText.zh)", en: "expected '[' after 'in', found \(current.quoted)")) }
      let items = try parseListItems()
      depth = max(leftDepth, depth) + 1
      return .member(left, items, negated: negated)
    }
    return left
  }

  mutating func parsePrimary() throws(ExprSyntaxError) -> Expr {
    let token = current
    depth = 1
    switch token.kind {
    case .number(let x):
      advance()
      return .number(x)
    case .string(let s):
      advance()
      return .string(s)
    case .name(let n):
      switch n {
      case "true": advance(); return .bool(true)
      case "false": advance(); return .bool(false)
      case "and", "or", "not", "in": throw error(Message(zh: "应为一个值，实际为 \(token.quoted)", en: "expected a value, found \(token.quoted)"))
      default: advance(); return .name(n)
      }
    case .lparen:
      try enter()
      advance()
      let inner = try parseOr()
      guard case .rparen = current.kind else { throw error(
          Message(
            zh: "应为 ')' 以闭合第 \(token.offset + 1) 列的 '('，实际为 \(current.quotedText.zh)",
            en: "expected ')' to close '(' at column \(token.offset + 1), found \(current.quoted)")) }
      advance()
      nesting -= 1
      return inner
    case .lbracket:
      return .list(try parseListItems())
    case .end:
      throw error(Message(zh: "应为一个值，但表达式已结束", en: "expected a value, found end of expression"))
    case .op, .rparen, .rbracket, .comma:
      throw error(Message(zh: "应为一个值，实际为 \(token.quoted)", en: "expected a value, found \(token.quoted)"))
    }
  }

  /// `[` (primary ("," primary)*)? `]`, with the cursor on `[`.
  mutating func parseListItems() throws(ExprSyntaxError) -> [Expr] {
    let open = current
    try enter()
    advance()
    var items: [Expr] = []
    var d = 0
    if case .rbracket = current.kind {
      advance()
      nesting -= 1
      depth = 1
      return items
    }
    while true {
      items.append(try parsePrimary())
      d = max(d, depth)
      switch current.kind {
      case .comma: advance()
      case .rbracket:
        advance()
        nesting -= 1
        depth = d + 1
        return items
      default: throw error(
          Message(
            zh: "应为 ',' 或 ']' 以闭合第 \(open.offset + 1) 列的 '['，实际为 \(current.quotedText.zh)",
            en: "expected ',' or ']' to close '[' at column \(open.offset + 1), found \(current.quoted)"))
      }
    }
  }
}
