import Selection
import Model

extension StabilityIntervals {
  /// Enumerates insider/outsider crossings beyond t0 in order and re-runs the full walk
  /// between consecutive ones until the shortlist (as a set) differs from the nominal one.
  static func eventScan(
    _ model: SensitivityModel, programme p: Int, node: StabilityNode, line: Lines, insiders: [Int], outsiders: [Int], t0: Double,
    forward: Bool, nominal: [Int32]
  ) -> (crossing: Crossing?, complete: Bool) {
    var events: [(t: Double, enter: Int, leave: Int)] = []
    for i in insiders {
      for k in outsiders {
        let db = line.b[k] - line.b[i]
        guard forward ? db > 0 : db < 0 else { continue }
        let t = (line.a[i] - line.a[k]) / db
        if forward ? (t > t0 && t <= 1) : (t < t0 && t >= 0) { events.append((t, k, i)) }
      }
    }
    events.sort { forward ? $0.t < $1.t : $0.t > $1.t }
    let target = Set(nominal)
    let ws = SelectionWorkspace(
      plan: model.plan, table: model.table, normalised: model.evaluation.normalised, lowerIsBetter: false)
    let n = model.rowCount
    var u = [Double](repeating: 0, count: n)
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
      for i in 0..<n { u[i] = line.a[i] + line.b[i] * probe }
      let w = node.weights(at: probe, nominal: model.evaluation.weights)
      let changed = u.withUnsafeBufferPointer { up in
        model.nominalRank.withUnsafeBufferPointer { np in
          ws.begin(utility: up, weights: w)
          ws.setOrder(SampleOrdering.full(model.candidates, up, np), complete: true)
          _ = ws.selectAll()
          return Set(ws.selected[p]) != target
        }
      }
      if changed { return (Crossing(weight: t, entering: events[e].enter, leaving: events[e].leave), true) }
      e = next
    }
    return (nil, true)
  }
}
