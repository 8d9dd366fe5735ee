import Criteria
import Model
import Testing

/// The messages of rule expressions (syntax, names, types), AHP judgements, the TOML
/// parser and `--set` in both languages, at the same position (issue #16).
@Suite struct RuleAndSyntaxMessageTests {
  static func rendered(_ text: String) -> [(zh: String, en: String)] {
    guard case .failure(let f) = CriteriaLoader.parse(text, source: "c.toml") else { return [] }
    return f.diagnostics.diagnostics.map { ($0.rendered(.zh), $0.rendered(.en)) }
  }

  /// The base file with one star level whose requirement is `rule` (line 38).
  static func star(_ rule: String) -> String {
    Fixture.base + "[stars]\n[[stars.level]]\nstars = 1\nmin_score = 10\nrequire = '\(rule)'\n"
  }

  /// Three criteria weighted by AHP with `matrix` (rows of TOML) at line 40.
  static func ahp(_ matrix: String) -> String {
    Fixture.base.replacingOccurrences(of: "weight = 0.6\n", with: "").replacingOccurrences(of: "weight = 0.4\n", with: "")
      + "[criteria.c]\ncolumn = \"y\"\n\n[weighting]\nmethod = \"ahp\"\n\n[weighting.ahp]\norder = [\"a\", \"b\", \"c\"]\nmatrix = \(matrix)\n"
  }

  @Test(arguments: [
    (
      star("x"),
      "c.toml:38: stars.level[0].require: x 是数值，不是条件；请对它作比较（如 x >= 60）或组合条件",
      "c.toml:38: stars.level[0].require: x is a number, not a condition; compare it (e.g. x >= 60) or combine conditions"
    ),
    (
      star("name >= 15"),
      "c.toml:38: stars.level[0].require: name >= 15 将 text 类型的列 name 与 数值 15 相比较（类型不同）",
      "c.toml:38: stars.level[0].require: name >= 15 compares text column name with the number 15"
    ),
    (
      star("industry in [[\"a\"], \"b\"]"),
      "c.toml:38: stars.level[0].require: industry in [[\"a\"], \"b\"]：列表不能嵌套",
      "c.toml:38: stars.level[0].require: industry in [[\"a\"], \"b\"]: lists cannot be nested"
    ),
    (
      star("rank <= 3"),
      "c.toml:38:12: stars.level[0].require: \"rank\" 不能用于星级要求（星级在排名和项目遴选之前评定）",
      "c.toml:38:12: stars.level[0].require: \"rank\" cannot be used in a star requirement (stars are awarded before ranks and programmes)"
    ),
    (
      star("x not 1"),
      "c.toml:38:18: stars.level[0].require: 'not' 后应为 'in'，实际为 '1'",
      "c.toml:38:18: stars.level[0].require: expected 'in' after 'not', found '1'"
    ),
    (
      star("(x > 1"),
      "c.toml:38:18: stars.level[0].require: 应为 ')' 以闭合第 1 列的 '('，实际为 表达式结尾",
      "c.toml:38:18: stars.level[0].require: expected ')' to close '(' at column 1, found end of expression"
    ),
    (
      star("x > 1 y"),
      "c.toml:38:18: stars.level[0].require: 此处应为 'and'、'or' 或表达式结尾，实际为 'y'",
      "c.toml:38:18: stars.level[0].require: expected 'and', 'or' or end of expression, found 'y'"
    ),
    (
      ahp("[[1, 3, \"1/5\"], [\"1/3\", 1, 3], [5, \"1/3\", 1]]"),
      "c.toml:40: weighting.ahp.matrix: 判断矩阵不一致：CR = 1.5845 ≥ max_cr 0.1（λmax = 4.8380，CI = 0.9190，RI = 0.58）；请修改判断，或设置 accept_inconsistent = true",
      "c.toml:40: weighting.ahp.matrix: inconsistent judgements: CR = 1.5845 ≥ max_cr 0.1 (λmax = 4.8380, CI = 0.9190, RI = 0.58); revise the judgements or set accept_inconsistent = true"
    ),
    (
      ahp("[[1, 3, 5], [3, 1, 3], [\"1/5\", \"1/3\", 1]]"),
      "c.toml:40: weighting.ahp.matrix[1][0]: 不互为倒数：matrix[1][0] = 3，而 1/matrix[0][1] = 0.3333333333333333（两者之差须在 1e-6 以内；分数请写成 \"p/q\"）",
      "c.toml:40: weighting.ahp.matrix[1][0]: not reciprocal: matrix[1][0] = 3 but 1/matrix[0][1] = 0.3333333333333333 (must agree within 1e-6; write fractions as \"p/q\")"
    ),
  ])
  func rulesAndJudgements(_ text: String, _ zh: String, _ en: String) {
    let r = Self.rendered(text)
    #expect(r.first?.zh == zh)
    #expect(r.first?.en == en)
  }

  /// toml++'s messages: a Chinese sentence per kind, its English kept, at LINE:COLUMN.
  @Test(arguments: [
    (
      Fixture.base + "[aggregation\nmethod = 1\n",
      "c.toml:34:13: TOML 语法错误（解析表头时）：此处应为 ']'，实际为 '\\n'",
      "c.toml:34:13: Error while parsing table header: expected ']', saw '\\n'"
    ),
    (
      Fixture.base + "[aggregation]\nmethod = [\"topsis\"",
      "c.toml:35:19: TOML 语法错误（解析数组时）：文件意外结束（引号、括号或表未闭合？）",
      "c.toml:35:19: Error while parsing array: encountered end-of-file"
    ),
    (
      Fixture.base + "[criteria.a]\n",
      "c.toml:34:1: TOML 语法错误（解析表头时）：不能重复定义已有的表 'criteria.a'（同一个表头只能出现一次）",
      "c.toml:34:1: Error while parsing table header: cannot redefine existing table 'criteria.a'"
    ),
    (
      Fixture.base + "[aggregation]\nmethod = topsis\n",
      "c.toml:35:11: TOML 语法错误（解析布尔值时）：此处应为 'true'，实际为 'to'",
      "c.toml:35:11: Error while parsing boolean: expected 'true', saw 'to'"
    ),
    (
      Fixture.base + "[aggregation]\nmethod = wsum\n",
      "c.toml:35:10: TOML 语法错误（解析值时）：无法确定值的类型（文字须加引号，如 \"topsis\"）",
      "c.toml:35:10: Error while parsing value: could not determine value type"
    ),
    (
      Fixture.base + "[aggregation]\nmethod = \"topsis\n",
      "c.toml:35:17: TOML 语法错误（解析字符串时）：字符串中不能有未转义的控制字符（制表符除外）：是否少了结束的引号？",
      "c.toml:35:17: Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited"
    ),
  ])
  func tomlSyntax(_ text: String, _ zh: String, _ en: String) {
    let r = Self.rendered(text)
    #expect(r.count == 1)
    #expect(r.first?.zh == zh)
    #expect(r.first?.en == en)
  }

  @Test func setMessages() {
    for (text, zh, en) in [
      ("groups.a.weight", "--set groups.a.weight：应写成 KEY.PATH=VALUE，如 --set groups.efficiency.weight=0.30",
       "--set groups.a.weight: expected KEY.PATH=VALUE, e.g. --set groups.efficiency.weight=0.30"),
      ("a\tb=1", "--set：KEY.PATH=VALUE 中不能有控制字符（换行、制表符等）",
       "--set: control characters (line breaks, tabs …) are not allowed in KEY.PATH=VALUE"),
    ] {
      do {
        _ = try Override.parse(text)
        Issue.record("\(text) parsed")
      } catch {
        let d = error.diagnostics.diagnostics.first
        #expect(d?.text.zh == zh)
        #expect(d?.text.en == en)
      }
    }
  }
}
