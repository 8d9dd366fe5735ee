import Criteria
import Foundation
import Model
import Scoring
import TestSupport
import Testing

/// Explicit vector normalisation on a column with negative values (a loss-making
/// enterprise's profit margin): TOPSIS scores as pymcdm gives them
/// (scripts/reference/vector_negative.py), refused with a reason under weighted sum.
@Suite struct VectorNegativeTests {
  struct Fixture: Decodable {
    var matrix: [[Double]]
    var types: [Int]
    var weights: [Double]
    var topsis_pymcdm: [Double]
  }

  static func fixture() throws -> Fixture {
    let url = try #require(Bundle.module.url(forResource: "vector-negative", withExtension: "json", subdirectory: "Fixtures"))
    return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }

  static func setUp(_ f: Fixture) -> (Table, [CriterionDraft]) {
    var numbers: [String: [Double?]] = [:]
    for j in f.types.indices { numbers["c\(j)"] = f.matrix.map { $0[j] } }
    let table = makeTable(ids: f.matrix.indices.map { "A\($0)" }, numbers: numbers)
    let criteria = f.types.indices.map { j in
      CriterionDraft(
        key: "c\(j)", column: "c\(j)", direction: f.types[j] > 0 ? .benefit : .cost, normalisation: .vector,
        weight: f.weights[j], explicitNormalisation: true)
    }
    return (table, criteria)
  }

  @Test func topsisMatchesPymcdm() throws {
    let f = try Self.fixture()
    #expect(f.matrix.contains { $0.contains { $0 < 0 } })
    let (table, criteria) = Self.setUp(f)
    let e = try Scorer.evaluate(table, spec: makeSpec(criteria, aggregation: .topsis))
    #expect(allClose(e.raw, f.topsis_pymcdm, relative: 1e-9))
  }

  @Test func weightedSumRefusesWithTheReason() throws {
    let f = try Self.fixture()
    let (table, criteria) = Self.setUp(f)
    do {
      _ = try Scorer.evaluate(table, spec: makeSpec(criteria))
      Issue.record("weighted sum of negative vector-normalised values was accepted")
    } catch {
      #expect(error.problem == .leavesUnitInterval(criterion: "c0", method: "vector", value: -4.5))
      #expect(error.message.en.contains("outside the [0, 1]") && error.message.en.contains("TOPSIS"))
      #expect(error.message.zh.contains("超出") && error.message.zh.contains("TOPSIS"))
    }
  }
}
