"""Diffs and patches: git diff/show/log -p, format-patch, word-diff, add -p, merge conflicts, PR review comments."""
import json

from core import jesc
from fmts import FORMATS, company, word
from lang import FILES, assign, filler, neg_line, comment, camel
from negs import REF_LANGS, RAW_REFS
from tpl import Sec, neg, neg1, secret_block, people, email_of

DIFF_LANGS = [("env", 5), ("yaml", 3), ("py", 4), ("js", 2), ("ts", 3), ("go", 2), ("java", 1.5), ("tf", 2), ("json", 2), ("properties", 1.5),
              ("compose", 2), ("gha", 2), ("helm", 1.5), ("rb", 1), ("php", 1), ("cs", 1), ("toml", 1.2), ("sh", 2), ("dockerfile", 1),
              ("kt", 0.6), ("rs", 0.6), ("ini", 0.8), ("xml", 0.8)]

SUBJECTS = ["Add Stripe checkout", "wire up OpenAI client", "fix: staging db creds", "chore: rotate keys", "Move secrets to env",
            "WIP: local testing", "feat(agent): add Anthropic fallback", "ci: deploy on tag", "Revert \"remove hardcoded token\"",
            "hotfix: slack alerts", "update compose for local dev", "add gemini provider", "refactor config loading",
            "remove leaked key", "bump deps and fix auth", "temp: debug prod issue", "feat: nightly export to S3",
            "Use Vault refs instead of literals", "fix(billing): webhook signature", "infra: add RDS module"]


def ref_value(ctx, lang, name):
    subs = [s for s, ls in REF_LANGS.items() if lang in ls]
    if not subs or ctx.r.chance(0.25):
        v, c, s, d = ctx.ng.placeholder(ctx.r.choice(["angle", "your-key", "redacted", "x-filled"]))
        return v, c, s, d, False
    sub = ctx.r.choice(subs)
    v, c, s, d = ctx.ng.reference(sub, name=name)
    return v, c, s, d, sub in RAW_REFS


def neg_same_name(ctx, lang, name):
    v, c, s, d, raw = ref_value(ctx, lang, name)
    return assign(ctx.r, lang, name, v, lambda t: ctx.N(t, c, s, d), expr=raw)


def deco(lang, line, last=False):
    if lang == "json":
        return "  " + line.rstrip(",") + ("" if last else ",")
    if lang in ("compose", "helm", "gha") and not line.startswith(" "):
        return "      " + line
    return line


def change(ctx, lang):
    """(minus_blocks, plus_blocks) for one edit."""
    r = ctx.r
    k = r.wpick([("add", 3), ("rotate", 1.5), ("scrub", 2.2), ("fill", 1.2), ("neg", 1.5), ("addneg", 1.5)])
    if k == "add":
        t, s = secret_block(ctx, lang, "env-any" if r.chance(0.25) else "env")
        plus = [deco(lang, t)]
        if r.chance(0.3):
            c = comment(lang, r.choice(["TODO: move to secrets manager", "temporary, remove before merge", "prod key", "for local testing only",
                                        "do not commit", "rotated 2025-01"]))
            if c:
                plus.insert(0, deco(lang, c))
        return [], plus
    if k == "rotate":
        s = Sec(ctx, "env")
        old = assign(r, lang, s.env, s.v, lambda t: s.lab(t))
        v2 = s.f.gen(r)
        new = assign(r, lang, s.env, v2, lambda t: ctx.L(t, s.f.name, s.f.family))
        return [deco(lang, old)], [deco(lang, new)]
    if k == "scrub":
        t, s = secret_block(ctx, lang)
        return [deco(lang, t)], [deco(lang, neg_same_name(ctx, lang, s.env))]
    if k == "fill":
        s = Sec(ctx, "env")
        v, c, sb, d = ctx.ng.placeholder(r.choice(["angle", "your-key", "x-filled", "stars"]))
        old = assign(r, lang, s.env, v, lambda t: ctx.N(t, c, sb, d))
        new = assign(r, lang, s.env, s.v, lambda t: s.lab(t))
        return [deco(lang, old)], [deco(lang, new)]
    if k == "neg":
        return [deco(lang, neg_line(ctx, lang))], [deco(lang, neg_line(ctx, lang))]
    return [], [deco(lang, neg_line(ctx, lang))]


def prefixed(prefix, block):
    return "\n".join(prefix + l for l in block.split("\n"))


def hunk(ctx, lang, nchanges):
    r = ctx.r
    lines = []   # (prefix, block)
    for i in range(nchanges):
        for _ in range(r.randint(1, 3)):
            if r.chance(0.45):
                lines.append((" ", deco(lang, neg_line(ctx, lang))))
            else:
                lines.append((" ", deco(lang, filler(r, lang))))
        m, p = change(ctx, lang)
        lines += [("-", b) for b in m] + [("+", b) for b in p]
    for _ in range(r.randint(1, 3)):
        lines.append((" ", deco(lang, filler(r, lang))))
    old = sum(b.count("\n") + 1 for pf, b in lines if pf != "+")
    new = sum(b.count("\n") + 1 for pf, b in lines if pf != "-")
    start = r.randint(1, 180)
    fn = r.choice(["", ""] + {"py": [" def get_client():", " class Settings:"], "js": [" module.exports = {"], "ts": [" export const config = {"],
                               "go": [" func main() {", " func Load() (*Config, error) {"], "compose": [" services:"], "tf": [" resource \"aws_db_instance\" \"main\" {"],
                               "ini": [" [default]"], "gha": [" jobs:"], "java": [" public class Config {"], "yaml": [" production:"]}.get(lang, []))
    head = "@@ -%d,%d +%d,%d @@%s" % (start, old, start + r.randint(-2, 4) if start > 3 else start, new, fn)
    return head + "\n" + "\n".join(prefixed(pf, b) for pf, b in lines)


def file_diff(ctx, lang=None, new_file=False):
    r = ctx.r
    lang = lang or r.wpick(DIFF_LANGS)
    path = r.choice(FILES[lang])
    idx = ctx.N(ctx.ng.hash("git-index")[0], "hash", "git-index")
    out = ["diff --git a/%s b/%s" % (path, path)]
    if new_file:
        out.append("new file mode 100644")
        out.append("index 0000000..%s" % ctx.N(r.hex(7), "hash", "git-short-sha"))
        out.append("--- /dev/null")
    else:
        out.append("index %s 100644" % idx)
        out.append("--- a/%s" % path)
    out.append("+++ b/%s" % path)
    if new_file:
        body = []
        for _ in range(r.randint(3, 8)):
            if r.chance(0.3):
                t, s = secret_block(ctx, lang)
                body.append(deco(lang, t))
            elif r.chance(0.4):
                body.append(deco(lang, neg_line(ctx, lang)))
            else:
                body.append(deco(lang, filler(r, lang)))
        n = sum(b.count("\n") + 1 for b in body)
        out.append("@@ -0,0 +1,%d @@" % n)
        out.append("\n".join(prefixed("+", b) for b in body))
    else:
        for _ in range(r.choice([1, 1, 2])):
            out.append(hunk(ctx, lang, r.choice([1, 1, 2])))
    return "\n".join(out)


def author(ctx):
    name, h = people(ctx.r)
    return "%s <%s>" % (name, email_of(ctx.r, h))


def fill_negs(ctx, lines_fn):
    out = []
    for _ in range(min(12, ctx.want_negs())):
        out.append(lines_fn())
    return out


def trailer_neg(ctx):
    r = ctx.r
    k = r.randint(0, 4)
    if k == 0:
        return "Change-Id: %s" % ctx.N(ctx.ng.ident("gerrit-change-id")[0], "identifier", "gerrit-change-id")
    if k == 1:
        return "Reviewed-on: https://github.com/%s/%s/pull/%d (%s)" % (company(r), word(r), r.randint(10, 9999),
                                                                       ctx.N(r.hex(40), "hash", "git-sha"))
    if k == 2:
        return "(cherry picked from commit %s)" % ctx.N(r.hex(40), "hash", "git-sha")
    if k == 3:
        return "Refs: %s" % ctx.N(r.uuid(), "identifier", "uuid")
    return "This reverts commit %s." % ctx.N(r.hex(40), "hash", "git-sha")


def commit_block(ctx, nfiles):
    r = ctx.r
    sha = ctx.N(r.hex(40), "hash", "git-sha")
    head = ["commit %s%s" % (sha, r.choice(["", "", " (HEAD -> main, origin/main)", " (tag: v%d.%d.%d)" % (r.randint(0, 3), r.randint(0, 20), r.randint(0, 9))]))]
    if r.chance(0.1):
        head.append("Merge: %s %s" % (ctx.N(r.hex(7), "hash", "git-short-sha"), ctx.N(r.hex(7), "hash", "git-short-sha")))
    head.append("Author: %s" % author(ctx))
    head.append("Date:   %s" % r.date_git())
    head.append("")
    head.append("    " + r.choice(SUBJECTS))
    if r.chance(0.6):
        head.append("")
        head.append("    " + trailer_neg(ctx))
    head.append("")
    files = [file_diff(ctx, new_file=r.chance(0.15)) for _ in range(nfiles)]
    return "\n".join(head) + "\n" + "\n".join(files)


def t_git_diff(ctx):
    r = ctx.r
    v = r.wpick([("plain", 5), ("cached", 2), ("word", 1.5), ("addp", 1), ("stash", 0.8), ("unified", 1), ("svn", 0.5)])
    if v == "word":
        lang = r.choice(["env", "yaml", "properties", "sh"])
        path = r.choice(FILES[lang])
        lines = ["diff --git a/%s b/%s" % (path, path), "index %s 100644" % ctx.N(ctx.ng.hash("git-index")[0], "hash", "git-index"),
                 "--- a/%s" % path, "+++ b/%s" % path, "@@ -%d,%d +%d,%d @@" % (4, 6, 4, 6)]
        for _ in range(r.randint(2, 4)):
            s = Sec(ctx, "env")
            if r.chance(0.5):
                s2v = s.f.gen(r)
                old = s.lab()
                new = ctx.L(s2v, s.f.name, s.f.family)
                sep = "=" if lang in ("env", "properties") else (": " if lang == "yaml" else "=")
                pre = "export " if lang == "sh" else ""
                lines.append("%s%s%s[-%s-]{+%s+}" % (pre, s.env, sep, old, new))
            else:
                nv, c, sb, d, raw = ref_value(ctx, lang, s.env)
                sep = "=" if lang != "yaml" else ": "
                lines.append("%s%s[-%s-]{+%s+}" % (s.env, sep, s.lab(), ctx.N(nv, c, sb, d)))
            lines.append(filler(r, lang))
        for l in fill_negs(ctx, lambda: neg_line(ctx, lang)):
            lines.append(l)
        return "diffs/%s.worddiff.txt" % word(r), "$ git diff --word-diff\n" + "\n".join(lines) + "\n"
    if v == "addp":
        lang = r.wpick(DIFF_LANGS)
        d = file_diff(ctx, lang)
        body = d.split("\n")
        hdr = "\n".join(body[:4])
        rest = "\n".join(body[4:])
        text = "$ git add -p\n%s\n%s\n(1/1) Stage this hunk [y,n,q,a,d,e,?]? n\n\n" % (hdr, rest)
        return "diffs/add-p-%s.txt" % word(r), text
    if v == "svn":
        lang = r.choice(["properties", "xml", "ini", "env", "php"])
        path = r.choice(FILES[lang])
        h = hunk(ctx, lang, r.randint(1, 2))
        text = "Index: %s\n%s\n--- %s\t(revision %d)\n+++ %s\t(working copy)\n%s\n" % (path, "=" * 67, path, r.randint(1000, 99999), path, h)
        return "diffs/svn-%s.diff" % word(r), text
    if v == "unified":
        lang = r.choice(["env", "yaml", "ini", "properties", "toml", "sh"])
        path = r.choice(FILES[lang])
        h = hunk(ctx, lang, r.randint(1, 2))
        text = "--- %s.orig\t2025-01-%02d 10:%02d:11.000000000 +0100\n+++ %s\t2025-01-%02d 10:%02d:42.000000000 +0100\n%s\n" % (
            path, r.randint(1, 28), r.randint(0, 59), path, r.randint(1, 28), r.randint(0, 59), h)
        return "diffs/%s.patch" % path.replace("/", "_").lstrip("."), text
    files = [file_diff(ctx, new_file=r.chance(0.15)) for _ in range(r.choice([1, 1, 2, 3]))]
    cmd = {"plain": "git diff", "cached": "git diff --cached", "stash": "git stash show -p stash@{0}"}[v]
    pre = "$ %s\n" % cmd if r.chance(0.6) else ""
    name = {"plain": "working-tree", "cached": "staged", "stash": "stash"}[v]
    return "diffs/%s-%s.diff" % (name, word(r)), pre + "\n".join(files) + "\n"


def t_git_show(ctx):
    r = ctx.r
    text = commit_block(ctx, r.choice([1, 1, 2]))
    pre = "$ git show %s\n" % ctx.N(r.hex(r.choice([7, 8, 12])), "hash", "git-short-sha") if r.chance(0.5) else ""
    return "diffs/show-%s.txt" % word(r), pre + text + "\n"


def t_git_log_p(ctx):
    r = ctx.r
    blocks = [commit_block(ctx, r.choice([1, 1, 2])) for _ in range(r.randint(2, 4))]
    pre = "$ git log -p %s\n" % r.choice(["-- .env", "--all -S 'API_KEY'", "-3", "--follow config/settings.yaml", "origin/main..HEAD", "-G token"])
    return "diffs/log-p-%s.txt" % word(r), pre + "\n\n".join(blocks) + "\n"


def t_format_patch(ctx):
    r = ctx.r
    n = r.randint(1, 3)
    files = [file_diff(ctx, new_file=r.chance(0.1)) for _ in range(r.choice([1, 1, 2]))]
    subj = r.choice(SUBJECTS)
    stat = []
    for f in files:
        path = f.split("\n", 1)[0].split(" b/")[-1]
        a, d = r.randint(1, 9), r.randint(0, 6)
        stat.append(" %s | %d %s%s" % (path, a + d, "+" * a, "-" * d))
    text = ("From %s Mon Sep 17 00:00:00 2001\nFrom: %s\nDate: %s\nSubject: [PATCH %d/%d] %s\n\n%s\n---\n%s\n %d file%s changed\n\n%s\n-- \n2.%d.%d\n" % (
        ctx.N(r.hex(40), "hash", "git-sha"), author(ctx), r.date_http().replace(" GMT", " +0000"), r.randint(1, n), n, subj,
        r.choice(["Needed for the demo on Friday.", "Keys come from the team vault now.", "Quick fix, see incident channel.", ""]),
        "\n".join(stat), len(files), "s" if len(files) > 1 else "", "\n".join(files), r.randint(39, 47), r.randint(0, 5)))
    return "patches/%04d-%s.patch" % (r.randint(1, 12), subj.lower().replace(" ", "-").replace(":", "").replace("\"", "")[:40]), text


def t_pr_review(ctx):
    r = ctx.r
    lang = r.wpick(DIFF_LANGS)
    path = r.choice(FILES[lang])
    if r.chance(0.55):
        # GitHub REST API: list review comments (JSON; the diff hunk is a JSON string)
        items = []
        for _ in range(r.randint(1, 3)):
            h = hunk(ctx, lang, 1)
            name, handle = people(r)
            s_body = r.choice([
                "This is a live key, please revoke it and use `%s` instead." % neg1(ctx, "reference"),
                "Hardcoded credential :warning: ",
                "nit: the comment above is outdated",
                "Can we read this from the environment? e.g. `%s`" % neg1(ctx, "reference", "os-environ"),
                "Is `%s` the prod one?" % neg1(ctx, "placeholder", "masked-prefix"),
                "LGTM once the token is rotated",
            ])
            cid = r.randint(10 ** 9, 3 * 10 ** 9)
            items.append('  {\n    "url": "https://api.github.com/repos/%s/%s/pulls/comments/%d",\n    "pull_request_review_id": %d,\n    "id": %d,\n'
                         '    "node_id": "%s",\n    "diff_hunk": "%s",\n    "path": "%s",\n    "commit_id": "%s",\n    "original_commit_id": "%s",\n'
                         '    "user": {"login": "%s", "id": %d, "type": "User"},\n    "body": "%s",\n    "created_at": "%s",\n    "author_association": "MEMBER",\n'
                         '    "line": %d,\n    "side": "RIGHT"\n  }' % (
                             company(r), word(r), cid, r.randint(10 ** 9, 3 * 10 ** 9), cid,
                             ctx.N("PRRC_kwDO" + r.b64u(22), "identifier", "github-node-id"), jesc(h), path,
                             ctx.N(r.hex(40), "hash", "git-sha"), ctx.N(r.hex(40), "hash", "git-sha"), handle.replace(".", "-"),
                             r.randint(10 ** 5, 10 ** 8), jesc(s_body), r.date_iso(), r.randint(3, 200)))
        return "reviews/pr-%d-comments.json" % r.randint(100, 9999), "[\n" + ",\n".join(items) + "\n]\n"
    # e-mail notification / exported markdown
    h = hunk(ctx, lang, r.randint(1, 2))
    name, handle = people(r)
    text = ("**@%s** commented on this pull request.\n\nIn %s:\n\n```diff\n%s\n```\n\n%s\n\n---\nReply to this email directly, view it on GitHub:\n"
            "https://github.com/%s/%s/pull/%d#discussion_r%d\nYou are receiving this because you were mentioned.\n\nMessage ID: %s\n") % (
        handle, path, h, r.choice(["Please don't commit credentials, even for staging. Rotate this one.",
                                   "Use `%s` instead of the literal." % neg1(ctx, "reference"),
                                   "Secret scanner flagged this line; the value looks real.",
                                   "The old value (`%s`) is revoked already." % neg1(ctx, "placeholder", "masked-prefix")]),
        company(r), word(r), r.randint(10, 9999), r.randint(10 ** 9, 2 * 10 ** 9),
        ctx.N("<%s/%s/pull/%d/review/%d@github.com>" % (company(r), word(r), r.randint(10, 999), r.randint(10 ** 9, 2 * 10 ** 9)),
              "identifier", "message-id"))
    return "reviews/notification-%s.md" % word(r), text


def t_merge_conflict(ctx):
    r = ctx.r
    lang = r.choice(["env", "yaml", "py", "ts", "json", "properties", "compose", "tf"])
    out = []
    for _ in range(r.randint(2, 5)):
        out.append(deco(lang, filler(r, lang)))
    for _ in range(r.randint(1, 2)):
        s = Sec(ctx, "env")
        ours = assign(r, lang, s.env, s.v, lambda t: s.lab(t))
        theirs = neg_same_name(ctx, lang, s.env)
        a, b = (ours, theirs) if r.chance(0.6) else (theirs, ours)
        out.append("<<<<<<< HEAD\n%s\n=======\n%s\n>>>>>>> %s" % (deco(lang, a), deco(lang, b),
                                                                  r.choice(["feature/secrets-refs", "main", ctx.N(r.hex(7), "hash", "git-short-sha")])))
        out.append(deco(lang, filler(r, lang)))
    for _ in range(min(6, ctx.want_negs())):
        out.insert(r.randint(0, len(out)), deco(lang, neg_line(ctx, lang)))
    path = r.choice(FILES[lang])
    return "conflicts/" + path, "\n".join(out) + "\n"


TEMPLATES = [
    ("git-diff", t_git_diff, 95),
    ("git-show", t_git_show, 55),
    ("git-log-p", t_git_log_p, 45),
    ("format-patch", t_format_patch, 45),
    ("pr-review", t_pr_review, 40),
    ("merge-conflict", t_merge_conflict, 20),
]
