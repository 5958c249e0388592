"""Hard-negative generators. Each returns a dict:
name (UPPER_SNAKE variable name), value, cls, sub, disputed, raw (code expression, not a string literal),
whole (negative span = whole assignment, for identifier-style negatives), lines (multi-line block)."""
import base64
import hashlib
import json

from formats import ALNUM, HEX, DIG, UP, LO, B64, pem_wrap

CODE = {"python", "js", "ts", "go", "java", "kotlin", "csharp", "ruby", "php", "rust"}


def N(name, value, cls, sub, disputed=False, raw=False, whole=False, lines=None):
    return {"name": name, "value": value, "cls": cls, "sub": sub, "disputed": disputed, "raw": raw, "whole": whole, "lines": lines}


SECRET_NAMES = ["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY",
                "CLIENT_SECRET", "SLACK_BOT_TOKEN", "JWT_SECRET", "REDIS_PASSWORD", "ANTHROPIC_API_KEY", "SENDGRID_API_KEY",
                "AUTH_TOKEN", "SECRET_KEY", "PRIVATE_KEY", "ADMIN_PASSWORD", "NPM_TOKEN", "DATADOG_API_KEY"]


def reference(g, lang):
    n = g.pick(SECRET_NAMES)
    low = n.lower()
    r = g.r
    code = {
        "python": [('os.environ["%s"]' % n, "env_python"), ('os.getenv("%s")' % n, "env_python"), ('os.environ.get("%s", "")' % n, "env_python")],
        "js": [("process.env.%s" % n, "env_js"), ('process.env["%s"]' % n, "env_js")],
        "ts": [("process.env.%s!" % n, "env_js"), ("process.env.%s ?? \"\"" % n, "env_js")],
        "go": [('os.Getenv("%s")' % n, "env_go")],
        "java": [('System.getenv("%s")' % n, "env_java")],
        "kotlin": [('System.getenv("%s")' % n, "env_java")],
        "csharp": [('Environment.GetEnvironmentVariable("%s")' % n, "env_csharp"), ('configuration["%s"]' % n, "config_lookup")],
        "ruby": [('ENV["%s"]' % n, "env_ruby"), ('ENV.fetch("%s")' % n, "env_ruby"), ("Rails.application.credentials.%s" % low, "config_lookup")],
        "php": [("getenv('%s')" % n, "env_php"), ("env('%s')" % n, "env_php")],
        "rust": [('std::env::var("%s").expect("%s not set")' % (n, n), "env_rust")],
        "hcl": [("var.%s" % low, "terraform_var"), ("data.aws_secretsmanager_secret_version.%s.secret_string" % g.word(), "terraform_data")],
    }
    if lang in code:
        v, sub = g.pick(code[lang])
        return N(n, v, "reference", sub, raw=True)
    opts = [("${%s}" % n, "shell_var"),
            ("vault:secret/data/%s/%s#%s" % (g.pick(["prod", "staging"]), g.word(), low), "vault_path"),
            ("op://%s/%s/%s" % (g.pick(["Production", "Infra", "Dev"]), g.word(), g.pick(["password", "credential", "token"])), "1password_ref"),
            ("arn:aws:secretsmanager:%s:%s:secret:%s/%s-%s" % (g.pick(["us-east-1", "eu-west-1"]), g.s(12, DIG), g.pick(["prod", "stg"]), g.word(), g.s(6, ALNUM)), "aws_arn"),
            ("ref+awsssm://%s/%s" % (g.word(), low), "ssm_ref")]
    if lang in ("ci",):
        opts += [("${{ secrets.%s }}" % n, "gha_secret")] * 4
    if lang in ("helm", "k8s"):
        opts += [("{{ .Values.%s.%s }}" % (g.word(), g.pick(["password", "apiKey", "token", "secretKey"])), "helm_values")] * 3
    if lang in ("shell", "dockerfile", "compose", "env"):
        opts += [("${%s:?missing}" % n, "shell_var"), ("$%s" % n, "shell_var")]
    if lang in ("properties", "toml", "ini", "xml", "yaml", "json"):
        opts += [("${%s}" % n, "placeholder_var"), ("${env:%s}" % n, "placeholder_var")]
    v, sub = g.pick(opts)
    return N(n, v, "reference", sub)


def public_by_design(g, lang):
    r = g.r
    k = r.randrange(7)
    if k == 0:
        return N(g.pick(["STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_STRIPE_KEY", "STRIPE_PK"]), g.pick(["pk_live_", "pk_test_"]) + g.pick(["51", ""]) + g.s(g.pick([24, 97]), ALNUM),
                 "public_by_design", "stripe_publishable", disputed=True)
    if k == 1:
        f = g.pick(["authDomain", "projectId", "storageBucket", "messagingSenderId", "appId", "measurementId", "databaseURL"])
        p = g.word() + "-" + g.s(5, LO + DIG)
        v = {"authDomain": p + ".firebaseapp.com", "projectId": p, "storageBucket": p + ".appspot.com", "messagingSenderId": g.s(12, DIG),
             "appId": "1:%s:web:%s" % (g.s(12, DIG), g.s(22, HEX)), "measurementId": "G-" + g.s(10, UP + DIG), "databaseURL": "https://%s-default-rtdb.firebaseio.com" % p}[f]
        return N("FIREBASE_" + f.upper(), v, "public_by_design", "firebase_config")
    if k == 2:
        return N(g.pick(["SENTRY_DSN", "NEXT_PUBLIC_SENTRY_DSN"]), "https://%s@o%s.ingest.sentry.io/%s" % (g.s(32, HEX), g.s(6, DIG), g.s(7, DIG)),
                 "public_by_design", "sentry_dsn", disputed=True)
    if k == 3:
        return N(g.pick(["MAPBOX_ACCESS_TOKEN", "NEXT_PUBLIC_MAPBOX_TOKEN"]), "pk.eyJ1Ijoi" + g.s(20, ALNUM) + "IiwiYSI6I" + g.s(20, ALNUM) + "." + g.s(22, ALNUM + "-_"),
                 "public_by_design", "mapbox_public_token", disputed=True)
    if k == 4:
        return N(g.pick(["ALGOLIA_SEARCH_API_KEY", "NEXT_PUBLIC_ALGOLIA_SEARCH_KEY"]), g.s(32, HEX), "public_by_design", "algolia_search_only_key", disputed=True)
    if k == 5:
        return N(g.pick(["RECAPTCHA_SITE_KEY", "HCAPTCHA_SITEKEY"]), "6L" + g.s(38, ALNUM + "-_"), "public_by_design", "captcha_site_key")
    return N(g.pick(["POSTHOG_PROJECT_API_KEY", "NEXT_PUBLIC_POSTHOG_KEY"]), "phc_" + g.s(43, ALNUM), "public_by_design", "analytics_write_key", disputed=True)


def placeholder(g, lang):
    n = g.pick(SECRET_NAMES)
    v, sub = g.pick([
        ("changeme", "changeme"), ("CHANGE_ME", "changeme"), ("change-me-in-production", "changeme"),
        ("your_api_key_here", "your_x_here"), ("your-secret-key", "your_x_here"), ("<your-token>", "angle_placeholder"),
        ("<placeholder>", "angle_placeholder"), ("<REPLACE_WITH_PASSWORD>", "angle_placeholder"),
        ("xxxxxxxxxxxxxxxxxxxx", "xxx"), ("XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX", "xxx"), ("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "masked_format"),
        ("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "masked_format"), ("sk-...", "ellipsis"), ("AKIA................", "masked_format"),
        ("********", "stars"), ("***REDACTED***", "stars"), ("REPLACE_ME", "replace_me"), ("TODO", "todo"),
        ("example", "example"), ("", "empty"), ("none", "empty"), ("null", "empty"), ("insert-key-here", "your_x_here")])
    return N(n, v, "placeholder", sub)


def test_fixture(g, lang):
    k = g.r.randrange(5)
    if k == 0:
        return N(g.pick(["PASSWORD", "DB_PASSWORD", "TEST_PASSWORD"]), "test", "test_fixture", "test_value")
    if k == 1:
        return N(g.pick(["API_KEY", "TEST_API_KEY", "AUTH_TOKEN"]), g.pick(["test", "test-key", "test_token", "fake-token", "dummy"]), "test_fixture", "test_value")
    if k == 2:
        return N(g.pick(["POSTGRES_PASSWORD", "MYSQL_PASSWORD", "RABBITMQ_DEFAULT_PASS"]), g.pick(["postgres", "mysql", "guest", "password", "root"]),
                 "test_fixture", "local_dev_default", disputed=True)
    if k == 3:
        return N(g.pick(["TEST_JWT_SECRET", "SECRET_KEY"]), g.pick(["test-secret", "testing", "not-a-real-secret", "insecure-dev-key"]), "test_fixture", "dev_dummy", disputed=True)
    return N("PASSWORD", g.pick(["a", "1", "x", "pw"]), "test_fixture", "very_short")


def hash_neg(g, lang):
    k = g.r.randrange(7)
    data = g.b(32)
    if k == 0:
        return N(g.pick(["SHA256", "CHECKSUM", "ARTIFACT_SHA256"]), hashlib.sha256(data).hexdigest(), "hash", "sha256")
    if k == 1:
        return N(g.pick(["ETAG", "MD5SUM", "CONTENT_MD5"]), hashlib.md5(data).hexdigest(), "hash", "md5")
    if k == 2:
        return N("INTEGRITY", "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(), "hash", "sri_integrity")
    if k == 3:
        return N("IMAGE_DIGEST", "sha256:" + hashlib.sha256(data).hexdigest(), "hash", "image_digest")
    if k == 4:
        return N(g.pick(["API_KEY_SHA256", "TOKEN_HASH", "KEY_FINGERPRINT"]), hashlib.sha256(data).hexdigest(), "hash", "hash_of_secret")
    if k == 5:
        return N(g.pick(["ADMIN_PASSWORD_HASH", "PASSWORD_HASH"]), "$2b$12$" + g.s(53, ALNUM + "./"), "hash", "bcrypt", disputed=True)
    return N("SHA1", hashlib.sha1(data).hexdigest(), "hash", "sha1")


def uuid_neg(g, lang):
    n, sub = g.pick([("CLIENT_ID", "client_id"), ("TENANT_ID", "tenant_id"), ("SUBSCRIPTION_ID", "subscription_id"), ("REQUEST_ID", "request_id"),
                     ("TRACE_ID", "trace_id"), ("WORKSPACE_ID", "resource_id"), ("AZURE_CLIENT_ID", "client_id"), ("TOKEN_ID", "token_id")])
    v = g.s(32, HEX) if sub == "trace_id" else g.uuid()
    return N(n, v, "uuid", sub)


def git_sha(g, lang):
    n = g.pick(["GIT_COMMIT", "GIT_SHA", "COMMIT_SHA", "BASE_REF", "REVISION", "SOURCE_VERSION"])
    return N(n, g.s(40, HEX), "git_sha", "commit")


def base64_data(g, lang):
    k = g.r.randrange(4)
    if k == 0:
        cfg = json.dumps({"region": g.pick(["us-east-1", "eu-west-1"]), "replicas": g.r.randint(1, 9), "feature": g.word(), "debug": False})
        return N(g.pick(["CONFIG_B64", "BOOTSTRAP_CONFIG", "PAYLOAD"]), base64.b64encode(cfg.encode()).decode(), "base64_data", "json_config")
    if k == 1:
        return N(g.pick(["LOGO_PNG", "FAVICON", "PIXEL"]), "iVBORw0KGgoAAAANSUhEUgAAA" + g.b64(60), "base64_data", "image")
    if k == 2:
        txt = "%s %s %s %s" % (g.word(), g.word(), g.word(), g.word())
        return N(g.pick(["MOTD_B64", "BANNER", "WELCOME_TEXT"]), base64.b64encode(txt.encode()).decode(), "base64_data", "text")
    return N(g.pick(["CURSOR", "NEXT_PAGE_TOKEN", "PAGE_TOKEN"]), base64.b64encode(json.dumps({"offset": g.r.randrange(10000), "sort": "created_at"}).encode()).decode(), "base64_data", "pagination_cursor")


def public_key(g, lang):
    k = g.r.randrange(4)
    if k == 0:
        body = "MIIDdzCCAl+gAwIBAgIU" + g.b64(640)[:830]
        return N("TLS_CERT", None, "public_key_cert", "x509_certificate", lines=["-----BEGIN CERTIFICATE-----"] + pem_wrap(body) + ["-----END CERTIFICATE-----"])
    if k == 1:
        body = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + g.b64(240)[:348]
        return N("JWT_PUBLIC_KEY", None, "public_key_cert", "public_key_pem", lines=["-----BEGIN PUBLIC KEY-----"] + pem_wrap(body) + ["-----END PUBLIC KEY-----"])
    if k == 2:
        return N(g.pick(["SSH_PUBLIC_KEY", "AUTHORIZED_KEY", "DEPLOY_PUBLIC_KEY"]),
                 g.pick(["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.s(43, ALNUM + "+/"), "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + g.s(500, ALNUM + "+/")]) + " " + g.word() + "@" + g.word(),
                 "public_key_cert", "ssh_public_key")
    return N("CA_BUNDLE_B64", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSU" + g.b64(300), "public_key_cert", "base64_certificate")


def identifier(g, lang):
    n, v, sub = g.pick([
        ("PASSWORD_MIN_LENGTH", "12", "config_number"), ("TOKEN_TTL_SECONDS", "3600", "config_number"), ("SECRET_ROTATION_DAYS", "90", "config_number"),
        ("TOKEN_TYPE", "bearer", "keyword_value"), ("AUTH_METHOD", "oauth2", "keyword_value"), ("API_KEY_HEADER", "X-API-Key", "header_name"),
        ("PASSWORD_FIELD", "password", "keyword_value"), ("SECRET_NAME", "prod/payments/stripe", "secret_name"),
        ("TOKEN_ENDPOINT", "https://login.microsoftonline.com/common/oauth2/v2.0/token", "url"),
        ("PASSWORD_RESET_URL", "https://accounts.example-corp.com/reset", "url"), ("AUTH_PROVIDER", "keycloak", "keyword_value"),
        ("SECRET_KEY_ENV_VAR", "DJANGO_SECRET_KEY", "env_var_name"), ("API_KEY_NAME", "OPENAI_API_KEY", "env_var_name"),
        ("CREDENTIALS_PROVIDER", "DefaultAWSCredentialsProviderChain", "class_name"), ("TOKENIZER", "bert-base-uncased", "model_name"),
        ("PASSWORD_HASHER", "argon2id", "keyword_value"), ("PRIVATE_KEY_ALGORITHM", "RS256", "keyword_value"), ("ACCESS_KEY_ROTATION", "enabled", "keyword_value"),
        ("KEY_VAULT_NAME", "kv-%s-prod" % g.word(), "resource_name"), ("SECRET_ARN_PARAM", "/app/%s/db-credentials" % g.word(), "secret_name")])
    return N(n, v, "identifier", sub, whole=True)


def encrypted(g, lang):
    k = g.r.randrange(4)
    if k == 0:
        return N(g.pick(["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY"]), "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (g.b64(24), g.b64(32), g.b64(16)), "encrypted", "sops")
    if k == 1:
        return N(g.pick(["DB_PASSWORD", "SECRET_KEY"]), "ENC(%s)" % g.b64(32), "encrypted", "jasypt")
    if k == 2:
        return N(g.pick(["API_KEY_CIPHERTEXT", "ENCRYPTED_TOKEN", "KMS_ENCRYPTED_PASSWORD"]), "AQICAHh" + g.b64(150), "encrypted", "kms_ciphertext")
    lines = ["$ANSIBLE_VAULT;1.1;AES256"] + [g.s(80, HEX) for _ in range(g.r.randint(3, 6))]
    return N("VAULT_PASSWORD", None, "encrypted", "ansible_vault", lines=lines)


def file_path(g, lang):
    n, v = g.pick([("PASSWORD_FILE", "/run/secrets/db_password"), ("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json"),
                   ("SSL_KEY_PATH", "/etc/ssl/private/server.key"), ("PRIVATE_KEY_PATH", "~/.ssh/id_ed25519"), ("TOKEN_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token"),
                   ("API_KEY_FILE", "./config/api_key.txt"), ("SECRETS_DIR", "/mnt/secrets-store"), ("KEYSTORE_PATH", "classpath:keystore.p12")])
    return N(n, v, "file_path", "path")


def own_token(g, lang):
    return N(g.pick(SECRET_NAMES), "__TAKUMO_v1_%s_%s__" % (g.pick(["KEY", "SECRET", "CONN", "TOKEN", "PASSWORD"]), g.s(8, HEX)), "own_token", "takumo_token")


CLASSES = [(reference, 20), (placeholder, 15), (public_by_design, 7), (test_fixture, 6), (hash_neg, 9), (uuid_neg, 8), (git_sha, 5),
           (base64_data, 6), (public_key, 5), (identifier, 10), (encrypted, 5), (file_path, 5), (own_token, 3)]
