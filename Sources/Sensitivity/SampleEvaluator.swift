import Scoring
import Selection
/// One thread's engine that turns weight vectors into selections — the single evaluation
/// path of both Monte Carlo (`MonteCarlo.Worker`) and Sobol' (`WeightSobol`).
///
/// Use: `score` a block of b weight vectors of one method variant (one `BatchScorer`
/// product) — or write utilities into `slot(k)` directly (Sobol' with `SaltelliScorer`) —
/// then `select(k, …)` each sample k of the block: it orders the ranked rows (full sort,
/// or the best `prefixLength` or more by `PrefixFilter`), runs every programme's walk,
/// and leaves the outcome in `ws` (ranks of the prefix, shortlists, reserves).
///
/// **Candidate pruning** (weighted sum, one variant, no full ranking): only the rows of
/// `keptRows` are scored — those that can reach the best `keepM` under some weight
/// vector — and the walk runs on their best `prefixLength` or more. When the walk (or a
/// row in `rankedRowsNeeded`) needs rows beyond them, the sample is re-scored on every
/// row and walked there. Either path gives the same outcome (tested against unpruned runs).
final class SampleEvaluator {
  let model: SensitivityModel
  let fullRanking: Bool
  let ws: SelectionWorkspace
  /// Rows whose rank must be inside the walked prefix (Sobol' targets).
  let rankedRowsNeeded: [Int]
  let capacity: Int
  /// Best rows ordered per sample; grows ×4 when a walk runs out (results never depend on it).
  var prefixLength: Int
  let kept: [Int32]?
  let keptVariant: MethodVariant?
  let keepM: Int
  /// keepM = keepFactor × the initial prefix: the rows scored are those that can reach the
  /// best keepM under some weight vector. Walks rarely go deeper than the prefix, and one
  /// that does is re-scored on all rows, so a small factor (fewer rows scored per sample)
  /// pays: 10,000 rows, 20 criteria, ±20 %: 2,246 rows kept at factor 1, 4,415 at 4.
  static let keepFactor = 1
  /// Weight block (capacity × m), utilities of all rows per sample (capacity × n), the
  /// TOPSIS/VIKOR scratch, utilities of the kept rows (capacity × kept), one full row.
  let wBlock: PlainBuffer<Double>
  let uBlock: PlainBuffer<Double>
  let scratch: PlainBuffer<Double>
  let uKept: PlainBuffer<Double>
  let uRow: PlainBuffer<Double>
  /// Utilities of every row for a sample beyond the pruning (allocated on first use).
  private lazy var uFull = PlainBuffer<Double>(repeating: 0, count: model.rowCount)
  /// Nominal rank per row (ties inside a sample).
  let nominal: PlainBuffer<Int32>
  /// Threshold filter that finds the best `prefixLength` (or more) rows.
  let filter: PrefixFilter

  /// - Parameter kept: the rows to score, from `keptRows` (nil: every row).
  init(model: SensitivityModel, fullRanking: Bool, blockSize: Int, rankedRowsNeeded: [Int] = [], kept: [Int32]?) {
    self.model = model
    self.fullRanking = fullRanking
    self.rankedRowsNeeded = rankedRowsNeeded
    let n = model.rowCount, m = model.criteriaCount
    ws = SelectionWorkspace(
      plan: model.plan, table: model.table, normalised: model.evaluation.normalised,
      lowerIsBetter: model.variants[0].lowerIsBetter)
    capacity = max(1, blockSize)
    prefixLength = Self.initialPrefix(model, rankedRowsNeeded: rankedRowsNeeded)
    keepM = Self.keepFactor * prefixLength
    self.kept = fullRanking ? nil : kept
    keptVariant = self.kept.map { MethodVariant(restricting: model.variants[0], to: $0) }
    wBlock = PlainBuffer(repeating: 0, count: capacity * m)
    uBlock = PlainBuffer(repeating: 0, count: self.kept == nil ? capacity * n : 0)
    scratch = PlainBuffer(repeating: 0, count: self.kept == nil ? capacity * n : 0)
    nominal = PlainBuffer(repeating: 0, count: n)
    filter = PrefixFilter(capacity: n)
    for i in 0..<n { nominal[i] = model.nominalRank[i] }
    uKept = PlainBuffer(repeating: 0, count: capacity * (self.kept?.count ?? 0))
    // Rows outside `kept` stay at −∞: they can never be in a top-keepM prefix.
    uRow = PlainBuffer(repeating: -Double.infinity, count: n)
  }

  /// Rows ordered per sample at first: twice the largest quota + reserves plus 16, and
  /// twice the deepest nominal rank of `rankedRowsNeeded`.
  static func initialPrefix(_ model: SensitivityModel, rankedRowsNeeded: [Int]) -> Int {
    let need = model.plan.programmes.map { $0.quota + $0.reserves }.max() ?? 0
    let deepest = rankedRowsNeeded.map { model.evaluation.rank[$0] }.max() ?? 0
    return max(16, 2 * need + 16, 2 * deepest)
  }

  /// The rows worth scoring (`CandidatePruning.keep` at keepM), computed once per run; nil
  /// when pruning is off, does not apply, or a full ranking is needed.
  /// - Parameter spread: the multiplier box (nil: the uniform model's spread).
  static func keptRows(
    _ model: SensitivityModel, fullRanking: Bool, rankedRowsNeeded: [Int], pruning: Bool, spread: Double? = nil
  ) -> [Int32]? {
    guard pruning, !fullRanking else { return nil }
    let m = keepFactor * initialPrefix(model, rankedRowsNeeded: rankedRowsNeeded)
    return CandidatePruning.keep(model, m: m, spread: spread)
  }

  /// Scores the first `b` weight vectors of `wBlock` (sample-major, b × m) with variant `v`.
  func score(count b: Int, variant v: Int) {
    let m = model.criteriaCount
    ws.lowerIsBetter = model.variants[v].lowerIsBetter
    let w = UnsafeBufferPointer(rebasing: wBlock.p[0..<(b * m)])
    if let keptVariant {
      BatchScorer.utilities(keptVariant, weights: w, b: b, ranked: [], into: uKept.p, scratch: scratch.p)
    } else {
      BatchScorer.utilities(model.variants[v], weights: w, b: b, ranked: model.plan.ranked, into: uBlock.p, scratch: scratch.p)
    }
  }

  /// Where `select(k)` reads sample k's utilities, for callers that compute them
  /// themselves instead of `score`: the kept rows in `kept` order, else every row by row.
  func slot(_ k: Int) -> UnsafeMutableBufferPointer<Double> {
    let count = kept?.count ?? model.rowCount
    let p = kept == nil ? uBlock.p : uKept.p
    return UnsafeMutableBufferPointer(rebasing: p[(k * count)..<((k + 1) * count)])
  }

  /// Orders and walks sample `k` of the last scored block; `weights` are its weights.
  /// - Parameter rescore: writes the sample's utilities of every row (default: the batch
  ///   scorer at `weights` with the nominal method); used when the walk needs rows beyond
  ///   the kept ones.
  /// - Returns: the utilities of every row the walk used (valid until the next call).
  func select(
    _ k: Int, weights: [Double], rescore: ((UnsafeMutableBufferPointer<Double>) -> Void)? = nil
  ) -> UnsafeBufferPointer<Double> {
    let n = model.rowCount
    let np = UnsafeBufferPointer(nominal.p)
    guard let kept else {
      let u = UnsafeBufferPointer(rebasing: uBlock.p[(k * n)..<((k + 1) * n)])
      walk(u, np, weights)
      return u
    }
    let nk = kept.count
    let values = UnsafeBufferPointer(rebasing: uKept.p[(k * nk)..<((k + 1) * nk)])
    let u = UnsafeBufferPointer(uRow.p)
    // The filter scatters the kept rows' utilities into `uRow` as it scans them.
    var length = min(prefixLength, keepM)
    ws.begin(utility: u, weights: weights)
    ws.setOrder(filter.top(length, of: kept, values: values, scatterInto: uRow.p, np), complete: false)
    if ws.selectAll() && rankedRowsNeeded.allSatisfy({ ws.rank($0) != nil }) { return u }
    while length < keepM {
      length = min(keepM, length * 4)
      ws.begin(utility: u, weights: weights)
      ws.setOrder(SampleOrdering.top(length, of: kept, u, np), complete: false)
      if ws.selectAll() && rankedRowsNeeded.allSatisfy({ ws.rank($0) != nil }) { return u }
    }
    // Deeper than the pruning covers: score every row for this sample (same kernel).
    let full = uFull
    if let rescore {
      rescore(full.p)
    } else {
      weights.withUnsafeBufferPointer { wp in
        BatchScorer.utilities(model.variants[0], weights: wp, b: 1, ranked: model.plan.ranked, into: full.p, scratch: scratch.p)
      }
    }
    let fu = UnsafeBufferPointer(full.p)
    walk(fu, np, weights)
    return fu
  }

  /// Walks the best `prefixLength` ranked rows (all with `fullRanking`), extending the prefix
  /// until every shortlist is complete or the ordering is.
  private func walk(_ u: UnsafeBufferPointer<Double>, _ np: UnsafeBufferPointer<Int32>, _ weights: [Double]) {
    while true {
      ws.begin(utility: u, weights: weights)
      let order =
        fullRanking
        ? SampleOrdering.full(model.candidates, u, np) : filter.top(prefixLength, of: model.rankedRows, u, np)
      let complete = order.count >= model.candidates.count
      ws.setOrder(order, complete: complete)
      if ws.selectAll() || complete { return }
      prefixLength *= 4
    }
  }

  /// Rank of `row` in the current sample (utilities `u` from `select`): from the prefix,
  /// else by counting the better ranked rows.
  func rank(_ row: Int, _ u: UnsafeBufferPointer<Double>) -> Int {
    if let r = ws.rank(row) { return r }
    let np = UnsafeBufferPointer(nominal.p)
    let me = Int32(row)
    var better = 0
    for c in model.candidates where SampleOrdering.better(c, me, u, np) { better += 1 }
    return better + 1
  }
}
