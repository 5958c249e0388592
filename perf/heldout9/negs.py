# -*- coding: utf-8 -*-
"""Hard negatives.  gen(r, eco) -> dict(text, name, sub, [disputed], [raw])
raw=True: the text is a code expression (emit unquoted in code syntaxes)."""
import base64
import json

from core import Span, ALNUM, LO, UP, DG, HEX, B64
import pem as P
import langs

NEGS = {}
SECRETY = ["password", "db_password", "api_key", "secret", "token", "auth_token", "client_secret", "private_key", "access_key",
           "secret_key", "apiKey", "dbPassword", "signing_key", "credentials", "AUTH_SECRET", "STRIPE_SECRET_KEY", "GITHUB_TOKEN",
           "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "SLACK_BOT_TOKEN", "passwd", "pwd"]


def reg(cls, w=1.0, disputed=False):
    def deco(fn):
        NEGS[cls] = (fn, w, disputed)
        return fn
    return deco


def nm(r, *alts):
    if alts and r.maybe(0.55):
        return r.choice(alts)
    return r.choice(SECRETY)


def envname(r):
    return r.choice(["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "JWT_SECRET",
                     "AWS_SECRET_ACCESS_KEY", "REDIS_PASSWORD", "SLACK_WEBHOOK_URL", "SENTRY_DSN", "NPM_TOKEN", "CLIENT_SECRET"])


@reg("ref_ci", 1.2)
def _(r, eco):
    n = envname(r)
    t = r.choice(["${{ secrets.%s }}" % n, "${{ secrets.%s }}" % n, "$%s" % n, "$(%s)" % n, "((%s))" % n.lower().replace("_", "-"),
                  "%%env.%s%%" % n, "${{ vars.%s }}" % n.replace("SECRET", "NAME").replace("TOKEN", "ID"), "$CI_JOB_TOKEN", "${{ github.token }}"])
    return dict(text=t, name=n.lower() if r.maybe(0.3) else n, sub="ci")


ENV_REF = {
    "py": ['os.environ["@N@"]', 'os.getenv("@N@")', 'os.environ.get("@N@", "")', 'env("@N@")', 'config("@N@")'],
    "js": ["process.env.@N@", 'process.env["@N@"]', "import.meta.env.VITE_@N@", "Deno.env.get('@N@')"],
    "go": ['os.Getenv("@N@")', 'viper.GetString("@L@")', 'mustEnv("@N@")'],
    "java": ['System.getenv("@N@")', 'env.getProperty("@L@")'],
    "cs": ['Environment.GetEnvironmentVariable("@N@")', 'Configuration["@N@"]', 'builder.Configuration.GetConnectionString("Default")'],
    "rb": ['ENV["@N@"]', 'ENV.fetch("@N@")', 'Rails.application.credentials.dig(:@L@)'],
    "php": ["getenv('@N@')", "$_ENV['@N@']", "env('@N@')"],
    "rs": ['std::env::var("@N@")?', 'env!("@N@")', 'dotenvy::var("@N@")?'],
    "swift": ['ProcessInfo.processInfo.environment["@N@"]'],
    "sh": ['"${@N@}"', "${@N@:?missing}", '"$(cat /run/secrets/@L@)"', "$(vault kv get -field=password secret/@L@)", "$@N@"],
    "ps": ["$env:@N@", "(Get-Secret -Name @N@ -AsPlainText)"],
    "cfg": ["${@N@}", "${env:@N@}", "%(@N@)s", '{{ env "@N@" }}', "env(@N@)", "${@N@:-}", "$@N@"],
}


@reg("ref_env", 1.6)
def _(r, eco):
    n = envname(r)
    key = eco if eco in ENV_REF else "cfg"
    t = r.choice(ENV_REF[key]).replace("@N@", n).replace("@L@", n.lower())
    return dict(text=t, name=nm(r, n, n.lower()), sub=key, raw=key not in ("cfg",))


@reg("ref_template", 1.0)
def _(r, eco):
    k = r.choice(["db.password", "postgresql.auth.password", "secrets.apiKey", "redis.auth.password", "stripe.secretKey"])
    t = r.choice(["{{ .Values.%s }}" % k, "{{ .Values.%s | b64enc | quote }}" % k, "{{ vault_%s }}" % k.replace(".", "_"),
                  "{{ lookup('env', 'DB_PASSWORD') }}", "<%%= ENV['%s'] %%>" % envname(r), "#{%s}" % k, "{{ required \"set %s\" .Values.%s }}" % (k, k),
                  "$__file{/etc/secrets/%s}" % k.split(".")[-1], "{{ secret \"%s\" }}" % k])
    return dict(text=t, name=nm(r, k.split(".")[-1]), sub="tpl")


@reg("ref_secret_manager", 1.2)
def _(r, eco):
    acct = str(r.randint(10 ** 11, 10 ** 12 - 1))
    t = r.choice([
        "vault:secret/data/%s/db#password" % r.choice(["prod", "staging"]),
        "op://%s/%s/%s" % (r.choice(["Engineering", "Private", "Infra"]), r.choice(["Postgres", "Stripe", "AWS prod"]), r.choice(["password", "credential", "api key"])),
        "arn:aws:secretsmanager:%s:%s:secret:%s-%s" % (r.choice(["us-east-1", "eu-west-1"]), acct, r.choice(["prod/db", "app/stripe"]), r.s(ALNUM, 6)),
        "projects/%d/secrets/%s/versions/latest" % (r.randint(10 ** 11, 10 ** 12), r.choice(["db-password", "api-key"])),
        "https://%s.vault.azure.net/secrets/%s/" % (r.choice(["kv-prod", "acme-kv"]), r.choice(["DbPassword", "StripeKey"])),
        "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/DbPassword/)",
        "ssm:/prod/%s/password" % r.choice(["orders", "billing"]),
        "{{resolve:secretsmanager:prod/db:SecretString:password}}",
        "{{resolve:ssm-secure:/prod/db/password:1}}",
        "gcp:secretmanager:projects/acme/secrets/stripe_key",
        "bws://%s" % r.uuid(),
        "doppler://prod/DB_PASSWORD",
    ])
    return dict(text=t, name=nm(r, "secret_ref", "valueFrom", "secretArn"), sub="sm")


@reg("arn", 0.7)
def _(r, eco):
    acct = str(r.randint(10 ** 11, 10 ** 12 - 1))
    t = r.choice(["arn:aws:iam::%s:role/%s" % (acct, r.choice(["deploy", "github-actions-oidc", "LambdaExec"])),
                  "arn:aws:kms:eu-west-1:%s:key/%s" % (acct, r.uuid()),
                  "arn:aws:s3:::%s-artifacts" % r.choice(["acme", "ml"]),
                  "arn:aws:sns:us-east-1:%s:alerts" % acct,
                  "arn:aws:lambda:us-east-1:%s:function:token-rotator" % acct])
    return dict(text=t, name=r.choice(["role_arn", "kms_key_id", "KMS_KEY_ARN", "secret_arn", "token_role"]), sub="aws")


@reg("placeholder", 2.5)
def _(r, eco):
    t = r.choice(["changeme", "<your-api-key>", "YOUR_API_KEY_HERE", "REPLACE_ME", "xxxxxxxxxxxxxxxx", "<password>", "your-secret-key",
                  "sk-...", "sk-ant-...", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX",
                  "<INSERT_TOKEN>", "TODO", "dummy", "example-password", "your_password", "insert-your-token-here", "***", "<secret>",
                  "PLACEHOLDER", "test", "sk-proj-xxxxxxxxxxxxxxxx", "xoxb-your-bot-token", "hf_xxxxxxxxxxxxxxxxxxxx", "<redacted-by-user>",
                  "my-super-secret", "set-me", "<YOUR_PASSWORD>", "{{password}}", "$PASSWORD", "N/A", "fake-token-for-tests", "0000000000000000"])
    return dict(text=t, name=nm(r), sub="ph")


DOC = [("AKIAIOSFODNN7EXAMPLE", "AWS_ACCESS_KEY_ID"), ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AWS_SECRET_ACCESS_KEY"),
       ("AKIAI44QH8DHBEXAMPLE", "aws_access_key_id"), ("je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "aws_secret_access_key"),
       ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "token"),
       ("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe.api_key"),
       ("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "AccountKey"),
       ("https://examplePublicKey@o0.ingest.sentry.io/0", "SENTRY_DSN"),
       ("postgres://user:password@localhost:5432/mydb", "DATABASE_URL"),
       ("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "SLACK_BOT_TOKEN"),
       ("ghp_16C7e42F292c6912E7710c838347Ae178B4a", "GITHUB_TOKEN"),
       ("AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "apiKey"),
       ("sk-1234567890abcdef1234567890abcdef", "OPENAI_API_KEY"),
       ("SG.xxxxxxxxxxxxxxxxxxxxxx.yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "SENDGRID_API_KEY"),
       ("YourStrong@Passw0rd", "SA_PASSWORD"), ("Password123!", "ADMIN_PASSWORD")]


@reg("doc_example", 1.2, disputed=True)
def _(r, eco):
    t, n = r.choice(DOC)
    return dict(text=t, name=n, sub="docs")


@reg("redacted", 1.0)
def _(r, eco):
    t = r.choice(["****", "********", "[REDACTED]", "<redacted>", "•••••••••", "sk-ant-api03-***...***" + r.s(ALNUM, 4), "ghp_" + "*" * 32 + r.s(ALNUM, 4),
                  "AKIA************" + r.s(UP + DG, 4), "sk-proj-****" + r.s(ALNUM, 4), "[FILTERED]", "***REDACTED***", "__TAKUMO_REDACTED__", "xoxb-****-****",
                  "(sensitive value)", "[hidden]", "<masked>"])
    return dict(text=t, name=nm(r), sub="mask")


@reg("git_sha", 1.3)
def _(r, eco):
    t = r.hexs(40) if r.maybe(0.7) else r.hexs(r.choice([7, 8, 10, 12]))
    return dict(text=t, name=r.choice(["commit", "GIT_SHA", "sha", "revision", "rev", "GITHUB_SHA", "ref", "head_commit", "source_version"]), sub="sha1")


@reg("hash_digest", 1.3)
def _(r, eco):
    k = r.choice(["sha256", "md5", "sha1", "sha512", "blake2"])
    t = {"sha256": r.hexs(64), "md5": r.hexs(32), "sha1": r.hexs(40), "sha512": r.hexs(128), "blake2": r.hexs(64)}[k]
    return dict(text=t, name=r.choice(["checksum", "digest", "hash", "etag", "content_hash", "key_fingerprint", "file_%s" % k, "tarball_%s" % k]), sub=k)


@reg("integrity_sri", 0.8)
def _(r, eco):
    t = r.choice(["sha512-" + r.b64bytes(64), "sha384-" + r.b64bytes(48), "sha256-" + r.b64bytes(32), "sha1-" + r.b64bytes(20)])
    return dict(text=t, name="integrity", sub="sri")


@reg("uuid", 1.5)
def _(r, eco):
    return dict(text=r.uuid() if r.maybe(0.8) else r.uuid().upper(), name=r.choice(["request_id", "tenant_id", "subscription_id", "trace", "idempotency_key", "session_id", "key_id", "correlationId", "client_id", "token_id"]), sub="v4")


@reg("public_key", 1.0)
def _(r, eco):
    k = r.random()
    if k < 0.45:
        t, s = P.ssh_pub(r, r.choice(["jdoe@laptop", "ci@runner", "deploy"])), "ssh"
    elif k < 0.7:
        t, s = P.public_pem(r), "pem"
    elif k < 0.85:
        t, s = "age1" + r.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), "age"
    else:
        t, s = r.b64bytes(32), "wg_pub"
    return dict(text=t, name=r.choice(["public_key", "PUBLIC_KEY", "pubkey", "ssh_authorized_key", "PublicKey", "jwt_public_key", "signing_key_pub"]), sub=s)


@reg("certificate", 0.6)
def _(r, eco):
    return dict(text=P.certificate(r), name=r.choice(["certificate", "ca_cert", "tls.crt", "SSL_CERT", "client_cert"]), sub="x509")


@reg("publishable_key", 1.0)
def _(r, eco):
    k = r.random()
    if k < 0.35:
        return dict(text=r.choice(["pk_live_51", "pk_test_51"]) + r.s(ALNUM, 97), name="STRIPE_PUBLISHABLE_KEY", sub="stripe_pk", disputed=True)
    opts = [("phc_" + r.s(ALNUM, 43), "POSTHOG_KEY", "posthog"), ("pk.eyJ1Ijoi" + r.s(ALNUM, 30) + "IiwiYSI6I" + r.s(ALNUM, 20) + "." + r.s(ALNUM + "_-", 22), "MAPBOX_TOKEN", "mapbox_pk"),
            ("NRJS-" + r.hexs(19), "NEW_RELIC_BROWSER_KEY", "newrelic_browser"), ("client-" + r.s(ALNUM, 43), "STATSIG_CLIENT_KEY", "statsig_client"),
            ("mob-" + r.uuid(), "LD_MOBILE_KEY", "ld_mobile"), ("pk-lf-" + r.uuid(), "LANGFUSE_PUBLIC_KEY", "langfuse_pk"),
            ("pk_test_" + base64.b64encode(("%s.clerk.accounts.dev$" % r.choice(["happy-otter-12", "brave-lynx-44"])).encode()).decode().rstrip("="), "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "clerk_pk")]
    t, n, s = r.choice(opts)
    return dict(text=t, name=n, sub=s)


@reg("build_id", 0.8)
def _(r, eco):
    t = r.choice(["01" + r.s("0123456789ABCDEFGHJKMNPQRSTVWXYZ", 24), "build-%d.%02d.%02d-%d" % (r.randint(2022, 2025), r.randint(1, 12), r.randint(1, 28), r.randint(100, 9999)),
                  str(r.randint(10 ** 9, 10 ** 10)), "bld-%s" % r.hexs(12), "%d-%s" % (r.randint(100, 99999), r.hexs(7))])
    return dict(text=t, name=r.choice(["build_id", "BUILD_ID", "run_id", "GITHUB_RUN_ID", "artifact_id", "CI_PIPELINE_ID"]), sub="ci")


@reg("base64_data", 0.8)
def _(r, eco):
    k = r.random()
    if k < 0.5:
        t = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA" + r.b64bytes(r.randint(60, 300))
    elif k < 0.75:
        t = "data:font/woff2;base64,d09GMgABAAAAA" + r.b64bytes(r.randint(100, 400))
    else:
        t = "H4sIAAAAAAAA" + r.b64bytes(r.randint(60, 200))
    return dict(text=t, name=r.choice(["icon", "logo", "font", "thumbnail", "payload", "blob"]), sub="img")


@reg("minified_js", 0.6)
def _(r, eco):
    t = r.choice(["main.%s.js" % r.hexs(16), "chunk-%s.js" % r.s(UP + DG, 8), "css-%s" % r.s(LO + DG, 7), "_%s" % r.s(ALNUM, 8),
                  "styles_%s__%s" % (r.s(LO, 6), r.s(ALNUM, 5)), "__next_%s" % r.s(LO + DG, 6)])
    return dict(text=t, name=r.choice(["chunk", "className", "bundle", "styleId", "entry"]), sub="ident")


@reg("test_id", 0.8)
def _(r, eco):
    t = r.choice(["cus_" + r.s(ALNUM, 14), "fixture-" + r.hexs(12), "snap_" + r.hexs(10), "seed-%d" % r.randint(1, 10 ** 9), "mock_" + r.s(ALNUM, 16), "user_%05d" % r.randint(1, 99999)])
    return dict(text=t, name=r.choice(["fixture_id", "customer", "snapshot", "seed", "mock_user", "test_case_id"]), sub="fixture")


@reg("trace_id", 0.6)
def _(r, eco):
    t = r.choice(["00-%s-%s-01" % (r.hexs(32), r.hexs(16)), r.hexs(32), r.hexs(16), "Root=1-%s-%s" % (r.hexs(8), r.hexs(24))])
    return dict(text=t, name=r.choice(["traceparent", "trace_id", "span_id", "X-Amzn-Trace-Id", "x-request-id"]), sub="trace")


KW_NONSECRET = {
    "call": {"py": ["get_password()", "keyring.get_password('db', user)", "secrets.token_urlsafe(32)", "hashlib.sha256(password.encode()).hexdigest()", "load_key(path)"],
             "js": ["getToken()", "await fetchToken(user)", "crypto.randomBytes(32).toString('hex')", "readSecret('db')", "jwt.sign(payload, key)"],
             "go": ["getSecret(ctx, name)", "rand.Text()", "os.ReadFile(keyPath)"], "java": ["vault.read(\"db\").getPassword()", "keyStore.getKey(alias, pass)"],
             "cs": ["await client.GetSecretAsync(\"DbPassword\")", "SecretClient.GetSecret(name).Value"], "rb": ["SecureRandom.hex(32)", "Rails.application.secret_key_base"],
             "php": ["bin2hex(random_bytes(32))", "config('services.stripe.secret')"], "rs": ["generate_token(&mut rng)", "read_secret(\"db\")?"], "swift": ["KeychainHelper.read(\"token\")"]},
    "len": ["12", "32", "64", "128", "4096", "0", "256"],
    "bool": ["true", "false", "True", "False", "yes", "no"],
    "type": {"py": ["Optional[str]", "str", "SecretStr", "bytes"], "js": ["string", "string | undefined"], "go": ["string", "[]byte"], "java": ["String", "char[]"],
             "cs": ["string", "SecureString"], "rs": ["String", "Secret<String>"], "swift": ["String?"]},
    "null": ["None", "null", "nil", "undefined", "''", '""'],
    "enum": ["client_credentials", "api_key", "bearer", "password", "oauth2", "basic", "HS256", "RS256", "sha256", "refresh_token", "authorization_code"],
    "hdr": ["X-API-Key", "Authorization", "X-Auth-Token", "x-goog-api-key", "Ocp-Apim-Subscription-Key", "X-Vault-Token"],
    "envname": ["DB_PASSWORD", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "API_KEY", "OPENAI_API_KEY", "SECRET_KEY_BASE"],
    "file": ["password.txt", "token.json", "secret.yaml", "key.pem"],
}


@reg("keyword_nonsecret", 3.0)
def _(r, eco):
    sub = r.choice(["call", "call", "len", "bool", "type", "null", "enum", "enum", "hdr", "envname"])
    v = KW_NONSECRET[sub]
    raw = sub in ("call", "len", "bool", "type", "null")
    if isinstance(v, dict):
        key = eco if eco in v else r.choice(list(v))
        t = r.choice(v[key])
    else:
        t = r.choice(v)
    nmap = {"len": ["PASSWORD_MIN_LENGTH", "token_length", "key_size", "SECRET_BYTES", "maxPasswordLength"],
            "bool": ["require_password", "token_auth_enabled", "rotate_secrets", "API_KEY_REQUIRED", "show_password"],
            "enum": ["grant_type", "auth_type", "token_type", "jwt_algorithm", "password_hash_algo", "secret_type"],
            "hdr": ["api_key_header", "TOKEN_HEADER", "authHeaderName"], "envname": ["secret_name", "password_env_var", "tokenEnv", "key_name"]}
    name = r.choice(nmap[sub]) if sub in nmap else nm(r)
    if eco in ("cfg", "yaml", "env", "json", "ini", "toml", "xml", "props") and raw:
        raw = False
        if sub in ("call", "type"):
            t = r.choice(KW_NONSECRET["enum"])
            sub = "enum"
            name = r.choice(nmap["enum"])
    return dict(text=t, name=name, sub=sub, raw=raw)


@reg("i18n_label", 1.0)
def _(r, eco):
    lang = r.choice(langs.LANGS)
    t = r.choice(langs.UI[lang])
    return dict(text=t, name=r.choice(["password_label", "auth.password", "login.forgot_password", "apiKey.placeholder", "token_hint", "secret_title"]), sub=lang)


@reg("version_string", 0.8)
def _(r, eco):
    t = r.choice(["%d.%d.%d" % (r.randint(0, 20), r.randint(0, 40), r.randint(0, 99)), "v0.0.0-%d%02d%02d%06d-%s" % (r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28), r.randint(0, 235959), r.hexs(12)),
                  "%d.%d.%d+cu121" % (r.randint(1, 2), r.randint(0, 5), r.randint(0, 3)), "17.0.%d+%d-LTS" % (r.randint(1, 12), r.randint(1, 11)), "%d.%d.%d-rc.%d" % (r.randint(1, 9), r.randint(0, 9), r.randint(0, 9), r.randint(1, 5))])
    return dict(text=t, name=r.choice(["version", "token_lib_version", "keyring_version", "api_version", "secret_schema_version"]), sub="semver")


@reg("cache_key", 0.7)
def _(r, eco):
    t = r.choice(["user:%d:session" % r.randint(1, 10 ** 6), "v2:token:%s" % r.hexs(8), "${{ runner.os }}-node-${{ hashFiles('**/package-lock.json') }}",
                  "ratelimit:apikey:%d" % r.randint(1, 10 ** 5), "cache-v1-%s" % r.hexs(16), "sess:{id}", "W/\"%s-%s\"" % (r.hexs(2), r.s(ALNUM + "+/", 27))])
    return dict(text=t, name=r.choice(["cache_key", "key", "redis_key", "session_key_pattern", "etag"]), sub="cache")


@reg("feature_flag", 0.6)
def _(r, eco):
    t = r.choice(["enable-new-checkout", "ff_%d_q%d_pricing_v2" % (r.randint(2022, 2025), r.randint(1, 4)), "exp_%s" % r.hexs(6), "rotate-api-keys-ui", "show-password-strength-meter", "kill_switch_payments"])
    return dict(text=t, name=r.choice(["flag_key", "feature", "experimentKey", "toggle"]), sub="flag")


@reg("public_client_id", 1.2)
def _(r, eco):
    opts = [("%d-%s.apps.googleusercontent.com" % (r.randint(10 ** 11, 10 ** 12), r.s(LO + DG, 32)), "GOOGLE_CLIENT_ID", "google"),
            ("Iv1." + r.hexs(16), "GITHUB_APP_CLIENT_ID", "gh_app"), ("Ov23li" + r.s(ALNUM, 14), "GITHUB_CLIENT_ID", "gh_oauth"),
            (r.uuid(), "AZURE_CLIENT_ID", "azure"), ("0oa" + r.s(ALNUM, 17), "OKTA_CLIENT_ID", "okta"),
            ("%d.%d" % (r.randint(10 ** 9, 10 ** 10), r.randint(10 ** 12, 10 ** 13)), "SLACK_CLIENT_ID", "slack"),
            ("org-" + r.s(ALNUM, 24), "OPENAI_ORG_ID", "openai_org"), ("acct_1" + r.s(ALNUM, 15), "STRIPE_ACCOUNT", "stripe_acct"),
            (str(r.randint(10 ** 11, 10 ** 12 - 1)), "AWS_ACCOUNT_ID", "aws_account"),
            ("AC" + r.hexs(32), "TWILIO_ACCOUNT_SID", "twilio_sid"), ("rzp_live_" + r.s(ALNUM, 14), "RAZORPAY_KEY_ID", "razorpay_id"),
            ("GOOG1E" + r.s(UP + DG, 55), "GCS_HMAC_ACCESS_ID", "gcs_hmac_id")]
    t, n, s = r.choice(opts)
    return dict(text=t, name=n, sub=s, disputed=(s == "twilio_sid"))


@reg("docker_digest", 0.7)
def _(r, eco):
    t = r.choice(["sha256:" + r.hexs(64), "%s@sha256:%s" % (r.choice(["nginx", "ghcr.io/acme/api", "python"]), r.hexs(64))])
    return dict(text=t, name=r.choice(["image", "digest", "base_image", "imageDigest"]), sub="oci")


@reg("file_path", 1.0)
def _(r, eco):
    t = r.choice(["/etc/ssl/private/server.key", "~/.ssh/id_ed25519", "/run/secrets/db_password", "secrets/prod.env", "C:\\Users\\jdoe\\.aws\\credentials",
                  "./certs/client-key.pem", "/var/run/secrets/kubernetes.io/serviceaccount/token", "config/master.key", "~/.config/gh/hosts.yml", "/vault/secrets/token"])
    return dict(text=t, name=r.choice(["key_file", "password_file", "SSL_KEY_PATH", "token_path", "secret_path", "PRIVATE_KEY_PATH", "credentials_file"]), sub="path")


@reg("password_hash", 1.0)
def _(r, eco):
    bc = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    k = r.choice(["bcrypt", "argon2", "sha512crypt", "apr1", "django", "scram", "pgmd5", "ssha"])
    t = {"bcrypt": "$2b$12$" + r.s(bc, 53), "argon2": "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (r.b64bytes(16, pad=False), r.b64bytes(32, pad=False)),
         "sha512crypt": "$6$rounds=5000$%s$%s" % (r.s(bc, 16), r.s(bc, 86)), "apr1": "$apr1$%s$%s" % (r.s(bc, 8), r.s(bc, 22)),
         "django": "pbkdf2_sha256$600000$%s$%s" % (r.s(ALNUM, 22), r.b64bytes(32)), "scram": "SCRAM-SHA-256$4096:%s$%s:%s" % (r.b64bytes(16), r.b64bytes(32), r.b64bytes(32)),
         "pgmd5": "md5" + r.hexs(32), "ssha": "{SSHA}" + r.b64bytes(24)}[k]
    return dict(text=t, name=r.choice(["password_hash", "PASSWORD_HASH", "hashed_password", "passwd", "admin_password_bcrypt", "encrypted_password"]), sub=k)


@reg("short_value", 0.8)
def _(r, eco):
    return dict(text=r.choice(["pw", "1", "abc", "x", "a1", "42", "no", "-", "1234"]), name=nm(r), sub="short")


@reg("encrypted_blob", 1.0)
def _(r, eco):
    k = r.choice(["ansible", "sops", "sealed", "kms", "jasypt"])
    if k == "ansible":
        body = "\n".join(r.hexs(80) for _ in range(r.randint(3, 6)))
        t = "$ANSIBLE_VAULT;1.1;AES256\n" + body
    elif k == "sops":
        t = "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (r.b64bytes(r.randint(12, 40)), r.b64bytes(32), r.b64bytes(16))
    elif k == "sealed":
        t = "AgB" + r.s(ALNUM + "+/", 600) + "=="
    elif k == "kms":
        t = "AQICAHh" + r.s(ALNUM + "+/", 180) + "=="
    else:
        t = "ENC(" + r.b64bytes(48) + ")"
    return dict(text=t, name=nm(r, "db_password", "password", "apiKey", "secret"), sub=k)


@reg("b64_encoded_config", 0.5, disputed=True)
def _(r, eco):
    inner = "[default]\nregion=eu-west-1\noutput=json\n" if r.maybe(0.5) else "server {\n  listen 80;\n  server_name app.local;\n}\n"
    inner += "# %s\n" % r.s(ALNUM, r.randint(40, 200))
    return dict(text=base64.b64encode(inner.encode()).decode(), name=r.choice(["user_data", "config_b64", "values", "bootstrap"]), sub="b64cfg")


@reg("takumo_token", 0.6)
def _(r, eco):
    return dict(text="__TAKUMO_v1_%s_%s__" % (r.choice(["KEY", "SECRET", "CONN", "PASSWORD", "TOKEN", "PEM", "JWT"]), r.hexs(8)), name=nm(r), sub="own")


@reg("url_no_creds", 1.2)
def _(r, eco):
    t = r.choice(["postgres://db.internal:5432/app", "postgres://app@db/app", "redis://redis:6379/0", "https://jdoe@github.com/acme/api.git",
                  "mongodb+srv://cluster0.ab1cd.mongodb.net/?retryWrites=true", "postgresql://app:${DB_PASSWORD}@db:5432/app",
                  "mysql://root:$(MYSQL_PASSWORD)@mysql:3306/app", "amqp://rabbitmq:5672/%2F", "https://hooks.slack.com/services/",
                  "jdbc:postgresql://db:5432/app", "Server=tcp:sql01,1433;Database=app;Integrated Security=True;", "https://api.stripe.com/v1/charges",
                  "https://discord.com/api/webhooks/{id}/{token}", "sqlite:///./app.db"])
    return dict(text=t, name=r.choice(["DATABASE_URL", "url", "REDIS_URL", "connectionString", "WEBHOOK_URL", "endpoint"]), sub="url")


@reg("default_credential", 0.6, disputed=True)
def _(r, eco):
    t, n = r.choice([("guest", "RABBITMQ_DEFAULT_PASS"), ("postgres", "POSTGRES_PASSWORD"), ("root", "MYSQL_ROOT_PASSWORD"), ("admin", "GF_SECURITY_ADMIN_PASSWORD"),
                     ("minioadmin", "MINIO_ROOT_PASSWORD"), ("changeit", "keystorePassword"), ("secret", "password"), ("password", "DB_PASSWORD"), ("elastic", "ELASTIC_PASSWORD")])
    return dict(text=t, name=n, sub="default")


@reg("api_object_id", 0.3)
def _(r, eco):
    t = r.choice(["msg_01" + r.s(ALNUM, 22), "toolu_01" + r.s(ALNUM, 22), "chatcmpl-" + r.s(ALNUM, 29), "call_" + r.s(ALNUM, 24), "resp_" + r.hexs(48),
                  "req_011C" + r.s(ALNUM, 20), "file-" + r.s(ALNUM, 22), "asst_" + r.s(ALNUM, 24), "thread_" + r.s(ALNUM, 24), "run_" + r.s(ALNUM, 24),
                  "evt_1" + r.s(ALNUM, 23), "pi_3" + r.s(ALNUM, 21), "ch_3" + r.s(ALNUM, 21), "sub_1" + r.s(ALNUM, 23), "fc_" + r.hexs(48)])
    return dict(text=t, name=r.choice(["id", "request_id", "tool_use_id", "call_id", "previous_response_id", "event_id"]), sub=t.split("_")[0].split("-")[0])


@reg("public_address", 0.4)
def _(r, eco):
    t = r.choice(["0x" + r.hexs(40), "bc1q" + r.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 38), "Qm" + r.s("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 44), "bafybei" + r.s("abcdefghijklmnopqrstuvwxyz234567", 52)])
    return dict(text=t, name=r.choice(["wallet", "contract_address", "cid", "treasury"]), sub="addr")


CLASSES = list(NEGS)


def make_neg(r, eco, cls=None, weights=None):
    if cls is None:
        cls = r.choices(CLASSES, weights=[NEGS[c][1] for c in CLASSES])[0]
    fn, w, disp = NEGS[cls]
    d = fn(r, eco)
    meta = {"class": cls, "sub": d.get("sub", ""), "disputed": bool(d.get("disputed", disp))}
    return Span("N", d["text"], meta), d["name"], d.get("raw", False)
