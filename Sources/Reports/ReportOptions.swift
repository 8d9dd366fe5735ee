import Foundation
import Model

/// How the outputs of a run are written.
public struct ReportOptions: Sendable {
  /// Encoding of the CSV outputs.
  public enum Encoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8 with a byte-order mark, so Excel recognises it.
    case utf8 = "utf-8"
    /// GB18030 (superset of GBK) without a byte-order mark, for older Chinese Excel setups.
    case gb18030
  }

  /// English labels and headers instead of Chinese (`--lang en`).
  public var english: Bool
  /// Encoding of ranking.csv and shortlists/*.csv (`--output-encoding`).
  public var outputEncoding: Encoding
  /// Write recommendations.xlsx.
  public var excel: Bool
  /// Write report.html.
  public var html: Bool
  /// At most this many rows per table in report.html (the rest is counted in a note).
  public var htmlTopRows: Int
  /// At most this many excluded enterprises per programme sheet of the workbook (the
  /// full lists are in shortlists/*.csv and results.json).
  public var excelExcludedRows: Int
  /// At most this many enterprises in the 星级 (stars) sheet's list with their gap to the next
  /// level; every enterprise's stars are on the 排名 (ranking) sheet, every gap in results.json.
  public var excelStarRows: Int
  /// The time of the run, written as the manifest time (results.json, 说明 sheet, page) and
  /// as the workbook's creation date; it replaces `Manifest.time` (injectable for tests).
  public var now: Date
  /// Exemplar version.
  public var version: String
  /// Seed of random steps, if any.
  public var seed: UInt64?
  /// Weight-stability intervals shown in report.html (empty: no section).
  public var stability: [WeightStabilityRow] = []
  /// The browser that prints report.pdf (and the 公示 page's PDF) beside the HTML
  /// (`PDFPrinter.browser()`); nil: no PDF.
  public var pdfBrowser: String?
  /// Where the per-enterprise values go (`run --layout`, docs/outputs.md).
  public var layout = RankingLayout.objects
  /// Id cells of ranking.csv and shortlists/*.csv as `="ID"`, which Excel keeps as text
  /// (`run --excel-text-ids`, for officials who open the CSVs in Excel); off by default, when
  /// the CSVs hold each id exactly. Recorded in results.json's manifest (`csv_ids`).
  public var excelTextIDs = false
  /// Warnings about money and policy (a reward above its policy ceiling …), located in the
  /// criteria file: written to results.json (`policy_warnings`) and shown in report.html
  /// and the workbook's method sheet, for the officials who read those.
  public var policyWarnings: [Diagnostic] = []

  public init(
    english: Bool = false, outputEncoding: Encoding = .utf8, excel: Bool = true, html: Bool = true,
    htmlTopRows: Int = 200, excelExcludedRows: Int = 1000, excelStarRows: Int = 10_000, now: Date = Date(),
    version: String, seed: UInt64? = nil
  ) {
    self.english = english
    self.outputEncoding = outputEncoding
    self.excel = excel
    self.html = html
    self.htmlTopRows = htmlTopRows
    self.excelExcludedRows = excelExcludedRows
    self.excelStarRows = excelStarRows
    self.now = now
    self.version = version
    self.seed = seed
  }
}

/// Where `run` writes the per-enterprise values of the ranking (`--layout`, docs/outputs.md).
public enum RankingLayout: String, Sendable, CaseIterable {
  /// results.json's `ranking`: one object per enterprise.
  case objects
  /// enterprises.csv, a table; results.json's `ranking` names it.
  case columnar
  /// enterprises.arrow, the same table as an Arrow IPC file; results.json's `ranking` names it.
  case arrow

  /// The table file, nil for `objects`.
  var tableFile: String? {
    switch self {
    case .objects: nil
    case .columnar: RankingEntries.tableFile
    case .arrow: RankingEntries.arrowFile
    }
  }
}
