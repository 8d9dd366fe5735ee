import Testing

/// The test's own GB 11714 check must agree with a published code before it judges the generator.
@Suite struct OrganisationCodeTests {
  /// 91350100M000100Y43 is the worked example of GB 32100-2015; its organisation code is M000100Y4.
  @Test func publishedExample() {
    #expect(organisationCodeIsValid(Array("M000100Y4".utf8)[...]))
    #expect(!organisationCodeIsValid(Array("M000100Y5".utf8)[...]))
  }
}
