import Criteria
import Model
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct MonteCarloTests {
  /// 60 enterprises, 5 criteria, row 7 dominating everyone, row 3 barred by a static rule.
  static func problem(uncertainty: UncertaintyDraft = UncertaintyDraft(model: .uniform(spread: 0.5)), labels: [Int: String] = [:]) -> Problem {
    var values = Problem.random(rows: 60, criteria: 5, seed: 11)
    for j in values.indices { values[j][7] = 1000 }
    let industries = (0..<60).map { ["机械", "纺织", "电子"][$0 % 3] }
    let flags = (0..<60).map { $0 != 3 }
    let programmes = [
      ProgrammeDraft(key: "city", quota: 10, reserves: 2, eligible: .name("flag"), caps: ["industry": 4]),
      ProgrammeDraft(key: "province", quota: 3, eligible: .compare(.name("stars"), .ge, .number(3)), from: "city"),
    ]
    let stars = StarsDraft(levels: [
      StarLevelDraft(stars: 1, minScore: 20), StarLevelDraft(stars: 3, minScore: 50), StarLevelDraft(stars: 5, minScore: 80),
    ])
    return Problem.make(
      values: values, weights: [0.3, 0.25, 0.2, 0.15, 0.1], industries: industries, flags: flags,
      programmes: programmes, stars: stars, uncertainty: uncertainty, labels: labels)
  }

  static func model(_ p: Problem) throws -> SensitivityModel {
    try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
  }

  @Test(arguments: [UncertaintySpec.WeightModel.uniform(spread: 0.5), .dirichlet(concentration: 20)])
  func identicalAcrossThreadCounts(model wm: UncertaintySpec.WeightModel) throws {
    let m = try Self.model(Self.problem(uncertainty: UncertaintyDraft(model: wm)))
    let results = try [(1, 7), (2, 7), (4, 7), (3, 32), (2, 1)].map { t, b in
      try MonteCarlo.run(m, options: MonteCarloOptions(samples: 700, seed: 99, threads: t, blockSize: b))
    }
    for r in results.dropFirst() {
      #expect(r.enterprises == results[0].enterprises)
      #expect(r.programmes == results[0].programmes)
      #expect(r.meanWeights == results[0].meanWeights)
    }
  }

  @Test func forcedOutcomesAreExactlyZeroOrOne() throws {
    let p = Self.problem()
    let r = try MonteCarlo.run(try Self.model(p), options: MonteCarloOptions(samples: 500, seed: 1, threads: 2))
    let dominant = try #require(r.enterprises.first { $0.row == 7 })
    #expect(dominant.nominalRank == 1)
    #expect(dominant.medianRank == 1 && dominant.p5Rank == 1 && dominant.p95Rank == 1)
    #expect(dominant.selectionProbability == [1, 1])
    #expect(dominant.starProbabilities[5] == 1)
    let barred = try #require(r.enterprises.first { $0.row == 3 })
    #expect(barred.selectionProbability == [0, 0])
    #expect(barred.reserveProbability[0] == 0)
    #expect(r.programmes[0].robust.contains(7))
    #expect(!r.programmes[0].robust.contains(3) && !r.programmes[0].borderline.contains(3))
  }

  @Test func probabilitiesAreConsistentWithQuotasAndCaps() throws {
    let p = Self.problem()
    let r = try MonteCarlo.run(try Self.model(p), options: MonteCarloOptions(samples: 400, seed: 5, threads: 2))
    // Each sample selects exactly 10 (enough eligible rows in every industry): Σ P = 10.
    let city = r.enterprises.reduce(0) { $0 + $1.selectionProbability[0] }
    #expect(abs(city - 10) < 1e-9)
    let reserve = r.enterprises.reduce(0) { $0 + $1.reserveProbability[0] }
    #expect(abs(reserve - 2) < 1e-9)
    // Cap 4 per industry: per-industry expected count ≤ 4.
    for k in 0..<3 {
      let s = r.enterprises.filter { $0.row % 3 == k }.reduce(0) { $0 + $1.selectionProbability[0] }
      #expect(s <= 4 + 1e-9)
    }
    // Tier: P(province) ≤ P(city) for everyone.
    for e in r.enterprises { #expect(e.selectionProbability[1] <= e.selectionProbability[0] + 1e-12) }
    for e in r.enterprises { #expect(abs(e.starProbabilities.reduce(0, +) - 1) < 1e-9) }
  }

  @Test func nominalShortlistFollowsTheRules() throws {
    let p = Self.problem()
    let nominal = MonteCarlo.nominalSelection(try Self.model(p))
    // Independent walk: rank order, flag, at most 4 per industry.
    var counts: [Int: Int] = [:]
    var expected: [Int] = []
    for r in p.evaluation.order where r != 3 && expected.count < 10 {
      if counts[r % 3, default: 0] < 4 {
        counts[r % 3, default: 0] += 1
        expected.append(r)
      }
    }
    #expect(nominal[0].map(Int.init) == expected)
    let province = expected.filter { p.evaluation.score[$0] >= 50 }.prefix(3)
    #expect(nominal[1].map(Int.init) == Array(province))
  }

  @Test func prefixWalkMatchesFullSort() throws {
    let m = try Self.model(Self.problem())
    let full = try MonteCarlo.run(m, options: MonteCarloOptions(samples: 300, seed: 3, threads: 1, rankStatistics: true))
    let fast = try MonteCarlo.run(m, options: MonteCarloOptions(samples: 300, seed: 3, threads: 2, rankStatistics: false))
    #expect(full.enterprises.map(\.selectionProbability) == fast.enterprises.map(\.selectionProbability))
    #expect(full.enterprises.map(\.reserveProbability) == fast.enterprises.map(\.reserveProbability))
    #expect(full.programmes == fast.programmes)
  }

  @Test func zeroSamplesIsAnError() throws {
    let m = try Self.model(Self.problem())
    #expect(throws: SensitivityError.badSampleCount(0)) {
      try MonteCarlo.run(m, options: MonteCarloOptions(samples: 0, seed: 1))
    }
  }

  @Test func rankQuantilesAreOrderedAndBracketTheSamples() throws {
    let r = try MonteCarlo.run(try Self.model(Self.problem()), options: MonteCarloOptions(samples: 300, seed: 8, threads: 2))
    for e in r.enterprises {
      #expect(e.p5Rank <= e.medianRank && e.medianRank <= e.p95Rank)
      #expect(e.p5Rank >= 1 && e.p95Rank <= 60)
    }
  }
}
