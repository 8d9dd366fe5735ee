internal import GRDB
import Model

extension Ledger {
  /// The `enterprise` rows of a run, in file order (`eid` = `firstEID` + row): one
  /// prepared statement, every text built in reused buffers and bound without a copy, the
  /// id and name bound from the packed columns. (Written in id order, the index would grow
  /// at its end, but reading the run's columns in that order cost more in cache misses
  /// than SQLite saved.)
  static func insertEnterprises(_ r: RunRecord, run: Int, firstEID: Int, reasonID: [Int64], _ db: Database) throws {
    let enterprise = try RawStatement(
      db,
      """
      INSERT INTO enterprise (eid, run, id, name, line, score, rank, stars, unranked_reason, group_scores, statuses, metrics)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """)
    var groups = RowBuffer()
    var statuses = RowBuffer(capacity: 64 * max(1, r.programmes.count))
    var metrics = RowBuffer()
    // The fixed texts: each group's `"key":`, each status pair's `["c","f",`, each
    // category level and each text column's missing value.
    let groupKey = r.groups.map { groups.addPiece(JSONBytes.quoted($0.key) + ":") }
    let codes = [RunRecord.Status.excluded, .selected, .reserve].map(\.code)
    var pair = [Int](repeating: 0, count: 9)
    for c in 0..<3 { for f in 0..<3 { pair[c * 3 + f] = statuses.addPiece("[\"\(codes[c])\",\"\(codes[f])\",") } }
    let levelPiece: [[Int]] = r.metrics.map { m in
      guard case .category(let c) = m.column else { return [] }
      return c.levels.map { metrics.addPiece(JSONBytes.quoted($0)) }
    }
    // Every column hoisted out of its enum and struct once, so that the row loop reads
    // plain arrays (no per-cell copy of a payload).
    let groupScores = r.groups.map(\.scores)
    var kind: [UInt8] = []  // 0 number, 1 category, 2 bool, 3 text
    var slot: [Int] = []
    var numbers: [[Double]] = []
    var missing: [[Bool]] = []
    var categories: [[Int32]] = []
    var bools: [[Bool?]] = []
    var texts: [StringColumn] = []
    for m in r.metrics {
      switch m.column {
      case .numeric(let c):
        kind.append(0)
        slot.append(numbers.count)
        numbers.append(c.values)
        missing.append(c.missing)
      case .category(let c):
        kind.append(1)
        slot.append(categories.count)
        categories.append(c.codes)
      case .bool(let b):
        kind.append(2)
        slot.append(bools.count)
        bools.append(b)
      case .text(let t):
        kind.append(3)
        slot.append(texts.count)
        texts.append(StringColumn(t))
      }
    }
    let programmeCount = r.programmes.count
    let computed = r.programmes.map(\.computed)
    let final = r.programmes.map(\.final)
    let position = r.programmes.map(\.position)
    let reasons = r.programmes.map(\.reason)
    for row in 0..<r.count {
      enterprise.bind(1, firstEID + row)
      enterprise.bind(2, run)
      enterprise.bind(5, r.lines[row])
      if r.rank[row] > 0 {
        enterprise.bind(6, r.score[row])
        enterprise.bind(7, r.rank[row])
        enterprise.bind(8, r.stars[row])
        enterprise.bindNull(9)
        groups.reset()
        groups.append(UInt8(ascii: "{"))
        for k in 0..<groupKey.count {
          if k > 0 { groups.append(UInt8(ascii: ",")) }
          groups.append(piece: groupKey[k])
          groups.shortest(groupScores[k][row])
        }
        groups.append(UInt8(ascii: "}"))
        enterprise.bindStatic(10, utf8: groups.bytes)
      } else {
        enterprise.bindNull(6)
        enterprise.bindNull(7)
        enterprise.bindNull(8)
        enterprise.bind(9, r.unranked[row] ?? "")
        enterprise.bindNull(10)
      }
      // [[computed, final, position|null, reason|null], …] in programme order.
      statuses.reset()
      statuses.append(UInt8(ascii: "["))
      for k in 0..<programmeCount {
        if k > 0 { statuses.append(UInt8(ascii: ",")) }
        statuses.append(piece: pair[Int(computed[k][row].rawValue) * 3 + Int(final[k][row].rawValue)])
        let at = Int(position[k][row])
        statuses.integer(at > 0 ? at : nil)
        statuses.append(UInt8(ascii: ","))
        let reason = Int(reasons[k][row])
        statuses.integer(reason >= 0 ? Int(reasonID[reason]) : nil)
        statuses.append(UInt8(ascii: "]"))
      }
      statuses.append(UInt8(ascii: "]"))
      enterprise.bindStatic(11, utf8: statuses.bytes)
      if r.metrics.isEmpty {
        enterprise.bindNull(12)
      } else {
        metrics.reset()
        metrics.append(UInt8(ascii: "["))
        for k in 0..<kind.count {
          if k > 0 { metrics.append(UInt8(ascii: ",")) }
          let i = slot[k]
          switch kind[k] {
          case 0:
            if missing[i][row] { metrics.append("null") } else { metrics.number(numbers[i][row]) }
          case 1:
            let code = Int(categories[i][row])
            if code < 0 { metrics.append("null") } else { metrics.append(piece: levelPiece[k][code]) }
          case 2:
            switch bools[i][row] {
            case true?: metrics.append("true")
            case false?: metrics.append("false")
            case nil: metrics.append("null")
            }
          default:
            if texts[i].packed.isMissing(row) { metrics.append("null") } else { texts[i].withUTF8(row) { metrics.quoted($0) } }
          }
        }
        metrics.append(UInt8(ascii: "]"))
        enterprise.bindStatic(12, utf8: metrics.bytes)
      }
      // The id and name are bound from the packed columns' storage, which stays put
      // until the row is written.
      try r.ids.withUTF8(row) { id in
        try r.names.withUTF8(row) { name in
          enterprise.bindStatic(3, utf8: id)
          enterprise.bindStatic(4, utf8: name)
          try enterprise.step()
        }
      }
    }
  }
}
