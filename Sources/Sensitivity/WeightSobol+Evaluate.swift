import Selection
import Dispatch

extension WeightSobol {
  /// Runs the N(k + 2) evaluations and stores, for evaluation e = row·(k + 2) + column
  /// (column 0 = A, 1…k = A_B^(i), k + 1 = B), the target ranks then each programme's
  /// Jaccard overlap at `store[e · outputs …]`.
  ///
  /// Work is cut into chunks of whole Saltelli rows, handed to whichever worker is free. Each
  /// evaluation is a `SampleEvaluator` selection (the Monte Carlo one) plus recording its
  /// outputs. With the weighted sum, a row's utilities come from `SaltelliScorer` (A and B
  /// by a product, each A_B^(i) by a one-column update); otherwise from the batch scorer.
  static func evaluate(
    _ model: SensitivityModel, a: [[Double]], b: [[Double]], spread s: Double, targets: [Int], threads: Int,
    blockSize: Int, allowPruning: Bool, store: Slots<Double>, progress: (@Sendable (Int, Int) -> Void)?
  ) {
    let n = a.count, k = model.sampler.varying.count, per = k + 2
    let outputs = targets.count + model.plan.programmes.count
    let overlap = NominalOverlap(MonteCarlo.nominalSelection(model), rows: model.rowCount)
    let rowsPerChunk = max(1, 256 / per)
    let chunks = (n + rowsPerChunk - 1) / rowsPerChunk
    let workers = max(1, min(threads, chunks))
    let counter = ProgressCounter()
    var shared = false
    if case .weightedSum = model.variants[0].kind { shared = true }
    let useShared = shared
    let queue = ChunkQueue(count: chunks)
    let fullRanking = model.plan.needsFullRanking
    let kept = SampleEvaluator.keptRows(
      model, fullRanking: fullRanking, rankedRowsNeeded: targets, pruning: allowPruning, spread: s)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let ev = SampleEvaluator(
        model: model, fullRanking: fullRanking, blockSize: max(blockSize, per), rankedRowsNeeded: targets, kept: kept)
      let scorer = useShared ? SaltelliScorer(model: model, rows: ev.kept, spread: s) : nil
      var allRows: SaltelliScorer?
      let m = model.criteriaCount
      var weights = [[Double]](repeating: [Double](repeating: 0, count: m), count: per)
      var x = [Double](repeating: 0, count: k)

      func record(_ e: Int, _ u: UnsafeBufferPointer<Double>) {
        let base = e * outputs
        for (i, row) in targets.enumerated() { store.p[base + i] = Double(ev.rank(row, u)) }
        for (p, sel) in ev.ws.selected.enumerated() {
          store.p[base + targets.count + p] = overlap.jaccard(p, selected: sel.count, common: overlap.common(p, sel))
        }
      }

      while let c = queue.next() {
        let lo = c * rowsPerChunk, hi = min(n, lo + rowsPerChunk)
        for row in lo..<hi {
          for col in 0..<per {
            for i in 0..<k { x[i] = col == k + 1 ? b[row][i] : a[row][i] }
            if col >= 1 && col <= k { x[col - 1] = b[row][col - 1] }
            model.sampler.weights(unit: x, spread: s, into: &weights[col])
          }
          if let scorer {
            scorer.begin(a: a[row], b: b[row])
            var allBegun = false
            for col in 0..<per {
              scorer.utilities(col, into: ev.slot(0))
              let u = ev.select(0, weights: weights[col]) { out in
                // Beyond the kept rows: the same formula on every row.
                let full = allRows ?? SaltelliScorer(model: model, rows: nil, spread: s)
                allRows = full
                if !allBegun { full.begin(a: a[row], b: b[row]) }
                allBegun = true
                full.utilities(col, into: out)
              }
              record(row * per + col, u)
            }
          } else {
            var start = 0
            while start < per {
              let count = min(ev.capacity, per - start)
              for q in 0..<count { for j in 0..<m { ev.wBlock[q * m + j] = weights[start + q][j] } }
              ev.score(count: count, variant: 0)
              for q in 0..<count { record(row * per + start + q, ev.select(q, weights: weights[start + q])) }
              start += count
            }
          }
        }
        if let progress { progress(counter.add((hi - lo) * per), n * per) }
      }
    }
  }
}
