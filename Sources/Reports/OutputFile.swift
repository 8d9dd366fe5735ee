#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Model

/// One output file written atomically, the single-file sibling of `OutputFolder` (the diff
/// page, generated metrics).
///
/// `write(to:_:)` creates `DIR/.NAME.tmp-XXXXXX` next to PATH, lets the body write into
/// it through a `ByteSink`, then `fsync`s it, renames it over PATH and syncs the folder.
/// On any failure the temporary file is removed and PATH is left as it was.
public final class OutputFile {
  /// The final path, for messages.
  public let destination: String
  let sink: ByteSink
  /// Bytes written so far.
  public private(set) var byteCount = 0

  private init(destination: String, sink: ByteSink) {
    self.destination = destination
    self.sink = sink
  }

  /// Appends raw bytes.
  public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(ReportError) {
    byteCount += bytes.count
    try sink.write(buffer: bytes)
  }

  /// Appends the UTF-8 bytes of `text`.
  public func write(_ text: String) throws(ReportError) {
    byteCount += text.utf8.count
    try sink.write(text)
  }

  /// Writes PATH atomically (see the type); returns the number of bytes written.
  ///
  /// - Throws: `StageFailure` of kind `.cantCreate` (exit 73) naming PATH, or the
  ///   `StageError` the body threw; any other error from the body as `.cantCreate`.
  @discardableResult
  public static func write(to path: String, _ body: (OutputFile) throws -> Void) throws(StageFailure) -> Int {
    let temporary = temporaryPath(for: path)
    do {
      let file = OutputFile(destination: path, sink: try named(path) { () throws(ReportError) in try ByteSink(path: temporary, durability: .onClose) })
      do {
        try body(file)
        try named(path) { () throws(ReportError) in try file.sink.close() }
        guard rename(temporary, path) == 0 else { throw ReportError.io(path: path, operation: "rename a temporary file to", code: currentErrno) }
      } catch {
        unlink(temporary)
        throw error
      }
      OutputFolder.syncParent(of: path)
      return file.byteCount
    } catch let e as any StageError {
      throw e.stageFailure
    } catch {
      throw StageFailure(.cantCreate, Diagnostic(file: path, line: 0, message: Message(zh: "无法写入文件：", en: "cannot write the file: ") + SystemErrorText.of(error)))
    }
  }

  /// Runs `body`, reporting a failure on the temporary file under the final path.
  private static func named<T>(_ path: String, _ body: () throws(ReportError) -> T) throws(ReportError) -> T {
    do { return try body() } catch {
      if case .io(_, let operation, let code) = error { throw .io(path: path, operation: operation, code: code) }
      throw error
    }
  }

  /// `DIR/.NAME.tmp-XXXXXX` next to `path` (same file system, so the rename is atomic).
  static func temporaryPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    var rng = SystemRandomNumberGenerator()
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    let suffix = String((0..<6).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
    return "\(dir).\(name).tmp-\(suffix)"
  }
}
