"""Files that give formats with a fixed home their natural file, for the formats that have come up least so far.

Also the REST-client .http kind (JetBrains HTTP client / VS Code REST Client request files)."""
from h13_core import (AN, ANL, b64, b64s, case, domain, email, host, org, password, pick, rbytes, rs, rs_any, username,
                      SERVICES, REGIONS, ts, semver)
from h13_formats import FORMATS, PEM_FORMATS, gen
from h13_common import nl, uuid_neg, iso
import h13_negs as NG
import h13_kinds_a as KA
import h13_kinds_b as KB

HEADER_FMTS = ("http-basic-credentials", "proxy-authorization-basic", "x-api-key-header", "session-cookie-token", "url-query-access-token",
               "oauth-access-token-response", "oauth-refresh-token-response")


def http_file(G, d, r, want=None):
    o = domain(r)
    L = ["# %s" % pick(r, ("Requests for local debugging", "Partner API smoke tests", "Copied from the Postman collection", "Admin endpoints"))]
    L += ["@baseUrl = https://api.%s" % o, ""]
    fmts = list(r.sample(HEADER_FMTS[:5], r.randint(1, 3)))
    if want and want not in fmts:
        fmts[0] = want
    for f in fmts:
        L.append("### %s" % pick(r, ("List orders", "Get current user", "Create webhook", "Export report", "Token exchange")))
        if f == "url-query-access-token":
            L.append("GET {{baseUrl}}/v1/export?format=csv&access_token=%s" % d.S(gen(r, f), f))
        elif f in ("oauth-access-token-response", "oauth-refresh-token-response"):
            L += ["POST {{baseUrl}}/oauth/token", "Content-Type: application/x-www-form-urlencoded", "",
                  "grant_type=refresh_token&refresh_token=%s&client_id=%s" % (d.S(gen(r, "oauth-refresh-token-response"), "oauth-refresh-token-response"), d.N(rs_any(r, AN, 24), "public-identifier", "oauth-client-id"))]
            L.append("")
            L.append("> {%% client.global.set(\"token\", response.body.access_token); %%}")
            L.append("")
            L.append("### Use the token")
            L.append("GET {{baseUrl}}/v1/me")
            L.append("Authorization: Bearer %s" % d.S(gen(r, "oauth-access-token-response"), "oauth-access-token-response"))
        else:
            L.append("%s {{baseUrl}}/v1/%s" % (pick(r, ("GET", "POST")), pick(r, ("orders", "me", "webhooks", "reports/daily"))))
            if f == "http-basic-credentials":
                L.append("Authorization: Basic %s" % d.S(gen(r, f), f))
            elif f == "proxy-authorization-basic":
                L.append("Proxy-Authorization: Basic %s" % d.S(gen(r, f), f))
            elif f == "x-api-key-header":
                L.append("X-API-Key: %s" % d.S(gen(r, f), f))
            else:
                L.append("Cookie: %s=%s; locale=en" % (pick(r, ("auth_token", "session_token", "__Secure-next-auth.session-token", "access_token")), d.S(gen(r, f), f)))
        L.append("Accept: application/json")
        if r.random() < 0.4:
            L.append("X-Request-Id: %s" % uuid_neg(d, r, "request-id"))
        L.append("")
    if r.random() < 0.5:
        L += ["### With the env token", "GET {{baseUrl}}/v1/me", "Authorization: Bearer %s" % d.N("{{token}}", "template-var", "http-client"), ""]
    return G.rpath(G.repo(r), pick(r, ("requests.http", "api.http", "http/%s.http" % pick(r, SERVICES), "scratch/debug.http"))), nl(L)


def k_http_file(G, d, r):
    return http_file(G, d, r)


def key_file(G, d, r, f):
    u = G.user(r)
    if f.startswith("openssh") or f == "putty-private-key":
        nm = {"putty-private-key": "%s.ppk" % pick(r, ("id_ed25519", "server", "deploy"))}.get(f, pick(r, ("id_ed25519", "id_ecdsa", "github_deploy", "bastion_key", "gitlab_ci")))
        return G.hpath(u, ".ssh/" + nm), d.S(gen(r, f), f) + "\n"
    if f == "pgp-private-key-block":
        return G.hpath(u, pick(r, ("keys/%s-secret.asc" % username(r).split(".")[0], "Documents/gpg-backup/secret-subkeys.asc", ".gnupg/release-signing.asc"))), d.S(gen(r, f), f) + "\n"
    if f == "openvpn-static-key":
        return G.uniq("etc/openvpn/%s/ta.key" % pick(r, ("server", "client", org(r)))), "#\n# 2048 bit OpenVPN static key\n#\n" + d.S(gen(r, f), f) + "\n"
    return G.rpath(G.repo(r), pick(r, ("certs/server.key", "tls/tls.key", "config/ssl/private.pem", "keys/jwt-private.pem", "deploy/signing.key", "secrets/saml-sp.key"))), d.S(gen(r, f), f) + "\n"


def topup_file(G, d, r, f):
    if f in PEM_FORMATS:
        return key_file(G, d, r, f)
    if f in ("gcp-service-account-private-key", "gcp-private-key-id"):
        p = G.rpath(G.repo(r), pick(r, ("credentials.json", "service-account.json", "config/gcp-key.json", "deploy/%s-sa.json" % pick(r, SERVICES))))
        return p, KA.sa_json(G, d, r)
    if f == "github-app-private-key":
        return G.rpath(G.repo(r), pick(r, (".github/app.private-key.pem", "config/github-app.pem", "%s-bot.%s.private-key.pem" % (pick(r, SERVICES), ts(r)[:10])))), d.S(gen(r, f), f) + "\n"
    if f == "apple-p8-private-key":
        return G.rpath(G.repo(r), "keys/AuthKey_%s.p8" % rs_any(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10)), d.S(gen(r, f), f) + "\n"
    if f == "tls-private-key-inline":
        return G.rpath(G.repo(r), pick(r, ("certs/bundle.pem", "haproxy/site.pem", "tls/combined.pem"))), nl([d.N(NG.pem_cert(r), "certificate", "pem"), d.S(gen(r, f), f)])
    if f == "kubeconfig-client-key-data":
        cn = "%s-%s" % (pick(r, ("prod", "staging", "dev")), pick(r, REGIONS))
        text = ("apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority-data: %s\n    server: https://%s:6443\n  name: %s\ncontexts:\n- context:\n    cluster: %s\n    user: admin-%s\n  name: %s\n"
                "current-context: %s\nusers:\n- name: admin-%s\n  user:\n    client-certificate-data: %s\n    client-key-data: %s\n") % (
            d.N(b64s(NG.pem_cert(r) + "\n"), "certificate", "ca-data"), host(r, "svc"), cn, cn, cn, cn, cn, cn, d.N(b64s(NG.pem_cert(r) + "\n"), "certificate", "client-cert-data"), d.S(gen(r, f), f))
        return G.hpath(G.user(r), ".kube/%s.yaml" % cn), text
    if f == "k8s-secret-tls-key":
        ns = pick(r, SERVICES)
        return G.rpath(G.repo(r), "k8s/%s-tls.yaml" % ns), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-tls\n  namespace: %s\ntype: kubernetes.io/tls\ndata:\n  tls.crt: %s\n  tls.key: %s\n" % (
            ns, ns, d.N(b64s(NG.pem_cert(r) + "\n"), "certificate", "k8s-tls-crt"), d.S(gen(r, f), f))
    if f == "jwk-private-d":
        return KA.k_jwks(G, d, r)
    if f == "k8s-secret-data":
        ns = pick(r, SERVICES)
        data = "\n".join("  %s: %s" % (k, d.S(gen(r, f), f)) for k in r.sample(["password", "api-key", "token", "DB_PASSWORD"], 2))
        return G.rpath(G.repo(r), "k8s/%s-secret.yaml" % ns), "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-credentials\n  namespace: %s\ntype: Opaque\ndata:\n%s\n" % (ns, ns, data)
    if f == "docker-config-auth":
        return KA.k_docker_config(G, d, r)
    if f in ("npmrc-auth-basic", "npmrc-password-b64"):
        reg = "nexus.%s/repository/npm-group/" % domain(r)
        if f == "npmrc-auth-basic":
            L = ["registry=https://%s" % reg, "//%s:_auth=%s" % (reg, d.S(gen(r, f), f)), "always-auth=true"]
        else:
            L = ["registry=https://%s" % reg, "//%s:username=%s" % (reg, username(r)), "//%s:_password=%s" % (reg, d.S(gen(r, f), f)), "//%s:email=%s" % (reg, email(r)), "always-auth=true"]
        return G.rpath(G.repo(r), ".npmrc"), nl(L)
    if f in HEADER_FMTS:
        return http_file(G, d, r, want=f)
    simple = {"wifi-psk": KB.k_wifi, "pgpass-password": KA.k_pgpass, "mycnf-password": KA.k_mycnf, "pypirc-password": KA.k_pypirc, "rclone-obscured-password": KA.k_rclone,
              "gradle-properties-password": KA.k_gradle_props, "s3cfg-secret-key": KA.k_s3cfg, "xml-password-attribute": KB.k_tomcat, "snmp-community-string": KB.k_cisco,
              "cisco-type7-password": KB.k_cisco, "bundler-source-credentials": KA.k_bundle_config, "git-credential-store-url": KA.k_git_credentials,
              "azure-cli-refresh-token": KA.k_azure_cli, "secret-file-content": KA.k_secret_file}
    if f in simple:
        return simple[f](G, d, r)
    if f == "netrc-password":
        L = ["machine %s login %s password %s" % (pick(r, ("ftp.%s" % domain(r), "artifacts.%s" % domain(r), "urs.earthdata.nasa.gov")), username(r), d.S(password(r), f))]
        return G.hpath(G.user(r), ".netrc"), nl(L)
    if f == "maven-settings-password":
        text = ('<settings>\n  <servers>\n    <server>\n      <id>%s</id>\n      <username>%s</username>\n      <password>%s</password>\n    </server>\n  </servers>\n</settings>\n' % (
            pick(r, ("nexus-releases", "artifactory", "ossrh")), username(r), d.S(password(r), f)))
        return G.hpath(G.user(r), ".m2/settings.xml"), text
    if f == "htpasswd-plaintext-password":
        L = ["#!/bin/sh", "# bootstrap basic auth for the staging ingress", "htpasswd -b -c auth %s %s" % (pick(r, ("admin", "qa", "staging")), d.S(password(r, url_safe=True), f)),
             "kubectl create secret generic basic-auth --from-file=auth -n %s" % pick(r, SERVICES)]
        return G.rpath(G.repo(r), "scripts/create-basic-auth.sh"), nl(L)
    if f == "cli-password-flag":
        return KA.k_shell_history(G, d, r)
    if f == "sql-create-user-password":
        L = ["-- grants for the reporting replica", "CREATE USER '%s'@'%%' IDENTIFIED BY '%s';" % (pick(r, ("report", "metabase", "etl")), d.S(password(r), f)),
             "GRANT SELECT ON %s.* TO '%s'@'%%';" % (pick(r, SERVICES), pick(r, ("report", "metabase", "etl")))]
        return G.rpath(G.repo(r), "db/grants/%s.sql" % pick(r, ("reporting", "replica", "metabase"))), nl(L)
    if f == "terraform-state-secret":
        return KB.k_tfstate(G, d, r)
    if f == "wordpress-auth-salt":
        from h13_kinds_c import k_wpconfig
        return k_wpconfig(G, d, r)
    if f == "aspnet-machine-key":
        text = '<?xml version="1.0" encoding="utf-8"?>\r\n<configuration>\r\n  <system.web>\r\n    <machineKey validationKey="%s" decryptionKey="%s" validation="HMACSHA256" decryption="AES" />\r\n  </system.web>\r\n</configuration>\r\n' % (
            d.S(gen(r, f), f), d.S(rs(r, "0123456789ABCDEF", 64), f))
        return G.rpath(G.repo(r), "src/Web/Web.Release.config"), text
    if FORMATS[f]["kv"]:
        L = ["# %s" % pick(r, ("local overrides", "staging", "copied from 1Password for the demo"))]
        nm, vm, v, f2 = G.kv.secret(d, r, "yaml", fmt=f)
        L.append("%s='%s'" % (case(nm, "UP"), vm))
        for _ in range(r.randint(0, 2)):
            L.append(G.kv.secret_line(d, r, "dotenv"))
        L.append(G.kv.neg_line(d, r, "dotenv"))
        return G.rpath(G.repo(r), pick(r, (".env.local", ".env.staging", "config/.env.demo"))), nl(L)
    return http_file(G, d, r)


def http_file_token(G, d, r):
    return http_file(G, d, r, want="oauth-access-token-response")


def k_topup(G, d, r):
    f = G.most_needed(r)
    return topup_file(G, d, r, f)


def k_topup_final(G, d, r):
    """The last file: a developer's env dump holding whatever formats are still under 4 labels (usually none or a few)."""
    need = [(f, 4 - G.count[f]) for f in G.kv_formats if G.count[f] < 4]
    if not need:
        return k_topup(G, d, r)
    day = ts(r)[:10]
    L = ["# printenv | grep -E 'KEY|TOKEN|SECRET|PASS|URL' > ~/env-backup-%s.txt" % day]
    for f, k in need:
        for _ in range(k):
            nm, vm, v, f2 = G.kv.secret(d, r, "yaml", fmt=f)
            L.append("%s=%s" % (case(nm, "UP"), vm))
    for _ in range(r.randint(1, 3)):
        L.append(G.kv.neg_line(d, r, "dotenv").replace("export ", ""))
    return G.hpath(G.user(r), "env-backup-%s.txt" % day), nl(L)


KINDS = [("http-file", 8, k_http_file)]
