import ArgumentParser
import Model
import Reports
import Synthetic

/// `exemplar generate --rows N --seed S --out FILE.csv`: realistic synthetic metrics.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: Exit.text(
      Message(
        zh: "生成逼真的模拟指标数据（每家企业一行），用于试运行和性能测试。",
        en: "Write realistic synthetic metrics (one row per enterprise) for trials and benchmarks.")),
    discussion: Exit.text(
      Message(
        zh: """
          文件的列与 criteria/2022.toml 一致：统一社会信用代码、名称、区县、行业、规模、荣誉、试点标志，以及由一个潜在的数字化成熟度因子决定的 21 项实施成效指标；四项可选指标中约有 1–2% 的单元格为空。

          编码：默认为带字节顺序标记（BOM）的 UTF-8，与中文版 Excel 保存的文件相同（因此在 Excel 中也能正确打开）；--no-bom 则不写 BOM。换行符为 LF。

          相同的 --seed（及 --year）总是生成逐字节相同的文件，且第 i 行与 --rows 无关。文件先写入同一文件夹中的临时文件，同步到磁盘后再改名（所有输出文件都如此），因此运行失败时不会留下任何文件。
          """,
        en: """
          The file has the columns of criteria/2022.toml: USCC, name, district, industry, size, \
          honour, pilot flag and 21 implementation-effect metrics driven by a latent digital-maturity \
          factor, with about 1–2% empty cells in four optional metrics.

          Encoding: UTF-8 with a byte-order mark by default, as files saved by Chinese Excel \
          have (so the file also opens correctly in Excel); --no-bom omits it. Line endings are LF.

          The same --seed (and --year) always gives the same bytes, and row i does not depend on \
          --rows. The file is written to a temporary file in the same folder, synced and renamed \
          (as every output), so a failed run leaves nothing behind.
          """))
  )

  @Option(help: .text(zh: "企业数（行数），1…\(MetricsGenerator.maxRows)。", en: "Number of enterprises (rows), 1…\(MetricsGenerator.maxRows)."))
  var rows: Int

  @Option(help: .text(zh: "随机种子；种子相同，生成的文件就相同。", en: "Random seed; the same seed gives the same file."))
  var seed: UInt64 = 2022

  @Option(
    help: .text(
      zh: "指标所属的评选年度（第 i 行每年都是同一家企业，只是数值有所变动）。",
      en: "Selection year the metrics describe (row i is the same enterprise every year, its figures moved)."))
  var year: Int = 2022

  @Option(help: .text(zh: "要写出的 CSV 文件。", en: "The CSV file to write."))
  var out: String

  @Flag(name: .customLong("no-bom"), help: .text(zh: "写出不带字节顺序标记（BOM）的 UTF-8。", en: "Write UTF-8 without the byte-order mark."))
  var noBOM = false

  @Flag(help: .text(zh: "在标准输出打印 JSON 格式的摘要（行数、种子、年度、路径、字节数）。", en: "Print a JSON summary (rows, seed, year, path, bytes) on stdout."))
  var json = false

  func validate() throws {
    guard rows >= 1 else { throw UsageError.text(zh: "--rows 至少为 1，实际为 \(rows)", en: "--rows must be at least 1, got \(rows)") }
    guard rows <= MetricsGenerator.maxRows else {
      throw UsageError.text(
        zh: "--rows 至多为 \(MetricsGenerator.maxRows)，实际为 \(rows)", en: "--rows must be at most \(MetricsGenerator.maxRows), got \(rows)")
    }
  }

  @OptionGroup var language: LanguageOption

  func run() throws {
    let generator = MetricsGenerator(seed: seed, year: year)
    let bytes = try OutputFile.write(to: out) { file in
      try generator.write(rows: rows, bom: !noBOM) { chunk in try file.write(chunk) }
    }
    if json {
      var j = JSONText()
      j.beginObject()
      j.field("bytes", bytes)
      j.field("path", out)
      j.field("rows", rows)
      j.field("seed", seed)
      j.field("year", year)
      j.endObject()
      print(j.text)
    } else {
      print(
        Exit.text(
          Message(
            zh: "已写入 \(rows) 家企业（\(bytes) 字节）到 \(out)（种子 \(seed)，年度 \(year)）",
            en: "wrote \(rows) enterprises (\(bytes) bytes) to \(out) (seed \(seed), year \(year))")))
    }
  }
}
