import Model

extension Explanation {
  /// The JSON `exemplar explain --json` prints.
  public var json: String {
    let ev = analysis.evaluation
    var j = JSONText()
    j.beginObject()
    j.field("id", ev.ids[row])
    j.field("label", ev.labels[row])
    j.field("line", analysis.table.lines[row])
    j.field("rank", ev.rank[row])
    j.field("competition_rank", ev.competitionRank[row])
    j.field("score", ev.score[row])
    j.field("raw", ev.raw[row])
    j.field("stars", ev.stars[row])
    j.key("criteria")
    j.beginArray()
    for l in criterionLines {
      j.beginObject()
      j.field("key", l.key)
      j.field("value", l.rawValue.isEmpty ? nil : l.rawValue)
      j.field("imputed", l.imputed)
      j.field("normalised", l.normalised)
      j.field("weight", l.weight)
      j.field("points", l.points)
      j.field("contribution", l.contribution)
      j.endObject()
    }
    j.endArray()
    if let gap = ev.starGap[row] {
      j.key("star_gap")
      j.beginObject()
      j.field("next_stars", gap.nextStars)
      j.field("points_short", gap.pointsShort)
      j.field("unmet", strings: gap.unmetRequirements)
      j.endObject()
    }
    j.key("programmes")
    j.beginArray()
    for p in analysis.spec.programmes.indices {
      let (decision, reward) = decisionText(p)
      j.beginObject()
      j.field("key", analysis.spec.programmes[p].key)
      j.field("decision", decision)
      j.field("computed", computedText(p))
      j.field("reward", reward)
      j.endObject()
    }
    j.endArray()
    j.key("screened")
    j.beginArray()
    for s in ev.screening.reasons(of: row) {
      j.beginObject()
      j.field("kind", s.kind.rawValue)
      j.field("reason", s.reason)
      j.field("evidence", s.evidence)
      j.field("file", s.file)
      j.field("line", s.line)
      j.endObject()
    }
    j.endArray()
    if let panel = analysis.reviews {
      let r = panel.details(row)
      j.key("review")
      j.beginObject()
      if let v = r.value { j.field("value", v) } else { j.key("value"); j.null() }
      j.field("reviewers", r.used.count)
      j.field("dropped", strings: r.trimmed.map(\.reviewer))
      j.field("recused", strings: r.recused)
      j.endObject()
    }
    j.key("committee")
    j.beginArray()
    for a in analysis.committee.about(row) {
      j.beginObject()
      j.field("programme", a.decision.programme)
      j.field("action", a.decision.action.rawValue)
      j.field("reason", a.decision.reason)
      j.field("decided_by", a.decision.decidedBy)
      j.field("date", a.decision.date)
      j.endObject()
    }
    j.endArray()
    j.endObject()
    return j.text
  }
}
