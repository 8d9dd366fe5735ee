/// Copies `count` bytes from `source` to `target` (not overlapping). Runs of up to 64 bytes
/// (ids, names, keys, literals: most pieces the writers append) are copied inline by at most
/// eight unaligned 8-byte loads and stores from both ends, which may overlap in the middle;
/// longer runs by `memmove`. A call into libc's `memmove` per short piece cost more than the
/// copy (11% of `run`'s samples at 1M rows before this, issue #18).
@inline(__always)
func copyBytes(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count n: Int) {
  if n >= 8 {
    if n <= 16 {
      let a = source.loadUnaligned(as: UInt64.self)
      let b = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      target.storeBytes(of: a, as: UInt64.self)
      target.storeBytes(of: b, toByteOffset: n &- 8, as: UInt64.self)
    } else if n <= 32 {
      let a0 = source.loadUnaligned(as: UInt64.self)
      let a1 = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      let b0 = source.loadUnaligned(fromByteOffset: n &- 16, as: UInt64.self)
      let b1 = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      target.storeBytes(of: a0, as: UInt64.self)
      target.storeBytes(of: a1, toByteOffset: 8, as: UInt64.self)
      target.storeBytes(of: b0, toByteOffset: n &- 16, as: UInt64.self)
      target.storeBytes(of: b1, toByteOffset: n &- 8, as: UInt64.self)
    } else if n <= 64 {
      let a0 = source.loadUnaligned(as: UInt64.self)
      let a1 = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      let a2 = source.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
      let a3 = source.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
      let b0 = source.loadUnaligned(fromByteOffset: n &- 32, as: UInt64.self)
      let b1 = source.loadUnaligned(fromByteOffset: n &- 24, as: UInt64.self)
      let b2 = source.loadUnaligned(fromByteOffset: n &- 16, as: UInt64.self)
      let b3 = source.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      target.storeBytes(of: a0, as: UInt64.self)
      target.storeBytes(of: a1, toByteOffset: 8, as: UInt64.self)
      target.storeBytes(of: a2, toByteOffset: 16, as: UInt64.self)
      target.storeBytes(of: a3, toByteOffset: 24, as: UInt64.self)
      target.storeBytes(of: b0, toByteOffset: n &- 32, as: UInt64.self)
      target.storeBytes(of: b1, toByteOffset: n &- 24, as: UInt64.self)
      target.storeBytes(of: b2, toByteOffset: n &- 16, as: UInt64.self)
      target.storeBytes(of: b3, toByteOffset: n &- 8, as: UInt64.self)
    } else {
      target.copyMemory(from: source, byteCount: n)
    }
  } else if n >= 4 {
    let a = source.loadUnaligned(as: UInt32.self)
    let b = source.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
    target.storeBytes(of: a, as: UInt32.self)
    target.storeBytes(of: b, toByteOffset: n &- 4, as: UInt32.self)
  } else if n > 0 {
    let first = source.load(as: UInt8.self)
    let middle = source.load(fromByteOffset: n >> 1, as: UInt8.self)
    let last = source.load(fromByteOffset: n &- 1, as: UInt8.self)
    target.storeBytes(of: first, as: UInt8.self)
    target.storeBytes(of: middle, toByteOffset: n >> 1, as: UInt8.self)
    target.storeBytes(of: last, toByteOffset: n &- 1, as: UInt8.self)
  }
}
