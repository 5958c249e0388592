#!/usr/bin/env python3
"""Generate the fifteenth held-out corpus: secrets in the shapes where scanners break.

usage: gen.py [--seed 15015] [--files 1500] --out DIR [--no-check]

Writes DIR/tree/... (the files), DIR/labels.jsonl and DIR/negatives.jsonl (byte offsets into each file's UTF-8
bytes, end exclusive), then runs the self-check (selfcheck.py) and prints the counts line.
Deterministic for a seed; standard library only; every value is synthetic.
"""
import argparse
import collections
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from core import Rng, Ctx, finalize  # noqa: E402
from fmts import Registry  # noqa: E402
from negs import Negs  # noqa: E402
import t_diff  # noqa: E402
import t_tools  # noqa: E402
import t_enc  # noqa: E402
import t_prose  # noqa: E402
import t_ai  # noqa: E402
import t_build  # noqa: E402
import selfcheck  # noqa: E402
from pad import pad_negatives  # noqa: E402

GROUPS = [("diffs", t_diff.TEMPLATES), ("tool-output", t_tools.TEMPLATES), ("encodings", t_enc.TEMPLATES),
          ("prose", t_prose.TEMPLATES), ("ai-tools", t_ai.TEMPLATES), ("build", t_build.TEMPLATES)]


def schedule(n, rng):
    """Deterministic allocation of n files over the templates, proportional to their weights."""
    items = [(g, name, fn, w) for g, tl in GROUPS for name, fn, w in tl]
    tot = sum(w for *_, w in items)
    exact = [n * w / tot for *_, w in items]
    counts = [int(x) for x in exact]
    rest = sorted(range(len(items)), key=lambda i: -(exact[i] - counts[i]))
    for i in rest[: n - sum(counts)]:
        counts[i] += 1
    out = []
    for it, c in zip(items, counts):
        out += [it] * c
    rng.shuffle(out)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=15015)
    ap.add_argument("--files", type=int, default=1500)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()

    tree = os.path.join(a.out, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree, exist_ok=True)

    master = Rng(a.seed)
    reg = Registry(master)
    plan = schedule(a.files, master)
    labels, negatives = [], []
    per_template = collections.Counter()
    for i, (group, name, fn, _) in enumerate(plan):
        rng = Rng(a.seed * 1000003 + i)
        reg.r = rng
        ctx = Ctx(rng, reg, Negs(rng))
        rel, text = fn(ctx)
        text = pad_negatives(ctx, rel, text)
        rel = "%s/%04d/%s" % (group, i, rel.lstrip("/"))
        data, labs, negs = finalize(ctx, text, rel)
        p = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(data)
        labels += labs
        negatives += negs
        per_template[name] += 1

    with open(os.path.join(a.out, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for l in labels:
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "negatives.jsonl"), "w", encoding="utf-8") as fh:
        for n in negatives:
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    if not a.no_check:
        ok = selfcheck.check(a.out)
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
