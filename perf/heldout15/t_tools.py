"""Output of tools that print credentials: curl -v, HTTPie, browser copies, HAR, docker, kubectl, terraform,
env dumps, cloud and PaaS CLIs, stack traces, framework debug pages, git credentials."""
import base64
import json

from core import jesc, hesc
from fmts import FORMATS, company, word, password, generic_jwt, pem, pkcs1_rsa_der
from lang import assign, filler, neg_line
from tpl import (Sec, neg, neg1, lab_as, basic, auth_headers, api_host, api_path, api_method, sample_body, people, email_of, sa_json)

UA = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
      "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"]


def masked_echo(ctx, s):
    v = s.v
    pre = v[:8] if not v.startswith("sk-") else v[:v.find("-", 3) + 1] if v.count("-") > 1 else "sk-"
    return ctx.N(pre + "*" * 44 + v[-4:], "placeholder", "masked-echo")


def resp_neg_headers(ctx, n):
    r = ctx.r
    pool = [
        lambda: "x-request-id: %s" % ctx.N(ctx.ng.ident("request-id")[0], "identifier", "request-id"),
        lambda: "cf-ray: %s" % ctx.N(ctx.ng.ident("cf-ray")[0], "identifier", "cf-ray"),
        lambda: "openai-organization: %s" % ctx.N("org-" + r.alnum(24), "identifier", "openai-object-id"),
        lambda: "request-id: %s" % ctx.N("req_011C" + r.alnum(20), "identifier", "anthropic-object-id"),
        lambda: "anthropic-organization-id: %s" % ctx.N(r.uuid(), "identifier", "uuid"),
        lambda: "x-amzn-requestid: %s" % ctx.N(r.uuid(), "identifier", "request-id"),
        lambda: "etag: %s" % ctx.N(ctx.ng.hash("etag")[0], "hash", "etag"),
        lambda: "x-github-request-id: %s" % ctx.N("%s:%s:%s:%s:%s" % (r.HEX(4), r.HEX(5), r.HEX(7), r.HEX(7), r.HEX(8)), "identifier", "request-id"),
        lambda: "traceparent: %s" % ctx.N(ctx.ng.ident("traceparent")[0], "identifier", "traceparent"),
        lambda: "x-cloud-trace-context: %s/%d;o=1" % (ctx.N(r.hex(32), "identifier", "trace-id"), r.randint(10 ** 17, 10 ** 18)),
        lambda: "set-cookie: __cf_bm=%s; path=/; expires=%s; domain=.%s.com; HttpOnly; Secure; SameSite=None" % (
            ctx.N(r.b64u(43) + "-" + str(r.ts()) + "-1.0.1.1-" + r.b64u(86), "identifier", "bot-cookie"), r.date_http(), company(r)),
        lambda: "x-amz-cf-id: %s" % ctx.N(r.b64u(54) + "==", "identifier", "request-id"),
    ]
    return [r.choice(pool)() for _ in range(n)]


def t_curl_verbose(ctx):
    r = ctx.r
    s = Sec(ctx, "header")
    host = api_host(ctx, s)
    path = api_path(ctx, s)
    method = api_method(s)
    body = sample_body(ctx, s) if method != "GET" else None
    h2 = r.chance(0.6)
    literal = r.chance(0.5)
    args = []
    if literal:
        for n, v in auth_headers(ctx, s):
            args.append('-H "%s: %s"' % (n, v))
    else:
        for n, v in (s.f.api and [(s.f.api["hdr"], (s.f.api["scheme"] + " " if s.f.api.get("scheme") else ""))] or [("Authorization", "Bearer ")]):
            args.append('-H "%s: %s%s"' % (n, v, ctx.N("$" + s.env, "reference", "env-interp")))
    if body:
        args.append("-H 'content-type: application/json'")
        args.append("-d '%s'" % body)
    cmd = "$ curl -v%s %s%s %s" % (" -X " + method if method not in ("GET", "POST") or (method == "POST" and not body) else "",
                                    "https://" + host, path, " ".join(args))
    ip = r.ip(False)
    lines = [cmd, "* Host %s:443 was resolved." % host.split(":")[0], "* IPv4: %s" % ip, "*   Trying %s:443..." % ip,
             "* Connected to %s (%s) port 443" % (host, ip), "* ALPN: curl offers h2,http/1.1",
             "* TLSv1.3 (OUT), TLS handshake, Client hello (1):", "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
             "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / id-ecPublicKey",
             "* ALPN: server accepted %s" % ("h2" if h2 else "http/1.1"), "* Server certificate:", "*  subject: CN=%s" % host,
             "*  start date: Nov 12 08:14:02 2024 GMT", "*  expire date: Feb 10 08:14:01 2025 GMT",
             "*  issuer: C=US; O=Google Trust Services; CN=WE1", "*  SSL certificate verify ok."]
    cv = "curl/8.%d.%d" % (r.randint(4, 11), r.randint(0, 1))
    hdrs = [("Host", host), ("User-Agent", cv), ("Accept", "*/*")]
    # the value as sent: when the command used $VAR the shell expanded it, so the dump shows the secret
    hdrs += auth_headers(ctx, s)
    if body:
        hdrs += [("content-type", "application/json"), ("Content-Length", str(len(body)))]
    if h2:
        lines.append("* using HTTP/2")
        lines.append("* [HTTP/2] [1] OPENED stream for https://%s%s" % (host, path))
        lines.append("* [HTTP/2] [1] [:method: %s]" % method)
        lines.append("* [HTTP/2] [1] [:scheme: https]")
        lines.append("* [HTTP/2] [1] [:authority: %s]" % host)
        lines.append("* [HTTP/2] [1] [:path: %s]" % path)
        for n, v in [("user-agent", cv), ("accept", "*/*")] + auth_headers(ctx, s):
            lines.append("* [HTTP/2] [1] [%s: %s]" % (n.lower(), v))
    lines.append("> %s %s HTTP/%s" % (method, path, "2" if h2 else "1.1"))
    for n, v in hdrs:
        lines.append("> %s: %s" % (n, v))
    lines.append("> ")
    if body:
        lines.append("} [%d bytes data]" % len(body))
    status = r.choice([200, 200, 401, 403, 429, 500])
    lines.append("< HTTP/%s %d %s" % ("2" if h2 else "1.1", status, "" if h2 else {200: "OK", 401: "Unauthorized", 403: "Forbidden",
                                                                                      429: "Too Many Requests", 500: "Internal Server Error"}[status]))
    lines.append("< date: %s" % r.date_http())
    lines.append("< content-type: application/json")
    lines += ["< " + h for h in resp_neg_headers(ctx, r.randint(2, 5))]
    lines.append("< ")
    if status == 401:
        lines.append('{\n  "error": {\n    "message": "Incorrect API key provided: %s. You can find your API key at https://platform.openai.com/account/api-keys.",\n'
                     '    "type": "invalid_request_error",\n    "param": null,\n    "code": "invalid_api_key"\n  }\n}' % masked_echo(ctx, s))
    elif status == 200:
        lines.append('{"id":"%s","object":"chat.completion","created":%d,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hi!"},"finish_reason":"stop"}]}'
                     % (ctx.N("chatcmpl-" + r.alnum(29), "identifier", "openai-object-id"), r.ts()))
    else:
        lines.append('{"error":{"type":"%s","message":"%s"}}' % {429: ("rate_limit_error", "Rate limit reached, retry after 20s"),
                                                               403: ("permission_error", "Your key does not have access to this resource"),
                                                               500: ("api_error", "Internal server error")}[status])
    lines.append("* Connection #0 to host %s left intact" % host)
    return "tool-output/curl-v-%s.txt" % word(r), "\n".join(lines) + "\n"


def t_httpie(ctx):
    r = ctx.r
    s = Sec(ctx, "header")
    host, path, method = api_host(ctx, s), api_path(ctx, s), api_method(s)
    hv = auth_headers(ctx, s)
    cmd_items = " ".join("%s:'%s'" % (n, v) for n, v in auth_headers(ctx, s))
    body = sample_body(ctx, s) if method != "GET" else None
    out = ["$ http -v %s %s%s %s%s" % (method, host, path, cmd_items, " < body.json" if body else "")]
    hdrs = [("Accept", "application/json, */*;q=0.5"), ("Accept-Encoding", "gzip, deflate, br"), ("Connection", "keep-alive")]
    if body:
        hdrs += [("Content-Length", str(len(body))), ("Content-Type", "application/json")]
    hdrs += [("Host", host), ("User-Agent", "HTTPie/3.2.%d" % r.randint(1, 4))] + hv
    out.append("%s %s HTTP/1.1" % (method, path))
    out += ["%s: %s" % h for h in hdrs]
    out.append("")
    if body:
        out.append(json.dumps(json.loads(body), indent=4))
    out += ["", "", "HTTP/1.1 %d %s" % r.choice([(200, "OK"), (401, "Unauthorized"), (404, "Not Found")]),
            "Connection: keep-alive", "Content-Type: application/json", "Date: %s" % r.date_http()]
    out += resp_neg_headers(ctx, r.randint(2, 4))
    out += ["", '{\n    "id": "%s",\n    "status": "ok"\n}' % ctx.N(r.uuid(), "identifier", "uuid"), ""]
    return "tool-output/httpie-%s.txt" % word(r), "\n".join(out)


def cookie_header(ctx, with_secret=True):
    r = ctx.r
    parts = ["_ga=%s" % ctx.N("GA1.1.%d.%d" % (r.randint(10 ** 8, 2 * 10 ** 9), r.ts()), "identifier", "analytics-cookie"),
             "_gid=%s" % ctx.N("GA1.2.%d.%d" % (r.randint(10 ** 8, 2 * 10 ** 9), r.ts()), "identifier", "analytics-cookie")]
    if r.chance(0.6):
        parts.append("csrftoken=%s" % ctx.N(*ctx.ng.csrf()[:4]))
    if with_secret:
        k = r.randint(0, 3)
        if k == 0:
            parts.append("sessionid=%s" % lab_as(ctx, r.lalnum(32), "session-cookie"))
        elif k == 1:
            parts.append("connect.sid=%s" % lab_as(ctx, "s%3A" + r.b64u(32) + "." + r.b64c(43).replace("+", "%2B").replace("/", "%2F"), "session-cookie"))
        elif k == 2:
            parts.append("_%s_session=%s" % (word(r), lab_as(ctx, r.b64c(r.randint(120, 200)).replace("+", "%2B").replace("/", "%2F") + "--" + r.hex(40),
                                                           "session-cookie")))
        else:
            parts.append("__Secure-next-auth.session-token=%s" % lab_as(ctx, generic_jwt(r), "jwt"))
    parts.append("theme=dark")
    r.shuffle(parts)
    return "; ".join(parts)


def browser_headers(ctx, host):
    r = ctx.r
    return [("accept", "application/json, text/plain, */*"), ("accept-language", r.choice(["en-US,en;q=0.9", "de-DE,de;q=0.9,en;q=0.8",
                                                                                             "ja,en-US;q=0.9,en;q=0.8", "pt-BR,pt;q=0.9"])),
            ("origin", "https://app.%s" % host.split(".", 1)[-1]), ("priority", "u=1, i"),
            ("sec-ch-ua", '"Chromium";v="131", "Not_A Brand";v="24", "Google Chrome";v="131"'), ("sec-ch-ua-mobile", "?0"),
            ("sec-ch-ua-platform", r.choice(['"macOS"', '"Windows"', '"Linux"'])), ("sec-fetch-dest", "empty"), ("sec-fetch-mode", "cors"),
            ("sec-fetch-site", "same-site"), ("user-agent", r.choice(UA))]


def t_copy_as_curl(ctx):
    r = ctx.r
    s = Sec(ctx, "header")
    host = api_host(ctx, s)
    url = "https://%s%s" % (host, api_path(ctx, s))
    hdrs = browser_headers(ctx, host)
    hdrs.insert(2, ("authorization", None))
    if r.chance(0.4):
        hdrs.append(("x-csrf-token", ctx.N(*ctx.ng.csrf()[:4])))
    body = sample_body(ctx, s) if api_method(s) != "GET" else None
    style = r.choice(["bash", "bash", "bash", "cmd", "powershell"])
    auth = auth_headers(ctx, s)
    if style == "bash":
        out = ["curl '%s' \\" % url]
        for n, v in hdrs:
            if v is None:
                for an, av in auth:
                    out.append("  -H '%s: %s' \\" % (an.lower(), av))
                continue
            out.append("  -H '%s: %s' \\" % (n, v))
        if r.chance(0.6):
            out.insert(3, "  -b '%s' \\" % cookie_header(ctx))
        if body:
            out.append("  --data-raw '%s'" % body)
        else:
            out[-1] = out[-1][:-2]
        return "tool-output/copy-as-curl-%s.sh" % word(r), "\n".join(out) + "\n"
    if style == "cmd":
        out = ['curl ^"%s^" ^' % url]
        for n, v in hdrs:
            if v is None:
                for an, av in auth:
                    out.append('  -H ^"%s: %s^" ^' % (an.lower(), av))
                continue
            out.append('  -H ^"%s: %s^" ^' % (n, v.replace('"', '\\^"')))
        if body:
            out.append('  --data-raw ^"%s^"' % body.replace('"', '^\\^"'))
        else:
            out[-1] = out[-1][:-2]
        return "tool-output/copy-as-curl-cmd-%s.bat" % word(r), "\r\n".join(out) + "\r\n"
    out = ["$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession",
           '$session.UserAgent = "%s"' % r.choice(UA)]
    if r.chance(0.7):
        out.append('$session.Cookies.Add((New-Object System.Net.Cookie("sessionid", "%s", "/", ".%s")))' % (
            lab_as(ctx, r.lalnum(32), "session-cookie"), host.split(".", 1)[-1]))
        out.append('$session.Cookies.Add((New-Object System.Net.Cookie("_ga", "%s", "/", ".%s")))' % (
            ctx.N("GA1.1.%d.%d" % (r.randint(10 ** 8, 2 * 10 ** 9), r.ts()), "identifier", "analytics-cookie"), host.split(".", 1)[-1]))
    out.append('Invoke-WebRequest -UseBasicParsing -Uri "%s" `' % url)
    out.append('-Method "%s" `' % api_method(s))
    out.append("-WebSession $session `")
    out.append("-Headers @{")
    for n, v in hdrs:
        if v is None:
            for an, av in auth:
                out.append('"%s"="%s"' % (an.lower(), av))
            continue
        out.append('"%s"="%s"' % (n, v.replace('"', '`"')))
    if body:
        out.append("} `")
        out.append('-ContentType "application/json" `')
        out.append("-Body \"%s\"" % body.replace('"', '`"'))
    else:
        out.append("}")
    return "tool-output/copy-as-powershell-%s.ps1" % word(r), "\n".join(out) + "\n"


def t_copy_as_fetch(ctx):
    r = ctx.r
    s = Sec(ctx, "header")
    host = api_host(ctx, s)
    url = "https://%s%s" % (host, api_path(ctx, s))
    node = r.chance(0.4)
    hd = []
    for n, v in browser_headers(ctx, host)[:2]:
        hd.append('    "%s": "%s"' % (n, v))
    for n, v in auth_headers(ctx, s):
        hd.append('    "%s": "%s"' % (n.lower(), v))
    hd.append('    "content-type": "application/json"')
    for n, v in browser_headers(ctx, host)[4:9]:
        hd.append('    "%s": "%s"' % (n, jesc(v)))
    if node:
        hd.append('    "cookie": "%s"' % cookie_header(ctx))
    if r.chance(0.5):
        hd.append('    "x-request-id": "%s"' % ctx.N(r.uuid(), "identifier", "request-id"))
    body = sample_body(ctx, s)
    out = 'fetch("%s", {\n  "headers": {\n%s\n  },\n' % (url, ",\n".join(hd))
    if not node:
        out += '  "referrer": "https://app.%s/",\n  "referrerPolicy": "strict-origin-when-cross-origin",\n' % host.split(".", 1)[-1]
    out += '  "body": %s,\n  "method": "%s"%s\n});\n' % ('"%s"' % jesc(body) if api_method(s) != "GET" else "null", api_method(s),
                                                        "" if node else ',\n  "mode": "cors",\n  "credentials": "include"')
    return "tool-output/copy-as-fetch-%s.js" % word(r), out


def t_har(ctx):
    r = ctx.r
    entries = []
    for i in range(r.randint(1, 3)):
        s = Sec(ctx, "header")
        host = api_host(ctx, s)
        path = api_path(ctx, s)
        q = []
        url = "https://%s%s" % (host, path)
        if s.f.name == "google-api-key" or r.chance(0.2):
            qn = "key" if s.f.name == "google-api-key" else r.choice(["api_key", "access_token", "token"])
            url += ("&" if "?" in url else "?") + "%s=%s" % (qn, s.lab())
            q.append('{"name": "%s", "value": "%s"}' % (qn, s.lab()))
        hdrs = ['{"name": ":authority", "value": "%s"}' % host, '{"name": ":method", "value": "%s"}' % api_method(s)]
        for n, v in auth_headers(ctx, s):
            hdrs.append('{"name": "%s", "value": "%s"}' % (n.lower(), v))
        hdrs.append('{"name": "user-agent", "value": "%s"}' % r.choice(UA))
        cookies = []
        if r.chance(0.5):
            sid = r.lalnum(32)
            hdrs.append('{"name": "cookie", "value": "sessionid=%s; _ga=%s"}' % (
                lab_as(ctx, sid, "session-cookie"), ctx.N("GA1.1.%d.%d" % (r.randint(10 ** 8, 2 * 10 ** 9), r.ts()), "identifier", "analytics-cookie")))
            cookies.append('{"name": "sessionid", "value": "%s", "path": "/", "domain": ".%s", "httpOnly": true, "secure": true}' % (
                lab_as(ctx, sid, "session-cookie"), host.split(".", 1)[-1]))
        post = ""
        if api_method(s) != "GET":
            post = ',\n          "postData": {"mimeType": "application/json", "text": "%s"}' % jesc(sample_body(ctx, s))
        rh = ['{"name": "x-request-id", "value": "%s"}' % ctx.N(r.uuid(), "identifier", "request-id"),
              '{"name": "etag", "value": "%s"}' % ctx.N(jesc(ctx.ng.hash("etag")[0]), "hash", "etag"),
              '{"name": "cf-ray", "value": "%s"}' % ctx.N(ctx.ng.ident("cf-ray")[0], "identifier", "cf-ray")]
        entries.append(('      {\n        "_initiator": {"type": "script"},\n        "_priority": "High",\n        "_resourceType": "fetch",\n'
                        '        "cache": {},\n        "connection": "%d",\n        "request": {\n          "method": "%s",\n          "url": "%s",\n'
                        '          "httpVersion": "http/2.0",\n          "headers": [\n            %s\n          ],\n          "queryString": [%s],\n'
                        '          "cookies": [%s],\n          "headersSize": -1,\n          "bodySize": 0%s\n        },\n'
                        '        "response": {\n          "status": 200,\n          "statusText": "",\n          "httpVersion": "http/2.0",\n'
                        '          "headers": [\n            %s\n          ],\n          "content": {"size": %d, "mimeType": "application/json"},\n'
                        '          "redirectURL": ""\n        },\n        "serverIPAddress": "%s",\n        "startedDateTime": "%s",\n'
                        '        "time": %.3f,\n        "timings": {"blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": %.3f, "receive": 0.9}\n      }') % (
            r.randint(100000, 999999), api_method(s), url, ",\n            ".join(hdrs), ", ".join(q), ", ".join(cookies), post,
            ",\n            ".join(rh), r.randint(50, 50000), r.ip(False), r.date_iso().replace("Z", ".%03dZ" % r.randint(0, 999)),
            r.random() * 900, r.random() * 800))
    text = '{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "WebInspector", "version": "537.36"},\n    "pages": [],\n    "entries": [\n%s\n    ]\n  }\n}\n' % (
        ",\n".join(entries))
    return "tool-output/%s.har" % r.choice(["app.example.com", "network-log", "checkout-bug", "login-issue"]), text


# ------------------------------------------------------------------ containers, kubernetes, terraform

def env_pairs(ctx, nsec, nneg, nfill=4):
    """List of (name, marked value) environment entries."""
    r = ctx.r
    out = []
    seen = set()
    for _ in range(nsec):
        s = Sec(ctx, "env")
        if s.env in seen:
            continue
        seen.add(s.env)
        out.append((s.env, s.lab()))
    for _ in range(nneg):
        name, v, c, sb, d, raw = ctx.ng.assign("runtime")
        if "\n" in v or raw or name in seen:
            continue
        seen.add(name)
        out.append((name, ctx.N(v, c, sb, d)))
    base = [("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ("NODE_VERSION", "20.18.1"), ("YARN_VERSION", "1.22.22"),
            ("PYTHON_VERSION", "3.12.8"), ("LANG", "C.UTF-8"), ("NODE_ENV", "production"), ("PORT", str(r.choice([3000, 8000, 8080]))),
            ("LOG_LEVEL", "info"), ("TZ", "UTC"), ("HOME", "/home/app"), ("GPG_KEY", "7169605F62C751356D054A26A821E680E5FA6305")]
    for n, v in r.sample(base, nfill):
        if n == "GPG_KEY":
            v = ctx.N(r.HEX(40), "public-key", "gpg-fingerprint")
        out.append((n, v))
    r.shuffle(out)
    return out


def t_docker_inspect(ctx):
    r = ctx.r
    nsec = r.randint(1, 3)
    env = env_pairs(ctx, nsec, r.randint(nsec * 2, nsec * 3))
    cid = ctx.N(r.hex(64), "hash", "container-id")
    img = ctx.N("sha256:" + r.hex(64), "hash", "docker-digest")
    envs = ",\n                ".join('"%s=%s"' % (n, v) for n, v in env)
    name = "%s-%s-1" % (company(r), r.choice(["api", "worker", "web"]))
    text = ('[\n    {\n        "Id": "%s",\n        "Created": "%s",\n        "Path": "docker-entrypoint.sh",\n        "Args": [\n            "node",\n            "server.js"\n        ],\n'
            '        "State": {\n            "Status": "%s",\n            "Running": true,\n            "Pid": %d,\n            "ExitCode": 0,\n            "StartedAt": "%s"\n        },\n'
            '        "Image": "%s",\n        "Name": "/%s",\n        "RestartCount": 0,\n        "Driver": "overlay2",\n        "Config": {\n            "Hostname": "%s",\n'
            '            "User": "node",\n            "ExposedPorts": {\n                "3000/tcp": {}\n            },\n            "Env": [\n                %s\n            ],\n'
            '            "Cmd": [\n                "node",\n                "server.js"\n            ],\n            "Image": "ghcr.io/%s/api@%s",\n            "WorkingDir": "/app",\n'
            '            "Labels": {\n                "com.docker.compose.project": "%s",\n                "org.opencontainers.image.revision": "%s"\n            }\n        },\n'
            '        "NetworkSettings": {\n            "SandboxID": "%s",\n            "Networks": {\n                "bridge": {\n                    "EndpointID": "%s",\n'
            '                    "IPAddress": "%s",\n                    "MacAddress": "02:42:ac:11:00:%02x"\n                }\n            }\n        }\n    }\n]\n') % (
        cid, r.date_iso(), r.choice(["running", "exited"]), r.randint(1000, 60000), r.date_iso(), img, name, ctx.N(r.hex(12), "hash", "container-id"),
        envs, company(r), ctx.N("sha256:" + r.hex(64), "hash", "docker-digest"), company(r), ctx.N(r.hex(40), "hash", "git-sha"),
        ctx.N(r.hex(64), "hash", "container-id"), ctx.N(r.hex(64), "hash", "container-id"), r.ip(), r.randint(2, 250))
    pre = "$ docker inspect %s\n" % name if r.chance(0.6) else ""
    return "tool-output/docker-inspect-%s.json" % word(r), pre + text


def t_compose_config(ctx):
    r = ctx.r
    out = ["name: %s" % company(r), "services:"]
    for svc in r.sample(["api", "worker", "web", "db", "cache", "scheduler"], r.randint(1, 3)):
        out += ["  %s:" % svc, "    build:", "      context: /home/%s/src/%s" % (people(r)[1], word(r)), "      dockerfile: Dockerfile",
                "    environment:"]
        nsec = r.randint(0, 2)
        for n, v in env_pairs(ctx, nsec, r.randint(2, 4), 2):
            out.append("      %s: %s" % (n, v if not v.startswith(("*", "&", "!", "%", "@", "{", "[", "'", "\"", ">", "|")) and ": " not in v and " #" not in v else v))
        out += ["    image: ghcr.io/%s/%s@%s" % (company(r), svc, ctx.N("sha256:" + r.hex(64), "hash", "docker-digest")),
                "    networks:", "      default: null", "    ports:", "      - mode: ingress", "        target: %d" % r.choice([3000, 8000, 5432]),
                '        published: "%d"' % r.choice([3000, 8000, 15432]), "        protocol: tcp"]
    if ctx.nsec == 0:
        s = Sec(ctx, "env")
        out[5:5] = ["      %s: %s" % (s.env, s.lab())]
    out += ["networks:", "  default:", "    name: %s_default" % company(r)]
    return "tool-output/compose-config-%s.yaml" % word(r), "$ docker compose config\n" + "\n".join(out) + "\n"


def t_kubectl(ctx):
    r = ctx.r
    v = r.wpick([("describe", 3), ("secret", 3), ("kubeconfig", 2), ("kubeconfig-redacted", 1), ("configmap", 1)])
    ns = r.choice(["prod", "default", "payments", "ml", "staging"])
    if v == "describe":
        pod = "%s-%s-%s" % (r.choice(["api", "worker", "gateway"]), r.hex(10), r.lalnum(5))
        org = company(r)
        out = ["$ kubectl describe pod %s -n %s" % (pod, ns), "Name:             %s" % pod, "Namespace:        %s" % ns, "Priority:         0",
               "Service Account:  default", "Node:             ip-10-0-%d-%d.eu-west-1.compute.internal/%s" % (r.randint(0, 255), r.randint(0, 255), r.ip()),
               "Start Time:       %s" % r.date_http(), "Labels:           app=%s" % pod.split("-")[0],
               "                  pod-template-hash=%s" % ctx.N(r.hex(10), "hash", "pod-template-hash"), "Status:           Running",
               "IP:               %s" % r.ip(), "Containers:", "  %s:" % pod.split("-")[0],
               "    Container ID:   containerd://%s" % ctx.N(r.hex(64), "hash", "container-id"),
               "    Image:          ghcr.io/%s/%s:1.%d.%d" % (org, pod.split("-")[0], r.randint(0, 30), r.randint(0, 9)),
               "    Image ID:       ghcr.io/%s/%s@%s" % (org, pod.split("-")[0], ctx.N("sha256:" + r.hex(64), "hash", "docker-digest")),
               "    Port:           8080/TCP", "    State:          Running", "    Ready:          True", "    Restart Count:  %d" % r.randint(0, 9),
               "    Environment:"]
        seen = set()
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            if s.env in seen:
                continue
            seen.add(s.env)
            out.append("      %-22s%s" % (s.env + ":", s.lab()))
        for nm in r.sample([x for x in ["STRIPE_SECRET_KEY", "DB_PASSWORD", "OPENAI_API_KEY", "JWT_SECRET", "REDIS_PASSWORD", "SENTRY_AUTH_TOKEN"]
                            if x not in seen], r.randint(2, 4)):
            out.append("      %-22s%s  Optional: false" % (nm + ":", ctx.N("<set to the key '%s' in secret '%s'>" % (
                nm.lower().replace("_", "-"), r.choice(["api-secrets", "app-secrets", "app-env"])), "reference", "k8s-secret-key-ref")))
        out += ["      NODE_ENV:             production", "      POD_NAME:              %s (v1:metadata.name)" % pod, "    Mounts:",
                "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-%s (ro)" % r.lalnum(5), "Conditions:",
                "  Type              Status", "  Ready             True", "Events:",
                "  Normal  Pulled     2m    kubelet  Successfully pulled image in 1.2s"]
        return "tool-output/kubectl-describe-%s.txt" % pod, "\n".join(out) + "\n"
    if v in ("secret", "configmap"):
        name = r.choice(["db-credentials", "api-secrets", "app-env", "registry-creds", "llm-keys"])
        items = []
        if v == "secret":
            for _ in range(r.randint(1, 3)):
                s = Sec(ctx, "env")
                items.append((s.env.lower().replace("_", "-"), s, base64.b64encode(s.v.encode()).decode()))
            data = []
            for k, s, b in items:
                data.append("  %s: %s" % (k, ctx.L(b, s.f.name if s.f.kind != "password" else "k8s-secret-data",
                                                     s.f.family if s.f.kind != "password" else "password")))
            data.append("  username: %s" % ctx.N(base64.b64encode(r.choice(["app", "admin", "svc"]).encode()).decode(), "encoded-data", "k8s-username"))
            last = ""
            if r.chance(0.5):
                inner = ",".join('"%s":"%s"' % (k, ctx.L(b, s.f.name if s.f.kind != "password" else "k8s-secret-data",
                                                          s.f.family if s.f.kind != "password" else "password")) for k, s, b in items)
                last = ("    kubectl.kubernetes.io/last-applied-configuration: |\n"
                        '      {"apiVersion":"v1","data":{%s},"kind":"Secret","metadata":{"annotations":{},"name":"%s","namespace":"%s"},"type":"Opaque"}\n' % (inner, name, ns))
            text = "apiVersion: v1\ndata:\n%s\nkind: Secret\nmetadata:\n%s%s  creationTimestamp: \"%s\"\n  name: %s\n  namespace: %s\n  resourceVersion: \"%d\"\n  uid: %s\ntype: Opaque\n" % (
                "\n".join(sorted(data)), "  annotations:\n" if last else "", last, r.date_iso(), name, ns, r.randint(10 ** 6, 10 ** 9),
                ctx.N(r.uuid(), "identifier", "k8s-uid"))
        else:
            data = []
            for _ in range(r.randint(0, 1)):
                s = Sec(ctx, "env")
                data.append("  %s: %s" % (s.env, s.lab()))
            for _ in range(r.randint(2, 4)):
                nm, vv, c, sb, d, raw = ctx.ng.assign("yaml")
                if "\n" in vv or raw:
                    continue
                data.append('  %s: "%s"' % (nm, ctx.N(vv, c, sb, d)))
            data.append('  LOG_LEVEL: "info"')
            text = "apiVersion: v1\ndata:\n%s\nkind: ConfigMap\nmetadata:\n  name: %s-config\n  namespace: %s\n  uid: %s\n" % (
                "\n".join(data), name, ns, ctx.N(r.uuid(), "identifier", "k8s-uid"))
        return "tool-output/kubectl-get-%s-%s.yaml" % (v, name), "$ kubectl get %s %s -n %s -o yaml\n" % (v, name if v == "secret" else name + "-config", ns) + text
    # kubeconfig
    redacted = v == "kubeconfig-redacted"
    ca = base64.b64encode((ctx.ng.pubkey("certificate")[0] + "\n").encode()).decode()
    cert = base64.b64encode((ctx.ng.pubkey("certificate")[0] + "\n").encode()).decode()
    out = ["apiVersion: v1", "clusters:", "- cluster:"]
    out.append("    certificate-authority-data: %s" % (ctx.N("DATA+OMITTED", "placeholder", "kubectl-omitted") if redacted else ctx.N(ca, "public-key", "ca-certificate-data")))
    out += ["    server: https://%s.gr7.eu-west-1.eks.amazonaws.com" % ctx.N(r.HEX(32), "identifier", "eks-endpoint-id"), "  name: prod", "contexts:", "- context:",
            "    cluster: prod", "    user: admin", "  name: prod", "current-context: prod", "kind: Config", "preferences: {}", "users:", "- name: admin",
            "  user:"]
    if redacted:
        out.append("    client-certificate-data: %s" % ctx.N("DATA+OMITTED", "placeholder", "kubectl-omitted"))
        out.append("    client-key-data: %s" % ctx.N("DATA+OMITTED", "placeholder", "kubectl-omitted"))
        out.append("    token: %s" % ctx.N("REDACTED", "placeholder", "redacted"))
        out += ["- name: dev", "  user:", "    token: %s" % Sec(ctx, fmt="jwt").lab()]
    else:
        out.append("    client-certificate-data: %s" % ctx.N(cert, "public-key", "client-certificate-data"))
        out.append("    client-key-data: %s" % Sec(ctx, fmt="kubeconfig-client-key-data").lab())
        out += ["- name: ci", "  user:", "    token: %s" % Sec(ctx, fmt=r.choice(["jwt", "aws-eks-token"])).lab()]
    cmd = "$ kubectl config view%s\n" % ("" if redacted else " --raw")
    return "tool-output/kubeconfig-%s.yaml" % word(r), cmd + "\n".join(out) + "\n"


def t_terraform(ctx):
    r = ctx.r
    v = r.wpick([("plan", 3), ("show-json", 2), ("output-json", 1.5), ("state", 1.5)])
    if v == "plan":
        out = ["$ terraform plan", "aws_iam_role.lambda: Refreshing state... [id=%s-lambda]" % word(r),
               "aws_db_instance.main: Refreshing state... [id=%s]" % ctx.N("db-" + r.ualnum(26), "identifier", "aws-resource-id"), "",
               "Terraform used the selected providers to generate the following execution plan. Resource actions are indicated with the",
               "following symbols:", "  + create", "  ~ update in-place", "", "Terraform will perform the following actions:", "",
               "  # aws_db_instance.main will be created", '  + resource "aws_db_instance" "main" {', "      + allocated_storage = 20",
               "      + arn                   = (known after apply)", '      + engine                = "postgres"',
               "      + password              = %s" % ctx.N("(sensitive value)", "placeholder", "sensitive-value"),
               '      + username              = "app"', "    }", "", "  # aws_lambda_function.api will be updated in-place",
               '  ~ resource "aws_lambda_function" "api" {', '        id   = "%s-api"' % word(r), "      ~ environment {", "          ~ variables = {"]
        for _ in range(r.randint(1, 2)):
            s = Sec(ctx, "env")
            if r.chance(0.5):
                out.append('              ~ "%s" = "%s" -> "%s"' % (s.env, s.lab(), ctx.L(s.f.gen(r), s.f.name, s.f.family)))
            else:
                out.append('              + "%s" = "%s"' % (s.env, s.lab()))
        for _ in range(r.randint(2, 3)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("env")
            if "\n" in vv or raw:
                continue
            out.append('                "%s" = "%s"' % (nm, ctx.N(vv, c, sb, d)))
        out += ['                "LOG_LEVEL" = "info"', "            }", "        }", "    }", "",
                "  # random_password.db will be created", '  + resource "random_password" "db" {',
                "      + result  = %s" % ctx.N("(sensitive value)", "placeholder", "sensitive-value"), "      + length  = 32", "    }", "",
                "Plan: 2 to add, 1 to change, 0 to destroy.", "", "Changes to Outputs:",
                "  + db_endpoint = (known after apply)", "  ~ api_token   = %s" % ctx.N("(sensitive value)", "placeholder", "sensitive-value")]
        return "tool-output/terraform-plan-%s.txt" % word(r), "\n".join(out) + "\n"
    if v == "output-json":
        items = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            items.append('  "%s": {\n    "sensitive": true,\n    "type": "string",\n    "value": "%s"\n  }' % (s.env.lower(), s.lab(jesc(s.v))))
        items.append('  "db_endpoint": {\n    "sensitive": false,\n    "type": "string",\n    "value": "%s.%s.eu-west-1.rds.amazonaws.com:5432"\n  }' % (
            word(r), ctx.N(r.lalnum(12), "identifier", "aws-resource-id")))
        items.append('  "role_arn": {\n    "sensitive": false,\n    "type": "string",\n    "value": "arn:aws:iam::%s:role/%s"\n  }' % (
            ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id"), word(r)))
        r.shuffle(items)
        return "tool-output/terraform-output-%s.json" % word(r), "$ terraform output -json\n{\n" + ",\n".join(items) + "\n}\n"
    # show -json / state
    res = []
    for _ in range(r.randint(1, 2)):
        s = Sec(ctx, "env")
        pw_attr = r.choice(["password", "master_password", "value", "secret_string", "token"])
        res.append('{"address":"aws_%s.%s","mode":"managed","type":"aws_%s","name":"%s","provider_name":"registry.terraform.io/hashicorp/aws",'
                   '"schema_version":0,"values":{"arn":"arn:aws:ssm:eu-west-1:%s:parameter/%s","id":"%s","%s":"%s","tags":{"env":"prod"}},'
                   '"sensitive_values":{"%s":true,"tags":{}}}' % (
                       "ssm_parameter", word(r), "ssm_parameter", word(r), ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id"),
                       s.env.lower(), ctx.N(r.uuid(), "identifier", "uuid"), pw_attr, s.lab(jesc(s.v)), pw_attr))
    res.append('{"address":"aws_s3_bucket.assets","mode":"managed","type":"aws_s3_bucket","name":"assets","values":{"bucket":"%s-assets","id":"%s-assets",'
               '"hosted_zone_id":"Z1BKCTXD74EZPE"}}' % (company(r), company(r)))
    if v == "show-json":
        text = '{"format_version":"1.0","terraform_version":"1.9.%d","values":{"root_module":{"resources":[%s]}}}\n' % (r.randint(0, 8), ",".join(res))
        return "tool-output/terraform-show-%s.json" % word(r), "$ terraform show -json\n" + text
    lines = ['{', '  "version": 4,', '  "terraform_version": "1.9.%d",' % r.randint(0, 8), '  "serial": %d,' % r.randint(1, 400),
             '  "lineage": "%s",' % ctx.N(r.uuid(), "identifier", "uuid"), '  "outputs": {},', '  "resources": [']
    items = []
    for _ in range(r.randint(1, 2)):
        if r.chance(0.5):
            s = Sec(ctx, fmt="password")
            items.append('    {\n      "mode": "managed",\n      "type": "random_password",\n      "name": "%s",\n      "provider": "provider[\\"registry.terraform.io/hashicorp/random\\"]",\n'
                         '      "instances": [\n        {\n          "schema_version": 3,\n          "attributes": {\n            "bcrypt_hash": "%s",\n'
                         '            "id": "none",\n            "length": 32,\n            "result": "%s",\n            "special": true\n          },\n'
                         '          "sensitive_attributes": []\n        }\n      ]\n    }' % (
                             r.choice(["db", "admin", "redis", "grafana"]), ctx.N(jesc(ctx.ng.hash("bcrypt")[0]), "hash", "bcrypt"), s.lab(jesc(s.v))))
        else:
            s = Sec(ctx, "env")
            typ, attr = r.choice([("aws_ssm_parameter", "value"), ("github_actions_secret", "plaintext_value"), ("kubernetes_secret", "data")])
            val = '"%s"' % s.lab(jesc(s.v)) if typ != "kubernetes_secret" else '{"%s": "%s"}' % (s.env.lower(), s.lab(jesc(s.v)))
            items.append('    {\n      "mode": "managed",\n      "type": "%s",\n      "name": "%s",\n      "provider": "provider[\\"registry.terraform.io/hashicorp/%s\\"]",\n'
                         '      "instances": [\n        {\n          "schema_version": 0,\n          "attributes": {\n            "id": "%s",\n'
                         '            "%s": %s\n          },\n          "sensitive_attributes": [[{"type": "get_attr", "value": "%s"}]]\n        }\n      ]\n    }' % (
                             typ, s.env.lower(), typ.split("_")[0].replace("aws", "aws").replace("github", "github").replace("kubernetes", "kubernetes"),
                             ctx.N(r.uuid(), "identifier", "uuid") if typ != "aws_ssm_parameter" else "/prod/" + s.env.lower(), attr, val, attr))
    lines.append(",\n".join(items))
    lines += ["  ],", '  "check_results": null', "}"]
    return "tool-output/terraform.tfstate", "\n".join(lines) + "\n"


# ------------------------------------------------------------------ env dumps

STD_ENV = ["SHELL=/bin/zsh", "USER={u}", "HOME=/home/{u}", "LANG=en_US.UTF-8", "TERM=xterm-256color", "COLORTERM=truecolor",
           "PWD=/home/{u}/src/{w}", "OLDPWD=/home/{u}", "LOGNAME={u}", "SHLVL=2", "EDITOR=nvim", "PAGER=less",
           "PATH=/home/{u}/.local/bin:/home/{u}/.cargo/bin:/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin",
           "XDG_RUNTIME_DIR=/run/user/1000", "XDG_SESSION_TYPE=wayland", "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus",
           "SSH_AUTH_SOCK=/tmp/ssh-XXXX{n}/agent.{n}", "NVM_DIR=/home/{u}/.nvm", "PYENV_ROOT=/home/{u}/.pyenv", "GOPATH=/home/{u}/go",
           "TERM_PROGRAM=vscode", "TERM_PROGRAM_VERSION=1.96.2", "LS_COLORS=rs=0:di=01;34:ln=01;36:mh=00:pi=40;33:so=01;35:do=01;35:bd=40;33;01",
           "HISTSIZE=100000", "AWS_PROFILE=dev", "AWS_REGION=eu-west-1", "DOCKER_HOST=unix:///run/user/1000/docker.sock",
           "ANTHROPIC_BASE_URL=http://127.0.0.1:8080", "OPENAI_BASE_URL=http://127.0.0.1:8080/v1", "LESSHISTFILE=-", "_=/usr/bin/env"]


def t_env_dump(ctx):
    r = ctx.r
    u = people(r)[1].replace(".", "")
    style = r.wpick([("env", 3), ("printenv", 1.5), ("set", 1.5), ("pwsh", 1), ("cmd", 1), ("declare", 0.8)])
    lines = []
    for t in r.sample(STD_ENV, r.randint(10, 18)):
        lines.append(("raw", t.format(u=u, w=word(r), n=r.randint(1000, 9999))))
    seen = set()
    for _ in range(r.randint(1, 4)):
        s = Sec(ctx, "env")
        if s.env in seen:
            continue
        seen.add(s.env)
        lines.append(("sec", s))
    for _ in range(r.randint(4, 9)):
        nm, vv, c, sb, d, raw = ctx.ng.assign("runtime")
        if "\n" in vv or raw or nm in seen:
            continue
        seen.add(nm)
        lines.append(("neg", (nm, vv, c, sb, d)))
    if r.chance(0.4):
        lines.append(("raw", "VSCODE_GIT_IPC_HANDLE=/run/user/1000/vscode-git-%s.sock" % ctx.N(r.hex(10), "identifier", "ipc-handle")))
    if r.chance(0.3):
        lines.append(("raw", "GPG_TTY=/dev/pts/%d" % r.randint(0, 9)))
    r.shuffle(lines)
    out = []
    for kind, x in lines:
        if kind == "raw":
            n, _, val = x.partition("=")
            if style == "pwsh":
                out.append("%-30s %s" % (n, val))
            elif style == "declare":
                out.append('declare -x %s="%s"' % (n, val))
            else:
                out.append(x)
            continue
        if kind == "sec":
            n, raw, mark = x.env, x.v, x.lab
        else:
            n, raw, c, sb, d = x
            mark = (lambda c, sb, d: (lambda t: ctx.N(t, c, sb, d)))(c, sb, d)
        if style in ("env", "printenv", "cmd"):
            out.append("%s=%s" % (n, mark(raw)))
        elif style == "pwsh":
            out.append("%-30s %s" % (n, mark(raw)))
        elif style == "declare":
            out.append('declare -x %s="%s"' % (n, mark(raw.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$"))))
        else:
            if all(ch.isalnum() or ch in "_./:-@+=," for ch in raw):
                out.append("%s=%s" % (n, mark(raw)))
            elif "'" not in raw:
                out.append("%s='%s'" % (n, mark(raw)))
            else:
                out.append("%s=$'%s'" % (n, mark(raw.replace("\\", "\\\\").replace("'", "\\'"))))
    if style in ("env", "printenv", "set", "declare"):
        out.sort(key=lambda l: l.replace("declare -x ", ""))
    head = {"env": "$ env", "printenv": "$ printenv", "set": "$ set", "pwsh": "PS C:\\Users\\%s> Get-ChildItem Env: | Format-Table -AutoSize -Wrap\n\nName                           Value\n----                           -----" % u,
            "cmd": "C:\\Users\\%s>set" % u, "declare": "$ export -p"}[style]
    if style == "set":
        out.insert(0, "BASH_VERSINFO=([0]=\"5\" [1]=\"2\" [2]=\"21\" [3]=\"1\" [4]=\"release\" [5]=\"x86_64-pc-linux-gnu\")")
        out.insert(0, "BASH=/usr/bin/bash")
        out.append("__vsc_prompt_cmd_original () \n{ \n    __vsc_status=\"$?\"\n}")
    text = head + "\n" + "\n".join(out) + "\n"
    if style == "cmd":
        text = text.replace("\n", "\r\n")
    return "tool-output/%s-%s.txt" % (style, word(r)), text


# ------------------------------------------------------------------ cloud CLIs

def t_cloud_cli(ctx):
    r = ctx.r
    v = r.wpick([("assume-role", 3), ("export-creds", 1.5), ("configure-list", 0.8), ("caller-id", 0.6), ("secretsmanager", 1.5),
                 ("gcloud-token", 2), ("gcloud-secret", 1), ("az-token", 2), ("az-keys", 1), ("az-sp", 1.2)])
    acct = ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id")
    if v == "assume-role":
        role = r.choice(["deploy", "ci-terraform", "ReadOnly", "admin", "data-pipeline"])
        sess = r.choice(["ci", "gha-%d" % r.randint(1000, 9999), people(r)[1]])
        text = ('$ aws sts assume-role --role-arn arn:aws:iam::%s:role/%s --role-session-name %s\n{\n    "Credentials": {\n        "AccessKeyId": "%s",\n'
                '        "SecretAccessKey": "%s",\n        "SessionToken": "%s",\n        "Expiration": "%s"\n    },\n    "AssumedRoleUser": {\n'
                '        "AssumedRoleId": "%s:%s",\n        "Arn": "arn:aws:sts::%s:assumed-role/%s/%s"\n    }\n}\n') % (
            acct, role, sess, Sec(ctx, fmt="aws-temporary-access-key-id").lab(), Sec(ctx, fmt="aws-secret-access-key").lab(),
            Sec(ctx, fmt="aws-session-token").lab(), r.date_iso().replace("Z", "+00:00"), ctx.N(ctx.ng.ident("aws-role-id")[0], "identifier", "aws-role-id"),
            sess, ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id"), role, sess)
        return "tool-output/aws-assume-role-%s.json" % word(r), text
    if v == "export-creds":
        fmtc = r.choice(["env", "env-no-export", "powershell", "process"])
        a, b, c = Sec(ctx, fmt="aws-temporary-access-key-id"), Sec(ctx, fmt="aws-secret-access-key"), Sec(ctx, fmt="aws-session-token")
        if fmtc == "process":
            text = '{\n  "Version": 1,\n  "AccessKeyId": "%s",\n  "SecretAccessKey": "%s",\n  "SessionToken": "%s",\n  "Expiration": "%s"\n}\n' % (
                a.lab(), b.lab(), c.lab(), r.date_iso().replace("Z", "+00:00"))
        elif fmtc == "powershell":
            text = '$Env:AWS_ACCESS_KEY_ID="%s"\n$Env:AWS_SECRET_ACCESS_KEY="%s"\n$Env:AWS_SESSION_TOKEN="%s"\n$Env:AWS_CREDENTIAL_EXPIRATION="%s"\n' % (
                a.lab(), b.lab(), c.lab(), r.date_iso())
        else:
            p = "export " if fmtc == "env" else ""
            text = "%sAWS_ACCESS_KEY_ID=%s\n%sAWS_SECRET_ACCESS_KEY=%s\n%sAWS_SESSION_TOKEN=%s\n%sAWS_CREDENTIAL_EXPIRATION=%s\n" % (
                p, a.lab(), p, b.lab(), p, c.lab(), p, r.date_iso())
        return "tool-output/aws-export-credentials-%s.txt" % word(r), "$ aws configure export-credentials --profile %s --format %s\n" % (
            r.choice(["prod", "sso-admin", "dev"]), fmtc) + text
    if v in ("configure-list", "caller-id"):
        text = ("$ aws configure list\n      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n"
                "   profile                 %-17s manual    --profile\naccess_key     %s shared-credentials-file\nsecret_key     %s shared-credentials-file\n"
                "    region                eu-west-1      config-file    ~/.aws/config\n\n$ aws sts get-caller-identity\n{\n    \"UserId\": \"%s\",\n"
                "    \"Account\": \"%s\",\n    \"Arn\": \"arn:aws:iam::%s:user/%s\"\n}\n") % (
            r.choice(["dev", "prod"]), ctx.N("*" * 16 + r.ualnum(4), "placeholder", "aws-masked"), ctx.N("*" * 16 + r.alnum(4), "placeholder", "aws-masked"),
            ctx.N("AIDA" + r.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17), "identifier", "aws-role-id"), acct,
            ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id"), people(r)[1])
        if r.chance(0.7):
            text += "\n$ cat ~/.aws/credentials\n[default]\naws_access_key_id = %s\naws_secret_access_key = %s\n" % (
                Sec(ctx, fmt="aws-access-key-id").lab(), Sec(ctx, fmt="aws-secret-access-key").lab())
        return "tool-output/aws-configure-%s.txt" % word(r), text
    if v == "secretsmanager":
        user = r.choice(["app", "admin", "etl"])
        pw = Sec(ctx, fmt="password")
        inner = '{\\"username\\":\\"%s\\",\\"password\\":\\"%s\\",\\"engine\\":\\"postgres\\",\\"host\\":\\"%s.%s.eu-west-1.rds.amazonaws.com\\",\\"port\\":5432,\\"dbname\\":\\"%s\\"}' % (
            user, pw.lab(jesc(jesc(pw.v))), word(r), r.lalnum(12), word(r))
        name = "prod/%s/%s" % (word(r), r.choice(["db", "rds", "postgres"]))
        text = ('$ aws secretsmanager get-secret-value --secret-id %s\n{\n    "ARN": "%s",\n    "Name": "%s",\n    "VersionId": "%s",\n'
                '    "SecretString": "%s",\n    "VersionStages": [\n        "AWSCURRENT"\n    ],\n    "CreatedDate": "%s"\n}\n') % (
            name, ctx.N("arn:aws:secretsmanager:eu-west-1:%d:secret:%s-%s" % (r.randint(10 ** 11, 10 ** 12 - 1), name, r.alnum(6)), "reference", "arn-secretsmanager"),
            name, ctx.N(r.uuid(), "identifier", "uuid"), inner, r.date_iso())
        return "tool-output/aws-secretsmanager-%s.json" % word(r), text
    if v == "gcloud-token":
        s = Sec(ctx, fmt="gcp-access-token")
        text = "$ gcloud config list\n[core]\naccount = %s\ndisable_usage_reporting = True\nproject = %s-%s\n\nYour active configuration is: [default]\n$ %s\n%s\n" % (
            email_of(r, people(r)[1]), company(r), r.choice(["prod", "dev"]), r.choice(["gcloud auth print-access-token",
                                                                                    "gcloud auth application-default print-access-token"]), s.lab())
        if r.chance(0.5):
            text += '$ curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://storage.googleapis.com/storage/v1/b?project=%s\n' % word(r)
        if r.chance(0.5):
            text += "$ gcloud auth print-identity-token\n%s\n" % Sec(ctx, fmt="jwt").lab()
        return "tool-output/gcloud-%s.txt" % word(r), text
    if v == "gcloud-secret":
        s = Sec(ctx, "env")
        text = "$ gcloud secrets list\nNAME                 CREATED              REPLICATION_POLICY  LOCATIONS\n%-20s %s  automatic           -\n%-20s %s  automatic           -\n" \
               "$ gcloud secrets versions access latest --secret=%s\n%s\n" % (
                   s.env.lower().replace("_", "-"), r.date_iso(), word(r) + "-token", r.date_iso(), s.env.lower().replace("_", "-"), s.lab())
        return "tool-output/gcloud-secrets-%s.txt" % word(r), text
    if v == "az-token":
        t = r.ts()
        from fmts import jwt
        tok = jwt(r, {"typ": "JWT", "alg": "RS256", "x5t": r.b64u(27), "kid": r.b64u(27)},
                  {"aud": "https://management.core.windows.net/", "iss": "https://sts.windows.net/%s/" % r.uuid(), "iat": t, "nbf": t,
                   "exp": t + 4000, "appid": r.uuid(), "name": people(r)[0], "oid": r.uuid(), "scp": "user_impersonation", "tid": r.uuid(),
                   "upn": email_of(r, people(r)[1]), "ver": "1.0"})
        text = '$ az account get-access-token\n{\n  "accessToken": "%s",\n  "expiresOn": "2025-%02d-%02d %02d:%02d:%02d.000000",\n  "expires_on": %d,\n  "subscription": "%s",\n  "tenant": "%s",\n  "tokenType": "Bearer"\n}\n' % (
            lab_as(ctx, tok, "jwt"), r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), t + 4000,
            ctx.N(r.uuid(), "identifier", "azure-id"), ctx.N(r.uuid(), "identifier", "azure-id"))
        return "tool-output/az-token-%s.json" % word(r), text
    if v == "az-keys":
        acc = company(r) + r.lalnum(6)
        k1, k2 = Sec(ctx, fmt="azure-storage-account-key"), Sec(ctx, fmt="azure-storage-account-key")
        text = ('$ az storage account keys list --account-name %s --resource-group rg-%s\n[\n  {\n    "creationTime": "%s",\n    "keyName": "key1",\n'
                '    "permissions": "FULL",\n    "value": "%s"\n  },\n  {\n    "creationTime": "%s",\n    "keyName": "key2",\n    "permissions": "FULL",\n'
                '    "value": "%s"\n  }\n]\n') % (acc, word(r), r.date_iso(), k1.lab(), r.date_iso(), k2.lab())
        if r.chance(0.5):
            text += "$ az storage account show-connection-string -n %s\n{\n  \"connectionString\": \"%s\"\n}\n" % (
                acc, Sec(ctx, fmt="azure-storage-connection-string").lab())
        return "tool-output/az-storage-keys-%s.json" % word(r), text
    s = Sec(ctx, fmt="azure-ad-client-secret")
    text = ('$ az ad sp create-for-rbac --name %s-deployer --role Contributor --scopes /subscriptions/%s\nCreating \'Contributor\' role assignment under scope \'/subscriptions/%s\'\n'
            'The output includes credentials that you must protect. Be sure that you do not include these credentials in your code or check the credentials into your source control. For more information, see https://aka.ms/azadsp-cli\n'
            '{\n  "appId": "%s",\n  "displayName": "%s-deployer",\n  "password": "%s",\n  "tenant": "%s"\n}\n') % (
        company(r), ctx.N(r.uuid(), "identifier", "azure-id"), ctx.N(r.uuid(), "identifier", "azure-id"), ctx.N(r.uuid(), "identifier", "azure-id"),
        company(r), s.lab(), ctx.N(r.uuid(), "identifier", "azure-id"))
    return "tool-output/az-sp-%s.txt" % word(r), text


# ------------------------------------------------------------------ PaaS CLIs

def t_paas_cli(ctx):
    r = ctx.r
    v = r.wpick([("heroku", 2), ("vercel-pull", 2), ("fly-secrets", 1.5), ("fly-token", 1), ("railway", 1.2), ("netlify", 1), ("doppler", 1.2),
                 ("render", 0.6)])
    app = "%s-%s" % (company(r), r.choice(["api", "web", "prod", "staging"]))
    if v == "heroku":
        rows = [("DATABASE_URL", Sec(ctx, fmt="postgres-url")), ("REDIS_URL", Sec(ctx, fmt="redis-url"))]
        for _ in range(r.randint(0, 2)):
            s = Sec(ctx, "env")
            rows.append((s.env, s))
        out = ["$ heroku config -a %s" % app, "=== %s Config Vars" % app, ""]
        items = [(n, s.lab()) for n, s in rows]
        items += [("LANG", "en_US.UTF-8"), ("RACK_ENV", "production"), ("WEB_CONCURRENCY", "2")]
        for _ in range(r.randint(2, 5)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("runtime")
            if "\n" in vv or raw:
                continue
            items.append((nm, ctx.N(vv, c, sb, d)))
        items.sort()
        w = max(len(n) for n, _ in items) + 2
        out += ["%s %s" % ((n + ":").ljust(w), v_) for n, v_ in items]
        return "tool-output/heroku-config-%s.txt" % app, "\n".join(out) + "\n"
    if v == "vercel-pull":
        out = ["# Created by Vercel CLI", 'NX_DAEMON="false"', 'TURBO_CACHE="remote:rw"', 'VERCEL="1"', 'VERCEL_ENV="development"',
               'VERCEL_GIT_COMMIT_AUTHOR_LOGIN=""', 'VERCEL_GIT_COMMIT_SHA=""', 'VERCEL_TARGET_ENV="development"', 'VERCEL_URL=""']
        from fmts import jwt
        t = r.ts()
        oidc = jwt(r, {"alg": "RS256", "typ": "JWT", "kid": "mrk-" + r.hex(32)},
                   {"iss": "https://oidc.vercel.com/%s" % company(r), "sub": "owner:%s:project:%s:environment:development" % (company(r), word(r)),
                    "scope": "owner:%s:project:%s:environment:development" % (company(r), word(r)), "aud": "https://vercel.com/%s" % company(r),
                    "owner": company(r), "owner_id": "team_" + r.alnum(24), "project": word(r), "project_id": "prj_" + r.alnum(28),
                    "environment": "development", "user_id": r.alnum(24), "nbf": t, "iat": t, "exp": t + 43200})
        out.append('VERCEL_OIDC_TOKEN="%s"' % lab_as(ctx, oidc, "jwt"))
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            out.append('%s="%s"' % (s.env, s.lab(s.v.replace('"', '\\"'))))
        for _ in range(r.randint(3, 6)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("env")
            if "\n" in vv or raw:
                continue
            out.append('%s="%s"' % (nm, ctx.N(vv.replace('"', '\\"'), c, sb, d)))
        return "tool-output/vercel/.env.local", "\n".join(out) + "\n"
    if v == "fly-secrets":
        out = ["$ fly secrets list -a %s" % app, "NAME                    \tDIGEST          \tCREATED AT"]
        for n in r.sample(["DATABASE_URL", "OPENAI_API_KEY", "SECRET_KEY_BASE", "STRIPE_SECRET_KEY", "REDIS_URL", "SENTRY_DSN", "ANTHROPIC_API_KEY"], r.randint(3, 6)):
            out.append("%-24s\t%s\t%s" % (n, ctx.N(r.hex(16), "hash", "secret-digest"), r.choice(["2h ago", "Jan 12 2025 10:15", "3d ago"])))
        s = Sec(ctx, "env")
        out += ["", "$ fly secrets set %s=%s -a %s" % (s.env, s.lab() if "'" not in s.v else s.lab(), app),
                "Updating existing machines in '%s' with rolling strategy" % app, "-------", " ✔ [1/2] Machine %s [app] update succeeded" % ctx.N(r.hex(14), "identifier", "fly-machine-id"),
                " ✔ [2/2] Machine %s [app] update succeeded" % ctx.N(r.hex(14), "identifier", "fly-machine-id"), "-------"]
        return "tool-output/fly-secrets-%s.txt" % app, "\n".join(out) + "\n"
    if v == "fly-token":
        s = Sec(ctx, fmt="flyio-token")
        text = "$ fly tokens create deploy -x 999999h -a %s\nFlyV1 %s\n\n$ gh secret set FLY_API_TOKEN --body \"FlyV1 %s\"\n✓ Set Actions secret FLY_API_TOKEN for %s/%s\n" % (
            app, s.lab(), s.lab(), company(r), word(r))
        return "tool-output/fly-token-%s.txt" % app, text
    if v == "railway":
        rows = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            if len(s.v) > 90:
                continue
            rows.append((s.env, s.lab(), len(s.v)))
        if not rows:
            s = Sec(ctx, fmt="postgres-url")
            rows.append(("DATABASE_URL", s.lab(), len(s.v)))
        rows += [("RAILWAY_ENVIRONMENT", "production", 10), ("RAILWAY_PROJECT_ID", ctx.N(r.uuid(), "identifier", "uuid"), 36),
                 ("RAILWAY_SERVICE_NAME", "api", 3), ("RAILWAY_PRIVATE_DOMAIN", "api.railway.internal", 20)]
        w1 = max(len(n) for n, _, _ in rows) + 1
        w2 = max(l for _, _, l in rows) + 1
        out = ["$ railway variables", "╔" + "═" * (w1 + w2 + 5) + "╗", "║ %s ║" % ("Variables for api").center(w1 + w2 + 3),
               "╠" + "═" * (w1 + w2 + 5) + "╣"]
        for n, v_, l in rows:
            out.append("║ %s │ %s%s ║" % (n.ljust(w1), v_, " " * (w2 - l)))
            out.append("║" + "─" * (w1 + 2) + "┼" + "─" * (w2 + 2) + "║")
        out[-1] = "╚" + "═" * (w1 + w2 + 5) + "╝"
        return "tool-output/railway-variables-%s.txt" % word(r), "\n".join(out) + "\n"
    if v == "netlify":
        out = ["$ netlify env:list --plain --context production"]
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            out.append("%s=%s" % (s.env, s.lab()))
        for _ in range(r.randint(3, 6)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("env")
            if "\n" in vv or raw:
                continue
            out.append("%s=%s" % (nm, ctx.N(vv, c, sb, d)))
        return "tool-output/netlify-env-%s.txt" % word(r), "\n".join(out) + "\n"
    if v == "render":
        items = []
        for _ in range(r.randint(1, 2)):
            s = Sec(ctx, "env")
            items.append('  {\n    "envVar": {\n      "key": "%s",\n      "value": "%s"\n    },\n    "cursor": "%s"\n  }' % (
                s.env, s.lab(jesc(s.v)), ctx.N(r.b64u(16), "identifier", "cursor")))
        text = '$ curl -s -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services/%s/env-vars\n[\n%s\n]\n' % (
            ctx.N("srv-" + r.lalnum(20), "identifier", "render-service-id"), ",\n".join(items))
        return "tool-output/render-env-%s.json" % word(r), text.replace("$RENDER_API_KEY", ctx.N("$RENDER_API_KEY", "reference", "env-interp"))
    # doppler table
    rows = []
    for _ in range(r.randint(1, 3)):
        s = Sec(ctx, "env")
        if len(s.v) > 80:
            continue
        rows.append((s.env, s.lab(), len(s.v)))
    if not rows:
        s = Sec(ctx, fmt="password")
        rows.append(("DB_PASSWORD", s.lab(), len(s.v)))
    rows += [("DOPPLER_CONFIG", "prd", 3), ("DOPPLER_ENVIRONMENT", "prd", 3), ("DOPPLER_PROJECT", word(r), 6)]
    rows.sort(key=lambda x: x[0])
    w1 = max(len(n) for n, _, _ in rows) + 1
    w2 = max(l for _, _, l in rows) + 1
    out = ["$ doppler secrets --project %s --config prd" % word(r), "┌" + "─" * (w1 + 2) + "┬" + "─" * (w2 + 2) + "┬" + "─" * 6 + "┐",
           "│ %s │ %s │ NOTE │" % ("NAME".ljust(w1), "VALUE".ljust(w2)), "├" + "─" * (w1 + 2) + "┼" + "─" * (w2 + 2) + "┼" + "─" * 6 + "┤"]
    for n, v_, l in rows:
        out.append("│ %s │ %s%s │      │" % (n.ljust(w1), v_, " " * (w2 - l)))
    out.append("└" + "─" * (w1 + 2) + "┴" + "─" * (w2 + 2) + "┴" + "─" * 6 + "┘")
    return "tool-output/doppler-secrets-%s.txt" % word(r), "\n".join(out) + "\n"


# ------------------------------------------------------------------ stack traces and debug pages

def t_stack_trace(ctx):
    r = ctx.r
    v = r.wpick([("java", 2), ("python", 2.5), ("python-requests", 1.5), ("node-axios", 2), ("node-mongo", 1), ("go", 1), ("ruby", 1),
                 ("dotnet", 1), ("php", 0.8)])
    if v == "java":
        s = Sec(ctx, fmt="jdbc-url") if r.chance(0.6) else Sec(ctx, fmt=r.choice(["postgres-url", "mysql-url"]))
        out = ["%s ERROR 1 --- [           main] o.s.boot.SpringApplication               : Application run failed" % r.date_iso().replace("T", " ").replace("Z", ".%03d" % r.randint(0, 999)), "",
               "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource' defined in class path resource [org/springframework/boot/autoconfigure/jdbc/DataSourceConfiguration$Hikari.class]: Failed to instantiate [com.zaxxer.hikari.HikariDataSource]",
               "\tat org.springframework.beans.factory.support.ConstructorResolver.instantiate(ConstructorResolver.java:657)",
               "\tat org.springframework.boot.SpringApplication.run(SpringApplication.java:1352)",
               "Caused by: java.lang.RuntimeException: Failed to get driver instance for jdbcUrl=%s" % s.lab(),
               "\tat com.zaxxer.hikari.util.DriverDataSource.<init>(DriverDataSource.java:114)",
               "\tat com.zaxxer.hikari.pool.PoolBase.initializeDataSource(PoolBase.java:340)",
               "Caused by: java.sql.SQLException: No suitable driver", "\tat java.sql/java.sql.DriverManager.getDriver(DriverManager.java:299)",
               "\t... 42 common frames omitted", "", "trace_id=%s span_id=%s" % (ctx.N(r.hex(32), "identifier", "trace-id"), ctx.N(r.hex(16), "identifier", "span-id"))]
        return "logs/spring-boot-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "python":
        s = Sec(ctx, fmt=r.choice(["postgres-url", "mysql-url", "redis-url", "amqp-url"]))
        out = ["Traceback (most recent call last):", '  File "/app/%s/worker.py", line %d, in <module>' % (word(r), r.randint(10, 300)),
               '    engine = create_engine("%s")' % s.lab(),
               '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/create.py", line 602, in create_engine',
               "    u = _url.make_url(url)", '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 3285, in connect',
               "    return self._connection_cls(self)",
               'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "%s" (%s), port 5432 failed: FATAL:  password authentication failed for user "%s"' % (
                   word(r), r.ip(), r.choice(["app", "admin", "etl"])), "",
               "(Background on this error at: https://sqlalche.me/e/20/e3q8)"]
        if r.chance(0.5):
            out.insert(3, "  # locals: url = %r, pool_size = 5" % "")
            out[3] = "    # locals: url='%s', pool_size=5" % s.lab()
        if r.chance(0.5):
            out.append("sentry: event_id=%s" % ctx.N(r.hex(32), "identifier", "sentry-event-id"))
        return "logs/traceback-%s.txt" % word(r), "\n".join(out) + "\n"
    if v == "python-requests":
        s = Sec(ctx, "header")
        host, path = api_host(ctx, s), api_path(ctx, s)
        hdr_repr = ", ".join("'%s': '%s'" % (n, v_) for n, v_ in [("User-Agent", "python-requests/2.32.3"), ("Accept-Encoding", "gzip, deflate")] + auth_headers(ctx, s))
        out = ["ERROR:%s.client:request failed" % word(r), "Traceback (most recent call last):",
               '  File "/srv/app/client.py", line %d, in call' % r.randint(20, 200), "    resp.raise_for_status()",
               '  File "/usr/lib/python3/dist-packages/requests/models.py", line 1024, in raise_for_status',
               "    raise HTTPError(http_error_msg, response=self)",
               "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://%s%s" % (host, path),
               "DEBUG:%s.client:request headers: {%s}" % (word(r), hdr_repr),
               "DEBUG:%s.client:response headers: {'Date': '%s', 'Content-Type': 'application/json', 'x-request-id': '%s'}" % (
                   word(r), r.date_http(), ctx.N(r.uuid(), "identifier", "request-id"))]
        if r.chance(0.5):
            out.insert(0, "DEBUG:httpcore.http11:send_request_headers.started request=<Request [b'POST']>")
            out.insert(1, "DEBUG:httpx:HTTP Request headers: [(b'Host', b'%s'), (b'Accept', b'*/*'), %s]" % (
                host, ", ".join("(b'%s', b'%s')" % (n, v_) for n, v_ in auth_headers(ctx, s))))
        return "logs/requests-error-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "node-axios":
        s = Sec(ctx, "header")
        host, path = api_host(ctx, s), api_path(ctx, s)
        hd = "\n".join("      %s: '%s'," % (("'%s'" % n) if "-" in n else n, v_) for n, v_ in auth_headers(ctx, s))
        out = ["AxiosError: Request failed with status code %d" % r.choice([400, 401, 403, 429]),
               "    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12)",
               "    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3135:11)",
               "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21) {", "  code: 'ERR_BAD_REQUEST',", "  config: {",
               "    transitional: { silentJSONParsing: true, forcedJSONParsing: true, clarifyTimeoutError: false },",
               "    adapter: [ 'xhr', 'http', 'fetch' ],", "    timeout: 0,", "    headers: Object [AxiosHeaders] {",
               "      Accept: 'application/json, text/plain, */*',", "      'Content-Type': 'application/json',", hd,
               "      'User-Agent': 'axios/1.7.%d'," % r.randint(2, 9), "      'Accept-Encoding': 'gzip, compress, deflate, br'", "    },",
               "    method: '%s'," % api_method(s).lower(), "    url: 'https://%s%s'," % (host, path),
               "    data: '%s'" % sample_body(ctx, s).replace("'", "\\'"), "  },", "  request: <ref *1> ClientRequest {", "    _header: '%s %s HTTP/1.1\\r\\n' +" % (api_method(s), path)]
        for n, v_ in auth_headers(ctx, s):
            out.append("      '%s: %s\\r\\n' +" % (n, v_))
        out += ["      'Host: %s\\r\\n' +" % host, "      'Connection: keep-alive\\r\\n' +", "      '\\r\\n',", "  },",
                "  response: { status: 401, statusText: 'Unauthorized', headers: { 'x-request-id': '%s' } }" % ctx.N(r.uuid(), "identifier", "request-id"), "}",
                "", "Node.js v20.18.1"]
        return "logs/axios-error-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "node-mongo":
        s = Sec(ctx, fmt="mongodb-url")
        out = ["[%s] ERROR: failed to connect to %s" % (r.date_iso(), s.lab()), "MongoServerError: bad auth : authentication failed",
               "    at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:30)",
               "    at MessageStream.<anonymous> (/app/node_modules/mongodb/lib/cmap/connection.js:61:60) {", "  ok: 0,", "  code: 8000,",
               "  codeName: 'AtlasError',", "  connectionGeneration: 0,", "  [Symbol(errorLabels)]: Set(2) { 'HandshakeError', 'ResetPool' }", "}",
               "topologyId: %s" % ctx.N(r.hex(24), "identifier", "mongo-objectid")]
        return "logs/mongo-error-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "go":
        s = Sec(ctx, fmt=r.choice(["redis-url", "postgres-url", "amqp-url"]))
        out = ['%s ERROR failed to open connection {"dsn": "%s", "attempt": %d}' % (r.date_iso(), s.lab(jesc(s.v)), r.randint(1, 5)),
               "panic: dial tcp %s:%d: connect: connection refused" % (r.ip(), r.choice([5432, 6379, 5672])), "",
               "goroutine 1 [running]:", "main.mustConnect({0xc000%s, 0x%x})" % (r.hex(6), r.randint(40, 200)),
               "\t/src/cmd/server/main.go:%d +0x1a5" % r.randint(20, 200), "main.main()", "\t/src/cmd/server/main.go:42 +0x6c",
               "exit status 2", "build: vcs.revision=%s vcs.modified=false" % ctx.N(r.hex(40), "hash", "git-sha")]
        return "logs/go-panic-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "ruby":
        s = Sec(ctx, fmt=r.choice(["postgres-url", "redis-url"]))
        s2 = Sec(ctx, "env")
        out = ["I, [%s #1]  INFO -- : Booting Puma" % r.date_iso(),
               "PG::ConnectionBad: connection to server at \"%s\" (%s), port 5432 failed: FATAL:  password authentication failed for user \"app\" (ActiveRecord::ConnectionNotEstablished)" % (word(r), r.ip()),
               "/usr/local/bundle/gems/activerecord-7.2.2/lib/active_record/connection_adapters/postgresql_adapter.rb:63:in `rescue in new_client'",
               "Environment dump:", "  DATABASE_URL=%s" % s.lab(), "  %s=%s" % (s2.env, s2.lab()), "  RAILS_ENV=production",
               "  RAILS_LOG_TO_STDOUT=1", "  %s" % neg_line(ctx, "env"), "  %s" % neg_line(ctx, "env"),
               "Parameters: {\"user\"=>{\"email\"=>\"%s\", \"password\"=>\"%s\"}, \"authenticity_token\"=>\"%s\"}" % (
                   email_of(r, people(r)[1]), ctx.N("[FILTERED]", "placeholder", "redacted"), ctx.N("[FILTERED]", "placeholder", "redacted"))]
        return "logs/rails-%s.log" % word(r), "\n".join(out) + "\n"
    if v == "dotnet":
        s = Sec(ctx, fmt=r.choice(["mssql-connection-string", "azure-storage-connection-string", "azure-servicebus-connection-string"]))
        out = ["fail: Microsoft.Extensions.Hosting.Internal.Host[11]", "      Hosting failed to start",
               "      System.ArgumentException: Format of the initialization string does not conform to specification starting at index %d." % r.randint(40, 200),
               "         at System.Data.Common.DbConnectionOptions.GetKeyValuePair(String connectionString, Int32 currentPosition, StringBuilder buffer, Boolean useOdbcRules, String& keyname, String& keyvalue)",
               "         at Microsoft.Data.SqlClient.SqlConnectionString..ctor(String connectionString)",
               "dbug: App.Startup[0]", "      Using connection string: %s" % s.lab(), "      ActivityId: %s" % ctx.N(r.uuid(), "identifier", "request-id"),
               "      UserSecretsId: %s" % ctx.N(r.uuid(), "identifier", "uuid")]
        return "logs/dotnet-%s.log" % word(r), "\n".join(out) + "\n"
    s = Sec(ctx, fmt="password")
    out = ["[%s] production.ERROR: SQLSTATE[HY000] [1045] Access denied for user 'app'@'%s' (using password: YES) (Connection: mysql, SQL: select * from `sessions` where `id` = %s limit 1)" % (
        r.date_iso(), r.ip(), ctx.N(r.alnum(40), "identifier", "session-row-id")),
        "#0 /var/www/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(65): PDO->__construct('mysql:host=db;p...', 'app', Object(SensitiveParameterValue), Array)",
        "#1 /var/www/vendor/laravel/framework/src/Illuminate/Database/Connectors/MySqlConnector.php(24): Illuminate\\Database\\Connectors\\Connector->createConnection('mysql:host=db;p...', Array, Array)",
        "#2 {main}", "", "[previous exception] [object] (PDOException(code: 1045): SQLSTATE[HY000] [1045] Access denied",
        "DB_PASSWORD=%s (from .env, line %d)" % (s.lab(), r.randint(10, 30))]
    return "logs/laravel-%s.log" % word(r), "\n".join(out) + "\n"


def t_debug_page(ctx):
    r = ctx.r
    v = r.wpick([("django", 2), ("laravel", 1.5), ("rails", 1), ("actuator", 1)])
    if v == "django":
        out = ["Environment:", "", "", "Request Method: POST", "Request URL: http://localhost:8000/api/%s/" % word(r), "", "Django Version: 5.1.%d" % r.randint(1, 4),
               "Python Version: 3.12.%d" % r.randint(1, 8), "Installed Applications:", "['django.contrib.admin',", " 'django.contrib.auth',", " 'rest_framework',", " 'billing']",
               "", "", "Traceback (most recent call last):", '  File "/app/billing/views.py", line %d, in post' % r.randint(20, 200),
               "    intent = stripe.PaymentIntent.create(amount=amount, currency=\"eur\")", "",
               "Exception Type: AuthenticationError at /api/checkout/", "Exception Value: Invalid API Key provided: %s" % ctx.N(
                   "sk_live_" + "*" * 24 + r.alnum(4), "placeholder", "masked-echo"), "", "Request information:", "USER: AnonymousUser", "", "GET: No GET data", "",
               "POST:", "csrfmiddlewaretoken = '%s'" % ctx.N(*ctx.ng.csrf()[:4]), "amount = '4200'", "", "FILES: No FILES data", "", "COOKIES:",
               "csrftoken = '%s'" % ctx.N(*ctx.ng.csrf()[:4]), "sessionid = '%s'" % lab_as(ctx, r.lalnum(32), "session-cookie"), "", "META:"]
        meta = [("CONTENT_TYPE", "'application/x-www-form-urlencoded'"), ("HTTP_HOST", "'localhost:8000'"), ("HTTP_COOKIE", "'%s'" % ctx.N("*" * 20, "placeholder", "stars")),
                ("PATH_INFO", "'/api/checkout/'"), ("SERVER_PORT", "'8000'"), ("DJANGO_SETTINGS_MODULE", "'app.settings'")]
        s = Sec(ctx, "header")
        meta.append(("HTTP_AUTHORIZATION", "'%s'" % (("%s %s" % (s.f.api.get("scheme") or "Bearer", s.lab())) if s.f.api else "Bearer " + s.lab())))
        u = Sec(ctx, fmt=r.choice(["postgres-url", "redis-url", "amqp-url", "mongodb-url"]))
        meta.append((r.choice(["DATABASE_URL", "CELERY_BROKER_URL", "CACHE_LOCATION"]), "'%s'" % u.lab()))
        for n in r.sample(["OPENAI_API_KEY", "STRIPE_SECRET_KEY", "AWS_SECRET_ACCESS_KEY", "DJANGO_SECRET_KEY", "EMAIL_HOST_PASSWORD"], 2):
            meta.append((n, "'%s'" % ctx.N("*" * 20, "placeholder", "stars")))
        meta.sort()
        out += ["%s = %s" % kv for kv in meta]
        out += ["", "Settings:", "Using settings module app.settings", "ABSOLUTE_URL_OVERRIDES = {}",
                "ALLOWED_HOSTS = ['localhost', '127.0.0.1']", "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': 'db', 'NAME': 'app', 'PASSWORD': '%s', 'PORT': '5432', 'USER': 'app'}}" % ctx.N("*" * 20, "placeholder", "stars"),
                "DEBUG = True", "SECRET_KEY = '%s'" % ctx.N("*" * 20, "placeholder", "stars"), "SENTRY_DSN = '%s'" % ctx.N(ctx.ng.public("sentry-dsn")[0], "public-by-design", "sentry-dsn"),
                "STRIPE_PUBLISHABLE = '%s'" % ctx.N(ctx.ng.public("stripe-publishable-key")[0], "public-by-design", "stripe-publishable-key"),
                "TIME_ZONE = 'UTC'", "", "", "You're seeing this error because you have DEBUG = True in your Django settings file."]
        return "debug-pages/django-500-%s.txt" % word(r), "\n".join(out) + "\n"
    if v == "laravel":
        html_mode = r.chance(0.5)
        rows = [("APP_NAME", '"Laravel"'), ("APP_ENV", '"local"'), ("APP_DEBUG", '"true"'), ("APP_URL", '"http://localhost"')]
        rows.append(("APP_KEY", '"%s"' % Sec(ctx, fmt="laravel-app-key").lab()))
        rows.append(("DB_CONNECTION", '"mysql"'))
        pw = Sec(ctx, fmt="password")
        pv = pw.v
        rows.append(("DB_PASSWORD", '"%s"' % pw.lab(hesc(pv) if html_mode else pv)))
        for _ in range(r.randint(0, 2)):
            s = Sec(ctx, "env")
            rows.append((s.env, '"%s"' % s.lab(hesc(s.v) if html_mode else s.v)))
        for _ in range(r.randint(2, 4)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("env")
            if "\n" in vv or raw:
                continue
            rows.append((nm, '"%s"' % ctx.N(hesc(vv) if html_mode else vv, c, sb, d)))
        if html_mode:
            body = "\n".join('        <tr><td class="key">%s</td><td><pre class="sf-dump">%s</pre></td></tr>' % (k, hesc(v_, quote=False) if "\ue000" not in v_ else v_.replace('"', "&quot;")) for k, v_ in rows)
            text = ('<!doctype html>\n<html class="theme-light">\n<head><title>🧨 SQLSTATE[HY000] [2002] Connection refused</title></head>\n<body>\n'
                    '  <section class="section-env">\n    <h2>Environment Variables</h2>\n    <table class="data-table">\n%s\n    </table>\n  </section>\n</body>\n</html>\n') % body
            return "debug-pages/laravel-ignition-%s.html" % word(r), text
        text = "Illuminate\\Database\\QueryException\nSQLSTATE[HY000] [2002] Connection refused\n\nEnvironment & details:\n\nEnvironment Variables\n" + \
               "\n".join("%s %s" % kv for kv in rows) + "\n"
        return "debug-pages/laravel-whoops-%s.txt" % word(r), text
    if v == "rails":
        s = Sec(ctx, "header")
        hdrs = auth_headers(ctx, s)
        out = ["ActiveRecord::ConnectionNotEstablished in OrdersController#create", "", "connection to server at \"db\" failed", "",
               "Request", "Parameters:", '{"authenticity_token"=>"%s", "order"=>{"sku"=>"A-100", "qty"=>"1"}, "card_token"=>"%s"}' % (
                   ctx.N("[FILTERED]", "placeholder", "redacted"), ctx.N("[FILTERED]", "placeholder", "redacted")),
               "", "Toggle session dump", "Toggle env dump", "", "Headers:"]
        for n, v_ in hdrs:
            out.append('"HTTP_%s"=>"%s"' % (n.upper().replace("-", "_"), v_))
        out.append('"HTTP_X_REQUEST_ID"=>"%s"' % ctx.N(r.uuid(), "identifier", "request-id"))
        out.append('"action_dispatch.secret_key_base"=>"%s"' % Sec(ctx, fmt="rails-secret-key-base").lab())
        out.append('"action_dispatch.signed_cookie_salt"=>"signed cookie"')
        out.append('"session_id"=>"%s"' % lab_as(ctx, r.hex(32), "session-cookie"))
        return "debug-pages/rails-%s.txt" % word(r), "\n".join(out) + "\n"
    props = []
    for _ in range(r.randint(1, 2)):
        s = Sec(ctx, fmt=r.choice(["jdbc-url", "password", "redis-url", "aws-secret-access-key"]))
        props.append('        "%s": {\n          "value": "%s",\n          "origin": "System Environment Property \\"%s\\""\n        }' % (
            s.env, s.lab(jesc(s.v)), s.env))
    for n in r.sample(["SPRING_DATASOURCE_PASSWORD", "JWT_SECRET", "STRIPE_API_KEY", "OAUTH_CLIENT_SECRET"], 2):
        props.append('        "%s": {\n          "value": "%s",\n          "origin": "System Environment Property \\"%s\\""\n        }' % (
            n, ctx.N("******", "placeholder", "stars"), n))
    props.append('        "JAVA_HOME": {\n          "value": "/opt/java/openjdk"\n        }')
    text = '{\n  "activeProfiles": ["prod"],\n  "propertySources": [\n    {\n      "name": "systemEnvironment",\n      "properties": {\n%s\n      }\n    }\n  ]\n}\n' % ",\n".join(props)
    return "debug-pages/actuator-env-%s.json" % word(r), "$ curl -s http://%s:8081/actuator/env\n" % r.ip() + text


# ------------------------------------------------------------------ git credentials

def t_git_creds(ctx):
    r = ctx.r
    v = r.wpick([("remote", 2), ("git-credentials", 1.5), ("credential-fill", 1), ("gh-status", 1.5), ("gh-hosts", 1), ("clone-log", 1)])
    org, repo = company(r), word(r)
    if v == "remote":
        s = Sec(ctx, fmt=r.choice(["github-app-installation-token", "github-pat", "github-fine-grained-pat", "gitlab-pat", "bitbucket-app-password"]))
        hostn = "gitlab.com" if s.f.name.startswith("gitlab") else ("bitbucket.org" if s.f.name.startswith("bitbucket") else "github.com")
        user = {"github-app-installation-token": "x-access-token", "gitlab-pat": "oauth2"}.get(s.f.name, people(r)[1].replace(".", ""))
        u1 = "https://%s:%s@%s/%s/%s.git" % (user, s.v, hostn, org, repo)
        text = "$ git remote -v\norigin\t%s (fetch)\norigin\t%s (push)\nupstream\thttps://%s/%s/%s.git (fetch)\n$ git log -1 --format=%%H\n%s\n" % (
            s.lab(u1), s.lab(u1), hostn, org, repo, ctx.N(r.hex(40), "hash", "git-sha"))
        return "tool-output/git-remote-%s.txt" % repo, text
    if v == "git-credentials":
        out = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, fmt=r.choice(["github-pat", "gitlab-pat", "github-oauth-token", "azure-devops-pat", "github-fine-grained-pat"]))
            hostn = {"gitlab-pat": "gitlab.com", "azure-devops-pat": "dev.azure.com"}.get(s.f.name, "github.com")
            out.append(s.lab("https://%s:%s@%s" % (people(r)[1].replace(".", ""), s.v, hostn)))
        return "home/.git-credentials", "\n".join(out) + "\n"
    if v == "credential-fill":
        s = Sec(ctx, fmt=r.choice(["github-oauth-token", "github-pat", "gitlab-pat"]))
        text = "$ printf 'protocol=https\\nhost=github.com\\n' | git credential fill\nprotocol=https\nhost=github.com\nusername=%s\npassword=%s\n" % (
            people(r)[1], s.lab())
        return "tool-output/git-credential-fill-%s.txt" % word(r), text
    if v == "gh-status":
        masked = ctx.N("gho_" + "*" * 36, "placeholder", "stars")
        text = ("$ gh auth status\ngithub.com\n  ✓ Logged in to github.com account %s (keyring)\n  - Active account: true\n  - Git operations protocol: https\n"
                "  - Token: %s\n  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'\n") % (people(r)[1], masked)
        s = Sec(ctx, fmt="github-oauth-token")
        text += "$ gh auth token\n%s\n" % s.lab()
        if r.chance(0.5):
            text += "$ gh auth status --show-token\ngithub.com\n  ✓ Logged in to github.com account %s (keyring)\n  - Token: %s\n" % (people(r)[1], s.lab())
        return "tool-output/gh-auth-%s.txt" % word(r), text
    if v == "gh-hosts":
        s = Sec(ctx, fmt="github-oauth-token")
        text = "github.com:\n    users:\n        %s:\n            oauth_token: %s\n    git_protocol: https\n    oauth_token: %s\n    user: %s\n" % (
            people(r)[1], s.lab(), s.lab(), people(r)[1])
        return "home/.config/gh/hosts.yml", text
    s = Sec(ctx, fmt=r.choice(["github-pat", "gitlab-pat", "github-app-installation-token"]))
    hostn = "gitlab.com" if s.f.name.startswith("gitlab") else "github.com"
    u = "https://oauth2:%s@%s/%s/%s.git" % (s.v, hostn, org, repo)
    text = ("Run git clone %s\nCloning into '%s'...\nremote: Enumerating objects: %d, done.\nremote: Total %d (delta 0), reused 0 (delta 0), pack-reused %d\n"
            "Receiving objects: 100%% (%d/%d), 1.2 MiB | 8.4 MiB/s, done.\nHEAD is now at %s %s\n") % (
        s.lab(u), repo, r.randint(100, 9000), r.randint(100, 9000), r.randint(0, 9000), 500, 500, ctx.N(r.hex(7), "hash", "git-short-sha"), "Merge pull request #%d" % r.randint(1, 900))
    return "logs/clone-%s.log" % repo, text


TEMPLATES = [
    ("curl-verbose", t_curl_verbose, 45),
    ("httpie", t_httpie, 25),
    ("copy-as-curl", t_copy_as_curl, 35),
    ("copy-as-fetch", t_copy_as_fetch, 25),
    ("har", t_har, 25),
    ("docker-inspect", t_docker_inspect, 30),
    ("compose-config", t_compose_config, 22),
    ("kubectl", t_kubectl, 40),
    ("terraform", t_terraform, 35),
    ("env-dump", t_env_dump, 40),
    ("cloud-cli", t_cloud_cli, 45),
    ("paas-cli", t_paas_cli, 40),
    ("stack-trace", t_stack_trace, 45),
    ("debug-page", t_debug_page, 30),
    ("git-credentials", t_git_creds, 22),
]
