import Criteria
import Model
import Testing

/// All problems are reported at once, in a useful order, up to the cap.
@Suite struct MultipleErrorsTests {
  @Test func independentProblemsAreAllReported() {
    let text = Fixture.base
      .replacingOccurrences(of: "year = 2022", with: "year = 22")
      .replacingOccurrences(of: "type = \"integer\"", with: "type = \"int\"")
      .replacingOccurrences(of: "weight = 0.6", with: "weight = -0.6")
      + "[aggregation]\nmethod = \"vikor\"\nfloor = 0\n[ranking]\nprecision = \"fine\"\n"
    #expect(
      Fixture.errors(text) == [
        "c.toml:25: columns.y.type: unknown column type \"int\"; allowed: uscc, text, category, bool, number, integer",
        "c.toml:3: evaluation.year: expected a year (1900…2200), found 22",
        "c.toml:29: criteria.a.weight: expected a number ≥ 0, found -0.6",
        "c.toml:36: aggregation.floor: expected a number in (0, 1], found 0",
        "c.toml:38: ranking.precision: expected a number ≥ 0, found a string \"fine\"",
      ])
  }

  @Test func theCapBoundsStoredErrorsButCountsAll() {
    var text = Fixture.base
    for i in 0..<1_200 { text += "[criteria.c\(i)]\ncolumn = \"missing\(i)\"\nweight = 0\n" }
    guard case .failure(let f) = CriteriaLoader.parse(text, source: "c.toml") else {
      Issue.record("expected a failure")
      return
    }
    #expect(f.kind == .config)
    #expect(f.diagnostics.diagnostics.count == DiagnosticLog.defaultCap)
    #expect(f.diagnostics.errorCount == 1_200)
    #expect(f.diagnostics.diagnostics.first?.description.hasPrefix("c.toml:35: criteria.c0.column: unknown column \"missing0\"") == true)
  }

  @Test func multiLineExpressionColumns() {
    let text = Fixture.base + "[programmes.p]\nquota = 1\neligible = \"\"\"\n  score >= 60\n  and and x\"\"\"\n"
    #expect(Fixture.errors(text) == ["c.toml:38:7: programmes.p.eligible: expected a value, found 'and'"])
  }

  @Test func escapedStringColumnsCountFileCharacters() {
    let text = Fixture.base + "[programmes.p]\nquota = 1\neligible = \"name == \\\"a\\\" and = 1\"\n"
    // File line: eligible = "name == \"a\" and = 1" — content starts at column 13; each
    // escape is two file characters, so the lone '=' (expression column 17) is at file column 31.
    #expect(Fixture.errors(text) == ["c.toml:36:31: programmes.p.eligible: unexpected '='; use '==' to compare"])
  }

  @Test func wrongTopLevelShapes() {
    #expect(
      Fixture.errors("title = 1\n[evaluation]\nname = \"x\"\n") == [
        "c.toml:1: title: unknown table \"title\"; allowed tables: evaluation, columns, groups, criteria, weighting, aggregation, ranking, stars, programmes, rewards, uncertainty, screening, reviews, documents",
        "c.toml:0: columns: required table [columns] is missing",
        "c.toml:2: evaluation.year: required key is missing",
        "c.toml:2: evaluation.id: required key is missing",
        "c.toml:2: evaluation.label: required key is missing",
        "c.toml:0: criteria: required table [criteria] is missing",
      ])
  }
}
