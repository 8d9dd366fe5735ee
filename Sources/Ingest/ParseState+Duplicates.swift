import Model

extension ParseState {
  /// Records the row ending now for the duplicate-id check done at the end (`reportDuplicates`):
  /// the high 32 bits of its id hash (0 = no valid id), and where the log stands (only when it
  /// changed), so a duplicate found later is placed exactly where a check at this row would
  /// have put it.
  @inline(__always)
  mutating func noteID() {
    idHashes.append(rowIDHash.map(tagOf) ?? 0)
    let count = log.diagnostics.count
    if count != lastMarkCount {
      markRows.append(rowCount)
      markCounts.append(count)
      lastMarkCount = count
    }
  }

  /// Finds repeated ids and inserts their errors into the log where a check at the end of
  /// each row would have (same order, same cap); frees the hashes.
  ///
  /// A copy of the 32-bit hash tags is sorted (LSD radix sort, 4 passes of 8 bits, O(n));
  /// only if some tag repeats (at 1M rows a few dozen do by chance) are the rows with a
  /// repeated tag picked from the tags in row order, and their ids compared exactly.
  /// Sequential passes and 12 bytes per row at most, where a hash set cost a random probe
  /// per row (and hashing every id again to find those rows cost ~10 ms at 1M rows).
  mutating func reportDuplicates() {
    defer { freeDuplicateCheck() }
    let n = idHashes.count
    guard n > 1, let k = idField, let tags = idHashes.base else { return }
    let sorted = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
    sorted.initialize(from: tags, count: n)
    let repeated = repeatedTags(sorted, n)
    sorted.deallocate()
    guard !repeated.isEmpty else { return }
    let t = builders.text + plan[k].slot
    var firstRows: [UInt32: [Int]] = [:]
    var found: [(row: Int, first: Int)] = []
    for row in candidateRows(tags, n, repeated) {
      let h = t.pointee.bytes.withUnsafeBufferPointer { bytes in
        let s = t.pointee.start(row)
        return tagOf(idHash(bytes.baseAddress.map { $0 + s }, Int(t.pointee.ends[row]) - s))
      }
      if let first = firstRows[h]?.first(where: { t.pointee.same($0, row) }) {
        found.append((row, first))
      } else {
        firstRows[h, default: []].append(row)
      }
    }
    guard !found.isEmpty else { return }
    var merged = DiagnosticLog(cap: log.cap)
    var next = 0
    var mark = 0
    let stored = log.diagnostics
    for (row, first) in found {
      while mark + 1 < markRows.count && markRows[mark + 1] <= row { mark += 1 }
      let at = markCounts[mark]
      while next < at {
        merged.append(stored[next])
        next += 1
      }
      let error = IngestError.duplicateID(id: t.pointee.string(row), firstLine: lines[first])
      merged.append(Diagnostic(.error, file: file, line: lines[row], column: columnName(k), message: error.message))
    }
    while next < stored.count {
      merged.append(stored[next])
      next += 1
    }
    // Problems counted beyond the cap but not stored: counted again, still not stored
    // (the merged log is full of that severity by now).
    for _ in 0..<log.suppressedErrors { merged.append(Diagnostic(.error, file: file, line: 0, message: "")) }
    for _ in 0..<max(0, log.warningCount - log.cap) { merged.append(Diagnostic(.warning, file: file, line: 0, message: "")) }
    log = merged
  }

  /// The nonzero tags that occur more than once among `n` at `tags` (sorted in place).
  ///
  /// With `sortThreads` > 1 (parallel reads of large inputs) the two halves are sorted
  /// at the same time, then merged into the scratch buffer in one pass.
  private func repeatedTags(_ tags: UnsafeMutablePointer<UInt32>, _ n: Int) -> Set<UInt32> {
    let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
    defer { scratch.deallocate() }
    guard sortThreads > 1 && n >= 1 << 16 else {
      radixSort(tags, n, scratch: scratch)
      return repeated(in: tags, n)
    }
    let half = n / 2
    let job = SortJob(tags: tags, scratch: scratch, half: half, count: n)
    runConcurrently(2) { k in job.run(k) }
    // Merge the sorted halves into `scratch`.
    var (i, j, o) = (0, half, 0)
    while i < half && j < n {
      if tags[i] <= tags[j] {
        scratch[o] = tags[i]
        i += 1
      } else {
        scratch[o] = tags[j]
        j += 1
      }
      o += 1
    }
    while i < half {
      scratch[o] = tags[i]
      i += 1
      o += 1
    }
    while j < n {
      scratch[o] = tags[j]
      j += 1
      o += 1
    }
    return repeated(in: scratch, n)
  }

  /// The rows (ascending) whose id is present (tag ≠ 0) and whose tag is one of
  /// `repeated`, from the `n` tags in row order. A 65,536-bit filter of the repeated tags
  /// spares most rows the set lookup.
  private func candidateRows(_ tags: UnsafePointer<UInt32>, _ n: Int, _ repeated: Set<UInt32>) -> [Int] {
    var filter = [UInt64](repeating: 0, count: 1024)
    for r in repeated { filter[Int(r & 0xFFFF) >> 6] |= 1 << UInt64(r & 63) }
    var out: [Int] = []
    filter.withUnsafeBufferPointer { f in
      for row in 0..<n {
        let h = tags[row]
        guard h != 0, f[Int(h & 0xFFFF) >> 6] & (1 << UInt64(h & 63)) != 0, repeated.contains(h) else { continue }
        out.append(row)
      }
    }
    return out
  }

  /// The nonzero values that occur more than once among `n` sorted values at `a`.
  private func repeated(in a: UnsafePointer<UInt32>, _ n: Int) -> Set<UInt32> {
    var repeated = Set<UInt32>()
    var i = 1
    while i < n {
      if a[i] != 0 && a[i] == a[i - 1] { repeated.insert(a[i]) }
      i += 1
    }
    return repeated
  }

  /// Frees the duplicate-check buffers now (they are no longer needed).
  mutating func freeDuplicateCheck() {
    idHashes.removeAll()
    markRows.removeAll()
    markCounts.removeAll()
  }
}

/// Sorts `n` values at `a` in place: LSD radix sort, 4 passes of 8 bits, O(n), using
/// `scratch` (room for `n`); after the even number of passes the result is back in `a`.
func radixSort(_ a: UnsafeMutablePointer<UInt32>, _ n: Int, scratch: UnsafeMutablePointer<UInt32>) {
  var from = a
  var to = scratch
  var counts = [Int](repeating: 0, count: 256)
  for pass in 0..<4 {
    let shift = UInt32(8 * pass)
    for i in 0..<256 { counts[i] = 0 }
    for i in 0..<n { counts[Int(truncatingIfNeeded: from[i] >> shift) & 255] += 1 }
    var sum = 0
    for i in 0..<256 {
      let c = counts[i]
      counts[i] = sum
      sum += c
    }
    for i in 0..<n {
      let d = Int(truncatingIfNeeded: from[i] >> shift) & 255
      to[counts[d]] = from[i]
      counts[d] += 1
    }
    swap(&from, &to)
  }
}

/// The two halves of the duplicate-id tags, each sorted on its own thread.
private struct SortJob: @unchecked Sendable {
  let tags: UnsafeMutablePointer<UInt32>
  let scratch: UnsafeMutablePointer<UInt32>
  let half: Int
  let count: Int

  func run(_ k: Int) {
    let start = k == 0 ? 0 : half
    let n = k == 0 ? half : count - half
    radixSort(tags + start, n, scratch: scratch + start)
  }
}

/// The high 32 bits of an id hash, never 0 (0 marks a row without an id).
@inline(__always)
func tagOf(_ h: UInt64) -> UInt32 {
  let t = UInt32(truncatingIfNeeded: h >> 32)
  return t == 0 ? 1 : t
}
