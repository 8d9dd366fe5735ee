import Foundation
import Testing

/// The output folder contract through the CLI (docs/cli.md, "The output folder").
@Suite struct OutputSafetyTests {
  static let metrics = CLI.root.appendingPathComponent("samples/metrics-2022.csv").path
  static let criteria = CLI.root.appendingPathComponent("criteria/2022.toml").path

  @Test func aOneCharacterOutPathWorks() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    for _ in 0..<2 {
      let r = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", "a", "--no-excel", "--no-html"], in: dir)
      #expect(r.status == 0, "\(r.stderr)")
    }
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a/results.json").path))
  }

  @Test func aFolderWithAResultsJSONOfTheUsersIsLeftUntouched() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("p")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try "{}".write(to: out.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
    try "keep".write(to: out.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
    let r = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", out.path, "--lang", "en"])
    #expect(r.status == 73)
    #expect(r.stderr.contains("not an Exemplar output folder"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["mine.txt", "results.json"])
  }

  @Test func anInputInsideTheOutputFolderIsRefusedAndKept() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    let first = try CLI.run(["run", Self.metrics, "--criteria", Self.criteria, "--out", out.path, "--no-excel", "--no-html"])
    #expect(first.status == 0)
    let input = out.appendingPathComponent("m.csv")
    try FileManager.default.copyItem(atPath: Self.metrics, toPath: input.path)
    for command in ["run", "sensitivity"] {
      let r = try CLI.run([command, input.path, "--criteria", Self.criteria, "--out", out.path, "--samples", "10", "--lang", "en"].filter {
        command == "sensitivity" || ($0 != "--samples" && $0 != "10")
      })
      #expect(r.status == 73)
      #expect(r.stderr.contains("is inside the output folder"))
    }
    #expect(FileManager.default.fileExists(atPath: input.path))
  }
}
