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
struct NumericBuilder {
  var values = GrowBuffer<Double>()
  var missing = GrowBuffer<Bool>()
  var missingCount = 0
}

/// Values of a text or USCC column.
struct TextBuilder {
  var values = GrowBuffer<String?>()
  var missingCount = 0
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
      numeric[i].values.reserve(n)
      numeric[i].missing.reserve(n)
    }
    for i in 0..<counts.text { text[i].values.reserve(n) }
    for i in 0..<counts.category { category[i].codes.reserve(n) }
    for i in 0..<counts.bool { bool[i].values.reserve(n) }
  }

  /// Appends a missing value to the column read by `kind`.
  func appendMissing(_ kind: FieldKind) {
    switch kind.code {
    case .ignore: break
    case .number, .integer:
      numeric[kind.slot].values.append(0)
      numeric[kind.slot].missing.append(true)
      numeric[kind.slot].missingCount += 1
    case .text, .uscc:
      text[kind.slot].values.append(nil)
      text[kind.slot].missingCount += 1
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
      if numeric[s].missing[numeric[s].missing.count - 1] { numeric[s].missingCount -= 1 }
      numeric[s].values.removeLast()
      numeric[s].missing.removeLast()
    case .text, .uscc:
      if text[s].values[text[s].values.count - 1] == nil { text[s].missingCount -= 1 }
      text[s].values.removeLast()
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
      return .numeric(NumericColumn(values: numeric[s].values.take(), missing: numeric[s].missing.take()))
    case .text, .uscc: return .text(text[s].values.take())
    case .category: return .category(CategoryColumn(codes: category[s].codes.take(), levels: category[s].interner.levels))
    case .bool: return .bool(bool[s].values.take())
    }
  }

  /// Frees every builder (values not taken are released).
  mutating func free() {
    for i in 0..<counts.numeric {
      numeric[i].values.free()
      numeric[i].missing.free()
    }
    for i in 0..<counts.text { text[i].values.free() }
    for i in 0..<counts.category { category[i].codes.free() }
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
