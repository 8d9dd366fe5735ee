import ArgumentParser
import Criteria
import Foundation
import Model
import Reports
import Sensitivity

struct Sensitivity: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract: Exit.text(
      Message(
        zh: "权重（及方法）存在不确定性时，排名、星级和推荐名单的稳健性。",
        en: "Robustness of ranks, stars and shortlists under weight (and method) uncertainty.")),
    discussion: Exit.text(
      Message(
        zh: "不确定性在评价标准文件的 [uncertainty] 表中声明。在 DIR 中一次性写出 sensitivity.json、sensitivity.csv 和 sensitivity.html：每家企业的名义排名、排名中位数和 5%–95% 排名区间，获评各星级及入选各推荐项目的概率；各推荐名单中的企业分为稳健入选（≥ 95% 的样本中入选）、临界和名单外三类；每个变动权重的 Sobol 一阶指数和总效应指数；采用加权求和汇总时，还有各推荐名单精确的权重稳定区间。种子相同，结果就相同，与线程数无关。",
        en: """
          The uncertainty is declared in the criteria file's [uncertainty] table. Writes \
          sensitivity.json, sensitivity.csv and sensitivity.html into DIR (atomically): \
          per enterprise the nominal, median and 5–95% rank, the probability of each star level \
          and of selection per programme; each shortlist split into robust (≥ 95% of samples), \
          borderline and outside; Sobol first-order and total-effect indices of each varying \
          weight; and, for weighted-sum aggregation, the exact weight-stability intervals of each \
          shortlist. Same seed → same results, whatever the thread count.
          """)))

  @OptionGroup var input: InputOptions
  @OptionGroup var output: OutputOptions
  @OptionGroup var csvOutput: CSVOutputOptions

  @Option(help: .text(zh: "输出文件夹（全部写完后一次性创建或替换）。", en: "The output folder (created or replaced atomically)."))
  var out: String

  @Option(help: .text(zh: "蒙特卡洛样本数（默认取 [uncertainty] 的 samples，未设置时为 1000）。", en: "Monte Carlo samples (default: [uncertainty] samples, else 1000)."))
  var samples: Int?

  @Option(help: .text(zh: "随机种子（默认取 [uncertainty] 的 seed，未设置时为 2022）。", en: "Seed (default: [uncertainty] seed, else 2022)."))
  var seed: UInt64?

  @Option(help: .text(zh: "工作线程数（默认：CPU 核数）。结果与线程数无关。", en: "Worker threads (default: the number of cores). Results do not depend on it."))
  var threads: Int?

  @Option(
    help: .text(
      zh: "Sobol 基础样本数 N（k 个变动权重时计算 N·(k+2) 次）；0 表示不做 Sobol 分析。",
      en: "Sobol base samples N (N·(k+2) evaluations for k varying weights); 0 skips Sobol."))
  var sobol: Int = 256

  func validate() throws {
    if let samples, !(1...UncertaintySpec.maxSamples).contains(samples) {
      throw UsageError.text(
        zh: "--samples 必须在 1 至 \(UncertaintySpec.maxSamples) 之间，实际为 \(samples)",
        en: "--samples must be from 1 to \(UncertaintySpec.maxSamples), not \(samples)")
    }
    if let threads, !(1...UncertaintySpec.maxThreads).contains(threads) {
      throw UsageError.text(
        zh: "--threads 必须在 1 至 \(UncertaintySpec.maxThreads) 之间，实际为 \(threads)",
        en: "--threads must be from 1 to \(UncertaintySpec.maxThreads), not \(threads)")
    }
    if sobol < 0 || sobol == 1 || sobol > UncertaintySpec.maxSobolSamples {
      throw UsageError.text(
        zh: "--sobol 必须为 0（不做）或在 2 至 \(UncertaintySpec.maxSobolSamples) 之间，实际为 \(sobol)",
        en: "--sobol must be 0 (off) or from 2 to \(UncertaintySpec.maxSobolSamples), not \(sobol)")
    }
  }

  func run() throws {
    try OutputFolder.checkTarget(out, inputs: input.paths)
    let pipeline = Pipeline(input: input)
    let a = try pipeline.analyse()
    let u = a.spec.uncertainty ?? .defaults
    let threadCount = threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
    let seedValue = seed ?? u.seed
    let progress = ProgressBar.forStandardError()
    var report: SensitivityReport
    do {
      let model = try SensitivityModel(evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history, committee: a.committee)
      progress?.start("Monte Carlo")
      let mc = try MonteCarlo.run(
        model, options: MonteCarloOptions(samples: samples ?? u.samples, seed: seedValue, threads: threadCount),
        progress: progress?.callback)
      progress?.finish()
      var sobolResult: WeightSobolResult?
      if sobol >= 2, model.sampler.varying.count > 0 {
        progress?.start("Sobol")
        sobolResult = try WeightSobol.analyse(
          model, baseSamples: sobol, threads: threadCount, seed: seedValue, progress: progress?.callback)
        progress?.finish()
      }
      var stability: [ProgrammeStability]?
      if case .weightedSum = a.spec.aggregation.method, !a.spec.programmes.isEmpty {
        stability = try StabilityIntervals.compute(model, threads: threadCount)
      }
      // Weight noise and method swaps apart: the weights alone (nominal method), and every
      // method variant at the nominal weights.
      var separated: SeparatedUncertainty?
      if MethodUncertainty.hasAlternatives(u) {
        let alone = try SensitivityModel(
          evaluation: a.evaluation, table: a.table, spec: a.spec, history: a.history, uncertainty: u.weightsAlone, committee: a.committee)
        progress?.start("Weights alone")
        let weightsAlone = try MonteCarlo.run(
          alone, options: MonteCarloOptions(samples: samples ?? u.samples, seed: seedValue, threads: threadCount),
          progress: progress?.callback)
        progress?.finish()
        let methods = try MethodUncertainty.compute(
          table: a.table, spec: a.spec, evaluation: a.evaluation, history: a.history, committee: a.committee, uncertainty: u)
        separated = SeparatedUncertainty(weightsAlone: weightsAlone, methods: methods)
      }
      report = SensitivityReport(
        title: a.spec.evaluation.name, programmeNames: a.spec.programmes.map(\.name),
        criterionKeys: a.spec.criteria.map(\.key), monteCarlo: mc, sobol: sobolResult, stability: stability,
        separated: separated, english: output.lang == .en)
      report.csvEncoding = csvOutput.outputEncoding == .gb18030 ? .gb18030 : .utf8
    } catch {
      throw error.located(spec: a.spec, table: a.table)
    }
    try OutputFolder.write(to: out, inputs: input.paths) { folder in try report.write(to: folder) }
    let robust = report.headline
    if output.json {
      var j = JSONText()
      j.beginObject()
      j.field("out", out)
      j.field("samples", report.monteCarlo.samples)
      j.endObject()
      print(j.text)
    } else {
      var err = StandardError()
      let line = Message(
        zh: "exemplar：\(report.monteCarlo.samples) 个样本；稳健入选：\(robust.map(\.zh).joined(separator: "，"))；已写入 \(out)",
        en: "exemplar: \(report.monteCarlo.samples) samples; \(robust.map(\.en).joined(separator: ", ")); wrote \(out)")
      print(Diagnostic.terminalSafe(Exit.text(line)), to: &err)
    }
  }
}

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
  private let lock = NSLock()
  private var label = ""
  private var lastDrawn = -1

  /// A bar when stderr is a terminal, else nil (silent).
  static func forStandardError() -> ProgressBar? { isatty(2) != 0 ? ProgressBar() : nil }

  func start(_ label: String) {
    lock.lock()
    self.label = label
    lastDrawn = -1
    lock.unlock()
  }

  var callback: @Sendable (Int, Int) -> Void { { [self] done, total in draw(done, total) } }

  func draw(_ done: Int, _ total: Int) {
    let percent = total > 0 ? done * 100 / total : 100
    lock.lock()
    defer { lock.unlock() }
    guard percent != lastDrawn else { return }
    lastDrawn = percent
    let width = 30
    let filled = width * percent / 100
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)% (\(done)/\(total))".utf8))
  }

  func finish() {
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
