import Criteria
import Foundation
import Model

/// Test helpers: fixture paths and rendered diagnostics.
enum Fixture {
  /// `Tests/Fixtures/criteria/NAME`, located from this source file.
  static func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/criteria/\(name)").path
  }

  /// A small valid criteria file (33 lines, ending with a newline); tests append to it.
  static let base = """
    [evaluation]
    name = "t"
    year = 2022
    id = "uscc"
    label = "name"

    [columns.uscc]
    header = "代码"
    type = "uscc"

    [columns.name]
    header = "名称"
    type = "text"

    [columns.industry]
    header = "行业"
    type = "category"

    [columns.x]
    header = "x"
    type = "number"

    [columns.y]
    header = "y"
    type = "integer"

    [criteria.a]
    column = "x"
    weight = 0.6

    [criteria.b]
    column = "y"
    weight = 0.4

    """

  /// The diagnostics of loading `text` as `c.toml`, rendered; empty when it loads.
  static func errors(_ text: String) -> [String] {
    switch CriteriaLoader.parse(text, source: "c.toml") {
    case .success: return []
    case .failure(let f): return f.diagnostics.diagnostics.map(\.description)
    }
  }

  /// The spec of `text`, or nil (with the diagnostics recorded by the caller's expectations).
  static func spec(_ text: String) -> Spec? {
    if case .success(let s) = CriteriaLoader.parse(text, source: "c.toml") { return s }
    return nil
  }
}
