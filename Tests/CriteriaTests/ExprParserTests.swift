import Criteria
import Testing

/// The rule-expression grammar of docs/criteria.md.
@Suite struct ExprParserTests {
  func parse(_ s: String) -> Expr? { try? ExprParser.parse(s).get() }

  @Test func andBindsTighterThanOr() {
    #expect(parse("a or b and c") == .or(.name("a"), .and(.name("b"), .name("c"))))
    #expect(parse("a and b or c") == .or(.and(.name("a"), .name("b")), .name("c")))
    #expect(parse("(a or b) and c") == .and(.or(.name("a"), .name("b")), .name("c")))
  }

  @Test func notBindsTighterThanAndAndCoversAComparison() {
    #expect(parse("not a and b") == .and(.not(.name("a")), .name("b")))
    #expect(parse("not score > 3") == .not(.compare(.name("score"), .gt, .number(3))))
    #expect(parse("not not a") == .not(.not(.name("a"))))
  }

  @Test func leftAssociativeChains() {
    #expect(parse("a or b or c") == .or(.or(.name("a"), .name("b")), .name("c")))
  }

  @Test(arguments: CompareOp.allCases) func comparisonOperators(op: CompareOp) {
    #expect(parse("group.cost \(op.rawValue) -1.5e2") == .compare(.name("group.cost"), op, .number(-150)))
  }

  @Test func membershipAndNegatedMembership() {
    #expect(parse("industry in ['a', \"b\"]") == .member(.name("industry"), [.string("a"), .string("b")], negated: false))
    #expect(parse("industry not in []") == .member(.name("industry"), [], negated: true))
    #expect(parse("stars in [4, 5] and x") == .and(.member(.name("stars"), [.number(4), .number(5)], negated: false), .name("x")))
  }

  @Test func literals() {
    #expect(parse("flag == true") == .compare(.name("flag"), .eq, .bool(true)))
    #expect(parse("x != false") == .compare(.name("x"), .ne, .bool(false)))
    #expect(parse(".5 < x") == .compare(.number(0.5), .lt, .name("x")))
    #expect(parse("[1, 'a']") == .list([.number(1), .string("a")]))
  }

  @Test func stringsWithQuotesAndChinese() {
    #expect(parse(#"name == "say \"hi\"""#) == .compare(.name("name"), .eq, .string("say \"hi\"")))
    #expect(parse(#"name == 'it\'s'"#) == .compare(.name("name"), .eq, .string("it's")))
    #expect(parse(#"name == "it's""#) == .compare(.name("name"), .eq, .string("it's")))
    #expect(parse("industry in [\"汽车零部件\", '模具'] and 规上 == true")
      == .and(.member(.name("industry"), [.string("汽车零部件"), .string("模具")], negated: false), .compare(.name("规上"), .eq, .bool(true))))
  }

  @Test func whitespaceIsFree() {
    #expect(parse("  a==1\tand(b)  ") == .and(.compare(.name("a"), .eq, .number(1)), .name("b")))
  }

  static let syntaxErrors: [(String, Int, String)] = [
    ("", 1, "expected a value, found end of expression"),
    ("score >= ", 10, "expected a value, found end of expression"),
    ("a and and b", 7, "expected a value, found 'and'"),
    ("a = 1", 3, "unexpected '='; use '==' to compare"),
    ("a ! b", 3, "unexpected '!'; use 'not' or '!='"),
    ("(a or b", 8, "expected ')' to close '(' at column 1, found end of expression"),
    ("x in [1, 2", 11, "expected ',' or ']' to close '[' at column 6, found end of expression"),
    ("x in 3", 6, "expected '[' after 'in', found '3'"),
    ("x not 3", 7, "expected 'in' after 'not', found '3'"),
    ("a < b < c", 7, "comparisons cannot be chained; combine them with 'and'"),
    ("a b", 3, "expected 'and', 'or' or end of expression, found 'b'"),
    ("name == '汽车", 9, "unterminated string starting here"),
    ("行业 == 1 $", 9, "unexpected character '$'"),
    ("group. x", 7, "expected a name after '.' in 'group.'"),
    ("x > 12abc", 7, "unexpected 'a' after number 12"),
  ]

  @Test(arguments: 0..<syntaxErrors.count) func syntaxErrorsCarryTheColumn(_ i: Int) {
    let (text, column, message) = Self.syntaxErrors[i]
    #expect(throws: ExprSyntaxError(column: column, message: message)) { try ExprParser.parse(text).get() }
  }

  @Test func renderingRoundTrips() throws {
    for text in ["a or b and not (c or d)", "industry not in [\"汽车\", \"模具\"]", "score >= 60 and stars == 4"] {
      let e = try ExprParser.parse(text).get()
      #expect(try ExprParser.parse(e.description).get() == e)
    }
  }
}
