import Ingest
import Model

/// The columns most tests declare: a USCC id, a name, a district category, a bool,
/// a number with a range, an integer, and a number whose empty cells are allowed.
let sampleColumns: [ColumnSpec] = [
  ColumnSpec(key: "uscc", headers: ["统一社会信用代码", "uscc"], type: .uscc),
  ColumnSpec(key: "name", headers: ["企业名称", "name"], type: .text),
  ColumnSpec(key: "district", headers: ["区域", "district"], type: .category, allowedValues: ["北区", "南区", "east"]),
  ColumnSpec(key: "cloud", headers: ["上云", "cloud"], type: .bool),
  ColumnSpec(key: "gain", headers: ["效率提升率(%)", "gain"], type: .number, range: -100...1000),
  ColumnSpec(key: "staff", headers: ["员工数", "staff"], type: .integer),
  ColumnSpec(key: "cost", headers: ["成本", "cost"], type: .number, missing: .mean),
]

/// Valid USCCs (check characters computed with `USCC.checkCharacter`).
func uscc(_ n: Int) -> String {
  let digits = Array(String(n).utf8)
  var prefix = Array("91330200".utf8) + [UInt8](repeating: UInt8(ascii: "0"), count: 9 - digits.count) + digits
  prefix = Array(prefix.prefix(17))
  return String(decoding: prefix + [USCC.checkCharacter(forPrefix: prefix)], as: UTF8.self)
}

let header = "统一社会信用代码,企业名称,区域,上云,效率提升率(%),员工数,成本\n"

/// Ingests `text` (UTF-8) with the sample columns.
func ingest(
  _ text: String, columns: [ColumnSpec] = sampleColumns, id: String = "uscc", chunk: Int = 1 << 20,
  cap: Int = 1000, encoding: InputEncoding = .utf8
) -> IngestResult {
  ingest(bytes: Array(text.utf8), columns: columns, id: id, chunk: chunk, cap: cap, encoding: encoding)
}

func ingest(
  bytes: [UInt8], columns: [ColumnSpec] = sampleColumns, id: String = "uscc", chunk: Int = 1 << 20,
  cap: Int = 1000, encoding: InputEncoding = .utf8
) -> IngestResult {
  let options = IngestOptions(encoding: encoding, chunkSize: chunk, errorCap: cap)
  return Ingestor.read(bytes: bytes, name: "m.csv", columns: columns, idColumn: id, options: options)
}

/// The rendered diagnostics (`FILE:LINE:COLUMN: message`).
func rendered(_ r: IngestResult) -> [String] { r.log.diagnostics.map(\.description) }

/// A comparable snapshot of a table: every cell's display string, plus lines.
func snapshot(_ t: Table?) -> [String] {
  guard let t else { return ["<nil>"] }
  var out = ["rows=\(t.rowCount)", "lines=\(t.lines)"]
  for key in t.columns.keys.sorted() {
    let cells = (0..<t.rowCount).map { row -> String in
      guard let c = t[key] else { return "?" }
      return c.isMissing(row) ? "∅" : c.string(at: row)
    }
    out.append("\(key)=\(cells)")
  }
  return out
}

let chunkSizes = [1, 2, 3, 7, 4096, 1 << 20]
