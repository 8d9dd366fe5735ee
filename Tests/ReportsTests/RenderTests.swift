import Foundation
import Reports
import Testing

/// True when a Chromium binary is on PATH.
let chromiumAvailable: Bool = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  return path.split(separator: ":").contains { dir in
    ["chromium", "chromium-browser", "google-chrome"].contains { FileManager.default.isExecutableFile(atPath: "\(dir)/\($0)") }
  }
}()

@Suite struct RenderTests {
  /// scripts/render-report.sh, found from this file's location in the repository.
  var script: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("scripts/render-report.sh").path
  }

  @Test(.enabled(if: chromiumAvailable, "needs chromium (apt-get install -y chromium)"), .timeLimit(.minutes(3)))
  func reportRendersToANonBlankPNG() throws {
    let dir = scratchFolder() + "/out"
    try Fixture.make(rows: 40).write(to: dir)
    let png = dir + "-render.png"
    let (status, _) = try run("/bin/bash", [script, dir + "/report.html", png])
    #expect(status == 0)
    let b = bytes(png)
    #expect(Array(b.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(b.count > 20_000)
  }

  @Test func scriptRejectsAMissingReport() throws {
    let (status, _) = try run("/bin/bash", [script, "/nonexistent/report.html", "/tmp/x.png"])
    #expect(status == 66)
  }
}
