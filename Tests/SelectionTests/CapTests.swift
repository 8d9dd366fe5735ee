import Criteria
import Model
import TestSupport
import Testing

@testable import Selection

/// Caps: at most N per value on the shortlist, and separately on the reserve list.
struct CapTests {
  private static let industries = ["机械", "机械", "机械", "纺织", "纺织", "纺织", "汽车零部件", "机械", "纺织"]

  private func world(quota: Int, reserves: Int, caps: [String: Int]) -> World {
    let firms = ladder(Self.industries.count) { r, f in f.industry = Self.industries[r - 1] }
    return World(firms, programmes: [ProgrammeDraft(key: "city", quota: quota, reserves: reserves, caps: caps)])
  }

  @Test func capsFillAndThePassedOverTakeNoPlace() {
    let w = world(quota: 5, reserves: 0, caps: ["industry": 2])
    let p = w.decide().programmes[0]
    #expect(w.ids(p.selected) == ["F01", "F02", "F04", "F05", "F07"])
    #expect(p.reason(w.row("F03")) == .cap(column: "行业", value: "机械", limit: 2))
    #expect(p.reason(w.row("F06")) == .cap(column: "行业", value: "纺织", limit: 2))
    // Reached after the shortlist is full: below the line, not capped.
    #expect(p.reason(w.row("F08")) == .belowLine(quota: 5))
    #expect(p.reason(w.row("F09")) == .belowLine(quota: 5))
  }

  @Test func rowsPassedOverByACapBecomeReservesUnderTheirOwnCount() {
    let w = world(quota: 5, reserves: 3, caps: ["industry": 2])
    let p = w.decide().programmes[0]
    #expect(w.ids(p.selected) == ["F01", "F02", "F04", "F05", "F07"])
    // Reserve counts start at zero: the capped 机械 and 纺织 firms are the first reserves.
    #expect(w.ids(p.reserve) == ["F03", "F06", "F08"])
    #expect(p.reason(w.row("F09")) == .belowLine(quota: 5))
  }

  @Test func theReserveListObeysTheCapToo() {
    let w = world(quota: 2, reserves: 3, caps: ["industry": 1])
    let p = w.decide().programmes[0]
    #expect(w.ids(p.selected) == ["F01", "F04"])
    // Waiting in order: F02 机械 (cap), F03 机械 (cap), F05 纺织, F06 纺织, F07 汽车, …
    #expect(w.ids(p.reserve) == ["F02", "F05", "F07"])
    // F03 was stopped by the shortlist cap and again by the reserve cap: cap.
    #expect(p.reason(w.row("F03")) == .cap(column: "行业", value: "机械", limit: 1))
    // F06 reached the reserve list while it had room, but 纺织 was full there.
    #expect(p.reason(w.row("F06")) == .cap(column: "行业", value: "纺织", limit: 1))
    #expect(p.reason(w.row("F08")) == .belowLine(quota: 2))
  }

  @Test func aRowWithoutAValueIsNotLimitedByThatCap() {
    let firms = ladder(4) { r, f in f.industry = r == 1 ? "机械" : nil }
    let w = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 4, caps: ["industry": 1])])
    #expect(w.ids(w.decide().programmes[0].selected) == ["F01", "F02", "F03", "F04"])
  }

  @Test func theFirstFullCapInColumnKeyOrderIsReported() {
    let firms = ladder(3) { r, f in
      f.industry = "机械"
      f.district = "东区"
    }
    let w = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 3, caps: ["industry": 1, "district": 1])])
    let p = w.decide().programmes[0]
    #expect(w.ids(p.selected) == ["F01"])
    // No label on district: its canonical header names it.
    #expect(p.reason(1) == .cap(column: "所在区域", value: "东区", limit: 1))
  }

  @Test func aCapOfZeroKeepsOutEveryRowWithAValue() {
    let firms = ladder(3) { r, f in f.industry = r == 2 ? "纺织" : "机械" }
    let w = World(firms, programmes: [ProgrammeDraft(key: "city", quota: 3, caps: ["industry": 0])])
    let p = w.decide().programmes[0]
    #expect(p.selected.isEmpty)
    #expect(p.reason(1) == .cap(column: "行业", value: "纺织", limit: 0))
  }

  @Test func aCapOnATextColumnCountsEqualStrings() {
    let w = World(ladder(3), programmes: [ProgrammeDraft(key: "city", quota: 3, caps: ["name": 1])])
    // Every name differs: nobody is capped.
    #expect(w.decide().programmes[0].selected.count == 3)
  }
}
