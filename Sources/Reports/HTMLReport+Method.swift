import Criteria
import Model
import Scoring
import Selection

extension HTMLReport {
  /// Totals, budget, and the largest awards (up to `htmlTopRows`).
  static func rewards(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let r = m.decision.rewards
    func money(_ x: Double?) -> String { x.map { ReportModel.money($0) } ?? L.unlimited }
    try sink.write("<section class=\"rewards\">\n<h2>\(L.rewards)</h2>\n<table class=\"kv\">\n")
    try sink.write("<tr><th>\(L.entitled)</th><td class=\"n\">\(money(r.totalEntitled))</td></tr>\n")
    try sink.write("<tr><th>\(L.granted)</th><td class=\"n\">\(money(r.totalGranted))</td></tr>\n")
    try sink.write("<tr><th>\(L.budget)</th><td class=\"n\">\(money(r.budget))</td></tr>\n")
    try sink.write("<tr><th>\(L.remaining)</th><td class=\"n\">\(money(r.remaining))</td></tr>\n</table>\n")
    if !r.awards.isEmpty {
      try sink.write("<table>\n<thead><tr><th>\(L.rank)</th><th>\(HTML.escape(CSVReports.idHeader(m)))</th>")
      try sink.write("<th>\(HTML.escape(CSVReports.nameHeader(m)))</th><th>\(L.award)</th><th>\(L.entitled)</th><th>\(L.granted)</th></tr></thead>\n<tbody>\n")
      let limit = max(0, m.options.htmlTopRows)
      for a in r.awards.prefix(limit) {
        let rank = m.evaluation.rank[a.row]
        try sink.write("<tr><td class=\"n\">\(rank > 0 ? String(rank) : "")</td><td>\(HTML.escape(m.evaluation.ids[a.row]))</td>")
        try sink.write("<td>\(HTML.escape(m.evaluation.labels[a.row]))</td><td>\(HTML.escape(m.awardSourceName(a.source)))</td>")
        try sink.write("<td class=\"n\">\(money(a.entitled))</td><td class=\"n\">\(money(a.granted))</td></tr>\n")
      }
      try sink.write("</tbody>\n</table>\n")
      if r.awards.count > limit { try sink.write("<p class=\"note\">\(HTML.escape(L.more(r.awards.count - limit)))</p>\n") }
    }
    try sink.write("</section>\n")
  }

  /// Aggregation, each criterion's normalisation and weight, weight derivation and the manifest.
  static func method(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let L = m.labels
    let spec = m.spec
    try sink.write("<section class=\"method\">\n<h2>\(L.method)</h2>\n<table class=\"kv\">\n")
    try sink.write("<tr><th>\(L.aggregation)</th><td>\(HTML.escape(L.aggregationName(spec.aggregation.method)))</td></tr>\n")
    try sink.write("<tr><th>\(L.weighting)</th><td>\(HTML.escape(L.weightingName(spec.weighting.method)))</td></tr>\n")
    let scale = "\(formatNumber(spec.evaluation.scale.lowerBound)) – \(formatNumber(spec.evaluation.scale.upperBound))"
    try sink.write("<tr><th>\(L.score)</th><td>\(scale)</td></tr>\n</table>\n")
    try sink.write("<table>\n<thead><tr><th>\(L.criterion)</th><th>\(L.groupPath)</th><th>\(L.direction)</th>")
    try sink.write("<th>\(L.normalisation)</th><th>\(L.weight)</th></tr></thead>\n<tbody>\n")
    for (j, c) in spec.criteria.enumerated() {
      let w = j < m.evaluation.weights.count ? formatFixed(m.evaluation.weights[j] * 100, decimals: 2) + "%" : ""
      try sink.write("<tr><td>\(HTML.escape(c.label))</td><td>\(HTML.escape(m.criterionPaths[j]))</td>")
      try sink.write("<td>\(HTML.escape(L.directionName(c.direction)))</td><td>\(HTML.escape(L.normalisationName(c.normalisation)))</td>")
      try sink.write("<td class=\"n\">\(w)</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    if !m.evaluation.weightReport.nodes.isEmpty {
      try sink.write("<h3>\(L.weightDerivation)</h3>\n<table>\n<tbody>\n")
      for node in m.evaluation.weightReport.nodes {
        let name = node.key.isEmpty ? (L.english ? "(root)" : "（根）") : m.groupLabel(node.key)
        var local = zip(node.children, node.localWeights).map { child, w in
          "\(m.spec.criteria.first { $0.key == child }?.label ?? m.groupLabel(child)) \(formatFixed(w * 100, decimals: 2))%"
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
    try sink.write("<h3>\(L.manifest)</h3>\n<table class=\"kv\">\n")
    let pairs: [(String, String)] = [
      (L.version, mf.version), (L.metricsFile, mf.metricsFile), (L.sha256, mf.metricsSHA256), (L.criteriaFile, mf.criteriaFile),
      (L.sha256, mf.criteriaSHA256), (L.seed, mf.seed.map { String($0) } ?? L.none), (L.rows, String(mf.rows)),
      (L.time, mf.timeISO8601),
    ]
    for (k, v) in pairs { try sink.write("<tr><th>\(HTML.escape(k))</th><td><code>\(HTML.escape(v))</code></td></tr>\n") }
    try sink.write("</table>\n</section>\n")
  }
}
