import Model

extension Spec {
  /// A spec from parts built in code (tests, fixtures), valid by the same rules as a file:
  /// the parts are written out as a criteria file and loaded by `CriteriaLoader`, so every
  /// check of the loader applies and no second validator exists. The result is the loaded
  /// spec (defaults filled in as the loader fills them: a column's label is its first
  /// header, a programme's `review_min_stars` comes from its `eligible`, and so on).
  ///
  /// An expression is written as its source text when the part has one
  /// (`eligibleText`, `requireText`), else as `Expr.description` renders it.
  /// - Returns: the spec, or the loader's failure (exit kind `.config`) naming each problem.
  public static func checked(
    source: String, evaluation: EvaluationInfo, columns: [ColumnSpec], criteria: [CriterionSpec],
    groups: [GroupSpec] = [], weighting: WeightingSpec = WeightingSpec(method: .direct),
    aggregation: AggregationSpec = AggregationSpec(), ranking: RankingSpec = RankingSpec(),
    stars: StarSpec = StarSpec(), programmes: [ProgrammeSpec] = [], rewards: RewardSpec = RewardSpec(),
    uncertainty: UncertaintySpec? = nil
  ) -> Result<Spec, StageFailure> {
    var w = SpecWriter()
    w.table("evaluation")
    w.put("name", .s(evaluation.name))
    w.put("year", .i(evaluation.year))
    w.put("id", .s(evaluation.idColumn))
    w.put("label", .s(evaluation.labelColumn))
    w.put("scale", .pair(evaluation.scale))
    w.put("score_decimals", .i(evaluation.scoreDecimals))
    for c in columns {
      w.table("columns", c.key)
      w.put("header", .list(c.headers.map(SpecWriter.Value.s)))
      w.put("type", .s(c.type.rawValue))
      if let r = c.range { w.put("range", .pair(r)) }
      w.put("missing", .s(c.missing.rawValue))
      w.put("required", .b(c.required))
      if let v = c.allowedValues { w.put("values", .list(v.map(SpecWriter.Value.s))) }
      if let l = c.label { w.put("label", .s(l)) }
      if let u = c.unit { w.put("unit", .s(u)) }
      if !c.missingMarkers.isEmpty { w.put("missing_markers", .list(c.missingMarkers.map(SpecWriter.Value.s))) }
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
    w.put("method", .s(aggregation.method.name))
    switch aggregation.method {
    case .weightedProduct(let floor): w.put("floor", .d(floor))
    case .vikor(let v): w.put("v", .d(v))
    case .weightedSum, .topsis: break
    }
    w.table("ranking")
    w.put("precision", .d(ranking.precision))
    w.put("tie_break", .list(ranking.tieBreak.map { .s(SpecWriter.text($0)) }))
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
    return CriteriaLoader.parse(w.text, source: source)
  }
}
