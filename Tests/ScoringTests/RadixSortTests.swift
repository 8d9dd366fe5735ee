import Model
import Testing

@testable import Scoring

/// `RadixSort.descending` against a stable comparison sort, on keys whose every byte varies
/// (so that all eight passes run), on keys that share most bytes (passes skipped), with
/// negatives, ±0, subnormals, infinities and repeats; equal keys keep ascending index order.
@Suite struct RadixSortTests {
  static func reference(_ keys: [Double]) -> [Int] {
    keys.indices.sorted { a, b in
      let (x, y) = (keys[a] + 0, keys[b] + 0)
      return x != y ? x > y : a < b
    }
  }

  static func check(_ keys: [Double]) {
    let (order, sorted) = RadixSort.descending(keys)
    let expected = reference(keys)
    #expect(order.count == expected.count && sorted.count == expected.count)
    // The first difference only (a failure would otherwise print every index).
    if let i = zip(order, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
      Issue.record("position \(i) of \(keys.count): index \(order[i]) (key \(keys[order[i]])), expected \(expected[i]) (key \(keys[expected[i]]))")
    }
    if let i = zip(sorted, expected).enumerated().first(where: { $0.element.0.bitPattern != (keys[$0.element.1] + 0).bitPattern })?.offset {
      Issue.record("sorted key \(i) is \(sorted[i]), expected \(keys[expected[i]] + 0)")
    }
  }

  @Test func everyByteVaries() {
    var rng = SplitMix64(seed: 7)
    var keys: [Double] = []
    while keys.count < 100_000 {
      let x = Double(bitPattern: rng.next())
      if x.isFinite { keys.append(x) }
    }
    Self.check(keys)
  }

  @Test func scoresWithRepeatsAndEdges() {
    var rng = SplitMix64(seed: 11)
    var keys = (0..<50_000).map { _ in Double(rng.next() % 10_000) / 10_000 }
    keys += [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .infinity, -.infinity, 1, 1, -1, .greatestFiniteMagnitude]
    keys += keys.prefix(1_000)  // repeats far apart
    Self.check(keys)
    Self.check([])
    Self.check([3])
    Self.check([-0.0, 0])
    Self.check([Double](repeating: 0.5, count: 5_000))  // every pass skipped
  }
}
