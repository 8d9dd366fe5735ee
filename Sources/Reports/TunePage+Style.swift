extension TunePage {
  /// The page's style: controls on the left, results on the right.
  static let css = #"""
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
      font-size: 14px; color: #222; margin: 0; background: #f6f7f9; }
    header { background: #2f5d8a; color: #fff; padding: 10px 18px; }
    h1 { font-size: 19px; margin: 0; } .sub { margin: 4px 0 0; color: #dbe6f2; font-size: 13px; }
    main { display: grid; grid-template-columns: minmax(330px, 420px) 1fr; gap: 16px; padding: 14px 18px; align-items: start; }
    aside { position: sticky; top: 10px; max-height: calc(100vh - 20px); overflow-y: auto; background: #fff;
      border: 1px solid #d5dbe3; border-radius: 6px; padding: 10px 12px; }
    fieldset { border: 1px solid #d5dbe3; border-radius: 5px; margin: 0 0 10px; padding: 6px 10px 8px; }
    legend { font-weight: bold; padding: 0 4px; color: #2f5d8a; }
    .knob { display: grid; grid-template-columns: 1fr 74px; gap: 0 8px; padding: 4px 0; border-bottom: 1px dotted #e3e7ec; }
    .knob:last-child { border-bottom: none; }
    .knob label { font-size: 13px; } .knob input[type=range] { width: 100%; margin: 2px 0; }
    input[type=range].banded { -webkit-appearance: none; appearance: none; height: 8px; border-radius: 4px; margin: 6px 0; }
    input[type=range].banded::-webkit-slider-thumb { -webkit-appearance: none; width: 14px; height: 14px; border-radius: 50%; background: #2f5d8a; border: 2px solid #fff; box-shadow: 0 0 0 1px #2f5d8a; }
    .knob input[type=number] { width: 74px; font-size: 13px; grid-row: span 2; align-self: center; }
    .knob .info { font-size: 11.5px; color: #666; grid-column: 1 / -1; }
    .knob .band { grid-column: 1; position: relative; height: 5px; margin: 0 7px 2px; background: #eef1f4; border-radius: 2px; }
    .knob .band span { position: absolute; top: 0; height: 5px; min-width: 3px; background: #3c8d2f; border-radius: 2px; } .knob.changed label { color: #b3261e; font-weight: bold; }
    .knob.changed { background: #fff6f4; }
    .rule { font-size: 12px; color: #555; margin: 4px 0 8px; }
    button { font: inherit; font-size: 12.5px; padding: 3px 10px; border: 1px solid #9fb3c8; background: #eef3f8; border-radius: 4px; cursor: pointer; }
    select { font: inherit; }
    #errors { background: #fdecea; border: 1px solid #e0a39d; color: #8a1c14; padding: 8px 12px; border-radius: 5px; margin-bottom: 10px; white-space: pre-wrap; }
    #summary { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-end; margin-bottom: 10px; }
    .stars { display: flex; gap: 6px; align-items: flex-end; height: 84px; }
    .stars .col { width: 36px; display: flex; flex-direction: column; justify-content: flex-end; }
    .stars .bar { background: #7aa2c8; color: #fff; font-size: 11px; text-align: center; min-height: 14px; }
    .stars span { display: block; text-align: center; font-size: 11px; color: #333; }
    .stars span.up { color: #3c8d2f; } .stars span.down { color: #b3261e; }
    #programmes { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 12px; }
    .programme, .panel { background: #fff; border: 1px solid #d5dbe3; border-radius: 6px; padding: 8px 10px; }
    .programme h3, .panel h3 { font-size: 14.5px; margin: 0 0 6px; } .programme h3 small, .panel h3 small { font-weight: normal; color: #666; }
    table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
    th, td { border-bottom: 1px solid #e6e9ee; padding: 2px 4px; text-align: left; }
    th { color: #555; font-weight: normal; background: #f1f4f8; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.entered td { background: #e7f5e1; } tr.reserve td { color: #666; } tr.left td { background: #fdeeee; }
    .badge { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 8px; background: #3c8d2f; color: #fff; margin-left: 4px; }
    .badge.out { background: #b3261e; } .before { font-size: 11px; color: #555; margin-left: 6px; } .up { color: #3c8d2f; } .down { color: #b3261e; }
    .id { color: #888; font-size: 11px; } h4 { margin: 8px 0 4px; font-size: 13px; color: #8a1c14; }
    pre { background: #fff; border: 1px solid #d5dbe3; padding: 8px; white-space: pre-wrap; word-break: break-all; font-size: 12.5px; margin: 4px 0 10px; }
    #copy { display: grid; grid-template-columns: 3fr 2fr; gap: 12px; margin-bottom: 8px; }
    #copy h3 { font-size: 13.5px; margin: 0 0 2px; } #copy pre { margin: 0; max-height: 9em; overflow-y: auto; }
    .slope svg { display: block; width: 100%; height: auto; font-size: 11px; }
    .slope text { fill: #333; } .slope text.axis { fill: #555; font-weight: bold; }
    .slope line.same { stroke: #b4bec9; stroke-width: 1; } .slope line.entered { stroke: #3c8d2f; stroke-width: 2.2; }
    .slope line.left { stroke: #b3261e; stroke-width: 2.2; } .slope line.moved { stroke: #d68a00; stroke-width: 2.2; }
    .slope .key { font-size: 11.5px; color: #555; margin: 2px 0 4px; } .slope .key b { display: inline-block; width: 14px; height: 3px; vertical-align: middle; margin: 0 3px 0 8px; }
    .slope g[data-id] { cursor: pointer; } .slope g[data-id]:hover text { fill: #2f5d8a; text-decoration: underline; }
    tbody tr[data-id] { cursor: pointer; } tbody tr[data-id]:hover td { background: #eef3f8; } tr.picked td { outline: 1px solid #2f5d8a; }
    #card { position: fixed; right: 18px; top: 58px; width: min(640px, 52vw); max-height: calc(100vh - 76px); overflow-y: auto; background: #fff;
      border: 1px solid #2f5d8a; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 8px 12px; z-index: 10; }
    #card h3 { font-size: 14.5px; margin: 0 0 4px; display: flex; justify-content: space-between; gap: 8px; align-items: center; }
    #card .note { font-size: 11.5px; color: #666; margin: 0 0 4px; } #card pre { font-size: 12px; margin: 0; border: none; padding: 0; }
    .stale #programmes, .stale #summary, .failed #programmes, .failed #summary, .failed #copy { opacity: 0.45; }

    """#
}
