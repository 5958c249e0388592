#!/usr/bin/env python3
"""Check a generated corpus: usage selfcheck.py OUT

- every label's and negative's value equals the bytes at [start,end) of its file (UTF-8, end exclusive)
- no two labels overlap, no label overlaps a negative, no two negatives overlap
- every occurrence of a label's value (8 bytes or more) in its file is covered by a label
- every .json / .ipynb file parses
- ids are unique; stats.json counts agree with the jsonl files
Exit 1 on any error.
"""
import collections
import json
import os
import sys


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    out = sys.argv[1]
    tree = os.path.join(out, "tree")
    errs = []

    def err(m):
        if len(errs) < 60:
            print("ERROR:", m)
        errs.append(m)

    def load(name):
        with open(os.path.join(out, name), encoding="utf-8") as fh:
            return [json.loads(l) for l in fh if l.strip()]

    labels, negs = load("labels.jsonl"), load("negatives.jsonl")
    files = set()
    for root, _, fs in os.walk(tree):
        for f in fs:
            files.add(os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/"))
    cache = {}

    def data(rel):
        if rel not in cache:
            with open(os.path.join(tree, rel), "rb") as fh:
                cache[rel] = fh.read()
        return cache[rel]

    ids = collections.Counter(x["id"] for x in labels + negs)
    for i, c in ids.items():
        if c > 1:
            err("duplicate id %s" % i)
    spans = collections.defaultdict(list)
    for kind, rows in (("label", labels), ("negative", negs)):
        for r in rows:
            if r["file"] not in files:
                err("%s %s: no file %s" % (kind, r["id"], r["file"]))
                continue
            s, e = r["start"], r["end"]
            if not (0 <= s < e <= len(data(r["file"]))):
                err("%s %s: bad range %d-%d" % (kind, r["id"], s, e))
                continue
            if data(r["file"])[s:e] != r["value"].encode("utf-8"):
                err("%s %s in %s: bytes %r != value %r" % (kind, r["id"], r["file"], data(r["file"])[s:e][:60], r["value"][:60]))
            spans[r["file"]].append((s, e, kind, r["id"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("overlap in %s: %s %s [%d,%d) and %s %s [%d,%d)" % (f, a[2], a[3], a[0], a[1], b[2], b[3], b[0], b[1]))
    lab_by_file = collections.defaultdict(list)
    for l in labels:
        lab_by_file[l["file"]].append((l["start"], l["end"]))
    for l in labels:
        v = l["value"].encode("utf-8")
        if len(v) < 8 or l["file"] not in files:
            continue
        d = data(l["file"])
        i = d.find(v)
        while i >= 0:
            if not any(s <= i and i + len(v) <= e for s, e in lab_by_file[l["file"]]):
                err("unlabelled copy of %s (%s) in %s at %d" % (l["id"], l["format"], l["file"], i))
                break
            i = d.find(v, i + 1)
    for f in sorted(files):
        if f.endswith((".json", ".ipynb")) and not f.endswith("strings.json.txt"):
            try:
                json.loads(data(f).decode("utf-8"))
            except Exception as ex:  # noqa
                err("%s does not parse as JSON: %s" % (f, ex))
        try:
            data(f).decode("utf-8")
        except UnicodeDecodeError:
            err("%s is not UTF-8" % f)
    try:
        with open(os.path.join(out, "stats.json")) as fh:
            st = json.load(fh)
        if st.get("secrets") != len(labels) or st.get("negatives") != len(negs) or st.get("files") != len(files):
            err("stats.json counts disagree: %s/%s/%s vs %d/%d/%d" % (st.get("secrets"), st.get("negatives"), st.get("files"), len(labels), len(negs), len(files)))
    except OSError:
        err("no stats.json")
    print("selfcheck: %d files, %d labels, %d negatives, %d errors" % (len(files), len(labels), len(negs), len(errs)))
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
