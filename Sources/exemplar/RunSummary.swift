import Criteria
import Model
import Reports
import Selection

/// What `exemplar run` says when it is done, the same in text (stderr, in `--lang`) and in
/// `--json` (stdout): enterprises ranked, per programme the selected and reserve counts and
/// the quota left unfilled, the budget used and what was earned but not paid, and the
/// warnings printed.
struct RunSummary {
  struct Programme {
    var key: String
    var selected, reserve, quota: Int
    var unfilled: Int { max(0, quota - selected) }
  }

  var out: String
  var ranked: Int
  var programmes: [Programme]
  var budget: Double?
  var granted: Double
  var entitled: Double
  var warnings: Int
  /// The run's number in the ledger (`run --ledger`) and the seconds recording it took.
  var ledgerRun: Int?
  var ledgerSeconds: Double?
  var unpaid: Double { max(0, entitled - granted) }

  init(report: RunReport, out: String, warnings: Int) {
    self.out = out
    ranked = report.evaluation.order.count
    programmes = report.decision.programmes.map { p in
      Programme(
        key: p.key, selected: p.selected.count, reserve: p.reserve.count,
        quota: report.spec.programmes.first { $0.key == p.key }?.quota ?? p.selected.count)
    }
    budget = report.decision.rewards.budget
    granted = report.decision.rewards.totalGranted
    entitled = report.decision.rewards.totalEntitled
    self.warnings = warnings
  }

  /// One line: `exemplar: 299 ranked; selected: a 20, b 6 (quota 8: 2 unfilled); rewards … ; wrote DIR`.
  func text(_ language: Language) -> String {
    let zh = language == .zh
    let lists = programmes.map { p -> String in
      let gap = p.unfilled == 0 ? "" : zh ? "（名额 \(p.quota)，空缺 \(p.unfilled)）" : " (quota \(p.quota): \(p.unfilled) unfilled)"
      return "\(p.key) \(p.selected)\(gap)"
    }.joined(separator: zh ? "，" : ", ")
    var money = zh ? "奖励已用 \(formatNumber(granted)) 元" : "rewards \(formatNumber(granted)) yuan"
    if let budget { money += zh ? "（预算 \(formatNumber(budget)) 元）" : " of a \(formatNumber(budget)) budget" }
    if unpaid > 0 { money += zh ? "，应得未付 \(formatNumber(unpaid)) 元" : ", \(formatNumber(unpaid)) earned but unpaid" }
    let warned = zh ? "\(warnings) 个警告" : "\(warnings) warning\(warnings == 1 ? "" : "s")"
    return zh
      ? "exemplar：已排名 \(ranked) 家；入选：\(lists)；\(money)；\(warned)；已写入 \(out)"
      : "exemplar: \(ranked) ranked; selected: \(lists); \(money); \(warned); wrote \(out)"
  }

  /// `{"out", "ranked", "programmes": [{key, selected, reserve, quota, unfilled}], "rewards":
  /// {budget, granted, entitled, unpaid}, "warnings"}`, and with `run --ledger` "ledger_run" and
  /// "ledger_seconds".
  var json: String {
    var j = JSONText()
    j.beginObject()
    j.field("out", out)
    j.field("ranked", ranked)
    j.key("programmes")
    j.beginArray()
    for p in programmes {
      j.beginObject()
      j.field("key", p.key)
      j.field("selected", p.selected)
      j.field("reserve", p.reserve)
      j.field("quota", p.quota)
      j.field("unfilled", p.unfilled)
      j.endObject()
    }
    j.endArray()
    j.key("rewards")
    j.beginObject()
    j.field("budget", budget)
    j.field("granted", granted)
    j.field("entitled", entitled)
    j.field("unpaid", unpaid)
    j.endObject()
    j.field("warnings", warnings)
    if let ledgerRun {
      j.field("ledger_run", ledgerRun)
      j.field("ledger_seconds", ((ledgerSeconds ?? 0) * 1000).rounded() / 1000)
    }
    j.endObject()
    return j.text
  }
}
