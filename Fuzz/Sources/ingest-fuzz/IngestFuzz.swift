import Glibc
import Ingest
import Model

/// Columns of every type, so the fuzzer reaches every cell parser.
let fuzzColumns: [ColumnSpec] = [
  ColumnSpec(key: "id", headers: ["id"], type: .uscc),
  ColumnSpec(key: "name", headers: ["name"], type: .text, missing: .allow),
  ColumnSpec(key: "kind", headers: ["kind"], type: .category, allowedValues: ["a", "b", "类"]),
  ColumnSpec(key: "flag", headers: ["flag"], type: .bool, missing: .zero),
  ColumnSpec(key: "x", headers: ["x"], type: .number, range: -1e6...1e6, missing: .mean),
  ColumnSpec(key: "n", headers: ["n"], type: .integer),
]

/// What must not depend on chunking: every diagnostic, the counts and the table shape.
func fingerprint(_ r: IngestResult) -> [String] {
  var out = r.log.diagnostics.map(\.description)
  out.append("errors=\(r.log.errorCount) warnings=\(r.log.warningCount) failure=\(String(describing: r.failure?.kind))")
  // After a fatal error reading stops, so the bytes read depend on the chunk size.
  let bytes = r.log.hasErrors ? "-" : String(r.summary.bytes)
  out.append("rows=\(r.summary.rows) bytes=\(bytes) skipped=\(r.summary.skippedRows)")
  out.append("missing=\(r.summary.missingCells.sorted { $0.key < $1.key })")
  if let t = r.table {
    out.append("table rows=\(t.rowCount) lines=\(t.lines)")
    for key in t.columns.keys.sorted() {
      out.append(key + "=" + (0..<t.rowCount).map { t.string(key, row: $0) }.joined(separator: "\u{1}"))
    }
  }
  return out
}

/// Byte 0 picks the chunk size (1…8), the parallel part count (bits 3–4: 2…5) and the
/// encoding (bit 7); the rest is the file.
/// Checks: no crash (ASan), chunk size changes nothing, the parallel path (threshold 0,
/// cuts just after LFs) gives exactly the sequential result, the table exists exactly
/// when there are no errors, and the number parser agrees with strtod bit for bit.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let selector = data[0]
  let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
  let encoding: InputEncoding = selector & 0x80 != 0 ? .gb18030 : .utf8
  func run(_ chunk: Int, threads: Int = 1) -> IngestResult {
    var options = IngestOptions(
      encoding: encoding, chunkSize: chunk, maxFieldBytes: 64, errorCap: 20, threads: threads, parallelThreshold: 0)
    // Header limits small enough for inputs of -max_len bytes to reach them (header bombs).
    options.maxHeaderFields = 12
    options.maxHeaderBytes = 160
    return Ingestor.read(bytes: body, name: "f.csv", columns: fuzzColumns, idColumn: "id", options: options)
  }
  let small = run(Int(selector & 7) + 1)
  let whole = run(1 << 16)
  precondition(fingerprint(small) == fingerprint(whole), "chunk size changed the result")
  let parallel = run(Int(selector & 7) + 1, threads: Int(selector >> 3 & 3) + 2)
  precondition(fingerprint(parallel) == fingerprint(whole), "the parallel read changed the result")
  precondition((small.table == nil) == small.log.hasErrors, "table present despite errors")
  if let t = small.table {
    for c in t.columns.values { precondition(c.count == t.rowCount, "ragged column") }
  }
  checkNumberParser(body)
  return 0
}

/// Maps the bytes onto the number alphabet and compares `DecimalParser` with `strtod`.
func checkNumberParser(_ body: UnsafeRawBufferPointer) {
  let alphabet = Array("0123456789.-+".utf8)
  var bytes = body.prefix(40).map { alphabet[Int($0) % alphabet.count] }
  let outcome = bytes.withUnsafeBytes { DecimalParser.parse($0) }
  bytes.append(0)
  let reference = bytes.withUnsafeBufferPointer { b in
    b.baseAddress.map { p in p.withMemoryRebound(to: CChar.self, capacity: b.count) { strtod($0, nil) } } ?? 0
  }
  if case .value(let v, _) = outcome {
    precondition(v.bitPattern == reference.bitPattern, "DecimalParser \(v) != strtod \(reference) for \(bytes)")
  }
}
