import Selection
import Model

/// Integer counters of one worker; sums are exact, so merging order does not matter.
struct Accumulator: Sendable {
  var stars: [Int32]
  var selected: [[Int32]]
  var reserve: [[Int32]]
  var variants: [Int]

  init(rows: Int, programmes: Int, variants: Int) {
    stars = [Int32](repeating: 0, count: rows * 6)
    selected = Array(repeating: [Int32](repeating: 0, count: rows), count: programmes)
    reserve = selected
    self.variants = [Int](repeating: 0, count: variants)
  }

  mutating func merge(_ o: Accumulator) {
    for i in stars.indices { stars[i] += o.stars[i] }
    for p in selected.indices {
      for i in selected[p].indices {
        selected[p][i] += o.selected[p][i]
        reserve[p][i] += o.reserve[p][i]
      }
    }
    for v in variants.indices { variants[v] += o.variants[v] }
  }
}

extension MonteCarlo {
  /// The per-thread engine: a `SampleEvaluator` plus the Monte Carlo counters.
  final class Worker {
    let model: SensitivityModel
    let options: MonteCarloOptions
    let evaluator: SampleEvaluator
    let overlap: NominalOverlap
    var acc: Accumulator
    var chunkWeightSum: [Double]

    init(model: SensitivityModel, options: MonteCarloOptions, fullRanking: Bool, nominal: [[Int32]], kept: [Int32]?) {
      self.model = model
      self.options = options
      let n = model.rowCount, m = model.criteriaCount
      evaluator = SampleEvaluator(model: model, fullRanking: fullRanking, blockSize: options.blockSize, kept: kept)
      overlap = NominalOverlap(nominal, rows: n)
      acc = Accumulator(rows: n, programmes: model.plan.programmes.count, variants: model.variants.count)
      chunkWeightSum = [Double](repeating: 0, count: m)
    }

    func runChunk(_ range: Range<Int>, rankSamples: Int, rankStore: Slots<Int32>, jaccard: Slots<Double>, total: Int) {
      let m = model.criteriaCount
      let vCount = model.variants.count
      var weights = [[Double]](repeating: [Double](repeating: 0, count: m), count: range.count)
      var variantOf = [Int](repeating: 0, count: range.count)
      for j in 0..<m { chunkWeightSum[j] = 0 }
      for (k, i) in range.enumerated() {
        var rng = SplitMix64(seed: options.seed, stream: UInt64(i))
        model.sampler.sample(into: &weights[k], rng: &rng)
        if vCount > 1 { variantOf[k] = Int(rng.next() % UInt64(vCount)) }
        for j in 0..<m { chunkWeightSum[j] += weights[k][j] }
      }
      let b = evaluator.capacity
      let ev = evaluator
      for v in 0..<vCount {
        let members = vCount == 1 ? Array(0..<range.count) : (0..<range.count).filter { variantOf[$0] == v }
        acc.variants[v] += members.count
        var start = 0
        while start < members.count {
          let block = members[start..<min(members.count, start + b)]
          for (k, s) in block.enumerated() { for j in 0..<m { ev.wBlock[k * m + j] = weights[s][j] } }
          ev.score(count: block.count, variant: v)
          for (k, s) in block.enumerated() {
            _ = ev.select(k, weights: weights[s])
            record(index: range.lowerBound + s, rankSamples: rankSamples, rankStore: rankStore, jaccard: jaccard, total: total)
          }
          start += b
        }
      }
    }

    private func record(index i: Int, rankSamples: Int, rankStore: Slots<Int32>, jaccard: Slots<Double>, total: Int) {
      let n = model.rowCount
      let ws = evaluator.ws
      if i < rankSamples {
        for (pos, r) in ws.prefix.enumerated() { rankStore.p[i * n + Int(r)] = Int32(pos + 1) }
      }
      if options.starStatistics {
        for r in model.candidates { acc.stars[Int(r) * 6 + ws.stars(Int(r))] += 1 }
      }
      for p in ws.selected.indices {
        for r in ws.selected[p] { acc.selected[p][Int(r)] += 1 }
        for r in ws.reserve[p] { acc.reserve[p][Int(r)] += 1 }
        let common = overlap.common(p, ws.selected[p])
        jaccard.p[p * total + i] = overlap.jaccard(p, selected: ws.selected[p].count, common: common)
      }
    }
  }
}
