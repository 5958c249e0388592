"""Positive secret formats, generated from their public descriptions.

Each format: id, generator, context names (the names developers store it under),
header forms, placement ('token' = a single-line string value that can go anywhere,
'pem' = multi-line block, 'special' = only emitted by dedicated file kinds),
optional companions, and a note when the structure is uncertain.
"""
import json
import uuid
from urllib.parse import quote

from .util import (BAD_SUBSTR, ALNUM, B62, B64, B64URL, DIGITS, HEX, HEXU, LOALNUM, LOWER, UPALNUM, UPPER,
                   B32, b64, b64url_nopad, bech32_encode, crc24, gh_checksum_token, jwt, rbytes,
                   rb64, rs, wrap)

FORMATS = {}
ORDER = []


class Fmt:
    def __init__(self, fid, gen, names, headers=None, placement="token", companions=None,
                 note=None, qparam=None, group=None):
        self.id = fid
        self.gen = gen
        self.names = [n.split() for n in names]
        self.headers = headers or []
        self.placement = placement
        self.companions = companions or []
        self.note = note
        self.qparam = qparam
        self.group = group


def F(fid, gen, names, **kw):
    f = Fmt(fid, gen, names, **kw)
    FORMATS[fid] = f
    ORDER.append(fid)
    return f


BEARER = [("Authorization", "Bearer {v}")]

# ---------------------------------------------------------------- passwords
PW_SYMS = "!@#%^&*()-_=+[]{}:;,.?~"
WORDS = ["maple", "otter", "cobalt", "harbor", "lantern", "quartz", "falcon", "meadow", "ember",
         "granite", "velvet", "orchid", "tundra", "saffron", "juniper", "pioneer", "walnut",
         "comet", "bristle", "canyon", "drizzle", "fjord", "glacier", "hazel", "indigo", "jasper",
         "kestrel", "lumen", "mosaic", "nimbus", "oyster", "pebble", "quill", "raven", "sierra",
         "thistle", "umber", "vortex", "willow", "yonder", "zephyr", "acorn", "basalt", "cinder"]


def gen_password(rng, urlsafe=False):
    r = rng.random()
    syms = "-_.~!*" if urlsafe else PW_SYMS
    if r < 0.6:
        n = rng.randint(12, 32)
        while True:
            pw = [rng.choice(UPPER), rng.choice(LOWER), rng.choice(DIGITS), rng.choice(syms)]
            pw += [rng.choice(ALNUM + syms * 2) for _ in range(n - 4)]
            rng.shuffle(pw)
            s = "".join(pw)
            if "%{" not in s and not any(b in s.lower() for b in BAD_SUBSTR):
                return s
    if r < 0.85:
        a, b = rng.sample(WORDS, 2)
        sep = rng.choice("-_.!#" if not urlsafe else "-_.")
        return a.capitalize() + sep + b.capitalize() + str(rng.randint(10, 9999)) + rng.choice("!?#*" if not urlsafe else "!*")
    return rs(rng, ALNUM, rng.randint(16, 28))


def gen_secret_random(rng, lo=32, hi=64):
    r = rng.random()
    n = rng.randint(lo, hi)
    if r < 0.4:
        return rs(rng, ALNUM, n)
    if r < 0.7:
        return rs(rng, HEX, n)
    if r < 0.9:
        return rb64(rng, n * 3 // 4)
    return rs(rng, B64URL, n)


def host(rng, kind="db"):
    envs = ["prod", "production", "staging", "live", "main", "primary"]
    regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1"]
    if kind == "db":
        return rng.choice([
            "%s-db.%s.rds.amazonaws.com" % (rng.choice(envs), rs(rng, LOALNUM, 12)),
            "db.%s.internal" % rng.choice(envs),
            "pg-%s.%s.svc.cluster.local" % (rng.choice(envs), rng.choice(["data", "default", "backend"])),
            "%s.c%s.%s.rds.amazonaws.com" % (rng.choice(["orders", "billing", "users", "core"]),
                                              rs(rng, LOALNUM, 10), rng.choice(regions)),
            "10.%d.%d.%d" % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254)),
            "postgres", "db", "mysql-primary", "database.%s.example.net" % rng.choice(envs)])
    return rng.choice(["api.internal", "gateway.%s.svc" % rng.choice(envs), "svc-%d.local" % rng.randint(1, 40)])


USERS = ["app", "admin", "svc_orders", "billing", "deploy", "readonly", "etl", "django", "rails",
         "api", "root", "analytics", "postgres", "app_user", "backend", "worker", "reporting"]
DBS = ["orders", "billing", "app_production", "core", "users", "analytics", "inventory", "payments",
       "main", "warehouse", "crm", "events"]


def urlpw(rng):
    pw = gen_password(rng)
    if rng.random() < 0.5:
        return quote(pw, safe="-_.~!*")
    return gen_password(rng, urlsafe=True)


# ---------------------------------------------------------------- AWS
def aws_akid(rng, prefix=None):
    return (prefix or rng.choice(["AKIA"] * 4 + ["ASIA"])) + rs(rng, B32, 16)


F("aws_access_key_id", aws_akid, ["aws access key id", "aws access key", "access key id", "aws key id"],
  group="aws")
F("aws_secret_access_key", lambda r: rs(r, B64[:-2] + "+/", 40),
  ["aws secret access key", "aws secret key", "secret access key", "aws secret"],
  companions=[("pos", "aws_access_key_id", 0.8)], group="aws")


def aws_session(rng):
    pre = rng.choice(["IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE", "IQoJb3JpZ2luX2VjEP"])
    return pre + rs(rng, B64[:-2] + "+/", rng.randint(300, 700)) + rng.choice(["", "=", "=="])


F("aws_session_token", aws_session, ["aws session token", "session token", "aws security token"],
  companions=[("pos", "aws_access_key_id", 0.5), ("pos", "aws_secret_access_key", 0.5)], group="aws")

# ---------------------------------------------------------------- GitHub / GitLab
F("github_pat_classic", lambda r: gh_checksum_token(r, "ghp_"),
  ["github token", "gh token", "github pat", "github access token", "personal access token"],
  headers=[("Authorization", "token {v}"), ("Authorization", "Bearer {v}")])
F("github_oauth_token", lambda r: gh_checksum_token(r, "gho_"), ["github oauth token", "oauth token", "github token"],
  headers=[("Authorization", "token {v}")])
F("github_app_token", lambda r: gh_checksum_token(r, r.choice(["ghu_", "ghs_"])),
  ["github app token", "installation token", "github token"], headers=[("Authorization", "Bearer {v}")])
F("github_refresh_token", lambda r: gh_checksum_token(r, "ghr_"), ["github refresh token", "refresh token"])
F("github_fine_grained_pat", lambda r: "github_pat_" + rs(r, B62, 22) + "_" + rs(r, B62, 59),
  ["github token", "github pat", "gh token", "github fine grained token"], headers=BEARER)
F("gitlab_pat", lambda r: "glpat-" + rs(r, B64URL, 20), ["gitlab token", "gitlab private token", "ci push token", "gitlab pat"],
  headers=[("PRIVATE-TOKEN", "{v}")])
F("gitlab_pipeline_trigger_token", lambda r: "glptt-" + rs(r, HEX, 40), ["gitlab trigger token", "trigger token"])
F("gitlab_runner_token", lambda r: "glrt-" + rs(r, B64URL, 20), ["runner token", "gitlab runner token", "registration token"])

# ---------------------------------------------------------------- Slack
def num(r, lo, hi):
    n = r.randint(lo, hi)
    return str(r.randint(1, 9)) + rs(r, DIGITS, n - 1)


F("slack_bot_token", lambda r: "xoxb-%s-%s-%s" % (num(r, 10, 13), num(r, 10, 13), rs(r, ALNUM, 24)),
  ["slack bot token", "slack token", "bot token"], headers=BEARER)
F("slack_user_token", lambda r: "xoxp-%s-%s-%s-%s" % (num(r, 10, 13), num(r, 10, 13), num(r, 10, 13), rs(r, HEX, 32)),
  ["slack user token", "slack token", "slack oauth token"], headers=BEARER)
F("slack_app_token", lambda r: "xapp-1-A%s-%s-%s" % (rs(r, UPALNUM, 10), num(r, 13, 13), rs(r, HEX, 64)),
  ["slack app token", "app level token", "slack socket token"])
F("slack_legacy_token", lambda r: "%s-%s-%s-%s-%s" % (r.choice(["xoxa-2", "xoxs"]), num(r, 10, 12), num(r, 10, 12), num(r, 10, 12), rs(r, HEX, 64 if r.random() < .5 else 32)),
  ["slack workspace token", "slack legacy token", "slack token"],
  note="xoxa-2/xoxs legacy workspace tokens: layout (numeric groups + hex tail) is my best reading of old examples.")
F("slack_webhook_url", lambda r: "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(r, UPALNUM, r.choice([8, 10])), rs(r, UPALNUM, r.choice([8, 10])), rs(r, ALNUM, 24)),
  ["slack webhook url", "slack webhook", "webhook url", "alerts webhook"])

# ---------------------------------------------------------------- payments
F("stripe_secret_live", lambda r: "sk_live_" + (r.choice(["51", "4e"]) + rs(r, B62, r.randint(22, 97)) if r.random() < .7 else rs(r, B62, 24)),
  ["stripe secret key", "stripe api key", "stripe key", "stripe sk"], headers=BEARER)
F("stripe_restricted_live", lambda r: "rk_live_" + rs(r, B62, r.choice([24, 99])),
  ["stripe restricted key", "stripe api key", "stripe key"], headers=BEARER)
F("stripe_secret_test", lambda r: "sk_test_" + "51" + rs(r, B62, r.randint(22, 97)),
  ["stripe secret key", "stripe test secret key", "stripe key"], headers=BEARER,
  note="sk_test_ keys are secrets (they grant API access to test mode); SPEC 4 lists Stripe test keys.")
F("stripe_webhook_secret", lambda r: "whsec_" + rs(r, B62, 32), ["stripe webhook secret", "webhook signing secret", "stripe endpoint secret"])
F("square_access_token", lambda r: "EAAA" + rs(r, B64URL, 60), ["square access token", "square token"], headers=BEARER,
  note="Square production access tokens: EAAA + 60 base64url (gitleaks reading).")
F("square_oauth_secret", lambda r: "sq0csp-" + rs(r, B64URL, 43), ["square application secret", "square oauth secret"])
F("braintree_access_token", lambda r: "access_token$production$%s$%s" % (rs(r, LOALNUM, 16), rs(r, HEX, 32)),
  ["braintree access token", "paypal access token", "braintree token"])

# ---------------------------------------------------------------- Twilio / messaging
F("twilio_account_sid", lambda r: "AC" + rs(r, HEX, 32), ["twilio account sid", "twilio sid", "account sid"],
  note="Twilio Account SIDs are identifiers, not secrets by themselves; labelled positive because SPEC 4 lists Twilio SIDs.")
F("twilio_auth_token", lambda r: rs(r, HEX, 32), ["twilio auth token", "twilio token"],
  companions=[("pos", "twilio_account_sid", 0.8)])
F("twilio_api_key", lambda r: "SK" + rs(r, HEX, 32), ["twilio api key", "twilio key sid"])
F("sendgrid_api_key", lambda r: "SG." + rs(r, B64URL, 22) + "." + rs(r, B64URL, 43), ["sendgrid api key", "sendgrid key", "smtp password", "email api key"], headers=BEARER)
F("mailgun_api_key", lambda r: "key-" + rs(r, HEX, 32), ["mailgun api key", "mailgun key"])
F("mailchimp_api_key", lambda r: rs(r, HEX, 32) + "-us" + str(r.randint(1, 21)), ["mailchimp api key", "mailchimp key"])
F("brevo_api_key", lambda r: "xkeysib-" + rs(r, HEX, 64) + "-" + rs(r, ALNUM, 16), ["brevo api key", "sendinblue api key"])
F("telegram_bot_token", lambda r: num(r, 8, 10) + ":AA" + rs(r, B64URL, 33), ["telegram bot token", "telegram token", "bot token"])
F("discord_bot_token", lambda r: b64url_nopad(num(r, 17, 19).encode()) + "." + rs(r, B64URL, 6) + "." + rs(r, B64URL, r.choice([27, 38])),
  ["discord bot token", "discord token", "bot token"], headers=[("Authorization", "Bot {v}")])
F("discord_webhook_url", lambda r: "https://%s/api/webhooks/%s/%s" % (r.choice(["discord.com", "discordapp.com"]), num(r, 18, 19), rs(r, B64URL, 68)),
  ["discord webhook url", "discord webhook", "webhook url"])

# ---------------------------------------------------------------- AI
def oai_proj(r):
    return r.choice(["sk-proj-", "sk-proj-"]) + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74)


F("openai_project_key", oai_proj, ["openai api key", "openai key", "openai token", "llm api key"], headers=BEARER,
  note="sk-proj- + 74 + T3BlbkFJ + 74 base64url: lengths from observed keys, not documented by OpenAI.")
F("openai_legacy_key", lambda r: "sk-" + rs(r, B62, 20) + "T3BlbkFJ" + rs(r, B62, 20), ["openai api key", "openai key", "gpt api key"], headers=BEARER)
F("openai_service_account_key", lambda r: "sk-svcacct-" + rs(r, B64URL, 74) + "T3BlbkFJ" + rs(r, B64URL, 74), ["openai api key", "openai service account key"], headers=BEARER,
  note="sk-svcacct- assumed to share sk-proj- body layout.")
F("anthropic_api_key", lambda r: "sk-ant-api03-" + rs(r, B64URL, 93) + "AA", ["anthropic api key", "claude api key", "anthropic key"],
  headers=[("x-api-key", "{v}")], note="93 base64url chars + 'AA' after sk-ant-api03- (gitleaks layout).")
F("anthropic_admin_key", lambda r: "sk-ant-admin01-" + rs(r, B64URL, 93) + "AA", ["anthropic admin key"], headers=[("x-api-key", "{v}")],
  note="Admin key body assumed identical to api03 keys.")
F("huggingface_token", lambda r: "hf_" + rs(r, UPPER + LOWER, 34), ["hf token", "huggingface token", "hugging face hub token", "huggingfacehub api token"], headers=BEARER)
F("groq_api_key", lambda r: "gsk_" + rs(r, ALNUM, 52), ["groq api key"], headers=BEARER)
F("perplexity_api_key", lambda r: "pplx-" + rs(r, ALNUM, 48), ["perplexity api key", "pplx api key"], headers=BEARER)
F("mistral_api_key", lambda r: rs(r, ALNUM, 32), ["mistral api key", "mistral key"], headers=BEARER,
  note="Mistral keys have no prefix: 32 alphanumerics, only detectable by the name.")
F("cohere_api_key", lambda r: rs(r, ALNUM, 40), ["cohere api key", "co api key"], headers=BEARER,
  note="Cohere keys have no prefix: 40 alphanumerics, name-context only.")
F("xai_api_key", lambda r: "xai-" + rs(r, ALNUM, 80), ["xai api key", "grok api key"], headers=BEARER)
F("fireworks_api_key", lambda r: "fw_" + rs(r, ALNUM, 24), ["fireworks api key"], headers=BEARER,
  note="fw_ + 24 alphanumerics: uncertain length.")
F("replicate_api_token", lambda r: "r8_" + rs(r, ALNUM, 37), ["replicate api token", "replicate token"], headers=BEARER)
F("langsmith_api_key", lambda r: r.choice(["lsv2_pt_", "lsv2_sk_"]) + rs(r, HEX, 32) + "_" + rs(r, HEX, 10), ["langsmith api key", "langchain api key"])

# ---------------------------------------------------------------- Google / Firebase
F("google_api_key", lambda r: "AIza" + rs(r, B64URL, 35), ["google api key", "maps api key", "gemini api key", "youtube api key", "places api key"],
  qparam="key", headers=[("x-goog-api-key", "{v}")])
F("gcp_oauth_client_secret", lambda r: "GOCSPX-" + rs(r, B64URL, 28), ["google client secret", "oauth client secret", "gcp client secret"])
F("google_oauth_access_token", lambda r: "ya29." + rs(r, B64URL, r.randint(110, 200)), ["google access token", "gcp access token", "oauth access token"], headers=BEARER)
F("firebase_fcm_server_key", lambda r: "AAAA" + rs(r, B64URL, 7) + ":APA91b" + rs(r, B64URL, 134), ["fcm server key", "firebase server key", "fcm key"],
  headers=[("Authorization", "key={v}")])
F("recaptcha_secret_key", lambda r: "6L" + rs(r, B64URL, 38), ["recaptcha secret key", "recaptcha secret", "captcha secret"],
  note="Same shape as the public site key (6L + 38); only the name tells them apart.")

# ---------------------------------------------------------------- Azure
F("azure_storage_account_key", lambda r: rb64(r, 64), ["azure storage key", "storage account key", "azure storage account key", "account key"])
F("azure_openai_key", lambda r: rs(r, HEX, 32), ["azure openai api key", "azure openai key", "aoai api key"], headers=[("api-key", "{v}")])
F("azure_ad_client_secret", lambda r: rs(r, ALNUM, 3) + r.choice(DIGITS) + "Q~" + rs(r, ALNUM + "_.~-", 34),
  ["azure client secret", "client secret", "aad client secret", "arm client secret"])
F("azure_devops_pat", lambda r: rs(r, LOWER + "234567", 52) if r.random() < .5 else rs(r, ALNUM, 76) + "AZDO" + rs(r, ALNUM, 4),
  ["azure devops pat", "azdo token", "ado personal access token", "azure devops token"],
  note="52-char base32 (legacy) or 84-char with AZDO at offset 76 (2024 format; layout from MS announcement, uncertain).")

# ---------------------------------------------------------------- other clouds / infra
F("alibaba_access_key_id", lambda r: "LTAI" + rs(r, ALNUM, r.randint(12, 20)), ["alibaba access key id", "aliyun access key id", "alicloud access key"])
F("alibaba_access_key_secret", lambda r: rs(r, ALNUM, 30), ["alibaba access key secret", "aliyun access key secret", "alicloud secret key"],
  companions=[("pos", "alibaba_access_key_id", 0.8)])
F("digitalocean_pat", lambda r: "dop_v1_" + rs(r, HEX, 64), ["digitalocean token", "do token", "digitalocean access token"], headers=BEARER)
F("cloudflare_api_token", lambda r: rs(r, B64URL, 40), ["cloudflare api token", "cf api token", "cloudflare token"], headers=BEARER)
F("cloudflare_global_api_key", lambda r: rs(r, HEX, 37), ["cloudflare api key", "cf api key", "cloudflare global api key"],
  headers=[("X-Auth-Key", "{v}")])
F("cloudflare_origin_ca_key", lambda r: "v1.0-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 146), ["cloudflare origin ca key", "origin ca key"])
F("heroku_api_key", lambda r: str(uuid.UUID(int=r.getrandbits(128), version=4)), ["heroku api key", "heroku token", "heroku auth token"], headers=BEARER,
  note="Legacy Heroku keys are plain UUIDs; only the heroku name makes them secret.")
F("heroku_api_key_v2", lambda r: "HRKU-AA" + rs(r, B64URL, 58), ["heroku api key", "heroku token"], headers=BEARER)
F("hashicorp_vault_service_token", lambda r: "hvs.CAESI" + rs(r, B64URL, r.randint(86, 110)), ["vault token", "vault root token", "vault auth token"],
  headers=[("X-Vault-Token", "{v}")])
F("hashicorp_vault_batch_token", lambda r: "hvb.AAAAAQ" + rs(r, B64URL, r.randint(130, 170)), ["vault token", "vault batch token"],
  headers=[("X-Vault-Token", "{v}")])
F("hashicorp_vault_legacy_token", lambda r: "s." + rs(r, B62, 24), ["vault token", "vault root token"], headers=[("X-Vault-Token", "{v}")])
F("terraform_cloud_token", lambda r: rs(r, ALNUM, 14) + ".atlasv1." + rs(r, B64URL, r.randint(60, 70)), ["tfe token", "terraform token", "tf token", "atlas token", "tfc token"],
  headers=BEARER)
F("pulumi_access_token", lambda r: "pul-" + rs(r, HEX, 40), ["pulumi access token", "pulumi token"])
F("doppler_token", lambda r: r.choice(["dp.pt.", "dp.st.prd.", "dp.sa."]) + rs(r, ALNUM, 43), ["doppler token"])
F("dockerhub_pat", lambda r: "dckr_pat_" + rs(r, B64URL, 27), ["docker hub token", "docker password", "dockerhub token", "registry password"])
F("npm_token", lambda r: gh_checksum_token(r, "npm_"), ["npm token", "npm auth token", "node auth token"])
F("pypi_token", lambda r: "pypi-AgEIcHlwaS5vcmc" + rs(r, B64URL, r.randint(60, 160)), ["pypi token", "pypi api token", "twine password"])
F("databricks_token", lambda r: "dapi" + rs(r, HEX, 32) + ("-2" if r.random() < .3 else ""), ["databricks token", "databricks pat"], headers=BEARER)
F("planetscale_token", lambda r: "pscale_tkn_" + rs(r, B64URL, 43), ["planetscale service token", "pscale token"])
F("planetscale_password", lambda r: "pscale_pw_" + rs(r, B64URL, 43), ["planetscale password", "database password"])
F("sonarqube_token", lambda r: r.choice(["squ_", "sqp_", "sqa_"]) + rs(r, HEX, 40), ["sonar token", "sonarqube token"])
F("postman_api_key", lambda r: "PMAK-" + rs(r, HEX, 24) + "-" + rs(r, HEX, 34), ["postman api key"], headers=[("X-Api-Key", "{v}")])
F("dynatrace_token", lambda r: "dt0c01." + rs(r, UPALNUM, 24) + "." + rs(r, UPALNUM, 64), ["dynatrace api token", "dt api token"],
  headers=[("Authorization", "Api-Token {v}")])
F("shopify_access_token", lambda r: r.choice(["shpat_", "shpca_", "shppa_"]) + rs(r, HEX, 32), ["shopify access token", "shopify admin token", "shopify token"],
  headers=[("X-Shopify-Access-Token", "{v}")])
F("shopify_shared_secret", lambda r: "shpss_" + rs(r, HEX, 32), ["shopify shared secret", "shopify api secret"])
F("atlassian_api_token", lambda r: "ATATT3xFfGF0" + rs(r, B64URL, 171) + "=" + rs(r, HEXU, 8), ["jira api token", "atlassian api token", "confluence token"])
F("linear_api_key", lambda r: "lin_api_" + rs(r, ALNUM, 40), ["linear api key"], headers=[("Authorization", "{v}")])
F("notion_token_legacy", lambda r: "secret_" + rs(r, ALNUM, 43), ["notion token", "notion api key", "notion secret"], headers=BEARER)
F("notion_token", lambda r: "ntn_" + rs(r, DIGITS, 11) + rs(r, ALNUM, 35), ["notion token", "notion api key"], headers=BEARER)
F("airtable_pat", lambda r: "pat" + rs(r, ALNUM, 14) + "." + rs(r, HEX, 64), ["airtable token", "airtable api key"], headers=BEARER)
F("figma_pat", lambda r: "figd_" + rs(r, B64URL, 40), ["figma token", "figma access token"], headers=[("X-Figma-Token", "{v}")],
  note="figd_ + 40 base64url: length uncertain.")
F("datadog_api_key", lambda r: rs(r, HEX, 32), ["dd api key", "datadog api key"], headers=[("DD-API-KEY", "{v}")])
F("datadog_app_key", lambda r: rs(r, HEX, 40), ["dd app key", "datadog app key", "datadog application key"],
  headers=[("DD-APPLICATION-KEY", "{v}")], companions=[("pos", "datadog_api_key", 0.6)])
F("newrelic_user_api_key", lambda r: "NRAK-" + rs(r, UPALNUM, 27), ["new relic api key", "newrelic api key", "nr api key"], headers=[("Api-Key", "{v}")])
F("newrelic_license_key", lambda r: rs(r, HEX, 36) + "NRAL", ["new relic license key", "newrelic license key", "nr license key"],
  note="Ingest license key: 36 hex + NRAL (observed layout).")
F("sentry_dsn_with_secret", lambda r: "https://%s:%s@%s/%d" % (rs(r, HEX, 32), rs(r, HEX, 32), r.choice(["sentry.io", "o%d.ingest.sentry.io" % r.randint(10000, 999999), "sentry.internal.example.net"]), r.randint(2, 9999999)),
  ["sentry dsn", "raven dsn"],
  note="Only legacy DSNs carrying public:secret@ are positive; modern key-only DSNs are negatives (public_by_design).")


def sentry_org_token(r):
    payload = {"iat": r.randint(1690000000, 1720000000) + r.random(), "url": "https://sentry.io",
               "region_url": "https://us.sentry.io", "org": r.choice(["acme", "globex", "initech", "umbrella"])}
    return "sntrys_" + b64url_nopad(json.dumps(payload, separators=(",", ":")).encode()) + "_" + rs(r, B64URL, 43)


F("sentry_auth_token", lambda r: sentry_org_token(r) if r.random() < .6 else "sntryu_" + rs(r, HEX, 64), ["sentry auth token", "sentry token"], headers=BEARER)
F("grafana_service_account_token", lambda r: "glsa_" + rs(r, ALNUM, 32) + "_" + rs(r, HEX, 8), ["grafana token", "grafana api key", "grafana service account token"], headers=BEARER)


def grafana_cloud(r):
    p = {"o": rs(r, DIGITS, 6), "n": "stack-%s-hm-%s" % (rs(r, DIGITS, 6), r.choice(["read", "write", "rw"])),
         "k": rs(r, ALNUM, 24), "m": {"r": r.choice(["prod-us-east-0", "prod-eu-west-2", "prod-ap-southeast-0"])}}
    return "glc_" + b64(json.dumps(p, separators=(",", ":")).encode())


F("grafana_cloud_token", grafana_cloud, ["grafana cloud token", "grafana cloud api key", "grafana token"], headers=BEARER)
F("pagerduty_api_token", lambda r: r.choice(["u+", "y_", ""]) + rs(r, B64URL + "+", 20), ["pagerduty token", "pagerduty api key", "pd api token"],
  headers=[("Authorization", "Token token={v}")], note="PagerDuty REST keys: 20 chars, no stable prefix; name-context only.")
F("fastly_api_token", lambda r: rs(r, B64URL, 32), ["fastly api token", "fastly key"], headers=[("Fastly-Key", "{v}")])
F("netlify_token", lambda r: "nfp_" + rs(r, ALNUM, 36) if r.random() < .5 else rs(r, B64URL, 43), ["netlify auth token", "netlify token"], headers=BEARER,
  note="nfp_ + 36 alphanumerics or legacy 43 base64url; nfp_ length uncertain.")
F("vercel_token", lambda r: rs(r, ALNUM, 24), ["vercel token", "now token", "vercel api token"], headers=BEARER,
  note="24 alphanumerics, no prefix (uncertain; newer prefixed formats not covered).")


def supabase_service(r):
    ref = rs(r, LOWER, 20)
    iat = r.randint(1650000000, 1720000000)
    return jwt(r, {"alg": "HS256", "typ": "JWT"}, {"iss": "supabase", "ref": ref, "role": "service_role", "iat": iat, "exp": iat + 315360000})


F("supabase_service_role_key", supabase_service, ["supabase service role key", "supabase service key", "service role key"], headers=BEARER)
F("okta_api_token", lambda r: "00" + rs(r, B64URL, 40), ["okta api token", "okta token"], headers=[("Authorization", "SSWS {v}")])
F("auth0_client_secret", lambda r: rs(r, B64URL, 64), ["auth0 client secret", "client secret"])
F("twitch_client_secret", lambda r: rs(r, LOALNUM, 30), ["twitch client secret", "twitch secret"])


def mapbox(prefix):
    def g(r):
        p = {"u": r.choice(["acme-maps", "geoteam", "fleetview", "routeops"]), "a": rs(r, LOALNUM, 25)}
        return prefix + "." + b64url_nopad(json.dumps(p, separators=(",", ":")).encode()) + "." + rs(r, B64URL, 22)
    return g


F("mapbox_secret_token", mapbox("sk"), ["mapbox secret token", "mapbox token", "mapbox download token"])
F("algolia_admin_key", lambda r: rs(r, HEX, 32), ["algolia admin key", "algolia admin api key", "algolia write key"],
  headers=[("X-Algolia-API-Key", "{v}")])
F("twitter_bearer_token", lambda r: "A" * 22 + rs(r, ALNUM, 9) + "AAAAAA" + quote(rb64(r, 40), safe="") + rs(r, ALNUM, 20),
  ["twitter bearer token", "x bearer token"], headers=BEARER,
  note="App-only bearer: 22 'A' + id + url-encoded base64 (observed layout).")
F("facebook_access_token", lambda r: "EAA" + r.choice("BGJIU") + rs(r, ALNUM, r.randint(150, 220)), ["facebook access token", "fb access token", "meta page token"])


def age_key(r):
    return bech32_encode("age-secret-key-", rbytes(r, 32)).upper()


F("age_secret_key", age_key, ["age key", "sops age key", "age secret key"])
F("laravel_app_key", lambda r: "base64:" + rb64(r, 32), ["app key"], note="Laravel APP_KEY=base64:<44>.")
F("cloudinary_url", lambda r: "cloudinary://%s:%s@%s" % (rs(r, DIGITS, 15), rs(r, B64URL, 27), r.choice(["acme", "dx1prod", "shopimg"])), ["cloudinary url"])

# ---------------------------------------------------------------- generic / framework secrets
DJANGO_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)"


def django_key(r):
    k = rs(r, DJANGO_CHARS, 50)
    return ("django-insecure-" + k) if r.random() < .3 else k


F("django_secret_key", django_key, ["django secret key", "secret key"])
F("rails_secret_key_base", lambda r: rs(r, HEX, 128), ["secret key base"])
F("flask_secret_key", lambda r: r.choice([lambda: rs(r, HEX, 64), lambda: rs(r, HEX, 32), lambda: rs(r, B64URL, 43)])(),
  ["flask secret key", "secret key", "session secret"])
F("generic_password", gen_password, ["password", "db password", "database password", "admin password", "smtp password",
                                     "redis password", "postgres password", "mysql root password", "ldap bind password",
                                     "keystore password", "rabbitmq password", "mail password", "service password", "user password", "pass", "pwd", "passwd"])
F("generic_api_key", lambda r: gen_secret_random(r, 32, 64), ["api key", "internal api key", "partner api key", "service api key",
                                                               "x api key", "apikey", "api secret", "app secret", "client api key"],
  headers=[("X-API-Key", "{v}"), ("Authorization", "ApiKey {v}")])
F("generic_secret", lambda r: gen_secret_random(r, 32, 64), ["jwt secret", "session secret", "signing secret", "encryption key", "hmac secret",
                                                              "webhook secret", "cookie secret", "nextauth secret", "app secret key", "signing key"])
F("generic_token", lambda r: gen_secret_random(r, 32, 64), ["access token", "auth token", "api token", "service token", "bearer token", "refresh token", "deploy token"],
  headers=BEARER)
F("jwt", lambda r: gen_jwt(r), ["access token", "id token", "auth token", "jwt", "bearer token", "service account token"], headers=BEARER)
F("bearer_opaque", lambda r: rs(r, ALNUM + "-._~", r.randint(32, 64)), ["access token"], headers=BEARER, placement="header",
  note="Opaque value in an Authorization: Bearer header; detectable only by the header.")
F("basic_auth_header", lambda r: b64(("%s:%s" % (r.choice(USERS), gen_password(r))).encode()), ["basic auth"],
  headers=[("Authorization", "Basic {v}")], placement="header")


def gen_jwt(r):
    iat = r.randint(1700000000, 1760000000)
    alg = r.choice(["HS256", "RS256", "ES256", "HS512"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg != "HS256" and r.random() < .6:
        hdr["kid"] = rs(r, B64URL, 16)
    pl = {"sub": r.choice([str(r.randint(1000, 999999)), "svc-" + r.choice(["billing", "orders", "etl"]), rs(r, B64URL, 12)]),
          "iat": iat, "exp": iat + r.choice([3600, 86400, 31536000])}
    if r.random() < .5:
        pl["iss"] = r.choice(["https://auth.acme.io/", "https://login.initech.com", "api-gateway"])
    if r.random() < .5:
        pl["scope"] = r.choice(["read write", "admin", "orders:read orders:write", "openid profile email"])
    sig = {"HS256": 32, "RS256": 256, "ES256": 64, "HS512": 64}[alg]
    return jwt(r, hdr, pl, sig)


# ---------------------------------------------------------------- connection strings and URLs
def pg_url(r):
    return "%s://%s:%s@%s:%d/%s%s" % (r.choice(["postgres", "postgresql", "postgresql+psycopg2", "postgresql"]), r.choice(USERS), urlpw(r),
                                     host(r), r.choice([5432, 5432, 6432]), r.choice(DBS), r.choice(["", "?sslmode=require", "?sslmode=verify-full&connect_timeout=10"]))


def mysql_url(r):
    return "%s://%s:%s@%s:%d/%s" % (r.choice(["mysql", "mysql+pymysql", "mysql2", "mariadb"]), r.choice(USERS), urlpw(r), host(r), 3306, r.choice(DBS))


def mongo_url(r):
    if r.random() < .6:
        return "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority" % (r.choice(USERS), urlpw(r), rs(r, LOALNUM, 5), r.choice(DBS))
    return "mongodb://%s:%s@mongo-0.mongo:27017,mongo-1.mongo:27017/%s?replicaSet=rs0&authSource=admin" % (r.choice(USERS), urlpw(r), r.choice(DBS))


def redis_url(r):
    c = r.random()
    if c < .5:
        return "%s://:%s@%s:%d/%d" % (r.choice(["redis", "rediss"]), urlpw(r), r.choice(["redis", "cache.internal", "redis-master.cache.svc.cluster.local"]), r.choice([6379, 6380]), r.randint(0, 5))
    return "rediss://default:%s@%s.upstash.io:6379" % (urlpw(r), r.choice(["usw1-bright-gecko", "eu2-calm-hare", "apn1-quick-lynx"]) + "-" + rs(r, DIGITS, 5))


def amqp_url(r):
    return "%s://%s:%s@%s:%d/%s" % (r.choice(["amqp", "amqps"]), r.choice(USERS), urlpw(r), r.choice(["rabbitmq", "mq.internal", "b-%s.mq.us-east-1.amazonaws.com" % rs(r, LOALNUM, 8)]), r.choice([5672, 5671]), r.choice(["", "vhost", "%2F"]))


def snowflake_url(r):
    return "snowflake://%s:%s@%s/%s/PUBLIC?warehouse=%s&role=%s" % (r.choice(["ETL_USER", "DBT", "LOADER"]), urlpw(r), rs(r, UPPER, 7) + "-" + rs(r, UPPER, 7), r.choice(["ANALYTICS", "RAW", "PROD"]), r.choice(["COMPUTE_WH", "TRANSFORMING"]), r.choice(["SYSADMIN", "TRANSFORMER"]))


def url_creds(r):
    u = r.choice(USERS)
    pw = urlpw(r)
    return r.choice(["https://%s:%s@git.%s.com/platform/infra.git" % (u, pw, r.choice(["acme", "initech", "globex"])),
                     "smtp://%s:%s@smtp.mailgun.org:587" % (u, pw),
                     "ftp://%s:%s@files.partner-%s.net/incoming" % (u, pw, rs(r, LOALNUM, 4)),
                     "https://%s:%s@nexus.internal/repository/pypi/simple" % (u, pw),
                     "http://%s:%s@proxy.corp:3128" % (u, pw),
                     "https://%s:%s@registry.%s.io/v2/" % (u, pw, r.choice(["acme", "initech"]))])


F("postgres_url", pg_url, ["database url", "db url", "postgres url", "sqlalchemy database uri", "pg dsn", "dsn"])
F("mysql_url", mysql_url, ["database url", "mysql url", "db url", "sqlalchemy database uri"])
F("mongodb_url", mongo_url, ["mongo uri", "mongodb uri", "mongo url", "database url"])
F("redis_url", redis_url, ["redis url", "cache url", "broker url", "celery broker url", "redis uri"])
F("amqp_url", amqp_url, ["amqp url", "rabbitmq url", "broker url", "celery broker url"])
F("snowflake_url", snowflake_url, ["snowflake url", "warehouse url", "dbt url"])
F("url_with_credentials", url_creds, ["remote url", "repo url", "smtp url", "proxy url", "registry url", "upload url", "index url"])


def jdbc(r):
    pw = gen_password(r, urlsafe=r.random() < .5)
    c = r.random()
    if c < .4:
        pre = "jdbc:postgresql://%s:5432/%s?user=%s&password=" % (host(r), r.choice(DBS), r.choice(USERS))
        suf = r.choice(["", "&ssl=true", "&sslmode=require"])
    elif c < .7:
        pre = "jdbc:mysql://%s:3306/%s?useSSL=true&user=%s&password=" % (host(r), r.choice(DBS), r.choice(USERS))
        suf = r.choice(["", "&serverTimezone=UTC"])
    else:
        pre = "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=" % (host(r), r.choice(DBS), r.choice(USERS))
        suf = r.choice([";encrypt=true", ";encrypt=true;trustServerCertificate=false", ""])
    return (pre, pw, suf)


def ado(r):
    pw = gen_password(r)
    pw = pw.replace(";", "").replace("=", "").replace("{", "").replace("}", "")
    srv = r.choice(["tcp:%s.database.windows.net,1433" % r.choice(["acme-sql", "orders-prod", "crm"]), "sql01.corp.local", "10.0.4.12,1433"])
    pre = "Server=%s;Initial Catalog=%s;%s=%s;%s=" % (srv, r.choice(DBS), r.choice(["User ID", "User Id", "Uid"]), r.choice(USERS), r.choice(["Password", "Pwd", "Password"]))
    suf = r.choice([";Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;", ";MultipleActiveResultSets=true", ";"])
    return (pre, pw, suf)


def azure_conn(r):
    key = rb64(r, 64)
    pre = "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=" % (r.choice(["acmeprod", "stassets", "orderblobs", "logsarchive"]) + rs(r, LOALNUM, 4))
    return (pre, key, ";EndpointSuffix=core.windows.net")


def azure_sas(r):
    sig = quote(rb64(r, 32), safe="")
    se = "20%d-%02d-%02dT%02d:00:00Z" % (r.randint(25, 27), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23))
    tok = "sv=2022-11-02&ss=%s&srt=sco&sp=%s&se=%s&st=2024-01-01T00:00:00Z&spr=https&sig=%s" % (r.choice(["b", "bfqt"]), r.choice(["rwdlacupiytfx", "rl", "rwl"]), se.replace(":", "%3A") if r.random() < .5 else se, sig)
    pre = r.choice(["https://%s.blob.core.windows.net/%s?" % (r.choice(["acmeprod", "backups"]) + rs(r, LOALNUM, 4), r.choice(["uploads", "exports", "$web"])), "?", ""])
    return (pre, tok, "")


F("jdbc_password", jdbc, ["jdbc url", "datasource url", "db url", "connection url"])
F("sqlserver_connection_password", ado, ["connection string", "default connection", "sql connection string", "db connection"])
F("azure_storage_connection_string", azure_conn, ["azure storage connection string", "storage connection string", "azure web jobs storage", "blob connection string"],
  note="Label covers the AccountKey value only; the rest of the connection string is context.")
F("azure_sas_token", azure_sas, ["sas token", "azure sas url", "blob sas url", "sas url"],
  note="Label covers the SAS query string from sv= to the end of sig=.")

# ---------------------------------------------------------------- PEM blocks
DER_PREFIX = {
    "RSA PRIVATE KEY": bytes.fromhex("308204a40201000282010100"),
    "PRIVATE KEY": bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100"),
    "EC PRIVATE KEY": bytes.fromhex("30770201010420"),
    "DSA PRIVATE KEY": bytes.fromhex("308201bb02010002818100"),
    "ENCRYPTED PRIVATE KEY": bytes.fromhex("308205143057"+"06092a864886f70d01050d304a"),
}
DER_LEN = {"RSA PRIVATE KEY": 1192, "PRIVATE KEY": 1218, "EC PRIVATE KEY": 121, "DSA PRIVATE KEY": 447, "ENCRYPTED PRIVATE KEY": 1304}


def pem(label, rng, body_override=None):
    if body_override is not None:
        body = body_override
    else:
        pre = DER_PREFIX[label]
        n = DER_LEN[label]
        if label == "PRIVATE KEY" and rng.random() < .35:   # PKCS#8 P-256
            pre = bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420")
            body = pre + rbytes(rng, 32) + bytes.fromhex("a14403420004") + rbytes(rng, 64)
        elif label == "EC PRIVATE KEY":
            body = pre + rbytes(rng, 32) + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + rbytes(rng, 64)
        else:
            body = pre + rbytes(rng, n - len(pre))
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, wrap(b64(body), 64), label)


def openssh_key(rng):
    def s(b):
        return len(b).to_bytes(4, "big") + b
    pub = rbytes(rng, 32)
    pubblob = s(b"ssh-ed25519") + s(pub)
    chk = rbytes(rng, 4)
    priv = chk + chk + s(b"ssh-ed25519") + s(pub) + s(rbytes(rng, 32) + pub) + s(("%s@%s" % (rng.choice(USERS), rng.choice(["laptop", "bastion", "ci-runner", "build01"]))).encode())
    priv += bytes(range(1, 1 + (8 - len(priv) % 8) % 8))
    blob = b"openssh-key-v1\x00" + s(b"none") + s(b"none") + s(b"") + (1).to_bytes(4, "big") + s(pubblob) + s(priv)
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % wrap(b64(blob), 70)


def pgp_private(rng):
    data = bytes.fromhex("9503980465") + rbytes(rng, 4) + bytes.fromhex("010800") + rbytes(rng, rng.randint(900, 1700))
    crc = crc24(data).to_bytes(3, "big")
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % (wrap(b64(data), 64), b64(crc))


PEM_NAMES = ["private key", "ssh private key", "tls key", "signing key", "jwt private key", "deploy key", "ssl key"]
F("private_key_rsa", lambda r: pem("RSA PRIVATE KEY", r), PEM_NAMES, placement="pem")
F("private_key_pkcs8", lambda r: pem("PRIVATE KEY", r), PEM_NAMES, placement="pem")
F("private_key_ec", lambda r: pem("EC PRIVATE KEY", r), PEM_NAMES, placement="pem")
F("private_key_openssh", openssh_key, PEM_NAMES, placement="pem")
F("private_key_dsa", lambda r: pem("DSA PRIVATE KEY", r), PEM_NAMES, placement="pem")
F("private_key_encrypted", lambda r: pem("ENCRYPTED PRIVATE KEY", r), PEM_NAMES, placement="pem",
  note="Encrypted PKCS#8 PEM: still labelled positive (SPEC 4 lists encrypted keys).")
F("pgp_private_key", pgp_private, ["pgp private key", "gpg private key", "signing key"], placement="pem")

# ---------------------------------------------------------------- special (dedicated file kinds)
F("gcp_service_account_key", lambda r: pem("PRIVATE KEY", r) + "\n", ["private key"], placement="special",
  note="Label covers the JSON-escaped private_key string (\\n escapes) inside a service-account JSON.")
F("k8s_secret_data", lambda r: None, ["k8s secret"], placement="special",
  note="Label covers the base64 value under data: of kind: Secret (base64 of a password/token/URL).")
F("kubeconfig_client_key_data", lambda r: b64((pem("EC PRIVATE KEY", r) + "\n").encode()), ["client key data"], placement="special")
F("docker_config_auth", lambda r: b64(("%s:%s" % (r.choice(USERS + ["ci-bot", "deployer"]), gen_password(r))).encode()), ["auth"], placement="special")
F("netrc_password", lambda r: gen_password(r) if r.random() < .6 else rs(r, ALNUM, 40), ["password"], placement="special")
F("pgpass_password", lambda r: gen_password(r).replace(":", "").replace("\\", ""), ["password"], placement="special")
F("htpasswd_hash", lambda r: None, ["htpasswd"], placement="special",
  note="Uncertain: .htpasswd lines carry password hashes ($apr1$, {SHA}, $2y$). Labelled positive only inside .htpasswd files (crackable credentials); bcrypt hashes elsewhere are 'hash' negatives.")
F("curl_basic_auth", lambda r: gen_password(r).replace("'", ""), ["password"], placement="special",
  note="curl -u user:pass / --user: label covers the password only.")
F("wireguard_private_key", lambda r: rb64(r, 32), ["private key"], placement="special")


def apr1(r):
    return "$apr1$" + rs(r, ALNUM + "./", 8) + "$" + rs(r, ALNUM + "./", 22)


def htpasswd_hash(r):
    c = r.random()
    if c < .5:
        return apr1(r)
    if c < .75:
        return "{SHA}" + rb64(r, 20)
    return "$2y$" + r.choice(["05", "10", "12"]) + "$" + rs(r, ALNUM + "./", 53)


FORMATS["htpasswd_hash"].gen = htpasswd_hash


def k8s_secret_value(r):
    """base64 of a real-looking secret plus the underlying key name."""
    c = r.random()
    if c < .35:
        return b64(gen_password(r).encode()), r.choice(["password", "db-password", "POSTGRES_PASSWORD", "redis-password", "admin-password"])
    if c < .55:
        v = FORMATS[r.choice(["stripe_secret_live", "slack_bot_token", "github_pat_classic", "sendgrid_api_key", "openai_project_key", "datadog_api_key"])].gen(r)
        return b64(v.encode()), r.choice(["api-key", "token", "API_KEY", "apiKey", "STRIPE_SECRET_KEY"])
    if c < .75:
        return b64(pg_url(r).encode()), r.choice(["DATABASE_URL", "database-url", "connection-string"])
    if c < .9:
        return b64(gen_secret_random(r).encode()), r.choice(["jwt-secret", "SECRET_KEY", "session-secret", "encryption-key"])
    return rb64(r, 32), r.choice(["master.key", "aes-key", "hmac-key"])


FORMATS["k8s_secret_data"].gen = lambda r: k8s_secret_value(r)[0]


# ---------------------------------------------------------------- families (coarser groups for reporting)
AI = {"openai", "anthropic", "huggingface", "groq", "perplexity", "mistral", "cohere", "xai", "fireworks", "replicate", "langsmith"}
FAMILY_OVERRIDE = {"square": "payments", "braintree": "payments", "stripe": "payments", "sendgrid": "email", "mailgun": "email", "mailchimp": "email",
                   "brevo": "email", "telegram": "chat", "discord": "chat", "slack": "chat", "gcp": "google", "firebase": "google",
                   "recaptcha": "google", "terraform": "hashicorp", "django": "framework_secret", "rails": "framework_secret",
                   "flask": "framework_secret", "laravel": "framework_secret", "jwt": "generic", "bearer": "generic", "basic": "generic",
                   "pgp": "private_key", "private": "private_key", "sentry": "observability", "grafana": "observability", "datadog": "observability",
                   "newrelic": "observability", "dynatrace": "observability", "pagerduty": "observability"}
CONN = {"postgres_url", "mysql_url", "mongodb_url", "redis_url", "amqp_url", "snowflake_url", "url_with_credentials", "jdbc_password",
        "sqlserver_connection_password", "azure_storage_connection_string", "cloudinary_url"}


DEV_TOOLS = {"npm", "pypi", "dockerhub", "sonarqube", "postman", "figma", "linear", "atlassian", "notion", "airtable"}
CLOUD = {"digitalocean", "heroku", "alibaba", "cloudflare", "fastly", "vercel", "netlify", "supabase", "databricks", "pulumi", "doppler",
         "planetscale", "okta", "auth0"}
OTHER = {"twitter", "facebook", "twitch", "mapbox", "algolia"}


def family(fid):
    if fid in CONN:
        return "connection_string"
    f = FORMATS[fid]
    if f.placement == "special" and fid != "gcp_service_account_key":
        return "config_file_credential"
    head = fid.split("_")[0]
    if head in AI:
        return "ai_provider"
    if head in DEV_TOOLS:
        return "dev_tools"
    if head in CLOUD:
        return "cloud_platform"
    if head in OTHER:
        return "saas_other"
    if head == "age":
        return "private_key"
    return FAMILY_OVERRIDE.get(head, head)
