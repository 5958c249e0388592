# -*- coding: utf-8 -*-
"""AI-agent traffic: Anthropic Messages / OpenAI Chat Completions / Responses request bodies, SSE captures,
chat transcripts, Codex-style JSONL logs, and terminal/tool output pasted into chats."""
import base64
import json

from core import T, Span, join, jdump, jstr, ALNUM, LO, DG, UP
import syntax as S
import langs
import repo
import negs

MODELS_A = ["claude-sonnet-4-5", "claude-opus-4-1", "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514"]
MODELS_O = ["gpt-4o", "gpt-4.1", "o3", "gpt-5", "o4-mini", "codestral-latest", "mistral-large-latest", "gemini-2.5-pro"]


def idspan(ctx, prefix, n=22, alpha=ALNUM):
    ctx.n_neg += 1
    return Span("N", prefix + ctx.r.s(alpha, n), {"class": "api_object_id", "sub": prefix.rstrip("_-"), "disputed": False})


def neg_t(ctx, eco="cfg", cls=None):
    sp, name, raw = ctx.neg(eco, cls)
    return T(sp), name


# ------------------------------------------------------------------ prose
def sentence(tpl, **kw):
    """fill a template whose {S}/{N} slot is a T."""
    out = T()
    rest = tpl
    for k, v in kw.items():
        if not isinstance(v, T):
            rest = rest.replace("{" + k + "}", v)
    slot = "{S}" if "{S}" in rest else "{N}"
    a, _, b = rest.partition(slot)
    val = kw.get(slot[1:-1])
    return T(a, val, b)


def prose_msg(ctx, lang, n=None):
    r = ctx.r
    parts = [r.choice(langs.FILLER[lang])]
    n = n or r.choice([1, 1, 1, 2, 2, 3])
    for _ in range(n):
        k = r.random()
        if k < 0.3:
            v, f = ctx.sec(fmt="password_prose_" + lang)
            parts.append(sentence(r.choice(langs.PW[lang]), sys=r.choice(langs.SYS), S=v))
        elif k < 0.55:
            v, f = ctx.sec(single_line=True)
            parts.append(sentence(r.choice(langs.TOK[lang]), what=f.what, S=v))
        elif k < 0.8:
            sp, name, raw = ctx.neg("md", r.choice(["ref_env", "placeholder", "file_path", "ref_secret_manager", "redacted", "public_client_id", "doc_example", "takumo_token", "url_no_creds"]))
            if "\n" in sp.text:
                continue
            grp = langs.NEG_GROUP[sp.meta["class"]]
            tpls = langs.NEGSENT[lang].get(grp) or langs.NEGSENT["en"][grp]
            parts.append(sentence(r.choice(tpls), N=T(sp)))
        else:
            v, f = ctx.sec(kind=r.choice(["cmd", "header", "stmt_sql", "line_conf"]))
            parts.append(T("\n```\n", v, "\n```"))
    sep = r.choice([" ", "\n", "\n\n"])
    return join(sep, parts)


# ------------------------------------------------------------------ terminal / tool output
def env_dump(ctx):
    r = ctx.r
    out = ["HOME=/home/%s" % r.choice(["dev", "runner", "jdoe"]), "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin", "SHELL=/bin/bash", "TERM=xterm-256color"]
    for name, v, raw, k in ctx.items("env", *repo.cnt(ctx, 1, 4, 2, 6), single_line=True, allow_raw=False):
        out.append(T(S.ident(name, "UPPER"), "=", v))
    r.shuffle(out)
    return T(r.choice(["$ env | sort\n", "$ printenv\n", "> docker exec api env\n", ""]), repo.lines(sorted(out, key=lambda t: T(t).plain()) if r.maybe(0.5) else out))


def kubectl_secret(ctx):
    r = ctx.r
    out = ["apiVersion: v1", "data:"]
    for _ in range(r.choice([1, 1, 2])):
        v, f = ctx.sec(kind="k8s_b64")
        out.append(T("  ", r.choice(["password", "postgres-password", "admin-password", "DB_PASS"]), ": ", v))
    sp, _, _ = ctx.neg("yaml", r.choice(["b64_encoded_config", "uuid"]))
    out.append(T("  config.yaml: ", sp))
    out += ["kind: Secret", "metadata:", "  creationTimestamp: \"2024-%02d-%02dT10:12:33Z\"" % (r.randint(1, 12), r.randint(1, 28)), "  name: db-credentials",
            "  namespace: %s" % r.choice(["prod", "default"]), T("  uid: ", neg_t(ctx, "yaml", "uuid")[0]), "type: Opaque"]
    return T("$ kubectl get secret db-credentials -o yaml\n", repo.lines(out))


def kubectl_describe(ctx):
    r = ctx.r
    out = ["Name:         %s-%s" % (r.choice(repo.PROJ), r.s(LO + DG, 10)), "Namespace:    prod", "Containers:", "  app:", T("    Image ID:   ", neg_t(ctx, "txt", "docker_digest")[0]), "    Environment:"]
    for name, v, raw, k in ctx.items("txt", *repo.cnt(ctx, 0, 3, 2, 5), single_line=True, allow_raw=False):
        out.append(T("      ", S.ident(name, "UPPER"), ":  ", v))
    out.append("      DB_PASSWORD:  <set to the key 'password' in secret 'db-credentials'>  Optional: false")
    return T("$ kubectl describe pod -l app=api\n", repo.lines(out))


def docker_inspect(ctx):
    r = ctx.r
    env = []
    for name, v, raw, k in ctx.items("json", *repo.cnt(ctx, 1, 3, 1, 4), single_line=True, allow_raw=False):
        env.append(T(S.ident(name, "UPPER"), "=", v))
    sp, _, _ = ctx.neg("json", "docker_digest")
    doc = [{"Id": T(Span("N", r.hexs(64), {"class": "hash_digest", "sub": "container_id", "disputed": False})), "Created": "2024-06-01T12:00:00Z", "Image": T(sp), "Config": {"Hostname": r.hexs(12), "Env": env, "Cmd": ["./server"]}}]
    return T("$ docker inspect api\n", jdump(doc, indent=4), "\n")


def aws_sts(ctx):
    r = ctx.r
    a, _ = ctx.sec(fmt="aws_temp_access_key_id")
    s, _ = ctx.sec(fmt="aws_secret_access_key")
    t, _ = ctx.sec(fmt=r.choice(["aws_session_token_iqoj", "aws_session_token_fwog"]))
    arn, _ = neg_t(ctx, "json", "arn")
    doc = {"Credentials": {"AccessKeyId": a, "SecretAccessKey": s, "SessionToken": t, "Expiration": "2024-07-01T13:00:00+00:00"},
           "AssumedRoleUser": {"AssumedRoleId": T(Span("N", "AROA" + r.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 17), {"class": "public_client_id", "sub": "aws_role_id", "disputed": False}), ":ci"), "Arn": arn}}
    return T("$ aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name ci\n", jdump(doc, indent=4), "\n")


def aws_configure_list(ctx):
    r = ctx.r
    sp, _, _ = ctx.neg("txt", "redacted")
    return T("$ aws configure list\n      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************", Span("N", r.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 4), {"class": "redacted", "sub": "aws_tail", "disputed": False}), " shared-credentials-file\n")


def curl_verbose(ctx):
    r = ctx.r
    host = r.choice(["api.acme.io", "api.stripe.com", "api.github.com", "hooks.internal:8443", "api.openai.com"])
    out = ["$ curl -v https://%s/v1/%s" % (host, r.choice(["charges", "user", "deploy", "models"])), "*   Trying 52.1.2.3:443...", "* Connected to %s (52.1.2.3) port 443" % host,
           "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384", "> GET /v1/ HTTP/2", "> Host: %s" % host, "> User-Agent: curl/8.5.0", "> Accept: */*"]
    for _ in range(r.randint(1, 2)):
        v, f = ctx.sec(kind="header")
        out.append(T("> ", v))
    if r.maybe(0.5):
        sp, _, _ = ctx.neg("txt", r.choice(["trace_id", "uuid", "api_object_id"]))
        out.append(T("> X-Request-Id: ", sp))
    out += [">", "< HTTP/2 %d" % r.choice([200, 401, 403, 500]), "< content-type: application/json"]
    sp, _, _ = ctx.neg("txt", r.choice(["api_object_id", "trace_id", "uuid"]))
    out.append(T("< request-id: ", sp))
    out.append('{"error":{"type":"authentication_error","message":"invalid x-api-key"}}' if r.maybe(0.4) else '{"ok":true}')
    return repo.lines(out)


def ci_log(ctx):
    r = ctx.r
    out = ["2024-%02d-%02dT%02d:%02d:11.%03dZ ##[group]Run ./deploy.sh" % (r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59), r.randint(0, 999))]
    for name, v, raw, k in ctx.items("txt", *repo.cnt(ctx, 1, 3, 2, 5), single_line=True, allow_raw=False):
        out.append(T(r.choice(["+ export ", "  ", "env: ", "[debug] "]), S.ident(name, "UPPER"), "=", v))
    if r.maybe(0.5):
        v, f = ctx.sec(kind="cmd")
        out.append(T("+ ", v))
    out.append("##[error]Process completed with exit code %d." % r.choice([1, 2, 127]))
    if r.maybe(0.5):
        sp, _, _ = ctx.neg("txt", r.choice(["git_sha", "build_id", "redacted"]))
        out.insert(1, T("HEAD is now at ", sp) if sp.meta["class"] == "git_sha" else T("Build: ", sp))
    return repo.lines(out)


def stack_trace(ctx):
    r = ctx.r
    k = r.choice(["py", "java", "node", "go"])
    v, f = ctx.sec(fmt=r.choice(["postgres_uri", "mysql_uri", "mongodb_srv_uri", "redis_uri", "sqlserver_jdbc", "amqp_uri", "adonet_sqlserver", "jdbc_postgresql_params", "go_mysql_dsn", "generic_password"]))
    if k == "py":
        return T('Traceback (most recent call last):\n  File "/app/db.py", line 42, in connect\n    engine = create_engine(url)\nsqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect to server\n[SQL: SELECT 1]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)\nurl=', v, "\n")
    if k == "java":
        return T("org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; url=", v, "\n\tat org.springframework.jdbc.datasource.DataSourceUtils.getConnection(DataSourceUtils.java:84)\n\tat com.acme.orders.Repo.find(Repo.java:57)\n")
    if k == "node":
        return T("Error: connect ECONNREFUSED 10.0.3.17:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  connectionString: '", v, "'\n}\n")
    return T("panic: dial tcp 10.0.3.17:3306: connect: connection refused\n\ngoroutine 1 [running]:\nmain.mustOpen({0xc000012345, 0x4f}) dsn=\"", v, "\"\n\t/src/cmd/api/main.go:31 +0x1a5\nexit status 2\n")


def har(ctx):
    r = ctx.r
    headers = [{"name": "Accept", "value": "application/json"}]
    for _ in range(r.randint(1, 2)):
        for _t in range(20):
            fm = ctx.fmt("header")
            if fm.name != "api_key_query_param":
                break
        v, f = ctx.sec(fmt=fm.name)
        # header line "Name: value" -> split at first ": " outside the span
        segs = v.segs
        name = segs[0].split(":")[0] if isinstance(segs[0], str) else "Authorization"
        rest = T(segs[0][len(name) + 2:] if isinstance(segs[0], str) else "", segs[1:])
        if name.startswith("GET "):
            headers.append({"name": "Referer", "value": T("https://app.acme.io", v.segs[0][4:] if isinstance(v.segs[0], str) else "", v.segs[1:])})
        else:
            headers.append({"name": name, "value": rest})
    cookies = []
    if r.maybe(0.5):
        sp, _, _ = ctx.neg("json", r.choice(["uuid", "feature_flag", "trace_id"]))
        cookies.append({"name": r.choice(["ajs_anonymous_id", "_ga", "ff"]), "value": T(sp)})
    sp, _, _ = ctx.neg("json", "api_object_id")
    entry = {"startedDateTime": "2024-05-02T10:00:00.000Z", "request": {"method": "POST", "url": "https://api.acme.io/graphql", "headers": headers, "cookies": cookies,
             "postData": {"mimeType": "application/json", "text": jdump({"query": "mutation { rotate }", "variables": {"id": T(sp)}}, sep=(",", ":"))}},
             "response": {"status": 200, "content": {"mimeType": "application/json", "text": "{\"ok\":true}"}}}
    return jdump({"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [entry]}}, indent=2) + "\n"


TERMINAL = [env_dump, kubectl_secret, kubectl_describe, docker_inspect, aws_sts, aws_configure_list, curl_verbose, ci_log, stack_trace]


def tool_output(ctx):
    """something a tool returns: a file's contents or terminal output."""
    r = ctx.r
    if r.maybe(0.55):
        g = r.choices([g for g, w in repo.GENERATORS], weights=[w for g, w in repo.GENERATORS])[0]
        path, body = g(ctx)
        return path, body
    g = r.choice(TERMINAL)
    body = g(ctx)
    return None, body


# ------------------------------------------------------------------ request bodies
def anthropic_request(ctx):
    r = ctx.r
    lang = r.choice(langs.LANGS)
    msgs = []
    msgs.append({"role": "user", "content": [{"type": "text", "text": prose_msg(ctx, lang)}] if r.maybe(0.7) else prose_msg(ctx, lang)})
    for turn in range(r.choice([1, 1, 1, 2])):
        tid = idspan(ctx, "toolu_01", 22)
        path, out = tool_output(ctx)
        if path:
            tool, inp = r.choice([("Read", {"file_path": "/workspace/" + path}), ("bash", {"command": "cat " + path}), ("str_replace_based_edit_tool", {"command": "view", "path": "/repo/" + path})])
        else:
            first = out.plain().split("\n", 1)[0]
            tool, inp = "bash", {"command": first[2:] if first.startswith("$ ") else r.choice(["./deploy.sh", "make test 2>&1 | tail -50", "cat /tmp/ci.log"])}
        if r.maybe(0.2):
            v, f = ctx.sec(kind="cmd")
            tool, inp = "bash", {"command": v, "description": "run it"}
        msgs.append({"role": "assistant", "content": [{"type": "text", "text": r.choice(["Let me look at the config.", "I'll check the environment.", "Reading the file now."])},
                                                     {"type": "tool_use", "id": tid, "name": tool, "input": inp}]})
        res = {"type": "tool_result", "tool_use_id": T(Span("N", tid.text, tid.meta)), "content": out if r.maybe(0.6) else [{"type": "text", "text": out}]}
        ctx.n_neg += 1
        msgs.append({"role": "user", "content": [res]})
        if r.maybe(0.3):
            npath, nbody = repo.dotenv(ctx) if r.maybe(0.5) else repo.json_config(ctx)
            tid2 = idspan(ctx, "toolu_01", 22)
            msgs.append({"role": "assistant", "content": [{"type": "tool_use", "id": tid2, "name": "Write", "input": {"file_path": "/workspace/" + npath, "content": nbody}}]})
            msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": T(Span("N", tid2.text, tid2.meta)), "content": "File written"}]})
    msgs.append({"role": "user", "content": prose_msg(ctx, lang, 1)})
    body = {"model": r.choice(MODELS_A), "max_tokens": r.choice([1024, 4096, 8192, 32000]), "system": r.choice(["You are a helpful coding assistant.", "You are Claude Code, Anthropic's official CLI for Claude."]),
            "messages": msgs, "tools": [{"name": "bash", "description": "Run a shell command", "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}}}], "stream": r.maybe(0.5)}
    return "agent/anthropic/%s.json" % r.choice(["messages", "request", "turn"]), jdump(body, indent=None if r.maybe(0.6) else 2, ascii_only=r.maybe(0.3), sep=(",", ":") if r.maybe(0.5) else (", ", ": ")) + ("\n" if r.maybe(0.5) else "")


def openai_chat_request(ctx):
    r = ctx.r
    lang = r.choice(langs.LANGS)
    msgs = [{"role": "system", "content": "You are a senior engineer. Answer concisely."}, {"role": "user", "content": prose_msg(ctx, lang)}]
    for _ in range(r.choice([1, 1, 2])):
        cid = idspan(ctx, "call_", 24)
        args = {}
        if r.maybe(0.5):
            path, out = tool_output(ctx)
            args = {"path": path or "output.txt", "content": out}
            fn = "write_file"
            result = "ok"
        else:
            fn = r.choice(["run_shell", "set_env", "http_request"])
            if fn == "set_env":
                v, f = ctx.sec()
                args = {"name": f.names[0], "value": v}
            elif fn == "http_request":
                v, f = ctx.sec(kind="header")
                args = {"url": "https://api.acme.io/v1/items", "headers": [v]}
            else:
                v, f = ctx.sec(kind="cmd")
                args = {"cmd": v}
            p2, result = tool_output(ctx)
        argt = jdump(args, sep=(", ", ": ") if r.maybe(0.5) else (",", ":"))
        msgs.append({"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function", "function": {"name": fn, "arguments": argt}}]})
        msgs.append({"role": "tool", "tool_call_id": T(Span("N", cid.text, cid.meta)), "content": result})
        ctx.n_neg += 1
    msgs.append({"role": "user", "content": prose_msg(ctx, lang, 1)})
    body = {"model": r.choice(MODELS_O), "messages": msgs, "temperature": 0.2, "stream": r.maybe(0.5),
            "tools": [{"type": "function", "function": {"name": "run_shell", "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}}}}]}
    return "agent/openai/%s.json" % r.choice(["chat_completions", "chat", "request"]), jdump(body, indent=None if r.maybe(0.6) else 2, ascii_only=r.maybe(0.3)) + "\n"


def openai_responses_request(ctx):
    r = ctx.r
    lang = r.choice(langs.LANGS)
    items = [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": prose_msg(ctx, lang)}]}]
    for _ in range(r.choice([1, 1, 2])):
        cid = idspan(ctx, "call_", 24)
        v, f = ctx.sec(kind=r.choice(["cmd", "value"]))
        if v.has_newline():
            args = {"command": ["bash", "-lc", T("cat > key.pem <<'EOF'\n", v, "\nEOF")]}
        else:
            args = {"command": ["bash", "-lc", v if f.kind == "cmd" else T("export ", f.names[0].upper().replace("-", "_").replace(".", "_"), "=", v)]}
        items.append({"type": "function_call", "call_id": cid, "name": "shell", "arguments": jdump(args)})
        p, out = tool_output(ctx)
        items.append({"type": "function_call_output", "call_id": T(Span("N", cid.text, cid.meta)), "output": jdump({"output": out, "metadata": {"exit_code": 0, "duration_seconds": 0.4}})})
        ctx.n_neg += 1
    prev = negs.make_neg(r, "json", "api_object_id")[0]
    ctx.n_neg += 1
    body = {"model": r.choice(MODELS_O), "instructions": "You are Codex, a coding agent.", "input": items, "tools": [{"type": "function", "name": "shell"}], "store": False, "stream": True}
    if r.maybe(0.5):
        body["previous_response_id"] = T(prev)
    return "agent/responses/%s.json" % r.choice(["response_create", "turn", "request"]), jdump(body, indent=None, ascii_only=r.maybe(0.2)) + "\n"


def sse_anthropic(ctx):
    r = ctx.r
    mid = idspan(ctx, "msg_01", 22)
    ev = []

    def e(name, data):
        ev.append(T("event: ", name, "\ndata: ", jdump(data, sep=(",", ":")), "\n\n"))
    e("message_start", {"type": "message_start", "message": {"id": mid, "type": "message", "role": "assistant", "model": r.choice(MODELS_A), "content": [], "usage": {"input_tokens": r.randint(100, 9000), "output_tokens": 1}}})
    e("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}})
    chunks = ["Here's the updated config", ":\n\n```", "env\n"]
    for c in chunks:
        e("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": c}})
    for name, v, raw, k in ctx.items("env", *repo.cnt(ctx, 1, 2, 1, 3), single_line=True, allow_raw=False):
        e("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": T(S.ident(name, "UPPER"), "=", v, "\n")}})
    e("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "```\n"}})
    e("content_block_stop", {"type": "content_block_stop", "index": 0})
    if r.maybe(0.6):
        tid = idspan(ctx, "toolu_01", 22)
        e("content_block_start", {"type": "content_block_start", "index": 1, "content_block": {"type": "tool_use", "id": tid, "name": "bash", "input": {}}})
        v, f = ctx.sec(kind="cmd")
        e("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": '{"command": '}})
        e("content_block_delta", {"type": "content_block_delta", "index": 1, "delta": {"type": "input_json_delta", "partial_json": T(jstr(v), "}")}})
        e("content_block_stop", {"type": "content_block_stop", "index": 1})
    e("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None}, "usage": {"output_tokens": r.randint(20, 900)}})
    e("message_stop", {"type": "message_stop"})
    return "agent/sse/anthropic_stream.txt", T(ev)


def sse_openai(ctx):
    r = ctx.r
    cid = idspan(ctx, "chatcmpl-", 29)
    created = r.randint(1700000000, 1750000000)
    model = r.choice(MODELS_O)
    out = []

    def ch(delta, fin=None):
        out.append(T("data: ", jdump({"id": T(Span("N", cid.text, cid.meta)), "object": "chat.completion.chunk", "created": created, "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": fin}]}, sep=(",", ":")), "\n\n"))
        ctx.n_neg += 1
    ch({"role": "assistant", "content": ""})
    lang = r.choice(langs.LANGS)
    ch({"content": r.choice(langs.FILLER[lang]) + " "})
    for name, v, raw, k in ctx.items("env", *repo.cnt(ctx, 1, 2, 1, 3), single_line=True, allow_raw=False):
        ch({"content": T("`", S.ident(name, "UPPER"), "=", v, "`\n")})
    ch({}, "stop")
    out.append("data: [DONE]\n\n")
    ctx.n_neg -= 1
    return "agent/sse/openai_stream.txt", T(out)


def transcript(ctx):
    r = ctx.r
    lang = r.choice(langs.LANGS)
    out = []
    for turn in range(r.choice([1, 2, 2, 3])):
        who = r.choice(["**User:**", "User:", "Human:", ">"])
        out.append(T(who, " ", prose_msg(ctx, lang)))
        if r.maybe(0.5):
            path, body = tool_output(ctx)
            fence = "```" + r.choice(["", "bash", "yaml", "json", "text"])
            out.append(T("**Assistant:** ", r.choice(["Here is what I found in `%s`:" % (path or "the output"), "The output shows:", "Looking at this:"]), "\n\n", fence, "\n", body, "```"))
        else:
            cls = r.choice(["ref_env", "ref_secret_manager", "placeholder", "redacted", "keyword_nonsecret", "i18n_label", "version_string", "file_path"])
            sp, _, _ = ctx.neg("md", cls)
            lead = {"ref_env": "Don't hardcode it — read it from ", "ref_secret_manager": "Don't hardcode it — fetch it from ", "file_path": "Mount it and read ",
                    "placeholder": "In the committed example keep the placeholder ", "redacted": "The log already masks it as ", "keyword_nonsecret": "The relevant setting is ",
                    "i18n_label": "The form label is ", "version_string": "Pin the library to "}[cls]
            out.append(T("**Assistant:** ", lead, "`", sp, "`", r.choice([".", " and restart.", " — that should fix it."])))
    return "agent/transcripts/%s.md" % r.choice(["chat", "session", "conversation"]), join("\n\n", out) + "\n"


def codex_jsonl(ctx):
    r = ctx.r
    lines = []
    lang = r.choice(langs.LANGS)
    lines.append(jdump({"type": "user_message", "message": prose_msg(ctx, lang)}, sep=(",", ":")))
    for _ in range(r.choice([1, 1, 2])):
        p, out = tool_output(ctx)
        cid = idspan(ctx, "call_", 24)
        lines.append(jdump({"type": "exec_command_begin", "call_id": cid, "command": ["bash", "-lc", "cat " + (p or "out.log")]}, sep=(",", ":")))
        lines.append(jdump({"type": "exec_command_end", "call_id": T(Span("N", cid.text, cid.meta)), "stdout": out, "exit_code": 0}, sep=(",", ":")))
    return "agent/codex/%s.jsonl" % r.choice(["session", "rollout"]), join("\n", lines) + "\n"


def terminal_file(ctx):
    r = ctx.r
    g = r.choice(TERMINAL + [har, har])
    body = g(ctx)
    ext = "har" if g is har else r.choice(["log", "txt", "out"])
    return "agent/pasted/%s.%s" % (g.__name__, ext), body


def chat_message_file(ctx):
    """plain user message as a tool like Cursor would log it (text)."""
    r = ctx.r
    lang = r.choice(langs.LANGS)
    return "agent/messages/%s_msg.txt" % lang, prose_msg(ctx, lang, r.randint(2, 4)) + "\n"


GENERATORS = [(anthropic_request, 8), (openai_chat_request, 6), (openai_responses_request, 4), (sse_anthropic, 2.5), (sse_openai, 2),
              (transcript, 5), (codex_jsonl, 2), (terminal_file, 5), (chat_message_file, 4)]
