extension WeightReport.NodeWeights {
  /// Whether a data-driven node (entropy, CRITIC, std-dev) took equal weights by the
  /// documented rule because none of its criteria varies over the ranked rows (every
  /// d_j, C_j or σ_j is 0; docs/methods.md, "Weights"). The `weights` command says so.
  public var tookEqualWeights: Bool {
    if let e = entropy { return !e.d.isEmpty && e.d.allSatisfy { $0 == 0 } }
    if let c = critic { return !c.information.isEmpty && c.information.allSatisfy { $0 == 0 } }
    if let s = sigma { return !s.isEmpty && s.allSatisfy { $0 == 0 } }
    return false
  }
}
