import Criteria
import Foundation
import Model
import TestSupport
import Testing

/// AHP weights, λmax, CI and CR (Sources/Criteria/AHP.swift) and the loader's AHP checks.
@Suite struct AHPTests {
  /// Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services
  /// Sciences 1(1):83–98, Table 3 "Which drink is consumed more in the U.S.?": the derived
  /// scale is printed to 3 decimals as .177 .019 .042 .116 .190 .129 .327.
  @Test func saaty2008DrinksAtPrintedDigits() throws {
    let upper: [(Int, Int, Double)] = [
      (0, 1, 9), (0, 2, 5), (0, 3, 2), (0, 4, 1), (0, 5, 1), (0, 6, 1.0 / 2),
      (1, 2, 1.0 / 3), (1, 3, 1.0 / 9), (1, 4, 1.0 / 9), (1, 5, 1.0 / 9), (1, 6, 1.0 / 9),
      (2, 3, 1.0 / 3), (2, 4, 1.0 / 4), (2, 5, 1.0 / 3), (2, 6, 1.0 / 9),
      (3, 4, 1.0 / 2), (3, 5, 1), (3, 6, 1.0 / 3), (4, 5, 2), (4, 6, 1.0 / 2), (5, 6, 1.0 / 3),
    ]
    var a = [[Double]](repeating: [Double](repeating: 1, count: 7), count: 7)
    for (i, j, v) in upper {
      a[i][j] = v
      a[j][i] = 1 / v
    }
    let r = AHP.solve(a)
    let printed = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327]
    #expect(r.weights.map { ($0 * 1000).rounded() / 1000 } == printed)
    #expect(r.ri == 1.32)
    #expect(abs(r.cr - r.ci / 1.32) < 1e-15)
    #expect(r.cr < 0.10)
  }

  struct Reference: Decodable {
    struct Case: Decodable {
      var name: String
      var matrix: [[Double]]
      var weights: [Double]
      var lambda_max: Double
      var cr_pymcdm: Double
      var ri_pymcdm: Double
    }
    var generator: String
    var cases: [Case]
  }

  static let reference: [Reference.Case] = {
    guard let data = FileManager.default.contents(atPath: Fixture.path("ahp-pymcdm.json")),
      let doc = try? JSONDecoder().decode(Reference.self, from: data)
    else { return [] }
    return doc.cases
  }()

  @Test func referenceFixtureIsPresent() { #expect(Self.reference.count == 12) }

  /// pymcdm 1.4.0 (scripts/reference/ahp.py): weights and λmax at 1e-9 relative; CI
  /// (= pymcdm's CR × its RI) at 1e-9 absolute. pymcdm's RI table (Tummala & Ling 1998)
  /// differs from Saaty's for every n ≥ 3, so CR itself is compared only for n ≤ 2 (both 0).
  @Test(arguments: 0..<12) func agreesWithPymcdm(_ i: Int) throws {
    try #require(i < Self.reference.count)
    let c = Self.reference[i]
    let r = AHP.solve(c.matrix)
    #expect(allClose(r.weights, c.weights, relative: 1e-9), "\(c.name): \(r.weights) vs \(c.weights)")
    #expect(isClose(r.lambdaMax, c.lambda_max, relative: 1e-9), "\(c.name): λmax \(r.lambdaMax) vs \(c.lambda_max)")
    let n = Double(c.matrix.count)
    let pymcdmCI = c.matrix.count < 3 ? (c.lambda_max - n) / max(1, n - 1) : c.cr_pymcdm * c.ri_pymcdm
    #expect(isClose(r.ci, max(0, pymcdmCI), relative: 1e-9, absolute: 1e-9), "\(c.name): CI \(r.ci) vs \(pymcdmCI)")
    if c.matrix.count <= 2 { #expect(r.cr == c.cr_pymcdm) }
  }

  @Test func consistentMatrixHasZeroIndex() {
    let w = [0.4, 0.3, 0.2, 0.1]
    let a = w.map { wi in w.map { wi / $0 } }
    let r = AHP.solve(a)
    #expect(allClose(r.weights, w, relative: 1e-12))
    #expect(abs(r.lambdaMax - 4) < 1e-12)
    #expect(r.ci < 1e-12)
  }

  // MARK: Loader checks

  static func file(_ ahp: String) -> String {
    Fixture.base.replacingOccurrences(of: "[criteria.b]", with: "[criteria.c]\ncolumn = \"x\"\n\n[criteria.b]")
      + "[weighting]\nmethod = \"ahp\"\n[weighting.ahp]\norder = [\"a\", \"b\", \"c\"]\n" + ahp
  }

  @Test func fractionsAndNumbersDecode() throws {
    let spec = try #require(Fixture.spec(Self.file("matrix = [[1, 3, \"5\"], [\"1/3\", 1, 3], [0.2, \" 1 / 3 \", 1]]\n")))
    #expect(spec.weighting.ahp?.matrix == [[1, 3, 5], [1.0 / 3, 1, 3], [0.2, 1.0 / 3, 1]])
    #expect(spec.weighting.ahp?.order == ["a", "b", "c"])
  }

  static let inconsistent = "matrix = [[1, 9, \"1/9\"], [\"1/9\", 1, 9], [9, \"1/9\", 1]]\n"

  @Test func inconsistencyIsAnErrorWithLambdaCIAndCR() {
    #expect(
      Fixture.errors(Self.file(Self.inconsistent)) == [
        "c.toml:41: weighting.ahp.matrix: inconsistent judgements: CR = 6.1303 ≥ max_cr 0.1 (λmax = 10.1111, CI = 3.5556, RI = 0.58); revise the judgements or set accept_inconsistent = true"
      ])
  }

  @Test func acceptInconsistentAndMaxCR() throws {
    let spec = try #require(Fixture.spec(Self.file(Self.inconsistent + "accept_inconsistent = true\n")))
    #expect(spec.weighting.ahp?.acceptInconsistent == true)
    // CR of the complete.toml judgements is 0.0332 with Saaty's RI(3) = 0.58.
    let mild = "matrix = [[1, 3, 5], [\"1/3\", 1, 3], [\"1/5\", \"1/3\", 1]]\n"
    #expect(Fixture.errors(Self.file(mild)) == [])
    #expect(
      Fixture.errors(Self.file(mild + "max_cr = 0.03\n")) == [
        "c.toml:41: weighting.ahp.matrix: inconsistent judgements: CR = 0.0332 ≥ max_cr 0.03 (λmax = 3.0385, CI = 0.0193, RI = 0.58); revise the judgements or set accept_inconsistent = true"
      ])
  }

  @Test func shapeDiagonalAndPositivity() {
    #expect(
      Fixture.errors(Self.file("matrix = [[1, 3, 5], [\"1/3\", 1], [\"1/5\", \"1/3\", 1]]\n")) == [
        "c.toml:41: weighting.ahp.matrix[1]: expected 3 entries (the matrix must be square), found 2"
      ])
    #expect(
      Fixture.errors(Self.file("matrix = [[1, 3, 5], [\"1/3\", 2, 3], [\"1/5\", \"1/3\", 1]]\n")) == [
        "c.toml:41: weighting.ahp.matrix[1][1]: diagonal entries must be 1, found 2"
      ])
    #expect(
      Fixture.errors(Self.file("matrix = [[1, -3, 5], [\"1/3\", 1, \"3/0\"], [\"1/5\", \"1/3\", 1]]\n")) == [
        "c.toml:41: weighting.ahp.matrix[0][1]: expected a positive number or \"p/q\", found -3",
        "c.toml:41: weighting.ahp.matrix[1][2]: expected a positive number or \"p/q\", found \"3/0\"",
      ])
    #expect(
      Fixture.errors(Self.file("matrix = [[1, 3], [\"1/3\", 1]]\n")) == [
        "c.toml:41: weighting.ahp.matrix: expected 3 rows (one per entry of order), found 2"
      ])
  }
}
