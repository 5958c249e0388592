"""Generation context: weighted decks of formats so every format gets planted, negatives, filler."""
import base64

from core import T, Span, Rng, ALNUM
import formats
import formats_ctx  # noqa: F401  (registers)
from formats import FORMATS, F, pw
import negs
import langs

for _l in langs.LANGS:
    F("password_prose_" + _l, "prose", pw, ["password"], kind="prose")
F("k8s_secret_data_b64", "infra", lambda r: base64.b64encode(pw(r).encode()).decode(), ["password"], kind="k8s_b64")

BYNAME = {f.name: f for f in FORMATS}
_probe = Rng(12345)
for _f in FORMATS:
    _f.ml = any("\n" in _f.make(_probe).plain() for _ in range(3))

FILLER = [("PORT", "8080"), ("LOG_LEVEL", "info"), ("REGION", "eu-west-1"), ("TIMEOUT_SECONDS", "30"), ("APP_NAME", "orders-api"),
          ("ENABLE_METRICS", "true"), ("HOST", "0.0.0.0"), ("BUCKET", "acme-assets-prod"), ("MAX_CONNECTIONS", "50"), ("NODE_ENV", "production"),
          ("DB_HOST", "db.internal"), ("DB_USER", "app"), ("DB_NAME", "orders"), ("CACHE_TTL", "300"), ("SMTP_HOST", "smtp.sendgrid.net"),
          ("AWS_REGION", "us-east-1"), ("ENVIRONMENT", "staging"), ("WORKERS", "4"), ("BASE_URL", "https://api.acme.io"), ("TZ", "UTC"),
          ("SENTRY_ENVIRONMENT", "prod"), ("RETRY_COUNT", "3"), ("FEATURE_BETA", "false"), ("DB_PORT", "5432"), ("QUEUE_NAME", "jobs-default"),
          ("OTEL_SERVICE_NAME", "checkout"), ("S3_PREFIX", "uploads/"), ("DEFAULT_LOCALE", "en-US"), ("USERNAME", "deploy"), ("KEY_ROTATION_DAYS", "90")]


class Ctx:
    def __init__(self, seed):
        self.r = Rng(seed)
        self.decks = {}
        self.n_sec = 0
        self.n_neg = 0

    def _deck(self, kind):
        d = self.decks.get(kind)
        if not d:
            d = []
            for f in FORMATS:
                if f.kind == kind:
                    d += [f.name] * max(3, int(round(f.w * 3)))
            self.r.shuffle(d)
            self.decks[kind] = d
        return d

    def fmt(self, kind="value", single_line=False):
        d = self._deck(kind)
        if single_line:
            for i in range(len(d) - 1, -1, -1):
                if not BYNAME[d[i]].ml:
                    return BYNAME[d.pop(i)]
            self.decks[kind] = None
            return self.fmt(kind, single_line)
        return BYNAME[d.pop()]

    def sec(self, kind="value", fmt=None, single_line=False):
        f = BYNAME[fmt] if fmt else self.fmt(kind, single_line)
        self.n_sec += 1
        return f.make(self.r), f

    def neg(self, eco, cls=None):
        self.n_neg += 1
        return negs.make_neg(self.r, eco, cls)

    def items(self, eco, ns, nn, nf, single_line=False, allow_raw=True, neg_classes=None):
        """list of (name, T value, raw, kind) with kind in S/N/F, shuffled."""
        r = self.r
        out = []
        for _ in range(ns):
            v, f = self.sec(single_line=single_line)
            out.append((r.choice(f.names), v, False, "S"))
        for _ in range(nn):
            for _try in range(20):
                sp, name, raw = self.neg(eco, r.choice(neg_classes) if neg_classes else None)
                if (single_line and "\n" in sp.text) or (raw and not allow_raw):
                    self.n_neg -= 1
                    continue
                break
            out.append((name, T(sp), raw, "N"))
        for _ in range(nf):
            n, v = r.choice(FILLER)
            out.append((n, T(v), False, "F"))
        r.shuffle(out)
        return out
