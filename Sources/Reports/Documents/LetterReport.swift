import Criteria
import Foundation
import Model
import Scoring
import Selection

/// Letters to enterprises (`exemplar letter`): one A4 page per enterprise saying why it has
/// its score, rank and stars — each criterion's raw value, standing and points, strengths and
/// weaknesses, the gap to the next star — and each programme's decision with its reason.
/// What an official sends when an enterprise asks why.
public enum LetterReport {
  /// Writes one letter per row of `rows` into DIR (atomically, as `run` writes its folder):
  /// `ID.html` each, and `ID.pdf` beside it when `pdfBrowser` is given. The letters are
  /// written without a sync each and made durable together before the folder is published
  /// (`OutputFolder.syncFiles()`).
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming the path that failed.
  public static func write(_ run: RunReport, rows: [Int], to dir: String, inputs: [String] = []) throws(StageFailure) {
    var run = run
    run.manifest.time = run.options.now
    let m = ReportModel(run)
    var awards: [Int: [RewardAllocation.Award]] = [:]
    for a in m.decision.rewards.awards { awards[a.row, default: []].append(a) }
    // Built once for all letters: the star requirements as shown, and each programme's
    // exclusion reasons as text (filled as they are first met).
    let shown = OfficialNames.starRequirements(m.spec, english: m.labels.english)
    var reasons = m.decision.programmes.map { [String?](repeating: nil, count: $0.excluded.reasons.count) }
    try OutputFolder.write(to: dir, inputs: inputs) { folder in
      var used = Set<String>()
      var printJobs: [(html: String, pdf: String)] = []
      for row in rows {
        var name = fileName(m.evaluation.ids[row], row: row)
        if used.contains(name) { name += "-\(row + 1)" }
        used.insert(name)
        let html = folder.file(name + ".html")
        try letter(m, row: row, awards: awards[row] ?? [], shown: shown, reasons: &reasons, to: html)
        if run.options.pdfBrowser != nil { printJobs.append((html, folder.file(name + ".pdf"))) }
      }
      if let browser = run.options.pdfBrowser {
        // Two browsers at a time.
        var i = 0
        while i < printJobs.count {
          try PDFPrinter.print(Array(printJobs[i..<min(i + 2, printJobs.count)]), browser: browser)
          i += 2
        }
      }
      // One sync for all the letters (each is written without its own), then the rename.
      try folder.syncFiles()
    }
  }

  /// A file name from an id: letters, digits, `-` and `_` kept (a credit code as is); else
  /// the row's number.
  static func fileName(_ id: String, row: Int) -> String {
    let kept = String(id.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" })
    return kept.isEmpty || kept.count > 64 ? "row-\(row + 1)" : kept
  }

  static func t(_ m: ReportModel, _ zh: String, _ en: String) -> String { m.labels.english ? en : zh }

  static let css = HTMLReport.css + """
    body { font-size: 9.5pt; line-height: 1.4; } h1 { font-size: 15pt; text-align: center; } table { font-size: 8.5pt; }
    td, th { padding: 0.5mm 1.2mm; } .sign { text-align: right; margin-top: 6mm; }

    """

  /// One letter; `awards` are the enterprise's awards, `shown` the star requirements as shown,
  /// `reasons` each programme's exclusion reason texts met so far (by reason index).
  static func letter(
    _ m: ReportModel, row: Int, awards: [RewardAllocation.Award], shown: [String: String], reasons: inout [[String?]], to path: String
  ) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder, capacity: 1 << 16)
    let ev = m.evaluation
    let spec = m.spec
    let en = m.labels.english
    let name = ev.labels[row]
    let f = m.facts.rows[row]
    let title = t(m, "关于\(name)\(spec.evaluation.name)结果的说明", "\(spec.evaluation.name): the result of \(name)")
    try sink.write("<!DOCTYPE html>\n<html lang=\"\(en ? "en" : "zh-CN")\">\n<head>\n<meta charset=\"utf-8\">\n")
    try sink.write("<title>\(HTML.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<h1>\(HTML.escape(title))</h1>\n")
    try sink.write("<p>\(HTML.escape(name))\(t(m, "：", ":"))</p>\n")
    var facts = [t(m, "统一社会信用代码 ", "credit code ") + ev.ids[row]]
    if let f, !f.district.isEmpty { facts.append(t(m, "所属区域 ", "district ") + f.district) }
    if let f, !f.industry.isEmpty { facts.append(t(m, "所属行业 ", "industry ") + f.industry) }
    try sink.write("<p class=\"sub\">\(HTML.escape(facts.joined(separator: " · ")))</p>\n")
    let screened = ev.screening.reasons(of: row)
    if !screened.isEmpty {
      let why = screened.map(\.reason).joined(separator: en ? "; " : "；")
      try sink.write("<p>\(HTML.escape(t(m, "贵单位因“\(why)”经一票否决，不参与本次评分、排名、星级评定和推荐。", "Your enterprise was screened out before scoring (\(why)): not scored, ranked, rated or recommended.")))</p>\n")
    } else if ev.rank[row] <= 0 {
      let why = ev.unranked.first { $0.row == row }?.reason ?? ""
      try sink.write("<p>\(HTML.escape(t(m, "贵单位未参与排名\(why.isEmpty ? "" : "：" + why)。", "Your enterprise was not ranked\(why.isEmpty ? "" : ": " + why).")))</p>\n")
    } else {
      try result(m, row: row, shown: shown, sink)
    }
    try programmes(m, row: row, awards: awards, reasons: &reasons, sink)
    let issuer = spec.documents.issuer.isEmpty ? t(m, "（发文单位）", "(issuing body)") : spec.documents.issuer
    var contact = ""
    if !spec.documents.contact.isEmpty { contact = t(m, "如有疑问，请联系：", "Questions: ") + spec.documents.contact }
    if !contact.isEmpty { try sink.write("<p class=\"note\">\(HTML.escape(contact))</p>\n") }
    try sink.write("<p class=\"sign\">\(HTML.escape(issuer))<br>\(OfficialText.date(m.manifest.time, english: en))</p>\n</body>\n</html>\n")
    try sink.close()
  }

  /// Score, rank, stars; the criteria table; strengths, weaknesses; the gap to the next star.
  private static func result(_ m: ReportModel, row: Int, shown: [String: String], _ sink: ByteSink) throws(ReportError) {
    let ev = m.evaluation
    let spec = m.spec
    let en = m.labels.english
    let stars = ev.stars[row]
    let starLabel = spec.stars.levels.first { $0.stars == stars }?.label ?? t(m, "未评定星级", "no star")
    let top = formatNumber(spec.evaluation.scale.upperBound)
    try sink.write(
      "<p>\(HTML.escape(t(m, "贵单位综合得分 \(m.scoreText(ev.score[row])) 分（满分 \(top) 分），在 \(ev.order.count) 家参评企业中排名第 \(ev.rank[row]) 位，星级评定为\(starLabel)。", "Your score is \(m.scoreText(ev.score[row])) of \(top), rank \(ev.rank[row]) of \(ev.order.count); stars: \(starLabel).")))</p>\n")
    let span = spec.evaluation.scale.upperBound - spec.evaluation.scale.lowerBound
    try sink.write("<table>\n<thead><tr><th>\(t(m, "指标", "Criterion"))</th><th>\(t(m, "填报值", "Value"))</th><th>\(t(m, "位次", "Standing"))</th>")
    try sink.write("<th>\(t(m, "得分", "Points"))</th><th>\(t(m, "满分", "Of"))</th></tr></thead>\n<tbody>\n")
    var lost: [(j: Int, points: Double)] = []
    var gained: [(j: Int, share: Double)] = []
    for (j, c) in spec.criteria.enumerated() {
      let w = j < ev.weights.count ? ev.weights[j] : 0
      let r = ev.normalised[j][row]
      let points = w * r * span
      lost.append((j, w * (1 - r) * span))
      gained.append((j, r))
      let fr = m.facts.rows[row]
      var value = OfficialText.raw(fr?.raw[j] ?? nil, unit: OfficialText.unit(c, spec: spec))
      if fr?.imputed[j] == true { value += t(m, "（未填报，按规则补齐）", " (missing, imputed)") }
      let standing = fr.map { t(m, "第 \($0.position[j]) 名（前 \(max(1, Int(($0.standing[j] * 100).rounded(.up))))%）", "\($0.position[j]) (top \(max(1, Int(($0.standing[j] * 100).rounded(.up))))%)") } ?? ""
      try sink.write("<tr><td>\(HTML.escape(c.label))</td><td class=\"n\">\(HTML.escape(value))</td><td class=\"nw\">\(standing)</td>")
      try sink.write("<td class=\"n\">\(formatFixed(points, decimals: 2))</td><td class=\"n\">\(formatFixed(w * span, decimals: 2))</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    let strengths = gained.filter { $0.share >= 0.8 }.sorted { ($0.share, -$0.j) > ($1.share, -$1.j) }.prefix(3).map { spec.criteria[$0.j].label }
    let weak = lost.filter { $0.points > 0.01 }.sorted { ($0.points, -$0.j) > ($1.points, -$1.j) }.prefix(3)
    let sep = en ? ", " : "、"
    if !strengths.isEmpty { try sink.write("<p>\(HTML.escape(t(m, "优势指标：", "Strengths: ") + strengths.joined(separator: sep)))</p>\n") }
    if !weak.isEmpty {
      let text = weak.map { t(m, "\(spec.criteria[$0.j].label)（失分 \(formatFixed($0.points, decimals: 2))）", "\(spec.criteria[$0.j].label) (\(formatFixed($0.points, decimals: 2)) points lost)") }
      try sink.write("<p>\(HTML.escape(t(m, "待提升指标：", "To improve: ") + text.joined(separator: sep)))</p>\n")
    }
    if row < ev.starGap.count, let gap = ev.starGap[row] {
      var parts: [String] = []
      if gap.pointsShort > 0 { parts.append(t(m, "得分还差 \(m.scoreText(gap.pointsShort)) 分", "\(m.scoreText(gap.pointsShort)) points short")) }
      let unmet = gap.unmet(shown: shown).map { en ? $0 : OfficialText.connectives($0) }
      if !unmet.isEmpty { parts.append(t(m, "尚未满足：", "unmet: ") + unmet.joined(separator: en ? "; " : "；")) }
      let next = spec.stars.levels.first { $0.stars == gap.nextStars }?.label ?? "\(gap.nextStars)★"
      try sink.write("<p>\(HTML.escape(t(m, "距\(next)：", "To reach \(next): ") + parts.joined(separator: en ? "; " : "；")))</p>\n")
    }
  }

  /// Each programme's decision and reason, with this programme's reward.
  private static func programmes(
    _ m: ReportModel, row: Int, awards: [RewardAllocation.Award], reasons: inout [[String?]], _ sink: ByteSink
  ) throws(ReportError) {
    guard !m.decision.programmes.isEmpty else { return }
    let en = m.labels.english
    try sink.write("<table>\n<thead><tr><th>\(t(m, "推荐项目", "Programme"))</th><th>\(t(m, "结果", "Decision"))</th><th>\(t(m, "说明", "Reason"))</th></tr></thead>\n<tbody>\n")
    for (p, d) in m.decision.programmes.enumerated() {
      let (status, reason) = m.entry(programme: p, row: row)
      var decision = t(m, "未参评", "not considered")
      var why = ""
      switch status {
      case .selected?:
        decision = t(m, "拟推荐（第 \((d.selected.firstIndex(of: row) ?? 0) + 1) 名）", "recommended (no. \((d.selected.firstIndex(of: row) ?? 0) + 1))")
        why = m.listEntries(p).first { $0.row == row }.map { e in [e.reason, e.note].filter { !$0.isEmpty }.joined(separator: en ? "; " : "；") } ?? ""
      case .reserve?:
        decision = t(m, "候补（第 \((d.reserve.firstIndex(of: row) ?? 0) + 1) 位）", "reserve (no. \((d.reserve.firstIndex(of: row) ?? 0) + 1))")
        why = m.listEntries(p).first { $0.row == row }?.reason ?? ""
      case .excluded?:
        decision = t(m, "未入选", "not selected")
        let k = Int(m.excludedReason[p][row])
        if let text = reasons[p][k] {
          why = text
        } else if let reason {
          why = en ? reason.text(english: true) : OfficialText.connectives(reason.text(english: false))
          reasons[p][k] = why
        }
      case nil: break
      }
      let paid = awards.filter { $0.source == d.key }.reduce(0) { $0 + $1.granted }
      if paid > 0 { why += t(m, "；奖励 \(OfficialText.yuan(paid))", "; reward \(OfficialText.yuan(paid, english: true))") }
      try sink.write("<tr><td>\(HTML.escape(m.programmeName(d.key)))</td><td class=\"nw\">\(HTML.escape(decision))</td><td>\(HTML.escape(why))</td></tr>\n")
    }
    try sink.write("</tbody>\n</table>\n")
    let stars = awards.filter { $0.source.hasPrefix("stars:") && !$0.superseded }
    for a in stars {
      let unpaid = a.entitled - a.granted
      let text =
        unpaid > 0
        ? t(m, "\(m.awardSourceName(a.source))奖励：应得 \(OfficialText.yuan(a.entitled))，因预算不足实发 \(OfficialText.yuan(a.granted))。", "\(m.awardSourceName(a.source)) award: \(OfficialText.yuan(a.entitled, english: true)) earned, \(OfficialText.yuan(a.granted, english: true)) paid (budget exhausted).")
        : t(m, "\(m.awardSourceName(a.source))奖励：\(OfficialText.yuan(a.granted))。", "\(m.awardSourceName(a.source)) award: \(OfficialText.yuan(a.granted, english: true)).")
      try sink.write("<p>\(HTML.escape(text))</p>\n")
    }
  }
}
