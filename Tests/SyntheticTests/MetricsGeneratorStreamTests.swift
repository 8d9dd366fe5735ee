import Foundation
import Synthetic
import Testing

/// Streaming in chunks (what `exemplar generate` hands the atomic `OutputFile`) gives the
/// bytes of the in-memory form.
@Suite struct MetricsGeneratorStreamTests {
  @Test func smallChunksGiveTheSameBytes() throws {
    let g = MetricsGenerator(seed: 4)
    var chunks = 0
    var out: [UInt8] = []
    try g.write(rows: 200, chunkSize: 100) {
      chunks += 1
      out.append(contentsOf: $0)
    }
    #expect(chunks > 10)
    #expect(out == (try g.csvBytes(rows: 200)))
  }
}
