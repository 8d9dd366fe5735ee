// swift-tools-version:6.0
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so the root package's identity is the
/// checkout folder's name (`main`, `Exemplar`, a CI clone …), not a fixed string.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// Release-mode benchmark executables, kept out of the main package so `swift build`
/// and `swift test` never pay for them. Run through scripts/bench-*.sh.
let package = Package(
  name: "ExemplarBenchmarks",
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(name: "ingest-bench", dependencies: [.product(name: "ExemplarKit", package: root)]),
    .executableTarget(name: "score-bench", dependencies: [.product(name: "ExemplarKit", package: root)]),
    .executableTarget(name: "report-bench", dependencies: [.product(name: "ExemplarKit", package: root)]),
    .executableTarget(name: "selection-bench", dependencies: [.product(name: "ExemplarKit", package: root)]),
    .executableTarget(name: "sensitivity-bench", dependencies: [.product(name: "ExemplarKit", package: root)]),
  ],
  swiftLanguageModes: [.v6]
)
