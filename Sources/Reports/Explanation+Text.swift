import Criteria
import Model
import Procedure
import Scoring
import Selection

extension Explanation {
  /// The text `exemplar explain` prints.
  public var text: String {
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
}

/// Pads to `width` display columns (CJK counted as 2).
public func pad(_ s: String, _ width: Int) -> String {
  let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
  return s + String(repeating: " ", count: max(1, width - w))
}
