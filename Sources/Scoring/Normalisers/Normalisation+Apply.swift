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
  /// 1 − kernel(x): vector gives 1 − x/‖x‖, goalposts (high − x)/(high − low) (exactly 0
  /// at the high goalpost, where the goalposts kernel is exactly 1).
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
  /// `vector` (x/‖x‖) is defined for any real values: with negative values its results lie
  /// in [−1, 1] (cost: 1 − x/‖x‖ in [0, 2]), which TOPSIS accepts (Hwang & Yoon 1981; pymcdm).
  /// - Throws: `ScoringError` `.domain` when `sum` or `max` meet a negative value, or a cost
  ///   criterion under `sum`/`max` meets a value ≤ 0 (it uses 1/x); its `offset` is the
  ///   value's position in `x` (`Scorer.prepare` locates it in the file).
  public func oriented(_ x: [Double], direction: Direction, criterion: String) throws(ScoringError) -> [Double] {
    switch self {
    case .sum, .max:
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

  /// Columns whose largest magnitude lies outside [2^-400, 2^400] are rescaled by an exact
  /// power of two so that it lies in [0.5, 1): huge columns so that sums, squares and
  /// ranges cannot overflow, tiny ones (down to subnormals) so that ranges, squares and
  /// reciprocals neither underflow nor overflow. A scale-invariant kernel gives the same
  /// values on the rescaled column; any other column (and an all-zero one) is returned
  /// unchanged. Inside the window, n·(2^401)² stays finite for any realistic n and the
  /// smallest difference that matters, 2^-400·2^-53, still has a normal square.
  static func tamed(_ x: [Double]) -> [Double] {
    guard let power = tamingPower(x) else { return x }
    // 2^power is a Double up to 2^1023; a subnormal column needs up to 2^1074, in two
    // exact steps (scaling up never rounds).
    guard power > 1023 else {
      let factor = Double(sign: .plus, exponent: power, significand: 1)
      return x.map { $0 * factor }
    }
    let rest = Double(sign: .plus, exponent: power - 1000, significand: 1)
    return x.map { $0 * 0x1p1000 * rest }
  }

  /// The power of two `tamed` scales `x` by, nil when `x` is left as it is.
  static func tamingPower(_ x: [Double]) -> Int? {
    x.withUnsafeBufferPointer { p in tamingPower(count: p.count) { p[$0] } }
  }

  /// `tamingPower` of the column whose value `i` is `value(i)`.
  @inline(__always)
  static func tamingPower(count: Int, _ value: (Int) -> Double) -> Int? {
    // Four lanes, as `MinMaxNormaliser.extremes` (the largest magnitude is one value whatever
    // the order; a NaN is never taken).
    var lanes = (0.0, 0.0, 0.0, 0.0)
    var i = 0
    while i &+ 4 <= count {
      lanes = (
        Swift.max(lanes.0, abs(value(i))), Swift.max(lanes.1, abs(value(i &+ 1))), Swift.max(lanes.2, abs(value(i &+ 2))),
        Swift.max(lanes.3, abs(value(i &+ 3)))
      )
      i &+= 4
    }
    var largest = Swift.max(Swift.max(lanes.0, lanes.1), Swift.max(lanes.2, lanes.3))
    while i < count {
      largest = Swift.max(largest, abs(value(i)))
      i &+= 1
    }
    guard largest > 0x1p400 || (largest > 0 && largest < 0x1p-400) else { return nil }
    return -Int(largest.exponent) - 1
  }

  /// `unit` as a `UnitColumn`: min-max of a column `tamed` leaves alone (every realistic
  /// one) is computed on read instead of stored; every other column is stored.
  public func unitColumn(_ x: [Double], direction: Direction, criterion: String, rescaled: Bool = false) throws(ScoringError)
    -> UnitColumn
  {
    if let column = minMaxColumn(x, imputed: [], fill: 0, direction: direction) { return column }
    return UnitColumn(try unit(x, direction: direction, criterion: criterion, rescaled: rescaled))
  }

  /// The min-max unit column of the values `x` as ingested, with the rows marked in
  /// `imputed` (empty or one flag per row) read as `fill`, computed on read: what
  /// `unitColumn` gives for the column with `fill` written in, without that column. Nil
  /// for every other normalisation, a constant column and a column `tamed` would rescale,
  /// which are stored.
  public func minMaxColumn(_ x: [Double], imputed: [Bool], fill: Double, direction: Direction) -> UnitColumn? {
    guard case .minMax = self, imputed.isEmpty || imputed.count == x.count else { return nil }
    let map = x.withUnsafeBufferPointer { p in
      imputed.withUnsafeBufferPointer { m -> (lo: Double, inv: Double)? in
        let value = { (i: Int) in m.isEmpty || !m[i] ? p[i] : fill }
        guard Self.tamingPower(count: p.count, value) == nil else { return nil }
        return MinMaxNormaliser.map(count: p.count, negated: direction == .cost, value)
      }
    }
    guard let (lo, inv) = map else { return nil }
    return UnitColumn(minMaxOf: x, negated: direction == .cost, lo: lo, inv: inv, imputed: imputed, fill: fill)
  }

  /// Oriented values in [0, 1], as weighted sum, weighted product, VIKOR, group scores
  /// and contributions use them: `oriented` for every method except `z-score`, whose
  /// z-scores are rescaled by min-max (equal to min-max of the oriented data).
  ///
  /// `vector` of a column with negative values leaves [0, 1] (x/‖x‖ < 0 for x < 0; for a
  /// cost criterion 1 − x/‖x‖ > 1): for a TOPSIS aggregation (`rescaled`), where these values
  /// only show group scores and contributions, they are rescaled by min-max like z-scores;
  /// otherwise (weighted sum, product, VIKOR add or multiply them as shares of [0, 1]) they
  /// are refused with `.leavesUnitInterval`.
  public func unit(_ x: [Double], direction: Direction, criterion: String, rescaled: Bool = false) throws(ScoringError)
    -> [Double]
  {
    let values = try oriented(x, direction: direction, criterion: criterion)
    if case .zScore = self { return MinMaxNormaliser.normalise(values) }
    if case .vector = self, let k = x.firstIndex(where: { $0 < 0 }) {
      if rescaled { return MinMaxNormaliser.normalise(values) }
      throw ScoringError(.leavesUnitInterval(criterion: criterion, method: name, value: x[k]), offset: k)
    }
    return values
  }
}
