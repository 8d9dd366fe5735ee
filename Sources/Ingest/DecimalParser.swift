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
/// Exact fast path: when the digits, read as one integer `m`, give `m ≤ 2^53` (an
/// exact double) and there are at most 22 fraction digits (`10^f` exact too),
/// `m / 10^f` is a single correctly rounded IEEE division — the same double
/// `strtod` returns (Clinger 1990, "How to read floating point numbers
/// accurately", the fast path). Anything else falls back to `strtod`.
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
  ///
  /// One pass over the integer digits, one over the fraction digits, accumulating every
  /// digit into `m` (leading zeros add nothing). With at most 19 digits in all, `m` is
  /// exact in a `UInt64` (< 10^19 < 2^64); when moreover `m ≤ 2^53` (exact as a double)
  /// and there are at most 22 fraction digits (`10^f` exact), `m / 10^f` is one
  /// correctly rounded division: strtod's double (Clinger 1990). Everything else goes to
  /// `strtod` (`slowPath`).
  @inline(__always)
  static func parse(_ p: UnsafePointer<UInt8>, _ count: Int) -> Outcome {
    var i = 0
    let first = p[0]
    let negative = first == UInt8(ascii: "-")
    if negative || first == UInt8(ascii: "+") { i = 1 }
    var m: UInt64 = 0
    let intStart = i
    while i < count {
      let d = p[i] &- UInt8(ascii: "0")
      if d >= 10 { break }
      m = m &* 10 &+ UInt64(d)
      i += 1
    }
    var digits = i - intStart
    var fraction = 0
    var hasPoint = false
    if i < count {
      guard p[i] == UInt8(ascii: ".") else { return .malformed }
      hasPoint = true
      i += 1
      let fracStart = i
      while i < count {
        let d = p[i] &- UInt8(ascii: "0")
        if d >= 10 { return .malformed }
        m = m &* 10 &+ UInt64(d)
        i += 1
      }
      fraction = i - fracStart
      digits += fraction
    }
    guard digits > 0 else { return .malformed }
    // m wraps past 19 digits; only trusted below that.
    if digits <= 19 && m <= 9_007_199_254_740_992 && fraction <= 22 {
      var v = Double(m)
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
