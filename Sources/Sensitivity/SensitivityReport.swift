import Foundation

/// Everything `exemplar sensitivity` writes, gathered for the writers.
public struct SensitivityReport: Sendable {
  public var title: String
  public var programmeNames: [String]
  public var criterionKeys: [String]
  public var monteCarlo: MonteCarloResult
  public var sobol: WeightSobolResult?
  public var stability: [ProgrammeStability]?
  /// Labels in English (default Chinese).
  public var english: Bool

  public init(
    title: String, programmeNames: [String], criterionKeys: [String], monteCarlo: MonteCarloResult,
    sobol: WeightSobolResult? = nil, stability: [ProgrammeStability]? = nil, english: Bool = false
  ) {
    self.title = title
    self.programmeNames = programmeNames
    self.criterionKeys = criterionKeys
    self.monteCarlo = monteCarlo
    self.sobol = sobol
    self.stability = stability
    self.english = english
  }

  /// Writes `sensitivity.json`, `sensitivity.csv` (UTF-8 with BOM, formula-injection safe)
  /// and `sensitivity.html` into `folder` (which must exist; the caller makes it atomic).
  /// - Throws: `SensitivityError.cannotWrite` naming the file.
  public func write(to folder: URL) throws(SensitivityError) {
    let files: [(String, Data)] = [
      ("sensitivity.json", jsonData()), ("sensitivity.csv", csvData()), ("sensitivity.html", Data(html().utf8)),
    ]
    for (name, data) in files {
      let url = folder.appendingPathComponent(name)
      do { try data.write(to: url) } catch { throw .cannotWrite(path: url.path, reason: "\(error)") }
    }
  }

  /// One CSV row per ranked enterprise, nominal rank order.
  public func csvData() -> Data {
    let mc = monteCarlo
    var header = ["id", "label", "nominal_rank", "median_rank", "p5_rank", "p95_rank", "nominal_stars"]
    if mc.enterprises.first?.starProbabilities.isEmpty == false { header += (0...5).map { "p_stars_\($0)" } }
    for k in mc.programmes.map(\.key) { header += ["p_selected_\(k)", "p_reserve_\(k)"] }
    var lines = [header.map(Self.csvCell).joined(separator: ",")]
    for e in mc.enterprises {
      var cells = [Self.csvCell(e.id), Self.csvCell(e.label), String(e.nominalRank)]
      cells += [e.medianRank, e.p5Rank, e.p95Rank].map(Self.number)
      cells.append(String(e.nominalStars))
      cells += e.starProbabilities.map(Self.number)
      for p in e.selectionProbability.indices {
        cells += [Self.number(e.selectionProbability[p]), Self.number(e.reserveProbability[p])]
      }
      lines.append(cells.joined(separator: ","))
    }
    return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
  }

  /// A text cell: `'` before a leading = + - @ tab or CR (formula injection), quoted when needed.
  static func csvCell(_ s: String) -> String {
    var t = s
    if let f = t.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { t = "'" + t }
    if t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      t = "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return t
  }

  /// Shortest round-trip form; integers without a fraction.
  static func number(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }
}
