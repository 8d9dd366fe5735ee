import Criteria
import Model
import Scoring
import Selection
import TestSupport
import Testing

@testable import Sensitivity

/// A scored problem with every kind of programme rule, for the sensitivity analyses.
@Suite struct RuleProblem {
  static func problem(aggregation: AggregationMethod, uncertainty: UncertaintyDraft? = nil) throws -> Problem {
    var values = Problem.random(rows: 120, criteria: 5, seed: 42)
    var rng = SplitMix64(seed: 9)
    values = values.map { $0.map { $0 + rng.nextUnit() } }
    let industries = (0..<120).map { ["机械", "纺织", "电子", "化工"][$0 % 4] }
    let flags = (0..<120).map { $0 % 5 != 0 }
    let programmes = [
      ProgrammeDraft(
        key: "city", quota: 15, reserves: 4, eligible: .name("flag"), caps: ["industry": 5],
        pilotIndustries: ["纺织"], pilotPriority: .first, historyYears: 2),
      ProgrammeDraft(
        key: "province", quota: 5, reserves: 2, eligible: .compare(.name("stars"), .ge, .number(3)), from: "city",
        caps: ["industry": 2]),
      ProgrammeDraft(
        key: "national", quota: 2, eligible: .and(.name("eligible.province"), .compare(.name("score"), .ge, .number(60))),
        fromMode: .eligible),
    ]
    let stars = StarsDraft(levels: [
      StarLevelDraft(stars: 2, minScore: 30), StarLevelDraft(stars: 3, minScore: 45, require: .name("flag")),
      StarLevelDraft(stars: 4, minScore: 60),
    ])
    var p = Problem.make(
      values: values, weights: [0.3, 0.25, 0.2, 0.15, 0.1], industries: industries, flags: flags,
      programmes: programmes, stars: stars, uncertainty: uncertainty, aggregation: aggregation)
    p.evaluation = try Selector.run(p.table, spec: p.spec, history: []).evaluation
    return p
  }

  static let history = [
    HistoryEntry(id: "0003", year: 2021, programme: "city"), HistoryEntry(id: "0010", year: 2020, programme: "city"),
    HistoryEntry(id: "0011", year: 2019, programme: "city"),
  ]

  @Test func stabilityIntervalsOnScorerOutput() throws {
    let p = try Self.problem(aggregation: .weightedSum)
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec, history: Self.history)
    let result = try StabilityIntervals.compute(model)
    #expect(result.count == 3)
    for prog in result { for iv in prog.intervals { #expect(iv.low <= iv.nominalWeight && iv.nominalWeight <= iv.high) } }
  }
}

@Suite struct MethodVariantTests {
  @Test func alternativeMethodsAreDrawnAndDeterministic() throws {
    let p = try RuleProblem.problem(
      aggregation: .weightedSum,
      uncertainty: UncertaintyDraft(model: .uniform(spread: 0.3), normalisations: [.vector, .rank], aggregations: [.topsis, .vikor(v: 0.5)]))
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec, history: RuleProblem.history)
    #expect(model.variants.count == 9)
    let r1 = try MonteCarlo.run(model, options: MonteCarloOptions(samples: 450, seed: 12, threads: 1))
    let r4 = try MonteCarlo.run(model, options: MonteCarloOptions(samples: 450, seed: 12, threads: 4, blockSize: 5))
    #expect(r1.enterprises == r4.enterprises && r1.programmes == r4.programmes)
    #expect(r1.variantCounts.reduce(0, +) == 450)
    #expect(r1.variantCounts.allSatisfy { $0 > 20 })  // ≈ 50 each
  }

  /// Each variant at the nominal weights ranks exactly as the Scorer does with that method.
  @Test(arguments: [AggregationMethod.weightedProduct(floor: 0.01), .topsis, .vikor(v: 0.3)])
  func variantOrderEqualsScorer(aggregation: AggregationMethod) throws {
    var p = try RuleProblem.problem(aggregation: .weightedSum)
    let variant = try MethodVariant.scored(table: p.table, spec: p.spec, normalisation: .vector, aggregation: aggregation)
    p.spec = try p.spec.withMethod(normalisation: .vector, aggregation: aggregation)
    let ev = try Scorer.evaluate(p.table, spec: p.spec)
    let model = try SensitivityModel(evaluation: ev, table: p.table, spec: p.spec, variants: [variant])
    let ws = MonteCarlo.nominalWorkspace(model)
    #expect(ws.prefix.map(Int.init) == ev.order)
  }
}
