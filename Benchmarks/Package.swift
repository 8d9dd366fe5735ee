// swift-tools-version:6.0
import PackageDescription

/// Release-mode benchmark executables, kept out of the main package so `swift build`
/// and `swift test` never pay for them. Run through scripts/bench-*.sh.
let package = Package(
  name: "ExemplarBenchmarks",
  dependencies: [.package(name: "Exemplar", path: "..")],
  targets: [
    .executableTarget(name: "ingest-bench", dependencies: [.product(name: "ExemplarKit", package: "Exemplar")]),
    .executableTarget(name: "score-bench", dependencies: [.product(name: "ExemplarKit", package: "Exemplar")]),
    .executableTarget(name: "report-bench", dependencies: [.product(name: "ExemplarKit", package: "Exemplar")]),
  ],
  swiftLanguageModes: [.v6]
)
