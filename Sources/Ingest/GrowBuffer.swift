/// A growable buffer with no ARC or uniqueness checks on append, for the hot path.
///
/// Column builders append millions of values from the libcsv callback; a Swift
/// `Array` nested in a struct behind a pointer pays a uniqueness check per append.
/// It owns its memory: `~Copyable`, so no copy can free it a second time, and `deinit`
/// frees whatever `take()` or `removeAll()` has not. Indexes are checked in debug builds.
struct GrowBuffer<Element>: ~Copyable {
  private(set) var base: UnsafeMutablePointer<Element>?
  private(set) var count = 0
  private(set) var capacity = 0

  init() {}

  deinit {
    guard let base else { return }
    base.deinitialize(count: count)
    base.deallocate()
  }

  @inline(__always)
  mutating func append(_ x: consuming Element) {
    if count == capacity { grow(to: max(64, capacity * 2)) }
    guard let base else { return }
    (base + count).initialize(to: x)
    count += 1
  }

  mutating func removeLast() {
    assert(count > 0, "removeLast on an empty GrowBuffer")
    guard let base, count > 0 else { return }
    count -= 1
    (base + count).deinitialize(count: 1)
  }

  mutating func reserve(_ n: Int) {
    if n > capacity { grow(to: n) }
  }

  @inline(__always)
  subscript(i: Int) -> Element {
    assert(i >= 0 && i < count, "GrowBuffer index \(i) out of 0..<\(count)")
    // Callers index below `count`, where `base` is never nil.
    return base.unsafelyUnwrapped[i]
  }

  private mutating func grow(to n: Int) {
    let fresh = UnsafeMutablePointer<Element>.allocate(capacity: n)
    if let base {
      fresh.moveInitialize(from: base, count: count)
      base.deallocate()
    }
    base = fresh
    capacity = n
  }

  /// Moves the values out into an array (exactly `count` elements) and frees the buffer,
  /// 1 MiB at a time, the destination's pages populated in one call per slice. (Giving the
  /// source's pages back slice by slice as well was measured and dropped: no change in
  /// the peak RSS, docs/ingest.md "Memory".)
  mutating func take() -> [Element] {
    guard let base else { return [] }
    let n = count
    let out = [Element](unsafeUninitializedCapacity: n) { buf, initialized in
      if let dst = buf.baseAddress {
        let step = sliceLength(Element.self)
        var i = 0
        while i < n {
          let j = Swift.min(n, i + step)
          populatePages(UnsafeRawBufferPointer(start: dst + i, count: (j - i) * MemoryLayout<Element>.stride))
          (dst + i).moveInitialize(from: base + i, count: j - i)
          i = j
        }
      }
      initialized = n
    }
    base.deallocate()
    self.base = nil
    count = 0
    capacity = 0
    return out
  }

  /// Empties the buffer and frees its memory now (rather than at the end of its owner).
  mutating func removeAll() {
    guard let base else { return }
    base.deinitialize(count: count)
    base.deallocate()
    self.base = nil
    count = 0
    capacity = 0
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
        if let base {
          let dst = base + count
          populatePages(UnsafeRawBufferPointer(start: dst, count: (j - i) * MemoryLayout<Element>.stride))
          for k in i..<j { (dst + (k - i)).initialize(to: map(src[k])) }
          count += j - i
        }
        releasePages(UnsafeRawBufferPointer(UnsafeBufferPointer(start: src + i, count: j - i)))
        i = j
      }
    }
    source.removeAll()
  }
}
