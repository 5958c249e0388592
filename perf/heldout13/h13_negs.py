"""Hard negatives: classes, and generators of values a naive scanner flags but a careful reviewer would not replace."""
import json

from h13_core import (AN, ANL, ANU, B64, B64U, DG, HEX, HEXU, LO, UP, b64, b64u, pick, rbytes, rs, rs_any, uuid4,
                      wrap, domain, org, SERVICES, REGIONS, WORDS, epoch, username, email, luhn_ok)

# class -> disputed?
NEG_CLASSES = {
    "ci-secret-ref": False, "env-ref": False, "secret-manager-ref": False, "template-var": False,
    "encrypted-blob": False, "placeholder": False, "masked-value": False, "file-hash": False, "git-sha": False,
    "sri-hash": False, "bundle-hash": False, "uuid": False, "api-object-id": False, "trace-id": False,
    "base64-data": False, "sourcemap": False, "public-key": False, "certificate": False, "name-only": False,
    "benign-value": False, "file-path": False, "short-or-empty": False, "cloud-identifier": False,
    "public-identifier": False, "url-random-id": False, "takumo-token": False, "minified-code": False,
    "signature": False, "prose": False, "numeric-id": False, "hex-constant": False,
    # disputed: a reasonable reviewer could argue either way (see README)
    "test-vector": True, "password-hash": True, "public-client-key": True, "dev-default": True,
    "doc-placeholder-conn": True, "salt-iv": True, "csrf-state": True,
}


def hx(r, n):
    return rs_any(r, HEX, n)


# ------------------------------------------------------------------ hashes and ids

def sha256(r):
    return hx(r, 64)


def sha1(r):
    return hx(r, 40)


def git_sha(r, short=False):
    return hx(r, r.choice((7, 8, 10, 12)) if short else 40)


def sri(r, alg=None):
    alg = alg or pick(r, ("sha512", "sha512", "sha384", "sha256", "sha1"))
    n = {"sha512": 64, "sha384": 48, "sha256": 32, "sha1": 20}[alg]
    return "%s-%s" % (alg, b64(rbytes(r, n)))


def gosum_h1(r):
    return "h1:" + b64(rbytes(r, 32))


def ulid(r):
    return rs_any(r, "0123456789ABCDEFGHJKMNPQRSTVWXYZ", 26)


def object_id(r):
    return "%08x" % r.randint(0x60000000, 0x68000000) + hx(r, 16)


POOLS = {"app": (7, 8, 9, 10, 11, 14, 15), "stripe": (6, 7, 8, 16), "agent": (1, 2, 3, 4, 5, 12, 13), "any": tuple(range(17))}


def api_object_id(r, pool="any"):
    k = pick(r, POOLS[pool])
    return [
        ("req_" + rs_any(r, AN, 24), "request-id"),
        ("msg_01" + rs_any(r, AN, 22), "anthropic-message-id"),
        ("toolu_01" + rs_any(r, AN, 22), "tool-use-id"),
        ("call_" + rs_any(r, AN, 24), "tool-call-id"),
        ("chatcmpl-" + rs_any(r, AN, 29), "completion-id"),
        ("resp_" + hx(r, 48), "response-id"),
        ("cus_" + rs_any(r, AN, 14), "stripe-customer-id"),
        ("pi_3" + rs_any(r, AN, 23), "stripe-payment-intent"),
        ("evt_1" + rs_any(r, AN, 23), "stripe-event-id"),
        (ulid(r), "ulid"),
        (object_id(r), "mongo-objectid"),
        (str(r.randint(10**17, 10**19)), "snowflake-id"),
        ("fc_" + rs_any(r, AN, 24), "function-call-id"),
        ("run_" + rs_any(r, AN, 24), "run-id"),
        ("ord_" + rs_any(r, AN, 20), "order-id"),
        ("inv_" + rs_any(r, AN, 16), "invoice-id"),
        ("ch_3" + rs_any(r, AN, 23), "stripe-charge-id"),
    ][k]


def trace_id(r):
    k = r.randrange(5)
    return [
        ("00-%s-%s-01" % (hx(r, 32), hx(r, 16)), "traceparent"),
        ("Root=1-%08x-%s" % (epoch(r), hx(r, 24)), "amzn-trace-id"),
        (hx(r, 32), "request-id-hex"),
        (hx(r, 16), "span-id"),
        (rs_any(r, AN, 20) + "==", "cf-ray-like") if False else ("%s-%s" % (hx(r, 16), pick(r, ("FRA", "IAD", "NRT", "LHR", "SJC"))), "cf-ray"),
    ][k]


# ------------------------------------------------------------------ base64 payloads

def png_b64(r, n=None):
    n = n or r.randint(200, 1500)
    return "iVBORw0KGgoAAAANSUhEUgAA" + b64(rbytes(r, n))


def b64_data(r):
    k = r.randrange(5)
    n = r.randint(120, 900)
    return [
        (png_b64(r, n), "png"),
        ("/9j/4AAQSkZJRgABAQAAAQABAAD/" + b64(rbytes(r, n)), "jpeg"),
        ("d09GMgABAAAAA" + b64(rbytes(r, n)), "woff2"),
        ("R0lGODlh" + b64(rbytes(r, n)), "gif"),
        ("PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+" + b64(rbytes(r, n // 3)), "svg"),
    ][k]


VLQ = AN + "+/"


def mappings(r, n=None):
    n = n or r.randint(300, 2000)
    segs = []
    while sum(len(s) + 1 for s in segs) < n:
        seg = "".join(r.choice(VLQ) for _ in range(r.choice((4, 4, 5, 6, 8))))
        segs.append(seg)
        if r.random() < 0.08:
            segs.append(";")
    out = ",".join(segs).replace(",;,", ";")
    return out.strip(",;")


# ------------------------------------------------------------------ public keys and certificates

def ssh_pub(r):
    k = r.randrange(3)
    cmt = "%s@%s" % (username(r), pick(r, ("laptop", "ci", "bastion", "deploy")))
    if k == 0:
        return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(rbytes(r, 33))[1:] + " " + cmt, "ssh-ed25519-pub"
    if k == 1:
        return "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + b64(rbytes(r, 384))[:510] + "= " + cmt, "ssh-rsa-pub"
    return ("ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB" + b64(rbytes(r, 63))[:83] + "= " + cmt,
            "ssh-ecdsa-pub")


def pem_pub(r):
    der = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(r, 256) + bytes.fromhex("0203010001")
    return "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----" % wrap(b64(der))


def pgp_pub(r):
    body = bytes([0x99, 0x01, 0x8D, 0x04]) + rbytes(r, 393)
    return "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----" % (wrap(b64(body)), b64(rbytes(r, 3)))


def cert_der(r, n=None):
    n = n or r.randint(700, 1300)
    return bytes.fromhex("308203%02x308202%02xa0030201020214" % (r.randint(0, 255), r.randint(0, 255))) + rbytes(r, 20) + \
        bytes.fromhex("300d06092a864886f70d01010b0500") + rbytes(r, n)


def pem_cert(r):
    return "-----BEGIN CERTIFICATE-----\n%s\n-----END CERTIFICATE-----" % wrap(b64(cert_der(r)))


def fingerprint(r):
    return pick(r, ("SHA256:" + b64(rbytes(r, 32)).rstrip("="), ":".join(hx(r, 2) for _ in range(16)),
                    ":".join(hx(r, 2).upper() for _ in range(32))))


# ------------------------------------------------------------------ references, placeholders, masks

def env_ref_expr(r, lang, name):
    N = name
    opts = {
        "python": ['os.environ["%s"]' % N, 'os.getenv("%s")' % N, "os.environ.get('%s')" % N, 'env("%s")' % N, 'config("%s")' % N],
        "javascript": ["process.env.%s" % N, "process.env['%s']" % N, "import.meta.env.VITE_%s" % N],
        "typescript": ["process.env.%s!" % N, "process.env.%s ?? ''" % N, "Deno.env.get(\"%s\")" % N, "Bun.env.%s" % N],
        "java": ['System.getenv("%s")' % N, 'env.getProperty("%s")' % N.lower().replace("_", ".")],
        "kotlin": ['System.getenv("%s")' % N, 'System.getenv("%s") ?: error("%s missing")' % (N, N)],
        "scala": ['sys.env("%s")' % N, 'sys.env.getOrElse("%s", "")' % N],
        "go": ['os.Getenv("%s")' % N, 'viper.GetString("%s")' % N.lower()],
        "rust": ['std::env::var("%s")?' % N, 'env::var("%s").expect("%s must be set")' % (N, N), 'env!("%s")' % N],
        "ruby": ['ENV["%s"]' % N, "ENV.fetch('%s')" % N, "Rails.application.credentials.dig(:%s)" % N.lower()],
        "php": ["getenv('%s')" % N, "$_ENV['%s']" % N, "env('%s')" % N],
        "csharp": ['Environment.GetEnvironmentVariable("%s")' % N, 'configuration["%s"]' % N.replace("_", ":")],
        "swift": ['ProcessInfo.processInfo.environment["%s"]' % N],
        "cpp": ['std::getenv("%s")' % N], "c": ['getenv("%s")' % N],
        "shell": ['"${%s}"' % N, '"$%s"' % N, '${%s:?missing}' % N],
        "powershell": ["$env:%s" % N],
        "perl": ["$ENV{%s}" % N, "$ENV{'%s'}" % N],
        "lua": ['os.getenv("%s")' % N],
        "elixir": ['System.get_env("%s")' % N, 'System.fetch_env!("%s")' % N],
        "dart": ["Platform.environment['%s']" % N, "const String.fromEnvironment('%s')" % N],
        "r": ['Sys.getenv("%s")' % N],
        "groovy": ["System.getenv('%s')" % N, "env.%s" % N],
        "objc": ['[[[NSProcessInfo processInfo] environment] objectForKey:@"%s"]' % N],
        "haskell": ['getEnv "%s"' % N], "clojure": ['(System/getenv "%s")' % N],
        "hcl": ["var.%s" % N.lower()],
    }
    return pick(r, opts.get(lang, ["${%s}" % N]))


def str_env_ref(r, name):
    return pick(r, ("${%s}" % name, "${%s}" % name, "$%s" % name, "${%s:-}" % name, "${%s:?required}" % name, "%%%s%%" % name,
                    "${env:%s}" % name, "{env:%s}" % name, "$(%s)" % name if False else "${%s}" % name))


def ci_ref(r, system, name):
    return {
        "github": "${{ secrets.%s }}" % name, "gitlab": pick(r, ("$%s" % name, "${%s}" % name)),
        "circleci": pick(r, ("${%s}" % name, "$%s" % name)), "azure": "$(%s)" % name.replace("_", "."),
        "bitbucket": "$%s" % name, "buildkite": "$${%s}" % name if False else "$%s" % name,
        "jenkins": "${env.%s}" % name, "drone": "${%s}" % name, "travis": "$%s" % name,
        "concourse": "((%s))" % name.lower().replace("_", "-"),
    }[system]


def secret_manager_ref(r, name=None):
    n = (name or pick(r, ("db-password", "api-key", "stripe-secret", "jwt-signing-key"))).lower().replace("_", "-")
    svc = pick(r, SERVICES)
    acct = str(r.randint(10**11, 10**12 - 1))
    k = r.randrange(14)
    return [
        ("vault:secret/data/%s/%s#%s" % (pick(r, ("prod", "staging")), svc, n.replace("-", "_")), "vault"),
        ("arn:aws:secretsmanager:%s:%s:secret:%s/%s-%s" % (pick(r, REGIONS), acct, svc, n, rs_any(r, AN, 6)), "aws-secretsmanager-arn"),
        ("{{resolve:secretsmanager:%s/%s:SecretString:%s}}" % (svc, n, pick(r, ("password", "api_key", "token"))), "cfn-resolve"),
        ("{{resolve:ssm-secure:/%s/%s/%s:%d}}" % (pick(r, ("prod", "stage")), svc, n, r.randint(1, 9)), "cfn-ssm-secure"),
        ("@Microsoft.KeyVault(SecretUri=https://%s-kv.vault.azure.net/secrets/%s/)" % (org(r), n), "azure-keyvault"),
        ("op://%s/%s/%s" % (pick(r, ("Engineering", "Private", "Infra", "Shared")), n, pick(r, ("credential", "password", "token"))), "1password"),
        ("projects/%s/secrets/%s/versions/latest" % (org(r) + "-" + pick(r, ("prod", "core")), n), "gcp-secret-manager"),
        ("sm://%s-prod/%s" % (org(r), n), "gcp-sm-uri"),
        ("ref+vault://secret/%s#/%s" % (svc, n), "vals"),
        ("${ssm:/%s/%s/%s}" % (pick(r, ("prod", "dev")), svc, n), "serverless-ssm"),
        ("${vault:secret/%s/%s}" % (svc, n), "vault-interp"),
        ("akv://%s-kv/%s" % (org(r), n), "akv-uri"),
        ("awssm://%s/%s" % (svc, n), "awssm-uri"),
        ("arn:aws:ssm:%s:%s:parameter/%s/%s" % (pick(r, REGIONS), acct, svc, n), "ssm-parameter-arn"),
    ][k]


PLACEHOLDERS = ["changeme", "change-me", "CHANGE_ME", "your_api_key_here", "your-secret-here", "YOUR_TOKEN_HERE",
                "<token>", "<YOUR_API_KEY>", "<your-password>", "<secret>", "<insert-key-here>", "xxxxxxxxxxxxxxxx",
                "XXXXXXXXXXXXXXXXXXXX", "xxx", "***", "********", "REDACTED", "[REDACTED]", "<redacted>", "dummy",
                "dummy-token", "example", "example-key", "test", "test-token", "TODO", "replace-me", "REPLACE_ME",
                "PLACEHOLDER", "fill-me-in", "not-a-real-key", "sk-...", "sk-xxxxxxxxxxxxxxxxxxxxxxxx", "...", "<KEY>",
                "your-api-key", "insert_your_key", "__REPLACE__", "secret-goes-here", "<password>", "FIXME",
                "put-your-token-here", "00000000-0000-0000-0000-000000000000", "abc123", "foobar", "my-secret",
                "mysecret", "s3cr3t-placeholder", "<YOUR-CLIENT-SECRET>", "[your key]", "{your-token}"]

SHAPED_PLACEHOLDERS = ["AKIAXXXXXXXXXXXXXXXX", "AKIA****************", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                       "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                       "sk-proj-XXXXXXXXXXXXXXXXXXXXXXXX", "sk-ant-api03-xxxxxxxxxxxxxxxxxxxx", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx",
                       "glpat-xxxxxxxxxxxxxxxxxxxx", "AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                       "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                       "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "tk_live_<64 hex>", "sk-ant-...", "dop_v1_<token>",
                       "eyJhbGciOi...", "postgres://USER:PASSWORD@HOST:5432/DB", "https://hooks.slack.com/services/T000/B000/XXXX"]


def placeholder(r, shaped=None):
    if shaped or (shaped is None and r.random() < 0.3):
        return pick(r, SHAPED_PLACEHOLDERS), "shaped"
    return pick(r, PLACEHOLDERS), "generic"


def masked(r):
    k = r.randrange(9)
    return [
        ("sk-proj-" + "*" * r.randint(8, 20) + rs_any(r, AN, 4), "prefix-stars-last4"),
        ("AKIA" + "*" * 12 + rs_any(r, ANU, 4), "aws-masked"),
        ("ghp_" + "*" * 32 + rs_any(r, AN, 4), "github-masked"),
        ("*" * r.randint(3, 12), "stars"),
        ("\u2022" * r.randint(6, 12), "bullets"),
        ("[MASKED]", "ci-mask"),
        ("[FILTERED]", "rails-filter"),
        (rs_any(r, AN, 4) + "..." + rs_any(r, AN, 4), "head-tail"),
        ("sk_live_" + "\u2026" + rs_any(r, AN, 4), "ellipsis"),
    ][k]


def takumo_token(r):
    return "__TAKUMO_v1_%s_%s__" % (pick(r, ("KEY", "KEY", "SECRET", "CONN", "TOKEN", "PASSWORD")), hx(r, 8))


def template_var(r, name, flavor=None):
    n = name.lower()
    k = flavor or pick(r, ("helm", "jinja", "erb", "hcl", "cfn", "mustache", "gotmpl", "postman", "tekton", "argo", "octopus",
                           "python-fmt", "github-input", "dollar-brace"))
    return {
        "helm": "{{ .Values.%s }}" % ".".join(n.split("_")[-2:]),
        "jinja": "{{ %s }}" % ("vault_" + n),
        "erb": "<%%= ENV['%s'] %%>" % name,
        "hcl": "${var.%s}" % n,
        "cfn": "!Ref %s" % "".join(w.capitalize() for w in n.split("_")),
        "mustache": "{{%s}}" % n,
        "gotmpl": "{{ .Env.%s }}" % name,
        "postman": "{{%s}}" % "".join(w.capitalize() if i else w for i, w in enumerate(n.split("_"))),
        "tekton": "$(params.%s)" % n.replace("_", "-"),
        "argo": "{{workflow.parameters.%s}}" % n.replace("_", "-"),
        "octopus": "#{%s}" % "".join(w.capitalize() for w in n.split("_")),
        "python-fmt": "%%(%s)s" % n,
        "github-input": "${{ inputs.%s }}" % n.replace("_", "-"),
        "dollar-brace": "${%s}" % n,
    }[k], k


def encrypted_value(r):
    k = r.randrange(8)
    if k == 0:
        return ("ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(r, r.randint(12, 40))), b64(rbytes(r, 32)), b64(rbytes(r, 16))), "sops")
    if k == 1:
        return ("ENC(%s)" % b64(rbytes(r, r.choice((32, 48)))), "jasypt")
    if k == 2:
        return ("AgB" + b64(rbytes(r, r.randint(500, 700))).rstrip("="), "sealed-secret")
    if k == 3:
        return ("AQICAHi" + b64(rbytes(r, r.randint(160, 220))), "kms-ciphertext")
    if k == 4:
        return ("vault:v1:" + b64(rbytes(r, r.randint(30, 60))), "vault-transit")
    if k == 5:
        return ("{" + b64(rbytes(r, 33)) + "}", "maven-encrypted")
    if k == 6:
        return ("gAAAAAB" + b64u(rbytes(r, r.randint(80, 120))) + "==", "fernet-ciphertext")
    return ("%s--%s--%s==" % (b64(rbytes(r, 30)), b64(rbytes(r, 9)).rstrip("="), b64(rbytes(r, 16)).rstrip("=")), "rails-credentials-enc")


def ansible_vault_block(r, indent="          "):
    n = r.randint(5, 12)
    lines = [indent + hx(r, 80) for _ in range(n)]
    lines[-1] = lines[-1][:len(indent) + r.randint(10, 80)]
    return "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(lines)


def pgp_message(r):
    body = bytes([0x85, 0x02, 0x0C, 0x03]) + rbytes(r, r.randint(300, 600))
    return "-----BEGIN PGP MESSAGE-----\n\n%s\n=%s\n-----END PGP MESSAGE-----" % (wrap(b64(body)), b64(rbytes(r, 3)))


def file_path(r, name=""):
    n = name.lower().replace("_", "-") or "secret"
    return pick(r, ("/run/secrets/%s" % n, "/etc/ssl/private/%s.key" % pick(r, SERVICES), "~/.ssh/id_ed25519",
                    "./certs/tls.key", "C:\\Users\\%s\\.aws\\credentials" % username(r).split(".")[0],
                    "/var/lib/%s/keys/jwt-private.pem" % pick(r, SERVICES), "secrets/%s.txt" % n,
                    "/etc/%s/%s" % (pick(r, SERVICES), n), "/vault/secrets/%s" % n, "/mnt/secrets-store/%s" % n,
                    "config/master.key", "~/.config/gcloud/application_default_credentials.json",
                    "/opt/%s/conf/keystore.p12" % pick(r, SERVICES), "/home/%s/.netrc" % username(r).split(".")[0])), "path"


def short_or_empty(r):
    return pick(r, ('""', "''", "null", "~", "None", "nil", "-", "0", "x", "NA")), "short"


def cloud_id(r):
    acct = str(r.randint(10**11, 10**12 - 1))
    k = r.randrange(11)
    return [
        (acct, "aws-account-id"),
        ("arn:aws:iam::%s:role/%s-%s" % (acct, pick(r, SERVICES), pick(r, ("deployer", "reader", "lambda-exec", "ci"))), "aws-role-arn"),
        ("sg-0" + hx(r, 16), "security-group"), ("vpc-0" + hx(r, 16), "vpc"), ("subnet-0" + hx(r, 16), "subnet"),
        ("i-0" + hx(r, 16), "ec2-instance"), ("ami-0" + hx(r, 16), "ami"),
        ("arn:aws:kms:%s:%s:key/%s" % (pick(r, REGIONS), acct, uuid4(r)), "kms-key-arn"),
        ("/subscriptions/%s/resourceGroups/rg-%s/providers/Microsoft.Web/sites/%s" % (uuid4(r), pick(r, SERVICES), pick(r, SERVICES)), "azure-resource-id"),
        ("%s-%s-%d" % (org(r), pick(r, ("prod", "core", "data")), r.randint(100000, 999999)), "gcp-project-id"),
        ("E" + rs_any(r, ANU, 13), "cloudfront-distribution"),
    ][k]


def public_id(r):
    k = r.randrange(10)
    return [
        ("%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs_any(r, ANL, 32)), "google-oauth-client-id"),
        ("Iv1." + hx(r, 16), "github-app-client-id"),
        ("Ov23li" + rs_any(r, AN, 14), "github-oauth-client-id"),
        ("1:%d:%s:%s" % (r.randint(10**11, 10**12), pick(r, ("android", "ios", "web")), hx(r, 16 if r.random() < 0.5 else 22)), "firebase-app-id"),
        ("G-" + rs_any(r, ANU, 10), "ga-measurement-id"),
        (str(r.randint(10**14, 10**15)), "facebook-app-id"),
        (rs_any(r, ANU, 10), "apple-team-id"),
        ("0oa" + rs_any(r, AN, 17), "okta-client-id"),
        (uuid4(r), "azure-app-client-id"),
        ("6L" + rs_any(r, B64U, 6) + "AAAAA" + rs_any(r, B64U, 27), "recaptcha-site-key"),
    ][k]


def url_random_id(r):
    k = r.randrange(8)
    return [
        ("https://docs.google.com/document/d/%s/edit" % rs_any(r, B64U, 44), "gdocs"),
        ("https://www.youtube.com/watch?v=%s" % rs_any(r, B64U, 11), "youtube"),
        ("https://gist.github.com/%s/%s" % (username(r).replace(".", ""), hx(r, 32)), "gist"),
        ("https://www.figma.com/file/%s/%s" % (rs_any(r, AN, 22), pick(r, SERVICES).capitalize()), "figma"),
        ("https://www.notion.so/%s/%s-%s" % (org(r), pick(r, WORDS).capitalize(), hx(r, 32)), "notion"),
        ("https://cdn.%s/assets/%s/%s.woff2" % (domain(r), hx(r, 20), pick(r, WORDS)), "cdn-hash"),
        ("https://drive.google.com/file/d/1%s/view" % rs_any(r, B64U, 32), "gdrive"),
        ("https://app.%s/r/%s" % (domain(r), rs_any(r, AN, 12)), "short-link"),
    ][k]


def signature(r):
    k = r.randrange(6)
    return [
        ("sha256=" + hx(r, 64), "github-hub-signature"),
        ("t=%d,v1=%s" % (epoch(r), hx(r, 64)), "stripe-signature"),
        ("v0=" + hx(r, 64), "slack-signature"),
        (b64(rbytes(r, 64)), "ed25519-signature-b64"),
        (hx(r, 64), "hmac-hex-digest"),
        ("keyId=\"%s\",algorithm=\"rsa-sha256\",signature=\"%s\"" % (pick(r, SERVICES), b64(rbytes(r, 256))), "http-signature"),
    ][k]


PROSE = [
    "Rotate the API key every 90 days and never commit it.",
    "The password must contain at least 12 characters, one digit and one symbol.",
    "Tokens are stored in Vault under secret/data/payments and injected at deploy time.",
    "If the refresh token expires, the client has to log in again.",
    "Use a personal access token with the repo scope instead of your password.",
    "The secret key is generated on first start and kept in the state directory.",
    "Never log the Authorization header; the middleware strips it before logging.",
    "Each tenant has its own encryption key, wrapped by the KMS master key.",
    "Set the token through the environment, not the config file.",
    "Credentials are read from the default AWS provider chain.",
    "API keys can be revoked from the dashboard under Settings > API.",
    "The webhook secret is shown only once when the endpoint is created.",
    "Passwords are hashed with argon2id before they are stored.",
    "Ask #sec-ops for a new token if yours has leaked.",
    "Session tokens expire after 15 minutes of inactivity.",
]


def prose(r):
    return pick(r, PROSE), "sentence"


def numeric_id(r):
    k = r.randrange(6)
    if k == 0:
        return str(epoch(r) * 1000 + r.randint(0, 999)), "epoch-ms"
    if k == 1:
        return pick(r, ("4242424242424242", "4000056655665556", "5555555555554444", "378282246310005", "4000000000000002")), "stripe-test-card"
    if k == 2:
        return "%d%09d" % (r.randint(1, 9), r.randint(0, 10**9 - 1)), "order-number"
    if k == 3:
        return str(r.randint(10**15, 10**16)), "long-numeric-id"
    if k == 4:
        return "+1%d" % r.randint(2000000000, 9999999999), "phone"
    return str(epoch(r)), "epoch"


def hex_constant(r):
    k = r.randrange(5)
    return [
        ("0x%016x" % r.randint(0x00007f0000000000, 0x00007fffffffffff), "memory-address"),
        ("#%s" % hx(r, 6), "css-color"),
        ("0x%08X" % r.randint(0, 0xFFFFFFFF), "magic-number"),
        (" ".join(hx(r, 2) for _ in range(16)), "hex-dump"),
        ("0x" + hx(r, 40), "eth-address"),
    ][k]


TEST_VECTORS = [
    ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "rfc4231-hmac-key"),
    ("000102030405060708090a0b0c0d0e0f", "aes-128-test-key"),
    ("2b7e151628aed2a6abf7158809cf4f3c", "nist-sp800-38a-key"),
    ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "chacha20-test-key"),
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "rfc8032-ed25519-secret"),
    ("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", "nist-aes-256-key"),
    ("4a656665", "rfc4231-case2-key"),
    ("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c", "rfc4231-case5-key"),
    ("c5e2ac9b0f7e4a1b7f8e0e3a6f21bf58", "kat-derived-key"),
]


def test_vector(r):
    return pick(r, TEST_VECTORS)


BC = "./" + UP + LO + DG


def password_hash(r):
    k = r.randrange(8)
    return [
        ("$2b$%d$%s" % (r.choice((10, 12)), rs_any(r, BC, 53)), "bcrypt"),
        ("$2y$10$" + rs_any(r, BC, 53), "bcrypt-php"),
        ("$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (b64(rbytes(r, 16)).rstrip("="), b64(rbytes(r, 32)).rstrip("=")), "argon2id"),
        ("pbkdf2_sha256$%d$%s$%s" % (r.choice((600000, 720000, 870000)), rs_any(r, AN, 22), b64(rbytes(r, 32))), "django-pbkdf2"),
        ("$6$%s$%s" % (rs_any(r, BC, 16), rs_any(r, BC, 86)), "sha512-crypt"),
        ("$apr1$%s$%s" % (rs_any(r, BC, 8), rs_any(r, BC, 22)), "apache-md5"),
        ("md5" + hx(r, 32), "postgres-md5"),
        ("SCRAM-SHA-256$4096:%s$%s:%s" % (b64(rbytes(r, 16)), b64(rbytes(r, 32)), b64(rbytes(r, 32))), "scram-sha-256"),
    ][k]


def public_client_key(r):
    k = r.randrange(8)
    return [
        ("https://%s@o%d.ingest.%ssentry.io/%d" % (hx(r, 32), r.randint(100000, 4999999), pick(r, ("", "us.", "de.")), r.randint(1000000, 9999999)), "sentry-dsn"),
        ("pk." + b64u(json.dumps({"u": username(r).replace(".", ""), "a": rs_any(r, ANL, 25)}, separators=(",", ":")).encode()) + "." + rs_any(r, B64U, 22), "mapbox-public-token"),
        (hx(r, 32), "algolia-search-only-key"),
        ("phc_" + rs_any(r, AN, 43), "posthog-project-key"),
        ("client-" + rs_any(r, AN, 43), "statsig-client-key"),
        ("InstrumentationKey=%s;IngestionEndpoint=https://%s-0.in.applicationinsights.azure.com/" % (uuid4(r), pick(r, ("westeurope", "eastus", "northeurope"))), "app-insights"),
        (rs_any(r, AN, 32), "segment-write-key"),
        (hx(r, 32), "facebook-client-token"),
    ][k]


DEV_DEFAULTS = ["postgres", "root", "admin", "guest", "password", "secret", "mysql", "rabbitmq", "mysecretpassword",
                "pass", "dev", "local", "redis", "minioadmin", "elastic", "keycloak", "sa_password"]


def dev_default(r):
    return pick(r, DEV_DEFAULTS), "well-known-default"


def doc_conn(r):
    return pick(r, ("postgres://user:password@localhost:5432/mydb", "postgresql://postgres:postgres@localhost:5432/postgres",
                    "mongodb://username:password@localhost:27017/?authSource=admin", "redis://:password@localhost:6379/0",
                    "amqp://guest:guest@localhost:5672/", "mysql://root:root@127.0.0.1:3306/app",
                    "postgresql://USER:PASS@HOST/DBNAME", "mysql://user:pass@localhost/db_name",
                    "mongodb+srv://<username>:<password>@cluster0.mongodb.net/", "https://user:pass@localhost:8080/")), "localhost-conn"


def salt_iv(r):
    k = r.randrange(4)
    return [(hx(r, 32), "salt-hex"), (b64(rbytes(r, 16)), "iv-b64"), (hx(r, 24), "nonce-hex"), (b64(rbytes(r, 16)).rstrip("="), "salt-b64")][k]


def csrf(r):
    k = r.randrange(3)
    return [(rs_any(r, AN, 64), "django-csrf"), (b64u(rbytes(r, 32)), "rails-authenticity"), (rs_any(r, AN, 32), "oauth-state")][k]


# ------------------------------------------------------------------ name-only / benign pairs (NAME, value, class, sub)

NAME_ONLY = [
    ("PASSWORD_MIN_LENGTH", "12"), ("PASSWORD_MAX_AGE_DAYS", "90"), ("PASSWORD_HISTORY_COUNT", "5"),
    ("TOKEN_TTL_SECONDS", "3600"), ("ACCESS_TOKEN_EXPIRE_MINUTES", "30"), ("REFRESH_TOKEN_TTL", "2592000"),
    ("MAX_TOKENS", "4096"), ("MAX_OUTPUT_TOKENS", "8192"), ("TOKEN_BUDGET", "200000"), ("KEY_ROTATION_DAYS", "90"),
    ("API_KEY_LENGTH", "32"), ("SECRET_CACHE_TTL", "300"), ("ENABLE_PASSWORD_LOGIN", "true"), ("AUTH_ENABLED", "false"),
    ("REQUIRE_API_KEY", "true"), ("PASSWORD_RESET_ENABLED", "true"), ("BCRYPT_ROUNDS", "12"), ("KEY_SIZE", "2048"),
    ("TOKEN_LEEWAY_SECONDS", "30"), ("SECRETS_SYNC_INTERVAL", "60s"), ("CREDENTIALS_REFRESH_MINUTES", "15"),
    ("AUTH_RETRY_LIMIT", "5"), ("PASSWORD_REQUIRE_SYMBOL", "yes"), ("MIN_PASSWORD_STRENGTH", "3"),
    ("PROMPT_TOKEN_LIMIT", "120000"), ("TOKENIZER_VOCAB_SIZE", "50257"), ("CACHE_KEY_VERSION", "v3"),
]
BENIGN = [
    ("TOKEN_URL", "https://oauth2.googleapis.com/token"), ("AUTH_URL", "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"),
    ("PASSWORD_RESET_URL", "https://app.%s/account/reset"), ("TOKEN_ENDPOINT", "https://auth.%s/oauth/token"),
    ("API_KEY_HEADER", "X-API-Key"), ("AUTH_HEADER_NAME", "Authorization"), ("TOKEN_TYPE", "Bearer"),
    ("JWT_ALGORITHM", "RS256"), ("PASSWORD_HASHER", "argon2id"), ("AUTH_PROVIDER", "oidc"), ("SECRET_BACKEND", "vault"),
    ("SECRET_NAME", "prod/payments/db-credentials"), ("CREDENTIALS_PROVIDER", "default-chain"), ("TOKEN_AUDIENCE", "api://default"),
    ("AUTH_MODE", "oauth2"), ("KEY_VAULT_NAME", "kv-payments-prod"), ("SECRET_MOUNT_PATH", "secret"), ("AUTH_SCHEME", "Basic"),
    ("TOKEN_ISSUER", "https://token.actions.githubusercontent.com"), ("CACHE_KEY_PREFIX", "app:sess:"),
    ("PASSWORD_POLICY", "strict"), ("API_KEY_PREFIX", "sk_live_"), ("SECRETS_MANAGER_REGION", "eu-west-1"),
    ("AUTH_COOKIE_NAME", "__Host-session"), ("TOKEN_HEADER", "X-Auth-Token"), ("SIGNING_ALGORITHM", "HS256"),
    ("ENCRYPTION_ALGORITHM", "AES-256-GCM"), ("KMS_KEY_ALIAS", "alias/payments-prod"), ("PASSWORD_FIELD", "password"),
]


def name_only(r):
    n, v = pick(r, NAME_ONLY)
    return n, v, "name-only", "setting"


def benign(r):
    n, v = pick(r, BENIGN)
    if "%s" in v:
        v = v % domain(r)
    return n, v, "benign-value", n.split("_")[0].lower()
