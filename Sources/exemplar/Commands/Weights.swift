import ArgumentParser
import Criteria
import Foundation
import Model
import Reports
import Scoring
import Sensitivity

struct Weights: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weights",
    abstract: Exit.text(
      Message(
        zh: "评价标准文件得出的最终权重及其推导过程。",
        en: "The final weights the criteria file yields, and how they were derived.")),
    discussion: Exit.text(
      Message(
        zh: "对指标树的每个节点：赋权方法及下级的局部权重；AHP 的 λmax、CI、CR 和随机一致性指标 RI；熵权法的 e_j 和 d_j；CRITIC 法的 σ_j、冲突性和信息量；最后是每项指标的最终权重（其路径上各级权重之积）。",
        en: """
          For every node of the criteria tree: the weighting method and the children's local \
          weights; AHP λmax, CI, CR and the random index; entropy e_j and d_j; CRITIC σ_j, \
          conflict and information; then each criterion's final weight (product along its path).
          """)))

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Flag(
    help: .text(
      zh: "同时按推荐项目打印每项指标的权重稳定区间（仅限加权求和）：该权重在此范围内变动、其余权重按比例缩放时，推荐名单保持不变。",
      en: "Also print each criterion's weight-stability interval per programme (weighted sum only): the range of its weight, the others rescaled proportionally, over which the shortlist stays the same."))
  var stability = false

  func run() throws {
    let pipeline = Pipeline(input: input)
    if stability {
      let a = try pipeline.analyse()
      guard case .weightedSum = a.spec.aggregation.method else {
        // The weights stand; the intervals are defined for weighted sums only (docs/sensitivity.md).
        print(output.json ? json(a.spec, a.evaluation) : text(a.spec, a.evaluation))
        let method = a.spec.aggregation.method.name
        var log = DiagnosticLog()
        log.append(
          a.spec.diagnostic(
            at: "aggregation.method",
            Message(
              zh: "没有权重稳定区间：它只对加权求和（weighted-sum）汇总是精确的，此文件使用 \(method)；其稳健性请用 exemplar sensitivity 分析",
              en: "no stability intervals: they are exact for weighted-sum aggregation only, this file uses \(method); use exemplar sensitivity for its robustness"),
            severity: .note))
        Exit.report(log)
        return
      }
      let programmes: [ProgrammeStability]
      do {
        let model = try SensitivityModel(evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history, committee: a.committee)
        programmes = try StabilityIntervals.compute(model, threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
      } catch {
        throw error.located(spec: a.spec, table: a.table)
      }
      print(output.json ? stabilityJSON(a, programmes) : Diagnostic.terminalSafeLines(text(a.spec, a.evaluation) + "\n\n" + stabilityText(a, programmes)))
      return
    }
    let spec = try pipeline.loadSpec()
    let table = try pipeline.ingest(spec)
    let ev = try pipeline.evaluate(table, spec)
    print(output.json ? json(spec, ev) : Diagnostic.terminalSafeLines(text(spec, ev)))
  }

  func stabilityText(_ a: Analysis, _ programmes: [ProgrammeStability]) -> String {
    var out = ["weight-stability intervals (shortlist unchanged while the weight stays inside; others rescaled proportionally):"]
    for p in programmes {
      let name = a.spec.programmes.first { $0.key == p.key }?.name ?? p.key
      out.append("\(name) [\(p.key)]")
      for i in p.intervals {
        let name = (i.isGroup ? "group " : "") + i.criterion
        var line = "  \(pad(name, 28)) \(formatFixed(i.nominalWeight, decimals: 4)) ∈ [\(formatFixed(i.low, decimals: 4)), \(formatFixed(i.high, decimals: 4))]"
        line += "  (final \(formatFixed(i.finalWeight, decimals: 4)))"
        let ev = a.evaluation
        func who(_ row: Int) -> String { "\(ev.ids[row]) \(ev.labels[row])" }
        if let c = i.lowCrossing { line += "  ↓ \(who(c.entering)) replaces \(who(c.leaving))" }
        if let c = i.highCrossing { line += "  ↑ \(who(c.entering)) replaces \(who(c.leaving))" }
        if !i.exact { line += "  (conservative)" }
        out.append(line)
      }
    }
    return out.joined(separator: "\n")
  }

  func stabilityJSON(_ a: Analysis, _ programmes: [ProgrammeStability]) -> String {
    let ids = a.evaluation.ids
    var j = JSONText()
    func crossing(_ key: String, _ c: Crossing?) {
      j.key(key)
      guard let c else { return j.null() }
      j.beginObject()
      j.field("weight", c.weight)
      j.field("entering", ids[c.entering])
      j.field("entering_label", a.evaluation.labels[c.entering])
      j.field("leaving", ids[c.leaving])
      j.field("leaving_label", a.evaluation.labels[c.leaving])
      j.endObject()
    }
    j.beginObject()
    weights(&j, a.spec, a.evaluation)
    j.key("stability")
    j.beginArray()
    for p in programmes {
      j.beginObject()
      j.field("key", p.key)
      j.key("intervals")
      j.beginArray()
      for i in p.intervals {
        j.beginObject()
        j.field("criterion", i.criterion)
        j.field("kind", i.isGroup ? "group" : "criterion")
        j.field("weight", i.nominalWeight)
        j.field("final_weight", i.finalWeight)
        j.field("low", i.low)
        j.field("high", i.high)
        j.field("exact", i.exact)
        crossing("low_crossing", i.lowCrossing)
        crossing("high_crossing", i.highCrossing)
        j.endObject()
      }
      j.endArray()
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text
  }

  /// `"weights": {criterion key: final weight, …}`.
  func weights(_ j: inout JSONText, _ spec: Spec, _ ev: Evaluation) {
    j.key("weights")
    j.beginObject()
    for (k, c) in spec.criteria.enumerated() { j.field(c.key, ev.weights[k]) }
    j.endObject()
  }

  func text(_ spec: Spec, _ ev: Evaluation) -> String {
    var out: [String] = []
    for node in ev.weightReport.nodes {
      let title = node.key.isEmpty ? "root" : (spec.group(node.key).map { "\($0.label) [\(node.key)]" } ?? node.key)
      out.append("\(title): \(node.method.rawValue)")
      for (i, child) in node.children.enumerated() {
        var line = "  \(pad(child, 28)) \(formatFixed(node.localWeights[i], decimals: 6))"
        if let e = node.entropy { line += "   e=\(formatFixed(e.e[i], decimals: 6)) d=\(formatFixed(e.d[i], decimals: 6))" }
        if let c = node.critic {
          line += "   σ=\(formatFixed(c.sigma[i], decimals: 6)) conflict=\(formatFixed(c.conflict[i], decimals: 6)) C=\(formatFixed(c.information[i], decimals: 6))"
        }
        if let s = node.sigma { line += "   σ=\(formatFixed(s[i], decimals: 6))" }
        out.append(line)
      }
      if node.tookEqualWeights {
        out.append("  no criterion of this node varies over the ranked rows: equal weights (docs/methods.md, \"Weights\")")
      }
      if let a = node.ahp {
        out.append("  λmax=\(formatFixed(a.lambdaMax, decimals: 6)) CI=\(formatFixed(a.ci, decimals: 6)) RI=\(formatFixed(a.ri, decimals: 2)) CR=\(formatFixed(a.cr, decimals: 6))")
      }
    }
    out.append("")
    out.append("final weights (sum 1):")
    for (j, c) in spec.criteria.enumerated() {
      out.append("  \(pad("\(c.label) [\(c.key)]", 40)) \(formatFixed(ev.weights[j], decimals: 6))")
    }
    return out.joined(separator: "\n")
  }

  func json(_ spec: Spec, _ ev: Evaluation) -> String {
    var j = JSONText()
    j.beginObject()
    weights(&j, spec, ev)
    j.key("nodes")
    j.beginArray()
    for node in ev.weightReport.nodes {
      j.beginObject()
      j.field("key", node.key)
      j.field("method", node.method.rawValue)
      j.field("children", strings: node.children)
      j.field("local_weights", numbers: node.localWeights)
      if let a = node.ahp {
        j.key("ahp")
        j.beginObject()
        j.field("lambda_max", a.lambdaMax)
        j.field("ci", a.ci)
        j.field("cr", a.cr)
        j.field("ri", a.ri)
        j.endObject()
      }
      if let e = node.entropy {
        j.key("entropy")
        j.beginObject()
        j.field("e", numbers: e.e)
        j.field("d", numbers: e.d)
        j.endObject()
      }
      if let c = node.critic {
        j.key("critic")
        j.beginObject()
        j.field("sigma", numbers: c.sigma)
        j.field("conflict", numbers: c.conflict)
        j.field("information", numbers: c.information)
        j.endObject()
      }
      if let s = node.sigma { j.field("sigma", numbers: s) }
      if node.tookEqualWeights { j.field("equal_weights_rule", true) }
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text
  }
}
