import Model
import Testing

@testable import Sensitivity

@Suite struct PrefixFilterTests {
  /// Over a sequence of samples whose utilities drift, jump and tie, the filter returns an
  /// exact top prefix of at least `length` rows — equal to the plain heap's top of the same
  /// count — for every sample, whatever the threshold carried over (both the gathering and
  /// the packed-and-scatter forms).
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
          let first = gather.top(length, of: rows, up, np)
          #expect(first.count >= length && first == SampleOrdering.top(first.count, of: rows, up, np), "sample \(sample)")
          let got = values.withUnsafeBufferPointer { vp in
            scattered.withUnsafeMutableBufferPointer { sp in packed.top(length, of: rows, values: vp, scatterInto: sp, np) }
          }
          #expect(got.count >= length && got == SampleOrdering.top(got.count, of: rows, up, np), "sample \(sample)")
        }
      }
      for r in rows { #expect(scattered[Int(r)] == u[Int(r)]) }
    }
  }
}
