import Model

extension Ingestor {
  /// The columns of a history file: `id,year,programme` (Chinese headers accepted too).
  public static let historyColumns: [ColumnSpec] = [
    ColumnSpec(key: "id", headers: ["id", "uscc", "统一社会信用代码", "企业代码"], type: .text),
    ColumnSpec(key: "year", headers: ["year", "年度", "年份"], type: .integer, range: 1900...9999),
    ColumnSpec(key: "programme", headers: ["programme", "program", "项目", "推荐项目"], type: .text),
  ]

  /// Reads a history file (`id,year,programme`, header required, UTF-8 with or without
  /// BOM, or `options.encoding`) for programme history rules.
  ///
  /// An id that is a valid unified social credit code is stored in canonical form
  /// (trimmed, upper-cased); any other id is stored trimmed. An id may repeat (one
  /// line per year and programme). Every cell is required.
  public static func readHistory(path: String, options: IngestOptions) -> Result<[HistoryEntry], StageFailure> {
    let result = read(path: path, columns: historyColumns, idColumn: "", options: options)
    return entries(from: result)
  }

  /// `readHistory` over bytes in memory (tests).
  public static func readHistory(bytes: [UInt8], name: String, options: IngestOptions) -> Result<[HistoryEntry], StageFailure> {
    entries(from: read(bytes: bytes, name: name, columns: historyColumns, idColumn: "", options: options))
  }

  static func entries(from result: IngestResult) -> Result<[HistoryEntry], StageFailure> {
    if let failure = result.failure { return .failure(failure) }
    guard let table = result.table, let years = table.numbers("year") else {
      return .failure(StageFailure(.data, diagnostics: result.log))
    }
    var out: [HistoryEntry] = []
    out.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      let raw = table.string("id", row: row).trimmingWhitespace()
      let id: String
      switch USCC.canonical(raw) {
      case .success(let c): id = c
      case .failure: id = raw
      }
      out.append(HistoryEntry(id: id, year: Int(years.values[row]), programme: table.string("programme", row: row).trimmingWhitespace(),
          line: table.lines[row]))
    }
    return .success(out)
  }
}
