import Criteria
import Model
import Scoring
import Selection

extension HTMLReport {
  /// 二、评价方法: aggregation, weights as percentages (group and criterion), star levels with
  /// their requirements, and the data handling disclosed (missing values, imputation,
  /// winsorisation, screening).
  static func method(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let spec = m.spec
    let en = L.english
    try sink.write("<section class=\"method\">\n<h2>\(t(m, "二、评价方法", "2. Method"))</h2>\n")
    let scale = "\(formatNumber(spec.evaluation.scale.lowerBound))–\(formatNumber(spec.evaluation.scale.upperBound))"
    try sink.write(
      "<p>\(HTML.escape(t(m, "各项指标经标准化后按权重以“\(L.aggregationName(spec.aggregation.method))”计算综合得分（\(scale) 分），权重采用“\(L.weightingName(spec.weighting.method))”。", "Each criterion is normalised and combined by \(L.aggregationName(spec.aggregation.method)) into a score on \(scale); weights: \(L.weightingName(spec.weighting.method)).")))</p>\n")
    try sink.write("<h3>\(t(m, "（一）指标与权重", "Criteria and weights"))</h3>\n<table>\n<thead><tr><th>\(t(m, "维度", "Group"))</th><th>\(t(m, "指标", "Criterion"))</th>")
    try sink.write("<th>\(t(m, "方向", "Direction"))</th><th>\(t(m, "标准化", "Normalisation"))</th><th>\(t(m, "权重", "Weight"))</th></tr></thead>\n<tbody>\n")
    var groupTotals: [String: Double] = [:]
    for j in spec.criteria.indices { groupTotals[m.criterionPaths[j], default: 0] += j < m.evaluation.weights.count ? m.evaluation.weights[j] : 0 }
    var lastPath: String?
    for (j, c) in spec.criteria.enumerated() {
      let path = m.criterionPaths[j]
      let group = path == lastPath ? "" : (path.isEmpty ? "—" : "\(path) \(OfficialText.percent(groupTotals[path] ?? 0))")
      lastPath = path
      let w = j < m.evaluation.weights.count ? OfficialText.percent(m.evaluation.weights[j]) : ""
      let direction = c.direction == .benefit ? t(m, "越大越好", "higher is better") : t(m, "越小越好", "lower is better")
      try sink.write("<tr><td class=\"nw\">\(HTML.escape(group))</td><td>\(HTML.escape(c.label))</td><td class=\"nw\">\(direction)</td>")
      try sink.write("<td>\(HTML.escape(L.normalisationName(c.normalisation)))</td><td class=\"n\">\(w)</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    try stars(m, sink)
    try dataHandling(m, sink)
    _ = en
    try sink.write("</section>\n")
  }

  /// Star levels: minimum score, requirement (cumulative or not), enterprises at the level.
  private static func stars(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let levels = m.spec.stars.levels
    guard !levels.isEmpty else { return }
    var counts = [Int](repeating: 0, count: 6)
    for row in m.evaluation.order where (0...5).contains(m.evaluation.stars[row]) { counts[m.evaluation.stars[row]] += 1 }
    try sink.write("<div class=\"keep\"><h3>\(t(m, "（二）星级评定", "Star levels"))</h3>\n")
    if m.spec.stars.cumulative {
      try sink.write("<p class=\"note\">\(t(m, "高星级须同时满足低星级的全部条件。", "A level also needs every lower level's requirement."))</p>\n")
    }
    try sink.write("<table>\n<thead><tr><th>\(t(m, "星级", "Level"))</th><th>\(t(m, "最低得分", "Minimum score"))</th>")
    try sink.write("<th>\(t(m, "附加条件", "Requirement"))</th><th>\(t(m, "企业数", "Enterprises"))</th></tr></thead>\n<tbody>\n")
    for level in levels {
      let rule = level.require.map { OfficialText.rule($0, spec: m.spec, english: m.labels.english) } ?? level.requireText ?? "—"
      let n = (0...5).contains(level.stars) ? counts[level.stars] : 0
      try sink.write("<tr><td class=\"nw\">\(HTML.escape(level.label))</td><td class=\"n\">\(m.scoreText(level.minScore))</td>")
      try sink.write("<td>\(HTML.escape(rule))</td><td class=\"n\">\(n)</td></tr>\n")
    }
    try sink.write("</tbody>\n</table></div>\n")
  }

  /// Data handling: each missing-value policy applied and to whom, winsorisation, screening.
  private static func dataHandling(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let en = m.labels.english
    var items: [String] = []
    for u in m.facts.missingUses {
      let c = m.spec.criteria[u.criterion]
      var s = en
        ? "\(c.label): \(u.count) enterprises did not report it; \(OfficialText.policy(u.policy, english: true))"
        : "\(c.label)：\(u.count) 家企业未填报，\(OfficialText.policy(u.policy, english: false))"
      if !u.listedRows.isEmpty {
        let names = u.listedRows.prefix(10).map { m.evaluation.labels[$0] }.joined(separator: en ? ", " : "、")
        let more = u.listedRows.count > 10 ? t(m, "等 \(u.listedRows.count) 家", " and others (\(u.listedRows.count))") : ""
        s += en ? "; among the listed enterprises: \(names)\(more)" : "；推荐名单内涉及：\(names)\(more)"
      }
      items.append(s + (en ? "." : "。"))
    }
    for c in m.spec.criteria {
      guard let q = c.winsorise else { continue }
      let lo = formatTrimmed(q.lowerBound * 100, decimals: 2), hi = formatTrimmed(q.upperBound * 100, decimals: 2)
      let zh =
        q.lowerBound <= 0
        ? "高于第 \(hi) 百分位的极端值按该百分位计" : q.upperBound >= 1 ? "低于第 \(lo) 百分位的极端值按该百分位计" : "低于第 \(lo) 百分位或高于第 \(hi) 百分位的极端值按相应百分位计"
      let enText =
        q.lowerBound <= 0
        ? "values above the \(hi)th percentile" : q.upperBound >= 1 ? "values below the \(lo)th percentile" : "values beyond the \(lo)th and \(hi)th percentiles"
      items.append(en ? "\(c.label): \(enText) are set to that percentile (winsorised)." : "\(c.label)：\(zh)（缩尾处理）。")
    }
    let screened = m.evaluation.screening
    if !screened.isEmpty {
      var byReason: [String: Int] = [:]
      var order: [String] = []
      for row in screened.rows {
        for r in screened.reasons(of: row) {
          if byReason[r.reason] == nil { order.append(r.reason) }
          byReason[r.reason, default: 0] += 1
        }
      }
      let list = order.map { en ? "\($0) (\(byReason[$0] ?? 0))" : "\($0)（\(byReason[$0] ?? 0) 家）" }.joined(separator: en ? "; " : "；")
      items.append(en ? "Screened out before scoring: \(list)." : "一票否决（不参与评分）：\(list)。")
    }
    let unranked = m.evaluation.unranked.filter { screened.reasons(of: $0.row).isEmpty }
    if !unranked.isEmpty {
      items.append(t(m, "\(unranked.count) 家企业因关键数据缺失未参与排名。", "\(unranked.count) enterprises were not ranked for missing data."))
    }
    guard !items.isEmpty else { return }
    try sink.write("<div class=\"keep\"><h3>\(t(m, "（三）数据处理", "Data handling"))</h3>\n<ol class=\"plain\">\n")
    for s in items { try sink.write("<li>\(HTML.escape(s))</li>\n") }
    try sink.write("</ol></div>\n")
  }
}
