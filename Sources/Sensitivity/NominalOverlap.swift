/// The nominal shortlists as row masks, for the Jaccard overlap |A ∩ N| / |A ∪ N| of a
/// sample's shortlist A with the nominal one N (1 when both are empty) — the overlap
/// Monte Carlo summarises and Sobol' analyses.
struct NominalOverlap {
  let mask: [[Bool]]
  let sizes: [Int]

  init(_ nominal: [[Int32]], rows n: Int) {
    mask = nominal.map { sel in
      var mask = [Bool](repeating: false, count: n)
      for r in sel { mask[Int(r)] = true }
      return mask
    }
    sizes = nominal.map(\.count)
  }

  /// |A ∩ N| for programme `p`.
  @inline(__always) func common(_ p: Int, _ selected: [Int32]) -> Int {
    var common = 0
    for r in selected where mask[p][Int(r)] { common += 1 }
    return common
  }

  /// |A ∩ N| / |A ∪ N| given |A ∩ N|.
  @inline(__always) func jaccard(_ p: Int, selected count: Int, common: Int) -> Double {
    let union = count + sizes[p] - common
    return union == 0 ? 1 : Double(common) / Double(union)
  }
}
