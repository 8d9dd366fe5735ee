import CXlsxWriter
import Criteria
import Model
import Scoring
import Selection

extension XLSXReport {
  /// Star levels with counts, then the enterprises with at least one star and their gap to
  /// the next level, up to `excelStarRows` (every enterprise's stars are on the 排名 sheet,
  /// every gap in results.json).
  func starsSheet() throws(ReportError) {
    let s = try book.addSheet(m.labels.sheetStars)
    let L = m.labels
    let ev = m.evaluation
    var counts = [Int](repeating: 0, count: 6)
    for row in ev.order where (0...5).contains(ev.stars[row]) { counts[ev.stars[row]] += 1 }
    let starred = ev.order.filter { ev.stars[$0] > 0 }
    let levelRows = m.spec.stars.levels.count
    let listStart = levelRows + 2
    let rows = min(starred.count, XLSXWorkbook.maxRows - listStart - 2, max(0, m.options.excelStarRows))
    // Widths, freeze and the autofilter (over the enterprise list) come before any row.
    s.header([], widths: [8, 22, 30, 10, 8, 16, 40], dataRows: 0, freeze: false, nil)
    book.check(
      worksheet_autofilter(s.ws, lxw_row_t(listStart), 0, lxw_row_t(listStart + max(rows, 1)), 6), "sheet '\(s.name)' autofilter")
    s.printSetup(headerRow: listStart, english: L.english)
    for (c, t) in [L.stars, L.level, L.minScore, L.count, "", "", L.requirement].enumerated() { s.text(0, c, t, headerFormat) }
    for (i, level) in m.spec.stars.levels.enumerated() {
      let r = i + 1
      s.number(r, 0, Double(level.stars), integerFormat)
      s.text(r, 1, level.label)
      s.number(r, 2, level.minScore, scoreFormat)
      s.number(r, 3, Double((0...5).contains(level.stars) ? counts[level.stars] : 0), integerFormat)
      let requirement = level.require.map { OfficialNames.shown($0, spec: m.spec, english: L.english) }
      s.text(r, 6, requirement ?? level.requireText.map(Expr.withOfficialOperators) ?? "")
    }
    let titles = [L.rank, CSVReports.idHeader(m), CSVReports.nameHeader(m), L.score, L.stars, L.pointsShort, L.unmet]
    for (c, t) in titles.enumerated() { s.text(listStart, c, t, headerFormat) }
    for (i, row) in starred.prefix(rows).enumerated() {
      let r = listStart + 1 + i
      s.number(r, 0, Double(ev.rank[row]), integerFormat)
      s.idAndLabel(r, 1, row: row, of: ev)
      s.number(r, 3, ev.score[row], decimals: XLSXReport.storedDecimals, scoreFormat)
      s.number(r, 4, Double(ev.stars[row]), integerFormat)
      if row < ev.starGap.count, let gap = ev.starGap[row] {
        s.number(r, 5, gap.pointsShort, decimals: XLSXReport.storedDecimals, scoreFormat)
        s.text(r, 6, gap.unmet(shown: starRequirementTexts).joined(separator: L.english ? "; " : "；"))
      }
    }
    if starred.count > rows { s.text(listStart + rows + 2, 0, L.moreOnRankingSheet(starred.count - rows), bold) }
  }

  /// Every award (rank order), then totals, budget and remaining budget.
  func rewardsSheet() throws(ReportError) {
    let s = try book.addSheet(m.labels.sheetRewards)
    let L = m.labels
    let awards = m.decision.rewards.awards
    let rows = min(awards.count, XLSXWorkbook.maxRows - 6)
    // 未发: what the budget left unpaid of each award (the shortfall, named per enterprise).
    let unpaidTitle = L.english ? "Unpaid (yuan)" : "预算不足未发（元）"
    s.header(
      [L.rank, CSVReports.idHeader(m), CSVReports.nameHeader(m), L.award, L.entitled, L.granted, unpaidTitle],
      widths: [7, 22, 30, 22, 16, 16, 18], dataRows: rows, headerFormat)
    s.printSetup(english: L.english)
    for (i, a) in awards.prefix(rows).enumerated() {
      let r = i + 1
      if m.evaluation.rank[a.row] > 0 { s.number(r, 0, Double(m.evaluation.rank[a.row]), integerFormat) }
      s.idAndLabel(r, 1, row: a.row, of: m.evaluation)
      s.text(r, 3, m.awardSourceName(a.source))
      s.number(r, 4, a.entitled, moneyFormat)
      s.number(r, 5, a.granted, moneyFormat)
      if !a.superseded, a.entitled > a.granted { s.number(r, 6, a.entitled - a.granted, moneyFormat) }
    }
    let rw = m.decision.rewards
    var r = rows + 2
    s.text(r, 3, L.total, bold)
    s.number(r, 4, rw.totalEntitled, boldMoney)
    s.number(r, 5, rw.totalGranted, boldMoney)
    let unpaid = m.shortfall.reduce(0) { $0 + ($1.entitled - $1.granted) }
    if unpaid > 0 { s.number(r, 6, unpaid, boldMoney) }
    r += 1
    s.text(r, 3, L.budget, bold)
    if let b = rw.budget { s.number(r, 5, b, boldMoney) } else { s.text(r, 5, L.unlimited, bold) }
    r += 1
    s.text(r, 3, L.remaining, bold)
    if let rem = rw.remaining { s.number(r, 5, rem, boldMoney) } else { s.text(r, 5, L.unlimited, bold) }
  }

  /// The method: evaluation, aggregation, weights per criterion with group path, derivation, manifest.
  func methodSheet() throws(ReportError) {
    let s = try book.addSheet(m.labels.sheetMethod)
    let L = m.labels
    let spec = m.spec
    let mf = m.manifest
    s.header([], widths: [22, 26, 28, 22, 22, 12], dataRows: 0, freeze: false, nil)
    var r = 0
    func pair(_ k: String, _ v: String) {
      s.text(r, 0, k, bold)
      s.text(r, 1, v)
      r += 1
    }
    s.printSetup(headerRow: nil, english: L.english)
    // Which sheets an office prints (the others hold every enterprise, for analysis), wrapped
    // across the sheet's width.
    let advice =
      L.english
        ? "Print the sheets whose names begin with \"Summary \" (one page wide, header on every page, page numbers); a programme's own sheet prints its selected and reserve list only; Ranking, Stars and Rewards hold every enterprise for analysis: printing the whole workbook runs to hundreds of pages."
        : "请打印名称以“汇总表-”开头的工作表（一页宽、每页重复表头、有页码）；各项目工作表只打印入选和候补名单；排名、星级、奖励等工作表含全部企业，供分析用：打印整个工作簿会有数百页。"
    s.fitRow(0, [(advice, 110)])
    s.text(0, 0, L.english ? "To print" : "打印", bold)
    book.check(worksheet_merge_range(s.ws, 0, 1, 0, 5, XLSXWorkbook.clean(advice), wrap), "sheet '\(s.name)' print advice")
    r = 1
    r += 1
    pair(L.evaluation, spec.evaluation.name)
    pair(L.year, String(spec.evaluation.year))
    pair(L.aggregation, L.aggregationName(spec.aggregation.method))
    pair(L.weighting, L.weightingName(spec.weighting.method))
    pair(L.score, "\(formatNumber(spec.evaluation.scale.lowerBound)) – \(formatNumber(spec.evaluation.scale.upperBound))")
    r += 1
    let percent = book.format { format_set_num_format($0, "0.00%") }
    let criterionName = L.english ? "Criterion name" : "指标名称"
    for (c, t) in [L.criterion, criterionName, L.groupPath, L.direction, L.normalisation, L.weight].enumerated() {
      s.text(r, c, t, headerFormat)
    }
    r += 1
    for (j, c) in spec.criteria.enumerated() {
      s.text(r, 0, c.key)
      s.text(r, 1, c.label)
      s.text(r, 2, m.criterionPaths[j])
      s.text(r, 3, L.directionName(c.direction))
      s.text(r, 4, L.normalisationName(c.normalisation))
      // Stored rounded (0.04, not 0.04000000000000001) and shown as a percentage, as the page shows it.
      if j < m.evaluation.weights.count { s.number(r, 5, m.evaluation.weights[j], decimals: 8, percent) }
      r += 1
    }
    r += 1
    s.text(r, 0, L.weightDerivation, bold)
    r += 1
    for node in m.evaluation.weightReport.nodes {
      let name = node.key.isEmpty ? (L.english ? "(root)" : "（根）") : m.groupLabel(node.key)
      var text = L.weightingName(node.method)
      if let a = node.ahp {
        text += "  λmax = \(formatFixed(a.lambdaMax, decimals: 4))  CI = \(formatFixed(a.ci, decimals: 4))"
        text += "  CR = \(formatFixed(a.cr, decimals: 4))  RI = \(formatFixed(a.ri, decimals: 2))"
      }
      pair(name, text)
    }
    if !m.options.policyWarnings.isEmpty {
      // Money and policy warnings, where the officials reading the workbook see them.
      r += 1
      s.text(r, 0, L.english ? "Policy warnings" : "政策提示", bold)
      r += 1
      for d in m.options.policyWarnings {
        pair("\(d.keyPath ?? "") (\(d.file):\(d.line))", d.text.text(L.english ? .en : .zh))
      }
    }
    r += 1
    s.text(r, 0, L.manifest, bold)
    r += 1
    pair(L.version, mf.version)
    pair(L.metricsFile, mf.metricsFile)
    pair(L.sha256, mf.metricsSHA256)
    pair(L.criteriaFile, mf.criteriaFile)
    pair(L.sha256, mf.criteriaSHA256)
    pair(L.seed, mf.seed.map { String($0) } ?? L.none)
    pair(L.rows, String(mf.rows))
    pair(L.time, mf.timeISO8601)
  }
}
