"""Shared helpers for file kinds: paths, benign values, shell command rendering, code files."""
import re

from .codelangs import LANGS, fill, subst, name_forms, COMMENTS, VENDORS, HOSTS, PATHS, CLS_WORDS, FN_WORDS
from .formats import USERS, DBS, FORMATS
from .plan import Entry, n_pos_for, n_neg_for
from .filler import gen_function
from .util import Doc, Val, snake, screaming, camel, pascal, dotted, kebab, esc_backslash_dq, esc_json, make_indent

REPOS = ["acme-platform", "billing-service", "checkout-web", "data-pipeline", "infra-live", "mobile-backend", "ops-scripts", "search-api",
         "identity-svc", "notification-worker", "analytics-etl", "admin-portal", "partner-gateway", "ml-inference", "docs-site", "ledger-core",
         "growth-experiments", "support-tools", "edge-proxy", "catalog-sync"]
PKGS = ["auth", "billing", "payments", "core", "integrations", "clients", "config", "services", "jobs", "api", "webhooks", "security", "storage",
        "notifications", "search", "users", "internal", "util", "handlers", "adapters"]
BASENAMES = ["settings", "config", "client", "auth", "tokens", "credentials", "secrets", "keys", "session", "api", "main", "app", "server",
             "worker", "stripe_client", "slack_notifier", "github_sync", "db", "database", "mailer", "storage", "vault", "deploy", "bootstrap",
             "constants", "env", "oauth", "webhook", "payments", "integration", "uploader", "exporter", "search_client", "llm", "openai_client",
             "cache", "rate_limiter", "signer", "crypto", "password_policy", "tokenizer", "key_rotation", "secret_loader"]

BENIGN = [(["log", "level"], "info"), (["port"], 8080), (["timeout"], 30), (["host"], "db.internal"), (["region"], "us-east-1"),
          (["token", "ttl"], 3600), (["password", "min", "length"], 12), (["max", "connections"], 20), (["enabled"], True),
          (["api", "base", "url"], "https://api.acme.io"), (["cache", "ttl"], 300), (["username"], "app"), (["user"], "svc_orders"),
          (["database"], "orders"), (["bucket"], "acme-prod-assets"), (["environment"], "production"), (["auth", "mode"], "oauth2"),
          (["key", "rotation", "days"], 90), (["secret", "store"], "vault"), (["token", "issuer"], "https://auth.acme.io/"), (["ssl", "mode"], "require"),
          (["workers"], 4), (["queue"], "default"), (["email", "from"], "noreply@acme.io"), (["smtp", "host"], "smtp.mailgun.org"), (["smtp", "port"], 587),
          (["retry", "count"], 3), (["debug"], False), (["service", "name"], "billing-api"), (["max", "token", "age"], 86400),
          (["password", "reset", "ttl"], 900), (["session", "cookie", "name"], "sid"), (["token", "audience"], "api://default"),
          (["key", "algorithm"], "RS256"), (["secret", "rotation", "enabled"], True), (["metrics", "port"], 9090), (["db", "pool", "size"], 10),
          (["cors", "origins"], "https://app.acme.io"), (["upload", "max", "mb"], 25), (["tokenizer", "model"], "cl100k_base"), (["api", "version"], "v2"),
          (["feature", "new", "checkout"], True), (["credentials", "provider"], "env"), (["read", "timeout", "ms"], 5000), (["db", "name"], "app_production"),
          (["redis", "host"], "redis-master"), (["redis", "port"], 6379), (["stripe", "api", "version"], "2023-10-16"), (["slack", "channel"], "#alerts"),
          (["github", "org"], "acme"), (["aws", "region"], "eu-west-1"), (["s3", "bucket"], "acme-uploads"), (["otel", "endpoint"], "http://otel-collector:4317")]


def benign_pair(r):
    w, v = r.choice(BENIGN)
    return list(w), v


def bval(v):
    """benign python value -> Val (numbers/bools as expressions)."""
    if isinstance(v, bool):
        return Val("true" if v else "false", expr=True)
    if isinstance(v, int):
        return Val(str(v), expr=True)
    return Val(v)


def unbrace(s):
    return s.replace("{{", "{").replace("}}", "}")


class K:
    """Per-run context handed to kinds."""

    def __init__(self, r, planner):
        self.r = r
        self.P = planner
        self.paths = set()

    def path(self, p):
        r = self.r
        base = p
        i = 2
        while p.lower() in self.paths:
            repo, rest = base.split("/", 1) if "/" in base else ("", base)
            if i < 8:
                p = "%s/%s/%s/%s" % (repo, r.choice(["services", "packages", "apps", "tools", "modules"]),
                                     r.choice(PKGS + ["gateway", "worker", "web", "cli", "scheduler", "admin"]), rest)
            else:
                m = re.match(r"^(.*?)(\.[A-Za-z0-9]+)?$", base)
                p = "%s_%d%s" % (m.group(1), i, m.group(2) or "")
            i += 1
        self.paths.add(p.lower())
        return p

    def repo(self):
        return self.r.choice(REPOS)


def write_lit(d, r, spec, val):
    if val.expr:
        d.v(val)
        return
    o, enc, c = spec["lit"](r, val)
    d.t(o)
    d.v(val, enc)
    d.t(c)


def render_tmpl(d, tmpl, names, litfn):
    if "{lit}" not in tmpl:
        d.t(unbrace(subst(tmpl, names)))
        return
    pre, post = tmpl.split("{lit}", 1)
    d.t(unbrace(subst(pre, names)))
    litfn(d)
    d.t(unbrace(subst(post, names)))


def extra_names(r, lang_case):
    cls = pascal(r.choice(CLS_WORDS))
    fn = r.choice(FN_WORDS)
    v = r.choice(VENDORS)
    return {"Cls": cls, "vendor": v.lower(), "Vendor": v, "MAP": r.choice(["DEFAULT_CONFIG", "SETTINGS", "CONFIG", "PROVIDERS", "CLIENT_OPTIONS"]),
            "mapC": r.choice(["defaultConfig", "settings", "providers", "clientOptions"]), "Map": r.choice(["Defaults", "Settings", "Providers"]),
            "fn": lang_case(fn), "Fn": pascal(fn), "word": r.choice(PKGS), "host": r.choice(HOSTS), "user": r.choice(USERS), "db": r.choice(DBS),
            "path": r.choice(PATHS), "comment": r.choice(COMMENTS)}


STMT_FILL = {
    "py": ['    logger.info("starting %s", __name__)', "    timeout = 30", "    retries = 0", '    base_url = "https://api.acme.io"'],
    "js": ['  logger.info("starting");', "  const timeoutMs = 5000;", "  let retries = 0;"],
    "ts": ['  logger.info("starting");', "  const timeoutMs = 5_000;", "  let retries = 0;"],
    "go": ['\tlog.Println("starting")', "\ttimeout := 30 * time.Second", "\t_ = timeout"],
    "java": ['        log.info("starting");', "        int retries = 0;"],
    "kt": ['    logger.info("starting")', "    val timeoutMs = 5_000L"],
    "rs": ['    tracing::info!("starting");', "    let timeout = Duration::from_secs(30);"],
    "rb": ['  Rails.logger.info("starting")', "  retries = 0"],
    "php": ["    $retries = 0;", "    $timeout = 30;"],
    "cs": ['            _logger.LogInformation("starting");', "            var retries = 0;"],
}


DECL_TMPL = {
    "py": ["\n\n@dataclass\nclass {Cls}Credentials:\n    username: str\n    {name}: {lit}\n", "\n\ndef {fn}(self, username: str, {name}: {lit}) -> bool:\n    raise NotImplementedError\n"],
    "ts": ["\nexport interface {Cls}Options {{\n  baseUrl: string;\n  {nameC}: {lit};\n}}\n", "\nexport type {Cls}Config = {{ region: string; {nameC}?: {lit} }};\n"],
    "go": ["\ntype {Cls}Credentials struct {{\n\tUsername string\n\t{Name} {lit} `json:\"{name}\"`\n}}\n", "\nfunc {fn}(username string, {nameC} {lit}) error {{\n\treturn nil\n}}\n"],
    "java": ["\n    public record {Cls}Credentials(String username, {lit} {nameC}) {{}}\n", "\n    private {lit} {nameC};\n"],
    "kt": ["\ndata class {Cls}Credentials(val username: String, val {nameC}: {lit})\n", "\nfun {fn}(username: String, {nameC}: {lit}): Boolean = TODO()\n"],
    "rs": ["\npub struct {Cls}Credentials {{\n    pub username: String,\n    pub {name}: {lit},\n}}\n", "\npub fn {fn}(username: &str, {name}: {lit}) -> bool {{\n    todo!()\n}}\n"],
    "php": ["\nfinal class {Cls}Credentials\n{{\n    public function __construct(\n        public string $username,\n        private {lit} ${nameC},\n    ) {{}}\n}}\n"],
    "cs": ["\n        public class {Cls}Credentials\n        {{\n            public string Username {{ get; set; }} = \"\";\n            public {lit} {Name} {{ get; set; }}\n        }}\n"],
}


def code_entry(d, r, spec, e, bucket, names):
    """Render one entry in a code file bucket."""
    sub = e.val.ann.get("sub") if e.val.ann else None
    if sub == "type_declaration" and spec["id"] in DECL_TMPL:
        nm = dict(names)
        nm.update(name_forms(e.name))
        render_tmpl(d, r.choice(DECL_TMPL[spec["id"]]), nm, lambda dd: dd.v(e.val))
        return
    if sub == "spring_value_annotation":
        nm = dict(names)
        nm.update(name_forms(e.name))
        if spec["id"] == "java":
            render_tmpl(d, '\n    @Value("{lit}")\n    private String {nameC};\n', nm, lambda dd: dd.v(e.val))
        else:
            render_tmpl(d, '\n    @Value("\\{lit}")\n    lateinit var {nameC}: String\n', nm, lambda dd: dd.v(e.val))
        return
    nm = dict(names)
    nm.update(name_forms(e.name))
    if e.fmt is not None:
        v0 = e.fmt.id.split("_")[0]
        if v0 not in ("generic", "private", "jwt", "bearer", "basic", "url", "postgres", "mysql", "mongodb", "redis", "amqp", "jdbc", "sqlserver"):
            nm["Vendor"] = v0.capitalize()
            nm["vendor"] = v0
    val = e.val
    if bucket == "stmt":
        st = spec["stmt"]
        if e.hdr and not val.expr:
            h, pre, suf = e.hdr
            nm["H"] = h
            nm["HP"] = pre
            if not suf and r.random() < .35:
                tmpl = r.choice(st["header_concat"])
            else:
                tmpl = r.choice(st["header"])
                val = val.wrapped(pre, suf)
        elif e.hdr and val.expr:
            h, pre, suf = e.hdr
            nm["H"], nm["HP"] = h, pre
            tmpl = r.choice(st["header_concat"])
        elif val.expr:
            tmpl = r.choice(st["assign"] + st["kwarg"][:1])
        elif e.family == "url":
            tmpl = r.choice(st["url"] + st["env_default"] + st["assign"])
        elif e.family == "password" or (e.ekind == "neg" and "password" in e.name):
            tmpl = r.choice(st["password"] + st["env_default"])
        elif e.fmt is not None and e.fmt.qparam and r.random() < .5:
            val = val.wrapped("https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&%s=" % e.fmt.qparam)
            tmpl = r.choice(st["url"][:1] + st["assign"][:1])
        else:
            tmpl = r.choice(st["kwarg"] + st["env_default"] + st["setenv"] + st["assign"])
    else:
        tmpl = r.choice(spec[bucket])
    render_tmpl(d, tmpl, nm, lambda dd: write_lit(dd, r, spec, val))
    if not tmpl.endswith("\n"):
        d.t("\n")


def benign_code_entry(d, r, spec, bucket, names):
    w, v = benign_pair(r)
    if isinstance(v, bool) and spec["id"] == "py":
        val = Val("True" if v else "False", expr=True)
    else:
        val = bval(v)
    e = Entry(w, val)
    code_entry(d, r, spec, e, bucket, names)


def choose_bucket(r, e):
    sub = e.val.ann.get("sub") if e.val.ann else None
    if sub in ("type_declaration", "spring_value_annotation"):
        return "decl"
    if e.hdr:
        return "stmt"
    if e.val.multiline:
        return r.choice(["const", "const", "stmt"])
    if e.family in ("url", "password"):
        return r.choice(["stmt", "stmt", "const", "map", "field"])
    return r.choice(["const", "const", "field", "map", "stmt", "stmt"])


def code_doc(K, lang, groups, test=False, n_filler=None):
    r = K.r
    spec = LANGS[lang]
    case = spec["case"]
    names = extra_names(r, case)
    buckets = {"const": [], "field": [], "map": [], "stmt": [], "decl": []}
    for g in groups:
        b = choose_bucket(r, g[-1])
        for e in g:
            if e.hdr:
                buckets["stmt"].append(e)
            else:
                buckets[b].append(e)
    d = Doc()
    d.t(fill(r, lang, r.choice(spec["header"]), case))
    pool = list(spec["filler"])
    r.shuffle(pool)
    nf = n_filler if n_filler is not None else r.randint(12, 30)

    def filler():
        if pool and r.random() < .4:
            d.t(fill(r, lang, pool.pop(), case))
        else:
            d.t(gen_function(r, lang))

    def block(bucket, n_benign):
        items = [("b", None)] * n_benign + [("e", e) for e in buckets[bucket]]
        # keep groups contiguous: shuffle benign positions only
        ents = [x for x in items if x[0] == "e"]
        out = []
        nb = n_benign
        for x in ents:
            k = r.randint(0, min(nb, 2))
            out += [("b", None)] * k
            nb -= k
            if r.random() < .15:
                out.append(("c", None))
            out.append(x)
        out += [("b", None)] * nb
        for kind, e in out:
            if kind == "b":
                if bucket == "stmt":
                    d.t(r.choice(STMT_FILL[lang]) + "\n")
                else:
                    benign_code_entry(d, r, spec, bucket, names)
            elif kind == "c":
                ind = {"const": "", "field": "    ", "map": "    ", "stmt": "    "}[bucket]
                if lang in ("java", "cs") and bucket == "const":
                    ind = "    "
                d.t(ind + spec["comment"] + r.choice(COMMENTS) + "\n")
            else:
                code_entry(d, r, spec, e, bucket, names)

    if buckets["const"] or r.random() < .5:
        block("const", r.randint(1, 5))
        d.t("\n")
    for _ in range(r.randint(0, nf // 2)):
        filler()
    if buckets["field"]:
        d.t(unbrace(subst(spec["cls_open"], names)))
        block("field", r.randint(1, 4))
        d.t(unbrace(subst(spec["cls_close"], names)))
    for _ in range(r.randint(0, nf // 2)):
        filler()
    for e in buckets["decl"]:
        code_entry(d, r, spec, e, "decl", names)
        filler()
    if buckets["map"]:
        d.t(unbrace(subst(spec["map_open"], names)))
        block("map", r.randint(1, 5))
        d.t(unbrace(subst(spec["map_close"], names)))
    if buckets["stmt"]:
        d.t(unbrace(subst(spec["fn_open"], names)))
        block("stmt", r.randint(1, 3))
        d.t(unbrace(subst(spec["fn_close"], names)))
    for _ in range(max(1, nf - nf // 2)):
        filler()
    d.t(fill(r, lang, spec["main"], case))
    return d


# ------------------------------------------------------------------ shell commands
def sh_q(d, val, r, prefer="dq"):
    """Write a shell-quoted value."""
    if val.expr:
        d.v(val)
        return
    raw = val.raw
    if "\n" in raw:
        d.t('"').v(val, lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")).t('"')
        return
    if re.fullmatch(r"[A-Za-z0-9_./:@+=,%~-]+", raw) and r.random() < .35:
        d.v(val)
    elif "'" not in raw and (prefer == "sq" or any(c in raw for c in '$`"\\!') or r.random() < .4):
        d.t("'").v(val).t("'")
    else:
        d.t('"').v(val, lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")).t('"')


API_HOSTS = ["https://api.acme.io/v1/orders", "https://api.github.com/user", "https://api.stripe.com/v1/charges", "https://slack.com/api/chat.postMessage",
             "https://api.openai.com/v1/chat/completions", "https://api.datadoghq.com/api/v1/validate", "https://internal.acme.io/admin/reindex",
             "https://api.cloudflare.com/client/v4/zones", "https://gitlab.com/api/v4/projects", "https://api.anthropic.com/v1/messages"]


def sh_entry(d, K, e, pad=""):
    """One shell line for an entry."""
    r = K.r
    val = e.val
    N = screaming(e.name)
    if e.hdr:
        h, pre, suf = e.hdr
        d.t(pad + "curl -sS %s-H " % r.choice(["", "-X POST ", "--fail "]))
        hv = val.wrapped(h + ": " + pre, suf)
        sh_q(d, hv, r, "dq")
        d.t(" " + r.choice(API_HOSTS) + r.choice(["", " | jq .", " -d @payload.json"]) + "\n")
        return
    fid = e.fmt.id if e.fmt else None
    c = r.random()
    if val.multiline:
        d.t(pad + "export %s=" % N)
        sh_q(d, val, r)
        d.t("\n")
        return
    if e.family == "url" and c < .5:
        cmd = r.choice(["psql ", "pg_dump --no-owner ", "mongosh ", "redis-cli -u ", "alembic -x dburl=", "DATABASE_URL="])
        d.t(pad + cmd)
        sh_q(d, val, r)
        d.t(r.choice(["", " -c 'select 1'", " > backup.sql", " ./manage.py migrate" if cmd == "DATABASE_URL=" else ""]) + "\n")
        return
    if (e.family == "password" or (e.ekind == "neg" and "password" in e.name)) and c < .6:
        t = r.choice(["mysql -h %s -u %s -p" % (r.choice(["db", "127.0.0.1"]), r.choice(USERS)), "docker login -u %s -p " % r.choice(USERS),
                      "sshpass -p ", "PGPASSWORD=", "mysqldump --user=%s --password=" % r.choice(USERS),
                      "kubectl create secret generic %s --from-literal=password=" % r.choice(["db-credentials", "app-secrets"]),
                      "htpasswd -b -c .htpasswd admin ", "echo ", "openssl pkcs12 -export -passout pass:"])
        d.t(pad + t)
        sh_q(d, val, r, "sq")
        tail = {"sshpass -p ": " ssh deploy@bastion", "PGPASSWORD=": " psql -h db -U app orders", "echo ": " | docker login --username ci --password-stdin",
                "openssl pkcs12 -export -passout pass:": " -in cert.pem -inkey key.pem -out bundle.p12"}.get(t, "")
        if t.startswith("mysql -h"):
            tail = " orders < schema.sql"
        if t.startswith("docker login"):
            tail = " registry.acme.io"
        d.t(tail + "\n")
        return
    if fid and c < .45:
        special = {
            "aws_secret_access_key": "aws configure set aws_secret_access_key ", "aws_access_key_id": "aws configure set aws_access_key_id ",
            "npm_token": "npm config set //registry.npmjs.org/:_authToken ", "github_pat_classic": "echo %s | gh auth login --with-token",
            "hashicorp_vault_service_token": "vault login ", "hashicorp_vault_legacy_token": "vault login ", "heroku_api_key": "heroku config:set HEROKU_API_KEY=",
            "dockerhub_pat": "docker login -u acmebot -p ", "pypi_token": "twine upload -u __token__ -p ", "huggingface_token": "huggingface-cli login --token ",
            "terraform_cloud_token": "terraform login -token=", "databricks_token": "databricks configure --token --host https://adb-123.azuredatabricks.net <<< ",
            "stripe_secret_live": "stripe listen --api-key ", "stripe_secret_test": "stripe listen --api-key ", "gitlab_pat": "glab auth login --token ",
            "cloudflare_api_token": "wrangler secret put CF_API_TOKEN <<< ", "slack_webhook_url": "curl -X POST -d '{\"text\":\"deploy done\"}' ",
            "discord_webhook_url": "curl -H 'Content-Type: application/json' -d '{\"content\":\"build failed\"}' ",
        }.get(fid)
        if special:
            if "%s" in special:
                a, b = special.split("%s")
                d.t(pad + a)
                sh_q(d, val, r)
                d.t(b + "\n")
            else:
                d.t(pad + special)
                sh_q(d, val, r)
                d.t("\n")
            return
    if c < .75:
        d.t(pad + "export %s=" % N)
        sh_q(d, val, r)
        d.t("\n")
    elif c < .85:
        d.t(pad + "%s=" % N)
        sh_q(d, val, r)
        d.t(" ./scripts/%s.sh\n" % r.choice(["deploy", "migrate", "sync", "release"]))
    elif c < .93:
        d.t(pad + "%s --%s " % (r.choice(["./bin/worker", "python -m app.cli", "node scripts/seed.js", "./deploy.sh", "java -jar app.jar"]), kebab(e.name)))
        sh_q(d, val, r)
        d.t("\n")
    else:
        d.t(pad + "helm upgrade --install app ./chart --set secrets.%s=" % camel(e.name))
        sh_q(d, val, r)
        d.t("\n")


def curl_basic(d, K, pad=""):
    """curl -u user:password (special format curl_basic_auth)."""
    r = K.r
    val = K.P.special("curl_basic_auth")
    user = r.choice(USERS + ["admin", "elastic", "jenkins"])
    c = r.random()
    if c < .6:
        d.t(pad + "curl -s %s " % r.choice(["-u", "--user"]))
        q = r.choice(["'", '"', ""])
        if not q and not re.fullmatch(r"[A-Za-z0-9_./:@+=,%~-]+", val.raw):
            q = "'"
        d.t(q + user + ":")
        d.v(val, (lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")) if q == '"' else None)
        d.t(q + " " + r.choice(["https://es.internal:9200/_cluster/health", "https://jenkins.acme.io/job/deploy/build", "https://nexus.internal/service/rest/v1/status",
                                "http://localhost:15672/api/overview", "https://api.bitbucket.org/2.0/repositories/acme"]) + "\n")
    else:
        d.t(pad + "wget --user=%s --password=" % user)
        d.t("'").v(val).t("'")
        d.t(" https://artifacts.acme.io/releases/app-1.4.2.tar.gz\n")


SH_FILLER = ['''
wait_for() {
  local url="$1" tries="${2:-30}"
  for ((i = 1; i <= tries; i++)); do
    if curl -fsS "$url" >/dev/null; then
      log "ready: $url"
      return 0
    fi
    sleep 2
  done
  log "timed out waiting for $url"
  return 1
}
''', '''
# Resolve the secret name for this environment; the value itself is fetched at runtime.
ENVIRONMENT="${ENVIRONMENT:-staging}"
SECRET_NAME="${ENVIRONMENT}/app/credentials"
TOKEN_FILE="${TOKEN_FILE:-/var/run/secrets/app/token}"
if [[ -f "$TOKEN_FILE" ]]; then
  log "using token file $TOKEN_FILE"
fi
''', '''
cleanup() {
  rm -f "${tmp_key_file:-}" "${tmp_token_file:-}"
  unset PASSWORD_PROMPT TOKEN_SCOPE
}
trap cleanup EXIT
tmp_key_file="$(mktemp)"
chmod 600 "$tmp_key_file"
''', '''
check_password_policy() {
  local min_len="${PASSWORD_MIN_LENGTH:-12}"
  if [[ ${#1} -lt $min_len ]]; then
    log "password shorter than ${min_len} characters"
    return 1
  fi
}
''', '''
deploy() {
  local tag="${IMAGE_TAG:-$(git rev-parse --short HEAD)}"
  log "deploying ${tag} to ${ENVIRONMENT:-staging}"
  docker build -t "registry.acme.io/app:${tag}" .
  docker push "registry.acme.io/app:${tag}"
  kubectl set image deployment/app app="registry.acme.io/app:${tag}"
}
''', '''
log() { printf '[%s] %s\\n' "$(date -u +%FT%TZ)" "$*" >&2; }

require() {
  command -v "$1" >/dev/null 2>&1 || { log "missing dependency: $1"; exit 1; }
}
''', '''
for svc in api worker scheduler; do
  log "restarting ${svc}"
  kubectl rollout restart "deployment/${svc}" -n "${NAMESPACE:-default}"
  kubectl rollout status "deployment/${svc}" -n "${NAMESPACE:-default}" --timeout=120s
done
''', '''
if [[ -z "${SECRET_NAME:-}" ]]; then
  log "SECRET_NAME is not set, using default"
  SECRET_NAME="app-credentials"
fi
TOKEN_TTL="${TOKEN_TTL:-3600}"
''', '''
rotate_key() {
  local key_id="$1"
  log "rotating key ${key_id}"
  aws iam create-access-key --user-name "${IAM_USER}" > "/tmp/${key_id}.json"
  aws iam delete-access-key --user-name "${IAM_USER}" --access-key-id "${key_id}"
}
''', '''
backup_db() {
  local out="backup-$(date +%Y%m%d).sql.gz"
  pg_dump --no-owner --dbname "${DATABASE_URL}" | gzip > "${out}"
  aws s3 cp "${out}" "s3://${BACKUP_BUCKET}/postgres/${out}"
}
''', '''
case "${1:-}" in
  deploy) deploy ;;
  rollback) rollback "${2:-}" ;;
  *) echo "usage: $0 {deploy|rollback}" >&2; exit 2 ;;
esac
''']


def dedent_doc(d, n=4):
    """Remove n leading spaces from every line (benign segments only)."""
    out = Doc()
    at_line_start = True
    for text, ann in d.segs:
        if ann is None:
            lines = text.split("\n")
            res = []
            for j, ln in enumerate(lines):
                if (j > 0 or at_line_start) and ln.startswith(" " * n):
                    ln = ln[n:]
                res.append(ln)
            text = "\n".join(res)
            if text:
                at_line_start = text.endswith("\n")
        else:
            at_line_start = False
        if text:
            out.segs.append((text, ann))
    return out
