import Criteria

/// How a `cost` criterion is turned into "higher is better" for a normalisation.
///
/// Direction is applied once, here, never inside a kernel: each method names the
/// orientation its published cost form uses, and `oriented` applies it around the
/// benefit kernel.
public enum CostOrientation: Sendable, Hashable {
  /// Kernel of −x: min-max gives (max − x)/(max − min), z-score −z, rank 1 − pct (n > 1).
  case negate
  /// Kernel of 1/x: sum gives (1/x)/Σ(1/x), max gives min/x. Needs x > 0. Computed as
  /// kernel(min/x), equal for these scale-invariant kernels and free of overflow.
  case reciprocal
  /// 1 − kernel(x): vector gives 1 − x/‖x‖, goalposts (high − x)/(high − low).
  case complement
  /// Direction does not apply (target: distance is symmetric).
  case none
}

extension Normalisation {
  /// The cost form of this method (see `CostOrientation`).
  public var costOrientation: CostOrientation {
    switch self {
    case .minMax, .zScore, .rank: return .negate
    case .sum, .max: return .reciprocal
    case .vector, .goalposts: return .complement
    case .target: return .none
    }
  }

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

  /// The benefit kernel on its own (no direction).
  public func kernel(_ x: [Double]) -> [Double] {
    switch self {
    case .minMax: return MinMaxNormaliser.normalise(x)
    case .zScore: return ZScoreNormaliser.normalise(x)
    case .vector: return VectorNormaliser.normalise(x)
    case .sum: return SumNormaliser.normalise(x)
    case .max: return MaxNormaliser.normalise(x)
    case .goalposts(let lo, let hi): return GoalpostsNormaliser.normalise(x, low: lo, high: hi)
    case .rank: return RankNormaliser.normalise(x)
    case .target(let t): return TargetNormaliser.normalise(x, target: t)
    }
  }

  /// The method's native oriented values (higher = better): z-scores for `z-score`,
  /// [0, 1] for every other method.
  ///
  /// - Throws: `ScoringError` `.domain` when `sum`, `max` or `vector` meet a negative value,
  ///   or a cost criterion under `sum`/`max` meets a value ≤ 0 (it uses 1/x); its `offset`
  ///   is the value's position in `x` (`Scorer.prepare` locates it in the file).
  public func oriented(_ x: [Double], direction: Direction, criterion: String) throws(ScoringError) -> [Double] {
    switch self {
    case .sum, .max, .vector:
      if let k = x.firstIndex(where: { $0 < 0 }) {
        throw ScoringError(.domain(criterion: criterion, method: name, requirement: "values ≥ 0", value: x[k]), offset: k)
      }
    default: break
    }
    let x = isScaleInvariant ? Self.tamed(x) : x
    guard direction == .cost else { return kernel(x) }
    switch costOrientation {
    case .negate: return kernel(x.map { -$0 })
    case .reciprocal:
      if let k = x.firstIndex(where: { $0 <= 0 }) {
        throw ScoringError(
          .domain(criterion: criterion, method: name, requirement: "values > 0 for a cost criterion", value: x[k]), offset: k)
      }
      // kernel(1/x) through min/x ∈ (0, 1]: the same values for these scale-invariant
      // kernels, and 1/x can overflow for tiny x where min/x cannot.
      let least = x.min() ?? 1
      return kernel(x.map { least / $0 })
    case .complement: return kernel(x).map { 1 - $0 }
    case .none: return kernel(x)
    }
  }

  /// Whether the kernel's result is unchanged when the column is multiplied by c > 0.
  var isScaleInvariant: Bool {
    switch self {
    case .minMax, .zScore, .vector, .sum, .max, .rank: return true
    case .goalposts, .target: return false
    }
  }

  /// A column whose magnitudes are so large that sums, squares or ranges could overflow
  /// (max |x| > 2^500) is divided by a power of two first (exact, and harmless to a
  /// scale-invariant kernel); any other column is returned unchanged.
  static func tamed(_ x: [Double]) -> [Double] {
    var largest = 0.0
    for v in x { largest = Swift.max(largest, abs(v)) }
    guard largest > 0x1p500 else { return x }
    let factor = Double(sign: .plus, exponent: -largest.exponent - 1, significand: 1)
    return x.map { $0 * factor }
  }

  /// Oriented values in [0, 1], as weighted sum, weighted product, VIKOR, group scores
  /// and contributions use them: `oriented` for every method except `z-score`, whose
  /// z-scores are rescaled by min-max (equal to min-max of the oriented data).
  public func unit(_ x: [Double], direction: Direction, criterion: String) throws(ScoringError) -> [Double] {
    let values = try oriented(x, direction: direction, criterion: criterion)
    if case .zScore = self { return MinMaxNormaliser.normalise(values) }
    return values
  }
}
