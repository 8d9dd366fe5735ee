import Model

/// The Chinese of the short English phrases the criteria decoder puts into its messages:
/// what a key expects (`"an integer ≥ 0"`), what it found (`"a string"`) and the noun of a
/// choice (`"weighting method"`). The helpers (`typeError`, `choice`, `integer`, `number`)
/// take these phrases from many call sites; one table keeps them translated. A phrase not
/// listed stays in English inside the Chinese message.
enum CriteriaPhrases {
  /// Longest first, so `"a string or an array of strings"` wins over `"a string"`.
  static let table: [(String, String)] = [
    ("a string or an array of strings", "字符串或字符串数组"),
    ("an array of tables", "表数组"), ("an array of strings", "字符串数组"), ("an array of rows", "行组成的数组"),
    ("an array of", "数组，含"), ("an array", "数组"), ("a string", "字符串"), ("true or false", "true 或 false"),
    ("an integer", "整数"), ("a number", "数字"), ("a boolean", "布尔值"), ("a table", "表"), ("a date/time", "日期/时间"),
    ("a year", "年份"), ("a share", "比例"), ("a score on the scale", "评分，量程"), ("quantiles", "分位数"),
    ("[low, high] with low ≤ high", "[下限, 上限]，且下限 ≤ 上限"), ("[low, high] with low < high", "[下限, 上限]，且下限 < 上限"),
    ("[low, high]", "[下限, 上限]"), (" numbers", " 个数字"), (" from ", " 取值 "), (" to ", " 至 "), (" in ", " 取值于 "),
    (" with ", "，且 "),
  ]

  static let nouns: [String: String] = [
    "aggregation method": "汇总方法", "allocation": "分配方式", "column type": "列类型", "direction": "方向",
    "missing policy": "缺失策略", "missing-value policy": "缺失值策略", "normalisation": "标准化方法",
    "programme level": "项目级别", "review aggregation": "评审汇总方式", "stacking": "叠加方式",
    "uncertainty model": "不确定性模型", "weighting method": "赋权方法", "programme": "项目", "criterion": "指标",
    "group": "分组", "column": "列",
  ]

  /// `phrase` in Chinese (replacing the known parts; the rest, numbers and symbols, kept).
  static func zh(_ phrase: String) -> String {
    if let n = nouns[phrase] { return n }
    var out = phrase
    for (en, zh) in table where out.contains(en) { out = out.replacing(en, with: zh) }
    return out
  }

  /// A node of the criteria tree as messages name it: `the root` → 根节点, `group "x"` → 分组 "x".
  static func node(_ name: String) -> String {
    name == "the root" ? "根节点" : name.hasPrefix("group ") ? "分组 " + name.dropFirst(6) : name
  }

  /// `"expected X, found Y"` in both languages.
  static func expected(_ what: String, found: String) -> Message {
    Message(zh: "应为\(zh(what))，实际为 \(zh(found))", en: "expected \(what), found \(found)")
  }
}
