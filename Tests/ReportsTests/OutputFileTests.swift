import Foundation
import Model
import Testing

@testable import Reports

/// The atomic single-file writer: the bytes written, no temporary left, a located 73 on
/// failure, an existing file replaced whole or left as it was.
@Suite struct OutputFileTests {
  static func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("outputfile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func fileHoldsTheBytesAndNoTemporaryIsLeft() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.csv").path
    let text = String(repeating: "统一社会信用代码,1.5\n", count: 100_000)
    let count = try OutputFile.write(to: path) { try $0.write(text) }
    #expect(count == text.utf8.count)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.csv"])
  }

  @Test func missingFolderIsCannotCreateNamingThePath() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("no/such/folder/m.csv").path
    #expect {
      try OutputFile.write(to: path) { try $0.write("x") }
    } throws: { error in
      guard let failure = error as? StageFailure, failure.kind == .cantCreate else { return false }
      return failure.diagnostics.diagnostics.map(\.description) == [
        "\(path):0: cannot create file '\(path)': No such file or directory (errno 2)"
      ]
    }
  }

  @Test func existingFileIsReplacedWholeOrLeftAsItWas() throws {
    struct Stop: Error {}
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.csv").path
    try Data(repeating: 65, count: 1_000_000).write(to: URL(fileURLWithPath: path))
    #expect(throws: StageFailure.self) {
      try OutputFile.write(to: path) { file in
        try file.write("partial")
        throw Stop()
      }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 65, count: 1_000_000))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.csv"])
    try OutputFile.write(to: path) { try $0.write("new") }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
  }
}
