import Criteria
import Model
import Procedure
import Scoring
import Selection

/// Writes `results.json`, the machine contract of a run (see docs/outputs.md).
///
/// Top-level keys, in this order: `evaluation`, `ranking`, `unranked`, `screened`,
/// `weights`, `weight_derivation`, `shortlists`, `committee_decisions`, `rewards`,
/// `policy_warnings`, `manifest`. `shortlists.P.selected` / `.reserve` are the final lists;
/// `.computed_selected` / `.computed_reserve` what the computation alone gave. Streamed in blocks of
/// entries formatted on every core, so memory does not grow with the row count.
enum ResultsJSON {
  static func write(_ m: ReportModel, to path: String) throws(ReportError) {
    let sink = try ByteSink(path: path, durability: .byFolder)
    var w = JSONWriter(into: ByteBuffer(capacity: 1 << 20))
    w.beginObject()
    evaluation(m, &w)
    try ranking(m, &w, sink)
    unranked(m, &w)
    screened(m, &w)
    try w.flushIfLarge(sink)
    weights(m, &w)
    derivation(m, &w)
    try shortlists(m, &w, sink)
    committee(m, &w)
    rewards(m, &w)
    reReview(m, &w)
    policyWarnings(m, &w)
    manifest(m.manifest, excelTextIDs: m.options.excelTextIDs, &w)
    w.endObject()
    try sink.write(w.out)
    try sink.close()
  }

  /// `policy_warnings`: each warning about money or policy with the criteria file's line and
  /// key, in the report's language.
  private static func policyWarnings(_ m: ReportModel, _ w: inout JSONWriter) {
    w.field("policy_warnings", objects: m.options.policyWarnings) { w, d in
      w.field("file", d.file)
      w.field("line", d.line)
      w.field("key_path", d.keyPath)
      w.field("message", d.text.text(m.options.english ? .en : .zh))
    }
  }

  private static func evaluation(_ m: ReportModel, _ w: inout JSONWriter) {
    let e = m.spec.evaluation
    w.key("evaluation")
    w.beginObject()
    w.field("name", e.name)
    w.field("year", e.year)
    w.key("scale")
    w.beginArray()
    w.number(e.scale.lowerBound)
    w.number(e.scale.upperBound)
    w.endArray()
    w.field("aggregation", aggregationKey(m.spec.aggregation.method))
    w.field("criteria_file", m.spec.source)
    w.field("metrics_file", m.manifest.metricsFile)
    w.endObject()
  }

  private static func unranked(_ m: ReportModel, _ w: inout JSONWriter) {
    w.key("unranked")
    w.beginArray()
    for u in m.evaluation.unranked {
      w.beginObject()
      w.field("id", m.evaluation.ids[u.row])
      w.field("label", m.evaluation.labels[u.row])
      w.field("reason", u.reason)
      w.endObject()
    }
    w.endArray()
  }

  /// Every screened enterprise with each reason: kind (rule, coverage, list), name, the
  /// official reason, the evidence, and the file and line it came from.
  private static func screened(_ m: ReportModel, _ w: inout JSONWriter) {
    let s = m.evaluation.screening
    w.key("screened")
    w.beginArray()
    for row in s.rows {
      w.beginObject()
      w.field("id", m.evaluation.ids[row])
      w.field("label", m.evaluation.labels[row])
      w.field("reasons", objects: s.reasons(of: row)) { w, r in
        w.field("kind", r.kind.rawValue)
        w.field("name", r.name)
        w.field("reason", r.reason)
        w.field("evidence", r.evidence)
        w.field("file", r.file)
        w.field("line", r.line)
      }
      w.endObject()
    }
    w.endArray()
  }

  /// The committee decisions applied, in file order.
  private static func committee(_ m: ReportModel, _ w: inout JSONWriter) {
    w.key("committee_decisions")
    w.beginArray()
    for a in m.decision.committee.decisions { decisionObject(a.decision, &w) }
    w.endArray()
  }

  static func decisionObject(_ d: CommitteeDecision, _ w: inout JSONWriter) {
    w.beginObject()
    w.field("id", d.id)
    w.field("programme", d.programme)
    w.field("action", d.action.rawValue)
    w.field("reason", d.reason)
    w.field("decided_by", d.decidedBy)
    w.field("date", d.date)
    w.field("file", d.file)
    w.field("line", d.line)
    w.endObject()
  }

  private static func weights(_ m: ReportModel, _ w: inout JSONWriter) {
    w.key("weights")
    w.beginObject()
    for (j, c) in m.spec.criteria.enumerated() where j < m.evaluation.weights.count {
      w.field(c.key, m.evaluation.weights[j])
    }
    w.endObject()
  }

  private static func derivation(_ m: ReportModel, _ w: inout JSONWriter) {
    w.key("weight_derivation")
    w.beginArray()
    for node in m.evaluation.weightReport.nodes {
      w.beginObject()
      w.field("node", node.key)
      w.field("method", node.method.rawValue)
      w.key("local_weights")
      w.beginObject()
      for (i, child) in node.children.enumerated() where i < node.localWeights.count {
        w.field(child, node.localWeights[i])
      }
      w.endObject()
      if let a = node.ahp {
        w.key("ahp")
        w.beginObject()
        w.field("lambda_max", a.lambdaMax)
        w.field("ci", a.ci)
        w.field("cr", a.cr)
        w.field("ri", a.ri)
        w.endObject()
      }
      if let e = node.entropy {
        perChild("entropy_e", e.e, node.children, &w)
        perChild("entropy_d", e.d, node.children, &w)
      }
      if let c = node.critic {
        perChild("critic_sigma", c.sigma, node.children, &w)
        perChild("critic_conflict", c.conflict, node.children, &w)
        perChild("critic_information", c.information, node.children, &w)
      }
      if let s = node.sigma { perChild("sigma", s, node.children, &w) }
      w.endObject()
    }
    w.endArray()
  }

  private static func perChild(_ key: String, _ v: [Double], _ children: [String], _ w: inout JSONWriter) {
    w.key(key)
    w.beginObject()
    for (i, c) in children.enumerated() where i < v.count { w.field(c, v[i]) }
    w.endObject()
  }

  private static func shortlists(_ m: ReportModel, _ w: inout JSONWriter, _ sink: ByteSink) throws(ReportError) {
    let ids = m.evaluation.ids
    w.key("shortlists")
    w.beginObject()
    for (pi, p) in m.decision.programmes.enumerated() {
      let spec = m.spec.programmes.first { $0.key == p.key }
      w.key(p.key)
      w.beginObject()
      w.field("name", spec?.name ?? p.key)
      w.field("level", (spec?.level ?? .local).rawValue)
      w.field("quota", spec?.quota ?? p.selected.count)
      w.field("reserves", spec?.reserves ?? p.reserve.count)
      w.key("selected")
      w.beginArray()
      for r in p.selected { w.string(ids[r]) }
      w.endArray()
      w.key("reserve")
      w.beginArray()
      for r in p.reserve { w.string(ids[r]) }
      w.endArray()
      w.key("reserve_reasons")
      w.beginArray()
      for r in p.reserve {
        guard let why = p.reserveReasons[r] else { continue }
        w.beginObject()
        w.field("id", ids[r])
        w.field("reason", why.text(english: m.labels.english))
        w.field("code", reasonCode(why))
        w.endObject()
      }
      w.endArray()
      let computed = pi < m.decision.computed.count ? m.decision.computed[pi] : nil
      w.key("computed_selected")
      w.beginArray()
      for r in computed?.selected ?? p.selected { w.string(ids[r]) }
      w.endArray()
      w.key("computed_reserve")
      w.beginArray()
      for r in computed?.reserve ?? p.reserve { w.string(ids[r]) }
      w.endArray()
      w.key("decisions")
      w.beginArray()
      for a in m.decision.committee.decisions where a.programme == nil || a.programme == pi { decisionObject(a.decision, &w) }
      w.endArray()
      w.key("excluded")
      w.beginArray()
      try sink.write(w.out)
      w.out.removeAll()
      // Each distinct reason is formatted once (`ReportModel.reasonTexts`), found by its code.
      let excluded = p.excluded
      let texts = m.reasonTexts[pi]
      let codes = excluded.reasons.map(reasonCode)
      try BlockWriter.write(count: excluded.count, to: sink, workers: m.formatThreads) { range, buffer in
        var b = JSONWriter(into: buffer, insideArrayAt: 4, hasMember: range.lowerBound > 0)
        for i in range {
          let c = excluded.reasonCode(at: i)
          b.beginObject()
          b.field("id", ids[excluded.row(at: i)])
          b.field("reason", texts[c])
          b.field("code", codes[c])
          b.endObject()
        }
      }
      if !excluded.isEmpty { w.markHasMember() }
      w.endArray()
      w.endObject()
    }
    w.endObject()
  }

  private static func rewards(_ m: ReportModel, _ w: inout JSONWriter) {
    let r = m.decision.rewards
    w.key("rewards")
    w.beginObject()
    w.key("awards")
    w.beginArray()
    for a in r.awards {
      w.beginObject()
      w.field("id", m.evaluation.ids[a.row])
      w.field("source", a.source)
      w.field("entitled", a.entitled)
      w.field("granted", a.granted)
      w.endObject()
    }
    w.endArray()
    w.field("total_entitled", r.totalEntitled)
    w.field("total_granted", r.totalGranted)
    w.field("budget", r.budget)
    w.field("remaining", r.remaining)
    w.endObject()
  }

  /// The run's manifest; `csv_ids: "excel-text"` only when the CSVs' id cells were written
  /// for Excel (`run --excel-text-ids`), so a default run's bytes are unchanged.
  private static func manifest(_ mf: Manifest, excelTextIDs: Bool, _ w: inout JSONWriter) {
    w.key("manifest")
    w.beginObject()
    w.field("version", mf.version)
    w.field("metrics_file", mf.metricsFile)
    w.field("metrics_sha256", mf.metricsSHA256)
    w.field("criteria_file", mf.criteriaFile)
    w.field("criteria_sha256", mf.criteriaSHA256)
    if !mf.criteriaOverrides.isEmpty {
      w.key("criteria_overrides")
      w.beginArray()
      for o in mf.criteriaOverrides { w.string(o) }
      w.endArray()
    }
    w.key("seed")
    if let s = mf.seed { w.rawNumber(String(s)) } else { w.null() }
    w.field("rows", mf.rows)
    w.field("time", mf.timeISO8601)
    if !mf.inputs.isEmpty {
      w.field("inputs", objects: mf.inputs) { w, f in
        w.field("role", f.role)
        w.field("file", f.file)
        w.field("sha256", f.sha256)
      }
    }
    if excelTextIDs { w.field("csv_ids", "excel-text") }
    w.endObject()
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
    case .screened: return "screened"
    case .committee(let d): return "committee_" + d.action.rawValue
    case .notInTier: return "not_in_tier"
    case .history: return "history"
    case .notEligible: return "not_eligible"
    case .cap: return "cap"
    case .belowLine: return "below_line"
    }
  }
}
