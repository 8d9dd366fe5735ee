import Crypto

/// A SHA-256 computed over bytes as they are read (`IngestOptions.onBytes`), for inputs
/// that can be read only once: a pipe, a FIFO, /dev/stdin. The manifest then describes
/// exactly the bytes parsed. Updated from one thread at a time.
public final class SHA256Stream: @unchecked Sendable {
  private var hasher = SHA256()

  public init() {}

  /// Adds `bytes`.
  public func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

  /// The lower-case hex digest of everything added.
  public func finalize() -> String { Manifest.hexString(hasher.finalize()) }
}
