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
    abstract: Exit.text(
      Message(
        zh: "说明一家企业的得分、排名、星级和各推荐项目结果从何而来。",
        en: "Why an enterprise has its score, rank, stars and programme decisions.")),
    discussion: Exit.text(
      Message(
        zh: "逐项指标列出：原始值 → 标准化值 → 权重 → 得分贡献；然后是排名、星级、距下一星级的差距，以及各推荐项目的结果及其理由和奖励。加 --screen、--reviews 和 --decisions 时，还说明企业被筛除的原因、评审专家及不计入的评分，并对每个推荐项目列出计算结果与最终决定，以及由谁、于何时、因何作出决定。",
        en: """
          Per criterion: raw value → normalised value → weight → contribution; then rank, stars, \
          what stands between it and the next star, and each programme's decision with its \
          reason and reward. With --screen, --reviews and --decisions: why it was screened out, \
          its reviewers and dropped scores, and for each programme what the computation gave \
          beside the final decision, with who decided, when and why.
          """)))

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions

  @Option(
    help: .text(
      zh: "企业：统一社会信用代码（不区分大小写，忽略空格）、完整名称，或仅该企业名称中含有的一段文字。",
      en: "The enterprise: its id (unified social credit code; case and spaces ignored), its exact name, or a part of the name only it has."))
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
