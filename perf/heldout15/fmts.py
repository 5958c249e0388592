"""Secret formats: synthetic value generators shaped like the real credentials.

Every value comes from the seeded Rng; none is a real credential. Formats with a checksum get a valid one
(GitHub ghp_/gho_/ghu_/ghs_/ghr_ and npm_: CRC32 of the 30-character body, base62, 6 characters; PGP
armour: CRC-24).
"""
import base64
import json
import struct
import zlib

from core import (ALNUM, B62, B64URL, HEXL, LOWER_ALNUM, UPPER_ALNUM, BANNED, clean)


# generators that share a public format name (same vendor and meaning, different token kinds)
ALIAS = {
    "langsmith-personal-token": "langsmith-api-key", "langsmith-service-key": "langsmith-api-key",
    "doppler-service-token": "doppler-token", "doppler-personal-token": "doppler-token", "doppler-service-account-token": "doppler-token",
    "sentry-org-token": "sentry-auth-token", "sentry-user-token": "sentry-auth-token",
    "notion-legacy-token": "notion-token",
    "newrelic-user-key": "newrelic-key", "newrelic-license-key": "newrelic-key",
    "grafana-service-account-token": "grafana-token", "grafana-cloud-token": "grafana-token",
    "shopify-access-token": "shopify-token", "shopify-shared-secret": "shopify-token",
    "aws-temporary-access-key-id": "aws-access-key-id",
    "azure-servicebus-connection-string": "azure-connection-string", "azure-cosmosdb-connection-string": "azure-connection-string",
    "azure-storage-connection-string": "azure-connection-string",
    "rsa-private-key-encrypted": "rsa-private-key", "pkcs8-encrypted-private-key": "pkcs8-private-key",
    "fernet-key": "app-signing-secret",
    "docker-config-auth": "basic-auth",
    "stripe-test-secret-key": "stripe-secret-key",
    "gitlab-pipeline-trigger-token": "gitlab-ci-token", "gitlab-runner-token": "gitlab-ci-token", "gitlab-deploy-token": "gitlab-ci-token",
    "cloudflare-origin-ca-key": "cloudflare-api-key", "cloudflare-global-api-key": "cloudflare-api-key",
    "anthropic-oauth-token": "anthropic-api-key",
    "kubeconfig-client-key-data": "base64-pem-private-key",
    "k8s-secret-data": "base64-secret",
    "takumo-api-key": "takumo-key", "takumo-join-key": "takumo-key",
    "supabase-secret-key": "supabase-service-key", "supabase-service-role-jwt": "supabase-service-key",
    "planetscale-password": "planetscale-token",
    "datadog-api-key": "datadog-key", "datadog-app-key": "datadog-key",
    "github-user-to-server-token": "github-user-token", "github-refresh-token": "github-user-token",
}
DROPPED = {"dsa-private-key", "postmark-server-token", "snyk-token", "launchdarkly-sdk-key", "ngrok-authtoken", "buildkite-token",
           "braintree-access-token", "contentful-management-token", "statsig-server-secret", "deepgram-api-key", "mailchimp-api-key",
           "putty-private-key", "openai-legacy-key", "square-access-token"}


class Fmt:
    def __init__(self, name, family, gen, envs, human, kind, selfid, api, weight):
        self.name = name
        self.lname = ALIAS.get(name, name)
        if name in DROPPED:
            weight = 0
        self.family = family
        self.gen = gen
        self.envs = envs
        self.human = human
        self.kind = kind          # token | password | url | pem | json
        self.selfid = selfid      # recognisable without a name next to it
        self.api = api            # dict(host, path, hdr, scheme, method) or None
        self.weight = weight


FORMATS = {}


def fmt(name, family, envs, human, kind="token", selfid=True, api=None, weight=1.0):
    def deco(fn):
        FORMATS[name] = Fmt(name, family, fn, envs, human, kind, selfid, api, weight)
        return fn
    return deco


def API(host, path, hdr="Authorization", scheme="Bearer", method="POST", user=None):
    return dict(host=host, path=path, hdr=hdr, scheme=scheme, method=method, user=user)


def body(r, fn):
    return clean(r, fn)


# ---------------------------------------------------------------- helpers

def b62(n):
    s = ""
    while n:
        n, k = divmod(n, 62)
        s = B62[k] + s
    return s.rjust(6, "0")


def crc_token(r, prefix):
    ent = body(r, lambda: r.s(B62, 30))
    return prefix + ent + b62(zlib.crc32(ent.encode()) & 0xFFFFFFFF)


def b64u_nopad(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(r, header, payload, sig_len=None):
    h = b64u_nopad(json.dumps(header, separators=(",", ":")).encode())
    p = b64u_nopad(json.dumps(payload, separators=(",", ":")).encode())
    alg = header.get("alg", "HS256")
    if sig_len is None:
        sig_len = {"HS256": 43, "HS384": 64, "HS512": 86, "RS256": 342, "ES256": 86, "PS256": 342}.get(alg, 43)
    return "%s.%s.%s" % (h, p, r.b64u(sig_len))


def wrap(s, n):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def crc24(data):
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pem(label, der, width=64, headers=""):
    b = base64.b64encode(der).decode()
    return "-----BEGIN %s-----\n%s%s\n-----END %s-----" % (label, headers, wrap(b, width), label)


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def word(r):
    return r.choice(["atlas", "nova", "orbit", "cedar", "falcon", "harbor", "quartz", "ember", "delta", "aurora",
                     "summit", "maple", "copper", "violet", "lumen", "zephyr", "onyx", "tundra", "cobalt", "willow",
                     "pixel", "vertex", "kepler", "sable", "juniper", "marlin", "basalt", "fjord", "tango", "mosaic"])


def company(r):
    return r.choice(["acme", "globex", "initech", "umbrella", "hooli", "vandelay", "stark", "wayne", "tyrell",
                     "soylent", "cyberdyne", "oscorp", "wonka", "piedpiper", "aperture", "massive", "nakatomi",
                     "gringotts", "monsters", "blueth", "prestige", "dunder", "zorg", "veridian", "octan"])


def host(r):
    return r.choice(["db", "pg", "postgres", "mysql", "mongo", "redis", "rabbit", "cache", "primary", "replica"]) + \
        r.choice(["", "-01", "-prod", "-staging", "-eu", "-1", "-main"])


# ---------------------------------------------------------------- passwords

def password(r):
    k = r.randint(0, 9)
    if k <= 3:   # password-manager style
        alpha = ALNUM + "!#%^*-_+=.~@"
        return clean(r, lambda: r.choice(ALNUM) + r.s(alpha, r.randint(14, 26)) + r.choice(ALNUM))
    if k <= 5:   # words + digits + symbol
        return clean(r, lambda: "%s%s%s%d%s" % (word(r).capitalize(), r.choice(["-", "_", ".", ""]), word(r).capitalize(),
                                                r.randint(10, 9999), r.choice("!#%@*?")))
    if k == 6:   # lowercase long
        return clean(r, lambda: r.lalnum(r.randint(20, 32)))
    if k == 7:   # diceware
        return clean(r, lambda: "-".join(word(r) for _ in range(r.randint(4, 5))))
    if k == 8:   # non-ascii human
        return clean(r, lambda: r.choice(["Kennwort", "Sécurité", "Contraseña", "Пароль", "Ünlü", "Ångström", "Zażółć"]) +
                     r.choice(["#", "!", "_", "."]) + str(r.randint(100, 99999)) + r.choice(["ß", "é", "ñ", "ö", "Ж", "ç", "!"]))
    return clean(r, lambda: r.alnum(r.randint(12, 20)))


def password_special(r):
    """Passwords with characters that need escaping in URLs, XML, JSON and shells."""
    alpha = ALNUM + "&<>\"'+/=%@:#?$!"
    return clean(r, lambda: r.alnum(3) + r.s(alpha, r.randint(10, 16)) + r.choice("&<>\"+/=%@:#?") + r.alnum(2))


# ---------------------------------------------------------------- AI providers

@fmt("openai-project-key", "ai", ["OPENAI_API_KEY", "OPENAI_KEY", "LLM_API_KEY"], ["OpenAI key", "OpenAI API key", "openai project key"],
     api=API("api.openai.com", "/v1/chat/completions"), weight=3)
def _(r):
    return "sk-proj-" + body(r, lambda: r.b64u(74)) + "T3BlbkFJ" + body(r, lambda: r.b64u(74))


@fmt("openai-service-account-key", "ai", ["OPENAI_API_KEY", "OPENAI_SVC_KEY"], ["OpenAI service account key"],
     api=API("api.openai.com", "/v1/responses"), weight=1.5)
def _(r):
    return "sk-svcacct-" + body(r, lambda: r.b64u(74)) + "T3BlbkFJ" + body(r, lambda: r.b64u(74))


@fmt("openai-admin-key", "ai", ["OPENAI_ADMIN_KEY"], ["OpenAI admin key"],
     api=API("api.openai.com", "/v1/organization/users", method="GET"), weight=1)
def _(r):
    return "sk-admin-" + body(r, lambda: r.b64u(74)) + "T3BlbkFJ" + body(r, lambda: r.b64u(74))


@fmt("openai-legacy-key", "ai", ["OPENAI_API_KEY"], ["OpenAI key"], api=API("api.openai.com", "/v1/completions"), weight=1)
def _(r):
    return "sk-" + body(r, lambda: r.alnum(20)) + "T3BlbkFJ" + body(r, lambda: r.alnum(20))


@fmt("anthropic-api-key", "ai", ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY"], ["Anthropic key", "Claude API key", "anthropic api key"],
     api=API("api.anthropic.com", "/v1/messages", hdr="x-api-key", scheme=None), weight=3)
def _(r):
    return "sk-ant-api03-" + body(r, lambda: r.b64u(93)) + "AA"


@fmt("anthropic-admin-key", "ai", ["ANTHROPIC_ADMIN_KEY"], ["Anthropic admin key"],
     api=API("api.anthropic.com", "/v1/organizations/api_keys", hdr="x-api-key", scheme=None, method="GET"))
def _(r):
    return "sk-ant-admin01-" + body(r, lambda: r.b64u(93)) + "AA"


@fmt("anthropic-oauth-token", "ai", ["CLAUDE_CODE_OAUTH_TOKEN"], ["Claude Code OAuth token"],
     api=API("api.anthropic.com", "/v1/messages"))
def _(r):
    return "sk-ant-oat01-" + body(r, lambda: r.b64u(93)) + "AA"


@fmt("google-api-key", "ai", ["GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY", "GOOGLE_MAPS_API_KEY"],
     ["Gemini key", "Google API key"],
     api=API("generativelanguage.googleapis.com", "/v1beta/models/gemini-2.0-flash:generateContent", hdr="x-goog-api-key", scheme=None),
     weight=2.5)
def _(r):
    return "AIza" + body(r, lambda: r.s(ALNUM + "-_", 35))


@fmt("groq-api-key", "ai", ["GROQ_API_KEY"], ["Groq key"], api=API("api.groq.com", "/openai/v1/chat/completions"), weight=1.5)
def _(r):
    return "gsk_" + body(r, lambda: r.alnum(52))


@fmt("xai-api-key", "ai", ["XAI_API_KEY", "GROK_API_KEY"], ["xAI key", "Grok API key"], api=API("api.x.ai", "/v1/chat/completions"), weight=1.5)
def _(r):
    return "xai-" + body(r, lambda: r.alnum(80))


@fmt("mistral-api-key", "ai", ["MISTRAL_API_KEY"], ["Mistral key", "Mistral API key"], selfid=False,
     api=API("api.mistral.ai", "/v1/chat/completions"), weight=1.5)
def _(r):
    return body(r, lambda: r.alnum(32))


@fmt("cohere-api-key", "ai", ["COHERE_API_KEY", "CO_API_KEY"], ["Cohere key"], selfid=False, api=API("api.cohere.com", "/v2/chat"))
def _(r):
    return body(r, lambda: r.alnum(40))


@fmt("replicate-api-token", "ai", ["REPLICATE_API_TOKEN"], ["Replicate token"], api=API("api.replicate.com", "/v1/predictions"))
def _(r):
    return "r8_" + body(r, lambda: r.alnum(37))


@fmt("huggingface-token", "ai", ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACEHUB_API_TOKEN"], ["Hugging Face token", "HF token"],
     api=API("huggingface.co", "/api/whoami-v2", method="GET"), weight=2)
def _(r):
    return "hf_" + body(r, lambda: r.letters(34))


@fmt("perplexity-api-key", "ai", ["PERPLEXITY_API_KEY", "PPLX_API_KEY"], ["Perplexity key"], api=API("api.perplexity.ai", "/chat/completions"))
def _(r):
    return "pplx-" + body(r, lambda: r.alnum(48))


@fmt("openrouter-api-key", "ai", ["OPENROUTER_API_KEY"], ["OpenRouter key"], api=API("openrouter.ai", "/api/v1/chat/completions"), weight=1.5)
def _(r):
    return "sk-or-v1-" + r.hex(64)


@fmt("deepseek-api-key", "ai", ["DEEPSEEK_API_KEY"], ["DeepSeek key"], selfid=False, api=API("api.deepseek.com", "/chat/completions"))
def _(r):
    return "sk-" + r.hex(32)


@fmt("together-api-key", "ai", ["TOGETHER_API_KEY"], ["Together key"], selfid=False, api=API("api.together.xyz", "/v1/chat/completions"))
def _(r):
    return r.hex(64)


@fmt("fireworks-api-key", "ai", ["FIREWORKS_API_KEY"], ["Fireworks key"], api=API("api.fireworks.ai", "/inference/v1/chat/completions"))
def _(r):
    return "fw_" + body(r, lambda: r.alnum(24))


@fmt("langsmith-personal-token", "ai", ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"], ["LangSmith key"],
     api=API("api.smith.langchain.com", "/api/v1/runs", hdr="x-api-key", scheme=None))
def _(r):
    return "lsv2_pt_" + r.hex(32) + "_" + r.hex(10)


@fmt("langsmith-service-key", "ai", ["LANGSMITH_API_KEY"], ["LangSmith service key"],
     api=API("api.smith.langchain.com", "/api/v1/sessions", hdr="x-api-key", scheme=None, method="GET"))
def _(r):
    return "lsv2_sk_" + r.hex(32) + "_" + r.hex(10)


@fmt("pinecone-api-key", "ai", ["PINECONE_API_KEY"], ["Pinecone key"], api=API("api.pinecone.io", "/indexes", hdr="Api-Key", scheme=None, method="GET"))
def _(r):
    return "pcsk_" + body(r, lambda: r.alnum(6)) + "_" + body(r, lambda: r.alnum(63))


@fmt("wandb-api-key", "ai", ["WANDB_API_KEY"], ["W&B key", "wandb key"], selfid=False)
def _(r):
    return r.hex(40)


@fmt("elevenlabs-api-key", "ai", ["ELEVENLABS_API_KEY", "XI_API_KEY"], ["ElevenLabs key"], selfid=False,
     api=API("api.elevenlabs.io", "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", hdr="xi-api-key", scheme=None))
def _(r):
    return "sk_" + r.hex(48)


@fmt("deepgram-api-key", "ai", ["DEEPGRAM_API_KEY"], ["Deepgram key"], selfid=False,
     api=API("api.deepgram.com", "/v1/listen", scheme="Token"))
def _(r):
    return r.hex(40)


# ---------------------------------------------------------------- developer platforms

@fmt("vercel-token", "dev-platform", ["VERCEL_TOKEN"], ["Vercel token"], selfid=False, api=API("api.vercel.com", "/v9/projects", method="GET"))
def _(r):
    return body(r, lambda: r.alnum(24))


@fmt("supabase-access-token", "dev-platform", ["SUPABASE_ACCESS_TOKEN"], ["Supabase access token"],
     api=API("api.supabase.com", "/v1/projects", method="GET"))
def _(r):
    return "sbp_" + r.hex(40)


@fmt("supabase-secret-key", "dev-platform", ["SUPABASE_SECRET_KEY"], ["Supabase secret key"], weight=0.7)
def _(r):
    return "sb_secret_" + body(r, lambda: r.b64u(22)) + "_" + body(r, lambda: r.b64u(8))


@fmt("supabase-service-role-jwt", "dev-platform", ["SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SERVICE_KEY"], ["Supabase service_role key"],
     api=API("%s.supabase.co" % "x", "/rest/v1/profiles", hdr="apikey", scheme=None, method="GET"), weight=1.5)
def _(r):
    t = r.ts(1640000000, 1720000000)
    return jwt(r, {"alg": "HS256", "typ": "JWT"},
               {"iss": "supabase", "ref": r.lower(20), "role": "service_role", "iat": t, "exp": t + 315360000})


@fmt("neon-api-key", "dev-platform", ["NEON_API_KEY"], ["Neon API key"], api=API("console.neon.tech", "/api/v2/projects", method="GET"))
def _(r):
    return "napi_" + body(r, lambda: r.lalnum(60))


@fmt("planetscale-password", "dev-platform", ["PLANETSCALE_DB_PASSWORD", "DATABASE_PASSWORD"], ["PlanetScale password"])
def _(r):
    return "pscale_pw_" + body(r, lambda: r.b64u(43))


@fmt("planetscale-token", "dev-platform", ["PLANETSCALE_SERVICE_TOKEN"], ["PlanetScale service token"])
def _(r):
    return "pscale_tkn_" + body(r, lambda: r.b64u(43))


@fmt("linear-api-key", "dev-platform", ["LINEAR_API_KEY"], ["Linear key"], api=API("api.linear.app", "/graphql", scheme=None))
def _(r):
    return "lin_api_" + body(r, lambda: r.alnum(40))


@fmt("notion-token", "dev-platform", ["NOTION_TOKEN", "NOTION_API_KEY"], ["Notion integration token"],
     api=API("api.notion.com", "/v1/search"))
def _(r):
    return "ntn_" + r.digits(11) + body(r, lambda: r.alnum(35))


@fmt("notion-legacy-token", "dev-platform", ["NOTION_TOKEN"], ["Notion token"], api=API("api.notion.com", "/v1/databases/query"), weight=0.7)
def _(r):
    return "secret_" + body(r, lambda: r.alnum(43))


@fmt("sentry-org-token", "observability", ["SENTRY_AUTH_TOKEN"], ["Sentry auth token"],
     api=API("sentry.io", "/api/0/organizations/", method="GET"))
def _(r):
    org = company(r)
    p = json.dumps({"iat": r.ts() + 0.123456, "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": org},
                   separators=(",", ":")).encode()
    return "sntrys_" + base64.b64encode(p).decode().rstrip("=") + "_" + body(r, lambda: r.s(ALNUM + "+/", 43))


@fmt("sentry-user-token", "observability", ["SENTRY_AUTH_TOKEN"], ["Sentry user token"], api=API("sentry.io", "/api/0/projects/", method="GET"))
def _(r):
    return "sntryu_" + r.hex(64)


@fmt("doppler-service-token", "secrets-manager", ["DOPPLER_TOKEN"], ["Doppler service token"],
     api=API("api.doppler.com", "/v3/configs/config/secrets/download", method="GET"))
def _(r):
    return "dp.st." + r.choice(["prd", "stg", "dev", "prod", "ci"]) + "." + body(r, lambda: r.alnum(43))


@fmt("doppler-personal-token", "secrets-manager", ["DOPPLER_TOKEN"], ["Doppler token"], api=API("api.doppler.com", "/v3/me", method="GET"))
def _(r):
    return "dp.pt." + body(r, lambda: r.alnum(43))


@fmt("doppler-service-account-token", "secrets-manager", ["DOPPLER_TOKEN"], ["Doppler service account token"])
def _(r):
    return "dp.sa." + body(r, lambda: r.alnum(43))


@fmt("1password-service-account-token", "secrets-manager", ["OP_SERVICE_ACCOUNT_TOKEN"], ["1Password service account token"])
def _(r):
    d = {"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000,
         "salt": r.b64u(22)}, "email": "%s@%s.1passwordserviceaccounts.com" % (r.lower(26), r.lower(6)),
         "srpX": r.hex(64), "muk": {"alg": "A256GCM", "ext": True, "k": r.b64u(43), "key_ops": ["encrypt", "decrypt"],
                                     "kty": "oct", "kid": "mp"}, "secretKey": "A3-%s-%s-%s-%s-%s-%s" % (
             r.ualnum(6), r.ualnum(6), r.ualnum(5), r.ualnum(5), r.ualnum(5), r.ualnum(5)), "throttleSecret": {
             "seed": r.hex(64), "deviceUuid": r.lalnum(26)}, "deviceUuid": r.lalnum(26)}
    return "ops_" + b64u_nopad(json.dumps(d, separators=(",", ":")).encode())


@fmt("cloudflare-api-token", "dev-platform", ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], ["Cloudflare API token"], selfid=False,
     api=API("api.cloudflare.com", "/client/v4/user/tokens/verify", method="GET"), weight=1.3)
def _(r):
    return body(r, lambda: r.s(ALNUM + "_-", 40))


@fmt("cloudflare-global-api-key", "dev-platform", ["CLOUDFLARE_API_KEY", "CF_API_KEY"], ["Cloudflare global API key"], selfid=False,
     api=API("api.cloudflare.com", "/client/v4/zones", hdr="X-Auth-Key", scheme=None, method="GET"))
def _(r):
    return r.hex(37)


@fmt("cloudflare-origin-ca-key", "dev-platform", ["CF_ORIGIN_CA_KEY"], ["Cloudflare Origin CA key"], weight=0.6)
def _(r):
    return "v1.0-" + r.hex(24) + "-" + r.hex(146)


@fmt("flyio-token", "dev-platform", ["FLY_API_TOKEN", "FLY_ACCESS_TOKEN"], ["Fly.io token", "fly deploy token"],
     api=API("api.machines.dev", "/v1/apps", scheme="FlyV1", method="GET"))
def _(r):
    a = base64.b64encode(b"\x94\x93\xc4" + r.bytes_(r.randint(150, 230))).decode()
    b = base64.b64encode(b"\x94\x93\xc4" + r.bytes_(r.randint(80, 120))).decode()
    return "fm2_" + a + ",fm2_" + b


@fmt("railway-token", "dev-platform", ["RAILWAY_TOKEN", "RAILWAY_API_TOKEN"], ["Railway token"], selfid=False,
     api=API("backboard.railway.app", "/graphql/v2"))
def _(r):
    return r.uuid()


@fmt("render-api-key", "dev-platform", ["RENDER_API_KEY"], ["Render API key"], api=API("api.render.com", "/v1/services", method="GET"))
def _(r):
    return "rnd_" + body(r, lambda: r.alnum(32))


@fmt("netlify-token", "dev-platform", ["NETLIFY_AUTH_TOKEN"], ["Netlify token"], api=API("api.netlify.com", "/api/v1/sites", method="GET"))
def _(r):
    return "nfp_" + body(r, lambda: r.alnum(36))


@fmt("heroku-api-key", "dev-platform", ["HEROKU_API_KEY"], ["Heroku API key"], selfid=False, api=API("api.heroku.com", "/apps", method="GET"))
def _(r):
    return r.uuid()


@fmt("digitalocean-token", "cloud-other", ["DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN"], ["DigitalOcean token"],
     api=API("api.digitalocean.com", "/v2/droplets", method="GET"))
def _(r):
    return "dop_v1_" + r.hex(64)


@fmt("vault-token", "secrets-manager", ["VAULT_TOKEN"], ["Vault token"],
     api=API("vault.internal:8200", "/v1/secret/data/app", hdr="X-Vault-Token", scheme=None, method="GET"))
def _(r):
    return "hvs.CAESI" + body(r, lambda: r.b64u(r.randint(84, 92)))


@fmt("terraform-cloud-token", "ci-cd", ["TFE_TOKEN", "TF_TOKEN_app_terraform_io", "TF_API_TOKEN"], ["Terraform Cloud token"],
     api=API("app.terraform.io", "/api/v2/organizations", method="GET"))
def _(r):
    return body(r, lambda: r.alnum(14)) + ".atlasv1." + body(r, lambda: r.b64u(67))


@fmt("tailscale-auth-key", "cloud-other", ["TS_AUTHKEY", "TAILSCALE_AUTHKEY"], ["Tailscale auth key"])
def _(r):
    return "tskey-auth-k" + body(r, lambda: r.alnum(10)) + "CNTRL-" + body(r, lambda: r.alnum(33))


@fmt("ngrok-authtoken", "cloud-other", ["NGROK_AUTHTOKEN"], ["ngrok authtoken"], selfid=False, weight=0.7)
def _(r):
    return "2" + body(r, lambda: r.alnum(26)) + "_" + body(r, lambda: r.alnum(21))


@fmt("pulumi-access-token", "ci-cd", ["PULUMI_ACCESS_TOKEN"], ["Pulumi token"], api=API("api.pulumi.com", "/api/user", scheme="token", method="GET"))
def _(r):
    return "pul-" + r.hex(40)


@fmt("grafana-service-account-token", "observability", ["GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN"], ["Grafana token"],
     api=API("grafana.internal", "/api/dashboards/db"))
def _(r):
    return "glsa_" + body(r, lambda: r.alnum(32)) + "_" + r.hex(8)


@fmt("grafana-cloud-token", "observability", ["GRAFANA_CLOUD_TOKEN", "GRAFANA_CLOUD_API_KEY"], ["Grafana Cloud token"])
def _(r):
    d = {"o": str(r.randint(100000, 999999)), "n": "stack-%d-%s" % (r.randint(100000, 999999), word(r)),
         "k": r.alnum(24), "m": {"r": r.choice(["us", "eu", "prod-us-east-0", "prod-eu-west-2"])}}
    return "glc_" + base64.b64encode(json.dumps(d, separators=(",", ":")).encode()).decode()


@fmt("datadog-api-key", "observability", ["DD_API_KEY", "DATADOG_API_KEY"], ["Datadog API key"], selfid=False,
     api=API("api.datadoghq.com", "/api/v1/validate", hdr="DD-API-KEY", scheme=None, method="GET"))
def _(r):
    return r.hex(32)


@fmt("datadog-app-key", "observability", ["DD_APP_KEY", "DATADOG_APP_KEY"], ["Datadog application key"], selfid=False,
     api=API("api.datadoghq.com", "/api/v1/monitor", hdr="DD-APPLICATION-KEY", scheme=None, method="GET"))
def _(r):
    return r.hex(40)


@fmt("newrelic-user-key", "observability", ["NEW_RELIC_API_KEY", "NEW_RELIC_USER_KEY"], ["New Relic user key"],
     api=API("api.newrelic.com", "/graphql", hdr="API-Key", scheme=None))
def _(r):
    return "NRAK-" + body(r, lambda: r.ualnum(27))


@fmt("newrelic-license-key", "observability", ["NEW_RELIC_LICENSE_KEY"], ["New Relic license key"])
def _(r):
    return r.hex(36) + "NRAL"


@fmt("atlassian-api-token", "dev-platform", ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_API_TOKEN"], ["Jira API token"])
def _(r):
    return "ATATT3xFfGF0" + body(r, lambda: r.b64u(r.randint(170, 182))) + "=" + r.HEX(8)


@fmt("postman-api-key", "dev-platform", ["POSTMAN_API_KEY"], ["Postman API key"],
     api=API("api.getpostman.com", "/collections", hdr="X-Api-Key", scheme=None, method="GET"))
def _(r):
    return "PMAK-" + r.hex(24) + "-" + r.hex(34)


@fmt("figma-token", "dev-platform", ["FIGMA_TOKEN", "FIGMA_ACCESS_TOKEN"], ["Figma token"],
     api=API("api.figma.com", "/v1/me", hdr="X-Figma-Token", scheme=None, method="GET"))
def _(r):
    return "figd_" + body(r, lambda: r.b64u(40))


@fmt("airtable-pat", "dev-platform", ["AIRTABLE_API_KEY", "AIRTABLE_TOKEN"], ["Airtable token"],
     api=API("api.airtable.com", "/v0/meta/bases", method="GET"))
def _(r):
    return "pat" + body(r, lambda: r.alnum(14)) + "." + r.hex(64)


@fmt("contentful-management-token", "dev-platform", ["CONTENTFUL_MANAGEMENT_TOKEN"], ["Contentful token"],
     api=API("api.contentful.com", "/spaces", method="GET"), weight=0.7)
def _(r):
    return "CFPAT-" + body(r, lambda: r.b64u(43))


@fmt("mapbox-secret-token", "dev-platform", ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"], ["Mapbox secret token"], weight=0.7)
def _(r):
    u = b64u_nopad(json.dumps({"u": company(r) + "-maps", "a": r.lalnum(25)}, separators=(",", ":")).encode())
    return "sk." + u + "." + r.b64u(22)


@fmt("posthog-personal-key", "observability", ["POSTHOG_PERSONAL_API_KEY"], ["PostHog personal API key"],
     api=API("us.posthog.com", "/api/projects/", method="GET"), weight=0.7)
def _(r):
    return "phx_" + body(r, lambda: r.alnum(43))


@fmt("statsig-server-secret", "dev-platform", ["STATSIG_SERVER_SECRET"], ["Statsig server secret"], weight=0.6)
def _(r):
    return "secret-" + body(r, lambda: r.alnum(43))


@fmt("launchdarkly-sdk-key", "dev-platform", ["LAUNCHDARKLY_SDK_KEY", "LD_SDK_KEY"], ["LaunchDarkly SDK key"], weight=0.7)
def _(r):
    return "sdk-" + r.uuid()


@fmt("resend-api-key", "messaging", ["RESEND_API_KEY"], ["Resend key"], api=API("api.resend.com", "/emails"))
def _(r):
    return "re_" + body(r, lambda: r.alnum(8)) + "_" + body(r, lambda: r.alnum(24))


@fmt("algolia-admin-key", "dev-platform", ["ALGOLIA_ADMIN_KEY", "ALGOLIA_ADMIN_API_KEY"], ["Algolia admin key"], selfid=False,
     api=API("%s-dsn.algolia.net" % "APPID", "/1/indexes", hdr="X-Algolia-API-Key", scheme=None, method="GET"), weight=0.8)
def _(r):
    return r.hex(32)


@fmt("okta-api-token", "identity", ["OKTA_API_TOKEN"], ["Okta API token"], selfid=False,
     api=API("acme.okta.com", "/api/v1/users", scheme="SSWS", method="GET"))
def _(r):
    return "00" + body(r, lambda: r.b64u(40))


@fmt("snyk-token", "ci-cd", ["SNYK_TOKEN"], ["Snyk token"], selfid=False, api=API("api.snyk.io", "/rest/self", scheme="token", method="GET"), weight=0.7)
def _(r):
    return r.uuid()


@fmt("databricks-token", "cloud-other", ["DATABRICKS_TOKEN"], ["Databricks token"],
     api=API("adb-1234567890123456.7.azuredatabricks.net", "/api/2.0/clusters/list", method="GET"))
def _(r):
    return "dapi" + r.hex(32)


@fmt("age-secret-key", "private-key", ["SOPS_AGE_KEY"], ["age key"])
def _(r):
    return "AGE-SECRET-KEY-1" + r.s("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)


@fmt("takumo-api-key", "takumo", ["TAKUMO_KEY", "TAKUMO_API_KEY"], ["Takumo key"],
     api=API("aegis.internal:8080", "/v1/messages", hdr="x-api-key", scheme=None), weight=0.8)
def _(r):
    return r.choice(["tk_live_", "tk_test_"]) + r.hex(64)


@fmt("takumo-join-key", "takumo", ["TAKUMO_JOIN_KEY"], ["fleet join key"], weight=0.5)
def _(r):
    return "jk_" + r.hex(64)


# ---------------------------------------------------------------- VCS, registries, CI

for _p, _n, _h, _w in [("ghp_", "github-pat", "GitHub token", 2.5), ("gho_", "github-oauth-token", "GitHub OAuth token", 1.5),
                       ("ghu_", "github-user-to-server-token", "GitHub app user token", 1),
                       ("ghs_", "github-app-installation-token", "GitHub installation token", 1.5),
                       ("ghr_", "github-refresh-token", "GitHub refresh token", 0.8)]:
    fmt(_n, "vcs", ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GH_ENTERPRISE_TOKEN"], [_h],
        api=API("api.github.com", "/user", scheme="token" if _p == "ghp_" else "Bearer", method="GET"), weight=_w)(
        (lambda p: (lambda r: crc_token(r, p)))(_p))


@fmt("github-fine-grained-pat", "vcs", ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"], ["GitHub fine-grained token"],
     api=API("api.github.com", "/repos/%s/%s/issues" % ("org", "repo")), weight=2)
def _(r):
    return "github_pat_11" + r.ualnum(20) + "_" + body(r, lambda: r.alnum(59))


@fmt("gitlab-pat", "vcs", ["GITLAB_TOKEN", "GL_TOKEN", "CI_JOB_TOKEN_OVERRIDE"], ["GitLab token"],
     api=API("gitlab.com", "/api/v4/projects", hdr="PRIVATE-TOKEN", scheme=None, method="GET"), weight=2)
def _(r):
    return "glpat-" + body(r, lambda: r.b64u(20))


@fmt("gitlab-pipeline-trigger-token", "vcs", ["GITLAB_TRIGGER_TOKEN"], ["GitLab trigger token"])
def _(r):
    return "glptt-" + r.hex(40)


@fmt("gitlab-runner-token", "vcs", ["RUNNER_TOKEN", "CI_SERVER_TOKEN"], ["GitLab runner token"])
def _(r):
    return "glrt-" + body(r, lambda: r.b64u(20))


@fmt("gitlab-deploy-token", "vcs", ["GITLAB_DEPLOY_TOKEN"], ["GitLab deploy token"], weight=0.7)
def _(r):
    return "gldt-" + body(r, lambda: r.b64u(20))


@fmt("npm-token", "package-registry", ["NPM_TOKEN", "NODE_AUTH_TOKEN"], ["npm token"],
     api=API("registry.npmjs.org", "/-/whoami", method="GET"), weight=2)
def _(r):
    return crc_token(r, "npm_")


@fmt("pypi-token", "package-registry", ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN"], ["PyPI token"], weight=1.5)
def _(r):
    u = r.uuid().encode()
    mac = b"\x02\x01\x08pypi.org\x02%c" % len(u) + u + b"\x00\x02\x2a[1]" + r.bytes_(r.randint(90, 120))
    return "pypi-" + b64u_nopad(mac)


@fmt("docker-hub-pat", "package-registry", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD", "DOCKER_HUB_TOKEN"], ["Docker Hub token"], weight=1.5)
def _(r):
    return "dckr_pat_" + body(r, lambda: r.b64u(27))


@fmt("bitbucket-app-password", "vcs", ["BITBUCKET_APP_PASSWORD"], ["Bitbucket app password"], weight=0.7)
def _(r):
    return "ATBB" + body(r, lambda: r.alnum(28)) + r.HEX(8)


@fmt("azure-devops-pat", "vcs", ["AZURE_DEVOPS_EXT_PAT", "AZDO_PAT", "SYSTEM_ACCESSTOKEN"], ["Azure DevOps PAT"], selfid=False)
def _(r):
    return body(r, lambda: r.s("abcdefghijklmnopqrstuvwxyz234567", 52))


@fmt("buildkite-token", "ci-cd", ["BUILDKITE_API_TOKEN"], ["Buildkite token"],
     api=API("api.buildkite.com", "/v2/organizations", method="GET"), weight=0.7)
def _(r):
    return "bkua_" + r.hex(40)


@fmt("circleci-token", "ci-cd", ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"], ["CircleCI token"],
     api=API("circleci.com", "/api/v2/me", hdr="Circle-Token", scheme=None, method="GET"), weight=0.7)
def _(r):
    return "CCIPAT_" + body(r, lambda: r.alnum(22)) + "_" + r.hex(40)


# ---------------------------------------------------------------- messaging

@fmt("slack-bot-token", "messaging", ["SLACK_BOT_TOKEN", "SLACK_TOKEN"], ["Slack bot token"],
     api=API("slack.com", "/api/chat.postMessage"), weight=2)
def _(r):
    return "xoxb-%s-%s-%s" % (r.digits(r.choice([11, 12, 13])), r.digits(13), body(r, lambda: r.alnum(24)))


@fmt("slack-user-token", "messaging", ["SLACK_USER_TOKEN"], ["Slack user token"], api=API("slack.com", "/api/conversations.history", method="GET"))
def _(r):
    return "xoxp-%s-%s-%s-%s" % (r.digits(12), r.digits(12), r.digits(13), r.hex(32))


@fmt("slack-app-token", "messaging", ["SLACK_APP_TOKEN"], ["Slack app-level token"])
def _(r):
    return "xapp-1-A%s-%s-%s" % (r.ualnum(10), r.digits(13), r.hex(64))


@fmt("slack-webhook-url", "messaging", ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK"], ["Slack webhook"], kind="url", weight=1.5)
def _(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (r.ualnum(r.choice([8, 10])), r.ualnum(r.choice([8, 10])),
                                                          body(r, lambda: r.alnum(24)))


@fmt("discord-bot-token", "messaging", ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"], ["Discord bot token"],
     api=API("discord.com", "/api/v10/users/@me", scheme="Bot", method="GET"))
def _(r):
    sid = str(r.randint(10 ** 17, 13 * 10 ** 17))
    return b64u_nopad(sid.encode()) + "." + r.b64u(6) + "." + body(r, lambda: r.b64u(38))


@fmt("discord-webhook-url", "messaging", ["DISCORD_WEBHOOK_URL"], ["Discord webhook"], kind="url")
def _(r):
    return "https://discord.com/api/webhooks/%d/%s" % (r.randint(10 ** 17, 13 * 10 ** 17), body(r, lambda: r.b64u(68)))


@fmt("telegram-bot-token", "messaging", ["TELEGRAM_BOT_TOKEN", "TG_BOT_TOKEN"], ["Telegram bot token"], weight=1.2)
def _(r):
    return "%d:AA%s" % (r.randint(10 ** 9, 8 * 10 ** 9), body(r, lambda: r.b64u(33)))


@fmt("twilio-api-key", "messaging", ["TWILIO_API_KEY"], ["Twilio API key"])
def _(r):
    return "SK" + r.hex(32)


@fmt("twilio-auth-token", "messaging", ["TWILIO_AUTH_TOKEN"], ["Twilio auth token"], selfid=False)
def _(r):
    return r.hex(32)


@fmt("sendgrid-api-key", "messaging", ["SENDGRID_API_KEY"], ["SendGrid key"], api=API("api.sendgrid.com", "/v3/mail/send"), weight=1.5)
def _(r):
    return "SG." + body(r, lambda: r.b64u(22)) + "." + body(r, lambda: r.b64u(43))


@fmt("mailgun-api-key", "messaging", ["MAILGUN_API_KEY"], ["Mailgun key"])
def _(r):
    return "key-" + r.hex(32)


@fmt("mailchimp-api-key", "messaging", ["MAILCHIMP_API_KEY"], ["Mailchimp key"], weight=0.7)
def _(r):
    return r.hex(32) + "-us" + str(r.randint(1, 21))


@fmt("postmark-server-token", "messaging", ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN"], ["Postmark token"], selfid=False,
     api=API("api.postmarkapp.com", "/email", hdr="X-Postmark-Server-Token", scheme=None), weight=0.7)
def _(r):
    return r.uuid()


# ---------------------------------------------------------------- payments

@fmt("stripe-secret-key", "payment", ["STRIPE_SECRET_KEY", "STRIPE_API_KEY", "STRIPE_KEY"], ["Stripe secret key", "Stripe live key"],
     api=API("api.stripe.com", "/v1/payment_intents"), weight=2.5)
def _(r):
    return "sk_live_51" + body(r, lambda: r.alnum(96))


@fmt("stripe-test-secret-key", "payment", ["STRIPE_SECRET_KEY", "STRIPE_TEST_KEY"], ["Stripe test key"],
     api=API("api.stripe.com", "/v1/customers"), weight=1.2)
def _(r):
    return "sk_test_51" + body(r, lambda: r.alnum(96))


@fmt("stripe-restricted-key", "payment", ["STRIPE_RESTRICTED_KEY", "STRIPE_API_KEY"], ["Stripe restricted key"],
     api=API("api.stripe.com", "/v1/charges", method="GET"), weight=1.2)
def _(r):
    return "rk_live_51" + body(r, lambda: r.alnum(96))


@fmt("stripe-webhook-secret", "payment", ["STRIPE_WEBHOOK_SECRET", "STRIPE_ENDPOINT_SECRET"], ["Stripe webhook secret"], weight=1.5)
def _(r):
    return "whsec_" + body(r, lambda: r.alnum(32))


@fmt("shopify-access-token", "payment", ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_TOKEN"], ["Shopify admin token"],
     api=API("acme-store.myshopify.com", "/admin/api/2024-10/products.json", hdr="X-Shopify-Access-Token", scheme=None, method="GET"))
def _(r):
    return "shpat_" + r.hex(32)


@fmt("shopify-shared-secret", "payment", ["SHOPIFY_API_SECRET", "SHOPIFY_WEBHOOK_SECRET"], ["Shopify app secret"])
def _(r):
    return "shpss_" + r.hex(32)


@fmt("square-access-token", "payment", ["SQUARE_ACCESS_TOKEN"], ["Square access token"],
     api=API("connect.squareup.com", "/v2/locations", method="GET"), weight=0.8)
def _(r):
    return "EAAA" + body(r, lambda: r.b64u(60))


@fmt("braintree-access-token", "payment", ["BRAINTREE_ACCESS_TOKEN", "PAYPAL_ACCESS_TOKEN"], ["Braintree access token"], weight=0.6)
def _(r):
    return "access_token$production$%s$%s" % (r.lalnum(16), r.hex(32))


# ---------------------------------------------------------------- AWS

@fmt("aws-access-key-id", "cloud-aws", ["AWS_ACCESS_KEY_ID"], ["AWS access key"], weight=3)
def _(r):
    return "AKIA" + body(r, lambda: r.s(UPPER_ALNUM.replace("0", "").replace("1", "").replace("8", "").replace("9", ""), 16))


@fmt("aws-temporary-access-key-id", "cloud-aws", ["AWS_ACCESS_KEY_ID"], ["AWS temporary key"], weight=1.5)
def _(r):
    return "ASIA" + body(r, lambda: r.s(UPPER_ALNUM.replace("0", "").replace("1", "").replace("8", "").replace("9", ""), 16))


@fmt("aws-secret-access-key", "cloud-aws", ["AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"], ["AWS secret key"], selfid=False, weight=3)
def _(r):
    return body(r, lambda: r.s(ALNUM + "+/", 40))


@fmt("aws-session-token", "cloud-aws", ["AWS_SESSION_TOKEN"], ["AWS session token"], weight=1.5)
def _(r):
    return "IQoJb3JpZ2luX2Vj" + body(r, lambda: r.s(ALNUM + "+/", r.randint(6, 8) * 100 + r.randint(0, 90)))


@fmt("aws-eks-token", "cloud-aws", ["KUBE_TOKEN"], ["EKS token"], weight=0.6)
def _(r):
    url = ("https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256"
           "&X-Amz-Credential=ASIA%s%%2F20250114%%2Fus-east-1%%2Fsts%%2Faws4_request&X-Amz-Date=20250114T101500Z&X-Amz-Expires=60"
           "&X-Amz-SignedHeaders=host%%3Bx-k8s-aws-id&X-Amz-Signature=%s") % (r.ualnum(16), r.hex(64))
    return "k8s-aws-v1." + b64u_nopad(url.encode())


# ---------------------------------------------------------------- Azure

@fmt("azure-storage-account-key", "cloud-azure", ["AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY", "STORAGE_ACCOUNT_KEY"],
     ["storage account key"], selfid=False, weight=1.5)
def _(r):
    return r.b64bytes(64)


@fmt("azure-storage-connection-string", "cloud-azure", ["AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage"],
     ["storage connection string"], kind="url", weight=1.5)
def _(r):
    return "DefaultEndpointsProtocol=https;AccountName=%s%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (
        company(r), r.lalnum(6), r.b64bytes(64))


@fmt("azure-sas-token", "cloud-azure", ["AZURE_STORAGE_SAS_TOKEN", "SAS_TOKEN"], ["SAS token"], weight=1.2)
def _(r):
    return "sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacupiytfx&se=2026-%02d-%02dT%02d:00:00Z&st=2025-%02d-%02dT08:00:00Z&spr=https&sig=%s" % (
        r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(1, 12), r.randint(1, 28),
        r.b64bytes(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"))


@fmt("azure-ad-client-secret", "cloud-azure", ["AZURE_CLIENT_SECRET", "ARM_CLIENT_SECRET", "AAD_CLIENT_SECRET"],
     ["client secret"], selfid=False, weight=1.5)
def _(r):
    return body(r, lambda: r.alnum(3) + r.choice("0123456789") + "Q~" + r.s(ALNUM + "~._-", 34))


@fmt("azure-servicebus-connection-string", "cloud-azure", ["SERVICEBUS_CONNECTION_STRING", "EVENTHUB_CONNECTION_STRING"],
     ["Service Bus connection string"], kind="url")
def _(r):
    return "Endpoint=sb://%s-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s" % (
        company(r), r.choice(["bus", "events", "prod", "sb"]), r.b64bytes(32))


@fmt("azure-cosmosdb-connection-string", "cloud-azure", ["COSMOS_CONNECTION_STRING", "COSMOSDB_CONNECTION"], ["Cosmos DB connection string"],
     kind="url", weight=0.8)
def _(r):
    return "AccountEndpoint=https://%s-cosmos.documents.azure.com:443/;AccountKey=%s;" % (company(r), r.b64bytes(64))


@fmt("azure-openai-key", "ai", ["AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY"], ["Azure OpenAI key"], selfid=False,
     api=API("acme-eastus.openai.azure.com", "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", hdr="api-key", scheme=None))
def _(r):
    return r.hex(32)


# ---------------------------------------------------------------- Google Cloud

@fmt("gcp-access-token", "cloud-gcp", ["GOOGLE_OAUTH_ACCESS_TOKEN", "GCP_ACCESS_TOKEN", "CLOUDSDK_AUTH_ACCESS_TOKEN"], ["access token"],
     api=API("storage.googleapis.com", "/storage/v1/b?project=acme-prod", method="GET"), weight=1.5)
def _(r):
    return "ya29." + r.choice(["a0AfB_by", "a0AcM612", "a0ARW5m7", "c.c0ASRK0G"]) + body(r, lambda: r.b64u(r.randint(150, 230)))


@fmt("google-oauth-client-secret", "cloud-gcp", ["GOOGLE_CLIENT_SECRET", "GOOGLE_OAUTH_CLIENT_SECRET"], ["Google client secret"])
def _(r):
    return "GOCSPX-" + body(r, lambda: r.b64u(28))


@fmt("google-refresh-token", "cloud-gcp", ["GOOGLE_REFRESH_TOKEN"], ["refresh token"], weight=0.8)
def _(r):
    return "1//0" + r.choice("4569gde") + body(r, lambda: r.b64u(r.randint(95, 100)))


@fmt("gcp-service-account-key", "cloud-gcp", ["GOOGLE_CREDENTIALS", "GCP_SA_KEY"], ["service account key"], kind="json", weight=1.5)
def _(r):
    return pem("PRIVATE KEY", pkcs8_rsa_der(r))


# ---------------------------------------------------------------- private keys

def pkcs1_rsa_der(r):
    return bytes.fromhex("308204a40201000282010100") + r.bytes_(1180)


def pkcs8_rsa_der(r):
    return bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100") + r.bytes_(1180)


@fmt("rsa-private-key", "private-key", ["RSA_PRIVATE_KEY", "JWT_PRIVATE_KEY", "SSL_KEY"], ["private key"], kind="pem", weight=1.5)
def _(r):
    return pem("RSA PRIVATE KEY", pkcs1_rsa_der(r))


@fmt("rsa-private-key-encrypted", "private-key", ["SSL_KEY"], ["encrypted private key"], kind="pem", weight=0.6)
def _(r):
    return pem("RSA PRIVATE KEY", r.bytes_(1192), headers="Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,%s\n\n" % r.HEX(32))


@fmt("ec-private-key", "private-key", ["EC_PRIVATE_KEY", "APNS_KEY", "SIGNING_KEY"], ["EC key"], kind="pem", weight=1.2)
def _(r):
    der = bytes.fromhex("30770201010420") + r.bytes_(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + r.bytes_(64)
    return pem("EC PRIVATE KEY", der)


@fmt("pkcs8-private-key", "private-key", ["PRIVATE_KEY", "APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY"], ["private key"], kind="pem", weight=1.5)
def _(r):
    if r.chance(0.4):
        der = bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420") + r.bytes_(32) + \
            bytes.fromhex("a144034200") + b"\x04" + r.bytes_(64)
    elif r.chance(0.3):
        der = bytes.fromhex("302e020100300506032b657004220420") + r.bytes_(32)
    else:
        der = pkcs8_rsa_der(r)
    return pem("PRIVATE KEY", der)


@fmt("pkcs8-encrypted-private-key", "private-key", ["PRIVATE_KEY"], ["encrypted key"], kind="pem", weight=0.6)
def _(r):
    der = bytes.fromhex("308205343056" "06092a864886f70d01050d3049303106092a864886f70d01050c3024") + b"\x04\x10" + r.bytes_(16) + \
        bytes.fromhex("020208003014") + r.bytes_(1240)
    return pem("ENCRYPTED PRIVATE KEY", der)


@fmt("openssh-private-key", "private-key", ["SSH_PRIVATE_KEY", "DEPLOY_KEY", "SSH_KEY"], ["ssh key", "deploy key"], kind="pem", weight=2)
def _(r):
    pub = r.bytes_(32)
    blob = sshstr(b"ssh-ed25519") + sshstr(pub)
    chk = r.bytes_(4)
    comment = ("%s@%s" % (r.choice(["deploy", "ci", "root", "ubuntu", "git", "dev"]), company(r))).encode()
    priv = chk + chk + sshstr(b"ssh-ed25519") + sshstr(pub) + sshstr(r.bytes_(32) + pub) + sshstr(comment)
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    data = b"openssh-key-v1\x00" + sshstr(b"none") + sshstr(b"none") + sshstr(b"") + struct.pack(">I", 1) + sshstr(blob) + sshstr(priv)
    return pem("OPENSSH PRIVATE KEY", data, width=70)


@fmt("dsa-private-key", "private-key", ["DSA_KEY"], ["DSA key"], kind="pem", weight=0.4)
def _(r):
    return pem("DSA PRIVATE KEY", bytes.fromhex("308201bb02010002818100") + r.bytes_(430))


@fmt("pgp-private-key-block", "private-key", ["GPG_PRIVATE_KEY", "GPG_SIGNING_KEY"], ["GPG key"], kind="pem", weight=0.8)
def _(r):
    data = b"\x95\x03\x98\x04" + struct.pack(">I", r.ts()) + r.bytes_(r.randint(900, 1000))
    b = base64.b64encode(data).decode()
    c = base64.b64encode(crc24(data).to_bytes(3, "big")).decode()
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % (wrap(b, 64), c)


@fmt("putty-private-key", "private-key", ["PUTTY_KEY"], ["PuTTY key"], kind="pem", weight=0.4)
def _(r):
    pub = base64.b64encode(sshstr(b"ssh-ed25519") + sshstr(r.bytes_(32))).decode()
    priv = base64.b64encode(sshstr(r.bytes_(32))).decode()
    return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\nPublic-Lines: 2\n%s\nPrivate-Lines: 1\n%s\n"
            "Private-MAC: %s") % ("eddsa-key-2024%04d" % r.randint(101, 1231), wrap(pub, 64), priv, r.hex(64))


@fmt("wireguard-private-key", "private-key", ["WG_PRIVATE_KEY"], ["WireGuard private key"], selfid=False, weight=0.7)
def _(r):
    b = bytearray(r.bytes_(32))
    b[0] &= 248
    b[31] = (b[31] & 127) | 64
    return base64.b64encode(bytes(b)).decode()


@fmt("kubeconfig-client-key-data", "private-key", ["KUBE_CLIENT_KEY_DATA"], ["client key"], selfid=False, weight=0.7)
def _(r):
    p = pem("RSA PRIVATE KEY", pkcs1_rsa_der(r)) + "\n"
    return base64.b64encode(p.encode()).decode()


@fmt("jwk-private-key", "private-key", [], ["JWK"], kind="json", selfid=False, weight=0)
def _(r):
    return ""


# ---------------------------------------------------------------- JWTs, auth headers, cookies

def generic_jwt(r):
    t = r.ts()
    k = r.randint(0, 4)
    if k == 0:
        return jwt(r, {"alg": "HS256", "typ": "JWT"}, {"sub": str(r.randint(1000, 999999)), "role": r.choice(["admin", "user", "service"]),
                                                      "iat": t, "exp": t + 3600})
    if k == 1:
        return jwt(r, {"alg": "RS256", "kid": r.hex(40), "typ": "JWT"},
                   {"iss": "https://login.microsoftonline.com/%s/v2.0" % r.uuid(), "sub": r.b64u(43), "aud": r.uuid(),
                    "exp": t + 3600, "iat": t, "nbf": t, "name": r.choice(["Ana Souza", "Kenji Sato", "Lena Vogel", "Omar Haddad"]),
                    "oid": r.uuid(), "preferred_username": "%s@%s.com" % (r.lower(6), company(r)), "tid": r.uuid(), "ver": "2.0"})
    if k == 2:
        return jwt(r, {"alg": "ES256", "typ": "JWT", "kid": r.alnum(10)},
                   {"iss": "https://auth.%s.io/" % company(r), "sub": "auth0|" + r.hex(24), "aud": ["https://api.%s.io" % company(r)],
                    "iat": t, "exp": t + 86400, "scope": "openid profile email offline_access", "azp": r.alnum(32)})
    if k == 3:
        return jwt(r, {"alg": "RS256", "kid": r.hex(40)},
                   {"aud": "https://kubernetes.default.svc", "exp": t + 31536000, "iat": t, "iss": "https://kubernetes.default.svc",
                    "kubernetes.io": {"namespace": r.choice(["default", "prod", "ci", "monitoring"]),
                                      "serviceaccount": {"name": r.choice(["deployer", "argo", "runner", "vault-auth"]), "uid": r.uuid()}},
                    "sub": "system:serviceaccount:prod:deployer"})
    return jwt(r, {"alg": "HS512", "typ": "JWT"}, {"user_id": r.randint(1, 99999), "email": "%s@%s.dev" % (r.lower(5), company(r)),
                                                  "session": r.hex(16), "iat": t, "exp": t + 7 * 86400})


@fmt("jwt", "jwt", ["ACCESS_TOKEN", "AUTH_TOKEN", "ID_TOKEN", "API_TOKEN", "SERVICE_TOKEN"], ["token", "JWT", "access token"],
     api=API("api.internal.%s.io" % "acme", "/v2/orders", method="GET"), weight=3)
def _(r):
    return generic_jwt(r)


@fmt("bearer-token", "auth-header", ["API_TOKEN", "ACCESS_TOKEN", "AUTH_TOKEN", "SERVICE_TOKEN", "BEARER_TOKEN"], ["token", "bearer token"],
     selfid=False, api=API("api.partner.io", "/v1/accounts", method="GET"), weight=2)
def _(r):
    return body(r, lambda: r.choice([r.b64u(r.randint(32, 64)), r.alnum(40), r.hex(48), "at_" + r.alnum(40)]))


@fmt("basic-auth", "auth-header", [], ["basic auth"], selfid=False, weight=0)
def _(r):
    return base64.b64encode(("%s:%s" % (r.choice(["admin", "deploy", "svc-ci", "api", "grafana"]), password(r))).encode()).decode()


@fmt("session-cookie", "auth-header", [], ["session cookie"], selfid=False, weight=0)
def _(r):
    return body(r, lambda: r.lalnum(32))


@fmt("docker-config-auth", "auth-header", [], ["registry auth"], selfid=False, weight=0)
def _(r):
    return base64.b64encode(("%s:%s" % (r.choice(["ci-bot", "deploy", company(r)]), password(r))).encode()).decode()


@fmt("k8s-secret-data", "password", [], ["secret data"], selfid=False, weight=0)
def _(r):
    return base64.b64encode(password(r).encode()).decode()


# ---------------------------------------------------------------- database and service URLs

def upw(r, special=False):
    from urllib.parse import quote
    p = password_special(r) if special else password(r)
    return quote(p, safe="")


def dbuser(r):
    return r.choice(["app", "admin", "postgres", "root", "svc_orders", "api", "readonly", "etl", "billing", "doadmin", "neondb_owner"])


@fmt("postgres-url", "database", ["DATABASE_URL", "POSTGRES_URL", "PG_URL", "DB_URL", "SQLALCHEMY_DATABASE_URI"], ["database URL", "connection string"],
     kind="url", weight=3)
def _(r):
    k = r.randint(0, 5)
    if k == 0:
        return "postgresql://%s:npg_%s@ep-%s-%s-%s.%s.aws.neon.tech/neondb?sslmode=require" % (
            dbuser(r), r.alnum(12), word(r), word(r), r.lalnum(8), r.choice(["us-east-2", "eu-central-1"]))
    if k == 1:
        ref = r.lower(20)
        return "postgresql://postgres.%s:%s@aws-0-%s.pooler.supabase.com:6543/postgres" % (ref, upw(r), r.choice(["us-east-1", "eu-west-2"]))
    if k == 2:
        return "postgres://%s:%s@%s.%s.%s.rds.amazonaws.com:5432/%s" % (
            dbuser(r), upw(r, r.chance(0.3)), company(r), r.lalnum(12), r.choice(["us-east-1", "eu-west-1"]), r.choice(["app", "orders", "main"]))
    scheme = r.choice(["postgres", "postgresql", "postgresql+psycopg2", "postgresql+asyncpg"])
    return "%s://%s:%s@%s:%d/%s" % (scheme, dbuser(r), upw(r, r.chance(0.25)), host(r) + r.choice([".internal", ".svc.cluster.local", "", ".prod.lan"]),
                                    r.choice([5432, 5432, 6432, 5433]), r.choice(["app", "app_production", "orders", "analytics", "main"]))


@fmt("mysql-url", "database", ["DATABASE_URL", "MYSQL_URL", "DB_URL"], ["MySQL URL"], kind="url", weight=1.5)
def _(r):
    if r.chance(0.25):
        return "mysql://%s:pscale_pw_%s@aws.connect.psdb.cloud/%s?sslaccept=strict" % (r.lalnum(12), r.b64u(43), word(r))
    return "%s://%s:%s@%s:3306/%s" % (r.choice(["mysql", "mysql2", "mysql+pymysql", "mariadb"]), dbuser(r), upw(r, r.chance(0.25)),
                                      host(r), r.choice(["shop", "wordpress", "app", "crm"]))


@fmt("mongodb-url", "database", ["MONGODB_URI", "MONGO_URL", "MONGO_URI"], ["Mongo URI"], kind="url", weight=2)
def _(r):
    if r.chance(0.6):
        return "mongodb+srv://%s:%s@cluster0.%s.mongodb.net/%s?retryWrites=true&w=majority&appName=Cluster0" % (
            dbuser(r), upw(r), r.lalnum(5), r.choice(["app", "prod", "users", ""]))
    return "mongodb://%s:%s@mongo-0.mongo:27017,mongo-1.mongo:27017/%s?replicaSet=rs0&authSource=admin" % (dbuser(r), upw(r), word(r))


@fmt("redis-url", "database", ["REDIS_URL", "CACHE_URL", "CELERY_BROKER_URL", "KV_URL"], ["Redis URL"], kind="url", weight=2)
def _(r):
    k = r.randint(0, 2)
    if k == 0:
        return "rediss://default:%s@%s-%s-%d.upstash.io:6379" % (r.alnum(34), word(r), word(r), r.randint(10000, 99999))
    if k == 1:
        return "redis://:%s@%s:6379/%d" % (upw(r), host(r), r.randint(0, 5))
    return "rediss://%s:%s@%s.cache.amazonaws.com:6380/0" % (r.choice(["default", "app"]), upw(r), company(r) + "-redis")


@fmt("amqp-url", "database", ["AMQP_URL", "RABBITMQ_URL", "BROKER_URL", "CLOUDAMQP_URL"], ["RabbitMQ URL"], kind="url")
def _(r):
    return "%s://%s:%s@%s/%s" % (r.choice(["amqp", "amqps"]), r.lalnum(8), r.b64u(32) if r.chance(0.5) else upw(r),
                                 r.choice(["rabbit.internal:5672", "%s.rmq.cloudamqp.com" % word(r), "mq-prod:5671"]), r.lalnum(8))


@fmt("mssql-connection-string", "database", ["ConnectionStrings__Default", "SQL_CONNECTION_STRING", "DB_CONNECTION"], ["connection string"],
     kind="url", weight=1.5)
def _(r):
    return "Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;" \
           "MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;" % (
               company(r) + "-sql", r.choice(["AppDb", "Orders", "Crm"]), dbuser(r), password(r).replace(";", "!"))


@fmt("jdbc-url", "database", ["SPRING_DATASOURCE_URL", "JDBC_URL", "DB_URL"], ["JDBC URL"], kind="url", weight=1.5)
def _(r):
    from urllib.parse import quote
    k = r.randint(0, 2)
    if k == 0:
        return "jdbc:postgresql://%s:5432/%s?user=%s&password=%s&ssl=true" % (host(r), word(r), dbuser(r), quote(password(r), safe=""))
    if k == 1:
        return "jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (host(r), word(r), dbuser(r), quote(password(r), safe=""))
    return "jdbc:sqlserver://%s:1433;databaseName=%s;user=sa;password=%s;encrypt=true" % (host(r), word(r), password(r).replace(";", "#"))


@fmt("url-with-credentials", "database", ["REGISTRY_URL", "PROXY_URL", "SMTP_URL", "FTP_URL", "GIT_URL", "ELASTICSEARCH_URL"],
     ["URL with credentials"], kind="url", weight=1.5)
def _(r):
    k = r.randint(0, 5)
    if k == 0:
        return "smtp://%s:%s@smtp.%s:587" % ("postmaster%40mg." + company(r) + ".com", r.hex(32) + "-" + r.hex(8) + "-" + r.hex(8),
                                            r.choice(["mailgun.org", "sendgrid.net", "office365.com"]))
    if k == 1:
        return "https://%s:%s@%s" % (r.choice(["admin", "elastic", "kibana"]), upw(r), "%s.es.%s.aws.found.io:9243" % (r.hex(32), "us-east-1"))
    if k == 2:
        return "http://%s:%s@proxy.%s.corp:3128" % (r.lower(6), upw(r), company(r))
    if k == 3:
        return "sftp://%s:%s@files.%s.com:22/upload" % (r.choice(["partner", "edi", "export"]), upw(r), company(r))
    if k == 4:
        return "https://%s:%s@nexus.%s.internal/repository/maven-releases/" % (r.choice(["deploy", "ci"]), upw(r), company(r))
    return "ldaps://cn=admin,dc=%s,dc=com:%s@ldap.%s.com:636" % (company(r), upw(r), company(r))


# ---------------------------------------------------------------- passwords and application secrets

@fmt("password", "password", ["DB_PASSWORD", "DATABASE_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_PASSWORD", "REDIS_PASSWORD", "SMTP_PASSWORD",
                              "ADMIN_PASSWORD", "LDAP_BIND_PASSWORD", "KEYSTORE_PASSWORD", "RABBITMQ_DEFAULT_PASS", "MAIL_PASSWORD",
                              "ELASTIC_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "SFTP_PASSWORD"],
     ["password", "db password", "admin password"], kind="password", selfid=False, weight=5)
def _(r):
    return password(r)


@fmt("django-secret-key", "app-secret", ["DJANGO_SECRET_KEY", "SECRET_KEY"], ["Django secret key"], selfid=False)
def _(r):
    al = "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)"
    return ("django-insecure-" if r.chance(0.3) else "") + clean(r, lambda: r.s(al, 50))


@fmt("rails-secret-key-base", "app-secret", ["SECRET_KEY_BASE", "RAILS_MASTER_KEY"], ["secret_key_base"], selfid=False)
def _(r):
    return r.hex(128)


@fmt("laravel-app-key", "app-secret", ["APP_KEY"], ["APP_KEY"], selfid=False)
def _(r):
    return "base64:" + r.b64bytes(32)


@fmt("fernet-key", "app-secret", ["FERNET_KEY", "ENCRYPTION_KEY", "AIRFLOW__CORE__FERNET_KEY"], ["Fernet key"], selfid=False, weight=0.7)
def _(r):
    return r.b64bytes(32, url=True)


@fmt("app-signing-secret", "app-secret", ["JWT_SECRET", "SESSION_SECRET", "NEXTAUTH_SECRET", "AUTH_SECRET", "COOKIE_SECRET",
                                          "WEBHOOK_SECRET", "HMAC_SECRET", "TAKUMO_ENCRYPTION_KEY", "TAKUMO_TOKEN_KEY", "ENCRYPTION_KEY"],
     ["JWT secret", "signing secret", "session secret"], selfid=False, weight=2.5)
def _(r):
    return body(r, lambda: r.choice([r.hex(64), r.b64bytes(32), r.b64bytes(48, url=True), r.alnum(48), r.hex(32)]))


@fmt("oauth-client-secret", "identity", ["CLIENT_SECRET", "OAUTH_CLIENT_SECRET", "AUTH0_CLIENT_SECRET", "GITHUB_CLIENT_SECRET",
                                         "OKTA_CLIENT_SECRET", "KEYCLOAK_CLIENT_SECRET"], ["client secret"], selfid=False, weight=2)
def _(r):
    return body(r, lambda: r.choice([r.b64u(64), r.hex(40), r.alnum(32), r.alnum(32)]))


# ---------------------------------------------------------------- registry and balanced picking

def slot_ok(f, slot):
    if slot == "env":
        return f.kind in ("token", "password", "url") and bool(f.envs)
    if slot == "env-any":
        return bool(f.envs) and f.kind != "json"
    if slot == "header":
        return f.api is not None
    if slot == "url":
        return f.kind == "url"
    if slot == "pem":
        return f.kind == "pem"
    if slot == "prose":
        return f.kind in ("token", "password", "url") and bool(f.human) and bool(f.envs)
    if slot == "prose-bare":
        return f.kind in ("token", "url") and f.selfid
    if slot == "token":
        return f.kind == "token" and bool(f.envs)
    if slot == "selfid":
        return f.selfid and f.kind in ("token",) and bool(f.envs)
    if slot == "ai":
        return f.family == "ai" and f.api is not None
    if slot == "password":
        return f.kind == "password"
    raise ValueError(slot)


class Registry:
    def __init__(self, rng):
        self.r = rng
        self.count = {k: 0 for k in FORMATS}

    def pick(self, slot, family=None, exclude=()):
        c = [f for f in FORMATS.values() if f.weight > 0 and slot_ok(f, slot) and f.name not in exclude and
             (family is None or f.family == family)]
        if not c:
            c = [f for f in FORMATS.values() if f.weight > 0 and slot_ok(f, slot)]
        best = min(c, key=lambda f: (self.count[f.name] + self.r.random() * 3.0) / f.weight)
        return best

    def value(self, name):
        v = FORMATS[name].gen(self.r)
        return v

    def note(self, name):
        self.count[name] += 1
