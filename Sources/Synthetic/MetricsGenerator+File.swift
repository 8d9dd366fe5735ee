#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension MetricsGenerator {
  /// Writes `rows` enterprises to `path` atomically: into a temporary file in the same
  /// folder, then renamed over `path`. Nothing is left behind on failure.
  /// - Returns: the number of bytes written.
  ///
  /// The corresponding C functions are `open`, `write`, `fsync`-free `close` and `rename`.
  /// - Throws: `SyntheticError.rowCount`, `.cannotCreate` (folder missing or not writable),
  ///   `.writeFailed` (disk full, rename refused).
  @discardableResult
  public func write(rows: Int, to path: String, bom: Bool = true) throws(SyntheticError) -> Int {
    guard rows >= 1, rows <= Self.maxRows else { throw SyntheticError.rowCount(rows) }
    let temp = Self.temporaryPath(for: path, seed: seed)
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw .cannotCreate(path: path, reason: Self.errnoText()) }
    var total = 0
    do {
      try write(rows: rows, bom: bom) { chunk in
        total += chunk.count
        var offset = 0
        while offset < chunk.count {
          let n = systemWrite(fd, chunk.baseAddress.map { $0 + offset }, chunk.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw SyntheticError.writeFailed(path: path, reason: Self.errnoText())
          }
          offset += n
        }
      }
    } catch {
      close(fd)
      unlink(temp)
      throw (error as? SyntheticError) ?? .writeFailed(path: path, reason: "\(error)")
    }
    guard close(fd) == 0 else {
      let reason = Self.errnoText()
      unlink(temp)
      throw .writeFailed(path: path, reason: reason)
    }
    guard rename(temp, path) == 0 else {
      let reason = Self.errnoText()
      unlink(temp)
      throw .writeFailed(path: path, reason: reason)
    }
    return total
  }

  /// `DIR/.NAME.tmp-PID-SEED` next to `path` (same file system, so `rename` is atomic).
  static func temporaryPath(for path: String, seed: UInt64) -> String {
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return "\(dir).\(name).tmp-\(getpid())-\(seed)"
  }

  static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// The C `write`, under a name that does not clash with `MetricsGenerator.write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>?, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
  #else
    return Darwin.write(fd, buffer, count)
  #endif
}
