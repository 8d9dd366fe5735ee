import Criteria
import Testing

/// `[documents]` (docs/criteria.md): optional keys with defaults, every problem reported.
@Suite struct DocumentsKeyTests {
  static let programme = """
    [programmes.city]
    name = "市级标杆"
    quota = 2

    """

  @Test func defaultsWhenAbsent() throws {
    let spec = try #require(Fixture.spec(Fixture.base))
    #expect(spec.documents.issuer == "" && spec.documents.title == nil)
    #expect(spec.documents.noticeDays == 5 && spec.documents.keyMetricCount == 3)
    #expect(spec.documents.objection.contains("书面") && spec.documents.objection.contains("实名"))
  }

  @Test func keysAreRead() throws {
    let text = Fixture.base + Self.programme + """
      [documents]
      issuer = "余姚市经济和信息化局"
      title = "推荐结果报告"
      notice_days = 7
      objection = "书面实名"
      contact = "电话 1"
      key_metrics = 1
      metrics = { city = ["b"] }

      """
    let spec = try #require(Fixture.spec(text))
    let d = spec.documents
    #expect(d.issuer == "余姚市经济和信息化局" && d.title == "推荐结果报告" && d.noticeDays == 7)
    #expect(d.objection == "书面实名" && d.contact == "电话 1" && d.keyMetricCount == 1 && d.metrics == ["city": ["b"]])
  }

  @Test func everyProblemIsReported() {
    let text = Fixture.base + Self.programme + """
      [documents]
      notice_days = 0
      titel = "x"
      key_metrics = 9
      metrics = { city = ["nope"], town = ["a"] }

      """
    let e = Fixture.errors(text)
    #expect(e.contains { $0.contains("documents.notice_days: expected an integer from 1 to 60, found 0") })
    #expect(e.contains { $0.contains("documents.titel: unknown key \"titel\"") && $0.contains("did you mean") || $0.contains("documents.titel: unknown key") })
    #expect(e.contains { $0.contains("documents.key_metrics: expected an integer from 0 to 8, found 9") })
    #expect(e.contains { $0.contains("documents.metrics.city[0]: unknown criterion \"nope\"") })
    #expect(e.contains { $0.contains("documents.metrics.town: unknown programme \"town\"") })
  }
}
