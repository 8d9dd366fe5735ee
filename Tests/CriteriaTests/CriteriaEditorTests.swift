import Criteria
import Testing

/// `CriteriaEditor`: changes written into the file's text in place, the rest untouched.
@Suite struct CriteriaEditorTests {
  static func apply(_ text: String, _ sets: [String]) throws -> Result<String, StageFailureBox> {
    let overrides = try sets.map { try Override.parse($0) }
    return CriteriaEditor.apply(Array(text.utf8), source: "c.toml", overrides: overrides).mapError { StageFailureBox(messages: $0.diagnostics.diagnostics.map(\.message)) }
  }

  struct StageFailureBox: Error { var messages: [String] }

  @Test func aValueOnItsOwnLineIsReplacedKeepingSpacingAndComment() throws {
    let text = Fixture.base.replacing("weight = 0.6\n", with: "  weight   =  0.6   # 六成 / sixty\n")
    let edited = try Self.apply(text, ["criteria.a.weight=0.3", "criteria.b.weight=0.7"]).get()
    #expect(edited == text.replacing("  weight   =  0.6   # 六成 / sixty\n", with: "  weight   =  0.3   # 六成 / sixty\n")
      .replacing("weight = 0.4\n", with: "weight = 0.7\n"))
  }

  @Test func aStringIsQuotedAndAMissingKeyGoesUnderItsTableOrANewTable() throws {
    let text = Fixture.base + "\n[weighting]\nmethod = \"direct\" # as written\n"
    let edited = try Self.apply(text, ["weighting.method=equal", "weighting.normalise=true", "aggregation.method=topsis"]).get()
    #expect(edited == Fixture.base + "\n[weighting]\nnormalise = true\nmethod = \"equal\" # as written\n\n[aggregation]\nmethod = \"topsis\"\n")
  }

  @Test func aValueItCannotWriteInPlaceIsAnErrorNamingIt() throws {
    let text = Fixture.base.replacing("[criteria.a]\n", with: "[criteria.a]\nwinsorise = [0.01,\n  0.99]\n")
    let result = try Self.apply(text, ["criteria.a.winsorise=[0.05, 0.95]"])
    guard case .failure(let f) = result else {
      Issue.record("an array spanning lines was rewritten")
      return
    }
    #expect(f.messages.contains { $0.contains("criteria.a.winsorise") && $0.contains("by hand") }, "\(f.messages)")
  }
}
