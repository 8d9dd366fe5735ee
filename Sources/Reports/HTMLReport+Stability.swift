import Model

extension HTMLReport {
  /// Weight-stability intervals as one compact table: a row per group or criterion (its
  /// weight as written in the criteria file), a column per programme (numbered as in
  /// section 3), each cell the interval over which that programme's list stays the same.
  static func stability(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let rows = m.options.stability
    guard !rows.isEmpty else { return }
    let english = m.labels.english
    try sink.write("<section class=\"stability\">\n<h3>\(english ? "Weight stability of the shortlists" : "名单对权重的稳定区间")</h3>\n")
    try sink.write(
      "<p class=\"note\">\(english ? "Each shortlist stays exactly the same while a group's or criterion's weight, as written in the criteria file (its siblings rescaled proportionally), stays inside its interval; the final weight in brackets. * = conservative bound." : "在区间内调整某一维度或指标的权重（即评价标准文件中的权重，同级其余权重按比例缩放），推荐名单保持不变；括号内为最终权重。* 为保守区间。")</p>\n")
    var programmes: [String] = []
    var criteria: [(key: String, isGroup: Bool)] = []
    var cells: [String: WeightStabilityRow] = [:]
    for r in rows {
      if !programmes.contains(r.programme) { programmes.append(r.programme) }
      if !criteria.contains(where: { $0.key == r.criterion && $0.isGroup == r.isGroup }) { criteria.append((r.criterion, r.isGroup)) }
      cells["\(r.isGroup ? "g" : "c"):\(r.criterion)|\(r.programme)"] = r
    }
    let numbers = m.decision.programmes.map(\.key)
    try sink.write("<table class=\"stab\">\n<thead><tr><th>\(m.labels.criterion)</th><th>\(m.labels.weight)</th>")
    for key in programmes {
      let n = (numbers.firstIndex(of: key) ?? 0) + 1
      try sink.write("<th title=\"\(HTML.escape(m.programmeName(key)))\">\(english ? "List \(n)" : "名单\(n)")</th>")
    }
    try sink.write("</tr></thead>\n<tbody>\n")
    func pct(_ x: Double) -> String { formatFixed(x * 100, decimals: 2) + "%" }
    for c in criteria {
      let label = c.isGroup ? (m.spec.group(c.key)?.label ?? c.key) : (m.spec.criteria.first { $0.key == c.key }?.label ?? c.key)
      guard let any = programmes.lazy.compactMap({ cells["\(c.isGroup ? "g" : "c"):\(c.key)|\($0)"] }).first else { continue }
      let final = c.isGroup || any.finalWeight != any.weight ? " (\(pct(any.finalWeight)))" : ""
      try sink.write("<tr\(c.isGroup ? " class=\"group\"" : "")><td>\(HTML.escape(label))</td><td class=\"n\">\(pct(any.weight))\(final)</td>")
      for key in programmes {
        if let r = cells["\(c.isGroup ? "g" : "c"):\(c.key)|\(key)"] {
          try sink.write("<td class=\"n\">\(pct(r.low)) – \(pct(r.high))\(r.exact ? "" : " *")</td>")
        } else {
          try sink.write("<td></td>")
        }
      }
      try sink.write("</tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    let names = programmes.map { key in "\(english ? "List" : "名单")\((numbers.firstIndex(of: key) ?? 0) + 1)：\(m.programmeName(key))" }
    try sink.write("<p class=\"note\">\(HTML.escape(names.joined(separator: english ? "; " : "；")))</p>\n</section>\n")
  }
}
