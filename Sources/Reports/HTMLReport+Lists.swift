import Criteria
import Model
import Scoring
import Selection

extension HTMLReport {
  /// 三、推荐名单: per programme, its rule, then the final list and the reserves with reasons.
  static func lists(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let en = m.labels.english
    try sink.write("<section class=\"lists\">\n<h2>\(t(m, "三、推荐名单", "3. Lists"))</h2>\n")
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    for (p, d) in m.decision.programmes.enumerated() {
      let spec = m.spec.programmes.first { $0.key == d.key }
      let n = p < numerals.count ? numerals[p] : String(p + 1)
      try sink.write("<section class=\"programme\">\n<h3>\(t(m, "（\(n)）", "\(p + 1). "))\(HTML.escape(m.programmeName(d.key)))</h3>\n<p class=\"sub\">")
      if let spec {
        var facts = [m.labels.levelName(spec.level), t(m, "名额 \(spec.quota) 家", "quota \(spec.quota)"), t(m, "候补 \(spec.reserves) 家", "reserves \(spec.reserves)")]
        if let e = spec.eligible { facts.append(t(m, "条件：", "rule: ") + OfficialText.rule(e, spec: m.spec, english: en)) }
        if let from = spec.from { facts.append(t(m, "从“\(m.programmeName(from))”中推荐", "drawn from \(m.programmeName(from))")) }
        if !spec.caps.isEmpty {
          let caps = spec.caps.sorted { $0.key < $1.key }.map { k, v in
            let c = m.spec.column(k)
            return t(m, "每个\((c?.label ?? c?.headers.first ?? k).replacingOccurrences(of: "所属", with: ""))至多 \(v) 家", "at most \(v) per \(k)")
          }
          facts.append(caps.joined(separator: en ? ", " : "、"))
        }
        if spec.reward > 0 { facts.append(t(m, "奖励 \(OfficialText.yuan(spec.reward))/家", "reward \(OfficialText.yuan(spec.reward, english: true)) each")) }
        try sink.write(HTML.escape(facts.joined(separator: " · ")))
      }
      try sink.write("</p>\n")
      let entries = m.listEntries(p)
      guard !entries.isEmpty else {
        try sink.write("<p class=\"note\">\(t(m, "无符合条件的企业。", "No enterprise meets the rules."))</p>\n</section>\n")
        continue
      }
      let paysReward = entries.contains { $0.reward > 0 || $0.unpaid > 0 }
      // Widths for 8 pt text: 候补N, a 5-character district or industry (经济开发区, 汽车零部件) on one line.
      try sink.write("<table class=\"list\">\n<colgroup><col style=\"width:10mm\"><col style=\"width:30mm\"><col style=\"width:33mm\">")
      try sink.write("<col style=\"width:17mm\"><col style=\"width:17mm\"><col style=\"width:11mm\"><col style=\"width:8mm\">")
      try sink.write(paysReward ? "<col style=\"width:18mm\"><col></colgroup>\n" : "<col></colgroup>\n")
      try sink.write("<thead><tr><th>\(t(m, "序号", "No."))</th><th>\(t(m, "企业名称", "Name"))</th><th>\(HTML.escape(CSVReports.idHeader(m)))</th>")
      try sink.write("<th>\(t(m, "区域", "District"))</th><th>\(t(m, "行业", "Industry"))</th><th>\(t(m, "得分", "Score"))</th><th>\(t(m, "星级", "Stars"))</th>")
      if paysReward { try sink.write("<th>\(t(m, "奖励", "Reward"))</th>") }
      try sink.write("<th>\(t(m, "推荐理由 / 备注", "Reason / note"))</th></tr></thead>\n<tbody>\n")
      for e in entries {
        let f = m.facts.rows[e.row]
        let no = e.status == .selected ? String(e.position) : t(m, "候补\(e.position)", "R\(e.position)")
        var reason = HTML.escape(e.reason)
        if !e.note.isEmpty { reason += "<br><span class=\"note\">\(HTML.escape(e.note))</span>" }
        let ev = m.evaluation
        try sink.write("<tr class=\"\(e.status == .selected ? "selected" : "reserve")\"><td class=\"nw\">\(no)</td><td>\(HTML.escape(ev.labels[e.row]))</td>")
        try sink.write("<td class=\"id\">\(HTML.escape(ev.ids[e.row]))</td><td class=\"nw\">\(HTML.escape(f?.district ?? ""))</td><td class=\"nw\">\(HTML.escape(f?.industry ?? ""))</td>")
        try sink.write("<td class=\"n\">\(ev.rank[e.row] > 0 ? m.scoreText(ev.score[e.row]) : "")</td><td class=\"n\">\(ev.rank[e.row] > 0 ? String(ev.stars[e.row]) : "")</td>")
        if paysReward { try sink.write("<td class=\"n\">\(e.reward > 0 ? OfficialText.yuan(e.reward, english: en) : "—")</td>") }
        try sink.write("<td>\(reason)</td></tr>\n")
      }
      try sink.write("</tbody>\n</table>\n</section>\n")
    }
    try sink.write("</section>\n")
  }

  /// 四、奖励与预算: totals per source, the budget, and the enterprises owed an unpaid reward.
  static func rewards(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    let en = m.labels.english
    let r = m.decision.rewards
    try sink.write("<section class=\"rewards\">\n<h2>\(t(m, "四、奖励与预算", "4. Rewards and budget"))</h2>\n<p>\(HTML.escape(budgetText(m)))</p>\n")
    var order: [String] = []
    var totals: [String: (count: Int, entitled: Double, granted: Double)] = [:]
    for a in r.awards where !a.superseded {
      if totals[a.source] == nil { order.append(a.source) }
      let o = totals[a.source] ?? (0, 0, 0)
      totals[a.source] = (o.count + 1, o.entitled + a.entitled, o.granted + a.granted)
    }
    if !order.isEmpty {
      try sink.write("<table class=\"keep\">\n<thead><tr><th>\(t(m, "奖励项目", "Award"))</th><th>\(t(m, "企业数", "Enterprises"))</th>")
      try sink.write("<th>\(t(m, "应发", "Earned"))</th><th>\(t(m, "实发", "Paid"))</th></tr></thead>\n<tbody>\n")
      for s in order {
        let v = totals[s]!
        try sink.write("<tr><td>\(HTML.escape(m.awardSourceName(s)))</td><td class=\"n\">\(v.count)</td>")
        try sink.write("<td class=\"n\">\(OfficialText.yuan(v.entitled, english: en))</td><td class=\"n\">\(OfficialText.yuan(v.granted, english: en))</td></tr>\n")
      }
      try sink.write("<tr><th>\(t(m, "合计", "Total"))</th><td></td><td class=\"n\">\(OfficialText.yuan(r.totalEntitled, english: en))</td>")
      try sink.write("<td class=\"n\">\(OfficialText.yuan(r.totalGranted, english: en))</td></tr>\n</tbody>\n</table>\n")
    }
    let owed = m.shortfall
    if !owed.isEmpty {
      // Named up to 30 (the page must not grow with the enterprises); every one is on the
      // workbook's 奖励 sheet and in results.json.
      let limit = min(30, max(0, m.options.htmlTopRows))
      try sink.write("<h3>\(t(m, "预算不足未足额发放的企业", "Enterprises the budget did not pay in full"))</h3>\n<table>\n<thead><tr>")
      try sink.write("<th>\(t(m, "排名", "Rank"))</th><th>\(t(m, "企业名称", "Name"))</th><th>\(t(m, "奖励项目", "Award"))</th>")
      try sink.write("<th>\(t(m, "应得", "Earned"))</th><th>\(t(m, "实发", "Paid"))</th><th>\(t(m, "未发", "Unpaid"))</th></tr></thead>\n<tbody>\n")
      for a in owed.prefix(limit) {
        let rank = m.evaluation.rank[a.row]
        try sink.write("<tr><td class=\"n\">\(rank > 0 ? String(rank) : "")</td><td>\(HTML.escape(m.evaluation.labels[a.row]))</td>")
        try sink.write("<td class=\"nw\">\(HTML.escape(m.awardSourceName(a.source)))</td><td class=\"n\">\(OfficialText.yuan(a.entitled, english: en))</td>")
        try sink.write("<td class=\"n\">\(OfficialText.yuan(a.granted, english: en))</td><td class=\"n\">\(OfficialText.yuan(a.entitled - a.granted, english: en))</td></tr>\n")
      }
      try sink.write("</tbody>\n</table>\n")
      if owed.count > limit { try sink.write("<p class=\"note\">\(HTML.escape(t(m, "……其余 \(owed.count - limit) 项见 recommendations.xlsx“奖励”表（预算不足未发列）和 results.json", "… \(owed.count - limit) more on the workbook's Rewards sheet and in results.json")))</p>\n") }
    }
    try sink.write("</section>\n")
  }

  /// 五、审核意见: the committee's and the issuing body's signatures.
  static func approval(_ m: ReportModel, _ sink: ByteSink) throws(ReportError) {
    try sink.write("<section class=\"approval keep\">\n<h2>\(t(m, "五、审核意见", "5. Approval"))</h2>\n<table class=\"sign\">\n")
    let rows = [
      t(m, "评审委员会意见", "Committee"), t(m, "评审委员会主任（签字）", "Chair (signature)"),
      t(m, "发文单位意见（盖章）", "Issuing body (seal)"), t(m, "日期", "Date"),
    ]
    for r in rows { try sink.write("<tr><th>\(r)</th><td></td></tr>\n") }
    try sink.write("</table>\n</section>\n")
  }
}
