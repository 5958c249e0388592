"""Modern AI and developer-tool files: multi-provider .env files, LiteLLM, MCP and agent configs, notebooks,
secrets-manager dumps."""
import json

from core import jesc
from fmts import FORMATS, company, word
from lang import assign, filler, neg_line
from tpl import Sec, neg, neg1, lab_as, auth_headers, api_host, people, email_of, secret_block

AI_FMTS = [n for n, f in FORMATS.items() if f.family == "ai"]


def t_ai_env(ctx):
    r = ctx.r
    out = ["# ---- LLM providers ----"]
    for _ in range(r.randint(2, 4)):
        s = Sec(ctx, "ai")
        out.append("%s=%s" % (s.env, s.lab()))
    out.append("# ---- platform ----")
    for _ in range(r.randint(0, 2)):
        s = Sec(ctx, "selfid")
        out.append("%s=%s" % (s.env, s.lab()))
    for _ in range(r.randint(5, 9)):
        out.append(neg_line(ctx, "env"))
    out += [filler(r, "env") for _ in range(r.randint(2, 4))]
    out.append("OPENAI_BASE_URL=http://127.0.0.1:8080/v1")
    out.append("# DEFAULT_MODEL=claude-sonnet-4-5")
    if r.chance(0.3):
        out.append("# old: %s" % neg1(ctx, "placeholder", "masked-prefix"))
    body = out[:1] + sorted(out[1:], key=lambda _: r.random())
    return "ai-apps/%s/%s" % (word(r), r.choice([".env.local", ".env", ".env.development"])), "\n".join(body) + "\n"


def t_litellm(ctx):
    r = ctx.r
    out = ["model_list:"]
    for _ in range(r.randint(2, 4)):
        s = Sec(ctx, "ai")
        model = {"ai": r.choice(["gpt-4o", "claude-sonnet-4-5", "gemini/gemini-2.0-flash", "groq/llama-3.3-70b-versatile", "mistral/mistral-large-latest",
                                  "xai/grok-3", "openrouter/anthropic/claude-3.5-haiku", "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"])}["ai"]
        out += ["  - model_name: %s" % model.split("/")[-1], "    litellm_params:", "      model: %s" % model, "      api_key: %s" % s.lab()]
        if r.chance(0.3):
            out.append("      api_base: https://%s" % api_host(ctx, s))
    for _ in range(r.randint(2, 3)):
        out += ["  - model_name: %s" % r.choice(["gpt-4o-mini", "claude-haiku", "embeddings"]), "    litellm_params:",
                "      model: %s" % r.choice(["openai/gpt-4o-mini", "anthropic/claude-3-5-haiku-latest", "text-embedding-3-small"]),
                "      api_key: %s" % ctx.N("os.environ/%s" % r.choice(["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "AZURE_API_KEY"]), "reference", "litellm-env")]
    out += ["", "litellm_settings:", "  drop_params: true", "  num_retries: 3", "", "general_settings:",
            "  master_key: %s" % (lab_as(ctx, "sk-" + r.alnum(22), "bearer-token") if r.chance(0.5) else ctx.N("os.environ/LITELLM_MASTER_KEY", "reference", "litellm-env")),
            "  database_url: %s" % (Sec(ctx, fmt="postgres-url").lab() if r.chance(0.5) else ctx.N("os.environ/DATABASE_URL", "reference", "litellm-env"))]
    for _ in range(min(4, ctx.want_negs())):
        out.append("# " + neg_line(ctx, "yaml"))
    return "ai-apps/litellm/%s-config.yaml" % word(r), "\n".join(out) + "\n"


def t_mcp(ctx):
    r = ctx.r
    kind = r.choice(["claude_desktop", "cursor", "vscode", "claude_code", "zed", "continue"])
    servers = []
    k = r.randint(2, 4)
    for i in range(k):
        c = r.randint(0, 5)
        if c == 0:
            s = Sec(ctx, fmt=r.choice(["github-pat", "github-fine-grained-pat"]))
            servers.append(('"github"', '{\n      "command": "docker",\n      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],\n      "env": {\n        "GITHUB_PERSONAL_ACCESS_TOKEN": "%s"\n      }\n    }' % s.lab()))
        elif c == 1:
            s = Sec(ctx, fmt="postgres-url")
            servers.append(('"postgres"', '{\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-postgres", "%s"]\n    }' % s.lab(jesc(s.v))))
        elif c == 2:
            s = Sec(ctx, fmt=r.choice(["slack-bot-token", "slack-user-token"]))
            servers.append(('"slack"', '{\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-slack"],\n      "env": {\n        "SLACK_BOT_TOKEN": "%s",\n        "SLACK_TEAM_ID": "%s"\n      }\n    }' % (
                s.lab(), ctx.N("T0" + r.ualnum(8), "identifier", "slack-id"))))
        elif c == 3:
            s = Sec(ctx, "header")
            h = auth_headers(ctx, s)
            servers.append(('"%s"' % word(r), '{\n      "type": "http",\n      "url": "https://mcp.%s.com/mcp",\n      "headers": {\n        %s\n      }\n    }' % (
                company(r), ",\n        ".join('"%s": "%s"' % hv for hv in h))))
        elif c == 4:
            servers.append(('"linear"', '{\n      "command": "npx",\n      "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse"],\n      "env": {\n        "LINEAR_API_KEY": "%s"\n      }\n    }' % (
                ctx.N("${input:linear_key}", "reference", "vscode-input") if kind == "vscode" else Sec(ctx, fmt="linear-api-key").lab())))
        else:
            s = Sec(ctx, "selfid")
            servers.append(('"%s"' % word(r), '{\n      "command": "uvx",\n      "args": ["%s-mcp"],\n      "env": {\n        "%s": "%s",\n        "%s": "%s"\n      }\n    }' % (
                word(r), s.env, s.lab(), r.choice(["LOG_LEVEL", "MCP_TIMEOUT"]), r.choice(["info", "30000"]))))
    extra = []
    for _ in range(min(4, ctx.want_negs())):
        nm, vv, c_, sb, d, raw = ctx.ng.assign("json")
        if "\n" in vv or raw:
            continue
        extra.append('"%s": "%s"' % (nm, ctx.N(jesc(vv), c_, sb, d)))
    ex = '{\n      "command": "node",\n      "args": ["/opt/mcp/%s/index.js"],\n      "env": {\n        %s\n      }\n    }' % (word(r), ",\n        ".join(extra or ['"NODE_ENV": "production"']))
    servers.append(('"internal-tools"', ex))
    key = "servers" if kind == "vscode" else ("context_servers" if kind == "zed" else "mcpServers")
    body = "{\n  \"%s\": {\n    %s\n  }%s\n}\n" % (key, ",\n    ".join("%s: %s" % kv for kv in servers),
                                                   ',\n  "inputs": [{"type": "promptString", "id": "linear_key", "description": "Linear API key", "password": true}]' if kind == "vscode" else "")
    if kind == "claude_code":
        s = Sec(ctx, fmt=r.choice(["anthropic-api-key", "takumo-api-key", "anthropic-oauth-token"]))
        body = '{\n  "env": {\n    "ANTHROPIC_API_KEY": "%s",\n    "ANTHROPIC_BASE_URL": "http://127.0.0.1:8080"\n  },\n  "apiKeyHelper": "%s",\n  "permissions": {"allow": ["Bash(npm test:*)"]},\n  %s' % (
            s.lab(), ctx.N("op read op://Engineering/Anthropic/credential", "reference", "op-ref"), body.lstrip("{\n"))
    path = {"claude_desktop": "Library/Application Support/Claude/claude_desktop_config.json", "cursor": ".cursor/mcp.json", "vscode": ".vscode/mcp.json",
            "claude_code": ".claude/settings.local.json", "zed": ".config/zed/settings.json", "continue": ".continue/config.json"}[kind]
    return "ai-tools/%s/%s" % (word(r), path), body


def t_agent_config(ctx):
    r = ctx.r
    k = r.choice(["aider", "continue-yaml", "codex", "openhands", "crewai"])
    if k == "aider":
        s, s2 = Sec(ctx, "ai"), Sec(ctx, "ai")
        text = "# .aider.conf.yml\nmodel: %s\nopenai-api-key: %s\nanthropic-api-key: %s\nauto-commits: false\nsubtree-only: true\nenv-file: %s\n" % (
            r.choice(["sonnet", "gpt-4o", "deepseek"]), s.lab() if s.f.name.startswith("openai") else ctx.N("${OPENAI_API_KEY}", "reference", "env-interp"),
            s2.lab(), ctx.N(".env", "file-path", "path"))
        if not s.f.name.startswith("openai"):
            text += "api-key:\n  - %s=%s\n" % (s.f.envs[0].replace("_API_KEY", "").lower(), s.lab())
        return "ai-tools/%s/.aider.conf.yml" % word(r), text
    if k == "continue-yaml":
        out = ["name: %s assistant" % company(r), "version: 1.0.0", "schema: v1", "models:"]
        for _ in range(r.randint(2, 3)):
            s = Sec(ctx, "ai")
            out += ["  - name: %s" % r.choice(["Main chat", "Fast edit", "Reasoning", "Autocomplete", "Fallback"]), "    provider: %s" % s.f.name.split("-")[0], "    model: %s" % r.choice(["gpt-4o", "claude-sonnet-4-5", "codestral-latest", "llama3.3"]),
                    "    apiKey: %s" % s.lab(), "    roles:", "      - chat", "      - edit"]
        out += ["  - name: local", "    provider: ollama", "    model: qwen2.5-coder:7b", "    apiKey: %s" % ctx.N("${{ secrets.OLLAMA_KEY }}", "reference", "continue-secret")]
        return "ai-tools/%s/.continue/config.yaml" % word(r), "\n".join(out) + "\n"
    if k == "codex":
        s = Sec(ctx, "ai")
        text = ('model = "gpt-5-codex"\nmodel_provider = "proxy"\napproval_policy = "on-request"\n\n[model_providers.proxy]\nname = "Gateway"\nbase_url = "http://127.0.0.1:8080/v1"\n'
                'env_key = "%s"\n\n[model_providers.azure]\nname = "Azure"\nbase_url = "https://%s.openai.azure.com/openai"\nenv_key = "AZURE_OPENAI_API_KEY"\n'
                'query_params = { api-version = "2025-04-01-preview" }\n\n[shell_environment_policy]\ninherit = "core"\nset = { %s = "%s", LOG_LEVEL = "debug" }\n') % (
            ctx.N("TAKUMO_KEY", "keyword-no-secret", "env-key-name"), company(r), s.env, s.lab())
        return "ai-tools/%s/.codex/config.toml" % word(r), text
    if k == "openhands":
        s = Sec(ctx, "ai")
        text = '[core]\nworkspace_base = "./workspace"\nmax_iterations = 100\n\n[llm]\nmodel = "%s"\napi_key = "%s"\nbase_url = ""\nembedding_model = "local"\n\n[sandbox]\ntimeout = 120\nenv = { GITHUB_TOKEN = "%s" }\n' % (
            r.choice(["anthropic/claude-sonnet-4-5", "openai/gpt-4o"]), s.lab(), Sec(ctx, fmt=r.choice(["github-pat", "github-fine-grained-pat"])).lab())
        return "ai-tools/%s/config.toml" % word(r), text
    s = Sec(ctx, "ai")
    s2 = Sec(ctx, "selfid")
    text = ('import os\nfrom crewai import Agent, LLM\n\nos.environ["%s"] = "%s"\nos.environ["SERPER_API_KEY"] = %s\n\nllm = LLM(model="%s", api_key="%s", temperature=0.2)\n'
            'researcher = Agent(role="Researcher", goal="Find facts", llm=llm, verbose=True)\n# tool creds\nTOOLS_TOKEN = "%s"\n') % (
        s.env, s.lab(), ctx.N('os.getenv("SERPER_API_KEY", "")', "reference", "os-environ"), r.choice(["gpt-4o", "claude-sonnet-4-5"]), s.lab(), s2.lab())
    return "ai-apps/%s/crew.py" % word(r), text


def t_notebook(ctx):
    r = ctx.r
    cells = []

    def code(lines, outputs=None):
        src = ",\n".join('    "%s"' % jesc(l + "\n") for l in lines[:-1]) + (",\n" if len(lines) > 1 else "") + '    "%s"' % jesc(lines[-1])
        outs = outputs or ""
        return '  {\n   "cell_type": "code",\n   "execution_count": %d,\n   "id": "%s",\n   "metadata": {},\n   "outputs": [%s],\n   "source": [\n%s\n   ]\n  }' % (
            r.randint(1, 40), ctx.N(r.hex(8), "identifier", "cell-id"), outs, src)

    s = Sec(ctx, "ai")
    cells.append(code(["import os", 'os.environ["%s"] = "%s"' % (s.env, s.lab()), "from openai import OpenAI", "client = OpenAI()"]))
    if r.chance(0.6):
        s2 = Sec(ctx, "env")
        out = '\n    {\n     "name": "stdout",\n     "output_type": "stream",\n     "text": [\n      "%s\\n",\n      "connected to %s\\n"\n     ]\n    }\n   ' % (
            jesc("%s=" % s2.env) + s2.lab(jesc(s2.v)), ctx.N(r.uuid(), "identifier", "uuid"))
        cells.append(code(["!env | grep %s" % s2.env.split("_")[0], "print('connected to', session_id)"], out))
    if r.chance(0.5):
        s3 = Sec(ctx, "selfid")
        cells.append(code(["%%env %s=%s" % (s3.env, s3.lab()), "HF_HOME = \"%s\"" % ctx.N("/content/hf", "file-path", "path")]))
    cells.append(code(["resp = client.chat.completions.create(model=\"gpt-4o-mini\", messages=[{\"role\": \"user\", \"content\": \"hi\"}])",
                       "resp.id  # %s" % ctx.N("chatcmpl-" + r.alnum(29), "identifier", "openai-object-id")]))
    for _ in range(min(3, ctx.want_negs())):
        cells.append(code([neg_line(ctx, "py")]))
    text = '{\n "cells": [\n%s\n ],\n "metadata": {\n  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},\n  "colab": {"provenance": []}\n },\n "nbformat": 4,\n "nbformat_minor": 5\n}\n' % (
        ",\n".join(cells))
    return "notebooks/%s.ipynb" % word(r), text


def t_secret_dump(ctx):
    r = ctx.r
    k = r.choice(["vault", "op", "doppler-json", "sops", "infisical", "k8s-jsonpath", "bitwarden"])
    if k == "vault":
        items = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            items.append('      "%s": "%s"' % (s.env.lower(), s.lab(jesc(s.v))))
        items.append('      "username": "%s"' % r.choice(["app", "svc_api"]))
        text = '$ vault kv get -format=json secret/%s/%s\n{\n  "request_id": "%s",\n  "lease_id": "",\n  "lease_duration": 0,\n  "renewable": false,\n  "data": {\n    "data": {\n%s\n    },\n    "metadata": {\n      "created_time": "%s",\n      "custom_metadata": null,\n      "deletion_time": "",\n      "destroyed": false,\n      "version": %d\n    }\n  },\n  "warnings": null\n}\n' % (
            r.choice(["prod", "staging"]), word(r), ctx.N(r.uuid(), "identifier", "request-id"), ",\n".join(items), r.date_iso(), r.randint(1, 30))
        return "tool-output/vault-kv-%s.json" % word(r), text
    if k == "op":
        s = Sec(ctx, "env")
        pw = Sec(ctx, fmt="password")
        text = ('$ op item get "%s" --vault Engineering --format json\n{\n  "id": "%s",\n  "title": "%s",\n  "version": %d,\n  "vault": {"id": "%s", "name": "Engineering"},\n'
                '  "category": "API_CREDENTIAL",\n  "fields": [\n    {"id": "username", "type": "STRING", "label": "username", "value": "%s"},\n'
                '    {"id": "credential", "type": "CONCEALED", "label": "credential", "value": "%s", "reference": "%s"},\n'
                '    {"id": "password", "type": "CONCEALED", "purpose": "PASSWORD", "label": "password", "value": "%s", "entropy": %.1f, "reference": "%s"},\n'
                '    {"id": "notesPlain", "type": "STRING", "purpose": "NOTES", "label": "notesPlain", "value": "%s"}\n  ]\n}\n') % (
            s.human, ctx.N(r.lalnum(26), "identifier", "op-item-id"), s.human, r.randint(1, 9), ctx.N(r.lalnum(26), "identifier", "op-item-id"),
            email_of(r, people(r)[1]), s.lab(jesc(s.v)), ctx.N("op://Engineering/%s/credential" % s.human.replace(" ", "_"), "reference", "op-ref"),
            pw.lab(jesc(pw.v)), 60 + r.random() * 60, ctx.N("op://Engineering/%s/password" % s.human.replace(" ", "_"), "reference", "op-ref"),
            jesc(r.choice(["rotated quarterly", "owner: platform team", "do not use in CI"])))
        return "tool-output/op-item-%s.json" % word(r), text
    if k == "doppler-json":
        items = []
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            items.append('  "%s": "%s"' % (s.env, s.lab(jesc(s.v))))
        items += ['  "DOPPLER_CONFIG": "prd"', '  "DOPPLER_ENVIRONMENT": "prd"', '  "DOPPLER_PROJECT": "%s"' % word(r)]
        for _ in range(r.randint(2, 4)):
            nm, vv, c, sb, d, raw = ctx.ng.assign("json")
            if "\n" in vv or raw:
                continue
            items.append('  "%s": "%s"' % (nm, ctx.N(jesc(vv), c, sb, d)))
        return "tool-output/doppler-download-%s.json" % word(r), "$ doppler secrets download --no-file --format json\n{\n" + ",\n".join(sorted(items)) + "\n}\n"
    if k == "sops":
        s = Sec(ctx, "env")
        enc = ctx.N(*ctx.ng.encrypted("sops")[:4])
        text = ("$ cat secrets.enc.yaml\n%s: %s\nsops:\n    age:\n        - recipient: %s\n    lastmodified: \"%s\"\n    mac: %s\n    version: 3.9.1\n"
                "$ sops -d secrets.enc.yaml\n%s: %s\n") % (
            s.env.lower(), enc, ctx.N(*ctx.ng.pubkey("age-recipient")[:4]), r.date_iso(), ctx.N(*ctx.ng.encrypted("sops")[:4]), s.env.lower(),
            s.lab() if all(c.isalnum() or c in "-_./:+=@" for c in s.v) else '"%s"' % s.lab(s.v.replace("\\", "\\\\").replace('"', '\\"')))
        return "tool-output/sops-%s.txt" % word(r), text
    if k == "infisical":
        out = ["$ infisical export --env=prod --format=dotenv"]
        for _ in range(r.randint(1, 3)):
            s = Sec(ctx, "env")
            out.append("%s='%s'" % (s.env, s.lab(s.v.replace("'", "'\\''"))))
        for _ in range(r.randint(2, 4)):
            out.append(neg_line(ctx, "env"))
        return "tool-output/infisical-%s.txt" % word(r), "\n".join(out) + "\n"
    if k == "k8s-jsonpath":
        s = Sec(ctx, "env")
        import base64
        b = base64.b64encode(s.v.encode()).decode()
        text = "$ kubectl get secret %s -n prod -o jsonpath='{.data.%s}'\n%s\n$ kubectl get secret %s -n prod -o jsonpath='{.data.%s}' | base64 -d\n%s\n" % (
            word(r), s.env.lower(), ctx.L(b, "k8s-secret-data", "password"), word(r), s.env.lower(), s.lab())
        return "tool-output/kubectl-jsonpath-%s.txt" % word(r), text
    s = Sec(ctx, "env")
    pw = Sec(ctx, fmt="password")
    text = ('$ bw get item "%s"\n{"passwordHistory":null,"revisionDate":"%s","creationDate":"%s","object":"item","id":"%s","organizationId":null,"folderId":null,'
            '"type":1,"name":"%s","notes":"%s","favorite":false,"login":{"uris":[{"match":null,"uri":"https://%s.com/login"}],"username":"%s","password":"%s","totp":null}}\n') % (
        s.human, r.date_iso(), r.date_iso(), ctx.N(r.uuid(), "identifier", "uuid"), s.human, "%s=%s" % (s.env, s.lab(jesc(s.v))), company(r), people(r)[1], pw.lab(jesc(pw.v)))
    return "tool-output/bw-item-%s.json" % word(r), text


TEMPLATES = [
    ("ai-env", t_ai_env, 40),
    ("litellm", t_litellm, 18),
    ("mcp-config", t_mcp, 32),
    ("agent-config", t_agent_config, 22),
    ("notebook", t_notebook, 22),
    ("secret-dump", t_secret_dump, 38),
]
