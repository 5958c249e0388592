"""Source code in many languages, app framework configs, tests and fixtures, notebooks, SQL, mobile."""
import json

from h13_core import (AN, ANL, ANU, HEX, b64, b64s, case, domain, email, host, jesc, org, password, pick, rbytes, rs, rs_any,
                      username, uuid4, wrap, SERVICES, REGIONS, WORDS, epoch, ts, semver, ip, person)
from h13_formats import FORMATS, gen, jwt, ghtok
from h13_common import filler_items, kv_block, nl, rnd_comment, git_sha_neg, uuid_neg, sha256_neg, iso, trace_neg
from h13_kv import assign, assign_expr, value_ok, yaml_scalar, LANGS
import h13_negs as NG

EXT = {"python": "py", "javascript": "js", "typescript": "ts", "java": "java", "kotlin": "kt", "scala": "scala", "go": "go", "rust": "rs", "ruby": "rb",
       "php": "php", "csharp": "cs", "swift": "swift", "cpp": "cpp", "c": "c", "shell": "sh", "powershell": "ps1", "perl": "pl", "lua": "lua",
       "elixir": "ex", "dart": "dart", "r": "R", "groovy": "groovy", "objc": "m", "haskell": "hs", "clojure": "clj"}
COMMENT = {"python": "#", "ruby": "#", "shell": "#", "powershell": "#", "perl": "#", "r": "#", "elixir": "#", "lua": "--", "haskell": "--", "clojure": ";;"}
DIRS = {"python": ("app", "src/%s", "scripts", "services"), "javascript": ("src", "lib", "server", "scripts"), "typescript": ("src", "src/config", "packages/api/src", "lib"),
        "java": ("src/main/java/com/%s",), "kotlin": ("app/src/main/java/com/%s", "src/main/kotlin/com/%s"), "scala": ("src/main/scala/%s",),
        "go": ("internal/%s", "cmd/%s", "pkg/%s"), "rust": ("src", "crates/%s/src"), "ruby": ("lib", "app/services", "config/initializers"),
        "php": ("src", "app/Services", "config"), "csharp": ("src/%s", "Services"), "swift": ("Sources/%s", "App/Services"), "cpp": ("src", "src/net"),
        "c": ("src",), "shell": ("scripts", "bin", "deploy"), "powershell": ("scripts", "tools"), "perl": ("lib", "bin"), "lua": ("src", "plugins"),
        "elixir": ("lib/%s", "config"), "dart": ("lib", "lib/src"), "r": ("R", "analysis"), "groovy": ("src/main/groovy", "vars"), "objc": ("Classes", "Sources"),
        "haskell": ("src",), "clojure": ("src/%s",)}


def header(lang, r, mod):
    o = org(r)
    M = mod.capitalize()
    return {
        "python": ['"""%s client and settings."""' % M, "import os", "import logging", "", "import requests", "", "log = logging.getLogger(__name__)", "config = {}", ""],
        "javascript": ["const axios = require('axios');", "const { createClient } = require('redis');", ""],
        "typescript": ["import axios from 'axios';", "import { createClient } from 'redis';", "import { logger } from './logger';", ""],
        "java": ["package com.%s.%s;" % (o, mod), "", "import java.util.Properties;", "", "public final class %sConfig {" % M, ""],
        "kotlin": ["package com.%s.%s" % (o, mod), "", "import okhttp3.OkHttpClient", "", "object %sConfig {" % M],
        "scala": ["package %s.%s" % (o, mod), "", "import sttp.client3._", "", "object %sSettings {" % M],
        "go": ["package %s" % mod, "", "import (", '\t"context"', '\t"net/http"', '\t"os"', ")", ""],
        "rust": ["use reqwest::Client;", "use std::env;", ""],
        "ruby": ["# frozen_string_literal: true", "", "require 'net/http'", "", "module %s" % M],
        "php": ["<?php", "", "declare(strict_types=1);", "", "namespace App\\Services;", ""],
        "csharp": ["using System;", "using System.Net.Http;", "", "namespace %s.%s" % (o.capitalize(), M), "{", "    public static class Settings", "    {"],
        "swift": ["import Foundation", "", "enum %sConfig {" % M],
        "cpp": ["#include <cstdlib>", "#include <string>", ""],
        "c": ["#include <stdio.h>", "#include <stdlib.h>", ""],
        "shell": ["#!/usr/bin/env bash", "set -euo pipefail", ""],
        "powershell": ["#Requires -Version 7", "param([string]$Environment = 'prod')", "$ErrorActionPreference = 'Stop'", ""],
        "perl": ["#!/usr/bin/perl", "use strict;", "use warnings;", "use LWP::UserAgent;", ""],
        "lua": ["local http = require(\"socket.http\")", "local M = {}", "local config = {}", ""],
        "elixir": ["defmodule %s.%s do" % (o.capitalize(), M)],
        "dart": ["import 'package:http/http.dart' as http;", "", "class %sConfig {" % M],
        "r": ["library(httr)", "library(DBI)", ""],
        "groovy": ["// shared pipeline helper", ""],
        "objc": ["#import <Foundation/Foundation.h>", ""],
        "haskell": ["module Config where", "", "import System.Environment (getEnv)", ""],
        "clojure": ["(ns %s.%s.config" % (o, mod), "  (:require [clj-http.client :as http]))", "", "(def config (atom {}))", ""],
    }[lang]


WRAP = {  # function start, body indent, function end
    "python": (["", "", "def init_clients():"], "    ", ["    return config"]),
    "javascript": (["", "async function initClients(config = {}) {"], "  ", ["  return config;", "}", "", "module.exports = { initClients };"]),
    "typescript": (["", "export async function initClients(config: Record<string, string> = {}) {"], "  ", ["  return config;", "}"]),
    "java": (["", "    public static Properties load() {", "        Properties props = new Properties();"], "        ", ["        return props;", "    }"]),
    "kotlin": (["", "    fun load(props: MutableMap<String, String>) {"], "        ", ["    }"]),
    "scala": (["", "  def init(): Unit = {"], "    ", ["  }"]),
    "go": (["", "func Init(ctx context.Context, cfg *Config) error {"], "\t", ["\treturn nil", "}"]),
    "rust": (["", "pub async fn init() -> anyhow::Result<()> {"], "    ", ["    Ok(())", "}"]),
    "ruby": (["", "  def self.configure!(config)"], "    ", ["  end"]),
    "php": (["", "function bootstrap(array $config = []): array", "{"], "    ", ["    return $config;", "}"]),
    "csharp": (["", "        public static void Init(Options options)", "        {"], "            ", ["        }"]),
    "swift": (["", "    static func configure() {"], "        ", ["    }"]),
    "cpp": (["", "int main() {"], "    ", ["    return 0;", "}"]),
    "c": (["", "int main(void) {"], "    ", ["    return 0;", "}"]),
    "shell": (["", "main() {"], "  ", ["}", "", 'main "$@"']),
    "powershell": (["", "function Initialize-Clients {"], "    ", ["}"]),
    "perl": (["", "sub init {", "    my %config;"], "    ", ["    return \\%config;", "}"]),
    "lua": (["", "function M.init()"], "  ", ["end"]),
    "elixir": (["", "  def init do"], "    ", ["  end"]),
    "dart": (["", "  void init(Map<String, String> config) {"], "    ", ["  }"]),
    "r": (["", "init <- function() {"], "  ", ["}"]),
    "groovy": (["", "def call(Map config = [:]) {"], "    ", ["}"]),
    "objc": (["", "@implementation AppConfig", "- (void)configure {", "    NSUserDefaults *defaults = [NSUserDefaults standardUserDefaults];"], "    ", ["}"]),
    "haskell": (["", "main :: IO ()", "main = do"], "  ", ["  pure ()"]),
    "clojure": (["", "(defn init! []"], "  ", ["  @config)"]),
}


def comment(lang, text):
    c = COMMENT.get(lang, "//")
    return "%s %s" % (c, text)


def footer(lang):
    return {"java": ["}"], "kotlin": ["}"], "scala": ["}"], "ruby": ["end"], "csharp": ["    }", "}"], "swift": ["}"], "dart": ["}"], "objc": ["@end"],
            "lua": ["return M"], "elixir": ["end"]}.get(lang, [])


def usage_snippets(G, d, r, lang):
    """Realistic call sites with literal credentials (or negatives)."""
    out = []
    x = r.random()
    if lang == "python":
        if x < 0.25:
            out.append('client = OpenAI(api_key="%s")' % d.S(gen(r, "openai-project-key"), "openai-project-key"))
        elif x < 0.45:
            out += ['s3 = boto3.client(', '    "s3",', '    aws_access_key_id="%s",' % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"),
                    '    aws_secret_access_key="%s",' % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key"), '    region_name="%s",' % pick(r, REGIONS), ')']
        elif x < 0.6:
            f = pick(r, ("postgresql-url", "sqlalchemy-postgres-url", "sqlalchemy-mysql-url"))
            out.append('engine = create_engine("%s", pool_pre_ping=True)' % d.S(gen(r, f), f))
        elif x < 0.75:
            out.append('resp = requests.get(url, headers={"Authorization": "Bearer %s"}, timeout=10)' % d.S(gen(r, "http-bearer-token"), "http-bearer-token"))
        else:
            out.append('resp = requests.get(url, headers={"Authorization": f"Bearer {%s}"}, timeout=10)' % d.N('os.environ["API_TOKEN"]', "env-ref", "python"))
        out.append('cache_key = f"%s"' % d.N("user:{user_id}:tokens:v2", "name-only", "cache-key"))
    elif lang in ("javascript", "typescript"):
        if x < 0.3:
            out.append("const stripe = new Stripe('%s', { apiVersion: '2024-06-20' });" % d.S(gen(r, pick(r, ("stripe-secret-key-live", "stripe-secret-key-test"))), "stripe-secret-key-live") if False else
                       "const stripe = new Stripe('%s', { apiVersion: '2024-06-20' });" % d.S(gen(r, "stripe-restricted-key-live"), "stripe-restricted-key-live"))
        elif x < 0.5:
            f = pick(r, ("mongodb-srv-url", "redis-url", "postgres-url"))
            out.append("const conn = await connect('%s');" % d.S(gen(r, f), f))
        elif x < 0.7:
            out.append("axios.defaults.headers.common['Authorization'] = `Bearer ${%s}`;" % d.N("process.env.API_TOKEN", "env-ref", lang))
        else:
            out.append("const res = await fetch(url, { headers: { 'x-api-key': '%s' }, credentials: %s });" % (d.S(gen(r, "x-api-key-header"), "x-api-key-header"), d.N("'include'", "benign-value", "fetch-credentials")))
        out.append("const i18n = { %s };" % d.N("'auth.password.tooShort': 'Password must be at least 12 characters'", "name-only", "i18n-key"))
    elif lang == "go":
        if x < 0.5:
            out += ['\treq.Header.Set("Authorization", "Bearer %s")' % d.S(gen(r, "http-bearer-token"), "http-bearer-token")]
        else:
            out += ['\treq.Header.Set("Authorization", "Bearer "+%s)' % d.N('os.Getenv("API_TOKEN")', "env-ref", "go")]
        out.append('\tdsn := "%s"' % d.S(gen(r, "postgres-url"), "postgres-url") if r.random() < 0.5 else '\tdsn := %s' % d.N('os.Getenv("DATABASE_URL")', "env-ref", "go"))
    elif lang == "java":
        if x < 0.5:
            out.append('        ds.setPassword("%s");' % d.S(password(r), "db-password"))
        else:
            out.append('        ds.setPassword(%s);' % d.N('System.getenv("DB_PASSWORD")', "env-ref", "java"))
        out.append('        ds.setJdbcUrl("jdbc:postgresql://%s:5432/%s");' % (host(r), pick(r, SERVICES)))
    elif lang == "ruby":
        out.append("  Stripe.api_key = %s" % ("'%s'" % d.S(gen(r, "stripe-secret-key-live"), "stripe-secret-key-live") if r.random() < 0.4 else d.N("ENV.fetch('STRIPE_SECRET_KEY')", "env-ref", "ruby")))
    elif lang == "php":
        out.append("$mailer->Password = '%s';" % d.S(password(r), "smtp-password") if r.random() < 0.5 else "$mailer->Password = %s;" % d.N("getenv('SMTP_PASSWORD')", "env-ref", "php"))
    elif lang == "csharp":
        out.append('            client.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", "%s");' % d.S(gen(r, "azure-apim-subscription-key"), "azure-apim-subscription-key"))
    elif lang == "shell":
        if x < 0.5:
            out.append('curl -fsS -H "Authorization: token %s" https://api.github.com/repos/%s/%s/releases/latest' % (d.S(gen(r, "github-pat-classic"), "github-pat-classic"), org(r), pick(r, SERVICES)))
        else:
            out.append('curl -fsS -H "Authorization: Bearer ${%s}" https://api.%s/deploy' % (d.N("DEPLOY_TOKEN", "env-ref", "shell"), domain(r)))
        out.append('PGPASSWORD="%s" pg_dump -h %s -U app %s > backup.sql' % (d.S(password(r), "db-password"), host(r), pick(r, SERVICES)) if r.random() < 0.4 else
                   'aws s3 cp backup.sql s3://%s-backups/ --sse aws:kms --sse-kms-key-id %s' % (org(r), d.N(NG.uuid4(r), "cloud-identifier", "kms-key-id")))
    elif lang == "powershell":
        out.append('$cred = New-Object System.Management.Automation.PSCredential("svc_deploy", (ConvertTo-SecureString "%s" -AsPlainText -Force))' % d.S(password(r), "service-password-generic"))
    return out


def k_source(G, d, r, lang=None):
    import h13_kv
    lang = lang or pick(r, LANGS)
    repo = G.repo(r)
    mod = pick(r, SERVICES)
    L = header(lang, r, mod)
    if r.random() < 0.5:
        L.append(comment(lang, pick(r, ("TODO: read these from the secret store", "credentials for the %s integration" % mod, "FIXME remove before open-sourcing",
                                        "defaults for local development", "keys rotated 2024-03, see INC-%d" % r.randint(100, 999)))))
    n_sec = r.choice((0, 1, 1, 2, 2, 3)) + G.extra_secrets(r)
    n_neg = r.randint(1, 4)
    slots = ["S"] * n_sec + ["N"] * n_neg + ["F"] * r.randint(1, 3)
    r.shuffle(slots)
    cut = r.randint(0, len(slots))
    start, ind, end = WRAP[lang]
    fill_items = filler_items(r, len(slots))
    try:
        for part, where in ((slots[:cut], "top"), (slots[cut:], "body")):
            h13_kv.WHERE[0] = where
            lines = []
            for i, k in enumerate(part):
                if k == "S":
                    line = G.kv.secret_line(d, r, lang)
                elif k == "N":
                    line = G.kv.neg_line(d, r, lang)
                else:
                    nm, v = fill_items[i % len(fill_items)]
                    line = assign(r, lang, nm, v, v)
                lines.append(line if where == "top" else ind + line)
            if where == "top":
                L += lines
            else:
                h13_kv.WHERE[0] = None
                L += start + lines
                us = usage_snippets(G, d, r, lang)
                m = min((len(x) - len(x.lstrip()) for x in us if x.strip()), default=0)
                L += [ind + x[m:] for x in us]
                L += end
    finally:
        h13_kv.WHERE[0] = None
    L += footer(lang)
    dr = pick(r, DIRS[lang])
    if "%s" in dr:
        dr = dr % mod
    fname = pick(r, ("config", "settings", "client", "%s_client" % mod, "constants", "secrets", "credentials", "bootstrap", mod, "deploy", "env"))
    if lang in ("java", "kotlin", "csharp", "swift", "scala", "dart", "objc"):
        fname = case(fname, "pascal")
    text = nl(L)
    if lang in ("powershell", "csharp") and r.random() < 0.5:
        text = d.transform(text, "crlf")
    return G.rpath(repo, "%s/%s.%s" % (dr, fname, EXT[lang])), text


def k_django(G, d, r):
    repo = G.repo(r)
    L = ['"""Django settings for %s project."""' % repo, "from pathlib import Path", "import os", "", "BASE_DIR = Path(__file__).resolve().parent.parent", ""]
    if r.random() < 0.6:
        L.append("SECRET_KEY = '%s'" % d.S(gen(r, "django-secret-key"), "django-secret-key"))
    else:
        L.append("SECRET_KEY = %s" % d.N('os.environ["DJANGO_SECRET_KEY"]', "env-ref", "python"))
    L += ["DEBUG = False", "ALLOWED_HOSTS = ['%s']" % domain(r), "", "DATABASES = {", "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',",
          "        'NAME': '%s'," % pick(r, SERVICES), "        'USER': 'app',"]
    L.append("        'PASSWORD': '%s'," % d.S(password(r), "db-password") if r.random() < 0.6 else "        'PASSWORD': %s," % d.N("os.getenv('DB_PASSWORD', '')", "env-ref", "python"))
    L += ["        'HOST': '%s'," % host(r), "        'PORT': '5432',", "    }", "}", "", "AUTH_PASSWORD_VALIDATORS = ["]
    for v in ("UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"):
        L.append("    {'NAME': %s}," % d.N("'django.contrib.auth.password_validation.%s'" % v, "name-only", "password-validator"))
    L += ["]", "", "PASSWORD_HASHERS = [", "    %s," % d.N("'django.contrib.auth.hashers.Argon2PasswordHasher'", "benign-value", "password-hasher"), "]", "",
          "EMAIL_HOST = 'smtp.sendgrid.net'", "EMAIL_HOST_USER = 'apikey'"]
    L.append("EMAIL_HOST_PASSWORD = '%s'" % d.S(gen(r, "sendgrid-api-key"), "sendgrid-api-key") if r.random() < 0.5 else "EMAIL_HOST_PASSWORD = %s" % d.N("os.environ.get('SENDGRID_API_KEY')", "env-ref", "python"))
    L += ["CSRF_COOKIE_SECURE = True", "%s" % d.N("SESSION_COOKIE_AGE = 1209600", "name-only", "setting"), "", "AWS_STORAGE_BUCKET_NAME = '%s-media'" % org(r)]
    if r.random() < 0.5:
        L += ["AWS_ACCESS_KEY_ID = '%s'" % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"), "AWS_SECRET_ACCESS_KEY = '%s'" % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key")]
    if r.random() < 0.4:
        L += ["SENTRY_DSN = '%s'" % d.N("https://%s@o%d.ingest.sentry.io/%d" % (NG.hx(r, 32), r.randint(100000, 999999), r.randint(1000000, 9999999)), "public-client-key", "sentry-dsn")]
    return G.rpath(repo, pick(r, ("%s/settings.py" % repo.replace("-", "_"), "config/settings/production.py", "settings/prod.py")), ), nl(L)


def k_rails(G, d, r):
    repo = G.repo(r)
    c = r.randrange(4)
    if c == 0:
        L = ["default: &default", "  adapter: postgresql", "  encoding: unicode", "  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") { 5 } %>", "", "development:", "  <<: *default", "  database: %s_development" % repo.replace("-", "_"),
             "", "production:", "  <<: *default", "  database: %s_production" % repo.replace("-", "_"), "  username: %s" % repo.replace("-", "_")]
        L.append("  password: %s" % (d.N("<%= ENV['DATABASE_PASSWORD'] %>", "template-var", "erb") if r.random() < 0.6 else d.S(password(r), "db-password")))
        if r.random() < 0.4:
            L.append("  url: %s" % d.S(gen(r, "postgres-url"), "postgres-url"))
        return G.rpath(repo, "config/database.yml"), nl(L)
    if c == 1:
        return G.rpath(repo, "config/master.key"), d.S(gen(r, "master-key"), "master-key")
    if c == 2:
        return G.rpath(repo, pick(r, ("config/credentials.yml.enc", "config/credentials/production.yml.enc"))), d.N(NG.encrypted_value(r)[0] if False else "%s--%s--%s==" % (b64(rbytes(r, r.randint(200, 600))), b64(rbytes(r, 9)).rstrip("="), b64(rbytes(r, 16)).rstrip("=")), "encrypted-blob", "rails-credentials-enc")
    L = ["development:", "  secret_key_base: %s" % d.S(gen(r, "rails-secret-key-base"), "rails-secret-key-base"), "", "production:", "  secret_key_base: %s" % d.N("<%= ENV[\"SECRET_KEY_BASE\"] %>", "template-var", "erb")]
    return G.rpath(repo, "config/secrets.yml"), nl(L)


def k_spring(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.5:
        L = ["spring.application.name=%s" % repo, "server.port=8080", "spring.datasource.url=jdbc:postgresql://%s:5432/%s" % (host(r), pick(r, SERVICES)), "spring.datasource.username=app"]
        x = r.random()
        if x < 0.4:
            L.append("spring.datasource.password=%s" % d.S(password(r), "db-password"))
        elif x < 0.7:
            L.append("spring.datasource.password=%s" % d.N("${DB_PASSWORD}", "env-ref", "spring"))
        else:
            L.append("spring.datasource.password=%s" % d.N("ENC(%s)" % b64(rbytes(r, 32)), "encrypted-blob", "jasypt"))
        L += ["spring.jpa.hibernate.ddl-auto=validate", "management.endpoints.web.exposure.include=health,info,prometheus",
              "spring.security.oauth2.client.registration.google.client-id=%s" % d.N("%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id"),
              "spring.security.oauth2.client.registration.google.client-secret=%s" % d.S(gen(r, "google-oauth-client-secret"), "google-oauth-client-secret")]
        for _ in range(r.randint(0, 2)):
            L.append(G.kv.secret_line(d, r, "properties"))
        L.append(G.kv.neg_line(d, r, "properties"))
        if r.random() < 0.4:
            L.append("jasypt.encryptor.password=%s" % d.S(password(r), "jasypt-encryptor-password"))
        return G.rpath(repo, pick(r, ("src/main/resources/application.properties", "src/main/resources/application-prod.properties"))), nl(L)
    L = ["spring:", "  application:", "    name: %s" % repo, "  datasource:", "    url: jdbc:postgresql://%s:5432/%s" % (host(r), pick(r, SERVICES)), "    username: app",
         "    password: %s" % pick(r, (d.S(password(r), "db-password"), d.N("${DB_PASSWORD:}", "env-ref", "spring"))), "  kafka:", "    properties:",
         "      sasl.mechanism: PLAIN", '      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="%s";' % (rs_any(r, ANU, 16), d.S(gen(r, "kafka-sasl-password"), "kafka-sasl-password")),
         "  data:", "    redis:", "      password: %s" % pick(r, (d.S(gen(r, "redis-password"), "redis-password"), d.N('""', "short-or-empty", "empty"))), "app:"]
    L += kv_block(G, d, r, "yaml", r.randint(1, 2), r.randint(1, 2), 1, indent="  ")
    return G.rpath(repo, pick(r, ("src/main/resources/application.yml", "src/main/resources/application-prod.yml"))), nl(L)


def k_dotnet(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.6:
        parts = ['  "Logging": {\n    "LogLevel": {\n      "Default": "Information",\n      "Microsoft.AspNetCore": "Warning"\n    }\n  }', '  "AllowedHosts": "*"',
                 '  "ConnectionStrings": {\n    "DefaultConnection": "%s"\n  }' % d.S(gen(r, "sqlserver-ado-connection-string"), "sqlserver-ado-connection-string"),
                 '  "AzureAd": {\n    "Instance": "https://login.microsoftonline.com/",\n    "TenantId": "%s",\n    "ClientId": "%s",\n    "ClientSecret": "%s"\n  }' % (
                     uuid_neg(d, r, "tenant-id"), d.N(uuid4(r), "public-identifier", "azure-app-client-id"), d.S(gen(r, "azure-ad-client-secret"), "azure-ad-client-secret") if r.random() < 0.6 else d.N("", "short-or-empty", "empty") if False else d.N("<client-secret>", "placeholder", "generic")),
                 '  "Jwt": {\n    "Issuer": "https://api.%s",\n    "Key": "%s"\n  }' % (domain(r), d.S(gen(r, "jwt-signing-secret"), "jwt-signing-secret"))]
        if r.random() < 0.5:
            parts.append('  "ApplicationInsights": {\n    "ConnectionString": "%s"\n  }' % d.N("InstrumentationKey=%s;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/" % uuid4(r), "public-client-key", "app-insights"))
        if r.random() < 0.5:
            parts.append('  "Storage": {\n    "ConnectionString": "%s"\n  }' % d.S(gen(r, "azure-storage-connection-string"), "azure-storage-connection-string"))
        text = "{\n%s\n}\n" % ",\n".join(parts)
        return G.rpath(repo, pick(r, ("appsettings.json", "appsettings.Production.json", "src/Api/appsettings.Development.json"))), d.transform(text, "crlf") if r.random() < 0.5 else text
    L = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>",
         '    <add name="Main" connectionString="%s" providerName="System.Data.SqlClient" />' % d.S(gen(r, "sqlserver-connection-string"), "sqlserver-connection-string"), "  </connectionStrings>", "  <appSettings>"]
    for _ in range(r.randint(1, 3)):
        nm, vm, v, f = G.kv.secret(d, r, "xml")
        L.append('    <add key="%s" value="%s" />' % (case(nm, "pascal"), vm))
    L += ['    <add key="Environment" value="Production" />', "  </appSettings>", "  <system.web>",
          '    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />' % (d.S(gen(r, "aspnet-machine-key"), "aspnet-machine-key"), d.S(rs(r, "0123456789ABCDEF", 64), "aspnet-machine-key")),
          "  </system.web>", "</configuration>"]
    return G.rpath(repo, "Web.config"), d.transform(nl(L), "crlf")


def k_wpconfig(G, d, r):
    L = ["<?php", "/** The base configuration for WordPress */", "define( 'DB_NAME', '%s_wp' );" % org(r), "define( 'DB_USER', 'wp_%s' );" % rs_any(r, ANL, 5),
         "define( 'DB_PASSWORD', '%s' );" % d.S(password(r), "db-password"), "define( 'DB_HOST', '%s' );" % host(r), "define( 'DB_CHARSET', 'utf8mb4' );", ""]
    for k in ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"):
        L.append("define( '%s',%s'%s' );" % (k, " " * (17 - len(k)), d.S(gen(r, "wordpress-auth-salt"), "wordpress-auth-salt")))
    L += ["", "$table_prefix = 'wp_';", "define( 'WP_DEBUG', false );", "if ( ! defined( 'ABSPATH' ) ) {", "\tdefine( 'ABSPATH', __DIR__ . '/' );", "}", "require_once ABSPATH . 'wp-settings.php';"]
    return G.uniq("srv/www/%s/wp-config.php" % domain(r)), nl(L)


def k_test_file(G, d, r):
    repo = G.repo(r)
    lang = pick(r, ("python", "javascript", "typescript", "go", "ruby", "java"))
    c = COMMENT.get(lang, "//")
    jf = pick(r, ("jwt-hs256", "jwt-rs256", "jwt-es256", "jwt-hs512", "jwt-ps256"))
    jw = gen(r, jf)
    L = []
    if lang == "python":
        L += ["import hmac", "import hashlib", "import pytest", "", "from app.auth import verify_token, sign", ""]
        L.append('TEST_JWT = "%s"' % d.S(jw, jf))
        for tv, sub in r.sample(NG.TEST_VECTORS, r.randint(1, 3)):
            L.append('%s = bytes.fromhex("%s")' % (case(sub, "UP"), d.N(tv, "test-vector", sub)))
        L.append('RFC4231_KEY = bytes.fromhex("%s")' % d.N(NG.TEST_VECTORS[0][0], "test-vector", "rfc4231-hmac-key"))
        L.append('FAKE_TOKEN = "%s"' % d.N(pick(r, ("test-token", "dummy", "fake-api-key", "not-a-real-key")), "placeholder", "generic"))
        L += ["", "", "def test_rejects_expired_token():", "    with pytest.raises(ExpiredSignature):", "        verify_token(TEST_JWT)", "",
              "def test_hmac_vector():", '    mac = hmac.new(RFC4231_KEY, b"Hi There", hashlib.sha256).hexdigest()', '    assert mac == "%s"' % d.N(NG.hx(r, 64), "signature", "expected-hmac-digest")]
        if r.random() < 0.5:
            L += ["", "def test_client_uses_key(monkeypatch):", '    monkeypatch.setenv("STRIPE_SECRET_KEY", "%s")' % d.S(gen(r, "stripe-secret-key-test"), "stripe-secret-key-test"), "    assert client().api_key.startswith('sk_test_')"]
        ext = "py"
        path = "tests/test_%s.py" % pick(r, ("auth", "tokens", "webhooks", "client", "signing"))
    elif lang in ("javascript", "typescript"):
        L += ["import { describe, it, expect } from 'vitest';", "import { verify } from '../src/auth';", ""]
        L.append("const token = '%s';" % d.S(jw, jf))
        tv, tsub = pick(r, NG.TEST_VECTORS)
        L.append("const testKey = Buffer.from('%s', 'hex');" % d.N(tv, "test-vector", tsub))
        L.append("const webhookSecret = '%s';" % (d.S(gen(r, "stripe-webhook-secret"), "stripe-webhook-secret") if r.random() < 0.5 else d.N("whsec_test_secret", "placeholder", "generic")))
        L.append("const sig = '%s';" % d.N(NG.signature(r)[0] if False else "t=%d,v1=%s" % (epoch(r), NG.hx(r, 64)), "signature", "stripe-signature"))
        L += ["", "describe('auth', () => {", "  it('verifies a token', () => {", "    expect(verify(token, { ignoreExpiration: true })).toBeTruthy();", "  });",
              "  it('uses the mock key', () => {", "    expect(process.env.API_KEY ?? '%s').toBeDefined();" % d.N(pick(r, ("test-key", "dummy-key")), "placeholder", "generic"), "  });", "});"]
        ext = "test." + ("ts" if lang == "typescript" else "js")
        path = "src/__tests__/%s.%s" % (pick(r, ("auth", "webhook", "session", "api")), ext)
    elif lang == "go":
        L += ["package auth", "", "import \"testing\"", "", "var testKey = []byte(\"%s\")" % d.N(NG.test_vector(r)[0], "test-vector", "crypto-test-vector"),
              "const sampleJWT = \"%s\"" % d.S(jw, jf), "",
              "func TestVerify(t *testing.T) {", "\tif _, err := Verify(sampleJWT, testKey); err == nil {", "\t\tt.Fatal(\"expected expiry error\")", "\t}", "}"]
        path = "internal/auth/verify_test.go"
    elif lang == "ruby":
        tv, tsub = pick(r, NG.TEST_VECTORS)
        L += ["require 'rails_helper'", "", "RSpec.describe TokenVerifier do", "  let(:secret) { '%s' }" % d.N(pick(r, ("test-secret", "dummy")), "placeholder", "generic"),
              "  let(:hmac_key) { ['%s'].pack('H*') }" % d.N(tv, "test-vector", tsub),
              "  let(:token) { '%s' }" % d.S(jw, jf),
              "  it 'rejects tampered tokens' do", "    expect { described_class.new(secret).verify!(token) }.to raise_error(JWT::VerificationError)", "  end", "end"]
        path = "spec/services/token_verifier_spec.rb"
    else:
        L += ["package com.%s.auth;" % org(r), "", "import org.junit.jupiter.api.Test;", "", "class SignerTest {",
              "    private static final String KEY_HEX = \"%s\";" % d.N(NG.test_vector(r)[0], "test-vector", "crypto-test-vector"),
              "    private static final String TOKEN = \"%s\";" % d.S(jw, jf),
              "    @Test", "    void roundTrip() { /* ... */ }", "}"]
        path = "src/test/java/com/%s/auth/SignerTest.java" % org(r)
    return G.rpath(repo, path), nl(L)


def k_webhook_fixture(G, d, r):
    repo = G.repo(r)
    o, rp = org(r), pick(r, SERVICES)
    commits = []
    for _ in range(r.randint(1, 3)):
        sha = git_sha_neg(d, r)
        commits.append('      {\n        "id": "%s",\n        "tree_id": "%s",\n        "message": "%s",\n        "timestamp": "%s",\n        "author": {"name": "%s", "email": "%s"}\n      }' % (
            sha, git_sha_neg(d, r), pick(r, ("fix: token refresh race", "chore: rotate webhook secret", "feat: add api key scopes", "docs: password policy")), iso(r), username(r), email(r)))
    text = ('{\n  "headers": {\n    "X-GitHub-Event": "push",\n    "X-GitHub-Delivery": "%s",\n    "X-Hub-Signature": "%s",\n    "X-Hub-Signature-256": "%s",\n    "User-Agent": "GitHub-Hookshot/%s"\n  },\n'
            '  "payload": {\n    "ref": "refs/heads/main",\n    "before": "%s",\n    "after": "%s",\n    "repository": {"id": %d, "full_name": "%s/%s", "node_id": "%s"},\n    "commits": [\n%s\n    ],\n    "installation": {"id": %d, "node_id": "%s"}\n  },\n  "secret": "%s"\n}\n') % (
        uuid_neg(d, r, "github-delivery"), d.N("sha1=" + NG.hx(r, 40), "signature", "github-hub-signature-sha1"), d.N("sha256=" + NG.hx(r, 64), "signature", "github-hub-signature"),
        NG.hx(r, 7), git_sha_neg(d, r), git_sha_neg(d, r), r.randint(10**7, 10**9), o, rp, d.N("R_kgDO" + rs_any(r, AN, 8), "api-object-id", "graphql-node-id"), ",\n".join(commits),
        r.randint(10**7, 10**8), d.N("MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" + rs_any(r, AN, 8), "api-object-id", "graphql-node-id"),
        d.N(pick(r, ("test-webhook-secret", "dummy-secret", "fixture-secret")), "placeholder", "fixture"))
    return G.rpath(repo, pick(r, ("tests/fixtures/webhooks/github_push.json", "spec/fixtures/github/push_event.json", "test/data/webhook-push.json"))), text


def k_fixture(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.5:
        users = []
        for i in range(r.randint(2, 6)):
            f, l = person(r)
            users.append('    {\n      "id": "%s",\n      "email": "%s.%s@%s",\n      "password": "%s",\n      "api_token": "%s",\n      "created_at": "%s"\n    }' % (
                uuid_neg(d, r, "fixture-id"), f, l, domain(r), d.N(pick(r, ("password123", "test", "hunter2-test", "secret", "changeme")), "placeholder", "fixture-password") if r.random() < 0.7 else d.N(NG.password_hash(r)[0], "password-hash", "fixture"),
                d.N(pick(r, ("test-token-%d" % i, "tok_test_%d" % i, "dummy")), "placeholder", "fixture-token") if r.random() < 0.6 else d.S(gen(r, "access-token-generic"), "access-token-generic"), iso(r)))
        return G.rpath(repo, pick(r, ("tests/fixtures/users.json", "test/fixtures/accounts.json", "spec/fixtures/users.json", "cypress/fixtures/users.json"))), '{\n  "users": [\n%s\n  ]\n}\n' % ",\n".join(users)
    inter = []
    for _ in range(r.randint(1, 4)):
        auth = d.S(gen(r, "http-bearer-token"), "http-bearer-token") if r.random() < 0.4 else d.N(pick(r, ("<FILTERED>", "<API_KEY>", "REDACTED")), "masked-value", "vcr-filter")
        inter.append("- request:\n    body:\n      encoding: utf-8\n      string: '{\"amount\": %d}'\n    headers:\n      Authorization:\n      - Bearer %s\n      User-Agent:\n      - python-requests/2.32.3\n    method: POST\n    uri: https://api.%s/v1/charges\n"
                     "  response:\n    body:\n      string: '{\"id\": \"%s\", \"status\": \"succeeded\", \"request_id\": \"%s\"}'\n    headers:\n      X-Request-Id:\n      - %s\n    status:\n      code: 200\n      message: OK" % (
                         r.randint(100, 99999), auth, domain(r), d.N(NG.api_object_id(r, "stripe")[0], "api-object-id", "fixture"), uuid_neg(d, r, "request-id"), trace_neg(d, r)))
    return G.rpath(repo, "tests/cassettes/test_%s.yaml" % pick(r, ("charge", "refund", "webhook", "sync"))), "interactions:\n%s\nversion: 1\n" % "\n".join(inter)


def k_notebook(G, d, r):
    repo = G.repo(r)
    cells = []

    def code(src_lines, outputs=None, n=None):
        src = "\n".join(src_lines)
        srcm = d.transform(src, "json")
        parts = srcm.split("\\n")
        js = ",\n    ".join('"%s%s"' % (p, "\\n" if i < len(parts) - 1 else "") for i, p in enumerate(parts))
        return ('  {\n   "cell_type": "code",\n   "execution_count": %s,\n   "id": "%s",\n   "metadata": {},\n   "outputs": [%s],\n   "source": [\n    %s\n   ]\n  }' % (
            n if n else "null", rs_any(r, "0123456789abcdef", 8), outputs or "", js))

    def md(text):
        return '  {\n   "cell_type": "markdown",\n   "id": "%s",\n   "metadata": {},\n   "source": [\n    "%s"\n   ]\n  }' % (rs_any(r, "0123456789abcdef", 8), jesc(text))

    n = 1
    cells.append(md("# %s analysis\n" % pick(r, SERVICES).capitalize()))
    src = ["import os", "import pandas as pd", "import sqlalchemy as sa"]
    x = r.random()
    if x < 0.35:
        src.append('os.environ["OPENAI_API_KEY"] = "%s"' % d.S(gen(r, pick(r, ("openai-project-key", "openai-api-key-legacy"))), "openai-project-key"))
    elif x < 0.55:
        src.append('HF_TOKEN = "%s"' % d.S(gen(r, "huggingface-token"), "huggingface-token"))
    elif x < 0.7:
        src.append('api_key = %s' % d.N('os.environ["ANTHROPIC_API_KEY"]', "env-ref", "python"))
    else:
        nm, vm, v, f = G.kv.secret(d, r, "python")
        src.append('%s = "%s"' % (case(nm, "snake"), vm))
    cells.append(code(src, n=n))
    n += 1
    f = pick(r, ("postgresql-url", "sqlalchemy-postgres-url", "snowflake-url", "redshift-jdbc-url", "mysql-url"))
    eng = d.S(gen(r, f), f) if r.random() < 0.6 else d.N('os.environ["WAREHOUSE_URL"]', "env-ref", "python")
    q = 'engine = sa.create_engine("%s")' % eng if "env-ref" not in eng else "engine = sa.create_engine(%s)" % eng
    rows = []
    for i in range(r.randint(3, 6)):
        rows.append("%d  %s  %s  %d" % (i, NG.uuid4(r), pick(r, ("active", "churned", "trial")), r.randint(1, 9000)))
    out_text = "   customer_id                               status   mrr\n" + "\n".join(rows)
    om = d.transform(out_text, "json")
    outputs = '\n    {\n     "name": "stdout",\n     "output_type": "stream",\n     "text": [\n      "%s"\n     ]\n    }\n   ' % om
    cells.append(code([q, 'df = pd.read_sql("select customer_id, status, mrr from subscriptions limit 5", engine)', "print(df)"], outputs, n))
    n += 1
    if r.random() < 0.6:
        img = d.N(NG.png_b64(r, r.randint(600, 3000)), "base64-data", "notebook-png")
        outputs = '\n    {\n     "data": {\n      "image/png": "%s",\n      "text/plain": [\n       "<Figure size 640x480 with 1 Axes>"\n      ]\n     },\n     "metadata": {},\n     "output_type": "display_data"\n    }\n   ' % img
        cells.append(code(["df.plot(x='status', y='mrr', kind='bar')"], outputs, n))
        n += 1
    if r.random() < 0.5:
        tok = gen(r, "http-bearer-token")
        cells.append(code(['resp = requests.get("https://api.%s/v1/usage", headers={"Authorization": "Bearer %s"})' % (domain(r), d.S(tok, "http-bearer-token")), "resp.json()"],
                          '\n    {\n     "data": {\n      "text/plain": [\n       "{\'request_id\': \'%s\', \'tokens_used\': %d}"\n      ]\n     },\n     "execution_count": %d,\n     "metadata": {},\n     "output_type": "execute_result"\n    }\n   ' % (uuid_neg(d, r, "request-id"), r.randint(100, 99999), n), n))
        n += 1
    text = '{\n "cells": [\n%s\n ],\n "metadata": {\n  "kernelspec": {\n   "display_name": "Python 3 (ipykernel)",\n   "language": "python",\n   "name": "python3"\n  },\n  "language_info": {\n   "name": "python",\n   "version": "3.11.%d"\n  }\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n' % (",\n".join(cells), r.randint(4, 9))
    return G.rpath(repo, pick(r, ("notebooks/%s.ipynb" % pick(r, ("exploration", "churn", "eda", "prompt-eval", "cohorts")), "analysis/%s_%d.ipynb" % (pick(r, SERVICES), r.randint(1, 20))))), text


def k_sql(G, d, r):
    repo = G.repo(r)
    c = r.randrange(4)
    if c == 0:
        L = ["--", "-- PostgreSQL database dump", "--", "", "-- Dumped from database version 16.3", "-- Dumped by pg_dump version 16.3", "", "SET statement_timeout = 0;",
             "SET client_encoding = 'UTF8';", "SET standard_conforming_strings = on;", "", "CREATE TABLE public.users (", "    id uuid NOT NULL,", "    email text NOT NULL,",
             "    password_hash text NOT NULL,", "    created_at timestamp with time zone DEFAULT now()", ");", "", "CREATE TABLE public.integrations (", "    id bigint NOT NULL,",
             "    provider text NOT NULL,", "    access_token text,", "    refresh_token text,", "    account_id uuid", ");", "",
             "COPY public.users (id, email, password_hash, created_at) FROM stdin;"]
        for _ in range(r.randint(3, 10)):
            L.append("%s\t%s\t%s\t%s+00" % (uuid_neg(d, r, "row-id"), email(r), d.N(NG.password_hash(r)[0], "password-hash", "users-table"), ts(r).replace("T", " ")))
        L += ["\\.", "", "COPY public.integrations (id, provider, access_token, refresh_token, account_id) FROM stdin;"]
        for i in range(r.randint(2, 6)):
            f = pick(r, ("slack-bot-token", "github-oauth-token", "google-oauth-access-token", "hubspot-private-app-token", "shopify-admin-access-token", "salesforce-access-token", "facebook-access-token"))
            rt = d.S(gen(r, "google-oauth-refresh-token"), "google-oauth-refresh-token") if "google" in f else "\\N"
            L.append("%d\t%s\t%s\t%s\t%s" % (i + 1, f.split("-")[0], d.S(gen(r, f), f), rt, uuid_neg(d, r, "row-id")))
        L += ["\\.", "", "ALTER TABLE ONLY public.users", "    ADD CONSTRAINT users_pkey PRIMARY KEY (id);", ""]
        return G.uniq("dumps/%s_%s.sql" % (pick(r, SERVICES), ts(r)[:10].replace("-", ""))), nl(L)
    if c == 1:
        L = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "--", "-- Host: %s    Database: %s" % (host(r), pick(r, SERVICES)), "-- ------------------------------------------------------",
             "/*!40101 SET NAMES utf8mb4 */;", "", "DROP TABLE IF EXISTS `settings`;", "CREATE TABLE `settings` (", "  `name` varchar(191) NOT NULL,", "  `value` text,", "  PRIMARY KEY (`name`)",
             ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "", "LOCK TABLES `settings` WRITE;"]
        vals = []
        for _ in range(r.randint(2, 5)):
            nm, vm, v, f = G.kv.secret(d, r, "json")
            vals.append("('%s','%s')" % (case(nm, "snake"), vm))
        vals += ["('site_name','%s')" % org(r).capitalize(), "('%s','%s')" % ("password_min_length", "12"), "('maintenance_mode','0')"]
        r.shuffle(vals)
        L.append("INSERT INTO `settings` VALUES %s;" % ",".join(vals))
        L += ["UNLOCK TABLES;", "", "LOCK TABLES `users` WRITE;"]
        us = ",".join("(%d,'%s','%s','%s')" % (i + 1, email(r), d.N("$2y$10$" + rs_any(r, NG.BC, 53), "password-hash", "bcrypt-php"), ts(r).replace("T", " ")) for i in range(r.randint(2, 6)))
        L += ["INSERT INTO `users` VALUES %s;" % us, "UNLOCK TABLES;"]
        return G.uniq("dumps/%s-%s.sql" % (pick(r, SERVICES), ts(r)[:10])), nl(L)
    if c == 2:
        L = ["-- V%d__create_service_roles.sql" % r.randint(2, 80), "BEGIN;", "CREATE ROLE %s_rw LOGIN;" % pick(r, SERVICES),
             "ALTER ROLE %s_rw WITH PASSWORD '%s';" % (pick(r, SERVICES), d.S(password(r), "sql-create-user-password")),
             "CREATE USER '%s'@'%%' IDENTIFIED BY '%s';" % (pick(r, ("report", "etl", "grafana")), d.S(password(r), "sql-create-user-password")),
             "GRANT SELECT ON ALL TABLES IN SCHEMA public TO %s_ro;" % pick(r, SERVICES), "", "CREATE TABLE password_resets (", "    %s" % d.N("token_hash char(64) NOT NULL", "name-only", "sql-column"),
             "    user_id uuid NOT NULL REFERENCES users(id),", "    expires_at timestamptz NOT NULL", ");", "",
             "INSERT INTO api_clients (name, client_id, client_secret_sha256) VALUES ('%s', '%s', '%s');" % (pick(r, ("mobile", "partner", "cli")), uuid_neg(d, r, "client-id"), d.N(NG.sha256(r), "password-hash", "sha256-of-secret")),
             "COMMIT;"]
        return G.rpath(repo, "db/migrations/V%d__%s.sql" % (r.randint(2, 99), pick(r, ("roles", "service_users", "api_clients", "grants")))), nl(L)
    L = ['"""add integrations table', "", "Revision ID: %s" % d.N(NG.hx(r, 12), "git-sha", "alembic-revision"), "Revises: %s" % d.N(NG.hx(r, 12), "git-sha", "alembic-revision"), '"""',
         "from alembic import op", "import sqlalchemy as sa", "", "", "def upgrade():", "    op.execute(\"ALTER USER reporting WITH PASSWORD '%s'\")" % d.S(password(r), "sql-create-user-password"),
         "    op.add_column('integrations', sa.Column('%s', sa.Text(), nullable=True))" % "access_token_encrypted", "", "", "def downgrade():", "    op.drop_column('integrations', 'access_token_encrypted')"]
    return G.rpath(repo, "alembic/versions/%s_add_integrations.py" % NG.hx(r, 12)), nl(L)


def k_mobile(G, d, r):
    repo = G.repo(r)
    c = r.randrange(7)
    o = org(r)
    pn = str(r.randint(10**11, 10**12 - 1))
    proj = "%s-%s" % (o, pick(r, ("app", "prod", "mobile")))
    if c == 0:
        text = ('{\n  "project_info": {\n    "project_number": "%s",\n    "project_id": "%s",\n    "storage_bucket": "%s.appspot.com"\n  },\n  "client": [\n    {\n      "client_info": {\n        "mobilesdk_app_id": "%s",\n'
                '        "android_client_info": {\n          "package_name": "com.%s.app"\n        }\n      },\n      "oauth_client": [\n        {\n          "client_id": "%s",\n          "client_type": 3\n        }\n      ],\n'
                '      "api_key": [\n        {\n          "current_key": "%s"\n        }\n      ],\n      "services": {\n        "appinvite_service": {\n          "other_platform_oauth_client": []\n        }\n      }\n    }\n  ],\n  "configuration_version": "1"\n}\n') % (
            d.N(pn, "public-identifier", "firebase-project-number"), proj, proj, d.N("1:%s:android:%s" % (pn, NG.hx(r, 16)), "public-identifier", "firebase-app-id"), o,
            d.N("%s-%s.apps.googleusercontent.com" % (pn, rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id"), d.S(gen(r, "google-api-key"), "google-api-key"))
        return G.rpath(repo, pick(r, ("android/app/google-services.json", "app/google-services.json"))), text
    if c == 1:
        items = [("API_KEY", d.S(gen(r, "google-api-key"), "google-api-key")), ("GCM_SENDER_ID", d.N(pn, "public-identifier", "gcm-sender-id")), ("PLIST_VERSION", "1"),
                 ("BUNDLE_ID", "com.%s.app" % o), ("PROJECT_ID", proj), ("STORAGE_BUCKET", "%s.appspot.com" % proj), ("GOOGLE_APP_ID", d.N("1:%s:ios:%s" % (pn, NG.hx(r, 22)), "public-identifier", "firebase-app-id")),
                 ("CLIENT_ID", d.N("%s-%s.apps.googleusercontent.com" % (pn, rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id"))]
        body = "\n".join("\t<key>%s</key>\n\t<string>%s</string>" % kv for kv in items)
        return G.rpath(repo, "ios/Runner/GoogleService-Info.plist"), '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n%s\n</dict>\n</plist>\n' % body
    if c == 2:
        items = [("CFBundleDisplayName", o.capitalize()), ("CFBundleIdentifier", "$(PRODUCT_BUNDLE_IDENTIFIER)"), ("CFBundleShortVersionString", semver(r)),
                 ("FacebookAppID", d.N(str(r.randint(10**14, 10**15)), "public-identifier", "facebook-app-id")), ("FacebookClientToken", d.N(NG.hx(r, 32), "public-client-key", "facebook-client-token")),
                 ("GMSApiKey", d.S(gen(r, "google-api-key"), "google-api-key")), ("SentryDSN", d.N("https://%s@o%d.ingest.sentry.io/%d" % (NG.hx(r, 32), r.randint(100000, 999999), r.randint(1000000, 9999999)), "public-client-key", "sentry-dsn")),
                 ("RevenueCatAPIKey", d.N("appl_" + rs_any(r, AN, 27), "public-client-key", "revenuecat-public-key"))]
        if r.random() < 0.5:
            nm, vm, v, f = G.kv.secret(d, r, "xml")
            items.append((case(nm, "pascal"), vm))
        body = "\n".join("\t<key>%s</key>\n\t<string>%s</string>" % kv for kv in items)
        return G.rpath(repo, "ios/%s/Info.plist" % o.capitalize()), '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n%s\n\t<key>UIRequiredDeviceCapabilities</key>\n\t<array>\n\t\t<string>armv7</string>\n\t</array>\n</dict>\n</plist>\n' % body
    if c == 3:
        L = ['<?xml version="1.0" encoding="utf-8"?>', '<manifest xmlns:android="http://schemas.android.com/apk/res/android"', '    package="com.%s.app">' % o, "",
             '    <uses-permission android:name="android.permission.INTERNET" />', "", '    <application', '        android:name=".App"', '        android:label="@string/app_name">',
             '        <meta-data android:name="com.google.android.geo.API_KEY" android:value="%s" />' % d.S(gen(r, "google-api-key"), "google-api-key"),
             '        <meta-data android:name="com.facebook.sdk.ApplicationId" android:value="%s" />' % d.N("@string/facebook_app_id", "template-var", "android-resource"),
             '        <meta-data android:name="io.sentry.dsn" android:value="%s" />' % d.N("https://%s@o%d.ingest.sentry.io/%d" % (NG.hx(r, 32), r.randint(100000, 999999), r.randint(1000000, 9999999)), "public-client-key", "sentry-dsn"),
             '        <activity android:name=".MainActivity" android:exported="true" />', '    </application>', '</manifest>']
        return G.rpath(repo, "android/app/src/main/AndroidManifest.xml"), nl(L)
    if c == 4:
        def pw(fmt, envname):
            if r.random() < 0.6:
                return '"%s"' % d.S(password(r), fmt)
            return d.N('System.getenv("%s")' % envname, "env-ref", "groovy")
        L = ["android {", "    namespace 'com.%s.app'" % o, "    compileSdk 34", "    defaultConfig {", "        applicationId \"com.%s.app\"" % o, "        minSdk 24",
             '        buildConfigField "String", "API_KEY", "\\"%s\\""' % d.S(gen(r, "api-key-generic"), "api-key-generic"), "    }", "    signingConfigs {", "        release {",
             "            storeFile file(%s)" % d.N('"../keystores/release.jks"', "file-path", "path"), "            storePassword %s" % pw("android-keystore-password", "KEYSTORE_PASSWORD"),
             "            keyAlias \"upload\"", "            keyPassword %s" % pw("android-key-password", "KEY_PASSWORD"), "        }", "    }", "}"]
        return G.rpath(repo, "android/app/build.gradle"), nl(L)
    if c == 5:
        L = ["sdk.dir=%s" % d.N("/Users/%s/Library/Android/sdk" % username(r).split(".")[0], "file-path", "path"), "flutter.sdk=/opt/flutter",
             "MAPS_API_KEY=%s" % d.S(gen(r, "google-api-key"), "google-api-key")]
        if r.random() < 0.5:
            L.append("SENTRY_AUTH_TOKEN=%s" % d.S(gen(r, "sentry-user-auth-token"), "sentry-user-auth-token"))
        return G.rpath(repo, "android/local.properties"), nl(L)
    L = ["// File generated by FlutterFire CLI.", "import 'package:firebase_core/firebase_core.dart' show FirebaseOptions;", "", "class DefaultFirebaseOptions {",
         "  static const FirebaseOptions android = FirebaseOptions(", "    apiKey: '%s'," % d.S(gen(r, "google-api-key"), "google-api-key"),
         "    appId: '%s'," % d.N("1:%s:android:%s" % (pn, NG.hx(r, 16)), "public-identifier", "firebase-app-id"), "    messagingSenderId: '%s'," % d.N(pn, "public-identifier", "gcm-sender-id"),
         "    projectId: '%s'," % proj, "    storageBucket: '%s.appspot.com'," % proj, "  );", "}"]
    return G.rpath(repo, "lib/firebase_options.dart"), nl(L)


KINDS = [("webhook-fixture", 6, k_webhook_fixture), ("source", 160, k_source), ("django", 6, k_django), ("rails", 8, k_rails), ("spring", 8, k_spring), ("dotnet", 8, k_dotnet), ("wp-config", 4, k_wpconfig),
         ("test-file", 18, k_test_file), ("fixture", 10, k_fixture), ("notebook", 14, k_notebook), ("sql", 14, k_sql), ("mobile", 16, k_mobile)]
