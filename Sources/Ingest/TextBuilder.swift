import Model

import Glibc

/// Values of a text or USCC column, packed as they are read (the layout of `TextColumn`:
/// one byte buffer and the end offset of each value); no `String` per cell. Plain arrays,
/// so `take` hands them over without a copy (peak RSS). `~Copyable` (it holds a `GrowBuffer`).
struct TextBuilder: ~Copyable {
  var bytes: [UInt8] = []
  var ends: [UInt32] = []
  /// Rows whose value is missing, ascending (usually none).
  var missingRows = GrowBuffer<Int>()
  var missingCount: Int { missingRows.count }
  /// Most text bytes a column may hold (`TextColumn` offsets are 32-bit).
  static let byteLimit = Int(UInt32.max)

  /// Appends the value with these UTF-8 bytes.
  @inline(__always)
  mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    ends.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  mutating func appendMissing() {
    missingRows.append(ends.count)
    ends.append(UInt32(truncatingIfNeeded: bytes.count))
  }

  /// Start offset of value `row` in `bytes` (`row` = the count: where the next value starts).
  @inline(__always)
  func start(_ row: Int) -> Int {
    assert(row >= 0 && row <= ends.count, "row \(row) out of 0...\(ends.count)")
    return row == 0 ? 0 : Int(ends[row - 1])
  }

  /// True when the bytes of values `a` and `b` are equal.
  func same(_ a: Int, _ b: Int) -> Bool {
    let (sa, sb) = (start(a), start(b))
    let n = Int(ends[a]) - sa
    guard n == Int(ends[b]) - sb else { return false }
    guard n > 0 else { return true }
    return bytes.withUnsafeBufferPointer { b in b.baseAddress.map { memcmp($0 + sa, $0 + sb, n) == 0 } ?? true }
  }

  /// `idHash` of the last value.
  @inline(__always)
  func lastHash() -> UInt64 {
    let r = ends.count - 1
    let s = start(r)
    return bytes.withUnsafeBufferPointer { b in idHash(b.baseAddress.map { $0 + s }, Int(ends[r]) - s) }
  }

  /// Value `row` as a String (for messages).
  func string(_ row: Int) -> String {
    let s = start(row)
    return String(decoding: bytes[s..<Int(ends[row])], as: UTF8.self)
  }

  mutating func removeLast() {
    let r = ends.count - 1
    guard r >= 0 else { return }
    if missingRows.count > 0 && missingRows[missingRows.count - 1] == r { missingRows.removeLast() }
    ends.removeLast()
    bytes.removeSubrange(start(r)...)
  }

  /// Moves the values out (the builder is left empty).
  mutating func take() -> TextColumn {
    var bits: [UInt64] = []
    if missingRows.count > 0 {
      bits = [UInt64](repeating: 0, count: (ends.count + 63) / 64)
      for i in 0..<missingRows.count {
        let r = missingRows[i]
        bits[r >> 6] |= 1 << UInt64(r & 63)
      }
    }
    missingRows.removeAll()
    let column = TextColumn(utf8: bytes, ends: ends, missingBits: bits)
    bytes = []
    ends = []
    return column
  }
}
