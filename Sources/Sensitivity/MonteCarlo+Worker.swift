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
  /// The per-thread engine: buffers for one block, the selection workspace, counters.
  final class Worker {
    let model: SensitivityModel
    let options: MonteCarloOptions
    let fullRanking: Bool
    let ws: SampleWorkspace
    let nominalMask: [[Bool]]
    let nominalSizes: [Int]
    var acc: Accumulator
    var chunkWeightSum: [Double]
    var prefixLength: Int
    var wBlock: [Double]
    var uBlock: [Double]
    var scratch: [Double]
    /// Candidate pruning (shortlists only, weighted sum, uniform model): the rows that can
    /// reach the best `keepM`, their restricted variant, and a buffer for their utilities.
    let kept: [Int32]?
    let keptVariant: MethodVariant?
    let keepM: Int
    var uKept: [Double]
    var uFallback: [Double]

    init(model: SensitivityModel, options: MonteCarloOptions, fullRanking: Bool, nominal: [[Int32]]) {
      self.model = model
      self.options = options
      self.fullRanking = fullRanking
      let n = model.rowCount, m = model.criteriaCount
      ws = SampleWorkspace(
        plan: model.plan, table: model.table, normalised: model.evaluation.normalised, lowerIsBetter: false)
      nominalMask = nominal.map { sel in
        var mask = [Bool](repeating: false, count: n)
        for r in sel { mask[Int(r)] = true }
        return mask
      }
      nominalSizes = nominal.map(\.count)
      acc = Accumulator(rows: n, programmes: model.plan.programmes.count, variants: model.variants.count)
      chunkWeightSum = [Double](repeating: 0, count: m)
      let need = model.plan.programmes.map { $0.quota + $0.reserves }.max() ?? 0
      prefixLength = max(16, 2 * need + 16)
      let b = max(1, options.blockSize)
      wBlock = [Double](repeating: 0, count: b * m)
      uBlock = [Double](repeating: 0, count: b * n)
      scratch = [Double](repeating: 0, count: b * n)
      keepM = 4 * prefixLength
      kept = fullRanking || options.starStatistics ? nil : CandidatePruning.keep(model, m: keepM)
      keptVariant = kept.map { MethodVariant(restricting: model.variants[0], to: $0) }
      uKept = [Double](repeating: 0, count: b * (kept?.count ?? 0))
      uFallback = kept == nil ? [] : [Double](repeating: 0, count: n)
      if kept != nil {
        // Rows outside `kept` are never written again: they can never be in a top-keepM prefix.
        for x in uBlock.indices { uBlock[x] = -Double.infinity }
      }
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
      let b = max(1, options.blockSize)
      for v in 0..<vCount {
        let members = (0..<range.count).filter { variantOf[$0] == v }
        acc.variants[v] += members.count
        var start = 0
        while start < members.count {
          let block = Array(members[start..<min(members.count, start + b)])
          runBlock(
            variant: v, block: block.map { range.lowerBound + $0 }, weights: block.map { weights[$0] },
            rankSamples: rankSamples, rankStore: rankStore, jaccard: jaccard, total: total)
          start += b
        }
      }
    }

    private func runBlock(
      variant v: Int, block: [Int], weights: [[Double]], rankSamples: Int, rankStore: Slots<Int32>, jaccard: Slots<Double>,
      total: Int
    ) {
      let n = model.rowCount, m = model.criteriaCount, b = block.count
      for k in 0..<b { for j in 0..<m { wBlock[k * m + j] = weights[k][j] } }
      let variant = model.variants[v]
      ws.lowerIsBetterOverride(variant.lowerIsBetter)
      if let kept, let keptVariant {
        let nk = kept.count
        wBlock.withUnsafeBufferPointer { wp in
          uKept.withUnsafeMutableBufferPointer { up in
            scratch.withUnsafeMutableBufferPointer { sp in
              BatchScorer.utilities(
                keptVariant, weights: UnsafeBufferPointer(rebasing: wp[0..<(b * m)]), b: b, ranked: [], into: up,
                scratch: sp)
            }
          }
        }
        for k in 0..<b { for (x, r) in kept.enumerated() { uBlock[k * n + Int(r)] = uKept[k * nk + x] } }
      } else {
      wBlock.withUnsafeBufferPointer { wp in
        uBlock.withUnsafeMutableBufferPointer { up in
          scratch.withUnsafeMutableBufferPointer { sp in
            BatchScorer.utilities(
              variant, weights: UnsafeBufferPointer(rebasing: wp[0..<(b * m)]), b: b, ranked: model.plan.ranked,
              into: up, scratch: sp)
          }
        }
      }
      }
      uBlock.withUnsafeBufferPointer { up in
        model.nominalRank.withUnsafeBufferPointer { np in
          for k in 0..<b {
            let u = UnsafeBufferPointer(rebasing: up[(k * n)..<((k + 1) * n)])
            sample(index: block[k], utility: u, nominal: np, weights: weights[k])
            record(index: block[k], rankSamples: rankSamples, rankStore: rankStore, jaccard: jaccard, total: total)
          }
        }
      }
    }

    private func sample(index: Int, utility u: UnsafeBufferPointer<Double>, nominal np: UnsafeBufferPointer<Int32>, weights: [Double]) {
      ws.begin(utility: u, weights: weights)
      if fullRanking {
        ws.setOrder(SampleOrdering.full(model.candidates, u, np), complete: true)
        _ = ws.selectAll()
        return
      }
      if let kept, prefixLength <= keepM {
        while prefixLength <= keepM {
          let order = SampleOrdering.top(prefixLength, of: kept, u, np)
          ws.setOrder(order, complete: false)
          if ws.selectAll() { return }
          prefixLength *= 4
          ws.begin(utility: u, weights: weights)
        }
      }
      if kept != nil {
        // Deeper than the pruning covers: score every row for this sample (same kernel).
        weights.withUnsafeBufferPointer { wp in
          uFallback.withUnsafeMutableBufferPointer { fp in
            scratch.withUnsafeMutableBufferPointer { sp in
              BatchScorer.utilities(model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: fp, scratch: sp)
            }
          }
        }
        uFallback.withUnsafeBufferPointer { fp in walkPrefix(fp, np, weights) }
        return
      }
      walkPrefix(u, np, weights)
    }

    private func walkPrefix(_ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>, _ weights: [Double]) {
      ws.begin(utility: u, weights: weights)
      while true {
        let order = SampleOrdering.top(prefixLength, of: model.rankedRows, u, np)
        let complete = order.count >= model.candidates.count
        ws.setOrder(order, complete: complete)
        if ws.selectAll() || complete { return }
        prefixLength *= 4
        ws.begin(utility: u, weights: weights)
      }
    }

    private func record(index i: Int, rankSamples: Int, rankStore: Slots<Int32>, jaccard: Slots<Double>, total: Int) {
      let n = model.rowCount
      if i < rankSamples {
        for (pos, r) in ws.prefix.enumerated() { rankStore.p[i * n + Int(r)] = Int32(pos + 1) }
      }
      if options.starStatistics {
        for r in model.candidates { acc.stars[Int(r) * 6 + ws.stars(Int(r))] += 1 }
      }
      for p in ws.selected.indices {
        var common = 0
        for r in ws.selected[p] {
          acc.selected[p][Int(r)] += 1
          if nominalMask[p][Int(r)] { common += 1 }
        }
        for r in ws.reserve[p] { acc.reserve[p][Int(r)] += 1 }
        let union = ws.selected[p].count + nominalSizes[p] - common
        jaccard.p[p * total + i] = union == 0 ? 1 : Double(common) / Double(union)
      }
    }
  }
}

extension SampleWorkspace {
  func lowerIsBetterOverride(_ flag: Bool) { lowerIsBetterFlag = flag }
}
