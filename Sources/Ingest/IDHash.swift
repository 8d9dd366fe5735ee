/// Hash of an id's bytes (duplicate check, category interner): eight bytes per step, each folded in with a
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

