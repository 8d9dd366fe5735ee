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
public enum ExprParser {
  /// Parses `text` into an expression tree, or the first syntax error with its column.
  public static func parse(_ text: String) -> Result<Expr, ExprSyntaxError> {
    switch ExprLexer.tokenize(text) {
    case .failure(let e): return .failure(e)
    case .success(let tokens):
      var state = ParserState(tokens: tokens)
      do throws(ExprSyntaxError) {
        let e = try state.parseOr()
        if case .end = state.current.kind { return .success(e) }
        throw state.error("expected 'and', 'or' or end of expression, found \(state.current.quoted)")
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

  init(tokens: [ExprToken]) { self.tokens = tokens }

  var current: ExprToken { tokens[min(position, tokens.count - 1)] }

  func error(_ message: String, at token: ExprToken? = nil) -> ExprSyntaxError {
    ExprSyntaxError(column: (token ?? current).offset + 1, message: message)
  }

  func isKeyword(_ word: String) -> Bool {
    if case .name(word) = current.kind { return true }
    return false
  }

  mutating func advance() { position += 1 }

  mutating func parseOr() throws(ExprSyntaxError) -> Expr {
    var left = try parseAnd()
    while isKeyword("or") {
      advance()
      left = .or(left, try parseAnd())
    }
    return left
  }

  mutating func parseAnd() throws(ExprSyntaxError) -> Expr {
    var left = try parseNot()
    while isKeyword("and") {
      advance()
      left = .and(left, try parseNot())
    }
    return left
  }

  mutating func parseNot() throws(ExprSyntaxError) -> Expr {
    if isKeyword("not") {
      advance()
      return .not(try parseNot())
    }
    return try parseComparison()
  }

  mutating func parseComparison() throws(ExprSyntaxError) -> Expr {
    let left = try parsePrimary()
    if case .op(let op) = current.kind {
      advance()
      let right = try parsePrimary()
      if case .op = current.kind { throw error("comparisons cannot be chained; combine them with 'and'") }
      return .compare(left, op, right)
    }
    var negated = false
    if isKeyword("not") {
      advance()
      guard isKeyword("in") else { throw error("expected 'in' after 'not', found \(current.quoted)", at: current) }
      negated = true
    }
    if isKeyword("in") {
      advance()
      guard case .lbracket = current.kind else { throw error("expected '[' after 'in', found \(current.quoted)") }
      return .member(left, try parseListItems(), negated: negated)
    }
    return left
  }

  mutating func parsePrimary() throws(ExprSyntaxError) -> Expr {
    let token = current
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
      case "and", "or", "not", "in": throw error("expected a value, found \(token.quoted)")
      default: advance(); return .name(n)
      }
    case .lparen:
      advance()
      let inner = try parseOr()
      guard case .rparen = current.kind else { throw error("expected ')' to close '(' at column \(token.offset + 1), found \(current.quoted)") }
      advance()
      return inner
    case .lbracket:
      return .list(try parseListItems())
    case .end:
      throw error("expected a value, found end of expression")
    case .op, .rparen, .rbracket, .comma:
      throw error("expected a value, found \(token.quoted)")
    }
  }

  /// `[` (primary ("," primary)*)? `]`, with the cursor on `[`.
  mutating func parseListItems() throws(ExprSyntaxError) -> [Expr] {
    let open = current
    advance()
    var items: [Expr] = []
    if case .rbracket = current.kind {
      advance()
      return items
    }
    while true {
      items.append(try parsePrimary())
      switch current.kind {
      case .comma: advance()
      case .rbracket: advance(); return items
      default: throw error("expected ',' or ']' to close '[' at column \(open.offset + 1), found \(current.quoted)")
      }
    }
  }
}
