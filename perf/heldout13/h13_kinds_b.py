"""Company repositories: containers, Kubernetes, Helm, Ansible, Terraform, CloudFormation, CI/CD, servers."""
import json

from h13_core import (AN, ANL, ANU, HEX, b64, b64s, case, domain, email, host, jesc, org, password, pick, rbytes, rs, rs_any,
                      username, uuid4, wrap, SERVICES, REGIONS, WORDS, epoch, ts, semver, ip)
from h13_formats import FORMATS, gen, jwt
from h13_common import filler_items, kv_block, nl, rnd_comment, git_sha_neg, uuid_neg, sha256_neg, iso
from h13_kv import assign, value_ok, yaml_scalar
import h13_negs as NG

IMAGES = ["postgres:16-alpine", "redis:7.2", "rabbitmq:3.13-management", "mysql:8.4", "mongo:7", "minio/minio:RELEASE.2024-06-13T22-53-53Z",
          "nginx:1.27-alpine", "grafana/grafana:11.1.0", "prom/prometheus:v2.53.0", "elasticsearch:8.14.1", "keycloak/keycloak:25.0",
          "bitnami/kafka:3.7", "mailhog/mailhog", "localstack/localstack:3.5", "traefik:v3.1", "clickhouse/clickhouse-server:24.6"]


def img_digest(d, r, name):
    return "%s@sha256:%s" % (name.split(":")[0], sha256_neg(d, r, "image-digest"))


def yaml_env_map(G, d, r, indent, n_sec, n_neg, n_fill, ci=None, pred=None):
    return kv_block(G, d, r, "yaml", n_sec, n_neg, n_fill, indent=indent, ci=ci, pred=pred)


def k_compose(G, d, r):
    repo = G.repo(r)
    svcs = []
    app = pick(r, SERVICES)
    env = kv_block(G, d, r, "yaml-env", r.randint(1, 3), r.randint(2, 4), r.randint(2, 5), indent="      ")
    svcs.append("  %s:\n    build:\n      context: .\n      args:\n        - NODE_ENV=production\n    image: ghcr.io/%s/%s:%s\n    env_file:\n      - %s\n    environment:\n%s\n    ports:\n      - \"8080:8080\"\n    depends_on:\n      - db" % (
        app, org(r), app, semver(r), d.N(pick(r, (".env", "./config/app.env")), "file-path", "env-file"), nl(env).rstrip("\n")))
    db = pick(r, ("postgres", "mysql"))
    if db == "postgres":
        pw = d.N(NG.dev_default(r)[0], "dev-default", "well-known-default") if r.random() < 0.4 else (
            d.S(password(r), "db-password") if r.random() < 0.6 else d.N("${POSTGRES_PASSWORD:?set it in .env}", "env-ref", "compose"))
        svcs.append("  db:\n    image: %s\n    restart: unless-stopped\n    environment:\n      POSTGRES_USER: %s\n      POSTGRES_PASSWORD: %s\n      POSTGRES_DB: %s\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n    healthcheck:\n      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n      interval: 5s" % (
            img_digest(d, r, "postgres:16-alpine") if r.random() < 0.4 else "postgres:16-alpine", pick(r, ("postgres", app)), pw, app))
    else:
        pw = d.S(password(r), "db-password") if r.random() < 0.6 else d.N(NG.dev_default(r)[0], "dev-default", "well-known-default")
        svcs.append("  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=%s\n      - MYSQL_DATABASE=%s\n      - MYSQL_USER=%s\n      - MYSQL_PASSWORD=%s" % (
            pw, app, app, d.S(password(r), "db-password") if r.random() < 0.6 else d.N("${MYSQL_PASSWORD}", "env-ref", "compose")))
    if r.random() < 0.5:
        svcs.append("  redis:\n    image: redis:7.2\n    command: [\"redis-server\", \"--requirepass\", \"%s\"]" % (d.S(gen(r, "redis-password"), "redis-password") if r.random() < 0.6 else d.N("${REDIS_PASSWORD}", "env-ref", "compose")))
    if r.random() < 0.4:
        svcs.append("  traefik:\n    image: traefik:v3.1\n    labels:\n      - \"traefik.http.middlewares.auth.basicauth.users=admin:%s\"\n    environment:\n      - CF_DNS_API_TOKEN=%s" % (
            d.N(NG.password_hash(r)[0].replace("$", "$$") if False else "$$apr1$$%s$$%s" % (rs_any(r, NG.BC, 8), rs_any(r, NG.BC, 22)), "password-hash", "apache-md5"),
            d.S(gen(r, "cloudflare-api-token"), "cloudflare-api-token") if r.random() < 0.5 else d.N("${CF_DNS_API_TOKEN}", "env-ref", "compose")))
    sec = ""
    if r.random() < 0.4:
        sec = "\nsecrets:\n  db_password:\n    file: %s\n  api_key:\n    environment: API_KEY" % d.N("./secrets/db_password.txt", "file-path", "compose-secret")
    text = "%sservices:\n%s\nvolumes:\n  pgdata: {}%s\n" % (pick(r, ("", 'version: "3.9"\n', "name: %s\n" % repo)), "\n".join(svcs), sec)
    return G.rpath(repo, pick(r, ("docker-compose.yml", "docker-compose.yml", "compose.yaml", "docker-compose.override.yml", "deploy/docker-compose.prod.yml"))), text


def k_dockerfile(G, d, r):
    repo = G.repo(r)
    base = pick(r, ("node:20-alpine", "python:3.12-slim", "golang:1.22", "eclipse-temurin:21-jre", "ruby:3.3-slim"))
    L = ["# syntax=docker/dockerfile:1.7", "FROM %s AS build" % (img_digest(d, r, base) if r.random() < 0.5 else base), "WORKDIR /app"]
    if r.random() < 0.5:
        L.append("ARG %s" % pick(r, ("NPM_TOKEN", "PIP_INDEX_URL", "GITHUB_TOKEN")))
    if r.random() < 0.4:
        L.append("RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci")
    elif r.random() < 0.5:
        L.append("RUN pip install --no-cache-dir --index-url %s -r requirements.txt" % d.S(gen(r, "http-basic-auth-url").replace("/api/v1", "/simple").replace("/hooks/deploy", "/simple").replace("/status", "/simple"), "http-basic-auth-url"))
    else:
        L.append("RUN echo \"//registry.npmjs.org/:_authToken=%s\" > .npmrc && npm ci && rm .npmrc" % d.S(gen(r, "npm-access-token"), "npm-access-token"))
    L += ["COPY . .", "RUN %s" % pick(r, ("npm run build", "go build -o /out/server ./cmd/server", "python -m compileall .", "./gradlew bootJar"))]
    L += ["", "FROM %s" % pick(r, ("gcr.io/distroless/base-debian12", "alpine:3.20", "python:3.12-slim")), "WORKDIR /app",
          "COPY --from=build /app /app", "LABEL org.opencontainers.image.revision=%s" % git_sha_neg(d, r),
          "LABEL org.opencontainers.image.source=https://github.com/%s/%s" % (org(r), repo)]
    for _ in range(r.randint(1, 3)):
        L.append(G.kv.secret_line(d, r, "docker") if r.random() < 0.55 else G.kv.neg_line(d, r, "docker"))
    L += ["ENV PORT=8080", "EXPOSE 8080", "USER 10001", 'ENTRYPOINT ["/app/%s"]' % pick(r, ("server", "entrypoint.sh", "bin/start"))]
    return G.rpath(repo, pick(r, ("Dockerfile", "Dockerfile", "docker/Dockerfile.prod", "build/Dockerfile"))), nl(L)


def k_k8s(G, d, r):
    repo = G.repo(r)
    ns = pick(r, SERVICES)
    c = r.randrange(7)
    name = "%s-%s" % (pick(r, SERVICES), pick(r, ("credentials", "secrets", "env", "db", "api-keys")))
    if c == 0:
        data = []
        for _ in range(r.randint(1, 4)):
            nm = pick(r, ("password", "api-key", "DB_PASSWORD", "token", "client-secret", "STRIPE_SECRET_KEY", "redis-password"))
            data.append("  %s: %s" % (nm, d.S(gen(r, "k8s-secret-data"), "k8s-secret-data")))
        if r.random() < 0.4:
            data.append("  username: %s" % d.N(b64s(pick(r, ("app", "postgres", "admin", "svc_" + ns))), "base64-data", "k8s-username"))
        text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\ntype: Opaque\ndata:\n%s\n" % (name, ns, "\n".join(data))
    elif c == 1:
        lines = yaml_env_map(G, d, r, "  ", r.randint(1, 4), r.randint(0, 2), 0)
        text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n  labels:\n    app.kubernetes.io/name: %s\ntype: Opaque\nstringData:\n%s" % (name, ns, ns, nl(lines))
    elif c == 2:
        auths = json.dumps({"auths": {"ghcr.io": {"username": username(r), "password": gen(r, "github-pat-classic"), "auth": gen(r, "docker-config-auth")}}}, separators=(",", ":"))
        text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: regcred\n  namespace: %s\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: %s\n" % (ns, d.S(b64s(auths), "k8s-secret-data"))
    elif c == 3:
        text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-tls\n  namespace: %s\ntype: kubernetes.io/tls\ndata:\n  tls.crt: %s\n  tls.key: %s\n" % (
            ns, ns, d.N(b64s(NG.pem_cert(r) + "\n"), "certificate", "k8s-tls-crt"), d.S(gen(r, "k8s-secret-tls-key"), "k8s-secret-tls-key"))
    elif c == 4:
        enc = "\n".join("    %s: %s" % (k, d.N(NG.encrypted_value(r)[0] if False else "AgB" + b64(rbytes(r, r.randint(400, 600))).rstrip("="), "encrypted-blob", "sealed-secret"))
                        for k in r.sample(["password", "api-key", "DATABASE_URL", "token", "client-secret"], r.randint(1, 3)))
        text = "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n  encryptedData:\n%s\n  template:\n    metadata:\n      name: %s\n      namespace: %s\n    type: Opaque\n" % (name, ns, enc, name, ns)
    elif c == 5:
        items = []
        for k in r.sample(["password", "api-key", "database-url", "stripe-key", "jwt-secret"], r.randint(1, 3)):
            v, sub = NG.secret_manager_ref(r, k)
            items.append("  - secretKey: %s\n    remoteRef:\n      key: %s\n      property: %s" % (k, d.N(pick(r, ("prod/%s/%s" % (ns, k), "%s-%s" % (ns, k))), "secret-manager-ref", "external-secrets"), k.replace("-", "_")))
        text = "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n  refreshInterval: 1h\n  secretStoreRef:\n    name: %s\n    kind: ClusterSecretStore\n  target:\n    name: %s\n  data:\n%s\n" % (
            name, ns, pick(r, ("aws-secrets-manager", "vault-backend", "gcp-sm")), name, "\n".join(items))
    else:
        envs = []
        for _ in range(r.randint(2, 5)):
            x = r.random()
            if x < 0.45:
                envs.append("        - name: %s\n          valueFrom:\n            secretKeyRef:\n              name: %s\n              %s" % (
                    pick(r, ("DB_PASSWORD", "API_KEY", "STRIPE_SECRET_KEY", "JWT_SECRET")), name, d.N("key: %s" % pick(r, ("password", "api-key", "token")), "name-only", "k8s-secretkeyref")))
            elif x < 0.75:
                nm, vm, v, f = G.kv.secret(d, r, "yaml")
                envs.append("        - name: %s\n          value: %s" % (case(nm, "UP"), yaml_scalar(v, vm, r)))
            else:
                nm, v = filler_items(r, 1)[0]
                envs.append('        - name: %s\n          value: "%s"' % (nm, v))
        text = ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  namespace: %s\nspec:\n  replicas: %d\n  selector:\n    matchLabels:\n      app: %s\n  template:\n    metadata:\n"
                "      labels:\n        app: %s\n      annotations:\n        checksum/config: %s\n    spec:\n      serviceAccountName: %s\n      containers:\n      - name: %s\n        image: %s\n        ports:\n        - containerPort: 8080\n        env:\n%s\n"
                "        resources:\n          limits:\n            memory: 512Mi\n") % (ns, ns, r.randint(1, 6), ns, ns, sha256_neg(d, r, "helm-checksum"), ns, ns,
                                                                                    img_digest(d, r, "ghcr.io/%s/%s" % (org(r), ns)), "\n".join(envs))
    return G.rpath(repo, pick(r, ("k8s/", "deploy/k8s/", "manifests/", "overlays/prod/")) + pick(r, ("secret.yaml", "secrets.yaml", "deployment.yaml", "%s.yaml" % name))), text


def k_helm(G, d, r):
    repo = G.repo(r)
    app = pick(r, SERVICES)
    if r.random() < 0.35:
        lines = []
        for k in r.sample(["password", "api-key", "jwt-secret", "database-url", "redis-password", "smtp-password"], r.randint(2, 4)):
            t = pick(r, ('{{ .Values.%s | b64enc | quote }}' % case(k, "camel"), '{{ required "%s is required" .Values.secrets.%s | b64enc }}' % (k, case(k, "camel")),
                         '{{ randAlphaNum 32 | b64enc | quote }}', '{{ .Values.auth.%s | default (randAlphaNum 24) | b64enc }}' % case(k, "camel")))
            lines.append("  %s: %s" % (k, d.N(t, "template-var", "helm")))
        text = ('apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include "%s.fullname" . }}\n  labels:\n    {{- include "%s.labels" . | nindent 4 }}\ntype: Opaque\ndata:\n%s\n' % (app, app, "\n".join(lines)))
        return G.rpath(repo, "charts/%s/templates/secret.yaml" % app), text
    L = ["replicaCount: %d" % r.randint(1, 5), "", "image:", "  repository: ghcr.io/%s/%s" % (org(r), app), "  tag: \"%s\"" % semver(r),
         "  digest: %s" % d.N("sha256:" + NG.sha256(r), "file-hash", "image-digest"), "  pullPolicy: IfNotPresent", "", "imagePullSecrets:", "  - name: regcred", ""]
    L += ["env:"] + yaml_env_map(G, d, r, "  ", r.randint(1, 3), r.randint(1, 3), r.randint(1, 3)) + [""]
    L += ["postgresql:", "  enabled: true", "  auth:", "    username: %s" % app]
    x = r.random()
    if x < 0.4:
        L.append("    password: %s" % d.S(password(r), "db-password"))
        L.append("    postgresPassword: %s" % d.S(password(r), "admin-password"))
    elif x < 0.7:
        L.append('    password: %s' % d.N('""', "short-or-empty", "empty"))
        L.append('    existingSecret: %s' % d.N(app + "-db", "benign-value", "existing-secret-name"))
    else:
        L.append('    existingSecret: %s' % d.N(app + "-postgres", "benign-value", "existing-secret-name"))
        L.append('    secretKeys:\n      %s' % d.N("userPasswordKey: password", "name-only", "helm-secret-key"))
    L += ["  primary:", "    persistence:", "      size: 20Gi", "", "redis:", "  enabled: %s" % pick(r, ("true", "false")), "  auth:", "    enabled: true"]
    L.append("    password: %s" % (d.S(gen(r, "redis-password"), "redis-password") if r.random() < 0.5 else d.N('""', "short-or-empty", "empty")))
    L += ["", "ingress:", "  enabled: true", "  className: nginx", "  annotations:", "    cert-manager.io/cluster-issuer: letsencrypt-prod",
          "    nginx.ingress.kubernetes.io/auth-type: basic", "    %s" % d.N("nginx.ingress.kubernetes.io/auth-secret: basic-auth", "benign-value", "ingress-auth-secret"),
          "  hosts:", "    - host: %s.%s" % (app, domain(r)), "      paths:", "        - path: /", "          pathType: Prefix", ""]
    if r.random() < 0.5:
        L += ["externalSecrets:", "  enabled: true", "  items:", "    - key: %s" % d.N("%s/prod/api" % app, "secret-manager-ref", "external-secrets"), "      property: stripe_key", ""]
    if r.random() < 0.4:
        L += ["sentry:", "  dsn: %s" % d.N(NG.public_client_key(r)[0] if False else "https://%s@o%d.ingest.sentry.io/%d" % (NG.hx(r, 32), r.randint(100000, 999999), r.randint(1000000, 9999999)), "public-client-key", "sentry-dsn"), ""]
    L += ["resources:", "  limits:", "    cpu: 500m", "    memory: 512Mi", "", "podAnnotations:", "  prometheus.io/scrape: \"true\""]
    return G.rpath(repo, pick(r, ("charts/%s/values.yaml" % app, "helm/values-prod.yaml", "deploy/helm/values.yaml", "charts/%s/values-staging.yaml" % app))), nl(L)


def k_ansible(G, d, r):
    repo = G.repo(r)
    c = r.randrange(4)
    if c == 0:
        body = NG.ansible_vault_block(r, indent="")
        return G.rpath(repo, pick(r, ("group_vars/all/vault.yml", "inventories/prod/group_vars/all/vault.yml", "host_vars/db01/vault.yml"))), d.N(body, "encrypted-blob", "ansible-vault-file") + "\n"
    if c == 1:
        L = ["---", "app_name: %s" % pick(r, SERVICES), "app_port: 8080", "deploy_user: deploy"]
        for nm in r.sample(["db_password", "api_key", "smtp_password", "secret_key", "stripe_secret_key", "slack_webhook_url", "datadog_api_key"], r.randint(2, 5)):
            x = r.random()
            if x < 0.35:
                L.append("%s: \"%s\"" % (nm, d.N("{{ vault_%s }}" % nm, "template-var", "jinja")))
            elif x < 0.6:
                L.append("%s: !vault |\n          %s" % (nm, d.N(NG.ansible_vault_block(r), "encrypted-blob", "ansible-vault-inline")))
            else:
                L.append(G.kv.secret_line(d, r, "yaml"))
        L += ["ntp_servers:", "  - 0.pool.ntp.org", "  - 1.pool.ntp.org", "%s" % d.N("password_min_length: 14", "name-only", "policy-setting")]
        return G.rpath(repo, pick(r, ("group_vars/prod.yml", "group_vars/all/main.yml", "inventories/staging/group_vars/web.yml", "roles/app/defaults/main.yml"))), nl(L)
    if c == 2:
        L = ["[web]"]
        for i in range(r.randint(2, 5)):
            line = "web%02d ansible_host=%s ansible_user=%s" % (i + 1, ip(r), pick(r, ("deploy", "ubuntu", "root")))
            if r.random() < 0.5:
                line += " ansible_password=%s" % d.S(password(r), "ansible-become-password")
            L.append(line)
        L += ["", "[db]", "db01 ansible_host=%s" % ip(r), "", "[all:vars]", "ansible_python_interpreter=/usr/bin/python3"]
        if r.random() < 0.6:
            L.append("ansible_become_pass=%s" % d.S(password(r), "ansible-become-password"))
        else:
            L.append("ansible_become_pass=%s" % d.N("{{ vault_become_pass }}", "template-var", "jinja"))
        return G.rpath(repo, pick(r, ("inventory.ini", "inventories/prod/hosts", "hosts.ini"))), nl(L)
    L = ["---", "- name: Deploy %s" % pick(r, SERVICES), "  hosts: web", "  become: true", "  vars:", "    app_version: \"%s\"" % semver(r), "  tasks:",
         "    - name: Create database user", "      community.postgresql.postgresql_user:", "        name: app",
         "        password: \"%s\"" % (d.N("{{ db_password }}", "template-var", "jinja") if r.random() < 0.6 else d.S(password(r), "db-password")),
         "      no_log: true", "", "    - name: Notify deploy", "      ansible.builtin.uri:", "        url: https://api.%s/deploys" % domain(r), "        method: POST",
         "        headers:", "          Authorization: \"Bearer %s\"" % (d.N("{{ deploy_token }}", "template-var", "jinja") if r.random() < 0.6 else d.S(gen(r, "http-bearer-token"), "http-bearer-token")),
         "        body_format: json", "", "    - name: Template config", "      ansible.builtin.template:", "        src: app.env.j2", "        dest: /etc/app/app.env", "        mode: \"0600\""]
    return G.rpath(repo, pick(r, ("playbooks/deploy.yml", "site.yml", "roles/app/tasks/main.yml"))), nl(L)


def k_terraform(G, d, r):
    repo = G.repo(r)
    c = r.randrange(3)
    if c == 0:
        L = ['terraform {', '  required_version = ">= 1.6"', '  backend "s3" {', '    bucket = "%s-tfstate"' % org(r), '    key    = "%s/terraform.tfstate"' % pick(r, SERVICES),
             '    region = "%s"' % pick(r, REGIONS), '  }', '}', '', 'provider "aws" {', '  region     = "%s"' % pick(r, REGIONS)]
        if r.random() < 0.5:
            L += ['  access_key = "%s"' % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"), '  secret_key = "%s"' % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key")]
        else:
            L += ['  assume_role {', '    role_arn = "%s"' % d.N(NG.cloud_id(r)[0] if False else "arn:aws:iam::%d:role/terraform" % r.randint(10**11, 10**12 - 1), "cloud-identifier", "aws-role-arn"), '  }']
        L += ['}', '', 'resource "aws_db_instance" "main" {', '  identifier        = "%s-prod"' % pick(r, SERVICES), '  engine            = "postgres"',
              '  instance_class    = "db.t4g.medium"', '  username          = "app"']
        L.append('  password          = %s' % pick(r, (d.N("var.db_password", "template-var", "hcl"), d.N("random_password.db.result", "template-var", "hcl"),
                                                      '"%s"' % d.S(password(r), "db-password"))))
        L += ['  skip_final_snapshot = true', '}', '', 'resource "random_password" "db" {', '  length  = 32', '  special = true', '}']
        if r.random() < 0.5:
            L += ['', 'provider "datadog" {', '  api_key = "%s"' % d.S(gen(r, "datadog-api-key"), "datadog-api-key"), '  app_key = %s' % d.N("var.datadog_app_key", "template-var", "hcl"), '}']
        if r.random() < 0.4:
            L += ['', 'provider "cloudflare" {', '  api_token = "%s"' % d.S(gen(r, "cloudflare-api-token"), "cloudflare-api-token"), '}']
        return G.rpath(repo, pick(r, ("main.tf", "infra/main.tf", "envs/prod/main.tf", "modules/db/main.tf"))), nl(L)
    if c == 1:
        L = []
        for _ in range(r.randint(3, 8)):
            if r.random() < 0.5:
                L.append(G.kv.secret_line(d, r, "hcl", "").lstrip())
            else:
                nm, v = filler_items(r, 1)[0]
                L.append('%s = "%s"' % (case(nm, "snake"), v))
        if r.random() < 0.4:
            L.append(G.kv.neg_line(d, r, "hcl").lstrip())
        return G.rpath(repo, pick(r, ("terraform.tfvars", "envs/prod/terraform.tfvars", "secrets.auto.tfvars", "prod.tfvars"))), nl(L)
    L = []
    for v in r.sample(["db_password", "stripe_secret_key", "github_token", "datadog_api_key", "slack_webhook_url", "region", "instance_count"], r.randint(3, 5)):
        L.append('variable "%s" {' % v)
        L.append('  type        = %s' % ("number" if v == "instance_count" else "string"))
        if v in ("region", "instance_count"):
            L.append('  default     = %s' % ('"%s"' % pick(r, REGIONS) if v == "region" else "3"))
        else:
            L.append('  sensitive   = true')
            x = r.random()
            if x < 0.35:
                fmt = {"db_password": "db-password", "stripe_secret_key": "stripe-secret-key-live", "github_token": "github-pat-classic",
                       "datadog_api_key": "datadog-api-key", "slack_webhook_url": "slack-webhook-url"}[v]
                L.append('  default     = "%s"' % d.S(gen(r, fmt), fmt))
            elif x < 0.55:
                L.append('  default     = %s' % d.N('""', "short-or-empty", "empty"))
        L.append('  description = "%s"' % pick(r, ("Managed in Vault, do not set here", "Set via TF_VAR_ in CI", "See README")))
        L.append('}')
        L.append('')
    return G.rpath(repo, pick(r, ("variables.tf", "infra/variables.tf", "modules/app/variables.tf"))), nl(L)


def k_tfstate(G, d, r):
    repo = G.repo(r)
    res = []
    acct = str(r.randint(10**11, 10**12 - 1))
    region = pick(r, REGIONS)

    def inst(typ, name, attrs, sens=""):
        return ('    {\n      "mode": "managed",\n      "type": "%s",\n      "name": "%s",\n      "provider": "provider[\\"registry.terraform.io/hashicorp/%s\\"]",\n'
                '      "instances": [\n        {\n          "schema_version": 0,\n          "attributes": {\n            %s\n          },\n          "sensitive_attributes": [%s]\n        }\n      ]\n    }') % (
            typ, name, typ.split("_")[0], ",\n            ".join(attrs), sens)

    for _ in range(r.randint(20, 32) if r.random() < 0.25 else r.randint(4, 12)):
        k = r.randrange(7)
        if k == 0:
            u = pick(r, SERVICES) + "-ci"
            res.append(inst("aws_iam_access_key", u, ['"create_date": "%s"' % iso(r), '"encrypted_secret": null', '"encrypted_ses_smtp_password_v4": null',
                                                      '"id": "%s"' % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"), '"key_fingerprint": null', '"pgp_key": null',
                                                      '"secret": "%s"' % d.S(gen(r, "aws-secret-access-key"), "aws-secret-access-key"),
                                                      '"ses_smtp_password_v4": "%s"' % d.S(gen(r, "aws-ses-smtp-password"), "aws-ses-smtp-password"), '"status": "Active"', '"user": "%s"' % u]))
        elif k == 1:
            res.append(inst("random_password", pick(r, ("db", "admin", "api", "grafana")), ['"bcrypt_hash": "%s"' % d.N(NG.password_hash(r)[0] if False else "$2a$10$" + rs_any(r, NG.BC, 53), "password-hash", "bcrypt"),
                                                                                          '"id": "none"', '"keepers": null', '"length": 32', '"lower": true', '"min_lower": 0',
                                                                                          '"override_special": "_%@"', '"result": "%s"' % d.S(password(r), "terraform-state-secret"), '"special": true'],
                            '\n            {\n              "type": "get_attr",\n              "value": "result"\n            }\n          '))
        elif k == 2:
            key = gen(r, pick(r, ("pem-rsa-private-key", "pem-ec-private-key"))) + "\n"
            fmt = "pem-rsa-private-key" if "RSA" in key else "pem-ec-private-key"
            res.append(inst("tls_private_key", pick(r, ("deploy", "bastion", "signing")), ['"algorithm": "%s"' % ("RSA" if "RSA" in key else "ECDSA"), '"ecdsa_curve": "P224"',
                                                                                         '"id": "%s"' % d.N(NG.sha1(r), "file-hash", "tf-id-sha1"),
                                                                                         '"private_key_pem": "%s"' % d.S(key, fmt, raw=jesc(key), esc=1),
                                                                                         '"public_key_fingerprint_md5": "%s"' % d.N(":".join(NG.hx(r, 2) for _ in range(16)), "public-key", "fingerprint"),
                                                                                         '"public_key_openssh": "%s\\n"' % d.N(NG.ssh_pub(r)[0].rsplit(" ", 1)[0], "public-key", "ssh-pub"), '"rsa_bits": 4096']))
        elif k == 3:
            dbn = pick(r, SERVICES)
            res.append(inst("aws_db_instance", dbn, ['"address": "%s.c%s.%s.rds.amazonaws.com"' % (dbn, rs_any(r, ANL, 12), region),
                                                     '"arn": "%s"' % d.N("arn:aws:rds:%s:%s:db:%s" % (region, acct, dbn), "cloud-identifier", "rds-arn"),
                                                     '"engine": "postgres"', '"engine_version": "16.3"', '"id": "%s"' % d.N("db-" + rs_any(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 26), "cloud-identifier", "rds-resource-id"),
                                                     '"password": "%s"' % d.S(password(r), "terraform-state-secret"), '"port": 5432', '"username": "app"'], '\n            {\n              "type": "get_attr",\n              "value": "password"\n            }\n          '))
        elif k == 4:
            res.append(inst("aws_security_group", pick(r, SERVICES), ['"arn": "%s"' % d.N("arn:aws:ec2:%s:%s:security-group/sg-0%s" % (region, acct, NG.hx(r, 16)), "cloud-identifier", "sg-arn"),
                                                                      '"id": "%s"' % d.N("sg-0" + NG.hx(r, 16), "cloud-identifier", "security-group"), '"name": "%s"' % pick(r, SERVICES),
                                                                      '"owner_id": "%s"' % d.N(acct, "cloud-identifier", "aws-account-id"), '"vpc_id": "%s"' % d.N("vpc-0" + NG.hx(r, 16), "cloud-identifier", "vpc")]))
        elif k == 5:
            nm, vm, v, f = G.kv.secret(d, r, "json")
            res.append(inst("aws_ssm_parameter", case(nm, "snake"), ['"arn": "%s"' % d.N("arn:aws:ssm:%s:%s:parameter/%s/%s" % (region, acct, pick(r, SERVICES), case(nm, "snake")), "cloud-identifier", "ssm-arn"),
                                                                     '"name": "/%s/%s"' % (pick(r, SERVICES), case(nm, "snake")), '"type": "SecureString"', '"value": "%s"' % vm, '"version": %d' % r.randint(1, 9)],
                            '\n            {\n              "type": "get_attr",\n              "value": "value"\n            }\n          '))
        else:
            res.append(inst("github_actions_secret", case(pick(r, SERVICES), "snake"), ['"created_at": "%s"' % iso(r), '"encrypted_value": ""', '"id": "%s:%s"' % (pick(r, SERVICES), "DEPLOY_TOKEN"),
                                                                                       '"plaintext_value": "%s"' % d.S(gen(r, "github-pat-classic"), "github-pat-classic"), '"repository": "%s"' % pick(r, SERVICES),
                                                                                       '"secret_name": "%s"' % "DEPLOY_TOKEN"]))
    text = '{\n  "version": 4,\n  "terraform_version": "%s",\n  "serial": %d,\n  "lineage": "%s",\n  "outputs": {\n    "db_endpoint": {\n      "value": "%s",\n      "type": "string"\n    }\n  },\n  "resources": [\n%s\n  ],\n  "check_results": null\n}\n' % (
        pick(r, ("1.6.6", "1.7.5", "1.8.5", "1.9.2")), r.randint(1, 400), uuid_neg(d, r, "tf-lineage"), host(r), ",\n".join(res))
    return G.rpath(repo, pick(r, ("terraform.tfstate", "terraform.tfstate.backup", "envs/prod/terraform.tfstate", "infra/.terraform/terraform.tfstate"))), text


def k_tfplan(G, d, r):
    repo = G.repo(r)
    L = ["Terraform used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:",
         "  + create", "  ~ update in-place", "", "Terraform will perform the following actions:", ""]
    for _ in range(r.randint(3, 7)):
        typ = pick(r, ("aws_db_instance", "aws_secretsmanager_secret_version", "aws_lambda_function", "kubernetes_secret", "aws_iam_access_key"))
        nm = pick(r, SERVICES)
        L += ["  # %s.%s will be updated in-place" % (typ, nm), '  ~ resource "%s" "%s" {' % (typ, nm),
              '        id = "%s"' % d.N(pick(r, ("db-" + rs_any(r, ANU, 20), "arn:aws:secretsmanager:%s:%d:secret:%s-%s" % (pick(r, REGIONS), r.randint(10**11, 10**12), nm, rs_any(r, AN, 6)))), "cloud-identifier", "tf-id"),
              "      ~ %s = %s" % (pick(r, ("password", "secret_string", "environment", "data", "secret")), d.N("(sensitive value)", "masked-value", "tf-sensitive")),
              '      ~ tags = {', '          + "rotated_at" = "%s"' % ts(r)[:10], '        }', "    }", ""]
    if r.random() < 0.3:
        L += ["Changes to Outputs:", '  ~ admin_password = %s' % d.N("(sensitive value)", "masked-value", "tf-sensitive"),
              '  + api_url        = "https://api.%s"' % domain(r), ""]
    if r.random() < 0.3:
        L += ["Outputs:", "", 'ci_access_key_id = "%s"' % d.S(gen(r, "aws-access-key-id"), "aws-access-key-id"), 'ci_secret_access_key = %s' % d.N("<sensitive>", "masked-value", "tf-sensitive"), ""]
    L.append("Plan: %d to add, %d to change, 0 to destroy." % (r.randint(0, 5), r.randint(1, 7)))
    return G.rpath(repo, pick(r, ("plan.txt", "ci/artifacts/tfplan.txt", "docs/plan-output.txt")), ), nl(L)


def k_cfn(G, d, r):
    repo = G.repo(r)
    L = ["AWSTemplateFormatVersion: '2010-09-09'", "Description: %s stack" % pick(r, SERVICES), "Parameters:", "  DbPassword:", "    Type: String", "    NoEcho: true"]
    if r.random() < 0.3:
        L.append("    Default: %s" % d.S(password(r), "db-password"))
    L += ["  Environment:", "    Type: String", "    Default: prod", "Resources:", "  Database:", "    Type: AWS::RDS::DBInstance", "    Properties:", "      Engine: postgres",
          "      MasterUsername: app"]
    L.append("      MasterUserPassword: %s" % pick(r, (d.N("!Ref DbPassword", "template-var", "cfn"), "'%s'" % d.N(NG.secret_manager_ref(r)[0] if False else "{{resolve:secretsmanager:%s-db:SecretString:password}}" % pick(r, SERVICES), "secret-manager-ref", "cfn-resolve"))))
    L += ["  Function:", "    Type: AWS::Lambda::Function", "    Properties:", "      Runtime: python3.12", "      Handler: app.handler", "      Environment:", "        Variables:"]
    L += kv_block(G, d, r, "yaml-env", r.randint(1, 3), r.randint(1, 3), r.randint(1, 3), indent="          ")
    L += ["      Role: %s" % d.N("arn:aws:iam::%d:role/%s-lambda" % (r.randint(10**11, 10**12), pick(r, SERVICES)), "cloud-identifier", "aws-role-arn"),
          "Outputs:", "  Endpoint:", "    Value: !GetAtt Database.Endpoint.Address"]
    return G.rpath(repo, pick(r, ("template.yaml", "cloudformation/stack.yml", "infra/cfn.yaml"))), nl(L)


def k_serverless(G, d, r):
    repo = G.repo(r)
    L = ["service: %s" % pick(r, SERVICES), "frameworkVersion: '3'", "provider:", "  name: aws", "  runtime: nodejs20.x", "  region: %s" % pick(r, REGIONS), "  environment:"]
    for nm in r.sample(["STRIPE_SECRET_KEY", "DB_URL", "SLACK_WEBHOOK_URL", "JWT_SECRET", "SENTRY_DSN", "OPENAI_API_KEY"], r.randint(2, 5)):
        x = r.random()
        if x < 0.3:
            L.append("    %s: %s" % (nm, d.N("${ssm:/%s/%s}" % (pick(r, ("prod", "dev")), case(nm, "kebab")), "secret-manager-ref", "serverless-ssm")))
        elif x < 0.55:
            L.append("    %s: %s" % (nm, d.N("${env:%s}" % nm, "env-ref", "serverless")))
        else:
            L.append(G.kv.secret_line(d, r, "yaml-env", "    "))
    L += ["functions:", "  api:", "    handler: src/handler.main", "    events:", "      - httpApi: '*'", "plugins:", "  - serverless-offline"]
    return G.rpath(repo, "serverless.yml"), nl(L)


# ------------------------------------------------------------------ CI/CD

def action_pin(d, r):
    return "%s@%s" % (pick(r, ("actions/checkout", "actions/setup-node", "actions/cache", "docker/login-action", "aws-actions/configure-aws-credentials",
                                "actions/upload-artifact", "docker/build-push-action", "hashicorp/setup-terraform")), git_sha_neg(d, r))


def k_gha(G, d, r):
    repo = G.repo(r)
    L = ["name: %s" % pick(r, ("CI", "Deploy", "Release", "Nightly")), "on:", "  push:", "    branches: [main]", "  pull_request:", "", "permissions:", "  contents: read",
         "  id-token: write", "", "env:"]
    for _ in range(r.randint(1, 4)):
        if r.random() < 0.25:
            L.append(G.kv.secret_line(d, r, "yaml-env", "  "))
        else:
            L.append(G.kv.neg_line(d, r, "yaml-env", "  ", ci="github"))
    L += ["", "jobs:", "  build:", "    runs-on: ubuntu-latest", "    steps:", "      - uses: %s # v4" % action_pin(d, r),
          "      - uses: actions/cache@v4", "        with:", "          path: ~/.npm", "          %s" % d.N("key: ${{ runner.os }}-node-${{ hashFiles('**/package-lock.json') }}", "name-only", "cache-key"),
          "      - name: Configure AWS", "        uses: %s" % action_pin(d, r), "        with:",
          "          role-to-assume: %s" % d.N("arn:aws:iam::%d:role/gha-deployer" % r.randint(10**11, 10**12), "cloud-identifier", "aws-role-arn"),
          "          aws-region: %s" % pick(r, REGIONS), "      - name: Login to registry", "        uses: docker/login-action@v3", "        with:", "          registry: ghcr.io",
          "          username: ${{ github.actor }}", "          password: %s" % d.N("${{ secrets.GITHUB_TOKEN }}", "ci-secret-ref", "github"),
          "      - name: Deploy", "        run: |", "          ./scripts/deploy.sh --env prod", "        env:"]
    for _ in range(r.randint(1, 3)):
        if r.random() < 0.2:
            L.append(G.kv.secret_line(d, r, "yaml-env", "          "))
        else:
            L.append(G.kv.neg_line(d, r, "yaml-env", "          ", ci="github", classes=["ci-secret-ref"] * 3 + ["env-ref", "name-only"]))
    if r.random() < 0.3:
        L += ["      - name: Notify", "        run: curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"deployed\"}' %s" % d.S(gen(r, "slack-webhook-url"), "slack-webhook-url")]
    return G.rpath(repo, ".github/workflows/%s.yml" % pick(r, ("ci", "deploy", "release", "nightly", "e2e", "build"))), nl(L)


def k_gitlab(G, d, r):
    repo = G.repo(r)
    L = ["stages:", "  - test", "  - build", "  - deploy", "", "variables:", '  DOCKER_DRIVER: overlay2']
    for _ in range(r.randint(1, 4)):
        L.append(G.kv.secret_line(d, r, "yaml-env", "  ") if r.random() < 0.3 else G.kv.neg_line(d, r, "yaml-env", "  ", ci="gitlab"))
    L += ["", "test:", "  stage: test", "  image: %s" % pick(r, ("node:20", "python:3.12", "golang:1.22")), "  script:", "    - make test", "",
          "build:", "  stage: build", "  script:", "    - docker login -u $CI_REGISTRY_USER -p %s $CI_REGISTRY" % d.N("$CI_REGISTRY_PASSWORD", "ci-secret-ref", "gitlab"),
          "    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .", "", "deploy:", "  stage: deploy", "  environment: production", "  script:"]
    if r.random() < 0.4:
        L.append("    - curl --request POST --form token=%s --form ref=main https://gitlab.com/api/v4/projects/%d/trigger/pipeline" % (d.S(gen(r, "gitlab-pipeline-trigger-token"), "gitlab-pipeline-trigger-token"), r.randint(1000000, 60000000)))
    else:
        L.append('    - \'curl --header "PRIVATE-TOKEN: %s" "https://gitlab.com/api/v4/projects/%d/releases"\'' % (d.N("$GITLAB_API_TOKEN", "ci-secret-ref", "gitlab"), r.randint(1000000, 60000000)))
    L += ["  only:", "    - main"]
    return G.rpath(repo, ".gitlab-ci.yml"), nl(L)


def k_circleci(G, d, r):
    repo = G.repo(r)
    L = ["version: 2.1", "orbs:", "  aws-cli: circleci/aws-cli@4.1", "jobs:", "  build:", "    docker:", "      - image: cimg/node:20.11", "        auth:",
         "          username: %s" % username(r), "          password: %s" % (d.N("$DOCKERHUB_PASSWORD", "ci-secret-ref", "circleci") if r.random() < 0.7 else d.S(gen(r, "dockerhub-pat"), "dockerhub-pat")),
         "    environment:"]
    for _ in range(r.randint(1, 3)):
        L.append(G.kv.secret_line(d, r, "yaml-env", "      ") if r.random() < 0.3 else G.kv.neg_line(d, r, "yaml-env", "      ", ci="circleci"))
    L += ["    steps:", "      - checkout", "      - restore_cache:", "          keys:", "            - %s" % d.N("v1-deps-{{ checksum \"package-lock.json\" }}", "name-only", "cache-key"),
          "      - run: npm ci", "      - run: npm test", "workflows:", "  main:", "    jobs:", "      - build:", "          context: %s" % pick(r, ("org-global", "aws-prod"))]
    return G.rpath(repo, ".circleci/config.yml"), nl(L)


def k_jenkins(G, d, r):
    repo = G.repo(r)
    envs = []
    for _ in range(r.randint(1, 3)):
        x = r.random()
        if x < 0.5:
            nm = pick(r, ("AWS_CREDS", "DOCKER_HUB", "SONAR_TOKEN", "NEXUS_CREDS", "GITHUB_APP"))
            envs.append("        %s = %s" % (nm, d.N("credentials('%s')" % case(nm, "kebab"), "ci-secret-ref", "jenkins-credentials")))
        elif x < 0.8:
            nm, vm, v, f = G.kv.secret(d, r, "groovy")
            envs.append("        %s = '%s'" % (case(nm, "UP"), vm))
        else:
            nm, v = filler_items(r, 1)[0]
            envs.append("        %s = '%s'" % (nm, v))
    L = ["pipeline {", "    agent { label 'linux' }", "    options { timestamps() }", "    environment {"] + envs + ["    }", "    stages {",
         "        stage('Build') {", "            steps {", "                sh './gradlew build'", "            }", "        }",
         "        stage('Publish') {", "            steps {", "                withCredentials([usernamePassword(credentialsId: 'nexus', usernameVariable: 'NEXUS_USER', passwordVariable: 'NEXUS_PASS')]) {",
         "                    sh 'curl -u $NEXUS_USER:%s --upload-file build/libs/app.jar https://nexus.%s/repository/releases/'" % (d.N("$NEXUS_PASS", "ci-secret-ref", "jenkins"), domain(r)),
         "                }", "            }", "        }"]
    if r.random() < 0.4:
        L += ["        stage('Smoke') {", "            steps {", "                sh \"curl -fsS -u admin:%s https://%s/health\"" % (d.S(password(r, url_safe=True), "basic-auth-password"), host(r, "svc")), "            }", "        }"]
    L += ["    }", "    post {", "        failure {", "            slackSend channel: '#deploys', tokenCredentialId: 'slack-bot', message: \"Build failed: ${env.BUILD_URL}\"", "        }", "    }", "}"]
    return G.rpath(repo, "Jenkinsfile"), nl(L)


def k_azure_pipelines(G, d, r):
    repo = G.repo(r)
    L = ["trigger:", "  - main", "pool:", "  vmImage: ubuntu-latest", "variables:", "  - group: %s-secrets" % pick(r, SERVICES), "  - name: buildConfiguration", "    value: Release"]
    for _ in range(r.randint(1, 3)):
        if r.random() < 0.3:
            nm, vm, v, f = G.kv.secret(d, r, "yaml")
            L += ["  - name: %s" % case(nm, "pascal"), "    value: %s" % yaml_scalar(v, vm, r)]
        else:
            nm = pick(r, ("SqlPassword", "StorageKey", "ApiToken"))
            L += ["  - name: %s" % nm, "    value: %s" % d.N("$(%s)" % pick(r, ("kv-sql-password", "storage.key", "api.token")), "ci-secret-ref", "azure")]
    L += ["steps:", "  - task: AzureKeyVault@2", "    inputs:", "      azureSubscription: '%s'" % pick(r, ("prod-sc", "svc-conn-main")), "      KeyVaultName: '%s-kv'" % org(r),
          "      SecretsFilter: '*'", "  - script: dotnet build --configuration $(buildConfiguration)", "    displayName: Build", "  - script: ./deploy.sh", "    env:",
          "      SQL_PASSWORD: %s" % d.N("$(SqlPassword)", "ci-secret-ref", "azure"), "      AZURE_DEVOPS_EXT_PAT: %s" % (d.N("$(System.AccessToken)", "ci-secret-ref", "azure") if r.random() < 0.7 else d.S(gen(r, "azure-devops-pat"), "azure-devops-pat"))]
    text = nl(L)
    return G.rpath(repo, "azure-pipelines.yml"), d.transform(text, "crlf") if r.random() < 0.5 else text


def k_bitbucket(G, d, r):
    repo = G.repo(r)
    L = ["image: node:20", "definitions:", "  caches:", "    npm: ~/.npm", "pipelines:", "  branches:", "    main:", "      - step:", "          name: Test and deploy",
         "          caches:", "            - npm", "          script:", "            - npm ci", "            - npm test",
         "            - pipe: atlassian/aws-s3-deploy:1.1.0", "              variables:", "                AWS_ACCESS_KEY_ID: %s" % d.N("$AWS_ACCESS_KEY_ID", "ci-secret-ref", "bitbucket"),
         "                AWS_SECRET_ACCESS_KEY: %s" % d.N("$AWS_SECRET_ACCESS_KEY", "ci-secret-ref", "bitbucket"), "                S3_BUCKET: '%s-site'" % org(r), "                LOCAL_PATH: 'dist'"]
    if r.random() < 0.4:
        L += ["            - curl -u %s:%s -X POST https://api.bitbucket.org/2.0/repositories/%s/%s/pipelines/" % (username(r), d.S(gen(r, "bitbucket-app-password"), "bitbucket-app-password"), org(r), repo)]
    else:
        L += ["            - pipe: atlassian/slack-notify:2.1.0", "              variables:", "                WEBHOOK_URL: %s" % d.N("$SLACK_WEBHOOK", "ci-secret-ref", "bitbucket")]
    return G.rpath(repo, "bitbucket-pipelines.yml"), nl(L)


def k_drone(G, d, r):
    repo = G.repo(r)
    L = ["kind: pipeline", "type: docker", "name: default", "", "steps:", "- name: test", "  image: golang:1.22", "  commands:", "  - go test ./...", "",
         "- name: publish", "  image: plugins/docker", "  settings:", "    repo: %s/%s" % (org(r), repo), "    username:", "      from_secret: %s" % d.N("docker_username", "ci-secret-ref", "drone"),
         "    password:", "      from_secret: %s" % d.N("docker_password", "ci-secret-ref", "drone"), "", "- name: notify", "  image: plugins/slack", "  settings:"]
    if r.random() < 0.5:
        L.append("    webhook: %s" % d.S(gen(r, "slack-webhook-url"), "slack-webhook-url"))
    else:
        L += ["    webhook:", "      from_secret: %s" % d.N("slack_webhook", "ci-secret-ref", "drone")]
    L += ["  when:", "    status: [success, failure]"]
    return G.rpath(repo, ".drone.yml"), nl(L)


def k_buildkite(G, d, r):
    repo = G.repo(r)
    L = ["env:", "  DOCKER_BUILDKIT: \"1\""]
    if r.random() < 0.4:
        L.append(G.kv.secret_line(d, r, "yaml-env", "  "))
    L += ["steps:", "  - label: \":test_tube: test\"", "    command: make test", "    plugins:", "      - docker-compose#v5.2.0:", "          run: app",
          "      - seek-oss/aws-sm#v2.3.2:", "          env:",
          "            NPM_TOKEN: %s" % d.N("global/npm-token", "secret-manager-ref", "buildkite-aws-sm"),
          "  - wait", "  - label: \":rocket: deploy\"", "    command: scripts/deploy.sh", "    branches: main", "    env:",
          "      BUILDKITE_API_TOKEN: %s" % (d.N("$BUILDKITE_API_TOKEN", "ci-secret-ref", "buildkite") if r.random() < 0.6 else d.S(gen(r, "buildkite-api-token"), "buildkite-api-token"))]
    return G.rpath(repo, ".buildkite/pipeline.yml"), nl(L)


def k_tekton(G, d, r):
    repo = G.repo(r)
    L = ["apiVersion: tekton.dev/v1", "kind: Task", "metadata:", "  name: %s-publish" % repo, "spec:", "  params:", "    - name: image", "      type: string",
         "    - name: registry-token", "      type: string", "  steps:", "    - name: push", "      image: gcr.io/kaniko-project/executor:v1.23.0", "      args:",
         "        - --destination=%s" % d.N("$(params.image)", "template-var", "tekton"), "      env:", "        - name: REGISTRY_TOKEN", "          value: %s" % d.N("$(params.registry-token)", "template-var", "tekton"),
         "        - name: GITHUB_TOKEN", "          valueFrom:", "            secretKeyRef:", "              name: github-creds", "              %s" % d.N("key: token", "name-only", "k8s-secretkeyref")]
    if r.random() < 0.4:
        L += ["        - name: SONAR_TOKEN", "          value: %s" % d.S(gen(r, "sonarqube-user-token"), "sonarqube-user-token")]
    return G.rpath(repo, "tekton/task-publish.yaml"), nl(L)


def k_argo(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.5:
        url = "https://github.com/%s/%s.git" % (org(r), repo)
        L = ["apiVersion: v1", "kind: Secret", "metadata:", "  name: %s-repo" % repo, "  namespace: argocd", "  labels:", "    argocd.argoproj.io/secret-type: repository",
             "stringData:", "  type: git", "  url: %s" % url, "  username: %s" % pick(r, ("git", "argocd", username(r))),
             "  password: %s" % d.S(gen(r, pick(r, ("github-pat-classic", "gitlab-pat", "github-fine-grained-pat"))), "github-pat-classic") if False else None]
        f = pick(r, ("github-pat-classic", "gitlab-pat", "github-fine-grained-pat"))
        L[-1] = "  password: %s" % d.S(gen(r, f), f)
        return G.rpath(repo, "argocd/repo-secret.yaml"), nl(L)
    L = ["apiVersion: argoproj.io/v1alpha1", "kind: Workflow", "metadata:", "  generateName: %s-etl-" % repo, "spec:", "  entrypoint: main", "  arguments:", "    parameters:",
         "      - name: api-token", "        value: %s" % (d.N('""', "short-or-empty", "empty") if r.random() < 0.5 else d.S(gen(r, "http-bearer-token"), "http-bearer-token")),
         "  templates:", "    - name: main", "      container:", "        image: python:3.12", "        command: [python, etl.py]", "        env:",
         "          - name: API_TOKEN", "            value: \"%s\"" % d.N("{{workflow.parameters.api-token}}", "template-var", "argo")]
    return G.rpath(repo, "argo/workflow-etl.yaml"), nl(L)


# ------------------------------------------------------------------ servers and daemons

def k_systemd(G, d, r):
    svc = pick(r, SERVICES)
    L = ["[Unit]", "Description=%s service" % svc.capitalize(), "After=network-online.target", "Wants=network-online.target", "", "[Service]", "Type=simple",
         "User=%s" % svc, "WorkingDirectory=/opt/%s" % svc]
    for _ in range(r.randint(1, 3)):
        nm, vm, v, f = G.kv.secret(d, r, "dotenv")
        L.append('Environment="%s=%s"' % (case(nm, "UP"), vm) if r.random() < 0.6 else "Environment=%s=%s" % (case(nm, "UP"), vm))
    L.append("Environment=PORT=%d" % pick(r, (8080, 9000, 3000)))
    if r.random() < 0.6:
        L.append("EnvironmentFile=%s" % d.N("/etc/%s/%s.env" % (svc, svc), "file-path", "path"))
    if r.random() < 0.4:
        L.append("LoadCredential=%s" % d.N("db-password:/etc/credstore/%s.db-password" % svc, "file-path", "systemd-credential"))
    ex = "/opt/%s/bin/%s serve" % (svc, svc)
    if r.random() < 0.4:
        ex += " --db-password=%s" % d.S(password(r, url_safe=True), "cli-password-flag")
    L += ["ExecStart=%s" % ex, "Restart=on-failure", "RestartSec=5", "NoNewPrivileges=true", "ProtectSystem=strict", "", "[Install]", "WantedBy=multi-user.target"]
    return G.uniq(pick(r, ("etc/systemd/system/%s.service" % svc, "deploy/systemd/%s.service" % svc))), nl(L)


def k_nginx(G, d, r):
    srv = pick(r, SERVICES)
    dom = domain(r)
    L = ["upstream %s_backend {" % srv, "    server 127.0.0.1:%d;" % pick(r, (8080, 3000, 9000)), "    keepalive 32;", "}", "", "server {", "    listen 443 ssl http2;",
         "    server_name %s.%s;" % (srv, dom), "    ssl_certificate /etc/nginx/ssl/%s.crt;" % srv, "    ssl_certificate_key %s;" % d.N("/etc/nginx/ssl/%s.key" % srv, "file-path", "path"),
         "    add_header Strict-Transport-Security \"max-age=63072000\" always;", "", "    location / {", "        proxy_pass http://%s_backend;" % srv, "        proxy_set_header Host $host;",
         "        proxy_set_header X-Request-Id $request_id;"]
    x = r.random()
    if x < 0.35:
        L.append('        proxy_set_header Authorization "Bearer %s";' % d.S(gen(r, "http-bearer-token"), "http-bearer-token"))
    elif x < 0.55:
        L.append('        proxy_set_header X-Api-Key %s;' % d.S(gen(r, "x-api-key-header"), "x-api-key-header"))
    elif x < 0.7:
        L.append('        proxy_set_header Authorization "Basic %s";' % d.S(gen(r, "http-basic-credentials"), "http-basic-credentials"))
    L += ["    }", "", "    location /admin {", "        auth_basic \"Restricted\";", "        auth_basic_user_file %s;" % d.N("/etc/nginx/.htpasswd", "file-path", "path"),
          "        proxy_pass http://%s_backend;" % srv, "    }"]
    if r.random() < 0.4:
        L += ["", "    location /files/ {", "        secure_link $arg_md5,$arg_expires;", '        secure_link_md5 "$secure_link_expires$uri %s";' % d.S(rs(r, AN, 24), "secret-key-generic"),
              "        if ($secure_link = \"\") { return 403; }", "    }"]
    L += ["}", ""]
    return G.uniq(pick(r, ("etc/nginx/conf.d/%s.conf" % srv, "etc/nginx/sites-available/%s.%s" % (srv, dom), "deploy/nginx/%s.conf" % srv))), nl(L)


def k_apache(G, d, r):
    if r.random() < 0.4:
        L = ["%s:%s" % (username(r).split(".")[0], d.N(NG.password_hash(r)[0] if False else pick(r, ("$apr1$%s$%s" % (rs_any(r, NG.BC, 8), rs_any(r, NG.BC, 22)), "$2y$05$" + rs_any(r, NG.BC, 53), "{SHA}" + b64(rbytes(r, 20)))), "password-hash", "htpasswd"))
             for _ in range(r.randint(2, 6))]
        return G.uniq(pick(r, ("etc/nginx/.htpasswd", "etc/apache2/.htpasswd", "srv/%s/.htpasswd" % pick(r, SERVICES)))), nl(L)
    srv = pick(r, SERVICES)
    L = ["<VirtualHost *:443>", "    ServerName %s.%s" % (srv, domain(r)), "    SSLEngine on", "    SSLCertificateFile /etc/ssl/certs/%s.pem" % srv,
         "    SSLCertificateKeyFile %s" % d.N("/etc/ssl/private/%s.key" % srv, "file-path", "path"), "    ProxyPreserveHost On", "    ProxyPass / http://127.0.0.1:8080/",
         "    ProxyPassReverse / http://127.0.0.1:8080/"]
    if r.random() < 0.6:
        L.append('    RequestHeader set Authorization "Basic %s"' % d.S(gen(r, "http-basic-credentials"), "http-basic-credentials"))
    if r.random() < 0.4:
        L.append('    SetEnv %s %s' % (pick(r, ("DB_PASSWORD", "APP_SECRET")), d.S(password(r), "password-assignment")))
    L += ["    ErrorLog ${APACHE_LOG_DIR}/%s-error.log" % srv, "</VirtualHost>"]
    return G.uniq("etc/apache2/sites-available/%s.conf" % srv), nl(L)


def k_haproxy(G, d, r):
    L = ["global", "    log /dev/log local0", "    maxconn 4096", "    ssl-default-bind-options ssl-min-ver TLSv1.2", "", "userlist ops_users",
         "    user admin password %s" % d.N("$6$%s$%s" % (rs_any(r, NG.BC, 16), rs_any(r, NG.BC, 86)), "password-hash", "sha512-crypt")]
    if r.random() < 0.6:
        L.append("    user deploy insecure-password %s" % d.S(password(r, url_safe=True), "basic-auth-password"))
    L += ["", "frontend https-in", "    bind *:443 ssl crt %s" % d.N("/etc/haproxy/certs/site.pem", "file-path", "path"), "    default_backend app", "",
          "listen stats", "    bind *:8404", "    stats enable", "    stats uri /stats", "    stats auth admin:%s" % d.S(password(r, url_safe=True), "basic-auth-password"), "",
          "backend app", "    balance roundrobin", "    option httpchk GET /healthz"]
    if r.random() < 0.4:
        L.append("    http-request set-header X-Internal-Token %s" % d.S(gen(r, "auth-token-generic"), "auth-token-generic"))
    for i in range(r.randint(2, 4)):
        L.append("    server app%d %s:8080 check" % (i + 1, ip(r)))
    return G.uniq("etc/haproxy/haproxy.cfg" if r.random() < 0.3 else "deploy/haproxy/%s.cfg" % pick(r, SERVICES)), nl(L)


def k_envoy(G, d, r):
    L = ["static_resources:", "  listeners:", "  - name: listener_0", "    address:", "      socket_address: { address: 0.0.0.0, port_value: 10000 }", "    filter_chains:",
         "    - transport_socket:", "        name: envoy.transport_sockets.tls", "        typed_config:", "          \"@type\": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext",
         "          common_tls_context:", "            tls_certificates:", "            - certificate_chain:", "                filename: /etc/envoy/certs/server.crt", "              private_key:"]
    if r.random() < 0.5:
        key = gen(r, "tls-private-key-inline")
        ind = "                  "
        L.append("                inline_string: |\n" + ind + d.transform(d.S(key, "tls-private-key-inline"), "indent", ind))
    else:
        L.append("                filename: %s" % d.N("/etc/envoy/certs/server.key", "file-path", "path"))
    L += ["  clusters:", "  - name: upstream", "    connect_timeout: 5s", "    load_assignment:", "      cluster_name: upstream", "      endpoints:", "      - lb_endpoints:",
          "        - endpoint:", "            address:", "              socket_address: { address: %s, port_value: 443 }" % host(r, "svc"), "    typed_extension_protocol_options: {}",
          "    request_headers_to_add:", "    - header:", "        key: x-api-key", "        value: %s" % (d.S(gen(r, "x-api-key-header"), "x-api-key-header") if r.random() < 0.6 else d.N("%REQ(x-api-key)%", "template-var", "envoy"))]
    return G.uniq("deploy/envoy/%s.yaml" % pick(r, SERVICES)), nl(L)


def k_traefik(G, d, r):
    L = ["http:", "  middlewares:", "    admin-auth:", "      basicAuth:", "        users:"]
    for _ in range(r.randint(1, 3)):
        L.append('          - "%s:%s"' % (username(r).split(".")[0], d.N("$apr1$%s$%s" % (rs_any(r, NG.BC, 8), rs_any(r, NG.BC, 22)), "password-hash", "apache-md5")))
    L += ["  routers:", "    dashboard:", "      rule: Host(`traefik.%s`)" % domain(r), "      service: api@internal", "      middlewares:", "        - admin-auth",
          "certificatesResolvers:", "  le:", "    acme:", "      email: ops@%s" % domain(r), "      storage: /acme/acme.json", "      dnsChallenge:", "        provider: cloudflare"]
    if r.random() < 0.5:
        L += ["providers:", "  http:", "    endpoint: https://config.%s/traefik" % domain(r), "    headers:", "      Authorization: Bearer %s" % d.S(gen(r, "http-bearer-token"), "http-bearer-token")]
    return G.uniq("deploy/traefik/%s.yml" % pick(r, ("dynamic", "traefik", "middlewares"))), nl(L)


def k_prometheus(G, d, r):
    c = r.randrange(3)
    if c == 0:
        L = ["global:", "  scrape_interval: 15s", "scrape_configs:"]
        for _ in range(r.randint(2, 4)):
            L += ["  - job_name: %s" % pick(r, SERVICES), "    scheme: https", "    static_configs:", "      - targets: ['%s:9100']" % host(r, "svc")]
            x = r.random()
            if x < 0.3:
                L += ["    basic_auth:", "      username: prometheus", "      password: %s" % d.S(password(r), "basic-auth-password")]
            elif x < 0.5:
                L += ["    basic_auth:", "      username: prometheus", "      password_file: %s" % d.N("/etc/prometheus/secrets/%s" % pick(r, SERVICES), "file-path", "path")]
            elif x < 0.7:
                L += ["    bearer_token: %s" % d.S(gen(r, "k8s-serviceaccount-token"), "k8s-serviceaccount-token")]
            else:
                L += ["    authorization:", "      credentials_file: %s" % d.N("/var/run/secrets/kubernetes.io/serviceaccount/token", "file-path", "path")]
        if r.random() < 0.5:
            L += ["remote_write:", "  - url: https://prometheus-prod-%d-prod-eu-west-2.grafana.net/api/prom/push" % r.randint(1, 40), "    basic_auth:",
                  "      username: %d" % r.randint(100000, 2000000), "      password: %s" % d.S(gen(r, "grafana-cloud-token"), "grafana-cloud-token")]
        return G.uniq("deploy/prometheus/prometheus-%s.yml" % pick(r, ("prod", "staging", "edge"))), nl(L)
    if c == 1:
        L = ["global:", "  resolve_timeout: 5m", "  slack_api_url: %s" % d.S(gen(r, "slack-webhook-url"), "slack-webhook-url"), "  smtp_smarthost: smtp.%s:587" % domain(r),
             "  smtp_from: alerts@%s" % domain(r), "  smtp_auth_username: alerts", "  smtp_auth_password: %s" % (d.S(password(r), "smtp-password") if r.random() < 0.6 else d.N("<secret>", "placeholder", "generic")),
             "route:", "  receiver: default", "receivers:", "  - name: default", "    pagerduty_configs:", "      - routing_key: %s" % d.S(gen(r, "pagerduty-integration-key"), "pagerduty-integration-key"),
             "    opsgenie_configs:", "      - api_key: %s" % (d.S(gen(r, "opsgenie-api-key"), "opsgenie-api-key") if r.random() < 0.6 else d.N("<opsgenie-key>", "placeholder", "generic"))]
        return G.uniq("deploy/alertmanager/alertmanager-%s.yml" % pick(r, ("prod", "staging", "main"))), nl(L)
    L = ["[server]", "http_port = 3000", "root_url = https://grafana.%s/" % domain(r), "", "[database]", "type = postgres", "host = %s:5432" % host(r), "name = grafana", "user = grafana",
         "password = %s" % d.S(password(r), "db-password"), "", "[security]", "admin_user = admin", "admin_password = %s" % d.S(password(r), "grafana-admin-password"),
         "secret_key = %s" % d.S(rs(r, AN, 16), "secret-key-generic"), "cookie_secure = true", "", "[auth.github]", "enabled = true",
         "client_id = %s" % d.N("Iv1." + NG.hx(r, 16), "public-identifier", "github-app-client-id"), "client_secret = %s" % d.S(gen(r, "github-oauth-client-secret"), "github-oauth-client-secret"),
         "allowed_organizations = %s" % org(r), "", "[smtp]", "enabled = true", "host = smtp.sendgrid.net:587", "user = apikey", "password = %s" % d.S(gen(r, "sendgrid-api-key"), "sendgrid-api-key")]
    return G.uniq("etc/grafana/grafana%s.ini" % pick(r, ("", "-prod", "-ops"))), nl(L)


def k_logship(G, d, r):
    c = r.randrange(3)
    if c == 0:
        L = ["[SERVICE]", "    Flush        5", "    Log_Level    info", "", "[INPUT]", "    Name  tail", "    Path  /var/log/containers/*.log", "", "[OUTPUT]", "    Name            es",
             "    Match           *", "    Host            %s" % host(r, "svc"), "    Port            9200", "    HTTP_User       elastic",
             "    HTTP_Passwd     %s" % (d.S(password(r), "elasticsearch-password") if r.random() < 0.6 else d.N("${ES_PASSWORD}", "env-ref", "fluent-bit")), "    tls             On"]
        if r.random() < 0.5:
            L += ["", "[OUTPUT]", "    Name   datadog", "    Match  *", "    apikey %s" % d.S(gen(r, "datadog-api-key"), "datadog-api-key")]
        return G.uniq("deploy/fluent-bit/fluent-bit-%s.conf" % pick(r, ("prod", "edge", "k8s"))), nl(L)
    if c == 1:
        L = ["input {", "  beats { port => 5044 }", "}", "output {", "  elasticsearch {", '    hosts => ["https://%s:9200"]' % host(r, "svc"), '    user => "logstash_writer"',
             '    password => "%s"' % (d.S(password(r), "elasticsearch-password") if r.random() < 0.6 else d.N("${LOGSTASH_PW}", "env-ref", "logstash")), '    index => "logs-%{+YYYY.MM.dd}"', "  }", "}"]
        return G.uniq("deploy/logstash/pipeline-%s.conf" % pick(r, ("main", "beats", "app"))), nl(L)
    L = ["[sources.app_logs]", 'type = "file"', 'include = ["/var/log/app/*.log"]', "", "[sinks.dd]", 'type = "datadog_logs"', 'inputs = ["app_logs"]',
         'default_api_key = "%s"' % (d.N("${DD_API_KEY}", "env-ref", "vector") if r.random() < 0.5 else d.S(gen(r, "datadog-api-key"), "datadog-api-key")), 'site = "datadoghq.eu"']
    return G.uniq("deploy/vector/vector-%s.toml" % pick(r, ("prod", "edge", "k8s"))), nl(L)


def k_redis_conf(G, d, r):
    L = ["# Redis configuration file example.", "bind 0.0.0.0", "protected-mode yes", "port 6379", "tcp-backlog 511", "timeout 0", "tcp-keepalive 300", "daemonize no",
         "supervised systemd", "pidfile /var/run/redis_6379.pid", "loglevel notice", "databases 16", "save 3600 1", "save 300 100", "dbfilename dump.rdb", "dir /var/lib/redis",
         "# requirepass foobared", "requirepass %s" % d.S(gen(r, "redis-password"), "redis-password"), "maxmemory 2gb", "maxmemory-policy allkeys-lru", "appendonly yes"]
    if r.random() < 0.5:
        L.insert(15, "masterauth %s" % d.S(gen(r, "redis-password"), "redis-password"))
    if r.random() < 0.4:
        L.append("user app on >%s ~app:* +@all" % d.S(password(r, url_safe=True), "redis-password"))
    return G.uniq("etc/redis/redis%s.conf" % pick(r, ("", "-6380", "-cache", "-sessions"))), nl(L)


def k_pgbouncer(G, d, r):
    L = []
    for _ in range(r.randint(2, 6)):
        u = pick(r, ("app", "readonly", "analytics", "pgbouncer", "migrator", username(r).replace(".", "_")))
        x = r.random()
        if x < 0.6:
            v, sub = NG.password_hash(r)
            v = pick(r, ("md5" + NG.hx(r, 32), "SCRAM-SHA-256$4096:%s$%s:%s" % (b64(rbytes(r, 16)), b64(rbytes(r, 32)), b64(rbytes(r, 32)))))
            L.append('"%s" "%s"' % (u, d.N(v, "password-hash", "pgbouncer")))
        else:
            L.append('"%s" "%s"' % (u, d.S(password(r, url_safe=True), "db-password")))
    return G.uniq("etc/pgbouncer/userlist%s.txt" % pick(r, ("", "-prod", "-replica"))), nl(L)


def k_keycloak(G, d, r):
    realm = pick(r, SERVICES)
    clients = []
    for _ in range(r.randint(1, 3)):
        clients.append('    {\n      "clientId": "%s",\n      "enabled": true,\n      "clientAuthenticatorType": "client-secret",\n      "secret": "%s",\n      "redirectUris": ["https://%s/*"],\n      "publicClient": false\n    }' % (
            pick(r, SERVICES) + "-web", d.S(gen(r, "client-secret-generic"), "client-secret-generic"), domain(r)))
    users = []
    for _ in range(r.randint(1, 3)):
        salt = b64(rbytes(r, 16))
        users.append('    {\n      "username": "%s",\n      "email": "%s",\n      "enabled": true,\n      "credentials": [\n        {\n          "type": "password",\n          "secretData": "{\\"value\\":\\"%s\\",\\"salt\\":\\"%s\\",\\"additionalParameters\\":{}}",\n          "credentialData": "{\\"hashIterations\\":27500,\\"algorithm\\":\\"pbkdf2-sha256\\",\\"additionalParameters\\":{}}"\n        }\n      ]\n    }' % (
            username(r), email(r), d.N(b64(rbytes(r, 32)), "password-hash", "keycloak-pbkdf2"), d.N(salt, "salt-iv", "salt-b64")))
    text = '{\n  "id": "%s",\n  "realm": "%s",\n  "enabled": true,\n  "smtpServer": {\n    "host": "smtp.%s",\n    "port": "587",\n    "auth": "true",\n    "user": "keycloak",\n    "password": "%s"\n  },\n  "clients": [\n%s\n  ],\n  "users": [\n%s\n  ]\n}\n' % (
        uuid_neg(d, r, "realm-id"), realm, domain(r), d.S(password(r), "smtp-password"), ",\n".join(clients), ",\n".join(users))
    return G.rpath(G.repo(r), "keycloak/realm-%s.json" % realm), text


def k_openvpn(G, d, r):
    L = ["client", "dev tun", "proto udp", "remote vpn.%s 1194" % domain(r), "resolv-retry infinite", "nobind", "persist-key", "persist-tun", "remote-cert-tls server",
         "cipher AES-256-GCM", "verb 3"]
    if r.random() < 0.4:
        L.append("auth-user-pass %s" % d.N("/etc/openvpn/creds.txt", "file-path", "path"))
    L += ["<ca>", d.N(NG.pem_cert(r), "certificate", "pem"), "</ca>", "<cert>", d.N(NG.pem_cert(r), "certificate", "pem"), "</cert>", "<key>",
          d.S(gen(r, "tls-private-key-inline"), "tls-private-key-inline"), "</key>", "key-direction 1", "<tls-auth>", d.S(gen(r, "openvpn-static-key"), "openvpn-static-key"), "</tls-auth>"]
    return G.hpath(G.user(r), "vpn/%s.ovpn" % pick(r, ("office", org(r), "prod", "client"))), nl(L)


def k_wifi(G, d, r):
    if r.random() < 0.5:
        L = ["ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev", "update_config=1", "country=%s" % pick(r, ("DE", "US", "JP", "GB")), ""]
        for _ in range(r.randint(1, 3)):
            L += ["network={", '    ssid="%s-%s"' % (org(r).capitalize(), pick(r, ("Office", "Guest", "5G", "Lab"))), '    psk="%s"' % d.S(password(r), "wifi-psk"), "    key_mgmt=WPA-PSK", "}"]
        return G.uniq("etc/wpa_supplicant/wpa_supplicant%s.conf" % pick(r, ("", "-wlan0", "-office"))), nl(L)
    L = ["interface=wlan0", "driver=nl80211", "ssid=%s-IoT" % org(r).capitalize(), "hw_mode=g", "channel=%d" % r.randint(1, 11), "wpa=2",
         "wpa_passphrase=%s" % d.S(password(r), "wifi-psk"), "wpa_key_mgmt=WPA-PSK", "rsn_pairwise=CCMP"]
    return G.uniq("etc/hostapd/hostapd%s.conf" % pick(r, ("", "-iot", "-lab"))), nl(L)


def k_tomcat(G, d, r):
    if r.random() < 0.5:
        L = ['<?xml version="1.0" encoding="UTF-8"?>', '<tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">', '  <role rolename="manager-gui"/>', '  <role rolename="manager-script"/>']
        for _ in range(r.randint(1, 3)):
            L.append('  <user username="%s" password="%s" roles="manager-gui,manager-script"/>' % (pick(r, ("admin", "deployer", "jenkins")), d.S(password(r), "xml-password-attribute")))
        L.append("</tomcat-users>")
        return G.uniq("opt/tomcat/conf/tomcat-users%s.xml" % pick(r, ("", "-prod", "-staging"))), nl(L)
    L = ['<?xml version="1.0" encoding="UTF-8"?>', "<Context>", '  <Resource name="jdbc/%s" auth="Container" type="javax.sql.DataSource"' % pick(r, SERVICES),
         '            driverClassName="org.postgresql.Driver" url="jdbc:postgresql://%s:5432/%s"' % (host(r), pick(r, SERVICES)),
         '            username="app" password="%s" maxTotal="20" maxIdle="10"/>' % d.S(password(r), "xml-password-attribute"), "</Context>"]
    return G.uniq("opt/tomcat/conf/context-%s.xml" % pick(r, SERVICES)), nl(L)


def k_cisco(G, d, r):
    hn = "%s-sw%02d" % (org(r), r.randint(1, 99))
    L = ["!", "version 15.2", "service password-encryption", "hostname %s" % hn, "!",
         "enable secret 9 %s" % d.N("$9$%s$%s" % (rs_any(r, NG.BC, 14), rs_any(r, NG.BC, 43)), "password-hash", "cisco-type9"),
         "username admin privilege 15 password 7 %s" % d.S(gen(r, "cisco-type7-password"), "cisco-type7-password"), "!",
         "snmp-server community %s RO" % d.S(gen(r, "snmp-community-string"), "snmp-community-string"), "snmp-server location DC-%d" % r.randint(1, 9),
         "tacacs-server host %s key 7 %s" % (ip(r), d.S(gen(r, "cisco-type7-password"), "cisco-type7-password")), "!", "interface GigabitEthernet0/1",
         " description uplink", " switchport mode trunk", "!", "line vty 0 4", " transport input ssh", " login local", "!", "end"]
    return G.uniq("network/configs/%s.cfg" % hn), nl(L)


def k_sops(G, d, r):
    repo = G.repo(r)
    if r.random() < 0.3:
        L = ["creation_rules:", "  - path_regex: secrets/prod/.*\\.yaml$", "    kms: %s" % d.N("arn:aws:kms:%s:%d:key/%s" % (pick(r, REGIONS), r.randint(10**11, 10**12), uuid4(r)), "cloud-identifier", "kms-key-arn"),
             "  - path_regex: secrets/dev/.*", "    age: %s" % d.N("age1" + rs_any(r, "qpzry9x8gf2tvdw0s3jn54khce6mua7l", 58), "public-key", "age-recipient")]
        return G.rpath(repo, ".sops.yaml"), nl(L)
    L = []
    for k in r.sample(["db_password", "api_key", "stripe_secret_key", "jwt_secret", "smtp_password", "sentry_dsn"], r.randint(2, 5)):
        L.append("%s: %s" % (k, d.N("ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(r, r.randint(12, 40))), b64(rbytes(r, 32)), b64(rbytes(r, 16))), "encrypted-blob", "sops")))
    L += ["sops:", "    kms:", "        - arn: %s" % d.N("arn:aws:kms:%s:%d:key/%s" % (pick(r, REGIONS), r.randint(10**11, 10**12), uuid4(r)), "cloud-identifier", "kms-key-arn"),
          "          created_at: \"%s\"" % iso(r), "          enc: %s" % d.N("AQICAHi" + b64(rbytes(r, 180)), "encrypted-blob", "kms-ciphertext"), "          aws_profile: \"\"",
          "    lastmodified: \"%s\"" % iso(r), "    mac: %s" % d.N("ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(r, 64)), b64(rbytes(r, 32)), b64(rbytes(r, 16))), "encrypted-blob", "sops-mac"),
          "    version: 3.8.1"]
    return G.rpath(repo, pick(r, ("secrets/prod/app.enc.yaml", "secrets.enc.yaml", "deploy/secrets/prod.yaml"))), nl(L)


def k_vault_agent(G, d, r):
    svc = pick(r, SERVICES)
    L = ['vault {', '  address = "https://vault.%s:8200"' % domain(r), '}', '', 'auto_auth {', '  method "approle" {', '    config = {',
         '      role_id_file_path   = "%s"' % d.N("/etc/vault/role-id", "file-path", "path"), '      secret_id_file_path = "%s"' % d.N("/etc/vault/secret-id", "file-path", "path"),
         '    }', '  }', '}', '', 'template {', '  destination = "/etc/%s/app.env"' % svc,
         '  contents    = <<EOT', 'DB_PASSWORD=%s' % d.N('{{ with secret "database/creds/%s" }}{{ .Data.password }}{{ end }}' % svc, "template-var", "vault-template"),
         'STRIPE_KEY=%s' % d.N('{{ with secret "secret/data/%s/stripe" }}{{ .Data.data.secret_key }}{{ end }}' % svc, "template-var", "vault-template"), 'EOT', '}']
    if r.random() < 0.3:
        L += ['', '# bootstrap only, remove!', 'env_template "VAULT_TOKEN" {', '  contents = "%s"' % d.S(gen(r, "vault-service-token"), "vault-service-token"), '}']
    return G.uniq("etc/vault-agent/%s.hcl" % svc), nl(L)


def k_op_template(G, d, r):
    L = ["# resolved with: op inject -i .env.tpl -o .env"]
    for k in r.sample(["DB_PASSWORD", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "OPENAI_API_KEY", "SENDGRID_API_KEY", "AWS_SECRET_ACCESS_KEY"], r.randint(2, 5)):
        L.append("%s=%s" % (k, d.N("op://%s/%s/%s" % (pick(r, ("Engineering", "Infra", "Shared")), case(k, "kebab"), pick(r, ("credential", "password", "secret"))), "secret-manager-ref", "1password")))
    nm, v = filler_items(r, 1)[0]
    L.append("%s=%s" % (nm, v))
    return G.rpath(G.repo(r), pick(r, (".env.tpl", "config/.env.op", ".env.1password"))), nl(L)


def k_supervisor(G, d, r):
    svc = pick(r, SERVICES)
    envs = []
    for _ in range(r.randint(1, 3)):
        nm, vm, v, f = G.kv.secret(d, r, "ini", pred=lambda x: "," not in "".join(FORMATS[x]["names"]))
        envs.append('%s="%s"' % (case(nm, "UP"), vm))
    envs.append('PYTHONUNBUFFERED="1"')
    L = ["[program:%s]" % svc, "command=/srv/%s/venv/bin/gunicorn app:app -b 0.0.0.0:8000" % svc, "directory=/srv/%s" % svc, "user=www-data", "autostart=true", "autorestart=true",
         "environment=%s" % ",".join(envs), "stdout_logfile=/var/log/supervisor/%s.log" % svc]
    return G.uniq("etc/supervisor/conf.d/%s.conf" % svc), nl(L)


KINDS = [
    ("compose", 22, k_compose), ("dockerfile", 12, k_dockerfile), ("k8s", 26, k_k8s), ("helm", 14, k_helm), ("ansible", 14, k_ansible),
    ("terraform", 14, k_terraform), ("tfstate", 8, k_tfstate), ("tfplan", 5, k_tfplan), ("cloudformation", 5, k_cfn), ("serverless", 4, k_serverless),
    ("github-actions", 14, k_gha), ("gitlab-ci", 7, k_gitlab), ("circleci", 5, k_circleci), ("jenkinsfile", 6, k_jenkins), ("azure-pipelines", 5, k_azure_pipelines),
    ("bitbucket-pipelines", 4, k_bitbucket), ("drone", 4, k_drone), ("buildkite", 4, k_buildkite), ("tekton", 4, k_tekton), ("argo", 4, k_argo),
    ("systemd", 6, k_systemd), ("nginx", 7, k_nginx), ("apache", 5, k_apache), ("haproxy", 4, k_haproxy), ("envoy", 4, k_envoy), ("traefik", 4, k_traefik),
    ("prometheus", 8, k_prometheus), ("logship", 5, k_logship), ("redis-conf", 4, k_redis_conf), ("pgbouncer", 4, k_pgbouncer), ("keycloak", 4, k_keycloak),
    ("openvpn", 4, k_openvpn), ("wifi", 4, k_wifi), ("tomcat", 4, k_tomcat), ("cisco", 4, k_cisco), ("sops", 5, k_sops), ("vault-agent", 4, k_vault_agent),
    ("op-template", 4, k_op_template), ("supervisor", 4, k_supervisor),
]
