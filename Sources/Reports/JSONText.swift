/// A JSON document on one line, for the command line's `--json` output: `JSONWriter` in
/// its compact form (no spaces, keys in the order written, the same string escaping and
/// number text as every file). Build it with the `begin…`/`end…`, `key` and value calls
/// (or `field`), then read `text`.
///
/// ```swift
/// var j = JSONText()
/// j.beginObject(); j.field("out", "out/2022"); j.field("ranked", 300); j.endObject()
/// print(j.text)  // {"out":"out/2022","ranked":300}
/// ```
public struct JSONText {
  private let buffer = ByteBuffer(capacity: 1 << 12)
  private var writer: JSONWriter

  public init() { writer = JSONWriter(into: buffer, prettyDepth: 0) }

  public mutating func beginObject() { writer.beginObject() }
  public mutating func endObject() { writer.endObject() }
  public mutating func beginArray() { writer.beginArray() }
  public mutating func endArray() { writer.endArray() }
  public mutating func key(_ k: String) { writer.key(k) }
  public mutating func string(_ s: String) { writer.string(s) }
  /// Shortest round-trip form; `null` when not finite.
  public mutating func number(_ x: Double) { writer.number(x) }
  public mutating func number(_ n: Int) { writer.number(n) }
  /// An unsigned integer (a seed may exceed `Int`).
  public mutating func number(_ n: UInt64) { writer.rawNumber(String(n)) }
  public mutating func bool(_ b: Bool) { writer.bool(b) }
  public mutating func null() { writer.null() }

  public mutating func field(_ k: String, _ s: String) { writer.field(k, s) }
  /// `null` when `s` is nil.
  public mutating func field(_ k: String, _ s: String?) { writer.field(k, s) }
  public mutating func field(_ k: String, _ x: Double) { writer.field(k, x) }
  /// `null` when nil.
  public mutating func field(_ k: String, _ x: Double?) { writer.field(k, x) }
  public mutating func field(_ k: String, _ n: Int) { writer.field(k, n) }
  public mutating func field(_ k: String, _ n: UInt64) { key(k); number(n) }
  public mutating func field(_ k: String, _ b: Bool) { writer.field(k, b) }

  /// An array of strings.
  public mutating func field(_ k: String, strings: [String]) {
    key(k)
    beginArray()
    for s in strings { string(s) }
    endArray()
  }

  /// An array of objects, one per element, each filled by `body`.
  public mutating func field<S: Sequence>(_ k: String, objects: S, _ body: (inout JSONText, S.Element) -> Void) {
    key(k)
    beginArray()
    for x in objects {
      beginObject()
      body(&self, x)
      endObject()
    }
    endArray()
  }

  /// An array of numbers.
  public mutating func field(_ k: String, numbers: [Double]) {
    key(k)
    beginArray()
    for x in numbers { number(x) }
    endArray()
  }

  /// The document so far, without the line feed the writer ends a complete document with.
  public var text: String {
    var bytes = buffer.bytes
    if bytes.last == 10 { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
    return String(decoding: bytes, as: UTF8.self)
  }
}
