import Criteria
import Model
import Scoring
import Selection

extension HTMLReport {
  /// 附录: the analysts' material — star and score distributions, committee decisions,
  /// weight stability, weight derivation and the run record. Full rankings are in
  /// ranking.csv and the workbook, not here.
  static func appendix(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let ev = m.evaluation
    try sink.write("<section class=\"appendix\">\n<h2>\(t(m, "附录：分析材料", "Appendix: analysis"))</h2>\n")
    try sink.write("<p class=\"note\">\(t(m, "完整排名与各项指标值见 ranking.csv 和 recommendations.xlsx 的“排名”表。", "The full ranking and every criterion value: ranking.csv and the workbook's Ranking sheet."))</p>\n")
    try sink.write("<div class=\"charts keep\">\n")
    var stars = [Int](repeating: 0, count: 6)
    var scores: [Double] = []
    scores.reserveCapacity(ev.order.count)
    for row in ev.order {
      if (0...5).contains(ev.stars[row]) { stars[ev.stars[row]] += 1 }
      scores.append(ev.score[row])
    }
    let starBars = (0...5).map { (label: L.english ? "\($0)★" : "\($0)星", value: stars[$0]) }
    try sink.write("<figure><figcaption>\(L.starsHistogram)</figcaption>\(HTMLCharts.columns(starBars, title: L.starsHistogram, width: 260, height: 150))</figure>\n")
    let scale = m.spec.evaluation.scale
    let bins = 20
    let counts = HTMLCharts.histogram(scores, range: scale, bins: bins)
    let step = (scale.upperBound - scale.lowerBound) / Double(bins)
    let scoreBars = counts.enumerated().map { (label: formatNumber(scale.lowerBound + step * Double($0.offset)), value: $0.element) }
    try sink.write("<figure><figcaption>\(L.scoreHistogram)</figcaption>\(HTMLCharts.columns(scoreBars, title: L.scoreHistogram, width: 380, height: 150))</figure>\n")
    try sink.write("</div>\n")
    try committee(m, sink)
    try stability(m, sink)
    try runRecord(m, sink)
    try sink.write("</section>\n")
  }

  /// The committee decisions applied (who, when, why).
  private static func committee(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let decisions = m.decision.committee.decisions
    guard !decisions.isEmpty else { return }
    try sink.write("<h3>\(t(m, "评审委员会决定", "Committee decisions"))</h3>\n<table>\n<thead><tr><th>\(t(m, "企业名称", "Name"))</th>")
    try sink.write("<th>\(t(m, "项目", "Programme"))</th><th>\(t(m, "决定", "Action"))</th><th>\(t(m, "理由", "Reason"))</th><th>\(t(m, "决定人 / 日期", "By / date"))</th></tr></thead>\n<tbody>\n")
    for a in decisions {
      let d = a.decision
      let action: String
      switch d.action {
      case .add: action = t(m, "增补", "add")
      case .veto: action = t(m, "否决", "veto")
      case .withdraw: action = t(m, "撤回", "withdraw")
      }
      let programme = a.programme.map { m.programmeName(m.decision.programmes[$0].key) } ?? t(m, "全部项目", "all")
      try sink.write("<tr><td>\(HTML.escape(m.evaluation.labels[a.row]))</td><td>\(HTML.escape(programme))</td><td class=\"nw\">\(action)</td>")
      try sink.write("<td>\(HTML.escape(d.reason))</td><td>\(HTML.escape([d.decidedBy, d.date].filter { !$0.isEmpty }.joined(separator: " ")))</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
  }

  /// Weight derivation (AHP consistency, data-driven weights) and the run record.
  private static func runRecord(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    if m.evaluation.weightReport.nodes.contains(where: { $0.method != .direct }) {
      try sink.write("<h3>\(L.weightDerivation)</h3>\n<table>\n<tbody>\n")
      for node in m.evaluation.weightReport.nodes {
        let name = node.key.isEmpty ? t(m, "（根）", "(root)") : m.groupLabel(node.key)
        var local = zip(node.children, node.localWeights).map { child, w in
          "\(m.spec.criteria.first { $0.key == child }?.label ?? m.groupLabel(child)) \(OfficialText.percent(w))"
        }.joined(separator: "；")
        if let a = node.ahp {
          local += "；λmax = \(formatFixed(a.lambdaMax, decimals: 4))，CI = \(formatFixed(a.ci, decimals: 4))，"
          local += "CR = \(formatFixed(a.cr, decimals: 4))，RI = \(formatFixed(a.ri, decimals: 2))"
        }
        try sink.write("<tr><th>\(HTML.escape(name))</th><td>\(HTML.escape(L.weightingName(node.method)))</td><td>\(HTML.escape(local))</td></tr>\n")
      }
      try sink.write("</tbody>\n</table>\n")
    }
    let mf = m.manifest
    try sink.write("<div class=\"keep\"><h3>\(L.manifest)</h3>\n<table class=\"kv\">\n")
    var pairs: [(String, String)] = [
      (L.version, mf.version), (L.metricsFile, mf.metricsFile), (L.sha256, mf.metricsSHA256), (L.criteriaFile, mf.criteriaFile),
      (L.sha256, mf.criteriaSHA256), (L.seed, mf.seed.map { String($0) } ?? L.none), (L.rows, String(mf.rows)),
      (L.time, OfficialText.dateTime(mf.time, english: L.english)),
    ]
    let roles = [
      "history": "历史推荐记录", "screen": "一票否决名单", "reviews": "专家评审", "recusals": "回避声明", "decisions": "评审委员会决定",
    ]
    for i in mf.inputs.dropFirst(2) { pairs.append((L.english ? i.role : roles[i.role] ?? i.role, "\(i.file) · \(i.sha256)")) }
    for (k, v) in pairs { try sink.write("<tr><th>\(HTML.escape(k))</th><td><code>\(HTML.escape(v))</code></td></tr>\n") }
    try sink.write("</table></div>\n")
  }
}
