import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The ledger under faults, against a real file and real processes: `kill -9` inside the
/// recording transaction, and two runs recording at once.
@Suite struct LedgerFaultTests {
  /// Starts `exemplar run` on the 2022 sample into `ledger`, pausing before its commit when
  /// `pause` is given (`EXEMPLAR_LEDGER_TEST_PAUSE`).
  static func startRun(_ dir: URL, out: String, ledger: String, pause: (marker: String, seconds: Int)?) throws -> Process {
    let p = Process()
    p.executableURL = CLI.executable
    p.arguments = [
      "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--out", dir.appendingPathComponent(out).path,
      "--ledger", ledger, "--no-excel", "--no-html", "--json",
    ]
    p.currentDirectoryURL = CLI.root
    var env = ProcessInfo.processInfo.environment
    if let pause { env["EXEMPLAR_LEDGER_TEST_PAUSE"] = "\(pause.marker):\(pause.seconds)" }
    p.environment = env
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
  }

  static func waitFor(_ path: String, seconds: Double = 120) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if FileManager.default.fileExists(atPath: path) { return true }
      usleep(20_000)
    }
    return false
  }

  static func runs(_ ledger: String) throws -> [Int] {
    let r = try CLI.run(["ledger", "list", "--ledger", ledger, "--json"])
    #expect(r.status == 0, "\(r.stderr)")
    return r.stdout.matches(of: /"run":(\d+)/).map { Int($0.output.1)! }
  }

  @Test func killDuringTheWriteLeavesThePreviousState() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db").path
    let first = try Self.startRun(dir, out: "a", ledger: ledger, pause: nil)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    #expect(try Self.runs(ledger) == [1])
    let marker = dir.appendingPathComponent("paused").path
    let victim = try Self.startRun(dir, out: "b", ledger: ledger, pause: (marker, 60))
    #expect(Self.waitFor(marker), "the run never reached its commit")
    kill(victim.processIdentifier, SIGKILL)
    victim.waitUntilExit()
    #expect(victim.terminationReason == .uncaughtSignal)
    // The killed run's rows are gone; the ledger is whole and takes the next run.
    #expect(try Self.runs(ledger) == [1])
    let check = try CLI.run(["ledger", "history", "--ledger", ledger])
    #expect(check.status == 0)
    let next = try Self.startRun(dir, out: "c", ledger: ledger, pause: nil)
    next.waitUntilExit()
    #expect(next.terminationStatus == 0)
    #expect(try Self.runs(ledger) == [1, 2])
  }

  @Test func twoRunsAtOnceAreBothRecorded() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db").path
    let marker = dir.appendingPathComponent("paused").path
    // A holds the write lock for 2 s inside its transaction; B starts meanwhile and waits.
    let a = try Self.startRun(dir, out: "a", ledger: ledger, pause: (marker, 2))
    #expect(Self.waitFor(marker))
    let b = try Self.startRun(dir, out: "b", ledger: ledger, pause: nil)
    a.waitUntilExit()
    b.waitUntilExit()
    #expect(a.terminationStatus == 0)
    #expect(b.terminationStatus == 0)
    #expect(try Self.runs(ledger) == [1, 2])
    let integrity = try CLI.run(["ledger", "list", "--ledger", ledger])
    #expect(integrity.status == 0)
  }

  /// A ledger from a newer Exemplar (schema version in the file's header above this
  /// build's) and a damaged file are refused before any output is written, and left byte
  /// for byte as they were.
  @Test func newerAndDamagedLedgersAreRefusedAndLeftAlone() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let ledger = dir.appendingPathComponent("ledger.db")
    let first = try Self.startRun(dir, out: "a", ledger: ledger.path, pause: nil)
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    var bytes = try Data(contentsOf: ledger)
    bytes[63] = 99  // PRAGMA user_version: the big-endian integer at offset 60 of the header
    try bytes.write(to: ledger)
    let args = [
      "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--out", dir.appendingPathComponent("b").path,
      "--ledger", ledger.path, "--no-excel", "--no-html",
    ]
    let newer = try CLI.run(args + ["--lang", "en"])
    #expect(newer.status == 65)
    #expect(newer.stderr.contains("schema version 99, written by a newer Exemplar"))
    let newerZh = try CLI.run(args)
    #expect(newerZh.status == 65 && newerZh.stderr.contains("此台账的结构版本为 99，由较新的 Exemplar 写入"), "\(newerZh.stderr)")
    #expect(try Data(contentsOf: ledger) == bytes)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b").path))

    var damaged = bytes
    damaged.replaceSubrange(0..<16, with: Data(repeating: 0x21, count: 16))
    try damaged.write(to: ledger)
    let broken = try CLI.run(args + ["--lang", "en"])
    #expect(broken.status == 65)
    #expect(broken.stderr.contains("damaged or not an SQLite database"))
    #expect(try CLI.run(args).stderr.contains("台账已损坏或不是 SQLite 数据库"))
    #expect(try Data(contentsOf: ledger) == damaged)
    let list = try CLI.run(["ledger", "list", "--ledger", ledger.path])
    #expect(list.status == 65)
  }

  /// A new ledger that could not be created (its folder does not exist) stops the run before
  /// it writes anything: exit 73, the reason in the message's language.
  @Test func aLedgerThatCannotBeCreatedStopsTheRunFirst() throws {
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = [
      "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--out", dir.appendingPathComponent("out").path,
      "--ledger", dir.appendingPathComponent("no-such-folder/ledger.db").path, "--no-excel", "--no-html",
    ]
    let zh = try CLI.run(args)
    #expect(zh.status == 73)
    #expect(zh.stderr.contains("无法创建台账：没有那个文件或目录（errno \(ENOENT)）"), "\(zh.stderr)")
    let en = try CLI.run(args + ["--lang", "en"])
    #expect(en.status == 73 && en.stderr.contains("cannot create the ledger: No such file or directory (errno \(ENOENT))"), "\(en.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
  }

  /// A ledger on a device that refuses its writes: /dev/full (every write fails with ENOSPC,
  /// SQLite's FULL) and /dev/null (writes vanish and reads find nothing, SQLite's IOERR). Both
  /// read as an empty file, so `run` takes them for a new ledger and fails setting up its
  /// tables: exit 73 before anything is written, SQLite's reason named in Chinese with its own
  /// words after it, and in English as SQLite gives it.
  @Test(arguments: [
    ("/dev/full", "数据库或磁盘已满（SQLite：database or disk is full）", "database or disk is full"),
    ("/dev/null", "输入/输出错误（SQLite：disk I/O error）", "disk I/O error"),
  ])
  func aLedgerOnADeviceThatRefusesWritesStopsTheRunFirst(device: String, zhReason: String, enReason: String) throws {
    try #require(FileManager.default.fileExists(atPath: device))
    let dir = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out").path
    let args = [
      "run", "samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--out", out, "--ledger", device, "--no-excel", "--no-html",
    ]
    let zh = try CLI.run(args)
    #expect(zh.status == 73)
    #expect(zh.stderr.contains("\(device):0: 无法建立或升级台账的数据表：\(zhReason)"), "\(zh.stderr)")
    let en = try CLI.run(args + ["--lang", "en"])
    #expect(en.status == 73)
    #expect(en.stderr.contains("\(device):0: cannot create or upgrade the ledger's tables: \(enReason)"), "\(en.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
    // Reading commands find no ledger there (an empty database), and say so.
    let list = try CLI.run(["ledger", "list", "--ledger", device])
    #expect(list.status == 65 && list.stderr.contains("此文件是一个空数据库，不是 Exemplar 台账"), "\(list.stderr)")
  }
}
