import Glibc
@testable import Ingest
import Model
import Testing

/// Reads `bytes` on the parallel path: cut at `cuts` when given (the testing hook: exact
/// offsets, anywhere, even inside a field or a character), else near `i · size / threads`.
func readParallel(
  _ bytes: [UInt8], threads: Int, cuts: [Int]? = nil, chunk: Int = 1 << 20, cap: Int = 1000,
  encoding: InputEncoding = .utf8, columns: [ColumnSpec] = sampleColumns, id: String = "uscc"
) -> IngestResult {
  var options = IngestOptions(encoding: encoding, chunkSize: chunk, errorCap: cap, threads: threads, parallelThreshold: 0)
  options.splitOffsets = cuts
  return Ingestor.read(bytes: bytes, name: "m.csv", columns: columns, idColumn: id, options: options)
}

/// The reference: one sequential read.
func readSequential(
  _ bytes: [UInt8], chunk: Int = 1 << 20, cap: Int = 1000, encoding: InputEncoding = .utf8,
  columns: [ColumnSpec] = sampleColumns, id: String = "uscc"
) -> IngestResult {
  let options = IngestOptions(encoding: encoding, chunkSize: chunk, errorCap: cap, threads: 1)
  return Ingestor.read(bytes: bytes, name: "m.csv", columns: columns, idColumn: id, options: options)
}

/// Parallel reads give exactly the sequential table, diagnostics and counts.
@Suite struct ParallelIngestTests {
  static let caps = [1000, 3, 1, 7]
  static let chunks = [1 << 20, 1, 7, 4096]

  @Test(arguments: 0..<150) func threadsGiveTheSequentialResult(seed: UInt64) {
    let bytes = DefectiveCSV(seed: seed, clean: seed % 3 == 0).utf8
    let cap = Self.caps[Int(seed % 4)]
    let chunk = Self.chunks[Int(seed / 4 % 4)]
    let sequential = readSequential(bytes, chunk: chunk, cap: cap)
    if seed % 3 == 0 { #expect(sequential.table != nil, "a clean file gives a table: \(rendered(sequential))") }
    let expected = fingerprint(sequential)
    for threads in [2, 3, 4] {
      let r = readParallel(bytes, threads: threads, chunk: chunk, cap: cap)
      #expect(fingerprint(r) == expected, "seed \(seed) threads \(threads)")
    }
  }

  /// A cut at every byte: between records, inside quoted fields (also right after a
  /// quoted LF), inside the header, inside a UTF-8 character, after a CR.
  @Test(arguments: 0..<40) func aCutAtEveryByte(seed: UInt64) {
    let bytes = DefectiveCSV(seed: seed, rows: Int(seed % 6) + 2, clean: seed % 3 == 0).utf8
    let cap = Self.caps[Int(seed % 4)]
    let chunk = [1 << 20, 3][Int(seed % 2)]
    let expected = fingerprint(readSequential(bytes, chunk: chunk, cap: cap))
    for cut in 1..<bytes.count {
      let r = readParallel(bytes, threads: 2, cuts: [cut], chunk: chunk, cap: cap)
      #expect(fingerprint(r) == expected, "seed \(seed) cut \(cut)")
      let second = cut + (bytes.count - cut) / 2
      let r3 = readParallel(bytes, threads: 3, cuts: [cut, second], chunk: chunk, cap: cap)
      #expect(fingerprint(r3) == expected, "seed \(seed) cuts \(cut), \(second)")
    }
  }

  @Test(arguments: 0..<60) func gb18030GivesTheSequentialResult(seed: UInt64) throws {
    let csv = DefectiveCSV(seed: seed, rows: seed < 20 ? Int(seed % 5) + 2 : nil, clean: seed % 3 == 0)
    var bytes = try gb18030(csv.text)
    if seed % 7 == 3 { bytes += Array("\(uscc(97)),".utf8) + [0xFF, 0x41] + Array(",east,1,1,1,1\n".utf8) }
    if seed % 7 == 5 { bytes += Array("\(uscc(96)),".utf8) + [0x80] + Array(",east,1,1,1,1\n".utf8) }
    let cap = Self.caps[Int(seed % 4)]
    let expected = fingerprint(readSequential(bytes, cap: cap, encoding: .gb18030))
    for threads in [2, 3, 4] {
      let r = readParallel(bytes, threads: threads, chunk: 5, cap: cap, encoding: .gb18030)
      #expect(fingerprint(r) == expected, "seed \(seed) threads \(threads)")
    }
    guard seed < 20 else { return }
    for cut in 1..<bytes.count {
      let r = readParallel(bytes, threads: 2, cuts: [cut], cap: cap, encoding: .gb18030)
      #expect(fingerprint(r) == expected, "seed \(seed) cut \(cut)")
    }
  }

  /// Every documented defect, with its expected messages, at every cut.
  @Test(arguments: defectCases) func defectsAtEveryCut(_ c: DefectCase) {
    let bytes = Array(header.utf8) + c.body
    for cut in stride(from: 1, to: bytes.count, by: bytes.count > 2000 ? 97 : 1) {
      let r = readParallel(bytes, threads: 2, cuts: [cut], chunk: 7)
      #expect(rendered(r) == c.expected, "cut \(cut)")
      #expect(r.table == nil)
    }
  }

  @Test func quotedNewlineSpanningTheCut() throws {
    let rows = (1...3).map { "\(uscc($0)),\"line \($0)\nstill \($0)\",east,1,\($0),1,1\n" }.joined()
    let bytes = Array((header + rows).utf8)
    // Just after the LF inside row 2's quoted name: the part starts inside a field.
    let quotedLF = Array((header + rows).utf8).indices.filter { bytes[$0] == 0x0A }[3] + 1
    let r = readParallel(bytes, threads: 2, cuts: [quotedLF])
    #expect(rendered(r).isEmpty)
    let t = try #require(r.table)
    #expect(t.lines == [2, 4, 6])
    #expect(t.string("name", row: 1) == "line 2\nstill 2")
    #expect(fingerprint(r) == fingerprint(readSequential(bytes)))
  }

  @Test func errorsInTheSecondPartKeepTheirLines() {
    let rows = (1...40).map { "\(uscc($0)),n,east,1,\($0 == 31 ? "x" : "1"),1,1\n" }.joined()
    let r = readParallel(Array((header + rows).utf8), threads: 2)
    #expect(rendered(r) == ["m.csv:32:效率提升率(%): not a number: 'x'"])
  }

  @Test func fatalProblemInTheFirstPartStopsEverything() {
    var bytes = Array(header.utf8) + Array("\(uscc(1)),".utf8) + [0xD6, 0xD0] + Array(",east,1,1,1,1\n".utf8)
    bytes += Array((2...40).map { "\(uscc($0)),n,east,1,x,1,1\n" }.joined().utf8)
    let r = readParallel(bytes, threads: 2)
    #expect(
      rendered(r) == [
        "m.csv:2:企业名称: invalid UTF-8 (byte 0xD6) in this cell: the file is not UTF-8; if it was saved as GBK/GB18030 (Chinese Excel), use --encoding gb18030"
      ])
  }

  @Test(arguments: [2, 3, 4]) func errorCapCrossesParts(threads: Int) {
    let rows = (1...1500).map { "\(uscc($0)),n,east,1,bad\($0),1,\($0 % 2 == 0 ? "" : "1")\n" }.joined()
    let bytes = Array((header + rows + ",,,,,,\n").utf8)
    let r = readParallel(bytes, threads: threads)
    #expect(r.log.errorCount == 1500)
    #expect(r.log.suppressedErrors == 500)
    #expect(r.log.warningCount == 1)
    // The first three listed, the other 997 kept under the cap summarised in one line.
    #expect(r.log.diagnostics.count == 5)
    #expect(r.log.diagnostics[2].description == "m.csv:4:效率提升率(%): not a number: 'bad3'")
    #expect(
      r.log.diagnostics[3].description
        == "m.csv:5:效率提升率(%): 997 more errors of this kind in this column (from line 5 on), not listed one by one; fix the ones above and check again")
    #expect(r.log.diagnostics[4].description == "m.csv:1502: warning: row has only empty fields and is skipped")
    #expect(fingerprint(r) == fingerprint(readSequential(bytes)))
  }

  @Test(arguments: [2, 3, 4]) func duplicateIDsAcrossParts(threads: Int) {
    let rows = (1...60).map { "\(uscc($0 == 55 ? 3 : $0)),n,east,1,\($0 == 58 ? "y" : "1"),1,1\n" }.joined()
    let r = readParallel(Array((header + rows).utf8), threads: threads)
    #expect(
      rendered(r) == [
        "m.csv:56:统一社会信用代码: duplicate id '\(uscc(3))', first on line 4",
        "m.csv:59:效率提升率(%): not a number: 'y'",
      ])
  }

  @Test(arguments: [2, 3, 4]) func categoryLevelsInFirstAppearanceOrder(threads: Int) throws {
    let districts = Array(repeating: "east", count: 30) + ["南区"] + Array(repeating: "east", count: 29) + ["北区", "南区"]
    let rows = districts.enumerated().map { "\(uscc($0.offset + 1)),n,\($0.element),1,1,1,1\n" }.joined()
    let r = readParallel(Array((header + rows).utf8), threads: threads)
    let t = try #require(r.table)
    guard case .category(let c)? = t["district"] else {
      Issue.record("no category column")
      return
    }
    #expect(c.levels == ["east", "南区", "北区"])
    #expect(c.codes[30] == 1 && c.codes[60] == 2 && c.codes[61] == 1)
  }

  /// The file path: `pread` by ranges, cut points found in the file.
  @Test(arguments: 0..<6) func fileReadInPartsEqualsSequential(seed: UInt64) throws {
    let bytes = DefectiveCSV(seed: seed, rows: 300, fatal: seed % 3 == 0, clean: seed % 2 == 0).utf8
    let path = "/tmp/exemplar-ingest-par-\(getpid())-\(seed).csv"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    try #require(fd >= 0)
    #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count)
    close(fd)
    defer { unlink(path) }
    let sequential = Ingestor.read(
      path: path, columns: sampleColumns, idColumn: "uscc", options: IngestOptions(chunkSize: 1000, threads: 1))
    for threads in [2, 3] {
      let options = IngestOptions(chunkSize: 1000, threads: threads, parallelThreshold: 1)
      let r = Ingestor.read(path: path, columns: sampleColumns, idColumn: "uscc", options: options)
      #expect(fingerprint(r) == fingerprint(sequential), "seed \(seed) threads \(threads)")
    }
  }
}

/// Where the input is cut: just after an LF, ascending, inside the input.
@Suite struct SplitPointTests {
  @Test(arguments: [2, 3, 4, 8]) func cutsFollowAnLF(parts: Int) {
    let bytes = DefectiveCSV(seed: UInt64(parts), rows: 200, fatal: false).utf8
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      let cuts = InputSource(storage: .memory(base), size: b.count, chunkSize: 4096).splitPoints(parts: parts)
      #expect(cuts.count == parts - 1)
      #expect(cuts == cuts.sorted() && Set(cuts).count == cuts.count)
      for (i, c) in cuts.enumerated() {
        let target = (i + 1) * (b.count / parts)
        #expect(c > target && c < b.count && b[c - 1] == 0x0A)
        #expect(!b[target..<(c - 1)].contains(0x0A), "the first LF at or after the target")
      }
    }
  }

  @Test func noCutWithoutAnLF() {
    let bytes = Array(repeating: UInt8(ascii: "a"), count: 1000) + [0x0A]
    bytes.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      #expect(InputSource(storage: .memory(base), size: b.count, chunkSize: 7).splitPoints(parts: 4).isEmpty)
    }
  }
}

/// Enough rows (≥ 65,536) for the duplicate-id tags to be sorted on two threads.
@Suite struct ParallelDuplicateSortTests {
  @Test func duplicatesAmongManyRows() {
    var text = header
    for i in 0..<70_000 {
      let id = i == 69_000 ? 5 : (i == 40_000 ? 39_999 : (i == 30_001 ? 68_000 : i))
      text += "\(uscc(id + 1)),n,east,1,1,1,1\n"
    }
    let bytes = Array(text.utf8)
    let expected = [
      "m.csv:40002:统一社会信用代码: duplicate id '\(uscc(40_000))', first on line 40001",
      "m.csv:68002:统一社会信用代码: duplicate id '\(uscc(68_001))', first on line 30003",
      "m.csv:69002:统一社会信用代码: duplicate id '\(uscc(6))', first on line 7",
    ]
    #expect(rendered(readSequential(bytes)) == expected)
    for threads in [2, 3] {
      #expect(rendered(readParallel(bytes, threads: threads)) == expected, "threads \(threads)")
    }
  }
}
