import Model

/// The classic history file (`id,year,programme`, docs/ledger.md) written from a ledger's
/// finals: UTF-8 with a byte-order mark, CRLF, through a temporary file renamed at the end.
public enum HistoryCSV {
  /// Writes `entries` (already in the order wanted) to `path`; returns the bytes written.
  @discardableResult
  public static func write(_ entries: [(id: String, year: Int, programme: String)], to path: String) throws(StageFailure) -> Int {
    try OutputFile.write(to: path) { file in
      var csv = CSVWriter(into: ByteBuffer(capacity: 1 << 16), byteOrderMark: true)
      csv.row(["id", "year", "programme"])
      for e in entries { csv.row([e.id, String(e.year), e.programme]) }
      try csv.out.bytes.withMemoryRebound(to: UInt8.self) { try file.write($0) }
    }
  }
}
