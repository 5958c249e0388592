#!/usr/bin/env python3
"""Check a generated held-out corpus: usage: selfcheck.py OUT

- every label's and negative's value equals the bytes [start, end) of its file (UTF-8, end exclusive), non-empty;
- labels overlap neither each other nor any negative (negatives overlapping negatives are reported too);
- no label value of 8+ bytes occurs in its file more often than it is labelled (an unlabelled copy would count
  as a false positive);
- every .json/.ipynb/.har/.tfstate file under tree/ parses as JSON;
- ids are unique; stats.json agrees with the files and the label lists.
Exit status 1 on any error.
"""
import collections
import json
import os
import sys


def load(p):
    with open(p, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    out = sys.argv[1]
    tree = os.path.join(out, "tree")
    labels = load(os.path.join(out, "labels.jsonl"))
    negs = load(os.path.join(out, "negatives.jsonl"))
    with open(os.path.join(out, "stats.json")) as fh:
        stats = json.load(fh)
    errors = []

    def err(msg):
        if len(errors) < 50:
            print("ERROR:", msg)
        errors.append(msg)

    files = {}
    for root, _, fs in os.walk(tree):
        for f in fs:
            p = os.path.join(root, f)
            files[os.path.relpath(p, tree).replace(os.sep, "/")] = p
    data = {}

    def content(rel):
        if rel not in data:
            with open(files[rel], "rb") as fh:
                data[rel] = fh.read()
        return data[rel]

    ids = set()
    ranges = collections.defaultdict(list)
    for kind, items in (("label", labels), ("negative", negs)):
        for it in items:
            if it["id"] in ids:
                err("duplicate id %s" % it["id"])
            ids.add(it["id"])
            if it["file"] not in files:
                err("%s %s: no file %s" % (kind, it["id"], it["file"]))
                continue
            b = content(it["file"])
            s, e = it["start"], it["end"]
            if not (0 <= s < e <= len(b)):
                err("%s %s: bad range %d-%d in %s" % (kind, it["id"], s, e, it["file"]))
                continue
            if b[s:e] != it["value"].encode("utf-8"):
                err("%s %s: value differs from bytes in %s at %d: %r vs %r" % (kind, it["id"], it["file"], s, it["value"][:60], b[s:e][:60]))
            ranges[it["file"]].append((s, e, kind, it["id"]))
            if kind == "label":
                for k in ("format", "family"):
                    if not it.get(k):
                        err("label %s without %s" % (it["id"], k))
            else:
                if not it.get("class") or not isinstance(it.get("disputed"), bool):
                    err("negative %s without class or disputed" % it["id"])
    neg_overlaps = 0
    for f, rs in ranges.items():
        rs.sort()
        for i in range(len(rs)):
            for j in range(i + 1, len(rs)):
                if rs[j][0] >= rs[i][1]:
                    break
                if "label" in (rs[i][2], rs[j][2]):
                    err("overlap in %s: %s %s and %s %s" % (f, rs[i][2], rs[i][3], rs[j][2], rs[j][3]))
                else:
                    neg_overlaps += 1
    if neg_overlaps:
        err("%d negatives overlap other negatives" % neg_overlaps)
    # unlabelled copies of secret values
    per_file = collections.defaultdict(collections.Counter)
    for l in labels:
        per_file[l["file"]][l["value"]] += 1
    for f, cnt in per_file.items():
        b = content(f)
        for v, n in cnt.items():
            vb = v.encode("utf-8")
            if len(vb) >= 8 and b.count(vb) > n:
                err("unlabelled copy of a secret in %s: %r (%d copies, %d labelled)" % (f, v[:60], b.count(vb), n))
    for rel, p in files.items():
        if rel.endswith((".json", ".ipynb", ".har", ".tfstate")):
            try:
                json.loads(content(rel).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as ex:
                err("%s is not valid JSON: %s" % (rel, ex))
        else:
            try:
                content(rel).decode("utf-8")
            except UnicodeDecodeError as ex:
                err("%s is not UTF-8: %s" % (rel, ex))
    checks = {"files": len(files), "secrets": len(labels), "negatives": len(negs), "formats": len({l["format"] for l in labels}),
              "negative_classes": len({n["class"] for n in negs}), "disputed_negatives": sum(1 for n in negs if n["disputed"])}
    for k, v in checks.items():
        if stats.get(k) != v:
            err("stats.json %s=%r but counted %r" % (k, stats.get(k), v))
    print("selfcheck: %d files, %d labels (%d formats), %d negatives (%d classes, %d disputed): %s" % (
        checks["files"], checks["secrets"], checks["formats"], checks["negatives"], checks["negative_classes"], checks["disputed_negatives"],
        "OK" if not errors else "%d error(s)" % len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
