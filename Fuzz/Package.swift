// swift-tools-version:6.0
import PackageDescription

/// libFuzzer harnesses for Ingest and the criteria loader (separate package so the main build never needs
/// sanitizers). Build and run with scripts/fuzz.sh SECONDS.
let package = Package(
  name: "ExemplarFuzz",
  dependencies: [.package(name: "Exemplar", path: "..")],
  targets: [
    .executableTarget(name: "ingest-fuzz", dependencies: [.product(name: "ExemplarIngest", package: "Exemplar")]),
    .executableTarget(name: "criteria-fuzz", dependencies: [.product(name: "ExemplarCriteria", package: "Exemplar")]),
  ],
  swiftLanguageModes: [.v6]
)
