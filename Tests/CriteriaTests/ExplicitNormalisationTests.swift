import Criteria
import Testing

@Suite struct ExplicitNormalisationTests {
  static let text = """
    [evaluation]
    name = "t"
    year = 2022
    id = "uscc"
    label = "name"

    [columns.uscc]
    header = "统一社会信用代码"
    type = "uscc"

    [columns.name]
    header = "企业名称"
    type = "text"

    [columns.a]
    header = "a"
    type = "number"

    [columns.b]
    header = "b"
    type = "number"

    [criteria.a]
    column = "a"
    weight = 0.5

    [criteria.b]
    column = "b"
    weight = 0.5
    normalise = "min-max"

    [aggregation]
    method = "topsis"
    """

  @Test func writtenNormalisationIsMarkedExplicit() throws {
    let spec = try CriteriaLoader.parse(Self.text, source: "t.toml").get()
    #expect(spec.criteria.map(\.explicitNormalisation) == [false, true])
    #expect(spec.criteria.map(\.normalisation) == [.minMax, .minMax])
  }
}
