#!/usr/bin/env python3
"""Check a generated heldout14 corpus: python3 selfcheck.py DIR

- every label's bytes in its file are exactly its value, likewise every negative;
- no label overlaps a negative, no two labels overlap;
- every format has at least 4 labels; every file named in the jsonl files exists.
"""
import collections
import json
import os
import sys


def load(p):
    with open(p) as fh:
        return [json.loads(l) for l in fh if l.strip()]


def main():
    d = sys.argv[1]
    tree = os.path.join(d, "tree")
    labels = load(os.path.join(d, "labels.jsonl"))
    negs = load(os.path.join(d, "negatives.jsonl"))
    cache = {}
    errs = []

    def data(f):
        if f not in cache:
            with open(os.path.join(tree, f), "rb") as fh:
                cache[f] = fh.read()
        return cache[f]

    for kind, rows in (("label", labels), ("negative", negs)):
        for r in rows:
            p = os.path.join(tree, r["file"])
            if not os.path.isfile(p):
                errs.append("%s: missing file %s" % (kind, r["file"]))
                continue
            got = data(r["file"])[r["start"]:r["end"]]
            if got != r["value"].encode("utf-8"):
                errs.append("%s bytes differ in %s@%d: %r vs %r" % (kind, r["file"], r["start"], got[:60], r["value"][:60]))
            if r["end"] <= r["start"] and kind == "label":
                errs.append("empty label in %s" % r["file"])
    by = collections.defaultdict(list)
    for r in labels:
        by[r["file"]].append(("L", r["start"], r["end"]))
    for r in negs:
        by[r["file"]].append(("N", r["start"], r["end"]))
    for f, spans in by.items():
        spans.sort(key=lambda x: (x[1], x[2]))
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if b[1] >= a[2]:
                    break
                if "L" in (a[0], b[0]):
                    errs.append("overlap %s %s in %s at %d" % (a[0], b[0], f, b[1]))
    cnt = collections.Counter(r["format"] for r in labels)
    for fmt, n in cnt.items():
        if n < 4:
            errs.append("format %s has only %d labels" % (fmt, n))
    for e in errs[:30]:
        print("SELFCHECK:", e)
    if errs:
        print("SELFCHECK FAILED: %d problems" % len(errs))
        return 1
    print("selfcheck ok: %d labels (%d formats), %d negatives (%d disputed), %d files" % (
        len(labels), len(cnt), len(negs), sum(1 for n in negs if n.get("disputed")), sum(1 for _ in os.walk(tree) for _ in _[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
