#!/usr/bin/env python3
"""Generate the heldout13 corpus: a developer's machine and a company's repositories, plus agent traffic.

usage: python3 gen.py --seed 13013 --files 1000 --out DIR [--no-check]

Writes DIR/tree/... (the files to scan), DIR/labels.jsonl (secrets: file, start, end [byte offsets, end exclusive],
line, format, family, esc, value, kind) and DIR/negatives.jsonl (hard negatives: file, start, end, line, class, sub,
disputed, esc, value, kind), in the layout perf/heldout/score.py reads. Standard library only; deterministic per seed.
"""
import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the source directory clean
sys.path.insert(0, HERE)

from h13_core import Deck, Doc, pick, SERVICES, FIRST, LAST, WORDS  # noqa: E402
from h13_formats import FORMATS, PEM_FORMATS  # noqa: E402
from h13_kv import KV  # noqa: E402
import h13_kinds_a  # noqa: E402
import h13_kinds_b  # noqa: E402
import h13_kinds_c  # noqa: E402
import h13_kinds_d  # noqa: E402
import h13_agent  # noqa: E402
import h13_topup  # noqa: E402

REPO_SUFFIX = ("api", "service", "worker", "web", "infra", "deploy", "platform", "app", "backend", "frontend", "jobs", "cli", "sdk",
               "terraform", "helm-charts", "mobile", "ios", "android", "data", "etl", "ml", "notebooks", "ops", "gitops", "monorepo")
AGENT_SHARE = 0.25
TOPUP_SHARE = 0.07
# inner documents of agent traffic lean towards configs and code
INNER_SCALE = {"app-log": 0.3, "access-log": 0.3, "syslog": 0.4, "lockfile": 0.2, "bundle": 0.3, "csv": 0.5, "ci-log": 0.5, "har": 0.4}


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random("%d:global" % seed)
        self.kv = KV(random.Random("%d:deck" % seed))
        self.pem = Deck(random.Random("%d:pem" % seed), sorted(PEM_FORMATS))
        self.used = set()
        rr = random.Random("%d:names" % seed)
        repos = set()
        while len(repos) < 140:
            repos.add("%s-%s" % (pick(rr, SERVICES), pick(rr, REPO_SUFFIX)))
        self.repos = sorted(repos)
        users = set()
        while len(users) < 36:
            users.add(pick(rr, FIRST) + pick(rr, ("", "", ".%s" % pick(rr, LAST), pick(rr, LAST)[0])))
        self.users = sorted(users)
        self.inner_kinds = []
        self.inner_weights = []
        for mod in (h13_kinds_a, h13_kinds_b, h13_kinds_c, h13_kinds_d, h13_topup):
            for name, w, fn in mod.KINDS:
                self.inner_kinds.append(fn)
                self.inner_weights.append(w * INNER_SCALE.get(name, 1.0))
        self.n = 0
        self.files_done = 0
        self.count = collections.Counter()
        self.extra_calls = 0
        self.extra_given = 0
        from h13_formats import KV_FORMATS
        self.kv_formats = KV_FORMATS
        self.nonkv = sorted(f for f in FORMATS if not FORMATS[f]["kv"])

    def most_needed(self, r, k=4):
        """The format with the fewest labels so far (formats with a fixed home first)."""
        cands = [f for f in self.nonkv if self.count[f] < k]
        if not cands and self.files_done > 0.5 * self.n:
            cands = [f for f in self.kv_formats if self.count[f] < k]
        if not cands:
            return pick(r, self.nonkv)
        m = min(self.count[f] for f in cands)
        return pick(r, sorted(f for f in cands if self.count[f] == m))

    def deficit(self, k=4):
        return sum(max(0, k - self.count[f]) for f in self.kv_formats)

    def extra_secrets(self, r):
        """Extra secret lines for a config block, so that every format reaches 4 labels by the last file."""
        self.extra_calls += 1
        done = max(1, self.files_done)
        rem = max(1, self.n - self.files_done)
        base = max(0, self.kv.draws - self.extra_given) / done
        calls = max(0.2, self.extra_calls / done)
        need = self.deficit() - rem * base * 0.5
        if need <= 0:
            return 0
        x = need / (rem * calls)
        k = int(x) + (1 if r.random() < x - int(x) else 0)
        k = min(k, 4)
        self.extra_given += k
        return k

    # paths
    def repo(self, r):
        return pick(r, self.repos)

    def user(self, r):
        return pick(r, self.users)

    def uniq(self, p):
        if p not in self.used:
            self.used.add(p)
            return p
        parts = p.split("/")
        for k in range(2, 1000):
            if parts[0] in ("repos", "home", "srv") and len(parts) > 2:
                q = "/".join([parts[0], "%s-%d" % (parts[1], k)] + parts[2:])
            else:
                base = parts[-1]
                if "." in base[1:]:
                    i = base.index(".", 1)
                    nb = "%s-%d%s" % (base[:i], k, base[i:])
                else:
                    nb = "%s-%d" % (base, k)
                q = "/".join(parts[:-1] + [nb])
            if q not in self.used:
                self.used.add(q)
                return q
        raise RuntimeError(p)

    def rpath(self, repo, rel):
        p = "repos/%s/%s" % (repo, rel)
        for _ in range(12):
            if p not in self.used:
                break
            p = "repos/%s/%s" % (pick(self.r, self.repos), rel)
        return self.uniq(p)

    def hpath(self, u, rel):
        p = "home/%s/%s" % (u, rel)
        for _ in range(12):
            if p not in self.used:
                break
            p = "home/%s/%s" % (pick(self.r, self.users), rel)
        return self.uniq(p)

    def inner_kind(self, r):
        return r.choices(self.inner_kinds, weights=self.inner_weights)[0]


def plan(g, n):
    """How many files of each kind: 25% agent traffic, the rest by weight (largest remainder)."""
    human = []
    for mod in (h13_kinds_a, h13_kinds_b, h13_kinds_c, h13_kinds_d, h13_topup):
        human += mod.KINDS
    agent = h13_agent.KINDS
    n_agent = int(round(n * AGENT_SHARE))
    n_topup = int(round(n * TOPUP_SHARE))
    out = [("topup", h13_topup.k_topup)] * n_topup
    n -= n_topup
    for kinds, total in ((human, n - n_agent), (agent, n_agent)):
        W = sum(w for _, w, _ in kinds)
        raw = [(name, fn, total * w / W) for name, w, fn in kinds]
        counts = [(name, fn, int(x)) for name, fn, x in raw]
        left = total - sum(c for _, _, c in counts)
        order = sorted(range(len(raw)), key=lambda i: (-(raw[i][2] - int(raw[i][2])), raw[i][0]))
        for i in order[:left]:
            counts[i] = (counts[i][0], counts[i][1], counts[i][2] + 1)
        for name, fn, c in counts:
            out += [(name, fn)] * c
    g.r.shuffle(out)
    # the last file tops up whatever formats are still short
    for i in range(len(out) - 1, -1, -1):
        if out[i][0] == "topup":
            out.append(out.pop(i))
            break
    if out and out[-1][0] == "topup":
        out[-1] = ("topup", h13_topup.k_topup_final)
    return out


def generate(seed, n, out):
    g = Gen(seed)
    tree = os.path.join(out, "tree")
    if os.path.exists(out):
        for sub in ("tree", "labels.jsonl", "negatives.jsonl", "stats.json"):
            p = os.path.join(out, sub)
            if os.path.isdir(p):
                shutil.rmtree(p)
            elif os.path.exists(p):
                os.remove(p)
    os.makedirs(tree, exist_ok=True)
    labels, negs = [], []
    g.n = n
    sizes = {}
    kinds = collections.Counter()
    for i, (kname, fn) in enumerate(plan(g, n)):
        r = random.Random("%d:file:%d" % (seed, i))
        d = Doc(r)
        path, text = fn(g, d, r)
        data, lab, neg = d.render(text, path)
        full = os.path.join(tree, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(data)
        for x in lab + neg:
            x["kind"] = kname
        labels += lab
        negs += neg
        g.count.update(x["format"] for x in lab)
        g.files_done += 1
        sizes[path] = len(data)
        kinds[kname] += 1
    key = lambda x: (x["file"], x["start"])
    labels.sort(key=key)
    negs.sort(key=key)
    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for x in labels:
            fh.write(json.dumps(x, sort_keys=True) + "\n")
    with open(os.path.join(out, "negatives.jsonl"), "w") as fh:
        for x in negs:
            fh.write(json.dumps(x, sort_keys=True) + "\n")
    stats = {
        "seed": seed, "files": len(sizes), "bytes": sum(sizes.values()), "max_file_bytes": max(sizes.values()) if sizes else 0,
        "labels": len(labels), "formats": len(set(x["format"] for x in labels)), "formats_defined": len(FORMATS),
        "families": dict(sorted(collections.Counter(x["family"] for x in labels).items())),
        "negatives": len(negs), "negative_classes": dict(sorted(collections.Counter(x["class"] for x in negs).items())),
        "disputed": sum(1 for x in negs if x["disputed"]),
        "disputed_by_class": dict(sorted(collections.Counter(x["class"] for x in negs if x["disputed"]).items())),
        "escaped_labels": dict(sorted(collections.Counter(x["esc"] for x in labels).items())),
        "kinds": dict(sorted(kinds.items())),
        "agent_files": sum(c for k, c in kinds.items() if k.startswith("agent-")),
    }
    with open(os.path.join(out, "stats.json"), "w") as fh:
        json.dump(stats, fh, indent=1, sort_keys=True)
        fh.write("\n")
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=13013)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true", help="skip selfcheck.py")
    a = ap.parse_args()
    st = generate(a.seed, a.files, a.out)
    print("files %d  bytes %d  labels %d  formats %d/%d  negatives %d  classes %d  disputed %d" % (
        st["files"], st["bytes"], st["labels"], st["formats"], st["formats_defined"], st["negatives"], len(st["negative_classes"]), st["disputed"]))
    if not a.no_check:
        cmd = [sys.executable, os.path.join(HERE, "selfcheck.py"), a.out, "--determinism"]
        if a.files >= 800:
            cmd += ["--min-per-format", "4"]
        rc = subprocess.call(cmd)
        if rc:
            sys.exit(rc)


if __name__ == "__main__":
    main()
