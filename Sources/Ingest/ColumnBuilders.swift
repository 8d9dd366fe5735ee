import Model

/// How one field position of the file is read: which builder it feeds and how.
///
/// A trivial struct (no references) so the per-field dispatch costs no ARC traffic.
struct FieldKind {
  enum Code: UInt8 { case ignore, number, integer, text, uscc, category, bool }
  var code: Code = .ignore
  /// Index into the builder array of that kind.
  var slot: Int = 0
  /// The column's missing policy is `reject`.
  var reject = false
  /// This is the id column (duplicates and empty ids are errors).
  var isID = false
  var hasRange = false
  var lower = 0.0
  var upper = 0.0
}

/// Values of a number or integer column as they are read (a missing value is 0).
///
/// A plain array, reserved once from the file size, so `take` hands it over without a
/// copy; missing cells are kept as a sparse list of rows and the `[Bool]` mask is only
/// built in `take`, after the id set is freed (peak RSS: 21 masks of 1 MB per 1M rows).
///
/// Values are first written to a small staging buffer and moved into the array
/// `stageSize` at a time: `Array.append` pays a uniqueness check (a runtime call) and
/// a capacity check per element, measured at ~4% of the ingest time when done per cell.
/// Read `values` only after `flush()`.
///
/// The array's pages are faulted in ahead of the values, `aheadCount` values at a time,
/// with one `madvise(MADV_POPULATE_WRITE)` (about half the cost of a fault per page);
/// pages populated past the last value are given back (`releaseTail`) before the values
/// are handed over or appended elsewhere, so the peak RSS does not grow.
struct NumericBuilder {
  private(set) var values: [Double] = []
  /// Rows whose value is missing, ascending.
  var missingRows = GrowBuffer<Int>()
  var missingCount: Int { missingRows.count }
  private let stage: UnsafeMutablePointer<Double>
  private var staged = 0
  static let stageSize = 64
  /// Values (from the start of the array) whose pages are populated, and the capacity
  /// of the array they were populated in (a new array starts over).
  private var populated = 0
  private var populatedCapacity = 0
  /// Values populated per `madvise` call (256 KiB).
  static let aheadCount = 1 << 15

  init() {
    stage = .allocate(capacity: Self.stageSize)
  }

  /// Values appended so far (flushed or not).
  var count: Int { values.count + staged }

  @inline(__always)
  mutating func append(_ v: Double) {
    stage[staged] = v
    staged += 1
    if staged == Self.stageSize { flush() }
  }

  /// Moves the staged values into `values`.
  mutating func flush() {
    guard staged > 0 else { return }
    if values.count + staged > populated || values.capacity != populatedCapacity { populateAhead() }
    values.append(contentsOf: UnsafeBufferPointer(start: stage, count: staged))
    staged = 0
  }

  /// Faults in the pages of the next `aheadCount` values (within the capacity).
  private mutating func populateAhead() {
    let capacity = values.capacity
    if capacity != populatedCapacity {
      populatedCapacity = capacity
      populated = values.count
    }
    let upTo = min(capacity, max(populated, values.count) + Self.aheadCount)
    guard upTo > values.count + staged, let base = values.withUnsafeBufferPointer({ $0.baseAddress }) else { return }
    let from = max(populated, values.count)
    populatePages(UnsafeRawBufferPointer(start: base + from, count: (upTo - from) * MemoryLayout<Double>.stride))
    populated = upTo
  }

  /// Gives back the whole pages populated past the last value.
  mutating func releaseTail() {
    flush()
    guard populatedCapacity == values.capacity, populated > values.count,
      let base = values.withUnsafeBufferPointer({ $0.baseAddress })
    else { return }
    releasePages(UnsafeRawBufferPointer(start: base + values.count, count: (populated - values.count) * MemoryLayout<Double>.stride))
    populated = values.count
  }

  mutating func reserve(_ n: Int) { values.reserveCapacity(n) }

  mutating func appendMissing() {
    missingRows.append(count)
    append(0)
  }

  mutating func removeLast() {
    guard count > 0 else { return }
    if missingRows.count > 0 && missingRows[missingRows.count - 1] == count - 1 { missingRows.removeLast() }
    if staged > 0 { staged -= 1 } else { values.removeLast() }
  }

  /// Appends `other`'s values and missing rows after these and frees `other`'s
  /// (see `Array.appendReleasing`).
  mutating func appendReleasing(_ other: inout NumericBuilder) {
    flush()
    other.releaseTail()
    let shift = values.count
    values.appendReleasing(&other.values)
    missingRows.appendReleasing(&other.missingRows) { $0 + shift }
  }

  /// Moves the values out (the builder is left empty).
  mutating func take() -> NumericColumn {
    releaseTail()
    var mask = [Bool](repeating: false, count: values.count)
    for i in 0..<missingRows.count { mask[missingRows[i]] = true }
    missingRows.free()
    let column = NumericColumn(values: values, missing: mask)
    values = []
    return column
  }

  /// Frees the missing rows and the staging buffer (the values are released with the builder).
  mutating func free() {
    missingRows.free()
    stage.deallocate()
  }
}

/// Values of a bool column.
struct BoolBuilder {
  var values = GrowBuffer<Bool?>()
  var missingCount = 0
}

/// Values of a category column, interned by their bytes as they are read.
struct CategoryBuilder {
  var codes = GrowBuffer<Int32>()
  var interner = ByteInterner()
  var missingCount = 0
  /// Allowed values, when the column restricts them.
  var allowed: Set<String>?
  var allowedList: [String] = []

  init(allowed: [String]?) {
    if let allowed {
      self.allowed = Set(allowed)
      allowedList = allowed
    }
  }
}

/// All builders of one run, by kind, in fixed-size buffers (no uniqueness checks on
/// the hot path); `FieldKind.slot` indexes the buffer of its kind. Freed by `free()`.
struct Builders {
  private(set) var numeric: UnsafeMutablePointer<NumericBuilder>
  private(set) var text: UnsafeMutablePointer<TextBuilder>
  private(set) var category: UnsafeMutablePointer<CategoryBuilder>
  private(set) var bool: UnsafeMutablePointer<BoolBuilder>
  private var counts = (numeric: 0, text: 0, category: 0, bool: 0)

  /// Room for `columns` builders of each kind.
  init(columns: Int) {
    numeric = .allocate(capacity: max(1, columns))
    text = .allocate(capacity: max(1, columns))
    category = .allocate(capacity: max(1, columns))
    bool = .allocate(capacity: max(1, columns))
  }

  mutating func addNumeric() -> Int {
    (numeric + counts.numeric).initialize(to: NumericBuilder())
    counts.numeric += 1
    return counts.numeric - 1
  }

  mutating func addText() -> Int {
    (text + counts.text).initialize(to: TextBuilder())
    counts.text += 1
    return counts.text - 1
  }

  mutating func addCategory(allowed: [String]?) -> Int {
    (category + counts.category).initialize(to: CategoryBuilder(allowed: allowed))
    counts.category += 1
    return counts.category - 1
  }

  mutating func addBool() -> Int {
    (bool + counts.bool).initialize(to: BoolBuilder())
    counts.bool += 1
    return counts.bool - 1
  }

  func reserve(_ n: Int) {
    for i in 0..<counts.numeric {
      numeric[i].reserve(n)
    }
    for i in 0..<counts.text {
      // Bytes: the average value so far, times the rows expected, plus 5%.
      let seen = text[i].ends.count
      if seen > 0 { text[i].bytes.reserveCapacity(text[i].bytes.count / seen * n * 21 / 20) }
      text[i].ends.reserveCapacity(n)
    }
    for i in 0..<counts.category { category[i].codes.reserve(n) }
    for i in 0..<counts.bool { bool[i].values.reserve(n) }
  }

  /// Appends a missing value to the column read by `kind`.
  func appendMissing(_ kind: FieldKind) {
    switch kind.code {
    case .ignore: break
    case .number, .integer:
      numeric[kind.slot].appendMissing()
    case .text, .uscc:
      text[kind.slot].appendMissing()
    case .category:
      category[kind.slot].codes.append(-1)
      category[kind.slot].missingCount += 1
    case .bool:
      bool[kind.slot].values.append(nil)
      bool[kind.slot].missingCount += 1
    }
  }

  /// Removes the last value of the column read by `kind` (undoes one append).
  func removeLast(_ kind: FieldKind) {
    let s = kind.slot
    switch kind.code {
    case .ignore: break
    case .number, .integer:
      numeric[s].removeLast()
    case .text, .uscc:
      text[s].removeLast()
    case .category:
      if category[s].codes[category[s].codes.count - 1] < 0 { category[s].missingCount -= 1 }
      category[s].codes.removeLast()
    case .bool:
      if bool[s].values[bool[s].values.count - 1] == nil { bool[s].missingCount -= 1 }
      bool[s].values.removeLast()
    }
  }

  func missingCount(_ kind: FieldKind) -> Int {
    switch kind.code {
    case .ignore: return 0
    case .number, .integer: return numeric[kind.slot].missingCount
    case .text, .uscc: return text[kind.slot].missingCount
    case .category: return category[kind.slot].missingCount
    case .bool: return bool[kind.slot].missingCount
    }
  }

  /// Moves the finished column of `kind` out of its builder.
  func take(_ kind: FieldKind) -> Column? {
    let s = kind.slot
    switch kind.code {
    case .ignore: return nil
    case .number, .integer:
      return .numeric(numeric[s].take())
    case .text, .uscc: return .text(text[s].take())
    case .category: return .category(CategoryColumn(codes: category[s].codes.take(), levels: category[s].interner.levels))
    case .bool: return .bool(bool[s].values.take())
    }
  }

  /// Frees every builder (values not taken are released).
  mutating func free() {
    for i in 0..<counts.numeric { numeric[i].free() }
    for i in 0..<counts.text { text[i].free() }
    for i in 0..<counts.category {
      category[i].codes.free()
      category[i].interner.free()
    }
    for i in 0..<counts.bool { bool[i].values.free() }
    numeric.deinitialize(count: counts.numeric)
    text.deinitialize(count: counts.text)
    category.deinitialize(count: counts.category)
    bool.deinitialize(count: counts.bool)
    numeric.deallocate()
    text.deallocate()
    category.deallocate()
    bool.deallocate()
    counts = (0, 0, 0, 0)
  }
}
