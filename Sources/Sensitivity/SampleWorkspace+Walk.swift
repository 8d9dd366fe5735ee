/// The selection walk of one sample (docs/criteria.md "Order"): candidates in the sample's
/// rank order (pilot industries first with `pilot_priority = "first"`), rules checked as
/// unranked → tier → history → eligibility → cap → quota/reserves, as `Selector` does
/// (docs/selection.md). Caps count the shortlist and the reserve list separately. The walk stops as soon as the quota and the
/// reserves are full, so with a top-M prefix it touches only the first few candidates.
extension SampleWorkspace {
  /// Runs every programme's walk over the current ordering.
  /// - Returns: false when the ordering is a prefix that ran out before some shortlist
  ///   could be completed (the caller extends the prefix and runs again).
  func selectAll() -> Bool {
    for p in plan.programmes.indices {
      selected[p].removeAll(keepingCapacity: true)
      reserve[p].removeAll(keepingCapacity: true)
    }
    for p in plan.programmes.indices where !walk(p) { return false }
    return true
  }

  private func walk(_ p: Int) -> Bool {
    if plan.programmes[p].quota == 0 && plan.programmes[p].reserves == 0 { return true }
    for c in capCounts[p].indices {
      capCounts[p][c] = 0
      reserveCapCounts[p][c] = 0
    }
    if let pilot = plan.programmes[p].pilot {
      var seen = 0
      for r in prefix where pilot[Int(r)] {
        seen += 1
        if consider(p, Int(r)) { return true }
      }
      if !prefixComplete && seen < plan.programmes[p].pilotTotal { return false }
      for r in prefix where !pilot[Int(r)] {
        if consider(p, Int(r)) { return true }
      }
    } else {
      for r in prefix where consider(p, Int(r)) { return true }
    }
    return prefixComplete
  }

  /// Considers one candidate; returns true when the quota and reserves are full.
  /// A qualified candidate (tier, history, eligibility pass) that does not get a place on
  /// the shortlist — capped, or the shortlist full — waits; waiting candidates take reserve
  /// places in list order under the caps counted among reserves only. Filling reserves as
  /// candidates start waiting is the same greedy pass as filling them afterwards.
  /// (Fields are read in place: copying a `Programme` retains and releases every array in it.)
  private func consider(_ p: Int, _ row: Int) -> Bool {
    guard qualifies(p, row) else { return false }
    let quota = plan.programmes[p].quota, reserves = plan.programmes[p].reserves
    if selected[p].count < quota && !capFull(p, counts: capCounts[p], row: row) {
      count(p, counts: capCounts[p], row: row)
      selected[p].append(Int32(row))
      selectedStamp[p][row] = stamp
    } else if reserve[p].count < reserves && !capFull(p, counts: reserveCapCounts[p], row: row) {
      count(p, counts: reserveCapCounts[p], row: row)
      reserve[p].append(Int32(row))
    }
    return selected[p].count == quota && reserve[p].count == reserves
  }

  /// Tier, history and eligibility (`eligible.KEY` semantics: qualified).
  func qualifies(_ p: Int, _ row: Int) -> Bool {
    guard plan.programmes[p].base[row] else { return false }
    if let from = plan.programmes[p].from {
      let inTier =
        plan.programmes[p].fromMode == .selected ? selectedStamp[from][row] == stamp : isEligible(from, row: row)
      guard inTier else { return false }
    }
    if let rule = plan.programmes[p].dynamicEligible, !rule.holds({ self.value($0, row: row) }) { return false }
    return true
  }

  private func capFull(_ p: Int, counts: PlainBuffer<Int32>, row: Int) -> Bool {
    var offset = 0
    for cap in plan.programmes[p].caps {
      let code = cap.codes[row]
      if code >= 0 && counts[offset + Int(code)] >= Int32(cap.limit) { return true }
      offset += cap.buckets
    }
    return false
  }

  private func count(_ p: Int, counts: PlainBuffer<Int32>, row: Int) {
    var offset = 0
    for cap in plan.programmes[p].caps {
      let code = cap.codes[row]
      if code >= 0 { counts[offset + Int(code)] += 1 }
      offset += cap.buckets
    }
  }
}
