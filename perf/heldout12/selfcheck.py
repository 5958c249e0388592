#!/usr/bin/env python3
"""Self-check for held-out corpus #12.

usage: selfcheck.py DIR

Checks that every label and negative lies inside its file, that the bytes there are the recorded value
(after the recorded encoding: JSON string escaping, one layer per enclosing JSON string, \\uXXXX for
non-ASCII, XML entities), that labels do not overlap each other or any negative, that no .gitignore was
written, that every file is UTF-8, and recomputes the structure of formats that carry a checksum or an
embedded encoding (GitHub/npm CRC32, Base58Check, Bech32, JWT headers, PEM/base64 bodies, PyPI macaroons).
Exit status 1 on any error.
"""
import base64
import binascii
import collections
import hashlib
import json
import os
import re
import sys
import zlib

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def uescape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if o < 128:
            out.append(ch)
        elif o > 0xFFFF:
            o -= 0x10000
            out.append("\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF)))
        else:
            out.append("\\u%04x" % o)
    return "".join(out)


def enc_apply(value, enc):
    for e in enc:
        if e == "json":
            value = json.dumps(value, ensure_ascii=False)[1:-1]
        elif e == "ascii":
            value = uescape(value)
        elif e == "xml":
            value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        else:
            raise ValueError("unknown encoding %r" % e)
    return value


def b62(n):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(6, "0")


def b58dec(s):
    n = 0
    for ch in s:
        n = n * 58 + B58.index(ch)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(s) - len(s.lstrip("1"))) + raw


def b58check_ok(s):
    b = b58dec(s)
    return hashlib.sha256(hashlib.sha256(b[:-4]).digest()).digest()[:4] == b[-4:]


def bech32_ok(s):
    s = s.lower()
    hrp, _, data = s.rpartition("1")
    vals = [BECH.index(ch) for ch in data]
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp] + vals:
        b = chk >> 25
        chk = ((chk & 0x1ffffff) << 5) ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk == 1


def b64dec(s, url=False):
    s = s.strip()
    pad = "=" * (-len(s) % 4)
    return (base64.urlsafe_b64decode if url else base64.b64decode)(s + pad)


def check_structure(fmt, v):
    """Return an error string or None. Only checks values in their canonical single form."""
    if "-----BEGIN" in v:
        v = v.replace("\\n", "\n")
        v = re.sub(r"(?m)^\s*\d+\u2192", "", v)   # line numbers of an agent's Read tool
    m = re.fullmatch(r"(ghp|gho|ghu|ghs|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})", v)
    if m and fmt in ("github-pat", "github-oauth-token", "github-user-to-server-token", "github-server-to-server-token", "npm-access-token"):
        if b62(zlib.crc32(m.group(2).encode())) != m.group(3):
            return "CRC32 tail does not match"
        return None
    if fmt in ("bitcoin-wif-private-key", "bip32-xprv"):
        return None if b58check_ok(v) else "Base58Check checksum fails"
    if fmt in ("age-secret-key", "nostr-nsec"):
        return None if bech32_ok(v) else "Bech32 checksum fails"
    if fmt in ("jwt", "supabase-service-role-key", "kubernetes-service-account-token", "vercel-oidc-token", "auth0-management-token", "azure-ad-access-token",
               "turso-auth-token", "monday-api-token", "calendly-pat", "lemonsqueezy-api-key", "argocd-auth-token") and v.startswith("eyJ"):
        try:
            hdr = json.loads(b64dec(v.split(".")[0], True))
        except (ValueError, binascii.Error):
            return "JWT header does not decode"
        return None if "alg" in hdr else "JWT header has no alg"
    if v.startswith("-----BEGIN ") and fmt != "pgp-private-key-block":
        body = re.sub(r"-----[A-Z ]+-----", "", v)
        try:
            base64.b64decode("".join(body.split()), validate=True)
        except (ValueError, binascii.Error):
            return "PEM body is not base64"
        return None
    if fmt in ("pypi-upload-token", "test-pypi-upload-token") and v.startswith("pypi-"):
        raw = b64dec(v[5:], True)
        return None if raw[:2] == b"\x02\x01" else "PyPI token is not a macaroon"
    if fmt in ("kubernetes-secret-data", "docker-config-auth", "basic-auth-header", "npm-auth-basic", "kubernetes-tls-key-b64"):
        try:
            base64.b64decode(v, validate=True)
        except (ValueError, binascii.Error):
            return "value is not base64"
        return None
    return None


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    d = sys.argv[1]
    tree = os.path.join(d, "tree")
    errors = []
    cache = {}

    def data(rel):
        if rel not in cache:
            p = os.path.join(tree, *rel.split("/"))
            try:
                with open(p, "rb") as fh:
                    cache[rel] = fh.read()
            except OSError as e:
                cache[rel] = None
                errors.append("%s: cannot read (%s)" % (rel, e))
        return cache[rel]

    nfiles = 0
    for root, _, files in os.walk(tree):
        for f in files:
            nfiles += 1
            rel = os.path.relpath(os.path.join(root, f), tree).replace(os.sep, "/")
            if f == ".gitignore":
                errors.append("%s: a .gitignore was written" % rel)
            b = data(rel)
            if b is not None:
                try:
                    b.decode("utf-8")
                except UnicodeDecodeError as e:
                    errors.append("%s: not UTF-8 (%s)" % (rel, e))

    def load(name):
        with open(os.path.join(d, name), encoding="utf-8") as fh:
            return [json.loads(l) for l in fh if l.strip()]

    labels = load("labels.jsonl")
    negs = load("negatives.jsonl")

    def check_range(kind, i, r):
        for k in ("file", "start", "end", "value"):
            if k not in r:
                errors.append("%s #%d: missing %s" % (kind, i, k))
                return None
        b = data(r["file"])
        if b is None:
            return None
        s, e = r["start"], r["end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(b)):
            errors.append("%s #%d (%s): range %r-%r outside the file (%d bytes)" % (kind, i, r["file"], s, e, len(b)))
            return None
        try:
            seg = b[s:e].decode("utf-8")
        except UnicodeDecodeError:
            errors.append("%s #%d (%s): range %d-%d splits a UTF-8 sequence" % (kind, i, r["file"], s, e))
            return None
        want = enc_apply(r["value"], r.get("enc", []))
        if seg != want:
            errors.append("%s #%d (%s @%d): bytes %r are not the recorded value %r" % (kind, i, r["file"], s, seg[:60], want[:60]))
        return seg

    for i, l in enumerate(labels):
        for k in ("format", "family"):
            if not l.get(k):
                errors.append("label #%d: missing %s" % (i, k))
        if check_range("label", i, l) is not None:
            err = check_structure(l.get("format", ""), l["value"])
            if err:
                errors.append("label #%d (%s, %s): %s" % (i, l["file"], l.get("format"), err))
    for i, n in enumerate(negs):
        if not n.get("class"):
            errors.append("negative #%d: missing class" % i)
        check_range("negative", i, n)

    by_file = collections.defaultdict(list)
    for l in labels:
        by_file[l["file"]].append((l["start"], l["end"], "label"))
    for f, spans in by_file.items():
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                errors.append("%s: labels overlap at %d-%d and %d-%d" % (f, a[0], a[1], b[0], b[1]))
    for n in negs:
        for s, e, _ in by_file.get(n["file"], ()):
            if n["start"] < e and s < n["end"]:
                errors.append("%s: negative %d-%d overlaps a label %d-%d" % (n["file"], n["start"], n["end"], s, e))

    fmts = collections.Counter(l.get("format") for l in labels)
    classes = collections.Counter(n.get("class") for n in negs)
    print("selfcheck: %d files, %d labels in %d formats, %d negatives in %d classes, %d errors"
          % (nfiles, len(labels), len(fmts), len(negs), len(classes), len(errors)))
    for e in errors[:50]:
        print("  ERROR", e)
    if len(errors) > 50:
        print("  ... %d more" % (len(errors) - 50))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
