"""Developer machine: dotfiles, tool credentials and IDE configs."""
import json

from h13_core import (AN, ANL, ANU, B64, HEX, b64, b64s, case, domain, email, host, jesc, org, password, pick, rbytes, rs,
                      rs_any, username, uuid4, wrap, SERVICES, REGIONS, WORDS, epoch, ts, semver, person, ip)
from h13_formats import FORMATS, gen, ghtok, PEM_FORMATS, jwt, std_claims
from h13_common import filler_items, kv_block, nl, rnd_comment, git_sha_neg, uuid_neg, sha256_neg, iso
from h13_kv import assign, value_ok
import h13_negs as NG


def k_dotenv(G, d, r):
    repo = G.repo(r)
    name = pick(r, (".env", ".env", ".env.local", ".env.production", ".env.staging", ".env.development.local", "config/.env.docker",
                    "deploy/.env.prod", ".env.example", ".env.sample", ".env.test.local"))
    example = name in (".env.example", ".env.sample")
    L = []
    if r.random() < 0.6:
        L.append(rnd_comment(r))
    groups = r.randint(2, 5)
    for g in range(groups):
        if r.random() < 0.7:
            L.append("")
            L.append("# " + pick(r, ("Database", "Cache", "Third-party APIs", "Auth", "Email", "Payments", "Storage", "Observability",
                                     "Feature flags", "AI providers", "Queue", "Misc")))
        if example:
            L += kv_block(G, d, r, "dotenv", 0, r.randint(2, 4), r.randint(1, 3))
        else:
            L += kv_block(G, d, r, "dotenv", r.randint(0, 2) + (1 if g == 0 else 0), r.randint(1, 3), r.randint(1, 4))
    if not example and r.random() < 0.2:
        # a PEM key squeezed onto one line with \n escapes
        f = G.pem.next(lambda x: x in ("pem-rsa-private-key", "pem-pkcs8-rsa-private-key", "pem-pkcs8-ec-private-key", "pem-ec-private-key"))
        v = gen(r, f)
        nm = pick(r, ("JWT_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY", "APNS_PRIVATE_KEY", "SAML_SP_PRIVATE_KEY", "SIGNING_PRIVATE_KEY"))
        fmt = "github-app-private-key" if nm.startswith("GITHUB") else f
        L.append('%s="%s"' % (nm, d.S(v, fmt, raw=v.replace("\n", "\\n"), esc=1)))
    text = nl(L).lstrip("\n")
    if r.random() < 0.15:
        text = d.transform(text, "crlf")
    return G.rpath(repo, name), text


SAFE_CMDS = ["ls -la", "cd ..", "git status", "git pull --rebase", "kubectl get pods -n %s" % "default", "docker ps", "npm run dev", "make test",
             "vim config/settings.py", "code .", "htop", "git log --oneline -20", "terraform plan", "docker compose up -d",
             "kubectl logs -f deploy/api", "python -m venv .venv", "source .venv/bin/activate", "pip install -r requirements.txt",
             "go test ./...", "cargo build --release", "brew upgrade", "ssh bastion", "aws sts get-caller-identity",
             "gcloud config list", "az account show", "k9s", "helm list -A", "tail -f /var/log/syslog", "psql -h localhost -U postgres",
             "openssl rand -hex 32", "jq . response.json", "curl -I https://status.github.com", "git stash pop", "npm ci",
             "yarn build", "poetry install", "mvn -q package", "./gradlew assembleRelease", "pytest -x -k auth", "gh pr create --fill"]


def history_cmds(G, d, r, n):
    cmds = []
    for _ in range(n):
        c = r.random()
        if c < 0.55:
            cmds.append(pick(r, SAFE_CMDS))
            continue
        k = r.randrange(26)
        if r.random() < 0.25:
            k = 0
        if k == 0:
            nm, vm, v, f = G.kv.secret(d, r, "shell")
            cmds.append("export %s=%s" % (case(nm, "UP"), vm if all(ch.isalnum() or ch in "_-./:+=@" for ch in v) else "'%s'" % vm))
        elif k == 1:
            nm, vm, v, f = G.kv.secret(d, r, "shell", pred=lambda x: FORMATS[x]["family"] in ("http-auth", "github", "gitlab", "ai", "saas", "context"))
            cmds.append('curl -s -H "Authorization: Bearer %s" https://api.%s/v1/%s | jq .' % (vm, domain(r), pick(r, ("me", "projects", "users?limit=5", "status"))))
        elif k == 2:
            cmds.append("curl -u %s:%s https://%s/api/json" % (username(r), d.S(password(r, url_safe=True), "cli-password-flag"), host(r, "svc")))
        elif k == 3:
            cmds.append("mysql -u root -p%s -h %s %s" % (d.S(password(r, url_safe=True), "cli-password-flag"), host(r), pick(r, SERVICES)))
        elif k == 4:
            f = pick(r, ("postgres-url", "postgresql-url", "cockroachdb-url"))
            cmds.append('psql "%s"' % d.S(gen(r, f), f))
        elif k == 5:
            f = pick(r, ("dockerhub-pat", "cli-password-flag"))
            cmds.append("docker login -u %s -p %s %s" % (username(r).replace(".", ""), d.S(gen(r, f) if f != "cli-password-flag" else password(r, url_safe=True), f),
                                                       pick(r, ("", "registry.%s" % domain(r), "ghcr.io"))))
        elif k == 6:
            cmds.append("git clone %s" % d.S(gen(r, "git-credential-url"), "git-credential-url"))
        elif k == 7:
            cmds.append("kubectl create secret generic %s --from-literal=password=%s -n %s" % (pick(r, SERVICES) + "-db", d.S(password(r, url_safe=True), "cli-password-flag"), pick(r, SERVICES)))
        elif k == 8:
            cmds.append("aws configure set aws_secret_access_key %s --profile %s" % (d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key"), pick(r, ENV_PROFILES)))
        elif k == 9:
            cmds.append("gh auth login --with-token < %s" % d.N(pick(r, ("~/gh-token.txt", "/tmp/token", "~/.config/tokens/gh")), "file-path", "path"))
        elif k == 10:
            cmds.append('echo %s | docker login ghcr.io -u %s --password-stdin' % (d.N("$" + pick(r, ("GITHUB_TOKEN", "CR_PAT", "GHCR_TOKEN")), "env-ref", "shell"), username(r).replace(".", "")))
        elif k == 11:
            v, sub = NG.secret_manager_ref(r)
            cmds.append('export DB_PASSWORD=$(op read "%s")' % d.N("op://Infra/%s-db/password" % pick(r, SERVICES), "secret-manager-ref", "1password"))
        elif k == 12:
            cmds.append("vault kv get -field=password secret/%s/db" % pick(r, SERVICES))
        elif k == 13:
            cmds.append("git checkout %s" % git_sha_neg(d, r, short=r.random() < 0.6))
        elif k == 14:
            cmds.append("docker pull %s/%s@sha256:%s" % (pick(r, ("ghcr.io/" + org(r), "registry.%s" % domain(r))), pick(r, SERVICES), sha256_neg(d, r, "image-digest")))
        elif k == 15:
            nm, vm, v, f = G.kv.secret(d, r, "shell", pred=lambda x: FORMATS[x]["family"] in ("payments", "email", "slack", "ai", "observability"))
            cmds.append("heroku config:set %s=%s -a %s" % (case(nm, "UP"), vm, pick(r, SERVICES) + "-" + pick(r, ("prod", "staging"))))
        elif k == 16:
            cmds.append("npm config set //registry.npmjs.org/:_authToken %s" % d.S(gen(r, "npm-access-token"), "npm-access-token"))
        elif k == 17:
            cmds.append("htpasswd -b -c /etc/nginx/.htpasswd %s %s" % (username(r).split(".")[0], d.S(password(r, url_safe=True), "htpasswd-plaintext-password")))
        elif k == 18:
            cmds.append("redis-cli -h %s -a %s --no-auth-warning INFO" % (host(r), d.S(password(r, url_safe=True), "cli-password-flag")))
        elif k == 19:
            f = pick(r, ("mongodb-srv-url", "mongodb-url"))
            cmds.append('mongosh "%s"' % d.S(gen(r, f), f))
        elif k == 20:
            cmds.append("sshpass -p '%s' ssh %s@%s" % (d.S(password(r, url_safe=True), "cli-password-flag"), pick(r, ("root", "deploy", "ubuntu")), ip(r)))
        elif k == 21:
            f = "url-query-access-token"
            cmds.append('curl "https://api.%s/v1/export?format=csv&access_token=%s"' % (domain(r), d.S(gen(r, f), f)))
        elif k == 22:
            cmds.append('export %s=%s' % (pick(r, ("OPENAI_API_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY")), d.N(pick(r, ("<paste-here>", "xxx", "changeme", "your-key")), "placeholder", "generic")))
        elif k == 23:
            cmds.append("ssh-keygen -lf ~/.ssh/id_ed25519.pub  # %s" % d.N(NG.fingerprint(r), "public-key", "fingerprint"))
        elif k == 24:
            cmds.append("sha256sum dist/app.tar.gz  # %s" % sha256_neg(d, r, "sha256sum"))
        else:
            cmds.append("curl -H 'X-Request-Id: %s' https://api.%s/healthz" % (uuid_neg(d, r, "request-id"), domain(r)))
    return cmds


ENV_PROFILES = ("default", "prod", "staging", "dev", "sandbox", "data", "billing-admin")


def k_shell_history(G, d, r):
    u = G.user(r)
    kind = pick(r, ("bash", "bash", "zsh", "zsh", "fish"))
    cmds = history_cmds(G, d, r, r.randint(20, 70))
    if kind == "bash":
        return G.hpath(u, ".bash_history"), nl(cmds)
    if kind == "zsh":
        t = epoch(r)
        out = []
        for c in cmds:
            t += r.randint(3, 900)
            out.append(": %d:%d;%s" % (t, r.randint(0, 30), c))
        return G.hpath(u, ".zsh_history"), nl(out)
    t = epoch(r)
    out = []
    for c in cmds:
        t += r.randint(3, 900)
        out.append("- cmd: %s\n  when: %d" % (c, t))
    return G.hpath(u, ".local/share/fish/fish_history"), nl(out)


def k_aws_credentials(G, d, r):
    u = G.user(r)
    L = []
    for prof in r.sample(list(ENV_PROFILES), r.randint(1, 4)):
        L.append("[%s]" % prof)
        temp = r.random() < 0.25
        kid = "aws-temp-access-key-id" if temp else "aws-access-key-id"
        L.append("aws_access_key_id = %s" % d.S(gen(r, kid), kid))
        L.append("aws_secret_access_key = %s" % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key"))
        if temp:
            L.append("aws_session_token = %s" % d.S(gen(r, "aws-session-token"), "aws-session-token"))
        if r.random() < 0.3:
            L.append("region = %s" % pick(r, REGIONS))
        L.append("")
    if r.random() < 0.3:
        L += ["[sso-dev]", "credential_process = aws-vault export --format=json sso-dev", ""]
    return G.hpath(u, ".aws/credentials"), nl(L)


def k_aws_config(G, d, r):
    u = G.user(r)
    L = ["[default]", "region = %s" % pick(r, REGIONS), "output = json", ""]
    for prof in r.sample(list(ENV_PROFILES[1:]), r.randint(2, 5)):
        L.append("[profile %s]" % prof)
        if r.random() < 0.5:
            acct = str(r.randint(10**11, 10**12 - 1))
            L.append("role_arn = %s" % d.N("arn:aws:iam::%s:role/%s" % (acct, pick(r, ("OrganizationAccountAccessRole", "Admin", "ReadOnly", "Deployer"))), "cloud-identifier", "aws-role-arn"))
            L.append("source_profile = default")
            if r.random() < 0.5:
                L.append("mfa_serial = %s" % d.N("arn:aws:iam::%s:mfa/%s" % (acct, username(r)), "cloud-identifier", "mfa-arn"))
        else:
            L.append("sso_session = %s" % org(r))
            L.append("sso_account_id = %s" % d.N(str(r.randint(10**11, 10**12 - 1)), "cloud-identifier", "aws-account-id"))
            L.append("sso_role_name = %s" % pick(r, ("AdministratorAccess", "PowerUserAccess", "ViewOnlyAccess")))
        L.append("region = %s" % pick(r, REGIONS))
        L.append("")
    L += ["[sso-session %s]" % org(r), "sso_start_url = https://%s.awsapps.com/start" % d.N("d-" + rs_any(r, "0123456789abcdef", 10), "cloud-identifier", "sso-directory"),
          "sso_region = %s" % pick(r, REGIONS), "sso_registration_scopes = sso:account:access", ""]
    return G.hpath(u, ".aws/config"), nl(L)


def k_docker_config(G, d, r):
    u = G.user(r)
    auths = {}
    parts = []
    regs = r.sample(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "%d.dkr.ecr.%s.amazonaws.com" % (r.randint(10**11, 10**12), pick(r, REGIONS)),
                     "registry.%s" % domain(r), "quay.io", "%s.azurecr.io" % org(r), "europe-docker.pkg.dev"], r.randint(1, 4))
    for reg in regs:
        if r.random() < 0.25:
            parts.append('\t\t"%s": {}' % reg)
        else:
            parts.append('\t\t"%s": {\n\t\t\t"auth": "%s"\n\t\t}' % (reg, d.S(gen(r, "docker-config-auth"), "docker-config-auth")))
    extra = ""
    if r.random() < 0.5:
        extra += ',\n\t"credsStore": "%s"' % pick(r, ("desktop", "osxkeychain", "pass", "ecr-login"))
    if r.random() < 0.4:
        extra += ',\n\t"currentContext": "%s"' % pick(r, ("desktop-linux", "colima", "default"))
    text = '{\n\t"auths": {\n%s\n\t}%s,\n\t"HttpHeaders": {\n\t\t"User-Agent": "Docker-Client/%s (%s)"\n\t}\n}\n' % (
        ",\n".join(parts), extra, pick(r, ("24.0.7", "25.0.3", "26.1.4", "27.3.1")), pick(r, ("linux", "darwin")))
    return G.hpath(u, ".docker/config.json"), text


def k_npmrc(G, d, r):
    home = r.random() < 0.5
    L = []
    if r.random() < 0.7:
        L.append("//registry.npmjs.org/:_authToken=%s" % (d.S(gen(r, "npm-access-token"), "npm-access-token") if r.random() < 0.6 else
                                                         (d.S(gen(r, "npm-legacy-auth-token"), "npm-legacy-auth-token") if r.random() < 0.5 else
                                                          d.N("${NPM_TOKEN}", "env-ref", "npmrc"))))
    sc = "@" + org(r)
    L.append("%s:registry=https://npm.pkg.github.com" % sc)
    L.append("//npm.pkg.github.com/:_authToken=%s" % (d.S(gen(r, "github-pat-classic"), "github-pat-classic") if r.random() < 0.6 else d.N("${GITHUB_TOKEN}", "env-ref", "npmrc")))
    if r.random() < 0.5:
        reg = "nexus.%s/repository/npm-group/" % domain(r)
        L.append("registry=https://%s" % reg)
        if r.random() < 0.5:
            L.append("//%s:_auth=%s" % (reg, d.S(gen(r, "npmrc-auth-basic"), "npmrc-auth-basic")))
        else:
            L.append("//%s:username=%s" % (reg, username(r)))
            L.append("//%s:_password=%s" % (reg, d.S(gen(r, "npmrc-password-b64"), "npmrc-password-b64")))
            L.append("//%s:email=%s" % (reg, email(r)))
        L.append("always-auth=true")
    if r.random() < 0.5:
        L += ["save-exact=true", "engine-strict=true", "fund=false", "audit-level=high"]
    r.shuffle(L)
    p = G.hpath(G.user(r), ".npmrc") if home else G.rpath(G.repo(r), ".npmrc")
    return p, nl(L)


def k_pypirc(G, d, r):
    L = ["[distutils]", "index-servers =", "    pypi", "    testpypi", "    %s" % org(r), "", "[pypi]", "username = __token__",
         "password = %s" % d.S(gen(r, "pypi-upload-token"), "pypi-upload-token"), "", "[testpypi]", "repository = https://test.pypi.org/legacy/",
         "username = __token__", "password = %s" % (d.S(gen(r, "pypi-upload-token"), "pypi-upload-token") if r.random() < 0.5 else d.N("pypi-<your-testpypi-token>", "placeholder", "generic")), "",
         "[%s]" % org(r), "repository = https://pkgs.%s/pypi/simple/" % domain(r), "username = %s" % username(r),
         "password = %s" % d.S(password(r), "pypirc-password"), ""]
    return G.hpath(G.user(r), ".pypirc"), nl(L)


def k_netrc(G, d, r):
    L = []
    for _ in range(r.randint(1, 4)):
        m = pick(r, ("github.com", "api.github.com", "gitlab.%s" % domain(r), "api.heroku.com", "git.heroku.com", "artifactory.%s" % domain(r),
                     "urs.earthdata.nasa.gov", "bitbucket.org", "pkgs.dev.azure.com", "proxy.golang.%s" % domain(r)))
        if "heroku" in m:
            v, f = gen(r, "heroku-legacy-api-key"), "heroku-legacy-api-key"
        elif "github" in m:
            f = pick(r, ("github-pat-classic", "github-fine-grained-pat"))
            v = gen(r, f)
        elif "azure" in m:
            v, f = gen(r, "azure-devops-pat"), "azure-devops-pat"
        else:
            v, f = password(r), "netrc-password"
        if r.random() < 0.5:
            L.append("machine %s login %s password %s" % (m, username(r) if "heroku" not in m else email(r), d.S(v, f)))
        else:
            L += ["machine %s" % m, "  login %s" % username(r), "  password %s" % d.S(v, f)]
    if r.random() < 0.3:
        L.append("default login anonymous password %s" % d.N(email(r), "benign-value", "anonymous-ftp"))
    return G.hpath(G.user(r), pick(r, (".netrc", ".netrc", "_netrc"))), nl(L)


def k_git_credentials(G, d, r):
    L = [d.S(gen(r, "git-credential-store-url"), "git-credential-store-url") for _ in range(r.randint(1, 3))]
    return G.hpath(G.user(r), ".git-credentials"), nl(L)


def k_gitconfig(G, d, r):
    f, l = person(r)
    L = ["[user]", "\tname = %s %s" % (f.capitalize(), l.capitalize()), "\temail = %s" % email(r)]
    if r.random() < 0.5:
        L.append("\tsigningkey = %s" % d.N(pick(r, ("~/.ssh/id_ed25519.pub", "~/.ssh/signing_key.pub")), "file-path", "ssh-signing-pubkey"))
        L += ["[gpg]", "\tformat = ssh"]
    L += ["[core]", "\teditor = %s" % pick(r, ("vim", "code --wait", "nvim")), "\tautocrlf = input", "[pull]", "\trebase = true",
          "[init]", "\tdefaultBranch = main", "[credential]", "\thelper = %s" % pick(r, ("osxkeychain", "store", "manager", "cache --timeout=3600"))]
    if r.random() < 0.4:
        L += ['[url "%s"]' % d.S("https://x-access-token:%s@github.com/" % gen(r, pick(r, ("github-pat-classic", "github-server-to-server-token"))), "git-credential-store-url"),
              "\tinsteadOf = https://github.com/"]
    if r.random() < 0.4:
        L += ['[url "git@github.com:"]', "\tinsteadOf = https://github.com/"]
    L += ["[alias]", "\tco = checkout", "\tlg = log --graph --oneline --decorate", "[filter \"lfs\"]", "\tclean = git-lfs clean -- %f",
          "\tsmudge = git-lfs smudge -- %f", "\trequired = true"]
    return G.hpath(G.user(r), ".gitconfig"), nl(L)


def k_pgpass(G, d, r):
    L = []
    for _ in range(r.randint(1, 5)):
        L.append("%s:%s:%s:%s:%s" % (pick(r, (host(r), "localhost", "*")), pick(r, ("5432", "6432", "*")), pick(r, (pick(r, SERVICES), "*")),
                                     pick(r, ("postgres", "app", "readonly", username(r).replace(".", "_"))), d.S(password(r, url_safe=True), "pgpass-password")))
    return G.hpath(G.user(r), ".pgpass"), nl(L)


def k_mycnf(G, d, r):
    L = ["[client]", "user=%s" % pick(r, ("root", "app", "backup")), "password=%s" % d.S(password(r), "mycnf-password"),
         "host=%s" % host(r), "port=3306", "", "[mysql]", "prompt=\\u@\\h [\\d]> ", "auto-rehash", ""]
    if r.random() < 0.5:
        L += ["[mysqldump]", "user=backup", 'password="%s"' % d.S(password(r), "mycnf-password"), "single-transaction", "quick", ""]
    return G.hpath(G.user(r), ".my.cnf"), nl(L)


def k_pipconf(G, d, r):
    u = "https://%s:%s@pkgs.%s/pypi/simple/" % (username(r), password(r, url_safe=True), domain(r))
    L = ["[global]", "index-url = %s" % (d.S(u, "http-basic-auth-url") if r.random() < 0.7 else d.N("https://pkgs.%s/pypi/simple/" % domain(r), "benign-value", "index-url")),
         "extra-index-url = https://pypi.org/simple", "trusted-host = pkgs.%s" % domain(r), "timeout = 60", ""]
    if r.random() < 0.4:
        L += ["[install]", "no-cache-dir = false", ""]
    return G.hpath(G.user(r), pick(r, (".config/pip/pip.conf", ".pip/pip.conf"))), nl(L)


def k_maven_settings(G, d, r):
    servers = []
    for sid in r.sample(["ossrh", "central", "nexus-releases", "nexus-snapshots", "github", "artifactory", "docker-registry"], r.randint(2, 4)):
        c = r.random()
        if c < 0.45:
            pw = d.S(password(r), "maven-settings-password")
        elif c < 0.6:
            pw = d.S(gen(r, "github-pat-classic"), "github-pat-classic")
        elif c < 0.8:
            pw = d.N("${env.%s}" % case(sid + "_password", "UP"), "env-ref", "maven")
        else:
            v, sub = NG.encrypted_value(r)
            pw = d.N("{" + b64(rbytes(r, 33)) + "}", "encrypted-blob", "maven-encrypted")
        servers.append("    <server>\n      <id>%s</id>\n      <username>%s</username>\n      <password>%s</password>\n    </server>" % (sid, username(r), pw))
    if r.random() < 0.4:
        servers.append("    <server>\n      <id>deploy-ssh</id>\n      <username>deploy</username>\n      <privateKey>%s</privateKey>\n      <passphrase>%s</passphrase>\n    </server>" % (
            d.N("${user.home}/.ssh/id_rsa", "file-path", "path"), d.S(password(r), "maven-settings-password")))
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0"\n'
            '          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <localRepository>${user.home}/.m2/repository</localRepository>\n'
            '  <servers>\n%s\n  </servers>\n  <mirrors>\n    <mirror>\n      <id>nexus</id>\n      <mirrorOf>*</mirrorOf>\n'
            '      <url>https://nexus.%s/repository/maven-public/</url>\n    </mirror>\n  </mirrors>\n</settings>\n') % ("\n".join(servers), domain(r))
    return G.hpath(G.user(r), ".m2/settings.xml"), text


def k_gradle_props(G, d, r):
    L = ["org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8", "org.gradle.parallel=true", "org.gradle.caching=true", "android.useAndroidX=true",
         "kotlin.code.style=official"]
    L.append("signing.keyId=%s" % d.N(rs_any(r, "0123456789ABCDEF", 8), "public-identifier", "gpg-key-id"))
    L.append("signing.password=%s" % d.S(password(r), "gradle-properties-password"))
    L.append("signing.secretKeyRingFile=%s" % d.N("/Users/%s/.gnupg/secring.gpg" % username(r).split(".")[0], "file-path", "path"))
    if r.random() < 0.7:
        L.append("ossrhUsername=%s" % username(r))
        L.append("ossrhPassword=%s" % d.S(password(r), "gradle-properties-password"))
    if r.random() < 0.5:
        L.append("mavenCentralPassword=%s" % d.S(gen(r, "maven-central-password"), "maven-central-password"))
    if r.random() < 0.4:
        L += ["systemProp.https.proxyHost=proxy.%s" % domain(r), "systemProp.https.proxyPort=3128", "systemProp.https.proxyUser=%s" % username(r),
              "systemProp.https.proxyPassword=%s" % d.S(password(r), "gradle-properties-password")]
    if r.random() < 0.5:
        L.append("RELEASE_STORE_PASSWORD=%s" % d.S(password(r), "android-keystore-password"))
        L.append("RELEASE_KEY_PASSWORD=%s" % d.S(password(r), "android-key-password"))
        L.append("RELEASE_KEY_ALIAS=upload")
    if r.random() < 0.3:
        L.append("gpr.key=%s" % d.S(gen(r, "github-pat-classic"), "github-pat-classic"))
    p = G.hpath(G.user(r), ".gradle/gradle.properties") if r.random() < 0.6 else G.rpath(G.repo(r), "gradle.properties")
    return p, nl(L)


def k_cargo_creds(G, d, r):
    L = ["[registry]", 'token = "%s"' % d.S(gen(r, "cargo-registry-token"), "cargo-registry-token"), ""]
    if r.random() < 0.5:
        L += ["[registries.%s]" % org(r), 'token = "Bearer %s"' % d.S(gen(r, "jfrog-reference-token"), "jfrog-reference-token"), ""]
    return G.hpath(G.user(r), ".cargo/credentials.toml"), nl(L)


def k_composer_auth(G, d, r):
    o = {}
    parts = ['    "github-oauth": {\n        "github.com": "%s"\n    }' % d.S(gen(r, "github-pat-classic"), "github-pat-classic")]
    if r.random() < 0.5:
        parts.append('    "gitlab-token": {\n        "gitlab.com": "%s"\n    }' % d.S(gen(r, "gitlab-pat"), "gitlab-pat"))
    parts.append('    "http-basic": {\n        "repo.packagist.com": {\n            "username": "token",\n            "password": "%s"\n        }\n    }' % d.S(rs(r, HEX, 40), "api-secret-generic"))
    if r.random() < 0.4:
        parts.append('    "bearer": {\n        "satis.%s": "%s"\n    }' % (domain(r), d.S(gen(r, "http-bearer-token"), "http-bearer-token")))
    p = G.hpath(G.user(r), ".config/composer/auth.json") if r.random() < 0.5 else G.rpath(G.repo(r), "auth.json")
    return p, "{\n%s\n}\n" % ",\n".join(parts)


def k_kubeconfig(G, d, r):
    clusters, users, ctxs = [], [], []
    for i in range(r.randint(1, 3)):
        cn = pick(r, ("prod", "staging", "dev", "eks-" + pick(r, REGIONS), "gke_%s_%s_main" % (org(r), pick(r, REGIONS)), "kind-local"))
        cn = "%s-%d" % (cn, i)
        ca = b64s(NG.pem_cert(r) + "\n")
        clusters.append("- cluster:\n    certificate-authority-data: %s\n    server: https://%s:6443\n  name: %s" % (d.N(ca, "certificate", "ca-data"), pick(r, (ip(r), "k8s-api.%s" % domain(r))), cn))
        un = pick(r, ("admin", "deployer", username(r), "oidc"))
        un = "%s-%s" % (un, cn)
        c = r.random()
        if c < 0.35:
            body = "    client-certificate-data: %s\n    client-key-data: %s" % (d.N(b64s(NG.pem_cert(r) + "\n"), "certificate", "client-cert-data"),
                                                                            d.S(gen(r, "kubeconfig-client-key-data"), "kubeconfig-client-key-data"))
        elif c < 0.6:
            body = "    token: %s" % d.S(gen(r, "k8s-serviceaccount-token"), "k8s-serviceaccount-token")
        elif c < 0.8:
            body = ("    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args:\n      - --region\n      - %s\n"
                    "      - eks\n      - get-token\n      - --cluster-name\n      - %s\n      env:\n      - name: AWS_PROFILE\n        value: %s" % (pick(r, REGIONS), cn, pick(r, ENV_PROFILES)))
        else:
            body = ("    auth-provider:\n      config:\n        client-id: %s\n        client-secret: %s\n        id-token: %s\n        idp-issuer-url: https://sso.%s/realms/k8s\n        refresh-token: %s\n      name: oidc" % (
                pick(r, ("kubernetes", "k8s-login")), d.S(gen(r, "client-secret-generic"), "client-secret-generic"),
                d.S(gen(r, "keycloak-refresh-token"), "keycloak-refresh-token") if False else d.S(jwt(r, "RS256", kid=rs(r, AN, 43)), "jwt-rs256"),
                domain(r), d.S(gen(r, "keycloak-refresh-token"), "keycloak-refresh-token")))
        users.append("- name: %s\n  user:\n%s" % (un, body))
        ctxs.append("- context:\n    cluster: %s\n    namespace: %s\n    user: %s\n  name: %s" % (cn, pick(r, SERVICES), un, cn))
    text = ("apiVersion: v1\nclusters:\n%s\ncontexts:\n%s\ncurrent-context: %s\nkind: Config\npreferences: {}\nusers:\n%s\n" %
            ("\n".join(clusters), "\n".join(ctxs), ctxs[0].split("name: ")[-1], "\n".join(users)))
    return G.hpath(G.user(r), pick(r, (".kube/config", ".kube/config", ".kube/%s.yaml" % pick(r, ("prod", "staging", "eks"))))), text


def k_terraformrc(G, d, r):
    if r.random() < 0.5:
        text = 'plugin_cache_dir = "$HOME/.terraform.d/plugin-cache"\n\ncredentials "app.terraform.io" {\n  token = "%s"\n}\n' % d.S(gen(r, "terraform-cloud-token"), "terraform-cloud-token")
        return G.hpath(G.user(r), ".terraformrc"), text
    text = '{\n  "credentials": {\n    "app.terraform.io": {\n      "token": "%s"\n    }\n  }\n}\n' % d.S(gen(r, "terraform-cloud-token"), "terraform-cloud-token")
    return G.hpath(G.user(r), ".terraform.d/credentials.tfrc.json"), text


S3CFG_OPTS = ["add_encoding_exts = ", "add_headers = ", "bucket_location = US", "ca_certs_file = ", "cache_file = ", "check_ssl_certificate = True",
              "check_ssl_hostname = True", "cloudfront_host = cloudfront.amazonaws.com", "connection_max_age = 5", "connection_pooling = True",
              "content_disposition = ", "content_type = ", "default_mime_type = binary/octet-stream", "delay_updates = False",
              "delete_after = False", "delete_after_fetch = False", "delete_removed = False", "dry_run = False", "enable_multipart = True",
              "encoding = UTF-8", "encrypt = False", "expiry_date = ", "expiry_days = ", "expiry_prefix = ", "follow_symlinks = False",
              "force = False", "get_continue = False", "gpg_command = /usr/bin/gpg", "guess_mime_type = True", "human_readable_sizes = False",
              "invalidate_default_index_on_cf = False", "limitrate = 0", "list_md5 = False", "log_target_prefix = ", "long_listing = False",
              "max_delete = -1", "mime_type = ", "multipart_chunk_size_mb = 15", "multipart_max_chunks = 10000", "preserve_attrs = True",
              "progress_meter = True", "proxy_host = ", "proxy_port = 0", "public_url_use_https = False", "put_continue = False",
              "recursive = False", "recv_chunk = 65536", "reduced_redundancy = False", "requester_pays = False", "restore_days = 1",
              "send_chunk = 65536", "server_side_encryption = False", "signature_v2 = False", "skip_existing = False", "socket_timeout = 300",
              "stats = False", "stop_on_error = False", "storage_class = ", "throttle_max = 100", "urlencoding_mode = normal",
              "use_http_expect = False", "use_https = True", "use_mime_magic = True", "verbosity = WARNING", "website_index = index.html"]


def k_s3cfg(G, d, r):
    L = ["[default]", "access_key = %s" % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id")]
    L += S3CFG_OPTS[:8]
    L.append("gpg_passphrase = %s" % (d.S(password(r), "password-assignment") if r.random() < 0.5 else d.N("", "short-or-empty", "empty") if False else ""))
    L += S3CFG_OPTS[8:40]
    L.append("host_base = %s" % pick(r, ("s3.amazonaws.com", "%s.digitaloceanspaces.com" % pick(r, ("fra1", "nyc3")), "s3.%s" % domain(r))))
    L.append("host_bucket = %(bucket)s.s3.amazonaws.com")
    L += S3CFG_OPTS[40:]
    L.insert(r.randint(10, len(L)), "secret_key = %s" % d.S(gen(r, "aws-secret-access-key"), "s3cfg-secret-key"))
    L.append("access_token = ")
    return G.hpath(G.user(r), ".s3cfg"), nl(L)


def k_boto(G, d, r):
    L = ["[Credentials]", "aws_access_key_id = %s" % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"),
         "aws_secret_access_key = %s" % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key")]
    if r.random() < 0.5:
        L.append("gs_oauth2_refresh_token = %s" % d.S(gen(r, "google-oauth-refresh-token"), "google-oauth-refresh-token"))
    L += ["", "[Boto]", "https_validate_certificates = True", "num_retries = 5", "", "[GSUtil]", "default_project_id = %s" % d.N("%s-%d" % (org(r), r.randint(100000, 999999)), "cloud-identifier", "gcp-project-id"),
          "parallel_composite_upload_threshold = 150M", "", "[OAuth2]", "client_id = %s" % d.N(NG.public_id(r)[0] if False else "%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id")]
    return G.hpath(G.user(r), ".boto"), nl(L)


def sa_json(G, d, r, project=None):
    project = project or "%s-%s-%d" % (org(r), pick(r, ("prod", "data", "ml", "core")), r.randint(100, 999))
    sa = pick(r, SERVICES) + pick(r, ("-sa", "-runner", "-deployer", "")) 
    key = gen(r, "gcp-service-account-private-key") + "\n"
    cid = str(r.randint(10**20, 10**21))
    return ('{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "%s",\n  "private_key": "%s",\n'
            '  "client_email": "%s@%s.iam.gserviceaccount.com",\n  "client_id": "%s",\n  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n'
            '  "token_uri": "https://oauth2.googleapis.com/token",\n  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",\n'
            '  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/%s%%40%s.iam.gserviceaccount.com",\n  "universe_domain": "googleapis.com"\n}\n') % (
        project, d.S(gen(r, "gcp-private-key-id"), "gcp-private-key-id"), d.S(key, "gcp-service-account-private-key", raw=jesc(key), esc=1),
        sa, project, d.N(cid, "public-identifier", "gcp-sa-client-id"), sa, project)


def k_gcloud(G, d, r):
    u = G.user(r)
    if r.random() < 0.5:
        text = ('{\n  "account": "",\n  "client_id": "%s",\n  "client_secret": "%s",\n  "quota_project_id": "%s",\n  "refresh_token": "%s",\n  "type": "authorized_user",\n  "universe_domain": "googleapis.com"\n}\n' % (
            d.N("%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id"),
            d.S(gen(r, "google-oauth-client-secret"), "google-oauth-client-secret"), "%s-%s" % (org(r), pick(r, ("prod", "dev"))),
            d.S(gen(r, "google-oauth-refresh-token"), "google-oauth-refresh-token")))
        return G.hpath(u, ".config/gcloud/application_default_credentials.json"), text
    p = pick(r, ("keys/%s-sa.json" % pick(r, SERVICES), "Downloads/%s-%s.json" % (org(r), rs_any(r, "0123456789abcdef", 12)), ".config/gcloud/legacy_credentials/%s/adc.json" % email(r)))
    return G.hpath(u, p) if r.random() < 0.6 else G.rpath(G.repo(r), pick(r, ("credentials.json", "service-account.json", "config/gcp-key.json"))), sa_json(G, d, r)


def k_azure_cli(G, d, r):
    u = G.user(r)
    tenant, home_oid = uuid4(r), uuid4(r)
    hid = "%s.%s" % (home_oid, tenant)
    cid = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
    at = gen(r, "azure-ad-access-token")
    parts = []
    k1 = "%s-login.microsoftonline.com-accesstoken-%s-%s-https://management.core.windows.net//user_impersonation" % (hid, cid, tenant)
    parts.append('    "AccessToken": {\n        "%s": {\n            "credential_type": "AccessToken",\n            "secret": "%s",\n            "home_account_id": "%s",\n'
                 '            "environment": "login.microsoftonline.com",\n            "client_id": "%s",\n            "target": "https://management.core.windows.net//user_impersonation",\n'
                 '            "realm": "%s",\n            "token_type": "Bearer",\n            "cached_at": "%d",\n            "expires_on": "%d",\n            "extended_expires_on": "%d"\n        }\n    }' % (
                     k1, d.S(at, "azure-ad-access-token"), hid, d.N(cid, "public-identifier", "azure-cli-client-id"), d.N(tenant, "uuid", "tenant-id"), epoch(r), epoch(r), epoch(r)))
    parts.append('    "RefreshToken": {\n        "%s-login.microsoftonline.com-refreshtoken-%s--": {\n            "credential_type": "RefreshToken",\n            "secret": "%s",\n'
                 '            "home_account_id": "%s",\n            "environment": "login.microsoftonline.com",\n            "client_id": "%s",\n            "target": "https://management.core.windows.net//user_impersonation",\n            "last_modification_time": "%d",\n            "family_id": "1"\n        }\n    }' % (
                     hid, cid, d.S(gen(r, "azure-cli-refresh-token"), "azure-cli-refresh-token"), hid, cid, epoch(r)))
    parts.append('    "Account": {\n        "%s-login.microsoftonline.com-%s": {\n            "home_account_id": "%s",\n            "environment": "login.microsoftonline.com",\n            "realm": "%s",\n            "local_account_id": "%s",\n            "username": "%s",\n            "authority_type": "MSSTS"\n        }\n    }' % (
        hid, tenant, hid, tenant, d.N(home_oid, "uuid", "object-id"), email(r)))
    return G.hpath(u, ".azure/msal_token_cache.json"), "{\n%s\n}\n" % ",\n".join(parts)


def k_azure_profile(G, d, r):
    u = G.user(r)
    subs = []
    tenant = uuid4(r)
    for i in range(r.randint(1, 4)):
        subs.append('    {\n      "id": "%s",\n      "name": "%s",\n      "state": "Enabled",\n      "user": {\n        "name": "%s",\n        "type": "user"\n      },\n      "isDefault": %s,\n      "tenantId": "%s",\n      "environmentName": "AzureCloud",\n      "homeTenantId": "%s",\n      "managedByTenants": []\n    }' % (
            d.N(uuid4(r), "cloud-identifier", "azure-subscription-id"), "%s-%s" % (org(r), pick(r, ("prod", "dev", "sandbox", "shared"))), email(r),
            "true" if i == 0 else "false", d.N(tenant, "uuid", "tenant-id"), d.N(tenant, "uuid", "tenant-id")))
    return G.hpath(u, ".azure/azureProfile.json"), '\ufeff{\n  "installationId": "%s",\n  "subscriptions": [\n%s\n  ]\n}\n' % (d.N(uuid4(r), "uuid", "installation-id"), ",\n".join(subs))


def k_rclone(G, d, r):
    L = []
    for remote in r.sample(["gdrive", "s3", "sftp", "crypt", "b2", "dropbox", "onedrive"], r.randint(2, 4)):
        L.append("[%s%s]" % (remote, pick(r, ("", "-backup", "-work"))))
        if remote in ("gdrive", "dropbox", "onedrive"):
            L.append("type = %s" % {"gdrive": "drive", "dropbox": "dropbox", "onedrive": "onedrive"}[remote])
            if remote == "gdrive":
                L.append("client_id = %s" % d.N("%d-%s.apps.googleusercontent.com" % (r.randint(10**11, 10**12), rs_any(r, ANL, 32)), "public-identifier", "google-oauth-client-id"))
                L.append("client_secret = %s" % d.S(gen(r, "google-oauth-client-secret"), "google-oauth-client-secret"))
                L.append("scope = drive")
                at = "ya29." + rs(r, AN + "-_", 170)
                L.append('token = {"access_token":"%s","token_type":"Bearer","refresh_token":"%s","expiry":"%s.%d+02:00"}' % (
                    d.S(at, "google-oauth-access-token"), d.S(gen(r, "google-oauth-refresh-token"), "google-oauth-refresh-token"), ts(r), r.randint(100000000, 999999999)))
            elif remote == "dropbox":
                L.append('token = {"access_token":"%s","token_type":"bearer","refresh_token":"%s","expiry":"%s.%d+01:00"}' % (
                    d.S(gen(r, "dropbox-short-lived-token"), "dropbox-short-lived-token"), d.S(rs(r, AN + "-_", 43), "oauth-refresh-token-response"), ts(r), r.randint(100000000, 999999999)))
            else:
                L.append('token = {"access_token":"%s","token_type":"Bearer","refresh_token":"%s","expiry":"%s+00:00"}' % (
                    d.S(gen(r, "azure-ad-access-token"), "azure-ad-access-token"), d.S(gen(r, "azure-cli-refresh-token"), "azure-cli-refresh-token"), ts(r)))
                L.append("drive_id = %s" % d.N(rs_any(r, "0123456789ABCDEF", 16), "cloud-identifier", "onedrive-drive-id"))
                L.append("drive_type = personal")
        elif remote == "s3":
            L += ["type = s3", "provider = %s" % pick(r, ("AWS", "Wasabi", "Minio", "Cloudflare")),
                  "access_key_id = %s" % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"),
                  "secret_access_key = %s" % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key"), "region = %s" % pick(r, REGIONS), "acl = private"]
        elif remote == "b2":
            L += ["type = b2", "account = %s" % d.N("00" + rs_any(r, "0123456789abcdef", 23), "public-identifier", "b2-key-id"),
                  "key = %s" % d.S("K00" + rs(r, AN + "+/", 28), "api-secret-generic")]
        elif remote == "sftp":
            L += ["type = sftp", "host = %s" % host(r, "svc"), "user = %s" % pick(r, ("backup", "deploy", username(r))),
                  "pass = %s" % d.S(gen(r, "rclone-obscured-password"), "rclone-obscured-password"), "shell_type = unix"]
            if r.random() < 0.5:
                L.append("key_file = %s" % d.N("~/.ssh/id_ed25519", "file-path", "path"))
        else:
            L += ["type = crypt", "remote = gdrive:encrypted", "password = %s" % d.S(gen(r, "rclone-obscured-password"), "rclone-obscured-password"),
                  "password2 = %s" % d.S(gen(r, "rclone-obscured-password"), "rclone-obscured-password")]
        L.append("")
    return G.hpath(G.user(r), ".config/rclone/rclone.conf"), nl(L)


VSC_SETTINGS = ['"editor.formatOnSave": true', '"editor.tabSize": 2', '"files.trimTrailingWhitespace": true', '"python.analysis.typeCheckingMode": "basic"',
                '"editor.rulers": [100]', '"workbench.colorTheme": "Default Dark Modern"', '"git.autofetch": true', '"terminal.integrated.fontSize": 13',
                '"[python]": {\n    "editor.defaultFormatter": "charliermarsh.ruff"\n  }', '"eslint.validate": ["javascript", "typescript"]',
                '"files.exclude": {\n    "**/__pycache__": true,\n    "**/node_modules": true\n  }', '"redhat.telemetry.enabled": false']


def k_vscode(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.55:
        items = r.sample(VSC_SETTINGS, r.randint(4, 9))
        if r.random() < 0.6:
            items.append('"sqltools.connections": [\n    {\n      "previewLimit": 50,\n      "server": "%s",\n      "port": 5432,\n      "driver": "PostgreSQL",\n      "name": "%s",\n      "database": "%s",\n      "username": "%s",\n      "password": "%s"\n    }\n  ]' % (
                host(r), pick(r, ("prod-ro", "staging", "analytics")), pick(r, SERVICES), pick(r, ("readonly", "app", "postgres")), d.S(password(r), "db-password")))
        if r.random() < 0.5:
            nm, vm, v, f = G.kv.secret(d, r, "json")
            items.append('"terminal.integrated.env.%s": {\n    "%s": "%s"\n  }' % (pick(r, ("linux", "osx")), case(nm, "UP"), vm))
        if r.random() < 0.4:
            items.append('"rest-client.environmentVariables": {\n    "$shared": {},\n    "prod": {\n      "baseUrl": "https://api.%s",\n      "token": "%s"\n    },\n    "local": {\n      "baseUrl": "http://localhost:8080",\n      "token": "%s"\n    }\n  }' % (
                domain(r), d.S(gen(r, "http-bearer-token"), "http-bearer-token"), d.N(pick(r, ("dev-token", "local", "test")), "placeholder", "generic")))
        if r.random() < 0.5:
            items.append('"python.envFile": "%s"' % d.N("${workspaceFolder}/.env", "file-path", "vscode-var"))
        if r.random() < 0.3:
            items.append('"http.proxy": "%s"' % d.S(gen(r, "proxy-url-with-credentials"), "proxy-url-with-credentials"))
        r.shuffle(items)
        return G.rpath(repo, ".vscode/settings.json"), "{\n  %s\n}\n" % ",\n  ".join(items)
    confs = []
    for i in range(r.randint(1, 3)):
        env = []
        for _ in range(r.randint(1, 4)):
            if r.random() < 0.5:
                nm, vm, v, f = G.kv.secret(d, r, "json")
                env.append('"%s": "%s"' % (case(nm, "UP"), vm))
            else:
                env.append('"%s": "%s"' % (pick(r, ("DATABASE_URL", "API_KEY", "STRIPE_SECRET_KEY", "SECRET_KEY")), d.N("${env:%s}" % pick(r, ("DATABASE_URL", "API_KEY", "STRIPE_KEY")), "env-ref", "vscode-env")))
        env.append('"LOG_LEVEL": "debug"')
        confs.append('    {\n      "name": "%s",\n      "type": "%s",\n      "request": "launch",\n      "program": "${workspaceFolder}/%s",\n      "envFile": "${workspaceFolder}/.env",\n      "env": {\n        %s\n      }\n    }' % (
            pick(r, ("Debug API", "Run worker", "Launch server", "Jest current file")), pick(r, ("node", "debugpy", "go", "java")),
            pick(r, ("src/index.ts", "manage.py", "cmd/server/main.go", "app/main.py")), ",\n        ".join(env)))
    return G.rpath(repo, ".vscode/launch.json"), '{\n  "version": "0.2.0",\n  "configurations": [\n%s\n  ]\n}\n' % ",\n".join(confs)


def k_idea(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.5:
        ds = []
        for _ in range(r.randint(1, 3)):
            h = host(r)
            db = pick(r, SERVICES)
            if r.random() < 0.35:
                url = d.S(gen(r, "jdbc-postgresql-url"), "jdbc-postgresql-url")
            else:
                url = "jdbc:postgresql://%s:5432/%s" % (h, db)
            ds.append('    <data-source source="LOCAL" name="%s@%s" uuid="%s">\n      <driver-ref>postgresql</driver-ref>\n      <synchronize>true</synchronize>\n      <jdbc-driver>org.postgresql.Driver</jdbc-driver>\n      <jdbc-url>%s</jdbc-url>\n      <working-dir>$ProjectFileDir$</working-dir>\n    </data-source>' % (
                db, pick(r, ("prod", "localhost", "staging")), uuid_neg(d, r, "jetbrains-datasource"), url))
        return G.rpath(repo, ".idea/dataSources.xml"), '<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">\n%s\n  </component>\n</project>\n' % "\n".join(ds)
    envs = []
    for _ in range(r.randint(2, 5)):
        if r.random() < 0.6:
            nm, vm, v, f = G.kv.secret(d, r, "xml")
            envs.append('          <env name="%s" value="%s" />' % (case(nm, "UP"), vm))
        else:
            envs.append('          <env name="%s" value="%s" />' % (pick(r, ("SPRING_PROFILES_ACTIVE", "LOG_LEVEL", "SERVER_PORT")), pick(r, ("local", "debug", "8081"))))
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n<project version="4">\n  <component name="ChangeListManager">\n    <list default="true" id="%s" name="Changes" comment="" />\n  </component>\n'
            '  <component name="ProjectId" id="%s" />\n  <component name="RunManager" selected="Application.%s">\n    <configuration name="%s" type="Application" factoryName="Application">\n'
            '      <option name="MAIN_CLASS_NAME" value="com.%s.%s.Application" />\n      <module name="%s" />\n      <extension name="net.ashald.envfile">\n        <option name="IS_ENABLED" value="false" />\n      </extension>\n'
            '      <envs>\n%s\n      </envs>\n      <method v="2">\n        <option name="Make" enabled="true" />\n      </method>\n    </configuration>\n  </component>\n'
            '  <component name="Vcs.Log.Tabs.Properties">\n    <option name="RECENT_FILTERS">\n      <map>\n        <entry key="Branch">\n          <value>\n            <list>\n              <RecentGroup>\n                <option name="FILTER_VALUES">\n                  <option value="origin/main" />\n                </option>\n              </RecentGroup>\n            </list>\n          </value>\n        </entry>\n      </map>\n    </option>\n  </component>\n'
            '  <component name="TaskManager">\n    <task id="LOCAL-00012" summary="%s">\n      <created>%d</created>\n      <option name="number" value="00012" />\n    </task>\n  </component>\n</project>\n') % (
        uuid_neg(d, r, "jetbrains-changelist"), d.N(rs_any(r, AN, 27), "api-object-id", "jetbrains-project-id"), repo, repo, org(r), pick(r, SERVICES), repo, "\n".join(envs),
        pick(r, ("fix token refresh", "rotate secrets handling", "add password policy check", "bump deps")), epoch(r) * 1000)
    return G.rpath(repo, ".idea/workspace.xml"), text


def k_dbeaver(G, d, r):
    conns = []
    for _ in range(r.randint(1, 4)):
        drv = pick(r, (("postgresql", "postgres-jdbc", 5432), ("mysql", "mysql8", 3306), ("sqlserver", "microsoft", 1433)))
        cid = "%s-%s-%s" % (drv[1], rs_any(r, "0123456789abcdef", 11), rs_any(r, "0123456789abcdef", 16))
        h, db = host(r), pick(r, SERVICES)
        cfg = ['"host": "%s"' % h, '"port": "%d"' % drv[2], '"database": "%s"' % db, '"url": "jdbc:%s://%s:%d/%s"' % (drv[0], h, drv[2], db),
               '"configurationType": "MANUAL"', '"home": "%s"' % pick(r, ("postgresql-15", "mysql-8", "sqlserver")), '"type": "%s"' % pick(r, ("prod", "dev", "test")), '"auth-model": "native"']
        if r.random() < 0.4:
            cfg.append('"user": "%s"' % pick(r, ("postgres", "app", "readonly")))
            cfg.append('"password": "%s"' % d.S(password(r), "db-password"))
        conns.append('\t\t"%s": {\n\t\t\t"provider": "%s",\n\t\t\t"driver": "%s",\n\t\t\t"name": "%s",\n\t\t\t%s,\n\t\t\t"configuration": {\n\t\t\t\t%s\n\t\t\t}\n\t\t}' % (
            d.N(cid, "api-object-id", "dbeaver-connection-id"), drv[0], drv[1], "%s %s" % (db, pick(r, ("prod", "replica", "local"))),
            d.N('"save-password": true', "name-only", "dbeaver-flag"), ",\n\t\t\t\t".join(cfg)))
    return G.hpath(G.user(r), ".local/share/DBeaverData/workspace6/General/.dbeaver/data-sources.json"), '{\n\t"folders": {},\n\t"connections": {\n%s\n\t}\n}\n' % ",\n".join(conns)


def k_wireguard(G, d, r):
    L = ["[Interface]", "PrivateKey = %s" % d.S(gen(r, "wireguard-private-key"), "wireguard-private-key"), "Address = 10.%d.0.%d/24" % (r.randint(0, 250), r.randint(2, 250)),
         "DNS = %s" % pick(r, ("1.1.1.1", "10.0.0.2", "9.9.9.9")), "", "[Peer]", "PublicKey = %s" % d.N(b64(rbytes(r, 32)), "public-key", "wireguard-public")]
    if r.random() < 0.5:
        L.append("PresharedKey = %s" % d.S(b64(rbytes(r, 32)), "vpn-preshared-key"))
    L += ["Endpoint = vpn.%s:51820" % domain(r), "AllowedIPs = %s" % pick(r, ("0.0.0.0/0, ::/0", "10.0.0.0/8")), "PersistentKeepalive = 25"]
    p = G.hpath(G.user(r), pick(r, (".config/wireguard/wg0.conf", "vpn/%s.conf" % org(r)))) if r.random() < 0.6 else "etc/wireguard/wg%d.conf" % r.randint(0, 9)
    return G.uniq(p), nl(L)


def k_gh_hosts(G, d, r):
    gu = username(r).replace(".", "-")
    tok = gen(r, "github-oauth-token")
    L = ["github.com:", "    users:", "        %s:" % gu, "            oauth_token: %s" % d.S(tok, "github-oauth-token"),
         "    git_protocol: https", "    user: %s" % gu, "    oauth_token: %s" % d.S(tok, "github-oauth-token")]
    if r.random() < 0.4:
        L += ["github.%s:" % domain(r), "    oauth_token: %s" % d.S(gen(r, "github-pat-classic"), "github-pat-classic"), "    git_protocol: ssh", "    user: %s" % username(r)]
    return G.hpath(G.user(r), ".config/gh/hosts.yml"), nl(L)


def k_yarnrc(G, d, r):
    o = org(r)
    L = ["nodeLinker: node-modules", "enableTelemetry: false", "npmScopes:", "  %s:" % o, "    npmAlwaysAuth: true",
         "    npmRegistryServer: \"https://npm.pkg.github.com\""]
    if r.random() < 0.6:
        L.append("    npmAuthToken: %s" % d.S(gen(r, "github-pat-classic"), "github-pat-classic"))
    else:
        L.append('    npmAuthToken: "%s"' % d.N("${NPM_AUTH_TOKEN}", "env-ref", "yarnrc"))
    L += ["yarnPath: .yarn/releases/yarn-%s.cjs" % pick(r, ("3.6.4", "4.1.1", "4.5.0"))]
    if r.random() < 0.5:
        L += ["npmRegistryServer: \"https://registry.npmjs.org\"", "npmAuthToken: %s" % d.S(gen(r, "npm-access-token"), "npm-access-token")]
    return G.rpath(G.repo(r), ".yarnrc.yml"), nl(L)


def k_bundle_config(G, d, r):
    L = ["---", 'BUNDLE_PATH: "vendor/bundle"', 'BUNDLE_JOBS: "4"',
         'BUNDLE_GEMS__CONTRIBSYS__COM: "%s:%s"' % (rs_any(r, "0123456789abcdef", 8), d.S(password(r, url_safe=True), "bundler-source-credentials")),
         'BUNDLE_RUBYGEMS__PKG__GITHUB__COM: "%s:%s"' % (username(r), d.S(gen(r, "github-pat-classic"), "github-pat-classic"))]
    if r.random() < 0.5:
        L.append('BUNDLE_ENTERPRISE__%s__COM: "%s"' % (org(r).upper(), d.N("${BUNDLE_TOKEN}", "env-ref", "bundler")))
    return (G.hpath(G.user(r), ".bundle/config") if r.random() < 0.5 else G.rpath(G.repo(r), ".bundle/config")), nl(L)


def k_secret_file(G, d, r):
    c = r.random()
    if c < 0.3:
        return G.hpath(G.user(r), ".vault-token"), d.S(gen(r, "vault-service-token"), "vault-service-token")
    name = pick(r, ("db_password", "api_token", "jwt_secret", "redis_password", "smtp_password", "encryption_key", "admin_password", "webhook_secret"))
    v = gen(r, "secret-file-content")
    p = pick(r, ("run/secrets/%s" % name, "deploy/secrets/%s" % name, "secrets/%s.txt" % name, "docker/secrets/%s" % name))
    if p.startswith("run/"):
        p = G.uniq("srv/%s/%s" % (G.repo(r), p))
    else:
        p = G.rpath(G.repo(r), p)
    return p, d.S(v, "secret-file-content") + ("\n" if r.random() < 0.7 else "")


def k_ssh_dir(G, d, r):
    u = G.user(r)
    c = r.randrange(5)
    if c in (0, 1):
        f = G.pem.next(lambda x: x.startswith("openssh") or x in ("pem-rsa-private-key", "pem-rsa-encrypted-legacy", "putty-private-key"))
        nm = {"putty-private-key": "id_ed25519.ppk", "pem-rsa-private-key": "id_rsa", "pem-rsa-encrypted-legacy": "deploy_rsa"}.get(f, pick(r, ("id_ed25519", "id_ecdsa", "github_deploy", "bastion_key")))
        return G.hpath(u, ".ssh/" + nm), d.S(gen(r, f), f) + "\n"
    if c == 2:
        L = []
        for _ in range(r.randint(3, 12)):
            v, sub = NG.ssh_pub(r)
            keytype, blob = v.split(" ")[:2]
            hosted = "|1|%s|%s" % (b64(rbytes(r, 20)), b64(rbytes(r, 20)))
            L.append("%s %s %s" % (d.N(hosted, "file-hash", "hashed-known-host") if r.random() < 0.5 else pick(r, ("github.com", "gitlab.com", ip(r), "bastion.%s" % domain(r))),
                                   keytype, d.N(blob, "public-key", sub)))
        return G.hpath(u, ".ssh/known_hosts"), nl(L)
    if c == 3:
        L = []
        for _ in range(r.randint(1, 5)):
            v, sub = NG.ssh_pub(r)
            L.append(d.N(v, "public-key", sub))
        return G.hpath(u, pick(r, (".ssh/authorized_keys", ".ssh/id_ed25519.pub"))), nl(L)
    L = []
    for h in r.sample(["bastion", "github.com", "prod-*", "db-tunnel", "build-01", "gitlab"], r.randint(2, 4)):
        L += ["Host %s" % h, "  HostName %s" % (ip(r) if r.random() < 0.5 else "%s.%s" % (h.strip("*-"), domain(r))), "  User %s" % pick(r, ("git", "deploy", "ubuntu", "ec2-user")),
              "  IdentityFile %s" % d.N("~/.ssh/%s" % pick(r, ("id_ed25519", "deploy_rsa", "work_key")), "file-path", "path"), "  IdentitiesOnly yes", ""]
    L += ["Host *", "  AddKeysToAgent yes", "  ServerAliveInterval 60"]
    return G.hpath(u, ".ssh/config"), nl(L)


def k_cert_files(G, d, r):
    repo = G.repo(r)
    c = r.randrange(4)
    if c == 0:
        return G.rpath(repo, pick(r, ("certs/ca.crt", "tls/server.crt", "config/ssl/chain.pem", "ca-bundle.pem"))), nl([d.N(NG.pem_cert(r), "certificate", "pem") for _ in range(r.randint(1, 3))])
    if c == 1:
        f = G.pem.next(lambda x: x.startswith("pem-"))
        return G.rpath(repo, pick(r, ("certs/server.key", "tls/tls.key", "config/ssl/private.pem", "keys/jwt-private.pem", "deploy/signing.key"))), d.S(gen(r, f), f) + "\n"
    if c == 2:
        f = G.pem.next(lambda x: x.startswith("pem-") and "encrypted" not in x)
        return G.rpath(repo, pick(r, ("certs/bundle.pem", "haproxy/site.pem", "tls/combined.pem"))), nl([d.N(NG.pem_cert(r), "certificate", "pem"), d.S(gen(r, f), f)])
    if r.random() < 0.5:
        return G.rpath(repo, pick(r, ("keys/AuthKey_%s.p8" % rs_any(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10), "ios/AuthKey_%s.p8" % rs_any(r, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 10)))), d.S(gen(r, "apple-p8-private-key"), "apple-p8-private-key") + "\n"
    return G.rpath(repo, pick(r, ("keys/public.pem", "config/jwt/public.pem", "certs/signing.pub"))), d.N(NG.pem_pub(r), "public-key", "pem-public") + "\n"


def k_jwks(G, d, r):
    keys = []
    for _ in range(r.randint(1, 2)):
        n = NG.b64u(rbytes(r, 256))
        priv = r.random() < 0.6
        k = ['"kty": "RSA"', '"kid": "%s"' % d.N(rs_any(r, AN, 22), "api-object-id", "jwk-kid"), '"use": "sig"', '"alg": "RS256"',
             '"n": "%s"' % d.N(n, "public-key", "jwk-modulus"), '"e": "AQAB"']
        if priv:
            k += ['"d": "%s"' % d.S(gen(r, "jwk-private-d"), "jwk-private-d"), '"p": "%s"' % d.S(NG.b64u(rbytes(r, 128)), "jwk-private-d"),
                  '"q": "%s"' % d.S(NG.b64u(rbytes(r, 128)), "jwk-private-d")]
        keys.append("    {\n      %s\n    }" % ",\n      ".join(k))
    return G.rpath(G.repo(r), pick(r, ("config/jwks.json", "keys/jwks.json", "src/main/resources/jwk.json", "test/fixtures/jwks.json"))), '{\n  "keys": [\n%s\n  ]\n}\n' % ",\n".join(keys)


KINDS = [
    ("dotenv", 50, k_dotenv), ("shell-history", 22, k_shell_history), ("aws-credentials", 8, k_aws_credentials), ("aws-config", 4, k_aws_config),
    ("docker-config", 7, k_docker_config), ("npmrc", 8, k_npmrc), ("pypirc", 5, k_pypirc), ("netrc", 6, k_netrc), ("git-credentials", 4, k_git_credentials),
    ("gitconfig", 4, k_gitconfig), ("pgpass", 4, k_pgpass), ("mycnf", 4, k_mycnf), ("pipconf", 4, k_pipconf), ("maven-settings", 5, k_maven_settings),
    ("gradle-properties", 5, k_gradle_props), ("cargo-credentials", 4, k_cargo_creds), ("composer-auth", 4, k_composer_auth), ("kubeconfig", 8, k_kubeconfig),
    ("terraformrc", 4, k_terraformrc), ("s3cfg", 4, k_s3cfg), ("boto", 4, k_boto), ("gcloud", 7, k_gcloud), ("azure-cli", 4, k_azure_cli),
    ("azure-profile", 3, k_azure_profile), ("rclone", 5, k_rclone), ("vscode", 7, k_vscode), ("idea", 6, k_idea), ("dbeaver", 3, k_dbeaver),
    ("wireguard", 4, k_wireguard), ("gh-hosts", 4, k_gh_hosts), ("yarnrc", 4, k_yarnrc), ("bundle-config", 4, k_bundle_config),
    ("secret-file", 8, k_secret_file), ("ssh", 12, k_ssh_dir), ("certs", 10, k_cert_files), ("jwks", 4, k_jwks),
]
