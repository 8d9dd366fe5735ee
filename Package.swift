// swift-tools-version:6.0
import PackageDescription

/// Exemplar: selects benchmark enterprises (标杆企业) from implementation-effect
/// metrics. One target per pipeline stage; dependencies point down:
/// Model ← Criteria ← Ingest/Scoring ← Procedure ← Selection ← Sensitivity ← Reports ← exemplar
/// (Synthetic: Model only). Reports is the only module that formats output text and writes files.
///
/// The package targets Linux only (glibc ≥ 2.28; Linux ≥ 5.14 for the best memory
/// behaviour): it uses glibc's iconv, Debian's libcsv and libxlsxwriter, and a few Linux
/// calls through `CLinux` (see docs/platform.md). It is not built or tested elsewhere.
let package = Package(
  name: "Exemplar",
  products: [
    .executable(name: "exemplar", targets: ["exemplar"]),
    /// Model + Ingest only: what the fuzzer links (no TOMLKit, no swift-crypto to instrument).
    .library(name: "ExemplarIngest", targets: ["Model", "Ingest"]),
    /// Model + Criteria: what the criteria fuzzer links.
    .library(name: "ExemplarCriteria", targets: ["Model", "Criteria"]),
    .library(name: "ExemplarKit", targets: ["Model", "Criteria", "Ingest", "Scoring", "Procedure", "Selection", "Sensitivity", "Reports", "Synthetic"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    /// The HTTP server of `exemplar tune` (the Workbench target only).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
    .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    /// Sets the deflate level of libxlsxwriter's zip entries (see include/CZipLevel.h).
    .target(name: "CZipLevel", linkerSettings: [.linkedLibrary("dl")]),
    /// Linux calls Swift's Glibc module does not import (`renameat2`, `sync_file_range`,
    /// `MADV_POPULATE_WRITE`), wrapped in C with glibc's own declarations (include/CLinux.h).
    .target(name: "CLinux"),
    .target(name: "Model"),
    .target(name: "Criteria", dependencies: ["Model", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(name: "Ingest", dependencies: ["Model", "CLibCSV", "CLinux"]),
    .target(name: "Scoring", dependencies: ["Model", "Criteria"]),
    /// The procedure around the ranking: screening, expert reviews, committee decisions.
    .target(name: "Procedure", dependencies: ["Model", "Criteria", "Scoring"]),
    .target(name: "Selection", dependencies: ["Model", "Criteria", "Scoring", "Procedure"]),
    .target(name: "Sensitivity", dependencies: ["Model", "Criteria", "Scoring", "Procedure", "Selection"]),
    .target(
      name: "Reports",
      dependencies: [
        "Model", "Criteria", "Scoring", "Procedure", "Selection", "Sensitivity", "CXlsxWriter", "CZipLevel", "CLinux",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(name: "Synthetic", dependencies: ["Model"]),
    /// The ledger of years: one SQLite file of runs and finals (docs/ledger.md); only the CLI opens it.
    .target(
      name: "Ledger",
      dependencies: ["Model", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
    /// `exemplar tune`'s session: overrides → the one engine → the page's JSON (no HTTP).
    .target(name: "Tuning", dependencies: ["Model", "Criteria", "Scoring", "Procedure", "Selection", "Sensitivity", "Reports"]),
    /// `exemplar tune`'s HTTP shell over `Tuning` (routes only); the only target linking Hummingbird.
    .target(name: "Workbench", dependencies: ["Tuning", .product(name: "Hummingbird", package: "hummingbird")]),
    .executableTarget(
      name: "exemplar",
      dependencies: [
        "Model", "Criteria", "Ingest", "Scoring", "Procedure", "Selection", "Sensitivity", "Reports", "Synthetic", "Ledger", "Tuning", "Workbench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(name: "TestSupport", dependencies: ["Model", "Criteria"], path: "Tests/TestSupport"),
    .testTarget(name: "ModelTests", dependencies: ["Model", "TestSupport"]),
    .testTarget(name: "IngestTests", dependencies: ["Ingest", "Model", "TestSupport"]),
    .testTarget(name: "CriteriaTests", dependencies: ["Criteria", "Model", "TestSupport"]),
    .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Criteria", "Model", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(name: "SelectionTests", dependencies: ["Selection", "Procedure", "Scoring", "Criteria", "Model", "TestSupport"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SensitivityTests", dependencies: ["Sensitivity", "Reports", "Procedure", "Selection", "Scoring", "Criteria", "Model", "TestSupport"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ReportsTests", dependencies: ["Reports", "Selection", "Scoring", "Criteria", "Model", "TestSupport"]),
    .testTarget(name: "SyntheticTests", dependencies: ["Synthetic", "Model", "TestSupport"]),
    .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    .testTarget(name: "LedgerTests", dependencies: ["Ledger", "Model", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(name: "TuningTests", dependencies: ["Tuning", "Selection", "Procedure", "Ingest", "Criteria", "Model", "Sensitivity"]),
  ],
  swiftLanguageModes: [.v6]
)
