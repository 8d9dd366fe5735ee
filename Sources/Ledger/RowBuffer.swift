import Model

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
    reserve(NumberBytes.integerRoom)
    count += NumberBytes.integer(n, at: base + count)
  }

  /// A finite number as a CSV gives it, in plain decimals (`NumberBytes.figure`: `0.00001`,
  /// `12.5`; `1e-07` beyond six decimals); `null` otherwise.
  mutating func number(_ x: Double) {
    guard x.isFinite else { return append("null") }
    reserve(NumberBytes.numberRoom)
    count += NumberBytes.figure(x, at: base + count)
  }

  /// A finite number in Swift's shortest round-trip form, integers without a fraction;
  /// `null` otherwise (group scores: full precision, rarely a short decimal).
  mutating func shortest(_ x: Double) {
    guard x.isFinite else { return append("null") }
    reserve(NumberBytes.numberRoom)
    count += NumberBytes.shortest(x, at: base + count)
  }

  /// `utf8` as a JSON string literal (`JSONEscape`).
  mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    reserve(JSONEscape.room(utf8.count))
    count += JSONEscape.quoted(utf8, at: base + count)
  }
}
