import Criteria
import Model
import Scoring
import TestSupport

@testable import Selection

/// One enterprise of a hand-built test world.
struct Firm {
  var id: String
  /// 1…N, or 0 for unranked.
  var rank: Int
  var stars: Int = 0
  var industry: String? = "机械"
  var district: String? = "东区"
  var aboveScale: Bool? = true
  var spend: Double? = 20
}

/// A table, evaluation and spec built directly (no ingest, no scoring), so every
/// selection rule can be exercised alone. Rows are in the order given; ranks as given.
struct World {
  var table: Table
  var evaluation: Evaluation
  var spec: Spec

  init(
    _ firms: [Firm], programmes: [ProgrammeDraft], rewards: RewardDraft = RewardDraft(), year: Int = 2022,
    unrankedReason: String = "缺少数据：研发投入"
  ) {
    let n = firms.count
    let industries = Array(Set(firms.compactMap(\.industry))).sorted()
    let districts = Array(Set(firms.compactMap(\.district))).sorted()
    func codes(_ v: [String?], _ levels: [String]) -> [Int32] {
      v.map { s in s.flatMap { levels.firstIndex(of: $0) }.map { Int32($0) } ?? -1 }
    }
    table = Table(
      source: "metrics.csv", rowCount: n, lines: Array(2..<(2 + n)),
      columns: [
        "uscc": .text(TextColumn(firms.map(\.id))),
        "name": .text(TextColumn(firms.map { "企业\($0.id)" })),
        "industry": .category(CategoryColumn(codes: codes(firms.map(\.industry), industries), levels: industries)),
        "district": .category(CategoryColumn(codes: codes(firms.map(\.district), districts), levels: districts)),
        "above_scale": .bool(firms.map(\.aboveScale)),
        "spend": .numeric(NumericColumn(values: firms.map { $0.spend ?? 0 }, missing: firms.map { $0.spend == nil })),
      ])
    let ranked = firms.indices.filter { firms[$0].rank > 0 }.sorted { firms[$0].rank < firms[$1].rank }
    let score = firms.map { $0.rank > 0 ? 100 - Double($0.rank) : 0 }
    evaluation = Evaluation(
      order: ranked, ids: StringColumn(firms.map(\.id)), labels: StringColumn(firms.map { "企业\($0.id)" }), rank: firms.map(\.rank),
      competitionRank: firms.map(\.rank), raw: score.map { $0 / 100 }, score: score, utility: score.map { $0 / 100 }, stars: firms.map(\.stars),
      starGap: Array(repeating: nil, count: n), normalised: [score.map { $0 / 100 }],
      imputed: [Array(repeating: false, count: n)], weights: [1], groupScores: ["quality": score],
      weightReport: WeightReport(nodes: []),
      unranked: firms.indices.filter { firms[$0].rank == 0 }.map { (row: $0, reason: unrankedReason) })
    spec = loadedSpec(
      source: "criteria.toml",
      evaluation: EvaluationDraft(name: "2022年度数字化改造标杆企业评选", year: year, idColumn: "uscc", labelColumn: "name"),
      columns: [
        ColumnSpec(key: "uscc", headers: ["统一社会信用代码"], type: .text),
        ColumnSpec(key: "name", headers: ["企业名称"], type: .text),
        ColumnSpec(key: "industry", headers: ["所属行业"], type: .category, label: "行业"),
        ColumnSpec(key: "district", headers: ["所在区域"], type: .category),
        ColumnSpec(key: "above_scale", headers: ["规上企业"], type: .bool),
        ColumnSpec(key: "spend", headers: ["咨询投入(万元)"], type: .number),
      ],
      criteria: [CriterionDraft(key: "c", column: "spend", group: "quality", weight: 1)],
      groups: [GroupDraft(key: "quality", weight: 1)], programmes: programmes, rewards: rewards)
  }

  func decide(history: [HistoryEntry] = []) -> Decision {
    Selector.decide(evaluation, table: table, spec: spec, history: history)
  }

  /// Ids of rows, for readable expectations.
  func ids(_ rows: [Int]) -> [String] { rows.map { evaluation.ids[$0] } }

  /// Row of an id.
  func row(_ id: String) -> Int { evaluation.ids.firstIndex(of: id) ?? -1 }
}

extension ProgrammeDecision {
  /// The recorded reason of one row, or nil when it is selected or a reserve.
  func reason(_ row: Int) -> ExclusionReason? { excluded.first { $0.row == row }?.reason }
}

/// `n` firms ranked 1…n in row order, ids "F01"…
func ladder(_ n: Int, _ configure: (Int, inout Firm) -> Void = { _, _ in }) -> [Firm] {
  (1...n).map { r in
    var f = Firm(id: "F" + (r < 10 ? "0\(r)" : "\(r)"), rank: r)
    configure(r, &f)
    return f
  }
}
