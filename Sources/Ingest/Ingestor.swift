import Model

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the metrics CSV into a typed, validated `Table` (see docs/ingest.md).
public enum Ingestor {
  /// Reads and validates the metrics CSV at `path` against the declared columns.
  ///
  /// Streams the file with POSIX `read()` in chunks of `options.chunkSize`; the raw
  /// text is never held in memory, only the typed columns. A regular file of at least
  /// `options.parallelThreshold` bytes is read in `options.threads` parts at once
  /// (`ParallelIngest`), with the same result.
  /// - Parameters:
  ///   - columns: the declared columns (`[columns.*]` of the criteria file).
  ///   - idColumn: key of the id column: an empty or repeated id is an error.
  ///     Pass a key that no column has to skip the id checks.
  /// - Returns: the table, or every problem found (up to `options.errorCap`) with
  ///   `failure` set to `.noInput` (cannot open or read) or `.data`.
  public static func read(path: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions) -> IngestResult {
    detecting(options, file: path) { readOnce(path: path, columns: columns, idColumn: idColumn, options: $0) }
  }

  /// Encoding detection around a read: when `options.detectEncoding` and the UTF-8 read
  /// found invalid UTF-8 in a file without BOM, the input is read again as GB18030; that
  /// result is kept (with a note at line 1) unless GB18030 does not decode it either.
  /// Only the failing path pays for the second read.
  static func detecting(_ options: IngestOptions, file: String, _ read: (IngestOptions) -> IngestResult) -> IngestResult {
    let first = read(options)
    guard options.detectEncoding, options.encoding == .utf8, !first.summary.hadBOM,
      let line = first.summary.invalidUTF8Line, let byte = first.summary.invalidUTF8Byte
    else { return first }
    var gb = options
    gb.encoding = .gb18030
    let second = read(gb)
    guard !second.summary.invalidGB18030, second.failure?.kind != .noInput else { return first }
    var log = DiagnosticLog(cap: second.log.cap)
    log.append(Diagnostic(.note, file: file, line: 1, message: IngestError.gb18030Detected(line: line, byte: byte).message))
    log.append(contentsOf: second.log)
    var summary = second.summary
    summary.detectedGB18030 = true
    let failure = log.hasErrors ? StageFailure(.data, diagnostics: log) : nil
    return IngestResult(table: second.table, log: log, failure: failure, summary: summary)
  }

  static func readOnce(path: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions) -> IngestResult {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return noInput(path, .cannotOpen(reason: errnoText())) }
    defer { close(fd) }
    var st = stat()
    let size: Int? = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
    if let size, options.parallel(size: size) {
      let source = InputSource(storage: .file(fd), size: size, chunkSize: max(1, options.chunkSize))
      return ParallelIngest.read(source: source, file: path, columns: columns, idColumn: idColumn, options: options)
    }
    let run = IngestRun(file: path, columns: columns, idColumn: idColumn, options: options, expectedBytes: size)
    let chunk = max(1, options.chunkSize)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
    defer { buffer.deallocate() }
    while !run.stopped {
      let n = Glibc.read(fd, buffer, chunk)
      if n < 0 {
        if errno == EINTR { continue }
        return noInput(path, .cannotRead(reason: errnoText()))
      }
      if n == 0 { break }
      options.onBytes?(UnsafeRawBufferPointer(start: buffer, count: n))
      run.consume(buffer, n)
    }
    return run.finish(source: path)
  }

  /// Reads CSV bytes already in memory, in chunks of `options.chunkSize`, exactly as
  /// `read(path:…)` reads a file (used by tests and the fuzzer).
  /// - Parameter name: the file name used in diagnostics.
  public static func read(
    bytes: UnsafeRawBufferPointer, name: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions
  ) -> IngestResult {
    detecting(options, file: name) { readOnce(bytes: bytes, name: name, columns: columns, idColumn: idColumn, options: $0) }
  }

  static func readOnce(
    bytes: UnsafeRawBufferPointer, name: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions
  ) -> IngestResult {
    if options.parallel(size: bytes.count), let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
      let source = InputSource(storage: .memory(base), size: bytes.count, chunkSize: max(1, options.chunkSize))
      return ParallelIngest.read(source: source, file: name, columns: columns, idColumn: idColumn, options: options)
    }
    let run = IngestRun(file: name, columns: columns, idColumn: idColumn, options: options, expectedBytes: bytes.count)
    let chunk = max(1, options.chunkSize)
    if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
      var off = 0
      while off < bytes.count && !run.stopped {
        let n = min(chunk, bytes.count - off)
        run.consume(base + off, n)
        off += n
      }
    }
    return run.finish(source: name)
  }

  /// Convenience for `read(bytes:…)` over an array.
  public static func read(
    bytes: [UInt8], name: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions
  ) -> IngestResult {
    bytes.withUnsafeBytes { read(bytes: $0, name: name, columns: columns, idColumn: idColumn, options: options) }
  }

  static func noInput(_ path: String, _ error: IngestError) -> IngestResult {
    let d = Diagnostic(file: path, line: 0, message: error.message)
    var log = DiagnosticLog()
    log.append(d)
    return IngestResult(table: nil, log: log, failure: StageFailure(.noInput, diagnostics: log), summary: IngestSummary())
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}
