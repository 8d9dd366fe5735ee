extension TuneReport {
  /// The answer of `GET /api/stability` (docs/cli.md, "tune"): every slider's band.
  /// ```
  /// {"ok":true,"ms":412.5,"knobs":[{"path":"groups.cost.weight","stable":[0.23,0.29],
  ///   "local":[0.2293,0.2689],"exact":false,
  ///   "low":{"programme":"…","entering":"…","leaving":"…"},"high":null}, …]}
  /// ```
  /// `stable`: the band in slider values (upper end null: unbounded); `local`: the same as
  /// local weights among the siblings (the intervals of `weights --stability`, intersected
  /// over the programmes); `low`/`high`: the programme whose list changes just past that
  /// end and who enters and leaves it (null: the end is the weight's limit). Sliders with
  /// no band (aggregation not a weighted sum, no programme) are left out.
  public static func stability(_ knobs: [TuneKnob], milliseconds: Double) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("ok", true)
    j.field("ms", (milliseconds * 10).rounded() / 10)
    j.field("knobs", objects: knobs.filter { $0.stable != nil && $0.stableLocal != nil }) { j, k in
      j.field("path", k.path)
      for (key, range) in [("stable", k.stable), ("local", k.stableLocal)] {
        guard let r = range else { continue }
        j.key(key)
        j.beginArray()
        j.number(r.lowerBound)
        if r.upperBound.isFinite { j.number(r.upperBound) } else { j.null() }
        j.endArray()
      }
      j.field("exact", k.stableExact)
      for (key, end) in [("low", k.stableLowEnd), ("high", k.stableHighEnd)] {
        j.key(key)
        guard let end else {
          j.null()
          continue
        }
        j.beginObject()
        j.field("programme", end.programme)
        j.field("entering", end.entering)
        j.field("leaving", end.leaving)
        j.endObject()
      }
    }
    j.endObject()
    return j.text
  }
}
