import Foundation
import Testing

/// `run --excel-text-ids`: the CSVs' id cells as `="ID"` for officials who open them in Excel;
/// without it the CSVs hold every id exactly (issue #14).
@Suite struct ExcelTextIDTests {
  static let sample = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--no-excel", "--no-html"]
  /// An all-digit credit code of the samples (Excel would show 9.13E+17) and one with letters.
  static let digits = "913302007739285211"
  static let letters = "91330281MA2GDT7XXH"

  static func files(_ out: String) throws -> [String: Data] {
    var files = ["ranking.csv": try Data(contentsOf: URL(fileURLWithPath: out + "/ranking.csv"))]
    for name in try FileManager.default.contentsOfDirectory(atPath: out + "/shortlists") {
      files["shortlists/" + name] = try Data(contentsOf: URL(fileURLWithPath: out + "/shortlists/" + name))
    }
    return files
  }

  static func manifest(_ out: String) throws -> [String: Any] {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))) as? [String: Any]
    return json?["manifest"] as? [String: Any] ?? [:]
  }

  @Test func idsAreExactByDefaultAndExcelTextFormulasOnRequest() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plain = dir.appendingPathComponent("plain").path
    let excel = dir.appendingPathComponent("excel").path
    let a = try CLI.run(["run"] + Self.sample + ["--out", plain])
    #expect(a.status == 0, "\(a.stderr)")
    let b = try CLI.run(["run"] + Self.sample + ["--out", excel, "--excel-text-ids"])
    #expect(b.status == 0, "\(b.stderr)")

    // Default: the id as it is, no formula anywhere; the manifest says nothing.
    let before = try Self.files(plain)
    let ranking = String(decoding: before["ranking.csv"]!, as: UTF8.self)
    #expect(ranking.contains(",\(Self.digits),") && ranking.contains(",\(Self.letters),"))
    #expect(!before.values.contains { String(decoding: $0, as: UTF8.self).contains("=\"\"") })
    #expect(try Self.manifest(plain)["csv_ids"] == nil)

    // Opt-in: every id cell of every CSV is the quoted formula ="ID"; the manifest records it.
    let after = try Self.files(excel)
    #expect(after.keys.sorted() == before.keys.sorted() && after.count == 7)
    for (name, data) in after {
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("\"=\"\"\(Self.digits)\"\"\""), "\(name)")
      #expect(text.contains("\"=\"\"\(Self.letters)\"\"\""), "\(name)")
      // Nothing else changes: unwrapping the formulas gives the default bytes.
      let unwrapped = text.replacingOccurrences(of: #""=""([^"]*)""""#, with: "$1", options: .regularExpression)
      #expect(unwrapped == String(decoding: before[name]!, as: UTF8.self), "\(name)")
    }
    #expect(try Self.manifest(excel)["csv_ids"] as? String == "excel-text")
    // A CSV reader sees the formula Excel evaluates to the text of the id.
    let row = ranking.split(separator: "\r\n").first { $0.contains(Self.digits) }.map(String.init) ?? ""
    let excelRow = String(decoding: after["ranking.csv"]!, as: UTF8.self).split(separator: "\r\n").first { $0.contains(Self.digits) }.map(String.init) ?? ""
    #expect(row.split(separator: ",")[2] == Substring(Self.digits))
    #expect(excelRow.split(separator: ",")[2] == Substring("\"=\"\"\(Self.digits)\"\"\""))
  }

  @Test func theOptionIsListedInRunsHelp() throws {
    let r = try CLI.run(["run", "--help"])
    #expect(r.stdout.contains("--excel-text-ids"))
  }
}
