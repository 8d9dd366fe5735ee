import Model

/// `exemplar history ID`: one enterprise, year by year (text and JSON).
public struct EnterpriseHistoryReport: Sendable {
  public struct Status: Sendable {
    public var programme: String
    public var name: String
    public var computed: String
    public var final: String
    public var position: Int?
    public var reason: String?
    public init(programme: String, name: String, computed: String, final: String, position: Int?, reason: String?) {
      self.programme = programme
      self.name = name
      self.computed = computed
      self.final = final
      self.position = position
      self.reason = reason
    }
  }
  /// A metric as read that year: key, header, declared type, value (nil when empty).
  public struct Metric: Sendable {
    public var key: String
    public var header: String
    public var type: String
    /// Numbers in shortest form, `true`/`false`, text.
    public var value: String?
    public init(key: String, header: String, type: String, value: String?) {
      self.key = key
      self.header = header
      self.type = type
      self.value = value
    }
  }
  public struct Year: Sendable {
    public var year: Int
    public var run: Int
    public var final: Bool
    public var name: String
    public var score: Double?
    public var rank: Int?
    public var ranked: Int
    public var stars: Int?
    public var unranked: String?
    public var groups: [(key: String, score: Double)]
    public var statuses: [Status]
    /// The metrics as read; empty for a run recorded before the ledger kept them.
    public var metrics: [Metric]
    public init(
      year: Int, run: Int, final: Bool, name: String, score: Double?, rank: Int?, ranked: Int, stars: Int?, unranked: String?,
      groups: [(key: String, score: Double)], statuses: [Status], metrics: [Metric] = []
    ) {
      self.year = year
      self.run = run
      self.final = final
      self.name = name
      self.score = score
      self.rank = rank
      self.ranked = ranked
      self.stars = stars
      self.unranked = unranked
      self.groups = groups
      self.statuses = statuses
      self.metrics = metrics
    }
  }

  public var id: String
  public var years: [Year]
  public var english: Bool
  /// The groups' labels by key (from the criteria recorded with the runs): the text names
  /// each group score by its label, the JSON keeps the keys.
  public var groupLabels: [String: String]
  public init(id: String, years: [Year], english: Bool, groupLabels: [String: String] = [:]) {
    self.id = id
    self.years = years
    self.english = english
    self.groupLabels = groupLabels
  }

  /// A status word as the text shows it.
  private func statusWord(_ status: String) -> String {
    switch status {
    case "selected": return english ? "selected" : "入选"
    case "reserve": return english ? "reserve" : "候补"
    default: return english ? "not selected" : "未入选"
    }
  }

  private func statusText(_ s: Status) -> String {
    let position = s.position.map { english ? " #\($0)" : "第\($0)位" } ?? ""
    let word = statusWord(s.final) + (s.final == "selected" || s.final == "reserve" ? position : "")
    let committee = s.computed != s.final ? (english ? " (computed: \(statusWord(s.computed)))" : "（计算结果：\(statusWord(s.computed))）") : ""
    let reason = s.reason.map { english ? ": \($0)" : "：\($0)" } ?? ""
    return word + committee + reason
  }

  /// One block per year.
  public var text: String {
    var lines = ["\(id)  \(years.last?.name ?? "")"]
    for y in years {
      let tag = y.final ? (english ? "final" : "终稿") : (english ? "draft" : "未定稿")
      lines.append("")
      if let rank = y.rank, let score = y.score {
        lines.append(
          english
            ? "\(y.year) (run \(y.run), \(tag)): score \(formatFixed(score, decimals: 2))  rank \(rank)/\(y.ranked)  stars \(y.stars ?? 0)"
            : "\(y.year)年（第\(y.run)次运行，\(tag)）：得分 \(formatFixed(score, decimals: 2))  排名 \(rank)/\(y.ranked)  星级 \(y.stars ?? 0)")
      } else {
        lines.append(english ? "\(y.year) (run \(y.run), \(tag)): not ranked: \(y.unranked ?? "")" : "\(y.year)年（第\(y.run)次运行，\(tag)）：未参与排名：\(y.unranked ?? "")")
      }
      if !y.groups.isEmpty {
        lines.append("  " + y.groups.map { "\(groupLabels[$0.key] ?? $0.key) \(formatFixed($0.score, decimals: 2))" }.joined(separator: "  "))
      }
      for s in y.statuses { lines.append("  \(s.name) [\(s.programme)]: \(statusText(s))") }
    }
    lines += metricTable
    return lines.joined(separator: "\n")
  }

  public var json: String {
    var j = JSONText()
    j.beginObject()
    j.field("id", id)
    j.field("years", objects: years) { j, y in
      j.field("year", y.year)
      j.field("run", y.run)
      j.field("final", y.final)
      j.field("name", y.name)
      j.key("score")
      if let s = y.score { j.number(s) } else { j.null() }
      j.key("rank")
      if let r = y.rank { j.number(r) } else { j.null() }
      j.field("ranked", y.ranked)
      j.key("stars")
      if let s = y.stars { j.number(s) } else { j.null() }
      j.field("unranked_reason", y.unranked)
      j.key("group_scores")
      j.beginObject()
      for g in y.groups { j.field(g.key, g.score) }
      j.endObject()
      j.field("programmes", objects: y.statuses) { j, s in
        j.field("programme", s.programme)
        j.field("computed", s.computed)
        j.field("final", s.final)
        j.key("position")
        if let p = s.position { j.number(p) } else { j.null() }
        j.field("reason", s.reason)
      }
      j.key("metrics")
      j.beginObject()
      for m in y.metrics {
        j.key(m.key)
        switch (m.type, m.value) {
        case (_, nil): j.null()
        case ("bool", let v?): j.bool(v == "true")
        case ("number", let v?), ("integer", let v?): j.number(Double(v) ?? .nan)
        case (_, let v?): j.string(v)
        }
      }
      j.endObject()
    }
    j.endObject()
    return j.text
  }
}
