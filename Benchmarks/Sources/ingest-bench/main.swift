// Times Ingestor.read on a metrics CSV in release mode; prints MiB/s and peak RSS.
// Usage: ingest-bench FILE.csv [utf-8|gb18030] [REPEATS=3]
// The columns match scripts/gen-ingest-bench.py (23 columns).
import Ingest
import Model
import Glibc

/// Writes a line to standard error (fd 2; the C `stderr` global is not concurrency-safe).
func printError(_ s: String) {
  let line = s + "\n"
  _ = line.withCString { write(2, $0, strlen($0)) }
}

let args = CommandLine.arguments
guard args.count >= 2 else {
  printError("usage: ingest-bench FILE.csv [utf-8|gb18030] [REPEATS]")
  exit(64)
}
let path = args[1]
let encoding = args.count > 2 ? InputEncoding(rawValue: args[2]) ?? .utf8 : .utf8
let repeats = args.count > 3 ? Int(args[3]) ?? 3 : 3

let numbers = [
  "营业收入(万元)", "研发投入(万元)", "数字化投入(万元)", "生产效率提升率(%)", "运营成本降低率(%)",
  "产品不良品率降低(%)", "能源利用率提升(%)", "库存周转率提升(%)", "设备联网率(%)", "数据采集率(%)",
  "员工数", "培训满意度", "订单交付周期缩短(%)", "利润增长率(%)", "上云应用数", "专利数",
]
var columns = [
  ColumnSpec(key: "uscc", headers: ["统一社会信用代码"], type: .uscc),
  ColumnSpec(key: "name", headers: ["企业名称"], type: .text),
  ColumnSpec(key: "district", headers: ["区域"], type: .category),
  ColumnSpec(key: "industry", headers: ["行业"], type: .category),
  ColumnSpec(key: "cloud", headers: ["是否上云"], type: .bool),
  ColumnSpec(key: "above_size", headers: ["是否规上"], type: .bool),
  ColumnSpec(key: "srdi", headers: ["专精特新"], type: .bool),
]
for (i, h) in numbers.enumerated() {
  columns.append(ColumnSpec(key: "m\(i)", headers: [h], type: [10, 14, 15].contains(i) ? .integer : .number, missing: .mean))
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

var st = stat()
guard stat(path, &st) == 0 else {
  printError("cannot stat \(path)")
  exit(66)
}
let fileBytes = Double(st.st_size)
/// User + system CPU seconds of this process so far (wall time is unreliable on a shared machine).
func cpuSeconds() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6
}

var best = Double.infinity
var bestCPU = Double.infinity
var rows = 0
for _ in 0..<repeats {
  let c0 = cpuSeconds()
  let t0 = now()
  let result = Ingestor.read(path: path, columns: columns, idColumn: "uscc", options: IngestOptions(encoding: encoding))
  let dt = now() - t0
  guard let table = result.table else {
    for d in result.log.diagnostics.prefix(5) { printError("\(d)") }
    exit(65)
  }
  rows = table.rowCount
  best = min(best, dt)
  bestCPU = min(bestCPU, cpuSeconds() - c0)
}
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let rssMB = Double(usage.ru_maxrss) / 1024
let mib = fileBytes / 1_048_576
print(
  String(
    "ingest \(encoding.rawValue): \(rows) rows, \(rounded(mib)) MiB in \(rounded(best)) s = \(rounded(mib / best)) MiB/s "
      + "(CPU \(rounded(bestCPU)) s = \(rounded(mib / bestCPU)) MiB/s of CPU time); "
      + "peak RSS \(rounded(rssMB)) MiB (\(rounded(rssMB / mib))x file)"))

func rounded(_ x: Double) -> String {
  let r = (x * 100).rounded() / 100
  return "\(r)"
}
