#!/usr/bin/env python3
"""Score scanner findings against the held-out corpus.

usage: score.py DIR findings.json [--json]

findings.json: output of `takumo-aegis scan --format json DIR/tree`: a JSON array of objects with at least
"file" (the scanned path joined with the relative path), "start", "end" (byte offsets, end exclusive) and "type".
A finding is a true positive when it overlaps a label's byte range in the same file; a label is found when any
finding overlaps it; other findings are false positives, attributed to the negative class they overlap (else
'unlabelled').
"""
import argparse
import signal
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
                data = data[k]
                break
        else:
            raise SystemExit("findings.json: expected a JSON array (or an object with a 'findings' list)")
    return data


class Rel:
    """Map a finding's file path to the corpus-relative path."""

    def __init__(self, corpus_dir, known):
        self.tree_abs = os.path.normpath(os.path.abspath(os.path.join(corpus_dir, "tree")))
        self.tree_given = os.path.normpath(os.path.join(corpus_dir, "tree"))
        self.known = known
        self.cache = {}

    def __call__(self, f):
        if f in self.cache:
            return self.cache[f]
        out = None
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
                out = c
                break
        if out is None:
            out = cands[0].replace(os.sep, "/") if cands else n
        self.cache[f] = out
        return out


def overlaps(a0, a1, b0, b1):
    return a0 < b1 and b0 < a1


def context(tree, rel, start, end, width=220):
    p = os.path.join(tree, rel)
    try:
        with open(p, "rb") as fh:
            data = fh.read()
    except OSError:
        return "<unreadable %s>" % rel
    ls = data.rfind(b"\n", 0, start) + 1
    le = data.find(b"\n", start)
    if le < 0:
        le = len(data)
    line = data[ls:le]
    s, e = start - ls, min(end, le) - ls
    if len(line) > width:
        a = max(0, s - 60)
        b = min(len(line), max(e, s + 40) + 60)
        line = (b"..." if a > 0 else b"") + line[a:b] + (b"..." if b < len(line) else b"")
    txt = line.decode("utf-8", "replace").replace("\t", "    ")
    return txt


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("findings")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    ap.add_argument("--examples", type=int, default=5)
    a = ap.parse_args()

    labels = load_jsonl(os.path.join(a.dir, "labels.jsonl"))
    negs = load_jsonl(os.path.join(a.dir, "negatives.jsonl"))
    findings = load_findings(a.findings)
    tree = os.path.join(a.dir, "tree")
    known = set()
    for root, _, files in os.walk(tree):
        for f in files:
            known.add(os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/"))
    rel = Rel(a.dir, known)

    lab_by_file = collections.defaultdict(list)
    for i, l in enumerate(labels):
        lab_by_file[l["file"]].append(i)
    neg_by_file = collections.defaultdict(list)
    for i, n in enumerate(negs):
        neg_by_file[n["file"]].append(i)

    found = [False] * len(labels)
    neg_hit = [False] * len(negs)
    tp = fp = 0
    fp_disputed = 0
    per_rule = collections.defaultdict(lambda: [0, 0])        # type -> [tp, total]
    fp_class = collections.Counter()
    fp_sub = collections.Counter()
    fp_examples = collections.defaultdict(list)
    unknown_files = set()
    for f in findings:
        try:
            fr = rel(str(f["file"]))
            s, e = int(f["start"]), int(f["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if fr not in known:
            unknown_files.add(fr)
        typ = str(f.get("type", f.get("rule", "?")))
        hits = [i for i in lab_by_file.get(fr, ()) if overlaps(s, e, labels[i]["start"], labels[i]["end"])]
        per_rule[typ][1] += 1
        if hits:
            tp += 1
            per_rule[typ][0] += 1
            for i in hits:
                found[i] = True
            continue
        fp += 1
        nh = [i for i in neg_by_file.get(fr, ()) if overlaps(s, e, negs[i]["start"], negs[i]["end"])]
        if nh:
            best = max(nh, key=lambda i: min(e, negs[i]["end"]) - max(s, negs[i]["start"]))
            for i in nh:
                neg_hit[i] = True
            cls = negs[best]["class"]
            sub = negs[best].get("sub", "")
            if negs[best].get("disputed"):
                fp_disputed += 1
        else:
            cls, sub = "unlabelled", ""
        fp_class[cls] += 1
        if sub:
            fp_sub[(cls, sub)] += 1
        if len(fp_examples[cls]) < a.examples:
            fp_examples[cls].append({"file": fr, "type": typ, "sub": sub, "line": context(tree, fr, s, e)})

    n_find = tp + fp
    n_found = sum(found)
    prec = tp / n_find if n_find else 0.0
    rec = n_found / len(labels) if labels else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    prec_nd = tp / (n_find - fp_disputed) if n_find - fp_disputed else 0.0

    per_fmt = collections.defaultdict(lambda: [0, 0])
    per_fam = collections.defaultdict(lambda: [0, 0])
    missed_ex = collections.defaultdict(list)
    for i, l in enumerate(labels):
        per_fmt[l["format"]][1] += 1
        per_fam[l.get("family", "?")][1] += 1
        if found[i]:
            per_fmt[l["format"]][0] += 1
            per_fam[l.get("family", "?")][0] += 1
        elif len(missed_ex[l["format"]]) < 3:
            missed_ex[l["format"]].append({"file": l["file"], "line": context(tree, l["file"], l["start"], l["end"])})

    neg_planted = collections.Counter(n["class"] for n in negs)
    neg_flagged = collections.Counter(negs[i]["class"] for i in range(len(negs)) if neg_hit[i])
    summary = {
        "findings": n_find, "true_positive_findings": tp, "false_positive_findings": fp,
        "labels": len(labels), "labels_found": n_found,
        "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
        "precision_excluding_disputed": round(prec_nd, 4), "fp_on_disputed_negatives": fp_disputed,
        "recall_by_format": {k: {"found": v[0], "planted": v[1], "recall": round(v[0] / v[1], 3)} for k, v in per_fmt.items()},
        "recall_by_family": {k: {"found": v[0], "planted": v[1], "recall": round(v[0] / v[1], 3)} for k, v in per_fam.items()},
        "precision_by_rule": {k: {"tp": v[0], "findings": v[1], "precision": round(v[0] / v[1], 3)} for k, v in per_rule.items()},
        "false_positives_by_class": dict(fp_class),
        "false_positives_by_subclass": {"%s/%s" % k: v for k, v in fp_sub.items()},
        "negatives_flagged_by_class": {c: {"flagged": neg_flagged.get(c, 0), "planted": neg_planted[c]} for c in neg_planted},
        "fp_examples": fp_examples, "missed_examples": missed_ex,
        "unknown_files": sorted(unknown_files)[:20],
    }
    if a.json:
        json.dump(summary, sys.stdout, indent=2, sort_keys=True)
        print()
        return

    P = print
    P("== overall ==")
    P("findings %d  (TP %d, FP %d)   labels %d, found %d" % (n_find, tp, fp, len(labels), n_found))
    P("precision %.4f   recall %.4f   F1 %.4f" % (prec, rec, f1))
    P("precision excluding FPs on disputed negatives (%d): %.4f" % (fp_disputed, prec_nd))
    if unknown_files:
        P("WARNING: %d finding paths did not map to corpus files, e.g. %s" % (len(unknown_files), sorted(unknown_files)[:3]))
    P("\n== recall by family (worst first) ==")
    for k, v in sorted(per_fam.items(), key=lambda x: (x[1][0] / x[1][1], x[0])):
        P("  %-26s %4d/%-4d %.3f" % (k, v[0], v[1], v[0] / v[1]))
    P("\n== recall by format (worst first) ==")
    for k, v in sorted(per_fmt.items(), key=lambda x: (x[1][0] / x[1][1], x[0])):
        P("  %-36s %4d/%-4d %.3f" % (k, v[0], v[1], v[0] / v[1]))
    P("\n== precision by rule (worst first) ==")
    for k, v in sorted(per_rule.items(), key=lambda x: (x[1][0] / x[1][1], -x[1][1])):
        P("  %-36s %5d/%-5d %.3f" % (k, v[0], v[1], v[0] / v[1]))
    P("\n== false positives by negative class ==")
    for c in sorted(set(list(fp_class) + list(neg_planted)), key=lambda c: -fp_class.get(c, 0)):
        extra = ""
        if c in neg_planted:
            extra = "   (negatives flagged %d/%d)" % (neg_flagged.get(c, 0), neg_planted[c])
        P("  %-18s %5d%s" % (c, fp_class.get(c, 0), extra))
        subs = [(s, n) for (cc, s), n in fp_sub.items() if cc == c]
        if subs:
            P("      " + ", ".join("%s=%d" % (s, n) for s, n in sorted(subs, key=lambda x: -x[1])))
        for ex in fp_examples.get(c, []):
            P("      [%s] %s: %s" % (ex["type"], ex["file"], ex["line"]))
    P("\n== missed labels (up to 3 per format) ==")
    for k, v in sorted(per_fmt.items(), key=lambda x: (x[1][0] / x[1][1], x[0])):
        if not missed_ex.get(k):
            continue
        P("  %s (%d missed)" % (k, v[1] - v[0]))
        for ex in missed_ex[k]:
            P("      %s: %s" % (ex["file"], ex["line"]))


if __name__ == "__main__":
    main()
