import Model

/// A growable byte buffer that the writers format text into, without building `String`s.
///
/// Numbers and JSON strings are formatted straight into the bytes by the rules of module
/// Model (`NumberBytes`, `JSONEscape`), which the ledger's buffer uses too: integers and
/// fixed decimals with integer arithmetic, shares with 9 fixed decimals, shortest
/// round-trip doubles with the Swift runtime's formatter behind `Double.description`; no
/// `String` is made. A buffer is filled by one thread
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

  /// Overwrites bytes `offset..<offset + new.count`, already written, with `new`.
  func overwrite(at offset: Int, with new: [UInt8]) {
    precondition(offset >= 0 && offset + new.count <= s.pointee.count, "overwrites bytes already written")
    new.withUnsafeBufferPointer { if let b = $0.baseAddress { (s.pointee.base + offset).update(from: b, count: $0.count) } }
  }

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

  /// Appends `raw`; short runs are copied inline (`copyBytes`), not by a call to `memmove`.
  @inline(__always)
  func append(_ raw: UnsafeRawBufferPointer) {
    guard let from = raw.baseAddress else { return }
    reserve(raw.count)
    copyBytes(from: from, to: s.pointee.base + s.pointee.count, count: raw.count)
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

  /// Appends UTF-8 bytes `u` as a JSON string (see `append(jsonString:)`; the rule is
  /// `JSONEscape`'s, module Model).
  func append(jsonQuoted u: UnsafeBufferPointer<UInt8>) {
    reserve(JSONEscape.room(u.count))
    s.pointee.count += JSONEscape.quoted(u, at: s.pointee.base + s.pointee.count)
  }

  /// Appends the shortest round-trip text of `x`, or `null` when `x` is not finite (a JSON number).
  @inline(__always)
  func append(jsonNumber x: Double) {
    if x.isFinite { append(shortest: x) } else { append("null" as StaticString) }
  }

  /// Appends the decimal digits of `n`.
  @inline(__always)
  func append(integer n: Int) {
    reserve(NumberBytes.integerRoom)
    s.pointee.count += NumberBytes.integer(n, at: s.pointee.base + s.pointee.count)
  }

  /// Appends `x` rounded half away from zero to `decimals` places (0…9), e.g. `-3.50`;
  /// nothing when `x` is not finite. Same text as `formatFixed` (module Model). The common
  /// case (`NumberBytes.smallFixed`) is written inline, the others (and non-finite `x`) by
  /// `append(otherFixed:decimals:)`.
  @inline(__always)
  func append(fixed x: Double, decimals: Int) {
    reserve(NumberBytes.numberRoom)
    if let n = NumberBytes.smallFixed(x, decimals: decimals, at: s.pointee.base + s.pointee.count) {
      s.pointee.count += n
    } else {
      append(otherFixed: x, decimals: decimals)
    }
  }

  /// The bytes of `append(fixed:decimals:)` for a magnitude from `NumberBytes.smallCode`.
  @inline(__always)
  func append(smallCode n: UInt16, decimals: Int) {
    reserve(NumberBytes.numberRoom)
    s.pointee.count += NumberBytes.smallCode(n, decimals: decimals, at: s.pointee.base + s.pointee.count)
  }

  /// For each of `codes` (magnitudes from `NumberBytes.smallCode`) a `,` and its cell at
  /// `decimals[i]`: the bytes of `append(smallCode:decimals:)` after each comma, with room
  /// reserved once for the run (a cell is at most 7 bytes; the last store writes 8).
  func append(commaSeparatedCodes codes: UnsafeBufferPointer<UInt16>, decimals: UnsafeBufferPointer<Int>) {
    reserve(8 * codes.count + NumberBytes.numberRoom)
    let base = s.pointee.base
    var at = s.pointee.count
    NumberBytes.smallCodeWords4.withUnsafeBufferPointer { four in
      NumberBytes.smallCodeWords2.withUnsafeBufferPointer { two in
        for i in codes.indices {
          // The cell's bytes and count in one word (`NumberBytes.smallCodeWords4`, `…2`),
          // stored whole: the byte past the cell is overwritten by the next or left past `count`.
          let word = decimals[i] == 4 ? four[Int(codes[i])] : two[Int(codes[i])]
          base[at] = UInt8(ascii: ",")
          UnsafeMutableRawPointer(base + at + 1).storeBytes(of: word.littleEndian, as: UInt64.self)
          at += 1 &+ Int(truncatingIfNeeded: word >> 56)
        }
      }
    }
    s.pointee.count = at
  }

  /// `append(fixed:decimals:)` of a value `NumberBytes.smallFixed` does not take, out of line
  /// (room already reserved).
  @inline(never)
  private func append(otherFixed x: Double, decimals: Int) {
    guard x.isFinite else { return }
    if let n = NumberBytes.fixedByPairs(x, decimals: decimals, at: s.pointee.base + s.pointee.count) {
      s.pointee.count += n
    } else {
      append(formatFixed(x, decimals: decimals))
    }
  }

  /// Appends the shortest text that reads back to the same double, an integer without `.0`
  /// (`formatNumber` of module Model: `87.25`, `1e-07`, `100`). `x` must be finite.
  /// Written by `NumberBytes.shortest` straight into the buffer (the bytes of
  /// `Double.description`).
  @inline(__always)
  func append(shortest x: Double) {
    reserve(NumberBytes.numberRoom)
    s.pointee.count += NumberBytes.shortest(x, at: s.pointee.base + s.pointee.count)
  }

  /// Appends `x` (≥ 0 expected, e.g. a share of the score) rounded to 9 decimals with trailing
  /// zeros removed: `0.052341234`, `0.5`, `0`, `1`. Absolute error ≤ 5·10⁻¹⁰. Falls back to
  /// `append(shortest:)` outside ±9·10⁶. `x` must be finite.
  @inline(__always)
  func append(share x: Double) {
    reserve(NumberBytes.numberRoom)
    s.pointee.count += NumberBytes.share(x, at: s.pointee.base + s.pointee.count)
  }
}
