import Criteria
import Model
import Scoring
import TestSupport
import Testing

@testable import Sensitivity

@Suite struct SaltelliScorerTests {
  /// The shared-work utilities of A, every A_B^(i) and B equal the direct weighted sums at
  /// the renormalised weights (`WeightSampler.weights(unit:)`, batch scorer) to 1e-12,
  /// with every criterion varying and with a fixed block; on all rows and on a subset.
  @Test(arguments: [[String](), ["k0", "k2", "k3"]])
  func matchesTheDirectProduct(vary: [String]) throws {
    let p = Problem.make(
      values: Problem.random(rows: 300, criteria: 5, seed: 21), weights: [0.3, 0.25, 0.2, 0.15, 0.1],
      uncertainty: UncertaintyDraft(model: .uniform(spread: 0.35), vary: vary))
    let model = try SensitivityModel(evaluation: p.evaluation, table: p.table, spec: p.spec)
    let k = model.sampler.varying.count
    let subset = stride(from: 3, to: 300, by: 7).map { Int32($0) }
    let all = SaltelliScorer(model: model, rows: nil, spread: 0.35)
    let some = SaltelliScorer(model: model, rows: subset, spread: 0.35)
    let (a, b) = try SobolEstimator.baseMatrices(n: 16, factors: k)
    var w = [Double](repeating: 0, count: 5)
    var direct = [Double](repeating: 0, count: 300), shared = direct, part = [Double](repeating: 0, count: subset.count)
    var worst = 0.0
    for r in 0..<16 {
      all.begin(a: a[r], b: b[r])
      some.begin(a: a[r], b: b[r])
      for col in 0..<(k + 2) {
        var x = col == k + 1 ? b[r] : a[r]
        if col >= 1 && col <= k { x[col - 1] = b[r][col - 1] }
        model.sampler.weights(unit: x, spread: 0.35, into: &w)
        w.withUnsafeBufferPointer { wp in
          direct.withUnsafeMutableBufferPointer { dp in
            BatchScorer.utilities(model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: dp, scratch: dp)
          }
        }
        shared.withUnsafeMutableBufferPointer { all.utilities(col, into: $0) }
        part.withUnsafeMutableBufferPointer { some.utilities(col, into: $0) }
        for i in 0..<300 { worst = max(worst, abs(shared[i] - direct[i])) }
        for (x, row) in subset.enumerated() { #expect(part[x] == shared[Int(row)]) }
      }
    }
    #expect(worst <= 1e-12, "largest difference \(worst)")
    #expect(worst > 0 || k < 5, "expected rounding differences somewhere (else the test compares a path with itself)")
  }
}
