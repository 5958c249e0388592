#!/usr/bin/env python3
"""List what a scanner missed (or wrongly flagged) on a heldout11 corpus.

usage: missed.py OUT findings.json [prefix] [--fp]

  OUT            the corpus directory (OUT/tree, OUT/labels.jsonl, OUT/negatives.jsonl)
  findings.json  `takumo-aegis scan --format json OUT/tree` output: [{file, start, end, type, ...}]
  prefix         only labels whose format (or, with --fp, findings whose negative class / type) starts with it
  --fp           list false positives instead of missed labels: the negative class/sub they hit (or
                 'unlabelled'), the finding's type, and context

Paths in findings.json are mapped to corpus-relative paths exactly as score.py does.
"""
import collections
import json
import os
import signal
import sys

sys.dont_write_bytecode = True  # do not leave __pycache__ in perf/heldout
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout"))
try:
    from score import Rel, load_findings, load_jsonl, overlaps  # same path mapping as the scorer
except ImportError:  # score.py not next door: a copy of its mapping
    def load_jsonl(p):
        with open(p) as fh:
            return [json.loads(l) for l in fh if l.strip()]

    def load_findings(p):
        with open(p) as fh:
            data = json.load(fh)
        if isinstance(data, dict):
            for k in ("findings", "results", "matches", "items"):
                if isinstance(data.get(k), list):
                    return data[k]
        return data

    def overlaps(a0, a1, b0, b1):
        return a0 < b1 and b0 < a1

    class Rel:
        def __init__(self, corpus_dir, known):
            self.tree_abs = os.path.normpath(os.path.abspath(os.path.join(corpus_dir, "tree")))
            self.tree_given = os.path.normpath(os.path.join(corpus_dir, "tree"))
            self.known = known

        def __call__(self, f):
            n = os.path.normpath(f)
            cands = []
            for base in (self.tree_abs, self.tree_given):
                if n == base or n.startswith(base + os.sep):
                    cands.append(os.path.relpath(n, base))
            if os.path.isabs(n):
                cands.append(os.path.relpath(n, self.tree_abs))
            idx = n.replace(os.sep, "/").find("tree/")
            if idx >= 0:
                cands.append(n.replace(os.sep, "/")[idx + 5:])
            cands.append(n.replace(os.sep, "/"))
            for c in cands:
                c = c.replace(os.sep, "/")
                if c in self.known:
                    return c
            return cands[0].replace(os.sep, "/") if cands else n


def ctx(data, s, e, w=80):
    a, b = max(0, s - w), min(len(data), e + w)
    pre = data[a:s].decode("utf-8", "replace")
    mid = data[s:e].decode("utf-8", "replace")
    post = data[e:b].decode("utf-8", "replace")
    return "%s\u00bb%s\u00ab%s" % (pre, mid, post)


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = [a for a in sys.argv[1:] if a != "--fp"]
    fp_mode = "--fp" in sys.argv[1:]
    if len(args) < 2:
        raise SystemExit(__doc__)
    out, fpath = args[0], args[1]
    prefix = args[2] if len(args) > 2 else ""
    tree = os.path.join(out, "tree")
    labels = load_jsonl(os.path.join(out, "labels.jsonl"))
    negs = load_jsonl(os.path.join(out, "negatives.jsonl"))
    known = set()
    for root, _, files in os.walk(tree):
        for f in files:
            known.add(os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/"))
    rel = Rel(out, known)
    finds = collections.defaultdict(list)
    for f in load_findings(fpath):
        try:
            finds[rel(str(f["file"]))].append((int(f["start"]), int(f["end"]), str(f.get("type", f.get("rule", "?")))))
        except (KeyError, TypeError, ValueError):
            continue
    cache = {}

    def data(r):
        if r not in cache:
            try:
                with open(os.path.join(tree, r), "rb") as fh:
                    cache[r] = fh.read()
            except OSError:
                cache[r] = b""
        return cache[r]

    lab_by = collections.defaultdict(list)
    for l in labels:
        lab_by[l["file"]].append(l)
    neg_by = collections.defaultdict(list)
    for n in negs:
        neg_by[n["file"]].append(n)
    shown = collections.Counter()
    if not fp_mode:
        missed = [l for l in labels if l["format"].startswith(prefix) and not any(overlaps(s, e, l["start"], l["end"]) for s, e, _ in finds.get(l["file"], ()))]
        for l in sorted(missed, key=lambda l: (l["format"], l["file"], l["start"])):
            print("%s [%s] %s:%d-%d" % (l["format"], l["family"], l["file"], l["start"], l["end"]))
            print("    %r" % ctx(data(l["file"]), l["start"], l["end"]))
            shown[l["format"]] += 1
        print("\n%d missed of %d labels%s" % (len(missed), sum(1 for l in labels if l["format"].startswith(prefix)), (" with format prefix %r" % prefix) if prefix else ""))
        for k, v in shown.most_common():
            print("  %-40s %d" % (k, v))
        return
    n = 0
    for fr in sorted(finds):
        for s, e, typ in sorted(finds[fr]):
            if any(overlaps(s, e, l["start"], l["end"]) for l in lab_by.get(fr, ())):
                continue
            hit = [x for x in neg_by.get(fr, ()) if overlaps(s, e, x["start"], x["end"])]
            if hit:
                best = max(hit, key=lambda x: min(e, x["end"]) - max(s, x["start"]))
                cls = "%s/%s%s" % (best["class"], best.get("sub", ""), " (disputed)" if best.get("disputed") else "")
            else:
                cls = "unlabelled"
            if prefix and not (cls.startswith(prefix) or typ.startswith(prefix)):
                continue
            n += 1
            shown[cls.split("/")[0]] += 1
            print("%s [%s] %s:%d-%d" % (cls, typ, fr, s, e))
            print("    %r" % ctx(data(fr), s, e))
    print("\n%d false positives" % n)
    for k, v in shown.most_common():
        print("  %-24s %d" % (k, v))


if __name__ == "__main__":
    main()
