import Criteria
import Model
import Procedure
import Scoring
import Selection

/// The explanation of one enterprise (`exemplar explain --id`, the tuning page's card),
/// rendered as text (`text`) or JSON (`json`): per criterion raw value → normalised value
/// → weight → points; rank, stars and what stands before the next star; each programme's
/// decision with its reason and reward; screening, expert reviews and committee decisions
/// when there are any.
public struct Explanation {
  /// What one run gave, as `explain` and the tuning page hold it.
  public struct Run {
    public let spec: Spec
    public let table: Table
    public let evaluation: Evaluation
    public let decision: Decision
    public let committee: Committee
    /// The expert reviews (`--reviews`), if any.
    public let reviews: ReviewPanel?

    public init(spec: Spec, table: Table, evaluation: Evaluation, decision: Decision, committee: Committee, reviews: ReviewPanel?) {
      self.spec = spec
      self.table = table
      self.evaluation = evaluation
      self.decision = decision
      self.committee = committee
      self.reviews = reviews
    }
  }

  let analysis: Run
  let row: Int
  let english: Bool

  /// The explanation of `row` (a row of `run.table`) in Chinese, or English with `english`.
  public init(_ run: Run, row: Int, english: Bool) {
    self.analysis = run
    self.row = row
    self.english = english
  }

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
}
