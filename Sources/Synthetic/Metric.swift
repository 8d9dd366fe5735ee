import Model

/// The metric columns in file order (after the seven identity columns).
enum Metric: Int, CaseIterable {
  case employees, revenue, revenuePerEmployee, digitalInvestment, itInvestment, consulting, digitalStaff
  case cloudLevel, maturityLevel
  case costReduction, energyReduction, inventoryTurnoverGain
  case efficiencyGain, oee, leadTimeReduction, onTimeDelivery
  case defectReduction, firstPassYield, defectRate, complaintsChange
  case trainingSatisfaction

  /// Declaration of each metric column (key, header, type, unit, range, decimals, missing share).
  var column: SyntheticColumn {
    switch self {
    case .employees:
      return SyntheticColumn("employees", "从业人员数(人)", .integer, unit: "人", range: 1...100_000)
    case .revenue:
      return SyntheticColumn("revenue_wan", "营业收入(万元)", .number, unit: "万元", range: 0...10_000_000, decimals: 2)
    case .revenuePerEmployee:
      return SyntheticColumn(
        "revenue_per_employee_wan", "人均营业收入(万元/人)", .number, unit: "万元/人", range: 0...100_000, decimals: 2)
    case .digitalInvestment:
      return SyntheticColumn(
        "digital_investment_wan", "数字化改造投入(万元)", .number, unit: "万元", range: 0...1_000_000, decimals: 2)
    case .itInvestment:
      return SyntheticColumn("it_investment_wan", "软硬件投入(万元)", .number, unit: "万元", range: 0...1_000_000, decimals: 2)
    case .consulting:
      return SyntheticColumn(
        "consulting_spend_wan", "管理咨询费用(万元)", .number, unit: "万元", range: 0...100_000, decimals: 2)
    case .digitalStaff:
      return SyntheticColumn("digital_staff", "数字化专业人员数(人)", .integer, unit: "人", range: 0...100_000)
    case .cloudLevel:
      return SyntheticColumn("cloud_level", "企业上云等级(级)", .integer, unit: "级", range: 0...5)
    case .maturityLevel:
      return SyntheticColumn("maturity_level", "数字化水平等级(级)", .integer, unit: "级", range: 1...4)
    case .costReduction:
      return SyntheticColumn("cost_reduction_pct", "综合成本降低率(%)", .number, unit: "%", range: -100...100, decimals: 2)
    case .energyReduction:
      return SyntheticColumn(
        "energy_cost_reduction_pct", "单位产值能耗降低率(%)", .number, unit: "%", range: -100...100, decimals: 2,
        missingRate: 0.015, missingPolicy: .worst)
    case .inventoryTurnoverGain:
      return SyntheticColumn(
        "inventory_turnover_gain_pct", "库存周转率提升率(%)", .number, unit: "%", range: -100...1000, decimals: 2)
    case .efficiencyGain:
      return SyntheticColumn(
        "efficiency_gain_pct", "生产效率提升率(%)", .number, unit: "%", range: -100...1000, decimals: 2)
    case .oee:
      return SyntheticColumn(
        "oee_pct", "设备综合效率OEE(%)", .number, unit: "%", range: 0...100, decimals: 2, missingRate: 0.01,
        missingPolicy: .median)
    case .leadTimeReduction:
      return SyntheticColumn(
        "lead_time_reduction_pct", "订单交付周期缩短率(%)", .number, unit: "%", range: -100...100, decimals: 2)
    case .onTimeDelivery:
      return SyntheticColumn("on_time_delivery_pct", "订单准时交付率(%)", .number, unit: "%", range: 0...100, decimals: 2)
    case .defectReduction:
      return SyntheticColumn(
        "defect_reduction_pct", "产品不良率降低率(%)", .number, unit: "%", range: -100...100, decimals: 2)
    case .firstPassYield:
      return SyntheticColumn("first_pass_yield_pct", "产品一次合格率(%)", .number, unit: "%", range: 0...100, decimals: 2)
    case .defectRate:
      return SyntheticColumn("defect_rate_pct", "产品不良率(%)", .number, unit: "%", range: 0...100, decimals: 2)
    case .complaintsChange:
      return SyntheticColumn(
        "complaints_change_pct", "客户投诉量变化率(%)", .number, unit: "%", range: -100...1000, decimals: 2,
        missingRate: 0.01, missingPolicy: .median)
    case .trainingSatisfaction:
      return SyntheticColumn(
        "training_satisfaction", "培训满意度(分)", .number, unit: "分", range: 0...100, decimals: 1, missingRate: 0.02,
        missingPolicy: .mean)
    }
  }
}

extension Metric {
  /// Decimals of each metric, by raw value (precomputed for the hot loop).
  static let decimalsTable: [Int] = allCases.map(\.column.decimals)
  /// Missing share of each metric, by raw value.
  static let missingRates: [Double] = allCases.map(\.column.missingRate)
}
