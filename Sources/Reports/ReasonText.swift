import Selection

/// The text of exclusion reasons, built once per distinct reason: `ExclusionReason.text`
/// rewrites rule source into readable text (string replacing, microseconds per call), and a
/// shortlist of a million rows has only a handful of distinct reasons. The last reason is
/// checked first, since consecutive rows usually share it.
struct ReasonText {
  let english: Bool
  private var last: ExclusionReason?
  private var lastText = ""
  private var known: [ExclusionReason: String] = [:]

  init(english: Bool) { self.english = english }

  mutating func callAsFunction(_ r: ExclusionReason) -> String {
    if let last, last == r { return lastText }
    let text: String
    if let t = known[r] {
      text = t
    } else {
      text = r.text(english: english)
      if known.count < 4_096 { known[r] = text }
    }
    last = r
    lastText = text
    return text
  }
}
