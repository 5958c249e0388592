"""Programming-language renderers: literals, entry templates and filler code."""
import re

from .util import (esc_backslash_dq, esc_backslash_sq, esc_newline_literal, snake, screaming, camel, pascal, dotted, kebab)

FN_WORDS = [["get", "access", "token"], ["refresh", "token"], ["rotate", "api", "key"], ["validate", "password"], ["load", "credentials"],
            ["build", "auth", "header"], ["fetch", "secret"], ["hash", "password"], ["verify", "signature"], ["issue", "session", "token"],
            ["revoke", "token"], ["encrypt", "payload"], ["decrypt", "secret"], ["check", "password", "policy"], ["resolve", "secret", "name"],
            ["make", "cache", "key"], ["sign", "request"], ["parse", "bearer", "token"], ["list", "api", "keys"], ["create", "api", "key"],
            ["mask", "secret"], ["redact", "credentials"], ["tokenize"], ["count", "tokens"], ["load", "tokenizer"], ["derive", "key"],
            ["get", "signing", "key"], ["store", "credential"], ["get", "user"], ["list", "orders"], ["send", "email"], ["upload", "file"],
            ["retry", "request"], ["handle", "webhook"], ["process", "payment"], ["sync", "accounts"], ["reset", "password"],
            ["exchange", "code"], ["lookup", "key", "id"], ["invalidate", "cache"], ["authorize"], ["authenticate"], ["export", "report"]]
CLS_WORDS = [["token", "service"], ["auth", "client"], ["credential", "provider"], ["secret", "store"], ["password", "policy"],
             ["api", "key", "manager"], ["session", "manager"], ["key", "ring"], ["token", "cache"], ["payment", "gateway"], ["order", "repository"],
             ["webhook", "handler"], ["signing", "service"], ["user", "service"], ["notification", "client"], ["config", "loader"],
             ["rate", "limiter"], ["tokenizer", "wrapper"], ["oauth", "client"], ["vault", "client"]]
ARG_WORDS = [["token"], ["password"], ["api", "key"], ["secret", "name"], ["user", "id"], ["cache", "key"], ["key", "id"], ["scope"],
             ["credentials"], ["request"], ["payload"], ["order", "id"], ["raw", "password"], ["auth", "header"], ["refresh", "token"],
             ["tokenizer"], ["text"], ["client", "id"], ["session"], ["signature"]]
FIELD_WORDS = [["token", "ttl"], ["password", "min", "length"], ["secret", "name"], ["key", "id"], ["auth", "url"], ["token", "expiry"],
               ["max", "retries"], ["timeout"], ["cache", "key", "prefix"], ["api", "base", "url"], ["region"], ["password", "policy"],
               ["token", "issuer"], ["credential", "source"], ["key", "rotation", "days"], ["auth", "mode"], ["tokenizer", "model"]]
PATHS = ["v1/orders", "v2/users/me", "api/tokens", "oauth/token", "v1/charges", "internal/keys", "v1/secrets", "health", "v3/reports",
         "v1/webhooks", "auth/session", "v1/customers"]
SCOPES = ["read:orders", "write:users", "admin", "openid profile", "repo", "payments:write", "reports.read", "offline_access"]
MSGS = ["token expired", "invalid password", "missing api key", "secret not found", "credential refresh failed", "unauthorized",
        "rotating signing key", "cache miss for key", "password policy violation", "rate limited"]
VENDORS = ["Stripe", "Slack", "Github", "Openai", "Sendgrid", "Twilio", "Datadog", "Acme", "Billing", "Payments", "Search", "Storage", "Notion",
           "Linear", "Shopify", "Sentry", "Vault", "Mailgun"]
COMMENTS = ["TODO: move to vault", "prod", "rotate quarterly", "do not commit", "temporary", "from 1Password", "set by ops", "shared with staging",
            "FIXME", "legacy key, remove after migration", "see runbook", "used by cron", "expires 2025-12"]
HOSTS = ["api.acme.io", "billing.internal", "auth.example.com", "gateway.prod.svc", "payments.acme.io", "search.internal:9200"]

PH = re.compile(r"@@(\w+)@@")
KEYS = re.compile(r"\{(\w+)\}")


def fill(r, lang, tmpl, case):
    cache = {}

    def sub(m):
        k = m.group(1)
        base = k.rstrip("0123456789")
        if k in cache:
            return cache[k]
        if base == "fn":
            v = case(r.choice(FN_WORDS))
        elif base == "Fn":
            v = pascal(r.choice(FN_WORDS))
        elif base == "cls":
            v = pascal(r.choice(CLS_WORDS))
        elif base == "arg":
            v = case(r.choice(ARG_WORDS))
        elif base == "field":
            v = case(r.choice(FIELD_WORDS))
        elif base == "FIELD":
            v = screaming(r.choice(FIELD_WORDS))
        elif base == "n":
            v = str(r.choice([3, 5, 10, 30, 60, 100, 300, 900, 3600, 86400]))
        elif base == "path":
            v = r.choice(PATHS)
        elif base == "scope":
            v = r.choice(SCOPES)
        elif base == "msg":
            v = r.choice(MSGS)
        elif base == "host":
            v = r.choice(HOSTS)
        elif base == "Vendor":
            v = r.choice(VENDORS)
        elif base == "word":
            v = r.choice(["orders", "users", "invoices", "tokens", "keys", "sessions", "events", "accounts"])
        else:
            return m.group(0)
        cache[k] = v
        return v
    return PH.sub(sub, tmpl)


def subst(tmpl, names):
    return KEYS.sub(lambda m: names.get(m.group(1), m.group(0)), tmpl)


def name_forms(w, extra=None):
    d = {"NAME": screaming(w), "name": snake(w), "nameC": camel(w), "Name": pascal(w), "dotted": dotted(w), "kebab": kebab(w)}
    if extra:
        d.update(extra)
    return d


# ------------------------------------------------------------------- literals
def lit_dq(v):
    return '"', esc_backslash_dq, '"'


def lit_sq(v):
    return "'", esc_backslash_sq, "'"


def py_lit(r, v):
    if v.multiline:
        return ('"""', None, '"""') if r.random() < .6 else ('"', esc_backslash_dq, '"')
    return lit_dq(v) if r.random() < .6 else lit_sq(v)


def js_lit(r, v):
    if v.multiline:
        return ("`", None, "`") if r.random() < .6 else ('"', esc_backslash_dq, '"')
    c = r.random()
    if c < .5:
        return lit_sq(v)
    if c < .9 or "`" in v.raw or "${" in v.raw:
        return lit_dq(v)
    return "`", None, "`"


def go_lit(r, v):
    if (v.multiline or r.random() < .15) and "`" not in v.raw:
        return "`", None, "`"
    return lit_dq(v)


def java_lit(r, v):
    return lit_dq(v)


def kt_esc(s):
    return esc_backslash_dq(s).replace("$", "\\$")


def kt_lit(r, v):
    if v.multiline and "$" not in v.raw:
        return '"""', None, '"""'
    return '"', kt_esc, '"'


def rs_lit(r, v):
    if v.multiline or (r.random() < .15 and '"#' not in v.raw):
        return 'r#"', None, '"#'
    return lit_dq(v)


def rb_lit(r, v):
    if v.multiline:
        return '"', lambda s: esc_backslash_dq(s).replace("#{", "\\#{"), '"'
    if "#{" in v.raw or r.random() < .5:
        return lit_sq(v)
    return '"', lambda s: esc_backslash_dq(s).replace("#{", "\\#{"), '"'


def php_sq(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


def php_lit(r, v):
    if v.multiline:
        return '"', lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("\n", "\\n"), '"'
    return "'", php_sq, "'"


def cs_verbatim(s):
    return s.replace('"', '""')


def cs_lit(r, v):
    if v.multiline and r.random() < .6:
        return '@"', cs_verbatim, '"'
    return lit_dq(v)


# ------------------------------------------------------------------- language specs
# Entry templates by style. {lit} is the value literal (or the raw expression).  Indentation is part of the template.
LANGS = {}


def L(lid, **kw):
    kw["id"] = lid
    LANGS[lid] = kw


L("py", ext=".py", case=snake, lit=py_lit, comment="# ",
  header=["import os\nimport json\nimport logging\nfrom typing import Optional\n\nimport requests\n\nlogger = logging.getLogger(__name__)\n",
          "from __future__ import annotations\n\nimport os\nimport time\nimport hashlib\nfrom dataclasses import dataclass, field\n\n",
          "\"\"\"@@cls@@ helpers.\"\"\"\nimport base64\nimport hmac\nimport os\n\nimport httpx\n\n"],
  const=["{NAME} = {lit}", "{NAME} = {lit}", "{name} = {lit}", "{NAME}: str = {lit}", "{NAME} = {lit}  # {comment}"],
  cls_open="\n\nclass {Cls}:\n    \"\"\"Settings for the {vendor} integration.\"\"\"\n\n",
  field=["    {name}: str = {lit}\n", "    {name} = {lit}\n", "    {NAME} = {lit}\n"],
  cls_close="\n",
  map_open="\n\n{MAP} = {{\n", map=['    "{name}": {lit},', "    '{name}': {lit},", '    "{NAME}": {lit},'], map_close="}\n",
  fn_open="\n\ndef {fn}():\n", fn_close="    return None\n",
  stmt={"kwarg": ["    client = {Vendor}Client({name}={lit})", "    session = {Vendor}Session(\n        region=\"us-east-1\",\n        {name}={lit},\n        timeout=30,\n    )"],
        "env_default": ['    {name} = os.environ.get("{NAME}", {lit})', '    {name} = os.getenv("{NAME}", {lit})'],
        "setenv": ['    os.environ["{NAME}"] = {lit}', '    os.environ.setdefault("{NAME}", {lit})'],
        "header": ['    headers = {{"{H}": {lit}, "Accept": "application/json"}}', '    session.headers["{H}"] = {lit}'],
        "header_concat": ['    headers = {{"{H}": "{HP}" + {lit}}}'],
        "url": ['    resp = requests.get({lit}, timeout=10)', '    engine = create_engine({lit}, pool_pre_ping=True)', '    conn = connect({lit})'],
        "password": ['    conn = psycopg2.connect(host="{host}", user="{user}", password={lit}, dbname="{db}")',
                     '    resp = requests.get(url, auth=("{user}", {lit}))', '    server.login("{user}", {lit})'],
        "assign": ['    {name} = {lit}', '    self.{name} = {lit}']},
  filler=[
      '''

def @@fn@@(@@arg@@: str, *, ttl: int = @@n@@) -> Optional[dict]:
    """Return the cached value for ``@@arg@@`` or fetch it again."""
    cache_key = f"@@word@@:{@@arg@@}"
    cached = _cache.get(cache_key)
    if cached is not None:
        logger.debug("cache hit for key %s", cache_key)
        return cached
    token = _token_provider.get_token(scope="@@scope@@")
    resp = requests.get(f"https://@@host@@/@@path@@/{@@arg@@}", headers={"Authorization": f"Bearer {token}"}, timeout=@@n2@@)
    resp.raise_for_status()
    data = resp.json()
    _cache.set(cache_key, data, ttl=ttl)
    return data
''',
      '''

class @@cls@@:
    def __init__(self, secret_name: str, region: str = "us-east-1") -> None:
        self.secret_name = secret_name
        self.region = region
        self._client = None
        self._token_cache: dict[str, tuple[str, float]] = {}

    def @@fn@@(self, key_id: str) -> str:
        entry = self._token_cache.get(key_id)
        if entry and entry[1] > time.time():
            return entry[0]
        value = self._load(key_id)
        self._token_cache[key_id] = (value, time.time() + @@n@@)
        return value

    def _load(self, key_id: str) -> str:
        raise NotImplementedError("@@msg@@")
''',
      '''

def @@fn@@(password: str, policy: "PasswordPolicy") -> list[str]:
    errors = []
    if len(password) < policy.min_length:
        errors.append("password too short")
    if policy.require_digit and not any(c.isdigit() for c in password):
        errors.append("password needs a digit")
    if password.lower() in policy.denylist:
        errors.append("@@msg@@")
    return errors
''',
      '''

def @@fn@@(payload: bytes, signature: str, secret: bytes) -> bool:
    expected = hmac.new(secret, payload, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        logger.warning("@@msg@@")
        return False
    return True
''',
      '''

def @@fn@@(text: str, tokenizer=None) -> int:
    tokenizer = tokenizer or load_tokenizer("cl100k_base")
    tokens = tokenizer.encode(text)
    max_tokens = @@n@@
    if len(tokens) > max_tokens:
        tokens = tokens[:max_tokens]
    return len(tokens)
''',
      '''

@dataclass
class @@cls@@Config:
    secret_name: str = "@@word@@-credentials"
    token_ttl: int = @@n@@
    password_min_length: int = 12
    api_key_header: str = "X-API-Key"
    key_rotation_days: int = 90
    scopes: list[str] = field(default_factory=lambda: ["@@scope@@"])
''',
      '''

def @@fn@@(request) -> Optional[str]:
    auth_header = request.headers.get("Authorization", "")
    if not auth_header.startswith("Bearer "):
        return None
    token = auth_header[len("Bearer "):]
    token_hash = hashlib.sha256(token.encode()).hexdigest()
    record = ApiKey.objects.filter(key_hash=token_hash, revoked=False).first()
    return record.owner_id if record else None
''',
      '''

def @@fn@@(items):
    for attempt in range(@@n@@):
        try:
            return _post("/@@path@@", json={"items": items})
        except TimeoutError:
            logger.info("retrying @@path@@ attempt=%d", attempt)
            time.sleep(2 ** attempt)
    raise RuntimeError("@@msg@@")
''',
  ],
  main='\n\nif __name__ == "__main__":\n    logging.basicConfig(level=logging.INFO)\n    @@fn@@()\n')

JS_FILLER = [
    '''
async function @@fn@@(@@arg@@) {
  const cacheKey = `@@word@@:${@@arg@@}`;
  const cached = await cache.get(cacheKey);
  if (cached) {
    logger.debug({ cacheKey }, "cache hit");
    return cached;
  }
  const token = await tokenProvider.getToken({ scope: "@@scope@@" });
  const res = await fetch(`https://@@host@@/@@path@@/${@@arg@@}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error("@@msg@@");
  const body = await res.json();
  await cache.set(cacheKey, body, { ttl: @@n@@ });
  return body;
}
''',
    '''
function @@fn@@(password, policy = defaultPasswordPolicy) {
  const errors = [];
  if (password.length < policy.minLength) errors.push("password too short");
  if (!/[0-9]/.test(password)) errors.push("password needs a digit");
  if (policy.denylist.includes(password.toLowerCase())) errors.push("@@msg@@");
  return errors;
}
''',
    '''
function @@fn@@(req, res, next) {
  const authHeader = req.headers["authorization"] || "";
  const [scheme, token] = authHeader.split(" ");
  if (scheme !== "Bearer" || !token) {
    return res.status(401).json({ error: "@@msg@@" });
  }
  const tokenHash = crypto.createHash("sha256").update(token).digest("hex");
  req.apiKey = apiKeys.findByHash(tokenHash);
  return next();
}
''',
    '''
export function @@fn@@(payload, signature, secret) {
  const expected = crypto.createHmac("sha256", secret).update(payload).digest("hex");
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}
''',
    '''
const @@fn@@ = async (secretName) => {
  const cmd = new GetSecretValueCommand({ SecretId: secretName });
  const { SecretString } = await secretsClient.send(cmd);
  return JSON.parse(SecretString ?? "{}");
};
''',
    '''
function @@fn@@(text, tokenizer) {
  const tokens = tokenizer.encode(text);
  const maxTokens = @@n@@;
  return tokens.length > maxTokens ? tokens.slice(0, maxTokens) : tokens;
}
''',
]

L("js", ext=".js", case=camel, lit=js_lit, comment="// ",
  header=["'use strict';\n\nconst crypto = require('crypto');\nconst axios = require('axios');\nconst logger = require('./logger');\n\n",
          "import crypto from 'node:crypto';\nimport { cache } from './cache.js';\nimport { tokenProvider } from './auth/token-provider.js';\n\n"],
  const=["const {NAME} = {lit};", "export const {nameC} = {lit};", "const {nameC} = {lit}; // {comment}", "module.exports.{nameC} = {lit};"],
  cls_open="\nclass {Cls} {\n", field=["  {nameC} = {lit};\n", "  static {NAME} = {lit};\n"], cls_close="}\n",
  map_open="\nconst {MAP} = {{\n", map=["  {nameC}: {lit},", '  "{name}": {lit},', "  {NAME}: {lit},"], map_close="};\n",
  fn_open="\nasync function {fn}() {{\n", fn_close="  return null;\n}}\n",
  stmt={"kwarg": ["  const client = new {Vendor}({{ {nameC}: {lit} }});", "  const client = create{Vendor}Client({{\n    {nameC}: {lit},\n    timeout: 5000,\n  }});"],
        "env_default": ["  const {nameC} = process.env.{NAME} || {lit};", "  const {nameC} = process.env.{NAME} ?? {lit};"],
        "setenv": ["  process.env.{NAME} = {lit};"],
        "header": ['  const headers = {{ "{H}": {lit}, "Content-Type": "application/json" }};', '  axios.defaults.headers.common["{H}"] = {lit};'],
        "header_concat": ['  const headers = {{ "{H}": "{HP}" + {lit} }};'],
        "url": ["  const res = await fetch({lit});", "  const pool = new Pool({{ connectionString: {lit} }});", "  await mongoose.connect({lit});"],
        "password": ['  const conn = await mysql.createConnection({{ host: "{host}", user: "{user}", password: {lit}, database: "{db}" }});',
                     '  const auth = {{ username: "{user}", password: {lit} }};'],
        "assign": ["  const {nameC} = {lit};", "  this.{nameC} = {lit};"]},
  filler=JS_FILLER, main="\nmodule.exports = { @@fn@@ };\n")

L("ts", ext=".ts", case=camel, lit=js_lit, comment="// ",
  header=["import { Injectable } from '@nestjs/common';\nimport { createHash, randomBytes } from 'crypto';\nimport type { Request } from 'express';\n\n",
          "import axios, { AxiosInstance } from 'axios';\nimport { z } from 'zod';\n\nexport interface Credentials {\n  apiKey: string;\n  secretName?: string;\n  password?: string;\n  tokenTtl: number;\n}\n\n"],
  const=["const {NAME}: string = {lit};", "export const {nameC} = {lit};", "export const {NAME} = {lit} as const;", "const {nameC} = {lit}; // {comment}"],
  cls_open="\n@Injectable()\nexport class {Cls} {{\n", field=["  private readonly {nameC}: string = {lit};\n", "  {nameC} = {lit};\n", "  static readonly {NAME} = {lit};\n"],
  cls_close="}\n",
  map_open="\nexport const {MAP}: Record<string, string> = {{\n", map=["  {nameC}: {lit},", '  "{name}": {lit},', "  {NAME}: {lit},"], map_close="};\n",
  fn_open="\nexport async function {fn}(): Promise<void> {{\n", fn_close="  return;\n}}\n",
  stmt=LANGS["js"]["stmt"],
  filler=JS_FILLER + ['''
export class @@cls@@ {
  private tokenCache = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly http: AxiosInstance, private readonly secretName: string) {}

  async @@fn@@(keyId: string): Promise<string> {
    const hit = this.tokenCache.get(keyId);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const { data } = await this.http.post<{ access_token: string; expires_in: number }>("/@@path@@", { keyId });
    this.tokenCache.set(keyId, { value: data.access_token, expiresAt: Date.now() + data.expires_in * 1000 });
    return data.access_token;
  }
}
''', '''
export const passwordSchema = z
  .string()
  .min(12, "password must be at least 12 characters")
  .regex(/[A-Z]/, "password needs an uppercase letter")
  .regex(/[0-9]/, "password needs a digit");

export type TokenResponse = { accessToken: string; refreshToken?: string; tokenType: "Bearer"; expiresIn: number };
'''], main="\nexport default @@fn@@;\n")

L("go", ext=".go", case=camel, lit=go_lit, comment="// ",
  header=['package @@word@@\n\nimport (\n\t"context"\n\t"crypto/hmac"\n\t"crypto/sha256"\n\t"encoding/hex"\n\t"fmt"\n\t"net/http"\n\t"os"\n\t"time"\n)\n\n',
          'package config\n\nimport (\n\t"database/sql"\n\t"errors"\n\t"log"\n\t"os"\n\t"strings"\n)\n\n'],
  const=["const {nameC} = {lit}", "const {Name} = {lit} // {comment}", "var {nameC} = {lit}", "var {Name} = {lit}"],
  cls_open="\ntype {Cls} struct {{\n\tSecretName string\n\tTokenTTL   time.Duration\n}}\n\nvar default{Cls} = map[string]string{{\n", field=['\t"{name}": {lit},\n', '\t"{NAME}": {lit},\n'], cls_close="}\n",
  map_open="\nvar {MAP} = Config{{\n", map=["\t{Name}: {lit},"], map_close="}\n",
  fn_open="\nfunc {fn}(ctx context.Context) error {{\n", fn_close="\treturn nil\n}}\n",
  stmt={"kwarg": ["\tclient := {vendor}.NewClient({lit})", "\tclient, err := {vendor}.New({vendor}.WithAPIKey({lit}))\n\tif err != nil {{\n\t\treturn err\n\t}}\n\t_ = client"],
        "env_default": ['\t{nameC} := getenv("{NAME}", {lit})', '\t{nameC} := os.Getenv("{NAME}")\n\tif {nameC} == "" {{\n\t\t{nameC} = {lit}\n\t}}'],
        "setenv": ['\tos.Setenv("{NAME}", {lit})'],
        "header": ['\treq.Header.Set("{H}", {lit})', '\treq.Header.Add("{H}", {lit})'],
        "header_concat": ['\treq.Header.Set("{H}", "{HP}"+{lit})'],
        "url": ['\tdb, err := sql.Open("postgres", {lit})\n\tif err != nil {{\n\t\treturn err\n\t}}\n\tdefer db.Close()', '\tresp, err := http.Get({lit})\n\tif err != nil {{\n\t\treturn err\n\t}}\n\tdefer resp.Body.Close()'],
        "password": ['\tcfg := mysql.Config{{User: "{user}", Passwd: {lit}, Net: "tcp", Addr: "{host}:3306", DBName: "{db}"}}', '\treq.SetBasicAuth("{user}", {lit})'],
        "assign": ['\t{nameC} := {lit}', '\tc.{Name} = {lit}']},
  filler=['''
// @@fn@@ returns a cached token for the given key id, refreshing it when it is about to expire.
func (s *@@cls@@) @@fn@@(ctx context.Context, keyID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if tok, ok := s.tokenCache[keyID]; ok && time.Until(tok.ExpiresAt) > @@n@@*time.Second {
		return tok.Value, nil
	}
	tok, err := s.fetchToken(ctx, keyID)
	if err != nil {
		return "", fmt.Errorf("@@msg@@: %w", err)
	}
	s.tokenCache[keyID] = tok
	return tok.Value, nil
}
''', '''
func verifySignature(payload []byte, signature string, secret []byte) bool {
	mac := hmac.New(sha256.New, secret)
	mac.Write(payload)
	expected := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(expected), []byte(signature))
}
''', '''
type @@cls@@Config struct {
	SecretName     string        `json:"secret_name" yaml:"secretName"`
	TokenTTL       time.Duration `json:"token_ttl"`
	PasswordMinLen int           `json:"password_min_length"`
	APIKeyHeader   string        `json:"api_key_header"`
	Password       string        `json:"-"`
}
''', '''
func @@fn@@(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	token := strings.TrimPrefix(auth, "Bearer ")
	if token == "" || token == auth {
		http.Error(w, "@@msg@@", http.StatusUnauthorized)
		return
	}
	sum := sha256.Sum256([]byte(token))
	tokenHash := hex.EncodeToString(sum[:])
	if _, ok := apiKeys[tokenHash]; !ok {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
''', '''
func getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}
''', '''
func @@fn@@(ctx context.Context, client *http.Client, cacheKey string) ([]byte, error) {
	for attempt := 0; attempt < @@n@@; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://@@host@@/@@path@@", nil)
		resp, err := client.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			defer resp.Body.Close()
			return io.ReadAll(resp.Body)
		}
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	return nil, errors.New("@@msg@@")
}
'''], main="")

L("java", ext=".java", case=camel, lit=java_lit, comment="// ",
  header=["package com.acme.@@word@@;\n\nimport java.net.URI;\nimport java.net.http.HttpClient;\nimport java.net.http.HttpRequest;\nimport java.util.HashMap;\nimport java.util.Map;\nimport java.util.Optional;\n\npublic class @@cls@@ {\n\n",
          "package com.acme.config;\n\nimport org.springframework.beans.factory.annotation.Value;\nimport org.springframework.context.annotation.Bean;\nimport org.springframework.context.annotation.Configuration;\n\n@Configuration\npublic class @@cls@@Config {\n\n"],
  const=["    private static final String {NAME} = {lit};", "    public static final String {NAME} = {lit}; // {comment}", "    static final String {NAME} = {lit};"],
  cls_open="", field=["    private String {nameC} = {lit};\n", "    private final String {nameC} = {lit};\n"], cls_close="",
  map_open="\n    static Map<String, String> {mapC}() {{\n        Map<String, String> props = new HashMap<>();\n",
  map=['        props.put("{dotted}", {lit});', '        props.put("{NAME}", {lit});'], map_close="        return props;\n    }\n",
  fn_open="\n    public void {fn}() throws Exception {{\n", fn_close="    }}\n",
  stmt={"kwarg": ["        {Vendor}Client client = new {Vendor}Client({lit});", "        {Vendor}Client client = {Vendor}Client.builder()\n            .{nameC}({lit})\n            .build();"],
        "env_default": ['        String {nameC} = Optional.ofNullable(System.getenv("{NAME}")).orElse({lit});', '        String {nameC} = System.getenv().getOrDefault("{NAME}", {lit});'],
        "setenv": ['        System.setProperty("{dotted}", {lit});'],
        "header": ['        HttpRequest request = HttpRequest.newBuilder(URI.create("https://{host}/{path}"))\n            .header("{H}", {lit})\n            .build();', '        conn.setRequestProperty("{H}", {lit});'],
        "header_concat": ['        conn.setRequestProperty("{H}", "{HP}" + {lit});'],
        "url": ['        Connection conn = DriverManager.getConnection({lit});', '        dataSource.setUrl({lit});'],
        "password": ['        Connection conn = DriverManager.getConnection(url, "{user}", {lit});', '        dataSource.setPassword({lit});', '        keyStore.load(in, {lit}.toCharArray());'],
        "assign": ['        String {nameC} = {lit};', '        this.{nameC} = {lit};']},
  filler=['''
    public String @@fn@@(String keyId) {
        CachedToken cached = tokenCache.get(keyId);
        if (cached != null && cached.expiresAt().isAfter(Instant.now())) {
            return cached.value();
        }
        String token = tokenProvider.fetchToken(keyId, "@@scope@@");
        tokenCache.put(keyId, new CachedToken(token, Instant.now().plusSeconds(@@n@@)));
        return token;
    }
''', '''
    private boolean @@fn@@(String password) {
        if (password == null || password.length() < passwordPolicy.getMinLength()) {
            log.warn("@@msg@@");
            return false;
        }
        return passwordPolicy.getPattern().matcher(password).matches();
    }
''', '''
    @Bean
    public SecretsManagerClient secretsManagerClient() {
        return SecretsManagerClient.builder()
            .region(Region.of(region))
            .credentialsProvider(DefaultCredentialsProvider.create())
            .build();
    }
''', '''
    public Optional<ApiKey> @@fn@@(HttpServletRequest request) {
        String authHeader = request.getHeader("Authorization");
        if (authHeader == null || !authHeader.startsWith("Bearer ")) {
            return Optional.empty();
        }
        String token = authHeader.substring(7);
        String tokenHash = DigestUtils.sha256Hex(token);
        return apiKeyRepository.findByKeyHash(tokenHash);
    }
'''], main="}\n")

L("kt", ext=".kt", case=camel, lit=kt_lit, comment="// ",
  header=["package com.acme.@@word@@\n\nimport io.ktor.client.*\nimport io.ktor.client.request.*\nimport kotlinx.coroutines.runBlocking\n\n"],
  const=["const val {NAME} = {lit}", "private const val {NAME} = {lit} // {comment}", "val {nameC} = {lit}", "private val {nameC}: String = {lit}"],
  cls_open="\nclass {Cls} {{\n", field=["    private val {nameC} = {lit}\n", "    var {nameC}: String = {lit}\n"], cls_close="}\n",
  map_open="\nval {mapC} = mapOf(\n", map=['    "{name}" to {lit},', '    "{NAME}" to {lit},'], map_close=")\n",
  fn_open="\nsuspend fun {fn}() {{\n", fn_close="}}\n",
  stmt={"kwarg": ["    val client = {Vendor}Client({nameC} = {lit})", "    val client = {Vendor}Client(\n        {nameC} = {lit},\n        timeoutMillis = 5_000,\n    )"],
        "env_default": ['    val {nameC} = System.getenv("{NAME}") ?: {lit}'],
        "setenv": ['    System.setProperty("{dotted}", {lit})'],
        "header": ['    val resp = http.get("https://{host}/{path}") {{\n        header("{H}", {lit})\n    }}'],
        "header_concat": ['    val resp = http.get("https://{host}/{path}") {{ header("{H}", "{HP}" + {lit}) }}'],
        "url": ['    val db = Database.connect({lit})', '    val ds = HikariDataSource().apply {{ jdbcUrl = {lit} }}'],
        "password": ['    val db = Database.connect(url, user = "{user}", password = {lit})'],
        "assign": ['    val {nameC} = {lit}']},
  filler=['''
class @@cls@@(private val http: HttpClient, private val secretName: String) {
    private val tokenCache = mutableMapOf<String, Pair<String, Long>>()

    suspend fun @@fn@@(keyId: String): String {
        tokenCache[keyId]?.let { (value, expiresAt) -> if (expiresAt > System.currentTimeMillis()) return value }
        val token = http.post("https://@@host@@/@@path@@") { parameter("key_id", keyId) }.body<TokenResponse>()
        tokenCache[keyId] = token.accessToken to (System.currentTimeMillis() + token.expiresIn * 1000)
        return token.accessToken
    }
}
''', '''
data class @@cls@@Settings(
    val secretName: String = "@@word@@-credentials",
    val tokenTtlSeconds: Long = @@n@@,
    val passwordMinLength: Int = 12,
    val apiKeyHeader: String = "X-API-Key",
)
''', '''
fun @@fn@@(password: String, policy: PasswordPolicy): List<String> = buildList {
    if (password.length < policy.minLength) add("password too short")
    if (password.none { it.isDigit() }) add("password needs a digit")
    if (password.lowercase() in policy.denylist) add("@@msg@@")
}
'''], main="\nfun main() = runBlocking { @@fn@@() }\n")

L("rs", ext=".rs", case=snake, lit=rs_lit, comment="// ",
  header=["use std::collections::HashMap;\nuse std::env;\nuse std::time::{Duration, Instant};\n\nuse reqwest::Client;\nuse serde::Deserialize;\n\n"],
  const=["const {NAME}: &str = {lit};", "pub const {NAME}: &str = {lit}; // {comment}", "static {NAME}: &str = {lit};"],
  cls_open="\npub struct {Cls} {{\n    secret_name: String,\n    token_ttl: Duration,\n}}\n\nfn default_headers() -> HashMap<&'static str, &'static str> {{\n    let mut m = HashMap::new();\n",
  field=['    m.insert("{name}", {lit});\n', '    m.insert("{NAME}", {lit});\n'], cls_close="    m\n}\n",
  map_open="\nfn {fn}_config() -> Config {{\n    Config {{\n", map=["        {name}: {lit}.to_string(),", "        {name}: String::from({lit}),"], map_close="        ..Default::default()\n    }\n}\n",
  fn_open="\nasync fn {fn}() -> anyhow::Result<()> {{\n", fn_close="    Ok(())\n}}\n",
  stmt={"kwarg": ["    let client = {Vendor}Client::new({lit});", "    let client = {Vendor}Client::builder().{name}({lit}).build()?;"],
        "env_default": ['    let {name} = env::var("{NAME}").unwrap_or_else(|_| {lit}.to_string());', '    let {name} = env::var("{NAME}").unwrap_or({lit}.into());'],
        "setenv": ['    env::set_var("{NAME}", {lit});'],
        "header": ['    let resp = Client::new().get("https://{host}/{path}").header("{H}", {lit}).send().await?;'],
        "header_concat": ['    let resp = Client::new().get("https://{host}/{path}").header("{H}", format!("{HP}{{}}", {lit})).send().await?;'],
        "url": ['    let pool = PgPoolOptions::new().max_connections(5).connect({lit}).await?;', '    let client = redis::Client::open({lit})?;'],
        "password": ['    let resp = Client::new().get(url).basic_auth("{user}", Some({lit})).send().await?;'],
        "assign": ['    let {name} = {lit};']},
  filler=['''
impl @@cls@@ {
    pub async fn @@fn@@(&mut self, key_id: &str) -> anyhow::Result<String> {
        if let Some((token, expires_at)) = self.token_cache.get(key_id) {
            if *expires_at > Instant::now() {
                return Ok(token.clone());
            }
        }
        let token = self.fetch_token(key_id).await.map_err(|e| anyhow::anyhow!("@@msg@@: {e}"))?;
        self.token_cache.insert(key_id.to_string(), (token.clone(), Instant::now() + Duration::from_secs(@@n@@)));
        Ok(token)
    }
}
''', '''
#[derive(Debug, Deserialize)]
pub struct @@cls@@Config {
    pub secret_name: String,
    pub token_ttl_secs: u64,
    pub password_min_length: usize,
    #[serde(default)]
    pub api_key: Option<String>,
}
''', '''
fn @@fn@@(password: &str, policy: &PasswordPolicy) -> Vec<&'static str> {
    let mut errors = Vec::new();
    if password.len() < policy.min_length {
        errors.push("password too short");
    }
    if !password.chars().any(|c| c.is_ascii_digit()) {
        errors.push("@@msg@@");
    }
    errors
}
'''], main="")

L("rb", ext=".rb", case=snake, lit=rb_lit, comment="# ",
  header=["# frozen_string_literal: true\n\nrequire \"net/http\"\nrequire \"json\"\nrequire \"openssl\"\n\n", "# frozen_string_literal: true\n\n"],
  const=["{NAME} = {lit}", "{NAME} = {lit}.freeze", "{NAME} = {lit} # {comment}"],
  cls_open="\n{Cls}.configure do |config|\n", field=["  config.{name} = {lit}\n", "  config.{name} = {lit} # {comment}\n"], cls_close="end\n",
  map_open="\n{MAP} = {{\n", map=["  {name}: {lit},", '  "{name}" => {lit},', "  :{name} => {lit},"], map_close="}.freeze\n",
  fn_open="\ndef {fn}\n", fn_close="end\n",
  stmt={"kwarg": ["  client = {Vendor}::Client.new({name}: {lit})", "  client = {Vendor}::Client.new(\n    {name}: {lit},\n    timeout: 10\n  )"],
        "env_default": ['  {name} = ENV.fetch("{NAME}", {lit})', '  {name} = ENV["{NAME}"] || {lit}'],
        "setenv": ['  ENV["{NAME}"] ||= {lit}', '  ENV["{NAME}"] = {lit}'],
        "header": ['  request["{H}"] = {lit}', '  headers = {{ "{H}" => {lit} }}'],
        "header_concat": ['  request["{H}"] = "{HP}" + {lit}'],
        "url": ['  ActiveRecord::Base.establish_connection({lit})', '  redis = Redis.new(url: {lit})', '  uri = URI({lit})'],
        "password": ['  http.basic_auth("{user}", {lit})', '  conn = PG.connect(host: "{host}", user: "{user}", password: {lit}, dbname: "{db}")'],
        "assign": ['  {name} = {lit}', '  @{name} = {lit}']},
  filler=['''
class @@cls@@
  def initialize(secret_name:, token_ttl: @@n@@)
    @secret_name = secret_name
    @token_ttl = token_ttl
    @token_cache = {}
  end

  def @@fn@@(key_id)
    cached = @token_cache[key_id]
    return cached[:value] if cached && cached[:expires_at] > Time.now

    token = fetch_token(key_id, scope: "@@scope@@")
    @token_cache[key_id] = { value: token, expires_at: Time.now + @token_ttl }
    token
  rescue Net::ReadTimeout
    raise Error, "@@msg@@"
  end
end
''', '''
def @@fn@@(password)
  errors = []
  errors << "password too short" if password.length < PASSWORD_MIN_LENGTH
  errors << "password needs a digit" unless password.match?(/\\d/)
  errors << "@@msg@@" if DENYLIST.include?(password.downcase)
  errors
end
''', '''
def authenticate_api_key!
  token = request.headers["Authorization"].to_s.delete_prefix("Bearer ")
  token_digest = Digest::SHA256.hexdigest(token)
  @api_key = ApiKey.active.find_by(token_digest: token_digest)
  head :unauthorized unless @api_key
end
'''], main="")

L("php", ext=".php", case=camel, lit=php_lit, comment="// ",
  header=["<?php\n\ndeclare(strict_types=1);\n\nnamespace App\\Services;\n\nuse GuzzleHttp\\Client;\nuse Illuminate\\Support\\Facades\\Cache;\n\n", "<?php\n\n"],
  const=["const {NAME} = {lit};", "define('{NAME}', {lit});", "${nameC} = {lit};", "${nameC} = {lit}; // {comment}"],
  cls_open="\n${word}Config = [\n    'connections' => [\n", field=["        '{name}' => env('{NAME}', {lit}),\n", "        '{name}' => {lit},\n"], cls_close="    ],\n];\n",
  map_open="\n${mapC} = [\n", map=["    '{name}' => {lit},", "    '{NAME}' => {lit},"], map_close="];\n",
  fn_open="\nfunction {fn}(): void\n{{\n", fn_close="}}\n",
  stmt={"kwarg": ["    $client = new {Vendor}Client({lit});", "    $client = new {Vendor}Client(['{name}' => {lit}]);"],
        "env_default": ["    ${nameC} = getenv('{NAME}') ?: {lit};", "    ${nameC} = $_ENV['{NAME}'] ?? {lit};"],
        "setenv": ["    putenv('{NAME}=' . {lit});"],
        "header": ["    $response = $http->get('https://{host}/{path}', ['headers' => ['{H}' => {lit}]]);"],
        "header_concat": ["    $headers = ['{H}' => '{HP}' . {lit}];"],
        "url": ["    $pdo = new PDO({lit});", "    $redis = new Predis\\Client({lit});"],
        "password": ["    $pdo = new PDO($dsn, '{user}', {lit});", "    $mail->Password = {lit};"],
        "assign": ["    ${nameC} = {lit};", "    $this->{nameC} = {lit};"]},
  filler=['''
final class @@cls@@
{
    public function __construct(private Client $http, private string $secretName, private int $tokenTtl = @@n@@)
    {
    }

    public function @@fn@@(string $keyId): string
    {
        $cacheKey = "@@word@@:{$keyId}";
        return Cache::remember($cacheKey, $this->tokenTtl, function () use ($keyId) {
            $response = $this->http->post('/@@path@@', ['json' => ['key_id' => $keyId]]);
            $body = json_decode((string) $response->getBody(), true);
            return $body['access_token'] ?? throw new \\RuntimeException('@@msg@@');
        });
    }
}
''', '''
function @@fn@@(string $password): array
{
    $errors = [];
    if (strlen($password) < PASSWORD_MIN_LENGTH) {
        $errors[] = 'password too short';
    }
    if (!preg_match('/\\d/', $password)) {
        $errors[] = '@@msg@@';
    }
    return $errors;
}
'''], main="")

L("cs", ext=".cs", case=pascal, lit=cs_lit, comment="// ",
  header=["using System;\nusing System.Collections.Generic;\nusing System.Net.Http;\nusing System.Net.Http.Headers;\nusing System.Threading.Tasks;\n\nnamespace Acme.@@cls@@\n{\n    public class @@cls2@@\n    {\n"],
  const=["    private const string {Name} = {lit};", "    public static readonly string {Name} = {lit}; // {comment}", "    internal const string {NAME} = {lit};"],
  cls_open="", field=["        public string {Name} {{ get; set; }} = {lit};\n", "        private readonly string _{nameC} = {lit};\n"], cls_close="",
  map_open="\n        private static readonly Dictionary<string, string> {Map} = new()\n        {{\n",
  map=['            {{ "{Name}", {lit} }},', '            ["{name}"] = {lit},'], map_close="        };\n",
  fn_open="\n        public async Task {Fn}Async()\n        {{\n", fn_close="            await Task.CompletedTask;\n        }}\n",
  stmt={"kwarg": ["            var client = new {Vendor}Client({lit});", "            var options = new {Vendor}Options\n            {{\n                {Name} = {lit},\n                Timeout = TimeSpan.FromSeconds(30),\n            }};"],
        "env_default": ['            var {nameC} = Environment.GetEnvironmentVariable("{NAME}") ?? {lit};'],
        "setenv": ['            Environment.SetEnvironmentVariable("{NAME}", {lit});'],
        "header": ['            _http.DefaultRequestHeaders.Add("{H}", {lit});'],
        "header_concat": ['            _http.DefaultRequestHeaders.Add("{H}", "{HP}" + {lit});'],
        "url": ['            using var conn = new SqlConnection({lit});', '            var blobService = new BlobServiceClient({lit});', '            services.AddDbContext<AppDbContext>(o => o.UseNpgsql({lit}));'],
        "password": ['            var credential = new NetworkCredential("{user}", {lit});', '            smtp.Credentials = new NetworkCredential("{user}", {lit});'],
        "assign": ['            var {nameC} = {lit};', '            _{nameC} = {lit};']},
  filler=['''
        public async Task<string> @@Fn@@Async(string keyId)
        {
            if (_tokenCache.TryGetValue(keyId, out var cached) && cached.ExpiresAt > DateTimeOffset.UtcNow)
            {
                return cached.Value;
            }
            var token = await _tokenService.GetAccessTokenAsync(keyId, "@@scope@@");
            _tokenCache[keyId] = new CachedToken(token, DateTimeOffset.UtcNow.AddSeconds(@@n@@));
            return token;
        }
''', '''
        private static bool @@Fn@@(string password, PasswordPolicy policy)
        {
            if (string.IsNullOrEmpty(password) || password.Length < policy.MinLength)
            {
                _logger.LogWarning("@@msg@@");
                return false;
            }
            return policy.Pattern.IsMatch(password);
        }
''', '''
        public class @@cls@@Options
        {
            public string SecretName { get; set; } = "@@word@@-credentials";
            public int TokenTtlSeconds { get; set; } = @@n@@;
            public string ApiKeyHeader { get; set; } = "X-API-Key";
            public string? Password { get; set; }
        }
'''], main="    }\n}\n")
