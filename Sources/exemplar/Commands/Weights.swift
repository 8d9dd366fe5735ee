import ArgumentParser
import Criteria
import Model
import Reports
import Scoring
import Sensitivity

struct Weights: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weights",
    abstract: "The final weights the criteria file yields, and how they were derived.",
    discussion: """
      For every node of the criteria tree: the weighting method and the children's local
      weights; AHP λmax, CI, CR and the random index; entropy e_j and d_j; CRITIC σ_j,
      conflict and information; then each criterion's final weight (product along its path).
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Flag(help: "Also print each criterion's weight-stability interval per programme (weighted sum only): the range of its weight, the others rescaled proportionally, over which the shortlist stays the same.")
  var stability = false

  func run() throws {
    let pipeline = Pipeline(input: input)
    if stability {
      let a = try pipeline.analyse()
      let programmes: [ProgrammeStability]
      do {
        let model = try SensitivityModel(evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history)
        programmes = try StabilityIntervals.compute(model)
      } catch {
        var err = StandardError()
        print("\(input.criteria): \(error)", to: &err)
        throw ExitCode(Exit.code(for: .config))
      }
      print(output.json ? stabilityJSON(a, programmes) : text(a.spec, a.evaluation) + "\n\n" + stabilityText(a, programmes))
      return
    }
    let spec = try pipeline.loadSpec()
    let table = try pipeline.ingest(spec)
    let ev = try pipeline.evaluate(table, spec)
    print(output.json ? json(spec, ev) : text(spec, ev))
  }

  func stabilityText(_ a: Analysis, _ programmes: [ProgrammeStability]) -> String {
    var out = ["weight-stability intervals (shortlist unchanged while the weight stays inside; others rescaled proportionally):"]
    for p in programmes {
      let name = a.spec.programmes.first { $0.key == p.key }?.name ?? p.key
      out.append("\(name) [\(p.key)]")
      for i in p.intervals {
        var line = "  \(pad(i.criterion, 28)) \(fixed(i.nominalWeight, 4)) ∈ [\(fixed(i.low, 4)), \(fixed(i.high, 4))]"
        if let c = i.lowCrossing { line += "  ↓ \(a.evaluation.ids[c.entering]) replaces \(a.evaluation.ids[c.leaving])" }
        if let c = i.highCrossing { line += "  ↑ \(a.evaluation.ids[c.entering]) replaces \(a.evaluation.ids[c.leaving])" }
        if !i.exact { line += "  (conservative)" }
        out.append(line)
      }
    }
    return out.joined(separator: "\n")
  }

  func stabilityJSON(_ a: Analysis, _ programmes: [ProgrammeStability]) -> String {
    let ids = a.evaluation.ids
    func crossing(_ c: Crossing?) -> String {
      guard let c else { return "null" }
      return "{\"weight\":\(jsonNumber(c.weight)),\"entering\":\(JSONText.quoted(ids[c.entering])),\"leaving\":\(JSONText.quoted(ids[c.leaving]))}"
    }
    let items = programmes.map { p in
      let intervals = p.intervals.map { i in
        "{\"criterion\":\(JSONText.quoted(i.criterion)),\"weight\":\(jsonNumber(i.nominalWeight)),\"low\":\(jsonNumber(i.low)),"
          + "\"high\":\(jsonNumber(i.high)),\"exact\":\(i.exact),\"low_crossing\":\(crossing(i.lowCrossing)),"
          + "\"high_crossing\":\(crossing(i.highCrossing))}"
      }
      return "{\"key\":\(JSONText.quoted(p.key)),\"intervals\":[\(intervals.joined(separator: ","))]}"
    }
    let weights = a.spec.criteria.indices.map { "\(JSONText.quoted(a.spec.criteria[$0].key)):\(jsonNumber(a.evaluation.weights[$0]))" }
    return "{\"weights\":{\(weights.joined(separator: ","))},\"stability\":[\(items.joined(separator: ","))]}"
  }

  func text(_ spec: Spec, _ ev: Evaluation) -> String {
    var out: [String] = []
    for node in ev.weightReport.nodes {
      let title = node.key.isEmpty ? "root" : (spec.group(node.key).map { "\($0.label) [\(node.key)]" } ?? node.key)
      out.append("\(title): \(node.method.rawValue)")
      for (i, child) in node.children.enumerated() {
        var line = "  \(pad(child, 28)) \(fixed(node.localWeights[i], 6))"
        if let e = node.entropy { line += "   e=\(fixed(e.e[i], 6)) d=\(fixed(e.d[i], 6))" }
        if let c = node.critic {
          line += "   σ=\(fixed(c.sigma[i], 6)) conflict=\(fixed(c.conflict[i], 6)) C=\(fixed(c.information[i], 6))"
        }
        if let s = node.sigma { line += "   σ=\(fixed(s[i], 6))" }
        out.append(line)
      }
      if node.tookEqualWeights {
        out.append("  no criterion of this node varies over the ranked rows: equal weights (docs/methods.md, \"Weights\")")
      }
      if let a = node.ahp {
        out.append("  λmax=\(fixed(a.lambdaMax, 6)) CI=\(fixed(a.ci, 6)) RI=\(fixed(a.ri, 2)) CR=\(fixed(a.cr, 6))")
      }
    }
    out.append("")
    out.append("final weights (sum 1):")
    for (j, c) in spec.criteria.enumerated() {
      out.append("  \(pad("\(c.label) [\(c.key)]", 40)) \(fixed(ev.weights[j], 6))")
    }
    return out.joined(separator: "\n")
  }

  func json(_ spec: Spec, _ ev: Evaluation) -> String {
    let weights = spec.criteria.indices.map { "\(JSONText.quoted(spec.criteria[$0].key)):\(jsonNumber(ev.weights[$0]))" }
    let nodes = ev.weightReport.nodes.map { node -> String in
      var f = [
        "\"key\":\(JSONText.quoted(node.key))", "\"method\":\(JSONText.quoted(node.method.rawValue))",
        "\"children\":[\(node.children.map(JSONText.quoted).joined(separator: ","))]",
        "\"local_weights\":[\(node.localWeights.map(jsonNumber).joined(separator: ","))]",
      ]
      if let a = node.ahp {
        f.append("\"ahp\":{\"lambda_max\":\(jsonNumber(a.lambdaMax)),\"ci\":\(jsonNumber(a.ci)),\"cr\":\(jsonNumber(a.cr)),\"ri\":\(jsonNumber(a.ri))}")
      }
      if let e = node.entropy {
        f.append("\"entropy\":{\"e\":[\(e.e.map(jsonNumber).joined(separator: ","))],\"d\":[\(e.d.map(jsonNumber).joined(separator: ","))]}")
      }
      if let c = node.critic {
        f.append(
          "\"critic\":{\"sigma\":[\(c.sigma.map(jsonNumber).joined(separator: ","))],\"conflict\":[\(c.conflict.map(jsonNumber).joined(separator: ","))],"
            + "\"information\":[\(c.information.map(jsonNumber).joined(separator: ","))]}")
      }
      if let s = node.sigma { f.append("\"sigma\":[\(s.map(jsonNumber).joined(separator: ","))]") }
      if node.tookEqualWeights { f.append("\"equal_weights_rule\":true") }
      return "{" + f.joined(separator: ",") + "}"
    }
    return "{\"weights\":{\(weights.joined(separator: ","))},\"nodes\":[\(nodes.joined(separator: ","))]}"
  }
}
