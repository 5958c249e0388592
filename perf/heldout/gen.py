#!/usr/bin/env python3
"""Held-out labelled corpus generator for secret scanners.

usage: gen.py --seed N --files M --out DIR

Writes DIR/tree/..., DIR/labels.jsonl, DIR/negatives.jsonl, DIR/README.md.
Standard library only; deterministic for a given (seed, files).
"""
import argparse
import collections
import functools
import json
import math
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hgen.formats import FORMATS, ORDER, family  # noqa: E402
from hgen.negatives import CLASSES, NEG  # noqa: E402
from hgen.plan import Planner  # noqa: E402
from hgen.kinds_base import K  # noqa: E402
from hgen import kinds as KD  # noqa: E402
from hgen import kinds_special as KS  # noqa: E402

GENERAL_KINDS = [
    ("code_py", 9, KD.kind_code("py")), ("code_js", 5, KD.kind_code("js")), ("code_ts", 6, KD.kind_code("ts")), ("code_go", 5, KD.kind_code("go")),
    ("code_java", 4, KD.kind_code("java")), ("code_kt", 2, KD.kind_code("kt")), ("code_rs", 2, KD.kind_code("rs")), ("code_rb", 3, KD.kind_code("rb")),
    ("code_php", 3, KD.kind_code("php")), ("code_cs", 3, KD.kind_code("cs")),
    ("test_py", 1.5, KD.kind_code("py", True)), ("test_ts", 1, KD.kind_code("ts", True)), ("test_js", .5, KD.kind_code("js", True)),
    ("test_go", 1, KD.kind_code("go", True)), ("test_rb", .5, KD.kind_code("rb", True)), ("test_java", .5, KD.kind_code("java", True)),
    ("notebook", 2, KD.kind_notebook), ("env", 6, KD.kind_env), ("yaml_config", 5, KD.kind_yaml_config), ("compose", 3, KD.kind_compose),
    ("k8s", 5, KD.kind_k8s), ("helm_values", 3, KD.kind_helm_values), ("helm_template", 2, KD.kind_helm_template), ("github_actions", 3, KD.kind_gha),
    ("gitlab_ci", 2, KD.kind_gitlab), ("terraform", 4, KD.kind_terraform), ("properties", 2.5, KD.kind_properties), ("ini", 2.5, KD.kind_ini),
    ("toml", 2, KD.kind_toml), ("json", 4, KD.kind_json), ("lockfile", 1, KD.kind_lockfile), ("xml", 2.5, KD.kind_xml), ("nginx", 1.5, KD.kind_nginx),
    ("sql", 2, KD.kind_sql), ("shell", 4, KD.kind_shell), ("dockerfile", 3, KD.kind_dockerfile), ("markdown", 4, KD.kind_markdown),
    ("http", 1.5, KD.kind_http), ("log", 2.5, KD.kind_log), ("pem_file", 1.8, KS.kind_pem_file), ("public_key_file", 1, KS.kind_public_key_file),
    ("npmrc", .8, KS.kind_npmrc), ("git_credentials", .6, KS.kind_git_credentials), ("cloudformation", 1.2, KD.kind_cfn),
]


DEBUG = os.environ.get("HG_DEBUG") == "1"   # adds the unescaped value as "raw" to every label (for self-checks)


def apply_chain(raw, chain):
    return functools.reduce(lambda s, f: f(s), chain, raw)


def build(seed, n_files, out):
    t0 = time.time()
    r = random.Random(seed)
    planner = Planner(r, n_files)
    ctx = K(r, planner)
    # schedule: dedicated kinds for special formats, the rest by weight
    sched = []
    for fid, (fn, yld) in KS.SPECIAL_KINDS.items():
        n = int(math.ceil(planner.pos_quota[fid] / yld))
        sched += [("special_" + fid, fn)] * n
    rest = max(0, n_files - len(sched))
    names = [k[0] for k in GENERAL_KINDS]
    weights = [k[1] for k in GENERAL_KINDS]
    fns = {k[0]: k[2] for k in GENERAL_KINDS}
    for nm in r.choices(names, weights, k=rest):
        sched.append((nm, fns[nm]))
    r.shuffle(sched)

    tree = os.path.join(out, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree, exist_ok=True)

    labels, negatives = [], []
    kind_counts = collections.Counter()
    total_bytes = 0
    for kname, fn in sched:
        rel, doc = fn(ctx)
        rel = ctx.path(rel.replace("//", "/"))
        text = doc.text()
        data = text.encode("utf-8")
        full = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(data)
        total_bytes += len(data)
        kind_counts[kname] += 1
        # labels, verified against the bytes read back
        with open(full, "rb") as fh:
            back = fh.read()
        assert back == data
        off = 0
        for seg, ann in doc.segs:
            b = seg.encode("utf-8")
            if ann:
                s, e = off, off + len(b)
                assert back[s:e] == b, (rel, s, e)
                assert apply_chain(ann["raw"], ann["chain"]) == seg, (rel, ann["raw"][:40], seg[:40])
                assert len(b) > 0
                if ann["k"] == "pos":
                    assert ann["raw"] and FORMATS[ann["fmt"]]
                    labels.append({"file": rel, "start": s, "end": e, "format": ann["fmt"], "family": family(ann["fmt"])})
                    if DEBUG:
                        labels[-1]["raw"] = ann["raw"]
                else:
                    o = {"file": rel, "start": s, "end": e, "class": ann["cls"], "sub": ann["sub"]}
                    if ann.get("disputed"):
                        o["disputed"] = True
                    if DEBUG:
                        o["raw"] = ann["raw"]
                    negatives.append(o)
            off += len(b)
        assert off == len(data)

    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for l in labels:
            fh.write(json.dumps(l, sort_keys=True) + "\n")
    with open(os.path.join(out, "negatives.jsonl"), "w") as fh:
        for l in negatives:
            fh.write(json.dumps(l, sort_keys=True) + "\n")
    write_readme(out, seed, n_files, len(sched), total_bytes, labels, negatives, kind_counts)
    return len(sched), total_bytes, labels, negatives, time.time() - t0


def write_readme(out, seed, n_req, n_files, total_bytes, labels, negatives, kind_counts):
    fc = collections.Counter(l["format"] for l in labels)
    nc = collections.Counter(n["class"] for n in negatives)
    ns = collections.Counter((n["class"], n["sub"]) for n in negatives)
    nd = sum(1 for n in negatives if n.get("disputed"))
    L = []
    L.append("# Held-out secret-scanner corpus\n")
    L.append("Generated by `gen.py --seed %d --files %d` (standard library only, deterministic).\n" % (seed, n_req))
    L.append("- files: %d (%.1f MB)\n- planted secrets (labels.jsonl): %d in %d formats\n- planted hard negatives (negatives.jsonl): %d in %d classes (%d flagged `disputed`)\n" % (
        n_files, total_bytes / 1e6, len(labels), len(fc), len(negatives), len(nc), nd))
    L.append("""
## Layout

- `tree/<repo>/<path>`: realistic source and config files (Python, JS/TS, Go, Java, Kotlin, Rust, Ruby, PHP, C#, shell, Dockerfile,
  docker-compose, Kubernetes manifests incl. `kind: Secret`, Helm values/templates, GitHub Actions, GitLab CI, Terraform/tfvars, .env,
  .properties, INI/AWS credentials/.pypirc, TOML, JSON configs/Postman/appsettings/composer auth, package-lock, XML (Maven settings,
  Spring beans, web.config, Android strings, pom), nginx, SQL, Markdown, Jupyter notebooks, .http request dumps, logs, PEM files,
  GCP service-account JSON, kubeconfig, Docker config.json, .netrc, .pgpass, .htpasswd, .npmrc, .git-credentials, WireGuard configs,
  CloudFormation templates).
- `labels.jsonl`: one object per planted secret: `file` (relative to `tree/`), `start`/`end` (UTF-8 **byte** offsets, end exclusive)
  of the secret value as written in the file, `format` (fine-grained id, ~150 of them) and `family` (coarser group, ~25, so
  per-group recall has enough samples: at 2000 files each format has only ~15 samples).
- `negatives.jsonl`: one object per planted hard negative: `file`, `start`, `end`, `class`, `sub` (finer sub-class) and `disputed: true`
  where the product spec (SPEC section 4) arguably promises to flag the value (see below).

Every label was checked by reading the file back: the bytes at [start,end) equal the generated value after the escaping the file
syntax requires (JSON `\\n` / `\\"` escapes, XML entities, YAML block indentation, SQL quote doubling, ...).  Values that are only partly
secret are labelled on the secret part only: JDBC/ADO `password=...`, Azure `AccountKey=...`, `curl -u user:PASS`, `.netrc`/`.pgpass`
passwords, `Authorization: Bearer TOKEN` (the token), `Basic B64` (the base64).  URL formats (postgres://, mongodb+srv://, redis://,
amqp://, snowflake://, https://user:pw@, Slack/Discord webhooks, legacy Sentry DSN, cloudinary://) are labelled as the whole URL.
Azure SAS tokens are labelled from `sv=` to the end of `sig=`.

Scoring: `score.py DIR findings.json [--json]`; a finding overlapping a label's byte range counts as a hit, other findings are
false positives attributed to the overlapped negative's class or to `unlabelled`.

## Positives per format
""")
    L.append("| format | planted | note |\n|---|---:|---|\n")
    for fid in sorted(fc, key=lambda f: ORDER.index(f)):
        note = (FORMATS[fid].note or "").replace("|", "/")
        L.append("| `%s` | %d | %s |\n" % (fid, fc[fid], note))
    missing = [f for f in ORDER if f not in fc]
    if missing:
        L.append("\nFormats with no planted sample at this size: %s\n" % ", ".join(missing))
    L.append("\n## Negatives per class\n\n| class | planted |\n|---|---:|\n")
    for c in CLASSES:
        L.append("| `%s` | %d |\n" % (c, nc.get(c, 0)))
    L.append("\n### Sub-classes\n\n| class | sub | planted |\n|---|---|---:|\n")
    for (c, s), n in sorted(ns.items()):
        L.append("| %s | %s | %d |\n" % (c, s, n))
    L.append("""
## Decisions and uncertainties

- **Disputed negatives** (`disputed: true`, reported separately by `score.py`): SPEC 4 says Stripe `pk_` keys are detected and that a
  value in a documented example format (`AKIAIOSFODNN7EXAMPLE`) "is still tokenized"; the brief classes these as negatives
  (public_by_design / placeholder).  The same flag is set on the jwt.io example token (a well-formed JWT, which SPEC's JWT rule would
  match) and on base64 values of non-secret fields (`username`, `host`, `port`) in `kind: Secret` `data:`.
- **Sentry**: DSNs with `public:secret@` (legacy) are positives (`sentry_dsn_with_secret`); modern DSNs carrying only the public key are
  `public_by_design` negatives (Sentry documents them as safe to expose).  `sntrys_`/`sntryu_` auth tokens are positives.
- **hunter2** and other obvious values (`test`, `abc`, `fake_token_for_tests`, `correct horse battery staple`, ...) appear only in test
  files and are `fixture` negatives.
- **htpasswd**: `.htpasswd` lines (`$apr1$`, `{SHA}`, `$2y$`) are labelled positive (`htpasswd_hash`) because the file is a credential
  store; bcrypt/argon2/pbkdf2 hashes elsewhere (`password_hash` columns and fields) are `hash` negatives.  Scanners may reasonably differ.
- **Twilio Account SID** (`AC` + 32 hex) is an identifier, labelled positive only because SPEC 4 lists Twilio SIDs.
- **Context-only formats** (no prefix): `aws_secret_access_key`, `twilio_auth_token`, `mailchimp` (has `-usN`), `datadog_*`,
  `azure_openai_key`, `algolia_admin_key`, `heroku_api_key` (a UUID!), `cloudflare_*`, `fastly`, `vercel`, `pagerduty`, `mistral`,
  `cohere`, `alibaba_access_key_secret`, `auth0_client_secret`, `twitch_client_secret`, `recaptcha_secret_key`, `generic_*`,
  `flask_secret_key`, `rails_secret_key_base`: detectable only through the variable/key name, which always carries the vendor word.
  Hard twins with the same shape are planted as negatives under non-secret names (`algolia_search_key`, `recaptcha_site_key`, UUID
  `client_id`/`tenant_id`, hex digests under `token_hash`/`checksum`, ...).
- **GitHub / npm checksums**: the last 6 characters are CRC32 (IEEE, as `binascii.crc32`) of the 30 random characters, base62-encoded
  with the alphabet `0-9A-Za-z` and left-padded with `0`.  This alphabet order is my reading of public verifiers (pybase62 default);
  if GitHub uses another order, a checksum-verifying scanner would reject every GitHub/npm token here.
- **age** secret keys carry a valid Bech32 checksum; **PGP** armor carries a valid CRC24.  PEM key bodies have realistic DER prefixes
  followed by random bytes (they do not parse as keys).
- Negatives of class `reference`, `code` and `placeholder` reuse the very names secrets use (e.g. `STRIPE_SECRET_KEY = os.environ[...]`).
  `code/type_declaration` labels the type in `password: str`, `ApiKey string`, `private char[] password` etc.;
  `code/identifier_string` labels string literals that are names, not values (`grant_type = "client_credentials"`,
  `secret_env_var = "STRIPE_SECRET_KEY"`, `tokenizer = "cl100k_base"`).
- Random bodies are drawn so they never contain placeholder-ish substrings (`test`, `example`, `xxxx`, `1234`, `secret`, ...), so a
  scanner's placeholder filter cannot reject a real positive by accident.
- Benign config values (timeouts, hosts, regions, booleans...) are not labelled; a finding on them counts as `unlabelled` FP.

## Files per kind
""")
    L.append("| kind | files |\n|---|---:|\n")
    for k, n in sorted(kind_counts.items(), key=lambda x: -x[1]):
        L.append("| %s | %d |\n" % (k, n))
    with open(os.path.join(out, "README.md"), "w") as fh:
        fh.write("".join(L))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    n, b, labels, negs, dt = build(a.seed, a.files, a.out)
    print("wrote %d files, %.1f MB, %d labels, %d negatives in %.1fs -> %s" % (n, b / 1e6, len(labels), len(negs), dt, a.out))


if __name__ == "__main__":
    main()
