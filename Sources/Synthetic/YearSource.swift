/// The draws of one enterprise in one year: the enterprise persists across years, its
/// figures move.
///
/// Every draw comes from the enterprise's own stream (that of its row in 2022), so its
/// industry, town, name, code and which optional cells it leaves empty are the same every
/// year. In a year other than 2022 each normal deviate is mixed with one from that year's
/// stream,
/// ```
/// z = ρ · z₂₀₂₂ + √(1 − ρ²) · z_year,   ρ = 0.8
/// ```
/// still standard normal, correlated ρ with the 2022 deviate: the latent maturity and size
/// and every metric's noise move moderately from year to year (a metric driven mostly by
/// noise, such as the efficiency gain, correlates about 0.8 with its 2022 value). In 2022
/// the draws are exactly the enterprise's stream, so a 2022 file is what it always was.
struct YearSource {
  private var base: NormalSource
  private var year: NormalSource?
  /// The correlation of a year's normal deviate with the 2022 one.
  static let persistence = 0.8
  private static let fresh = (1 - persistence * persistence).squareRoot()

  init(base: NormalSource, year: NormalSource?) {
    self.base = base
    self.year = year
  }

  mutating func uniform() -> Double { base.uniform() }
  mutating func chance(_ p: Double) -> Bool { base.chance(p) }
  mutating func below(_ n: Int) -> Int { base.below(n) }

  mutating func normal() -> Double {
    let z = base.normal()
    guard var own = year else { return z }
    let mixed = YearSource.persistence * z + YearSource.fresh * own.normal()
    year = own
    return mixed
  }
}
