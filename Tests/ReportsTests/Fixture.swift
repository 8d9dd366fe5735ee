import Criteria
import Foundation
import Model
import Reports
import Scoring
import Selection
import TestSupport

/// Builds Table, Spec, Evaluation and Decision values directly (Scoring and Selection
/// are written in parallel), with the awkward labels reports must survive.
///
/// Scores are a weighted sum of min-max normalised values computed here, so the
/// numbers are consistent; ranks follow score descending, then id ascending.
struct Fixture {
  var table: Table
  var spec: Spec
  var evaluation: Evaluation
  var decision: Decision
  var manifest: Manifest

  /// Labels that exercise CSV quoting, formula injection and HTML escaping.
  static let trickyLabels = [
    "宁波甬江智能制造有限公司", "=HYPERLINK(\"http://evil\",\"x\")", "+86 电话", "-5 测试", "@SUM(A1)", "\tTab开头",
    "逗号,引号\"公司", "多行\n名称", "<b>粗体</b> & Co", "普通企业",
  ]

  /// `rows` enterprises (first the tricky labels, then generated ones); the last one is unranked.
  /// - Parameters:
  ///   - labelsByPlace: labels given to the ranked rows in rank order (the first to rank 1 …).
  ///   - infiniteScoreRow: a row whose score is +∞ (a result no scorer gives; for the writers).
  ///   - infiniteGroupScoreRow: a row whose `effect` group score is +∞.
  static func make(
    rows: Int = 12, nanScoreRow: Int? = nil, programmeNames: [String]? = nil, labelsByPlace: [String] = [],
    infiniteScoreRow: Int? = nil, infiniteGroupScoreRow: Int? = nil
  ) -> Fixture {
    let criteria = [
      CriterionDraft(key: "efficiency", label: "生产效率提升率", column: "efficiency_gain_pct", group: "effect", weight: 0.5),
      CriterionDraft(key: "cost", label: "运营成本降低率", column: "cost_cut_pct", group: "effect", weight: 0.5),
      CriterionDraft(key: "invest", label: "数字化投入", column: "invest_wan", direction: .benefit, group: "input", weight: 1),
    ]
    let groups = [
      GroupDraft(key: "effect", label: "实施效果", weight: 0.7), GroupDraft(key: "input", label: "投入", weight: 0.3),
    ]
    let names = programmeNames ?? ["市级数字化改造标杆企业", "省级/标杆:企业[2022]*示范项目推荐名单超长名称测试用例"]
    let programmes = [
      ProgrammeDraft(key: "municipal", name: names[0], level: .municipal, quota: 3, reserves: 2, reward: 100_000),
      ProgrammeDraft(
        key: "provincial", name: names[1], level: .provincial, quota: 2, reserves: 1,
        eligible: .and(.compare(.name("stars"), .ge, .number(4)), .compare(.name("invest_wan"), .ge, .number(50))),
        eligibleText: "stars >= 4 and invest_wan >= 50", from: "municipal", reward: 500_000),
    ]
    let stars = StarsDraft(levels: [
      StarLevelDraft(stars: 3, label: "三星级", minScore: 40), StarLevelDraft(stars: 4, label: "四星级", minScore: 60),
      StarLevelDraft(
        stars: 5, label: "五星级", minScore: 80, require: .compare(.name("invest_wan"), .ge, .number(100)),
        requireText: "invest_wan >= 100"),
    ])
    let spec = loadedSpec(
      source: "criteria/2022.toml",
      evaluation: EvaluationDraft(name: "2022年度数字化改造标杆企业评选", year: 2022, idColumn: "uscc", labelColumn: "name"),
      columns: [
        ColumnSpec(key: "uscc", headers: ["统一社会信用代码"], type: .text, label: "统一社会信用代码"),
        ColumnSpec(key: "name", headers: ["企业名称"], type: .text, label: "企业名称"),
        ColumnSpec(key: "efficiency_gain_pct", headers: ["生产效率提升率(%)"], type: .number),
        ColumnSpec(key: "cost_cut_pct", headers: ["成本降低率(%)"], type: .number),
        ColumnSpec(key: "invest_wan", headers: ["数字化投入(万元)"], type: .number),
      ],
      criteria: criteria, groups: groups, stars: stars, programmes: programmes,
      rewards: RewardDraft(byStars: [4: 50_000, 5: 50_000], budget: 1_000_000))

    var ids: [String] = []
    var labels: [String] = []
    var cols: [[Double]] = [[], [], []]
    for i in 0..<rows {
      ids.append(String(format: "91330200%09dX", 100_000 + i * 7919 % 1_000_003))
      labels.append(i < trickyLabels.count ? trickyLabels[i] : "企业\(i)")
      cols[0].append(Double((i * 37) % 101))
      cols[1].append(Double((i * 53) % 89) - 10)
      cols[2].append(Double((i * 29) % 150))
    }
    let table = Table(
      source: "metrics/2022.csv", rowCount: rows, lines: (0..<rows).map { $0 + 2 },
      columns: [
        "uscc": .text(TextColumn(ids)), "name": .text(TextColumn(labels)),
        "efficiency_gain_pct": .numeric(NumericColumn(values: cols[0], missing: Array(repeating: false, count: rows))),
        "cost_cut_pct": .numeric(NumericColumn(values: cols[1], missing: Array(repeating: false, count: rows))),
        "invest_wan": .numeric(NumericColumn(values: cols[2], missing: Array(repeating: false, count: rows))),
      ])

    let normalised = cols.map { c -> [Double] in
      let lo = c.min() ?? 0, hi = c.max() ?? 1
      return c.map { hi > lo ? ($0 - lo) / (hi - lo) : 1 }
    }
    let weights = [0.35, 0.35, 0.3]
    let unrankedRow = rows - 1
    var raw = (0..<rows).map { r in (0..<3).reduce(0.0) { $0 + weights[$1] * normalised[$1][r] } }
    if let n = nanScoreRow { raw[n] = .nan }
    let order = (0..<rows).filter { $0 != unrankedRow }.sorted { a, b in
      let sa = raw[a].isNaN ? -1 : raw[a], sb = raw[b].isNaN ? -1 : raw[b]
      return sa != sb ? sa > sb : ids[a] < ids[b]
    }
    var rank = [Int](repeating: 0, count: rows)
    var competition = [Int](repeating: 0, count: rows)
    for (i, r) in order.enumerated() {
      rank[r] = i + 1
      competition[r] = i > 0 && raw[order[i - 1]] == raw[r] ? competition[order[i - 1]] : i + 1
    }
    // Scale 0…100, but one row gets a negative score to check that numbers are not neutralised.
    var score = raw.map { $0 * 100 }
    if rows > 4 { score[order[order.count - 1]] = -3.5 }
    if let r = infiniteScoreRow { score[r] = .infinity }
    for (place, label) in labelsByPlace.enumerated() where place < order.count { labels[order[place]] = label }
    let starsPerRow = score.enumerated().map { r, s in r == unrankedRow ? 0 : s >= 80 ? 5 : s >= 60 ? 4 : s >= 40 ? 3 : 0 }
    let gaps: [StarGap?] = score.enumerated().map { r, s in
      r == unrankedRow || starsPerRow[r] == 5 ? nil : StarGap(nextStars: max(starsPerRow[r] + 1, 3), pointsShort: max(0, 80 - s), unmetRequirements: ["invest_wan >= 100"])
    }
    var groupScores: [String: [Double]] = [
      "effect": (0..<rows).map { 100 * (normalised[0][$0] + normalised[1][$0]) / 2 },
      "input": normalised[2].map { $0 * 100 },
    ]
    if let r = infiniteGroupScoreRow { groupScores["effect"]?[r] = .infinity }
    let report = WeightReport(nodes: [
      .init(key: "", method: .ahp, children: ["effect", "input"], localWeights: [0.7, 0.3], ahp: (2.0, 0, 0, 0)),
      .init(key: "effect", method: .direct, children: ["efficiency", "cost"], localWeights: [0.5, 0.5]),
    ])
    let evaluation = Evaluation(
      order: order, ids: StringColumn(ids), labels: StringColumn(labels), rank: rank, competitionRank: competition, raw: raw, score: score, utility: raw,
      stars: starsPerRow, starGap: gaps, normalised: normalised, imputed: normalised.map { $0.map { _ in false } },
      weights: weights, groupScores: groupScores, weightReport: report,
      unranked: [(row: unrankedRow, reason: "数字化投入(万元) 缺失")])

    // Municipal: top 3 selected, next 2 reserve, the rest below the line.
    let municipal = ProgrammeDecision(
      key: "municipal", selected: Array(order.prefix(3)), reserve: Array(order.dropFirst(3).prefix(2)),
      excluded: order.dropFirst(5).map { (row: $0, reason: ExclusionReason.belowLine(quota: 3)) }
        + [(row: unrankedRow, reason: .unranked("数字化投入(万元) 缺失"))],
      eligible: Set(order))
    // Provincial: from the municipal selection, those with 4+ stars.
    let fromMunicipal = order.prefix(3)
    let provSelected = fromMunicipal.filter { starsPerRow[$0] >= 4 }.prefix(2)
    let provExcluded: [(row: Int, reason: ExclusionReason)] = order.compactMap { r in
      if provSelected.contains(r) { return nil }
      if !fromMunicipal.contains(r) { return (r, .notInTier(programme: "municipal", mode: .selected)) }
      return (r, .notEligible(failing: "stars >= 4"))
    }
    let provincial = ProgrammeDecision(
      key: "provincial", selected: Array(provSelected), reserve: [], excluded: provExcluded, eligible: Set(provSelected))

    var awards: [RewardAllocation.Award] = []
    for r in order {
      if starsPerRow[r] >= 4 { awards.append(.init(row: r, source: "stars:\(starsPerRow[r])", entitled: 50_000, granted: 50_000)) }
      if municipal.selected.contains(r) { awards.append(.init(row: r, source: "municipal", entitled: 100_000, granted: 100_000)) }
      if provincial.selected.contains(r) { awards.append(.init(row: r, source: "provincial", entitled: 500_000, granted: 500_000)) }
    }
    let total = awards.reduce(0) { $0 + $1.granted }
    let decision = Decision(
      programmes: [municipal, provincial],
      rewards: RewardAllocation(awards: awards, totalEntitled: total, totalGranted: total, budget: 1_000_000))
    let manifest = Manifest(
      version: "0.1.0-test", metricsFile: "metrics/2022.csv", metricsSHA256: String(repeating: "a", count: 64),
      criteriaFile: "criteria/2022.toml", criteriaSHA256: String(repeating: "b", count: 64), seed: 2022, rows: rows,
      time: Date(timeIntervalSince1970: 0))  // replaced by ReportOptions.now
    return Fixture(table: table, spec: spec, evaluation: evaluation, decision: decision, manifest: manifest)
  }

  /// Writes the fixture's outputs to `dir`.
  /// The fixed run time of the tests (2023-01-01T00:00:00Z).
  static let now = Date(timeIntervalSince1970: 1_672_531_200)

  func write(to dir: String, options: ReportOptions = ReportOptions(now: Fixture.now, version: "0.1.0-test")) throws(StageFailure) {
    let documents = DocumentFacts.gather(table: table, spec: spec, evaluation: evaluation, decision: decision, english: options.english)
    try RunReport(spec: spec, evaluation: evaluation, decision: decision, manifest: manifest, options: options, documents: documents)
      .write(to: dir)
  }
}

/// A fresh, empty scratch folder under the system temporary directory.
func scratchFolder(_ name: String = #function) -> String {
  let safe = name.filter { $0.isLetter || $0.isNumber }
  let p = NSTemporaryDirectory() + "reports-tests-\(safe)-\(UUID().uuidString.prefix(8))"
  try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
  return p
}

/// The bytes of a file, or empty when unreadable.
func bytes(_ path: String) -> [UInt8] { (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? [] }

/// The UTF-8 text of a file, or "" when unreadable.
func text(_ path: String) -> String { String(decoding: bytes(path), as: UTF8.self) }

/// Runs a tool and returns (exit status, stdout).
func run(_ tool: String, _ args: [String]) throws -> (status: Int32, out: Data) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: tool)
  p.arguments = args
  let pipe = Pipe()
  p.standardOutput = pipe
  p.standardError = FileHandle.nullDevice
  try p.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return (p.terminationStatus, data)
}
