/// `exemplar diff` with more than one variant: every variant against the same baseline A
/// (docs/cli.md, "diff with several variants").
extension DiffReport {
  /// One table of counts — per programme, per variant: entering / leaving against A — then
  /// each variant's own comparison (the two-variant text), headed `B1`, `B2` ….
  public static func text(_ reports: [DiffReport], english: Bool) -> String {
    guard let first = reports.first else { return "" }
    var out = ["A: \(first.files.0)"]
    for (i, r) in reports.enumerated() { out.append("B\(i + 1): \(r.files.1)") }
    out.append("")
    out.append(english ? "entering / leaving each shortlist, against A" : "各名单相对 A 的新入选 / 落选人数")
    let keys = programmeKeys(reports)
    let width = keys.map { $0.count }.max() ?? 0
    func trimmed(_ s: String) -> String { String(s.reversed().drop { $0 == " " }.reversed()) }
    out.append(trimmed("  " + String(repeating: " ", count: width) + reports.indices.map { "  B\($0 + 1)".padding(toLength: 10, withPad: " ", startingAt: 0) }.joined()))
    for key in keys {
      var line = "  " + key.padding(toLength: width, withPad: " ", startingAt: 0)
      for r in reports {
        let p = r.diff.programmes.first { $0.key == key }
        line += "  " + "+\(p?.entering.count ?? 0) −\(p?.leaving.count ?? 0)".padding(toLength: 8, withPad: " ", startingAt: 0)
      }
      out.append(trimmed(line))
    }
    for (i, r) in reports.enumerated() {
      out.append("")
      out.append("══ B\(i + 1) ══")
      out.append(r.text)
    }
    return out.joined(separator: "\n")
  }

  /// `{"a": A, "variants": [the two-variant JSON of each, in order]}` on one line.
  public static func json(_ reports: [DiffReport]) -> String {
    var a = JSONText()
    a.string(reports.first?.files.0 ?? "")
    return "{\"a\":" + a.text + ",\"variants\":[" + reports.map(\.json).joined(separator: ",") + "]}"
  }

  /// One page: the count table, then each variant's comparison.
  public static func html(_ reports: [DiffReport], english: Bool) -> String {
    let esc = HTML.escape
    guard let first = reports.first else { return page("", english: english) }
    var body = "<h1>\(esc(english ? "Criteria comparison: \(reports.count) variants" : "评选标准对比：\(reports.count) 个方案"))</h1>"
    body += "<p>A: <code>\(esc(first.files.0))</code>"
    for (i, r) in reports.enumerated() { body += "<br>B\(i + 1): <code>\(esc(r.files.1))</code>" }
    body += "</p><table><tr><th></th>" + reports.indices.map { "<th>B\($0 + 1)</th>" }.joined() + "</tr>"
    for key in programmeKeys(reports) {
      body += "<tr><td>\(esc(first.programmeName(key)))</td>"
      for r in reports {
        let p = r.diff.programmes.first { $0.key == key }
        body += "<td>+\(p?.entering.count ?? 0) −\(p?.leaving.count ?? 0)</td>"
      }
      body += "</tr>"
    }
    body += "</table>"
    for (i, r) in reports.enumerated() {
      // The variant's own page body, its first heading naming the variant.
      body += "<hr>" + r.htmlBody.replacing(/^<h1>[^<]*<\/h1>/, with: "<h1>B\(i + 1)</h1>")
    }
    return page(body, english: english)
  }

  /// Every programme key of the comparisons, first seen first.
  static func programmeKeys(_ reports: [DiffReport]) -> [String] {
    var keys: [String] = []
    for r in reports { for p in r.diff.programmes where !keys.contains(p.key) { keys.append(p.key) } }
    return keys
  }
}
