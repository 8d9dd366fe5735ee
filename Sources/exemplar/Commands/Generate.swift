import ArgumentParser
import Model
import Reports
import Synthetic

/// `exemplar generate --rows N --seed S --out FILE.csv`: realistic synthetic metrics.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate",
    abstract: "Write realistic synthetic metrics (one row per enterprise) for trials and benchmarks.",
    discussion: """
      The file has the columns of criteria/2022.toml: USCC, name, district, industry, size, \
      honour, pilot flag and 21 implementation-effect metrics driven by a latent digital-maturity \
      factor, with about 1–2% empty cells in four optional metrics.

      Encoding: UTF-8 with a byte-order mark by default, as files saved by Chinese Excel \
      have (so the file also opens correctly in Excel); --no-bom omits it. Line endings are LF.

      The same --seed (and --year) always gives the same bytes, and row i does not depend on \
      --rows. The file is written to a temporary file in the same folder, synced and renamed \
      (as every output), so a failed run leaves nothing behind.
      """
  )

  @Option(help: "Number of enterprises (rows), 1…\(MetricsGenerator.maxRows).")
  var rows: Int

  @Option(help: "Random seed; the same seed gives the same file.")
  var seed: UInt64 = 2022

  @Option(help: "Selection year the metrics describe (row i is the same enterprise every year, its figures moved).")
  var year: Int = 2022

  @Option(help: "The CSV file to write.")
  var out: String

  @Flag(name: .customLong("no-bom"), help: "Write UTF-8 without the byte-order mark.")
  var noBOM = false

  @Flag(help: "Print a JSON summary (rows, seed, year, path, bytes) on stdout.")
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
