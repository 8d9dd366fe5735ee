import Selection

/// The text of exclusion reasons, remembering the last one: consecutive rows of a
/// shortlist usually share a reason ("below the line"), so most rows skip building it.
struct ReasonText {
  let english: Bool
  private var last: ExclusionReason?
  private var lastText = ""

  init(english: Bool) { self.english = english }

  mutating func callAsFunction(_ r: ExclusionReason) -> String {
    if let last, last == r { return lastText }
    last = r
    lastText = r.text(english: english)
    return lastText
  }
}
