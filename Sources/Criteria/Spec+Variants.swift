import Model

extension Spec {
  /// This spec with every criterion normalised by `normalisation` (nil: each keeps its own)
  /// and aggregated by `aggregation`: a method variant of `exemplar sensitivity`
  /// (`[uncertainty] normalisations`, `aggregations`). The values pass the loader's own
  /// rules: the normalisation is one that `[uncertainty] normalisations` accepts, the
  /// aggregation's parameter is in the range `[aggregation] v` / `floor` accepts.
  /// - Throws: `.config` naming the value when it breaks one of those rules.
  public func withMethod(normalisation: Normalisation?, aggregation: AggregationMethod) throws(StageFailure) -> Spec {
    if let normalisation, !SpecDecoder.alternativeNormalisations.values.contains(normalisation) {
      throw StageFailure(
        .config,
        diagnostic(
          at: "uncertainty.normalisations",
          Message(zh: "\"\(normalisation.name)\" 不能作为备选方法抽取", en: "\"\(normalisation.name)\" cannot be drawn as an alternative")))
    }
    if !aggregation.hasValidParameter {
      throw StageFailure(
        .config,
        diagnostic(
          at: "aggregation",
          Message(
            zh: "汇总方法 \(aggregation.name) 的参数超出允许范围（v 须在 [0, 1] 内，floor 须在 (0, 1] 内）",
            en: "the parameter of aggregation method \(aggregation.name) is out of range (v must be in [0, 1], floor in (0, 1])")))
    }
    var s = self
    if let normalisation { for j in s.criteria.indices { s.criteria[j].normalisation = normalisation } }
    s.aggregation = AggregationSpec(method: aggregation)
    return s
  }
}
