import Criteria
import Model
import Scoring
import Selection

/// Writes `results.json`, the machine contract of a run (see docs/outputs.md).
///
/// Top-level keys, in this order: `evaluation`, `ranking`, `unranked`, `weights`,
/// `weight_derivation`, `shortlists`, `rewards`, `manifest`. Streamed entry by entry,
/// so memory does not grow with the row count.
enum ResultsJSON {
  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path)
    var w = JSONWriter(sink: sink)
    try w.beginObject()
    try evaluation(m, &w)
    try ranking(m, &w)
    try unranked(m, &w)
    try weights(m, &w)
    try derivation(m, &w)
    try shortlists(m, &w)
    try rewards(m, &w)
    try manifest(m.manifest, &w)
    try w.endObject()
    try sink.close()
  }

  private static func evaluation(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    let e = m.spec.evaluation
    try w.key("evaluation")
    try w.beginObject()
    try w.field("name", e.name)
    try w.field("year", e.year)
    try w.key("scale")
    try w.beginArray()
    try w.number(e.scale.lowerBound)
    try w.number(e.scale.upperBound)
    try w.endArray()
    try w.field("aggregation", aggregationKey(m.spec.aggregation.method))
    try w.field("criteria_file", m.spec.source)
    try w.field("metrics_file", m.table.source)
    try w.endObject()
  }

  private static func ranking(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    let ev = m.evaluation
    let keys = m.spec.criteria.map(\.key)
    try w.key("ranking")
    try w.beginArray()
    for row in ev.order {
      try w.beginObject()
      try w.field("id", ev.ids[row])
      try w.field("label", ev.labels[row])
      try w.field("rank", ev.rank[row])
      try w.field("competition_rank", ev.competitionRank[row])
      try w.field("score", ev.score[row])
      try w.field("raw", ev.raw[row])
      try w.field("stars", ev.stars[row])
      try w.key("contributions")
      try w.beginObject()
      let c = ev.contributions(row: row)
      for (j, k) in keys.enumerated() where j < c.count { try w.field(k, c[j]) }
      try w.endObject()
      try w.key("group_scores")
      try w.beginObject()
      for (g, column) in zip(m.groupKeys, m.groupColumns) where row < column.count { try w.field(g, column[row]) }
      try w.endObject()
      let imputed = keys.indices.filter { $0 < ev.imputed.count && row < ev.imputed[$0].count && ev.imputed[$0][row] }
      if !imputed.isEmpty {
        try w.key("imputed")
        try w.beginArray()
        for j in imputed { try w.string(keys[j]) }
        try w.endArray()
      }
      try w.key("star_gap")
      if row < ev.starGap.count, let gap = ev.starGap[row] {
        try w.beginObject()
        try w.field("next_stars", gap.nextStars)
        try w.field("points_short", gap.pointsShort)
        try w.key("unmet")
        try w.beginArray()
        for u in gap.unmetRequirements { try w.string(u) }
        try w.endArray()
        try w.endObject()
      } else {
        try w.null()
      }
      if m.rewardByRow[row] > 0 { try w.field("reward", m.rewardByRow[row]) }
      try w.endObject()
    }
    try w.endArray()
  }

  private static func unranked(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    try w.key("unranked")
    try w.beginArray()
    for u in m.evaluation.unranked {
      try w.beginObject()
      try w.field("id", m.evaluation.ids[u.row])
      try w.field("label", m.evaluation.labels[u.row])
      try w.field("reason", u.reason)
      try w.endObject()
    }
    try w.endArray()
  }

  private static func weights(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    try w.key("weights")
    try w.beginObject()
    for (j, c) in m.spec.criteria.enumerated() where j < m.evaluation.weights.count {
      try w.field(c.key, m.evaluation.weights[j])
    }
    try w.endObject()
  }

  private static func derivation(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    try w.key("weight_derivation")
    try w.beginArray()
    for node in m.evaluation.weightReport.nodes {
      try w.beginObject()
      try w.field("node", node.key)
      try w.field("method", node.method.rawValue)
      try w.key("local_weights")
      try w.beginObject()
      for (i, child) in node.children.enumerated() where i < node.localWeights.count {
        try w.field(child, node.localWeights[i])
      }
      try w.endObject()
      if let a = node.ahp {
        try w.key("ahp")
        try w.beginObject()
        try w.field("lambda_max", a.lambdaMax)
        try w.field("ci", a.ci)
        try w.field("cr", a.cr)
        try w.field("ri", a.ri)
        try w.endObject()
      }
      if let e = node.entropy {
        try perChild("entropy_e", e.e, node.children, &w)
        try perChild("entropy_d", e.d, node.children, &w)
      }
      if let c = node.critic {
        try perChild("critic_sigma", c.sigma, node.children, &w)
        try perChild("critic_conflict", c.conflict, node.children, &w)
        try perChild("critic_information", c.information, node.children, &w)
      }
      if let s = node.sigma { try perChild("sigma", s, node.children, &w) }
      try w.endObject()
    }
    try w.endArray()
  }

  private static func perChild(_ key: String, _ v: [Double], _ children: [String], _ w: inout JSONWriter) throws(ReportError) {
    try w.key(key)
    try w.beginObject()
    for (i, c) in children.enumerated() where i < v.count { try w.field(c, v[i]) }
    try w.endObject()
  }

  private static func shortlists(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    let ids = m.evaluation.ids
    try w.key("shortlists")
    try w.beginObject()
    for p in m.decision.programmes {
      let spec = m.spec.programmes.first { $0.key == p.key }
      try w.key(p.key)
      try w.beginObject()
      try w.field("name", spec?.name ?? p.key)
      try w.field("level", (spec?.level ?? .local).rawValue)
      try w.field("quota", spec?.quota ?? p.selected.count)
      try w.field("reserves", spec?.reserves ?? p.reserve.count)
      try w.key("selected")
      try w.beginArray()
      for r in p.selected { try w.string(ids[r]) }
      try w.endArray()
      try w.key("reserve")
      try w.beginArray()
      for r in p.reserve { try w.string(ids[r]) }
      try w.endArray()
      try w.key("excluded")
      try w.beginArray()
      var reason = ReasonText(english: m.options.english)
      for e in p.excluded {
        try w.beginObject()
        try w.field("id", ids[e.row])
        try w.field("reason", reason(e.reason))
        try w.field("code", reasonCode(e.reason))
        try w.endObject()
      }
      try w.endArray()
      try w.endObject()
    }
    try w.endObject()
  }

  private static func rewards(_ m: ReportModel, _ w: inout JSONWriter) throws(ReportError) {
    let r = m.decision.rewards
    try w.key("rewards")
    try w.beginObject()
    try w.key("awards")
    try w.beginArray()
    for a in r.awards {
      try w.beginObject()
      try w.field("id", m.evaluation.ids[a.row])
      try w.field("source", a.source)
      try w.field("entitled", a.entitled)
      try w.field("granted", a.granted)
      try w.endObject()
    }
    try w.endArray()
    try w.field("total_entitled", r.totalEntitled)
    try w.field("total_granted", r.totalGranted)
    try w.field("budget", r.budget)
    try w.field("remaining", r.remaining)
    try w.endObject()
  }

  private static func manifest(_ mf: Manifest, _ w: inout JSONWriter) throws(ReportError) {
    try w.key("manifest")
    try w.beginObject()
    try w.field("version", mf.version)
    try w.field("metrics_file", mf.metricsFile)
    try w.field("metrics_sha256", mf.metricsSHA256)
    try w.field("criteria_file", mf.criteriaFile)
    try w.field("criteria_sha256", mf.criteriaSHA256)
    try w.key("seed")
    if let s = mf.seed { try w.rawNumber(String(s)) } else { try w.null() }
    try w.field("rows", mf.rows)
    try w.field("time", mf.timeISO8601)
    try w.endObject()
  }

  /// The criteria-file spelling of an aggregation method.
  static func aggregationKey(_ m: AggregationMethod) -> String {
    switch m {
    case .weightedSum: return "weighted-sum"
    case .weightedProduct: return "weighted-product"
    case .topsis: return "topsis"
    case .vikor: return "vikor"
    }
  }

  /// A stable, language-independent code for an exclusion reason.
  static func reasonCode(_ r: ExclusionReason) -> String {
    switch r {
    case .unranked: return "unranked"
    case .notInTier: return "not_in_tier"
    case .history: return "history"
    case .notEligible: return "not_eligible"
    case .cap: return "cap"
    case .belowLine: return "below_line"
    }
  }
}
