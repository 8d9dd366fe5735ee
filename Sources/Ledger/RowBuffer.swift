/// A growable byte buffer whose storage stays put between appends: the text of one column
/// of one row, built without Swift arrays or strings and bound to a statement without a
/// copy (`RawStatement.bindStatic`). `pieces` holds fixed texts (JSON keys, status words)
/// made once per run and appended by index.
struct RowBuffer: ~Copyable {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// The fixed texts, packed: piece `i` is `arena[ends[i - 1]..<ends[i]]`.
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  private var arenaCapacity = 256
  private var ends: [Int] = []

  init(capacity: Int = 1024) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
    arena = .allocate(capacity: arenaCapacity)
  }

  deinit {
    base.deallocate()
    arena.deallocate()
  }

  /// The bytes written since the last `reset()`.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  mutating func reset() { count = 0 }

  private mutating func reserve(_ n: Int) {
    guard count + n > capacity else { return }
    let grown = max(capacity * 2, count + n)
    let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    new.update(from: base, count: count)
    base.deallocate()
    base = new
    capacity = grown
  }

  /// Stores `text` as a fixed piece and returns its index for `append(piece:)`.
  mutating func addPiece(_ text: String) -> Int {
    let utf8 = Array(text.utf8)
    if arenaCount + utf8.count > arenaCapacity {
      let grown = max(arenaCapacity * 2, arenaCount + utf8.count)
      let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
      new.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = new
      arenaCapacity = grown
    }
    utf8.withUnsafeBufferPointer { (arena + arenaCount).update(from: $0.baseAddress!, count: $0.count) }
    arenaCount += utf8.count
    ends.append(arenaCount)
    return ends.count - 1
  }

  mutating func append(piece i: Int) {
    let start = i == 0 ? 0 : ends[i - 1]
    append(UnsafeBufferPointer(start: arena + start, count: ends[i] - start))
  }

  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let from = bytes.baseAddress, bytes.count > 0 else { return }
    reserve(bytes.count)
    (base + count).update(from: from, count: bytes.count)
    count += bytes.count
  }

  mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// A decimal integer, or `null`.
  mutating func integer(_ n: Int?) {
    guard let n else { return append("null") }
    reserve(21)
    var v = n.magnitude
    if n < 0 {
      base[count] = UInt8(ascii: "-")
      count += 1
    }
    var digits = 1
    var t = v
    while t >= 10 {
      t /= 10
      digits += 1
    }
    var i = count + digits - 1
    repeat {
      base[i] = UInt8(ascii: "0") + UInt8(v % 10)
      v /= 10
      i -= 1
    } while v > 0
    count += digits
  }

  private static let powers: [Double] = [1, 10, 100, 1000, 10000, 100000, 1000000]

  /// A finite number in its shortest round-trip form (`null` otherwise). Figures as read
  /// from a CSV (at most six decimals) take a fast path: the smallest number of decimals
  /// `d` for which `x × 10^d` is an integer that divides back to exactly `x`; others
  /// are printed by Swift's `description`.
  mutating func number(_ x: Double) {
    guard x.isFinite else { return append("null") }
    if x.magnitude < 1e9 {
      for d in 0..<RowBuffer.powers.count {
        let p = RowBuffer.powers[d]
        let s = (x * p).rounded()
        guard s / p == x else { continue }
        let scaled = Int(s)
        if d == 0 { return integer(scaled) }
        if scaled < 0 || (x < 0) { append(UInt8(ascii: "-")) }
        let m = scaled.magnitude
        var divisor: UInt = 1
        for _ in 0..<d { divisor *= 10 }
        integer(Int(m / divisor))
        append(UInt8(ascii: "."))
        var fraction = m % divisor
        reserve(d)
        for k in stride(from: d - 1, through: 0, by: -1) {
          base[count + k] = UInt8(ascii: "0") + UInt8(fraction % 10)
          fraction /= 10
        }
        count += d
        return
      }
    }
    var text = x.description
    text.withUTF8 { append($0) }
  }

  /// A finite number in Swift's shortest round-trip form, integers without a fraction;
  /// `null` otherwise (group scores: full precision, rarely a short decimal).
  mutating func shortest(_ x: Double) {
    guard x.isFinite else { return append("null") }
    if x == x.rounded(), x.magnitude < 1e15 { return integer(Int(x)) }
    var text = x.description
    text.withUTF8 { append($0) }
  }

  /// `utf8` as a JSON string literal.
  mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    append(UInt8(ascii: "\""))
    var start = 0
    for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
      append(UnsafeBufferPointer(rebasing: utf8[start..<i]))
      switch b {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case UInt8(ascii: "\n"): append("\\n")
      case UInt8(ascii: "\r"): append("\\r")
      case UInt8(ascii: "\t"): append("\\t")
      default:
        append("\\u00")
        let hex: StaticString = "0123456789abcdef"
        append(hex.utf8Start[Int(b >> 4)])
        append(hex.utf8Start[Int(b & 15)])
      }
      start = i + 1
    }
    append(UnsafeBufferPointer(rebasing: utf8[start...]))
    append(UInt8(ascii: "\""))
  }
}
