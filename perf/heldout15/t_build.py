"""Build artefacts and key material: lockfile diffs, minified bundles and source maps, public keys and certificates
next to private ones."""
import base64
import json

from core import jesc
from fmts import FORMATS, company, word, pem, pkcs1_rsa_der, b64u_nopad, sshstr
from lang import assign, filler, neg_line
from tpl import Sec, neg, neg1, lab_as, people, email_of, secret_block
from t_diff import file_diff, prefixed

PKGS = ["react", "react-dom", "lodash", "axios", "zod", "express", "next", "typescript", "openai", "@anthropic-ai/sdk", "dotenv", "pg",
        "ioredis", "stripe", "@aws-sdk/client-s3", "jsonwebtoken", "uuid", "date-fns", "tailwindcss", "vite", "esbuild", "prisma"]


def ver(r):
    return "%d.%d.%d" % (r.randint(0, 19), r.randint(0, 30), r.randint(0, 20))


def lock_hunk(ctx, kind):
    r = ctx.r
    lines = []
    for _ in range(r.randint(1, 3)):
        p = r.choice(PKGS)
        v1, v2 = ver(r), ver(r)
        if kind == "npm":
            reg = "https://registry.npmjs.org/%s/-/%s-%s.tgz" % (p, p.split("/")[-1], v2)
            if r.chance(0.15):
                s = Sec(ctx, fmt=r.choice(["npm-token", "github-pat", "password"]))
                from urllib.parse import quote
                u = "https://ci:%s@artifactory.%s.internal/artifactory/api/npm/npm/%s/-/%s-%s.tgz" % (quote(s.v, safe=""), company(r), p, p.split("/")[-1], v2)
                reg = s.lab(u)
            lines += [(" ", '    "node_modules/%s": {' % p), ("-", '      "version": "%s",' % v1),
                      ("-", '      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",' % (p, p.split("/")[-1], v1)),
                      ("-", '      "integrity": "%s",' % ctx.N("sha512-" + r.b64bytes(64), "lockfile", "npm-integrity")),
                      ("+", '      "version": "%s",' % v2), ("+", '      "resolved": "%s",' % reg),
                      ("+", '      "integrity": "%s",' % ctx.N("sha512-" + r.b64bytes(64), "lockfile", "npm-integrity")),
                      (" ", '      "license": "MIT"')]
        elif kind == "yarn":
            lines += [(" ", ""), (" ", '"%s@^%s":' % (p, v1.split(".")[0] + ".0.0")), ("-", '  version "%s"' % v1),
                      ("-", '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (p, p.split("/")[-1], v1, ctx.N(r.hex(40), "lockfile", "yarn-resolved-hash"))),
                      ("-", '  integrity %s' % ctx.N("sha512-" + r.b64bytes(64), "lockfile", "npm-integrity")), ("+", '  version "%s"' % v2),
                      ("+", '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (p, p.split("/")[-1], v2, ctx.N(r.hex(40), "lockfile", "yarn-resolved-hash"))),
                      ("+", '  integrity %s' % ctx.N("sha512-" + r.b64bytes(64), "lockfile", "npm-integrity"))]
        elif kind == "go":
            m = r.choice(["github.com/aws/aws-sdk-go-v2", "golang.org/x/crypto", "github.com/jackc/pgx/v5", "google.golang.org/grpc", "github.com/redis/go-redis/v9"])
            lines += [("-", "%s v%s h1:%s" % (m, v1, ctx.N(r.b64bytes(32), "lockfile", "go-sum"))),
                      ("-", "%s v%s/go.mod h1:%s" % (m, v1, ctx.N(r.b64bytes(32), "lockfile", "go-sum"))),
                      ("+", "%s v%s h1:%s" % (m, v2, ctx.N(r.b64bytes(32), "lockfile", "go-sum"))),
                      ("+", "%s v%s/go.mod h1:%s" % (m, v2, ctx.N(r.b64bytes(32), "lockfile", "go-sum")))]
        elif kind == "cargo":
            c = r.choice(["serde", "tokio", "reqwest", "ring", "rustls", "hyper", "sqlx"])
            lines += [(" ", "[[package]]"), (" ", 'name = "%s"' % c), ("-", 'version = "%s"' % v1), ("+", 'version = "%s"' % v2),
                      (" ", 'source = "registry+https://github.com/rust-lang/crates.io-index"'),
                      ("-", 'checksum = "%s"' % ctx.N(r.hex(64), "lockfile", "cargo-checksum")),
                      ("+", 'checksum = "%s"' % ctx.N(r.hex(64), "lockfile", "cargo-checksum"))]
        else:
            c = r.choice(["requests", "urllib3", "cryptography", "pydantic", "httpx", "sqlalchemy", "boto3"])
            lines += [("-", "%s==%s \\" % (c, v1)), ("-", "    --hash=%s \\" % ctx.N("sha256:" + r.hex(64), "lockfile", "pip-hash")),
                      ("-", "    --hash=%s" % ctx.N("sha256:" + r.hex(64), "lockfile", "pip-hash")),
                      ("+", "%s==%s \\" % (c, v2)), ("+", "    --hash=%s \\" % ctx.N("sha256:" + r.hex(64), "lockfile", "pip-hash")),
                      ("+", "    --hash=%s" % ctx.N("sha256:" + r.hex(64), "lockfile", "pip-hash"))]
    old = sum(1 for p, _ in lines if p != "+")
    new = sum(1 for p, _ in lines if p != "-")
    st = r.randint(10, 9000)
    return "@@ -%d,%d +%d,%d @@\n%s" % (st, old, st, new, "\n".join(p + l for p, l in lines))


def t_lockfile_diff(ctx):
    r = ctx.r
    kind = r.choice(["npm", "npm", "yarn", "go", "cargo", "pip"])
    path = {"npm": "package-lock.json", "yarn": "yarn.lock", "go": "go.sum", "cargo": "Cargo.lock", "pip": "requirements.txt"}[kind]
    head = "diff --git a/%s b/%s\nindex %s 100644\n--- a/%s\n+++ b/%s\n" % (path, path, ctx.N(ctx.ng.hash("git-index")[0], "hash", "git-index"), path, path)
    parts = [head + lock_hunk(ctx, kind)]
    lang = {"npm": "env", "yarn": "env", "go": "go", "cargo": "toml", "pip": "py"}[kind]
    if kind in ("npm", "yarn") and r.chance(0.6):
        s = Sec(ctx, fmt=r.choice(["npm-token", "github-pat", "github-fine-grained-pat"]))
        parts.append("diff --git a/.npmrc b/.npmrc\nnew file mode 100644\nindex 0000000..%s\n--- /dev/null\n+++ b/.npmrc\n@@ -0,0 +1,3 @@\n+@%s:registry=https://npm.pkg.github.com\n+//npm.pkg.github.com/:_authToken=%s\n+always-auth=true" % (
            ctx.N(r.hex(7), "hash", "git-short-sha"), company(r), s.lab()))
    else:
        parts.append(file_diff(ctx, r.choice(["env", "yaml", lang if lang != "env" else "json", "toml"])))
    r.shuffle(parts)
    who, handle = people(r)
    msg = "commit %s\nAuthor: %s <%s>\nDate:   %s\n\n    chore(deps): bump %s\n\n" % (
        ctx.N(r.hex(40), "hash", "git-sha"), who, email_of(r, handle), r.date_git(), r.choice(PKGS))
    return "diffs/deps-%s.patch" % word(r), msg + "\n".join(parts) + "\n"


def mini_ident(r):
    return r.choice(["e", "t", "n", "r", "o", "a", "i", "s", "l", "c", "u", "d"]) + (r.choice(["", "", r.letters(1), str(r.randint(0, 9))]))


def minified(ctx, n):
    r = ctx.r
    bits = []
    for _ in range(n):
        k = r.randint(0, 6)
        if k == 0:
            bits.append('%s.exports=function(%s){return %s&&%s.__esModule?%s:{default:%s}}' % tuple(mini_ident(r) for _ in range(6)))
        elif k == 1:
            bits.append('var %s=%s(%d),%s=%s.n(%s);' % (mini_ident(r), mini_ident(r), r.randint(100, 99999), mini_ident(r), mini_ident(r), mini_ident(r)))
        elif k == 2:
            bits.append('const %s="%s";' % (mini_ident(r), ctx.N("css-" + r.lalnum(7), "minified", "css-class-hash")))
        elif k == 3:
            bits.append('%s.u=%s.p+"static/js/%d.%s.chunk.js"' % (mini_ident(r), mini_ident(r), r.randint(100, 999), ctx.N(r.hex(8), "minified", "chunk-hash")))
        elif k == 4:
            bits.append('%s.push({key:"%s",value:function(){return this.%s}})' % (mini_ident(r), r.choice(["render", "componentDidMount", "get", "set"]), mini_ident(r)))
        elif k == 5:
            bits.append('%s[%d]=function(%s,%s,%s){"use strict";%s.r(%s)}' % (mini_ident(r), r.randint(1000, 99999), *(mini_ident(r) for _ in range(5))))
        else:
            bits.append('var %s={"%s":[%d,%d]}' % (mini_ident(r), ctx.N(r.b64u(r.choice([8, 11, 16])), "minified", "module-id"), r.randint(1, 999), r.randint(1, 999)))
    return ";".join(b.rstrip(";") for b in bits)


def t_bundle(ctx):
    r = ctx.r
    chunk = r.hex(8)
    fname = "index-%s.js" % chunk
    secrets = []
    for _ in range(r.choice([1, 1, 2])):
        s = Sec(ctx, "selfid")
        secrets.append(s)
    pub = ctx.N(*ctx.ng.public(r.choice(["stripe-publishable-key", "posthog-project-key", "sentry-dsn", "supabase-anon-key", "firebase-config"]))[:4])
    code = '"use strict";(self.webpackChunk_N_E=self.webpackChunk_N_E||[]).push([[%d],{%d:function(%s,%s,%s){%s;' % (
        r.randint(100, 999), r.randint(1000, 99999), mini_ident(r), mini_ident(r), mini_ident(r), minified(ctx, r.randint(3, 6)))
    for s in secrets:
        code += 'const %s={apiKey:"%s",baseURL:"https://%s"};' % (mini_ident(r), s.lab(), r.choice(["api.openai.com/v1", "api.anthropic.com", "api.stripe.com"]))
    if r.chance(0.5):
        proj = "%s-%s" % (company(r), r.lalnum(5))
        code += 'const %s={apiKey:"%s",authDomain:"%s",projectId:"%s",storageBucket:"%s",messagingSenderId:"%s",appId:"%s",measurementId:"%s"};' % (
            mini_ident(r), Sec(ctx, fmt="google-api-key").lab(), ctx.N(proj + ".firebaseapp.com", "public-by-design", "firebase-config"),
            ctx.N(proj, "public-by-design", "firebase-config"), ctx.N(proj + ".appspot.com", "public-by-design", "firebase-config"),
            ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "public-by-design", "firebase-config"),
            ctx.N("1:%d:web:%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.hex(22)), "public-by-design", "firebase-config"),
            ctx.N("G-" + r.ualnum(10), "public-by-design", "firebase-config"))
    code += 'var %s="%s";%s}}]);' % (mini_ident(r), pub, minified(ctx, r.randint(3, 6)))
    code += "\n//# sourceMappingURL=%s.map\n" % fname
    if r.chance(0.6):
        # the source map: the original source, JSON-escaped, in sourcesContent
        src_lines = ["import OpenAI from 'openai';"]
        for s in secrets:
            src_lines.append("const %s = '%s';" % (s.env, s.lab()))
        src_lines.append("export const client = new OpenAI({ apiKey: %s, dangerouslyAllowBrowser: true });" % secrets[0].env)
        src = "\n".join(src_lines) + "\n"
        mappings = ";".join(",".join(r.s("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", r.randint(4, 8)) for _ in range(r.randint(3, 9)))
                            for _ in range(r.randint(4, 10)))
        sm = '{"version":3,"file":"%s","sources":["../../src/lib/ai.ts","../../src/main.tsx"],"sourcesContent":["%s","import React from \'react\';\\n"],"names":["OpenAI","client","apiKey"],"mappings":"%s","debugId":"%s"}\n' % (
            fname, jesc(src), ctx.N(mappings, "minified", "sourcemap-mappings"), ctx.N(r.uuid(), "identifier", "uuid"))
        return "build/%s/dist/assets/%s.map" % (word(r), fname), "$ cat dist/assets/%s | head -c 2000\n%s\n$ cat dist/assets/%s.map\n%s" % (fname, code, fname, sm)
    return "build/%s/dist/assets/%s" % (word(r), fname), code


def t_keys_certs(ctx):
    r = ctx.r
    k = r.choice(["ssh-dir", "openssl", "jwks", "gpg", "tls-secret", "authorized-keys"])
    if k == "ssh-dir":
        s = Sec(ctx, fmt="openssh-private-key")
        pub = ctx.N(ctx.ng.pubkey("ssh-ed25519")[0], "public-key", "ssh-ed25519")
        text = ("$ ls -la ~/.ssh\ntotal 24\n-rw-------  1 dev dev  411 Jan 14 10:02 id_ed25519\n-rw-r--r--  1 dev dev   97 Jan 14 10:02 id_ed25519.pub\n"
                "-rw-r--r--  1 dev dev 1764 Jan 10 09:11 known_hosts\n$ cat ~/.ssh/id_ed25519.pub\n%s\n$ ssh-keygen -lf ~/.ssh/id_ed25519.pub\n256 SHA256:%s dev@laptop (ED25519)\n"
                "$ cat ~/.ssh/id_ed25519\n%s\n$ head -2 ~/.ssh/known_hosts\n|1|%s|%s ssh-ed25519 %s\ngithub.com ssh-ed25519 %s\n") % (
            pub, ctx.N(r.b64bytes(32, pad=False), "hash", "ssh-fingerprint"), s.lab(),
            ctx.N(r.b64bytes(20), "hash", "known-hosts-salt"), ctx.N(r.b64bytes(20), "hash", "known-hosts-hash"),
            ctx.N("AAAAC3NzaC1lZDI1NTE5AAAAI" + r.b64c(43), "public-key", "ssh-ed25519"), ctx.N("AAAAC3NzaC1lZDI1NTE5AAAAI" + r.b64c(43), "public-key", "ssh-ed25519"))
        return "tool-output/ssh-dir-%s.txt" % word(r), text
    if k == "openssl":
        cert = ctx.N(ctx.ng.pubkey("certificate")[0], "public-key", "certificate")
        text = ("$ openssl s_client -connect api.%s.com:443 -servername api.%s.com </dev/null\nCONNECTED(00000003)\ndepth=2 C = US, O = Internet Security Research Group, CN = ISRG Root X1\n"
                "verify return:1\n---\nCertificate chain\n 0 s:CN = api.%s.com\n   i:C = US, O = Let's Encrypt, CN = R11\n---\nServer certificate\n%s\n"
                "subject=CN = api.%s.com\n---\nSSL handshake has read 4321 bytes and written 401 bytes\nNew, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\n"
                "Server public key is 2048 bit\nSession-ID: %s\n---\n") % (company(r), company(r), company(r), cert, company(r), ctx.N(r.HEX(64), "identifier", "tls-session-id"))
        s = Sec(ctx, fmt=r.choice(["rsa-private-key", "pkcs8-private-key", "ec-private-key"]))
        text += "$ cat /etc/nginx/ssl/api.key\n%s\n$ openssl x509 -noout -fingerprint -sha256 -in /etc/nginx/ssl/api.crt\nsha256 Fingerprint=%s\n" % (
            s.lab(), ctx.N(":".join(r.HEX(2) for _ in range(32)), "hash", "cert-fingerprint"))
        return "tool-output/openssl-%s.txt" % word(r), text
    if k == "jwks":
        n = r.b64bytes(256, url=True, pad=False)
        kid = r.b64u(22)
        pubjwk = '{"kty":"RSA","use":"sig","kid":"%s","alg":"RS256","n":"%s","e":"AQAB"}' % (ctx.N(kid, "identifier", "jwk-kid"), ctx.N(n, "public-key", "jwk-modulus"))
        priv = '{"kty":"RSA","kid":"%s","alg":"RS256","n":"%s","e":"AQAB","d":"%s","p":"%s","q":"%s","dp":"%s","dq":"%s","qi":"%s"}' % (
            kid, n, r.b64bytes(256, url=True, pad=False), r.b64bytes(128, url=True, pad=False), r.b64bytes(128, url=True, pad=False),
            r.b64bytes(128, url=True, pad=False), r.b64bytes(128, url=True, pad=False), r.b64bytes(128, url=True, pad=False))
        text = "$ curl -s https://auth.%s.com/.well-known/jwks.json\n{\"keys\":[%s]}\n\n# signing key used by the auth service (config/keys/signing.jwk)\n%s\n" % (
            company(r), pubjwk, lab_as(ctx, priv, "jwk-private-key"))
        return "tool-output/jwks-%s.txt" % word(r), text
    if k == "gpg":
        pubb = ctx.N(ctx.ng.pubkey("pgp-public-block")[0], "public-key", "pgp-public-block")
        s = Sec(ctx, fmt="pgp-private-key-block")
        fpr = r.HEX(40)
        text = ("$ gpg --list-secret-keys --keyid-format=long\nsec   ed25519/%s 2024-03-01 [SC]\n      %s\nuid                 [ultimate] %s <%s>\n\n"
                "$ gpg --armor --export %s\n%s\n$ gpg --armor --export-secret-keys %s\n%s\n") % (
            ctx.N(fpr[-16:], "identifier", "gpg-key-id"), ctx.N(fpr, "public-key", "gpg-fingerprint"), people(r)[0], email_of(r, people(r)[1]),
            ctx.N(fpr[-16:], "identifier", "gpg-key-id"), pubb, ctx.N(fpr[-16:], "identifier", "gpg-key-id"), s.lab())
        return "tool-output/gpg-export-%s.txt" % word(r), text
    if k == "tls-secret":
        cert = base64.b64encode((ctx.ng.pubkey("certificate")[0] + "\n").encode()).decode()
        key = base64.b64encode((FORMATS["rsa-private-key"].gen(r) + "\n").encode()).decode()
        text = ("apiVersion: v1\ndata:\n  tls.crt: %s\n  tls.key: %s\nkind: Secret\nmetadata:\n  name: %s-tls\n  namespace: ingress\n  uid: %s\ntype: kubernetes.io/tls\n") % (
            ctx.N(cert, "public-key", "certificate-base64"), lab_as(ctx, key, "kubeconfig-client-key-data"), word(r), ctx.N(r.uuid(), "identifier", "k8s-uid"))
        return "tool-output/kubectl-tls-secret-%s.yaml" % word(r), "$ kubectl get secret -n ingress %s-tls -o yaml\n" % word(r) + text
    lines = []
    for _ in range(r.randint(3, 6)):
        sub = r.choice(["ssh-ed25519", "ssh-rsa"])
        lines.append(ctx.N(ctx.ng.pubkey(sub)[0], "public-key", sub))
    s = Sec(ctx, fmt="openssh-private-key")
    text = "# ansible: roles/users/files/authorized_keys\n%s\n\n# roles/deploy/files/deploy_key (should be vaulted!)\n%s\n" % ("\n".join(lines), s.lab())
    return "infra/ansible/authorized_keys-%s.txt" % word(r), text


TEMPLATES = [
    ("lockfile-diff", t_lockfile_diff, 35),
    ("bundle-sourcemap", t_bundle, 35),
    ("keys-certs", t_keys_certs, 35),
]
