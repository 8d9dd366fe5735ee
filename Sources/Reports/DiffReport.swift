import Criteria
import Model
import Scoring
import Selection
import Sensitivity

/// A `CriteriaDiff` rendered as text, one-line JSON or a self-contained HTML page
/// (`exemplar diff`).
public struct DiffReport {
  let diff: CriteriaDiff
  let specA: Spec
  let a: Evaluation
  let specB: Spec
  let b: Evaluation
  /// The two criteria files, as named on the command line.
  let files: (String, String)
  let english: Bool
  /// How many star changes to list in text.
  let limit: Int

  public init(
    diff: CriteriaDiff, specA: Spec, _ a: Evaluation, specB: Spec, _ b: Evaluation, files: (String, String),
    english: Bool, limit: Int = 20
  ) {
    self.diff = diff
    self.specA = specA
    self.a = a
    self.specB = specB
    self.b = b
    self.files = files
    self.english = english
    self.limit = limit
  }

  private func name(_ row: Int) -> String { "\(a.ids[row]) \(a.labels[row])" }
  func programmeName(_ key: String) -> String {
    (specA.programmes.first { $0.key == key } ?? specB.programmes.first { $0.key == key })?.name ?? key
  }

  public var text: String {
    var out: [String] = []
    out.append("A: \(files.0)\nB: \(files.1)")
    out.append(
      (english ? "rank correlation: Spearman " : "排名相关：Spearman ") + formatFixed(diff.spearman, decimals: 4) + ", Kendall τb " + formatFixed(diff.kendallTauB, decimals: 4))
    for p in diff.programmes {
      out.append("")
      out.append("\(programmeName(p.key)) [\(p.key)]" + (p.inA && p.inB ? "" : (p.inA ? " (A only)" : " (B only)")))
      out.append((english ? "  stay: " : "  保留：") + "\(p.staying.count)")
      for (k, r) in p.entering.enumerated() {
        let was = k < p.enteringWasUnderA.count ? p.enteringWasUnderA[k] : nil
        out.append((english ? "  + enters: " : "  + 新入选：") + name(r) + rankPair(r) + because(was, side: "A"))
      }
      for (k, r) in p.leaving.enumerated() {
        let now = k < p.leavingIsUnderB.count ? p.leavingIsUnderB[k] : nil
        out.append((english ? "  − leaves: " : "  − 落选：") + name(r) + rankPair(r) + because(now, side: "B"))
      }
    }
    if !diff.settings.isEmpty {
      out.append("")
      out.append(english ? "method settings that differ (A → B)" : "方法设置的差异（A → B）")
      for c in diff.settings { out.append("  \(c.key): \(c.a) → \(c.b)") }
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
    for (sign, list) in [("+", diff.starsGained), ("−", diff.starsLost)] {
      for s in list.prefix(limit) { out.append("  \(sign) \(name(s.row)) \(s.starsA)★ → \(s.starsB)★") }
      if list.count > limit { out.append(english ? "  … and \(list.count - limit) more" : "  ……其余 \(list.count - limit) 家") }
    }
    return out.joined(separator: "\n")
  }

  /// An outcome as one phrase: `selected`, `reserve 2`, or the reason.
  private func outcomeText(_ outcome: ProgrammeOutcome?) -> String {
    switch outcome {
    case .selected(let k)?: return english ? "selected \(k)" : "入选第\(k)名"
    case .reserve(let k)?: return english ? "reserve \(k)" : "候补第\(k)名"
    case .excluded(let reason)?: return reason.text(english: english)
    case nil: return ""
    }
  }

  /// Why a row stands where it does on the other side: its reserve place or the rule that stopped it.
  private func because(_ outcome: ProgrammeOutcome?, side: String) -> String {
    switch outcome {
    case .reserve?, .excluded?: return (english ? "; under \(side): " : "；\(side)：") + outcomeText(outcome)
    case .selected?, nil: return ""
    }
  }

  private func rankPair(_ row: Int) -> String {
    let ra = a.rank[row], rb = row < b.rank.count ? b.rank[row] : 0
    return english ? " (rank \(ra) → \(rb))" : "（排名 \(ra) → \(rb)）"
  }

  /// One line: `{"a","b","spearman","kendall_tau_b","programmes","largest_movers","stars_gained","stars_lost","settings","weights"}`.
  public var json: String {
    let ids = a.ids
    var j = JSONText()
    j.beginObject()
    j.field("a", files.0)
    j.field("b", files.1)
    j.field("spearman", diff.spearman)
    j.field("kendall_tau_b", diff.kendallTauB)
    j.field("programmes", objects: diff.programmes) { j, p in
      j.field("key", p.key)
      j.field("in_a", p.inA)
      j.field("in_b", p.inB)
      j.field("entering", strings: p.entering.map { ids[$0] })
      j.field("leaving", strings: p.leaving.map { ids[$0] })
      j.field("staying", strings: p.staying.map { ids[$0] })
      j.field("entering_was_under_a", strings: p.enteringWasUnderA.map { outcomeText($0) })
      j.field("leaving_is_under_b", strings: p.leavingIsUnderB.map { outcomeText($0) })
    }
    j.field("largest_movers", objects: diff.largestMovers) { j, m in
      j.field("id", m.id)
      j.field("rank_a", m.rankA)
      j.field("rank_b", m.rankB)
      j.field("shift", m.shift)
    }
    for (key, list) in [("stars_gained", diff.starsGained), ("stars_lost", diff.starsLost)] {
      j.field(key, objects: list) { j, c in
        j.field("id", c.id)
        j.field("stars_a", c.starsA)
        j.field("stars_b", c.starsB)
      }
    }
    j.field("settings", objects: diff.settings) { j, c in
      j.field("key", c.key)
      j.field("a", c.a)
      j.field("b", c.b)
    }
    j.field("weights", objects: diff.weights) { j, w in
      j.field("key", w.key)
      j.field("a", w.a)
      j.field("b", w.b)
    }
    j.endObject()
    return j.text
  }

  public var html: String { Self.page(htmlBody, english: english) }

  /// The page's body: heading, files, correlations, weight bars, each programme's changes, movers.
  var htmlBody: String {
    let esc = HTML.escape
    var body = "<h1>\(esc(english ? "Criteria comparison" : "评选标准对比"))</h1>"
    body += "<p>A: <code>\(esc(files.0))</code><br>B: <code>\(esc(files.1))</code></p>"
    body += "<p>Spearman ρ = \(formatFixed(diff.spearman, decimals: 4)) · Kendall τ<sub>b</sub> = \(formatFixed(diff.kendallTauB, decimals: 4))</p>"
    // Weight bars: A above B per criterion.
    let maxW = max(diff.weights.map { max($0.a, $0.b) }.max() ?? 1, 1e-9)
    let rowH = 26, labelW = 180, barW = 420
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 80)\" height=\(diff.weights.count * rowH + 10) role=\"img\">"
    for (i, w) in diff.weights.enumerated() {
      let y = i * rowH + 4
      svg += "<text x=\"\(labelW - 6)\" y=\"\(y + 14)\" font-size=\"12\" text-anchor=\"end\">\(esc(w.key))</text>"
      svg += "<rect x=\"\(labelW)\" y=\"\(y)\" width=\"\(Int(Double(barW) * w.a / maxW))\" height=\"10\" fill=\"#3b6ea8\"/>"
      svg += "<rect x=\"\(labelW)\" y=\"\(y + 11)\" width=\"\(Int(Double(barW) * w.b / maxW))\" height=\"10\" fill=\"#d9822b\"/>"
      svg += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 14)\" font-size=\"11\">\(formatFixed(w.a * 100, decimals: 1))% → \(formatFixed(w.b * 100, decimals: 1))%</text>"
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
    return body
  }

  /// A whole page around `body`.
  static func page(_ body: String, english: Bool) -> String {
    let css = """
      body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:960px;margin:2em auto;color:#222}
      table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 8px;font-size:13px}
      tr.in td{background:#eaf6ea}tr.out td{background:#fbeaea}h2{border-bottom:2px solid #3b6ea8;padding-bottom:2px}
      @page{size:A4;margin:15mm}
      """
    return "<!DOCTYPE html><html lang=\"\(english ? "en" : "zh-CN")\"><head><meta charset=\"utf-8\"><title>diff</title><style>\(css)</style></head><body>\(body)</body></html>\n"
  }
}
