extension TuneReport {
  /// The answer of `POST /api/explain`: `{"ok":true,"id":…,"label":…,"text":…}`, `text`
  /// being `Explanation.text` (what `exemplar explain --id` prints).
  public static func explanation(id: String, label: String, text: String) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("ok", true)
    j.field("id", id)
    j.field("label", label)
    j.field("text", text)
    j.endObject()
    return j.text
  }
}
