#!/usr/bin/env python3
"""Held-out corpus 10 for the secret scanner: agent traffic + repositories, labelled secrets and hard negatives.

usage: python3 gen.py --seed 10010 --files 1200 --out OUT

Writes OUT/tree/** (files to scan), OUT/labels.jsonl, OUT/negatives.jsonl, OUT/stats.json (layout read by
perf/heldout/score.py), then runs selfcheck.py on OUT and exits 1 if it reports an error.
Python 3.11 standard library only; the same seed and file count give byte-identical output.
"""
import argparse
import base64
import collections
import json
import os
import re
import shutil
import string
import struct
import subprocess
import sys
import time
import zlib
import random
from urllib.parse import quote

MARK = "§"   # placeholder in templates (never used in generated text)

# ----------------------------------------------------------------------------------------------------------------
# Fragments: a document is a list of (text, meta); meta None (plain), ("S", format, family) or
# ("N", class, sub, disputed). Escaping is applied per segment, so labels follow the bytes through any escaping.
# ----------------------------------------------------------------------------------------------------------------


def P(s):
    return [(s, None)] if s else []


def S(v, fmt, fam):
    return [(v, ("S", fmt, fam))]


def N(v, cls, sub, disputed=False):
    return [(v, ("N", cls, sub, bool(disputed)))]


def F(x):
    if x is None:
        return []
    if isinstance(x, str):
        return [(x, None)] if x else []
    return x


def cat(*parts):
    out = []
    for p in parts:
        out.extend(F(p))
    return out


def T(tpl, *args):
    pieces = tpl.split(MARK)
    if len(pieces) != len(args) + 1:
        raise ValueError("template arity %r %d" % (tpl[:60], len(args)))
    out = []
    for i, p in enumerate(pieces):
        if p:
            out.append((p, None))
        if i < len(args):
            out.extend(F(args[i]))
    return out


def fmap(fr, fn):
    return [(fn(t), m) for t, m in F(fr)]


def text(fr):
    return "".join(t for t, _ in F(fr))


def join(sep, frs):
    out = []
    for i, f in enumerate(frs):
        if i:
            out.extend(F(sep))
        out.extend(F(f))
    return out


def lines(*frs):
    return join("\n", frs)


def has_meta(fr):
    return any(m for _, m in F(fr))


class Str:
    """A JSON string value made of a fragment."""

    def __init__(self, fr):
        self.fr = F(fr)


class Raw:
    """Pre-rendered JSON."""

    def __init__(self, fr):
        self.fr = F(fr)


def jesc(s, ascii=False):
    return json.dumps(s, ensure_ascii=ascii)[1:-1]


def J(o, indent=None, ascii=False, compact=False):
    isep = "," if (compact or indent is not None) else ", "
    ksep = ":" if compact else ": "

    def enc(o, lvl):
        if isinstance(o, Str):
            return cat('"', fmap(o.fr, lambda s: jesc(s, ascii)), '"')
        if isinstance(o, Raw):
            return o.fr
        if isinstance(o, str):
            return P(json.dumps(o, ensure_ascii=ascii))
        if o is None or isinstance(o, (bool, int, float)):
            return P(json.dumps(o))
        if isinstance(o, dict):
            if not o:
                return P("{}")
            items = [cat(json.dumps(k, ensure_ascii=ascii), ksep, enc(v, lvl + 1)) for k, v in o.items()]
            op, cl = "{", "}"
        else:
            if not o:
                return P("[]")
            items = [enc(v, lvl + 1) for v in o]
            op, cl = "[", "]"
        if indent is None:
            return cat(op, join(isep, items), cl)
        pad = "\n" + " " * (indent * (lvl + 1))
        end = "\n" + " " * (indent * lvl)
        return cat(op, pad, join("," + pad, items), end, cl)

    return enc(o, 0)


def jstr(fr, ascii=False):
    """The fragment as the inside of a JSON string (no quotes)."""
    return fmap(fr, lambda s: jesc(s, ascii))


# ----------------------------------------------------------------------------------------------------------------
# random helpers
# ----------------------------------------------------------------------------------------------------------------
UP, LO, DG = string.ascii_uppercase, string.ascii_lowercase, string.digits
ALPH = {
    "a": UP + LO + DG, "h": "0123456789abcdef", "H": "0123456789ABCDEF", "u": UP, "l": LO, "d": DG,
    "U": UP + DG, "L": LO + DG, "b": UP + LO + DG + "+/", "w": UP + LO + DG + "_-", "z": UP + "234567",
    "y": LO + "234567", "k": UP + LO, "5": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    "q": "qpzry9x8gf2tvdw0s3jn54khce6mua7l", "Q": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    "x": UP + LO + DG + "_.~-", "p": UP + LO + DG + "!@#%^*-_=+?.",
}
BAD = ("test", "exampl", "sampl", "dummy", "fake", "xxxx", "your", "changeme", "placeholder", "redact", "0000",
       "1234", "abcd", "aaaa", "todo", "secret", "passw", "token", "demo", "mock", "****", "----", "____")
TOKRE = re.compile(r"\{([A-Za-z0-9])(\d+)(?:-(\d+))?\}")


def rnd(r, n, a="a"):
    al = ALPH.get(a, a)
    while True:
        s = "".join(r.choices(al, k=n))
        sl = s.lower()
        if not any(b in sl for b in BAD):
            return s


def gen(r, spec):
    out = []
    pos = 0
    for m in TOKRE.finditer(spec):
        out.append(spec[pos:m.start()])
        n = int(m.group(2))
        if m.group(3):
            n = r.randint(n, int(m.group(3)))
        out.append(rnd(r, n, m.group(1)))
        pos = m.end()
    out.append(spec[pos:])
    return "".join(out)


def rbytes(r, n):
    return r.getrandbits(8 * n).to_bytes(n, "little") if n else b""


def uuid4(r):
    h = "%032x" % r.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[r.randrange(4)] + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def b64wrap(b, w=64):
    s = b64(b)
    return "\n".join(s[i:i + w] for i in range(0, len(s), w))


B62 = DG + UP + LO


def b62(n, w=6):
    s = ""
    while n:
        n, m = divmod(n, 62)
        s = B62[m] + s
    return s.rjust(w, "0")


def crc_token(r, prefix):
    body = rnd(r, 30)
    return prefix + body + b62(zlib.crc32(body.encode()) & 0xFFFFFFFF)


def ts(r, lo=1704067200, hi=1767225600):
    return r.randint(lo, hi)


def isots(r):
    t = time.gmtime(ts(r))
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) + ".%03dZ" % r.randrange(1000)


def jwt(r, alg, payload, kid=False):
    h = {"alg": alg, "typ": "JWT"}
    if kid:
        h["kid"] = rnd(r, 20, "w")
    siglen = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64, "EdDSA": 64, "PS256": 256}[alg]
    return "%s.%s.%s" % (b64u(json.dumps(h, separators=(",", ":")).encode()),
                         b64u(json.dumps(payload, separators=(",", ":")).encode()), b64u(rbytes(r, siglen)))


def der(r, prefix_hex, total):
    p = bytes.fromhex(prefix_hex)
    return p + rbytes(r, total - len(p))


def pem(label, body, headers=""):
    return "-----BEGIN %s-----\n%s%s\n-----END %s-----" % (label, headers, body, label)


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def ed25519_pub_blob(r):
    return sshstr(b"ssh-ed25519") + sshstr(rbytes(r, 32))


def openssh_private(r, kind="ed25519"):
    comment = ("%s@%s" % (r.choice(["deploy", "ci", "dev", "ubuntu", "git", "ops"]),
                          r.choice(["build-01", "laptop", "bastion", "runner-7", "mbp.local"]))).encode()
    if kind == "ed25519":
        pk = rbytes(r, 32)
        pub = sshstr(b"ssh-ed25519") + sshstr(pk)
        ci = rbytes(r, 4)
        priv = ci + ci + sshstr(b"ssh-ed25519") + sshstr(pk) + sshstr(rbytes(r, 32) + pk) + sshstr(comment)
    else:
        n = b"\x00" + rbytes(r, 384)
        pub = sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(n)
        ci = rbytes(r, 4)
        priv = (ci + ci + sshstr(b"ssh-rsa") + sshstr(n) + sshstr(b"\x01\x00\x01") + sshstr(rbytes(r, 384)) +
                sshstr(rbytes(r, 193)) + sshstr(rbytes(r, 193)) + sshstr(rbytes(r, 193)) + sshstr(comment))
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    blob = b"openssh-key-v1\x00" + sshstr(b"none") + sshstr(b"none") + sshstr(b"") + struct.pack(">I", 1) + \
        sshstr(pub) + sshstr(priv)
    return pem("OPENSSH PRIVATE KEY", b64wrap(blob, 70))


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_block(r, private=True, n=None):
    data = bytes.fromhex("9458" if private else "9833") + b"\x04" + rbytes(r, n or r.randint(700, 1400))
    ck = b64(crc24(data).to_bytes(3, "big"))
    kind = "PRIVATE KEY" if private else "PUBLIC KEY"
    return "-----BEGIN PGP %s BLOCK-----\n\n%s\n=%s\n-----END PGP %s BLOCK-----" % (kind, b64wrap(data), ck, kind)


def pem_private(r, kind):
    if kind == "rsa":
        return pem("RSA PRIVATE KEY", b64wrap(der(r, "308204a40201000282010100", 1192)))
    if kind == "rsa-enc":
        return pem("RSA PRIVATE KEY", b64wrap(rbytes(r, 1232)),
                   "Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,%s\n\n" % rnd(r, 32, "H"))
    if kind == "ec":
        d = bytes.fromhex("30770201010420") + rbytes(r, 32) + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + \
            b"\x04" + rbytes(r, 64)
        return pem("EC PRIVATE KEY", b64wrap(d))
    if kind == "pkcs8":
        if r.random() < 0.35:
            return pem("PRIVATE KEY", b64wrap(der(r, "302e020100300506032b657004220420", 48)))
        return pem("PRIVATE KEY", b64wrap(der(r, "308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100", 1218)))
    if kind == "pkcs8-enc":
        return pem("ENCRYPTED PRIVATE KEY", b64wrap(der(r, "3082050e304006092a864886f70d01050d3033", 1298)))
    if kind == "dsa":
        return pem("DSA PRIVATE KEY", b64wrap(der(r, "308201bb02010002818100", 447)))
    if kind == "openssh":
        return openssh_private(r, "ed25519" if r.random() < 0.6 else "rsa")
    if kind == "pgp":
        return pgp_block(r, True)
    if kind == "putty":
        pub = b64(ed25519_pub_blob(r))
        return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-%d\nPublic-Lines: 2\n%s\n%s\n"
                "Private-Lines: 1\n%s\nPrivate-MAC: %s" % (r.randint(20220101, 20251231), pub[:64], pub[64:],
                                                           b64(rbytes(r, 36)), rnd(r, 64, "h")))
    raise ValueError(kind)


def cert_pem(r):
    return pem("CERTIFICATE", b64wrap(der(r, "3082035d30820245a00302010202", 865)))


def pubkey_pem(r):
    return pem("PUBLIC KEY", b64wrap(der(r, "30820122300d06092a864886f70d01010105000382010f003082010a0282010100", 294)))


def ssh_pub(r):
    if r.random() < 0.5:
        return "ssh-ed25519 " + b64(ed25519_pub_blob(r))
    return "ssh-rsa " + b64(sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + rbytes(r, 256)))


# ----------------------------------------------------------------------------------------------------------------
# human passwords
# ----------------------------------------------------------------------------------------------------------------
WORDS = ("winter summer autumn spring sales harbor falcon marble copper orchid tiger maple river rocket velvet cobalt "
         "lemon panda cactus violet nebula quartz saffron glacier thunder meadow pepper walrus sparrow lantern "
         "orbit mango basil kettle canyon pixel juniper otter fjord amber comet willow bramble tundra ember").split()
SYMS = "!@#%&*?+=-_."


def human_pw(r):
    k = r.randrange(7)
    Y = str(r.randint(2019, 2026))
    W = lambda: r.choice(WORDS).capitalize()
    s = r.choice(SYMS)
    if k == 0:
        return r.choice(["Winter", "Summer", "Spring", "Autumn", "Fall"]) + Y + s + W()
    if k == 1:
        return W() + W() + str(r.randint(10, 99)) + s
    if k == 2:
        w = r.choice(WORDS)
        w = w.replace("a", "@").replace("o", "0").replace("e", "3").replace("i", "1")
        return w.capitalize() + s + W() + str(r.randint(1, 99))
    if k == 3:
        return W() + "_" + str(r.randint(100, 9999)) + s
    if k == 4:
        return r.choice(["Acme", "Nordwind", "Globex", "Initech", "Umbra", "Helix"]) + "@" + Y + s + r.choice(WORDS)
    if k == 5:
        return W() + s + str(r.randint(1, 9)) + W() + s + str(r.randint(1, 9))
    return r.choice(WORDS) + r.choice(WORDS).upper() + Y[2:] + s + s


def passphrase(r):
    sep = r.choice(["-", " ", ".", "_"])
    return sep.join(r.sample(WORDS, r.randint(4, 5)))


def rand_pw(r, lo=14, hi=32):
    while True:
        s = rnd(r, r.randint(lo, hi), "p")
        if sum(c.isdigit() for c in s) and sum(c in "!@#%^*-_=+?." for c in s) and sum(c.isupper() for c in s):
            return s


def nonascii_pw(r):
    return r.choice(["Sommer", "Grüße", "Niño", "Café", "Øresund", "Żółw", "Şeker", "Зима", "Пароль", "夏天", "桜",
                     "Ñandú", "Crème"]) + str(r.randint(2019, 2026)) + r.choice(SYMS) + r.choice(WORDS).capitalize()


def any_pw(r):
    k = r.random()
    if k < 0.40:
        return human_pw(r)
    if k < 0.75:
        return rand_pw(r)
    if k < 0.92:
        return rnd(r, r.randint(16, 28))
    return passphrase(r).replace(" ", "-")


def urlpw(r):
    """a password for URLs: returned as it appears (percent-encoded when needed)"""
    p = any_pw(r)
    return quote(p, safe="-_.~!*")


# ----------------------------------------------------------------------------------------------------------------
# secret formats
# ----------------------------------------------------------------------------------------------------------------
class Fmt:
    __slots__ = ("name", "fam", "gen", "names", "svc", "wrap", "only", "w", "ml")

    def __init__(self, name, fam, gen, names, svc, wrap, only, w, ml):
        self.name, self.fam, self.gen, self.names, self.svc = name, fam, gen, names, svc
        self.wrap, self.only, self.w, self.ml = wrap, only, w, ml


FORMATS = []
FMT_BY_NAME = {}


def _derive_name(name):
    base = name.split("-")[0].upper()
    for key, suf in (("secret", "_SECRET"), ("password", "_PASSWORD"), ("token", "_TOKEN"), ("pat", "_TOKEN"),
                     ("key", "_API_KEY")):
        if key in name:
            return [base + suf]
    return [base + "_API_KEY"]


def fm(name, fam, g, names=None, svc=None, wrap=None, only=None, w=1.0, ml=False):
    if isinstance(g, str):
        spec = g
        g = lambda r, spec=spec: gen(r, spec)
    if isinstance(names, str):
        names = [names]
    f = Fmt(name, fam, g, names or _derive_name(name), svc or name.replace("-", " "), wrap, only, w, ml)
    assert name not in FMT_BY_NAME, name
    FORMATS.append(f)
    FMT_BY_NAME[name] = f


HOSTS = ["db.internal", "10.0.3.17", "pg-prod.c7x2k1.eu-west-1.rds.amazonaws.com", "postgres", "localhost",
         "db-primary.svc.cluster.local", "mysql.prod.acme.io", "127.0.0.1", "orders-db", "aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com"]
USERS = ["app", "admin", "svc_orders", "root", "etl", "reporting", "backend", "django", "api", "migrator", "readonly", "sa"]
DBS = ["orders", "app", "billing", "analytics", "users", "inventory", "main", "prod", "shop", "crm"]


def _u(r):
    return r.choice(USERS)


def _h(r):
    return r.choice(HOSTS)


def _db(r):
    return r.choice(DBS)


def W(tpl, *names_):
    """wrap: template with § for the secret, {u} {h} {db} {n} substituted"""
    def wrap(r, sec):
        t = tpl.replace("{u}", _u(r)).replace("{h}", _h(r)).replace("{db}", _db(r)).replace(
            "{n}", r.choice(["acme", "contoso", "prodstore", "nordwind", "fabrikam"]) + str(r.randint(1, 99)))
        return T(t, sec)
    return wrap


def WR(*tpls):
    def wrap(r, sec):
        return W(r.choice(tpls))(r, sec)
    return wrap


def WP(p, *tpls):
    """wrap with probability p"""
    def wrap(r, sec):
        if r.random() < p:
            return W(r.choice(tpls))(r, sec)
        return sec
    return wrap


def discord_bot(r):
    snow = str(r.randint(10 ** 17, 10 ** 19 - 1))
    return b64(snow.encode()).rstrip("=") + "." + rnd(r, 6, "w") + "." + rnd(r, r.choice([27, 38]), "w")


def sentry_org(r):
    p = {"iat": round(ts(r) + r.random(), 6), "url": "https://sentry.io", "region_url": "https://us.sentry.io",
         "org": r.choice(["acme", "globex", "initech", "nordwind"])}
    return "sntrys_" + b64(json.dumps(p, separators=(",", ":")).encode()).rstrip("=") + "_" + b64(rbytes(r, 32)).rstrip("=")


def grafana_cloud(r):
    p = {"o": str(r.randint(100000, 999999)), "n": "stack-%d-token" % r.randint(100000, 999999),
         "k": rnd(r, 24), "m": {"r": r.choice(["prod-us-east-0", "prod-eu-west-2"])}}
    return "glc_" + b64(json.dumps(p, separators=(",", ":")).encode())


def grafana_apikey(r):
    p = {"k": rnd(r, 32), "n": r.choice(["ci", "deploy", "alerts"]), "id": r.randint(1, 40)}
    return b64(json.dumps(p, separators=(",", ":")).encode())


def mapbox(r, pre):
    p = {"u": r.choice(["acme-maps", "geoteam", "nordwind"]), "a": "cl" + rnd(r, 23, "L")}
    return pre + "." + b64u(json.dumps(p, separators=(",", ":")).encode()) + "." + rnd(r, 22, "w")


def ops_token(r):
    p = {"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256",
         "iterations": 650000, "salt": rnd(r, 22, "w")}, "email": rnd(r, 16, "L") + "@1passwordserviceaccounts.com",
         "srpX": rnd(r, 64, "h"), "muk": {"alg": "A256GCM", "ext": False, "k": rnd(r, 43, "w"), "key_ops": ["encrypt", "decrypt"],
         "kty": "oct", "kid": "mp"}, "secretKey": "A3-" + rnd(r, 6, "U") + "-" + rnd(r, 6, "U"),
         "throttleSecret": {"seed": rnd(r, 64, "h"), "uuid": rnd(r, 26, "U")}, "deviceUuid": rnd(r, 26, "L")}
    return "ops_" + b64(json.dumps(p, separators=(",", ":")).encode()).rstrip("=")


def sa_wrap(r, sec):
    proj = r.choice(["acme-prod", "data-platform-381207", "nordwind-ml", "billing-3f9a1"])
    sa = r.choice(["deployer", "ci-runner", "bq-reader", "terraform"])
    obj = {"type": "service_account", "project_id": proj, "private_key_id": Str(N(rnd(r, 40, "h"), "key-id", "gcp-private-key-id", True)),
           "private_key": Str(cat(sec, "\n")), "client_email": "%s@%s.iam.gserviceaccount.com" % (sa, proj),
           "client_id": Str(N(str(r.randint(10 ** 20, 10 ** 21 - 1)), "public-id", "gcp-client-id")),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
           "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
           "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s%%40%s.iam.gserviceaccount.com" % (sa, proj),
           "universe_domain": "googleapis.com"}
    return J(obj, indent=2 if r.random() < 0.5 else None)


def azure_sas(r):
    return quote(b64(rbytes(r, 32)), safe="")


def twitter_bearer(r):
    return "AAAAAAAAAAAAAAAAAAAAA" + rnd(r, 8, "a") + "AAAAAA" + rnd(r, 8, "a") + "%2B" + rnd(r, 20) + "%3D" + rnd(r, 50)


def teams_hook(r):
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s/V2%s" % (
        r.choice(["acme", "contoso", "nordwindgmbh"]), uuid4(r), uuid4(r), rnd(r, 32, "h"), uuid4(r), rnd(r, 43, "w"))


def FMTS():
    c, ai, v, pk, pay, msg, db, obs, saas, key, auth, gen_, infra = ("cloud", "ai", "vcs-ci", "package-registry",
        "payments", "messaging", "database", "observability", "saas", "private-key", "auth-header", "generic", "infra")
    # ---- cloud
    fm("aws-access-key-id", c, "AKIA{z16}", ["AWS_ACCESS_KEY_ID"], "AWS access key id", w=2.5)
    fm("aws-sts-access-key-id", c, "ASIA{z16}", ["AWS_ACCESS_KEY_ID"], "temporary AWS access key id")
    fm("aws-secret-access-key", c, "{b40}", ["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "S3_SECRET_KEY"], "AWS secret access key", w=2.5)
    fm("aws-session-token", c, "IQoJb3JpZ2luX2VjE{b300-620}", ["AWS_SESSION_TOKEN"], "AWS session token")
    fm("aws-session-token-legacy", c, "FwoGZXIvYXdzE{b250-340}", ["AWS_SESSION_TOKEN", "aws_security_token"], "AWS security token")
    fm("aws-access-key-id-doc-example", c, lambda r: "AKIAIOSFODNN7EXAMPLE", ["AWS_ACCESS_KEY_ID"], "AWS access key id", w=0.3)
    fm("aws-secret-key-doc-example", c, lambda r: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ["AWS_SECRET_ACCESS_KEY"], "AWS secret key", w=0.3)
    fm("aws-bedrock-api-key", c, "ABSK{b110-140}", ["AWS_BEARER_TOKEN_BEDROCK"], "Bedrock API key")
    fm("aws-appsync-api-key", c, "da2-{L26}", ["APPSYNC_API_KEY", "aws_appsync_apiKey"], "AppSync API key")
    fm("aws-mws-auth-token", c, lambda r: "amzn.mws." + uuid4(r), ["MWS_AUTH_TOKEN"], "Amazon MWS auth token")
    fm("gcp-api-key", c, "AIza{w35}", ["GOOGLE_API_KEY", "GCP_API_KEY"], "Google Cloud API key", w=1.5)
    fm("google-maps-api-key", c, "AIza{w35}", ["GOOGLE_MAPS_API_KEY", "MAPS_SERVER_KEY"], "Google Maps server key")
    fm("gcp-oauth-client-secret", c, "GOCSPX-{w28}", ["GOOGLE_CLIENT_SECRET"], "Google OAuth client secret")
    fm("gcp-refresh-token", c, "1//0{w90-100}", ["GOOGLE_REFRESH_TOKEN", "refresh_token"], "Google refresh token")
    fm("gcp-access-token", c, "ya29.{w140-200}", ["GOOGLE_ACCESS_TOKEN", "access_token"], "Google OAuth access token")
    fm("gcp-service-account-key", c, lambda r: pem_private(r, "pkcs8"), ["GOOGLE_CREDENTIALS", "GCP_SA_KEY", "GOOGLE_APPLICATION_CREDENTIALS_JSON"],
       "GCP service account key", wrap=sa_wrap, ml=True, w=1.5)
    fm("azure-storage-account-key", c, "{b86}==", ["AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage"], "Azure storage connection string",
       wrap=WP(0.8, "DefaultEndpointsProtocol=https;AccountName={n};AccountKey=§;EndpointSuffix=core.windows.net"), w=1.5)
    fm("azure-sas-signature", c, azure_sas, ["AZURE_BLOB_SAS_URL", "SAS_URL"], "Azure SAS URL",
       wrap=WR("https://{n}.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rwdlacx&se=2026-12-31T23:59:59Z&st=2024-01-01T00:00:00Z&spr=https&sig=§",
               "https://{n}.blob.core.windows.net/exports/report.csv?sp=r&st=2025-03-01T10:00:00Z&se=2025-09-01T18:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=§"))
    fm("azure-ad-client-secret", c, "{w3}{d1}Q~{x34}", ["AZURE_CLIENT_SECRET", "ClientSecret"], "Azure AD client secret", w=1.5)
    fm("azure-servicebus-key", c, "{b43}=", ["SERVICEBUS_CONNECTION_STRING"], "Service Bus connection string",
       wrap=W("Endpoint=sb://{n}.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=§"))
    fm("azure-cosmosdb-key", c, "{b86}==", ["COSMOS_CONNECTION_STRING", "CosmosDb"], "Cosmos DB key",
       wrap=WP(0.7, "AccountEndpoint=https://{n}.documents.azure.com:443/;AccountKey=§;"))
    fm("azure-signalr-key", c, "{b43}=", ["Azure__SignalR__ConnectionString"], "SignalR connection string",
       wrap=W("Endpoint=https://{n}.service.signalr.net;AccessKey=§;Version=1.0;"))
    fm("azure-function-key", c, "{w54}==", ["FUNCTION_URL", "AZURE_FUNCTION_KEY"], "Azure Function key",
       wrap=WP(0.6, "https://{n}-func.azurewebsites.net/api/ingest?code=§"))
    fm("azure-eventhub-key", c, "{b43}=", ["EVENTHUB_CONNECTION_STRING"], "Event Hubs connection string",
       wrap=W("Endpoint=sb://{n}-ehns.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=§;EntityPath=telemetry"))
    fm("alibaba-access-key-id", c, "LTAI{a20}", ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"], "Alibaba Cloud AccessKey id")
    fm("alibaba-access-key-secret", c, "{a30}", ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"], "Alibaba Cloud AccessKey secret")
    fm("tencent-secret-id", c, "AKID{a32}", ["TENCENTCLOUD_SECRET_ID"], "Tencent Cloud SecretId")
    fm("tencent-secret-key", c, "{a32}", ["TENCENTCLOUD_SECRET_KEY"], "Tencent Cloud SecretKey")
    fm("ibm-cloud-api-key", c, "{w44}", ["IBMCLOUD_API_KEY", "IC_API_KEY"], "IBM Cloud API key")
    fm("digitalocean-pat", c, "dop_v1_{h64}", ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], "DigitalOcean token")
    fm("digitalocean-oauth-token", c, "doo_v1_{h64}", ["DIGITALOCEAN_ACCESS_TOKEN"], "DigitalOcean OAuth token")
    fm("digitalocean-refresh-token", c, "dor_v1_{h64}", ["DO_REFRESH_TOKEN"], "DigitalOcean refresh token")
    fm("digitalocean-spaces-secret", c, "{b43}", ["SPACES_SECRET_KEY", "DO_SPACES_SECRET"], "Spaces secret key")
    fm("linode-token", c, "{h64}", ["LINODE_TOKEN", "LINODE_CLI_TOKEN"], "Linode token")
    fm("vultr-api-key", c, "{U36}", ["VULTR_API_KEY"], "Vultr API key")
    fm("hetzner-token", c, "{a64}", ["HCLOUD_TOKEN"], "Hetzner Cloud token")
    fm("scaleway-secret-key", c, uuid4, ["SCW_SECRET_KEY"], "Scaleway secret key")
    fm("heroku-api-key", c, uuid4, ["HEROKU_API_KEY"], "Heroku API key")
    fm("heroku-api-key-v2", c, "HRKU-AA{w58}", ["HEROKU_API_KEY"], "Heroku API key")
    fm("cloudflare-api-token", c, "{w40}", ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], "Cloudflare API token")
    fm("cloudflare-global-api-key", c, "{h37}", ["CLOUDFLARE_API_KEY", "CF_API_KEY"], "Cloudflare global API key")
    fm("cloudflare-origin-ca-key", c, "v1.0-{h24}-{h146}", ["CF_ORIGIN_CA_KEY"], "Cloudflare Origin CA key")
    fm("cloudflare-r2-secret", c, "{h64}", ["R2_SECRET_ACCESS_KEY"], "R2 secret access key")
    fm("flyio-macaroon-token", c, "FlyV1 fm2_{b200-260}", ["FLY_API_TOKEN"], "Fly.io token")
    fm("flyio-token-fo1", c, "fo1_{w43}", ["FLY_API_TOKEN", "FLY_ACCESS_TOKEN"], "Fly.io token")
    fm("netlify-pat", c, "nfp_{a36}", ["NETLIFY_AUTH_TOKEN"], "Netlify token")
    fm("netlify-token-legacy", c, "{w43}", ["NETLIFY_AUTH_TOKEN"], "Netlify token")
    fm("vercel-token", c, "{a24}", ["VERCEL_TOKEN"], "Vercel token")
    fm("render-api-key", c, "rnd_{a32}", ["RENDER_API_KEY"], "Render API key")
    fm("railway-token", c, uuid4, ["RAILWAY_TOKEN", "RAILWAY_API_TOKEN"], "Railway token")
    fm("supabase-service-role-jwt", c, lambda r: jwt(r, "HS256", {"iss": "supabase", "ref": rnd(r, 20, "l"), "role": "service_role",
       "iat": ts(r), "exp": ts(r) + 315360000}), ["SUPABASE_SERVICE_ROLE_KEY", "SUPABASE_SERVICE_KEY"], "Supabase service_role key", w=1.5)
    fm("supabase-pat", c, "sbp_{h40}", ["SUPABASE_ACCESS_TOKEN"], "Supabase access token")
    fm("supabase-secret-key", c, "sb_secret_{w31}", ["SUPABASE_SECRET_KEY"], "Supabase secret key")
    fm("firebase-fcm-server-key", c, "AAAA{w7}:APA91b{w134}", ["FCM_SERVER_KEY", "FIREBASE_SERVER_KEY"], "FCM server key")
    fm("databricks-token", c, "dapi{h32}", ["DATABRICKS_TOKEN"], "Databricks token")
    fm("confluent-api-secret", c, "{a64}", ["CONFLUENT_CLOUD_API_SECRET", "KAFKA_API_SECRET"], "Confluent API secret")
    fm("cloudinary-api-secret", saas, "{w27}", ["CLOUDINARY_URL"], "Cloudinary URL",
       wrap=lambda r, s: T("cloudinary://%d:§@%s" % (r.randint(10 ** 14, 10 ** 15 - 1), r.choice(["acme", "dx7k2m", "nordwind-media"])), s))
    # ---- infra / secrets managers
    fm("doppler-personal-token", infra, "dp.pt.{a43}", ["DOPPLER_TOKEN"], "Doppler token")
    fm("doppler-service-token", infra, lambda r: "dp.st.%s.%s" % (r.choice(["prd", "stg", "dev"]), rnd(r, 43)), ["DOPPLER_TOKEN"], "Doppler service token")
    fm("doppler-cli-token", infra, "dp.ct.{a43}", ["DOPPLER_TOKEN"], "Doppler CLI token")
    fm("doppler-service-account-token", infra, "dp.sa.{a43}", ["DOPPLER_TOKEN"], "Doppler service account token")
    fm("doppler-scim-token", infra, "dp.scim.{a43}", ["DOPPLER_SCIM_TOKEN"], "Doppler SCIM token")
    fm("doppler-audit-token", infra, "dp.audit.{a43}", ["DOPPLER_AUDIT_TOKEN"], "Doppler audit token")
    fm("pulumi-access-token", infra, "pul-{h40}", ["PULUMI_ACCESS_TOKEN"], "Pulumi access token")
    fm("terraform-cloud-token", infra, "{a14}.atlasv1.{w67}", ["TFE_TOKEN", "TF_TOKEN_app_terraform_io"], "Terraform Cloud token")
    fm("vault-service-token", infra, "hvs.CAESI{w86}", ["VAULT_TOKEN"], "Vault token", w=1.3)
    fm("vault-batch-token", infra, "hvb.AAAAAQ{w130-150}", ["VAULT_TOKEN"], "Vault batch token")
    fm("vault-legacy-token", infra, "s.{a24}", ["VAULT_TOKEN"], "Vault token")
    fm("onepassword-service-account-token", infra, ops_token, ["OP_SERVICE_ACCOUNT_TOKEN"], "1Password service account token")
    fm("onepassword-secret-key", infra, lambda r: "A3-" + "-".join([rnd(r, 6, "U"), rnd(r, 6, "U")] + [rnd(r, 5, "U") for _ in range(4)]),
       ["OP_SECRET_KEY"], "1Password Secret Key")
    fm("infracost-api-key", infra, "ico-{a32}", ["INFRACOST_API_KEY"], "Infracost API key")
    fm("tailscale-auth-key", infra, "tskey-auth-{a11}CNTRL-{a32}", ["TS_AUTHKEY", "TAILSCALE_AUTHKEY"], "Tailscale auth key")
    fm("tailscale-api-key", infra, "tskey-api-{a11}CNTRL-{a32}", ["TAILSCALE_API_KEY"], "Tailscale API key")
    fm("tailscale-oauth-secret", infra, "tskey-client-{a11}CNTRL-{a32}", ["TS_OAUTH_SECRET"], "Tailscale OAuth client secret")
    fm("ngrok-authtoken", infra, "2{a26}_{a21}", ["NGROK_AUTHTOKEN"], "ngrok authtoken")
    fm("kubeconfig-client-key-data", infra, lambda r: b64((pem_private(r, "rsa") + "\n").encode()), ["client-key-data"],
       "kubeconfig client key", only={"kubeconfig"})
    fm("k8s-service-account-token", infra, lambda r: jwt(r, "RS256", {"aud": ["https://kubernetes.default.svc.cluster.local"],
       "exp": ts(r) + 3600, "iat": ts(r), "iss": "https://kubernetes.default.svc.cluster.local",
       "kubernetes.io": {"namespace": r.choice(["prod", "ci", "kube-system"]), "serviceaccount": {"name": r.choice(["deployer", "argocd", "gitlab-runner"]), "uid": uuid4(r)}},
       "sub": "system:serviceaccount:prod:deployer"}, kid=True), ["K8S_TOKEN", "KUBE_TOKEN"], "Kubernetes service account token")
    fm("k8s-secret-data-b64", infra, lambda r: b64(any_pw(r).encode()), ["password"], "Kubernetes Secret data", only={"k8s-secret"}, w=2)
    fm("age-secret-key", key, "AGE-SECRET-KEY-1{Q58}", ["SOPS_AGE_KEY", "AGE_KEY"], "age secret key")
    # ---- AI providers
    fm("anthropic-api-key", ai, "sk-ant-api03-{w93}AA", ["ANTHROPIC_API_KEY", "CLAUDE_API_KEY"], "Anthropic API key", w=3)
    fm("anthropic-admin-key", ai, "sk-ant-admin01-{w93}AA", ["ANTHROPIC_ADMIN_KEY"], "Anthropic admin key")
    fm("anthropic-oauth-token", ai, "sk-ant-oat01-{w93}AA", ["CLAUDE_CODE_OAUTH_TOKEN"], "Claude OAuth token")
    fm("anthropic-oauth-refresh-token", ai, "sk-ant-ort01-{w93}AA", ["refreshToken"], "Claude refresh token")
    fm("openai-project-key", ai, "sk-proj-{w74}T3BlbkFJ{w74}", ["OPENAI_API_KEY"], "OpenAI API key", w=3)
    fm("openai-legacy-key", ai, "sk-{a20}T3BlbkFJ{a20}", ["OPENAI_API_KEY", "OPENAI_KEY"], "OpenAI key", w=1.5)
    fm("openai-svcacct-key", ai, "sk-svcacct-{w74}T3BlbkFJ{w74}", ["OPENAI_API_KEY"], "OpenAI service account key")
    fm("openai-admin-key", ai, "sk-admin-{w74}T3BlbkFJ{w74}", ["OPENAI_ADMIN_KEY"], "OpenAI admin key")
    fm("groq-api-key", ai, "gsk_{a52}", ["GROQ_API_KEY"], "Groq API key")
    fm("mistral-api-key", ai, "{a32}", ["MISTRAL_API_KEY"], "Mistral API key")
    fm("cohere-api-key", ai, "{a40}", ["COHERE_API_KEY", "CO_API_KEY"], "Cohere API key")
    fm("huggingface-token", ai, "hf_{k34}", ["HF_TOKEN", "HUGGINGFACE_HUB_TOKEN", "HUGGING_FACE_HUB_TOKEN"], "Hugging Face token", w=1.5)
    fm("huggingface-org-token", ai, "api_org_{k34}", ["HF_ORG_TOKEN"], "Hugging Face org token")
    fm("replicate-api-token", ai, "r8_{a37}", ["REPLICATE_API_TOKEN"], "Replicate token")
    fm("perplexity-api-key", ai, "pplx-{a48}", ["PERPLEXITY_API_KEY", "PPLX_API_KEY"], "Perplexity key")
    fm("xai-api-key", ai, "xai-{a80}", ["XAI_API_KEY", "GROK_API_KEY"], "xAI key")
    fm("deepseek-api-key", ai, "sk-{h32}", ["DEEPSEEK_API_KEY"], "DeepSeek key")
    fm("openrouter-api-key", ai, "sk-or-v1-{h64}", ["OPENROUTER_API_KEY"], "OpenRouter key")
    fm("together-api-key", ai, "{h64}", ["TOGETHER_API_KEY"], "Together AI key")
    fm("fireworks-api-key", ai, "fw_{a24}", ["FIREWORKS_API_KEY"], "Fireworks key")
    fm("voyage-api-key", ai, "pa-{w43}", ["VOYAGE_API_KEY"], "Voyage AI key")
    fm("elevenlabs-api-key", ai, "sk_{h48}", ["ELEVENLABS_API_KEY", "XI_API_KEY"], "ElevenLabs key")
    fm("assemblyai-api-key", ai, "{h32}", ["ASSEMBLYAI_API_KEY"], "AssemblyAI key")
    fm("deepgram-api-key", ai, "{h40}", ["DEEPGRAM_API_KEY"], "Deepgram key")
    fm("langsmith-pat", ai, "lsv2_pt_{h32}_{h10}", ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"], "LangSmith key")
    fm("langsmith-service-key", ai, "lsv2_sk_{h32}_{h10}", ["LANGSMITH_API_KEY"], "LangSmith service key")
    fm("langfuse-secret-key", ai, lambda r: "sk-lf-" + uuid4(r), ["LANGFUSE_SECRET_KEY"], "Langfuse secret key")
    fm("pinecone-api-key", ai, "pcsk_{a5}_{a63}", ["PINECONE_API_KEY"], "Pinecone key")
    fm("pinecone-api-key-legacy", ai, uuid4, ["PINECONE_API_KEY"], "Pinecone key")
    fm("wandb-api-key", ai, "{h40}", ["WANDB_API_KEY"], "Weights & Biases key")
    fm("cerebras-api-key", ai, "csk-{L48}", ["CEREBRAS_API_KEY"], "Cerebras key")
    fm("nvidia-api-key", ai, "nvapi-{w64}", ["NVIDIA_API_KEY", "NGC_API_KEY"], "NVIDIA API key")
    fm("stability-api-key", ai, "sk-{a48}", ["STABILITY_API_KEY"], "Stability AI key")
    fm("tavily-api-key", ai, lambda r: "tvly-" + r.choice(["", "dev-", "prod-"]) + rnd(r, 32), ["TAVILY_API_KEY"], "Tavily key")
    fm("firecrawl-api-key", ai, "fc-{h32}", ["FIRECRAWL_API_KEY"], "Firecrawl key")
    fm("exa-api-key", ai, uuid4, ["EXA_API_KEY"], "Exa key")
    fm("browserbase-api-key", ai, "bb_live_{w27}", ["BROWSERBASE_API_KEY"], "Browserbase key")
    fm("e2b-api-key", ai, "e2b_{h40}", ["E2B_API_KEY"], "E2B key")
    fm("jina-api-key", ai, "jina_{a60}", ["JINA_API_KEY"], "Jina key")
    fm("modal-token-secret", ai, "as-{a22}", ["MODAL_TOKEN_SECRET"], "Modal token secret")
    fm("serpapi-api-key", ai, "{h64}", ["SERPAPI_API_KEY", "SERP_API_KEY"], "SerpAPI key")
    fm("ai21-api-key", ai, "{a32}", ["AI21_API_KEY"], "AI21 key")
    fm("anyscale-api-key", ai, "esecret_{L26}", ["ANYSCALE_API_KEY"], "Anyscale key")
    fm("gemini-api-key", ai, "AIza{w35}", ["GEMINI_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY"], "Gemini API key", w=1.5)
    fm("azure-openai-api-key", ai, "{h32}", ["AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY"], "Azure OpenAI key", w=1.3)
    # ---- VCS / CI
    for pre, nm, sv in (("ghp_", "github-pat-classic", "GitHub token"), ("gho_", "github-oauth-token", "GitHub OAuth token"),
                        ("ghu_", "github-user-to-server-token", "GitHub user token"), ("ghs_", "github-app-installation-token", "GitHub installation token"),
                        ("ghr_", "github-refresh-token", "GitHub refresh token")):
        fm(nm, v, lambda r, pre=pre: crc_token(r, pre), ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT"], sv, w=2.2 if pre == "ghp_" else 1)
    fm("github-fine-grained-pat", v, "github_pat_11{U9}0{a11}_{a59}", ["GITHUB_TOKEN", "GH_TOKEN"], "GitHub fine-grained token", w=1.5)
    fm("github-oauth-client-secret", v, "{h40}", ["GITHUB_CLIENT_SECRET"], "GitHub OAuth app client secret")
    fm("gitlab-pat", v, "glpat-{w20}", ["GITLAB_TOKEN", "CI_PUSH_TOKEN", "GL_TOKEN"], "GitLab token", w=1.5)
    fm("gitlab-pipeline-trigger-token", v, "glptt-{h40}", ["TRIGGER_TOKEN"], "GitLab trigger token")
    fm("gitlab-deploy-token", v, "gldt-{w20}", ["GITLAB_DEPLOY_TOKEN"], "GitLab deploy token")
    fm("gitlab-runner-auth-token", v, "glrt-{w20}", ["RUNNER_TOKEN"], "GitLab runner token")
    fm("gitlab-runner-registration-token", v, "GR1348941{w20}", ["REGISTRATION_TOKEN"], "GitLab runner registration token")
    fm("gitlab-feed-token", v, "glft-{w20}", ["GITLAB_FEED_TOKEN"], "GitLab feed token")
    fm("gitlab-oauth-app-secret", v, "gloas-{h64}", ["GITLAB_APP_SECRET"], "GitLab OAuth secret")
    fm("gitlab-agent-token", v, "glagent-{w50}", ["GITLAB_AGENT_TOKEN"], "GitLab agent token")
    fm("gitlab-incoming-mail-token", v, "glimt-{L25}", ["GITLAB_INCOMING_EMAIL_TOKEN"], "GitLab incoming mail token")
    fm("gitlab-scim-token", v, "glsoat-{w20}", ["GITLAB_SCIM_TOKEN"], "GitLab SCIM token")
    fm("bitbucket-app-password", v, "ATBB{a32}", ["BITBUCKET_APP_PASSWORD"], "Bitbucket app password")
    fm("bitbucket-access-token", v, "ATCTT3xFfGN0{w170-190}={H8}", ["BITBUCKET_ACCESS_TOKEN"], "Bitbucket access token")
    fm("circleci-personal-token", v, "CCIPAT_{a22}_{h40}", ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"], "CircleCI token")
    fm("circleci-project-token", v, "CCIPRJ_{a22}_{h40}", ["CIRCLECI_PROJECT_TOKEN"], "CircleCI project token")
    fm("circleci-legacy-token", v, "{h40}", ["CIRCLE_TOKEN", "CIRCLECI_API_TOKEN"], "CircleCI API token")
    fm("travis-ci-token", v, "{w22}", ["TRAVIS_TOKEN", "TRAVIS_API_TOKEN"], "Travis CI token")
    fm("jenkins-api-token", v, "11{h32}", ["JENKINS_API_TOKEN", "JENKINS_TOKEN"], "Jenkins API token")
    fm("buildkite-api-token", v, "bkua_{h40}", ["BUILDKITE_API_TOKEN"], "Buildkite token")
    fm("buildkite-agent-token", v, "{h50}", ["BUILDKITE_AGENT_TOKEN"], "Buildkite agent token")
    fm("drone-token", v, "{a32}", ["DRONE_TOKEN"], "Drone token")
    fm("sonarqube-user-token", v, "squ_{h40}", ["SONAR_TOKEN"], "SonarQube token")
    fm("sonarqube-project-token", v, "sqp_{h40}", ["SONAR_TOKEN"], "SonarQube project token")
    fm("sonarqube-analysis-token", v, "sqa_{h40}", ["SONAR_TOKEN"], "SonarQube analysis token")
    fm("snyk-token", v, uuid4, ["SNYK_TOKEN"], "Snyk token")
    fm("codecov-token", v, uuid4, ["CODECOV_TOKEN"], "Codecov token")
    fm("sourcegraph-token", v, "sgp_{h16}_{h40}", ["SRC_ACCESS_TOKEN"], "Sourcegraph token")
    fm("gitea-token", v, "{h40}", ["GITEA_TOKEN"], "Gitea token")
    fm("harness-pat", v, "pat.{w22}.{h24}.{a20}", ["HARNESS_API_KEY"], "Harness token")
    fm("octopus-api-key", v, "API-{U26}", ["OCTOPUS_API_KEY", "OCTOPUS_CLI_API_KEY"], "Octopus Deploy API key")
    fm("azure-devops-pat", v, "{y52}", ["AZURE_DEVOPS_EXT_PAT", "ADO_PAT", "SYSTEM_ACCESSTOKEN"], "Azure DevOps PAT")
    fm("expo-access-token", v, "{w40}", ["EXPO_TOKEN"], "Expo token")
    fm("postman-api-key", saas, "PMAK-{h24}-{h34}", ["POSTMAN_API_KEY"], "Postman API key")
    fm("readme-api-key", saas, "rdme_{h70}", ["README_API_KEY"], "ReadMe API key")
    # ---- package registries
    fm("npm-access-token", pk, lambda r: crc_token(r, "npm_"), ["NPM_TOKEN", "NODE_AUTH_TOKEN"], "npm token", w=2)
    fm("npm-legacy-uuid-token", pk, uuid4, ["NPM_TOKEN"], "npm token")
    fm("npmrc-auth-basic", pk, lambda r: b64(("%s:%s" % (r.choice(["ci-bot", "deploy", "jdoe"]), any_pw(r))).encode()), ["_auth"], "npm _auth")
    fm("pypi-token", pk, "pypi-AgEIcHlwaS5vcmc{w140-190}", ["PYPI_TOKEN", "TWINE_PASSWORD", "PYPI_API_TOKEN"], "PyPI token", w=1.5)
    fm("testpypi-token", pk, "pypi-AgENdGVzdC5weXBpLm9yZw{w140-180}", ["TEST_PYPI_TOKEN"], "TestPyPI token")
    fm("rubygems-api-key", pk, "rubygems_{h48}", ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"], "RubyGems key")
    fm("nuget-api-key", pk, "oy2{L43}", ["NUGET_API_KEY"], "NuGet key")
    fm("dockerhub-pat", pk, "dckr_pat_{w27}", ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], "Docker Hub token", w=1.5)
    fm("dockerhub-org-token", pk, "dckr_oat_{w32}", ["DOCKERHUB_TOKEN"], "Docker Hub org token")
    fm("docker-config-auth", pk, lambda r: b64(("%s:%s" % (r.choice(["deploy", "robot$ci", "jdoe", "AWS"]), any_pw(r))).encode()),
       ["auth"], "docker config auth", only={"docker-config"})
    fm("crates-io-token", pk, "cio{a32}", ["CARGO_REGISTRY_TOKEN"], "crates.io token")
    fm("jfrog-api-key", pk, "AKCp{a69}", ["ARTIFACTORY_API_KEY", "JFROG_API_KEY"], "Artifactory API key")
    fm("jfrog-reference-token", pk, "cmVmdGtuOjAxOjE3{a48}", ["JFROG_ACCESS_TOKEN"], "JFrog reference token")
    fm("clojars-deploy-token", pk, "CLOJARS_{h60}", ["CLOJARS_PASSWORD"], "Clojars deploy token")
    fm("gradle-publish-secret", pk, "{a32}", ["GRADLE_PUBLISH_SECRET"], "Gradle plugin portal secret")
    # ---- payments
    fm("stripe-secret-key-live", pay, lambda r: "sk_live_" + (rnd(r, 24) if r.random() < 0.4 else "51" + rnd(r, 97)), ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], "Stripe secret key", w=2.2)
    fm("stripe-secret-key-test", pay, lambda r: "sk_test_" + (rnd(r, 24) if r.random() < 0.4 else "51" + rnd(r, 97)), ["STRIPE_SECRET_KEY"], "Stripe test secret key")
    fm("stripe-restricted-key-live", pay, "rk_live_51{a97}", ["STRIPE_RESTRICTED_KEY"], "Stripe restricted key")
    fm("stripe-restricted-key-test", pay, "rk_test_51{a97}", ["STRIPE_RESTRICTED_KEY"], "Stripe restricted test key")
    fm("stripe-webhook-secret", pay, "whsec_{a32}", ["STRIPE_WEBHOOK_SECRET"], "Stripe webhook signing secret", w=1.5)
    fm("square-access-token", pay, "EAAA{w60}", ["SQUARE_ACCESS_TOKEN"], "Square access token")
    fm("square-legacy-token", pay, "sq0atp-{w22}", ["SQUARE_ACCESS_TOKEN"], "Square token")
    fm("square-oauth-secret", pay, "sq0csp-{w43}", ["SQUARE_APPLICATION_SECRET"], "Square OAuth secret")
    fm("braintree-access-token", pay, "access_token$production${L16}${h32}", ["BRAINTREE_ACCESS_TOKEN"], "Braintree access token")
    fm("braintree-private-key", pay, "{h32}", ["BRAINTREE_PRIVATE_KEY"], "Braintree private key")
    fm("paypal-client-secret", pay, "E{w79}", ["PAYPAL_CLIENT_SECRET", "PAYPAL_SECRET"], "PayPal client secret")
    fm("adyen-api-key", pay, "AQE{a4}{b96}==-{b43}=-{p16}", ["ADYEN_API_KEY"], "Adyen API key")
    fm("razorpay-key-secret", pay, "{a24}", ["RAZORPAY_KEY_SECRET"], "Razorpay key secret")
    fm("shopify-access-token", pay, "shpat_{h32}", ["SHOPIFY_ACCESS_TOKEN", "SHOPIFY_ADMIN_API_TOKEN"], "Shopify admin token", w=1.3)
    fm("shopify-shared-secret", pay, "shpss_{h32}", ["SHOPIFY_API_SECRET"], "Shopify shared secret")
    fm("shopify-custom-app-token", pay, "shpca_{h32}", ["SHOPIFY_ACCESS_TOKEN"], "Shopify custom app token")
    fm("shopify-private-app-token", pay, "shppa_{h32}", ["SHOPIFY_PASSWORD"], "Shopify private app password")
    fm("checkout-sandbox-secret-key", pay, "sk_sbox_{y26}", ["CKO_SECRET_KEY"], "Checkout.com secret key")
    fm("mollie-api-key", pay, "live_{a30}", ["MOLLIE_API_KEY"], "Mollie key")
    fm("gocardless-token", pay, "live_{w40}", ["GOCARDLESS_ACCESS_TOKEN"], "GoCardless token")
    fm("plaid-secret", pay, "{h30}", ["PLAID_SECRET"], "Plaid secret")
    fm("plaid-access-token", pay, lambda r: "access-production-" + uuid4(r), ["PLAID_ACCESS_TOKEN"], "Plaid access token")
    fm("flutterwave-secret-key", pay, lambda r: r.choice(["FLWSECK-", "FLWSECK_TEST-"]) + rnd(r, 32, "h") + "-X", ["FLW_SECRET_KEY"], "Flutterwave secret key")
    fm("mercadopago-access-token", pay, "APP_USR-{d16}-{d6}-{h32}-{d9}", ["MERCADOPAGO_ACCESS_TOKEN", "MP_ACCESS_TOKEN"], "Mercado Pago token")
    fm("paystack-secret-key", pay, "sk_live_{h40}", ["PAYSTACK_SECRET_KEY"], "Paystack secret key")
    fm("midtrans-server-key", pay, "Mid-server-{w24}", ["MIDTRANS_SERVER_KEY"], "Midtrans server key")
    fm("authorize-net-transaction-key", pay, "{a16}", ["AUTHNET_TRANSACTION_KEY"], "Authorize.Net transaction key")
    fm("paddle-api-key", pay, "pdl_live_apikey_01{L24}_{a22}_{a3}", ["PADDLE_API_KEY"], "Paddle API key")
    fm("xendit-secret-key", pay, "xnd_production_{a50}", ["XENDIT_SECRET_KEY"], "Xendit secret key")
    fm("coinbase-api-secret", pay, "{b86}==", ["COINBASE_API_SECRET"], "Coinbase API secret")
    # ---- messaging
    fm("slack-bot-token", msg, "xoxb-{d10-13}-{d10-13}-{a24}", ["SLACK_BOT_TOKEN"], "Slack bot token", w=2)
    fm("slack-user-token", msg, "xoxp-{d10-13}-{d10-13}-{d10-13}-{h32}", ["SLACK_USER_TOKEN", "SLACK_TOKEN"], "Slack user token")
    fm("slack-app-token", msg, "xapp-1-A{U10}-{d13}-{h64}", ["SLACK_APP_TOKEN"], "Slack app-level token")
    fm("slack-config-token", msg, "xoxe.xoxp-1-{w150-170}", ["SLACK_CONFIG_TOKEN"], "Slack config token")
    fm("slack-refresh-token", msg, "xoxe-1-{w140-150}", ["SLACK_REFRESH_TOKEN"], "Slack refresh token")
    fm("slack-legacy-workspace-token", msg, "xoxa-2-{d10-13}-{d10-13}-{d10-13}-{h64}", ["SLACK_TOKEN"], "Slack workspace token")
    fm("slack-legacy-xoxs-token", msg, "xoxs-{d10-13}-{d10-13}-{d10-13}-{h64}", ["SLACK_TOKEN"], "Slack session token")
    fm("slack-webhook-url", msg, "https://hooks.slack.com/services/T{U8-10}/B{U8-10}/{a24}", ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK"], "Slack webhook", w=2)
    fm("slack-workflow-webhook-url", msg, "https://hooks.slack.com/triggers/T{U8-10}/{d13}/{h32}", ["SLACK_TRIGGER_URL"], "Slack workflow trigger")
    fm("discord-bot-token", msg, discord_bot, ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"], "Discord bot token", w=1.5)
    fm("discord-webhook-url", msg, lambda r: "https://%s/api/webhooks/%d/%s" % (r.choice(["discord.com", "discordapp.com", "ptb.discord.com"]),
       r.randint(10 ** 17, 10 ** 19 - 1), rnd(r, 68, "w")), ["DISCORD_WEBHOOK_URL"], "Discord webhook", w=1.5)
    fm("telegram-bot-token", msg, "{d8-10}:AA{w33}", ["TELEGRAM_BOT_TOKEN", "TG_TOKEN", "BOT_TOKEN"], "Telegram bot token", w=1.5)
    fm("twilio-account-sid", msg, "AC{h32}", ["TWILIO_ACCOUNT_SID"], "Twilio Account SID")
    fm("twilio-auth-token", msg, "{h32}", ["TWILIO_AUTH_TOKEN"], "Twilio auth token", w=1.5)
    fm("twilio-api-key-sid", msg, "SK{h32}", ["TWILIO_API_KEY"], "Twilio API key")
    fm("twilio-api-secret", msg, "{a32}", ["TWILIO_API_SECRET"], "Twilio API secret")
    fm("sendgrid-api-key", msg, "SG.{w22}.{w43}", ["SENDGRID_API_KEY", "SMTP_PASSWORD"], "SendGrid API key", w=1.5)
    fm("mailgun-api-key", msg, "key-{h32}", ["MAILGUN_API_KEY"], "Mailgun key")
    fm("mailgun-private-key", msg, "{h32}-{h8}-{h8}", ["MAILGUN_API_KEY"], "Mailgun private key")
    fm("mailgun-webhook-signing-key", msg, "{h32}", ["MAILGUN_WEBHOOK_SIGNING_KEY"], "Mailgun webhook signing key")
    fm("mailchimp-api-key", msg, lambda r: rnd(r, 32, "h") + "-us" + str(r.randint(1, 21)), ["MAILCHIMP_API_KEY"], "Mailchimp key")
    fm("mandrill-api-key", msg, "md-{w22}", ["MANDRILL_API_KEY"], "Mandrill key")
    fm("postmark-server-token", msg, uuid4, ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_TOKEN"], "Postmark server token")
    fm("postmark-account-token", msg, uuid4, ["POSTMARK_ACCOUNT_TOKEN"], "Postmark account token")
    fm("mailjet-secret-key", msg, "{h32}", ["MJ_APIKEY_PRIVATE", "MAILJET_SECRET_KEY"], "Mailjet secret key")
    fm("brevo-api-key", msg, "xkeysib-{h64}-{a16}", ["BREVO_API_KEY", "SENDINBLUE_API_KEY"], "Brevo key")
    fm("brevo-smtp-key", msg, "xsmtpsib-{h64}-{a16}", ["BREVO_SMTP_KEY"], "Brevo SMTP key")
    fm("resend-api-key", msg, "re_{a8}_{a24}", ["RESEND_API_KEY"], "Resend key")
    fm("messagebird-api-key", msg, "{a25}", ["MESSAGEBIRD_API_KEY"], "MessageBird key")
    fm("vonage-api-secret", msg, "{a16}", ["VONAGE_API_SECRET", "NEXMO_API_SECRET"], "Vonage API secret")
    fm("plivo-auth-token", msg, "{a40}", ["PLIVO_AUTH_TOKEN"], "Plivo auth token")
    fm("pusher-app-secret", msg, "{h20}", ["PUSHER_APP_SECRET"], "Pusher secret")
    fm("ably-api-key", msg, "{w6}.{w6}:{w43}", ["ABLY_API_KEY"], "Ably key")
    fm("intercom-access-token", msg, "dG9rOj{b52}=", ["INTERCOM_ACCESS_TOKEN"], "Intercom token")
    fm("zendesk-api-token", msg, "{a40}", ["ZENDESK_API_TOKEN"], "Zendesk token")
    fm("teams-webhook-url", msg, teams_hook, ["TEAMS_WEBHOOK_URL"], "Teams webhook")
    fm("google-chat-webhook-url", msg, "https://chat.googleapis.com/v1/spaces/AAAA{w7}/messages?key=AIzaSy{w33}&token={w43}%3D",
       ["GOOGLE_CHAT_WEBHOOK"], "Google Chat webhook")
    fm("mattermost-webhook-url", msg, "https://chat.{l5-8}.io/hooks/{L26}", ["MATTERMOST_WEBHOOK_URL"], "Mattermost webhook")
    fm("line-channel-access-token", msg, "{b171}=", ["LINE_CHANNEL_ACCESS_TOKEN"], "LINE channel access token")
    fm("line-channel-secret", msg, "{h32}", ["LINE_CHANNEL_SECRET"], "LINE channel secret")
    fm("facebook-access-token", msg, "EAA{k1}{a170-200}", ["FACEBOOK_ACCESS_TOKEN", "WHATSAPP_TOKEN", "FB_PAGE_TOKEN"], "Meta access token")
    fm("facebook-app-secret", msg, "{h32}", ["FACEBOOK_APP_SECRET", "FB_APP_SECRET"], "Facebook app secret")
    fm("instagram-access-token", msg, "IGQV{w150-190}", ["INSTAGRAM_ACCESS_TOKEN"], "Instagram token")
    fm("twitter-bearer-token", msg, twitter_bearer, ["TWITTER_BEARER_TOKEN", "X_BEARER_TOKEN"], "Twitter bearer token")
    fm("twitter-api-secret", msg, "{a50}", ["TWITTER_API_SECRET", "TWITTER_CONSUMER_SECRET"], "Twitter API secret")
    fm("twitter-access-token", msg, "{d10-19}-{a40}", ["TWITTER_ACCESS_TOKEN"], "Twitter access token")
    fm("onesignal-rest-api-key", msg, "os_v2_app_{y110}", ["ONESIGNAL_REST_API_KEY"], "OneSignal key")
    fm("pushover-token", msg, "{L30}", ["PUSHOVER_TOKEN"], "Pushover token")
    fm("zoom-client-secret", msg, "{a32}", ["ZOOM_CLIENT_SECRET"], "Zoom client secret")
    fm("twitch-client-secret", msg, "{L30}", ["TWITCH_CLIENT_SECRET"], "Twitch client secret")
    fm("spotify-client-secret", saas, "{h32}", ["SPOTIFY_CLIENT_SECRET"], "Spotify client secret")
    # ---- databases (the label is the password only)
    fm("postgres-url-password", db, urlpw, ["DATABASE_URL", "POSTGRES_URL", "DB_URL"], "Postgres URL",
       wrap=WR("postgres://{u}:§@{h}:5432/{db}", "postgresql://{u}:§@{h}:5432/{db}?sslmode=require",
               "postgresql+psycopg2://{u}:§@{h}/{db}", "postgresql+asyncpg://{u}:§@{h}:5432/{db}"), w=3)
    fm("mysql-url-password", db, urlpw, ["DATABASE_URL", "MYSQL_URL"], "MySQL URL",
       wrap=WR("mysql://{u}:§@{h}:3306/{db}", "mysql+pymysql://{u}:§@{h}/{db}?charset=utf8mb4", "mysql2://{u}:§@{h}/{db}"), w=2)
    fm("mongodb-url-password", db, urlpw, ["MONGO_URL", "MONGODB_URI"], "MongoDB URL",
       wrap=WR("mongodb://{u}:§@mongo-0.mongo:27017,mongo-1.mongo:27017/{db}?replicaSet=rs0&authSource=admin", "mongodb://{u}:§@{h}:27017/{db}"), w=1.5)
    fm("mongodb-srv-url-password", db, urlpw, ["MONGODB_URI", "MONGO_URI"], "MongoDB Atlas URL",
       wrap=W("mongodb+srv://{u}:§@cluster0.x7k2p.mongodb.net/{db}?retryWrites=true&w=majority"), w=2)
    fm("redis-url-password", db, urlpw, ["REDIS_URL", "CACHE_URL"], "Redis URL",
       wrap=WR("redis://:§@{h}:6379/0", "redis://default:§@redis-12345.c1.eu-west-1-2.ec2.cloud.redislabs.com:12345"), w=1.5)
    fm("rediss-url-password", db, urlpw, ["REDIS_URL", "UPSTASH_REDIS_URL"], "Redis TLS URL",
       wrap=W("rediss://default:§@eu1-brave-hawk-38122.upstash.io:6379"))
    fm("amqp-url-password", db, urlpw, ["AMQP_URL", "RABBITMQ_URL", "CELERY_BROKER_URL"], "AMQP URL",
       wrap=WR("amqp://{u}:§@rabbitmq:5672/%2F", "amqps://{u}:§@b-1f2e3d.mq.eu-west-1.amazonaws.com:5671"))
    fm("mssql-url-password", db, urlpw, ["SQLSERVER_URL", "DATABASE_URL"], "SQL Server URL",
       wrap=WR("sqlserver://{u}:§@{h}:1433?database={db}", "mssql+pyodbc://{u}:§@{h}/{db}?driver=ODBC+Driver+18+for+SQL+Server"))
    fm("jdbc-postgres-password", db, any_pw, ["SPRING_DATASOURCE_URL", "JDBC_URL"], "JDBC URL",
       wrap=W("jdbc:postgresql://{h}:5432/{db}?user={u}&password=§&ssl=true"))
    fm("jdbc-mysql-password", db, any_pw, ["JDBC_URL"], "JDBC URL", wrap=W("jdbc:mysql://{h}:3306/{db}?user={u}&password=§&useSSL=true"))
    fm("jdbc-sqlserver-password", db, any_pw, ["JDBC_URL"], "JDBC URL",
       wrap=W("jdbc:sqlserver://{h}:1433;databaseName={db};user={u};password=§;encrypt=true;trustServerCertificate=false"))
    fm("jdbc-oracle-password", db, lambda r: rnd(r, r.randint(12, 20)), ["JDBC_URL"], "Oracle JDBC URL", wrap=W("jdbc:oracle:thin:{u}/§@//{h}:1521/ORCLPDB1"))
    fm("adonet-password", db, any_pw, ["ConnectionStrings__Default", "DefaultConnection"], "SQL Server connection string",
       wrap=WR("Server=tcp:{n}.database.windows.net,1433;Initial Catalog={db};Persist Security Info=False;User ID={u};Password=§;MultipleActiveResultSets=False;Encrypt=True;",
               "Data Source={h};Initial Catalog={db};User Id={u};Password=§;TrustServerCertificate=True", "Host={h};Database={db};Username={u};Password=§"), w=2)
    fm("odbc-password", db, any_pw, ["ODBC_CONNECTION_STRING"], "ODBC connection string",
       wrap=W("Driver={ODBC Driver 18 for SQL Server};Server={h};Database={db};Uid={u};Pwd=§;Encrypt=yes;"))
    fm("clickhouse-url-password", db, urlpw, ["CLICKHOUSE_URL"], "ClickHouse URL", wrap=W("clickhouse://default:§@{h}:9000/{db}"))
    fm("elasticsearch-url-password", db, urlpw, ["ELASTICSEARCH_URL", "ES_URL"], "Elasticsearch URL", wrap=W("https://elastic:§@es-prod.{n}.internal:9200"))
    fm("neo4j-url-password", db, urlpw, ["NEO4J_URI"], "Neo4j URL", wrap=W("neo4j+s://neo4j:§@7f3a9c21.databases.neo4j.io"))
    fm("snowflake-url-password", db, urlpw, ["SNOWFLAKE_URL"], "Snowflake URL", wrap=W("snowflake://{u}:§@xy12345.eu-central-1/{db}/public?warehouse=COMPUTE_WH&role=LOADER"))
    fm("cockroach-url-password", db, urlpw, ["COCKROACH_URL"], "CockroachDB URL", wrap=W("postgresql://{u}:§@free-tier14.aws-eu-central-1.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full"))
    fm("couchdb-url-password", db, urlpw, ["COUCHDB_URL"], "CouchDB URL", wrap=W("http://admin:§@couchdb:5984/"))
    fm("ftp-url-password", db, urlpw, ["FTP_URL"], "FTP URL", wrap=WR("ftp://{u}:§@ftp.{n}.com/uploads", "sftp://{u}:§@sftp.{n}.net:22/incoming"))
    fm("smtp-url-password", msg, urlpw, ["SMTP_URL", "EMAIL_URL", "MAILER_DSN"], "SMTP URL",
       wrap=WR("smtp://{u}:§@smtp.mailgun.org:587", "smtps://apikey:§@smtp.sendgrid.net:465", "smtp://{u}%40{n}.com:§@smtp.office365.com:587"))
    fm("mqtt-url-password", db, urlpw, ["MQTT_URL"], "MQTT URL", wrap=W("mqtts://{u}:§@broker.{n}.io:8883"))
    fm("http-basic-url-password", auth, urlpw, ["REGISTRY_URL", "PIP_INDEX_URL", "ARTIFACT_URL"], "URL with credentials",
       wrap=WR("https://{u}:§@nexus.{n}.internal/repository/pypi/simple", "https://deploy:§@registry.{n}.io/v2/", "https://{u}:§@artifactory.{n}.com/artifactory/api/npm/npm/"))
    fm("kafka-jaas-password", db, any_pw, ["KAFKA_SASL_JAAS_CONFIG", "sasl.jaas.config"], "Kafka JAAS config",
       wrap=WR('org.apache.kafka.common.security.plain.PlainLoginModule required username="{u}" password="§";',
               'org.apache.kafka.common.security.scram.ScramLoginModule required username="{u}" password="§";'))
    fm("pgpass-password", db, any_pw, ["pgpass"], "pgpass", only={"pgpass"})
    fm("influxdb-token", db, "{w86}==", ["INFLUXDB_TOKEN", "INFLUX_TOKEN"], "InfluxDB token")
    fm("upstash-redis-rest-token", db, "AX{w62}=", ["UPSTASH_REDIS_REST_TOKEN"], "Upstash REST token")
    fm("fauna-secret", db, "fnA{w37}", ["FAUNA_SECRET"], "Fauna secret")
    fm("turso-auth-token", db, lambda r: jwt(r, "EdDSA", {"a": "rw", "iat": ts(r), "id": uuid4(r)}), ["TURSO_AUTH_TOKEN"], "Turso token")
    fm("planetscale-service-token", db, "pscale_tkn_{w43}", ["PLANETSCALE_SERVICE_TOKEN"], "PlanetScale token")
    fm("planetscale-password", db, "pscale_pw_{w43}", ["DATABASE_PASSWORD", "PLANETSCALE_PASSWORD"], "PlanetScale password")
    fm("planetscale-oauth-token", db, "pscale_oauth_{w43}", ["PLANETSCALE_OAUTH_TOKEN"], "PlanetScale OAuth token")
    fm("neon-api-key", db, "napi_{L64}", ["NEON_API_KEY"], "Neon API key")
    fm("mongodb-atlas-private-key", db, uuid4, ["MONGODB_ATLAS_PRIVATE_KEY"], "Atlas API private key")
    fm("prisma-accelerate-api-key", db, lambda r: jwt(r, "ES256", {"tenant_id": rnd(r, 64, "h"), "secure_key": "sk_" + rnd(r, 24), "api_key": rnd(r, 40, "h")}),
       ["DATABASE_URL"], "Prisma Accelerate URL", wrap=W("prisma://accelerate.prisma-data.net/?api_key=§"))
    # ---- observability
    fm("datadog-api-key", obs, "{h32}", ["DD_API_KEY", "DATADOG_API_KEY"], "Datadog API key", w=1.5)
    fm("datadog-app-key", obs, "{h40}", ["DD_APP_KEY", "DATADOG_APP_KEY"], "Datadog application key")
    fm("newrelic-user-key", obs, "NRAK-{U27}", ["NEW_RELIC_API_KEY", "NEW_RELIC_USER_KEY"], "New Relic user key", w=1.3)
    fm("newrelic-admin-key", obs, "NRAA-{h27}", ["NEW_RELIC_ADMIN_KEY"], "New Relic admin key")
    fm("newrelic-license-key", obs, "{h36}NRAL", ["NEW_RELIC_LICENSE_KEY"], "New Relic license key")
    fm("newrelic-insert-key", obs, "NRII-{w32}", ["NEW_RELIC_INSERT_KEY"], "New Relic insert key")
    fm("sentry-org-token", obs, sentry_org, ["SENTRY_AUTH_TOKEN"], "Sentry org token", w=1.3)
    fm("sentry-user-token", obs, "sntryu_{h64}", ["SENTRY_AUTH_TOKEN"], "Sentry user token")
    fm("sentry-auth-token-legacy", obs, "{h64}", ["SENTRY_AUTH_TOKEN"], "Sentry auth token")
    fm("grafana-service-account-token", obs, "glsa_{a32}_{h8}", ["GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN"], "Grafana service account token", w=1.3)
    fm("grafana-cloud-token", obs, grafana_cloud, ["GRAFANA_CLOUD_TOKEN", "GRAFANA_CLOUD_API_KEY"], "Grafana Cloud token")
    fm("grafana-api-key", obs, grafana_apikey, ["GRAFANA_API_KEY"], "Grafana API key")
    fm("honeycomb-api-key", obs, "{a22}", ["HONEYCOMB_API_KEY", "HONEYCOMB_WRITEKEY"], "Honeycomb key")
    fm("honeycomb-ingest-key", obs, "hcaik_01{L56}", ["HONEYCOMB_API_KEY"], "Honeycomb ingest key")
    fm("pagerduty-api-key", obs, "u+{w18}", ["PAGERDUTY_TOKEN", "PAGERDUTY_API_KEY"], "PagerDuty API key")
    fm("pagerduty-routing-key", obs, "{h32}", ["PAGERDUTY_ROUTING_KEY", "PD_INTEGRATION_KEY"], "PagerDuty routing key")
    fm("opsgenie-api-key", obs, uuid4, ["OPSGENIE_API_KEY"], "Opsgenie key")
    fm("splunk-hec-token", obs, uuid4, ["SPLUNK_HEC_TOKEN"], "Splunk HEC token")
    fm("dynatrace-api-token", obs, "dt0c01.{U24}.{U64}", ["DT_API_TOKEN", "DYNATRACE_API_TOKEN"], "Dynatrace token")
    fm("elastic-api-key", obs, lambda r: b64(("%s:%s" % (rnd(r, 20, "w"), rnd(r, 22, "w"))).encode()), ["ELASTIC_API_KEY"], "Elastic API key")
    fm("rollbar-access-token", obs, "{h32}", ["ROLLBAR_ACCESS_TOKEN"], "Rollbar token")
    fm("posthog-personal-api-key", obs, "phx_{a43}", ["POSTHOG_PERSONAL_API_KEY"], "PostHog personal key")
    fm("statsig-server-secret", obs, "secret-{a43}", ["STATSIG_SERVER_SECRET"], "Statsig server secret")
    fm("axiom-api-token", obs, lambda r: r.choice(["xaat-", "xapt-"]) + uuid4(r), ["AXIOM_TOKEN"], "Axiom token")
    fm("sumologic-access-key", obs, "{a64}", ["SUMO_ACCESS_KEY"], "Sumo Logic access key")
    fm("logzio-token", obs, "{a32}", ["LOGZIO_TOKEN"], "Logz.io token")
    fm("mixpanel-api-secret", obs, "{h32}", ["MIXPANEL_API_SECRET"], "Mixpanel secret")
    fm("amplitude-secret-key", obs, "{h32}", ["AMPLITUDE_SECRET_KEY"], "Amplitude secret key")
    fm("betterstack-token", obs, "{a24}", ["BETTERSTACK_SOURCE_TOKEN", "LOGTAIL_SOURCE_TOKEN"], "Better Stack token")
    fm("launchdarkly-api-token", saas, lambda r: "api-" + uuid4(r), ["LAUNCHDARKLY_ACCESS_TOKEN"], "LaunchDarkly API token")
    fm("launchdarkly-sdk-key", saas, lambda r: "sdk-" + uuid4(r), ["LAUNCHDARKLY_SDK_KEY", "LD_SDK_KEY"], "LaunchDarkly SDK key")
    # ---- SaaS
    fm("atlassian-api-token", saas, "ATATT3xFfGF0{w170-190}={H8}", ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN", "CONFLUENCE_TOKEN"], "Atlassian API token", w=1.5)
    fm("jira-pat", saas, "{b44}", ["JIRA_PAT"], "Jira PAT")
    fm("linear-api-key", saas, "lin_api_{a40}", ["LINEAR_API_KEY"], "Linear key", w=1.3)
    fm("linear-oauth-token", saas, "lin_oauth_{h64}", ["LINEAR_OAUTH_TOKEN"], "Linear OAuth token")
    fm("notion-integration-secret", saas, "secret_{a43}", ["NOTION_TOKEN", "NOTION_API_KEY"], "Notion integration secret")
    fm("notion-token-ntn", saas, "ntn_{d11}{a35}", ["NOTION_TOKEN"], "Notion token")
    fm("airtable-pat", saas, "pat{a14}.{h64}", ["AIRTABLE_API_KEY", "AIRTABLE_TOKEN"], "Airtable token")
    fm("airtable-api-key-legacy", saas, "key{a14}", ["AIRTABLE_API_KEY"], "Airtable key")
    fm("figma-pat", saas, "figd_{w40}", ["FIGMA_TOKEN"], "Figma token")
    fm("okta-api-token", saas, "00{w40}", ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"], "Okta token")
    fm("auth0-client-secret", saas, "{w64}", ["AUTH0_CLIENT_SECRET"], "Auth0 client secret")
    fm("auth0-management-token", saas, lambda r: jwt(r, "RS256", {"iss": "https://acme.eu.auth0.com/", "sub": rnd(r, 32) + "@clients",
       "aud": "https://acme.eu.auth0.com/api/v2/", "iat": ts(r), "exp": ts(r) + 86400, "scope": "read:users update:users", "gty": "client-credentials"}, kid=True),
       ["AUTH0_MANAGEMENT_TOKEN"], "Auth0 management token")
    fm("mapbox-secret-token", saas, lambda r: mapbox(r, "sk"), ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"], "Mapbox secret token")
    fm("contentful-management-token", saas, "CFPAT-{w43}", ["CONTENTFUL_MANAGEMENT_TOKEN"], "Contentful management token")
    fm("algolia-admin-key", saas, "{h32}", ["ALGOLIA_ADMIN_KEY", "ALGOLIA_ADMIN_API_KEY"], "Algolia admin key")
    fm("asana-pat", saas, lambda r: "2/%d/%d:%s" % (r.randint(10 ** 15, 10 ** 16 - 1), r.randint(10 ** 15, 10 ** 16 - 1), rnd(r, 32, "h")), ["ASANA_TOKEN"], "Asana token")
    fm("clickup-token", saas, "pk_{d8}_{U32}", ["CLICKUP_API_TOKEN"], "ClickUp token")
    fm("trello-token", saas, "ATTA{h64}{H8}", ["TRELLO_TOKEN"], "Trello token")
    fm("hubspot-pat", saas, lambda r: "pat-%s-%s" % (r.choice(["na1", "eu1"]), uuid4(r)), ["HUBSPOT_ACCESS_TOKEN"], "HubSpot token")
    fm("salesforce-access-token", saas, "00D{a12}!AQ{w94}", ["SF_ACCESS_TOKEN", "SALESFORCE_TOKEN"], "Salesforce session token")
    fm("dropbox-access-token", saas, "sl.{w135}", ["DROPBOX_ACCESS_TOKEN"], "Dropbox token")
    fm("dropbox-access-token-u", saas, "sl.u.{w140}", ["DROPBOX_ACCESS_TOKEN"], "Dropbox token")
    fm("typeform-token", saas, "tfp_{w44}_{w14}", ["TYPEFORM_TOKEN"], "Typeform token")
    fm("webflow-token", saas, "{h64}", ["WEBFLOW_API_TOKEN"], "Webflow token")
    fm("sanity-token", saas, "sk{a180}", ["SANITY_API_TOKEN", "SANITY_AUTH_TOKEN"], "Sanity token")
    fm("shippo-token", saas, "shippo_live_{h40}", ["SHIPPO_API_KEY"], "Shippo token")
    fm("easypost-api-key", saas, "EZAK{a54}", ["EASYPOST_API_KEY"], "EasyPost key")
    fm("duffel-token", saas, "duffel_live_{w43}", ["DUFFEL_ACCESS_TOKEN"], "Duffel token")
    fm("frameio-token", saas, "fio-u-{w64}", ["FRAMEIO_TOKEN"], "Frame.io token")
    fm("adobe-client-secret", saas, "p8e-{a32}", ["ADOBE_CLIENT_SECRET"], "Adobe client secret")
    fm("yandex-api-key", saas, "AQVN{w35}", ["YANDEX_API_KEY"], "Yandex Cloud API key")
    fm("yandex-oauth-token", saas, "y0_{w55}", ["YANDEX_OAUTH_TOKEN"], "Yandex OAuth token")
    fm("zoho-refresh-token", saas, "1000.{h32}.{h32}", ["ZOHO_REFRESH_TOKEN"], "Zoho refresh token")
    fm("prefect-api-key", saas, "pnu_{a36}", ["PREFECT_API_KEY"], "Prefect key")
    fm("clerk-secret-key", saas, "sk_live_{a40}", ["CLERK_SECRET_KEY"], "Clerk secret key")
    fm("ifttt-webhook-key", saas, "{w22}", ["IFTTT_WEBHOOK_URL"], "IFTTT webhook", wrap=W("https://maker.ifttt.com/trigger/deploy_done/with/key/§"))
    fm("zapier-webhook-url", saas, "https://hooks.zapier.com/hooks/catch/{d6-8}/{L6}/", ["ZAPIER_WEBHOOK_URL"], "Zapier catch hook")
    fm("box-client-secret", saas, "{a32}", ["BOX_CLIENT_SECRET"], "Box client secret")
    fm("freshdesk-api-key", saas, "{a20}", ["FRESHDESK_API_KEY"], "Freshdesk key")
    fm("calendly-pat", saas, lambda r: jwt(r, "HS512", {"iss": "https://auth.calendly.com", "iat": ts(r), "jti": uuid4(r), "user_uuid": uuid4(r)}), ["CALENDLY_TOKEN"], "Calendly token")
    fm("docusign-secret", saas, uuid4, ["DOCUSIGN_CLIENT_SECRET"], "DocuSign secret")
    fm("github-app-private-key", v, lambda r: pem_private(r, "rsa"), ["GITHUB_APP_PRIVATE_KEY"], "GitHub App private key", ml=True)
    # ---- private keys
    for k, nm in (("rsa", "pem-rsa-private-key"), ("rsa-enc", "pem-rsa-encrypted-private-key"), ("ec", "pem-ec-private-key"),
                  ("pkcs8", "pem-pkcs8-private-key"), ("pkcs8-enc", "pem-pkcs8-encrypted-private-key"), ("dsa", "pem-dsa-private-key"),
                  ("openssh", "openssh-private-key"), ("pgp", "pgp-private-key-block"), ("putty", "putty-private-key")):
        fm(nm, key, lambda r, k=k: pem_private(r, k), ["PRIVATE_KEY", "SSH_PRIVATE_KEY", "TLS_KEY", "SIGNING_KEY"], "private key", ml=True,
           w=2.5 if k in ("rsa", "openssh", "pkcs8") else 1)
    fm("wireguard-private-key", key, "{b43}=", ["PrivateKey", "WG_PRIVATE_KEY"], "WireGuard private key")
    fm("eth-private-key", key, "0x{h64}", ["PRIVATE_KEY", "DEPLOYER_PRIVATE_KEY", "WALLET_PRIVATE_KEY"], "wallet private key")
    fm("bitcoin-wif-private-key", key, lambda r: r.choice("KL") + rnd(r, 51, "5"), ["BTC_PRIVATE_KEY", "WIF"], "WIF private key")
    fm("nostr-nsec", key, "nsec1{q58}", ["NOSTR_NSEC"], "nostr secret key")
    fm("jwk-private-d", key, "{w43}", ["JWK_D"], "JWK private exponent", only={"jwk"})
    # ---- auth headers / tokens
    fm("jwt-hs256", auth, lambda r: jwt(r, "HS256", {"sub": str(r.randint(1000, 999999)), "email": "%s@%s.com" % (r.choice(WORDS), r.choice(["acme", "globex"])),
       "role": r.choice(["admin", "user", "ops"]), "iat": ts(r), "exp": ts(r) + 3600}), ["ACCESS_TOKEN", "JWT", "AUTH_TOKEN"], "JWT", w=2)
    fm("jwt-rs256", auth, lambda r: jwt(r, "RS256", {"iss": "https://login.%s.com/" % r.choice(["acme", "nordwind"]), "sub": uuid4(r), "aud": "api://default",
       "iat": ts(r), "exp": ts(r) + 3600, "scp": ["openid", "profile", "orders.read"]}, kid=True), ["ID_TOKEN", "ACCESS_TOKEN"], "OIDC token", w=2)
    fm("jwt-es256", auth, lambda r: jwt(r, "ES256", {"sub": rnd(r, 12, "L"), "iat": ts(r), "exp": ts(r) + 900, "tenant": r.choice(WORDS)}), ["SESSION_TOKEN"], "JWT")
    fm("basic-auth-header", auth, lambda r: b64(("%s:%s" % (_u(r), any_pw(r))).encode()), ["Authorization"], "basic auth",
       wrap=W("Basic §"), w=2)
    fm("bearer-opaque-token", auth, lambda r: rnd(r, r.choice([32, 40, 48, 64]), "w"), ["Authorization"], "bearer token", wrap=W("Bearer §"), w=1.5)
    fm("url-query-api-key", auth, lambda r: rnd(r, 32, "h"), ["WEATHER_ENDPOINT", "API_URL"], "API URL with key",
       wrap=WR("https://api.openweathermap.org/data/2.5/weather?q=Berlin&appid=§", "https://api.{n}.com/v2/export?api_key=§&format=csv",
               "https://maps.{n}.net/geocode?address=Main+St&key=§&sensor=false"))
    fm("oauth-refresh-token", auth, "{w64}", ["REFRESH_TOKEN", "refresh_token"], "OAuth refresh token")
    fm("oauth-client-secret", auth, "{w40}", ["CLIENT_SECRET", "OAUTH_CLIENT_SECRET"], "OAuth client secret", w=2)
    fm("x-api-key-header", auth, lambda r: rnd(r, r.choice([32, 40]), "a"), ["X-API-Key", "x-api-key"], "API key", w=1.5)
    # ---- generic, by context
    fm("password-human", gen_, human_pw, ["DB_PASSWORD", "ADMIN_PASSWORD", "SMTP_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD",
       "REDIS_PASSWORD", "LDAP_BIND_PASSWORD", "KEYSTORE_PASSWORD", "MAIL_PASSWORD", "password"], "password", w=6)
    fm("password-random", gen_, rand_pw, ["DB_PASSWORD", "DB_PASS", "PASSWORD", "RABBITMQ_PASSWORD", "ELASTIC_PASSWORD", "db_pwd", "pwd",
       "passwd", "SFTP_PASSWORD", "MONGO_INITDB_ROOT_PASSWORD"], "password", w=5)
    fm("password-alnum", gen_, lambda r: rnd(r, r.randint(16, 28)), ["DB_PASSWORD", "ADMIN_PASS", "SERVICE_PASSWORD", "VNC_PASSWORD", "userPassword"], "password", w=3)
    fm("passphrase", gen_, passphrase, ["KEY_PASSPHRASE", "GPG_PASSPHRASE", "SSH_PASSPHRASE", "BACKUP_PASSPHRASE", "RESTIC_PASSWORD"], "passphrase", w=2)
    fm("password-non-ascii", gen_, nonascii_pw, ["DB_PASSWORD", "PASSWORT", "SENHA", "CONTRASENA", "password"], "password", w=1.5)
    fm("secret-key-hex", gen_, lambda r: rnd(r, r.choice([32, 64]), "h"), ["SECRET_KEY", "APP_SECRET", "SESSION_SECRET", "COOKIE_SECRET"], "secret key", w=2)
    fm("secret-key-b64", gen_, lambda r: b64(rbytes(r, 32)), ["ENCRYPTION_KEY", "JWT_SECRET", "NEXTAUTH_SECRET", "AUTH_SECRET", "MASTER_KEY"], "secret", w=2)
    fm("django-secret-key", gen_, lambda r: ("django-insecure-" if r.random() < 0.25 else "") + rnd(r, 50, LO + DG + "!@#%^&*(-_=+)"), ["SECRET_KEY", "DJANGO_SECRET_KEY"], "Django SECRET_KEY")
    fm("rails-secret-key-base", gen_, "{h128}", ["SECRET_KEY_BASE"], "Rails secret_key_base")
    fm("rails-master-key", gen_, "{h32}", ["RAILS_MASTER_KEY"], "Rails master key")
    fm("laravel-app-key", gen_, lambda r: "base64:" + b64(rbytes(r, 32)), ["APP_KEY"], "Laravel APP_KEY")
    fm("symfony-app-secret", gen_, "{h32}", ["APP_SECRET"], "Symfony APP_SECRET")
    fm("flask-secret-key", gen_, lambda r: rnd(r, 48, "w"), ["FLASK_SECRET_KEY", "SECRET_KEY"], "Flask secret key")
    fm("wordpress-salt", gen_, lambda r: rnd(r, 64, UP + LO + DG + "!@#%^&*()-_=+[]{};:<>,.?/|~"), ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_SALT"],
       "WordPress salt", only={"php"})
    fm("jwt-signing-secret", gen_, lambda r: r.choice([human_pw, lambda r: rnd(r, 40, "w"), passphrase])(r), ["JWT_SECRET", "JWT_SIGNING_KEY", "TOKEN_SECRET"], "JWT secret", w=2)
    fm("webhook-signing-secret", gen_, lambda r: rnd(r, 40, "a"), ["WEBHOOK_SECRET", "GITHUB_WEBHOOK_SECRET", "SIGNING_SECRET"], "webhook secret", w=1.5)
    fm("api-key-generic-hex", gen_, lambda r: rnd(r, r.choice([32, 40, 64]), "h"), ["API_KEY", "PARTNER_API_KEY", "INTERNAL_API_KEY", "apiKey", "ACCESS_KEY"], "API key", w=2.5)
    fm("api-key-generic-alnum", gen_, lambda r: rnd(r, r.choice([24, 32, 40])), ["API_KEY", "VENDOR_API_KEY", "apiKey", "SERVICE_KEY"], "API key", w=2.5)
    fm("token-generic", gen_, lambda r: rnd(r, r.choice([32, 40, 48]), "w"), ["AUTH_TOKEN", "ACCESS_TOKEN", "SERVICE_TOKEN", "BOT_TOKEN"], "token", w=2.5)
    fm("client-secret-generic", gen_, lambda r: rnd(r, r.choice([32, 48]), "w"), ["CLIENT_SECRET", "OIDC_CLIENT_SECRET", "KEYCLOAK_CLIENT_SECRET"], "client secret", w=2)
    fm("encryption-key-hex-256", gen_, "{h64}", ["ENCRYPTION_KEY", "AES_KEY", "DATA_KEY"], "encryption key")
    fm("private-key-password", gen_, human_pw, ["PRIVATE_KEY_PASSWORD", "SIGNING_KEY_PASSWORD", "storePassword", "keyPassword"], "key password")
    fm("ldap-bind-password", gen_, rand_pw, ["LDAP_BIND_PASSWORD", "bindPassword", "LDAP_ADMIN_PASSWORD"], "LDAP bind password")
    fm("smtp-password", gen_, lambda r: rnd(r, 16, "l"), ["SMTP_PASSWORD", "EMAIL_HOST_PASSWORD", "MAIL_PASSWORD"], "SMTP app password")
    fm("ansible-become-password", gen_, human_pw, ["ansible_become_password", "ansible_password", "ansible_ssh_pass"], "become password", only={"ansible"})
    # ---- shell-only presentations (the value after the flag)
    fm("mysql-cli-password", db, rand_pw, ["mysql"], "mysql -p", only={"sh"})
    fm("pgpassword-env", db, any_pw, ["PGPASSWORD"], "PGPASSWORD", only={"sh"})
    fm("docker-login-password", pk, lambda r: r.choice([rand_pw, human_pw])(r), ["docker"], "docker login -p", only={"sh"})
    fm("kubectl-from-literal", infra, any_pw, ["kubectl"], "kubectl --from-literal", only={"sh"})
    fm("sshpass-password", gen_, human_pw, ["sshpass"], "sshpass -p", only={"sh"})
    fm("curl-user-password", auth, rand_pw, ["curl"], "curl -u", only={"sh"})
    fm("htpasswd-cli-password", gen_, human_pw, ["htpasswd"], "htpasswd -b", only={"sh"})
    fm("redis-cli-password", db, rand_pw, ["redis-cli"], "redis-cli -a", only={"sh"})
    fm("openssl-passout", key, passphrase, ["openssl"], "openssl -passout", only={"sh"})
    fm("git-remote-token-url", v, lambda r: crc_token(r, "ghp_"), ["git"], "git remote with token", only={"sh"})
    fm("gh-auth-token-stdin", v, lambda r: crc_token(r, "gho_"), ["gh"], "gh auth login --with-token", only={"sh"})


FMTS()


# ----------------------------------------------------------------------------------------------------------------
# hard negatives
# ----------------------------------------------------------------------------------------------------------------
CODE = {"py", "js", "ts", "go", "java", "kt", "cs", "rb", "php", "rs", "swift"}
SECRET_NAMES = ["DB_PASSWORD", "API_KEY", "SECRET_KEY", "AUTH_TOKEN", "STRIPE_SECRET_KEY", "OPENAI_API_KEY", "GITHUB_TOKEN",
                "AWS_SECRET_ACCESS_KEY", "SLACK_WEBHOOK_URL", "JWT_SECRET", "CLIENT_SECRET", "SMTP_PASSWORD", "REDIS_PASSWORD",
                "ANTHROPIC_API_KEY", "SENTRY_AUTH_TOKEN", "NPM_TOKEN", "DATADOG_API_KEY", "ENCRYPTION_KEY", "ADMIN_PASSWORD",
                "POSTGRES_PASSWORD", "TWILIO_AUTH_TOKEN", "SENDGRID_API_KEY", "VAULT_TOKEN", "ACCESS_TOKEN", "PRIVATE_KEY_PASSWORD"]


class NG:
    __slots__ = ("name", "value", "sub", "disputed", "raw", "say", "ml")

    def __init__(self, name, value, sub, disputed=False, raw=False, say=None):
        self.name, self.value, self.sub, self.disputed, self.raw, self.say = name, value, sub, disputed, raw, say
        self.ml = "\n" in value


NEGS = []   # (class, weight, fn(r, lang) -> NG or None)


def neg(cls, w=1.0):
    def deco(fn):
        NEGS.append((cls, w, fn))
        return fn
    return deco


def sn(r):
    return r.choice(SECRET_NAMES)


@neg("ref-ci-secret", 1.2)
def _(r, lang):
    n = sn(r)
    k = r.randrange(5)
    if k < 3:
        return NG(n, "${{ secrets.%s }}" % n, "github-actions", raw=True, say="set it from the repo settings, the workflow reads § at runtime")
    if k == 3:
        return NG(n, "$" + r.choice(["CI_JOB_TOKEN", "CI_REGISTRY_PASSWORD", "DOCKER_AUTH_CONFIG", n]), "gitlab-variable", raw=True)
    return NG(n, "$(" + n + ")", "azure-pipelines", raw=True)


@neg("ref-env-var", 1.5)
def _(r, lang):
    n = sn(r)
    if lang in CODE:
        return None
    v = r.choice(["${%s}" % n, "$%s" % n, "${%s:-}" % n, "${%s:?%s is required}" % (n, n), "%%%s%%" % n, "$env:%s" % n, "${env:%s}" % n,
                  "${%s}" % n.lower().replace("_", ".")])
    return NG(n, v, "shell-style" if v[0] == "$" else "other", raw=True, say="the value comes from § in the environment")


@neg("ref-command-substitution", 0.8)
def _(r, lang):
    if lang in CODE or lang in ("json", "xml", "properties"):
        return None
    n = sn(r)
    v = r.choice(["$(cat /run/secrets/%s)" % n.lower(), "$(vault kv get -field=password secret/prod/db)",
                  "$(aws secretsmanager get-secret-value --secret-id prod/app --query SecretString --output text)",
                  "$(op read op://Engineering/Postgres/password)", "`pass show infra/%s`" % n.lower(),
                  "$(gcloud secrets versions access latest --secret=%s)" % n.lower().replace("_", "-"),
                  "$(kubectl get secret app -o jsonpath='{.data.password}' | base64 -d)", "$(security find-generic-password -s npm -w)"])
    return NG(n, v, "shell", raw=True)


@neg("ref-template", 1.2)
def _(r, lang):
    n = sn(r)
    low = n.lower()
    v, sub = r.choice([("{{ .Values.%s }}" % low.replace("_", "."), "helm"), ("{{ vault_%s }}" % low, "jinja"),
                       ("{{ lookup('env', '%s') }}" % n, "ansible"), ("<%%= ENV['%s'] %%>" % n, "erb"),
                       ('{{ env "%s" }}' % n, "go-template"), ("#{%s}#" % n, "token-replace"), ("@%s@" % n, "maven-filter"),
                       ("{{%s}}" % low, "postman"), ("$__env{%s}" % n, "grafana"), ("%%(%s)s" % low, "python-format"),
                       ("${var.%s}" % low, "terraform")])
    if lang in CODE and sub not in ("python-format",):
        return None
    return NG(n, v, sub, raw=lang not in ("json", "yaml", "xml"))


@neg("ref-env-lookup", 1.5)
def _(r, lang):
    if lang not in CODE:
        return None
    n = sn(r)
    v = {"py": ['os.getenv("%s")' % n, 'os.environ["%s"]' % n, "os.environ.get('%s', '')" % n, 'env("%s")' % n],
         "js": ["process.env.%s" % n, "process.env['%s'] ?? ''" % n, "import.meta.env.VITE_%s" % n],
         "ts": ["process.env.%s!" % n, "process.env.%s ?? ''" % n], "go": ['os.Getenv("%s")' % n],
         "java": ['System.getenv("%s")' % n, '@Value("${%s}")' % n.lower().replace("_", ".")],
         "kt": ['System.getenv("%s")' % n], "cs": ['Environment.GetEnvironmentVariable("%s")' % n, 'builder.Configuration["%s"]' % n],
         "rb": ["ENV['%s']" % n, "ENV.fetch('%s')" % n, "Rails.application.credentials.dig(:%s)" % n.lower()],
         "php": ["getenv('%s')" % n, "env('%s')" % n, "$_ENV['%s']" % n], "rs": ['std::env::var("%s")?' % n, 'env!("%s")' % n],
         "swift": ['ProcessInfo.processInfo.environment["%s"] ?? ""' % n]}[lang]
    return NG(n, r.choice(v), lang, raw=True)


@neg("ref-secret-manager", 1.2)
def _(r, lang):
    n = sn(r)
    v, sub = r.choice([("vault:secret/data/prod/app#%s" % n.lower(), "vault"), ("op://Production/%s/credential" % n.title().replace("_", ""), "1password"),
                       ("arn:aws:secretsmanager:eu-west-1:%d:secret:prod/app/%s-%s" % (r.randint(10 ** 11, 10 ** 12 - 1), n.lower(), rnd(r, 6)), "aws-arn"),
                       ("projects/acme-prod/secrets/%s/versions/latest" % n.lower().replace("_", "-"), "gcp-secret-manager"),
                       ("@Microsoft.KeyVault(SecretUri=https://kv-prod-weu.vault.azure.net/secrets/%s/)" % n.title().replace("_", ""), "azure-keyvault"),
                       ("ssm:/prod/app/%s" % n.lower(), "ssm"), ("{{resolve:secretsmanager:prod/db:SecretString:password}}", "cloudformation"),
                       ("ref+vault://secret/app#/%s" % n.lower(), "vals"), ("sm://acme-prod/%s" % n.lower(), "berglas"),
                       ("arn:aws:ssm:us-east-1:%d:parameter/prod/%s" % (r.randint(10 ** 11, 10 ** 12 - 1), n.lower()), "aws-arn")])
    return NG(n, v, sub)


@neg("placeholder", 3)
def _(r, lang):
    n = sn(r)
    v, sub = r.choice([("your-api-key-here", "your"), ("<YOUR_%s>" % n, "angle"), ("<token>", "angle"), ("xxxxxxxxxxxxxxxxxxxxxxxx", "xxx"),
                       ("********", "stars"), ("REDACTED", "redacted"), ("[REDACTED]", "redacted"), ("<redacted>", "redacted"),
                       ("changeme", "changeme-example"), ("CHANGE_ME", "changeme-example"), ("sk-...", "ellipsis"), ("sk_live_...", "ellipsis"),
                       ("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "xxx"), ("AKIAXXXXXXXXXXXXXXXX", "xxx"), ("replace-me", "replace"),
                       ("<insert password here>", "angle"), ("YOUR_%s" % n, "your"), ("your_%s" % n.lower(), "your"), ("TODO", "todo"),
                       ("__REPLACE_ME__", "replace"), ("xoxb-your-bot-token", "your"), ("sk-ant-xxxxxxxx", "xxx"), ("•••••••••••", "bullets"),
                       ("example-token-do-not-use", "example"), ("test", "test"), ("dummy", "dummy"), ("<password>", "angle"),
                       ("{{ placeholder }}", "braces"), ("0000000000000000", "zeros"), ("null", "null"), ("none", "null")])
    return NG(n, v, sub, say="put your key here: §")


@neg("masked", 1.5)
def _(r, lang):
    n = sn(r)
    k = r.randrange(8)
    tail = rnd(r, 4, "a")
    v = ["sk-proj-…" + tail, "****" + rnd(r, 4, "d"), "ghp_" + "*" * 32 + tail, "AKIA" + "*" * 12 + rnd(r, 4, "U"), "xoxb-***-***-" + "*" * 8,
         "sk_live_••••••••" + tail, "hvs.****************" + tail, "pk-…" + tail][k]
    return NG(n, v, "masked", say="the dashboard shows the key as § (masked)")


@neg("git-sha", 1.5)
def _(r, lang):
    full = rnd(r, 40, "h")
    if r.random() < 0.35:
        return NG("COMMIT_SHA", full[:r.choice([7, 8, 10, 12])], "short", say="fixed in §")
    return NG(r.choice(["GIT_COMMIT", "commit", "revision", "sha", "SOURCE_VERSION", "ref"]), full, "full", say="commit §")


@neg("digest", 1.5)
def _(r, lang):
    k = r.randrange(7)
    if k == 0:
        return NG("image_digest", "sha256:" + rnd(r, 64, "h"), "oci-digest")
    if k == 1:
        return NG("checksum", rnd(r, 64, "h"), "sha256-hex", say="SHA256 checksum: §")
    if k == 2:
        return NG("md5", rnd(r, 32, "h"), "md5-hex", say="md5sum §")
    if k == 3:
        return NG("go_sum", "h1:" + b64(rbytes(r, 32)), "go-sum")
    if k == 4:
        return NG("hash", "sha256:" + rnd(r, 64, "h"), "pip-hash")
    if k == 5:
        return NG("etag", rnd(r, 40, "h"), "sha1-hex", say="ETag: §")
    return NG("cache_key", "v1-deps-" + rnd(r, 64, "h"), "cache-key")


@neg("sri-integrity", 0.8)
def _(r, lang):
    alg = r.choice(["sha512", "sha384"])
    return NG("integrity", alg + "-" + b64(rbytes(r, 64 if alg == "sha512" else 48)), alg)


@neg("uuid", 1.5)
def _(r, lang):
    return NG(r.choice(["tenant_id", "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "order_id", "correlation_id", "workspace_id", "installation_id",
                        "device_id", "subscription_id", "project_id"]), uuid4(r), "uuid", say="id §")


@neg("request-id", 1.5)
def _(r, lang):
    k = r.randrange(9)
    vals = [("traceparent", "00-%s-%s-01" % (rnd(r, 32, "h"), rnd(r, 16, "h")), "traceparent"),
            ("x-request-id", "req_" + rnd(r, 24, "a"), "anthropic-request-id"),
            ("x-request-id", "req_" + rnd(r, 32, "h"), "openai-request-id"),
            ("cf-ray", "%s-%s" % (rnd(r, 16, "h"), r.choice(["FRA", "AMS", "IAD", "NRT", "GRU"])), "cf-ray"),
            ("RequestId", uuid4(r), "aws-request-id"), ("id", "01" + rnd(r, 24, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"), "ulid"),
            ("id", "msg_01" + rnd(r, 22, "a"), "anthropic-message-id"), ("id", "chatcmpl-" + rnd(r, 29, "a"), "openai-completion-id"),
            ("span_id", rnd(r, 16, "h"), "span-id")]
    n, v, sub = vals[k]
    return NG(n, v, sub, say="request id §")


@neg("public-key", 1.0)
def _(r, lang):
    k = r.randrange(5)
    if k == 0 and lang not in ("properties", "env", "ini"):
        return NG("PUBLIC_KEY", pubkey_pem(r), "pem-public-key")
    if k == 1:
        return NG("age_recipient", "age1" + rnd(r, 58, "q"), "age-recipient")
    if k == 2:
        return NG("PublicKey", b64(rbytes(r, 32)), "wireguard-public-key")
    return NG("ssh_authorized_key", ssh_pub(r) + " " + r.choice(["deploy@ci", "jane@laptop", "ops"]), "ssh-public-key")


@neg("certificate", 0.7)
def _(r, lang):
    if r.random() < 0.5 and lang not in ("properties", "env", "ini"):
        return NG("ca_cert", cert_pem(r), "pem-certificate")
    return NG("certificate-authority-data", b64((cert_pem(r) + "\n").encode()), "base64-certificate")


@neg("publishable-key", 1.5)
def _(r, lang):
    vals = [("STRIPE_PUBLISHABLE_KEY", "pk_live_51" + rnd(r, 97), "stripe-pk-live"), ("NEXT_PUBLIC_STRIPE_KEY", "pk_test_51" + rnd(r, 97), "stripe-pk-test"),
            ("MAPBOX_ACCESS_TOKEN", mapbox(r, "pk"), "mapbox-pk"), ("NEW_RELIC_BROWSER_KEY", "NRJS-" + rnd(r, 19, "h"), "newrelic-browser"),
            ("POSTHOG_KEY", "phc_" + rnd(r, 43), "posthog-project-key"),
            ("SUPABASE_ANON_KEY", jwt(r, "HS256", {"iss": "supabase", "ref": rnd(r, 20, "l"), "role": "anon", "iat": ts(r), "exp": ts(r) + 315360000}), "supabase-anon"),
            ("SUPABASE_PUBLISHABLE_KEY", "sb_publishable_" + rnd(r, 31, "w"), "supabase-publishable"), ("RAZORPAY_KEY_ID", "rzp_live_" + rnd(r, 14), "razorpay-key-id"),
            ("ALGOLIA_SEARCH_KEY", rnd(r, 32, "h"), "algolia-search-only"), ("STATSIG_CLIENT_KEY", "client-" + rnd(r, 43), "statsig-client"),
            ("SENTRY_DSN", "https://%s@o%d.ingest.sentry.io/%d" % (rnd(r, 32, "h"), r.randint(10 ** 5, 10 ** 7), r.randint(10 ** 6, 10 ** 7)), "sentry-dsn"),
            ("RECAPTCHA_SITE_KEY", "6L" + rnd(r, 38, "w"), "recaptcha-site-key"), ("LD_CLIENT_SIDE_ID", rnd(r, 24, "h"), "launchdarkly-client-id"),
            ("LANGFUSE_PUBLIC_KEY", "pk-lf-" + uuid4(r), "langfuse-public"), ("CLERK_PUBLISHABLE_KEY", "pk_live_" + b64(b"clerk.acme-shop.com$").rstrip("="), "clerk-publishable")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub, disputed=True, say="the frontend uses §, which is public")


@neg("base64-data", 1.2)
def _(r, lang):
    k = r.randrange(5)
    if k == 0:
        return NG("cursor", b64(json.dumps({"page": r.randint(2, 80), "after": r.randint(1000, 99999)}).encode()), "pagination-cursor")
    if k == 1:
        return NG("icon", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQ" + b64(rbytes(r, r.randint(60, 180))), "data-uri-png")
    if k == 2:
        return NG("config.json", b64(json.dumps({"logLevel": "info", "region": "eu-west-1", "features": ["search", "export"]}).encode()), "configmap-binary")
    if k == 3:
        return NG("message", b64(r.choice(["Hello from the build pipeline", "deploy finished for release 4.2", "nightly export complete"]).encode()), "text")
    return NG("state", b64u(json.dumps({"returnTo": "/dashboard", "nonce": r.randint(1, 10 ** 6)}).encode()), "oauth-state")


@neg("minified-js", 0.8)
def _(r, lang):
    k = r.randrange(4)
    if k == 0:
        return NG("buildId", rnd(r, 21, "w"), "next-build-id")
    if k == 1:
        return NG("chunk", "static/chunks/pages/_app-%s.js" % rnd(r, 16, "h"), "chunk-hash")
    if k == 2:
        return NG("className", "_%s_%s_%d" % (r.choice(["button", "card", "nav"]), rnd(r, 5, "L"), r.randint(1, 99)), "css-module")
    return NG("webpackHash", rnd(r, 20, "h"), "webpack-hash")


@neg("css-color", 0.5)
def _(r, lang):
    return NG(r.choice(["primary", "accent", "background", "--brand-color"]), "#" + rnd(r, r.choice([6, 8]), "h"), "hex-color")


@neg("object-id", 1.5)
def _(r, lang):
    vals = [("customer", "cus_" + rnd(r, 14), "stripe-customer", False), ("payment_intent", "pi_" + rnd(r, 24), "stripe-payment-intent", False),
            ("event", "evt_" + rnd(r, 24), "stripe-event", False), ("channel", "C0" + rnd(r, 9, "U"), "slack-channel", False),
            ("user_id", str(r.randint(10 ** 17, 10 ** 19 - 1)), "discord-snowflake", False), ("AWS_ACCOUNT_ID", str(r.randint(10 ** 11, 10 ** 12 - 1)), "aws-account", False),
            ("instance_id", "i-0" + rnd(r, 16, "h"), "ec2-instance", False), ("vpc_id", "vpc-0" + rnd(r, 16, "h"), "vpc", False),
            ("_id", rnd(r, 24, "h"), "mongo-objectid", False), ("message_sid", "SM" + rnd(r, 32, "h"), "twilio-message-sid", True),
            ("base_id", "app" + rnd(r, 14), "airtable-base", False), ("file_id", "1" + rnd(r, 32, "w"), "drive-file-id", False),
            ("node_id", "MDQ6VXNlcj" + rnd(r, 6, "a") + "=", "github-node-id", False), ("accessor", rnd(r, 24, "a"), "vault-accessor", True),
            ("tool_use_id", "toolu_01" + rnd(r, 22, "a"), "tool-use-id", False), ("call_id", "call_" + rnd(r, 24, "a"), "openai-call-id", False)]
    n, v, sub, d = r.choice(vals)
    return NG(n, v, sub, disputed=d)


@neg("version-string", 1.0)
def _(r, lang):
    vals = ["%d.%d.%d" % (r.randint(0, 9), r.randint(0, 40), r.randint(0, 30)), "v%d.%d.%d-rc.%d+build.%d" % (r.randint(1, 5), r.randint(0, 20), r.randint(0, 9), r.randint(1, 4), r.randint(100, 9999)),
            "v0.0.0-%d%02d%02d%06d-%s" % (r.randint(2021, 2025), r.randint(1, 12), r.randint(1, 28), r.randint(0, 235959), rnd(r, 12, "h")),
            "python:3.12.%d-slim-bookworm" % r.randint(0, 9), "%d.%d.%d-SNAPSHOT" % (r.randint(1, 4), r.randint(0, 9), r.randint(0, 9)),
            "node:20.%d.%d-alpine3.19" % (r.randint(0, 18), r.randint(0, 3))]
    return NG(r.choice(["version", "VERSION", "image", "tag", "APP_VERSION"]), r.choice(vals), "version")


@neg("file-path", 1.5)
def _(r, lang):
    vals = [("DB_PASSWORD_FILE", "/run/secrets/db_password"), ("ssl_key", "/etc/ssl/private/server.key"), ("IdentityFile", "~/.ssh/id_ed25519"),
            ("credentials_file", "C:\\Users\\dev\\.aws\\credentials"), ("TOKEN_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token"),
            ("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/gcp/service-account.json"), ("keystore", "src/main/resources/keystore.p12"),
            ("secrets_file", "config/secrets.prod.enc.yaml"), ("PRIVATE_KEY_PATH", "./certs/private-key.pem"), ("api_key_file", "/etc/app/api_key")]
    n, v = r.choice(vals)
    return NG(n, v, "path")


@neg("url-no-credentials", 1.5)
def _(r, lang):
    vals = [("DATABASE_URL", "postgres://%s@%s:5432/%s" % (_u(r), _h(r), _db(r)), "db-url-no-password"),
            ("REDIS_URL", "redis://redis:6379/0", "redis-url"), ("MONGO_URL", "mongodb://mongo:27017/%s" % _db(r), "mongo-url"),
            ("API_BASE_URL", "https://api.%s.com/v1" % r.choice(["acme", "stripe", "openai", "anthropic"]), "api-url"),
            ("AMQP_URL", "amqp://rabbitmq:5672/%2F", "amqp-url"), ("ISSUER", "https://login.microsoftonline.com/%s/v2.0" % uuid4(r), "oidc-issuer"),
            ("repository", "https://github.com/%s/%s.git" % (r.choice(["acme", "nordwind"]), r.choice(["api", "infra", "web"])), "git-url"),
            ("WEBHOOK_PATH", "/hooks/github", "path-only")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub)


@neg("password-policy", 0.8)
def _(r, lang):
    vals = [("PASSWORD_MIN_LENGTH", "12", "min-length"), ("password_regex", r"^(?=.*[A-Z])(?=.*\d)(?=.*[^\w\s]).{12,}$", "regex"),
            ("passwordPolicy", "Password must be at least 12 characters and contain a digit and a symbol.", "text"),
            ("password_expiry_days", "90", "expiry"), ("PASSWORD_HASHER", "argon2", "hasher-name"),
            ("password_hint", "Use a passphrase of four or more words.", "text")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub)


@neg("ui-label", 1.0)
def _(r, lang):
    vals = ["Password:", "Forgot your password?", "Enter your API key", "Show password", "Confirm password", "API key copied to clipboard",
            "Regenerate token", "Your session token has expired. Please sign in again.", "Secret key (keep this safe)", "Reset password"]
    return NG(r.choice(["password_label", "placeholder", "apiKeyLabel", "tokenHint", "title"]), r.choice(vals), "ui-text")


@neg("i18n-string", 1.0)
def _(r, lang):
    vals = [("login.password", "Passwort"), ("login.password", "Mot de passe"), ("login.password", "Contraseña"), ("login.password", "密码"),
            ("login.password", "パスワード"), ("login.password", "비밀번호"), ("login.password", "Пароль"), ("settings.apiKey", "Clé API"),
            ("settings.apiKey", "API-Schlüssel"), ("settings.token", "Token di accesso"), ("auth.secret", "Chave secreta"), ("login.password", "Şifre"),
            ("login.password", "Hasło"), ("login.password", "कूटशब्द"), ("login.password", "Kata sandi"), ("login.password", "Mật khẩu"),
            ("login.password", "كلمة المرور"), ("login.password", "Wachtwoord"), ("login.password", "Lösenord")]
    n, v = r.choice(vals)
    return NG(n, v, "translation")


@neg("env-var-name", 1.2)
def _(r, lang):
    n = sn(r)
    return NG("required_env", n, "name-only", say="make sure § is set before starting the server")


@neg("function-name", 1.2)
def _(r, lang):
    n = sn(r).lower()
    camel = n.split("_")[0] + "".join(p.capitalize() for p in n.split("_")[1:])
    vals = {"py": ["get_%s()" % n, "load_secret('%s')" % n, "settings.%s" % n.upper(), "generate_token()", "secrets.token_urlsafe(32)"],
            "js": ["get%s()" % camel[0].upper() + camel[1:], "await loadSecret('%s')" % n, "config.%s" % camel, "crypto.randomBytes(32).toString('hex')"],
            "ts": ["getSecret('%s')" % n, "config.get<string>('%s')" % camel], "go": ["cfg.%s" % camel.capitalize(), "secrets.Get(ctx, \"%s\")" % n],
            "java": ["props.get%s()" % camel.capitalize(), "secretClient.getSecret(\"%s\").getValue()" % n],
            "kt": ["BuildConfig.%s" % n.upper(), "secrets.getValue(\"%s\")" % n], "cs": ["_options.Value.%s" % camel.capitalize(), "await client.GetSecretAsync(\"%s\")" % n],
            "rb": ["Rails.application.credentials.%s" % n, "SecureRandom.hex(32)"], "php": ["config('services.%s')" % n, "bin2hex(random_bytes(32))"],
            "rs": ["config.%s.clone()" % n, "load_secret(\"%s\")?" % n], "swift": ["Keychain.read(\"%s\")" % n]}
    if lang in vals:
        return NG(sn(r), r.choice(vals[lang]), "call-value", raw=True)
    return NG("handler", r.choice(["getApiKey", "resetPassword", "rotate_secret_key", "validateToken", "refresh_access_token", "hashPassword"]), "function-name",
              say="the bug is in § when the cache is cold")


@neg("gateway-token", 1.5)
def _(r, lang):
    n = sn(r)
    return NG(n, "__TAKUMO_v1_%s_%s__" % (r.choice(["KEY", "SECRET", "TOKEN", "CONN", "PASSWORD", "PRIVATE_KEY", "JWT", "URL"]), rnd(r, 8, "h")),
              "takumo-token", say="the gateway gave me § instead of the key")


DOC_EXAMPLES = [("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe-docs"),
                ("TOKEN", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "jwt-io"),
                ("SLACK_BOT_TOKEN", "xoxb-not-a-real-token-this-will-not-work", "slack-docs"),
                ("AZURE_STORAGE_KEY", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "azurite-well-known"),
                ("AzureWebJobsStorage", "UseDevelopmentStorage=true", "azurite-shortcut"),
                ("TWILIO_ACCOUNT_SID", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "twilio-docs"),
                ("SENDGRID_API_KEY", "SG.xxxxxxxxxxxxxxxxxxxxxx.yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy", "sendgrid-docs"),
                ("GITHUB_TOKEN", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "github-docs"),
                ("MINIO_SECRET_KEY", "minioadmin", "minio-default"),
                ("LOCALSTACK_AWS_SECRET_ACCESS_KEY", "test", "localstack-default")]


@neg("doc-example", 1.0)
def _(r, lang):
    n, v, sub = r.choice(DOC_EXAMPLES)
    return NG(n, v, sub, disputed=True, say="the docs use § in their example")


@neg("default-password", 1.2)
def _(r, lang):
    n = r.choice(["POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "RABBITMQ_DEFAULT_PASS", "GF_SECURITY_ADMIN_PASSWORD", "MINIO_ROOT_PASSWORD",
                  "ADMIN_PASSWORD", "password", "db_password", "KEYCLOAK_ADMIN_PASSWORD"])
    v = r.choice(["admin", "changeme", "password", "postgres", "root", "guest", "minioadmin", "secret", "letmein", "admin123", "neo4j", "mysql", "pass"])
    return NG(n, v, "default", disputed=True)


@neg("password-hash", 1.2)
def _(r, lang):
    k = r.randrange(7)
    b = "./" + UP + LO + DG
    vals = [("$2b$12$" + rnd(r, 53, b), "bcrypt"), ("$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (b64(rbytes(r, 16)).rstrip("="), b64(rbytes(r, 32)).rstrip("=")), "argon2"),
            ("$6$rounds=5000$%s$%s" % (rnd(r, 16, b), rnd(r, 86, b)), "sha512crypt"), ("$apr1$%s$%s" % (rnd(r, 8, b), rnd(r, 22, b)), "apr1"),
            ("pbkdf2_sha256$600000$%s$%s" % (rnd(r, 22), b64(rbytes(r, 32))), "django-pbkdf2"), ("*" + rnd(r, 40, "H"), "mysql-native"),
            ("SCRAM-SHA-256$4096:%s$%s:%s" % (b64(rbytes(r, 16)), b64(rbytes(r, 32)), b64(rbytes(r, 32))), "postgres-scram")]
    v, sub = vals[k]
    return NG(r.choice(["password_hash", "hashed_password", "encrypted_password", "passwordHash", "PASSWORD_HASH"]), v, sub)


@neg("encrypted-value", 1.0)
def _(r, lang):
    k = r.randrange(6)
    if k == 0:
        return NG(sn(r), "ENC(%s)" % b64(rbytes(r, r.randint(24, 48))), "jasypt")
    if k == 1 and lang in ("yaml", "prose", "md", "log"):
        body = rnd(r, r.randint(300, 500), "h")
        return NG(sn(r).lower(), "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(body[i:i + 80] for i in range(0, len(body), 80)), "ansible-vault")
    if k == 2:
        return NG(sn(r).lower(), "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(r, r.randint(12, 40))), b64(rbytes(r, 32)), b64(rbytes(r, 16))), "sops")
    if k == 3:
        return NG(sn(r).lower(), "AgB" + b64(rbytes(r, r.randint(250, 400))), "sealed-secret")
    if k == 4:
        return NG(sn(r), "vault:v1:" + b64(rbytes(r, r.randint(40, 80))), "vault-transit")
    return NG(sn(r), "AQICAHh" + b64(rbytes(r, r.randint(120, 180))), "kms-ciphertext")


@neg("ip-address", 0.8)
def _(r, lang):
    v = r.choice(["10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255)), "192.168.%d.%d" % (r.randrange(256), r.randrange(1, 255)),
                  "172.%d.%d.%d:%d" % (r.randint(16, 31), r.randrange(256), r.randrange(1, 255), r.choice([5432, 6379, 8080, 9200])), "fd00:%x::%x" % (r.randrange(65536), r.randrange(65536))])
    return NG(r.choice(["DB_HOST", "bind_address", "REDIS_HOST", "upstream", "host"]), v, "private-ip")


@neg("short-or-empty", 1.0)
def _(r, lang):
    n = sn(r)
    v = r.choice(["", "''", '""', "null", "~", "abc", "x", "1", "-", "none"])
    if v == "":
        return NG(n, "", "empty")  # rendered as an empty value; nothing to label
    return NG(n, v, "short")


@neg("public-id", 1.2)
def _(r, lang):
    vals = [("GOOGLE_CLIENT_ID", "%d-%s.apps.googleusercontent.com" % (r.randint(10 ** 11, 10 ** 12 - 1), rnd(r, 32, "L")), "google-client-id"),
            ("GITHUB_CLIENT_ID", "Iv1." + rnd(r, 16, "h"), "github-app-client-id"), ("GITHUB_CLIENT_ID", "Ov23li" + rnd(r, 14), "github-oauth-client-id"),
            ("GITHUB_APP_ID", str(r.randint(100000, 999999)), "github-app-id"), ("STRIPE_ACCOUNT", "acct_1" + rnd(r, 15), "stripe-account"),
            ("APPLE_TEAM_ID", rnd(r, 10, "U"), "apple-team-id"), ("AWS_ACCESS_KEY_ID_NAME", "aws_access_key_id", "literal-name"),
            ("SLACK_CLIENT_ID", "%d.%d" % (r.randint(10 ** 11, 10 ** 12 - 1), r.randint(10 ** 12, 10 ** 13 - 1)), "slack-client-id"),
            ("AUTH0_CLIENT_ID", rnd(r, 32), "auth0-client-id"), ("client_id", uuid4(r), "oauth-client-id")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub)


@neg("key-id", 0.6)
def _(r, lang):
    vals = [("private_key_id", rnd(r, 40, "h"), "gcp-private-key-id"), ("kid", rnd(r, 43, "w"), "jwk-kid"), ("KMS_KEY_ID", uuid4(r), "kms-key-id"),
            ("fingerprint", "SHA256:" + b64(rbytes(r, 32)).rstrip("="), "ssh-fingerprint"), ("signing_key_id", rnd(r, 16, "H"), "gpg-key-id"),
            ("TOKEN_ACCESSOR", rnd(r, 24, "a"), "vault-accessor")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub, disputed=True)


@neg("content-hash", 0.8)
def _(r, lang):
    vals = [("asset", "app.%s.js" % rnd(r, 8, "h"), "filename-hash"), ("nonce", "nonce-" + b64(rbytes(r, 16)), "csp-nonce"),
            ("ETag", 'W/"%x-%s"' % (r.randrange(1 << 20), rnd(r, 27, "w")), "etag"), ("fontHash", rnd(r, 32, "h") + ".woff2", "font-hash")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub)


@neg("random-test-data", 1.0)
def _(r, lang):
    vals = [("sku", "SKU-%s-%s" % (rnd(r, 4, "U"), rnd(r, 4, "U")), "sku"), ("coupon", "%s-%d-%s" % (r.choice(["SUMMER", "WELCOME", "BF"]), r.randint(2020, 2026), rnd(r, 4, "U")), "coupon"),
            ("random_string", rnd(r, 12), "faker"), ("seed", str(r.randint(10 ** 8, 10 ** 10)), "seed"),
            ("license_plate", "%s-%s %d" % (rnd(r, 2, "u"), rnd(r, 2, "u"), r.randint(100, 9999)), "plate"), ("tracking_number", "1Z" + rnd(r, 16, "U"), "ups-tracking")]
    n, v, sub = r.choice(vals)
    return NG(n, v, sub)


@neg("memory-address", 0.4)
def _(r, lang):
    return NG("address", "0x%012x" % r.getrandbits(44), "pointer", say="object at §")


NEG_WEIGHT = {c: w for c, w, _ in NEGS}
NEG_FN = {c: fn for c, w, fn in NEGS}


# ----------------------------------------------------------------------------------------------------------------
# entries and the context that deals secrets and negatives evenly
# ----------------------------------------------------------------------------------------------------------------
class E:
    """one name/value entry for a config or code file"""
    __slots__ = ("name", "fr", "raw", "ml", "kind")

    def __init__(self, name, fr, raw=False, kind="plain"):
        self.name, self.fr, self.raw, self.kind = name, F(fr), raw, kind
        self.ml = "\n" in text(self.fr)


class Ctx:
    def __init__(self, r):
        self.r = r
        self.fcount = collections.Counter()
        self.ncount = collections.Counter()
        self.general = [f for f in FORMATS if f.only is None]
        self.general_sl = [f for f in self.general if not f.ml and not f.wrap is sa_wrap]
        self.neg_classes = [c for c, _, _ in NEGS]

    def _pick(self, cands, count, weight):
        r = self.r
        sample = r.sample(cands, min(len(cands), 7))
        return min(sample, key=lambda f: (count[f.name if hasattr(f, "name") else f] + r.random()) / weight(f))

    def fmt(self, ml_ok=True, pred=None, only=None):
        if only:
            cands = [f for f in FORMATS if f.only and only in f.only]
        else:
            cands = self.general if ml_ok else self.general_sl
            if pred:
                cands = [f for f in cands if pred(f)]
        f = self._pick(cands, self.fcount, lambda f: f.w)
        self.fcount[f.name] += 1
        return f

    def secret(self, ml_ok=True, pred=None, only=None, fmt=None):
        r = self.r
        f = FMT_BY_NAME[fmt] if fmt else self.fmt(ml_ok, pred, only)
        if fmt:
            self.fcount[f.name] += 1
        v = f.gen(r)
        fr = S(v, f.name, f.fam)
        if f.wrap:
            fr = f.wrap(r, fr)
        e = E(r.choice(f.names), fr, kind="secret")
        e.raw = False
        return e, f

    def sec(self, ml_ok=True, pred=None, only=None, fmt=None):
        return self.secret(ml_ok, pred, only, fmt)[0]

    def neg(self, lang, classes=None, ml_ok=True):
        r = self.r
        for _ in range(30):
            cands = classes or self.neg_classes
            c = min(r.sample(cands, min(len(cands), 6)), key=lambda c: (self.ncount[c] + r.random()) / NEG_WEIGHT[c])
            g = NEG_FN[c](r, lang)
            if g is None or (g.ml and not ml_ok):
                continue
            self.ncount[c] += 1
            fr = N(g.value, c, g.sub, g.disputed) if g.value else P("")
            e = E(g.name, fr, raw=g.raw, kind="neg")
            e.raw = g.raw
            return e, g
        return None, None

    def negs(self, lang, k, classes=None, ml_ok=True):
        out = []
        for _ in range(k):
            e, _g = self.neg(lang, classes, ml_ok)
            if e:
                out.append(e)
        return out

    def secs(self, k, ml_ok=True, pred=None):
        return [self.sec(ml_ok, pred) for _ in range(k)]

    def nsec(self):
        return self.r.choice([0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3])

    def nneg(self):
        return self.r.randint(3, 8)


PLAIN = [("PORT", "8080"), ("LOG_LEVEL", "info"), ("AWS_REGION", "eu-west-1"), ("TIMEOUT_MS", "3000"), ("APP_NAME", "billing-api"),
         ("NODE_ENV", "production"), ("DEBUG", "false"), ("DB_HOST", "db.internal"), ("DB_PORT", "5432"), ("DB_NAME", "orders"),
         ("DB_USER", "app"), ("CACHE_TTL", "300"), ("FEATURE_FLAGS", "search,export"), ("MAX_CONNECTIONS", "20"), ("SMTP_HOST", "smtp.mailgun.org"),
         ("SMTP_PORT", "587"), ("SENTRY_ENVIRONMENT", "production"), ("TZ", "Europe/Berlin"), ("WORKERS", "4"), ("BUCKET", "acme-exports"),
         ("QUEUE_NAME", "jobs-default"), ("RATE_LIMIT_PER_MIN", "600"), ("ALLOWED_HOSTS", "api.acme.io,localhost"), ("LOCALE", "de_DE.UTF-8"),
         ("MODEL", "claude-sonnet-4-5"), ("OPENAI_MODEL", "gpt-4.1-mini"), ("RETRY_COUNT", "3"), ("USE_TLS", "true")]


def plains(r, k):
    return [E(n, P(v)) for n, v in r.sample(PLAIN, k)]


def mix(r, *groups):
    out = [e for g in groups for e in g]
    r.shuffle(out)
    return out


# ----------------------------------------------------------------------------------------------------------------
# rendering entries in every syntax
# ----------------------------------------------------------------------------------------------------------------
def case(name, style):
    if style == "keep":
        return name
    parts = [p for p in re.split(r"[_\-.]+", name) if p]
    if not parts:
        return name
    if any(c.islower() for c in name) and "_" not in name and "-" not in name and "." not in name:
        parts = [p.lower() for p in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)] or [name]
    lw = [p.lower() for p in parts]
    if style == "upper":
        return "_".join(p.upper() for p in parts)
    if style == "snake":
        return "_".join(lw)
    if style == "camel":
        return lw[0] + "".join(p.capitalize() for p in lw[1:])
    if style == "pascal":
        return "".join(p.capitalize() for p in lw)
    if style == "kebab":
        return "-".join(lw)
    if style == "dot":
        return ".".join(lw)
    return name


def esc_c(fr, q='"', extra=""):
    def f(s):
        s = s.replace("\\", "\\\\").replace(q, "\\" + q).replace("\n", "\\n").replace("\t", "\\t")
        for ch in extra:
            s = s.replace(ch, "\\" + ch)
        return s
    return cat(q, fmap(fr, f), q)


def esc_single(fr, q="'"):
    return cat(q, fmap(fr, lambda s: s.replace("\\", "\\\\").replace(q, "\\" + q)), q)


def yaml_needs_quote(t):
    if t == "" or t[0] in "!&*{}[]|>'\"%@`#,?:-<= " or t[-1] == " ":
        return True
    if ": " in t or " #" in t or t.endswith(":") or t.lower() in ("true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"):
        return True
    return bool(re.fullmatch(r"[0-9][0-9._eE+-]*", t))


def yaml_val(fr, r, indent="  "):
    t = text(fr)
    if "\n" in t:
        return cat("|\n" + indent, fmap(fr, lambda s: s.replace("\n", "\n" + indent)))
    if yaml_needs_quote(t) or r.random() < 0.15:
        if "'" not in t and r.random() < 0.6:
            return cat("'", fr, "'")
        return cat('"', fmap(fr, lambda s: s.replace("\\", "\\\\").replace('"', '\\"')), '"')
    return fr


def sh_val(fr, r, raw=False):
    t = text(fr)
    if raw:
        return cat('"', fr, '"') if (" " in t or r.random() < 0.4) else fr
    if "\n" in t:
        return cat('"', fmap(fr, lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")), '"')
    if re.fullmatch(r"[A-Za-z0-9_./:@+=,%~-]+", t) and r.random() < 0.55:
        return fr
    if "'" not in t:
        return cat("'", fr, "'")
    return cat('"', fmap(fr, lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")), '"')


def env_val(fr, r, raw=False):
    t = text(fr)
    if raw:
        return fr
    if "\n" in t:
        if r.random() < 0.5:
            return cat('"', fr, '"')
        return cat('"', fmap(fr, lambda s: s.replace("\n", "\\n")), '"')
    if re.fullmatch(r"[A-Za-z0-9_./:@+=,%~!*?&;^-]*", t) and r.random() < 0.7:
        return fr
    if '"' not in t and "\\" not in t and r.random() < 0.5:
        return cat('"', fr, '"')
    if "'" not in t:
        return cat("'", fr, "'")
    return cat('"', fmap(fr, lambda s: s.replace("\\", "\\\\").replace('"', '\\"')), '"')


def xml_esc(fr):
    return fmap(fr, lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def code_str(lang, fr, r):
    """a string literal in a programming language"""
    t = text(fr)
    ml = "\n" in t
    if lang == "py":
        if ml and r.random() < 0.6:
            return cat('"""', fr, '"""')
        return esc_c(fr, r.choice(['"', "'"]))
    if lang in ("js", "ts"):
        if ml and r.random() < 0.6:
            return cat("`", fmap(fr, lambda s: s.replace("\\", "\\\\").replace("`", "\\`").replace("${", "\\${")), "`")
        return esc_c(fr, r.choice(['"', "'"]))
    if lang == "go":
        if ml or (r.random() < 0.2 and "`" not in t):
            return cat("`", fr, "`")
        return esc_c(fr)
    if lang == "java":
        if ml and r.random() < 0.5:
            return cat('"""\n', fr, '"""')
        return esc_c(fr)
    if lang == "kt":
        if ml:
            return cat('"""', fmap(fr, lambda s: s.replace("$", "${'$'}")), '"""')
        return esc_c(fr, '"', "$")
    if lang == "cs":
        if ml or r.random() < 0.2:
            return cat('@"', fmap(fr, lambda s: s.replace('"', '""')), '"')
        return esc_c(fr)
    if lang == "rb":
        return esc_single(fr) if (r.random() < 0.6 or ml) else esc_c(fr, '"', "#")
    if lang == "php":
        return esc_single(fr)
    if lang == "rs":
        if ml or r.random() < 0.2:
            return cat('r#"', fr, '"#')
        return esc_c(fr)
    if lang == "swift":
        if ml:
            return cat('"""\n', fmap(fr, lambda s: s.replace("\\", "\\\\")), '\n"""')
        return esc_c(fr)
    return esc_c(fr)


def kv(style, e, r, nc="keep", indent=""):
    """one entry in a given syntax (no trailing newline)"""
    n = case(e.name, nc)
    v = e.fr
    t = text(v)
    if style == "env":
        return cat(n, "=", env_val(v, r, e.raw))
    if style == "export":
        return cat("export ", n, "=", sh_val(v, r, e.raw))
    if style == "yaml":
        if t == "":
            return cat(indent, n, ":", r.choice(["", ' ""']))
        if e.raw and not (t[:1] in "{*%&!@`|>" or ": " in t or " #" in t):
            return cat(indent, n, ": ", v)
        return cat(indent, n, ": ", yaml_val(v, r, indent + "  "))
    if style == "toml":
        if "\n" in t:
            return cat(indent, n, ' = """\n', fmap(v, lambda s: s.replace("\\", "\\\\")), '"""')
        return cat(indent, n, " = ", esc_c(v) if ("\\" in t or '"' in t or r.random() < 0.7) else esc_single(v, "'") if "'" not in t else esc_c(v))
    if style == "ini":
        return cat(indent, n, r.choice([" = ", "=", " = "]), v)
    if style == "properties":
        return cat(n, r.choice(["=", " = ", ": "]), fmap(v, lambda s: s.replace("\\", "\\\\").replace("\n", "\\n")))
    if style == "xml-elem":
        return cat(indent, "<", n, ">", xml_esc(v), "</", n, ">")
    if style == "xml-add":
        return cat(indent, '<add key="', n, '" value="', xml_esc(v), '" />')
    if style == "hcl":
        if "\n" in t:
            return cat(indent, n, " = <<-EOT\n", v, "\n", indent, "EOT")
        return cat(indent, n, " = ", v if e.raw and t.startswith("var.") else esc_c(v))
    if style == "dockerfile":
        return cat(r.choice(["ENV ", "ARG "]), n, "=", sh_val(v, r, e.raw) if t else '""')
    if style == "prose":
        return cat(n, ": ", v)
    if style in CODE:
        val = v if e.raw else code_str(style, v, r)
        return code_assign(style, n, val, r, indent)
    raise ValueError(style)


def code_assign(lang, n, val, r, indent=""):
    if lang == "py":
        return cat(indent, n, " = ", val)
    if lang in ("js", "ts"):
        return cat(indent, r.choice(["const ", "export const ", "let "]), n, " = ", val, ";")
    if lang == "go":
        return cat(indent, n, " = ", val)
    if lang == "java":
        return cat(indent, "private static final String ", n, " = ", val, ";")
    if lang == "kt":
        return cat(indent, r.choice(["const val ", "val ", "private val "]), n, " = ", val)
    if lang == "cs":
        return cat(indent, r.choice(["private const string ", "public static readonly string ", "private readonly string "]), n, " = ", val, ";")
    if lang == "rb":
        return cat(indent, n, " = ", val)
    if lang == "php":
        if r.random() < 0.4:
            return cat(indent, "define('", n.upper(), "', ", val, ");")
        return cat(indent, "$", n, " = ", val, ";")
    if lang == "rs":
        return cat(indent, "const ", n, ": &str = ", val, ";")
    if lang == "swift":
        return cat(indent, r.choice(["let ", "static let ", "private let "]), n, " = ", val)
    raise ValueError(lang)


NAME_CASE = {"py": "upper", "js": "camel", "ts": "camel", "go": "pascal", "java": "upper", "kt": "camel", "cs": "pascal", "rb": "upper",
             "php": "snake", "rs": "upper", "swift": "camel"}


def block(style, entries, r, nc="keep", indent=""):
    return lines(*[kv(style, e, r, nc, indent) for e in entries])


# ----------------------------------------------------------------------------------------------------------------
# repository files
# ----------------------------------------------------------------------------------------------------------------
STYLE_LANG = {"env": "env", "export": "sh", "yaml": "yaml", "toml": "toml", "ini": "ini", "properties": "properties", "xml-elem": "xml",
              "xml-add": "xml", "hcl": "hcl", "dockerfile": "dockerfile", "prose": "prose"}
COMMENTS = ["TODO: move to vault before launch", "prod credentials - rotate quarterly", "do not commit real values (too late)",
            "copied from 1password on 2024-03-02", "ask #platform for access", "staging only", "legacy, remove after migration",
            "see docs/runbook.md", "generated by bootstrap.sh", "temporary until SSO works"]


def entries(ctx, lang, ks=None, kn=None, kp=None, ml_ok=True, classes=None, pred=None):
    r = ctx.r
    ks = ctx.nsec() if ks is None else ks
    kn = ctx.nneg() if kn is None else kn
    kp = r.randint(2, 6) if kp is None else kp
    return mix(r, ctx.secs(ks, ml_ok, pred), ctx.negs(lang, kn, classes, ml_ok), plains(r, kp))


def with_comments(r, frs, mark="#", p=0.25):
    out = []
    for f in frs:
        if r.random() < p:
            out.append(P("%s %s" % (mark, r.choice(COMMENTS))))
        out.append(f)
    return out


def end_nl(r, fr):
    """most files end with a newline, some do not (a secret at the very end of the file)"""
    return cat(fr, "\n") if r.random() < 0.85 else fr


def f_dotenv(ctx, d):
    r = ctx.r
    ents = entries(ctx, "env", ks=r.randint(1, 5))
    style = "export" if r.random() < 0.2 else "env"
    frs = [kv(style, e, r) for e in ents]
    name = r.choice([".env", ".env.production", ".env.local", "config/.env.staging", ".env.development", "deploy/prod.env"])
    return [(d + name, end_nl(r, lines(*with_comments(r, frs))))]


def f_env_example(ctx, d):
    r = ctx.r
    ents = mix(r, ctx.negs("env", r.randint(5, 10), ["placeholder", "env-var-name", "short-or-empty", "ref-env-var", "doc-example", "masked"]),
               plains(r, 3), ctx.secs(1 if r.random() < 0.3 else 0, ml_ok=False))
    frs = []
    for e in ents:
        if e.kind == "neg" and NEG_OF(e) == "env-var-name":
            frs.append(cat(e.fr, "="))
        else:
            frs.append(kv("env", e, r))
    return [(d + r.choice([".env.example", ".env.sample", ".env.template"]), cat("# Copy to .env and fill in\n", lines(*frs), "\n"))]


def NEG_OF(e):
    for _, m in e.fr:
        if m and m[0] == "N":
            return m[1]
    return None


def yaml_sections(ctx, lang="yaml", ml_ok=True, ks=None):
    r = ctx.r
    secs = r.sample(["database", "cache", "mail", "payments", "auth", "integrations", "storage", "monitoring", "queue", "llm"], r.randint(2, 4))
    ents = entries(ctx, lang, ks=ks, ml_ok=ml_ok)
    nc = r.choice(["snake", "camel", "keep"])
    chunks = [[] for _ in secs]
    for i, e in enumerate(ents):
        chunks[i % len(secs)].append(e)
    out = []
    for s_, ch in zip(secs, chunks):
        out.append(cat(s_, ":\n", block("yaml", ch, r, nc, "  ")))
    return join("\n", out)


def f_yaml_config(ctx, d):
    r = ctx.r
    name = r.choice(["config/settings.yml", "config/production.yaml", "application.yml", "src/main/resources/application-prod.yml",
                     "config/database.yml", "app.yaml", "conf/secrets.yaml"])
    return [(d + name, cat("# " + r.choice(COMMENTS) + "\n", yaml_sections(ctx), "\n"))]


def f_json_config(ctx, d):
    r = ctx.r
    ents = entries(ctx, "json")
    nc = r.choice(["camel", "keep", "snake", "pascal"])
    obj = {"name": r.choice(["billing", "orders", "gateway"]), "env": "production"}
    grp = {}
    for e in ents:
        grp[case(e.name, nc)] = Str(e.fr)
    obj[r.choice(["secrets", "settings", "credentials", "integrations", "config"])] = grp
    if r.random() < 0.5:
        obj["ConnectionStrings"] = {"Default": Str(ctx.sec(ml_ok=False, pred=lambda f: f.fam == "database").fr)}
    obj["Logging"] = {"LogLevel": {"Default": "Information"}}
    name = r.choice(["config/default.json", "appsettings.json", "appsettings.Production.json", "config.json", "secrets.json", "local.settings.json"])
    return [(d + name, cat(J(obj, indent=r.choice([2, 4])), "\n"))]


def f_toml(ctx, d):
    r = ctx.r
    out = []
    for sec_ in r.sample(["database", "server", "auth", "providers", "smtp", "telemetry"], r.randint(2, 3)):
        ents = entries(ctx, "toml", ks=r.randint(0, 2), kn=r.randint(1, 4), kp=r.randint(1, 3))
        out.append(cat("[", sec_, "]\n", block("toml", ents, r, "snake")))
    return [(d + r.choice(["config.toml", "settings.toml", "netlify.toml", ".cargo/config.toml", "pyproject.toml"]), cat(join("\n\n", out), "\n"))]


def f_ini(ctx, d):
    r = ctx.r
    out = []
    for sec_ in r.sample(["database", "alembic", "client", "mysql", "default", "smtp", "server:main"], r.randint(2, 3)):
        ents = entries(ctx, "ini", ks=r.randint(0, 2), kn=r.randint(1, 4), kp=r.randint(1, 3), ml_ok=False)
        out.append(cat("[", sec_, "]\n", block("ini", ents, r, r.choice(["snake", "keep"]))))
    if r.random() < 0.4:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.name in ("postgres-url-password", "mysql-url-password", "mssql-url-password"))
        out.append(cat("[alembic]\nscript_location = migrations\nsqlalchemy.url = ", e.fr))
    return [(d + r.choice(["config.ini", "alembic.ini", "setup.cfg", "app.ini", "grafana.ini", "php.ini", "tox.ini"]), cat(join("\n\n", out), "\n"))]


def f_properties(ctx, d):
    r = ctx.r
    ents = entries(ctx, "properties", ml_ok=False, kp=4)
    frs = [kv("properties", e, r, "dot") for e in ents]
    if r.random() < 0.6:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "database" or "password" in f.name)
        frs.insert(0, cat("spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.username=app\nspring.datasource.password=", e.fr))
    name = r.choice(["src/main/resources/application.properties", "gradle.properties", "config/application-prod.properties", "local.properties"])
    return [(d + name, end_nl(r, lines(*with_comments(r, frs))))]


def f_xml(ctx, d):
    r = ctx.r
    k = r.randrange(3)
    if k == 0:
        servers = []
        for _ in range(r.randint(1, 3)):
            sid = r.choice(["nexus-releases", "github", "ossrh", "artifactory", "gitlab-maven"])
            if r.random() < 0.7:
                pw = ctx.sec(ml_ok=False)
            else:
                pw, _g = ctx.neg("xml", ["ref-env-var", "encrypted-value", "placeholder"])
            servers.append(cat("    <server>\n      <id>", sid, "</id>\n      <username>deploy</username>\n      <password>", xml_esc(pw.fr),
                               "</password>\n    </server>"))
        return [(d + r.choice(["settings.xml", ".m2/settings.xml"]), cat('<?xml version="1.0" encoding="UTF-8"?>\n<settings>\n  <servers>\n',
                 lines(*servers), "\n  </servers>\n</settings>\n"))]
    if k == 1:
        cs = ctx.sec(ml_ok=False, pred=lambda f: f.name in ("adonet-password", "odbc-password", "azure-storage-account-key"))
        ents = entries(ctx, "xml", ml_ok=False, ks=r.randint(0, 2))
        return [(d + r.choice(["Web.config", "App.config"]), cat('<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <connectionStrings>\n'
                 '    <add name="Default" connectionString="', xml_esc(cs.fr), '" providerName="System.Data.SqlClient" />\n  </connectionStrings>\n'
                 '  <appSettings>\n', block("xml-add", ents, r, "pascal", "    "), "\n  </appSettings>\n</configuration>\n"))]
    ents = entries(ctx, "xml", ml_ok=False)
    return [(d + r.choice(["Info.plist", "config/secrets.plist"]), cat('<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n',
             lines(*[cat("  <key>", case(e.name, "pascal"), "</key>\n  <string>", xml_esc(e.fr), "</string>") for e in ents]), "\n</dict>\n</plist>\n"))]


CODE_PATHS = {"py": ["app/settings.py", "src/config.py", "services/payments.py", "scripts/sync.py", "bot/main.py"],
              "js": ["src/config.js", "lib/client.js", "server.js", "scripts/seed.mjs"],
              "ts": ["src/config.ts", "src/lib/stripe.ts", "app/api/chat/route.ts", "src/env.ts"],
              "go": ["internal/config/config.go", "cmd/server/main.go", "pkg/notify/slack.go"],
              "java": ["src/main/java/com/acme/config/AppConfig.java", "src/main/java/com/acme/Client.java"],
              "kt": ["app/src/main/java/com/acme/Secrets.kt", "src/main/kotlin/Config.kt"],
              "cs": ["src/Api/Settings.cs", "Program.cs", "Services/EmailService.cs"],
              "rb": ["config/initializers/services.rb", "lib/acme/client.rb", "app/jobs/sync_job.rb"],
              "php": ["config/services.php", "src/Client.php", "app/Http/Kernel.php"],
              "rs": ["src/config.rs", "src/main.rs"], "swift": ["Sources/App/Secrets.swift", "App/Config.swift"]}
CLS = ["Client", "ApiClient", "Service", "Gateway", "Notifier", "Uploader"]


def inline_use(lang, e, r):
    """a statement using the value directly"""
    v = e.fr if e.raw else code_str(lang, e.fr, r)
    sn_, cm = case(e.name, "snake"), case(e.name, "camel")
    c = r.choice(CLS)
    t = {"py": lambda: cat("client = %s(%s=" % (c, sn_), v, ")"),
         "js": lambda: cat("const client = new %s({ %s: " % (c, cm), v, " });"),
         "ts": lambda: cat("export const client = new %s({ %s: " % (c, cm), v, " });"),
         "go": lambda: cat("\tclient := sdk.New%s(" % c, v, ")"),
         "java": lambda: cat("        %s client = %s.builder().%s(" % (c, c, cm), v, ").build();"),
         "kt": lambda: cat("    val client = %s(%s = " % (c, cm), v, ")"),
         "cs": lambda: cat("        var client = new %s(new %sOptions { %s = " % (c, c, case(e.name, "pascal")), v, " });"),
         "rb": lambda: cat("  config.%s = " % sn_, v),
         "php": lambda: cat("    '%s' => " % sn_, v, ","),
         "rs": lambda: cat("    let client = %s::new(" % c, v, ");"),
         "swift": lambda: cat("        let client = %s(%s: " % (c, cm), v, ")")}[lang]
    return t()


def code_file(ctx, lang, ks=None):
    r = ctx.r
    ents = entries(ctx, lang, ks=ks, kp=r.randint(1, 3))
    nc = NAME_CASE[lang]
    consts = []
    uses = []
    for e in ents:
        if e.kind != "plain" and r.random() < 0.3:
            uses.append(inline_use(lang, e, r))
        else:
            consts.append(e)
    ind = {"go": "\t", "java": "    ", "kt": "    ", "cs": "    ", "swift": "    ", "rb": "  "}.get(lang, "")
    body = lines(*[kv(lang, e, r, nc, ind) for e in consts]) if consts else P("")
    u = lines(*uses) if uses else P("")
    fn_neg, _g = ctx.neg(lang, ["function-name", "ref-env-lookup"])
    fn_line = kv(lang, fn_neg, r, nc, ind) if fn_neg else P("")
    if lang == "py":
        fr = cat('"""Configuration for the service."""\nimport os\nimport logging\n\nlog = logging.getLogger(__name__)\n\n', body, "\n", fn_line,
                 "\n\n\ndef make_client():\n    ", fmap(u, lambda s: s.replace("\n", "\n    ")) if uses else "pass", "\n    return locals()\n")
    elif lang in ("js", "ts"):
        fr = cat("import { %s } from '@acme/sdk';\n\n" % r.choice(CLS), body, "\n", fn_line, "\n\n", u, "\n\nexport default { region: 'eu-west-1' };\n")
    elif lang == "go":
        fr = cat('package config\n\nimport (\n\t"os"\n\n\t"github.com/acme/sdk"\n)\n\nvar (\n', body, "\n", fn_line, "\n)\n\nfunc Init() {\n", u, "\n\t_ = os.Args\n}\n")
    elif lang == "java":
        fr = cat("package com.acme.config;\n\nimport com.acme.sdk.*;\n\npublic final class AppConfig {\n", body, "\n", fn_line.__class__() if False else "",
                 "\n    public static Object client() {\n", u, "\n        return null;\n    }\n}\n")
    elif lang == "kt":
        fr = cat("package com.acme\n\nobject Secrets {\n", body, "\n", fn_line, "\n\n    fun client() {\n", u, "\n    }\n}\n")
    elif lang == "cs":
        fr = cat("namespace Acme.Api;\n\npublic static class Settings\n{\n", body, "\n\n    public static void Configure()\n    {\n", u, "\n    }\n}\n")
    elif lang == "rb":
        fr = cat("module AcmeConfig\n", body, "\n", fn_line, "\nend\n\nAcme.configure do |config|\n", u, "\nend\n")
    elif lang == "php":
        fr = cat("<?php\n\nreturn [\n", u, "\n];\n\n", body, "\n", fn_line, "\n")
    elif lang == "rs":
        fr = cat("use std::env;\n\n", body, "\n\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n", u, "\n    Ok(())\n}\n")
    else:
        fr = cat("import Foundation\n\nenum Secrets {\n", body, "\n}\n\nfinal class Bootstrap {\n    func run() {\n", u, "\n    }\n}\n")
    return fr


def f_code(ctx, d, lang=None):
    r = ctx.r
    lang = lang or r.choice(list(CODE_PATHS))
    return [(d + r.choice(CODE_PATHS[lang]), code_file(ctx, lang))]


def f_compose(ctx, d):
    r = ctx.r
    out = ["services:"]
    svcs = r.sample(["api", "worker", "db", "redis", "rabbitmq", "grafana", "minio", "keycloak"], r.randint(2, 4))
    for s_ in svcs:
        img = {"db": "postgres:16-alpine", "redis": "redis:7", "rabbitmq": "rabbitmq:3-management", "grafana": "grafana/grafana:11.0.0",
               "minio": "minio/minio:RELEASE.2024-05-01T01-11-10Z", "keycloak": "quay.io/keycloak/keycloak:24.0"}.get(s_, "ghcr.io/acme/%s:latest" % s_)
        ents = []
        if s_ in ("db", "rabbitmq", "grafana", "minio", "keycloak") and r.random() < 0.6:
            e, _g = ctx.neg("yaml", ["default-password"])
            ents.append(e)
        ents += entries(ctx, "yaml", ks=r.randint(0, 2), kn=r.randint(0, 3), kp=r.randint(0, 2), ml_ok=False)
        envb = block("yaml", ents, r, "upper", "      ") if ents else P("      TZ: UTC")
        if r.random() < 0.3 and ents:
            envb = lines(*[cat("      - ", e.name, "=", e.fr) for e in ents])
        out.append(cat("  ", s_, ":\n    image: ", img, "\n    environment:\n", envb))
    return [(d + r.choice(["docker-compose.yml", "compose.yaml", "docker-compose.prod.yml"]), cat(join("\n", [F(x) for x in out]), "\n"))]


def f_dockerfile(ctx, d):
    r = ctx.r
    ents = entries(ctx, "dockerfile", ks=r.randint(0, 2), kn=r.randint(1, 4), kp=2, ml_ok=False)
    fr = cat("FROM python:3.12-slim AS base\nWORKDIR /app\n", block("dockerfile", ents, r, "upper"), "\nCOPY . .\nRUN pip install -r requirements.txt\n")
    if r.random() < 0.4:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("package-registry", "vcs-ci"))
        fr = cat(fr, "RUN echo \"//registry.npmjs.org/:_authToken=", e.fr, "\" > ~/.npmrc && npm ci\n")
    return [(d + r.choice(["Dockerfile", "docker/Dockerfile.prod"]), cat(fr, 'CMD ["gunicorn", "app:app"]\n'))]


def f_k8s_secret(ctx, d):
    r = ctx.r
    data = []
    for _ in range(r.randint(1, 3)):
        k = r.choice(["password", "db-password", "api-key", "token", "client-secret", "redis-password"])
        if r.random() < 0.8:
            e = ctx.sec(only="k8s-secret")
            data.append(cat("  ", k, ": ", e.fr))
        else:
            data.append(cat("  ", k, ": ", N(b64(r.choice(["admin", "postgres", "changeme"]).encode()), "default-password", "base64-default", True)))
    sd = entries(ctx, "yaml", ks=r.randint(0, 2), kn=r.randint(1, 3), kp=0, ml_ok=True)
    ttype = "Opaque"
    fr = cat("apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets\n  namespace: prod\ntype: ", ttype, "\ndata:\n", lines(*data))
    if sd:
        fr = cat(fr, "\nstringData:\n", block("yaml", sd, r, "kebab", "  "))
    if r.random() < 0.3:
        c_, _g = ctx.neg("yaml", ["certificate"])
        fr = cat(fr, "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ca\ndata:\n", kv("yaml", c_, r, "kebab", "  "))
    return [(d + r.choice(["k8s/secret.yaml", "deploy/secrets.yaml", "manifests/app-secret.yml"]), cat(fr, "\n"))]


def secret_key_ref(ctx, r):
    nm = r.choice(["db-credentials", "app-secrets", "stripe", "openai"])
    key = r.choice(["password", "api-key", "token", "secret-key"])
    return cat("          - name: ", r.choice(SECRET_NAMES), "\n            valueFrom:\n              secretKeyRef:\n                name: ",
               N(nm, "k8s-secret-ref", "secret-name"), "\n                key: ", N(key, "k8s-secret-ref", "secret-key"))


def f_k8s_deploy(ctx, d):
    r = ctx.r
    envs = []
    for _ in range(r.randint(1, 3)):
        envs.append(secret_key_ref(ctx, r))
    for e in entries(ctx, "yaml", ks=r.randint(0, 2), kn=r.randint(1, 3), kp=r.randint(1, 2), ml_ok=False):
        envs.append(cat("          - name: ", case(e.name, "upper"), "\n            value: ", yaml_val(e.fr, r) if not e.raw else cat('"', e.fr, '"')))
    r.shuffle(envs)
    fr = cat("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n"
             "        - name: api\n          image: ghcr.io/acme/api@", N("sha256:" + rnd(r, 64, "h"), "digest", "oci-digest"), "\n          env:\n", lines(*envs), "\n")
    return [(d + r.choice(["k8s/deployment.yaml", "deploy/api.yaml"]), fr)]


def f_helm(ctx, d):
    r = ctx.r
    return [(d + r.choice(["charts/app/values.yaml", "helm/values-prod.yaml"]), cat("replicaCount: 2\nimage:\n  repository: ghcr.io/acme/app\n  tag: \"1.8.2\"\n",
             yaml_sections(ctx), "\n"))]


def f_tf(ctx, d):
    r = ctx.r
    out = []
    p = r.choice(["aws", "cloudflare", "datadog", "github", "azurerm", "digitalocean"])
    ents = entries(ctx, "hcl", ks=r.randint(1, 3), kn=r.randint(1, 3), kp=0, ml_ok=True)
    out.append(cat('provider "%s" {\n' % p, block("hcl", ents, r, "snake", "  "), "\n}"))
    db = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic")
    out.append(cat('resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  username = "app"\n  password = ', esc_c(db.fr), "\n}"))
    v, _g = ctx.neg("hcl", ["ref-template", "placeholder", "ref-secret-manager"])
    out.append(cat('variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = ', esc_c(v.fr), "\n}"))
    files = [(d + r.choice(["main.tf", "providers.tf", "infra/main.tf"]), cat(join("\n\n", out), "\n"))]
    if r.random() < 0.6:
        tv = entries(ctx, "hcl", ks=r.randint(1, 3), kn=r.randint(1, 3), kp=1, ml_ok=False)
        files.append((d + r.choice(["terraform.tfvars", "prod.auto.tfvars", "envs/prod.tfvars"]), cat(block("hcl", tv, r, "snake"), "\n")))
    return files


def f_ansible(ctx, d):
    r = ctx.r
    ents = mix(r, ctx.secs(r.randint(0, 2), ml_ok=True), [ctx.sec(only="ansible")] if r.random() < 0.7 else [],
               ctx.negs("yaml", r.randint(2, 5), ["encrypted-value", "ref-template", "placeholder", "default-password", "file-path"]), plains(r, 2))
    files = [(d + r.choice(["group_vars/all.yml", "group_vars/prod/vars.yml", "host_vars/db1.yml"]), cat("---\n", block("yaml", ents, r, "snake"), "\n"))]
    if r.random() < 0.5:
        hosts = []
        for i in range(r.randint(2, 4)):
            pw = ctx.sec(only="ansible") if r.random() < 0.5 else ctx.neg("ini", ["ref-template", "short-or-empty"])[0]
            hosts.append(cat("web%d.internal ansible_host=" % i, N("10.0.%d.%d" % (r.randrange(256), r.randrange(1, 255)), "ip-address", "private-ip"),
                             " ansible_user=deploy ansible_password=", pw.fr))
        files.append((d + "inventory.ini", cat("[web]\n", lines(*hosts), "\n")))
    return files


def f_gha(ctx, d):
    r = ctx.r
    envs = []
    for e in mix(r, ctx.negs("yaml", r.randint(2, 5), ["ref-ci-secret"]), ctx.secs(r.choice([0, 0, 1, 1, 2]), ml_ok=False), plains(r, 1)):
        envs.append(kv("yaml", e, r, "upper", "      "))
    steps = [P("      - uses: actions/checkout@" + "v4"), cat("      - uses: actions/setup-node@", N(rnd(r, 40, "h"), "git-sha", "action-pin"), " # v4.0.2")]
    if r.random() < 0.5:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("vcs-ci", "package-registry", "cloud"))
        steps.append(cat("      - run: curl -sf -H \"Authorization: Bearer ", e.fr, "\" https://api.acme.io/deploy"))
    steps.append(P("      - run: npm ci && npm run deploy"))
    fr = cat("name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n", lines(*envs),
             "\n    steps:\n", lines(*steps), "\n")
    return [(d + ".github/workflows/" + r.choice(["deploy.yml", "ci.yml", "release.yaml"]), fr)]


def f_gitlab_ci(ctx, d):
    r = ctx.r
    ents = mix(r, ctx.negs("yaml", r.randint(2, 4), ["ref-ci-secret", "ref-env-var"]), ctx.secs(r.randint(0, 2), ml_ok=False), plains(r, 1))
    fr = cat("stages: [build, deploy]\nvariables:\n", block("yaml", ents, r, "upper", "  "),
             "\ndeploy:\n  stage: deploy\n  image: alpine:3.20\n  script:\n    - ./scripts/deploy.sh\n")
    return [(d + r.choice([".gitlab-ci.yml", ".circleci/config.yml", "bitbucket-pipelines.yml"]), fr)]


def sh_line(ctx, r, prompt=""):
    """one shell command line carrying a secret (or a negative)"""
    k = r.randrange(16)
    f = None
    if k < 11:
        tag = ["mysql-cli-password", "pgpassword-env", "docker-login-password", "kubectl-from-literal", "sshpass-password", "curl-user-password",
               "htpasswd-cli-password", "redis-cli-password", "openssl-passout", "git-remote-token-url", "gh-auth-token-stdin"][k]
        e = ctx.sec(fmt=tag)
        v = e.fr
        u = _u(r)
        t = {"mysql-cli-password": lambda: cat("mysql -h ", _h(r), " -u ", u, " -p", v, " ", _db(r)),
             "pgpassword-env": lambda: cat("PGPASSWORD=", sh_val(v, r), " psql -h ", _h(r), " -U ", u, " -d ", _db(r), " -c 'select count(*) from orders'"),
             "docker-login-password": lambda: cat("docker login -u ", u, " -p ", sh_val(v, r), " registry.acme.io"),
             "kubectl-from-literal": lambda: cat("kubectl create secret generic app-secrets -n prod --from-literal=password=", sh_val(v, r), " --from-literal=username=", u),
             "sshpass-password": lambda: cat("sshpass -p ", sh_val(v, r), " ssh ", u, "@", N("10.0.%d.%d" % (r.randrange(256), r.randrange(1, 255)), "ip-address", "private-ip")),
             "curl-user-password": lambda: cat("curl -u ", u, ":", sh_val(v, r), " https://jenkins.acme.io/job/deploy/build"),
             "htpasswd-cli-password": lambda: cat("htpasswd -b -c /etc/nginx/.htpasswd ", u, " ", sh_val(v, r)),
             "redis-cli-password": lambda: cat("redis-cli -h ", _h(r), " -a ", sh_val(v, r), " --no-auth-warning INFO"),
             "openssl-passout": lambda: cat("openssl genrsa -aes256 -passout pass:", sh_val(v, r), " -out server.key 4096"),
             "git-remote-token-url": lambda: cat("git remote set-url origin https://", r.choice(["x-access-token", "oauth2", u]), ":", v, "@github.com/acme/infra.git"),
             "gh-auth-token-stdin": lambda: cat("echo ", v, " | gh auth login --with-token")}[tag]
        return t()
    if k < 13:
        e = ctx.sec(ml_ok=False)
        return cat("export ", e.name, "=", sh_val(e.fr, r))
    if k == 13:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("ai", "saas", "vcs-ci", "observability", "messaging", "auth-header"))
        hdr = text(e.fr).startswith(("Bearer ", "Basic "))
        return cat("curl -s https://api.acme.io/v1/items -H ", "'Authorization: " if hdr else "'Authorization: Bearer ", e.fr, "'")
    e, _g = ctx.neg("sh", ["ref-env-var", "ref-command-substitution", "placeholder", "gateway-token"])
    return cat("export ", e.name, "=", sh_val(e.fr, r, e.raw))


def f_shell(ctx, d):
    r = ctx.r
    ls = [sh_line(ctx, r) for _ in range(r.randint(2, 6))]
    fr = cat("#!/usr/bin/env bash\nset -euo pipefail\n\n", lines(*with_comments(r, ls)), "\necho \"deployed $(git rev-parse --short HEAD)\"\n")
    return [(d + r.choice(["scripts/deploy.sh", "bin/bootstrap.sh", "ops/restore-db.sh", "tools/rotate.sh"]), fr)]


def f_sql(ctx, d):
    r = ctx.r
    out = ["-- migration %d" % r.randint(1, 60), "CREATE TABLE IF NOT EXISTS users (id serial primary key, email text, password_hash text);"]
    for _ in range(r.randint(1, 3)):
        h, _g = ctx.neg("sql", ["password-hash"])
        out.append(cat("INSERT INTO users (email, password_hash) VALUES ('%s@acme.io', '" % r.choice(WORDS), h.fr, "');"))
    for _ in range(r.randint(1, 2)):
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic" and "password" in f.name)
        out.append(r.choice([lambda: cat("CREATE USER ", _u(r), " WITH PASSWORD '", e.fr, "';"),
                             lambda: cat("ALTER ROLE ", _u(r), " WITH LOGIN PASSWORD '", e.fr, "';"),
                             lambda: cat("CREATE LOGIN etl_loader WITH PASSWORD = '", e.fr, "';"),
                             lambda: cat("SET PASSWORD FOR '", _u(r), "'@'%' = '", e.fr, "';")])())
    if r.random() < 0.5:
        e = ctx.sec(ml_ok=False)
        out.append(cat("INSERT INTO integrations (name, api_key) VALUES ('%s', '" % e.name.lower(), e.fr, "');"))
    return [(d + r.choice(["db/migrations/V3__seed.sql", "migrations/0007_service_users.sql", "sql/init.sql"]), cat(join("\n", [F(x) for x in out]), "\n"))]


def f_readme(ctx, d):
    r = ctx.r
    out = ["# %s\n" % r.choice(["Billing API", "Orders service", "Infra", "Chat bot", "Data pipeline"]), "## Setup\n"]
    for e in ctx.negs("md", r.randint(4, 8), ["env-var-name", "placeholder", "doc-example", "masked", "password-policy", "ref-env-var", "url-no-credentials",
                                              "file-path", "public-id", "publishable-key", "ui-label"], ml_ok=False):
        tpl = r.choice(["- `%s`: §" % e.name, "Set `%s` to § in your shell." % e.name, "| `%s` | § | required |" % e.name, "    %s=§" % e.name])
        out.append(T(tpl, e.fr))
    out.append(P("\nRun `make dev` and open http://localhost:3000.\n"))
    if r.random() < 0.35:
        e = ctx.sec(ml_ok=False)
        out.append(cat("Quick test (staging):\n\n```sh\ncurl -H \"x-api-key: ", e.fr, "\" https://staging.acme.io/v1/ping\n```\n"))
    if r.random() < 0.12:
        e = ctx.sec(fmt=r.choice(["aws-access-key-id-doc-example", "aws-secret-key-doc-example"]))
        out.append(cat("Example `~/.aws/credentials` used by the integration environment:\n\n    ", e.name.lower(), " = ", e.fr, "\n"))
    return [(d + r.choice(["README.md", "docs/setup.md", "CONTRIBUTING.md", "docs/deploy.md"]), cat(join("\n", [F(x) for x in out]), "\n"))]


def f_i18n(ctx, d):
    r = ctx.r
    ents = ctx.negs("json", r.randint(4, 8), ["i18n-string", "ui-label", "password-policy"])
    obj = {}
    for i, e in enumerate(ents):
        obj["%s.%d" % (e.name, i)] = Str(e.fr)
    return [(d + "locales/%s.json" % r.choice(["de", "fr", "es", "ja", "ko", "pt-BR", "tr", "pl", "ru", "zh-CN"]), cat(J(obj, indent=2, ascii=r.random() < 0.3), "\n"))]


def f_minified(ctx, d):
    r = ctx.r
    parts = []
    for e in ctx.negs("js", r.randint(4, 8), ["minified-js", "css-color", "content-hash", "base64-data", "sri-integrity", "publishable-key"], ml_ok=False):
        parts.append(cat('%s:"' % r.choice(["a", "b", "c", "e", "t", "n"]) + case(e.name, "camel") + '",v:"', e.fr, '"'))
    if r.random() < 0.3:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("ai", "saas", "cloud"))
        parts.append(cat('apiKey:"', e.fr, '"'))
    r.shuffle(parts)
    fr = cat("!function(){\"use strict\";var e={", join(",", parts), "};window.__APP__=e}();\n")
    return [(d + r.choice(["public/assets/app.%s.min.js" % rnd(r, 8, "h"), "dist/main.js", "static/js/bundle.js"]), fr)]


def f_lock(ctx, d):
    r = ctx.r
    k = r.randrange(3)
    if k == 0:
        pk_ = []
        for n_ in r.sample(["lodash", "axios", "react", "express", "zod", "dayjs", "uuid", "chalk"], 4):
            sri, _g = ctx.neg("json", ["sri-integrity"])
            pk_.append(cat('    "node_modules/%s": {\n      "version": "%d.%d.%d",\n      "resolved": "https://registry.npmjs.org/%s/-/%s.tgz",\n      "integrity": "' %
                           (n_, r.randint(1, 9), r.randint(0, 20), r.randint(0, 9), n_, n_), sri.fr, '"\n    }'))
        return [(d + "package-lock.json", cat('{\n  "name": "web",\n  "lockfileVersion": 3,\n  "packages": {\n', join(",\n", pk_), "\n  }\n}\n"))]
    if k == 1:
        ls = []
        for m in r.sample(["github.com/aws/aws-sdk-go-v2", "golang.org/x/crypto", "github.com/stretchr/testify", "google.golang.org/grpc", "github.com/jackc/pgx/v5"], 3):
            ls.append(cat(m, " v1.%d.%d " % (r.randint(0, 30), r.randint(0, 9)), N("h1:" + b64(rbytes(r, 32)), "digest", "go-sum")))
        return [(d + "go.sum", cat(lines(*ls), "\n"))]
    ls = []
    for m in r.sample(["requests", "boto3", "django", "celery", "psycopg2-binary", "httpx"], 3):
        ls.append(cat("%s==%d.%d.%d \\\n    --hash=" % (m, r.randint(1, 5), r.randint(0, 30), r.randint(0, 9)), N("sha256:" + rnd(r, 64, "h"), "digest", "pip-hash")))
    return [(d + "requirements.txt", cat(lines(*ls), "\n"))]


def f_npmrc(ctx, d):
    r = ctx.r
    out = ["registry=https://registry.npmjs.org/"]
    e = ctx.sec(pred=lambda f: f.name in ("npm-access-token", "npm-legacy-uuid-token", "github-pat-classic", "gitlab-pat", "jfrog-api-key"), ml_ok=False)
    host = {"github-pat-classic": "npm.pkg.github.com", "gitlab-pat": "gitlab.com/api/v4/projects/4212/packages/npm"}.get(FMT_OF(e), "registry.npmjs.org")
    out.append(cat("//", host, "/:_authToken=", e.fr))
    if r.random() < 0.3:
        a = ctx.sec(fmt="npmrc-auth-basic")
        out.append(cat("_auth=", a.fr))
    if r.random() < 0.4:
        n_, _g = ctx.neg("env", ["ref-env-var"])
        out.append(cat("//npm.pkg.github.com/:_authToken=", n_.fr))
    out.append(P("always-auth=true"))
    return [(d + ".npmrc", cat(join("\n", [F(x) for x in out]), "\n"))]


def FMT_OF(e):
    for _, m in e.fr:
        if m and m[0] == "S":
            return m[1]
    return None


def f_dotfile(ctx, d):
    r = ctx.r
    k = r.randrange(11)
    if k == 0:
        e1 = ctx.sec(fmt=r.choice(["aws-access-key-id"] * 4 + ["aws-sts-access-key-id"] * 2 + ["aws-access-key-id-doc-example"]))
        e2 = ctx.sec(fmt="aws-secret-key-doc-example" if "EXAMPLE" in text(e1.fr) else "aws-secret-access-key")
        fr = cat("[default]\naws_access_key_id = ", e1.fr, "\naws_secret_access_key = ", e2.fr, "\n")
        if "ASIA" in text(e1.fr):
            fr = cat(fr, "aws_session_token = ", ctx.sec(fmt="aws-session-token").fr, "\n")
        return [(d + ".aws/credentials", cat(fr, "\n[profile-readonly]\nrole_arn = arn:aws:iam::", N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "object-id", "aws-account"),
                 ":role/ReadOnly\nsource_profile = default\n"))]
    if k == 1:
        ls = []
        for h in r.sample(["github.com", "api.heroku.com", "git.heroku.com", "gitlab.acme.io", "ftp.acme.io"], r.randint(1, 3)):
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("vcs-ci", "generic", "cloud") and "url" not in f.name)
            ls.append(cat("machine ", h, "\n  login ", r.choice(["jdoe", "deploy", "oauth2"]), "\n  password ", e.fr))
        return [(d + r.choice([".netrc", "_netrc"]), cat(join("\n", ls), "\n"))]
    if k == 2:
        ls = []
        for _ in range(r.randint(1, 3)):
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "vcs-ci" and f.only is None and "secret" not in f.name)
            ls.append(cat("https://", r.choice(["jdoe", "oauth2", "x-access-token", "ci-bot"]), ":", e.fr, "@", r.choice(["github.com", "gitlab.com", "bitbucket.org"])))
        return [(d + ".git-credentials", cat(lines(*ls), "\n"))]
    if k == 3:
        e = ctx.sec(pred=lambda f: f.name in ("pypi-token", "testpypi-token"), ml_ok=False)
        return [(d + ".pypirc", cat("[distutils]\nindex-servers =\n    pypi\n    internal\n\n[pypi]\nusername = __token__\npassword = ", e.fr,
                 "\n\n[internal]\nrepository = https://nexus.acme.io/repository/pypi-internal/\nusername = deploy\npassword = ", ctx.sec(pred=lambda f: f.fam == "generic", ml_ok=False).fr, "\n"))]
    if k == 4:
        auths = []
        for reg in r.sample(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"], r.randint(1, 3)):
            e = ctx.sec(only="docker-config")
            auths.append('    "%s": {\n      "auth": "' % reg)
            auths[-1] = cat(auths[-1], e.fr, '"\n    }')
        return [(d + ".docker/config.json", cat('{\n  "auths": {\n', join(",\n", auths), '\n  },\n  "credsStore": "desktop"\n}\n'))]
    if k == 5:
        ls = []
        for _ in range(r.randint(1, 3)):
            e = ctx.sec(only="pgpass")
            ls.append(cat(_h(r), ":5432:", _db(r), ":", _u(r), ":", fmap(e.fr, lambda s: s.replace("\\", "\\\\").replace(":", "\\:"))))
        return [(d + ".pgpass", cat(lines(*ls), "\n"))]
    if k == 6:
        e = ctx.sec(fmt=r.choice(["openssh-private-key", "pem-rsa-private-key", "pem-ec-private-key", "putty-private-key"]))
        nm = {"putty-private-key": ".ssh/deploy.ppk"}.get(FMT_OF(e), r.choice([".ssh/id_ed25519", ".ssh/id_rsa", "deploy_key", "keys/ci.pem"]))
        return [(d + nm, cat(e.fr, "\n"))]
    if k == 7:
        e = ctx.sec(fmt="rails-master-key")
        return [(d + "config/master.key", e.fr)]
    if k == 8:
        e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("ai", "generic", "saas"))
        return [(d + r.choice(["secrets/api_token", "secrets/db_password", "api_key.txt", ".secrets/openai_key"]), end_nl(r, e.fr))]
    if k == 9:
        e = ctx.sec(only="kubeconfig")
        ca, _g = ctx.neg("yaml", ["certificate"])
        ca = N(b64((cert_pem(r) + "\n").encode()), "certificate", "base64-certificate")
        tok = ctx.sec(fmt="k8s-service-account-token") if r.random() < 0.5 else None
        user = cat("    client-certificate-data: ", N(b64((cert_pem(r) + "\n").encode()), "certificate", "base64-certificate"), "\n    client-key-data: ", e.fr)
        if tok:
            user = cat(user, "\n    token: ", tok.fr)
        return [(d + ".kube/config", cat("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: ", ca,
                 "\n    server: https://", N("10.20.%d.%d" % (r.randrange(256), r.randrange(1, 255)), "ip-address", "private-ip"),
                 ":6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    user: admin\n  name: prod\ncurrent-context: prod\nusers:\n- name: admin\n  user:\n", user, "\n"))]
    e1 = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "cloud")
    return [(d + r.choice([".s3cfg", ".config/rclone/rclone.conf", ".boto"]), cat("[default]\naccess_key = ", ctx.sec(fmt="aws-access-key-id").fr, "\nsecret_key = ",
             ctx.sec(fmt="aws-secret-access-key").fr, "\nhost_base = s3.amazonaws.com\n# old: ", e1.fr, "\n"))]


def f_wp(ctx, d):
    r = ctx.r
    pw = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic" and "password" in f.name)
    salts = []
    for k in ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"]:
        if r.random() < 0.5:
            salts.append(cat("define( '%s', " % k, esc_single(ctx.sec(only="php").fr), " );"))
        else:
            salts.append(cat("define( '%s', '" % k, N("put your unique phrase here", "placeholder", "wp-default"), "' );"))
    fr = cat("<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp_prod' );\ndefine( 'DB_PASSWORD', ", esc_single(pw.fr),
             " );\ndefine( 'DB_HOST', 'localhost' );\n\n", lines(*salts), "\n\n$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n")
    return [(d + "wp-config.php", fr)]


def f_sa(ctx, d):
    r = ctx.r
    e = ctx.sec(fmt="gcp-service-account-key")
    return [(d + r.choice(["credentials/service-account.json", "gcp-key.json", "secrets/firebase-adminsdk.json"]), cat(e.fr, "\n"))]


def f_pem(ctx, d):
    r = ctx.r
    e = ctx.sec(pred=lambda f: f.ml and f.fam == "private-key")
    files = [(d + r.choice(["certs/server.key", "tls/tls.key", "keys/signing.pem", "secrets/jwt-private.pem"]), cat(e.fr, "\n"))]
    c = N(cert_pem(r), "certificate", "pem-certificate")
    files.append((d + r.choice(["certs/server.crt", "tls/tls.crt", "keys/ca.pem"]), cat(c, "\n")))
    if r.random() < 0.5:
        files.append((d + r.choice(["keys/id_ed25519.pub", ".ssh/authorized_keys"]), cat(N(ssh_pub(r) + " deploy@ci", "public-key", "ssh-public-key"), "\n")))
    return files


def f_jwks(ctx, d):
    r = ctx.r
    keys = []
    for _ in range(r.randint(1, 2)):
        dv = ctx.sec(only="jwk")
        keys.append({"kty": "EC", "crv": "P-256", "kid": Str(N(rnd(r, 43, "w"), "key-id", "jwk-kid", True)), "use": "sig",
                     "x": Str(N(b64u(rbytes(r, 32)), "public-key", "jwk-x")), "y": Str(N(b64u(rbytes(r, 32)), "public-key", "jwk-y")), "d": Str(dv.fr)})
    return [(d + r.choice(["keys/jwks.private.json", "config/signing-keys.json"]), cat(J({"keys": keys}, indent=2), "\n"))]


fm("aws-ses-smtp-password", "cloud", "B{b43}", ["SES_SMTP_PASSWORD", "ses_smtp_password_v4"], "SES SMTP password")

# ----------------------------------------------------------------------------------------------------------------
# agent traffic: text pieces
# ----------------------------------------------------------------------------------------------------------------
LANGS = {
    "en": (["the staging db password is §", "prod password: §", "I reset it, new password is § (temporary)"],
           ["here's my key: §", "use this token: §", "my {svc} is §, can you wire it into the config?", "this is the {svc}: §", "§ <- that's the {svc}, keep it out of git"],
           ["Can you help me figure out why the deploy fails?", "Please refactor this so secrets come from the environment.", "It works locally but not in CI."]),
    "de": (["Das Passwort für die Staging-DB ist §", "Passwort für prod: §"], ["Hier ist mein API-Schlüssel: §", "Nimm diesen Token: §", "Der {svc} lautet §"],
           ["Kannst du mir helfen, den Fehler zu finden?", "Bitte bau das so um, dass die Zugangsdaten aus der Umgebung kommen."]),
    "es": (["la contraseña de la base de datos de staging es §", "contraseña de producción: §"], ["aquí está mi clave: §", "usa este token: §", "mi {svc} es §"],
           ["¿Me ayudas a ver por qué falla el despliegue?", "Funciona en local pero no en el servidor."]),
    "pt": (["a senha do banco de homologação é §", "senha = §"], ["segue minha chave da API: §", "usa esse token aqui: §", "o {svc} é §"],
           ["Pode me ajudar a entender esse erro?", "Quero mover as credenciais para variáveis de ambiente."]),
    "fr": (["le mot de passe de la base de préprod est §", "mot de passe : §"], ["voici ma clé API : §", "utilise ce jeton : §", "le {svc} est §"],
           ["Tu peux m'aider à comprendre pourquoi ça plante ?", "Ça marche en local mais pas en CI."]),
    "it": (["la password del db di staging è §"], ["ecco la mia chiave API: §", "usa questo token: §", "il {svc} è §"],
           ["Mi aiuti a capire perché fallisce il deploy?"]),
    "pl": (["hasło do bazy na stagingu to §"], ["oto mój klucz API: §", "użyj tego tokena: §"], ["Pomożesz mi znaleźć błąd?"]),
    "tr": (["staging veritabanı şifresi §"], ["API anahtarım şu: §", "bu token'ı kullan: §"], ["Bu hatanın nedenini bulmama yardım eder misin?"]),
    "ru": (["пароль от базы на стейджинге: §", "пароль от прода §"], ["вот мой ключ API: §", "используй этот токен: §"], ["Помоги понять, почему падает деплой."]),
    "zh": (["测试环境数据库密码是 §", "密码：§"], ["这是我的API密钥：§", "用这个token: §", "{svc}是 §"], ["帮我看看为什么部署失败了？", "本地可以跑，CI 上不行。"]),
    "ja": (["ステージングDBのパスワードは § です"], ["これが私のAPIキーです：§", "このトークンを使って: §"], ["デプロイが失敗する原因を調べてもらえますか？"]),
    "ko": (["스테이징 DB 비밀번호는 § 입니다"], ["제 API 키는 § 입니다", "이 토큰 써주세요: §"], ["배포가 왜 실패하는지 봐줄 수 있어요?"]),
    "hi": (["स्टेजिंग डीबी का पासवर्ड § है"], ["यह मेरी API key है: §", "यह टोकन इस्तेमाल करो: §"], ["क्या आप देख सकते हैं कि डिप्लॉय क्यों फेल हो रहा है?"]),
    "id": (["password database staging adalah §"], ["ini API key saya: §", "pakai token ini: §"], ["Bisa bantu cek kenapa deploy gagal?"]),
    "vi": (["mật khẩu database staging là §"], ["đây là API key của tôi: §", "dùng token này: §"], ["Bạn xem giúp tại sao deploy bị lỗi?"]),
    "ar": (["كلمة مرور قاعدة بيانات الاختبار هي §"], ["هذا مفتاح API الخاص بي: §", "استخدم هذا الرمز: §"], ["هل يمكنك مساعدتي في معرفة سبب فشل النشر؟"]),
    "nl": (["het wachtwoord van de staging-db is §"], ["hier is mijn API-sleutel: §", "gebruik deze token: §"], ["Kun je kijken waarom de deploy faalt?"]),
    "sv": (["lösenordet till staging-databasen är §"], ["här är min API-nyckel: §", "använd den här token: §"], ["Kan du hjälpa mig att se varför deployen misslyckas?"]),
}
NEG_SAY = {"en": ["I already set § in the config", "the value is § right now", "it says §", "we use § there"],
           "de": ["in der Config steht §", "aktuell ist dort § eingetragen"], "es": ["en la config está §"], "fr": ["dans la conf il y a §"],
           "zh": ["配置里写的是 §"], "ja": ["設定には § と書いてあります"], "ru": ["в конфиге стоит §"], "pt": ["na config está §"]}


def is_pw(f):
    return f.fam in ("generic", "database") and ("password" in f.name or "passphrase" in f.name or f.fam == "database")


def chat_secret_sentence(ctx, lang, ml_ok=True):
    r = ctx.r
    e, f = ctx.secret(ml_ok=ml_ok)
    pw_t, key_t, _ = LANGS[lang]
    tpl = r.choice(pw_t if is_pw(f) else key_t).replace("{svc}", f.svc)
    if e.ml:
        tpl = tpl.replace("§", "\n\n§\n")
    elif r.random() < 0.25:
        q = r.choice(["`§`", '"§"', "'§'", "«§»", "(§)", "**§**", "「§」"])
        tpl = tpl.replace("§", q)
    return T(tpl, e.fr)


def chat_neg_sentence(ctx, lang):
    r = ctx.r
    e, g = ctx.neg("prose", ml_ok=False)
    if e is None or not text(e.fr):
        return P("")
    say = g.say if (g.say and (lang == "en" or r.random() < 0.5)) else r.choice(NEG_SAY.get(lang, NEG_SAY["en"]))
    return T(say, e.fr)


def chat_text(ctx, lang=None, ks=None, kn=None):
    r = ctx.r
    lang = lang or r.choice(list(LANGS))
    parts = []
    ks = r.choice([0, 0, 1, 1, 2]) if ks is None else ks
    kn = r.randint(0, 3) if kn is None else kn
    for _ in range(ks):
        parts.append(chat_secret_sentence(ctx, lang))
    for _ in range(kn):
        parts.append(chat_neg_sentence(ctx, lang))
    r.shuffle(parts)
    parts.insert(0, P(r.choice(LANGS[lang][2])))
    if r.random() < 0.3:
        parts.append(P(r.choice(LANGS[lang][2])))
    return join(r.choice([" ", "\n", "\n\n"]), parts)


# ----------------------------------------------------------------------------------------------------------------
# shell sessions, logs, traces, diffs
# ----------------------------------------------------------------------------------------------------------------
def shell_session(ctx, k=None):
    r = ctx.r
    pr = r.choice(["$ ", "dev@build-01:~/src/app$ ", "➜  app git:(main) ", "PS C:\\src\\app> ", "root@bastion:~# "])
    out = []
    for _ in range(k or r.randint(2, 5)):
        c = r.randrange(10)
        if c < 4:
            out.append(cat(pr, sh_line(ctx, r)))
            out.append(P(r.choice(["Login Succeeded", "secret/app-secrets created", "", "OK", "✓ Logged in as jdoe", "count\n-------\n 4211\n(1 row)"])))
        elif c == 4:
            e1 = ctx.sec(fmt=r.choice(["aws-access-key-id"] * 5 + ["aws-access-key-id-doc-example"]))
            e2 = ctx.sec(fmt="aws-secret-key-doc-example" if "EXAMPLE" in text(e1.fr) else "aws-secret-access-key")
            out.append(cat(pr, "aws configure\nAWS Access Key ID [None]: ", e1.fr, "\nAWS Secret Access Key [None]: ", e2.fr,
                           "\nDefault region name [None]: eu-west-1\nDefault output format [None]: json"))
        elif c == 5:
            ents = entries(ctx, "env", ks=r.randint(1, 3), kn=r.randint(1, 3), kp=r.randint(1, 3), ml_ok=False)
            out.append(cat(pr, r.choice(["env | grep -iE 'key|token|secret|pass'", "cat .env", "printenv | sort"]), "\n", block("env", ents, r)))
        elif c == 6:
            e = ctx.sec(ml_ok=False)
            out.append(cat(pr, "echo $", e.name, "\n", e.fr))
        elif c == 7:
            ls = []
            for _ in range(r.randint(2, 4)):
                ls.append(cat(N(rnd(r, 7, "h"), "git-sha", "short"), " ", r.choice(["fix: retry on 502", "chore: bump deps", "feat: export csv", "refactor config loading"])))
            out.append(cat(pr, "git log --oneline -n 4\n", lines(*ls)))
        elif c == 8:
            ls = []
            for _ in range(r.randint(1, 3)):
                ls.append(cat("ghcr.io/acme/api   ", r.choice(["latest", "1.8.2", "main"]), "   ", N(rnd(r, 12, "h"), "digest", "image-id-short"), "   2 days ago   212MB"))
            out.append(cat(pr, "docker images\nREPOSITORY         TAG      IMAGE ID       CREATED      SIZE\n", lines(*ls)))
        else:
            e = ctx.sec(fmt=r.choice(["vault-service-token", "vault-batch-token"]))
            out.append(cat(pr, "vault token create -policy=deploy -ttl=24h\nKey                  Value\n---                  -----\ntoken                ", e.fr,
                           "\ntoken_accessor       ", N(rnd(r, 24, "a"), "key-id", "vault-accessor", True), "\ntoken_duration       24h\ntoken_renewable      true\ntoken_policies       [\"default\" \"deploy\"]"))
    return lines(*out)


def ci_log(ctx):
    r = ctx.r
    t0 = ts(r)
    out = []

    def stamp(i):
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t0 + i)) + ".%07dZ " % r.randrange(10 ** 7)
    body = [P("##[group]Run actions/checkout@v4"), P("##[endgroup]"), P("##[group]Run ./scripts/deploy.sh"), P("env:")]
    for e in ctx.negs("log", r.randint(1, 3), ["ref-ci-secret"]):
        body.append(cat("  ", e.name, ": ", N("***", "masked", "ci-mask")))
    body.append(P("##[endgroup]"))
    for _ in range(r.randint(1, 3)):
        c = r.randrange(5)
        if c == 0:
            body.append(cat("+ ", sh_line(ctx, r)))
        elif c == 1:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "database")
            body.append(cat("DEBUG [db] connecting with ", e.name, "=", e.fr))
        elif c == 2:
            e = ctx.sec(ml_ok=False)
            body.append(cat("config loaded: {", repr(case(e.name, "snake"))[1:-1], ": '", e.fr, "', region: 'eu-west-1'}"))
        elif c == 3:
            body.append(cat("#7 [build 3/6] RUN npm ci\n#7 DONE 21.4s\n#9 writing image ", N("sha256:" + rnd(r, 64, "h"), "digest", "oci-digest"), " done"))
        else:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("vcs-ci", "package-registry"))
            body.append(cat("npm http fetch GET 200 https://registry.npmjs.org/@acme%2fui 212ms\nnpm verb token ", e.fr))
    for e in ctx.negs("log", r.randint(1, 3), ["git-sha", "request-id", "digest", "version-string", "sri-integrity"], ml_ok=False):
        body.append(cat({"git-sha": "HEAD is now at ", "request-id": "request id: ", "digest": "digest: ", "version-string": "using version ",
                         "sri-integrity": "npm notice integrity: "}[NEG_OF(e)], e.fr))
    body.append(P("##[error]Process completed with exit code 1." if r.random() < 0.4 else "Deploy finished."))
    for i, b in enumerate(body):
        out.append(cat(stamp(i), fmap(b, lambda s: s.replace("\n", "\n" + stamp(i)))))
    return lines(*out)


def stack_trace(ctx):
    r = ctx.r
    k = r.randrange(5)
    pick = [("postgres-url-password", "mysql-url-password", "mssql-url-password", "cockroach-url-password", "snowflake-url-password"),
            ("jdbc-postgres-password", "jdbc-mysql-password", "jdbc-sqlserver-password", "jdbc-oracle-password"),
            ("mongodb-url-password", "mongodb-srv-url-password"),
            ("amqp-url-password", "redis-url-password", "rediss-url-password", "mqtt-url-password"),
            ("adonet-password", "odbc-password")][k]
    e = ctx.sec(ml_ok=False, pred=lambda f: f.name in pick)
    ip = lambda: N("10.0.%d.%d" % (r.randrange(256), r.randrange(1, 255)), "ip-address", "private-ip")
    addr = N("0x%012x" % r.getrandbits(44), "memory-address", "pointer")
    if k == 0:
        return cat("Traceback (most recent call last):\n  File \"/app/worker.py\", line 88, in <module>\n    main()\n  File \"/app/db.py\", line 21, in connect\n"
                   "    return create_engine(url, pool_pre_ping=True)\nsqlalchemy.exc.ArgumentError: Could not parse SQLAlchemy URL from string '", e.fr,
                   "'\n<sqlalchemy.engine.base.Engine object at ", addr, ">")
    if k == 1:
        return cat("Exception in thread \"main\" org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'\n"
                   "Caused by: java.sql.SQLException: Connection refused. url=", e.fr, "\n\tat org.postgresql.Driver.connect(Driver.java:283)\n"
                   "\tat com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)")
    if k == 2:
        return cat("MongoServerSelectionError: connect ECONNREFUSED ", ip(), ":27017\n    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:278:38)\n"
                   "  reason: TopologyDescription { type: 'Unknown', servers: Map(1) },\n  uri: '", e.fr, "'\n}")
    if k == 3:
        return cat("panic: dial tcp ", ip(), ":5672: connect: connection refused (url=", e.fr, ")\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/worker/main.go:42 +0x", N(rnd(r, 3, "h"), "memory-address", "offset"))
    return cat("Unhandled exception. System.ArgumentException: Format of the initialization string does not conform to specification starting at index 0.\n"
               "   ConnectionString: ", e.fr, "\n   at System.Data.Common.DbConnectionOptions.GetKeyValuePair(String connectionString, Int32 currentPosition)")


def diff_text(ctx):
    r = ctx.r
    style, path = r.choice([("env", ".env"), ("yaml", "config/prod.yaml"), ("py", "app/settings.py"), ("ts", "src/config.ts"), ("hcl", "terraform.tfvars"),
                            ("properties", "src/main/resources/application.properties")])
    lang = STYLE_LANG.get(style, style)
    nc = NAME_CASE.get(style, "keep") if style in CODE else ("dot" if style == "properties" else "keep")
    ctxl = plains(r, r.randint(2, 4))
    old = ctx.negs(lang, r.randint(1, 3), ["placeholder", "ref-env-var" if lang not in CODE else "ref-env-lookup", "short-or-empty", "masked"], ml_ok=False)
    new = ctx.secs(r.randint(1, 3), ml_ok=False)
    extra = ctx.negs(lang, r.randint(0, 2), ml_ok=False)
    body = [cat(" ", kv(style, e, r, nc)) for e in ctxl[:2]]
    body += [cat("-", kv(style, e, r, nc)) for e in old]
    body += [cat("+", kv(style, e, r, nc)) for e in new + extra]
    body += [cat(" ", kv(style, e, r, nc)) for e in ctxl[2:]]
    a, b = N(rnd(r, 7, "h"), "git-sha", "short"), N(rnd(r, 7, "h"), "git-sha", "short")
    hdr = cat("diff --git a/", path, " b/", path, "\nindex ", a, "..", b, " 100644\n--- a/", path, "\n+++ b/", path,
              "\n@@ -%d,%d +%d,%d @@\n" % (r.randint(1, 40), len(ctxl) + len(old), r.randint(1, 40), len(ctxl) + len(new) + len(extra)))
    if r.random() < 0.4:
        hdr = cat("From ", N(rnd(r, 40, "h"), "git-sha", "full"), " Mon Sep 17 00:00:00 2001\nFrom: Jane Doe <jane@acme.io>\nSubject: [PATCH] wire prod credentials\n\n---\n", hdr)
    return lines(hdr, *body)


def some_file_content(ctx, ml_ok=True):
    """(path, fragment) of a repository-like file, for tool results"""
    r = ctx.r
    prods = [f_dotenv, f_yaml_config, f_json_config, f_toml, f_ini, f_properties, f_code, f_code, f_compose, f_k8s_secret, f_tf, f_npmrc,
             f_dotfile, f_shell, f_xml, f_sql, f_gha, f_readme, f_helm]
    for _ in range(5):
        files = r.choice(prods)(ctx, "")
        p, fr = files[0]
        if ml_ok or "\n" not in "".join(t for t, m in fr if m):
            return p, fr
    return p, fr


def numbered(fr):
    """Claude Code's Read tool output: '     1\\t' before every line (only used when no label spans lines)"""
    out = []
    n = 1
    out.append(("%6d\t" % n, None))
    for t, m in fr:
        if m is None and "\n" in t:
            pieces = t.split("\n")
            buf = pieces[0]
            for pc in pieces[1:]:
                n += 1
                buf += "\n%6d\t" % n + pc
            out.append((buf, None))
        else:
            out.append((t, m))
    return out


def tool_output(ctx):
    """(kind, input, output fragment) for a tool call"""
    r = ctx.r
    k = r.randrange(10)
    if k < 5:
        p, fr = some_file_content(ctx)
        return "read", "/home/dev/src/%s/%s" % (r.choice(["api", "infra", "shop", "bot"]), p), fr
    if k < 7:
        return "bash", r.choice(["cat .env && env | grep KEY", "./scripts/deploy.sh --dry-run", "kubectl get secret app -o yaml", "history | tail -20"]), shell_session(ctx)
    if k == 7:
        return "bash", "gh run view --log-failed", ci_log(ctx)
    if k == 8:
        return "bash", "python -m app.worker", stack_trace(ctx)
    return "bash", "git diff HEAD~1", diff_text(ctx)


# ----------------------------------------------------------------------------------------------------------------
# agent traffic: request bodies and artefacts
# ----------------------------------------------------------------------------------------------------------------
def nid(v, sub, cls="object-id"):
    return Str(N(v, cls, sub))


def claude_system(ctx):
    r = ctx.r
    shas = [cat(N(rnd(r, 7, "h"), "git-sha", "short"), " ", r.choice(["fix login redirect", "add retries", "bump deps", "wire sentry", "ci: cache pnpm"])) for _ in range(3)]
    return cat("You are Claude Code, Anthropic's official CLI for Claude.\n\n<env>\nWorking directory: /home/dev/src/", r.choice(["api", "shop", "infra"]),
               "\nIs directory a git repo: Yes\nPlatform: linux\nToday's date: 2025-%02d-%02d\n</env>\n\ngitStatus: Current branch: main\n\nRecent commits:\n" % (r.randint(1, 12), r.randint(1, 28)),
               lines(*shas))


def a_anthropic(ctx):
    r = ctx.r
    ascii_ = r.random() < 0.3
    msgs = [{"role": "user", "content": [{"type": "text", "text": Str(chat_text(ctx))}]}]
    for _ in range(r.choice([1, 1, 2, 2, 3])):
        kind, inp, out = tool_output(ctx)
        tid = "toolu_01" + rnd(r, 22)
        if kind == "read":
            use = {"type": "tool_use", "id": nid(tid, "tool-use-id"), "name": "Read", "input": {"file_path": inp}}
            if not any("\n" in t for t, m in out if m):
                out = numbered(out)
        else:
            use = {"type": "tool_use", "id": nid(tid, "tool-use-id"), "name": "Bash", "input": {"command": inp, "description": "Inspect the environment"}}
        msgs.append({"role": "assistant", "content": [{"type": "text", "text": r.choice(["Let me look at the config.", "I'll check that.", "Running it now."])}, use]})
        res = {"type": "tool_result", "tool_use_id": nid(tid, "tool-use-id"), "content": Str(out)}
        if r.random() < 0.3:
            res["content"] = [{"type": "text", "text": Str(out)}]
        msgs.append({"role": "user", "content": [res]})
    if r.random() < 0.35:
        tid = "toolu_01" + rnd(r, 22)
        e = ctx.sec(ml_ok=True)
        old, _g = ctx.neg("py", ["ref-env-lookup", "placeholder"])
        new_s = kv("py", e, r, "upper")
        msgs.append({"role": "assistant", "content": [{"type": "tool_use", "id": nid(tid, "tool-use-id"), "name": "Edit", "input": {
            "file_path": "/home/dev/src/api/app/settings.py", "old_string": Str(kv("py", old, r, "upper") if old else P("X = 1")), "new_string": Str(new_s)}}]})
        msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": nid(tid, "tool-use-id"), "content": "The file has been updated."}]})
    msgs.append({"role": "user", "content": Str(chat_text(ctx, ks=r.choice([0, 0, 1])))})
    body = {"model": r.choice(["claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-haiku-4-5"]), "max_tokens": r.choice([8192, 32000, 4096]),
            "system": [{"type": "text", "text": Str(claude_system(ctx)), "cache_control": {"type": "ephemeral"}}], "messages": msgs,
            "tools": [{"name": "Read", "description": "Reads a file from the local filesystem.", "input_schema": {"type": "object", "properties": {"file_path": {"type": "string"}}}},
                      {"name": "Bash", "description": "Executes a bash command.", "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}}}],
            "metadata": {"user_id": Str(N("user_%s_account_%s_session_%s" % (rnd(r, 64, "h"), uuid4(r), uuid4(r)), "request-id", "claude-code-user-id"))},
            "stream": True}
    return "anthropic/%s.json", J(body, indent=None if r.random() < 0.7 else 2, ascii=ascii_)


def a_openai_chat(ctx):
    r = ctx.r
    msgs = [{"role": "system", "content": "You are a coding assistant with file and shell tools."}, {"role": "user", "content": Str(chat_text(ctx))}]
    for _ in range(r.randint(1, 3)):
        cid = "call_" + rnd(r, 24)
        if r.random() < 0.5:
            p, fr = some_file_content(ctx)
            args = J({"path": p, "content": Str(fr)}, compact=r.random() < 0.5)
            name = "write_file"
            res = "ok: wrote %d bytes" % len(text(fr).encode())
            msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": nid(cid, "openai-call-id"), "type": "function",
                         "function": {"name": name, "arguments": Str(args)}}]})
            msgs.append({"role": "tool", "tool_call_id": nid(cid, "openai-call-id"), "content": res})
        else:
            kind, inp, out = tool_output(ctx)
            args = J({"command": inp} if kind == "bash" else {"path": inp}, compact=True)
            msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": nid(cid, "openai-call-id"), "type": "function",
                         "function": {"name": "run_shell" if kind == "bash" else "read_file", "arguments": Str(args)}}]})
            msgs.append({"role": "tool", "tool_call_id": nid(cid, "openai-call-id"), "content": Str(out)})
    if r.random() < 0.4:
        cid = "call_" + rnd(r, 24)
        ents = entries(ctx, "env", ks=r.randint(1, 2), kn=r.randint(1, 2), kp=1, ml_ok=True)
        args = J({"name": "deploy-env", "variables": {case(e.name, "upper"): Str(e.fr) for e in ents}}, compact=True)
        msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": nid(cid, "openai-call-id"), "type": "function",
                     "function": {"name": "set_env_vars", "arguments": Str(args)}}]})
    body = {"model": r.choice(["gpt-4.1", "gpt-4o", "o4-mini", "gpt-5", "mistral-large-latest", "devstral-medium"]), "messages": msgs,
            "tools": [{"type": "function", "function": {"name": "run_shell", "parameters": {"type": "object", "properties": {"command": {"type": "string"}}}}}],
            "temperature": 0.2, "stream": r.random() < 0.5}
    return "openai-chat/%s.json", J(body, indent=None if r.random() < 0.7 else 2, ascii=r.random() < 0.5)


def a_openai_responses(ctx):
    r = ctx.r
    items = [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": Str(chat_text(ctx))}]}]
    for _ in range(r.randint(1, 3)):
        cid = "call_" + rnd(r, 24)
        kind, inp, out = tool_output(ctx)
        cmd = inp if kind == "bash" else "cat " + inp
        items.append({"type": "function_call", "id": nid("fc_" + rnd(r, 48, "h"), "openai-item-id", "request-id"), "call_id": nid(cid, "openai-call-id"),
                      "name": "shell", "arguments": Str(J({"command": ["bash", "-lc", cmd], "timeout_ms": 120000}, compact=True))})
        items.append({"type": "function_call_output", "call_id": nid(cid, "openai-call-id"), "output": Str(out)})
    if r.random() < 0.4:
        cid = "call_" + rnd(r, 24)
        p, fr = some_file_content(ctx)
        patch = cat("*** Begin Patch\n*** Add File: ", p, "\n+", fmap(fr, lambda s: s.replace("\n", "\n+")), "\n*** End Patch")
        items.append({"type": "custom_tool_call", "call_id": nid(cid, "openai-call-id"), "name": "apply_patch", "input": Str(patch)})
    body = {"model": r.choice(["gpt-5-codex", "gpt-5", "o3", "codex-mini-latest"]), "instructions": "You are Codex, a coding agent.",
            "input": items, "tools": [{"type": "function", "name": "shell", "parameters": {"type": "object"}}], "store": False, "stream": True,
            "prompt_cache_key": Str(N(uuid4(r), "uuid", "uuid"))}
    return "openai-responses/%s.json", J(body, ascii=r.random() < 0.3)


def a_chat(ctx):
    r = ctx.r
    lang = r.choice(list(LANGS))
    parts = [chat_text(ctx, lang, ks=r.choice([1, 1, 2, 3]), kn=r.randint(1, 4))]
    if r.random() < 0.5:
        k, inp, out = tool_output(ctx)
        parts.append(cat("```\n", out, "\n```"))
        parts.append(chat_text(ctx, lang, ks=0, kn=r.randint(0, 2)))
    return "chat/%s-" + lang + ".md", cat(join("\n\n", parts), "\n")


def a_shell(ctx):
    r = ctx.r
    return "shell/%s.log", cat(shell_session(ctx, r.randint(3, 7)), "\n")


def a_history(ctx):
    r = ctx.r
    benign = ["ls -la", "cd ~/src/api", "git status", "git pull --rebase", "make test", "docker compose up -d", "kubectl get pods -n prod", "vim .env",
              "npm run build", "terraform plan", "htop", "code ."]
    ls = []
    for _ in range(r.randint(8, 20)):
        if r.random() < 0.25:
            ls.append(sh_line(ctx, r))
        else:
            ls.append(P(r.choice(benign)))
    zsh = r.random() < 0.4
    if zsh:
        ls = [cat(": %d:0;" % ts(r), l_) for l_ in ls]
    return ("history/%s.zsh_history" if zsh else "history/%s.bash_history"), cat(lines(*ls), "\n")


def a_ci(ctx):
    return "ci/%s.log", cat(ci_log(ctx), "\n")


def a_trace(ctx):
    r = ctx.r
    parts = [stack_trace(ctx) for _ in range(r.randint(1, 2))]
    return "traces/%s.txt", cat(join("\n\n", parts), "\n")


def a_diff(ctx):
    r = ctx.r
    return "diffs/%s.patch", cat(join("\n", [diff_text(ctx) for _ in range(r.randint(1, 3))]), "\n")


def split_lines_keep(fr):
    """split a fragment into lines (each keeps its trailing newline); labels must not span lines"""
    out, cur = [], []
    for t, m in fr:
        if m is not None:
            cur.append((t, m))
            continue
        pieces = t.split("\n")
        for i, pc in enumerate(pieces):
            if i < len(pieces) - 1:
                cur.append((pc + "\n", None))
                out.append(cur)
                cur = []
            elif pc:
                cur.append((pc, None))
    if cur:
        out.append(cur)
    return out


def notebook(ctx):
    r = ctx.r
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Exploration\n", "Load the data and call the model.\n"]}]
    for _ in range(r.randint(2, 4)):
        ents = entries(ctx, "py", ks=r.randint(0, 2), kn=r.randint(1, 3), kp=1, ml_ok=False)
        src = cat("import os\n", lines(*[kv("py", e, r, "upper") if r.random() < 0.6 or e.raw else cat('os.environ["', case(e.name, "upper"), '"] = ', code_str("py", e.fr, r)) for e in ents]))
        outs = []
        if r.random() < 0.5:
            e, _g = ctx.neg("log", ["base64-data", "request-id", "uuid", "version-string"], ml_ok=False)
            outs.append({"name": "stdout", "output_type": "stream", "text": [Str(cat("request id: ", e.fr, "\n"))]})
        if r.random() < 0.25:
            outs.append({"data": {"image/png": Str(N("iVBORw0KGgoAAAANSUhEUgAAAoAAAAHgCAYAAAA10dzk" + b64(rbytes(r, r.randint(300, 900))), "base64-data", "notebook-image")),
                         "text/plain": ["<Figure size 640x480 with 1 Axes>"]}, "metadata": {}, "output_type": "display_data"})
        cells.append({"cell_type": "code", "execution_count": r.randint(1, 40), "metadata": {}, "outputs": outs,
                      "source": [Str(l_) for l_ in split_lines_keep(src)]})
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    return J(nb, indent=1, ascii=True)


def a_notebook(ctx):
    return "notebooks/%s.ipynb", cat(notebook(ctx), "\n")


def postman(ctx):
    r = ctx.r
    items = []
    for _ in range(r.randint(2, 4)):
        hdrs = []
        if r.random() < 0.6:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("ai", "saas", "observability", "generic", "payments"))
            hdrs.append({"key": r.choice(["x-api-key", "X-Api-Key", "api-key", "Authorization"]), "value": Str(e.fr), "type": "text"})
        n_, _g = ctx.neg("json", ["ref-template", "placeholder", "gateway-token"], ml_ok=False)
        hdrs.append({"key": "X-Debug-Token", "value": Str(n_.fr), "type": "text"})
        it = {"name": r.choice(["Create order", "List users", "Refund", "Upload file"]), "request": {"method": r.choice(["GET", "POST"]), "header": hdrs,
              "url": {"raw": "{{baseUrl}}/v1/%s" % r.choice(["orders", "users", "refunds"]), "host": ["{{baseUrl}}"]}}}
        if r.random() < 0.5:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam in ("auth-header", "vcs-ci", "saas") and f.wrap is None)
            it["request"]["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": Str(e.fr), "type": "string"}]}
        items.append(it)
    var = [{"key": "baseUrl", "value": "https://api.acme.io"}]
    e = ctx.sec(ml_ok=False)
    var.append({"key": case(e.name, "camel"), "value": Str(e.fr)})
    col = {"info": {"_postman_id": Str(N(uuid4(r), "uuid", "uuid")), "name": "Acme API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": items, "variable": var}
    return J(col, indent="\t" and 2)


def a_postman(ctx):
    return "postman/%s.postman_collection.json", cat(postman(ctx), "\n")


def a_har(ctx):
    r = ctx.r
    ents = []
    for _ in range(r.randint(1, 3)):
        c = r.randrange(3)
        hdrs = [{"name": "accept", "value": "application/json"}]
        req = {"method": "GET", "url": "https://app.acme.io/api/v1/me", "httpVersion": "h2", "headers": hdrs, "queryString": [], "cookies": []}
        if c == 0:
            e = ctx.sec(fmt=r.choice(["jwt-hs256", "jwt-rs256", "jwt-es256", "auth0-management-token", "supabase-service-role-jwt"]))
            hdrs.append({"name": "authorization", "value": Str(cat("Bearer ", e.fr))})
        elif c == 1:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic" and "password" in f.name)
            req["method"] = "POST"
            req["url"] = "https://app.acme.io/login"
            req["postData"] = {"mimeType": "application/x-www-form-urlencoded", "text": Str(cat("username=jdoe%40acme.io&password=", fmap(e.fr, lambda s: quote(s, safe="")), "&remember=1")),
                               "params": []}
        else:
            e = ctx.sec(ml_ok=False, pred=lambda f: f.name == "url-query-api-key" or f.fam in ("ai", "saas"))
            if f_is_wrapped(e):
                req["url"] = Str(e.fr)
            else:
                req["url"] = Str(cat("https://api.acme.io/v2/search?q=shoes&api_key=", e.fr))
        rid, _g = ctx.neg("json", ["request-id", "uuid", "content-hash"], ml_ok=False)
        body, _g = ctx.neg("json", ["base64-data", "object-id", "publishable-key"], ml_ok=False)
        resp = {"status": 200, "statusText": "", "httpVersion": "h2", "headers": [{"name": "x-request-id", "value": Str(rid.fr)}],
                "content": {"size": 312, "mimeType": "application/json", "text": Str(J({"ok": True, "data": {case(body.name, "camel"): Str(body.fr)}}, compact=True))}}
        ents.append({"startedDateTime": isots(r), "time": round(r.random() * 300, 3), "request": req, "response": resp, "cache": {},
                     "timings": {"send": 0.1, "wait": 120.4, "receive": 1.2}})
    har = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": ents}}
    return "har/%s.har", cat(J(har, indent=2), "\n")


def f_is_wrapped(e):
    return text(e.fr) != "".join(t for t, m in e.fr if m)


def a_docker_inspect(ctx):
    r = ctx.r
    envs = []
    for e in entries(ctx, "env", ks=r.randint(1, 3), kn=r.randint(1, 3), kp=2, ml_ok=False):
        envs.append(Str(cat(case(e.name, "upper"), "=", e.fr)))
    envs.append("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    obj = [{"Id": Str(N(rnd(r, 64, "h"), "digest", "container-id")), "Created": isots(r), "Path": "docker-entrypoint.sh",
            "State": {"Status": "running", "Pid": r.randint(1000, 99999)}, "Image": Str(N("sha256:" + rnd(r, 64, "h"), "digest", "oci-digest")),
            "Name": "/api-1", "Config": {"Hostname": Str(N(rnd(r, 12, "h"), "digest", "container-id-short")), "Env": envs, "Cmd": ["gunicorn", "app:app"], "Image": "ghcr.io/acme/api:1.8.2"},
            "NetworkSettings": {"IPAddress": Str(N("172.18.0.%d" % r.randint(2, 250), "ip-address", "private-ip"))}}]
    return "docker/%s-inspect.json", cat(J(obj, indent=4), "\n")


def a_kubectl(ctx):
    r = ctx.r
    data = []
    la = {}
    for k in r.sample(["password", "api-key", "token", "db-url", "client-secret"], r.randint(1, 2)):
        f = FMT_BY_NAME["k8s-secret-data-b64"]
        ctx.fcount[f.name] += 1
        v = f.gen(r)
        data.append(cat("  ", k, ": ", S(v, f.name, f.fam)))
        la[k] = Str(S(v, f.name, f.fam))
    last = J({"apiVersion": "v1", "data": la, "kind": "Secret", "metadata": {"annotations": {}, "name": "app-secrets", "namespace": "prod"}, "type": "Opaque"}, compact=True)
    fr = cat("apiVersion: v1\ndata:\n", lines(*data), "\nkind: Secret\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      ", last,
             "\n  creationTimestamp: \"", isots(r)[:19], "Z\"\n  name: app-secrets\n  namespace: prod\n  resourceVersion: \"%d\"\n  uid: " % r.randint(10 ** 6, 10 ** 8),
             N(uuid4(r), "uuid", "uuid"), "\ntype: Opaque\n")
    return "kubectl/%s-secret.yaml", fr


def a_tfstate(ctx):
    r = ctx.r
    ak = ctx.sec(fmt="aws-access-key-id")
    sk = ctx.sec(fmt="aws-secret-access-key")
    smtp = ctx.sec(fmt="aws-ses-smtp-password")
    pw = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic" and "password" in f.name)
    rp = ctx.sec(ml_ok=False, pred=lambda f: f.fam == "generic")
    acct = str(r.randint(10 ** 11, 10 ** 12 - 1))
    res = [{"mode": "managed", "type": "aws_iam_access_key", "name": "ci", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 0, "attributes": {"id": Str(ak.fr), "secret": Str(sk.fr), "ses_smtp_password_v4": Str(smtp.fr), "status": "Active",
                                                               "user": "ci-deployer"}, "sensitive_attributes": []}]},
           {"mode": "managed", "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
            "instances": [{"schema_version": 2, "attributes": {"arn": Str(N("arn:aws:rds:eu-west-1:%s:db:main" % acct, "ref-secret-manager", "aws-arn")),
                                                               "password": Str(pw.fr), "username": "app", "endpoint": "main.c7x2k1.eu-west-1.rds.amazonaws.com:5432"}}]},
           {"mode": "managed", "type": "random_password", "name": "api", "provider": "provider[\"registry.terraform.io/hashicorp/random\"]",
            "instances": [{"schema_version": 3, "attributes": {"bcrypt_hash": Str(N("$2a$10$" + rnd(r, 53, "./" + UP + LO + DG), "password-hash", "bcrypt")),
                                                               "id": "none", "length": 32, "result": Str(rp.fr), "special": True}}]}]
    st = {"version": 4, "terraform_version": "1.%d.%d" % (r.randint(5, 9), r.randint(0, 5)), "serial": r.randint(1, 300), "lineage": Str(N(uuid4(r), "uuid", "uuid")),
          "outputs": {"db_password": {"value": Str(pw.fr), "type": "string", "sensitive": True}}, "resources": res, "check_results": None}
    return "terraform/%s.tfstate", cat(J(st, indent=2), "\n")


AGENT_KINDS = [(a_anthropic, 24), (a_openai_chat, 12), (a_openai_responses, 8), (a_chat, 15), (a_shell, 7), (a_history, 3), (a_ci, 6), (a_trace, 5),
               (a_diff, 5), (a_notebook, 3), (a_postman, 3), (a_har, 3), (a_docker_inspect, 2), (a_kubectl, 2), (a_tfstate, 2)]


# ----------------------------------------------------------------------------------------------------------------
# repositories
# ----------------------------------------------------------------------------------------------------------------
def C(lang):
    return lambda ctx, d: f_code(ctx, d, lang)


def f_notebook(ctx, d):
    return [(d + ctx.r.choice(["notebooks/explore.ipynb", "analysis/eval.ipynb"]), cat(notebook(ctx), "\n"))]


def f_postman(ctx, d):
    return [(d + "postman/api.postman_collection.json", cat(postman(ctx), "\n"))]


ECOS = {
    "python": ([f_dotenv, C("py")], [f_env_example, C("py"), f_yaml_config, f_ini, f_readme, f_lock, f_compose, f_dockerfile, f_notebook, f_gha, f_sql, f_toml]),
    "node": ([f_dotenv, C("ts")], [f_env_example, C("js"), f_json_config, f_npmrc, f_readme, f_lock, f_i18n, f_minified, f_compose, f_gha, f_postman]),
    "go": ([C("go"), f_yaml_config], [f_toml, f_dotenv, f_readme, f_lock, f_dockerfile, f_k8s_deploy, f_gitlab_ci]),
    "java": ([f_properties, C("java")], [f_yaml_config, f_xml, f_readme, f_dockerfile, f_k8s_secret, f_sql]),
    "kotlin": ([C("kt"), f_properties], [f_yaml_config, f_readme, f_gha, f_pem]),
    "dotnet": ([f_json_config, C("cs")], [f_xml, f_readme, f_json_config, f_dockerfile]),
    "ruby": ([f_yaml_config, C("rb")], [f_dotenv, f_dotfile, f_readme, f_sql, f_compose]),
    "php": ([f_wp, f_dotenv], [C("php"), f_readme, f_compose, f_sql]),
    "rust": ([C("rs"), f_toml], [f_dotenv, f_readme, f_dockerfile]),
    "swift": ([C("swift"), f_xml], [f_readme, f_json_config]),
    "terraform": ([f_tf], [f_readme, f_gha, f_gitlab_ci, f_shell, f_sa]),
    "k8s": ([f_k8s_secret, f_k8s_deploy], [f_helm, f_readme, f_dotfile, f_pem, f_gitlab_ci]),
    "ansible": ([f_ansible], [f_ansible, f_readme, f_shell, f_pem]),
    "dotfiles": ([f_dotfile, f_dotfile], [f_dotfile, f_dotfile, f_npmrc, f_shell, f_pem]),
    "ml": ([f_notebook, C("py")], [f_dotenv, f_yaml_config, f_readme, f_sa, f_jwks]),
    "ops": ([f_shell, f_compose], [f_dotenv, f_gha, f_gitlab_ci, f_readme, f_sql, f_jwks, f_sa]),
}
PROJECTS = ["billing-api", "orders-svc", "acme-web", "data-pipeline", "mobile-app", "infra-live", "platform-charts", "ml-training", "support-bot",
            "payments-gateway", "auth-service", "analytics-etl", "shop-frontend", "notifier", "search-indexer", "ops-scripts", "crm-sync", "status-page",
            "dotfiles", "warehouse-loader", "ledger", "cms", "chat-widget", "edge-proxy"]


def repo_project(ctx, n, budget):
    r = ctx.r
    eco = r.choice(list(ECOS))
    must, opt = ECOS[eco]
    d = "repo/%s-%d/" % (r.choice(PROJECTS), n)
    prods = list(must) + r.sample(opt, min(len(opt), r.randint(2, 5)))
    files = []
    seen = set()
    for p in prods:
        for path, fr in p(ctx, d):
            if path in seen or len(files) >= budget:
                continue
            seen.add(path)
            files.append((path, fr))
    return files


# ----------------------------------------------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------------------------------------------
def generate(seed, nfiles):
    r = random.Random(seed)
    ctx = Ctx(r)
    files = []
    n_agent = nfiles // 2
    kinds = [k for k, w in AGENT_KINDS]
    weights = [w for k, w in AGENT_KINDS]
    for i in range(n_agent):
        fn = r.choices(kinds, weights)[0]
        pat, fr = fn(ctx)
        files.append(("agent/" + pat % ("%04d" % (i + 1)), fr))
    n = 0
    while len(files) < nfiles:
        n += 1
        files.extend(repo_project(ctx, n, nfiles - len(files)))
    return files


def render(files):
    labels, negs, blobs = [], [], []
    for path, fr in files:
        pos = 0
        parts = []
        for t, m in fr:
            b = t.encode("utf-8")
            if m and b:
                if m[0] == "S":
                    labels.append({"file": path, "start": pos, "end": pos + len(b), "format": m[1], "family": m[2], "value": t})
                else:
                    negs.append({"file": path, "start": pos, "end": pos + len(b), "class": m[1], "sub": m[2], "disputed": m[3], "value": t})
            parts.append(b)
            pos += len(b)
        blobs.append((path, b"".join(parts)))
    return blobs, labels, negs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=10010)
    ap.add_argument("--files", type=int, default=1200)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    files = generate(a.seed, a.files)
    paths = [p for p, _ in files]
    assert len(paths) == len(set(paths)), "duplicate paths"
    blobs, labels, negs = render(files)
    out = a.out
    tree = os.path.join(out, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    for path, b in blobs:
        p = os.path.join(tree, path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(b)
    key = lambda x: (x["file"], x["start"])
    labels.sort(key=key)
    negs.sort(key=key)
    with open(os.path.join(out, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for i, l in enumerate(labels):
            l = {"file": l["file"], "start": l["start"], "end": l["end"], "format": l["format"], "family": l["family"], "value": l["value"], "id": "s%05d" % (i + 1)}
            fh.write(json.dumps(l, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "negatives.jsonl"), "w", encoding="utf-8") as fh:
        for i, n in enumerate(negs):
            n = {"file": n["file"], "start": n["start"], "end": n["end"], "class": n["class"], "sub": n["sub"], "disputed": n["disputed"], "value": n["value"], "id": "n%05d" % (i + 1)}
            fh.write(json.dumps(n, ensure_ascii=False) + "\n")
    stats = {
        "seed": a.seed, "files": len(blobs), "agent_files": sum(p.startswith("agent/") for p in paths), "repo_files": sum(p.startswith("repo/") for p in paths),
        "bytes": sum(len(b) for _, b in blobs), "secrets": len(labels), "formats": len({l["format"] for l in labels}),
        "negatives": len(negs), "negative_classes": len({n["class"] for n in negs}), "disputed_negatives": sum(n["disputed"] for n in negs),
        "secrets_by_family": dict(sorted(collections.Counter(l["family"] for l in labels).items())),
        "secrets_by_format": dict(sorted(collections.Counter(l["format"] for l in labels).items())),
        "negatives_by_class": dict(sorted(collections.Counter(n["class"] for n in negs).items())),
        "disputed_by_class": dict(sorted(collections.Counter(n["class"] for n in negs if n["disputed"]).items())),
        "files_by_kind": dict(sorted(collections.Counter(p.split("/")[1] if p.startswith("agent/") else "repo" for p in paths).items())),
        "generator": "perf/heldout10/gen.py",
    }
    with open(os.path.join(out, "stats.json"), "w") as fh:
        json.dump(stats, fh, indent=2, sort_keys=True)
        fh.write("\n")
    dt = time.time() - t0
    print("wrote %d files (%d bytes), %d secrets in %d formats, %d negatives in %d classes (%d disputed) to %s in %.1fs" % (
        stats["files"], stats["bytes"], stats["secrets"], stats["formats"], stats["negatives"], stats["negative_classes"], stats["disputed_negatives"], out, dt))
    if not a.no_check:
        chk = os.path.join(os.path.dirname(os.path.abspath(__file__)), "selfcheck.py")
        rc = subprocess.call([sys.executable, chk, out])
        if rc != 0:
            print("selfcheck failed", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
