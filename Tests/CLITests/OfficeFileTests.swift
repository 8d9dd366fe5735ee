import Foundation
import Testing

/// One office-made file of Tests/Fixtures/office and what `validate` says about it, in both
/// languages (the `FILE:LINE[:COLUMN]:` prefix the same in both).
struct OfficeCase: CustomTestStringConvertible, Sendable {
  var file: String
  var arguments: [String]
  var status: Int32
  var zh: [String]
  var en: [String]
  init(_ file: String, _ arguments: [String], status: Int32, zh: [String], en: [String]) {
    self.file = file
    self.arguments = arguments
    self.status = status
    self.zh = zh
    self.en = en
  }
  var testDescription: String { ([file] + arguments).joined(separator: " ") }
}

/// The files offices produce (issue #16): Excel-saved GB18030, full-width and Alt+Enter
/// headers, a misspelt header, every slipped cell, a formatted column with and without
/// lenient reading, declared missing markers, full-width digits, an empty file.
@Suite struct OfficeFileTests {
  static let cases: [OfficeCase] = [
    OfficeCase(
      "excel-gb18030.csv", [], status: 0,
      // An Excel-saved GB18030 file without BOM: detected, with a note
      zh: [
        "excel-gb18030.csv:1: 注：文件不是有效的 UTF-8（第 1 行字节 0xC9）且没有 BOM，已按 GB18030（GBK）读取；可用 --encoding utf-8 或 --encoding gb18030 指定",
      ],
      en: [
        "excel-gb18030.csv:1: note: the file is not valid UTF-8 (byte 0xC9 on line 1) and has no BOM: read as GB18030 (GBK); --encoding utf-8 or --encoding gb18030 forces either",
      ]
    ),
    OfficeCase(
      "fullwidth-header.csv", [], status: 0,
      // A header with full-width parentheses: matched, with a note
      zh: [
        "fullwidth-header.csv:1:综合成本降低率（%）: 注：表头 '综合成本降低率（%）'（第 17 列）统一全角/半角和空白、换行后与 '综合成本降低率(%)' 相同，按此列读取",
      ],
      en: [
        "fullwidth-header.csv:1:综合成本降低率（%）: note: header '综合成本降低率（%）' (column 17) matches '综合成本降低率(%)' once full-width/half-width forms, spaces and line breaks are normalised: read as that column",
      ]
    ),
    OfficeCase(
      "alt-enter-header.csv", [], status: 0,
      // A header broken by Alt+Enter: matched, with a note
      zh: [
        "alt-enter-header.csv:1:综合成本\\u{A}降低率(%): 注：表头 '综合成本\\u{A}降低率(%)'（第 17 列）统一全角/半角和空白、换行后与 '综合成本降低率(%)' 相同，按此列读取",
      ],
      en: [
        "alt-enter-header.csv:1:综合成本\\u{A}降低率(%): note: header '综合成本\\u{A}降低率(%)' (column 17) matches '综合成本降低率(%)' once full-width/half-width forms, spaces and line breaks are normalised: read as that column",
      ]
    ),
    OfficeCase(
      "misspelt-header.csv", [], status: 65,
      // An unknown header next to the missing column it resembles: one problem
      zh: [
        "misspelt-header.csv:1:综合成本降低率: 未知列 '综合成本降低率'（第 17 列），而列 'cost_reduction_pct' 缺失：是否应为 '综合成本降低率(%)'？请将表头改为 '综合成本降低率(%)'，或在标准文件的 header 中加入此写法",
      ],
      en: [
        "misspelt-header.csv:1:综合成本降低率: unknown column '综合成本降低率' (column 17) while column 'cost_reduction_pct' is missing: did you mean '综合成本降低率(%)'? Rename the header to '综合成本降低率(%)' or add this spelling to the column's header in the criteria file",
      ]
    ),
    OfficeCase(
      "slipped-cells.csv", [], status: 65,
      // Each slip of an office or of Excel, with its hint
      zh: [
        "slipped-cells.csv:2:统一社会信用代码: 统一社会信用代码 '9.13303E+17' 无效：Excel 把代码当成了数字并以科学计数法保存，后几位已丢失：请在 Excel 中先把此列设为“文本”格式，再重新输入或粘贴代码后保存",
        "slipped-cells.csv:3:综合成本降低率(%): 不是数字：'2022/3/1'（这像是 Excel 自动转换成的日期：请把此列设为“文本”或“数值”格式后重新输入数值，Excel 会把 3.4、3-4 之类的输入变成日期）",
        "slipped-cells.csv:4:单位产值能耗降低率(%): 不是数字：'4-Mar'（这像是 Excel 自动转换成的日期：请把此列设为“文本”或“数值”格式后重新输入数值，Excel 会把 3.4、3-4 之类的输入变成日期）",
        "slipped-cells.csv:5:库存周转率提升率(%): '-' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"-\"]",
        "slipped-cells.csv:6:生产效率提升率(%): '/' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"/\"]",
        "slipped-cells.csv:7:订单交付周期缩短率(%): '无' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"无\"]",
        "slipped-cells.csv:8:产品不良率降低率(%): 'N/A' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"N/A\"]",
        "slipped-cells.csv:9:企业上云等级(级): 不是数字：'3级'（请去掉单位 '级'，只写数字 3；单位写在表头或标准文件中）",
        "slipped-cells.csv:10:客户投诉量变化率(%): 不是数字：'−4.5'（负号是数学符号 U+2212（−），请用键盘上的减号：-4.5）",
        "slipped-cells.csv:11:库存周转率提升率(%): 不是数字：'（4.5）'（会计格式的括号表示负数：请写成 -4.5）",
        "slipped-cells.csv:12:荣誉资质: '专精特新企业' 不是允许的取值之一：无, 专精特新, 专精特新小巨人, 隐形冠军, 单项冠军；是否应为 '专精特新'？",
      ],
      en: [
        "slipped-cells.csv:2:统一社会信用代码: invalid unified social credit code '9.13303E+17': Excel stored the code as a number in exponent notation and its last digits are lost: set the column's format to Text (文本) in Excel, then type or paste the codes again and save",
        "slipped-cells.csv:3:综合成本降低率(%): not a number: '2022/3/1' (this looks like a date Excel made of the value: format the column as Text or Number and type the value again; Excel turns input such as 3.4 or 3-4 into a date)",
        "slipped-cells.csv:4:单位产值能耗降低率(%): not a number: '4-Mar' (this looks like a date Excel made of the value: format the column as Text or Number and type the value again; Excel turns input such as 3.4 or 3-4 into a date)",
        "slipped-cells.csv:5:库存周转率提升率(%): '-' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"-\"] for this column in the criteria file",
        "slipped-cells.csv:6:生产效率提升率(%): '/' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"/\"] for this column in the criteria file",
        "slipped-cells.csv:7:订单交付周期缩短率(%): '无' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"无\"] for this column in the criteria file",
        "slipped-cells.csv:8:产品不良率降低率(%): 'N/A' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"N/A\"] for this column in the criteria file",
        "slipped-cells.csv:9:企业上云等级(级): not a number: '3级' (remove the unit '级' and write the number only, 3; the unit belongs in the header or the criteria file)",
        "slipped-cells.csv:10:客户投诉量变化率(%): not a number: '−4.5' (the minus sign is the mathematical U+2212 (−): write -4.5 with the ASCII hyphen-minus)",
        "slipped-cells.csv:11:库存周转率提升率(%): not a number: '（4.5）' (accounting parentheses mean a negative number: write -4.5)",
        "slipped-cells.csv:12:荣誉资质: '专精特新企业' is not one of the allowed values: 无, 专精特新, 专精特新小巨人, 隐形冠军, 单项冠军; did you mean '专精特新'?",
      ]
    ),
    OfficeCase(
      "formatted-numbers.csv", [], status: 65,
      // A formatted column: three errors listed, the rest summarised
      zh: [
        "formatted-numbers.csv:2:营业收入(万元): 不是数字：'1,289.86'（不接受千位分隔符：请写成 1289.86）",
        "formatted-numbers.csv:2:综合成本降低率(%): 不是数字：'4.78%'（请去掉 '%'，写成：4.78）",
        "formatted-numbers.csv:3:营业收入(万元): 不是数字：'3,408.96'（不接受千位分隔符：请写成 3408.96）",
        "formatted-numbers.csv:3:综合成本降低率(%): 不是数字：'9.92%'（请去掉 '%'，写成：9.92）",
        "formatted-numbers.csv:4:营业收入(万元): 不是数字：'15,164.70'（不接受千位分隔符：请写成 15164.70）",
        "formatted-numbers.csv:4:综合成本降低率(%): 不是数字：'13.70%'（请去掉 '%'，写成：13.70）",
        "formatted-numbers.csv:5:营业收入(万元): 此列另有 13 个同类错误（第 5 行起），未逐一列出；改正上面的问题后再检查",
        "formatted-numbers.csv:5:综合成本降低率(%): 此列另有 17 个同类错误（第 5 行起），未逐一列出；改正上面的问题后再检查",
      ],
      en: [
        "formatted-numbers.csv:2:营业收入(万元): not a number: '1,289.86' (thousands separators are not accepted: write 1289.86)",
        "formatted-numbers.csv:2:综合成本降低率(%): not a number: '4.78%' (write the number without '%': 4.78)",
        "formatted-numbers.csv:3:营业收入(万元): not a number: '3,408.96' (thousands separators are not accepted: write 3408.96)",
        "formatted-numbers.csv:3:综合成本降低率(%): not a number: '9.92%' (write the number without '%': 9.92)",
        "formatted-numbers.csv:4:营业收入(万元): not a number: '15,164.70' (thousands separators are not accepted: write 15164.70)",
        "formatted-numbers.csv:4:综合成本降低率(%): not a number: '13.70%' (write the number without '%': 13.70)",
        "formatted-numbers.csv:5:营业收入(万元): 13 more errors of this kind in this column (from line 5 on), not listed one by one; fix the ones above and check again",
        "formatted-numbers.csv:5:综合成本降低率(%): 17 more errors of this kind in this column (from line 5 on), not listed one by one; fix the ones above and check again",
      ]
    ),
    OfficeCase(
      "formatted-numbers.csv", ["--set", "columns.revenue_wan.lenient=true", "--set", "columns.cost_reduction_pct.lenient=true"], status: 0,
      // The same read leniently: one warning per column with the count
      zh: [
        "formatted-numbers.csv:2:营业收入(万元): 警告：宽松读取：16 个单元格（第 2 行起）去掉千位分隔符后按数字读取",
        "formatted-numbers.csv:2:综合成本降低率(%): 警告：宽松读取：20 个单元格（第 2 行起）去掉末尾的 %后按数字读取",
      ],
      en: [
        "formatted-numbers.csv:2:营业收入(万元): warning: lenient reading: 16 cells (from line 2 on) were read as numbers after removing thousands separators",
        "formatted-numbers.csv:2:综合成本降低率(%): warning: lenient reading: 20 cells (from line 2 on) were read as numbers after removing a trailing %",
      ]
    ),
    OfficeCase(
      "slipped-cells.csv", ["--set", "columns.inventory_turnover_gain_pct.missing_markers=[\"-\", \"（4.5）\"]", "--set", "columns.inventory_turnover_gain_pct.missing=mean"], status: 65,
      // Declared markers are read as empty cells
      zh: [
        "slipped-cells.csv:2:统一社会信用代码: 统一社会信用代码 '9.13303E+17' 无效：Excel 把代码当成了数字并以科学计数法保存，后几位已丢失：请在 Excel 中先把此列设为“文本”格式，再重新输入或粘贴代码后保存",
        "slipped-cells.csv:3:综合成本降低率(%): 不是数字：'2022/3/1'（这像是 Excel 自动转换成的日期：请把此列设为“文本”或“数值”格式后重新输入数值，Excel 会把 3.4、3-4 之类的输入变成日期）",
        "slipped-cells.csv:4:单位产值能耗降低率(%): 不是数字：'4-Mar'（这像是 Excel 自动转换成的日期：请把此列设为“文本”或“数值”格式后重新输入数值，Excel 会把 3.4、3-4 之类的输入变成日期）",
        "slipped-cells.csv:6:生产效率提升率(%): '/' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"/\"]",
        "slipped-cells.csv:7:订单交付周期缩短率(%): '无' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"无\"]",
        "slipped-cells.csv:8:产品不良率降低率(%): 'N/A' 是表示缺失的占位符：请留空此单元格，或在标准文件中为此列声明 missing_markers = [\"N/A\"]",
        "slipped-cells.csv:9:企业上云等级(级): 不是数字：'3级'（请去掉单位 '级'，只写数字 3；单位写在表头或标准文件中）",
        "slipped-cells.csv:10:客户投诉量变化率(%): 不是数字：'−4.5'（负号是数学符号 U+2212（−），请用键盘上的减号：-4.5）",
        "slipped-cells.csv:12:荣誉资质: '专精特新企业' 不是允许的取值之一：无, 专精特新, 专精特新小巨人, 隐形冠军, 单项冠军；是否应为 '专精特新'？",
      ],
      en: [
        "slipped-cells.csv:2:统一社会信用代码: invalid unified social credit code '9.13303E+17': Excel stored the code as a number in exponent notation and its last digits are lost: set the column's format to Text (文本) in Excel, then type or paste the codes again and save",
        "slipped-cells.csv:3:综合成本降低率(%): not a number: '2022/3/1' (this looks like a date Excel made of the value: format the column as Text or Number and type the value again; Excel turns input such as 3.4 or 3-4 into a date)",
        "slipped-cells.csv:4:单位产值能耗降低率(%): not a number: '4-Mar' (this looks like a date Excel made of the value: format the column as Text or Number and type the value again; Excel turns input such as 3.4 or 3-4 into a date)",
        "slipped-cells.csv:6:生产效率提升率(%): '/' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"/\"] for this column in the criteria file",
        "slipped-cells.csv:7:订单交付周期缩短率(%): '无' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"无\"] for this column in the criteria file",
        "slipped-cells.csv:8:产品不良率降低率(%): 'N/A' is a placeholder for missing data: leave the cell empty, or declare missing_markers = [\"N/A\"] for this column in the criteria file",
        "slipped-cells.csv:9:企业上云等级(级): not a number: '3级' (remove the unit '级' and write the number only, 3; the unit belongs in the header or the criteria file)",
        "slipped-cells.csv:10:客户投诉量变化率(%): not a number: '−4.5' (the minus sign is the mathematical U+2212 (−): write -4.5 with the ASCII hyphen-minus)",
        "slipped-cells.csv:12:荣誉资质: '专精特新企业' is not one of the allowed values: 无, 专精特新, 专精特新小巨人, 隐形冠军, 单项冠军; did you mean '专精特新'?",
      ]
    ),
    OfficeCase(
      "fullwidth-digits.csv", [], status: 65,
      // Numbers typed with a Chinese input method in full-width mode
      zh: [
        "fullwidth-digits.csv:2:营业收入(万元): 不是数字：'１２８９．８６'（全角字符：请写成 1289.86）",
        "fullwidth-digits.csv:3:营业收入(万元): 不是数字：'３４０８．９６'（全角字符：请写成 3408.96）",
      ],
      en: [
        "fullwidth-digits.csv:2:营业收入(万元): not a number: '１２８９．８６' (full-width characters: write 1289.86)",
        "fullwidth-digits.csv:3:营业收入(万元): not a number: '３４０８．９６' (full-width characters: write 3408.96)",
      ]
    ),
    OfficeCase(
      "empty.csv", [], status: 65,
      // An empty file, at line 1
      zh: [
        "empty.csv:1: 文件为空：需要一行表头和至少一行数据",
      ],
      en: [
        "empty.csv:1: the file is empty: a header line and at least one data row are required",
      ]
    ),
  ]

  @Test(arguments: cases) func messagesInBothLanguages(_ c: OfficeCase) throws {
    for (lang, expected) in [("zh", c.zh), ("en", c.en)] {
      let r = try CLI.run(
        ["validate", "Tests/Fixtures/office/" + c.file, "--criteria", "criteria/2022.toml", "--lang", lang] + c.arguments)
      #expect(r.status == c.status, "\(r.stderr)")
      #expect(r.errorLines.map { $0.replacingOccurrences(of: "Tests/Fixtures/office/", with: "") } == expected)
    }
    // The same positions in both languages.
    #expect(c.zh.map(Self.position) == c.en.map(Self.position))
  }

  /// `FILE:LINE[:COLUMN]:` of a diagnostic line.
  static func position(_ line: String) -> String {
    let parts = line.split(separator: ": ", maxSplits: 1, omittingEmptySubsequences: false)
    return String(parts[0])
  }
}
