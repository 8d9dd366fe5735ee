import Foundation
import Model
import Reports
import Testing

@Suite struct ManifestTests {
  // FIPS 180-2, Appendix B.1 and B.2 example messages.
  @Test(arguments: [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
  ])
  func fileHashMatchesPublishedVectors(message: String, digest: String) throws {
    let path = scratchFolder() + "/m.txt"
    try Data(message.utf8).write(to: URL(fileURLWithPath: path))
    #expect(try Manifest.sha256(ofFile: path) == digest)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")))
  func multiMegabyteFileMatchesSha256sum() throws {
    var rng = SplitMix64(seed: 7)
    let data = Data((0..<(3 << 20) + 12345).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
    let path = scratchFolder() + "/big.bin"
    try data.write(to: URL(fileURLWithPath: path))
    let (status, out) = try run("/usr/bin/sha256sum", [path])
    #expect(status == 0)
    let expected = String(decoding: out, as: UTF8.self).split(separator: " ").first.map(String.init)
    #expect(try Manifest.sha256(ofFile: path) == expected)
  }

  @Test func missingInputIsNoInputNamingTheFile() {
    do {
      _ = try Manifest.sha256(ofFile: "/nonexistent/m.csv")
      Issue.record("no error")
    } catch {
      #expect(error.kind == .noInput)
      #expect(error.diagnostics.diagnostics.first?.description.hasPrefix("/nonexistent/m.csv:0: cannot read") == true)
    }
  }
}
