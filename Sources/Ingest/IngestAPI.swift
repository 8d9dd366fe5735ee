import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text encoding of an input CSV.
public enum InputEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without BOM (default).
  case utf8 = "utf-8"
  /// GB18030 (superset of GBK/GB2312), decoded by streaming iconv.
  case gb18030

  /// The encoding called `name`: `utf-8`/`utf8`, or `gb18030` and the names users give
  /// its subsets (`gbk`, `gb2312`, `cp936`), in any case.
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
    default: return nil
    }
  }
}

public struct IngestOptions: Sendable {
  public var encoding: InputEncoding
  /// No encoding was named: a file without BOM that is not valid UTF-8 is read again as
  /// GB18030 and kept so when it decodes, with a note (`IngestError.gb18030Detected`).
  public var detectEncoding = false
  /// Bytes read per chunk (the parser never holds the whole file).
  public var chunkSize: Int
  /// Largest accepted field, in bytes (documented limit).
  public var maxFieldBytes: Int
  /// The most header fields accepted: 16,384, Excel's column count (docs/ingest.md).
  public var maxHeaderFields = 16_384
  /// The most bytes of header fields accepted: 1 MiB (docs/ingest.md).
  public var maxHeaderBytes = 1 << 20
  /// Errors kept before the rest are only counted.
  public var errorCap: Int
  /// Parts read at the same time (speculative parallel parsing, docs/ingest.md); 1 reads
  /// the input sequentially. Default: the number of online processors.
  public var threads: Int
  /// Inputs smaller than this many bytes are read sequentially whatever `threads` says.
  public var parallelThreshold: Int
  /// Called with every chunk of a file read sequentially (a pipe, a FIFO, stdin, a small
  /// file), in order, as it is read: the CLI hashes the input in the same pass, so the
  /// manifest describes exactly the bytes parsed. Not called on the parallel path (regular
  /// files only, which the CLI hashes separately and checks for changes).
  public var onBytes: (@Sendable (UnsafeRawBufferPointer) -> Void)?
  /// Testing hook: split the input exactly at these byte offsets (ascending, inside the
  /// input) instead of just after an LF near `i · size / threads`; forces the parallel path.
  var splitOffsets: [Int]?

  /// Default `parallelThreshold`: 8 MiB (smaller files take a few milliseconds anyway).
  public static let defaultParallelThreshold = 8 << 20

  /// The number of online processors (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1.
  public static var activeProcessorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  public init(
    encoding: InputEncoding = .utf8, chunkSize: Int = 1 << 20, maxFieldBytes: Int = 4096,
    errorCap: Int = DiagnosticLog.defaultCap, threads: Int = IngestOptions.activeProcessorCount,
    parallelThreshold: Int = IngestOptions.defaultParallelThreshold
  ) {
    self.encoding = encoding
    self.chunkSize = chunkSize
    self.maxFieldBytes = maxFieldBytes
    self.errorCap = errorCap
    self.threads = threads
    self.parallelThreshold = parallelThreshold
  }

  /// Whether an input of `size` bytes (nil: not a regular file) is read in parallel.
  func parallel(size: Int?) -> Bool {
    guard let size else { return false }
    if splitOffsets != nil { return true }
    return threads > 1 && size >= max(1, parallelThreshold)
  }
}
