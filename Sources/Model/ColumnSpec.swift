/// The type of a CSV column, as declared in the criteria file's `[columns.*]`.
public enum CellType: String, Sendable, Hashable, Codable, CaseIterable {
  /// Unified social credit code: trimmed, upper-cased, GB 32100-2015 check character verified.
  case uscc
  case text
  /// A value from a small set (industry, district, honour); interned.
  case category
  /// `true/false`, `1/0`, `是/否`, `Y/N` (case-insensitive for the Latin forms).
  case bool
  /// Optional sign, digits, at most one `.`; no NaN, inf, thousands separators, decimal comma.
  case number
  /// Like number, without a fractional part.
  case integer
}

/// What to do with an empty cell.
public enum MissingPolicy: String, Sendable, Hashable, Codable, CaseIterable {
  /// An empty cell is an error (default).
  case reject
  /// Imputed with the worst present value of the column for the criterion's direction.
  case worst
  /// Imputed with the mean of the present values.
  case mean
  /// Imputed with the median of the present values.
  case median
  /// Imputed with zero.
  case zero
  /// The enterprise is left out of the ranking (reported as excluded, with the column named).
  case exclude
  /// Kept as missing (allowed only for columns no criterion uses, e.g. an optional note).
  case allow
}

/// One declared column: how to find it in the header and how to read its cells.
public struct ColumnSpec: Sendable, Hashable {
  /// The key used everywhere in criteria files and expressions (`efficiency_gain_pct`).
  public var key: String
  /// Accepted header spellings; the first is canonical (used in messages and outputs).
  public var headers: [String]
  public var type: CellType
  /// Inclusive bounds for number and integer columns.
  public var range: ClosedRange<Double>?
  public var missing: MissingPolicy
  /// A missing required column is an error; an optional one is simply absent from the table.
  public var required: Bool
  /// For category columns: the allowed values, if restricted.
  public var allowedValues: [String]?
  /// Free-form human label (Chinese), for reports.
  public var label: String?
  /// Unit shown in reports (`万元`, `%`).
  public var unit: String?
  /// Cell texts that mean "no data" in this column (`-`, `/`, `无`): read as empty cells.
  public var missingMarkers: [String] = []
  /// Number columns: thousands separators, full-width digits and a trailing `%` are
  /// accepted (one warning per column with the count) instead of refused.
  public var lenient = false

  public init(
    key: String, headers: [String], type: CellType, range: ClosedRange<Double>? = nil,
    missing: MissingPolicy = .reject, required: Bool = true, allowedValues: [String]? = nil,
    label: String? = nil, unit: String? = nil
  ) {
    self.key = key
    self.headers = headers
    self.type = type
    self.range = range
    self.missing = missing
    self.required = required
    self.allowedValues = allowedValues
    self.label = label
    self.unit = unit
  }

  /// The canonical header (first spelling), or the key when none is given.
  public var canonicalHeader: String { headers.first ?? key }
}
