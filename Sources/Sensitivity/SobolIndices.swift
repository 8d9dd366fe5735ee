/// First-order and total-effect Sobol' indices of one factor on one output, with
/// bootstrap confidence intervals.
public struct SobolIndices: Sendable, Hashable {
  public var firstOrder: Double
  public var totalEffect: Double
  /// 95 % (by default) percentile bootstrap intervals.
  public var firstOrderCI: ClosedRange<Double>
  public var totalEffectCI: ClosedRange<Double>
  /// Half-width z·sd of the bootstrap estimates (SALib's `S1_conf` / `ST_conf`).
  public var firstOrderConf: Double
  public var totalEffectConf: Double

  public init(
    firstOrder: Double, totalEffect: Double, firstOrderCI: ClosedRange<Double>, totalEffectCI: ClosedRange<Double>,
    firstOrderConf: Double, totalEffectConf: Double
  ) {
    self.firstOrder = firstOrder
    self.totalEffect = totalEffect
    self.firstOrderCI = firstOrderCI
    self.totalEffectCI = totalEffectCI
    self.firstOrderConf = firstOrderConf
    self.totalEffectConf = totalEffectConf
  }
}
