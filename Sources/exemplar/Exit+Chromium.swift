import Model
import Reports

extension Exit {
  /// The Chromium that prints the PDFs (`PDFPrinter.browser()`), or nil after a note on
  /// stderr naming what is therefore not written (`missing`: "未写出 report.pdf" /
  /// "report.pdf not written"): the one note of `run` and `letter`.
  static func chromium(missing: Message) -> String? {
    if let browser = PDFPrinter.browser() { return browser }
    var err = StandardError()
    let note = Message(
      zh: "exemplar: 注：未找到 Chromium（chromium、chromium-browser、google-chrome 或 $EXEMPLAR_CHROMIUM）；\(missing.zh)",
      en: "exemplar: note: no Chromium found (chromium, chromium-browser, google-chrome or $EXEMPLAR_CHROMIUM); \(missing.en)")
    print(text(note), to: &err)
    return nil
  }
}
