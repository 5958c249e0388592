#!/usr/bin/env python3
"""Generate the heldout14 corpus: python3 gen.py --seed 14014 --files 2000 --out DIR

Writes DIR/tree/... (files to scan), DIR/labels.jsonl, DIR/negatives.jsonl (format read by perf/heldout/score.py).
Standard library only; output is byte-identical for a given seed and file count.
"""
import argparse
import base64
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from formats import SECRETS, FILE_FORMATS, G, ALNUM, HEX, DIG, LO, pem  # noqa: E402
import negatives as NG  # noqa: E402
from filler import filler  # noqa: E402

# ------------------------------------------------------------------ naming


def camel(n):
    p = n.lower().split("_")
    return p[0] + "".join(x.capitalize() for x in p[1:])


def pascal(n):
    return "".join(x.capitalize() for x in n.lower().split("_"))


def dotted(n):
    return "app." + n.lower().replace("_", ".")


NAMECASE = {"python": str.upper, "ruby": str.upper, "rust": str.upper, "java": str.upper, "kotlin": str.upper,
            "js": camel, "ts": camel, "go": camel, "csharp": pascal, "php": str.lower, "xml": pascal,
            "yaml": str.lower, "toml": str.lower, "ini": str.lower, "json": camel, "hcl": str.lower, "properties": dotted,
            "ipynb": str.upper}

# (pre, suf) for a quoted string value, and for a raw code expression
Q = {
    "python": ('{n} = "', '"', "{n} = ", ""),
    "ipynb": ('    "{n} = \\"', '\\"\\n",', '    "{n} = ', '\\n",'),
    "js": ("const {n} = '", "';", "const {n} = ", ";"),
    "ts": ('export const {n}: string = "', '";', "export const {n} = ", ";"),
    "go": ('var {n} = "', '"', "var {n} = ", ""),
    "java": ('    private static final String {n} = "', '";', "    private static final String {n} = ", ";"),
    "kotlin": ('    const val {n} = "', '"', "    val {n} = ", ""),
    "csharp": ('        private const string {n} = "', '";', "        private static readonly string {n} = ", ";"),
    "ruby": ('{n} = "', '"', "{n} = ", ""),
    "php": ("$config['{n}'] = '", "';", "$config['{n}'] = ", ";"),
    "rust": ('const {n}: &str = "', '";', "    let {n} = ", ";"),
    "shell": ('export {n}="', '"', None, None),
    "env": ("{n}=", "", None, None),
    "yaml": ("  {n}: ", "", None, None),
    "helm": ("  {n}: ", "", None, None),
    "ci": ("  {n}: ", "", None, None),
    "compose": ("      {n}: ", "", None, None),
    "k8s": ('        - name: {n}\n          value: "', '"', None, None),
    "json": ('  "{n}": "', '"', None, None),
    "toml": ('{n} = "', '"', None, None),
    "ini": ("{n} = ", "", None, None),
    "properties": ("{n}=", "", None, None),
    "xml": ('    <add key="{n}" value="', '" />', None, None),
    "hcl": ('  {n} = "', '"', "  {n} = ", ""),
    "dockerfile": ("ENV {n}=", "", None, None),
    "log": ("{ts} INFO  [config] resolved {n}=", "", None, None),
    "md": ("export {n}=", "", None, None),
    "http": ("@{n} = ", "", None, None),
}

HEADER = {
    "python": ('    headers = {{"Authorization": "{s} ', '"}}'),
    "ipynb": ('    "headers = {{\\"Authorization\\": \\"{s} ', '\\"}}\\n",'),
    "js": ("  headers: {{ Authorization: '{s} ", "' }},"), "ts": ("  headers: {{ Authorization: '{s} ", "' }},"),
    "go": ('\treq.Header.Set("Authorization", "{s} ', '")'),
    "java": ('            .header("Authorization", "{s} ', '")'),
    "kotlin": ('        .addHeader("Authorization", "{s} ', '")'),
    "csharp": ('        client.DefaultRequestHeaders.Add("Authorization", "{s} ', '");'),
    "ruby": ("  req['Authorization'] = '{s} ", "'"),
    "php": ("curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: {s} ", "']);"),
    "rust": ('        .header("Authorization", "{s} ', '")'),
    "shell": ('curl -sS -H "Authorization: {s} ', '" https://api.{w}.io/v1/{w}'),
    "md": ('curl -H "Authorization: {s} ', '" https://api.{w}.io/v1/{w}'),
    "log": ("{ts} DEBUG [http] > Authorization: {s} ", ""),
    "http": ("Authorization: {s} ", ""),
    "json": ('  "Authorization": "{s} ', '"'),
    "xml": ('    <add key="AuthorizationHeader" value="{s} ', '" />'),
    "env": ('API_AUTH_HEADER="{s} ', '"'),
    "dockerfile": ('ENV API_AUTH_HEADER="{s} ', '"'),
    "properties": ("app.http.authorization={s} ", ""),
    "ini": ("authorization = {s} ", ""), "toml": ('authorization = "{s} ', '"'), "hcl": ('  authorization = "{s} ', '"'),
}
for _l in ("yaml", "helm", "ci", "compose"):
    HEADER[_l] = ('  Authorization: "{s} ', '"')
HEADER["k8s"] = ('        - name: AUTH_HEADER\n          value: "{s} ', '"')

YAMLISH = {"yaml", "helm", "ci", "compose"}
ESCAPED_PEM = {"json", "ipynb", "properties", "ini", "dockerfile", "log", "env_escaped", "http", "k8s"}


class Ctx:
    def __init__(self, g, lang):
        self.g, self.lang = g, lang


def ts(g):
    return "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g.r.randint(1, 12), g.r.randint(1, 28), g.r.randrange(24), g.r.randrange(60), g.r.randrange(60), g.r.randrange(1000))


def fmtname(lang, name):
    f = NAMECASE.get(lang, str.upper)
    return f(name)


def yaml_safe(v):
    return v[:1].isalnum() and ": " not in v and " #" not in v


def entry_value(g, lang, name, value, meta, raw=False, whole=False):
    """One assignment -> list of segments."""
    pre, suf, rpre, rsuf = Q[lang]
    n = fmtname(lang, name)
    if raw and rpre is not None:
        pre, suf = rpre, rsuf
    elif raw:
        raw = False
    pre = pre.replace("{n}", n).replace("{ts}", ts(g))
    if not raw:
        if lang in YAMLISH and (not yaml_safe(value) or g.r.random() < 0.35):
            pre, suf = pre + '"', '"' + suf
        elif lang in ("env", "md", "dockerfile") and g.r.random() < 0.3:
            pre, suf = pre + '"', '"' + suf
    if whole:
        lead = pre[: len(pre) - len(pre.lstrip())]
        return [lead, (pre[len(lead):] + value + suf, meta)]
    return [pre, (value, meta), suf]


def entry_block(g, lang, name, lines, meta):
    """Multi-line block (PEM etc.) -> segments."""
    n = fmtname(lang, name)
    joined = "\n".join(lines)
    if lang in YAMLISH:
        ind = "    "
        v = lines[0] + "".join("\n" + (ind + l if l else "") for l in lines[1:])
        return ["  %s: |\n%s" % (n, ind), (v, meta)]
    if lang in ESCAPED_PEM or lang not in BLOCK:
        esc = "\\n".join(lines)
        if lang in ("json",):
            return ['  "%s": "' % n, (esc, meta), '\\n"']
        if lang == "ipynb":
            esc = "\\\\n".join(lines)
            return ['    "%s = \\"' % n, (esc, meta), '\\\\n\\"\\n",']
        if lang == "k8s":
            return ['        - name: %s\n          value: "' % n, (esc, meta), '"']
        pre, suf, _, _ = Q[lang]
        return [pre.replace("{n}", n).replace("{ts}", ts(g)) + ('"' if lang in ("env", "dockerfile") else ""), (esc, meta), ('"' if lang in ("env", "dockerfile") else "") + suf]
    if lang in YAMLISH:
        ind = "    "
        v = lines[0] + "".join("\n" + (ind + l if l else "") for l in lines[1:])
        return ["  %s: |\n%s" % (n, ind), (v, meta)]
    pre, suf = BLOCK[lang]
    return [pre.replace("{n}", n).replace("{w}", g.word()), (joined, meta), suf]


BLOCK = {
    "python": ('{n} = """', '"""'), "js": ("const {n} = `", "`;"), "ts": ("export const {n} = `", "`;"), "go": ("var {n} = `", "`"),
    "java": ('    private static final String {n} = """\n', '""";'), "kotlin": ('    val {n} = """\n', '""".trimIndent()'),
    "csharp": ('        private const string {n} = @"', '";'), "ruby": ("{n} = <<~PEM\n", "\nPEM"), "php": ("$config['{n}'] = <<<EOT\n", "\nEOT;"),
    "rust": ('const {n}: &str = r#"', '"#;'), "shell": ("cat > /etc/{w}/key.pem <<'EOF'\n", "\nEOF"), "toml": ('{n} = """\n', '"""'),
    "hcl": ("  {n} = <<-EOT\n", "\n  EOT"), "md": ("```\n", "\n```"), "xml": ("    <{n}>", "</{n}>"),
}
for _l in ("java", "kotlin", "toml", "python"):
    BLOCK[_l] = (BLOCK[_l][0], "\n" + BLOCK[_l][1])
BLOCK["xml"] = ("    <{n}>", "</{n}>")


def fix_xml(segs, name):
    return [s.replace("{n}", pascal(name)) if isinstance(s, str) else s for s in segs]


# ------------------------------------------------------------------ items

def secret_entry(g, lang, fmt):
    fam, _w, kind, names, fn = SECRETS[fmt]
    meta = {"kind": "label", "format": fmt, "family": fam}
    if kind == "header":
        v = fn(g)
        scheme = "Basic" if fmt == "basic_auth_credentials" else "Bearer"
        pre, suf = HEADER[lang]
        w = g.word()
        return [pre.format(s=scheme, w=w, ts=ts(g)), (v, meta), suf.format(s=scheme, w=w)]
    name = g.pick(names)
    if kind == "pem":
        segs = entry_block(g, lang, name, fn(g), meta)
        return fix_xml(segs, name) if lang == "xml" else segs
    v = fn(g)
    for _ in range(20):
        if not (lang in ("xml",) and any(c in v for c in "&<\"")) and not (lang in ("php", "js") and "'" in v):
            break
        v = fn(g)
    else:
        return None
    return entry_value(g, lang, name, v, meta)


def neg_entry(g, lang, cls_fn):
    ng = cls_fn(g, lang)
    meta = {"kind": "neg", "class": ng["cls"], "sub": ng["sub"], "disputed": ng["disputed"]}
    if ng["lines"]:
        segs = entry_block(g, lang, ng["name"], ng["lines"], meta)
        return fix_xml(segs, ng["name"]) if lang == "xml" else segs
    v = ng["value"]
    if lang == "xml" and any(c in v for c in "&<\""):
        return None
    if lang in ("json", "ipynb") and '"' in v:
        return None
    if v == "" and not ng["whole"]:
        # an empty value has no bytes to mark: mark the assignment itself
        return entry_value(g, lang, ng["name"], v, meta, whole=True)
    return entry_value(g, lang, ng["name"], v, meta, raw=ng["raw"], whole=ng["whole"])


# ------------------------------------------------------------------ file kinds

KINDS = [  # kind, weight, lang, path templates
    ("python", 190, "python", ["services/{a}/{b}/settings.py", "src/{a}/config.py", "scripts/{a}_{b}.py", "app/{a}/client.py", "tests/test_{a}.py"]),
    ("js", 100, "js", ["web/src/{a}/{b}.js", "server/config/{a}.js", "lib/{a}Client.js"]),
    ("ts", 110, "ts", ["apps/{a}/src/{b}.ts", "packages/{a}/src/config.ts", "src/lib/{a}.ts"]),
    ("go", 110, "go", ["internal/{a}/{b}.go", "cmd/{a}/main.go", "pkg/{a}/config.go"]),
    ("java", 100, "java", ["src/main/java/com/acme/{a}/{A}Config.java", "{a}-service/src/main/java/com/acme/{A}Client.java"]),
    ("kotlin", 50, "kotlin", ["app/src/main/kotlin/com/acme/{a}/{A}Repository.kt", "android/app/src/main/java/com/acme/{A}Api.kt"]),
    ("csharp", 70, "csharp", ["src/{A}.Api/Services/{B}Service.cs", "src/{A}/Startup.cs"]),
    ("ruby", 60, "ruby", ["app/services/{a}_{b}.rb", "config/initializers/{a}.rb", "lib/tasks/{a}.rake"]),
    ("php", 60, "php", ["app/Http/Controllers/{A}Controller.php", "config/{a}.php", "src/{A}/{B}.php"]),
    ("rust", 50, "rust", ["crates/{a}/src/{b}.rs", "src/{a}.rs"]),
    ("shell", 80, "shell", ["scripts/{a}-{b}.sh", "deploy/{a}.sh", "bin/{a}"]),
    ("env", 110, "env", ["{a}/.env", "services/{a}/.env.production", "apps/{a}/.env.local", "deploy/{a}.env", ".env.{a}"]),
    ("yaml", 100, "yaml", ["config/{a}.yaml", "services/{a}/config/application.yml", "conf/{a}-{b}.yml"]),
    ("json", 70, "json", ["config/{a}.json", "services/{a}/appsettings.json", "settings/{a}.{b}.json"]),
    ("toml", 40, "toml", ["config/{a}.toml", "crates/{a}/Settings.toml"]),
    ("ini", 40, "ini", ["etc/{a}.ini", "config/{a}.cfg", "{a}/setup.cfg"]),
    ("properties", 60, "properties", ["src/main/resources/application-{a}.properties", "{a}/gradle.properties"]),
    ("xml", 50, "xml", ["src/{A}/Web.config", "src/{A}/App.config", "conf/{a}-context.xml"]),
    ("hcl", 80, "hcl", ["infra/terraform/{a}/main.tf", "infra/{a}/variables.tf", "terraform/envs/{a}/{b}.tfvars"]),
    ("dockerfile", 50, "dockerfile", ["services/{a}/Dockerfile", "docker/{a}.Dockerfile"]),
    ("compose", 60, "compose", ["docker-compose.{a}.yml", "services/{a}/docker-compose.yml"]),
    ("helm", 50, "helm", ["charts/{a}/values-{b}.yaml", "deploy/helm/{a}/values.yaml"]),
    ("k8s", 60, "k8s", ["deploy/k8s/{a}/deployment.yaml", "k8s/{a}-{b}-deploy.yaml"]),
    ("k8s_secret", 30, "yaml", ["deploy/k8s/{a}/secret.yaml", "k8s/{a}-secret.yml"]),
    ("ci", 80, "ci", [".github/workflows/{a}.yml", "ci/{a}/.gitlab-ci.yml", ".circleci/{a}-config.yml"]),
    ("ipynb", 40, "ipynb", ["notebooks/{a}_{b}.ipynb", "research/{a}/explore.ipynb"]),
    ("log", 60, "log", ["logs/{a}-{b}.log", "var/log/{a}/app.log"]),
    ("md", 90, "md", ["docs/{a}/{b}.md", "README.{a}.md", "runbooks/{a}.md"]),
    ("http", 20, "http", ["api/{a}.http", "requests/{a}-{b}.http"]),
    ("npmrc", 14, None, ["{a}/.npmrc", "packages/{a}/.npmrc"]),
    ("pypirc", 12, None, ["{a}/.pypirc", "home/{a}/.pypirc"]),
    ("netrc", 12, None, ["home/{a}/.netrc", "ci/{a}/netrc"]),
    ("dockercfg", 14, None, ["home/{a}/.docker/config.json", "ci/{a}/docker-config.json"]),
    ("gcp_sa", 16, None, ["secrets/{a}-sa.json", "infra/gcp/{a}-{b}-credentials.json"]),
    ("pem_file", 28, None, ["certs/{a}.key", "deploy/keys/{a}_id_rsa", "config/tls/{a}-{b}.pem", "home/{a}/.ssh/id_ed25519"]),
]

HEADER_LINES = {
    "python": "import json\nimport os\nimport time\n\nimport requests\n\n",
    "js": '"use strict";\nconst express = require("express");\n\n',
    "ts": 'import {{ z }} from "zod";\n\n',
    "go": 'package {a}\n\nimport (\n\t"context"\n\t"fmt"\n\t"os"\n)\n\n',
    "java": "package com.acme.{a};\n\nimport java.time.Duration;\nimport java.util.Optional;\n\npublic class {A}Config {{\n\n",
    "kotlin": "package com.acme.{a}\n\nobject {A}Config {{\n\n",
    "csharp": "using System;\nusing System.Threading.Tasks;\n\nnamespace Acme.{A}\n{{\n    public class {A}Service\n    {{\n",
    "ruby": "# frozen_string_literal: true\n\nrequire \"net/http\"\n\n",
    "php": "<?php\n\ndeclare(strict_types=1);\n\n$config = [];\n\n",
    "rust": "use std::env;\n\n",
    "shell": "#!/usr/bin/env bash\nset -euo pipefail\n\n",
    "yaml": "# {a} configuration\n{a}:\n",
    "helm": "replicaCount: 2\nimage:\n  repository: registry.acme.io/{a}\n  tag: \"1.{n}.0\"\nenv:\n",
    "ci": "name: {a}\non:\n  push:\n    branches: [main]\nenv:\n",
    "compose": "services:\n  {a}:\n    image: {a}:latest\n    ports:\n      - \"{n}080:{n}080\"\n    environment:\n",
    "k8s": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {a}\nspec:\n  template:\n    spec:\n      containers:\n      - name: {a}\n        image: registry.acme.io/{a}:1.{n}\n        env:\n",
    "toml": "# {a} settings\n\n",
    "ini": "[{a}]\n",
    "properties": "# {a} properties\n",
    "xml": '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n',
    "hcl": 'locals {{\n',
    "dockerfile": "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
    "log": "",
    "md": "# {A} {B}\n\nSetup notes for the {a} team.\n\n```bash\n",
    "http": "### {a}\n",
    "env": "# generated for {a}\n",
    "json": "{{\n",
}
FOOTER = {"java": "}\n", "kotlin": "}\n", "csharp": "    }\n}\n", "xml": "  </appSettings>\n</configuration>\n", "hcl": "}\n",
          "md": "```\n", "json": "\n}\n", "dockerfile": 'CMD ["python", "-m", "app"]\n'}

SEP = {"json": ",\n"}


class Planner:
    def __init__(self, g):
        self.g = g
        bag = []
        for f, (fam, w, kind, names, fn) in sorted(SECRETS.items()):
            bag += [f] * (w * 4)
        g.r.shuffle(bag)
        self.bag, self.i = bag, 0
        self.negfns = [fn for fn, w in NG.CLASSES for _ in range(w)]

    def next_secret(self):
        f = self.bag[self.i % len(self.bag)]
        self.i += 1
        return f

    def neg_fn(self):
        return self.g.pick(self.negfns)


def build_generic(g, pl, kind, lang, n_sec, n_neg):
    entries = []
    for _ in range(n_sec):
        e = None
        for _t in range(5):
            e = secret_entry(g, lang, pl.next_secret())
            if e:
                break
        if e:
            entries.append(e)
    for _ in range(n_neg):
        e = None
        for _t in range(5):
            e = neg_entry(g, lang, pl.neg_fn())
            if e:
                break
        if e:
            entries.append(e)
    g.r.shuffle(entries)
    a, b = g.word(), g.word()
    head = HEADER_LINES.get(lang, "").format(a=a, b=b, A=a.capitalize(), B=b.capitalize(), n=g.r.randint(2, 9))
    out = [head]
    fill = filler(g, lang, g.r.randint(6, 13))
    sep = SEP.get(lang, "\n")
    if lang == "ipynb":
        return build_ipynb(g, entries, fill)
    if lang == "json":
        body = []
        for i, e in enumerate(entries or [['  "name": "%s"' % a]]):
            if i:
                body.append(sep)
            body.extend(e)
        return out + body + [FOOTER["json"]]
    # interleave filler blocks (code / prose) with entries
    structural = lang in ("yaml", "helm", "ci", "compose", "k8s", "xml", "hcl", "md", "java", "kotlin", "csharp")
    if structural:
        body = []
        for e in entries:
            body.extend(e + ["\n"])
        if lang == "md":
            out += body + [FOOTER["md"], "\n"] + fill
        elif lang in ("java", "kotlin", "csharp"):
            out += body + ["\n"] + fill + [FOOTER[lang]]
        elif lang in FOOTER:
            out += body + [FOOTER[lang]] + ["\n"] + ([] if lang in ("xml",) else fill if lang == "hcl" else [])
        elif lang in ("k8s", "ci", "helm", "compose"):
            out += body
        else:
            out += body + ["\n"] + fill
        return out
    items = [("e", e) for e in entries] + [("f", f) for f in fill]
    g.r.shuffle(items)
    for t, x in items:
        if t == "e":
            out.extend(x + ["\n"])
        else:
            out.extend(["\n", x, "\n"])
    if lang in FOOTER:
        out.append(FOOTER[lang])
    return out


def build_ipynb(g, entries, fill):
    out = ['{\n "cells": [\n']
    cells = []
    md = ' {\n  "cell_type": "markdown",\n  "metadata": {},\n  "source": [\n    "## %s analysis\\n"\n  ]\n }' % g.word().capitalize()
    cells.append([md])
    code = [' {\n  "cell_type": "code",\n  "execution_count": %d,\n  "metadata": {},\n  "outputs": [],\n  "source": [\n    "import os\\n",\n' % g.r.randint(1, 9)]
    for e in entries:
        code.extend(e)
        code.append("\n")
    code.append('    "client = Client()\\n"\n  ]\n }')
    cells.append(code)
    for f in fill[:2]:
        src = ",\n".join("    " + json.dumps(l + "\n") for l in f.splitlines())
        cells.append([' {\n  "cell_type": "code",\n  "execution_count": null,\n  "metadata": {},\n  "outputs": [],\n  "source": [\n' + src + '\n  ]\n }'])
    for i, c in enumerate(cells):
        if i:
            out.append(",\n")
        out.extend(c)
    out.append('\n ],\n "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n')
    return out


def L(fmt, fam):
    return {"kind": "label", "format": fmt, "family": fam}


def build_special(g, pl, kind):
    r = g.r
    w = g.word()
    if kind == "npmrc":
        out = ["registry=https://registry.npmjs.org/\n", "@%s:registry=https://npm.pkg.github.com/\n" % w]
        c = r.randrange(3)
        if c == 0:
            out += ["//registry.npmjs.org/:_authToken=", (SECRETS["npm_token"][4](g), L("npm_token", "npm")), "\n"]
        elif c == 1:
            out += ["//npm.pkg.github.com/:_authToken=", (SECRETS["github_pat_classic"][4](g), L("github_pat_classic", "github")), "\n"]
        else:
            out += ["//nexus.%s.internal/repository/npm/:_auth=" % w, (base64.b64encode(("deploy:" + g.urlpass()).encode()).decode(), L("npmrc_auth", "config_file")), "\n"]
        out += ["//nexus.%s.internal/repository/npm-private/:username=ci\n" % w,
                "//nexus.%s.internal/repository/npm-private/:_password=" % w, (base64.b64encode(g.password().encode()).decode(), L("npmrc_auth", "config_file")), "\n"]
        if r.random() < 0.6:
            out += ["//registry.%s.io/:_authToken=" % w, ("${NPM_TOKEN}", {"kind": "neg", "class": "reference", "sub": "npmrc_env", "disputed": False}), "\n"]
        out += ["always-auth=true\n"]
        return out
    if kind == "pypirc":
        out = ["[distutils]\nindex-servers =\n    pypi\n    private\n\n[pypi]\nusername = __token__\npassword = ",
               (SECRETS["pypi_token"][4](g), L("pypi_token", "pypi")), "\n\n[private]\nrepository = https://pypi.%s.internal/simple/\nusername = deploy\npassword = " % w,
               (g.password(), L("pypirc_password", "config_file")), "\n"]
        if r.random() < 0.5:
            out += ["\n[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = __token__\npassword = ", (g.pick(["<your-testpypi-token>", "${TESTPYPI_TOKEN}"]), {"kind": "neg", "class": "placeholder", "sub": "pypirc_placeholder", "disputed": False}), "\n"]
        return out
    if kind == "netrc":
        out = []
        for _ in range(r.randint(1, 3)):
            h = g.pick(["api.heroku.com", "git.%s.internal" % g.word(), "artifactory.%s.io" % g.word(), "ftp.%s.net" % g.word()])
            out += ["machine %s\n  login %s\n  password " % (h, g.pick(["deploy", "ci", g.word() + "@acme.io"])), (g.password(), L("netrc_password", "config_file")), "\n"]
        out += ["machine github.com\n  login x-access-token\n  password ", (SECRETS["github_pat_classic"][4](g), L("github_pat_classic", "github")), "\n"]
        return out
    if kind == "dockercfg":
        out = ['{\n  "auths": {\n']
        regs = [g.pick(["https://index.docker.io/v1/", "registry.%s.io" % g.word(), "ghcr.io", "%s.dkr.ecr.eu-west-1.amazonaws.com" % g.s(12, DIG)]) for _ in range(r.randint(1, 2))]
        for i, reg in enumerate(regs):
            a = base64.b64encode(("%s:%s" % (g.word(), g.password())).encode()).decode()
            out += [(",\n" if i else "") + '    "%s": {\n      "auth": "' % reg, (a, L("docker_config_auth", "config_file")), '"\n    }']
        out += ['\n  },\n  "credsStore": "desktop",\n  "currentContext": "default"\n}\n']
        return out
    if kind == "gcp_sa":
        proj = "%s-%s-%s" % (g.word(), g.word(), g.s(6, DIG))
        email = "%s@%s.iam.gserviceaccount.com" % (g.word() + "-sa", proj)
        lines = pem(g, "pkcs8")
        return ['{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "' % proj,
                (g.s(40, HEX), {"kind": "neg", "class": "uuid", "sub": "gcp_private_key_id", "disputed": True}),
                '",\n  "private_key": "', ("\\n".join(lines), L("gcp_service_account_private_key", "google")),
                '\\n",\n  "client_email": "%s",\n  "client_id": "%s",\n  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n  "token_uri": "https://oauth2.googleapis.com/token",\n'
                '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s",\n  "universe_domain": "googleapis.com"\n}\n' % (email, g.s(21, DIG), email.replace("@", "%40"))]
    if kind == "pem_file":
        f = g.pick(["pem_rsa_private_key", "pem_ec_private_key", "pem_pkcs8_private_key", "pem_openssh_private_key", "pem_encrypted_private_key", "pgp_private_key_block"])
        out = [("\n".join(SECRETS[f][4](g)), L(f, "private_key")), "\n"]
        if r.random() < 0.4:
            ng = NG.public_key(g, "pem")
            while not ng["lines"]:
                ng = NG.public_key(g, "pem")
            out += [("\n".join(ng["lines"]), {"kind": "neg", "class": "public_key_cert", "sub": ng["sub"], "disputed": False}), "\n"]
        return out
    if kind == "k8s_secret":
        out = ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-credentials\n  namespace: %s\n  annotations:\n    checksum/config: " % (w, g.word()),
               (hashlib.sha256(g.b(16)).hexdigest(), {"kind": "neg", "class": "hash", "sub": "helm_checksum", "disputed": False}),
               "\ntype: Opaque\ndata:\n"]
        for _ in range(r.randint(1, 3)):
            k = g.pick(["password", "db-password", "api-key", "token", "client-secret", "redis-password"])
            v = base64.b64encode(g.pick([g.password(), g.s(32, ALNUM)]).encode()).decode()
            out += ["  %s: " % k, (v, L("k8s_secret_data", "kubernetes")), "\n"]
        if r.random() < 0.5:
            out += ["  username: ", (base64.b64encode(g.pick(["admin", "app", g.word()]).encode()).decode(), {"kind": "neg", "class": "base64_data", "sub": "k8s_username", "disputed": True}), "\n"]
        return out
    raise ValueError(kind)


# ------------------------------------------------------------------ main

def render(segs):
    """segments -> (bytes, [(start, end, value, meta)])"""
    buf = bytearray()
    marks = []
    for s in segs:
        if isinstance(s, tuple):
            v, meta = s
            b = v.encode("utf-8")
            marks.append((len(buf), len(buf) + len(b), v, meta))
            buf += b
        else:
            buf += s.encode("utf-8")
    return bytes(buf), marks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=14014)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()

    g = G(random.Random(a.seed))
    pl = Planner(g)
    total_w = sum(k[1] for k in KINDS)
    plan = []
    for kind, w, lang, paths in KINDS:
        plan += [(kind, lang, paths)] * max(4, round(w * a.files / total_w))
    generic = [k for k in KINDS if k[2] is not None and k[0] != "k8s_secret"]
    i = 0
    while len(plan) < a.files:
        kind, w, lang, paths = generic[i % len(generic)]
        plan.append((kind, lang, paths))
        i += 1
    g.r.shuffle(plan)
    plan = plan[: a.files]

    tree = os.path.join(a.out, "tree")
    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    os.makedirs(tree)
    used = set()
    labels, negs = [], []
    nbytes = 0
    for idx, (kind, lang, paths) in enumerate(plan):
        w1, w2 = g.word(), g.word()
        p = g.pick(paths).format(a=w1, b=w2, A=w1.capitalize(), B=w2.capitalize())
        if p in used:
            d, base = os.path.split(p)
            p = os.path.join(d, "%s%d" % (g.pick(["v", "m", "x"]), idx), base).replace(os.sep, "/")
        used.add(p)
        if lang is None or kind == "k8s_secret":
            segs = build_special(g, pl, kind)
        else:
            n_sec = g.pick([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3])
            n_neg = g.pick([0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 4])
            segs = build_generic(g, pl, kind, lang, n_sec, n_neg)
        data, marks = render(segs)
        fp = os.path.join(tree, p)
        os.makedirs(os.path.dirname(fp), exist_ok=True)
        with open(fp, "wb") as fh:
            fh.write(data)
        nbytes += len(data)
        for s, e, v, m in marks:
            if m["kind"] == "label":
                labels.append({"file": p, "start": s, "end": e, "format": m["format"], "family": m["family"], "value": v})
            else:
                negs.append({"file": p, "start": s, "end": e, "class": m["class"], "sub": m["sub"], "disputed": m["disputed"], "value": v})

    with open(os.path.join(a.out, "labels.jsonl"), "w") as fh:
        for l in labels:
            fh.write(json.dumps(l, sort_keys=True) + "\n")
    with open(os.path.join(a.out, "negatives.jsonl"), "w") as fh:
        for n in negs:
            fh.write(json.dumps(n, sort_keys=True) + "\n")
    fmts = {l["format"] for l in labels}
    print("files %d bytes %d labels %d formats %d negatives %d disputed %d" % (
        len(plan), nbytes, len(labels), len(fmts), len(negs), sum(1 for n in negs if n["disputed"])))
    if not a.no_check:
        here = os.path.dirname(os.path.abspath(__file__))
        rc = subprocess.call([sys.executable, os.path.join(here, "selfcheck.py"), a.out])
        sys.exit(rc)


if __name__ == "__main__":
    main()
