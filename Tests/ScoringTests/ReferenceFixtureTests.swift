import Criteria
import Scoring
import TestSupport
import Testing

/// Kernels against pymcdm 1.4 and scikit-criteria (scripts/reference/make_fixtures.py), 1e-9 relative.
@Suite("Reference fixtures (pymcdm, scikit-criteria)")
struct ReferenceFixtureTests {
  static let cases = ReferenceCase.all()

  @Test func fixturesLoad() {
    #expect(Self.cases.count == 4)
  }

  @Test(arguments: cases, ["min-max", "vector", "sum", "max", "z-score"])
  func normalisations(_ c: ReferenceCase, method: String) throws {
    let normalisation: Normalisation =
      switch method {
      case "min-max": .minMax
      case "vector": .vector
      case "sum": .sum
      case "max": .max
      default: .zScore
      }
    let expected = c.normalised(method)
    #expect(expected.count == c.columns.count)
    for (j, x) in c.columns.enumerated() {
      let got = try normalisation.oriented(x, direction: c.directions[j], criterion: "c\(j)")
      for (i, e) in expected[j].enumerated() {
        guard let e else {
          // The library gives NaN (constant column under min-max); Exemplar's rule is 1.
          #expect(got[i] == 1)
          continue
        }
        #expect(isClose(got[i], e, relative: 1e-9, absolute: 1e-12), "\(c.name) \(method) column \(j) row \(i)")
      }
    }
  }

  /// Oriented min-max columns (constant column = 1), the input of the data-driven weights.
  private func r(_ c: ReferenceCase) -> [[Double]] {
    c.columns.enumerated().map { j, x in MinMaxNormaliser.normalise(c.directions[j] == .cost ? x.map { -$0 } : x) }
  }

  @Test(arguments: cases)
  func entropyWeights(_ c: ReferenceCase) {
    let got = EntropyWeighting.compute(r(c)).weights
    #expect(allClose(got, c.doubles("entropy"), relative: 1e-9, absolute: 1e-12))
  }

  @Test(arguments: cases.filter { $0.has("entropy_raw_pymcdm") })
  func entropyOfRawPositiveData(_ c: ReferenceCase) {
    let got = EntropyWeighting.compute(c.columns).weights
    #expect(allClose(got, c.doubles("entropy_raw_pymcdm"), relative: 1e-9))
  }

  @Test(arguments: cases.filter { $0.has("critic_pymcdm") })
  func criticWeights(_ c: ReferenceCase) {
    let got = CRITICWeighting.compute(r(c)).weights
    #expect(allClose(got, c.doubles("critic_pymcdm"), relative: 1e-9))
    #expect(allClose(got, c.doubles("critic_skcriteria"), relative: 1e-9))
  }

  @Test(arguments: cases)
  func stdDevWeights(_ c: ReferenceCase) {
    let got = StdDevWeighting.compute(r(c)).weights
    #expect(allClose(got, c.doubles("std"), relative: 1e-9, absolute: 1e-12))
  }

  @Test(arguments: cases)
  func weightedSum(_ c: ReferenceCase) {
    #expect(allClose(Aggregation.scores(r(c), method: .weightedSum, weights: c.weights).raw, c.doubles("wsm"), relative: 1e-9))
  }

  @Test(arguments: cases.filter { $0.has("wpm") })
  func weightedProduct(_ c: ReferenceCase) throws {
    let sum = try c.columns.enumerated().map { j, x in
      try Normalisation.sum.oriented(x, direction: c.directions[j], criterion: "c\(j)")
    }
    let got = Aggregation.scores(sum, method: .weightedProduct(floor: 1e-300), weights: c.weights).raw
    #expect(allClose(got, c.doubles("wpm"), relative: 1e-9))
  }

  @Test(arguments: cases)
  func topsis(_ c: ReferenceCase) {
    let t = c.columns.enumerated().map { j, x in
      let v = VectorNormaliser.normalise(x)
      return c.directions[j] == .cost ? v.map { 1 - $0 } : v
    }
    let got = Aggregation.scores(t, method: .topsis, weights: c.weights).raw
    #expect(allClose(got, c.doubles("topsis_pymcdm"), relative: 1e-9))
    #expect(allClose(got, c.doubles("topsis_skcriteria"), relative: 1e-9))
  }

  @Test(arguments: cases)
  func vikor(_ c: ReferenceCase) {
    let got = Aggregation.vikorMeasures(r(c), weights: c.weights, v: c.vikorV)
    #expect(allClose(got.s, c.vikor("S"), relative: 1e-9, absolute: 1e-12))
    #expect(allClose(got.r, c.vikor("R"), relative: 1e-9, absolute: 1e-12))
    #expect(allClose(got.q, c.vikor("Q"), relative: 1e-9, absolute: 1e-12))
  }

  /// The whole pipeline (Table → Spec → Scorer.evaluate) reproduces the libraries' scores.
  @Test(arguments: cases)
  func scorerEndToEnd(_ c: ReferenceCase) throws {
    var numbers: [String: [Double?]] = [:]
    for (j, x) in c.columns.enumerated() { numbers["c\(j)"] = x }
    let table = makeTable(ids: c.matrix.indices.map { "A\($0)" }, numbers: numbers)
    let criteria = c.weights.indices.map { j in
      CriterionDraft(key: "c\(j)", column: "c\(j)", direction: c.directions[j], weight: c.weights[j])
    }
    let weighting = WeightingDraft(method: .direct, normalise: true)
    let wsm = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: weighting))
    #expect(allClose(wsm.raw, c.doubles("wsm"), relative: 1e-9))
    let topsis = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: weighting, aggregation: .topsis))
    #expect(allClose(topsis.raw, c.doubles("topsis_pymcdm"), relative: 1e-9))
    let vikor = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: weighting, aggregation: .vikor(v: c.vikorV)))
    #expect(allClose(vikor.raw, c.vikor("Q"), relative: 1e-9, absolute: 1e-12))
    let entropy = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: WeightingDraft(method: .entropy)))
    #expect(allClose(entropy.weights, c.doubles("entropy"), relative: 1e-9, absolute: 1e-12))
    if c.has("critic_skcriteria") {
      let critic = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: WeightingDraft(method: .critic)))
      #expect(allClose(critic.weights, c.doubles("critic_skcriteria"), relative: 1e-9))
    }
    // The sensitivity engine's path: prepare once, aggregate with weights.
    let matrix = try Scorer.prepare(table, spec: makeSpec(criteria, weighting: weighting))
    let again = Scorer.aggregate(matrix, method: .weightedSum, weights: wsm.weights)
    #expect(again.raw == wsm.raw)
  }
}
