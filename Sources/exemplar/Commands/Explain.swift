import ArgumentParser
import Criteria
import Model
import Procedure
import Reports
import Scoring
import Selection

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Why an enterprise has its score, rank, stars and programme decisions.",
    discussion: """
      Per criterion: raw value → normalised value → weight → contribution; then rank, stars, \
      what stands between it and the next star, and each programme's decision with its \
      reason and reward. With --screen, --reviews and --decisions: why it was screened out, \
      its reviewers and dropped scores, and for each programme what the computation gave \
      beside the final decision, with who decided, when and why.
      """)

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help:
      "The enterprise: its id (unified social credit code; case and spaces ignored), its exact name, or a part of the name only it has.")
  var id: String

  func run() throws {
    let a = try Pipeline(input: input).analyse()
    let row: Int
    switch EnterpriseLookup.find(id, in: a.evaluation) {
    case .success(let r): row = r
    case .failure(let f): throw StageFailure(.data, Diagnostic(file: input.metrics, line: 0, message: f.message))
    }
    let run = Explanation.Run(
      spec: a.spec, table: a.table, evaluation: a.evaluation, decision: a.decision, committee: a.committee, reviews: a.reviews)
    let e = Explanation(run, row: row, english: output.lang == .en)
    print(output.json ? e.json : Diagnostic.terminalSafeLines(e.text))
  }
}
