import Selection
import Model

extension StabilityIntervals {
  /// Enumerates insider/outsider crossings beyond t0 in order and re-runs the walk between
  /// consecutive ones until the shortlist (as a set) differs from the nominal one.
  ///
  /// Only what can change the answer is computed:
  /// - an outsider can meet an insider inside the range only if its highest score there
  ///   reaches the lowest score any insider takes there (both lines are affine, so their
  ///   extremes are at the range's ends): the others give no event and are skipped;
  /// - each probe orders only the best rows (`PrefixFilter`, extended ×4 while a walk runs
  ///   out of them, as the Monte Carlo samples do) and walks programmes 0 through `p`
  ///   (`SelectionWorkspace.select(through:)`), which is what the full ordering and every
  ///   walk give for programme `p`.
  /// The events, their order and the probes are those of the plain enumeration, so the
  /// result is identical to it.
  static func eventScan(
    _ model: SensitivityModel, programme p: Int, node: StabilityNode, line: Lines, insiders: [Int], outsiders: [Int], t0: Double,
    forward: Bool, nominal: [Int32], scratch: EventScratch
  ) -> (crossing: Crossing?, complete: Bool) {
    let lo = forward ? t0 : 0, hi = forward ? 1.0 : t0
    var floor = Double.infinity
    for i in insiders { floor = min(floor, line.a[i] + line.b[i] * lo, line.a[i] + line.b[i] * hi) }
    var events: [(t: Double, enter: Int, leave: Int)] = []
    let reaching = outsiders.filter { max(line.a[$0] + line.b[$0] * lo, line.a[$0] + line.b[$0] * hi) >= floor }
    for i in insiders {
      for k in reaching {
        let db = line.b[k] - line.b[i]
        guard forward ? db > 0 : db < 0 else { continue }
        let t = (line.a[i] - line.a[k]) / db
        if forward ? (t > t0 && t <= 1) : (t < t0 && t >= 0) { events.append((t, k, i)) }
      }
    }
    guard !events.isEmpty else { return (nil, true) }
    events.sort { forward ? $0.t < $1.t : $0.t > $1.t }
    let target = Set(nominal)
    let u = scratch.utility
    var checks = 0
    var e = 0
    while e < events.count {
      let t = events[e].t
      var next = e + 1
      while next < events.count && events[next].t == t { next += 1 }
      let bound = forward ? 1.0 : 0.0
      let probe = (t + (next < events.count ? events[next].t : bound)) / 2
      checks += 1
      if checks > eventBudget { return (nil, false) }
      for i in 0..<model.rowCount { u[i] = line.a[i] + line.b[i] * probe }
      let w = node.weights(at: probe, nominal: model.evaluation.weights)
      if scratch.walk(model, weights: w, through: p) != target {
        return (Crossing(weight: t, entering: events[e].enter, leaving: events[e].leave), true)
      }
      e = next
    }
    return (nil, true)
  }
}

/// One thread's buffers for `StabilityIntervals.eventScan`: a selection workspace, the
/// utilities of every row at the probe, and the prefix filter (a speed hint only).
final class EventScratch {
  let workspace: SelectionWorkspace
  let utility: UnsafeMutableBufferPointer<Double>
  let nominal: UnsafeMutableBufferPointer<Int32>
  let filter: PrefixFilter
  /// Best rows ordered per probe; grows ×4 when a walk runs out (results never depend on it).
  var prefixLength: Int

  init(_ model: SensitivityModel) {
    workspace = SelectionWorkspace(plan: model.plan, table: model.table, normalised: model.evaluation.normalised, lowerIsBetter: false)
    utility = .allocate(capacity: max(1, model.rowCount))
    utility.initialize(repeating: -Double.infinity)
    nominal = .allocate(capacity: max(1, model.rowCount))
    for i in 0..<model.rowCount { nominal[i] = model.nominalRank[i] }
    filter = PrefixFilter(capacity: model.rowCount)
    prefixLength = SampleEvaluator.initialPrefix(model, rankedRowsNeeded: [])
  }

  deinit {
    utility.deallocate()
    nominal.deallocate()
  }

  /// Programme `p`'s shortlist (as a set) under the utilities in `utility`.
  func walk(_ model: SensitivityModel, weights: [Double], through p: Int) -> Set<Int32> {
    let u = UnsafeBufferPointer(utility), np = UnsafeBufferPointer(nominal)
    while true {
      workspace.begin(utility: u, weights: weights)
      let order = filter.top(prefixLength, of: model.rankedRows, u, np)
      let complete = order.count >= model.rankedRows.count
      workspace.setOrder(order, complete: complete)
      if workspace.select(through: p) || complete { return Set(workspace.selected[p]) }
      prefixLength *= 4
    }
  }
}
