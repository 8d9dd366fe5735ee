import ArgumentParser
import Criteria
import Ingest
import Model

extension InputEncoding: ExpressibleByArgument {
  /// `utf-8`, `gb18030`, and `gbk` (or `gb2312`, `cp936`) for GB18030, its superset.
  public init?(argument: String) { self.init(name: argument) }
}

/// The language of labels and messages (`Model.Language`: zh or en).
extension Language: ExpressibleByArgument {}

/// Encoding of CSV outputs.
enum OutputEncoding: String, ExpressibleByArgument, CaseIterable {
  case utf8 = "utf-8"
  case gb18030
}

/// The metrics file and criteria file every analysing command takes.
struct InputOptions: ParsableArguments {
  @Argument(help: .text(zh: "指标文件（CSV，每家企业一行）。", en: "The metrics CSV (one row per enterprise)."))
  var metrics: String

  @Option(help: .text(zh: "评价标准文件（TOML）。", en: "The criteria file (TOML)."))
  var criteria: String

  @Option(
    help: .text(
      zh: "指标文件的编码：utf-8（可带 BOM）或 gb18030（也可写作 gbk）。不指定时按 UTF-8 读取；文件不是 UTF-8 且没有 BOM 时按 GB18030 读取，并给出提示。",
      en: "Encoding of the metrics CSV: utf-8 (BOM optional) or gb18030 (also called gbk). Without it: UTF-8, or GB18030 (with a note) when the file is not UTF-8 and has no BOM."))
  var encoding: InputEncoding?

  @Option(help: .text(zh: "往年推荐记录：CSV 文件，列为 id,year,programme。", en: "Earlier recommendations, a CSV with columns id,year,programme."))
  var history: String?

  @Option(
    name: .customLong("set"),
    help: .text(
      zh: "仅在本次运行中修改评价标准文件的一个值，如 --set groups.efficiency.weight=0.30（可重复使用）。",
      en: "Change one value of the criteria file for this run, e.g. --set groups.efficiency.weight=0.30 (repeatable).",
      valueName: "KEY.PATH=VALUE"))
  var overrides: [String] = []

  @Option(
    name: .customLong("screen"),
    help: .text(
      zh: "一票否决名单（可重复使用）：CSV 文件，列为 id,reason[,source,date]；名单中的企业在评分前即被筛除。",
      en: "A screening list (repeatable): CSV id,reason[,source,date]; these enterprises are screened out before scoring."))
  var screen: [String] = []

  @Option(
    help: .text(
      zh: "专家评审评分：CSV 文件，列为 id,reviewer,score[,criterion]（按评价标准文件 [reviews] 表的规定汇总）。",
      en: "Expert review scores: CSV id,reviewer,score[,criterion] (aggregated as [reviews] says)."))
  var reviews: String?

  @Option(help: .text(zh: "评审专家回避声明：CSV 文件，列为 reviewer,id（回避的评分不计入）。", en: "Reviewer recusals: CSV reviewer,id (those scores are dropped)."))
  var recusals: String?

  @Option(
    help: .text(
      zh: "委员会决定：CSV 文件，列为 id,programme,action,reason,decided_by,date（action 为 veto 否决、withdraw 撤回或 add 增补；programme 可写 *，指所有推荐项目）。",
      en: "Committee decisions: CSV id,programme,action,reason,decided_by,date (action veto, withdraw or add; programme may be *)."))
  var decisions: String?

  @Option(
    help: .text(
      zh: "历年台账（SQLite）：往年终稿作为推荐历史；run 还把本次运行记入台账。",
      en: "The ledger of years (SQLite): history from the finals of earlier years; run records the run in it."))
  var ledger: String?

  /// Every input file with its role, in the manifest's order.
  var files: [(role: String, path: String)] {
    var out: [(role: String, path: String)] = [("metrics", metrics), ("criteria", criteria)]
    if let history { out.append(("history", history)) }
    for s in screen { out.append(("screen", s)) }
    if let reviews { out.append(("reviews", reviews)) }
    if let recusals { out.append(("recusals", recusals)) }
    if let decisions { out.append(("decisions", decisions)) }
    return out
  }

  func validate() throws {
    for text in overrides {
      do { _ = try Override.parse(text) } catch {
        throw UsageError.text(Message.joined(error.diagnostics.diagnostics.map(\.text), separator: Message(zh: "；", en: "; ")))
      }
    }
  }

  /// How the CSV inputs are read: the named encoding, or detection when none is named.
  var ingestOptions: IngestOptions {
    var options = IngestOptions(encoding: encoding ?? .utf8)
    options.detectEncoding = encoding == nil
    return options
  }

  /// The parsed `--set` changes (checked in `validate`).
  var parsedOverrides: [Override] { overrides.compactMap { try? Override.parse($0) } }

  /// Every input file of the command (refused inside an output folder the run would replace).
  var paths: [String] { files.map(\.path) }
}

/// Options for commands that print or write reports.
struct OutputOptions: ParsableArguments {
  @Flag(help: .text(zh: "在标准输出打印供程序读取的 JSON。", en: "Machine-readable JSON on stdout."))
  var json = false

  @Option(help: .text(zh: "报告标签及所有消息的语言：zh（中文）或 en（英文）。", en: "Language of labels in reports and of every message: zh (default) or en."))
  var lang: Language = .zh

}

/// `--output-encoding`, only on the commands that write CSV files (`run`, `sensitivity`).
struct CSVOutputOptions: ParsableArguments {
  @Option(
    name: .customLong("output-encoding"),
    help: .text(
      zh: "输出 CSV 文件的编码：utf-8（带 BOM）或 gb18030。",
      en: "Encoding of CSV outputs: utf-8 (default, with BOM) or gb18030."))
  var outputEncoding: OutputEncoding = .utf8
}
