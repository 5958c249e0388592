"""Agent traffic: Anthropic Messages and OpenAI Chat Completions / Responses request bodies carrying the files above."""
from h13_core import MRE, case, domain, jesc, org, pick, rs_any, uuid4, AN, HEX, epoch, ts, SERVICES, username
from h13_formats import gen
import h13_negs as NG

ASK = ["Why does the deploy fail with this config?", "Can you clean this file up and keep the behaviour?", "Find what's wrong here, the service can't connect.",
       "Please review this before I commit it.", "Convert this to the new format and explain the changes.", "The CI job is red since yesterday, here's the file.",
       "Add retries to this and keep the credentials handling as is.", "Help me understand why auth returns 401.", "Refactor this into smaller functions.",
       "Write tests for this module.", "Migrate this to Helm 3 values, please.", "Summarize what this log says about the outage."]
CLAUDE_MODELS = ["claude-sonnet-4-5-20250929", "claude-opus-4-1-20250805", "claude-3-5-haiku-20241022", "claude-sonnet-4-20250514"]
OPENAI_MODELS = ["gpt-4o-2024-08-06", "gpt-4.1", "o4-mini", "gpt-4o-mini", "gpt-5", "gpt-5-codex"]

SYSTEM = ("You are an interactive CLI tool that helps users with software engineering tasks. Use the instructions below and the tools available to you to assist the user.\n\n"
          "IMPORTANT: Refuse to write code or explain code that may be used maliciously. Never introduce code that exposes or logs secrets and keys.")


def inner_doc(G, d, r, max_len=24000):
    for _ in range(20):
        kind = G.inner_kind(r)
        path, text = kind(G, d, r)
        if len(d.plain(text)) <= max_len:
            return path, text
    return path, text


def abs_path(path, u):
    parts = path.split("/")
    if parts[0] == "repos" and len(parts) > 2:
        return "/home/%s/src/%s" % (u, "/".join(parts[1:]))
    return "/" + path


def rel_path(path):
    parts = path.split("/")
    if parts[0] == "repos" and len(parts) > 2:
        return "/".join(parts[2:])
    if parts[0] == "home" and len(parts) > 2:
        return "~/" + "/".join(parts[2:])
    return "/" + path


def has_multiline_tag(d, text):
    return any("\n" in d.tags[int(m.group(1))]["raw"] for m in MRE.finditer(text))


def numbered(d, text):
    """Claude Code's Read output: cat -n style, unless a tag spans lines (then plain)."""
    if has_multiline_tag(d, text):
        return text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    return "\n".join("%6d\t%s" % (i + 1, l) for i, l in enumerate(lines))


def tokenized_snippet(d, r):
    out = []
    for _ in range(r.randint(1, 4)):
        nm = pick(r, ("DATABASE_URL", "STRIPE_SECRET_KEY", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "JWT_SECRET", "OPENAI_API_KEY"))
        out.append("%s=%s" % (nm, d.N(NG.takumo_token(r), "takumo-token", "own-token")))
    return "\n".join(out)


def pasted_env(G, d, r):
    k = G.extra_secrets(r)
    if r.random() < 0.25:
        k += 1
    if not k:
        return ""
    lines = [G.kv.secret_line(d, r, "dotenv") for _ in range(k)]
    if r.random() < 0.5:
        lines.append(G.kv.neg_line(d, r, "dotenv"))
    return "\n\n" + pick(r, ("My env for reference:", "Relevant variables:", "here's .env.local:", "Values I'm using:")) + "\n" + "\n".join(lines)


def tool_ids(d, r, kind):
    if kind == "anthropic":
        return d.N("toolu_01" + rs_any(r, AN, 22), "api-object-id", "tool-use-id")
    return d.N("call_" + rs_any(r, AN, 24), "api-object-id", "tool-call-id")


def k_anthropic(G, d, r):
    u = G.user(r)
    repo = G.repo(r)
    path, inner = inner_doc(G, d, r)
    abspath = abs_path(path, u)
    msgs = []
    first = pick(r, ASK)
    if r.random() < 0.35:
        p2, inner2 = inner_doc(G, d, r, 6000)
        first = first + "\n\n```\n" + inner2 + "\n```"
    if r.random() < 0.2:
        first += "\n\n(this is what the gateway showed me:)\n" + tokenized_snippet(d, r)
    first += pasted_env(G, d, r)
    msgs.append('{"role": "user", "content": [{"type": "text", "text": "%s"}]}' % d.transform(first, "json"))
    tid = tool_ids(d, r, "anthropic")
    msgs.append('{"role": "assistant", "content": [{"type": "text", "text": "I\'ll read the file first."}, {"type": "tool_use", "id": "%s", "name": "Read", "input": {"file_path": "%s"}}]}' % (tid, jesc(abspath)))
    body = numbered(d, inner) if r.random() < 0.6 else inner
    msgs.append('{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "%s", "content": "%s"}]}' % (tid, d.transform(body, "json")))
    if r.random() < 0.4:
        tid2 = tool_ids(d, r, "anthropic")
        msgs.append('{"role": "assistant", "content": [{"type": "tool_use", "id": "%s", "name": "Write", "input": {"file_path": "%s", "content": "%s"}}]}' % (tid2, jesc(abspath), d.transform(inner, "json")))
        msgs.append('{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "%s", "content": "File written successfully."}]}' % tid2)
    if r.random() < 0.3:
        tid3 = tool_ids(d, r, "anthropic")
        p3, inner3 = inner_doc(G, d, r, 8000)
        msgs.append('{"role": "assistant", "content": [{"type": "tool_use", "id": "%s", "name": "Bash", "input": {"command": "cat %s", "description": "Show the file"}}]}' % (tid3, jesc(rel_path(p3))))
        msgs.append('{"role": "user", "content": [{"type": "tool_result", "tool_use_id": "%s", "content": [{"type": "text", "text": "%s"}], "is_error": false}]}' % (tid3, d.transform(inner3, "json")))
    uid = "user_%s_account_%s_session_%s" % (rs_any(r, HEX, 64), uuid4(r), uuid4(r))
    text = ('{"model": "%s", "max_tokens": %d, "system": [{"type": "text", "text": "%s", "cache_control": {"type": "ephemeral"}}], "messages": [%s], '
            '"tools": [{"name": "Read", "description": "Reads a file from the local filesystem.", "input_schema": {"type": "object", "properties": {"file_path": {"type": "string"}}, "required": ["file_path"]}}, '
            '{"name": "Bash", "description": "Executes a bash command.", "input_schema": {"type": "object", "properties": {"command": {"type": "string"}}}}], '
            '"metadata": {"user_id": "%s"}, "stream": true}\n') % (
        pick(r, CLAUDE_MODELS), r.choice((8192, 16000, 32000)), jesc(SYSTEM), ", ".join(msgs), d.N(uid, "api-object-id", "claude-code-user-id"))
    return G.uniq("captures/anthropic/%s/%s.json" % (ts(r)[:10], d.plain(tid)[:20] + rs_any(r, HEX, 6))), text


def k_anthropic_response(G, d, r):
    path, inner = inner_doc(G, d, r, 12000)
    txt = "Here is the corrected file:\n\n```\n%s\n```\n\nI kept the existing values and only fixed the structure." % inner
    text = ('{"id": "%s", "type": "message", "role": "assistant", "model": "%s", "content": [{"type": "text", "text": "%s"}], "stop_reason": "end_turn", "stop_sequence": null, '
            '"usage": {"input_tokens": %d, "cache_creation_input_tokens": %d, "cache_read_input_tokens": %d, "output_tokens": %d}}\n') % (
        d.N("msg_01" + rs_any(r, AN, 22), "api-object-id", "anthropic-message-id"), pick(r, CLAUDE_MODELS), d.transform(txt, "json"), r.randint(500, 90000), r.randint(0, 5000), r.randint(0, 80000), r.randint(100, 8000))
    return G.uniq("captures/anthropic-responses/%s/%s.json" % (ts(r)[:10], rs_any(r, HEX, 16))), text


def k_openai_chat(G, d, r):
    path, inner = inner_doc(G, d, r)
    msgs = ['{"role": "system", "content": "You are a senior engineer. Be concise."}']
    first = pick(r, ASK)
    if r.random() < 0.3:
        p2, inner2 = inner_doc(G, d, r, 6000)
        first += "\n\n" + inner2
    first += pasted_env(G, d, r)
    msgs.append('{"role": "user", "content": "%s"}' % d.transform(first, "json"))
    cid = tool_ids(d, r, "openai")
    path = rel_path(path)
    args = '{"path": "%s"}' % jesc(path)
    msgs.append('{"role": "assistant", "content": null, "tool_calls": [{"id": "%s", "type": "function", "function": {"name": "read_file", "arguments": "%s"}}]}' % (cid, jesc(args)))
    msgs.append('{"role": "tool", "tool_call_id": "%s", "content": "%s"}' % (cid, d.transform(inner, "json")))
    if r.random() < 0.5:
        cid2 = tool_ids(d, r, "openai")
        wargs = '{"path": "%s", "content": "%s"}' % (jesc(path), d.transform(inner, "json"))
        msgs.append('{"role": "assistant", "content": null, "tool_calls": [{"id": "%s", "type": "function", "function": {"name": "write_file", "arguments": "%s"}}]}' % (cid2, d.transform(wargs, "json")))
        msgs.append('{"role": "tool", "tool_call_id": "%s", "content": "ok"}' % cid2)
    text = ('{"model": "%s", "messages": [%s], "tools": [{"type": "function", "function": {"name": "read_file", "description": "Read a file", "parameters": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}}, '
            '{"type": "function", "function": {"name": "write_file", "parameters": {"type": "object", "properties": {"path": {"type": "string"}, "content": {"type": "string"}}}}}], '
            '"temperature": %.1f, %s, "stream": %s}\n') % (
        pick(r, OPENAI_MODELS), ", ".join(msgs), r.choice((0.0, 0.2, 0.7)), d.N('"max_completion_tokens": %d' % r.choice((4096, 8192, 16384)), "name-only", "token-limit"), pick(r, ("true", "false")))
    return G.uniq("captures/openai-chat/%s/%s.json" % (ts(r)[:10], rs_any(r, HEX, 16))), text


def k_openai_responses(G, d, r):
    path, inner = inner_doc(G, d, r)
    items = ['{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "%s"}]}' % d.transform(pick(r, ASK), "json")]
    if r.random() < 0.5:
        items.append('{"type": "reasoning", "id": "%s", "summary": [], "encrypted_content": "%s"}' % (d.N("rs_" + rs_any(r, HEX, 48), "api-object-id", "reasoning-id"),
                                                                                                   d.N("gAAAAAB" + NG.b64u(NG.rbytes(r, r.randint(300, 900))), "encrypted-blob", "reasoning-encrypted-content")))
    cid = tool_ids(d, r, "openai")
    args = '{"command": ["bash", "-lc", "cat %s"], "workdir": "/workspace/%s", "timeout_ms": 10000}' % (jesc(rel_path(path)), path.split("/")[1] if path.startswith("repos/") else G.repo(r))
    items.append('{"type": "function_call", "call_id": "%s", "name": "shell", "arguments": "%s"}' % (cid, jesc(args)))
    if r.random() < 0.6:
        out = '{"output": "%s", "metadata": {"exit_code": 0, "duration_seconds": %.1f}}' % (d.transform(inner, "json"), r.random())
        items.append('{"type": "function_call_output", "call_id": "%s", "output": "%s"}' % (cid, d.transform(out, "json")))
    else:
        items.append('{"type": "function_call_output", "call_id": "%s", "output": "%s"}' % (cid, d.transform(inner, "json")))
    text = ('{"model": "%s", "instructions": "You are Codex, a coding agent.", "input": [%s], "tools": [{"type": "function", "name": "shell", "description": "Runs a shell command", "strict": false, '
            '"parameters": {"type": "object", "properties": {"command": {"type": "array", "items": {"type": "string"}}}, "required": ["command"]}}], "tool_choice": "auto", "parallel_tool_calls": false, '
            '"reasoning": {"effort": "%s", "summary": "auto"}, "store": false, "stream": true, "include": ["reasoning.encrypted_content"], "prompt_cache_key": "%s"}\n') % (
        pick(r, OPENAI_MODELS), ", ".join(items), pick(r, ("low", "medium", "high")), d.N(uuid4(r), "uuid", "prompt-cache-key"))
    return G.uniq("captures/openai-responses/%s/%s.json" % (ts(r)[:10], rs_any(r, HEX, 16))), text


KINDS = [("agent-anthropic", 110, k_anthropic), ("agent-anthropic-response", 20, k_anthropic_response), ("agent-openai-chat", 70, k_openai_chat),
         ("agent-openai-responses", 50, k_openai_responses)]
