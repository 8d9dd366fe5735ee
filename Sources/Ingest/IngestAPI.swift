import Model

/// Text encoding of an input CSV.
public enum InputEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without BOM (default).
  case utf8 = "utf-8"
  /// GB18030 (superset of GBK/GB2312), decoded by streaming iconv.
  case gb18030
}

public struct IngestOptions: Sendable {
  public var encoding: InputEncoding
  /// Bytes read per chunk (the parser never holds the whole file).
  public var chunkSize: Int
  /// Largest accepted field, in bytes (documented limit).
  public var maxFieldBytes: Int
  /// Errors kept before the rest are only counted.
  public var errorCap: Int
  public init(encoding: InputEncoding = .utf8, chunkSize: Int = 1 << 20, maxFieldBytes: Int = 4096, errorCap: Int = DiagnosticLog.defaultCap) {
    self.encoding = encoding
    self.chunkSize = chunkSize
    self.maxFieldBytes = maxFieldBytes
    self.errorCap = errorCap
  }
}
