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
  /// Labels in English (default Chinese), the CSV's header included.
  public var english: Bool
  /// Encoding of `sensitivity.csv` (`--output-encoding`): UTF-8 with BOM, or GB18030.
  public var csvEncoding: ReportOptions.Encoding = .utf8

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

  /// Writes `sensitivity.json`, `sensitivity.csv` (UTF-8 with BOM or GB18030 as
  /// `csvEncoding` says, CRLF, formula-injection safe) and `sensitivity.html` into `folder`.
  public func write(to folder: OutputFolder) throws(ReportError) {
    let json = ByteBuffer()
    writeJSON(into: json)
    let csv = ByteBuffer()
    writeCSV(into: csv)
    let html = ByteBuffer()
    html.append(self.html())
    for (name, bytes) in [("sensitivity.json", json), ("sensitivity.csv", csv), ("sensitivity.html", html)] {
      let path = folder.file(name)
      let sink =
        name.hasSuffix(".csv") && csvEncoding == .gb18030
        ? try ByteSink(path: path, durability: .byFolder, transcoder: try Transcoder(to: "GB18030", path: path)) : try ByteSink(path: path, durability: .byFolder)
      try sink.write(bytes)
      try sink.close()
    }
  }

  /// `sensitivity.csv`: one row per ranked enterprise, nominal rank order (`CSVWriter`).
  func writeCSV(into out: ByteBuffer) {
    let mc = monteCarlo
    var csv = CSVWriter(into: out, byteOrderMark: csvEncoding == .utf8)
    csv.row(csvHeader)
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

  /// The CSV's header: English keys under `english`, Chinese labels otherwise (the same
  /// columns in the same order; docs/outputs.md).
  var csvHeader: [String] {
    let mc = monteCarlo
    let stars = mc.enterprises.first?.starProbabilities.isEmpty == false
    let programmes = mc.programmes.map(\.key)
    if english {
      var header = ["id", "label", "nominal_rank", "median_rank", "p5_rank", "p95_rank", "nominal_stars"]
      if stars { header += (0...5).map { "p_stars_\($0)" } }
      for k in programmes { header += ["p_selected_\(k)", "p_reserve_\(k)"] }
      return header
    }
    var header = ["企业编号", "企业名称", "名义排名", "排名中位数", "排名P5", "排名P95", "名义星级"]
    if stars { header += (0...5).map { "\($0)星概率" } }
    for (i, k) in programmes.enumerated() {
      let name = i < programmeNames.count ? programmeNames[i] : k
      header += ["\(name)入选概率", "\(name)候补概率"]
    }
    return header
  }
}
