"""Encodings and wrapping: URL-encoded queries and form bodies, HTML/XML entities, JSON escaped once or twice,
values split across lines, Basic auth and registry configs, data URIs and base64 in .env files, shell quoting."""
import base64
import json
import urllib.parse

from core import jesc, jesc_ascii, hesc, xesc, uquote
from fmts import FORMATS, company, word, password, password_special, generic_jwt, pem, pkcs8_rsa_der
from lang import assign, filler, neg_line, FILES
from tpl import plain_sa_json, Sec, neg, neg1, lab_as, basic, auth_headers, api_host, api_path, sample_body, people, email_of, sa_json, secret_block

Q = lambda s: urllib.parse.quote(s, safe="")


def t_access_log(ctx):
    r = ctx.r
    style = r.choice(["nginx", "nginx", "alb", "json", "cloudfront"])
    lines = []
    n = r.randint(6, 14)
    sec_at = set(r.sample(range(n), r.randint(1, 3)))
    for i in range(n):
        ip = r.ip(False)
        ts = "%02d/Jan/2025:%02d:%02d:%02d +0000" % (r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59))
        ua = r.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "python-requests/2.32.3", "curl/8.5.0", "okhttp/4.12.0", "Go-http-client/2.0"])
        if i in sec_at:
            k = r.randint(0, 7)
            if k == 0:
                s = Sec(ctx, fmt="google-api-key")
                path = "/maps/api/geocode/json?address=%s&key=%s" % (Q(r.choice(["Berlin", "São Paulo", "東京"])), s.lab())
            elif k == 1:
                s = Sec(ctx, fmt="password")
                path = "/api/v1/login?user=%s&password=%s" % (Q(email_of(r, people(r)[1])), s.lab(Q(s.v)))
            elif k == 2:
                s = Sec(ctx, "token")
                path = "/webhook?%s=%s&source=%s" % (r.choice(["token", "access_token", "api_key", "auth"]), s.lab(Q(s.v)), word(r))
            elif k == 3:
                s = Sec(ctx, fmt="azure-sas-token")
                path = "/%s/%s.pdf?%s" % (r.choice(["invoices", "exports", "backups"]), r.hex(8), s.lab())
            elif k == 4:
                ak = Sec(ctx, fmt=r.choice(["aws-temporary-access-key-id", "aws-access-key-id"]))
                path = "/%s/%s.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s%%2F20250114%%2Feu-west-1%%2Fs3%%2Faws4_request&X-Amz-Date=20250114T101500Z&X-Amz-Expires=3600" % (
                    word(r), r.hex(8), ak.lab())
                if ak.f.name.startswith("aws-temp"):
                    st = Sec(ctx, fmt="aws-session-token")
                    path += "&X-Amz-Security-Token=%s" % st.lab(Q(st.v))
                path += "&X-Amz-SignedHeaders=host&X-Amz-Signature=%s" % ctx.N(r.hex(64), "hash", "aws-sigv4-signature")
            elif k == 5:
                s = Sec(ctx, fmt="telegram-bot-token")
                path = "/bot%s/sendMessage?chat_id=-100%d&text=%s" % (s.lab(), r.randint(10 ** 9, 10 ** 10), Q("deploy ok ✅"))
            elif k == 6:
                s = Sec(ctx, fmt=r.choice(["slack-bot-token", "slack-user-token"]))
                path = "/api/conversations.history?channel=%s&token=%s" % (ctx.N(ctx.ng.ident("slack-id")[0], "identifier", "slack-id"), s.lab())
            else:
                s = Sec(ctx, fmt="oauth-client-secret")
                path = "/oauth/token?grant_type=client_credentials&client_id=%s&client_secret=%s" % (
                    ctx.N(r.uuid(), "identifier", "uuid"), s.lab(Q(s.v)))
            status = r.choice([200, 200, 302, 401])
        else:
            k = r.randint(0, 5)
            if k == 0:
                path = "/oauth/callback?state=%s&code_challenge_method=S256" % ctx.N(r.hex(32), "identifier", "oauth-state")
            elif k == 1:
                path = "/static/js/main.%s.js" % ctx.N(r.hex(8), "minified", "chunk-hash")
            elif k == 2:
                path = "/api/orders/%s?expand=items" % ctx.N(r.uuid(), "identifier", "uuid")
            elif k == 3:
                path = "/v1/search?q=%s&page=%d&cursor=%s" % (Q(r.choice(["api key rotation", "reset password", "ключ"])), r.randint(1, 9),
                                                               ctx.N(ctx.ng.encoded("json-base64")[0].replace("=", "%3D"), "encoded-data", "json-base64"))
            elif k == 4:
                path = "/download?file=report.csv&sig=%s&expires=%d" % (ctx.N(r.hex(64), "hash", "url-signature"), r.ts())
            else:
                path = "/api/v2/users/me?token=%s" % ctx.N(ctx.ng.placeholder(r.choice(["redacted", "stars"]))[0].replace("*", "%2A").replace("[", "%5B").replace("]", "%5D"),
                                                          "placeholder", "redacted")
            status = r.choice([200, 200, 204, 304, 404])
        method = r.choice(["GET", "GET", "POST"])
        if style == "nginx":
            lines.append('%s - - [%s] "%s %s HTTP/1.1" %d %d "-" "%s" rt=%.3f' % (ip, ts, method, path, status, r.randint(0, 90000), ua, r.random()))
        elif style == "alb":
            lines.append('https %s app/%s-alb/%s %s:%d 10.0.1.%d:8080 0.001 0.%03d 0.000 %d %d %d %d "%s https://api.%s.com:443%s HTTP/2.0" "%s" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:eu-west-1:%s:targetgroup/api/%s "%s"' % (
                r.date_iso(), word(r), ctx.N(r.hex(16), "identifier", "aws-resource-id"), ip, r.randint(1024, 65535), r.randint(2, 250),
                r.randint(1, 999), status, status, r.randint(100, 900), r.randint(100, 90000), method, company(r), path, ua,
                ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "identifier", "aws-account-id"), r.hex(16),
                ctx.N("Root=1-%s-%s" % (r.hex(8), r.hex(24)), "identifier", "trace-id")))
        elif style == "cloudfront":
            lines.append("2025-01-%02d\t%02d:%02d:%02d\tFRA56-P%d\t%d\t%s\t%s\t%s.cloudfront.net\t%s\t%d\t-\t%s\tMiss\t%s" % (
                r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(1, 9), r.randint(100, 90000), ip, method,
                r.lalnum(14), path.split("?")[0], status, Q(ua), ctx.N(r.b64u(54) + "==", "identifier", "request-id")) +
                "\t" + (path.split("?", 1)[1] if "?" in path else "-"))
        else:
            lines.append('{"time":"%s","remote_addr":"%s","request":"%s %s HTTP/1.1","status":%d,"request_id":"%s","user_agent":"%s"}' % (
                r.date_iso(), ip, method, path, status, ctx.N(r.hex(32), "identifier", "request-id"), ua))
    name = {"nginx": "access.log", "alb": "alb.log", "cloudfront": "cloudfront.log", "json": "access.jsonl"}[style]
    return "logs/%s-%s" % (word(r), name), "\n".join(lines) + "\n"


def t_form_body(ctx):
    r = ctx.r
    k = r.wpick([("client-credentials", 3), ("password-grant", 2), ("refresh", 1.5), ("curl-urlencode", 2), ("twilio", 1), ("basic-client", 1.5)])
    if k in ("client-credentials", "basic-client"):
        s = Sec(ctx, fmt=r.choice(["azure-ad-client-secret", "oauth-client-secret", "google-oauth-client-secret"]))
        hostn = {"azure-ad-client-secret": "login.microsoftonline.com", "google-oauth-client-secret": "oauth2.googleapis.com"}.get(s.f.name, "auth.%s.io" % company(r))
        pth = "/%s/oauth2/v2.0/token" % ctx.N(r.uuid(), "identifier", "azure-id") if "microsoft" in hostn else "/oauth/token" if "auth." in hostn else "/token"
        cid = ctx.N(r.uuid() if "microsoft" in hostn else ctx.ng.ident("google-client-id")[0] if "google" in hostn else r.alnum(32), "identifier", "oauth-client-id")
        enc = Q(s.v).replace("~", "%7E")
        if k == "basic-client":
            cidraw = "%s-%s" % (word(r), r.hex(8))
            body = "grant_type=client_credentials&scope=%s" % Q("api://%s/.default" % word(r))
            hdr = "Authorization: Basic %s" % basic(ctx, cidraw, s.v)
        else:
            body = "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=%s" % (cid, s.lab(enc), Q("https://graph.microsoft.com/.default"))
            hdr = "Accept: application/json"
        text = "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\n%s\r\nContent-Length: %d\r\nx-ms-client-request-id: %s\r\n\r\n%s\r\n" % (
            pth, hostn, hdr, len(body), ctx.N(r.uuid(), "identifier", "request-id"), body)
        return "http/%s-token-request.http" % word(r), text
    if k == "password-grant":
        s = Sec(ctx, fmt="password")
        sp = password_special(r) if r.chance(0.5) else s.v
        s.v = sp
        body = "grant_type=password&username=%s&password=%s&client_id=%s" % (Q(email_of(r, people(r)[1])), s.lab(urllib.parse.quote_plus(sp)),
                                                                            ctx.N(r.choice(["web-app", "cli", "mobile"]), "keyword-no-secret", "client-name"))
        text = "POST /realms/%s/protocol/openid-connect/token HTTP/1.1\nHost: sso.%s.com\nContent-Type: application/x-www-form-urlencoded\nContent-Length: %d\n\n%s\n" % (
            company(r), company(r), len(body), body)
        if r.chance(0.5):
            text = "[%s] DEBUG keycloak.client - POST body: %s\n" % (r.date_iso(), body) + text
        return "http/%s-login.txt" % word(r), text
    if k == "refresh":
        s = Sec(ctx, fmt="google-refresh-token")
        cs = Sec(ctx, fmt="google-oauth-client-secret")
        body = "client_id=%s&client_secret=%s&refresh_token=%s&grant_type=refresh_token" % (
            ctx.N(ctx.ng.ident("google-client-id")[0], "identifier", "google-client-id"), cs.lab(), s.lab(Q(s.v)))
        text = "$ curl -s https://oauth2.googleapis.com/token -d '%s'\n{\n  \"access_token\": \"%s\",\n  \"expires_in\": 3599,\n  \"scope\": \"https://www.googleapis.com/auth/drive.readonly\",\n  \"token_type\": \"Bearer\"\n}\n" % (
            body, Sec(ctx, fmt="gcp-access-token").lab())
        return "http/google-refresh-%s.txt" % word(r), text
    if k == "curl-urlencode":
        s = Sec(ctx, fmt="password")
        s.v = password_special(r)
        t = Sec(ctx, "selfid")
        text = "curl -X POST https://%s/api/%s \\\n  --data-urlencode 'username=%s' \\\n  --data-urlencode %s \\\n  -d 'api_token=%s' \\\n  -d 'notify=%s'\n" % (
            "ci.%s.internal" % company(r), word(r), people(r)[1],
            ("'password=%s'" % s.lab()) if "'" not in s.v else ('"password=%s"' % s.lab(s.v.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$"))),
            t.lab(Q(t.v)), Q("#deploys"))
        text += "\n# server log\nPOST /api/%s body=username=%s&password=%s&api_token=%s&notify=%%23deploys\n" % (
            word(r), people(r)[1], s.lab(Q(s.v)), t.lab(Q(t.v)))
        return "scripts/%s-login.sh" % word(r), text
    sidraw = "AC" + r.hex(32)
    tok = Sec(ctx, fmt="twilio-auth-token")
    text = ("curl -X POST https://api.twilio.com/2010-04-01/Accounts/%s/Messages.json \\\n  --data-urlencode \"Body=Your code is 482913\" \\\n"
            "  --data-urlencode \"From=+15017122661\" \\\n  --data-urlencode \"To=+15558675310\" \\\n  -u %s:%s\n") % (
        ctx.N(sidraw, "identifier", "twilio-account-sid"), ctx.N(sidraw, "identifier", "twilio-account-sid"), tok.lab())
    if r.chance(0.6):
        k2 = Sec(ctx, fmt="twilio-api-key")
        text += "\n# or with an API key\nTWILIO_API_KEY=%s\nTWILIO_API_SECRET=%s\n" % (k2.lab(), lab_as(ctx, r.alnum(32), "twilio-auth-token"))
    return "scripts/send-sms-%s.sh" % word(r), text


def t_xml_html(ctx):
    r = ctx.r
    k = r.wpick([("web.config", 2.5), ("maven", 1.5), ("android", 1.5), ("html", 1.5), ("nuget", 1), ("soap", 1), ("spring", 1), ("jenkins", 0.8)])
    if k == "web.config":
        cs = Sec(ctx, fmt=r.choice(["mssql-connection-string", "azure-storage-connection-string", "azure-servicebus-connection-string"]))
        cv = cs.v
        if cs.f.name == "mssql-connection-string" and r.chance(0.6):
            special = password_special(r).replace(";", ",")
            cv = cv.split("Password=")[0] + "Password=" + special + ";" + cv.split("Password=")[1].split(";", 1)[1]
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <connectionStrings>",
               '    <add name="DefaultConnection" connectionString="%s" providerName="System.Data.SqlClient" />' % cs.lab(xesc(cv)),
               "  </connectionStrings>", "  <appSettings>"]
        for _ in range(r.randint(0, 2)):
            t, s = secret_block(ctx, "xml")
            out.append(t)
        for _ in range(r.randint(2, 4)):
            out.append(neg_line(ctx, "xml"))
        out.append('    <add key="ida:Tenant" value="%s" />' % ctx.N(r.uuid(), "identifier", "azure-id"))
        out += ["  </appSettings>", "  <system.web>", '    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />' % (
            lab_as(ctx, r.HEX(128), "app-signing-secret"), lab_as(ctx, r.HEX(64), "app-signing-secret")) if r.chance(0.4) else '    <compilation debug="false" targetFramework="4.8" />',
            "  </system.web>", "</configuration>"]
        return "xml/%s/Web.config" % word(r), "\n".join(out) + "\n"
    if k == "maven":
        s = Sec(ctx, fmt=r.choice(["password", "github-pat", "gitlab-pat", "jwt"]))
        s2 = Sec(ctx, fmt="password")
        s2.v = password_special(r)
        out = ['<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">', "  <servers>", "    <server>", "      <id>github</id>",
               "      <username>%s</username>" % people(r)[1], "      <password>%s</password>" % s.lab(xesc(s.v)), "    </server>", "    <server>",
               "      <id>nexus-releases</id>", "      <username>deploy</username>", "      <password>%s</password>" % s2.lab(xesc(s2.v)), "    </server>",
               "    <server>", "      <id>central</id>", "      <username>ci</username>",
               "      <password>%s</password>" % ctx.N("{%s=}" % r.b64c(43), "encrypted", "maven-encrypted"), "    </server>", "    <server>",
               "      <id>corp</id>", "      <password>%s</password>" % ctx.N("${env.NEXUS_PASSWORD}", "reference", "env-interp"), "    </server>",
               "  </servers>", "</settings>"]
        return "home/.m2/settings.xml", "\n".join(out) + "\n"
    if k == "android":
        g = Sec(ctx, fmt="google-api-key")
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<resources>", '    <string name="app_name">%s</string>' % word(r).capitalize(),
               '    <string name="google_maps_key" translatable="false">%s</string>' % g.lab(),
               '    <string name="google_app_id" translatable="false">%s</string>' % ctx.N("1:%d:android:%s" % (r.randint(10 ** 11, 10 ** 12 - 1), r.hex(16)), "public-by-design", "firebase-config"),
               '    <string name="gcm_defaultSenderId" translatable="false">%s</string>' % ctx.N(str(r.randint(10 ** 11, 10 ** 12 - 1)), "public-by-design", "firebase-config"),
               '    <string name="project_id" translatable="false">%s</string>' % ctx.N("%s-%s" % (company(r), r.lalnum(5)), "public-by-design", "firebase-config")]
        if r.chance(0.6):
            s = Sec(ctx, "selfid")
            out.append('    <string name="%s" translatable="false">%s</string>' % (s.env.lower(), s.lab(xesc(s.v))))
        out.append('    <string name="sentry_dsn">%s</string>' % ctx.N(ctx.ng.public("sentry-dsn")[0], "public-by-design", "sentry-dsn"))
        out.append('    <string name="password_hint">%s</string>' % ctx.N("Mindestens 12 Zeichen &amp; eine Ziffer", "keyword-no-secret", "ui-text"))
        out.append("</resources>")
        return "android/app/src/main/res/values/secrets.xml", "\n".join(out) + "\n"
    if k == "html":
        s = Sec(ctx, "selfid")
        cfg = json.dumps({"apiBase": "https://api.%s.com" % company(r), "publishableKey": "PK", "debug": True})
        pk = ctx.ng.public("stripe-publishable-key")[0]
        attr = hesc(cfg).replace("PK", ctx.N(pk, "public-by-design", "stripe-publishable-key"))
        pw = Sec(ctx, fmt="password")
        pw.v = password_special(r)
        out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '  <meta charset="utf-8">',
               '  <meta name="csrf-token" content="%s">' % ctx.N(*ctx.ng.csrf()[:4]),
               '  <script src="https://cdn.%s.com/app.%s.js" integrity="%s" crossorigin="anonymous"></script>' % (
                   company(r), ctx.N(r.hex(8), "minified", "chunk-hash"), ctx.N(ctx.ng.hash("sri")[0], "hash", "sri")),
               "</head>", '<body data-config="%s">' % attr, "  <!-- TODO remove before release: %s %s -->" % (s.human, s.lab()),
               '  <form action="/login" method="post">', '    <input type="hidden" name="api_key" value="%s">' % lab_as(ctx, hesc(s.v), s.f.name),
               '    <input type="password" name="password" value="%s" autocomplete="current-password">' % pw.lab(hesc(pw.v)), "  </form>",
               "  <script>window.__ENV__ = {&quot;SENTRY_DSN&quot;: &quot;%s&quot;};</script>" % ctx.N(ctx.ng.public("sentry-dsn")[0], "public-by-design", "sentry-dsn"),
               "</body>", "</html>"]
        return "html/%s.html" % word(r), "\n".join(out) + "\n"
    if k == "nuget":
        s = Sec(ctx, fmt=r.choice(["azure-devops-pat", "github-pat", "password"]))
        out = ['<?xml version="1.0" encoding="utf-8"?>', "<configuration>", "  <packageSources>",
               '    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />',
               '    <add key="%s" value="https://pkgs.dev.azure.com/%s/_packaging/%s/nuget/v3/index.json" />' % (company(r), company(r), word(r)),
               "  </packageSources>", "  <packageSourceCredentials>", "    <%s>" % company(r), '      <add key="Username" value="%s" />' % people(r)[1],
               '      <add key="ClearTextPassword" value="%s" />' % s.lab(xesc(s.v)), "    </%s>" % company(r), "    <github>",
               '      <add key="Username" value="ci" />', '      <add key="ClearTextPassword" value="%s" />' % ctx.N("%GITHUB_TOKEN%", "reference", "env-interp"),
               "    </github>", "  </packageSourceCredentials>", "</configuration>"]
        return "dotnet/nuget.config", "\n".join(out) + "\n"
    if k == "soap":
        pw = Sec(ctx, fmt="password")
        pw.v = password_special(r) if r.chance(0.5) else pw.v
        out = ['<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">',
               "  <soapenv:Header>", "    <wsse:Security>", "      <wsse:UsernameToken>", "        <wsse:Username>%s</wsse:Username>" % r.choice(["EDI_USER", "svc_partner", "integration"]),
               '        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">%s</wsse:Password>' % pw.lab(xesc(pw.v)),
               '        <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">%s</wsse:Nonce>' % ctx.N(r.b64bytes(16), "identifier", "nonce"),
               "        <wsu:Created>%s</wsu:Created>" % r.date_iso(), "      </wsse:UsernameToken>", "    </wsse:Security>", "  </soapenv:Header>",
               "  <soapenv:Body><ord:GetOrders><ord:since>2025-01-01</ord:since></ord:GetOrders></soapenv:Body>", "</soapenv:Envelope>"]
        return "xml/soap-request-%s.xml" % word(r), "\n".join(out) + "\n"
    if k == "spring":
        u = Sec(ctx, fmt="jdbc-url")
        pw = Sec(ctx, fmt="password")
        out = ['<beans xmlns="http://www.springframework.org/schema/beans">', '  <bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">',
               '    <property name="jdbcUrl" value="%s" />' % u.lab(xesc(u.v)), '    <property name="username" value="app" />',
               '    <property name="password" value="%s" />' % pw.lab(xesc(pw.v)), '    <property name="maximumPoolSize" value="10" />', "  </bean>",
               '  <bean id="mailSender" class="org.springframework.mail.javamail.JavaMailSenderImpl">',
               '    <property name="password" value="%s" />' % ctx.N("${mail.password}", "reference", "spring-placeholder"), "  </bean>", "</beans>"]
        return "xml/applicationContext-%s.xml" % word(r), "\n".join(out) + "\n"
    s = Sec(ctx, "token")
    out = ["<?xml version='1.1' encoding='UTF-8'?>", "<com.cloudbees.plugins.credentials.SystemCredentialsProvider>", "  <domainCredentialsMap>",
           "    <entry>", "      <java.util.concurrent.CopyOnWriteArrayList>", "        <org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>",
           "          <id>%s</id>" % s.env.lower(), "          <secret>%s</secret>" % ctx.N("{AQAAABAAAAAw%s}" % r.b64c(64), "encrypted", "jenkins-encrypted"),
           "        </org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl>", "      </java.util.concurrent.CopyOnWriteArrayList>",
           "    </entry>", "  </domainCredentialsMap>", "</com.cloudbees.plugins.credentials.SystemCredentialsProvider>", "",
           "<!-- job config.xml (plain text parameter, flagged in review) -->", "<hudson.model.StringParameterDefinition>", "  <name>%s</name>" % s.env,
           "  <defaultValue>%s</defaultValue>" % s.lab(xesc(s.v)), "</hudson.model.StringParameterDefinition>"]
    return "jenkins/credentials-%s.xml" % word(r), "\n".join(out) + "\n"


def t_nested_json(ctx):
    """A tool result inside a message inside a log line: JSON escaped once, twice or three times."""
    r = ctx.r
    kind = r.choice(["dotenv", "env", "config", "curl"])
    # innermost text (plain, with spans)
    lines = []
    if kind in ("dotenv", "env"):
        for _ in range(r.randint(1, 3)):
            t, s = secret_block(ctx, "env", "env-any" if r.chance(0.2) else "env")
            lines.append(t)
        for _ in range(r.randint(2, 5)):
            lines.append(neg_line(ctx, "env"))
        lines += [filler(r, "env") for _ in range(r.randint(1, 3))]
        r.shuffle(lines)
        inner = "\n".join(lines)
        cmd = "cat .env" if kind == "dotenv" else "env | grep -v PATH"
    elif kind == "config":
        lang = r.choice(["yaml", "py", "ts", "toml"])
        for _ in range(r.randint(1, 2)):
            t, s = secret_block(ctx, lang, "env-any" if r.chance(0.25) else "env")
            lines.append(t)
        for _ in range(r.randint(2, 4)):
            lines.append(neg_line(ctx, lang))
        lines += [filler(r, lang) for _ in range(2)]
        r.shuffle(lines)
        inner = "\n".join(lines)
        cmd = "cat " + r.choice(FILES[lang])
    else:
        s = Sec(ctx, "header")
        h = auth_headers(ctx, s)
        inner = "> POST %s HTTP/1.1\n> Host: %s\n%s\n> Content-Type: application/json\n< HTTP/1.1 401 Unauthorized\n< x-request-id: %s" % (
            api_path(ctx, s), api_host(ctx, s), "\n".join("> %s: %s" % hv for hv in h), ctx.N(r.uuid(), "identifier", "request-id"))
        cmd = "curl -sv https://%s%s" % (api_host(ctx, s), api_path(ctx, s))
    depth = r.choice([1, 2, 2, 3])
    call_id = ctx.N(r.choice(["call_" + r.alnum(24), "toolu_01" + r.alnum(22)]), "identifier", "tool-call-id")
    shape = r.choice(["openai", "anthropic", "claude-code", "otel", "pylog"])
    if shape == "openai":
        msg = '{"role":"tool","tool_call_id":"%s","content":"%s"}' % (call_id, jesc(inner))
    elif shape in ("anthropic", "claude-code"):
        msg = '{"role":"user","content":[{"type":"tool_result","tool_use_id":"%s","content":"%s"}]}' % (call_id, jesc(inner))
    elif shape == "otel":
        msg = '{"gen_ai.system":"openai","gen_ai.request.model":"gpt-4o","gen_ai.prompt.3.role":"tool","gen_ai.prompt.3.content":"%s","trace_id":"%s"}' % (
            jesc(inner), ctx.N(r.hex(32), "identifier", "trace-id"))
    else:
        msg = '{"role":"tool","name":"bash","content":"%s"}' % jesc(inner)
    # wrap once more per depth
    if shape == "claude-code":
        line = '{"parentUuid":"%s","isSidechain":false,"userType":"external","cwd":"/home/%s/src/%s","sessionId":"%s","version":"2.0.%d","type":"user","message":%s,"uuid":"%s","timestamp":"%s"}' % (
            ctx.N(r.uuid(), "identifier", "uuid"), people(r)[1], word(r), ctx.N(r.uuid(), "identifier", "uuid"), r.randint(1, 40), msg,
            ctx.N(r.uuid(), "identifier", "uuid"), r.date_iso())
        if depth >= 2:
            line = '{"level":"debug","ts":"%s","msg":"transcript line","line":"%s"}' % (r.date_iso(), jesc(line))
        return "agent-logs/session-%s.jsonl" % word(r), line + "\n"
    text = msg
    if depth >= 2:
        text = '{"ts":"%s","level":"info","logger":"agent.runtime","event":"tool_result","command":"%s","payload":"%s"}' % (
            r.date_iso(), jesc(cmd), jesc(text))
    if depth >= 3:
        text = '{"@timestamp":"%s","log.level":"info","service.name":"%s-agent","message":"%s","trace.id":"%s"}' % (
            r.date_iso(), word(r), jesc(text), ctx.N(r.hex(32), "identifier", "trace-id"))
    pre = []
    for _ in range(r.randint(1, 3)):
        pre.append('{"ts":"%s","level":"info","event":"model_request","model":"%s","request_id":"%s","api_key":"%s"}' % (
            r.date_iso(), r.choice(["gpt-4o", "claude-sonnet-4-5", "gemini-2.0-flash"]), ctx.N("req_" + r.alnum(24), "identifier", "request-id"),
            ctx.N(*ctx.ng.takumo("KEY")[:4]) if r.chance(0.5) else ctx.N(*ctx.ng.placeholder("masked-prefix")[:4])))
    if shape == "pylog":
        text = "2025-01-%02d %02d:%02d:%02d,%03d DEBUG agent.tools tool output: %s" % (
            r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999), text)
    return "agent-logs/%s-%s.log" % (shape, word(r)), "\n".join(pre + [text]) + "\n"


def t_split(ctx):
    r = ctx.r
    k = r.wpick([("py-concat", 2), ("js-concat", 1.5), ("java-concat", 1), ("go-concat", 1), ("cs-concat", 0.7), ("sh-continuation", 1.5),
                 ("dockerfile-env", 1.2), ("heredoc", 2), ("pwsh", 1.5), ("makefile", 1), ("yaml-pem", 1)])
    if k in ("py-concat", "js-concat", "java-concat", "go-concat", "cs-concat"):
        s = Sec(ctx, "selfid")
        v = s.v
        parts = []
        n = r.randint(2, 4) if len(v) > 60 else 2
        cuts = sorted(r.sample(range(8, len(v) - 4), n - 1))
        prev = 0
        for c in cuts + [len(v)]:
            parts.append(v[prev:c])
            prev = c
        if k == "py-concat":
            joined = ('"\n    "').join(parts)
            body = "%s = (\n    \"%s\"\n)" % (s.env, s.lab(joined))
            rest = [neg_line(ctx, "py") for _ in range(r.randint(3, 5))]
            text = "import os\n\n" + "\n".join(rest[:2]) + "\n" + body + "\n" + "\n".join(rest[2:]) + "\n"
            return "src/%s_settings.py" % word(r), text
        if k == "js-concat":
            q = r.choice(["'", '"'])
            joined = (q + " +\n  " + q).join(parts)
            body = "const %s =\n  %s%s%s;" % (s.env, q, s.lab(joined), q)
            rest = [neg_line(ctx, "js") for _ in range(r.randint(3, 5))]
            return "src/%s.js" % word(r), "\n".join(rest[:2] + [body] + rest[2:]) + "\n"
        if k == "java-concat":
            joined = '"\n            + "'.join(parts)
            body = '    private static final String %s = "%s";' % (s.env, s.lab(joined))
            rest = [neg_line(ctx, "java") for _ in range(r.randint(3, 5))]
            return "src/main/java/com/%s/Keys.java" % company(r), "public final class Keys {\n" + "\n".join(rest[:2] + [body] + rest[2:]) + "\n}\n"
        if k == "go-concat":
            joined = '" +\n\t\t"'.join(parts)
            body = '\t%s := "%s"' % (s.env[0].lower() + s.env[1:].lower(), s.lab(joined))
            rest = [neg_line(ctx, "go") for _ in range(r.randint(3, 5))]
            return "cmd/%s/main.go" % word(r), "package main\n\nfunc main() {\n" + "\n".join(rest[:2] + [body] + rest[2:]) + "\n}\n"
        joined = '" +\n            "'.join(parts)
        body = '        private const string ApiKey = "%s";' % s.lab(joined)
        rest = [neg_line(ctx, "cs") for _ in range(r.randint(3, 5))]
        return "src/%s/Secrets.cs" % word(r).capitalize(), "public static class Secrets\n{\n" + "\n".join(rest[:2] + [body] + rest[2:]) + "\n}\n"
    if k == "sh-continuation":
        s = Sec(ctx, "header")
        v = s.v
        c = r.randint(10, max(11, len(v) - 5))
        a = s.f.api or {}
        hn = a.get("hdr", "Authorization")
        sc = (a.get("scheme") + " ") if a.get("scheme") else ""
        tok = s.lab(v[:c] + "\\\n" + v[c:])
        text = "#!/usr/bin/env bash\nset -euo pipefail\n%s\ncurl -sS https://%s%s \\\n  -H \"%s: %s%s\" \\\n  -H 'Content-Type: application/json' \\\n  -d @payload.json\n%s\n" % (
            neg_line(ctx, "sh"), api_host(ctx, s), api_path(ctx, s), hn, sc, tok, neg_line(ctx, "sh"))
        return "scripts/call-%s.sh" % word(r), text
    if k == "dockerfile-env":
        out = ["FROM python:3.12-slim", "WORKDIR /app", "ENV PYTHONDONTWRITEBYTECODE=1 \\", "    PYTHONUNBUFFERED=1 \\"]
        for _ in range(r.randint(1, 2)):
            s = Sec(ctx, "env")
            raw = s.v
            out.append("    %s=%s \\" % (s.env, s.lab(raw) if all(ch not in raw for ch in " \"'$\\") else '"%s"' % s.lab(raw.replace('"', '\\"'))))
        for _ in range(r.randint(1, 3)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("dockerfile")
            if "\n" in vv or raw or " " in vv:
                continue
            out.append("    %s=%s \\" % (nm, ctx.N(vv, c, sb, d)))
        out.append("    PORT=8000")
        s = Sec(ctx, "env")
        out += ["ARG %s=%s" % (s.env, s.lab() if all(ch not in s.v for ch in " \"'$\\") else s.lab()), "COPY . .", "RUN pip install -r requirements.txt",
                'CMD ["gunicorn", "app:app"]']
        return "docker/%s/Dockerfile" % word(r), "\n".join(out) + "\n"
    if k == "heredoc":
        kk = r.randint(0, 3)
        if kk == 0:
            s = Sec(ctx, fmt="npm-token")
            text = "cat > ~/.npmrc <<'EOF'\n//registry.npmjs.org/:_authToken=%s\n@%s:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=%s\nEOF\n" % (
                s.lab(), company(r), ctx.N("${GITHUB_TOKEN}", "reference", "env-interp"))
        elif kk == 1:
            lines = []
            for _ in range(r.randint(1, 3)):
                s = Sec(ctx, "env")
                lines.append("  %s: %s" % (s.env, ('"%s"' % s.lab(s.v.replace("\\", "\\\\").replace('"', '\\"')))))
            for _ in range(r.randint(1, 3)):
                nm, vv, c, sb, d, raw = ctx.ng.assign("yaml")
                if "\n" in vv or raw:
                    continue
                lines.append('  %s: "%s"' % (nm, ctx.N(vv.replace('"', '\\"'), c, sb, d)))
            text = "cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\ntype: Opaque\nstringData:\n%s\nEOF\n" % (
                word(r) + "-secrets", r.choice(["prod", "default"]), "\n".join(lines))
        elif kk == 2:
            s = Sec(ctx, "env")
            q = "'%s'" % s.lab() if "'" not in s.v else '"%s"' % s.lab(s.v.replace('"', '\\"').replace("$", "\\$"))
            text = "kubectl create secret generic %s \\\n  --from-literal=%s=%s \\\n  --from-literal=username=%s \\\n  --dry-run=client -o yaml | kubectl apply -f -\n" % (
                word(r), s.env.lower(), q, r.choice(["app", "admin"]))
        else:
            s = Sec(ctx, "env-any")
            if s.multiline:
                text = "read -r -d '' %s <<'KEY'\n%s\nKEY\nexport %s\n" % (s.env, s.lab(), s.env)
            else:
                text = "export %s=$(cat <<'EOF'\n%s\nEOF\n)\n" % (s.env, s.lab())
        rest = "\n".join(neg_line(ctx, "sh") for _ in range(r.randint(2, 4)))
        return "scripts/bootstrap-%s.sh" % word(r), "#!/bin/sh\nset -e\n" + rest + "\n" + text
    if k == "pwsh":
        out = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            kk = r.randint(0, 3)
            if kk == 0:
                out.append('$env:%s = "%s"' % (s.env, s.lab(s.v.replace("`", "``").replace('"', '`"').replace("$", "`$"))))
            elif kk == 1:
                out.append("[Environment]::SetEnvironmentVariable('%s', '%s', 'User')" % (s.env, s.lab(s.v.replace("'", "''"))))
            elif kk == 2:
                out.append('setx %s "%s"' % (s.env, s.lab(s.v.replace('"', '\\"'))))
            else:
                out.append('set "%s=%s"' % (s.env, s.lab(s.v.replace("^", "^^").replace("&", "^&").replace("|", "^|").replace("<", "^<").replace(">", "^>"))))
        for _ in range(r.randint(2, 4)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("env")
            if "\n" in vv or raw:
                continue
            out.append('$env:%s = "%s"' % (nm, ctx.N(vv.replace("$", "`$").replace('"', '`"'), c, sb, d)))
        if r.chance(0.5):
            s = Sec(ctx, "env")
            out.append("$body = @\"\n{\n  \"%s\": \"%s\"\n}\n\"@" % (s.env.lower(), s.lab(s.v.replace('"', '\\"'))))
        r.shuffle(out)
        return "scripts/setup-%s.ps1" % word(r), "\n".join(out) + "\n"
    if k == "makefile":
        s = Sec(ctx, "env")
        s2 = Sec(ctx, "header")
        a = s2.f.api or {}
        text = ("export %s := %s\nIMAGE ?= ghcr.io/%s/api\nTAG := $(shell git rev-parse --short HEAD)\n\ndeploy:\n\tcurl -fsS -X POST https://%s%s \\\n"
                "\t  -H \"%s: %s%s\" \\\n\t  -d '{\"tag\":\"$(TAG)\"}'\n\nrelease:\n\tdocker login ghcr.io -u ci -p $(%s)\n") % (
            s.env, s.lab(s.v.replace("$", "$$").replace("#", "\\#")), company(r), api_host(ctx, s2), api_path(ctx, s2), a.get("hdr", "Authorization"),
            (a.get("scheme") + " ") if a.get("scheme") else "", s2.lab(), ctx.N("GHCR_TOKEN", "reference", "make-variable"))
        return "Makefile", text + "\n".join("# " + neg_line(ctx, "env") for _ in range(r.randint(1, 3))) + "\n"
    s = Sec(ctx, "pem")
    text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls-%s\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: |\n    %s\n  tls.key: |\n    %s\n" % (
        word(r), ctx.N(ctx.ng.pubkey("certificate")[0].replace("\n", "\n    "), "public-key", "certificate"), s.lab(s.v.replace("\n", "\n    ")))
    return "k8s/tls-%s.yaml" % word(r), text


def t_registry_auth(ctx):
    r = ctx.r
    k = r.wpick([("docker-config", 2), ("npmrc", 2), ("pypirc", 1), ("netrc", 1.5), ("nginx-basic", 1), ("htpasswd", 0.8), ("dockerconfigjson", 1),
                 ("composer", 0.8), ("gradle", 1), ("pip-conf", 0.8)])
    if k == "docker-config":
        out = ['{', '  "auths": {']
        ents = []
        for reg in r.sample(["ghcr.io", "https://index.docker.io/v1/", "%s.azurecr.io" % company(r), "registry.gitlab.com",
                             "%d.dkr.ecr.eu-west-1.amazonaws.com" % r.randint(10 ** 11, 10 ** 12 - 1)], r.randint(1, 3)):
            kk = r.randint(0, 3)
            if kk == 0:
                tok = Sec(ctx, fmt=r.choice(["github-pat", "docker-hub-pat", "gitlab-pat"]))
                ents.append('    "%s": {\n      "auth": "%s"\n    }' % (reg, lab_as(ctx, base64.b64encode(("%s:%s" % (people(r)[1], tok.v)).encode()).decode(), "docker-config-auth")))
            elif kk == 1:
                ents.append('    "%s": {\n      "auth": "%s"\n    }' % (reg, lab_as(ctx, base64.b64encode(("%s:%s" % ("ci-bot", password(r))).encode()).decode(), "docker-config-auth")))
            elif kk == 2:
                ents.append('    "%s": {\n      "auth": "%s",\n      "identitytoken": "%s"\n    }' % (
                    reg, ctx.N(base64.b64encode(b"00000000-0000-0000-0000-000000000000:").decode(), "encoded-data", "acr-null-user"), Sec(ctx, fmt="jwt").lab()))
            else:
                ents.append('    "%s": {}' % reg)
        out.append(",\n".join(ents))
        out += ["  },", '  "credsStore": "%s",' % r.choice(["desktop", "osxkeychain", "pass"]), '  "currentContext": "default"', "}"]
        if ctx.nsec == 0:
            out.insert(2, '    "quay.io": {\n      "auth": "%s"\n    },' % lab_as(ctx, base64.b64encode(("robot:%s" % r.ualnum(64)).encode()).decode(), "docker-config-auth"))
        return "home/.docker/config.json", "\n".join(out) + "\n"
    if k == "npmrc":
        s = Sec(ctx, fmt="npm-token")
        pw = password(r)
        nx = "nexus.%s.internal" % company(r)
        gh = ctx.N("${NODE_AUTH_TOKEN}", "reference", "env-interp") if r.chance(0.5) else Sec(ctx, fmt=r.choice(["github-pat", "github-fine-grained-pat"])).lab()
        out = ["registry=https://registry.npmjs.org/", "//registry.npmjs.org/:_authToken=%s" % s.lab(),
               "@%s:registry=https://npm.pkg.github.com" % company(r), "//npm.pkg.github.com/:_authToken=%s" % gh,
               "//%s/repository/npm/:username=deploy" % nx,
               "//%s/repository/npm/:_password=%s" % (nx, lab_as(ctx, base64.b64encode(pw.encode()).decode(), "k8s-secret-data")),
               "//%s/repository/npm/:email=ci@%s.com" % (nx, nx.split(".")[1]), "always-auth=true"]
        if r.chance(0.4):
            out.append("_auth=%s" % basic(ctx, "ci", password(r)))
        out.append("package-lock=true")
        return "home/.npmrc", "\n".join(out) + "\n"
    if k == "pypirc":
        s = Sec(ctx, fmt="pypi-token")
        out = ["[distutils]", "index-servers =", "    pypi", "    testpypi", "    private", "", "[pypi]", "username = __token__", "password = %s" % s.lab(),
               "", "[testpypi]", "repository = https://test.pypi.org/legacy/", "username = __token__", "password = %s" % ctx.N("<test-token>", "placeholder", "angle"),
               "", "[private]", "repository = https://pkgs.%s.com/simple/" % company(r), "username = deploy", "password = %s" % Sec(ctx, fmt="password").lab()]
        return "home/.pypirc", "\n".join(out) + "\n"
    if k == "netrc":
        out = []
        for _ in range(r.randint(1, 3)):
            kk = r.randint(0, 3)
            if kk == 0:
                out.append("machine api.wandb.ai\n  login user\n  password %s" % Sec(ctx, fmt="wandb-api-key").lab())
            elif kk == 1:
                out.append("machine github.com login %s password %s" % (people(r)[1], Sec(ctx, fmt=r.choice(["github-pat", "github-oauth-token"])).lab()))
            elif kk == 2:
                out.append("machine api.heroku.com\n  login %s\n  password %s" % (email_of(r, people(r)[1]), Sec(ctx, fmt="heroku-api-key").lab()))
            else:
                out.append("machine ftp.%s.com login backup password %s" % (company(r), Sec(ctx, fmt="password").lab()))
        out.append("machine localhost login dev password %s" % ctx.N(*ctx.ng.testval()[:4]))
        return "home/.netrc", "\n".join(out) + "\n"
    if k == "nginx-basic":
        out = ["server {", "    listen 443 ssl;", "    server_name internal.%s.com;" % company(r), "    location /grafana/ {",
               "        proxy_pass http://grafana:3000/;", '        proxy_set_header Authorization "Basic %s";' % basic(ctx, "admin", password(r)),
               "    }", "    location /api/ {", "        proxy_pass https://upstream.%s.com/;" % company(r)]
        s = Sec(ctx, "header")
        for n, v in auth_headers(ctx, s):
            out.append('        proxy_set_header %s "%s";' % (n, v))
        out += ["        proxy_set_header X-Request-Id $request_id;", "    }", "    auth_basic_user_file /etc/nginx/.htpasswd;", "}"]
        return "nginx/conf.d/%s.conf" % word(r), "\n".join(out) + "\n"
    if k == "htpasswd":
        out = []
        for _ in range(r.randint(3, 6)):
            h = r.choice(["bcrypt", "bcrypt", "apr1", "sha"])
            u = r.choice(["admin", "ops", "grafana", "kenji", "ana", "deploy", "ci"])
            if h == "bcrypt":
                out.append("%s:%s" % (u, ctx.N(ctx.ng.hash("bcrypt")[0], "hash", "bcrypt")))
            elif h == "apr1":
                out.append("%s:%s" % (u, ctx.N("$apr1$%s$%s" % (r.alnum(8), r.s("./" + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 22)), "hash", "apr1")))
            else:
                out.append("%s:%s" % (u, ctx.N("{SHA}" + r.b64bytes(20), "hash", "sha1")))
        s = Sec(ctx, fmt="password")
        text = "$ htpasswd -bB /etc/nginx/.htpasswd deploy '%s'\nAdding password for user deploy\n$ cat /etc/nginx/.htpasswd\n%s\n" % (
            s.lab(s.v.replace("'", "'\\''")), "\n".join(out))
        return "tool-output/htpasswd-%s.txt" % word(r), text
    if k == "dockerconfigjson":
        tok = Sec(ctx, fmt=r.choice(["github-pat", "docker-hub-pat", "gitlab-deploy-token"]))
        authb = base64.b64encode(("%s:%s" % ("ci", tok.v)).encode()).decode()
        inner = json.dumps({"auths": {"ghcr.io": {"username": "ci", "password": tok.v, "auth": authb}}}, separators=(",", ":"))
        text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n  namespace: %s\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: %s\n" % (
            r.choice(["prod", "default"]), lab_as(ctx, base64.b64encode(inner.encode()).decode(), "k8s-secret-data"))
        return "k8s/regcred-%s.yaml" % word(r), text
    if k == "composer":
        s = Sec(ctx, fmt="github-oauth-token")
        text = '{\n    "http-basic": {\n        "repo.packagist.com": {\n            "username": "token",\n            "password": "%s"\n        }\n    },\n    "github-oauth": {\n        "github.com": "%s"\n    },\n    "bearer": {\n        "private.%s.com": "%s"\n    }\n}\n' % (
            lab_as(ctx, r.hex(40), "bearer-token"), s.lab(), company(r), ctx.N("%PRIVATE_TOKEN%", "reference", "env-interp"))
        return "home/.composer/auth.json", text
    if k == "gradle":
        pw = Sec(ctx, fmt="password")
        out = ["org.gradle.jvmargs=-Xmx4g", "ossrhUsername=%s" % people(r)[1], "ossrhPassword=%s" % pw.lab(pw.v.replace("\\", "\\\\")),
               "signing.keyId=%s" % ctx.N(r.HEX(8), "identifier", "gpg-key-id"), "signing.password=%s" % Sec(ctx, fmt="password").lab(),
               "signing.secretKeyRingFile=%s" % ctx.N("/home/ci/.gnupg/secring.gpg", "file-path", "path"),
               "githubPackagesToken=%s" % Sec(ctx, fmt="github-pat").lab(), "android.useAndroidX=true"]
        return "home/.gradle/gradle.properties", "\n".join(out) + "\n"
    s = Sec(ctx, fmt=r.choice(["azure-devops-pat", "gitlab-deploy-token", "password"]))
    u = "https://%s:%s@pkgs.dev.azure.com/%s/_packaging/%s/pypi/simple/" % (r.choice(["build", "ci"]), Q(s.v), company(r), word(r))
    text = "[global]\nindex-url = %s\nextra-index-url = https://pypi.org/simple\ntrusted-host = pkgs.dev.azure.com\ntimeout = 60\n" % s.lab(u)
    return "home/.config/pip/pip.conf", text


def t_dotenv_encoded(ctx):
    """.env files with data URIs, base64 JSON credentials, escaped PEMs and mixed quoting."""
    r = ctx.r
    out = ["# generated %s — do not commit" % r.date_iso()]
    k = r.randint(0, 3)
    if k == 0:
        b = base64.b64encode(plain_sa_json(ctx).encode()).decode()
        out.append("GOOGLE_CREDENTIALS_BASE64=%s" % lab_as(ctx, b, "gcp-service-account-key"))
    elif k == 1:
        b = base64.b64encode((FORMATS["openssh-private-key"].gen(r) + "\n").encode()).decode()
        out.append("SSH_PRIVATE_KEY_B64=%s" % lab_as(ctx, b, "openssh-private-key"))
    elif k == 2:
        b = base64.b64encode(plain_sa_json(ctx).encode()).decode()
        out.append("FIREBASE_SERVICE_ACCOUNT=data:application/json;base64,%s" % lab_as(ctx, b, "gcp-service-account-key"))
    else:
        s = Sec(ctx, fmt=r.choice(["pkcs8-private-key", "ec-private-key", "rsa-private-key"]))
        out.append('%s="%s"' % (r.choice(["APPLE_PRIVATE_KEY", "JWT_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY"]), s.lab(s.v.replace("\n", "\\n"))))
    out.append("JWT_PUBLIC_KEY=\"%s\"" % ctx.N(ctx.ng.pubkey("pem-public-key")[0].replace("\n", "\\n"), "public-key", "pem-public-key"))
    out.append("LOGO_DATA_URI=%s" % ctx.N(*ctx.ng.encoded("png-data-uri")[:4]))
    for _ in range(r.randint(1, 3)):
        s = Sec(ctx, "env")
        q = r.choice(["", "'", '"', "`"])
        if q == "" and not all(c.isalnum() or c in "_-./:+=@%~," for c in s.v):
            q = "'"
        if q in ("'", "`") and q in s.v:
            q = '"'
        val = s.v.replace('"', '\\"') if q == '"' else s.v
        out.append("%s%s=%s%s%s%s" % (r.choice(["", "", "export "]), s.env, q, s.lab(val), q, r.choice(["", "", "  # rotated Jan", " # prod"])))
    for _ in range(r.randint(2, 5)):
        out.append(neg_line(ctx, "env"))
    out.append("ENCODED_FLAGS=%s" % ctx.N(*ctx.ng.encoded("json-base64")[:4]))
    out.append(filler(r, "env"))
    head, rest = out[:1], out[1:]
    r.shuffle(rest)
    return "dotenv/%s/%s" % (word(r), r.choice([".env", ".env.local", ".env.production", ".env.ci"])), "\n".join(head + rest) + "\n"


def t_shell_quoting(ctx):
    r = ctx.r
    out = ["#!/usr/bin/env bash", "# one-off commands from the runbook"]
    cmds = []
    pw = Sec(ctx, fmt="password")
    pwv = pw.v
    k = r.randint(0, 6)
    if k == 0:
        cmds.append("mysql -h %s -u root -p'%s' -e 'SHOW DATABASES'" % (r.ip(), pw.lab(pwv.replace("'", "'\\''"))))
    elif k == 1:
        cmds.append("PGPASSWORD='%s' psql -h %s -U app -d app -c 'select 1'" % (pw.lab(pwv.replace("'", "'\\''")), r.ip()))
    elif k == 2:
        cmds.append("sshpass -p \"%s\" ssh -o StrictHostKeyChecking=no root@%s uptime" % (pw.lab(pwv.replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")), r.ip()))
    elif k == 3:
        cmds.append("redis-cli -h %s -a '%s' --no-auth-warning INFO keyspace" % (r.ip(), pw.lab(pwv.replace("'", "'\\''"))))
    elif k == 4:
        cmds.append("echo '%s' | docker login registry.%s.com -u deploy --password-stdin" % (pw.lab(pwv.replace("'", "'\\''")), company(r)))
    elif k == 5:
        cmds.append("mongosh \"mongodb://admin@%s:27017/admin\" --password `echo %s`" % (r.ip(), pw.lab(pwv)) if all(c.isalnum() or c in "-_." for c in pwv)
                    else "mongosh \"mongodb://admin@%s:27017/admin\" --password '%s'" % (r.ip(), pw.lab(pwv.replace("'", "'\\''"))))
    else:
        cmds.append("ldapsearch -x -H ldaps://ldap.%s.com -D 'cn=admin,dc=%s,dc=com' -w '%s' -b 'dc=%s,dc=com'" % (
            company(r), company(r), pw.lab(pwv.replace("'", "'\\''")), company(r)))
    s = Sec(ctx, "env")
    cmds.append('docker run --rm -e "%s=%s" -e LOG_LEVEL=debug ghcr.io/%s/worker:latest' % (s.env, s.lab(s.v.replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")), company(r)))
    if r.chance(0.6):
        s2 = Sec(ctx, "env")
        cmds.append("gh secret set %s --repo %s/%s --body '%s'" % (s2.env, company(r), word(r), s2.lab(s2.v.replace("'", "'\\''"))))
    if r.chance(0.4):
        s3 = Sec(ctx, "selfid")
        cmds.append("set -gx %s %s   # fish" % (s3.env, s3.lab()))
    for _ in range(r.randint(3, 6)):
        kk = r.randint(0, 4)
        if kk == 0:
            cmds.append('curl -H "Authorization: Bearer %s" https://api.%s.com/v1/me' % (ctx.N("$(op read op://Prod/api/token)", "reference", "cmd-subst"), company(r)))
        elif kk == 1:
            cmds.append("export DB_PASSWORD=%s" % ctx.N("$(aws ssm get-parameter --name /prod/db/password --with-decryption --query Parameter.Value --output text)", "reference", "cmd-subst"))
        elif kk == 2:
            cmds.append("git checkout %s -- .env.example" % ctx.N(r.hex(7), "hash", "git-short-sha"))
        elif kk == 3:
            cmds.append("sha256sum release.tar.gz  # %s" % ctx.N(r.hex(64), "hash", "sha256"))
        else:
            cmds.append(neg_line(ctx, "sh"))
    r.shuffle(cmds)
    return "runbooks/%s.sh" % word(r), "\n".join(out + cmds) + "\n"


TEMPLATES = [
    ("access-log", t_access_log, 38),
    ("form-body", t_form_body, 30),
    ("xml-html", t_xml_html, 42),
    ("nested-json", t_nested_json, 48),
    ("split-values", t_split, 42),
    ("registry-auth", t_registry_auth, 35),
    ("dotenv-encoded", t_dotenv_encoded, 25),
    ("shell-quoting", t_shell_quoting, 25),
]
