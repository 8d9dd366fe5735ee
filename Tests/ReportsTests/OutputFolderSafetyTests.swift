import Foundation
import Model
import Reports
import Testing

/// The output folder contract (docs/cli.md): only a marked Exemplar output is replaced,
/// inputs inside it are refused, litter of killed runs is cleaned up.
@Suite struct OutputFolderSafetyTests {
  func files(_ dir: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

  @Test func aFolderHoldingOnlyAResultsJSONIsNotReplaced() throws {
    let dir = scratchFolder() + "/p"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: URL(fileURLWithPath: dir + "/results.json"))
    try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/mine.txt"))
    #expect(throws: StageFailure.self) { try OutputFolder.write(to: dir) { _ in Issue.record("body must not run") } }
    #expect(text(dir + "/mine.txt") == "mine")
    #expect(files(dir) == ["mine.txt", "results.json"])
  }

  @Test func aFileIsNotReplaced() throws {
    let dir = scratchFolder() + "/f"
    try Data("data".utf8).write(to: URL(fileURLWithPath: dir))
    #expect(throws: StageFailure.self) { try OutputFolder.write(to: dir) { _ in } }
    #expect(text(dir) == "data")
  }

  @Test func everyOutputIsMarkedAndAMarkedOutputIsReplaced() throws {
    let dir = scratchFolder() + "/out"
    try OutputFolder.write(to: dir) { f in try Data("1".utf8).write(to: URL(fileURLWithPath: f.file("a.txt"))) }
    #expect(files(dir) == [OutputFolder.markerName, "a.txt"])
    try OutputFolder.write(to: dir) { f in try Data("2".utf8).write(to: URL(fileURLWithPath: f.file("b.txt"))) }
    #expect(files(dir) == [OutputFolder.markerName, "b.txt"])
  }

  @Test func aMarkerWithOtherContentIsNotTrusted() throws {
    let dir = scratchFolder() + "/out"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + OutputFolder.markerName))
    #expect(throws: StageFailure.self) { try OutputFolder.write(to: dir) { _ in } }
    #expect(files(dir) == [OutputFolder.markerName])
  }

  @Test func anInputInsideTheFolderIsRefusedBeforeAnyWork() throws {
    let dir = scratchFolder() + "/out"
    try OutputFolder.write(to: dir) { _ in }
    try Data("id\n".utf8).write(to: URL(fileURLWithPath: dir + "/input.csv"))
    do {
      try OutputFolder.checkTarget(dir, inputs: ["elsewhere.csv", dir + "/../out/input.csv"])
      Issue.record("no error")
    } catch {
      #expect(error.kind == .cantCreate)
      #expect(error.diagnostics.diagnostics.first?.message.contains("input.csv") == true)
    }
    #expect(throws: StageFailure.self) { try OutputFolder.write(to: dir, inputs: [dir + "/input.csv"]) { _ in } }
    #expect(text(dir + "/input.csv") == "id\n")
  }

  @Test func staleTemporaryFoldersOfKilledRunsAreRemovedAndOthersKept() throws {
    let base = scratchFolder()
    let dir = base + "/out"
    // A killed run's folder: marked, unlocked. A user's folder with the same pattern: unmarked.
    try OutputFolder.write(to: base + "/model") { f in try Data("half".utf8).write(to: URL(fileURLWithPath: f.file("x"))) }
    try FileManager.default.moveItem(atPath: base + "/model", toPath: dir + ".tmp-abc123")
    try FileManager.default.createDirectory(atPath: dir + ".tmp-userss", withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + ".tmp-userss/keep"))
    try OutputFolder.write(to: dir) { _ in }
    #expect(files(base) == ["out", "out.tmp-userss"])
  }

  @Test func anOldOutputMovedAsideByAKilledRunIsRestored() throws {
    let base = scratchFolder()
    let dir = base + "/out"
    try OutputFolder.write(to: dir) { f in try Data("old".utf8).write(to: URL(fileURLWithPath: f.file("r"))) }
    try FileManager.default.moveItem(atPath: dir, toPath: dir + ".tmp-abc123.old")
    // The next run restores it first, then fails: the old output is back.
    #expect(throws: StageFailure.self) { try OutputFolder.write(to: dir) { _ in throw CancellationError() } }
    #expect(text(dir + "/r") == "old")
    #expect(files(base) == ["out"])
  }
}
