import Model

/// Speculative parallel ingest (the technique of simdcsv, Arrow and Polars), with libcsv
/// on every part.
///
/// The input is cut at `K − 1` points, each just after an LF near `i · size / K` (in
/// GB18030 an 0x0A byte is never part of a multi-byte character, so the cut is safe there
/// too). The first part reads the header and decides the encoding (BOM) exactly as a
/// sequential read; then all parts are read at once, each with its own libcsv parser,
/// decoder, column builders and diagnostics (lines counted from the part's start), each on
/// its own thread (`runConcurrently`), on
/// the assumption that every cut falls between records.
///
/// **Speculation check**, cut by cut in order: the run holding everything before cut `k`
/// must stand exactly at a record boundary there (`IngestRun.atRowBoundary`: not inside a
/// quoted field, nothing buffered, no fatal stop). Then part `k` read what that run would
/// have read, and it is appended (`IngestRun.absorb`); otherwise (a quoted field spans the
/// cut, or the cut is inside the header) part `k` is thrown away and its bytes are read by
/// that run itself. A fatal problem stops reading as in a sequential read. Either way the
/// table, the diagnostics (order, lines, cap) and the counts are those of a sequential read.
enum ParallelIngest {
  /// Reads `source` in parallel when it can be cut, otherwise sequentially.
  static func read(
    source: InputSource, file: String, columns: [ColumnSpec], idColumn: String, options: IngestOptions
  ) -> IngestResult {
    let first = IngestRun(file: file, columns: columns, idColumn: idColumn, options: options, expectedBytes: source.size)
    let cuts = (options.splitOffsets ?? source.splitPoints(parts: options.threads)).filter { $0 > 0 && $0 < source.size }
    let bounds = [0] + Set(cuts).sorted() + [source.size]
    // Read the first part's start on this thread until the header is known.
    let probe = min(bounds[1], 1 << 16)
    var start = 0
    while start < bounds[1] && first.headerTemplate == nil && !first.stopped {
      let end = min(bounds[1], start + probe)
      if let error = source.feed(first, start..<end) { return Ingestor.noInput(file, .cannotRead(reason: error)) }
      start = end
    }
    guard bounds.count > 2, let template = first.headerTemplate else {
      if let error = source.feed(first, start..<source.size) { return Ingestor.noInput(file, .cannotRead(reason: error)) }
      return first.finish(source: file)
    }
    let parts = bounds.count - 1
    let runs = RunSlots(count: parts)
    runs.set(0, first)
    let firstStart = start
    runConcurrently(parts) { k in
      if k == 0 {
        if let run = runs.run(0) { runs.setError(0, source.feed(run, firstStart..<bounds[1])) }
        return
      }
      let range = bounds[k]..<bounds[k + 1]
      let run = IngestRun(
        continuing: template, file: file, columns: columns, idColumn: idColumn, options: options, range: range)
      runs.set(k, run)
      runs.setError(k, source.feed(run, range))
    }
    if let error = runs.error(0) { return Ingestor.noInput(file, .cannotRead(reason: error)) }
    for k in 1..<parts where !first.stopped {
      if first.bytesIn == bounds[k], first.atRowBoundary, runs.error(k) == nil, let part = runs.run(k), first.absorb(part, threads: options.threads) {
        runs.set(k, nil)
        continue
      }
      runs.set(k, nil)  // speculation failed: free the part before its bytes are read again
      if let error = source.feed(first, bounds[k]..<bounds[k + 1]) {
        return Ingestor.noInput(file, .cannotRead(reason: error))
      }
    }
    return first.finish(source: file)
  }
}

/// One slot per part for the runs and their read errors, written by the part's own
/// thread only and read after all parts are done (`runConcurrently` returns). A class, as
/// the threads' closures share it; `deinit` frees the slots.
private final class RunSlots: @unchecked Sendable {
  private let runs: UnsafeMutablePointer<IngestRun?>
  private let errors: UnsafeMutablePointer<String?>
  private let count: Int

  init(count: Int) {
    self.count = count
    runs = .allocate(capacity: count)
    runs.initialize(repeating: nil, count: count)
    errors = .allocate(capacity: count)
    errors.initialize(repeating: nil, count: count)
  }

  func set(_ k: Int, _ run: IngestRun?) { runs[k] = run }
  func run(_ k: Int) -> IngestRun? { runs[k] }
  func setError(_ k: Int, _ error: String?) { errors[k] = error }
  func error(_ k: Int) -> String? { errors[k] }

  deinit {
    runs.deinitialize(count: count)
    runs.deallocate()
    errors.deinitialize(count: count)
    errors.deallocate()
  }
}
