import Criteria
import Model
import Testing

/// `Spec.withMethod`: the one way to change a loaded spec (sensitivity's method
/// variants), under the loader's rules for `[uncertainty]` and `[aggregation]`.
@Suite struct MethodVariantSpecTests {
  static let text = Fixture.base + """

    [aggregation]
    method = "vikor"
    v = 0.3

    [uncertainty]
    normalisations = ["vector"]
    aggregations = ["topsis"]
    """

  @Test func aVariantChangesTheMethodsAndNothingElse() throws {
    let spec = try #require(Fixture.spec(Self.text))
    let v = try spec.withMethod(normalisation: .vector, aggregation: .topsis)
    #expect(v.criteria.map(\.normalisation) == [.vector, .vector])
    #expect(v.aggregation.method == .topsis)
    #expect(v.criteria.map(\.key) == spec.criteria.map(\.key) && v.criteria.map(\.weight) == spec.criteria.map(\.weight))
    #expect(v.criteria.map(\.explicitNormalisation) == spec.criteria.map(\.explicitNormalisation))
    #expect(v.source == spec.source && v.columns == spec.columns && v.uncertainty == spec.uncertainty)
    // nil keeps each criterion's own normalisation.
    let own = try spec.withMethod(normalisation: nil, aggregation: .weightedProduct(floor: 1))
    #expect(own.criteria.map(\.normalisation) == spec.criteria.map(\.normalisation))
    #expect(own.aggregation.method == .weightedProduct(floor: 1))
  }

  /// A normalisation `[uncertainty] normalisations` refuses (it needs parameters of its
  /// own) and aggregation parameters `[aggregation]` refuses are refused here too.
  @Test(arguments: [
    (Normalisation.goalposts(low: 0, high: 1), AggregationMethod.weightedSum, "uncertainty.normalisations"),
    (.target(3), .topsis, "uncertainty.normalisations"),
    (nil, .vikor(v: 1.5), "aggregation"),
    (nil, .vikor(v: .nan), "aggregation"),
    (.rank, .weightedProduct(floor: 0), "aggregation"),
  ] as [(Normalisation?, AggregationMethod, String)])
  func refusedLikeTheLoaderRefusesThem(normalisation: Normalisation?, aggregation: AggregationMethod, key: String) throws {
    let spec = try #require(Fixture.spec(Self.text))
    let f = try #require(throws: StageFailure.self) { try spec.withMethod(normalisation: normalisation, aggregation: aggregation) }
    #expect(f.kind == .config)
    let d = try #require(f.diagnostics.diagnostics.first)
    #expect(d.keyPath == key && d.file == "c.toml" && d.line == spec.line(of: key) && d.line > 0)
  }

  @Test func messagesInBothLanguages() throws {
    let spec = try #require(Fixture.spec(Self.text))
    let line = spec.line(of: "uncertainty.normalisations")
    let n = try #require(throws: StageFailure.self) { try spec.withMethod(normalisation: .target(3), aggregation: .topsis) }
    let nd = n.diagnostics.diagnostics
    #expect(nd.map { $0.rendered(.en) } == ["c.toml:\(line): uncertainty.normalisations: \"target\" cannot be drawn as an alternative"])
    #expect(nd.map { $0.rendered(.zh) } == ["c.toml:\(line): uncertainty.normalisations: \"target\" 不能作为备选方法抽取"])
    let a = try #require(throws: StageFailure.self) { try spec.withMethod(normalisation: nil, aggregation: .vikor(v: 2)) }
    let at = spec.line(of: "aggregation")
    let ad = a.diagnostics.diagnostics
    #expect(
      ad.map { $0.rendered(.en) } == [
        "c.toml:\(at): aggregation: the parameter of aggregation method vikor is out of range (v must be in [0, 1], floor in (0, 1])"
      ])
    #expect(ad.map { $0.rendered(.zh) } == ["c.toml:\(at): aggregation: 汇总方法 vikor 的参数超出允许范围（v 须在 [0, 1] 内，floor 须在 (0, 1] 内）"])
  }

  @Test func weightsAloneDropsTheAlternativeMethodsOnly() throws {
    let u = try #require(Fixture.spec(Self.text)?.uncertainty)
    let w = u.weightsAlone
    #expect(u.normalisations == [.vector] && u.aggregations == [.topsis])
    #expect(w.normalisations.isEmpty && w.aggregations.isEmpty)
    #expect(w.model == u.model && w.vary == u.vary && w.samples == u.samples && w.seed == u.seed && w.sobolTargets == u.sobolTargets)
  }

  /// The defaults are what a file with an empty `[uncertainty]` gives, but `vary`, which the
  /// loader fills with every criterion and the defaults leave empty (meaning every one).
  @Test func defaultsAreThoseOfAnEmptyTable() throws {
    let u = try #require(Fixture.spec(Fixture.base + "\n[uncertainty]\n")?.uncertainty)
    let d = UncertaintySpec.defaults
    #expect(d.model == u.model && d.samples == u.samples && d.seed == u.seed && d.normalisations == u.normalisations)
    #expect(d.aggregations == u.aggregations && d.sobolTargets == u.sobolTargets)
    #expect(d.vary.isEmpty && u.vary == ["a", "b"])
  }
}
