import Model
import Testing

@testable import Reports

/// `ByteBuffer.append(shortest:)` writes the runtime's shortest round-trip text straight into
/// the buffer; it must give exactly `Double.description` (integers below 1e15 without `.0`),
/// and the JSON string escaping on bytes must match `JSONWriter`.
@Suite struct NumberTextTests {
  func shortest(_ x: Double) -> String {
    let b = ByteBuffer(capacity: 8)
    b.append(shortest: x)
    return String(decoding: b.bytes, as: UTF8.self)
  }

  @Test(arguments: [
    0.7747088553367709, -0.7747088553367709, 0.1, 0.5, 1e-7, -2.5e-300, .leastNonzeroMagnitude, 1.7976931348623157e308,
    123.25, 77.47088553367709, 1e15 + 0.5, 9007199254740993.0, 0.30000000000000004, 1e22, -0.0001,
  ])
  func shortestMatchesDescription(_ x: Double) {
    #expect(shortest(x) == x.description)
  }

  @Test func integersHaveNoFraction() {
    #expect(shortest(100) == "100")
    #expect(shortest(-3) == "-3")
    #expect(shortest(0) == "0")
  }

  /// Random bit patterns (every exponent) and values like scores and shares, from a seeded
  /// generator; the buffer is reused, so stale bytes would show.
  @Test func randomDoublesMatchDescription() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let b = ByteBuffer(capacity: 8)
    var mismatches: [Double] = []
    for i in 0..<200_000 {
      let bits = next()
      let unit = Double(bits >> 11) / Double(1 << 53)
      let x = i % 2 == 0 ? Double(bitPattern: bits) : unit * (i % 3 == 0 ? 100 : 1)
      guard x.isFinite, x != x.rounded() else { continue }
      b.removeAll()
      b.append(UInt8(ascii: "7"))
      b.append(shortest: x)
      if String(decoding: b.bytes, as: UTF8.self) != "7" + x.description { mismatches.append(x) }
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
  }

  @Test(arguments: ["plain", "引号\"公司", "back\\slash", "多行\n名称\r\t", "\u{01}ctl\u{1f}", ""])
  func jsonStringEscapingMatchesJSONWriter(_ s: String) {
    let fast = ByteBuffer()
    fast.append(jsonString: s)
    let reference = ByteBuffer()
    var w = JSONWriter(into: reference)
    w.string(s)
    #expect(Array(fast.bytes) == Array(reference.bytes))
  }

  @Test(arguments: [
    "宁波甬江", "=HYPERLINK(\"x\")", "+86", "-5", "@SUM", "\tTab", "逗号,引号\"", "多行\n名称", "\rcr", "", "\"", "\"\"",
    "\"开头", "结尾\"", "-1,5", "=\"a\",\"b\"", "中\"间\"\"两处",
  ])
  func csvTextFromBytesMatchesTextFromString(_ s: String) {
    for neutralising in [true, false] {
      let fast = ByteBuffer()
      var a = CSVWriter(into: fast)
      a.neutralising = neutralising
      a.integer(1)
      Array(s.utf8).withUnsafeBufferPointer { a.text(bytes: $0) }
      let reference = ByteBuffer()
      var b = CSVWriter(into: reference)
      b.neutralising = neutralising
      b.integer(1)
      b.text(s)
      #expect(Array(fast.bytes) == Array(reference.bytes), "neutralising \(neutralising)")
    }
  }

  /// Integers and fixed decimals (two digits per step, zero padding) against `String(n)` and
  /// the `String`-based `formatFixed` (module Model).
  @Test func integersAndFixedDecimalsMatchStringFormatting() {
    var x: UInt64 = 88_172_645_463_325_252
    let b = ByteBuffer(capacity: 8)
    for i in 0..<20_000 {
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      let n = Int(truncatingIfNeeded: x) >> (i % 60)
      b.removeAll()
      b.append(integer: n)
      #expect(String(decoding: b.bytes, as: UTF8.self) == String(n))
      let d = i % 10
      let value = Double(n % 10_000_000) / 1000 + (i % 2 == 0 ? 0.0005 : 0)
      b.removeAll()
      b.append(fixed: value, decimals: d)
      #expect(String(decoding: b.bytes, as: UTF8.self) == formatFixed(value, decimals: d), "\(value) \(d)")
    }
  }

  /// A row of fixed cells as ranking.csv writes them (the inline `smallFixed` case and the
  /// others one after another in one buffer): each cell's bytes are `formatFixed`'s, a
  /// non-finite value appends nothing.
  @Test func fixedCellsInARowMatchFormatFixed() {
    let b = ByteBuffer(capacity: 8)
    var expected = ""
    var rng = SplitMix64(seed: 31)
    let edges: [Double] = [0, -0.0, 0.99995, 9.99995, 99.99994, 99.99996, 99.995, 1e6, -12.5, .nan, .infinity, -.infinity]
    for i in 0..<5_000 {
      let unit = Double(rng.next() >> 11) * 0x1p-53
      let x = i < edges.count ? edges[i] : (i % 3 == 0 ? unit : i % 3 == 1 ? unit * 100 : (unit - 0.5) * 300)
      let d = [4, 2, 4, 3, 0][i % 5]
      b.append(fixed: x, decimals: d)
      b.append(UInt8(ascii: ","))
      expected += formatFixed(x, decimals: d) + ","
    }
    #expect(String(decoding: b.bytes, as: UTF8.self) == expected)
    #expect(!expected.contains("nan") && !expected.contains("inf"))
  }

  /// `roundedMagnitude` (truncate, then compare the fraction with 0.5) against
  /// `Double.rounded()` on exact halves, their neighbours, random magnitudes and the 9·10¹⁵
  /// limit; and `append(share:)` against its definition, `String` arithmetic on the result.
  @Test func roundingWithoutLibmMatchesRounded() {
    var rng = SplitMix64(seed: 7)
    var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 4_503_599_627_370_495.5, 8.999999999999999e15, 9e15, .nan, .infinity]
    for _ in 0..<20_000 {
      let half = Double(rng.next() % 1_000_000_000) + 0.5
      values += [half, half.nextUp, half.nextDown, Double(bitPattern: rng.next() >> 2) , Double(rng.next() % 1_000_000) / 1e6]
      // Every binade below 2⁵³, and the halves just below powers of two (y + 0.5 changes binade).
      let power = Double(sign: .plus, exponent: Int(rng.next() % 53), significand: 1)
      values += [Double(rng.next() % (1 << 53)) / Double(UInt64(1) << (rng.next() % 60)), power - 0.5, (power - 0.5).nextDown, (power - 0.5).nextUp]
    }
    values += [0x1p52, 0x1p52.nextDown, 0x1p52.nextUp, 0x1p52 - 0.5, 0x1p52 + 1, 0x1p52 + 2, 0x1p53.nextDown]
    for y in values {
      let reference = abs(y).rounded()
      let expected: UInt64? = reference < 9.0e15 ? UInt64(reference) : nil
      #expect(NumberBytes.roundedMagnitude(y, scale: 1) == expected, "\(y)")
    }
    let b = ByteBuffer(capacity: 8)
    for _ in 0..<20_000 {
      let share = Double(rng.next() % (1 << 53)) / Double(1 << 53)
      b.removeAll()
      b.append(share: share)
      let n = UInt64((share * 1e9).rounded())
      var text = n / 1_000_000_000 == 1 ? "1" : "0"
      if n % 1_000_000_000 != 0 {
        let digits = String(n % 1_000_000_000)
        text += "." + (String(repeating: "0", count: 9 - digits.count) + digits).replacing(/0+$/, with: "")
      }
      #expect(String(decoding: b.bytes, as: UTF8.self) == text, "\(share)")
      #expect(formatTrimmed(share, decimals: 9) == text, "\(share)")
    }
  }
}
