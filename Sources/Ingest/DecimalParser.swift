#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses the plain decimal numbers the metrics CSV allows, straight from bytes.
///
/// Grammar (nothing else is a number: no spaces, exponent, `NaN`, `inf`,
/// thousands separators or decimal comma):
/// ```
/// number = [ "+" | "-" ] digits [ "." [ digits ] ] | [ "+" | "-" ] "." digits
/// ```
/// Exact fast path: with at most 15 significant digits the mantissa `m` is an
/// exact double (< 2^53), and with at most 22 fraction digits `10^f` is exact too,
/// so `m / 10^f` is a single correctly rounded IEEE division — the same double
/// `strtod` returns (Clinger 1990, "How to read floating point numbers
/// accurately", the fast path). Anything longer falls back to `strtod`.
/// The property test and the fuzzer compare both bit for bit.
public enum DecimalParser {
  /// Outcome of parsing one field.
  public enum Outcome: Sendable, Equatable {
    /// A finite value; `hasPoint` tells whether a `.` was written.
    case value(Double, hasPoint: Bool)
    /// The bytes do not follow the grammar.
    case malformed
    /// Follows the grammar but is beyond ±Double.greatestFiniteMagnitude.
    case overflow
  }

  /// Exact powers of ten 10^0 … 10^22 (all representable in binary64). Written as a
  /// literal so the optimiser initialises it statically (no lazy-init check per cell).
  static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// Parses `bytes` (already trimmed) as a plain decimal number.
  ///
  /// - Complexity: O(n) in the number of bytes; no allocation.
  public static func parse(_ bytes: UnsafeRawBufferPointer) -> Outcome {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return .malformed }
    return parse(base.assumingMemoryBound(to: UInt8.self), bytes.count)
  }

  /// Parses `count` bytes at `p`.
  @inline(__always)
  static func parse(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome {
    var i = 0
    var negative = false
    let first = p[0]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      i = 1
    }
    var mantissa: UInt64 = 0
    var significant = 0  // digits counted from the first non-zero digit
    var digits = 0
    var fraction = 0
    var hasPoint = false
    while i < count {
      let c = p[i]
      let d = c &- UInt8(ascii: "0")
      if d < 10 {
        digits += 1
        if hasPoint { fraction += 1 }
        if significant > 0 || d != 0 {
          significant += 1
          if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) }
        }
      } else if c == UInt8(ascii: "."), !hasPoint {
        hasPoint = true
      } else {
        return .malformed
      }
      i += 1
    }
    guard digits > 0 else { return .malformed }
    if significant <= 15 && fraction <= 22 {
      var v = Double(mantissa)
      if fraction > 0 { v /= powersOfTen[fraction] }
      return .value(negative ? -v : v, hasPoint: hasPoint)
    }
    let v = slowPath(p, count)
    return v.isFinite ? .value(v, hasPoint: hasPoint) : .overflow
  }

  /// `strtod` on a NUL-terminated copy of the bytes (the fields are already validated).
  static func slowPath(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buf in
      guard let b = buf.baseAddress else { return .nan }
      p.withMemoryRebound(to: CChar.self, capacity: count) { src in b.update(from: src, count: count) }
      b[count] = 0
      return strtod(b, nil)
    }
  }
}
