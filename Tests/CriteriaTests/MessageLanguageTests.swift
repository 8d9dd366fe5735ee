import Criteria
import Model
import Testing

/// The criteria file's recurring message kinds in both languages, at the same position.
@Suite struct CriteriaMessageLanguageTests {
  static func rendered(_ text: String) -> [(zh: String, en: String)] {
    guard case .failure(let f) = CriteriaLoader.parse(text, source: "c.toml") else { return [] }
    return f.diagnostics.diagnostics.map { ($0.rendered(.zh), $0.rendered(.en)) }
  }

  @Test(arguments: [
    (
      Fixture.base.replacingOccurrences(of: "weight = 0.4", with: "weight = 0.5"),
      "c.toml:27: weighting: 根节点 下级的权重之和为 1.1，不是 1（a 0.6 + b 0.5）；请修改权重或设置 normalise = true",
      "c.toml:27: weighting: the weights of the root's children sum to 1.1, not 1 (a 0.6 + b 0.5); fix them or set normalise = true"
    ),
    (
      Fixture.base + "[weighting]\nmethod = \"entropi\"\n",
      "c.toml:35: weighting.method: 未知的赋权方法 \"entropi\"（是否应为 \"entropy\"？）；可选：direct, equal, entropy, critic, std-dev, ahp",
      "c.toml:35: weighting.method: unknown weighting method \"entropi\" (did you mean \"entropy\"?); allowed: direct, equal, entropy, critic, std-dev, ahp"
    ),
    (
      Fixture.base.replacingOccurrences(of: "type = \"integer\"", with: "type = \"integer\"\nrange = 3"),
      "c.toml:26: columns.y.range: 应为[下限, 上限]，且下限 ≤ 上限，实际为 整数 3",
      "c.toml:26: columns.y.range: expected [low, high] with low ≤ high, found an integer 3"
    ),
    (
      Fixture.base.replacingOccurrences(of: "[criteria.b]\ncolumn = \"y\"", with: "[criteria.b]\ncolumn = \"z\""),
      "c.toml:32: criteria.b.column: 未知的列 \"z\"；已声明的列：uscc, name, industry, x, y",
      "c.toml:32: criteria.b.column: unknown column \"z\"; declared columns: uscc, name, industry, x, y"
    ),
    (
      Fixture.base + "[rankng]\n",
      "c.toml:34: rankng: 未知的表 \"rankng\"（是否应为 \"ranking\"？）；可用的表：evaluation, columns, groups, criteria, weighting, aggregation, ranking, stars, programmes, rewards, uncertainty, screening, reviews, documents",
      "c.toml:34: rankng: unknown table \"rankng\" (did you mean \"ranking\"?); allowed tables: evaluation, columns, groups, criteria, weighting, aggregation, ranking, stars, programmes, rewards, uncertainty, screening, reviews, documents"
    ),
  ])
  func bothLanguages(_ text: String, _ zh: String, _ en: String) {
    let r = Self.rendered(text)
    #expect(r.first?.zh == zh)
    #expect(r.first?.en == en)
  }
}
