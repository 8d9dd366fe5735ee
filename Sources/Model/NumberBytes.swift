/// The digits of numbers written straight into bytes: every rule of number text lives here
/// once, and each byte writer (Reports' `ByteBuffer`, the ledger's `RowBuffer`) and the
/// `String` forms (`formatNumber`, `formatFixed`) call it.
///
/// Each function writes at `p`, where the caller has made room for the function's
/// `…Room` bytes, and returns how many bytes it wrote. No `String` is made.
public enum NumberBytes {
  /// Room for `integer`: a sign and 20 digits.
  public static let integerRoom = 21
  /// Room for `fixed`, `shortest`, `share` and `figure` (at most a sign, 17 digits and a
  /// point for the first; `shortest` fills all of it before the runtime writes).
  public static let numberRoom = 32

  /// The decimal digits of `n`, with a `-` for a negative number.
  @inlinable
  public static func integer(_ n: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
    guard n < 0 else { return digits(UInt64(n), minimumCount: 1, at: p) }
    p[0] = UInt8(ascii: "-")
    return 1 + digits(UInt64(n.magnitude), minimumCount: 1, at: p + 1)
  }

  /// The digits of `v`, left-padded with zeros to `minimumCount`. Two digits per division,
  /// from a table of the pairs 00…99.
  @inlinable @inline(__always)
  public static func digits(_ v: UInt64, minimumCount: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
    var n = 1
    var t = v
    while t >= 100 {
      t /= 100
      n += 2
    }
    if t >= 10 { n += 1 }
    return digits(v, exactly: max(n, minimumCount), at: p)
  }

  /// The `count` digits of `v`, zero-padded (`v` must be below 10^count), without
  /// first counting them. Two digits per step from a table of the pairs 00…99; 32-bit
  /// arithmetic (a multiplication per constant division) once the rest fits.
  @inlinable @inline(__always)
  public static func digits(_ v: UInt64, exactly count: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
    let table = pairs.utf8Start
    var m = v
    var i = count
    while i >= 2 && m > UInt64(UInt32.max) {
      let r = Int(truncatingIfNeeded: m % 100)
      m /= 100
      i -= 2
      p[i] = table[2 &* r]
      p[i &+ 1] = table[2 &* r &+ 1]
    }
    var w = UInt32(truncatingIfNeeded: m)
    while i >= 2 {
      let r = Int(truncatingIfNeeded: w % 100)
      w /= 100
      i -= 2
      p[i] = table[2 &* r]
      p[i &+ 1] = table[2 &* r &+ 1]
    }
    if i == 1 { p[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: w % 10) }
    return count
  }

  /// The pairs 00…99, two ASCII digits each (a literal: no lazy global to check per call).
  @inlinable @inline(__always)
  static var pairs: StaticString {
    """
    00010203040506070809101112131415161718192021222324252627282930313233343536373839\
    40414243444546474849505152535455565758596061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """
  }

  /// `x` rounded half away from zero to `decimals` places (0…9), e.g. `-3.50`, never
  /// `-0.00`; nil when `x` is not finite or `|x|·10^decimals` reaches 9·10¹⁵ (the caller
  /// then writes `formatFixed`, which prints those with `%f`). Magnitudes below 100 at 4 or
  /// 2 decimals are written by `smallFixed`, the others digit pair by digit pair.
  @inlinable
  public static func fixed(_ x: Double, decimals: Int, at p: UnsafeMutablePointer<UInt8>) -> Int? {
    smallFixed(x, decimals: decimals, at: p) ?? fixedByPairs(x, decimals: decimals, at: p)
  }

  /// `fixed` without its `smallFixed` case (for a caller that tried that case already):
  /// the digits pair by pair; nil as `fixed`.
  @inlinable
  public static func fixedByPairs(_ x: Double, decimals: Int, at p: UnsafeMutablePointer<UInt8>) -> Int? {
    let d = max(0, min(decimals, 9))
    guard let n = roundedMagnitude(x, scale: powerOfTen(d)) else { return nil }
    var at = 0
    if x < 0 && n != 0 {
      p[0] = UInt8(ascii: "-")
      at = 1
    }
    let (whole, fraction) = divide(n, byPowerOfTen: d)
    if whole < 10 {
      p[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole)
      at += 1
    } else {
      at += digits(whole, minimumCount: 1, at: p + at)
    }
    if d > 0 {
      p[at] = UInt8(ascii: ".")
      at += 1 + digits(fraction, exactly: d, at: p + at + 1)
    }
    return at
  }

  /// The shortest text that reads back to the same double, an integer without `.0` (`87.25`,
  /// `1e-07`, `100`): `description`'s bytes but for integers below 10¹⁵. `x` must be finite.
  @inlinable
  public static func shortest(_ x: Double, at p: UnsafeMutablePointer<UInt8>) -> Int {
    if abs(x) < 1e15, x == Double(Int64(x)) { return integer(Int(x), at: p) }  // no libm call
    return description(x, at: p)
  }

  /// `Double.description`'s bytes (`87.25`, `1e-07`, `100.0`), written by
  /// `swift_float64ToString`, the function `description` calls. `x` must be finite.
  @inlinable
  public static func description(_ x: Double, at p: UnsafeMutablePointer<UInt8>) -> Int {
    // The runtime leaves the leading `0` of some values below 1 unwritten (e.g. 17-digit
    // `0.7747088553367709`), so the room is filled with `0`s first; then the bytes equal
    // `description`'s (checked on random doubles in ReportsTests/NumberTextTests).
    p.update(repeating: UInt8(ascii: "0"), count: numberRoom)
    return Int(truncatingIfNeeded: swiftFloat64ToString(p, UInt(numberRoom), x, false))
  }

  /// `x` (≥ 0 expected, e.g. a share of the score) rounded to 9 decimals with trailing zeros
  /// removed: `0.052341234`, `0.5`, `0`, `1`. Absolute error ≤ 5·10⁻¹⁰. Outside ±9·10⁶,
  /// `shortest`. `x` must be finite.
  @inlinable
  public static func share(_ x: Double, at p: UnsafeMutablePointer<UInt8>) -> Int {
    guard let n = roundedMagnitude(x, scale: 1e9) else { return shortest(x, at: p) }
    var at = 0
    if x < 0 && n != 0 {
      p[0] = UInt8(ascii: "-")
      at = 1
    }
    let whole = n / 1_000_000_000
    if whole == 0 {
      p[at] = UInt8(ascii: "0")
      at += 1
    } else {
      at += digits(whole, minimumCount: 1, at: p + at)
    }
    let fraction = UInt32(truncatingIfNeeded: n % 1_000_000_000)
    guard fraction != 0 else { return at }
    // The first decimal, then the other eight at once; trailing zeros dropped.
    p[at] = UInt8(ascii: ".")
    p[at + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 100_000_000)
    let rest = fraction % 100_000_000
    guard rest != 0 else { return at + 2 }
    let eight = eightDigits(rest)
    (UnsafeMutableRawPointer(p) + at + 2).storeBytes(of: (eight | 0x3030_3030_3030_3030).littleEndian, as: UInt64.self)
    return at + 2 + 8 - eight.leadingZeroBitCount / 8
  }

  /// The number `share(x, at:)` writes, as a `Double`: `x` rounded to 9 decimals (half away
  /// from zero), i.e. the double nearest that decimal (`n / 10⁹` with `n` < 2⁵³ is one
  /// correctly rounded division), what a reader parsing the text gets back; 0 rounds to +0 as
  /// the text does; `x` itself where `share` writes it shortest (too large, not finite).
  @inlinable @inline(__always)
  public static func shareValue(_ x: Double) -> Double {
    guard let n = roundedMagnitude(x, scale: 1e9) else { return x }
    let v = Double(n) / 1e9
    return x < 0 && n != 0 ? -v : v
  }

  /// `shareValue` of every element of `values`, in place (inlined in one loop: a table's
  /// contribution columns, a few million values).
  public static func shareValues(_ values: UnsafeMutableBufferPointer<Double>) {
    for i in values.indices { values[i] = shareValue(values[i]) }
  }

  /// The eight decimal digits of `v` (below 10⁸, zero-padded) as the byte values 0…9 of a
  /// little-endian word, the first digit in the lowest byte; no division, no loop ("SWAR":
  /// the halves, then pairs, then digits are split in parallel lanes of one 64-bit word by
  /// multiplications that stay within their lanes). `| 0x3030…` makes them ASCII; the
  /// leading zero bits count the trailing zero digits (for `v` not 0).
  @inlinable @inline(__always)
  public static func eightDigits(_ v: UInt32) -> UInt64 {
    // Two lanes of 32 bits: v / 10⁴ (printed first) and v % 10⁴.
    var x = UInt64(v / 10_000) | UInt64(v % 10_000) << 32
    // q / 100 = ⌊q · 10486 / 2²⁰⌋ for q < 10⁴; four lanes of 16 bits: quotient, remainder.
    let hundreds = (x &* 10486) >> 20 & 0x0000_007F_0000_007F
    x = (x &- hundreds &* 100) << 16 | hundreds
    // q / 10 = ⌊q · 103 / 2¹⁰⌋ for q < 100; eight lanes of 8 bits: tens, units.
    let tens = (x &* 103) >> 10 & 0x000F_000F_000F_000F
    return (x &- tens &* 10) << 8 | tens
  }

  /// A figure as a CSV gives it, in plain decimals: the fewest decimals `d` ≤ 6 for which
  /// `x · 10^d` is an integer that divides back to exactly `x` (`0.00001`, `12.5`, `3`),
  /// for `|x|` below 10⁹; otherwise `description` (`1e-07`, `2500000000.0`). `x` must be
  /// finite.
  @inlinable
  public static func figure(_ x: Double, at p: UnsafeMutablePointer<UInt8>) -> Int {
    if x.magnitude < 1e9 {
      for d in 0...6 {
        let power = powerOfTen(d)
        guard (x * power).rounded() / power == x else { continue }
        return fixed(x, decimals: d, at: p)!
      }
    }
    return description(x, at: p)
  }

  /// 10^d for d in 0…9 (larger d give 10⁹).
  @inlinable @inline(__always)
  public static func powerOfTen(_ d: Int) -> Double {
    switch d {
    case 0: return 1
    case 1: return 10
    case 2: return 100
    case 3: return 1e3
    case 4: return 1e4
    case 5: return 1e5
    case 6: return 1e6
    case 7: return 1e7
    case 8: return 1e8
    default: return 1e9
    }
  }

  /// (n / 10^d, n % 10^d) for d in 0…9 (larger d as 9). One case per d, so each division has
  /// a constant divisor and compiles to a multiplication (a 64-bit `div` costs ~40 cycles,
  /// twice per cell of 20 million 4-decimal cells in a 1M-row ranking.csv).
  @inlinable @inline(__always)
  public static func divide(_ n: UInt64, byPowerOfTen d: Int) -> (UInt64, UInt64) {
    switch d {
    case 0: return (n, 0)
    case 1: return (n / 10, n % 10)
    case 2: return (n / 100, n % 100)
    case 3: return (n / 1_000, n % 1_000)
    case 4: return (n / 10_000, n % 10_000)
    case 5: return (n / 100_000, n % 100_000)
    case 6: return (n / 1_000_000, n % 1_000_000)
    case 7: return (n / 10_000_000, n % 10_000_000)
    case 8: return (n / 100_000_000, n % 100_000_000)
    default: return (n / 1_000_000_000, n % 1_000_000_000)
    }
  }

  /// `(|x| · scale).rounded()` (half away from zero) as an integer when it is below 9·10¹⁵,
  /// else nil (also for NaN and infinities). Same value as `Double.rounded()`, without its
  /// libm call (`round`, not inlined on baseline x86-64): for 0 ≤ y < 2⁵³ the truncation `n`
  /// and the fraction `y − n` are exact, so `y − n ≥ 0.5` decides the rounding exactly.
  @inlinable @inline(__always)
  public static func roundedMagnitude(_ x: Double, scale: Double) -> UInt64? {
    let y = abs(x) * scale
    guard y < 9.0e15 else { return nil }
    // Signed conversions are single instructions (unsigned ones are not). No branch on the
    // fraction: whether it rounds up is a coin toss the processor mispredicted half the time.
    // For 0.5 ≤ y < 2⁵², y + 0.5 rounds (if at all) within the binade of y, never across an
    // integer, so its truncation is ⌊y + 0.5⌋ exactly; below 0.5 the answer is 0 (y + 0.5
    // would give 1 for the double just below 0.5); from 2⁵² on, y is an integer.
    let n: Int64
    if y >= 0x1p52 {
      n = Int64(y)
    } else if y < 0.5 {
      n = 0
    } else {
      n = Int64(y + 0.5)
    }
    return n < 9_000_000_000_000_000 ? UInt64(n) : nil
  }

  /// The bytes `write` writes (it returns how many, at most `room`) as a `String`: the
  /// `String` forms of the rules above.
  static func text(room: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) -> String {
    String(unsafeUninitializedCapacity: room) { write($0.baseAddress!) }
  }
}

/// The Swift runtime's shortest round-trip formatter (SwiftDtoa), exported by libswiftCore
/// and used by `Double.description`: writes at most `capacity` ASCII bytes of `value` to
/// `buffer` and returns how many. `debug` false gives `description`'s text. Declared here
/// because the standard library keeps its wrapper internal; ABI-stable runtime entry point.
@usableFromInline
@_silgen_name("swift_float64ToString")
func swiftFloat64ToString(
  _ buffer: UnsafeMutablePointer<UInt8>, _ capacity: UInt, _ value: Double, _ debug: Bool
) -> UInt64
