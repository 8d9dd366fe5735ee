extension EnterpriseHistoryReport {
  /// The metrics as read, one line per metric and one column per year (the years whose
  /// run kept them), headers and values aligned for a terminal (a CJK character is two
  /// columns wide). Empty when no year has metrics.
  var metricTable: [String] {
    let years = self.years.filter { !$0.metrics.isEmpty }
    guard !years.isEmpty else { return [] }
    // Metric keys in first-seen order across the years (criteria files may differ).
    var keys: [String] = []
    var header: [String: String] = [:]
    for y in years {
      for m in y.metrics where header[m.key] == nil {
        keys.append(m.key)
        header[m.key] = m.header
      }
    }
    let cells: [[String]] = keys.map { key in
      years.map { y in
        guard let m = y.metrics.first(where: { $0.key == key }) else { return "" }
        return cellText(m)
      }
    }
    let title = english ? "metrics as read" : "原始指标"
    let heads = years.map { english ? "\($0.year)" : "\($0.year)年" }
    let firstWidth = max(EnterpriseHistoryReport.width(title), keys.map { EnterpriseHistoryReport.width(header[$0] ?? $0) }.max() ?? 0)
    let widths = heads.indices.map { i in max(EnterpriseHistoryReport.width(heads[i]), cells.map { EnterpriseHistoryReport.width($0[i]) }.max() ?? 0) }
    func line(_ first: String, _ rest: [String]) -> String {
      var s = "  " + EnterpriseHistoryReport.padRight(first, firstWidth)
      for (i, c) in rest.enumerated() { s += "  " + EnterpriseHistoryReport.padLeft(c, widths[i]) }
      while s.hasSuffix(" ") { s.removeLast() }
      return s
    }
    return [""] + [line(title, heads)] + keys.indices.map { line(header[keys[$0]] ?? keys[$0], cells[$0]) }
  }

  /// A cell: empty cells as "—", booleans as 是/否 (yes/no).
  private func cellText(_ m: Metric) -> String {
    guard let v = m.value else { return "—" }
    if m.type == "bool" { return v == "true" ? (english ? "yes" : "是") : (english ? "no" : "否") }
    return v
  }

  /// Terminal columns of `s`: two for East Asian wide characters, one otherwise.
  static func width(_ s: String) -> Int {
    s.unicodeScalars.reduce(0) { n, u in
      let v = u.value
      let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
        || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
        || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
      return n + (wide ? 2 : 1)
    }
  }

  static func padRight(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - width(s))) }
  static func padLeft(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - width(s))) + s }
}
