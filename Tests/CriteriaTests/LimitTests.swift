import Criteria
import Foundation
import Testing

/// The limits of a criteria file (docs/criteria.md, "Limits"): each violation is an error at
/// its line, never a crash, a stack overflow or a silent truncation.
@Suite struct LimitTests {
  func programme(eligible: String) -> String {
    Fixture.base + "[programmes.p]\nname = \"P\"\nlevel = \"local\"\nquota = 5\neligible = \"\(eligible)\"\n"
  }

  @Test func aNulByteInACommentIsAnErrorAtItsLine() {
    let text = Fixture.base.replacingOccurrences(of: "[criteria.a]", with: "# note \u{0}hidden\n[criteria.a]")
    let errors = Fixture.errors(text)
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("c.toml:27: a control character (NUL) at column 8") == true, "\(errors)")
  }

  @Test(arguments: ["\u{1B}[2J", "\u{7F}", "\u{8}"])
  func otherControlCharactersAreErrors(_ c: String) {
    #expect(Fixture.errors(Fixture.base + "# \(c)\n").first?.contains("a control character") == true)
  }

  @Test func tabsAndCRLFAreFine() {
    #expect(Fixture.errors(Fixture.base.replacingOccurrences(of: "\n", with: "\r\n") + "#\tx\r\n").isEmpty)
  }

  @Test func deepParenthesesAndNotChainsAreSyntaxErrors() {
    let parens = String(repeating: "(", count: 20_000) + "x > 1" + String(repeating: ")", count: 20_000)
    let nots = String(repeating: "not ", count: 100_000) + "x > 1"
    for e in [parens, nots] {
      let errors = Fixture.errors(programme(eligible: e))
      #expect(errors.count == 1)
      #expect(errors.first?.contains("nests more than \(ExprParser.maxDepth) levels") == true)
    }
    let ands = (0..<1_000).map { _ in "x > 1" }.joined(separator: " and ")
    #expect(Fixture.errors(programme(eligible: ands)).first?.contains("nests more than") == true)
  }

  @Test func expressionsUpToTheLimitParse() {
    let ok = String(repeating: "(", count: 200) + "x > 1" + String(repeating: ")", count: 200)
    #expect(Fixture.errors(programme(eligible: ok)).isEmpty)
    let chain = (0..<100).map { "x > \($0)" }.joined(separator: " or ")
    #expect(Fixture.errors(programme(eligible: chain)).isEmpty)
    let list = "industry in [" + (0..<1_000).map { "'i\($0)'" }.joined(separator: ", ") + "]"
    #expect(Fixture.errors(programme(eligible: list)).isEmpty)
  }

  @Test func aKeyOf50000PartsIsAnError() {
    let errors = Fixture.errors(Fixture.base + "[x]\n" + Array(repeating: "a", count: 50_000).joined(separator: ".") + " = 1\n")
    #expect(errors.first?.hasPrefix("c.toml:35: a key with more than 64 dotted parts") == true)
  }

  @Test func numbersAndDatesAreNotKeyParts() {
    let floats = "[columns.x]\nheader = \"x\"\ntype = \"number\"\nrange = [" + (0..<200).map { "\($0).5" }.joined(separator: ", ") + "]\n"
    #expect(Fixture.errors(floats).allSatisfy { !$0.contains("dotted parts") })
  }

  @Test func deeplyNestedArraysAreAnError() {
    let errors = Fixture.errors(Fixture.base + "x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
    #expect(errors.first?.contains("nest more than 32 levels") == true)
  }

  @Test func aTableHeaderWithoutANameIsAnErrorNotAnAbort() {
    for header in ["[,A]", "[[ ,]]", "[é]", "[[[[[[", "[[ [x]]"] {
      #expect(Fixture.errors(Fixture.base + header + "\n").first?.contains("a table header without a name") == true)
    }
    #expect(Fixture.errors("\u{FEFF}[;a]\n").first?.contains("a table header without a name") == true)
  }

  @Test func aMismatchedClosingBracketIsAnErrorNotAnAbort() {
    for value in ["[0, }]", "[}]", "[0,\n}]", "{ a = [1 } ]"] {
      #expect(Fixture.errors(Fixture.base + "x = \(value)\n").first?.contains("closes no") == true, "\(value)")
    }
    #expect(Fixture.errors(Fixture.base + "[programmes.p]\nname = \"P\"\nlevel = \"local\"\nquota = 1\ncaps = { industry = 2 }\npilot_industries = [\"a\", \"b\"]\n").isEmpty)
  }

  /// 10,000 nested groups: rejected at the depth limit, in linear time.
  @Test func deepGroupsAreRejectedQuickly() {
    func nested(_ n: Int) -> String {
      var text = Fixture.base.replacingOccurrences(of: "column = \"x\"\n", with: "column = \"x\"\ngroup = \"g\(n - 1)\"\n")
        .replacingOccurrences(of: "column = \"y\"\n", with: "column = \"y\"\ngroup = \"g\(n - 1)\"\n")
      text += "[weighting]\nmethod = \"direct\"\nnormalise = true\n"
      for i in 0..<n { text += "[groups.g\(i)]\nweight = 1\n" + (i > 0 ? "parent = \"g\(i - 1)\"\n" : "") }
      return text
    }
    #expect(Fixture.errors(nested(32)).allSatisfy { !$0.contains("levels deep") })
    let start = Date()
    let errors = Fixture.errors(nested(10_000))
    let seconds = Date().timeIntervalSince(start)
    #expect(errors.contains { $0.contains("groups.g32.parent: groups nest 33 levels deep") })
    #expect(seconds < 5, "10,000 nested groups took \(seconds) s (debug build; the floor is 1 s in release)")
  }

  @Test func quotasAboveTheLimitAreErrors() {
    for (q, r) in [("10000000000", "1"), ("9223372036854775000", "9223372036854775000"), ("5", "10000001")] {
      let text = Fixture.base + "[programmes.p]\nname = \"P\"\nlevel = \"local\"\nquota = \(q)\nreserves = \(r)\n"
      #expect(Fixture.errors(text).first?.contains("an integer from 0 to 10,000,000") == true)
    }
  }

  @Test func hugeWeightsThatOverflowTheSumAreAnError() {
    let text = Fixture.base.replacingOccurrences(of: "weight = 0.6", with: "weight = 1e308")
      .replacingOccurrences(of: "weight = 0.4", with: "weight = 1e308") + "[weighting]\nmethod = \"direct\"\nnormalise = true\n"
    #expect(Fixture.errors(text).first?.contains("sum beyond the largest number") == true)
  }
}
