import Foundation
import Testing

/// Every stage's errors reach stderr in the located form of docs/cli.md and exit with
/// their kind's code (one mapping, `Exit`): scoring and sensitivity errors included, and a
/// data problem never exits 78.
@Suite struct ErrorPathTests {
  static let metrics = "samples/metrics-2022.csv"

  /// criteria/2022.toml with `edit` applied, written to `dir`.
  static func criteria(in dir: URL, _ edit: (String) -> String) throws -> String {
    let text = try String(contentsOf: CLI.root.appendingPathComponent("criteria/2022.toml"), encoding: .utf8)
    let file = dir.appendingPathComponent("criteria.toml")
    try edit(text).write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  /// Physical line (1-based) of the first line of `file` containing `text`.
  static func line(of text: String, in file: String) throws -> Int {
    let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    return try #require(lines.firstIndex { $0.contains(text) }) + 1
  }

  /// `sum` needs values ≥ 0; the first negative complaints change is named at its cell.
  @Test func scoringErrorIsLocatedAtTheCellAndExits65() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let criteria = try Self.criteria(in: dir) {
      $0.replacingOccurrences(of: "[criteria.complaints]\n", with: "[criteria.complaints]\nnormalise = \"sum\"\n")
    }
    let csv = try String(contentsOfFile: CLI.root.appendingPathComponent(Self.metrics).path, encoding: .utf8)
      .components(separatedBy: "\n")
    let column = try #require(csv[0].split(separator: ",").firstIndex(of: "客户投诉量变化率(%)"))
    let row = try #require(csv.indices.dropFirst().first { csv[$0].split(separator: ",", omittingEmptySubsequences: false)[column].hasPrefix("-") })
    let value = csv[row].split(separator: ",", omittingEmptySubsequences: false)[column]
    for command in ["run", "explain", "weights"] {
      var args = [command, Self.metrics, "--criteria", criteria]
      if command == "run" { args += ["--out", dir.appendingPathComponent("out").path] }
      if command == "explain" { args += ["--id", "91330281MA2GDT7XXH"] }
      let r = try CLI.run(args + ["--lang", "en"])
      #expect(r.status == 65, "\(command)")
      #expect(
        r.errorLines.last
          == "\(Self.metrics):\(row + 1):客户投诉量变化率(%): criterion 'complaints': sum normalisation needs values ≥ 0, found \(value)",
        "\(command)")
    }
  }

  /// A `sobol_targets` id no enterprise has: located at the key, and a data error (65).
  @Test func sensitivityErrorIsLocatedAtItsKeyAndExits65() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let criteria = try Self.criteria(in: dir) {
      $0.replacingOccurrences(of: "[uncertainty]\n", with: "[uncertainty]\nsobol_targets = [\"91330281MA2GDT0000\"]\n")
    }
    let r = try CLI.run([
      "sensitivity", Self.metrics, "--criteria", criteria, "--out", dir.appendingPathComponent("out").path,
      "--samples", "20", "--sobol", "4", "--lang", "en",
    ])
    #expect(r.status == 65)
    let line = try Self.line(of: "sobol_targets", in: criteria)
    #expect(
      r.errorLines.last
        == "\(criteria):\(line): uncertainty.sobol_targets: no ranked enterprise in \(Self.metrics) has id \"91330281MA2GDT0000\"")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
  }

  /// A method variant the data cannot be scored with is a data problem (65, not 78), located
  /// at the key that asks for it.
  @Test func variantTheDataCannotScoreExits65AtItsKey() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let criteria = try Self.criteria(in: dir) {
      $0.replacingOccurrences(of: "normalisations = [\"min-max\", \"rank\"]", with: "normalisations = [\"min-max\", \"sum\"]")
    }
    let r = try CLI.run([
      "sensitivity", Self.metrics, "--criteria", criteria, "--out", dir.appendingPathComponent("out").path,
      "--samples", "20", "--sobol", "0", "--lang", "en",
    ])
    #expect(r.status == 65)
    let line = try Self.line(of: "normalisations = ", in: criteria)
    let last = try #require(r.errorLines.last)
    #expect(last.hasPrefix("\(criteria):\(line): uncertainty.normalisations: scoring a method variant: criterion '"))
    #expect(last.contains("sum normalisation needs values ≥ 0") && last.hasSuffix("(in \(Self.metrics))"))
  }

  /// An unknown `--id` is a data error located at the metrics file, in either language.
  @Test func unknownIdExits65Located() throws {
    let r = try CLI.run(["explain", Self.metrics, "--criteria", "criteria/2022.toml", "--id", "NOPE", "--lang", "en"])
    #expect(r.status == 65)
    #expect(r.errorLines == ["\(Self.metrics):0: no enterprise with id or name \"NOPE\" (nor one whose name contains it)"])
    let zh = try CLI.run(["explain", Self.metrics, "--criteria", "criteria/2022.toml", "--id", "NOPE"])
    #expect(zh.errorLines == ["\(Self.metrics):0: 没有编号或名称为“NOPE”的企业（也没有名称含此文字的企业）"])
  }

  /// `--id` finds an enterprise by exact id, exact name or a unique part of the name, and
  /// suggests close ids for a code one character short.
  @Test func explainFindsByIdNameOrPartOfName() throws {
    let id = "91330281MA2GDT7XXH"
    let name = "宁波鑫鼎厨具电器股份有限公司"
    var outputs: [String] = []
    for query in [id, id.lowercased(), name, "宁波鑫鼎"] {
      let r = try CLI.run(["explain", Self.metrics, "--criteria", "criteria/2022.toml", "--id", query, "--json"])
      #expect(r.status == 0, "\(query): \(r.stderr)")
      outputs.append(r.stdout)
    }
    #expect(Set(outputs).count == 1)
    let short = try CLI.run(["explain", Self.metrics, "--criteria", "criteria/2022.toml", "--id", String(id.dropLast()), "--lang", "en"])
    #expect(short.status == 65)
    #expect(short.stderr.contains("did you mean \(id)?"))
    let many = try CLI.run(["explain", Self.metrics, "--criteria", "criteria/2022.toml", "--id", "有限公司", "--lang", "en"])
    #expect(many.status == 65)
    #expect(many.stderr.contains("enterprises have \"有限公司\" in their name"))
  }
}
