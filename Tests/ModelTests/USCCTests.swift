import Model
import Testing

@Suite struct USCCTests {
  // Published codes (company registration notices) with valid check characters.
  @Test(arguments: ["91110108551385082Q", "91330000142916567N", "9144030071526726XG", "91310000132200821H"])
  func knownCodesAreValid(code: String) throws {
    #expect(try USCC.canonical(code).get() == code)
  }

  @Test func canonicalFormTrimsAndUppercases() throws {
    #expect(try USCC.canonical("  9144030071526726xg ").get() == "9144030071526726XG")
  }

  @Test func wrongCheckCharacterIsNamed() {
    guard case .failure(let p) = USCC.canonical("91330000142916567M") else {
      Issue.record("accepted a wrong check character")
      return
    }
    #expect(p == .checkCharacter(expected: "N", found: "M"))
  }

  @Test func forbiddenLettersAndLengthAreRejected() {
    guard case .failure(.character("I", position: 17)) = USCC.canonical("9133020071720293IN") else { Issue.record("I accepted"); return }
    guard case .failure(.length(17)) = USCC.canonical("91330200717202935") else {
      Issue.record("17 characters accepted")
      return
    }
  }

  @Test(arguments: 0..<200) func generatedCheckCharactersValidate(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let prefix = (0..<17).map { _ in USCC.alphabet[Int(rng.next() % 31)] }
    let code = String(decoding: prefix + [USCC.checkCharacter(forPrefix: prefix)], as: UTF8.self)
    #expect((try? USCC.canonical(code).get()) == code)
  }
}
