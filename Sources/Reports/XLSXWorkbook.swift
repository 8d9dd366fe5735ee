import CXlsxWriter
import Foundation
import Model

/// A libxlsxwriter workbook in constant-memory mode, with every call checked.
///
/// Rows must be written in order and autofilters set before the rows
/// (docs/platform.md, "libxlsxwriter in constant-memory mode"). Non-finite numbers become blank cells (NaN/Inf corrupt the
/// file), text is stripped of control characters and cut at 32,767 characters,
/// and `write_string` never creates a formula. The first failing call is kept and
/// thrown by `close()`, which also reports `workbook_close`'s own error, a failed write
/// of a sheet's temporary file (which libxlsxwriter does not check) and any structural
/// defect of the written zip (`XLSXZipCheck`). The temporary files are made in the
/// workbook's own folder (`tmpdir`), the output's temporary folder: a full /tmp cannot
/// corrupt the workbook, and they go with the folder if the run dies.
/// The corresponding C functions are `workbook_new_opt`, `worksheet_write_*`, `workbook_close`.
final class XLSXWorkbook {
  /// Excel's limits.
  static let maxRows = 1_048_576
  static let maxTextLength = 32_767
  static let maxSheetNameLength = 31

  let path: String
  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  private var firstError: Message?
  private var sheetNames: [String] = []
  /// Every sheet, in the order added (`xl/worksheets/sheetN.xml`).
  private var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
  /// The `tmpdir` option's string, kept until the workbook is closed.
  private var temporaryFolder: UnsafeMutablePointer<CChar>?
  /// Reused by `withCellText` for every cell written from packed bytes.
  private var scratch: [UInt8] = []

  init(path: String, title: String, author: String, created: Date, large: Bool) throws(ReportError) {
    self.path = path
    var options = lxw_workbook_options()
    options.constant_memory = 1
    options.use_zip64 = large ? 1 : 0
    let slash = path.lastIndex(of: "/")
    temporaryFolder = strdup(slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ".")
    options.tmpdir = temporaryFolder
    guard let wb = workbook_new_opt(path, &options) else {
      free(temporaryFolder)
      temporaryFolder = nil
      throw .workbook(path: path, message: Message(zh: "libxlsxwriter 无法新建工作簿", en: "libxlsxwriter could not start a workbook"))
    }
    workbook = wb
    var props = lxw_doc_properties()
    let cTitle = strdup(XLSXWorkbook.clean(title))
    let cAuthor = strdup(author)
    defer {
      free(cTitle)
      free(cAuthor)
    }
    props.title = cTitle
    props.author = cAuthor
    // A fixed creation time makes the file byte-identical for identical inputs.
    props.created = time_t(created.timeIntervalSince1970.rounded(.down))
    check(workbook_set_properties(wb, &props), Message(zh: "设置文档属性", en: "set properties"))
  }

  deinit {
    // Never closed (an earlier error): close to free memory; the file is discarded with the folder.
    if let wb = workbook { _ = workbook_close(wb) }
    free(temporaryFolder)
  }

  /// A format owned by the workbook (never freed by us).
  func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format>? {
    guard let wb = workbook, let f = workbook_add_format(wb) else { return nil }
    configure(f)
    return f
  }

  /// Adds a sheet named `wanted`, made valid and unique (see `sheetName(_:taken:)`).
  func addSheet(_ wanted: String) throws(ReportError) -> XLSXSheet {
    guard let wb = workbook else { throw .workbook(path: path, message: Message(zh: "工作簿已关闭", en: "workbook already closed")) }
    var name = XLSXWorkbook.sheetName(wanted, taken: sheetNames)
    if workbook_validate_sheet_name(wb, name).rawValue != LXW_NO_ERROR.rawValue {
      name = XLSXWorkbook.sheetName("Sheet\(sheetNames.count + 1)", taken: sheetNames)
    }
    guard let ws = workbook_add_worksheet(wb, name) else {
      throw .workbook(path: path, message: Message(zh: "无法添加工作表 '\(name)'", en: "cannot add sheet '\(name)'"))
    }
    sheetNames.append(name)
    sheets.append(ws)
    return XLSXSheet(ws: ws, book: self, name: name)
  }

  /// Records the first failing call.
  func check(_ e: lxw_error, _ what: @autoclosure () -> Message) {
    guard e.rawValue != LXW_NO_ERROR.rawValue, firstError == nil else { return }
    let library = String(cString: lxw_strerror(e))
    firstError = what() + Message(zh: "：\(library)", en: ": \(library)")
  }

  /// The same with a description in one language (the documents' sheets: it names the
  /// sheet and cell; the library's own words follow it anyway).
  func check(_ e: lxw_error, _ what: @autoclosure () -> String) { check(e, Message(zh: what(), en: what())) }

  /// Writes the zip file; throws the first error seen while writing or closing, and
  /// verifies the file (`XLSXZipCheck`).
  func close() throws(ReportError) {
    guard let wb = workbook else { return }
    // Rows went to each sheet's temporary file with unchecked writes: flush and check them,
    // and note how many bytes each holds (its part in the zip must be larger).
    var rowBytes: [UInt64] = []
    for ws in sheets {
      guard let file = ws.pointee.optimize_tmpfile else {
        rowBytes.append(0)
        continue
      }
      if fflush(file) != 0 || ferror(file) != 0 {
        let code = errno
        check(
          LXW_ERROR_CREATING_TMPFILE,
          Message(zh: "工作表的临时文件（", en: "a sheet's temporary file (") + SystemErrorText.message(errno: code)
            + Message(zh: "）", en: ")"))
      }
      rowBytes.append(UInt64(max(0, ftello(file))))
    }
    workbook = nil
    let e = workbook_close(wb)
    free(temporaryFolder)
    temporaryFolder = nil
    if let firstError { throw .workbook(path: path, message: firstError) }
    if e.rawValue != LXW_NO_ERROR.rawValue {
      let library = String(cString: lxw_strerror(e))
      throw .workbook(path: path, message: Message(zh: library, en: library))
    }
    try XLSXZipCheck.verify(path: path, minimumSheetSizes: rowBytes)
  }

  /// A valid, unique sheet name: `[]:*?/\` become `_`, leading/trailing `'` are
  /// dropped, at most 31 characters, and a ` (2)`-style suffix when the name is
  /// taken (compared case-insensitively, as Excel does) or reserved (`History`).
  static func sheetName(_ wanted: String, taken: [String]) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    var base = String(clean(wanted).map { forbidden.contains($0) ? "_" : $0 })
    while base.hasPrefix("'") { base.removeFirst() }
    while base.hasSuffix("'") { base.removeLast() }
    if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Sheet" }
    // "History" is reserved by Excel (change tracking): a sheet of that name is refused on open.
    let lowerTaken = Set(taken.map { $0.lowercased() }).union(["history"])
    var n = 1
    while true {
      let suffix = n == 1 ? "" : " (\(n))"
      var candidate = String(base.unicodeScalars.prefix(maxSheetNameLength - suffix.count).map(Character.init))
      while candidate.hasSuffix("'") { candidate.removeLast() }
      candidate += suffix
      if !lowerTaken.contains(candidate.lowercased()) { return candidate }
      n += 1
    }
  }

  /// Text safe for a cell: C0 control characters removed (TAB becomes a space,
  /// LF is kept), cut at 32,767 Unicode scalars (`appendCleaned`).
  static func clean(_ s: String) -> String {
    // Fast path on the bytes: no control character and at most 32,767 bytes (hence scalars).
    var needs = s.utf8.count > maxTextLength
    if !needs {
      for b in s.utf8 where (b < 0x20 && b != 10) || b == 0x7F {
        needs = true
        break
      }
    }
    guard needs else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    appendCleaned(s.utf8, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends `bytes` (UTF-8) to `out` as a cell may hold them: C0 control characters but LF
  /// dropped, TAB as a space, DEL dropped, at most 32,767 Unicode scalars. The one
  /// implementation of the rule, for `String`s (`clean`) and packed bytes (`withCellText`).
  static func appendCleaned(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
    var kept = 0
    for b in bytes {
      if b & 0xC0 == 0x80 {  // continuation byte of a scalar already kept
        out.append(b)
        continue
      }
      if (b < 0x20 && b != 10 && b != 9) || b == 0x7F { continue }
      if kept == maxTextLength { break }
      kept += 1
      out.append(b == 9 ? 0x20 : b)
    }
  }

  /// Calls `body` with `bytes` cleaned for a cell (`appendCleaned`) and NUL-terminated, in a
  /// buffer reused for every cell: a packed column's value is written without a `String`.
  func withCellText<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<CChar>) -> R) -> R {
    scratch.removeAll(keepingCapacity: true)
    XLSXWorkbook.appendCleaned(bytes, to: &scratch)
    scratch.append(0)
    return scratch.withUnsafeBytes { raw in
      guard let base = raw.baseAddress else { preconditionFailure("the scratch buffer holds at least the NUL") }
      return body(base.assumingMemoryBound(to: CChar.self))
    }
  }
}
