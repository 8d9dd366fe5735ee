import Criteria
import Foundation
import Model
import Procedure
import Reports
import Scoring
import Selection

/// What `exemplar tune` serves, without HTTP: the page, and the answer to a recalculation.
///
/// A recalculation is a list of `KEY.PATH=VALUE` changes (the page sends the sliders that
/// differ from the file). They become `--set` overrides on top of the command line's own,
/// the criteria file is checked again with them (`CriteriaLoader`, every message of the
/// file) and the one engine runs (`Selector.run`) on the table, history and procedure
/// prepared at start — exactly what `exemplar run … --set …` computes. A changed weight
/// under a node weighted `direct` without `normalise` also gets `normalise = true` for that
/// node (`TuneKnob.normalise`), so the other weights keep their ratios and the sum stays 1.
///
/// The sliders' stability bands (`withStability`) are computed once, in the background,
/// after `init` returns (`startStability`, `stability()`): the page is served meanwhile and
/// fetches them from their own endpoint.
///
/// Immutable after `init` (the bands' job locks itself), so concurrent requests need no locking.
public final class TuneSession: Sendable {
  /// Labels in English (`--lang en`) rather than Chinese.
  public let english: Bool
  /// The sliders: every local weight under a `direct` node, in file order.
  public let knobs: [TuneKnob]
  /// The nominal run: the file with the command line's `--set`.
  public let nominal: TuneReport.Outcome
  let criteria: [UInt8]
  let source: String
  let base: [Override]
  let table: Table
  let history: [HistoryEntry]
  let screening: Screening
  let committee: Committee
  /// The expert reviews (`--reviews`), for the explanation card.
  let reviews: ReviewPanel?
  let command: String
  /// The nominal run's prepared scoring matrix and what it depends on (`matrixKey`): a
  /// recalculation that moves only weights reuses it instead of normalising again.
  let matrix: ScoringMatrix?
  let matrixKey: MatrixKey
  /// The knobs with their bands and the milliseconds they took.
  let bands: StabilityJob<Bands>
  struct Bands: Sendable {
    let knobs: [TuneKnob]
    let milliseconds: Double
  }

  /// The most changes one request may carry.
  public static let maxChanges = 500
  /// Key paths a recalculation may not change: they decide what is read and screened,
  /// which the session prepared once at start.
  static let fixedKeys = ["columns", "screening", "reviews", "evaluation.id", "evaluation.label"]

  /// Runs the nominal evaluation.
  /// - Parameters:
  ///   - criteria: the criteria file's bytes; `source` its path (for messages).
  ///   - overrides: the command line's `--set`, part of the nominal run.
  ///   - table, history, screening, committee: prepared as `run` prepares them.
  ///   - command: the `exemplar run …` prefix the page shows before its `--set` arguments.
  /// - Throws: the loader's or the scorer's error for the nominal run.
  public init(
    criteria: [UInt8], source: String, overrides: [Override], table: Table, history: [HistoryEntry], screening: Screening,
    committee: Committee, reviews: ReviewPanel? = nil, command: String, english: Bool
  ) throws(StageFailure) {
    self.reviews = reviews
    self.criteria = criteria
    self.source = source
    self.base = overrides
    self.table = table
    self.history = history
    self.screening = screening
    self.committee = committee
    self.command = command
    self.english = english
    let spec = try CriteriaLoader.load(bytes: criteria, source: source, overrides: overrides).get()
    let run: (evaluation: Evaluation, decision: Decision)
    do {
      let prepared = try Scorer.prepare(table, spec: spec, screening: screening)
      run = try Selector.run(table, spec: spec, history: history, screening: screening, committee: committee, prepared: prepared)
      matrix = prepared
    } catch { throw error.stageFailure }
    matrixKey = MatrixKey(spec)
    nominal = (spec, run.evaluation, run.decision)
    let knobs = TuneSession.knobs(spec)
    self.knobs = knobs
    let evaluation = run.evaluation
    let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    bands = StabilityJob {
      let clock = ContinuousClock()
      let start = clock.now
      let banded = TuneSession.withStability(
        knobs, spec: spec, evaluation: evaluation, table: table, history: history, committee: committee, threads: threads)
      return Bands(knobs: banded, milliseconds: TuneSession.milliseconds(start.duration(to: clock.now)))
    }
  }

  /// Starts computing the sliders' stability bands in the background (once).
  public func startStability() { bands.start() }

  /// The answer of the bands' endpoint (`TuneReport.stability`), once they are computed.
  public func stability() async -> String {
    let b = await bands.value()
    return TuneReport.stability(b.knobs, milliseconds: b.milliseconds)
  }

  /// The knobs with their stability bands, waiting for them (tests, scripts).
  public func bandedKnobs() -> [TuneKnob] { bands.wait().knobs }

  static func milliseconds(_ d: Duration) -> Double {
    Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
  }

  /// The name the page suggests for the changed criteria file: `NAME-tuned.toml`.
  var saveAs: String {
    let name = String(source.split(separator: "/").last ?? "criteria.toml")
    return (name.hasSuffix(".toml") ? String(name.dropLast(5)) : name) + "-tuned.toml"
  }

  /// The page, with the nominal result drawn.
  public func page() -> String {
    let initial = TuneReport.result(nominal: nominal, variant: nominal, changes: [], knobs: knobs, milliseconds: 0, english: english)
    return TunePage.html(
      title: nominal.spec.evaluation.name, knobs: knobs, fixed: TuneSession.fixedNodes(nominal.spec), aggregation: nominal.spec.aggregation.method.name, command: command,
      initial: initial, english: english, saveAs: saveAs)
  }

  /// `{"ok":false,"errors":[message]}`, for a request refused before it reaches the session.
  public func refusal(_ message: String) -> String { TuneReport.error([message]) }

  /// The error answer to a request body over `limit` bytes, in the page's language.
  public func tooLarge(_ limit: Int) -> String {
    refusal(english ? "the request is larger than \(limit) bytes" : "请求超过 \(limit) 字节")
  }

  /// The answer to a request body: `KEY.PATH=VALUE` lines (UTF-8; empty lines ignored).
  /// - Returns: HTTP status 200 and `TuneReport.result`, or 400 and `TuneReport.error`.
  public func evaluate(body: [UInt8]) -> (status: Int, json: String) {
    guard let text = String(validating: body, as: UTF8.self) else {
      return (400, TuneReport.error([english ? "the request is not UTF-8 text" : "请求不是 UTF-8 文本"]))
    }
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { String($0).trimmingWhitespace() }
    return evaluate(lines.filter { !$0.isEmpty })
  }

  /// The criteria file with the changes of a request body (as `evaluate(body:)` reads it,
  /// with the `normalise` the answer adds) written in place (`CriteriaEditor`).
  /// - Returns: 200 and the file's text, or 400 and `TuneReport.error`.
  public func file(body: [UInt8]) -> (status: Int, text: String) {
    let (status, json) = evaluate(body: body)
    guard status == 200 else { return (status, json) }
    // The changes the answer applied, in its order (normalise included).
    let text = String(decoding: body, as: UTF8.self)
    let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    var overrides = lines.compactMap { try? Override.parse($0) }
    for o in overrides where o.path.count == 3 && o.path[2] == "weight" {
      let kind = o.path[0] == "groups" ? "group" : o.path[0] == "criteria" ? "criterion" : ""
      guard let n = knobs.first(where: { $0.kind == kind && $0.key == o.path[1] })?.normalise,
        !overrides.contains(where: { $0.description == n || $0.keyPath == String(n.prefix { $0 != "=" }) }), let extra = try? Override.parse(n)
      else { continue }
      overrides.append(extra)
    }
    switch CriteriaEditor.apply(criteria, source: source, overrides: base + overrides) {
    case .success(let edited): return (200, edited)
    case .failure(let f): return (400, TuneReport.error(f.diagnostics.diagnostics.map { $0.text.text(english ? .en : .zh) }))
    }
  }

  /// The answer to a list of changes, `KEY.PATH=VALUE` each (as `--set` takes them).
  public func evaluate(_ changes: [String]) -> (status: Int, json: String) {
    let clock = ContinuousClock()
    let start = clock.now
    switch recalculate(changes) {
    case .failure(let refusal): return (400, refusal.json)
    case .success(let r):
      let ms = Self.milliseconds(start.duration(to: clock.now))
      return (
        200,
        TuneReport.result(nominal: nominal, variant: r.outcome, changes: r.applied, knobs: knobs, milliseconds: ms, english: english)
      )
    }
  }

  /// A request the session refuses: the `TuneReport.error` JSON.
  struct Refusal: Error {
    let json: String
  }

  /// The one engine's run with `changes` on top of the command line's `--set` (the node's
  /// `normalise` added to a moved weight), and the changes as applied.
  func recalculate(_ changes: [String]) -> Result<(outcome: TuneReport.Outcome, applied: [String]), Refusal> {
    guard changes.count <= Self.maxChanges else {
      return .failure(
        Refusal(
          json: TuneReport.error([
            english ? "\(changes.count) changes in one request; at most \(Self.maxChanges)" : "一次请求含 \(changes.count) 项修改，最多 \(Self.maxChanges) 项"
          ])))
    }
    var errors: [String] = []
    var overrides: [Override] = []
    for text in changes {
      do {
        let o = try Override.parse(text)
        if let fixed = Self.fixedKeys.first(where: { o.keyPath == $0 || o.keyPath.hasPrefix($0 + ".") }) {
          errors.append(
            english
              ? "--set \(text): \(fixed) cannot change while tuning (it decides what is read and screened); restart exemplar tune with --set \(text)"
              : "--set \(text)：调试时不能修改 \(fixed)（它决定读取和筛除的数据）；请以 --set \(text) 重新启动 exemplar tune")
          continue
        }
        overrides.append(o)
      } catch {
        errors.append(contentsOf: error.diagnostics.diagnostics.map { $0.text.text(english ? .en : .zh) })
      }
    }
    guard errors.isEmpty else { return .failure(Refusal(json: TuneReport.error(errors))) }
    var applied = overrides.map(\.description)
    for o in overrides where o.path.count == 3 && o.path[2] == "weight" {
      let kind = o.path[0] == "groups" ? "group" : o.path[0] == "criteria" ? "criterion" : ""
      guard let n = knobs.first(where: { $0.kind == kind && $0.key == o.path[1] })?.normalise else { continue }
      let key = String(n.prefix { $0 != "=" })
      if !applied.contains(n), !overrides.contains(where: { $0.keyPath == key }), let extra = try? Override.parse(n) {
        applied.append(n)
        overrides.append(extra)
      }
    }
    let spec: Spec
    switch CriteriaLoader.load(bytes: criteria, source: source, overrides: base + overrides) {
    case .success(let s): spec = s
    case .failure(let f): return .failure(Refusal(json: TuneReport.error(f.diagnostics.diagnostics.map(\.description))))
    }
    do {
      let reuse = MatrixKey(spec) == matrixKey ? matrix : nil
      let (evaluation, decision) = try Selector.run(
        table, spec: spec, history: history, screening: screening, committee: committee, prepared: reuse)
      return .success(((spec, evaluation, decision), applied))
    } catch {
      return .failure(Refusal(json: TuneReport.error(error.diagnostics.diagnostics.map(\.description))))
    }
  }
}

/// What `Scorer.prepare` reads of a spec: the criteria but for their weights, groups and
/// labels, and whether the aggregation is TOPSIS (its own input matrix).
struct MatrixKey: Equatable, Sendable {
  /// One criterion as the matrix reads it.
  struct Input: Equatable, Sendable {
    let key: String
    let column: String
    let direction: Direction
    let normalisation: Normalisation
    let explicitNormalisation: Bool
    let winsorise: ClosedRange<Double>?
    let missing: MissingPolicy?
  }

  let criteria: [Input]
  let topsis: Bool

  init(_ spec: Spec) {
    criteria = spec.criteria.map { c in
      Input(
        key: c.key, column: c.column, direction: c.direction, normalisation: c.normalisation,
        explicitNormalisation: c.explicitNormalisation, winsorise: c.winsorise, missing: c.missing)
    }
    if case .topsis = spec.aggregation.method { topsis = true } else { topsis = false }
  }
}
