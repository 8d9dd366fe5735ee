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

/// Values of a number or integer column as they are read.
struct NumericBuilder {
  var values: [Double] = []
  var missing: [Bool] = []

  mutating func reserve(_ n: Int) {
    values.reserveCapacity(n)
    missing.reserveCapacity(n)
  }

  mutating func removeLast() {
    values.removeLast()
    missing.removeLast()
  }
}

/// Values of a category column, interned as they are read.
struct CategoryBuilder {
  var codes: [Int32] = []
  var levels: [String] = []
  var index: [String: Int32] = [:]
  /// Allowed values, when the column restricts them.
  var allowed: Set<String>?
  var allowedList: [String] = []

  init(allowed: [String]?) {
    if let allowed {
      self.allowed = Set(allowed)
      allowedList = allowed
    }
  }

  mutating func intern(_ s: String) -> Int32 {
    if let code = index[s] { return code }
    let code = Int32(levels.count)
    levels.append(s)
    index[s] = code
    return code
  }
}

/// All builders of one run, by kind; `FieldKind.slot` indexes the array of its kind.
struct Builders {
  var numeric: [NumericBuilder] = []
  var text: [[String?]] = []
  var category: [CategoryBuilder] = []
  var bool: [[Bool?]] = []

  mutating func reserve(_ n: Int) {
    for i in numeric.indices { numeric[i].reserve(n) }
    for i in text.indices { text[i].reserveCapacity(n) }
    for i in category.indices { category[i].codes.reserveCapacity(n) }
    for i in bool.indices { bool[i].reserveCapacity(n) }
  }

  /// Appends a missing value to the column read by `kind`.
  mutating func appendMissing(_ kind: FieldKind) {
    switch kind.code {
    case .ignore: break
    case .number, .integer:
      numeric[kind.slot].values.append(0)
      numeric[kind.slot].missing.append(true)
    case .text, .uscc: text[kind.slot].append(nil)
    case .category: category[kind.slot].codes.append(-1)
    case .bool: bool[kind.slot].append(nil)
    }
  }

  /// Removes the last value of the column read by `kind` (undoes one append).
  mutating func removeLast(_ kind: FieldKind) {
    switch kind.code {
    case .ignore: break
    case .number, .integer: numeric[kind.slot].removeLast()
    case .text, .uscc: text[kind.slot].removeLast()
    case .category: category[kind.slot].codes.removeLast()
    case .bool: bool[kind.slot].removeLast()
    }
  }

  /// The finished column of `kind`.
  func column(_ kind: FieldKind) -> Column? {
    switch kind.code {
    case .ignore: return nil
    case .number, .integer:
      return .numeric(NumericColumn(values: numeric[kind.slot].values, missing: numeric[kind.slot].missing))
    case .text, .uscc: return .text(text[kind.slot])
    case .category:
      return .category(CategoryColumn(codes: category[kind.slot].codes, levels: category[kind.slot].levels))
    case .bool: return .bool(bool[kind.slot])
    }
  }
}
