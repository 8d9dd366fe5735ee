import Criteria
import Scoring
import TestSupport
import Testing

/// Published worked examples, compared at the digits they print (docs/methods.md, "Sources").
@Suite("Published worked examples")
struct PublishedExampleTests {
  /// Hwang & Yoon (1981), *Multiple Attribute Decision Making*, Springer LNEMS 186, pp. 133–134:
  /// fighter aircraft A1–A4 × (speed, ferry range, payload, cost [cost], reliability,
  /// manoeuvrability), w = (0.2, 0.1, 0.1, 0.1, 0.2, 0.3); printed C* = 0.643, 0.268, 0.613, 0.312.
  static let aircraft: [[Double]] = [
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
  ]

  @Test func topsisFighterAircraftThroughScorer() throws {
    let keys = ["speed", "range", "payload", "cost", "reliability", "manoeuvrability"]
    let weights = [0.2, 0.1, 0.1, 0.1, 0.2, 0.3]
    var numbers: [String: [Double?]] = [:]
    for (j, k) in keys.enumerated() { numbers[k] = Self.aircraft.map { $0[j] } }
    let table = makeTable(ids: ["A1", "A2", "A3", "A4"], numbers: numbers)
    let criteria = keys.enumerated().map { j, k in
      CriterionDraft(key: k, column: k, direction: k == "cost" ? .cost : .benefit, weight: weights[j])
    }
    let e = try Scorer.evaluate(table, spec: makeSpec(criteria, aggregation: .topsis, scale: 0...1))
    // The book computes from intermediates rounded to 4 decimals and prints C* to 3
    // (A3: exact 0.61354 is printed 0.613), so the printed digits hold to ±1e-3.
    let printed = [0.643, 0.268, 0.613, 0.312]
    for i in 0..<4 { #expect(abs(e.raw[i] - printed[i]) <= 1e-3, "A\(i + 1): \(e.raw[i])") }
    #expect(e.rank == [1, 4, 2, 3])
    #expect(e.weights == weights)
  }

  /// The same example's printed separation measures S* and S⁻ (4 decimals).
  @Test func topsisFighterAircraftSeparations() {
    let t = (0..<6).map { j -> [Double] in
      let v = VectorNormaliser.normalise(Self.aircraft.map { $0[j] })
      return j == 3 ? v.map { 1 - $0 } : v
    }
    let r = Aggregation.topsisSeparations(t, weights: [0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
    let plus = [0.0545, 0.1197, 0.0580, 0.1009], minus = [0.0983, 0.0439, 0.0920, 0.0458]
    for i in 0..<4 {
      #expect(abs(r.dPlus[i] - plus[i]) <= 1e-4, "S*\(i + 1) = \(r.dPlus[i])")
      #expect(abs(r.dMinus[i] - minus[i]) <= 1e-4, "S-\(i + 1) = \(r.dMinus[i])")
    }
  }

  /// Xu (2004), *EJOR* 156(2):530–532, entropy weights printed (0.4630, 0.3992, 0.1378, 0.0000).
  @Test func entropyXu2004() {
    let m: [[Double]] = [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]]
    let w = EntropyWeighting.compute((0..<4).map { j in m.map { $0[j] } }).weights
    let printed = [0.4630, 0.3992, 0.1378, 0.0000]
    for j in 0..<4 { #expect(abs(w[j] - printed[j]) <= 5e-5, "w\(j + 1) = \(w[j])") }
  }

  /// Zavadskas & Podvezko (2016), *IJITDM* 15(2):267–283, entropy weights printed
  /// (0.1146, 0.1981, 0.4185, 0.2689) — entropy of p = x/Σx on the raw data.
  @Test func entropyZavadskasPodvezko2016() {
    let m: [[Double]] = [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]]
    let w = EntropyWeighting.compute((0..<4).map { j in m.map { $0[j] } }).weights
    let printed = [0.1146, 0.1981, 0.4185, 0.2689]
    for j in 0..<4 { #expect(abs(w[j] - printed[j]) <= 5e-5, "w\(j + 1) = \(w[j])") }
  }

  /// Tuş & Adalı (2019), *OPSEARCH* 56(2):528–538, time-and-attendance software, CRITIC weights
  /// printed (0.157, 0.249, 0.168, 0.121, 0.154, 0.151). The printed weights are those of
  /// min-max columns with the price column *not* reversed (docs/methods.md explains the
  /// difference from Diakoulaki et al.); the kernel is checked on that input.
  @Test func criticTusAdali2019() {
    let m: [[Double]] = [
      [5000, 3, 3, 4, 3, 2], [680, 5, 3, 2, 2, 1], [2000, 3, 2, 3, 4, 3], [600, 4, 3, 1, 2, 2], [800, 2, 4, 3, 3, 4],
    ]
    let r = (0..<6).map { j in MinMaxNormaliser.normalise(m.map { $0[j] }) }
    let w = CRITICWeighting.compute(r).weights
    let printed = [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]
    for j in 0..<6 { #expect(abs(w[j] - printed[j]) <= 5e-4, "w\(j + 1) = \(w[j])") }
  }

  /// Sałabun, Wątróbski & Shekhovtsov (2020), *Symmetry* 12(9):1549, standard-deviation
  /// weights printed (0.217, 0.294, 0.488) for the raw matrix.
  @Test func stdDevSalabun2020() {
    let m: [[Double]] = [
      [0.619, 0.449, 0.447], [0.862, 0.466, 0.006], [0.458, 0.698, 0.771], [0.777, 0.631, 0.491], [0.567, 0.992, 0.968],
    ]
    let w = StdDevWeighting.compute((0..<3).map { j in m.map { $0[j] } }).weights
    let printed = [0.217, 0.294, 0.488]
    for j in 0..<3 { #expect(abs(w[j] - printed[j]) <= 5e-4, "w\(j + 1) = \(w[j])") }
  }
}
