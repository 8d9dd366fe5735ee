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
          Message(zh: "\"\(normalisation)\" 不能作为备选方法抽取", en: "\"\(normalisation)\" cannot be drawn as an alternative")))
    }
    if !aggregation.hasValidParameter {
      throw StageFailure(
        .config,
        diagnostic(
          at: "aggregation",
          Message(zh: "汇总方法 \(aggregation) 的参数超出允许范围", en: "the parameter of aggregation method \(aggregation) is out of range")))
    }
    var s = self
    if let normalisation { for j in s.criteria.indices { s.criteria[j].normalisation = normalisation } }
    s.aggregation = AggregationSpec(method: aggregation)
    return s
  }
}

extension UncertaintySpec {
  /// The same uncertainty with the weights alone varying: no alternative normalisation or
  /// aggregation is drawn.
  public var weightsAlone: UncertaintySpec {
    var u = self
    u.normalisations = []
    u.aggregations = []
    return u
  }
}

extension AggregationMethod {
  /// `[aggregation] v` (VIKOR's strategy weight): a number in [0, 1].
  static func isValidV(_ v: Double) -> Bool { (0...1).contains(v) }
  /// `[aggregation] floor` (weighted product): a number in (0, 1].
  static func isValidFloor(_ f: Double) -> Bool { f > 0 && f <= 1 }

  /// Whether the method's parameter is one the loader accepts.
  var hasValidParameter: Bool {
    switch self {
    case .weightedSum, .topsis: return true
    case .weightedProduct(let floor): return Self.isValidFloor(floor)
    case .vikor(let v): return Self.isValidV(v)
    }
  }
}
