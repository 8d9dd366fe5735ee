import Glibc
import Ingest
import Model
import Testing

/// The hand parser must give strtod's double, bit for bit (docs/platform.md, "libcsv from Swift").
@Suite struct DecimalParserTests {
  func parse(_ s: String) -> DecimalParser.Outcome {
    var bytes = Array(s.utf8)
    return bytes.withUnsafeMutableBytes { DecimalParser.parse(UnsafeRawBufferPointer($0)) }
  }

  func strtodValue(_ s: String) -> Double { s.withCString { strtod($0, nil) } }

  /// A random string of the accepted grammar: sign, digits (often with leading zeros),
  /// optional point and fraction; long enough to exercise both paths.
  func randomNumber(_ rng: inout SplitMix64) -> String {
    var s = ""
    switch rng.next() % 4 {
    case 0: s += "-"
    case 1: s += "+"
    default: break
    }
    let intDigits = Int(rng.next() % 26)
    let fracDigits = Int(rng.next() % 30)
    let point = rng.next() % 3 != 0 || intDigits == 0
    for i in 0..<intDigits { s += String(i == 0 && rng.next() % 3 == 0 ? 0 : rng.next() % 10) }
    if point {
      s += "."
      for _ in 0..<fracDigits { s += String(rng.next() % 10) }
    }
    if intDigits == 0 && (!point || fracDigits == 0) { s += "7" }
    return s
  }

  @Test(arguments: 0..<20) func agreesWithStrtod(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0..<5_000 {
      let s = randomNumber(&rng)
      guard case .value(let v, _) = parse(s) else {
        Issue.record("rejected '\(s)'")
        continue
      }
      let reference = strtodValue(s)
      #expect(v.bitPattern == reference.bitPattern, "'\(s)': \(v) vs strtod \(reference)")
    }
  }

  @Test(arguments: [
    ("0", 0.0), ("-0", -0.0), ("+1", 1), (".5", 0.5), ("5.", 5), ("-.25", -0.25),
    ("123456789012345", 123_456_789_012_345), ("0.1", 0.1), ("9007199254740993", 9_007_199_254_740_992),
    ("1.0000000000000000000000001", 1),
  ])
  func knownValues(text: String, value: Double) {
    guard case .value(let v, _) = parse(text) else {
      Issue.record("rejected '\(text)'")
      return
    }
    #expect(v.bitPattern == value.bitPattern)
  }

  @Test(arguments: ["", "-", "+", ".", "1.2.3", "1e5", "NaN", "inf", "0x10", " 1", "1 ", "1,5", "--1", "１"])
  func rejects(text: String) {
    #expect(parse(text) == .malformed)
  }

  @Test func overflowIsReported() {
    #expect(parse(String(repeating: "9", count: 400)) == .overflow)
    #expect(parse("-" + String(repeating: "9", count: 400)) == .overflow)
  }
}
