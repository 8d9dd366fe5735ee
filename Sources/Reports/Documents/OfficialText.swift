import Criteria
import Foundation
import Model
import Scoring

/// Text for officials, defined once for every document: rules with 且/或/非 and ≥ ≤ ≠,
/// amounts with thousands separators and 元, weights as percentages, dates in Chinese form
/// (Beijing time), raw values with their units.
enum OfficialText {
  /// A rule as officials read it: official names, `≥ ≤ ≠ =`, and (Chinese) 且/或/非 for
  /// and/or/not outside quoted values.
  static func rule(_ expr: Expr, spec: Spec, english: Bool) -> String {
    OfficialNames.shown(expr, spec: spec, english: english)
  }

  /// `and`/`or`/`not` written as 且/或/非, quoted text left alone (`Expr.withChineseConnectives`).
  static func connectives(_ text: String) -> String { Expr.withChineseConnectives(text) }

  /// Yuan with thousands separators and the unit: "2,750,000 元" (two decimals only when there are cents).
  static func yuan(_ x: Double, english: Bool = false) -> String {
    let t = ReportModel.money(x)
    let trimmed = t.hasSuffix(".00") ? String(t.dropLast(3)) : t
    return english ? trimmed + " yuan" : trimmed + " 元"
  }

  /// A weight as a percentage with up to two decimals: 0.1125 → "11.25%", 0.04 → "4%".
  static func percent(_ w: Double) -> String { formatTrimmed(w * 100, decimals: 2) + "%" }

  /// Beijing time (UTC+8), the time zone of every date officials read.
  static let beijing = TimeZone(secondsFromGMT: 8 * 3600)!

  /// "2026年12月6日" (Chinese) or "6 December 2026", Beijing time.
  static func date(_ d: Date, english: Bool = false) -> String {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = beijing
    let c = cal.dateComponents([.year, .month, .day], from: d)
    if english {
      let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
      return "\(c.day ?? 1) \(months[max(0, min(11, (c.month ?? 1) - 1))]) \(c.year ?? 1970)"
    }
    return "\(c.year ?? 1970)年\(c.month ?? 1)月\(c.day ?? 1)日"
  }

  /// "2026年12月6日 20:15（北京时间）": the date with the time of day.
  static func dateTime(_ d: Date, english: Bool = false) -> String {
    var cal = Calendar(identifier: .gregorian)
    cal.timeZone = beijing
    let c = cal.dateComponents([.hour, .minute], from: d)
    let hm = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    return english ? "\(date(d, english: true)) \(hm) (Beijing time)" : "\(date(d)) \(hm)（北京时间）"
  }

  /// A raw value with up to two decimals and the column's unit: "35.2%", "1,289.86 万元" → "1289.86万元".
  static func raw(_ x: Double?, unit: String?) -> String {
    guard let x, x.isFinite else { return "—" }
    let v = formatTrimmed(x, decimals: 2)
    return v + (unit ?? "")
  }

  /// The unit of a criterion's column ("" when none).
  static func unit(_ c: CriterionSpec, spec: Spec) -> String { spec.column(c.column)?.unit ?? "" }

  /// "前 5%" style standing: the share rounded up to a whole percent.
  static func standing(_ share: Double, english: Bool) -> String {
    let pct = max(1, Int((share * 100).rounded(.up)))
    return english ? "top \(pct)%" : "全市前 \(pct)%"
  }

  /// Name of a missing-value policy as the report discloses it.
  static func policy(_ p: MissingPolicy, english: Bool) -> String {
    switch p {
    case .worst: return english ? "scored as the worst value" : "按最差值计"
    case .mean: return english ? "imputed with the mean" : "以均值补齐"
    case .median: return english ? "imputed with the median" : "以中位数补齐"
    case .zero: return english ? "counted as zero" : "按零计"
    case .exclude: return english ? "left out of the ranking" : "不参与排名"
    case .reject: return english ? "an error" : "报错"
    case .allow: return english ? "kept empty" : "保留空值"
    }
  }
}

/// An ISO 8601 UTC time as the ledger records it (`2026-12-07T00:43:34Z`) in Beijing time to
/// the minute (`2026-12-07 08:43`), as an office reads it; the text itself when it is not
/// such a time.
public func beijingMinute(iso8601 text: String) -> String {
  guard let d = ISO8601DateFormatter().date(from: text) else { return text }
  var cal = Calendar(identifier: .gregorian)
  cal.timeZone = OfficialText.beijing
  let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
  return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0)
}
