import Selection

extension TuneReport {
  /// The most enterprises the rank-change chart shows.
  public static let slopeLimit = 30

  /// The rank-change (slope) chart's rows: the enterprises on or near the lists — selected
  /// or reserve in some programme, in the nominal run or now — the best `slopeLimit` by
  /// their better rank of the two, each with its nominal rank (`was`, 0 = not ranked), its
  /// rank now and what happened: `entered` (selected now by a programme that did not select
  /// it), `left` (no longer selected by one that did), `moved` (both) or `same`.
  /// `"slope":[{"id":…,"label":…,"was":3,"rank":5,"status":"same"}, …]`
  static func slope(_ j: inout JSONText, nominal: Outcome, variant: Outcome) {
    let ev = variant.evaluation, before = nominal.evaluation
    var rows: [Int] = []
    var seen = Set<Int>()
    var entered = Set<Int>(), left = Set<Int>()
    for now in variant.decision.programmes {
      let was = nominal.decision.programmes.first { $0.key == now.key }
      let wasSelected = Set(was?.selected ?? []), isSelected = Set(now.selected)
      for r in now.selected where !wasSelected.contains(r) { entered.insert(r) }
      for r in was?.selected ?? [] where !isSelected.contains(r) { left.insert(r) }
      for r in now.selected + now.reserve + (was?.selected ?? []) + (was?.reserve ?? []) where seen.insert(r).inserted { rows.append(r) }
    }
    func rank(_ r: [Int], _ row: Int) -> Int { row < r.count && r[row] > 0 ? r[row] : Int.max }
    rows.sort { a, b in
      let ka = min(rank(before.rank, a), rank(ev.rank, a)), kb = min(rank(before.rank, b), rank(ev.rank, b))
      return ka != kb ? ka < kb : ev.ids[a] < ev.ids[b]
    }
    j.field("slope", objects: rows.prefix(slopeLimit)) { j, row in
      j.field("id", ev.ids[row])
      j.field("label", ev.labels[row])
      j.field("was", row < before.rank.count ? before.rank[row] : 0)
      j.field("rank", ev.rank[row])
      let status = entered.contains(row) ? (left.contains(row) ? "moved" : "entered") : (left.contains(row) ? "left" : "same")
      j.field("status", status)
    }
  }
}
