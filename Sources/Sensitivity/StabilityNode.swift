import Criteria
import Scoring

/// A weight an analyst edits — a group's or a criterion's local weight among its siblings
/// (as written in the criteria file) — and how every score moves with it.
///
/// Moving node X's local weight ℓ to t, its siblings under the same parent P rescaled by
/// (1 − t)/(1 − ℓ) and every other weight unchanged, keeps every score affine in t:
/// ```
/// s_i(t) = R_i + W_P · ( t·g_i + (1 − t)/(1 − ℓ) · σ_i )
///        = a_i + b_i·t,   a_i = R_i + W_P σ_i/(1 − ℓ),   b_i = W_P (g_i − σ_i/(1 − ℓ))
/// ```
/// with W_P the parent's final weight (1 for the root), g_i = Σ_{j∈X} w_j r_ij / W_X the
/// node's own mean (its normalised value for a criterion), σ_i = Σ_{j∈P∖X} w_j r_ij / W_P
/// its siblings' part and R_i = Σ_{j∉P} w_j r_ij the rest. For a criterion at the root this
/// is the classic c_i + t (r_ij − c_i) of moving one final weight.
struct StabilityNode: Sendable {
  let key: String
  let isGroup: Bool
  /// ℓ: the node's nominal local weight (its final weight over its parent's).
  let local: Double
  /// W_P: the parent's final weight.
  let parentWeight: Double
  /// Criteria under the node, and under its parent but not under it.
  let members: [Int]
  let siblings: [Int]

  /// Every group and criterion whose weight can move (a parent of positive weight and at
  /// least one sibling): groups first, in spec order, then criteria.
  static func all(_ spec: Spec, weights: [Double]) -> [StabilityNode] {
    let all = Array(spec.criteria.indices)
    func under(_ group: String?) -> [Int] { group.map { GroupMean(spec: spec, group: $0).members } ?? all }
    func weight(_ criteria: [Int]) -> Double { criteria.reduce(0) { $0 + weights[$1] } }
    var nodes: [(key: String, isGroup: Bool, members: [Int], parent: String?)] = spec.groups.map {
      ($0.key, true, under($0.key), $0.parent)
    }
    nodes += spec.criteria.indices.map { (spec.criteria[$0].key, false, [$0], spec.criteria[$0].group) }
    return nodes.compactMap { n in
      let parent = under(n.parent)
      // The root weighs 1 by definition (its children's final weights sum to 1 up to rounding).
      let wp = n.parent == nil ? 1 : weight(parent), wx = weight(n.members)
      let siblings = parent.filter { !n.members.contains($0) }
      guard wp > 0, !siblings.isEmpty, wx < wp else { return nil }
      return StabilityNode(
        key: n.key, isGroup: n.isGroup, local: wx / wp, parentWeight: wp, members: n.members, siblings: siblings,
        criteriaCount: all.count)
    }
  }

  /// Whether the node's parent is the root (every criterion is under it).
  var parentIsRoot: Bool { members.count + siblings.count == criteriaCount }
  let criteriaCount: Int

  /// The line (a_i, b_i) of every row; `total[i]` = Σ_j w_j r_ij, the row's nominal utility.
  /// O(n · |node|) for a node at the root, O(n · |parent|) below it.
  func lines(weights w: [Double], normalised r: [UnitColumn], total: [Double]) -> StabilityIntervals.Lines {
    let n = total.count
    let wx = members.reduce(0) { $0 + w[$1] }
    var a = [Double](repeating: 0, count: n), b = a
    if members.count == 1, parentIsRoot {
      // A criterion at the root: c_i + t (r_ij − c_i), c_i = (s_i − w_j r_ij)/(1 − w_j).
      let j = members[0], wj = w[j], rest = 1 - local
      r[j].withReader { col in
        total.withUnsafeBufferPointer { t in
          a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
              for i in 0..<n {
                let c = (t[i] - wj * col[i]) / rest
                ap[i] = c
                bp[i] = col[i] - c
              }
            }
          }
        }
      }
      return StabilityIntervals.Lines(a: a, b: b)
    }
    for i in 0..<n {
      // W_P·g: the node's own mean times the parent's weight (g = r for a criterion).
      var member = 0.0, scaledMean = 0.0
      if members.count == 1 {
        member = w[members[0]] * r[members[0]][i]
        scaledMean = parentWeight * r[members[0]][i]
      } else {
        var plain = 0.0
        for j in members {
          member += w[j] * r[j][i]
          plain += r[j][i]
        }
        scaledMean = wx > 0 ? member / local : parentWeight * plain / Double(members.count)
      }
      // W_P·σ (the siblings' weighted part) and R (everything outside the parent).
      var sib = 0.0, outside = 0.0
      if parentIsRoot {
        sib = total[i] - member
      } else {
        for j in siblings { sib += w[j] * r[j][i] }
        outside = total[i] - member - sib
      }
      a[i] = outside + sib / (1 - local)
      b[i] = scaledMean - sib / (1 - local)
    }
    return StabilityIntervals.Lines(a: a, b: b)
  }

  /// The final weights with the node's local weight at t.
  func weights(at t: Double, nominal w: [Double]) -> [Double] {
    var out = w
    let wx = members.reduce(0) { $0 + w[$1] }
    for j in members { out[j] = wx > 0 ? w[j] * t / local : parentWeight * t / Double(members.count) }
    for j in siblings { out[j] = w[j] * (1 - t) / (1 - local) }
    return out
  }
}
