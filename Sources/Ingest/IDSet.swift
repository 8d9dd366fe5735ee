/// The ids seen so far, to find duplicates without hashing `String`s.
///
/// Open addressing over `idHash` of the id's UTF-8 bytes. One 8-byte slot per
/// entry packs the hash's high 32 bits with the row where the id first appeared (+1;
/// 0 = empty), so a lookup costs one cache miss; equal hashes are confirmed by
/// comparing the stored ids. At most 3/4 of the slots are used.
///
/// The slots live in memory aligned to 2 MiB and marked `MADV_HUGEPAGE`: a random probe
/// into 4 KiB pages of a 16 MiB table was a TLB miss nearly every row (measured: the
/// probe was 14% of the ingest time). The owner calls `free()` once.
struct IDSet {
  private var slots: UnsafeMutablePointer<UInt64>?
  private var size = 0
  private var count = 0

  init() { resize(to: 1024) }

  mutating func reserve(_ n: Int) {
    var size = self.size
    while size * 3 < 4 * n { size *= 2 }
    if size > self.size { resize(to: size) }
  }

  /// Inserts the id of `row`; returns the earlier row when it was already there.
  /// `h` is `idHash` of the id's UTF-8 bytes; `sameAs(r)` compares row `r`'s id with this one.
  @inline(__always)
  mutating func insert(hash h: UInt64, row: Int, sameAs: (Int) -> Bool) -> Int? {
    guard let slots else { return nil }
    let tag = h >> 32
    let mask = size - 1
    var i = Int(truncatingIfNeeded: tag) & mask  // same start as in `resize`
    while true {
      let slot = slots[i]
      if slot == 0 { break }
      if slot >> 32 == tag {
        let earlier = Int(slot & 0xFFFF_FFFF) - 1
        if sameAs(earlier) { return earlier }
      }
      i = (i + 1) & mask
    }
    slots[i] = tag << 32 | UInt64(truncatingIfNeeded: row + 1)
    count += 1
    if count * 4 > size * 3 { resize(to: size * 2) }
    return nil
  }

  mutating func free() {
    if let slots { Glibc.free(slots) }
    slots = nil
    size = 0
    count = 0
  }

  /// Moves every entry into `newSize` slots; the probe start comes from the stored
  /// hash bits, so `newSize` must stay at most 2^32.
  private mutating func resize(to newSize: Int) {
    let bytes = newSize * MemoryLayout<UInt64>.stride
    var raw: UnsafeMutableRawPointer?
    let align = bytes >= 1 << 21 ? 1 << 21 : 64
    guard posix_memalign(&raw, align, bytes) == 0, let raw else { return }
    if align == 1 << 21 { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
    memset(raw, 0, bytes)
    let fresh = raw.bindMemory(to: UInt64.self, capacity: newSize)
    let mask = newSize - 1
    if let old = slots {
      for j in 0..<size where old[j] != 0 {
        var i = Int(truncatingIfNeeded: old[j] >> 32) & mask
        while fresh[i] != 0 { i = (i + 1) & mask }
        fresh[i] = old[j]
      }
      Glibc.free(old)
    }
    slots = fresh
    size = newSize
  }
}

/// Hash of an id's bytes for `IDSet`: eight bytes per step, each folded in with a
/// multiply and xor-shift (SplitMix64's constants, Steele et al. 2014), then MurmurHash3's
/// `fmix64`. Byte-at-a-time FNV-1a cost ~18 dependent multiplies per USCC.
@inline(__always)
func idHash(_ p: UnsafePointer<UInt8>?, _ n: Int) -> UInt64 {
  var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
  guard let p else { return h }
  let raw = UnsafeRawPointer(p)
  var i = 0
  while i + 8 <= n {
    h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
    h ^= h >> 31
    i += 8
  }
  var tail: UInt64 = 0
  var shift: UInt64 = 0
  while i < n {
    tail |= UInt64(p[i]) << shift
    shift += 8
    i += 1
  }
  h = (h ^ tail) &* 0x94d0_49bb_1331_11eb
  h ^= h >> 33
  h = h &* 0xff51_afd7_ed55_8ccd
  h ^= h >> 33
  h = h &* 0xc4ce_b9fe_1a85_ec53
  h ^= h >> 33
  return h
}

#if canImport(Glibc)
  import Glibc
#endif
