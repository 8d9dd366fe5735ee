import Model
import Reports

extension TuneSession {
  /// The explanation card of one enterprise under a request's changes: the body's first
  /// line is the enterprise's id (as the lists show it), the other lines are the changes
  /// as `evaluate(body:)` reads them.
  /// - Returns: 200 and `TuneReport.explanation` (the text `exemplar explain --id` prints
  ///   for the same `--set`), or 400 and `TuneReport.error`.
  public func explain(body: [UInt8]) -> (status: Int, json: String) {
    guard let text = String(validating: body, as: UTF8.self) else {
      return (400, TuneReport.error([english ? "the request is not UTF-8 text" : "请求不是 UTF-8 文本"]))
    }
    var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { String($0).trimmingWhitespace() }
    guard let id = lines.first, !id.isEmpty else {
      return (400, TuneReport.error([english ? "the first line must be an enterprise's id" : "第一行应为企业的统一社会信用代码"]))
    }
    lines.removeFirst()
    switch recalculate(lines.filter { !$0.isEmpty }) {
    case .failure(let refusal): return (400, refusal.json)
    case .success(let r):
      let ev = r.outcome.evaluation
      guard let row = ev.ids.firstIndex(of: id) else {
        return (400, TuneReport.error([english ? "no enterprise has the id \(id)" : "没有统一社会信用代码为 \(id) 的企业"]))
      }
      let run = Explanation.Run(
        spec: r.outcome.spec, table: table, evaluation: ev, decision: r.outcome.decision, committee: committee, reviews: reviews)
      return (200, TuneReport.explanation(id: id, label: ev.labels[row], text: Explanation(run, row: row, english: english).text))
    }
  }
}
