import Criteria
import Model
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct CandidatePruningTests {
  /// 3,000 rows: pruning keeps a small fraction, and the shortlist probabilities equal the
  /// full-sort run's exactly (also with a tight quota that forces deeper walks).
  @Test(arguments: [(10, 2), (40, 10)])
  func prunedRunEqualsFullRun(quota: Int, reserves: Int) throws {
    var rng = SplitMix64(seed: 3)
    let values = (0..<6).map { _ in (0..<3000).map { _ in rng.nextUnit() } }
    let industries = (0..<3000).map { ["A", "B", "C", "D", "E"][$0 % 5] }
    let flags = (0..<3000).map { $0 % 4 != 0 }
    let p = Problem.make(
      values: values, weights: [0.3, 0.2, 0.2, 0.1, 0.1, 0.1], industries: industries, flags: flags,
      programmes: [
        ProgrammeDraft(key: "a", quota: quota, reserves: reserves, eligible: .name("flag"), caps: ["industry": quota / 4]),
        ProgrammeDraft(key: "b", quota: 3, from: "a"),
      ],
      uncertainty: UncertaintyDraft(model: .uniform(spread: 0.25)))
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let kept = try #require(CandidatePruning.keep(model, m: 4 * (2 * (quota + reserves) + 16)))
    #expect(kept.count < 1500)
    let fast = try MonteCarlo.run(
      model, options: MonteCarloOptions(samples: 300, seed: 5, threads: 2, rankStatistics: false, starStatistics: false))
    let full = try MonteCarlo.run(model, options: MonteCarloOptions(samples: 300, seed: 5, threads: 1))
    #expect(fast.enterprises.map(\.selectionProbability) == full.enterprises.map(\.selectionProbability))
    #expect(fast.enterprises.map(\.reserveProbability) == full.enterprises.map(\.reserveProbability))
    #expect(fast.programmes == full.programmes)
  }

  @Test func boundsContainEverySampledScore() throws {
    let p = Problem.make(
      values: Problem.random(rows: 200, criteria: 4, seed: 8), weights: [0.4, 0.3, 0.2, 0.1],
      uncertainty: UncertaintyDraft(model: .uniform(spread: 0.3), vary: ["k0", "k2"]))
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    var w = [Double](repeating: 0, count: 4)
    for i in 0..<200 {
      var r = [(value: Double, weight: Double)]()
      for j in [0, 2] { r.append((p.evaluation.normalised[j][i], p.evaluation.weights[j])) }
      r.sort { $0.value > $1.value }
      let base = 0.3 * p.evaluation.normalised[1][i] + 0.1 * p.evaluation.normalised[3][i]
      let hi = base + 0.6 * CandidatePruning.extremeMean(r, hi: 1.3, lo: 0.7, maximise: true)
      let lo = base + 0.6 * CandidatePruning.extremeMean(r, hi: 1.3, lo: 0.7, maximise: false)
      for sample in 0..<50 {
        var rng = SplitMix64(seed: UInt64(i), stream: UInt64(sample))
        model.sampler.sample(into: &w, rng: &rng)
        let s = (0..<4).reduce(0.0) { $0 + w[$1] * p.evaluation.normalised[$1][i] }
        #expect(s <= hi + 1e-12 && s >= lo - 1e-12)
      }
    }
  }
}

@Suite struct SobolPruningTests {
  @Test func prunedSobolEqualsUnpruned() throws {
    var rng = SplitMix64(seed: 13)
    let values = (0..<5).map { _ in (0..<2500).map { _ in rng.nextUnit() } }
    let p = Problem.make(
      values: values, weights: [0.3, 0.25, 0.2, 0.15, 0.1],
      programmes: [ProgrammeDraft(key: "a", quota: 12, reserves: 3)], uncertainty: UncertaintyDraft(model: .uniform(spread: 0.3)))
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    #expect(CandidatePruning.keep(model, m: 200) != nil)
    let a = try WeightSobol.analyse(model, baseSamples: 64, threads: 2)
    let b = try WeightSobol.analyse(model, baseSamples: 64, threads: 1, allowPruning: false)
    #expect(a.targets.map(\.indices) == b.targets.map(\.indices))
    #expect(a.programmes.map(\.indices) == b.programmes.map(\.indices))
  }
}
