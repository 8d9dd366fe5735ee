import Criteria
import Model

/// Writes drafts as criteria-file text (TOML), for `loadedSpec`: every key is written bare
/// when TOML allows it and quoted otherwise, so any spelling survives.
struct DraftWriter {
  /// A TOML value.
  enum Value {
    case s(String)
    case i(Int)
    case d(Double)
    case b(Bool)
    case list([Value])
    case pair(ClosedRange<Double>)
  }

  private(set) var text = ""

  /// `[a."b"]`.
  mutating func table(_ parts: String...) {
    text += "\n[" + parts.map(Self.key).joined(separator: ".") + "]\n"
  }

  /// `[[a.b]]`.
  mutating func arrayTable(_ parts: String...) {
    text += "\n[[" + parts.map(Self.key).joined(separator: ".") + "]]\n"
  }

  /// `key = value` in the current table.
  mutating func put(_ key: String, _ value: Value) {
    text += Self.key(key) + " = " + Self.render(value) + "\n"
  }

  /// A node's weighting keys (`method`/`weighting`, `normalise`, `ahp`) under `path`;
  /// `always` writes the table even when it holds only the method.
  mutating func weighting(_ w: WeightingDraft, methodKey: String, at path: [String], always: Bool) {
    if always { text += "\n[" + path.map(Self.key).joined(separator: ".") + "]\n" }
    put(methodKey, .s(w.method.rawValue))
    if w.normalise { put("normalise", .b(true)) }
    guard let ahp = w.ahp else { return }
    let inline = [
      "order = " + Self.render(.list(ahp.order.map(Value.s))),
      "matrix = " + Self.render(.list(ahp.matrix.map { .list($0.map(Value.d)) })),
      "accept_inconsistent = " + Self.render(.b(ahp.acceptInconsistent)),
      "max_cr = " + Self.render(.d(ahp.maxCR)),
    ]
    text += "ahp = { " + inline.joined(separator: ", ") + " }\n"
  }

  /// `normalise` with its parameter (`goalposts`, `target`).
  mutating func normalisation(_ n: Normalisation) {
    switch n {
    case .minMax: put("normalise", .s("min-max"))
    case .zScore: put("normalise", .s("z-score"))
    case .vector: put("normalise", .s("vector"))
    case .sum: put("normalise", .s("sum"))
    case .max: put("normalise", .s("max"))
    case .rank: put("normalise", .s("rank"))
    case .goalposts(let low, let high):
      put("normalise", .s("goalposts"))
      text += "goalposts = [" + Self.render(.d(low)) + ", " + Self.render(.d(high)) + "]\n"
    case .target(let t):
      put("normalise", .s("target"))
      put("target", .d(t))
    }
  }

  /// `[programmes.KEY]`.
  mutating func programme(_ p: ProgrammeDraft) {
    table("programmes", p.key)
    put("name", .s(p.name))
    put("level", .s(p.level.rawValue))
    put("quota", .i(p.quota))
    put("reserves", .i(p.reserves))
    if let e = p.eligible { put("eligible", .s(p.eligibleText ?? e.description)) }
    if let f = p.from {
      put("from", .s(f))
      put("from_mode", .s(p.fromMode.rawValue))
    }
    if !p.pilotIndustries.isEmpty || p.industryColumn != "industry" {
      put("pilot_industries", .list(p.pilotIndustries.map(Value.s)))
      put("industry_column", .s(p.industryColumn))
    }
    put("pilot_priority", .s(p.pilotPriority.rawValue))
    put("history_years", .i(p.historyYears))
    put("history_names", .list(p.historyNames.map(Value.s)))
    put("reward", .d(p.reward))
    if p.validYears != 0 { put("valid_years", .i(p.validYears)) }
    if let s = p.reviewMinStars { put("review_min_stars", .i(s)) }
    if let r = p.reviewRank { put("review_rank", .i(r)) }
    if !p.caps.isEmpty {
      table("programmes", p.key, "caps")
      for (column, n) in p.caps.sorted(by: { $0.key < $1.key }) { put(column, .i(n)) }
    }
  }

  /// `[rewards]`.
  mutating func rewards(_ r: RewardDraft) {
    table("rewards")
    put("stacking", .s(r.stacking.rawValue))
    if let b = r.budget { put("budget", .d(b)) }
    put("allocation", .s(r.allocation.rawValue))
    put("round_to", .d(r.roundTo))
    guard !r.byStars.isEmpty else { return }
    table("rewards", "stars")
    for (stars, yuan) in r.byStars.sorted(by: { $0.key < $1.key }) { put(String(stars), .d(yuan)) }
  }

  /// `[uncertainty]`.
  mutating func uncertainty(_ u: UncertaintyDraft) {
    table("uncertainty")
    switch u.model {
    case .uniform(let spread):
      put("model", .s("uniform"))
      put("spread", .d(spread))
    case .dirichlet(let concentration):
      put("model", .s("dirichlet"))
      put("concentration", .d(concentration))
    }
    if !u.vary.isEmpty { put("vary", .list(u.vary.map(Value.s))) }
    put("normalisations", .list(u.normalisations.map { .s($0.name) }))
    put("aggregations", .list(u.aggregations.map { .s($0.name) }))
    put("samples", .i(u.samples))
    put("seed", .i(Int(clamping: u.seed)))
    if !u.sobolTargets.isEmpty { put("sobol_targets", .list(u.sobolTargets.map(Value.s))) }
  }

  /// A tie-break key as `[ranking] tie_break` writes it.
  static func text(_ k: TieBreakKey) -> String {
    switch k {
    case .group(let key, let d): return "group:\(key) \(d ? "desc" : "asc")"
    case .criterion(let key, let d): return "criterion:\(key) \(d ? "desc" : "asc")"
    case .column(let key, let d): return "column:\(key) \(d ? "desc" : "asc")"
    }
  }

  static func render(_ v: Value) -> String {
    switch v {
    case .s(let s): return quoted(s)
    case .i(let n): return String(n)
    case .d(let x):
      if x.isNaN { return "nan" }
      if x.isInfinite { return x < 0 ? "-inf" : "inf" }
      let t = "\(x)"
      return t.contains(where: { $0 == "." || $0 == "e" }) ? t : t + ".0"
    case .b(let b): return b ? "true" : "false"
    case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .pair(let r): return "[" + render(.d(r.lowerBound)) + ", " + render(.d(r.upperBound)) + "]"
    }
  }

  /// A TOML basic string: `"`, `\` and control characters escaped.
  static func quoted(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if u.value < 0x20 || u.value == 0x7F {
          out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16).uppercased()
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// A key: bare when TOML allows it (`A-Za-z0-9_-`), quoted otherwise.
  static func key(_ k: String) -> String {
    let bare = !k.isEmpty && k.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" }
    return bare ? k : quoted(k)
  }
}

/// A spec from drafts, through the real loader: the drafts are written out as a criteria
/// file (`source`) and loaded by `CriteriaLoader`, so the test's spec passes every check a
/// user's file does. A spec the loader rejects stops the test run with the loader's
/// messages (a test's spec must be one a criteria file could say).
public func loadedSpec(
  source: String, evaluation: EvaluationDraft, columns: [ColumnSpec], criteria: [CriterionDraft],
  groups: [GroupDraft] = [], weighting: WeightingDraft = WeightingDraft(method: .direct),
  aggregation: AggregationMethod = .weightedSum, ranking: RankingDraft = RankingDraft(),
  stars: StarsDraft = StarsDraft(), programmes: [ProgrammeDraft] = [], rewards: RewardDraft = RewardDraft(),
  uncertainty: UncertaintyDraft? = nil, file: StaticString = #file, line: UInt = #line
) -> Spec {
  let text = criteriaText(
    evaluation: evaluation, columns: columns, criteria: criteria, groups: groups, weighting: weighting,
    aggregation: aggregation, ranking: ranking, stars: stars, programmes: programmes, rewards: rewards, uncertainty: uncertainty)
  switch CriteriaLoader.parse(text, source: source) {
  case .success(let spec): return spec
  case .failure(let f):
    fatalError("the loader rejects this test spec: \(f.diagnostics.diagnostics.map(\.description))", file: file, line: line)
  }
}

/// The criteria file the drafts write (`loadedSpec`).
public func criteriaText(
  evaluation: EvaluationDraft, columns: [ColumnSpec], criteria: [CriterionDraft],
  groups: [GroupDraft] = [], weighting: WeightingDraft = WeightingDraft(method: .direct),
  aggregation: AggregationMethod = .weightedSum, ranking: RankingDraft = RankingDraft(),
  stars: StarsDraft = StarsDraft(), programmes: [ProgrammeDraft] = [], rewards: RewardDraft = RewardDraft(),
  uncertainty: UncertaintyDraft? = nil
) -> String {
  var w = DraftWriter()
  w.table("evaluation")
  w.put("name", .s(evaluation.name))
  w.put("year", .i(evaluation.year))
  w.put("id", .s(evaluation.idColumn))
  w.put("label", .s(evaluation.labelColumn))
  w.put("scale", .pair(evaluation.scale))
  w.put("score_decimals", .i(evaluation.scoreDecimals))
  for c in columns {
    w.table("columns", c.key)
    w.put("header", .list(c.headers.map(DraftWriter.Value.s)))
    w.put("type", .s(c.type.rawValue))
    if let r = c.range { w.put("range", .pair(r)) }
    w.put("missing", .s(c.missing.rawValue))
    w.put("required", .b(c.required))
    if let v = c.allowedValues { w.put("values", .list(v.map(DraftWriter.Value.s))) }
    if let l = c.label { w.put("label", .s(l)) }
    if let u = c.unit { w.put("unit", .s(u)) }
    if !c.missingMarkers.isEmpty { w.put("missing_markers", .list(c.missingMarkers.map(DraftWriter.Value.s))) }
    if c.lenient { w.put("lenient", .b(true)) }
  }
  w.weighting(weighting, methodKey: "method", at: ["weighting"], always: true)
  for g in groups {
    w.table("groups", g.key)
    w.put("label", .s(g.label))
    if let p = g.parent { w.put("parent", .s(p)) }
    if let x = g.weight { w.put("weight", .d(x)) }
    if let gw = g.weighting { w.weighting(gw, methodKey: "weighting", at: ["groups", g.key], always: false) }
  }
  for c in criteria {
    w.table("criteria", c.key)
    w.put("column", .s(c.column))
    w.put("label", .s(c.label))
    w.put("direction", .s(c.direction.rawValue))
    if c.explicitNormalisation || c.normalisation != .minMax { w.normalisation(c.normalisation) }
    if let g = c.group { w.put("group", .s(g)) }
    if let x = c.weight { w.put("weight", .d(x)) }
    if let q = c.winsorise { w.put("winsorise", .pair(q)) }
    if let m = c.missing { w.put("missing", .s(m.rawValue)) }
  }
  w.table("aggregation")
  w.put("method", .s(aggregation.name))
  switch aggregation {
  case .weightedProduct(let floor): w.put("floor", .d(floor))
  case .vikor(let v): w.put("v", .d(v))
  case .weightedSum, .topsis: break
  }
  w.table("ranking")
  w.put("precision", .d(ranking.precision))
  w.put("tie_break", .list(ranking.tieBreak.map { .s(DraftWriter.text($0)) }))
  w.table("stars")
  w.put("cumulative", .b(stars.cumulative))
  for level in stars.levels {
    w.arrayTable("stars", "level")
    w.put("stars", .i(level.stars))
    w.put("label", .s(level.label))
    w.put("min_score", .d(level.minScore))
    if let r = level.require { w.put("require", .s(level.requireText ?? r.description)) }
  }
  for p in programmes { w.programme(p) }
  w.rewards(rewards)
  if let u = uncertainty { w.uncertainty(u) }
  return w.text
}
