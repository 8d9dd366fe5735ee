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
/// built in `take`, after the id set is freed; columns with no missing cell share one
/// all-false mask (21 masks of 1 MB per 1M rows were 21 MB of the peak).
///
/// Values are first written to a small staging buffer and moved into the array
/// `stageSize` at a time: `Array.append` pays a uniqueness check (a runtime call) and
/// a capacity check per element, measured at ~4% of the ingest time when done per cell.
/// Read `values` only after `flush()`. (Faulting the array's pages in ahead of the values
/// with `madvise(MADV_POPULATE_WRITE)` was measured and dropped: no gain, docs/ingest.md.)
///
/// `~Copyable`: it owns the staging buffer, which `deinit` frees.
struct NumericBuilder: ~Copyable {
  private(set) var values: [Double] = []
  /// Rows whose value is missing, ascending.
  var missingRows = GrowBuffer<Int>()
  var missingCount: Int { missingRows.count }
  private let stage: UnsafeMutablePointer<Double>
  private var staged = 0
  static let stageSize = 64

  init() {
    stage = .allocate(capacity: Self.stageSize)
  }

  deinit { stage.deallocate() }

  /// Values appended so far (flushed or not).
  var count: Int { values.count + staged }

  @inline(__always)
  mutating func append(_ v: Double) {
    assert(staged < Self.stageSize)
    stage[staged] = v
    staged += 1
    if staged == Self.stageSize { flush() }
  }

  /// Moves the staged values into `values`.
  mutating func flush() {
    guard staged > 0 else { return }
    values.append(contentsOf: UnsafeBufferPointer(start: stage, count: staged))
    staged = 0
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
    other.flush()
    let shift = values.count
    values.appendReleasing(&other.values)
    missingRows.appendReleasing(&other.missingRows) { $0 + shift }
  }

  /// Moves the values out (the builder is left empty). A column with no missing cell
  /// shares `noMissing` (all false, one per table) as its mask instead of a mask of its own.
  mutating func take(noMissing: [Bool]) -> NumericColumn {
    flush()
    var mask = missingRows.count == 0 && noMissing.count == values.count ? noMissing : [Bool](repeating: false, count: values.count)
    for i in 0..<missingRows.count { mask[missingRows[i]] = true }
    missingRows.removeAll()
    let column = NumericColumn(values: values, missing: mask)
    values = []
    return column
  }

}

/// Values of a bool column.
struct BoolBuilder: ~Copyable {
  var values = GrowBuffer<Bool?>()
  var missingCount = 0
}

/// Values of a category column, interned by their bytes as they are read.
struct CategoryBuilder: ~Copyable {
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
/// the hot path); `FieldKind.slot` indexes the buffer of its kind. `~Copyable`: it owns
/// the builders, which `deinit` frees with whatever values they still hold.
struct Builders: ~Copyable {
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

  /// Rows in the numeric columns (0 without one).
  var numericRows: Int { counts.numeric > 0 ? numeric[0].count : 0 }

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

  /// True when `kind.slot` names a builder of its kind (checked by `assert` in debug builds).
  func holds(_ kind: FieldKind) -> Bool {
    switch kind.code {
    case .ignore: return true
    case .number, .integer: return kind.slot < counts.numeric
    case .text, .uscc: return kind.slot < counts.text
    case .category: return kind.slot < counts.category
    case .bool: return kind.slot < counts.bool
    }
  }

  /// Appends a missing value to the column read by `kind`.
  func appendMissing(_ kind: FieldKind) {
    assert(holds(kind))
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
    assert(holds(kind))
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
  func take(_ kind: FieldKind, noMissing: [Bool]) -> Column? {
    assert(holds(kind))
    let s = kind.slot
    switch kind.code {
    case .ignore: return nil
    case .number, .integer:
      return .numeric(numeric[s].take(noMissing: noMissing))
    case .text, .uscc: return .text(text[s].take())
    case .category: return .category(CategoryColumn(codes: category[s].codes.take(), levels: category[s].interner.levels))
    case .bool: return .bool(bool[s].values.take())
    }
  }

  deinit {
    numeric.deinitialize(count: counts.numeric)
    text.deinitialize(count: counts.text)
    category.deinitialize(count: counts.category)
    bool.deinitialize(count: counts.bool)
    numeric.deallocate()
    text.deallocate()
    category.deallocate()
    bool.deallocate()
  }
}
