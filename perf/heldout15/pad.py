"""Top a file up to ~3-4 hard negatives per secret, in the file's own syntax (terminal, log, .env, YAML, Markdown,
shell, XML). JSON, diffs and notebooks are left as they are."""
import os

from fmts import company, word
from lang import neg_line
from tpl import neg1


def log_line(ctx):
    r = ctx.r
    ts = r.date_iso()
    k = r.randint(0, 9)
    if k == 0:
        return "%s INFO  deploy finished sha=%s image=%s" % (ts, ctx.N(r.hex(40), "hash", "git-sha"), ctx.N("sha256:" + r.hex(64), "hash", "docker-digest"))
    if k == 1:
        return "%s INFO  request_id=%s trace_id=%s status=200 dur=%dms" % (ts, ctx.N(r.uuid(), "identifier", "request-id"),
                                                                          ctx.N(r.hex(32), "identifier", "trace-id"), r.randint(3, 900))
    if k == 2:
        v, c, s, d = ctx.ng.reference(r.choice(["arn-secretsmanager", "op-ref", "vault-ref", "gcp-secret-manager", "azure-keyvault"]))
        return "%s DEBUG loaded credentials from %s" % (ts, ctx.N(v, c, s, d))
    if k == 3:
        return "%s WARN  using key %s (masked)" % (ts, neg1(ctx, "placeholder", r.choice(["masked-prefix", "aws-masked", "bullets"])))
    if k == 4:
        return "%s DEBUG prompt tokenized: api_key=%s" % (ts, ctx.N(*ctx.ng.takumo()[:4]))
    if k == 5:
        return "%s INFO  artifact %s sha256=%s" % (ts, r.choice(["app.tar.gz", "bundle.zip", "model.safetensors"]), ctx.N(r.hex(64), "hash", "sha256"))
    if k == 6:
        return "%s INFO  user=%s org=%s" % (ts, ctx.N(r.hex(24), "identifier", "mongo-objectid"), ctx.N(r.uuid(), "identifier", "uuid"))
    if k == 7:
        return "%s INFO  token refreshed, expires_in=%s" % (ts, ctx.N(r.choice(["3600", "86399", "900"]), "keyword-no-secret", "token-expiry"))
    if k == 8:
        return "%s DEBUG publishable key %s" % (ts, ctx.N(*ctx.ng.public(r.choice(["stripe-publishable-key", "posthog-project-key", "sentry-dsn"]))[:4]))
    return "%s INFO  %s" % (ts, ctx.N(*ctx.ng.ident(r.choice(["openai-object-id", "anthropic-object-id", "stripe-object-id", "cf-ray"]))[:4]))


def shell_line(ctx, k=None):
    r = ctx.r
    k = r.randint(0, 8) if k is None else k
    if k == 8:
        return '$ grep -o \'integrity="[^"]*"\' dist/index.html\nintegrity="%s"' % ctx.N(ctx.ng.hash("sri")[0], "hash", "sri")
    if k == 0:
        return "$ git rev-parse HEAD\n%s" % ctx.N(r.hex(40), "hash", "git-sha")
    if k == 1:
        return "$ docker pull ghcr.io/%s/api@%s" % (company(r), ctx.N("sha256:" + r.hex(64), "hash", "docker-digest"))
    if k == 2:
        return "$ export %s=%s" % (r.choice(["DB_PASSWORD", "API_TOKEN", "OPENAI_API_KEY"]),
                                   ctx.N(r.choice(["$(op read op://Prod/db/password)", "$(cat /run/secrets/api_token)",
                                                   "$(vault kv get -field=key secret/openai)"]), "reference", "cmd-subst"))
    if k == 3:
        return "$ echo $%s\n%s" % (r.choice(["OPENAI_API_KEY", "ANTHROPIC_API_KEY"]), ctx.N(*ctx.ng.takumo("KEY")[:4]))
    if k == 4:
        return "$ sha256sum dist/app.tar.gz\n%s  dist/app.tar.gz" % ctx.N(r.hex(64), "hash", "sha256")
    if k == 5:
        return "$ uuidgen\n%s" % ctx.N(r.uuid().upper(), "identifier", "uuid")
    if k == 6:
        return "$ cat .env.example | grep KEY\n%s" % neg_line(ctx, "env")
    return "$ git log --oneline -1\n%s %s" % (ctx.N(r.hex(7), "hash", "git-short-sha"), r.choice(["fix: rotate keys", "chore: bump deps", "Merge pull request #%d" % r.randint(1, 999)]))


def pad_negatives(ctx, rel, text):
    r = ctx.r
    need = min(8, ctx.want_negs(3.2 + r.random() * 0.8))
    if need <= 0:
        return text
    if rel.startswith("prose/"):
        return text
    base = os.path.basename(rel)
    ext = os.path.splitext(base)[1].lower()
    if ext in (".json", ".har", ".ipynb", ".jsonl", ".patch", ".diff", ".map", ".bat") or base.endswith(".js") or "/diffs/" in "/" + rel:
        return text
    if not text.endswith("\n"):
        text += "\n"
    lines = []
    if text.startswith(("$ ", "PS ")) or "\n$ " in text:
        ks = list(range(9))
        r.shuffle(ks)
        for i in range(need):
            lines.append(shell_line(ctx, ks[i % 9]))
    elif ext in (".log", ".txt") or base in ("#ops.log",):
        for _ in range(need):
            lines.append(log_line(ctx))
    elif base.startswith(".env") or base in (".envrc",):
        for _ in range(need):
            lines.append(neg_line(ctx, "env"))
    elif ext in (".yaml", ".yml"):
        for _ in range(need):
            lines.append(neg_line(ctx, "yaml") if r.chance(0.5) else "# " + log_line(ctx))
    elif ext in (".md", ".eml"):
        from t_prose import neg_sentence
        for _ in range(need):
            lines.append("- " + neg_sentence(ctx, "en"))
    elif ext in (".sh", ".ps1", "") or base in ("Makefile", "Dockerfile"):
        for _ in range(need):
            lines.append("# " + log_line(ctx))
    elif ext in (".xml", ".html", ".config"):
        for _ in range(need):
            lines.append("<!-- %s -->" % log_line(ctx).replace("--", "- -"))
    elif ext in (".toml", ".ini", ".properties", ".conf", ".cfg"):
        for _ in range(need):
            lines.append("# " + log_line(ctx))
    else:
        return text
    if ext == ".bat" or "\r\n" in text:
        return text + "\r\n".join(lines) + "\r\n"
    return text + "\n".join(lines) + "\n"
