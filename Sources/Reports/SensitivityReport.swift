import Sensitivity

/// Everything `exemplar sensitivity` writes, gathered for the writers: the Sensitivity
/// module's results plus the labels. `write(to:)` writes the three files into an
/// `OutputFolder` (atomic as a whole).
public struct SensitivityReport: Sendable {
  public var title: String
  public var programmeNames: [String]
  public var criterionKeys: [String]
  public var monteCarlo: MonteCarloResult
  public var sobol: WeightSobolResult?
  public var stability: [ProgrammeStability]?
  /// Weight noise and method swaps apart, when `[uncertainty]` lists alternative methods.
  public var separated: SeparatedUncertainty?
  /// Labels in English (default Chinese).
  public var english: Bool

  public init(
    title: String, programmeNames: [String], criterionKeys: [String], monteCarlo: MonteCarloResult,
    sobol: WeightSobolResult? = nil, stability: [ProgrammeStability]? = nil, separated: SeparatedUncertainty? = nil,
    english: Bool = false
  ) {
    self.separated = separated
    self.title = title
    self.programmeNames = programmeNames
    self.criterionKeys = criterionKeys
    self.monteCarlo = monteCarlo
    self.sobol = sobol
    self.stability = stability
    self.english = english
  }

  /// Writes `sensitivity.json`, `sensitivity.csv` (UTF-8 with BOM, CRLF, formula-injection
  /// safe) and `sensitivity.html` into `folder`.
  public func write(to folder: OutputFolder) throws(ReportError) {
    let json = ByteBuffer()
    writeJSON(into: json)
    let csv = ByteBuffer()
    writeCSV(into: csv)
    let html = ByteBuffer()
    html.append(self.html())
    for (name, bytes) in [("sensitivity.json", json), ("sensitivity.csv", csv), ("sensitivity.html", html)] {
      let sink = try ByteSink(path: folder.file(name))
      try sink.write(bytes)
      try sink.close()
    }
  }

  /// `sensitivity.csv`: one row per ranked enterprise, nominal rank order (`CSVWriter`).
  func writeCSV(into out: ByteBuffer) {
    let mc = monteCarlo
    var csv = CSVWriter(into: out, byteOrderMark: true)
    var header = ["id", "label", "nominal_rank", "median_rank", "p5_rank", "p95_rank", "nominal_stars"]
    if mc.enterprises.first?.starProbabilities.isEmpty == false { header += (0...5).map { "p_stars_\($0)" } }
    for k in mc.programmes.map(\.key) { header += ["p_selected_\(k)", "p_reserve_\(k)"] }
    csv.row(header)
    for e in mc.enterprises {
      csv.text(e.id)
      csv.text(e.label)
      csv.integer(e.nominalRank)
      for x in [e.medianRank, e.p5Rank, e.p95Rank] { csv.number(shortest: x) }
      csv.integer(e.nominalStars)
      for x in e.starProbabilities { csv.number(shortest: x) }
      for p in e.selectionProbability.indices {
        csv.number(shortest: e.selectionProbability[p])
        csv.number(shortest: e.reserveProbability[p])
      }
      csv.endRow()
    }
  }
}
