#!/usr/bin/env python3
"""Self-check of a generated corpus: usage: python3 selfcheck.py OUT

- every label / negative: file exists, 0 <= start < end <= size, bytes[start:end] == value (UTF-8)
- labels never overlap each other nor a negative; negatives never overlap each other
- required fields present (score.py: file/start/end/format/family; class/sub/disputed)
- leak scan: well-known secret prefixes found outside any label or negative are reported
  (informational: they would become 'unlabelled' false positives or silent misses)."""
import collections
import json
import os
import re
import sys

LEAK = re.compile(rb"AKIA[A-Z2-7]{16}|gh[pousr]_[A-Za-z0-9]{36}|sk-ant-[a-z]+\d\d-|xox[bpsa]-\d|-----BEGIN [A-Z ]*PRIVATE KEY-----|glpat-[A-Za-z0-9_-]{20}|sk_live_[A-Za-z0-9]{20}|AIza[A-Za-z0-9_-]{35}|npm_[A-Za-z0-9]{36}|SG\.[A-Za-z0-9_-]{22}\.")


def load(p):
    with open(p) as fh:
        return [json.loads(l) for l in fh if l.strip()]


def check(out, verbose=True):
    tree = os.path.join(out, "tree")
    labels = load(os.path.join(out, "labels.jsonl"))
    negs = load(os.path.join(out, "negatives.jsonl"))
    cache = {}
    errors = []

    def data(f):
        if f not in cache:
            with open(os.path.join(tree, f), "rb") as fh:
                cache[f] = fh.read()
        return cache[f]

    spans = collections.defaultdict(list)
    for kind, rows, req in (("label", labels, ("file", "start", "end", "format", "family", "value")),
                            ("negative", negs, ("file", "start", "end", "class", "sub", "disputed", "value"))):
        for x in rows:
            for k in req:
                if k not in x:
                    errors.append("%s %s missing %s" % (kind, x.get("id"), k))
            try:
                b = data(x["file"])
            except OSError as e:
                errors.append("%s %s: %s" % (kind, x.get("id"), e))
                continue
            s, e = x["start"], x["end"]
            if not (0 <= s < e <= len(b)):
                errors.append("%s %s: bad range %d..%d (size %d)" % (kind, x["id"], s, e, len(b)))
                continue
            if b[s:e] != x["value"].encode("utf-8"):
                errors.append("%s %s: bytes %r != value %r" % (kind, x["id"], b[s:e][:60], x["value"][:60]))
            spans[x["file"]].append((s, e, kind, x["id"]))
    for f, lst in spans.items():
        lst.sort()
        for (s1, e1, k1, i1), (s2, e2, k2, i2) in zip(lst, lst[1:]):
            if s2 < e1:
                errors.append("overlap in %s: %s %s / %s %s" % (f, k1, i1, k2, i2))
    # files on disk with no row at all are fine (pure filler); files referenced must exist (checked above)
    leaks = []
    for root, _, files in os.walk(tree):
        for fn in files:
            rel = os.path.relpath(os.path.join(root, fn), tree).replace(os.sep, "/")
            b = data(rel)
            for m in LEAK.finditer(b):
                if not any(s <= m.start() < e for s, e, _, _ in spans.get(rel, ())):
                    leaks.append((rel, m.group()[:40]))
    if verbose:
        print("self-check: %d labels, %d negatives, %d files with rows; errors: %d; unlabelled known-prefix hits: %d"
              % (len(labels), len(negs), len(spans), len(errors), len(leaks)))
        for e in errors[:30]:
            print("  ERROR", e)
        for l in leaks[:30]:
            print("  leak?", l)
    return not errors


if __name__ == "__main__":
    sys.exit(0 if check(sys.argv[1] if len(sys.argv) > 1 else "out") else 1)
