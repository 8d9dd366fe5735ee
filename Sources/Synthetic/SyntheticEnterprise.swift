/// One generated enterprise with typed values: what its CSV line says.
public struct SyntheticEnterprise: Sendable, Hashable {
  public var uscc: String
  public var name: String
  public var district: String
  public var industry: String
  public var aboveScale: Bool
  public var honour: String
  public var pilotIndustry: Bool
  /// Metric values by column key; nil for an empty (missing) cell.
  public var metrics: [String: Double?]
  /// The cells exactly as written to the CSV (unquoted), in `MetricsGenerator.columns` order.
  public var cells: [String]

  /// The value of metric `key`; nil when the cell is empty or `key` is not a metric.
  public func value(_ key: String) -> Double? { metrics[key] ?? nil }

  init(_ raw: RawEnterprise) {
    uscc = String(decoding: raw.uscc, as: UTF8.self)
    var scratch: [UInt8] = []
    raw.nameBytes(into: &scratch)
    name = String(decoding: scratch, as: UTF8.self)
    district = Vocabulary.districts.names[raw.district]
    industry = Vocabulary.industries.names[raw.industry]
    aboveScale = raw.aboveScale
    honour = String(decoding: Vocabulary.honours[raw.honour], as: UTF8.self)
    pilotIndustry = raw.pilotIndustry
    var metrics: [String: Double?] = [:]
    var cells = [uscc, name, district, industry, aboveScale ? "是" : "否", honour, pilotIndustry ? "是" : "否"]
    for metric in Metric.allCases {
      let missing = raw.missing[metric.rawValue]
      metrics[metric.column.key] = missing ? Double?.none : raw.values[metric.rawValue]
      var line = CSVLineBuffer(capacity: 32)
      if !missing { line.append(number: raw.values[metric.rawValue], decimals: metric.column.decimals) }
      cells.append(String(decoding: line.bytes, as: UTF8.self))
    }
    self.metrics = metrics
    self.cells = cells
  }
}
