"""Secret formats and hard-negative generators for the heldout14 corpus (standard library only).

Every value is synthetic: random bytes from a seeded random.Random, shaped like the real format.
"""
import base64
import binascii
import json
import string

DIG = string.digits
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
UP = string.ascii_uppercase
LO = string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
UPDIG = UP + DIG
B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
B64U = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
B32L = "abcdefghijklmnopqrstuvwxyz234567"

WORDS = ("alpha bravo cedar delta ember falcon garnet harbor indigo juniper kestrel lumen maple nimbus "
         "orchid pebble quartz raven sierra tundra umber violet willow xenon yarrow zephyr copper "
         "granite meadow saffron thistle cobalt lantern marble orbit prairie").split()


class G:
    def __init__(self, rnd):
        self.r = rnd

    def s(self, n, alpha=ALNUM):
        r = self.r
        return "".join(r.choice(alpha) for _ in range(n))

    def b(self, n):
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def b64(self, n):
        return base64.b64encode(self.b(n)).decode()

    def b64u(self, n):
        return base64.urlsafe_b64encode(self.b(n)).decode().rstrip("=")

    def word(self):
        return self.r.choice(WORDS)

    def pick(self, seq):
        return self.r.choice(seq)

    def uuid(self):
        h = self.s(32, HEX)
        h = h[:12] + "4" + h[13:16] + self.pick("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def password(self):
        r = self.r
        style = r.randrange(4)
        if style == 0:
            return self.word().capitalize() + self.pick("!*-_+.") + self.s(r.randint(3, 5), DIG) + self.word().capitalize()
        if style == 1:
            return self.s(1, LO + UP) + self.s(r.randint(13, 23), ALNUM + "!*-_+.")
        if style == 2:
            return self.s(r.randint(20, 32), ALNUM)
        return self.word() + "-" + self.word() + "-" + self.word() + "-" + self.s(2, DIG)

    def urlpass(self):
        r = self.r
        if r.random() < 0.5:
            return self.s(r.randint(16, 28), ALNUM)
        return self.s(1, LO) + self.s(r.randint(12, 22), ALNUM + "-_.~")

    def host(self):
        r = self.r
        return self.pick([
            "db-%s.internal.%s.io" % (self.word(), self.word()),
            "%s-prod.c%s.eu-west-1.rds.amazonaws.com" % (self.word(), self.s(10, LO + DIG)),
            "10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255)),
            "%s.%s.svc.cluster.local" % (self.word(), self.word()),
            "%s-%s.postgres.database.azure.com" % (self.word(), self.word()),
        ])


def crc_b62(data):
    n = binascii.crc32(data.encode()) & 0xFFFFFFFF
    out = ""
    while n:
        n, m = divmod(n, 62)
        out = B62[m] + out
    return out.rjust(6, "0")


def gh(g, prefix):
    body = g.s(30, ALNUM)
    return prefix + body + crc_b62(body)


def pem_wrap(b64, width=64):
    return [b64[i:i + width] for i in range(0, len(b64), width)]


def pem(g, kind):
    """Return list of lines of a private key block."""
    if kind == "rsa":
        body = "MIIEpAIBAAKCAQEA" + g.b64(1176)[:1576]
        lines = ["-----BEGIN RSA PRIVATE KEY-----"] + pem_wrap(body) + ["-----END RSA PRIVATE KEY-----"]
    elif kind == "rsa_enc":
        body = g.b64(1200)[:1600]
        lines = ["-----BEGIN RSA PRIVATE KEY-----", "Proc-Type: 4,ENCRYPTED",
                 "DEK-Info: AES-256-CBC," + g.s(32, UHEX), ""] + pem_wrap(body) + ["-----END RSA PRIVATE KEY-----"]
    elif kind == "ec":
        body = "MHcCAQEEI" + g.b64(114)[:143]
        body = body + "==" if len(body) % 4 == 0 else body[: len(body) - len(body) % 4]
        lines = ["-----BEGIN EC PRIVATE KEY-----"] + pem_wrap(body) + ["-----END EC PRIVATE KEY-----"]
    elif kind == "pkcs8":
        body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + g.b64(1180)[:1574]
        lines = ["-----BEGIN PRIVATE KEY-----"] + pem_wrap(body) + ["-----END PRIVATE KEY-----"]
    elif kind == "pkcs8_enc":
        body = "MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI" + g.b64(1230)[:1616]
        lines = ["-----BEGIN ENCRYPTED PRIVATE KEY-----"] + pem_wrap(body) + ["-----END ENCRYPTED PRIVATE KEY-----"]
    elif kind == "openssh":
        body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACA" + g.b64(240)[:320]
        lines = ["-----BEGIN OPENSSH PRIVATE KEY-----"] + pem_wrap(body, 70) + ["-----END OPENSSH PRIVATE KEY-----"]
    elif kind == "dsa":
        body = "MIIBuwIBAAKBgQ" + g.b64(330)[:428]
        lines = ["-----BEGIN DSA PRIVATE KEY-----"] + pem_wrap(body) + ["-----END DSA PRIVATE KEY-----"]
    else:  # pgp
        body = "lQOYBG" + g.b64(700)[:930]
        lines = ["-----BEGIN PGP PRIVATE KEY BLOCK-----", ""] + pem_wrap(body) + ["=" + g.s(4, B64), "-----END PGP PRIVATE KEY BLOCK-----"]
    return lines


def jwt(g):
    r = g.r
    alg = g.pick(["HS256", "RS256", "ES256", "HS512"])
    hdr = {"alg": alg, "typ": "JWT"}
    if r.random() < 0.4:
        hdr["kid"] = g.s(16, HEX)
    iat = 1690000000 + r.randrange(40000000)
    pl = {"sub": g.pick([g.uuid(), str(r.randrange(10 ** 6)), "svc-" + g.word()]), "iat": iat, "exp": iat + g.pick([900, 3600, 86400, 31536000])}
    if r.random() < 0.5:
        pl["iss"] = "https://auth.%s.io/" % g.word()
    if r.random() < 0.5:
        pl["role"] = g.pick(["service_role", "admin", "reader", "deployer"])
    enc = lambda o: base64.urlsafe_b64encode(json.dumps(o, separators=(",", ":")).encode()).decode().rstrip("=")
    siglen = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64}[alg]
    return enc(hdr) + "." + enc(pl) + "." + g.b64u(siglen)


# ---------------------------------------------------------------- secret formats
# name -> (family, weight, kind, names, generator)
# kind: "assign" (a string value assigned to a name), "header" (Authorization value, label = credential only),
#       "pem" (multi-line block). names: variable names (UPPER_SNAKE), the renderer re-cases them.

def _dburl(scheme, port, extra=""):
    def f(g):
        user = g.pick(["app", "admin", "svc_" + g.word(), g.word(), "root", "api_user"])
        db = g.pick(["app", "orders", g.word(), "prod", "analytics"])
        h = g.host()
        if scheme == "mongodb+srv":
            return "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority" % (user, g.urlpass(), g.s(5, LO + DIG), db)
        if scheme in ("redis", "rediss"):
            return "%s://%s:%s@%s:%d/%d" % (scheme, g.pick(["default", ""]), g.urlpass(), h, port, g.r.randrange(16))
        if scheme in ("amqp", "amqps"):
            return "%s://%s:%s@%s:%d/%s" % (scheme, user, g.urlpass(), h, port, g.pick(["%2F", "vhost", g.word()]))
        return "%s://%s:%s@%s:%d/%s%s" % (scheme, user, g.urlpass(), h, port, db, extra)
    return f


def _basic(g):
    u = g.pick(["deploy", "ci-bot", "admin", g.word(), "svc-" + g.word()])
    return base64.b64encode(("%s:%s" % (u, g.password())).encode()).decode()


SECRETS = {
    # AWS
    "aws_access_key_id": ("aws", 5, "assign", ["AWS_ACCESS_KEY_ID", "ACCESS_KEY_ID", "AWS_ACCESS_KEY"], lambda g: "AKIA" + g.s(16, UP + "234567")),
    "aws_temp_access_key_id": ("aws", 2, "assign", ["AWS_ACCESS_KEY_ID", "ACCESS_KEY"], lambda g: "ASIA" + g.s(16, UP + "234567")),
    "aws_secret_access_key": ("aws", 5, "assign", ["AWS_SECRET_ACCESS_KEY", "SECRET_ACCESS_KEY", "AWS_SECRET_KEY"], lambda g: g.s(40, ALNUM + "+/")),
    "aws_session_token": ("aws", 2, "assign", ["AWS_SESSION_TOKEN", "SESSION_TOKEN"], lambda g: "FwoGZXIvYXdzE" + g.s(3, ALNUM) + "DO" + g.b64(240)[:300]),
    # GCP / Google
    "google_api_key": ("google", 4, "assign", ["GOOGLE_API_KEY", "MAPS_API_KEY", "FIREBASE_API_KEY", "GEMINI_API_KEY"], lambda g: "AIza" + g.s(35, ALNUM + "-_")),
    "google_oauth_client_secret": ("google", 2, "assign", ["GOOGLE_CLIENT_SECRET", "OAUTH_CLIENT_SECRET"], lambda g: "GOCSPX-" + g.s(28, ALNUM + "-_")),
    # Azure
    "azure_storage_account_key": ("azure", 3, "assign", ["AZURE_STORAGE_KEY", "STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_ACCESS_KEY"], lambda g: g.b64(64)),
    "azure_storage_connection_string": ("azure", 3, "assign", ["AZURE_STORAGE_CONNECTION_STRING", "STORAGE_CONNECTION_STRING", "AzureWebJobsStorage"],
                                        lambda g: "DefaultEndpointsProtocol=https;AccountName=%s%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (g.word(), g.s(4, LO + DIG), g.b64(64))),
    "azure_sas_token": ("azure", 2, "assign", ["AZURE_SAS_TOKEN", "BLOB_SAS_TOKEN", "SAS_TOKEN"],
                        lambda g: "sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-%02d-%02dT%02d:00:00Z&st=2024-01-01T00:00:00Z&spr=https&sig=%s" % (
                            g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"))),
    "azure_ad_client_secret": ("azure", 2, "assign", ["AZURE_CLIENT_SECRET", "CLIENT_SECRET", "AAD_CLIENT_SECRET"], lambda g: g.s(3, ALNUM) + "8Q~" + g.s(34, ALNUM + "-_.~")),
    "azure_servicebus_connection_string": ("azure", 2, "assign", ["SERVICEBUS_CONNECTION_STRING", "AZURE_SERVICEBUS_CONNECTION"],
                                           lambda g: "Endpoint=sb://%s-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s" % (g.word(), g.word(), g.b64(32))),
    "azure_devops_pat": ("azure", 1, "assign", ["AZURE_DEVOPS_PAT", "ADO_TOKEN", "AZDO_PERSONAL_ACCESS_TOKEN"], lambda g: g.s(52, B32L)),
    # Stripe
    "stripe_secret_key_live": ("stripe", 3, "assign", ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY"], lambda g: "sk_live_" + g.pick(["51", ""]) + g.s(g.pick([24, 97]), ALNUM)),
    "stripe_secret_key_test": ("stripe", 2, "assign", ["STRIPE_SECRET_KEY", "STRIPE_TEST_SECRET"], lambda g: "sk_test_" + g.pick(["51", ""]) + g.s(g.pick([24, 97]), ALNUM)),
    "stripe_restricted_key": ("stripe", 1, "assign", ["STRIPE_RESTRICTED_KEY", "STRIPE_KEY"], lambda g: "rk_live_" + g.s(g.pick([24, 99]), ALNUM)),
    "stripe_webhook_secret": ("stripe", 2, "assign", ["STRIPE_WEBHOOK_SECRET", "WEBHOOK_SIGNING_SECRET"], lambda g: "whsec_" + g.s(32, ALNUM)),
    # GitHub
    "github_pat_classic": ("github", 4, "assign", ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"], lambda g: gh(g, "ghp_")),
    "github_oauth_token": ("github", 1, "assign", ["GITHUB_OAUTH_TOKEN", "GH_OAUTH_TOKEN"], lambda g: gh(g, "gho_")),
    "github_server_to_server_token": ("github", 1, "assign", ["GITHUB_APP_TOKEN", "GH_INSTALLATION_TOKEN"], lambda g: gh(g, "ghs_")),
    "github_fine_grained_pat": ("github", 2, "assign", ["GITHUB_TOKEN", "GH_PAT"], lambda g: "github_pat_11" + g.s(20, UPDIG) + "_" + g.s(59, ALNUM)),
    # GitLab
    "gitlab_pat": ("gitlab", 3, "assign", ["GITLAB_TOKEN", "GITLAB_PRIVATE_TOKEN", "CI_REGISTRY_TOKEN"], lambda g: "glpat-" + g.s(20, ALNUM + "-_")),
    "gitlab_pipeline_trigger_token": ("gitlab", 1, "assign", ["GITLAB_TRIGGER_TOKEN", "TRIGGER_TOKEN"], lambda g: "glptt-" + g.s(40, HEX)),
    # Slack
    "slack_bot_token": ("slack", 3, "assign", ["SLACK_BOT_TOKEN", "SLACK_TOKEN"], lambda g: "xoxb-%s-%s-%s" % (g.s(12, DIG), g.s(13, DIG), g.s(24, ALNUM))),
    "slack_user_token": ("slack", 1, "assign", ["SLACK_USER_TOKEN", "SLACK_TOKEN"], lambda g: "xoxp-%s-%s-%s-%s" % (g.s(12, DIG), g.s(12, DIG), g.s(13, DIG), g.s(32, HEX))),
    "slack_webhook_url": ("slack", 3, "assign", ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK", "ALERT_WEBHOOK_URL"],
                          lambda g: "https://hooks.slack.com/services/T%s/B%s/%s" % (g.s(8, UPDIG), g.s(10, UPDIG), g.s(24, ALNUM))),
    # package registries
    "npm_token": ("npm", 2, "assign", ["NPM_TOKEN", "NPM_AUTH_TOKEN", "NODE_AUTH_TOKEN"], lambda g: gh(g, "npm_")),
    "pypi_token": ("pypi", 2, "assign", ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN"], lambda g: "pypi-AgEIcHlwaS5vcmc" + g.b64u(130)),
    "dockerhub_pat": ("docker", 2, "assign", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "REGISTRY_PASSWORD"], lambda g: "dckr_pat_" + g.s(27, ALNUM + "-_")),
    # AI providers
    "openai_project_key": ("openai", 4, "assign", ["OPENAI_API_KEY", "OPENAI_KEY", "LLM_API_KEY"], lambda g: "sk-proj-" + g.s(74, ALNUM + "-_") + "T3BlbkFJ" + g.s(74, ALNUM + "-_")),
    "openai_legacy_key": ("openai", 2, "assign", ["OPENAI_API_KEY", "OPENAI_SECRET"], lambda g: "sk-" + g.s(20, ALNUM) + "T3BlbkFJ" + g.s(20, ALNUM)),
    "anthropic_api_key": ("anthropic", 4, "assign", ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY", "LLM_API_KEY"], lambda g: "sk-ant-api03-" + g.s(93, ALNUM + "-_") + "AA"),
    "huggingface_token": ("huggingface", 3, "assign", ["HF_TOKEN", "HUGGINGFACE_TOKEN", "HUGGING_FACE_HUB_TOKEN"], lambda g: "hf_" + g.s(34, string.ascii_letters)),
    "groq_api_key": ("ai", 1, "assign", ["GROQ_API_KEY"], lambda g: "gsk_" + g.s(52, ALNUM)),
    # comms / SaaS
    "sendgrid_api_key": ("sendgrid", 3, "assign", ["SENDGRID_API_KEY", "SMTP_PASSWORD", "MAIL_API_KEY"], lambda g: "SG." + g.s(22, ALNUM + "-_") + "." + g.s(43, ALNUM + "-_")),
    "twilio_account_sid": ("twilio", 2, "assign", ["TWILIO_ACCOUNT_SID", "TWILIO_SID"], lambda g: "AC" + g.s(32, HEX)),
    "twilio_auth_token": ("twilio", 2, "assign", ["TWILIO_AUTH_TOKEN", "TWILIO_TOKEN"], lambda g: g.s(32, HEX)),
    "mailgun_api_key": ("mailgun", 2, "assign", ["MAILGUN_API_KEY", "MAILGUN_KEY"], lambda g: g.pick(["key-" + g.s(32, HEX), g.s(32, HEX) + "-" + g.s(8, HEX) + "-" + g.s(8, HEX)])),
    "datadog_api_key": ("datadog", 2, "assign", ["DD_API_KEY", "DATADOG_API_KEY"], lambda g: g.s(32, HEX)),
    "datadog_app_key": ("datadog", 1, "assign", ["DD_APP_KEY", "DATADOG_APP_KEY"], lambda g: g.s(40, HEX)),
    "sentry_auth_token": ("sentry", 2, "assign", ["SENTRY_AUTH_TOKEN"], lambda g: "sntrys_" + base64.b64encode(json.dumps({"iat": 1700000000 + g.r.randrange(10 ** 7), "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": g.word()}, separators=(",", ":")).encode()).decode().rstrip("=") + "_" + g.s(43, ALNUM + "+/")),
    "shopify_access_token": ("shopify", 2, "assign", ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"], lambda g: g.pick(["shpat_", "shpca_", "shppa_"]) + g.s(32, HEX)),
    "shopify_shared_secret": ("shopify", 1, "assign", ["SHOPIFY_API_SECRET", "SHOPIFY_SHARED_SECRET"], lambda g: "shpss_" + g.s(32, HEX)),
    "databricks_token": ("databricks", 2, "assign", ["DATABRICKS_TOKEN", "DATABRICKS_ACCESS_TOKEN"], lambda g: "dapi" + g.s(32, HEX) + g.pick(["", "-2", "-3"])),
    "discord_bot_token": ("discord", 2, "assign", ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN", "BOT_TOKEN"],
                          lambda g: g.pick("MN") + g.s(25, ALNUM) + "." + g.s(6, ALNUM + "-_") + "." + g.s(38, ALNUM + "-_")),
    "discord_webhook_url": ("discord", 2, "assign", ["DISCORD_WEBHOOK_URL", "DISCORD_WEBHOOK"],
                            lambda g: "https://discord.com/api/webhooks/%s/%s" % (g.s(19, DIG), g.s(68, ALNUM + "-_"))),
    "telegram_bot_token": ("telegram", 2, "assign", ["TELEGRAM_BOT_TOKEN", "TG_BOT_TOKEN"], lambda g: "%s:AA%s" % (g.s(10, DIG), g.s(33, ALNUM + "-_"))),
    "vault_token": ("hashicorp", 2, "assign", ["VAULT_TOKEN"], lambda g: "hvs." + g.s(24, ALNUM) if g.r.random() < 0.3 else "hvs.CAESI" + g.s(86, ALNUM + "-_")),
    "terraform_cloud_token": ("hashicorp", 2, "assign", ["TFE_TOKEN", "TF_TOKEN_app_terraform_io", "TERRAFORM_CLOUD_TOKEN"], lambda g: g.s(14, ALNUM) + ".atlasv1." + g.s(67, ALNUM)),
    "digitalocean_token": ("cloud", 1, "assign", ["DIGITALOCEAN_TOKEN", "DO_API_TOKEN"], lambda g: "dop_v1_" + g.s(64, HEX)),
    "cloudflare_api_token": ("cloud", 2, "assign", ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], lambda g: g.s(40, ALNUM + "-_")),
    "heroku_api_key": ("cloud", 1, "assign", ["HEROKU_API_KEY"], lambda g: g.uuid()),
    "atlassian_api_token": ("saas", 2, "assign", ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_TOKEN"], lambda g: "ATATT3xFfGF0" + g.s(170, ALNUM + "-_") + "=" + g.s(8, UHEX)),
    "newrelic_user_api_key": ("saas", 1, "assign", ["NEW_RELIC_API_KEY", "NEWRELIC_API_KEY"], lambda g: "NRAK-" + g.s(27, UPDIG)),
    "supabase_access_token": ("saas", 1, "assign", ["SUPABASE_ACCESS_TOKEN"], lambda g: "sbp_" + g.s(40, HEX)),
    "mapbox_secret_token": ("saas", 1, "assign", ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"], lambda g: "sk.eyJ1Ijoi" + g.s(20, ALNUM) + "IiwiYSI6I" + g.s(20, ALNUM) + "." + g.s(22, ALNUM + "-_")),
    "age_secret_key": ("crypto", 1, "assign", ["SOPS_AGE_KEY", "AGE_SECRET_KEY"], lambda g: "AGE-SECRET-KEY-1" + g.s(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")),
    # tokens
    "jwt": ("jwt", 5, "assign", ["ACCESS_TOKEN", "JWT_TOKEN", "SUPABASE_SERVICE_ROLE_KEY", "ID_TOKEN", "AUTH_TOKEN"], jwt),
    "bearer_token": ("http_auth", 4, "header", [], lambda g: g.pick([g.s(40, ALNUM), g.b64u(32), g.s(64, HEX)])),
    "basic_auth_credentials": ("http_auth", 3, "header", [], _basic),
    # private keys
    "pem_rsa_private_key": ("private_key", 3, "pem", ["PRIVATE_KEY", "RSA_PRIVATE_KEY", "JWT_PRIVATE_KEY"], lambda g: pem(g, g.pick(["rsa", "rsa", "rsa_enc"]))),
    "pem_ec_private_key": ("private_key", 2, "pem", ["EC_PRIVATE_KEY", "SIGNING_KEY"], lambda g: pem(g, "ec")),
    "pem_pkcs8_private_key": ("private_key", 3, "pem", ["PRIVATE_KEY", "TLS_KEY", "SSL_PRIVATE_KEY"], lambda g: pem(g, "pkcs8")),
    "pem_encrypted_private_key": ("private_key", 1, "pem", ["ENCRYPTED_PRIVATE_KEY", "PRIVATE_KEY"], lambda g: pem(g, "pkcs8_enc")),
    "pem_openssh_private_key": ("private_key", 2, "pem", ["SSH_PRIVATE_KEY", "DEPLOY_KEY"], lambda g: pem(g, "openssh")),
    "pem_dsa_private_key": ("private_key", 1, "pem", ["DSA_PRIVATE_KEY", "PRIVATE_KEY"], lambda g: pem(g, "dsa")),
    "pgp_private_key_block": ("private_key", 1, "pem", ["GPG_PRIVATE_KEY", "PGP_SIGNING_KEY"], lambda g: pem(g, "pgp")),
    # connection strings
    "postgres_url": ("database_url", 5, "assign", ["DATABASE_URL", "POSTGRES_URL", "DB_URL", "SQLALCHEMY_DATABASE_URI"], lambda g: _dburl(g.pick(["postgres", "postgresql"]), 5432, g.pick(["", "?sslmode=require"]))(g)),
    "mysql_url": ("database_url", 3, "assign", ["DATABASE_URL", "MYSQL_URL", "DB_DSN"], _dburl("mysql", 3306)),
    "mongodb_url": ("database_url", 2, "assign", ["MONGO_URL", "MONGODB_URI"], _dburl("mongodb", 27017, "?authSource=admin")),
    "mongodb_srv_url": ("database_url", 2, "assign", ["MONGODB_URI", "MONGO_URI"], _dburl("mongodb+srv", 0)),
    "redis_url": ("database_url", 3, "assign", ["REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL"], lambda g: _dburl(g.pick(["redis", "rediss"]), 6379)(g)),
    "amqp_url": ("database_url", 2, "assign", ["AMQP_URL", "RABBITMQ_URL", "BROKER_URL"], lambda g: _dburl(g.pick(["amqp", "amqps"]), 5672)(g)),
    "https_url_with_credentials": ("database_url", 2, "assign", ["REGISTRY_URL", "PIP_INDEX_URL", "ARTIFACTORY_URL", "GIT_REMOTE"],
                                   lambda g: "https://%s:%s@%s/%s" % (g.pick(["deploy", "ci", g.word()]), g.urlpass(), g.pick(["artifactory.%s.io" % g.word(), "nexus.internal", "git.%s.dev" % g.word()]), g.pick(["api/pypi/simple", "repository/npm/", "team/app.git"]))),
    "jdbc_url_with_password": ("connection_string", 3, "assign", ["SPRING_DATASOURCE_URL", "JDBC_URL", "DB_JDBC_URL"],
                               lambda g: g.pick([
                                   "jdbc:postgresql://%s:5432/%s?user=%s&password=%s" % (g.host(), g.word(), g.word(), g.urlpass()),
                                   "jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (g.host(), g.word(), g.word(), g.urlpass()),
                                   "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;encrypt=true" % (g.host(), g.word(), g.word(), g.urlpass()),
                                   "jdbc:oracle:thin:%s/%s@%s:1521/ORCLPDB1" % (g.word(), g.urlpass(), g.host())])),
    "ado_sqlserver_connection_string": ("connection_string", 3, "assign", ["CONNECTION_STRING", "SQL_CONNECTION_STRING", "DefaultConnection"],
                                        lambda g: "Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;Encrypt=True;Connection Timeout=30;" % (g.word(), g.word(), g.word(), g.urlpass())),
    # framework secrets
    "django_secret_key": ("framework", 2, "assign", ["SECRET_KEY", "DJANGO_SECRET_KEY"], lambda g: g.pick(["django-insecure-", ""]) + g.s(50, LO + DIG + "!@#%^&*(-_=+)")),
    "rails_secret_key_base": ("framework", 2, "assign", ["SECRET_KEY_BASE", "RAILS_MASTER_KEY"], lambda g: g.s(128, HEX)),
    "flask_secret_key": ("framework", 2, "assign", ["SECRET_KEY", "FLASK_SECRET_KEY", "SESSION_SECRET"], lambda g: g.pick([g.s(64, HEX), g.b64u(32)])),
    "nextauth_secret": ("framework", 1, "assign", ["NEXTAUTH_SECRET", "AUTH_SECRET", "JWT_SECRET"], lambda g: g.b64(32)),
    # generic context
    "password_assignment": ("generic", 12, "assign", ["DB_PASSWORD", "PASSWORD", "MYSQL_ROOT_PASSWORD", "SMTP_PASSWORD", "REDIS_PASSWORD", "ADMIN_PASSWORD", "LDAP_BIND_PASSWORD", "KEYSTORE_PASSWORD", "USER_PASSWORD", "DB_PASS", "PGPASSWORD"], lambda g: g.password()),
    "secret_assignment": ("generic", 5, "assign", ["CLIENT_SECRET", "APP_SECRET", "WEBHOOK_SECRET", "ENCRYPTION_SECRET", "HMAC_SECRET", "SIGNING_SECRET"], lambda g: g.pick([g.s(32, ALNUM), g.s(48, HEX), g.b64(24)])),
    "api_key_assignment": ("generic", 6, "assign", ["API_KEY", "PAYMENT_API_KEY", "MAPS_APIKEY", "PARTNER_API_KEY", "X_API_KEY", "SEARCH_ADMIN_API_KEY", "MISTRAL_API_KEY", "COHERE_API_KEY"], lambda g: g.pick([g.s(32, ALNUM), g.s(32, HEX), g.s(40, ALNUM + "-_")])),
    "token_assignment": ("generic", 4, "assign", ["AUTH_TOKEN", "SERVICE_TOKEN", "INTERNAL_API_TOKEN", "REFRESH_TOKEN", "PERSONAL_ACCESS_TOKEN"], lambda g: g.pick([g.s(40, ALNUM), g.b64u(30), g.s(64, HEX)])),
    "encryption_key_assignment": ("generic", 2, "assign", ["ENCRYPTION_KEY", "AES_KEY", "MASTER_KEY", "DATA_ENCRYPTION_KEY"], lambda g: g.pick([g.b64(32), g.s(64, HEX)])),
}

# formats that only appear in dedicated files (generated in gen.py)
FILE_FORMATS = {
    "gcp_service_account_private_key": "gcp",
    "netrc_password": "config_file",
    "npmrc_auth": "config_file",
    "pypirc_password": "config_file",
    "docker_config_auth": "config_file",
    "k8s_secret_data": "kubernetes",
}
