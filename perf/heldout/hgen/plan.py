"""Quota planner: hands out positives and negatives so formats/classes stay balanced."""
from .formats import FORMATS, ORDER
from .negatives import NEG, CLASSES
from .util import Val

NEG_RATIO = {"reference": 0.23, "placeholder": 0.17, "hash": 0.14, "id": 0.17, "code": 0.13, "public_by_design": 0.08,
             "public_key": 0.05, "fixture": 0.03}

URL_FMTS = {"postgres_url", "mysql_url", "mongodb_url", "redis_url", "amqp_url", "snowflake_url", "url_with_credentials", "jdbc_password",
            "sqlserver_connection_password", "azure_storage_connection_string", "azure_sas_token", "slack_webhook_url", "discord_webhook_url",
            "sentry_dsn_with_secret", "cloudinary_url"}
PASSWORD_FMTS = {"generic_password", "planetscale_password"}

GENERIC_SECRET_NAMES = [["password"], ["api", "key"], ["secret"], ["token"], ["auth", "token"], ["client", "secret"], ["access", "token"],
                        ["secret", "key"], ["db", "password"], ["private", "key"], ["api", "token"], ["credentials"], ["signing", "key"],
                        ["webhook", "secret"], ["app", "secret"]]


class Entry:
    __slots__ = ("name", "val", "fmt", "family", "hdr", "ekind")

    def __init__(self, name, val, fmt=None, family="token", hdr=None, ekind="benign"):
        self.name = name
        self.val = val
        self.fmt = fmt
        self.family = family
        self.hdr = hdr
        self.ekind = ekind

    def header_val(self):
        """(header name, Val with 'Bearer ' etc. around the secret)."""
        h, pre, suf = self.hdr
        return h, self.val.wrapped(pre, suf)


def split_header(tmpl):
    h, t = tmpl
    pre, suf = t.split("{v}")
    return h, pre, suf


def family_of(fid):
    f = FORMATS[fid]
    if f.placement == "pem":
        return "pem"
    if f.placement == "header":
        return "header"
    if fid in URL_FMTS:
        return "url"
    if fid in PASSWORD_FMTS:
        return "password"
    return "token"


class Planner:
    def __init__(self, r, n_files, pos_per_file=1.0, neg_per_file=2.5):
        self.r = r
        general = [f for f in ORDER if FORMATS[f].placement != "special"]
        special = [f for f in ORDER if FORMATS[f].placement == "special"]
        total = n_files * pos_per_file
        q = total / len(ORDER)
        self.pos_left = {f: q for f in ORDER}
        self.pos_quota = dict(self.pos_left)
        tn = n_files * neg_per_file
        self.neg_left = {c: tn * NEG_RATIO[c] for c in CLASSES}
        self.general = general
        self.special_fmts = special

    # ------------------------------------------------------------ positives
    def pick_fmt(self, caps):
        cands = []
        for f in self.general:
            pl = FORMATS[f].placement
            if pl == "pem" and "pem" not in caps:
                continue
            if pl == "header" and "header" not in caps:
                continue
            cands.append(f)
        weights = [max(self.pos_left[f], 0.02) ** 3 for f in cands]
        return self.r.choices(cands, weights)[0]

    def use(self, fid, n=1):
        self.pos_left[fid] -= n

    def pos_group(self, caps, lang=None):
        """A group of entries: the main positive plus companions (aws id + secret, etc.)."""
        r = self.r
        fid = self.pick_fmt(caps)
        f = FORMATS[fid]
        group = []
        for kind, cid, p in f.companions:
            if r.random() < p and self.pos_left[cid] > -3:
                group.append(self.pos_entry(cid, caps))
        group.append(self.pos_entry(fid, caps))
        if fid in ("algolia_admin_key",) or (fid in ("auth0_client_secret", "azure_ad_client_secret", "gcp_oauth_client_secret", "twitch_client_secret") and r.random() < .7):
            # companion identifiers that are not secrets
            from .util import rs, ALNUM, UPALNUM, DIGITS, LOALNUM
            import uuid as _uuid
            if fid.startswith("algolia"):
                raw, nm = rs(r, UPALNUM, 10), ["algolia", "app", "id"]
            elif fid.startswith("auth0"):
                raw, nm = rs(r, ALNUM, 32), ["auth0", "client", "id"]
            elif fid.startswith("azure"):
                raw, nm = str(_uuid.UUID(int=r.getrandbits(128), version=4)), ["azure", "client", "id"]
            elif fid.startswith("gcp"):
                raw, nm = "%s-%s.apps.googleusercontent.com" % (rs(r, DIGITS, 12), rs(r, LOALNUM, 32)), ["google", "client", "id"]
            else:
                raw, nm = rs(r, LOALNUM, 30), ["twitch", "client", "id"]
            self.neg_left["id"] -= 1
            group.insert(0, Entry(nm, Val(raw, {"k": "neg", "cls": "id", "sub": "client_id_companion"}), None, "token", None, "neg"))
        return group

    def pos_entry(self, fid, caps=()):
        r = self.r
        f = FORMATS[fid]
        raw = f.gen(r)
        self.use(fid)
        ann = {"k": "pos", "fmt": fid}
        if isinstance(raw, tuple):
            pre, sec, suf = raw
            val = Val(parts=[(pre, None), (sec, ann), (suf, None)])
        else:
            val = Val(raw, ann)
        name = r.choice(f.names)
        fam = family_of(fid)
        hdr = None
        if f.headers and ("header" in caps or fam == "header"):
            hdr = split_header(r.choice(f.headers))
        return Entry(name, val, f, fam, hdr, "pos")

    def special(self, fid, raw=None):
        """Used by dedicated kinds: returns a positive Val for a special format."""
        self.use(fid)
        if raw is None:
            raw = FORMATS[fid].gen(self.r)
        return Val(raw, {"k": "pos", "fmt": fid})

    def special_needed(self, fid):
        return self.pos_left[fid] > 0.5

    # ------------------------------------------------------------ negatives
    def secretish_name(self):
        r = self.r
        if r.random() < .35:
            return list(r.choice(GENERIC_SECRET_NAMES))
        f = FORMATS[r.choice(self.general)]
        return list(r.choice(f.names))

    def neg_entry(self, ctx, force=None, want_names=None, classes=None):
        r = self.r
        for _ in range(30):
            if force:
                cls, subid = force
                subs = [s for s in NEG[cls] if s["sub"] == subid]
            else:
                cl = classes or [c for c in CLASSES if c != "fixture" or ctx.get("test")]
                w = [max(self.neg_left[c], 0.05) ** 2 for c in cl]
                cls = r.choices(cl, w)[0]
                subs = [s for s in NEG[cls] if (s["langs"] is None or ctx["lang"] in s["langs"]) and (not s["multiline"] or ctx.get("multiline"))]
            if not subs:
                continue
            s = r.choices(subs, [x["w"] for x in subs])[0]
            name = self.secretish_name()
            val = s["fn"](r, ctx, name)
            if val is None:
                if force:
                    return None
                continue
            if val.multiline and not ctx.get("multiline"):
                continue
            if val.names:
                assert all(isinstance(x, str) for x in val.names), (s["sub"], val.names)
                name = list(val.names)
            if want_names:
                name = list(r.choice(want_names))
            self.neg_left[cls] -= 1
            return Entry(name, val, None, "pem" if val.multiline else "token", None, "neg")
        return None

    def negs(self, ctx, n):
        out = []
        for _ in range(n):
            e = self.neg_entry(ctx)
            if e:
                out.append(e)
        return out

    def groups(self, ctx, n_pos, n_neg, caps=("token",), header_rate=0.0):
        """Return a shuffled list of groups (lists of entries) for a general kind."""
        r = self.r
        gs = []
        for _ in range(n_pos):
            g = self.pos_group(caps, ctx.get("lang"))
            for e in g:
                if e.hdr and e.family != "header" and r.random() > header_rate:
                    e.hdr = None
            gs.append(g)
        for e in self.negs(ctx, n_neg):
            if "header" in caps and r.random() < header_rate * 0.5 and e.val.ann and e.val.ann["cls"] in ("reference", "placeholder", "code") \
                    and not e.val.multiline:
                e.hdr = ("Authorization", "Bearer ", "")
            gs.append([e])
        r.shuffle(gs)
        return gs


def n_pos_for(r, scale=1.0):
    x = r.random()
    if x < 0.34:
        n = 0
    elif x < 0.70:
        n = 1
    elif x < 0.90:
        n = 2
    else:
        n = 3
    return int(round(n * scale))


def n_neg_for(r, scale=1.0):
    return int(round(r.choice([1, 1, 2, 2, 2, 3, 3, 3]) * scale))
