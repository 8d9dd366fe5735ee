import Foundation
import Model

/// `exemplar compare YEAR_A YEAR_B`: who entered and left each programme's final list, the
/// largest rank moves, stars gained and lost, and each listed enterprise's rank over the
/// ledger's years (text, JSON, and an HTML page with a rank-over-years SVG chart).
public struct YearCompareReport: Sendable {
  public struct Enterprise: Sendable, Hashable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
      self.id = id
      self.name = name
    }
  }
  public struct ProgrammeChange: Sendable {
    public var key: String
    public var name: String
    public var entered: [Enterprise]
    public var left: [Enterprise]
    public var stayed: Int
    public init(key: String, name: String, entered: [Enterprise], left: [Enterprise], stayed: Int) {
      self.key = key
      self.name = name
      self.entered = entered
      self.left = left
      self.stayed = stayed
    }
  }
  public struct Change: Sendable {
    public var who: Enterprise
    public var a: Int
    public var b: Int
    public init(who: Enterprise, a: Int, b: Int) {
      self.who = who
      self.a = a
      self.b = b
    }
  }

  /// Year, run and whether it is the year's final, for A and B.
  public var sides: [(year: Int, run: Int, final: Bool)]
  public var programmes: [ProgrammeChange]
  /// Largest |rank B − rank A| first (ties by id).
  public var moves: [Change]
  public var starsGained: [Change]
  public var starsLost: [Change]
  /// The chart: the ledger's years, and each charted enterprise's rank in them.
  public var years: [Int]
  public var series: [(who: Enterprise, ranks: [Int?])]
  public var english: Bool

  public init(
    sides: [(year: Int, run: Int, final: Bool)], programmes: [ProgrammeChange], moves: [Change], starsGained: [Change],
    starsLost: [Change], years: [Int], series: [(who: Enterprise, ranks: [Int?])], english: Bool
  ) {
    self.sides = sides
    self.programmes = programmes
    self.moves = moves
    self.starsGained = starsGained
    self.starsLost = starsLost
    self.years = years
    self.series = series
    self.english = english
  }

  private func side(_ i: Int) -> String {
    let s = sides[i]
    return english ? "\(s.year) (run \(s.run)\(s.final ? ", final" : ", draft"))" : "\(s.year)年（第\(s.run)次运行\(s.final ? "，终稿" : "，未定稿")）"
  }

  /// The comparison as text.
  public var text: String {
    var lines = [english ? "Compare \(side(0)) → \(side(1))" : "年度对比 \(side(0)) → \(side(1))"]
    for p in programmes {
      lines.append("")
      lines.append("\(p.name) [\(p.key)]: " + (english ? "\(p.entered.count) entered, \(p.left.count) left, \(p.stayed) stayed" : "新入选 \(p.entered.count)，退出 \(p.left.count)，保留 \(p.stayed)"))
      for e in p.entered { lines.append("  + \(e.id)  \(e.name)") }
      for e in p.left { lines.append("  − \(e.id)  \(e.name)") }
    }
    lines.append("")
    lines.append(english ? "Largest rank moves:" : "排名变化最大：")
    for m in moves { lines.append("  \(m.a) → \(m.b)  (\(m.a > m.b ? "+" : "−")\(abs(m.a - m.b)))  \(m.who.id)  \(m.who.name)") }
    lines.append("")
    lines.append(english ? "Stars gained: \(starsGained.count); stars lost: \(starsLost.count)" : "星级上升 \(starsGained.count) 家；星级下降 \(starsLost.count) 家")
    for c in starsGained.prefix(20) { lines.append("  ↑ \(c.a)★ → \(c.b)★  \(c.who.id)  \(c.who.name)") }
    for c in starsLost.prefix(20) { lines.append("  ↓ \(c.a)★ → \(c.b)★  \(c.who.id)  \(c.who.name)") }
    return lines.joined(separator: "\n")
  }

  /// The rank-over-years chart: one polyline per enterprise, rank 1 at the top.
  public var chart: String {
    let width = 760, height = 420, left = 60, right = 240, top = 20, bottom = 40
    let maxRank = max(series.flatMap { $0.ranks.compactMap { $0 } }.max() ?? 1, 1)
    let plotW = Double(width - left - right), plotH = Double(height - top - bottom)
    func x(_ i: Int) -> Double { Double(left) + (years.count > 1 ? plotW * Double(i) / Double(years.count - 1) : plotW / 2) }
    // Ranks on a log scale, so the top of the list is readable beside far movers.
    func y(_ r: Int) -> Double { Double(top) + plotH * log(Double(r)) / max(log(Double(maxRank)), 1) }
    let colours = ["#3b6ea8", "#d9822b", "#3a9a5b", "#b23a48", "#7b5ea7", "#5c8a8a", "#c4a000", "#8c564b", "#e377c2", "#7f7f7f"]
    var s = ""
    s += "<title>\(HTML.escape(english ? "Rank over the years" : "历年排名"))</title>"
    for (i, year) in years.enumerated() {
      s += "<line x1=\"\(HTMLCharts.num(x(i)))\" y1=\"\(top)\" x2=\"\(HTMLCharts.num(x(i)))\" y2=\"\(height - bottom)\" stroke=\"#ddd\"/>"
      s += "<text x=\"\(HTMLCharts.num(x(i)))\" y=\"\(height - bottom + 18)\" font-size=\"12\" text-anchor=\"middle\">\(year)</text>"
    }
    for r in [1, 10, 100, 1000, 10000, 100_000, 1_000_000] where r <= maxRank {
      s += "<text x=\"\(left - 8)\" y=\"\(HTMLCharts.num(y(r) + 4))\" font-size=\"10\" text-anchor=\"end\">\(r)</text>"
      s += "<line x1=\"\(left)\" y1=\"\(HTMLCharts.num(y(r)))\" x2=\"\(width - right)\" y2=\"\(HTMLCharts.num(y(r)))\" stroke=\"#eee\"/>"
    }
    // Labels at the right, each at its last rank, pushed apart to stay readable.
    var labels: [(y: Double, text: String, colour: String)] = []
    for (k, line) in series.enumerated() {
      let colour = colours[k % colours.count]
      let points = line.ranks.enumerated().compactMap { i, r in r.map { (x(i), y($0)) } }
      let text = points.map { "\(HTMLCharts.num($0.0)),\(HTMLCharts.num($0.1))" }
      if points.count > 1 { s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(text.joined(separator: " "))\"/>" }
      for p in points { s += "<circle cx=\"\(HTMLCharts.num(p.0))\" cy=\"\(HTMLCharts.num(p.1))\" r=\"3\" fill=\"\(colour)\"/>" }
      if let last = line.ranks.lastIndex(where: { $0 != nil }), let r = line.ranks[last] {
        labels.append((y(r) + 4, "\(line.who.name.isEmpty ? line.who.id : line.who.name) (\(r))", colour))
      }
    }
    labels.sort { $0.y < $1.y }
    var floor = -Double.infinity
    for l in labels {
      let at = max(l.y, floor + 13)
      floor = at
      s += "<text x=\"\(width - right + 8)\" y=\"\(HTMLCharts.num(at))\" font-size=\"11\" fill=\"\(l.colour)\">\(HTML.escape(l.text))</text>"
    }
    // Taller when the labels pushed apart run below the plot.
    let h = floor.isFinite ? max(height, Int(floor.rounded(.up)) + 6) : height
    s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(h)\" viewBox=\"0 0 \(width) \(h)\" role=\"img\">" + s
    return s + "</svg>"
  }

  /// A self-contained HTML page: the lists' changes, the movers, the stars and the chart.
  public var html: String {
    let esc = HTML.escape
    var body = "<h1>\(esc(english ? "Year comparison" : "年度对比"))</h1><p>\(esc(side(0))) → \(esc(side(1)))</p>"
    body += "<h2>\(esc(english ? "Rank over the years" : "历年排名"))</h2>" + chart
    for p in programmes {
      body += "<h2>\(esc(p.name))</h2><table><tr><th></th><th>\(esc(english ? "ID" : "统一社会信用代码"))</th><th>\(esc(english ? "Name" : "企业名称"))</th></tr>"
      for e in p.entered { body += "<tr class=in><td>+</td><td>\(esc(e.id))</td><td>\(esc(e.name))</td></tr>" }
      for e in p.left { body += "<tr class=out><td>−</td><td>\(esc(e.id))</td><td>\(esc(e.name))</td></tr>" }
      body += "<tr><td></td><td colspan=2>\(esc(english ? "stayed" : "保留")): \(p.stayed)</td></tr></table>"
    }
    body += "<h2>\(esc(english ? "Largest rank moves" : "排名变化最大"))</h2><table>"
    for m in moves { body += "<tr><td>\(m.a) → \(m.b)</td><td>\(esc(m.who.id))</td><td>\(esc(m.who.name))</td></tr>" }
    body += "</table><h2>\(esc(english ? "Stars gained and lost" : "星级升降"))</h2><table>"
    for c in starsGained { body += "<tr class=in><td>\(c.a)★ → \(c.b)★</td><td>\(esc(c.who.id))</td><td>\(esc(c.who.name))</td></tr>" }
    for c in starsLost { body += "<tr class=out><td>\(c.a)★ → \(c.b)★</td><td>\(esc(c.who.id))</td><td>\(esc(c.who.name))</td></tr>" }
    body += "</table>"
    let css = """
      body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2em auto;color:#222}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;font-size:13px}
      tr.in td{background:#eaf6ea}tr.out td{background:#fbeaea}h2{border-bottom:2px solid #3b6ea8;padding-bottom:2px}
      @page{size:A4;margin:15mm}
      """
    return "<!DOCTYPE html><html lang=\"\(english ? "en" : "zh-CN")\"><head><meta charset=\"utf-8\"><title>compare</title><style>\(css)</style></head><body>\(body)</body></html>\n"
  }
}

extension YearCompareReport {
  /// Writes DIR/compare.html (and DIR/compare.json) as an output folder: a temporary
  /// folder renamed over DIR when complete (docs/cli.md, "Output folders").
  public func write(to dir: String, json: String) throws(StageFailure) {
    let page = html
    try OutputFolder.write(to: dir) { folder in
      let h = try ByteSink(path: folder.file("compare.html"), durability: .byFolder)
      try h.write(page)
      try h.close()
      let j = try ByteSink(path: folder.file("compare.json"), durability: .byFolder)
      try j.write(json)
      try j.close()
    }
  }
}
