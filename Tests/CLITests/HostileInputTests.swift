import Foundation
import Testing

/// Hostile inputs and unusual input files through the CLI: each gives a located message and
/// the right exit code, never a crash.
@Suite struct HostileInputTests {
  static let metrics = CLI.root.appendingPathComponent("samples/metrics-2022.csv").path
  static let criteria = CLI.root.appendingPathComponent("criteria/2022.toml").path

  @Test(arguments: ["1000000000000", "9223372036854775807", "100000000", "0"])
  func sampleCountsOutOfRangeAreUsageErrors(_ n: String) throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try CLI.run(["sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", dir.appendingPathComponent("s").path, "--samples", n])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--samples 必须在 1 至 10000000 之间，实际为 \(n)"))
  }

  @Test(arguments: [["--threads", "9223372036854775807"], ["--sobol", "9223372036854775807"]])
  func threadAndSobolCountsOutOfRangeAreUsageErrors(_ option: [String]) throws {
    let r = try CLI.run(["sensitivity", Self.metrics, "--criteria", Self.criteria, "--out", "/nonexistent/s"] + option)
    #expect(r.status == 64)
  }

  @Test func escapeSequencesInACellAreEscapedInDiagnostics() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var lines = try String(contentsOfFile: Self.metrics, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // A bad number whose text clears the screen, sets the title and fakes an OK line.
    var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    cells[8] = "\u{1B}[2J\u{1B}]0;pwned\u{7}\rOK"
    lines[1] = cells.joined(separator: ",")
    let file = dir.appendingPathComponent("m.csv")
    try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    let r = try CLI.run(["validate", file.path, "--criteria", Self.criteria])
    #expect(r.status == 65)
    #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D })
    #expect(r.stderr.contains("\\u{1B}[2J"))
  }

  @Test func metricsFromStdinAreHashedAsRead() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("o")
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "'\(CLI.executable.path)' run /dev/stdin --criteria '\(Self.criteria)' --out '\(out.path)' --no-excel --no-html < '\(Self.metrics)'"]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    let results = try String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8)
    // sha256 of samples/metrics-2022.csv
    #expect(results.contains("a85c386d4ab4686bafcd0bda52ec366091663e2a000199b9bf964f8f80b43c08"))
  }

  @Test func metricsFromAFIFOAreReadOnce() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let writer = Process()
    writer.executableURL = URL(fileURLWithPath: "/bin/sh")
    writer.arguments = ["-c", "cat '\(Self.metrics)' > '\(fifo)'"]
    try writer.run()
    let r = try CLI.run(["run", fifo, "--criteria", Self.criteria, "--out", dir.appendingPathComponent("o").path, "--no-excel", "--no-html"])
    writer.waitUntilExit()
    #expect(r.status == 0, "\(r.stderr)")
    let results = try String(contentsOf: dir.appendingPathComponent("o/results.json"), encoding: .utf8)
    #expect(results.contains("a85c386d4ab4686bafcd0bda52ec366091663e2a000199b9bf964f8f80b43c08"))
  }

  @Test func aHeaderLineOf20MegabytesIsRefusedAtItsLimit() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bomb.csv")
    try Data(repeating: UInt8(ascii: "a"), count: 20 << 20).write(to: file)  // 20 MB, no newline, no comma
    let commas = dir.appendingPathComponent("commas.csv")
    try Data(String(repeating: "a,", count: 10 << 20).utf8).write(to: commas)
    for f in [file, commas] {
      let r = try CLI.run(["validate", f.path, "--criteria", Self.criteria])
      #expect(r.status == 65)
      #expect(r.stderr.contains(f.lastPathComponent + ":1:"))
    }
  }
}
