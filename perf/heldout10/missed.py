#!/usr/bin/env python3
"""List what the scanner missed, or its false positives, on a held-out corpus.

usage: missed.py OUT findings.json [prefix] [--fp] [--limit N]

Without --fp: every label no finding overlaps, as "format family file:start" and the bytes around it
(about 80 bytes each side, repr). With --fp: every finding that overlaps no label, with the negative class/sub it
overlaps ('unlabelled' if none), the finding's "type" and its context.
prefix filters: a label is listed when its format, family or file starts with it; a false positive when its
class, type or file starts with it.
findings.json is `takumo-aegis scan --format json OUT/tree` output; paths are mapped as perf/heldout/score.py does.
"""
import argparse
import collections
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _score_module():
    p = os.path.join(HERE, "..", "heldout", "score.py")
    if os.path.exists(p):
        spec = importlib.util.spec_from_file_location("heldout_score", p)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        return m
    return None


SCORE = _score_module()


class _Rel:
    """same idea as score.py's Rel: try the path under tree/ (absolute or as given), after 'tree/', or as is"""

    def __init__(self, corpus_dir, known):
        self.bases = [os.path.normpath(os.path.abspath(os.path.join(corpus_dir, "tree"))), os.path.normpath(os.path.join(corpus_dir, "tree"))]
        self.known = known

    def __call__(self, f):
        n = os.path.normpath(f)
        cands = [os.path.relpath(n, b) for b in self.bases if n == b or n.startswith(b + os.sep)]
        i = n.replace(os.sep, "/").find("tree/")
        if i >= 0:
            cands.append(n.replace(os.sep, "/")[i + 5:])
        cands.append(n.replace(os.sep, "/"))
        for c in cands:
            if c.replace(os.sep, "/") in self.known:
                return c.replace(os.sep, "/")
        return cands[0].replace(os.sep, "/")


def load_jsonl(p):
    with open(p, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def load_findings(p):
    if SCORE:
        return SCORE.load_findings(p)
    with open(p) as fh:
        d = json.load(fh)
    if isinstance(d, dict):
        for k in ("findings", "results", "matches", "items"):
            if isinstance(d.get(k), list):
                return d[k]
    return d


def ctx(data, s, e, w=80):
    a, b = max(0, s - w), min(len(data), e + w)
    return "%r [[%r]] %r" % (data[a:s].decode("utf-8", "replace"), data[s:e].decode("utf-8", "replace"), data[e:b].decode("utf-8", "replace"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("findings")
    ap.add_argument("prefix", nargs="?", default="")
    ap.add_argument("--fp", action="store_true", help="list false positives instead of missed labels")
    ap.add_argument("--limit", type=int, default=0, help="at most N entries (0: all)")
    a = ap.parse_args()
    tree = os.path.join(a.dir, "tree")
    labels = load_jsonl(os.path.join(a.dir, "labels.jsonl"))
    negs = load_jsonl(os.path.join(a.dir, "negatives.jsonl"))
    findings = load_findings(a.findings)
    known = set()
    for root, _, files in os.walk(tree):
        for f in files:
            known.add(os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/"))
    rel = SCORE.Rel(a.dir, known) if SCORE else _Rel(a.dir, known)
    lab_by = collections.defaultdict(list)
    for l in labels:
        lab_by[l["file"]].append(l)
    neg_by = collections.defaultdict(list)
    for n in negs:
        neg_by[n["file"]].append(n)
    cache = {}

    def data(f):
        if f not in cache:
            try:
                with open(os.path.join(tree, f), "rb") as fh:
                    cache[f] = fh.read()
            except OSError:
                cache[f] = b""
        return cache[f]

    found = set()
    fps = []
    for f in findings:
        try:
            fr = rel(str(f["file"]))
            s, e = int(f["start"]), int(f["end"])
        except (KeyError, TypeError, ValueError):
            continue
        hit = [l for l in lab_by.get(fr, ()) if s < l["end"] and l["start"] < e]
        for l in hit:
            found.add(l["id"])
        if not hit:
            nh = [n for n in neg_by.get(fr, ()) if s < n["end"] and n["start"] < e]
            if nh:
                best = max(nh, key=lambda n: min(e, n["end"]) - max(s, n["start"]))
                cls, sub, disp = best["class"], best.get("sub", ""), best.get("disputed", False)
            else:
                cls, sub, disp = "unlabelled", "", False
            fps.append((cls, sub, disp, str(f.get("type", f.get("rule", "?"))), fr, s, e))
    shown = 0
    if a.fp:
        fps.sort(key=lambda x: (x[0], x[1], x[4], x[5]))
        for cls, sub, disp, typ, fr, s, e in fps:
            if a.prefix and not (cls.startswith(a.prefix) or typ.startswith(a.prefix) or fr.startswith(a.prefix)):
                continue
            print("%s/%s%s  type=%s  %s:%d" % (cls, sub, " (disputed)" if disp else "", typ, fr, s))
            print("    " + ctx(data(fr), s, e))
            shown += 1
            if a.limit and shown >= a.limit:
                break
        print("-- %d false positive(s) listed of %d" % (shown, len(fps)))
        return 0
    missed = [l for l in labels if l["id"] not in found]
    for l in sorted(missed, key=lambda l: (l["format"], l["file"], l["start"])):
        if a.prefix and not (l["format"].startswith(a.prefix) or l.get("family", "").startswith(a.prefix) or l["file"].startswith(a.prefix)):
            continue
        print("%s  %s  %s:%d" % (l["format"], l.get("family", "?"), l["file"], l["start"]))
        print("    " + ctx(data(l["file"]), l["start"], l["end"]))
        shown += 1
        if a.limit and shown >= a.limit:
            break
    print("-- %d missed label(s) listed; %d of %d labels missed in all" % (shown, len(missed), len(labels)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
