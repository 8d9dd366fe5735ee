import Criteria
import Model
import Procedure
import Scoring
import Selection

/// Writes `report.html`: one self-contained page (inline CSS and SVG, no scripts,
/// nothing fetched) for reading and for printing on A4, one programme per page.
enum HTMLReport {
  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path)
    let L = m.labels
    let title = m.spec.evaluation.name
    try sink.write("<!DOCTYPE html>\n<html lang=\"\(L.english ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n")
    try sink.write("<title>\(HTML.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n")
    try sink.write("<header><h1>\(HTML.escape(title))</h1>\n<p class=\"sub\">\(L.year) \(m.spec.evaluation.year) · ")
    try sink.write("\(HTML.escape(L.aggregationName(m.spec.aggregation.method))) · Exemplar \(HTML.escape(m.manifest.version)) · \(m.manifest.timeISO8601)</p></header>\n")
    try summary(m, sink)
    try weights(m, sink)
    for p in m.decision.programmes.indices { try programme(m, p, sink) }
    try rewards(m, sink)
    try stability(m, sink)
    try method(m, sink)
    try sink.write("</body>\n</html>\n")
    try sink.close()
  }

  static let css = """
    @page { size: A4; margin: 14mm 12mm; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
      font-size: 10.5pt; color: #222; max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
    h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; border-bottom: 2px solid #3b6ea8; padding-bottom: 1mm; margin-top: 8mm; }
    h3 { font-size: 11pt; margin: 4mm 0 2mm; } .sub { color: #555; margin: 0 0 4mm; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 9pt; }
    th, td { border: 1px solid #c8ced6; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
    th { background: #dde5f0; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
    tr.selected td { background: #eef6ea; } section.programme td:first-child { white-space: nowrap; } tr.reserve td { background: #fdf6e3; }
    .charts { display: flex; flex-wrap: wrap; gap: 6mm; } figure { margin: 0; } figcaption { font-weight: bold; font-size: 9.5pt; }
    .note { color: #555; font-style: italic; } .kv th { width: 30%; } code { font-size: 8.5pt; word-break: break-all; }
    thead { display: table-header-group; } tr { break-inside: avoid; }
    @media print { body { padding: 0; max-width: none; } section.programme, section.method { break-before: page; } }

    """

  private static func summary(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let ev = m.evaluation
    try sink.write("<section class=\"summary\">\n<h2>\(L.summary)</h2>\n<table class=\"kv\">\n")
    try sink.write("<tr><th>\(L.ranked)</th><td class=\"n\">\(ev.order.count)</td></tr>\n")
    try sink.write("<tr><th>\(L.notRanked)</th><td class=\"n\">\(ev.unranked.count)</td></tr>\n")
    for p in m.decision.programmes {
      try sink.write("<tr><th>\(HTML.escape(m.programmeName(p.key)))</th><td class=\"n\">\(L.selected) \(p.selected.count) · \(L.reserve) \(p.reserve.count)</td></tr>\n")
    }
    try sink.write("</table>\n")
    if !m.options.policyWarnings.isEmpty {
      // Money and policy warnings, where the officials reading the report see them.
      try sink.write("<div class=\"policy-warnings\"><h3>\(L.english ? "Policy warnings" : "政策提示")</h3>\n<ul>\n")
      for d in m.options.policyWarnings {
        let text = d.text.text(L.english ? .en : .zh)
        try sink.write("<li>\(HTML.escape(text)) <span class=\"sub\">(\(HTML.escape(d.file)):\(d.line) \(HTML.escape(d.keyPath ?? "")))</span></li>\n")
      }
      try sink.write("</ul></div>\n")
    }
    try sink.write("<div class=\"charts\">\n")
    var stars = [Int](repeating: 0, count: 6)
    var scores: [Double] = []
    scores.reserveCapacity(ev.order.count)
    for row in ev.order {
      if (0...5).contains(ev.stars[row]) { stars[ev.stars[row]] += 1 }
      scores.append(ev.score[row])
    }
    let starBars = (0...5).map { (label: L.english ? "\($0)★" : "\($0)星", value: stars[$0]) }
    try sink.write("<figure><figcaption>\(L.starsHistogram)</figcaption>\(HTMLCharts.columns(starBars, title: L.starsHistogram))</figure>\n")
    let scale = m.spec.evaluation.scale
    let bins = 20
    let counts = HTMLCharts.histogram(scores, range: scale, bins: bins)
    let step = (scale.upperBound - scale.lowerBound) / Double(bins)
    let scoreBars = counts.enumerated().map { (label: formatNumber(scale.lowerBound + step * Double($0.offset)), value: $0.element) }
    try sink.write("<figure><figcaption>\(L.scoreHistogram)</figcaption>\(HTMLCharts.columns(scoreBars, title: L.scoreHistogram, width: 380))</figure>\n")
    try sink.write("</div>\n</section>\n")
  }

  private static func weights(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    var order: [String] = []
    var items: [String: [(label: String, value: Double)]] = [:]
    for (j, c) in m.spec.criteria.enumerated() {
      let path = m.criterionPaths[j]
      if items[path] == nil { order.append(path) }
      items[path, default: []].append((c.label, j < m.evaluation.weights.count ? m.evaluation.weights[j] : 0))
    }
    let groups = order.map { (heading: $0, items: items[$0] ?? []) }
    try sink.write("<section class=\"weights\">\n<h2>\(m.labels.weights)</h2>\n")
    try sink.write(HTMLCharts.weights(groups, title: m.labels.weights))
    try sink.write("\n</section>\n")
  }

  private static func programme(_ m: ReportModel, _ p: Int, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let d = m.decision.programmes[p]
    let spec = m.spec.programmes.first { $0.key == d.key }
    try sink.write("<section class=\"programme\">\n<h2>\(HTML.escape(m.programmeName(d.key)))</h2>\n<p class=\"sub\">")
    if let spec {
      try sink.write("\(L.levelName(spec.level)) · \(L.quota) \(spec.quota) · \(L.reserves) \(spec.reserves)")
      // The rule as its reader writes it: official names and ≥ ≤ ≠ in Chinese, criteria keys in English.
      let rule = spec.eligible.map { OfficialNames.shown($0, spec: m.spec, english: L.english) } ?? spec.eligibleText
      if let rule { try sink.write(" · <code>\(HTML.escape(rule))</code>") }
    }
    try sink.write("</p>\n<table>\n<thead><tr><th>\(L.status)</th><th>\(L.position)</th><th>\(L.rank)</th>")
    try sink.write("<th>\(HTML.escape(CSVReports.idHeader(m)))</th><th>\(HTML.escape(CSVReports.nameHeader(m)))</th>")
    try sink.write("<th>\(L.score)</th><th>\(L.stars)</th><th>\(L.reason)</th></tr></thead>\n<tbody>\n")
    var shown = 0
    let limit = max(0, m.options.htmlTopRows)
    func line(_ row: Int, _ status: ShortlistStatus, _ position: Int, _ reason: String) throws(ReportError) {
      guard shown < limit else { return }
      shown += 1
      let ev = m.evaluation
      let cls = status == .selected ? "selected" : status == .reserve ? "reserve" : "excluded"
      var s = "<tr class=\"\(cls)\"><td>\(L.statusName(status))</td><td class=\"n\">\(position)</td>"
      s += "<td class=\"n\">\(ev.rank[row] > 0 ? String(ev.rank[row]) : "")</td><td>\(HTML.escape(ev.ids[row]))</td>"
      s += "<td>\(HTML.escape(ev.labels[row]))</td><td class=\"n\">\(ev.rank[row] > 0 ? m.scoreText(ev.score[row]) : "")</td>"
      s += "<td class=\"n\">\(ev.rank[row] > 0 ? String(ev.stars[row]) : "")</td><td>\(HTML.escape(reason))</td></tr>\n"
      try sink.write(s)
    }
    // An enterprise the committee added says so, with the committee's reason.
    var added: [Int: String] = [:]
    for a in m.decision.committee.decisions where a.programme == p && a.decision.action == .add {
      added[a.row] = (L.english ? "added by the committee: " : "评审委员会增补：") + a.decision.reason
    }
    for (i, r) in d.selected.enumerated() { try line(r, .selected, i + 1, added[r] ?? "") }
    for (i, r) in d.reserve.enumerated() { try line(r, .reserve, i + 1, "") }
    for (i, e) in d.excluded.enumerated() {
      guard shown < limit else { break }
      try line(e.row, .excluded, i + 1, e.reason.text(english: L.english))
    }
    try sink.write("</tbody>\n</table>\n")
    let total = d.selected.count + d.reserve.count + d.excluded.count
    if total > shown { try sink.write("<p class=\"note\">\(HTML.escape(L.more(total - shown)))</p>\n") }
    try sink.write("</section>\n")
  }
}
