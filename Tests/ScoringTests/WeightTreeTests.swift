import Criteria
import Model
import Scoring
import TestSupport
import Testing

@Suite("Weight tree")
struct WeightTreeTests {
  static let table = makeTable(
    ids: ["a", "b", "c", "d"],
    numbers: ["x": [1, 2, 3, 4], "y": [4, 1, 3, 2], "z": [10, 10, 20, 30], "u": [5, 6, 5, 6]])

  @Test func effectiveWeightIsProductAlongPath() throws {
    let spec = makeSpec(
      [
        CriterionDraft(key: "x", column: "x", group: "cost", weight: 0.25),
        CriterionDraft(key: "y", column: "y", group: "cost", weight: 0.75),
        CriterionDraft(key: "z", column: "z", group: "quality", weight: 1),
        CriterionDraft(key: "u", column: "u", weight: 0.2),
      ],
      groups: [GroupDraft(key: "cost", weight: 0.5), GroupDraft(key: "quality", weight: 0.3)])
    let e = try Scorer.evaluate(Self.table, spec: spec)
    #expect(allClose(e.weights, [0.125, 0.375, 0.3, 0.2]))
    #expect(e.weightReport.nodes.map(\.key) == ["", "cost", "quality"])
    #expect(e.weightReport.nodes[0].children == ["u", "cost", "quality"])
    #expect(allClose(e.weightReport.nodes[0].localWeights, [0.2, 0.5, 0.3]))
  }

  @Test func groupWeightingOverridesAndEqual() throws {
    let spec = makeSpec(
      [
        CriterionDraft(key: "x", column: "x", group: "g"), CriterionDraft(key: "y", column: "y", group: "g"),
        CriterionDraft(key: "z", column: "z"),
      ],
      groups: [GroupDraft(key: "g", weighting: WeightingDraft(method: .entropy))],
      weighting: WeightingDraft(method: .equal))
    let e = try Scorer.evaluate(Self.table, spec: spec)
    #expect(isClose(e.weights[2], 0.5))
    #expect(isClose(e.weights[0] + e.weights[1], 0.5))
    let g = try #require(e.weightReport.nodes.first { $0.key == "g" })
    #expect(g.method == .entropy)
    #expect(g.entropy?.e.count == 2)
  }

  @Test func directNormaliseRescales() throws {
    let spec = makeSpec(
      [CriterionDraft(key: "x", column: "x", weight: 2), CriterionDraft(key: "y", column: "y", weight: 6)],
      weighting: WeightingDraft(method: .direct, normalise: true))
    #expect(allClose(try Scorer.evaluate(Self.table, spec: spec).weights, [0.25, 0.75]))
  }

  @Test func ahpMapsOrderToChildren() throws {
    // order differs from file order; A = [[1, 3], [1/3, 1]] → (0.75, 0.25) over (y, x)
    let ahp = AHPDraft(order: ["y", "x"], matrix: [[1, 3], [1.0 / 3, 1]])
    let spec = makeSpec(
      [CriterionDraft(key: "x", column: "x"), CriterionDraft(key: "y", column: "y")],
      weighting: WeightingDraft(method: .ahp, ahp: ahp))
    let e = try Scorer.evaluate(Self.table, spec: spec)
    #expect(allClose(e.weights, [0.25, 0.75], relative: 1e-12))
    #expect(e.weightReport.nodes[0].ahp?.cr == 0)
  }

  /// CRITIC is direction-aware: reversing a column's direction changes its correlations.
  @Test func criticUsesDirection() throws {
    let criteria = [CriterionDraft(key: "x", column: "x"), CriterionDraft(key: "y", column: "y"), CriterionDraft(key: "z", column: "z")]
    let reversed = [
      CriterionDraft(key: "x", column: "x"), CriterionDraft(key: "y", column: "y", direction: .cost), CriterionDraft(key: "z", column: "z"),
    ]
    let a = try Scorer.evaluate(Self.table, spec: makeSpec(criteria, weighting: WeightingDraft(method: .critic)))
    let b = try Scorer.evaluate(Self.table, spec: makeSpec(reversed, weighting: WeightingDraft(method: .critic)))
    #expect(!allClose(a.weights, b.weights, relative: 1e-6))
    #expect(a.weightReport.nodes[0].critic?.sigma.count == 3)
  }

  @Test func dataDrivenDegenerateColumns() {
    // constant column → e = 1, d = 0, σ = 0, C = 0; all constant → equal weights
    let e = EntropyWeighting.compute([[1, 1, 1], [0, 0.5, 1]])
    #expect(e.weights == [0, 1])
    #expect(EntropyWeighting.compute([[1, 1], [1, 1]]).weights == [0.5, 0.5])
    #expect(EntropyWeighting.compute([[0, 0, 0], [0, 1, 0.5]]).e[0] == 1)
    #expect(EntropyWeighting.compute([[1], [0]]).weights == [0.5, 0.5])  // n = 1
    let c = CRITICWeighting.compute([[1, 1, 1], [0, 0.5, 1], [1, 0, 0.5]])
    #expect(c.weights[0] == 0)
    #expect(c.conflict.allSatisfy { $0.isFinite })
    #expect(CRITICWeighting.compute([[2, 2], [3, 3]]).weights == [0.5, 0.5])
    #expect(StdDevWeighting.compute([[4, 4], [1, 1]]).weights == [0.5, 0.5])
  }
}
