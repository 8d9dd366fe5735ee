/// The programme walk (docs/selection.md, "Order"): candidates in rank order (pilot
/// industries first with `pilot_priority = "first"`), each checked tier → history →
/// eligibility; a qualified candidate takes a shortlist place unless the quota is full
/// or a cap for its value is full on the shortlist, else a reserve place under the same
/// caps counted among reserves only. The one implementation of the walk and of cap
/// counting, for `run` and for every sensitivity sample.
///
/// Without a recorder the walk stops as soon as the quota and the reserves are full, so
/// over a top-M prefix it touches only the first few candidates. With one (`run`), it
/// visits every candidate and records the first rule that stopped each.
extension SelectionWorkspace {
  /// What happened to a qualified candidate.
  enum Placement {
    case selected, reserve
    /// A reserve place, after the cap with this index (in key order) kept it off the
    /// shortlist while the quota was open: why a reserve can rank above selected rows.
    case reserveUnderCap(Int)
    /// Quota (and reserves) full.
    case belowLine
    /// The cap with this index (in key order) was full.
    case cap(Int)
  }

  /// Runs every programme's walk over the current ordering.
  /// - Returns: false when the ordering is a prefix that ran out before some shortlist
  ///   could be completed (the caller extends the prefix and runs again).
  package func selectAll() -> Bool {
    for p in plan.programmes.indices {
      selected[p].removeAll(keepingCapacity: true)
      reserve[p].removeAll(keepingCapacity: true)
    }
    for p in plan.programmes.indices where !walk(p) { return false }
    return true
  }

  /// Runs the walks of programmes 0 through `last` only, in order: programme `last`'s
  /// shortlist is the one `selectAll` gives (a walk reads only the programmes walked
  /// before it). The later programmes' lists are left empty.
  /// - Returns: false when the ordering is a prefix that ran out first.
  package func select(through last: Int) -> Bool {
    for p in plan.programmes.indices {
      selected[p].removeAll(keepingCapacity: true)
      reserve[p].removeAll(keepingCapacity: true)
    }
    for p in 0...last where !walk(p) { return false }
    return true
  }

  /// Walks programme `p`; with a recorder, its hurdles must be set first (`SelectionRecorder.prepare`).
  func walk(_ p: Int) -> Bool {
    // Fields are read in place: copying a `Programme` retains and releases every array in it.
    selected[p].removeAll(keepingCapacity: true)
    reserve[p].removeAll(keepingCapacity: true)
    for c in capCounts[p].indices {
      capCounts[p][c] = 0
      reserveCapCounts[p][c] = 0
    }
    if applyDecisions {
      // Added by decision: a place first, counted under the caps but never stopped by one.
      for r in plan.programmes[p].added {
        let row = Int(r)
        count(p, counts: capCounts[p], row: row)
        selected[p].append(r)
        selectedStamp[p][row] = stamp
        recorder?.added(row)
      }
    }
    if plan.programmes[p].quota == 0 && plan.programmes[p].reserves == 0 && recorder == nil { return true }
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

  /// Considers one candidate; returns true when the quota and reserves are full and
  /// nothing is recorded (the walk may stop). Waiting candidates (qualified, not on the
  /// shortlist) take reserve places in list order as they come: the same greedy pass as
  /// filling the reserves after the shortlist.
  /// (Fields are read in place: copying a `Programme` retains and releases every array in it.)
  private func consider(_ p: Int, _ row: Int) -> Bool {
    if applyDecisions && plan.programmes[p].hasDecisions && selectedStamp[p][row] == stamp { return false }  // added
    guard qualifies(p, row) else { return false }
    let placement = place(p, row)
    if recording, let recorder {
      recorder.placed(row, placement)
      return false
    }
    return selected[p].count >= plan.programmes[p].quota && reserve[p].count == plan.programmes[p].reserves
  }

  private func place(_ p: Int, _ row: Int) -> Placement {
    var why = Placement.belowLine
    if selected[p].count < plan.programmes[p].quota {
      if let c = fullCap(p, counts: capCounts[p], row: row) {
        why = .cap(c)
      } else {
        count(p, counts: capCounts[p], row: row)
        selected[p].append(Int32(row))
        selectedStamp[p][row] = stamp
        return .selected
      }
    }
    if reserve[p].count < plan.programmes[p].reserves {
      if let c = fullCap(p, counts: reserveCapCounts[p], row: row) {
        if case .belowLine = why { why = .cap(c) }
      } else {
        count(p, counts: reserveCapCounts[p], row: row)
        reserve[p].append(Int32(row))
        if case .cap(let c) = why { return .reserveUnderCap(c) }
        return .reserve
      }
    }
    return why
  }

  /// Tier, history and eligibility (`eligible.KEY` semantics: qualified).
  func qualifies(_ p: Int, _ row: Int) -> Bool {
    if recording, let recorder { return recorder.qualifies(row) }
    if applyDecisions && plan.programmes[p].hasDecisions, let finalBase = plan.programmes[p].finalBase {
      guard finalBase[row] else { return false }
    } else {
      guard plan.programmes[p].base[row] else { return false }
    }
    if let from = plan.programmes[p].from {
      let inTier = plan.programmes[p].fromMode == .selected ? selectedStamp[from][row] == stamp : isEligible(from, row: row)
      guard inTier else { return false }
    }
    if let rule = plan.programmes[p].dynamicRule, !rule.holds({ self.value($0, row: row) }) { return false }
    return true
  }

  /// The index of the first cap (in key order) whose limit `row`'s value has reached.
  private func fullCap(_ p: Int, counts: PlainBuffer<Int32>, row: Int) -> Int? {
    let table = capTables[p]
    let k = table.caps
    for c in 0..<k {
      let code = table.codes[row &* k &+ c]
      if code >= 0 && counts[Int(table.offsets[c]) + Int(code)] >= table.limits[c] { return c }
    }
    return nil
  }

  private func count(_ p: Int, counts: PlainBuffer<Int32>, row: Int) {
    let table = capTables[p]
    let k = table.caps
    for c in 0..<k {
      let code = table.codes[row &* k &+ c]
      if code >= 0 { counts[Int(table.offsets[c]) + Int(code)] += 1 }
    }
  }
}
