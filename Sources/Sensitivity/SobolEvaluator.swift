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
  /// Candidate pruning as in Monte Carlo; a sample whose walk or target ranks reach
  /// beyond it is re-scored on all rows (same kernel).
  let kept: [Int32]?
  let keptVariant: MethodVariant?
  let keepM: Int
  var uKept: [Double]
  var uFallback: [Double]

  init(model: SensitivityModel, targets: [Int], nominal: [[Int32]], blockSize: Int, spread: Double?) {
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
    keepM = 4 * prefixLength
    kept = model.plan.needsFullRanking || spread == nil ? nil : CandidatePruning.keep(model, m: keepM, spread: spread)
    keptVariant = kept.map { MethodVariant(restricting: model.variants[0], to: $0) }
    uKept = [Double](repeating: 0, count: self.blockSize * (kept?.count ?? 0))
    uFallback = kept == nil ? [] : [Double](repeating: 0, count: n)
    if kept != nil { for x in uBlock.indices { uBlock[x] = -Double.infinity } }
  }

  func evaluate(weights: [[Double]], firstIndex: Int, outputs: Int, store: Slots<Double>) {
    let n = model.rowCount, m = model.criteriaCount
    var start = 0
    while start < weights.count {
      let b = min(blockSize, weights.count - start)
      for k in 0..<b { for j in 0..<m { wBlock[k * m + j] = weights[start + k][j] } }
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
              model.variants[0], weights: UnsafeBufferPointer(rebasing: wp[0..<(b * m)]), b: b,
              ranked: model.plan.ranked, into: up, scratch: sp)
          }
        }
      }
      }
      uBlock.withUnsafeBufferPointer { up in
        model.nominalRank.withUnsafeBufferPointer { np in
          for k in 0..<b {
            let u = UnsafeBufferPointer(rebasing: up[(k * n)..<((k + 1) * n)])
            let base = (firstIndex + start + k) * outputs
            if kept != nil && !(runKept(u, np, weights[start + k]) && targets.allSatisfy({ ws.rank($0) != nil })) {
              // Beyond the pruned rows: score every row for this sample.
              weights[start + k].withUnsafeBufferPointer { wp in
                uFallback.withUnsafeMutableBufferPointer { fp in
                  scratch.withUnsafeMutableBufferPointer { sp in
                    BatchScorer.utilities(
                      model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: fp, scratch: sp)
                  }
                }
              }
              uFallback.withUnsafeBufferPointer { fp in
                run(fp, np, weights[start + k])
                for (t, row) in targets.enumerated() { store.p[base + t] = Double(rank(row, fp, np)) }
              }
            } else {
              if kept == nil { run(u, np, weights[start + k]) }
              for (t, row) in targets.enumerated() { store.p[base + t] = Double(rank(row, u, np)) }
            }
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

  /// The walk over the kept rows only; false when it needs rows beyond them.
  private func runKept(_ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>, _ w: [Double]) -> Bool {
    guard let kept else { return false }
    var length = min(prefixLength, keepM)
    while true {
      ws.begin(utility: u, weights: w)
      ws.setOrder(SampleOrdering.top(length, of: kept, u, np), complete: false)
      if ws.selectAll() { return true }
      if length >= keepM { return false }
      length = min(keepM, length * 4)
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
