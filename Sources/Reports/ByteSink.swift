import CLinux
import Glibc

/// A buffered, append-only file writer over a POSIX descriptor.
///
/// Text is appended as UTF-8 into a 1 MiB buffer that is flushed with `write(2)`
/// when full, so a million-row report never builds one giant `String`.
/// With an `Transcoder` the bytes are converted (e.g. to GB18030) at each flush.
/// `close()` flushes and closes, and makes the file durable as its `Durability` says: an
/// `fsync` before the close (`.onClose`), or none, the folder that holds it syncing every
/// file before it is published (`.byFolder`, see `OutputFolder.write`). It must be called for
/// the file to be complete. The corresponding C functions are `open`, `write`, `fsync`, `close`.
/// Every 32 MiB written, `sync_file_range(SYNC_FILE_RANGE_WRITE)` starts the write-back of
/// what came before (Linux; a hint that does not wait), so the final `fsync` of a large file
/// finds little left to write; the `fsync` alone still gives durability.
final class ByteSink {
  /// Who makes the file durable.
  enum Durability {
    /// `close()` syncs it: a file published on its own (`OutputFile`).
    case onClose
    /// The output folder syncs it with every other file before the folder is published
    /// (`OutputFolder.write`), so the next file is written while this one's bytes still go
    /// to the disk. `close()` starts the write-back of what is left of a large file.
    case byFolder
  }

  let path: String
  private var fd: Int32
  /// The buffer and its fill level live behind `let` pointers, so the hot append
  /// path needs no dynamic exclusivity checks (which cost ~15% with a `var` array).
  private let storage: UnsafeMutablePointer<UInt8>
  private let fill: UnsafeMutablePointer<Int>
  private let capacity: Int
  private var transcoder: Transcoder?
  /// Bytes written to the descriptor, and how many of them write-back was started for.
  private var written = 0
  private var writeBackStarted = 0
  private let durability: Durability

  /// Creates (truncating) the file at `path`, mode 0644 before the umask.
  init(path: String, durability: Durability, transcoder: Transcoder? = nil, capacity: Int = 1 << 20) throws(ReportError) {
    self.path = path
    self.durability = durability
    self.capacity = capacity
    self.transcoder = transcoder
    let d = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard d >= 0 else { throw .io(path: path, operation: "create file", code: currentErrno) }
    fd = d
    // Room for one more write of up to 64 KiB past `capacity` before a flush; longer
    // strings are written straight through.
    storage = .allocate(capacity: capacity + Self.slack)
    fill = .allocate(capacity: 1)
    fill.initialize(to: 0)
  }

  private static let slack = 1 << 16

  deinit {
    if fd >= 0 { _ = Glibc.close(fd) }
    storage.deallocate()
    fill.deallocate()
  }

  @inline(__always)
  private func append(_ b: UInt8) {
    storage[fill.pointee] = b
    fill.pointee += 1
  }

  @inline(__always)
  private func flushIfFull() throws(ReportError) {
    if fill.pointee >= capacity { try flush() }
  }

  /// Appends the UTF-8 bytes of `s`.
  @inline(__always)
  func write(_ s: String) throws(ReportError) {
    var s = s
    var failure: ReportError?
    s.withUTF8 { u in
      do throws(ReportError) { try write(buffer: u) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Appends raw bytes (already in the output encoding when no transcoder is set).
  func write(bytes: [UInt8]) throws(ReportError) {
    var failure: ReportError?
    bytes.withUnsafeBufferPointer { u in
      do throws(ReportError) { try write(buffer: u) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// Appends the bytes of `buffer` (large buffers go straight to the file).
  func write(_ buffer: ByteBuffer) throws(ReportError) {
    try write(buffer: buffer.bytes.bindMemory(to: UInt8.self))
  }

  func write(buffer u: UnsafeBufferPointer<UInt8>) throws(ReportError) {
    guard let base = u.baseAddress, u.count > 0 else { return }
    if u.count > Self.slack {
      try flush()
      try emit(UnsafeRawBufferPointer(u), final: false)
      return
    }
    (storage + fill.pointee).update(from: base, count: u.count)
    fill.pointee += u.count
    try flushIfFull()
  }

  /// Appends one ASCII byte.
  @inline(__always)
  func write(byte: UInt8) throws(ReportError) {
    append(byte)
    try flushIfFull()
  }

  /// Writes the buffered bytes to the descriptor.
  func flush(final: Bool = false) throws(ReportError) {
    let n = fill.pointee
    fill.pointee = 0
    try emit(UnsafeRawBufferPointer(start: storage, count: n), final: final)
  }

  /// Transcodes (when asked) and writes `bytes`.
  private func emit(_ bytes: UnsafeRawBufferPointer, final: Bool) throws(ReportError) {
    if var t = transcoder {
      let out = try t.convert(Array(bytes), final: final, path: path)
      transcoder = t
      var failure: ReportError?
      out.withUnsafeBytes { raw in
        do throws(ReportError) { try writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
    } else {
      try writeAll(bytes)
    }
  }

  /// Flushes, syncs (`.onClose`) and closes the file.
  func close() throws(ReportError) {
    try flush(final: true)
    guard fd >= 0 else { return }
    switch durability {
    case .onClose:
      if fsync(fd) != 0 { throw .io(path: path, operation: "sync file", code: currentErrno) }
    case .byFolder:
      // A file large enough to have started write-back hands the rest to it too; a small
      // one (a letter among 100,000) is left to the folder's sync.
      if writeBackStarted > 0 && written > writeBackStarted { startWriteBack() }
    }
    let r = Glibc.close(fd)
    fd = -1
    if r != 0 { throw .io(path: path, operation: "close file", code: currentErrno) }
  }

  private func writeAll(_ raw: UnsafeRawBufferPointer) throws(ReportError) {
    guard let base = raw.baseAddress else { return }
    var off = 0
    while off < raw.count {
      let n = Glibc.write(fd, base + off, raw.count - off)
      if n < 0 {
        if errno == EINTR { continue }
        throw .io(path: path, operation: "write", code: currentErrno)
      }
      off += n
    }
    written += raw.count
    if written - writeBackStarted >= Self.writeBackStep { startWriteBack() }
  }

  private static let writeBackStep = 32 << 20

  /// `sync_file_range(fd, from, count, SYNC_FILE_RANGE_WRITE)` (through `CLinux`): starts
  /// write-back of the bytes not yet handed to it, without waiting. Failures are ignored
  /// (`close()` still `fsync`s).
  private func startWriteBack() {
    _ = exemplar_start_write_back(fd, Int64(writeBackStarted), Int64(written - writeBackStarted))
    writeBackStarted = written
  }
}
