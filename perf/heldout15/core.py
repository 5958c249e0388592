"""Core helpers: seeded randomness, span markers, escaping that keeps markers, and the per-file context.

Spans (labels and negatives) are written inline as private-use markers:
    U+E000 <index> U+E001 <text> U+E002
Escaping helpers below leave the markers intact, so a span keeps covering exactly the bytes its text
ends up as (a PEM inside a JSON string covers the literal \\n escapes, a URL-encoded value covers %2B ...).
finalize() strips the markers and turns each span into UTF-8 byte offsets.
"""
import base64
import html
import json
import random
import re
import string
import urllib.parse

M0, M1, M2 = "\ue000", "\ue001", "\ue002"
MARK_RE = re.compile("(\ue000\\d+\ue001|\ue002)")

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
B64URL = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
B32 = string.ascii_uppercase + "234567"

# substrings that make a value look like a placeholder; generated secrets never contain them
BANNED = re.compile(r"(?i)example|test|xxx|dummy|fake|sample|placeholder|changeme|redact|your|demo|secret|passw|todo|fixme|\*\*")


class Rng(random.Random):
    def s(self, alphabet, n):
        return "".join(self.choice(alphabet) for _ in range(n))

    def alnum(self, n):
        return self.s(ALNUM, n)

    def lalnum(self, n):
        return self.s(LOWER_ALNUM, n)

    def ualnum(self, n):
        return self.s(UPPER_ALNUM, n)

    def hex(self, n):
        return self.s(HEXL, n)

    def HEX(self, n):
        return self.s(HEXU, n)

    def b64c(self, n):
        return self.s(B64, n)

    def b64u(self, n):
        return self.s(B64URL, n)

    def digits(self, n):
        return self.choice("123456789") + self.s(string.digits, n - 1)

    def letters(self, n):
        return self.s(string.ascii_letters, n)

    def lower(self, n):
        return self.s(string.ascii_lowercase, n)

    def upper(self, n):
        return self.s(string.ascii_uppercase, n)

    def bytes_(self, n):
        return bytes(self.getrandbits(8) for _ in range(n))

    def b64bytes(self, n, url=False, pad=True):
        b = self.bytes_(n)
        s = base64.urlsafe_b64encode(b).decode() if url else base64.b64encode(b).decode()
        return s if pad else s.rstrip("=")

    def uuid(self):
        h = self.hex(32)
        h = h[:12] + "4" + h[13:16] + self.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def pick(self, seq):
        return self.choice(list(seq))

    def wpick(self, pairs):
        """pairs: list of (item, weight)"""
        tot = sum(w for _, w in pairs)
        x = self.random() * tot
        for it, w in pairs:
            x -= w
            if x < 0:
                return it
        return pairs[-1][0]

    def chance(self, p):
        return self.random() < p

    def ts(self, lo=1704067200, hi=1767225599):
        return self.randint(lo, hi)

    def date_iso(self):
        import datetime
        t = datetime.datetime.fromtimestamp(self.ts(), datetime.timezone.utc)
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")

    def date_git(self):
        import datetime
        t = datetime.datetime.fromtimestamp(self.ts(), datetime.timezone.utc)
        tz = self.choice(["+0000", "+0100", "+0200", "-0400", "-0700", "+0900", "+0530"])
        return t.strftime("%a %b %-d %H:%M:%S %Y ") + tz

    def date_http(self):
        import datetime
        t = datetime.datetime.fromtimestamp(self.ts(), datetime.timezone.utc)
        return t.strftime("%a, %d %b %Y %H:%M:%S GMT")

    def ip(self, private=True):
        if private:
            return self.choice(["10.%d.%d.%d" % (self.randint(0, 255), self.randint(0, 255), self.randint(2, 254)),
                                "172.%d.%d.%d" % (self.randint(16, 31), self.randint(0, 255), self.randint(2, 254)),
                                "192.168.%d.%d" % (self.randint(0, 255), self.randint(2, 254))])
        return "%d.%d.%d.%d" % (self.choice([34, 35, 52, 54, 104, 142, 151, 185, 203]), self.randint(0, 255),
                                self.randint(0, 255), self.randint(2, 254))


def clean(rng, fn, tries=50):
    """Call fn() until its result contains no placeholder-looking substring."""
    for _ in range(tries):
        v = fn()
        if not BANNED.search(v):
            return v
    return v


# ---------------------------------------------------------------- escaping that keeps markers

def _map_unmarked(s, f):
    out = []
    for part in MARK_RE.split(s):
        if not part:
            continue
        if MARK_RE.fullmatch(part):
            out.append(part)
        else:
            out.append(f(part))
    return "".join(out)


def jesc(s):
    """JSON string body (no surrounding quotes); markers survive (json leaves U+E000.. alone)."""
    return json.dumps(s, ensure_ascii=False)[1:-1]


def jesc_ascii(s):
    """JSON string body with non-ASCII as \\uXXXX, markers kept."""
    return _map_unmarked(s, lambda p: json.dumps(p)[1:-1])


def hesc(s, quote=True):
    return _map_unmarked(s, lambda p: html.escape(p, quote=quote))


def xesc(s):
    return _map_unmarked(s, lambda p: p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def uquote(s, safe=""):
    return _map_unmarked(s, lambda p: urllib.parse.quote(p, safe=safe))


def uquote_plus(s, safe=""):
    return _map_unmarked(s, lambda p: urllib.parse.quote_plus(p, safe=safe))


def strip_marks(s):
    return MARK_RE.sub("", s)


# ---------------------------------------------------------------- the per-file context

class Ctx:
    def __init__(self, rng, reg, negs):
        self.r = rng
        self.reg = reg          # secret-format registry (fmts.Registry)
        self.ng = negs          # negatives factory (negs.Negs)
        self.anns = []
        self.nsec = 0
        self.nneg = 0
        self.used = []          # formats planted in this file

    def L(self, text, fmt, family=None):
        """Mark a label. fmt is a generator name (fmts.FORMATS); the label carries its public format name."""
        from fmts import FORMATS
        assert text, "empty label"
        f = FORMATS.get(fmt)
        lname = f.lname if f else fmt
        family = f.family if f else family
        i = len(self.anns)
        self.anns.append(("L", lname, family))
        self.nsec += 1
        self.used.append(fmt)
        if fmt in self.reg.count:
            self.reg.note(fmt)
        return "%s%d%s%s%s" % (M0, i, M1, text, M2)

    def N(self, text, cls, sub, disputed=False):
        assert text, "empty negative"
        i = len(self.anns)
        self.anns.append(("N", cls, sub, bool(disputed)))
        self.nneg += 1
        return "%s%d%s%s%s" % (M0, i, M1, text, M2)

    def want_negs(self, ratio=None):
        """How many more negatives this file should get to reach ~3-4 per secret."""
        if ratio is None:
            ratio = 3.0 + self.r.random() * 1.2
        return max(0, int(round(ratio * max(1, self.nsec))) - self.nneg)


def finalize(ctx, text, rel):
    """Strip markers; return (bytes, labels, negatives)."""
    out = bytearray()
    labels, negs = [], []
    open_idx = None
    start = 0
    for part in MARK_RE.split(text):
        if not part:
            continue
        if part == M2:
            assert open_idx is not None, "unbalanced marker in %s" % rel
            a = ctx.anns[open_idx]
            val = bytes(out[start:]).decode("utf-8")
            if a[0] == "L":
                labels.append({"file": rel, "start": start, "end": len(out), "format": a[1], "family": a[2], "value": val})
            else:
                negs.append({"file": rel, "start": start, "end": len(out), "class": a[1], "sub": a[2],
                             "disputed": a[3], "value": val})
            open_idx = None
        elif part[0] == M0:
            assert open_idx is None, "nested marker in %s" % rel
            open_idx = int(part[1:-1])
            start = len(out)
        else:
            out += part.encode("utf-8")
    assert open_idx is None, "unterminated marker in %s" % rel
    return bytes(out), labels, negs
