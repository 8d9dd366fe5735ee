import Model
import Testing

@testable import Sensitivity

@Suite struct PrefixFilterTests {
  /// Over a sequence of samples whose utilities drift, jump and tie, the filter returns the
  /// same top `length` as the plain heap for every sample, whatever the threshold carried
  /// over (both the gathering and the packed-and-scatter forms).
  @Test(arguments: [5, 40, 199])
  func equalsTheHeapOnEverySample(length: Int) {
    let n = 600
    var rng = SplitMix64(seed: UInt64(length))
    let base = (0..<n).map { _ in rng.nextUnit() }
    let nominal = (0..<n).map { Int32($0 + 1) }
    let rows = (0..<n).filter { $0 % 7 != 3 }.map { Int32($0) }
    let gather = PrefixFilter(capacity: n)
    let packed = PrefixFilter(capacity: n)
    var scattered = [Double](repeating: .nan, count: n)
    for sample in 0..<60 {
      // Drift, then a jump down and up, and coarse values that tie every few samples.
      let shift = sample == 20 ? -0.5 : sample == 21 ? 0.7 : 0.01 * Double(sample % 5)
      let u = base.map { x in
        let v = x + shift + 0.05 * rng.nextUnit()
        return sample % 3 == 0 ? (v * 20).rounded() / 20 : v
      }
      let values = rows.map { u[Int($0)] }
      u.withUnsafeBufferPointer { up in
        nominal.withUnsafeBufferPointer { np in
          let expected = SampleOrdering.top(length, of: rows, up, np)
          #expect(gather.top(length, of: rows, up, np) == expected, "sample \(sample)")
          let got = values.withUnsafeBufferPointer { vp in
            scattered.withUnsafeMutableBufferPointer { sp in packed.top(length, of: rows, values: vp, scatterInto: sp, np) }
          }
          #expect(got == expected, "sample \(sample)")
        }
      }
      for r in rows { #expect(scattered[Int(r)] == u[Int(r)]) }
    }
  }
}

@Suite struct PartialSortTests {
  /// The partial quicksort's first k equal the stable sort's, for every k, on distinct
  /// utilities, heavy ties (broken by nominal rank) and already sorted or reversed input.
  @Test(arguments: [0, 1, 2, 3])
  func firstKEqualTheFullSort(pattern: Int) {
    let n = 300
    var rng = SplitMix64(seed: UInt64(40 + pattern))
    let u: [Double] = (0..<n).map { i in
      switch pattern {
      case 0: return rng.nextUnit()
      case 1: return Double(rng.next() % 7)
      case 2: return Double(n - i)
      default: return Double(i)
      }
    }
    let nominal = (0..<n).map { _ in Int32(0) }.indices.map { Int32(($0 * 7919) % n + 1) }
    let rows = (0..<n).map { Int32($0) }
    u.withUnsafeBufferPointer { up in
      nominal.withUnsafeBufferPointer { np in
        let sorted = SampleOrdering.full(rows, up, np)
        for k in [1, 2, 15, 16, 17, 100, 299, 300] {
          var work = rows
          work.withUnsafeMutableBufferPointer { SampleOrdering.sortInPlace($0, first: k, up, np) }
          #expect(Array(work.prefix(k)) == Array(sorted.prefix(k)), "k = \(k)")
          #expect(Set(work) == Set(rows))
        }
      }
    }
  }
}
