import Foundation
import Model
#if canImport(Glibc)
  import Glibc
#endif
import Synthetic
import Testing

/// The committed criteria files must describe exactly the columns the generator writes:
/// same keys, canonical headers, types and ranges (read with a line scanner, not the loader).
@Suite struct CriteriaFileTests {
  struct DeclaredColumn: Equatable {
    var header: String?
    var type: String?
    var range: [Double]?
    var missing: String?
    var values: [String]?
  }

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `[columns.KEY]` tables of a criteria file: first header spelling, type and range.
  static func declaredColumns(_ relativePath: String) throws -> [String: DeclaredColumn] {
    let text = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    var result: [String: DeclaredColumn] = [:]
    var current: String?
    var pendingValues: String?
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if let pending = pendingValues, let key = current {
        // A `values = [...]` array continued over several lines.
        pendingValues = pending + line
        if line.contains("]") {
          result[key]?.values = Self.quotedStrings(pendingValues ?? "")
          pendingValues = nil
        }
        continue
      }
      if line.hasPrefix("[") {
        current = line.hasPrefix("[columns.") ? String(line.dropFirst(9).dropLast()) : nil
        if let current { result[current] = DeclaredColumn() }
        continue
      }
      guard let key = current, let eq = line.firstIndex(of: "=") else { continue }
      let name = line[..<eq].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
      let quoted = value.split(separator: "\"", omittingEmptySubsequences: false)
      switch name {
      case "header": result[key]?.header = quoted.count > 1 ? String(quoted[1]) : nil
      case "type": result[key]?.type = quoted.count > 1 ? String(quoted[1]) : nil
      case "range":
        result[key]?.range = value.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
          .split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
      case "missing": result[key]?.missing = quoted.count > 1 ? String(quoted[1]) : nil
      case "values":
        if value.contains("]") { result[key]?.values = Self.quotedStrings(value) } else { pendingValues = value }
      default: break
      }
    }
    return result
  }

  /// The double-quoted strings of a TOML array literal.
  static func quotedStrings(_ text: String) -> [String] {
    let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
    return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
  }

  @Test(arguments: ["criteria/2022.toml", "criteria/2022-ahp-topsis.toml"])
  func criteriaFileDeclaresTheGeneratorsColumns(path: String) throws {
    // The optional screening column of criteria/2022.toml (`major_incident`) is not generated.
    let declared = try Self.declaredColumns(path).filter { $0.key != "major_incident" }
    #expect(declared.count == MetricsGenerator.columns.count)
    for c in MetricsGenerator.columns {
      let d = try #require(declared[c.key], "\(path) has no [columns.\(c.key)]")
      #expect(d.header == c.header, "\(c.key)")
      #expect(d.type == c.kind.rawValue, "\(c.key)")
      #expect((d.missing ?? "reject") == c.missingPolicy.rawValue, "\(c.key)")
      #expect(d.values == MetricsGenerator.categoryValues[c.key], "\(c.key)")
      if let r = c.range {
        #expect(d.range == [r.lowerBound, r.upperBound], "\(c.key)")
      } else {
        #expect(d.range == nil, "\(c.key)")
      }
    }
  }

  /// The generator's own `ColumnSpec`s carry the same policies, so ingest needs no criteria file.
  @Test func columnSpecsMirrorTheDeclaration() {
    let specs = MetricsGenerator.columnSpecs
    #expect(specs.map(\.key) == MetricsGenerator.columns.map(\.key))
    #expect(specs.map(\.canonicalHeader) == MetricsGenerator.columns.map(\.header))
    #expect(specs.filter { $0.missing != .reject }.map(\.key).sorted()
      == ["complaints_change_pct", "energy_cost_reduction_pct", "oee_pct", "training_satisfaction"])
    #expect(specs.first { $0.key == "industry" }?.allowedValues?.count == 10)
  }

  @Test func sampleFileHeaderMatchesTheGenerator() throws {
    let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/metrics-2022.csv")))
    let rows = try SimpleCSV.parse(bytes)
    #expect(rows.first == MetricsGenerator.columns.map(\.header))
    #expect(rows.count > 250)
  }

  /// samples/README.md promises the sample is exactly `exemplar generate --rows 300 --seed 2022`.
  @Test func sampleFileIsTheGeneratorsOutput() throws {
    let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/metrics-2022.csv")))
    #expect(bytes == (try MetricsGenerator(seed: 2022).csvBytes(rows: 300)))
  }

  /// The GB18030 sample is the UTF-8 sample converted (BOM dropped).
  @Test func gb18030SampleHasTheSameContent() throws {
    let utf8 = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/metrics-2022.csv")))
    let gb = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/metrics-2022-gb18030.csv")))
    #expect(gb.prefix(3) != [0xEF, 0xBB, 0xBF])
    #expect(try decodeGB18030(gb) == Array(utf8.dropFirst(3)))
  }

  /// Every history entry names an enterprise of the sample and a programme of criteria/2022.toml.
  @Test func historyNamesSampleEnterprisesAndKnownProgrammes() throws {
    let metrics = try SimpleCSV.parse([UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/metrics-2022.csv"))))
    let ids = Set(metrics.dropFirst().map { $0[0] })
    let history = try SimpleCSV.parse([UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/history.csv"))))
    let criteria = try String(contentsOf: Self.root.appendingPathComponent("criteria/2022.toml"), encoding: .utf8)
    #expect(history.first == ["id", "year", "programme"])
    #expect(history.count > 20)
    for entry in history.dropFirst() {
      #expect(ids.contains(entry[0]), "\(entry[0])")
      #expect((2019...2021).contains(Int(entry[1]) ?? 0))
      #expect(criteria.contains("[programmes.\(entry[2])]") || criteria.contains("\"\(entry[2])\""), "\(entry[2])")
    }
  }
}

/// Whole-buffer GB18030 → UTF-8 with glibc iconv (independent of the generator).
func decodeGB18030(_ input: [UInt8]) throws -> [UInt8] {
  struct IconvFailed: Error {}
  let cd = iconv_open("UTF-8", "GB18030")
  guard cd != iconv_t(bitPattern: -1) else { throw IconvFailed() }
  defer { iconv_close(cd) }
  var source = input.map { CChar(bitPattern: $0) }
  var output = [CChar](repeating: 0, count: input.count * 2 + 64)
  let produced: Int = try source.withUnsafeMutableBufferPointer { src in
    try output.withUnsafeMutableBufferPointer { dst in
      var inPtr = src.baseAddress
      var inLeft = src.count
      var outPtr = dst.baseAddress
      var outLeft = dst.count
      guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, inLeft == 0 else { throw IconvFailed() }
      return dst.count - outLeft
    }
  }
  return output.prefix(produced).map { UInt8(bitPattern: $0) }
}
