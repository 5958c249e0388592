"""Assignment syntax, comments and harmless filler lines for config and source languages."""
import re

from fmts import FORMATS, company, word

LANGS = ["env", "sh", "yaml", "json", "toml", "properties", "tf", "py", "js", "ts", "go", "java", "kt", "rb", "php", "cs", "rs",
         "dockerfile", "compose", "gha", "helm", "ini", "xml"]

EXT = {"env": ".env", "sh": ".sh", "yaml": ".yaml", "json": ".json", "toml": ".toml", "properties": ".properties", "tf": ".tf",
       "py": ".py", "js": ".js", "ts": ".ts", "go": ".go", "java": ".java", "kt": ".kt", "rb": ".rb", "php": ".php", "cs": ".cs",
       "rs": ".rs", "dockerfile": "", "compose": ".yml", "gha": ".yml", "helm": ".yaml", "ini": ".ini", "xml": ".xml"}

FILES = {
    "env": [".env", ".env.local", ".env.production", ".env.staging", ".env.development.local", "config/.env"],
    "sh": ["deploy.sh", "scripts/bootstrap.sh", "bin/setup", "scripts/release.sh", ".envrc", "ci/publish.sh"],
    "yaml": ["config/settings.yaml", "config/application.yml", "app.yaml", "config/production.yml", "litellm_config.yaml", "config.yaml"],
    "json": ["config/default.json", "appsettings.json", "config.json", "settings.json", ".mcp.json", "secrets.dev.json"],
    "toml": ["config.toml", "settings.toml", ".streamlit/secrets.toml", "wrangler.toml", "pyproject.toml", "Cargo.toml"],
    "properties": ["src/main/resources/application.properties", "gradle.properties", "config/app.properties", "local.properties"],
    "tf": ["main.tf", "providers.tf", "modules/db/main.tf", "terraform.tfvars", "infra/prod/variables.tf"],
    "py": ["app/settings.py", "config.py", "src/client.py", "scripts/sync.py", "agents/tools.py", "notebooks/helpers.py", "tests/conftest.py"],
    "js": ["src/config.js", "server.js", "lib/client.js", "scripts/seed.js", "next.config.js", "api/index.js"],
    "ts": ["src/config.ts", "src/lib/ai.ts", "app/api/chat/route.ts", "src/env.ts", "server/index.ts", "src/services/billing.ts"],
    "go": ["internal/config/config.go", "cmd/server/main.go", "pkg/client/client.go", "main.go"],
    "java": ["src/main/java/com/acme/Config.java", "src/main/java/com/acme/payments/StripeClient.java", "src/test/java/com/acme/ItTest.java"],
    "kt": ["app/src/main/java/com/acme/ApiClient.kt", "src/main/kotlin/Config.kt", "build.gradle.kts"],
    "rb": ["config/initializers/stripe.rb", "config/environments/production.rb", "lib/tasks/sync.rake", "app/services/slack_notifier.rb"],
    "php": ["config/services.php", "config/database.php", "wp-config.php", "src/Kernel.php"],
    "cs": ["Program.cs", "Services/BlobService.cs", "Startup.cs", "Infrastructure/DbConfig.cs"],
    "rs": ["src/main.rs", "src/config.rs", "src/client.rs"],
    "dockerfile": ["Dockerfile", "docker/Dockerfile.prod", "Dockerfile.dev"],
    "compose": ["docker-compose.yml", "compose.yaml", "docker-compose.override.yml", "deploy/compose.prod.yml"],
    "gha": [".github/workflows/deploy.yml", ".github/workflows/ci.yml", ".github/workflows/release.yml"],
    "helm": ["charts/api/values.yaml", "helm/values-prod.yaml", "charts/worker/templates/secret.yaml", "k8s/deployment.yaml"],
    "ini": ["setup.cfg", "config.ini", ".pypirc", "alembic.ini", "php.ini", "odbc.ini"],
    "xml": ["web.config", "App.config", "src/main/resources/applicationContext.xml", "settings.xml", "res/values/secrets.xml"],
}

COMMENT = {"env": "#", "sh": "#", "yaml": "#", "toml": "#", "properties": "#", "tf": "#", "py": "#", "rb": "#", "dockerfile": "#",
           "compose": "#", "gha": "#", "helm": "#", "ini": ";", "js": "//", "ts": "//", "go": "//", "java": "//", "kt": "//",
           "php": "//", "cs": "//", "rs": "//", "json": None, "xml": None}


def comment(lang, text):
    c = COMMENT.get(lang)
    if c is None:
        return "<!-- %s -->" % text if lang == "xml" else None
    return "%s %s" % (c, text)


def camel(name):
    parts = [p for p in re.split(r"[_\-.]+", name.lower()) if p]
    return parts[0] + "".join(p.capitalize() for p in parts[1:]) if parts else name


def snake(name):
    return name.lower().replace("-", "_").replace(".", "_")


def dotted(name):
    return name.lower().replace("_", ".")


def escq(s, q='"'):
    """Escape for a C-like double- or single-quoted string literal."""
    s = s.replace("\\", "\\\\")
    return s.replace(q, "\\" + q)


SAFE_BARE = re.compile(r"^[A-Za-z0-9_./+=:@~,%-]+$")


def assign(r, lang, name, raw, mark, expr=False):
    """One assignment line. raw: the value; mark(text) marks the value's bytes as written (after escaping)."""
    if expr:
        m = mark(raw)
        return {
            "py": "%s = %s" % (name if name.isupper() else snake(name), m),
            "js": "const %s = %s;" % (camel(name), m), "ts": "export const %s = %s;" % (camel(name), m),
            "go": "\t%s := %s" % (camel(name), m), "java": "    private final String %s = %s;" % (camel(name), m),
            "kt": "    val %s = %s" % (camel(name), m), "rb": "%s = %s" % (snake(name), m), "php": "    '%s' => %s," % (snake(name), m),
            "cs": "        var %s = %s;" % (camel(name), m), "rs": "    let %s = %s;" % (snake(name), m),
            "tf": "  %s = %s" % (snake(name), m),
        }.get(lang, "%s=%s" % (name, m))
    if lang in ("env",):
        if SAFE_BARE.match(raw) and not r.chance(0.3):
            return "%s=%s" % (name, mark(raw))
        if "$" in raw or '"' in raw or "\\" in raw:
            if "'" not in raw:
                return "%s='%s'" % (name, mark(raw))
        return '%s="%s"' % (name, mark(escq(raw)))
    if lang == "sh":
        if raw.startswith(("$(", "${")):
            return 'export %s="%s"' % (name, mark(raw))
        if "$" in raw or "`" in raw or '"' in raw or "\\" in raw or "!" in raw:
            if "'" not in raw:
                return "export %s='%s'" % (name, mark(raw))
            return "export %s=\"%s\"" % (name, mark(raw.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")))
        return 'export %s="%s"' % (name, mark(raw))
    if lang == "dockerfile":
        if SAFE_BARE.match(raw):
            return "ENV %s=%s" % (name, mark(raw))
        return 'ENV %s="%s"' % (name, mark(escq(raw)))
    if lang in ("yaml", "compose", "helm", "gha"):
        key = snake(name) if lang == "yaml" and r.chance(0.6) else name
        if SAFE_BARE.match(raw) and not raw[0] in "@%:-" and not re.match(r"^[0-9.]+$", raw) and r.chance(0.6):
            return "%s: %s" % (key, mark(raw))
        if "'" not in raw and r.chance(0.5):
            return "%s: '%s'" % (key, mark(raw))
        return '%s: "%s"' % (key, mark(escq(raw)))
    if lang == "json":
        from core import jesc
        return '"%s": "%s"' % (camel(name) if r.chance(0.5) else name, mark(jesc(raw)))
    if lang == "toml":
        if "'" not in raw and "\\" in raw:
            return "%s = '%s'" % (snake(name), mark(raw))
        return '%s = "%s"' % (snake(name), mark(escq(raw)))
    if lang == "properties":
        return "%s=%s" % (dotted(name), mark(raw.replace("\\", "\\\\")))
    if lang == "ini":
        return "%s = %s" % (snake(name), mark(raw))
    if lang == "tf":
        return '  %s = "%s"' % (snake(name), mark(escq(raw).replace("${", "$${")))
    if lang == "py":
        q = r.choice(['"', "'"])
        return "%s = %s%s%s" % (name if r.chance(0.6) else snake(name), q, mark(escq(raw, q)), q)
    if lang == "js":
        q = r.choice(['"', "'", "`"]) if "$" not in raw else "'"
        return "const %s = %s%s%s;" % (camel(name) if r.chance(0.6) else name, q, mark(escq(raw, q)), q)
    if lang == "ts":
        q = r.choice(['"', "'"])
        return "export const %s = %s%s%s;" % (name if r.chance(0.5) else camel(name), q, mark(escq(raw, q)), q)
    if lang == "go":
        if "`" not in raw and r.chance(0.3):
            return "\t%s := `%s`" % (camel(name), mark(raw))
        return '\t%s := "%s"' % (camel(name), mark(escq(raw)))
    if lang == "java":
        return '    private static final String %s = "%s";' % (name, mark(escq(raw)))
    if lang == "kt":
        return '    private const val %s = "%s"' % (name, mark(escq(raw).replace("$", "\\$")))
    if lang == "rb":
        return "%s = '%s'" % (snake(name), mark(escq(raw, "'"))) if r.chance(0.5) else '%s = "%s"' % (snake(name), mark(escq(raw).replace("#{", "\\#{")))
    if lang == "php":
        return "    '%s' => '%s'," % (snake(name), mark(escq(raw, "'")))
    if lang == "cs":
        return '        private const string %s = "%s";' % (camel(name)[0].upper() + camel(name)[1:], mark(escq(raw)))
    if lang == "rs":
        return '    let %s = "%s";' % (snake(name), mark(escq(raw)))
    if lang == "xml":
        from core import xesc
        return '    <add key="%s" value="%s" />' % (name, mark(xesc(raw)))
    raise ValueError(lang)


def filler(r, lang):
    """A harmless line for lang (no spans)."""
    port = r.choice([3000, 5432, 6379, 8000, 8080, 8443, 9090, 9200])
    n = r.randint(2, 120)
    opts = {
        "env": ["NODE_ENV=production", "PORT=%d" % port, "LOG_LEVEL=%s" % r.choice(["info", "debug", "warn"]), "APP_NAME=%s-api" % company(r),
                "FEATURE_NEW_CHECKOUT=%s" % r.choice(["true", "false"]), "TZ=UTC", "WORKERS=%d" % (n % 16 + 1),
                "NEXT_PUBLIC_APP_URL=https://%s.example.com" % company(r), "OTEL_SERVICE_NAME=%s" % word(r), "AWS_REGION=eu-west-1",
                "OPENAI_MODEL=gpt-4o-mini", "ANTHROPIC_MODEL=claude-sonnet-4-5", "MAX_UPLOAD_MB=%d" % n, "CACHE_TTL=%d" % (n * 60)],
        "yaml": ["  replicas: %d" % (n % 6 + 1), "  port: %d" % port, "log_level: info", "  timeout: %ds" % n, "region: us-east-1",
                 "  enabled: true", "model: gpt-4o", "  max_retries: %d" % (n % 5 + 1), "service: %s" % word(r), "  image: nginx:1.27-alpine"],
        "json": ['"port": %d,' % port, '"logLevel": "info",', '"region": "eu-central-1",', '"retries": %d,' % (n % 5), '"name": "%s",' % word(r),
                 '"timeoutMs": %d,' % (n * 100), '"features": ["search", "export"],'],
        "toml": ["port = %d" % port, 'name = "%s"' % word(r), "debug = false", 'region = "us-west-2"', "workers = %d" % (n % 8 + 1)],
        "properties": ["server.port=%d" % port, "spring.application.name=%s" % word(r), "logging.level.root=INFO",
                       "spring.jpa.hibernate.ddl-auto=validate", "management.endpoints.web.exposure.include=health,info"],
        "tf": ['  instance_class = "db.t4g.medium"', "  allocated_storage = %d" % (n * 10), '  engine = "postgres"', '  region = "eu-west-1"',
               "  skip_final_snapshot = true", '  name = "%s"' % word(r)],
        "py": ["import os", "import logging", "TIMEOUT = %d" % n, "logger = logging.getLogger(__name__)", 'MODEL = "gpt-4o-mini"',
               "MAX_RETRIES = %d" % (n % 5 + 1), "DEBUG = False", 'ALLOWED_HOSTS = ["%s.example.com"]' % company(r)],
        "js": ["const express = require('express');", "const PORT = process.env.PORT || %d;" % port, "module.exports = { timeout: %d };" % n,
               "app.use(express.json());", "const MODEL = 'gpt-4o-mini';", "console.log(`listening on ${PORT}`);"],
        "ts": ["import OpenAI from 'openai';", "export const TIMEOUT_MS = %d;" % (n * 100), "import { z } from 'zod';",
               "const MODEL = 'claude-sonnet-4-5';", "export type Env = z.infer<typeof schema>;"],
        "go": ["\tport := %d" % port, "\ttimeout := %d * time.Second" % n, '\tlog.Printf("starting %s")' % word(r), "\tctx := context.Background()"],
        "java": ["    private static final int TIMEOUT_SECONDS = %d;" % n, '    private static final String REGION = "eu-west-1";',
                 "    private final Logger log = LoggerFactory.getLogger(getClass());"],
        "kt": ["    private const val TIMEOUT = %dL" % n, '    val baseUrl = "https://api.%s.com"' % company(r)],
        "rb": ["Rails.application.configure do", "  config.log_level = :info", "TIMEOUT = %d" % n, "require 'json'"],
        "php": ["    'timezone' => 'UTC',", "    'debug' => false,", "    'driver' => 'pgsql',", "    'port' => %d," % port],
        "cs": ["        private const int TimeoutSeconds = %d;" % n, "        var builder = WebApplication.CreateBuilder(args);"],
        "rs": ["    let timeout = Duration::from_secs(%d);" % n, "    let port: u16 = %d;" % port],
        "sh": ["set -euo pipefail", "cd \"$(dirname \"$0\")/..\"", 'echo "deploying %s"' % word(r), "export AWS_REGION=eu-west-1",
               "export PORT=%d" % port],
        "dockerfile": ["FROM node:20-alpine", "WORKDIR /app", "COPY package*.json ./", "RUN npm ci --omit=dev", "EXPOSE %d" % port,
                       'CMD ["node", "server.js"]'],
        "compose": ["NODE_ENV: production", "LOG_LEVEL: info", "PORT: \"%d\"" % port, "TZ: UTC", "WORKERS: \"%d\"" % (n % 8 + 1),
                    "OTEL_EXPORTER_OTLP_ENDPOINT: http://otel-collector:4317"],
        "gha": ["NODE_VERSION: 20", "AWS_REGION: eu-west-1", "CI: true", "FORCE_COLOR: 1", "IMAGE: ghcr.io/%s/api" % company(r)],
        "helm": ["LOG_LEVEL: info", "REPLICAS: \"%d\"" % (n % 5 + 1), "REGION: eu-west-1", "FEATURE_FLAGS: search,export"],
        "ini": ["[default]", "timeout = %d" % n, "region = eu-west-1", "debug = false"],
        "xml": ['    <add key="Environment" value="Production" />', '    <add key="TimeoutSeconds" value="%d" />' % n],
    }
    return r.choice(opts.get(lang, opts["env"]))


def secret_line(ctx, lang, slot="env", fmt=None, name=None):
    """Plant a secret in an assignment; returns (line, fmt)."""
    r = ctx.r
    f = FORMATS[fmt] if fmt else ctx.reg.pick(slot, exclude=ctx.used)
    v = f.gen(r)
    n = name or r.choice(f.envs)
    return assign(r, lang, n, v, lambda t: ctx.L(t, f.name, f.family)), f


def neg_line(ctx, lang):
    r = ctx.r
    name, v, c, s, d, raw = ctx.ng.assign(lang)
    if "\n" in v:
        v, c, s, d = ctx.ng.placeholder()
    return assign(r, lang, name, v, lambda t: ctx.N(t, c, s, d), expr=raw)
