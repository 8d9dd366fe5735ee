import Criteria
import Model
import Testing

@testable import Sensitivity

@Suite struct WeightSamplerTests {
  let nominal = [0.4, 0.3, 0.2, 0.1]

  @Test(arguments: 0..<50)
  func uniformSamplesStayInBandAndSumToOne(seed: UInt64) throws {
    let s = try WeightSampler(nominal: nominal, varying: [0, 1, 2, 3], model: .uniform(spread: 0.2))
    var rng = SplitMix64(seed: seed)
    var w = [Double](repeating: 0, count: 4)
    s.sample(into: &w, rng: &rng)
    #expect(abs(w.reduce(0, +) - 1) < 1e-12)
    // Before renormalisation each is within ±20 %; after it, ratios are within (0.8/1.2, 1.2/0.8).
    for j in 0..<4 { for k in 0..<4 { #expect(w[j] / w[k] <= nominal[j] / nominal[k] * 1.5 + 1e-12) } }
  }

  @Test func nonVaryingWeightsKeepTheirShare() throws {
    let s = try WeightSampler(nominal: nominal, varying: [1, 3], model: .dirichlet(concentration: 5))
    var rng = SplitMix64(seed: 4)
    var w = [Double](repeating: 0, count: 4)
    for _ in 0..<100 {
      s.sample(into: &w, rng: &rng)
      #expect(w[0] == 0.4 && w[2] == 0.2)
      #expect(abs(w[1] + w[3] - 0.4) < 1e-12)
    }
  }

  /// Dirichlet(c·w): E[w_j] = w_j, Var = w_j(1 − w_j)/(c + 1). 20,000 draws: the standard
  /// error of the mean is ≤ √(0.24/101/20000) ≈ 3.4e-4, so 2e-3 is ~6 standard errors.
  @Test func dirichletMomentsMatchTheory() throws {
    let c = 100.0
    let s = try WeightSampler(nominal: nominal, varying: [0, 1, 2, 3], model: .dirichlet(concentration: c))
    var sum = [Double](repeating: 0, count: 4), sq = sum
    var w = sum
    let draws = 20_000
    for i in 0..<draws {
      var rng = SplitMix64(seed: 7, stream: UInt64(i))
      s.sample(into: &w, rng: &rng)
      for j in 0..<4 { sum[j] += w[j]; sq[j] += w[j] * w[j] }
    }
    for j in 0..<4 {
      let mean = sum[j] / Double(draws)
      let variance = sq[j] / Double(draws) - mean * mean
      let expected = nominal[j] * (1 - nominal[j]) / (c + 1)
      #expect(abs(mean - nominal[j]) < 2e-3)
      #expect(abs(variance / expected - 1) < 0.05)
    }
  }

  /// Gamma(a, 1): mean a, variance a. 200,000 draws: relative s.e. of the mean √(1/(a·N)).
  @Test(arguments: [0.3, 1.0, 2.5, 40.0])
  func gammaMoments(shape a: Double) {
    var rng = SplitMix64(seed: 2024)
    let n = 200_000
    var s = 0.0, s2 = 0.0
    for _ in 0..<n {
      let g = WeightSampler.gamma(shape: a, rng: &rng)
      #expect(g >= 0)
      s += g
      s2 += g * g
    }
    let mean = s / Double(n), variance = s2 / Double(n) - mean * mean
    #expect(abs(mean / a - 1) < 6 * (1 / (a * Double(n))).squareRoot())
    #expect(abs(variance / a - 1) < 0.03)
  }

  @Test func badParametersAreRejected() {
    #expect(throws: SensitivityError.badParameter(name: "uncertainty.spread", value: 1.5, allowed: Message(zh: "0 < spread < 1", en: "0 < spread < 1"))) {
      try WeightSampler(nominal: nominal, varying: [0], model: .uniform(spread: 1.5))
    }
    #expect(throws: SensitivityError.noVaryingWeight) {
      try WeightSampler(nominal: [1, 0], varying: [1], model: .uniform(spread: 0.1))
    }
  }
}
