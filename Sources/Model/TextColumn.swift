/// The values of a text or USCC column, packed: one contiguous UTF-8 byte buffer,
/// the end offset of each value, and a missing bitmask (none at all when no value is
/// missing).
///
/// A `[String?]` costs 16 bytes per cell plus a heap block (≥ 32 bytes) for every value
/// longer than 15 UTF-8 bytes (an 18-character USCC, most enterprise names); packed, a
/// cell costs its bytes plus 4. Reading element `i` builds its `String`.
/// Value `i` is `bytes[ends[i-1] ..< ends[i]]` (`ends[-1]` = 0); a missing value is empty.
/// Limit: 4 GiB of text per column (`UInt32` offsets).
public struct TextColumn: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
  public typealias Element = String?
  public typealias Index = Int

  /// UTF-8 bytes of every present value, in row order.
  public private(set) var utf8: [UInt8]
  /// End offset (exclusive) of each value in `utf8`.
  public private(set) var ends: [UInt32]
  /// Bit `i % 64` of word `i / 64` is set when value `i` is missing; empty when no value is.
  public private(set) var missingBits: [UInt64]

  /// An empty column.
  public init() {
    utf8 = []
    ends = []
    missingBits = []
  }

  /// Packs `strings` (nil = missing).
  public init(_ strings: [String?]) {
    self.init()
    ends.reserveCapacity(strings.count)
    for s in strings { append(s) }
  }

  public init(arrayLiteral elements: String?...) {
    self.init(elements)
  }

  /// Adopts already packed storage (the ingest builds it directly).
  /// - Precondition: `ends` is non-decreasing, its last value is `utf8.count`, and
  ///   `missingBits` is empty or has a bit for every value.
  public init(utf8: [UInt8], ends: [UInt32], missingBits: [UInt64]) {
    precondition(zip(ends, ends.dropFirst()).allSatisfy { $0 <= $1 }, "TextColumn: ends must not decrease")
    precondition(Int(ends.last ?? 0) == utf8.count, "TextColumn: the last end must be the byte count")
    precondition(missingBits.isEmpty || missingBits.count * 64 >= ends.count, "TextColumn: missing mask too short")
    self.utf8 = utf8
    self.ends = ends
    self.missingBits = missingBits.contains { $0 != 0 } ? missingBits : []
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.count }

  /// The byte length of every value when they all have the same (value `i` is then bytes
  /// `i · w ..< (i + 1) · w`: an id column of 18-character USCCs), else nil; one pass over `ends`.
  public var uniformWidth: Int? {
    guard let first = ends.first else { return nil }
    let w = first
    return ends.withUnsafeBufferPointer { e in
      for i in e.indices where e[i] != w &* UInt32(truncatingIfNeeded: i &+ 1) { return nil }
      return Int(w)
    }
  }

  /// Value `i`, or nil when missing.
  public subscript(i: Int) -> String? {
    if isMissing(i) { return nil }
    let range = byteRange(i)
    return utf8.withUnsafeBufferPointer { b in
      String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }
  }

  /// True when value `i` is missing.
  @inline(__always)
  public func isMissing(_ i: Int) -> Bool {
    precondition(i >= 0 && i < ends.count, "TextColumn: index out of range")
    guard !missingBits.isEmpty else { return false }
    return missingBits[i >> 6] & (1 << UInt64(i & 63)) != 0
  }

  /// Offsets of value `i`'s bytes in `utf8` (empty for a missing value).
  @inline(__always)
  public func byteRange(_ i: Int) -> Range<Int> {
    (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])
  }

  /// Number of missing values.
  public var missingCount: Int { missingBits.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// Appends a value (nil = missing).
  public mutating func append(_ s: String?) {
    if let s {
      utf8.append(contentsOf: s.utf8)
    } else {
      if missingBits.isEmpty { missingBits = [UInt64](repeating: 0, count: ends.count / 64 + 1) }
      setMissing(ends.count)
    }
    precondition(utf8.count <= Int(UInt32.max), "TextColumn: more than 4 GiB of text")
    ends.append(UInt32(truncatingIfNeeded: utf8.count))
    if !missingBits.isEmpty && missingBits.count * 64 < ends.count + 1 { missingBits.append(0) }
  }

  private mutating func setMissing(_ i: Int) {
    while missingBits.count * 64 <= i { missingBits.append(0) }
    missingBits[i >> 6] |= 1 << UInt64(i & 63)
  }

  public static func == (a: TextColumn, b: TextColumn) -> Bool {
    a.count == b.count && a.indices.allSatisfy { a[$0] == b[$0] }
  }
}
