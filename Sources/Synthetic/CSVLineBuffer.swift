/// A reusable byte buffer that CSV lines are built in, with hand-written number formatting.
///
/// Numbers are written with a fixed number of decimals from the integer `round(x·10ᵈ)`,
/// without Foundation or `String` formatting: `-3.5` with 2 decimals is `-3.50`, and a
/// value that rounds to zero is written `0.00` (never `-0.00`).
struct CSVLineBuffer {
  private(set) var bytes: [UInt8] = []
  private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

  init(capacity: Int) { bytes.reserveCapacity(capacity) }

  var count: Int { bytes.count }

  mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  mutating func append(_ b: UInt8) { bytes.append(b) }

  mutating func append(_ s: [UInt8]) { bytes.append(contentsOf: s) }

  /// Appends `x` with exactly `decimals` (0…6) digits after the point.
  mutating func append(number x: Double, decimals: Int) {
    let scaled = (x * Self.powers[decimals]).rounded()
    var v = Int64(scaled)
    if v < 0 {
      bytes.append(UInt8(ascii: "-"))
      v = -v
    }
    var divisor: Int64 = 1
    for _ in 0..<decimals { divisor *= 10 }
    appendDigits(UInt64(v / divisor))
    if decimals > 0 {
      bytes.append(UInt8(ascii: "."))
      var frac = v % divisor
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals))
      for k in stride(from: start + decimals - 1, through: start, by: -1) {
        bytes[k] = UInt8(ascii: "0") + UInt8(frac % 10)
        frac /= 10
      }
    }
  }

  private mutating func appendDigits(_ value: UInt64) {
    if value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    appendDigits(value / 10)
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  /// Appends a text field, quoted (RFC 4180: `"` doubled) when it holds a comma, quote, CR or LF.
  mutating func append(field: [UInt8]) {
    let needsQuotes = field.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
    guard needsQuotes else {
      bytes.append(contentsOf: field)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for b in field {
      if b == UInt8(ascii: "\"") { bytes.append(b) }
      bytes.append(b)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
