#!/usr/bin/env python3
"""Self-check of a generated corpus: every label's and negative's bytes equal its value, spans are inside
their files, labels do not overlap each other or any negative, and no span marker leaked into a file.

usage: selfcheck.py DIR [--stats]
Prints: files N bytes B labels L formats F negatives K disputed D
"""
import collections
import json
import os
import sys

MARKERS = ("\ue000".encode(), "\ue001".encode(), "\ue002".encode())


def load(p):
    with open(p, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def check(d, stats=False):
    tree = os.path.join(d, "tree")
    labels = load(os.path.join(d, "labels.jsonl"))
    negs = load(os.path.join(d, "negatives.jsonl"))
    files = {}
    for root, _, fs in os.walk(tree):
        for f in fs:
            p = os.path.join(root, f)
            with open(p, "rb") as fh:
                files[os.path.relpath(p, tree).replace(os.sep, "/")] = fh.read()
    errors = []
    for rel, data in files.items():
        for m in MARKERS:
            if m in data:
                errors.append("marker left in %s" % rel)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            errors.append("not UTF-8: %s" % rel)
    spans = collections.defaultdict(list)
    for kind, items in (("label", labels), ("negative", negs)):
        for x in items:
            data = files.get(x["file"])
            if data is None:
                errors.append("%s in missing file %s" % (kind, x["file"]))
                continue
            s, e = x["start"], x["end"]
            if not (0 <= s < e <= len(data)):
                errors.append("%s out of range in %s: %d-%d" % (kind, x["file"], s, e))
                continue
            if data[s:e] != x["value"].encode("utf-8"):
                errors.append("%s bytes differ in %s at %d: %r != %r" % (kind, x["file"], s, data[s:e][:40], x["value"][:40]))
            spans[x["file"]].append((s, e, kind))
    for rel, sp in spans.items():
        sp.sort()
        for (s1, e1, k1), (s2, e2, k2) in zip(sp, sp[1:]):
            if s2 < e1 and "label" in (k1, k2):
                errors.append("overlapping spans in %s at %d/%d (%s, %s)" % (rel, s1, s2, k1, k2))
    nbytes = sum(len(v) for v in files.values())
    fmts = collections.Counter(l["format"] for l in labels)
    disputed = sum(1 for n in negs if n.get("disputed"))
    for e in errors[:30]:
        print("ERROR", e)
    if errors:
        print("%d errors" % len(errors))
    print("files %d bytes %d labels %d formats %d negatives %d disputed %d" % (len(files), nbytes, len(labels), len(fmts), len(negs), disputed))
    if stats:
        fam = collections.Counter(l["family"] for l in labels)
        print("\n== families ==")
        for k, v in fam.most_common():
            print("  %-20s %5d" % (k, v))
        print("\n== formats ==")
        for k, v in sorted(fmts.items(), key=lambda x: (FAMILY_OF(labels, x[0]), x[0])):
            print("  %-36s %-18s %5d" % (k, FAMILY_OF(labels, k), v))
        print("\n== negative classes ==")
        cls = collections.Counter(n["class"] for n in negs)
        dis = collections.Counter(n["class"] for n in negs if n.get("disputed"))
        for k, v in cls.most_common():
            subs = collections.Counter(n["sub"] for n in negs if n["class"] == k)
            print("  %-22s %6d%s   %s" % (k, v, "  (disputed %d)" % dis[k] if dis[k] else "",
                                         ", ".join("%s=%d" % sv for sv in subs.most_common(8))))
        print("\n== top directories ==")
        top = collections.Counter(f.split("/")[0] for f in files)
        for k, v in top.most_common():
            print("  %-14s %5d" % (k, v))
    return not errors


_FAM = {}


def FAMILY_OF(labels, fmt):
    if not _FAM:
        for l in labels:
            _FAM.setdefault(l["format"], l["family"])
    return _FAM.get(fmt, "?")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(0 if check(sys.argv[1], "--stats" in sys.argv) else 1)
