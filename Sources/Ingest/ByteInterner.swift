/// Interns category values by their bytes: a `String` is made only for a new level.
///
/// Open addressing over FNV-1a 64-bit hashes (Fowler, Noll, Vo), linear probing,
/// load factor ≤ 1/2. Two values are the same level when their bytes are equal.
struct ByteInterner {
  private var slots = [Int32](repeating: -1, count: 64)
  private var hashes = [UInt64](repeating: 0, count: 64)
  private var levelBytes: [[UInt8]] = []
  private(set) var levels: [String] = []

  /// The code of the level with these bytes, or nil when it is new.
  @inline(__always)
  func find(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32? {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while true {
      let code = slots[i]
      if code < 0 { return nil }
      if hashes[i] == h, equal(levelBytes[Int(code)], p, n) { return code }
      i = (i + 1) & mask
    }
  }

  /// Adds a new level (the caller checked `find` returned nil).
  mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64, string: String) -> Int32 {
    let code = Int32(levels.count)
    levels.append(string)
    levelBytes.append(Array(UnsafeBufferPointer(start: p, count: n)))
    if levels.count * 2 > slots.count { rehash(slots.count * 2) }
    insert(code, hash: h)
    return code
  }

  private mutating func insert(_ code: Int32, hash h: UInt64) {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: h) & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = code
    hashes[i] = h
  }

  private mutating func rehash(_ size: Int) {
    slots = [Int32](repeating: -1, count: size)
    hashes = [UInt64](repeating: 0, count: size)
    for (code, bytes) in levelBytes.enumerated() {
      insert(Int32(code), hash: bytes.withUnsafeBufferPointer { fnv1a($0.baseAddress, $0.count) })
    }
  }

  private func equal(_ a: [UInt8], _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    a.count == n && a.withUnsafeBufferPointer { b in b.baseAddress.map { memcmp($0, p, n) == 0 } ?? (n == 0) }
  }
}

/// FNV-1a, 64 bits, then MurmurHash3's `fmix64` finaliser: FNV alone leaves the low
/// bits (the ones a power-of-two table uses) poorly mixed for ids that differ only in
/// their last characters, which made probe chains long.
@inline(__always)
func fnv1a(_ p: UnsafePointer<UInt8>?, _ n: Int) -> UInt64 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  guard let p else { return h }
  for i in 0..<n { h = (h ^ UInt64(p[i])) &* 0x100_0000_01b3 }
  h ^= h >> 33
  h = h &* 0xff51_afd7_ed55_8ccd
  h ^= h >> 33
  h = h &* 0xc4ce_b9fe_1a85_ec53
  h ^= h >> 33
  return h
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
