/// Interns category values by their bytes: a `String` is made only for a new level.
///
/// Open addressing over `idHash` of the bytes, linear probing, load factor ≤ 1/2.
/// Two values are the same level when their bytes are equal (compared only when the
/// full 64-bit hashes match). Everything the lookup touches is in plain buffers, so a
/// lookup through the builder pointer costs no retain, release or copy; `levels` (the
/// `String`s) is only touched when a level is added. `~Copyable`: it owns the table, which
/// `deinit` frees (a copy could neither free it twice nor retain `levels` on a lookup).
struct ByteInterner: ~Copyable {
  /// Slot → level code (−1 = empty), and the hash stored with it.
  private var slots: UnsafeMutablePointer<Int32>
  private var hashes: UnsafeMutablePointer<UInt64>
  private var size = 64
  /// All levels' bytes back to back; `ends[c]` is where level `c` ends.
  private var bytes = GrowBuffer<UInt8>()
  private var ends = GrowBuffer<Int>()
  /// Level `c`'s bytes hold an LF (a quoted multi-line value).
  private var lf = GrowBuffer<Bool>()
  private(set) var levels: [String] = []

  init() {
    slots = .allocate(capacity: size)
    slots.initialize(repeating: -1, count: size)
    hashes = .allocate(capacity: size)
    hashes.initialize(repeating: 0, count: size)
  }

  deinit {
    slots.deallocate()
    hashes.deallocate()
  }

  /// The code of the level with these bytes, or nil when it is new.
  @inline(__always)
  func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32? {
    let mask = size - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let code = slots[i]
      if code < 0 { return nil }
      if hashes[i] == h, equal(Int(code), p, n) { return code }
      i = (i + 1) & mask
    }
  }

  /// Adds a new level (the caller checked `find` returned nil).
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, string: String) -> Int32 {
    let code = Int32(levels.count)
    levels.append(string)
    for i in 0..<n { bytes.append(p[i]) }
    ends.append(bytes.count)
    lf.append(memchr(p, 0x0A, n) != nil)
    if levels.count * 2 > size { rehash(size * 2) }
    insert(code, hash: h)
    return code
  }

  /// The bytes of level `code` (valid until the interner changes).
  func bytes(of code: Int) -> UnsafeBufferPointer<UInt8> {
    assert(code >= 0 && code < levels.count, "level \(code) out of 0..<\(levels.count)")
    let start = code == 0 ? 0 : ends[code - 1]
    return UnsafeBufferPointer(start: bytes.base.map { $0 + start }, count: ends[code] - start)
  }

  /// True when level `code`'s bytes hold an LF.
  @inline(__always)
  func hasLF(_ code: Int32) -> Bool { lf[Int(code)] }

  private func insert(_ code: Int32, hash h: UInt64) {
    let mask = size - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = code
    hashes[i] = h
  }

  private mutating func rehash(_ newSize: Int) {
    let (oldSlots, oldHashes, oldSize) = (slots, hashes, size)
    size = newSize
    slots = .allocate(capacity: newSize)
    slots.initialize(repeating: -1, count: newSize)
    hashes = .allocate(capacity: newSize)
    hashes.initialize(repeating: 0, count: newSize)
    for i in 0..<oldSize where oldSlots[i] >= 0 { insert(oldSlots[i], hash: oldHashes[i]) }
    oldSlots.deallocate()
    oldHashes.deallocate()
  }

  @inline(__always)
  private func equal(_ code: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let start = code == 0 ? 0 : ends[code - 1]
    guard ends[code] - start == n else { return false }
    guard n > 0, let base = bytes.base else { return n == 0 }
    return memcmp(base + start, p, n) == 0
  }
}

import Glibc
