import Model
import Testing

@testable import Reports

/// The writers copy short pieces (ids, names, keys, literals) inline instead of calling
/// `memmove` (`copyBytes`): every length on both sides of the 4-, 8-, 16-, 32- and 64-byte
/// cases, at every alignment, must give the same bytes as array concatenation.
@Suite struct ByteCopyTests {
  @Test func piecesOfEveryLengthAndOffset() {
    var rng = SplitMix64(seed: 18)
    let source = (0..<256).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    let b = ByteBuffer(capacity: 64)
    var expected: [UInt8] = []
    source.withUnsafeBytes { raw in
      for length in 0...100 {
        for offset in 0..<9 {
          b.append(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]))
          expected += source[offset..<offset + length]
        }
      }
    }
    #expect(Array(b.bytes) == expected)
  }

  /// `gatherTexts` copies the values at the given rows, in that order, each exactly.
  @Test func gatheredTextsAreTheValuesAtTheRows() {
    var rng = SplitMix64(seed: 19)
    let values: [String?] = (0..<300).map { i in
      i % 17 == 5 ? nil : String(repeating: i % 3 == 0 ? "企" : "a", count: Int(rng.next() % 40))
    }
    let column = TextColumn(values)
    let rows = (0..<600).map { _ in Int(rng.next() % 300) }
    let (first, second) = gatherTexts(column, column, rows: rows[...])
    for (k, row) in rows.enumerated() {
      let want = Array((values[row] ?? "").utf8)
      #expect(first.withValue(k) { Array($0) } == want)
      #expect(second.withValue(k) { Array($0) } == want)
    }
  }
}
