import Criteria
import Testing

/// Load-time checks of expressions: names, scopes and obvious type errors.
@Suite struct ExpressionCheckTests {
  static let columns = """
    [columns.flag]
    header = "flag"
    type = "bool"

    """

  /// `Fixture.base` + a bool column `flag` (lines 34–37) + a programme whose `eligible` is on line 39.
  func errors(_ expr: String, extraProgramme: String = "") -> [String] {
    Fixture.errors(Fixture.base + Self.columns + extraProgramme + "[programmes.p]\nquota = 1\neligible = '\(expr)'\n")
  }

  @Test func validExpressionsLoad() {
    for e in [
      "flag", "not flag and score >= 60", "flag == true", "industry in [\"a\", \"b\"]", "name != \"x\"",
      "criterion.a > 50 or (criterion.b < 10)", "rank <= 10 and stars >= 4 and raw > 0.1", "uscc == \"91330201MA2AAAAAA1\"",
    ] {
      #expect(errors(e) == [], "\(e)")
    }
  }

  @Test(arguments: [
    ("flag == \"yes\"", "flag == \"yes\" compares bool column flag with the string \"yes\""),
    ("flag > false", "flag > false orders conditions; use == or !="),
    ("x == \"3\"", "x == \"3\" compares number column x with the string \"3\""),
    ("industry in [1, \"a\"]", "industry in [1, \"a\"] compares category column industry with the number 1"),
    ("[1] == x", "[1] == x: a list can only follow 'in'"),
    ("score and flag", "score is a number, not a condition; compare it (e.g. score >= 60) or combine conditions"),
    ("not industry", "industry is a string, not a condition; compare it (e.g. industry >= 60) or combine conditions"),
  ])
  func typeErrors(expr: String, message: String) {
    #expect(errors(expr) == ["c.toml:39: programmes.p.eligible: \(message)"])
  }

  @Test func unknownNamesPointAtTheirColumn() {
    // eligible = 'flag and group.efect > 1 and criterion.b > 2 and industy == "a"'
    //            ^ column 13
    #expect(
      errors("flag and group.efect > 1 and criterion.b > 2 and industy == \"a\"") == [
        "c.toml:39:22: programmes.p.eligible: unknown name \"group.efect\"",
        "c.toml:39:62: programmes.p.eligible: unknown name \"industy\" (did you mean \"industry\"?)",
      ])
  }

  @Test func earlierProgrammesAreInScope() {
    let earlier = "[programmes.first]\nquota = 2\n"
    #expect(errors("selected.first and not eligible.first", extraProgramme: earlier) == [])
    #expect(
      errors("selected.p", extraProgramme: earlier) == [
        "c.toml:41:13: programmes.p.eligible: \"selected.p\" names programme \"p\", which is not declared before this one; selected.P and eligible.P may name only earlier programmes"
      ])
  }

  @Test func starRequirementsCannotUseStarsRankOrProgrammes() {
    let text = Fixture.base + "[[stars.level]]\nstars = 4\nmin_score = 80\nrequire = \"stars >= 3 or selected.p\"\n[programmes.p]\nquota = 1\n"
    #expect(
      Fixture.errors(text) == [
        "c.toml:37:12: stars.level[0].require: \"stars\" cannot be used in a star requirement (stars are awarded before ranks and programmes)",
        "c.toml:37:26: stars.level[0].require: \"selected.p\" cannot be used in a star requirement (stars are awarded before programmes)",
      ])
  }

  @Test func keyLinesInInlineTablesAndDottedKeys() {
    let text = Fixture.base + "[programmes.p]\nquota = 1\ncaps = { industry = 1, x = -2 }\nrewards.stars.\"7\" = 1\n"
    // `rewards.stars."7"` under [programmes.p] is programmes.p.rewards: an unknown key there.
    let errors = Fixture.errors(text)
    #expect(errors.first == "c.toml:37: programmes.p.rewards: unknown key \"rewards\" (did you mean \"reward\"?); allowed keys: name, level, quota, reserves, eligible, from, from_mode, caps, pilot_industries, industry_column, pilot_priority, history_years, history_names, reward, valid_years, review_min_stars, review_rank")
    #expect(errors.last == "c.toml:36: programmes.p.caps.x: expected an integer ≥ 0, found -2")
    // Dotted keys before the first table header belong to the root.
    let dotted = "aggregation.method = \"vikor\"\naggregation.v = 2\n" + Fixture.base
    #expect(Fixture.errors(dotted) == ["c.toml:2: aggregation.v: expected a number in [0, 1], found 2"])
  }
}
