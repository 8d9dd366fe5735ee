import Model

/// A growable byte buffer that the writers format text into, without building `String`s.
///
/// Numbers are formatted straight into the bytes: integers and fixed decimals with integer
/// arithmetic, shares with 9 fixed decimals; shortest round-trip doubles with the Swift
/// runtime's formatter behind `Double.description` (`swift_float64ToString`), called on the
/// buffer directly so no `String` is made. A buffer is filled by one thread
/// at a time and then handed to a `ByteSink`.
///
/// The storage lives behind a `let` pointer, so the hot append path needs no dynamic
/// exclusivity checks (as in `ByteSink`).
final class ByteBuffer: @unchecked Sendable {
  private struct Storage {
    var base: UnsafeMutablePointer<UInt8>
    var count: Int
    var capacity: Int
  }

  private let s: UnsafeMutablePointer<Storage>

  init(capacity: Int = 1 << 16) {
    let c = max(capacity, 64)
    s = .allocate(capacity: 1)
    s.initialize(to: Storage(base: .allocate(capacity: c), count: 0, capacity: c))
  }

  deinit {
    s.pointee.base.deallocate()
    s.deinitialize(count: 1)
    s.deallocate()
  }

  /// Bytes written so far.
  var count: Int { s.pointee.count }

  /// Forgets the contents, keeping the storage.
  func removeAll() { s.pointee.count = 0 }

  /// The bytes written so far (valid until the next append).
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: s.pointee.base, count: s.pointee.count) }

  /// Makes room for `n` more bytes.
  @inline(__always)
  func reserve(_ n: Int) {
    if s.pointee.count + n > s.pointee.capacity { grow(n) }
  }

  private func grow(_ n: Int) {
    let c = max(s.pointee.capacity * 2, s.pointee.count + n)
    let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
    b.update(from: s.pointee.base, count: s.pointee.count)
    s.pointee.base.deallocate()
    s.pointee.base = b
    s.pointee.capacity = c
  }

  /// Appends one byte; the caller has reserved room.
  @inline(__always)
  private func put(_ b: UInt8) {
    s.pointee.base[s.pointee.count] = b
    s.pointee.count += 1
  }

  @inline(__always)
  func append(_ b: UInt8) {
    reserve(1)
    put(b)
  }

  func append(_ raw: UnsafeRawBufferPointer) {
    guard let from = raw.baseAddress, raw.count > 0 else { return }
    reserve(raw.count)
    (s.pointee.base + s.pointee.count).update(from: from.assumingMemoryBound(to: UInt8.self), count: raw.count)
    s.pointee.count += raw.count
  }

  func append(_ bytes: [UInt8]) { bytes.withUnsafeBytes { append($0) } }

  /// Appends the UTF-8 bytes of `text`.
  @inline(__always)
  func append(_ text: String) {
    if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) {
      return done
    }
    var copy = text
    copy.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// Appends a constant text (a literal), with no `String` made.
  @inline(__always)
  func append(_ literal: StaticString) {
    append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  /// Appends `text` as a JSON string: in quotes, with `"`, `\` and control characters escaped
  /// (`\n` `\r` `\t`, others `\u00xx`), other bytes as they are (UTF-8). Same bytes as
  /// `JSONWriter.string(_:)`.
  func append(jsonString text: String) {
    if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append(jsonQuoted: $0) }) { return done }
    var copy = text
    copy.withUTF8 { append(jsonQuoted: $0) }
  }

  /// Appends UTF-8 bytes `u` as a JSON string (see `append(jsonString:)`).
  func append(jsonQuoted u: UnsafeBufferPointer<UInt8>) {
    reserve(u.count + 2)
    put(34)
    var plainFrom = 0
    for i in 0..<u.count {
      let b = u[i]
      guard b < 0x20 || b == 34 || b == 92 else { continue }
      append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[plainFrom..<i]))
      plainFrom = i + 1
      reserve(6)
      put(92)
      switch b {
      case 34, 92: put(b)
      case 10: put(UInt8(ascii: "n"))
      case 13: put(UInt8(ascii: "r"))
      case 9: put(UInt8(ascii: "t"))
      default:
        let hex: StaticString = "0123456789abcdef"
        put(UInt8(ascii: "u"))
        put(48)
        put(48)
        put(hex.utf8Start[Int(b >> 4)])
        put(hex.utf8Start[Int(b & 15)])
      }
    }
    append(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(u)[plainFrom..<u.count]))
    append(UInt8(34))
  }

  /// Appends the shortest round-trip text of `x`, or `null` when `x` is not finite (a JSON number).
  @inline(__always)
  func append(jsonNumber x: Double) {
    if x.isFinite { append(shortest: x) } else { append("null" as StaticString) }
  }

  /// Appends the decimal digits of `n`.
  func append(integer n: Int) {
    reserve(21)
    if n < 0 { put(UInt8(ascii: "-")) }
    appendDigits(UInt64(n.magnitude), minimumCount: 1)
  }

  /// Writes the digits of `v`, left-padded with zeros to `minimumCount`; room is reserved.
  /// Two digits per division, from a table of the pairs 00…99.
  @inline(__always)
  private func appendDigits(_ v: UInt64, minimumCount: Int) {
    var n = 1
    var t = v
    while t >= 100 {
      t /= 100
      n += 2
    }
    if t >= 10 { n += 1 }
    n = max(n, minimumCount)
    let pairs: StaticString = """
      00010203040506070809101112131415161718192021222324252627282930313233343536373839\
      40414243444546474849505152535455565758596061626364656667686970717273747576777879\
      8081828384858687888990919293949596979899
      """
    let table = pairs.utf8Start
    let start = s.pointee.base + s.pointee.count
    var m = v
    var i = n
    while i >= 2 {
      let r = Int(truncatingIfNeeded: m % 100)
      m /= 100
      i -= 2
      start[i] = table[2 * r]
      start[i + 1] = table[2 * r + 1]
    }
    if i == 1 { start[0] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10) }
    s.pointee.count += n
  }

  /// Appends `x` rounded half away from zero to `decimals` places (0…9), e.g. `-3.50`;
  /// nothing when `x` is not finite. Same text as `formatFixed` (module Model).
  func append(fixed x: Double, decimals: Int) {
    guard x.isFinite else { return }
    let d = max(0, min(decimals, 9))
    guard let n = ByteBuffer.roundedMagnitude(x, scale: ByteBuffer.powerOfTen(d)) else {
      return append(formatFixed(x, decimals: d))
    }
    reserve(24)
    if x < 0 && n != 0 { put(UInt8(ascii: "-")) }
    let (whole, fraction) = ByteBuffer.divide(n, byPowerOfTen: d)
    appendDigits(whole, minimumCount: 1)
    if d > 0 {
      put(UInt8(ascii: "."))
      appendDigits(fraction, minimumCount: d)
    }
  }

  /// 10^d for d in 0…9 (larger d give 10⁹).
  @inline(__always)
  static func powerOfTen(_ d: Int) -> Double {
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
  @inline(__always)
  static func divide(_ n: UInt64, byPowerOfTen d: Int) -> (UInt64, UInt64) {
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
  /// else nil (also for NaN). Same value as `Double.rounded()`, without its libm call
  /// (`round`, not inlined on baseline x86-64): for 0 ≤ y < 2⁵³ the truncation `n` and the
  /// fraction `y − n` are exact, so `y − n ≥ 0.5` decides the rounding exactly.
  @inline(__always)
  static func roundedMagnitude(_ x: Double, scale: Double) -> UInt64? {
    let y = abs(x) * scale
    guard y < 9.0e15 else { return nil }
    let t = Int64(y)  // signed conversions are single instructions (unsigned ones are not)
    let n = y - Double(t) >= 0.5 ? t + 1 : t
    return n < 9_000_000_000_000_000 ? UInt64(n) : nil
  }

  /// Appends the shortest text that reads back to the same double, an integer without `.0`
  /// (`formatNumber` of module Model: `87.25`, `1e-07`, `100`). `x` must be finite.
  /// Integers are formatted here; other values by `swift_float64ToString`, the function
  /// `Double.description` calls (same bytes, written straight into the buffer).
  func append(shortest x: Double) {
    if abs(x) < 1e15, x == Double(Int64(x)) { return append(integer: Int(x)) }  // an integer (no libm call)
    reserve(32)
    // The runtime leaves the leading `0` of some values below 1 unwritten (e.g. 17-digit
    // `0.7747088553367709`), so the room is filled with `0`s first; then the bytes equal
    // `description`'s (checked on random doubles in ReportsTests/NumberTextTests).
    let at = s.pointee.base + s.pointee.count
    at.update(repeating: UInt8(ascii: "0"), count: 32)
    let n = swiftFloat64ToString(at, 32, x, false)
    s.pointee.count += Int(truncatingIfNeeded: n)
  }

  /// Appends `x` (≥ 0 expected, e.g. a share of the score) rounded to 9 decimals with trailing
  /// zeros removed: `0.052341234`, `0.5`, `0`, `1`. Absolute error ≤ 5·10⁻¹⁰. Falls back to
  /// `append(shortest:)` outside ±9·10⁶. `x` must be finite.
  func append(share x: Double) {
    guard var n = ByteBuffer.roundedMagnitude(x, scale: 1e9) else { return append(shortest: x) }
    reserve(32)
    if x < 0 && n != 0 { put(UInt8(ascii: "-")) }
    appendDigits(n / 1_000_000_000, minimumCount: 1)
    n %= 1_000_000_000
    guard n != 0 else { return }
    var digits = 9
    while n % 10 == 0 {
      n /= 10
      digits -= 1
    }
    put(UInt8(ascii: "."))
    appendDigits(n, minimumCount: digits)
  }
}

/// The Swift runtime's shortest round-trip formatter (SwiftDtoa), exported by libswiftCore
/// and used by `Double.description`: writes at most `capacity` ASCII bytes of `value` to
/// `buffer` and returns how many. `debug` false gives `description`'s text. Declared here
/// because the standard library keeps its wrapper internal; ABI-stable runtime entry point.
@_silgen_name("swift_float64ToString")
private func swiftFloat64ToString(
  _ buffer: UnsafeMutablePointer<UInt8>, _ capacity: UInt, _ value: Double, _ debug: Bool
) -> UInt64
