#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered, append-only file writer over a POSIX descriptor.
///
/// Text is appended as UTF-8 into a 1 MiB buffer that is flushed with `write(2)`
/// when full, so a million-row report never builds one giant `String`.
/// With an `Transcoder` the bytes are converted (e.g. to GB18030) at each flush.
/// `close()` flushes, `fsync`s and closes; it must be called for the file to be
/// complete. The corresponding C functions are `open`, `write`, `fsync`, `close`.
final class ByteSink {
  let path: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private let capacity: Int
  private var transcoder: Transcoder?

  /// Creates (truncating) the file at `path`, mode 0644 before the umask.
  init(path: String, transcoder: Transcoder? = nil, capacity: Int = 1 << 20) throws(ReportError) {
    self.path = path
    self.capacity = capacity
    self.transcoder = transcoder
    let d = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard d >= 0 else { throw .io(path: path, operation: "create file", code: currentErrno) }
    fd = d
    buffer.reserveCapacity(capacity + 4096)
  }

  deinit { if fd >= 0 { _ = Glibc.close(fd) } }

  /// Appends the UTF-8 bytes of `s`.
  @inline(__always)
  func write(_ s: String) throws(ReportError) {
    var s = s
    s.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= capacity { try flush() }
  }

  /// Appends raw bytes (already in the output encoding when no transcoder is set).
  func write(bytes: [UInt8]) throws(ReportError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Appends one ASCII byte.
  @inline(__always)
  func write(byte: UInt8) throws(ReportError) {
    buffer.append(byte)
    if buffer.count >= capacity { try flush() }
  }

  /// Appends the decimal digits of `n`.
  func write(integer n: Int) throws(ReportError) {
    if n < 0 { buffer.append(UInt8(ascii: "-")) }
    var m = n.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(ascii: "0") + UInt8(m % 10)
        m /= 10
        count += 1
      } while m > 0
      for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[i]) }
    }
    if buffer.count >= capacity { try flush() }
  }

  /// Appends `x` rounded half away from zero to `decimals` places (0…9); nothing when not finite.
  /// Same text as `ReportModel.fixed`, without building a `String`.
  func write(fixed x: Double, decimals: Int) throws(ReportError) {
    guard x.isFinite else { return }
    let d = max(0, min(decimals, 9))
    var scale: UInt64 = 1
    for _ in 0..<d { scale *= 10 }
    let scaled = (abs(x) * Double(scale)).rounded()
    guard scaled < 9.0e15 else { return try write(ReportModel.fixed(x, decimals: d)) }
    let n = UInt64(scaled)
    if x < 0 && n != 0 { buffer.append(UInt8(ascii: "-")) }
    try write(integer: Int(n / scale))
    if d > 0 {
      buffer.append(UInt8(ascii: "."))
      var frac = n % scale
      var div = scale / 10
      while div > 0 {
        buffer.append(UInt8(ascii: "0") + UInt8(frac / div))
        frac %= div
        div /= 10
      }
    }
  }

  /// Writes the buffered bytes to the descriptor.
  func flush(final: Bool = false) throws(ReportError) {
    if var t = transcoder {
      let out = try t.convert(buffer, final: final, path: path)
      transcoder = t
      buffer.removeAll(keepingCapacity: true)
      try writeAll(out)
    } else {
      try writeAll(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// Flushes, syncs and closes the file.
  func close() throws(ReportError) {
    try flush(final: true)
    guard fd >= 0 else { return }
    if fsync(fd) != 0 { throw .io(path: path, operation: "sync file", code: currentErrno) }
    let r = Glibc.close(fd)
    fd = -1
    if r != 0 { throw .io(path: path, operation: "close file", code: currentErrno) }
  }

  private func writeAll(_ bytes: [UInt8]) throws(ReportError) {
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      var off = 0
      while off < raw.count {
        let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)  // non-nil: count > 0
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        off += n
      }
    }
    if failure != 0 { throw .io(path: path, operation: "write", code: failure) }
  }
}
