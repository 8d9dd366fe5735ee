import Model

/// Realistic synthetic metrics of a county-level city's SME digital-transformation
/// programme: one row per enterprise, the columns of `criteria/2022.toml`.
///
/// Deterministic: row `i` depends only on `(seed, year, i)`, so the same seed gives the
/// same bytes, and the first N rows of a longer file equal an N-row file. The statistical
/// model is documented on `EnterpriseModel` and in `samples/README.md`.
///
/// ```swift
/// let csv = try MetricsGenerator(seed: 2022).csvBytes(rows: 300)
/// ```
public struct MetricsGenerator: Sendable {
  /// Largest row count: USCCs stay unique up to 28.6 million rows (see `USCCMaker`).
  public static let maxRows = 20_000_000

  /// Every column written, in file order: seven identity columns, then the metrics.
  public static let columns: [SyntheticColumn] =
    [
      SyntheticColumn("uscc", "统一社会信用代码", .uscc),
      SyntheticColumn("name", "企业名称", .text),
      SyntheticColumn("district", "所属区域", .category),
      SyntheticColumn("industry", "所属行业", .category),
      SyntheticColumn("above_scale", "是否规上企业", .bool),
      SyntheticColumn("honour", "荣誉资质", .category),
      SyntheticColumn("pilot_industry", "是否试点行业企业", .bool),
    ] + Metric.allCases.map(\.column)

  /// Every column as a `ColumnSpec`, ready for the ingest stage without a criteria file.
  public static var columnSpecs: [ColumnSpec] { columns.map(\.columnSpec) }

  /// Allowed values of the category columns, by key.
  public static let categoryValues: [String: [String]] = [
    "district": Vocabulary.districts.names,
    "industry": Vocabulary.industries.names,
    "honour": ["无", "专精特新", "专精特新小巨人", "隐形冠军", "单项冠军"],
  ]

  /// The industries whose enterprises may carry the pilot flag (the 2022 pilots).
  public static let pilotIndustries: [String] = Vocabulary.pilotIndustries.sorted().map {
    Vocabulary.industries.names[$0]
  }

  public let seed: UInt64
  public let year: Int
  private let model: EnterpriseModel

  /// - Parameters:
  ///   - seed: any value; the same seed gives the same file.
  ///   - year: the selection year; each year after 2022 raises mean digital maturity by 0.1 sd.
  public init(seed: UInt64, year: Int = 2022) {
    self.seed = seed
    self.year = year
    model = EnterpriseModel(seed: seed, year: year)
  }

  /// The header line (with LF), without BOM.
  public var headerBytes: [UInt8] {
    var line = CSVLineBuffer(capacity: 1024)
    for (k, c) in Self.columns.enumerated() {
      if k > 0 { line.append(UInt8(ascii: ",")) }
      line.append(field: Array(c.header.utf8))
    }
    line.append(10)
    return line.bytes
  }

  /// Streams the CSV (optional UTF-8 BOM, header, `rows` lines, LF endings) to `sink`
  /// in chunks of about `chunkSize` bytes. The buffer passed to `sink` is valid only
  /// during the call.
  /// - Complexity: O(rows); memory O(chunkSize).
  public func write(
    rows: Int, bom: Bool = true, chunkSize: Int = 1 << 20,
    to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    guard rows >= 1, rows <= Self.maxRows else { throw SyntheticError.rowCount(rows) }
    var line = CSVLineBuffer(capacity: chunkSize + 4096)
    if bom { line.append([0xEF, 0xBB, 0xBF]) }
    line.append(headerBytes)
    var raw = RawEnterprise()
    var scratch: [UInt8] = []
    scratch.reserveCapacity(128)
    for row in 0..<rows {
      model.draw(row: row, into: &raw)
      raw.appendLine(to: &line, scratch: &scratch)
      if line.count >= chunkSize {
        try line.bytes.withUnsafeBufferPointer(sink)
        line.removeAll()
      }
    }
    if line.count > 0 { try line.bytes.withUnsafeBufferPointer(sink) }
  }

  /// The whole CSV in memory (for tests and small samples).
  public func csvBytes(rows: Int, bom: Bool = true) throws -> [UInt8] {
    var out: [UInt8] = []
    try write(rows: rows, bom: bom) { out.append(contentsOf: $0) }
    return out
  }

  /// Enterprise `row` as typed values (the same values the CSV line of that row holds).
  public func enterprise(at row: Int) -> SyntheticEnterprise {
    var raw = RawEnterprise()
    model.draw(row: row, into: &raw)
    return SyntheticEnterprise(raw)
  }

  /// The first `count` enterprises, as typed values.
  public func enterprises(_ count: Int) -> [SyntheticEnterprise] {
    (0..<max(0, count)).map { enterprise(at: $0) }
  }
}
