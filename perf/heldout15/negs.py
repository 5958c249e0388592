"""Hard negatives: values a careful reviewer would not call a secret, shaped to tempt a scanner.

make(cls, sub) returns (value, cls, sub, disputed). assign(lang) returns a variable name and a negative value
that fits that language's assignment syntax (references become expressions, not strings).
"""
import base64
import json

from fmts import b64u_nopad, company, jwt, pem, sshstr, word, crc24, wrap

DOC_AWS_IDS = ["AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE"]
DOC_AWS_SECRETS = ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"]
JWT_IO = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ."
          "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

SECRET_NAMES = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "STRIPE_SECRET_KEY", "DB_PASSWORD", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY",
                "SLACK_BOT_TOKEN", "DATABASE_URL", "JWT_SECRET", "SENTRY_AUTH_TOKEN", "REDIS_PASSWORD", "SENDGRID_API_KEY",
                "GEMINI_API_KEY", "NPM_TOKEN", "HF_TOKEN", "API_KEY", "CLIENT_SECRET", "SMTP_PASSWORD"]

PREFIX_NAMES = [("sk-proj-", "OPENAI_API_KEY"), ("sk-ant-", "ANTHROPIC_API_KEY"), ("sk-x", "OPENAI_API_KEY"), ("ghp_", "GITHUB_TOKEN"),
                ("sk_live_", "STRIPE_SECRET_KEY"), ("rk_live_", "STRIPE_RESTRICTED_KEY"), ("whsec_", "STRIPE_WEBHOOK_SECRET"),
                ("xoxb-", "SLACK_BOT_TOKEN"), ("glpat-", "GITLAB_TOKEN"), ("AIza", "GEMINI_API_KEY"), ("hf_", "HF_TOKEN"), ("npm_", "NPM_TOKEN"),
                ("SG.", "SENDGRID_API_KEY"), ("gsk_", "GROQ_API_KEY"), ("AKIA", "AWS_ACCESS_KEY_ID"), ("<your-openai", "OPENAI_API_KEY"),
                ("<your-stripe", "STRIPE_SECRET_KEY"), ("YOUR_STRIPE", "STRIPE_SECRET_KEY"), ("YOUR_ANTHROPIC", "ANTHROPIC_API_KEY"),
                ("<db-password>", "DB_PASSWORD"), ("<PASSWORD>", "DB_PASSWORD"), ("<GITHUB_PAT>", "GITHUB_TOKEN")]

# langs: env sh yaml gha helm compose json toml properties tf py js ts go java kt rb php cs rs dockerfile xml ini
REF_LANGS = {
    "gha-secret": {"gha"},
    "cmd-subst": {"sh", "compose"},
    "helm-values": {"helm"},
    "vault-ref": {"env", "yaml", "helm", "json", "properties", "toml", "compose", "ini", "runtime"},
    "op-ref": {"env", "yaml", "json", "toml", "compose", "ini", "runtime"},
    "arn-secretsmanager": {"json", "yaml", "tf", "env", "helm", "runtime"},
    "env-interp": {"yaml", "compose", "sh", "properties", "toml", "env", "helm", "ini", "gha", "dockerfile"},
    "process-env": {"js", "ts"},
    "os-environ": {"py"},
    "java-getenv": {"java", "kt"},
    "go-getenv": {"go"},
    "ruby-env": {"rb"},
    "rust-env": {"rs"},
    "dotnet-env": {"cs"},
    "php-env": {"php"},
    "ssm-resolve": {"yaml", "json"},
    "gcp-secret-manager": {"yaml", "env", "json", "helm", "runtime"},
    "azure-keyvault": {"json", "env", "yaml", "runtime"},
    "tf-var": {"tf"},
    "spring-placeholder": {"properties", "yaml"},
}
RAW_REFS = {"process-env", "os-environ", "java-getenv", "go-getenv", "ruby-env", "rust-env", "dotnet-env", "php-env", "tf-var"}


class Negs:
    def __init__(self, rng):
        self.r = rng

    # ------------------------------------------------------------ references
    def reference(self, sub=None, name=None, lang=None):
        r = self.r
        name = name or r.choice(SECRET_NAMES)
        low = name.lower()
        if sub is None:
            subs = [s for s, ls in REF_LANGS.items() if lang is None or lang in ls]
            sub = r.choice(subs)
        v = {
            "gha-secret": lambda: "${{ secrets.%s }}" % name,
            "cmd-subst": lambda: r.choice(["$(cat /run/secrets/%s)" % low, "$(vault kv get -field=%s secret/app)" % low,
                                           "$(op read op://Private/%s/credential)" % low.replace("_", "-"),
                                           "$(aws secretsmanager get-secret-value --secret-id prod/%s --query SecretString --output text)" % low]),
            "helm-values": lambda: "{{ .Values.%s.%s }}" % (r.choice(["secrets", "auth", "db", "global"]), low.split("_")[-1] if "_" in low else low),
            "vault-ref": lambda: "vault:secret/data/%s/%s#%s" % (r.choice(["prod", "staging", "shared"]), word(r), low),
            "op-ref": lambda: "op://%s/%s/%s" % (r.choice(["Engineering", "Private", "Prod", "DevOps"]), name.split("_")[0].capitalize(),
                                                 r.choice(["credential", "password", "api-key", "token"])),
            "arn-secretsmanager": lambda: "arn:aws:secretsmanager:%s:%d:secret:%s/%s-%s" % (
                r.choice(["us-east-1", "eu-west-1", "ap-northeast-1"]), r.randint(10 ** 11, 10 ** 12 - 1), r.choice(["prod", "staging"]),
                low.replace("_", "-"), r.alnum(6)),
            "env-interp": lambda: r.choice(["${%s}" % name, "${%s:?required}" % name, "$%s" % name, "${%s:-}" % name]),
            "process-env": lambda: r.choice(["process.env.%s" % name, "process.env['%s']" % name, "import.meta.env.VITE_%s" % name]),
            "os-environ": lambda: r.choice(['os.environ["%s"]' % name, 'os.getenv("%s")' % name, "os.environ.get('%s')" % name,
                                            'settings.%s' % name]),
            "java-getenv": lambda: r.choice(['System.getenv("%s")' % name, 'env.getProperty("%s")' % low.replace("_", ".")]),
            "go-getenv": lambda: 'os.Getenv("%s")' % name,
            "ruby-env": lambda: r.choice(['ENV["%s"]' % name, "ENV.fetch('%s')" % name, "Rails.application.credentials.%s" % low]),
            "rust-env": lambda: 'std::env::var("%s")?' % name,
            "dotnet-env": lambda: r.choice(['Environment.GetEnvironmentVariable("%s")' % name, 'configuration["%s"]' % name]),
            "php-env": lambda: "env('%s')" % name,
            "ssm-resolve": lambda: "{{resolve:ssm-secure:/%s/%s:%d}}" % (r.choice(["prod", "app"]), low, r.randint(1, 9)),
            "gcp-secret-manager": lambda: "projects/%d/secrets/%s/versions/%s" % (r.randint(10 ** 11, 10 ** 12 - 1), low.replace("_", "-"),
                                                                                 r.choice(["latest", "3", "12"])),
            "azure-keyvault": lambda: "@Microsoft.KeyVault(SecretUri=https://%s-kv.vault.azure.net/secrets/%s/)" % (company(r), low.replace("_", "-")),
            "tf-var": lambda: r.choice(["var.%s" % low, "data.aws_secretsmanager_secret_version.%s.secret_string" % low.split("_")[0],
                                        "random_password.%s.result" % low.split("_")[0]]),
            "spring-placeholder": lambda: "${%s:}" % name,
        }[sub]()
        return v, "reference", sub, False

    # ------------------------------------------------------------ placeholders and masks
    def placeholder(self, sub=None, name=None):
        r = self.r
        subs = ["angle", "your-key", "x-filled", "stars", "masked-prefix", "bullets", "redacted", "aws-masked", "masked-url"]
        sub = sub or r.choice(subs)
        pre = r.choice(["sk-proj-", "sk-ant-api03-", "ghp_", "sk_live_", "xoxb-", "glpat-", "AIza", "hf_", "npm_", "SG.", "gsk_"])
        v = {
            "angle": lambda: r.choice(["<your-openai-key>", "<API_KEY>", "<token>", "<PASSWORD>", "<your-stripe-secret-key>",
                                       "<paste-token-here>", "<db-password>", "<GITHUB_PAT>"]),
            "your-key": lambda: r.choice(["your_api_key_here", "your-secret-key", "YOUR_STRIPE_SECRET_KEY", "insert-key-here",
                                          "replace-me", "your-token-goes-here", "YOUR_ANTHROPIC_API_KEY", "put-your-key-here"]),
            "x-filled": lambda: r.choice(["xxxxxxxxxxxxxxxxxxxxxxxx", "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                                          "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "AKIAXXXXXXXXXXXXXXXX", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx",
                                          "sk-ant-xxxxxxxxxxxxxxxxxxxx", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"]),
            "stars": lambda: "*" * r.choice([8, 12, 16, 20]),
            "masked-prefix": lambda: pre + r.choice(["…", "...", "****"]) + r.alnum(4),
            "bullets": lambda: r.choice(["sk_live_", "rk_live_", "whsec_", ""]) + "•" * r.choice([4, 8, 12]) + r.digits(4),
            "redacted": lambda: r.choice(["REDACTED", "[REDACTED]", "<redacted>", "[FILTERED]", "[MASKED]", "***REDACTED***", "[hidden]"]),
            "aws-masked": lambda: "*" * 16 + r.ualnum(4),
            "masked-url": lambda: r.choice(["postgres://app:****@db.internal:5432/app", "redis://:<password>@localhost:6379/0",
                                            "mongodb+srv://admin:<password>@cluster0.abcde.mongodb.net/",
                                            "mysql://root:${MYSQL_ROOT_PASSWORD}@mysql:3306/app",
                                            "amqp://user:*****@rabbit:5672/"]),
        }[sub]()
        return v, "placeholder", sub, False

    # ------------------------------------------------------------ documented examples (disputed)
    def documented(self, sub=None):
        r = self.r
        sub = sub or r.choice(["aws-doc-key-id", "aws-doc-secret", "jwt-io-sample", "azurite-key"])
        v = {"aws-doc-key-id": lambda: r.choice(DOC_AWS_IDS), "aws-doc-secret": lambda: r.choice(DOC_AWS_SECRETS),
             "jwt-io-sample": lambda: JWT_IO, "azurite-key": lambda: AZURITE_KEY}[sub]()
        return v, "documented-example", sub, True

    # ------------------------------------------------------------ hashes and digests
    def hash(self, sub=None):
        r = self.r
        sub = sub or r.choice(["git-sha", "git-short-sha", "sha256", "sri", "docker-digest", "bcrypt", "argon2", "md5", "sha1",
                               "pbkdf2", "sha512crypt", "webhook-signature"])
        dot = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        v = {
            "git-sha": lambda: r.hex(40),
            "git-short-sha": lambda: r.hex(r.choice([7, 8, 10, 12])),
            "git-index": lambda: "%s..%s" % (r.hex(r.choice([7, 10, 12])), r.hex(r.choice([7, 10, 12]))),
            "sha256": lambda: r.hex(64),
            "sri": lambda: r.choice(["sha384-", "sha256-", "sha512-"]) + r.b64bytes(r.choice([48, 32, 64])),
            "docker-digest": lambda: "sha256:" + r.hex(64),
            "bcrypt": lambda: "$2%s$%02d$" % (r.choice("aby"), r.choice([10, 12, 12, 14])) + r.s(dot, 53),
            "argon2": lambda: "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s" % (r.choice([19456, 65536, 47104]), r.choice([2, 3]), r.choice([1, 4]),
                                                                    r.b64bytes(16, pad=False), r.b64bytes(32, pad=False)),
            "md5": lambda: r.hex(32),
            "sha1": lambda: r.hex(40),
            "pbkdf2": lambda: "pbkdf2_sha256$%d$%s$%s" % (r.choice([600000, 720000, 870000]), r.alnum(22), r.b64bytes(32)),
            "sha512crypt": lambda: "$6$rounds=656000$%s$%s" % (r.s(dot, 16), r.s(dot, 86)),
            "webhook-signature": lambda: r.choice(["sha256=" + r.hex(64), "t=%d,v1=%s" % (r.ts(), r.hex(64)), "v0=" + r.hex(64)]),
            "etag": lambda: '"%s"' % r.hex(32) if r.chance(0.5) else 'W/"%x-%s"' % (r.randint(100, 99999), r.b64u(27)),
            "dkim-signature": lambda: r.b64bytes(256),
            "lfs-oid": lambda: "sha256:" + r.hex(64),
            "container-id": lambda: r.hex(64),
        }[sub]()
        return v, "hash", sub, False

    # ------------------------------------------------------------ identifiers
    def ident(self, sub=None):
        r = self.r
        sub = sub or r.choice(["uuid", "request-id", "trace-id", "traceparent", "stripe-object-id", "openai-object-id", "anthropic-object-id",
                               "aws-resource-id", "aws-role-id", "google-client-id", "mongo-objectid", "ulid", "cf-ray", "slack-id",
                               "aws-account-id", "nanoid"])
        crock = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
        v = {
            "uuid": lambda: r.uuid(),
            "request-id": lambda: r.choice(["req_" + r.alnum(24), r.uuid(), r.hex(32), "%s-%s" % (r.HEX(8), r.HEX(8))]),
            "trace-id": lambda: r.hex(32),
            "traceparent": lambda: "00-%s-%s-01" % (r.hex(32), r.hex(16)),
            "span-id": lambda: r.hex(16),
            "stripe-object-id": lambda: r.choice(["cus_" + r.alnum(14), "pi_3P" + r.alnum(22), "price_1P" + r.alnum(22), "sub_1P" + r.alnum(22),
                                                  "evt_1P" + r.alnum(22), "acct_1" + r.alnum(15), "ch_3P" + r.alnum(22)]),
            "openai-object-id": lambda: r.choice(["chatcmpl-" + r.alnum(29), "resp_" + r.hex(48), "org-" + r.alnum(24), "proj_" + r.alnum(24),
                                                  "file-" + r.alnum(22), "asst_" + r.alnum(24), "call_" + r.alnum(24)]),
            "anthropic-object-id": lambda: r.choice(["msg_01" + r.alnum(22), "toolu_01" + r.alnum(22), "req_011C" + r.alnum(20),
                                                     "msgbatch_01" + r.alnum(22)]),
            "aws-resource-id": lambda: r.choice(["i-0", "sg-0", "vpc-0", "subnet-0", "ami-0", "vol-0", "eni-0"]) + r.hex(16),
            "aws-role-id": lambda: r.choice(["AROA", "AIDA", "ANPA", "AGPA"]) + r.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17),
            "aws-account-id": lambda: str(r.randint(10 ** 11, 10 ** 12 - 1)),
            "google-client-id": lambda: "%d-%s.apps.googleusercontent.com" % (r.randint(10 ** 11, 10 ** 12 - 1), r.lalnum(32)),
            "mongo-objectid": lambda: r.hex(24),
            "ulid": lambda: "01" + r.s(crock, 24),
            "cf-ray": lambda: "%s-%s" % (r.hex(16), r.choice(["FRA", "AMS", "IAD", "NRT", "SJC", "CDG", "GRU"])),
            "slack-id": lambda: r.choice(["U0", "C0", "T0", "B0", "W0"]) + r.ualnum(r.choice([8, 9, 10])),
            "nanoid": lambda: r.b64u(21),
            "k8s-uid": lambda: r.uuid(),
            "azure-id": lambda: r.uuid(),
            "github-node-id": lambda: r.choice(["PR_kwDO", "I_kwDO", "MDQ6VXNlcj", "R_kgDO"]) + r.b64u(14),
            "oauth-state": lambda: r.hex(32),
            "build-id": lambda: r.b64u(21),
            "sentry-event-id": lambda: r.hex(32),
            "gerrit-change-id": lambda: "I" + r.hex(40),
            "message-id": lambda: "<%s.%s@mail.%s.com>" % (r.hex(16), r.digits(10), company(r)),
        }[sub]()
        return v, "identifier", sub, False

    # ------------------------------------------------------------ public keys and certificates
    def pubkey(self, sub=None):
        r = self.r
        sub = sub or r.choice(["ssh-ed25519", "ssh-rsa", "pem-public-key", "certificate", "age-recipient", "wireguard-public", "jwk-modulus",
                               "pgp-public-block"])
        if sub == "ssh-ed25519":
            v = "ssh-ed25519 " + base64.b64encode(sshstr(b"ssh-ed25519") + sshstr(r.bytes_(32))).decode() + " %s@%s" % (
                r.choice(["dev", "ana", "kenji", "ci"]), r.choice(["laptop", "mbp", company(r)]))
        elif sub == "ssh-rsa":
            v = "ssh-rsa " + base64.b64encode(sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + r.bytes_(384))).decode() + \
                " deploy@%s" % company(r)
        elif sub == "pem-public-key":
            v = pem("PUBLIC KEY", bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + r.bytes_(256) +
                    bytes.fromhex("0203010001"))
        elif sub == "certificate":
            v = pem("CERTIFICATE", bytes.fromhex("308203") + bytes([r.randint(0x40, 0x9f)]) + bytes.fromhex("308202") +
                    bytes([r.randint(0x28, 0x90)]) + bytes.fromhex("a003020102") + r.bytes_(r.randint(780, 900)))
        elif sub == "age-recipient":
            v = "age1" + r.s("qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58)
        elif sub == "wireguard-public":
            v = r.b64bytes(32)
        elif sub == "jwk-modulus":
            v = r.b64bytes(256, url=True, pad=False)
        else:
            data = b"\x99\x01\x8d\x04" + r.bytes_(r.randint(380, 420))
            v = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----" % (
                wrap(base64.b64encode(data).decode(), 64), base64.b64encode(crc24(data).to_bytes(3, "big")).decode())
        return v, "public-key", sub, False

    # ------------------------------------------------------------ public by design
    def public(self, sub=None):
        r = self.r
        sub = sub or r.choice(["stripe-publishable-key", "firebase-config", "sentry-dsn", "recaptcha-site-key", "algolia-search-key",
                               "posthog-project-key", "mapbox-public-token", "supabase-anon-key", "statsig-client-key", "clerk-publishable-key",
                               "turnstile-site-key", "supabase-publishable-key"])
        if sub == "stripe-publishable-key":
            v = r.choice(["pk_live_51", "pk_test_51"]) + r.alnum(96)
        elif sub == "firebase-config":
            p = "%s-%s" % (company(r), r.lalnum(5))
            v = r.choice(["%s.firebaseapp.com" % p, p, "%s.appspot.com" % p, str(r.randint(10 ** 11, 10 ** 12 - 1)),
                          "1:%d:web:%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.hex(22)), "G-" + r.ualnum(10)])
        elif sub == "sentry-dsn":
            v = "https://%s@o%d.ingest.%ssentry.io/%d" % (r.hex(32), r.randint(100000, 4999999), r.choice(["", "us.", "de."]), r.randint(1000000, 9999999))
        elif sub == "recaptcha-site-key":
            v = "6L" + r.b64u(38)
        elif sub == "algolia-search-key":
            v = r.hex(32)
        elif sub == "posthog-project-key":
            v = "phc_" + r.alnum(43)
        elif sub == "mapbox-public-token":
            v = "pk." + b64u_nopad(json.dumps({"u": company(r), "a": r.lalnum(25)}, separators=(",", ":")).encode()) + "." + r.b64u(22)
        elif sub == "supabase-anon-key":
            t = r.ts(1640000000, 1720000000)
            v = jwt(r, {"alg": "HS256", "typ": "JWT"}, {"iss": "supabase", "ref": r.lower(20), "role": "anon", "iat": t, "exp": t + 315360000})
        elif sub == "supabase-publishable-key":
            v = "sb_publishable_" + r.b64u(22) + "_" + r.b64u(8)
        elif sub == "statsig-client-key":
            v = "client-" + r.alnum(43)
        elif sub == "clerk-publishable-key":
            v = "pk_live_" + base64.b64encode(("clerk.%s.com$" % company(r)).encode()).decode()
        else:
            v = "0x4AAAAAAA" + r.b64u(14)
        return v, "public-by-design", sub, False

    # ------------------------------------------------------------ encoded non-secret data
    def encoded(self, sub=None):
        r = self.r
        sub = sub or r.choice(["png-data-uri", "json-base64", "gzip-base64", "sourcemap-data-uri", "woff2-data-uri"])
        if sub == "png-data-uri":
            v = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA" + r.b64c(r.randint(120, 400)) + "AAAAAElFTkSuQmCC"
        elif sub == "json-base64":
            d = r.choice([{"theme": "dark", "lang": r.choice(["en", "de", "ja"]), "sidebar": True},
                          {"page": r.randint(2, 90), "per_page": 50, "sort": "created_at"},
                          {"v": 1, "flags": ["beta_ui", "new_checkout"], "region": "eu"},
                          {"cursor": r.randint(10 ** 6, 10 ** 9), "direction": "next"}])
            v = base64.b64encode(json.dumps(d).encode()).decode()
        elif sub == "gzip-base64":
            v = "H4sIAAAAAAAA" + r.b64c(r.randint(80, 200)) + "AAAA"
        elif sub == "sourcemap-data-uri":
            sm = json.dumps({"version": 3, "sources": ["src/%s.ts" % word(r)], "names": ["e", "t", "n"], "mappings": "AAAA,SAASA,EAAEC"})
            v = "data:application/json;charset=utf-8;base64," + base64.b64encode(sm.encode()).decode()
        else:
            v = "data:font/woff2;base64,d09GMgABAAAAA" + r.b64c(r.randint(120, 300))
        return v, "encoded-data", sub, False

    # ------------------------------------------------------------ encrypted values (ciphertext, not a secret)
    def encrypted(self, sub=None):
        r = self.r
        sub = sub or r.choice(["sops", "sealed-secret", "kms-ciphertext", "vault-transit", "ansible-vault"])
        if sub == "sops":
            v = "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (r.b64bytes(r.randint(12, 48)), r.b64bytes(32), r.b64bytes(16))
        elif sub == "sealed-secret":
            v = "AgB" + r.b64c(r.randint(600, 700)) + "=="
        elif sub == "kms-ciphertext":
            v = "AQICAHh" + r.b64c(r.randint(180, 240)) + "=="
        elif sub == "vault-transit":
            v = "vault:v1:" + r.b64bytes(r.randint(40, 80))
        else:
            body = "\n".join(r.hex(80) for _ in range(r.randint(4, 7)))
            v = "$ANSIBLE_VAULT;1.1;AES256\n" + body
        return v, "encrypted", sub, False

    # ------------------------------------------------------------ lockfile and integrity hashes
    def lockfile(self, sub=None):
        r = self.r
        sub = sub or r.choice(["npm-integrity", "yarn-resolved-hash", "cargo-checksum", "pip-hash", "go-sum"])
        v = {"npm-integrity": lambda: "sha512-" + r.b64bytes(64),
             "yarn-resolved-hash": lambda: r.hex(40),
             "cargo-checksum": lambda: r.hex(64),
             "pip-hash": lambda: "sha256:" + r.hex(64),
             "go-sum": lambda: "h1:" + r.b64bytes(32)}[sub]()
        return v, "lockfile", sub, False

    # ------------------------------------------------------------ the gateway's own tokens
    def takumo(self, sub=None):
        r = self.r
        kind = sub or r.choice(["KEY", "SECRET", "CONN", "HOST", "TOKEN", "USER"])
        return "__TAKUMO_v1_%s_%s__" % (kind, r.hex(8)), "takumo-token", kind, False

    # ------------------------------------------------------------ test values
    def testval(self, sub=None):
        r = self.r
        v = r.choice(["test", "testing", "changeme", "changeit", "dummy", "example", "password", "secret", "foobar", "not-a-real-key",
                      "fake-token-for-tests", "xxx", "test-api-key", "sk-test-dummy"])
        return v, "test-value", sub or "literal", False

    def localdefault(self, sub=None):
        r = self.r
        sub = sub or r.choice(["compose-default", "local-url"])
        if sub == "compose-default":
            v = r.choice(["postgres", "root", "guest", "minioadmin", "admin", "mysql", "rabbitmq"])
        else:
            v = r.choice(["postgres://postgres:postgres@localhost:5432/app_dev", "amqp://guest:guest@localhost:5672/",
                          "mysql://root:root@127.0.0.1:3306/app_test", "redis://:redis@localhost:6379/0",
                          "mongodb://root:example@localhost:27017/"])
        return v, "local-default", sub, True

    # ------------------------------------------------------------ harmless values behind secret-sounding names
    def harmless(self, sub=None):
        r = self.r
        pairs = [("TOKEN_EXPIRY", "3600"), ("ACCESS_TOKEN_TTL", "900"), ("PASSWORD_MIN_LENGTH", "12"), ("api_key_header", "X-API-Key"),
                 ("token_type", "Bearer"), ("auth_type", "oauth2"), ("KEY_ROTATION_DAYS", "90"), ("max_tokens", "4096"),
                 ("TOKENIZERS_PARALLELISM", "false"), ("secret_name", "prod/payments/stripe"), ("AUTH_PROVIDER", "github"),
                 ("API_KEY_PREFIX", "sk-"), ("PASSWORD_HASHER", "argon2"), ("tokenizer", "cl100k_base"), ("SECRET_ROTATION", "rate(30 days)"),
                 ("password_reset_path", "/account/reset"), ("JWT_ALGORITHM", "RS256"), ("AUTH_COOKIE_NAME", "__Host-session"),
                 ("credential_source", "Ec2InstanceMetadata"), ("secretKeyRef", "db-credentials"), ("TOKEN_ENDPOINT", "/oauth/token"),
                 ("key_size", "2048"), ("SIGNING_KEY_ID", "kms-key-2024-11"), ("auth_header_name", "Authorization"),
                 ("PASSWORD_POLICY", "strong"), ("token_budget", "200000"), ("SECRET_STORE", "aws-secrets-manager")]
        n, v = r.choice(pairs)
        return v, "keyword-no-secret", sub or n, False, n

    def filepath(self, sub=None):
        r = self.r
        pairs = [("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json"), ("DB_PASSWORD_FILE", "/run/secrets/db_password"),
                 ("SSL_KEY_PATH", "/etc/ssl/private/server.key"), ("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"),
                 ("SSH_KEY_PATH", "~/.ssh/id_ed25519"), ("TLS_KEY_FILE", "./certs/tls.key"), ("KUBECONFIG", "/home/dev/.kube/config"),
                 ("PRIVATE_KEY_PATH", "secrets/jwt_private.pem"), ("NETRC", "C:\\Users\\dev\\_netrc"), ("API_TOKEN_FILE", "/run/secrets/api_token")]
        n, v = r.choice(pairs)
        return v, "file-path", sub or "path", False, n

    def nourl(self, sub=None):
        r = self.r
        v = r.choice(["postgres://db.internal:5432/app", "redis://localhost:6379/0", "mongodb://mongo:27017/app", "https://api.openai.com/v1",
                      "amqp://rabbit.internal:5672/", "postgresql://%s@db.internal/app" % r.choice(["app", "readonly"]),
                      "https://%s.vault.azure.net/" % company(r), "https://api.anthropic.com"])
        return v, "url-without-password", sub or "url", False

    def csrf(self, sub=None):
        r = self.r
        return r.choice([r.alnum(64), r.alnum(32), r.b64bytes(32, url=True)]), "session-adjacent", sub or "csrf-token", True

    # ------------------------------------------------------------ dispatch
    def make(self, cls=None, sub=None):
        r = self.r
        if cls is None:
            cls = r.wpick([("reference", 3), ("placeholder", 3), ("hash", 3), ("identifier", 4), ("public-key", 1), ("public-by-design", 2),
                           ("encoded-data", 0.6), ("encrypted", 0.8), ("lockfile", 0.6), ("takumo-token", 1.2), ("test-value", 1),
                           ("documented-example", 0.6), ("local-default", 0.4), ("keyword-no-secret", 1.5), ("file-path", 0.8),
                           ("url-without-password", 0.8)])
        f = {"reference": self.reference, "placeholder": self.placeholder, "documented-example": self.documented, "hash": self.hash,
             "identifier": self.ident, "public-key": self.pubkey, "public-by-design": self.public, "encoded-data": self.encoded,
             "encrypted": self.encrypted, "lockfile": self.lockfile, "takumo-token": self.takumo, "test-value": self.testval,
             "local-default": self.localdefault, "keyword-no-secret": self.harmless, "file-path": self.filepath,
             "url-without-password": self.nourl, "session-adjacent": self.csrf}[cls]
        out = f(sub)
        return out[:4]

    def assign(self, lang):
        """(name, value, cls, sub, disputed, raw): a negative as the right-hand side of an assignment in lang."""
        r = self.r
        k = r.wpick([("reference", 4), ("placeholder", 2.5), ("public", 1.5), ("ident", 1.5), ("hash", 1), ("takumo", 1.2),
                     ("test", 0.8), ("doc", 0.5), ("local", 0.35), ("harmless", 2), ("path", 1), ("nourl", 0.6), ("encrypted", 0.5)])
        name = r.choice(SECRET_NAMES)
        if k == "reference":
            if name.endswith("_URL"):
                name = r.choice(["DB_PASSWORD", "API_KEY", "JWT_SECRET", "STRIPE_SECRET_KEY"])
            subs = [s for s, ls in REF_LANGS.items() if lang in ls]
            if subs:
                sub = r.choice(subs)
                v, c, s, d = self.reference(sub, name=name)
                return name, v, c, s, d, sub in RAW_REFS
            k = "placeholder"
        if k == "placeholder":
            v, c, s, d = self.placeholder()
            if s == "masked-url":
                name = {"p": "DATABASE_URL", "r": "REDIS_URL", "m": "MONGODB_URI" if v.startswith("mongo") else "DATABASE_URL", "a": "BROKER_URL"}[v[0]]
            else:
                for pre, nm in PREFIX_NAMES:
                    if v.startswith(pre):
                        name = nm
                        break
            return name, v, c, s, d, False
        if k == "public":
            v, c, s, d = self.public()
            name = {"stripe-publishable-key": "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "sentry-dsn": "SENTRY_DSN",
                    "recaptcha-site-key": "RECAPTCHA_SITE_KEY", "algolia-search-key": "NEXT_PUBLIC_ALGOLIA_SEARCH_KEY",
                    "posthog-project-key": "NEXT_PUBLIC_POSTHOG_KEY", "mapbox-public-token": "MAPBOX_ACCESS_TOKEN",
                    "supabase-anon-key": "NEXT_PUBLIC_SUPABASE_ANON_KEY", "statsig-client-key": "STATSIG_CLIENT_KEY",
                    "clerk-publishable-key": "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "turnstile-site-key": "TURNSTILE_SITE_KEY",
                    "supabase-publishable-key": "SUPABASE_PUBLISHABLE_KEY"}.get(s)
            if s == "firebase-config":
                if v.endswith("firebaseapp.com"):
                    name = "FIREBASE_AUTH_DOMAIN"
                elif v.endswith("appspot.com"):
                    name = "FIREBASE_STORAGE_BUCKET"
                elif v.startswith("1:"):
                    name = "FIREBASE_APP_ID"
                elif v.startswith("G-"):
                    name = "FIREBASE_MEASUREMENT_ID"
                elif v.isdigit():
                    name = "FIREBASE_MESSAGING_SENDER_ID"
                else:
                    name = "FIREBASE_PROJECT_ID"
            return name, v, c, s, d, False
        if k == "ident":
            sub = r.choice(["uuid", "google-client-id", "openai-object-id", "aws-account-id", "azure-id", "stripe-object-id", "slack-id"])
            v, c, s, d = self.ident(sub)
            name = {"uuid": r.choice(["LINEAR_TEAM_ID", "PROJECT_ID", "WORKSPACE_ID", "INSTANCE_ID"]),
                    "google-client-id": "GOOGLE_CLIENT_ID", "aws-account-id": "AWS_ACCOUNT_ID",
                    "azure-id": r.choice(["AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_SUBSCRIPTION_ID", "ARM_TENANT_ID"]),
                    "stripe-object-id": r.choice(["STRIPE_PRICE_ID", "STRIPE_ACCOUNT_ID", "STRIPE_PRODUCT_ID"]),
                    "slack-id": "SLACK_CHANNEL_ID"}.get(s)
            if s == "openai-object-id":
                name = {"org-": "OPENAI_ORG_ID", "proj": "OPENAI_PROJECT_ID", "asst": "OPENAI_ASSISTANT_ID"}.get(v[:4], "OPENAI_FILE_ID")
            return name, v, c, s, d, False
        if k == "hash":
            sub = r.choice(["git-sha", "docker-digest", "bcrypt", "sha256", "argon2", "pbkdf2"])
            v, c, s, d = self.hash(sub)
            name = {"git-sha": r.choice(["GIT_COMMIT", "SOURCE_VERSION", "BUILD_SHA"]), "docker-digest": "IMAGE_DIGEST",
                    "bcrypt": r.choice(["ADMIN_PASSWORD_HASH", "BASIC_AUTH_HASH", "password_hash"]), "sha256": r.choice(["ARTIFACT_SHA256", "CHECKSUM"]),
                    "argon2": "ADMIN_PASSWORD_HASH", "pbkdf2": "PASSWORD_HASH"}[s]
            return name, v, c, s, d, False
        if k == "takumo":
            v, c, s, d = self.takumo(r.choice(["KEY", "SECRET", "TOKEN", "CONN"]))
            if s == "CONN":
                name = r.choice(["DATABASE_URL", "REDIS_URL"])
            return name, v, c, s, d, False
        if k == "test":
            v, c, s, d = self.testval()
            name = r.choice(["DB_PASSWORD", "password", "ADMIN_PASSWORD", "API_KEY", "TEST_TOKEN", "SECRET_KEY"])
            return name, v, c, s, d, False
        if k == "doc":
            v, c, s, d = self.documented(r.choice(["aws-doc-key-id", "aws-doc-secret", "jwt-io-sample", "azurite-key"]))
            name = {"aws-doc-key-id": "AWS_ACCESS_KEY_ID", "aws-doc-secret": "AWS_SECRET_ACCESS_KEY", "jwt-io-sample": "TEST_JWT",
                    "azurite-key": "AZURITE_ACCOUNT_KEY"}[s]
            return name, v, c, s, d, False
        if k == "local":
            v, c, s, d = self.localdefault()
            if s == "compose-default":
                name = {"postgres": "POSTGRES_PASSWORD", "root": "MYSQL_ROOT_PASSWORD", "guest": "RABBITMQ_DEFAULT_PASS",
                        "minioadmin": "MINIO_ROOT_PASSWORD", "admin": "GF_SECURITY_ADMIN_PASSWORD", "mysql": "MYSQL_PASSWORD",
                        "rabbitmq": "RABBITMQ_DEFAULT_PASS"}[v]
            else:
                name = "DATABASE_URL" if v.startswith(("postgres", "mysql")) else ("BROKER_URL" if v.startswith("amqp") else
                                                                                  ("REDIS_URL" if v.startswith("redis") else "MONGO_URL"))
            return name, v, c, s, d, False
        if k == "harmless":
            v, c, s, d, n = self.harmless()
            return n, v, c, s, d, False
        if k == "path":
            v, c, s, d, n = self.filepath()
            return n, v, c, s, d, False
        if k == "encrypted":
            v, c, s, d = self.encrypted(r.choice(["sops", "kms-ciphertext", "vault-transit"]))
            return name, v, c, s, d, False
        v, c, s, d = self.nourl()
        name = {"postgres": "DATABASE_URL", "postgresql": "DATABASE_URL", "redis": "REDIS_URL", "mongodb": "MONGO_URL", "amqp": "BROKER_URL"}.get(v.split(":")[0])
        if name is None:
            name = "OPENAI_BASE_URL" if "openai" in v else ("ANTHROPIC_BASE_URL" if "anthropic" in v else "KEY_VAULT_URL")
        return name, v, c, s, d, False
