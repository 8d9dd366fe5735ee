import Model

extension Builders {
  /// Appends every value of `other`'s builders (same plan: the same slots) after this run's,
  /// as if they had been read here, and frees them in `other` one column at a time, so
  /// the extra memory at any moment is about one column's part (peak RSS).
  ///
  /// Category codes are renumbered: `other`'s levels, in its order of first appearance,
  /// are looked up here and added when new, so the levels end up in the order of first
  /// appearance in the whole input, as a sequential read gives.
  func append(_ other: borrowing Builders, plan: UnsafePointer<FieldKind>, count: Int, threads: Int = 1) {
    let groups = other.share(plan: plan, count: count, threads: threads)
    withUnsafePointer(to: self) { into in
      withUnsafePointer(to: other) { from in
        let job = AppendJob(into: into, from: from, plan: plan, groups: groups)
        runConcurrently(groups.count) { g in job.run(g) }
      }
    }
  }

  /// The fields read into a column, shared out over `threads` groups of about the same
  /// bytes: columns are independent, so they are spread over the threads, largest first,
  /// each to the least loaded thread (copies are bound by page faults and memory bandwidth).
  func share(plan: UnsafePointer<FieldKind>, count: Int, threads: Int) -> [[Int]] {
    var load = [Int](repeating: 0, count: max(1, threads))
    var groups = [[Int]](repeating: [], count: max(1, threads))
    let fields = (0..<count).map { ($0, bytes(plan[$0])) }.sorted { $0.1 > $1.1 }
    for (f, size) in fields where plan[f].code != .ignore {
      let g = load.indices.min { load[$0] < load[$1] } ?? 0
      groups[g].append(f)
      load[g] += size
    }
    return groups
  }

  /// Moves every column out (`take`): element `f` is the column read by field `f`, nil
  /// for an ignored field. With `threads` > 1 the columns are taken on that many threads
  /// (building the missing masks and moving category codes touch fresh pages). Each
  /// thread first moves the columns that are copied (categories, bools: a slice of the
  /// old buffer is held while it is copied), then builds the numeric masks, so the copies
  /// happen before the masks add up (peak RSS).
  func takeAll(plan: UnsafePointer<FieldKind>, count: Int, threads: Int) -> [Column?] {
    let slots = UnsafeMutablePointer<Column?>.allocate(capacity: max(1, count))
    slots.initialize(repeating: nil, count: count)
    defer {
      slots.deinitialize(count: count)
      slots.deallocate()
    }
    let copied = { (f: Int) in plan[f].code == .category || plan[f].code == .bool }
    let groups = share(plan: plan, count: count, threads: threads).map { g in g.filter(copied) + g.filter { !copied($0) } }
    let noMissing = [Bool](repeating: false, count: numericRows)
    withUnsafePointer(to: self) { from in
      let job = TakeJob(from: from, plan: plan, groups: groups, slots: slots, noMissing: noMissing)
      runConcurrently(groups.count) { g in job.run(g) }
    }
    return Array(UnsafeBufferPointer(start: slots, count: count))
  }

  /// Appends the column read by field `f` of `other` (see `append`).
  func appendColumn(_ other: borrowing Builders, _ kind: FieldKind) {
    let s = kind.slot
    switch kind.code {
    case .ignore: break
    case .number, .integer: appendNumeric(other.numeric + s, into: numeric + s)
    case .text, .uscc: appendText(other.text + s, into: text + s)
    case .category: appendCategory(other.category + s, into: category + s)
    case .bool:
      bool[s].values.appendReleasing(&other.bool[s].values) { $0 }
      bool[s].missingCount += other.bool[s].missingCount
    }
  }

  /// Bytes held by the column read by `kind` (to share the appending out).
  func bytes(_ kind: FieldKind) -> Int {
    let s = kind.slot
    switch kind.code {
    case .ignore: return 0
    case .number, .integer: return numeric[s].count * 8
    case .text, .uscc: return text[s].bytes.count + text[s].ends.count * 4
    case .category: return category[s].codes.count * 4
    case .bool: return bool[s].values.count
    }
  }

  /// True when every text column still has `margin` bytes of room below
  /// `TextBuilder.byteLimit` after `other`'s bytes are appended.
  func textFits(adding other: borrowing Builders, plan: UnsafePointer<FieldKind>, count: Int, margin: Int) -> Bool {
    for f in 0..<count where plan[f].code == .text || plan[f].code == .uscc {
      let s = plan[f].slot
      if text[s].bytes.count + other.text[s].bytes.count > TextBuilder.byteLimit - margin { return false }
    }
    return true
  }

  private func appendNumeric(_ o: UnsafeMutablePointer<NumericBuilder>, into b: UnsafeMutablePointer<NumericBuilder>) {
    b.pointee.appendReleasing(&o.pointee)
  }

  private func appendText(_ o: UnsafeMutablePointer<TextBuilder>, into b: UnsafeMutablePointer<TextBuilder>) {
    let rows = b.pointee.ends.count
    let shift = UInt32(truncatingIfNeeded: b.pointee.bytes.count)
    b.pointee.bytes.appendReleasing(&o.pointee.bytes)
    b.pointee.ends.appendReleasing(&o.pointee.ends) { $0 &+ shift }
    b.pointee.missingRows.appendReleasing(&o.pointee.missingRows) { $0 + rows }
  }

  private func appendCategory(_ o: UnsafeMutablePointer<CategoryBuilder>, into b: UnsafeMutablePointer<CategoryBuilder>) {
    var code: [Int32] = []
    for (c, level) in o.pointee.interner.levels.enumerated() {
      let bytes = o.pointee.interner.bytes(of: c)
      guard let p = bytes.baseAddress else {
        code.append(-1)  // not reached: an empty value is missing, never a level
        continue
      }
      let h = idHash(p, bytes.count)
      if let known = b.pointee.interner.find(p, bytes.count, hash: h) {
        code.append(known)
      } else {
        code.append(b.pointee.interner.add(p, bytes.count, hash: h, string: level))
      }
    }
    b.pointee.codes.appendReleasing(&o.pointee.codes) { $0 < 0 ? $0 : code[Int($0)] }
    b.pointee.missingCount += o.pointee.missingCount
  }
}

/// The columns each thread appends; every thread touches only its own columns' builders
/// (the two `Builders` are only read: the builders they own are written through them).
private struct AppendJob: @unchecked Sendable {
  let into: UnsafePointer<Builders>
  let from: UnsafePointer<Builders>
  let plan: UnsafePointer<FieldKind>
  let groups: [[Int]]

  func run(_ g: Int) {
    for f in groups[g] { into.pointee.appendColumn(from.pointee, plan[f]) }
  }
}

/// The columns each thread takes, into its own slots (one per field).
private struct TakeJob: @unchecked Sendable {
  let from: UnsafePointer<Builders>
  let plan: UnsafePointer<FieldKind>
  let groups: [[Int]]
  let slots: UnsafeMutablePointer<Column?>
  /// The one all-false mask the columns without a missing cell share.
  let noMissing: [Bool]

  func run(_ g: Int) {
    for f in groups[g] { slots[f] = from.pointee.take(plan[f], noMissing: noMissing) }
  }
}
