import ArgumentParser
import Criteria
import Model
import Scoring

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

  func run() throws {
    let pipeline = Pipeline(input: input)
    let spec = try pipeline.loadSpec()
    let (table, _) = try pipeline.ingest(spec)
    let ev = try pipeline.evaluate(table, spec)
    print(output.json ? json(spec, ev) : text(spec, ev))
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
    let weights = spec.criteria.indices.map { "\(jsonString(spec.criteria[$0].key)):\(jsonNumber(ev.weights[$0]))" }
    let nodes = ev.weightReport.nodes.map { node -> String in
      var f = [
        "\"key\":\(jsonString(node.key))", "\"method\":\(jsonString(node.method.rawValue))",
        "\"children\":[\(node.children.map(jsonString).joined(separator: ","))]",
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
      return "{" + f.joined(separator: ",") + "}"
    }
    return "{\"weights\":{\(weights.joined(separator: ","))},\"nodes\":[\(nodes.joined(separator: ","))]}"
  }
}
