import Model
import Scoring

/// Finds the enterprise `explain --id` names: by exact id (case and surrounding spaces
/// ignored), by exact name, or by a part of the name that only one enterprise has. When
/// none matches, the message suggests close ids (a code with a character missing, added,
/// changed or two swapped) or lists the enterprises a part of a name matches.
enum EnterpriseLookup {
  /// The row, or the message saying why there is none.
  static func find(_ query: String, in evaluation: Evaluation) -> Result<Int, LookupFailure> {
    let wanted = query.trimmingWhitespace()
    let upper = wanted.uppercased()
    if let row = evaluation.ids.firstIndex(where: { $0.uppercased() == upper }) { return .success(row) }
    if let row = evaluation.labels.firstIndex(where: { $0 == wanted }) { return .success(row) }
    let parts = wanted.isEmpty ? [] : evaluation.labels.indices.filter { evaluation.labels[$0].contains(wanted) }
    if parts.count == 1 { return .success(parts[0]) }
    if parts.count > 1 {
      let shown = parts.prefix(5).map { "\(evaluation.ids[$0]) \(evaluation.labels[$0])" }.joined(separator: "; ")
      let more = parts.count > 5 ? "…" : ""
      return .failure(
        LookupFailure(
          message: Message(
            zh: "有 \(parts.count) 家企业名称含“\(wanted)”：\(shown)\(more)；请给出统一社会信用代码或完整名称",
            en: "\(parts.count) enterprises have \"\(wanted)\" in their name: \(shown)\(more); give the credit code or the full name")))
    }
    var close = evaluation.ids.filter { $0.uppercased().hasPrefix(upper) || upper.hasPrefix($0.uppercased()) }
    if close.isEmpty, wanted.count >= 6 {
      close = evaluation.ids.filter { abs($0.count - wanted.count) <= 2 && Suggestion.distance($0.uppercased(), upper) <= 2 }
    }
    let suggestion =
      close.isEmpty
      ? Message.empty
      : Message(
        zh: "；是否应为 \(close.prefix(3).joined(separator: "、"))？", en: "; did you mean \(close.prefix(3).joined(separator: ", "))?")
    return .failure(
      LookupFailure(
        message: Message(
          zh: "没有编号或名称为“\(wanted)”的企业（也没有名称含此文字的企业）",
          en: "no enterprise with id or name \"\(wanted)\" (nor one whose name contains it)") + suggestion))
  }

  struct LookupFailure: Error {
    var message: Message
  }
}
