import Foundation
import Model
import Reports
import Testing

@Suite struct OutputFolderTests {
  struct Boom: Error {}

  /// Entries of `parent` whose names start with `prefix` (the temporary siblings).
  func siblings(of dir: String) -> [String] {
    let parent = (dir as NSString).deletingLastPathComponent
    let base = (dir as NSString).lastPathComponent
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter { $0.hasPrefix(base + ".") }
  }

  @Test func successMakesTheFolderVisibleAndLeavesNoTemporaryFolder() throws {
    let dir = scratchFolder() + "/out"
    try OutputFolder.write(to: dir) { f in
      #expect(!FileManager.default.fileExists(atPath: dir), "DIR must not be visible while writing")
      try Data("x".utf8).write(to: URL(fileURLWithPath: f.file("a.txt")))
    }
    #expect(text(dir + "/a.txt") == "x")
    #expect(siblings(of: dir).isEmpty)
  }

  @Test func failureMidWriteLeavesNoFolderAndNoTemporaryFolder() {
    let dir = scratchFolder() + "/out"
    #expect(throws: StageFailure.self) {
      try OutputFolder.write(to: dir) { f in
        try Data("half".utf8).write(to: URL(fileURLWithPath: f.file("results.json")))
        throw Boom()
      }
    }
    #expect(!FileManager.default.fileExists(atPath: dir))
    #expect(siblings(of: dir).isEmpty)
  }

  @Test func existingFolderSurvivesAFailedRunAndIsReplacedByASuccessfulOne() throws {
    let dir = scratchFolder() + "/out"
    try OutputFolder.write(to: dir) { f in
      try Data("old".utf8).write(to: URL(fileURLWithPath: f.file("results.json")))
      try Data("old extra".utf8).write(to: URL(fileURLWithPath: f.file("extra.txt")))
    }

    #expect(throws: StageFailure.self) {
      try OutputFolder.write(to: dir) { f in
        try Data("new".utf8).write(to: URL(fileURLWithPath: f.file("results.json")))
        throw Boom()
      }
    }
    #expect(text(dir + "/results.json") == "old")
    #expect(text(dir + "/extra.txt") == "old extra")
    #expect(siblings(of: dir).isEmpty)

    try OutputFolder.write(to: dir) { f in
      try Data("new".utf8).write(to: URL(fileURLWithPath: f.file("results.json")))
    }
    #expect(text(dir + "/results.json") == "new")
    #expect(!FileManager.default.fileExists(atPath: dir + "/extra.txt"), "the old folder is replaced, not merged")
    #expect(siblings(of: dir).isEmpty)
  }

  @Test func unwritableParentIsCantCreateNamingThePath() throws {
    let scratch = scratchFolder()
    // A regular file as the parent: mkdir fails with ENOTDIR even for root.
    try Data().write(to: URL(fileURLWithPath: scratch + "/plain-file"))
    let dir = scratch + "/plain-file/out"
    do {
      try OutputFolder.write(to: dir) { _ in Issue.record("body must not run") }
      Issue.record("no error thrown")
    } catch {
      #expect(error.kind == .cantCreate)
      let message = error.diagnostics.diagnostics.first?.description ?? ""
      #expect(message.contains(scratch + "/plain-file/out"))
      #expect(message.contains("Not a directory"))
    }
  }

  @Test func aNonEmptyFolderThatIsNotAnOutputIsNotReplaced() throws {
    let dir = scratchFolder() + "/home"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("precious".utf8).write(to: URL(fileURLWithPath: dir + "/thesis.docx"))
    do {
      try OutputFolder.write(to: dir) { _ in Issue.record("body must not run") }
      Issue.record("no error thrown")
    } catch {
      #expect(error.kind == .cantCreate)
      #expect(error.diagnostics.diagnostics.first?.message.contains("not an Exemplar output folder") == true)
    }
    #expect(text(dir + "/thesis.docx") == "precious")
  }
}

@Suite struct OutputFolderParentTests {
  @Test func missingParentFoldersAreCreated() throws {
    let base = scratchFolder()
    let dir = base + "/out/2022"
    try OutputFolder.write(to: dir) { folder in
      try "x".write(toFile: folder.file("a.txt"), atomically: false, encoding: .utf8)
    }
    #expect(FileManager.default.fileExists(atPath: dir + "/a.txt"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: base + "/out") == ["2022"])
  }
}

/// `OutputFolder.syncFiles()`: one sync for many files written without their own.
@Suite struct OutputFolderSyncTests {
  @Test func syncedFilesArePublishedWhole() throws {
    let dir = scratchFolder() + "/letters"
    try OutputFolder.write(to: dir) { folder in
      for i in 0..<50 { try "letter \(i)".write(toFile: folder.file("\(i).html"), atomically: false, encoding: .utf8) }
      try folder.syncFiles()
      #expect(!FileManager.default.fileExists(atPath: dir), "DIR stays invisible until the body returns")
    }
    #expect(text(dir + "/49.html") == "letter 49")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") }.count == 50)
  }

  @Test func aFolderThatCannotBeSyncedFailsTheWriteAndPublishesNothing() throws {
    let dir = scratchFolder() + "/letters"
    do {
      try OutputFolder.write(to: dir) { folder in
        try "x".write(toFile: folder.file("a.html"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.path)
        try folder.syncFiles()
      }
      Issue.record("no error thrown")
    } catch {
      #expect(error.kind == .cantCreate)
      #expect(error.diagnostics.diagnostics.first?.file.hasPrefix(dir + ".tmp-") == true, "\(error.diagnostics.diagnostics)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir))
  }
}

/// Replacing an output removes the old tree (many files at once), never what a link points to.
@Suite struct OutputFolderRemovalTests {
  @Test func replacingRemovesEveryOldFileAndFollowsNoLink() throws {
    let base = scratchFolder()
    let dir = base + "/letters"
    let outside = base + "/precious.txt"
    try "keep".write(toFile: outside, atomically: false, encoding: .utf8)
    try OutputFolder.write(to: dir) { folder in
      for i in 0..<300 { try "old \(i)".write(toFile: folder.file("\(i).html"), atomically: false, encoding: .utf8) }
      try folder.makeFolder("shortlists")
      for i in 0..<100 { try "old".write(toFile: folder.file("shortlists/\(i).csv"), atomically: false, encoding: .utf8) }
      try FileManager.default.createSymbolicLink(atPath: folder.file("link"), withDestinationPath: outside)
      try FileManager.default.createSymbolicLink(atPath: folder.file("dirlink"), withDestinationPath: base)
    }
    try OutputFolder.write(to: dir) { folder in
      try "new".write(toFile: folder.file("0.html"), atomically: false, encoding: .utf8)
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(left == [".exemplar-output", "0.html"])
    #expect(text(dir + "/0.html") == "new")
    #expect(text(outside) == "keep", "a link in the old output is removed, not followed")
    #expect(try FileManager.default.contentsOfDirectory(atPath: base).sorted() == ["letters", "precious.txt"])
  }
}
