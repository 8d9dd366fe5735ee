extension RawEnterprise {
  /// The company name's UTF-8 bytes: place + brand + industry word + company form.
  func nameBytes(into out: inout [UInt8]) {
    out.removeAll(keepingCapacity: true)
    out.append(contentsOf: Vocabulary.namePrefixes.items[namePrefix])
    if quotedBrand { out.append(UInt8(ascii: "\"")) }
    out.append(contentsOf: Vocabulary.brandCharacters[brand.0])
    out.append(contentsOf: Vocabulary.brandCharacters[brand.1])
    if quotedBrand { out.append(UInt8(ascii: "\"")) }
    out.append(contentsOf: Vocabulary.industryWords[industry][industryWord])
    out.append(contentsOf: jointStock ? Vocabulary.joinStock : Vocabulary.limited)
    if isBranch { out.append(contentsOf: Vocabulary.branch) }
  }

  /// Appends the row as one CSV line (with the trailing LF) to `line`.
  func appendLine(to line: inout CSVLineBuffer, scratch: inout [UInt8]) {
    let comma = UInt8(ascii: ",")
    line.append(uscc)
    line.append(comma)
    nameBytes(into: &scratch)
    line.append(field: scratch)
    line.append(comma)
    line.append(Vocabulary.districts.items[district])
    line.append(comma)
    line.append(Vocabulary.industries.items[industry])
    line.append(comma)
    line.append(aboveScale ? Vocabulary.yes : Vocabulary.no)
    line.append(comma)
    line.append(Vocabulary.honours[honour])
    line.append(comma)
    line.append(pilotIndustry ? Vocabulary.yes : Vocabulary.no)
    let decimals = Metric.decimalsTable
    for k in 0..<decimals.count {
      line.append(comma)
      if missing[k] { continue }
      line.append(number: values[k], decimals: decimals[k])
    }
    line.append(10)
  }
}
