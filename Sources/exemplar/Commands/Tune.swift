import ArgumentParser
import Criteria
import Dispatch
import Foundation
import Model
import Synchronization
import Tuning
import Workbench

struct Tune: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tune",
    abstract: Exit.text(
      Message(
        zh: "在 127.0.0.1 上提供一个网页，每个权重一个滑块：拖动滑块即重新计算名单、排名和星级。",
        en: "Serve a page on 127.0.0.1 with a slider per weight: the lists, ranks and stars recalculated as you move them.")),
    discussion: Exit.text(
      Message(
        zh: "在标准输出打印网页地址（http://127.0.0.1:PORT/），并一直提供服务，直到按下 Ctrl-C（SIGINT）或收到 SIGTERM。每次重新计算都使用与 run 相同的计算引擎，所改的值相当于 --set；网页同时给出等效的 --set 参数和 TOML。",
        en: """
          Prints the page's URL (http://127.0.0.1:PORT/) on stdout and serves until Ctrl-C
          (SIGINT) or SIGTERM. Every recalculation runs the same engine as run with the
          changed values as --set; the page shows the equivalent --set arguments and TOML.
          """)))

  @OptionGroup var input: InputOptions

  @Option(help: .text(zh: "127.0.0.1 上的端口（0：任一空闲端口）。", en: "The port on 127.0.0.1 (0: any free port)."))
  var port: Int = 0

  @Option(help: .text(zh: "页面标签的语言：zh（中文）或 en（英文）。", en: "Labels on the page: zh (default) or en."))
  var lang: Language = .zh

  func validate() throws {
    guard (0...65535).contains(port) else { throw UsageError.text(zh: "--port 必须在 0…65535 之间，实际为 \(port)", en: "--port must be 0…65535, got \(port)") }
  }

  func run() throws {
    let pipeline = Pipeline(input: input)
    let spec = try pipeline.loadSpec()
    var table = try pipeline.ingest(spec)
    let history = try pipeline.history(spec)
    let procedure = try ProcedureFiles.prepare(input, spec: spec, table: &table)
    let bytes = try CriteriaLoader.read(path: input.criteria).get()
    let session = try TuneSession(
      criteria: bytes, source: input.criteria, overrides: input.parsedOverrides, table: table, history: history,
      screening: procedure.screening, committee: procedure.committee, reviews: procedure.reviews, command: command,
      english: lang == .en)
    let requested = port
    let failure = Mutex<Message?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      do {
        try await TuneServer.run(session, port: requested) { bound in
          print("http://127.0.0.1:\(bound)/")
          fflush(nil)  // every stream: the URL is read by whoever started us
        }
      } catch {
        failure.withLock { $0 = SystemErrorText.of(error) }
      }
      done.signal()
    }
    done.wait()
    if let message = failure.withLock({ $0 }) {
      throw StageFailure(.cantCreate, Diagnostic(file: "127.0.0.1:\(requested)", line: 0, message: Message(zh: "无法在 127.0.0.1:\(requested) 上监听：", en: "cannot listen on 127.0.0.1:\(requested): ") + message))
    }
  }

  /// The `exemplar run …` command the page's `--set` arguments complete.
  var command: String {
    var parts = ["exemplar", "run", input.metrics, "--criteria", input.criteria]
    if let encoding = input.encoding { parts += ["--encoding", encoding.rawValue] }
    if let h = input.history { parts += ["--history", h] }
    for s in input.screen { parts += ["--screen", s] }
    if let r = input.reviews { parts += ["--reviews", r] }
    if let r = input.recusals { parts += ["--recusals", r] }
    if let d = input.decisions { parts += ["--decisions", d] }
    for s in input.overrides { parts += ["--set", s] }
    parts += ["--out", "out/tuned"]
    return parts.map(Tune.shellQuoted).joined(separator: " ")
  }

  /// A word as a POSIX shell reads it back.
  static func shellQuoted(_ s: String) -> String {
    let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.,=/:+-".unicodeScalars.contains($0)) }
    return plain ? s : "'" + s.replacing("'", with: "'\\''") + "'"
  }
}
