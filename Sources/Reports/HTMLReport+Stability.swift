import Model
extension HTMLReport {
  /// Weight-stability intervals per programme: a table with an inline SVG bar per
  /// criterion (the interval on 0…1, the nominal weight marked).
  static func stability(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let rows = m.options.stability
    guard !rows.isEmpty else { return }
    let english = m.labels.english
    try sink.write("<section class=\"stability\">\n<h2>\(english ? "Weight stability of the shortlists" : "名单对权重的稳定区间")</h2>\n")
    try sink.write(
      "<p class=\"note\">\(english ? "Each shortlist stays exactly the same while a group's or criterion's weight, as written in the criteria file (its siblings rescaled proportionally), stays inside its interval; the final weight in brackets. * = conservative bound." : "在区间内调整某一维度或指标的权重（即评价标准文件中的权重，同级其余权重按比例缩放），推荐名单保持不变；括号内为最终权重。* 为保守区间。")</p>\n")
    var order: [String] = []
    for r in rows where !order.contains(r.programme) { order.append(r.programme) }
    for key in order {
      try sink.write("<h3>\(HTML.escape(m.programmeName(key)))</h3>\n<table>\n<thead><tr>")
      try sink.write("<th>\(m.labels.criterion)</th><th>\(m.labels.weight)</th><th>\(english ? "Interval" : "稳定区间")</th><th></th></tr></thead>\n<tbody>\n")
      // The bar spans 0 … the largest upper bound of this programme (at least 20%), so narrow intervals stay visible.
      let span = min(1, max(0.2, rows.filter { $0.programme == key }.map(\.high).max() ?? 1))
      for r in rows where r.programme == key {
        let label =
          r.isGroup
          ? (m.spec.group(r.criterion)?.label ?? r.criterion)
          : (m.spec.criteria.first { $0.key == r.criterion }?.label ?? r.criterion)
        let w = 160.0
        let x0 = (r.low / span * w).rounded(), x1 = (min(r.high, span) / span * w).rounded(), xn = (r.weight / span * w).rounded()
        let svg = "<svg width=\"\(Int(w) + 2)\" height=\"12\" role=\"img\"><rect x=\"1\" y=\"5\" width=\"\(Int(w))\" height=\"2\" fill=\"#ddd\"/>"
          + "<rect x=\"\(Int(x0) + 1)\" y=\"2\" width=\"\(max(1, Int(x1 - x0)))\" height=\"8\" fill=\"#9db8d9\"/>"
          + "<rect x=\"\(Int(xn))\" y=\"0\" width=\"2\" height=\"12\" fill=\"#c0392b\"/></svg>"
        let final = r.isGroup || r.finalWeight != r.weight ? " (\(formatFixed(r.finalWeight * 100, decimals: 2))%)" : ""
        try sink.write(
          "<tr\(r.isGroup ? " class=\"group\"" : "")><td>\(HTML.escape(label))</td><td class=\"n\">\(formatFixed(r.weight * 100, decimals: 2))%\(final)</td>")
        try sink.write("<td class=\"n\">\(formatFixed(r.low * 100, decimals: 2))% – \(formatFixed(r.high * 100, decimals: 2))%\(r.exact ? "" : " *")</td><td>\(svg)</td></tr>\n")
      }
      try sink.write("</tbody>\n</table>\n")
    }
    try sink.write("</section>\n")
  }
}
