import Glibc
import Ingest
import Model
import Testing

/// The fast path of `DecimalParser` (all digits read as one integer `m ≤ 2^53`, at most
/// 19 digits and 22 fraction digits, one division by an exact power of ten) must give
/// the double of the exact path (`strtod`, also behind `Double(String)`), bit for bit,
/// including around its limits, where it hands over to `strtod`.
@Suite struct DecimalFastPathTests {
  func parse(_ s: String) -> DecimalParser.Outcome {
    var bytes = Array(s.utf8)
    return bytes.withUnsafeMutableBytes { DecimalParser.parse(UnsafeRawBufferPointer($0)) }
  }

  func strtodValue(_ s: String) -> Double { s.withCString { strtod($0, nil) } }

  /// Parses `s` and checks the value against `strtod` and `Double(String)`, and the
  /// point flag against the text.
  func check(_ s: String) {
    guard case .value(let v, let hasPoint) = parse(s) else {
      Issue.record("rejected '\(s)'")
      return
    }
    let reference = strtodValue(s)
    #expect(v.bitPattern == reference.bitPattern, "'\(s)': \(v) vs strtod \(reference)")
    if let swift = Double(s) { #expect(v.bitPattern == swift.bitPattern, "'\(s)': \(v) vs Double(String) \(swift)") }
    #expect(hasPoint == s.contains("."), "'\(s)': hasPoint \(hasPoint)")
  }

  /// A random number around the fast path's limits: 0–21 digits in all (so both sides of
  /// 19), up to 24 fraction digits (both sides of 22), leading zeros, trailing zeros,
  /// mantissas near 2^53, and a sign.
  func randomNumber(_ rng: inout SplitMix64) -> String {
    var s = ["", "-", "+", ""][Int(rng.next() % 4)]
    let total = Int(rng.next() % 22)
    let fraction = min(total, Int(rng.next() % 25))
    var digits: [UInt8]
    switch rng.next() % 5 {
    case 0:
      // Near 2^53 = 9007199254740992 (16 digits), as integer digits or split by the point.
      let m = 9_007_199_254_740_992 &+ UInt64(rng.next() % 64) &- 32
      digits = Array(String(m).utf8)
    case 1:
      // Leading zeros before a short mantissa.
      digits = Array(repeating: UInt8(ascii: "0"), count: total) + Array(String(rng.next() % 100_000).utf8)
    case 2:
      // Trailing zeros after a short mantissa.
      digits = Array(String(rng.next() % 100_000).utf8) + Array(repeating: UInt8(ascii: "0"), count: total)
    default:
      digits = (0..<max(1, total)).map { _ in UInt8(ascii: "0") + UInt8(rng.next() % 10) }
    }
    let f = min(fraction, digits.count)
    let cut = digits.count - f
    if rng.next() % 6 == 0 && f == 0 {
      s += String(decoding: digits, as: UTF8.self) + "."  // "5."
    } else if f == 0 {
      s += String(decoding: digits, as: UTF8.self)
    } else {
      let intPart = rng.next() % 4 == 0 ? digits[..<cut].drop { $0 == UInt8(ascii: "0") } : digits[..<cut]
      s += String(decoding: intPart, as: UTF8.self) + "." + String(decoding: digits[cut...], as: UTF8.self)
    }
    return s
  }

  /// 10 × 12,000 = 120,000 random numbers.
  @Test(arguments: 0..<10) func randomNumbersAgreeWithStrtod(seed: UInt64) {
    var rng = SplitMix64(seed: 0xDEC1_4A1 &+ seed)
    for _ in 0..<12_000 { check(randomNumber(&rng)) }
  }

  /// Every integer 2^53 ± 40 with the point at every position (0–16 fraction digits).
  @Test func aroundTwoToThe53() {
    for delta in -40...40 {
      let digits = Array(String(UInt64(9_007_199_254_740_992 + delta)).utf8)
      for f in 0...digits.count {
        let cut = digits.count - f
        let text = String(decoding: digits[..<cut], as: UTF8.self) + (f > 0 ? "." + String(decoding: digits[cut...], as: UTF8.self) : "")
        check(text)
        check("-" + text)
      }
    }
  }

  @Test(arguments: [
    // Zeros.
    "0", "-0", "+0", "0.", "-0.", ".0", "-.0", "0.0", "-0.000000", "000000000000000000000000",
    "-0000000000000000000000000.000000000000000000000",
    // The 1e22 boundary: 10^22 is the largest exact power of ten.
    "0.0000000000000000000001", "0.00000000000000000000001", "1.0000000000000000000000",
    "1.00000000000000000000000", "10000000000000000000000", "1000000000000000000000",
    "4.5035996273704960000000", "0.9007199254740992000000", "9007199254740.992", "0.0000009007199254740992",
    // 15 / 16 / 17 / 19 / 20 digits.
    "123456789012345", "999999999999999", "1234567890123456", "9999999999999999", "12345678901234567",
    "99999999999999999", "1234567890123456789", "9999999999999999999", "12345678901234567890",
    "18446744073709551615", "18446744073709551616", "0.1234567890123456789", "0.12345678901234567890",
    "1234567890.123456789", "1234567890.1234567890", "-9007199254740993", "9007199254740995",
    // Trailing and leading zeros.
    "1.50000000000000000000", "1.5000000000000000000000000", "150000000000000000000",
    "0000000000000000012.5", "00000000000000000000000012.5", "0.000000000000000000000000000125",
    // Well-known roundings.
    "0.1", "0.2", "0.3", "2.675", "1.005", "4.35", "1289.86", "-10.00", "97.87", "98.4",
    // Max and min ranges.
    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000022250738585072014",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000049406564584124654",
    "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
  ])
  func edgeCases(text: String) {
    check(text)
    if !text.hasPrefix("-") && !text.hasPrefix("+") { check("-" + text) }
  }

  @Test func beyondTheLargestDoubleOverflows() {
    // The largest double rounded up past the halfway point to the next binade.
    let text = "17976931348623159" + String(repeating: "0", count: 292)
    #expect(strtodValue(text).isInfinite)
    #expect(parse(text) == .overflow)
    #expect(parse("-" + text) == .overflow)
  }

  @Test(arguments: [("5", false), ("5.", true), (".5", true), ("-0", false), ("-0.0", true), ("123456789012345678901", false)])
  func pointFlag(text: String, hasPoint: Bool) {
    guard case .value(_, let flag) = parse(text) else {
      Issue.record("rejected '\(text)'")
      return
    }
    #expect(flag == hasPoint)
  }

  @Test(arguments: ["1.2.3", "..5", "5..", "1-2", "-", "+.", "-.", "12a", "1 2", "١", "1_000", "0x1p3", "--0"])
  func malformed(text: String) {
    #expect(parse(text) == .malformed)
  }
}
