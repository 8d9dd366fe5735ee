import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The statistical model behind one generated row.
///
/// Two latent standard-normal factors drive everything: **digital maturity** `m` and
/// **size** `s` (corr(m, s) = 0.3). Each metric is a linear (or log-linear) function of
/// them plus its own noise `e ~ N(0, 1)`, clamped to a plausible band:
/// ```
/// m' = m + 0.1·(year − 2022) + 0.15·[pilot]       (digitalisation grows; pilots get support)
/// (an enterprise's deviates in another year correlate 0.8 with its 2022 ones: `YearSource`)
/// employees      = exp(ln 70 + 0.85 s)             clamp 8…20000
/// revenue/empl.  = exp(ln 40·k_ind + 0.25 m + 0.2 s + 0.35 e)   (万元)
/// above_scale    = revenue ≥ 2000 万元            (规模以上工业: main-business revenue ≥ 20 million yuan)
/// digital inv.   = exp(ln 45 + 0.55 m + 0.55 s + 0.55 e)       (万元, lognormal)
/// IT inv.        = digital inv. · U(0.55, 0.9)
/// consulting     = Bernoulli(logistic(−0.4 + 0.9 m + 0.6 s)) · exp(ln 14 + 0.45 m + 0.35 s + 0.5 e)
/// efficiency     = 16 + 7 m + 8 e   (%)  … and similarly for the other effects
/// defect rate    = exp(ln 1.5 − 0.35 m + 0.45 e)   (%, a cost: lower is better)
/// ```
/// Optional metrics are left empty with their column's `missingRate`.
struct EnterpriseModel: Sendable {
  let seed: UInt64
  let year: Int
  let usccMaker: USCCMaker

  init(seed: UInt64, year: Int) {
    self.seed = seed
    self.year = year
    usccMaker = USCCMaker(seed: seed)
  }

  /// The seed of a year's streams (one stream per row).
  private func streamSeed(_ year: Int) -> UInt64 { seed ^ (UInt64(truncatingIfNeeded: year) &* 0xD1B5_4A32_D192_ED03) }

  /// Draws row `row` into `r`. Row `i` depends only on (seed, year, i), never on other rows;
  /// row `i` is the same enterprise every year (`YearSource`).
  func draw(row: Int, into r: inout RawEnterprise) {
    let base = NormalSource(SplitMix64(seed: streamSeed(2022), stream: UInt64(row)))
    let own = year == 2022 ? nil : NormalSource(SplitMix64(seed: streamSeed(year), stream: UInt64(row)))
    var g = YearSource(base: base, year: own)

    r.industry = Vocabulary.industries.index(for: g.uniform())
    r.district = Vocabulary.districts.index(for: g.uniform())
    r.pilotIndustry = Vocabulary.pilotIndustries.contains(r.industry) && g.chance(0.7)

    let s = g.normal()
    let m = 0.3 * s + 0.953_939 * g.normal() + 0.1 * Double(year - 2022) + (r.pilotIndustry ? 0.15 : 0)

    drawSize(m: m, s: s, &g, &r)
    drawInvestment(m: m, s: s, &g, &r)
    drawEffects(m: m, &g, &r)
    drawIdentity(row: row, m: m, s: s, &g, &r)

    for (k, rate) in Metric.missingRates.enumerated() {
      r.missing[k] = rate > 0 && g.chance(rate)
    }
  }

  private func drawSize(m: Double, s: Double, _ g: inout YearSource, _ r: inout RawEnterprise) {
    let employees = clamp(exp(log(70) + 0.85 * s), 8, 20_000).rounded()
    let industryFactor = Vocabulary.revenueFactors[r.industry]
    let perEmployee = clamp(exp(log(40 * industryFactor) + 0.25 * m + 0.2 * s + 0.35 * g.normal()), 3, 2_000)
    let revenue = round2(employees * perEmployee)
    r[.employees] = employees
    r[.revenue] = revenue
    r[.revenuePerEmployee] = round2(revenue / employees)
    r.aboveScale = revenue >= 2_000
  }

  private func drawInvestment(m: Double, s: Double, _ g: inout YearSource, _ r: inout RawEnterprise) {
    let digital = round2(clamp(exp(log(45) + 0.55 * m + 0.55 * s + 0.55 * g.normal()), 0.5, 50_000))
    r[.digitalInvestment] = digital
    r[.itInvestment] = round2(digital * (0.55 + 0.35 * g.uniform()))
    let consults = g.chance(logistic(-0.4 + 0.9 * m + 0.6 * s))
    let amount = clamp(exp(log(14) + 0.45 * m + 0.35 * s + 0.5 * g.normal()), 0.5, 2_000)
    r[.consulting] = consults ? round2(amount) : 0
    let share = clamp(0.04 + 0.02 * m + 0.015 * g.normal(), 0.005, 0.3)
    r[.digitalStaff] = (r[.employees] * share).rounded()
    r[.cloudLevel] = clamp((2.3 + 1.1 * m + 0.9 * g.normal()).rounded(), 0, 5)
    let t = m + 0.5 * g.normal()
    r[.maturityLevel] = t < -0.75 ? 1 : t < 0.35 ? 2 : t < 1.25 ? 3 : 4
  }

  private func drawEffects(m: Double, _ g: inout YearSource, _ r: inout RawEnterprise) {
    r[.costReduction] = round2(clamp(7 + 3.5 * m + 3.5 * g.normal(), -8, 40))
    r[.energyReduction] = round2(clamp(5 + 2.5 * m + 3.5 * g.normal(), -15, 35))
    r[.inventoryTurnoverGain] = round2(clamp(12 + 7 * m + 9 * g.normal(), -25, 90))
    r[.efficiencyGain] = round2(clamp(16 + 7 * m + 8 * g.normal(), -10, 120))
    r[.oee] = round2(clamp(63 + 7 * m + 6 * g.normal(), 30, 95))
    r[.leadTimeReduction] = round2(clamp(15 + 6 * m + 7 * g.normal(), -15, 65))
    r[.onTimeDelivery] = round2(clamp(91 + 3 * m + 2.5 * g.normal(), 60, 100))
    r[.defectReduction] = round2(clamp(20 + 8 * m + 10 * g.normal(), -30, 85))
    let defectRate = round2(clamp(exp(log(1.5) - 0.35 * m + 0.45 * g.normal()), 0.02, 15))
    r[.defectRate] = defectRate
    let rework = defectRate * (1.2 + g.uniform()) + 0.5 * abs(g.normal())
    r[.firstPassYield] = round2(clamp(100 - rework, 70, 99.99))
    r[.complaintsChange] = round2(clamp(-15 - 9 * m + 14 * g.normal(), -100, 150))
    r[.trainingSatisfaction] = (clamp(86 + 3 * m + 6 * g.normal(), 40, 100) * 10).rounded() / 10
  }

  private func drawIdentity(row: Int, m: Double, s: Double, _ g: inout YearSource, _ r: inout RawEnterprise) {
    let h = 0.6 * m + 0.6 * s + 0.6 * g.normal()
    let u = g.uniform()
    if h > 2.5 {
      r.honour = u < 0.5 ? 4 : 3
    } else if h > 2.0 {
      r.honour = u < 0.35 ? 3 : u < 0.7 ? 2 : 1
    } else if h > 1.2 {
      r.honour = u < 0.7 ? 1 : u < 0.8 ? 2 : 0
    } else {
      r.honour = 0
    }
    r.namePrefix = Vocabulary.namePrefixes.index(for: g.uniform())
    let chars = Vocabulary.brandCharacters.count
    let first = g.below(chars)
    r.brand = (first, (first + 1 + g.below(chars - 1)) % chars)
    r.industryWord = g.below(Vocabulary.industryWords[r.industry].count)
    r.jointStock = g.chance(r.aboveScale ? 0.12 : 0.03)
    r.quotedBrand = g.chance(0.006)
    let prefix = Vocabulary.namePrefixes.names[r.namePrefix]
    r.isBranch = (prefix == "宁波" || prefix == "浙江") && g.chance(0.008)
    let area = Vocabulary.areaCodes.items[Vocabulary.areaCodes.index(for: g.uniform())]
    usccMaker.code(row: row, newStyle: g.chance(0.6), area: area, into: &r.uscc)
  }
}

@inline(__always) func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double { min(max(x, lo), hi) }
@inline(__always) func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
@inline(__always) func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
