import Model

extension SpecDecoder {
  static let documentsKeys = ["issuer", "title", "notice_days", "objection", "contact", "key_metrics", "metrics"]

  /// `[documents]` (docs/criteria.md): issuing body, title, public notice, objection procedure,
  /// and the key metrics each programme's 推荐汇总表 shows (`metrics.PROGRAMME = [criterion keys]`).
  mutating func decodeDocuments(_ node: TOMLNode?, criteria: [CriterionSpec], programmes: [ProgrammeSpec]) -> DocumentsSpec {
    let path = "documents"
    guard let t = table(node, path, allowed: Self.documentsKeys) else { return DocumentsSpec() }
    var spec = DocumentsSpec()
    if let s = string(t, "issuer", path) { spec.issuer = s.trimmingWhitespace() }
    if let s = string(t, "title", path) {
      if s.trimmingWhitespace().isEmpty { error(path + ".title", Message(zh: "应为报告标题，实际为 \"\"", en: "expected the report's title, found \"\"")) } else { spec.title = s }
    }
    if let n = integer(t, "notice_days", path, expected: "an integer from 1 to 60", valid: { (1...60).contains($0) }) { spec.noticeDays = n }
    if let s = string(t, "objection", path) {
      if s.trimmingWhitespace().isEmpty { error(path + ".objection", Message(zh: "应为提出异议的方式，实际为 \"\"", en: "expected how objections are made, found \"\"")) } else { spec.objection = s }
    }
    if let s = string(t, "contact", path) { spec.contact = s }
    if let n = integer(t, "key_metrics", path, expected: "an integer from 0 to 8", valid: { (0...8).contains($0) }) { spec.keyMetricCount = n }
    if let m = anyTable(t["metrics"], path + ".metrics") {
      let programmeKeys = programmes.map(\.key)
      let criterionKeys = criteria.map(\.key)
      for key in ordered(m, path + ".metrics") {
        let p = path + ".metrics." + key
        guard programmeKeys.contains(key) else {
          unknownKey(p, "programme", key, programmeKeys)
          continue
        }
        guard let list = strings(m, key, path + ".metrics") else { continue }
        for (i, k) in list.enumerated() where !criterionKeys.contains(k) { unknownKey("\(p)[\(i)]", "criterion", k, criterionKeys) }
        if list.count > 8 { error(p, Message(zh: "最多 8 个指标，实际为 \(list.count) 个", en: "expected at most 8 criteria, found \(list.count)")) }
        spec.metrics[key] = list
      }
    }
    return spec
  }
}
