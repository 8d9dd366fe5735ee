extension Normalisation {
  /// The spelling used in criteria files (`min-max`, `z-score` …).
  public var name: String {
    switch self {
    case .minMax: return "min-max"
    case .zScore: return "z-score"
    case .vector: return "vector"
    case .sum: return "sum"
    case .max: return "max"
    case .goalposts: return "goalposts"
    case .rank: return "rank"
    case .target: return "target"
    }
  }
}
