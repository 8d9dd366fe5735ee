import Ingest
import Model
import Testing

/// Random tables written by a standard CSV writer (quote when a field holds a comma,
/// quote, CR or LF; double inner quotes) read back identically at every chunk size.
struct RandomTable {
  static let columns: [ColumnSpec] = [
    ColumnSpec(key: "id", headers: ["编号"], type: .text),
    ColumnSpec(key: "a", headers: ["a"], type: .text, missing: .allow),
    ColumnSpec(key: "b", headers: ["备注, \"quoted\""], type: .text, missing: .allow),
    ColumnSpec(key: "x", headers: ["x"], type: .number, missing: .allow),
  ]
  static let pieces = ["a", ",", "\"", "\n", "\r\n", "中文", "宁波", " ", "x y", "\t", "😀", "€", "'", "=1+2"]

  var rows: [[String]] = []
  var text = ""
  var lines: [Int] = []

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let eol = rng.next() % 2 == 0 ? "\n" : "\r\n"
    let bom = rng.next() % 3 == 0
    var out = bom ? "\u{FEFF}" : ""
    out += Self.columns.map { Self.quoted($0.headers[0]) }.joined(separator: ",") + eol
    var line = 2
    for r in 0..<Int(1 + rng.next() % 30) {
      var row = ["r\(r)"]
      for _ in 0..<2 {
        var s = ""
        for _ in 0..<Int(rng.next() % 5) { s += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
        row.append(s)
      }
      let cents = Int64(rng.next() % 2_000_000) - 1_000_000
      row.append(rng.next() % 5 == 0 ? "" : "\(cents / 100).\(String(abs(cents % 100)).leftPad(2))")
      rows.append(row)
      lines.append(line)
      let record = row.map(Self.quoted).joined(separator: ",")
      line += record.utf8.filter { $0 == 0x0A }.count + 1
      out += record + eol
    }
    if rng.next() % 2 == 0 { out.removeLast() }  // no final newline
    text = out
  }

  static func quoted(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// What the reader must return for a text cell: missing when empty or blank;
  /// spaces and tabs around an unquoted field are dropped, quoted fields are exact.
  static func expectedText(_ s: String) -> String? {
    if s.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
    if quoted(s) != s { return s }
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return nil }
    return String(s[first...last])
  }
}

extension String {
  func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

@Suite struct CSVRoundTripTests {
  @Test(arguments: 0..<60) func readsBackWhatWasWritten(seed: UInt64) throws {
    let table = RandomTable(seed: seed)
    for chunk in chunkSizes {
      let r = ingest(table.text, columns: RandomTable.columns, id: "id", chunk: chunk)
      #expect(r.log.diagnostics.isEmpty, "seed \(seed) chunk \(chunk): \(rendered(r))")
      let t = try #require(r.table)
      #expect(t.rowCount == table.rows.count)
      #expect(t.lines == table.lines)
      guard case .text(let a)? = t["a"], case .text(let b)? = t["b"], let x = t.numbers("x") else {
        Issue.record("columns missing")
        return
      }
      for (i, row) in table.rows.enumerated() where i < t.rowCount {
        #expect(t.string("id", row: i) == row[0])
        #expect(a[i] == RandomTable.expectedText(row[1]), "seed \(seed) chunk \(chunk) row \(i)")
        #expect(b[i] == RandomTable.expectedText(row[2]))
        #expect(x.missing[i] == row[3].isEmpty)
        if !row[3].isEmpty { #expect(x.values[i] == Double(row[3])) }
      }
    }
  }

  @Test(arguments: 0..<20) func gb18030RoundTrip(seed: UInt64) throws {
    let table = RandomTable(seed: seed)
    var text = table.text
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let utf8 = ingest(text, columns: RandomTable.columns, id: "id")
    let encoded = try gb18030(text)
    for chunk in chunkSizes {
      let r = ingest(bytes: encoded, columns: RandomTable.columns, id: "id", chunk: chunk, encoding: .gb18030)
      #expect(r.log.diagnostics.isEmpty, "\(rendered(r))")
      #expect(snapshot(r.table) == snapshot(utf8.table), "seed \(seed) chunk \(chunk)")
      #expect(r.summary.encoding == .gb18030)
    }
  }
}
