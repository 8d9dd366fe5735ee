import Criteria
import Foundation
import Ingest
import Model
import Procedure
import Selection
import Sensitivity
import Testing
import Tuning

/// `exemplar tune`'s JSON endpoint through the library (`TuneSession.evaluate`), on the
/// samples: the answer is the one engine's run with the same `--set`, errors are 400 with
/// the criteria file's messages, and the session keeps answering.
@Suite struct TuneSessionTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let criteria = root.appendingPathComponent("criteria/2022.toml").path
  static let metrics = root.appendingPathComponent("samples/metrics-2022.csv").path
  static let historyPath = root.appendingPathComponent("samples/history.csv").path

  /// The table, history and screening as `exemplar run` prepares them (no procedure files).
  static func inputs(_ overrides: [Override] = []) throws -> (spec: Spec, table: Table, history: [HistoryEntry], screening: Screening) {
    let spec = try CriteriaLoader.load(path: criteria, overrides: overrides).get()
    let columns = spec.reviews.map { r in spec.columns.filter { $0.key != r.column } } ?? spec.columns
    let result = Ingestor.read(path: metrics, columns: columns, idColumn: spec.evaluation.idColumn, options: IngestOptions())
    let table = try #require(result.table)
    let history = try Ingestor.readHistory(path: historyPath, options: IngestOptions()).get()
    let screening = try Screener.screen(table, spec: spec, lists: [], ids: IDIndex(table: table, idColumn: spec.evaluation.idColumn)).get()
    return (spec, table, history, screening)
  }

  static func session(english: Bool = false) throws -> TuneSession {
    let i = try inputs()
    let bytes = try CriteriaLoader.read(path: criteria).get()
    return try TuneSession(
      criteria: bytes, source: criteria, overrides: [], table: i.table, history: i.history, screening: i.screening,
      committee: Committee(), command: "exemplar run", english: english)
  }

  static func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  /// Each programme's selected ids in the answer.
  static func selected(_ answer: [String: Any]) -> [String: [String]] {
    var out: [String: [String]] = [:]
    for p in answer["programmes"] as? [[String: Any]] ?? [] {
      out[p["key"] as? String ?? ""] = (p["selected"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    return out
  }

  @Test func aMovedGroupWeightAnswersWhatTheEngineGivesWithTheSameSet() throws {
    let session = try Self.session()
    let (status, json) = session.evaluate(body: Array("groups.efficiency.weight=0.6\n".utf8))
    #expect(status == 200)
    let answer = try Self.object(json)
    #expect(answer["ok"] as? Bool == true)
    // The node's normalise comes with the weight, so the file's weights stay valid.
    #expect(answer["set"] as? [String] == ["groups.efficiency.weight=0.6", "weighting.normalise=true"])
    #expect((answer["toml"] as? String)?.contains("[groups.efficiency]\nweight = 0.6\n") == true)

    let sets = try ["groups.efficiency.weight=0.6", "weighting.normalise=true"].map { try Override.parse($0) }
    let i = try Self.inputs(sets)
    let (evaluation, decision) = try Selector.run(i.table, spec: i.spec, history: i.history, screening: i.screening)
    let expected = Dictionary(uniqueKeysWithValues: decision.programmes.map { ($0.key, $0.selected.map { evaluation.ids[$0] }) })
    #expect(Self.selected(answer) == expected)

    // The move changes something against the nominal lists, and says so.
    let nominal = Self.selected(try Self.object(session.evaluate([]).json))
    #expect(nominal != expected)
    for p in answer["programmes"] as? [[String: Any]] ?? [] {
      let key = p["key"] as? String ?? ""
      let before = Set(nominal[key] ?? [])
      for e in p["selected"] as? [[String: Any]] ?? [] {
        #expect((e["entered"] as? Bool) == !before.contains(e["id"] as? String ?? ""))
        // An entered enterprise says where it stood before (a reserve place or a rule).
        #expect(((e["before"] as? String)?.isEmpty == false) == !before.contains(e["id"] as? String ?? ""))
        let row = try #require(evaluation.ids.firstIndex(of: e["id"] as? String ?? ""))
        #expect(e["rank"] as? Int == evaluation.rank[row])
      }
      let now = Set(expected[key] ?? [])
      let left = (p["left"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      #expect(Set(left) == before.subtracting(now))
      for l in p["left"] as? [[String: Any]] ?? [] { #expect(!((l["reason"] as? String) ?? "").isEmpty) }
    }
    // The effective weights are rescaled: efficiency 0.6 / (0.25 + 0.6 + 0.25 + 0.15 + 0.10).
    let weights = answer["weights"] as? [[String: Any]] ?? []
    let efficiency = try #require(weights.first { $0["path"] as? String == "groups.efficiency.weight" })
    #expect(abs((efficiency["local"] as? Double ?? 0) - 0.6 / 1.35) < 1e-12)
  }

  @Test func theNominalAnswerHasNoChangesAndEveryKnob() throws {
    let session = try Self.session()
    #expect(session.knobs.map(\.path).prefix(5) == [
      "groups.cost.weight", "groups.efficiency.weight", "groups.quality.weight", "groups.investment.weight", "groups.management.weight",
    ])
    #expect(session.knobs.count == 5 + 16)
    let answer = try Self.object(session.evaluate([]).json)
    #expect(answer["set"] as? [String] == [])
    for p in answer["programmes"] as? [[String: Any]] ?? [] {
      #expect((p["left"] as? [Any])?.isEmpty == true)
      #expect((p["selected"] as? [[String: Any]] ?? []).allSatisfy { $0["entered"] as? Bool == false })
    }
  }

  @Test(arguments: [
    ("groups.efficiency.weight=-1", "expected a number ≥ 0, found -1"),
    ("groups.efficency.weight=0.3", "did you mean \"efficiency\""),
    ("aggregation.method=topsiss", "topsiss"),
    ("groups.efficiency.weight", "expected KEY.PATH=VALUE"),
    ("columns.oee_pct.range=[0, 50]", "cannot change while tuning"),
    ("screening.rule=[]", "cannot change while tuning"),
  ])
  func aBadChangeIsA400WithTheFilesMessage(change: String, message: String) throws {
    let session = try Self.session(english: true)
    let (status, json) = session.evaluate(body: Array(change.utf8))
    #expect(status == 400)
    let answer = try Self.object(json)
    #expect(answer["ok"] as? Bool == false)
    let errors = answer["errors"] as? [String] ?? []
    #expect(errors.contains { $0.contains(message) }, "\(errors)")
    // And the session keeps answering.
    #expect(session.evaluate(body: Array("criteria.oee.weight=0.4".utf8)).status == 200)
  }

  @Test func malformedBodiesAre400() throws {
    let session = try Self.session()
    #expect(session.evaluate(body: [0xff, 0xfe, 0x3d]).status == 400)
    let many = (0...TuneSession.maxChanges).map { _ in "criteria.oee.weight=0.3" }.joined(separator: "\n")
    let (status, json) = session.evaluate(body: Array(many.utf8))
    #expect(status == 400)
    #expect(json.contains("\(TuneSession.maxChanges)"))
  }

  @Test func concurrentRequestsGetTheirOwnAnswers() async throws {
    let session = try Self.session()
    let values = ["0.1", "0.3", "0.5", "0.7", "0.9", "1.2"]
    let sequential = values.map { Self.strip(session.evaluate(["groups.quality.weight=" + $0]).json) }
    let concurrent = await withTaskGroup(of: (Int, String).self) { group in
      for (k, v) in values.enumerated() { group.addTask { (k, Self.strip(session.evaluate(["groups.quality.weight=" + v]).json)) } }
      var out = [String](repeating: "", count: values.count)
      for await (k, s) in group { out[k] = s }
      return out
    }
    #expect(concurrent == sequential)
    #expect(Set(sequential).count > 1)
  }

  /// The slider's stability band: inside it no shortlist changes its members; just past an
  /// exact band's finite end one does (the sample file's rules read stars, so its bands are
  /// conservative: the first crossing that may change a list).
  @Test func theStabilityBandOfASliderIsWhereNoListMoves() throws {
    let session = try Self.session()
    let nominal = Self.members(try Self.object(session.evaluate([]).json))
    #expect(session.knobs.allSatisfy { $0.stable == nil }, "the bands come later, from their own endpoint")
    let banded = session.bandedKnobs().filter { $0.stable != nil }
    #expect(banded.count == session.knobs.count, "weighted sum: every slider has a band")
    for knob in banded {
      let band = try #require(knob.stable)
      #expect(band.contains(knob.nominal), "\(knob.path): \(band) misses the file's value \(knob.nominal)")
      let upper = band.upperBound.isFinite ? band.upperBound : knob.nominal * 3
      for x in [band.lowerBound + (knob.nominal - band.lowerBound) * 0.5, knob.nominal + (upper - knob.nominal) * 0.5] where x != knob.nominal {
        let answer = try Self.object(session.evaluate(["\(knob.path)=\(x)"]).json)
        #expect(Self.members(answer) == nominal, "\(knob.path)=\(x) inside \(band) changed a list")
      }
      if band.upperBound.isFinite, knob.stableExact {
        let answer = try Self.object(session.evaluate(["\(knob.path)=\(band.upperBound * 1.01 + 1e-6)"]).json)
        #expect(Self.members(answer) != nominal, "\(knob.path) just above \(band) changed nothing")
      }
    }
  }

  /// The bands are `weights --stability`'s intervals (computed as that command does: the
  /// file's `[uncertainty]` methods prepared, one thread), intersected over the programmes,
  /// and the stability endpoint's JSON carries them with the programme and names at each end.
  @Test func theBandsAreTheIntervalsOfWeightsStability() async throws {
    let session = try Self.session()
    let i = try Self.inputs()
    let (evaluation, _) = try Selector.run(i.table, spec: i.spec, history: i.history, screening: i.screening)
    let model = try SensitivityModel(evaluation: evaluation, table: i.table, spec: i.spec, history: i.history)
    let programmes = try StabilityIntervals.compute(model)
    let json = try Self.object(await session.stability())
    let answered = Dictionary(uniqueKeysWithValues: (json["knobs"] as? [[String: Any]] ?? []).map { ($0["path"] as? String ?? "", $0) })
    #expect(answered.count == session.knobs.count)
    for knob in session.bandedKnobs() {
      let ivs = programmes.flatMap { p in p.intervals.filter { $0.criterion == knob.key && $0.isGroup == (knob.kind == "group") } }
      #expect(ivs.count == programmes.count, "\(knob.path)")
      let low = ivs.map(\.low).max() ?? 0, high = ivs.map(\.high).min() ?? 1
      #expect(knob.stableLocal == low...high, "\(knob.path): \(String(describing: knob.stableLocal)) vs \(low)...\(high)")
      #expect(knob.stableExact == ivs.allSatisfy(\.exact))
      let local = try #require(answered[knob.path]?["local"] as? [Double])
      // As JSON numbers (the writer's shortest round-trip text may differ in the last digit).
      #expect(local.count == 2 && abs(local[0] - low) < 1e-12 && abs(local[1] - high) < 1e-12, "\(knob.path): \(local)")
      // The end that bounds the band names the programme whose list changes there.
      if low > 0, let end = answered[knob.path]?["low"] as? [String: Any] {
        let p = try #require(programmes.first { p in p.intervals.contains { $0.criterion == knob.key && $0.low == low } })
        #expect(end["programme"] as? String == i.spec.programmes.first { $0.key == p.key }?.name)
        #expect((end["entering"] as? String)?.isEmpty == false && (end["leaving"] as? String)?.isEmpty == false)
      } else {
        #expect(low == 0, "\(knob.path): a band ending at \(low) without its cause")
      }
    }
  }

  /// The card's endpoint: explain's text for the enterprise under the changes (its rank and
  /// stars those of the recalculation), and 400 with a message in the page's language for
  /// an unknown id, a missing id or a change the file refuses.
  @Test func theExplanationCardFollowsTheChangesAndRefusesBadRequests() throws {
    let session = try Self.session()
    let moved = try Self.object(session.evaluate(["groups.efficiency.weight=0.6"]).json)
    let first = try #require((moved["programmes"] as? [[String: Any]])?.first?["selected"] as? [[String: Any]])
    let entry = try #require(first.first { $0["entered"] as? Bool == true } ?? first.first)
    let id = try #require(entry["id"] as? String)
    let (status, json) = session.explain(body: Array("\(id)\ngroups.efficiency.weight=0.6\n".utf8))
    #expect(status == 200, "\(json)")
    let card = try Self.object(json)
    let text = try #require(card["text"] as? String)
    #expect(text.hasPrefix(id + "  "))
    #expect(text.contains("排名 \(entry["rank"] as? Int ?? -1)/"), "\(text.prefix(200))")
    let nominalText = try #require(try Self.object(session.explain(body: Array(id.utf8)).json)["text"] as? String)
    #expect(nominalText != text, "the card does not follow the change")
    let (unknown, message) = session.explain(body: Array("NOPE\n".utf8))
    #expect(unknown == 400 && message.contains("没有统一社会信用代码为 NOPE 的企业"), "\(message)")
    let en = try Self.session(english: true)
    let (unknownEn, messageEn) = en.explain(body: Array("NOPE".utf8))
    #expect(unknownEn == 400 && messageEn.contains("no enterprise has the id NOPE"), "\(messageEn)")
    #expect(session.explain(body: []).status == 400)
    let (bad, badMessage) = session.explain(body: Array("\(id)\ngroups.nope.weight=1".utf8))
    #expect(bad == 400 && badMessage.contains("groups.nope"), "\(badMessage)")
  }

  /// The rank-change chart's rows: nominally every line is "same"; after a move that changes
  /// a list, the rows that entered or left say so, with both ranks.
  @Test func theSlopeRowsMarkWhoEnteredAndLeft() throws {
    let session = try Self.session()
    let nominal = try Self.object(session.evaluate([]).json)
    let rows0 = try #require(nominal["slope"] as? [[String: Any]])
    #expect(!rows0.isEmpty && rows0.allSatisfy { $0["status"] as? String == "same" && $0["was"] as? Int == $0["rank"] as? Int })
    let moved = try Self.object(session.evaluate(["groups.efficiency.weight=0.6"]).json)
    let rows = try #require(moved["slope"] as? [[String: Any]])
    #expect(rows.count <= 30)
    var entered = Set<String>(), left = Set<String>()
    for p in moved["programmes"] as? [[String: Any]] ?? [] {
      for e in p["selected"] as? [[String: Any]] ?? [] where e["entered"] as? Bool == true { entered.insert(e["id"] as? String ?? "") }
      for e in p["left"] as? [[String: Any]] ?? [] { left.insert(e["id"] as? String ?? "") }
    }
    #expect(!entered.isEmpty)
    for r in rows {
      let id = r["id"] as? String ?? ""
      let want = entered.contains(id) ? (left.contains(id) ? "moved" : "entered") : (left.contains(id) ? "left" : "same")
      #expect(r["status"] as? String == want, "\(id)")
    }
    #expect(rows.contains { $0["status"] as? String != "same" })
  }

  /// Each programme's selected ids as a set (a band keeps the members, not their order).
  static func members(_ answer: [String: Any]) -> [String: Set<String>] { selected(answer).mapValues(Set.init) }

  /// "Save as criteria file": only the changed values differ (plus the lines the file lacked),
  /// and the saved file, loaded as it is, gives the lists the page showed.
  @Test func theSavedFileDiffersOnlyInTheChangedValuesAndGivesTheSameLists() throws {
    let session = try Self.session()
    let changes = ["groups.efficiency.weight=0.6", "criteria.oee.weight=0.5", "aggregation.method=topsis"]
    let body = Array(changes.joined(separator: "\n").utf8)
    let (status, saved) = session.file(body: body)
    #expect(status == 200, "\(saved)")
    let original = try String(contentsOfFile: Self.criteria, encoding: .utf8)
    let diff = saved.split(separator: "\n", omittingEmptySubsequences: false).difference(
      from: original.split(separator: "\n", omittingEmptySubsequences: false))
    let removed = diff.removals.map { change -> String in if case .remove(_, let l, _) = change { return String(l) } else { return "" } }
    let inserted = diff.insertions.map { change -> String in if case .insert(_, let l, _) = change { return String(l) } else { return "" } }
    #expect(removed.map { $0.trimmingCharacters(in: .whitespaces) }.sorted() == ["weight = 0.20", "weight = 0.25"].sorted(), "\(removed)")
    #expect(inserted.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted() == [
      "[aggregation]", "method = \"topsis\"", "normalise = true", "normalise = true", "weight = 0.5", "weight = 0.6",
    ], "\(inserted)")
    // The saved file alone runs to the lists of the answer.
    let spec = try CriteriaLoader.parse(saved, source: Self.criteria).get()
    let i = try Self.inputs()
    let (evaluation, decision) = try Selector.run(i.table, spec: spec, history: i.history, screening: i.screening)
    let expected = Dictionary(uniqueKeysWithValues: decision.programmes.map { ($0.key, $0.selected.map { evaluation.ids[$0] }) })
    #expect(Self.selected(try Self.object(session.evaluate(body: body).json)) == expected)
    // A change it cannot write in place is a 400 naming it.
    let (bad, message) = session.file(body: Array("programmes.city_benchmark.caps.industry=2".utf8))
    #expect(bad == 400 && message.contains("caps.industry"), "\(message)")
  }

  /// The answer without its timing.
  static func strip(_ json: String) -> String { json.replacing(/"ms":[0-9.e+-]+,/, with: "") }
}
