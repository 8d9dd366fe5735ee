import Model
import Testing

@testable import Scoring

/// `Scorer.median` (radix selection of the middle ranks, `RadixSelect`) against the median of
/// `sorted()`, bit for bit: sizes on both sides of the selection's sort threshold, both
/// parities, repeats across the middle, negatives, ±0 and columns that keep most keys at
/// every digit.
@Suite("Median")
struct MedianTests {
  /// The median of `x` by a comparison sort: the middle value, or the mean of the two.
  static func reference(_ x: [Double]) -> Double {
    let s = x.sorted()
    let mid = s.count / 2
    return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
  }

  static func expectSameMedian(_ x: [Double], _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let got = Scorer.median(x)
    let expected = reference(x)
    #expect(got.bitPattern == expected.bitPattern, "\(comment): n=\(x.count) got \(got), expected \(expected)", sourceLocation: sourceLocation)
  }

  @Test func smallColumns() {
    #expect(Scorer.median([7]) == 7)
    #expect(Scorer.median([3, 1]) == 2)
    #expect(Scorer.median([5, -2, 9]) == 5)
    #expect(Scorer.median([4, 4, 4, 4]) == 4)
    #expect(Scorer.median([1, 2, 2, 9]) == 2)
    #expect(Scorer.median([-1e300, 1e300]) == 0)
    #expect(Scorer.median([-3.5, -1.25, -8]) == -3.5)
    #expect(Scorer.median([0, 0, 1]) == 0)
  }

  /// A column holding −0 keeps `sorted()`'s order of −0 and +0 (they compare equal): the
  /// middle of [1, −0, −1] is −0 itself; of [+0, −0, 5] the later −0, of [−0, +0, 5] +0.
  @Test func negativeZeroKeepsTheSortedOrder() {
    #expect(Scorer.median([1, -0.0, -1]).sign == .minus)
    #expect(Scorer.median([1, -0.0, -1]) == 0)
    #expect(Scorer.median([0.0, -0.0, 5]).sign == .minus)
    #expect(Scorer.median([-0.0, 0.0, 5]).sign == .plus)
    for x: [Double] in [[-0.0], [-0.0, 0.0], [0.0, -0.0], [0.0, -0.0, 0.0, -0.0, 3], [-2, -0.0, 0.0, 2]] {
      Self.expectSameMedian(x, "±0 \(x)")
    }
    // Without −0, +0 is an ordinary key of the selection.
    Self.expectSameMedian([Double](repeating: 0, count: 5000) + [1, -1], "+0 only")
  }

  /// Sizes 1, 2, 3, around the sort threshold and 65,537, with keys drawn from narrow and
  /// wide ranges, with and without repeats.
  @Test(arguments: [1, 2, 3, 4, 5, 2047, 2048, 2049, 2050, 10_000, 65_537])
  func randomColumnsMatchTheSortedMedian(n: Int) {
    var rng = SplitMix64(seed: UInt64(n))
    func uniform() -> Double { Double(rng.next() >> 11) * 0x1p-53 }
    let shapes: [(String, () -> Double)] = [
      ("narrow", { 1000 + uniform() }),  // one exponent: the high digit holds almost every key
      ("wide", { (uniform() - 0.5) * 1e6 }),
      ("repeats", { Double(Int(rng.next() % 40) - 20) / 4 }),
      ("tiny", { (uniform() - 0.5) * 1e-300 }),
      ("two", { rng.next() % 2 == 0 ? -7.25 : 7.25 }),
    ]
    for (name, draw) in shapes {
      let x = (0..<n).map { _ in draw() }
      Self.expectSameMedian(x, name)
    }
  }

  /// Every key equal (the selection runs to its last digit), and ties that straddle the
  /// middle ranks.
  @Test(arguments: [9_999, 10_000])
  func equalKeysAndTiesAcrossTheMiddle(n: Int) {
    Self.expectSameMedian([Double](repeating: 42.125, count: n), "all equal")
    Self.expectSameMedian([Double](repeating: -3, count: n), "all equal negative")
    // The lower half 1, the upper half 2: the even median is 1.5, the odd one 2.
    let halves: [Double] = (0..<n).map { i in i < n / 2 ? 2 : 1 }
    Self.expectSameMedian(halves, "halves")
    // Keys that differ only in their last bits around the middle.
    let one: Double = 1
    var close: [Double] = (0..<n).map { i in Double(bitPattern: one.bitPattern + UInt64(i % 3)) }
    close.append(contentsOf: [one.nextDown, one.nextDown])
    Self.expectSameMedian(close, "last bits")
  }

  /// The two middle ranks in different high digits with empty digits between them.
  @Test func middleRanksInDistantDigits() {
    let n = 6000
    let x: [Double] = (0..<n).map { i in
      let offset = Double(i) * 1e185
      return i % 2 == 0 ? -1e200 - offset : 1e200 + 3 * offset
    }
    Self.expectSameMedian(x, "distant")
    let (below, above) = RadixSelect.adjacent(x, low: n / 2 - 1, high: n / 2)
    #expect(below == -1e200)
    #expect(above == 1e200 + 3 * 1e185)
    // Far apart in a lower digit too: −1 and +1 around the middle, the rest beyond ±10⁶.
    var y: [Double] = (0..<n).map { i in
      let magnitude = 1e6 + Double(i)
      return i % 2 == 0 ? -magnitude : magnitude
    }
    y[0] = -1
    y[1] = 1
    Self.expectSameMedian(y, "around zero")
    #expect(RadixSelect.adjacent(y, low: n / 2 - 1, high: n / 2) == (-1, 1))
  }

  /// The two middle ranks share the digits above `shift + 16` and differ in the digit at
  /// `shift`, where the lower half's keys have the largest lower bits and the upper half's the
  /// smallest: a selection that went on counting the lower digits over both halves together
  /// would pick the wrong keys.
  @Test(arguments: [32, 16, 0])
  func middleRanksSplitInALowerDigit(shift: Int) {
    let n = 6000
    let base: UInt64 = 1000.0.bitPattern & ~((1 << 48) - 1)
    let lowMask: UInt64 = (1 << UInt64(shift)) - 1
    var x: [Double] = []
    for i in 0..<n {
      let r = UInt64(i / 2) & lowMask
      let bits = i % 2 == 0 ? base | 5 << UInt64(shift) | (lowMask - r) : base | 6 << UInt64(shift) | r
      x.append(Double(bitPattern: bits))
    }
    Self.expectSameMedian(x, "split at \(shift)")
    let sorted = x.sorted()
    #expect(RadixSelect.adjacent(x, low: n / 2 - 1, high: n / 2) == (sorted[n / 2 - 1], sorted[n / 2]))
  }

  /// `adjacent` gives `sorted()`'s keys at every pair of adjacent ranks of a small column and
  /// of one above the sort threshold (spot ranks).
  @Test func adjacentRanksMatchSorted() {
    var rng = SplitMix64(seed: 99)
    let small = (0..<50).map { _ in Double(Int(rng.next() % 20)) - 9.5 }
    let s = small.sorted()
    for low in 0..<(small.count - 1) {
      #expect(RadixSelect.adjacent(small, low: low, high: low + 1) == (s[low], s[low + 1]))
      #expect(RadixSelect.adjacent(small, low: low, high: low) == (s[low], s[low]))
    }
    let large = (0..<20_000).map { _ in Double(rng.next() % 5000) * 0.37 - 900 }
    let t = large.sorted()
    for low in [0, 1, 4999, 10_000, 17_777, 19_998] {
      #expect(RadixSelect.adjacent(large, low: low, high: low + 1) == (t[low], t[low + 1]))
    }
  }
}
