extension TunePage {
  /// The page's script (its functions; `chartScript` and `boot` follow it): builds the
  /// controls from the model, sends the changed values (`KEY.PATH=VALUE` lines) 150 ms after
  /// the last move, draws the answer; an answer to an older request than the one shown is
  /// dropped.
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
    """#
}
