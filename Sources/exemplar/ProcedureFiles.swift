import Criteria
import Ingest
import Model
import Procedure

/// The files of the procedure around the ranking (`--screen`, `--reviews`, `--recusals`,
/// `--decisions`), read and checked before anything is scored: every problem of every
/// file is reported at once (`FILE:LINE[:COLUMN]: message`, exit 65), so nothing is
/// half-applied and the output folder is untouched.
struct ProcedureFiles {
  var screening = Screening()
  var committee = Committee()
  var reviews: ReviewPanel?

  /// Reads and checks the files; adds the review column to `table`. With `digests`, each
  /// file is hashed from the bytes parsed (the manifest's SHA-256).
  static func prepare(_ input: InputOptions, spec: Spec, table: inout Table, digests: InputDigests? = nil) throws -> ProcedureFiles {
    var out = ProcedureFiles()
    let wanted = !input.screen.isEmpty || input.reviews != nil || input.recusals != nil || input.decisions != nil
    guard wanted || !spec.screening.isEmpty || spec.reviews != nil else { return out }
    let options = input.ingestOptions
    var errors = DiagnosticLog()
    var kind = StageFailure.Kind.data
    func collect<T>(_ r: Result<T, StageFailure>) -> T? {
      switch r {
      case .success(let v): return v
      case .failure(let f):
        if f.kind == .noInput { kind = .noInput }
        errors.append(contentsOf: f.diagnostics)
        return nil
      }
    }
    func reading(_ path: String) -> IngestOptions { digests?.hashing(path, options) ?? options }
    let lists = input.screen.compactMap { collect(Ingestor.readScreenList(path: $0, options: reading($0))) }.flatMap { $0 }
    let reviewEntries = input.reviews.flatMap { collect(Ingestor.readReviews(path: $0, options: reading($0))) }
    let recusals = input.recusals.flatMap { collect(Ingestor.readRecusals(path: $0, options: reading($0))) } ?? []
    let decisions = input.decisions.flatMap { collect(Ingestor.readDecisions(path: $0, options: reading($0))) } ?? []
    if errors.hasErrors { throw StageFailure(kind, diagnostics: errors) }

    // Only a procedure file names enterprises by id: without one (screening rules, a review
    // column no file fills) nothing is looked up, and indexing 1M ids took about a second.
    let ids = wanted ? IDIndex(table: table, idColumn: spec.evaluation.idColumn) : IDIndex()
    if let reviewEntries {
      if spec.reviews == nil {
        errors.append(
          Diagnostic(file: input.reviews ?? "", line: 0, message: Message(
            zh: "--reviews 需要 \(spec.source) 中有 [reviews] 表（说明评分如何汇总、成为哪一列）",
            en: "--reviews needs a [reviews] table in \(spec.source) (how the scores are aggregated and which column they become)")))
      } else if let r = collect(ReviewPanel.aggregate(reviewEntries, recusals: recusals, spec: spec, ids: ids, rowCount: table.rowCount)) {
        out.reviews = r.panel
        let column = spec.reviews!.column
        table.columns[column] = .numeric(r.column)
        table.headerFound[column] = spec.column(column)?.canonicalHeader ?? column
        Exit.report(r.warnings)
      }
    } else if let r = spec.reviews, spec.criteria.contains(where: { $0.column == r.column }) {
      errors.append(
        Diagnostic(file: spec.source, line: 0, message: Message(
          zh: "有指标读取评审列 \"\(r.column)\"：请用 --reviews FILE.csv 给出评审评分",
          en: "a criterion reads the review column \"\(r.column)\": give the review scores with --reviews FILE.csv")))
    }
    if let s = collect(Screener.screen(table, spec: spec, lists: lists, ids: ids)) { out.screening = s }
    if let c = collect(Committee.resolve(decisions, spec: spec, ids: ids, screening: out.screening)) { out.committee = c }
    if errors.hasErrors { throw StageFailure(kind, diagnostics: errors) }
    return out
  }
}
