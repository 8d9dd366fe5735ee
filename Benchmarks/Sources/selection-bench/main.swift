// Selection benchmark: Selector.decide on a synthetic run of N ranked rows × 6
// programmes (tiers, caps, history, pilot priority, reserves) plus rewards.
// Usage: selection-bench [rows] [repeats]   (defaults 1000000, 5). Prints the best time.
import Criteria
import Glibc
import Model
import Scoring
import Selection

let arguments = CommandLine.arguments
let n = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

var rng = SplitMix64(seed: 2022)
let industries = ["机械", "纺织", "汽车零部件", "电子信息", "化工", "食品", "家电", "模具", "新材料", "医药"]
let districts = ["海曙", "江北", "北仑", "镇海", "鄞州", "奉化", "余姚", "慈溪"]
var ids: [String] = []
ids.reserveCapacity(n)
for i in 0..<n { ids.append("E\(1_000_000 + i)") }
let industryCodes = (0..<n).map { _ in Int32(rng.next() % UInt64(industries.count)) }
let districtCodes = (0..<n).map { _ in Int32(rng.next() % UInt64(districts.count)) }
let aboveScale: [Bool?] = (0..<n).map { _ in rng.next() % 3 != 0 }
let spend = (0..<n).map { _ in Double(rng.next() % 60) }
let score = (0..<n).map { _ in rng.nextUnit() * 100 }
let order = (0..<n).sorted { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
var rank = [Int](repeating: 0, count: n)
for (k, row) in order.enumerated() { rank[row] = k + 1 }
let stars = score.map { s in s >= 90 ? 5 : s >= 75 ? 4 : s >= 60 ? 3 : s >= 40 ? 2 : 1 }

let table = Table(
  source: "bench.csv", rowCount: n, lines: Array(2..<(n + 2)),
  columns: [
    "uscc": .text(TextColumn(ids)), "industry": .category(CategoryColumn(codes: industryCodes, levels: industries)),
    "district": .category(CategoryColumn(codes: districtCodes, levels: districts)), "above_scale": .bool(aboveScale),
    "spend": .numeric(NumericColumn(values: spend, missing: [Bool](repeating: false, count: n))),
  ])
let evaluation = Evaluation(
  order: order, ids: StringColumn(ids), labels: StringColumn(ids), rank: rank, competitionRank: rank, raw: score.map { $0 / 100 }, score: score, utility: score.map { $0 / 100 },
  stars: stars, starGap: [StarGap?](repeating: nil, count: n), normalised: [score.map { $0 / 100 }],
  imputed: [[Bool](repeating: false, count: n)], weights: [1], groupScores: ["quality": score],
  weightReport: WeightReport(nodes: []), unranked: [])
// The criteria file of the run, loaded like a user's (a spec is built only by the loader).
let criteriaText = """
  [evaluation]
  name = "bench"
  year = 2022
  id = "uscc"
  label = "uscc"
  [columns.uscc]
  header = "uscc"
  type = "text"
  [columns.spend]
  header = "spend"
  type = "number"
  [columns.above_scale]
  header = "above_scale"
  type = "bool"
  [columns.industry]
  header = "industry"
  type = "category"
  [columns.district]
  header = "district"
  type = "category"
  [groups.quality]
  weight = 1
  [criteria.c]
  column = "spend"
  group = "quality"
  weight = 1
  [programmes.city]
  level = "municipal"
  quota = 100
  reserves = 20
  eligible = "stars >= 3 and above_scale"
  caps = { industry = 15 }
  history_years = 2
  reward = 100_000
  [programmes.province]
  level = "provincial"
  quota = 30
  reserves = 5
  eligible = "spend >= 15"
  from = "city"
  caps = { district = 5 }
  pilot_industries = ["纺织", "模具"]
  pilot_priority = "first"
  history_years = 3
  reward = 500_000
  [programmes.nation]
  level = "national"
  quota = 5
  from = "province"
  from_mode = "eligible"
  [programmes.cloud]
  quota = 200
  reserves = 50
  eligible = 'not selected.city and industry in ["电子信息", "家电"]'
  [programmes.chain]
  quota = 50
  eligible = "group.quality >= 60 and criterion.c >= 50"
  caps = { district = 8 }
  [programmes.pilot]
  quota = 80
  reserves = 10
  pilot_industries = ["纺织"]
  pilot_priority = "first"
  [rewards]
  budget = 22_000_000
  allocation = "rank"
  round_to = 100
  [rewards.stars]
  4 = 50_000
  5 = 50_000
  """
let spec: Spec
switch CriteriaLoader.parse(criteriaText, source: "bench.toml") {
case .success(let s): spec = s
case .failure(let f): fatalError("bench criteria: \(f.diagnostics.diagnostics.map(\.description))")
}
let history = (0..<10_000).map { k in
  HistoryEntry(id: ids[Int(rng.next() % UInt64(n))], year: 2018 + k % 5, programme: k % 2 == 0 ? "city" : "province")
}

/// CPU time of this thread, seconds: less disturbed than wall time on a shared machine.
func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

var best = Duration.seconds(1_000)
var bestCPU = Double.infinity
var decision: Decision?
for _ in 0..<repeats {
  let start = ContinuousClock.now
  let cpu = threadCPUSeconds()
  let result = Selector.decide(evaluation, table: table, spec: spec, history: history)
  bestCPU = min(bestCPU, threadCPUSeconds() - cpu)
  best = min(best, ContinuousClock.now - start)
  decision = result  // the previous result is freed outside the timed region
}
let excluded = decision?.programmes.reduce(0) { $0 + $1.excluded.count } ?? 0
let granted = decision?.rewards.totalGranted ?? 0
print("selection-bench: \(n) rows × \(spec.programmes.count) programmes: best of \(repeats) = \(best) wall, \(bestCPU) s CPU (excluded rows \(excluded), granted \(Int(granted)) yuan)")
