/// A name a rule expression reads, resolved once against the criteria (docs/criteria.md,
/// "Expressions"): the one place where expression names are read as strings.
///
/// Every consumer (the loader's type checks, the engine's rule compiler, the row
/// resolvers, the official names in reasons) switches over this enum exhaustively, so a
/// new kind of name is added here and the compiler finds every switch that must learn it.
public enum Ref: Sendable, Hashable {
  /// The score on the configured scale.
  case score
  /// The aggregation's native value (weighted sum, TOPSIS closeness, VIKOR Q …).
  case raw
  /// The 1…N rank (missing for an unranked enterprise).
  case rank
  /// The star level (0…5).
  case stars
  /// `group.KEY`: the group's score on the scale.
  case group(String)
  /// `criterion.KEY`: the criterion's normalised value × scale (index into `Spec.criteria`).
  case criterion(Int)
  /// `selected.PROG`: on the shortlist of an earlier programme (index into `Spec.programmes`).
  case selected(Int)
  /// `eligible.PROG`: qualified for an earlier programme (tier, history and rule pass).
  case eligible(Int)
  /// A column of the metrics file, by key.
  case column(String)

  /// The words that may not be used as column keys because names use them.
  public static let reservedWords: Set<String> = [
    "score", "raw", "rank", "stars", "group", "criterion", "selected", "eligible",
  ]

  /// Resolves `name` against the criteria's keys.
  /// - Parameters:
  ///   - groups: group keys; `criteria`: criterion keys and `programmes`: programme keys,
  ///     in spec order (the index is the reference); `columns`: column keys.
  /// - Returns: nil for a name that none of them declares.
  public static func resolve(
    _ name: String, columns: some Collection<String>, groups: some Collection<String>,
    criteria: [String], programmes: [String]
  ) -> Ref? {
    switch name {
    case "score": return .score
    case "raw": return .raw
    case "rank": return .rank
    case "stars": return .stars
    default: break
    }
    guard let dot = name.firstIndex(of: ".") else { return columns.contains(name) ? .column(name) : nil }
    let key = String(name[name.index(after: dot)...])
    switch name[..<dot] {
    case "group": return groups.contains(key) ? .group(key) : nil
    case "criterion": return criteria.firstIndex(of: key).map { .criterion($0) }
    case "selected": return programmes.firstIndex(of: key).map { .selected($0) }
    case "eligible": return programmes.firstIndex(of: key).map { .eligible($0) }
    default: return nil
    }
  }

  /// The name as written in a criteria file.
  public func spelling(criteria: [String], programmes: [String]) -> String {
    switch self {
    case .score: return "score"
    case .raw: return "raw"
    case .rank: return "rank"
    case .stars: return "stars"
    case .group(let k): return "group." + k
    case .criterion(let j): return "criterion." + criteria[j]
    case .selected(let p): return "selected." + programmes[p]
    case .eligible(let p): return "eligible." + programmes[p]
    case .column(let k): return k
    }
  }

  /// Whether the value changes with the weights or the method (it is then evaluated for
  /// every weight sample; a column's value never changes).
  public var dependsOnWeights: Bool {
    switch self {
    case .score, .raw, .rank, .stars, .group, .criterion, .selected, .eligible: return true
    case .column: return false
    }
  }
}

extension Spec {
  /// The reference `name` resolves to in this spec (nil: not declared).
  public func ref(_ name: String) -> Ref? {
    Ref.resolve(
      name, columns: columns.lazy.map(\.key), groups: groups.lazy.map(\.key), criteria: criteria.map(\.key),
      programmes: programmes.map(\.key))
  }

  /// Every name of `expr` resolved, in order of first appearance (unknown names left out).
  public func refs(_ expr: Expr) -> [(name: String, ref: Ref)] {
    var out: [(name: String, ref: Ref)] = []
    for name in expr.names where !out.contains(where: { $0.name == name }) {
      if let r = ref(name) { out.append((name, r)) }
    }
    return out
  }
}
