import Foundation
import Testing

/// `run --layout arrow` (docs/outputs.md): results.json names enterprises.arrow, an Arrow IPC
/// file whose structure (magic, footer, record batch blocks) is read here from the format's
/// rules; its values are checked against results.json and enterprises.csv by pyarrow, pandas
/// and polars in Tests/Scripts/arrow_layout_test.py (run by scripts/test.sh).
@Suite struct ArrowLayoutTests {
  static let args = [
    "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv", "--screen",
    "samples/screening.csv", "--decisions", "samples/decisions.csv", "--no-excel", "--no-html",
  ]

  @Test func resultsJSONNamesTheTableAndIsOtherwiseTheDefault() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var out: [String: [String: Any]] = [:]
    for layout in ["objects", "columnar", "arrow"] {
      let path = dir.appendingPathComponent(layout).path
      let r = try CLI.run(Self.args + ["--out", path, "--layout", layout])
      #expect(r.status == 0, "\(r.stderr)")
      out[layout] = try ColumnarLayoutTests.json(path + "/results.json")
    }
    var objects = try #require(out["objects"]), arrow = try #require(out["arrow"]), columnar = try #require(out["columnar"])
    let entries = try #require(objects.removeValue(forKey: "ranking") as? [Any])
    let pointer = try #require(arrow.removeValue(forKey: "ranking") as? [String: Any])
    let csvPointer = try #require(columnar["ranking"] as? [String: Any])
    #expect(pointer["layout"] as? String == "arrow")
    #expect(pointer["file"] as? String == "enterprises.arrow")
    #expect(pointer["rows"] as? Int == entries.count)
    #expect(pointer["columns"] as? [String] == csvPointer["columns"] as? [String])
    try ColumnarLayoutTests.expectSameApartFromTime(objects, arrow)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("objects/enterprises.arrow").path))
  }

  /// The file's layout, read with the IPC format's rules: `ARROW1` and padding, the schema
  /// message, the record batches back to back, the end-of-stream marker, the footer (a
  /// FlatBuffer whose fourth field lists each batch's offset, metadata and body length), the
  /// footer's length, `ARROW1`. Two runs write the same bytes.
  @Test func theFileIsLaidOutAsTheArrowFileFormat() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    var files: [[UInt8]] = []
    for n in 1...2 {
      let path = dir.appendingPathComponent("arrow\(n)").path
      let r = try CLI.run(Self.args + ["--out", path, "--layout", "arrow"])
      #expect(r.status == 0, "\(r.stderr)")
      files.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: path + "/enterprises.arrow"))))
    }
    #expect(files[0] == files[1])
    let f = files[0]
    let magic = Array("ARROW1".utf8)
    #expect(Array(f[0..<8]) == magic + [0, 0])
    #expect(Array(f[(f.count - 6)...]) == magic)
    func u32(_ at: Int) -> Int { Int(f[at]) | Int(f[at + 1]) << 8 | Int(f[at + 2]) << 16 | Int(f[at + 3]) << 24 }
    func i64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(f[at + $1]) << (8 * $1) } }
    let footerLength = u32(f.count - 10)
    let footer = f.count - 10 - footerLength
    #expect(footer > 8 && footer % 8 == 0)
    // The end-of-stream marker just before the footer.
    #expect(Array(f[(footer - 8)..<footer]) == [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
    // Footer root table → its vtable → field 3 (recordBatches): a vector of 24-byte Blocks.
    let table = footer + u32(footer)
    let vtable = table - (u32(table) > Int(Int32.max) ? u32(table) - (1 << 32) : u32(table))
    let fieldOffset = Int(f[vtable + 4 + 2 * 3]) | Int(f[vtable + 5 + 2 * 3]) << 8
    #expect(fieldOffset != 0)
    let vector = table + fieldOffset + u32(table + fieldOffset)
    let count = u32(vector)
    #expect(count == 1)
    // The schema message starts at 8; the first batch right after it.
    var expected = 8 + 8 + u32(12)
    for b in 0..<count {
      let block = vector + 4 + 24 * b
      #expect(block % 8 == 0)
      let (offset, metadata, body) = (i64(block), u32(block + 8), i64(block + 16))
      #expect(offset == expected && offset % 8 == 0 && metadata % 8 == 0 && body % 8 == 0)
      #expect(Array(f[offset..<(offset + 4)]) == [0xFF, 0xFF, 0xFF, 0xFF])
      #expect(u32(offset + 4) == metadata - 8)
      expected = offset + metadata + body
    }
    #expect(expected == footer - 8)
  }
}
