/// JSON string literals written straight into bytes: in quotes, with `"`, `\` and control
/// characters escaped (`\n` `\r` `\t`, others `\u00xx`), every other byte as it is (UTF-8).
/// The one rule of JSON quoting, for Reports' `ByteBuffer` and the ledger's JSON columns.
public enum JSONEscape {
  /// Room `quoted` needs for `count` bytes of text: each byte escaped as `\u00xx`, and the
  /// quotes.
  @inlinable
  public static func room(_ count: Int) -> Int { 6 * count + 2 }

  /// Writes `u` as a JSON string literal at `p` (room: `room(u.count)`) and returns how
  /// many bytes it wrote. Runs of plain bytes are copied whole.
  @inlinable
  public static func quoted(_ u: UnsafeBufferPointer<UInt8>, at p: UnsafeMutablePointer<UInt8>) -> Int {
    p[0] = 34
    var at = 1
    var plainFrom = 0
    func copyPlain(to end: Int) {
      guard end > plainFrom, let base = u.baseAddress else { return }
      (p + at).update(from: base + plainFrom, count: end - plainFrom)
      at += end - plainFrom
    }
    for i in 0..<u.count {
      let b = u[i]
      guard b < 0x20 || b == 34 || b == 92 else { continue }
      copyPlain(to: i)
      plainFrom = i + 1
      p[at] = 92
      switch b {
      case 34, 92: p[at + 1] = b
      case 10: p[at + 1] = UInt8(ascii: "n")
      case 13: p[at + 1] = UInt8(ascii: "r")
      case 9: p[at + 1] = UInt8(ascii: "t")
      default:
        let hex: StaticString = "0123456789abcdef"
        p[at + 1] = UInt8(ascii: "u")
        p[at + 2] = 48
        p[at + 3] = 48
        p[at + 4] = hex.utf8Start[Int(b >> 4)]
        p[at + 5] = hex.utf8Start[Int(b & 15)]
        at += 4
      }
      at += 2
    }
    copyPlain(to: u.count)
    p[at] = 34
    return at + 1
  }

  /// `s` as a JSON string literal.
  public static func quoted(_ s: String) -> String {
    var copy = s
    return copy.withUTF8 { u in String(unsafeUninitializedCapacity: room(u.count)) { quoted(u, at: $0.baseAddress!) } }
  }
}
