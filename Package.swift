// swift-tools-version:6.0
import PackageDescription

/// Exemplar: selects benchmark enterprises (标杆企业) from implementation-effect
/// metrics. One target per pipeline stage; dependencies point down:
/// Model ← Criteria ← Ingest/Scoring ← Selection ← Sensitivity ← Reports ← exemplar
/// (Synthetic: Model only). Reports is the only module that formats output text and writes files.
let package = Package(
  name: "Exemplar",
  products: [
    .executable(name: "exemplar", targets: ["exemplar"]),
    /// Model + Ingest only: what the fuzzer links (no TOMLKit, no swift-crypto to instrument).
    .library(name: "ExemplarIngest", targets: ["Model", "Ingest"]),
    /// Model + Criteria: what the criteria fuzzer links.
    .library(name: "ExemplarCriteria", targets: ["Model", "Criteria"]),
    .library(name: "ExemplarKit", targets: ["Model", "Criteria", "Ingest", "Scoring", "Selection", "Sensitivity", "Reports", "Synthetic"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    /// Sets the deflate level of libxlsxwriter's zip entries (see include/CZipLevel.h).
    .target(name: "CZipLevel", linkerSettings: [.linkedLibrary("dl")]),
    .target(name: "Model"),
    .target(name: "Criteria", dependencies: ["Model", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "Ingest", dependencies: ["Model", "CLibCSV"]),
    .target(name: "Scoring", dependencies: ["Model", "Criteria"]),
    .target(name: "Selection", dependencies: ["Model", "Criteria", "Scoring"]),
    .target(name: "Sensitivity", dependencies: ["Model", "Criteria", "Scoring", "Selection"]),
    .target(
      name: "Reports",
      dependencies: [
        "Model", "Criteria", "Scoring", "Selection", "Sensitivity", "CXlsxWriter", "CZipLevel",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(name: "Synthetic", dependencies: ["Model"]),
    .executableTarget(
      name: "exemplar",
      dependencies: [
        "Model", "Criteria", "Ingest", "Scoring", "Selection", "Sensitivity", "Reports", "Synthetic",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(name: "TestSupport", dependencies: ["Model", "Criteria"], path: "Tests/TestSupport"),
    .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
    .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model", "TestSupport"]),
    .testTarget(name: "CriteriaTests", dependencies: ["Criteria", "Model", "TestSupport"]),
    .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Criteria", "Model", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SelectionTests", dependencies: ["Selection", "Scoring", "Criteria", "Model", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SensitivityTests", dependencies: ["Sensitivity", "Reports", "Selection", "Scoring", "Criteria", "Model", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Selection", "Scoring", "Criteria", "Model", "TestSupport"]),
    .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "Model", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
