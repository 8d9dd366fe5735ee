import Criteria
import Model
import Testing

/// One test per error class: the exact `FILE:LINE: key.path: message` line.
/// `Fixture.base` has 33 lines; appended text starts at line 34.
@Suite struct ErrorTests {
  static let cases: [(name: String, toml: String, expected: [String])] = [
    ("toml syntax", Fixture.base + "[aggregation\nmethod = 1\n", [
        "c.toml:34:13: Error while parsing table header: expected ']', saw '\\n'",
      ]),
    ("unknown table", Fixture.base + "[scoring]\nx = 1\n", [
        "c.toml:34: scoring: unknown table \"scoring\"; allowed tables: evaluation, columns, groups, criteria, weighting, aggregation, ranking, stars, programmes, rewards, uncertainty, screening, reviews, documents",
      ]),
    ("unknown key", Fixture.base.replacingOccurrences(of: "weight = 0.6", with: "wieght = 0.6"), [
        "c.toml:29: criteria.a.wieght: unknown key \"wieght\" (did you mean \"weight\"?); allowed keys: column, label, direction, group, weight, normalise, goalposts, target, winsorise, missing",
        "c.toml:27: criteria.a.weight: required: the children of the root are weighted direct",
      ]),
    ("wrong type", Fixture.base.replacingOccurrences(of: "year = 2022", with: "year = \"2022\""), [
        "c.toml:3: evaluation.year: expected a year (1900…2200), found a string \"2022\"",
      ]),
    ("missing required", Fixture.base.replacingOccurrences(of: "column = \"y\"\n", with: ""), [
        "c.toml:31: criteria.b.column: required key is missing",
      ]),
    ("unknown method", Fixture.base + "[aggregation]\nmethod = \"topsys\"\n", [
        "c.toml:35: aggregation.method: unknown aggregation method \"topsys\" (did you mean \"topsis\"?); allowed: weighted-sum, weighted-product, topsis, vikor",
      ]),
    ("unknown normalisation", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"x\"\nnormalise = \"minmax\""), [
        "c.toml:29: criteria.a.normalise: unknown normalisation \"minmax\" (did you mean \"min-max\"?); allowed: min-max, z-score, vector, sum, max, goalposts, rank, target",
      ]),
    ("unknown column", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"xx\""), [
        "c.toml:28: criteria.a.column: unknown column \"xx\"; declared columns: uscc, name, industry, x, y",
      ]),
    ("non-numeric criterion column", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"industry\""), [
        "c.toml:28: criteria.a.column: column \"industry\" has type category; a criterion needs a number or integer column",
      ]),
    ("goalposts required", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"x\"\nnormalise = \"goalposts\""), [
        "c.toml:27: criteria.a.goalposts: required with normalise = \"goalposts\"",
      ]),
    ("target without method", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"x\"\ntarget = 3"), [
        "c.toml:29: criteria.a.target: target applies only with normalise = \"target\", not \"min-max\"",
      ]),
    ("winsorise bounds", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"x\"\nwinsorise = [0.5, 1.5]"), [
        "c.toml:29: criteria.a.winsorise: expected [low, high] quantiles with 0 ≤ low < high ≤ 1, found [0.5, 1.5]",
      ]),
    ("weights do not sum to 1", Fixture.base.replacingOccurrences(of: "weight = 0.4", with: "weight = 0.3") + "[weighting]\nmethod = \"direct\"\n", [
        "c.toml:34: weighting: the weights of the root's children sum to 0.9, not 1 (a 0.6 + b 0.3); fix them or set normalise = true",
      ]),
    ("direct weight missing", Fixture.base.replacingOccurrences(of: "weight = 0.4\n", with: ""), [
        "c.toml:31: criteria.b.weight: required: the children of the root are weighted direct",
      ]),
    ("unknown group", Fixture.base.replacingOccurrences(of: "column = \"x\"", with: "column = \"x\"\ngroup = \"efect\"") + "[groups.effect]\nweight = 1\n", [
        "c.toml:29: criteria.a.group: unknown group \"efect\" (did you mean \"effect\"?); declared groups: effect",
        "c.toml:35: groups.effect: group \"effect\" has no criteria or groups in it",
        "c.toml:27: weighting: the weights of the root's children sum to 2, not 1 (a 0.6 + b 0.4 + effect 1); fix them or set normalise = true",
      ]),
    ("group cycle", Fixture.base + "[groups.p]\nparent = \"q\"\n[groups.q]\nparent = \"p\"\n", [
        "c.toml:35: groups.p.parent: groups form a cycle: p → q → p",
      ]),
    ("data-driven on group node", Fixture.base.replacingOccurrences(of: "column = \"y\"", with: "column = \"y\"\ngroup = \"g\"") + "[groups.g]\nweight = 0.4\n[weighting]\nmethod = \"entropy\"\n", [
        "c.toml:38: weighting.method: entropy is data-driven and weights only a node whose children are all criteria; the root has groups: g",
      ]),
    ("ahp order", Fixture.base + "[weighting]\nmethod = \"ahp\"\nahp = { order = [\"a\", \"c\"], matrix = [[1, 2], [\"1/2\", 1]] }\n", [
        "c.toml:36: weighting.ahp.order: order must list exactly the children of the root (a, b): missing b; not children: c",
      ]),
    ("ahp reciprocity", Fixture.base + "[weighting]\nmethod = \"ahp\"\n[weighting.ahp]\norder = [\"a\", \"b\"]\nmatrix = [\n  [1, 3],\n  [0.33, 1],\n]\n", [
        "c.toml:40: weighting.ahp.matrix[1][0]: not reciprocal: matrix[1][0] = 0.33 but 1/matrix[0][1] = 0.3333333333333333 (must agree within 1e-6; write fractions as \"p/q\")",
      ]),
    ("ahp inconsistent", Fixture.base.replacingOccurrences(of: "[criteria.b]", with: "[criteria.c]\ncolumn = \"x\"\n[criteria.b]") + "[weighting]\nmethod = \"ahp\"\n[weighting.ahp]\norder = [\"a\", \"c\", \"b\"]\nmatrix = [[1, 9, \"1/9\"], [\"1/9\", 1, 9], [9, \"1/9\", 1]]\n", [
        "c.toml:40: weighting.ahp.matrix: inconsistent judgements: CR = 6.1303 ≥ max_cr 0.1 (λmax = 10.1111, CI = 3.5556, RI = 0.58); revise the judgements or set accept_inconsistent = true",
      ]),
    ("aggregation v", Fixture.base + "[aggregation]\nmethod = \"vikor\"\nv = 1.5\n", [
        "c.toml:36: aggregation.v: expected a number in [0, 1], found 1.5",
      ]),
    ("tie break", Fixture.base + "[ranking]\ntie_break = [\"criterion:c\", \"colum:x\", \"column:industry\"]\n", [
        "c.toml:35: ranking.tie_break[0]: unknown criterion \"c\"; declared: a, b",
        "c.toml:35: ranking.tie_break[1]: unknown tie-break kind \"colum\" (did you mean \"column\"?); allowed: group, criterion, column",
        "c.toml:35: ranking.tie_break[2]: column \"industry\" has type category; a tie-break column must be number, integer or bool",
      ]),
    ("star levels", Fixture.base + "[[stars.level]]\nstars = 4\nmin_score = 80\n[[stars.level]]\nstars = 5\nmin_score = 70\n[[stars.level]]\nstars = 4\nmin_score = 90\n[[stars.level]]\nstars = 6\nmin_score = 95\n", [
        "c.toml:41: stars.level[2].stars: 4 stars is already defined at stars.level[0]",
        "c.toml:44: stars.level[3].stars: expected an integer 1…5, found 6",
        "c.toml:39: stars.level[1].min_score: min_score 70 of 5 stars is below min_score 80 of 4 stars; a higher level needs at least the same score",
      ]),
    ("star require names", Fixture.base + "[[stars.level]]\nstars = 4\nmin_score = 80\nrequire = \"rank <= 3 and scroe > 1\"\n", [
        "c.toml:37:12: stars.level[0].require: \"rank\" cannot be used in a star requirement (stars are awarded before ranks and programmes)",
        "c.toml:37:26: stars.level[0].require: unknown name \"scroe\" (did you mean \"score\"?)",
      ]),
    ("expression syntax", Fixture.base + "[programmes.p]\nquota = 3\neligible = \"score >= 60 and and x > 1\"\n", [
        "c.toml:36:29: programmes.p.eligible: expected a value, found 'and'",
      ]),
    ("expression types", Fixture.base + "[programmes.p]\nquota = 3\neligible = \"industry > 3 or score\"\n", [
        "c.toml:36: programmes.p.eligible: industry > 3 compares category column industry with the number 3",
        "c.toml:36: programmes.p.eligible: score is a number, not a condition; compare it (e.g. score >= 60) or combine conditions",
      ]),
    ("programme from later", Fixture.base + "[programmes.a]\nquota = 3\nfrom = \"b\"\neligible = \"selected.b\"\n[programmes.b]\nquota = 1\n", [
        "c.toml:37:13: programmes.a.eligible: \"selected.b\" names programme \"b\", which is not declared before this one; selected.P and eligible.P may name only earlier programmes",
        "c.toml:36: programmes.a.from: programme \"b\" must be declared before \"a\" to be its tier",
      ]),
    ("programme caps and quota", Fixture.base + "[programmes.a]\nquota = -1\ncaps = { industry = 2, x = 1, zone = 1 }\nreward = -5\n", [
        "c.toml:35: programmes.a.quota: expected an integer from 0 to 10,000,000, found -1",
        "c.toml:36: programmes.a.caps.zone: unknown column \"zone\"; declared columns: uscc, name, industry, x, y",
        "c.toml:37: programmes.a.reward: expected a number ≥ 0, found -5",
      ]),
    ("rewards stars", Fixture.base + "[rewards]\nstars = { \"4\" = 50000, \"6\" = 1 }\nallocation = \"prorata\"\n", [
        "c.toml:35: rewards.stars.6: unknown star level \"6\"; allowed keys: \"1\", \"2\", \"3\", \"4\", \"5\"",
        "c.toml:36: rewards.allocation: unknown allocation \"prorata\" (did you mean \"pro-rata\"?); allowed: rank, pro-rata",
      ]),
    ("uncertainty", Fixture.base + "[uncertainty]\nspread = 1.5\nvary = [\"a\", \"z\"]\nnormalisations = [\"goalposts\"]\n", [
        "c.toml:35: uncertainty.spread: expected a number in (0, 1), found 1.5",
        "c.toml:36: uncertainty.vary[1]: unknown criterion \"z\"; declared: a, b",
        "c.toml:37: uncertainty.normalisations[0]: \"goalposts\" cannot be drawn as an alternative; allowed: min-max, z-score, vector, sum, max, rank",
      ]),
    ("reserved column key", Fixture.base + "[columns.rank]\nheader = \"排名\"\ntype = \"integer\"\n", [
        "c.toml:34: columns.rank: column key \"rank\" is reserved in expressions; choose another key",
      ]),
  ]

  @Test(arguments: 0..<cases.count) func errorLine(_ i: Int) {
    let c = Self.cases[i]
    #expect(Fixture.errors(c.toml) == c.expected, "\(c.name)")
  }
}
