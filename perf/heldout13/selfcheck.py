#!/usr/bin/env python3
"""Check a generated heldout13 corpus.

usage: selfcheck.py DIR [--min-per-format N] [--determinism]

- every label's bytes, unescaped `esc` times as the inside of a JSON string, are exactly its value
  (esc 0: the raw bytes are the value; esc 1: JSON-escaped once, e.g. a tool result or a notebook source line;
  esc 2: twice, e.g. a file inside tool-call arguments);
- every negative is where it says, in the same way;
- labels do not overlap negatives, labels or (negatives) other negatives; every referenced file exists;
- with --min-per-format N: every format defined by the generator appears at least N times;
- with --determinism: gen.py run twice on a small seed under different PYTHONHASHSEED values gives byte-identical output.
"""
import argparse
import collections
import filecmp
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True


def load(p):
    with open(p) as fh:
        return [json.loads(l) for l in fh if l.strip()]


def unescape(s, n):
    for _ in range(n):
        s = json.loads('"' + s + '"')
    return s


def check_spans(d):
    errs = []
    labels = load(os.path.join(d, "labels.jsonl"))
    negs = load(os.path.join(d, "negatives.jsonl"))
    tree = os.path.join(d, "tree")
    cache = {}
    by_file = collections.defaultdict(list)
    for kind, items in (("label", labels), ("negative", negs)):
        for x in items:
            p = os.path.join(tree, x["file"])
            if p not in cache:
                if not os.path.isfile(p):
                    errs.append("%s: missing file %s" % (kind, x["file"]))
                    cache[p] = None
                    continue
                with open(p, "rb") as fh:
                    cache[p] = fh.read()
            data = cache[p]
            if data is None:
                continue
            if not (0 <= x["start"] < x["end"] <= len(data)):
                errs.append("%s: bad span %s %d-%d" % (kind, x["file"], x["start"], x["end"]))
                continue
            try:
                raw = data[x["start"]:x["end"]].decode("utf-8")
                got = unescape(raw, x["esc"])
            except (UnicodeDecodeError, ValueError) as e:
                errs.append("%s: %s %d-%d does not decode: %s" % (kind, x["file"], x["start"], x["end"], e))
                continue
            if got != x["value"]:
                errs.append("%s: %s %d-%d holds %r, expected %r" % (kind, x["file"], x["start"], x["end"], got[:80], x["value"][:80]))
            line = data.count(b"\n", 0, x["start"]) + 1
            if x.get("line") and line != x["line"]:
                errs.append("%s: %s line %d, recorded %d" % (kind, x["file"], line, x["line"]))
            by_file[x["file"]].append((x["start"], x["end"], kind, x.get("format") or x.get("class")))
    for f, spans in by_file.items():
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                errs.append("overlap in %s: %s %s %d-%d and %s %s %d-%d" % (f, a[2], a[3], a[0], a[1], b[2], b[3], b[0], b[1]))
    return errs, labels, negs


def check_formats(labels, n):
    sys.path.insert(0, HERE)
    from h13_formats import FORMATS
    c = collections.Counter(x["format"] for x in labels)
    errs = []
    for f in sorted(FORMATS):
        if c[f] < n:
            errs.append("format %s appears %d times (< %d)" % (f, c[f], n))
    for f in c:
        if f not in FORMATS:
            errs.append("unknown format %s" % f)
    return errs


def check_determinism(seed=7, files=60):
    outs = []
    tmp = tempfile.mkdtemp(prefix="h13det-")
    for i, hs in enumerate(("0", "12345")):
        out = os.path.join(tmp, "run%d" % i)
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen.py"), "--seed", str(seed), "--files", str(files), "--out", out, "--no-check"],
                              env=env, stdout=subprocess.DEVNULL)
        outs.append(out)
    errs = []

    def walk(root):
        res = []
        for dp, dn, fn in os.walk(root):
            dn.sort()
            for f in sorted(fn):
                res.append(os.path.relpath(os.path.join(dp, f), root))
        return sorted(res)

    a, b = walk(outs[0]), walk(outs[1])
    if a != b:
        errs.append("determinism: file lists differ")
    else:
        for rel in a:
            if not filecmp.cmp(os.path.join(outs[0], rel), os.path.join(outs[1], rel), shallow=False):
                errs.append("determinism: %s differs" % rel)
    e2, _, _ = check_spans(outs[0])
    errs += ["small seed: " + e for e in e2]
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--min-per-format", type=int, default=0)
    ap.add_argument("--determinism", action="store_true")
    a = ap.parse_args()
    errs, labels, negs = check_spans(a.dir)
    if a.min_per_format:
        errs += check_formats(labels, a.min_per_format)
    if a.determinism:
        errs += check_determinism()
    for e in errs[:50]:
        print("selfcheck: " + e)
    if errs:
        print("selfcheck: FAILED (%d problems)" % len(errs))
        sys.exit(1)
    print("selfcheck: OK (%d labels, %d negatives%s%s)" % (len(labels), len(negs), ", every format >= %d" % a.min_per_format if a.min_per_format else "",
                                                          ", deterministic" if a.determinism else ""))


if __name__ == "__main__":
    main()
