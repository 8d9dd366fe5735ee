import Criteria
import Foundation
import Model
import Scoring
import Selection

/// Writes every output of `exemplar run` into DIR, atomically (see `OutputFolder`).
///
/// Files: results.json, ranking.csv, shortlists/KEY.csv, recommendations.xlsx
/// (unless `options.excel` is false), report.html (unless `options.html` is false).
/// Same inputs and options → byte-identical files; only the manifest time differs
/// between runs (it also fixes the workbook's creation date).
public enum RunReport {
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming the path that failed;
  ///   DIR is then left as it was.
  public static func write(
    to dir: String, table: Table, spec: Spec, evaluation: Evaluation, decision: Decision, manifest: Manifest,
    options: ReportOptions
  ) throws(StageFailure) {
    let model = ReportModel(
      table: table, spec: spec, evaluation: evaluation, decision: decision, manifest: manifest, options: options)
    try OutputFolder.write(to: dir) { folder in
      try ResultsJSON.write(model, to: folder.file("results.json"))
      try CSVReports.writeRanking(model, to: folder.file("ranking.csv"))
      try folder.makeFolder("shortlists")
      for p in decision.programmes.indices {
        let name = CSVReports.fileName(forProgramme: decision.programmes[p].key)
        try CSVReports.writeShortlist(model, programme: p, to: folder.file("shortlists/" + name))
      }
      if options.excel { try XLSXReport.write(model, to: folder.file("recommendations.xlsx")) }
      if options.html { try HTMLReport.write(model, to: folder.file("report.html")) }
    }
  }
}
