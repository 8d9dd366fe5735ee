import Foundation
import Synthetic
import Testing

/// Writing to a path: same bytes as the in-memory form, atomic, clear errors.
@Suite struct MetricsGeneratorFileTests {
  static func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("synthetic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func fileHoldsTheSameBytesAndNoTemporaryIsLeft() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.csv").path
    let g = MetricsGenerator(seed: 17)
    try g.write(rows: 3_000, to: path)
    #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == g.csvBytes(rows: 3_000))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.csv"])
  }

  @Test func smallChunksGiveTheSameBytes() throws {
    let g = MetricsGenerator(seed: 4)
    var chunks = 0
    var out: [UInt8] = []
    try g.write(rows: 200, chunkSize: 100) {
      chunks += 1
      out.append(contentsOf: $0)
    }
    #expect(chunks > 10)
    #expect(out == (try g.csvBytes(rows: 200)))
  }

  @Test func missingFolderIsCannotCreate() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("no/such/folder/m.csv").path
    #expect {
      try MetricsGenerator(seed: 1).write(rows: 10, to: path)
    } throws: { error in
      guard case SyntheticError.cannotCreate(let p, _) = error else { return false }
      return p == path && "\(error)".contains(path)
    }
  }

  @Test func existingFileIsReplacedWhole() throws {
    let folder = try Self.scratchFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.csv").path
    try Data(repeating: 65, count: 1_000_000).write(to: URL(fileURLWithPath: path))
    try MetricsGenerator(seed: 2).write(rows: 5, to: path, bom: false)
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(bytes == (try MetricsGenerator(seed: 2).csvBytes(rows: 5, bom: false)))
  }
}
