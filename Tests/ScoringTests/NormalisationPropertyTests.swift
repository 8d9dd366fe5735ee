import Criteria
import Model
import Scoring
import TestSupport
import Testing

/// Random finite columns over the whole range of Double — subnormals, values near the
/// overflow limit, mixtures of both — never give a non-finite unit value or one outside
/// [0, 1], for any normalisation and direction (docs/methods.md, "Normalisation").
@Suite("Normalisation over every finite double")
struct NormalisationPropertyTests {
  /// A random finite double of the given regime.
  static func value(_ rng: inout SplitMix64, regime: UInt64) -> Double {
    let sign: Double = rng.next() % 4 == 0 ? -1 : 1
    switch regime {
    case 0:  // any finite bit pattern: every exponent, subnormals included
      var v = Double(bitPattern: rng.next())
      while !v.isFinite { v = Double(bitPattern: rng.next()) }
      return v
    case 1:  // subnormal (or zero)
      return sign * Double(bitPattern: rng.next() & ((1 << 52) - 1))
    case 2:  // tiny normal, below 2^-400
      return sign * Double(sign: .plus, exponent: -1022 + Int(rng.next() % 600), significand: 1 + Double(rng.next() % 1024) / 1024)
    case 3:  // near the overflow limit
      return sign * .greatestFiniteMagnitude * (0.5 + Double(rng.next() % 1024) / 2048)
    case 4:  // huge normal, above 2^400
      return sign * Double(sign: .plus, exponent: 401 + Int(rng.next() % 622), significand: 1 + Double(rng.next() % 1024) / 1024)
    default:  // ordinary
      return sign * Double(rng.next() % 10_000) / 100
    }
  }

  /// A column of 1…12 values: one regime, or a mixture (regime 6).
  static func column(_ rng: inout SplitMix64) -> [Double] {
    let regime = rng.next() % 7
    let n = 1 + Int(rng.next() % 12)
    var x = (0..<n).map { _ in value(&rng, regime: regime == 6 ? rng.next() % 6 : regime) }
    if rng.next() % 5 == 0 { x = x.map(abs) }  // non-negative, so sum, max and vector apply
    if rng.next() % 9 == 0, let first = x.first { x[x.count - 1] = first }  // a tie
    return x
  }

  static func methods(_ rng: inout SplitMix64) -> [Normalisation] {
    let a = value(&rng, regime: rng.next() % 6)
    let b = value(&rng, regime: rng.next() % 6)
    var list: [Normalisation] = [.minMax, .zScore, .vector, .sum, .max, .rank, .target(a)]
    if a != b { list.append(.goalposts(low: Swift.min(a, b), high: Swift.max(a, b))) }
    return list
  }

  @Test(arguments: 0..<8)
  func unitValuesAreFiniteAndInRange(block: UInt64) throws {
    var rng = SplitMix64(seed: 1700 + block)
    var checked = 0
    for _ in 0..<400 {
      let x = Self.column(&rng)
      for n in Self.methods(&rng) {
        for d in [Direction.benefit, .cost] {
          guard let u = try? n.unit(x, direction: d, criterion: "c") else { continue }  // a domain error
          checked += 1
          #expect(u.count == x.count)
          #expect(u.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(n.name) \(d) \(x): \(u)")
          if case .zScore = n {
            let z = try n.oriented(x, direction: d, criterion: "c")
            #expect(z.allSatisfy { $0.isFinite }, "z-score \(d) \(x): \(z)")
          }
        }
      }
    }
    #expect(checked > 3000)
  }

  /// The same columns through `Scorer.evaluate` with every data-driven weighting: the
  /// weights are finite, sum to 1, and no value of the evaluation is non-finite.
  @Test(arguments: 0..<4)
  func dataDrivenWeightsAreFinite(block: UInt64) throws {
    var rng = SplitMix64(seed: 4200 + block)
    for _ in 0..<40 {
      let n = 2 + Int(rng.next() % 8)
      var numbers: [String: [Double?]] = [:]
      var criteria: [CriterionDraft] = []
      for j in 0..<3 {
        var x = Self.column(&rng)
        while x.count < n { x.append(x[x.count - 1]) }
        numbers["c\(j)"] = Array(x.prefix(n))
        criteria.append(
          CriterionDraft(key: "c\(j)", column: "c\(j)", direction: j == 1 ? .cost : .benefit, winsorise: j == 2 ? 0.1...0.9 : nil))
      }
      let table = makeTable(ids: (0..<n).map { "r\($0)" }, numbers: numbers)
      for method in [WeightingMethod.entropy, .critic, .standardDeviation] {
        let e = try Scorer.evaluate(table, spec: makeSpec(criteria, weighting: WeightingDraft(method: method)))
        #expect(e.weights.allSatisfy { $0.isFinite && $0 >= 0 }, "\(method) \(numbers): \(e.weights)")
        #expect(isClose(e.weights.reduce(0, +), 1, relative: 1e-12), "\(method): \(e.weights)")
        #expect(allFinite(e), "\(method) \(numbers)")
      }
    }
  }
}
