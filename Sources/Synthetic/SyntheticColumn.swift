import Model

/// One column the generator writes: its key, canonical header, type and declared range.
///
/// The table ``MetricsGenerator/columns`` is the generator's own declaration of what it
/// writes; `criteria/2022.toml` declares the same keys, headers and ranges, and the tests
/// check every generated value against it.
public struct SyntheticColumn: Sendable, Hashable {
  /// How a cell is written: the criteria file's cell type (`number` with a fixed number
  /// of decimals, `bool` as `是` / `否`, `text` quoted when it holds a comma or a quote).
  public typealias Kind = CellType

  /// The key used in criteria files (`efficiency_gain_pct`).
  public let key: String
  /// Canonical Chinese header with the unit in brackets (`生产效率提升率(%)`).
  public let header: String
  public let kind: Kind
  /// Unit shown in reports, if any.
  public let unit: String?
  /// Inclusive bounds every written value satisfies (number and integer columns).
  public let range: ClosedRange<Double>?
  /// Decimals written for number columns (0 for integers).
  public let decimals: Int
  /// Expected share of empty cells (0 for columns that are never missing).
  public let missingRate: Double
  /// What criteria/2022.toml does with an empty cell (`reject` for always-filled columns).
  public let missingPolicy: MissingPolicy

  init(
    _ key: String, _ header: String, _ kind: Kind, unit: String? = nil, range: ClosedRange<Double>? = nil,
    decimals: Int = 0, missingRate: Double = 0, missingPolicy: MissingPolicy = .reject
  ) {
    self.key = key
    self.header = header
    self.kind = kind
    self.unit = unit
    self.range = range
    self.decimals = decimals
    self.missingRate = missingRate
    self.missingPolicy = missingPolicy
  }

  /// The column as the ingest stage declares it (header spellings: canonical, then the key).
  public var columnSpec: ColumnSpec {
    let type: CellType
    switch kind {
    case .uscc: type = .uscc
    case .text: type = .text
    case .category: type = .category
    case .bool: type = .bool
    case .number: type = .number
    case .integer: type = .integer
    }
    return ColumnSpec(
      key: key, headers: [header, key], type: type, range: range, missing: missingPolicy,
      allowedValues: MetricsGenerator.categoryValues[key], unit: unit)
  }
}
