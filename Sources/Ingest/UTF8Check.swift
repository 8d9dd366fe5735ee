/// Finds the first byte that makes a buffer invalid UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF).
enum UTF8Check {
  /// Offset of the first byte of the first invalid sequence, or nil when valid.
  static func firstInvalid(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalid($0.baseAddress, $0.count) }
  }

  /// Offset of the first byte of the first invalid sequence in `n` bytes at `p`, or nil.
  ///
  /// - Complexity: O(n); an ASCII byte costs one comparison.
  static func firstInvalid(_ p: UnsafePointer<UInt8>?, _ n: Int) -> Int? {
    guard let p else { return nil }
    var i = 0
    while i < n {
      let b = p[i]
      if b < 0x80 {
        i += 1
        continue
      }
      // Fast path: a 3-byte sequence led by E1…EC or EE…EF (most of the BMP, every
      // common CJK character): any two continuation bytes are valid after these.
      if b &- 0xE1 < 0x0F && b != 0xED && i + 2 < n && p[i + 1] & 0xC0 == 0x80 && p[i + 2] & 0xC0 == 0x80 {
        i += 3
        continue
      }
      let need: Int
      var lo: UInt8 = 0x80
      var hi: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0: need = 2; lo = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED: need = 2; hi = 0x9F
      case 0xF0: need = 3; lo = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4: need = 3; hi = 0x8F
      default: return i
      }
      guard i + need < n else { return i }
      let second = p[i + 1]
      guard second >= lo && second <= hi else { return i }
      var k = 2
      while k <= need {
        guard p[i + k] & 0xC0 == 0x80 else { return i }
        k += 1
      }
      i += need + 1
    }
    return nil
  }
}
