"""Shared helpers: alphabets, encoders, the segment document, name casing."""
import base64
import binascii
import json
import string

DIGITS = string.digits
UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
ALNUM = DIGITS + UPPER + LOWER          # base62, pybase62 default order
B62 = ALNUM
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = UPPER + LOWER + DIGITS + "+/"
B64URL = UPPER + LOWER + DIGITS + "-_"
UPALNUM = UPPER + DIGITS
LOALNUM = LOWER + DIGITS
B32 = UPPER + "234567"

BAD_SUBSTR = ("test", "fake", "dummy", "exampl", "sampl", "xxxx", "1234", "abcd",
              "aaaa", "0000", "pass", "secret", "token", "key", "mock", "redact")


def rs(rng, alphabet, n):
    """Random string; rejects accidental placeholder-ish substrings."""
    while True:
        s = "".join(rng.choice(alphabet) for _ in range(n))
        low = s.lower()
        if n < 4 or not any(b in low for b in BAD_SUBSTR):
            return s


def rbytes(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def rb64(rng, nbytes):
    while True:
        s = b64(rbytes(rng, nbytes))
        if not any(x in s.lower() for x in BAD_SUBSTR):
            return s


def base62_encode(n, width=6):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def gh_checksum_token(rng, prefix, nrand=30):
    body = rs(rng, B62, nrand)
    crc = binascii.crc32(body.encode())
    return prefix + body + base62_encode(crc, 6)


# --- bech32 (BIP-173), used by age keys ---------------------------------
_BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def _hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _convertbits(data, frm, to):
    acc = 0
    bits = 0
    ret = []
    maxv = (1 << to) - 1
    for v in data:
        acc = (acc << frm) | v
        bits += frm
        while bits >= to:
            bits -= to
            ret.append((acc >> bits) & maxv)
    if bits:
        ret.append((acc << (to - bits)) & maxv)
    return ret


def bech32_encode(hrp, data_bytes):
    data = _convertbits(data_bytes, 8, 5)
    values = _hrp_expand(hrp) + data
    polymod = _polymod(values + [0] * 6) ^ 1
    chk = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH[d] for d in data + chk)


# --- CRC24 for OpenPGP armor ---------------------------------------------
def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


# --- JWT ------------------------------------------------------------------
def jwt(rng, header, payload, sig_bytes=32):
    h = b64url_nopad(json.dumps(header, separators=(",", ":")).encode())
    p = b64url_nopad(json.dumps(payload, separators=(",", ":")).encode())
    return h + "." + p + "." + b64url_nopad(rbytes(rng, sig_bytes))


def wrap(s, width):
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


# --- escapes (all are per-character, so they may be applied segment-wise) --
def esc_json(s):
    return json.dumps(s, ensure_ascii=False)[1:-1]


def esc_xml(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def esc_backslash_dq(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def esc_backslash_sq(s):
    return s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")


def esc_sql(s):
    return s.replace("'", "''")


def esc_newline_literal(s):
    return s.replace("\n", "\\n")


def make_indent(prefix):
    def f(s):
        return s.replace("\n", "\n" + prefix)
    f.__name__ = "indent%d" % len(prefix)
    return f


# --- names ----------------------------------------------------------------
def words(name):
    return name.split()


def snake(w):
    return "_".join(w).lower()


def screaming(w):
    return "_".join(w).upper()


def camel(w):
    w = [x.lower() for x in w]
    return w[0] + "".join(x[:1].upper() + x[1:] for x in w[1:])


def pascal(w):
    return "".join(x[:1].upper() + x[1:].lower() for x in w)


def kebab(w):
    return "-".join(w).lower()


def dotted(w):
    return ".".join(w).lower()


CASES = {"snake": snake, "screaming": screaming, "camel": camel, "pascal": pascal,
         "kebab": kebab, "dotted": dotted}


# --- values and documents -------------------------------------------------
class Val:
    """A value to plant, as parts [(text, ann)].  ann is None (benign context),
    {'k':'pos','fmt':..} or {'k':'neg','cls':..,'sub':..}."""
    __slots__ = ("parts", "raw", "ann", "expr", "names")

    def __init__(self, raw=None, ann=None, expr=False, names=None, parts=None):
        if parts is None:
            parts = [(raw, ann)]
        self.parts = [p for p in parts if p[0]]
        self.raw = "".join(p for p, _ in self.parts)
        self.ann = next((a for _, a in self.parts if a), None)
        self.expr = expr
        self.names = names

    @property
    def multiline(self):
        return "\n" in self.raw

    @property
    def is_pos(self):
        return bool(self.ann) and self.ann["k"] == "pos"

    def wrapped(self, pre="", suf=""):
        return Val(parts=[(pre, None)] + self.parts + [(suf, None)], expr=self.expr, names=self.names)


def benign(raw):
    return Val(raw)


class Doc:
    __slots__ = ("segs",)

    def __init__(self):
        self.segs = []

    def t(self, *parts):
        for p in parts:
            if p:
                self.segs.append((p, None))
        return self

    def v(self, val, enc=None):
        for raw, ann in val.parts:
            text = enc(raw) if enc else raw
            if ann:
                ann = dict(ann)
                ann["raw"] = raw
                ann["chain"] = [enc] if enc else []
            self.segs.append((text, ann))
        return self

    def add(self, other, esc=None):
        for text, ann in other.segs:
            if esc:
                text = esc(text)
                if ann:
                    ann = dict(ann)
                    ann["chain"] = ann["chain"] + [esc]
            self.segs.append((text, ann))
        return self

    def text(self):
        return "".join(s for s, _ in self.segs)

    def has_labels(self):
        return any(a for _, a in self.segs)
