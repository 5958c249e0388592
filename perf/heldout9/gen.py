#!/usr/bin/env python3
"""Generate the held-out secret-scanner corpus.

usage: python3 gen.py --seed 9009 --files 1200 --out out

Writes OUT/tree/** (the files to scan), OUT/labels.jsonl (planted secrets) and OUT/negatives.jsonl
(hard negatives), in the layout perf/heldout/score.py reads.  Offsets are byte offsets into the
UTF-8 file, end exclusive; "value" is the exact text at [start, end).  Then runs the self-check."""
import argparse
import collections
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from core import T, render  # noqa: E402
import ctx as C  # noqa: E402
import repo  # noqa: E402
import agent  # noqa: E402
import selfcheck  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=9009)
    ap.add_argument("--files", type=int, default=1200)
    ap.add_argument("--out", default="out")
    ap.add_argument("--agent-share", type=float, default=0.5)
    a = ap.parse_args()

    cx = C.Ctx(a.seed)
    r = cx.r
    out = a.out
    tree = os.path.join(out, "tree")
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(tree)

    n_agent = int(round(a.files * a.agent_share))
    kinds = ["agent"] * n_agent + ["repo"] * (a.files - n_agent)
    r.shuffle(kinds)
    labels, negatives = [], []
    used = set()
    gen_count = collections.Counter()
    for i, kind in enumerate(kinds):
        gens = agent.GENERATORS if kind == "agent" else repo.GENERATORS
        g = r.choices([g for g, w in gens], weights=[w for g, w in gens])[0]
        path, body = g(cx)
        if not isinstance(body, T):
            body = T(body)
        if kind == "repo":
            rel = "repo/%s-%04d/%s" % (r.choice(repo.PROJ), i, path)
        else:
            d, _, b = path.rpartition("/")
            rel = "%s/%04d_%s" % (d, i, b)
        assert rel not in used
        used.add(rel)
        gen_count[g.__name__] += 1
        data, marks = render(body)
        p = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(data)
        for sp, s, e in marks:
            if sp.kind == "S":
                labels.append({"file": rel, "start": s, "end": e, "format": sp.meta["format"], "family": sp.meta["family"], "value": sp.text})
            else:
                negatives.append({"file": rel, "start": s, "end": e, "class": sp.meta["class"], "sub": sp.meta.get("sub", ""), "disputed": bool(sp.meta.get("disputed")), "value": sp.text})
    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for i, l in enumerate(labels):
            l["id"] = "L%05d" % i
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "negatives.jsonl"), "w") as fh:
        for i, n in enumerate(negatives):
            n["id"] = "N%05d" % i
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    stats = {
        "seed": a.seed, "files": len(kinds), "agent_files": n_agent, "repo_files": len(kinds) - n_agent,
        "labels": len(labels), "formats": len({l["format"] for l in labels}), "families": len({l["family"] for l in labels}),
        "negatives": len(negatives), "negative_classes": len({n["class"] for n in negatives}),
        "disputed_negatives": sum(1 for n in negatives if n["disputed"]),
        "labels_by_family": dict(collections.Counter(l["family"] for l in labels).most_common()),
        "negatives_by_class": dict(collections.Counter(n["class"] for n in negatives).most_common()),
        "files_by_generator": dict(gen_count.most_common()),
    }
    with open(os.path.join(out, "stats.json"), "w") as fh:
        json.dump(stats, fh, indent=2)
    print(json.dumps({k: v for k, v in stats.items() if not isinstance(v, dict)}, indent=2))
    ok = selfcheck.check(out)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
