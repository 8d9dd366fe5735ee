import Model

/// Inline SVG charts for report.html: plain shapes and text, no scripts, no external fonts.
enum HTMLCharts {
  /// Vertical bars with a label under and the count above each bar.
  ///
  /// - Parameters:
  ///   - bars: (label, value) pairs, left to right.
  ///   - title: accessible title (`<title>`).
  static func columns(_ bars: [(label: String, value: Int)], title: String, width: Int = 300, height: Int = 180) -> String {
    let top = 18, bottom = 22, left = 6
    let plotH = height - top - bottom
    let maxV = max(bars.map(\.value).max() ?? 0, 1)
    let slot = Double(width - 2 * left) / Double(max(bars.count, 1))
    var s = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
    s += "<title>\(HTML.escape(title))</title>"
    s += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - left)\" y2=\"\(top + plotH)\" stroke=\"#888\" stroke-width=\"1\"/>"
    for (i, b) in bars.enumerated() {
      let h = Double(plotH) * Double(b.value) / Double(maxV)
      let x = Double(left) + slot * Double(i) + slot * 0.15
      let w = slot * 0.7
      let y = Double(top + plotH) - h
      s += "<rect x=\"\(num(x))\" y=\"\(num(y))\" width=\"\(num(w))\" height=\"\(num(h))\" fill=\"#3b6ea8\"/>"
      let cx = num(x + w / 2)
      if bars.count <= 12 || b.value > 0 {
        s += "<text x=\"\(cx)\" y=\"\(num(y - 4))\" font-size=\"10\" text-anchor=\"middle\">\(b.value)</text>"
      }
      if bars.count <= 12 || i % 5 == 0 {
        s += "<text x=\"\(cx)\" y=\"\(height - 6)\" font-size=\"10\" text-anchor=\"middle\">\(HTML.escape(b.label))</text>"
      }
    }
    return s + "</svg>"
  }

  /// Horizontal bars grouped under headings: (group heading, [(label, weight)]).
  static func weights(_ groups: [(heading: String, items: [(label: String, value: Double)])], title: String, width: Int = 680) -> String {
    let rowH = 20, headH = 22, labelW = 260, valueW = 70
    let count = groups.reduce(0) { $0 + $1.items.count + ($1.heading.isEmpty ? 0 : 1) }
    let height = max(count * rowH + 10, 30)
    let maxV = max(groups.flatMap { $0.items.map(\.value) }.filter(\.isFinite).max() ?? 0, 1e-12)
    let barW = Double(width - labelW - valueW - 10)
    var s = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\">"
    s += "<title>\(HTML.escape(title))</title>"
    var y = 4
    for g in groups {
      if !g.heading.isEmpty {
        s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\" font-weight=\"bold\">\(HTML.escape(g.heading))</text>"
        y += headH - 2
      }
      for item in g.items {
        let v = item.value.isFinite ? item.value : 0
        let w = barW * v / maxV
        s += "<text x=\"12\" y=\"\(y + 14)\" font-size=\"11\">\(HTML.escape(item.label))</text>"
        s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(num(w))\" height=\"\(rowH - 6)\" fill=\"#5a8f3c\"/>"
        s += "<text x=\"\(num(Double(labelW) + w + 4))\" y=\"\(y + 14)\" font-size=\"11\">\(formatFixed(v * 100, decimals: 1))%</text>"
        y += rowH
      }
    }
    return s + "</svg>"
  }

  /// Counts of `values` in `bins` equal-width bins over `range` (values outside are clamped).
  static func histogram(_ values: [Double], range: ClosedRange<Double>, bins: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: max(bins, 1))
    let span = range.upperBound - range.lowerBound
    for v in values where v.isFinite {
      var i = span > 0 ? Int(((v - range.lowerBound) / span * Double(bins)).rounded(.down)) : 0
      i = min(max(i, 0), counts.count - 1)
      counts[i] += 1
    }
    return counts
  }

  /// Coordinates with one decimal, "0" for non-finite.
  static func num(_ x: Double) -> String { x.isFinite ? formatFixed(x, decimals: 1) : "0" }
}
