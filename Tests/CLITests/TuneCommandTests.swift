import Foundation
import Testing

/// `exemplar tune` as a process: the URL on stdout, a clean stop on SIGTERM, the exit codes
/// of its failures (the page itself: Tests/Browser/tune_test.py; the JSON: TuningTests).
@Suite struct TuneCommandTests {
  static let inputs = ["tune", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml"]

  @Test func printsItsURLServesAndStopsOnSIGTERM() throws {
    let p = Process()
    p.executableURL = CLI.executable
    p.arguments = Self.inputs + ["--port", "0"]
    p.currentDirectoryURL = CLI.root
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    try p.run()
    defer { if p.isRunning { p.terminate() } }
    // The first line, byte by byte (the server keeps stdout open).
    var line = Data()
    while let byte = try out.fileHandleForReading.read(upToCount: 1), let b = byte.first, b != 10 { line.append(b) }
    let url = String(decoding: line, as: UTF8.self)
    #expect(url.wholeMatch(of: /http:\/\/127\.0\.0\.1:[0-9]+\//) != nil, "\(url)")
    let port = String(url.dropFirst("http://127.0.0.1:".count).dropLast())

    // The port is taken: a second server on it exits 73 and says so.
    let second = try CLI.run(Self.inputs + ["--port", port, "--lang", "en"])
    #expect(second.status == 73)
    #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"), "\(second.stderr)")
    let secondZh = try CLI.run(Self.inputs + ["--port", port])
    #expect(secondZh.status == 73 && secondZh.stderr.contains("无法在 127.0.0.1:\(port) 上监听"), "\(secondZh.stderr)")
    // The system's reason in the message's language, with its number.
    #expect(second.stderr.contains("Address already in use (errno \(EADDRINUSE))"), "\(second.stderr)")
    #expect(secondZh.stderr.contains("地址已在使用（errno \(EADDRINUSE)）") && !secondZh.stderr.contains("Address"), "\(secondZh.stderr)")

    kill(p.processIdentifier, SIGTERM)
    p.waitUntilExit()
    #expect(p.terminationReason == .exit && p.terminationStatus == 0)
  }

  @Test func failuresBeforeServingHaveTheirExitCodes() throws {
    #expect(try CLI.run(Self.inputs + ["--port", "70000"]).status == 64)
    #expect(try CLI.run(Self.inputs + ["--set", "groups.cost.weight=2"]).status == 78)
    #expect(try CLI.run(["tune", "samples/nothing.csv", "--criteria", "criteria/2022.toml"]).status == 66)
  }
}
