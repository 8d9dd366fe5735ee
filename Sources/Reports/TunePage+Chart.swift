extension TunePage {
  /// The page's rank-change chart (`slopeChart`, an SVG drawn from the answer's `slope`)
  /// and the explanation card (`explain`, from `POST /api/explain`).
  static let chartScript = #"""
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

    """#

  /// The page's start: the nominal result drawn, then the bands fetched.
  static let boot = #"""
    const NOMINAL = JSON.parse(document.getElementById("initial").textContent);
    buildControls();
    render(NOMINAL);
    document.body.dataset.seq = "0";
    loadBands();


    """#
}
