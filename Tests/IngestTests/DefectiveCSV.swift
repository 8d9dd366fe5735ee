import Ingest
import Model

/// A random metrics CSV (the sample columns) with defects of every class scattered in:
/// quoted fields with commas, quotes, LF and CR LF inside, Chinese, blank and all-empty
/// rows, ragged rows, broken quotes, bad numbers, integers, bools, categories and USCCs,
/// empty and duplicate ids, control characters; sometimes a BOM, CR LF line ends, no
/// final newline, and (rarely) a fatal problem: invalid UTF-8, an unterminated quote.
struct DefectiveCSV {
  private var rng: SplitMix64
  /// The file as text (always valid Unicode, for the GB18030 variant).
  private(set) var text = ""
  /// Bytes appended after `text` (invalid UTF-8 / GB18030 defects), nil for none.
  private(set) var tail: [UInt8] = []
  /// No defects at all (only warnings: empty rows), so that a table is produced.
  private let clean: Bool

  init(seed: UInt64, rows: Int? = nil, fatal: Bool = true, clean: Bool = false) {
    rng = SplitMix64(seed: seed)
    self.clean = clean
    let crlf = roll(3)
    let eol = crlf ? "\r\n" : "\n"
    if roll(4) { text += "\u{FEFF}" }
    text += roll(5) ? "uscc,name,district,cloud,gain,staff,cost,备注" + eol : String(header.dropLast()) + eol
    let extra = text.contains("备注")
    let count = rows ?? Int(1 + next(40))
    var ids: [String] = []
    for r in 0..<count {
      if roll(25) { text += pick(["", " ", "\t"]) + (roll(3) ? "\r\n" : "\n") }  // blank / space-only line
      if roll(40) { text += String(repeating: ",", count: 6) + eol }  // Excel's empty row
      var id = uscc(Int(seed % 1000) * 100 + r + 1)
      if defect(15), let earlier = ids.randomElement(using: &rng) { id = earlier }
      if defect(30) { id = "" }
      if defect(30) { id = String(id.dropLast()) + (id.hasSuffix("0") ? "1" : "0") }
      if roll(20) { id = " " + id.lowercased() + " " }
      ids.append(id)
      var fields = [id, name(), category(), pick(["1", "0", "是", "否", "Y", "n", "true", "FALSE"])]
      if defect(30) { fields[3] = "maybe" }
      if defect(30) { fields[3] = "" }
      fields.append(number())
      fields.append(defect(25) ? "1.5" : String(next(5000)))
      fields.append(roll(3) ? "" : number())
      if extra { fields.append(roll(2) ? "x" : "") }
      if defect(25) { fields.removeLast() }
      if defect(30) { fields.append("extra") }
      text += fields.joined(separator: ",") + (roll(20) ? (crlf ? "\n" : "\r\n") : eol)
    }
    if fatal && defect(12) {
      text += uscc(99) + ",\"never closed" + eol + "x,y" + eol
    } else if fatal && defect(12) {
      tail = Array(uscc(98).utf8) + [0x2C, 0xD6, 0xD0] + Array(",east,1,1,1,1\n".utf8)
    } else if roll(3) {
      text.removeLast()
    }
  }

  /// The file in UTF-8.
  var utf8: [UInt8] { Array(text.utf8) + tail }

  private mutating func next(_ n: UInt64) -> UInt64 { rng.next() % n }
  private mutating func roll(_ oneIn: UInt64) -> Bool { next(oneIn) == 0 }
  private mutating func defect(_ oneIn: UInt64) -> Bool { roll(oneIn) && !clean }
  private mutating func pick(_ a: [String]) -> String { a[Int(next(UInt64(a.count)))] }

  private mutating func name() -> String {
    let pieces = ["宁波", "a", ",", "\"", "\n", "\r\n", " ", "x y", "\t", "😀", "€", "=1+2", "科技"]
    var s = ""
    for _ in 0..<next(5) { s += pick(pieces) }
    if defect(30) { s += "\u{1}" }
    if defect(30) { return "a\"b" }  // quote inside an unquoted field
    if defect(30) { return "\"ab\"c" }  // text after a closing quote
    if clean && s.allSatisfy({ $0 == " " || $0 == "\t" }) { s += "n" }
    return RandomTable.quoted(s)
  }

  private mutating func category() -> String {
    if defect(25) { return "西区" }
    return pick(["北区", "南区", "east", " east ", "\"南区\""])
  }

  private mutating func number() -> String {
    switch clean ? 99 : next(30) {
    case 0: return "5000"
    case 1: return "\"1,5\""
    case 2: return "NaN"
    case 3: return "12%"
    case 4: return ""
    default:
      let cents = clean ? Int64(next(110_000)) - 10_000 : Int64(next(200_000)) - 100_000
      return "\(cents / 100).\(String(abs(cents % 100)).leftPad(2))"
    }
  }
}

/// Everything a read produces that must not depend on how the input was cut: every
/// diagnostic, the counts, the summary and every cell (categories with their levels).
func fingerprint(_ r: IngestResult) -> [String] {
  var out = rendered(r)
  out.append("errors=\(r.log.errorCount) warnings=\(r.log.warningCount) failure=\(String(describing: r.failure?.kind))")
  let s = r.summary
  // After a fatal problem the bytes read depend on where reading stopped (chunking).
  let bytes = r.log.hasErrors ? "-" : String(s.bytes)
  out.append("rows=\(s.rows) bytes=\(bytes) skipped=\(s.skippedRows) encoding=\(s.encoding) bom=\(s.hadBOM)")
  out.append("matched=\(s.columnsMatched.sorted { $0.key < $1.key }) unknown=\(s.unknownHeaders)")
  out.append("missing=\(s.missingCells.sorted { $0.key < $1.key })")
  out += snapshot(r.table)
  if let t = r.table {
    for key in t.columns.keys.sorted() {
      if case .category(let c)? = t[key] { out.append("\(key) levels=\(c.levels) codes=\(c.codes)") }
    }
  }
  return out
}
