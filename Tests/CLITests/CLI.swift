import Foundation

/// Runs the built `exemplar` executable (from the same build folder as the tests) and captures its output.
struct CLI {
  struct Output {
    var status: Int32
    var stdout: String
    var stderr: String
    /// stderr split into lines, without the empty last one.
    var errorLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
  }

  /// The package root (two levels above this file's folder).
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The executable next to the test bundle: `.build/<triple>/debug/exemplar`.
  static let executable: URL = {
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
      let candidate = dir.appendingPathComponent("exemplar")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/exemplar")
  }()

  /// Runs `exemplar args…` in `directory` (default: the package root), with `environment`
  /// added to the test's own. Without `pdf`, no PDF is printed (`EXEMPLAR_CHROMIUM=none`): a
  /// browser per run would triple the suite's time.
  static func run(
    _ args: [String], in directory: URL? = nil, stdin: Data? = nil, pdf: Bool = false, environment: [String: String] = [:]
  ) throws -> Output {
    let p = Process()
    p.executableURL = executable
    p.arguments = args
    if !pdf || !environment.isEmpty {
      var env = ProcessInfo.processInfo.environment
      if !pdf { env["EXEMPLAR_CHROMIUM"] = "none" }
      env.merge(environment) { $1 }
      p.environment = env
    }
    p.currentDirectoryURL = directory ?? root
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let input = stdin.map { _ in Pipe() }
    p.standardInput = input ?? FileHandle.nullDevice
    try p.run()
    if let input, let stdin {
      DispatchQueue.global().async {
        input.fileHandleForWriting.write(stdin)
        try? input.fileHandleForWriting.close()
      }
    }
    // Read both pipes concurrently so a large output cannot dead-lock the child.
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return Output(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Standard output of another program (`/usr/bin/sha256sum FILE`, …); throws if it fails.
  static func runTool(_ path: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    return String(decoding: data, as: UTF8.self)
  }

  /// A fresh temporary folder, removed by the caller with `cleanup`.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
