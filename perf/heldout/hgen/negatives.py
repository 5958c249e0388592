"""Hard negatives: values that sit where secrets sit but are not secrets.

Each generator: fn(rng, ctx, name_words) -> Val | None.  ctx = {'lang':..,'flavor':..,'test':bool,
'multiline':bool}.  Returning None means "not applicable here".  A generator may set Val.names to
override the (secret-looking) name the planner picked.
"""
import json
import uuid

from .formats import FORMATS, USERS, DBS, pem, gen_password, mapbox
from .util import (ALNUM, B62, B64, B64URL, DIGITS, HEX, LOALNUM, LOWER, UPALNUM, UPPER, Val, b64,
                   b64url_nopad, bech32_encode, jwt, rbytes, rb64, rs, screaming, snake, camel, dotted,
                   wrap)

CLASSES = ["reference", "public_by_design", "placeholder", "hash", "id", "public_key", "code", "fixture"]

CODE_LANGS = ("py", "js", "ts", "go", "java", "kt", "rs", "rb", "php", "cs")
YAMLISH = ("yaml",)
ANYSTR = None   # marker: literal usable in any syntax

NEG = {c: [] for c in CLASSES}


def neg(cls, sub, weight=1.0, langs=ANYSTR, multiline=False, disputed=False):
    def deco(fn):
        NEG[cls].append(dict(sub=sub, fn=fn, w=weight, langs=langs, multiline=multiline, disputed=disputed, cls=cls))
        return fn
    return deco


def N(raw, cls, sub, expr=False, names=None, disputed=False):  # noqa: N802
    ann = {"k": "neg", "cls": cls, "sub": sub}
    if disputed:
        ann["disputed"] = True
    return Val(raw, ann, expr=expr, names=names)


def envname(nm):
    return screaming(nm)


def u4(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


APPS = ["orders", "billing", "payments", "checkout", "identity", "search", "notifications", "ledger", "catalog", "reporting"]
ENVS = ["prod", "production", "staging", "dev", "qa"]

# =================================================================== reference


@neg("reference", "env_interpolation", 3)
def _(r, ctx, nm):
    n = envname(nm)
    if ctx["lang"] in ("py", "java", "go", "rs", "cs", "kt", "js", "ts", "php", "rb", "sql", "md", "log", "http"):
        if r.random() < .7:
            return None
    return N(r.choice(["${%s}" % n, "${%s}" % n, "${%s:-}" % n, "${%s:?%s is required}" % (n, n), "$%s" % n]), "reference", "env_interpolation")


@neg("reference", "vault_path", 1.5)
def _(r, ctx, nm):
    return N(r.choice(["vault:secret/data/%s/%s#%s" % (r.choice(APPS), r.choice(ENVS), snake(nm)),
                       "vault:kv/%s/%s#%s" % (r.choice(ENVS), r.choice(APPS), snake(nm)),
                       "ref+vault://secret/%s/%s#/%s" % (r.choice(APPS), r.choice(ENVS), snake(nm))]), "reference", "vault_path")


@neg("reference", "aws_secretsmanager_arn", 1.5)
def _(r, ctx, nm):
    return N("arn:aws:secretsmanager:%s:%s:secret:%s/%s/%s-%s" % (r.choice(["us-east-1", "eu-west-1", "us-west-2"]), rs(r, DIGITS, 12), r.choice(ENVS),
                                                                 r.choice(APPS), snake(nm).replace("_", "-"), rs(r, ALNUM, 6)), "reference", "aws_secretsmanager_arn")


@neg("reference", "onepassword_ref", 1)
def _(r, ctx, nm):
    return N("op://%s/%s/%s" % (r.choice(["Engineering", "Platform", "Shared", "Prod"]), r.choice(["Stripe", "Postgres Prod", "Slack Bot", "GitHub CI", "Datadog"]),
                                r.choice(["credential", "password", "api key", "token"])), "reference", "onepassword_ref")


@neg("reference", "ssm_ref", 1)
def _(r, ctx, nm):
    p = "/%s/%s/%s" % (r.choice(ENVS), r.choice(APPS), snake(nm))
    return N(r.choice(["ref+awsssm://%s" % p.lstrip("/"), "ssm:%s" % p, "{{resolve:ssm-secure:%s:%d}}" % (p, r.randint(1, 9)),
                       "{{resolve:secretsmanager:%s/%s:SecretString:%s}}" % (r.choice(ENVS), r.choice(APPS), camel(nm[-1:]) if nm else "password")]),
             "reference", "ssm_ref")


@neg("reference", "gcp_secret_ref", 0.8)
def _(r, ctx, nm):
    return N(r.choice(["projects/%s/secrets/%s/versions/latest" % (r.choice(["acme-prod", "initech-stg", str(r.randint(10 ** 11, 10 ** 12))]), snake(nm).replace("_", "-")),
                       "sm://%s/%s" % (r.choice(["acme-prod", "initech"]), snake(nm).replace("_", "-"))]), "reference", "gcp_secret_ref")


@neg("reference", "azure_keyvault_ref", 0.7)
def _(r, ctx, nm):
    return N("@Microsoft.KeyVault(SecretUri=https://%s.vault.azure.net/secrets/%s/)" % (r.choice(["kv-prod-eus", "acme-kv", "kv-payments"]), "-".join(nm)),
             "reference", "azure_keyvault_ref")


@neg("reference", "sops_encrypted", 0.8)
def _(r, ctx, nm):
    return N("ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (rb64(r, r.randint(12, 40)), rb64(r, 32), rb64(r, 16)), "reference", "sops_encrypted")


@neg("reference", "template_ref", 2)
def _(r, ctx, nm):
    fl = ctx.get("flavor")
    n = envname(nm)
    if fl in ("gha",):
        v = r.choice(["${{ secrets.%s }}" % n, "${{ secrets.%s }}" % n, "${{ env.%s }}" % n, "${{ vars.%s }}" % n])
    elif fl == "gitlab":
        v = r.choice(["$%s" % n, "${%s}" % n, "$CI_JOB_TOKEN", "$CI_REGISTRY_PASSWORD"])
    elif fl == "helm":
        v = r.choice(["{{ .Values.%s }}" % dotted(nm), "{{ .Values.secrets.%s | b64enc | quote }}" % camel(nm),
                      '{{ required "%s is required" .Values.%s }}' % (camel(nm), camel(nm)), "{{ .Values.global.%s | quote }}" % camel(nm)])
    elif fl == "ansible":
        v = r.choice(["{{ vault_%s }}" % snake(nm), "{{ lookup('env', '%s') }}" % n, "{{ lookup('community.hashi_vault.hashi_vault', 'secret=secret/data/%s:%s') }}" % (r.choice(APPS), snake(nm))])
    elif fl == "spring" or ctx["lang"] in ("props",):
        v = r.choice(["${%s}" % dotted(nm), "${%s:}" % n, "${%s}" % n])
    elif ctx["lang"] == "rb" or fl == "erb":
        v = r.choice(["<%%= ENV['%s'] %%>" % n, "<%%= ENV.fetch('%s') %%>" % n, "<%%= Rails.application.credentials.dig(:%s, :%s) %%>" % (nm[0].lower(), snake(nm[1:] or nm))])
    elif ctx["lang"] == "ini":
        v = r.choice(["%%(%s)s" % snake(nm), "${%s}" % n, "%%(ENV_%s)s" % n])
    elif ctx["lang"] == "cs" or fl == "octopus":
        v = "#{%s}" % "".join(w.capitalize() for w in nm)
    else:
        v = r.choice(["{{ %s }}" % snake(nm), "{{%s}}" % n, "%%(%s)s" % snake(nm), "#{%s}" % camel(nm), "<%%= ENV['%s'] %%>" % n,
                      '{{ secret "%s" }}' % "-".join(nm).lower(), "{{ env \"%s\" }}" % n])
    return N(v, "reference", "template_ref")


@neg("reference", "docker_secret_file", 0.6)
def _(r, ctx, nm):
    if ctx["lang"] not in ("sh", "docker", "yaml", "env", "md"):
        return None
    return N(r.choice(["$(cat /run/secrets/%s)" % snake(nm), "$(< /run/secrets/%s)" % snake(nm)]), "reference", "docker_secret_file")


EXPR_REFS = {
    "py": ['os.environ["{N}"]', 'os.environ.get("{N}")', 'os.getenv("{N}")', 'os.getenv("{N}", "")', 'settings.{N}',
           'config("{N}")', 'env.str("{N}")', 'Variable.get("{s}")', 'dbutils.secrets.get(scope="{app}", key="{k}")',
           'keyring.get_password("{app}", "{s}")', 'get_secret("{app}/{s}")', 'os.environ["{N}"].strip()'],
    "js": ['process.env.{N}', 'process.env["{N}"]', 'process.env.{N} ?? ""', 'config.get("{d}")', 'await secrets.get("{k}")'],
    "ts": ['process.env.{N}!', 'process.env.{N} as string', 'import.meta.env.VITE_{N}', 'Deno.env.get("{N}")', 'configService.get<string>("{N}")'],
    "go": ['os.Getenv("{N}")', 'viper.GetString("{d}")', 'cfg.{P}', 'mustEnv("{N}")'],
    "java": ['System.getenv("{N}")', 'env.getProperty("{d}")', 'props.getProperty("{d}")', 'secretsClient.getSecretValue("{k}")'],
    "kt": ['System.getenv("{N}")', 'System.getenv("{N}") ?: ""', 'config.getString("{d}")', 'dotenv["{N}"]'],
    "rs": ['std::env::var("{N}").expect("{N} must be set")', 'env::var("{N}")?', 'env!("{N}")', 'dotenvy::var("{N}")?'],
    "rb": ['ENV["{N}"]', 'ENV.fetch("{N}")', 'Rails.application.credentials.{s}', 'Rails.application.credentials.dig(:{a}, :{s})'],
    "php": ["getenv('{N}')", "$_ENV['{N}']", "env('{N}')", "config('services.{a}.{s}')", "$_SERVER['{N}']"],
    "cs": ['Environment.GetEnvironmentVariable("{N}")', 'Configuration["{P}"]', 'configuration.GetValue<string>("{P}")',
           'builder.Configuration["{a}:{P}"]'],
    "sh": ['"${{N}}"', '"$({cmdN})"'],
    "hcl": ['var.{s}', 'data.aws_secretsmanager_secret_version.{a}.secret_string', 'random_password.{a}.result',
            'jsondecode(data.aws_secretsmanager_secret_version.{a}.secret_string)["{s}"]', 'local.{s}', 'data.vault_generic_secret.{a}.data["{s}"]'],
}

SH_CMDS = ["vault kv get -field={s} secret/{a}", "aws secretsmanager get-secret-value --secret-id {a}/{s} --query SecretString --output text",
           "gcloud secrets versions access latest --secret={s}", "cat /run/secrets/{s}", "pass show {a}/{s}", "op read op://Prod/{a}/{s}"]


@neg("reference", "code_reference", 4, langs=CODE_LANGS + ("sh", "hcl"))
def _(r, ctx, nm):
    lang = ctx["lang"]
    tmpl = EXPR_REFS.get(lang)
    if not tmpl:
        return None
    t = r.choice(tmpl)
    app = r.choice(APPS)
    if lang == "sh":
        if "{cmdN}" in t:
            t = t.replace("{cmdN}", r.choice(SH_CMDS))
    v = (t.replace("{N}", envname(nm)).replace("{s}", snake(nm)).replace("{d}", dotted(nm)).replace("{k}", "-".join(nm).lower())
         .replace("{P}", "".join(w.capitalize() for w in nm)).replace("{app}", app).replace("{a}", app))
    return N(v, "reference", "code_reference", expr=True)


@neg("reference", "secret_name", 1.2)
def _(r, ctx, nm):
    """The value is the *name* of a secret, not the secret."""
    return N(r.choice(["%s-%s-credentials" % (r.choice(ENVS), r.choice(APPS)), "%s/%s/%s" % (r.choice(ENVS), r.choice(APPS), snake(nm)),
                       "%s-db-secret" % r.choice(APPS), "%s-tls" % r.choice(APPS)]), "reference", "secret_name",
             names=r.choice([["secret", "name"], ["secret", "id"], ["existing", "secret"], ["credentials", "secret"], ["secret", "ref"], ["password", "secret", "name"]]))


@neg("reference", "spring_value_annotation", 1.2, langs=("java", "kt"))
def _(r, ctx, nm):
    return N(r.choice(["${%s}" % dotted(nm), "${%s:}" % envname(nm), "${app.%s}" % dotted(nm)]), "reference", "spring_value_annotation")


# =================================================================== public_by_design


@neg("public_by_design", "stripe_publishable_key", 2, disputed=True)
def _(r, ctx, nm):
    return N(r.choice(["pk_live_", "pk_test_"]) + r.choice(["51", ""]) + rs(r, B62, r.choice([24, 97])), "public_by_design", "stripe_publishable_key",
             names=r.choice([["stripe", "publishable", "key"], ["stripe", "public", "key"], ["next", "public", "stripe", "key"], ["stripe", "pk"]]), disputed=True)


@neg("public_by_design", "supabase_anon_key", 1.5)
def _(r, ctx, nm):
    iat = r.randint(1650000000, 1720000000)
    v = jwt(r, {"alg": "HS256", "typ": "JWT"}, {"iss": "supabase", "ref": rs(r, LOWER, 20), "role": "anon", "iat": iat, "exp": iat + 315360000})
    return N(v, "public_by_design", "supabase_anon_key",
             names=r.choice([["supabase", "anon", "key"], ["next", "public", "supabase", "anon", "key"], ["supabase", "key"], ["vite", "supabase", "anon", "key"]]))


@neg("public_by_design", "firebase_web_config", 2)
def _(r, ctx, nm):
    proj = r.choice(["acme-web", "shoply-prod", "fleetview-app", "chatter-8c1"]) + "-" + rs(r, LOALNUM, 4)
    c = r.randrange(5)
    if c == 0:
        return N("1:%s:web:%s" % (rs(r, DIGITS, 12), rs(r, HEX, 22)), "public_by_design", "firebase_web_config", names=["firebase", "app", "id"])
    if c == 1:
        return N(rs(r, DIGITS, 12), "public_by_design", "firebase_web_config", names=["messaging", "sender", "id"])
    if c == 2:
        return N(proj + ".firebaseapp.com", "public_by_design", "firebase_web_config", names=["auth", "domain"])
    if c == 3:
        return N("G-" + rs(r, UPALNUM, 10), "public_by_design", "firebase_web_config", names=["measurement", "id"])
    return N(proj + ".appspot.com", "public_by_design", "firebase_web_config", names=["storage", "bucket"])


@neg("public_by_design", "mapbox_public_token", 1.2)
def _(r, ctx, nm):
    return N(mapbox("pk")(r), "public_by_design", "mapbox_public_token",
             names=r.choice([["mapbox", "access", "token"], ["mapbox", "token"], ["mapbox", "public", "token"], ["next", "public", "mapbox", "token"]]))


@neg("public_by_design", "algolia_search_key", 1.2)
def _(r, ctx, nm):
    return N(rs(r, HEX, 32), "public_by_design", "algolia_search_key",
             names=r.choice([["algolia", "search", "key"], ["algolia", "search", "api", "key"], ["search", "only", "api", "key"], ["algolia", "search", "only", "key"]]))


@neg("public_by_design", "recaptcha_site_key", 1)
def _(r, ctx, nm):
    return N("6L" + rs(r, B64URL, 38), "public_by_design", "recaptcha_site_key",
             names=r.choice([["recaptcha", "site", "key"], ["recaptcha", "public", "key"], ["captcha", "site", "key"]]))


@neg("public_by_design", "sentry_public_dsn", 1.2)
def _(r, ctx, nm):
    return N("https://%s@o%d.ingest.%ssentry.io/%d" % (rs(r, HEX, 32), r.randint(10000, 4999999), r.choice(["", "us.", "de."]), r.randint(1000, 9999999)),
             "public_by_design", "sentry_public_dsn", names=r.choice([["sentry", "dsn"], ["next", "public", "sentry", "dsn"], ["raven", "dsn"]]))


@neg("public_by_design", "pusher_app_key", 0.6)
def _(r, ctx, nm):
    return N(rs(r, HEX, 20), "public_by_design", "pusher_app_key", names=r.choice([["pusher", "app", "key"], ["pusher", "key"], ["vite", "pusher", "app", "key"]]))


@neg("public_by_design", "posthog_project_key", 0.6)
def _(r, ctx, nm):
    return N("phc_" + rs(r, ALNUM, 43), "public_by_design", "posthog_project_key", names=r.choice([["posthog", "key"], ["next", "public", "posthog", "key"], ["posthog", "api", "key"]]))


@neg("public_by_design", "clerk_publishable_key", 0.5)
def _(r, ctx, nm):
    dom = r.choice(["clerk.acme.io", "accounts.shoply.dev", "clerk.fleetview.app"]) + "$"
    return N(r.choice(["pk_live_", "pk_test_"]) + b64(dom.encode()).rstrip("="), "public_by_design", "clerk_publishable_key",
             names=r.choice([["clerk", "publishable", "key"], ["next", "public", "clerk", "publishable", "key"]]))


# =================================================================== placeholder
PLACEHOLDERS = ["changeme", "CHANGEME", "change_me", "change-me-in-production", "your-api-key-here", "your_api_key", "YOUR_API_KEY",
                "<YOUR_TOKEN>", "<your-secret>", "<password>", "<api-key>", "[REDACTED]", "REDACTED", "<redacted>", "********", "****",
                "xxxxxxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXX", "xxx", "example", "dummy", "test", "secret123", "password", "password123",
                "sk-test-not-a-real-key", "TODO", "replace-me", "REPLACE_ME", "insert-your-key-here", "put-your-token-here", "none", "null",
                "123456789", "0000000000000000", "aaaaaaaaaaaaaaaaaaaaaaaa", "secret", "s3cr3t-placeholder", "my-secret-key", "your-secret-key",
                "notsecret", "not-a-secret", "PLACEHOLDER", "__REPLACE__", "%%PASSWORD%%", "@@API_KEY@@", "enter-password", "mypassword",
                "sample-token", "abc123", "qwerty"]

SHAPED = [
    ("ghp_" + "x" * 36, ["github", "token"]), ("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", ["github", "token"]),
    ("sk_live_" + "x" * 24, ["stripe", "secret", "key"]), ("sk_live_...", ["stripe", "secret", "key"]), ("sk-...", ["openai", "api", "key"]),
    ("sk-proj-********************************", ["openai", "api", "key"]), ("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ["openai", "api", "key"]),
    ("AKIAXXXXXXXXXXXXXXXX", ["aws", "access", "key", "id"]), ("xoxb-your-bot-token", ["slack", "bot", "token"]),
    ("xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx", ["slack", "bot", "token"]),
    ("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", ["slack", "webhook", "url"]),
    ("postgres://user:password@localhost:5432/mydb", ["database", "url"]), ("postgresql://USER:PASSWORD@HOST:5432/DBNAME", ["database", "url"]),
    ("mysql://root:changeme@localhost:3306/app", ["database", "url"]), ("mongodb+srv://<username>:<password>@cluster0.mongodb.net/", ["mongo", "uri"]),
    ("redis://:password@localhost:6379/0", ["redis", "url"]), ("hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ["hf", "token"]),
    ("glpat-xxxxxxxxxxxxxxxxxxxx", ["gitlab", "token"]), ("AIzaSy" + "X" * 33, ["google", "api", "key"]),
    ("sk-ant-api03-...", ["anthropic", "api", "key"]), ("SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", ["sendgrid", "api", "key"]),
    ("npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", ["npm", "token"]), ("dop_v1_<your-token>", ["digitalocean", "token"]),
    ("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----", ["private", "key"]),
]


@neg("placeholder", "placeholder_word", 5)
def _(r, ctx, nm):
    return N(r.choice(PLACEHOLDERS), "placeholder", "placeholder_word")


@neg("placeholder", "format_shaped_placeholder", 2.5)
def _(r, ctx, nm):
    v, names = r.choice(SHAPED)
    if "\n" in v and not ctx.get("multiline"):
        return None
    return N(v, "placeholder", "format_shaped_placeholder", names=names)


@neg("placeholder", "masked_value", 1.2)
def _(r, ctx, nm):
    pre, names = r.choice([("sk-", ["openai", "api", "key"]), ("sk_live_", ["stripe", "secret", "key"]), ("ghp_", ["github", "token"]),
                           ("xoxb-", ["slack", "bot", "token"]), ("AKIA", ["aws", "access", "key", "id"]), ("", None), ("", None), ("glpat-", ["gitlab", "token"])])
    v = pre + "*" * r.randint(8, 24) + rs(r, LOALNUM, 4) if r.random() < .5 else pre + "..." + rs(r, LOALNUM, 4)
    return N(v, "placeholder", "masked_value", names=names)


@neg("placeholder", "aws_documented_example", 1.2, disputed=True)
def _(r, ctx, nm):
    if r.random() < .5:
        return N("AKIAIOSFODNN7EXAMPLE", "placeholder", "aws_documented_example", names=r.choice([["aws", "access", "key", "id"], ["access", "key", "id"]]), disputed=True)
    return N("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "placeholder", "aws_documented_example",
             names=r.choice([["aws", "secret", "access", "key"], ["secret", "access", "key"]]), disputed=True)


@neg("placeholder", "jwt_io_example", 0.6, disputed=True)
def _(r, ctx, nm):
    return N("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
             "placeholder", "jwt_io_example", names=r.choice([["access", "token"], ["jwt"], ["auth", "token"]]), disputed=True)


@neg("placeholder", "repeated_or_sequence", 1)
def _(r, ctx, nm):
    c = r.choice("0aAxX*9f")
    return N(r.choice([c * r.randint(16, 40), "1234567890" * r.randint(2, 4), "abcdef0123456789" * 2, "0123456789abcdef" * 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]),
             "placeholder", "repeated_or_sequence")


# =================================================================== hash
HASH_NAMES = [["token", "hash"], ["password", "hash"], ["api", "key", "hash"], ["secret", "digest"], ["checksum"], ["sha256"], ["digest"],
              ["content", "hash"], ["etag"], ["cache", "key"], ["fingerprint"], ["key", "fingerprint"], ["token", "sha256"], ["hashed", "token"],
              ["integrity"], ["file", "hash"], ["secret", "hash"], ["password", "digest"], ["lock", "hash"], ["build", "hash"]]


@neg("hash", "hex_digest", 4)
def _(r, ctx, nm):
    n = r.choice([32, 40, 64, 64, 128])
    return N(rs(r, HEX if r.random() < .9 else "0123456789ABCDEF", n), "hash", "hex_digest", names=r.choice(HASH_NAMES))


@neg("hash", "git_commit_sha", 2.5)
def _(r, ctx, nm):
    return N(rs(r, HEX, r.choice([40, 40, 40, 7, 12])), "hash", "git_commit_sha",
             names=r.choice([["commit"], ["commit", "sha"], ["git", "sha"], ["revision"], ["git", "commit"], ["sha"], ["ref"], ["source", "version"], ["build", "commit"]]))


@neg("hash", "sri_integrity", 1.2)
def _(r, ctx, nm):
    return N(r.choice(["sha512-" + b64(rbytes(r, 64)), "sha384-" + b64(rbytes(r, 48)), "sha256-" + b64(rbytes(r, 32))]), "hash", "sri_integrity",
             names=["integrity"])


@neg("hash", "password_hash", 2)
def _(r, ctx, nm):
    c = r.random()
    if c < .5:
        v = "$2%s$%s$%s" % (r.choice("aby"), r.choice(["10", "12", "12", "14"]), rs(r, ALNUM + "./", 53))
    elif c < .75:
        v = "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (b64(rbytes(r, 16)).rstrip("="), b64(rbytes(r, 32)).rstrip("="))
    else:
        v = "pbkdf2_sha256$%d$%s$%s" % (r.choice([260000, 600000, 720000]), rs(r, ALNUM, 22), b64(rbytes(r, 32)))
    return N(v, "hash", "password_hash", names=r.choice([["password", "hash"], ["hashed", "password"], ["encrypted", "password"], ["password", "digest"], ["admin", "password", "hash"]]))


@neg("hash", "docker_digest", 1.5)
def _(r, ctx, nm):
    d = "sha256:" + rs(r, HEX, 64)
    if r.random() < .5:
        return N(d, "hash", "docker_digest", names=r.choice([["image", "digest"], ["digest"], ["base", "image", "digest"]]))
    img = r.choice(["python:3.11-slim", "node:20-alpine", "ghcr.io/acme/api", "nginx:1.25", "gcr.io/distroless/static"])
    return N(img + "@" + d, "hash", "docker_digest", names=r.choice([["image"], ["base", "image"], ["runner", "image"]]))


@neg("hash", "go_sum_or_lock_hash", 0.8)
def _(r, ctx, nm):
    return N(r.choice(["h1:" + b64(rbytes(r, 32)), "sha256:" + rs(r, HEX, 64), rs(r, HEX, 64)]), "hash", "go_sum_or_lock_hash",
             names=r.choice([["checksum"], ["hash"], ["lock", "hash"]]))


@neg("hash", "webhook_signature", 0.8)
def _(r, ctx, nm):
    return N(r.choice(["sha256=" + rs(r, HEX, 64), "sha1=" + rs(r, HEX, 40), "t=%d,v1=%s" % (r.randint(1700000000, 1760000000), rs(r, HEX, 64))]),
             "hash", "webhook_signature", names=r.choice([["signature"], ["expected", "signature"], ["x", "hub", "signature", "256"], ["stripe", "signature"]]))


# =================================================================== id
def objid(r):
    return rs(r, HEX, 24)


@neg("id", "uuid", 4)
def _(r, ctx, nm):
    return N(u4(r), "id", "uuid", names=r.choice([["request", "id"], ["trace", "id"], ["correlation", "id"], ["idempotency", "key"], ["client", "id"],
                                                  ["tenant", "id"], ["subscription", "id"], ["api", "key", "id"], ["key", "id"], ["app", "id"],
                                                  ["azure", "client", "id"], ["azure", "tenant", "id"], ["installation", "id"], ["token", "id"],
                                                  ["session", "id"], ["secret", "id"], ["credential", "id"], ["project", "id"]]))


@neg("id", "object_id", 1.5)
def _(r, ctx, nm):
    c = r.random()
    if c < .4:
        return N(objid(r), "id", "object_id", names=r.choice([["user", "id"], ["document", "id"], ["org", "id"], ["account", "id"]]))
    if c < .7:
        return N(r.choice(["cus_", "pi_", "ch_", "evt_", "sub_", "price_", "prod_", "acct_", "in_", "seti_"]) + rs(r, ALNUM, r.choice([14, 24])), "id", "object_id",
                 names=r.choice([["customer", "id"], ["payment", "intent"], ["event", "id"], ["price", "id"], ["stripe", "account"], ["stripe", "customer"]]))
    if c < .85:
        return N("01" + rs(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24), "id", "object_id", names=r.choice([["event", "id"], ["job", "id"], ["ulid"]]))
    return N(rs(r, B64URL, 21), "id", "object_id", names=r.choice([["public", "id"], ["share", "id"], ["nanoid"], ["short", "id"], ["invite", "code"]]))


@neg("id", "base64_text", 1.5)
def _(r, ctx, nm):
    c = r.random()
    if c < .4:
        v = b64(json.dumps({"offset": r.randint(20, 5000), "limit": r.choice([20, 50, 100])}).encode())
        names = r.choice([["next", "page", "token"], ["page", "token"], ["cursor"], ["continuation", "token"], ["pagination", "token"]])
    elif c < .7:
        v = b64(r.choice(["hello world", "Welcome to the billing service", "user@example.com", "admin", "postgres.default.svc.cluster.local",
                          "us-east-1", "production", "application/json"]).encode())
        names = r.choice([["payload"], ["encoded", "data"], ["message"], ["data"], ["username"], ["host"]])
    else:
        v = b64url_nopad(json.dumps({"typ": "state", "redirect": "/dashboard", "nonce_len": 16}).encode())
        names = r.choice([["state"], ["oauth", "state"], ["relay", "state"]])
    return N(v, "id", "base64_text", names=names)


@neg("id", "file_path", 2)
def _(r, ctx, nm):
    v, names = r.choice([
        ("/etc/ssl/private/server.key", [["ssl", "key", "file"], ["tls", "key", "path"], ["key", "file"], ["ssl", "certificate", "key"]]),
        ("~/.ssh/id_rsa", [["identity", "file"], ["private", "key", "path"], ["ssh", "key", "path"]]),
        ("/var/run/secrets/kubernetes.io/serviceaccount/token", [["token", "file"], ["token", "path"], ["sa", "token", "path"]]),
        ("/run/secrets/db_password", [["password", "file"], ["db", "password", "file"]]),
        ("secrets/credentials.json", [["credentials", "file"], ["google", "application", "credentials"], ["service", "account", "file"]]),
        ("./certs/jwt-private.pem", [["jwt", "private", "key", "path"], ["signing", "key", "path"], ["private", "key", "file"]]),
        ("/vault/secrets/config", [["secrets", "path"], ["vault", "secret", "path"]]),
        ("config/master.key", [["master", "key", "path"], ["key", "path"]]),
        ("/home/deploy/.aws/credentials", [["aws", "shared", "credentials", "file"], ["credentials", "path"]]),
    ])
    return N(v, "id", "file_path", names=r.choice(names))


@neg("id", "url_without_credentials", 2)
def _(r, ctx, nm):
    v, names = r.choice([
        ("https://oauth2.googleapis.com/token", [["token", "url"], ["token", "uri"], ["token", "endpoint"]]),
        ("https://login.microsoftonline.com/%s/oauth2/v2.0/token" % u4(r), [["token", "endpoint"], ["authority"]]),
        ("https://auth.acme.io/.well-known/jwks.json", [["jwks", "uri"], ["jwks", "url"], ["public", "key", "url"]]),
        ("https://vault.internal:8200", [["vault", "addr"], ["vault", "url"]]),
        ("https://api.stripe.com/v1", [["stripe", "api", "base"], ["api", "base", "url"]]),
        ("https://%s.auth0.com/oauth/token" % r.choice(["acme", "initech", "globex"]), [["auth0", "token", "url"], ["token", "url"]]),
        ("postgres://db.internal:5432/orders", [["database", "host", "url"], ["db", "url"]]),
        ("redis://redis:6379/0", [["redis", "url"], ["cache", "url"]]),
        ("https://github.com/acme/platform.git", [["repo", "url"], ["remote", "url"]]),
        ("https://secretsmanager.us-east-1.amazonaws.com", [["secrets", "manager", "endpoint"], ["endpoint"]]),
    ])
    return N(v, "id", "url_without_credentials", names=r.choice(names))


@neg("id", "cloud_resource_id", 2)
def _(r, ctx, nm):
    acct = rs(r, DIGITS, 12)
    reg = r.choice(["us-east-1", "eu-west-1", "us-west-2"])
    v, names = r.choice([
        ("arn:aws:kms:%s:%s:key/%s" % (reg, acct, u4(r)), [["kms", "key", "id"], ["kms", "key", "arn"], ["encryption", "key", "arn"], ["sse", "kms", "key", "id"]]),
        ("alias/%s-%s" % (r.choice(APPS), r.choice(ENVS)), [["kms", "key", "alias"], ["key", "alias"]]),
        ("arn:aws:iam::%s:role/%s-%s" % (acct, r.choice(APPS), r.choice(["deployer", "task", "reader"])), [["role", "arn"], ["assume", "role", "arn"]]),
        (acct, [["aws", "account", "id"], ["account", "id"]]),
        ("i-0" + rs(r, HEX, 16), [["instance", "id"]]),
        ("sg-0" + rs(r, HEX, 16), [["security", "group", "id"]]),
        ("subnet-0" + rs(r, HEX, 16), [["subnet", "id"]]),
        ("ami-0" + rs(r, HEX, 16), [["ami", "id"], ["image", "id"]]),
        ("%s-%s.apps.googleusercontent.com" % (rs(r, DIGITS, 12), rs(r, LOALNUM, 32)), [["google", "client", "id"], ["oauth", "client", "id"], ["client", "id"]]),
        ("C0" + rs(r, UPALNUM, 9), [["slack", "channel", "id"], ["channel"]]),
        (rs(r, UPALNUM, 10), [["algolia", "app", "id"], ["algolia", "application", "id"]]),
        (rs(r, ALNUM, 32), [["auth0", "client", "id"], ["client", "id"]]),
        ("projects/%s/locations/global/keyRings/%s/cryptoKeys/%s" % (r.choice(["acme-prod", "initech"]), r.choice(APPS), r.choice(["sops", "tfstate"])), [["kms", "key", "name"], ["crypto", "key"]]),
    ])
    return N(v, "id", "cloud_resource_id", names=r.choice(names))


@neg("id", "version_or_time", 1.2)
def _(r, ctx, nm):
    v, names = r.choice([
        ("%d.%d.%d" % (r.randint(0, 9), r.randint(0, 30), r.randint(0, 40)), [["key", "version"], ["token", "version"], ["api", "version"]]),
        ("20%d-%02d-%02dT%02d:%02d:%02dZ" % (r.randint(23, 26), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)),
         [["token", "expires", "at"], ["password", "changed", "at"], ["secret", "rotated", "at"], ["key", "created"]]),
        (str(r.randint(1700000000, 1760000000)), [["token", "issued", "at"], ["expires", "at"]]),
        ("2024-0%d-01" % r.randint(1, 9), [["api", "version"], ["stripe", "api", "version"]]),
    ])
    return N(v, "id", "version_or_time", names=r.choice(names))


@neg("id", "trace_context", 0.8)
def _(r, ctx, nm):
    return N(r.choice(["00-%s-%s-01" % (rs(r, HEX, 32), rs(r, HEX, 16)), rs(r, HEX, 32), rs(r, HEX, 16)]), "id", "trace_context",
             names=r.choice([["traceparent"], ["trace", "id"], ["span", "id"], ["x", "request", "id"], ["x", "amzn", "trace", "id"]]))


# =================================================================== public_key
def ssh_pub(r):
    if r.random() < .5:
        blob = (7).to_bytes(4, "big") + b"ssh-rsa" + (3).to_bytes(4, "big") + b"\x01\x00\x01" + (257).to_bytes(4, "big") + b"\x00" + rbytes(r, 256)
        kt = "ssh-rsa"
    else:
        blob = (11).to_bytes(4, "big") + b"ssh-ed25519" + (32).to_bytes(4, "big") + rbytes(r, 32)
        kt = "ssh-ed25519"
    return "%s %s %s@%s" % (kt, b64(blob), r.choice(USERS), r.choice(["laptop", "ci", "bastion", "macbook-pro"]))


def cert_pem(r, label="CERTIFICATE"):
    return pem(label, r, body_override=bytes.fromhex("3082035d30820245a00302010202") + rbytes(r, 850))


@neg("public_key", "ssh_public_key", 3)
def _(r, ctx, nm):
    return N(ssh_pub(r), "public_key", "ssh_public_key", names=r.choice([["ssh", "public", "key"], ["public", "key"], ["authorized", "key"], ["deploy", "key"], ["ssh", "key"]]))


@neg("public_key", "pem_public_key", 1.5, multiline=True)
def _(r, ctx, nm):
    if not ctx.get("multiline"):
        return None
    c = r.random()
    if c < .4:
        v = pem("PUBLIC KEY", r, body_override=bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(r, 256) + bytes.fromhex("0203010001"))
        names = r.choice([["public", "key"], ["jwt", "public", "key"], ["verification", "key"]])
    elif c < .85:
        v = cert_pem(r)
        names = r.choice([["certificate"], ["tls", "cert"], ["ca", "cert"], ["ssl", "certificate"], ["client", "cert"]])
    else:
        data = bytes.fromhex("99010d04") + rbytes(r, 500)
        v = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----" % (wrap(b64(data), 64), b64(rbytes(r, 3)))
        names = ["pgp", "public", "key"]
    return N(v, "public_key", "pem_public_key", names=names)


@neg("public_key", "jwks_modulus", 0.8)
def _(r, ctx, nm):
    return N(b64url_nopad(b"\xc1" + rbytes(r, 255)), "public_key", "jwks_modulus", names=r.choice([["n"], ["modulus"], ["public", "key", "modulus"]]))


@neg("public_key", "other_public_key", 1)
def _(r, ctx, nm):
    c = r.random()
    if c < .4:
        return N(bech32_encode("age", rbytes(r, 32)), "public_key", "other_public_key", names=r.choice([["age", "recipient"], ["age", "public", "key"], ["sops", "age", "recipients"]]))
    if c < .7:
        return N(b64(rbytes(r, 32)), "public_key", "other_public_key", names=r.choice([["public", "key"], ["wireguard", "public", "key"], ["peer", "public", "key"]]))
    return N(b64(("-----BEGIN CERTIFICATE-----\n" + wrap(b64(rbytes(r, 600)), 64) + "\n-----END CERTIFICATE-----\n").encode()), "public_key", "other_public_key",
             names=r.choice([["certificate", "authority", "data"], ["ca", "bundle"], ["ca", "cert", "b64"]]))


# =================================================================== code
CODE_EXPR = {
    "py": ['get_token()', 'getpass.getpass("Password: ")', 'input("API key: ")', 'cfg["secret"]', 'self.config.get("api_key")',
           'hashlib.sha256(raw.encode()).hexdigest()', 'secrets.token_urlsafe(32)', 'base64.b64encode(f"{user}:{pw}".encode()).decode()',
           'request.headers.get("Authorization", "")', 'Fernet.generate_key()', 'jwt.encode(payload, signing_key, algorithm="HS256")',
           'None', 'kwargs.pop("token", None)', 'args.api_key', 'credentials.token', 'session.get("csrf_token")', 'self._password',
           'make_password(raw_password)', 'token_cache.get(cache_key)', 'oauth.fetch_token(token_url, client_secret=client_secret)["access_token"]'],
    "js": ['getToken()', 'await fetchSecret(name)', 'localStorage.getItem("token")', 'req.headers.authorization', 'crypto.randomBytes(32).toString("hex")',
           'jwt.sign(payload, secret, { expiresIn: "1h" })', 'config.apiKey', 'null', 'undefined', 'options.password', 'await bcrypt.hash(password, 12)',
           'cookies().get("session")?.value', 'this.tokenStore.read()'],
    "ts": ['getToken()', 'await this.secrets.resolve(name)', 'localStorage.getItem("token") ?? ""', 'req.header("authorization")', 'randomBytes(32).toString("base64url")',
           'this.config.apiKey', 'null', 'opts.password ?? ""', 'await hash(password, 12)', 'useAuth().token'],
    "go": ['getToken(ctx)', 'r.Header.Get("Authorization")', 'cfg.Password', 'hex.EncodeToString(sum[:])', 'creds.SecretAccessKey', '""',
           'strings.TrimPrefix(auth, "Bearer ")', 'opts.APIKey', 'string(secretBytes)'],
    "java": ['getPassword()', 'request.getHeader("Authorization")', 'new String(console.readPassword())', 'UUID.randomUUID().toString()',
             'credentials.getSecretAccessKey()', 'null', 'tokenProvider.getToken()', 'passwordEncoder.encode(rawPassword)', 'this.apiKey'],
    "kt": ['tokenProvider.get()', 'call.request.header("Authorization")', 'null', 'readPassword()', 'credentials.secret', 'UUID.randomUUID().toString()'],
    "rs": ['read_token()?', 'headers.get("authorization").cloned()', 'String::new()', 'config.api_key.clone()', 'rpassword::prompt_password("Password: ")?'],
    "rb": ['params[:password]', 'SecureRandom.hex(32)', 'credentials[:token]', 'request.headers["Authorization"]', 'nil', 'BCrypt::Password.create(password)'],
    "php": ["$_POST['password']", "$request->input('password')", "bin2hex(random_bytes(32))", "password_hash($password, PASSWORD_BCRYPT)", "null",
            "$this->config['api_key']"],
    "cs": ['GetToken()', 'Request.Headers["Authorization"]', 'Guid.NewGuid().ToString()', 'Console.ReadLine()', 'null', 'options.Value.ApiKey',
           'await _tokenService.GetAccessTokenAsync()'],
    "sh": ['"$1"', '"${2:-}"', '"$(openssl rand -hex 32)"', '"$(uuidgen)"', '"$(head -c 32 /dev/urandom | base64)"'],
    "hcl": ['random_password.db.result', 'tls_private_key.deploy.private_key_pem', 'random_id.secret.hex'],
}

IDENT_PAIRS = [
    ("STRIPE_SECRET_KEY", [["secret", "env", "var"], ["key", "name"], ["secret", "key", "setting"]]),
    ("AWS_SECRET_ACCESS_KEY", [["secret", "env", "var"], ["credential", "env"]]), ("GITHUB_TOKEN", [["token", "env"], ["token", "env", "var"]]),
    ("DATABASE_PASSWORD", [["password", "env", "var"], ["password", "setting"]]), ("client_credentials", [["grant", "type"]]),
    ("refresh_token", [["grant", "type"], ["token", "type", "hint"]]), ("authorization_code", [["grant", "type"]]),
    ("Bearer", [["token", "type"], ["auth", "scheme"]]), ("Authorization", [["auth", "header"], ["token", "header"]]),
    ("X-API-Key", [["api", "key", "header"], ["auth", "header", "name"]]), ("x-api-key", [["api", "key", "header"]]),
    ("X-Auth-Token", [["token", "header"], ["auth", "header"]]), ("api_key", [["api", "key", "param"], ["api", "key", "field"]]),
    ("password", [["password", "field"], ["password", "param"]]), ("new_password", [["password", "field"]]),
    ("password_confirmation", [["password", "confirmation", "field"]]), ("access_token", [["token", "field"], ["token", "key"]]),
    ("id_token", [["token", "field"]]), ("client_secret_basic", [["token", "endpoint", "auth", "method"]]),
    ("SECRET_KEY_ROTATION_INTERVAL_SECONDS", [["secret", "key", "setting"], ["rotation", "setting"]]),
    ("PASSWORD_RESET_TOKEN_EXPIRY_MINUTES", [["password", "reset", "setting"]]),
    ("tokenizer.json", [["tokenizer", "file"], ["tokenizer", "path"]]), ("cl100k_base", [["tokenizer"], ["tokenizer", "name"], ["token", "encoding"]]),
    ("bert-base-uncased", [["tokenizer", "name"], ["tokenizer"]]), ("meta-llama/Llama-3.1-8B-Instruct", [["tokenizer", "name"], ["tokenizer", "model"]]),
    ("argon2id", [["password", "hash", "algorithm"], ["password", "hasher"]]), ("HS256", [["jwt", "algorithm"], ["token", "alg"]]),
    ("RS256", [["jwt", "algorithm"], ["signing", "alg"]]), ("AES-256-GCM", [["encryption", "algorithm"], ["secret", "cipher"]]),
    ("service_account", [["credential", "type"], ["credentials", "type"]]), ("secretsmanager:GetSecretValue", [["secrets", "action"]]),
    ("kms:Decrypt", [["key", "action"]]), ("token_type_hint", [["token", "param"]]),
]


@neg("code", "code_expression", 5, langs=CODE_LANGS + ("sh", "hcl"))
def _(r, ctx, nm):
    t = CODE_EXPR.get(ctx["lang"])
    if not t:
        return None
    return N(r.choice(t), "code", "code_expression", expr=True)


@neg("code", "identifier_string", 3)
def _(r, ctx, nm):
    v, names = r.choice(IDENT_PAIRS)
    return N(v, "code", "identifier_string", names=r.choice(names))


DECL_TYPES = {"py": ["str", "Optional[str] = None", "SecretStr", "bytes"], "ts": ["string", "string | undefined", "Secret<string>"],
              "go": ["string", "[]byte"], "java": ["String", "char[]"], "kt": ["String", "String?", "CharArray"],
              "rs": ["String", "Option<String>", "SecretString"], "php": ["string", "?string"], "cs": ["string", "string?", "SecureString"]}


@neg("code", "type_declaration", 2.5, langs=tuple(DECL_TYPES))
def _(r, ctx, nm):
    t = DECL_TYPES.get(ctx["lang"])
    if not t:
        return None
    return N(r.choice(t), "code", "type_declaration", expr=True)


@neg("code", "regex_or_format", 0.8)
def _(r, ctx, nm):
    if ctx["lang"] not in CODE_LANGS:
        return None
    return N(r.choice([r"^sk_live_[0-9a-zA-Z]{24,99}$", r"ghp_[A-Za-z0-9]{36}", r"AKIA[0-9A-Z]{16}", r"(?i)password\s*[:=]\s*\S+", r"^[A-Za-z0-9_-]{32,64}$",
                       "Bearer %s", "Basic %s", "{scheme} {token}", "token={}", "%s:%s"]), "code", "regex_or_format",
             names=r.choice([["token", "pattern"], ["key", "regex"], ["secret", "pattern"], ["auth", "format"], ["password", "regex"], ["token", "template"]]))


# =================================================================== fixture
FIXTURES = ["test", "hunter2", "abc", "fake_token_for_tests", "test-secret", "not-a-real-secret", "correct horse battery staple", "test_api_key_123",
            "mock-token", "s3cr3t", "pass123", "testpassword", "foo", "bar", "secret", "dummy-key", "password1", "fake-api-key", "sk_test_fake",
            "test-token", "letmein", "testtest", "fixture-secret", "tok_123", "token-abc", "super-secret-test-value", "unit-test-key", "p@ssw0rd",
            "Password1!", "admin", "xyz", "valid-token", "invalid-token", "expired-token", "some-api-key"]


@neg("fixture", "test_fixture_value", 1)
def _(r, ctx, nm):
    if not ctx.get("test"):
        return None
    return N(r.choice(FIXTURES), "fixture", "test_fixture_value")
