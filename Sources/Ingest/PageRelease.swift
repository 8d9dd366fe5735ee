#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Gives the whole pages inside `bytes` back to the kernel (`madvise(MADV_DONTNEED)`),
/// for a buffer about to be freed.
///
/// Why: a part's columns are allocated by a worker thread, in that thread's malloc arena,
/// and freed after being appended; malloc keeps freed arena memory resident, so without
/// this the copies would count twice in the peak RSS. Only pages wholly inside the buffer
/// are released (never malloc's own chunk headers); touching them again would just read
/// zeros, and the buffer is not read again anyway. The corresponding C function is `madvise`.
func releasePages(_ bytes: UnsafeRawBufferPointer) {
  guard let base = bytes.baseAddress else { return }
  let page = Int(sysconf(Int32(_SC_PAGESIZE)))
  guard page > 0 else { return }
  let start = (Int(bitPattern: base) + page - 1) / page * page
  let end = (Int(bitPattern: base) + bytes.count) / page * page
  guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
  _ = madvise(p, end - start, Int32(MADV_DONTNEED))
}

/// Elements per slice when a part's buffer is appended a slice at a time (1 MiB).
@inline(__always)
func sliceLength<T>(_: T.Type) -> Int { max(1, (1 << 20) / max(1, MemoryLayout<T>.stride)) }

extension Array {
  /// Appends `source`'s elements transformed by `map`, 1 MiB at a time, releasing the
  /// pages of each slice once copied, then empties `source`: the merge never holds a
  /// second copy of a whole column (peak RSS).
  mutating func appendReleasing<S>(_ source: inout [S], _ map: (S) -> Element) {
    reserveCapacity(count + source.count)
    source.withUnsafeBufferPointer { src in
      let step = sliceLength(S.self)
      var i = 0
      while i < src.count {
        let j = Swift.min(src.count, i + step)
        let slice = UnsafeBufferPointer(rebasing: src[i..<j])
        append(contentsOf: slice.lazy.map(map))
        releasePages(UnsafeRawBufferPointer(slice))
        i = j
      }
    }
    source = []
  }
}

extension GrowBuffer {
  /// Appends `source`'s elements transformed by `map`, 1 MiB at a time, releasing the
  /// pages of each slice once copied, then frees `source` (see `Array.appendReleasing`).
  mutating func appendReleasing<S>(_ source: inout GrowBuffer<S>, _ map: (S) -> Element) {
    reserve(count + source.count)
    if let src = source.base {
      let step = sliceLength(S.self)
      var i = 0
      while i < source.count {
        let j = Swift.min(source.count, i + step)
        for k in i..<j { append(map(src[k])) }
        releasePages(UnsafeRawBufferPointer(UnsafeBufferPointer(start: src + i, count: j - i)))
        i = j
      }
    }
    source.free()
  }
}
