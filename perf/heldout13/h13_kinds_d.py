"""Logs, crash dumps, HAR, API collections, docs, changelogs, lock files, bundles, source maps, CSV exports."""
import json

from h13_core import (AN, ANL, ANU, HEX, b64, b64s, case, domain, email, host, jesc, org, password, pick, rbytes, rs, rs_any,
                      username, uuid4, wrap, SERVICES, REGIONS, WORDS, epoch, ts, semver, ip, person)
from h13_formats import FORMATS, gen, jwt
from h13_common import filler_items, kv_block, nl, rnd_comment, git_sha_neg, uuid_neg, sha256_neg, iso, trace_neg
from h13_kv import assign, value_ok
import h13_negs as NG

UAS = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
       "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "curl/8.6.0", "python-requests/2.32.3", "okhttp/4.12.0",
       "Go-http-client/2.0", "kube-probe/1.29", "Prometheus/2.53.0"]


def k_app_log(G, d, r):
    svc = pick(r, SERVICES)
    L = []
    t = epoch(r)
    with_trace = r.random() < 0.4
    with_rid = r.random() < 0.6
    for _ in range(r.randint(150, 230) if r.random() < 0.06 else r.randint(12, 45)):
        t += r.randint(0, 40)
        x = r.random()
        base = '"ts":"%s.%03dZ","level":"%s","service":"%s"' % (ts(r), r.randint(0, 999), pick(r, ("info", "info", "info", "debug", "warn", "error")), svc)
        if x < 0.5:
            L.append('{%s,"msg":"request completed","method":"%s","path":"/api/v1/%s/%s","status":%d,"duration_ms":%d%s%s}' % (
                base, pick(r, ("GET", "POST", "PUT")), pick(r, ("orders", "users", "invoices", "sessions")), d.N(NG.api_object_id(r, "app")[0], "api-object-id", "path-id") if r.random() < 0.4 else str(r.randint(1000, 999999)),
                pick(r, (200, 200, 201, 204, 401, 404, 500)), r.randint(2, 900), (',"request_id":"%s"' % uuid_neg(d, r, "request-id")) if with_rid else "", ',"trace_id":"%s"' % d.N(NG.hx(r, 32), "trace-id", "trace-id") if with_trace else ""))
        elif x < 0.63:
            f = pick(r, ("postgres-url", "postgresql-url", "mongodb-srv-url", "redis-url", "amqp-url", "mysql-url"))
            L.append('{%s,"msg":"connecting to %s","dsn":"%s"}' % (base, f.split("-")[0], d.S(gen(r, f), f)))
        elif x < 0.7:
            L.append('{%s,"msg":"outbound request","url":"https://api.%s/v2/charges","headers":{"authorization":"Bearer %s","content-type":"application/json"}}' % (
                base, domain(r), d.S(gen(r, "http-bearer-token"), "http-bearer-token") if r.random() < 0.5 else d.N(pick(r, ("[REDACTED]", "***", "Bearer ***")), "masked-value", "log-redaction")))
        elif x < 0.78:
            L.append('{%s,"msg":"config loaded","stripe_key":"%s","db_password":"%s","jwt_secret":"%s"}' % (base, d.N(NG.masked(r)[0], "masked-value", "log-mask"), d.N("********", "masked-value", "stars"), d.N("[FILTERED]", "masked-value", "log-filter")))
        elif x < 0.82:
            nm, vm, v, f = G.kv.secret(d, r, "json")
            L.append('{%s,"msg":"env dump on startup","%s":"%s"}' % (base, case(nm, "UP"), vm))
            for _ in range(G.extra_secrets(r)):
                nm, vm, v, f = G.kv.secret(d, r, "json")
                L.append('{%s,"msg":"env dump on startup","%s":"%s"}' % (base, case(nm, "UP"), vm))
        elif x < 0.9:
            L.append('{%s,"msg":"token refreshed","expires_in":3600,%s,"cache_key":"%s"}' % (base, d.N('"token_type":"Bearer"', "benign-value", "token-type"), d.N("oauth:%s:%s" % (pick(r, SERVICES), uuid4(r)), "name-only", "cache-key")))
        elif x < 0.95:
            L.append('{%s,"msg":"%s","user_id":"%s"}' % (base, pick(r, ("password reset requested", "login failed: invalid password", "api key revoked", "session expired")), uuid_neg(d, r, "user-id")))
        else:
            v, sub = NG.signature(r)
            L.append('{%s,"msg":"webhook received","provider":"%s","signature":"%s","verified":true}' % (base, pick(r, ("github", "stripe", "slack", "partner")), d.N(v, "signature", sub).replace('"', '\\"') if '"' in v else d.N(v, "signature", sub)))
    return G.uniq("var/log/%s/%s.log" % (svc, pick(r, ("app", "server", "worker", "api-%s" % ts(r)[:10])))), nl(L)


def k_access_log(G, d, r):
    L = []
    dom = domain(r)
    with_id = r.random() < 0.35
    for _ in range(r.randint(15, 60)):
        x = r.random()
        path = "/%s" % pick(r, ("", "api/v1/status", "login", "static/js/main.%s.js" % d.N(NG.hx(r, 8), "bundle-hash", "webpack-chunk"), "healthz", "api/v1/orders/%d" % r.randint(1000, 99999)))
        if x < 0.06:
            path = "/api/v1/export?access_token=%s&format=csv" % d.S(gen(r, "url-query-access-token"), "url-query-access-token")
        elif x < 0.1:
            path = "/callback?code=%s&state=%s" % (d.S(rs(r, B64U_, 43), "oauth-access-token-response") if False else d.N(rs_any(r, AN, 20), "csrf-state", "oauth-code-used"), d.N(rs_any(r, AN, 32), "csrf-state", "oauth-state"))
        elif x < 0.14:
            path = "/maps/api/geocode/json?address=%s&key=%s" % (pick(r, WORDS), d.S(gen(r, "google-api-key"), "google-api-key"))
        elif x < 0.2:
            path = "/r/%s?utm_source=newsletter&utm_campaign=%s" % (d.N(rs_any(r, AN, 12), "url-random-id", "short-link"), pick(r, WORDS))
        L.append('%s - - [%02d/%s/2024:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %d "-" "%s" rt=%.3f req_id=%s' % (
            ip(r, private=False), r.randint(1, 28), pick(r, ("Jan", "Feb", "Mar", "Apr", "May", "Jun")), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59),
            pick(r, ("GET", "GET", "POST")), path, pick(r, (200, 200, 301, 302, 401, 404)), r.randint(120, 90000), pick(r, UAS), r.random(), d.N(NG.hx(r, 32), "trace-id", "nginx-request-id") if with_id else "-"))
    return G.uniq("var/log/nginx/%s.access.log%s" % (dom, pick(r, ("", ".1")))), nl(L)


B64U_ = AN + "-_"


def k_ci_log(G, d, r):
    L = []
    t0 = [ts(r)[:17], r.randint(0, 40) * 1000000]
    def ln(s):
        t0[1] += r.randint(1000, 900000)
        sec, frac = divmod(t0[1], 10000000)
        L.append("%s%02d.%07dZ %s" % (t0[0], min(sec, 59), frac, s))
    ln("##[group]Run %s" % ("actions/checkout@" + git_sha_neg(d, r)))
    ln("with:")
    ln("  repository: %s/%s" % (org(r), pick(r, SERVICES)))
    ln("  token: %s" % d.N("***", "masked-value", "ci-mask"))
    ln("##[endgroup]")
    ln("Syncing repository: %s/%s" % (org(r), pick(r, SERVICES)))
    ln("HEAD is now at %s %s" % (git_sha_neg(d, r, short=True), pick(r, ("fix: rotate webhook secret handling", "chore: bump deps", "feat: api keys page"))))
    ln("##[group]Run npm ci")
    for _ in range(r.randint(3, 12)):
        ln("npm http fetch GET 200 https://registry.npmjs.org/%s/-/%s-%s.tgz %dms (cache miss)" % ((pick(r, WORDS),) * 2 + (semver(r), r.randint(5, 900))))
    ln("added %d packages, and audited %d packages in %ds" % (r.randint(300, 2000), r.randint(300, 2000), r.randint(5, 90)))
    ln("##[group]Run docker build")
    for i in range(r.randint(3, 8)):
        ln("#%d sha256:%s %.1fMB / %.1fMB %.1fs done" % (i + 4, sha256_neg(d, r, "layer-digest"), r.random() * 50, r.random() * 80, r.random() * 9))
    ln("#%d writing image sha256:%s done" % (r.randint(10, 20), sha256_neg(d, r, "image-digest")))
    ln("##[group]Run ./scripts/deploy.sh")
    ln("env:")
    for nm in r.sample(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "DATABASE_URL", "SLACK_WEBHOOK", "NPM_TOKEN"], 3):
        ln("  %s: %s" % (nm, d.N("***", "masked-value", "ci-mask")))
    if r.random() < 0.5:
        ln("+ curl -fsS -H 'Authorization: token %s' https://api.github.com/repos/%s/%s/deployments" % (d.S(gen(r, "github-server-to-server-token"), "github-server-to-server-token"), org(r), pick(r, SERVICES)))
    if r.random() < 0.4:
        nm, vm, v, f = G.kv.secret(d, r, "shell")
        ln("+ export %s=%s" % (case(nm, "UP"), vm))
    ln("Deployed revision %s to %s" % (git_sha_neg(d, r), pick(r, ("prod", "staging"))))
    ln("##[endgroup]")
    ln("Cleaning up orphan processes")
    return G.uniq("ci-logs/%s/%d_%s.txt" % (pick(r, SERVICES), r.randint(1000, 99999), pick(r, ("build", "deploy", "test")))), nl(L)


def k_k8s_describe(G, d, r):
    pod = "%s-%s-%s" % (pick(r, SERVICES), NG.hx(r, 10), rs_any(r, ANL, 5))
    L = ["Name:             %s" % pod, "Namespace:        %s" % pick(r, SERVICES), "Node:             ip-%s.%s.compute.internal/%s" % (ip(r).replace(".", "-"), pick(r, REGIONS), ip(r)),
         "Status:           Running", "Containers:", "  app:", "    Container ID:   containerd://%s" % sha256_neg(d, r, "container-id"),
         "    Image:          ghcr.io/%s/%s@sha256:%s" % (org(r), pick(r, SERVICES), sha256_neg(d, r, "image-digest")), "    Environment:"]
    for _ in range(r.randint(2, 5)):
        x = r.random()
        nm = pick(r, ("DB_PASSWORD", "API_KEY", "REDIS_URL", "JWT_SECRET", "STRIPE_KEY", "SENTRY_DSN"))
        if x < 0.6:
            L.append("      %s:  %s" % (nm, d.N("<set to the key '%s' in secret '%s-secrets'>" % (case(nm, "kebab"), pick(r, SERVICES)), "name-only", "k8s-describe")))
        elif x < 0.8:
            nm2, vm, v, f = G.kv.secret(d, r, "yaml")
            L.append("      %s:  %s" % (case(nm2, "UP"), vm))
        else:
            L.append("      %s:  %s" % (nm, d.N(pick(r, ("<optional>", "")) or "<none>", "placeholder", "generic")))
    L += ["    Mounts:", "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-%s (ro)" % rs_any(r, ANL, 5), "Events:", "  Type    Reason   Age   From     Message",
          "  ----    ------   ----  ----     -------", "  Normal  Pulled   2m    kubelet  Successfully pulled image in 1.2s", "  Normal  Started  2m    kubelet  Started container app"]
    return G.uniq("notes/kubectl/%s.txt" % pod), nl(L)


def k_stacktrace(G, d, r):
    if r.random() < 0.5:
        L = ["%s ERROR [main] o.s.boot.SpringApplication - Application run failed" % ts(r).replace("T", " "), "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'",
             "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.initializeBean(AbstractAutowireCapableBeanFactory.java:1806)",
             "\tat org.springframework.beans.factory.support.AbstractBeanFactory.getBean(AbstractBeanFactory.java:208)"]
        if r.random() < 0.6:
            L.append("Caused by: java.sql.SQLException: Cannot create PoolableConnectionFactory (url=%s)" % d.S(gen(r, "jdbc-postgresql-url"), "jdbc-postgresql-url"))
        L += ["Caused by: org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"app\"", "\tat org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)",
              "\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:476)", "\t... 42 common frames omitted"]
        return G.uniq("var/log/%s/error-%s.log" % (pick(r, SERVICES), ts(r)[:10])), nl(L)
    L = ["Traceback (most recent call last):", '  File "/srv/app/%s/client.py", line %d, in fetch' % (pick(r, SERVICES), r.randint(20, 300)), "    resp.raise_for_status()",
         '  File "/usr/local/lib/python3.12/site-packages/requests/models.py", line 1024, in raise_for_status', "    raise HTTPError(http_error_msg, response=self)"]
    if r.random() < 0.6:
        L.append("requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.%s/v1/items?api_key=%s" % (domain(r), d.S(gen(r, "url-query-access-token"), "url-query-access-token")))
    else:
        L.append("requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.%s/v1/items?page=2" % domain(r))
    if r.random() < 0.5:
        L += ["", "Local variables:", "    self = <%sClient object at %s>" % (pick(r, SERVICES).capitalize(), d.N("0x%x" % r.randint(0x7f0000000000, 0x7fffffffffff), "hex-constant", "memory-address")),
              "    token = '%s'" % d.S(gen(r, "access-token-generic"), "access-token-generic"), "    retries = 3"]
    return G.uniq("tmp/%s-traceback-%d.txt" % (pick(r, SERVICES), r.randint(1, 9999))), nl(L)


def k_syslog(G, d, r):
    L = []
    hn = "%s-%02d" % (pick(r, ("web", "db", "bastion", "worker")), r.randint(1, 20))
    for _ in range(r.randint(20, 80)):
        x = r.random()
        stamp = "%s %2d %02d:%02d:%02d %s" % (pick(r, ("Jan", "Feb", "Mar")), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), hn)
        if x < 0.35:
            L.append("%s sshd[%d]: Accepted publickey for %s from %s port %d ssh2: ED25519 %s" % (stamp, r.randint(1000, 60000), pick(r, ("deploy", "ubuntu", username(r).split(".")[0])), ip(r),
                                                                                                  r.randint(30000, 65000), d.N("SHA256:" + b64(rbytes(r, 32)).rstrip("="), "public-key", "fingerprint")))
        elif x < 0.5:
            L.append("%s sudo: %s : TTY=pts/0 ; PWD=/home/%s ; USER=root ; COMMAND=/usr/bin/systemctl restart %s" % (stamp, "deploy", "deploy", pick(r, SERVICES)))
        elif x < 0.6:
            L.append("%s CRON[%d]: (root) CMD (/usr/local/bin/backup.sh >/dev/null 2>&1)" % (stamp, r.randint(1000, 60000)))
        elif x < 0.65:
            L.append("%s %s[%d]: using DATABASE_URL=%s" % (stamp, pick(r, SERVICES), r.randint(1000, 60000), d.S(gen(r, "postgres-url"), "postgres-url")))
        elif x < 0.75:
            L.append("%s sshd[%d]: Failed password for invalid user %s from %s port %d ssh2" % (stamp, r.randint(1000, 60000), pick(r, ("admin", "oracle", "test", "pi")), ip(r, False), r.randint(30000, 65000)))
        else:
            L.append("%s systemd[1]: Started %s.service - %s service." % (stamp, pick(r, SERVICES), pick(r, SERVICES).capitalize()))
    return G.uniq("var/log/%s/%s" % (hn, pick(r, ("auth.log", "syslog", "messages")))), nl(L)


def k_crash(G, d, r):
    if r.random() < 0.5:
        app = pick(r, SERVICES)
        L = ["-------------------------------------", "Translated Report (Full Report Below)", "-------------------------------------", "", "Process:               %s [%d]" % (app, r.randint(1000, 99999)),
             "Path:                  /Applications/%s.app/Contents/MacOS/%s" % (app.capitalize(), app), "Identifier:            com.%s.%s" % (org(r), app), "Version:               %s" % semver(r),
             "Code Type:             ARM-64 (Native)", "Crashed Thread:        0  Dispatch queue: com.apple.main-thread", "", "Exception Type:        EXC_BAD_ACCESS (SIGSEGV)",
             "Exception Codes:       KERN_INVALID_ADDRESS at %s" % d.N("0x%016x" % r.randint(0, 2**40), "hex-constant", "memory-address"), "", "Thread 0 Crashed::  Dispatch queue: com.apple.main-thread"]
        for i in range(r.randint(5, 12)):
            L.append("%-3d %-30s %s %s + %d" % (i, pick(r, ("libobjc.A.dylib", app, "CoreFoundation", "libsystem_kernel.dylib")), d.N("0x%016x" % r.randint(0x180000000, 0x1ffffffff), "hex-constant", "memory-address"),
                                                pick(r, ("objc_msgSend", "-[AppDelegate applicationDidFinishLaunching:]", "__CFRunLoopRun", "mach_msg2_trap")), r.randint(8, 900)))
        L += ["", "Thread 0 crashed with ARM Thread State (64-bit):"]
        for reg in range(0, 8, 2):
            L.append("    x%d: %s   x%d: %s" % (reg, d.N("0x%016x" % r.randint(0, 2**48), "hex-constant", "register"), reg + 1, d.N("0x%016x" % r.randint(0, 2**48), "hex-constant", "register")))
        L += ["", "Binary Images:", "       0x102f34000 -        0x1031fffff com.%s.%s (%s) <%s> /Applications/%s.app/Contents/MacOS/%s" % (org(r), app, semver(r), d.N(uuid4(r).upper(), "uuid", "binary-uuid"), app.capitalize(), app)]
        return G.uniq("crash-reports/%s-%s.ips.txt" % (app, ts(r)[:10])), nl(L)
    app = pick(r, SERVICES)
    L = ["=== %s crash report ===" % app, "time: %s" % iso(r), "signal: SIGABRT", "version: %s (%s)" % (semver(r), git_sha_neg(d, r, short=True)), "", "backtrace:"]
    for i in range(r.randint(4, 10)):
        L.append("  #%d %s in %s () from /usr/lib/x86_64-linux-gnu/%s" % (i, d.N("0x%016x" % r.randint(0x7f0000000000, 0x7fffffffffff), "hex-constant", "memory-address"), pick(r, ("abort", "raise", "__libc_start_main", "uv_run", "node::Start")), pick(r, ("libc.so.6", "libnode.so.115"))))
    L += ["", "environment:"]
    for _ in range(r.randint(3, 8)):
        x = r.random()
        if x < 0.45:
            nm, vm, v, f = G.kv.secret(d, r, "dotenv")
            L.append("  %s=%s" % (case(nm, "UP"), vm))
        elif x < 0.7:
            L.append("  " + G.kv.neg_line(d, r, "dotenv").replace("export ", ""))
        else:
            nm, v = filler_items(r, 1)[0]
            L.append("  %s=%s" % (nm, v))
    L += ["  HOME=/home/%s" % app, "  PATH=/usr/local/bin:/usr/bin:/bin"]
    return G.uniq("crash-reports/%s-core-%d.txt" % (app, r.randint(1000, 99999))), nl(L)


def k_sentry_event(G, d, r):
    f = pick(r, ("postgres-url", "mongodb-srv-url", "redis-url"))
    text = ('{\n  "event_id": "%s",\n  "timestamp": "%s",\n  "platform": "python",\n  "level": "error",\n  "release": "%s@%s",\n  "environment": "production",\n'
            '  "request": {\n    "url": "https://api.%s/v1/checkout",\n    "method": "POST",\n    "headers": {\n      "Authorization": "%s",\n      "User-Agent": "%s",\n      "X-Request-Id": "%s"\n    },\n'
            '    "cookies": "%s"\n  },\n  "extra": {\n    "config": {\n      "database_url": "%s",\n      "retry": 3\n    }\n  },\n  "exception": {\n    "values": [\n      {\n        "type": "OperationalError",\n        "value": "connection refused"\n      }\n    ]\n  }\n}\n') % (
        d.N(NG.hx(r, 32), "trace-id", "sentry-event-id"), iso(r), pick(r, SERVICES), semver(r), domain(r), d.N("[Filtered]", "masked-value", "sentry-filter"), pick(r, UAS), uuid_neg(d, r, "request-id"),
        d.N("[Filtered]", "masked-value", "sentry-filter"), d.S(gen(r, f), f) if r.random() < 0.6 else d.N("[Filtered]", "masked-value", "sentry-filter"))
    return G.uniq("exports/sentry/%s.json" % NG.hx(r, 32)), text


def k_build_log(G, d, r):
    if r.random() < 0.5:
        L = ["0 verbose cli /usr/local/bin/node /usr/local/bin/npm", "1 info using npm@10.8.1", "2 info using node@v20.15.0"]
        i = 3
        for _ in range(r.randint(5, 20)):
            pkg = pick(r, WORDS)
            L.append("%d http fetch GET 200 https://registry.npmjs.org/%s/-/%s-%s.tgz %dms (cache hit)" % (i, pkg, pkg, semver(r), r.randint(1, 300)))
            i += 1
            if r.random() < 0.4:
                L.append("%d silly tarball %s integrity %s" % (i, pkg, d.N(NG.sri(r, "sha512"), "sri-hash", "npm-integrity")))
                i += 1
        L.append("%d verbose config //registry.npmjs.org/:_authToken=%s" % (i, d.N("(protected)", "masked-value", "npm-protected")))
        if r.random() < 0.4:
            L.append("%d verbose config //npm.pkg.github.com/:_authToken=%s" % (i + 1, d.S(gen(r, "github-pat-classic"), "github-pat-classic")))
        L += ["%d error code E401" % (i + 2), "%d error Unable to authenticate, your authentication token seems to be invalid." % (i + 3)]
        return G.uniq("home/%s/.npm/_logs/%s-debug-0.log" % (G.user(r), ts(r).replace(":", "_"))), nl(L)
    L = ["aws_db_instance.main: Refreshing state... [id=%s]" % d.N("db-" + rs_any(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26), "cloud-identifier", "rds-resource-id"),
         "aws_iam_access_key.ci: Creating...", "aws_iam_access_key.ci: Creation complete after 1s [id=%s]" % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"),
         "random_password.db: Creation complete after 0s [id=none]", "aws_db_instance.main: Modifying... [id=%s]" % d.N("db-" + rs_any(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26), "cloud-identifier", "rds-resource-id"),
         "aws_db_instance.main: Still modifying... [10s elapsed]", "aws_db_instance.main: Modifications complete after 1m2s", "", "Apply complete! Resources: 2 added, 1 changed, 0 destroyed.", "", "Outputs:", "",
         "ci_secret = %s" % d.N("<sensitive>", "masked-value", "tf-sensitive"), 'db_endpoint = "%s"' % host(r)]
    return G.uniq("ci-logs/terraform/apply-%d.log" % r.randint(1000, 99999)), nl(L)


def har_entry(G, d, r, dom):
    h_req = ['{"name": "accept", "value": "application/json"}', '{"name": "user-agent", "value": "%s"}' % pick(r, UAS[:2])]
    x = r.random()
    if x < 0.4:
        h_req.append('{"name": "authorization", "value": "Bearer %s"}' % d.S(gen(r, pick(r, ("jwt-rs256", "auth0-access-token", "okta-access-token", "http-bearer-token"))), "jwt-rs256") if False else None)
        f = pick(r, ("jwt-rs256", "auth0-access-token", "okta-access-token", "http-bearer-token", "cognito-id-token"))
        h_req[-1] = '{"name": "authorization", "value": "Bearer %s"}' % d.S(gen(r, f), f)
    elif x < 0.55:
        h_req.append('{"name": "cookie", "value": "theme=dark; auth_token=%s; _ga=%s"}' % (d.S(gen(r, "session-cookie-token"), "session-cookie-token"), d.N("GA1.1.%d.%d" % (r.randint(10**8, 10**9), epoch(r)), "numeric-id", "ga-cookie")))
    elif x < 0.65:
        h_req.append('{"name": "x-api-key", "value": "%s"}' % d.S(gen(r, "x-api-key-header"), "x-api-key-header"))
    h_req.append('{"name": "x-request-id", "value": "%s"}' % uuid_neg(d, r, "request-id"))
    path = "/api/%s" % pick(r, ("me", "orders?page=2", "oauth/token", "search?q=%s" % pick(r, WORDS), "assets/logo.png"))
    if "oauth/token" in path:
        body = '{"access_token":"%s","token_type":"Bearer","expires_in":3600,"refresh_token":"%s","scope":"openid profile"}' % (gen(r, "oauth-access-token-response"), gen(r, "oauth-refresh-token-response"))
        # re-mark the tokens inside the escaped JSON text
        inner = '{"access_token":"%s","token_type":"Bearer","expires_in":3600,"refresh_token":"%s","scope":"openid profile"}' % (
            d.S(gen(r, "oauth-access-token-response"), "oauth-access-token-response"), d.S(gen(r, "oauth-refresh-token-response"), "oauth-refresh-token-response"))
        content = '{"size": %d, "mimeType": "application/json", "text": "%s"}' % (len(body), d.transform(inner, "json"))
    elif "logo.png" in path:
        content = '{"size": %d, "mimeType": "image/png", "text": "%s", "encoding": "base64"}' % (r.randint(1000, 9000), d.N(NG.png_b64(r), "base64-data", "har-image"))
    else:
        inner = '{"id":"%s","status":"ok","items":[],"etag":"%s"}' % (d.N(NG.api_object_id(r, "app")[0], "api-object-id", "har-body"), d.N(NG.hx(r, 32), "file-hash", "etag"))
        content = '{"size": %d, "mimeType": "application/json", "text": "%s"}' % (len(inner), d.transform(inner, "json"))
    h_resp = ['{"name": "content-type", "value": "application/json"}', '{"name": "etag", "value": "W/\\"%s\\""}' % d.N(NG.hx(r, 40), "file-hash", "etag"),
              '{"name": "x-amzn-trace-id", "value": "%s"}' % d.N("Root=1-%08x-%s" % (epoch(r), NG.hx(r, 24)), "trace-id", "amzn-trace-id")]
    return ('      {\n        "startedDateTime": "%s",\n        "time": %.3f,\n        "request": {\n          "method": "%s",\n          "url": "https://%s%s",\n          "httpVersion": "h2",\n          "headers": [\n            %s\n          ]\n        },\n'
            '        "response": {\n          "status": 200,\n          "statusText": "",\n          "httpVersion": "h2",\n          "headers": [\n            %s\n          ],\n          "content": %s\n        },\n        "timings": {"blocked": %.2f, "dns": -1, "send": 0.1, "wait": %.2f, "receive": 0.4}\n      }') % (
        iso(r), r.random() * 400, "POST" if "token" in path else "GET", dom, path, ",\n            ".join(h_req), ",\n            ".join(h_resp), content, r.random() * 5, r.random() * 300)


def k_har(G, d, r):
    dom = "api.%s" % domain(r)
    ents = [har_entry(G, d, r, dom) for _ in range(r.randint(15, 24) if r.random() < 0.2 else r.randint(2, 9))]
    text = '{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "WebInspector", "version": "537.36"},\n    "pages": [],\n    "entries": [\n%s\n    ]\n  }\n}\n' % ",\n".join(ents)
    return G.hpath(G.user(r), "Downloads/%s.har" % pick(r, (dom, "checkout-bug", "login-flow", "slow-page"))), text


def k_postman(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.4:
        vals = []
        for _ in range(r.randint(2, 5)):
            x = r.random()
            if x < 0.55:
                nm, vm, v, f = G.kv.secret(d, r, "json")
                vals.append('\t\t{\n\t\t\t"key": "%s",\n\t\t\t"value": "%s",\n\t\t\t"type": "secret",\n\t\t\t"enabled": true\n\t\t}' % (case(nm, "camel"), vm))
            elif x < 0.75:
                vals.append('\t\t{\n\t\t\t"key": "%s",\n\t\t\t"value": "%s",\n\t\t\t"type": "default",\n\t\t\t"enabled": true\n\t\t}' % (pick(r, ("apiKey", "accessToken", "clientSecret")), d.N("", "short-or-empty", "empty") if False else d.N(pick(r, ("<set me>", "xxx", "changeme")), "placeholder", "generic")))
            else:
                vals.append('\t\t{\n\t\t\t"key": "baseUrl",\n\t\t\t"value": "https://api.%s",\n\t\t\t"type": "default",\n\t\t\t"enabled": true\n\t\t}' % domain(r))
        text = '{\n\t"id": "%s",\n\t"name": "%s",\n\t"values": [\n%s\n\t],\n\t"_postman_variable_scope": "environment",\n\t"_postman_exported_at": "%s",\n\t"_postman_exported_using": "Postman/11.2.0"\n}' % (
            uuid_neg(d, r, "postman-id"), pick(r, ("Production", "Staging", "Local")), ",\n".join(vals), iso(r))
        return G.rpath(repo, "postman/%s.postman_environment.json" % pick(r, ("prod", "staging", "local"))), text
    items = []
    for _ in range(r.randint(2, 5)):
        x = r.random()
        if x < 0.4:
            auth = '"auth": {\n\t\t\t\t\t"type": "bearer",\n\t\t\t\t\t"bearer": [\n\t\t\t\t\t\t{\n\t\t\t\t\t\t\t"key": "token",\n\t\t\t\t\t\t\t"value": "%s",\n\t\t\t\t\t\t\t"type": "string"\n\t\t\t\t\t\t}\n\t\t\t\t\t]\n\t\t\t\t},' % (
                d.S(gen(r, "http-bearer-token"), "http-bearer-token") if r.random() < 0.5 else d.N("{{accessToken}}", "template-var", "postman"))
        elif x < 0.6:
            auth = '"auth": {\n\t\t\t\t\t"type": "basic",\n\t\t\t\t\t"basic": [\n\t\t\t\t\t\t{"key": "password", "value": "%s", "type": "string"},\n\t\t\t\t\t\t{"key": "username", "value": "%s", "type": "string"}\n\t\t\t\t\t]\n\t\t\t\t},' % (d.S(password(r), "basic-auth-password"), username(r))
        else:
            auth = ""
        body = '{\n  "email": "%s",\n  "password": "%s"\n}' % (email(r), d.S(password(r), "password-assignment") if r.random() < 0.4 else d.N("{{password}}", "template-var", "postman"))
        items.append('\t\t{\n\t\t\t"name": "%s",\n\t\t\t"request": {\n\t\t\t\t%s\n\t\t\t\t"method": "POST",\n\t\t\t\t"header": [\n\t\t\t\t\t{"key": "Content-Type", "value": "application/json"}\n\t\t\t\t],\n\t\t\t\t"body": {\n\t\t\t\t\t"mode": "raw",\n\t\t\t\t\t"raw": "%s"\n\t\t\t\t},\n\t\t\t\t"url": {\n\t\t\t\t\t"raw": "{{baseUrl}}/v1/%s",\n\t\t\t\t\t"host": ["{{baseUrl}}"]\n\t\t\t\t}\n\t\t\t}\n\t\t}' % (
            pick(r, ("Login", "Create order", "Refresh token", "List users")), auth, d.transform(body, "json"), pick(r, ("login", "orders", "token", "users"))))
    text = '{\n\t"info": {\n\t\t"_postman_id": "%s",\n\t\t"name": "%s API",\n\t\t"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",\n\t\t"_exporter_id": "%d"\n\t},\n\t"item": [\n%s\n\t]\n}' % (
        uuid_neg(d, r, "postman-id"), pick(r, SERVICES).capitalize(), r.randint(1000000, 40000000), ",\n".join(items))
    return G.rpath(repo, "postman/%s.postman_collection.json" % pick(r, SERVICES)), text


def k_insomnia(G, d, r):
    res = []
    for _ in range(r.randint(2, 4)):
        tok = d.S(gen(r, "http-bearer-token"), "http-bearer-token") if r.random() < 0.5 else d.N("{{ _.token }}", "template-var", "insomnia")
        res.append('    {\n      "_id": "req_%s",\n      "_type": "request",\n      "parentId": "wrk_%s",\n      "url": "{{ _.base_url }}/v1/%s",\n      "method": "GET",\n      "authentication": {\n        "type": "bearer",\n        "token": "%s"\n      }\n    }' % (
            d.N(NG.hx(r, 32), "api-object-id", "insomnia-id"), NG.hx(r, 32), pick(r, ("users", "orders", "events")), tok))
    nm, vm, v, f = G.kv.secret(d, r, "json")
    res.append('    {\n      "_id": "env_%s",\n      "_type": "environment",\n      "name": "Base Environment",\n      "data": {\n        "base_url": "https://api.%s",\n        "%s": "%s"\n      }\n    }' % (NG.hx(r, 32), domain(r), case(nm, "snake"), vm))
    text = '{\n  "_type": "export",\n  "__export_format": 4,\n  "__export_date": "%s",\n  "__export_source": "insomnia.desktop.app:v2023.5.8",\n  "resources": [\n%s\n  ]\n}\n' % (iso(r), ",\n".join(res))
    return G.rpath(G.repo(r), "docs/insomnia-export.json"), text


def k_openapi(G, d, r):
    svc = pick(r, SERVICES)
    L = ["openapi: 3.0.3", "info:", "  title: %s API" % svc.capitalize(), "  version: %s" % semver(r), "servers:", "  - url: https://api.%s/v1" % domain(r), "components:", "  securitySchemes:",
         "    bearerAuth:", "      type: http", "      scheme: bearer", "      bearerFormat: JWT", "    apiKeyAuth:", "      type: apiKey", "      in: header",
         "      %s" % d.N("name: X-API-Key", "benign-value", "header-name"), "  schemas:", "    Token:", "      type: object", "      properties:", "        access_token:", "          type: string",
         "          example: %s" % d.N(pick(r, ("eyJhbGciOi...", "<access-token>", "abc123")), "placeholder", "openapi-example"), "        %s" % d.N("token_type:\n          type: string\n          example: Bearer", "benign-value", "token-type"),
         "        expires_in:", "          type: integer", "          example: 3600", "    ApiKey:", "      type: object", "      properties:", "        id:", "          type: string",
         "          example: %s" % d.N("key_" + rs_any(r, AN, 16), "api-object-id", "openapi-example-id"), "        prefix:", "          type: string", "          example: %s" % d.N("sk_live_", "benign-value", "key-prefix"),
         "        secret:", "          type: string", "          description: Returned only once, at creation."]
    if r.random() < 0.4:
        f = pick(r, ("stripe-secret-key-test", "api-key-generic", "openai-project-key"))
        L.append("          example: %s" % d.S(gen(r, f), f))
    else:
        L.append("          example: %s" % d.N(pick(r, NG.SHAPED_PLACEHOLDERS[:10]), "placeholder", "shaped"))
    L += ["paths:", "  /tokens:", "    post:", "      summary: Exchange credentials for a token", "      security: []", "      requestBody:", "        content:", "          application/json:",
          "            example:", "              client_id: %s" % d.N(uuid4(r), "public-identifier", "example-client-id"), "              client_secret: %s" % d.N(pick(r, ("<client-secret>", "YOUR_CLIENT_SECRET", "***")), "placeholder", "openapi-example"),
          "      responses:", "        '200':", "          description: OK"]
    return G.rpath(G.repo(r), pick(r, ("openapi.yaml", "docs/openapi.yml", "api/spec/openapi.yaml"))), nl(L)


def k_markdown(G, d, r):
    repo = G.repo(r)
    L = ["# %s" % repo, "", NG.PROSE[0] if False else d.N(pick(r, NG.PROSE), "prose", "sentence"), ""]
    L += ["[![codecov](https://codecov.io/gh/%s/%s/branch/main/graph/badge.svg?token=%s)](https://codecov.io/gh/%s/%s)" % (org(r), repo, d.N(rs_any(r, ANU, 10), "public-client-key", "codecov-graph-token"), org(r), repo), ""] if r.random() < 0.4 else []
    L += ["## Setup", "", "```bash", "cp .env.example .env", "export OPENAI_API_KEY=%s" % d.N(pick(r, ("<your-key>", "sk-...", "your_api_key_here")), "placeholder", "docs"),
          "export DATABASE_URL=%s" % d.N(NG.doc_conn(r)[0], "doc-placeholder-conn", "localhost-conn"), "make dev", "```", ""]
    if r.random() < 0.25:
        L += ["### AWS CLI", "", "The AWS docs use these sample values; paste your own:", "", "```ini", "[default]",
              "aws_access_key_id = %s" % d.S("AKIAIOSFODNN7EXAMPLE", "aws-access-key-id"),
              "aws_secret_access_key = %s" % d.S("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key"), "```", ""]
    L += ["## Calling the API", "", "```sh", 'curl https://api.%s/v1/items \\' % domain(r), '  -H "Authorization: Bearer %s"' % d.N(pick(r, ("$API_TOKEN", "${TOKEN}")), "env-ref", "shell"), "```", ""]
    if r.random() < 0.45:
        L += ["Quick test against staging (temporary key, remove later):", "", "```python"]
        nm, vm, v, f = G.kv.secret(d, r, "python")
        L += ['client = Client(api_key="%s")' % vm, "print(client.ping())", "```", ""]
    L += ["## Configuration", "", "| Variable | Description | Default |", "| --- | --- | --- |"]
    for nm, desc, v in (("PORT", "listen port", "8080"), ("LOG_LEVEL", "verbosity", "info")):
        L.append("| `%s` | %s | `%s` |" % (nm, desc, v))
    for n2, v in r.sample(NG.NAME_ONLY, r.randint(1, 3)):
        L.append("| %s | %s | `%s` |" % (d.N("`%s`" % n2, "name-only", "docs-table"), pick(r, ("see policy", "tuning knob", "security setting")), v))
    L += ["| `STRIPE_SECRET_KEY` | Stripe secret key (from 1Password) | %s |" % d.N("`sk_test_...`", "placeholder", "docs"), ""]
    L += ["## Troubleshooting", "", d.N(pick(r, NG.PROSE), "prose", "sentence"), ""]
    if r.random() < 0.3:
        L += ["```", "$ kubectl get secret %s -o jsonpath='{.data.password}' | base64 -d" % pick(r, SERVICES), d.S(password(r), "password-assignment"), "```", ""]
    return G.rpath(repo, pick(r, ("README.md", "docs/setup.md", "docs/runbook.md", "CONTRIBUTING.md", "docs/onboarding.md"))), nl(L)


def k_changelog(G, d, r):
    L = ["# Changelog", "", "All notable changes to this project will be documented in this file.", ""]
    org_repo = (org(r), pick(r, SERVICES))
    for _ in range(r.randint(3, 10)):
        L += ["## [%s] - %s" % (semver(r), ts(r)[:10]), "", "### Fixed"]
        for _ in range(r.randint(1, 4)):
            pr = r.randint(100, 9000)
            L.append("- %s ([#%d](https://github.com/%s/%s/pull/%d)) (%s)" % (pick(r, ("Stop logging the API key on startup", "Rotate webhook secret on reinstall", "Password reset token expiry",
                                                                                         "Handle expired refresh tokens", "Fix cache key collision", "Bump jsonwebtoken to 9.0.2")),
                                                                               pr, org_repo[0], org_repo[1], pr, git_sha_neg(d, r, short=True)))
        if r.random() < 0.5:
            L += ["", "### Security", "- %s" % d.N(pick(r, NG.PROSE), "prose", "sentence"), "- Full commit: %s" % git_sha_neg(d, r)]
        L.append("")
    return G.rpath(G.repo(r), "CHANGELOG.md"), nl(L)


def k_lockfile(G, d, r):
    repo = G.repo(r)
    c = r.randrange(7)
    big = 4 if r.random() < 0.2 else 1
    if c == 0:
        pk = []
        for _ in range(r.randint(10, 60) * big):
            n = pick(r, WORDS) + pick(r, ("", "-js", "-utils", "-core"))
            v = semver(r)
            pk.append('    "node_modules/%s": {\n      "version": "%s",\n      "resolved": "https://registry.npmjs.org/%s/-/%s-%s.tgz",\n      "integrity": "%s",\n      "license": "MIT"\n    }' % (
                n, v, n, n, v, d.N(NG.sri(r, "sha512"), "sri-hash", "npm-integrity")))
        return G.rpath(repo, "package-lock.json"), '{\n  "name": "%s",\n  "version": "%s",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n%s\n  }\n}\n' % (repo, semver(r), ",\n".join(pk))
    if c == 1:
        L = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""]
        for _ in range(r.randint(10, 60) * big):
            n, v = pick(r, WORDS), semver(r)
            L += ['%s@^%s:' % (n, v), '  version "%s"' % v, '  resolved "https://registry.yarnpkg.com/%s/-/%s-%s.tgz#%s"' % (n, n, v, d.N(NG.sha1(r), "file-hash", "sha1")),
                  '  integrity %s' % d.N(NG.sri(r), "sri-hash", "yarn-integrity"), ""]
        return G.rpath(repo, "yarn.lock"), nl(L)
    if c == 2:
        L = ["lockfileVersion: '9.0'", "", "packages:", ""]
        for _ in range(r.randint(10, 50) * big):
            L += ["  %s@%s:" % (pick(r, WORDS), semver(r)), "    resolution: {integrity: %s}" % d.N(NG.sri(r, "sha512"), "sri-hash", "pnpm-integrity"), "    engines: {node: '>=18'}", ""]
        return G.rpath(repo, "pnpm-lock.yaml"), nl(L)
    if c == 3:
        L = []
        for _ in range(r.randint(8, 30) * big):
            n, v = pick(r, WORDS), semver(r)
            L += ["[[package]]", 'name = "%s"' % n, 'version = "%s"' % v, 'description = ""', 'optional = false', 'python-versions = ">=3.8"', "files = ["]
            for _ in range(r.randint(1, 3)):
                L.append('    {file = "%s-%s-py3-none-any.whl", hash = "sha256:%s"},' % (n, v, sha256_neg(d, r, "wheel-sha256")))
            L += ["]", ""]
        L += ["[metadata]", 'lock-version = "2.0"', 'content-hash = "%s"' % sha256_neg(d, r, "poetry-content-hash")]
        return G.rpath(repo, "poetry.lock"), nl(L)
    if c == 4:
        L = ["# This file is automatically @generated by Cargo.", "version = 3", ""]
        for _ in range(r.randint(8, 40) * big):
            L += ["[[package]]", 'name = "%s"' % pick(r, WORDS), 'version = "%s"' % semver(r), 'source = "registry+https://github.com/rust-lang/crates.io-index"', 'checksum = "%s"' % sha256_neg(d, r, "crate-checksum"), ""]
        return G.rpath(repo, "Cargo.lock"), nl(L)
    if c == 5:
        L = []
        for _ in range(r.randint(10, 50) * big):
            m = "github.com/%s/%s" % (pick(r, WORDS), pick(r, WORDS))
            v = "v" + semver(r)
            L.append("%s %s %s" % (m, v, d.N(NG.gosum_h1(r), "sri-hash", "go-sum")))
            L.append("%s %s/go.mod %s" % (m, v, d.N(NG.gosum_h1(r), "sri-hash", "go-sum")))
        return G.rpath(repo, "go.sum"), nl(L)
    pk = []
    for _ in range(r.randint(5, 20) * big):
        n = "%s/%s" % (pick(r, WORDS), pick(r, WORDS))
        pk.append('        {\n            "name": "%s",\n            "version": "v%s",\n            "source": {\n                "type": "git",\n                "url": "https://github.com/%s.git",\n                "reference": "%s"\n            },\n            "dist": {\n                "type": "zip",\n                "url": "https://api.github.com/repos/%s/zipball/%s",\n                "reference": "%s",\n                "shasum": ""\n            }\n        }' % (
            n, semver(r), n, git_sha_neg(d, r), n, git_sha_neg(d, r), git_sha_neg(d, r)))
    return G.rpath(repo, "composer.lock"), '{\n    "_readme": [\n        "This file locks the dependencies of your project to a known state"\n    ],\n    "content-hash": "%s",\n    "packages": [\n%s\n    ]\n}\n' % (d.N(NG.hx(r, 32), "file-hash", "md5"), ",\n".join(pk))


def k_bundle(G, d, r):
    repo = G.repo(r)
    h = NG.hx(r, 8)
    parts = ['"use strict";(self.webpackChunk%s=self.webpackChunk%s||[]).push([[%d],{' % (repo.replace("-", "_"), repo.replace("-", "_"), r.randint(100, 999))]
    for _ in range(r.randint(6, 25)):
        x = r.random()
        mid = r.randint(1000, 99999)
        if x < 0.3:
            parts.append('%d:function(e,t,n){n.d(t,{Z:function(){return o}});var r=n(%d),o=function(e){return(0,r.jsx)("div",{className:"%s",children:e.children})}},' % (
                mid, r.randint(1000, 99999), d.N("%s_%s__%s" % (pick(r, WORDS), pick(r, WORDS), rs_any(r, AN + "_-", 5)), "bundle-hash", "css-module")))
        elif x < 0.45:
            parts.append('%d:function(e){e.exports="%s"},' % (mid, d.N("data:font/woff2;base64," + NG.b64_data(r)[0], "base64-data", "inline-font")))
        elif x < 0.58:
            parts.append('%d:function(e,t){var n="%s";t.encode=function(e){for(var t="",r=0;r<e.length;r+=3)t+=n[e[r]>>2];return t}},' % (mid, d.N("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", "minified-code", "base64-alphabet")))
        elif x < 0.62:
            parts.append('%d:function(e,t){t.crcTable=[%s]},' % (mid, d.N(",".join(str(r.randint(0, 2**32 - 1)) for _ in range(24)), "minified-code", "lookup-table")))
        elif x < 0.72:
            parts.append('%d:function(e,t,n){var r={apiBase:"https://api.%s/v1",mapsKey:"%s",release:"%s"};e.exports=r},' % (mid, domain(r), d.S(gen(r, "google-api-key"), "google-api-key"), git_sha_neg(d, r)))
        elif x < 0.8:
            v, sub = NG.public_client_key(r)
            parts.append('%d:function(e,t){t.analytics={key:"%s",host:"https://eu.i.posthog.com"}},' % (mid, d.N(v, "public-client-key", sub)))
        elif x < 0.85:
            nm, vm, v, f = G.kv.secret(d, r, "javascript")
            parts.append('%d:function(e,t){t.%s="%s"},' % (mid, case(nm, "camel"), vm))
        elif x < 0.92:
            parts.append('%d:function(e,t,n){var r=n(%d);t.fetchToken=function(){return r.post("/oauth/token",{grant_type:"client_credentials",client_id:window.__CFG__.clientId,%s})}},' % (
                mid, r.randint(1000, 9999), d.N("client_secret:process.env.REACT_APP_CLIENT_SECRET", "env-ref", "bundled-env")))
        else:
            parts.append('%d:function(e,t){t.id="%s"},' % (mid, d.N(NG.hx(r, 20), "bundle-hash", "module-hash")))
    if r.random() < 0.5:
        sm = '{"version":3,"sources":["webpack://%s/./src/index.ts"],"names":[],"mappings":"%s"}' % (repo, NG.mappings(r, r.randint(200, 600)))
        parts.append('}]);\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,%s\n' % d.N(b64s(sm), "sourcemap", "inline-base64"))
    else:
        parts.append('}]);\n//# sourceMappingURL=main.%s.js.map\n' % h)
    return G.rpath(repo, "dist/assets/main.%s.js" % d.plain(d.N(h, "bundle-hash", "webpack-chunk")) if False else "dist/assets/main.%s.js" % h), "".join(parts)


def k_sourcemap(G, d, r):
    repo = G.repo(r)
    src_lines = ["import axios from 'axios';", "", "export const api = axios.create({", "  baseURL: import.meta.env.VITE_API_URL,", "});", ""]
    if r.random() < 0.4:
        nm, vm, v, f = G.kv.secret(d, r, "javascript")
        src_lines.append("const %s = '%s';" % (case(nm, "UP"), vm))
    else:
        src_lines.append("const token = %s;" % d.N("import.meta.env.VITE_PUBLIC_TOKEN", "env-ref", "javascript"))
    src = nl(src_lines)
    text = '{"version":3,"file":"main.%s.js","sources":["../src/api.ts","../src/main.tsx"],"sourcesContent":["%s","import React from \'react\';\\n"],"names":["api","axios","create","baseURL"],"mappings":"%s"}\n' % (
        NG.hx(r, 8), d.transform(src, "json"), d.N(NG.mappings(r), "sourcemap", "vlq-mappings"))
    return G.rpath(repo, "dist/assets/main.%s.js.map" % NG.hx(r, 8)), text


def k_csv(G, d, r):
    c = r.randrange(3)
    if c == 0:
        L = ["id,email,name,api_key,password_hash,created_at,last_login_ip"]
        for _ in range(r.randint(5, 30)):
            f, l = person(r)
            key = d.S("ak_live_" + rs(r, AN, 32), "api-key-generic") if r.random() < 0.4 else ""
            L.append("%s,%s.%s@%s,%s %s,%s,%s,%s,%s" % (uuid_neg(d, r, "row-id"), f, l, domain(r), f.capitalize(), l.capitalize(), key, (lambda h: ('"%s"' % d.N(h, "password-hash", "csv-export")) if "," in h else d.N(h, "password-hash", "csv-export"))(NG.password_hash(r)[0]), iso(r), ip(r, False)))
        text = nl(L)
        return G.uniq("exports/%s-users-%s.csv" % (org(r), ts(r)[:10])), d.transform(text, "crlf") if r.random() < 0.5 else text
    if c == 1:
        L = ["provider,account,access_token,expires_at"]
        for _ in range(r.randint(3, 12)):
            f = pick(r, ("slack-bot-token", "github-oauth-token", "hubspot-private-app-token", "shopify-admin-access-token", "dropbox-short-lived-token", "notion-ntn-token"))
            L.append("%s,%s,%s,%s" % (f.split("-")[0], pick(r, SERVICES), d.S(gen(r, f), f), iso(r)))
        return G.uniq("exports/integrations-%s.csv" % ts(r)[:10]), nl(L)
    L = ["created,charge_id,customer,amount,currency,status,description"]
    for _ in range(r.randint(10, 40)):
        L.append("%s,%s,%s,%d,%s,%s,%s" % (iso(r), d.N("ch_3" + rs_any(r, AN, 23), "api-object-id", "stripe-charge-id"), d.N("cus_" + rs_any(r, AN, 14), "api-object-id", "stripe-customer-id"),
                                            r.randint(100, 99999), pick(r, ("usd", "eur", "jpy")), pick(r, ("succeeded", "refunded", "failed")), pick(r, ("Pro plan", "Seat add-on", "Usage"))))
    return G.uniq("exports/stripe-charges-%s.csv" % ts(r)[:7]), nl(L)


def k_checksums(G, d, r):
    L = []
    ver = semver(r)
    for art in r.sample(["linux-amd64.tar.gz", "linux-arm64.tar.gz", "darwin-arm64.tar.gz", "darwin-amd64.tar.gz", "windows-amd64.zip", "checksums.txt.sig"], r.randint(3, 6)):
        L.append("%s  %s_%s_%s" % (sha256_neg(d, r, "sha256sum"), pick(r, SERVICES), ver, art))
    return G.rpath(G.repo(r), pick(r, ("dist/SHA256SUMS", "release/checksums.txt", "SHA256SUMS"))), nl(L)


def k_requirements(G, d, r):
    L = ["# pip-compile --generate-hashes", ""]
    if r.random() < 0.3:
        L.insert(0, "--extra-index-url %s" % d.S(gen(r, "http-basic-auth-url"), "http-basic-auth-url"))
    for _ in range(r.randint(5, 20)):
        L.append("%s==%s \\" % (pick(r, WORDS), semver(r)))
        L.append("    --hash=sha256:%s" % sha256_neg(d, r, "pip-hash"))
    return G.rpath(G.repo(r), pick(r, ("requirements.txt", "requirements/prod.txt"))), nl(L)


def k_html(G, d, r):
    L = ["<!doctype html>", "<html lang=\"en\">", "<head>", '  <meta charset="utf-8">', '  <meta name="csrf-token" content="%s">' % d.N(NG.b64u(rbytes(r, 32)), "csrf-state", "rails-authenticity"),
         '  <script nonce="%s" src="/assets/app-%s.js" integrity="%s" crossorigin="anonymous"></script>' % (d.N(b64(rbytes(r, 16)), "csrf-state", "csp-nonce"), d.N(NG.hx(r, 16), "bundle-hash", "asset-digest"), d.N(NG.sri(r, "sha384"), "sri-hash", "script-integrity")),
         "</head>", "<body>", '  <form action="/session" method="post">', '    <input type="hidden" name="csrfmiddlewaretoken" value="%s">' % d.N(rs_any(r, AN, 64), "csrf-state", "django-csrf"),
         '    <input type="password" name="password" autocomplete="current-password">', '    <button type="submit">Sign in</button>', "  </form>",
         '  <img src="data:image/png;base64,%s" alt="logo">' % d.N(NG.png_b64(r, r.randint(200, 800)), "base64-data", "inline-image")]
    if r.random() < 0.3:
        L.append("  <script>window.__CFG__ = { mapsKey: '%s' };</script>" % d.S(gen(r, "google-api-key"), "google-api-key"))
    L += ["</body>", "</html>"]
    return G.rpath(G.repo(r), pick(r, ("public/index.html", "templates/login.html", "snapshots/login-page.html"))), nl(L)


KINDS = [("app-log", 16, k_app_log), ("access-log", 9, k_access_log), ("ci-log", 14, k_ci_log), ("kubectl-describe", 6, k_k8s_describe), ("stacktrace", 8, k_stacktrace),
         ("syslog", 8, k_syslog), ("crash", 8, k_crash), ("sentry-event", 5, k_sentry_event), ("build-log", 8, k_build_log), ("har", 10, k_har), ("postman", 10, k_postman),
         ("insomnia", 4, k_insomnia), ("openapi", 6, k_openapi), ("markdown", 18, k_markdown), ("changelog", 6, k_changelog), ("lockfile", 16, k_lockfile), ("bundle", 8, k_bundle),
         ("sourcemap", 8, k_sourcemap), ("csv", 9, k_csv), ("checksums", 4, k_checksums), ("requirements", 4, k_requirements), ("html", 5, k_html)]
