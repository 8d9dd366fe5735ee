/// The fast path of `NumberBytes.fixed`: the cells ranking.csv writes most (4 decimals for
/// normalised criteria, 2 for scores), below 100, written without a call or a digit loop.
extension NumberBytes {
  /// `fixed`'s bytes for its common case, nil otherwise: `x` at 4 or 2 decimals whose
  /// rounded magnitude stays below 100 (ranking.csv's cells: normalised criteria at 4
  /// decimals, scores and group scores at 2). Small enough to inline where a writer appends a
  /// cell, with the same rounding (`roundedMagnitude`) and sign rule as `fixed`, which falls
  /// back to its general path when this gives nil.
  @inlinable @inline(__always)
  public static func smallFixed(_ x: Double, decimals: Int, at p: UnsafeMutablePointer<UInt8>) -> Int? {
    guard let n = smallMagnitude(x, decimals: decimals) else { return nil }
    let four = decimals == 4
    var at = 0
    if x < 0 && n != 0 {
      p[0] = UInt8(ascii: "-")
      at = 1
    }
    return at &+ smallDigits(UInt32(truncatingIfNeeded: n), fourDecimals: four, at: p + at)
  }

  /// The rounded magnitude `smallFixed` writes for `x` when that is all it writes (no sign)
  /// and it stays below `UInt16.max`, else nil: what a table of cells keeps in two bytes
  /// (ranking.csv's `FixedCodes`). `smallCode(_:decimals:at:)` writes `smallFixed`'s bytes
  /// from it.
  @inlinable @inline(__always)
  public static func smallCode(_ x: Double, decimals: Int) -> UInt16? {
    guard let n = smallMagnitude(x, decimals: decimals), n < UInt64(UInt16.max), n == 0 || !(x < 0) else { return nil }
    return UInt16(truncatingIfNeeded: n)
  }

  /// The rounded magnitude of `x` at 4 or 2 decimals (`roundedMagnitude`) when it is below
  /// 100 · 10^d, what `smallDigits` writes; nil otherwise (other decimals, larger, not finite).
  @inlinable @inline(__always)
  static func smallMagnitude(_ x: Double, decimals: Int) -> UInt64? {
    let four = decimals == 4
    guard four || decimals == 2, let n = roundedMagnitude(x, scale: four ? 1e4 : 1e2), n < (four ? 1_000_000 : 10_000) else { return nil }
    return n
  }

  /// `smallCode(_:decimals:at:)`'s bytes of every code, one word per code: the bytes (at most
  /// 7) in the low bytes of a little-endian word, their count in the top byte. What a writer
  /// of many coded cells reads in one load instead of the digit arithmetic (`smallCodeWord`).
  /// At 4 decimals every code (below `UInt16.max`, values below 6.5535); at 2 decimals the
  /// codes `smallCode` gives (below 10⁴, values below 100). 512 KiB and 80 KiB, built on first use.
  public static let smallCodeWords4: [UInt64] = codeWords(fourDecimals: true, count: Int(UInt16.max))
  public static let smallCodeWords2: [UInt64] = codeWords(fourDecimals: false, count: 10_000)

  private static func codeWords(fourDecimals: Bool, count: Int) -> [UInt64] {
    (0..<count).map { n in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { p in
        let length = smallDigits(UInt32(n), fourDecimals: fourDecimals, at: p.baseAddress!)
        var word = UInt64(length) << 56
        for i in 0..<length { word |= UInt64(p[i]) << UInt64(8 * i) }
        return word
      }
    }
  }

  /// `smallFixed`'s bytes for a magnitude from `smallCode` (at most 7; room as `smallFixed`).
  @inlinable @inline(__always)
  public static func smallCode(_ n: UInt16, decimals: Int, at p: UnsafeMutablePointer<UInt8>) -> Int {
    smallDigits(UInt32(n), fourDecimals: decimals == 4, at: p)
  }

  /// The digits of a rounded magnitude `n` below 100 · 10^d, d being 4 (`fourDecimals`) or
  /// 2: the whole part (one digit, or a pair from 10 on), a point and the fraction's digits
  /// from the table of pairs, gathered in one little-endian word and stored at once (at most
  /// 7 bytes; the caller's room is `numberRoom`). Divisions by constants only, no loop.
  @inlinable @inline(__always)
  static func smallDigits(_ n: UInt32, fourDecimals: Bool, at p: UnsafeMutablePointer<UInt8>) -> Int {
    let whole: UInt32
    let fraction: UInt64
    if fourDecimals {
      whole = n / 10_000
      let f = n &- whole &* 10_000
      let high = f / 100
      fraction = pair(high) | pair(f &- high &* 100) &<< 16
    } else {
      whole = n / 100
      fraction = pair(n &- whole &* 100)
    }
    let head: UInt64
    let count: Int
    if whole < 10 {
      head = UInt64(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole))
      count = 1
    } else {
      head = pair(whole)
      count = 2
    }
    let word = head | UInt64(UInt8(ascii: ".")) &<< UInt64(8 &* count) | fraction &<< UInt64(8 &* (count &+ 1))
    UnsafeMutableRawPointer(p).storeBytes(of: word.littleEndian, as: UInt64.self)
    return count &+ (fourDecimals ? 5 : 3)
  }

  /// The two ASCII digits of `v` (below 100) from `pairs`, the first in the low byte.
  @inlinable @inline(__always)
  static func pair(_ v: UInt32) -> UInt64 {
    let two = UnsafeRawPointer(pairs.utf8Start + 2 &* Int(v)).loadUnaligned(as: UInt16.self)
    return UInt64(UInt16(littleEndian: two))
  }
}
