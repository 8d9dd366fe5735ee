/// The ingested metrics: columnar, typed, valid by construction.
///
/// Numeric (`number`, `integer`) columns are one contiguous `[Double]` with a
/// parallel missing mask; categories are interned; the id column holds canonical
/// USCCs. Row `i` of every column is the enterprise on physical line `lines[i]`.
public struct Table: Sendable {
  /// The metrics file as the user named it (used in messages).
  public var source: String
  /// Number of data rows.
  public var rowCount: Int
  /// Physical 1-based line on which each row starts.
  public var lines: [Int]
  /// Columns by key (only declared columns that were found in the header).
  public var columns: [String: Column]
  /// Header spelling found in the file for each column key.
  public var headerFound: [String: String]

  public init(
    source: String, rowCount: Int, lines: [Int], columns: [String: Column],
    headerFound: [String: String] = [:]
  ) {
    self.source = source
    self.rowCount = rowCount
    self.lines = lines
    self.columns = columns
    self.headerFound = headerFound
  }

  public subscript(key: String) -> Column? { columns[key] }

  /// The numeric values of a number/integer column, or nil when the column is absent or not numeric.
  public func numbers(_ key: String) -> NumericColumn? {
    if case .numeric(let c)? = columns[key] { return c }
    return nil
  }

  /// Display string of a cell (for ids, labels, reports); "" when missing.
  public func string(_ key: String, row: Int) -> String {
    guard let c = columns[key] else { return "" }
    return c.string(at: row)
  }
}

/// A typed column.
public enum Column: Sendable {
  case numeric(NumericColumn)
  /// Text and USCC columns, packed (`TextColumn`: element `String?`, nil = missing).
  case text(TextColumn)
  case category(CategoryColumn)
  /// nil = missing.
  case bool([Bool?])

  public var count: Int {
    switch self {
    case .numeric(let c): return c.values.count
    case .text(let v): return v.count
    case .category(let c): return c.codes.count
    case .bool(let v): return v.count
    }
  }

  public func isMissing(_ row: Int) -> Bool {
    switch self {
    case .numeric(let c): return c.missing[row]
    case .text(let v): return v.isMissing(row)
    case .category(let c): return c.codes[row] < 0
    case .bool(let v): return v[row] == nil
    }
  }

  /// Display string of a cell; "" when missing. Numbers print in shortest round-trip form.
  public func string(at row: Int) -> String {
    switch self {
    case .numeric(let c): return c.missing[row] ? "" : formatNumber(c.values[row])
    case .text(let v): return v[row] ?? ""
    case .category(let c): return c.codes[row] < 0 ? "" : c.levels[Int(c.codes[row])]
    case .bool(let v): return v[row].map { $0 ? "true" : "false" } ?? ""
    }
  }
}

/// A number or integer column: values plus a missing mask (a missing value is stored as 0).
public struct NumericColumn: Sendable {
  public var values: [Double]
  public var missing: [Bool]
  public init(values: [Double], missing: [Bool]) {
    precondition(values.count == missing.count)
    self.values = values
    self.missing = missing
  }
  public var missingCount: Int { missing.reduce(0) { $0 + ($1 ? 1 : 0) } }
}

/// An interned category column: `codes[i]` indexes `levels`; -1 = missing.
public struct CategoryColumn: Sendable {
  public var codes: [Int32]
  public var levels: [String]
  public init(codes: [Int32], levels: [String]) {
    self.codes = codes
    self.levels = levels
  }
  public func value(at row: Int) -> String? { codes[row] < 0 ? nil : levels[Int(codes[row])] }
}
