#!/usr/bin/env python3
"""The tuning page in a real browser (Playwright for Python driving Debian's chromium).

Starts `exemplar tune` on the samples, reads its URL from stdout, waits for the sliders'
stability bands (they must be `exemplar weights --stability`'s intervals), moves sliders and a
method in the page and checks that the lists and ranks the page shows are those `exemplar run`
with the same `--set` writes into results.json, that the rank-change chart follows, and that
clicking an enterprise shows the text `exemplar explain --id` prints for the same `--set`; then
an invalid value (an error shown on the page, the server still serving), the reset button, and
a clean stop on SIGINT and SIGTERM.

Usage: tune_test.py [EXEMPLAR_BINARY]   (default .build/debug/exemplar)
Set TUNE_SCREENSHOTS=DIR to keep screenshots of the page before and after the slider move.
"""
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request

from playwright.sync_api import sync_playwright

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/exemplar"))
INPUTS = ["samples/metrics-2022.csv", "--criteria", "criteria/2022.toml", "--history", "samples/history.csv"]
SHOTS = os.environ.get("TUNE_SCREENSHOTS")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message, file=sys.stderr)


def start_tune():
    proc = subprocess.Popen([BIN, "tune", *INPUTS, "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()  # the server prints its URL once it listens
    if not line.startswith("http://127.0.0.1:"):
        proc.kill()
        sys.exit(f"tune printed {line!r} instead of its URL; stderr: {proc.stderr.read()}")
    return proc, line


def stop(proc, sig, name):
    proc.send_signal(sig)
    try:
        code = proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        code = "hung"
    check(code == 0, f"tune after {name} exited {code}, expected 0")


def cli_run(sets, criteria=None):
    """results.json of `exemplar run` on the same inputs with these --set changes (or another criteria file)."""
    out = tempfile.mkdtemp(prefix="tune-test-") + "/out"
    inputs = INPUTS if criteria is None else [INPUTS[0], "--criteria", criteria, *INPUTS[3:]]
    args = [BIN, "run", *inputs, "--out", out, "--no-excel", "--no-html"]
    for s in sets:
        args += ["--set", s]
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    with open(os.path.join(out, "results.json"), encoding="utf-8") as f:
        return json.load(f)


def page_lists(page):
    """Per programme: (selected ids, reserve ids, {id: rank}) as the page shows them."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('section.programme')].map(s => [s.dataset.key, {
             selected: [...s.querySelectorAll('tbody.selected tr')].map(r => r.dataset.id),
             reserve: [...s.querySelectorAll('tbody.reserve tr')].map(r => r.dataset.id),
             ranks: Object.fromEntries([...s.querySelectorAll('tbody.selected tr, tbody.reserve tr')].map(r => [r.dataset.id, +r.dataset.rank]))
           }]))"""
    )


def compare(shown, results, what):
    ranks = {e["id"]: e["rank"] for e in results["ranking"]}
    check(set(shown) == set(results["shortlists"]), f"{what}: programmes {sorted(shown)} vs {sorted(results['shortlists'])}")
    for key, lists in results["shortlists"].items():
        got = shown.get(key, {"selected": [], "reserve": [], "ranks": {}})
        check(got["selected"] == lists["selected"], f"{what}: {key} selected {got['selected']} vs run's {lists['selected']}")
        check(got["reserve"] == lists["reserve"], f"{what}: {key} reserve {got['reserve']} vs run's {lists['reserve']}")
        for i, r in got["ranks"].items():
            check(r == ranks.get(i), f"{what}: {key} {i} rank {r} vs run's {ranks.get(i)}")


def cli_text(args, sets):
    for s in sets:
        args = args + ["--set", s]
    return subprocess.run([BIN, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def check_bands(page):
    """The bands the page painted are weights --stability's intervals, intersected over the programmes."""
    page.wait_for_function("document.body.dataset.bands !== undefined", timeout=60000)
    check(page.evaluate("document.body.dataset.bands") not in ("0", "failed"), "no stability bands arrived")
    stab = json.loads(cli_text(["weights", *INPUTS, "--stability", "--json"], []))
    want = {}
    for prog in stab["stability"]:
        for iv in prog["intervals"]:
            path = ("groups." if iv["kind"] == "group" else "criteria.") + iv["criterion"] + ".weight"
            lo, hi = want.get(path, (0.0, 1.0))
            want[path] = (max(lo, iv["low"]), min(hi, iv["high"]))
    got = {k["path"]: tuple(k["local"]) for k in json.loads(urllib.request.urlopen(page.url + "api/stability").read())["knobs"]}
    check(got.keys() == want.keys(), f"bands for {sorted(got)} vs weights --stability {sorted(want)}")
    for path, (lo, hi) in want.items():
        g = got.get(path, (None, None))
        check(g[0] is not None and abs(g[0] - lo) < 1e-12 and abs(g[1] - hi) < 1e-12, f"{path}: band {g} vs weights --stability [{lo}, {hi}]")
    banded = page.evaluate("[...document.querySelectorAll('input[type=range].banded')].length")
    check(banded == len(want), f"{banded} sliders painted with a band, {len(want)} bands")
    title = page.get_attribute('[id="r-groups.efficiency.weight"]', "title") or ""
    check("↑" in title or "↓" in title, f"the band's tooltip names no list change: {title!r}")


def slope_rows(page):
    return page.evaluate("""() => [...document.querySelectorAll('#slope-svg g[data-id]')].map(g => ({
        id: g.dataset.id, status: g.dataset.status,
        was: g.querySelectorAll('text')[0].textContent.split(' ').pop(), now: g.querySelectorAll('text')[1].textContent.split(' ')[0] }))""")


def check_slope(page, results, nominal_results, what):
    """Every line of the chart: ranks as `run` gives them, coloured as the lists changed."""
    rows = slope_rows(page)
    check(len(rows) > 0, f"{what}: the rank-change chart is empty")
    ranks = {e["id"]: e["rank"] for e in results["ranking"]}
    was = {e["id"]: e["rank"] for e in nominal_results["ranking"]}
    entered, left = set(), set()
    for key, lists in results["shortlists"].items():
        before = set(nominal_results["shortlists"][key]["selected"])
        entered |= set(lists["selected"]) - before
        left |= before - set(lists["selected"])
    for r in rows:
        check(r["now"] == str(ranks.get(r["id"], "–")), f"{what}: chart rank of {r['id']} {r['now']} vs run's {ranks.get(r['id'])}")
        check(r["was"] == str(was.get(r["id"], "–")), f"{what}: chart's file rank of {r['id']} {r['was']} vs {was.get(r['id'])}")
        expected = "moved" if r["id"] in entered and r["id"] in left else "entered" if r["id"] in entered else "left" if r["id"] in left else "same"
        check(r["status"] == expected, f"{what}: chart line of {r['id']} {r['status']}, expected {expected}")
    return rows


def check_card(page, row_id, sets, what):
    """The card for row_id shows what explain --id prints with the same --set."""
    page.wait_for_function(f"document.querySelector('#card') && document.querySelector('#card').dataset.id === {json.dumps(row_id)} && document.querySelector('#card').dataset.seq === document.body.dataset.seq && !document.querySelector('#card').classList.contains('loading')", timeout=30000)
    shown = page.inner_text("#card-text")
    want = cli_text(["explain", *INPUTS, "--id", row_id], sets)
    check(shown.strip() == want.strip(), f"{what}: the card differs from explain --id {row_id}:\n{shown[:400]}\n---\n{want[:400]}")


def move(page, selector, value):
    """Sets an input's value and dispatches its input event, as a drag or a keystroke does."""
    before = int(page.evaluate("document.body.dataset.seq"))
    page.eval_on_selector(selector, "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true})); }", value)
    page.wait_for_function(f"+document.body.dataset.seq > {before}", timeout=30000)


def main():
    proc, url = start_tune()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.wait_for_selector("section.programme")
            nominal = page_lists(page)
            nominal_results = cli_run([])
            compare(nominal, nominal_results, "nominal page")
            check_bands(page)
            before_rows = check_slope(page, nominal_results, nominal_results, "nominal chart")
            check(all(r["status"] == "same" for r in before_rows), "nominal chart: a line marked as a change")
            if SHOTS:
                os.makedirs(SHOTS, exist_ok=True)
                page.screenshot(path=os.path.join(SHOTS, "tune-before.png"))

            # A group slider: efficiency 0.25 → 0.6 (the node rescales: normalise = true).
            move(page, '[id="r-groups.efficiency.weight"]', "0.6")
            check(page.evaluate("document.body.dataset.state") == "ok", "slider move: the page shows an error")
            sets = ["groups.efficiency.weight=0.6", "weighting.normalise=true"]
            moved = page_lists(page)
            moved_results = cli_run(sets)
            compare(moved, moved_results, "efficiency 0.6")
            after_rows = check_slope(page, moved_results, nominal_results, "efficiency 0.6 chart")
            check(any(r["status"] != "same" for r in after_rows), "efficiency 0.6: the chart shows no list change")
            check(moved != nominal, "efficiency 0.6: no list or rank changed (the test would not see a wrong answer)")
            args = page.inner_text("#set-args")
            check(" ".join("--set " + s for s in sets) in args, f"the page's --set arguments: {args!r}")
            check("[groups.efficiency]\nweight = 0.6" in page.inner_text("#toml"), "the page's TOML lacks the changed weight")
            if SHOTS:
                page.screenshot(path=os.path.join(SHOTS, "tune-after.png"))
            # Click an enterprise that entered a list: its card is explain's text for the same --set.
            entered_id = page.get_attribute("section.programme tbody.selected tr.entered", "data-id")
            check(entered_id is not None, "efficiency 0.6: no entered row to click")
            if entered_id:
                page.click(f'section.programme tbody.selected tr.entered[data-id="{entered_id}"]')
                check_card(page, entered_id, sets, "card after the move")
                if SHOTS:
                    page.screenshot(path=os.path.join(SHOTS, "tune-card.png"))

            # The open card follows the next change.
            move(page, '[data-path="criteria.oee.weight"] input[type=number]', "0.5")
            if entered_id:
                check_card(page, entered_id, sets[:1] + ["criteria.oee.weight=0.5", "weighting.normalise=true", "groups.efficiency.normalise=true"], "card after oee 0.5")
                page.click("#card-close")
                check(page.query_selector("#card") is None, "the card did not close")
            # A method on top of it.
            page.select_option("#aggregation", "topsis")
            page.wait_for_function("document.querySelector('#status').textContent.startsWith('topsis')", timeout=30000)
            sets3 = sets[:1] + ["criteria.oee.weight=0.5", "aggregation.method=topsis", "weighting.normalise=true", "groups.efficiency.normalise=true"]
            shown3 = page_lists(page)
            compare(shown3, cli_run(sets3), "efficiency 0.6, oee 0.5, topsis")

            # "Download the changed criteria file": only the changed values differ, and the
            # file alone (no --set) runs to the lists the page shows.
            with page.expect_download() as download:
                page.click("#download")
            saved = os.path.join(tempfile.mkdtemp(prefix="tune-save-"), download.value.suggested_filename)
            download.value.save_as(saved)
            check(os.path.basename(saved) == "2022-tuned.toml", f"suggested file name {os.path.basename(saved)}")
            with open(os.path.join(ROOT, "criteria/2022.toml"), encoding="utf-8") as f:
                before_lines = f.read().split("\n")
            with open(saved, encoding="utf-8") as f:
                after_lines = f.read().split("\n")
            gone = list((collections.Counter(before_lines) - collections.Counter(after_lines)).elements())
            check(sorted(l.strip() for l in gone) == ["weight = 0.20", "weight = 0.25"], f"saved file: lines changed {gone}")
            compare(shown3, cli_run([], criteria=saved), "the saved criteria file")

            # A value the criteria file refuses: the message on the page, the server still there.
            move(page, '[data-path="criteria.oee.weight"] input[type=number]', "-2")
            check(page.evaluate("document.body.dataset.state") == "error", "a negative weight did not show an error")
            text = page.inner_text("#errors")
            check("criteria.oee.weight" in text and "-2" in text, f"the error names neither the key nor the value: {text!r}")
            # Back to the file.
            before = int(page.evaluate("document.body.dataset.seq"))
            page.click("#reset")
            page.wait_for_function(f"+document.body.dataset.seq > {before}", timeout=30000)
            check(page.evaluate("document.body.dataset.state") == "ok", "reset: the page shows an error")
            check(page_lists(page) == nominal, "reset: the lists are not the file's")
            check(page.inner_text("#set-args") in ("无变化", "no change"), "reset: --set arguments still shown")
            browser.close()

        # HTTP: a bad request is a 400 with a message; an unknown path 404.
        req = urllib.request.Request(url + "api/evaluate", data=b"groups.nope.weight=1", method="POST")
        try:
            urllib.request.urlopen(req)
            check(False, "a bad change was answered 200")
        except urllib.error.HTTPError as e:
            body = json.loads(e.read())
            check(e.code == 400 and body["ok"] is False and body["errors"], f"bad change: {e.code} {body}")
        req = urllib.request.Request(url + "api/explain", data=b"NO-SUCH-ID\n", method="POST")
        try:
            urllib.request.urlopen(req)
            check(False, "an unknown id was explained with 200")
        except urllib.error.HTTPError as e:
            body = json.loads(e.read())
            check(e.code == 400 and "NO-SUCH-ID" in " ".join(body["errors"]), f"unknown id: {e.code} {body}")
        # A body over the 64 KiB limit: 413, the refusal in the page's language (Chinese here).
        for route in ("api/evaluate", "api/explain", "api/file"):
            req = urllib.request.Request(url + route, data=b"x" * 70000, method="POST")
            try:
                urllib.request.urlopen(req)
                check(False, f"{route}: a 70,000-byte body was answered 200")
            except urllib.error.HTTPError as e:
                body = json.loads(e.read())
                check(e.code == 413 and body["errors"] == ["请求超过 65536 字节"], f"{route} too large: {e.code} {body}")
        try:
            urllib.request.urlopen(url + "nothing-here")
            check(False, "an unknown path was answered 200")
        except urllib.error.HTTPError as e:
            check(e.code == 404, f"unknown path: {e.code}")
    finally:
        stop(proc, signal.SIGINT, "SIGINT (Ctrl-C)")
    proc2, _ = start_tune()
    stop(proc2, signal.SIGTERM, "SIGTERM")

    if failures:
        sys.exit(f"tune browser test: {len(failures)} failure(s)")
    print("tune browser test: ok")


main()
