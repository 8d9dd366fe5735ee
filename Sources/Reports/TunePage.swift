import Criteria
import Model

/// `exemplar tune`'s page: one self-contained HTML document (inline CSS and script,
/// nothing fetched but the server's own `/api/…`), holding the sliders' model and the
/// nominal result as JSON; the script (`TunePage.script`) draws both, fetches the sliders'
/// stability bands (`/api/stability`, computed after the page was served) and asks the
/// server again, debounced, whenever a slider or a method moves.
public enum TunePage {
  /// The page for `knobs`, showing `initial` (a `TuneReport.result` of the nominal run).
  /// - Parameters:
  ///   - command: the `exemplar run …` prefix the `--set` arguments are appended to.
  ///   - fixed: the nodes whose children's weights are derived (equal, AHP, entropy …), with the method: no sliders.
  ///   - aggregation: the nominal aggregation method's name.
  ///   - saveAs: the file name the "download the criteria file" button suggests.
  public static func html(
    title: String, knobs: [TuneKnob], fixed: [(node: String, label: String, method: String)] = [], aggregation: String, command: String,
    initial: String, english: Bool, saveAs: String = "criteria-tuned.toml"
  ) -> String {
    var j = JSONText()
    j.beginObject()
    j.field("title", title)
    j.field("command", command)
    j.field("saveAs", saveAs)
    j.field("aggregation", aggregation)
    j.field("aggregations", strings: AggregationMethod.names)
    j.field("knobs", objects: knobs) { j, k in
      j.field("path", k.path)
      j.field("kind", k.kind)
      j.field("key", k.key)
      j.field("label", k.label)
      j.field("parent", k.parent)
      j.field("parentLabel", k.parentLabel)
      j.field("nominal", k.nominal)
    }
    j.field("fixed", objects: fixed) { j, f in
      j.field("node", f.node)
      j.field("label", f.label)
      j.field("method", f.method)
    }
    j.key("text")
    j.beginObject()
    for (key, zh, en) in texts { j.field(key, english ? en : zh) }
    j.endObject()
    j.endObject()
    let lang = english ? "en" : "zh-CN"
    return """
      <!DOCTYPE html>
      <html lang="\(lang)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(title)) · \(english ? "tuning" : "权重调试")</title>
      <style>
      \(css)</style>
      </head>
      <body>
      <header><h1>\(HTML.escape(title))</h1><p class="sub" id="status"></p></header>
      <main>
      <aside id="controls"></aside>
      <section id="results">
      <div id="errors" hidden></div>
      <div id="summary"></div>
      <div id="copy"></div>
      <div id="programmes"></div>
      </section>
      </main>
      <script type="application/json" id="model">\(scriptSafe(j.text))</script>
      <script type="application/json" id="initial">\(scriptSafe(initial))</script>
      <script>
      \(script)\(chartScript)\(boot)</script>
      </body>
      </html>

      """
  }

  /// JSON inside `<script>`: `</` written `<\/` (the same JSON string), so no text ends the element.
  static func scriptSafe(_ json: String) -> String { json.replacing("</", with: "<\\/") }

  /// The page's words: key, Chinese, English.
  static let texts: [(String, String, String)] = [
    ("groupWeights", "维度权重（根节点）", "Group weights (root)"),
    ("criteriaOf", "指标权重：", "Criterion weights: "),
    ("method", "方法", "Method"),
    ("aggregation", "集成方法", "Aggregation"),
    ("reset", "恢复文件原值", "Reset to the file"),
    ("file", "文件", "file"),
    ("effective", "归一后", "rescaled"),
    ("final", "最终权重", "final"),
    ("recalc", "重算用时", "recalculated in"),
    ("ranked", "参评", "ranked"),
    ("stars", "星级分布", "Stars"),
    ("selected", "入选", "selected"),
    ("reserve", "候补", "reserve"),
    ("entered", "新进", "entered"),
    ("left", "退出", "left"),
    ("leftList", "退出名单（与文件原值相比）", "Left the list (against the file)"),
    ("rank", "排名", "rank"),
    ("was", "原", "was"),
    ("score", "得分", "score"),
    ("name", "企业", "enterprise"),
    ("reason", "原因", "reason"),
    ("none", "无变化", "no change"),
    ("setArgs", "等效命令行（--set）", "The same run on the command line (--set)"),
    ("toml", "写回准则文件的 TOML", "TOML to write back into the criteria file"),
    ("copyBtn", "复制", "Copy"),
    ("download", "下载修改后的准则文件", "Download the changed criteria file"),
    ("granted", "奖励发放", "rewards granted"),
    ("budget", "预算", "budget"),
    ("error", "无法计算：", "Cannot recalculate: "),
    ("root", "维度权重（根节点）", "Group weights (root)"),
    ("derived", "权重由方法导出，无滑块：", "weights derived, no sliders: "),
    ("stable", "名单不变区间", "lists unchanged in"),
    ("stableNote", "绿色段（滑块下方的细条同）：其他权重取文件值时，该权重在此范围内各名单不变；标 ≈ 者为保守区间（规则读取星级或得分）。鼠标停在滑块上可见两端将发生的名单变化。", "Green band (also the strip under the slider): while the other weights keep the file's values, every list stays the same for this weight inside it; ≈ marks a conservative band (a rule reads stars or scores). Hover over a slider for the list change at each end."),
    ("bandsWait", "正在计算各权重的名单不变区间（绿色段）……", "Computing each weight's list-stability band (green)…"),
    ("bandsFailed", "名单不变区间未能取得：", "The stability bands could not be fetched:"),
    ("bandsTime", "不变区间用时", "bands in"),
    ("replaces", "替换", "replaces"),
    ("slope", "排名变化", "Rank changes"),
    ("slopeSub", "各名单入选与候补企业：文件原值排名 → 当前排名", "enterprises on or near the lists: rank under the file → rank now"),
    ("slopeWas", "文件原值", "file"),
    ("slopeNow", "当前", "now"),
    ("moved", "换了名单", "changed lists"),
    ("same", "名单未变", "same lists"),
    ("close", "关闭", "Close"),
    ("cardNote", "按当前滑块取值，与 exemplar explain --id 的输出相同。", "For the sliders as they are now; the same text as exemplar explain --id."),
    ("clickCard", "点击查看该企业的得分说明", "Click for this enterprise's explanation"),
    ("rule", "未改动的权重按文件规则归一（normalise = true）。", "Weights are rescaled to sum 1 within their group (normalise = true), as the criteria file's rules say."),
  ]
}
