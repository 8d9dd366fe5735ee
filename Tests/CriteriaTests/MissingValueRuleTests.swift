import Criteria
import Model
import Testing

/// Rules with missing values (docs/criteria.md, "Missing values in expressions"), quoting
/// of values in rendered rules, cap column types and the warning for a `missing` policy
/// no criterion uses.
@Suite struct MissingValueRuleTests {
  func parse(_ s: String) -> Expr {
    (try? ExprParser.parse(s).get()) ?? .bool(false)
  }

  /// `industry` is missing, `x` is 3, `flag` is missing.
  func resolve(_ name: String) -> ExprValue {
    switch name {
    case "x": return .number(3)
    default: return .missing
    }
  }

  /// The table of docs/criteria.md, row by row.
  static let table: [(String, Bool)] = [
    ("industry == \"化工\"", false),
    ("industry != \"化工\"", true),
    ("industry < \"化工\"", false),
    ("industry <= \"化工\"", false),
    ("industry > \"化工\"", false),
    ("industry >= \"化工\"", false),
    ("industry in [\"化工\"]", false),
    ("industry not in [\"化工\"]", true),
    ("industry in []", false),
    ("industry not in []", true),
    ("not (industry == \"化工\")", true),
    ("not (industry in [\"化工\"])", true),
    ("not (industry < \"化工\")", true),
    ("flag", false),
    ("not flag", false),
    ("flag == true", false),
    ("flag == false", false),
    ("flag != true", true),
    ("x in [industry]", false),
    ("x not in [industry]", true),
  ]

  @Test(arguments: table)
  func everyOperatorAgainstAMissingValue(rule: String, holds: Bool) {
    #expect(parse(rule).holds(resolve) == holds, "\(rule)")
  }

  /// `!=` is `not ==` and `not in` is `not in`'s negation for every value, missing or not,
  /// of every type (a type mismatch included).
  @Test func negatedOperatorsAreExactComplements() {
    let values: [ExprValue] = [.missing, .number(3), .number(4), .string("化工"), .string("机械"), .bool(true), .bool(false)]
    let literals: [Expr] = [.number(3), .string("化工"), .bool(true)]
    for v in values {
      let resolve: (String) -> ExprValue = { _ in v }
      for lit in literals {
        let eq = Expr.compare(.name("v"), .eq, lit).holds(resolve)
        #expect(Expr.compare(.name("v"), .ne, lit).holds(resolve) == !eq, "\(v) \(lit)")
        let list = [lit, .string("机械")]
        let member = Expr.member(.name("v"), list, negated: false).holds(resolve)
        #expect(Expr.member(.name("v"), list, negated: true).holds(resolve) == !member, "\(v) \(lit)")
        #expect(member == list.contains { Expr.compare(.name("v"), .eq, $0).holds(resolve) }, "\(v) \(lit)")
      }
    }
  }

  /// A value containing a quote or a backslash is rendered escaped, and the rendering parses
  /// back to the same rule.
  @Test func renderedValuesAreUnambiguous() {
    let e = Expr.member(.name("industry"), [.string("精\"工"), .string(#"a\b"#), .string("它's")], negated: true)
    #expect(e.description == #"industry not in ["精\"工", "a\\b", "它's"]"#)
    #expect(parse(e.description) == e)
    let c = Expr.compare(.name("honour"), .ne, .string("无"))
    #expect(c.description == "honour != \"无\"")
  }

  /// Official operators (≥ ≤ ≠ =) replace the operators only, never text inside a value.
  @Test func officialOperatorsLeaveQuotedValuesAlone() {
    #expect(Expr.withOfficialOperators("stars >= 4 and name != \"a>=b\"") == "stars ≥ 4 and name ≠ \"a>=b\"")
    #expect(Expr.withOfficialOperators(#"x == "say \"==\"" or y <= 'it\'s != 2'"#) == #"x = "say \"==\"" or y ≤ 'it\'s != 2'"#)
    #expect(Expr.withOfficialOperators("honour != '无' and maturity_level >= 3") == "honour ≠ '无' and maturity_level ≥ 3")
  }

  static func programmeWith(_ caps: String) -> String {
    Fixture.base + """
      [columns.flag]
      header = "flag"
      type = "bool"
      missing = "allow"

      [programmes.p]
      quota = 2
      caps = \(caps)

      """
  }

  /// Caps work on any column type, as docs/selection.md says.
  @Test(arguments: ["{ x = 1 }", "{ y = 2 }", "{ flag = 1 }", "{ industry = 1, name = 1, uscc = 1 }"])
  func capsAcceptEveryColumnType(caps: String) {
    let text = Self.programmeWith(caps)
    #expect(Fixture.errors(text) == [])
    #expect(Fixture.spec(text)?.programmes.first?.caps.isEmpty == false)
  }

  /// `missing = worst | mean | median | zero | exclude` on a column no criterion reads has
  /// no effect: a warning at the line of the key; none for `allow`, `reject` or a read column.
  @Test func unusedMissingPolicyIsAWarningAtItsLine() {
    let text = Fixture.base + """
      [columns.spend]
      header = "spend"
      type = "number"
      missing = "exclude"

      [columns.note]
      header = "note"
      type = "text"
      missing = "allow"

      [columns.size]
      header = "size"
      type = "number"
      missing = "mean"

      """
    let spec = Fixture.spec(text)
    #expect(
      spec?.warnings.map(\.description) == [
        "c.toml:37: columns.spend.missing: warning: \"exclude\" has no effect: no criterion reads column \"spend\" (imputation and exclusion apply to criteria); use \"allow\" to accept empty cells or \"reject\" to refuse them",
        "c.toml:47: columns.size.missing: warning: \"mean\" has no effect: no criterion reads column \"size\" (imputation and exclusion apply to criteria); use \"allow\" to accept empty cells or \"reject\" to refuse them",
      ])
    // Read by a criterion: no warning.
    let read = Fixture.base.replacingOccurrences(of: "type = \"number\"\n", with: "type = \"number\"\nmissing = \"exclude\"\n")
    #expect(Fixture.spec(read)?.column("x")?.missing == .exclude)
    #expect(Fixture.spec(read)?.warnings.isEmpty == true)
  }
}
