"""Core helpers of the heldout13 generator: random values, the marker document, naming and syntaxes.

Everything takes an explicit random.Random; nothing depends on hash() or set order.
"""
import base64
import json
import re
import string
import struct
import zlib

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
ANL = LO + DG
ANU = UP + DG
HEX = "0123456789abcdef"
HEXU = HEX.upper()
B64 = AN + "+/"
B64U = AN + "-_"
B32 = UP + "234567"
B32L = LO + "234567"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B62 = DG + UP + LO

# substrings a labelled random value must not contain: they would make it look like a placeholder
BAD = ("test", "exampl", "xxx", "dummy", "sampl", "fake", "redact", "placehold", "your", "todo",
       "changeme", "0000", "1234", "abcd", "aaaa", "ffff", "null", "none", "undefined", "insert", "replace")


def clean(s):
    low = s.lower()
    return not any(b in low for b in BAD)


def rs(r, alpha, n):
    """Random string of n chars from alpha, never containing a placeholder-like substring."""
    while True:
        s = "".join(r.choice(alpha) for _ in range(n))
        if clean(s):
            return s


def rs_any(r, alpha, n):
    return "".join(r.choice(alpha) for _ in range(n))


def rbytes(r, n):
    if n <= 0:
        return b""
    return r.getrandbits(8 * n).to_bytes(n, "big")


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def b64s(s):
    return base64.b64encode(s.encode()).decode()


def rb64(r, nbytes):
    while True:
        s = b64(rbytes(r, nbytes))
        if clean(s):
            return s


def rb64u(r, nbytes):
    while True:
        s = b64u(rbytes(r, nbytes))
        if clean(s):
            return s


def uuid4(r):
    b = bytearray(rbytes(r, 16))
    b[6] = (b[6] & 0x0F) | 0x40
    b[8] = (b[8] & 0x3F) | 0x80
    h = b.hex()
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def cuuid4(r):
    while True:
        u = uuid4(r)
        if clean(u):
            return u


def base62(n):
    if n == 0:
        return "0"
    out = []
    while n:
        n, k = divmod(n, 62)
        out.append(B62[k])
    return "".join(reversed(out))


def crc32_b62(s):
    return base62(zlib.crc32(s.encode()) & 0xFFFFFFFF).rjust(6, "0")


def crc24(data):
    crc = 0xB704CE
    for b in data:
        crc ^= b << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def wrap(s, n=64):
    return "\n".join(s[i:i + n] for i in range(0, len(s), n))


def luhn_ok(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


class Deck:
    """Draws items in shuffled cycles so every item comes up about equally often."""

    def __init__(self, r, items):
        self.r = r
        self.items = list(items)
        self.q = []

    def next(self, pred=None):
        for _ in range(3):
            for i in range(len(self.q) - 1, -1, -1):
                if pred is None or pred(self.q[i]):
                    return self.q.pop(i)
            more = self.items[:]
            self.r.shuffle(more)
            self.q = more + self.q
        raise ValueError("no deck item satisfies predicate")


# ---------------------------------------------------------------- names

def words_of(name):
    parts = re.split(r"[_\-.\s]+", name)
    out = []
    for p in parts:
        if not p:
            continue
        out.extend(w.lower() for w in re.findall(r"[A-Z0-9]+(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+", p) or [p.lower()])
    return out


def case(name, style):
    w = words_of(name)
    if style == "UP":
        return "_".join(x.upper() for x in w)
    if style == "snake":
        return "_".join(w)
    if style == "camel":
        return w[0] + "".join(x.capitalize() for x in w[1:])
    if style == "pascal":
        return "".join(x.capitalize() for x in w)
    if style == "kebab":
        return "-".join(w)
    if style == "dot":
        return ".".join(w)
    raise ValueError(style)


def fill(tmpl, name, v="", e=""):
    out = tmpl
    for key, style in (("{UP}", "UP"), ("{snake}", "snake"), ("{camel}", "camel"), ("{pascal}", "pascal"),
                       ("{kebab}", "kebab"), ("{dot}", "dot")):
        if key in out:
            out = out.replace(key, case(name, style))
    return out.replace("{v}", v).replace("{e}", e)


# ---------------------------------------------------------------- the marked document

M0, M1 = "\uE000", "\uE001"
MRE = re.compile("\uE000(\\d+)\uE001")


def jesc(s, ascii_only=False):
    return json.dumps(s, ensure_ascii=ascii_only)[1:-1]


class Doc:
    """Text with markers. S() marks a secret, N() a negative; each returns a marker to put in the text."""

    def __init__(self, r):
        self.r = r
        self.tags = []

    def _add(self, tag):
        self.tags.append(tag)
        return "%s%d%s" % (M0, len(self.tags) - 1, M1)

    def S(self, value, fmt, raw=None, esc=0):
        from h13_formats import FORMATS
        if fmt not in FORMATS:
            raise KeyError("unknown format " + fmt)
        if not value or M0 in value:
            raise ValueError("bad secret value for %s: %r" % (fmt, value))
        return self._add({"k": "S", "raw": value if raw is None else raw, "value": value, "esc": esc,
                          "format": fmt, "family": FORMATS[fmt]["family"]})

    def N(self, value, cls, sub="", disputed=None, raw=None, esc=0):
        from h13_negs import NEG_CLASSES
        if cls not in NEG_CLASSES:
            raise KeyError("unknown negative class " + cls)
        if not value or M0 in value:
            raise ValueError("bad negative value for %s: %r" % (cls, value))
        if disputed is None:
            disputed = NEG_CLASSES[cls]
        return self._add({"k": "N", "raw": value if raw is None else raw, "value": value, "esc": esc,
                          "class": cls, "sub": sub, "disputed": bool(disputed)})

    def transform(self, text, kind, arg=None):
        """Apply a transform to marked text; tags are copied so the original text stays valid.
        kind: 'json' (escape as the inside of a JSON string), 'crlf', 'indent' (arg: prefix after each newline)."""
        out = []
        pos = 0
        for m in MRE.finditer(text):
            out.append(self._tx_plain(text[pos:m.start()], kind, arg))
            t = dict(self.tags[int(m.group(1))])
            if kind == "json":
                t["raw"] = jesc(t["raw"], bool(arg))
                t["esc"] += 1
            else:
                new = self._tx_plain(t["raw"], kind, arg)
                if new != t["raw"]:
                    if t["esc"]:
                        raise ValueError("textual transform of an escaped value")
                    t["value"] = new
                t["raw"] = new
            out.append(self._add(t))
            pos = m.end()
        out.append(self._tx_plain(text[pos:], kind, arg))
        return "".join(out)

    @staticmethod
    def _tx_plain(s, kind, arg):
        if kind == "json":
            return jesc(s, bool(arg))
        if kind == "crlf":
            return s.replace("\r\n", "\n").replace("\n", "\r\n")
        if kind == "indent":
            return s.replace("\n", "\n" + arg)
        raise ValueError(kind)

    def plain(self, text):
        """The text with markers replaced by their raw content (for hashing or sizes)."""
        return MRE.sub(lambda m: self.tags[int(m.group(1))]["raw"], text)

    def render(self, text, relpath):
        """-> (bytes, labels, negatives)"""
        parts = []
        labels, negs = [], []
        off = 0
        line = 1
        pos = 0
        for m in MRE.finditer(text):
            seg = text[pos:m.start()].encode()
            parts.append(seg)
            off += len(seg)
            line += seg.count(b"\n")
            t = self.tags[int(m.group(1))]
            raw = t["raw"].encode()
            if M0 in t["raw"] or M1 in t["raw"]:
                raise ValueError("nested marker")
            rec = {"file": relpath, "start": off, "end": off + len(raw), "line": line}
            if t["k"] == "S":
                rec.update({"format": t["format"], "family": t["family"], "esc": t["esc"], "value": t["value"]})
                labels.append(rec)
            else:
                rec.update({"class": t["class"], "sub": t["sub"], "disputed": t["disputed"], "esc": t["esc"],
                            "value": t["value"]})
                negs.append(rec)
            parts.append(raw)
            off += len(raw)
            line += raw.count(b"\n")
            pos = m.end()
        seg = text[pos:].encode()
        parts.append(seg)
        return b"".join(parts), labels, negs


# ---------------------------------------------------------------- vocabulary

WORDS = """amber anchor apex arbor aspen atlas aurora autumn avalon azure badger basalt beacon birch bison blaze
bluebird boreal bramble breeze brook cactus canyon cardinal cascade cedar cinder citrus cobalt comet coral cosmos
crater crimson cypress dahlia delta dune eagle ember falcon fennel fern fjord flint forest fossil garnet geyser
glacier granite gravel harbor hazel heron hickory horizon indigo iris ivory jasper juniper kestrel lagoon lantern
larch lava lemon lilac linden lotus lunar magnet mango maple marble meadow mercury mesa mist monsoon moss nebula
nectar nimbus oasis obsidian ocean olive onyx orbit orchid osprey otter pebble pepper pine plum polar poppy prairie
quartz quill raven reef ridge river robin saffron sage salmon sapphire sequoia shadow sierra silver sparrow spruce
summit sunset swift talon tangerine thistle thunder tidal timber topaz tundra tulip umber valley velvet walnut willow
winter wren yarrow zephyr zinc""".split()

FIRST = ("akira aiko alex amara anders ana bjorn camille chen dana diego elena emeka farah felix gita hana hiro ines "
         "jonas kai karin lars layla leon lucia marco maya mei nadia nikos noor olga omar priya rafael ravi rosa sami "
         "sofia tariq tomas yara yusuf zoe").split()
LAST = ("abe alvarez berg costa dubois eriksen fischer garcia haddad ito jansen kim kowalski lindqvist mehta moreau "
        "nakamura novak okafor ortiz petrov quinn rossi sato schmidt silva tanaka varga weber yamada zhou").split()
ORGS = ("acmecorp northwind globex initech umbrellalabs hooli vandelay tyrell soylent cyberdyne starkind wonka "
        "oscorp massivedyn aperture bluesun piedpiper dunder kanto lumon orbitalis quantiq helios brightpath "
        "riverbank nimbusly corvid").split()
TLDS = ("io", "dev", "net", "com", "co", "cloud", "app", "tech")
SERVICES = ("billing", "payments", "checkout", "ledger", "auth", "identity", "catalog", "search", "inventory", "orders",
            "notifications", "mailer", "gateway", "reports", "analytics", "scheduler", "warehouse", "pricing",
            "shipping", "profiles", "media", "ingest", "etl", "crm", "support", "webhooks", "admin", "portal",
            "feeds", "recommender", "fraud", "kyc", "onboarding", "invoicing", "telemetry", "chat", "docs")
ENVS = ("prod", "production", "staging", "stage", "dev", "qa", "uat", "preprod", "sandbox", "eu", "us")
REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2", "sa-east-1",
           "ca-central-1", "eu-north-1", "ap-south-1")


def pick(r, seq):
    return seq[r.randrange(len(seq))]


def org(r):
    return pick(r, ORGS)


def domain(r, o=None):
    return "%s.%s" % (o or org(r), pick(r, TLDS))


def person(r):
    return pick(r, FIRST), pick(r, LAST)


def username(r):
    f, l = person(r)
    return pick(r, (f, f + "." + l, f[0] + l, f + "_" + l[:3], f + str(r.randint(1, 99))))


def email(r, o=None):
    f, l = person(r)
    return "%s.%s@%s" % (f, l, domain(r, o))


def host(r, kind="db"):
    o = org(r)
    e = pick(r, ENVS)
    c = r.random()
    if kind == "db":
        if c < 0.3:
            return "%s-%s.c%s.%s.rds.amazonaws.com" % (pick(r, SERVICES), e, rs(r, ANL, 10), pick(r, REGIONS))
        if c < 0.55:
            return "%s-db-%d.%s.internal" % (pick(r, SERVICES), r.randint(1, 9), o)
        if c < 0.7:
            return "10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254))
        if c < 0.85:
            return "pg-%s.%s" % (e, domain(r, o))
        return "%s.%s.svc.cluster.local" % (pick(r, ("postgres", "mysql", "db", "primary", "pgbouncer")), pick(r, SERVICES))
    if c < 0.5:
        return "%s.%s" % (pick(r, SERVICES), domain(r, o))
    return "%s-%s.%s" % (pick(r, SERVICES), e, domain(r, o))


def ip(r, private=True):
    if private:
        return pick(r, ("10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(2, 254)),
                        "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 255), r.randint(2, 254)),
                        "192.168.%d.%d" % (r.randint(0, 255), r.randint(2, 254))))
    return "%d.%d.%d.%d" % (r.choice((34, 35, 52, 54, 18, 3, 104, 142, 185, 198)), r.randint(0, 255),
                            r.randint(0, 255), r.randint(1, 254))


def ts(r, year0=2023, year1=2025):
    y = r.randint(year0, year1)
    return "%04d-%02d-%02dT%02d:%02d:%02d" % (y, r.randint(1, 12), r.randint(1, 28), r.randint(0, 23),
                                              r.randint(0, 59), r.randint(0, 59))


def epoch(r):
    return r.randint(1672531200, 1767225600)


def semver(r):
    return "%d.%d.%d" % (r.randint(0, 12), r.randint(0, 30), r.randint(0, 40))


# ---------------------------------------------------------------- passwords

SAFE_PUNCT = "!*-_.@^~+="
URL_PUNCT = "-._~"


def password(r, url_safe=False, style=None):
    while True:
        st = style if style is not None else r.choice(("rand", "rand", "human", "phrase", "pwgen", "b64", "hex"))
        if st == "rand":
            n = r.randint(14, 30)
            alpha = AN + (URL_PUNCT if url_safe else SAFE_PUNCT)
            s = r.choice(AN) + "".join(r.choice(alpha) for _ in range(n - 2)) + r.choice(AN)
        elif st == "human":
            w = r.choice(WORDS).capitalize()
            if r.random() < 0.5:
                w = w.replace("o", "0").replace("a", "4", 1).replace("e", "3", 1)
            s = w + str(r.randint(10, 9999)) + (r.choice("!.*") if not url_safe else r.choice("-_."))
            if r.random() < 0.5:
                s = r.choice(WORDS).capitalize() + s
        elif st == "phrase":
            s = "-".join(r.choice(WORDS) for _ in range(r.randint(3, 5))) + "-" + str(r.randint(2, 99))
        elif st == "pwgen":
            s = "".join(r.choice(AN) for _ in range(r.randint(12, 16)))
        elif st == "b64":
            s = b64(rbytes(r, r.choice((18, 24, 32))))
            if url_safe:
                s = s.replace("+", "-").replace("/", "_").rstrip("=")
        else:
            s = rbytes(r, r.choice((12, 16, 20, 24, 32))).hex()
        if clean(s) and len(s) >= 10 and not s.lower().startswith(("pass", "secret", "admin")):
            return s
