import Foundation

/// Hands out chunk numbers 0, 1, 2 … to whichever worker asks first, so a worker slowed by
/// other load on the machine takes fewer chunks. Results never depend on which worker ran
/// a chunk: per-sample values are stored by sample index, per-chunk values by chunk, and
/// per-worker integer counters are summed exactly.
final class ChunkQueue: @unchecked Sendable {
  private var nextChunk = 0
  private let count: Int
  private let lock = NSLock()

  init(count: Int) { self.count = count }

  /// The next chunk, or nil when all are taken.
  func next() -> Int? {
    lock.withLock {
      guard nextChunk < count else { return nil }
      defer { nextChunk += 1 }
      return nextChunk
    }
  }
}
