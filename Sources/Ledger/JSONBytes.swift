/// The few JSON pieces the ledger's JSON columns need, appended to byte buffers.
enum JSONBytes {
  /// `s` as a JSON string literal.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// A finite number in Swift's shortest round-trip form; `null` otherwise.
  static func number(_ x: Double, into out: inout [UInt8]) {
    guard x.isFinite else { return out += Array("null".utf8) }
    if x == x.rounded(), abs(x) < 1e15 { return integer(Int(x), into: &out) }
    out += Array(x.description.utf8)
  }

  /// An integer, or `null`.
  static func integer(_ n: Int?, into out: inout [UInt8]) {
    guard var v = n else { return out += Array("null".utf8) }
    if v < 0 {
      out.append(UInt8(ascii: "-"))
      v = -v
    }
    var divisor = 1
    while divisor <= v / 10 { divisor *= 10 }
    repeat {
      out.append(UInt8(ascii: "0") + UInt8(v / divisor % 10))
      divisor /= 10
    } while divisor > 0
  }
}
