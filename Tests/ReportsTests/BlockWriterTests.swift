import Foundation
import Model
import Testing

@testable import Reports

/// `BlockWriter` formats blocks on several threads through a bounded ring of buffers; the
/// file must hold exactly what one sequential writer writes, whatever the block size, the
/// number of workers and the ring size, and a failing sink must stop it with the error.
@Suite struct BlockWriterTests {
  /// Row `i`'s text: a variable length (0…300 bytes), so blocks differ in size and a buffer
  /// reused for a shorter block would show stale bytes.
  static func rowText(_ i: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed &+ UInt64(i))
    let length = Int(rng.next() % 301)
    var bytes = Array("\(i):".utf8)
    for _ in 0..<length { bytes.append(UInt8(ascii: "a") + UInt8(rng.next() % 26)) }
    bytes.append(UInt8(ascii: "\n"))
    return bytes
  }

  static func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("blockwriter-\(name)-\(UUID().uuidString)").path
  }

  /// Writes `count` rows with `BlockWriter` and returns the file's bytes.
  static func written(count: Int, blockRows: Int?, workers: Int, slots: Int?, seed: UInt64) throws -> [UInt8] {
    let path = temporaryPath("out")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = try ByteSink(path: path, durability: .onClose)
    try sink.write("head\n")
    try BlockWriter.write(count: count, to: sink, blockRows: blockRows, workers: workers, slots: slots) { range, buffer in
      for i in range { buffer.append(rowText(i, seed: seed)) }
    }
    try sink.write("tail\n")
    try sink.close()
    return try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func sequential(count: Int, seed: UInt64) -> [UInt8] {
    Array("head\n".utf8) + (0..<count).flatMap { rowText($0, seed: seed) } + Array("tail\n".utf8)
  }

  @Test(arguments: [
    (count: 0, blockRows: 4 as Int?, workers: 2, slots: nil as Int?),
    (count: 10, blockRows: nil, workers: 2, slots: nil),
    (count: 30_000, blockRows: nil, workers: 2, slots: nil),
    (count: 30_000, blockRows: nil, workers: 1, slots: 1),
    (count: 1, blockRows: 4, workers: 2, slots: nil),
    (count: 1_000, blockRows: 1, workers: 1, slots: 1),
    (count: 1_000, blockRows: 7, workers: 3, slots: 1),
    (count: 1_000, blockRows: 7, workers: 4, slots: 2),
    (count: 5_000, blockRows: 64, workers: 2, slots: nil),
    (count: 5_000, blockRows: 100_000, workers: 8, slots: nil),
    (count: 20_001, blockRows: 333, workers: 5, slots: 3),
  ])
  func sameBytesAsOneSequentialWriter(count: Int, blockRows: Int?, workers: Int, slots: Int?) throws {
    let seed = UInt64(count &* 31 &+ (blockRows ?? 0))
    let bytes = try Self.written(count: count, blockRows: blockRows, workers: workers, slots: slots, seed: seed)
    #expect(bytes == Self.sequential(count: count, seed: seed))
  }

  /// Every block is formatted exactly once, and a worker formats block b only after block
  /// b − slots was written: at most `slots` blocks are formatted and not yet written.
  @Test func blocksAreFormattedOnceAndTheRingIsBounded() throws {
    let path = Self.temporaryPath("bounded")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sink = try ByteSink(path: path, durability: .onClose)
    let state = Counter(blocks: 200, path: path)
    // 70,000 bytes per block, more than ByteSink's slack: each block reaches the file whole
    // before the writer frees its slot, so the file size tells how many blocks were written.
    try BlockWriter.write(count: 200 * 16, to: sink, blockRows: 16, workers: 4, slots: 3) { range, buffer in
      state.formatting(range.lowerBound / 16)
      buffer.append(Array(repeating: UInt8(ascii: "x"), count: 70_000))
    }
    try sink.close()
    #expect(state.timesFormatted == Array(repeating: 1, count: 200))
    #expect(state.maxAhead <= 3)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 200 * 70_000)
  }

  /// `/dev/full` fails every write with ENOSPC: the error comes back and no thread hangs.
  @Test func aFailingSinkStopsTheWorkers() throws {
    let sink = try ByteSink(path: "/dev/full", durability: .onClose)
    #expect(throws: ReportError.self) {
      try BlockWriter.write(count: 100_000, to: sink, blockRows: 100, workers: 2) { range, buffer in
        for _ in range { buffer.append(Array(repeating: UInt8(ascii: "y"), count: 1_000)) }
      }
    }
  }
}

/// Counts per block how often it was formatted, and how far formatting ran ahead of the
/// blocks already in the file (block b starting while k blocks are in the file: b + 1 − k).
private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private let path: String
  private(set) var timesFormatted: [Int]
  private(set) var maxAhead = 0

  init(blocks: Int, path: String) {
    timesFormatted = Array(repeating: 0, count: blocks)
    self.path = path
  }

  func formatting(_ b: Int) {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    lock.lock()
    timesFormatted[b] += 1
    maxAhead = max(maxAhead, b + 1 - size / 70_000)
    lock.unlock()
  }
}
