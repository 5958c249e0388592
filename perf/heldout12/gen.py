#!/usr/bin/env python3
"""Held-out corpus #12 for the secret scanner: agent traffic and repository files.

usage: python3 gen.py --seed 12012 --files 1000 --out DIR [--no-check]

Writes DIR/tree/** (the files to scan), DIR/labels.jsonl (one object per planted secret) and
DIR/negatives.jsonl (one object per planted hard negative). Standard library only, deterministic:
the same seed and file count give byte-identical output. Written without sight of the scanner.

Every secret below is a random fake made by this script; none is, or was, a real credential.
The few fixed strings (AKIAIOSFODNN7EXAMPLE, jwt.io's token, Azurite's key, ...) are published
documentation examples and are planted as *disputed negatives*, never as labels.
"""
import argparse
import base64
import hashlib
import json
import os
import random
import re
import shutil
import string
import struct
import subprocess
import sys
import time
import zlib

# --------------------------------------------------------------------------------------------
# alphabets, random helper, encoders
# --------------------------------------------------------------------------------------------
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
LAN = LO + DG
UAN = UP + DG
HX = "0123456789abcdef"
UHX = HX.upper()
B64 = AN + "+/"
B64U = AN + "-_"
B32 = UP + "234567"
B32L = LO + "234567"
B62 = DG + UP + LO
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
PWCH = AN + "!@#%^&*()-_=+[]{}:;,.?/~|<>"
URLPW = AN + "-_.~"


class G:
    """All randomness goes through one random.Random."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def s(self, alpha, n):
        if isinstance(n, tuple):
            n = self.r.randint(*n)
        return "".join(self.r.choices(alpha, k=n))

    def hex(self, n): return self.s(HX, n)
    def HEX(self, n): return self.s(UHX, n)
    def an(self, n): return self.s(AN, n)
    def lan(self, n): return self.s(LAN, n)
    def uan(self, n): return self.s(UAN, n)
    def b64(self, n): return self.s(B64, n)
    def b64u(self, n): return self.s(B64U, n)
    def dig(self, n): return self.s(DG, n)
    def int(self, a, b): return self.r.randint(a, b)
    def chance(self, p): return self.r.random() < p
    def rb(self, n): return self.r.randbytes(n)
    def shuffle(self, l): self.r.shuffle(l)
    def sample(self, seq, k): return self.r.sample(list(seq), k)

    def pick(self, seq):
        seq = list(seq) if not isinstance(seq, (list, tuple, str)) else seq
        return seq[self.r.randrange(len(seq))]

    def wpick(self, pairs):
        tot = sum(w for w, _ in pairs)
        x = self.r.random() * tot
        for w, v in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][1]

    def uuid(self):
        h = list(self.hex(32))
        h[12] = "4"
        h[16] = self.pick("89ab")
        h = "".join(h)
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def ts(self):  # unix seconds in 2024-2025
        return self.int(1704067200, 1767225599)

    def date(self):
        return "2025-%02d-%02d" % (self.int(1, 12), self.int(1, 28))

    def iso(self):
        return "%sT%02d:%02d:%02d.%03dZ" % (self.date(), self.int(0, 23), self.int(0, 59), self.int(0, 59), self.int(0, 999))

    def ip_private(self):
        return self.pick(["10.%d.%d.%d" % (self.int(0, 255), self.int(0, 255), self.int(1, 254)),
                          "172.%d.%d.%d" % (self.int(16, 31), self.int(0, 255), self.int(1, 254)),
                          "192.168.%d.%d" % (self.int(0, 255), self.int(1, 254))])

    def word(self):
        return self.pick(WORDS)


WORDS = ("amber anchor apollo aspen atlas aurora basalt beacon birch bison blaze boreal cedar cinder cobalt comet "
         "copper coral cosmos crane delta dune echo ember falcon fennel fjord flint forge gale garnet glacier "
         "granite harbor hazel helix heron indigo iris jade jasper juniper kelp kestrel lagoon larch lumen lynx "
         "magma maple marble meadow mesa mistral nebula nimbus oak onyx opal orbit otter pebble pine plume "
         "polar prairie quartz quill raven reef ridge river saffron sage sequoia sierra slate sparrow spruce "
         "summit tango thistle tidal topaz tundra umber vale vector willow zenith zephyr").split()


def b62enc(n, width=0):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def b64s(b):
    return base64.b64encode(b).decode()


def b64u_np(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def b58enc(b):
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58check(payload):
    return b58enc(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])


def _bech_polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = ((chk & 0x1ffffff) << 5) ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _bech_hrp(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _convertbits(data, fb, tb):
    acc = bits = 0
    out = []
    maxv = (1 << tb) - 1
    for v in data:
        acc = (acc << fb) | v
        bits += fb
        while bits >= tb:
            bits -= tb
            out.append((acc >> bits) & maxv)
    if bits:
        out.append((acc << (tb - bits)) & maxv)
    return out


def bech32(hrp, data8):
    data = _convertbits(data8, 8, 5)
    pm = _bech_polymod(_bech_hrp(hrp) + data + [0] * 6) ^ 1
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + chk)


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def jdump(obj, indent=None, ascii_=False, compact=True):
    """json.dumps that keeps the private-use markers; optional \\uXXXX escaping of other non-ASCII."""
    if indent is None and compact:
        s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    else:
        s = json.dumps(obj, ensure_ascii=False, indent=indent)
    if "\ue003" in s:
        s = re.sub('"\ue003(\\d+)\ue003"', lambda m: RAWS[int(m.group(1))], s)
    if ascii_:
        s = uescape(s)
    return s


RAWS = []


def jraw(text):
    """A value emitted verbatim (unquoted) by jdump: numbers that carry a marker."""
    RAWS.append(text)
    return "\ue003%d\ue003" % (len(RAWS) - 1)


def uescape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if o < 128 or 0xE000 <= o <= 0xE003:
            out.append(ch)
        elif o > 0xFFFF:
            o -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
        else:
            out.append("\\u%04x" % o)
    return "".join(out)


def xml_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# --------------------------------------------------------------------------------------------
# markers: a planted value travels as  \ue000<id>\ue001<value>\ue002  through any number of
# json.dumps layers (which never touch private-use characters) and is resolved to byte offsets
# when the file is written.
# --------------------------------------------------------------------------------------------
MO, MM, MC = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile("\ue000(\\d+)\ue001|\ue002")
STRIP_RE = re.compile("\ue000\\d+\ue001|\ue002")


def unmark(s):
    return STRIP_RE.sub("", s)


def enc_apply(value, enc):
    for e in enc:
        if e == "json":
            value = json.dumps(value, ensure_ascii=False)[1:-1]
        elif e == "ascii":
            value = uescape(value)
        elif e == "xml":
            value = xml_esc(value)
        else:
            raise ValueError(e)
    return value


class Deck:
    """Balanced drawing: every item comes out once per round, in a shuffled order."""

    def __init__(self, g, items):
        self.g = g
        self.items = list(items)
        self.q = []
        self.refill()

    def refill(self):
        l = list(self.items)
        self.g.shuffle(l)
        self.q.extend(l)

    def take(self, pred=None):
        for _ in range(2):
            for i, it in enumerate(self.q):
                if pred is None or pred(it):
                    return self.q.pop(i)
            self.refill()
        raise KeyError("no deck item matches")


# --------------------------------------------------------------------------------------------
# credential formats
# --------------------------------------------------------------------------------------------
class Fmt:
    __slots__ = ("name", "family", "kind", "gen", "names", "human")

    def __init__(self, name, family, kind, gen, names, human):
        self.name, self.family, self.kind, self.gen, self.names, self.human = name, family, kind, gen, names, human


FORMATS = {}
ACRO = {"aws": "AWS", "gcp": "GCP", "api": "API", "id": "ID", "url": "URL", "uri": "URI", "pat": "PAT", "oauth": "OAuth",
        "sas": "SAS", "ad": "AD", "ci": "CI", "ai": "AI", "io": "IO", "hec": "HEC", "jwt": "JWT", "ssh": "SSH",
        "pgp": "PGP", "jwk": "JWK", "wif": "WIF", "jdbc": "JDBC", "odbc": "ODBC", "smtp": "SMTP", "ftp": "FTP",
        "sftp": "SFTP", "ldap": "LDAP", "mqtt": "MQTT", "nats": "NATS", "ibm": "IBM", "cos": "COS", "oci": "OCI",
        "npm": "npm", "pypi": "PyPI", "hmac": "HMAC", "sdk": "SDK", "iam": "IAM", "cdp": "CDP", "cli": "CLI",
        "xai": "xAI", "e2b": "E2B", "mws": "MWS", "psk": "PSK", "tls": "TLS", "ec": "EC", "rsa": "RSA", "dsa": "DSA",
        "db": "DB", "sql": "SQL", "hf": "HF", "oidc": "OIDC", "vapid": "VAPID", "totp": "TOTP", "k8s": "k8s"}


def F(name, family, kind, gen, names, human=None):
    if human is None:
        parts = name.split("-")
        human = " ".join(ACRO.get(p, p.capitalize() if i == 0 else p) for i, p in enumerate(parts))
    FORMATS[name] = Fmt(name, family, kind, gen, names.split(), human)


def P(prefix, alpha, n, suffix=""):
    return lambda g: prefix + g.s(alpha, n) + suffix


def gh_tok(prefix):
    def f(g):
        body = g.an(30)
        return prefix + body + b62enc(zlib.crc32(body.encode()), 6)
    return f


def mkjwt(g, payload, alg="HS256", kid=None, typ_first=None):
    h = {}
    if typ_first is None:
        typ_first = g.chance(0.3)
    if typ_first:
        h["typ"] = "JWT"
    h["alg"] = alg
    if not typ_first and g.chance(0.7):
        h["typ"] = "JWT"
    if kid:
        h["kid"] = kid
    sig = {"HS256": 32, "HS384": 48, "HS512": 64, "RS256": 256, "ES256": 64, "EdDSA": 64, "PS256": 256}[alg]
    return b64u_np(jdump(h).encode()) + "." + b64u_np(jdump(payload).encode()) + "." + b64u_np(g.rb(sig))


def pem(label, der, width=64, headers=""):
    b = b64s(der)
    lines = [b[i:i + width] for i in range(0, len(b), width)]
    return "-----BEGIN %s-----\n%s%s\n-----END %s-----" % (label, headers, "\n".join(lines), label)


def der_rsa1(g):
    if g.chance(0.8):
        hdr = bytes.fromhex("308204a40201000282010100")
        return hdr + g.rb(4 + 0x4a4 - len(hdr))
    hdr = bytes.fromhex("308209280201000282020100")
    return hdr + g.rb(4 + 0x928 - len(hdr))


def der_rsa8(g):
    hdr = bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100")
    return hdr + g.rb(4 + 0x4be - len(hdr))


def der_ec(g):
    if g.chance(0.75):
        return bytes.fromhex("30770201010420") + g.rb(32) + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + g.rb(64)
    return bytes.fromhex("3081a40201010430") + g.rb(48) + bytes.fromhex("a00706052b81040022a16403620004") + g.rb(96)


def der_ec8(g):
    return (bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420") + g.rb(32)
            + bytes.fromhex("a14403420004") + g.rb(64))


def der_ed8(g):
    return bytes.fromhex("302e020100300506032b657004220420") + g.rb(32)


def der_dsa(g):
    hdr = bytes.fromhex("308201bb02010002818100")
    return hdr + g.rb(4 + 0x1bb - len(hdr))


def der_enc8(g):
    hdr = bytes.fromhex("3082051e304806092a864886f70d01050d303b301b06092a864886f70d01050c300e0408")
    mid = g.rb(8) + bytes.fromhex("020208003000301c06092a864886f70d0101071d04") 
    return hdr + mid + g.rb(4 + 0x51e - len(hdr) - len(mid))


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def ssh_ed_pub(g, pub=None):
    pub = pub or g.rb(32)
    return sshstr(b"ssh-ed25519") + sshstr(pub)


def openssh_key(g, comment=None):
    comment = comment or "%s@%s" % (g.pick(["deploy", "ci", "jenkins", "git", "ubuntu", "mlopez", "akira", "svc-backup"]), g.pick(["build-01", "laptop", "bastion", "runner-7", "prod-web-2"]))
    if g.chance(0.8):
        pub, priv = g.rb(32), g.rb(32)
        pubblob = ssh_ed_pub(g, pub)
        keypart = sshstr(b"ssh-ed25519") + sshstr(pub) + sshstr(priv + pub)
    else:
        q = b"\x04" + g.rb(64)
        pubblob = sshstr(b"ecdsa-sha2-nistp256") + sshstr(b"nistp256") + sshstr(q)
        keypart = sshstr(b"ecdsa-sha2-nistp256") + sshstr(b"nistp256") + sshstr(q) + sshstr(b"\x00" + g.rb(32))
    chk = g.rb(4)
    sec = chk + chk + keypart + sshstr(comment.encode())
    pad = 1
    while len(sec) % 8:
        sec += bytes([pad])
        pad += 1
    blob = b"openssh-key-v1\0" + sshstr(b"none") + sshstr(b"none") + sshstr(b"") + struct.pack(">I", 1) + sshstr(pubblob) + sshstr(sec)
    return pem("OPENSSH PRIVATE KEY", blob, 70)


def putty_key(g):
    pub = ssh_ed_pub(g)
    pl = b64s(pub)
    priv = b64s(sshstr(g.rb(32)))
    lines = [pl[i:i + 64] for i in range(0, len(pl), 64)]
    return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-%s\nPublic-Lines: %d\n%s\n"
            "Private-Lines: 1\n%s\nPrivate-MAC: %s" % (g.date().replace("-", ""), len(lines), "\n".join(lines), priv, g.hex(64)))


def pgp_private(g):
    body = b"\x95\x03\xc6\x04" + struct.pack(">I", g.ts()) + b"\x01\x0c\x00" + g.rb(940)
    b = b64s(body)
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    ck = b64s(crc24(body).to_bytes(3, "big"))
    return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PRIVATE KEY BLOCK-----" % ("\n".join(lines), ck)


def wif(g):
    return b58check(b"\x80" + g.rb(32) + b"\x01")


def xprv(g):
    return b58check(bytes.fromhex("0488ade4") + bytes([g.int(0, 3)]) + g.rb(4) + g.rb(4) + g.rb(32) + b"\x00" + g.rb(32))


def pypi_tok(g, test=False):
    loc = b"test.pypi.org" if test else b"pypi.org"
    ident = g.uuid().encode()
    cav = jdump({"version": 1, "permissions": g.pick(["user", {"projects": [g.pick(["acme-sdk", "fastgrid", "tinyllm-utils", "pyconf-loader"])]}])}).encode()
    mac = bytes([2, 1, len(loc)]) + loc + bytes([2, len(ident)]) + ident + b"\x00" + bytes([2, len(cav)]) + cav + b"\x00\x00" + bytes([6, 32]) + g.rb(32)
    return "pypi-" + b64u_np(mac)


def host_name(g):
    return g.pick(["db", "pg", "mysql", "mongo", "redis", "rabbit", "cache", "queue", "primary", "replica"]) + g.pick(["", "-prod", "-01", "-staging", ".internal"])


def db_user(g):
    return g.pick(["app", "admin", "postgres", "api_rw", "svc_billing", "root", "reporting", "django", "rails", "etl", "metabase", "airflow", "analytics_ro", "doadmin", "avnadmin", "neondb_owner"])


def db_name(g):
    return g.pick(["app", "appdb", "orders", "billing", "production", "analytics", "core", "inventory", "auth", "crm", "warehouse", "defaultdb", "neondb"])


def url_pw(g):
    k = g.int(0, 9)
    if k < 6:
        return g.s(URLPW, (14, 32))
    if k < 8:
        return g.an((10, 14)) + g.pick(["%40", "%21", "%23", "%24", "%2F"]) + g.an((4, 10))
    return g.word().capitalize() + g.pick(["-", "_", "."]) + g.word() + g.dig(2)


def cs_pw(g):  # safe inside ADO/JDBC/libpq strings
    return g.s(AN + "!#*-_.", (14, 30))


def rds_host(g, engine="postgres"):
    return g.pick([
        "%s-%s.%s.%s.rds.amazonaws.com" % (g.word(), g.pick(["prod", "db", "cluster"]), g.lan(12), g.pick(["us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2"])),
        "%s.%s" % (host_name(g), g.pick(["internal", "svc.cluster.local", "corp.lan", "prod.acme.io"])),
        "db.%s.supabase.co" % g.lan(20) if engine == "postgres" else "%s.%s.aivencloud.com" % (g.word(), g.pick(["acme", "corp"])),
        "%s-%s-%d.%s" % (g.word(), g.word(), g.int(10000, 999999), "us-east-2.aws.neon.tech" if engine == "postgres" else "eu-central-1.psdb.cloud"),
        g.ip_private(), "localhost", "127.0.0.1", host_name(g)])


def uri_pg(g):
    scheme = g.pick(["postgres", "postgresql"])
    q = g.pick(["", "?sslmode=require", "?sslmode=verify-full&application_name=api", "?schema=public", "?connect_timeout=10"])
    return "%s://%s:%s@%s:%d/%s%s" % (scheme, db_user(g), url_pw(g), rds_host(g), g.pick([5432, 5432, 6543, 5433]), db_name(g), q)


def uri_mysql(g, scheme="mysql"):
    return "%s://%s:%s@%s:3306/%s%s" % (scheme, db_user(g), url_pw(g), rds_host(g, "mysql"), db_name(g), g.pick(["", "?ssl-mode=REQUIRED", "?charset=utf8mb4", "?sslaccept=strict"]))


def uri_mongo(g):
    hosts = ",".join("%s-shard-00-%02d.%s.mongodb.net:27017" % (g.word(), i, g.lan(5)) for i in range(3))
    return "mongodb://%s:%s@%s/%s?ssl=true&replicaSet=atlas-%s-shard-0&authSource=admin" % (db_user(g), url_pw(g), g.pick([hosts, "mongo:27017", g.ip_private() + ":27017"]), db_name(g), g.lan(6))


def uri_mongo_srv(g):
    return "mongodb+srv://%s:%s@cluster%d.%s.mongodb.net/%s?retryWrites=true&w=majority%s" % (db_user(g), url_pw(g), g.int(0, 3), g.lan(5), db_name(g), g.pick(["", "&appName=Cluster0"]))


def uri_redis(g, tls=False):
    host = g.pick(["redis-%d.c%d.us-east-1-2.ec2.redns.redis-cloud.com:%d" % (g.int(10000, 19999), g.int(100, 300), g.int(10000, 19999)),
                   "%s-%s-%d.upstash.io:6379" % (g.word(), g.word(), g.int(10000, 99999)), "cache.internal:6379", "%s:6379" % g.ip_private(),
                   "master.%s.%s.use1.cache.amazonaws.com:6379" % (g.word(), g.lan(6))])
    user = g.pick(["", "default", "app"])
    return "%s://%s:%s@%s%s" % ("rediss" if tls else "redis", user, url_pw(g), host, g.pick(["", "/0", "/1"]))


def uri_amqp(g, tls=False):
    if tls:
        u = g.lan(8)
        return "amqps://%s:%s@%s.rmq.cloudamqp.com/%s" % (u, g.b64u(32), g.pick(["possum", "beaver", "kangaroo", "hawk"]), u)
    return "amqp://%s:%s@%s:5672/%s" % (g.pick(["app", "celery", "worker", "events"]), url_pw(g), g.pick(["rabbitmq", "mq.internal", g.ip_private()]), g.pick(["", "%2F", "prod"]))


def ado_mssql(g):
    srv = g.word() + "-" + g.pick(["sql", "db", "prod"])
    return g.pick([
        "Server=tcp:%s.database.windows.net,1433;Initial Catalog=%s;Persist Security Info=False;User ID=%s;Password=%s;MultipleActiveResultSets=False;Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;" % (srv, db_name(g), db_user(g), cs_pw(g)),
        "Data Source=%s;Initial Catalog=%s;User Id=%s;Password=%s;TrustServerCertificate=True" % (g.pick(["sqlprod01", "(local)", "10.2.0.14,1433", "mssql"]), db_name(g), g.pick(["sa", "app", "svc_web"]), cs_pw(g)),
        "Server=%s;Database=%s;User Id=%s;Password=%s;" % (g.pick(["db", "sql.internal", "mssql,1433"]), db_name(g), g.pick(["sa", "app"]), cs_pw(g))])


F("aws-access-key-id", "cloud", "tok", P("AKIA", B32, 16), "AWS_ACCESS_KEY_ID aws_access_key_id AccessKeyId S3_ACCESS_KEY")
F("aws-temporary-access-key-id", "cloud", "tok", P("ASIA", B32, 16), "AWS_ACCESS_KEY_ID AccessKeyId")
F("aws-secret-access-key", "cloud", "ctx", P("", AN + "+/", 40), "AWS_SECRET_ACCESS_KEY aws_secret_access_key SecretAccessKey S3_SECRET_KEY AWS_SECRET_KEY")
F("aws-session-token", "cloud", "ctx", lambda g: "IQoJb3JpZ2luX2Vj" + g.b64(g.int(40, 60) * 12) + g.pick(["", "=", "=="]), "AWS_SESSION_TOKEN aws_session_token SessionToken")
F("aws-bedrock-api-key", "cloud", "tok", lambda g: "ABSK" + b64s(("BedrockAPIKey-%s-at-%s:%s" % (g.lan(4), g.dig(12), g.b64(40))).encode()), "AWS_BEARER_TOKEN_BEDROCK")
F("aws-mws-auth-token", "cloud", "tok", lambda g: "amzn.mws." + g.uuid(), "MWS_AUTH_TOKEN")
F("aws-appsync-api-key", "cloud", "tok", P("da2-", LAN, 26), "APPSYNC_API_KEY")
F("google-api-key", "cloud", "tok", P("AIzaSy", B64U, 33), "GOOGLE_API_KEY GEMINI_API_KEY YOUTUBE_API_KEY GOOGLE_MAPS_SERVER_KEY GOOGLE_GENERATIVE_AI_API_KEY")
F("gcp-oauth-client-secret", "cloud", "tok", P("GOCSPX-", B64U, 28), "GOOGLE_CLIENT_SECRET client_secret")
F("google-oauth-access-token", "cloud", "tok", lambda g: "ya29." + g.pick(["a0A", "a0Ad52", "c.b0A"]) + g.b64u((140, 200)), "GOOGLE_ACCESS_TOKEN access_token")
F("google-oauth-refresh-token", "cloud", "ctx", lambda g: "1//0" + g.pick("3456ge") + g.b64u(99), "GOOGLE_REFRESH_TOKEN refresh_token")
F("azure-storage-account-key", "cloud", "ctx", lambda g: b64s(g.rb(64)), "AZURE_STORAGE_KEY AZURE_STORAGE_ACCOUNT_KEY storage_account_key AccountKey")
F("azure-storage-connection-string", "cloud", "uri", lambda g: "DefaultEndpointsProtocol=https;AccountName=%s%s;AccountKey=%s;EndpointSuffix=core.windows.net" % (g.word(), g.lan(6), b64s(g.rb(64))), "AZURE_STORAGE_CONNECTION_STRING AzureWebJobsStorage StorageConnectionString")
F("azure-service-bus-connection-string", "cloud", "uri", lambda g: "Endpoint=sb://%s-%s.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s" % (g.word(), g.pick(["prod", "bus", "events"]), b64s(g.rb(32))), "SERVICEBUS_CONNECTION_STRING ServiceBusConnection")
F("azure-event-hubs-connection-string", "cloud", "uri", lambda g: "Endpoint=sb://%s-eh.servicebus.windows.net/;SharedAccessKeyName=%s;SharedAccessKey=%s;EntityPath=%s" % (g.word(), g.pick(["send", "listen", "RootManageSharedAccessKey"]), b64s(g.rb(32)), g.pick(["telemetry", "clicks", "audit-log"])), "EVENTHUB_CONNECTION_STRING EventHubConnection")
F("azure-cosmosdb-connection-string", "cloud", "uri", lambda g: "AccountEndpoint=https://%s-cosmos.documents.azure.com:443/;AccountKey=%s;" % (g.word(), b64s(g.rb(64))), "COSMOS_CONNECTION_STRING CosmosDb")
F("azure-signalr-connection-string", "cloud", "uri", lambda g: "Endpoint=https://%s.service.signalr.net;AccessKey=%s;Version=1.0;" % (g.word(), b64s(g.rb(32))), "Azure__SignalR__ConnectionString")
F("azure-redis-connection-string", "cloud", "uri", lambda g: "%s.redis.cache.windows.net:6380,password=%s,ssl=True,abortConnect=False" % (g.word(), b64s(g.rb(32))), "REDIS_CONNECTION_STRING RedisCache")
F("azure-app-configuration-connection-string", "cloud", "uri", lambda g: "Endpoint=https://%s-appcs.azconfig.io;Id=%s-l0-s0:%s;Secret=%s" % (g.word(), g.an(4), g.b64(20), b64s(g.rb(32))), "AppConfig__ConnectionString")
F("azure-sas-url", "cloud", "uri", lambda g: "https://%s%s.blob.core.windows.net/%s/%s?sv=2022-11-02&ss=%s&srt=sco&sp=%s&se=2026-%02d-01T00:00:00Z&st=2025-%02d-01T00:00:00Z&spr=https&sig=%s" % (g.word(), g.lan(4), g.pick(["backups", "uploads", "exports", "$web"]), g.pick(["db.bak", "report.csv", "img/logo.png", "dump.sql.gz"]), g.pick(["b", "bfqt"]), g.pick(["r", "rl", "rwdlacupiytfx"]), g.int(1, 12), g.int(1, 12), b64s(g.rb(32)).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")), "AZURE_SAS_URL BLOB_SAS_URL")
F("azure-ad-client-secret", "cloud", "tok", lambda g: g.an(3) + g.pick(DG) + "Q~" + g.s(AN + "_.~-", 34), "AZURE_CLIENT_SECRET ARM_CLIENT_SECRET client_secret")
F("azure-devops-pat", "cloud", "ctx", P("", B32L, 52), "AZURE_DEVOPS_PAT AZDO_PERSONAL_ACCESS_TOKEN AZURE_DEVOPS_EXT_PAT")
F("azure-devops-pat-v2", "cloud", "tok", lambda g: g.an(76) + "AZDO" + g.an(4), "AZURE_DEVOPS_PAT SYSTEM_ACCESSTOKEN")
F("azure-function-key", "cloud", "tok", lambda g: g.b64u(44) + "AzFu" + g.b64u(5) + g.pick("AQgw") + "==", "FUNCTION_KEY x-functions-key")
F("azure-search-admin-key", "cloud", "tok", lambda g: g.an(42) + "AzSe" + g.pick("ABCD") + g.an(5), "AZURE_SEARCH_ADMIN_KEY SEARCH_API_KEY")
F("azure-ai-services-key", "ai", "ctx", lambda g: g.an(52) + "JQQJ99" + "BAACOG" + g.an(20), "AZURE_OPENAI_API_KEY AZURE_AI_KEY COGNITIVE_SERVICE_KEY")
F("azure-openai-key-legacy", "ai", "ctx", P("", HX, 32), "AZURE_OPENAI_KEY AZURE_OPENAI_API_KEY")
F("azure-container-registry-password", "cloud", "ctx", lambda g: g.an(42) + "+ACR" + g.an(6), "ACR_PASSWORD REGISTRY_PASSWORD")
F("azure-batch-account-key", "cloud", "ctx", lambda g: b64s(g.rb(64)), "AZURE_BATCH_ACCOUNT_KEY BATCH_ACCOUNT_KEY")
F("digitalocean-pat", "cloud", "tok", P("dop_v1_", HX, 64), "DIGITALOCEAN_ACCESS_TOKEN DO_TOKEN access-token")
F("digitalocean-oauth-token", "cloud", "tok", P("doo_v1_", HX, 64), "DIGITALOCEAN_TOKEN")
F("digitalocean-refresh-token", "cloud", "tok", P("dor_v1_", HX, 64), "DO_REFRESH_TOKEN")
F("digitalocean-spaces-access-key", "cloud", "tok", P("DO00", UAN, 16), "SPACES_ACCESS_KEY_ID")
F("digitalocean-spaces-secret-key", "cloud", "ctx", P("", B64U, 43), "SPACES_SECRET_ACCESS_KEY SPACES_SECRET")
F("alibaba-access-key-id", "cloud", "tok", P("LTAI", AN, 20), "ALIBABA_CLOUD_ACCESS_KEY_ID ALICLOUD_ACCESS_KEY")
F("alibaba-access-key-secret", "cloud", "ctx", P("", AN, 30), "ALIBABA_CLOUD_ACCESS_KEY_SECRET ALICLOUD_SECRET_KEY")
F("tencent-secret-id", "cloud", "tok", P("AKID", AN, 32), "TENCENTCLOUD_SECRET_ID")
F("tencent-secret-key", "cloud", "ctx", P("", AN, 32), "TENCENTCLOUD_SECRET_KEY")
F("huawei-secret-key", "cloud", "ctx", P("", AN, 40), "HUAWEICLOUD_SDK_SK HW_SECRET_KEY")
F("ibm-cloud-api-key", "cloud", "ctx", P("", B64U, 44), "IBMCLOUD_API_KEY IC_API_KEY")
F("ibm-cos-hmac-secret", "cloud", "ctx", P("", HX, 48), "COS_HMAC_SECRET_ACCESS_KEY")
F("oracle-oci-auth-token", "cloud", "ctx", P("", AN + "()[]{}<>;:.+-", 20), "OCI_AUTH_TOKEN OCIR_AUTH_TOKEN")
F("linode-token", "cloud", "ctx", P("", HX, 64), "LINODE_TOKEN LINODE_CLI_TOKEN")
F("vultr-api-key", "cloud", "ctx", P("", UAN, 36), "VULTR_API_KEY")
F("hetzner-api-token", "cloud", "ctx", P("", AN, 64), "HCLOUD_TOKEN HETZNER_API_TOKEN")
F("scaleway-access-key", "cloud", "tok", P("SCW", UAN, 17), "SCW_ACCESS_KEY")
F("scaleway-secret-key", "cloud", "ctx", lambda g: g.uuid(), "SCW_SECRET_KEY")
F("exoscale-api-key", "cloud", "tok", P("EXO", HX, 24), "EXOSCALE_API_KEY")
F("exoscale-api-secret", "cloud", "ctx", P("", B64U, 43), "EXOSCALE_API_SECRET")
F("cloudflare-api-token", "cloud", "ctx", P("", B64U, 40), "CLOUDFLARE_API_TOKEN CF_API_TOKEN")
F("cloudflare-global-api-key", "cloud", "ctx", P("", HX, 37), "CLOUDFLARE_API_KEY CF_API_KEY X-Auth-Key")
F("cloudflare-origin-ca-key", "cloud", "tok", lambda g: "v1.0-" + g.hex(24) + "-" + g.hex(146), "CF_ORIGIN_CA_KEY")
F("cloudflare-tunnel-token", "cloud", "ctx", lambda g: b64s(jdump({"a": g.hex(32), "t": g.uuid(), "s": b64s(g.rb(32))}).encode()), "TUNNEL_TOKEN CLOUDFLARE_TUNNEL_TOKEN")
F("backblaze-application-key", "cloud", "ctx", lambda g: "K00" + g.pick("12345") + g.s(AN + "/+", 27), "B2_APPLICATION_KEY B2_APP_KEY")
F("wasabi-secret-key", "cloud", "ctx", P("", AN, 40), "WASABI_SECRET_KEY")
F("minio-secret-key", "cloud", "ctx", P("", AN, 40), "MINIO_SECRET_KEY MINIO_ROOT_PASSWORD")
F("openshift-token", "cloud", "tok", P("sha256~", B64U, 43), "OPENSHIFT_TOKEN OC_TOKEN")
F("kubernetes-service-account-token", "cloud", "ctx", lambda g: mkjwt(g, {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": 1780000000 + g.int(0, 9999999), "iat": g.ts(), "iss": "https://kubernetes.default.svc.cluster.local", "kubernetes.io": {"namespace": g.pick(["default", "prod", "ci", "argocd"]), "serviceaccount": {"name": g.pick(["deployer", "default", "ci-bot"]), "uid": g.uuid()}}, "nbf": g.ts(), "sub": "system:serviceaccount:prod:deployer"}, "RS256", kid=g.b64u(43)), "K8S_TOKEN KUBE_TOKEN token")
F("kubernetes-bootstrap-token", "cloud", "ctx", lambda g: g.lan(6) + "." + g.lan(16), "KUBEADM_TOKEN bootstrap_token")
F("heroku-api-key", "cloud", "ctx", lambda g: g.uuid(), "HEROKU_API_KEY")
F("heroku-api-key-v2", "cloud", "tok", P("HRKU-AA", B64U, 58), "HEROKU_API_KEY HEROKU_AUTH_TOKEN")
F("netlify-token", "cloud", "tok", P("nfp_", AN, 36), "NETLIFY_AUTH_TOKEN")
F("netlify-legacy-token", "cloud", "ctx", P("", B64U, 43), "NETLIFY_AUTH_TOKEN NETLIFY_ACCESS_TOKEN")
F("vercel-token", "cloud", "ctx", P("", AN, 24), "VERCEL_TOKEN VERCEL_ACCESS_TOKEN")
F("vercel-oidc-token", "cloud", "ctx", lambda g: mkjwt(g, {"iss": "https://oidc.vercel.com/%s" % g.word(), "sub": "owner:%s:project:%s:environment:development" % (g.word(), g.word()), "scope": "owner:%s:project:web:environment:development" % g.word(), "aud": "https://vercel.com/%s" % g.word(), "owner": g.word(), "owner_id": "team_" + g.an(24), "project": g.word(), "project_id": "prj_" + g.an(28), "environment": "development", "user_id": g.an(24), "nbf": g.ts(), "iat": g.ts(), "exp": g.ts() + 43200}, "RS256", kid="mrk-" + g.hex(32)), "VERCEL_OIDC_TOKEN")
F("render-api-key", "cloud", "tok", P("rnd_", AN, 32), "RENDER_API_KEY")
F("railway-token", "cloud", "ctx", lambda g: g.uuid(), "RAILWAY_TOKEN RAILWAY_API_TOKEN")
F("fly-io-token", "cloud", "tok", lambda g: "FlyV1 fm2_" + b64s(g.rb(g.int(200, 260))), "FLY_API_TOKEN")
F("fly-io-org-token", "cloud", "tok", P("fo1_", B64U, 43), "FLY_API_TOKEN FLY_ACCESS_TOKEN")
F("deno-deploy-token", "cloud", "tok", P("ddp_", AN, 36), "DENO_DEPLOY_TOKEN")
F("supabase-service-role-key", "cloud", "ctx", lambda g: mkjwt(g, {"iss": "supabase", "ref": g.lan(20), "role": "service_role", "iat": g.ts(), "exp": g.ts() + 315360000}, "HS256", typ_first=False), "SUPABASE_SERVICE_ROLE_KEY SUPABASE_SERVICE_KEY SERVICE_ROLE_KEY")
F("supabase-access-token", "cloud", "tok", P("sbp_", HX, 40), "SUPABASE_ACCESS_TOKEN")
F("supabase-secret-key", "cloud", "tok", lambda g: "sb_secret_" + g.b64u(22) + "_" + g.an(8), "SUPABASE_SECRET_KEY")
F("planetscale-token", "database", "tok", P("pscale_tkn_", B64U, 43), "PLANETSCALE_SERVICE_TOKEN")
F("planetscale-password", "database", "tok", P("pscale_pw_", B64U, 43), "DATABASE_PASSWORD PLANETSCALE_PASSWORD")
F("planetscale-oauth-token", "database", "tok", P("pscale_oauth_", B64U, 43), "PLANETSCALE_OAUTH_TOKEN")
F("neon-api-key", "database", "tok", P("napi_", LAN, 64), "NEON_API_KEY")
F("mongodb-atlas-private-key", "database", "ctx", lambda g: g.uuid(), "MONGODB_ATLAS_PRIVATE_KEY ATLAS_PRIVATE_KEY")
F("upstash-redis-token", "database", "ctx", lambda g: "A" + g.pick("XYZ") + g.b64(g.int(58, 70)) + "=", "UPSTASH_REDIS_REST_TOKEN KV_REST_API_TOKEN")
F("turso-auth-token", "database", "ctx", lambda g: mkjwt(g, {"a": "rw", "iat": g.ts(), "id": g.uuid()}, "EdDSA", typ_first=False), "TURSO_AUTH_TOKEN LIBSQL_AUTH_TOKEN")
F("xata-api-key", "database", "tok", P("xau_", AN, 36), "XATA_API_KEY")
F("convex-deploy-key", "cloud", "tok", lambda g: "prod:%s-%s-%d|%s" % (g.word(), g.word(), g.int(100, 999), b64s(g.rb(48))), "CONVEX_DEPLOY_KEY")
F("appwrite-api-key", "cloud", "tok", P("standard_", HX, 256), "APPWRITE_API_KEY")
F("firebase-cloud-messaging-server-key", "messaging", "tok", lambda g: "AAAA" + g.b64u(7) + ":APA91b" + g.b64u(134), "FCM_SERVER_KEY FIREBASE_SERVER_KEY")
F("prisma-accelerate-url", "database", "uri", lambda g: "prisma://accelerate.prisma-data.net/?api_key=" + mkjwt(g, {"api_key": g.uuid(), "tenant_id": g.hex(64), "internal_secret": g.uuid()}, "HS256", typ_first=False), "DATABASE_URL ACCELERATE_URL")
F("cloudinary-url", "saas", "uri", lambda g: "cloudinary://%s:%s@%s" % (g.dig(15), g.b64u(27), g.word() + g.pick(["", "-media", "cdn"])), "CLOUDINARY_URL")
F("hashicorp-vault-token", "infra-secrets", "tok", lambda g: "hvs.CAESI" + g.b64u(g.int(86, 100)), "VAULT_TOKEN")
F("hashicorp-vault-batch-token", "infra-secrets", "tok", lambda g: "hvb.AAAAAQ" + g.b64u(130), "VAULT_TOKEN")
F("hashicorp-vault-unseal-key", "infra-secrets", "ctx", lambda g: b64s(g.rb(33)), "VAULT_UNSEAL_KEY unseal_key")
F("terraform-cloud-token", "infra-secrets", "tok", lambda g: g.an(14) + ".atlasv1." + g.an(67), "TF_API_TOKEN TFE_TOKEN ATLAS_TOKEN")
F("pulumi-access-token", "infra-secrets", "tok", P("pul-", HX, 40), "PULUMI_ACCESS_TOKEN")
F("doppler-service-token", "infra-secrets", "tok", lambda g: "dp.st.%s.%s" % (g.pick(["prd", "dev", "stg", "prod_api"]), g.an(40)), "DOPPLER_TOKEN")
F("doppler-personal-token", "infra-secrets", "tok", P("dp.pt.", AN, 43), "DOPPLER_TOKEN")
F("doppler-cli-token", "infra-secrets", "tok", P("dp.ct.", AN, 43), "DOPPLER_TOKEN")
F("doppler-service-account-token", "infra-secrets", "tok", P("dp.sa.", AN, 43), "DOPPLER_TOKEN")
F("infisical-service-token", "infra-secrets", "tok", lambda g: "st.%s.%s.%s" % (g.uuid(), g.hex(32), g.hex(32)), "INFISICAL_TOKEN")
F("onepassword-service-account-token", "infra-secrets", "tok", lambda g: "ops_" + b64u_np(jdump({"signInAddress": "my.1password.com", "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": g.b64u(22)}, "email": "%s@1passwordserviceaccounts.com" % g.lan(13), "srpX": g.hex(64), "muk": {"alg": "A256GCM", "ext": True, "k": g.b64u(43), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"}, "secretKey": "A3-%s-%s-%s-%s-%s-%s" % (g.uan(6), g.uan(6), g.uan(5), g.uan(5), g.uan(5), g.uan(5)), "throttleSecret": {"seed": g.hex(64), "uuid": g.uan(26)}, "deviceUuid": g.lan(26)}).encode()), "OP_SERVICE_ACCOUNT_TOKEN")
F("onepassword-secret-key", "infra-secrets", "ctx", lambda g: "A3-%s-%s-%s-%s-%s-%s" % (g.uan(6), g.uan(6), g.uan(5), g.uan(5), g.uan(5), g.uan(5)), "OP_SECRET_KEY secret_key")
F("akamai-client-secret", "cloud", "ctx", lambda g: b64s(g.rb(33)), "client_secret AKAMAI_CLIENT_SECRET")
F("akamai-access-token", "cloud", "ctx", lambda g: "akab-%s-%s" % (g.lan(16), g.lan(16)), "access_token AKAMAI_ACCESS_TOKEN")
F("fastly-api-token", "cloud", "ctx", P("", B64U, 32), "FASTLY_API_TOKEN FASTLY_API_KEY")
F("ngrok-authtoken", "cloud", "ctx", lambda g: "2" + g.an(26) + "_" + g.an(21), "NGROK_AUTHTOKEN authtoken NGROK_API_KEY")
F("tailscale-auth-key", "cloud", "tok", lambda g: "tskey-auth-k%sCNTRL-%s" % (g.an(10), g.an(32)), "TS_AUTHKEY TAILSCALE_AUTHKEY")
F("tailscale-api-key", "cloud", "tok", lambda g: "tskey-api-k%sCNTRL-%s" % (g.an(10), g.an(32)), "TAILSCALE_API_KEY")
F("consul-acl-token", "infra-secrets", "ctx", lambda g: g.uuid(), "CONSUL_HTTP_TOKEN CONSUL_TOKEN")
F("nomad-token", "infra-secrets", "ctx", lambda g: g.uuid(), "NOMAD_TOKEN")
F("rancher-token", "cloud", "tok", lambda g: "token-%s:%s" % (g.lan(5), g.lan(54)), "RANCHER_TOKEN")
F("portainer-api-key", "cloud", "tok", lambda g: "ptr_" + b64s(g.rb(33)), "PORTAINER_API_KEY")
F("argocd-auth-token", "ci-cd", "ctx", lambda g: mkjwt(g, {"iss": "argocd", "sub": "admin:apiKey", "nbf": g.ts(), "iat": g.ts(), "jti": g.uuid()}, "HS256", typ_first=False), "ARGOCD_AUTH_TOKEN")

F("github-pat", "vcs", "tok", gh_tok("ghp_"), "GITHUB_TOKEN GH_TOKEN GITHUB_PAT GITHUB_API_TOKEN")
F("github-oauth-token", "vcs", "tok", gh_tok("gho_"), "GITHUB_TOKEN oauth_token")
F("github-user-to-server-token", "vcs", "tok", gh_tok("ghu_"), "GITHUB_TOKEN")
F("github-server-to-server-token", "vcs", "tok", gh_tok("ghs_"), "GITHUB_TOKEN GH_INSTALLATION_TOKEN")
F("github-refresh-token", "vcs", "tok", P("ghr_", AN, 76), "GITHUB_REFRESH_TOKEN refresh_token")
F("github-fine-grained-pat", "vcs", "tok", lambda g: "github_pat_%s_%s" % (g.s(UAN, 1) + g.an(21), g.an(59)), "GITHUB_TOKEN GH_PAT GITHUB_PAT")
F("github-copilot-token", "ai", "tok", lambda g: "tid=%s;exp=%d;sku=%s;proxy-ep=proxy.%s.githubcopilot.com;st=dotcom;chat=1;cit=1;malfil=1;editor_preview_features=1;ccr=1;rt=1;8kp=1;ip=%d.%d.%d.%d;asn=AS%d:%s" % (g.hex(32), g.ts(), g.pick(["copilot_for_business_seat", "monthly_subscriber", "copilot_enterprise_seat"]), g.pick(["individual", "business", "enterprise"]), g.int(20, 220), g.int(0, 255), g.int(0, 255), g.int(1, 254), g.int(1000, 60000), g.hex(64)), "COPILOT_TOKEN")
F("gitlab-pat", "vcs", "tok", P("glpat-", B64U, 20), "GITLAB_TOKEN GITLAB_PRIVATE_TOKEN CI_JOB_TOKEN_OVERRIDE GL_TOKEN")
F("gitlab-pat-routable", "vcs", "tok", lambda g: "glpat-" + g.b64u(27) + "." + "01." + g.lan(9), "GITLAB_TOKEN")
F("gitlab-pipeline-trigger-token", "vcs", "tok", P("glptt-", HX, 40), "TRIGGER_TOKEN GITLAB_TRIGGER_TOKEN")
F("gitlab-runner-registration-token", "vcs", "tok", P("GR1348941", B64U, 20), "REGISTRATION_TOKEN")
F("gitlab-runner-auth-token", "vcs", "tok", P("glrt-", B64U, 20), "CI_SERVER_TOKEN RUNNER_TOKEN")
F("gitlab-deploy-token", "vcs", "tok", P("gldt-", B64U, 20), "GITLAB_DEPLOY_TOKEN")
F("gitlab-feed-token", "vcs", "tok", P("glft-", B64U, 20), "GITLAB_FEED_TOKEN")
F("gitlab-incoming-email-token", "vcs", "tok", P("glimt-", LAN, 25), "INCOMING_EMAIL_TOKEN")
F("gitlab-oauth-app-secret", "vcs", "tok", P("gloas-", HX, 64), "GITLAB_APP_SECRET")
F("gitlab-scim-token", "vcs", "tok", P("glsoat-", B64U, 20), "GITLAB_SCIM_TOKEN")
F("gitlab-ci-build-token", "vcs", "tok", lambda g: "glcbt-%s_%s" % (g.hex(2), g.b64u(20)), "CI_JOB_TOKEN")
F("gitlab-agent-token", "vcs", "tok", P("glagent-", B64U, 50), "GITLAB_AGENT_TOKEN")
F("gitlab-feature-flag-client-token", "vcs", "tok", P("glffct-", B64U, 20), "UNLEASH_INSTANCE_ID")
F("bitbucket-app-password", "vcs", "tok", lambda g: "ATBB" + g.an(28) + g.HEX(8), "BITBUCKET_APP_PASSWORD BB_APP_PASSWORD")
F("bitbucket-access-token", "vcs", "tok", lambda g: "ATCTT3xFfGN0" + g.b64u(186) + "=" + g.HEX(8), "BITBUCKET_ACCESS_TOKEN")
F("atlassian-api-token", "saas", "tok", lambda g: "ATATT3xFfGF0" + g.b64u(186) + "=" + g.HEX(8), "JIRA_API_TOKEN CONFLUENCE_API_TOKEN ATLASSIAN_API_TOKEN")
F("gitea-token", "vcs", "ctx", P("", HX, 40), "GITEA_TOKEN FORGEJO_TOKEN")
F("sourcegraph-access-token", "vcs", "tok", lambda g: "sgp_%s_%s" % (g.hex(16), g.hex(40)), "SRC_ACCESS_TOKEN")

F("circleci-personal-token", "ci-cd", "tok", lambda g: "CCIPAT_%s_%s" % (g.an(22), g.hex(40)), "CIRCLECI_TOKEN CIRCLE_TOKEN")
F("circleci-project-token", "ci-cd", "tok", lambda g: "CCIPRJ_%s_%s" % (g.an(22), g.hex(40)), "CIRCLECI_PROJECT_TOKEN")
F("circleci-legacy-token", "ci-cd", "ctx", P("", HX, 40), "CIRCLE_TOKEN CIRCLECI_API_TOKEN")
F("travis-ci-token", "ci-cd", "ctx", P("", B64U, 22), "TRAVIS_TOKEN TRAVIS_API_TOKEN")
F("jenkins-api-token", "ci-cd", "ctx", P("11", HX, 32), "JENKINS_API_TOKEN JENKINS_TOKEN")
F("buildkite-api-token", "ci-cd", "tok", P("bkua_", HX, 40), "BUILDKITE_API_TOKEN")
F("buildkite-agent-token", "ci-cd", "ctx", P("", LAN, 50), "BUILDKITE_AGENT_TOKEN")
F("drone-token", "ci-cd", "ctx", P("", AN, 32), "DRONE_TOKEN")
F("teamcity-token", "ci-cd", "tok", lambda g: "eyJ0eXAiOiAiVENWMiJ9." + g.b64u(36) + "." + b64u_np(g.rb(45)), "TEAMCITY_TOKEN")
F("sonarqube-user-token", "ci-cd", "tok", P("squ_", HX, 40), "SONAR_TOKEN")
F("sonarqube-project-token", "ci-cd", "tok", P("sqp_", HX, 40), "SONAR_TOKEN")
F("sonarqube-global-token", "ci-cd", "tok", P("sqa_", HX, 40), "SONAR_TOKEN")
F("sonarcloud-token", "ci-cd", "ctx", P("", HX, 40), "SONAR_TOKEN SONARCLOUD_TOKEN")
F("codecov-token", "ci-cd", "ctx", lambda g: g.uuid(), "CODECOV_TOKEN")
F("snyk-token", "ci-cd", "ctx", lambda g: g.uuid(), "SNYK_TOKEN SNYK_API_TOKEN")
F("harness-pat", "ci-cd", "tok", lambda g: "pat.%s.%s.%s" % (g.b64u(22), g.hex(24), g.an(20)), "HARNESS_API_KEY")
F("octopus-api-key", "ci-cd", "ctx", P("API-", UAN, 26), "OCTOPUS_API_KEY")
F("jfrog-api-key", "registry", "tok", P("AKCp", AN, 69), "ARTIFACTORY_API_KEY JFROG_API_KEY")
F("jfrog-reference-token", "registry", "tok", lambda g: b64s(("reftkn:01:%d:%s" % (g.int(1800000000, 2100000000), g.b64u(27))).encode()), "JFROG_ACCESS_TOKEN ARTIFACTORY_ACCESS_TOKEN")
F("bitrise-token", "ci-cd", "ctx", P("", B64U, 86), "BITRISE_TOKEN BITRISE_ACCESS_TOKEN")
F("depot-token", "ci-cd", "tok", lambda g: g.pick(["depot_project_", "depot_org_"]) + g.hex(64), "DEPOT_TOKEN")
F("github-actions-runner-token", "ci-cd", "ctx", lambda g: "A" + g.uan(28), "RUNNER_TOKEN ACTIONS_RUNNER_TOKEN")

F("npm-access-token", "registry", "tok", gh_tok("npm_"), "NPM_TOKEN NODE_AUTH_TOKEN _authToken npmAuthToken")
F("npm-legacy-token", "registry", "ctx", lambda g: g.uuid(), "NPM_TOKEN _authToken")
F("npm-auth-basic", "registry", "special", lambda g: b64s(("%s:%s" % (g.pick(["ci", "deploy", "publisher"]), g.s(URLPW, 20))).encode()), "_auth")
F("pypi-upload-token", "registry", "tok", lambda g: pypi_tok(g), "PYPI_TOKEN PYPI_API_TOKEN TWINE_PASSWORD UV_PUBLISH_TOKEN")
F("test-pypi-upload-token", "registry", "tok", lambda g: pypi_tok(g, True), "TEST_PYPI_TOKEN TWINE_PASSWORD")
F("rubygems-api-key", "registry", "tok", P("rubygems_", HX, 48), "GEM_HOST_API_KEY RUBYGEMS_API_KEY")
F("nuget-api-key", "registry", "tok", P("oy2", LAN, 43), "NUGET_API_KEY")
F("crates-io-token", "registry", "tok", P("cio", AN, 32), "CARGO_REGISTRY_TOKEN")
F("dockerhub-pat", "registry", "tok", P("dckr_pat_", B64U, 27), "DOCKERHUB_TOKEN DOCKER_PASSWORD DOCKER_HUB_ACCESS_TOKEN")
F("dockerhub-oat", "registry", "tok", P("dckr_oat_", B64U, 32), "DOCKERHUB_ORG_TOKEN")
F("docker-config-auth", "registry", "special", None, "auth")
F("clojars-token", "registry", "tok", P("CLOJARS_", HX, 60), "CLOJARS_PASSWORD CLOJARS_TOKEN")
F("gradle-publish-secret", "registry", "ctx", P("", AN, 32), "GRADLE_PUBLISH_SECRET gradle.publish.secret")
F("hex-pm-api-key", "registry", "ctx", P("", HX, 32), "HEX_API_KEY")
F("cocoapods-trunk-token", "registry", "ctx", P("", HX, 32), "COCOAPODS_TRUNK_TOKEN")
F("cloudsmith-api-key", "registry", "ctx", P("", HX, 40), "CLOUDSMITH_API_KEY")
F("chocolatey-api-key", "registry", "ctx", lambda g: g.uuid(), "CHOCOLATEY_API_KEY CHOCO_API_KEY")
F("sidekiq-enterprise-credentials", "registry", "ctx", lambda g: "%s:%s" % (g.hex(8), g.hex(8)), "BUNDLE_ENTERPRISE__CONTRIBSYS__COM BUNDLE_GEMS__CONTRIBSYS__COM")
F("package-index-url-with-credentials", "registry", "uri", lambda g: g.pick(["https://%s:%s@%s.jfrog.io/artifactory/api/pypi/pypi-virtual/simple" % (g.pick(["ci", "deploy"]), g.an(64), g.word()),
                                                                              "https://__token__:%s@gitlab.com/api/v4/projects/%s/packages/pypi/simple" % ("glpat-" + g.b64u(20), g.dig(8)),
                                                                              "https://aws:%s@%s-%s.d.codeartifact.us-east-1.amazonaws.com/pypi/pypi-store/simple/" % (g.b64u(g.int(300, 400)), g.word(), g.dig(12))]), "PIP_EXTRA_INDEX_URL PIP_INDEX_URL UV_INDEX_URL")

F("openai-api-key-legacy", "ai", "tok", lambda g: "sk-" + g.an(20) + "T3BlbkFJ" + g.an(20), "OPENAI_API_KEY OPENAI_KEY")
F("openai-project-key", "ai", "tok", lambda g: "sk-proj-" + g.b64u(74) + "T3BlbkFJ" + g.b64u(74), "OPENAI_API_KEY OPENAI_KEY")
F("openai-service-account-key", "ai", "tok", lambda g: "sk-svcacct-" + g.b64u(74) + "T3BlbkFJ" + g.b64u(74), "OPENAI_API_KEY")
F("openai-admin-key", "ai", "tok", lambda g: "sk-admin-" + g.b64u(74) + "T3BlbkFJ" + g.b64u(74), "OPENAI_ADMIN_KEY")
F("openai-user-key", "ai", "tok", lambda g: "sk-None-" + g.an(32) + "T3BlbkFJ" + g.an(32), "OPENAI_API_KEY")
F("anthropic-api-key", "ai", "tok", lambda g: "sk-ant-api03-" + g.b64u(93) + "AA", "ANTHROPIC_API_KEY CLAUDE_API_KEY")
F("anthropic-admin-key", "ai", "tok", lambda g: "sk-ant-admin01-" + g.b64u(93) + "AA", "ANTHROPIC_ADMIN_KEY")
F("anthropic-oauth-token", "ai", "tok", lambda g: "sk-ant-oat01-" + g.b64u(93) + "AA", "CLAUDE_CODE_OAUTH_TOKEN")
F("huggingface-token", "ai", "tok", P("hf_", UP + LO, 34), "HF_TOKEN HUGGING_FACE_HUB_TOKEN HUGGINGFACEHUB_API_TOKEN")
F("huggingface-org-token", "ai", "tok", P("api_org_", UP + LO, 34), "HF_ORG_TOKEN")
F("replicate-api-token", "ai", "tok", P("r8_", AN, 37), "REPLICATE_API_TOKEN")
F("groq-api-key", "ai", "tok", P("gsk_", AN, 52), "GROQ_API_KEY")
F("perplexity-api-key", "ai", "tok", P("pplx-", AN, 48), "PERPLEXITY_API_KEY PPLX_API_KEY")
F("xai-api-key", "ai", "tok", P("xai-", AN, 80), "XAI_API_KEY GROK_API_KEY")
F("deepseek-api-key", "ai", "ctx", P("sk-", HX, 32), "DEEPSEEK_API_KEY")
F("together-api-key", "ai", "tok", P("tgp_v1_", B64U, 43), "TOGETHER_API_KEY")
F("fireworks-api-key", "ai", "tok", P("fw_", AN, 24), "FIREWORKS_API_KEY")
F("openrouter-api-key", "ai", "tok", P("sk-or-v1-", HX, 64), "OPENROUTER_API_KEY")
F("mistral-api-key", "ai", "ctx", P("", AN, 32), "MISTRAL_API_KEY CODESTRAL_API_KEY")
F("cohere-api-key", "ai", "ctx", P("", AN, 40), "COHERE_API_KEY CO_API_KEY")
F("ai21-api-key", "ai", "ctx", P("", AN, 32), "AI21_API_KEY")
F("cerebras-api-key", "ai", "tok", P("csk-", LAN, 48), "CEREBRAS_API_KEY")
F("voyage-api-key", "ai", "tok", P("pa-", B64U, 43), "VOYAGE_API_KEY")
F("elevenlabs-api-key", "ai", "tok", P("sk_", HX, 48), "ELEVENLABS_API_KEY XI_API_KEY")
F("deepgram-api-key", "ai", "ctx", P("", HX, 40), "DEEPGRAM_API_KEY")
F("assemblyai-api-key", "ai", "ctx", P("", HX, 32), "ASSEMBLYAI_API_KEY")
F("stability-api-key", "ai", "tok", P("sk-", AN, 48), "STABILITY_API_KEY")
F("nvidia-api-key", "ai", "tok", P("nvapi-", B64U, 64), "NVIDIA_API_KEY NGC_API_KEY")
F("pinecone-api-key", "ai", "tok", lambda g: "pcsk_%s_%s" % (g.an(5), g.an(63)), "PINECONE_API_KEY")
F("pinecone-legacy-api-key", "ai", "ctx", lambda g: g.uuid(), "PINECONE_API_KEY")
F("langsmith-api-key", "ai", "tok", lambda g: "lsv2_pt_%s_%s" % (g.hex(32), g.hex(10)), "LANGSMITH_API_KEY LANGCHAIN_API_KEY")
F("langsmith-service-key", "ai", "tok", lambda g: "lsv2_sk_%s_%s" % (g.hex(32), g.hex(10)), "LANGSMITH_API_KEY")
F("langfuse-secret-key", "ai", "tok", lambda g: "sk-lf-" + g.uuid(), "LANGFUSE_SECRET_KEY")
F("helicone-api-key", "ai", "tok", lambda g: "sk-helicone-%s-%s-%s-%s" % (g.lan(7), g.lan(7), g.lan(7), g.lan(7)), "HELICONE_API_KEY")
F("wandb-api-key", "ai", "ctx", P("", HX, 40), "WANDB_API_KEY")
F("comet-api-key", "ai", "ctx", P("", AN, 25), "COMET_API_KEY")
F("neptune-api-token", "ai", "ctx", lambda g: b64s(jdump({"api_address": "https://app.neptune.ai", "api_url": "https://app.neptune.ai", "api_key": g.uuid()}).encode()).rstrip("="), "NEPTUNE_API_TOKEN")
F("clarifai-pat", "ai", "ctx", P("", HX, 32), "CLARIFAI_PAT")
F("tavily-api-key", "ai", "tok", lambda g: g.pick(["tvly-", "tvly-dev-"]) + g.an(32), "TAVILY_API_KEY")
F("firecrawl-api-key", "ai", "tok", P("fc-", HX, 32), "FIRECRAWL_API_KEY")
F("e2b-api-key", "ai", "tok", P("e2b_", HX, 40), "E2B_API_KEY")
F("exa-api-key", "ai", "ctx", lambda g: g.uuid(), "EXA_API_KEY")
F("serpapi-api-key", "ai", "ctx", P("", HX, 64), "SERPAPI_API_KEY SERP_API_KEY")
F("browserbase-api-key", "ai", "tok", P("bb_live_", B64U, 27), "BROWSERBASE_API_KEY")
F("modal-token-secret", "ai", "tok", P("as-", AN, 22), "MODAL_TOKEN_SECRET")
F("runpod-api-key", "ai", "tok", P("rpa_", UAN, 48), "RUNPOD_API_KEY")
F("anyscale-api-key", "ai", "tok", P("esecret_", LAN, 30), "ANYSCALE_API_KEY")
F("jina-api-key", "ai", "tok", P("jina_", AN, 60), "JINA_API_KEY")
F("llamacloud-api-key", "ai", "tok", P("llx-", AN, 48), "LLAMA_CLOUD_API_KEY")
F("mem0-api-key", "ai", "tok", P("m0-", AN, 40), "MEM0_API_KEY")
F("baseten-api-key", "ai", "ctx", lambda g: g.an(8) + "." + g.an(32), "BASETEN_API_KEY")
F("roboflow-api-key", "ai", "ctx", P("", AN, 20), "ROBOFLOW_API_KEY")
F("qdrant-api-key", "ai", "ctx", P("", B64U, 36), "QDRANT_API_KEY")

F("stripe-secret-key-live", "payment", "tok", lambda g: "sk_live_" + g.pick([g.an(24), "51" + g.an(97)]), "STRIPE_SECRET_KEY STRIPE_API_KEY STRIPE_KEY")
F("stripe-secret-key-test", "payment", "tok", lambda g: "sk_test_" + g.pick([g.an(24), "51" + g.an(97)]), "STRIPE_SECRET_KEY STRIPE_TEST_SECRET_KEY")
F("stripe-restricted-key-live", "payment", "tok", lambda g: "rk_live_" + g.pick([g.an(24), "51" + g.an(97)]), "STRIPE_RESTRICTED_KEY")
F("stripe-restricted-key-test", "payment", "tok", lambda g: "rk_test_" + g.pick([g.an(24), "51" + g.an(97)]), "STRIPE_RESTRICTED_KEY")
F("stripe-webhook-secret", "payment", "tok", P("whsec_", AN, 32), "STRIPE_WEBHOOK_SECRET STRIPE_SIGNING_SECRET")
F("paystack-secret-key", "payment", "ctx", lambda g: g.pick(["sk_live_", "sk_test_"]) + g.hex(40), "PAYSTACK_SECRET_KEY")
F("flutterwave-secret-key", "payment", "tok", lambda g: g.pick(["FLWSECK-", "FLWSECK_TEST-"]) + g.hex(32) + "-X", "FLW_SECRET_KEY FLUTTERWAVE_SECRET_KEY")
F("flutterwave-encryption-key", "payment", "ctx", lambda g: g.pick(["FLWSECK_TEST", ""]) + g.hex(12), "FLW_ENCRYPTION_KEY")
F("mollie-api-key", "payment", "ctx", lambda g: g.pick(["live_", "test_"]) + g.an(30), "MOLLIE_API_KEY MOLLIE_KEY")
F("gocardless-access-token", "payment", "ctx", lambda g: g.pick(["live_", "sandbox_"]) + g.b64u(40), "GOCARDLESS_ACCESS_TOKEN GC_ACCESS_TOKEN")
F("square-access-token", "payment", "tok", P("EAAA", B64U, 60), "SQUARE_ACCESS_TOKEN")
F("square-oauth-secret", "payment", "tok", P("sq0csp-", B64U, 43), "SQUARE_APPLICATION_SECRET")
F("square-legacy-access-token", "payment", "tok", P("sq0atp-", B64U, 22), "SQUARE_ACCESS_TOKEN")
F("braintree-access-token", "payment", "tok", lambda g: "access_token$%s$%s$%s" % (g.pick(["production", "sandbox"]), g.lan(16), g.hex(32)), "BRAINTREE_ACCESS_TOKEN")
F("paypal-client-secret", "payment", "ctx", lambda g: "E" + g.b64u(79), "PAYPAL_CLIENT_SECRET PAYPAL_SECRET")
F("razorpay-key-secret", "payment", "ctx", P("", AN, 24), "RAZORPAY_KEY_SECRET RAZORPAY_SECRET")
F("adyen-api-key", "payment", "ctx", lambda g: "AQE" + g.s(AN, 30) + "+" + g.s(B64, 60) + "=-" + g.s(B64, 44) + "=-" + g.s(AN + "#$%&<>*", 16), "ADYEN_API_KEY")
F("checkout-com-secret-key", "payment", "tok", lambda g: g.pick(["sk_sbox_", "sk_"]) + g.lan(26), "CKO_SECRET_KEY CHECKOUT_SECRET_KEY")
F("plaid-secret", "payment", "ctx", P("", HX, 30), "PLAID_SECRET")
F("plaid-access-token", "payment", "tok", lambda g: "access-%s-%s" % (g.pick(["production", "sandbox", "development"]), g.uuid()), "PLAID_ACCESS_TOKEN")
F("binance-secret-key", "payment", "ctx", P("", AN, 64), "BINANCE_SECRET_KEY BINANCE_API_SECRET")
F("kraken-private-key", "payment", "ctx", lambda g: b64s(g.rb(64)), "KRAKEN_PRIVATE_KEY KRAKEN_API_SECRET")
F("lemonsqueezy-api-key", "payment", "ctx", lambda g: mkjwt(g, {"aud": "94d59cef-dbb8-4ea5-b178-d2540fcd6919", "jti": g.hex(64), "iat": g.ts(), "nbf": g.ts(), "exp": g.ts() + 31536000, "sub": g.dig(6), "scopes": []}, "RS256", typ_first=True), "LEMONSQUEEZY_API_KEY")
F("paddle-api-key", "payment", "tok", lambda g: "pdl_%s_apikey_01%s_%s_%s" % (g.pick(["live", "sdbx"]), g.lan(24), g.an(22), g.an(3)), "PADDLE_API_KEY")
F("shopify-access-token", "payment", "tok", P("shpat_", HX, 32), "SHOPIFY_ACCESS_TOKEN SHOPIFY_ADMIN_API_ACCESS_TOKEN")
F("shopify-custom-app-token", "payment", "tok", P("shpca_", HX, 32), "SHOPIFY_ACCESS_TOKEN")
F("shopify-private-app-token", "payment", "tok", P("shppa_", HX, 32), "SHOPIFY_PASSWORD SHOPIFY_API_PASSWORD")
F("shopify-shared-secret", "payment", "tok", P("shpss_", HX, 32), "SHOPIFY_API_SECRET SHOPIFY_SHARED_SECRET")
F("woocommerce-consumer-secret", "payment", "tok", P("cs_", HX, 40), "WC_CONSUMER_SECRET WOOCOMMERCE_CONSUMER_SECRET")
F("woocommerce-consumer-key", "payment", "tok", P("ck_", HX, 40), "WC_CONSUMER_KEY WOOCOMMERCE_CONSUMER_KEY")
F("recurly-api-key", "payment", "ctx", P("", HX, 32), "RECURLY_API_KEY")
F("ebay-client-secret", "payment", "ctx", lambda g: "PRD-%s-%s-%s-%s-%s" % (g.hex(12), g.hex(4), g.hex(4), g.hex(4), g.hex(4)), "EBAY_CLIENT_SECRET EBAY_CERT_ID")
F("alpaca-secret-key", "payment", "ctx", P("", AN, 40), "APCA_API_SECRET_KEY ALPACA_SECRET_KEY")
F("polygon-api-key", "payment", "ctx", P("", B64U, 32), "POLYGON_API_KEY")
F("iex-cloud-secret-token", "payment", "tok", P("sk_", HX, 32), "IEX_CLOUD_SECRET_TOKEN IEX_TOKEN")
F("wise-api-token", "payment", "ctx", lambda g: g.uuid(), "WISE_API_TOKEN TRANSFERWISE_TOKEN")
F("klaviyo-private-key", "saas", "tok", P("pk_", HX, 34), "KLAVIYO_PRIVATE_KEY KLAVIYO_API_KEY")

F("slack-bot-token", "messaging", "tok", lambda g: "xoxb-%s-%s-%s" % (g.dig(g.int(10, 13)), g.dig(g.int(10, 13)), g.an(24)), "SLACK_BOT_TOKEN SLACK_TOKEN")
F("slack-user-token", "messaging", "tok", lambda g: "xoxp-%s-%s-%s-%s" % (g.dig(g.int(10, 13)), g.dig(g.int(10, 13)), g.dig(g.int(10, 13)), g.hex(32)), "SLACK_USER_TOKEN SLACK_TOKEN")
F("slack-app-token", "messaging", "tok", lambda g: "xapp-1-A%s-%s-%s" % (g.uan(10), g.dig(13), g.hex(64)), "SLACK_APP_TOKEN")
F("slack-legacy-workspace-token", "messaging", "tok", lambda g: "xoxa-2-%s-%s-%s-%s" % (g.dig(12), g.dig(12), g.dig(12), g.hex(32)), "SLACK_TOKEN")
F("slack-legacy-token", "messaging", "tok", lambda g: "xoxs-%s-%s-%s-%s" % (g.dig(10), g.dig(11), g.dig(12), g.hex(64)), "SLACK_LEGACY_TOKEN")
F("slack-config-token", "messaging", "tok", lambda g: "xoxe.xoxp-1-" + g.b64u(150), "SLACK_CONFIG_TOKEN")
F("slack-refresh-token", "messaging", "tok", lambda g: "xoxe-1-" + g.b64u(140), "SLACK_REFRESH_TOKEN")
F("slack-webhook-url", "messaging", "uri", lambda g: "https://hooks.slack.com/services/T%s/B%s/%s" % (g.uan(g.int(8, 10)), g.uan(g.int(8, 10)), g.an(24)), "SLACK_WEBHOOK_URL SLACK_WEBHOOK slack_api_url")
F("slack-workflow-webhook-url", "messaging", "uri", lambda g: "https://hooks.slack.com/triggers/T%s/%s/%s" % (g.uan(9), g.dig(13), g.hex(32)), "SLACK_WORKFLOW_WEBHOOK")
F("discord-bot-token", "messaging", "tok", lambda g: "%s.%s.%s" % (b64u_np(str(g.int(10 ** 17, 13 * 10 ** 17)).encode()), g.b64u(6), g.b64u(38)), "DISCORD_TOKEN DISCORD_BOT_TOKEN")
F("discord-webhook-url", "messaging", "uri", lambda g: "https://%s/api/webhooks/%s/%s" % (g.pick(["discord.com", "discordapp.com"]), g.dig(19), g.b64u(68)), "DISCORD_WEBHOOK_URL DISCORD_WEBHOOK")
F("discord-client-secret", "messaging", "ctx", P("", B64U, 32), "DISCORD_CLIENT_SECRET")
F("telegram-bot-token", "messaging", "tok", lambda g: "%s:AA%s" % (g.dig(g.int(9, 10)), g.b64u(33)), "TELEGRAM_BOT_TOKEN TG_BOT_TOKEN")
F("twilio-account-sid", "messaging", "tok", P("AC", HX, 32), "TWILIO_ACCOUNT_SID")
F("twilio-api-key-sid", "messaging", "tok", P("SK", HX, 32), "TWILIO_API_KEY")
F("twilio-auth-token", "messaging", "ctx", P("", HX, 32), "TWILIO_AUTH_TOKEN TWILIO_API_SECRET")
F("sendgrid-api-key", "messaging", "tok", lambda g: "SG.%s.%s" % (g.b64u(22), g.b64u(43)), "SENDGRID_API_KEY SMTP_PASSWORD")
F("mailgun-api-key", "messaging", "tok", P("key-", HX, 32), "MAILGUN_API_KEY")
F("mailgun-private-key", "messaging", "ctx", lambda g: "%s-%s-%s" % (g.hex(32), g.hex(8), g.hex(8)), "MAILGUN_API_KEY MAILGUN_PRIVATE_KEY")
F("mailchimp-api-key", "messaging", "tok", lambda g: "%s-us%d" % (g.hex(32), g.int(1, 21)), "MAILCHIMP_API_KEY")
F("mandrill-api-key", "messaging", "tok", P("md-", B64U, 22), "MANDRILL_API_KEY")
F("postmark-server-token", "messaging", "ctx", lambda g: g.uuid(), "POSTMARK_SERVER_TOKEN POSTMARK_API_TOKEN")
F("brevo-api-key", "messaging", "tok", lambda g: "xkeysib-%s-%s" % (g.hex(64), g.an(16)), "BREVO_API_KEY SENDINBLUE_API_KEY")
F("brevo-smtp-key", "messaging", "tok", lambda g: "xsmtpsib-%s-%s" % (g.hex(64), g.an(16)), "SMTP_PASSWORD BREVO_SMTP_KEY")
F("mailjet-secret-key", "messaging", "ctx", P("", HX, 32), "MAILJET_SECRET_KEY MJ_APIKEY_PRIVATE")
F("sparkpost-api-key", "messaging", "ctx", P("", HX, 40), "SPARKPOST_API_KEY")
F("resend-api-key", "messaging", "tok", lambda g: "re_%s_%s" % (g.an(8), g.an(24)), "RESEND_API_KEY")
F("mailersend-api-token", "messaging", "tok", P("mlsn.", HX, 64), "MAILERSEND_API_TOKEN")
F("msteams-webhook-url", "messaging", "uri", lambda g: "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (g.word(), g.uuid(), g.uuid(), g.hex(32), g.uuid()), "TEAMS_WEBHOOK_URL")
F("google-chat-webhook-url", "messaging", "uri", lambda g: "https://chat.googleapis.com/v1/spaces/AAAA%s/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token=%s" % (g.b64u(7), g.b64u(43) + "%3D"), "GOOGLE_CHAT_WEBHOOK")
F("mattermost-webhook-url", "messaging", "uri", lambda g: "https://%s/hooks/%s" % (g.pick(["mattermost.acme.io", "chat.corp.example.net", "mm.internal"]), g.lan(26)), "MATTERMOST_WEBHOOK_URL")
F("zapier-webhook-url", "messaging", "uri", lambda g: "https://hooks.zapier.com/hooks/catch/%s/%s/" % (g.dig(g.int(6, 8)), g.lan(7)), "ZAPIER_WEBHOOK_URL")
F("ifttt-webhook-url", "messaging", "uri", lambda g: "https://maker.ifttt.com/trigger/%s/with/key/%s" % (g.pick(["deploy_done", "alert", "door_open"]), g.b64u(22)), "IFTTT_WEBHOOK")
F("vonage-api-secret", "messaging", "ctx", P("", AN, 16), "VONAGE_API_SECRET NEXMO_API_SECRET")
F("messagebird-api-key", "messaging", "ctx", P("", AN, 25), "MESSAGEBIRD_API_KEY")
F("plivo-auth-token", "messaging", "ctx", P("", B64U, 40), "PLIVO_AUTH_TOKEN")
F("ably-api-key", "messaging", "tok", lambda g: "%s.%s:%s" % (g.b64u(6), g.b64u(6), g.b64u(43)), "ABLY_API_KEY")
F("pusher-app-secret", "messaging", "ctx", P("", HX, 20), "PUSHER_APP_SECRET PUSHER_SECRET")
F("line-channel-access-token", "messaging", "ctx", lambda g: g.s(B64, 171) + "=", "LINE_CHANNEL_ACCESS_TOKEN")
F("line-channel-secret", "messaging", "ctx", P("", HX, 32), "LINE_CHANNEL_SECRET")
F("facebook-access-token", "messaging", "tok", lambda g: "EAA" + g.pick("BGCI") + g.an(g.int(150, 200)), "FACEBOOK_ACCESS_TOKEN FB_PAGE_ACCESS_TOKEN META_ACCESS_TOKEN WHATSAPP_TOKEN")
F("facebook-app-secret", "messaging", "ctx", P("", HX, 32), "FACEBOOK_APP_SECRET FB_APP_SECRET")
F("instagram-access-token", "messaging", "tok", lambda g: "IGQV" + g.pick(["JW", "JX", "WR"]) + g.b64u(g.int(180, 220)), "INSTAGRAM_ACCESS_TOKEN")
F("twitter-bearer-token", "messaging", "tok", lambda g: "AAAAAAAAAAAAAAAAAAAAA" + g.an(25) + "%3D" + g.an(50), "TWITTER_BEARER_TOKEN X_BEARER_TOKEN")
F("twitter-api-secret", "messaging", "ctx", P("", AN, 50), "TWITTER_API_SECRET TWITTER_CONSUMER_SECRET")
F("twitter-access-token", "messaging", "ctx", lambda g: "%s-%s" % (g.dig(19), g.an(40)), "TWITTER_ACCESS_TOKEN")
F("linkedin-client-secret", "messaging", "ctx", lambda g: "WPL_AP1.%s.%s==" % (g.an(16), g.s(B64, 8)), "LINKEDIN_CLIENT_SECRET")
F("intercom-access-token", "saas", "tok", lambda g: b64s(("tok:%s_%s_%s_%s_%s:1:0" % (g.hex(8), g.hex(4), g.hex(4), g.hex(4), g.hex(12))).encode()), "INTERCOM_ACCESS_TOKEN")
F("zendesk-api-token", "saas", "ctx", P("", AN, 40), "ZENDESK_API_TOKEN")
F("freshdesk-api-key", "saas", "ctx", P("", AN, 20), "FRESHDESK_API_KEY")
F("onesignal-rest-api-key", "messaging", "tok", lambda g: "os_v2_app_" + g.s(B32L, 113), "ONESIGNAL_REST_API_KEY")
F("pagerduty-api-key", "observability", "ctx", lambda g: "u+" + g.b64u(18), "PAGERDUTY_TOKEN PAGERDUTY_API_KEY")
F("pagerduty-routing-key", "observability", "ctx", P("", HX, 32), "PAGERDUTY_ROUTING_KEY PAGERDUTY_INTEGRATION_KEY routing_key")
F("opsgenie-api-key", "observability", "ctx", lambda g: g.uuid(), "OPSGENIE_API_KEY")
F("matrix-access-token", "messaging", "tok", lambda g: "syt_%s_%s_%s" % (b64u_np(g.pick(["alice", "bot", "ops-bridge", "hookshot"]).encode()), g.an(20), g.an(6)), "MATRIX_ACCESS_TOKEN")
F("twitch-oauth-token", "messaging", "ctx", lambda g: "oauth:" + g.lan(30), "TWITCH_OAUTH_TOKEN TWITCH_TOKEN")
F("twitch-client-secret", "messaging", "ctx", P("", LAN, 30), "TWITCH_CLIENT_SECRET")
F("zoom-client-secret", "messaging", "ctx", P("", AN, 32), "ZOOM_CLIENT_SECRET")
F("expo-access-token", "messaging", "ctx", P("", B64U, 40), "EXPO_TOKEN")
F("apple-app-specific-password", "identity", "ctx", lambda g: "%s-%s-%s-%s" % (g.s(LO, 4), g.s(LO, 4), g.s(LO, 4), g.s(LO, 4)), "FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD APP_SPECIFIC_PASSWORD")

F("datadog-api-key", "observability", "ctx", P("", HX, 32), "DD_API_KEY DATADOG_API_KEY")
F("datadog-app-key", "observability", "ctx", P("", HX, 40), "DD_APP_KEY DATADOG_APP_KEY DD_APPLICATION_KEY")
F("new-relic-user-api-key", "observability", "tok", P("NRAK-", UAN, 27), "NEW_RELIC_API_KEY NEWRELIC_API_KEY")
F("new-relic-insert-key", "observability", "tok", P("NRII-", B64U, 32), "NEW_RELIC_INSERT_KEY")
F("new-relic-license-key", "observability", "ctx", lambda g: g.hex(36) + "NRAL", "NEW_RELIC_LICENSE_KEY NRIA_LICENSE_KEY")
F("new-relic-insights-query-key", "observability", "tok", P("NRIQ-", B64U, 32), "NEW_RELIC_QUERY_KEY")
F("grafana-service-account-token", "observability", "tok", lambda g: "glsa_%s_%s" % (g.an(32), g.hex(8)), "GRAFANA_TOKEN GRAFANA_SERVICE_ACCOUNT_TOKEN")
F("grafana-cloud-token", "observability", "tok", lambda g: "glc_" + b64s(jdump({"o": g.dig(6), "n": "stack-%s-%s" % (g.dig(6), g.pick(["hm-write", "logs-push", "alloy"])), "k": g.an(24), "m": {"r": g.pick(["prod-us-east-0", "prod-eu-west-2"])}}).encode()), "GRAFANA_CLOUD_TOKEN GRAFANA_CLOUD_API_KEY")
F("grafana-api-key-legacy", "observability", "tok", lambda g: b64s(jdump({"k": g.an(32), "n": g.pick(["deploy", "ci", "terraform"]), "id": g.int(1, 99)}).encode()), "GRAFANA_API_KEY")
F("sentry-org-token", "observability", "tok", lambda g: "sntrys_" + b64s(jdump({"iat": g.ts() + 0.123, "url": "https://sentry.io", "region_url": "https://us.sentry.io", "org": g.word()}).encode()).rstrip("=") + "_" + g.b64(43), "SENTRY_AUTH_TOKEN")
F("sentry-user-token", "observability", "tok", P("sntryu_", HX, 64), "SENTRY_AUTH_TOKEN")
F("honeycomb-api-key", "observability", "ctx", P("", AN, 22), "HONEYCOMB_API_KEY HONEYCOMB_WRITEKEY")
F("honeycomb-ingest-key", "observability", "tok", lambda g: "hcaik_01" + g.lan(56), "HONEYCOMB_API_KEY")
F("dynatrace-api-token", "observability", "tok", lambda g: "dt0c01.%s.%s" % (g.uan(24), g.uan(64)), "DT_API_TOKEN DYNATRACE_API_TOKEN")
F("rollbar-access-token", "observability", "ctx", P("", HX, 32), "ROLLBAR_ACCESS_TOKEN ROLLBAR_TOKEN")
F("bugsnag-api-key", "observability", "ctx", P("", HX, 32), "BUGSNAG_API_KEY")
F("splunk-hec-token", "observability", "ctx", lambda g: g.uuid(), "SPLUNK_HEC_TOKEN SPLUNK_TOKEN")
F("sumologic-access-key", "observability", "ctx", P("", AN, 64), "SUMOLOGIC_ACCESSKEY SUMO_ACCESS_KEY")
F("loggly-token", "observability", "ctx", lambda g: g.uuid(), "LOGGLY_TOKEN")
F("logzio-token", "observability", "ctx", P("", AN, 32), "LOGZIO_TOKEN LOGZ_TOKEN")
F("mezmo-ingestion-key", "observability", "ctx", P("", HX, 32), "MEZMO_INGESTION_KEY LOGDNA_KEY")
F("coralogix-api-key", "observability", "tok", P("cxtp_", AN, 30), "CORALOGIX_PRIVATE_KEY CX_API_KEY")
F("axiom-api-token", "observability", "tok", lambda g: "xaat-" + g.uuid(), "AXIOM_TOKEN")
F("axiom-personal-token", "observability", "tok", lambda g: "xapt-" + g.uuid(), "AXIOM_TOKEN")
F("launchdarkly-sdk-key", "observability", "tok", lambda g: "sdk-" + g.uuid(), "LAUNCHDARKLY_SDK_KEY LD_SDK_KEY")
F("launchdarkly-api-key", "observability", "tok", lambda g: "api-" + g.uuid(), "LAUNCHDARKLY_ACCESS_TOKEN LD_API_KEY")
F("statsig-server-secret", "observability", "tok", P("secret-", AN, 43), "STATSIG_SERVER_SECRET STATSIG_SECRET_KEY")
F("posthog-personal-api-key", "observability", "tok", P("phx_", AN, 43), "POSTHOG_PERSONAL_API_KEY")
F("mixpanel-api-secret", "observability", "ctx", P("", HX, 32), "MIXPANEL_API_SECRET MIXPANEL_SECRET")
F("amplitude-secret-key", "observability", "ctx", P("", HX, 32), "AMPLITUDE_SECRET_KEY")
F("honeybadger-api-key", "observability", "tok", P("hbp_", AN, 36), "HONEYBADGER_API_KEY")
F("betterstack-token", "observability", "ctx", P("", AN, 24), "BETTERSTACK_SOURCE_TOKEN LOGTAIL_SOURCE_TOKEN")
F("elastic-api-key", "observability", "ctx", lambda g: b64s(("%s:%s" % (g.b64u(20), g.b64u(22))).encode()), "ELASTIC_API_KEY ES_API_KEY")
F("checkly-api-key", "observability", "tok", P("cu_", HX, 32), "CHECKLY_API_KEY")

F("okta-api-token", "identity", "ctx", P("00", B64U, 40), "OKTA_API_TOKEN OKTA_CLIENT_TOKEN")
F("auth0-client-secret", "identity", "ctx", P("", B64U, 64), "AUTH0_CLIENT_SECRET")
F("auth0-management-token", "identity", "ctx", lambda g: mkjwt(g, {"iss": "https://%s.us.auth0.com/" % g.word(), "sub": "%s@clients" % g.an(32), "aud": "https://%s.us.auth0.com/api/v2/" % g.word(), "iat": g.ts(), "exp": g.ts() + 86400, "scope": "read:users update:users read:clients", "gty": "client-credentials", "azp": g.an(32)}, "RS256", kid=g.b64u(22)), "AUTH0_MANAGEMENT_TOKEN AUTH0_TOKEN")
F("azure-ad-access-token", "identity", "ctx", lambda g: mkjwt(g, {"aud": "https://management.core.windows.net/", "iss": "https://sts.windows.net/%s/" % g.uuid(), "iat": g.ts(), "nbf": g.ts(), "exp": g.ts() + 4000, "acr": "1", "appid": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "idtyp": "user", "name": "%s %s" % (g.pick(["Maya", "Jonas", "Priya", "Ken"]), g.pick(["Ito", "Berg", "Rao", "Silva"])), "oid": g.uuid(), "scp": "user_impersonation", "tid": g.uuid(), "ver": "1.0"}, "RS256", kid=g.b64u(27)), "AZURE_ACCESS_TOKEN ARM_ACCESS_TOKEN")
F("clerk-secret-key", "identity", "ctx", lambda g: g.pick(["sk_live_", "sk_test_"]) + g.an(42), "CLERK_SECRET_KEY")
F("stytch-secret", "identity", "tok", lambda g: g.pick(["secret-live-", "secret-test-"]) + g.b64u(36) + "=", "STYTCH_SECRET")
F("keycloak-client-secret", "identity", "ctx", P("", AN, 32), "KEYCLOAK_CLIENT_SECRET OIDC_CLIENT_SECRET")
F("duo-secret-key", "identity", "ctx", P("", AN, 40), "DUO_SECRET_KEY DUO_SKEY")
F("onelogin-client-secret", "identity", "ctx", P("", HX, 64), "ONELOGIN_CLIENT_SECRET")
F("jumpcloud-api-key", "identity", "tok", P("jca_", AN, 36), "JUMPCLOUD_API_KEY")
F("cognito-client-secret", "identity", "ctx", P("", LAN, 52), "COGNITO_CLIENT_SECRET")

F("airtable-pat", "saas", "tok", lambda g: "pat%s.%s" % (g.an(14), g.hex(64)), "AIRTABLE_API_KEY AIRTABLE_TOKEN AIRTABLE_PAT")
F("airtable-api-key-legacy", "saas", "ctx", P("key", AN, 14), "AIRTABLE_API_KEY")
F("asana-pat", "saas", "tok", lambda g: g.pick(["1/%s:%s" % (g.dig(16), g.hex(32)), "2/%s/%s:%s" % (g.dig(16), g.dig(16), g.hex(32))]), "ASANA_ACCESS_TOKEN ASANA_PAT")
F("clickup-api-key", "saas", "tok", lambda g: "pk_%s_%s" % (g.dig(8), g.uan(32)), "CLICKUP_API_KEY CLICKUP_TOKEN")
F("contentful-pat", "saas", "tok", P("CFPAT-", B64U, 43), "CONTENTFUL_MANAGEMENT_TOKEN")
F("contentful-delivery-token", "saas", "ctx", P("", B64U, 43), "CONTENTFUL_ACCESS_TOKEN CONTENTFUL_DELIVERY_TOKEN")
F("databricks-token", "saas", "tok", lambda g: "dapi" + g.hex(32) + g.pick(["", "", "-2", "-3"]), "DATABRICKS_TOKEN")
F("dropbox-access-token", "saas", "tok", lambda g: "sl." + g.pick(["B", "u."]) + g.b64u(g.int(130, 140)), "DROPBOX_ACCESS_TOKEN DROPBOX_TOKEN")
F("figma-pat", "saas", "tok", P("figd_", B64U, 40), "FIGMA_TOKEN FIGMA_ACCESS_TOKEN")
F("frameio-token", "saas", "tok", P("fio-u-", B64U, 64), "FRAMEIO_TOKEN")
F("hubspot-private-app-token", "saas", "tok", lambda g: "pat-%s-%s" % (g.pick(["na1", "eu1", "na2"]), g.uuid()), "HUBSPOT_ACCESS_TOKEN HUBSPOT_PRIVATE_APP_TOKEN")
F("hubspot-api-key-legacy", "saas", "ctx", lambda g: g.uuid(), "HUBSPOT_API_KEY HAPIKEY")
F("linear-api-key", "saas", "tok", P("lin_api_", AN, 40), "LINEAR_API_KEY")
F("notion-integration-token", "saas", "tok", P("secret_", AN, 43), "NOTION_TOKEN NOTION_API_KEY")
F("notion-token-v2", "saas", "tok", lambda g: "ntn_%s%s" % (g.dig(11), g.an(35)), "NOTION_TOKEN NOTION_API_KEY")
F("postman-api-key", "saas", "tok", lambda g: "PMAK-%s-%s" % (g.hex(24), g.hex(34)), "POSTMAN_API_KEY")
F("prefect-api-key", "saas", "tok", P("pnu_", AN, 36), "PREFECT_API_KEY")
F("readme-api-key", "saas", "tok", P("rdme_", HX, 70), "README_API_KEY")
F("salesforce-access-token", "saas", "ctx", lambda g: "00D%s!AQ%s.%s" % (g.an(12), g.an(2), g.s(AN + "._", 96)), "SALESFORCE_ACCESS_TOKEN SF_ACCESS_TOKEN SFDX_ACCESS_TOKEN")
F("zoho-refresh-token", "saas", "tok", lambda g: "1000.%s.%s" % (g.hex(32), g.hex(32)), "ZOHO_REFRESH_TOKEN")
F("trello-token", "saas", "tok", lambda g: "ATTA" + g.hex(64) + g.HEX(8), "TRELLO_TOKEN")
F("trello-api-key", "saas", "ctx", P("", HX, 32), "TRELLO_API_KEY TRELLO_KEY")
F("todoist-api-token", "saas", "ctx", P("", HX, 40), "TODOIST_API_TOKEN TODOIST_TOKEN")
F("pipedrive-api-token", "saas", "ctx", P("", HX, 40), "PIPEDRIVE_API_TOKEN")
F("monday-api-token", "saas", "ctx", lambda g: mkjwt(g, {"tid": g.int(10 ** 8, 10 ** 9), "aai": 11, "uid": g.int(10 ** 7, 10 ** 8), "iad": g.iso(), "per": "me:write", "actid": g.int(10 ** 6, 10 ** 7), "rgn": "use1"}, "HS256", typ_first=False), "MONDAY_API_TOKEN MONDAY_TOKEN")
F("typeform-pat", "saas", "tok", lambda g: "tfp_%s_%s" % (g.b64u(44), g.an(14)), "TYPEFORM_TOKEN")
F("scalingo-api-token", "saas", "tok", P("tk-us-", B64U, 48), "SCALINGO_API_TOKEN")
F("shippo-api-token", "saas", "tok", lambda g: g.pick(["shippo_live_", "shippo_test_"]) + g.hex(40), "SHIPPO_API_TOKEN SHIPPO_TOKEN")
F("easypost-api-key", "saas", "tok", P("EZAK", AN, 54), "EASYPOST_API_KEY")
F("easypost-test-api-key", "saas", "tok", P("EZTK", AN, 54), "EASYPOST_TEST_API_KEY")
F("lob-api-key", "saas", "ctx", lambda g: g.pick(["live_", "test_"]) + g.hex(35), "LOB_API_KEY")
F("duffel-api-token", "saas", "tok", lambda g: g.pick(["duffel_live_", "duffel_test_"]) + g.b64u(43), "DUFFEL_ACCESS_TOKEN")
F("mapbox-secret-token", "saas", "tok", lambda g: "sk." + b64u_np(jdump({"u": g.word() + g.dig(2), "a": "cl" + g.lan(23)}).encode()) + "." + g.b64u(22), "MAPBOX_SECRET_TOKEN MAPBOX_DOWNLOADS_TOKEN")
F("adafruit-io-key", "saas", "tok", P("aio_", AN, 28), "ADAFRUIT_IO_KEY AIO_KEY")
F("algolia-admin-key", "saas", "ctx", P("", HX, 32), "ALGOLIA_ADMIN_KEY ALGOLIA_API_KEY ALGOLIA_WRITE_API_KEY")
F("meilisearch-master-key", "saas", "ctx", P("", B64U, 43), "MEILI_MASTER_KEY MEILISEARCH_API_KEY")
F("typesense-api-key", "saas", "ctx", P("", AN, 32), "TYPESENSE_API_KEY")
F("sanity-api-token", "saas", "ctx", lambda g: "sk" + g.an(g.int(150, 182)), "SANITY_API_TOKEN SANITY_API_WRITE_TOKEN")
F("strapi-api-token", "saas", "ctx", P("", HX, 256), "STRAPI_API_TOKEN STRAPI_TOKEN")
F("ghost-admin-api-key", "saas", "ctx", lambda g: "%s:%s" % (g.hex(24), g.hex(64)), "GHOST_ADMIN_API_KEY")
F("wordpress-application-password", "saas", "ctx", lambda g: " ".join(g.an(4) for _ in range(6)), "WP_APPLICATION_PASSWORD WORDPRESS_APP_PASSWORD")
F("hasura-admin-secret", "saas", "ctx", P("", AN, 32), "HASURA_GRAPHQL_ADMIN_SECRET HASURA_ADMIN_SECRET")
F("mux-token-secret", "saas", "ctx", P("", B64, 75), "MUX_TOKEN_SECRET")
F("box-client-secret", "saas", "ctx", P("", AN, 32), "BOX_CLIENT_SECRET")
F("calendly-pat", "saas", "ctx", lambda g: mkjwt(g, {"iss": "https://auth.calendly.com", "iat": g.ts(), "jti": g.uuid(), "user_uuid": g.uuid()}, "HS256"), "CALENDLY_TOKEN CALENDLY_API_KEY")
F("here-api-key", "saas", "ctx", P("", B64U, 43), "HERE_API_KEY")
F("tomtom-api-key", "saas", "ctx", P("", AN, 32), "TOMTOM_API_KEY")
F("shodan-api-key", "saas", "ctx", P("", AN, 32), "SHODAN_API_KEY")
F("virustotal-api-key", "saas", "ctx", P("", HX, 64), "VT_API_KEY VIRUSTOTAL_API_KEY")
F("abuseipdb-api-key", "saas", "ctx", P("", HX, 80), "ABUSEIPDB_API_KEY")
F("hunter-api-key", "saas", "ctx", P("", HX, 40), "HUNTER_API_KEY")
F("urlscan-api-key", "saas", "ctx", lambda g: g.uuid(), "URLSCAN_API_KEY")
F("censys-api-secret", "saas", "ctx", P("", AN, 32), "CENSYS_API_SECRET")
F("crowdstrike-client-secret", "saas", "ctx", P("", AN, 40), "FALCON_CLIENT_SECRET CROWDSTRIKE_CLIENT_SECRET")
F("wiz-client-secret", "saas", "ctx", P("", AN, 64), "WIZ_CLIENT_SECRET")
F("nessus-secret-key", "saas", "ctx", P("", HX, 64), "NESSUS_SECRET_KEY TENABLE_SECRET_KEY")
F("yandex-api-key", "cloud", "tok", P("AQVN", B64U, 36), "YC_API_KEY YANDEX_API_KEY")
F("yandex-iam-token", "cloud", "tok", lambda g: "t1.9euelZ" + g.b64u(g.int(140, 160)), "YC_IAM_TOKEN IAM_TOKEN")
F("yandex-static-key-secret", "cloud", "ctx", P("YC", B64U, 38), "YC_SECRET_ACCESS_KEY")
F("finnhub-api-key", "payment", "ctx", P("", LAN, 20), "FINNHUB_API_KEY")
F("alphavantage-api-key", "payment", "ctx", P("", UAN, 16), "ALPHAVANTAGE_API_KEY ALPHA_VANTAGE_KEY")
F("openweathermap-api-key", "saas", "ctx", P("", HX, 32), "OPENWEATHER_API_KEY OWM_API_KEY")
F("spotify-client-secret", "saas", "ctx", P("", HX, 32), "SPOTIFY_CLIENT_SECRET")
F("reddit-client-secret", "saas", "ctx", P("", B64U, 30), "REDDIT_CLIENT_SECRET")
F("steam-web-api-key", "saas", "ctx", P("", UHX, 32), "STEAM_API_KEY")

F("postgres-uri", "database", "uri", uri_pg, "DATABASE_URL POSTGRES_URL PG_URI DB_URL SQLALCHEMY_DATABASE_URI")
F("mysql-uri", "database", "uri", uri_mysql, "DATABASE_URL MYSQL_URL DB_URL")
F("mariadb-uri", "database", "uri", lambda g: uri_mysql(g, "mariadb"), "DATABASE_URL MARIADB_URL")
F("mongodb-uri", "database", "uri", uri_mongo, "MONGODB_URI MONGO_URL MONGO_URI")
F("mongodb-srv-uri", "database", "uri", uri_mongo_srv, "MONGODB_URI MONGO_URL ATLAS_URI")
F("redis-uri", "database", "uri", lambda g: uri_redis(g), "REDIS_URL CACHE_URL CELERY_BROKER_URL")
F("rediss-uri", "database", "uri", lambda g: uri_redis(g, True), "REDIS_URL UPSTASH_REDIS_URL KV_URL")
F("amqp-uri", "database", "uri", lambda g: uri_amqp(g), "AMQP_URL RABBITMQ_URL BROKER_URL CELERY_BROKER_URL")
F("amqps-uri", "database", "uri", lambda g: uri_amqp(g, True), "CLOUDAMQP_URL AMQP_URL")
F("mssql-connection-string", "database", "uri", ado_mssql, "ConnectionStrings__DefaultConnection DefaultConnection SQL_CONNECTION_STRING")
F("sqlserver-uri", "database", "uri", lambda g: "sqlserver://%s:%s@%s:1433?database=%s&encrypt=true" % (g.pick(["sa", "app"]), url_pw(g), g.pick(["mssql", "sql.internal"]), db_name(g)), "DATABASE_URL MSSQL_URL")
F("jdbc-postgresql-url", "database", "uri", lambda g: "jdbc:postgresql://%s:5432/%s?user=%s&password=%s%s" % (rds_host(g), db_name(g), db_user(g), url_pw(g), g.pick(["", "&ssl=true", "&sslmode=require"])), "JDBC_URL SPRING_DATASOURCE_URL spring.datasource.url")
F("jdbc-mysql-url", "database", "uri", lambda g: "jdbc:mysql://%s:3306/%s?user=%s&password=%s&useSSL=true" % (rds_host(g, "mysql"), db_name(g), db_user(g), url_pw(g)), "JDBC_URL")
F("jdbc-sqlserver-url", "database", "uri", lambda g: "jdbc:sqlserver://%s:1433;databaseName=%s;user=%s;password=%s;encrypt=true" % (g.pick(["sqlprod01", "mssql.internal", g.word() + ".database.windows.net"]), db_name(g), g.pick(["sa", "app"]), cs_pw(g)), "JDBC_URL")
F("jdbc-oracle-url", "database", "uri", lambda g: "jdbc:oracle:thin:%s/%s@%s:1521/%s" % (g.pick(["scott", "app", "hr", "etl_user"]), g.s(AN + "_#", (10, 20)), g.pick(["ora-prod", "oracle.internal", g.ip_private()]), g.pick(["ORCLPDB1", "XEPDB1", "PROD"])), "JDBC_URL ORACLE_URL")
F("odbc-connection-string", "database", "uri", lambda g: "Driver={%s};Server=%s;Database=%s;Uid=%s;Pwd=%s;%s" % (g.pick(["ODBC Driver 18 for SQL Server", "PostgreSQL Unicode", "MySQL ODBC 8.0 Unicode Driver"]), g.pick(["tcp:sql.internal,1433", "db.internal", g.ip_private()]), db_name(g), db_user(g), cs_pw(g), g.pick(["Encrypt=yes;", "", "Port=5432;"])), "ODBC_CONNECTION_STRING CONN_STR")
F("libpq-connection-string", "database", "uri", lambda g: "host=%s port=5432 dbname=%s user=%s password=%s%s" % (rds_host(g), db_name(g), db_user(g), cs_pw(g), g.pick(["", " sslmode=require", " sslmode=verify-full"])), "PG_DSN DSN DATABASE_DSN")
F("sqlalchemy-uri", "database", "uri", lambda g: g.pick(["postgresql+psycopg2", "postgresql+asyncpg", "mysql+pymysql", "mssql+pyodbc", "postgresql+psycopg"]) + "://%s:%s@%s/%s" % (db_user(g), url_pw(g), rds_host(g), db_name(g)), "SQLALCHEMY_DATABASE_URI DATABASE_URL")
F("clickhouse-uri", "database", "uri", lambda g: g.pick(["clickhouse://%s:%s@%s:9000/%s", "https://%s:%s@%s:8443/?database=%s"]) % (g.pick(["default", "app"]), url_pw(g), g.pick(["clickhouse.internal", g.lan(10) + ".us-east-1.aws.clickhouse.cloud"]), db_name(g)), "CLICKHOUSE_URL")
F("neo4j-uri", "database", "uri", lambda g: "neo4j+s://neo4j:%s@%s.databases.neo4j.io" % (g.b64u(43), g.lan(8)), "NEO4J_URI")
F("couchdb-url", "database", "uri", lambda g: "http://admin:%s@%s:5984/%s" % (url_pw(g), g.pick(["couchdb", "127.0.0.1", g.ip_private()]), db_name(g)), "COUCHDB_URL")
F("elasticsearch-url", "database", "uri", lambda g: "https://elastic:%s@%s:9200" % (g.an(24), g.pick(["es.internal", g.lan(32) + ".us-central1.gcp.cloud.es.io", "elasticsearch"])), "ELASTICSEARCH_URL ES_URL")
F("snowflake-uri", "database", "uri", lambda g: "snowflake://%s:%s@%s-%s/%s/%s?warehouse=%s&role=%s" % (g.pick(["ETL_USER", "dbt", "LOOKER"]), url_pw(g), g.uan(7), g.uan(7), db_name(g).upper(), "PUBLIC", g.pick(["COMPUTE_WH", "TRANSFORMING"]), g.pick(["SYSADMIN", "TRANSFORMER"])), "SNOWFLAKE_URL")
F("trino-uri", "database", "uri", lambda g: "trino://%s:%s@%s:443/hive" % (g.pick(["analyst", "etl"]), url_pw(g), g.pick(["trino.internal", "starburst.acme.io"])), "TRINO_URL")
F("cockroachdb-uri", "database", "uri", lambda g: "postgresql://%s:%s@%s-%s-%d.%s.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full" % (db_user(g), g.b64u(22), g.word(), g.word(), g.int(1000, 9999), g.pick(["j77", "g8z", "5xj"])), "COCKROACH_URL DATABASE_URL")
F("influxdb-token", "database", "ctx", lambda g: b64u_np(g.rb(64)) + "==", "INFLUXDB_TOKEN INFLUX_TOKEN")
F("ftp-url", "database", "uri", lambda g: "ftp://%s:%s@%s/%s" % (g.pick(["upload", "partner", "ftpuser"]), url_pw(g), g.pick(["ftp.partner-portal.net", "files.internal", g.ip_private()]), g.pick(["incoming", "exports/daily", ""])), "FTP_URL")
F("sftp-url", "database", "uri", lambda g: "sftp://%s:%s@%s:22/%s" % (g.pick(["edi", "sftpuser", "transfer"]), url_pw(g), g.pick(["sftp.bank-edi.com", "transfer.internal"]), g.pick(["inbound", "out"])), "SFTP_URL")
F("smtp-url", "messaging", "uri", lambda g: "smtp%s://%s:%s@%s:%d" % (g.pick(["", "s"]), g.pick(["postmaster%40mg." + g.word() + ".io", "apikey", "noreply%40acme.io", "AKIA" + g.s(B32, 16)]), url_pw(g), g.pick(["smtp.mailgun.org", "smtp.sendgrid.net", "email-smtp.eu-west-1.amazonaws.com", "smtp.office365.com"]), g.pick([587, 465, 2525])), "SMTP_URL EMAIL_URL MAILER_DSN")
F("nats-url", "database", "uri", lambda g: "nats://%s:%s@%s:4222" % (g.pick(["app", "svc"]), url_pw(g), g.pick(["nats", "nats.internal"])), "NATS_URL")
F("mqtt-url", "database", "uri", lambda g: "mqtt%s://%s:%s@%s:%d" % (g.pick(["", "s"]), g.pick(["device", "sensor-gw", "iot"]), url_pw(g), g.pick(["broker.hivemq.cloud", "mqtt.internal", g.lan(16) + ".s1.eu.hivemq.cloud"]), g.pick([1883, 8883])), "MQTT_URL MQTT_BROKER_URL")
F("git-credentials-url", "vcs", "uri", lambda g: g.pick(["https://%s:%s@github.com" % (g.pick(["x-access-token", "oauth2", "bot-ci", g.word()]), gh_tok(g.pick(["ghp_", "gho_", "ghs_"]))(g)),
                                                       "https://oauth2:%s@gitlab.com" % ("glpat-" + g.b64u(20)),
                                                       "https://%s:%s@bitbucket.org" % (g.word(), "ATBB" + g.an(28) + g.HEX(8)),
                                                       "https://%s:%s@dev.azure.com" % (g.word(), g.s(B32L, 52))]), "GIT_CREDENTIALS")
F("http-proxy-url-with-credentials", "generic", "uri", lambda g: "http://%s:%s@%s:%d" % (g.pick(["proxyuser", "svc-proxy", g.word()]), url_pw(g), g.pick(["proxy.corp.acme.com", "squid.internal", g.ip_private()]), g.pick([3128, 8080, 8888])), "HTTPS_PROXY HTTP_PROXY https_proxy")
F("url-with-credentials", "generic", "uri", lambda g: "https://%s:%s@%s/%s" % (g.pick(["admin", "deploy", "api", "svc-sync", "metrics"]), url_pw(g), g.pick(["registry.internal.acme.io", "nexus.corp.example.net", "grafana.acme.dev", "jenkins.internal", "api.partner.io"]), g.pick(["v1/", "repository/npm-private/", "api/health", "webdav/exports"])), "SERVICE_URL REMOTE_URL UPSTREAM_URL")
F("aws-s3-presigned-url", "cloud", "uri", lambda g: "https://%s.s3.%s.amazonaws.com/%s?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s%%2F%s%%2F%s%%2Fs3%%2Faws4_request&X-Amz-Date=%sT%02d%02d%02dZ&X-Amz-Expires=%d&X-Amz-SignedHeaders=host&X-Amz-Signature=%s" % (g.word() + "-" + g.pick(["exports", "uploads", "backups"]), g.pick(["us-east-1", "eu-west-1"]), g.pick(["reports/2025/q3.pdf", "dumps/prod.sql.gz", "avatars/%s.png" % g.uuid()]), "AKIA" + g.s(B32, 16), "2025%02d%02d" % (g.int(1, 12), g.int(1, 28)), g.pick(["us-east-1", "eu-west-1"]), "2025%02d%02d" % (g.int(1, 12), g.int(1, 28)), g.int(0, 23), g.int(0, 59), g.int(0, 59), g.pick([900, 3600, 604800]), g.hex(64)), "PRESIGNED_URL DOWNLOAD_URL")
F("gcs-signed-url", "cloud", "uri", lambda g: "https://storage.googleapis.com/%s/%s?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=%s%%40%s.iam.gserviceaccount.com%%2F2025%02d%02d%%2Fauto%%2Fstorage%%2Fgoog4_request&X-Goog-Date=2025%02d%02dT%02d0000Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=%s" % (g.word() + "-assets", g.pick(["exports/users.csv", "model.bin"]), g.pick(["signer", "uploader"]), g.word() + "-" + g.dig(6), g.int(1, 12), g.int(1, 28), g.int(1, 12), g.int(1, 28), g.int(0, 23), g.hex(512)), "SIGNED_URL")
F("cloudfront-signed-url", "cloud", "uri", lambda g: "https://d%s.cloudfront.net/%s?Expires=%d&Signature=%s&Key-Pair-Id=K%s" % (g.lan(13), g.pick(["videos/intro.mp4", "private/report.pdf"]), g.ts(), g.s(AN + "-~_", 342), g.uan(13)), "CLOUDFRONT_URL")

F("rsa-private-key", "private-key", "pem", lambda g: pem("RSA PRIVATE KEY", der_rsa1(g)), "PRIVATE_KEY RSA_PRIVATE_KEY SSH_PRIVATE_KEY JWT_PRIVATE_KEY GITHUB_APP_PRIVATE_KEY")
F("ec-private-key", "private-key", "pem", lambda g: pem("EC PRIVATE KEY", der_ec(g)), "EC_PRIVATE_KEY PRIVATE_KEY TLS_KEY")
F("dsa-private-key", "private-key", "pem", lambda g: pem("DSA PRIVATE KEY", der_dsa(g)), "DSA_PRIVATE_KEY")
F("pkcs8-private-key", "private-key", "pem", lambda g: pem("PRIVATE KEY", der_rsa8(g)), "PRIVATE_KEY SIGNING_KEY SAML_PRIVATE_KEY")
F("pkcs8-ec-private-key", "private-key", "pem", lambda g: pem("PRIVATE KEY", der_ec8(g)), "APNS_AUTH_KEY APP_STORE_CONNECT_PRIVATE_KEY PRIVATE_KEY")
F("pkcs8-ed25519-private-key", "private-key", "pem", lambda g: pem("PRIVATE KEY", der_ed8(g)), "ED25519_PRIVATE_KEY SIGNING_KEY")
F("encrypted-private-key", "private-key", "pem", lambda g: pem("ENCRYPTED PRIVATE KEY", der_enc8(g)), "ENCRYPTED_PRIVATE_KEY PRIVATE_KEY")
F("openssh-private-key", "private-key", "pem", lambda g: openssh_key(g), "SSH_PRIVATE_KEY DEPLOY_KEY SSH_KEY")
F("putty-private-key", "private-key", "pem", putty_key, "PPK")
F("pgp-private-key-block", "private-key", "pem", pgp_private, "GPG_PRIVATE_KEY PGP_PRIVATE_KEY SIGNING_GPG_KEY")
F("gcp-service-account-private-key", "private-key", "special", lambda g: pem("PRIVATE KEY", der_rsa8(g)) + "\n", "private_key")
F("jwk-private-key", "private-key", "special", None, "d")
F("kubernetes-tls-key-b64", "private-key", "special", lambda g: b64s((pem(g.pick(["RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY"]), der_ec(g) if g.chance(0.4) else der_rsa1(g)) + "\n").encode()), "tls.key client-key-data")
F("age-secret-key", "private-key", "tok", lambda g: bech32("age-secret-key-", g.rb(32)).upper(), "AGE_SECRET_KEY SOPS_AGE_KEY")
F("wireguard-private-key", "private-key", "ctx", lambda g: b64s(g.rb(32)), "PrivateKey WG_PRIVATE_KEY WIREGUARD_PRIVATE_KEY")
F("nostr-nsec", "private-key", "tok", lambda g: bech32("nsec", g.rb(32)), "NOSTR_PRIVATE_KEY NSEC")
F("bitcoin-wif-private-key", "crypto-wallet", "tok", wif, "BTC_PRIVATE_KEY WALLET_WIF")
F("bip32-xprv", "crypto-wallet", "tok", xprv, "XPRV WALLET_XPRV")
F("ethereum-private-key", "crypto-wallet", "ctx", lambda g: "0x" + g.hex(64), "PRIVATE_KEY DEPLOYER_PRIVATE_KEY ETH_PRIVATE_KEY WALLET_PRIVATE_KEY")
F("solana-private-key", "crypto-wallet", "ctx", lambda g: b58enc(g.rb(64)), "SOLANA_PRIVATE_KEY WALLET_SECRET_KEY")

F("django-secret-key", "app-secret", "ctx", lambda g: g.pick(["django-insecure-", ""]) + g.s(LAN + "!@#%^&*(-_=+)", 50), "SECRET_KEY DJANGO_SECRET_KEY")
F("rails-secret-key-base", "app-secret", "ctx", P("", HX, 128), "SECRET_KEY_BASE secret_key_base")
F("rails-master-key", "app-secret", "ctx", P("", HX, 32), "RAILS_MASTER_KEY")
F("laravel-app-key", "app-secret", "tok", lambda g: "base64:" + b64s(g.rb(32)), "APP_KEY")
F("flask-secret-key", "app-secret", "ctx", lambda g: g.pick([g.hex(64), g.b64u(43), g.hex(48)]), "FLASK_SECRET_KEY SECRET_KEY")
F("symfony-app-secret", "app-secret", "ctx", P("", HX, 32), "APP_SECRET")
F("nextauth-secret", "app-secret", "ctx", lambda g: b64s(g.rb(32)), "NEXTAUTH_SECRET AUTH_SECRET BETTER_AUTH_SECRET")
F("phoenix-secret-key-base", "app-secret", "ctx", P("", B64, 64), "SECRET_KEY_BASE")
F("session-secret", "app-secret", "ctx", lambda g: g.pick([g.hex(64), g.b64u(48), g.an(32)]), "SESSION_SECRET COOKIE_SECRET EXPRESS_SESSION_SECRET")
F("jwt-signing-secret", "app-secret", "ctx", lambda g: g.pick([g.hex(64), b64s(g.rb(48)), g.b64u(64)]), "JWT_SECRET JWT_SIGNING_KEY TOKEN_SECRET ACCESS_TOKEN_SECRET")
F("encryption-key", "app-secret", "ctx", lambda g: g.pick([b64s(g.rb(32)), g.hex(64)]), "ENCRYPTION_KEY DATA_ENCRYPTION_KEY N8N_ENCRYPTION_KEY MASTER_KEY")
F("fernet-key", "app-secret", "ctx", lambda g: base64.urlsafe_b64encode(g.rb(32)).decode(), "FERNET_KEY AIRFLOW__CORE__FERNET_KEY fernet_key")
F("wordpress-auth-salt", "app-secret", "ctx", P("", AN + "!@#%^&*()-_[]{}<>~+=,.;:/?|", 64), "AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT")
F("drupal-hash-salt", "app-secret", "ctx", P("", B64U, 74), "hash_salt DRUPAL_HASH_SALT")
F("magento-crypt-key", "app-secret", "ctx", P("", HX, 32), "crypt_key MAGENTO_CRYPT_KEY")
F("vapid-private-key", "app-secret", "ctx", P("", B64U, 43), "VAPID_PRIVATE_KEY WEB_PUSH_PRIVATE_KEY")
F("jupyter-token", "app-secret", "ctx", P("", HX, 48), "JUPYTER_TOKEN c.ServerApp.token")
F("webhook-signing-secret", "app-secret", "ctx", lambda g: g.pick([g.hex(40), g.b64u(32), g.an(40)]), "WEBHOOK_SECRET GITHUB_WEBHOOK_SECRET SIGNING_SECRET SLACK_SIGNING_SECRET")
F("hmac-signing-key", "app-secret", "ctx", P("", HX, 64), "HMAC_KEY HMAC_SECRET SIGNATURE_KEY")
F("totp-secret", "app-secret", "ctx", P("", B32, 32), "TOTP_SECRET OTP_SECRET MFA_SECRET")
F("otpauth-uri", "app-secret", "uri", lambda g: "otpauth://totp/%s:%s%%40%s.io?secret=%s&issuer=%s%s" % (g.pick(["AWS", "GitHub", "Acme", "Okta"]), g.word(), g.word(), g.s(B32, 32), g.pick(["AWS", "GitHub", "Acme", "Okta"]), g.pick(["", "&algorithm=SHA1&digits=6&period=30"])), "OTPAUTH_URL")
F("takumo-api-key", "ai", "tok", lambda g: g.pick(["tk_live_", "tk_test_"]) + g.an(32), "TAKUMO_KEY TAKUMO_API_KEY ANTHROPIC_API_KEY OPENAI_API_KEY")
F("generic-api-key", "generic", "ctx", lambda g: g.pick([g.an(32), g.hex(40), g.b64u(40), "key_" + g.an(32), g.lan(48)]), "API_KEY INTERNAL_API_KEY PARTNER_API_KEY SERVICE_API_KEY X_API_KEY")
F("generic-secret", "generic", "ctx", lambda g: g.pick([g.hex(48), g.b64u(44), b64s(g.rb(24)), g.an(36)]), "CLIENT_SECRET APP_SECRET SHARED_SECRET PARTNER_SECRET")
F("generic-token", "generic", "ctx", lambda g: g.pick([g.an(40), g.hex(40), g.b64u(48)]), "ACCESS_TOKEN AUTH_TOKEN SERVICE_TOKEN INTERNAL_TOKEN")
F("generic-password", "generic", "ctx", None, "ADMIN_PASSWORD PASSWORD APP_PASSWORD SERVICE_PASSWORD")
F("database-password", "database", "ctx", None, "DB_PASSWORD DATABASE_PASSWORD POSTGRES_PASSWORD MYSQL_PASSWORD MYSQL_ROOT_PASSWORD PGPASSWORD MONGO_INITDB_ROOT_PASSWORD")
F("redis-password", "database", "ctx", None, "REDIS_PASSWORD REDIS_AUTH requirepass")
F("smtp-password", "messaging", "ctx", None, "SMTP_PASSWORD EMAIL_HOST_PASSWORD MAIL_PASSWORD")
F("ldap-bind-password", "identity", "ctx", None, "LDAP_BIND_PASSWORD LDAP_PASSWORD bindPassword")
F("keystore-password", "generic", "ctx", None, "KEYSTORE_PASSWORD STORE_PASSWORD KEY_PASSWORD storePassword")
F("wifi-psk", "generic", "ctx", None, "WIFI_PASSWORD psk WIFI_PSK")
F("bearer-token", "generic", "special", lambda g: g.pick([g.an(40), g.b64u(43), g.hex(48), "at_" + g.an(40)]), "Authorization")
F("basic-auth-header", "generic", "special", None, "Authorization")
F("session-cookie", "generic", "special", None, "Cookie")
F("jwt", "generic", "tok", None, "ACCESS_TOKEN ID_TOKEN JWT AUTH_TOKEN API_TOKEN")
F("kubernetes-secret-data", "generic", "special", None, "data")
F("pgpass-password", "database", "special", None, "pgpass")
F("kafka-sasl-password", "database", "special", None, "sasl.jaas.config")
F("netrc-password", "generic", "special", None, "password")


# --------------------------------------------------------------------------------------------
# value generators for formats without a fixed shape
# --------------------------------------------------------------------------------------------
PWSAFE = AN + "!@#%^&*()-_=+[]{}:;,.?/~|<>"
BANNED_IN_PW = ("password", "passwd", "secret", "test", "example", "changeme", "dummy", "sample", "xxx", "demo", "fake", "todo", "placeholder")


def human_pw(g):
    for _ in range(20):
        k = g.int(0, 9)
        if k < 4:
            v = g.s(PWSAFE, (14, 28))
        elif k < 6:
            v = "-".join(g.word().capitalize() if i == 0 else g.word() for i in range(g.int(3, 4))) + g.pick(["", str(g.int(1, 99)), "!", "#7", "42"])
        elif k < 7:
            v = b64s(g.rb(18))
        elif k < 8:
            v = g.hex(32)
        elif k < 9:
            v = g.word().capitalize() + g.pick("!@#*") + g.dig(4) + g.word().capitalize() + g.pick("!?.")
        else:
            v = g.an((16, 24))
        lv = v.lower()
        if not any(b in lv for b in BANNED_IN_PW) and "${" not in v and "{{" not in v:
            return v
    return g.an(20)


def generic_jwt(g):
    k = g.int(0, 4)
    iss = g.pick(["https://auth.%s.io/" % g.word(), "https://%s.eu.auth0.com/" % g.word(), "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_%s" % g.an(9), "https://login.microsoftonline.com/%s/v2.0" % g.uuid(), "https://accounts.google.com", "%s-api" % g.word()])
    p = {"sub": g.pick([g.uuid(), "user_" + g.an(24), g.dig(21), "auth0|" + g.hex(24)])}
    if k >= 1:
        p["iss"] = iss
    if k >= 2:
        p["aud"] = g.pick(["https://api.%s.io" % g.word(), g.an(32), ["api", "web"]])
    p["iat"] = g.ts()
    p["exp"] = p["iat"] + g.pick([900, 3600, 86400, 604800])
    if g.chance(0.5):
        p["scope"] = g.pick(["openid profile email", "read:orders write:orders", "api offline_access"])
    if g.chance(0.4):
        p["email"] = "%s.%s@%s.com" % (g.word(), g.word(), g.word())
    if g.chance(0.3):
        p["roles"] = g.sample(["admin", "user", "billing", "support", "ops"], 2)
    return mkjwt(g, p, g.pick(["HS256", "HS256", "RS256", "ES256", "RS256", "HS512"]), kid=g.b64u(22) if g.chance(0.4) else None)


PW_FORMATS = ("generic-password", "database-password", "redis-password", "smtp-password", "ldap-bind-password", "keystore-password", "wifi-psk")


def gen_value(g, f):
    if f.gen is not None:
        return f.gen(g)
    if f.name in PW_FORMATS:
        return human_pw(g)
    if f.name == "jwt":
        return generic_jwt(g)
    if f.name in ("docker-config-auth", "basic-auth-header", "kubernetes-secret-data"):
        return b64s(("%s:%s" % (g.pick(["deploy", "ci-bot", "admin", "svc", g.word()]), human_pw(g))).encode())
    if f.name in ("pgpass-password", "kafka-sasl-password", "netrc-password"):
        return human_pw(g)
    if f.name == "session-cookie":
        return g.pick([g.lan(32), "s%3A" + g.b64u(32) + "." + g.b64u(43), g.b64u(80) + "--" + g.hex(40)])
    if f.name == "jwk-private-key":
        return b64u_np(g.rb(32))
    raise KeyError(f.name)


# --------------------------------------------------------------------------------------------
# hard negatives: generators for key=value slots. Each returns (name, value, sub, disputed).
# --------------------------------------------------------------------------------------------
SECRET_ENV_NAMES = sorted({n for f in FORMATS.values() for n in f.names if re.fullmatch(r"[A-Z][A-Z0-9_]+", n)})


def mask_value(g, v):
    k = g.int(0, 5)
    if k == 0:
        return v[:3] + "*" * (len(v) - 7) + v[-4:]
    if k == 1:
        return v[:7] + "..." + v[-4:]
    if k == 2:
        return "*" * 16 + v[-4:]
    if k == 3:
        return v[:4] + "\u2022" * 12 + v[-4:]
    if k == 4:
        return v[:min(8, len(v) // 3)] + "****"
    return "*" * 8


def png_b64(g, n=None):
    data = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + struct.pack(">II", g.int(16, 512), g.int(16, 512)) + bytes.fromhex("0806000000") + g.rb(n or g.int(60, 400))
    return b64s(data)


def cert_pem(g):
    der = bytes.fromhex("308203") + g.rb(2) + bytes.fromhex("308202") + g.rb(2) + bytes.fromhex("a0030201020214") + g.rb(g.int(700, 900))
    return pem("CERTIFICATE", der)


def spki_ec_b64(g):
    return b64s(bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d03010703420004") + g.rb(64))


def spki_rsa_pem(g):
    return pem("PUBLIC KEY", bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + g.rb(256) + bytes.fromhex("0203010001"))


def ssh_pub(g):
    if g.chance(0.6):
        return "ssh-ed25519 %s %s@%s" % (b64s(ssh_ed_pub(g)), g.pick(["deploy", "ci", "maria", "kenji", "ops"]), g.pick(["laptop", "build", "bastion"]))
    blob = sshstr(b"ssh-rsa") + sshstr(b"\x01\x00\x01") + sshstr(b"\x00" + g.rb(256))
    return "ssh-rsa %s %s" % (b64s(blob), g.pick(["jenkins@ci", "root@web-1", "github-actions"]))


def bcrypt(g):
    return "$2%s$%02d$%s" % (g.pick("aby"), g.pick([10, 12, 12, 14]), g.s("./" + AN, 53))


def pw_hash(g):
    k = g.int(0, 8)
    if k <= 2:
        return "bcrypt", bcrypt(g)
    if k == 3:
        return "argon2", "$argon2id$v=19$m=65536,t=3,p=4$%s$%s" % (g.b64(22), g.b64(43))
    if k == 4:
        return "sha512crypt", "$6$%s$%s" % (g.s("./" + AN, 16), g.s("./" + AN, 86))
    if k == 5:
        return "django-pbkdf2", "pbkdf2_sha256$%d$%s$%s" % (g.pick([600000, 870000, 1000000]), g.an(22), b64s(g.rb(32)))
    if k == 6:
        return "apr1", "$apr1$%s$%s" % (g.s("./" + AN, 8), g.s("./" + AN, 22))
    if k == 7:
        return "postgres-scram", "SCRAM-SHA-256$4096:%s$%s:%s" % (b64s(g.rb(16)), b64s(g.rb(32)), b64s(g.rb(32)))
    return "mysql-native", "*" + g.HEX(40)


def sops_enc(g):
    return "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64s(g.rb(g.int(12, 48))), b64s(g.rb(32)), b64s(g.rb(16)))


def encrypted_single(g):
    k = g.int(0, 6)
    if k == 0:
        return "sops", sops_enc(g)
    if k == 1:
        return "jasypt", "ENC(%s)" % b64s(g.rb(g.int(24, 48)))
    if k == 2:
        return "kms-ciphertext", "AQICAHh" + b64s(g.rb(g.int(150, 190)))
    if k == 3:
        return "pulumi-secure", "v1:%s:%s" % (b64s(g.rb(12)), b64s(g.rb(g.int(24, 60))))
    if k == 4:
        return "sealed-secret", "AgB" + b64s(g.rb(g.int(500, 700)))[3:]
    if k == 5:
        return "hiera-eyaml", "ENC[PKCS7,MIIBiQYJKoZIhvcNAQcDoIIBejCCAXYCAQAxggEhMIIBHQIBADAFMAACAQEwDQYJKoZIhvcNAQEBBQAEggEA%s]" % b64s(g.rb(g.int(250, 300)))
    return "fernet-token", "gAAAAAB" + b64u_np(g.rb(g.int(80, 160)))


def ansible_vault(g, indent=""):
    body = g.hex(g.int(6, 14) * 80)
    lines = [body[i:i + 80] for i in range(0, len(body), 80)]
    return "$ANSIBLE_VAULT;1.1;AES256\n" + "\n".join(indent + l for l in lines)


def traceparent(g):
    return "00-%s-%s-01" % (g.hex(32), g.hex(16))


def stripe_obj(g):
    p, n = g.pick([("cus_", 14), ("pi_", 24), ("ch_", 24), ("evt_", 24), ("price_", 24), ("prod_", 14), ("sub_", 24), ("in_", 24), ("acct_", 16), ("seti_", 24), ("pm_", 24), ("cs_live_", 58), ("cs_test_", 58), ("txn_", 24), ("re_", 24)])
    return "stripe", p + g.an(n)


def llm_obj(g):
    k = g.int(0, 11)
    return [("openai-chatcmpl", "chatcmpl-" + g.an(29)), ("openai-resp", "resp_" + g.hex(48)), ("openai-call", "call_" + g.an(24)),
            ("openai-file", "file-" + g.an(22)), ("openai-asst", "asst_" + g.an(24)), ("openai-thread", "thread_" + g.an(24)),
            ("openai-batch", "batch_" + g.hex(32)), ("anthropic-msg", "msg_01" + g.an(22)), ("anthropic-toolu", "toolu_01" + g.an(22)),
            ("anthropic-batch", "msgbatch_01" + g.an(22)), ("openai-rs", "rs_" + g.hex(48)), ("openai-fc", "fc_" + g.hex(48))][k]


def misc_obj(g):
    k = g.int(0, 9)
    return [("mongodb-objectid", g.hex(24)), ("slack-channel", "C0" + g.uan(9)), ("slack-user", "U0" + g.uan(9)),
            ("twilio-message-sid", "SM" + g.hex(32)), ("github-node-id", "U_kgDO" + g.b64u(8)), ("notion-page", g.hex(32)),
            ("figma-file-key", g.an(22)), ("gdrive-file-id", "1" + g.b64u(32)), ("airtable-base", "app" + g.an(14)),
            ("youtube-video", g.b64u(11))][k]


def res_id(g):
    k = g.int(0, 13)
    return [("ec2-instance", "i-0" + g.hex(16)), ("vpc", "vpc-0" + g.hex(16)), ("subnet", "subnet-0" + g.hex(16)),
            ("security-group", "sg-0" + g.hex(16)), ("ami", "ami-0" + g.hex(16)),
            ("iam-role-arn", "arn:aws:iam::%s:role/%s" % (g.dig(12), g.pick(["github-actions-deploy", "eks-node", "lambda-exec"]))),
            ("cloudfront-distribution", "E" + g.s(UAN, 13)), ("route53-zone", "Z" + g.s(UAN, 20)),
            ("azure-resource", "/subscriptions/%s/resourceGroups/rg-%s-prod/providers/Microsoft.Web/sites/%s-api" % (g.uuid(), g.word(), g.word())),
            ("oci-ocid", "ocid1.instance.oc1.iad." + g.lan(60)), ("vercel-project", "prj_" + g.an(28)),
            ("k8s-pod", "%s-%s-%s" % (g.word(), g.hex(10)[:g.int(8, 10)], g.lan(5))), ("ecs-task", "arn:aws:ecs:us-east-1:%s:task/%s/%s" % (g.dig(12), g.word(), g.hex(32))),
            ("gcp-project-number", g.dig(12))][k]


EXAMPLE_KEYS = [
    ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "aws-docs"),
    ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-docs"),
    ("aws_access_key_id", "AKIAI44QH8DHBEXAMPLE", "aws-docs"),
    ("aws_secret_access_key", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "aws-docs"),
    ("STRIPE_SECRET_KEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe-docs"),
    ("STRIPE_PUBLISHABLE_KEY", "pk_test_TYooMQauvdEDq54NiTphI7jx", "stripe-docs"),
    ("JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "jwt-io"),
    ("AZURE_STORAGE_CONNECTION_STRING", "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;", "azurite"),
    ("AZURE_STORAGE_KEY", "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==", "azurite"),
    ("TOTP_SECRET", "JBSWY3DPEHPK3PXP", "totp-docs"),
    ("MONGODB_URI", "mongodb://myDBReader:D1fficultP%40ssw0rd@mongodb0.example.com:27017/?authSource=admin", "mongodb-docs"),
    ("client_secret", "d-FL95Q19q7MQmFpd7hHD0Ty", "gcloud-adc"),
    ("client_id", "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com", "gcloud-adc"),
    ("STRIPE_SECRET_KEY", "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "stripe-docs"),
]

DEFAULT_CREDS = [
    ("POSTGRES_PASSWORD", "postgres"), ("MYSQL_ROOT_PASSWORD", "root"), ("RABBITMQ_DEFAULT_PASS", "guest"),
    ("MINIO_ROOT_PASSWORD", "minioadmin"), ("GF_SECURITY_ADMIN_PASSWORD", "admin"), ("KEYCLOAK_ADMIN_PASSWORD", "admin"),
    ("SA_PASSWORD", "YourStrong@Passw0rd"), ("MSSQL_SA_PASSWORD", "yourStrong(!)Password"), ("REDIS_PASSWORD", "foobared"),
    ("DATABASE_URL", "postgres://postgres:postgres@localhost:5432/app_dev"), ("AIRFLOW_PASSWORD", "airflow"),
    ("MONGO_INITDB_ROOT_PASSWORD", "example"), ("ELASTIC_PASSWORD", "changeme"), ("DB_PASSWORD", "secret"),
    ("CELERY_BROKER_URL", "amqp://guest:guest@localhost:5672//"), ("MYSQL_PASSWORD", "password"),
    ("PGADMIN_DEFAULT_PASSWORD", "admin"), ("JENKINS_ADMIN_PASSWORD", "admin"), ("ORACLE_PASSWORD", "oracle"),
    ("NEO4J_AUTH", "neo4j/password"), ("DATABASE_URL", "mysql://root:root@127.0.0.1:3306/app_test"),
]

PLACEHOLDERS = ["<your-api-key>", "YOUR_API_KEY_HERE", "your_api_key", "xxxxxxxxxxxxxxxxxxxxxxxx", "changeme", "REPLACE_ME", "TODO",
                "<REPLACE_WITH_TOKEN>", "sk-...", "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "AKIAXXXXXXXXXXXXXXXX", "<password>", "your-secret-here", "insert-token-here", "dummy", "<TOKEN>", "[API_KEY]",
                "__REPLACE_WITH_KEY__", "please-set-me", "${SECRET}", "<redacted-for-sharing>", "xoxb-your-token", "sk-ant-xxxxxxxx",
                "pk_test_placeholder", "CHANGE_ME_IN_PROD", "not-a-real-key", "<your-stripe-secret>", "{{API_KEY}}", "<insert key>",
                "YOUR-OPENAI-KEY", "secret-goes-here", "xxxx-xxxx-xxxx-xxxx", "YOUR_PASSWORD", "<db-password>", "REPLACE-ME-0000"]

BENIGN_NAMED = [
    ("TOKEN_TYPE", "Bearer"), ("API_KEY_HEADER", "X-API-Key"), ("SECRET_NAME", "prod/db-credentials"), ("TOKEN_URL", "https://oauth2.googleapis.com/token"),
    ("PASSWORD_FIELD", "password"), ("AUTH_TYPE", "oauth2"), ("KEY_ID", "key-2025-01"), ("TOKENIZER", "cl100k_base"), ("API_KEY_ENV", "OPENAI_API_KEY"),
    ("CREDENTIAL_SOURCE", "Environment"), ("TOKEN_AUDIENCE", "sts.amazonaws.com"), ("KEY_VAULT_NAME", "kv-payments-weu"), ("SECRET_STORE", "aws-secretsmanager"),
    ("TOKEN_EXPIRY", "2026-01-01T00:00:00Z"), ("AUTH_PROVIDER", "github"), ("PASSWORD_RESET_URL", "https://app.acme.io/reset"), ("SECRET_KEY_FILE", "secret.key"),
    ("AUTH_HEADER_NAME", "Authorization"), ("TOKEN_ENDPOINT", "https://login.microsoftonline.com/common/oauth2/v2.0/token"), ("PRIVATE_KEY_FORMAT", "PKCS8"),
    ("API_KEY_PREFIX", "sk_live_"), ("SECRETS_PROVIDER", "doppler"), ("ACCESS_TOKEN_LIFETIME", "15m"), ("JWT_ALGORITHM", "RS256"), ("PASSWORD_HASHER", "argon2id"),
    ("TOKEN_STORAGE", "keychain"), ("AUTH_MODE", "passwordless"), ("SECRET_ROTATION", "30d"), ("KEYRING_BACKEND", "secretservice"), ("CREDENTIALS_HELPER", "osxkeychain"),
    ("OAUTH_SCOPES", "repo read:org workflow"), ("TOKEN_COOKIE_NAME", "__Host-session"), ("API_KEY_QUERY_PARAM", "api_key"), ("SIGNING_ALGORITHM", "HMAC-SHA256"),
]

SECRET_CONFIG = [("PASSWORD_MIN_LENGTH", "12"), ("TOKEN_TTL_SECONDS", "3600"), ("SECRET_KEY_ROTATION_DAYS", "90"), ("MAX_API_KEYS_PER_USER", "5"),
                 ("PASSWORD_REQUIRE_SYMBOLS", "true"), ("AUTH_RATE_LIMIT", "10/min"), ("REFRESH_TOKEN_REUSE_INTERVAL", "10s"), ("SESSION_COOKIE_SECURE", "true"),
                 ("secretName", "api-tls"), ("existingSecret", "postgres-credentials"), ("passwordSecretKey", "postgres-password"), ("tokenSecretRef", "github-token"),
                 ("PASSWORD_EXPIRY_DAYS", "0"), ("API_KEY_LENGTH", "48"), ("SECRET_SCANNING", "enabled"), ("AUTH_REQUIRED", "true")]

FILE_PATHS = [("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json"), ("SSL_KEY_PATH", "/etc/ssl/private/server.key"),
              ("DB_PASSWORD_FILE", "/run/secrets/db_password"), ("SSH_KEY_PATH", "~/.ssh/id_ed25519"), ("PRIVATE_KEY_PATH", "./keys/jwt-private.pem"),
              ("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"), ("TLS_KEY_FILE", "/etc/nginx/tls/tls.key"), ("SECRETS_FILE", "config/secrets.enc.yaml"),
              ("API_TOKEN_FILE", "/var/run/secrets/kubernetes.io/serviceaccount/token"), ("KEYSTORE_PATH", "app/release.keystore"),
              ("PASSWORD_FILE", "C:\\ProgramData\\acme\\pw.txt"), ("CREDENTIALS_PATH", "${HOME}/.config/gcloud/application_default_credentials.json"),
              ("SIGNING_KEY_PATH", "certs/signing.key"), ("VAULT_TOKEN_PATH", "/home/vault/.vault-token")]

I18N = [("password_label", "Mot de passe"), ("forgot_password", "Passwort vergessen?"), ("password", "パスワード"), ("password_hint", "密码至少 8 位"),
        ("invalid_password", "Contraseña incorrecta"), ("token_expired", "Token abgelaufen, bitte erneut anmelden"), ("api_key", "Clé API"),
        ("api_key_label", "Ключ API"), ("password", "비밀번호"), ("secret_question", "Domanda segreta"), ("token_invalid", "Token inválido"),
        ("password_required", "Wachtwoord is verplicht"), ("api_token_help", "Wklej swój token API"), ("new_password", "Yeni şifre"),
        ("password_placeholder", "Введите пароль"), ("auth_token", "認証トークン"), ("secret_key", "秘密鍵"), ("password", "كلمة المرور"),
        ("password_strength_weak", "Mật khẩu yếu"), ("reset_password", "Atur ulang kata sandi"), ("api_secret", "API-hemlighet")]

REGEXES = [r"ghp_[A-Za-z0-9]{36}", r"AKIA[0-9A-Z]{16}", r"sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}", r"xox[baprs]-[0-9A-Za-z-]{10,48}",
           r"-----BEGIN [A-Z ]*PRIVATE KEY-----", r"sk_live_[0-9a-zA-Z]{24,99}", r"glpat-[0-9A-Za-z_\-]{20}", r"AIza[0-9A-Za-z_\-]{35}",
           r"(?i)password\s*[:=]\s*['\"][^'\"]{8,}['\"]", r"SG\.[\w-]{22}\.[\w-]{43}", r"npm_[A-Za-z0-9]{36}", r"hf_[A-Za-z]{34}",
           r"https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+", r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"]

PROSE = [("DB_PASSWORD", "ask in #platform-oncall"), ("password", "see 1Password > Prod > Postgres"), ("STRIPE_KEY", "same as staging, rotate after launch"),
         ("API_TOKEN", "stored in the team vault"), ("SMTP_PASSWORD", "managed by ops, do not commit"), ("secret", "get it from Maria"),
         ("ADMIN_PASSWORD", "set on first login"), ("token", "generated by make bootstrap"), ("GITHUB_TOKEN", "provided by the runner")]


def publishable(g):
    k = g.int(0, 15)
    if k == 0:
        return "STRIPE_PUBLISHABLE_KEY", g.pick(["pk_live_", "pk_test_"]) + g.pick([g.an(24), "51" + g.an(97)]), "stripe-pk"
    if k == 1:
        return "NEXT_PUBLIC_SUPABASE_ANON_KEY", mkjwt(g, {"iss": "supabase", "ref": g.lan(20), "role": "anon", "iat": g.ts(), "exp": g.ts() + 315360000}, "HS256", typ_first=False), "supabase-anon"
    if k == 2:
        return "FIREBASE_API_KEY", "AIzaSy" + g.b64u(33), "firebase-web"
    if k == 3:
        return "NEXT_PUBLIC_MAPBOX_TOKEN", "pk." + b64u_np(jdump({"u": g.word(), "a": "cl" + g.lan(23)}).encode()) + "." + g.b64u(22), "mapbox-pk"
    if k == 4:
        return "ALGOLIA_SEARCH_API_KEY", g.hex(32), "algolia-search"
    if k == 5:
        return "NEXT_PUBLIC_POSTHOG_KEY", "phc_" + g.an(43), "posthog-phc"
    if k == 6:
        return "SENTRY_DSN", "https://%s@o%s.ingest.%ssentry.io/%s" % (g.hex(32), g.dig(6), g.pick(["", "us.", "de."]), g.dig(7)), "sentry-dsn"
    if k == 7:
        return "STATSIG_CLIENT_KEY", "client-" + g.an(43), "statsig-client"
    if k == 8:
        return "RECAPTCHA_SITE_KEY", "6L" + g.b64u(38), "recaptcha-site"
    if k == 9:
        return "LAUNCHDARKLY_CLIENT_SIDE_ID", g.hex(24), "launchdarkly-client"
    if k == 10:
        return "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY", "pk_live_" + b64s(("clerk.%s.com$" % g.word()).encode()).rstrip("="), "clerk-pk"
    if k == 11:
        return "LANGFUSE_PUBLIC_KEY", "pk-lf-" + g.uuid(), "langfuse-pk"
    if k == 12:
        return "NEW_RELIC_BROWSER_KEY", "NRJS-" + g.hex(19), "newrelic-browser"
    if k == 13:
        return "MIXPANEL_TOKEN", g.hex(32), "mixpanel-token"
    if k == 14:
        return "BRAINTREE_TOKENIZATION_KEY", "production_%s_%s" % (g.lan(8), g.lan(16)), "braintree-tokenization"
    return "GOOGLE_MAPS_BROWSER_KEY", "AIzaSy" + g.b64u(33), "maps-browser"


def fake_test_value(g):
    k = g.int(0, 9)
    return [("AWS_ACCESS_KEY_ID", "AKIA" + "ABCDEFGHIJKLMNOP", "aws-sequential"), ("GITHUB_TOKEN", "ghp_" + "0123456789" * 3 + "abcdef", "github-sequential"),
            ("STRIPE_SECRET_KEY", "sk_test_" + "1234567890abcdefghijklmn", "stripe-sequential"), ("SLACK_BOT_TOKEN", "xoxb-000000000000-000000000000-" + "a" * 24, "slack-zeros"),
            ("OPENAI_API_KEY", "sk-" + "abc123" * 8, "openai-repeat"), ("DATABASE_URL", "postgres://test:test@localhost:5432/test", "test-db"),
            ("API_KEY", "test-api-key-" + "0" * 20, "test-key"), ("JWT_SECRET", "test-secret-do-not-use-in-production", "test-secret"),
            ("TWILIO_AUTH_TOKEN", "0" * 32, "zeros"), ("ANTHROPIC_API_KEY", "sk-ant-api03-" + "test" * 23 + "AA", "anthropic-repeat")][k]


def test_vector(g):
    k = g.int(0, 7)
    return [("HMAC_KEY", "0b" * 20, "rfc4231-case1"), ("AES_KEY", "2b7e151628aed2a6abf7158809cf4f3c", "nist-sp800-38a"),
            ("CHACHA_KEY", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "rfc8439"),
            ("ED25519_SECRET", "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "rfc8032-test1"),
            ("XPRV", "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi", "bip32-vector1"),
            ("TOTP_SEED", "12345678901234567890", "rfc6238"), ("HMAC_KEY", "4a656665", "rfc4231-case2"),
            ("JWS_KEY", "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", "rfc7515-a1")][k]


def kv_neg(g, cls):
    """(name, value, sub, disputed) for a key=value slot of the given negative class."""
    sname = g.pick(SECRET_ENV_NAMES)
    if cls == "env-ref":
        return sname, g.pick(["${%s}", "$%s", "${%s:-}", "${%s:?must be set}", "%%%s%%"]) % sname, "shell", False
    if cls == "template-ref":
        k = g.int(0, 7)
        low = sname.lower()
        return sname, ["{{ .Values.secrets.%s }}" % low, "{{ vault_%s }}" % low, "{{ lookup('env', '%s') }}" % sname, "<%%= ENV['%s'] %%>" % sname,
                       "#{%s}" % sname, "${var.%s}" % low, "$__env{%s}" % sname, "{{ env \"%s\" }}" % sname][k], ["helm", "ansible", "ansible-lookup", "erb", "octopus", "terraform", "grafana", "go-template"][k], False
    if cls == "secret-manager-ref":
        k = g.int(0, 8)
        low = sname.lower().replace("_", "-")
        return sname, ["vault:secret/data/%s#%s" % (g.word(), low), "op://%s/%s/credential" % (g.pick(["Private", "Engineering", "Prod"]), low),
                       "arn:aws:secretsmanager:us-east-1:%s:secret:prod/%s-%s" % (g.dig(12), low, g.an(6)), "projects/%s/secrets/%s/versions/latest" % (g.dig(12), low),
                       "@Microsoft.KeyVault(SecretUri=https://kv-%s.vault.azure.net/secrets/%s/)" % (g.word(), low), "ref+vault://secret/%s#/%s" % (g.word(), low),
                       "{{resolve:secretsmanager:prod/%s:SecretString:value}}" % low, "ssm:/prod/%s/%s" % (g.word(), low), "sm://%s/%s" % (g.word(), low)][k], \
            ["vault", "1password", "aws-arn", "gcp-sm", "azure-kv", "helm-secrets", "cfn-dynamic", "ssm", "berglas"][k], False
    if cls == "placeholder":
        v = g.pick(PLACEHOLDERS)
        for pre, n in (("sk_live", "STRIPE_SECRET_KEY"), ("ghp_", "GITHUB_TOKEN"), ("AKIA", "AWS_ACCESS_KEY_ID"), ("xoxb", "SLACK_BOT_TOKEN"), ("sk-ant", "ANTHROPIC_API_KEY"),
                       ("sk-", "OPENAI_API_KEY"), ("pk_test", "STRIPE_PUBLISHABLE_KEY"), ("YOUR-OPENAI", "OPENAI_API_KEY"), ("<db-", "DB_PASSWORD"), ("YOUR_PASSWORD", "ADMIN_PASSWORD"),
                       ("<your-stripe", "STRIPE_SECRET_KEY"), ("<password>", "DB_PASSWORD")):
            if v.startswith(pre):
                sname = n
                break
        return sname, v, "literal", False
    if cls == "masked":
        f = FORMATS[g.pick(["openai-project-key", "anthropic-api-key", "aws-access-key-id", "github-pat", "stripe-secret-key-live", "slack-bot-token", "sendgrid-api-key", "gitlab-pat", "npm-access-token"])]
        return f.names[0], mask_value(g, f.gen(g)), "mask", False
    if cls == "redacted":
        return sname, g.pick(["[REDACTED]", "[FILTERED]", "<redacted>", "REDACTED", "[hidden]", "(sensitive value)", "[MASKED]", "*****", "<hidden>", "[secure]"]), "redacted", False
    if cls == "aegis-token":
        return sname, "__TAKUMO_v1_%s_%s__" % (g.pick(["KEY"] * 6 + ["SECRET", "CONN", "PASSWORD", "TOKEN"]), g.hex(8)), "token", False
    if cls == "uuid":
        return g.pick(["REQUEST_ID", "TENANT_ID", "CORRELATION_ID", "INSTALLATION_ID", "WORKSPACE_ID", "ORG_ID", "PROJECT_UUID", "DEVICE_ID", "idempotency_key"]), g.uuid(), "v4", False
    if cls == "resource-id":
        sub, v = res_id(g)
        return g.pick(["RESOURCE_ID", "INSTANCE_ID", "TARGET", "ROLE_ARN", "DISTRIBUTION_ID", "HOSTED_ZONE_ID", "PROJECT_ID", "resource"]), v, sub, False
    if cls == "object-id":
        sub, v = g.pick([stripe_obj, llm_obj, misc_obj])(g)
        return g.pick(["CUSTOMER_ID", "OBJECT_ID", "LAST_EVENT_ID", "PRICE_ID", "ASSISTANT_ID", "CHANNEL_ID", "FILE_ID", "id"]), v, sub, False
    if cls == "publishable-key":
        n, v, sub = publishable(g)
        return n, v, sub, True
    if cls == "example-key":
        n, v, sub = g.pick(EXAMPLE_KEYS)
        return n, v, sub, True
    if cls == "default-credential":
        n, v = g.pick(DEFAULT_CREDS)
        return n, v, "vendor-default", True
    if cls == "fake-test-value":
        n, v, sub = fake_test_value(g)
        return n, v, sub, True
    if cls == "benign-named-value":
        n, v = g.pick(BENIGN_NAMED)
        return n, v, "name-only", False
    if cls == "secret-config":
        n, v = g.pick(SECRET_CONFIG)
        return n, v, "policy", False
    if cls == "file-path":
        n, v = g.pick(FILE_PATHS)
        return n, v, "path", False
    if cls == "password-hash":
        sub, v = pw_hash(g)
        return g.pick(["ADMIN_PASSWORD_HASH", "password_digest", "hashed_password", "PASSWORD_BCRYPT", "htpasswd", "encrypted_password"]), v, sub, True
    if cls == "encrypted-value":
        sub, v = encrypted_single(g)
        return sname, v, sub, False
    if cls == "client-id":
        k = g.int(0, 9)
        return [("GOOGLE_CLIENT_ID", "%s-%s.apps.googleusercontent.com" % (g.dig(12), g.lan(32)), "google"), ("GITHUB_CLIENT_ID", g.pick(["Iv1." + g.hex(16), "Iv23li" + g.an(14), "Ov23li" + g.an(14)]), "github"),
                ("AZURE_CLIENT_ID", g.uuid(), "azure"), ("AUTH0_CLIENT_ID", g.an(32), "auth0"), ("OKTA_CLIENT_ID", "0oa" + g.an(17), "okta"),
                ("COGNITO_CLIENT_ID", g.lan(26), "cognito"), ("SLACK_CLIENT_ID", "%s.%s" % (g.dig(12), g.dig(13)), "slack"), ("FACEBOOK_APP_ID", g.dig(16), "facebook"),
                ("SPOTIFY_CLIENT_ID", g.hex(32), "spotify"), ("TWITCH_CLIENT_ID", g.lan(30), "twitch")][k] + (False,)
    if cls == "fingerprint":
        k = g.int(0, 4)
        return [("SSH_HOST_FINGERPRINT", "SHA256:" + b64s(g.rb(32)).rstrip("="), "ssh-sha256"), ("GPG_KEY_ID", g.HEX(16), "gpg-keyid"),
                ("GPG_FINGERPRINT", g.HEX(40), "gpg-fpr"), ("CERT_SHA256_FINGERPRINT", ":".join(g.HEX(2) for _ in range(32)), "x509-sha256"),
                ("SSH_MD5_FINGERPRINT", ":".join(g.hex(2) for _ in range(16)), "ssh-md5")][k] + (False,)
    if cls == "key-identifier":
        k = g.int(0, 4)
        return [("private_key_id", g.hex(40), "gcp-private-key-id", True), ("KMS_KEY_ID", g.uuid(), "aws-kms", False), ("APPLE_KEY_ID", g.uan(10), "apple-p8-kid", False),
                ("JWT_KEY_ID", g.b64u(22), "jwks-kid", False), ("ACCESS_KEY_ID_LAST_USED", "2025-%02d-%02d" % (g.int(1, 12), g.int(1, 28)), "date", False)][k]
    if cls == "network-address":
        return g.pick([("DB_HOST", g.ip_private()), ("REDIS_HOST", g.ip_private()), ("ALLOWED_CIDR", "10.0.0.0/8"), ("GATEWAY_MAC", ":".join(g.hex(2) for _ in range(6))), ("IPV6_ADDR", "fd00:%s::%s" % (g.hex(4), g.hex(4)))]) + ("private", False)
    if cls == "version-string":
        return g.pick(["APP_VERSION", "GIT_DESCRIBE", "IMAGE_TAG", "RELEASE"]), g.pick(["%d.%d.%d" % (g.int(0, 9), g.int(0, 40), g.int(0, 99)), "v%d.%d.%d-%d-g%s" % (g.int(0, 5), g.int(0, 20), g.int(0, 9), g.int(1, 99), g.hex(7)),
                                                                                         "v0.0.0-2025%02d%02d%06d-%s" % (g.int(1, 12), g.int(1, 28), g.int(0, 235959), g.hex(12)), "sha-" + g.hex(7), "release-" + g.hex(8)]), "version", False
    if cls == "conn-no-credentials":
        return g.pick(["DATABASE_URL", "REDIS_URL", "MONGO_URL", "AMQP_URL", "REPO_URL"]), g.pick(["postgres://db:5432/app", "redis://localhost:6379/0", "mongodb://mongo1:27017,mongo2:27017/?replicaSet=rs0",
                                                                                                  "amqp://rabbitmq:5672", "https://%s@github.com/acme/%s.git" % (g.word(), g.word()), "git@github.com:acme/%s.git" % g.word(),
                                                                                                  "jdbc:postgresql://db:5432/app", "Server=tcp:sql.example.net,1433;Database=app;Authentication=Active Directory Default;",
                                                                                                  "postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app"]), "no-userinfo", False
    if cls == "cache-key":
        return g.pick(["CACHE_KEY", "CACHE_KEY_PREFIX", "ETAG", "SORT_KEY", "PARTITION_KEY", "LOCK_KEY"]), g.pick(["v3-deps-%s" % g.hex(64), "sessions:%s" % g.hex(16), '"%s"' % g.hex(40), "2025-06-01#ORDER#%s" % g.dig(8), "node-cache-Linux-x64-npm-%s" % g.hex(64), "lock:%s" % g.uuid()]), "key", False
    if cls == "build-id":
        return g.pick(["BUILD_ID", "GITHUB_RUN_ID", "CONTAINER_ID", "HOSTNAME", "VERCEL_DEPLOYMENT_ID", "NETLIFY_DEPLOY_ID", "CI_PIPELINE_ID"]), g.pick([g.dig(10), g.hex(64), g.hex(12), "dpl_" + g.an(28), g.hex(24), g.uuid()]), "ci", False
    if cls == "trace-id":
        return g.pick(["TRACEPARENT", "X_REQUEST_ID", "DD_TRACE_ID", "SENTRY_EVENT_ID", "X_AMZN_TRACE_ID"]), g.pick([traceparent(g), g.hex(32), g.dig(19), "Root=1-%s-%s" % (g.hex(8), g.hex(24))]), "trace", False
    if cls == "git-sha":
        return g.pick(["GIT_COMMIT", "GITHUB_SHA", "SOURCE_COMMIT", "REVISION", "COMMIT_SHA"]), g.hex(40), "commit", False
    if cls == "image-digest":
        return g.pick(["IMAGE", "BASE_IMAGE", "IMAGE_DIGEST"]), g.pick(["ghcr.io/acme/%s@sha256:%s" % (g.word(), g.hex(64)), "sha256:" + g.hex(64)]), "oci", False
    if cls == "file-digest":
        return g.pick(["ARTIFACT_SHA256", "EXPECTED_CHECKSUM", "SHA256SUM", "MD5", "TARBALL_SHA1"]), g.pick([g.hex(64), g.hex(32), g.hex(40)]), "digest", False
    if cls == "public-key":
        k = g.int(0, 5)
        return [("SSH_PUBLIC_KEY", ssh_pub(g), "ssh"), ("WG_PUBLIC_KEY", b64s(g.rb(32)), "wireguard"), ("AGE_RECIPIENT", bech32("age", g.rb(32)), "age"),
                ("VAPID_PUBLIC_KEY", "B" + b64u_np(g.rb(64))[:86], "vapid"), ("JWT_PUBLIC_KEY", spki_ec_b64(g), "spki-der"), ("NOSTR_PUBKEY", bech32("npub", g.rb(32)), "npub")][k] + (False,)
    if cls == "certificate":
        return g.pick(["CA_CERT_B64", "certificate-authority-data", "TLS_CERT"]), b64s((cert_pem(g) + "\n").encode()), "b64-pem", False
    if cls == "base64-blob":
        return g.pick(["LOGO_PNG", "PLACEHOLDER_IMAGE", "FAVICON_DATA", "PROTO_DESCRIPTOR"]), g.pick(["data:image/png;base64," + png_b64(g), png_b64(g), "CgtzZXJ2aWNlLnByb3RvEgNhcGki" + b64s(g.rb(g.int(60, 200)))]), "blob", False
    if cls == "hex-blob":
        return g.pick(["INIT_CODE_HASH", "EMPTY_TRIE_ROOT", "MAGIC_BYTES", "WASM_HEADER"]), g.pick(["0x" + g.hex(64), "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421", "89504e470d0a1a0a" + g.hex(48), "0061736d01000000" + g.hex(56)]), "constant", False
    if cls == "asset-hash":
        return g.pick(["NEXT_BUILD_ID", "ASSET_MANIFEST", "CSS_HASH"]), g.pick([g.b64u(21), "main.%s.js" % g.hex(8), "_button_%s_12" % g.lan(5), "chunk-%s.js" % g.hex(20)]), "bundler", False
    if cls == "oauth-public-param":
        return g.pick(["state", "nonce", "code_challenge", "CSP_NONCE"]), g.pick([g.b64u(43), g.b64u(32), b64s(g.rb(16))]), "oauth", False
    if cls == "prose-mention":
        n, v = g.pick(PROSE)
        return n, v, "prose", False
    if cls == "regex-pattern":
        return g.pick(["pattern", "regex", "SECRET_PATTERN"]), g.pick(REGEXES), "rule", False
    if cls == "i18n-string":
        n, v = g.pick(I18N)
        return n, v, "ui-text", False
    if cls == "crypto-test-vector":
        n, v, sub = test_vector(g)
        return n, v, sub, False
    if cls == "pagination-token":
        return g.pick(["NEXT_PAGE_TOKEN", "cursor", "NextToken", "continuationToken"]), g.pick([b64s(jdump({"offset": g.int(50, 5000)}).encode()), b64s(("user:U0" + g.uan(9)).encode()), b64s(g.rb(g.int(60, 180))), "Y3Vyc29yOnYyOpK5" + g.b64(20)]), "page", False
    raise KeyError(cls)


KV_NEG_CLASSES = ["env-ref", "template-ref", "secret-manager-ref", "placeholder", "masked", "redacted", "aegis-token", "uuid", "resource-id",
                  "object-id", "publishable-key", "example-key", "default-credential", "fake-test-value", "benign-named-value", "secret-config",
                  "file-path", "password-hash", "encrypted-value", "client-id", "fingerprint", "key-identifier", "network-address", "version-string",
                  "conn-no-credentials", "cache-key", "build-id", "trace-id", "git-sha", "image-digest", "file-digest", "public-key", "certificate",
                  "base64-blob", "hex-blob", "asset-hash", "oauth-public-param", "prose-mention", "regex-pattern", "crypto-test-vector", "pagination-token"]
CONFIG_NEG = [c for c in KV_NEG_CLASSES if c not in ("masked", "redacted", "pagination-token")]
OUTPUT_NEG = [c for c in KV_NEG_CLASSES if c not in ("template-ref", "prose-mention", "regex-pattern", "crypto-test-vector", "fake-test-value", "i18n-string")]


PLAIN = [("PORT", lambda g: str(g.pick([3000, 8080, 8000, 5000, 4000, 9000]))), ("LOG_LEVEL", lambda g: g.pick(["info", "debug", "warn"])),
         ("NODE_ENV", lambda g: g.pick(["production", "development"])), ("APP_ENV", lambda g: g.pick(["prod", "staging", "local"])), ("DEBUG", lambda g: g.pick(["false", "0", "true"])),
         ("TZ", lambda g: g.pick(["UTC", "Europe/Berlin", "Asia/Tokyo"])), ("DB_HOST", lambda g: host_name(g)), ("DB_PORT", lambda g: "5432"), ("DB_NAME", db_name),
         ("DB_USER", db_user), ("REDIS_HOST", lambda g: g.pick(["redis", "cache.internal"])), ("AWS_REGION", lambda g: g.pick(["us-east-1", "eu-west-1", "ap-northeast-1"])),
         ("S3_BUCKET", lambda g: "%s-%s-assets" % (g.word(), g.pick(["prod", "dev"]))), ("SENTRY_ENVIRONMENT", lambda g: "production"),
         ("OTEL_SERVICE_NAME", lambda g: g.word() + "-api"), ("OTEL_EXPORTER_OTLP_ENDPOINT", lambda g: "http://otel-collector:4317"),
         ("API_BASE_URL", lambda g: "https://api.%s.io/v%d" % (g.word(), g.int(1, 3))), ("FRONTEND_URL", lambda g: "https://app.%s.com" % g.word()),
         ("CORS_ORIGINS", lambda g: "https://app.%s.com,http://localhost:3000" % g.word()), ("WORKERS", lambda g: str(g.int(1, 16))), ("CACHE_TTL", lambda g: str(g.pick([60, 300, 3600]))),
         ("RATE_LIMIT_PER_MINUTE", lambda g: str(g.pick([60, 120, 600]))), ("FEATURE_NEW_CHECKOUT", lambda g: g.pick(["true", "false"])), ("SMTP_HOST", lambda g: g.pick(["smtp.mailgun.org", "smtp.sendgrid.net", "mailhog"])),
         ("SMTP_PORT", lambda g: g.pick(["587", "465", "1025"])), ("MAX_UPLOAD_MB", lambda g: str(g.pick([10, 25, 100]))), ("QUEUE_NAME", lambda g: g.pick(["default", "emails", "webhooks"])),
         ("KAFKA_BROKERS", lambda g: "kafka-0:9092,kafka-1:9092"), ("GRPC_PORT", lambda g: "50051"), ("ENABLE_METRICS", lambda g: "true"), ("DEFAULT_LOCALE", lambda g: g.pick(["en-US", "ja-JP", "de-DE"])),
         ("MODEL", lambda g: g.pick(["gpt-4.1-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "mistral-large-latest"])), ("EMBEDDING_MODEL", lambda g: "text-embedding-3-small"),
         ("TEMPERATURE", lambda g: g.pick(["0", "0.2", "0.7"])), ("GCP_PROJECT", lambda g: "%s-%s-%d" % (g.word(), g.pick(["prod", "dev"]), g.int(100, 999))), ("ES_INDEX", lambda g: "logs-" + g.word()),
         ("HEALTHCHECK_PATH", lambda g: "/healthz"), ("APP_NAME", lambda g: g.word().capitalize() + g.pick(["", " API", "Hub"])), ("MAX_RETRIES", lambda g: str(g.int(1, 8))),
         ("TIMEOUT_MS", lambda g: str(g.pick([1000, 5000, 30000]))), ("UPLOAD_DIR", lambda g: "/var/lib/%s/uploads" % g.word()), ("STATSD_HOST", lambda g: "127.0.0.1")]


# --------------------------------------------------------------------------------------------
# the corpus being built
# --------------------------------------------------------------------------------------------
class Item:
    __slots__ = ("name", "v", "raw", "kind", "envref", "fmt", "multiline")

    def __init__(self, name, v, raw, kind, envref=None, fmt=None):
        self.name, self.v, self.raw, self.kind, self.envref, self.fmt = name, v, raw, kind, envref, fmt
        self.multiline = "\n" in raw


GENERIC_KINDS = ("tok", "ctx", "uri")


class Corpus:
    def __init__(self, seed):
        self.g = G(seed)
        self.marks = []
        self.fdeck = Deck(self.g, [n for n, f in FORMATS.items() if f.kind in GENERIC_KINDS])
        self.pdeck = Deck(self.g, [n for n, f in FORMATS.items() if f.kind == "pem"])
        self.cdeck = Deck(self.g, CONFIG_NEG)
        self.odeck = Deck(self.g, OUTPUT_NEG)
        self.files = []
        self.paths = set()
        self.created = {}
        self.coverage = False

    # ---- marking
    def _mk(self, rec, shown):
        idx = len(self.marks)
        self.marks.append(rec)
        return "%s%d%s%s%s" % (MO, idx, MM, shown, MC)

    def S(self, fmt, value=None, enc=()):
        f = FORMATS[fmt]
        if value is None:
            value = gen_value(self.g, f)
        self.created[fmt] = self.created.get(fmt, 0) + 1
        return self._mk({"k": "L", "format": fmt, "family": f.family, "value": value}, enc_apply(value, enc))

    def N(self, cls, value, sub=None, disputed=False, enc=()):
        rec = {"k": "N", "class": cls, "value": value}
        if sub:
            rec["sub"] = sub
        if disputed:
            rec["disputed"] = True
        return self._mk(rec, enc_apply(value, enc))

    def relabel(self, text):
        """After a transform that changed the bytes inside marks (line prefixes, indentation), give those
        occurrences records whose value is the new content."""
        out = []
        pos = 0
        for m in re.finditer("\ue000(\\d+)\ue001(.*?)\ue002", text, re.S):
            idx = int(m.group(1))
            inner = m.group(2)
            rec = self.marks[idx]
            out.append(text[pos:m.start()])
            if inner != rec["value"] and not _enc_matches(rec["value"], inner):
                nrec = dict(rec)
                nrec["value"] = inner
                out.append(self._mk(nrec, inner))
            else:
                out.append(m.group(0))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    # ---- picking
    def fmt_pick(self, kinds=GENERIC_KINDS, pred=None, skip=()):
        def ok(n):
            f = FORMATS[n]
            return f.kind in kinds and (pred is None or pred(f))
        if self.coverage:
            # the last files top up the least-used formats so that every format is well represented
            cands = [n for n in FORMATS if ok(n) and n not in skip] or [n for n in FORMATS if ok(n)]
            return FORMATS[min(cands, key=lambda n: (self.created.get(n, 0), cands.index(n)))]
        return FORMATS[self.fdeck.take(ok)] if kinds != ("pem",) else FORMATS[self.pdeck.take(None)]

    def secret(self, kinds=GENERIC_KINDS, pred=None, bad="", fmt=None, name=None):
        """A secret Item from the balanced deck."""
        g = self.g
        skip = set()
        for _ in range(30):
            f = FORMATS[fmt] if fmt else self.fmt_pick(kinds, pred, skip)
            v = gen_value(g, f)
            if bad and any(ch in v for ch in bad):
                skip.add(f.name)
                continue
            envs = [n for n in f.names if re.fullmatch(r"[A-Z][A-Z0-9_]+", n)]
            nm = name or g.pick(envs or f.names)
            return Item(nm, self.S(f.name, v), v, "s", fmt=f.name)
        raise RuntimeError("could not draw a secret without %r" % bad)

    def pem_secret(self, fmt=None, name=None):
        f = FORMATS[fmt] if fmt else FORMATS[self.pdeck.take(None)]
        v = gen_value(self.g, f)
        return Item(name or self.g.pick(f.names), self.S(f.name, v), v, "s", fmt=f.name)

    def neg(self, where="config", cls=None, bad=""):
        g = self.g
        for _ in range(30):
            c = cls or (self.cdeck.take() if where == "config" else self.odeck.take())
            n, v, sub, disp = kv_neg(g, c)
            if any(ch in v for ch in bad + '"\\'):
                continue
            it = Item(n, self.N(c, v, sub, disp), v, "n")
            if c == "env-ref":
                it.envref = n
            return it
        raise RuntimeError("neg")

    def plain(self):
        g = self.g
        n, fn = g.pick(PLAIN)
        v = fn(g)
        return Item(n, v, v, "p")

    def mix(self, ns=2, nn=3, np_=4, where="config", bad="", kinds=GENERIC_KINDS, pred=None, pem=0.0):
        items = [self.secret(kinds=kinds, bad=bad, pred=pred) for _ in range(ns)]
        if where == "config":
            nn += self.g.int(0, 2)
        if pem and self.g.chance(pem):
            items.append(self.pem_secret())
        items += [self.neg(where, bad=bad) for _ in range(nn)]
        items += [self.plain() for _ in range(np_)]
        self.g.shuffle(items)
        seen = set()
        out = []
        for it in items:
            key = it.name
            if key in seen:
                it.name = it.name + "_" + self.g.pick(["2", "ALT", "OLD", "PROD", "BACKUP", "V2"])
            seen.add(it.name)
            out.append(it)
        return out

    # ---- files
    def add(self, path, text):
        base = path
        i = 2
        while path in self.paths:
            parts = base.split("/")
            if parts[0] == "repos" and len(parts) > 2:
                path = "/".join(parts[:2] + ["packages", "%s-%d" % (self.g.word(), i)] + parts[2:])
            else:
                path = "/".join(parts[:-1] + ["%d-%s" % (i, parts[-1])])
            i += 1
        if path.rsplit("/", 1)[-1] == ".gitignore":
            raise ValueError("refusing to write a .gitignore")
        self.paths.add(path)
        self.files.append((path, text))
        return path


def _enc_candidates():
    out = []
    for pre in ([], ["xml"]):
        for k in range(4):
            for a in (False, True):
                out.append(pre + ["json"] * k + (["ascii"] if a else []))
    return out


ENC_CANDIDATES = _enc_candidates()


def _enc_matches(value, shown):
    for enc in ENC_CANDIDATES:
        if enc_apply(value, enc) == shown:
            return enc
    return None


# --------------------------------------------------------------------------------------------
# names and quoting
# --------------------------------------------------------------------------------------------
def words(name):
    name = name.replace("-", "_").replace(".", "_")
    parts = []
    for chunk in name.split("_"):
        if not re.search("[a-z]", chunk):
            parts.append(chunk)
            continue
        parts += re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z0-9]+", chunk)
    return [p.lower() for p in parts if p]


def nm(name, style):
    w = words(name) or ["value"]
    if style == "env":
        return "_".join(x.upper() for x in w)
    if style == "snake":
        return "_".join(w)
    if style == "camel":
        return w[0] + "".join(x.capitalize() for x in w[1:])
    if style == "pascal":
        return "".join(x.capitalize() for x in w)
    if style == "kebab":
        return "-".join(w)
    if style == "dotted":
        return ".".join(w)
    if style == "k8s":
        return "-".join(w)
    raise KeyError(style)


SAFE_BARE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./+=@-]*")


def q(it, ch='"'):
    return ch + it.v + ch


def q_yaml(it, g):
    r = it.raw
    if it.kind == "p" and (r in ("true", "false") or r.isdigit()):
        return r
    if SAFE_BARE.fullmatch(r) and r.lower() not in ("true", "false", "yes", "no", "null", "on", "off") and not r.isdigit() and not g.chance(0.3):
        return it.v
    if '"' not in r and "\\" not in r:
        return q(it, '"')
    return q(it, "'")


def q_env(it, g):
    r = it.raw
    if re.fullmatch(r"[A-Za-z0-9_./+=@:,%-]+", r) and not g.chance(0.25):
        return it.v
    if "$" in r or "`" in r:
        return q(it, "'")
    return q(it, '"')


def lit(it, lang, g):
    """A string literal in the given language."""
    r = it.raw
    if lang == "py":
        k = g.int(0, 9)
        if k == 0 and "\\" not in r:
            return 'r"%s"' % it.v
        return q(it, "'" if k < 4 and "'" not in r else '"')
    if lang in ("js", "ts"):
        k = g.int(0, 9)
        if k == 0 and "${" not in r and "`" not in r:
            return "`%s`" % it.v
        return q(it, "'" if k < 6 else '"')
    if lang == "go":
        return ("`%s`" % it.v) if g.chance(0.15) and "`" not in r else q(it)
    if lang == "rs":
        return ('r#"%s"#' % it.v) if g.chance(0.2) else q(it)
    if lang == "cs":
        return ('@"%s"' % it.v) if g.chance(0.2) else q(it)
    if lang == "cpp":
        return ('R"(%s)"' % it.v) if g.chance(0.2) else q(it)
    if lang in ("rb", "php", "pl", "groovy", "sh", "ps1", "dart"):
        return q(it, "'") if "'" not in r else q(it)
    if lang == "lua":
        return ("[[%s]]" % it.v) if g.chance(0.2) else q(it)
    return q(it)


ENVEXPR = {
    "py": ['os.environ["%s"]', 'os.getenv("%s")', 'os.environ.get("%s", "")'],
    "js": ["process.env.%s", 'process.env["%s"]'], "ts": ["process.env.%s!", "process.env.%s ?? \"\""],
    "go": ['os.Getenv("%s")'], "java": ['System.getenv("%s")'], "kt": ['System.getenv("%s") ?: ""'], "cs": ['Environment.GetEnvironmentVariable("%s")'],
    "rb": ['ENV["%s"]', 'ENV.fetch("%s")'], "php": ["getenv('%s')", "$_ENV['%s']", "env('%s')"], "rs": ['std::env::var("%s").expect("%s must be set")'],
    "swift": ['ProcessInfo.processInfo.environment["%s"] ?? ""'], "scala": ['sys.env("%s")', 'sys.env.getOrElse("%s", "")'], "c": ['getenv("%s")'],
    "cpp": ['std::getenv("%s")'], "sh": ['"${%s}"', '"$%s"'], "ps1": ["$env:%s"], "lua": ['os.getenv("%s")'], "r": ['Sys.getenv("%s")'],
    "pl": ["$ENV{%s}"], "ex": ['System.get_env("%s")', 'System.fetch_env!("%s")'], "dart": ["Platform.environment['%s']"], "groovy": ["System.getenv('%s')"],
    "hs": ['unsafePerformIO (getEnv "%s")'],
}


def val(it, lang, c):
    """Literal or, for an environment reference, a language expression (itself a negative)."""
    if it.envref:
        tmpl = c.g.pick(ENVEXPR[lang])
        e = tmpl.replace("%s", it.envref)
        return c.N("env-ref", e, lang)
    return lit(it, lang, c.g)


def comment_for(it, g):
    if it.kind == "s" and g.chance(0.2):
        return g.pick(["rotated %s" % g.date(), "prod", "do not share", "TODO: move to vault", "from the %s dashboard" % g.word(), "temporary", "owner: platform team"])
    if it.kind == "n" and g.chance(0.15):
        return g.pick(["set in CI", "injected at runtime", "see README", "public"])
    return None


# --------------------------------------------------------------------------------------------
# config syntaxes (items -> text)
# --------------------------------------------------------------------------------------------
def r_dotenv(c, items, export=False):
    g = c.g
    out = []
    if g.chance(0.5):
        out.append(g.pick(["# %s environment" % g.pick(["Production", "Local", "Staging"]), "# generated by scripts/bootstrap.sh", "# copy to .env and fill in", "# shared dev settings"]))
    for it in items:
        if it.multiline:
            if it.fmt:
                out.append('%s%s="%s"' % ("export " if export else "", nm(it.name, "env"), c.S(it.fmt, it.raw.replace("\n", "\\n"))))
            continue
        cm = comment_for(it, g)
        if cm and g.chance(0.5):
            out.append("# " + cm)
        line = "%s%s=%s" % ("export " if export else "", nm(it.name, "env"), q_env(it, g))
        if cm and g.chance(0.3):
            line += "  # " + cm
        out.append(line)
        if g.chance(0.12):
            out.append("")
    return "\n".join(out) + "\n"


def yaml_block(it, indent):
    """YAML literal block for a multi-line value; returns (text) with the value re-marked as indented."""
    pad = " " * indent
    return "|\n" + "\n".join(pad + l for l in it.v.split("\n"))


def r_yaml(c, items, nest=None, indent=0, style="snake"):
    g = c.g
    pad = " " * indent
    out = []
    groups = []
    if nest:
        for it in items:
            w = words(it.name)
            key = w[0] if len(w) > 1 else "app"
            for gk, lst in groups:
                if gk == key:
                    lst.append(it)
                    break
            else:
                groups.append((key, [it]))
        for gk, lst in groups:
            out.append("%s%s:" % (pad, gk))
            for it in lst:
                w = words(it.name)
                sub = w[1:] if len(w) > 1 else w
                k = nm("_".join(sub), style)
                out.append("%s  %s: %s" % (pad, k, yaml_block(it, indent + 4) if it.multiline else q_yaml(it, g)))
    else:
        for it in items:
            cm = comment_for(it, g)
            if cm and g.chance(0.5):
                out.append("%s# %s" % (pad, cm))
            out.append("%s%s: %s" % (pad, nm(it.name, style), yaml_block(it, indent + 2) if it.multiline else q_yaml(it, g)))
    return "\n".join(out) + "\n"


def r_toml(c, items, table=None):
    g = c.g
    out = []
    if table:
        out.append("[%s]" % table)
    for it in items:
        if it.multiline:
            out.append('%s = """\n%s"""' % (nm(it.name, "snake"), it.v + "\n"))
            continue
        v = it.v if (it.kind == "p" and (it.raw.isdigit() or it.raw in ("true", "false"))) else (q(it) if '"' not in it.raw and "\\" not in it.raw else q(it, "'"))
        out.append("%s = %s" % (nm(it.name, g.pick(["snake", "snake", "kebab"])), v))
    return "\n".join(out) + "\n"


def r_ini(c, items, section=None):
    g = c.g
    out = []
    if section:
        out.append("[%s]" % section)
    for it in items:
        if it.multiline:
            continue
        sep = g.pick([" = ", "=", " = "])
        out.append("%s%s%s" % (nm(it.name, g.pick(["snake", "snake", "env"])), sep, it.v))
    return "\n".join(out) + "\n"


def r_props(c, items, prefix=""):
    g = c.g
    out = []
    for it in items:
        if it.multiline:
            continue
        key = (prefix + "." if prefix else "") + nm(it.name, g.pick(["dotted", "dotted", "kebab"]))
        out.append("%s%s%s" % (key, g.pick(["=", " = ", ": "]), it.v))
    return "\n".join(out) + "\n"


def r_hcl(c, items, block="locals"):
    g = c.g
    out = ["%s {" % block]
    w = max(len(nm(it.name, "snake")) for it in items) if items else 0
    for it in items:
        k = nm(it.name, "snake")
        if it.multiline:
            out.append("  %s = <<-EOT\n%s\n  EOT" % (k, it.v))
        else:
            out.append("  %s = %s" % (k.ljust(w), q(it)))
    out.append("}")
    return "\n".join(out) + "\n"


def r_xml_add(c, items):
    out = []
    for it in items:
        if it.multiline:
            continue
        v = _xml_v(c, it)
        out.append('    <add key="%s" value="%s" />' % (nm(it.name, c.g.pick(["pascal", "env", "camel"])), v))
    return "\n".join(out) + "\n"


def _xml_v(c, it):
    if any(ch in it.raw for ch in '&<>"'):
        # re-mark with the XML escaping applied (same record value, escaped bytes)
        m = re.match("\ue000(\\d+)\ue001", it.v)
        if m:
            return "%s%s%s%s%s" % (MO, m.group(1), MM, xml_esc(it.raw), MC)
        return xml_esc(it.v)
    return it.v


def r_xml_elems(c, items, indent=4):
    pad = " " * indent
    out = []
    for it in items:
        tag = nm(it.name, c.g.pick(["camel", "kebab", "pascal"]))
        out.append("%s<%s>%s</%s>" % (pad, tag, _xml_v(c, it), tag))
    return "\n".join(out) + "\n"


def r_json_obj(c, items, style="camel"):
    d = {}
    for it in items:
        d[nm(it.name, style)] = it.v
    return d


def r_plist(c, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">', '<plist version="1.0">', "<dict>"]
    for it in items:
        if it.multiline:
            continue
        out.append("\t<key>%s</key>" % nm(it.name, c.g.pick(["env", "pascal"])))
        out.append("\t<string>%s</string>" % _xml_v(c, it))
    out += ["</dict>", "</plist>"]
    return "\n".join(out) + "\n"


def r_nix(c, items):
    out = ["{ config, pkgs, lib, ... }:", "", "{", "  services.%s = {" % c.g.word(), "    enable = true;", "    environment = {"]
    for it in items:
        if it.multiline:
            continue
        out.append('      %s = "%s";' % (nm(it.name, "env"), it.v))
    out += ["    };", "  };", "}"]
    return "\n".join(out) + "\n"


def r_dhall(c, items):
    out = ["let Config = ./types/Config.dhall", "", "in  Config::{"]
    first = True
    for it in items:
        if it.multiline:
            continue
        out.append("    %s %s = \"%s\"" % ("," if not first else " ", nm(it.name, "camel"), it.v))
        first = False
    out.append("    }")
    return "\n".join(out) + "\n"


def r_cue(c, items):
    out = ["package config", "", "%s: {" % c.g.pick(["service", "deploy", "app"])]
    for it in items:
        if it.multiline:
            continue
        out.append('\t%s: "%s"' % (nm(it.name, "camel"), it.v))
    out.append("}")
    return "\n".join(out) + "\n"


def r_json5(c, items):
    out = ["// %s" % c.g.pick(["local overrides", "runtime config (JSON5)", "do not commit real values -- FIXME"]), "{"]
    for it in items:
        if it.multiline:
            continue
        out.append("  %s: '%s'," % (nm(it.name, "camel"), it.v) if "'" not in it.raw else '  %s: "%s",' % (nm(it.name, "camel"), it.v))
    out.append("}")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# source code (items -> a module in one of 20 languages)
# --------------------------------------------------------------------------------------------
LANG_EXT = {"py": "py", "js": "js", "ts": "ts", "go": "go", "java": "java", "kt": "kt", "cs": "cs", "rb": "rb", "php": "php", "rs": "rs",
            "swift": "swift", "scala": "scala", "c": "c", "cpp": "cpp", "sh": "sh", "ps1": "ps1", "lua": "lua", "r": "R", "pl": "pl",
            "ex": "exs", "dart": "dart", "groovy": "groovy", "hs": "hs"}
LANG_BAD = {"kt": "$", "dart": "$", "groovy": "$", "php": "$'", "pl": "$@'", "sh": "$'`", "ps1": "$'`", "rb": "#'", "swift": "\\", "hs": "", "scala": "$", "py": "{", "cs": "{"}


def code_module(c, lang, items, svc=None):
    g = c.g
    svc = svc or g.word()
    Svc = svc.capitalize()
    L = []
    one = [it for it in items if not it.multiline]
    multi = [it for it in items if it.multiline]
    if lang == "py":
        layout = g.int(0, 3)
        L.append('"""%s"""' % g.pick(["Runtime configuration for the %s service." % svc, "Settings. Values here are defaults; the environment wins.", "Integration clients for %s." % svc]))
        L.append("import os")
        if layout == 0:
            L.append("")
            for it in one:
                L.append("%s = %s" % (nm(it.name, "env"), val(it, "py", c)))
            for it in multi:
                L.append('%s = """%s\n"""' % (nm(it.name, "env"), it.v))
        elif layout == 1:
            L += ["from dataclasses import dataclass", "", "", "@dataclass(frozen=True)", "class %sConfig:" % Svc]
            for it in one:
                L.append("    %s: str = %s" % (nm(it.name, "snake"), val(it, "py", c)))
            for it in multi:
                L.append('    %s: str = """%s\n"""' % (nm(it.name, "snake"), it.v))
        elif layout == 2:
            L += ["from pydantic_settings import BaseSettings, SettingsConfigDict", "", "", "class Settings(BaseSettings):", '    model_config = SettingsConfigDict(env_file=".env", extra="ignore")', ""]
            for it in one:
                L.append("    %s: str = %s" % (nm(it.name, "snake"), val(it, "py", c)))
            L += ["", "", "settings = Settings()"]
        else:
            L += ["", "CONFIG = {"]
            for it in one:
                L.append('    "%s": %s,' % (nm(it.name, g.pick(["snake", "env"])), val(it, "py", c)))
            for it in multi:
                L.append('    "%s": """%s\n""",' % (nm(it.name, "snake"), it.v))
            L += ["}", "", "", "def get(key, default=None):", "    return os.environ.get(key.upper(), CONFIG.get(key, default))"]
    elif lang in ("js", "ts"):
        layout = g.int(0, 2)
        if layout == 0:
            for it in one:
                L.append("export const %s%s = %s;" % (nm(it.name, "env"), ": string" if lang == "ts" else "", val(it, lang, c)))
            for it in multi:
                L.append("export const %s = `%s\n`;" % (nm(it.name, "env"), it.v))
        elif layout == 1:
            L.append("%sconst config%s = {" % ("" if lang == "js" else "", ": Record<string, string>" if lang == "ts" else ""))
            for it in one:
                L.append("  %s: %s," % (nm(it.name, "camel"), val(it, lang, c)))
            for it in multi:
                L.append("  %s: `%s\n`," % (nm(it.name, "camel"), it.v))
            L += ["};", "", "module.exports = config;" if lang == "js" else "export default config;"]
        else:
            L.append("// fall back to the built-in value when the variable is unset (local dev)")
            for it in one:
                if it.kind == "s":
                    L.append("const %s = process.env.%s || %s;" % (nm(it.name, "camel"), nm(it.name, "env"), val(it, lang, c)))
                else:
                    L.append("const %s = %s;" % (nm(it.name, "camel"), val(it, lang, c)))
            L.append("")
            L.append("export { %s };" % ", ".join(nm(it.name, "camel") for it in one))
    elif lang == "go":
        L += ["package config", "", "import \"os\"", "", "// Defaults used when the environment does not override them.", "const ("]
        consts = [it for it in one if not it.envref]
        for it in consts:
            L.append("\t%s = %s" % (nm(it.name, "pascal"), val(it, "go", c)))
        for it in multi:
            L.append("\t%s = `%s\n`" % (nm(it.name, "pascal"), it.v))
        L += [")", "", "type %sConfig struct {" % Svc]
        for it in one:
            L.append("\t%s string" % nm(it.name, "pascal"))
        L += ["}", "", "func Load() %sConfig {" % Svc, "\treturn %sConfig{" % Svc]
        for it in one:
            L.append("\t\t%s: %s," % (nm(it.name, "pascal"), val(it, "go", c) if it.envref else nm(it.name, "pascal")))
        L += ["\t}", "}", "", "var _ = os.Getenv"]
    elif lang in ("java", "kt", "scala", "groovy"):
        if lang == "java":
            L += ["package com.%s.%s.config;" % (g.word(), svc), "", "public final class %sSecrets {" % Svc, "    private %sSecrets() {}" % Svc, ""]
            for it in one:
                L.append("    public static final String %s = %s;" % (nm(it.name, "env"), val(it, "java", c)))
            for it in multi:
                L.append('    public static final String %s = """\n%s\n""";' % (nm(it.name, "env"), it.v))
            L.append("}")
        elif lang == "kt":
            L += ["package com.%s.%s" % (g.word(), svc), "", "object %sConfig {" % Svc]
            for it in one:
                L.append("    %s %s = %s" % ("const val" if not it.envref else "val", nm(it.name, "env") if not it.envref else nm(it.name, "camel"), val(it, "kt", c)))
            L.append("}")
        elif lang == "scala":
            L += ["package %s.config" % svc, "", "object Settings {"]
            for it in one:
                L.append("  val %s: String = %s" % (nm(it.name, "camel"), val(it, "scala", c)))
            L.append("}")
        else:
            L += ["// %s.groovy" % svc, "def config = ["]
            for it in one:
                L.append("    %s: %s," % (nm(it.name, "camel"), val(it, "groovy", c)))
            L += ["]", "return config"]
    elif lang == "cs":
        L += ["namespace %s.Configuration;" % Svc, "", "public static class %sDefaults" % Svc, "{"]
        for it in one:
            if it.envref:
                L.append("    public static readonly string %s = %s;" % (nm(it.name, "pascal"), val(it, "cs", c)))
            else:
                L.append("    public const string %s = %s;" % (nm(it.name, "pascal"), val(it, "cs", c)))
        for it in multi:
            L.append('    public const string %s = """\n%s\n""";' % (nm(it.name, "pascal"), it.v))
        L.append("}")
    elif lang == "rb":
        L += ["# frozen_string_literal: true", "", "module %s" % Svc, "  module Config"]
        for it in one:
            L.append("    %s = %s%s" % (nm(it.name, "env"), val(it, "rb", c), ".freeze" if not it.envref else ""))
        for it in multi:
            L.append("    %s = <<~PEM\n%s\n    PEM" % (nm(it.name, "env"), it.v))
        L += ["  end", "end"]
    elif lang == "php":
        L += ["<?php", "", "return ["]
        for it in one:
            L.append("    '%s' => %s," % (nm(it.name, "snake"), val(it, "php", c)))
        L.append("];")
    elif lang == "rs":
        for it in one:
            if it.envref:
                L.append("pub fn %s() -> String {\n    %s\n}" % (nm(it.name, "snake"), val(it, "rs", c)))
            else:
                L.append("pub const %s: &str = %s;" % (nm(it.name, "env"), val(it, "rs", c)))
        for it in multi:
            L.append('pub const %s: &str = r#"%s\n"#;' % (nm(it.name, "env"), it.v))
    elif lang == "swift":
        L += ["import Foundation", "", "enum %sKeys {" % Svc]
        for it in one:
            L.append("    static let %s = %s" % (nm(it.name, "camel"), val(it, "swift", c)))
        for it in multi:
            L.append('    static let %s = """\n%s\n"""' % (nm(it.name, "camel"), it.v))
        L.append("}")
    elif lang in ("c", "cpp"):
        if lang == "c":
            L += ["#ifndef %s_CONFIG_H" % svc.upper(), "#define %s_CONFIG_H" % svc.upper(), ""]
            for it in one:
                if it.envref:
                    L.append("#define %s_ENV %s" % (nm(it.name, "env"), val(it, "c", c)))
                else:
                    L.append('#define %s %s' % (nm(it.name, "env"), val(it, "c", c)) if g.chance(0.5) else "static const char *%s = %s;" % (nm(it.name, "snake"), val(it, "c", c)))
            L += ["", "#endif"]
        else:
            L += ["#pragma once", "#include <string_view>", "", "namespace %s::config {" % svc]
            for it in one:
                if it.envref:
                    L.append("inline const char* %s() { return %s; }" % (nm(it.name, "snake"), val(it, "cpp", c)))
                else:
                    L.append("constexpr std::string_view k%s = %s;" % (nm(it.name, "pascal"), val(it, "cpp", c)))
            L.append("}  // namespace")
    elif lang == "sh":
        L += ["#!/usr/bin/env bash", "set -euo pipefail", ""]
        for it in one:
            L.append("export %s=%s" % (nm(it.name, "env"), val(it, "sh", c)))
        if multi:
            for it in multi:
                L.append("cat > /tmp/%s.pem <<'EOF'\n%s\nEOF" % (nm(it.name, "snake"), it.v))
    elif lang == "ps1":
        for it in one:
            L.append("$env:%s = %s" % (nm(it.name, "env"), val(it, "ps1", c)) if not it.envref else "$%s = %s" % (nm(it.name, "pascal"), val(it, "ps1", c)))
    elif lang == "lua":
        L.append("local config = {")
        for it in one:
            L.append("  %s = %s," % (nm(it.name, "snake"), val(it, "lua", c)))
        for it in multi:
            L.append("  %s = [[\n%s\n]]," % (nm(it.name, "snake"), it.v))
        L += ["}", "", "return config"]
    elif lang == "r":
        for it in one:
            if it.envref:
                L.append("%s <- %s" % (nm(it.name, "snake"), val(it, "r", c)))
            else:
                L.append("Sys.setenv(%s = %s)" % (nm(it.name, "env"), val(it, "r", c)) if g.chance(0.5) else "%s <- %s" % (nm(it.name, "snake"), val(it, "r", c)))
    elif lang == "pl":
        L += ["use strict;", "use warnings;", "", "our %CONFIG = ("]
        for it in one:
            L.append("    %s => %s," % (nm(it.name, "snake"), val(it, "pl", c)))
        L += [");", "", "1;"]
    elif lang == "ex":
        L += ["import Config", "", "config :%s, %s.Settings," % (svc, Svc)]
        parts = ["  %s: %s" % (nm(it.name, "snake"), val(it, "ex", c)) for it in one]
        L.append(",\n".join(parts))
    elif lang == "dart":
        L += ["// ignore_for_file: constant_identifier_names", "", "class %sConfig {" % Svc]
        for it in one:
            L.append("  static %s %s = %s;" % ("final" if it.envref else "const", nm(it.name, "camel"), val(it, "dart", c)))
        L.append("}")
    elif lang == "hs":
        L += ["{-# LANGUAGE OverloadedStrings #-}", "module Config where", "", "import Data.Text (Text)", ""]
        for it in one:
            if it.envref:
                continue
            L.append("%s :: Text\n%s = %s\n" % (nm(it.name, "camel"), nm(it.name, "camel"), lit(it, "hs", g)))
    return "\n".join(L) + "\n"


# --------------------------------------------------------------------------------------------
# tool output (what agents read back): each returns (command, output)
# --------------------------------------------------------------------------------------------
HEADER_STYLE = [
    (("anthropic-",), "x-api-key: %s"), (("github-", "gho"), "Authorization: token %s"), (("gitlab-pat",), "PRIVATE-TOKEN: %s"),
    (("datadog-api-key",), "DD-API-KEY: %s"), (("datadog-app-key",), "DD-APPLICATION-KEY: %s"), (("okta-api-token",), "Authorization: SSWS %s"),
    (("discord-bot-token",), "Authorization: Bot %s"), (("splunk-hec-token",), "Authorization: Splunk %s"), (("postmark-",), "X-Postmark-Server-Token: %s"),
    (("azure-openai", "azure-ai-services"), "api-key: %s"), (("google-api-key",), "x-goog-api-key: %s"), (("cloudflare-global",), "X-Auth-Key: %s"),
    (("new-relic-user",), "Api-Key: %s"), (("elastic-api-key",), "Authorization: ApiKey %s"), (("shopify-",), "X-Shopify-Access-Token: %s"),
    (("linear-api-key", "notion"), "Authorization: %s"), (("airtable", "hubspot", "figma"), "Authorization: Bearer %s"), (("honeycomb",), "X-Honeycomb-Team: %s"),
    (("sentry-",), "Authorization: Bearer %s"), (("pagerduty-api",), "Authorization: Token token=%s"), (("twilio",), "Authorization: Bearer %s"),
]


NOT_API = ("laravel-app-key", "cloudflare-origin-ca-key", "age-secret-key", "nostr-nsec", "bitcoin-wif-private-key", "bip32-xprv", "aws-access-key-id",
           "aws-temporary-access-key-id", "twilio-account-sid", "alibaba-access-key-id", "tencent-secret-id", "scaleway-access-key", "exoscale-api-key",
           "digitalocean-spaces-access-key", "woocommerce-consumer-key", "gitlab-runner-registration-token", "gitlab-incoming-email-token", "slack-refresh-token",
           "github-refresh-token", "stripe-webhook-secret", "shopify-shared-secret", "gitlab-oauth-app-secret", "woocommerce-consumer-secret", "github-copilot-token",
           "fly-io-token", "convex-deploy-key")


def api_tok(f):
    return f.kind == "tok" and f.family not in ("private-key", "crypto-wallet", "app-secret") and f.name not in NOT_API


def auth_header(it):
    for prefixes, tmpl in HEADER_STYLE:
        if any(it.fmt.startswith(p) for p in prefixes):
            return tmpl % it.v
    return "Authorization: Bearer %s" % it.v


def api_host(fmt):
    fam = fmt.split("-")[0]
    return {"openai": "api.openai.com", "anthropic": "api.anthropic.com", "github": "api.github.com", "gitlab": "gitlab.com", "stripe": "api.stripe.com",
            "slack": "slack.com", "sendgrid": "api.sendgrid.com", "datadog": "api.datadoghq.com", "mistral": "api.mistral.ai", "groq": "api.groq.com",
            "huggingface": "huggingface.co", "linear": "api.linear.app", "notion": "api.notion.com", "shopify": "acme-store.myshopify.com",
            "cloudflare": "api.cloudflare.com", "digitalocean": "api.digitalocean.com", "sentry": "sentry.io", "okta": "acme.okta.com"}.get(fam, "api.%s.com" % fam)


def env_block(c, items, style="env"):
    g = c.g
    base = [("SHELL", "/bin/bash"), ("HOSTNAME", None), ("PWD", "/workspace/" + g.word()), ("HOME", g.pick(["/root", "/home/node", "/home/runner", "/Users/" + g.word()])),
            ("LANG", "C.UTF-8"), ("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("TERM", "xterm-256color"), ("SHLVL", "1")]
    lines = []
    for n, v in base:
        if n == "HOSTNAME":
            v = c.N("build-id", g.hex(12), "container-hostname")
        lines.append((n, v))
    for it in items:
        if it.multiline and style == "set":
            continue
        lines.append((nm(it.name, "env"), it.v))
    lines.append(("_", "/usr/bin/env"))
    if style == "set":
        return "\n".join("%s=%s" % (n, ("'%s'" % v) if re.search(r"[^A-Za-z0-9_./:=-]", unmark(v)) else v) for n, v in sorted(lines, key=lambda x: x[0])) + "\n"
    if style == "ps":
        return "\n".join("Name  : %s\nValue : %s\n" % (n, v) for n, v in lines)
    return "\n".join("%s=%s" % (n, v) for n, v in lines) + "\n"


def t_env(c):
    g = c.g
    items = c.mix(g.int(4, 8), g.int(2, 4), g.int(2, 5), where="output", pem=0.2)
    k = g.int(0, 4)
    if k == 0:
        return "env", env_block(c, items)
    if k == 1:
        return "printenv", env_block(c, items)
    if k == 2:
        return "set | grep -v '^BASH'", env_block(c, items, "set")
    if k == 3:
        return "Get-ChildItem Env: | Format-List", env_block(c, items, "ps")
    kw = g.pick(["KEY", "TOKEN", "SECRET", "PASS"])
    sel = [it for it in items if kw in nm(it.name, "env")] or items[:3]
    return "printenv | grep -i %s" % kw.lower(), "\n".join("%s=%s" % (nm(it.name, "env"), it.v) for it in sel if not it.multiline) + "\n"


def t_docker_inspect(c):
    g = c.g
    items = c.mix(g.int(3, 6), g.int(1, 3), g.int(2, 4), where="output")
    cid = g.hex(64)
    img = g.hex(64)
    name = g.word() + "-" + g.pick(["api", "worker", "web"])
    env = ["%s=%s" % (nm(it.name, "env"), it.v) for it in items if not it.multiline] + ["PATH=/usr/local/bin:/usr/bin:/bin"]
    obj = [{"Id": c.N("build-id", cid, "container-id"), "Created": g.iso(), "Path": "docker-entrypoint.sh", "Args": ["node", "server.js"],
            "State": {"Status": "running", "Running": True, "Pid": g.int(1000, 60000), "ExitCode": 0, "StartedAt": g.iso()},
            "Image": c.N("image-digest", "sha256:" + img, "image-id"), "Name": "/" + name,
            "HostConfig": {"NetworkMode": "bridge", "RestartPolicy": {"Name": "unless-stopped", "MaximumRetryCount": 0}},
            "Config": {"Hostname": c.N("build-id", cid[:12], "container-hostname"), "Env": env, "Cmd": ["node", "server.js"],
                       "Image": "ghcr.io/%s/%s:%s" % (g.word(), name, g.pick(["latest", "1.%d.%d" % (g.int(0, 9), g.int(0, 20))])),
                       "Labels": {"org.opencontainers.image.revision": c.N("git-sha", g.hex(40), "oci-label"), "com.docker.compose.project": g.word()}},
            "NetworkSettings": {"IPAddress": c.N("network-address", "172.17.0.%d" % g.int(2, 40), "docker-bridge"), "Gateway": "172.17.0.1"}}]
    return "docker inspect %s" % name, jdump(obj, indent=4)


def t_kubectl_secret(c):
    g = c.g
    name = g.pick(["db-credentials", "api-keys", "app-secrets", "stripe", "registry-creds", "oauth-client", "smtp"])
    ns = g.pick(["default", "prod", "payments", "staging"])
    k = g.int(0, 4)
    data = []
    if k == 4:
        key = c.pem_secret(fmt="kubernetes-tls-key-b64")
        return ("kubectl get secret %s-tls -n %s -o yaml" % (name, ns),
                "apiVersion: v1\ndata:\n  tls.crt: %s\n  tls.key: %s\nkind: Secret\nmetadata:\n  creationTimestamp: \"%s\"\n  name: %s-tls\n  namespace: %s\n  resourceVersion: \"%d\"\n  uid: %s\ntype: kubernetes.io/tls\n"
                % (c.N("certificate", b64s((cert_pem(g) + "\n").encode()), "k8s-tls-crt"), key.v, g.iso()[:19] + "Z", name, ns, g.int(10000, 9999999), c.N("uuid", g.uuid(), "k8s-uid")))
    for _ in range(g.int(2, 5)):
        it = c.secret()
        data.append((nm(it.name, g.pick(["snake", "k8s", "env"])), c.S("kubernetes-secret-data", b64s(it.raw.encode())), it))
    data.append(("username", b64s(g.pick(["admin", "app", "postgres", "deploy"]).encode()), None))
    if k == 3:
        # the plain value after decoding, as an agent typically does next
        key, _, it = data[0]
        return ("kubectl get secret %s -n %s -o jsonpath='{.data.%s}' | base64 -d" % (name, ns, key), it.v + "\n")
    lines = ["apiVersion: v1", "data:"]
    for key, v, _ in sorted(data, key=lambda x: x[0]):
        lines.append("  %s: %s" % (key, v))
    lines += ["kind: Secret", "metadata:"]
    if k == 2:
        ann = jdump({"apiVersion": "v1", "data": {key: unmark(v) for key, v, _ in data}, "kind": "Secret", "metadata": {"annotations": {}, "name": name, "namespace": ns}, "type": "Opaque"})
        # the annotation repeats the data: mark those copies too
        for key, v, _ in data:
            raw = unmark(v)
            if v != raw:
                ann = ann.replace(raw, c.S("kubernetes-secret-data", raw), 1)
        lines += ["  annotations:", "    kubectl.kubernetes.io/last-applied-configuration: |", "      " + ann]
    lines += ['  creationTimestamp: "%s"' % (g.iso()[:19] + "Z"), "  name: %s" % name, "  namespace: %s" % ns, '  resourceVersion: "%d"' % g.int(10000, 9999999),
              "  uid: %s" % c.N("uuid", g.uuid(), "k8s-uid"), "type: Opaque"]
    return "kubectl get secret %s -n %s -o yaml" % (name, ns), "\n".join(lines) + "\n"


def t_kubectl_describe_pod(c):
    g = c.g
    app = g.word()
    pod = "%s-%s-%s" % (app, g.hex(10)[:9], g.lan(5))
    items = c.mix(g.int(1, 3), g.int(1, 2), g.int(2, 4), where="output")
    env = []
    for it in items:
        if it.multiline:
            continue
        env.append("      %s:%s%s" % (nm(it.name, "env"), " " * max(1, 28 - len(nm(it.name, "env"))), it.v))
    for _ in range(g.int(1, 3)):
        sn = g.pick(SECRET_ENV_NAMES)
        env.append("      %s:%s%s" % (sn, " " * max(1, 28 - len(sn)), c.N("secret-manager-ref", "<set to the key '%s' in secret '%s'>" % (nm(sn, "snake"), g.pick(["app-secrets", "db-credentials"])), "k8s-secretKeyRef") + "  Optional: false"))
    out = """Name:             %s
Namespace:        %s
Priority:         0
Service Account:  %s
Node:             ip-%s.ec2.internal/%s
Start Time:       Mon, 02 Jun 2025 09:%02d:11 +0000
Labels:           app=%s
                  pod-template-hash=%s
Status:           Running
IP:               %s
Containers:
  %s:
    Container ID:   containerd://%s
    Image:          %s.dkr.ecr.us-east-1.amazonaws.com/%s:%s
    Image ID:       %s.dkr.ecr.us-east-1.amazonaws.com/%s@%s
    Port:           8080/TCP
    State:          Running
    Ready:          True
    Restart Count:  %d
    Environment:
%s
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-%s (ro)
Events:           <none>
""" % (pod, g.pick(["prod", "default"]), app, "10-0-%d-%d" % (g.int(0, 255), g.int(0, 255)), g.ip_private(), g.int(0, 59), app, g.hex(10)[:9], c.N("network-address", g.ip_private(), "pod-ip"),
       app, c.N("build-id", g.hex(64), "container-id"), g.dig(12), app, c.N("version-string", "sha-" + g.hex(7), "image-tag"), g.dig(12), app,
       c.N("image-digest", "sha256:" + g.hex(64), "ecr"), g.int(0, 4), "\n".join(env), g.lan(5))
    return "kubectl describe pod %s" % pod, out


def t_heroku(c):
    g = c.g
    app = g.word() + "-" + g.pick(["api", "prod", "web"])
    items = [c.secret(kinds=("uri",), pred=lambda f: f.family == "database")] + c.mix(g.int(2, 5), g.int(1, 2), g.int(1, 3), where="output")
    w = max(len(nm(it.name, "env")) for it in items) + 2
    lines = ["=== %s Config Vars" % app]
    for it in items:
        if not it.multiline:
            lines.append("%s%s" % ((nm(it.name, "env") + ":").ljust(w), it.v))
    return "heroku config -a %s" % app, "\n".join(lines) + "\n"


def t_vercel_env(c):
    g = c.g
    items = [c.secret(fmt="vercel-oidc-token", name="VERCEL_OIDC_TOKEN")] + c.mix(g.int(3, 6), g.int(1, 3), g.int(1, 3), where="output")
    lines = ["# Created by Vercel CLI", 'VERCEL="1"', 'VERCEL_ENV="development"', 'VERCEL_TARGET_ENV="development"', 'VERCEL_URL=""']
    for it in items:
        if not it.multiline:
            lines.append('%s="%s"' % (nm(it.name, "env"), it.v))
    return "vercel env pull .env.local && cat .env.local", "Vercel CLI 41.%d.%d\n> Downloading `development` Environment Variables for %s/%s\n✅  Created .env.local file  [%dms]\n" % (g.int(0, 9), g.int(0, 9), g.word(), g.word(), g.int(100, 900)) + "\n".join(lines) + "\n"


def t_gh_auth(c):
    g = c.g
    user = g.word() + g.dig(2)
    if g.chance(0.5):
        tok = c.S("github-oauth-token")
        shown = "  - Token: %s" % tok
        cmd = "gh auth status --show-token"
    else:
        shown = "  - Token: %s" % c.N("masked", "gho_" + "*" * 36, "gh-cli")
        cmd = "gh auth status"
    return cmd, "github.com\n  ✓ Logged in to github.com account %s (keyring)\n  - Active account: true\n  - Git operations protocol: https\n%s\n  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'\n" % (user, shown)


def t_git_config(c):
    g = c.g
    org, repo = g.word(), g.word()
    lines = ["credential.helper=%s" % g.pick(["store", "osxkeychain", "manager"]), "init.defaultbranch=main", "user.name=%s %s" % (g.word().capitalize(), g.word().capitalize()),
             "user.email=%s@%s.dev" % (g.word(), g.word()), "user.signingkey=%s" % c.N("fingerprint", g.HEX(16), "gpg-keyid"), "commit.gpgsign=true", "core.repositoryformatversion=0",
             "core.filemode=true", "core.bare=false"]
    k = g.int(0, 2)
    if k == 0:
        lines.append("remote.origin.url=%s/%s/%s.git" % (c.S("git-credentials-url"), org, repo))
    elif k == 1:
        lines.append("remote.origin.url=https://github.com/%s/%s.git" % (org, repo))
        lines.append("http.https://github.com/.extraheader=AUTHORIZATION: basic %s" % c.S("basic-auth-header", b64s(("x-access-token:" + gh_tok("ghs_")(g)).encode())))
    else:
        lines.append("remote.origin.url=%s" % c.N("conn-no-credentials", "git@github.com:%s/%s.git" % (org, repo), "ssh-remote"))
        lines.append("url.https://%s@github.com/.insteadof=https://github.com/" % c.S("github-pat"))
    lines += ["remote.origin.fetch=+refs/heads/*:refs/remotes/origin/*", "branch.main.remote=origin", "branch.main.merge=refs/heads/main"]
    return "git config -l", "\n".join(lines) + "\n"


def t_netrc(c):
    g = c.g
    out = []
    for _ in range(g.int(1, 3)):
        k = g.int(0, 3)
        if k == 0:
            out.append("machine api.heroku.com\n  login %s@%s.com\n  password %s" % (g.word(), g.word(), c.S("heroku-api-key")))
            out.append("machine git.heroku.com\n  login %s@%s.com\n  password %s" % (g.word(), g.word(), c.S("heroku-api-key")))
        elif k == 1:
            out.append("machine github.com login %s password %s" % (g.word(), c.S(g.pick(["github-pat", "github-fine-grained-pat"]))))
        elif k == 2:
            out.append("machine %s\nlogin %s\npassword %s" % (g.pick(["ftp.partner.net", "artifactory.acme.io", "urs.earthdata.nasa.gov", "nexus.internal"]), g.word(), c.S("netrc-password")))
        else:
            out.append("default login anonymous password %s" % c.N("placeholder", "user@example.com", "netrc-anon"))
    return "cat ~/.netrc", "\n".join(out) + "\n"


def t_pgpass(c):
    g = c.g
    out = []
    for _ in range(g.int(1, 4)):
        out.append("%s:%s:%s:%s:%s" % (g.pick([rds_host(g), "localhost", "*", "db.internal"]), g.pick(["5432", "*", "6432"]), g.pick([db_name(g), "*"]), db_user(g), c.S("pgpass-password", human_pw(g).replace(":", "").replace("\\", ""))))
    return "cat ~/.pgpass", "\n".join(out) + "\n"


def t_docker_config(c):
    g = c.g
    auths = {}
    for reg, fmt in g.sample([("https://index.docker.io/v1/", "dockerhub-pat"), ("ghcr.io", "github-pat"), ("registry.gitlab.com", "gitlab-deploy-token"), ("%s.azurecr.io" % g.word(), "azure-container-registry-password"), ("quay.io", None), ("%s.jfrog.io" % g.word(), "jfrog-api-key")], g.int(1, 3)):
        if fmt is None:
            pw = human_pw(g)
        else:
            pw = gen_value(g, FORMATS[fmt])
        auths[reg] = {"auth": c.S("docker-config-auth", b64s(("%s:%s" % (g.word(), pw)).encode()))}
    auths["%s.dkr.ecr.us-east-1.amazonaws.com" % g.dig(12)] = {}
    obj = {"auths": auths, "credsStore": "desktop", "currentContext": "default"}
    if g.chance(0.4):
        obj["credHelpers"] = {"gcr.io": "gcloud", "us-docker.pkg.dev": "gcloud"}
    return "cat ~/.docker/config.json", jdump(obj, indent=g.pick([1, 2, 4]))


def t_traceback(c):
    g = c.g
    a = c.secret(kinds=("tok", "uri", "ctx"))
    b = c.secret(kinds=("uri",))
    n = c.neg("output")
    mod = g.pick(["billing", "sync", "notify", "ingest", "auth"])
    if g.chance(0.5):
        body = """Traceback (most recent call last):
  File "/app/%s/client.py", line %d, in send
    resp = self.session.post(url, json=payload, headers=headers, timeout=10)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
    headers = {'%s': '%s', 'Content-Type': 'application/json', 'Idempotency-Key': '%s'}
    payload = {'amount': %d, 'currency': 'usd'}
    self = <%s.client.Client object at 0x7f%s>
    url = 'https://%s/v1/%s'
  File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://%s/v1/%s
""" % (mod, g.int(20, 300), "Authorization" if not a.fmt.startswith("anthropic") else "x-api-key", ("Bearer " if not a.fmt.startswith("anthropic") else "") + a.v,
           c.N("uuid", g.uuid(), "idempotency-key"), g.int(100, 99999), mod, g.hex(9), api_host(a.fmt), g.pick(["charges", "messages", "events"]), api_host(a.fmt), g.pick(["charges", "messages"]))
    else:
        body = """____________________________ test_%s_roundtrip ____________________________

db = <Pool dsn=%s>
settings = Settings(env='ci', %s=%s, request_id=%s)

    def test_%s_roundtrip(db, settings):
>       row = db.fetchrow("SELECT 1")
E       asyncpg.exceptions.InvalidPasswordError: password authentication failed for user "%s"

tests/test_%s.py:%d: InvalidPasswordError
""" % (mod, b.v, nm(a.name, "snake"), "'%s'" % a.v, "'%s'" % n.v, mod, db_user(g), mod, g.int(10, 200))
    return g.pick(["python -m %s.worker" % mod, "pytest -x --showlocals tests/test_%s.py" % mod]), body


def t_django_debug(c):
    g = c.g
    cel = c.secret(kinds=("uri",), pred=lambda f: f.name in ("redis-uri", "rediss-uri", "amqp-uri", "amqps-uri"))
    extra = c.secret()
    return "curl -s -X POST http://localhost:8000/api/checkout/ -d @order.json", """Environment:


Request Method: POST
Request URL: http://localhost:8000/api/checkout/

Django Version: 5.0.%d
Python Version: 3.12.%d
Installed Applications:
['django.contrib.admin', 'django.contrib.auth', 'rest_framework', 'shop']


Traceback (most recent call last):
  File "/app/shop/views.py", line %d, in checkout
    intent = stripe.PaymentIntent.create(amount=total, currency="eur")

Exception Type: AuthenticationError at /api/checkout/
Exception Value: Invalid API Key provided: %s

Request information:
USER: AnonymousUser

POST:
csrfmiddlewaretoken = '%s'

COOKIES:
csrftoken = '%s'
sessionid = '%s'

META:
HTTP_AUTHORIZATION = '%s'
HTTP_X_REQUEST_ID = '%s'

Settings:
Using settings module shop.settings
ALLOWED_HOSTS = ['*']
CELERY_BROKER_URL = '%s'
DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db', 'NAME': 'shop', 'PASSWORD': '%s', 'PORT': '5432', 'USER': 'shop'}}
%s = '%s'
SECRET_KEY = '%s'
SENTRY_DSN = '%s'
STRIPE_PUBLISHABLE_KEY = '%s'
""" % (g.int(1, 9), g.int(1, 9), g.int(20, 200), c.N("masked", "sk_live_" + "*" * 20 + g.an(4), "stripe-error"), c.N("csrf-token", g.an(64), "django"), c.N("csrf-token", g.an(32), "django-cookie"),
       c.S("session-cookie", g.lan(32)), c.N("redacted", "*" * 20, "django-cleanse"), c.N("uuid", g.uuid(), "request-id"), cel.v, c.N("redacted", "*" * 20, "django-cleanse"),
       nm(extra.name, "env"), extra.v, c.N("redacted", "*" * 20, "django-cleanse"), c.N("publishable-key", "https://%s@o%s.ingest.sentry.io/%s" % (g.hex(32), g.dig(6), g.dig(7)), "sentry-dsn", True),
       c.N("publishable-key", "pk_live_" + g.an(24), "stripe-pk", True))


def t_rails_log(c):
    g = c.g
    u = c.secret(kinds=("uri",), pred=lambda f: f.name in ("postgres-uri", "mysql-uri", "redis-uri"))
    return "tail -n 30 log/development.log", """Started POST "/users/sign_in" for 127.0.0.1 at 2025-06-0%d 10:%02d:%02d +0000
Processing by Users::SessionsController#create as HTML
  Parameters: {"authenticity_token"=>"%s", "user"=>{"email"=>"%s@%s.com", "password"=>"%s", "remember_me"=>"0"}, "commit"=>"Log in"}
Completed 500 Internal Server Error in %dms (ActiveRecord: 0.0ms | Allocations: %d)

ActiveRecord::ConnectionNotEstablished (connection to server at "db" failed: FATAL:  password authentication failed for user "app"
  url: %s
):

activerecord (7.1.3) lib/active_record/connection_adapters/postgresql_adapter.rb:%d:in `rescue in new_client'
  Rendered layouts/_flash.html.erb (Duration: 0.%dms | Allocations: %d)
Request ID: %s
""" % (g.int(1, 9), g.int(0, 59), g.int(0, 59), c.N("redacted", "[FILTERED]", "rails-filter"), g.word(), g.word(), c.N("redacted", "[FILTERED]", "rails-filter"), g.int(10, 900), g.int(1000, 90000),
       u.v, g.int(40, 90), g.int(1, 9), g.int(100, 999), c.N("uuid", g.uuid(), "request-id"))


def t_laravel(c):
    g = c.g
    items = [c.secret(fmt="laravel-app-key", name="APP_KEY")] + c.mix(g.int(1, 3), g.int(1, 2), 2, where="output")
    rows = "\n".join("%s%s" % (nm(it.name, "env").ljust(28), it.v) for it in items if not it.multiline)
    return "curl -s http://localhost:8000/orders/42", """Whoops! There was an error.
Illuminate\\Database\\QueryException
SQLSTATE[HY000] [1045] Access denied for user 'forge'@'172.18.0.5' (using password: YES)

Environment Variables
%s
DB_CONNECTION               mysql
DB_HOST                     mysql
DB_PASSWORD                 %s
""" % (rows, c.S("database-password"))


def gha_ts(g):
    return "2025-%02d-%02dT%02d:%02d:%02d.%07dZ" % (g.int(1, 12), g.int(1, 28), g.int(0, 23), g.int(0, 59), g.int(0, 59), g.int(0, 9999999))


def t_ci_log(c):
    g = c.g
    ts = gha_ts(g)[:20]
    if g.chance(0.55):
        u = c.secret(kinds=("uri",))
        it = c.secret()
        lines = ["##[group]Run ./scripts/migrate.sh", "./scripts/migrate.sh", "shell: /usr/bin/bash -e {0}", "env:",
                 "  DATABASE_PASSWORD: %s" % c.N("masked", "***", "gha"), "  NODE_AUTH_TOKEN: %s" % c.N("masked", "***", "gha"), "##[endgroup]",
                 "+ export DATABASE_URL=%s" % u.v, "+ npx prisma migrate deploy",
                 "Prisma schema loaded from prisma/schema.prisma", "Error: P1000: Authentication failed against database server",
                 "+ echo 'debug: %s=%s'" % (nm(it.name, "env"), it.v), "debug: %s=%s" % (nm(it.name, "env"), it.v),
                 "##[error]Process completed with exit code 1."]
        out = "\n".join("%s%07dZ %s" % (ts, g.int(0, 9999999), l) for l in lines)
        return "gh run view %s --log-failed" % c.N("build-id", g.dig(11), "gha-run-id"), out + "\n"
    it = c.secret()
    lines = ["Running with gitlab-runner 17.%d.%d (%s)" % (g.int(0, 9), g.int(0, 5), c.N("git-sha", g.hex(8), "runner-rev")), "  on docker-runner-%d %s, system ID: s_%s" % (g.int(1, 9), c.N("build-id", g.an(8), "runner-token-prefix"), g.hex(12)),
             "Preparing the \"docker\" executor", "Using docker image sha256:%s for node:20 with digest node@%s ..." % (g.hex(64), c.N("image-digest", "sha256:" + g.hex(64), "docker")),
             "$ echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc", "$ cat .npmrc", "//registry.npmjs.org/:_authToken=%s" % c.N("masked", "[MASKED]", "gitlab"),
             "$ env | grep %s" % words(it.name)[0].upper(), "%s=%s" % (nm(it.name, "env"), it.v), "$ npm publish", "npm error code E403", "ERROR: Job failed: exit code 1"]
    return "glab ci trace %s" % g.dig(10), "\n".join(lines) + "\n"


def t_curl_v(c):
    g = c.g
    it = c.secret(kinds=("tok", "ctx"), pred=lambda f: api_tok(f) or (f.kind == "ctx" and f.family in ("ai", "observability", "saas", "messaging")))
    host = api_host(it.fmt)
    ip = "%d.%d.%d.%d" % (g.int(3, 200), g.int(0, 255), g.int(0, 255), g.int(1, 254))
    body = '{"model":"%s","max_tokens":16,"messages":[{"role":"user","content":"ping"}]}' % g.pick(["gpt-4.1-mini", "claude-haiku-4-5"])
    masked = mask_value(g, it.raw)
    out = """*   Trying %s:443...
* Connected to %s (%s) port 443
* ALPN: curl offers h2,http/1.1
* TLSv1.3 (OUT), TLS handshake, Client hello (1):
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / id-ecPublicKey
* Server certificate:
*  subject: CN=%s
*  expire date: Sep 14 23:59:59 2025 GMT
* using HTTP/2
> POST /v1/%s HTTP/2
> Host: %s
> User-Agent: curl/8.%d.%d
> Accept: */*
> %s
> Content-Type: application/json
> Content-Length: %d
>
} [%d bytes data]
< HTTP/2 401
< date: Mon, 02 Jun 2025 10:%02d:%02d GMT
< content-type: application/json
< x-request-id: %s
< cf-ray: %s-%s
<
{"error":{"message":"Incorrect API key provided: %s.","type":"invalid_request_error","code":"invalid_api_key"}}
""" % (ip, host, ip, host, g.pick(["messages", "chat/completions", "events", "query"]), host, g.int(0, 11), g.int(0, 9), auth_header(it), len(body), len(body),
       g.int(0, 59), g.int(0, 59), c.N("trace-id", "req_" + g.hex(32), "x-request-id"), c.N("trace-id", g.hex(16), "cf-ray"), g.pick(["SJC", "FRA", "NRT", "IAD"]), c.N("masked", masked, "provider-error"))
    return "curl -v https://%s/v1/... -H '...' -d @body.json" % host, out


def t_httpie(c):
    g = c.g
    k = g.int(0, 2)
    if k == 0:
        it = c.secret(kinds=("tok",), pred=api_tok)
        auth = auth_header(it)
    elif k == 1:
        auth = "Authorization: Bearer %s" % c.S("bearer-token")
    else:
        cred = "%s:%s" % (g.pick(["admin", "api", "ops"]), human_pw(g))
        auth = "Authorization: Basic %s" % c.S("basic-auth-header", b64s(cred.encode()))
    host = g.pick(["api.internal.%s.io" % g.word(), "localhost:8080", "staging.%s.dev" % g.word()])
    return "http -v POST %s/v2/orders sku=A-%d qty:=2" % (host, g.int(100, 999)), """POST /v2/orders HTTP/1.1
Accept: application/json, */*;q=0.5
Accept-Encoding: gzip, deflate
%s
Connection: keep-alive
Content-Length: 29
Content-Type: application/json
Host: %s
User-Agent: HTTPie/3.2.4

{
    "qty": 2,
    "sku": "A-%d"
}


HTTP/1.1 201 Created
Content-Type: application/json
ETag: %s
X-Request-Id: %s
traceparent: %s

{
    "id": "%s",
    "status": "pending"
}

""" % (auth, host, g.int(100, 999), c.N("cache-key", 'W/"%s"' % g.hex(32), "etag"), c.N("uuid", g.uuid(), "request-id"), c.N("trace-id", traceparent(g), "traceparent"), c.N("object-id", "ord_" + g.an(24), "order"))


def t_postman(c):
    g = c.g
    it = c.secret(kinds=("tok", "ctx"))
    v2 = c.secret()
    obj = {"info": {"_postman_id": c.N("uuid", g.uuid(), "postman-id"), "name": "%s API" % g.word().capitalize(), "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
                    "_exporter_id": g.dig(8)},
           "item": [{"name": "List %s" % g.pick(["orders", "users", "invoices"]), "request": {"method": "GET", "header": [{"key": "Accept", "value": "application/json"}],
                                                                                               "url": {"raw": "{{baseUrl}}/v1/items?limit=50", "host": ["{{baseUrl}}"], "path": ["v1", "items"]}}}],
           "auth": {"type": "bearer", "bearer": [{"key": "token", "value": it.v, "type": "string"}]},
           "variable": [{"key": "baseUrl", "value": "https://api.%s.io" % g.word()}, {"key": nm(v2.name, "camel"), "value": v2.v}, {"key": "apiKeyHeader", "value": c.N("benign-named-value", "X-API-Key", "header-name")}]}
    return "cat postman/collection.json", jdump(obj, indent="\t")


def t_sql_dump(c):
    g = c.g
    rows = []
    for i in range(g.int(2, 4)):
        prov, fmt = g.pick([("github", "github-oauth-token"), ("slack", "slack-bot-token"), ("gitlab", "gitlab-pat"), ("notion", "notion-token-v2"), ("hubspot", "hubspot-private-app-token"), ("stripe", "stripe-restricted-key-live"), ("google", "google-oauth-access-token")])
        rt = c.S("google-oauth-refresh-token") if prov == "google" else ("\\N" if g.chance(0.5) else c.S("github-refresh-token") if prov == "github" else "\\N")
        rows.append("%d\t%s\t%s\t%s\t%s" % (i + 1, prov, c.S(fmt), rt, g.iso()[:19]))
    users = []
    for i in range(g.int(2, 4)):
        sub, h = pw_hash(g)
        users.append("INSERT INTO public.users (id, email, password_hash, created_at) VALUES (%d, '%s@%s.com', '%s', '%s');" % (i + 1, g.word(), g.word(), c.N("password-hash", h, sub, True), g.iso()[:19]))
    keys = "INSERT INTO public.api_keys (id, prefix, key_sha256, last_used_at) VALUES (1, '%s', '%s', NULL);" % (c.N("masked", "sk_live_" + g.an(4), "key-prefix"), c.N("file-digest", g.hex(64), "key-hash"))
    return "pg_dump --data-only -t integrations -t users -t api_keys app | head -60", """--
-- PostgreSQL database dump
--

-- Dumped from database version 16.%d
-- Dumped by pg_dump version 16.%d

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

COPY public.integrations (id, provider, access_token, refresh_token, created_at) FROM stdin;
%s
\\.

%s
%s
""" % (g.int(1, 4), g.int(1, 4), "\n".join(rows), "\n".join(users), keys)


def t_psql_table(c):
    g = c.g
    rows = []
    for _ in range(g.int(2, 5)):
        if g.chance(0.6):
            it = c.secret(kinds=("tok", "uri"))
        else:
            it = c.neg("output")
        rows.append((nm(it.name, "snake"), it))
    w = max(len(r[0]) for r in rows) + 1
    lines = [" id | %s | value" % "key".ljust(w - 1), "----+%s+%s" % ("-" * (w + 1), "-" * 50)]
    for i, (k, it) in enumerate(rows):
        lines.append(" %2d | %s| %s" % (i + 1, k.ljust(w), it.v))
    lines.append("(%d rows)" % len(rows))
    return "psql \"$DATABASE_URL\" -c 'select id, key, value from settings'", "\n".join(lines) + "\n"


def t_aws(c):
    g = c.g
    k = g.int(0, 3)
    if k == 0:
        obj = {"Credentials": {"AccessKeyId": c.S("aws-temporary-access-key-id"), "SecretAccessKey": c.S("aws-secret-access-key"), "SessionToken": c.S("aws-session-token"), "Expiration": g.iso()[:19] + "+00:00"},
               "AssumedRoleUser": {"AssumedRoleId": c.N("resource-id", "AROA%s:%s" % (g.s(B32, 17), g.word()), "aws-unique-id"), "Arn": c.N("resource-id", "arn:aws:sts::%s:assumed-role/%s/%s" % (g.dig(12), g.pick(["deploy", "admin", "ci"]), g.word()), "arn")}}
        return "aws sts assume-role --role-arn arn:aws:iam::%s:role/deploy --role-session-name dbg" % g.dig(12), jdump(obj, indent=4)
    if k == 1:
        return "aws configure list", """      Name                    Value             Type    Location
      ----                    -----             ----    --------
   profile                <not set>             None    None
access_key     %s shared-credentials-file
secret_key     %s shared-credentials-file
    region                %s      config-file    ~/.aws/config
""" % (c.N("masked", "*" * 16 + g.s(B32, 4), "aws-cli"), c.N("masked", "*" * 16 + g.s(AN, 4), "aws-cli"), g.pick(["us-east-1", "eu-west-1"]))
    if k == 2:
        inner = {"username": g.pick(["app", "admin", "svc"]), "password": c.S("database-password"), "engine": "postgres", "host": rds_host(g), "port": 5432}
        obj = {"ARN": c.N("secret-manager-ref", "arn:aws:secretsmanager:us-east-1:%s:secret:prod/db-%s" % (g.dig(12), g.an(6)), "aws-arn"), "Name": "prod/db", "VersionId": c.N("uuid", g.uuid(), "version-id"),
               "SecretString": jdump(inner), "VersionStages": ["AWSCURRENT"], "CreatedDate": g.iso()[:19]}
        return "aws secretsmanager get-secret-value --secret-id prod/db", jdump(obj, indent=4)
    lines = ["[default]", "aws_access_key_id = %s" % c.S("aws-access-key-id"), "aws_secret_access_key = %s" % c.S("aws-secret-access-key"), "", "[%s]" % g.word(), "aws_access_key_id = %s" % c.S("aws-temporary-access-key-id"),
             "aws_secret_access_key = %s" % c.S("aws-secret-access-key"), "aws_session_token = %s" % c.S("aws-session-token"), "", "[profile sso]", "sso_start_url = https://%s.awsapps.com/start" % g.word(), "sso_account_id = %s" % c.N("resource-id", g.dig(12), "aws-account-id")]
    return "cat ~/.aws/credentials", "\n".join(lines) + "\n"


def t_gcloud(c):
    g = c.g
    k = g.int(0, 2)
    if k == 0:
        return "gcloud auth print-access-token", c.S("google-oauth-access-token") + "\n"
    if k == 1:
        obj = {"account": "", "client_id": c.N("example-key", "764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com", "gcloud-adc", True),
               "client_secret": c.N("example-key", "d-FL95Q19q7MQmFpd7hHD0Ty", "gcloud-adc", True), "quota_project_id": "%s-%d" % (g.word(), g.int(100, 999)),
               "refresh_token": c.S("google-oauth-refresh-token"), "type": "authorized_user", "universe_domain": "googleapis.com"}
        return "cat ~/.config/gcloud/application_default_credentials.json", jdump(obj, indent=2)
    name = g.pick(["stripe-secret", "db-password", "openai-key", "slack-bot"])
    fmt = {"stripe-secret": "stripe-secret-key-live", "db-password": "database-password", "openai-key": "openai-project-key", "slack-bot": "slack-bot-token"}[name]
    return "gcloud secrets versions access latest --secret=%s --project=%s-prod" % (name, g.word()), c.S(fmt) + "\n"


def t_az(c):
    g = c.g
    obj = {"accessToken": c.S("azure-ad-access-token"), "expiresOn": g.iso()[:19].replace("T", " ") + ".000000", "expires_on": g.ts(),
           "subscription": c.N("uuid", g.uuid(), "azure-subscription"), "tenant": c.N("uuid", g.uuid(), "azure-tenant"), "tokenType": c.N("benign-named-value", "Bearer", "token-type")}
    return "az account get-access-token", jdump(obj, indent=2)


def t_npmrc(c):
    g = c.g
    if g.chance(0.4):
        return "npm config list", """; "user" config from /home/%s/.npmrc

//registry.npmjs.org/:_authToken = %s
@%s:registry = "https://npm.pkg.github.com/"

; node bin location = /usr/local/bin/node
; node version = v20.%d.0
; npm local prefix = /workspace
; cwd = /workspace
; HOME = /home/%s
""" % (g.word(), c.N("redacted", "(protected)", "npm-cli"), g.word(), g.int(10, 18), g.word())
    lines = ["//registry.npmjs.org/:_authToken=%s" % c.S(g.pick(["npm-access-token", "npm-access-token", "npm-legacy-token"])), "@%s:registry=https://npm.pkg.github.com/" % g.word(),
             "//npm.pkg.github.com/:_authToken=%s" % c.S("github-pat")]
    if g.chance(0.75):
        lines.append("//%s.jfrog.io/artifactory/api/npm/npm/:_auth=%s" % (g.word(), c.S("npm-auth-basic")))
        lines.append("always-auth=true")
    return "cat ~/.npmrc", "\n".join(lines) + "\n"


def t_ps(c):
    g = c.g
    lines = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND",
             "root           1  0.0  0.0   4364  3200 ?        Ss   09:12   0:00 /sbin/tini -- docker-entrypoint.sh"]
    k = g.int(0, 3)
    pw = c.S(g.pick(["database-password", "generic-password"]))
    cmd = ["java -Xmx512m -jar app.jar --spring.datasource.password=%s" % pw, "mysql -h db -uroot -p%s %s" % (pw, db_name(g)),
           "redis-server *:6379 --requirepass %s" % pw, "sshpass -p %s ssh deploy@%s" % (pw, g.ip_private())][k]
    lines.append("app           %d  %d.%d  %d.%d %d %d ?        Sl   09:12   0:%02d %s" % (g.int(7, 99), g.int(0, 9), g.int(0, 9), g.int(0, 9), g.int(0, 9), g.int(100000, 999999), g.int(10000, 99999), g.int(0, 59), cmd))
    it = c.secret(kinds=("tok",), pred=api_tok)
    lines.append("app           %d  0.%d  1.%d 987654 65432 ?        Sl   09:13   0:03 node dist/worker.js --api-key=%s" % (g.int(100, 300), g.int(0, 9), g.int(0, 9), it.v))
    lines.append("app           %d  0.0  0.0   7060  1580 pts/0    R+   10:01   0:00 ps aux" % g.int(400, 900))
    return "ps aux", "\n".join(lines) + "\n"


def t_app_logs(c):
    g = c.g
    out = []
    for _ in range(g.int(4, 8)):
        k = g.int(0, 5)
        t = g.iso()
        if k == 0:
            u = c.secret(kinds=("uri",))
            out.append('{"level":"error","time":"%s","msg":"failed to connect","dsn":"%s","attempt":%d}' % (t, u.v, g.int(1, 5)))
        elif k == 1:
            out.append('{"level":"info","time":"%s","msg":"request completed","request_id":"%s","trace_id":"%s","status":200,"duration_ms":%d}' % (t, c.N("uuid", g.uuid(), "request-id"), c.N("trace-id", g.hex(32), "otel"), g.int(1, 900)))
        elif k == 2:
            if g.chance(0.3):
                out.append('time="%s" level=debug msg="outgoing request" url="https://internal-api.%s.svc/v2/sync" header="Authorization: Bearer %s"' % (t, g.word(), c.S("bearer-token")))
            else:
                it = c.secret(kinds=("tok",), pred=api_tok)
                out.append('time="%s" level=debug msg="outgoing request" url="https://%s/v1/x" header="%s"' % (t, api_host(it.fmt), auth_header(it)))
        elif k == 3:
            out.append('%s WARN  [main] o.h.e.j.e.i.JdbcEnvironmentInitiator : HHH000342: Could not obtain connection to query metadata (url=%s)' % (t, c.N("conn-no-credentials", "jdbc:postgresql://db:5432/app", "jdbc")))
        elif k == 4:
            out.append('{"level":"info","time":"%s","msg":"cache miss","key":"%s"}' % (t, c.N("cache-key", "sessions:" + g.hex(32), "redis-key")))
        else:
            n = c.neg("output")
            out.append('%s INFO  config loaded: %s=%s' % (t, nm(n.name, "env"), n.v))
    return "docker logs --tail 50 %s-%s" % (g.word(), g.pick(["api", "worker"])), "\n".join(out) + "\n"


def t_ssh_key(c):
    g = c.g
    if g.chance(0.6):
        it = c.pem_secret(fmt="openssh-private-key")
        return "cat ~/.ssh/%s" % g.pick(["id_ed25519", "deploy_key", "id_ecdsa"]), it.v + "\n"
    pub = ssh_pub(g)
    return "ssh-keygen -lf ~/.ssh/id_ed25519.pub && cat ~/.ssh/id_ed25519.pub", "256 %s %s@%s (ED25519)\n%s\n" % (c.N("fingerprint", "SHA256:" + b64s(g.rb(32)).rstrip("="), "ssh-sha256"), g.word(), g.word(), c.N("public-key", pub, "ssh"))


def t_vault(c):
    g = c.g
    if g.chance(0.3):
        keys = "\n".join("Unseal Key %d: %s" % (i + 1, c.S("hashicorp-vault-unseal-key")) for i in range(5))
        return "vault operator init", "%s\n\nInitial Root Token: %s\n\nVault initialized with 5 key shares and a key threshold of 3. Please securely\ndistribute the key shares printed above.\n" % (keys, c.S("hashicorp-vault-token"))
    items = [c.secret() for _ in range(g.int(1, 3))]
    w = max(len(nm(it.name, "snake")) for it in items) + 4
    data = "\n".join("%s%s" % (nm(it.name, "snake").ljust(w), it.v) for it in items if not it.multiline)
    return "vault kv get secret/prod/%s" % g.word(), """====== Secret Path ======
secret/data/prod/%s

======= Metadata =======
Key                Value
---                -----
created_time       %s
custom_metadata    <nil>
deletion_time      n/a
destroyed          false
version            %d

====== Data ======
Key%sValue
---%s-----
%s
""" % (g.word(), g.iso(), g.int(1, 12), " " * (w - 3), " " * (w - 3), data)


def t_stripe_listen(c):
    g = c.g
    ev = "\n".join("%s   --> %s [%s]" % ("2025-06-0%d 10:%02d:%02d" % (g.int(1, 9), g.int(0, 59), g.int(0, 59)), g.pick(["payment_intent.created", "charge.succeeded", "checkout.session.completed"]), c.N("object-id", "evt_" + g.an(24), "stripe")) for _ in range(g.int(2, 4)))
    return "stripe listen --forward-to localhost:3000/api/webhooks/stripe", "> Ready! You are using Stripe API Version [2024-06-20]. Your webhook signing secret is %s (^C to quit)\n%s\n" % (c.S("stripe-webhook-secret"), ev)


def t_supabase(c):
    g = c.g
    if g.chance(0.5):
        return "supabase status", """         API URL: http://127.0.0.1:54321
     GraphQL URL: http://127.0.0.1:54321/graphql/v1
          DB URL: %s
      Studio URL: http://127.0.0.1:54323
      JWT secret: %s
        anon key: %s
""" % (c.N("default-credential", "postgresql://postgres:postgres@127.0.0.1:54322/postgres", "supabase-local", True), c.N("default-credential", "super-secret-jwt-token-with-at-least-32-characters-long", "supabase-local", True),
       c.N("publishable-key", mkjwt(g, {"iss": "supabase-demo", "role": "anon", "exp": 1983812996}, "HS256", typ_first=False), "supabase-anon", True))
    ref = g.lan(20)
    return "supabase projects api-keys --project-ref %s" % ref, """
  NAME         | KEY VALUE
  -------------|--------------------------------------------
  anon         | %s
  service_role | %s
""" % (c.N("publishable-key", mkjwt(g, {"iss": "supabase", "ref": ref, "role": "anon", "iat": g.ts(), "exp": g.ts() + 315360000}, "HS256", typ_first=False), "supabase-anon", True), c.S("supabase-service-role-key"))


def t_kubeconfig(c):
    g = c.g
    cl = g.word()
    user = "- name: %s-admin\n  user:\n" % cl
    k = g.int(0, 2)
    if k == 0:
        user += "    client-certificate-data: %s\n    client-key-data: %s\n" % (c.N("certificate", b64s((cert_pem(g) + "\n").encode()), "kubeconfig-client-cert"), c.S("kubernetes-tls-key-b64"))
    elif k == 1:
        user += "    token: %s\n" % c.S("kubernetes-service-account-token")
    else:
        user += "    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [\"eks\", \"get-token\", \"--cluster-name\", \"%s\"]\n" % cl
    return "cat ~/.kube/config", """apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: %s
    server: https://%s.gr7.us-east-1.eks.amazonaws.com
  name: %s
contexts:
- context:
    cluster: %s
    user: %s-admin
  name: %s
current-context: %s
kind: Config
preferences: {}
users:
%s""" % (c.N("certificate", b64s((cert_pem(g) + "\n").encode()), "kubeconfig-ca"), g.HEX(32), cl, cl, cl, cl, cl, user)


def t_misc_cli(c):
    g = c.g
    k = g.int(0, 6)
    if k == 0:
        return "jupyter server list", "Currently running servers:\nhttp://localhost:8888/?token=%s :: /home/%s/notebooks\n" % (c.S("jupyter-token"), g.word())
    if k == 1:
        return "redis-cli -h cache CONFIG GET requirepass", '1) "requirepass"\n2) "%s"\n' % c.S("redis-password", g.s(AN + "!#%*-_", (16, 32)))
    if k == 2:
        rows = "\n".join("%-28s %s  %dh ago" % (n, c.N("file-digest", g.hex(16), "fly-secret-digest"), g.int(1, 300)) for n in g.sample(SECRET_ENV_NAMES, g.int(3, 6)))
        return "fly secrets list", "NAME                         DIGEST            CREATED AT\n%s\n" % rows
    if k == 3:
        return "heroku pg:credentials:url DATABASE -a %s" % g.word(), 'Connection information for default credential.\nConnection info string:\n   "dbname=%s host=ec2-%d-%d-%d-%d.compute-1.amazonaws.com port=5432 user=%s password=%s sslmode=require"\nConnection URL:\n   %s\n' % (
            g.lan(14), g.int(3, 99), g.int(0, 255), g.int(0, 255), g.int(0, 255), g.lan(14), c.S("database-password", g.hex(64)), c.S("postgres-uri"))
    if k == 4:
        return "cat ~/.config/gh/hosts.yml", "github.com:\n    users:\n        %s:\n            oauth_token: %s\n    git_protocol: https\n    oauth_token: %s\n    user: %s\n" % (g.word(), c.S("github-oauth-token"), c.S("github-oauth-token"), g.word())
    if k == 5:
        return "cat ~/.config/doctl/config.yaml", "access-token: %s\ncontext: default\noutput: text\n" % c.S("digitalocean-pat")
    return "cat ~/.pypirc", "[distutils]\nindex-servers =\n    pypi\n    testpypi\n\n[pypi]\nusername = __token__\npassword = %s\n\n[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = __token__\npassword = %s\n" % (c.S("pypi-upload-token"), c.S("test-pypi-upload-token"))


def t_git_diff(c):
    g = c.g
    it = c.secret(bad="'\"")
    n = c.neg("config")
    path = g.pick(["config/settings.py", "src/config.ts", ".env.example", "app/config/services.yml", "internal/config/defaults.go"])
    a, b = g.hex(7), g.hex(7)
    return "git show HEAD~%d -- %s" % (g.int(1, 5), path), """commit %s
Author: %s %s <%s@%s.dev>
Date:   Mon Jun 2 10:%02d:%02d 2025 +0200

    %s

diff --git a/%s b/%s
index %s..%s 100644
--- a/%s
+++ b/%s
@@ -%d,7 +%d,7 @@
 LOG_LEVEL = "info"
-%s = os.environ["%s"]
+%s = "%s"
 %s = "%s"
 TIMEOUT = 30
""" % (c.N("git-sha", g.hex(40), "commit"), g.word().capitalize(), g.word().capitalize(), g.word(), g.word(), g.int(0, 59), g.int(0, 59),
       g.pick(["wip: local testing", "fix staging config", "temp: hardcode key for demo", "chore: update settings"]), path, path,
       c.N("git-sha", a, "abbrev"), c.N("git-sha", b, "abbrev"), path, path, g.int(3, 40), g.int(3, 40), nm(it.name, "env"), nm(it.name, "env"), nm(it.name, "env"), it.v, nm(n.name, "env"), n.v)


def t_pem(c):
    g = c.g
    k = g.int(0, 9)
    if k == 0:
        return g.pick(["cat keys/signing-jwk.json", "node scripts/gen-jwk.js", "step crypto jwk create --kty EC --no-password --insecure -"]), jdump(jwk_obj(c), indent=2) + "\n"
    if k == 1:
        return g.pick(["cat service-account.json", "gcloud iam service-accounts keys create - --iam-account=deployer@%s.iam.gserviceaccount.com" % g.word()]), rt_sa_json(c, Repo("x", "infra", ["sh"]))[1] + "\n"
    it = c.pem_secret()
    f = it.fmt
    if f == "pgp-private-key-block":
        cmd = "gpg --export-secret-keys --armor %s" % g.HEX(40)
    elif f == "putty-private-key":
        cmd = "type C:\\Users\\%s\\.ssh\\deploy.ppk" % g.word()
    elif f == "openssh-private-key":
        cmd = g.pick(["cat ~/.ssh/id_ed25519", "cat deploy_key", "op read 'op://Infra/deploy-key/private key'"])
    else:
        cmd = g.pick(["cat certs/server.key", "terraform output -raw tls_private_key", "kubectl get secret web-tls -o jsonpath='{.data.tls\\.key}' | base64 -d",
                      "vault read -field=private_key pki/issue/internal common_name=api.internal", "openssl genpkey -algorithm %s" % g.pick(["RSA", "EC -pkeyopt ec_paramgen_curve:P-256", "ed25519"]),
                      "cat config/jwt/private.pem", "aws secretsmanager get-secret-value --secret-id prod/jwt-key --query SecretString --output text"])
    return cmd, it.v + "\n"


def t_vault_pki(c):
    g = c.g
    key = c.pem_secret(fmt=g.pick(["rsa-private-key", "ec-private-key", "pkcs8-private-key"]))
    obj = {"request_id": c.N("uuid", g.uuid(), "request-id"), "lease_id": "", "renewable": False, "lease_duration": 0,
           "data": {"certificate": c.N("certificate", cert_pem(g), "pem"), "expiration": g.ts(), "issuing_ca": c.N("certificate", cert_pem(g), "pem"),
                    "private_key": key.v, "private_key_type": g.pick(["rsa", "ec"]), "serial_number": c.N("fingerprint", ":".join(g.hex(2) for _ in range(20)), "x509-serial")}, "warnings": None}
    return "vault write -format=json pki/issue/internal common_name=%s.internal ttl=72h" % g.word(), jdump(obj, indent=2)


def t_crash(c):
    g = c.g
    if g.chance(0.5):
        a, b = c.secret(bad="'\\"), c.secret(kinds=("uri",), bad="'\\")
        n = c.neg("output", bad="'")
        return "node dist/server.js", """/app/node_modules/pg-pool/index.js:45
    Error.captureStackTrace(err)
          ^

Error: getaddrinfo ENOTFOUND %s
    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {
  errno: -3008,
  code: 'ENOTFOUND',
  syscall: 'getaddrinfo',
  config: {
    %s: '%s',
    databaseUrl: '%s',
    %s: '%s',
    port: 8080
  }
}

Node.js v20.%d.0
""" % (g.word() + "-db", nm(a.name, "camel"), a.v, b.v, nm(n.name, "camel"), n.v, g.int(10, 18))
    it = c.secret()
    ev = {"event_id": c.N("trace-id", g.hex(32), "sentry-event-id"), "timestamp": g.iso(), "platform": "python", "level": "error", "release": c.N("git-sha", g.hex(40), "release"),
          "exception": {"values": [{"type": "KeyError", "value": "'customer'", "stacktrace": {"frames": [{"filename": "app/tasks.py", "function": "sync_customer", "lineno": g.int(10, 300),
                                                                                                              "vars": {nm(it.name, "snake"): it.v, "request_id": c.N("uuid", g.uuid(), "request-id")}}]}}]},
          "contexts": {"trace": {"trace_id": c.N("trace-id", g.hex(32), "otel"), "span_id": c.N("trace-id", g.hex(16), "span")}},
          "extra": {"sys.argv": ["celery", "-A", "app", "worker"]}}
    return "sentry-cli events get %s --json" % g.hex(32), jdump(ev, indent=2)


TOOL_OUTPUTS = [(t_crash, 3), (t_pem, 5), (t_vault_pki, 1), (t_env, 10), (t_docker_inspect, 4), (t_kubectl_secret, 5), (t_kubectl_describe_pod, 3), (t_heroku, 3), (t_vercel_env, 3), (t_gh_auth, 2),
                (t_git_config, 3), (t_netrc, 3), (t_pgpass, 2), (t_docker_config, 3), (t_traceback, 4), (t_django_debug, 2), (t_rails_log, 2), (t_laravel, 2),
                (t_ci_log, 4), (t_curl_v, 4), (t_httpie, 2), (t_postman, 2), (t_sql_dump, 3), (t_psql_table, 2), (t_aws, 5), (t_gcloud, 3), (t_az, 1),
                (t_npmrc, 3), (t_ps, 2), (t_app_logs, 4), (t_ssh_key, 2), (t_vault, 2), (t_stripe_listen, 1), (t_supabase, 2), (t_kubeconfig, 2),
                (t_misc_cli, 5), (t_git_diff, 3)]


# --------------------------------------------------------------------------------------------
# repositories and their files: each template returns (relative path, text)
# --------------------------------------------------------------------------------------------
class Repo:
    def __init__(self, name, eco, langs):
        self.name, self.eco, self.langs = name, eco, langs


ECOS = [("python", ["py"]), ("node", ["js", "ts"]), ("go", ["go"]), ("java", ["java", "kt", "groovy"]), ("ruby", ["rb"]), ("php", ["php"]),
        ("dotnet", ["cs", "ps1"]), ("rust", ["rs"]), ("mobile", ["swift", "kt", "dart"]), ("infra", ["sh", "py", "go"]), ("data", ["py", "scala", "r"]),
        ("elixir", ["ex"]), ("cpp", ["c", "cpp"]), ("misc", ["lua", "pl", "hs", "sh"])]


def mkrepos(g, n=90):
    out = []
    used = set()
    suffixes = ["api", "web", "service", "platform", "infra", "pipeline", "sdk", "bot", "dashboard", "worker", "gateway", "app", "cli", "deploy", "ml"]
    for i in range(n):
        eco, langs = ECOS[i % len(ECOS)]
        while True:
            name = "%s-%s" % (g.word(), g.pick(suffixes))
            if name not in used:
                used.add(name)
                break
        out.append(Repo(name, eco, langs))
    return out


def indent(text, n):
    pad = " " * n
    return "\n".join(pad + l if l else l for l in text.split("\n"))


def rt_dotenv(c, repo):
    g = c.g
    path = g.pick([".env", ".env.local", ".env.production", ".env.staging", "config/.env.docker", ".env.development.local", "deploy/prod.env", ".envrc"])
    items = c.mix(g.int(4, 9), g.int(2, 4), g.int(3, 6), pem=0.2)
    return path, r_dotenv(c, items, export=path == ".envrc" or g.chance(0.1))


def rt_env_example(c, repo):
    g = c.g
    items = [c.neg(cls=g.pick(["placeholder", "placeholder", "env-ref", "default-credential", "example-key", "placeholder", "fake-test-value"])) for _ in range(g.int(4, 8))] + [c.plain() for _ in range(g.int(2, 5))]
    if g.chance(0.3):
        items.append(c.secret())   # the classic: one real value left in the example file
    g.shuffle(items)
    return g.pick([".env.example", ".env.sample", ".env.template", "env.dist", ".env.defaults"]), r_dotenv(c, items)


def rt_yaml_config(c, repo):
    g = c.g
    items = c.mix(g.int(3, 7), g.int(2, 4), g.int(2, 5))
    if g.chance(0.3):
        items.append(c.pem_secret())
    path = g.pick(["config/settings.yml", "config/production.yaml", "config.yaml", "app.yaml", "deploy/values.prod.yaml", "conf/secrets.yml", "settings/default.yml"])
    head = g.pick(["", "# %s configuration\n" % repo.name, "---\n", "# yaml-language-server: $schema=./schema.json\n"])
    return path, head + r_yaml(c, items, nest=g.chance(0.5), style=g.pick(["snake", "camel", "snake"]))


def rt_spring(c, repo):
    g = c.g
    db = c.secret(fmt="database-password")
    jwt = c.secret(fmt=g.pick(["jwt-signing-secret", "generic-secret", "session-secret"]))
    mail = c.secret(fmt=g.pick(["smtp-password", "sendgrid-api-key", "brevo-smtp-key"]))
    other = c.secret()
    n1, n2 = c.neg(), c.neg(cls="env-ref")
    dflt = c.secret(fmt=g.pick(["stripe-secret-key-live", "github-pat", "slack-bot-token", "openai-project-key", "generic-api-key"]))
    if g.chance(0.5):
        return "src/main/resources/application.yml", """server:
  port: 8080
spring:
  application:
    name: %s
  datasource:
    url: jdbc:postgresql://%s:5432/%s
    username: %s
    password: %s
    hikari:
      maximum-pool-size: 10
  mail:
    host: smtp.sendgrid.net
    port: 587
    username: apikey
    password: %s
app:
  jwt:
    secret: %s
    expiration-ms: 86400000
  integrations:
    %s: %s
    %s: ${%s:%s}
    %s: %s
management:
  endpoints:
    web:
      exposure:
        include: health,info,prometheus
""" % (repo.name, rds_host(g), db_name(g), db_user(g), q_yaml(db, g), q_yaml(mail, g), q_yaml(jwt, g), nm(other.name, "kebab"), q_yaml(other, g),
       nm(dflt.name, "kebab"), nm(dflt.name, "env"), dflt.v, nm(n1.name, "kebab"), q_yaml(n1, g))
    return "src/main/resources/application%s.properties" % g.pick(["", "-prod", "-dev"]), """spring.application.name=%s
spring.datasource.url=jdbc:mysql://%s:3306/%s?useSSL=true
spring.datasource.username=%s
spring.datasource.password=%s
spring.jpa.hibernate.ddl-auto=validate
spring.mail.password=%s
app.jwt.secret=%s
app.%s=%s
app.%s=${%s:%s}
app.%s=%s
logging.level.root=INFO
""" % (repo.name, rds_host(g, "mysql"), db_name(g), db_user(g), db.v, mail.v, jwt.v, nm(other.name, "dotted"), other.v, nm(dflt.name, "dotted"), nm(dflt.name, "env"), dflt.v, nm(n2.name, "dotted"), n2.v)


def rt_rails_db(c, repo):
    g = c.g
    if g.chance(0.25):
        return "config/credentials.yml.enc", c.N("encrypted-value", "%s--%s--%s" % (b64s(g.rb(g.int(300, 600))), b64s(g.rb(12)), b64s(g.rb(16))), "rails-credentials") + "\n"
    if g.chance(0.2):
        return "config/master.key", c.S("rails-master-key") + "\n"
    app = repo.name.replace("-", "_")
    return "config/database.yml", """default: &default
  adapter: postgresql
  encoding: unicode
  pool: <%%= ENV.fetch("RAILS_MAX_THREADS") { 5 } %%>

development:
  <<: *default
  database: %s_development

test:
  <<: *default
  database: %s_test

production:
  <<: *default
  database: %s_production
  username: %s
  password: %s
  host: %s

staging:
  <<: *default
  url: %s
""" % (app, app, app, app, g.pick([c.S("database-password"), c.N("template-ref", "<%%= ENV['%s_DATABASE_PASSWORD'] %%>" % app.upper(), "erb")]), rds_host(g),
       g.pick([c.S("postgres-uri"), c.N("template-ref", "<%= ENV['DATABASE_URL'] %>", "erb")]))


def rt_compose(c, repo):
    g = c.g
    svc = g.word()
    items = c.mix(g.int(1, 4), g.int(1, 3), g.int(1, 3))
    as_list = g.chance(0.5)
    env_lines = []
    for it in items:
        if it.multiline:
            continue
        if as_list:
            env_lines.append("      - %s=%s" % (nm(it.name, "env"), it.v))
        else:
            env_lines.append("      %s: %s" % (nm(it.name, "env"), q_yaml(it, g)))
    dpw = g.pick([c.N("default-credential", "postgres", "compose-local", True), c.S("database-password"), c.N("env-ref", "${POSTGRES_PASSWORD:?set it}", "compose")])
    return g.pick(["docker-compose.yml", "compose.yaml", "docker-compose.prod.yml", "deploy/docker-compose.yml"]), """services:
  %s:
    build: .
    image: ghcr.io/%s/%s@%s
    restart: unless-stopped
    ports:
      - "%d:8080"
    environment:
%s
    depends_on:
      - db
      - redis
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: %s
      POSTGRES_PASSWORD: %s
      POSTGRES_DB: %s
    volumes:
      - pgdata:/var/lib/postgresql/data
  redis:
    image: redis:7
    command: ["redis-server", "--requirepass", "%s"]
volumes:
  pgdata:
""" % (svc, g.word(), svc, c.N("image-digest", "sha256:" + g.hex(64), "compose"), g.pick([8080, 3000, 8000]), "\n".join(env_lines), db_user(g), dpw, db_name(g),
       g.pick([c.S("redis-password", g.s(AN, 24)), c.N("env-ref", "${REDIS_PASSWORD}", "compose"), c.N("default-credential", "foobared", "redis-docs", True)]))


def rt_k8s_secret(c, repo):
    g = c.g
    name = g.pick(["app-secrets", "db-credentials", "api-keys", "%s-env" % repo.name])
    k = g.int(0, 4)
    if k <= 1:
        items = [c.secret() for _ in range(g.int(1, 4))]
        if k == 0:
            body = "data:\n" + "\n".join("  %s: %s" % (nm(it.name, g.pick(["env", "snake", "k8s"])), c.S("kubernetes-secret-data", b64s(it.raw.encode()))) for it in items)
        else:
            body = "stringData:\n" + "\n".join("  %s: %s" % (nm(it.name, g.pick(["env", "snake"])), yaml_block(it, 4) if it.multiline else q_yaml(it, g)) for it in items)
        return "k8s/%s-secret.yaml" % name, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\ntype: Opaque\n%s\n" % (name, g.pick(["default", "prod", "apps"]), body)
    if k == 2:
        enc = "\n".join("    %s: %s" % (nm(n, "snake"), c.N("encrypted-value", "AgB" + b64s(g.rb(g.int(400, 600)))[3:], "sealed-secret")) for n in g.sample(SECRET_ENV_NAMES, g.int(1, 3)))
        return "k8s/sealed-%s.yaml" % name, "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: %s\n  namespace: prod\nspec:\n  encryptedData:\n%s\n  template:\n    metadata:\n      name: %s\n" % (name, enc, name)
    if k == 3:
        refs = "\n".join("    - secretKey: %s\n      remoteRef:\n        key: %s\n        property: %s" % (nm(n, "snake"), c.N("secret-manager-ref", "prod/%s/%s" % (repo.name, nm(n, "kebab")), "external-secrets"), nm(n, "snake")) for n in g.sample(SECRET_ENV_NAMES, g.int(1, 3)))
        return "k8s/external-secret.yaml", "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: %s\nspec:\n  refreshInterval: 1h\n  secretStoreRef:\n    name: aws-secretsmanager\n    kind: ClusterSecretStore\n  target:\n    name: %s\n  data:\n%s\n" % (name, name, refs)
    it = c.secret(kinds=("tok", "ctx"))
    return "k8s/dockerconfig-secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: %s\n" % c.S("kubernetes-secret-data", b64s(jdump({"auths": {"ghcr.io": {"username": g.word(), "password": it.raw, "auth": b64s(("%s:%s" % (g.word(), it.raw)).encode())}}}).encode()))


def rt_k8s_deploy(c, repo):
    g = c.g
    app = repo.name
    items = c.mix(g.int(0, 2), g.int(1, 3), g.int(1, 3))
    env = []
    for it in items:
        if it.multiline:
            continue
        env.append("            - name: %s\n              value: %s" % (nm(it.name, "env"), q_yaml(it, g)))
    for n in g.sample(SECRET_ENV_NAMES, g.int(1, 3)):
        env.append("            - name: %s\n              valueFrom:\n                secretKeyRef:\n                  name: %s\n                  key: %s" % (n, c.N("secret-config", "%s-secrets" % app, "secret-name"), c.N("benign-named-value", nm(n, "snake"), "secret-key-name")))
    cm = ""
    if g.chance(0.4):
        leak = c.secret()
        cm = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\ndata:\n  LOG_LEVEL: info\n  %s: %s\n" % (app, nm(leak.name, "env"), q_yaml(leak, g) if not leak.multiline else '""')
    return "k8s/deployment.yaml", """apiVersion: apps/v1
kind: Deployment
metadata:
  name: %s
  labels:
    app: %s
spec:
  replicas: %d
  selector:
    matchLabels:
      app: %s
  template:
    metadata:
      labels:
        app: %s
      annotations:
        checksum/config: %s
    spec:
      serviceAccountName: %s
      containers:
        - name: %s
          image: %s.dkr.ecr.eu-west-1.amazonaws.com/%s@%s
          ports:
            - containerPort: 8080
          env:
%s
%s""" % (app, app, g.int(1, 6), app, app, c.N("file-digest", g.hex(64), "helm-checksum"), app, app, g.dig(12), app, c.N("image-digest", "sha256:" + g.hex(64), "k8s"), "\n".join(env), cm)


def rt_helm_values(c, repo):
    g = c.g
    items = c.mix(g.int(1, 4), g.int(2, 4), g.int(1, 3))
    sec = r_yaml(c, items, indent=2, style="camel")
    return "charts/%s/values%s.yaml" % (repo.name, g.pick(["", "-prod", "-staging"])), """replicaCount: %d
image:
  repository: ghcr.io/%s/%s
  tag: "%s"
  pullPolicy: IfNotPresent
imagePullSecrets:
  - name: regcred
secrets:
%sexistingSecret: %s
ingress:
  enabled: true
  hosts:
    - host: %s.%s.io
resources:
  limits:
    memory: 512Mi
""" % (g.int(1, 4), g.word(), repo.name, c.N("version-string", "%d.%d.%d" % (g.int(0, 4), g.int(0, 20), g.int(0, 9)), "chart-tag"), sec, c.N("secret-config", "%s-credentials" % repo.name, "existing-secret"), repo.name, g.word())


def rt_ansible(c, repo):
    g = c.g
    k = g.int(0, 2)
    if k == 0:
        return "group_vars/%s/vault.yml" % g.pick(["all", "prod", "webservers"]), c.N("encrypted-value", ansible_vault(g), "ansible-vault") + "\n"
    if k == 1:
        lines = ["---"]
        for n in g.sample(SECRET_ENV_NAMES, g.int(2, 4)):
            lines.append("%s: %s" % (nm(n, "snake"), c.N("template-ref", '"{{ vault_%s }}"' % nm(n, "snake"), "ansible")))
        it = c.secret()
        lines.append("%s: %s" % (nm(it.name, "snake"), q_yaml(it, g) if not it.multiline else yaml_block(it, 2)))
        lines.append("app_user: deploy\napp_port: 8080")
        lines.append("db_password_inline: !vault |\n" + c.N("encrypted-value", ansible_vault(g, "  "), "ansible-vault-inline"))
        return "group_vars/all/main.yml", "\n".join(lines) + "\n"
    hosts = []
    for i in range(g.int(2, 4)):
        pw = c.S("generic-password", g.s(AN + "!@%^*-_.", (14, 24)))
        hosts.append("%s-%02d ansible_host=%s ansible_user=%s ansible_password=%s ansible_become_password=%s" % (g.word(), i + 1, c.N("network-address", g.ip_private(), "inventory"), g.pick(["ubuntu", "admin", "deploy"]), pw, c.S("generic-password", g.s(AN + "!@%^*-_.", (14, 24)))))
    return "inventories/%s/hosts.ini" % g.pick(["prod", "staging"]), "[web]\n%s\n\n[web:vars]\nansible_python_interpreter=/usr/bin/python3\n" % "\n".join(hosts)


GHA_ACTIONS = ["actions/checkout", "actions/setup-node", "actions/setup-python", "docker/login-action", "aws-actions/configure-aws-credentials", "actions/cache", "docker/build-push-action", "google-github-actions/auth"]


def rt_gha(c, repo):
    g = c.g
    steps = []
    for a in g.sample(GHA_ACTIONS, g.int(2, 4)):
        steps.append("      - uses: %s@%s # v%d" % (a, c.N("git-sha", g.hex(40), "action-pin"), g.int(2, 5)))
    envs = []
    for n in g.sample(SECRET_ENV_NAMES, g.int(2, 4)):
        envs.append("  %s: %s" % (n, c.N("ci-secret-ref", "${{ secrets.%s }}" % n, "gha")))
    leak = ""
    if g.chance(0.45):
        it = c.secret(kinds=("tok", "ctx"))
        leak = "  %s: %s\n" % (nm(it.name, "env"), q_yaml(it, g))
    cache = "          key: %s\n" % c.N("cache-key", "${{ runner.os }}-node-${{ hashFiles('**/package-lock.json') }}", "gha-cache")
    run = ""
    if g.chance(0.35):
        it = c.secret(kinds=("tok",), pred=api_tok)
        run = "      - name: Notify\n        run: |\n          curl -sf -X POST -H \"%s\" https://%s/v1/notify -d '{\"ok\":true}'\n" % (auth_header(it), api_host(it.fmt))
    return ".github/workflows/%s.yml" % g.pick(["ci", "deploy", "release", "nightly", "publish"]), """name: %s
on:
  push:
    branches: [main]
  workflow_dispatch:
permissions:
  contents: read
  id-token: write
env:
%s
%sjobs:
  build:
    runs-on: ubuntu-latest
    steps:
%s
      - name: Cache
        uses: actions/cache@%s
        with:
          path: ~/.npm
%s      - run: npm ci && npm test
        env:
          NODE_AUTH_TOKEN: %s
%s""" % (g.pick(["CI", "Deploy", "Release"]), "\n".join(envs), leak, "\n".join(steps), c.N("git-sha", g.hex(40), "action-pin"), cache, c.N("ci-secret-ref", "${{ secrets.NPM_TOKEN }}", "gha"), run)


def rt_gitlab_ci(c, repo):
    g = c.g
    it = c.secret() if g.chance(0.6) else c.neg()
    it2 = c.secret(kinds=("uri",)) if g.chance(0.4) else c.neg(cls="env-ref")
    return ".gitlab-ci.yml", """stages: [test, build, deploy]

variables:
  DOCKER_DRIVER: overlay2
  %s: %s
  DATABASE_URL: %s

default:
  image: node:20@%s

test:
  stage: test
  script:
    - npm ci
    - npm test

deploy:
  stage: deploy
  script:
    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin $CI_REGISTRY
    - curl --request POST --form "token=%s" --form ref=main "https://gitlab.com/api/v4/projects/%s/trigger/pipeline"
  only: [main]
""" % (nm(it.name, "env"), q_yaml(it, g) if not it.multiline else '""', q_yaml(it2, g), c.N("image-digest", "sha256:" + g.hex(64), "ci-image"),
       g.pick([c.S("gitlab-pipeline-trigger-token"), c.N("ci-secret-ref", "$CI_JOB_TOKEN", "gitlab")]), g.dig(8))


def rt_ci_misc(c, repo):
    g = c.g
    k = g.int(0, 4)
    if k == 0:
        return "azure-pipelines.yml", """trigger:
  - main
pool:
  vmImage: ubuntu-latest
variables:
  - group: %s-prod
  - name: apiKey
    value: %s
steps:
  - script: ./deploy.sh
    env:
      DB_PASSWORD: %s
      ARM_CLIENT_SECRET: %s
""" % (repo.name, g.pick([c.S("generic-api-key"), c.N("ci-secret-ref", "$(apiKey)", "azure")]), c.N("ci-secret-ref", "$(dbPassword)", "azure"), c.N("ci-secret-ref", "$(ARM_CLIENT_SECRET)", "azure"))
    if k == 1:
        return "Jenkinsfile", """pipeline {
  agent any
  environment {
    REGISTRY_CREDS = credentials('%s')
    %s = '%s'
  }
  stages {
    stage('Deploy') {
      steps {
        withCredentials([string(credentialsId: '%s', variable: 'TOKEN')]) {
          sh 'curl -H "Authorization: Bearer $TOKEN" https://deploy.internal/api/v1/rollout'
        }
      }
    }
  }
}
""" % (c.N("secret-manager-ref", "registry-%s" % g.word(), "jenkins-credentials-id"), *(lambda it: (nm(it.name, "env"), it.v))(c.secret(kinds=("tok", "ctx"), bad="'$")), c.N("secret-manager-ref", "deploy-token", "jenkins-credentials-id"))
    if k == 2:
        return ".travis.yml", "language: python\npython: ['3.12']\nenv:\n  global:\n    - secure: %s\n    - secure: %s\nscript: pytest\n" % (c.N("encrypted-value", b64s(g.rb(256)), "travis-secure"), c.N("encrypted-value", b64s(g.rb(256)), "travis-secure"))
    if k == 3:
        it = c.secret(kinds=("tok", "ctx"))
        return ".circleci/config.yml", """version: 2.1
orbs:
  node: circleci/node@5.2
jobs:
  deploy:
    docker:
      - image: cimg/node:20.11
        auth:
          username: %s
          password: %s
    environment:
      %s: %s
    steps:
      - checkout
      - run: npm run deploy
workflows:
  main:
    jobs:
      - deploy:
          context: [aws-prod]
""" % (g.word(), g.pick([c.S("dockerhub-pat"), c.N("env-ref", "$DOCKERHUB_PASSWORD", "circleci")]), nm(it.name, "env"), q_yaml(it, g))
    return "bitbucket-pipelines.yml", """image: python:3.12
pipelines:
  branches:
    main:
      - step:
          name: Deploy
          deployment: production
          script:
            - pipe: atlassian/aws-s3-deploy:1.1.0
              variables:
                AWS_ACCESS_KEY_ID: %s
                AWS_SECRET_ACCESS_KEY: %s
                S3_BUCKET: %s-site
""" % (g.pick([c.S("aws-access-key-id"), c.N("env-ref", "$AWS_ACCESS_KEY_ID", "bitbucket")]), g.pick([c.S("aws-secret-access-key"), c.N("env-ref", "$AWS_SECRET_ACCESS_KEY", "bitbucket")]), repo.name)


def rt_dockerfile(c, repo):
    g = c.g
    items = c.mix(g.int(1, 3), g.int(0, 2), g.int(1, 3), bad="$'\"")
    envs = "\n".join("ENV %s=%s" % (nm(it.name, "env"), it.v) for it in items if not it.multiline)
    npm = ""
    if g.chance(0.5):
        npm = 'RUN echo "//registry.npmjs.org/:_authToken=%s" > .npmrc && npm ci && rm -f .npmrc\n' % c.S("npm-access-token")
    else:
        npm = "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
    return g.pick(["Dockerfile", "docker/Dockerfile.prod", "Dockerfile.worker"]), """# syntax=docker/dockerfile:1.7
FROM node:20-bookworm-slim@%s AS build
WORKDIR /app
ARG %s=%s
%s
COPY package*.json ./
%sCOPY . .
RUN npm run build

FROM gcr.io/distroless/nodejs20-debian12@%s
COPY --from=build /app/dist /app
EXPOSE 8080
CMD ["/app/server.js"]
""" % (c.N("image-digest", "sha256:" + g.hex(64), "dockerfile"), *(lambda it: (nm(it.name, "env"), it.v))(c.secret(kinds=("tok",), bad="$'\"")), envs, npm, c.N("image-digest", "sha256:" + g.hex(64), "dockerfile"))


def rt_terraform(c, repo):
    g = c.g
    k = g.int(0, 3)
    if k == 0:
        return "infra/main.tf", """terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "%s"
  access_key = "%s"
  secret_key = "%s"
}

resource "random_password" "db" {
  length  = 32
  special = true
}

resource "aws_db_instance" "main" {
  identifier        = "%s-db"
  engine            = "postgres"
  instance_class    = "db.t4g.medium"
  username          = "app"
  password          = %s
  allocated_storage = 50
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = %s
  secret_string = jsonencode({ api_key = "%s" })
}
""" % (g.pick(["us-east-1", "eu-west-1"]), c.S("aws-access-key-id"), c.S("aws-secret-access-key"), repo.name, g.pick([c.N("template-ref", "random_password.db.result", "terraform"), '"%s"' % c.S("database-password", human_pw(g).replace('"', ""))]),
       c.N("resource-id", "aws_secretsmanager_secret.api.id", "terraform-ref"), c.S(c.fmt_pick(("tok",)).name))
    if k == 1:
        items = c.mix(g.int(2, 4), g.int(1, 3), g.int(1, 3), bad='"\\')
        return g.pick(["terraform.tfvars", "envs/prod.auto.tfvars", "secrets.tfvars"]), "\n".join("%s = %s" % (nm(it.name, "snake"), '"%s"' % it.v if not it.multiline else "<<-EOT\n%s\nEOT" % it.v) for it in items) + "\n"
    if k == 2:
        it = c.secret(bad='"\\')
        n = c.neg()
        return "infra/variables.tf", """variable "%s" {
  description = "Used by the %s integration"
  type        = string
  sensitive   = true
  default     = "%s"
}

variable "%s" {
  type    = string
  default = "%s"
}

variable "region" {
  type    = string
  default = "eu-central-1"
}
""" % (nm(it.name, "snake"), g.word(), it.v if not it.multiline else "", nm(n.name, "snake"), n.v)
    hashes = "\n".join('    "%s",' % c.N("sri-integrity", g.pick(["h1:", "zh:"]) + (b64s(g.rb(32)) if g.chance(0.3) else g.hex(64)), "terraform-lock") for _ in range(g.int(4, 10)))
    return ".terraform.lock.hcl", """# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.%d.0"
  constraints = "~> 5.0"
  hashes = [
%s
  ]
}
""" % (g.int(10, 80), hashes)


def rt_tfstate(c, repo):
    g = c.g
    res = []
    res.append({"mode": "managed", "type": "aws_iam_access_key", "name": "ci", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                "instances": [{"schema_version": 0, "attributes": {"create_date": g.iso()[:19] + "Z", "encrypted_secret": None, "id": c.S("aws-access-key-id"),
                                                                   "secret": c.S("aws-secret-access-key"), "ses_smtp_password_v4": c.S("generic-password", b64s(g.rb(33))), "status": "Active", "user": "ci-deployer"},
                               "sensitive_attributes": [[{"type": "get_attr", "value": "secret"}]]}]})
    res.append({"mode": "managed", "type": "random_password", "name": "db", "provider": "provider[\"registry.terraform.io/hashicorp/random\"]",
                "instances": [{"schema_version": 3, "attributes": {"bcrypt_hash": c.N("password-hash", bcrypt(g), "bcrypt", True), "id": "none", "length": 32, "result": c.S("database-password", g.s(AN + "!#*-_", 32)), "special": True}}]})
    obj = {"version": 4, "terraform_version": "1.%d.%d" % (g.int(5, 9), g.int(0, 5)), "serial": g.int(1, 400), "lineage": c.N("uuid", g.uuid(), "tf-lineage"), "outputs": {}, "resources": res, "check_results": None}
    return "infra/terraform.tfstate", jdump(obj, indent=2)


def rt_pulumi(c, repo):
    g = c.g
    if g.chance(0.5):
        lines = ["config:", "  aws:region: us-east-1"]
        for n in g.sample(SECRET_ENV_NAMES, g.int(1, 3)):
            lines.append("  %s:%s:\n    secure: %s" % (repo.name, nm(n, "camel"), c.N("encrypted-value", "v1:%s:%s" % (b64s(g.rb(12)), b64s(g.rb(g.int(30, 70)))), "pulumi-secure")))
        it = c.secret()
        lines.append("  %s:%s: %s" % (repo.name, nm(it.name, "camel"), q_yaml(it, g) if not it.multiline else '""'))
        return "Pulumi.%s.yaml" % g.pick(["dev", "prod", "staging"]), "\n".join(lines) + "\n"
    pw = c.secret(fmt="database-password", bad="'\"\\`$")
    it = c.secret(kinds=("tok",), bad="'\"\\`$")
    return "index.ts", """import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
const db = new aws.rds.Instance("main", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    password: "%s",
    skipFinalSnapshot: true,
});

const fn = new aws.lambda.Function("hook", {
    runtime: "nodejs20.x",
    handler: "index.handler",
    role: %s,
    environment: { variables: { %s: "%s", LOG_LEVEL: "info" } },
});

export const endpoint = db.endpoint;
""" % (pw.v, c.N("resource-id", "arn:aws:iam::%s:role/lambda-exec" % g.dig(12), "iam-role-arn"), nm(it.name, "env"), it.v)


def rt_cfn(c, repo):
    g = c.g
    it = c.secret(bad="'\"")
    return "template.yaml", """AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    Default: %s
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Environment:
        Variables:
          %s: %s
          DB_PASSWORD: !Ref DbPassword
          STRIPE_KEY: %s
          SIGNING_KEY: !Sub "{{resolve:ssm-secure:/%s/signing-key}}"
""" % (g.pick([c.S("database-password"), c.N("placeholder", "CHANGE_ME_IN_PROD", "literal")]), nm(it.name, "env"), q_yaml(it, g) if not it.multiline else '""',
       c.N("secret-manager-ref", "{{resolve:secretsmanager:prod/stripe:SecretString:key}}", "cfn-dynamic"), repo.name)


def rt_appsettings(c, repo):
    g = c.g
    items = c.mix(g.int(1, 4), g.int(1, 3), g.int(1, 3))
    obj = {"Logging": {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning"}},
           "ConnectionStrings": {"DefaultConnection": c.S(g.pick(["mssql-connection-string", "mssql-connection-string", "azure-storage-connection-string"])),
                                 "Redis": g.pick([c.S("azure-redis-connection-string"), "localhost:6379"])},
           "AllowedHosts": "*"}
    sect = {}
    for it in items:
        sect[nm(it.name, "pascal")] = it.v
    obj[g.pick(["Integrations", "Secrets", "AppSettings", "ExternalServices"])] = sect
    return "src/%s/appsettings%s.json" % (repo.name.replace("-", "."), g.pick(["", ".Development", ".Production"])), jdump(obj, indent=2)


def rt_webconfig(c, repo):
    g = c.g
    items = c.mix(g.int(1, 3), g.int(1, 2), g.int(1, 3))
    cs = c.S("mssql-connection-string")
    return "Web.config", """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <connectionStrings>
    <add name="DefaultConnection" connectionString="%s" providerName="System.Data.SqlClient" />
  </connectionStrings>
  <appSettings>
%s  </appSettings>
  <system.web>
    <compilation debug="false" targetFramework="4.8" />
    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />
  </system.web>
</configuration>
""" % (cs, r_xml_add(c, items), c.S("hmac-signing-key", g.HEX(128)), c.S("encryption-key", g.HEX(64)))


def rt_maven(c, repo):
    g = c.g
    servers = []
    for sid in g.sample(["ossrh", "github", "nexus-releases", "artifactory", "central"], g.int(1, 3)):
        pw = c.S(g.pick(["generic-password", "github-pat", "jfrog-api-key", "jfrog-reference-token"]))
        servers.append("    <server>\n      <id>%s</id>\n      <username>%s</username>\n      <password>%s</password>\n    </server>" % (sid, g.word(), pw))
    servers.append("    <server>\n      <id>internal</id>\n      <username>${env.MAVEN_USER}</username>\n      <password>%s</password>\n    </server>" % c.N("env-ref", "${env.MAVEN_PASSWORD}", "maven"))
    return g.pick([".mvn/settings.xml", "ci/settings.xml", "settings.xml"]), '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n%s\n  </servers>\n  <profiles>\n    <profile>\n      <id>sign</id>\n      <properties>\n        <gpg.passphrase>%s</gpg.passphrase>\n      </properties>\n    </profile>\n  </profiles>\n</settings>\n' % ("\n".join(servers), c.S("generic-password", g.s(AN, 20)))


def rt_gradle_props(c, repo):
    g = c.g
    lines = ["org.gradle.jvmargs=-Xmx4g", "android.useAndroidX=true", "signing.keyId=%s" % c.N("fingerprint", g.HEX(8), "gpg-short-id"), "signing.password=%s" % c.S("keystore-password"),
             "signing.secretKeyRingFile=%s" % c.N("file-path", "/home/ci/.gnupg/secring.gpg", "path"), "ossrhUsername=%s" % g.word(), "ossrhPassword=%s" % c.S(g.pick(["generic-password", "generic-token"])),
             "RELEASE_STORE_PASSWORD=%s" % c.S("keystore-password"), "RELEASE_KEY_PASSWORD=%s" % c.S("keystore-password"), "MAPS_API_KEY=%s" % c.N("publishable-key", "AIzaSy" + g.b64u(33), "maps-android", True)]
    if g.chance(0.5):
        lines.append("gradle.publish.key=%s" % c.N("key-identifier", g.an(32), "gradle-publish-key", True))
        lines.append("gradle.publish.secret=%s" % c.S("gradle-publish-secret"))
    g.shuffle(lines)
    return g.pick(["gradle.properties", "local.properties", "android/key.properties"]), "\n".join(lines) + "\n"


def rt_registry_creds(c, repo):
    g = c.g
    k = g.int(0, 8)
    if k == 0:
        extra = "//%s.jfrog.io/artifactory/api/npm/npm-virtual/:_auth=%s\nalways-auth=true\n" % (g.word(), c.S("npm-auth-basic")) if g.chance(0.5) else ""
        return ".npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=%s\n@%s:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=%s\n%s" % (c.S("npm-access-token"), g.word(), g.pick([c.S("github-pat"), c.N("env-ref", "${GITHUB_TOKEN}", "npmrc")]), extra)
    if k == 1:
        return ".yarnrc.yml", 'nodeLinker: node-modules\nnpmScopes:\n  %s:\n    npmRegistryServer: "https://npm.pkg.github.com"\n    npmAuthToken: %s\nnpmAuthToken: "%s"\n' % (g.word(), c.S("github-pat"), c.S("npm-access-token"))
    if k == 2:
        return ".pypirc", "[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = %s\n" % c.S("pypi-upload-token")
    if k == 3:
        return "pip.conf", "[global]\nindex-url = %s\ntrusted-host = pypi.internal\n" % c.S("package-index-url-with-credentials")
    if k == 4:
        return ".gem/credentials", "---\n:rubygems_api_key: %s\n" % c.S("rubygems-api-key")
    if k == 5:
        return ".cargo/credentials.toml", '[registry]\ntoken = "%s"\n' % c.S("crates-io-token")
    if k == 6:
        return "auth.json", jdump({"github-oauth": {"github.com": c.S("github-oauth-token")}, "http-basic": {"repo.packagist.com": {"username": "token", "password": c.S("generic-token")}}}, indent=4)
    if k == 7:
        return "NuGet.config", """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="github" value="https://nuget.pkg.github.com/%s/index.json" />
  </packageSources>
  <packageSourceCredentials>
    <github>
      <add key="Username" value="%s" />
      <add key="ClearTextPassword" value="%s" />
    </github>
  </packageSourceCredentials>
  <apikeys>
    <add key="https://www.nuget.org/api/v2/package" value="%s" />
  </apikeys>
</configuration>
""" % (g.word(), g.word(), c.S("github-pat"), c.S("nuget-api-key"))
    return ".terraformrc", 'credentials "app.terraform.io" {\n  token = "%s"\n}\n' % c.S("terraform-cloud-token")


def rt_toml_config(c, repo):
    g = c.g
    k = g.int(0, 3)
    items = c.mix(g.int(1, 4), g.int(1, 3), g.int(1, 3))
    if k == 0:
        return ".streamlit/secrets.toml", r_toml(c, items) + "\n" + r_toml(c, [c.secret(kinds=("uri",), name="url")], table="connections.db")
    if k == 1:
        return "wrangler.toml", 'name = "%s"\nmain = "src/index.ts"\ncompatibility_date = "2025-05-01"\n\n' % repo.name + r_toml(c, items, table="vars")
    if k == 2:
        return "fly.toml", 'app = "%s"\nprimary_region = "fra"\n\n' % repo.name + r_toml(c, items, table="env")
    return "config/%s.toml" % g.pick(["production", "default", "local"]), r_toml(c, items, table=g.pick(["app", "secrets", "server", "integrations"]))


def rt_ini(c, repo):
    g = c.g
    k = g.int(0, 5)
    if k == 0:
        return "alembic.ini", "[alembic]\nscript_location = migrations\nsqlalchemy.url = %s\n\n[loggers]\nkeys = root,sqlalchemy,alembic\n" % c.S(g.pick(["sqlalchemy-uri", "postgres-uri"]))
    if k == 1:
        return g.pick(["my.cnf", ".my.cnf", "docker/mysql/my.cnf"]), "[client]\nuser=%s\npassword=%s\nhost=%s\n\n[mysqld]\nbind-address=0.0.0.0\n" % (db_user(g), c.S("database-password"), rds_host(g, "mysql"))
    if k == 2:
        return ".s3cfg", "[default]\naccess_key = %s\nsecret_key = %s\nhost_base = s3.amazonaws.com\nuse_https = True\n" % (c.S("aws-access-key-id"), c.S("aws-secret-access-key"))
    if k == 3:
        return "supervisord.conf", "[program:worker]\ncommand=/app/.venv/bin/celery -A app worker\nenvironment=%s,LOG_LEVEL=\"info\"\nautorestart=true\n" % ",".join('%s="%s"' % (nm(it.name, "env"), it.v) for it in c.mix(g.int(1, 3), 1, 1, bad='"') if not it.multiline)
    if k == 4:
        return "rclone.conf", "[remote]\ntype = s3\nprovider = Wasabi\naccess_key_id = %s\nsecret_access_key = %s\nendpoint = s3.wasabisys.com\n" % (c.N("key-identifier", g.uan(20), "wasabi-access-key-id"), c.S("wasabi-secret-key"))
    items = c.mix(g.int(1, 3), g.int(1, 3), g.int(1, 3))
    return "config/%s.ini" % g.pick(["app", "production", "settings"]), r_ini(c, items, section=g.pick(["app", "default", "secrets", "database"]))


def rt_properties(c, repo):
    g = c.g
    if g.chance(0.4):
        return g.pick(["config/client.properties", "kafka/producer.properties"]), """bootstrap.servers=%s.%s.confluent.cloud:9092
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="%s" password="%s";
schema.registry.url=https://psrc-%s.us-east-2.aws.confluent.cloud
basic.auth.user.info=%s:%s
""" % (g.pick(["pkc-4r087", "pkc-lzvrd"]), g.pick(["us-west4.gcp", "eu-west-1.aws"]), g.uan(16), c.S("kafka-sasl-password", g.s(AN + "+/", 64)), g.lan(5), g.uan(16), c.S("generic-secret", g.s(AN + "+/", 64)))
    items = c.mix(g.int(1, 4), g.int(1, 3), g.int(2, 4))
    return g.pick(["src/main/resources/config.properties", "conf/app.properties", "hibernate.properties"]), r_props(c, items, prefix=g.pick(["", "app", repo.name.split("-")[0]]))


def rt_struct_configs(c, repo):
    g = c.g
    items = c.mix(g.int(1, 3), g.int(1, 3), g.int(1, 3))
    k = g.int(0, 5)
    if k == 0:
        return "nix/%s.nix" % repo.name, r_nix(c, items)
    if k == 1:
        return "config/prod.dhall", r_dhall(c, items)
    if k == 2:
        return "deploy/config.cue", r_cue(c, items)
    if k == 3:
        return "config/runtime.json5", r_json5(c, items)
    if k == 4:
        return "Config/Secrets.plist", r_plist(c, items)
    return "deploy/nomad/%s.hcl" % repo.name, 'job "%s" {\n  group "app" {\n    task "server" {\n      driver = "docker"\n      env {\n%s      }\n    }\n  }\n}\n' % (repo.name, "".join('        %s = "%s"\n' % (nm(it.name, "env"), it.v) for it in items if not it.multiline))


def rt_xml_misc(c, repo):
    g = c.g
    k = g.int(0, 3)
    if k == 0:
        return "app/src/main/AndroidManifest.xml", """<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <application android:label="@string/app_name">
        <meta-data android:name="com.google.android.geo.API_KEY" android:value="%s" />
        <meta-data android:name="io.sentry.dsn" android:value="%s" />
        <meta-data android:name="com.%s.API_SECRET" android:value="%s" />
    </application>
</manifest>
""" % (c.N("publishable-key", "AIzaSy" + g.b64u(33), "maps-android", True), c.N("publishable-key", "https://%s@o%s.ingest.sentry.io/%s" % (g.hex(32), g.dig(6), g.dig(7)), "sentry-dsn", True), g.word(), c.S(g.pick(["generic-secret", "generic-api-key", "algolia-admin-key"])))
    if k == 1:
        return "app/src/main/res/values/secrets.xml", '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n    <string name="google_api_key" translatable="false">%s</string>\n    <string name="facebook_app_id">%s</string>\n    <string name="facebook_client_token">%s</string>\n    <string name="%s">%s</string>\n</resources>\n' % (
            c.N("publishable-key", "AIzaSy" + g.b64u(33), "firebase-android", True), c.N("client-id", g.dig(16), "facebook"), c.N("publishable-key", g.hex(32), "facebook-client-token", True), *(lambda it: (nm(it.name, "snake"), _xml_v(c, it)))(c.secret(kinds=("tok", "ctx"))))
    if k == 2:
        return "src/main/webapp/META-INF/context.xml", '<Context>\n  <Resource name="jdbc/app" auth="Container" type="javax.sql.DataSource"\n            username="%s" password="%s"\n            driverClassName="org.postgresql.Driver" url="%s"/>\n</Context>\n' % (db_user(g), _xml_v(c, c.secret(fmt="database-password")), c.N("conn-no-credentials", "jdbc:postgresql://db:5432/app", "jdbc"))
    items = c.mix(g.int(1, 3), g.int(1, 2), g.int(1, 2))
    return "config/app-config.xml", '<?xml version="1.0"?>\n<config>\n%s</config>\n' % r_xml_elems(c, items, 2)


def rt_google_services(c, repo):
    g = c.g
    pn = g.dig(12)
    pid = "%s-%s" % (g.word(), g.lan(5))
    if g.chance(0.6):
        obj = {"project_info": {"project_number": c.N("resource-id", pn, "gcp-project-number"), "project_id": pid, "storage_bucket": "%s.appspot.com" % pid},
               "client": [{"client_info": {"mobilesdk_app_id": "1:%s:android:%s" % (pn, g.hex(22)), "android_client_info": {"package_name": "com.%s.app" % g.word()}},
                           "oauth_client": [{"client_id": c.N("client-id", "%s-%s.apps.googleusercontent.com" % (pn, g.lan(32)), "google"), "client_type": 3}],
                           "api_key": [{"current_key": c.N("publishable-key", "AIzaSy" + g.b64u(33), "firebase-android", True)}]}], "configuration_version": "1"}
        return "android/app/google-services.json", jdump(obj, indent=2)
    return "web/src/firebase.ts", """import { initializeApp } from "firebase/app";

const firebaseConfig = {
  apiKey: "%s",
  authDomain: "%s.firebaseapp.com",
  projectId: "%s",
  storageBucket: "%s.appspot.com",
  messagingSenderId: "%s",
  appId: "1:%s:web:%s",
  measurementId: "G-%s",
};

export const app = initializeApp(firebaseConfig);
""" % (c.N("publishable-key", "AIzaSy" + g.b64u(33), "firebase-web", True), pid, pid, pid, pn, pn, g.hex(22), g.uan(10))


def rt_sa_json(c, repo):
    g = c.g
    pid = "%s-%s-%d" % (g.word(), g.pick(["prod", "data", "ml"]), g.int(100000, 999999))
    sa = g.pick(["deployer", "bq-loader", "terraform", "firebase-adminsdk-" + g.lan(5)])
    obj = {"type": "service_account", "project_id": pid, "private_key_id": c.N("key-identifier", g.hex(40), "gcp-private-key-id", True),
           "private_key": c.S("gcp-service-account-private-key"), "client_email": "%s@%s.iam.gserviceaccount.com" % (sa, pid), "client_id": c.N("client-id", g.dig(21), "gcp-sa"),
           "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
           "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs", "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s%%40%s.iam.gserviceaccount.com" % (sa, pid), "universe_domain": "googleapis.com"}
    return g.pick(["credentials/service-account.json", "gcp-key.json", "%s-%s.json" % (pid, g.hex(12)), "secrets/firebase-admin.json"]), jdump(obj, indent=2)


def jwk_obj(c):
    g = c.g
    if g.chance(0.5):
        return {"kty": "EC", "crv": "P-256", "kid": c.N("key-identifier", g.b64u(22), "jwks-kid"), "use": "sig", "x": c.N("public-key", b64u_np(g.rb(32)), "jwk-x"), "y": c.N("public-key", b64u_np(g.rb(32)), "jwk-y"), "d": c.S("jwk-private-key", b64u_np(g.rb(32)))}
    return {"kty": "RSA", "kid": c.N("key-identifier", g.b64u(22), "jwks-kid"), "use": "sig", "alg": "RS256", "n": c.N("public-key", b64u_np(g.rb(256)), "jwk-n"), "e": "AQAB", "d": c.S("jwk-private-key", b64u_np(g.rb(256))),
            "p": c.S("jwk-private-key", b64u_np(g.rb(128))), "q": c.S("jwk-private-key", b64u_np(g.rb(128)))}


def rt_secret_file(c, repo):
    g = c.g
    k = g.int(0, 9)
    if k == 0:
        return "secrets/%s" % g.pick(["db_password", "postgres_password", "redis_password"]), c.S("database-password") + "\n"
    if k == 1:
        it = c.secret(kinds=("tok",))
        return g.pick(["secrets/api_token", "api_key.txt", "config/token", ".secrets/%s" % nm(it.name, "snake")]), it.v + "\n"
    if k == 2:
        return ".git-credentials", "\n".join(c.S("git-credentials-url") for _ in range(g.int(1, 3))) + "\n"
    if k == 3:
        it = c.pem_secret()
        return g.pick(["deploy/id_rsa", "certs/server.key", "keys/private.pem", "config/jwt/private.pem", "AuthKey_%s.p8" % g.uan(10)]), it.v + "\n"
    if k == 4:
        return ".netrc", "machine %s\n  login %s\n  password %s\n" % (g.pick(["api.heroku.com", "github.com", "gitlab.example.com"]), g.word(), c.S(g.pick(["heroku-api-key", "github-pat", "gitlab-pat"])))
    if k == 5:
        return "client_secret.json", jdump({"installed": {"client_id": c.N("client-id", "%s-%s.apps.googleusercontent.com" % (g.dig(12), g.lan(32)), "google"), "project_id": g.word() + "-" + g.dig(6),
                                                          "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
                                                          "client_secret": c.S("gcp-oauth-client-secret"), "redirect_uris": ["http://localhost"]}})
    if k == 6:
        pub = bech32("age", g.rb(32))
        return "keys.txt", "# created: %s\n# public key: %s\n%s\n" % (g.iso()[:19] + "+02:00", c.N("public-key", pub, "age"), c.S("age-secret-key"))
    if k == 7:
        crt = cert_pem(g)
        key = c.pem_secret(fmt=g.pick(["rsa-private-key", "ec-private-key", "pkcs8-private-key"]))
        return "certs/%s.pem" % g.pick(["fullchain-and-key", "bundle", "client"]), c.N("certificate", crt, "pem") + "\n" + key.v + "\n"
    if k == 8:
        return g.pick(["keys/signing-jwk.json", "config/jwk.private.json"]), jdump(jwk_obj(c), indent=2)
    return ".pgpass", "\n".join("%s:5432:%s:%s:%s" % (rds_host(g), db_name(g), db_user(g), c.S("pgpass-password", human_pw(g).replace(":", "").replace("\\", ""))) for _ in range(g.int(1, 3))) + "\n"


def rt_code_module(c, repo):
    g = c.g
    lang = g.pick(repo.langs) if g.chance(0.7) else g.pick(list(LANG_EXT))
    bad = LANG_BAD.get(lang, "") + '"\\'
    items = c.mix(g.int(2, 5), g.int(1, 4), g.int(1, 4), bad=bad)
    if g.chance(0.2) and lang not in ("hs", "ex", "php", "r", "pl", "ps1", "groovy", "kt", "scala", "dart", "c", "cpp"):
        items.append(c.pem_secret())
    d = {"py": "%s/config.py", "js": "src/config.js", "ts": "src/config/%s.ts", "go": "internal/config/%s.go", "java": "src/main/java/com/acme/%s/Secrets.java",
         "kt": "app/src/main/java/com/acme/%s/Config.kt", "cs": "src/%s/Defaults.cs", "rb": "config/initializers/%s.rb", "php": "config/%s.php", "rs": "src/config/%s.rs",
         "swift": "Sources/%s/Keys.swift", "scala": "src/main/scala/%s/Settings.scala", "c": "include/%s_config.h", "cpp": "src/%s/config.hpp", "sh": "scripts/env-%s.sh",
         "ps1": "scripts/Set-%sEnv.ps1", "lua": "lua/%s/config.lua", "r": "R/%s_keys.R", "pl": "lib/%s/Config.pm", "ex": "config/%s.exs", "dart": "lib/%s_config.dart",
         "groovy": "vars/%sConfig.groovy", "hs": "src/%s/Config.hs"}[lang]
    svc = g.word()
    path = d % svc if "%s" in d else d
    return path, code_module(c, lang, items, svc)


def _tok(c, bad=""):
    return c.secret(kinds=("tok",), pred=api_tok, bad=bad + "'\"\\`$")


def rt_code_client(c, repo):
    g = c.g
    lang = g.pick(repo.langs) if g.chance(0.7) else g.pick(["py", "js", "ts", "go", "java", "cs", "rb", "php", "rs", "swift", "kt", "sh", "ps1", "ex", "dart", "scala", "c", "lua", "r", "pl"])
    k = g.int(0, 3)
    if lang == "py":
        if k == 0:
            a, s = c.secret(fmt="aws-access-key-id"), c.secret(fmt="aws-secret-access-key")
            return "%s/storage.py" % repo.name.split("-")[0], 'import boto3\n\ns3 = boto3.client(\n    "s3",\n    region_name="%s",\n    aws_access_key_id="%s",\n    aws_secret_access_key="%s",\n)\n\n\ndef upload(path, key):\n    s3.upload_file(path, "%s-uploads", key)\n' % (g.pick(["us-east-1", "eu-west-1"]), a.v, s.v, repo.name)
        if k == 1:
            it = c.secret(fmt=g.pick(["openai-project-key", "anthropic-api-key", "groq-api-key", "mistral-api-key", "openrouter-api-key", "together-api-key", "xai-api-key", "deepseek-api-key"]))
            cls = {"openai": "OpenAI", "anthropic": "Anthropic", "groq": "Groq", "mistral": "Mistral"}.get(it.fmt.split("-")[0], "OpenAI")
            base = "" if cls != "OpenAI" or it.fmt.startswith("openai") else ', base_url="https://%s/v1"' % api_host(it.fmt)
            return "app/llm.py", 'from %s import %s\n\nclient = %s(api_key="%s"%s)\n\n\ndef summarize(text: str) -> str:\n    resp = client.chat.completions.create(\n        model="%s",\n        messages=[{"role": "user", "content": f"Summarize:\\n{text}"}],\n    )\n    return resp.choices[0].message.content\n' % (
                cls.lower() if cls != "Mistral" else "mistralai", cls, cls, it.v, base, g.pick(["gpt-4.1-mini", "llama-3.3-70b", "mistral-small-latest"]))
        if k == 2:
            it = _tok(c)
            return "app/integrations/%s.py" % g.word(), 'import requests\n\nAPI_TOKEN = "%s"\nSESSION = requests.Session()\nSESSION.headers.update({"Authorization": f"Bearer {API_TOKEN}", "User-Agent": "%s/1.0"})\n\n\ndef get(path, **params):\n    r = SESSION.get(f"https://%s{path}", params=params, timeout=15)\n    r.raise_for_status()\n    return r.json()\n' % (it.v, repo.name, api_host(it.fmt))
        pw = c.secret(fmt="database-password", bad="'\"\\{}")
        return "app/db.py", 'import psycopg\n\nDB_PASSWORD = "%s"\nDSN = f"postgresql://app:{DB_PASSWORD}@%s:5432/%s"\n\n\ndef connect():\n    return psycopg.connect(DSN, connect_timeout=5)\n' % (pw.v, rds_host(g), db_name(g))
    if lang in ("js", "ts"):
        if k == 0:
            it = c.secret(fmt=g.pick(["stripe-secret-key-live", "stripe-secret-key-test", "stripe-restricted-key-live"]))
            return "src/lib/stripe.%s" % lang, 'import Stripe from "stripe";\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "%s", {\n  apiVersion: "2024-06-20",\n});\n' % it.v
        if k == 1:
            a, s = c.secret(fmt="aws-access-key-id"), c.secret(fmt="aws-secret-access-key")
            return "src/aws.%s" % lang, 'import { S3Client } from "@aws-sdk/client-s3";\n\nexport const s3 = new S3Client({\n  region: "eu-west-1",\n  credentials: {\n    accessKeyId: "%s",\n    secretAccessKey: "%s",\n  },\n});\n' % (a.v, s.v)
        if k == 2:
            it = _tok(c)
            return "src/api/client.%s" % lang, "import axios from 'axios';\n\nconst token = '%s';\n\nexport const api = axios.create({\n  baseURL: 'https://%s',\n  headers: { Authorization: `Bearer ${token}` },\n  timeout: 10_000,\n});\n" % (it.v, api_host(it.fmt))
        u = c.secret(kinds=("uri",), pred=lambda f: f.family == "database", bad="'`")
        return "src/db.%s" % lang, "import { Pool } from 'pg';\n\nexport const pool = new Pool({\n  connectionString: '%s',\n  max: 10,\n  idleTimeoutMillis: 30_000,\n});\n" % u.v
    if lang == "go":
        if k <= 1:
            it = _tok(c)
            return "internal/%s/client.go" % g.word(), 'package client\n\nimport "net/http"\n\nconst apiToken = "%s"\n\nfunc newRequest(method, url string) (*http.Request, error) {\n\treq, err := http.NewRequest(method, url, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treq.Header.Set("Authorization", "Bearer "+apiToken)\n\treturn req, nil\n}\n' % it.v
        if k == 2:
            dsn = c.secret(fmt="libpq-connection-string", bad='"`')
            return "internal/store/db.go", 'package store\n\nimport (\n\t"database/sql"\n\n\t_ "github.com/lib/pq"\n)\n\nfunc Open() (*sql.DB, error) {\n\treturn sql.Open("postgres", "%s")\n}\n' % dsn.v
        a, s = c.secret(fmt="aws-access-key-id"), c.secret(fmt="aws-secret-access-key")
        return "internal/aws/creds.go", 'package aws\n\nimport "github.com/aws/aws-sdk-go-v2/credentials"\n\nvar provider = credentials.NewStaticCredentialsProvider("%s", "%s", "")\n' % (a.v, s.v)
    if lang in ("java", "kt", "groovy"):
        pw = c.secret(fmt="database-password", bad='"\\$')
        it = _tok(c)
        return "src/main/java/com/acme/%s/Client.java" % g.word(), """package com.acme.integration;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;

public class Client {
    private static final String URL = "jdbc:postgresql://%s:5432/%s";

    public Connection connect() throws Exception {
        return DriverManager.getConnection(URL, "%s", "%s");
    }

    public HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("https://%s" + path))
            .header("Authorization", "Bearer %s")
            .build();
    }
}
""" % (rds_host(g), db_name(g), db_user(g), pw.v, api_host(it.fmt), it.v)
    if lang in ("cs", "ps1") and lang == "cs":
        cs = c.secret(fmt="mssql-connection-string", bad='"')
        it = _tok(c)
        return "src/Infrastructure/Clients.cs", """using System.Data.SqlClient;
using System.Net.Http.Headers;

public static class Clients
{
    public static SqlConnection Db() => new SqlConnection("%s");

    public static HttpClient Api()
    {
        var http = new HttpClient { BaseAddress = new Uri("https://%s") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "%s");
        return http;
    }
}
""" % (cs.v, api_host(it.fmt), it.v)
    if lang == "ps1":
        pw = c.secret(fmt="generic-password", bad="'\"$`")
        it = _tok(c)
        return "scripts/deploy.ps1", """param([string]$Environment = "prod")

$password = ConvertTo-SecureString '%s' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ('svc-deploy', $password)
$headers = @{ Authorization = 'Bearer %s' }
Invoke-RestMethod -Uri "https://%s/v1/deploy/$Environment" -Method Post -Headers $headers
Enter-PSSession -ComputerName %s -Credential $cred
""" % (pw.v, it.v, api_host(it.fmt), c.N("network-address", g.ip_private(), "host"))
    if lang == "rb":
        it = c.secret(fmt=g.pick(["stripe-secret-key-live", "github-pat", "slack-bot-token", "shopify-access-token"]), bad="'")
        return "config/initializers/%s.rb" % it.fmt.split("-")[0], {"stripe": "Stripe.api_key = '%s'\n", "github": "OCTOKIT = Octokit::Client.new(access_token: '%s')\n",
                                                                    "slack": "SLACK = Slack::Web::Client.new(token: '%s')\n", "shopify": "ShopifyAPI::Context.setup(api_key: ENV['SHOPIFY_KEY'], api_secret_key: ENV['SHOPIFY_SECRET'], access_token: '%s', host: 'https://app.example.com', is_embedded: false, api_version: '2024-07')\n"}[it.fmt.split("-")[0]] % it.v
    if lang == "php":
        pw = c.secret(fmt="database-password", bad="'\\$")
        it = c.secret(fmt=g.pick(["stripe-secret-key-live", "mailgun-api-key", "sendgrid-api-key"]))
        return "src/bootstrap.php", "<?php\n\n$pdo = new PDO('mysql:host=%s;dbname=%s;charset=utf8mb4', '%s', '%s');\n\\Stripe\\Stripe::setApiKey('%s');\n" % (g.pick(["db", "127.0.0.1", "mysql"]), db_name(g), db_user(g), pw.v, it.v)
    if lang == "rs":
        it = _tok(c)
        u = c.secret(kinds=("uri",), pred=lambda f: f.name in ("postgres-uri", "mysql-uri", "redis-uri"), bad='"')
        return "src/clients.rs", 'use reqwest::Client;\nuse sqlx::postgres::PgPoolOptions;\n\nconst TOKEN: &str = "%s";\n\npub async fn pool() -> sqlx::Result<sqlx::PgPool> {\n    PgPoolOptions::new().max_connections(5).connect("%s").await\n}\n\npub fn http() -> reqwest::RequestBuilder {\n    Client::new().get("https://%s/v1/me").bearer_auth(TOKEN)\n}\n' % (it.v, u.v, api_host(it.fmt))
    if lang == "swift":
        it = _tok(c)
        return "Sources/App/APIClient.swift", 'import Foundation\n\nfinal class APIClient {\n    private let token = "%s"\n    let stripeKey = "%s"\n\n    func request(_ path: String) -> URLRequest {\n        var req = URLRequest(url: URL(string: "https://%s" + path)!)\n        req.setValue("Bearer \\(token)", forHTTPHeaderField: "Authorization")\n        return req\n    }\n}\n' % (it.v, c.N("publishable-key", "pk_live_" + g.an(24), "stripe-pk", True), api_host(it.fmt))
    if lang == "sh":
        it = _tok(c)
        pw = c.secret(fmt="database-password", bad="'\"$`\\")
        return "scripts/%s.sh" % g.pick(["deploy", "bootstrap", "release", "backup"]), """#!/usr/bin/env bash
set -euo pipefail

echo "%s" | docker login ghcr.io -u %s --password-stdin
PGPASSWORD='%s' pg_dump -h %s -U %s %s | gzip > /backups/$(date +%%F).sql.gz

cat > /etc/%s/env <<EOF
%s=%s
LOG_LEVEL=info
EOF

curl -fsS -H "%s" https://%s/v1/deployments -d '{"ref":"main"}'
""" % (c.S("github-pat"), g.word(), pw.v, rds_host(g), db_user(g), db_name(g), repo.name, nm(it.name, "env"), it.v, auth_header(_tok(c)), g.pick(["api.internal", "deploy.acme.io"]))
    if lang == "ex":
        pw = c.secret(fmt="database-password", bad='"#\\')
        it = _tok(c, bad="#")
        return "config/runtime.exs", 'import Config\n\nconfig :%s, %s.Repo,\n  username: "%s",\n  password: "%s",\n  hostname: "%s",\n  pool_size: 10\n\nconfig :%s, :api_token, "%s"\n' % (repo.name.replace("-", "_"), repo.name.split("-")[0].capitalize(), db_user(g), pw.v, rds_host(g), repo.name.replace("-", "_"), it.v)
    if lang in ("c", "cpp"):
        pw = c.secret(fmt="generic-password", bad='"\\:')
        user = g.word()
        return "src/http_client.c", '#include <curl/curl.h>\n\nint fetch(const char *url) {\n    CURL *curl = curl_easy_init();\n    struct curl_slist *h = NULL;\n    h = curl_slist_append(h, "Authorization: Bearer %s");\n    curl_easy_setopt(curl, CURLOPT_URL, url);\n    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h);\n    curl_easy_setopt(curl, CURLOPT_USERPWD, "%s:%s");\n    return curl_easy_perform(curl);\n}\n' % (_tok(c).v, user, pw.v)
    it = _tok(c)
    snip = {"dart": "final headers = {'Authorization': 'Bearer %s'};\n", "scala": 'val token = "%s"\nval req = basicRequest.get(uri"https://api.example.com/v1/me").auth.bearer(token)\n',
            "lua": 'ngx.req.set_header("Authorization", "Bearer %s")\n', "r": 'Sys.setenv(API_TOKEN = "%s")\nres <- httr::GET(url, httr::add_headers(Authorization = paste("Bearer", Sys.getenv("API_TOKEN"))))\n',
            "pl": "my $ua = LWP::UserAgent->new;\n$ua->default_header('Authorization' => 'Bearer %s');\n", "kt": 'val request = Request.Builder().url(url).header("Authorization", "Bearer %s").build()\n'}
    lang2 = lang if lang in snip else g.pick(sorted(snip))
    return "src/api_client.%s" % LANG_EXT[lang2], snip[lang2] % it.v


def rt_code_test(c, repo):
    g = c.g
    vecs = [test_vector(g) for _ in range(g.int(1, 3))]
    fakes = [fake_test_value(g) for _ in range(g.int(0, 2))]
    real = [c.secret(kinds=("tok",), bad="'\"\\") for _ in range(g.int(0, 2))]
    if g.chance(0.5):
        lines = ['"""Fixtures for the %s tests."""' % g.word(), "import os", "import pytest", ""]
        for n, v, sub in vecs:
            lines.append('%s = bytes.fromhex("%s")' % (n, c.N("crypto-test-vector", v, sub)) if re.fullmatch("[0-9a-f]+", v) else '%s = "%s"' % (n, c.N("crypto-test-vector", v, sub)))
        for n, v, sub in fakes:
            lines.append('FAKE_%s = "%s"' % (n, c.N("fake-test-value", v, sub, True)))
        lines += ["", "", "@pytest.fixture(autouse=True)", "def env(monkeypatch):"]
        for it in real:
            lines.append('    monkeypatch.setenv("%s", "%s")' % (nm(it.name, "env"), it.v))
        lines.append('    monkeypatch.setenv("APP_ENV", "test")')
        return "tests/conftest.py", "\n".join(lines) + "\n"
    lines = ["import { describe, it, expect } from 'vitest';", "import { sign, verify } from '../src/crypto';", ""]
    for n, v, sub in vecs:
        lines.append("const %s = '%s';" % (nm(n, "camel"), c.N("crypto-test-vector", v, sub)))
    for n, v, sub in fakes:
        lines.append("const fake%s = '%s';" % (nm(n, "pascal"), c.N("fake-test-value", v, sub, True)))
    for it in real:
        lines.append("process.env.%s = '%s';" % (nm(it.name, "env"), it.v))
    lines += ["", "describe('signatures', () => {", "  it('round-trips', () => {", "    expect(verify(sign('payload', %s), %s)).toBe(true);" % (nm(vecs[0][0], "camel"), nm(vecs[0][0], "camel")), "  });", "});"]
    return "test/%s.test.ts" % g.word(), "\n".join(lines) + "\n"


def code_block_lang(c):
    g = c.g
    k = g.int(0, 3)
    items = c.mix(g.int(0, 2), g.int(1, 3), g.int(0, 2), bad="`")
    if k == 0:
        return "bash", "\n".join("export %s=%s" % (nm(it.name, "env"), q_env(it, g)) for it in items if not it.multiline)
    if k == 1:
        return "yaml", r_yaml(c, items).rstrip("\n")
    if k == 2:
        return "env", r_dotenv(c, items).rstrip("\n")
    it = c.secret(kinds=("tok",), pred=api_tok, bad="'")
    return "bash", "curl https://%s/v1/%s \\\n  -H '%s' \\\n  -H 'Content-Type: application/json'" % (api_host(it.fmt), g.pick(["models", "me", "projects"]), auth_header(it))


def rt_markdown(c, repo):
    g = c.g
    rows = []
    for _ in range(g.int(2, 5)):
        if g.chance(0.7):
            n = c.neg(cls=g.pick(["placeholder", "placeholder", "example-key", "masked", "env-ref"]))
        else:
            n = c.secret(kinds=("tok",), bad="|`")
        rows.append("| `%s` | %s | `%s` |" % (nm(n.name, "env"), g.pick(["API credential", "used by the worker", "required in prod", "optional"]), n.v))
    l1, b1 = code_block_lang(c)
    l2, b2 = code_block_lang(c)
    trouble = ""
    if g.chance(0.4):
        it = c.secret(kinds=("uri",), bad="`")
        trouble = "\n## Troubleshooting\n\nIf migrations fail with `password authentication failed`, check that the URL looks like\n`%s` and that the VPN is up.\n" % it.v
    return g.pick(["README.md", "docs/setup.md", "docs/deployment.md", "CONTRIBUTING.md", "docs/runbooks/%s.md" % g.word()]), """# %s

%s

## Configuration

Copy `.env.example` to `.env`, then set:

| Variable | Purpose | Example |
|---|---|---|
%s

```%s
%s
```

## Local development

```%s
%s
```
%s""" % (repo.name, g.pick(["Internal service for billing events.", "Gateway between the mobile app and the core API.", "Nightly ETL jobs.", "Slack bot for on-call rotations."]), "\n".join(rows), l1, b1, l2, b2, trouble)


def rt_rst_adoc(c, repo):
    g = c.g
    lang, body = code_block_lang(c)
    if g.chance(0.5):
        return "docs/%s.rst" % g.pick(["configuration", "install", "ops"]), "Configuration\n=============\n\nThe service reads its settings from the environment.\n\n.. code-block:: %s\n\n%s\n\n.. note::\n   Never commit real credentials; see :doc:`secrets`.\n" % (lang, indent(body, 3))
    return "docs/%s.adoc" % g.pick(["configuration", "install", "ops"]), "= %s operations guide\n:toc:\n\n== Configuration\n\n[source,%s]\n----\n%s\n----\n\nNOTE: rotate keys every 90 days.\n" % (repo.name, lang, body)


def rt_notebook(c, repo):
    g = c.g
    it = c.secret(kinds=("tok", "ctx"), bad='"\\')
    u = c.secret(kinds=("uri",), pred=lambda f: f.family == "database", bad='"\\')
    n = c.neg()
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# %s analysis\n" % g.word().capitalize(), "Pulls data from the warehouse and the %s API." % g.word()]},
             {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
              "source": ["import os\n", "import pandas as pd\n", "from sqlalchemy import create_engine\n", "\n", 'os.environ["%s"] = "%s"\n' % (nm(it.name, "env"), it.v), 'engine = create_engine("%s")' % u.v]},
             {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [{"name": "stdout", "output_type": "stream", "text": ["%s = %s\n" % (nm(n.name, "snake"), n.v), "rows: %d\n" % g.int(100, 99999)]}],
              "source": ['print("%s =", CONFIG["%s"])\n' % (nm(n.name, "snake"), nm(n.name, "snake")), 'print("rows:", len(df))']},
             {"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [{"data": {"image/png": c.N("base64-blob", png_b64(g, g.int(300, 900)), "notebook-png"), "text/plain": ["<Figure size 640x480 with 1 Axes>"]}, "metadata": {}, "output_type": "display_data"}],
              "source": ["df.plot()"]}]
    obj = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}, "language_info": {"name": "python", "version": "3.12.%d" % g.int(0, 8)}}, "nbformat": 4, "nbformat_minor": 5}
    return "notebooks/%s.ipynb" % g.pick(["explore", "churn", "eda", "weekly_report", "backfill"]), jdump(obj, indent=1)


NPM_PKGS = ["lodash", "express", "react", "react-dom", "axios", "zod", "dotenv", "pg", "debug", "ms", "chalk", "commander", "uuid", "semver", "yaml", "jsonwebtoken", "ws", "tslib", "@types/node", "typescript", "vite", "esbuild", "undici", "cookie", "qs"]
PY_PKGS = ["requests", "urllib3", "idna", "certifi", "charset-normalizer", "pydantic", "pydantic-core", "httpx", "anyio", "sniffio", "sqlalchemy", "psycopg", "boto3", "botocore", "numpy", "pandas", "fastapi", "starlette", "uvicorn", "click"]
GO_MODS = ["github.com/google/uuid", "golang.org/x/sys", "golang.org/x/net", "github.com/stretchr/testify", "go.uber.org/zap", "github.com/spf13/cobra", "github.com/lib/pq", "google.golang.org/grpc", "github.com/aws/aws-sdk-go-v2"]


def rt_lockfile(c, repo):
    g = c.g
    k = g.int(0, 7)
    if k == 0:
        pk = {"": {"name": repo.name, "version": "1.0.0", "dependencies": {}}}
        for p in g.sample(NPM_PKGS, g.int(6, 14)):
            v = "%d.%d.%d" % (g.int(0, 9), g.int(0, 30), g.int(0, 20))
            pk["node_modules/" + p] = {"version": v, "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz" % (p, p.split("/")[-1], v), "integrity": c.N("sri-integrity", "sha512-" + b64s(g.rb(64)), "npm")}
        return "package-lock.json", jdump({"name": repo.name, "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": pk}, indent=2)
    if k == 1:
        out = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""]
        for p in g.sample(NPM_PKGS, g.int(6, 14)):
            v = "%d.%d.%d" % (g.int(0, 9), g.int(0, 30), g.int(0, 20))
            out += ['"%s@^%s":' % (p, v), '  version "%s"' % v, '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (p, p.split("/")[-1], v, c.N("file-digest", g.hex(40), "yarn-sha1")),
                    "  integrity %s" % c.N("sri-integrity", "sha512-" + b64s(g.rb(64)), "yarn"), ""]
        return "yarn.lock", "\n".join(out)
    if k == 2:
        out = []
        for p in g.sample(PY_PKGS, g.int(5, 10)):
            v = "%d.%d.%d" % (g.int(0, 5), g.int(0, 30), g.int(0, 9))
            out.append('[[package]]\nname = "%s"\nversion = "%s"\ndescription = ""\noptional = false\npython-versions = ">=3.9"\nfiles = [\n    {file = "%s-%s-py3-none-any.whl", hash = "sha256:%s"},\n    {file = "%s-%s.tar.gz", hash = "sha256:%s"},\n]\n' % (
                p, v, p.replace("-", "_"), v, c.N("sri-integrity", g.hex(64), "poetry"), p, v, c.N("sri-integrity", g.hex(64), "poetry")))
        out.append('[metadata]\nlock-version = "2.1"\npython-versions = "^3.11"\ncontent-hash = "%s"\n' % c.N("file-digest", g.hex(64), "content-hash"))
        return "poetry.lock", "\n".join(out)
    if k == 3:
        out = []
        for m in g.sample(GO_MODS, g.int(4, 8)):
            v = "v%d.%d.%d" % (g.int(0, 2), g.int(0, 40), g.int(0, 9))
            out.append("%s %s h1:%s" % (m, v, c.N("sri-integrity", b64s(g.rb(32)), "go-sum")))
            out.append("%s %s/go.mod h1:%s" % (m, v, c.N("sri-integrity", b64s(g.rb(32)), "go-sum")))
        return "go.sum", "\n".join(out) + "\n"
    if k == 4:
        out = ["# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.", "version = 4", ""]
        for p in g.sample(["serde", "tokio", "anyhow", "thiserror", "reqwest", "clap", "tracing", "bytes", "hyper", "rand"], g.int(4, 8)):
            out.append('[[package]]\nname = "%s"\nversion = "%d.%d.%d"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "%s"\n' % (p, g.int(0, 2), g.int(0, 40), g.int(0, 9), c.N("sri-integrity", g.hex(64), "cargo")))
        return "Cargo.lock", "\n".join(out)
    if k == 5:
        lines = []
        if g.chance(0.45):
            lines.append("--extra-index-url %s" % c.S("package-index-url-with-credentials"))
        for p in g.sample(PY_PKGS, g.int(4, 9)):
            lines.append("%s==%d.%d.%d \\\n    --hash=sha256:%s \\\n    --hash=sha256:%s" % (p, g.int(0, 5), g.int(0, 30), g.int(0, 9), c.N("sri-integrity", g.hex(64), "pip"), c.N("sri-integrity", g.hex(64), "pip")))
        return "requirements.txt", "\n".join(lines) + "\n"
    if k == 6:
        nodes = {}
        for n in ["nixpkgs", "flake-utils", "rust-overlay"]:
            nodes[n] = {"locked": {"lastModified": g.ts(), "narHash": c.N("sri-integrity", "sha256-" + b64s(g.rb(32)), "nix"), "owner": g.word(), "repo": n, "rev": c.N("git-sha", g.hex(40), "flake-rev"), "type": "github"}, "original": {"owner": g.word(), "repo": n, "type": "github"}}
        return "flake.lock", jdump({"nodes": nodes, "root": "root", "version": 7}, indent=2)
    out = []
    for f in ["%s_%s_linux_amd64.tar.gz", "%s_%s_darwin_arm64.tar.gz", "%s_%s_windows_amd64.zip", "%s_%s_checksums.txt.sig"]:
        out.append("%s  %s" % (c.N("file-digest", g.hex(64), "sha256sums"), f % (repo.name, "1.%d.%d" % (g.int(0, 20), g.int(0, 9)))))
    return g.pick(["SHA256SUMS", "dist/checksums.txt"]), "\n".join(out) + "\n"


def rt_sql(c, repo):
    g = c.g
    rows = []
    for i in range(g.int(1, 3)):
        rows.append("  ('%s', '%s', '%s')" % (c.N("client-id", g.an(32), "oauth-client"), c.S(g.pick(["generic-secret", "auth0-client-secret", "keycloak-client-secret"])), g.pick(["https://app.%s.io/callback" % g.word(), "http://localhost:3000/auth"])))
    users = []
    for i in range(g.int(2, 4)):
        sub, h = pw_hash(g)
        users.append("  (%d, '%s@%s.io', '%s')" % (i + 1, g.word(), g.word(), c.N("password-hash", h, sub, True)))
    ws = ""
    if g.chance(0.6):
        ws = "\nINSERT INTO webhooks (url, secret) VALUES ('%s', '%s');\n" % (c.S(g.pick(["slack-webhook-url", "discord-webhook-url", "msteams-webhook-url"])), c.S("webhook-signing-secret"))
    return "db/%s" % g.pick(["seed.sql", "migrations/%s_seed_clients.sql" % g.dig(14), "fixtures/dev_data.sql"]), "-- seed data for %s\nBEGIN;\n\nINSERT INTO oauth_clients (client_id, client_secret, redirect_uri) VALUES\n%s;\n\nINSERT INTO users (id, email, encrypted_password) VALUES\n%s;\n%s\nCOMMIT;\n" % (repo.name, ",\n".join(rows), ",\n".join(users), ws)


def rt_csv_log(c, repo):
    g = c.g
    if g.chance(0.5):
        lines = ["id,provider,account,token,created_at"]
        for i in range(g.int(2, 6)):
            if g.chance(0.7):
                it = c.secret(kinds=("tok",), bad=",\"")
            else:
                it = c.neg(where="output", bad=",")
            lines.append("%d,%s,%s,%s,%s" % (i + 1, it.fmt.split("-")[0] if it.fmt else "internal", c.N("uuid", g.uuid(), "account-id"), it.v, g.iso()[:10]))
        return "data/%s.csv" % g.pick(["integrations_export", "tokens_backup", "connected_accounts"]), "\n".join(lines) + "\n"
    return "logs/%s.log" % g.pick(["app", "worker", "error"]), t_app_logs(c)[1]


def rt_http(c, repo):
    g = c.g
    if g.chance(0.5):
        tok = c.secret(kinds=("tok", "ctx"))
        key = c.secret(kinds=("tok",), pred=api_tok)
        return g.pick(["requests.http", "api.http", "http/%s.http" % g.word()]), """@baseUrl = https://%s
@token = %s

### List
GET {{baseUrl}}/v1/items
Authorization: Bearer %s

### Create
POST {{baseUrl}}/v1/items
Content-Type: application/json
%s

{"name": "%s"}
""" % (api_host(key.fmt), tok.v, c.N("template-ref", "{{token}}", "rest-client"), auth_header(key), g.word())
    jw = c.secret(fmt="jwt")
    cookie = c.S("session-cookie")
    entries = [{"startedDateTime": g.iso(), "time": g.int(20, 900),
                "request": {"method": "GET", "url": "https://app.%s.io/api/v1/me" % g.word(), "httpVersion": "HTTP/2",
                            "headers": [{"name": "authorization", "value": "Bearer " + jw.v}, {"name": "cookie", "value": "%s=%s; theme=dark" % (g.pick(["session", "_app_session", "connect.sid", "sessionid"]), cookie)},
                                        {"name": "x-csrf-token", "value": c.N("csrf-token", b64s(g.rb(32)), "header")}], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
                "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/2", "headers": [{"name": "x-request-id", "value": c.N("uuid", g.uuid(), "request-id")}, {"name": "etag", "value": c.N("cache-key", 'W/"%s"' % g.hex(27), "etag")}],
                             "cookies": [], "content": {"size": 120, "mimeType": "application/json", "text": '{"id":"%s","plan":"pro"}' % c.N("object-id", "usr_" + g.an(24), "user")}, "redirectURL": "", "headersSize": -1, "bodySize": 120}, "cache": {}, "timings": {"send": 0, "wait": 40, "receive": 1}}]
    return "debug/%s.har" % g.pick(["session", "login-bug", "checkout"]), jdump({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": entries}}, indent=2)


def rt_openapi(c, repo):
    g = c.g
    return "openapi.yaml", """openapi: 3.1.0
info:
  title: %s API
  version: %s
servers:
  - url: https://api.%s.io/v1
components:
  securitySchemes:
    apiKey:
      type: apiKey
      in: header
      name: %s
    bearer:
      type: http
      scheme: bearer
      bearerFormat: JWT
paths:
  /me:
    get:
      security: [{apiKey: []}]
      parameters:
        - name: X-Api-Key
          in: header
          example: %s
      responses:
        "200":
          content:
            application/json:
              example:
                id: %s
                token_type: %s
                api_key_prefix: %s
""" % (repo.name, c.N("version-string", "%d.%d.%d" % (g.int(0, 4), g.int(0, 30), g.int(0, 9)), "api-version"), g.word(), c.N("benign-named-value", "X-Api-Key", "header-name"),
       c.N("placeholder", g.pick(["sk_test_xxxxxxxxxxxxxxxxxxxxxxxx", "<your-api-key>", "YOUR_API_KEY"]), "openapi-example"), c.N("uuid", g.uuid(), "example-id"), c.N("benign-named-value", "Bearer", "token-type"), c.N("masked", "sk_live_" + g.an(4), "key-prefix"))


def rt_i18n(c, repo):
    g = c.g
    d = {}
    for n, v in g.sample(I18N, g.int(5, 10)):
        d[n] = c.N("i18n-string", v, "ui-text")
    d["welcome"] = "Welcome"
    return "locales/%s.json" % g.pick(["fr", "de", "ja", "zh-CN", "es", "ko", "ru", "pt-BR", "it", "tr"]), jdump(d, indent=2)


def rt_scanner_cfg(c, repo):
    g = c.g
    k = g.int(0, 2)
    if k == 0:
        rules = "\n".join('[[rules]]\nid = "%s"\ndescription = "custom rule"\nregex = \'\'\'%s\'\'\'\n' % (g.pick(["acme-key", "internal-token", "legacy-secret"]) + str(i), c.N("regex-pattern", r, "gitleaks")) for i, r in enumerate(g.sample(REGEXES, g.int(2, 4))))
        return ".gitleaks.toml", '[extend]\nuseDefault = true\n\n%s\n[allowlist]\npaths = ["""testdata/"""]\n' % rules
    if k == 1:
        res = {}
        for _ in range(g.int(2, 4)):
            f = g.pick(["config/settings.py", "tests/test_auth.py", ".env.example", "docs/setup.md"])
            res.setdefault(f, []).append({"type": g.pick(["Secret Keyword", "Base64 High Entropy String", "AWS Access Key"]), "filename": f, "hashed_secret": c.N("file-digest", g.hex(40), "detect-secrets"), "is_verified": False, "line_number": g.int(1, 200)})
        return ".secrets.baseline", jdump({"version": "1.5.0", "plugins_used": [{"name": "AWSKeyDetector"}, {"name": "KeywordDetector"}], "results": res, "generated_at": g.iso()[:19] + "Z"}, indent=2)
    pats = "\n".join('  - {name: %s, pattern: "%s", category: KEY}' % (g.pick(["acme-deploy-key", "legacy-token", "partner-key"]), c.N("regex-pattern", r, "aegis-config")) for r in g.sample([r for r in REGEXES if '"' not in r and "\\" not in r], g.int(1, 3)))
    return ".takumo-aegis.yaml", "custom_patterns:\n%s\nallow_paths: [\"testdata/**\"]\nrules_off: [context-password]\n" % pats


def rt_app_config(c, repo):
    g = c.g
    k = g.int(0, 13)
    if k == 0:
        salts = "\n".join("define( '%s', %s'%s' );" % (n, " " * (18 - len(n)), c.S("wordpress-auth-salt")) for n in ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY", "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"])
        return "wp-config.php", "<?php\ndefine( 'DB_NAME', 'wordpress' );\ndefine( 'DB_USER', 'wp_user' );\ndefine( 'DB_PASSWORD', '%s' );\ndefine( 'DB_HOST', 'localhost' );\n\n%s\n\n$table_prefix = 'wp_';\ndefine( 'WP_DEBUG', false );\n" % (c.secret(fmt="database-password", bad="'\\").v, salts)
    if k == 1:
        it = c.secret(bad="'\\")
        return "%s/settings/production.py" % repo.name.split("-")[0], """import os

SECRET_KEY = '%s'
DEBUG = False
ALLOWED_HOSTS = ["api.%s.io"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "%s",
        "USER": "%s",
        "PASSWORD": '%s',
        "HOST": os.environ.get("DB_HOST", "db"),
        "PORT": "5432",
    }
}

EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.%s.io"
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", '%s')
%s = '%s'
""" % (c.secret(fmt="django-secret-key", bad="'\\").v, g.word(), db_name(g), db_user(g), c.secret(fmt="database-password", bad="'\\").v, g.word(), c.secret(fmt="smtp-password", bad="'\\").v, nm(it.name, "env"), it.v)
    if k == 2:
        return "custom/conf/app.ini", """APP_NAME = %s Git
RUN_MODE = prod

[database]
DB_TYPE = postgres
HOST = db:5432
NAME = gitea
USER = gitea
PASSWD = %s

[security]
INSTALL_LOCK = true
SECRET_KEY = %s
INTERNAL_TOKEN = %s

[oauth2]
JWT_SECRET = %s

[server]
LFS_JWT_SECRET = %s
""" % (g.word().capitalize(), c.S("database-password"), c.S("generic-secret", g.an(64)), c.S("jwt", mkjwt(g, {"nbf": g.ts()}, "HS256", typ_first=False)), c.S("jwt-signing-secret", g.b64u(43)), c.S("jwt-signing-secret", g.b64u(43)))
    if k == 3:
        return ".env.production", """LOCAL_DOMAIN=%s.social
REDIS_HOST=redis
DB_HOST=db
DB_USER=mastodon
DB_NAME=mastodon_production
DB_PASS=%s
SECRET_KEY_BASE=%s
OTP_SECRET=%s
VAPID_PRIVATE_KEY=%s
VAPID_PUBLIC_KEY=%s
SMTP_SERVER=smtp.mailgun.org
SMTP_LOGIN=postmaster@%s.social
SMTP_PASSWORD=%s
ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY=%s
""" % (g.word(), c.S("database-password"), c.S("rails-secret-key-base"), c.S("rails-secret-key-base"), c.S("vapid-private-key"), c.N("public-key", "B" + b64u_np(g.rb(64))[:86], "vapid"), g.word(), c.S("smtp-password"), c.S("encryption-key", g.an(32)))
    if k == 4:
        return "homeserver.yaml", """server_name: "%s.chat"
pid_file: /data/homeserver.pid
database:
  name: psycopg2
  args:
    user: synapse
    password: %s
    database: synapse
    host: postgres
registration_shared_secret: "%s"
macaroon_secret_key: "%s"
form_secret: "%s"
signing_key_path: "%s"
""" % (g.word(), q_yaml(c.secret(fmt="database-password"), g), c.S("generic-secret", g.s(AN + "~=;.^", 50)), c.S("generic-secret", g.s(AN + "~=;.^", 50)), c.S("generic-secret", g.s(AN + "~=;.^", 50)), c.N("file-path", "/data/%s.signing.key" % g.word(), "path"))
    if k == 5:
        return "secrets.yaml", "# Home Assistant secrets\nwifi_password: %s\nmqtt_password: %s\nopenweathermap_api_key: %s\ntelegram_bot_token: %s\nlatitude_home: %s\n" % (
            q_yaml(c.secret(fmt="wifi-psk"), g), q_yaml(c.secret(fmt="generic-password"), g), c.S("openweathermap-api-key"), c.S("telegram-bot-token"), c.N("network-address", "%d.%04d" % (g.int(30, 60), g.int(0, 9999)), "geo"))
    if k == 6:
        return "config/config.php", "<?php\n$CONFIG = array (\n  'instanceid' => '%s',\n  'passwordsalt' => '%s',\n  'secret' => '%s',\n  'dbtype' => 'pgsql',\n  'dbname' => 'nextcloud',\n  'dbuser' => 'oc_admin',\n  'dbpassword' => '%s',\n  'installed' => true,\n);\n" % (
            c.N("build-id", "oc" + g.lan(10), "instance-id"), c.S("generic-secret", g.s(AN + "/+", 30)), c.S("generic-secret", g.s(AN + "/+", 48)), c.secret(fmt="database-password", bad="'\\").v)
    if k == 7:
        return "airflow.cfg", "[core]\nexecutor = CeleryExecutor\nfernet_key = %s\n\n[database]\nsql_alchemy_conn = %s\n\n[webserver]\nsecret_key = %s\n\n[celery]\nbroker_url = %s\n" % (c.S("fernet-key"), c.S("sqlalchemy-uri"), c.S("flask-secret-key"), c.S("redis-uri"))
    if k == 8:
        return "monitoring/alertmanager.yml", """global:
  resolve_timeout: 5m
  slack_api_url: %s
  smtp_auth_username: alerts@%s.io
  smtp_auth_password: %s
route:
  receiver: oncall
receivers:
  - name: oncall
    pagerduty_configs:
      - routing_key: %s
    webhook_configs:
      - url: %s
""" % (c.S("slack-webhook-url"), g.word(), q_yaml(c.secret(fmt="smtp-password"), g), c.S("pagerduty-routing-key"), c.S(g.pick(["msteams-webhook-url", "discord-webhook-url", "google-chat-webhook-url"])))
    if k == 9:
        return "monitoring/prometheus.yml", """global:
  scrape_interval: 30s
scrape_configs:
  - job_name: api
    static_configs:
      - targets: ["%s:9100"]
    basic_auth:
      username: prometheus
      password: %s
  - job_name: cloud
    authorization:
      credentials: %s
remote_write:
  - url: https://prometheus-prod-%d-prod-us-central-0.grafana.net/api/prom/push
    basic_auth:
      username: "%s"
      password: %s
""" % (c.N("network-address", g.ip_private(), "target"), q_yaml(c.secret(fmt="generic-password"), g), c.S("generic-token"), g.int(1, 40), g.dig(7), c.S("grafana-cloud-token"))
    if k == 10:
        return "nginx/conf.d/%s.conf" % repo.name, """server {
    listen 443 ssl;
    server_name %s.internal;
    ssl_certificate     /etc/nginx/tls/tls.crt;
    ssl_certificate_key %s;
    auth_basic "restricted";
    auth_basic_user_file /etc/nginx/.htpasswd;

    location /upstream/ {
        proxy_pass https://partner.example.net/;
        proxy_set_header Authorization "Basic %s";
        proxy_set_header X-Api-Key "%s";
    }
}
""" % (repo.name, c.N("file-path", "/etc/nginx/tls/tls.key", "path"), c.S("basic-auth-header"), c.secret(kinds=("tok", "ctx"), bad='"').v)
    if k == 11:
        return "haproxy/haproxy.cfg", "userlist admins\n    user ops password %s\n    user ci insecure-password %s\n\nlisten stats\n    bind *:8404\n    stats enable\n    stats auth admin:%s\n" % (
            c.N("password-hash", "$6$%s$%s" % (g.s("./" + AN, 16), g.s("./" + AN, 86)), "sha512crypt", True), c.S("generic-password", g.an(20)), c.S("generic-password", g.s(AN + "!@%-_", 18)))
    if k == 12:
        realm = {"realm": g.word(), "enabled": True, "clients": [{"clientId": "%s-backend" % g.word(), "secret": c.S("keycloak-client-secret"), "publicClient": False},
                                                                  {"clientId": "%s-spa" % g.word(), "publicClient": True, "redirectUris": ["https://app.%s.io/*" % g.word()]}],
                 "users": [{"username": g.word(), "credentials": [{"type": "password", "hashedSaltedValue": c.N("password-hash", b64s(g.rb(64)), "keycloak-pbkdf2", True), "salt": c.N("password-hash", b64s(g.rb(16)), "keycloak-salt", True), "hashIterations": 27500, "algorithm": "pbkdf2-sha256"}]}],
                 "smtpServer": {"host": "smtp.sendgrid.net", "port": "587", "auth": "true", "user": "apikey", "password": c.S("sendgrid-api-key")}}
        return "keycloak/realm-export.json", jdump(realm, indent=2)
    return "profiles.yml", """%s:
  target: prod
  outputs:
    prod:
      type: snowflake
      account: %s-%s
      user: DBT_%s
      password: %s
      role: TRANSFORMER
      warehouse: TRANSFORMING
      database: ANALYTICS
      schema: dbt_prod
    bq:
      type: bigquery
      method: service-account
      keyfile: %s
""" % (repo.name.replace("-", "_"), g.uan(7), g.uan(7), g.word().upper(), q_yaml(c.secret(fmt="database-password"), g), c.N("file-path", "/secrets/bq-sa.json", "path"))


def rt_mobile(c, repo):
    g = c.g
    k = g.int(0, 3)
    if k == 0:
        key = c.pem_secret(fmt="pkcs8-ec-private-key")
        return "fastlane/Fastfile", """default_platform(:ios)

platform :ios do
  lane :release do
    api_key = app_store_connect_api_key(
      key_id: "%s",
      issuer_id: "%s",
      key_content: "%s",
      in_house: false
    )
    match(type: "appstore", api_key: api_key, git_basic_authorization: "%s")
    upload_to_testflight(api_key: api_key)
  end
end
""" % (c.N("key-identifier", g.uan(10), "apple-p8-kid"), c.N("uuid", g.uuid(), "apple-issuer"), c.S("pkcs8-ec-private-key", key.raw.replace("\n", "\\n")), c.S("basic-auth-header", b64s(("%s:%s" % (g.word(), gh_tok("ghp_")(g))).encode())))
    if k == 1:
        items = c.mix(g.int(1, 3), g.int(1, 2), g.int(1, 2), bad="/")
        return "ios/Config/%s.xcconfig" % g.pick(["Release", "Secrets", "Production"]), "// Secrets for %s\n" % repo.name + "\n".join("%s = %s" % (nm(it.name, "env"), it.v) for it in items if not it.multiline) + "\n"
    if k == 2:
        it = c.secret(kinds=("tok", "ctx"))
        obj = {"expo": {"name": repo.name, "slug": repo.name, "version": "1.%d.0" % g.int(0, 20), "extra": {"eas": {"projectId": c.N("uuid", g.uuid(), "eas-project")}, nm(it.name, "camel"): it.v,
                                                                                                     "sentryDsn": c.N("publishable-key", "https://%s@o%s.ingest.sentry.io/%s" % (g.hex(32), g.dig(6), g.dig(7)), "sentry-dsn", True)},
                        "ios": {"bundleIdentifier": "com.%s.app" % g.word(), "config": {"googleMapsApiKey": c.N("publishable-key", "AIzaSy" + g.b64u(33), "maps-ios", True)}}}}
        return "app.json", jdump(obj, indent=2)
    return "fastlane/.env.default", "FASTLANE_USER=%s@%s.com\nFASTLANE_PASSWORD=%s\nFASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=%s\nMATCH_PASSWORD=%s\nSLACK_URL=%s\n" % (
        g.word(), g.word(), c.secret(fmt="generic-password", bad=" #'\"$").v, c.S("apple-app-specific-password"), c.secret(fmt="generic-password", bad=" #'\"$").v, c.S("slack-webhook-url"))


def rt_vscode(c, repo):
    g = c.g
    k = g.int(0, 2)
    items = c.mix(g.int(1, 3), g.int(1, 2), g.int(1, 2))
    if k == 0:
        env = {nm(it.name, "env"): it.v for it in items}
        return ".vscode/launch.json", "// Use IntelliSense to learn about possible attributes.\n" + jdump({"version": "0.2.0", "configurations": [{"type": "node", "request": "launch", "name": "Debug API", "program": "${workspaceFolder}/src/server.ts", "env": env}]}, indent=4)
    if k == 1:
        return ".vscode/settings.json", jdump({"editor.formatOnSave": True, "sqltools.connections": [{"name": "prod (read-only)", "driver": "PostgreSQL", "server": rds_host(g), "port": 5432, "database": db_name(g), "username": db_user(g), "password": c.S("database-password")}],
                                               "rest-client.environmentVariables": {"prod": {"token": c.secret(kinds=("tok",)).v}}}, indent=4)
    return ".devcontainer/devcontainer.json", jdump({"name": repo.name, "image": "mcr.microsoft.com/devcontainers/typescript-node:20", "containerEnv": {nm(it.name, "env"): it.v for it in items}, "postCreateCommand": "npm ci"}, indent=2)


def rt_sops(c, repo):
    g = c.g
    lines = []
    for n in g.sample(SECRET_ENV_NAMES, g.int(2, 5)):
        lines.append("%s: %s" % (nm(n, "snake"), c.N("encrypted-value", sops_enc(g), "sops")))
    blob = b64s(g.rb(180))
    armored = "-----BEGIN AGE ENCRYPTED FILE-----\n%s\n-----END AGE ENCRYPTED FILE-----" % "\n".join(blob[i:i + 64] for i in range(0, len(blob), 64))
    lines += ["sops:", "    age:", "        - recipient: %s" % c.N("public-key", bech32("age", g.rb(32)), "age"), "          enc: |", "            " + c.N("encrypted-value", armored, "age-armored").replace("\n", "\n            ")]
    lines += ["    lastmodified: \"%s\"" % (g.iso()[:19] + "Z"), "    mac: %s" % c.N("encrypted-value", sops_enc(g), "sops-mac"), "    version: 3.9.%d" % g.int(0, 4)]
    return g.pick(["secrets/prod.enc.yaml", "deploy/secrets.sops.yaml"]), "\n".join(lines) + "\n"


def rt_changelog(c, repo):
    g = c.g
    out = ["# Changelog", ""]
    for i in range(g.int(3, 6)):
        out.append("## [%d.%d.%d] - %s" % (g.int(0, 3), g.int(0, 20), g.int(0, 9), g.date()))
        for _ in range(g.int(1, 3)):
            out.append("- %s ([#%d](https://github.com/%s/%s/pull/%d)) ([%s](https://github.com/%s/%s/commit/%s))" % (
                g.pick(["Fix token refresh race", "Rotate signing keys on deploy", "Add Vault support for secrets", "Mask API keys in logs", "Upgrade deps"]), g.int(10, 999), g.word(), repo.name, g.int(10, 999),
                c.N("git-sha", g.hex(7), "abbrev"), g.word(), repo.name, c.N("git-sha", g.hex(40), "commit")))
        out.append("")
    return "CHANGELOG.md", "\n".join(out)


def rt_shell_rc(c, repo):
    g = c.g
    items = c.mix(g.int(2, 4), g.int(1, 2), g.int(1, 2), bad="'")
    body = "\n".join("export %s=%s" % (nm(it.name, "env"), q_env(it, g)) for it in items if not it.multiline)
    k = g.int(0, 2)
    if k == 0:
        return g.pick(["dotfiles/.zshrc", "dotfiles/.bashrc", ".bash_profile"]), "# aliases\nalias k=kubectl\nalias gs='git status'\n\n# tokens\n%s\n\neval \"$(starship init zsh)\"\n" % body
    if k == 1:
        return "Makefile", ".PHONY: deploy\n\n%s\n\ndeploy:\n\t./scripts/deploy.sh\n" % "\n".join("export %s := %s" % (nm(it.name, "env"), it.v) for it in items if not it.multiline)
    return "deploy/%s.service" % repo.name, "[Unit]\nDescription=%s\nAfter=network-online.target\n\n[Service]\nUser=app\n%s\nExecStart=/opt/%s/bin/server\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n" % (
        repo.name, "\n".join('Environment="%s=%s"' % (nm(it.name, "env"), it.v) for it in items if not it.multiline), repo.name)


def rt_pem_config(c, repo):
    g = c.g
    k = g.int(0, 6)
    if k == 0:
        key = c.pem_secret(fmt=g.pick(["rsa-private-key", "rsa-private-key", "pkcs8-private-key"]))
        return ".env", "GITHUB_APP_ID=%s\nGITHUB_APP_PRIVATE_KEY=\"%s\"\nGITHUB_WEBHOOK_SECRET=%s\nGITHUB_CLIENT_ID=%s\n" % (
            g.dig(6), c.S(key.fmt, key.raw.replace("\n", "\\n")), c.S("webhook-signing-secret"), c.N("client-id", "Iv23li" + g.an(14), "github"))
    if k == 1:
        key = c.pem_secret()
        return "config/%s.yaml" % g.pick(["jwt", "auth", "signing"]), "auth:\n  issuer: https://auth.%s.io\n  algorithm: %s\n  private_key: %s\n  public_key: |\n    %s\n" % (
            g.word(), g.pick(["RS256", "ES256", "EdDSA"]), yaml_block(key, 4), c.N("public-key", spki_rsa_pem(g), "pem").replace("\n", "\n    "))
    if k == 2:
        key = c.pem_secret(fmt=g.pick(["rsa-private-key", "pkcs8-private-key", "encrypted-private-key"]))
        return "saml/sp-settings.xml", '<?xml version="1.0"?>\n<SPSettings entityId="https://app.%s.io/saml/metadata">\n  <Certificate>\n%s\n  </Certificate>\n  <PrivateKey>\n%s\n  </PrivateKey>\n</SPSettings>\n' % (g.word(), c.N("certificate", cert_pem(g), "pem"), key.v)
    if k == 3:
        key = c.pem_secret(fmt=g.pick(["rsa-private-key", "ec-private-key"]))
        obj = {"version": 4, "terraform_version": "1.9.%d" % g.int(0, 8), "serial": g.int(1, 99), "lineage": c.N("uuid", g.uuid(), "tf-lineage"), "outputs": {},
               "resources": [{"mode": "managed", "type": "tls_private_key", "name": "deploy", "provider": "provider[\"registry.terraform.io/hashicorp/tls\"]",
                              "instances": [{"schema_version": 1, "attributes": {"algorithm": "RSA", "id": c.N("file-digest", g.hex(40), "tf-id"), "private_key_pem": key.v + "\n",
                                                                               "public_key_fingerprint_sha256": c.N("fingerprint", "SHA256:" + b64s(g.rb(32)).rstrip("="), "ssh-sha256"), "public_key_openssh": c.N("public-key", ssh_pub(g), "ssh") + "\n"},
                                             "sensitive_attributes": []}]}]}
        return "infra/tls/terraform.tfstate", jdump(obj, indent=2)
    if k == 4:
        key = c.pem_secret()
        return "src/main/java/com/acme/%s/TestKeys.java" % g.word(), 'package com.acme.auth;\n\nfinal class TestKeys {\n    static final String SIGNING_KEY = """\n%s\n""";\n}\n' % key.v
    if k == 5:
        key = c.pem_secret()
        return "internal/auth/keys.go", "package auth\n\n// signingKey is used by the staging issuer.\nconst signingKey = `%s\n`\n" % key.v
    key = c.pem_secret()
    return "deploy/%s-key.pem" % g.word(), key.v + "\n"


def rt_code_idioms(c, repo):
    """Secrets in language idioms: annotations, concatenation, struct literals, heredocs, initialisers."""
    g = c.g
    k = g.int(0, 9)
    bad = "'\"\\`$#{}"
    if k == 0:
        it = c.secret(bad=bad)
        n = Item(g.pick(SECRET_ENV_NAMES), "", "", "n")
        return "src/main/java/com/acme/%s/%sProperties.java" % (g.word(), g.word().capitalize()), """package com.acme.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
public class IntegrationProperties {
    @Value("${%s:%s}")
    private String %s;

    @Value(%s)
    private String %s;

    @Value("${app.region:eu-west-1}")
    private String region;
}
""" % (nm(it.name, "dotted"), it.v, nm(it.name, "camel"), '"%s"' % c.N("template-ref", "${%s}" % nm(n.name, "dotted"), "spring-placeholder"), nm(n.name, "camel"))
    if k == 1:
        pw = c.secret(fmt=g.pick(["database-password", "generic-password"]), bad=bad)
        return "src/db/connection.%s" % g.pick(["js", "ts"]), """const user = process.env.DB_USER || 'app';
const host = process.env.DB_HOST || '%s';

// TODO: read the password from the secret store
const dsn = 'postgres://' + user + ':' + '%s' + '@' + host + ':5432/%s';

module.exports = { dsn };
""" % (rds_host(g), pw.v, db_name(g))
    if k == 2:
        it, it2 = c.secret(bad=bad), c.secret(kinds=("tok",), bad=bad)
        return "cmd/%s/main.go" % g.word(), """package main

import "log"

type Config struct {
	APIKey string
	Token  string
	Region string
	Debug  bool
}

func main() {
	cfg := &Config{
		APIKey: "%s", // %s
		Token:  "%s",
		Region: "us-east-1",
	}
	log.Printf("starting with region %%s", cfg.Region)
}
""" % (it.v, nm(it.name, "env"), it2.v)
    if k == 3:
        it = c.secret(bad=bad)
        return "src/%s/Startup.cs" % repo.name.split("-")[0].capitalize(), """var options = new ClientOptions
{
    Endpoint = new Uri("https://api.%s.io"),
    %s = "%s",
    Timeout = TimeSpan.FromSeconds(30),
};
services.AddSingleton(options);
""" % (g.word(), nm(it.name, "pascal"), it.v)
    if k == 4:
        it = c.secret(bad=bad)
        return "app/src/main/java/com/acme/%s/ApiConfig.kt" % g.word(), """data class ApiConfig(
    val baseUrl: String = "https://api.%s.io",
    val %s: String = "%s",
    val retries: Int = 3,
)
""" % (g.word(), nm(it.name, "camel"), it.v)
    if k == 5:
        it = c.secret(bad=bad)
        return "src/settings.rs", """pub struct Settings {
    pub %s: String,
    pub port: u16,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            %s: String::from("%s"),
            port: 8080,
        }
    }
}
""" % (nm(it.name, "snake"), nm(it.name, "snake"), it.v)
    if k == 6:
        items = c.mix(g.int(2, 3), 1, 1, bad="$'")
        return "scripts/write-env.sh", "#!/bin/sh\n# render the runtime env file on the host\ncat > /opt/%s/.env <<EOF\n%sEOF\nchmod 600 /opt/%s/.env\n" % (repo.name, "".join("%s=%s\n" % (nm(it.name, "env"), it.v) for it in items if not it.multiline), repo.name)
    if k == 7:
        it = c.secret(bad=bad)
        return "app/services/%s_client.rb" % g.word(), "class PartnerClient\n  HEADERS = {\n    'Content-Type' => 'application/json',\n    '%s' => '%s'\n  }.freeze\n\n  def initialize(http = Faraday.new(url: 'https://partner.example.net'))\n    @http = http\n  end\nend\n" % (g.pick(["X-Api-Key", "Authorization", "X-Partner-Token"]), it.v)
    if k == 8:
        it = c.secret(bad=bad)
        return "Sources/App/Config.swift", "struct Config {\n    let endpoint = URL(string: \"https://api.%s.io\")!\n    let %s = \"%s\"\n}\n" % (g.word(), nm(it.name, "camel"), it.v)
    it = c.secret(bad=bad)
    n = c.neg(cls=g.pick(["env-ref", "placeholder", "secret-manager-ref"]))
    return "%s/clients.py" % repo.name.split("-")[0], """import os

DEFAULTS = dict(
    %s="%s",
    %s="%s",
    timeout=30,
)


def headers(token=None):
    token = token or os.environ.get("%s") or DEFAULTS["%s"]
    return {"Authorization": f"Bearer {token}"}
""" % (nm(it.name, "snake"), it.v, nm(n.name, "snake"), n.v, nm(it.name, "env"), nm(it.name, "snake"))


REPO_TEMPLATES = [(rt_code_idioms, 24), (rt_pem_config, 16), (rt_dotenv, 40), (rt_env_example, 18), (rt_yaml_config, 22), (rt_spring, 10), (rt_rails_db, 7), (rt_compose, 14), (rt_k8s_secret, 14), (rt_k8s_deploy, 9),
                  (rt_helm_values, 8), (rt_ansible, 8), (rt_gha, 14), (rt_gitlab_ci, 6), (rt_ci_misc, 10), (rt_dockerfile, 10), (rt_terraform, 14), (rt_tfstate, 4), (rt_pulumi, 5),
                  (rt_cfn, 5), (rt_appsettings, 8), (rt_webconfig, 4), (rt_maven, 4), (rt_gradle_props, 5), (rt_registry_creds, 14), (rt_toml_config, 9), (rt_ini, 10),
                  (rt_properties, 7), (rt_struct_configs, 10), (rt_xml_misc, 7), (rt_google_services, 5), (rt_sa_json, 5), (rt_secret_file, 16), (rt_code_module, 62),
                  (rt_code_client, 50), (rt_code_test, 14), (rt_markdown, 22), (rt_rst_adoc, 8), (rt_notebook, 12), (rt_lockfile, 28), (rt_sql, 8), (rt_csv_log, 9), (rt_http, 10),
                  (rt_openapi, 5), (rt_i18n, 5), (rt_scanner_cfg, 5), (rt_app_config, 24), (rt_mobile, 8), (rt_vscode, 7), (rt_sops, 4), (rt_changelog, 6), (rt_shell_rc, 10)]


# --------------------------------------------------------------------------------------------
# chat text in many languages
# --------------------------------------------------------------------------------------------
KW = {
    "key": {"en": "API key", "ja": "APIキー", "zh": "API密钥", "ko": "API 키", "es": "clave de API", "pt": "chave de API", "de": "API-Schlüssel", "fr": "clé API", "ru": "API-ключ", "hi": "API कुंजी", "ar": "مفتاح API", "tr": "API anahtarı", "it": "chiave API", "pl": "klucz API", "vi": "API key", "id": "API key", "nl": "API-sleutel", "uk": "API-ключ", "he": "מפתח API", "th": "API key", "sv": "API-nyckel", "cs": "API klíč"},
    "token": {"en": "token", "ja": "トークン", "zh": "令牌", "ko": "토큰", "es": "token", "pt": "token", "de": "Token", "fr": "jeton", "ru": "токен", "hi": "टोकन", "ar": "رمز الوصول", "tr": "token", "it": "token", "pl": "token", "vi": "token", "id": "token", "nl": "token", "uk": "токен", "he": "טוקן", "th": "โทเคน", "sv": "token", "cs": "token"},
    "password": {"en": "password", "ja": "パスワード", "zh": "密码", "ko": "비밀번호", "es": "contraseña", "pt": "senha", "de": "Passwort", "fr": "mot de passe", "ru": "пароль", "hi": "पासवर्ड", "ar": "كلمة المرور", "tr": "şifre", "it": "password", "pl": "hasło", "vi": "mật khẩu", "id": "kata sandi", "nl": "wachtwoord", "uk": "пароль", "he": "סיסמה", "th": "รหัสผ่าน", "sv": "lösenord", "cs": "heslo"},
    "secret": {"en": "secret", "ja": "シークレット", "zh": "密钥", "ko": "시크릿", "es": "secreto", "pt": "segredo", "de": "Secret", "fr": "secret", "ru": "секрет", "hi": "सीक्रेट", "ar": "السر", "tr": "gizli anahtar", "it": "segreto", "pl": "sekret", "vi": "secret", "id": "secret", "nl": "geheim", "uk": "секрет", "he": "סוד", "th": "ซีเคร็ต", "sv": "hemlighet", "cs": "tajný klíč"},
    "conn": {"en": "connection string", "ja": "接続文字列", "zh": "连接串", "ko": "연결 문자열", "es": "cadena de conexión", "pt": "string de conexão", "de": "Connection-String", "fr": "chaîne de connexion", "ru": "строка подключения", "hi": "कनेक्शन स्ट्रिंग", "ar": "سلسلة الاتصال", "tr": "bağlantı dizesi", "it": "stringa di connessione", "pl": "connection string", "vi": "chuỗi kết nối", "id": "connection string", "nl": "connectiestring", "uk": "рядок підключення", "he": "מחרוזת חיבור", "th": "connection string", "sv": "anslutningssträng", "cs": "connection string"},
}
CHAT = {
    "en": ["here's the {vendor} {kw}: {v} — can you wire it into the config?", "my {vendor} {kw} is {v}, why does the request still return 401?", "use this {kw} for {vendor}: {v}\nand don't commit it please", "Prod {vendor} {kw} = {v}. Rotate the old one after we deploy."],
    "ja": ["{vendor}の{kw}は {v} です。これを .env に設定してください。", "本番の{vendor}{kw}: {v} を使ってデプロイして", "{kw}（{vendor}）→ {v} で 401 が返ってきます。原因を調べて。"],
    "zh": ["这是我们的{vendor}{kw}：{v}，帮我写个脚本测试一下", "{vendor}的{kw}是 {v}，为什么一直报 401？", "把{kw} {v} 配到生产环境的 {vendor} 里"],
    "ko": ["{vendor} {kw}는 {v} 입니다. 이걸로 연결 테스트해줘", "이 {kw} 써줘: {v} ({vendor})", "{vendor} {kw}: {v} 로 바꿨는데 아직도 에러가 나"],
    "es": ["Mi {kw} de {vendor} es {v}, ¿por qué me da 401?", "Usa esta {kw} de {vendor}: {v} y actualiza el docker-compose"],
    "pt": ["A {kw} de produção do {vendor} é {v} — pode configurar no docker-compose?", "Coloca a {kw} {v} do {vendor} no arquivo de config"],
    "de": ["Unser {vendor}-{kw} lautet {v}, bitte in die Config eintragen", "Hier der {kw} für {vendor}: {v} – warum schlägt der Login fehl?"],
    "fr": ["Voici la {kw} {vendor} : {v} — tu peux l'ajouter au fichier .env ?", "Le {kw} {vendor} c'est {v}, mais l'appel échoue toujours"],
    "ru": ["вот {kw} от {vendor}: {v}, почему не работает?", "{kw} для {vendor} — {v}, пропиши его в конфиг"],
    "hi": ["{vendor} की {kw} यह है: {v} — इसे config में डाल दो", "हमारी {vendor} {kw} {v} है, फिर भी 403 आ रहा है"],
    "ar": ["هذا هو {kw} الخاص بـ {vendor}: {v} أرجو إضافته إلى الإعدادات", "{kw} {vendor} هو {v} لكن الطلب يفشل"],
    "tr": ["{vendor} {kw}: {v} bunu .env dosyasına ekler misin?", "{vendor} için {kw} {v}, neden 401 alıyorum?"],
    "it": ["Ecco la {kw} di {vendor}: {v}, puoi aggiornarla in produzione?"],
    "pl": ["Mój {kw} do {vendor} to {v}, czemu dostaję 403?"],
    "vi": ["{kw} {vendor} của mình là {v}, sửa giúp mình cấu hình nhé"],
    "id": ["{kw} {vendor} saya {v}, tolong pasang di config ya"],
    "nl": ["Hier is de {vendor} {kw}: {v} — kun je die in de config zetten?"],
    "uk": ["ось {kw} {vendor}: {v}, додай у конфіг"],
    "he": ["ה{kw} של {vendor} הוא {v} תוסיף בבקשה לקובץ ההגדרות"],
    "th": ["{kw} ของ {vendor} คือ {v} ช่วยใส่ใน config ให้หน่อย"],
    "sv": ["Här är {vendor}-{kw}: {v}, kan du lägga in den i konfigurationen?"],
    "cs": ["{kw} pro {vendor} je {v}, proč to hází 401?"],
}
TASKS = {
    "en": ["The deploy to staging fails with a 401 from the payment provider. Can you find out why?", "Add a health check endpoint and make sure secrets aren't logged.", "Why is the worker not picking up jobs? Check the env and the queue config.",
           "Refactor the config loader so it reads everything from environment variables.", "Set up the CI pipeline to publish the package on tag.", "The migration container can't reach the database, please debug.",
           "Can you check which credentials the cluster is using for the registry?", "Rotate the webhook secret and update every place that uses it."],
    "ja": ["ステージングへのデプロイが失敗します。原因を調べてください。", "設定ファイルを環境変数から読むようにリファクタリングして。"],
    "zh": ["帮我看看为什么 worker 连不上 Redis。", "把配置改成从环境变量读取。"],
    "ko": ["CI에서 패키지 배포가 실패해요. 확인해 주세요."],
    "es": ["El contenedor de migraciones no conecta con la base de datos, ¿lo revisas?"],
    "de": ["Warum schlägt der Build im CI fehl? Bitte die Logs prüfen."],
    "fr": ["Peux-tu vérifier pourquoi le webhook Stripe renvoie une erreur de signature ?"],
    "pt": ["O deploy no Kubernetes está falhando, pode investigar os secrets?"],
    "ru": ["Почему приложение не видит переменные окружения в проде?"],
}


def fmt_kw(f):
    n = f.name
    if "password" in n or n.endswith("psk"):
        return "password"
    if f.kind == "uri":
        return "conn"
    if "token" in n or n.endswith("-pat"):
        return "token"
    if "secret" in n:
        return "secret"
    return "key"


def vendor_of(f):
    first = f.name.split("-")[0]
    return {"aws": "AWS", "gcp": "GCP", "google": "Google", "azure": "Azure", "github": "GitHub", "gitlab": "GitLab", "openai": "OpenAI", "database": "DB", "generic": "",
            "postgres": "Postgres", "mysql": "MySQL", "mongodb": "MongoDB", "redis": "Redis", "smtp": "SMTP", "ldap": "LDAP", "jwt": "JWT", "npm": "npm", "pypi": "PyPI",
            "digitalocean": "DigitalOcean", "hashicorp": "Vault", "new": "New Relic", "slack": "Slack", "sendgrid": "SendGrid", "huggingface": "Hugging Face"}.get(first, first.capitalize())


def chat_with_secret(c, lang=None):
    """(text, secret item) — a user pasting a credential into a sentence."""
    g = c.g
    lang = lang or g.wpick([(6, "en")] + [(1, l) for l in CHAT if l != "en"])
    it = c.secret(kinds=("tok", "ctx", "uri"))
    f = FORMATS[it.fmt]
    vendor = vendor_of(f)
    kw = KW[fmt_kw(f)].get(lang, KW[fmt_kw(f)]["en"])
    t = g.pick(CHAT[lang])
    text = t.replace("{vendor}", vendor).replace("{kw}", kw).replace("{v}", it.v)
    return re.sub(r"  +", " ", text), it


def task_text(c):
    g = c.g
    lang = g.wpick([(8, "en")] + [(1, l) for l in TASKS if l != "en"])
    return g.pick(TASKS[lang])


# --------------------------------------------------------------------------------------------
# conversations (client-neutral) and their serialisation per client
# --------------------------------------------------------------------------------------------
class Step:
    __slots__ = ("kind", "text", "tool", "args", "out", "path")

    def __init__(self, kind, text=None, tool=None, args=None, out=None, path=None):
        self.kind, self.text, self.tool, self.args, self.out, self.path = kind, text, tool, args, out, path


def pick_tool_output(c):
    cmd, out = c.g.wpick([(w, fn) for fn, w in TOOL_OUTPUTS])(c)
    return cmd, c.relabel(out)


def read_step(c, repos):
    g = c.g
    fn = g.wpick([(w, f) for f, w in REPO_TEMPLATES if f not in (rt_lockfile, rt_tfstate)])
    repo = g.pick(repos)
    path, text = fn(c, repo)
    return "/workspace/%s/%s" % (repo.name, path), c.relabel(text)


def make_conv(c, repos, tool_names):
    g = c.g
    steps = []
    pasted = None
    if g.chance(0.4):
        txt, pasted = chat_with_secret(c)
        if g.chance(0.5):
            txt = task_text(c) + "\n\n" + txt
        steps.append(Step("user", txt))
    else:
        steps.append(Step("user", task_text(c)))
    for i in range(g.int(2, 4)):
        r = g.int(0, 99)
        if r < 62:
            cmd, out = pick_tool_output(c)
            steps.append(Step("tool", text=g.pick(["Let me check the environment.", "I'll look at the current configuration.", "Checking the logs.", "", "Let me inspect that."]),
                              tool="shell", args={"command": cmd}, out=out))
        elif r < 88:
            path, content = read_step(c, repos)
            steps.append(Step("tool", text=g.pick(["Let me read the config.", "", "Opening the file."]), tool="read", args={"path": path}, out=content, path=path))
        else:
            items = c.mix(1, 1, 2)
            pat = g.pick(["API_KEY", "SECRET", "TOKEN", "PASSWORD", "DATABASE_URL"])
            lines = []
            for it in items:
                if it.multiline:
                    continue
                lines.append("%s:%d:%s=%s" % (g.pick(["config/.env.prod", "deploy/values.yaml", "src/settings.py", "docker-compose.yml"]), g.int(1, 120), nm(it.name, "env"), it.v))
            steps.append(Step("tool", text="", tool="grep", args={"pattern": pat}, out="\n".join(lines) + "\n"))
    if pasted is not None and g.chance(0.6):
        # the agent writes the pasted value into a file: the same secret again
        f = FORMATS[pasted.fmt]
        again = c.S(f.name, pasted.raw)
        path = g.pick([".env", ".env.local", "config/secrets.yaml", "src/config.ts"])
        content = "%s=%s\n" % (nm(pasted.name, "env"), again) if path.startswith(".env") else ("%s: %s\n" % (nm(pasted.name, "snake"), again) if path.endswith("yaml") else "export const %s = \"%s\";\n" % (nm(pasted.name, "env"), again))
        steps.append(Step("tool", text="I'll add it to %s." % path, tool="write", args={"path": path, "content": content}, out="File created successfully at: %s" % path, path=path))
    if g.chance(0.5):
        n = c.neg("output")
        steps.append(Step("assistant", g.pick(["The %s setting is `%s`, which looks fine." % (nm(n.name, "env"), n.v), "Done. I left `%s` as `%s`." % (nm(n.name, "env"), n.v)])))
    if g.chance(0.25):
        txt, _ = chat_with_secret(c)
        steps.append(Step("user", txt))
    return steps


def cc_number(c, text):
    return c.relabel("\n".join("%6d\u2192%s" % (i + 1, l) for i, l in enumerate(text.split("\n"))))


CC_TOOLS = [("Bash", "Executes a given bash command in a persistent shell session with optional timeout.", {"command": "string", "description": "string", "timeout": "number"}),
            ("Read", "Reads a file from the local filesystem.", {"file_path": "string", "offset": "number", "limit": "number"}),
            ("Edit", "Performs exact string replacements in files.", {"file_path": "string", "old_string": "string", "new_string": "string"}),
            ("Write", "Writes a file to the local filesystem.", {"file_path": "string", "content": "string"}),
            ("Grep", "A powerful search tool built on ripgrep.", {"pattern": "string", "path": "string", "output_mode": "string"}),
            ("Glob", "Fast file pattern matching tool.", {"pattern": "string", "path": "string"}),
            ("TodoWrite", "Create and manage a structured task list.", {"todos": "array"})]


def schema(props):
    return {"type": "object", "properties": {k: {"type": v} for k, v in props.items()}, "required": [list(props)[0]], "additionalProperties": False, "$schema": "http://json-schema.org/draft-07/schema#"}


def body_claude_code(c, repos):
    g = c.g
    steps = make_conv(c, repos, None)
    msgs = []
    cwd = "/Users/%s/src/%s" % (g.word(), g.pick(repos).name)
    first = True
    for st in steps:
        if st.kind == "user":
            content = []
            if first:
                content.append({"type": "text", "text": "<system-reminder>\nAs you answer the user's questions, you can use the following context:\n# claudeMd\nCodebase and user instructions are shown below.\n</system-reminder>"})
                first = False
            content.append({"type": "text", "text": st.text})
            msgs.append({"role": "user", "content": content})
        elif st.kind == "assistant":
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": st.text}]})
        else:
            tid = "toolu_01" + g.an(22)
            if st.tool == "shell":
                name, inp, out = "Bash", {"command": st.args["command"], "description": g.pick(["Show environment", "Inspect config", "Run command", "Check logs"])}, st.out
            elif st.tool == "read":
                name, inp, out = "Read", {"file_path": st.args["path"]}, cc_number(c, st.out)
            elif st.tool == "grep":
                name, inp, out = "Grep", {"pattern": st.args["pattern"], "output_mode": "content", "-n": True}, st.out
            else:
                name, inp, out = "Write", {"file_path": cwd + "/" + st.args["path"], "content": st.args["content"]}, st.out
            content = ([{"type": "text", "text": st.text}] if st.text else []) + [{"type": "tool_use", "id": c.N("object-id", tid, "anthropic-toolu"), "name": name, "input": inp}]
            msgs.append({"role": "assistant", "content": content})
            res = {"type": "tool_result", "tool_use_id": c.N("object-id", tid, "anthropic-toolu"), "content": out if g.chance(0.6) else [{"type": "text", "text": out}]}
            if g.chance(0.1):
                res["is_error"] = False
            msgs.append({"role": "user", "content": [res]})
    if msgs and isinstance(msgs[-1]["content"], list) and g.chance(0.7):
        msgs[-1]["content"][-1]["cache_control"] = {"type": "ephemeral"}
    sha_lines = "\n".join("%s %s" % (c.N("git-sha", g.hex(7), "abbrev"), g.pick(["fix: config loading", "chore(deps): bump", "feat: add webhook handler", "refactor auth client"])) for _ in range(g.int(2, 5)))
    system = [{"type": "text", "text": "You are Claude Code, Anthropic's official CLI for Claude.", "cache_control": {"type": "ephemeral"}},
              {"type": "text", "text": "\nYou are an interactive CLI tool that helps users with software engineering tasks.\n\n<env>\nWorking directory: %s\nIs directory a git repo: Yes\nPlatform: %s\nToday's date: %s\n</env>\n\ngitStatus: This is the git status at the start of the conversation.\nCurrent branch: %s\n\nRecent commits:\n%s" % (
                  cwd, g.pick(["darwin", "linux"]), g.date(), g.pick(["main", "fix/auth", "feat/billing"]), sha_lines), "cache_control": {"type": "ephemeral"}}]
    body = {"model": g.pick(["claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-sonnet-4-20250514", "claude-haiku-4-5-20251001"]), "max_tokens": jraw(c.N("usage-counter", str(g.pick([32000, 21333, 8192, 64000])), "max_tokens")),
            "messages": msgs, "system": system, "tools": [{"name": n, "description": d, "input_schema": schema(p)} for n, d, p in g.sample(CC_TOOLS, g.int(4, 7))],
            "metadata": {"user_id": c.N("object-id", "user_%s_account_%s_session_%s" % (g.hex(64), g.uuid(), g.uuid()), "claude-code-user-id")}, "stream": True}
    if g.chance(0.3):
        body["thinking"] = {"type": "enabled", "budget_tokens": jraw(c.N("usage-counter", str(g.pick([4000, 10000, 31999])), "budget_tokens"))}
    return "agent/claude-code/%s/%s.json" % (g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.2))


CURSOR_TOOLS = {"shell": "run_terminal_cmd", "read": "read_file", "grep": "grep_search", "write": "edit_file"}
CLINE_TOOLS = {"shell": "execute_command", "read": "read_file", "grep": "search_files", "write": "write_to_file"}


def body_openai_chat(c, repos, flavor):
    g = c.g
    steps = make_conv(c, repos, None)
    sysmsg = {"cursor": "You are a powerful agentic AI coding assistant, powered by GPT. You operate in Cursor.\n<user_info>\nThe user's OS version is %s. The absolute path of the user's workspace is /Users/%s/code/%s.\n</user_info>" % (g.pick(["darwin 24.5.0", "linux 6.8", "win32 10.0.22631"]), g.word(), g.word()),
              "sdk": g.pick(["You are a helpful assistant.", "You are a senior DevOps engineer. Answer concisely.", "Tu es un assistant de programmation."]),
              "continue": "You are Continue, an AI code assistant inside VS Code. Always cite file paths."}[flavor]
    msgs = [{"role": "system", "content": sysmsg}]
    for st in steps:
        if st.kind == "user":
            if flavor == "cursor" and g.chance(0.4):
                p, t = read_step(c, repos)
                msgs.append({"role": "user", "content": "<attached_files>\n<file_contents path=\"%s\">\n%s\n</file_contents>\n</attached_files>\n<user_query>\n%s\n</user_query>" % (p, t, st.text)})
            else:
                msgs.append({"role": "user", "content": st.text})
        elif st.kind == "assistant":
            msgs.append({"role": "assistant", "content": st.text})
        else:
            cid = "call_" + g.an(24)
            if st.tool == "shell":
                args = {"command": st.args["command"], "is_background": False, "explanation": st.text or "Inspect the environment"}
            elif st.tool == "read":
                args = {"target_file": st.args["path"], "should_read_entire_file": True, "start_line_one_indexed": 1, "end_line_one_indexed_inclusive": 200}
            elif st.tool == "grep":
                args = {"query": st.args["pattern"], "case_sensitive": False}
            else:
                args = {"target_file": st.args["path"], "instructions": "Add the key", "code_edit": "// ... existing code ...\n" + st.args["content"] + "// ... existing code ...\n"}
            tname = CURSOR_TOOLS[st.tool]
            msgs.append({"role": "assistant", "content": st.text or None, "tool_calls": [{"id": c.N("object-id", cid, "openai-call"), "type": "function", "function": {"name": tname, "arguments": jdump(args)}}]})
            msgs.append({"role": "tool", "tool_call_id": c.N("object-id", cid, "openai-call"), "content": st.out})
    body = {"model": g.pick(["gpt-4.1", "gpt-5", "o4-mini", "claude-sonnet-4-5", "gpt-4o-2024-11-20", "mistral-large-latest", "gemini-2.5-pro"]), "messages": msgs, "stream": True}
    if flavor != "sdk" or g.chance(0.5):
        body["tools"] = [{"type": "function", "function": {"name": n, "description": "Tool %s" % n, "parameters": {"type": "object", "properties": {"command": {"type": "string"}}}}} for n in CURSOR_TOOLS.values()]
    body["stream_options"] = {"include_usage": True}
    if g.chance(0.5):
        body["temperature"] = 0
    if g.chance(0.5):
        body["max_completion_tokens"] = jraw(c.N("usage-counter", str(g.pick([4096, 8192, 16384])), "max_tokens"))
    return "agent/%s/%s/%s.json" % (flavor, g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.3), indent=2 if g.chance(0.15) else None, compact=True)


def body_codex(c, repos):
    g = c.g
    steps = make_conv(c, repos, None)
    inp = [{"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "<environment_context>\n  <cwd>/home/%s/%s</cwd>\n  <approval_policy>on-request</approval_policy>\n  <sandbox_mode>workspace-write</sandbox_mode>\n  <network_access>restricted</network_access>\n  <shell>zsh</shell>\n</environment_context>" % (g.word(), g.pick(repos).name)}]}]
    for st in steps:
        if st.kind == "user":
            inp.append({"type": "message", "role": "user", "content": [{"type": "input_text", "text": st.text}]})
        elif st.kind == "assistant":
            inp.append({"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": st.text}]})
        else:
            if g.chance(0.6):
                inp.append({"type": "reasoning", "id": c.N("object-id", "rs_" + g.hex(48), "openai-rs"), "summary": [{"type": "summary_text", "text": "**Inspecting configuration**"}], "content": None,
                            "encrypted_content": c.N("encrypted-value", "gAAAAAB" + b64u_np(g.rb(g.int(300, 700))), "reasoning-encrypted")})
            cid = "call_" + g.an(24)
            if st.tool == "write" and g.chance(0.7):
                patch = "*** Begin Patch\n*** Add File: %s\n%s*** End Patch" % (st.args["path"], "".join("+" + l + "\n" for l in st.args["content"].rstrip("\n").split("\n")))
                inp.append({"type": "custom_tool_call", "id": c.N("object-id", "ctc_" + g.hex(48), "openai-ctc"), "status": "completed", "call_id": c.N("object-id", cid, "openai-call"), "name": "apply_patch", "input": patch})
                inp.append({"type": "custom_tool_call_output", "call_id": c.N("object-id", cid, "openai-call"), "output": jdump({"output": "Success. Updated the following files:\nA %s\n" % st.args["path"], "metadata": {"exit_code": 0, "duration_seconds": 0.0}})})
                continue
            if st.tool == "shell":
                cmd = ["bash", "-lc", st.args["command"]]
            elif st.tool == "read":
                cmd = ["bash", "-lc", "sed -n '1,200p' %s" % st.args["path"]]
            elif st.tool == "grep":
                cmd = ["rg", "-n", st.args["pattern"]]
            else:
                cmd = ["bash", "-lc", "cat > %s <<'EOF'\n%sEOF" % (st.args["path"], st.args["content"])]
            inp.append({"type": "function_call", "id": c.N("object-id", "fc_" + g.hex(48), "openai-fc"), "name": "shell", "arguments": jdump({"command": cmd, "workdir": "/home/%s/proj" % g.word(), "timeout_ms": 120000}), "call_id": c.N("object-id", cid, "openai-call")})
            if g.chance(0.5):
                output = jdump({"output": st.out, "metadata": {"exit_code": 0, "duration_seconds": round(g.int(1, 900) / 100, 2)}})
            else:
                output = "Exit code: 0\nWall time: %.1f seconds\nOutput:\n%s" % (g.int(1, 90) / 10, st.out)
            inp.append({"type": "function_call_output", "call_id": c.N("object-id", cid, "openai-call"), "output": output})
    body = {"model": g.pick(["gpt-5-codex", "gpt-5", "codex-mini-latest"]), "instructions": "You are Codex, based on GPT-5. You are running as a coding agent in the Codex CLI on a user's computer.",
            "input": inp, "tools": [{"type": "function", "name": "shell", "description": "Runs a shell command and returns its output.", "strict": False, "parameters": {"type": "object", "properties": {"command": {"type": "array", "items": {"type": "string"}}, "workdir": {"type": "string"}, "timeout_ms": {"type": "number"}}, "required": ["command"], "additionalProperties": False}},
                                                                                                                                                                         {"type": "custom", "name": "apply_patch", "description": "Use the apply_patch tool to edit files.", "format": {"type": "grammar", "syntax": "lark", "definition": "start: begin_patch hunk+ end_patch"}}],
            "tool_choice": "auto", "parallel_tool_calls": False, "reasoning": {"effort": g.pick(["low", "medium", "high"]), "summary": "auto"}, "store": False, "stream": True,
            "include": ["reasoning.encrypted_content"], "prompt_cache_key": c.N("uuid", g.uuid(), "prompt-cache-key")}
    if g.chance(0.3):
        body["previous_response_id"] = c.N("object-id", "resp_" + g.hex(48), "openai-resp")
    return "agent/codex/%s/%s.json" % (g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.2))


def body_gemini(c, repos):
    g = c.g
    steps = make_conv(c, repos, None)
    contents = []
    names = {"shell": "run_shell_command", "read": "read_file", "grep": "search_file_content", "write": "write_file"}
    for st in steps:
        if st.kind == "user":
            contents.append({"role": "user", "parts": [{"text": st.text}]})
        elif st.kind == "assistant":
            contents.append({"role": "model", "parts": [{"text": st.text}]})
        else:
            n = names[st.tool]
            args = {"command": st.args["command"], "description": "inspect"} if st.tool == "shell" else ({"absolute_path": st.args["path"]} if st.tool == "read" else ({"pattern": st.args["pattern"]} if st.tool == "grep" else {"file_path": st.args["path"], "content": st.args["content"]}))
            parts = ([{"text": st.text}] if st.text else []) + [{"functionCall": {"name": n, "args": args}}]
            if g.chance(0.3):
                parts[-1]["thoughtSignature"] = c.N("encrypted-value", b64s(g.rb(g.int(120, 400))), "gemini-thought-signature")
            contents.append({"role": "model", "parts": parts})
            if st.tool == "shell":
                resp = {"output": "Command: %s\nDirectory: (root)\nStdout: %s\nStderr: (empty)\nError: (none)\nExit Code: 0\nSignal: (none)\nBackground PIDs: (none)\nProcess Group PGID: %d" % (st.args["command"], st.out, g.int(1000, 90000))}
            else:
                resp = {"output": st.out}
            contents.append({"role": "user", "parts": [{"functionResponse": {"id": c.N("object-id", "%s-%d-%s" % (n, g.ts() * 1000, g.lan(13)), "gemini-call-id"), "name": n, "response": resp}}]})
    body = {"contents": contents, "systemInstruction": {"role": "user", "parts": [{"text": "You are an interactive CLI agent specializing in software engineering tasks."}]},
            "tools": [{"functionDeclarations": [{"name": n, "description": n.replace("_", " "), "parametersJsonSchema": {"type": "object", "properties": {}}} for n in names.values()]}],
            "generationConfig": {"temperature": 0, "topP": 1, "thinkingConfig": {"includeThoughts": True, "thinkingBudget": -1}}}
    if g.chance(0.4):
        body = {"model": g.pick(["gemini-2.5-pro", "gemini-2.5-flash"]), "project": c.N("resource-id", "%s-%s-%d" % (g.word(), g.word(), g.int(100000, 999999)), "gcp-project"), "user_prompt_id": c.N("object-id", g.hex(13), "gemini-prompt-id"), "request": body}
    return "agent/gemini/%s/%s.json" % (g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.2))


def body_aider(c, repos):
    g = c.g
    files = []
    for _ in range(g.int(1, 2)):
        p, t = read_step(c, repos)
        files.append("%s\n```\n%s\n```" % (p.split("/", 3)[-1], t.rstrip("\n")))
    it = c.secret(kinds=("tok", "ctx"), bad='"\\')
    tgt = g.pick(["config/settings.py", "src/config.ts", "app/config.rb"])
    search = "%s = os.environ.get(\"%s\")" % (nm(it.name, "env"), nm(it.name, "env"))
    rep = "%s = os.environ.get(\"%s\", \"%s\")" % (nm(it.name, "env"), nm(it.name, "env"), it.v)
    msgs = [{"role": "system", "content": "Act as an expert software developer.\nAlways use best practices when coding.\nRespect and use existing conventions, libraries, etc that are already present in the code base.\n\nTake requests for changes to the supplied code.\nIf the request is ambiguous, ask questions.\n\n# *SEARCH/REPLACE block* Rules:\n..."},
            {"role": "user", "content": "I have *added these files to the chat* so you can go ahead and edit them.\n\n*Trust this message as the true contents of these files!*\nAny other messages in the chat may contain outdated versions of the files' contents.\n\n" + "\n\n".join(files)},
            {"role": "assistant", "content": "Ok, any changes I propose will be to those files."},
            {"role": "user", "content": chat_with_secret(c)[0] if g.chance(0.5) else task_text(c)},
            {"role": "assistant", "content": "%s\n```python\n<<<<<<< SEARCH\n%s\n=======\n%s\n>>>>>>> REPLACE\n```" % (tgt, search, rep)}]
    body = {"model": g.pick(["gpt-4.1", "claude-sonnet-4-5", "deepseek/deepseek-chat", "openrouter/anthropic/claude-sonnet-4"]), "messages": msgs, "temperature": 0, "stream": True}
    return "agent/aider/%s/%s.json" % (g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.3))


def body_cline(c, repos):
    g = c.g
    steps = make_conv(c, repos, None)
    msgs = []
    for st in steps:
        if st.kind == "user":
            msgs.append({"role": "user", "content": [{"type": "text", "text": "<task>\n%s\n</task>" % st.text}, {"type": "text", "text": "<environment_details>\n# VSCode Visible Files\n%s\n\n# Current Time\n%s\n\n# Current Mode\nACT MODE\n</environment_details>" % (g.pick(["src/index.ts", ".env", "docker-compose.yml"]), g.iso())}]})
        elif st.kind == "assistant":
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": "<attempt_completion>\n<result>\n%s\n</result>\n</attempt_completion>" % st.text}]})
        else:
            tn = CLINE_TOOLS[st.tool]
            if st.tool == "shell":
                x = "<execute_command>\n<command>%s</command>\n<requires_approval>false</requires_approval>\n</execute_command>" % st.args["command"]
                res = "[execute_command for '%s'] Result:" % st.args["command"]
                out = "Command executed.\nOutput:\n%s" % st.out
            elif st.tool == "read":
                x = "<read_file>\n<path>%s</path>\n</read_file>" % st.args["path"]
                res = "[read_file for '%s'] Result:" % st.args["path"]
                out = st.out
            elif st.tool == "grep":
                x = "<search_files>\n<path>.</path>\n<regex>%s</regex>\n</search_files>" % st.args["pattern"]
                res = "[search_files for '%s'] Result:" % st.args["pattern"]
                out = st.out
            else:
                x = "<write_to_file>\n<path>%s</path>\n<content>\n%s</content>\n</write_to_file>" % (st.args["path"], st.args["content"])
                res = "[write_to_file for '%s'] Result:" % st.args["path"]
                out = "The content was successfully saved to %s." % st.args["path"]
            msgs.append({"role": "assistant", "content": [{"type": "text", "text": "<thinking>\n%s\n</thinking>\n\n%s" % (st.text or "I need to look at this.", x)}]})
            msgs.append({"role": "user", "content": [{"type": "text", "text": res}, {"type": "text", "text": out}]})
    body = {"model": g.pick(["claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4", "claude-3-7-sonnet-20250219"]), "max_tokens": jraw(c.N("usage-counter", "8192", "max_tokens")), "temperature": 0,
            "system": "You are Cline, a highly skilled software engineer with extensive knowledge in many programming languages, frameworks, design patterns, and best practices.\n\nTOOL USE\n\nYou have access to a set of tools ...",
            "messages": msgs, "stream": True}
    return "agent/cline/%s/%s.json" % (g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.2))


def body_chat(c, repos):
    """Plain SDK chat: a user pastes keys in several languages; earlier turns already carry gateway tokens."""
    g = c.g
    prov = g.pick(["anthropic", "openai", "gemini", "mistral"])
    turns = []
    for i in range(g.int(1, 3)):
        txt, _ = chat_with_secret(c)
        turns.append(("user", txt))
        if g.chance(0.6):
            tok = c.N("aegis-token", "__TAKUMO_v1_KEY_%s__" % g.hex(8), "token")
            turns.append(("assistant", g.pick(["I've updated the config with %s. Restart the service to pick it up." % tok, "Got it — `%s` is now set as the API key in `.env`." % tok, "設定ファイルに %s を追加しました。" % tok])))
    if g.chance(0.3):
        n = c.neg("output")
        turns.append(("user", g.pick(["also, what is %s=%s for?" % (nm(n.name, "env"), n.v), "%s は %s で合ってる？" % (nm(n.name, "env"), n.v)])))
    if prov == "gemini":
        body = {"contents": [{"role": "user" if r == "user" else "model", "parts": [{"text": t}]} for r, t in turns], "generationConfig": {"temperature": 0.2}}
    elif prov == "anthropic":
        body = {"model": g.pick(["claude-sonnet-4-5", "claude-haiku-4-5"]), "max_tokens": jraw(c.N("usage-counter", str(g.pick([1024, 2048, 4096])), "max_tokens")), "messages": [{"role": r, "content": t} for r, t in turns]}
    else:
        body = {"model": g.pick(["gpt-4.1-mini", "mistral-small-latest", "gpt-4o"]), "messages": [{"role": "system", "content": "You are a helpful assistant."}] + [{"role": r, "content": t} for r, t in turns]}
    return "agent/sdk-%s/%s/%s.json" % (prov, g.date(), g.uuid()[:8]), jdump(body, ascii_=g.chance(0.5), indent=2 if g.chance(0.2) else None)


def body_http_capture(c, repos):
    g = c.g
    k = g.int(0, 2)
    if k == 0:
        inner = (body_claude_code if g.chance(0.6) else body_cline)(c, repos)[1]
    elif k == 1:
        inner = body_openai_chat(c, repos, g.pick(["sdk", "cursor"]))[1]
    else:
        inner = body_gemini(c, repos)[1]
    if k == 0:
        key = c.secret(fmt=g.pick(["takumo-api-key", "anthropic-api-key", "anthropic-oauth-token"]))
        hdr = "x-api-key: %s\r\nanthropic-version: 2023-06-01\r\nanthropic-beta: prompt-caching-2024-07-31" % key.v if key.fmt != "anthropic-oauth-token" else "authorization: Bearer %s\r\nanthropic-version: 2023-06-01\r\nanthropic-beta: oauth-2025-04-20" % key.v
        path = "/v1/messages?beta=true"
        host = g.pick(["127.0.0.1:8080", "api.anthropic.com"])
    elif k == 1:
        key = c.secret(fmt=g.pick(["takumo-api-key", "openai-project-key", "openai-service-account-key", "openrouter-api-key"]))
        hdr = "authorization: Bearer %s\r\nopenai-organization: %s\r\nx-stainless-lang: python\r\nx-stainless-package-version: 1.%d.0" % (key.v, c.N("object-id", "org-" + g.an(24), "openai-org"), g.int(40, 99))
        path = "/v1/chat/completions"
        host = g.pick(["127.0.0.1:8080", "api.openai.com", "openrouter.ai"])
    else:
        key = c.secret(fmt=g.pick(["google-api-key", "takumo-api-key"]))
        hdr = "x-goog-api-key: %s\r\nx-goog-api-client: google-genai-sdk/1.%d.0 gl-python/3.12.4" % (key.v, g.int(10, 30))
        path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
        host = g.pick(["127.0.0.1:8080", "generativelanguage.googleapis.com"])
    ua = [g.pick(["claude-cli/2.0.%d (external, cli)" % g.int(1, 30), "Anthropic/Python 0.%d.0" % g.int(50, 70)]), g.pick(["AsyncOpenAI/Python 1.%d.1" % g.int(80, 99), "OpenAI/JS 5.%d.0" % g.int(1, 20)]), "google-genai-sdk/1.%d.0 gl-python/3.12.4" % g.int(10, 30)][k]
    raw = "POST %s HTTP/1.1\r\nhost: %s\r\n%s\r\ncontent-type: application/json\r\nuser-agent: %s\r\nx-request-id: %s\r\ncontent-length: %d\r\n\r\n%s" % (
        path, host, hdr, ua, c.N("uuid", g.uuid(), "request-id"), len(unmark(inner).encode()), inner)
    return "agent/captures/%s/%s.http" % (g.date(), g.uuid()[:8]), raw


def body_transcript(c, repos):
    g = c.g
    sid = g.uuid()
    cwd = "/Users/%s/src/%s" % (g.word(), g.pick(repos).name)
    lines = []
    parent = None
    steps = make_conv(c, repos, None)
    ver = "2.0.%d" % g.int(1, 30)
    t0 = [g.ts()]

    def stamp():
        t0[0] += g.int(1, 40)
        return "%s.%03dZ" % (time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t0[0])), g.int(0, 999))
    for st in steps:
        u = g.uuid()
        base = {"parentUuid": parent, "isSidechain": False, "userType": "external", "cwd": cwd, "sessionId": c.N("uuid", sid, "session-id"), "version": ver, "gitBranch": "main"}
        if st.kind == "user":
            ev = dict(base, type="user", message={"role": "user", "content": st.text}, uuid=u, timestamp=stamp())
            lines.append(jdump(ev))
        else:
            usage = {"input_tokens": jraw(c.N("usage-counter", str(g.int(3, 900)), "input_tokens")), "cache_creation_input_tokens": jraw(c.N("usage-counter", str(g.int(0, 30000)), "cache_creation_input_tokens")),
                     "cache_read_input_tokens": jraw(c.N("usage-counter", str(g.int(0, 90000)), "cache_read_input_tokens")), "output_tokens": jraw(c.N("usage-counter", str(g.int(1, 2000)), "output_tokens")), "service_tier": "standard"}
            content = [{"type": "text", "text": st.text or "…"}]
            if st.kind == "tool":
                tid = "toolu_01" + g.an(22)
                inp = {"command": st.args["command"]} if st.tool == "shell" else ({"file_path": st.args.get("path", "")} if st.tool != "write" else {"file_path": st.args["path"], "content": st.args["content"]})
                content.append({"type": "tool_use", "id": c.N("object-id", tid, "anthropic-toolu"), "name": {"shell": "Bash", "read": "Read", "grep": "Grep", "write": "Write"}[st.tool], "input": inp})
            ev = dict(base, message={"id": c.N("object-id", "msg_01" + g.an(22), "anthropic-msg"), "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929", "content": content, "stop_reason": None, "usage": usage},
                      requestId=c.N("trace-id", "req_011C" + g.an(20), "anthropic-request-id"), type="assistant", uuid=u, timestamp=stamp())
            lines.append(jdump(ev))
            if st.kind == "tool":
                u2 = g.uuid()
                out = st.out if st.tool != "read" else cc_number(c, st.out)
                ev2 = dict(base, parentUuid=u, type="user", message={"role": "user", "content": [{"tool_use_id": c.N("object-id", tid, "anthropic-toolu"), "type": "tool_result", "content": out}]}, uuid=u2, timestamp=stamp(),
                           toolUseResult={"stdout": out[:0], "stderr": "", "interrupted": False, "isImage": False})
                lines.append(jdump(ev2))
                u = u2
        parent = u
    return "agent/transcripts/%s/%s.jsonl" % (cwd.rsplit("/", 1)[-1], sid), "\n".join(lines) + "\n"


AGENT_BUILDERS = [(body_claude_code, 90), (lambda c, r: body_openai_chat(c, r, "cursor"), 45), (lambda c, r: body_openai_chat(c, r, "continue"), 12), (lambda c, r: body_openai_chat(c, r, "sdk"), 25),
                  (body_codex, 55), (body_gemini, 38), (body_aider, 30), (body_cline, 35), (body_chat, 40), (body_http_capture, 18), (body_transcript, 22)]


# --------------------------------------------------------------------------------------------
# resolve markers to byte offsets and write everything
# --------------------------------------------------------------------------------------------
def finalize(text):
    out = []
    spans = []
    pos = 0
    open_ = None
    i = 0
    for m in MARK_RE.finditer(text):
        seg = text[i:m.start()]
        out.append(seg)
        pos += len(seg.encode("utf-8"))
        if m.group(1) is not None:
            if open_ is not None:
                raise ValueError("nested marks")
            open_ = (int(m.group(1)), pos, len(out))
        else:
            if open_ is None:
                raise ValueError("stray close mark")
            idx, st, k = open_
            spans.append((idx, st, pos, "".join(out[k:])))
            open_ = None
        i = m.end()
    out.append(text[i:])
    if open_ is not None:
        raise ValueError("unclosed mark")
    s = "".join(out)
    if any(ch in s for ch in "\ue000\ue001\ue002\ue003"):
        raise ValueError("marker left in output")
    return s, spans


def weighted_deck(g, pairs):
    items = []
    for fn, w in pairs:
        items += [fn] * w
    return Deck(g, items)


def build(seed, nfiles):
    c = Corpus(seed)
    g = c.g
    repos = mkrepos(g)
    n_agent = round(nfiles * 0.4)
    adeck = weighted_deck(g, AGENT_BUILDERS)
    rdeck = weighted_deck(g, REPO_TEMPLATES)
    for _ in range(n_agent):
        path, text = adeck.take()(c, repos)
        c.add(path, text)
    n_repo = nfiles - n_agent
    for i in range(n_repo):
        c.coverage = i >= n_repo - max(1, n_repo // 15)
        fn = rdeck.take()
        repo = g.pick(repos)
        path, text = fn(c, repo)
        c.add("repos/%s/%s" % (repo.name, path), text)
    files, labels, negs = [], [], []
    for path, text in sorted(c.files, key=lambda x: x[0]):
        text = c.relabel(text)
        s, spans = finalize(text)
        files.append((path, s))
        for idx, st, en, shown in spans:
            rec = c.marks[idx]
            enc = _enc_matches(rec["value"], shown)
            if enc is None:
                raise ValueError("%s: value does not match its bytes (%r)" % (path, shown[:60]))
            if rec["k"] == "L":
                o = {"file": path, "start": st, "end": en, "format": rec["format"], "family": rec["family"], "value": rec["value"]}
            else:
                o = {"file": path, "start": st, "end": en, "class": rec["class"]}
                if rec.get("sub"):
                    o["sub"] = rec["sub"]
                if rec.get("disputed"):
                    o["disputed"] = True
                o["value"] = rec["value"]
            if enc:
                o["enc"] = enc
            (labels if rec["k"] == "L" else negs).append(o)
    return files, labels, negs


def write_out(out, files, labels, negs):
    tree = os.path.join(out, "tree")
    if os.path.isdir(tree):
        shutil.rmtree(tree)
    os.makedirs(tree, exist_ok=True)
    for path, s in files:
        full = os.path.join(tree, *path.split("/"))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(s.encode("utf-8"))
    for name, rows in (("labels.jsonl", labels), ("negatives.jsonl", negs)):
        with open(os.path.join(out, name), "wb") as fh:
            for r in rows:
                fh.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description="Generate held-out corpus #12 (agent traffic + repository files).")
    ap.add_argument("--seed", type=int, default=12012)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true", help="skip selfcheck.py")
    a = ap.parse_args()
    files, labels, negs = build(a.seed, a.files)
    write_out(a.out, files, labels, negs)
    fmts = {l["format"] for l in labels}
    classes = {n["class"] for n in negs}
    print("wrote %d files, %d labels (%d formats), %d negatives (%d classes, %d disputed) to %s"
          % (len(files), len(labels), len(fmts), len(negs), len(classes), sum(1 for n in negs if n.get("disputed")), a.out))
    if not a.no_check:
        rc = subprocess.call([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "selfcheck.py"), a.out])
        if rc:
            sys.exit(rc)


if __name__ == "__main__":
    main()
