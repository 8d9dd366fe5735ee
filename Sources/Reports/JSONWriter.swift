import Model

/// The one JSON writer: every JSON Exemplar writes or prints (results.json,
/// sensitivity.json, `--json` output through `JSONText`) is made here, with a fixed key
/// order, so output bytes are deterministic.
///
/// Keys are written in the order the caller writes them (no dictionaries, no
/// `JSONSerialization`). Numbers use the shortest round-trip form (integers without
/// `.0`); a non-finite number is written as `null`, so the file is always valid JSON.
/// Strings are UTF-8, not `\u`-escaped except for `"`, `\` and control characters.
/// Containers nested at most `prettyDepth` deep start each member on a new indented
/// line; deeper ones are compact (one ranking enper line).
///
/// The writer formats into a `ByteBuffer`; `flushIfLarge()` hands full buffers to the sink.
/// A writer can also start inside an open array (`init(into:insideArrayAt:hasMember:)`), so
/// blocks of array elements can be formatted on several threads and written in order with
/// the same bytes as one sequential writer.
struct JSONWriter {
  let out: ByteBuffer
  var prettyDepth: Int = 2
  /// Per open container: whether a member was already written.
  private var hasMember: [Bool] = []
  /// True right after `key(_:)`: the next value follows the colon directly.
  private var afterKey = false

  init(into out: ByteBuffer, prettyDepth: Int = 2) {
    self.out = out
    self.prettyDepth = prettyDepth
  }

  /// A writer positioned inside an array nested `depth` containers deep (1 = top level),
  /// where the array already has members when `hasMember`.
  init(into out: ByteBuffer, insideArrayAt depth: Int, hasMember: Bool, prettyDepth: Int = 2) {
    self.out = out
    self.prettyDepth = prettyDepth
    self.hasMember = Array(repeating: true, count: depth - 1) + [hasMember]
  }

  /// Records that the innermost open container got members written by other writers.
  mutating func markHasMember() {
    if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
  }

  /// Writes the buffer to `sink` once it holds 1 MiB or more.
  func flushIfLarge(_ sink: ByteSink) throws(ReportError) {
    if out.count >= 1 << 20 {
      try sink.write(out)
      out.removeAll()
    }
  }

  private mutating func beforeValue() {
    if afterKey { afterKey = false; return }
    separator()
  }

  private mutating func separator() {
    guard let last = hasMember.last else { return }
    if last { out.append(UInt8(ascii: ",")) }
    hasMember[hasMember.count - 1] = true
    if hasMember.count <= prettyDepth { newline(hasMember.count) }
  }

  private func newline(_ depth: Int) {
    out.append(10)
    for _ in 0..<depth { out.append("  ") }
  }

  mutating func beginObject() {
    beforeValue()
    out.append(UInt8(ascii: "{"))
    hasMember.append(false)
  }

  mutating func endObject() { close(UInt8(ascii: "}")) }

  mutating func beginArray() {
    beforeValue()
    out.append(UInt8(ascii: "["))
    hasMember.append(false)
  }

  mutating func endArray() { close(UInt8(ascii: "]")) }

  private mutating func close(_ byte: UInt8) {
    let had = hasMember.removeLast()
    if had && hasMember.count < prettyDepth { newline(hasMember.count) }
    out.append(byte)
    if hasMember.isEmpty { out.append(10) }
  }

  mutating func key(_ k: String) {
    separator()
    writeString(k)
    out.append(UInt8(ascii: ":"))
    if hasMember.count <= prettyDepth { out.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  /// A key already encoded with `compactKey(_:)`; only inside compact containers (deeper than `prettyDepth`).
  mutating func key(compact bytes: [UInt8]) {
    separator()
    out.append(bytes)
    afterKey = true
  }

  /// The bytes of `"k":` (escaped), for `key(compact:)` in loops.
  static func compactKey(_ k: String) -> [UInt8] {
    let b = ByteBuffer(capacity: k.utf8.count + 8)
    JSONWriter(into: b).writeString(k)
    b.append(UInt8(ascii: ":"))
    return Array(b.bytes)
  }

  mutating func string(_ s: String) {
    beforeValue()
    writeString(s)
  }

  mutating func number(_ x: Double) {
    beforeValue()
    if x.isFinite { out.append(shortest: x) } else { out.append("null") }
  }

  mutating func number(_ n: Int) {
    beforeValue()
    out.append(integer: n)
  }

  /// A share in [0, 1] (a contribution) with 9 decimals, trailing zeros removed; `null` when not finite.
  mutating func share(_ x: Double) {
    beforeValue()
    if x.isFinite { out.append(share: x) } else { out.append("null") }
  }

  /// A number already in JSON form (e.g. a UInt64 seed, which may exceed Int64).
  mutating func rawNumber(_ text: String) {
    beforeValue()
    out.append(text)
  }

  mutating func bool(_ b: Bool) {
    beforeValue()
    out.append(b ? "true" : "false")
  }

  mutating func null() {
    beforeValue()
    out.append("null")
  }

  /// `"key": "value"` and friends.
  mutating func field(_ k: String, _ s: String) { key(k); string(s) }
  mutating func field(_ k: String, _ x: Double) { key(k); number(x) }
  mutating func field(_ k: String, _ n: Int) { key(k); number(n) }
  mutating func field(_ k: String, _ x: Double?) {
    key(k)
    if let x { number(x) } else { null() }
  }

  mutating func field(_ k: String, _ b: Bool) { key(k); bool(b) }
  mutating func field(_ k: String, _ s: String?) {
    key(k)
    if let s { string(s) } else { null() }
  }

  /// `"key": [{…}, …]`: an object per element, each filled by `body`.
  mutating func field<S: Sequence>(_ k: String, objects: S, _ body: (inout JSONWriter, S.Element) -> Void) {
    key(k)
    beginArray()
    for x in objects {
      beginObject()
      body(&self, x)
      endObject()
    }
    endArray()
  }

  private func writeString(_ s: String) { out.append(jsonString: s) }
}
