"""File kinds.  Each kind(K) -> (relative path, Doc)."""
import json

from .codelangs import LANGS, COMMENTS, fill, pascal as _p
from .configlangs import uniq_key, M, S, Raw, emit_yaml, emit_json, emit_toml, emit_xml, emit_hcl, ini_line, props_line, env_line, env_value, yaml_scalar, as_val
from .formats import FORMATS, USERS, DBS, gen_password, k8s_secret_value, pem, host as dbhost
from .kinds_base import (K, REPOS, PKGS, BASENAMES, BENIGN, benign_pair, bval, code_doc, sh_entry, sh_q, curl_basic, SH_FILLER, API_HOSTS)
from .negatives import ssh_pub, cert_pem, u4, N as NEGV
from .plan import Entry, n_pos_for, n_neg_for
from .util import (Doc, Val, snake, screaming, camel, pascal, dotted, kebab, esc_json, esc_xml, esc_sql, make_indent, b64, rbytes, rs,
                   HEX, ALNUM, LOALNUM, DIGITS, B64URL)

CODE_DIRS = {"py": ["src/{pkg}", "{pkg}", "app/{pkg}", "services/{pkg}"], "js": ["src/{pkg}", "lib/{pkg}", "server/{pkg}"],
             "ts": ["src/{pkg}", "apps/api/src/{pkg}", "packages/{pkg}/src"], "go": ["internal/{pkg}", "pkg/{pkg}", "cmd/{pkg}"],
             "java": ["src/main/java/com/acme/{pkg}"], "kt": ["src/main/kotlin/com/acme/{pkg}"], "rs": ["src", "src/{pkg}", "crates/{pkg}/src"],
             "rb": ["app/services", "lib/{pkg}", "config/initializers", "app/models"], "php": ["app/Services", "src/{pkg}", "config"],
             "cs": ["src/Acme.{Pkg}", "src/Acme.Api/{Pkg}"]}


def code_path(K, lang, test=False):
    r = K.r
    d = r.choice(CODE_DIRS[lang]).replace("{pkg}", r.choice(PKGS)).replace("{Pkg}", pascal([r.choice(PKGS)]))
    base = r.choice(BASENAMES)
    ext = LANGS[lang]["ext"]
    if lang in ("java", "kt", "cs"):
        base = pascal(base.split("_"))
    elif lang in ("js", "ts"):
        base = r.choice([base.replace("_", "-"), camel(base.split("_"))])
    if test:
        if lang == "py":
            return "%s/tests/test_%s.py" % (K.repo(), base)
        if lang in ("js", "ts"):
            return "%s/%s/__tests__/%s.test%s" % (K.repo(), d, base, ext)
        if lang == "go":
            return "%s/%s/%s_test.go" % (K.repo(), d, base)
        if lang == "rb":
            return "%s/spec/%s_spec.rb" % (K.repo(), base)
        if lang == "java":
            return "%s/src/test/java/com/acme/%sTest.java" % (K.repo(), base)
        return "%s/tests/%s%s" % (K.repo(), base, ext)
    return "%s/%s/%s%s" % (K.repo(), d, base, ext)


def kind_code(lang, test=False):
    def f(K):
        r = K.r
        ctx = {"lang": lang, "test": test, "multiline": True}
        npos = n_pos_for(r, 0.5 if test else 1.0)
        nneg = n_neg_for(r, 1.5 if test else 1.2)
        groups = K.P.groups(ctx, npos, nneg, caps={"token", "pem", "header"}, header_rate=0.35)
        if test:
            groups += [[e] for e in K.P.negs(ctx, 0)]
            for _ in range(r.randint(1, 3)):
                e = K.P.neg_entry(ctx, classes=["fixture"])
                if e:
                    groups.append([e])
        return code_path(K, lang, test), code_doc(K, lang, groups, test)
    return f


# ------------------------------------------------------------------ Jupyter
def kind_notebook(K):
    r = K.r
    ctx = {"lang": "py", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r), n_neg_for(r), caps={"token", "header"}, header_rate=0.3)
    cells = []
    cells.append(("markdown", Doc().t("# %s exploration\n\nQuick analysis of %s data. Credentials are loaded from the environment where possible.\n" % (
        r.choice(["Churn", "Billing", "Search relevance", "LLM eval", "Fraud"]), r.choice(["orders", "events", "tickets"])))))
    cells.append(("code", Doc().t("import os\nimport json\nimport pandas as pd\nimport requests\n%s" % r.choice(["from openai import OpenAI\n", "import sqlalchemy as sa\n", "from huggingface_hub import login\n", ""]))))
    spec = LANGS["py"]
    from .kinds_base import code_entry, extra_names
    names = extra_names(r, snake)
    from .kinds_base import dedent_doc
    for g in groups:
        d = Doc()
        for e in g:
            code_entry(d, r, spec, e, "stmt" if e.hdr else r.choice(["const", "stmt"]), names)
        d = dedent_doc(d)
        d.t(r.choice(["", "resp = requests.get(url, headers=headers, timeout=30)\nresp.json()\n", "df = pd.read_sql(query, engine)\ndf.head()\n",
                      "client = OpenAI()\n", "print(len(df))\n"]))
        cells.append(("code", d))
    cells.append(("code", Doc().t("tokenizer = AutoTokenizer.from_pretrained(\"bert-base-uncased\")\ntokens = tokenizer(texts, truncation=True, max_length=512)\nlen(tokens[\"input_ids\"])\n")))
    r.shuffle(cells[2:])
    out = Doc()
    out.t('{\n "cells": [\n')
    for i, (ct, d) in enumerate(cells):
        out.t('  {\n   "cell_type": "%s",\n' % ct)
        if ct == "code":
            out.t('   "execution_count": %d,\n   "metadata": {},\n   "outputs": [],\n' % (i + 1))
        else:
            out.t('   "metadata": {},\n')
        out.t('   "source": [\n')
        # split into lines at newlines inside benign segments only
        lines = [[]]
        for text, ann in d.segs:
            if ann is None and "\n" in text:
                parts = text.split("\n")
                for j, p in enumerate(parts):
                    if p:
                        lines[-1].append((p, None))
                    if j < len(parts) - 1:
                        lines[-1].append(("\n", None))
                        lines.append([])
            else:
                lines[-1].append((text, ann))
        lines = [l for l in lines if l]
        for j, l in enumerate(lines):
            ld = Doc()
            ld.segs = l
            out.t('    "')
            out.add(ld, esc_json)
            out.t('"' + ("," if j < len(lines) - 1 else "") + "\n")
        out.t("   ]\n  }" + ("," if i < len(cells) - 1 else "") + "\n")
    out.t(' ],\n "metadata": {\n  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},\n  "language_info": {"name": "python", "version": "3.11.6"}\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')
    return "%s/notebooks/%s.ipynb" % (K.repo(), r.choice(["exploration", "eval", "analysis", "prototype", "llm_eval", "backfill"])), out


# ------------------------------------------------------------------ .env
ENV_FILES = [".env", ".env.local", ".env.production", ".env.staging", ".env.development", "config/.env", "docker/.env", ".env.prod"]


def kind_env(K):
    r = K.r
    example = r.random() < .18
    test = r.random() < .08
    fname = ".env.example" if example else (".env.test" if test else r.choice(ENV_FILES))
    ctx = {"lang": "env", "test": test, "multiline": True}
    if example:
        groups = [[e] for e in K.P.negs(ctx, r.randint(3, 8))]
        groups += K.P.groups(ctx, 1 if r.random() < .2 else 0, 0, caps={"token", "pem"})
    else:
        groups = K.P.groups(ctx, n_pos_for(r, 1.5), n_neg_for(r, 1.2), caps={"token", "pem"})
    d = Doc()
    if r.random() < .5:
        d.t("# %s\n" % r.choice(["Local development settings", "Copy to .env and fill in", "Generated by ops/bootstrap.sh", "Production overrides - DO NOT COMMIT", "App configuration"]))
    items = [("g", g) for g in groups] + [("b", None)] * r.randint(4, 14)
    r.shuffle(items)
    export = r.random() < .15
    seen = set()
    for t, g in items:
        if t == "b":
            w, v = benign_pair(r)
            if screaming(w) in seen:
                continue
            env_line(d, r, uk(seen, screaming(w)), bval(v) if not isinstance(v, str) else Val(v), export)
            if r.random() < .1:
                d.t("\n# %s\n" % r.choice(["Database", "Third-party APIs", "Feature flags", "Observability", "Auth"]))
            continue
        for e in g:
            env_line(d, r, uk(seen, screaming(e.name)), e.val, export, COMMENTS)
    return "%s/%s" % (K.repo(), fname), d


# ------------------------------------------------------------------ YAML app config
def uk(seen, k):
    k = uniq_key(k, seen)
    seen.add(k)
    return k


def cfg_name(e, style):
    return {"snake": snake, "camel": camel, "kebab": kebab, "screaming": screaming}[style](e.name)


def tree_insert(r, tree, e, style, sections):
    """Insert entry into a random section mapping of tree."""
    sec = r.choice(sections) if sections else tree
    sec.append((cfg_name(e, style), e.val))


def benign_fill(r, m, style, n):
    for _ in range(n):
        w, v = benign_pair(r)
        k = {"snake": snake, "camel": camel, "kebab": kebab, "screaming": screaming}[style](w)
        if k not in [x[0] for x in m]:
            m.append((k, v))


def kind_yaml_config(K):
    r = K.r
    flavor = r.choice(["generic", "generic", "spring", "rails", "ansible"])
    ctx = {"lang": "yaml", "flavor": {"rails": "erb"}.get(flavor, flavor), "test": False, "multiline": True}
    groups = K.P.groups(ctx, n_pos_for(r, 1.2), n_neg_for(r, 1.3), caps={"token", "pem"})
    style = {"spring": "kebab", "rails": "snake", "ansible": "snake"}.get(flavor, r.choice(["snake", "camel"]))
    tree = M()
    if flavor == "spring":
        ds = M([("url", "jdbc:postgresql://db:5432/app"), ("username", "app"), ("hikari", M([("maximum-pool-size", 10)]))])
        secs = [ds, M(), M()]
        tree += [("spring", M([("application", M([("name", "billing-api")])), ("datasource", ds)])), ("app", M([("security", secs[1]), ("integrations", secs[2])])),
                 ("management", M([("endpoints", M([("web", M([("exposure", M([("include", "health,info,prometheus")]))]))]))]))]
        path = "%s/src/main/resources/application%s.yml" % (K.repo(), r.choice(["", "-prod", "-staging", "-local"]))
    elif flavor == "rails":
        secs = [M(), M(), M()]
        for envn, sec in zip(["default", "development", "production"], secs):
            sec += [("adapter", "postgresql"), ("encoding", "unicode"), ("pool", Raw('<%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %>'))]
            tree.append((envn, sec))
        path = "%s/config/%s.yml" % (K.repo(), r.choice(["database", "storage", "credentials.plain", "secrets", "sidekiq"]))
    elif flavor == "ansible":
        secs = [tree]
        path = "%s/ansible/%s/%s.yml" % (K.repo(), r.choice(["group_vars", "host_vars", "roles/app/defaults"]), r.choice(["all", "prod", "main", "webservers", "vault"]))
    else:
        secs = [M(), M(), M(), M()]
        tree += [("server", M([("port", 8080), ("read_timeout", "30s")])), ("database", secs[0]), ("auth", secs[1]), ("integrations", secs[2]), ("cache", secs[3])]
        path = "%s/%s/%s" % (K.repo(), r.choice(["config", "deploy", "conf", "."]), r.choice(["config.yaml", "settings.yml", "app.yaml", "production.yaml", "secrets.yaml", "values.prod.yaml"]))
    for s in secs:
        benign_fill(r, s, style, r.randint(1, 4))
    for g in groups:
        sec = r.choice(secs)
        for e in g:
            sec.append((cfg_name(e, style), e.val))
    d = Doc()
    if r.random() < .3:
        d.t("# %s\n" % r.choice(COMMENTS))
    if flavor != "ansible" and r.random() < .2:
        d.t("---\n")
    emit_yaml(d, r, tree, 0, plain_bias=0.55, comment_rate=0.12, comments=COMMENTS)
    return path.replace("/./", "/"), d


# ------------------------------------------------------------------ docker-compose
def kind_compose(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "compose", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 1.2), n_neg_for(r, 1.2), caps={"token"})
    list_style = r.random() < .4
    envs = {"db": [], "app": [], "worker": []}
    for g in groups:
        svc = r.choice(["app", "app", "worker", "db"])
        envs[svc] += g
    d = Doc()
    if r.random() < .5:
        d.t('version: "3.%d"\n\n' % r.randint(7, 9))
    d.t("services:\n")
    svcs = [("db", "postgres:16-alpine", [("POSTGRES_USER", "app"), ("POSTGRES_DB", "orders")]),
            ("app", "ghcr.io/acme/%s:%s" % (r.choice(REPOS), r.choice(["latest", "1.4.2", "main"])), [("PORT", 8080), ("LOG_LEVEL", "info")]),
            ("worker", "ghcr.io/acme/worker:latest", [("QUEUE", "default"), ("CONCURRENCY", 4)])]
    for name, image, benign in svcs:
        d.t("  %s:\n    image: %s\n" % (name, image))
        if name == "app":
            d.t("    build:\n      context: .\n      args:\n        - NODE_ENV=production\n    ports:\n      - \"8080:8080\"\n    depends_on:\n      - db\n")
        d.t("    environment:\n")
        seen = set()
        items = [(uk(seen, k), v) for k, v in benign] + [(uk(seen, screaming(e.name)), e.val) for e in envs[name]]
        for k, v in items:
            if list_style:
                v = as_val(v)
                if v.expr or (all(c not in v.raw for c in " #:'\"{}[]&*!|>%@`,?") and not v.raw.startswith("-")):
                    d.t("      - %s=" % k).v(v)
                else:
                    d.t('      - "%s=' % k).v(v, esc_json).t('"')
                d.t("\n")
            else:
                d.t("      %s: " % k)
                yaml_scalar(d, r, v, "        ", 0.5)
                d.t("\n")
        if name == "db":
            d.t("    volumes:\n      - pgdata:/var/lib/postgresql/data\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U app\"]\n      interval: 10s\n")
    d.t("\nvolumes:\n  pgdata: {}\n")
    if r.random() < .3:
        d.t("\nsecrets:\n  db_password:\n    file: ./secrets/db_password.txt\n")
    return "%s/%s" % (K.repo(), r.choice(["docker-compose.yml", "docker-compose.yaml", "compose.yaml", "docker-compose.prod.yml", "deploy/docker-compose.yml"])), d


# ------------------------------------------------------------------ Kubernetes
def k8s_env_list(K, entries, ctx):
    r = K.r
    lst = S()
    for k, v in [("LOG_LEVEL", "info"), ("PORT", "8080")][: r.randint(0, 2)]:
        lst.append(M([("name", k), ("value", Val(v))]))
    seen = {"LOG_LEVEL", "PORT"}
    for e in entries:
        lst.append(M([("name", uk(seen, screaming(e.name))), ("value", e.val)]))
    for _ in range(r.randint(0, 2)):
        sec = r.choice(["db-credentials", "app-secrets", "stripe", "api-keys"])
        v = NEGV(sec, "reference", "k8s_secret_key_ref")
        K.P.neg_left["reference"] -= 1
        lst.append(M([("name", uk(seen, r.choice(["DB_PASSWORD", "STRIPE_SECRET_KEY", "API_TOKEN", "SLACK_BOT_TOKEN"]))),
                      ("valueFrom", M([("secretKeyRef", M([("name", v), ("key", r.choice(["password", "api-key", "token"]))]))]))]))
    return lst


def kind_k8s(K):
    r = K.r
    c = r.random()
    if c < .45:
        return kind_k8s_secret(K)
    ctx = {"lang": "yaml", "flavor": "k8s", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.9), n_neg_for(r, 1.0), caps={"token"})
    entries = [e for g in groups for e in g]
    app = r.choice(["billing-api", "orders-worker", "gateway", "search", "notifier"])
    d = Doc()
    if c < .6:
        data = M()
        benign_fill(r, data, "screaming", r.randint(2, 5))
        for e in entries:
            data.append((screaming(e.name), e.val))
        tree = M([("apiVersion", "v1"), ("kind", "ConfigMap"), ("metadata", M([("name", app + "-config"), ("namespace", r.choice(["default", "prod", "payments"]))])),
                  ("data", data)])
    else:
        container = M([("name", app), ("image", "ghcr.io/acme/%s:1.%d.%d" % (app, r.randint(0, 9), r.randint(0, 20))),
                       ("ports", S([M([("containerPort", 8080)])])), ("env", k8s_env_list(K, entries, ctx)),
                       ("resources", M([("limits", M([("cpu", "500m"), ("memory", "512Mi")]))]))])
        tree = M([("apiVersion", "apps/v1"), ("kind", "Deployment"), ("metadata", M([("name", app), ("labels", M([("app", app)]))])),
                  ("spec", M([("replicas", r.randint(1, 4)), ("selector", M([("matchLabels", M([("app", app)]))])),
                              ("template", M([("metadata", M([("labels", M([("app", app)]))])), ("spec", M([("serviceAccountName", app), ("containers", S([container]))]))]))]))])
    emit_yaml(d, r, tree, 0, plain_bias=0.6)
    if r.random() < .6:
        d.t("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: %s\nspec:\n  selector:\n    app: %s\n  ports:\n    - port: 80\n      targetPort: 8080\n" % (app, app))
    if r.random() < .3:
        d.t("---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: %s\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  tls:\n    - hosts: [%s.acme.io]\n      secretName: %s-tls\n  rules:\n    - host: %s.acme.io\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: %s\n                port:\n                  number: 80\n" % (app, app, app, app, app))
    return "%s/deploy/k8s/%s/%s.yaml" % (K.repo(), r.choice(["base", "overlays/prod", "overlays/staging", "apps"]), app + r.choice(["", "-deployment", "-config"])), d


def kind_k8s_secret(K):
    r = K.r
    app = r.choice(["billing-api", "orders-worker", "gateway", "search", "notifier", "postgres", "redis"])
    data = M()
    for _ in range(r.randint(1, 3)):
        if K.P.special_needed("k8s_secret_data") or r.random() < .3:
            raw, key = k8s_secret_value(r)
            if key not in [k for k, _ in data]:
                data.append((key, K.P.special("k8s_secret_data", raw)))
    for _ in range(r.randint(0, 2)):
        k, plain = r.choice([("username", "admin"), ("host", "postgres.default.svc.cluster.local"), ("port", "5432"), ("database", "orders"), ("user", "app"),
                             ("region", "eu-west-1"), ("url", "https://api.acme.io")])
        if k not in [x for x, _ in data]:
            v = NEGV(b64(plain.encode()), "id", "k8s_secret_nonsecret_field", disputed=True)
            K.P.neg_left["id"] -= 1
            data.append((k, v))
    r.shuffle(data)
    tree = M([("apiVersion", "v1"), ("kind", "Secret"), ("metadata", M([("name", app + r.choice(["-credentials", "-secrets", "-env"])), ("namespace", r.choice(["default", "prod", "payments"]))])),
              ("type", "Opaque"), ("data", data)])
    if r.random() < .4:
        ctx = {"lang": "yaml", "flavor": "k8s", "test": False, "multiline": True}
        sd = M()
        for g in K.P.groups(ctx, r.randint(0, 1), r.randint(0, 2), caps={"token", "pem"}):
            for e in g:
                sd.append((screaming(e.name) if r.random() < .5 else kebab(e.name), e.val))
        if sd:
            tree.append(("stringData", sd))
    d = Doc()
    emit_yaml(d, r, tree, 0, plain_bias=0.9)
    return "%s/deploy/k8s/%s/%s" % (K.repo(), r.choice(["base", "overlays/prod", "secrets"]), r.choice(["secret.yaml", app + "-secret.yaml", "secrets.yml"])), d


# ------------------------------------------------------------------ Helm
def kind_helm_values(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "helm", "test": False, "multiline": True}
    groups = K.P.groups(ctx, n_pos_for(r, 1.0), n_neg_for(r, 1.3), caps={"token", "pem"})
    secrets, env, cfg = M(), M(), M()
    for g in groups:
        tgt = r.choice([secrets, env, cfg])
        for e in g:
            tgt.append((camel(e.name) if tgt is not env else screaming(e.name), e.val))
    benign_fill(r, cfg, "camel", r.randint(1, 3))
    tree = M([("replicaCount", r.randint(1, 3)), ("image", M([("repository", "ghcr.io/acme/" + r.choice(REPOS)), ("tag", "1.%d.0" % r.randint(0, 9)), ("pullPolicy", "IfNotPresent")])),
              ("imagePullSecrets", S([M([("name", "ghcr-pull")])])), ("serviceAccount", M([("create", True), ("name", "")])),
              ("service", M([("type", "ClusterIP"), ("port", 80)])),
              ("ingress", M([("enabled", True), ("className", "nginx"), ("hosts", S([M([("host", "api.acme.io"), ("paths", S([M([("path", "/"), ("pathType", "Prefix")])]))])])),
                             ("tls", S([M([("secretName", "api-acme-io-tls"), ("hosts", S(["api.acme.io"]))])]))])),
              ("config", cfg), ("env", env), ("secrets", secrets),
              ("resources", M([("limits", M([("cpu", "1"), ("memory", "1Gi")])), ("requests", M([("cpu", "100m"), ("memory", "256Mi")]))])),
              ("postgresql", M([("enabled", r.random() < .5), ("auth", M([("username", "app"), ("database", "orders"), ("existingSecret", "")]))]))])
    tree = M([(k, v) for k, v in tree if not (isinstance(v, M) and len(v) == 0)])
    d = Doc()
    d.t("# Default values for %s.\n# This is a YAML-formatted file.\n\n" % r.choice(REPOS))
    emit_yaml(d, r, tree, 0, plain_bias=0.5, comment_rate=0.1, comments=COMMENTS)
    return "%s/charts/%s/%s" % (K.repo(), r.choice(["app", "api", "worker"]), r.choice(["values.yaml", "values-prod.yaml", "values.staging.yaml"])), d


def kind_helm_template(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "helm", "test": False, "multiline": False}
    d = Doc()
    if r.random() < .5:
        d.t('apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include "app.fullname" . }}\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\ntype: Opaque\ndata:\n')
        seen = set()
        for _ in range(r.randint(1, 3)):
            e = K.P.neg_entry(ctx, classes=["reference"])
            if e:
                d.t("  %s: " % uk(seen, kebab(e.name))).v(e.val).t("\n")
        d.t("stringData:\n")
        for g in K.P.groups(ctx, r.choice([0, 0, 1]), r.randint(1, 2), caps={"token"}):
            for e in g:
                d.t("  %s: " % uk(seen, screaming(e.name)))
                yaml_scalar(d, r, e.val, "    ", 0.3)
                d.t("\n")
        path = "templates/secret.yaml"
    else:
        d.t('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"\n          env:\n')
        seen = {"DB_PASSWORD"}
        for g in K.P.groups(ctx, r.choice([0, 0, 1]), r.randint(1, 3), caps={"token"}):
            for e in g:
                d.t("            - name: %s\n              value: " % uk(seen, screaming(e.name)))
                yaml_scalar(d, r, e.val, "                ", 0.3)
                d.t("\n")
        d.t("            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: {{ .Values.postgresql.auth.existingSecret | default \"db\" }}\n                  key: password\n")
        d.t("          {{- with .Values.extraEnv }}\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n")
        path = "templates/deployment.yaml"
    return "%s/charts/%s/%s" % (K.repo(), r.choice(["app", "api", "worker"]), path), d


# ------------------------------------------------------------------ CI
def kind_gha(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "gha", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.9), n_neg_for(r, 1.4), caps={"token", "header"}, header_rate=0.4)
    top_env, step_env, run_entries = [], [], []
    for g in groups:
        if g[-1].hdr:
            run_entries += g
            continue
        x = r.random()
        (top_env if x < .35 else step_env if x < .7 else run_entries).extend(g)
    d = Doc()
    d.t("name: %s\n\non:\n  push:\n    branches: [main]\n  workflow_dispatch: {}\n\n" % r.choice(["Deploy", "CI", "Release", "Nightly sync", "Publish"]))
    d.t("permissions:\n  contents: read\n  id-token: write\n\n")
    if top_env or r.random() < .5:
        d.t("env:\n  AWS_REGION: us-east-1\n")
        seen = {"AWS_REGION"}
        for e in top_env:
            d.t("  %s: " % uk(seen, screaming(e.name)))
            yaml_scalar(d, r, e.val, "    ", 0.5)
            d.t("\n")
        d.t("\n")
    sha = NEGV(rs(r, HEX, 40), "hash", "git_commit_sha")
    K.P.neg_left["hash"] -= 1
    d.t("jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@").v(sha).t("  # v4\n")
    d.t("      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n")
    d.t("      - name: Configure\n")
    if step_env:
        d.t("        env:\n")
        seen = set()
        for e in step_env:
            d.t("          %s: " % uk(seen, screaming(e.name)))
            yaml_scalar(d, r, e.val, "            ", 0.5)
            d.t("\n")
    d.t("        run: |\n")
    sd = Doc()
    sd.t("npm ci\n")
    for e in run_entries:
        sh_entry(sd, K, e)
    if K.P.special_needed("curl_basic_auth") and r.random() < .3:
        curl_basic(sd, K)
    sd.t("npm run build\n")
    body = sd.text()
    pad = "          "
    d.t(pad)
    d.add(sd, make_indent(pad))
    if not body.endswith("\n"):
        d.t("\n")
    d.segs[-1] = (d.segs[-1][0].rstrip(" "), d.segs[-1][1]) if d.segs[-1][1] is None else d.segs[-1]
    d.t("      - name: Notify\n        if: failure()\n        run: ./scripts/notify.sh \"${{ github.workflow }} failed\"\n")
    return "%s/.github/workflows/%s" % (K.repo(), r.choice(["deploy.yml", "ci.yml", "release.yml", "nightly.yml", "publish.yaml"])), d


def kind_gitlab(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "gitlab", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.9), n_neg_for(r, 1.3), caps={"token", "header"}, header_rate=0.4)
    var_entries, script_entries = [], []
    for g in groups:
        (script_entries if g[-1].hdr or r.random() < .4 else var_entries).extend(g)
    d = Doc()
    d.t("stages:\n  - build\n  - test\n  - deploy\n\nvariables:\n  DOCKER_DRIVER: overlay2\n")
    seen = {"DOCKER_DRIVER"}
    for e in var_entries:
        d.t("  %s: " % uk(seen, screaming(e.name)))
        yaml_scalar(d, r, e.val, "    ", 0.4)
        d.t("\n")
    d.t("\nbuild:\n  stage: build\n  image: docker:24\n  script:\n    - docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n\n")
    d.t("deploy:\n  stage: deploy\n  image: alpine:3.19\n  only:\n    - main\n  script:\n")
    for e in script_entries:
        sd = Doc()
        sh_entry(sd, K, e)
        txt = sd.text()
        if "\n" in txt.rstrip("\n"):
            continue
        sd.segs[-1] = (sd.segs[-1][0].rstrip("\n"), sd.segs[-1][1]) if sd.segs[-1][1] is None else sd.segs[-1]
        d.t("    - ")
        # quote the whole command with single-quoted YAML if it contains ': '
        if ": " in txt or txt.lstrip().startswith(("'", '"', "{", "[")) or " #" in txt:
            d.t("'").add(sd, lambda s: s.replace("'", "''")).t("'")
        else:
            d.add(sd)
        d.t("\n")
    d.t("    - ./deploy.sh production\n")
    return "%s/.gitlab-ci.yml" % K.repo(), d


# ------------------------------------------------------------------ Terraform
TF_PROVIDERS = {"aws": ("aws", [("region", "us-east-1")]), "dd": ("datadog", [("api_url", "https://api.datadoghq.com/")]),
                "datadog": ("datadog", [("api_url", "https://api.datadoghq.com/")]), "github": ("github", [("owner", "acme")]),
                "cloudflare": ("cloudflare", []), "cf": ("cloudflare", []), "stripe": ("stripe", []), "heroku": ("heroku", []),
                "digitalocean": ("digitalocean", []), "do": ("digitalocean", []), "fastly": ("fastly", []), "pagerduty": ("pagerduty", []),
                "new": ("newrelic", [("account_id", 3141592)]), "newrelic": ("newrelic", [("account_id", 3141592)]), "grafana": ("grafana", [("url", "https://acme.grafana.net/")]),
                "okta": ("okta", [("org_name", "acme")]), "auth0": ("auth0", [("domain", "acme.eu.auth0.com")]), "vault": ("vault", [("address", "https://vault.internal:8200")]),
                "azure": ("azurerm", [("features", M())]), "alibaba": ("alicloud", [("region", "cn-hangzhou")]), "aliyun": ("alicloud", [("region", "cn-hangzhou")]),
                "gitlab": ("gitlab", [("base_url", "https://gitlab.com/api/v4/")]), "sentry": ("sentry", []), "databricks": ("databricks", [("host", "https://adb-1234.azuredatabricks.net")]),
                "snowflake": ("snowflake", [("account", "xy12345")]), "tfe": ("tfe", [("hostname", "app.terraform.io")]), "mongo": ("mongodbatlas", []),
                "linear": ("linear", []), "pulumi": ("pulumi", []), "doppler": ("doppler", []), "sendgrid": ("sendgrid", []), "twilio": ("twilio", [])}


def kind_terraform(K):
    r = K.r
    tfvars = r.random() < .3
    ctx = {"lang": "hcl", "test": False, "multiline": True}
    groups = K.P.groups(ctx, n_pos_for(r, 1.0), n_neg_for(r, 1.3), caps={"token", "pem"})
    entries = [e for g in groups for e in g]
    d = Doc()
    if tfvars:
        node = M()
        for _ in range(r.randint(2, 5)):
            w, v = benign_pair(r)
            node.append((snake(w), v))
        for e in entries:
            node.append((snake(e.name), e.val))
        emit_hcl(d, r, node)
        return "%s/infra/%s/%s" % (K.repo(), r.choice(["envs/prod", "envs/staging", "live"]), r.choice(["terraform.tfvars", "prod.auto.tfvars", "secrets.tfvars"])), d
    d.t('terraform {\n  required_version = ">= 1.5"\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "%s/terraform.tfstate"\n    region = "us-east-1"\n  }\n}\n' % r.choice(REPOS))
    blocks = []
    for e in entries:
        c = r.random()
        if c < .3:
            blocks.append(('variable "%s"' % snake(e.name), M([("type", Raw("string")), ("sensitive", Raw("true")), ("default", e.val)])))
        elif c < .55:
            blocks.append(('resource "aws_db_instance" "%s"' % r.choice(["main", "orders", "replica"]), M([("identifier", "orders-prod"), ("engine", "postgres"), ("instance_class", "db.t3.medium"),
                                                                                                     ("username", "app"), ("password" if "password" in e.name or e.family == "password" else snake(e.name), e.val),
                                                                                                     ("skip_final_snapshot", Raw("true"))])))
        elif c < .75 and TF_PROVIDERS.get(e.name[0]):
            prov = TF_PROVIDERS[e.name[0]]
            blocks.append(('provider "%s"' % prov[0], M(prov[1] + [(snake(e.name), e.val)])))
        elif c < .9:
            blocks.append(("locals", M([(snake(e.name), e.val), ("common_tags", Raw('{ team = "platform", managed_by = "terraform" }'))])))
        else:
            blocks.append(('resource "kubernetes_secret" "app"', M([("metadata", M([("name", "app-secrets")])), ("data", M([(screaming(e.name), e.val)]))])))
    for _ in range(r.randint(1, 3)):
        blocks.append((r.choice(['resource "aws_s3_bucket" "assets"', 'resource "aws_iam_role" "task"', 'module "vpc"', 'resource "aws_secretsmanager_secret" "db"']),
                       M([("name", "%s-%s" % (r.choice(REPOS), r.choice(["prod", "staging"]))), ("tags", Raw("local.common_tags"))])))
    r.shuffle(blocks)
    for head, body in blocks:
        d.t("\n" + head + " {\n")
        emit_hcl(d, r, body, 2)
        d.t("}\n")
    return "%s/infra/%s/%s" % (K.repo(), r.choice(["modules/app", "envs/prod", "live/us-east-1", "stacks/data"]), r.choice(["main.tf", "providers.tf", "variables.tf", "secrets.tf", "rds.tf"])), d


# ------------------------------------------------------------------ properties / ini / toml / json / xml
def kind_properties(K):
    r = K.r
    ctx = {"lang": "props", "flavor": "spring", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 1.2), n_neg_for(r, 1.3), caps={"token"})
    d = Doc()
    lines = [("spring.application.name", "billing-api"), ("server.port", 8080), ("spring.jpa.hibernate.ddl-auto", "validate"),
             ("management.endpoints.web.exposure.include", "health,info"), ("spring.datasource.username", "app"), ("logging.level.root", "INFO"),
             ("app.security.token-ttl", 3600), ("app.security.password-min-length", 12)]
    items = [("b", x) for x in r.sample(lines, r.randint(3, len(lines)))] + [("g", g) for g in groups]
    r.shuffle(items)
    prefix = r.choice(["app", "spring.datasource", "integration", "acme"])
    seen = set()
    for t, x in items:
        if t == "b":
            props_line(d, r, uk(seen, x[0]), x[1])
            continue
        for e in x:
            k = r.choice([prefix + "." + kebab(e.name), prefix + "." + dotted(e.name), screaming(e.name), camel(e.name)])
            if e.family == "password" and r.random() < .5:
                k = "spring.datasource.password"
            elif e.family == "url" and r.random() < .5:
                k = "spring.datasource.url"
            props_line(d, r, uk(seen, k), e.val)
    return "%s/src/main/resources/%s" % (K.repo(), r.choice(["application.properties", "application-prod.properties", "config.properties", "bootstrap.properties"])), d


def kind_ini(K):
    r = K.r
    sub = r.choice(["aws", "generic", "generic", "mycnf", "alembic", "pypirc"])
    ctx = {"lang": "ini", "test": False, "multiline": False}
    d = Doc()
    if sub == "aws":
        for prof in r.sample(["default", "prod", "staging", "ci", "billing"], r.randint(1, 3)):
            d.t("[%s]\n" % (prof if prof == "default" else "profile " + prof if r.random() < .3 else prof))
            if r.random() < .7:
                kid = K.P.pos_entry("aws_access_key_id")
                d.t("aws_access_key_id = ").v(kid.val).t("\n")
                sec = K.P.pos_entry("aws_secret_access_key")
                d.t("aws_secret_access_key = ").v(sec.val).t("\n")
                if r.random() < .2:
                    st = K.P.pos_entry("aws_session_token")
                    d.t("aws_session_token = ").v(st.val).t("\n")
            else:
                e = K.P.neg_entry(ctx, force=("placeholder", "aws_documented_example")) if r.random() < .5 else K.P.neg_entry(ctx, classes=["placeholder", "reference"])
                if e:
                    d.t("%s = " % (snake(e.name) if e.name[0] == "aws" else "aws_secret_access_key")).v(e.val).t("\n")
            d.t("region = %s\n\n" % r.choice(["us-east-1", "eu-west-1"]))
        return "%s/%s" % (K.repo(), r.choice([".aws/credentials", "ci/aws-credentials", "docker/aws/credentials"])), d
    if sub == "pypirc":
        d.t("[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\npassword = ")
        if r.random() < .75:
            d.v(K.P.pos_entry("pypi_token").val)
        else:
            e = K.P.neg_entry(ctx, classes=["placeholder", "reference"])
            d.v(e.val if e else Val("<token>"))
        d.t("\n\n[internal]\nrepository = https://nexus.internal/repository/pypi-internal/\nusername = deploy\npassword = ")
        if r.random() < .6:
            d.v(K.P.pos_entry("generic_password").val)
        else:
            e = K.P.neg_entry(ctx, classes=["placeholder", "reference"])
            d.v(e.val if e else Val("changeme"))
        d.t("\n")
        return "%s/.pypirc" % K.repo(), d
    groups = K.P.groups(ctx, n_pos_for(r, 1.1), n_neg_for(r, 1.2), caps={"token"})
    if sub == "mycnf":
        secs = ["client", "mysqld", "mysqldump"]
        path = "%s/%s" % (K.repo(), r.choice(["my.cnf", "docker/mysql/my.cnf", ".my.cnf"]))
    elif sub == "alembic":
        secs = ["alembic", "loggers", "handler_console"]
        path = "%s/alembic.ini" % K.repo()
    else:
        secs = r.sample(["database", "api", "auth", "smtp", "redis", "app", "integrations", "storage", "ldap"], 3)
        path = "%s/%s" % (K.repo(), r.choice(["config.ini", "settings.ini", "app.cfg", "conf/service.conf", "setup.cfg", "config/prod.ini"]))
    bysec = {s: [] for s in secs}
    for g in groups:
        bysec[r.choice(secs)] += g
    for s in secs:
        d.t("[%s]\n" % s)
        if sub == "alembic" and s == "alembic":
            d.t("script_location = migrations\n")
        seen = set()
        for _ in range(r.randint(1, 4)):
            w, v = benign_pair(r)
            if snake(w) not in seen:
                ini_line(d, r, uk(seen, snake(w)), v)
        for e in bysec[s]:
            k = snake(e.name)
            if sub == "alembic" and e.family == "url":
                k = "sqlalchemy.url"
            if sub == "mycnf" and e.family == "password":
                k = "password"
            ini_line(d, r, uk(seen, k), e.val)
        d.t("\n")
    return path, d


def kind_toml(K):
    r = K.r
    ctx = {"lang": "toml", "test": False, "multiline": True}
    groups = K.P.groups(ctx, n_pos_for(r, 1.1), n_neg_for(r, 1.2), caps={"token", "pem"})
    sub = r.choice(["config", "wrangler", "netlify", "pyproject"])
    tree = M()
    if sub == "wrangler":
        tree += [("name", "edge-worker"), ("main", "src/index.ts"), ("compatibility_date", "2024-03-01")]
        secs = [M(), M()]
        tree += [("vars", secs[0]), ("env", M([("production", M([("vars", secs[1])]))]))]
        path = "wrangler.toml"
    elif sub == "netlify":
        secs = [M()]
        tree += [("build", M([("command", "npm run build"), ("publish", "dist"), ("environment", secs[0])]))]
        path = "netlify.toml"
    elif sub == "pyproject":
        secs = [M(), M()]
        tree += [("project", M([("name", r.choice(REPOS)), ("version", "0.%d.0" % r.randint(1, 20))])), ("tool", M([("myapp", M([("settings", secs[0])])), ("pytest", M([("ini_options", M([("env", secs[1])]))]))]))]
        path = "pyproject.toml"
    else:
        secs = [M(), M(), M()]
        tree += [("title", "service configuration"), ("server", M([("port", 8080), ("workers", 4)])), ("database", secs[0]), ("api", secs[1]), ("auth", secs[2])]
        path = r.choice(["config.toml", "config/production.toml", "settings.toml", "Settings.toml"])
    for s in secs:
        benign_fill(r, s, "snake", r.randint(0, 3))
    for g in groups:
        s = r.choice(secs)
        for e in g:
            s.append((screaming(e.name) if sub in ("wrangler", "netlify") else snake(e.name), e.val))
    d = Doc()
    emit_toml(d, r, tree)
    return "%s/%s" % (K.repo(), path), d


def kind_json(K):
    r = K.r
    sub = r.choice(["config", "config", "appsettings", "firebase", "postman", "composer_auth"])
    ctx = {"lang": "json", "test": False, "multiline": True}
    d = Doc()
    if sub == "firebase":
        fb = M()
        fb.append(("apiKey", K.P.pos_entry("google_api_key").val))
        for _ in range(r.randint(3, 5)):
            e = K.P.neg_entry(ctx, force=("public_by_design", "firebase_web_config"))
            if e and camel(e.name) not in [k for k, _ in fb]:
                fb.append((camel(e.name), e.val))
        tree = M([("firebase", fb), ("featureFlags", M([("newCheckout", True)]))])
        emit_json(d, r, tree)
        d.t("\n")
        return "%s/%s" % (K.repo(), r.choice(["src/firebase-config.json", "public/config.json", "config/firebase.json"])), d
    if sub == "postman":
        vals = S()
        groups = K.P.groups(ctx, n_pos_for(r, 1.3), n_neg_for(r, 1.0), caps={"token"})
        for _ in range(r.randint(1, 3)):
            w, v = benign_pair(r)
            vals.append(M([("key", camel(w)), ("value", str(v)), ("enabled", True)]))
        for g in groups:
            for e in g:
                vals.append(M([("key", camel(e.name)), ("value", e.val), ("type", r.choice(["secret", "default"])), ("enabled", True)]))
        tree = M([("id", Val(u4(r))), ("name", "%s - %s" % (r.choice(REPOS), r.choice(["prod", "staging"]))), ("values", vals), ("_postman_variable_scope", "environment")])
        emit_json(d, r, tree, step=r.choice([2, 4]))
        d.t("\n")
        return "%s/postman/%s.postman_environment.json" % (K.repo(), r.choice(["prod", "staging", "local"])), d
    if sub == "composer_auth":
        tree = M()
        if r.random() < .7:
            tree.append(("github-oauth", M([("github.com", K.P.pos_entry(r.choice(["github_pat_classic", "github_oauth_token"])).val)])))
        else:
            e = K.P.neg_entry(ctx, classes=["placeholder"])
            tree.append(("github-oauth", M([("github.com", e.val if e else "<token>")])))
        tree.append(("http-basic", M([("repo.packagist.com", M([("username", "token"), ("password", K.P.pos_entry("generic_token").val)]))])))
        emit_json(d, r, tree, step=4)
        d.t("\n")
        return "%s/auth.json" % K.repo(), d
    groups = K.P.groups(ctx, n_pos_for(r, 1.2), n_neg_for(r, 1.3), caps={"token", "pem"})
    if sub == "appsettings":
        cs = M()
        secs = [M(), M(), M()]
        tree = M([("Logging", M([("LogLevel", M([("Default", "Information"), ("Microsoft.AspNetCore", "Warning")]))])), ("AllowedHosts", "*"),
                  ("ConnectionStrings", cs), ("Jwt", secs[0]), ("Stripe", secs[1]), ("Integrations", secs[2])])
        for g in groups:
            for e in g:
                if e.family == "url" and r.random() < .7:
                    cs.append((r.choice(["DefaultConnection", "Redis", "Storage", "ServiceBus"]) + ("" if not cs else str(len(cs))), e.val))
                else:
                    r.choice(secs).append((pascal(e.name), e.val))
        for s in secs:
            benign_fill(r, s, "camel", r.randint(0, 2))
        tree = M([(k, v) for k, v in tree if not (isinstance(v, M) and not v)])
        path = "src/Acme.Api/%s" % r.choice(["appsettings.json", "appsettings.Production.json", "appsettings.Development.json"])
    else:
        style = r.choice(["camel", "snake"])
        secs = [M(), M(), M()]
        tree = M([("name", r.choice(REPOS)), ("env", r.choice(["production", "staging"])), ("server", M([("port", 3000), ("trustProxy", True)])),
                  ("database", secs[0]), ("auth", secs[1]), ("services", secs[2])])
        for g in groups:
            s = r.choice(secs)
            for e in g:
                s.append((cfg_name(e, style), e.val))
        for s in secs:
            benign_fill(r, s, style, r.randint(0, 3))
        path = "%s/%s" % (r.choice(["config", ".", "src/config"]), r.choice(["default.json", "production.json", "config.json", "secrets.json", "settings.json", "local.json"]))
    emit_json(d, r, tree, step=r.choice([2, 2, 4]))
    d.t("\n")
    return ("%s/%s" % (K.repo(), path)).replace("/./", "/"), d


def kind_lockfile(K):
    """package-lock.json fragment: many integrity hashes (negatives)."""
    r = K.r
    d = Doc()
    d.t('{\n  "name": "%s",\n  "version": "1.%d.0",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n' % (r.choice(REPOS), r.randint(0, 9)))
    pk = ["jsonwebtoken", "bcryptjs", "dotenv", "axios", "express", "jose", "passport-jwt", "node-vault", "@aws-sdk/client-secrets-manager", "tokenizer",
          "secure-password", "keytar", "crypto-js", "uuid", "zod", "pino", "ioredis", "pg", "stripe", "@slack/web-api"]
    sel = r.sample(pk, r.randint(4, 9))
    for i, p in enumerate(sel):
        v = "%d.%d.%d" % (r.randint(1, 12), r.randint(0, 20), r.randint(0, 15))
        d.t('    "node_modules/%s": {\n      "version": "%s",\n      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",\n      "integrity": "' % (p, v, p, p.split("/")[-1], v))
        d.v(NEGV("sha512-" + b64(rbytes(r, 64)), "hash", "sri_integrity"))
        K.P.neg_left["hash"] -= 1
        d.t('",\n      "license": "MIT"\n    }' + ("," if i < len(sel) - 1 else "") + "\n")
    d.t("  }\n}\n")
    return "%s/%s" % (K.repo(), r.choice(["package-lock.json", "web/package-lock.json", "apps/api/package-lock.json"])), d


def kind_xml(K):
    r = K.r
    sub = r.choice(["maven", "spring", "webconfig", "android", "pom"])
    ctx = {"lang": "xml", "test": False, "multiline": False}
    d = Doc()
    d.t('<?xml version="1.0" encoding="UTF-8"?>\n')
    if sub == "maven":
        d.t('<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n')
        for sid in r.sample(["nexus-releases", "nexus-snapshots", "github", "docker-registry", "artifactory"], r.randint(1, 3)):
            d.t("    <server>\n      <id>%s</id>\n      <username>%s</username>\n      <password>" % (sid, r.choice(USERS + ["deployment"])))
            if r.random() < .6:
                e = K.P.pos_entry(r.choice(["generic_password", "generic_password", "github_pat_classic", "generic_token"]))
            else:
                e = K.P.neg_entry(ctx, classes=["reference", "placeholder"])
            d.v(e.val, esc_xml).t("</password>\n    </server>\n")
        d.t("  </servers>\n  <mirrors>\n    <mirror>\n      <id>central</id>\n      <url>https://nexus.internal/repository/maven-public/</url>\n      <mirrorOf>*</mirrorOf>\n    </mirror>\n  </mirrors>\n</settings>\n")
        return "%s/%s" % (K.repo(), r.choice([".m2/settings.xml", "ci/settings.xml", "settings.xml"])), d
    groups = K.P.groups(ctx, n_pos_for(r, 1.1), n_neg_for(r, 1.2), caps={"token"})
    entries = [e for g in groups for e in g]
    if sub == "spring":
        d.t('<beans xmlns="http://www.springframework.org/schema/beans">\n\n  <bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">\n    <property name="driverClassName" value="org.postgresql.Driver"/>\n')
        for e in entries:
            d.t('    <property name="%s" value="' % camel(e.name)).v(e.val, esc_xml).t('"/>\n')
        d.t("  </bean>\n</beans>\n")
        return "%s/src/main/resources/%s" % (K.repo(), r.choice(["applicationContext.xml", "datasource.xml", "beans.xml"])), d
    if sub == "webconfig":
        d.t("<configuration>\n  <connectionStrings>\n")
        urls = [e for e in entries if e.family == "url"]
        rest = [e for e in entries if e.family != "url"]
        for e in urls:
            d.t('    <add name="%s" connectionString="' % r.choice(["DefaultConnection", "Reporting", "Storage"])).v(e.val, esc_xml).t('" providerName="System.Data.SqlClient" />\n')
        d.t("  </connectionStrings>\n  <appSettings>\n")
        for e in rest:
            d.t('    <add key="%s" value="' % pascal(e.name)).v(e.val, esc_xml).t('" />\n')
        d.t('    <add key="Environment" value="Production" />\n  </appSettings>\n</configuration>\n')
        return "%s/%s" % (K.repo(), r.choice(["Web.config", "web.Release.config", "App.config"])), d
    if sub == "android":
        d.t("<resources>\n    <string name=\"app_name\">Acme</string>\n")
        for e in entries:
            d.t('    <string name="%s">' % snake(e.name)).v(e.val, esc_xml).t("</string>\n")
        d.t("</resources>\n")
        return "%s/app/src/main/res/values/%s" % (K.repo(), r.choice(["strings.xml", "secrets.xml", "api_keys.xml"])), d
    d.t('<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>%s</artifactId>\n  <version>1.0.0</version>\n  <properties>\n    <java.version>17</java.version>\n' % r.choice(REPOS))
    for e in entries:
        d.t("    <%s>" % dotted(e.name)).v(e.val, esc_xml).t("</%s>\n" % dotted(e.name))
    d.t("  </properties>\n</project>\n")
    return "%s/pom.xml" % K.repo(), d


# ------------------------------------------------------------------ nginx
def kind_nginx(K):
    r = K.r
    ctx = {"lang": "nginx", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.9), n_neg_for(r, 1.0), caps={"token", "header"}, header_rate=0.8)
    d = Doc()
    d.t("upstream backend {\n    server 127.0.0.1:8080;\n    keepalive 32;\n}\n\nserver {\n    listen 443 ssl http2;\n    server_name %s;\n\n" % r.choice(["api.acme.io", "internal.acme.io", "partners.acme.io"]))
    e = K.P.neg_entry(ctx, force=("id", "file_path"), want_names=[["ssl", "certificate", "key"]])
    d.t("    ssl_certificate /etc/ssl/certs/server.crt;\n    ssl_certificate_key ")
    d.v(e.val if e else Val("/etc/ssl/private/server.key")).t(";\n    auth_basic_user_file /etc/nginx/.htpasswd;\n\n    location / {\n        proxy_pass http://backend;\n        proxy_set_header Host $host;\n")
    for g in groups:
        for e in g:
            q = '"'
            if e.hdr:
                h, pre, suf = e.hdr
                d.t("        proxy_set_header %s %s" % (h, q)).v(e.val.wrapped(pre, suf), lambda s: s.replace('"', '\\"')).t(q + ";\n")
            elif r.random() < .5:
                d.t("        proxy_set_header %s %s" % (r.choice(["X-Api-Key", "X-Auth-Token", "Authorization"]), q)).v(e.val, lambda s: s.replace('"', '\\"')).t(q + ";\n")
            else:
                d.t("        set $%s %s" % (snake(e.name), q)).v(e.val, lambda s: s.replace('"', '\\"')).t(q + ";\n")
    d.t("        proxy_read_timeout 60s;\n    }\n\n    location /healthz {\n        return 200 'ok';\n    }\n}\n")
    return "%s/%s" % (K.repo(), r.choice(["nginx/conf.d/api.conf", "deploy/nginx.conf", "etc/nginx/sites-available/default", "nginx/upstream.conf"])), d


# ------------------------------------------------------------------ SQL
def kind_sql(K):
    r = K.r
    ctx = {"lang": "sql", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 1.0), n_neg_for(r, 1.3), caps={"token"})
    d = Doc()
    d.t("-- %s\nBEGIN;\n\nCREATE TABLE IF NOT EXISTS api_keys (\n    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n    name text NOT NULL,\n    key_hash text NOT NULL,\n    key_prefix varchar(12) NOT NULL,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n\n" % r.choice(["migration: add api keys", "seed data for staging", "bootstrap roles", "V12__integrations.sql"]))
    for g in groups:
        for e in g:
            c = r.random()
            if e.family == "password" or ("password" in e.name and c < .7):
                t = r.choice(["CREATE USER %s WITH PASSWORD '" % r.choice(USERS), "ALTER ROLE %s WITH LOGIN PASSWORD '" % r.choice(USERS),
                              "CREATE USER '%s'@'%%' IDENTIFIED BY '" % r.choice(USERS), "INSERT INTO users (email, password) VALUES ('admin@acme.io', '"])
                d.t(t).v(e.val, esc_sql).t("')" if t.startswith("INSERT") else "'").t(";\n")
            elif c < .45:
                d.t("INSERT INTO integrations (provider, settings) VALUES ('%s', '{\"%s\": \"" % (r.choice(["slack", "stripe", "github", "sendgrid", "datadog"]), snake(e.name)))
                d.v(e.val, lambda s: esc_sql(esc_json(s))).t("\", \"enabled\": true}');\n")
            elif c < .75:
                d.t("INSERT INTO settings (key, value) VALUES ('%s', '" % dotted(e.name)).v(e.val, esc_sql).t("');\n")
            else:
                d.t("UPDATE service_accounts SET %s = '" % snake(e.name)).v(e.val, esc_sql).t("' WHERE name = '%s';\n" % r.choice(["billing", "etl", "reporting"]))
    d.t("\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO readonly;\nCOMMIT;\n")
    return "%s/%s" % (K.repo(), r.choice(["db/migrations/V%d__seed.sql" % r.randint(1, 80), "sql/seed.sql", "migrations/%04d_init.sql" % r.randint(1, 200), "scripts/bootstrap.sql"])), d


# ------------------------------------------------------------------ shell / Dockerfile
def kind_shell(K):
    r = K.r
    ctx = {"lang": "sh", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 1.1), n_neg_for(r, 1.3), caps={"token", "header"}, header_rate=0.45)
    d = Doc()
    d.t("#!/usr/bin/env bash\nset -euo pipefail\n\n")
    pool = r.sample(SH_FILLER, r.randint(3, 7))
    d.t(pool.pop())
    for g in groups:
        for e in g:
            if e.ekind == "neg" and e.val.expr and not e.hdr:
                d.t("%s=" % screaming(e.name)).v(e.val).t("\n")
            else:
                sh_entry(d, K, e)
        if pool and r.random() < .5:
            d.t(pool.pop())
    if K.P.special_needed("curl_basic_auth") and r.random() < .5:
        curl_basic(d, K)
    for x in pool:
        d.t(x)
    return "%s/%s" % (K.repo(), r.choice(["scripts/deploy.sh", "bin/bootstrap.sh", "ops/rotate-keys.sh", "scripts/seed.sh", "tools/backup.sh", "ci/release.sh", "setup.sh"])), d


def kind_dockerfile(K):
    r = K.r
    ctx = {"lang": "docker", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.9), n_neg_for(r, 1.0), caps={"token"})
    d = Doc()
    base = r.choice(["python:3.11-slim", "node:20-alpine", "golang:1.22", "eclipse-temurin:17-jre", "ruby:3.3"])
    if r.random() < .5:
        e = K.P.neg_entry(ctx, force=("hash", "docker_digest"))
        d.t("FROM %s@" % base.split(":")[0]).v(Val(e.val.raw.split("@")[-1], e.val.ann) if e else Val("sha256:" + "0" * 64)).t(" AS build\n")
    else:
        d.t("FROM %s AS build\n" % base)
    d.t("WORKDIR /app\n")
    for g in groups:
        for e in g:
            c = r.random()
            if c < .4:
                d.t("ENV %s=" % screaming(e.name))
                sh_q(d, e.val, r)
                d.t("\n")
            elif c < .55:
                d.t("ENV %s " % screaming(e.name)).v(e.val).t("\n")
            elif c < .75:
                d.t("ARG %s=" % screaming(e.name))
                sh_q(d, e.val, r)
                d.t("\n")
            else:
                d.t("RUN ")
                sd = Doc()
                sh_entry(sd, K, e)
                d.add(sd)
    d.t("COPY . .\nRUN %s\n" % r.choice(["pip install --no-cache-dir -r requirements.txt", "npm ci && npm run build", "go build -o /out/app ./cmd/app", "bundle install"]))
    d.t("\nFROM %s\nCOPY --from=build /app /app\nUSER 10001\nEXPOSE 8080\nCMD [\"/app/start.sh\"]\n" % base)
    return "%s/%s" % (K.repo(), r.choice(["Dockerfile", "docker/Dockerfile", "Dockerfile.prod", "build/Dockerfile"])), d


# ------------------------------------------------------------------ Markdown
MD_PROSE = [
    "## Architecture\n\nThe service exposes a small REST API behind the gateway. Requests carry a bearer token issued by the identity\nservice; the gateway validates the token signature against the JWKS endpoint and forwards the `X-Request-Id` header.\nAPI keys for partners are stored hashed (`key_hash`), only the first characters (`key_prefix`) are kept in clear so\nsupport can identify a key without seeing it.\n\n",
    "## Secrets management\n\nNothing secret lives in this repository. In production every credential is read from Vault at start-up\n(`vault kv get secret/<env>/<service>`) and injected as environment variables. Locally, copy `.env.example` to `.env`\nand ask in #platform for a development token. Tokens expire after `TOKEN_TTL` seconds and are refreshed by the\n`refresh_token` grant.\n\n",
    "## Rotating keys\n\n1. Create a new key with `./scripts/rotate-keys.sh --key-id <id>`.\n2. Deploy with both keys active (`SIGNING_KEY_IDS=old,new`).\n3. Revoke the old key once the `key_rotation_due` metric drops to zero.\n\nThe password policy (`PASSWORD_MIN_LENGTH`, `PASSWORD_REQUIRE_SYMBOL`) is enforced by the `passwordPolicy` module.\n\n",
    "## Troubleshooting\n\n- `401 invalid token`: the access token expired; the client should call `/oauth/token` again.\n- `403 missing scope`: check the scopes granted to the API key in the admin portal.\n- `cache miss for key`: harmless, the tokenizer cache is warmed on first use.\n- `secret not found`: the `secretName` in values.yaml does not match the Kubernetes Secret.\n\n",
    "## Testing\n\nRun `make test`. The test suite uses fake credentials from `tests/fixtures`; it never talks to the real\nproviders. Set `USE_LIVE_KEYS=1` only on the nightly job, which pulls its tokens from the CI secret store.\n\n",
    "## Tokenizer\n\nPrompt sizes are measured with the `cl100k_base` tokenizer. `count_tokens(text)` returns the token count and\n`truncate(text, max_tokens)` cuts on token boundaries. The tokenizer files are cached under `~/.cache/tokenizers`.\n\n",
]

def kind_markdown(K):
    r = K.r
    d = Doc()
    name = r.choice(REPOS)
    d.t("# %s\n\n%s\n\n## Getting started\n\n" % (name, r.choice(["Service that handles billing webhooks and token rotation.", "Internal API for order search.",
                                                               "Data pipeline jobs. Credentials come from Vault in production.", "Admin tooling for support."])))
    # env var table with placeholders/references
    ctx = {"lang": "md", "test": False, "multiline": True}
    d.t("| Variable | Description | Example |\n|---|---|---|\n")
    for e in K.P.negs(ctx, r.randint(1, 3)):
        if e.val.multiline:
            continue
        d.t("| `%s` | %s | `" % (screaming(e.name), r.choice(["API key for the provider", "Token used by the worker", "Database password", "Webhook signing secret"]))).v(e.val).t("` |\n")
    d.t("| `LOG_LEVEL` | Log verbosity | `info` |\n\n")
    sections = r.sample(["env", "bash", "python", "yaml", "json", "http"], r.randint(2, 4))
    for sec in sections:
        if sec == "env":
            d.t("Create a `.env` file:\n\n```env\n")
            cctx = {"lang": "env", "test": False, "multiline": False}
            for g in K.P.groups(cctx, n_pos_for(r, 0.5), r.randint(1, 3), caps={"token"}):
                for e in g:
                    env_line(d, r, screaming(e.name), e.val)
            d.t("```\n\n")
        elif sec == "bash":
            d.t("Call the API:\n\n```bash\n")
            cctx = {"lang": "sh", "test": False, "multiline": False}
            for g in K.P.groups(cctx, n_pos_for(r, 0.6), r.randint(1, 2), caps={"token", "header"}, header_rate=0.6):
                for e in g:
                    sh_entry(d, K, e)
            if K.P.special_needed("curl_basic_auth") and r.random() < .3:
                curl_basic(d, K)
            d.t("```\n\n")
        elif sec == "python":
            d.t("Python usage:\n\n```python\n")
            cctx = {"lang": "py", "test": False, "multiline": False}
            from .kinds_base import code_entry, extra_names
            names = extra_names(r, snake)
            from .kinds_base import dedent_doc
            for g in K.P.groups(cctx, n_pos_for(r, 0.5), r.randint(1, 2), caps={"token"}):
                for e in g:
                    sd = Doc()
                    code_entry(sd, r, LANGS["py"], e, r.choice(["const", "stmt"]), names)
                    d.add(dedent_doc(sd))
            d.t("```\n\n")
        elif sec == "yaml":
            d.t("Example config:\n\n```yaml\n")
            cctx = {"lang": "yaml", "test": False, "multiline": True}
            m = M()
            for g in K.P.groups(cctx, n_pos_for(r, 0.5), r.randint(1, 2), caps={"token", "pem"}):
                for e in g:
                    m.append((snake(e.name), e.val))
            benign_fill(r, m, "snake", 2)
            emit_yaml(d, r, M([("service", m)]))
            d.t("```\n\n")
        elif sec == "json":
            d.t("Request body:\n\n```json\n")
            cctx = {"lang": "json", "test": False, "multiline": False}
            m = M()
            for g in K.P.groups(cctx, n_pos_for(r, 0.4), r.randint(1, 2), caps={"token"}):
                for e in g:
                    m.append((snake(e.name), e.val))
            benign_fill(r, m, "snake", 2)
            emit_json(d, r, m)
            d.t("\n```\n\n")
        else:
            d.t("```http\n")
            kind_http_block(K, d)
            d.t("```\n\n")
    for _ in range(r.randint(1, 4)):
        d.t(r.choice(MD_PROSE))
    if r.random() < .4:
        d.t("> **Note:** never commit real keys. Rotate the `signing_key` every 90 days and keep `SECRET_KEY_ROTATION_INTERVAL_SECONDS` in sync.\n\n")
    d.t("## License\n\nMIT\n")
    return "%s/%s" % (K.repo(), r.choice(["README.md", "docs/setup.md", "docs/integrations.md", "CONTRIBUTING.md", "docs/runbook.md", "docs/api.md"])), d


# ------------------------------------------------------------------ HTTP dumps and logs
def kind_http_block(K, d):
    r = K.r
    ctx = {"lang": "http", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 0.8), r.randint(0, 2), caps={"token", "header"}, header_rate=0.9)
    method, url = r.choice([("POST", "https://api.stripe.com/v1/charges"), ("GET", "https://api.github.com/repos/acme/platform"), ("POST", "https://api.openai.com/v1/responses"),
                            ("GET", "https://internal.acme.io/v2/orders?limit=50"), ("POST", "https://hooks.acme.io/events"), ("PUT", "https://api.acme.io/v1/keys/rotate")])
    d.t("%s %s%s\n" % (method, url, r.choice(["", " HTTP/1.1"])))
    d.t("Host: %s\n" % url.split("/")[2])
    body = []
    for g in groups:
        for e in g:
            if e.hdr:
                h, pre, suf = e.hdr
                d.t(h + ": ").v(e.val.wrapped(pre, suf)).t("\n")
            else:
                body.append(e)
    d.t("Content-Type: application/json\nUser-Agent: acme-client/2.3.1\n")
    e = K.P.neg_entry(ctx, force=("id", "uuid"))
    if e:
        d.t("X-Request-Id: ").v(e.val).t("\n")
    d.t("\n")
    m = M()
    for e in body:
        m.append((snake(e.name), e.val))
    m.append(("amount", r.randint(100, 9999)))
    emit_json(d, r, m)
    d.t("\n\n")


def kind_http(K):
    r = K.r
    d = Doc()
    for i in range(r.randint(1, 4)):
        d.t("### %s\n" % r.choice(["Create charge", "List repos", "Rotate key", "Fetch orders", "Token exchange", "Health"]))
        kind_http_block(K, d)
    if r.random() < .5:
        # token endpoint response
        ctx = {"lang": "http", "test": False, "multiline": False}
        d.t("### Token response\nHTTP/1.1 200 OK\nContent-Type: application/json\nCache-Control: no-store\n\n")
        m = M()
        if r.random() < .7:
            m.append(("access_token", K.P.pos_entry(r.choice(["jwt", "generic_token", "google_oauth_access_token"])).val))
        else:
            e = K.P.neg_entry(ctx, classes=["placeholder"])
            m.append(("access_token", e.val if e else "<token>"))
        m += [("token_type", "Bearer"), ("expires_in", 3600)]
        if r.random() < .5:
            m.append(("refresh_token", K.P.pos_entry("generic_token").val))
        m.append(("scope", "read write"))
        emit_json(d, r, m)
        d.t("\n")
    return "%s/%s" % (K.repo(), r.choice(["requests.http", "api/requests.http", "docs/examples.http", "tests/api.http", "rest/client.http"])), d


LOG_MSGS = ["request completed", "cache miss", "retrying upstream call", "webhook received", "token refreshed", "user login succeeded",
            "password policy check passed", "rotating signing key", "job finished", "connection pool exhausted"]


def kind_log(K):
    r = K.r
    ctx = {"lang": "log", "test": False, "multiline": False}
    groups = K.P.groups(ctx, n_pos_for(r, 1.1), n_neg_for(r, 1.6), caps={"token", "header"}, header_rate=0.4)
    entries = [e for g in groups for e in g]
    lines = r.randint(60, 400)
    slots = sorted(r.sample(range(lines), min(len(entries), lines)))
    d = Doc()
    json_style = r.random() < .4
    t = r.randint(1700000000, 1760000000)
    ei = 0
    svc = r.choice(["api", "worker", "gateway", "billing"])
    for i in range(lines):
        t += r.randint(0, 5)
        ts = "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999))
        lvl = r.choice(["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"])
        if ei < len(slots) and i == slots[ei]:
            e = entries[ei]
            ei += 1
            if json_style:
                if r.random() < .4:
                    inner = Doc()
                    inner.t('{"%s": "' % snake(e.name)).v(e.val.wrapped(e.hdr[1], e.hdr[2]) if e.hdr else e.val, esc_json).t('", "retry": false}')
                    d.t('{"ts":"%s","level":"%s","service":"%s","msg":"outgoing request","body":"' % (ts, lvl.lower(), svc)).add(inner, esc_json).t('"}\n')
                else:
                    k = e.hdr[0].lower() if e.hdr else snake(e.name)
                    v = e.val.wrapped(e.hdr[1], e.hdr[2]) if e.hdr else e.val
                    d.t('{"ts":"%s","level":"%s","service":"%s","msg":"%s","%s":"' % (ts, lvl.lower(), svc, r.choice(LOG_MSGS), k)).v(v, esc_json).t('"}\n')
            else:
                if e.hdr:
                    h, pre, suf = e.hdr
                    d.t("%s %-5s [%s] outgoing request headers={'%s': '" % (ts, lvl, svc, h)).v(e.val.wrapped(pre, suf)).t("', 'Accept': 'application/json'}\n")
                elif e.family == "url":
                    d.t("%s %-5s [%s] %s " % (ts, lvl, svc, r.choice(["connecting to", "failed to connect to", "using broker", "migrating database at"]))).v(e.val).t(r.choice(["", ": connection refused", " (attempt 2/5)"]) + "\n")
                else:
                    d.t("%s %-5s [%s] %s %s=" % (ts, lvl, svc, r.choice(LOG_MSGS), snake(e.name))).v(e.val).t(" duration_ms=%d\n" % r.randint(1, 900))
        else:
            if json_style:
                d.t('{"ts":"%s","level":"%s","service":"%s","msg":"%s","duration_ms":%d,"status":%d}\n' % (ts, lvl.lower(), svc, r.choice(LOG_MSGS), r.randint(1, 900), r.choice([200, 200, 201, 204, 401, 404, 500])))
            else:
                d.t("%s %-5s [%s] %s path=/%s status=%d duration_ms=%d\n" % (ts, lvl, svc, r.choice(LOG_MSGS), r.choice(["v1/orders", "health", "oauth/token", "v1/keys"]), r.choice([200, 200, 401, 500]), r.randint(1, 900)))
    return "%s/%s" % (K.repo(), r.choice(["logs/app.log", "logs/%s-%d.log" % (svc, r.randint(1, 30)), "tmp/debug.log", "var/log/worker.log", "logs/requests.jsonl"])), d


# ------------------------------------------------------------------ CloudFormation
def kind_cfn(K):
    r = K.r
    ctx = {"lang": "yaml", "flavor": "cfn", "test": False, "multiline": False}
    d = Doc()
    d.t('AWSTemplateFormatVersion: "2010-09-09"\nDescription: %s\n\nParameters:\n  Environment:\n    Type: String\n    AllowedValues: [staging, production]\n' % r.choice(
        ["Orders database and worker", "Billing webhooks stack", "Search ingestion pipeline", "Notification service"]))

    def cfn_ref(param):
        K.P.neg_left["reference"] -= 1
        return NEGV(r.choice(["!Ref %s" % param, "!Sub '{{resolve:secretsmanager:${Environment}/%s:SecretString:value}}'" % param,
                              "!GetAtt %sSecret.SecretString" % param]), "reference", "cfn_intrinsic", expr=True)

    params = []
    for pname in r.sample(["DbPassword", "StripeKey", "SlackToken", "ApiKey", "DatadogKey"], r.randint(1, 2)):
        d.t("  %s:\n    Type: String\n    NoEcho: true\n" % pname)
        if r.random() < .3:
            d.t("    Default: ")
            if r.random() < .6:
                e = K.P.pos_entry("generic_password" if pname == "DbPassword" else r.choice(["generic_api_key", "stripe_secret_live", "slack_bot_token", "datadog_api_key"]))
                yaml_scalar(d, r, e.val, "      ", 0.4)
            else:
                e = K.P.neg_entry(ctx, classes=["placeholder"])
                yaml_scalar(d, r, e.val if e else Val("changeme"), "      ", 0.4)
            d.t("\n")
        params.append(pname)
    d.t("\nResources:\n  Database:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.medium\n      MasterUsername: app\n      MasterUserPassword: ")
    c = r.random()
    if c < .3:
        yaml_scalar(d, r, K.P.pos_entry("generic_password").val, "        ", 0.5)
    elif c < .6 and "DbPassword" in params:
        d.v(cfn_ref("DbPassword"))
    else:
        e = K.P.neg_entry(ctx, force=("reference", "ssm_ref"))
        yaml_scalar(d, r, e.val if e else Val("{{resolve:ssm-secure:/prod/db/password:1}}"), "        ", 0.0)
    d.t("\n  WorkerFunction:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      Timeout: 30\n      Environment:\n        Variables:\n          LOG_LEVEL: info\n")
    seen = {"LOG_LEVEL"}
    for g in K.P.groups(ctx, n_pos_for(r, 0.8), r.randint(0, 2), caps={"token"}):
        for e in g:
            d.t("          %s: " % uk(seen, screaming(e.name)))
            yaml_scalar(d, r, e.val, "            ", 0.5)
            d.t("\n")
    for pname in params:
        d.t("          %s: " % uk(seen, screaming([w for w in __import__("re").findall("[A-Z][a-z]+", pname)]))).v(cfn_ref(pname)).t("\n")
    d.t("\nOutputs:\n  DatabaseEndpoint:\n    Value: !GetAtt Database.Endpoint.Address\n")
    return "%s/%s" % (K.repo(), r.choice(["cloudformation/stack.yaml", "infra/template.yaml", "cfn/%s.yml" % r.choice(["database", "worker", "app"])])), d
