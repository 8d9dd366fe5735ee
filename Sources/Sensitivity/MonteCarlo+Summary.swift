import Selection
extension MonteCarlo {
  static func summarise(
    model: SensitivityModel, options: MonteCarloOptions, acc: Accumulator, rankStore: Slots<Int32>, rankSamples: Int,
    jaccard: Slots<Double>, nominal: [[Int32]], meanWeights: [Double]
  ) -> MonteCarloResult {
    let n = model.rowCount, total = options.samples
    let ev = model.evaluation
    let s = Double(total)
    var column = [Int32](repeating: 0, count: rankSamples)
    let enterprises = model.candidates.map { r32 -> EnterpriseRobustness in
      let r = Int(r32)
      var median = Double(ev.rank[r]), p5 = median, p95 = median
      if rankSamples > 0 {
        for i in 0..<rankSamples { column[i] = rankStore.p[i * n + r] }
        column.sort()
        median = quantile(column, 0.5)
        p5 = quantile(column, 0.05)
        p95 = quantile(column, 0.95)
      }
      let stars = options.starStatistics ? (0..<6).map { Double(acc.stars[r * 6 + $0]) / s } : []
      return EnterpriseRobustness(
        row: r, id: ev.ids[r], label: ev.labels[r], nominalRank: ev.rank[r], medianRank: median, p5Rank: p5,
        p95Rank: p95, nominalStars: ev.stars[r], starProbabilities: stars,
        selectionProbability: acc.selected.map { Double($0[r]) / s },
        reserveProbability: acc.reserve.map { Double($0[r]) / s })
    }
    let programmes = model.plan.programmes.enumerated().map { (p, pr) -> ProgrammeRobustness in
      let prob = acc.selected[p].map { Double($0) / s }
      let byProbability = model.candidates.map(Int.init).filter { prob[$0] > 0 }.sorted {
        prob[$0] != prob[$1] ? prob[$0] > prob[$1] : ev.rank[$0] < ev.rank[$1]
      }
      var values = (0..<total).map { jaccard.p[p * total + $0] }
      let mean = values.reduce(0, +) / s
      values.sort()
      let h = Double(total - 1) * 0.05
      let lo = Int(h.rounded(.down)), hi = min(lo + 1, total - 1)
      let p5 = values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
      return ProgrammeRobustness(
        key: pr.key, quota: pr.quota, nominal: nominal[p].map(Int.init),
        robust: byProbability.filter { prob[$0] >= options.robustThreshold },
        borderline: byProbability.filter { prob[$0] >= options.borderlineThreshold && prob[$0] < options.robustThreshold },
        nominalOutside: nominal[p].map(Int.init).filter { prob[$0] < options.borderlineThreshold },
        meanJaccard: mean, p5Jaccard: p5)
    }
    return MonteCarloResult(
      samples: total, seed: options.seed, rankSamples: rankSamples, robustThreshold: options.robustThreshold,
      borderlineThreshold: options.borderlineThreshold, enterprises: enterprises, programmes: programmes,
      variantCounts: acc.variants, meanWeights: meanWeights)
  }
}
