import Foundation
import Testing

/// `exemplar generate`: exit codes, BOM choice, reproducibility, the committed sample.
@Suite struct GenerateCommandTests {
  @Test func writesTheCommittedSampleForSeed2022() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("m.csv")
    let r = try CLI.run(["generate", "--rows", "300", "--seed", "2022", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    let written = try Data(contentsOf: out)
    let sample = try Data(contentsOf: CLI.root.appendingPathComponent("samples/metrics-2022.csv"))
    #expect(written == sample)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.csv"])
  }

  /// The 2023 and 2024 samples (the demo's next years) are generate's output for the same
  /// seed and their year.
  @Test(arguments: [2023, 2024]) func writesTheCommittedSampleOfALaterYear(year: Int) throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("m.csv")
    let r = try CLI.run(["generate", "--rows", "300", "--seed", "2022", "--year", "\(year)", "--out", out.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try Data(contentsOf: out) == Data(contentsOf: CLI.root.appendingPathComponent("samples/metrics-\(year).csv")))
  }

  @Test func noBOMDropsOnlyTheByteOrderMark() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let a = folder.appendingPathComponent("a.csv")
    let b = folder.appendingPathComponent("b.csv")
    #expect(try CLI.run(["generate", "--rows", "20", "--seed", "9", "--out", a.path]).status == 0)
    #expect(try CLI.run(["generate", "--rows", "20", "--seed", "9", "--no-bom", "--out", b.path]).status == 0)
    let withBOM = try Data(contentsOf: a)
    #expect(Array(withBOM.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(withBOM.dropFirst(3) == (try Data(contentsOf: b)))
  }

  @Test(arguments: ["0", "-5"])
  func rowsBelowOneIsAUsageError(rows: String) throws {
    let r = try CLI.run(["generate", "--rows", rows, "--out", "/tmp/never-written.csv"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--rows"))
  }

  @Test func unwritableFolderExits73AndNamesThePath() throws {
    let path = "/nonexistent-exemplar-folder/m.csv"
    let r = try CLI.run(["generate", "--rows", "5", "--out", path])
    #expect(r.status == 73)
    #expect(r.errorLines.count == 1)
    #expect(r.stderr.contains(path))
  }
}

extension GenerateCommandTests {
  @Test func jsonSummaryNamesRowsSeedAndBytes() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("m.csv")
    let r = try CLI.run(["generate", "--rows", "12", "--seed", "5", "--json", "--out", out.path])
    #expect(r.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
    let size = try FileManager.default.attributesOfItem(atPath: out.path)[.size] as? Int
    #expect(object?["rows"] as? Int == 12)
    #expect(object?["seed"] as? Int == 5)
    #expect(object?["path"] as? String == out.path)
    #expect(object?["bytes"] as? Int == size)
  }
}
