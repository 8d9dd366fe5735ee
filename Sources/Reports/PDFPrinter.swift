import Foundation
import Model

/// Prints an HTML file to PDF with headless Chromium (`--print-to-pdf`), which honours the
/// page's `@page` CSS (A4, margins, page numbers).
///
/// The browser is `$EXEMPLAR_CHROMIUM` when set, else the first of `chromium`,
/// `chromium-browser`, `google-chrome` on `PATH`. The PDF is printed into the output's
/// temporary folder like every other file, so a failed print leaves no partial file; the
/// browser's profile is a scratch folder removed afterwards.
public enum PDFPrinter {
  /// Longest a print may take before the browser is stopped and the run fails.
  public static let timeout: TimeInterval = 180

  /// The browser to print with, or nil when none is installed (or `$EXEMPLAR_CHROMIUM` is `none`).
  public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let explicit = environment["EXEMPLAR_CHROMIUM"], !explicit.isEmpty {
      // `none`: never print (a machine with Chromium that should not use it).
      return explicit != "none" && FileManager.default.isExecutableFile(atPath: explicit) ? explicit : nil
    }
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
        return "\(dir)/\(name)"
      }
    }
    return nil
  }

  /// Prints each (html, pdf) pair at the same time (one browser process each); throws the
  /// first pair's error, after every print has ended.
  public static func print(_ jobs: [(html: String, pdf: String)], browser: String) throws(ReportError) {
    let errors = ErrorSlots(count: jobs.count)
    DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
      do throws(ReportError) { try print(html: jobs[i].html, to: jobs[i].pdf, browser: browser) } catch { errors.set(i, error) }
    }
    if let e = errors.first() { throw e }
  }

  /// Prints `html` (an absolute or relative path) to `pdf` with `browser`.
  ///
  /// - Throws: `ReportError.printing` naming `pdf` when the browser fails, times out or
  ///   writes something that is not a PDF (the partial file is removed).
  public static func print(html: String, to pdf: String, browser: String) throws(ReportError) {
    let absolute = URL(fileURLWithPath: html).standardizedFileURL
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("exemplar-chromium-\(getpid())-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: browser)
    p.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile)",
      "--print-to-pdf=\(pdf)", "--no-pdf-header-footer", absolute.absoluteString,
    ]
    let err = Pipe()
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    let done = DispatchSemaphore(value: 0)
    p.terminationHandler = { _ in done.signal() }
    do { try p.run() } catch { throw .printing(path: pdf, message: Message(zh: "无法启动 \(browser)：", en: "cannot start \(browser): ") + SystemErrorText.of(error)) }
    // Drain stderr while the browser runs (a full pipe would block it).
    let stderrText = LockedText()
    let readerDone = DispatchSemaphore(value: 0)
    let reader = Thread {
      stderrText.set(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
      readerDone.signal()
    }
    reader.start()
    if done.wait(timeout: .now() + timeout) == .timedOut {
      p.terminate()
      _ = done.wait(timeout: .now() + 5)
      try? FileManager.default.removeItem(atPath: pdf)
      throw .printing(
        path: pdf, message: Message(zh: "\(browser) 未在 \(Int(timeout)) 秒内完成", en: "\(browser) did not finish within \(Int(timeout)) s"))
    }
    _ = readerDone.wait(timeout: .now() + 5)
    let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: pdf)).read(upToCount: 5)) ?? nil
    guard p.terminationStatus == 0, head.map({ Array($0) }) == Array("%PDF-".utf8) else {
      try? FileManager.default.removeItem(atPath: pdf)
      let last = stderrText.get().split(separator: "\n").filter { !$0.contains("dbus") }.suffix(2).joined(separator: " / ")
      throw .printing(
        path: pdf,
        message: Message(
          zh: "\(browser) 以状态 \(p.terminationStatus) 退出\(last.isEmpty ? "" : "：" + last)",
          en: "\(browser) exited with status \(p.terminationStatus)\(last.isEmpty ? "" : ": " + last)"))
    }
  }
}

/// Errors of concurrent jobs, one slot each.
final class ErrorSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [ReportError?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ e: ReportError) { lock.withLock { slots[i] = e } }
  func first() -> ReportError? { lock.withLock { slots.compactMap { $0 }.first } }
}

/// Text written by one thread and read by another.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  func set(_ s: String) { lock.withLock { text = s } }
  func get() -> String { lock.withLock { text } }
}
