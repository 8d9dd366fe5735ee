import CLinux
import Glibc

/// Gives the whole pages inside `bytes` back to the kernel (`madvise(MADV_DONTNEED)`),
/// for a buffer about to be freed.
///
/// Why: a part's columns are allocated by a worker thread, in that thread's malloc arena,
/// and freed after being appended; malloc keeps freed arena memory resident, so without
/// this the copies would count twice in the peak RSS. Only pages wholly inside the buffer
/// are released (never malloc's own chunk headers); touching them again would just read
/// zeros, and the buffer is not read again anyway. The corresponding C function is `madvise`.
func releasePages(_ bytes: UnsafeRawBufferPointer) {
  guard let (p, n) = wholePages(bytes) else { return }
  _ = madvise(p, n, Int32(MADV_DONTNEED))
}

/// Elements per slice when a part's buffer is appended a slice at a time (1 MiB).
@inline(__always)
func sliceLength<T>(_: T.Type) -> Int { max(1, (1 << 20) / max(1, MemoryLayout<T>.stride)) }

extension Array {
  /// Appends `source`'s elements transformed by `map` (nil: copied as they are, with
  /// `memcpy`), 1 MiB at a time, releasing the pages of each slice once copied, then
  /// empties `source`: the merge never holds a second copy of a whole column (peak RSS).
  /// The destination's pages are faulted in with one `madvise(MADV_POPULATE_WRITE)` per
  /// slice (about half the cost of a fault per page, measured: 29 vs 61 ms per 100 MiB).
  mutating func appendReleasing(_ source: inout [Element], _ map: ((Element) -> Element)? = nil) {
    reserveCapacity(count + source.count)
    source.withUnsafeBufferPointer { src in
      let step = sliceLength(Element.self)
      var i = 0
      while i < src.count {
        let j = Swift.min(src.count, i + step)
        let slice = UnsafeBufferPointer(rebasing: src[i..<j])
        populateTail(slice.count)
        if let map { append(contentsOf: slice.lazy.map(map)) } else { append(contentsOf: slice) }
        releasePages(UnsafeRawBufferPointer(slice))
        i = j
      }
    }
    source = []
  }

  /// Faults in the pages of the next `n` elements past `count` (within the capacity).
  private func populateTail(_ n: Int) {
    guard count + n <= capacity, let base = withUnsafeBufferPointer({ $0.baseAddress }) else { return }
    populatePages(UnsafeRawBufferPointer(start: base + count, count: n * MemoryLayout<Element>.stride))
  }
}

/// Faults in the whole pages inside `bytes` for writing, in one call
/// (`madvise(MADV_POPULATE_WRITE)`, Linux 5.14; ignored where it is not supported).
func populatePages(_ bytes: UnsafeRawBufferPointer) {
  guard let (p, n) = wholePages(bytes) else { return }
  _ = exemplar_populate_write(p, n)
}

/// The whole pages inside `bytes` (none of a partial page at either end), or nil when there are none.
private func wholePages(_ bytes: UnsafeRawBufferPointer) -> (UnsafeMutableRawPointer, Int)? {
  guard let base = bytes.baseAddress else { return nil }
  let page = Int(sysconf(Int32(_SC_PAGESIZE)))
  guard page > 0 else { return nil }
  let start = (Int(bitPattern: base) + page - 1) / page * page
  let end = (Int(bitPattern: base) + bytes.count) / page * page
  guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return nil }
  return (p, end - start)
}
