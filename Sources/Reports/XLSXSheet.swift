import CXlsxWriter
import Scoring
import Model

/// One worksheet, written row by row (constant-memory mode).
struct XLSXSheet {
  let ws: UnsafeMutablePointer<lxw_worksheet>
  /// The workbook that made this sheet; sheets are used only while it is open.
  unowned(unsafe) let book: XLSXWorkbook
  let name: String

  /// A text cell; `s` is cleaned first, empty text writes nothing.
  func text(_ row: Int, _ col: Int, _ s: String, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
    guard row < XLSXWorkbook.maxRows, !s.isEmpty else { return }
    book.check(
      worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), XLSXWorkbook.clean(s), f),
      Message(zh: "工作表 '\(name)' 的单元格 (\(row + 1), \(col + 1))", en: "sheet '\(name)' cell (\(row + 1), \(col + 1))"))
  }

  /// A text cell from UTF-8 bytes (a packed column's value), cleaned as `text` cleans a
  /// `String`, without building one; empty bytes write nothing.
  func text(_ row: Int, _ col: Int, utf8 bytes: UnsafeBufferPointer<UInt8>, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
    guard row < XLSXWorkbook.maxRows, !bytes.isEmpty else { return }
    let e = book.withCellText(bytes) { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), $0, f) }
    book.check(e, Message(zh: "工作表 '\(name)' 的单元格 (\(row + 1), \(col + 1))", en: "sheet '\(name)' cell (\(row + 1), \(col + 1))"))
  }

  /// The id and label of evaluation row `row` in columns `col` and `col + 1`.
  func idAndLabel(_ r: Int, _ col: Int, row: Int, of evaluation: Evaluation) {
    evaluation.ids.withUTF8(row) { text(r, col, utf8: $0) }
    evaluation.labels.withUTF8(row) { text(r, col + 1, utf8: $0) }
  }

  /// A number cell; NaN and ±∞ are left blank (they would corrupt the file).
  func number(_ row: Int, _ col: Int, _ x: Double, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
    guard row < XLSXWorkbook.maxRows, x.isFinite else { return }
    book.check(worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), x, f), Message(zh: "工作表 '\(name)' 的单元格 (\(row + 1), \(col + 1))", en: "sheet '\(name)' cell (\(row + 1), \(col + 1))"))
  }

  /// A number cell rounded to `decimals` places (half away from zero) before it is stored.
  ///
  /// Scores and normalised values are shown with 2–4 decimals; storing 6 instead of 17
  /// significant digits makes the sheet XML shorter and cheaper to compress, which is most
  /// of the workbook's cost. results.json keeps every digit.
  func number(_ row: Int, _ col: Int, _ x: Double, decimals: Int, _ f: UnsafeMutablePointer<lxw_format>? = nil) {
    guard x.isFinite else { return }
    let scale = XLSXSheet.powersOfTen[max(0, min(decimals, 9))]
    let rounded = (x * scale).rounded() / scale
    number(row, col, rounded.isFinite && abs(x) < 1e12 ? rounded : x, f)
  }

  static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

  /// Header row 0 with the given widths, frozen, and an autofilter over `dataRows` rows.
  /// Must be called before any data row (constant-memory mode).
  func header(_ titles: [String], widths: [Double], dataRows: Int, row: Int = 0, freeze: Bool = true, _ f: UnsafeMutablePointer<lxw_format>?) {
    for (c, w) in widths.enumerated() {
      book.check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), w, nil), Message(zh: "工作表 '\(name)' 的列宽", en: "sheet '\(name)' column width"))
    }
    if freeze { worksheet_freeze_panes(ws, lxw_row_t(row + 1), 0) }
    if !titles.isEmpty {
      let last = min(row + max(dataRows, 1), XLSXWorkbook.maxRows - 1)
      book.check(
        worksheet_autofilter(ws, lxw_row_t(row), 0, lxw_row_t(last), lxw_col_t(titles.count - 1)), Message(zh: "工作表 '\(name)' 的自动筛选", en: "sheet '\(name)' autofilter"))
    }
    for (c, t) in titles.enumerated() { text(row, c, t, f) }
  }

  /// A4, `landscape` or portrait, one page wide (as many tall as needed), header row `row`
  /// (if any) repeated on every page, 第 N 页，共 M 页 (Page N of M) in the footer, centred
  /// horizontally: every printed sheet of the workbooks.
  func printSetup(headerRow row: Int? = 0, landscape: Bool = true, english: Bool) {
    if landscape { worksheet_set_landscape(ws) } else { worksheet_set_portrait(ws) }
    worksheet_set_paper(ws, 9)  // A4
    worksheet_fit_to_pages(ws, 1, 0)
    worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.7)
    worksheet_center_horizontally(ws)
    if let row {
      book.check(
        worksheet_repeat_rows(ws, lxw_row_t(row), lxw_row_t(row)), Message(zh: "工作表 '\(name)' 的打印标题行", en: "sheet '\(name)' print titles"))
    }
    book.check(
      worksheet_set_footer(ws, english ? "&CPage &P of &N" : "&C第 &P 页，共 &N 页"), Message(zh: "工作表 '\(name)' 的页脚", en: "sheet '\(name)' footer"))
  }

  /// Prints rows 0…`lastRow` and columns 0…`lastColumn` only (the sheet's print area).
  func printArea(lastRow: Int, lastColumn: Int) {
    book.check(
      worksheet_print_area(ws, 0, 0, lxw_row_t(min(lastRow, XLSXWorkbook.maxRows - 1)), lxw_col_t(lastColumn)),
      Message(zh: "工作表 '\(name)' 的打印区域", en: "sheet '\(name)' print area"))
  }
}
