// swift-tools-version:6.0
import PackageDescription

/// libFuzzer harness for Ingest (separate package so the main build never needs
/// sanitizers). Build and run with scripts/fuzz.sh SECONDS.
let package = Package(
  name: "ExemplarFuzz",
  dependencies: [.package(name: "Exemplar", path: "..")],
  targets: [
    .executableTarget(name: "ingest-fuzz", dependencies: [.product(name: "ExemplarIngest", package: "Exemplar")])
  ],
  swiftLanguageModes: [.v6]
)
