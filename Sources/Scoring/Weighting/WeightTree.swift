import Criteria

/// Local and effective weights over the criteria tree (docs/criteria.md, "groups").
///
/// The root's children are the criteria with `group == nil` and the groups with
/// `parent == nil`; a group's children are its criteria then its sub-groups, in file
/// order. Each node is weighted by `group.weighting ?? spec.weighting`, and
/// ```
/// w_criterion = Π (local weights along the path from the root)
/// ```
/// rescaled once at the end so the criterion weights sum to exactly 1.
///
/// The loader guarantees a valid tree (direct weights finite, ≥ 0 and summing to 1 or
/// rescaled from a positive sum; an AHP matrix ordered by exactly the node's children;
/// data-driven methods only over criteria), and the data-driven methods fall back to equal
/// weights on degenerate data, so resolving cannot fail.
public enum WeightTree {
  public struct Result: Sendable {
    /// Effective weight per criterion, spec order, Σ = 1.
    public var weights: [Double]
    public var report: WeightReport
  }

  /// One child of a node: a criterion index or a group key.
  enum Child {
    case criterion(Int)
    case group(String)
  }

  /// - Parameter orientedMinMax: the oriented min-max column r_j of criterion j over the
  ///   ranked rows (used by entropy, CRITIC and std-dev only).
  public static func resolve(
    spec: Spec, orientedMinMax: (Int) -> [Double]
  ) -> Result {
    var effective = [Double](repeating: 0, count: spec.criteria.count)
    var nodes: [WeightReport.NodeWeights] = []
    visit(
      node: "", weighting: spec.weighting, multiplier: 1, spec: spec, orientedMinMax: orientedMinMax,
      effective: &effective, nodes: &nodes)
    let total = effective.reduce(0, +)
    precondition(total > 0, "every criterion weight is 0: the spec was not built by the loader")
    return Result(weights: effective.map { $0 / total }, report: WeightReport(nodes: nodes))
  }

  static func children(of node: String, spec: Spec) -> [Child] {
    let key: String? = node.isEmpty ? nil : node
    var out: [Child] = []
    for (j, c) in spec.criteria.enumerated() where c.group == key { out.append(.criterion(j)) }
    for g in spec.groups where g.parent == key { out.append(.group(g.key)) }
    return out
  }

  private static func visit(
    node: String, weighting: WeightingSpec, multiplier: Double, spec: Spec,
    orientedMinMax: (Int) -> [Double], effective: inout [Double], nodes: inout [WeightReport.NodeWeights]
  ) {
    let kids = children(of: node, spec: spec)
    guard !kids.isEmpty else { return }
    let keys = kids.map { child -> String in
      switch child {
      case .criterion(let j): return spec.criteria[j].key
      case .group(let g): return g
      }
    }
    let entry = localWeights(node: node, weighting: weighting, kids: kids, keys: keys, spec: spec, orientedMinMax: orientedMinMax)
    nodes.append(entry)
    for (i, child) in kids.enumerated() {
      let w = multiplier * entry.localWeights[i]
      switch child {
      case .criterion(let j): effective[j] = w
      case .group(let g):
        let groupWeighting = spec.group(g)?.weighting ?? spec.weighting
        visit(
          node: g, weighting: groupWeighting, multiplier: w, spec: spec, orientedMinMax: orientedMinMax,
          effective: &effective, nodes: &nodes)
      }
    }
  }

  private static func localWeights(
    node: String, weighting: WeightingSpec, kids: [Child], keys: [String], spec: Spec,
    orientedMinMax: (Int) -> [Double]
  ) -> WeightReport.NodeWeights {
    var entry = WeightReport.NodeWeights(key: node, method: weighting.method, children: keys, localWeights: [])
    switch weighting.method {
    case .direct:
      let given = kids.map { child -> Double in
        switch child {
        case .criterion(let j): return spec.criteria[j].weight ?? 0
        case .group(let g): return spec.group(g)?.weight ?? 0
        }
      }
      let total = given.reduce(0, +)
      precondition(
        total > 0 && given.allSatisfy { $0.isFinite && $0 >= 0 },
        "node '\(node)': direct weights \(given) are not finite, ≥ 0 with a positive sum: the spec was not built by the loader")
      entry.localWeights = weighting.normalise ? given.map { $0 / total } : given
    case .equal:
      entry.localWeights = [Double](repeating: 1 / Double(kids.count), count: kids.count)
    case .entropy, .critic, .standardDeviation:
      var columns: [[Double]] = []
      for (i, child) in kids.enumerated() {
        guard case .criterion(let j) = child else {
          preconditionFailure("node '\(node)': \(weighting.method.rawValue) weighting over group '\(keys[i])': the spec was not built by the loader")
        }
        columns.append(orientedMinMax(j))
      }
      switch weighting.method {
      case .entropy:
        let r = EntropyWeighting.compute(columns)
        entry.localWeights = r.weights
        entry.entropy = (r.e, r.d)
      case .critic:
        let r = CRITICWeighting.compute(columns)
        entry.localWeights = r.weights
        entry.critic = (r.sigma, r.conflict, r.information)
      default:
        let r = StdDevWeighting.compute(columns)
        entry.localWeights = r.weights
        entry.sigma = r.sigma
      }
      // The inputs are unit columns, so this cannot fail; if it ever did, it is a defect,
      // never a quiet switch to other weights.
      for (i, w) in entry.localWeights.enumerated() {
        precondition(w.isFinite && w >= 0, "node '\(node)': \(weighting.method.rawValue) weight of '\(keys[i])' is \(w)")
      }
    case .ahp:
      guard let ahp = weighting.ahp, ahp.order.count == keys.count, Set(ahp.order) == Set(keys) else {
        preconditionFailure("node '\(node)': the AHP order does not name the children \(keys): the spec was not built by the loader")
      }
      let solved = AHP.solve(ahp.matrix)
      var byKey: [String: Double] = [:]
      for (i, k) in ahp.order.enumerated() where i < solved.weights.count { byKey[k] = solved.weights[i] }
      entry.localWeights = keys.map { byKey[$0] ?? 0 }
      entry.ahp = (solved.lambdaMax, solved.ci, solved.cr, solved.ri)
    }
    return entry
  }
}
