import Criteria
import Model

extension Scorer {
  /// Group scores on the scale (compact), for every group:
  /// ```
  /// g_i = lo + (hi − lo) · Σ_{j ∈ G} w_j r_ij / Σ_{j ∈ G} w_j
  /// ```
  /// over the group's criteria and those of its sub-groups (w = effective weights, so
  /// the ratio is the product of local weights below the group). A group whose criteria
  /// all weigh 0 uses their plain mean.
  public static func groupScores(_ matrix: ScoringMatrix, spec: Spec, weights: [Double]) -> [String: [Double]] {
    var out: [String: [Double]] = [:]
    let scale = spec.evaluation.scale
    let span = scale.upperBound - scale.lowerBound
    for g in spec.groups {
      let members = GroupMean(spec: spec, group: g.key)
      let local = members.localWeights(weights)
      out[g.key] = (0..<matrix.rows.count).map { i in
        scale.lowerBound + span * members.mean(local: local) { matrix.unit[$0][i] }
      }
    }
    return out
  }

  /// Whether group `key` (a criterion's group) is `ancestor` or below it.
  static func isDescendant(_ key: String?, of ancestor: String, spec: Spec) -> Bool {
    var current = key
    var steps = 0
    while let k = current, steps <= spec.groups.count {
      if k == ancestor { return true }
      current = spec.group(k)?.parent
      steps += 1
    }
    return false
  }

  /// The `[ranking] tie_break` chain as compact keys, higher first (ascending keys are
  /// negated; a missing column value sorts last either way).
  static func tieBreakKeys(
    spec: Spec, table: Table, matrix: ScoringMatrix, groups: [String: [Double]]
  ) throws(ScoringError) -> [[Double]] {
    var keys: [[Double]] = []
    for entry in spec.ranking.tieBreak {
      switch entry {
      case .group(let key, let descending):
        guard let g = groups[key] else { preconditionFailure("tie-break group '\(key)' is not in the spec") }
        keys.append(descending ? g : g.map { -$0 })
      case .criterion(let key, let descending):
        guard let j = spec.criterionIndex(key) else { preconditionFailure("tie-break criterion '\(key)' is not in the spec") }
        keys.append(descending ? matrix.unit[j].values : matrix.unit[j].values.map { -$0 })
      case .column(let key, let descending):
        let sign = descending ? 1.0 : -1.0
        switch table[key] {
        case .numeric(let c)?:
          keys.append(matrix.rows.map { c.missing[$0] ? -Double.infinity : sign * c.values[$0] })
        case .bool(let v)?:
          keys.append(matrix.rows.map { row in v[row].map { sign * ($0 ? 1 : 0) } ?? -Double.infinity })
        case nil:
          throw ScoringError(
            .columnAbsent(usedBy: "the tie-break chain", column: key), file: table.source, line: 1,
            column: header(key, table, spec))
        default:
          preconditionFailure("tie-break column '\(key)' is not numeric or bool: the table was not ingested against this spec")
        }
      }
    }
    return keys
  }
}

/// A group's criteria (its own and its sub-groups', in spec order) and the one formula of a
/// group score, for `Scorer.groupScores` and the selection engine's `group.KEY`:
/// ```
/// g_i = Σ_{j ∈ G} (w_j / Σ_{k ∈ G} w_k) · r_ij     (plain mean when every w_j is 0; empty group: 0)
/// ```
public struct GroupMean: Sendable {
  public let members: [Int]

  public init(spec: Spec, group: String) {
    members = spec.criteria.indices.filter { Scorer.isDescendant(spec.criteria[$0].group, of: group, spec: spec) }
  }

  /// The members' weights within the group.
  public func localWeights(_ weights: [Double]) -> [Double] {
    let total = members.reduce(0.0) { $0 + weights[$1] }
    return total > 0 ? members.map { weights[$0] / total } : members.map { _ in 1 / Double(members.count) }
  }

  /// The group's mean for one row, `value(j)` the row's normalised value of criterion j.
  @inline(__always)
  public func mean(local: [Double], _ value: (Int) -> Double) -> Double {
    var sum = 0.0
    for (k, j) in members.enumerated() { sum += local[k] * value(j) }
    return sum
  }
}
