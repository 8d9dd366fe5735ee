import Model
import Sensitivity

extension SensitivityReport {
  /// Most enterprises drawn in the rank-band chart (the nominal top).
  static let chartRows = 40

  /// `sensitivity.html`: one self-contained, printable page with inline SVG (no script).
  public func html() -> String {
    let mc = monteCarlo
    let t = { (zh: String, en: String) in english ? en : zh }
    var h = """
      <!DOCTYPE html><html lang="\(english ? "en" : "zh")"><head><meta charset="utf-8">
      <title>\(HTML.escape(title)) — \(t("稳健性分析", "sensitivity"))</title>
      <style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;font-size:12px}
      th{background:#f2f2f2}h2{border-bottom:2px solid #345;padding-bottom:4px}
      .bar{fill:#4a7ab5}.ci{stroke:#222;stroke-width:1}.band{stroke:#9bb7d9;stroke-width:6}
      @media print{h2{page-break-before:auto}svg{max-width:100%}}</style></head><body>
      <h1>\(HTML.escape(title))</h1>
      <p>\(t("蒙特卡洛样本", "Monte Carlo samples")): \(mc.samples) · \(t("随机种子", "seed")): \(mc.seed)</p>

      """
    h += separatedHTML()
    h += "<h2>\(t("排名区间（名义排名与 5%–95% 区间）", "Rank bands (nominal rank and 5–95 % band)"))</h2>\n"
    h += rankBandSVG()
    for (k, p) in mc.programmes.enumerated() {
      let name = k < programmeNames.count ? programmeNames[k] : p.key
      h += "<h2>\(HTML.escape(name)) — \(t("入选概率", "selection probability"))</h2>\n"
      h += "<p>\(t("名额", "quota")) \(p.quota) · \(t("稳定入选", "robust")) \(p.robust.count) · "
      h += "\(t("边缘", "borderline")) \(p.borderline.count) · Jaccard \(fmt(p.meanJaccard)) (p5 \(fmt(p.p5Jaccard)))</p>\n"
      h += "<table><tr><th>\(t("企业", "enterprise"))</th><th>\(t("名义排名", "nominal rank"))</th><th>P</th><th></th><th>\(t("类别", "class"))</th></tr>\n"
      let nominal = Set(p.nominal)
      for r in p.robust + p.borderline {
        guard let e = mc.enterprises.first(where: { $0.row == r }) else { continue }
        let prob = e.selectionProbability[k]
        let cls = prob >= mc.robustThreshold ? t("稳定", "robust") : t("边缘", "borderline")
        h += "<tr><td>\(HTML.escape(e.label))\(nominal.contains(r) ? " ●" : "")</td><td>\(e.nominalRank)</td><td>\(fmt(prob))</td>"
        h += "<td><svg width=\"120\" height=\"10\"><rect class=\"bar\" width=\"\(fmt(120 * prob))\" height=\"10\"/></svg></td><td>\(cls)</td></tr>\n"
      }
      h += "</table>\n"
    }
    if let s = sobol {
      h += "<h2>\(t("Sobol 指数（权重对排名与名单的影响）", "Sobol indices of the weights"))</h2>\n"
      h += "<p>N = \(s.baseSamples), \(t("评估次数", "evaluations")) \(s.evaluations), ±\(fmt(s.spread)); \(t("条形为 S1 与 ST，细线为 95% 自助法区间", "bars: S1 and ST, whiskers: 95 % bootstrap interval"))</p>\n"
      for p in s.programmes { h += "<h3>\(HTML.escape(p.key))</h3>" + sobolSVG(s.factors, p.indices) }
      for target in s.targets.prefix(10) {
        let label = mc.enterprises.first { $0.row == target.row }?.label ?? target.id
        h += "<h3>\(HTML.escape(label)) (\(t("排名", "rank")))</h3>" + sobolSVG(s.factors, target.indices)
      }
    }
    if let stability {
      h += "<h2>\(t("权重稳定区间", "Weight stability intervals"))</h2>\n"
      for p in stability {
        h += "<h3>\(HTML.escape(p.key))</h3><table><tr><th>\(t("指标", "criterion"))</th><th>\(t("名义权重", "nominal"))</th><th>\(t("下限", "low"))</th><th>\(t("上限", "high"))</th></tr>\n"
        for iv in p.intervals {
          h += "<tr><td>\(HTML.escape(iv.criterion))</td><td>\(fmt(iv.nominalWeight))</td><td>\(fmt(iv.low))</td><td>\(fmt(iv.high))\(iv.exact ? "" : " *")</td></tr>\n"
        }
        h += "</table>\n"
      }
    }
    h += "</body></html>\n"
    return h
  }

  /// A number in the page: 4 decimals, trailing zeros removed.
  func fmt(_ x: Double) -> String { formatTrimmed(x, decimals: 4) }

  func rankBandSVG() -> String {
    let rows = monteCarlo.enterprises.prefix(Self.chartRows)
    guard !rows.isEmpty else { return "" }
    let maxRank = max(1, rows.map(\.p95Rank).max() ?? 1)
    let width = 640.0, left = 180.0, rowH = 14.0
    let height = Double(rows.count) * rowH + 30
    let x = { (r: Double) in left + (width - left - 20) * (r - 1) / max(1, maxRank - 1) }
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-size=\"10\">\n"
    for (i, e) in rows.enumerated() {
      let y = 10 + Double(i) * rowH
      s += "<text x=\"\(Int(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(HTML.escape(e.label))</text>"
      s += "<line class=\"band\" x1=\"\(fmt(x(e.p5Rank)))\" x2=\"\(fmt(x(e.p95Rank) + 0.5))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\"/>"
      s += "<circle cx=\"\(fmt(x(e.medianRank)))\" cy=\"\(fmt(y))\" r=\"2.5\" fill=\"#234\"/>"
      s += "<path d=\"M\(fmt(x(Double(e.nominalRank)))) \(fmt(y - 5))v10\" stroke=\"#c33\" stroke-width=\"2\"/>\n"
    }
    let axisY = Double(rows.count) * rowH + 18
    s += "<text x=\"\(Int(left))\" y=\"\(fmt(axisY))\">1</text><text x=\"\(Int(width - 20))\" y=\"\(fmt(axisY))\" text-anchor=\"end\">\(Int(maxRank))</text>"
    s += "</svg>\n"
    return s
  }

  func sobolSVG(_ factors: [String], _ idx: [SobolIndices]) -> String {
    let left = 140.0, w = 360.0, rowH = 24.0
    let height = Double(factors.count) * rowH + 10
    let x = { (v: Double) in left + w * min(1, max(0, v)) }
    var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(left + w + 20))\" height=\"\(Int(height))\" font-size=\"10\">\n"
    for (i, (f, v)) in zip(factors, idx).enumerated() {
      let y = 4 + Double(i) * rowH
      s += "<text x=\"\(Int(left - 6))\" y=\"\(fmt(y + 12))\" text-anchor=\"end\">\(HTML.escape(f))</text>"
      s += "<rect class=\"bar\" x=\"\(Int(left))\" y=\"\(fmt(y))\" width=\"\(fmt(x(v.firstOrder) - left))\" height=\"8\"/>"
      s += "<rect fill=\"#e0a040\" x=\"\(Int(left))\" y=\"\(fmt(y + 9))\" width=\"\(fmt(x(v.totalEffect) - left))\" height=\"8\"/>"
      s += "<line class=\"ci\" x1=\"\(fmt(x(v.firstOrderCI.lowerBound)))\" x2=\"\(fmt(x(v.firstOrderCI.upperBound)))\" y1=\"\(fmt(y + 4))\" y2=\"\(fmt(y + 4))\"/>"
      s += "<line class=\"ci\" x1=\"\(fmt(x(v.totalEffectCI.lowerBound)))\" x2=\"\(fmt(x(v.totalEffectCI.upperBound)))\" y1=\"\(fmt(y + 13))\" y2=\"\(fmt(y + 13))\"/>\n"
    }
    return s + "</svg>\n"
  }
}
