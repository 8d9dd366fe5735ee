/// Scores blocks of weight vectors and records, per evaluation, the rank of each target
/// and each programme's Jaccard overlap with the nominal shortlist (one thread's state).
final class SobolEvaluator {
  let model: SensitivityModel
  let targets: [Int]
  let nominalMask: [[Bool]]
  let nominalSizes: [Int]
  let ws: SampleWorkspace
  let blockSize: Int
  var prefixLength: Int
  var wBlock: [Double]
  var uBlock: [Double]
  var scratch: [Double]

  init(model: SensitivityModel, targets: [Int], nominal: [[Int32]], blockSize: Int) {
    self.model = model
    self.targets = targets
    let n = model.rowCount, m = model.criteriaCount
    nominalMask = nominal.map { sel in
      var mask = [Bool](repeating: false, count: n)
      for r in sel { mask[Int(r)] = true }
      return mask
    }
    nominalSizes = nominal.map(\.count)
    ws = SampleWorkspace(
      plan: model.plan, table: model.table, normalised: model.evaluation.normalised,
      lowerIsBetter: model.variants[0].lowerIsBetter)
    self.blockSize = max(1, blockSize)
    let need = model.plan.programmes.map { $0.quota + $0.reserves }.max() ?? 0
    prefixLength = max(16, 2 * need + 16, (targets.map { model.evaluation.rank[$0] }.max() ?? 0) * 2)
    wBlock = [Double](repeating: 0, count: self.blockSize * m)
    uBlock = [Double](repeating: 0, count: self.blockSize * n)
    scratch = uBlock
  }

  func evaluate(weights: [[Double]], firstIndex: Int, outputs: Int, store: Slots<Double>) {
    let n = model.rowCount, m = model.criteriaCount
    var start = 0
    while start < weights.count {
      let b = min(blockSize, weights.count - start)
      for k in 0..<b { for j in 0..<m { wBlock[k * m + j] = weights[start + k][j] } }
      wBlock.withUnsafeBufferPointer { wp in
        uBlock.withUnsafeMutableBufferPointer { up in
          scratch.withUnsafeMutableBufferPointer { sp in
            BatchScorer.utilities(
              model.variants[0], weights: UnsafeBufferPointer(rebasing: wp[0..<(b * m)]), b: b,
              ranked: model.plan.ranked, into: up, scratch: sp)
          }
        }
      }
      uBlock.withUnsafeBufferPointer { up in
        model.nominalRank.withUnsafeBufferPointer { np in
          for k in 0..<b {
            let u = UnsafeBufferPointer(rebasing: up[(k * n)..<((k + 1) * n)])
            run(u, np, weights[start + k])
            let base = (firstIndex + start + k) * outputs
            for (t, row) in targets.enumerated() { store.p[base + t] = Double(rank(row, u, np)) }
            for p in ws.selected.indices {
              var common = 0
              for r in ws.selected[p] where nominalMask[p][Int(r)] { common += 1 }
              let union = ws.selected[p].count + nominalSizes[p] - common
              store.p[base + targets.count + p] = union == 0 ? 1 : Double(common) / Double(union)
            }
          }
        }
      }
      start += b
    }
  }

  private func run(_ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>, _ w: [Double]) {
    while true {
      ws.begin(utility: u, weights: w)
      let full = model.plan.needsFullRanking
      let order =
        full ? SampleOrdering.full(model.candidates, u, np) : SampleOrdering.top(prefixLength, of: model.rankedRows, u, np)
      let complete = order.count >= model.candidates.count
      ws.setOrder(order, complete: complete)
      if ws.selectAll() || complete { return }
      prefixLength *= 4
    }
  }

  /// Rank of `row` in the current sample: from the prefix, else by counting better rows.
  private func rank(_ row: Int, _ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>) -> Int {
    if let r = ws.rank(row) { return r }
    let me = Int32(row)
    var better = 0
    for c in model.candidates where SampleOrdering.better(c, me, u, np) { better += 1 }
    return better + 1
  }
}
