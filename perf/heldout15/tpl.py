"""Helpers shared by the file templates."""
import base64
import json

from core import jesc
from fmts import FORMATS, company, word, pkcs8_rsa_der, pem
from lang import assign, filler, neg_line, comment


class Sec:
    """One planted secret: format, raw value, a variable name."""

    def __init__(self, ctx, slot="env", family=None, fmt=None, name=None):
        self.ctx = ctx
        self.f = FORMATS[fmt] if fmt else ctx.reg.pick(slot, family, exclude=ctx.used)
        self.v = self.f.gen(ctx.r)
        self.env = name or (ctx.r.choice(self.f.envs) if self.f.envs else "SECRET")
        self.human = ctx.r.choice(self.f.human) if self.f.human else "key"

    def lab(self, text=None, fmt=None):
        return self.ctx.L(self.v if text is None else text, fmt or self.f.name)

    @property
    def multiline(self):
        return "\n" in self.v


def neg(ctx, cls=None, sub=None):
    v, c, s, d = ctx.ng.make(cls, sub)
    return ctx.N(v, c, s, d)


def neg1(ctx, cls=None, sub=None):
    """A one-line negative."""
    for _ in range(20):
        v, c, s, d = ctx.ng.make(cls, sub)
        if "\n" not in v:
            return ctx.N(v, c, s, d)
    v, c, s, d = ctx.ng.placeholder("redacted")
    return ctx.N(v, c, s, d)


def lab_as(ctx, text, fmt):
    return ctx.L(text, fmt)


def basic(ctx, user, secret):
    return lab_as(ctx, base64.b64encode(("%s:%s" % (user, secret)).encode()).decode(), "basic-auth")


def auth_headers(ctx, s, style="http"):
    """Request header (name, marked value) pairs that carry secret s the way its API expects."""
    a = s.f.api
    out = []
    if s.f.name == "supabase-service-role-jwt":
        out.append(("apikey", s.lab()))
        out.append(("Authorization", "Bearer " + s.lab()))
        return out
    if a is None:
        out.append(("Authorization", "Bearer " + s.lab()))
        return out
    if a.get("scheme"):
        out.append((a["hdr"], "%s %s" % (a["scheme"], s.lab())))
    else:
        out.append((a["hdr"], s.lab()))
    return out


def api_host(ctx, s):
    a = s.f.api or {}
    h = a.get("host", "api.%s.com" % company(ctx.r))
    if h.startswith("x.supabase.co"):
        h = "%s.supabase.co" % ctx.r.lower(20)
    if h.startswith("APPID"):
        h = "%s-dsn.algolia.net" % ctx.r.ualnum(10)
    return h


def api_path(ctx, s):
    a = s.f.api or {}
    return a.get("path", "/v1/resources")


def api_method(s):
    a = s.f.api or {}
    return a.get("method", "GET")


def sample_body(ctx, s):
    r = ctx.r
    fam = s.f.family
    if fam == "ai":
        return json.dumps({"model": r.choice(["gpt-4o-mini", "claude-sonnet-4-5", "llama-3.3-70b-versatile", "gemini-2.0-flash",
                                              "mistral-large-latest", "grok-3"]),
                           "max_tokens": r.choice([64, 256, 1024]),
                           "messages": [{"role": "user", "content": r.choice(["ping", "Say hi", "Summarise the attached log",
                                                                              "Why does this test fail?"])}]}, separators=(",", ":"))
    return json.dumps({r.choice(["name", "query", "limit", "text"]): r.choice(["status", word(r), 10, "deploy finished"])},
                      separators=(",", ":"))


def pem_block(ctx, lang, s, name=None):
    """How a PEM/multi-line key sits in a file of lang. Returns marked text (may span lines)."""
    r = ctx.r
    v = s.v
    name = name or s.env
    if lang in ("json",):
        return '"%s": "%s\\n"' % (name, s.lab(jesc(v)))
    if lang in ("env",):
        k = r.randint(0, 2)
        if k == 0:
            return '%s="%s"' % (name, s.lab(v.replace("\n", "\\n")))
        if k == 1:
            return '%s="%s\n"' % (name, s.lab(v))
        return "%s='%s'" % (name, s.lab(v))
    if lang in ("yaml", "helm", "compose", "gha"):
        ind = "    " if lang != "yaml" else "  "
        body = s.lab(v.replace("\n", "\n" + ind))
        return "%s: |\n%s%s" % (name.lower() if lang == "yaml" else name, ind, body)
    if lang == "py":
        return '%s = """%s\n"""' % (name, s.lab(v))
    if lang in ("js", "ts"):
        return "const %s = `%s\n`;" % (name, s.lab(v))
    if lang == "tf":
        return '  %s = <<-EOT\n    %s\n  EOT' % (name.lower(), s.lab(v.replace("\n", "\n    ")))
    if lang == "go":
        return "\t%s := `%s\n`" % (name[0].lower() + name[1:].lower(), s.lab(v))
    if lang == "toml":
        return '%s = """\n%s\n"""' % (name.lower(), s.lab(v))
    if lang == "sh":
        return "cat > /tmp/key.pem <<'EOF'\n%s\nEOF" % s.lab(v)
    if lang in ("java", "kt", "cs", "rs", "rb", "php", "properties", "ini", "dockerfile", "xml"):
        if lang == "xml":
            return "    <PrivateKey>%s</PrivateKey>" % s.lab(v)
        if lang in ("properties",):
            return "%s=%s" % (name.lower().replace("_", "."), s.lab(v.replace("\n", "\\n\\\n    ")))
        if lang == "java":
            return '    private static final String %s = """\n%s\n""";' % (name, s.lab(v))
        if lang == "rb":
            return "%s = <<~PEM\n%s\nPEM" % (name, s.lab(v))
        if lang == "php":
            return "    '%s' => \"%s\"," % (name.lower(), s.lab(v.replace("\n", "\\n")))
        return '        var %s = @"%s";' % (name.lower(), s.lab(v)) if lang == "cs" else '%s = "%s"' % (name, s.lab(v.replace("\n", "\\n")))
    return '%s="%s"' % (name, s.lab(v.replace("\n", "\\n")))


def sa_json(ctx, indent=2, s=None):
    """A GCP service-account key file; the private_key PEM (with literal \\n escapes) is the label."""
    r = ctx.r
    s = s or Sec(ctx, fmt="gcp-service-account-key")
    proj = "%s-%s-%d" % (company(r), r.choice(["prod", "data", "ml", "ci"]), r.randint(100, 999))
    sa = r.choice(["deployer", "github-actions", "bq-loader", "vertex-ai", "terraform"])
    email = "%s@%s.iam.gserviceaccount.com" % (sa, proj)
    pad = " " * indent
    items = [
        ('"type"', '"service_account"'),
        ('"project_id"', '"%s"' % proj),
        ('"private_key_id"', '"%s"' % ctx.N(r.hex(40), "identifier", "gcp-private-key-id")),
        ('"private_key"', '"%s\\n"' % s.lab(jesc(s.v))),
        ('"client_email"', '"%s"' % email),
        ('"client_id"', '"%s"' % ctx.N(str(r.randint(10 ** 20, 10 ** 21 - 1)), "identifier", "gcp-client-id")),
        ('"auth_uri"', '"https://accounts.google.com/o/oauth2/auth"'),
        ('"token_uri"', '"https://oauth2.googleapis.com/token"'),
        ('"auth_provider_x509_cert_url"', '"https://www.googleapis.com/oauth2/v1/certs"'),
        ('"client_x509_cert_url"', '"https://www.googleapis.com/robot/v1/metadata/x509/%s"' % email.replace("@", "%40")),
        ('"universe_domain"', '"googleapis.com"'),
    ]
    if indent == 0:
        return "{" + ", ".join("%s: %s" % kv for kv in items) + "}"
    return "{\n" + ",\n".join("%s%s: %s" % (pad, k, v) for k, v in items) + "\n}"


def secret_block(ctx, lang, slot="env", fmt=None, name=None):
    """Plant one secret in lang; returns (text, Sec). Handles multi-line keys."""
    s = Sec(ctx, slot, fmt=fmt, name=name)
    if s.f.kind == "json":
        if lang == "json":
            return '"%s": %s' % (s.env, sa_json(ctx, 0, s)), s
        s2 = Sec(ctx, fmt="pkcs8-private-key", name="GOOGLE_PRIVATE_KEY")
        return pem_block(ctx, lang, s2), s2
    if s.multiline:
        return pem_block(ctx, lang, s), s
    return assign(ctx.r, lang, s.env, s.v, lambda t: s.lab(t)), s


def people(r):
    return r.choice([("Ana Souza", "ana.souza"), ("Kenji Sato", "kenji"), ("Lena Vogel", "lvogel"), ("Omar Haddad", "omar.h"),
                     ("Priya Nair", "priya"), ("Lucas Martin", "lmartin"), ("Chen Wei", "chenwei"), ("Olga Ivanova", "oivanova"),
                     ("Min-jun Park", "mjpark"), ("Sofía García", "sgarcia"), ("João Pereira", "jpereira"), ("Marta Nowak", "mnowak"),
                     ("Elif Yılmaz", "eyilmaz"), ("Giulia Rossi", "grossi"), ("Daan de Vries", "ddevries"), ("Sam Taylor", "staylor")])


def email_of(r, handle):
    return "%s@%s.%s" % (handle, company(r), r.choice(["com", "io", "dev", "de", "co.jp"]))


class _NullReg:
    count = {}


def plain_sa_json(ctx, indent=2):
    """The same service-account JSON as sa_json, without spans (for base64 wrapping)."""
    from core import Ctx, strip_marks
    tmp = Ctx(ctx.r, _NullReg(), ctx.ng)
    return strip_marks(sa_json(tmp, indent))
