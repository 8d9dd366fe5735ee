import Criteria
import Foundation
import Model
import Scoring
import Selection

/// The facts every writer shows, computed once per run: who is where on each
/// list, rewards per enterprise, group order and criterion paths.
///
/// - Complexity: O(rows × programmes) time and 5 bytes per row per programme.
final class ReportModel: Sendable {
  /// What the run hands the writers.
  let run: RunReport
  var spec: Spec { run.spec }
  var evaluation: Evaluation { run.evaluation }
  var decision: Decision { run.decision }
  var manifest: Manifest { run.manifest }
  var options: ReportOptions { run.options }
  let labels: Labels
  /// The table's facts the documents name (empty when the run gave none).
  let facts: DocumentFacts
  /// Granted reward per row, yuan.
  let rewardByRow: [Double]
  /// Per programme (decision order): status per row (0 = not on the list at all).
  let status: [[UInt8]]
  /// Per programme: the reason code (`ExclusionList.reasonCode(at:)`) per excluded row, else -1.
  let excludedReason: [[Int32]]
  /// Per programme: the text of each distinct exclusion reason, by reason code.
  let reasonTexts: [[String]]
  /// Per programme: status per row on the lists the computation alone gave (`Decision.computed`:
  /// selected, reserve, else excluded), only when committee decisions were applied (else empty).
  let computedStatus: [[UInt8]]
  /// Per programme: reward granted from that programme, by row (sparse; star rewards are not a programme's).
  let programmeRewards: [[Int: Double]]
  /// Group keys with scores, in spec order (unknown keys last, sorted).
  let groupKeys: [String]
  /// Group score columns in `groupKeys` order (indexed by row).
  let groupColumns: [[Double]]
  /// Normalised criterion columns in spec criterion order (indexed by row; empty when absent).
  let normalisedColumns: [UnitColumn]
  /// Group label path of each criterion, e.g. "效率 › 产出"; "" for the root.
  let criterionPaths: [String]
  /// `evaluation.ids` and `evaluation.labels` packed (one byte buffer each), so the ranking
  /// writers read them in rank order without retaining a `String` per row.
  var idText: TextColumn { evaluation.ids.packed }
  var labelText: TextColumn { evaluation.labels.packed }
  /// `idText.uniformWidth` (18 when every id is a USCC), found once: the rank-order writers
  /// (`CSVRows`, `RankingEntries`) then compute where each id is instead of reading it.
  let idWidth: Int?
  /// Threads that format the long lists (`BlockWriter`): one per core, or one fewer when the
  /// workbook is written, so its single thread (the slowest writer) keeps a core to itself.
  let formatThreads: Int

  init(_ run: RunReport) {
    self.run = run
    let (spec, evaluation, decision, options) = (run.spec, run.evaluation, run.decision, run.options)
    labels = Labels.table(english: options.english)
    facts = run.documents ?? DocumentFacts()
    formatThreads = max(1, BlockWriter.workers - (options.excel ? 1 : 0))
    idWidth = evaluation.ids.packed.uniformWidth
    let n = evaluation.ids.count
    var reward = [Double](repeating: 0, count: n)
    for a in decision.rewards.awards where a.row >= 0 && a.row < n && a.granted.isFinite { reward[a.row] += a.granted }
    rewardByRow = reward
    var status: [[UInt8]] = []
    var excludedReason: [[Int32]] = []
    for p in decision.programmes {
      var s = [UInt8](repeating: 0, count: n)
      var x = [Int32](repeating: -1, count: n)
      for r in p.selected where r < n { s[r] = ShortlistStatus.selected.rawValue }
      for r in p.reserve where r < n { s[r] = ShortlistStatus.reserve.rawValue }
      for i in p.excluded.indices {
        let row = p.excluded.row(at: i)
        guard row < n else { continue }
        s[row] = ShortlistStatus.excluded.rawValue
        x[row] = Int32(p.excluded.reasonCode(at: i))
      }
      status.append(s)
      excludedReason.append(x)
    }
    self.status = status
    self.excludedReason = excludedReason
    computedStatus = decision.committee.isEmpty ? [] : decision.computed.map { c in
      var s = [UInt8](repeating: ShortlistStatus.excluded.rawValue, count: n)
      for r in c.selected where r < n { s[r] = ShortlistStatus.selected.rawValue }
      for r in c.reserve where r < n { s[r] = ShortlistStatus.reserve.rawValue }
      return s
    }
    programmeRewards = decision.programmes.map { p in
      var byRow: [Int: Double] = [:]
      for a in decision.rewards.awards where a.source == p.key && a.granted.isFinite && a.granted > 0 { byRow[a.row, default: 0] += a.granted }
      return byRow
    }
    reasonTexts = decision.programmes.map { $0.excluded.reasons.map { $0.text(english: options.english) } }
    let known = spec.groups.map(\.key).filter { evaluation.groupScores[$0] != nil }
    let extra = evaluation.groupScores.keys.filter { k in !spec.groups.contains { $0.key == k } }.sorted()
    let keys = known + extra
    groupKeys = keys
    groupColumns = keys.map { evaluation.groupScores[$0] ?? [] }
    normalisedColumns = spec.criteria.indices.map { $0 < evaluation.normalised.count ? evaluation.normalised[$0] : UnitColumn([]) }
    criterionPaths = spec.criteria.map { ReportModel.path(of: $0.group, in: spec) }
  }

  var rowCount: Int { evaluation.ids.count }

  /// Label of a group key (the key itself when the spec does not know it).
  func groupLabel(_ key: String) -> String { spec.group(key)?.label ?? key }

  /// Labels of the groups from the root down to `group`, joined with " › ".
  static func path(of group: String?, in spec: Spec) -> String {
    var names: [String] = []
    var seen = Set<String>()
    var current = group
    while let k = current, !seen.contains(k) {
      seen.insert(k)
      let g = spec.group(k)
      names.append(g?.label ?? k)
      current = g?.parent
    }
    return names.reversed().joined(separator: " › ")
  }

  /// Status of `row` on programme `p`, with the exclusion reason when excluded.
  func entry(programme p: Int, row: Int) -> (status: ShortlistStatus?, reason: ExclusionReason?) {
    guard let s = ShortlistStatus(rawValue: status[p][row]) else { return (nil, nil) }
    if s == .excluded { return (s, decision.programmes[p].excluded.reasons[Int(excludedReason[p][row])]) }
    return (s, nil)
  }

  /// Name of a programme key from the spec (the key when unknown).
  func programmeName(_ key: String) -> String { spec.programmes.first { $0.key == key }?.name ?? key }

  /// Human text of an award source: "stars:4" → "4星级", a programme key → its name.
  func awardSourceName(_ source: String) -> String {
    if source.hasPrefix("stars:") {
      let n = source.dropFirst(6)
      if let stars = Int(n), let level = spec.stars.levels.first(where: { $0.stars == stars }) { return level.label }
      return options.english ? "\(n) stars" : "\(n)星级"
    }
    return programmeName(source)
  }

  /// A score with the spec's decimals.
  func scoreText(_ x: Double) -> String { formatFixed(x, decimals: spec.evaluation.scoreDecimals) }

  /// Yuan with two decimals and thousands separators: 1,450,000.00.
  static func money(_ x: Double) -> String {
    let t = formatFixed(x, decimals: 2)
    guard let dot = t.firstIndex(of: ".") else { return t }
    let negative = t.hasPrefix("-")
    let digits = Array(t[t.index(t.startIndex, offsetBy: negative ? 1 : 0)..<dot])
    var grouped = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
      grouped.append(c)
    }
    return (negative ? "-" : "") + grouped + String(t[dot...])
  }
}
