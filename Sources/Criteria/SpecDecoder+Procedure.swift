import Model

extension ExprScope {
  /// Columns only: what a screening rule may read (it runs before scoring, so `score`,
  /// `rank`, `stars`, groups, criteria and programmes do not exist yet).
  init(columnsOnly columns: [ColumnSpec]) {
    for r in columns.map({ Ref.column($0.key) }) { add(r, criteria: [], programmes: [], columns: columns) }
    for n in Ref.reservedWords {
      forbidden[n] = Message(
        zh: "不能用于筛查规则（筛查在评分之前进行）；规则只能读取列",
        en: "cannot be used in a screening rule (screening comes before scoring); a rule reads columns only")
    }
  }
}

extension SpecDecoder {
  static let screeningKeys = ["rule", "min_coverage", "coverage_reason"]
  static let screeningRuleKeys = ["name", "when", "reason"]
  static let reviewKeys = ["column", "label", "aggregate", "min_reviewers", "range", "outlier_sd", "missing"]

  /// `[screening]` and `[[screening.rule]]` (docs/criteria.md, "[screening]").
  mutating func decodeScreening(_ node: TOMLNode?, scope: ExprScope) -> ScreeningSpec {
    let path = "screening"
    guard let t = table(node, path, allowed: Self.screeningKeys) else { return ScreeningSpec() }
    var spec = ScreeningSpec()
    if let c = number(t, "min_coverage", path, expected: "a share in (0, 1]", valid: { $0 > 0 && $0 <= 1 }) {
      spec.minCoverage = c
      spec.coverageLine = index.line(path + ".min_coverage")
    }
    if let r = string(t, "coverage_reason", path) { spec.coverageReason = r }
    guard let ruleNode = t["rule"] else { return spec }
    guard case .array(let items) = ruleNode else {
      typeError(path + ".rule", expected: "an array of tables ([[screening.rule]])", ruleNode)
      return spec
    }
    var names: [String: String] = [:]
    for (i, item) in items.enumerated() {
      let p = "\(path).rule[\(i)]"
      guard let rt = table(item, p, allowed: Self.screeningRuleKeys) else { continue }
      let name = string(rt, "name", p, required: true)
      let reason = string(rt, "reason", p, required: true)
      let when = expression(rt, "when", p, scope: scope)
      if rt["when"] == nil { missing(p, "when") }
      if let name {
        if let other = names[name] { error(p + ".name", Message(zh: "规则 \"\(name)\" 已在 \(other) 定义", en: "rule \"\(name)\" is already defined at \(other)")) }
        names[name] = p
      }
      if let reason, reason.trimmingWhitespace().isEmpty { error(p + ".reason", Message(zh: "应为正式的理由文字，实际为空 \"\"", en: "expected the official reason text, found \"\"")) }
      guard let name, let reason, let when else { continue }
      var columns: [String] = []
      for n in when.0.names where !columns.contains(n) { columns.append(n) }
      spec.rules.append(
        ScreeningSpec.Rule(name: name, when: when.0, whenText: when.1, reason: reason, line: index.line(p + ".when"), columns: columns))
    }
    return spec
  }

  /// `[reviews]`; adds the numeric column the aggregated review score becomes to `columns`
  /// (not read from the metrics file), so criteria and rules can read it.
  mutating func decodeReviews(_ node: TOMLNode?, columns: inout [ColumnSpec]) -> ReviewSpec? {
    let path = "reviews"
    guard let t = table(node, path, allowed: Self.reviewKeys) else { return nil }
    var spec = ReviewSpec()
    if let c = string(t, "column", path) { spec.column = c }
    if let a = choice(t, "aggregate", path, noun: "review aggregation", as: ReviewSpec.Aggregate.self) { spec.aggregate = a }
    if let m = integer(t, "min_reviewers", path, expected: "an integer ≥ 1", valid: { $0 >= 1 }) { spec.minReviewers = m }
    if let r = pair(t, "range", path) { spec.range = r }
    if let s = number(t, "outlier_sd", path, expected: "a number > 0", valid: { $0 > 0 }) { spec.outlierSD = s }
    let missing = choice(t, "missing", path, noun: "missing-value policy", as: MissingPolicy.self) ?? .exclude
    if spec.aggregate == .trimmedMean, spec.minReviewers < 3 {
      error(path + ".min_reviewers", Message(zh: "去掉一个最高分和一个最低分的平均至少需要 3 名评审；此处为 \(spec.minReviewers)", en: "a trimmed mean drops one highest and one lowest score, so it needs at least 3 reviewers; found \(spec.minReviewers)"))
    }
    if Self.reservedNames.contains(spec.column) {
      error(path + ".column", Message(zh: "列键 \"\(spec.column)\" 是表达式中的保留字；请换一个键", en: "column key \"\(spec.column)\" is reserved in expressions; choose another key"))
    } else if columns.contains(where: { $0.key == spec.column }) {
      error(path + ".column", Message(zh: "列 \"\(spec.column)\" 已在 [columns] 中声明；评审得分需要单独一列", en: "column \"\(spec.column)\" is already declared in [columns]; the review score needs a column of its own"))
    } else {
      let label = string(t, "label", path) ?? "专家评审得分"
      columns.append(
        ColumnSpec(
          key: spec.column, headers: [label, spec.column], type: .number, range: spec.range, missing: missing, required: false,
          label: label, unit: nil))
    }
    return spec
  }
}
