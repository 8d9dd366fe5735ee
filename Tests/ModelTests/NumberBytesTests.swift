import Model
import Testing

/// The ledger's figure text (`NumberBytes.figure`: plain decimals for figures as a CSV gives
/// them) and the one JSON quoting rule (`JSONEscape`), which Reports' `ByteBuffer` and the
/// ledger's JSON columns both write with.
@Suite struct NumberBytesTests {
  func figure(_ x: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { p in
      String(decoding: UnsafeBufferPointer(start: p.baseAddress!, count: NumberBytes.figure(x, at: p.baseAddress!)), as: UTF8.self)
    }
  }

  @Test func figuresAreWrittenInPlainDecimalsUpToSixPlaces() {
    #expect(figure(0.00001) == "0.00001")  // `description` would say 1e-05
    #expect(figure(-0.000012) == "-0.000012")
    #expect(figure(12.5) == "12.5")
    #expect(figure(3) == "3")
    #expect(figure(-0.0) == "0")
    #expect(figure(0.0000001) == "1e-07")  // seven places: the runtime's text
    #expect(figure(0.1234567) == "0.1234567")
    #expect(figure(2_500_000_000) == "2500000000.0")  // from 10⁹: `description`
  }

  /// Random figures of 0…6 decimals read back to the same double, in plain decimals with no
  /// trailing zero.
  @Test func randomFiguresReadBack() {
    var rng = SplitMix64(seed: 11)
    for i in 0..<20_000 {
      let d = i % 7
      let scaled = Int64(rng.next() % 2_000_000_000) - 1_000_000_000
      let x = Double(scaled) / NumberBytes.powerOfTen(d)
      let text = figure(x)
      #expect(Double(text) == x, "\(x)")
      #expect(!text.contains("e"), "\(x) → \(text)")
      #expect(!(text.contains(".") && text.hasSuffix("0")), "\(x) → \(text)")
    }
  }

  @Test func jsonQuotingEscapesQuotesBackslashesAndControlCharacters() {
    #expect(JSONEscape.quoted("") == "\"\"")
    #expect(JSONEscape.quoted("宁波甬江") == "\"宁波甬江\"")
    #expect(JSONEscape.quoted("引号\"反\\斜杠") == #""引号\"反\\斜杠""#)
    #expect(JSONEscape.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
    #expect(JSONEscape.quoted("\u{01}x\u{1f}") == #""\u0001x\u001f""#)
    let worst = String(repeating: "\u{02}", count: 50)
    #expect(JSONEscape.quoted(worst).utf8.count == JSONEscape.room(50))
  }

  /// Fixed decimals against integer arithmetic written out with `String` (`Double.rounded()`,
  /// a division and zero padding), on random values, halves and every number of decimals.
  @Test func fixedDecimalsMatchIntegerArithmetic() {
    func reference(_ x: Double, _ d: Int) -> String {
      var scale: Int64 = 1
      for _ in 0..<d { scale *= 10 }
      let n = Int64((abs(x) * Double(scale)).rounded())
      let whole = (x < 0 && n != 0 ? "-" : "") + String(n / scale)
      guard d > 0 else { return whole }
      let fraction = String(n % scale)
      return whole + "." + String(repeating: "0", count: d - fraction.count) + fraction
    }
    var rng = SplitMix64(seed: 5)
    for i in 0..<20_000 {
      let d = i % 10
      let magnitude = Double(rng.next() % 10_000_000) / 1000 + (i % 3 == 0 ? 0.0005 : 0)
      let x = i % 2 == 0 ? magnitude : -magnitude
      #expect(formatFixed(x, decimals: d) == reference(x, d), "\(x) \(d)")
    }
  }

  /// `fixed` as it was before its fast path for magnitudes below 100 at 4 or 2 decimals: the
  /// rounding, then the whole part and the fraction digit pair by digit pair.
  static func previousFixed(_ x: Double, decimals: Int) -> String? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { buffer in
      let p = buffer.baseAddress!
      let d = max(0, min(decimals, 9))
      guard let n = NumberBytes.roundedMagnitude(x, scale: NumberBytes.powerOfTen(d)) else { return nil }
      var at = 0
      if x < 0 && n != 0 {
        p[0] = UInt8(ascii: "-")
        at = 1
      }
      let (whole, fraction) = NumberBytes.divide(n, byPowerOfTen: d)
      at += NumberBytes.digits(whole, minimumCount: 1, at: p + at)
      if d > 0 {
        p[at] = UInt8(ascii: ".")
        at += 1 + NumberBytes.digits(fraction, exactly: d, at: p + at + 1)
      }
      return String(decoding: UnsafeBufferPointer(start: p, count: at), as: UTF8.self)
    }
  }

  /// `fixed`'s text, or nil where it leaves the value to `formatFixed`'s `%f`.
  static func fixed(_ x: Double, decimals: Int) -> String? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { buffer in
      NumberBytes.fixed(x, decimals: decimals, at: buffer.baseAddress!).map {
        String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: $0), as: UTF8.self)
      }
    }
  }

  /// `smallFixed`'s text, or nil where it leaves the value to `fixed`'s general path.
  static func smallFixed(_ x: Double, decimals: Int) -> String? {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { buffer in
      NumberBytes.smallFixed(x, decimals: decimals, at: buffer.baseAddress!).map {
        String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: $0), as: UTF8.self)
      }
    }
  }

  /// The text written from `smallCode`'s magnitude, or nil when it gives none.
  static func smallCode(_ x: Double, decimals: Int) -> String? {
    guard let n = NumberBytes.smallCode(x, decimals: decimals) else { return nil }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { buffer in
      let count = NumberBytes.smallCode(n, decimals: decimals, at: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
    }
  }

  /// What `smallCode` is to give for `x` at `d` decimals, `expected` being `fixed`'s text:
  /// that text when `smallFixed` takes it, it has no sign and its digits without the point
  /// stay below 65,535 (the code of "none").
  static func expectedCode(_ expected: String?, decimals d: Int) -> String? {
    guard isSmall(expected, decimals: d), let expected, !expected.hasPrefix("-"),
      let n = Int(expected.filter { $0 != "." }), n < 65_535
    else { return nil }
    return expected
  }

  /// `smallCode` takes the unsigned cells below 6.5535 at 4 decimals and below 100 at 2, and
  /// writes them as `fixed` does.
  @Test func smallCodesWriteTheFixedBytes() {
    #expect(Self.smallCode(0.5, decimals: 4) == "0.5000")
    #expect(Self.smallCode(1, decimals: 4) == "1.0000")
    #expect(Self.smallCode(6.5534, decimals: 4) == "6.5534")  // 65,534: the largest code
    #expect(Self.smallCode(6.5535, decimals: 4) == nil)  // 65,535 is "none"
    #expect(Self.smallCode(-0.00004, decimals: 4) == "0.0000")  // rounds to zero: no sign
    #expect(Self.smallCode(-0.00005, decimals: 4) == nil)  // "-0.0001": signed
    #expect(Self.smallCode(-0.0, decimals: 2) == "0.00")
    #expect(Self.smallCode(99.994, decimals: 2) == "99.99")
    #expect(Self.smallCode(99.995, decimals: 2) == nil)  // 100.00
    #expect(Self.smallCode(100, decimals: 2) == nil)
    #expect(Self.smallCode(0.5, decimals: 3) == nil)
    #expect(Self.smallCode(.nan, decimals: 4) == nil)
    #expect(Self.smallCode(.infinity, decimals: 2) == nil)
  }

  /// Whether `smallFixed` is to take `x` at `d` decimals: 4 or 2 decimals and a whole part
  /// below 100 in `text`, `fixed`'s text.
  static func isSmall(_ text: String?, decimals d: Int) -> Bool {
    guard d == 4 || d == 2, let text, let whole = Int(text.split(separator: ".")[0].drop { $0 == "-" }) else { return false }
    return whole < 100
  }

  /// `smallFixed` takes exactly the values that round below 100 at 4 or 2 decimals.
  @Test func smallFixedTakesTheCommonCellsOnly() {
    #expect(Self.smallFixed(0.5, decimals: 4) == "0.5000")
    #expect(Self.smallFixed(-0.00004, decimals: 4) == "0.0000")
    #expect(Self.smallFixed(-99.99994, decimals: 4) == "-99.9999")
    #expect(Self.smallFixed(99.99996, decimals: 4) == nil)  // 100.0000
    #expect(Self.smallFixed(12.345, decimals: 2) == "12.35")
    #expect(Self.smallFixed(99.994, decimals: 2) == "99.99")
    #expect(Self.smallFixed(99.996, decimals: 2) == nil)  // 100.00
    #expect(Self.smallFixed(0.5, decimals: 3) == nil)
    #expect(Self.smallFixed(0.5, decimals: 0) == nil)
    #expect(Self.smallFixed(.nan, decimals: 4) == nil)
    #expect(Self.smallFixed(-.infinity, decimals: 2) == nil)
  }

  /// The fast path's edges: halves at the last decimal, its bound 100 (`99.99995` at 4
  /// decimals rounds to `100.0000`, written by the general path), the step from one whole
  /// digit to two, zeros, signs, and the other numbers of decimals.
  @Test func fixedFastPathEdgesMatchThePreviousDigits() {
    #expect(Self.fixed(0, decimals: 4) == "0.0000")
    #expect(Self.fixed(-0.0, decimals: 2) == "0.00")
    #expect(Self.fixed(1, decimals: 4) == "1.0000")
    #expect(Self.fixed(0.99995, decimals: 4) == "1.0000")
    #expect(Self.fixed(0.99994999, decimals: 4) == "0.9999")
    #expect(Self.fixed(0.125, decimals: 2) == "0.13")  // an exact half: away from zero
    #expect(Self.fixed(-0.125, decimals: 2) == "-0.13")
    #expect(Self.fixed(-0.004, decimals: 2) == "0.00")  // never -0.00
    #expect(Self.fixed(1e-300, decimals: 4) == "0.0000")
    #expect(Self.fixed(9.99995, decimals: 4) == "10.0000")
    #expect(Self.fixed(-12.3456, decimals: 4) == "-12.3456")
    #expect(Self.fixed(99.99994, decimals: 4) == "99.9999")
    #expect(Self.fixed(99.99996, decimals: 4) == "100.0000")
    #expect(Self.fixed(99.994, decimals: 2) == "99.99")
    #expect(Self.fixed(99.996, decimals: 2) == "100.00")
    #expect(Self.fixed(-87.25, decimals: 1) == "-87.3")
    var values: [Double] = [
      0, -0.0, 1, -1, 0.00005, 0.00015, 0.12345, 0.5, 0.005, 0.015, 0.99995, 0.99994999, 0.999949999999, 1e-300,
      5e-5, 4.9999999e-5, 9.995, 9.99995, 9.9999499999, 10, 99.995, 99.994999, 99.99995, 99.9999499999, 100, 1000,
      .leastNonzeroMagnitude, .ulpOfOne, 1e15, 1e300, .greatestFiniteMagnitude, 6.5534, 6.55344999, 6.55345, 6.5535,
    ]
    for d in 0...9 {
      // Halves of the last decimal, and the neighbours of 10 and 100 less half of it.
      let half = 0.5 / NumberBytes.powerOfTen(d)
      values += [half, half.nextDown, half.nextUp, 3 * half, 10 - half, 100 - half, (100 - half).nextDown, (100 - half).nextUp]
    }
    for v in values {
      for x in [v, -v] {
        for d in 0...9 {
          let expected = Self.previousFixed(x, decimals: d)
          #expect(Self.fixed(x, decimals: d) == expected, "\(x) \(d)")
          #expect(Self.smallFixed(x, decimals: d) == (Self.isSmall(expected, decimals: d) ? expected : nil), "\(x) \(d)")
          #expect(Self.smallCode(x, decimals: d) == Self.expectedCode(expected, decimals: d), "\(x) \(d)")
        }
      }
    }
  }

  /// Random values of every scale the fast path meets (normalised criteria in [0, 1], scores
  /// up to 100, magnitudes on both sides of its bound, exact halves), both signs and every
  /// number of decimals, against the previous digits.
  @Test func randomFixedDecimalsMatchThePreviousDigits() {
    var rng = SplitMix64(seed: 23)
    for i in 0..<200_000 {
      let d = i % 10
      let unit = Double(rng.next() >> 11) * 0x1p-53
      let magnitude: Double
      switch i % 5 {
      case 0: magnitude = unit
      case 1: magnitude = unit * 100
      case 2: magnitude = unit * (i % 4 == 0 ? 200 : 8)
      case 3: magnitude = (Double(rng.next() % 20_000_000) + 0.5) / NumberBytes.powerOfTen(d)  // halves
      default: magnitude = Double(bitPattern: rng.next() % 0x7FF0_0000_0000_0000)  // any finite
      }
      let x = rng.next() & 1 == 0 ? magnitude : -magnitude
      let (got, expected) = (Self.fixed(x, decimals: d), Self.previousFixed(x, decimals: d))
      #expect(got == expected, "\(x) \(d)")
      let small = Self.smallFixed(x, decimals: d)
      #expect(small == (Self.isSmall(expected, decimals: d) ? expected : nil), "\(x) \(d)")
      let code = Self.smallCode(x, decimals: d)
      #expect(code == Self.expectedCode(expected, decimals: d), "\(x) \(d)")
      if got != expected || small != (Self.isSmall(expected, decimals: d) ? expected : nil) || code != Self.expectedCode(expected, decimals: d) { return }
    }
  }

  @Test func stringFormsUseTheSameRules() {
    #expect(formatNumber(100) == "100")
    #expect(formatNumber(0.1) == "0.1")
    #expect(formatNumber(1e-7) == "1e-07")
    #expect(formatNumber(.nan) == "nan")
    #expect(formatFixed(-3.5, decimals: 2) == "-3.50")
    #expect(formatFixed(-0.001, decimals: 2) == "0.00")
    #expect(formatFixed(2.5, decimals: 0) == "3")
    #expect(formatFixed(1e20, decimals: 2) == "100000000000000000000.00")
    #expect(formatFixed(.infinity, decimals: 2) == "")
  }

  /// `eightDigits` against `String`: every value of a few ranges and random ones below 10⁸.
  @Test func eightDigitsAreTheZeroPaddedDecimalDigits() {
    var rng = SplitMix64(seed: 18)
    var values: [UInt32] = Array(0..<20_000) + Array(99_980_000..<100_000_000)
    for _ in 0..<200_000 { values.append(UInt32(rng.next() % 100_000_000)) }
    for v in values {
      let word = NumberBytes.eightDigits(v)
      let text = String(decoding: withUnsafeBytes(of: (word | 0x3030_3030_3030_3030).littleEndian) { Array($0) }, as: UTF8.self)
      let expected = String(repeating: "0", count: 8 - String(v).count) + String(v)
      #expect(text == expected, "\(v)")
      if text != expected { return }
    }
  }

  /// Shares with every number of trailing zeros (`k / 10^m`), written with their zeros dropped.
  @Test func sharesDropTheirTrailingZeros() {
    var rng = SplitMix64(seed: 19)
    for _ in 0..<20_000 {
      let m = Int(rng.next() % 10)
      var scale = 1.0
      for _ in 0..<m { scale *= 10 }
      let x = Double(rng.next() % UInt64(scale * 3 + 1)) / scale
      let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { p in
        String(decoding: UnsafeBufferPointer(start: p.baseAddress!, count: NumberBytes.share(x, at: p.baseAddress!)), as: UTF8.self)
      }
      let n = UInt64((x * 1e9).rounded())
      var expected = String(n / 1_000_000_000)
      if n % 1_000_000_000 != 0 {
        let digits = String(n % 1_000_000_000)
        expected += "." + (String(repeating: "0", count: 9 - digits.count) + digits).replacing(/0+$/, with: "")
      }
      #expect(text == expected, "\(x)")
    }
  }

  /// `shareValues` rounds every element as `shareValue` does, and `shareValue` is the double a
  /// reader parses from `share`'s text: halves, −0, negatives, NaN, ±∞, values too large for
  /// 9 decimals, random shares.
  @Test func shareValuesAreTheWrittenSharesParsed() {
    var rng = SplitMix64(seed: 23)
    var values: [Double] = [0, -0.0, 0.5e-9, 0.4999999e-9, 1.5e-9, 2.5e-9, 0.123456789, 0.1234567895, -0.1234567895, 1, -1, 9e6, 9.1e6, .nan, .infinity, -.infinity]
    for _ in 0..<20_000 { values.append(Double(rng.next() % 2_000_001) / 1_000_000 - 0.5) }
    // Where `shareValues`' selects take over (y = |x|·10⁹ near 0.5, 2⁵² and 9·10¹⁵), negative
    // values that round to 0, subnormals, and doubles of any bit pattern.
    for edge in [0.5e-9, 0x1p52 / 1e9, 9e6, 4503599.6273704955, 4503599.6273704965, 0x1p-1060, 1e300, -0.4e-9, -0.5e-9] {
      var below = edge, above = edge
      for _ in 0..<4 {
        below = below.nextDown
        above = above.nextUp
        values += [below, above, -below, -above]
      }
    }
    for _ in 0..<20_000 { values.append(Double(bitPattern: rng.next())) }
    var rounded = values
    rounded.withUnsafeMutableBufferPointer { NumberBytes.shareValues($0) }
    for (x, r) in zip(values, rounded) {
      #expect(r.bitPattern == NumberBytes.shareValue(x).bitPattern || (r.isNaN && x.isNaN), "\(x)")
      guard x.isFinite else { continue }
      let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { p in
        String(decoding: UnsafeBufferPointer(start: p.baseAddress!, count: NumberBytes.share(x, at: p.baseAddress!)), as: UTF8.self)
      }
      #expect(Double(text)?.bitPattern == r.bitPattern, "\(x): \(text) vs \(r)")
    }
  }

  /// Every word of the code tables holds `smallCode(_:decimals:at:)`'s bytes and their count,
  /// for every code at 4 decimals and every code below 10⁴ at 2 (what `smallCode` gives).
  @Test func codeWordsAreTheCodesBytes() {
    for (words, decimals) in [(NumberBytes.smallCodeWords4, 4), (NumberBytes.smallCodeWords2, 2)] {
      #expect(words.count == (decimals == 4 ? Int(UInt16.max) : 10_000))
      for n in words.indices {
        let expected = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: NumberBytes.numberRoom) { p in
          Array(UnsafeBufferPointer(start: p.baseAddress!, count: NumberBytes.smallCode(UInt16(n), decimals: decimals, at: p.baseAddress!)))
        }
        let word = words[n]
        let bytes = (0..<Int(word >> 56)).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) }
        if bytes != expected { Issue.record("code \(n) at \(decimals) decimals: \(bytes) vs \(expected)") }
      }
    }
    #expect(NumberBytes.smallCode(99.994, decimals: 2).map { Int($0) < NumberBytes.smallCodeWords2.count } == true)
    #expect(NumberBytes.smallCode(6.5534, decimals: 4).map { Int($0) < NumberBytes.smallCodeWords4.count } == true)
  }
}
