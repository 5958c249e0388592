"""Core text model: a document is a list of segments; some segments are marked spans
(a planted secret 'S' or a hard negative 'N').  Character-local transforms (escaping,
indentation) are applied per segment, so a marked span stays one contiguous byte range."""
import json
import random
import string


class Span:
    __slots__ = ("kind", "text", "meta")

    def __init__(self, kind, text, meta):
        self.kind = kind
        self.text = text
        self.meta = meta

    def mapped(self, fn):
        return Span(self.kind, fn(self.text), self.meta)


class T:
    __slots__ = ("segs",)

    def __init__(self, *parts):
        self.segs = []
        for p in parts:
            self._add(p)

    def _add(self, p):
        if p is None:
            return
        if isinstance(p, T):
            self.segs.extend(p.segs)
        elif isinstance(p, Span):
            self.segs.append(p)
        elif isinstance(p, str):
            if p:
                self.segs.append(p)
        elif isinstance(p, (list, tuple)):
            for q in p:
                self._add(q)
        else:
            self.segs.append(str(p))

    def __add__(self, o):
        return T(self, o)

    def __radd__(self, o):
        return T(o, self)

    def __iadd__(self, o):
        self._add(o)
        return self

    def map(self, fn):
        out = T()
        for s in self.segs:
            out.segs.append(s.mapped(fn) if isinstance(s, Span) else fn(s))
        return out

    def plain(self):
        return "".join(s.text if isinstance(s, Span) else s for s in self.segs)

    def spans(self):
        return [s for s in self.segs if isinstance(s, Span)]

    def has_newline(self):
        return "\n" in self.plain()

    def __len__(self):
        return len(self.plain())


def join(sep, items):
    out = T()
    for i, it in enumerate(items):
        if i:
            out += sep
        out += it
    return out


def render(t):
    """-> (bytes, [(Span, start, end)])"""
    buf = bytearray()
    marks = []
    for s in t.segs:
        if isinstance(s, Span):
            b = s.text.encode("utf-8")
            marks.append((s, len(buf), len(buf) + len(b)))
            buf += b
        else:
            buf += s.encode("utf-8")
    return bytes(buf), marks


# ---------------------------------------------------------------- escaping
def json_escape_str(s, ascii_only=False):
    return json.dumps(s, ensure_ascii=ascii_only)[1:-1]


def c_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def jstr(t, ascii_only=False):
    """JSON string literal of a T (with quotes)."""
    if isinstance(t, str):
        t = T(t)
    return T('"', t.map(lambda s: json_escape_str(s, ascii_only)), '"')


def cstr(t, q='"'):
    if isinstance(t, str):
        t = T(t)
    if q == '"':
        return T('"', t.map(c_escape), '"')
    return T(q, t.map(lambda s: s.replace("\\", "\\\\").replace(q, "\\" + q).replace("\n", "\\n")), q)


def jdump(obj, indent=None, ascii_only=False, _lvl=0, sep=(", ", ": ")):
    """JSON serializer accepting T/Span values as strings.  Returns T."""
    if isinstance(obj, (T, Span)):
        return jstr(T(obj), ascii_only)
    if isinstance(obj, str):
        return T(json.dumps(obj, ensure_ascii=ascii_only))
    if obj is None or isinstance(obj, (bool, int, float)):
        return T(json.dumps(obj))
    item_sep, kv_sep = sep
    if indent is not None:
        item_sep = ","
        kv_sep = ": "
    if isinstance(obj, dict):
        if not obj:
            return T("{}")
        parts = []
        for k, v in obj.items():
            parts.append(T(json.dumps(k, ensure_ascii=ascii_only), kv_sep, jdump(v, indent, ascii_only, _lvl + 1, sep)))
        return _wrap("{", "}", parts, indent, _lvl, item_sep)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return T("[]")
        parts = [jdump(v, indent, ascii_only, _lvl + 1, sep) for v in obj]
        return _wrap("[", "]", parts, indent, _lvl, item_sep)
    raise TypeError(type(obj))


def _wrap(o, c, parts, indent, lvl, item_sep):
    if indent is None:
        return T(o, join(item_sep, parts), c)
    pad = " " * (indent * (lvl + 1))
    end = " " * (indent * lvl)
    return T(o, "\n", pad, join(",\n" + pad, parts), "\n", end, c)


# ---------------------------------------------------------------- randomness
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
ALNUM = UP + LO + DG
B62 = DG + UP + LO
B64 = UP + LO + DG + "+/"
B64U = UP + LO + DG + "-_"
B32 = UP + "234567"
BAD_SUBSTR = ("test", "example", "sample", "dummy", "xxxx", "fake", "changeme", "placeholder", "redact", "takumo", "demo")


class Rng(random.Random):
    def s(self, alpha, n):
        while True:
            v = "".join(self.choice(alpha) for _ in range(n))
            lv = v.lower()
            if not any(b in lv for b in BAD_SUBSTR):
                return v

    def hexs(self, n):
        return self.s(HEX, n)

    def pick(self, seq):
        return self.choice(seq)

    def maybe(self, p):
        return self.random() < p

    def uuid(self):
        h = self.hexs(32)
        h = h[:12] + "4" + h[13:16] + self.choice("89ab") + h[17:]
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def b64bytes(self, n, url=False, pad=True):
        import base64
        b = bytes(self.getrandbits(8) for _ in range(n))
        v = base64.urlsafe_b64encode(b).decode() if url else base64.b64encode(b).decode()
        if not pad:
            v = v.rstrip("=")
        return v

    def rbytes(self, n):
        return bytes(self.getrandbits(8) for _ in range(n))
