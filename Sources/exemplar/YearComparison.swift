import Ledger
import Reports

/// Builds `compare`'s report from two runs of the ledger.
enum YearComparison {
  static func make(
    _ a: RunSnapshot, _ b: RunSnapshot, ledger: Ledger, years: [YearRun], movers: Int, english: Bool
  ) throws -> YearCompareReport {
    // The name of the later year, or of the earlier one for those who left.
    func who(_ id: String) -> YearCompareReport.Enterprise {
      YearCompareReport.Enterprise(id: id, name: b.enterprises[id]?.name ?? a.enterprises[id]?.name ?? "")
    }
    func whoBefore(_ id: String) -> YearCompareReport.Enterprise {
      YearCompareReport.Enterprise(id: id, name: a.enterprises[id]?.name ?? b.enterprises[id]?.name ?? "")
    }
    var programmes: [YearCompareReport.ProgrammeChange] = []
    var listed: [String] = []
    for p in b.programmes {
      let before = a.programmes.first { $0.key == p.key }?.selected ?? []
      let was = Set(before)
      let now = Set(p.selected)
      programmes.append(
        YearCompareReport.ProgrammeChange(
          key: p.key, name: p.name, entered: p.selected.filter { !was.contains($0) }.map(who),
          left: before.filter { !now.contains($0) }.map(whoBefore), stayed: was.intersection(now).count))
      for id in before + p.selected where !listed.contains(id) { listed.append(id) }
    }
    for p in a.programmes where !b.programmes.contains(where: { $0.key == p.key }) {
      programmes.append(YearCompareReport.ProgrammeChange(key: p.key, name: p.name, entered: [], left: p.selected.map(whoBefore), stayed: 0))
    }
    var moves: [YearCompareReport.Change] = []
    var gained: [YearCompareReport.Change] = []
    var lost: [YearCompareReport.Change] = []
    for (id, eb) in b.enterprises {
      guard let ea = a.enterprises[id], let ra = ea.rank, let rb = eb.rank else { continue }
      moves.append(.init(who: who(id), a: ra, b: rb))
      if let sa = ea.stars, let sb = eb.stars, sa != sb {
        if sb > sa { gained.append(.init(who: who(id), a: sa, b: sb)) } else { lost.append(.init(who: who(id), a: sa, b: sb)) }
      }
    }
    moves.sort { abs($0.b - $0.a) != abs($1.b - $1.a) ? abs($0.b - $0.a) > abs($1.b - $1.a) : $0.who.id < $1.who.id }
    gained.sort { $0.b != $1.b ? $0.b > $1.b : $0.who.id < $1.who.id }
    lost.sort { $0.a - $0.b != $1.a - $1.b ? $0.a - $0.b > $1.a - $1.b : $0.who.id < $1.who.id }
    // The chart: enterprises on a final list of either year that are ranked in both (the
    // first programme's first), at most 10, over every year recorded.
    let first = b.programmes.first.map { p in (a.programmes.first { $0.key == p.key }?.selected ?? []) + p.selected } ?? []
    var charted: [String] = []
    for id in first + listed where !charted.contains(id) && charted.count < 10 {
      if a.enterprises[id]?.rank != nil && b.enterprises[id]?.rank != nil { charted.append(id) }
    }
    let ranks = try ledger.ranks(of: charted, runs: years.map(\.run))
    return YearCompareReport(
      sides: [(a.year.year, a.year.run, a.year.isFinal), (b.year.year, b.year.run, b.year.isFinal)], programmes: programmes,
      moves: Array(moves.prefix(movers)), starsGained: gained, starsLost: lost, years: years.map(\.year),
      series: zip(charted, ranks).map { (who($0), $1) }, english: english)
  }

  /// `compare --json`: the same content as data.
  static func json(_ r: YearCompareReport) -> String {
    var j = JSONText()
    j.beginObject()
    for (k, s) in zip(["a", "b"], r.sides) {
      j.key(k)
      j.beginObject()
      side(&j, s)
      j.endObject()
    }
    j.field("programmes", objects: r.programmes) { j, p in
      j.field("programme", p.key)
      j.field("name", p.name)
      j.field("entered", strings: p.entered.map(\.id))
      j.field("left", strings: p.left.map(\.id))
      j.field("stayed", p.stayed)
    }
    j.field("rank_moves", objects: r.moves) { j, m in change(&j, m, "rank") }
    j.field("stars_gained", objects: r.starsGained) { j, m in change(&j, m, "stars") }
    j.field("stars_lost", objects: r.starsLost) { j, m in change(&j, m, "stars") }
    j.endObject()
    return j.text
  }

  private static func side(_ j: inout JSONText, _ s: (year: Int, run: Int, final: Bool)) {
    j.field("year", s.year)
    j.field("run", s.run)
    j.field("final", s.final)
  }

  private static func change(_ j: inout JSONText, _ m: YearCompareReport.Change, _ what: String) {
    j.field("id", m.who.id)
    j.field("name", m.who.name)
    j.field(what + "_a", m.a)
    j.field(what + "_b", m.b)
  }
}
