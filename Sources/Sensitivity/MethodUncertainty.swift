import Criteria
import Model
import Procedure
import Scoring
import Selection

/// Method uncertainty on its own (docs/sensitivity.md, "Weight noise and method swaps,
/// separately"): every distinct method variant of `[uncertainty]` — (nominal + alternative
/// normalisations) × (nominal + alternative aggregations), nominal × nominal first — run
/// once at the nominal weights through the one engine (`Selector.run`), with the
/// variant's own scores and the file's star thresholds.
public struct MethodUncertainty: Sendable {
  /// One method variant at the nominal weights.
  public struct Variant: Sendable {
    /// The normalisation every criterion gets, or nil for each criterion's own.
    public var normalisation: Normalisation?
    public var aggregation: AggregationMethod
    /// Selected rows per programme (spec order, list order).
    public var selected: [[Int]]
    /// How many ranked enterprises get s stars, s = 0…5.
    public var stars: [Int]
  }

  /// The variants, nominal × nominal first.
  public var variants: [Variant]
  /// Per programme: the nominal members selected under every variant (nominal order).
  public var inEveryVariant: [[Int]]

  /// Runs every variant of `uncertainty` (the spec's when nil).
  /// - Throws: `SensitivityError.scoring` when the data cannot be scored with a variant.
  public static func compute(
    table: Table, spec: Spec, evaluation: Evaluation, history: [HistoryEntry], committee: Committee = Committee(),
    uncertainty: UncertaintySpec? = nil
  ) throws(SensitivityError) -> MethodUncertainty {
    let u = uncertainty ?? spec.uncertainty ?? .defaults
    // Each distinct method once: an alternative that repeats the nominal aggregation (or an
    // earlier alternative) adds no variant here.
    var norms: [Normalisation?] = [nil]
    for n in u.normalisations where !norms.contains(n) { norms.append(n) }
    var aggs = [spec.aggregation.method]
    for a in u.aggregations where !aggs.contains(a) { aggs.append(a) }
    var variants: [Variant] = []
    for a in aggs {
      for nm in norms {
        let run: (evaluation: Evaluation, decision: Decision)
        do {
          let s = try spec.withMethod(normalisation: nm, aggregation: a)
          run = try Selector.run(table, spec: s, history: history, screening: evaluation.screening, committee: committee)
        } catch { throw .scoring(SensitivityError.scoringText(error)) }
        var stars = [Int](repeating: 0, count: 6)
        for row in run.evaluation.order where (0...5).contains(run.evaluation.stars[row]) { stars[run.evaluation.stars[row]] += 1 }
        variants.append(Variant(normalisation: nm, aggregation: a, selected: run.decision.programmes.map(\.selected), stars: stars))
      }
    }
    let nominal = variants.first?.selected ?? []
    let every = nominal.indices.map { p in
      nominal[p].filter { row in variants.allSatisfy { p < $0.selected.count && $0.selected[p].contains(row) } }
    }
    return MethodUncertainty(variants: variants, inEveryVariant: every)
  }

  /// True when `uncertainty` lists alternative methods (there is a method uncertainty to separate).
  public static func hasAlternatives(_ uncertainty: UncertaintySpec) -> Bool {
    !uncertainty.normalisations.isEmpty || !uncertainty.aggregations.isEmpty
  }
}

/// Weight noise and method swaps reported apart: the Monte Carlo run with the weight model
/// alone (the nominal method) and every method variant at the nominal weights.
public struct SeparatedUncertainty: Sendable {
  /// Monte Carlo over the weights only: `[uncertainty]` without its alternative methods.
  public var weightsAlone: MonteCarloResult
  /// The method variants at the nominal weights.
  public var methods: MethodUncertainty

  public init(weightsAlone: MonteCarloResult, methods: MethodUncertainty) {
    self.weightsAlone = weightsAlone
    self.methods = methods
  }
}
