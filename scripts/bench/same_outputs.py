#!/usr/bin/env python3
"""Compares two `exemplar run` output folders file by file; only the time of the run may differ.

Usage: same_outputs.py DIR_A DIR_B
Every file must exist in both. Bytes must be equal, except: in results.json the value of
`"time":` inside `manifest`; in report.html and in the members of recommendations.xlsx
(compared member by member, unzipped), ISO-8601 date-times (`2026-11-29T22:50:12Z`, and
the `dcterms:created`/modified ones), `YYYY-MM-DD HH:MM`, `YYYY年M月D日 HH:MM` and `D Month YYYY HH:MM` stamps are masked first; in the
PDFs Chromium prints, the `/CreationDate` and `/ModDate` entries (`D:20261207015756+00'00'`),
and when the pages print a different minute, their text (`pdftotext`) with the stamps masked.
Prints one line per file and exits 1 on the first difference set.
"""
import os, re, sys, zipfile

PDF_DATES = re.compile(rb"/(?:CreationDate|ModDate) *\([^)]*\)")
STAMP = re.compile(
    r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?|\d{4}-\d\d-\d\d \d\d:\d\d(?::\d\d)?|\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d|"
    r"\d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d".encode())

def files(root):
    out = []
    for d, _, names in os.walk(root):
        out += [os.path.relpath(os.path.join(d, n), root) for n in names]
    return sorted(out)

def masked(b):
    return STAMP.sub(b"<time>", b)

def pdf_text(pdf):
    import subprocess
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout

def same(name, a, b):
    if a == b:
        return "identical"
    if name.endswith("results.json"):
        return "same apart from the time" if masked(a) == masked(b) else None
    if name.endswith(".html"):
        return "same apart from the time" if masked(a) == masked(b) else None
    if name.endswith(".pdf"):
        if PDF_DATES.sub(b"", a) == PDF_DATES.sub(b"", b):
            return "same apart from the time"
        # The page prints the run's time too: then the text must match once it is masked.
        return "same text apart from the time" if masked(pdf_text(a)) == masked(pdf_text(b)) else None
    if name.endswith(".xlsx"):
        import io
        za, zb = zipfile.ZipFile(io.BytesIO(a)), zipfile.ZipFile(io.BytesIO(b))
        if za.namelist() != zb.namelist():
            return None
        for m in za.namelist():
            x, y = za.read(m), zb.read(m)
            if x != y and masked(x) != masked(y):
                print(f"  {name}: member {m} differs", file=sys.stderr)
                return None
        return "same members apart from the time"
    return None

def main():
    a, b = sys.argv[1], sys.argv[2]
    fa, fb = files(a), files(b)
    if fa != fb:
        sys.exit(f"different file sets: {sorted(set(fa) ^ set(fb))}")
    bad = 0
    for f in fa:
        x = open(os.path.join(a, f), "rb").read()
        y = open(os.path.join(b, f), "rb").read()
        verdict = same(f, x, y)
        print(f"{f}: {verdict or 'DIFFERENT'} ({len(x)} bytes)")
        bad += verdict is None
    sys.exit(1 if bad else 0)

main()
