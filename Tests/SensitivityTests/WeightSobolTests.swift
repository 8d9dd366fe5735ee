import Criteria
import Model
import Scoring
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct WeightSobolTests {
  /// 40 rows; criterion k2 is constant, so its weight only rescales every score by the same
  /// factor: ranks and shortlists cannot depend on it, and its indices must be exactly 0.
  static func problem(sobolTargets: [String] = []) -> Problem {
    var values = Problem.random(rows: 40, criteria: 4, seed: 5)
    var rng = SplitMix64(seed: 77)
    values = values.map { $0.map { $0 + rng.nextUnit() } }
    values[2] = Array(repeating: 5, count: 40)
    values[0][9] = 1000; values[1][9] = 1000; values[3][9] = 1000
    return Problem.make(
      values: values, weights: [0.4, 0.3, 0.2, 0.1], programmes: [ProgrammeDraft(key: "p", quota: 6)],
      uncertainty: UncertaintyDraft(model: .uniform(spread: 0.4), sobolTargets: sobolTargets))
  }

  @Test func inertFactorHasZeroIndicesAndThreadsDoNotMatter() throws {
    let p = Self.problem()
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let r1 = try WeightSobol.analyse(model, baseSamples: 256, threads: 1, blockSize: 5, seed: 3)
    let r3 = try WeightSobol.analyse(model, baseSamples: 256, threads: 3, blockSize: 16, seed: 3)
    #expect(r1.evaluations == 256 * 6)
    #expect(r1.factors == ["k0", "k1", "k2", "k3"])
    #expect(r1.targets.map(\.indices) == r3.targets.map(\.indices))
    #expect(r1.programmes.map(\.indices) == r3.programmes.map(\.indices))
    for t in r1.targets {
      #expect(t.indices[2].firstOrder == 0 && t.indices[2].totalEffect == 0)
    }
    #expect(r1.programmes[0].indices[2].totalEffect == 0)
    // Row 9 dominates: always rank 1, a constant output.
    let top = try #require(r1.targets.first { $0.row == 9 })
    #expect(top.indices.allSatisfy { $0.firstOrder == 0 && $0.totalEffect == 0 })
    // Some target's rank moves with the weights, and Jansen ST ≥ 0.
    #expect(r1.targets.contains { $0.indices.contains { $0.totalEffect > 0.01 } })
    for t in r1.targets { for s in t.indices { #expect(s.totalEffect >= 0) } }
  }

  @Test func unknownTargetIsAnError() throws {
    let p = Self.problem(sobolTargets: ["nope"])
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    #expect(throws: SensitivityError.unknownEnterprise("nope")) { try WeightSobol.analyse(model, baseSamples: 8) }
  }
}

@Suite struct WeightSobolBatchPathTests {
  /// A weighted-product model takes the batch-scorer path (no shared Saltelli work): the
  /// results are the same for any thread count and block size, and the inert factor stays 0.
  @Test func weightedProductIsThreadIndependent() throws {
    let p = WeightSobolTests.problem()
    let variant = MethodVariant(normalised: p.evaluation.normalised.map(\.values), method: .weightedProduct(floor: 0.01), label: "wp")
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec, variants: [variant])
    let r1 = try WeightSobol.analyse(model, baseSamples: 64, threads: 1, blockSize: 5, seed: 3)
    let r2 = try WeightSobol.analyse(model, baseSamples: 64, threads: 2, blockSize: 32, seed: 3)
    #expect(r1.targets.map(\.indices) == r2.targets.map(\.indices))
    #expect(r1.programmes.map(\.indices) == r2.programmes.map(\.indices))
    #expect(r1.targets.contains { $0.indices.contains { $0.totalEffect > 0.01 } })
  }
}
