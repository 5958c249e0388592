#!/usr/bin/env python3
"""Show missed labels (and, with --fp, false positives) of a scan of the held-out corpus.

usage: missed.py CORPUS_DIR findings.json [FORMAT_PREFIX] [--fp] [--limit N] [--width 80]

findings.json: JSON array (or {"findings": [...]}) of objects with "file", "start", "end" (byte offsets,
end exclusive) and "type" -- the same input perf/heldout/score.py takes.  A label is found when any
finding in the same file overlaps its byte range.

Default: print every missed label whose format starts with FORMAT_PREFIX (all when omitted), with its
format/family and ~80 bytes of context either side (repr), the label itself between >>> <<<.
--fp: print every finding that overlaps no label, with the negative class/sub it overlaps ('unlabelled'
otherwise), its rule type and context; FORMAT_PREFIX then filters on the negative class (or on the
finding's type when it starts with 'type:')."""
import argparse
import collections
import json
import os
import sys


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
        raise SystemExit("findings.json: expected a JSON array or an object with a 'findings' list")
    return data


def relmap(corpus, known):
    tree_abs = os.path.normpath(os.path.abspath(os.path.join(corpus, "tree")))
    tree_given = os.path.normpath(os.path.join(corpus, "tree"))
    cache = {}

    def rel(f):
        if f in cache:
            return cache[f]
        n = os.path.normpath(f)
        cands = []
        for base in (tree_abs, tree_given):
            if n == base or n.startswith(base + os.sep):
                cands.append(os.path.relpath(n, base))
        if os.path.isabs(n):
            cands.append(os.path.relpath(n, tree_abs))
        s = n.replace(os.sep, "/")
        i = s.find("tree/")
        if i >= 0:
            cands.append(s[i + 5:])
        cands.append(s)
        out = next((c.replace(os.sep, "/") for c in cands if c.replace(os.sep, "/") in known), cands[0].replace(os.sep, "/"))
        cache[f] = out
        return out
    return rel


def ctx(tree, rel, s, e, width, cache={}):
    if rel not in cache:
        try:
            with open(os.path.join(tree, rel), "rb") as fh:
                cache[rel] = fh.read()
        except OSError:
            cache[rel] = b""
    b = cache[rel]
    return "%r >>>%r<<< %r" % (b[max(0, s - width):s].decode("utf-8", "replace"), b[s:e].decode("utf-8", "replace"), b[e:e + width].decode("utf-8", "replace"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("findings")
    ap.add_argument("prefix", nargs="?", default="")
    ap.add_argument("--fp", action="store_true", help="print false positives instead of missed labels")
    ap.add_argument("--limit", type=int, default=0, help="print at most N entries (0: all)")
    ap.add_argument("--width", type=int, default=80)
    a = ap.parse_intermixed_args()

    tree = os.path.join(a.corpus, "tree")
    labels = load_jsonl(os.path.join(a.corpus, "labels.jsonl"))
    negs = load_jsonl(os.path.join(a.corpus, "negatives.jsonl"))
    known = set()
    for root, _, files in os.walk(tree):
        for f in files:
            known.add(os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/"))
    rel = relmap(a.corpus, known)
    lab_by = collections.defaultdict(list)
    for i, l in enumerate(labels):
        lab_by[l["file"]].append(i)
    neg_by = collections.defaultdict(list)
    for i, n in enumerate(negs):
        neg_by[n["file"]].append(i)

    found = [False] * len(labels)
    fps = []
    for f in load_findings(a.findings):
        try:
            fr, s, e = rel(str(f["file"])), int(f["start"]), int(f["end"])
        except (KeyError, TypeError, ValueError):
            continue
        typ = str(f.get("type", f.get("rule", "?")))
        hit = False
        for i in lab_by.get(fr, ()):
            if s < labels[i]["end"] and labels[i]["start"] < e:
                found[i] = True
                hit = True
        if not hit:
            nh = [i for i in neg_by.get(fr, ()) if s < negs[i]["end"] and negs[i]["start"] < e]
            fps.append((fr, s, e, typ, max(nh, key=lambda i: min(e, negs[i]["end"]) - max(s, negs[i]["start"])) if nh else None))

    n = 0
    if not a.fp:
        missed = [i for i, ok in enumerate(found) if not ok and labels[i]["format"].startswith(a.prefix)]
        missed.sort(key=lambda i: (labels[i]["format"], labels[i]["file"], labels[i]["start"]))
        for i in missed:
            l = labels[i]
            print("[%s/%s] %s@%d-%d\n    %s" % (l.get("family", "?"), l["format"], l["file"], l["start"], l["end"], ctx(tree, l["file"], l["start"], l["end"], a.width)))
            n += 1
            if a.limit and n >= a.limit:
                break
        tot = sum(1 for l in labels if l["format"].startswith(a.prefix))
        print("\n%d missed of %d labels%s" % (len(missed), tot, (" with format prefix %r" % a.prefix) if a.prefix else ""), file=sys.stderr)
    else:
        shown = 0
        for fr, s, e, typ, ni in sorted(fps, key=lambda x: ((negs[x[4]]["class"] if x[4] is not None else "~unlabelled"), x[0], x[1])):
            cls = negs[ni]["class"] if ni is not None else "unlabelled"
            if a.prefix.startswith("type:"):
                if not typ.startswith(a.prefix[5:]):
                    continue
            elif not cls.startswith(a.prefix):
                continue
            sub = ("/" + negs[ni].get("sub", "")) if ni is not None and negs[ni].get("sub") else ""
            disp = " (disputed)" if ni is not None and negs[ni].get("disputed") else ""
            print("[%s%s%s] type=%s %s@%d-%d\n    %s" % (cls, sub, disp, typ, fr, s, e, ctx(tree, fr, s, e, a.width)))
            shown += 1
            if a.limit and shown >= a.limit:
                break
        print("\n%d false positives shown (%d total)" % (shown, len(fps)), file=sys.stderr)


if __name__ == "__main__":
    main()
