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

  /// The page's script: builds the controls from the model, sends the changed values
  /// (`KEY.PATH=VALUE` lines) 150 ms after the last move, draws the answer; an answer to an
  /// older request than the one shown is dropped.
  static let script = #"""
    "use strict";
    const M = JSON.parse(document.getElementById("model").textContent);
    const T = M.text;
    const inputs = [];
    let seq = 0, shownSeq = 0, timer = null;
    const fmt = (x, d) => (x === null || !isFinite(x)) ? "–" : (+x).toFixed(d === undefined ? 3 : d).replace(/\.?0+$/, "");
    const el = (tag, attrs, text) => { const e = document.createElement(tag); for (const k in (attrs || {})) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
    const shq = s => /^[A-Za-z0-9_.,=\/:+-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'";
    function stepOf(x) { return Math.abs(x * 100 - Math.round(x * 100)) > 1e-9 ? "any" : "0.01"; }
    function buildControls() {
      const aside = document.getElementById("controls");
      const mf = el("fieldset"); mf.appendChild(el("legend", {}, T.method));
      const lab = el("label", {}, T.aggregation + " ");
      const sel = el("select", { id: "aggregation" });
      for (const a of M.aggregations) { const o = el("option", { value: a }, a); if (a === M.aggregation) o.selected = true; sel.appendChild(o); }
      sel.addEventListener("change", schedule);
      lab.appendChild(sel); mf.appendChild(lab);
      const reset = el("button", { id: "reset", type: "button" }, T.reset);
      reset.style.marginLeft = "10px";
      reset.addEventListener("click", () => { for (const k of inputs) setValue(k, String(k.knob.nominal)); sel.value = M.aggregation; schedule(); });
      mf.appendChild(reset);
      aside.appendChild(mf);
      aside.appendChild(el("p", { class: "rule" }, T.rule));
      aside.appendChild(el("p", { class: "rule", id: "band-note" }, T.bandsWait));
      for (const f of M.fixed) aside.appendChild(el("p", { class: "rule" }, `${f.node === "" ? T.root : f.label}: ${T.derived} ${f.method}`));
      const parents = [];
      for (const k of M.knobs) if (!parents.includes(k.parent)) parents.push(k.parent);
      for (const p of parents) {
        const fs = el("fieldset", { "data-parent": p });
        const first = M.knobs.find(k => k.parent === p);
        fs.appendChild(el("legend", {}, p === "" ? T.groupWeights : T.criteriaOf + first.parentLabel));
        for (const k of M.knobs.filter(k => k.parent === p)) {
          const row = el("div", { class: "knob", "data-path": k.path });
          const max = Math.max(1, Math.ceil(k.nominal * 2));
          row.appendChild(el("label", { for: "r-" + k.path }, k.label));
          const num = el("input", { type: "number", min: "0", step: stepOf(k.nominal), value: String(k.nominal), "aria-label": k.label });
          row.appendChild(num);
          const range = el("input", { type: "range", id: "r-" + k.path, min: "0", max: String(max), step: stepOf(k.nominal), value: String(k.nominal) });
          row.appendChild(range);
          const strip = el("div", { class: "band", hidden: "" });
          strip.appendChild(el("span"));
          row.appendChild(strip);
          row.appendChild(el("div", { class: "info" }, ""));
          const item = { knob: k, range, num, row, max, strip };
          range.addEventListener("input", () => { num.value = range.value; changed(item); });
          num.addEventListener("input", () => { if (num.value !== "" && +num.value >= 0 && +num.value <= max) range.value = num.value; changed(item); });
          inputs.push(item);
          fs.appendChild(row);
        }
        aside.appendChild(fs);
      }
    }
    // The bands arrive from their own endpoint, computed after the page was served.
    function paintBand(item) {
      const k = item.knob, max = item.max, range = item.range;
      if (!k.stable) return;
      const lo = Math.min(k.stable[0], max), hi = k.stable[1] === null ? max : Math.min(k.stable[1], max);
      const a = (100 * lo / max).toFixed(2), b = (100 * hi / max).toFixed(2);
      range.style.background = `linear-gradient(to right, #dde3ea ${a}%, #9fd39a ${a}%, #9fd39a ${b}%, #dde3ea ${b}%)`;
      range.classList.add("banded");
      // The same band as a strip under the track, where the thumb cannot hide a narrow one.
      const span = item.strip.firstChild;
      span.style.left = a + "%";
      span.style.width = `calc(${(b - a).toFixed(2)}% + 1px)`;
      item.strip.hidden = false;
      const end = (arrow, x, e) => e ? `\n${arrow} ${fmt(x)}: ${e.programme} — ${e.entering} ${T.replaces} ${e.leaving}` : "";
      range.title = `${T.stable} [${fmt(k.stable[0])}, ${k.stable[1] === null ? "∞" : fmt(k.stable[1])}]${k.stableExact ? "" : " ≈"}`
        + end("↓", k.stable[0], k.low) + end("↑", k.stable[1], k.high);
    }
    async function loadBands() {
      try {
        const r = await fetch("/api/stability");
        const d = await r.json();
        const byPath = {};
        for (const b of d.knobs || []) byPath[b.path] = b;
        for (const item of inputs) {
          const b = byPath[item.knob.path];
          if (!b) continue;
          Object.assign(item.knob, { stable: b.stable, stableExact: b.exact, low: b.low, high: b.high });
          paintBand(item);
        }
        const note = document.getElementById("band-note");
        if ((d.knobs || []).length) note.textContent = T.stableNote; else note.remove();
        bandTime = (d.knobs || []).length ? ` · ${T.bandsTime} ${fmt(d.ms / 1000, 2)} s` : "";
        document.getElementById("band-time").textContent = bandTime;
        infoLines();
        document.body.dataset.bands = String((d.knobs || []).length);
      } catch (e) {
        document.getElementById("band-note").textContent = T.bandsFailed + " " + e;
        document.body.dataset.bands = "failed";
      }
    }
    function setValue(item, v) { item.range.value = v; item.num.value = v; item.row.classList.toggle("changed", false); }
    function changed(item) { item.row.classList.toggle("changed", item.num.value.trim() !== String(item.knob.nominal) && +item.num.value !== item.knob.nominal); schedule(); }
    function changes() {
      const out = [];
      for (const item of inputs) {
        const v = item.num.value.trim();
        if (v === "" || +v !== item.knob.nominal || !isFinite(+v)) out.push(item.knob.path + "=" + v);
      }
      const a = document.getElementById("aggregation").value;
      if (a !== M.aggregation) out.push("aggregation.method=" + a);
      return out;
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(send, 150); }
    async function send() {
      const mine = ++seq;
      document.body.classList.add("stale");
      try {
        const r = await fetch("/api/evaluate", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: changes().join("\n") });
        const d = await r.json();
        if (mine < shownSeq) return;
        shownSeq = mine;
        render(d);
      } catch (e) {
        if (mine >= shownSeq) showErrors([String(e)]);
      } finally {
        if (mine === seq) document.body.classList.remove("stale");
      }
    }
    let lastWeights = {};
    let bandTime = "";
    function infoLines() {
      for (const item of inputs) {
        const w = lastWeights[item.knob.path];
        const k = item.knob;
        const band = k.stable ? ` · ${T.stable} [${fmt(k.stable[0])}, ${k.stable[1] === null ? "∞" : fmt(k.stable[1])}]${k.stableExact ? "" : "≈"}` : "";
        item.row.querySelector(".info").textContent = `${T.file} ${k.nominal} · ${T.effective} ${fmt(w && w.local)} · ${T.final} ${fmt(w && w.final, 4)}${band}`;
      }
    }
    function showErrors(list) {
      const box = document.getElementById("errors");
      box.hidden = false;
      box.textContent = T.error + "\n" + list.join("\n");
    }
    function render(d) {
      document.body.dataset.seq = String(shownSeq);
      if (!d.ok) { showErrors(d.errors || []); document.body.dataset.state = "error"; document.body.classList.add("failed"); return; }
      document.body.dataset.state = "ok";
      document.body.classList.remove("failed");
      document.getElementById("errors").hidden = true;
      const status = document.getElementById("status");
      status.textContent = `${d.aggregation} · ${T.ranked} ${d.ranked}` + (d.ms > 0 ? ` · ${T.recalc} ${fmt(d.ms, 2)} ms` : "");
      status.appendChild(el("span", { id: "band-time" }, bandTime));
      lastWeights = {};
      for (const w of d.weights) lastWeights[w.path] = w;
      infoLines();
      const sum = document.getElementById("summary");
      sum.textContent = "";
      const st = el("div", { class: "stars", id: "stars", title: T.stars });
      const top = Math.max(1, ...d.stars);
      d.stars.forEach((n, i) => {
        const c = el("div", { class: "col" }); const bar = el("div", { class: "bar" }, String(n)); bar.style.height = (8 + 52 * n / top) + "px";
        const delta = n - NOMINAL.stars[i];
        c.appendChild(el("span", { class: delta > 0 ? "up" : "down" }, delta === 0 ? "\u00a0" : (delta > 0 ? "+" : "") + delta));
        c.appendChild(bar); c.appendChild(el("span", {}, i + "★")); st.appendChild(c);
      });
      const box = el("div"); box.appendChild(el("div", {}, T.stars)); box.appendChild(st); sum.appendChild(box);
      const money = el("div", { id: "rewards" }, `${T.granted} ${d.granted.toLocaleString()}` + (d.budget === null ? "" : ` / ${T.budget} ${d.budget.toLocaleString()}`));
      sum.appendChild(money);
      const progs = document.getElementById("programmes");
      progs.textContent = "";
      progs.appendChild(slopeChart(d.slope || []));
      for (const p of d.programmes) progs.appendChild(programme(p));
      if (card.id) explain(card.id);
      const copy = document.getElementById("copy");
      copy.textContent = "";
      const args = d.set.length ? M.command + d.set.map(s => " --set " + shq(s)).join("") : T.none;
      block(copy, T.setArgs, "set-args", args);
      block(copy, T.toml, "toml", d.toml || T.none);
      const dl = el("button", { type: "button", id: "download" }, T.download);
      dl.addEventListener("click", download);
      copy.lastChild.querySelector("h3").appendChild(dl);
    }
    async function download() {
      const r = await fetch("/api/file", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: changes().join("\n") });
      const text = await r.text();
      if (!r.ok) { try { showErrors(JSON.parse(text).errors || [text]); } catch (e) { showErrors([text]); } return; }
      const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/toml" })), download: M.saveAs });
      document.body.appendChild(a); a.click(); a.remove();
    }
    function block(parent, title, id, text) {
      const h = el("h3", {}, title + " ");
      const b = el("button", { type: "button" }, T.copyBtn);
      b.style.marginRight = "6px";
      b.addEventListener("click", () => navigator.clipboard && navigator.clipboard.writeText(text));
      const box = el("div");
      h.appendChild(b); box.appendChild(h); box.appendChild(el("pre", { id }, text)); parent.appendChild(box);
    }
    function rankCell(e) {
      const td = el("td", { class: "n" }, String(e.rank));
      if (e.was && e.was !== e.rank) td.appendChild(el("span", { class: e.rank < e.was ? "up" : "down" }, ` (${T.was} ${e.was})`));
      return td;
    }
    // The rank-change chart: the file's rank on the left, the rank now on the right, each
    // side in rank order; a line per enterprise, coloured by entering or leaving a list.
    const SVGNS = "http://www.w3.org/2000/svg";
    const svg = (tag, attrs, text) => { const e = document.createElementNS(SVGNS, tag); for (const k in (attrs || {})) e.setAttribute(k, attrs[k]); if (text !== undefined) e.textContent = text; return e; };
    const short = (s, n) => s.length > n ? s.slice(0, n - 1) + "…" : s;
    function slopeChart(rows) {
      const box = el("section", { class: "panel slope", id: "slope" });
      const h = el("h3", {}, T.slope + " ");
      h.appendChild(el("small", {}, T.slopeSub));
      box.appendChild(h);
      const key = el("div", { class: "key" });
      for (const [c, w] of [["#3c8d2f", T.entered], ["#b3261e", T.left], ["#d68a00", T.moved], ["#b4bec9", T.same]]) {
        const b = el("b"); b.style.background = c; key.appendChild(b); key.appendChild(document.createTextNode(w));
      }
      box.appendChild(key);
      const step = 15, top = 22, W = 460, xl = 190, xr = 270;
      const H = top + Math.max(1, rows.length) * step + 4;
      const g = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "slope-svg", role: "img", "aria-label": T.slope });
      g.appendChild(svg("text", { x: xl, y: 12, "text-anchor": "end", class: "axis" }, T.slopeWas));
      g.appendChild(svg("text", { x: xr, y: 12, class: "axis" }, T.slopeNow));
      const key0 = r => r > 0 ? r : 1e12;
      const left = rows.slice().sort((a, b) => key0(a.was) - key0(b.was) || (a.id < b.id ? -1 : 1));
      const right = rows.slice().sort((a, b) => key0(a.rank) - key0(b.rank) || (a.id < b.id ? -1 : 1));
      const yl = {}, yr = {};
      left.forEach((r, i) => yl[r.id] = top + i * step + 8);
      right.forEach((r, i) => yr[r.id] = top + i * step + 8);
      const order = rows.slice().sort((a, b) => (a.status === "same") - (b.status === "same")).reverse();
      for (const r of order) {
        const grp = svg("g", { "data-id": r.id, "data-status": r.status });
        grp.appendChild(svg("title", {}, `${r.label}: ${r.was || "–"} → ${r.rank || "–"}`));
        grp.appendChild(svg("line", { x1: xl + 4, y1: yl[r.id] - 4, x2: xr - 4, y2: yr[r.id] - 4, class: r.status }));
        grp.appendChild(svg("text", { x: xl, y: yl[r.id], "text-anchor": "end" }, `${short(r.label, 12)} ${r.was || "–"}`));
        grp.appendChild(svg("text", { x: xr, y: yr[r.id] }, `${r.rank || "–"} ${short(r.label, 12)}`));
        grp.addEventListener("click", () => explain(r.id));
        g.appendChild(grp);
      }
      box.appendChild(g);
      return box;
    }
    // The explanation card: what `exemplar explain --id` prints for the current sliders.
    const card = { id: null, seq: 0 };
    async function explain(id) {
      card.id = id;
      const mine = ++card.seq;
      let box = document.getElementById("card");
      if (!box) {
        box = el("div", { id: "card", role: "dialog" });
        document.body.appendChild(box);
      }
      box.classList.add("loading");
      for (const tr of document.querySelectorAll("tr.picked")) tr.classList.remove("picked");
      for (const tr of document.querySelectorAll(`tr[data-id="${CSS.escape(id)}"]`)) tr.classList.add("picked");
      try {
        const r = await fetch("/api/explain", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: [id, ...changes()].join("\n") });
        const d = await r.json();
        if (mine !== card.seq) return;
        box.textContent = "";
        const h = el("h3", {}, d.ok ? `${d.label} · ${d.id}` : T.error);
        const close = el("button", { type: "button", id: "card-close" }, T.close);
        close.addEventListener("click", () => { card.id = null; box.remove(); for (const tr of document.querySelectorAll("tr.picked")) tr.classList.remove("picked"); });
        h.appendChild(close); box.appendChild(h);
        box.appendChild(el("p", { class: "note" }, T.cardNote));
        box.appendChild(el("pre", { id: "card-text" }, d.ok ? d.text : (d.errors || []).join("\n")));
        box.dataset.id = id;
        box.dataset.seq = String(shownSeq);
      } catch (e) {
        if (mine === card.seq) box.textContent = String(e);
      } finally {
        box.classList.remove("loading");
      }
    }
    function row(e, cls, i, extra) {
      const tr = el("tr", { class: cls, "data-id": e.id, "data-rank": String(e.rank), title: T.clickCard });
      tr.addEventListener("click", () => explain(e.id));
      tr.appendChild(el("td", { class: "n" }, String(i)));
      const name = el("td", {}, e.label); name.appendChild(el("div", { class: "id" }, e.id));
      if (extra) name.appendChild(el("span", { class: "badge" + (cls === "left" ? " out" : "") }, extra));
      if (e.before) name.appendChild(el("span", { class: "before" }, e.before));
      tr.appendChild(name); tr.appendChild(rankCell(e));
      tr.appendChild(el("td", { class: "n" }, fmt(e.score, 2)));
      tr.appendChild(el("td", { class: "n" }, "★".repeat(e.stars) || "0"));
      return tr;
    }
    function table(head) {
      const t = el("table"); const tr = el("tr");
      for (const h of head) tr.appendChild(el("th", {}, h));
      const th = el("thead"); th.appendChild(tr); t.appendChild(th); return t;
    }
    function programme(p) {
      const s = el("section", { class: "programme", id: "prog-" + p.key, "data-key": p.key });
      const entered = p.selected.filter(e => e.entered).length;
      const h = el("h3", {}, p.name + " ");
      h.appendChild(el("small", {}, `${T.selected} ${p.selected.length}/${p.quota} · ${T.entered} ${entered} · ${T.left} ${p.left.length}`));
      s.appendChild(h);
      const t = table(["#", T.name, T.rank, T.score, "★"]);
      const body = el("tbody", { class: "selected" });
      p.selected.forEach((e, i) => body.appendChild(row(e, e.entered ? "entered" : "", i + 1, e.entered ? T.entered : "")));
      t.appendChild(body);
      const res = el("tbody", { class: "reserve" });
      p.reserve.forEach((e, i) => res.appendChild(row(e, "reserve", T.reserve + " " + (i + 1), e.entered ? T.entered : "")));
      t.appendChild(res);
      s.appendChild(t);
      if (p.left.length) {
        s.appendChild(el("h4", {}, T.leftList));
        const lt = table(["", T.name, T.rank, T.score, "★", T.reason]);
        const lb = el("tbody", { class: "left" });
        p.left.forEach((e, i) => { const tr = row(e, "left", i + 1, T.left); tr.appendChild(el("td", {}, e.reason)); lb.appendChild(tr); });
        lt.appendChild(lb); s.appendChild(lt);
      }
      return s;
    }
    const NOMINAL = JSON.parse(document.getElementById("initial").textContent);
    buildControls();
    render(NOMINAL);
    document.body.dataset.seq = "0";
    loadBands();

    """#
}
