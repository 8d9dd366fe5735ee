import ArgumentParser
import Criteria
import Model
import Procedure
import Reports
import Scoring
import Selection

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Why an enterprise has its score, rank, stars and programme decisions.",
    discussion: """
      Per criterion: raw value → normalised value → weight → contribution; then rank, stars, \
      what stands between it and the next star, and each programme's decision with its \
      reason and reward. With --screen, --reviews and --decisions: why it was screened out, \
      its reviewers and dropped scores, and for each programme what the computation gave \
      beside the final decision, with who decided, when and why.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help:
      "The enterprise: its id (unified social credit code; case and spaces ignored), its exact name, or a part of the name only it has.")
  var id: String

  func run() throws {
    let a = try Pipeline(input: input).analyse()
    let row: Int
    switch EnterpriseLookup.find(id, in: a.evaluation) {
    case .success(let r): row = r
    case .failure(let f): throw StageFailure(.data, Diagnostic(file: input.metrics, line: 0, message: f.message))
    }
    let e = ExplanationModel(analysis: a, row: row, english: output.lang == .en)
    print(output.json ? e.json : Diagnostic.terminalSafeLines(e.text))
  }
}

/// The explanation of one enterprise, rendered as text or JSON.
struct ExplanationModel {
  let analysis: Analysis
  let row: Int
  let english: Bool

  struct CriterionLine {
    let key, label, rawValue: String
    let imputed: Bool
    let normalised, weight, contribution, points: Double
  }

  var criterionLines: [CriterionLine] {
    let ev = analysis.evaluation
    let spec = analysis.spec
    let shares = ev.contributions(row: row)
    let parts = ev.contributionParts(row: row)
    let span = spec.evaluation.scale.upperBound - spec.evaluation.scale.lowerBound
    return spec.criteria.indices.map { j in
      let c = spec.criteria[j]
      return CriterionLine(
        key: c.key, label: c.label, rawValue: analysis.table.string(c.column, row: row), imputed: ev.imputed[j][row],
        normalised: ev.methodInput[j][row], weight: ev.weights[j], contribution: shares[j], points: parts[j] * span)
    }
  }

  func decisionText(_ p: Int) -> (String, Double) {
    let d = analysis.decision.programmes[p]
    let reward = analysis.decision.rewards.awards.filter { $0.row == row && $0.source == d.key }.reduce(0) { $0 + $1.granted }
    switch d.outcome(row: row) {
    case .selected(let pos)?: return (english ? "selected (no. \(pos))" : "入选（第\(pos)名）", reward)
    case .reserve(let pos)?:
      let why = d.reserveReasons[row].map { (english ? " — " : "——") + $0.text(english: english) } ?? ""
      return ((english ? "reserve (no. \(pos))" : "候补（第\(pos)位）") + why, reward)
    case .excluded(let reason)?: return (reason.text(english: english), reward)
    case nil: return (english ? "not considered" : "未参评", reward)
    }
  }

  /// What the computation alone gave for programme `p` (before committee decisions).
  func computedText(_ p: Int) -> String {
    guard p < analysis.decision.computed.count else { return "" }
    let c = analysis.decision.computed[p]
    if let i = c.selected.firstIndex(of: row) { return english ? "selected (no. \(i + 1))" : "入选（第\(i + 1)名）" }
    if let i = c.reserve.firstIndex(of: row) { return english ? "reserve (no. \(i + 1))" : "候补（第\(i + 1)位）" }
    return english ? "not on the list" : "未入选"
  }

  /// The committee decisions about this enterprise, as lines.
  var committeeLines: [String] {
    analysis.committee.about(row).map { a in
      let d = a.decision
      let action = english ? d.action.rawValue : ["veto": "否决", "withdraw": "撤回", "add": "增补"][d.action.rawValue] ?? d.action.rawValue
      return "  \(action) \(d.programme): \(d.reason) — \(d.decidedBy), \(d.date) (\(d.file):\(d.line))"
    }
  }

  /// The expert reviews of this enterprise, as lines (empty without `--reviews`).
  var reviewLines: [String] {
    guard let panel = analysis.reviews else { return [] }
    let r = panel.details(row)
    let scores = r.used.map { "\($0.reviewer) \(formatNumber($0.score))" }.joined(separator: ", ")
    var out = [
      (english ? "expert review: " : "专家评审：")
        + (r.value.map { formatFixed($0, decimals: analysis.spec.evaluation.scoreDecimals) } ?? (english ? "none (too few reviewers)" : "无（评审专家不足）"))
        + (english ? " (\(panel.spec.aggregate.rawValue) of \(r.used.count) reviewers)" : "（\(r.used.count)位专家，\(panel.spec.aggregate.rawValue)）")
    ]
    if !scores.isEmpty { out.append((english ? "  scores: " : "  评分：") + scores) }
    if !r.trimmed.isEmpty {
      out.append((english ? "  dropped (highest and lowest): " : "  去掉最高分和最低分：") + r.trimmed.map { "\($0.reviewer) \(formatNumber($0.score))" }.joined(separator: ", "))
    }
    if !r.recused.isEmpty { out.append((english ? "  recused: " : "  回避：") + r.recused.joined(separator: ", ")) }
    return out
  }

  var text: String {
    let ev = analysis.evaluation
    let spec = analysis.spec
    let d = spec.evaluation.scoreDecimals
    var out: [String] = []
    out.append("\(ev.ids[row])  \(ev.labels[row])  (\(analysis.table.source) line \(analysis.table.lines[row]))")
    let screened = ev.screening.reasons(of: row)
    if !screened.isEmpty {
      out.append(english ? "screened out before scoring (not ranked, no stars, no reward):" : "一票否决（不参与排名、星级评定和奖励）：")
      for s in screened {
        out.append("  \(s.reason)" + (s.evidence.isEmpty ? "" : (english ? "; evidence: " : "；依据：") + s.evidence) + " (\(s.file):\(s.line))")
      }
    }
    out += reviewLines
    if ev.rank[row] == 0 {
      if screened.isEmpty {
        let why = ev.unranked.first { $0.row == row }?.reason ?? ""
        out.append(english ? "not ranked: \(why)" : "未参与排名：\(why)")
      }
      if !committeeLines.isEmpty { out.append(english ? "committee decisions" : "评审委员会决定") }
      out += committeeLines
      return out.joined(separator: "\n")
    }
    out.append(
      (english ? "score " : "得分 ") + formatFixed(ev.score[row], decimals: d) + (english ? "  rank " : "  排名 ") + "\(ev.rank[row])/\(ev.order.count)"
        + (ev.competitionRank[row] != ev.rank[row] ? " (= \(ev.competitionRank[row]))" : "")
        + (english ? "  stars \(ev.stars[row])" : "  星级 \(ev.stars[row])") + "  raw \(ev.raw[row])")
    out.append("")
    // Under the weighted sum a criterion's points are normalised × weight; under the other
    // methods they are its part of what the method computed (docs/methods.md, "Contributions").
    let additive = ev.decomposition.isWeightedSum
    if additive {
      out.append(english ? "criterion                               raw value → normalised × weight = points (share)" : "指标                                        原始值 → 标准化 × 权重 = 得分贡献（占比）")
    } else {
      out.append(
        english
          ? "criterion                               raw value → value the method used, weight: points (share of the \(spec.aggregation.method.name) score)"
          : "指标                                        原始值 → 方法所用值，权重：得分贡献（占\(spec.aggregation.method.name)得分之比）")
    }
    for l in criterionLines {
      let name = "\(l.label) [\(l.key)]"
      let value = formatFixed(l.normalised, decimals: 4), weight = formatFixed(l.weight, decimals: 4)
      out.append(
        "  \(pad(name, 44)) \(l.rawValue.isEmpty ? "—" : l.rawValue)\(l.imputed ? (english ? " (imputed)" : "（补缺）") : "") → "
          + (additive ? "\(value) × \(weight) = " : "\(value), \(weight): ")
          + "\(formatFixed(l.points, decimals: d)) (\(formatFixed(l.contribution * 100, decimals: 1))%)")
    }
    if !spec.groups.isEmpty {
      out.append("")
      out.append(english ? "group scores" : "分组得分")
      for g in spec.groups { out.append("  \(g.label) [\(g.key)]: " + formatFixed(ev.groupScores[g.key]?[row] ?? 0, decimals: d)) }
    }
    out.append("")
    if let gap = ev.starGap[row] {
      var s = english ? "next star (\(gap.nextStars)★): " : "距\(gap.nextStars)星级："
      var parts: [String] = []
      if gap.pointsShort > 0 { parts.append(english ? "\(formatFixed(gap.pointsShort, decimals: d)) points short" : "差 \(formatFixed(gap.pointsShort, decimals: d)) 分") }
      if !gap.unmetRequirements.isEmpty {
        parts.append((english ? "unmet: " : "未满足：") + gap.unmet(shown: OfficialNames.starRequirements(spec, english: english)).joined(separator: english ? "; " : "；"))
      }
      s += parts.isEmpty ? (english ? "met" : "已满足") : parts.joined(separator: english ? "; " : "；")
      out.append(s)
    } else {
      out.append(english ? "stars: top level reached" : "星级：已达最高等级")
    }
    if !spec.programmes.isEmpty {
      out.append("")
      out.append(english ? "programmes" : "推荐项目")
      for (p, prog) in spec.programmes.enumerated() {
        let (decision, reward) = decisionText(p)
        let computed = analysis.committee.isEmpty ? "" : computedText(p)
        let off = analysis.decision.programmes[p].outcome(row: row).map { if case .excluded = $0 { return true } else { return false } } ?? true
        let unchanged = computed == decision || (computed == (english ? "not on the list" : "未入选") && off)
        let before = computed.isEmpty || unchanged ? "" : (english ? "computed: \(computed) → final: " : "计算结果：\(computed) → 最终：")
        out.append("  \(prog.name) [\(prog.key)]: \(before)\(decision)\(reward > 0 ? (english ? ", reward " : "，奖励 ") + formatFixed(reward, decimals: 0) : "")")
      }
    }

    let stars = analysis.decision.rewards.awards.filter { $0.row == row && $0.source.hasPrefix("stars:") }
    for a in stars {
      // The shortfall said in words: what was earned, what the budget paid.
      let short = a.granted < a.entitled && !a.superseded
      let unpaid = formatFixed(a.entitled - a.granted, decimals: 0)
      let note =
        short
        ? (english
          ? " of \(formatFixed(a.entitled, decimals: 0)) earned (\(unpaid) unpaid: budget exhausted)"
          : "（应得 \(formatFixed(a.entitled, decimals: 0))，因预算不足未发 \(unpaid)）") : ""
      out.append((english ? "  star reward: " : "  星级奖励：") + formatFixed(a.granted, decimals: 0) + note)
    }
    if !committeeLines.isEmpty {
      out.append("")
      out.append(english ? "committee decisions" : "评审委员会决定")
      out += committeeLines
    }
    return out.joined(separator: "\n")
  }

  var json: String {
    let ev = analysis.evaluation
    var j = JSONText()
    j.beginObject()
    j.field("id", ev.ids[row])
    j.field("label", ev.labels[row])
    j.field("line", analysis.table.lines[row])
    j.field("rank", ev.rank[row])
    j.field("competition_rank", ev.competitionRank[row])
    j.field("score", ev.score[row])
    j.field("raw", ev.raw[row])
    j.field("stars", ev.stars[row])
    j.key("criteria")
    j.beginArray()
    for l in criterionLines {
      j.beginObject()
      j.field("key", l.key)
      j.field("value", l.rawValue.isEmpty ? nil : l.rawValue)
      j.field("imputed", l.imputed)
      j.field("normalised", l.normalised)
      j.field("weight", l.weight)
      j.field("points", l.points)
      j.field("contribution", l.contribution)
      j.endObject()
    }
    j.endArray()
    if let gap = ev.starGap[row] {
      j.key("star_gap")
      j.beginObject()
      j.field("next_stars", gap.nextStars)
      j.field("points_short", gap.pointsShort)
      j.field("unmet", strings: gap.unmetRequirements)
      j.endObject()
    }
    j.key("programmes")
    j.beginArray()
    for p in analysis.spec.programmes.indices {
      let (decision, reward) = decisionText(p)
      j.beginObject()
      j.field("key", analysis.spec.programmes[p].key)
      j.field("decision", decision)
      j.field("computed", computedText(p))
      j.field("reward", reward)
      j.endObject()
    }
    j.endArray()
    j.key("screened")
    j.beginArray()
    for s in ev.screening.reasons(of: row) {
      j.beginObject()
      j.field("kind", s.kind.rawValue)
      j.field("reason", s.reason)
      j.field("evidence", s.evidence)
      j.field("file", s.file)
      j.field("line", s.line)
      j.endObject()
    }
    j.endArray()
    if let panel = analysis.reviews {
      let r = panel.details(row)
      j.key("review")
      j.beginObject()
      if let v = r.value { j.field("value", v) } else { j.key("value"); j.null() }
      j.field("reviewers", r.used.count)
      j.field("dropped", strings: r.trimmed.map(\.reviewer))
      j.field("recused", strings: r.recused)
      j.endObject()
    }
    j.key("committee")
    j.beginArray()
    for a in analysis.committee.about(row) {
      j.beginObject()
      j.field("programme", a.decision.programme)
      j.field("action", a.decision.action.rawValue)
      j.field("reason", a.decision.reason)
      j.field("decided_by", a.decision.decidedBy)
      j.field("date", a.decision.date)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text
  }
}

/// Pads to `width` display columns (CJK counted as 2).
func pad(_ s: String, _ width: Int) -> String {
  let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
  return s + String(repeating: " ", count: max(1, width - w))
}
