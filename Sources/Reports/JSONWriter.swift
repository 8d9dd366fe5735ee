import Model

/// A small streaming JSON writer with a fixed key order, so output bytes are deterministic.
///
/// Keys are written in the order the caller writes them (no dictionaries, no
/// `JSONSerialization`). Numbers use the shortest round-trip form (integers without
/// `.0`); a non-finite number is written as `null`, so the file is always valid JSON.
/// Strings are UTF-8, not `\u`-escaped except for `"`, `\` and control characters.
/// Containers nested at most `prettyDepth` deep start each member on a new indented
/// line; deeper ones are compact (one ranking entry per line).
struct JSONWriter {
  let sink: ByteSink
  var prettyDepth: Int = 2
  /// Per open container: whether a member was already written.
  private var hasMember: [Bool] = []
  /// True right after `key(_:)`: the next value follows the colon directly.
  private var afterKey = false

  init(sink: ByteSink, prettyDepth: Int = 2) {
    self.sink = sink
    self.prettyDepth = prettyDepth
  }

  private mutating func beforeValue() throws(ReportError) {
    if afterKey { afterKey = false; return }
    try separator()
  }

  private mutating func separator() throws(ReportError) {
    guard let last = hasMember.last else { return }
    if last { try sink.write(byte: UInt8(ascii: ",")) }
    hasMember[hasMember.count - 1] = true
    if hasMember.count <= prettyDepth { try newline(hasMember.count) }
  }

  private func newline(_ depth: Int) throws(ReportError) {
    try sink.write(byte: 10)
    for _ in 0..<depth { try sink.write("  ") }
  }

  mutating func beginObject() throws(ReportError) {
    try beforeValue()
    try sink.write(byte: UInt8(ascii: "{"))
    hasMember.append(false)
  }

  mutating func endObject() throws(ReportError) { try close(UInt8(ascii: "}")) }

  mutating func beginArray() throws(ReportError) {
    try beforeValue()
    try sink.write(byte: UInt8(ascii: "["))
    hasMember.append(false)
  }

  mutating func endArray() throws(ReportError) { try close(UInt8(ascii: "]")) }

  private mutating func close(_ byte: UInt8) throws(ReportError) {
    let had = hasMember.removeLast()
    if had && hasMember.count < prettyDepth { try newline(hasMember.count) }
    try sink.write(byte: byte)
    if hasMember.isEmpty { try sink.write(byte: 10) }
  }

  mutating func key(_ k: String) throws(ReportError) {
    try separator()
    try writeString(k)
    try sink.write(byte: UInt8(ascii: ":"))
    if hasMember.count <= prettyDepth { try sink.write(byte: UInt8(ascii: " ")) }
    afterKey = true
  }

  mutating func string(_ s: String) throws(ReportError) {
    try beforeValue()
    try writeString(s)
  }

  mutating func number(_ x: Double) throws(ReportError) {
    try beforeValue()
    try sink.write(JSONWriter.numberText(x))
  }

  mutating func number(_ n: Int) throws(ReportError) {
    try beforeValue()
    try sink.write(String(n))
  }

  /// A number already in JSON form (e.g. a UInt64 seed, which may exceed Int64).
  mutating func rawNumber(_ text: String) throws(ReportError) {
    try beforeValue()
    try sink.write(text)
  }

  mutating func bool(_ b: Bool) throws(ReportError) {
    try beforeValue()
    try sink.write(b ? "true" : "false")
  }

  mutating func null() throws(ReportError) {
    try beforeValue()
    try sink.write("null")
  }

  /// `"key": "value"` and friends.
  mutating func field(_ k: String, _ s: String) throws(ReportError) { try key(k); try string(s) }
  mutating func field(_ k: String, _ x: Double) throws(ReportError) { try key(k); try number(x) }
  mutating func field(_ k: String, _ n: Int) throws(ReportError) { try key(k); try number(n) }
  mutating func field(_ k: String, _ x: Double?) throws(ReportError) {
    try key(k)
    if let x { try number(x) } else { try null() }
  }

  /// Shortest round-trip text of a finite double; `null` for NaN and ±∞.
  static func numberText(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    return formatNumber(x)
  }

  private func writeString(_ s: String) throws(ReportError) {
    try sink.write(byte: UInt8(ascii: "\""))
    var plain = true
    for b in s.utf8 where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
      plain = false
      break
    }
    if plain {
      try sink.write(s)
    } else {
      var out: [UInt8] = []
      out.reserveCapacity(s.utf8.count + 8)
      let hex = Array("0123456789abcdef".utf8)
      for b in s.utf8 {
        switch b {
        case UInt8(ascii: "\""): out += [92, 34]
        case UInt8(ascii: "\\"): out += [92, 92]
        case 10: out += [92, UInt8(ascii: "n")]
        case 13: out += [92, UInt8(ascii: "r")]
        case 9: out += [92, UInt8(ascii: "t")]
        case 0..<0x20: out += [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]]
        default: out.append(b)
        }
      }
      try sink.write(bytes: out)
    }
    try sink.write(byte: UInt8(ascii: "\""))
  }
}
