#!/usr/bin/env python3
"""Held-out secret-scanner corpus #11: agent traffic + repositories, byte-exact labels.

usage: gen.py --seed 11011 --files 1000 --out OUT

Writes OUT/tree/**, OUT/labels.jsonl, OUT/negatives.jsonl, OUT/stats.json, then runs selfcheck.py.
Standard library only; deterministic for a given seed and file count.

Values are marked while text is built: \ue000<id>\ue001VALUE\ue002. The markers survive json.dumps
(ensure_ascii=False; with ensure_ascii=True they become \\ue000 and are folded back), so a value that
ends up inside a JSON string (or JSON inside a JSON string) is labelled in its escaped form. The markers
are stripped when the file is written and the byte offsets are taken then.
"""
import argparse
import base64
import binascii
import collections
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zlib
import random as _random

M0, M1, M2 = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile("\ue000(\\d+)\ue001(.*?)\ue002", re.S)
ESC_MARK_RE = re.compile(r"\\+u(e00[012])")

R = _random.Random(0)  # reseeded in main

CH = {
    "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "A": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "l": "abcdefghijklmnopqrstuvwxyz0123456789",
    "L": "abcdefghijklmnopqrstuvwxyz",
    "U": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "h": "0123456789abcdef",
    "H": "0123456789ABCDEF",
    "d": "0123456789",
    "b": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    "u": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
    "B": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "c": "abcdefghijklmnopqrstuvwxyz234567",
    "x": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.-",
    "p": "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%^&*-_=+.?~",
    "s": "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.~",
    "5": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    "m": "qpzry9x8gf2tvdw0s3jn54khce6mua7l",
}
BAD = re.compile(r"example|test|xxx|fake|dummy|sample|placeholder|changeme|redact|secret|passw|token|your|demo|todo|0000|aaaa|1234|abcd", re.I)


def rnd(cls, n):
    al = CH[cls]
    while True:
        s = "".join(R.choice(al) for _ in range(n))
        if not BAD.search(s):
            return s


TPL = re.compile(r"\{([a-zA-Z5]):(\d+)(?:-(\d+))?\}")


def T(spec):
    """'sk_live_{a:24}' -> random value; {c:N-M} random length; {uuid}."""
    spec = spec.replace("{uuid}", "\x00U\x00")
    out = TPL.sub(lambda m: rnd(m.group(1), int(m.group(2)) if not m.group(3) else R.randint(int(m.group(2)), int(m.group(3)))), spec)
    while "\x00U\x00" in out:
        out = out.replace("\x00U\x00", uuid4(), 1)
    return out


def uuid4():
    h = rnd("h", 32)
    return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], R.choice("89ab"), h[17:20], h[20:32])


def pick(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def b64(s, url=False, pad=True):
    if isinstance(s, str):
        s = s.encode()
    o = base64.urlsafe_b64encode(s).decode() if url else base64.b64encode(s).decode()
    return o if pad else o.rstrip("=")


def rbytes(n):
    return bytes(R.getrandbits(8) for _ in range(n))


def b62(n, width):
    al = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = al[r] + s
    return s.rjust(width, "0")


# ---------------------------------------------------------------- registry of marks

class Reg:
    def __init__(self):
        self.meta = {}
        self.n = 0

    def add(self, meta):
        self.n += 1
        self.meta[self.n] = meta
        return self.n


REG = Reg()


def mark(meta, value):
    assert M0 not in value and M2 not in value, value
    i = REG.add(meta)
    return "%s%d%s%s%s" % (M0, i, M1, value, M2)


def S_(fmt, fam, value):
    return mark(("S", fmt, fam), value)


def N(cls, sub, value, disputed=False):
    return mark(("N", cls, sub, bool(disputed)), value)


def unmark(s):
    return MARK_RE.sub(lambda m: m.group(2), s)


def jd(obj, indent=None, ascii_=False, sep=None):
    return json.dumps(obj, indent=indent, ensure_ascii=ascii_, separators=sep)


# ---------------------------------------------------------------- value generators

def gh_token(prefix):
    body = rnd("a", 30)
    return prefix + body + b62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


def gh_fine():
    return "github_pat_" + rnd("a", 22) + "_" + rnd("a", 59)


def jwt(payload=None, alg="HS256", sig_len=None, typ=True):
    now = R.randint(1_700_000_000, 1_790_000_000)
    if payload is None:
        payload = pick([
            {"sub": str(R.randint(10000, 99999999)), "name": pick(["Ana Souza", "Kenji Sato", "Lena Novak", "Omar Haddad"]), "iat": now, "exp": now + 3600},
            {"iss": "https://auth.%s.io/" % pick(["orbit", "lumen", "kestrel", "pallas"]), "sub": "auth0|" + rnd("h", 24), "aud": "https://api.kestrel.io", "iat": now, "exp": now + 86400, "scope": "read:orders write:orders"},
            {"user_id": R.randint(1, 99999), "role": pick(["admin", "user", "ops"]), "iat": now, "exp": now + 900, "jti": uuid4()},
            {"aud": "api://" + uuid4(), "iss": "https://sts.windows.net/%s/" % uuid4(), "iat": now, "nbf": now, "exp": now + 4000, "appid": uuid4(), "oid": uuid4(), "tid": uuid4(), "ver": "1.0"},
        ])
    hdr = {"alg": alg, "typ": "JWT"} if typ else {"alg": alg}
    if chance(0.3):
        hdr["kid"] = rnd("u", 22)
    h = b64(jd(hdr, sep=(",", ":")), url=True, pad=False)
    p = b64(jd(payload, sep=(",", ":")), url=True, pad=False)
    if sig_len is None:
        sig_len = 43 if alg.startswith("HS") else (86 if alg.startswith("ES") else 342)
    return "%s.%s.%s" % (h, p, rnd("u", sig_len))


def supabase_jwt(role):
    now = R.randint(1_650_000_000, 1_750_000_000)
    return jwt({"iss": "supabase", "ref": rnd("L", 20), "role": role, "iat": now, "exp": now + 315360000}, typ=True)


DER = {
    "RSA PRIVATE KEY": (bytes.fromhex("308204a40201000282010100"), 1180),
    "PRIVATE KEY": (bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100"), 1170),
    "EC PRIVATE KEY": (bytes.fromhex("307702010104"), 0),
    "DSA PRIVATE KEY": (bytes.fromhex("308201bb02010002818100"), 430),
    "ENCRYPTED PRIVATE KEY": (bytes.fromhex("308205263058"+"06092a864886f70d01050d304b302a06092a864886f70d01050c301d0408"), 1250),
}


def pem_body(kind, wrap=64):
    if kind == "EC PRIVATE KEY":
        raw = bytes.fromhex("30770201010420") + rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rbytes(64)
    elif kind == "OPENSSH PRIVATE KEY":
        raw = b"openssh-key-v1\x00\x00\x00\x00\x04none\x00\x00\x00\x04none\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x003\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + rbytes(250)
        wrap = 70
    else:
        pre, n = DER[kind]
        raw = pre + rbytes(n)
    s = b64(raw)
    return "\n".join(s[i:i + wrap] for i in range(0, len(s), wrap))


def pem(kind="RSA PRIVATE KEY", eol="\n"):
    if kind == "RSA ENCRYPTED":
        body = "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,%s\n\n%s" % (rnd("H", 32), pem_body("RSA PRIVATE KEY"))
        kind = "RSA PRIVATE KEY"
    elif kind == "PGP PRIVATE KEY BLOCK":
        s = b64(b"\x95\x05\x86\x04" + rbytes(900))
        body = "\n".join(s[i:i + 64] for i in range(0, len(s), 64)) + "\n=" + b64(rbytes(3))
        body = "Comment: " + pick(["GPGTools - https://gpgtools.org", "deploy signing key", "release@orbitlabs.dev"]) + "\n\n" + body
    else:
        body = pem_body(kind)
    t = "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, body, kind)
    return t.replace("\n", eol)


def pub_pem(kind="PUBLIC KEY"):
    if kind == "CERTIFICATE":
        raw = bytes.fromhex("308203") + rbytes(2) + bytes.fromhex("308202") + rbytes(800)
    else:
        raw = bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(262)
    s = b64(raw)
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(s[i:i + 64] for i in range(0, len(s), 64)), kind)


def ssh_pub(kind=None):
    kind = kind or pick(["ed25519", "rsa", "ecdsa"])
    if kind == "ed25519":
        return "ssh-ed25519 " + b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + rbytes(32))
    if kind == "rsa":
        return "ssh-rsa " + b64(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x81\x00" + rbytes(384))
    return "ecdsa-sha2-nistp256 " + b64(b"\x00\x00\x00\x13ecdsa-sha2-nistp256\x00\x00\x00\x08nistp256\x00\x00\x00A\x04" + rbytes(64))


def putty():
    pub = b64(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + rbytes(32))
    priv = b64(b"\x00\x00\x00 " + rbytes(32))
    return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: %s\nPublic-Lines: 2\n%s\n%s\nPrivate-Lines: 1\n%s\nPrivate-MAC: %s"
            % (pick(["ed25519-key-20240311", "deploy@bastion", "jenkins-agent"]), pub[:64], pub[64:], priv, rnd("h", 64)))


def openvpn_static():
    lines = [rnd("h", 32) for _ in range(16)]
    return "-----BEGIN OpenVPN Static key V1-----\n%s\n-----END OpenVPN Static key V1-----" % "\n".join(lines)


def aws_session():
    return pick(["IQoJb3JpZ2luX2VjE", "FwoGZXIvYXdzE", "IQoJb3JpZ2luX2VjEP"]) + rnd("b", R.choice([340, 380, 420, 600])) + pick(["", "=", "=="])


def discord_bot():
    uid = str(R.randint(10**17, 10**18 * 2))
    return b64(uid, pad=False) + "." + rnd("u", 6) + "." + rnd("u", 38)


def telegram():
    return "%d:AA%s" % (R.randint(10**9, 8 * 10**9), rnd("u", 33))


def slack_hook():
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rnd("A", 8), rnd("A", R.choice([8, 10])), rnd("a", 24))


def teams_hook():
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
        pick(["contoso", "orbitlabs", "fabrikamhq"]), uuid4(), uuid4(), rnd("h", 32), uuid4()) + pick(["", "/V2" + rnd("u", 40)])


def gchat_hook():
    return "https://chat.googleapis.com/v1/spaces/%s/messages?key=AIzaSy%s&token=%s%%3D" % (rnd("u", 11), rnd("u", 33), rnd("u", 43))


def discord_hook():
    return "https://%s/api/webhooks/%d/%s" % (pick(["discord.com", "discordapp.com", "ptb.discord.com"]), R.randint(10**17, 10**18), rnd("u", 68))


def az_conn_key():
    return rnd("b", 86) + "=="


def human_pw():
    w = pick(["Summer", "Bluebird", "Corvette", "Kangaroo", "Marigold", "Orion", "Pelican", "Quasar", "Rosewood", "Falcon", "Gatsby", "Nebula",
              "Sunflower", "Tigerlily", "Hurricane", "Mariposa", "Jaguar", "Bratislava", "Kilimanjaro", "Wombat", "Zeppelin", "Cobalt",
              "Saturno", "Lindenbaum", "Sakura", "Fenix", "Kartoffel", "Paçoca", "Żubr", "Ørsted"])
    y = pick([str(R.randint(1960, 2026)), str(R.randint(10, 99)), str(R.randint(100, 999))])
    s = pick(["!", "#", "$", "@", "*", "!!", ".", "&", "%", "?"])
    form = R.randint(0, 4)
    if form == 0:
        return w + y + s
    if form == 1:
        return w.lower() + s + y
    if form == 2:
        return s + w + "_" + pick(["Prod", "Ops", "Db", "Main", "Admin"]) + y
    if form == 3:
        t = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})
        return w.translate(t) + y
    return w + pick(["-", "."]) + pick(["Rocket", "Lamp", "Tiger", "Moon", "River", "Pine"]) + y


WORDS = ("acid aisle alpine amber anchor arctic attic autumn bamboo banner barrel basil beacon bishop blanket blossom bracket brisk bronze "
         "cactus candle canyon carbon castle cedar cherry chorus cinder citrus clover cobalt comet copper coral cradle crystal dagger dolphin "
         "ember falcon fennel fiber fjord forest fossil galaxy garnet ginger glacier granite gravel harbor hazel helmet hollow indigo island "
         "ivory jasmine jungle kettle lagoon lantern lemon linen lotus magnet mango maple marble meadow mercury mirror mosaic nectar noble "
         "oasis olive onyx orbit orchid oyster paddle pepper pigeon planet pollen prairie quartz quiver radar raven ribbon saddle saffron "
         "sapphire scarlet shadow silver spruce summit tango thistle timber topaz tundra turtle velvet violet walnut willow wizard yonder zephyr").split()


def passphrase():
    n = R.randint(4, 6)
    sep = pick(["-", " ", ".", "_", ""])
    ws = [pick(WORDS) for _ in range(n)]
    if sep == "":
        ws = [w.capitalize() for w in ws]
    return sep.join(ws) + pick(["", str(R.randint(1, 99))])


def mnemonic():
    return " ".join(pick(WORDS) for _ in range(pick([12, 24])))


def gen_pw():
    return rnd("p", R.randint(14, 32))


def url_pw():
    return pick([lambda: rnd("a", R.randint(16, 32)), lambda: rnd("s", R.randint(14, 28)), human_pw_url])()


def human_pw_url():
    return re.sub(r"[@:/?#%&$ ]", "", human_pw().replace("ç", "c").replace("Ż", "Z").replace("Ø", "O")) or "Quasar77!"


def basic_b64():
    return b64("%s:%s" % (pick(["admin", "svc-ci", "deploy", "grafana", "api", "jenkins", "m.rossi"]), rnd("a", R.randint(12, 24))))


def wif():
    return pick(["5H", "5J", "5K"]) + rnd("5", 49) if chance(0.4) else pick(["K", "L"]) + rnd("5", 51)


def sol_keypair():
    return "[" + ",".join(str(R.randint(0, 255)) for _ in range(64)) + "]"


def jwk_private():
    return jd({"kty": "RSA", "kid": rnd("u", 16), "use": "sig", "alg": "RS256", "n": rnd("u", 342), "e": "AQAB", "d": rnd("u", 342),
               "p": rnd("u", 171), "q": rnd("u", 171), "dp": rnd("u", 171), "dq": rnd("u", 171), "qi": rnd("u", 171)})


def pypi():
    return pick(["pypi-AgEIcHlwaS5vcmcCJ", "pypi-AgENdGVzdC5weXBpLm9yZwIk"]) + rnd("u", R.randint(150, 190))


def grafana_cloud():
    return "glc_" + b64(jd({"o": str(R.randint(100000, 999999)), "n": "stack-%d-hm-read" % R.randint(100000, 999999), "k": rnd("a", 24), "m": {"r": "prod-us-east-0"}}, sep=(",", ":")), pad=False)


def sentry_org():
    return "sntrys_" + b64(jd({"iat": R.randint(1.7e9, 1.78e9), "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": pick(["orbit-labs", "kestrel"])}, sep=(",", ":")), pad=False) + "_" + rnd("u", 43)


def onepass_sa():
    return "ops_" + b64(jd({"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": rnd("u", 22)}, "email": rnd("l", 13) + "@1passwordserviceaccounts.com", "srpX": rnd("h", 64), "muk": {"alg": "A256GCM", "ext": True, "k": rnd("u", 43), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rnd("A", 6) + "-" + rnd("A", 6), "deviceUuid": rnd("l", 26)}, sep=(",", ":")), pad=False)


def atlassian():
    return "ATATT3xFfGF0" + rnd("u", 170) + "=" + rnd("H", 8)


def adyen():
    return "AQE" + rnd("a", 3) + "mfx" + rnd("u", 60) + "=-" + rnd("b", 43) + "=-" + rnd("a", 16)


def elastic_apikey():
    return b64(rnd("u", 20) + ":" + rnd("u", 22))


# ---------------------------------------------------------------- format catalog
# (name, family, var names, generator (template or callable), wrapper of the marked value or None)

def _host(kind):
    return pick({
        "pg": ["db-prod-3.internal", "orders-db.cluster-c9x2kq1ab7.eu-west-1.rds.amazonaws.com", "pg.kestrel-corp.net", "10.20.4.17", "postgres", "db"],
        "my": ["mysql-primary.svc.cluster.local", "shop-db.c3lrtq9kd8.us-east-2.rds.amazonaws.com", "mariadb.lumen.lan", "mysql"],
        "mo": ["cluster0.kq3zp.mongodb.net", "mongo-0.mongo.data.svc", "mongo.orbitlabs.io"],
        "re": ["redis-master.cache.svc", "cache.q9s8e7.ng.0001.use1.cache.amazonaws.com", "redis", "redis.pallas.dev"],
        "mq": ["rabbitmq.messaging.svc", "b-5f2c1e7a.mq.eu-central-1.amazonaws.com", "rabbit.kestrel.lan"],
    }[kind])


def _u():
    return pick(["app", "svc_orders", "admin", "postgres", "root", "deploy", "analytics_ro", "billing", "etl", "api_user", "mlflow", "airflow", "grafana"])


def W_url(scheme, kind, port, db=True):
    return lambda mv: "%s://%s:%s@%s:%d%s" % (scheme, _u(), mv, _host(kind), port, ("/" + pick(["app", "orders", "core", "warehouse", "prod"])) if db else "")


FORMATS = []


def F(name, fam, vars_, gen, wrap=None):
    FORMATS.append((name, fam, vars_.split(), gen, wrap))


# cloud
F("aws-access-key-id", "cloud", "AWS_ACCESS_KEY_ID aws_access_key_id accessKeyId", "AKIA{B:16}")
F("aws-temp-access-key-id", "cloud", "AWS_ACCESS_KEY_ID aws_access_key_id", "ASIA{B:16}")
F("aws-secret-access-key", "cloud", "AWS_SECRET_ACCESS_KEY aws_secret_access_key secretAccessKey", "{b:40}")
F("aws-session-token", "cloud", "AWS_SESSION_TOKEN aws_session_token sessionToken", aws_session)
F("aws-access-key-id-doc-example", "cloud", "AWS_ACCESS_KEY_ID aws_access_key_id", "AKIAIOSFODNN7EXAMPLE")
F("aws-secret-key-doc-example", "cloud", "AWS_SECRET_ACCESS_KEY aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
F("aws-mws-key", "cloud", "MWS_AUTH_TOKEN mws_auth_token", "amzn.mws.{uuid}")
F("aws-bedrock-api-key", "ai", "AWS_BEARER_TOKEN_BEDROCK", lambda: "ABSK" + b64("BedrockAPIKey-" + rnd("a", 4) + "-at-" + str(R.randint(10**11, 10**12)) + ":" + rnd("b", 40)))
F("gcp-api-key", "cloud", "GOOGLE_API_KEY GCP_API_KEY google_maps_key", "AIza{u:35}")
F("gemini-api-key", "ai", "GEMINI_API_KEY GOOGLE_GENAI_API_KEY", "AIzaSy{u:33}")
F("gcp-oauth-client-secret", "cloud", "GOOGLE_CLIENT_SECRET client_secret", "GOCSPX-{u:28}")
F("gcp-oauth-access-token", "cloud", "GOOGLE_ACCESS_TOKEN access_token", lambda: "ya29." + pick(["a0", "c."]) + rnd("u", R.randint(150, 220)))
F("gcp-refresh-token", "cloud", "GOOGLE_REFRESH_TOKEN refresh_token", "1//0{u:1}{u:96-110}")
F("azure-storage-account-key", "cloud", "AZURE_STORAGE_KEY AZURE_STORAGE_ACCOUNT_KEY storageKey", az_conn_key)
F("azure-storage-connection-string", "cloud", "AZURE_STORAGE_CONNECTION_STRING AzureWebJobsStorage", az_conn_key,
  lambda mv: "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (pick(["stkestrelprod", "orbitassets01", "lumenlogs"]), mv))
F("azure-sas-signature", "cloud", "AZURE_BLOB_SAS_URL SAS_URL", lambda: rnd("b", 43).replace("+", "%2B").replace("/", "%2F") + "%3D",
  lambda mv: "https://%s.blob.core.windows.net/%s?sv=2022-11-02&ss=b&srt=co&sp=rwdlacx&se=2027-01-31T18:00:00Z&st=2026-01-01T10:00:00Z&spr=https&sig=%s" % (pick(["stkestrelprod", "orbitassets01"]), pick(["uploads", "backups", "exports"]), mv))
F("azure-ad-client-secret", "cloud", "AZURE_CLIENT_SECRET ClientSecret client_secret", "{a:3}8Q~{x:34}")
F("azure-servicebus-key", "cloud", "SERVICEBUS_CONNECTION ServiceBusConnection", lambda: rnd("b", 43) + "=",
  lambda mv: "Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s" % (pick(["kestrel-bus", "orders-ns"]), mv))
F("azure-eventhub-key", "cloud", "EVENTHUB_CONNECTION_STRING", lambda: rnd("b", 43) + "=",
  lambda mv: "Endpoint=sb://%s.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=%s;EntityPath=telemetry" % (pick(["ehns-prod", "lumen-events"]), mv))
F("azure-cosmosdb-key", "cloud", "COSMOS_KEY CosmosDbKey cosmos_primary_key", lambda: rnd("b", 86) + "==")
F("azure-devops-pat", "vcs", "AZURE_DEVOPS_PAT AZDO_PAT SYSTEM_ACCESSTOKEN_OVERRIDE", "{c:52}")
F("azure-devops-pat-v2", "vcs", "AZURE_DEVOPS_EXT_PAT ADO_TOKEN", lambda: rnd("a", 52) + "JQQJ99" + rnd("a", 18) + "AZDO" + rnd("a", 4))
F("azure-functions-key", "cloud", "FUNCTION_KEY x-functions-key", lambda: rnd("u", 54) + "==")
F("azure-openai-key", "ai", "AZURE_OPENAI_API_KEY AZURE_OPENAI_KEY", "{h:32}")
F("azure-search-admin-key", "cloud", "AZURE_SEARCH_ADMIN_KEY", "{a:52}")
F("azure-maps-key", "cloud", "AZURE_MAPS_SUBSCRIPTION_KEY", "{a:84}")
F("digitalocean-pat", "cloud", "DIGITALOCEAN_TOKEN DO_TOKEN", "dop_v1_{h:64}")
F("digitalocean-oauth", "cloud", "DIGITALOCEAN_ACCESS_TOKEN", "doo_v1_{h:64}")
F("digitalocean-refresh", "cloud", "DO_REFRESH_TOKEN", "dor_v1_{h:64}")
F("digitalocean-spaces-secret", "cloud", "SPACES_SECRET_KEY DO_SPACES_SECRET", "{b:43}")
F("alibaba-access-key-id", "cloud", "ALIBABA_CLOUD_ACCESS_KEY_ID ALICLOUD_ACCESS_KEY", "LTAI{a:20}")
F("alibaba-access-key-secret", "cloud", "ALIBABA_CLOUD_ACCESS_KEY_SECRET ALICLOUD_SECRET_KEY", "{a:30}")
F("tencent-secret-id", "cloud", "TENCENTCLOUD_SECRET_ID", "AKID{a:32}")
F("tencent-secret-key", "cloud", "TENCENTCLOUD_SECRET_KEY", "{a:32}")
F("ibm-cloud-api-key", "cloud", "IBMCLOUD_API_KEY IC_API_KEY", "{u:44}")
F("linode-token", "cloud", "LINODE_TOKEN LINODE_CLI_TOKEN", "{h:64}")
F("vultr-api-key", "cloud", "VULTR_API_KEY", "{A:36}")
F("hetzner-token", "cloud", "HCLOUD_TOKEN", "{a:64}")
F("scaleway-access-key", "cloud", "SCW_ACCESS_KEY", "SCW{A:17}")
F("scaleway-secret-key", "cloud", "SCW_SECRET_KEY", "{uuid}")
F("cloudflare-api-token", "cloud", "CLOUDFLARE_API_TOKEN CF_API_TOKEN", "{u:40}")
F("cloudflare-global-key", "cloud", "CLOUDFLARE_API_KEY CF_API_KEY", "{h:37}")
F("cloudflare-origin-ca-key", "cloud", "CF_ORIGIN_CA_KEY", "v1.0-{h:24}-{h:146}")
F("cloudflare-r2-secret", "cloud", "R2_SECRET_ACCESS_KEY", "{h:64}")
F("cloudflare-tunnel-token", "cloud", "TUNNEL_TOKEN", lambda: b64(jd({"a": rnd("h", 32), "t": uuid4(), "s": b64(rbytes(32))}, sep=(",", ":")), pad=False))
F("fastly-api-token", "cloud", "FASTLY_API_TOKEN", "{u:32}")
F("heroku-api-key", "cloud", "HEROKU_API_KEY", "{uuid}")
F("heroku-api-key-v2", "cloud", "HEROKU_API_KEY", "HRKU-AA{u:58}")
F("netlify-token", "cloud", "NETLIFY_AUTH_TOKEN", "nfp_{a:36}")
F("vercel-token", "cloud", "VERCEL_TOKEN", "{a:24}")
F("fly-token", "cloud", "FLY_API_TOKEN", lambda: "FlyV1 fm2_" + rnd("b", 300) + "," + "fm2_" + rnd("b", 120))
F("fly-org-token", "cloud", "FLY_ACCESS_TOKEN", "fo1_{u:43}")
F("render-api-key", "cloud", "RENDER_API_KEY", "rnd_{a:28}")
F("railway-token", "cloud", "RAILWAY_TOKEN", "{uuid}")
F("supabase-service-role-jwt", "database", "SUPABASE_SERVICE_ROLE_KEY SUPABASE_SERVICE_KEY", lambda: supabase_jwt("service_role"))
F("supabase-secret-key", "database", "SUPABASE_SECRET_KEY", "sb_secret_{u:31}")
F("supabase-db-password", "database", "SUPABASE_DB_URL", url_pw, lambda mv: "postgresql://postgres.%s:%s@aws-0-eu-central-1.pooler.supabase.com:6543/postgres" % (rnd("L", 20), mv))
F("firebase-web-api-key", "cloud", "FIREBASE_API_KEY apiKey", "AIzaSy{u:33}")
F("firebase-fcm-server-key", "messaging", "FCM_SERVER_KEY", lambda: "AAAA" + rnd("u", 7) + ":APA91b" + rnd("u", 134))
F("planetscale-token", "database", "PLANETSCALE_SERVICE_TOKEN", "pscale_tkn_{u:43}")
F("planetscale-password", "database", "DATABASE_PASSWORD PLANETSCALE_PASSWORD", "pscale_pw_{u:43}")
F("planetscale-oauth", "database", "PLANETSCALE_OAUTH_TOKEN", "pscale_oauth_{u:43}")
F("neon-api-key", "database", "NEON_API_KEY", "napi_{l:64}")
F("upstash-redis-token", "database", "UPSTASH_REDIS_REST_TOKEN", lambda: "A" + rnd("u", 3) + "ASQg" + rnd("u", 62) + "=")
F("doppler-service-token", "cloud", "DOPPLER_TOKEN", lambda: "dp.st." + pick(["prd", "dev", "stg"]) + "." + rnd("a", 43))
F("doppler-personal-token", "cloud", "DOPPLER_TOKEN", "dp.pt.{a:43}")
F("doppler-sa-token", "cloud", "DOPPLER_TOKEN", "dp.sa.{a:43}")
F("vault-service-token", "cloud", "VAULT_TOKEN", "hvs.{u:90-100}")
F("vault-batch-token", "cloud", "VAULT_TOKEN", "hvb.{u:130-150}")
F("vault-legacy-token", "cloud", "VAULT_TOKEN", "s.{a:24}")
F("terraform-cloud-token", "cloud", "TFE_TOKEN TF_TOKEN_app_terraform_io", "{a:14}.atlasv1.{a:67}")
F("pulumi-access-token", "cloud", "PULUMI_ACCESS_TOKEN", "pul-{h:40}")
F("onepassword-sa-token", "cloud", "OP_SERVICE_ACCOUNT_TOKEN", onepass_sa)
F("age-secret-key", "crypto", "SOPS_AGE_KEY AGE_KEY", lambda: "AGE-SECRET-KEY-1" + rnd("m", 58).upper())
F("tailscale-auth-key", "cloud", "TS_AUTHKEY TAILSCALE_AUTHKEY", "tskey-auth-{a:11}CNTRL-{a:33}")
F("tailscale-api-key", "cloud", "TAILSCALE_API_KEY", "tskey-api-{a:11}CNTRL-{a:33}")
F("ngrok-authtoken", "cloud", "NGROK_AUTHTOKEN", "2{a:26}_{a:21}")
F("yandex-oauth", "cloud", "YC_TOKEN", "y0_{u:55}")
F("yandex-api-key", "cloud", "YC_API_KEY", "AQVN{u:36}")
F("yandex-access-secret", "cloud", "YC_SECRET_KEY", "YC{u:38}")
F("oracle-oci-auth-token", "cloud", "OCI_AUTH_TOKEN", lambda: rnd("a", 12) + pick([":", ")", "(", "<"]) + rnd("a", 7))
# AI
F("openai-legacy-key", "ai", "OPENAI_API_KEY openai_api_key", lambda: "sk-" + rnd("a", 20) + "T3BlbkFJ" + rnd("a", 20))
F("openai-project-key", "ai", "OPENAI_API_KEY openaiApiKey", lambda: "sk-proj-" + rnd("u", 74) + "T3BlbkFJ" + rnd("u", 74))
F("openai-svcacct-key", "ai", "OPENAI_API_KEY", lambda: "sk-svcacct-" + rnd("u", 74) + "T3BlbkFJ" + rnd("u", 74))
F("openai-admin-key", "ai", "OPENAI_ADMIN_KEY", lambda: "sk-admin-" + rnd("u", 74) + "T3BlbkFJ" + rnd("u", 74))
F("anthropic-api-key", "ai", "ANTHROPIC_API_KEY anthropic_api_key", "sk-ant-api03-{u:93}AA")
F("anthropic-admin-key", "ai", "ANTHROPIC_ADMIN_KEY", "sk-ant-admin01-{u:93}AA")
F("anthropic-oauth-token", "ai", "CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01-{u:93}AA")
F("anthropic-refresh-token", "ai", "refreshToken", "sk-ant-ort01-{u:93}AA")
F("mistral-api-key", "ai", "MISTRAL_API_KEY", "{a:32}")
F("cohere-api-key", "ai", "CO_API_KEY COHERE_API_KEY", "{a:40}")
F("groq-api-key", "ai", "GROQ_API_KEY", "gsk_{a:52}")
F("xai-api-key", "ai", "XAI_API_KEY", "xai-{a:80}")
F("perplexity-api-key", "ai", "PERPLEXITY_API_KEY PPLX_API_KEY", "pplx-{a:48}")
F("together-api-key", "ai", "TOGETHER_API_KEY", "{h:64}")
F("together-api-key-v1", "ai", "TOGETHER_API_KEY", "tgp_v1_{u:43}")
F("fireworks-api-key", "ai", "FIREWORKS_API_KEY", "fw_{a:24}")
F("deepseek-api-key", "ai", "DEEPSEEK_API_KEY", "sk-{h:32}")
F("dashscope-api-key", "ai", "DASHSCOPE_API_KEY", "sk-{h:32}")
F("moonshot-api-key", "ai", "MOONSHOT_API_KEY", "sk-{a:48}")
F("zhipu-api-key", "ai", "ZHIPUAI_API_KEY", "{h:32}.{a:16}")
F("qianfan-access-key", "ai", "QIANFAN_API_KEY", "bce-v3/ALTAK-{a:21}/{h:40}")
F("openrouter-api-key", "ai", "OPENROUTER_API_KEY", "sk-or-v1-{h:64}")
F("replicate-api-token", "ai", "REPLICATE_API_TOKEN", "r8_{a:37}")
F("huggingface-token", "ai", "HF_TOKEN HUGGING_FACE_HUB_TOKEN HUGGINGFACEHUB_API_TOKEN", "hf_{a:34}")
F("huggingface-org-token", "ai", "HF_API_ORG_TOKEN", "api_org_{a:34}")
F("elevenlabs-api-key", "ai", "ELEVENLABS_API_KEY XI_API_KEY", "sk_{h:48}")
F("assemblyai-api-key", "ai", "ASSEMBLYAI_API_KEY", "{h:32}")
F("deepgram-api-key", "ai", "DEEPGRAM_API_KEY", "{h:40}")
F("langsmith-api-key", "ai", "LANGSMITH_API_KEY LANGCHAIN_API_KEY", "lsv2_pt_{h:32}_{h:10}")
F("langsmith-service-key", "ai", "LANGSMITH_API_KEY", "lsv2_sk_{h:32}_{h:10}")
F("langfuse-secret-key", "ai", "LANGFUSE_SECRET_KEY", "sk-lf-{uuid}")
F("pinecone-api-key", "ai", "PINECONE_API_KEY", "pcsk_{a:5}_{a:63}")
F("pinecone-api-key-uuid", "ai", "PINECONE_API_KEY", "{uuid}")
F("wandb-api-key", "ai", "WANDB_API_KEY", "{h:40}")
F("cerebras-api-key", "ai", "CEREBRAS_API_KEY", "csk-{l:48}")
F("voyage-api-key", "ai", "VOYAGE_API_KEY", "pa-{u:43}")
F("stability-api-key", "ai", "STABILITY_API_KEY", "sk-{a:48}")
F("nvidia-api-key", "ai", "NVIDIA_API_KEY NGC_API_KEY", "nvapi-{u:64}")
F("tavily-api-key", "ai", "TAVILY_API_KEY", "tvly-{a:32}")
F("tavily-dev-key", "ai", "TAVILY_API_KEY", "tvly-dev-{a:32}")
F("firecrawl-api-key", "ai", "FIRECRAWL_API_KEY", "fc-{h:32}")
F("serpapi-key", "ai", "SERPAPI_API_KEY", "{h:64}")
F("exa-api-key", "ai", "EXA_API_KEY", "{uuid}")
F("browserbase-api-key", "ai", "BROWSERBASE_API_KEY", "bb_live_{u:27}")
F("e2b-api-key", "ai", "E2B_API_KEY", "e2b_{h:40}")
F("jina-api-key", "ai", "JINA_API_KEY", "jina_{h:32}{u:28}")
F("modal-token-secret", "ai", "MODAL_TOKEN_SECRET", "as-{a:22}")
F("anyscale-api-key", "ai", "ANYSCALE_API_KEY", "esecret_{a:24}")
F("runpod-api-key", "ai", "RUNPOD_API_KEY", "rpa_{A:40}")
F("cursor-api-key", "ai", "CURSOR_API_KEY", "key_{h:64}")
F("google-ai-studio-key-in-url", "ai", "GEMINI_URL", "AIzaSy{u:33}", lambda mv: "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent?key=" + mv)
F("databricks-pat", "ai", "DATABRICKS_TOKEN", lambda: "dapi" + rnd("h", 32) + pick(["", "-2", "-3"]))
F("databricks-oauth-secret", "ai", "DATABRICKS_CLIENT_SECRET", "dose{h:32}")
# VCS / CI / registries
F("github-pat-classic", "vcs", "GITHUB_TOKEN GH_TOKEN github_token", lambda: gh_token("ghp_"))
F("github-oauth-token", "vcs", "GITHUB_OAUTH_TOKEN oauth_token", lambda: gh_token("gho_"))
F("github-user-to-server", "vcs", "GH_USER_TOKEN", lambda: gh_token("ghu_"))
F("github-server-to-server", "vcs", "GITHUB_APP_INSTALLATION_TOKEN", lambda: gh_token("ghs_"))
F("github-refresh-token", "vcs", "GITHUB_REFRESH_TOKEN", lambda: "ghr_" + rnd("a", 76))
F("github-fine-grained-pat", "vcs", "GITHUB_TOKEN GH_PAT", gh_fine)
F("github-oauth-client-secret", "vcs", "GITHUB_CLIENT_SECRET", "{h:40}")
F("github-webhook-secret", "vcs", "GITHUB_WEBHOOK_SECRET", "{h:40}")
F("gitlab-pat", "vcs", "GITLAB_TOKEN GL_TOKEN CI_JOB_TOKEN_OVERRIDE", "glpat-{u:20}")
F("gitlab-pat-routable", "vcs", "GITLAB_TOKEN", lambda: "glpat-" + rnd("u", 27) + ".01." + rnd("l", 9))
F("gitlab-pipeline-trigger", "vcs", "GITLAB_TRIGGER_TOKEN", "glptt-{h:40}")
F("gitlab-deploy-token", "vcs", "GITLAB_DEPLOY_TOKEN", "gldt-{u:20}")
F("gitlab-runner-token", "vcs", "RUNNER_TOKEN", "glrt-{u:20}")
F("gitlab-runner-registration", "vcs", "REGISTRATION_TOKEN", "GR1348941{u:20}")
F("gitlab-ci-build-token", "vcs", "CI_JOB_TOKEN", "glcbt-{h:2}_{u:20}")
F("gitlab-feed-token", "vcs", "GITLAB_FEED_TOKEN", "glft-{u:20}")
F("gitlab-oauth-app-secret", "vcs", "GITLAB_APP_SECRET", "gloas-{h:64}")
F("gitlab-agent-token", "vcs", "GITLAB_AGENT_TOKEN", "glagent-{u:50}")
F("gitlab-scim-token", "vcs", "GITLAB_SCIM_TOKEN", "glsoat-{u:20}")
F("bitbucket-app-password", "vcs", "BITBUCKET_APP_PASSWORD", "ATBB{a:28}{H:8}")
F("atlassian-api-token", "saas", "ATLASSIAN_API_TOKEN JIRA_API_TOKEN CONFLUENCE_TOKEN", atlassian)
F("gitea-token", "vcs", "GITEA_TOKEN", "{h:40}")
F("circleci-pat", "vcs", "CIRCLE_TOKEN CIRCLECI_TOKEN", "CCIPAT_{a:22}_{h:40}")
F("circleci-token-legacy", "vcs", "CIRCLE_TOKEN", "{h:40}")
F("travis-token", "vcs", "TRAVIS_TOKEN", "{u:22}")
F("buildkite-api-token", "vcs", "BUILDKITE_API_TOKEN", "bkua_{h:40}")
F("buildkite-agent-token", "vcs", "BUILDKITE_AGENT_TOKEN", "{l:50}")
F("jenkins-api-token", "vcs", "JENKINS_API_TOKEN JENKINS_TOKEN", "11{h:32}")
F("drone-token", "vcs", "DRONE_TOKEN", "{a:32}")
F("codecov-token", "vcs", "CODECOV_TOKEN", "{uuid}")
F("sonarqube-user-token", "vcs", "SONAR_TOKEN", "squ_{h:40}")
F("sonarqube-project-token", "vcs", "SONAR_TOKEN", "sqp_{h:40}")
F("sonarqube-global-token", "vcs", "SONAR_TOKEN", "sqa_{h:40}")
F("snyk-token", "vcs", "SNYK_TOKEN", "{uuid}")
F("octopus-api-key", "vcs", "OCTOPUS_API_KEY", "API-{A:26}")
F("harness-pat", "vcs", "HARNESS_API_KEY", "pat.{u:22}.{h:24}.{a:20}")
F("argocd-auth-token", "vcs", "ARGOCD_AUTH_TOKEN", lambda: jwt({"iss": "argocd", "sub": "ci-bot:apiKey", "nbf": 1710000000, "iat": 1710000000, "jti": uuid4()}))
F("dockerhub-pat", "registry", "DOCKERHUB_TOKEN DOCKER_PASSWORD", "dckr_pat_{u:27}")
F("dockerhub-oat", "registry", "DOCKERHUB_ORG_TOKEN", "dckr_oat_{u:32}")
F("quay-robot-token", "registry", "QUAY_ROBOT_TOKEN", "{A:64}")
F("jfrog-api-key", "registry", "ARTIFACTORY_API_KEY JFROG_API_KEY", "AKCp{a:69}")
F("jfrog-reference-token", "registry", "JFROG_ACCESS_TOKEN ARTIFACTORY_TOKEN", lambda: "cmVmdGtuOjAxOjE3" + rnd("a", 48))
F("npm-token", "registry", "NPM_TOKEN NODE_AUTH_TOKEN", "npm_{a:36}")
F("npm-legacy-token", "registry", "NPM_TOKEN", "{uuid}")
F("pypi-token", "registry", "PYPI_TOKEN TWINE_PASSWORD PYPI_API_TOKEN", pypi)
F("rubygems-api-key", "registry", "GEM_HOST_API_KEY RUBYGEMS_API_KEY", "rubygems_{h:48}")
F("nuget-api-key", "registry", "NUGET_API_KEY", "oy2{l:43}")
F("crates-io-token", "registry", "CARGO_REGISTRY_TOKEN", "cio{a:32}")
F("hex-api-key", "registry", "HEX_API_KEY", "{h:32}")
F("clojars-token", "registry", "CLOJARS_PASSWORD", "CLOJARS_{h:60}")
F("cloudsmith-api-key", "registry", "CLOUDSMITH_API_KEY", "{h:40}")
F("gemfury-token", "registry", "FURY_TOKEN", "{a:20}")
F("packagist-token", "registry", "PACKAGIST_TOKEN", "packagist_uut_{a:68}")
F("gradle-publish-secret", "registry", "gradle.publish.secret GRADLE_PUBLISH_SECRET", "{a:32}")
F("expo-access-token", "registry", "EXPO_TOKEN", "{u:40}")
F("cocoapods-trunk-token", "registry", "COCOAPODS_TRUNK_TOKEN", "{h:32}")
F("sonatype-password", "registry", "OSSRH_PASSWORD SONATYPE_PASSWORD", gen_pw)
# payments
F("stripe-secret-live", "payments", "STRIPE_SECRET_KEY STRIPE_API_KEY stripe_secret", "sk_live_{a:24-99}")
F("stripe-secret-test", "payments", "STRIPE_SECRET_KEY", "sk_test_{a:24-99}")
F("stripe-restricted-live", "payments", "STRIPE_RESTRICTED_KEY", "rk_live_{a:24-99}")
F("stripe-restricted-test", "payments", "STRIPE_RESTRICTED_KEY", "rk_test_{a:24-99}")
F("stripe-webhook-secret", "payments", "STRIPE_WEBHOOK_SECRET", "whsec_{a:32}")
F("braintree-access-token", "payments", "BRAINTREE_ACCESS_TOKEN", "access_token$production${l:16}${h:32}")
F("braintree-private-key", "payments", "BRAINTREE_PRIVATE_KEY", "{h:32}")
F("square-access-token", "payments", "SQUARE_ACCESS_TOKEN", "EAAA{u:60}")
F("square-oauth-secret", "payments", "SQUARE_APPLICATION_SECRET", "sq0csp-{u:43}")
F("square-legacy-token", "payments", "SQUARE_TOKEN", "sq0atp-{u:22}")
F("adyen-api-key", "payments", "ADYEN_API_KEY", adyen)
F("razorpay-key-secret", "payments", "RAZORPAY_KEY_SECRET", "{a:24}")
F("paystack-secret", "payments", "PAYSTACK_SECRET_KEY", "sk_live_{h:40}")
F("flutterwave-secret", "payments", "FLW_SECRET_KEY", "FLWSECK-{h:32}-X")
F("flutterwave-secret-test", "payments", "FLW_SECRET_KEY", "FLWSECK_TEST-{h:32}-X")
F("mollie-api-key", "payments", "MOLLIE_API_KEY", "live_{a:30}")
F("plaid-secret", "payments", "PLAID_SECRET", "{h:30}")
F("plaid-access-token", "payments", "PLAID_ACCESS_TOKEN", "access-production-{uuid}")
F("gocardless-token", "payments", "GOCARDLESS_ACCESS_TOKEN", "live_{u:40}")
F("paypal-client-secret", "payments", "PAYPAL_CLIENT_SECRET", "E{u:79}")
F("checkout-secret-key", "payments", "CKO_SECRET_KEY", "sk_sbox_{l:26}")
F("coinbase-commerce-key", "payments", "COINBASE_COMMERCE_API_KEY", "{uuid}")
F("shopify-access-token", "saas", "SHOPIFY_ACCESS_TOKEN", "shpat_{h:32}")
F("shopify-shared-secret", "saas", "SHOPIFY_API_SECRET", "shpss_{h:32}")
F("shopify-custom-app-token", "saas", "SHOPIFY_CUSTOM_TOKEN", "shpca_{h:32}")
F("shopify-private-app-password", "saas", "SHOPIFY_PASSWORD", "shppa_{h:32}")
F("lemonsqueezy-api-key", "payments", "LEMONSQUEEZY_API_KEY", lambda: jwt({"aud": "94d59cef-dbb8-4ea5-b178-d2540fcd6919", "jti": rnd("h", 64), "iat": 1712000000, "nbf": 1712000000, "exp": 2027000000, "sub": str(R.randint(100000, 999999)), "scopes": []}, alg="RS256"))
F("authorize-net-transaction-key", "payments", "AUTHORIZENET_TRANSACTION_KEY", "{a:16}")
F("binance-api-secret", "crypto", "BINANCE_API_SECRET BINANCE_SECRET_KEY", "{a:64}")
F("kraken-private-key", "crypto", "KRAKEN_PRIVATE_KEY", lambda: rnd("b", 86) + "==")
F("ethereum-private-key", "crypto", "PRIVATE_KEY DEPLOYER_PRIVATE_KEY WALLET_PRIVATE_KEY", "0x{h:64}")
F("bitcoin-wif", "crypto", "BTC_WIF_KEY", wif)
F("bip39-mnemonic", "crypto", "MNEMONIC SEED_PHRASE", mnemonic)
F("solana-keypair-bytes", "crypto", "SOLANA_PRIVATE_KEY", sol_keypair)
F("infura-project-secret", "crypto", "INFURA_PROJECT_SECRET INFURA_API_SECRET", "{h:32}")
F("alchemy-api-key", "crypto", "ALCHEMY_API_KEY", "{u:32}")
F("etherscan-api-key", "crypto", "ETHERSCAN_API_KEY", "{A:34}")
# messaging
F("slack-bot-token", "messaging", "SLACK_BOT_TOKEN SLACK_TOKEN", lambda: "xoxb-%d-%d-%s" % (R.randint(10**10, 10**13), R.randint(10**10, 10**13), rnd("a", 24)))
F("slack-user-token", "messaging", "SLACK_USER_TOKEN", lambda: "xoxp-%d-%d-%d-%s" % (R.randint(10**10, 10**12), R.randint(10**10, 10**12), R.randint(10**10, 10**12), rnd("h", 32)))
F("slack-app-token", "messaging", "SLACK_APP_TOKEN", lambda: "xapp-1-A%s-%d-%s" % (rnd("A", 10), R.randint(10**12, 10**13), rnd("h", 64)))
F("slack-config-token", "messaging", "SLACK_CONFIG_TOKEN", lambda: "xoxe.xoxp-1-" + rnd("a", 150))
F("slack-refresh-token", "messaging", "SLACK_REFRESH_TOKEN", lambda: "xoxe-1-" + rnd("a", 140))
F("slack-legacy-workspace-token", "messaging", "SLACK_LEGACY_TOKEN", lambda: "xoxa-2-%d-%d-%d-%s" % (R.randint(10**10, 10**12), R.randint(10**10, 10**12), R.randint(10**10, 10**12), rnd("h", 64)))
F("slack-session-token", "messaging", "SLACK_XOXS", lambda: "xoxs-%d-%d-%d-%s" % (R.randint(10**10, 10**12), R.randint(10**10, 10**12), R.randint(10**10, 10**12), rnd("h", 64)))
F("slack-webhook-url", "messaging", "SLACK_WEBHOOK_URL SLACK_WEBHOOK", slack_hook)
F("slack-workflow-webhook", "messaging", "SLACK_WORKFLOW_URL", lambda: "https://hooks.slack.com/triggers/T%s/%d/%s" % (rnd("A", 9), R.randint(10**12, 10**13), rnd("h", 32)))
F("discord-bot-token", "messaging", "DISCORD_TOKEN DISCORD_BOT_TOKEN", discord_bot)
F("discord-webhook-url", "messaging", "DISCORD_WEBHOOK_URL", discord_hook)
F("discord-client-secret", "messaging", "DISCORD_CLIENT_SECRET", "{u:32}")
F("telegram-bot-token", "messaging", "TELEGRAM_BOT_TOKEN TG_TOKEN", telegram)
F("twilio-account-sid", "messaging", "TWILIO_ACCOUNT_SID", "AC{h:32}")
F("twilio-auth-token", "messaging", "TWILIO_AUTH_TOKEN", "{h:32}")
F("twilio-api-key-sid", "messaging", "TWILIO_API_KEY", "SK{h:32}")
F("twilio-api-secret", "messaging", "TWILIO_API_SECRET", "{a:32}")
F("sendgrid-api-key", "messaging", "SENDGRID_API_KEY", "SG.{u:22}.{u:43}")
F("mailgun-api-key", "messaging", "MAILGUN_API_KEY", "key-{h:32}")
F("mailgun-api-key-v2", "messaging", "MAILGUN_API_KEY", "{h:32}-{h:8}-{h:8}")
F("mailchimp-api-key", "messaging", "MAILCHIMP_API_KEY", lambda: rnd("h", 32) + "-us" + str(R.randint(1, 21)))
F("mandrill-api-key", "messaging", "MANDRILL_API_KEY", "md-{u:22}")
F("postmark-server-token", "messaging", "POSTMARK_SERVER_TOKEN POSTMARK_API_TOKEN", "{uuid}")
F("brevo-api-key", "messaging", "BREVO_API_KEY SENDINBLUE_API_KEY", "xkeysib-{h:64}-{a:16}")
F("brevo-smtp-key", "messaging", "BREVO_SMTP_KEY", "xsmtpsib-{h:64}-{a:16}")
F("resend-api-key", "messaging", "RESEND_API_KEY", "re_{a:8}_{a:24}")
F("mailjet-secret", "messaging", "MAILJET_API_SECRET", "{h:32}")
F("vonage-api-secret", "messaging", "VONAGE_API_SECRET NEXMO_API_SECRET", "{a:16}")
F("messagebird-key", "messaging", "MESSAGEBIRD_ACCESS_KEY", "{a:25}")
F("teams-webhook-url", "messaging", "TEAMS_WEBHOOK_URL", teams_hook)
F("google-chat-webhook", "messaging", "GOOGLE_CHAT_WEBHOOK", gchat_hook)
F("mattermost-webhook", "messaging", "MATTERMOST_WEBHOOK_URL", lambda: "https://chat.%s.io/hooks/%s" % (pick(["orbitlabs", "kestrel"]), rnd("l", 26)))
F("zapier-webhook", "saas", "ZAPIER_HOOK_URL", lambda: "https://hooks.zapier.com/hooks/catch/%d/%s/" % (R.randint(10**6, 10**7), rnd("l", 7)))
F("ifttt-webhook-key", "saas", "IFTTT_KEY", "{u:22}", lambda mv: "https://maker.ifttt.com/trigger/deploy_done/with/key/" + mv)
F("pusher-app-secret", "messaging", "PUSHER_APP_SECRET", "{h:20}")
F("ably-api-key", "messaging", "ABLY_API_KEY", lambda: "%s.%s:%s" % (rnd("u", 6), rnd("u", 6), rnd("u", 43)))
F("line-channel-token", "messaging", "LINE_CHANNEL_ACCESS_TOKEN", lambda: rnd("b", 171) + "=")
F("line-channel-secret", "messaging", "LINE_CHANNEL_SECRET", "{h:32}")
F("intercom-access-token", "saas", "INTERCOM_ACCESS_TOKEN", lambda: "dG9rO" + b64(":" + uuid4() + ":1:0")[5:])
F("zendesk-api-token", "saas", "ZENDESK_API_TOKEN", "{a:40}")
F("freshdesk-api-key", "saas", "FRESHDESK_API_KEY", "{a:20}")
F("twitter-bearer-token", "saas", "TWITTER_BEARER_TOKEN", lambda: "AAAAAAAAAAAAAAAAAAAAA" + rnd("a", 25) + "%3D" + rnd("a", 50))
F("twitter-api-secret", "saas", "TWITTER_API_SECRET TWITTER_CONSUMER_SECRET", "{a:50}")
F("facebook-access-token", "saas", "FACEBOOK_ACCESS_TOKEN FB_PAGE_TOKEN", "EAA{a:1}{a:180-220}")
F("facebook-app-secret", "saas", "FACEBOOK_APP_SECRET", "{h:32}")
F("linkedin-client-secret", "saas", "LINKEDIN_CLIENT_SECRET", "{a:16}")
F("webex-bot-token", "messaging", "WEBEX_BOT_TOKEN", lambda: rnd("a", 64) + "_" + rnd("A", 4) + "_" + uuid4())
F("onesignal-rest-key", "messaging", "ONESIGNAL_REST_API_KEY", "os_v2_app_{c:100}")
# databases (only the password / key is labelled)
F("postgres-url-password", "database", "DATABASE_URL POSTGRES_URL", url_pw, W_url("postgres", "pg", 5432))
F("postgresql-url-password", "database", "DATABASE_URL PG_DSN", url_pw, W_url("postgresql", "pg", 5432))
F("postgres-asyncpg-url-password", "database", "SQLALCHEMY_DATABASE_URI", url_pw, W_url("postgresql+asyncpg", "pg", 5432))
F("mysql-url-password", "database", "DATABASE_URL MYSQL_URL", url_pw, W_url("mysql", "my", 3306))
F("mysql-pymysql-url-password", "database", "SQLALCHEMY_DATABASE_URI", url_pw, W_url("mysql+pymysql", "my", 3306))
F("mariadb-url-password", "database", "MARIADB_URL", url_pw, W_url("mariadb", "my", 3306))
F("mongodb-url-password", "database", "MONGO_URL MONGODB_URI", url_pw, lambda mv: "mongodb://%s:%s@%s:27017/%s?authSource=admin" % (_u(), mv, _host("mo"), pick(["app", "events"])))
F("mongodb-srv-password", "database", "MONGODB_URI MONGO_URI", url_pw, lambda mv: "mongodb+srv://%s:%s@%s/?retryWrites=true&w=majority&appName=Cluster0" % (_u(), mv, _host("mo")))
F("redis-url-password", "database", "REDIS_URL CACHE_URL", url_pw, lambda mv: "redis://%s:%s@%s:6379/0" % (pick(["", "default"]), mv, _host("re")))
F("rediss-url-password", "database", "REDIS_TLS_URL", url_pw, lambda mv: "rediss://default:%s@%s:6380" % (mv, _host("re")))
F("amqp-url-password", "database", "AMQP_URL RABBITMQ_URL CELERY_BROKER_URL", url_pw, lambda mv: "amqp://%s:%s@%s:5672/%s" % (_u(), mv, _host("mq"), pick(["", "%2F", "prod"])))
F("amqps-url-password", "database", "CLOUDAMQP_URL", url_pw, lambda mv: "amqps://%s:%s@%s:5671/%s" % (rnd("L", 8), mv, pick(["rat.rmq2.cloudamqp.com", "b-5f2c.mq.us-east-1.amazonaws.com"]), rnd("L", 8)))
F("jdbc-postgres-password", "database", "SPRING_DATASOURCE_URL JDBC_URL", url_pw, lambda mv: "jdbc:postgresql://%s:5432/%s?user=%s&password=%s&sslmode=require" % (_host("pg"), pick(["app", "ledger"]), _u(), mv))
F("jdbc-mysql-password", "database", "JDBC_URL", url_pw, lambda mv: "jdbc:mysql://%s:3306/%s?useSSL=true&user=%s&password=%s" % (_host("my"), pick(["shop", "crm"]), _u(), mv))
F("jdbc-sqlserver-password", "database", "JDBC_URL", gen_pw, lambda mv: "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;encrypt=true" % (pick(["sql-prod.database.windows.net", "mssql01.corp.lan"]), pick(["Billing", "HR"]), _u(), mv))
F("jdbc-oracle-password", "database", "ORACLE_URL", url_pw, lambda mv: "jdbc:oracle:thin:%s/%s@//%s:1521/ORCLPDB1" % (pick(["scott", "app_owner", "gl_user"]), mv, pick(["ora-prod.corp.lan", "10.12.0.8"])))
F("ado-sqlserver-password", "database", "ConnectionStrings__Default SQL_CONNECTION", gen_pw, lambda mv: "Server=tcp:%s,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;MultipleActiveResultSets=False;Encrypt=True;" % (pick(["contoso-sql.database.windows.net", "sql01"]), pick(["Orders", "Identity"]), _u(), mv))
F("odbc-pwd", "database", "ODBC_CONNECTION_STRING", gen_pw, lambda mv: "Driver={ODBC Driver 18 for SQL Server};Server=%s;Database=%s;Uid=%s;Pwd=%s;" % (pick(["sql01.corp.lan", "reporting-db"]), pick(["DW", "Sales"]), _u(), mv))
F("libpq-keyword-password", "database", "PG_CONN DSN", url_pw, lambda mv: "host=%s port=5432 dbname=%s user=%s password=%s sslmode=require" % (_host("pg"), pick(["app", "metrics"]), _u(), mv))
F("snowflake-url-password", "database", "SNOWFLAKE_URL", url_pw, lambda mv: "snowflake://%s:%s@%s/%s/PUBLIC?warehouse=COMPUTE_WH&role=TRANSFORMER" % (pick(["DBT_USER", "LOADER"]), mv, pick(["xy12345.eu-central-1", "orbit-analytics"]), pick(["RAW", "ANALYTICS"])))
F("snowflake-password", "database", "SNOWFLAKE_PASSWORD", gen_pw)
F("clickhouse-url-password", "database", "CLICKHOUSE_URL", url_pw, lambda mv: "clickhouse://%s:%s@%s:9440/default?secure=true" % (pick(["default", "reader"]), mv, pick(["ch.kestrel.cloud", "abc12.eu-west-1.aws.clickhouse.cloud"])))
F("neo4j-url-password", "database", "NEO4J_URI", url_pw, lambda mv: "neo4j+s://neo4j:%s@%s.databases.neo4j.io" % (mv, rnd("l", 8)))
F("elasticsearch-url-password", "database", "ELASTICSEARCH_URL ES_URL", url_pw, lambda mv: "https://elastic:%s@%s:9243" % (mv, pick(["logs-prod.es.us-east-1.aws.found.io", "es01.lumen.lan"])))
F("elastic-cloud-api-key", "observability", "ELASTIC_API_KEY ES_API_KEY", elastic_apikey)
F("influxdb-token", "database", "INFLUX_TOKEN INFLUXDB_TOKEN", lambda: rnd("u", 86) + "==")
F("cockroach-url-password", "database", "COCKROACH_URL", url_pw, lambda mv: "postgresql://%s:%s@%s.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full" % (_u(), mv, pick(["free-tier14.aws-us-east-1", "orbit-prod-4521.6xw"])))
F("couchbase-url-password", "database", "COUCHBASE_URL", url_pw, lambda mv: "couchbases://%s:%s@cb.%s.cloud.couchbase.com" % (_u(), mv, rnd("l", 10)))
F("cassandra-password", "database", "CASSANDRA_PASSWORD", gen_pw)
F("nats-url-password", "database", "NATS_URL", url_pw, lambda mv: "nats://%s:%s@nats.%s.svc:4222" % (_u(), mv, pick(["messaging", "core"])))
F("ftp-url-password", "database", "FTP_URL", url_pw, lambda mv: "ftp://%s:%s@ftp.%s.com/outgoing" % (_u(), mv, pick(["kestrel-partners", "lumen-edi"])))
F("sftp-url-password", "database", "SFTP_URL", url_pw, lambda mv: "sftp://%s:%s@sftp.%s.net:22/upload" % (_u(), mv, pick(["orbit-bank", "acmelogistics"])))
F("smtp-url-password", "messaging", "SMTP_URL EMAIL_URL MAILER_DSN", url_pw, lambda mv: "smtp://%s:%s@%s:587" % (pick(["apikey", "postmaster%40mg.orbitlabs.io", "AKIA" + rnd("B", 16)]), mv, pick(["smtp.sendgrid.net", "smtp.mailgun.org", "email-smtp.eu-west-1.amazonaws.com"])))
F("ldap-bind-password", "database", "LDAP_BIND_PASSWORD", gen_pw)
F("mqtt-url-password", "database", "MQTT_URL", url_pw, lambda mv: "mqtts://%s:%s@%s:8883" % (pick(["device-gw", "telemetry"]), mv, pick(["broker.hivemq.cloud", "mqtt.lumen.lan"])))
F("kafka-sasl-jaas-password", "database", "KAFKA_SASL_JAAS_CONFIG sasl.jaas.config", url_pw, lambda mv: 'org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="%s";' % (rnd("A", 16), mv))
F("confluent-api-secret", "database", "CONFLUENT_API_SECRET", "{a:64}")
F("mongodb-atlas-private-key", "database", "MONGODB_ATLAS_PRIVATE_KEY", "{uuid}")
F("redis-password", "database", "REDIS_PASSWORD", gen_pw)
F("mysql-root-password", "database", "MYSQL_ROOT_PASSWORD", gen_pw)
F("postgres-password", "database", "POSTGRES_PASSWORD PGPASSWORD", gen_pw)
# observability
F("datadog-api-key", "observability", "DD_API_KEY DATADOG_API_KEY", "{h:32}")
F("datadog-app-key", "observability", "DD_APP_KEY DATADOG_APP_KEY", "{h:40}")
F("newrelic-user-key", "observability", "NEW_RELIC_API_KEY", "NRAK-{A:27}")
F("newrelic-license-key", "observability", "NEW_RELIC_LICENSE_KEY", "{h:36}NRAL")
F("newrelic-insert-key", "observability", "NEW_RELIC_INSERT_KEY", "NRII-{u:32}")
F("sentry-auth-token", "observability", "SENTRY_AUTH_TOKEN", sentry_org)
F("sentry-user-token", "observability", "SENTRY_AUTH_TOKEN", "sntryu_{h:64}")
F("sentry-dsn-secret", "observability", "SENTRY_DSN", "{h:32}", lambda mv: "https://%s:%s@sentry.%s.io/%d" % (rnd("h", 32), mv, pick(["orbitlabs", "kestrel"]), R.randint(2, 99)))
F("honeycomb-api-key", "observability", "HONEYCOMB_API_KEY", "hcaik_01{l:52}")
F("honeycomb-legacy-key", "observability", "HONEYCOMB_WRITEKEY", "{h:32}")
F("grafana-cloud-token", "observability", "GRAFANA_CLOUD_API_KEY", grafana_cloud)
F("grafana-sa-token", "observability", "GRAFANA_TOKEN GF_SA_TOKEN", lambda: "glsa_" + rnd("a", 32) + "_" + rnd("h", 8))
F("dynatrace-token", "observability", "DT_API_TOKEN", "dt0c01.{A:24}.{A:64}")
F("splunk-hec-token", "observability", "SPLUNK_HEC_TOKEN", "{uuid}")
F("logzio-token", "observability", "LOGZIO_TOKEN", "{a:32}")
F("loggly-token", "observability", "LOGGLY_TOKEN", "{uuid}")
F("sumologic-access-key", "observability", "SUMOLOGIC_ACCESSKEY", "{a:64}")
F("opsgenie-api-key", "observability", "OPSGENIE_API_KEY", "{uuid}")
F("pagerduty-integration-key", "observability", "PAGERDUTY_INTEGRATION_KEY PD_ROUTING_KEY", "{h:32}")
F("pagerduty-api-token", "observability", "PAGERDUTY_TOKEN", "u+{u:18}")
F("rollbar-access-token", "observability", "ROLLBAR_ACCESS_TOKEN", "{h:32}")
F("axiom-token", "observability", "AXIOM_TOKEN", "xaat-{uuid}")
F("betterstack-token", "observability", "LOGTAIL_SOURCE_TOKEN", "{a:24}")
F("posthog-personal-key", "observability", "POSTHOG_PERSONAL_API_KEY", "phx_{a:43}")
F("mixpanel-secret", "observability", "MIXPANEL_API_SECRET", "{h:32}")
F("amplitude-secret", "observability", "AMPLITUDE_SECRET_KEY", "{h:32}")
F("launchdarkly-sdk-key", "observability", "LD_SDK_KEY LAUNCHDARKLY_SDK_KEY", "sdk-{uuid}")
F("launchdarkly-api-key", "observability", "LD_API_KEY", "api-{uuid}")
F("statsig-server-secret", "observability", "STATSIG_SERVER_SECRET", "secret-{a:43}")
F("uptimerobot-api-key", "observability", "UPTIMEROBOT_API_KEY", lambda: "u%d-%s" % (R.randint(10**5, 10**7), rnd("h", 24)))
F("checkly-api-key", "observability", "CHECKLY_API_KEY", "cu_{h:32}")
# SaaS
F("notion-token-legacy", "saas", "NOTION_TOKEN NOTION_API_KEY", "secret_{a:43}")
F("notion-token", "saas", "NOTION_TOKEN", lambda: "ntn_" + str(R.randint(10**10, 10**11)) + rnd("a", 35))
F("airtable-pat", "saas", "AIRTABLE_TOKEN AIRTABLE_API_KEY", "pat{a:14}.{h:64}")
F("asana-pat", "saas", "ASANA_TOKEN", lambda: "%d/%d:%s" % (R.choice([1, 2]), R.randint(10**15, 10**16), rnd("h", 32)))
F("linear-api-key", "saas", "LINEAR_API_KEY", "lin_api_{a:40}")
F("linear-oauth-token", "saas", "LINEAR_OAUTH_TOKEN", "lin_oauth_{h:64}")
F("clickup-token", "saas", "CLICKUP_API_TOKEN", lambda: "pk_%d_%s" % (R.randint(10**7, 10**8), rnd("A", 32)))
F("trello-token", "saas", "TRELLO_TOKEN", "ATTA{h:64}{H:8}")
F("monday-token", "saas", "MONDAY_API_TOKEN", lambda: jwt({"tid": R.randint(10**8, 10**9), "aai": 11, "uid": R.randint(10**7, 10**8), "iad": "2025-02-11T09:12:44.000Z", "per": "me:write", "actid": R.randint(10**6, 10**7), "rgn": "use1"}))
F("figma-pat", "saas", "FIGMA_TOKEN FIGMA_ACCESS_TOKEN", "figd_{u:40}")
F("hubspot-private-app", "saas", "HUBSPOT_ACCESS_TOKEN", "pat-na1-{uuid}")
F("hubspot-api-key-legacy", "saas", "HUBSPOT_API_KEY HAPIKEY", "{uuid}")
F("salesforce-access-token", "saas", "SF_ACCESS_TOKEN SALESFORCE_TOKEN", "00D{a:12}!{a:4}.{u:96}")
F("salesforce-consumer-secret", "saas", "SF_CONSUMER_SECRET", "{H:64}")
F("zoom-client-secret", "saas", "ZOOM_CLIENT_SECRET", "{a:32}")
F("dropbox-short-lived", "saas", "DROPBOX_ACCESS_TOKEN", "sl.{u:138}")
F("dropbox-long-lived", "saas", "DROPBOX_TOKEN", lambda: rnd("a", 11) + "AAAAAAAAAA" + rnd("u", 43))
F("box-developer-token", "saas", "BOX_DEVELOPER_TOKEN", "{a:32}")
F("typeform-pat", "saas", "TYPEFORM_TOKEN", "tfp_{u:44}_{u:14}")
F("contentful-management-token", "saas", "CONTENTFUL_MANAGEMENT_TOKEN", "CFPAT-{u:43}")
F("sanity-token", "saas", "SANITY_API_TOKEN SANITY_WRITE_TOKEN", "sk{a:180}")
F("algolia-admin-key", "saas", "ALGOLIA_ADMIN_KEY ALGOLIA_API_KEY", "{h:32}")
F("mapbox-secret-token", "saas", "MAPBOX_SECRET_TOKEN MAPBOX_DOWNLOADS_TOKEN", lambda: "sk.eyJ1Ijoi" + b64(rnd("l", 8) + '","a":"' + rnd("a", 25) + '"}', pad=False)[:60] + "." + rnd("u", 22))
F("okta-api-token", "auth", "OKTA_API_TOKEN OKTA_CLIENT_TOKEN", "00{u:40}")
F("auth0-client-secret", "auth", "AUTH0_CLIENT_SECRET", "{u:64}")
F("auth0-mgmt-token", "auth", "AUTH0_MGMT_TOKEN", lambda: jwt(alg="RS256"))
F("clerk-secret-key", "auth", "CLERK_SECRET_KEY", "sk_live_{a:40}")
F("clerk-secret-key-test", "auth", "CLERK_SECRET_KEY", "sk_test_{a:40}")
F("stytch-secret", "auth", "STYTCH_SECRET", "secret-live-{u:36}")
F("workos-api-key", "auth", "WORKOS_API_KEY", "sk_{a:64}")
F("keycloak-client-secret", "auth", "KEYCLOAK_CLIENT_SECRET KC_CLIENT_SECRET", "{a:32}")
F("twitch-client-secret", "saas", "TWITCH_CLIENT_SECRET", "{l:30}")
F("spotify-client-secret", "saas", "SPOTIFY_CLIENT_SECRET", "{h:32}")
F("shippo-token", "saas", "SHIPPO_API_TOKEN", "shippo_live_{h:40}")
F("easypost-api-key", "saas", "EASYPOST_API_KEY", "EZAK{a:54}")
F("postman-api-key", "saas", "POSTMAN_API_KEY", "PMAK-{h:24}-{h:34}")
F("readme-api-key", "saas", "README_API_KEY", "rdme_{l:70}")
F("frameio-token", "saas", "FRAMEIO_TOKEN", "fio-u-{u:64}")
F("lob-api-key", "saas", "LOB_API_KEY", "live_{h:35}")
F("adobe-client-secret", "saas", "ADOBE_CLIENT_SECRET", "p8e-{u:32}")
F("infracost-api-key", "saas", "INFRACOST_API_KEY", "ico-{a:32}")
F("prefect-api-key", "saas", "PREFECT_API_KEY", "pnu_{a:36}")
F("cloudinary-url-secret", "saas", "CLOUDINARY_URL", "{u:27}", lambda mv: "cloudinary://%d:%s@%s" % (R.randint(10**14, 10**15), mv, pick(["orbit-media", "dq3kz9x"])))
F("hasura-admin-secret", "saas", "HASURA_GRAPHQL_ADMIN_SECRET", "{a:40}")
F("contentstack-management-token", "saas", "CONTENTSTACK_MANAGEMENT_TOKEN", "cs{h:32}")
F("segment-write-key-server", "saas", "SEGMENT_WRITE_KEY", "{a:32}")
F("freshbooks-secret", "saas", "FRESHBOOKS_CLIENT_SECRET", "{h:64}")
F("mux-token-secret", "saas", "MUX_TOKEN_SECRET", "{b:75}")
F("kakao-rest-key", "saas", "KAKAO_REST_API_KEY", "{h:32}")
F("naver-client-secret", "saas", "NAVER_CLIENT_SECRET", "{a:10}")
F("line-login-secret", "saas", "LINE_LOGIN_CHANNEL_SECRET", "{h:32}")
# auth material
F("jwt-hs256", "auth", "ACCESS_TOKEN JWT id_token", lambda: jwt())
F("jwt-rs256", "auth", "ACCESS_TOKEN id_token", lambda: jwt(alg="RS256"))
F("jwt-es256", "auth", "ACCESS_TOKEN", lambda: jwt(alg="ES256"))
F("k8s-sa-token", "auth", "KUBE_TOKEN K8S_TOKEN", lambda: jwt({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": pick(["ci", "default", "prod"]), "kubernetes.io/serviceaccount/secret.name": "deployer-token-" + rnd("l", 5), "kubernetes.io/serviceaccount/service-account.name": "deployer", "kubernetes.io/serviceaccount/service-account.uid": uuid4(), "sub": "system:serviceaccount:ci:deployer"}, alg="RS256"))
F("bearer-opaque", "auth", "API_TOKEN AUTH_TOKEN", "{a:40-64}")
F("basic-auth-b64", "auth", "BASIC_AUTH", basic_b64)
F("url-basic-auth-password", "auth", "REGISTRY_URL PROXY_URL", url_pw, lambda mv: "https://%s:%s@%s" % (pick(["ci-bot", "deploy", "admin", "reader"]), mv, pick(["registry.kestrel.dev/v2/", "nexus.lumen.lan/repository/npm/", "proxy.corp.lan:3128", "git.orbitlabs.io/platform/infra.git"])))
F("http-proxy-password", "auth", "HTTPS_PROXY HTTP_PROXY", url_pw, lambda mv: "http://%s:%s@%s:%d" % (pick(["jdoe", "svc-proxy", "u12345"]), mv, pick(["proxy.corp.lan", "10.0.0.12", "squid.internal"]), pick([3128, 8080, 80])))
F("git-credentials-token", "vcs", "credential", lambda: gh_token("ghp_"), lambda mv: "https://%s:%s@github.com" % (pick(["x-access-token", "jdoe", "ci-bot", "oauth2"]), mv))
F("session-cookie-express", "auth", "connect.sid", lambda: "s%3A" + rnd("u", 32) + "." + rnd("b", 43).replace("+", "%2B").replace("/", "%2F"))
F("session-cookie-php", "auth", "PHPSESSID", "{l:26}")
F("session-cookie-django", "auth", "sessionid", "{l:32}")
F("session-cookie-rails", "auth", "_app_session", lambda: rnd("b", 120).replace("+", "%2B").replace("/", "%2F") + "--" + rnd("h", 40))
F("session-cookie-laravel", "auth", "laravel_session", lambda: "eyJpdiI6I" + rnd("a", 180) + "%3D%3D")
F("session-cookie-jsessionid", "auth", "JSESSIONID", "{H:32}")
F("session-cookie-aspnet", "auth", ".AspNetCore.Cookies", "CfDJ8{u:300}")
F("session-cookie-nextauth", "auth", "__Secure-next-auth.session-token", lambda: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.." + rnd("u", 22) + "." + rnd("u", 300) + "." + rnd("u", 22))
F("session-cookie-flask", "auth", "session", lambda: "." + rnd("u", 120) + "." + rnd("u", 6) + "." + rnd("u", 27))
F("oauth-refresh-token", "auth", "REFRESH_TOKEN refresh_token", "{u:64-86}")
F("oauth-client-secret-generic", "auth", "OAUTH_CLIENT_SECRET CLIENT_SECRET", "{u:40-64}")
F("api-key-query-param", "auth", "API_URL", "{a:32}", lambda mv: "https://api.%s.com/v2/%s?%s=%s" % (pick(["weatherstack", "openexchangerates", "newsapi", "kestrel-geo"]), pick(["current", "latest.json", "search"]), pick(["api_key", "apikey", "access_key", "app_id", "key"]), mv))
F("access-token-query-param", "auth", "CALLBACK_URL", "{u:48}", lambda mv: "https://%s/api/v1/export?format=csv&access_token=%s" % (pick(["grafana.lumen.lan", "reports.orbitlabs.io"]), mv))
F("totp-seed", "auth", "TOTP_SECRET MFA_SEED", "{B:32}")
F("totp-uri-secret", "auth", "OTPAUTH_URI", "{B:32}", lambda mv: "otpauth://totp/Orbit:%s?secret=%s&issuer=Orbit&algorithm=SHA1&digits=6&period=30" % (pick(["ops%40orbitlabs.io", "jdoe"]), mv))
F("django-secret-key", "auth", "SECRET_KEY DJANGO_SECRET_KEY", lambda: pick(["django-insecure-", ""]) + "".join(R.choice("abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)") for _ in range(50)))
F("rails-secret-key-base", "auth", "SECRET_KEY_BASE secret_key_base", "{h:128}")
F("rails-master-key", "auth", "RAILS_MASTER_KEY", "{h:32}")
F("laravel-app-key", "auth", "APP_KEY", lambda: "base64:" + b64(rbytes(32)))
F("flask-secret-key", "auth", "FLASK_SECRET_KEY SECRET_KEY", "{h:48}")
F("nextauth-secret", "auth", "NEXTAUTH_SECRET AUTH_SECRET", lambda: b64(rbytes(32)))
F("jwt-signing-secret", "auth", "JWT_SECRET JWT_SIGNING_KEY", "{a:48-64}")
F("aes-key-hex", "auth", "ENCRYPTION_KEY AES_KEY DATA_KEY", "{h:64}")
F("fernet-key", "auth", "FERNET_KEY", lambda: b64(rbytes(32), url=True))
F("hmac-signing-key", "auth", "HMAC_SECRET WEBHOOK_SIGNING_SECRET", lambda: b64(rbytes(48)))
F("wireguard-private-key", "crypto", "PrivateKey WG_PRIVATE_KEY", lambda: b64(rbytes(32)))
F("keystore-password", "generic", "storePassword KEYSTORE_PASSWORD", human_pw)
F("ansible-become-password", "generic", "ansible_become_pass ansible_become_password", human_pw)
F("ansible-ssh-password", "generic", "ansible_ssh_pass ansible_password", gen_pw)
F("smtp-password", "messaging", "SMTP_PASSWORD MAIL_PASSWORD EMAIL_HOST_PASSWORD", gen_pw)
F("sasl-password", "database", "KAFKA_SASL_PASSWORD", "{a:64}")
F("vpn-psk", "generic", "IPSEC_PSK VPN_PRESHARED_KEY", lambda: rnd("a", 32))
F("wifi-psk", "generic", "WIFI_PASSWORD wpa_passphrase", passphrase)
F("admin-password-human", "generic", "ADMIN_PASSWORD admin_password", human_pw)
F("db-password-human", "generic", "DB_PASSWORD db_password DB_PASS", human_pw)
F("db-password-generated", "generic", "DB_PASSWORD DATABASE_PASSWORD", gen_pw)
F("user-password-nonascii", "generic", "PASSWORD", lambda: pick(["Sonnenschein-Müller-2024", "Açaí!Pão#88", "Żółć_Gęś77", "Пароль_Сибирь-42", "春眠不觉晓_2024!", "ねこネコ猫-2025", "비밀번호아님-39!", "Đà_Lạt-1987#", "Ünlü-Çiçek_55", "ÅngströmÖl#9"]) + rnd("d", 2))
F("passphrase", "generic", "PASSPHRASE GPG_PASSPHRASE", passphrase)
F("generic-api-key-hex", "generic", "API_KEY apiKey SERVICE_API_KEY", "{h:40}")
F("generic-api-key-alnum", "generic", "X_API_KEY PARTNER_API_KEY", "{a:32}")
F("generic-secret-b64", "generic", "CLIENT_SECRET SIGNING_SECRET", lambda: b64(rbytes(R.choice([24, 32, 48]))))
F("internal-service-token", "generic", "INTERNAL_SERVICE_TOKEN", lambda: pick(["svc", "int", "tok"]) + "_" + rnd("u", 40))
F("takumo-api-key", "vcs", "TAKUMO_KEY TAKUMO_API_KEY", lambda: pick(["tk_live_", "tk_test_"]) + rnd("u", 40))
# private keys (whole block)
F("private-key-rsa-pkcs1", "private-key", "PRIVATE_KEY SSL_KEY", lambda: pem("RSA PRIVATE KEY"))
F("private-key-pkcs8", "private-key", "PRIVATE_KEY", lambda: pem("PRIVATE KEY"))
F("private-key-ec", "private-key", "EC_PRIVATE_KEY", lambda: pem("EC PRIVATE KEY"))
F("private-key-dsa", "private-key", "DSA_KEY", lambda: pem("DSA PRIVATE KEY"))
F("private-key-openssh", "private-key", "SSH_PRIVATE_KEY DEPLOY_KEY", lambda: pem("OPENSSH PRIVATE KEY"))
F("private-key-encrypted-pkcs8", "private-key", "ENCRYPTED_KEY", lambda: pem("ENCRYPTED PRIVATE KEY"))
F("private-key-rsa-encrypted", "private-key", "TLS_KEY", lambda: pem("RSA ENCRYPTED"))
F("private-key-pgp", "private-key", "GPG_PRIVATE_KEY SIGNING_KEY", lambda: pem("PGP PRIVATE KEY BLOCK"))
F("private-key-putty", "private-key", "PPK", putty)
F("private-key-openvpn-static", "private-key", "TLS_AUTH_KEY", openvpn_static)
F("private-key-pem-b64", "private-key", "PRIVATE_KEY_BASE64 TLS_KEY_B64", lambda: b64(pem(pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"])) + "\n"))
F("private-key-pem-oneline", "private-key", "PRIVATE_KEY", lambda: pem(pick(["PRIVATE KEY", "RSA PRIVATE KEY"]), eol="\\n"))
F("private-key-jwk", "private-key", "JWK_PRIVATE", jwk_private)
F("gcp-sa-private-key", "private-key", "private_key", lambda: pem("PRIVATE KEY") + "\n")
F("coinbase-cdp-ec-key", "crypto", "CDP_API_KEY_SECRET", lambda: pem("EC PRIVATE KEY"))
F("github-app-private-key", "private-key", "GITHUB_APP_PRIVATE_KEY", lambda: pem("RSA PRIVATE KEY"))
F("apple-p8-key", "private-key", "APNS_AUTH_KEY APPSTORE_CONNECT_KEY", lambda: "-----BEGIN PRIVATE KEY-----\n" + "\n".join([b64(bytes.fromhex("308193020100301306072a8648ce3d020106082a8648ce3d030107047930770201010420") + rbytes(32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rbytes(64))[i:i + 64] for i in range(0, 200, 64)]) + "\n-----END PRIVATE KEY-----")

FMT = {f[0]: f for f in FORMATS}
assert len(FMT) == len(FORMATS), [n for n, c in collections.Counter(f[0] for f in FORMATS).items() if c > 1]


# ---------------------------------------------------------------- negatives

SECRET_NAMES = ["DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "OPENAI_API_KEY", "ANTHROPIC_API_KEY",
                "SLACK_BOT_TOKEN", "JWT_SECRET", "REDIS_PASSWORD", "SENDGRID_API_KEY", "CLIENT_SECRET", "ACCESS_TOKEN", "PRIVATE_KEY",
                "SMTP_PASSWORD", "NPM_TOKEN", "DATADOG_API_KEY", "SECRET_KEY_BASE", "MONGO_PASSWORD", "AUTH_TOKEN", "WEBHOOK_SECRET",
                "TWILIO_AUTH_TOKEN", "ENCRYPTION_KEY", "ADMIN_PASSWORD", "SESSION_SECRET", "HF_TOKEN", "PYPI_TOKEN", "SENTRY_AUTH_TOKEN"]


def sname():
    return pick(SECRET_NAMES)


def lname(n=None):
    n = n or sname()
    return pick([n.lower(), n, re.sub(r"_([a-z])", lambda m: m.group(1).upper(), n.lower())])


def acct():
    return str(R.randint(10**11, 10**12 - 1))


def bcrypt():
    return "$2%s$%d$%s" % (pick(["a", "b", "y"]), pick([10, 11, 12, 13]), "".join(R.choice("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(53)))


def argon2():
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s" % (pick([65536, 19456, 47104]), pick([2, 3]), pick([1, 4]), rnd("b", 22).replace("+", "x").replace("/", "y"), rnd("b", 43).replace("+", "q").replace("/", "z"))


def pwhash():
    return pick([bcrypt, argon2,
                 lambda: "$6$rounds=656000$%s$%s" % (rnd("a", 16), "".join(R.choice("./" + CH["a"]) for _ in range(86))),
                 lambda: "$apr1$%s$%s" % (rnd("a", 8), "".join(R.choice("./" + CH["a"]) for _ in range(22))),
                 lambda: "pbkdf2_sha256$%d$%s$%s=" % (pick([600000, 720000, 870000]), rnd("a", 22), rnd("b", 43)),
                 lambda: "{SSHA}" + b64(rbytes(24))])()


def publishable():
    return pick([
        ("stripe-pk", lambda: "pk_live_" + rnd("a", R.randint(24, 99))),
        ("stripe-pk-test", lambda: "pk_test_" + rnd("a", R.randint(24, 99))),
        ("supabase-anon", lambda: supabase_jwt("anon")),
        ("supabase-publishable", lambda: "sb_publishable_" + rnd("u", 31)),
        ("statsig-client", lambda: "client-" + rnd("a", 43)),
        ("posthog-project", lambda: "phc_" + rnd("a", 43)),
        ("mapbox-public", lambda: "pk.eyJ1Ijoi" + b64(rnd("l", 8) + '","a":"' + rnd("a", 25) + '"}', pad=False)[:60] + "." + rnd("u", 22)),
        ("recaptcha-site", lambda: "6L" + rnd("u", 38)),
        ("clerk-publishable", lambda: "pk_live_" + b64("clerk.%s.com$" % pick(["orbitlabs", "kestrel"]), pad=False)),
        ("langfuse-public", lambda: "pk-lf-" + uuid4()),
        ("razorpay-key-id", lambda: "rzp_live_" + rnd("a", 14)),
        ("launchdarkly-client-id", lambda: rnd("h", 24)),
        ("launchdarkly-mobile", lambda: "mob-" + uuid4()),
        ("newrelic-browser", lambda: "NRJS-" + rnd("h", 19)),
        ("sentry-dsn-public", lambda: "https://%s@o%d.ingest.sentry.io/%d" % (rnd("h", 32), R.randint(10**5, 10**6), R.randint(10**6, 10**7))),
        ("algolia-search-key", lambda: rnd("h", 32)),
        ("google-oauth-client-id", lambda: "%d-%s.apps.googleusercontent.com" % (R.randint(10**11, 10**12), rnd("l", 32))),
    ])


def pub_neg():
    sub, g = publishable()
    return N("publishable-key", sub, g(), True)


GW_KINDS = ["KEY", "PASSWORD", "CONN", "TOKEN", "SECRET", "JWT", "PRIVATE_KEY", "AWS", "URL"]


def gw():
    return N("gateway-token", pick(["bare", "in-config"]), "__TAKUMO_v1_%s_%s__" % (pick(GW_KINDS), rnd("h", 8)))


PLACEHOLDERS = ["your-api-key-here", "<YOUR_API_KEY>", "<TOKEN>", "<your-token>", "xxxxxxxxxxxxxxxxxxxx", "********", "REDACTED", "[REDACTED]",
                "<redacted>", "changeme", "CHANGE_ME", "YOUR_SECRET_HERE", "INSERT_TOKEN_HERE", "replace-me", "sk-xxxxxxxxxxxxxxxxxxxxxxxx",
                "AKIAXXXXXXXXXXXXXXXX", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "<password>", "PASSWORD_GOES_HERE", "example-password",
                "test", "dummy-secret", "fake-token-for-tests", "TODO", "xoxb-your-bot-token", "sk_test_your_key", "***", "<SECRET>",
                "your_password", "{{PASSWORD}}", "secret-goes-here", "<insert key>", "placeholder", "...", "none", "null", "(hidden)",
                "tu-clave-aqui", "ihr-passwort", "votre_mot_de_passe", "sua-senha-aqui", "ваш_пароль", "你的密钥", "あなたのAPIキー"]


def placeholder():
    return N("placeholder", pick(["marker", "angle", "masked-x", "test", "i18n"]), pick(PLACEHOLDERS))


def masked():
    return N("masked", pick(["mid-ellipsis", "stars", "first4-last4"]), pick([
        lambda: "sk-…" + rnd("a", 4), lambda: "sk-proj-..." + rnd("a", 4), lambda: "****" + rnd("d", 4), lambda: "ghp_****" + rnd("a", 4),
        lambda: "AKIA************" + rnd("A", 4), lambda: "•••• •••• •••• " + rnd("d", 4), lambda: rnd("a", 4) + "…" + rnd("a", 4),
        lambda: "xoxb-***-***-" + rnd("a", 4), lambda: rnd("a", 4) + "*" * 24 + rnd("a", 4), lambda: "sk_live_…" + rnd("a", 4),
        lambda: "[MASKED:" + rnd("h", 6) + "]", lambda: "eyJhbGciOi…(truncated)"])())


def ref_ci(n=None):
    n = n or sname()
    return N("ref-ci", pick(["gha", "gitlab", "azure", "circle"]), pick([
        "${{ secrets.%s }}" % n, "${{ secrets.%s }}" % n, "$(%s)" % n.replace("_", "."), "${%s}" % n, "$%s" % n,
        "${{ vars.%s }}" % n]))


def ref_env(n=None):
    n = n or sname()
    return N("ref-env", pick(["shell", "compose", "windows"]), pick(["${%s}" % n, "$%s" % n, "${%s:-}" % n, "${%s:?missing}" % n, "%%%s%%" % n, "$env:%s" % n]))


def ref_cmd():
    return N("ref-cmd", pick(["subshell", "backtick"]), pick([
        "$(cat /run/secrets/%s)" % pick(["db_password", "api_token"]), "$(vault kv get -field=password secret/%s/db)" % pick(["prod", "staging"]),
        "$(aws ssm get-parameter --name /%s/db/password --with-decryption --query Parameter.Value --output text)" % pick(["prod", "app"]),
        "`op read op://Prod/stripe/credential`", "$(gcloud secrets versions access latest --secret=%s)" % pick(["db-pass", "api-key"]),
        "$(pass show infra/%s)" % pick(["github", "smtp"]), "$(security find-generic-password -s npm -w)"]))


def ref_tpl():
    return N("ref-template", pick(["helm", "erb", "jinja", "go", "mustache"]), pick([
        "{{ .Values.%s }}" % pick(["db.password", "secrets.apiKey", "auth.token"]), "<%%= ENV['%s'] %%>" % sname(),
        "{{ %s }}" % pick(["vault_db_password", "stripe_secret", "lookup('env','API_KEY')"]), '{{ env "%s" }}' % sname(),
        "#{ENV['%s']}" % sname(), "{{ secrets.%s }}" % sname().lower(), "{{ .Env.%s }}" % sname(), "${var.%s}" % lname().lower(),
        "{{ required \"password is required\" .Values.postgresql.auth.password }}", "%%(%s)s" % lname().lower()]))


def ref_code(n=None):
    n = n or sname()
    return N("ref-code", pick(["env-read", "config-read", "terraform"]), pick([
        'os.getenv("%s")' % n, "process.env.%s" % n, 'System.getenv("%s")' % n, 'ENV.fetch("%s")' % n, 'env::var("%s")' % n,
        'Environment.GetEnvironmentVariable("%s")' % n, 'os.environ["%s"]' % n, "config('services.%s.secret')" % pick(["stripe", "github"]),
        "var.%s" % n.lower(), "random_password.%s.result" % pick(["db", "admin"]), "data.aws_secretsmanager_secret_version.%s.secret_string" % pick(["db", "app"]),
        'System.get_env("%s")' % n, "Deno.env.get(\"%s\")" % n, "import.meta.env.VITE_%s" % n, 'viper.GetString("%s")' % n.lower()]))


def ref_sm():
    return N("ref-secret-manager", pick(["vault", "1password", "aws", "azure", "gcp", "k8s"]), pick([
        "vault:secret/data/%s/db#password" % pick(["prod", "payments"]), "op://%s/%s/credential" % (pick(["Prod", "Infra"]), pick(["Stripe", "Postgres"])),
        "arn:aws:secretsmanager:%s:%s:secret:%s-%s" % (pick(["us-east-1", "eu-west-1"]), acct(), pick(["prod/db", "app/api-key"]), rnd("a", 6)),
        "@Microsoft.KeyVault(SecretUri=https://%s.vault.azure.net/secrets/%s/)" % (pick(["kv-orbit-prod", "kestrelkv"]), pick(["DbPassword", "StripeKey"])),
        "ssm:/%s/%s/db_password" % (pick(["prod", "staging"]), pick(["orders", "api"])), "projects/%s/secrets/%s/versions/latest" % (pick(["orbit-prod", "kestrel-471"]), pick(["db-pass", "api-key"])),
        "arn:aws:ssm:eu-west-1:%s:parameter/prod/api/token" % acct(), "sm://%s" % pick(["prod-db-password", "openai-key"]),
        "akv://%s/%s" % (pick(["kv-prod"]), pick(["redis-pass"])), "doppler://%s" % pick(["STRIPE_KEY"])]))


def default_pw():
    return N("default-password", pick(["db", "broker", "object-store", "admin-ui"]), pick(
        ["postgres", "admin", "root", "guest", "minioadmin", "password", "secret", "airflow", "mysql", "rabbitmq", "elastic", "neo4j", "sa", "Passw0rd"]), True)


def hash_git():
    return N("hash-git", pick(["commit", "short", "index"]), pick([lambda: rnd("h", 40), lambda: rnd("h", 7), lambda: rnd("h", 12)])())


def hash_sha():
    return N("hash-sha256", pick(["docker-digest", "checksum", "etag"]), pick([lambda: "sha256:" + rnd("h", 64), lambda: rnd("h", 64), lambda: rnd("h", 32)])())


def sri():
    return N("hash-sri", "integrity", pick(["sha512-" + rnd("b", 86) + "==", "sha384-" + rnd("b", 64), "sha256-" + rnd("b", 43) + "="]))


def lockck():
    return N("lockfile-checksum", pick(["go.sum", "cargo", "poetry", "yarn"]), pick(["h1:" + rnd("b", 43) + "=", rnd("h", 64), "sha256:" + rnd("h", 64)]))


def fp_neg():
    return N("hash-fingerprint", pick(["ssh", "tls"]), pick(["SHA256:" + rnd("b", 43), ":".join(rnd("H", 2) for _ in range(20)), "MD5:" + ":".join(rnd("h", 2) for _ in range(16))]))


def uuid_neg():
    return N("uuid", pick(["id", "request", "tenant"]), uuid4())


def trace():
    return N("trace-id", pick(["trace", "span", "xray", "request", "cf-ray"]), pick([
        lambda: rnd("h", 32), lambda: rnd("h", 16), lambda: "Root=1-%s-%s" % (rnd("h", 8), rnd("h", 24)), lambda: "req_" + rnd("a", 14),
        lambda: rnd("h", 16) + "-" + pick(["FRA", "AMS", "IAD", "NRT"]), lambda: "00-%s-%s-01" % (rnd("h", 32), rnd("h", 16)), lambda: uuid4()])())


def pubkey():
    k = R.randint(0, 4)
    if k == 0:
        return N("public-key", "ssh", ssh_pub() + " " + pick(["deploy@ci", "jdoe@laptop", "ansible"]))
    if k == 1:
        return N("public-key", "pem", pub_pem())
    if k == 2:
        return N("public-key", "age", "age1" + rnd("m", 58))
    if k == 3:
        return N("public-key", "wireguard", b64(rbytes(32)))
    return N("public-key", "ssh-bare", ssh_pub("ed25519"))


def cert():
    return N("certificate", "pem", pub_pem("CERTIFICATE"))


def b64data():
    return N("base64-data", pick(["json", "png", "text", "datauri"]), pick([
        lambda: b64(jd({"theme": pick(["dark", "light"]), "locale": pick(["en-US", "pt-BR"]), "sidebar": True, "v": R.randint(1, 9)})),
        lambda: "iVBORw0KGgoAAAANSUhEUgAA" + rnd("b", 60) + "==", lambda: b64(pick(["hello world from the build bot", "Release notes for sprint 42", "user prefs v3"])),
        lambda: "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAA" + rnd("b", 80) + "=",
        lambda: "d09GMgABAAAAA" + rnd("b", 70)])())


def minjs():
    return N("minified-js", pick(["code", "chunk"]), pick([
        "function(e,t,n){var r=n(%d),o=n.n(r);return e.apiKey=t.apiKey||o.a.token,e}" % R.randint(100, 999),
        "static/js/main.%s.chunk.js" % rnd("h", 8), "!function(e){var t={};function n(r){if(t[r])return t[r].exports}}(%s)" % rnd("L", 1),
        "const{password:a,token:b}=c.body;if(!a||!b)return d.status(400)", "e.exports={secretKey:process.env.K,t:%d}" % R.randint(1, 99)]))


def color():
    return N("css-color", pick(["hex", "rgba", "token"]), pick(["#" + rnd("h", 6), "#" + rnd("h", 8), "rgba(%d, %d, %d, 0.%d)" % (R.randint(0, 255), R.randint(0, 255), R.randint(0, 255), R.randint(1, 9)), "hsl(%d 84%% 60%%)" % R.randint(0, 359)]))


def version():
    return N("version", pick(["semver", "tag", "build"]), pick(["%d.%d.%d" % (R.randint(0, 9), R.randint(0, 40), R.randint(0, 30)), "v%d.%d.%d-rc.%d" % (R.randint(0, 5), R.randint(0, 9), R.randint(0, 9), R.randint(1, 4)),
                                                             "sha-" + rnd("h", 7), "2026%02d%02d.%d" % (R.randint(1, 12), R.randint(1, 28), R.randint(1, 9)), "%d.%d.%d+build.%d" % (R.randint(1, 3), R.randint(0, 9), R.randint(0, 9), R.randint(100, 999))]))


def fpath():
    return N("file-path", pick(["unix", "windows", "mount"]), pick([
        "/etc/ssl/private/tls.key", "~/.ssh/id_ed25519", "C:\\Users\\jdoe\\AppData\\Roaming\\gcloud\\credentials.db", "/run/secrets/db_password",
        "./certs/server.key", "secrets/prod/api_token.txt", "/var/run/secrets/kubernetes.io/serviceaccount/token", "%APPDATA%\\npm\\.npmrc",
        "/home/runner/.docker/config.json", "config/credentials/production.key", "/vault/secrets/database.env", "~/.aws/credentials",
        "keys/firebase-adminsdk-%s.json" % rnd("l", 5), "/opt/app/conf/keystore.jks", "D:\\deploy\\certs\\signing.pfx"]))


def url_ok():
    return N("url-nocreds", pick(["api", "db", "git", "user-only"]), pick([
        "https://api.stripe.com/v1/charges?limit=%d" % R.randint(3, 100), "postgres://db.internal:5432/app", "redis://cache:6379/0",
        "https://ci@git.orbitlabs.io/platform/infra.git", "git@github.com:orbit-labs/%s.git" % pick(["api", "web"]), "mongodb://mongo-0.mongo:27017/?replicaSet=rs0",
        "https://login.microsoftonline.com/common/oauth2/v2.0/token", "https://oauth2.googleapis.com/token", "amqp://rabbitmq:5672/%2F",
        "https://hooks.slack.com/services/", "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15"]))


POLICY = {
    "en": ["Password must be at least 12 characters and include a number", "Forgot your password?", "Enter your API key"],
    "es": ["La contraseña debe tener al menos 12 caracteres", "¿Olvidaste tu contraseña?", "Introduce tu clave de API"],
    "pt": ["A senha deve ter pelo menos 8 caracteres", "Esqueceu sua senha?", "Informe seu token de acesso"],
    "fr": ["Le mot de passe doit contenir au moins 12 caractères", "Mot de passe oublié ?", "Saisissez votre clé API"],
    "de": ["Das Passwort muss mindestens 12 Zeichen lang sein", "Passwort vergessen?", "API-Schlüssel eingeben"],
    "it": ["La password deve contenere almeno 10 caratteri", "Password dimenticata?"],
    "nl": ["Het wachtwoord moet minimaal 12 tekens bevatten", "Wachtwoord vergeten?"],
    "pl": ["Hasło musi mieć co najmniej 12 znaków", "Nie pamiętasz hasła?"],
    "tr": ["Şifre en az 12 karakter olmalıdır", "Şifrenizi mi unuttunuz?"],
    "ru": ["Пароль должен содержать не менее 12 символов", "Забыли пароль?"],
    "uk": ["Пароль має містити щонайменше 12 символів", "Забули пароль?"],
    "zh": ["密码长度至少为12个字符", "忘记密码？", "请输入您的API密钥"],
    "ja": ["パスワードは12文字以上で入力してください", "パスワードをお忘れですか？"],
    "ko": ["비밀번호는 12자 이상이어야 합니다", "비밀번호를 잊으셨나요?"],
    "vi": ["Mật khẩu phải có ít nhất 12 ký tự", "Quên mật khẩu?"],
    "th": ["รหัสผ่านต้องมีอย่างน้อย 12 ตัวอักษร", "ลืมรหัสผ่าน?"],
    "id": ["Kata sandi minimal 12 karakter", "Lupa kata sandi?"],
    "hi": ["पासवर्ड कम से कम 12 अक्षरों का होना चाहिए", "पासवर्ड भूल गए?"],
    "ar": ["يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل", "هل نسيت كلمة المرور؟"],
    "he": ["הסיסמה חייבת להכיל לפחות 12 תווים", "שכחת את הסיסמה?"],
}


def policy(lang=None):
    lang = lang or pick(sorted(POLICY))
    return N("policy-text", lang, pick(POLICY[lang]))


def envname():
    return N("env-name", "name", sname())


def funcname():
    return N("func-name", "identifier", pick(["getApiKey()", "resetPassword", "fetchAccessToken", "validate_password", "rotateSecret()", "password_reset_token_expiry",
                                               "loadPrivateKey", "TokenRefresher", "hashPassword(pw)", "AwsSecretsManagerProvider", "SecretStr", "encrypt_secret_field"]))


def fflag():
    return N("feature-flag", "flag", pick(["enable_token_rotation", "use_secret_manager", "password_login_enabled", "FEATURE_SECRET_SCANNING", "require_api_key", "mask_tokens_in_logs"]))


def cachekey():
    return N("cache-key", "key", pick(["session:v2:%d" % R.randint(1, 99999), "token_cache:" + rnd("h", 8), "rate:apikey:" + rnd("h", 12), "auth:refresh:{user_id}", "pwreset:%s" % rnd("h", 16)]))


EXAMPLE_KEYS = [
    ("jwt-io", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSFQ4fwpMeJf36POk6yJV_adQssw5c"),
    ("stripe-docs", "sk_test_4eC39HqLyjWDarjtT1zdp7dc"),
    ("slack-docs", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("twilio-docs", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
    ("firebase-docs", "AIzaSyDOCAbC123dEf456GhI789jKl012-MnO"),
    ("stripe-docs-pk", "pk_test_TYooMQauvdEDq54NiTphI7jx"),
    ("github-docs", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
]


def example_key():
    sub, v = pick(EXAMPLE_KEYS)
    return N("example-key", sub, v, True)


def encblob():
    return N("encrypted-blob", pick(["sops", "ansible-vault", "kms", "sealed"]), pick([
        lambda: "ENC[AES256_GCM,data:%s,iv:%s=,tag:%s==,type:str]" % (rnd("b", 24), rnd("b", 43), rnd("b", 22)),
        lambda: "AQICAH" + rnd("b", 180) + "=", lambda: "AgB" + rnd("b", 300) + "==", lambda: "vault:v1:" + rnd("b", 60) + "=="])())


def public_id():
    k = R.randint(0, 9)
    if k == 0:
        return N("public-id", "aws-account", acct())
    if k == 1:
        return N("public-id", "azure-client-id", uuid4(), True)
    if k == 2:
        return N("public-id", "stripe-object", pick(["price_", "cus_", "pi_", "prod_", "sub_"]) + rnd("a", 24))
    if k == 3:
        return N("public-id", "openai-org", "org-" + rnd("a", 24))
    if k == 4:
        return N("public-id", "firebase-app-id", "1:%d:%s:%s" % (R.randint(10**11, 10**12), pick(["android", "ios", "web"]), rnd("h", 16)))
    if k == 5:
        return N("public-id", "aws-role-id", "AROA" + rnd("B", 17))
    if k == 6:
        return N("public-id", "oauth-client-id", rnd("a", 32), True)
    if k == 7:
        return N("public-id", "slack-ids", pick(["C", "U", "T"]) + rnd("A", 10))
    if k == 8:
        return N("public-id", "apple-team", rnd("A", 10))
    return N("public-id", "analytics", pick(["G-", "UA-%d-" % R.randint(10**6, 10**8), "GTM-"]) + rnd("A", 8))


def ipaddr():
    return N("ip-address", "private", pick(["10.%d.%d.%d", "192.168.%d.%d", "172.16.%d.%d"]) .replace("%d", "{}").format(*[R.randint(0, 254) for _ in range(3)]), True)


def himent():
    return N("high-entropy-misc", pick(["pod-name", "container-id", "csp-nonce", "etag", "click-id", "object-key"]), pick([
        lambda: "%s-%s-%s" % (pick(["api", "worker", "web"]), rnd("l", 10), rnd("l", 5)), lambda: rnd("h", 64), lambda: "nonce-" + rnd("b", 22) + "==",
        lambda: 'W/"%s"' % rnd("h", 32), lambda: "IwAR" + rnd("u", 60), lambda: "uploads/%s/%s.png" % (rnd("h", 2), rnd("h", 32))])())


def i18nkey():
    return N("i18n-key", "key", pick(["auth.password.forgot", "settings.api_keys.create", "errors.token_expired", "login.password.placeholder", "billing.secret_key.label"]))


def short_val():
    return N("empty-short", "short", pick(["-", "no", "0", "n/a", "x", "a", "1", "~"]))


def nonstr():
    return N("non-string-value", pick(["bool", "int"]), pick(["true", "false", "3600", "86400", "128", "0", "12"]))


NEG_STANDALONE = [hash_git, hash_sha, sri, lockck, fp_neg, uuid_neg, trace, pubkey, cert, pub_neg, b64data, minjs, color, version, fpath, url_ok,
                  policy, envname, funcname, fflag, cachekey, gw, example_key, encblob, public_id, ipaddr, himent, i18nkey, masked, placeholder]


NEG_MULT = 3
STANDALONE_KEYS = [
    (hash_git, ["GIT_SHA", "commit", "revision", "BUILD_COMMIT"]), (hash_sha, ["image_digest", "checksum", "etag", "artifact_sha256"]), (sri, ["integrity"]),
    (lockck, ["checksum", "hash"]), (fp_neg, ["host_key_fingerprint", "tls_fingerprint", "ssh_key_fingerprint"]), (uuid_neg, ["request_id", "tenant_id", "correlation_id", "install_id"]),
    (trace, ["trace_id", "span_id", "last_request_id"]), (pubkey, ["ssh_public_key", "public_key", "DEPLOY_KEY_PUB", "age_recipient", "wg_public_key"]), (cert, ["ca_cert", "tls_cert", "server_certificate"]),
    (b64data, ["logo_base64", "default_prefs", "icon"]), (minjs, ["bundle", "snippet", "inline_script"]), (color, ["brand_color", "primary_color", "accent"]),
    (version, ["version", "image_tag", "api_version"]), (fflag, ["feature", "flag", "rollout"]), (himent, ["pod_name", "nonce", "upload_key"]), (i18nkey, ["label_key", "title_key"]),
    (ipaddr, ["db_host", "redis_host", "bind_address"]), (public_id, ["client_id", "account_id", "app_id", "measurement_id"]), (fpath, ["key_file", "cert_path", "token_path"])]


def neg_kv():
    """(key, snippet) where the key sounds secret and the value is not a secret."""
    if R.random() < 0.4:
        g, keys = pick(STANDALONE_KEYS)
        return pick(keys), g()
    k = R.randint(0, 27)
    n = sname()
    key = lname(n)
    if k <= 2:
        return key, ref_env(n)
    if k == 3:
        return key, ref_ci(n)
    if k == 4:
        return key, ref_cmd()
    if k == 5:
        return key, ref_tpl()
    if k == 6:
        return key, ref_code(n)
    if k <= 8:
        return key, ref_sm()
    if k <= 10:
        return key, placeholder()
    if k == 11:
        return key, masked()
    if k == 12:
        return key, short_val()
    if k == 13:
        return pick(["token_ttl", "password_min_length", "require_password", "api_key_rotation_days", "secret_rotation"]), nonstr()
    if k == 14:
        return pick(["POSTGRES_PASSWORD", "MINIO_ROOT_PASSWORD", "RABBITMQ_DEFAULT_PASS", "admin_password", "DB_PASS"]), default_pw()
    if k == 15:
        return pick(["ssl_key_file", "private_key_path", "TOKEN_FILE", "credentials_file", "password_file", "GOOGLE_APPLICATION_CREDENTIALS"]), fpath()
    if k == 16:
        return pick(["DATABASE_URL", "redis_url", "token_url", "auth_url", "secret_url"]), url_ok()
    if k == 17:
        return pick(["password_hint", "password_label", "api_key_help", "token_description", "passwordPolicy"]), policy()
    if k == 18:
        return pick(["client_id", "AZURE_CLIENT_ID", "app_id", "account_id", "tenant_id", "team_id"]), public_id()
    if k == 19:
        return pick(["STRIPE_PUBLISHABLE_KEY", "publicKey", "NEXT_PUBLIC_SUPABASE_ANON_KEY", "STATSIG_CLIENT_KEY", "sentry_dsn", "RECAPTCHA_SITE_KEY"]), pub_neg()
    if k == 20:
        return pick(["password_hash", "passwordDigest", "hashed_password", "encrypted_password", "pw_hash"]), N("hash-password", "stored", pwhash())
    if k == 21:
        return key, gw()
    if k == 22:
        return key, example_key()
    if k == 23:
        return key, encblob()
    if k == 24:
        return pick(["password_env", "token_env_var", "secret_name", "api_key_variable", "credentialsEnv"]), envname()
    if k == 25:
        return pick(["secret_provider", "token_loader", "password_hasher", "key_resolver"]), funcname()
    if k == 26:
        return pick(["token_cache_key", "session_key_prefix", "api_key_cache"]), cachekey()
    return pick(["token_version", "secret_schema_version", "auth_api_version"]), version()


def neg_any():
    return pick(NEG_STANDALONE)()


# ---------------------------------------------------------------- secret selection

_CYCLE = []


def next_fmt(fams=None):
    global _CYCLE
    for _ in range(3):
        if not _CYCLE:
            _CYCLE = [f[0] for f in FORMATS]
            R.shuffle(_CYCLE)
        if fams is None:
            return _CYCLE.pop()
        for i in range(len(_CYCLE) - 1, -1, -1):
            if FMT[_CYCLE[i]][1] in fams:
                return _CYCLE.pop(i)
        _CYCLE = []
    return pick([f[0] for f in FORMATS if f[1] in fams])


def genval(name):
    g = FMT[name][3]
    return T(g) if isinstance(g, str) else g()


def sec(name=None, fams=None, var=None):
    """-> (variable name, snippet with the marked secret)"""
    name = name or next_fmt(fams)
    f = FMT[name]
    mv = S_(name, f[1], genval(name))
    snip = f[4](mv) if f[4] else mv
    return (var or pick(f[2])), snip


def sv(name=None, fams=None):
    return sec(name, fams)[1]


MULTILINE = ("private-key-rsa-pkcs1", "private-key-pkcs8", "private-key-ec", "private-key-dsa", "private-key-openssh", "private-key-encrypted-pkcs8", "private-key-rsa-encrypted",
             "private-key-pgp", "private-key-putty", "private-key-openvpn-static", "gcp-sa-private-key", "coinbase-cdp-ec-key", "github-app-private-key", "apple-p8-key")


def oneline_fmt():
    while True:
        n = next_fmt()
        if n in MULTILINE:
            if R.random() < 0.12:
                return "private-key-pem-oneline"
            continue
        return n


# ---------------------------------------------------------------- renderers

FILL = [("port", "8080"), ("log_level", "info"), ("region", "eu-west-1"), ("timeout_ms", "3000"), ("service_name", "orders-api"),
        ("max_connections", "50"), ("environment", "production"), ("debug", "false"), ("workers", "4"), ("cache_ttl", "300"),
        ("bucket", "kestrel-prod-artifacts"), ("queue_name", "invoices"), ("retry_attempts", "5"), ("locale", "pt_BR"), ("tz", "Europe/Berlin"),
        ("host", "0.0.0.0"), ("base_url", "https://app.kestrel.io"), ("smtp_host", "smtp.mailgun.org"), ("db_name", "orders"), ("db_user", "app")]


def fillers(n):
    return [pick(FILL) for _ in range(n)]


def entries(ns, nn, nf, fams=None, oneline=False):
    out = []
    for _ in range(ns):
        out.append(sec(oneline_fmt() if oneline else None, fams))
    for _ in range(nn * NEG_MULT + R.randint(0, 1)):
        k, v = neg_kv()
        if oneline and "\n" in U(v):
            v = v.replace("\n", "\\n")
        out.append((k, v))
    out += fillers(nf)
    R.shuffle(out)
    seen, res = set(), []
    for k, v in out:
        if k in seen:
            k = k + pick(["_2", "_OLD", "_B", "_ALT", "_V2"]) if k.isupper() or "_" in k else k + "2"
        seen.add(k)
        res.append((k, v))
    return res


def U(s):
    return unmark(s)


def envkey(k):
    return re.sub(r"[^A-Za-z0-9_]", "_", re.sub(r"([a-z])([A-Z])", r"\1_\2", k)).upper()


def r_env(es, export=False, comment=True):
    lines = []
    for k, v in es:
        u = U(v)
        if "\n" in u:
            v = '"' + v + '"'
        elif re.search(r"[\s#'\"$`;&|<>(){}]", u):
            v = "'" + v + "'" if "'" not in u else '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        elif chance(0.2):
            v = '"' + v + '"'
        lines.append(("export " if export else "") + envkey(k) + "=" + v)
        if comment and chance(0.08):
            lines.append(pick(["# rotated 2026-03", "# ask #platform for access", "# see README", "# prod only"]))
    return "\n".join(lines) + "\n"


def yq(v, ind):
    u = U(v)
    if "\n" in u:
        return "|\n" + ind + "  " + v.replace("\n", "\n" + ind + "  ")
    if u == "" or re.search(r"[:#'\"{}\[\],&*!|>%@`]|^[\s\-?]|\s$|^(true|false|yes|no|null|~|[0-9.]+)$", u) and not re.fullmatch(r"(true|false|[0-9]+)", u):
        return "'" + v.replace("'", "''") + "'" if "'" not in u else '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if chance(0.15):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return v


def r_yaml(es, ind=""):
    return "".join("%s%s: %s\n" % (ind, k, yq(v, ind)) for k, v in es)


class Raw(str):
    pass


def jval(v):
    u = U(v)
    if isinstance(v, Raw):
        return v
    return v


def r_json_obj(es):
    return {k: v for k, v in es}


def tq(v):
    u = U(v)
    if "\n" in u:
        return '"""\n' + v + '"""' if '"""' not in u else "'''\n" + v + "'''"
    if "'" not in u and ("\\" in u or '"' in u):
        return "'" + v + "'"
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def r_toml(es, section=None):
    s = "[%s]\n" % section if section else ""
    for k, v in es:
        u = U(v)
        if re.fullmatch(r"true|false|[0-9]+", u):
            s += "%s = %s\n" % (k, v)
        else:
            s += "%s = %s\n" % (k, tq(v))
    return s


def r_props(es, sep="="):
    return "".join("%s%s%s\n" % (k.replace("_", ".").lower() if chance(0.5) else k, sep, v.replace("\n", "\\n")) for k, v in es)


def r_ini(es, section=None):
    s = "[%s]\n" % section if section else ""
    return s + "".join("%s = %s\n" % (k, v.replace("\n", "\\n")) for k, v in es)


def xe(v):
    return v.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace("\n", "&#10;")


def cstr(v, q='"'):
    v = v.replace("\\", "\\\\").replace(q, "\\" + q)
    return q + v.replace("\n", "\\n") + q


LANG_ASSIGN = {
    "py": lambda k, v: "%s = %s" % (envkey(k), cstr(v, pick(['"', "'"]))),
    "js": lambda k, v: "const %s = %s;" % (lcamel(k), cstr(v, pick(['"', "'"]))),
    "ts": lambda k, v: "export const %s: string = %s;" % (envkey(k), cstr(v)),
    "go": lambda k, v: "\t%s = %s" % (gocamel(k), cstr(v)),
    "java": lambda k, v: "    private static final String %s = %s;" % (envkey(k), cstr(v)),
    "kt": lambda k, v: "    const val %s = %s" % (envkey(k), cstr(v).replace("$", "\\$")),
    "rb": lambda k, v: "%s = %s" % (envkey(k), cstr(v, "'")),
    "php": lambda k, v: "    '%s' => %s," % (k.lower(), cstr(v, "'")),
    "rs": lambda k, v: "const %s: &str = %s;" % (envkey(k), cstr(v)),
    "ex": lambda k, v: "  %s: %s," % (k.lower(), cstr(v).replace("#{", "\\#{")),
    "cs": lambda k, v: "        public const string %s = %s;" % (gocamel(k), cstr(v)),
    "swift": lambda k, v: "    static let %s = %s" % (lcamel(k), cstr(v)),
    "dart": lambda k, v: "  static const %s = %s;" % (lcamel(k), cstr(v, "'").replace("$", "\\$")),
    "sh": lambda k, v: "export %s=%s" % (envkey(k), "'" + v + "'" if "'" not in U(v) else cstr(v)),
}


def lcamel(k):
    p = [x for x in re.split(r"[_.\-]", k.lower()) if x]
    return p[0] + "".join(x.capitalize() for x in p[1:])


def gocamel(k):
    return "".join(x.capitalize() for x in re.split(r"[_.\-]", k.lower()) if x)


# ---------------------------------------------------------------- repository files

def ns(lo=1, hi=4):
    return R.randint(lo, hi)


def nn(lo=4, hi=9):
    return R.randint(lo, hi)


def pkg():
    return pick(["com.kestrel.app", "io.orbitlabs.mobile", "dev.lumen.wallet", "br.com.pallas.pedidos", "de.nordlicht.fahrplan"])


def f_gradle_properties():
    es = [("org.gradle.jvmargs", "-Xmx4g -Dfile.encoding=UTF-8"), ("android.useAndroidX", "true")]
    es += [("RELEASE_STORE_PASSWORD", sv("keystore-password")), ("RELEASE_KEY_PASSWORD", sv("keystore-password")), ("RELEASE_KEY_ALIAS", "upload")]
    es += [(k, v) for k, v in entries(ns(1, 2), nn(2, 4), 1, oneline=True)]
    if chance(0.5):
        es.append(("MAPS_API_KEY", sv("gcp-api-key")))
    es.append(("version.code", N("version", "build", str(R.randint(100, 9999)))))
    return "".join("%s=%s\n" % (k, v.replace("\n", "\\n")) for k, v in es)


def f_google_services():
    pn = str(R.randint(10**11, 10**12))
    pid = pick(["kestrel-app", "orbit-prod", "lumen-wallet"]) + "-" + rnd("l", 5)
    d = {"project_info": {"project_number": N("public-id", "gcm-sender", pn), "firebase_url": "https://%s-default-rtdb.firebaseio.com" % pid, "project_id": pid, "storage_bucket": pid + ".appspot.com"},
         "client": [{"client_info": {"mobilesdk_app_id": N("public-id", "firebase-app-id", "1:%s:android:%s" % (pn, rnd("h", 16))), "android_client_info": {"package_name": pkg()}},
                     "oauth_client": [{"client_id": N("publishable-key", "google-oauth-client-id", "%s-%s.apps.googleusercontent.com" % (pn, rnd("l", 32)), True), "client_type": 3}],
                     "api_key": [{"current_key": sv("firebase-web-api-key")}],
                     "services": {"appinvite_service": {"other_platform_oauth_client": []}}}],
         "configuration_version": "1"}
    return jd(d, indent=2) + "\n"


def f_local_properties():
    return "## This file must *NOT* be checked into Version Control Systems,\nsdk.dir=%s\n%s" % (
        N("file-path", "unix", pick(["/Users/jdoe/Library/Android/sdk", "C\\:\\\\Users\\\\ana\\\\AppData\\\\Local\\\\Android\\\\Sdk"])),
        "".join("%s=%s\n" % (k, v.replace("\n", "\\n")) for k, v in entries(ns(1, 3), nn(1, 3), 0, oneline=True)))


def f_build_gradle_kts():
    k1, v1 = sec(oneline_fmt())
    return """plugins {
    id("com.android.application")
    kotlin("android")
}

android {
    namespace = "%s"
    defaultConfig {
        versionName = "%s"
        buildConfigField("String", "%s", "\\"%s\\"")
        buildConfigField("String", "API_BASE", "\\"https://api.kestrel.io/\\"")
        buildConfigField("String", "SENTRY_DSN", "\\"%s\\"")
        manifestPlaceholders["mapsKey"] = %s
    }
    signingConfigs {
        create("release") {
            storeFile = file(%s)
            storePassword = "%s"
            keyAlias = "release"
            keyPassword = %s
        }
    }
}
""" % (pkg(), version(), envkey(k1), v1.replace("\\", "\\\\").replace('"', '\\"'), N("publishable-key", "sentry-dsn-public", "https://%s@o%d.ingest.sentry.io/%d" % (rnd("h", 32), R.randint(10**5, 10**6), R.randint(10**6, 10**7)), True),
       pick(['project.findProperty("MAPS_API_KEY") as String? ?: ""', 'System.getenv("MAPS_API_KEY")']), cstr(N("file-path", "unix", "keystore/release.jks")),
       sv("keystore-password"), pick(['System.getenv("KEY_PASSWORD")', '"' + sv("keystore-password") + '"']))


def f_kotlin_client():
    es = entries(ns(1, 3), nn(2, 4), 0, oneline=True)
    body = "\n".join(LANG_ASSIGN["kt"](k, v) for k, v in es)
    return "package %s.net\n\nobject ApiKeys {\n%s\n}\n\nfun authHeader() = \"Bearer ${ApiKeys.%s}\"\n" % (pkg(), body, envkey(es[0][0]))


def f_info_plist():
    es = entries(ns(1, 3), nn(2, 4), 0, oneline=True)
    items = "".join("\t<key>%s</key>\n\t<string>%s</string>\n" % (envkey(k), xe(v)) for k, v in es)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n\t<key>CFBundleIdentifier</key>\n\t<string>$(PRODUCT_BUNDLE_IDENTIFIER)</string>\n\t<key>CFBundleShortVersionString</key>\n\t<string>%s</string>\n%s</dict>\n</plist>\n' % (version(), items))


def f_google_service_plist():
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>CLIENT_ID</key>\n\t<string>%s</string>\n\t<key>API_KEY</key>\n\t<string>%s</string>\n'
            '\t<key>GCM_SENDER_ID</key>\n\t<string>%s</string>\n\t<key>BUNDLE_ID</key>\n\t<string>%s</string>\n\t<key>GOOGLE_APP_ID</key>\n\t<string>%s</string>\n</dict>\n</plist>\n' % (
                N("publishable-key", "google-oauth-client-id", "%d-%s.apps.googleusercontent.com" % (R.randint(10**11, 10**12), rnd("l", 32)), True),
                sv("firebase-web-api-key"), N("public-id", "gcm-sender", str(R.randint(10**11, 10**12))), pkg(), public_id()))


def f_xcconfig():
    es = entries(ns(1, 3), nn(2, 4), 2, oneline=True)
    return "// Release.xcconfig\n#include \"Base.xcconfig\"\nPRODUCT_BUNDLE_IDENTIFIER = %s\n%s" % (pkg(), "".join("%s = %s\n" % (envkey(k), v.replace("//", "/$()/")) for k, v in es))


def f_swift():
    es = entries(ns(1, 2), nn(1, 3), 0, oneline=True)
    return "import Foundation\n\nenum Secrets {\n%s\n}\n" % "\n".join(LANG_ASSIGN["swift"](k, v) for k, v in es)


def f_dart():
    es = entries(ns(1, 3), nn(1, 3), 0, oneline=True)
    return "// lib/env.dart\nclass Env {\n%s\n}\n" % "\n".join(LANG_ASSIGN["dart"](k, v) for k, v in es)


def f_key_properties():
    return "storePassword=%s\nkeyPassword=%s\nkeyAlias=upload\nstoreFile=%s\n" % (sv("keystore-password"), sv("keystore-password"), N("file-path", "unix", "/Users/jdoe/upload-keystore.jks"))


def f_dotenv(export=False):
    return r_env(entries(ns(1, 3), nn(3, 6), R.randint(1, 4)), export=export)


def f_app_json():
    es = entries(ns(1, 3), nn(2, 4), 0, oneline=True)
    return jd({"expo": {"name": "Pedidos", "slug": "pedidos", "version": "2.3.1", "extra": {lcamel(k): v for k, v in es}, "ios": {"bundleIdentifier": pkg()}}}, indent=2) + "\n"


def f_ts_config():
    es = entries(ns(1, 3), nn(2, 5), 0, oneline=True)
    lines = ["  %s: %s," % (lcamel(k), cstr(v, "'")) for k, v in es]
    lines.insert(R.randint(0, len(lines)), "  apiBase: process.env.API_BASE ?? 'https://api.kestrel.io',")
    return "export const config = {\n%s\n};\n" % "\n".join(lines)


def nb_cell(src, out=None):
    c = {"cell_type": "code", "execution_count": R.randint(1, 40), "metadata": {}, "source": [l + "\n" for l in src.split("\n")[:-1]] + [src.split("\n")[-1]], "outputs": []}
    if out:
        c["outputs"].append({"name": "stdout", "output_type": "stream", "text": [l + "\n" for l in out.split("\n")]})
    return c


def f_ipynb():
    k1, v1 = sec(oneline_fmt(), fams=["ai", "database", "cloud"])
    k2, v2 = sec(oneline_fmt())
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Churn model — %s\n" % pick(["exploration", "feature eng", "eval"]), "Load creds from `%s` in prod.\n" % sname()]},
             nb_cell("import os\nimport pandas as pd\nfrom sqlalchemy import create_engine\n%s = %s\nos.environ[%s] = %s" % (envkey(k1), cstr(v1, "'"), cstr(envkey(k2)), cstr(v2))),
             nb_cell("print(os.environ)", "environ({'HOME': '/home/jovyan', '%s': %s, 'JUPYTER_TOKEN': %s, 'CONDA_DIR': '/opt/conda', 'HOSTNAME': %s})" % (
                 envkey(sname()), cstr(sv(oneline_fmt()), "'"), cstr(N("ref-env", "shell", "${JUPYTER_TOKEN}"), "'"), cstr(himent(), "'"))),
             nb_cell("df = pd.read_sql('select * from churn', engine)\ndf.head()", "   user_id                                  session   score\n0  %s  %s  0.81" % (uuid_neg(), trace())),
             nb_cell("!pip download torch==%s --no-deps" % version(), "Saved ./torch.whl  sha256=%s" % hash_sha())]
    meta = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python", "version": "3.11.7"}}
    return jd({"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def f_dbt_profiles():
    return """%s:
  target: prod
  outputs:
    prod:
      type: snowflake
      account: %s
      user: DBT_USER
      password: %s
      role: TRANSFORMER
      warehouse: COMPUTE_WH
      database: ANALYTICS
      schema: marts
      threads: 8
    dev:
      type: postgres
      host: localhost
      user: %s
      password: %s
      dbname: analytics
      schema: dbt_dev
    ci:
      type: bigquery
      method: service-account
      keyfile: %s
      project: %s
""" % (pick(["analytics", "warehouse"]), pick(["xy12345.eu-central-1", "orbit-analytics"]), yq(sv(pick(["snowflake-password", "db-password-generated", "db-password-human"])), "      "),
       pick(["dbt", "ana"]), yq(pick([lambda: "\"{{ env_var('DBT_PASSWORD') }}\"", lambda: default_pw()])(), "      "), fpath(), pick(["orbit-analytics-prod", "kestrel-dw"]))


def f_airflow():
    es = [("AIRFLOW_CONN_%s" % pick(["POSTGRES_DW", "WAREHOUSE", "METADATA"]), sv(pick(["postgres-url-password", "postgresql-url-password"]))),
          ("AIRFLOW_CONN_AWS_DEFAULT", "aws://%s:%s@?region_name=eu-west-1" % (sv("aws-access-key-id"), sv("aws-secret-access-key").replace("/", "%2F").replace("+", "%2B"))),
          ("AIRFLOW__CORE__FERNET_KEY", sv("fernet-key")), ("AIRFLOW__WEBSERVER__SECRET_KEY", sv("flask-secret-key")),
          ("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", ref_env("AIRFLOW_DB_URL")), ("AIRFLOW__CORE__EXECUTOR", "CeleryExecutor")]
    es += entries(0, nn(2, 4), 0)
    R.shuffle(es)
    return r_env(es)


def f_spark_conf():
    return ("spark.master                     k8s://https://10.0.0.1:443\nspark.executor.memory            8g\n"
            "spark.hadoop.fs.s3a.access.key   %s\nspark.hadoop.fs.s3a.secret.key   %s\nspark.hadoop.fs.azure.account.key.%s.dfs.core.windows.net %s\n"
            "spark.eventLog.dir               s3a://spark-logs/%s\nspark.kubernetes.container.image %s\n") % (
        sv("aws-access-key-id"), sv("aws-secret-access-key"), pick(["lakeprod", "orbitdl"]), sv("azure-storage-account-key"), rnd("l", 6), "registry.lumen.lan/spark:" + unmark(version()))


def f_mlflow_wandb():
    return r_env([("MLFLOW_TRACKING_URI", "https://mlflow.kestrel.io"), ("MLFLOW_TRACKING_USERNAME", "ci"), ("MLFLOW_TRACKING_PASSWORD", sv(pick(["db-password-generated", "admin-password-human"]))),
                  ("WANDB_API_KEY", sv("wandb-api-key")), ("WANDB_PROJECT", "churn"), ("HF_TOKEN", sv(pick(["huggingface-token", "huggingface-org-token"])))] + entries(0, nn(2, 4), 0))


def f_requirements_lock():
    lines = ["# generated by pip-compile"]
    for p in ["pandas==2.2.3", "numpy==2.1.1", "requests==2.32.3", "sqlalchemy==2.0.36", "boto3==1.35.40"]:
        lines.append("%s \\\n    --hash=%s" % (p, lockck()))
    return "\n".join(lines) + "\n"


def f_tf_main():
    return """terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.40" }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "%s"
  secret_key = "%s"
}

provider "datadog" {
  api_key = %s
  app_key = "%s"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders-prod"
  engine            = "postgres"
  username          = "app"
  password          = "%s"
  kms_key_id        = "%s"
  apply_immediately = true
}

resource "kubernetes_secret" "api" {
  metadata { name = "api-keys" }
  data = {
    %s = "%s"
    %s = %s
  }
}

output "db_endpoint" { value = aws_db_instance.orders.endpoint }
""" % (sv("aws-access-key-id"), sv("aws-secret-access-key"), pick(["var.datadog_api_key", '"' + sv("datadog-api-key") + '"']), sv("datadog-app-key"),
       sv(pick(["db-password-generated", "db-password-human"])), N("ref-secret-manager", "aws", "arn:aws:kms:eu-west-1:%s:key/%s" % (acct(), uuid4())),
       lname("STRIPE_SECRET_KEY").lower(), sv(oneline_fmt()).replace('"', '\\"'), lname("OPENAI_API_KEY").lower(), ref_tpl())


def f_tfvars():
    es = entries(ns(2, 4), nn(3, 6), 2, oneline=True)
    return "".join('%s = %s\n' % (k.lower(), cstr(v)) for k, v in es)


def f_tfstate():
    res = [{"mode": "managed", "type": "random_password", "name": "db", "provider": "provider[\"registry.terraform.io/hashicorp/random\"]",
            "instances": [{"schema_version": 3, "attributes": {"id": "none", "length": 24, "result": sv("db-password-generated"), "bcrypt_hash": N("hash-password", "stored", bcrypt())}, "sensitive_attributes": [[{"type": "get_attr", "value": "result"}]]}]},
           {"mode": "managed", "type": "aws_iam_access_key", "name": "ci", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 0, "attributes": {"id": sv("aws-access-key-id"), "secret": sv("aws-secret-access-key"), "ses_smtp_password_v4": sv("generic-secret-b64"), "user": "ci-deployer", "status": "Active", "create_date": "2026-02-11T10:22:31Z"}}]},
           {"mode": "managed", "type": "tls_private_key", "name": "deploy", "provider": "provider[\"registry.terraform.io/hashicorp/tls\"]",
            "instances": [{"schema_version": 1, "attributes": {"algorithm": "ED25519", "private_key_openssh": sv("private-key-openssh") + "\n", "public_key_openssh": pubkey(), "public_key_fingerprint_sha256": fp_neg(), "id": rnd("h", 40)}}]}]
    R.shuffle(res)
    return jd({"version": 4, "terraform_version": "1.9.5", "serial": R.randint(1, 400), "lineage": uuid_neg(), "outputs": {"db_host": {"value": "orders-prod.c9x2kq1ab7.eu-west-1.rds.amazonaws.com", "type": "string"}}, "resources": res}, indent=2) + "\n"


def f_tf_lock():
    return 'provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.72.1"\n  constraints = "~> 5.40"\n  hashes = [\n    "%s",\n    "zh:%s",\n    "zh:%s",\n  ]\n}\n' % (lockck(), N("lockfile-checksum", "terraform", rnd("h", 64)), N("lockfile-checksum", "terraform", rnd("h", 64)))


def f_pulumi_yaml():
    return "config:\n  aws:region: eu-central-1\n  aws:accessKey: %s\n  aws:secretKey:\n    secure: %s\n  app:dbPassword: %s\n  app:stripeKey:\n    secure: %s\n  app:%s: %s\n" % (
        sv("aws-access-key-id"), N("encrypted-blob", "pulumi", "v1:" + rnd("b", 16) + ":" + rnd("b", 60)), yq(sv(pick(["db-password-human", "db-password-generated"])), "  "),
        N("encrypted-blob", "pulumi", "v1:" + rnd("b", 16) + ":" + rnd("b", 48)), lcamel(sname()), yq(sv(oneline_fmt()), "  "))


def f_pulumi_ts():
    k, v = sec(oneline_fmt())
    return """import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const cfg = new pulumi.Config();
const dbPassword = cfg.requireSecret("dbPassword");
const %s = %s; // TODO move to cfg
const db = new aws.rds.Instance("orders", { engine: "postgres", username: "app", password: dbPassword, instanceClass: "db.t4g.medium" });
const fn = new aws.lambda.Function("hook", { environment: { variables: { %s: %s, STAGE: "prod", TOKEN: %s } } });
""" % (lcamel(k), cstr(v), envkey(sname()), cstr(sv(oneline_fmt())), pick(["process.env.HOOK_TOKEN!", 'cfg.requireSecret("hookToken")']))


def f_cfn_yaml():
    return """AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DBPassword:
    Type: String
    NoEcho: true
    Default: %s
  ApiKeyParam:
    Type: AWS::SSM::Parameter::Value<String>
    Default: %s
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Environment:
        Variables:
          STRIPE_SECRET_KEY: %s
          SLACK_WEBHOOK: %s
          DB_PASSWORD: !Ref DBPassword
          API_TOKEN: '{{resolve:secretsmanager:%s:SecretString:token}}'
""" % (yq(sv(pick(["db-password-human", "db-password-generated"])), "    "), N("ref-secret-manager", "aws", "/prod/api/key"), yq(sv(pick(["stripe-secret-live", "stripe-restricted-live"])), "          "),
       yq(sv(pick(["slack-webhook-url", "teams-webhook-url", "discord-webhook-url"])), "          "), N("ref-secret-manager", "aws", "prod/api-" + rnd("a", 6)))


def f_cfn_json():
    k, v = sec(oneline_fmt())
    d = {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "api", "Image": "%s.dkr.ecr.eu-west-1.amazonaws.com/api@%s" % (acct(), unmark(hash_sha())),
          "Environment": [{"Name": envkey(k), "Value": v}, {"Name": "LOG_LEVEL", "Value": "info"}, {"Name": "DB_HOST", "Value": ipaddr()}],
          "Secrets": [{"Name": "DB_PASSWORD", "ValueFrom": ref_sm()}]}]}}}}
    return jd(d, indent=2) + "\n"


def f_ansible_vars():
    es = [("ansible_user", "deploy"), ("ansible_become_pass", sv("ansible-become-password"))] + entries(ns(1, 3), nn(3, 5), 1)
    vault = "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(rnd("h", 80) for _ in range(4))
    return "---\n" + r_yaml(es) + "vault_blob: !vault |\n          " + N("encrypted-blob", "ansible-vault", vault.replace("\n", "\n          ")) + "\n"


def f_inventory():
    hosts = []
    for i in range(R.randint(2, 4)):
        hosts.append("web%d ansible_host=%s ansible_user=%s ansible_ssh_pass=%s" % (i + 1, ipaddr(), pick(["ubuntu", "deploy"]), pick([lambda: sv("ansible-ssh-password"), lambda: ref_tpl()])()))
    return "[web]\n%s\n\n[db]\ndb1 ansible_host=%s ansible_become_password=%s\n\n[all:vars]\nansible_python_interpreter=/usr/bin/python3\n" % ("\n".join(hosts), ipaddr(), sv("ansible-become-password"))


def f_helm_values():
    return """replicaCount: 3
image:
  repository: registry.kestrel.dev/api
  tag: %s
  digest: %s
env:
%s
postgresql:
  auth:
    username: app
    password: %s
    existingSecret: ""
redis:
  auth:
    password: %s
secretRefs:
  - name: STRIPE_KEY
    valueFrom:
      secretKeyRef: {name: %s, key: stripe}
""" % (version(), hash_sha(), r_yaml(entries(ns(1, 3), nn(2, 4), 1), "  "), yq(pick([lambda: sv("postgres-password"), default_pw])(), "    "), yq(sv("redis-password"), "    "),
       N("ref-secret-manager", "k8s", pick(["api-secrets", "stripe-creds"])))


def f_kustomize():
    return "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\nsecretGenerator:\n  - name: app-secrets\n    literals:\n%s      - LOG_LEVEL=info\n    files:\n      - %s\n" % (
        "".join("      - %s=%s\n" % (envkey(k), v) for k, v in entries(ns(1, 3), nn(1, 3), 0, oneline=True)), fpath())


def f_k8s_secret():
    data = []
    for _ in range(R.randint(1, 3)):
        n = oneline_fmt()
        v = genval(n)
        f = FMT[n]
        shown = f[4](v) if f[4] else v
        data.append((pick(f[2]).lower().replace("_", "-"), S_("k8s-secret-data-b64", f[1], b64(shown))))
    sd = entries(ns(1, 2), nn(1, 3), 0, oneline=True)
    return "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n  uid: %s\ntype: Opaque\ndata:\n%s  config.json: %s\nstringData:\n%s" % (
        pick(["api-secrets", "db-creds"]), pick(["prod", "payments"]), uuid_neg(), "".join("  %s: %s\n" % (k, v) for k, v in data), b64data(), r_yaml(sd, "  "))


def f_compose():
    svc = entries(ns(2, 4), nn(2, 5), 1, oneline=True)
    return """services:
  api:
    image: registry.kestrel.dev/api:%s
    environment:
%s    ports: ["8080:8080"]
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: app
      POSTGRES_PASSWORD: %s
  minio:
    image: minio/minio@%s
    environment:
      MINIO_ROOT_USER: minio
      MINIO_ROOT_PASSWORD: %s
""" % (version(), "".join("      %s: %s\n" % (envkey(k), yq(v, "      ")) for k, v in svc), yq(pick([lambda: sv("postgres-password"), default_pw])(), "      "), hash_sha(),
       yq(pick([lambda: sv("db-password-generated"), default_pw, lambda: ref_env("MINIO_PASSWORD")])(), "      "))


def f_nomad():
    return 'job "api" {\n  datacenters = ["dc1"]\n  group "api" {\n    task "server" {\n      driver = "docker"\n      config { image = "api:%s" }\n      env {\n%s      }\n      template {\n        data = <<EOH\nDB_PASSWORD={{ with secret "secret/data/api" }}{{ .Data.data.db }}{{ end }}\nEOH\n        destination = "secrets/app.env"\n        env = true\n      }\n    }\n  }\n}\n' % (
        version(), "".join('        %s = %s\n' % (envkey(k), cstr(v)) for k, v in entries(ns(1, 3), nn(1, 3), 1, oneline=True)))


def f_vagrant():
    return 'Vagrant.configure("2") do |config|\n  config.vm.box = "ubuntu/jammy64"\n  config.ssh.username = "vagrant"\n  config.ssh.password = "%s"\n  config.vm.provision "shell", env: { "%s" => "%s", "NODE_ENV" => "development" }, inline: "bash /vagrant/setup.sh"\nend\n' % (
        sv(pick(["admin-password-human", "ansible-ssh-password"])), *(lambda kv: (envkey(kv[0]), kv[1]))(sec(oneline_fmt())))


def f_gha():
    return """name: deploy
on:
  push:
    branches: [main]
env:
  REGISTRY: ghcr.io
  AWS_REGION: eu-west-1
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
%s    steps:
      - uses: actions/checkout@%s
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          aws-access-key-id: %s
          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
      - run: |
          echo "//registry.npmjs.org/:_authToken=%s" > ~/.npmrc
          curl -sf -H "Authorization: Bearer %s" https://api.kestrel.io/deploy
""" % ("".join("      %s: %s\n" % (envkey(k), yq(v, "      ")) for k, v in entries(ns(1, 2), nn(2, 4), 1, oneline=True)), hash_git(),
       pick([lambda: sv("aws-access-key-id"), lambda: ref_ci("AWS_ACCESS_KEY_ID")])(), pick([lambda: sv("npm-token"), lambda: ref_ci("NPM_TOKEN")])(), sv(pick(["bearer-opaque", "jwt-hs256", "github-pat-classic"])))


def f_gitlab():
    return """variables:
%sstages: [test, deploy]
deploy:
  stage: deploy
  image: alpine:3.20
  script:
    - apk add curl
    - curl --fail -X POST -F token=%s -F ref=main https://gitlab.kestrel.dev/api/v4/projects/42/trigger/pipeline
    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY
    - docker login -u deploy -p %s registry.kestrel.dev
""" % ("".join("  %s: %s\n" % (envkey(k), yq(v, "  ")) for k, v in entries(ns(1, 2), nn(2, 3), 1, oneline=True)), sv("gitlab-pipeline-trigger"), sv(pick(["gitlab-deploy-token", "dockerhub-pat", "db-password-generated"])))


def f_circle():
    return "version: 2.1\njobs:\n  build:\n    docker:\n      - image: cimg/node:20.11\n        auth:\n          username: kestrelci\n          password: %s\n    environment:\n%s    steps:\n      - checkout\n      - run: npm ci\n" % (
        yq(pick([lambda: sv("dockerhub-pat"), lambda: ref_env("DOCKERHUB_PASSWORD")])(), "          "), "".join("      %s: %s\n" % (envkey(k), yq(v, "      ")) for k, v in entries(ns(1, 2), nn(1, 3), 1, oneline=True)))


def f_jenkins():
    k, v = sec(oneline_fmt())
    return """pipeline {
  agent any
  environment {
    %s = '%s'
    SONAR_TOKEN = credentials('sonar-token')
    REGISTRY_PASS = "${env.REGISTRY_PASS}"
  }
  stages {
    stage('Deploy') {
      steps {
        sh 'curl -u admin:%s https://nexus.lumen.lan/service/rest/v1/status'
        withCredentials([string(credentialsId: 'slack', variable: 'SLACK')]) {
          sh 'curl -X POST %s -d @payload.json'
        }
      }
    }
  }
}
""" % (envkey(k), v, sv(pick(["jenkins-api-token", "admin-password-human", "db-password-generated"])), sv(pick(["slack-webhook-url", "teams-webhook-url", "google-chat-webhook"])))


def f_azure_pipelines():
    return "trigger: [main]\npool:\n  vmImage: ubuntu-latest\nvariables:\n%s  - name: buildConfiguration\n    value: Release\nsteps:\n  - script: dotnet nuget push *.nupkg -k %s -s https://api.nuget.org/v3/index.json\n  - script: az login --service-principal -u %s -p %s --tenant %s\n" % (
        "".join("  - name: %s\n    value: %s\n" % (k, yq(v, "    ")) for k, v in entries(ns(1, 2), nn(1, 3), 0, oneline=True)), pick([lambda: sv("nuget-api-key"), lambda: ref_ci("NUGET_KEY")])(),
        N("public-id", "azure-client-id", uuid4(), True), sv("azure-ad-client-secret"), uuid_neg())


def f_bitbucket():
    return "image: node:20\npipelines:\n  branches:\n    main:\n      - step:\n          name: Deploy\n          script:\n            - export %s=%s\n            - pipe: atlassian/aws-s3-deploy:1.1.0\n              variables:\n                AWS_ACCESS_KEY_ID: %s\n                AWS_SECRET_ACCESS_KEY: %s\n                S3_BUCKET: kestrel-web\n" % (
        *(lambda kv: (envkey(kv[0]), kv[1]))(sec(oneline_fmt())), sv("aws-access-key-id"), pick([lambda: yq(sv("aws-secret-access-key"), "                "), lambda: ref_env("AWS_SECRET_ACCESS_KEY")])())


def f_buildkite():
    return "env:\n%ssteps:\n  - label: ':docker: build'\n    command: docker build --build-arg NPM_TOKEN=%s .\n  - wait\n  - label: deploy\n    command: ./deploy.sh\n" % (
        "".join("  %s: %s\n" % (envkey(k), yq(v, "  ")) for k, v in entries(ns(1, 2), nn(1, 3), 1, oneline=True)), pick([lambda: sv("npm-token"), lambda: ref_env("NPM_TOKEN")])())


def f_spring_yml():
    return """server:
  port: 8080
spring:
  datasource:
    url: %s
    username: app
    password: %s
  rabbitmq:
    addresses: %s
  mail:
    host: smtp.sendgrid.net
    username: apikey
    password: %s
app:
%s""" % (pick([lambda: sv(pick(["jdbc-postgres-password", "jdbc-mysql-password", "jdbc-sqlserver-password"])), lambda: "jdbc:postgresql://db:5432/app"])(),
         yq(pick([lambda: sv("db-password-human"), lambda: N("ref-env", "spring", "${DB_PASSWORD}"), lambda: N("ref-env", "spring", "${DB_PASSWORD:}")])(), "    "),
         sv("amqp-url-password"), yq(sv(pick(["sendgrid-api-key", "smtp-password"])), "    "), r_yaml(entries(ns(1, 2), nn(2, 4), 1), "  "))


def f_spring_props():
    return "spring.application.name=billing\n%sspring.datasource.password=%s\nlogging.level.root=INFO\n" % (r_props(entries(ns(1, 3), nn(3, 5), 2, oneline=True)), pick([lambda: sv("db-password-generated"), lambda: N("ref-env", "spring", "${SPRING_DATASOURCE_PASSWORD}")])())


def f_appsettings():
    es = entries(ns(1, 2), nn(2, 4), 1, oneline=True)
    d = {"Logging": {"LogLevel": {"Default": "Information"}}, "ConnectionStrings": {"Default": sv("ado-sqlserver-password"), "Redis": "%s:6380,password=%s,ssl=True,abortConnect=False" % (pick(["kestrel.redis.cache.windows.net", "cache01"]), sv("redis-password"))},
         "AzureAd": {"Instance": "https://login.microsoftonline.com/", "TenantId": uuid_neg(), "ClientId": N("public-id", "azure-client-id", uuid4(), True), "ClientSecret": sv("azure-ad-client-secret")},
         "KeyVault": {"SecretRef": ref_sm()}, "App": {gocamel(k): v for k, v in es}, "AllowedHosts": "*"}
    return jd(d, indent=2) + "\n"


def f_web_config():
    es = entries(ns(1, 3), nn(2, 4), 1, oneline=True)
    return '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <connectionStrings>\n    <add name="Default" connectionString="%s" providerName="System.Data.SqlClient" />\n  </connectionStrings>\n  <appSettings>\n%s  </appSettings>\n  <system.web>\n    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />\n  </system.web>\n</configuration>\n' % (
        xe(sv("ado-sqlserver-password")), "".join('    <add key="%s" value="%s" />\n' % (gocamel(k), xe(v)) for k, v in es), S_("aspnet-machine-key", "auth", rnd("H", 128)), S_("aspnet-machine-key", "auth", rnd("H", 64)))


def f_database_yml():
    return """default: &default
  adapter: postgresql
  encoding: unicode
  pool: <%%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %%>
development:
  <<: *default
  database: app_development
  password: %s
production:
  <<: *default
  url: %s
  password: %s
""" % (default_pw(), sv(pick(["postgres-url-password", "postgresql-url-password"])), ref_tpl())


def f_secrets_yml():
    return "production:\n  secret_key_base: %s\n%s" % (sv("rails-secret-key-base"), r_yaml(entries(ns(1, 2), nn(1, 3), 0, oneline=True), "  "))


def f_master_key():
    return sv("rails-master-key")


def f_django_settings():
    k, v = sec(oneline_fmt())
    return """import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = %s
DEBUG = False
ALLOWED_HOSTS = ["api.kestrel.io"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "orders",
        "USER": "app",
        "PASSWORD": %s,
        "HOST": %s,
    }
}
EMAIL_HOST_PASSWORD = %s
%s = %s
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}}]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": %s}}
""" % (cstr(sv("django-secret-key")), pick([lambda: cstr(sv("db-password-human")), lambda: ref_code("DB_PASSWORD")])(), cstr(ipaddr()),
       pick([lambda: cstr(sv("smtp-password")), lambda: 'os.environ.get("EMAIL_HOST_PASSWORD", "")'])(), envkey(k), cstr(v), cstr(sv("redis-url-password")))


def f_laravel_services():
    es = entries(ns(1, 3), nn(2, 4), 0, oneline=True)
    return "<?php\n\nreturn [\n    'stripe' => [\n        'secret' => env('STRIPE_SECRET', %s),\n        'webhook' => [\n            'secret' => env('STRIPE_WEBHOOK_SECRET'),\n        ],\n    ],\n%s];\n" % (
        cstr(pick([lambda: sv("stripe-secret-live"), lambda: N("placeholder", "marker", "sk_test_your_key")])(), "'"), "\n".join(LANG_ASSIGN["php"](k, v) for k, v in es) + "\n")


def f_express_config():
    es = entries(ns(1, 3), nn(2, 5), 1, oneline=True)
    return jd({"server": {"port": 3000}, "db": {"uri": sv(pick(["mongodb-srv-password", "mongodb-url-password", "postgres-url-password"]))}, "integrations": {lcamel(k): v for k, v in es}}, indent=2) + "\n"


def f_nest_config():
    k, v = sec(oneline_fmt())
    return """import { registerAs } from '@nestjs/config';

export default registerAs('auth', () => ({
  jwtSecret: process.env.JWT_SECRET || %s,
  %s: %s,
  cookieName: '__Host-session',
  refreshTokenTtl: 60 * 60 * 24 * 30,
  bcryptRounds: 12,
  redisKeyPrefix: %s,
}));
""" % (cstr(pick([lambda: sv("jwt-signing-secret"), lambda: N("placeholder", "marker", "dev-only-change-me")])(), "'"), lcamel(k), cstr(v, "'"), cstr(cachekey(), "'"))


def f_go_config():
    es = entries(ns(1, 3), nn(1, 3), 0, oneline=True)
    return "package config\n\n// Defaults used when the environment is empty.\nvar (\n%s\n)\n\ntype DB struct {\n\tDSN      string `env:\"DATABASE_URL\"`\n\tPassword string `env:\"DB_PASSWORD\" json:\"-\"`\n}\n\nvar Default = DB{DSN: %s}\n" % (
        "\n".join(LANG_ASSIGN["go"](k, v) for k, v in es), cstr(sv(pick(["postgres-url-password", "libpq-keyword-password", "mysql-url-password"]))))


def f_rust_config():
    es = entries(ns(1, 2), nn(1, 3), 0, oneline=True)
    return "use std::env;\n\n%s\n\npub fn api_key() -> String {\n    env::var(\"API_KEY\").unwrap_or_else(|_| %s.to_string())\n}\n" % (
        "\n".join(LANG_ASSIGN["rs"](k, v) for k, v in es), cstr(sv(oneline_fmt())))


def f_config_toml():
    return r_toml(entries(ns(1, 3), nn(2, 4), 2, oneline=True), pick(["app", "server", "integrations"])) + "\n" + r_toml([("url", sv(pick(["postgres-url-password", "redis-url-password"]))), ("pool", "10")], "database")


def f_elixir():
    es = entries(ns(1, 3), nn(1, 3), 0, oneline=True)
    return "import Config\n\nconfig :kestrel, Kestrel.Repo,\n  url: %s,\n  pool_size: 10\n\nconfig :kestrel, :integrations,\n%s\n\nconfig :kestrel, KestrelWeb.Endpoint,\n  secret_key_base: System.get_env(\"SECRET_KEY_BASE\")\n" % (
        cstr(sv("postgres-url-password")), "\n".join(LANG_ASSIGN["ex"](k, v) for k, v in es))


# ---- package manager / tool configs

def f_npmrc():
    return "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n@kestrel:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=%s\n//nexus.lumen.lan/repository/npm/:_auth=%s\nalways-auth=true\n" % (
        sv("npm-token"), pick([lambda: sv("github-pat-classic"), lambda: ref_env("GITHUB_TOKEN")])(), sv("basic-auth-b64"))


def f_yarnrc():
    return 'nodeLinker: node-modules\nnpmScopes:\n  kestrel:\n    npmAlwaysAuth: true\n    npmAuthToken: %s\n    npmRegistryServer: "https://npm.pkg.github.com"\nnpmRegistries:\n  "https://registry.yarnpkg.com":\n    npmAuthToken: %s\n' % (
        sv(pick(["github-pat-classic", "github-fine-grained-pat"])), pick([lambda: sv("npm-token"), lambda: N("ref-env", "yarn", "${NPM_TOKEN}")])())


def f_pypirc():
    return "[distutils]\nindex-servers =\n    pypi\n    testpypi\n\n[pypi]\nusername = __token__\npassword = %s\n\n[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = __token__\npassword = %s\n" % (
        sv("pypi-token"), pick([lambda: sv("pypi-token"), placeholder])())


def f_pip_conf():
    return "[global]\nindex-url = https://%s:%s@nexus.lumen.lan/repository/pypi/simple\ntrusted-host = nexus.lumen.lan\ntimeout = 60\n" % (pick(["ci", "jdoe"]), sv(pick(["db-password-generated", "jfrog-reference-token", "bearer-opaque"])))


def f_netrc():
    return "machine api.heroku.com\n  login ana@kestrel.io\n  password %s\nmachine github.com\n  login x-access-token\n  password %s\nmachine nexus.lumen.lan login ci password %s\n" % (
        sv("heroku-api-key"), sv(pick(["github-pat-classic", "github-server-to-server"])), sv("db-password-generated"))


def f_git_credentials():
    return "".join(sv("git-credentials-token") + "\n" for _ in range(R.randint(1, 2))) + "https://oauth2:%s@gitlab.kestrel.dev\n" % sv("gitlab-pat")


def f_settings_xml():
    return """<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
  <servers>
    <server>
      <id>ossrh</id>
      <username>kestrel-bot</username>
      <password>%s</password>
    </server>
    <server>
      <id>github</id>
      <username>ci</username>
      <password>%s</password>
    </server>
    <server>
      <id>nexus</id>
      <username>deploy</username>
      <password>%s</password>
    </server>
  </servers>
  <profiles><profile><id>sign</id><properties><gpg.passphrase>%s</gpg.passphrase></properties></profile></profiles>
</settings>
""" % (xe(sv("sonatype-password")), sv(pick(["github-pat-classic", "github-fine-grained-pat"])), pick([lambda: N("ref-env", "maven", "${env.NEXUS_PASSWORD}"), lambda: N("encrypted-blob", "maven", "{" + rnd("b", 44) + "}")])(), xe(sv("passphrase")))


def f_init_gradle():
    return "allprojects {\n    repositories {\n        maven {\n            url = uri(\"https://maven.pkg.github.com/kestrel/libs\")\n            credentials {\n                username = \"ci\"\n                password = \"%s\"\n            }\n        }\n        maven {\n            url = uri(\"https://kestrel.jfrog.io/artifactory/libs\")\n            credentials { username = \"ci\"; password = System.getenv(\"ARTIFACTORY_TOKEN\") ?: \"%s\" }\n        }\n    }\n}\n" % (
        sv(pick(["github-pat-classic", "github-fine-grained-pat"])), sv(pick(["jfrog-api-key", "jfrog-reference-token"])))


def f_nuget():
    return '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSources>\n    <add key="kestrel" value="https://pkgs.dev.azure.com/kestrel/_packaging/feed/nuget/v3/index.json" />\n  </packageSources>\n  <packageSourceCredentials>\n    <kestrel>\n      <add key="Username" value="ci" />\n      <add key="ClearTextPassword" value="%s" />\n    </kestrel>\n  </packageSourceCredentials>\n  <apikeys>\n    <add key="https://www.nuget.org" value="%s" />\n  </apikeys>\n</configuration>\n' % (
        sv(pick(["azure-devops-pat", "azure-devops-pat-v2"])), sv("nuget-api-key"))


def f_composer_auth():
    return jd({"github-oauth": {"github.com": sv(pick(["github-oauth-token", "github-pat-classic"]))}, "http-basic": {"repo.packagist.com": {"username": "token", "password": sv("packagist-token")}},
               "bearer": {"satis.kestrel.dev": sv("bearer-opaque")}}, indent=4) + "\n"


def f_cargo_credentials():
    return '[registry]\ntoken = "%s"\n\n[registries.kestrel]\ntoken = "Bearer %s"\n' % (sv("crates-io-token"), sv("bearer-opaque"))


def f_docker_config():
    auths = {"https://index.docker.io/v1/": {"auth": S_("docker-config-auth", "registry", b64("kestrelci:" + genval("dockerhub-pat")))},
             "ghcr.io": {"auth": S_("docker-config-auth", "registry", b64("jdoe:" + genval("github-pat-classic")))},
             "%s.dkr.ecr.eu-west-1.amazonaws.com" % acct(): {}}
    if chance(0.5):
        auths["registry.kestrel.dev"] = {"username": "deploy", "password": sv("db-password-generated")}
    if chance(0.4):
        auths["myregistry.azurecr.io"] = {"identitytoken": sv("jwt-rs256")}
    return jd({"auths": auths, "credsStore": "desktop", "currentContext": "default"}, indent="\t") + "\n"


def f_kubeconfig():
    user = pick([lambda: "    client-certificate-data: %s\n    client-key-data: %s\n" % (N("certificate", "b64-pem", b64(pub_pem("CERTIFICATE") + "\n")), S_("kubeconfig-client-key-data", "private-key", b64(pem("RSA PRIVATE KEY") + "\n"))),
                 lambda: "    token: %s\n" % sv(pick(["k8s-sa-token", "bearer-opaque"])),
                 lambda: "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, prod]\n    password: %s\n    username: admin\n" % sv("admin-password-human")])()
    return "apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: %s\n    server: https://%s:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    user: admin\n  name: prod\ncurrent-context: prod\nusers:\n- name: admin\n  user:\n%s" % (
        N("certificate", "b64-pem", b64(pub_pem("CERTIFICATE") + "\n")), ipaddr(), user)


def f_aws_credentials():
    s = "[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (sv(pick(["aws-access-key-id", "aws-access-key-id", "aws-access-key-id-doc-example"])), sv(pick(["aws-secret-access-key", "aws-secret-access-key", "aws-secret-key-doc-example"])))
    s += "\n[prod-sso]\nsso_session = kestrel\nsso_account_id = %s\nsso_role_name = AdministratorAccess\n" % public_id()
    if chance(0.6):
        s += "\n[tmp]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n" % (sv("aws-temp-access-key-id"), sv("aws-secret-access-key"), sv("aws-session-token"))
    return s


def f_rclone():
    return "[gdrive]\ntype = drive\nclient_id = %s\nclient_secret = %s\ntoken = %s\n\n[s3]\ntype = s3\nprovider = AWS\naccess_key_id = %s\nsecret_access_key = %s\n\n[b2]\ntype = b2\naccount = %s\nkey = %s\n" % (
        N("publishable-key", "google-oauth-client-id", "%d-%s.apps.googleusercontent.com" % (R.randint(10**11, 10**12), rnd("l", 32)), True), sv("gcp-oauth-client-secret"),
        '{"access_token":"%s","token_type":"Bearer","refresh_token":"%s","expiry":"2026-11-02T10:11:12.1234+01:00"}' % (sv("gcp-oauth-access-token"), sv("gcp-refresh-token")),
        sv("aws-access-key-id"), sv("aws-secret-access-key"), N("public-id", "b2-account", rnd("h", 12)), S_("backblaze-b2-app-key", "cloud", "K00" + rnd("a", 28)))


def f_s3cfg():
    return "[default]\naccess_key = %s\nsecret_key = %s\nhost_base = %s\nuse_https = True\ngpg_passphrase = %s\n" % (
        sv(pick(["aws-access-key-id", "scaleway-access-key"])), sv(pick(["aws-secret-access-key", "digitalocean-spaces-secret"])), pick(["s3.amazonaws.com", "fra1.digitaloceanspaces.com"]), pick([lambda: sv("passphrase"), short_val])())


# ---- source code with hardcoded credentials

def concat_secret(name=None, q='"', plus=" + "):
    """'sk_live_' + 'rest' on one line: one label over both parts and the joiner."""
    name = name or pick(["stripe-secret-live", "openai-project-key", "github-pat-classic", "slack-bot-token", "anthropic-api-key", "sendgrid-api-key", "npm-token", "gitlab-pat", "huggingface-token", "groq-api-key"])
    v = genval(name)
    cut = R.randint(3, min(12, len(v) - 8))
    joined = v[:cut] + q + plus + q + v[cut:]
    return S_(name + "-concatenated", FMT[name][1], joined)


def bytes_secret(lang):
    name = pick(["aws-secret-access-key", "openai-legacy-key", "stripe-secret-live", "db-password-generated", "github-pat-classic", "jwt-signing-secret"])
    v = genval(name).encode()
    if lang == "java":
        body = "new String(new byte[]{" + ", ".join(str(b) for b in v) + "}, StandardCharsets.UTF_8)"
    elif lang == "py":
        body = "bytes([" + ", ".join(str(b) for b in v) + "]).decode()"
    elif lang == "c":
        body = '"' + "".join("\\x%02x" % b for b in v) + '"'
    elif lang == "go":
        body = "string([]byte{" + ", ".join("0x%02x" % b for b in v) + "})"
    else:
        body = "String.fromCharCode(" + ", ".join(str(b) for b in v) + ")"
    return S_(name + "-as-bytes", FMT[name][1], body)


def comment_secret(c="#"):
    k, v = sec(oneline_fmt())
    return "%s %s" % (c, pick(["old %s was %s (revoked?)" % (envkey(k), v), "TODO remove before merge: %s=%s" % (envkey(k), v), "for local testing use %s" % v, "prod key: " + v]))


def f_py_client():
    k, v = sec(oneline_fmt())
    k2, v2 = sec(oneline_fmt())
    return """import os
import requests

%s
API_BASE = "https://api.kestrel.io/v2"
%s = %s
DEFAULT_TOKEN = os.environ.get("KESTREL_TOKEN", %s)
_SIGNING = %s
LEGACY = %s  # split so the linter stops complaining


def get_api_key():
    return os.getenv("%s") or %s


def fetch(path):
    return requests.get(API_BASE + path, headers={"Authorization": "Bearer " + DEFAULT_TOKEN, "X-Trace-Id": %s}, timeout=10)
""" % (comment_secret("#"), envkey(k), cstr(v), cstr(v2), bytes_secret("py"), '"' + concat_secret() + '"', sname(), envkey(k), cstr(trace()))


def f_js_client():
    k, v = sec(oneline_fmt())
    return """// src/lib/api.js
import axios from 'axios';

const %s = %s;
%s
const legacyKey = '%s';
const authHeader = { Authorization: `Bearer ${%s}` };
const integrity = '%s';

export async function getApiKey() {
  return process.env.API_KEY ?? %s;
}

export const client = axios.create({ baseURL: 'https://api.kestrel.io', headers: { ...authHeader, 'x-api-key': %s } });
const obf = %s;
""" % (lcamel(k), cstr(v, "'"), comment_secret("//"), concat_secret(q="'"), lcamel(k), sri(), cstr(placeholder(), "'"), cstr(sv(oneline_fmt()), "'"), bytes_secret("js"))


def f_java_client():
    k, v = sec(oneline_fmt())
    return """package com.kestrel.billing;

import java.nio.charset.StandardCharsets;

public final class Credentials {
%s
    private static final String ENDPOINT = "https://api.kestrel.io";
    // %s
    private static final String PARTNER = "%s";
    private static final String OBF = %s;
    static String dbPassword() { return System.getenv().getOrDefault("DB_PASSWORD", "%s"); }
    static String apiKey() { return System.getProperty("api.key", %s); }
}
""" % (LANG_ASSIGN["java"](k, v), comment_secret("//")[3:], concat_secret(), bytes_secret("java"), sv(pick(["db-password-human", "db-password-generated"])), cstr(ref_code()))


def f_go_client():
    k, v = sec(oneline_fmt())
    return """package main

import (
\t"net/http"
\t"os"
)

const %s = %s

var legacy = "%s"
var obf = %s

func newRequest(url string) *http.Request {
\treq, _ := http.NewRequest("GET", url, nil)
\treq.Header.Set("Authorization", "Bearer "+%s)
\treq.SetBasicAuth("api", %s)
\treq.Header.Set("X-Request-Id", %s)
\treturn req
}

func dsn() string { return os.Getenv("DATABASE_URL") }
""" % (gocamel(k), cstr(v), concat_secret(), bytes_secret("go"), gocamel(k), cstr(sv(pick(["bearer-opaque", "db-password-generated", "generic-api-key-alnum"]))), cstr(uuid_neg()))


def f_c_header():
    return "#ifndef KEYS_H\n#define KEYS_H\n/* generated by tools/embed_keys.py */\nstatic const char *FW_UPDATE_KEY = %s;\nstatic const char *OBF_KEY = %s;\n#define WIFI_SSID \"kestrel-iot\"\n#define WIFI_PASS \"%s\"\n#define MQTT_URL \"%s\"\n#endif\n" % (
        cstr(sv(oneline_fmt())), bytes_secret("c"), sv("wifi-psk"), sv("mqtt-url-password"))


def f_ruby():
    k, v = sec(oneline_fmt())
    return "require 'stripe'\n\nStripe.api_key = %s\n%s = %s\nclient = Octokit::Client.new(access_token: ENV.fetch('GITHUB_TOKEN', %s))\n%s\n" % (
        cstr(sv(pick(["stripe-secret-live", "stripe-restricted-live", "stripe-secret-test"])), "'"), envkey(k), cstr(v, "'"), cstr(sv(pick(["github-pat-classic", "github-fine-grained-pat"])), "'"), comment_secret("#"))


def f_php():
    return "<?php\n$db = new PDO('mysql:host=%s;dbname=shop', 'shop', %s);\n$mail->Password = %s;\n$key = '%s';\ndefine('AUTH_SALT', %s);\n" % (
        unmark(ipaddr()), cstr(sv("db-password-human"), "'"), cstr(sv("smtp-password"), "'"), concat_secret(q="'", plus=" . "), cstr(sv("jwt-signing-secret"), "'"))


def f_csharp():
    k, v = sec(oneline_fmt())
    return "namespace Kestrel.Api;\n\npublic static class Keys\n{\n%s\n        public const string Conn = %s;\n        public static string Storage => Environment.GetEnvironmentVariable(\"STORAGE\") ?? %s;\n}\n" % (
        LANG_ASSIGN["cs"](k, v), cstr(sv("ado-sqlserver-password")), cstr(sv("azure-storage-connection-string")))


def f_shell():
    return "#!/usr/bin/env bash\nset -euo pipefail\n\nexport %s=%s\nexport DB_PASSWORD=%s\ncurl -sS -X POST https://api.kestrel.io/v1/deploy \\\n  -H \"Authorization: Bearer %s\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"ref\":\"%s\"}'\nmysql -h %s -u root -p%s -e 'select 1'\nPGPASSWORD=%s psql -h db -U app -c 'vacuum'\n" % (
        *(lambda kv: (envkey(kv[0]), "'" + kv[1] + "'"))(sec(oneline_fmt())), ref_cmd(), sv(pick(["bearer-opaque", "github-pat-classic", "jwt-hs256", "internal-service-token"])), hash_git(), unmark(ipaddr()), sv("mysql-root-password"), sv("postgres-password"))


def f_dockerfile():
    k, v = sec(oneline_fmt())
    return "FROM node:20-alpine@%s\nARG NPM_TOKEN=%s\nENV %s=%s\nENV NODE_ENV=production \\\n    API_URL=https://api.kestrel.io\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc && npm ci && rm .npmrc\nRUN --mount=type=secret,id=sentry,target=%s npx sentry-cli releases new %s\nCOPY . .\nCMD [\"node\", \"server.js\"]\n" % (
        hash_sha(), pick([lambda: sv("npm-token"), lambda: N("empty-short", "short", "x")])(), envkey(k), ('"' + v + '"') if re.search(r"\s", U(v)) else v, fpath(), version())


def f_readme():
    k, v = sec(oneline_fmt())
    return "# %s\n\n## Setup\n\n1. Copy `.env.example` to `.env` and set `%s`.\n2. Ask #platform for `%s` (never commit it).\n3. For the sandbox use `%s=%s`.\n\nThe staging key is `%s` (rotate monthly; last rotated by Ana).\n\n%s\n\nPassword rules: %s.\n\n```sh\nexport %s=%s\ncurl -H \"x-api-key: $%s\" https://api.kestrel.io/health\n```\n" % (
        pick(["orders-api", "pedidos", "fahrplan-sync"]), envname(), envname(), envkey(k), v, sv(oneline_fmt()), example_key(), policy(), sname(), ref_cmd(), sname())


def f_fixture_json():
    users = []
    for i in range(R.randint(2, 4)):
        users.append({"id": uuid_neg(), "email": "user%d@kestrel.io" % i, "password_hash": N("hash-password", "stored", pwhash()), "api_token": sv(pick(["bearer-opaque", "internal-service-token", "github-pat-classic", "stripe-restricted-live"])),
                      "avatar": b64data() if chance(0.3) else None, "theme_color": color()})
    return jd({"users": users, "webhook": {"url": sv(pick(["slack-webhook-url", "discord-webhook-url"])), "secret": sv("github-webhook-secret")}}, indent=2) + "\n"


def f_lockfile():
    return "".join('"%s@^%s":\n  version "%s"\n  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"\n  integrity %s\n\n' % (p, v, v, p, p, v, unmark(hash_git()), sri())
                   for p, v in [(pick(["lodash", "axios", "react", "zod", "dayjs"]), "%d.%d.%d" % (R.randint(1, 9), R.randint(0, 20), R.randint(0, 9))) for _ in range(R.randint(3, 6))])


def f_go_sum():
    return "".join("%s %s %s\n" % (m, v, lockck()) for m, v in [(pick(["github.com/spf13/viper", "golang.org/x/crypto", "github.com/aws/aws-sdk-go-v2"]), "v%d.%d.%d" % (R.randint(0, 2), R.randint(0, 30), R.randint(0, 9))) for _ in range(4)])


def f_css():
    return ":root {\n%s}\n.btn-primary { background: %s; }\n/* %s */\n" % ("".join("  --color-%s: %s;\n" % (pick(["primary", "accent", "danger", "muted"]) + "-%d" % (R.randint(1, 9) * 100), color()) for _ in range(5)), color(), minjs())


def f_i18n():
    lang = pick(sorted(POLICY))
    return jd({"auth": {"password": {"label": policy(lang), "hint": policy(lang), "forgot": policy(lang)}, "apiKey": {"title": i18nkey(), "help": policy(lang)}}}, indent=2) + "\n"


def f_html_login():
    return '<form method="post" action="/login">\n  <label for="pw">%s</label>\n  <input type="password" id="pw" name="password" placeholder="%s" autocomplete="current-password">\n  <input type="hidden" name="csrf" value="{{ csrf_token }}">\n  <script src="/static/js/app.js" integrity="%s" nonce="%s"></script>\n</form>\n' % (
        policy(), policy(), sri(), himent())


def f_keyfile():
    n = pick(list(MULTILINE))
    body = sv(n) + "\n"
    if chance(0.3):
        body = cert() + "\n" + body if chance(0.5) else body + cert() + "\n"
    return body


def t_cat_key():
    return "cat " + pick(["~/.ssh/id_ed25519", "~/.ssh/id_rsa", "certs/server.pem", "deploy/key.ppk", "secrets/signing.asc", "/etc/openvpn/ta.key"]), f_keyfile()


PROJECTS = {
    "android": [("gradle.properties", f_gradle_properties), ("app/google-services.json", f_google_services), ("local.properties", f_local_properties),
                ("app/build.gradle.kts", f_build_gradle_kts), ("app/src/main/java/net/ApiKeys.kt", f_kotlin_client), ("app/src/main/res/values/strings.json", f_i18n)],
    "ios": [("App/Info.plist", f_info_plist), ("App/GoogleService-Info.plist", f_google_service_plist), ("Config/Release.xcconfig", f_xcconfig), ("App/Secrets.swift", f_swift)],
    "flutter": [("lib/env.dart", f_dart), ("android/key.properties", f_key_properties), ("android/app/google-services.json", f_google_services), (".env", f_dotenv)],
    "reactnative": [(".env", f_dotenv), ("app.json", f_app_json), ("src/config.ts", f_ts_config), ("yarn.lock", f_lockfile)],
    "datasci": [("notebooks/churn.ipynb", f_ipynb), ("notebooks/explore.ipynb", f_ipynb), ("dbt/profiles.yml", f_dbt_profiles), ("airflow/.env", f_airflow),
                ("conf/spark-defaults.conf", f_spark_conf), ("mlops.env", f_mlflow_wandb), ("requirements.txt", f_requirements_lock)],
    "terraform": [("main.tf", f_tf_main), ("prod.auto.tfvars", f_tfvars), ("terraform.tfstate", f_tfstate), (".terraform.lock.hcl", f_tf_lock)],
    "pulumi": [("Pulumi.prod.yaml", f_pulumi_yaml), ("index.ts", f_pulumi_ts)],
    "cfn": [("template.yaml", f_cfn_yaml), ("task.json", f_cfn_json)],
    "ansible": [("group_vars/all.yml", f_ansible_vars), ("inventory.ini", f_inventory)],
    "k8s": [("helm/values.yaml", f_helm_values), ("kustomize/kustomization.yaml", f_kustomize), ("k8s/secret.yaml", f_k8s_secret), ("docker-compose.yml", f_compose),
            ("nomad/api.nomad", f_nomad), ("Vagrantfile", f_vagrant), ("certs/tls.key", f_keyfile)],
    "ci": [(".github/workflows/deploy.yml", f_gha), (".gitlab-ci.yml", f_gitlab), (".circleci/config.yml", f_circle), ("Jenkinsfile", f_jenkins),
           ("azure-pipelines.yml", f_azure_pipelines), ("bitbucket-pipelines.yml", f_bitbucket), (".buildkite/pipeline.yml", f_buildkite)],
    "spring": [("src/main/resources/application.yml", f_spring_yml), ("src/main/resources/application-prod.properties", f_spring_props),
               ("src/main/java/com/kestrel/billing/Credentials.java", f_java_client), ("Dockerfile", f_dockerfile)],
    "dotnet": [("appsettings.Production.json", f_appsettings), ("Web.config", f_web_config), ("Keys.cs", f_csharp)],
    "rails": [("config/database.yml", f_database_yml), ("config/secrets.yml", f_secrets_yml), ("config/master.key", f_master_key), ("config/initializers/stripe.rb", f_ruby)],
    "django": [("app/settings.py", f_django_settings), ("app/clients.py", f_py_client), (".env", f_dotenv), ("templates/login.html", f_html_login)],
    "laravel": [(".env", f_dotenv), ("config/services.php", f_laravel_services), ("public/legacy.php", f_php)],
    "node": [("config/default.json", f_express_config), ("src/config/auth.config.ts", f_nest_config), ("src/lib/api.js", f_js_client), (".env.production", f_dotenv),
             ("package-lock.txt", f_lockfile), ("src/styles/theme.css", f_css)],
    "go": [("internal/config/config.go", f_go_config), ("cmd/api/main.go", f_go_client), ("config.yaml", lambda: r_yaml(entries(ns(1, 3), nn(2, 5), 2))), ("go.sum", f_go_sum)],
    "rust": [("src/config.rs", f_rust_config), ("Config.toml", f_config_toml)],
    "elixir": [("config/runtime.exs", f_elixir), (".env", f_dotenv)],
    "dotfiles": [(".npmrc", f_npmrc), (".yarnrc.yml", f_yarnrc), (".pypirc", f_pypirc), ("pip.conf", f_pip_conf), (".netrc", f_netrc), (".git-credentials", f_git_credentials),
                 (".m2/settings.xml", f_settings_xml), (".gradle/init.gradle.kts", f_init_gradle), ("NuGet.Config", f_nuget), ("auth.json", f_composer_auth),
                 (".cargo/credentials.toml", f_cargo_credentials), (".docker/config.json", f_docker_config), (".kube/config", f_kubeconfig), (".aws/credentials", f_aws_credentials),
                 (".config/rclone/rclone.conf", f_rclone), (".s3cfg", f_s3cfg), (".ssh/id_ed25519", f_keyfile), (".ssh/deploy_key", f_keyfile)],
    "embedded": [("include/keys.h", f_c_header), ("scripts/deploy.sh", f_shell), ("README.md", f_readme), ("tests/fixtures/users.json", f_fixture_json), ("certs/device.pem", f_keyfile)],
}

PROJ_NAMES = ["orders", "pedidos", "fahrplan", "ledger", "wallet", "atlas", "nimbus", "kiosk", "tessera", "harbor", "quill", "vega", "saffron", "lattice"]


def repo_files(n_files):
    out = []
    kinds = sorted(PROJECTS)
    i = 0
    while len(out) < n_files:
        kind = kinds[i % len(kinds)] if i < len(kinds) else pick(kinds)
        base = "repo/%s-%s-%d" % (kind, pick(PROJ_NAMES), i)
        tpl = PROJECTS[kind][:]
        R.shuffle(tpl)
        k = min(len(tpl), R.randint(3, 7), n_files - len(out))
        for path, fn in tpl[:k]:
            out.append((base + "/" + path, fn))
        i += 1
    return out


# ---------------------------------------------------------------- agent traffic: tool outputs

def t_k8s_secret():
    return "kubectl get secret %s -n prod -o yaml" % pick(["api-secrets", "db-creds"]), f_k8s_secret()


def t_kubectl_describe():
    env = []
    for k, v in entries(ns(1, 3), 0, 3, oneline=True):
        env.append("      %s:%s%s" % (envkey(k), " " * max(1, 24 - len(envkey(k))), v))
    env.append("      %s:  <set to the key '%s' in secret '%s'>  Optional: false" % (sname(), pick(["password", "token"]), N("ref-secret-manager", "k8s", pick(["db-creds", "api-secrets"]))))
    env.append("      %s:  %s" % (sname(), ref_env()))
    R.shuffle(env)
    return "kubectl describe pod %s -n prod" % unmark(himent()), """Name:             api-%s-%s
Namespace:        prod
Node:             ip-10-0-3-17.eu-west-1.compute.internal/%s
Status:           Running
IP:               %s
Containers:
  api:
    Container ID:   containerd://%s
    Image:          registry.kestrel.dev/api:%s
    Image ID:       registry.kestrel.dev/api@%s
    State:          Running
    Environment:
%s
    Mounts:
      %s from kube-api-access-%s (ro)
Events:
  Normal  Pulled  2m  kubelet  Successfully pulled image in 1.2s
""" % (rnd("l", 10), rnd("l", 5), ipaddr(), ipaddr(), N("hash-sha256", "container-id", rnd("h", 64)), version(), hash_sha(), "\n".join(env), fpath(), rnd("l", 5))


def t_deploy_yaml():
    env = "".join("        - name: %s\n          value: %s\n" % (envkey(k), yq(v, "          ")) for k, v in entries(ns(1, 3), 0, 2, oneline=True))
    env += "        - name: %s\n          valueFrom:\n            secretKeyRef:\n              name: %s\n              key: password\n" % (sname(), N("ref-secret-manager", "k8s", "db-creds"))
    return "kubectl get deploy api -n prod -o yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  uid: %s\n  resourceVersion: \"%d\"\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: ''\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: registry.kestrel.dev/api@%s\n        env:\n%s" % (
        uuid_neg(), R.randint(10**6, 10**8), hash_sha(), env)


def t_env():
    es = entries(ns(1, 2), nn(2, 4), 0, oneline=True)
    base = [("HOME", "/root"), ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin"), ("HOSTNAME", himent()), ("LANG", "C.UTF-8"), ("SHLVL", "1"),
            ("KUBERNETES_SERVICE_HOST", ipaddr()), ("GIT_COMMIT", hash_git()), ("OTEL_TRACE_ID", trace()), ("APP_VERSION", version()), ("ANTHROPIC_BASE_URL", "http://127.0.0.1:8080"),
            ("ANTHROPIC_API_KEY", gw())]
    allv = es + R.sample(base, R.randint(4, len(base)))
    R.shuffle(allv)
    cmd = pick(["env", "printenv", "env | sort", "docker exec api env", "kubectl exec deploy/api -- env"])
    return cmd, "".join("%s=%s\n" % (envkey(k), v.replace("\n", "\\n")) for k, v in allv)


def t_win_set():
    es = entries(ns(1, 3), nn(1, 3), 0, oneline=True)
    if chance(0.5):
        return "Get-ChildItem Env:", "\nName                           Value\n----                           -----\n" + "".join("%-30s %s\n" % (envkey(k), v) for k, v in es + [("Path", "C:\\Windows\\system32;C:\\Program Files\\nodejs\\"), ("USERNAME", "ana.souza")])
    return "set", "".join("%s=%s\n" % (envkey(k), v) for k, v in [("ALLUSERSPROFILE", "C:\\ProgramData"), ("COMPUTERNAME", "DESKTOP-" + rnd("A", 7))] + es)


def t_docker_inspect():
    envl = ["%s=%s" % (envkey(k), v.replace("\n", "\\n")) for k, v in entries(ns(1, 2), nn(2, 4), 2, oneline=True)]
    d = [{"Id": N("hash-sha256", "container-id", rnd("h", 64)), "Created": "2026-10-02T08:11:42.123456789Z", "Image": hash_sha(), "Name": "/api-1",
          "Config": {"Hostname": rnd("h", 12), "Env": envl, "Cmd": ["node", "server.js"], "Labels": {"org.opencontainers.image.revision": hash_git(), "com.docker.compose.version": version()}},
          "NetworkSettings": {"IPAddress": ipaddr(), "MacAddress": "02:42:ac:11:00:0%d" % R.randint(2, 9)}}]
    return "docker inspect api-1", jd(d, indent=4)


def t_tf_output():
    d = {}
    for k, v in entries(ns(1, 2), nn(1, 3), 0, oneline=True):
        d[k.lower()] = {"sensitive": chance(0.7), "type": "string", "value": v}
    d["vpc_id"] = {"sensitive": False, "type": "string", "value": "vpc-" + rnd("h", 17)}
    return "terraform output -json", jd(d, indent=2)


def t_sts():
    d = {"Credentials": {"AccessKeyId": sv("aws-temp-access-key-id"), "SecretAccessKey": sv("aws-secret-access-key"), "SessionToken": sv("aws-session-token"), "Expiration": "2026-12-07T11:42:18+00:00"},
         "AssumedRoleUser": {"AssumedRoleId": N("public-id", "aws-role-id", "AROA" + rnd("B", 17)) + ":ci-session", "Arn": N("ref-secret-manager", "aws", "arn:aws:sts::%s:assumed-role/deployer/ci-session" % acct())}}
    return "aws sts assume-role --role-arn arn:aws:iam::%s:role/deployer --role-session-name ci-session" % acct(), jd(d, indent=4)


def t_secretsmanager():
    inner = {"username": "app", "password": sv(pick(["db-password-generated", "db-password-human"])), "engine": "postgres", "host": unmark(ipaddr()), "port": 5432}
    if chance(0.5):
        inner["api_key"] = sv(oneline_fmt())
    d = {"ARN": ref_sm(), "Name": "prod/orders/db", "VersionId": uuid_neg(), "SecretString": jd(inner), "VersionStages": ["AWSCURRENT"], "CreatedDate": "2026-09-14T10:02:11.512000+02:00"}
    return "aws secretsmanager get-secret-value --secret-id prod/orders/db", jd(d, indent=4)


def t_ssm():
    d = {"Parameter": {"Name": N("ref-secret-manager", "aws", "/prod/api/%s" % sname().lower()), "Type": "SecureString", "Value": sv(oneline_fmt()), "Version": R.randint(1, 9),
                       "ARN": N("ref-secret-manager", "aws", "arn:aws:ssm:eu-west-1:%s:parameter/prod/api/token" % acct()), "DataType": "text"}}
    return "aws ssm get-parameter --name /prod/api/token --with-decryption", jd(d, indent=4)


def t_iam_key():
    d = {"AccessKey": {"UserName": "ci-deployer", "AccessKeyId": sv("aws-access-key-id"), "Status": "Active", "SecretAccessKey": sv("aws-secret-access-key"), "CreateDate": "2026-12-01T09:00:00+00:00"}}
    return "aws iam create-access-key --user-name ci-deployer", jd(d, indent=4)


def t_az_sp():
    d = {"appId": N("public-id", "azure-client-id", uuid4(), True), "displayName": "gh-actions-deployer", "password": sv("azure-ad-client-secret"), "tenant": uuid_neg()}
    return "az ad sp create-for-rbac --name gh-actions-deployer --role contributor --scopes /subscriptions/%s" % uuid4(), jd(d, indent=2)


def t_az_keys():
    d = [{"creationTime": "2026-03-01T10:00:00.0000000Z", "keyName": "key1", "permissions": "FULL", "value": sv("azure-storage-account-key")},
         {"creationTime": "2026-03-01T10:00:00.0000000Z", "keyName": "key2", "permissions": "FULL", "value": sv("azure-storage-account-key")}]
    return "az storage account keys list -g rg-prod -n stkestrelprod", jd(d, indent=2)


def t_az_token():
    d = {"accessToken": sv("jwt-rs256"), "expiresOn": "2026-12-07 12:40:01.000000", "expires_on": 1796647201, "subscription": uuid_neg(), "tenant": uuid_neg(), "tokenType": "Bearer"}
    return "az account get-access-token", jd(d, indent=2)


def t_gcloud_token():
    return pick(["gcloud auth print-access-token", "gcloud auth application-default print-access-token"]), sv("gcp-oauth-access-token") + "\n"


def t_gcloud_secret():
    return "gcloud secrets versions access latest --secret=%s" % pick(["db-pass", "stripe-key"]), sv(oneline_fmt())


def sa_json():
    pid = pick(["orbit-prod", "kestrel-471", "lumen-ml"])
    return {"type": "service_account", "project_id": pid, "private_key_id": N("public-id", "gcp-key-id", rnd("h", 40), True), "private_key": sv("gcp-sa-private-key"),
            "client_email": "deployer@%s.iam.gserviceaccount.com" % pid, "client_id": N("public-id", "gcp-client-id", str(R.randint(10**20, 10**21))),
            "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
            "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/deployer%%40%s.iam.gserviceaccount.com" % pid, "universe_domain": "googleapis.com"}


def t_gcloud_sa():
    return "gcloud iam service-accounts keys create key.json --iam-account deployer@orbit-prod.iam.gserviceaccount.com && cat key.json", jd(sa_json(), indent=2)


def t_java_trace():
    return "./gradlew bootRun", """2026-12-07 09:14:02.118  INFO 1 --- [main] c.k.billing.Application : Starting Application v%s
2026-12-07 09:14:03.502  INFO 1 --- [main] com.zaxxer.hikari.HikariDataSource : HikariPool-1 - Starting... url=%s
2026-12-07 09:14:04.911 ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed
org.postgresql.util.PSQLException: FATAL: password authentication failed for user "app"
\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)
\tat com.zaxxer.hikari.pool.HikariPool.checkFailFast(HikariPool.java:562)
Caused by: DataSourceProperties{username='app', password='%s', driverClassName='org.postgresql.Driver'}
2026-12-07 09:14:04.912 DEBUG 1 --- [main] trace_id=%s span_id=%s
""" % (version(), sv(pick(["jdbc-postgres-password", "jdbc-mysql-password", "jdbc-sqlserver-password", "jdbc-oracle-password"])), sv(pick(["db-password-human", "db-password-generated"])), trace(), trace())


def t_py_trace():
    k, v = sec(oneline_fmt())
    return "python manage.py runserver", """Traceback (most recent call last):
  File "/app/clients/payments.py", line 41, in charge
    resp = stripe.Charge.create(amount=amount, currency="eur", api_key=api_key)
  File "/usr/local/lib/python3.12/site-packages/stripe/_api_requestor.py", line 197, in request
    raise error.AuthenticationError(msg)
stripe._error.AuthenticationError: Invalid API Key provided: %s
Local variables:
    api_key = %s
    %s = %s
    settings_module = 'app.settings.prod'
    request_id = %s
""" % (masked(), cstr(sv(pick(["stripe-secret-live", "stripe-restricted-live"])), "'"), k.lower(), cstr(v, "'"), cstr(trace(), "'"))


def t_node_err():
    k, v = sec(oneline_fmt())
    return "npm run start", """> api@%s start
> node dist/main.js

[Nest] 42  - 12/07/2026, 9:14:02 AM   ERROR [ExceptionHandler] connect ECONNREFUSED %s:6379
Error: Redis connection to %s failed - NOAUTH Authentication required.
    at RedisClient.on_error (/app/node_modules/redis/index.js:342:14) {
  config: {
    url: '%s',
    %s: '%s',
    apiBase: 'https://api.kestrel.io',
    sessionCookie: '__Host-sid'
  },
  code: 'ECONNREFUSED'
}
""" % (version(), unmark(ipaddr()), unmark(ipaddr()), sv(pick(["redis-url-password", "rediss-url-password"])), lcamel(k), v.replace("\n", "\\n"))


def t_json_logs():
    lines = []
    for _ in range(R.randint(3, 6)):
        d = {"ts": "2026-12-07T09:%02d:%02d.%03dZ" % (R.randint(0, 59), R.randint(0, 59), R.randint(0, 999)), "level": pick(["info", "warn", "error"]), "trace_id": trace(), "msg": pick(["config loaded", "upstream call", "retrying"])}
        if chance(0.3):
            k, v = sec(oneline_fmt())
            d[lcamel(k)] = v
        else:
            k, v = neg_kv()
            d[lcamel(k)] = v
        lines.append(jd(d, sep=(",", ":")))
    return pick(["kubectl logs deploy/api --tail=20", "docker logs api-1 2>&1 | tail", "journalctl -u api -n 20 -o cat"]), "\n".join(lines) + "\n"


def t_git_diff():
    k, v = sec(oneline_fmt())
    k2, v2 = sec(oneline_fmt())
    path = pick(["config/prod.env", ".env.production", "deploy/values-prod.yaml", "src/settings.py"])
    return "git diff HEAD~1 -- " + path, """diff --git a/%s b/%s
index %s..%s 100644
--- a/%s
+++ b/%s
@@ -3,7 +3,8 @@ LOG_LEVEL=info
 REGION=eu-west-1
-%s=%s
+%s=%s
-%s=%s
+%s=%s
 %s=%s
""" % (path, path, hash_git(), hash_git(), path, path, envkey(k), ref_env(envkey(k)), envkey(k), v.replace("\n", "\\n"), envkey(k2), v2.replace("\n", "\\n"), envkey(k2), ref_sm(), sname(), placeholder())


TEXT_FILES = [(".env", f_dotenv), ("config/application.yml", f_spring_yml), ("app/settings.py", f_django_settings), ("~/.aws/credentials", f_aws_credentials), ("~/.npmrc", f_npmrc),
              ("docker-compose.yml", f_compose), ("config/database.yml", f_database_yml), ("~/.kube/config", f_kubeconfig), ("helm/values.yaml", f_helm_values),
              ("~/.netrc", f_netrc), ("~/.pypirc", f_pypirc), ("src/lib/api.js", f_js_client), ("terraform.tfvars", f_tfvars), (".github/workflows/deploy.yml", f_gha),
              ("appsettings.json", f_appsettings), ("~/.docker/config.json", f_docker_config), ("Config.toml", f_config_toml), ("inventory.ini", f_inventory),
              ("group_vars/all.yml", f_ansible_vars), ("gradle.properties", f_gradle_properties), ("~/.config/rclone/rclone.conf", f_rclone), ("key.json", lambda: jd(sa_json(), indent=2)), ("certs/server.pem", f_keyfile)]


def t_cat_n():
    path, fn = pick(TEXT_FILES)
    text = fn()
    return "cat -n " + path, "".join("%6d\t%s\n" % (i + 1, l) for i, l in enumerate(text.rstrip("\n").split("\n")))


def t_cat():
    path, fn = pick(TEXT_FILES)
    return pick(["cat ", "head -50 ", "less "]) + path, fn()


def t_psql():
    rows = []
    for i in range(R.randint(2, 4)):
        rows.append(" %3d | %-12s | %s | %s | %s" % (i + 1, pick(["ana", "kenji", "lena", "omar", "svc-ci"]), sv(pick(["bearer-opaque", "internal-service-token", "stripe-restricted-live", "github-pat-classic", "oauth-refresh-token"])), N("hash-password", "stored", bcrypt()), uuid_neg()))
    return "psql -c 'select id, username, api_token, password_hash, tenant_id from users limit 4'", " id  | username     | api_token | password_hash | tenant_id\n-----+--------------+-----------+---------------+-----------\n%s\n(%d rows)\n" % ("\n".join(rows), len(rows))


def t_mysql():
    rows = []
    for i in range(R.randint(2, 3)):
        rows.append("| %2d | %-10s | %s | %s |" % (i + 1, pick(["stripe", "twilio", "sendgrid", "github"]), sv(pick(["stripe-secret-live", "twilio-auth-token", "sendgrid-api-key", "github-pat-classic", "mailgun-api-key"])), version()))
    sep = "+----+------------+--------+---------+"
    return "mysql -e 'SELECT id, provider, secret, sdk_version FROM integrations'", "%s\n| id | provider   | secret | sdk_version |\n%s\n%s\n%s\n%d rows in set (0.01 sec)\n" % (sep, sep, "\n".join(rows), sep, len(rows))


def t_curl_v():
    tok = sv(pick(["stripe-secret-live", "openai-project-key", "github-pat-classic", "jwt-rs256", "bearer-opaque", "anthropic-api-key", "hubspot-private-app", "notion-token"]))
    cookie = sv(pick(["session-cookie-express", "session-cookie-django", "session-cookie-rails", "session-cookie-php", "session-cookie-jsessionid"]))
    return "curl -v https://api.kestrel.io/v1/orders", """*   Trying %s:443...
* Connected to api.kestrel.io port 443
* SSL certificate verify ok.
> GET /v1/orders HTTP/2
> Host: api.kestrel.io
> User-Agent: curl/8.5.0
> Authorization: Bearer %s
> Accept: */*
>
< HTTP/2 200
< content-type: application/json
< x-request-id: %s
< set-cookie: %s=%s; Path=/; HttpOnly; Secure; SameSite=Lax
< etag: %s
<
{"data":[{"id":"%s","amount":1299}],"has_more":false}
""" % (ipaddr(), tok, trace(), pick(["sessionid", "connect.sid", "_app_session"]), cookie, himent(), public_id())


def t_httpie():
    b = sv("basic-auth-b64")
    return "http POST https://auth.kestrel.io/oauth/token grant_type=client_credentials", """POST /oauth/token HTTP/1.1
Accept: application/json, */*;q=0.5
Authorization: Basic %s
Content-Type: application/json
Host: auth.kestrel.io
User-Agent: HTTPie/3.2.2

{
    "grant_type": "client_credentials"
}

HTTP/1.1 200 OK
Content-Type: application/json
X-Request-Id: %s

{
    "access_token": "%s",
    "expires_in": 3600,
    "refresh_token": "%s",
    "token_type": "Bearer"
}
""" % (b, uuid_neg(), sv(pick(["jwt-hs256", "jwt-rs256", "jwt-es256"])), sv("oauth-refresh-token"))


def t_copy_fetch():
    return "(pasted from Chrome devtools: Copy as fetch)", """fetch("https://app.kestrel.io/api/graphql", {
  "headers": {
    "accept": "*/*",
    "authorization": "Bearer %s",
    "content-type": "application/json",
    "cookie": "_ga=%s; %s=%s; theme=dark",
    "x-csrf-token": "%s",
    "sentry-trace": "%s"
  },
  "body": "{\\"operationName\\":\\"Orders\\",\\"variables\\":{\\"first\\":20}}",
  "method": "POST"
});
""" % (sv(pick(["jwt-hs256", "jwt-rs256", "bearer-opaque"])), N("public-id", "analytics", "GA1.1.%d.%d" % (R.randint(10**8, 10**9), R.randint(10**9, 2 * 10**9))),
       pick(["__Secure-next-auth.session-token", "laravel_session", ".AspNetCore.Cookies"]), sv(pick(["session-cookie-nextauth", "session-cookie-laravel", "session-cookie-aspnet"])),
       N("high-entropy-misc", "csrf", rnd("u", 43)), trace())


def t_copy_curl():
    return "(Copy as cURL)", """curl 'https://dashboard.kestrel.io/api/v2/keys?page=1' \\
  -H 'accept: application/json' \\
  -H 'cookie: PHPSESSID=%s; _gid=%s' \\
  -H 'x-api-key: %s' \\
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36' \\
  --compressed
""" % (sv("session-cookie-php"), N("public-id", "analytics", "GA1.2.%d.%d" % (R.randint(10**8, 10**9), R.randint(10**9, 2 * 10**9))), sv(oneline_fmt()))


def t_helm_values():
    return "helm get values api -n prod", "USER-SUPPLIED VALUES:\n" + r_yaml(entries(ns(1, 2), nn(2, 4), 2))


def t_vault_kv():
    es = entries(ns(1, 2), nn(0, 1), 0, oneline=True)
    return "vault kv get secret/prod/api", "====== Secret Path ======\nsecret/data/prod/api\n\n======= Metadata =======\nKey                Value\n---                -----\ncreated_time       2026-11-30T08:12:44.1Z\nversion            %d\n\n====== Data ======\nKey          Value\n---          -----\n%s" % (
        R.randint(1, 30), "".join("%-12s %s\n" % (k.lower(), v) for k, v in es))


TOOLS = [t_k8s_secret, t_kubectl_describe, t_deploy_yaml, t_env, t_env, t_win_set, t_docker_inspect, t_tf_output, t_sts, t_secretsmanager, t_ssm, t_iam_key, t_az_sp, t_az_keys,
         t_az_token, t_gcloud_token, t_gcloud_secret, t_gcloud_sa, t_java_trace, t_py_trace, t_node_err, t_json_logs, t_git_diff, t_cat_n, t_cat, t_psql, t_mysql,
         t_curl_v, t_httpie, t_copy_fetch, t_copy_curl, t_helm_values, t_vault_kv]
TOOLS.append(lambda: t_cat_key())


# ---------------------------------------------------------------- agent traffic: chat text and request shapes

CHAT = {
    "en": ["Our staging DB password is {pw} and the API key is {tok}. Can you fix the connection error below?", "I rotated the token, the new one is {tok}, please update the CI config. Password rules: {pol}.", "ok so the admin login is ana / {pw}, don't ask why"],
    "es": ["La contraseña de la base de datos de staging es {pw}, ¿me ayudas con el error? El token nuevo: {tok}", "Mi token de GitHub es {tok}; la regla dice: {pol}"],
    "pt": ["A senha do banco de produção é {pw}. Por que o pool não conecta? Token: {tok}", "meu token do GitHub é {tok}, usa ele no workflow por favor"],
    "fr": ["Le mot de passe de la base est {pw}, tu peux vérifier la config ? Ma clé API : {tok}", "Voici mon jeton : {tok} (ne le partage pas)"],
    "de": ["Das Passwort für den Admin-Account lautet {pw}, bitte trag es in die Compose-Datei ein.", "Mein GitHub-Token ist {tok}, der alte ist widerrufen. Hinweis: {pol}"],
    "it": ["La password del database è {pw}, puoi aggiornare il file .env? Il token è {tok}", "il mio token è {tok}"],
    "nl": ["Het wachtwoord van de database is {pw}, kun je de config aanpassen?", "Mijn API-sleutel is {tok}"],
    "pl": ["Hasło do bazy to {pw}, możesz poprawić konfigurację? Token: {tok}", "Mój klucz API: {tok}"],
    "tr": ["Veritabanı şifresi {pw}, bağlantı hatasını düzeltebilir misin?", "API anahtarım {tok}, deploy betiğine ekler misin?"],
    "ru": ["Пароль от базы: {pw}, помоги настроить подключение. Токен: {tok}", "мой токен {tok}, старый отозвал"],
    "uk": ["Пароль до бази даних — {pw}, допоможи з підключенням.", "Мій API-ключ: {tok}"],
    "zh": ["数据库密码是 {pw}，帮我看看为什么连不上。令牌：{tok}", "我的 API 密钥是 {tok}，请写进配置文件。"],
    "ja": ["本番DBのパスワードは {pw} です。接続エラーを直してください。", "APIキーは {tok} です。{pol}"],
    "ko": ["API 키는 {tok} 입니다. 왜 401이 나는지 봐주세요.", "DB 비밀번호는 {pw} 입니다."],
    "vi": ["Mật khẩu cơ sở dữ liệu là {pw}, giúp mình sửa lỗi kết nối nhé.", "Khóa API của mình là {tok}"],
    "th": ["รหัสผ่านฐานข้อมูลคือ {pw} ช่วยดูหน่อยว่าทำไมเชื่อมต่อไม่ได้", "คีย์ API ของฉันคือ {tok}"],
    "id": ["Kata sandi database-nya {pw}, tolong bantu perbaiki koneksinya.", "Token API saya {tok}, tolong pakai di pipeline."],
    "hi": ["डेटाबेस का पासवर्ड {pw} है, कृपया कनेक्शन ठीक करने में मदद करें।", "मेरी API कुंजी {tok} है।"],
    "ar": ["كلمة مرور قاعدة البيانات هي {pw}، هل يمكنك إصلاح الاتصال؟", "مفتاح API الخاص بي هو {tok}"],
    "he": ["הסיסמה למסד הנתונים היא {pw}, תוכל לעזור לתקן את החיבור?", "מפתח ה-API שלי הוא {tok}"],
}
NEG_CHAT = ["Use {ref} instead of pasting the key.", "The gateway replaced it with {gw}, that's expected.", "Example from the docs: {ex}", "Set {env} in the dashboard, value stays {ph}.",
            "Hash stored in DB: {hp}", "commit {sha} introduced it", "the masked value shows as {mask}"]


def chat_text():
    lang = pick(sorted(CHAT))
    t = pick(CHAT[lang])
    t = t.replace("{pw}", sv(pick(["db-password-human", "admin-password-human", "user-password-nonascii", "passphrase", "db-password-generated"])) if "{pw}" in t else "")
    t = t.replace("{tok}", sv(oneline_fmt()) if "{tok}" in t else "")
    t = t.replace("{pol}", policy(lang))
    if chance(0.7):
        n = pick(NEG_CHAT)
        n = n.replace("{ref}", pick([ref_env, ref_code, ref_sm, ref_ci])()).replace("{gw}", gw()).replace("{ex}", example_key()).replace("{env}", envname()).replace(
            "{ph}", placeholder()).replace("{hp}", N("hash-password", "stored", pwhash())).replace("{sha}", hash_git()).replace("{mask}", masked())
        t += "\n" + n
    return t


SYS = "You are a coding agent. Work in /workspace. Never print secrets; the gateway tokenizes them as __TAKUMO_v1_<KIND>_<id>__."


def write_call():
    path, fn = pick(TEXT_FILES)
    return {"file_path": "/workspace/" + path.lstrip("~/"), "content": fn()}


def shape_anthropic(turns, chat):
    msgs = [{"role": "user", "content": chat or "Investigate the failing deploy."}]
    for kind, a, b in turns:
        tid = "toolu_01" + rnd("a", 22)
        if kind == "tool":
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": "Let me check."}, {"type": "tool_use", "id": tid, "name": "Bash", "input": {"command": a, "description": "inspect"}}]})
            content = b if chance(0.5) else [{"type": "text", "text": b}]
            msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": tid, "content": content, "is_error": False}]})
        else:
            msgs.append({"role": "assistant", "content": [{"type": "tool_use", "id": tid, "name": "Write", "input": a}]})
            msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": tid, "content": "File created successfully at: " + a["file_path"]}]})
    return {"model": pick(["claude-sonnet-4-5", "claude-opus-4-1", "claude-haiku-4-5"]), "max_tokens": 32000, "system": [{"type": "text", "text": SYS, "cache_control": {"type": "ephemeral"}}],
            "messages": msgs, "tools": [{"name": "Bash", "description": "Run a shell command", "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}}}],
            "metadata": {"user_id": "user_%s_account_%s_session_%s" % (N("public-id", "claude-user", rnd("h", 64)), uuid_neg(), uuid_neg())}, "stream": True}


def shape_openai_chat(turns, chat):
    msgs = [{"role": "system", "content": SYS}, {"role": "user", "content": chat or "Why does the job fail?"}]
    for kind, a, b in turns:
        cid = "call_" + rnd("a", 24)
        if kind == "tool":
            msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function", "function": {"name": "run_shell", "arguments": jd({"cmd": a, "timeout": 30})}}]})
            msgs.append({"role": "tool", "tool_call_id": cid, "content": b})
        else:
            msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function", "function": {"name": "write_file", "arguments": jd(a)}}]})
            msgs.append({"role": "tool", "tool_call_id": cid, "content": "ok"})
    return {"model": pick(["gpt-4.1", "gpt-5", "o4-mini", "mistral-large-latest", "devstral-medium"]), "messages": msgs, "tool_choice": "auto", "stream": True,
            "tools": [{"type": "function", "function": {"name": "run_shell", "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}}}}]}


def shape_responses(turns, chat):
    items = [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": chat or "Fix the build."}]}]
    for kind, a, b in turns:
        cid = "call_" + rnd("a", 24)
        if kind == "tool":
            items.append({"type": "function_call", "call_id": cid, "name": "shell", "arguments": jd({"command": ["bash", "-lc", a], "workdir": "/workspace"})})
            items.append({"type": "function_call_output", "call_id": cid, "output": jd({"output": b, "metadata": {"exit_code": 0, "duration_seconds": round(R.random() * 3, 1)}})})
        else:
            items.append({"type": "function_call", "call_id": cid, "name": "apply_patch", "arguments": jd({"input": "*** Begin Patch\n*** Add File: %s\n%s*** End Patch" % (a["file_path"], "".join("+" + l + "\n" for l in a["content"].rstrip("\n").split("\n")))})})
            items.append({"type": "function_call_output", "call_id": cid, "output": jd({"output": "Done!", "metadata": {"exit_code": 0}})})
    return {"model": pick(["gpt-5-codex", "gpt-5", "o3"]), "instructions": SYS, "input": items, "store": False, "stream": True, "prompt_cache_key": uuid_neg(),
            "include": ["reasoning.encrypted_content"]}


def shape_gemini(turns, chat):
    cs = [{"role": "user", "parts": [{"text": chat or "Look at the failing service."}]}]
    for kind, a, b in turns:
        if kind == "tool":
            cs.append({"role": "model", "parts": [{"functionCall": {"name": "run_shell_command", "args": {"command": a}}}]})
            cs.append({"role": "user", "parts": [{"functionResponse": {"name": "run_shell_command", "response": {"output": b}}}]})
        else:
            cs.append({"role": "model", "parts": [{"functionCall": {"name": "write_file", "args": a}}]})
            cs.append({"role": "user", "parts": [{"functionResponse": {"name": "write_file", "response": {"output": "ok"}}}]})
    return {"contents": cs, "systemInstruction": {"parts": [{"text": SYS}]}, "generationConfig": {"temperature": 0.2},
            "tools": [{"functionDeclarations": [{"name": "run_shell_command", "parameters": {"type": "OBJECT", "properties": {"command": {"type": "STRING"}}}}]}]}


SHAPES = [("anthropic", shape_anthropic), ("openai-chat", shape_openai_chat), ("openai-responses", shape_responses), ("gemini", shape_gemini)]


def agent_file(i):
    name, shape = SHAPES[i % 4] if chance(0.85) else pick(SHAPES)
    turns = []
    for _ in range(pick([1, 1, 1, 1, 2, 2])):
        if chance(0.2):
            turns.append(("write", write_call(), None))
        else:
            cmd, out = pick(TOOLS)()
            turns.append(("tool", cmd, out))
    chat = chat_text() if chance(0.45) else None
    body = shape(turns, chat)
    asc = chance(0.25)
    text = jd(body, ascii_=asc) if chance(0.7) else jd(body, indent=2, ascii_=asc)
    return "agent/%s/%04d-%s.json" % (name, i, pick(["debug", "deploy", "fix", "review", "setup", "migrate"])), text


# ---------------------------------------------------------------- writing

def finalize(text):
    text = ESC_MARK_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    out, recs, pos, i = [], [], 0, 0
    for m in MARK_RE.finditer(text):
        pre = text[i:m.start()]
        out.append(pre)
        pos += len(pre.encode())
        val = m.group(2)
        if M0 in val or M1 in val:
            raise SystemExit("nested marks: %r" % val[:200])
        b = len(val.encode())
        recs.append((int(m.group(1)), pos, pos + b, val))
        out.append(val)
        pos += b
        i = m.end()
    out.append(text[i:])
    final = "".join(out)
    if M0 in final or M1 in final or M2 in final:
        raise SystemExit("stray mark left in output")
    return final, recs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=11011)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    R.seed(a.seed)
    out = a.out
    tree = os.path.join(out, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    n_agent = int(round(a.files * 0.4))
    plan = [("agent", i) for i in range(n_agent)] + [("repo", x) for x in repo_files(a.files - n_agent)]
    labels, negs, seen = [], [], set()
    for kind, x in plan:
        if kind == "agent":
            rel, text = agent_file(x)
        else:
            rel, fn = x
            text = fn()
        if rel in seen:
            raise SystemExit("duplicate path " + rel)
        seen.add(rel)
        final, recs = finalize(text)
        p = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(final.encode())
        for mid, s, e, val in recs:
            meta = REG.meta[mid]
            if meta[0] == "S":
                labels.append({"file": rel, "start": s, "end": e, "format": meta[1], "family": meta[2], "value": val, "id": "s%05d" % (len(labels) + 1)})
            else:
                negs.append({"file": rel, "start": s, "end": e, "class": meta[1], "sub": meta[2], "disputed": meta[3], "value": val, "id": "n%05d" % (len(negs) + 1)})
    with open(os.path.join(out, "labels.jsonl"), "w") as fh:
        for l in labels:
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "negatives.jsonl"), "w") as fh:
        for n in negs:
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    fam = collections.Counter(l["family"] for l in labels)
    fmt = collections.Counter(l["format"] for l in labels)
    cls = collections.Counter(n["class"] for n in negs)
    stats = {"seed": a.seed, "files": len(plan), "agent_files": n_agent, "repo_files": len(plan) - n_agent, "secrets": len(labels), "formats": len(fmt),
             "negatives": len(negs), "negative_classes": len(cls), "disputed_negatives": sum(1 for n in negs if n["disputed"]),
             "secrets_by_family": dict(sorted(fam.items())), "negatives_by_class": dict(sorted(cls.items())), "secrets_by_format": dict(sorted(fmt.items())),
             "agent_files_by_shape": dict(sorted(collections.Counter(r.split("/")[1] for r in seen if r.startswith("agent/")).items()))}
    with open(os.path.join(out, "stats.json"), "w") as fh:
        json.dump(stats, fh, indent=2, sort_keys=False)
        fh.write("\n")
    dt = time.time() - t0
    print("files %d  secrets %d  formats %d  negatives %d  classes %d  disputed %d  (%.1fs)" % (len(plan), len(labels), len(fmt), len(negs), len(cls), stats["disputed_negatives"], dt))
    if not a.no_check:
        rc = subprocess.call([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "selfcheck.py"), out])
        if rc != 0:
            print("selfcheck FAILED", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
