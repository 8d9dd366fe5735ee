import Scoring
import Testing

/// `StarGaps` keeps every row's gap as columns and gives back exactly the gaps set.
@Suite struct StarGapsTests {
  @Test func givesBackTheGapsRowByRow() {
    let gaps: [StarGap?] = [
      StarGap(nextStars: 3, pointsShort: 12.5, unmetRequirements: ["above_scale"]),
      nil,
      StarGap(nextStars: 5, pointsShort: 0, unmetRequirements: []),
      StarGap(nextStars: 4, pointsShort: 0.25, unmetRequirements: ["above_scale"]),  // a list met before
      StarGap(nextStars: -2, pointsShort: .infinity, unmetRequirements: ["a", "b"]),
      nil,
    ]
    let kept = StarGaps(gaps)
    #expect(kept.count == gaps.count)
    #expect(Array(kept) == gaps)
    #expect(kept.any)
    #expect(kept[1] == nil && kept[5] == nil)
    #expect(kept[3]?.unmetRequirements == ["above_scale"])
    #expect(kept == StarGaps(gaps))
    #expect(kept != StarGaps(gaps.map { $0.map { StarGap(nextStars: $0.nextStars, pointsShort: $0.pointsShort + 1, unmetRequirements: $0.unmetRequirements) } }))
  }

  @Test func noGapKeepsNoColumns() {
    let none = StarGaps(count: 1_000)
    #expect(none.count == 1_000)
    #expect(!none.any)
    #expect(none.allSatisfy { $0 == nil })
    #expect(none == StarGaps([StarGap?](repeating: nil, count: 1_000)))
    #expect(none != StarGaps(count: 999))
    var one = none
    one.set(999, StarGap(nextStars: 1, pointsShort: 3, unmetRequirements: []))
    #expect(one.any && one[999]?.pointsShort == 3 && one[998] == nil)
  }
}

/// `parts(_:)` and `unmetLists`, what the table writers read instead of building a `StarGap`
/// per row, say what the subscript says.
@Suite struct StarGapPartsTests {
  @Test func partsAreTheSubscriptsGap() {
    let gaps: [StarGap?] = [
      StarGap(nextStars: 3, pointsShort: 12.5, unmetRequirements: ["above_scale"]), nil,
      StarGap(nextStars: 5, pointsShort: 0, unmetRequirements: []),
      StarGap(nextStars: 4, pointsShort: 0.25, unmetRequirements: ["above_scale"]),
      StarGap(nextStars: -2, pointsShort: .infinity, unmetRequirements: ["a", "b"]),
    ]
    let kept = StarGaps(gaps)
    #expect(kept.unmetLists == [["above_scale"], [], ["a", "b"]])
    for (row, gap) in gaps.enumerated() {
      let parts = kept.parts(row)
      #expect((parts == nil) == (gap == nil), "row \(row)")
      if let parts, let gap {
        #expect(Int(parts.nextStars) == gap.nextStars && parts.pointsShort == gap.pointsShort)
        #expect(kept.unmetLists[parts.unmet] == gap.unmetRequirements)
      }
    }
    #expect(StarGaps(count: 3).parts(2) == nil && StarGaps(count: 3).unmetLists.isEmpty)
  }
}
