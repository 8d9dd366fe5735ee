import Selection
import Dispatch
import Model

/// Sobol' indices of the varying weights on enterprise ranks and shortlist overlap.
public struct WeightSobolResult: Sendable {
  /// Criterion keys of the factors (the varying weights), in criterion order.
  public var factors: [String]
  public var baseSamples: Int
  /// N (k + 2).
  public var evaluations: Int
  public var spread: Double
  /// Per target enterprise (row): one `SobolIndices` per factor, on its rank.
  public var targets: [(row: Int, id: String, indices: [SobolIndices])]
  /// Per programme: one `SobolIndices` per factor, on the Jaccard overlap of the sample's
  /// shortlist with the nominal one.
  public var programmes: [(key: String, indices: [SobolIndices])]
}

/// Variance-based sensitivity of ranks and shortlists to the weights.
///
/// Factor i is the multiplier of varying weight i, U(1 − s, 1 + s) (the uniform model;
/// with a Dirichlet spec `spread` must be given), mapped from the unit hypercube and then
/// renormalised as in `WeightSampler`. Base points are the unscrambled Sobol' sequence in
/// 2k dimensions (`SobolEstimator.baseMatrices`); evaluations run on the nominal method
/// through the same `SampleEvaluator` as Monte Carlo (batch scorer, pruning, selection walk). Outputs: the rank of
/// each target enterprise and, per programme, the Jaccard overlap |A ∩ N| / |A ∪ N| of
/// the shortlist with the nominal one.
public enum WeightSobol {
  /// - Parameters:
  ///   - baseSamples: N (a power of two suits the Sobol' sequence best).
  ///   - targets: rows; default the `uncertainty.sobolTargets` ids, else the nominal top 10.
  ///   - spread: default the uniform model's spread, else 0.2.
  ///   - allowPruning: skip rows that cannot reach the walked prefix (exact; off only to
  ///     verify that it is).
  /// - Throws: `SensitivityError` for an unknown target id, N < 2 or too many factors.
  public static func analyse(
    _ model: SensitivityModel, baseSamples n: Int, targets: [Int]? = nil, spread: Double? = nil, threads: Int = 1,
    blockSize: Int = 32, resamples: Int = 100, seed: UInt64 = 0, allowPruning: Bool = true, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> WeightSobolResult {
    guard n >= 2 else { throw .badSampleCount(n) }
    let rows = try resolveTargets(model, targets)
    let s: Double
    if let spread {
      s = spread
    } else if case .uniform(let x) = model.uncertainty.model {
      s = x
    } else {
      s = 0.2
    }
    guard s > 0, s < 1 else { throw .badParameter(name: "spread", value: s, allowed: Message(zh: "0 < spread < 1", en: "0 < spread < 1")) }
    let k = model.sampler.varying.count
    let (a, b) = try SobolEstimator.baseMatrices(n: n, factors: k)
    let per = k + 2
    let total = n * per
    let outputs = rows.count + model.plan.programmes.count
    let store = Slots<Double>(count: total * outputs)
    evaluate(model, a: a, b: b, spread: s, targets: rows, threads: threads, blockSize: blockSize, allowPruning: allowPruning,
      store: store, progress: progress)
    @Sendable func column(_ o: Int, _ c: Int) -> [Double] { (0..<n).map { store.p[($0 * per + c) * outputs + o] } }
    let boot = SobolEstimator.resampleIndices(n: n, resamples: resamples, seed: seed)
    // Outputs are independent: estimate them in parallel (each by one worker, so the
    // results do not depend on the thread count).
    let estimates = ResultSlots<Result<[SobolIndices], SensitivityError>>(count: outputs)
    let estimators = max(1, min(threads, outputs))
    DispatchQueue.concurrentPerform(iterations: estimators) { t in
      for o in stride(from: t, to: outputs, by: estimators) {
        estimates.set(
          o,
          Result { () throws(SensitivityError) in
            try SobolEstimator.indices(
              a: column(o, 0), b: column(o, k + 1), ab: (1...k).map { column(o, $0) }, resamples: boot)
          })
      }
    }
    var targetOut: [(row: Int, id: String, indices: [SobolIndices])] = []
    var progOut: [(key: String, indices: [SobolIndices])] = []
    for o in 0..<outputs {
      guard let estimate = estimates.get(o) else { throw .shapeMismatch(Message(zh: "输出 \(o) 未被估计", en: "output \(o) was not estimated")) }
      let idx = try estimate.get()
      if o < rows.count {
        targetOut.append((rows[o], model.evaluation.ids[rows[o]], idx))
      } else {
        progOut.append((model.plan.programmes[o - rows.count].key, idx))
      }
    }
    return WeightSobolResult(
      factors: model.sampler.varying.map { model.spec.criteria[$0].key }, baseSamples: n, evaluations: total,
      spread: s, targets: targetOut, programmes: progOut)
  }

  static func resolveTargets(_ model: SensitivityModel, _ explicit: [Int]?) throws(SensitivityError) -> [Int] {
    if let explicit { return explicit }
    let ids = model.uncertainty.sobolTargets
    if ids.isEmpty { return Array(model.evaluation.order.prefix(10)) }
    var out: [Int] = []
    for id in ids {
      guard let r = model.evaluation.order.first(where: { model.evaluation.ids[$0] == id }) else {
        throw .unknownEnterprise(id)
      }
      out.append(r)
    }
    return out
  }
}
