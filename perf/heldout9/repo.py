# -*- coding: utf-8 -*-
"""Source-repository files in ~25 ecosystems.  Each generator: (ctx) -> (relative path, T)."""
import base64
import json

from core import T, Span, join, jdump, jstr, ALNUM, LO, DG
import syntax as S
import negs
import pem as P

PROJ = ["orders-api", "billing-svc", "web-frontend", "ml-pipeline", "infra-live", "mobile-app", "auth-gateway", "data-platform",
        "inventory", "notifier", "cms", "analytics-etl", "payments-core", "devtools", "search-indexer", "chatbot"]


def lines(parts, end="\n"):
    return join("\n", [p for p in parts if p is not None]) + end


def cnt(ctx, lo_s=1, hi_s=3, lo_n=4, hi_n=13):
    r = ctx.r
    ns = r.choice([x for x in range(lo_s, hi_s + 1) for _ in range(hi_s + 1 - x)]) if r.random() > 0.12 else 0
    return ns, r.randint(lo_n, hi_n), r.randint(1, 5)


def block(ctx, eco, fn, single=False, allow_raw=True, **kw):
    ns, nn, nf = cnt(ctx)
    out = []
    for name, v, raw, k in ctx.items(eco, ns, nn, nf, single_line=single, allow_raw=allow_raw):
        t = fn(ctx.r, name, v, raw, **kw)
        if t is not None:
            out.append(t)
    return out


def comment_for(r, lang):
    c = r.choice(["TODO: move to vault", "rotated 2024-03", "do not commit", "local dev only", "see runbook", "prod", "FIXME", "temporary"])
    return {"py": "# ", "sh": "# ", "yaml": "# ", "env": "# ", "rb": "# ", "tf": "# ", "ps": "# ", "toml": "# ", "ini": "; ", "props": "# "}.get(lang, "// ") + c


# ------------------------------------------------------------------ code
def py_settings(ctx):
    r = ctx.r
    body = block(ctx, "py", S.a_py)
    head = ['"""Settings for %s."""' % r.choice(PROJ), "import os", "from pathlib import Path", "", "BASE_DIR = Path(__file__).resolve().parent.parent", "DEBUG = %s" % r.choice(["False", "True"]), ""]
    if r.maybe(0.3):
        body.insert(r.randint(0, len(body)), T(comment_for(r, "py")))
    return r.choice(["config/settings.py", "app/config.py", "settings/production.py", "src/%s/settings.py" % r.choice(["core", "app"])]), lines(head + body)


def py_client(ctx):
    r = ctx.r
    out = ["import boto3", "import requests", "from openai import OpenAI", ""]
    for name, v, raw, k in ctx.items("py", r.randint(1, 3), r.randint(2, 6), 1, single_line=True):
        kw = S.ident(name, "snake")
        val = v if raw else S.q2(v)
        tpl = r.choice(["client = %s(%s=", "resp = requests.post(url, headers={\"%s\": ", "session = boto3.Session(%s="])
        if tpl.startswith("client"):
            out.append(T("client = ", r.choice(["OpenAI", "Anthropic", "Client", "StripeClient", "Redis"]), "(", kw, "=", val, ", timeout=%d)" % r.randint(5, 60)))
        elif tpl.startswith("resp"):
            out.append(T('resp = requests.post(url, headers={"', r.choice(["Authorization", "X-API-Key", "x-api-key"]), '": ', val, "}, timeout=10)"))
        else:
            out.append(T("session = boto3.Session(", kw, "=", val, ', region_name="eu-west-1")'))
    return r.choice(["scripts/sync.py", "tools/backfill.py", "src/clients.py", "notebooks/helpers.py"]), lines(out)


def js_config(ctx):
    r = ctx.r
    out = ["'use strict';", ""]
    out += block(ctx, "js", S.a_js)
    out += ["", "module.exports = {"] + block(ctx, "js", S.a_jsprop) + ["};"]
    return r.choice(["config/default.js", "src/config.js", "server/config/index.js"]), lines(out)


def ts_env(ctx):
    r = ctx.r
    out = ["import { z } from 'zod';", "", "export const config = {"] + block(ctx, "js", S.a_jsprop) + ["} as const;", ""]
    out += block(ctx, "js", S.a_js)
    return r.choice(["src/env.ts", "lib/config.ts", "app/settings.ts"]), lines(out)


def go_config(ctx):
    r = ctx.r
    out = ["package config", "", 'import "os"', ""]
    out += block(ctx, "go", lambda r, n, v, raw: S.a_goconst(r, n, v, raw))
    out += ["", "var Default = Config{"] + block(ctx, "go", S.a_go) + ["}"]
    if r.maybe(0.5):
        v, f = ctx.sec(fmt=r.choice(["go_mysql_dsn", "go_postgres_kv_dsn", "postgres_uri"]))
        out += ["", "func Open() (*sql.DB, error) {", T('\treturn sql.Open("', r.choice(["mysql", "postgres", "pgx"]), '", ', S.q2(v), ")"), "}"]
    return r.choice(["internal/config/config.go", "pkg/settings/defaults.go", "cmd/server/config.go"]), lines(out)


def java_const(ctx):
    r = ctx.r
    out = ["package com.acme.%s;" % r.choice(["billing", "orders", "auth"]), "", "public final class Secrets {"] + block(ctx, "java", S.a_java) + ["", "    private Secrets() {}", "}"]
    return "src/main/java/com/acme/%s.java" % r.choice(["Secrets", "AppConfig", "Constants"]), lines(out)


def java_props(ctx):
    r = ctx.r
    out = ["# Spring Boot", "server.port=8080", "spring.application.name=%s" % r.choice(PROJ)]
    if r.maybe(0.7):
        v, f = ctx.sec(fmt=r.choice(["sqlserver_jdbc", "jdbc_postgresql_params", "jdbc_mysql_params", "oracle_jdbc_thin"]))
        out.append(T("spring.datasource.url=", v))
    out += block(ctx, "props", S.a_props, single=False, allow_raw=False)
    return r.choice(["src/main/resources/application.properties", "src/main/resources/application-prod.properties", "gradle.properties"]), lines(out)


def kotlin(ctx):
    out = ["package com.acme.mobile", "", "object BuildSecrets {"] + block(ctx, "java", S.a_kotlin) + ["}"]
    return ctx.r.choice(["app/src/main/java/com/acme/BuildSecrets.kt", "shared/Config.kt"]), lines(out)


def csharp(ctx):
    out = ["namespace Acme.Api;", "", "public static class Settings", "{"] + block(ctx, "cs", S.a_cs) + ["}"]
    return ctx.r.choice(["src/Acme.Api/Settings.cs", "Config/Constants.cs"]), lines(out)


def appsettings(ctx):
    r = ctx.r
    conns = {}
    for nm in r.sample(["DefaultConnection", "Redis", "ServiceBus", "Storage", "Reporting"], r.randint(1, 3)):
        if r.maybe(0.7):
            v, f = ctx.sec(fmt=r.choice(["adonet_sqlserver", "adonet_pwd", "npgsql_conn_string", "azure_redis_conn_string", "azure_servicebus_conn_string", "azure_storage_conn_string", "mysql_net_conn_string"]))
        else:
            sp, _, _ = ctx.neg("json", r.choice(["url_no_creds", "ref_env", "placeholder"]))
            v = T(sp)
        conns[nm] = v
    sect = {}
    for name, v, raw, k in ctx.items("json", *cnt(ctx, 0, 3, 2, 6)):
        sect[S.ident(name, "Pascal")] = v
    doc = {"Logging": {"LogLevel": {"Default": "Information"}}, "ConnectionStrings": conns, r.choice(["Auth", "Integrations", "Stripe", "Secrets"]): sect, "AllowedHosts": "*"}
    return r.choice(["appsettings.json", "appsettings.Production.json", "src/Api/appsettings.Development.json"]), jdump(doc, indent=2) + "\n"


def ruby(ctx):
    r = ctx.r
    out = ["# frozen_string_literal: true", "", "Rails.application.configure do"] + [T("  ", t) for t in block(ctx, "rb", S.a_rb)] + ["end"]
    return r.choice(["config/initializers/secrets.rb", "config/environments/production.rb"]), lines(out)


def database_yml(ctx):
    r = ctx.r
    out = ["default: &default", "  adapter: %s" % r.choice(["postgresql", "mysql2"]), "  pool: 5", ""]
    for env in ["development", "production"]:
        out.append(env + ":")
        out.append("  <<: *default")
        out.append("  database: app_%s" % env)
        out.append("  username: app")
        if r.maybe(0.6):
            v, f = ctx.sec(fmt="generic_password")
            out.append(S.a_yaml(r, "password", v, False, pad="  "))
        else:
            sp, _, raw = ctx.neg("cfg", r.choice(["ref_template", "ref_env", "placeholder", "short_value", "encrypted_blob"]))
            out.append(S.a_yaml(r, "password", T(sp), raw, pad="  "))
        if r.maybe(0.4):
            v, f = ctx.sec(fmt=r.choice(["postgres_uri", "mysql_uri"]))
            out.append(S.a_yaml(r, "url", v, False, pad="  "))
    return "config/database.yml", lines(out)


def php(ctx):
    r = ctx.r
    out = ["<?php", "/** %s configuration */" % r.choice(["WordPress", "Laravel", "App"]), ""] + block(ctx, "php", S.a_php)
    return r.choice(["wp-config.php", "config/app.php", "includes/config.inc.php"]), lines(out)


def rust(ctx):
    out = ["//! compile-time configuration", ""] + block(ctx, "rs", S.a_rs)
    return ctx.r.choice(["src/config.rs", "crates/core/src/secrets.rs"]), lines(out)


def swift(ctx):
    out = ["import Foundation", "", "enum Keys {"] + [T("    ", t) for t in block(ctx, "swift", S.a_swift)] + ["}"]
    return ctx.r.choice(["App/Config/Keys.swift", "Sources/Core/Secrets.swift"]), lines(out)


# ------------------------------------------------------------------ infra
def terraform(ctx):
    r = ctx.r
    out = ['terraform {', '  required_version = ">= 1.5"', "}", "", 'provider "aws" {', '  region = "eu-west-1"']
    out += block(ctx, "tf", S.a_tf, allow_raw=False)
    out += ["}", "", 'resource "aws_db_instance" "main" {', '  engine         = "postgres"', '  instance_class = "db.t3.medium"']
    if r.maybe(0.6):
        v, f = ctx.sec(fmt=r.choice(["generic_password", "generic_password", "snowflake_password"]))
        out.append(S.a_tf(r, "password", v, False))
    else:
        sp, _, _ = ctx.neg("tf", r.choice(["ref_secret_manager", "placeholder"]))
        out.append(T("  password = ", S.q2(T(sp))))
    out += ["}", ""]
    for name, v, raw, k in ctx.items("tf", r.randint(0, 2), r.randint(1, 3), 0):
        out += ['variable "%s" {' % S.ident(name, "snake"), "  type      = string", "  sensitive = true", S.a_tf(r, "default", v, False), "}", ""]
    return r.choice(["main.tf", "modules/db/main.tf", "envs/prod/main.tf"]), lines(out)


def tfvars(ctx):
    out = block(ctx, "tf", lambda r, n, v, raw: S.a_tf(r, n, v, False, pad=""), allow_raw=False)
    return ctx.r.choice(["terraform.tfvars", "prod.auto.tfvars", "secrets.tfvars"]), lines(out)


def k8s_secret(ctx):
    r = ctx.r
    out = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: %s" % r.choice(["db-credentials", "app-secrets", "api-keys"]), "  namespace: %s" % r.choice(["prod", "default", "payments"]), "type: Opaque"]
    if r.maybe(0.5):
        out.append("data:")
        for _ in range(r.choice([1, 1, 2])):
            v, f = ctx.sec(kind="k8s_b64")
            out.append(T("  ", r.choice(["password", "DB_PASSWORD", "redis-password", "admin-pass"]), ": ", v))
        for _ in range(r.randint(1, 3)):
            sp, _, _ = ctx.neg("yaml", r.choice(["b64_encoded_config", "encrypted_blob", "uuid"]))
            if "\n" not in sp.text:
                out.append(T("  ", r.choice(["config", "username", "settings"]), ": ", sp))
    out.append("stringData:")
    for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 1, 3, 1, 4)):
        out.append(S.a_yaml(r, name, v, raw, pad="  "))
    return "k8s/%s.yaml" % r.choice(["secret", "secrets", "db-secret", "app-secret"]), lines(out)


def k8s_deploy(ctx):
    r = ctx.r
    out = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: %s" % r.choice(PROJ), "spec:", "  template:", "    spec:", "      containers:",
           "        - name: app", "          image: ghcr.io/acme/app:%s" % r.choice(["1.4.2", "latest", "main"]), "          env:"]
    for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 0, 3, 2, 6)):
        out.append(T("            - name: ", S.ident(name, "UPPER")))
        if k == "N" and r.maybe(0.3):
            out += ["              valueFrom:", "                secretKeyRef:", "                  name: app-secrets", T("                  key: ", S.ident(name, "kebab"))]
            out.append(S.a_yaml(r, "value", v, raw, pad="              "))
        else:
            out.append(S.a_yaml(r, "value", v, raw, pad="              "))
    return "deploy/%s.yaml" % r.choice(["deployment", "api", "worker"]), lines(out)


def helm_values(ctx):
    r = ctx.r
    out = ["replicaCount: 2", "image:", "  repository: ghcr.io/acme/%s" % r.choice(PROJ), "  tag: \"%s\"" % r.choice(["1.2.3", "2024.05.1"]), ""]
    for sect in r.sample(["postgresql", "redis", "auth", "externalServices", "secrets", "ingress"], 3):
        out.append(sect + ":")
        for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 0, 2, 1, 4)):
            out.append(S.a_yaml(r, S.ident(name, "camel"), v, raw, pad="  "))
    return r.choice(["charts/app/values.yaml", "helm/values-prod.yaml", "values.yaml"]), lines(out)


def kubeconfig(ctx):
    r = ctx.r
    srv = "https://%s:6443" % r.choice(["10.0.0.1", "k8s.acme.internal", "api.prod.k8s.acme.io"])
    sp, _, _ = ctx.neg("yaml", "certificate")
    ca = base64.b64encode(sp.text.encode()).decode()
    out = ["apiVersion: v1", "kind: Config", "clusters:", "- cluster:", T("    certificate-authority-data: ", Span("N", ca, {"class": "certificate", "sub": "b64", "disputed": False})), "    server: " + srv, "  name: prod", "users:", "- name: admin", "  user:"]
    if r.maybe(0.5):
        v, f = ctx.sec(fmt="kubeconfig_client_key_data")
        ctx.n_neg += 1
        cc = Span("N", base64.b64encode(P.certificate(r).encode()).decode(), {"class": "certificate", "sub": "b64", "disputed": False})
        out += [T("    client-certificate-data: ", cc), T("    client-key-data: ", v)]
    else:
        v, f = ctx.sec(fmt=r.choice(["k8s_sa_token", "jwt_rs256", "generic_token"]))
        out += [T("    token: ", v)]
    return r.choice(["kubeconfig", ".kube/config", "ci/kubeconfig.yaml"]), lines(out)


def dockerfile(ctx):
    r = ctx.r
    out = ["FROM %s" % r.choice(["python:3.12-slim", "node:20-alpine", "golang:1.22 AS build", "eclipse-temurin:21-jre"]), "WORKDIR /app"]
    out += block(ctx, "docker", S.a_docker, allow_raw=False)
    if r.maybe(0.5):
        sp, _, _ = ctx.neg("docker", "docker_digest")
        out.insert(0, T("# base pinned to ", sp))
    if r.maybe(0.3):
        v, f = ctx.sec(kind="cmd")
        out.append(T("RUN ", v))
    out += ["COPY . .", 'CMD ["./start.sh"]']
    return r.choice(["Dockerfile", "docker/Dockerfile.prod", "services/api/Dockerfile"]), lines(out)


def compose(ctx):
    r = ctx.r
    out = ["services:"]
    for svc in r.sample(["db", "api", "redis", "worker", "grafana", "rabbitmq"], r.randint(1, 3)):
        out += ["  %s:" % svc, "    image: %s" % {"db": "postgres:16", "api": "ghcr.io/acme/api:latest", "redis": "redis:7", "worker": "ghcr.io/acme/worker:1.2", "grafana": "grafana/grafana:10.4.2", "rabbitmq": "rabbitmq:3-management"}[svc], "    environment:"]
        style = r.choice(["map", "list"])
        for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 0, 2, 1, 3), single_line=True):
            if style == "map":
                out.append(S.a_yaml(r, S.ident(name, "UPPER"), v, raw, pad="      "))
            else:
                out.append(T("      - ", S.ident(name, "UPPER"), "=", v))
    return r.choice(["docker-compose.yml", "compose.yaml", "deploy/docker-compose.prod.yml"]), lines(out)


def gh_actions(ctx):
    r = ctx.r
    out = ["name: deploy", "on:", "  push:", "    branches: [main]", "jobs:", "  deploy:", "    runs-on: ubuntu-latest", "    env:"]
    for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 0, 2, 2, 6), single_line=True, neg_classes=None):
        out.append(S.a_yaml(r, S.ident(name, "UPPER"), v, raw, pad="      "))
    out += ["    steps:", T("      - uses: actions/checkout@", Span("N", r.hexs(40), {"class": "git_sha", "sub": "pinned_action", "disputed": False})), "      - name: publish", "        run: |"]
    if r.maybe(0.5):
        v, f = ctx.sec(kind="cmd")
        out.append(T("          ", v))
    out.append("          make release")
    return ".github/workflows/%s.yml" % r.choice(["deploy", "release", "ci"]), lines(out)


def gitlab_ci(ctx):
    r = ctx.r
    out = ["stages: [build, deploy]", "variables:"]
    for name, v, raw, k in ctx.items("yaml", *cnt(ctx, 0, 3, 2, 5), single_line=True):
        out.append(S.a_yaml(r, S.ident(name, "UPPER"), v, raw, pad="  "))
    out += ["deploy:", "  stage: deploy", "  script:"]
    if r.maybe(0.6):
        v, f = ctx.sec(kind="cmd")
        out.append(T("    - ", S.q1_yaml(v) if r.maybe(0.3) else v))
    out.append("    - ./deploy.sh")
    return ".gitlab-ci.yml", lines(out)


def ansible(ctx):
    r = ctx.r
    out = ["---", "# group vars for %s" % r.choice(["webservers", "dbservers", "all"])]
    for name, v, raw, k in ctx.items("yaml", *cnt(ctx)):
        out.append(S.a_yaml(r, S.ident(name, "snake"), v, raw))
    return r.choice(["group_vars/all.yml", "roles/db/defaults/main.yml", "host_vars/db01.yml"]), lines(out)


def ansible_inventory(ctx):
    r = ctx.r
    out = ["[db]"]
    for i in range(r.randint(1, 3)):
        if r.maybe(0.6):
            v, f = ctx.sec(fmt="generic_password")
            if " " in v.plain():
                v = S.q1_yaml(v)
            out.append(T("db%02d ansible_host=10.0.2.%d ansible_user=admin ansible_password=" % (i + 1, r.randint(2, 250)), v))
        else:
            sp, _, _ = ctx.neg("cfg", r.choice(["ref_template", "placeholder", "ref_env"]))
            out.append(T("db%02d ansible_host=10.0.2.%d ansible_password=" % (i + 1, r.randint(2, 250)), sp))
    return "inventory/hosts.ini", lines(out)


def dotenv(ctx):
    r = ctx.r
    out = ["# %s" % r.choice(["local development", "copy to .env and fill in", "production", "generated by setup.sh"])]
    out += block(ctx, "env", S.a_env, allow_raw=False)
    name = r.choice([".env", ".env.local", ".env.production", "config/.env.staging", ".envrc", ".env.example"])
    body = lines(out)
    if r.maybe(0.25):  # file ends without newline
        body = join("\n", [p for p in out])
    return name, body


def ini_file(ctx):
    r = ctx.r
    out = []
    for sec in r.sample(["database", "api", "smtp", "default", "redis", "auth"], r.randint(1, 3)):
        out.append("[%s]" % sec)
        out += block(ctx, "ini", S.a_ini, allow_raw=False)
        out.append("")
    return r.choice(["config.ini", "setup.cfg", "app.ini", "conf/settings.ini", "alembic.ini"]), lines(out)


def toml_file(ctx):
    r = ctx.r
    out = ['[tool.%s]' % r.choice(["app", "deploy"])]
    out += block(ctx, "toml", S.a_toml, allow_raw=False)
    out += ["", "[database]"]
    if r.maybe(0.6):
        v, f = ctx.sec(fmt=r.choice(["postgres_uri", "mysql_uri", "mongodb_srv_uri", "redis_uri"]))
        out.append(T("url = ", S.q2(v)))
    out += block(ctx, "toml", S.a_toml, allow_raw=False)
    return r.choice(["config.toml", "settings.toml", ".streamlit/secrets.toml", "Cargo.config.toml", "netlify.toml"]), lines(out)


def aws_credentials(ctx):
    r = ctx.r
    out = []
    for prof in r.sample(["default", "prod", "staging", "ci"], r.randint(1, 3)):
        out.append("[%s]" % prof)
        if r.maybe(0.7):
            v, f = ctx.sec(fmt=r.choice(["aws_access_key_id", "aws_temp_access_key_id"]))
            out.append(T("aws_access_key_id = ", v))
            v, f = ctx.sec(fmt="aws_secret_access_key")
            out.append(T("aws_secret_access_key = ", v))
            if f and r.maybe(0.3):
                v, f = ctx.sec(fmt="aws_session_token_iqoj")
                out.append(T("aws_session_token = ", v))
        else:
            sp, _, _ = ctx.neg("ini", "doc_example")
            out.append(T("aws_access_key_id = ", sp))
            out.append("region = eu-west-1")
        out.append("")
    return r.choice([".aws/credentials", "ci/aws-credentials", "home/jdoe/.aws/credentials"]), lines(out)


def rc_files(ctx):
    r = ctx.r
    k = r.choice(["npmrc", "pypirc", "netrc", "pgpass", "redis", "mycnf", "s3cfg", "gitcred", "docker_config", "composer"])
    if k == "npmrc":
        out = ["registry=https://registry.npmjs.org/", "@acme:registry=https://npm.pkg.github.com/"]
        v, f = ctx.sec(fmt=r.choice(["npm_token", "github_pat_classic", "npmrc_auth_b64"]))
        key = "_auth" if f.name == "npmrc_auth_b64" else "_authToken"
        out.append(T("//registry.npmjs.org/:%s=" % key, v))
        sp, _, _ = ctx.neg("cfg", "ref_env")
        out.append(T("//npm.pkg.github.com/:_authToken=", sp))
        return ".npmrc", lines(out)
    if k == "pypirc":
        v, f = ctx.sec(fmt=r.choice(["pypi_token", "testpypi_token"]))
        return ".pypirc", lines(["[distutils]", "index-servers = pypi", "", "[pypi]", "username = __token__", T("password = ", v)])
    if k == "netrc":
        out = []
        for _ in range(r.randint(1, 3)):
            v, f = ctx.sec(fmt="netrc_password")
            out.append(v)
        return ".netrc", lines(out)
    if k == "pgpass":
        out = []
        for _ in range(r.randint(1, 3)):
            v, f = ctx.sec(fmt="pgpass_line")
            out.append(v)
        return ".pgpass", lines(out)
    if k == "redis":
        out = ["bind 0.0.0.0", "port 6379", "appendonly yes"]
        v, f = ctx.sec(fmt=r.choice(["redis_requirepass", "redis_masterauth"]))
        out.append(v)
        return "redis.conf", lines(out)
    if k == "mycnf":
        v, f = ctx.sec(fmt="generic_password")
        return ".my.cnf", lines(["[client]", "user=root", T("password=", v if " " not in v.plain() else S.q2(v)), "host=127.0.0.1"])
    if k == "s3cfg":
        a, _ = ctx.sec(fmt="aws_access_key_id")
        s, _ = ctx.sec(fmt="aws_secret_access_key")
        return ".s3cfg", lines(["[default]", T("access_key = ", a), T("secret_key = ", s), "host_base = s3.amazonaws.com"])
    if k == "gitcred":
        v, f = ctx.sec(fmt="git_credentials_line")
        return ".git-credentials", lines([v])
    if k == "docker_config":
        auths = {}
        for reg in r.sample(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"], r.randint(1, 2)):
            v, f = ctx.sec(fmt="docker_config_auth")
            auths[reg] = {"auth": v}
        return ".docker/config.json", jdump({"auths": auths, "credsStore": r.choice(["desktop", "osxkeychain"])}, indent="\t" and 2) + "\n"
    v, f = ctx.sec(fmt=r.choice(["github_pat_classic", "composer_github_oauth"]))
    return "auth.json", jdump({"github-oauth": {"github.com": v}}, indent=4) + "\n"


def gcp_sa_json(ctx):
    r = ctx.r
    proj = r.choice(["acme-prod", "ml-training-4411", "data-lake-eu"])
    v, f = ctx.sec(fmt="gcp_sa_private_key")
    doc = {"type": "service_account", "project_id": proj, "private_key_id": T(Span("N", r.hexs(40), {"class": "public_client_id", "sub": "gcp_private_key_id", "disputed": False})), "private_key": v,
           "client_email": "%s@%s.iam.gserviceaccount.com" % (r.choice(["deployer", "bq-reader", "ci"]), proj), "client_id": str(r.randint(10 ** 20, 10 ** 21)),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
           "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs", "universe_domain": "googleapis.com"}
    return r.choice(["credentials/service-account.json", "gcp-key.json", "secrets/%s-sa.json" % proj]), jdump(doc, indent=2) + "\n"


def json_config(ctx):
    r = ctx.r
    d = {"name": r.choice(PROJ), "port": r.randint(3000, 9000)}
    for sect in r.sample(["database", "services", "auth", "credentials", "integrations"], r.randint(1, 3)):
        dd = {}
        for name, v, raw, k in ctx.items("json", *cnt(ctx, 0, 2, 1, 4)):
            dd[S.ident(name, r.choice(["camel", "snake"]))] = v
        d[sect] = dd
    return r.choice(["config/production.json", "config.json", "secrets.json", ".vscode/settings.json", "local.settings.json"]), jdump(d, indent=r.choice([2, 4])) + "\n"


# ------------------------------------------------------------------ scripts, sql, web servers
def shell(ctx):
    r = ctx.r
    out = ["#!/usr/bin/env bash", "set -euo pipefail", ""]
    out += block(ctx, "sh", S.a_sh)
    for _ in range(r.randint(0, 2)):
        v, f = ctx.sec(kind="cmd")
        out.append(v)
    if r.maybe(0.4):
        sp, _, _ = ctx.neg("sh", r.choice(["ref_env", "ref_secret_manager", "file_path"]))
        out.append(T('curl -fsS -H "Authorization: Bearer ', sp, '" https://api.acme.io/v1/deploy'))
    return r.choice(["scripts/deploy.sh", "bin/bootstrap.sh", "ops/backup.sh", "tools/seed-db.sh"]), lines(out)


def powershell(ctx):
    r = ctx.r
    out = ["#Requires -Version 7", "$ErrorActionPreference = 'Stop'", ""] + block(ctx, "ps", S.a_ps)
    out += ["$cred = New-Object System.Management.Automation.PSCredential ('admin', $Password)"] if r.maybe(0.5) else []
    return r.choice(["scripts/Deploy.ps1", "tools/Setup-Env.ps1", "infra/Invoke-Migration.ps1"]), lines(out)


def sql_migration(ctx):
    r = ctx.r
    out = ["-- migration %d_%s" % (r.randint(1, 300), r.choice(["create_roles", "app_users", "linked_servers", "init"])), "BEGIN;" if r.maybe(0.5) else "GO", ""]
    for _ in range(r.randint(1, 3)):
        v, f = ctx.sec(kind="stmt_sql")
        out.append(v)
    for _ in range(r.randint(1, 4)):
        sp, _, _ = ctx.neg("sql", r.choice(["password_hash", "uuid", "hash_digest", "placeholder", "api_object_id", "i18n_label"]))
        out.append(T("INSERT INTO %s (id, %s) VALUES (%d, '" % (r.choice(["users", "settings", "translations"]), r.choice(["password_hash", "api_key_hash", "value", "label"]), r.randint(1, 999)), sp.mapped(lambda s: s.replace("'", "''")) if "'" in sp.text else sp, "');"))
    if r.maybe(0.3):
        v, f = ctx.sec(fmt=r.choice(["generic_api_key", "generic_secret", "stripe_secret_live", "sendgrid_api_key"]))
        out.append(T("UPDATE integrations SET api_key = '", v, "' WHERE name = '%s';" % r.choice(["stripe", "sendgrid", "partner"])))
    out.append("COMMIT;" if r.maybe(0.5) else "GO")
    return "db/migrations/%04d_%s.sql" % (r.randint(1, 400), r.choice(["roles", "seed", "users", "init"])), lines(out)


def nginx(ctx):
    r = ctx.r
    out = ["server {", "    listen 443 ssl;", "    server_name %s;" % r.choice(["api.acme.io", "grafana.corp.local"]), "    ssl_certificate /etc/ssl/certs/site.crt;", "    ssl_certificate_key /etc/ssl/private/site.key;",
           "    location / {", "        proxy_pass http://upstream;"]
    out += [T("    ", t) for t in block(ctx, "nginx", S.a_nginx, single=True, allow_raw=False)]
    out += ["    }", "}"]
    return r.choice(["nginx/conf.d/api.conf", "deploy/nginx.conf"]), lines(out)


def apache(ctx):
    r = ctx.r
    out = ["<VirtualHost *:443>", "    ServerName %s" % r.choice(["intranet.acme.local", "app.acme.io"])]
    out += [T("    ", t) for t in block(ctx, "apache", S.a_apache, single=True, allow_raw=False)]
    out += ["</VirtualHost>"]
    return r.choice(["apache/sites-enabled/app.conf", "httpd/vhost.conf", ".htaccess"]), lines(out)


def xml_config(ctx):
    r = ctx.r
    k = r.choice(["webconfig", "maven", "spring", "android", "log4j"])
    if k == "webconfig":
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>"]
        for _ in range(r.randint(1, 2)):
            if r.maybe(0.7):
                v, f = ctx.sec(fmt=r.choice(["adonet_sqlserver", "adonet_pwd", "odbc_conn_string", "oracle_odp_conn_string"]))
            else:
                sp, _, _ = ctx.neg("xml", "url_no_creds")
                v = T(sp)
            out.append(T('    <add name="%s" connectionString="' % r.choice(["Default", "Reporting", "Legacy"]), S.xml_esc(v), '" providerName="System.Data.SqlClient" />'))
        out += ["  </connectionStrings>", "  <appSettings>"] + block(ctx, "xml", S.a_xml_add, single=True, allow_raw=False) + ["  </appSettings>", "</configuration>"]
        return r.choice(["Web.config", "App.config", "src/Legacy/web.Release.config"]), lines(out)
    if k == "maven":
        out = ["<settings>", "  <servers>"]
        for sid in r.sample(["nexus-releases", "github", "ossrh", "artifactory"], r.randint(1, 2)):
            out += ["    <server>", "      <id>%s</id>" % sid, "      <username>deploy</username>"]
            if r.maybe(0.7):
                v, f = ctx.sec(fmt=r.choice(["generic_password", "github_pat_classic", "jfrog_api_key", "generic_token"]))
                out.append(T("      <password>", S.xml_esc(v), "</password>"))
            else:
                sp, _, _ = ctx.neg("xml", r.choice(["ref_env", "encrypted_blob", "placeholder"]))
                out.append(T("      <password>", sp, "</password>"))
            out.append("    </server>")
        out += ["  </servers>", "</settings>"]
        return r.choice([".m2/settings.xml", "ci/settings.xml"]), lines(out)
    if k == "spring":
        out = ['<beans xmlns="http://www.springframework.org/schema/beans">', '  <bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">']
        for name, v, raw, kk in ctx.items("xml", *cnt(ctx, 1, 2, 1, 4), single_line=True, allow_raw=False):
            out.append(T('    <property name="', S.ident(name, "camel"), '" value="', S.xml_esc(v), '"/>'))
        out += ["  </bean>", "</beans>"]
        return "src/main/resources/applicationContext.xml", lines(out)
    if k == "android":
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<resources>", '    <string name="app_name">Acme</string>']
        for name, v, raw, kk in ctx.items("xml", *cnt(ctx, 0, 2, 2, 5), single_line=True, allow_raw=False):
            out.append(T('    <string name="', S.ident(name, "snake"), '">', S.xml_esc(v), "</string>"))
        out.append("</resources>")
        return "app/src/main/res/values/strings.xml", lines(out)
    out = ["<Configuration>", "  <Appenders>"]
    for name, v, raw, kk in ctx.items("xml", *cnt(ctx, 0, 2, 1, 3), single_line=True, allow_raw=False):
        out.append(S.a_xml_elem(r, name, v, raw, pad="    "))
    out += ["  </Appenders>", "</Configuration>"]
    return "log4j2.xml", lines(out)


def notebook(ctx):
    r = ctx.r
    cells = []
    src = ["import os\n", "import pandas as pd\n"]
    cells.append({"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": src})
    for name, v, raw, k in ctx.items("py", *cnt(ctx, 1, 3, 2, 5)):
        line = S.a_py(r, name, v, raw, style=r.choice(["snake", "UPPER"]))
        cells.append({"cell_type": "code", "execution_count": len(cells) + 1, "metadata": {}, "outputs": [], "source": [T(line, "\n"), "client = make_client()\n"]})
    if r.maybe(0.5):
        sp, _, _ = ctx.neg("json", "base64_data")
        cells.append({"cell_type": "code", "execution_count": 9, "metadata": {}, "outputs": [{"output_type": "display_data", "data": {"image/png": T(sp.mapped(lambda s: s.split(",", 1)[-1]))}, "metadata": {}}], "source": ["df.plot()"]})
    if r.maybe(0.5):
        v, f = ctx.sec()
        cells.append({"cell_type": "code", "execution_count": 12, "metadata": {}, "outputs": [{"name": "stdout", "output_type": "stream", "text": [T(r.choice(["token: ", "Using key ", "loaded "]), v, "\n")]}], "source": ["print(cfg)"]})
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    return r.choice(["notebooks/exploration.ipynb", "analysis/train.ipynb", "Untitled.ipynb"]), jdump(nb, indent=1) + "\n"


def markdown_doc(ctx):
    r = ctx.r
    out = ["# %s" % r.choice(["Getting started", "Deployment runbook", "Local setup", "Troubleshooting"]), "",
           "Set the following variables before running `make dev`:", "", "```bash"]
    for name, v, raw, k in ctx.items("env", *cnt(ctx, 0, 3, 2, 6), allow_raw=False):
        out.append(S.a_env(r, name, v, raw))
    out += ["```", ""]
    if r.maybe(0.5):
        v, f = ctx.sec(kind=r.choice(["cmd", "header", "stmt_sql"]))
        out += ["Quick check:", "", "```", v, "```", ""]
    if r.maybe(0.4):
        sp, _, _ = ctx.neg("md", r.choice(["doc_example", "placeholder", "i18n_label", "redacted"]))
        out += [T("> Example value: `", sp, "`"), ""]
    return r.choice(["README.md", "docs/setup.md", "docs/runbooks/deploy.md", "CONTRIBUTING.md"]), lines(out)


def lockfile(ctx):
    """mostly negatives: integrity hashes, resolved urls, git shas."""
    r = ctx.r
    pk = {}
    for i in range(r.randint(4, 10)):
        name = r.choice(["lodash", "react", "axios", "left-pad", "express", "zod", "tslib", "jsonwebtoken", "dotenv", "chalk"]) + ("" if i < 5 else "-%d" % i)
        sp, _, _ = ctx.neg("json", "integrity_sri")
        pk["node_modules/" + name] = {"version": "%d.%d.%d" % (r.randint(0, 9), r.randint(0, 20), r.randint(0, 30)), "resolved": "https://registry.npmjs.org/%s/-/%s.tgz" % (name, name), "integrity": T(sp)}
    return r.choice(["package-lock.json", "web/package-lock.json"]), jdump({"name": "web", "lockfileVersion": 3, "packages": pk}, indent=2) + "\n"


def checksums(ctx):
    r = ctx.r
    out = []
    for _ in range(r.randint(3, 8)):
        sp, _, _ = ctx.neg("txt", r.choice(["hash_digest", "git_sha", "docker_digest"]))
        out.append(T(sp, "  ", r.choice(["dist/app-linux-amd64.tar.gz", "bin/cli", "vendor/modules.txt", "SHA256SUMS"])))
    return r.choice(["SHA256SUMS", "dist/checksums.txt"]), lines(out)


def i18n_file(ctx):
    r = ctx.r
    import langs
    lang = r.choice(langs.LANGS)
    d = {}
    for i, lbl in enumerate(langs.UI[lang]):
        sp = Span("N", lbl, {"class": "i18n_label", "sub": lang, "disputed": False})
        ctx.n_neg += 1
        d[r.choice(["auth", "login", "settings", "form"]) + "." + S.ident(["password", "forgot_password", "api_key", "secret", "confirm_password", "token", "hint"][i % 7], "snake")] = T(sp)
    return "locales/%s.json" % lang, jdump(d, indent=2) + "\n"


GENERATORS = [
    (py_settings, 5), (py_client, 3), (js_config, 4), (ts_env, 3), (go_config, 4), (java_const, 2), (java_props, 3), (kotlin, 2), (csharp, 2), (appsettings, 3),
    (ruby, 2), (database_yml, 2), (php, 3), (rust, 2), (swift, 2), (terraform, 3), (tfvars, 2), (k8s_secret, 3), (k8s_deploy, 3), (helm_values, 3),
    (kubeconfig, 1.5), (dockerfile, 3), (compose, 3), (gh_actions, 3), (gitlab_ci, 2), (ansible, 2), (ansible_inventory, 1), (dotenv, 6), (ini_file, 2),
    (toml_file, 2), (aws_credentials, 1.5), (rc_files, 4), (gcp_sa_json, 1), (json_config, 3), (shell, 4), (powershell, 2), (sql_migration, 3),
    (nginx, 1.5), (apache, 1), (xml_config, 3), (notebook, 2), (markdown_doc, 3), (lockfile, 1), (checksums, 1), (i18n_file, 1),
]
