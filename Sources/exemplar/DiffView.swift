import Criteria
import Foundation
import Model
import Reports
import Sensitivity

/// Renders a `CriteriaDiff` as text, JSON or a self-contained HTML page.
struct DiffView {
  let diff: CriteriaDiff
  let a: Analysis
  let b: Analysis
  let files: (String, String)
  let english: Bool
  /// How many star changes to list in text.
  var limit = 20

  private func name(_ row: Int) -> String { "\(a.evaluation.ids[row]) \(a.evaluation.labels[row])" }
  private func programmeName(_ key: String) -> String {
    (a.spec.programmes.first { $0.key == key } ?? b.spec.programmes.first { $0.key == key })?.name ?? key
  }

  var text: String {
    var out: [String] = []
    out.append("A: \(files.0)\nB: \(files.1)")
    out.append(
      (english ? "rank correlation: Spearman " : "排名相关：Spearman ") + fixed(diff.spearman, 4) + ", Kendall τb " + fixed(diff.kendallTauB, 4))
    for p in diff.programmes {
      out.append("")
      out.append("\(programmeName(p.key)) [\(p.key)]" + (p.inA && p.inB ? "" : (p.inA ? " (A only)" : " (B only)")))
      out.append((english ? "  stay: " : "  保留：") + "\(p.staying.count)")
      for r in p.entering { out.append((english ? "  + enters: " : "  + 新入选：") + name(r) + rankPair(r)) }
      for r in p.leaving { out.append((english ? "  − leaves: " : "  − 落选：") + name(r) + rankPair(r)) }
    }
    if !diff.largestMovers.isEmpty {
      out.append("")
      out.append(english ? "largest rank movers (A → B)" : "排名变化最大的企业（A → B）")
      for m in diff.largestMovers {
        out.append("  \(m.rankA) → \(m.rankB) (\(m.shift > 0 ? "+" : "")\(m.shift))  \(m.id) \(m.label)")
      }
    }
    out.append("")
    out.append((english ? "stars gained: " : "星级上升：") + "\(diff.starsGained.count)" + (english ? ", lost: " : "，下降：") + "\(diff.starsLost.count)")
    for s in diff.starsGained.prefix(limit) { out.append("  + \(s.id) \(s.starsA)★ → \(s.starsB)★") }
    for s in diff.starsLost.prefix(limit) { out.append("  − \(s.id) \(s.starsA)★ → \(s.starsB)★") }
    return out.joined(separator: "\n")
  }

  private func rankPair(_ row: Int) -> String {
    let ra = a.evaluation.rank[row], rb = row < b.evaluation.rank.count ? b.evaluation.rank[row] : 0
    return english ? " (rank \(ra) → \(rb))" : "（排名 \(ra) → \(rb)）"
  }

  var json: String {
    let ids = a.evaluation.ids
    let programmes = diff.programmes.map { p in
      "{\"key\":\(JSONText.quoted(p.key)),\"in_a\":\(p.inA),\"in_b\":\(p.inB),"
        + "\"entering\":[\(p.entering.map { JSONText.quoted(ids[$0]) }.joined(separator: ","))],"
        + "\"leaving\":[\(p.leaving.map { JSONText.quoted(ids[$0]) }.joined(separator: ","))],"
        + "\"staying\":[\(p.staying.map { JSONText.quoted(ids[$0]) }.joined(separator: ","))]}"
    }
    let movers = diff.largestMovers.map {
      "{\"id\":\(JSONText.quoted($0.id)),\"rank_a\":\($0.rankA),\"rank_b\":\($0.rankB),\"shift\":\($0.shift)}"
    }
    let stars = { (list: [CriteriaDiff.StarChange]) in
      list.map { "{\"id\":\(JSONText.quoted($0.id)),\"stars_a\":\($0.starsA),\"stars_b\":\($0.starsB)}" }.joined(separator: ",")
    }
    let weights = diff.weights.map { "{\"key\":\(JSONText.quoted($0.key)),\"a\":\(jsonNumber($0.a)),\"b\":\(jsonNumber($0.b))}" }
    return "{\"a\":\(JSONText.quoted(files.0)),\"b\":\(JSONText.quoted(files.1)),\"spearman\":\(jsonNumber(diff.spearman)),"
      + "\"kendall_tau_b\":\(jsonNumber(diff.kendallTauB)),\"programmes\":[\(programmes.joined(separator: ","))],"
      + "\"largest_movers\":[\(movers.joined(separator: ","))],\"stars_gained\":[\(stars(diff.starsGained))],"
      + "\"stars_lost\":[\(stars(diff.starsLost))],\"weights\":[\(weights.joined(separator: ","))]}"
  }

  var html: String {
    func esc(_ s: String) -> String {
      s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
    var body = "<h1>\(esc(english ? "Criteria comparison" : "评选标准对比"))</h1>"
    body += "<p>A: <code>\(esc(files.0))</code><br>B: <code>\(esc(files.1))</code></p>"
    body += "<p>Spearman ρ = \(fixed(diff.spearman, 4)) · Kendall τ<sub>b</sub> = \(fixed(diff.kendallTauB, 4))</p>"
    // Weight bars: A above B per criterion.
    let maxW = max(diff.weights.map { max($0.a, $0.b) }.max() ?? 1, 1e-9)
    let rowH = 26, labelW = 180, barW = 420
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 80)\" height=\(diff.weights.count * rowH + 10) role=\"img\">"
    for (i, w) in diff.weights.enumerated() {
      let y = i * rowH + 4
      svg += "<text x=\"\(labelW - 6)\" y=\"\(y + 14)\" font-size=\"12\" text-anchor=\"end\">\(esc(w.key))</text>"
      svg += "<rect x=\"\(labelW)\" y=\"\(y)\" width=\"\(Int(Double(barW) * w.a / maxW))\" height=\"10\" fill=\"#3b6ea8\"/>"
      svg += "<rect x=\"\(labelW)\" y=\"\(y + 11)\" width=\"\(Int(Double(barW) * w.b / maxW))\" height=\"10\" fill=\"#d9822b\"/>"
      svg += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 14)\" font-size=\"11\">\(fixed(w.a * 100, 1))% → \(fixed(w.b * 100, 1))%</text>"
    }
    svg += "</svg>"
    body += "<h2>\(esc(english ? "Weights (A blue, B orange)" : "权重（A 蓝，B 橙）"))</h2>" + svg
    for p in diff.programmes {
      body += "<h2>\(esc(programmeName(p.key)))</h2><table><tr><th></th><th>\(esc(english ? "Enterprise" : "企业"))</th><th>\(esc(english ? "Rank A → B" : "排名 A → B"))</th></tr>"
      for r in p.entering { body += "<tr class=in><td>+</td><td>\(esc(name(r)))</td><td>\(esc(rankPair(r)))</td></tr>" }
      for r in p.leaving { body += "<tr class=out><td>−</td><td>\(esc(name(r)))</td><td>\(esc(rankPair(r)))</td></tr>" }
      body += "<tr><td></td><td colspan=2>\(esc(english ? "unchanged" : "保留")): \(p.staying.count)</td></tr></table>"
    }
    body += "<h2>\(esc(english ? "Largest rank movers" : "排名变化最大"))</h2><table>"
    for m in diff.largestMovers {
      body += "<tr><td>\(m.rankA) → \(m.rankB)</td><td>\(m.shift > 0 ? "+" : "")\(m.shift)</td><td>\(esc(m.id)) \(esc(m.label))</td></tr>"
    }
    body += "</table>"
    let css = """
      body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2em auto;color:#222}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;font-size:13px}
      tr.in td{background:#eaf6ea}tr.out td{background:#fbeaea}h2{border-bottom:2px solid #3b6ea8;padding-bottom:2px}
      @page{size:A4;margin:15mm}
      """
    return "<!DOCTYPE html><html lang=\"\(english ? "en" : "zh-CN")\"><head><meta charset=\"utf-8\"><title>diff</title><style>\(css)</style></head><body>\(body)</body></html>\n"
  }
}
