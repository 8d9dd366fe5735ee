import Foundation
import Testing

/// `--output-encoding` is offered where CSV files are written, and honoured there (issue #16).
@Suite struct OutputEncodingTests {
  static let metrics = "samples/metrics-2022.csv"
  static let criteria = "criteria/2022.toml"

  @Test func sensitivityCSVInGB18030WithHeadersInTheLanguage() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("s").path
    let r = try CLI.run([
      "sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", out, "--samples", "10", "--sobol", "0",
      "--output-encoding", "gb18030",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/sensitivity.csv"))
    #expect(String(data: bytes, encoding: .utf8) == nil)
    #expect(bytes.starts(with: [0xC6, 0xF3, 0xD2, 0xB5]))  // 企业 in GB18030, no BOM
    let en = try CLI.run([
      "sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", out, "--samples", "10", "--sobol", "0", "--lang", "en",
    ])
    #expect(en.status == 0)
    let utf8 = try Data(contentsOf: URL(fileURLWithPath: out + "/sensitivity.csv"))
    #expect(utf8.starts(with: [0xEF, 0xBB, 0xBF] + Array("id,label,nominal_rank".utf8)))
  }

  @Test(arguments: ["explain", "weights", "diff"]) func notOfferedWhereNoCSVIsWritten(_ command: String) throws {
    var args = [command, Self.metrics, "--criteria", Self.criteria, "--output-encoding", "gb18030"]
    if command == "explain" { args += ["--id", "91330281MA2GDT7XXH"] }
    if command == "diff" { args += ["--criteria", Self.criteria] }
    let r = try CLI.run(args)
    #expect(r.status == 64)
    #expect(r.stderr.contains("错误：未知选项 '--output-encoding'"))
    let en = try CLI.run(args + ["--lang", "en"])
    #expect(en.status == 64)
    #expect(en.stderr.contains("Error: Unknown option '--output-encoding'"))
  }
}
