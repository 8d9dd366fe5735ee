import Criteria
import Model
import Scoring
import Selection
import TestSupport
import Testing

@testable import Sensitivity

/// Constructed edges, not jittered data: `run` (`Selector.run`, which `explain` also calls)
/// and the sensitivity path evaluating the nominal weights (`MonteCarlo.nominalWorkspace`)
/// must agree bit for bit on ranks, stars and every list.
@Suite struct NominalEdgeTests {
  /// A table of criteria x, y, z (min-max benefit) with an industry category per row.
  static func world(
    _ rows: [(x: Double, y: Double, z: Double, industry: String)], weights: [Double], scale: ClosedRange<Double>,
    stars: [StarLevelDraft] = [], programmes: [ProgrammeDraft] = []
  ) -> (Table, Spec) {
    let ids = rows.indices.map { "E" + String(100 + $0) }
    let industries = Array(Set(rows.map(\.industry))).sorted()
    let table = makeTable(
      ids: ids, numbers: ["x": rows.map(\.x), "y": rows.map(\.y), "z": rows.map(\.z)],
      extra: [
        "industry": .category(
          CategoryColumn(codes: rows.map { Int32(industries.firstIndex(of: $0.industry) ?? -1) }, levels: industries))
      ])
    let spec = makeSpec(
      zip(["x", "y", "z"], weights).map { CriterionDraft(key: $0, column: $0, weight: $1) },
      stars: StarsDraft(levels: stars), scale: scale,
      extraColumns: [ColumnSpec(key: "industry", headers: ["industry"], type: .category)], programmes: programmes)
    return (table, spec)
  }

  /// Runs both paths and checks that they agree; returns the run's result.
  @discardableResult
  static func agree(_ table: Table, _ spec: Spec) throws -> (evaluation: Evaluation, decision: Decision) {
    let run = try Selector.run(table, spec: spec, history: [])
    let model = try SensitivityModel(evaluation: run.evaluation, table: table, spec: spec)
    let ws = MonteCarlo.nominalWorkspace(model)
    #expect(ws.prefix.map(Int.init) == run.evaluation.order, "order")
    var u = [Double](repeating: 0, count: table.rowCount)
    var scratch = u
    model.sampler.nominal.withUnsafeBufferPointer { wp in
      u.withUnsafeMutableBufferPointer { up in
        scratch.withUnsafeMutableBufferPointer { sp in
          BatchScorer.utilities(model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: up, scratch: sp)
        }
      }
    }
    #expect(u == run.evaluation.utility, "utilities, bit for bit")
    let stars = u.withUnsafeBufferPointer { up in
      ws.begin(utility: up, weights: model.sampler.nominal)
      ws.setOrder(run.evaluation.order.map { Int32($0) }, complete: true)
      return (0..<table.rowCount).map { ws.stars($0) }
    }
    #expect(stars == run.evaluation.stars, "stars")
    let nominal = MonteCarlo.nominalWorkspace(model)
    for (p, d) in run.decision.programmes.enumerated() {
      #expect(nominal.selected[p].map(Int.init) == d.selected, "\(d.key) selected")
      #expect(nominal.reserve[p].map(Int.init) == d.reserve, "\(d.key) reserve")
    }
    return run
  }

  /// 0.7·1 + 0.1·1 = 0.7999999999999999: on the 0.8 band edge in floating point.
  @Test func scoreOnAStarBandEdge() throws {
    let (table, spec) = Self.world(
      [(1, 1, 0, "a"), (0, 0, 1, "a"), (1, 0, 0, "b"), (0, 1, 1, "b")], weights: [0.7, 0.1, 0.2], scale: 0...1,
      stars: [StarLevelDraft(stars: 3, minScore: 0.7), StarLevelDraft(stars: 4, minScore: 0.8)],
      programmes: [ProgrammeDraft(key: "p", quota: 1, eligible: .compare(.name("stars"), .ge, .number(4)))])
    let run = try Self.agree(table, spec)
    #expect(run.evaluation.score[0] < 0.8)
    #expect(run.evaluation.stars == [4, 0, 3, 0])
    #expect(run.decision.programmes[0].selected == [0])
  }

  /// Equal scores across the quota line: the tie is broken by id, in run and sample alike.
  @Test func exactTiesAtTheQuotaLine() throws {
    let rows: [(x: Double, y: Double, z: Double, industry: String)] = [
      (9, 1, 1, "a"), (5, 5, 5, "a"), (5, 5, 5, "b"), (5, 5, 5, "a"), (5, 5, 5, "b"), (0, 0, 0, "a"),
    ]
    let (table, spec) = Self.world(
      rows, weights: [0.5, 0.25, 0.25], scale: 0...100, programmes: [ProgrammeDraft(key: "p", quota: 3, reserves: 1)])
    let run = try Self.agree(table, spec)
    #expect(run.evaluation.score[1] == run.evaluation.score[4])
    // Rows 1…4 tie at the top (0.5·5/9 + 0.25 + 0.25); the quota of 3 cuts the tie by id.
    #expect(run.decision.programmes[0].selected == [1, 2, 3])
    #expect(run.decision.programmes[0].reserve == [4])
  }

  /// The last shortlist place fills a cap; the next candidate of that value waits as a reserve.
  @Test func capFilledByTheLastPlace() throws {
    let rows: [(x: Double, y: Double, z: Double, industry: String)] = [
      (10, 10, 10, "a"), (9, 9, 9, "b"), (8, 8, 8, "a"), (7, 7, 7, "a"), (6, 6, 6, "b"), (5, 5, 5, "c"),
    ]
    let (table, spec) = Self.world(
      rows, weights: [0.4, 0.3, 0.3], scale: 0...100,
      programmes: [ProgrammeDraft(key: "p", quota: 3, reserves: 2, caps: ["industry": 2])])
    let run = try Self.agree(table, spec)
    let p = run.decision.programmes[0]
    #expect(p.selected == [0, 1, 2])
    #expect(p.reserve == [3, 4])
    #expect(p.excluded.first { $0.row == 5 }?.reason == .belowLine(quota: 3))
  }

  /// A tier drawn from a list that has reserves takes only the source's selected rows.
  @Test func tierWhoseSourceHasReserves() throws {
    let rows: [(x: Double, y: Double, z: Double, industry: String)] = (0..<8).map { (i: Int) in
      let v = Double(10 - i)
      return (x: v, y: v, z: Double(i % 3), industry: i % 2 == 0 ? "a" : "b")
    }
    let (table, spec) = Self.world(
      rows, weights: [0.5, 0.3, 0.2], scale: 0...100,
      programmes: [
        ProgrammeDraft(key: "city", quota: 3, reserves: 2, caps: ["industry": 2]),
        ProgrammeDraft(key: "province", quota: 2, reserves: 1, from: "city"),
      ])
    let run = try Self.agree(table, spec)
    let city = run.decision.programmes[0], province = run.decision.programmes[1]
    #expect(!city.reserve.isEmpty)
    #expect(Set(province.selected + province.reserve).isSubset(of: Set(city.selected)))
    #expect(province.selected.count == 2 && province.reserve.count == 1)
  }
}
