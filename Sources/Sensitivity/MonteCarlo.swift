import Criteria
import Scoring
import Selection
import Dispatch
import Foundation
import Model

/// Monte Carlo robustness of ranks, stars and shortlists under weight (and method)
/// uncertainty.
///
/// Sample i draws its weights (`WeightSampler`) and then its method variant from
/// `SplitMix64(seed: seed, stream: UInt64(i))`, so every sample is the same whatever the
/// thread count. Samples are processed in fixed chunks of `chunkSize`, handed to whichever
/// worker is free (`ChunkQueue`); within a chunk samples of the same variant are scored in
/// blocks of `blockSize` by one matrix product (`BatchScorer`), ordered (full sort, or the
/// best rows by `PrefixFilter` when no full ranking is needed), rated and run through the
/// full selection walk (`SampleEvaluator`). Integer counters are summed per worker (exact, order-free); floating-point
/// per-sample values are stored by sample index and reduced in index order.
public enum MonteCarlo {
  public static let chunkSize = 256

  /// The most memory the per-sample Jaccard store may take.
  static let maxJaccardBytes = 1 << 30

  /// Runs the analysis.
  /// - Parameter progress: called with (samples done, total) after each chunk, from worker threads.
  /// - Throws: `SensitivityError.badSampleCount` when `options.samples < 1`, `.badParameter`
  ///   when it is above `UncertaintySpec.maxSamples` or the Jaccard store (8 bytes per
  ///   sample and programme) would pass `maxJaccardBytes`.
  public static func run(
    _ model: SensitivityModel, options: MonteCarloOptions, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) throws(SensitivityError) -> MonteCarloResult {
    let total = options.samples
    guard total >= 1 else { throw .badSampleCount(total) }
    let n = model.rowCount, m = model.criteriaCount, pCount = model.plan.programmes.count
    let limit = min(UncertaintySpec.maxSamples, maxJaccardBytes / (8 * max(1, pCount)))
    guard total <= limit else {
      throw .badParameter(
        name: "samples", value: Double(total), allowed: Message(
          zh: "有 \(pCount) 个项目时至多 \(limit) 个：每个样本每个项目 8 字节，合计至多 1 GiB",
          en: "at most \(limit) with \(pCount) programmes: 8 bytes per sample and programme, at most 1 GiB"))
    }
    let fullRanking = options.rankStatistics || model.plan.needsFullRanking
    let rankSamples = options.rankStatistics ? min(total, max(1, options.rankStoreLimit / max(1, n))) : 0
    let nominalRun = nominalSelection(model)

    let rankStore = Slots<Int32>(count: rankSamples * n)
    let jaccard = Slots<Double>(count: pCount * total)
    let chunks = (total + chunkSize - 1) / chunkSize
    let chunkWeightSums = Slots<Double>(count: chunks * m)
    let threads = max(1, min(options.threads, chunks))
    let accumulators = AccumulatorSlots(count: threads)
    let counter = ProgressCounter()

    let queue = ChunkQueue(count: chunks)
    let kept = SampleEvaluator.keptRows(
      model, fullRanking: fullRanking, rankedRowsNeeded: [], pruning: !(fullRanking || options.starStatistics))
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let worker = Worker(model: model, options: options, fullRanking: fullRanking, nominal: nominalRun, kept: kept)
      while let c = queue.next() {
        let lo = c * chunkSize, hi = min(total, lo + chunkSize)
        worker.runChunk(lo..<hi, rankSamples: rankSamples, rankStore: rankStore, jaccard: jaccard, total: total)
        for j in 0..<m { chunkWeightSums.p[c * m + j] = worker.chunkWeightSum[j] }
        if let progress { progress(counter.add(hi - lo), total) }
      }
      accumulators.set(t, worker.acc)
    }

    var acc = Accumulator(rows: n, programmes: pCount, variants: model.variants.count)
    for t in 0..<threads { if let a = accumulators.get(t) { acc.merge(a) } }
    var meanWeights = [Double](repeating: 0, count: m)
    for c in 0..<chunks { for j in 0..<m { meanWeights[j] += chunkWeightSums.p[c * m + j] } }
    for j in 0..<m { meanWeights[j] /= Double(total) }

    return summarise(
      model: model, options: options, acc: acc, rankStore: rankStore, rankSamples: rankSamples, jaccard: jaccard,
      nominal: nominalRun, meanWeights: meanWeights)
  }

  /// The selection at the nominal weights with the nominal method, through the same walk.
  static func nominalSelection(_ model: SensitivityModel) -> [[Int32]] { nominalWorkspace(model).selected }

  /// The workspace after the nominal walk (its `prefix` is the nominal order it reproduces).
  static func nominalWorkspace(_ model: SensitivityModel) -> SelectionWorkspace {
    let ws = SelectionWorkspace(
      plan: model.plan, table: model.table, normalised: model.evaluation.normalised,
      lowerIsBetter: model.variants[0].lowerIsBetter)
    var u = [Double](repeating: 0, count: model.rowCount)
    var scratch = [Double](repeating: 0, count: model.rowCount)
    let w = model.sampler.nominal
    w.withUnsafeBufferPointer { wp in
      u.withUnsafeMutableBufferPointer { up in
        scratch.withUnsafeMutableBufferPointer { sp in
          BatchScorer.utilities(model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: up, scratch: sp)
        }
      }
    }
    u.withUnsafeBufferPointer { up in
      model.nominalRank.withUnsafeBufferPointer { np in
        ws.begin(utility: up, weights: w)
        ws.setOrder(SampleOrdering.full(model.candidates, up, np), complete: true)
        _ = ws.selectAll()
      }
    }
    ws.utility = UnsafeBufferPointer(start: nil, count: 0)  // the buffer is gone
    return ws
  }

  static func quantile(_ sorted: [Int32], _ q: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let h = Double(sorted.count - 1) * q
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, sorted.count - 1)
    return Double(sorted[lo]) + (h - Double(lo)) * Double(sorted[hi] - sorted[lo])
  }
}

/// One accumulator slot per worker (each written once, by its worker).
final class AccumulatorSlots: @unchecked Sendable {
  private var slots: [Accumulator?]
  private let lock = NSLock()
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ a: Accumulator) { lock.withLock { slots[i] = a } }
  func get(_ i: Int) -> Accumulator? { lock.withLock { slots[i] } }
}

/// Samples done so far, for the progress callback.
final class ProgressCounter: @unchecked Sendable {
  private var done = 0
  private let lock = NSLock()
  func add(_ k: Int) -> Int { lock.withLock { done += k; return done } }
}
