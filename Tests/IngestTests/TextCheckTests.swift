import Ingest
import Model
import Testing

/// Text cells are checked eight bytes at a time for control characters and, when they
/// hold non-ASCII bytes, for valid UTF-8 (with a shortcut for 3-byte characters). These
/// tests put every ASCII byte at every position of a long cell, and random corruptions
/// into long multi-byte names, and compare with a byte-by-byte reading of the rules
/// (and with the standard library's UTF-8 validation).
@Suite struct TextCheckTests {
  /// One data row whose name cell is `cell`, quoted (a quote inside is doubled).
  func ingestName(_ cell: [UInt8]) -> IngestResult {
    var bytes = Array(header.utf8) + Array("\(uscc(1)),\"".utf8)
    for b in cell {
      bytes.append(b)
      if b == UInt8(ascii: "\"") { bytes.append(b) }
    }
    bytes += Array("\",east,1,1,1,1\n".utf8)
    return ingest(bytes: bytes)
  }

  /// The rule, byte by byte: C0 controls but tab, CR and LF, and DEL.
  func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F }

  /// Every ASCII byte at every character boundary of a 23-byte cell (ASCII and CJK around it).
  @Test(arguments: Array(UInt8(0)...UInt8(0x7F)))
  func controlCharacterAnywhere(byte: UInt8) {
    let base = Array("宁波ab诚宏cdefgh汽车".utf8)  // 22 bytes
    for position in 0...base.count where position == base.count || base[position] & 0xC0 != 0x80 {
      var cell = base
      cell.insert(byte, at: position)
      let r = ingestName(cell)
      if isControl(byte) {
        let hex = String(byte, radix: 16, uppercase: true)
        let code = String(repeating: "0", count: 4 - hex.count) + hex
        #expect(rendered(r) == ["m.csv:2:企业名称: control character U+\(code) in text"], "byte \(byte) at \(position)")
        #expect(r.table == nil)
      } else {
        #expect(rendered(r).isEmpty, "byte \(byte) at \(position): \(rendered(r))")
        #expect(r.table?.string("name", row: 0) == String(decoding: cell, as: UTF8.self), "byte \(byte) at \(position)")
      }
    }
  }

  /// Random names of 1- to 4-byte characters, one byte replaced or one character cut short:
  /// either the name is kept exactly (valid UTF-8) or reading stops at the first byte
  /// that the standard library cannot take as the start of a valid prefix.
  @Test(arguments: 0..<4) func corruptedNames(seed: UInt64) {
    var rng = SplitMix64(seed: 0x7E47 &+ seed)
    let pool = ["a", "Z", "0", " ", "é", "ß", "宁", "波", "诚", "车", "\u{1000}", "\u{E000}", "\u{FFFD}", "\u{D7FF}", "\u{800}", "😀", "\u{10FFFF}"]
    for _ in 0..<1_500 {
      var cell: [UInt8] = []
      for _ in 0..<(1 + Int(rng.next() % 20)) { cell += Array(pool[Int(rng.next() % UInt64(pool.count))].utf8) }
      let at = Int(rng.next() % UInt64(cell.count))
      if rng.next() % 3 == 0 {
        cell.remove(at: at)
      } else {
        // Any byte but controls and the bytes that change the CSV structure.
        var b: UInt8
        repeat { b = UInt8(truncatingIfNeeded: rng.next()) } while b < 0x20 || b == 0x7F || b == 0x22 || b == 0x2C
        cell[at] = b
      }
      cell.insert(UInt8(ascii: "x"), at: 0)  // never empty nor blank
      let r = ingestName(cell)
      if String(validating: cell, as: UTF8.self) != nil {
        #expect(rendered(r).isEmpty, "\(cell): \(rendered(r))")
        #expect(r.table?.string("name", row: 0) == String(decoding: cell, as: UTF8.self))
      } else {
        let valid = (0...cell.count).last { String(validating: cell[0..<$0], as: UTF8.self) != nil } ?? 0
        let hex = String(cell[valid], radix: 16, uppercase: true)
        let byte = (hex.count == 1 ? "0" : "") + hex
        #expect(
          rendered(r) == [
            "m.csv:2:企业名称: invalid UTF-8 (byte 0x\(byte)) in this cell: the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030"
          ], "\(cell)")
      }
    }
  }
}
