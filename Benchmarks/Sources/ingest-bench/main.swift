// Times ONE Ingestor.read of a metrics CSV in this process (release build) and prints a
// machine-readable line; scripts/bench-ingest.sh runs it several times, each in a fresh
// process so that the peak RSS (ru_maxrss) belongs to that one run, and keeps the best.
// The columns come from the criteria file (its [columns]), not from this source.
//
// Usage: ingest-bench CRITERIA.toml FILE.csv [utf-8|gb18030] [THREADS]
// THREADS: parts read at once (IngestOptions.threads; default: the online processors).
// Output: ingest encoding=E threads=T rows=N bytes=B wall=S cpu=S rss_mib=M base_rss_mib=M
import Criteria
import Ingest
import Model
import Glibc

/// Writes a line to standard error (fd 2; the C `stderr` global is not concurrency-safe).
func printError(_ s: String) {
  let line = s + "\n"
  _ = line.withCString { write(2, $0, strlen($0)) }
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// User + system CPU seconds of this process so far (wall time is unreliable on a shared machine).
func cpuSeconds() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6
}

/// Peak resident set size of this process so far, in MiB (Linux reports KiB).
func peakRSSMiB() -> Double {
  var u = rusage()
  getrusage(RUSAGE_SELF.rawValue, &u)
  return Double(u.ru_maxrss) / 1024
}

let args = CommandLine.arguments
guard args.count >= 3 else {
  printError("usage: ingest-bench CRITERIA.toml FILE.csv [utf-8|gb18030] [THREADS]")
  exit(64)
}
let encoding = args.count > 3 ? InputEncoding(rawValue: args[3]) ?? .utf8 : .utf8
var options = IngestOptions(encoding: encoding)
if args.count > 4, let threads = Int(args[4]), threads > 0 { options.threads = threads }
let spec: Spec
switch CriteriaLoader.load(path: args[1]) {
case .success(let s): spec = s
case .failure(let f):
  for d in f.diagnostics.diagnostics.prefix(5) { printError("\(d)") }
  exit(78)
}
let path = args[2]
var st = stat()
guard stat(path, &st) == 0 else {
  printError("cannot stat \(path)")
  exit(66)
}
let baseRSS = peakRSSMiB()
let c0 = cpuSeconds()
let t0 = now()
let result = Ingestor.read(
  path: path, columns: spec.columns, idColumn: spec.evaluation.idColumn, options: options)
let wall = now() - t0
let cpu = cpuSeconds() - c0
guard let table = result.table else {
  for d in result.log.diagnostics.prefix(5) { printError("\(d)") }
  exit(65)
}
print(
  "ingest encoding=\(encoding.rawValue) threads=\(options.threads) rows=\(table.rowCount) columns=\(table.columns.count) bytes=\(st.st_size) "
    + "wall=\(wall) cpu=\(cpu) rss_mib=\(peakRSSMiB()) base_rss_mib=\(baseRSS)")
