import Model
import Testing

@testable import Ingest

/// Every ingest message kind has its Chinese and its English text.
@Suite struct MessageLanguageTests {
  static let everyKind: [IngestError] = [
    .cannotOpen(reason: "x"), .cannotRead(reason: "x"), .emptyFile, .noDataRows, .invalidUTF8(byte: 0xC9, inHeader: true),
    .invalidUTF8(byte: 0xC9, inHeader: false), .invalidGB18030(byte: 0x80, offset: 3), .truncatedGB18030(offset: 9),
    .utf8BOMInGB18030, .gb18030Detected(line: 1, byte: 0xC9), .missingColumn(key: "k", spellings: ["甲", "k"]),
    .duplicateHeader(name: "甲", first: 1, second: 2),
    .sameColumnTwice(key: "k", first: "甲", firstPosition: 1, second: "k", secondPosition: 2),
    .unknownHeader(name: "乙", position: 3), .unknownNearMissing(name: "甲乙", position: 3, key: "k", spelling: "甲乙(%)"),
    .headerNormalised(name: "甲（%）", position: 3, spelling: "甲(%)"), .emptyHeader(position: 4),
    .ragged(found: 3, expected: 4), .unterminatedQuote, .textAfterClosingQuote(byte: 0x61), .quoteInUnquotedField,
    .fieldTooLong(limit: 4096), .headerTooLarge(fields: 1, bytes: 2), .textColumnTooLarge(limit: 9), .emptyRowSkipped,
    .emptyCell, .emptyID, .duplicateID(id: "x", firstLine: 2), .controlCharacter(scalar: 7),
    .notANumber(value: "x", hint: nil), .notAnInteger(value: "1.5"), .outOfRange(value: "9", range: 0...1),
    .overflow(value: "1e999"), .notABool(value: "maybe"), .notAllowed(value: "x", allowed: ["a"], closest: "a"),
    .invalidUSCC(value: "x", problem: .init(text: USCC.Problem.length(1).message)), .placeholder(value: "-"),
    .moreLikeThis(count: 5, firstLine: 9),
    .lenientRead(count: 3, firstLine: 2, what: Message(zh: "千位分隔符", en: "thousands separators")),
  ]

  @Test(arguments: everyKind) func bothLanguages(_ e: IngestError) {
    #expect(e.message.isTranslated, "\(e)")
    #expect(e.message.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(e.message.zh)")
    #expect(e.description == e.message.en)
  }

  @Test func hintsInBothLanguages() throws {
    for raw in ["2022/3/1", "4-Mar", "3级", "\u{2212}4.5", "（4.5）", "1,234,567", "１２．５", "13.70%", "1e3", "NaN", "1 234"] {
      let hint = try #require(NumberHint.hint(for: raw), "\(raw)")
      #expect(hint.isTranslated, "\(raw)")
    }
    #expect(NumberHint.hint(for: "abc") == nil)
    #expect(NumberHint.isPlaceholder("N/A") && NumberHint.isPlaceholder("无") && !NumberHint.isPlaceholder("0"))
  }

  @Test func diagnosticRendersEitherLanguageWithTheSamePosition() {
    var d = Diagnostic(.warning, file: "m.csv", line: 3, column: "成本", message: IngestError.emptyRowSkipped.message)
    #expect(d.rendered(.zh) == "m.csv:3:成本: 警告：此行所有字段为空，已跳过")
    #expect(d.rendered(.en) == "m.csv:3:成本: warning: row has only empty fields and is skipped")
    #expect(d.description == d.rendered(.en))
    d.severity = .note
    #expect(d.rendered(.zh).hasPrefix("m.csv:3:成本: 注："))
    // A message given as one String (not yet translated) reads the same in both.
    let plain = Diagnostic(file: "c.toml", line: 2, keyPath: "a.b", message: "x")
    #expect(plain.rendered(.zh) == "c.toml:2: a.b: x" && plain.rendered(.en) == "c.toml:2: a.b: x")
  }

  @Test func markersAndLenientColumns() {
    var cost = ColumnSpec(key: "cost", headers: ["成本"], type: .number, missing: .mean)
    cost.missingMarkers = ["-", "无"]
    var gain = ColumnSpec(key: "gain", headers: ["增长(%)"], type: .number)
    gain.lenient = true
    let columns = [ColumnSpec(key: "id", headers: ["id"], type: .text), cost, gain]
    let text = "id,成本,增长（%）\na,-,\"1,234.5\"\nb,无,１２％\nc,3,4\n"
    let r = Ingestor.read(bytes: Array(text.utf8), name: "m.csv", columns: columns, idColumn: "id", options: IngestOptions())
    #expect(r.failure == nil)
    #expect(r.table?.rowCount == 3)
    #expect(r.summary.missingCells["cost"] == 2)
    #expect(
      r.log.diagnostics.map { $0.rendered(.en) } == [
        "m.csv:1:增长（%）: note: header '增长（%）' (column 3) matches '增长(%)' once full-width/half-width forms, spaces and line breaks are normalised: read as that column",
        "m.csv:2:增长（%）: warning: lenient reading: 2 cells (from line 2 on) were read as numbers after removing thousands separators, full-width characters, a trailing %",
      ])
    #expect(r.log.warningCount == 1)
  }
}
