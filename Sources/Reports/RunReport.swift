import Criteria
import Foundation
import Model
import Scoring
import Selection

/// Writes every output of `exemplar run` into DIR, atomically (see `OutputFolder`).
///
/// Files: results.json, ranking.csv, shortlists/KEY.csv, recommendations.xlsx
/// (unless `options.excel` is false), report.html (unless `options.html` is false).
/// The time written everywhere (results.json `manifest.time`, the 说明 sheet, the page,
/// the workbook's creation date) is `options.now`; it replaces `manifest.time`.
/// Same inputs and options → byte-identical files; only that time differs between runs.
public struct RunReport: Sendable {
  public var spec: Spec
  public var evaluation: Evaluation
  public var decision: Decision
  /// The run's record; its time is replaced by `options.now` when the files are written.
  public var manifest: Manifest
  public var options: ReportOptions
  /// The re-review findings (复核, `ReReview`); written only when a programme declares
  /// `valid_years`.
  public var reReview: [ReReviewFinding] = []
  /// The table's facts the documents name (`DocumentFacts.gather`); nil: none (the documents
  /// then show no district, industry or raw value).
  public var documents: DocumentFacts?

  public init(
    spec: Spec, evaluation: Evaluation, decision: Decision, manifest: Manifest, options: ReportOptions,
    documents: DocumentFacts? = nil
  ) {
    self.spec = spec
    self.evaluation = evaluation
    self.decision = decision
    self.manifest = manifest
    self.options = options
    self.documents = documents
  }

  /// `inputs` are the run's input files, refused inside DIR (`OutputFolder`).
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming the path that failed;
  ///   DIR is then left as it was.
  public func write(to dir: String, inputs: [String] = []) throws(StageFailure) {
    var run = self
    run.manifest.time = options.now
    let model = ReportModel(run)
    try OutputFolder.write(to: dir, inputs: inputs) { folder in
      // The workbook (the slowest writer, mostly zip compression) is written on a second
      // thread while the others run; its bytes do not depend on the interleaving.
      let workbook = BackgroundJob()
      if options.excel {
        let path = folder.file("recommendations.xlsx")
        workbook.start { () throws(ReportError) in try XLSXReport.write(model, to: path) }
      }
      do {
        try ResultsJSON.write(model, to: folder.file("results.json"))
        switch options.layout {
        case .objects: break
        case .columnar: try RankingEntries.writeTable(model, to: folder.file(RankingEntries.tableFile))
        case .arrow: try RankingEntries.writeArrow(model, to: folder.file(RankingEntries.arrowFile))
        }
        // ranking.csv maps its table of cells (`FixedCodes`) after the writers above freed their
        // buffers: their pages go back first, so the peak is not both.
        Heap.releaseFree()
        try CSVReports.writeRanking(model, to: folder.file("ranking.csv"))
        try folder.makeFolder("shortlists")
        for p in decision.programmes.indices {
          let name = CSVReports.fileName(forProgramme: decision.programmes[p].key)
          try CSVReports.writeShortlist(model, programme: p, to: folder.file("shortlists/" + name))
        }
        if options.html { try HTMLReport.write(model, to: folder.file("report.html")) }
        if options.html { try PublicNotice.writeHTML(model, to: folder.file("public-notice.html")) }
        if options.html { try SummaryPages.write(model, to: folder.file("summary.html")) }
        if options.excel { try PublicNotice.writeXLSX(model, to: folder.file("public-notice.xlsx")) }
        if options.html, let browser = options.pdfBrowser {
          try PDFPrinter.print(
            [
              (folder.file("report.html"), folder.file("report.pdf")), (folder.file("public-notice.html"), folder.file("public-notice.pdf")),
              (folder.file("summary.html"), folder.file("summary.pdf")),
            ],
            browser: browser)
        }
      } catch {
        _ = workbook.wait()
        throw error
      }
      if let e = workbook.wait() { throw e }
    }
  }
}

/// Runs one writer on a background thread; `wait()` returns its error, if any.
/// The semaphore orders the worker's write of `error` before the waiter's read.
final class BackgroundJob: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var started = false
  private var error: ReportError?

  func start(_ body: @escaping @Sendable () throws(ReportError) -> Void) {
    started = true
    DispatchQueue.global(qos: .userInitiated).async {
      do throws(ReportError) { try body() } catch { self.error = error }
      self.done.signal()
    }
  }

  /// Blocks until the job has finished (returns at once when it was never started).
  func wait() -> ReportError? {
    guard started else { return nil }
    done.wait()
    started = false
    return error
  }
}
