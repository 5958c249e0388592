# -*- coding: utf-8 -*-
"""Prose: Slack and Teams exports, e-mails, tickets, meeting notes, chat logs and AI chat transcripts, in 13 languages."""
import base64

from core import MARK_RE, jesc, jesc_ascii, hesc
from fmts import FORMATS, company, word
from lang import assign, filler, neg_line
from phrases import NAMED, BARE, PW, KEYWORD, NEG, FILLER, LANGS, PW_WORD
from tpl import Sec, neg, neg1, lab_as, auth_headers, api_host, api_path, people, email_of, secret_block


def pick_lang(ctx):
    return ctx.r.wpick(LANGS)


def secret_sentence(ctx, lang):
    r = ctx.r
    k = r.wpick([("named", 5), ("bare", 2.5), ("pw", 3)])
    if k == "pw":
        s = Sec(ctx, fmt="password")
        return r.choice(PW[lang]).replace("{v}", s.lab())
    if k == "bare":
        s = Sec(ctx, "prose-bare")
        return r.choice(BARE[lang]).replace("{v}", s.lab())
    s = Sec(ctx, "prose")
    if s.f.kind == "password":
        return r.choice(PW[lang]).replace("{v}", s.lab())
    name = s.human
    if lang != "en" and r.chance(0.3):
        name = "%s (%s)" % (KEYWORD[lang]["key" if "key" in name.lower() else "token"], name)
    return r.choice(NAMED[lang]).replace("{n}", name).replace("{v}", s.lab())


def neg_sentence(ctx, lang):
    r = ctx.r
    k = r.choice(list(NEG))
    t = NEG[k][lang]
    if k == "masked":
        x = neg1(ctx, "placeholder", "masked-prefix")
    elif k == "reference":
        x = ctx.N(*ctx.ng.reference(r.choice(["op-ref", "vault-ref", "arn-secretsmanager", "gcp-secret-manager"]))[:4])
    elif k == "hash":
        x = ctx.N(*ctx.ng.hash(r.choice(["git-short-sha", "git-sha"]))[:4])
    elif k == "ident":
        x = ctx.N(*ctx.ng.ident(r.choice(["request-id", "uuid", "trace-id", "openai-object-id", "anthropic-object-id"]))[:4])
    elif k == "placeholder":
        x = ctx.N(*ctx.ng.placeholder(r.choice(["angle", "your-key", "x-filled"]))[:4])
    elif k == "doc":
        x = ctx.N(*ctx.ng.documented(r.choice(["aws-doc-key-id", "aws-doc-secret"]))[:4])
    elif k == "takumo":
        x = ctx.N(*ctx.ng.takumo()[:4])
    elif k == "harmless":
        x = ctx.N(r.choice(["3600", "900", "86400"]), "keyword-no-secret", "token-expiry")
    else:
        x = ctx.N(*ctx.ng.public(r.choice(["stripe-publishable-key", "posthog-project-key", "supabase-anon-key", "recaptcha-site-key"]))[:4])
    return t.replace("{x}", x)


def messages(ctx, lang, n_sec=None, n=None):
    """A list of (author, text) chat messages with secrets and negatives mixed in."""
    r = ctx.r
    n_sec = n_sec or r.choice([1, 1, 2])
    msgs = []
    for _ in range(n_sec):
        msgs.append(secret_sentence(ctx, lang))
    for _ in range(max(2, min(8, int((3.0 + r.random()) * n_sec) - 1))):
        msgs.append(neg_sentence(ctx, lang))
    for _ in range(r.randint(2, 5)):
        msgs.append(r.choice(FILLER[lang]))
    r.shuffle(msgs)
    crew = [people(r) for _ in range(3)]
    return [(r.choice(crew), m) for m in msgs]


def slack_esc(s):
    from core import _map_unmarked
    return _map_unmarked(s, lambda p: p.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def t_slack(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    msgs = messages(ctx, lang)
    uid = {}
    team = ctx.N("T0" + r.ualnum(8), "identifier", "slack-id")
    items = []
    ts = r.ts()
    asc = r.chance(0.4)
    J = jesc_ascii if asc else jesc
    for (who, h), text in msgs:
        if h not in uid:
            uid[h] = "U0" + r.ualnum(9)
        t = slack_esc(text)
        if r.chance(0.2):
            t = "```%s```" % t
        ts += r.randint(5, 900)
        block_text = J(t)
        items.append(('    {\n        "user": "%s",\n        "type": "message",\n        "ts": "%d.%06d",\n        "client_msg_id": "%s",\n        "text": "%s",\n'
                      '        "team": "%s",\n        "user_profile": {\n            "real_name": "%s",\n            "display_name": "%s"\n        },\n'
                      '        "blocks": [\n            {\n                "type": "rich_text",\n                "block_id": "%s",\n                "elements": [\n'
                      '                    {\n                        "type": "rich_text_section",\n                        "elements": [\n'
                      '                            {\n                                "type": "text",\n                                "text": "%s"\n'
                      '                            }\n                        ]\n                    }\n                ]\n            }\n        ]\n    }') % (
            uid[h], ts, r.randint(0, 999999), ctx.N(r.uuid(), "identifier", "uuid"), J(t), team,
            J(who), h, r.b64u(5), dup_marks(ctx, block_text)))
    return "prose/slack/%s/2025-01-%02d.json" % (r.choice(["dev", "platform", "incidents", "backend", "ml-team"]), r.randint(1, 28)), "[\n" + ",\n".join(items) + "\n]\n"


def dup_marks(ctx, s):
    """Copy a marked string, giving each span a fresh index (the same value planted again)."""
    out = []
    for part in MARK_RE.split(s):
        if not part:
            continue
        if part[0] == "\ue000":
            a = ctx.anns[int(part[1:-1])]
            i = len(ctx.anns)
            ctx.anns.append(a)
            if a[0] == "L":
                ctx.nsec += 1
                if a[1] in ctx.reg.count:
                    ctx.reg.note(a[1])
            else:
                ctx.nneg += 1
            out.append("\ue000%d\ue001" % i)
        else:
            out.append(part)
    return "".join(out)


def t_teams(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    msgs = messages(ctx, lang)
    items = []
    for (who, h), text in msgs:
        html = "<p>%s</p>" % hesc(text, quote=False)
        if r.chance(0.25):
            html = "<pre><code>%s</code></pre>" % hesc(text, quote=False)
        items.append('    {\n      "id": "%d",\n      "messageType": "message",\n      "createdDateTime": "%s",\n      "from": {\n        "user": {\n'
                     '          "id": "%s",\n          "displayName": "%s",\n          "tenantId": "%s"\n        }\n      },\n      "body": {\n'
                     '        "contentType": "html",\n        "content": "%s"\n      },\n      "attachments": [],\n      "mentions": [],\n      "reactions": []\n    }' % (
                         r.ts() * 1000 + r.randint(0, 999), r.date_iso().replace("Z", ".%03dZ" % r.randint(0, 999)), ctx.N(r.uuid(), "identifier", "azure-id"),
                         jesc(who), ctx.N(r.uuid(), "identifier", "azure-id"), jesc(html)))
    text = '{\n  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats(\'19%%3A%s%%40thread.v2\')/messages",\n  "@odata.count": %d,\n  "value": [\n%s\n  ]\n}\n' % (
        r.hex(32), len(items), ",\n".join(items))
    return "prose/teams/chat-%s.json" % word(r), text


def qp(s):
    out = []
    ll = 0
    for part in MARK_RE.split(s):
        if not part:
            continue
        if MARK_RE.fullmatch(part):
            out.append(part)
            continue
        for ch in part:
            if ch == "\n":
                out.append("\n")
                ll = 0
                continue
            if ch == "=" or ord(ch) > 126:
                enc = "".join("=%02X" % b for b in ch.encode("utf-8"))
            else:
                enc = ch
            if ll + len(enc) > 75:
                out.append("=\n")
                ll = 0
            out.append(enc)
            ll += len(enc)
    return "".join(out)


GREET = {"en": ("Hi {n},", "Best,"), "de": ("Hallo {n},", "Viele Grüße"), "fr": ("Bonjour {n},", "Cordialement,"), "es": ("Hola {n}:", "Saludos,"),
         "pt": ("Olá {n},", "Abraços,"), "ja": ("{n}さん", "よろしくお願いします。"), "zh": ("{n}，你好：", "谢谢！"), "ru": ("Привет, {n}!", "Спасибо,"),
         "ko": ("{n}님 안녕하세요,", "감사합니다."), "it": ("Ciao {n},", "Saluti,"), "nl": ("Hoi {n},", "Groet,"), "pl": ("Cześć {n},", "Pozdrawiam,"),
         "tr": ("Merhaba {n},", "Saygılarımla,")}


def t_email(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    (fn, fh), (tn, th) = people(r), people(r)
    dom = company(r)
    fmail, tmail = email_of(r, fh), email_of(r, th)
    body = [GREET[lang][0].replace("{n}", tn.split()[0]), ""]
    for _ in range(r.choice([1, 1, 2])):
        body.append(secret_sentence(ctx, lang))
    if r.chance(0.4):
        body += ["", "```"]
        for _ in range(r.randint(1, 2)):
            t, s = secret_block(ctx, "env")
            body.append(t)
        body += [neg_line(ctx, "env"), "```"]
    body.append("")
    for _ in range(r.randint(2, 4)):
        body.append(neg_sentence(ctx, lang))
    body += ["", GREET[lang][1], fn, "", "-- ", "%s | %s GmbH" % (fn, dom.capitalize()), "Tel. +49 30 %d" % r.randint(1000000, 9999999)]
    text_body = "\n".join(body)
    use_qp = r.chance(0.5)
    enc_body = qp(text_body) if use_qp else text_body
    bh = ctx.N(r.b64bytes(32), "hash", "dkim-body-hash")
    b = ctx.N(r.b64bytes(256), "hash", "dkim-signature")
    hdr = ["Return-Path: <%s>" % fmail,
           "Received: from mail-%s.google.com (mail-%s.google.com [209.85.%d.%d])" % (r.lalnum(6), r.lalnum(6), r.randint(0, 255), r.randint(0, 255)),
           "        by mx.%s.com with ESMTPS id %s" % (dom, ctx.N(r.lalnum(12) + "." + str(r.randint(10, 99)), "identifier", "smtp-id")),
           "        for <%s>; %s" % (tmail, r.date_http().replace("GMT", "+0000")),
           "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s.com; s=google; t=%d;" % (dom, r.ts()),
           "        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject:date:message-id:reply-to;",
           "        bh=%s;" % bh, "        b=%s" % b,
           "X-Google-Smtp-Source: %s" % ctx.N(r.b64c(88), "identifier", "smtp-source"),
           "MIME-Version: 1.0", "From: %s <%s>" % (fn, fmail), "To: %s <%s>" % (tn, tmail),
           "Date: %s" % r.date_http().replace("GMT", "+0100"),
           "Message-ID: %s" % ctx.N("<CA%s@mail.gmail.com>" % r.b64c(40).replace("/", "+"), "identifier", "message-id"),
           "Subject: %s" % r.choice(["Zugangsdaten Staging", "Re: API access", "credentials for the demo", "Fwd: new keys", "アクセス情報",
                                    "Re: Re: prod incident", "acceso a la base de datos"]),
           'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: %s" % ("quoted-printable" if use_qp else "8bit")]
    if r.chance(0.3):
        hdr.insert(8, "Thread-Index: %s" % ctx.N(r.b64c(40) + "==", "identifier", "thread-index"))
    return "prose/mail/%s.eml" % word(r), "\n".join(hdr) + "\n\n" + enc_body + "\n"


def t_ticket(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    k = r.choice(["github", "jira", "linear"])
    (n1, h1), (n2, h2) = people(r), people(r)
    title = r.choice(["Checkout fails with 401 after key rotation", "Agent cannot reach Gemini from CI", "Staging DB connection refused",
                      "Webhook signature mismatch", "Deploy pipeline broken since Tuesday", "Slack alerts not delivered", "同步任务失败",
                      "Fehler beim Login nach Update", "La sync de facturas falla", "Токен не работает после ротации"])
    snippet = []
    for _ in range(r.randint(0, 2)):
        t, s = secret_block(ctx, r.choice(["env", "yaml", "py"]))
        snippet.append(t)
    for _ in range(r.randint(1, 3)):
        snippet.append(neg_line(ctx, "env"))
    logl = ["%s ERROR request failed status=401 request_id=%s" % (r.date_iso(), ctx.N(r.uuid(), "identifier", "request-id")),
            "%s WARN retrying in 2s trace=%s" % (r.date_iso(), ctx.N(r.hex(32), "identifier", "trace-id"))]
    paras = [secret_sentence(ctx, lang)] + [neg_sentence(ctx, lang) for _ in range(r.randint(2, 4))]
    if k == "github":
        text = "## %s\n\n**Describe the bug**\n%s\n\n**To reproduce**\n```env\n%s\n```\n\n**Logs**\n```\n%s\n```\n\n**Notes**\n%s\n\n---\n_%s commented:_\n\n> %s\n\n%s\n" % (
            title, paras[0], "\n".join(snippet), "\n".join(logl), "\n".join("- " + p for p in paras[1:]), h2, paras[1] if len(paras) > 1 else "",
            r.choice(FILLER[lang]))
        return "prose/issues/issue-%d.md" % r.randint(10, 9999), text
    if k == "jira":
        text = "h2. %s\n\n*Reporter:* [~%s]  *Assignee:* [~%s]  *Priority:* Major\n\nh3. Description\n%s\n\n{code:bash}\n%s\n{code}\n\n{noformat}\n%s\n{noformat}\n\nh3. Comments\n%s\n" % (
            title, h1, h2, paras[0], "\n".join(snippet), "\n".join(logl), "\n".join("* [~%s]: %s" % (r.choice([h1, h2]), p) for p in paras[1:]))
        return "prose/jira/%s-%d.txt" % (r.choice(["OPS", "PLAT", "SEC", "BE"]), r.randint(100, 9999)), text
    text = "# %s\n\nStatus: In Progress · Team: Platform · Labels: bug, secrets\n\n%s\n\n```\n%s\n%s\n```\n\n### Activity\n%s\n" % (
        title, paras[0], "\n".join(snippet), "\n".join(logl), "\n".join("**%s** · %s" % (r.choice([n1, n2]), p) for p in paras[1:]))
    return "prose/linear/%s-%d.md" % (r.choice(["ENG", "INF", "AI"]), r.randint(10, 999)), text


MEET = {"en": ("Meeting notes", "Attendees", "Action items", "Decisions"), "de": ("Besprechungsnotizen", "Teilnehmende", "Aufgaben", "Entscheidungen"),
        "fr": ("Compte rendu", "Participants", "Actions", "Décisions"), "es": ("Notas de la reunión", "Asistentes", "Tareas", "Decisiones"),
        "pt": ("Ata da reunião", "Participantes", "Ações", "Decisões"), "ja": ("議事録", "参加者", "アクションアイテム", "決定事項"),
        "zh": ("会议纪要", "参会人", "待办事项", "决定"), "ru": ("Заметки со встречи", "Участники", "Задачи", "Решения"),
        "ko": ("회의록", "참석자", "액션 아이템", "결정 사항"), "it": ("Note della riunione", "Partecipanti", "Azioni", "Decisioni"),
        "nl": ("Notulen", "Aanwezig", "Actiepunten", "Besluiten"), "pl": ("Notatki ze spotkania", "Uczestnicy", "Zadania", "Decyzje"),
        "tr": ("Toplantı notları", "Katılımcılar", "Aksiyonlar", "Kararlar")}


def t_meeting(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    h = MEET[lang]
    ppl = [people(r) for _ in range(r.randint(3, 5))]
    out = ["# %s — %s" % (h[0], r.date_iso()[:10]), "", "**%s:** %s" % (h[1], ", ".join(p[0] for p in ppl)), "", "## %s" % h[3]]
    for _ in range(r.randint(1, 2)):
        out.append("- " + neg_sentence(ctx, lang))
    out += ["", "## %s" % h[2]]
    for _ in range(r.choice([1, 1, 2])):
        out.append("- [ ] @%s: %s" % (r.choice(ppl)[1], secret_sentence(ctx, lang)))
    for _ in range(r.randint(2, 4)):
        out.append("- [ ] @%s: %s" % (r.choice(ppl)[1], neg_sentence(ctx, lang)))
    out.append("- [x] @%s: %s" % (r.choice(ppl)[1], r.choice(FILLER[lang])))
    if r.chance(0.4):
        out += ["", "```", neg_line(ctx, "env"), secret_block(ctx, "env")[0], "```"]
    return "prose/notes/%s-%s.md" % (r.date_iso()[:10], word(r)), "\n".join(out) + "\n"


def t_chat_log(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    msgs = messages(ctx, lang)
    k = r.choice(["discord", "whatsapp", "irc", "matrix", "telegram"])
    out = []
    ts = r.ts()
    for (who, h), text in msgs:
        ts += r.randint(20, 5400)
        import datetime
        d = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc)
        if k == "discord":
            out.append("[%s] %s\n%s\n" % (d.strftime("%d-%b-%y %I:%M %p"), h, text))
        elif k == "whatsapp":
            out.append("%s - %s: %s" % (d.strftime("%d/%m/%Y, %H:%M"), who, text))
        elif k == "irc":
            out.append("[%s] <%s> %s" % (d.strftime("%H:%M:%S"), h, text))
        elif k == "matrix":
            out.append("%s <@%s:matrix.%s.org> %s" % (d.strftime("%Y-%m-%d %H:%M"), h, company(r), text))
        else:
            out.append("%s, [%s]\n%s\n" % (who, d.strftime("%d.%m.%y %H:%M"), text))
    name = {"discord": "discord-export.txt", "whatsapp": "WhatsApp Chat.txt", "irc": "#ops.log", "matrix": "room-export.txt", "telegram": "telegram.txt"}[k]
    return "prose/chat/%s/%s" % (word(r), name), "\n".join(out) + "\n"


def t_ai_transcript(ctx):
    r = ctx.r
    lang = pick_lang(ctx)
    out = ["# Conversation with %s" % r.choice(["Claude", "ChatGPT", "Gemini", "Copilot Chat", "Cursor"]), ""]
    out += ["**User:**", "", secret_sentence(ctx, lang), ""]
    if r.chance(0.6):
        lang2 = r.choice(["env", "py", "ts", "yaml"])
        t, s = secret_block(ctx, lang2)
        out += ["```" + {"env": "bash", "py": "python", "ts": "typescript", "yaml": "yaml"}[lang2], neg_line(ctx, lang2), t, filler(r, lang2), "```", ""]
    out += ["**Assistant:**", "", r.choice(["It looks like you pasted a live credential. Rotate it and load it from the environment instead:",
                                             "Don't share keys in chat. Replace it with a reference like this:",
                                             "The 401 means the key is wrong or revoked. Use an environment variable:"]), "", "```python",
            "client = OpenAI(api_key=%s)" % ctx.N(*ctx.ng.reference("os-environ")[:4]), "```", "",
            "Also keep %s out of your repository; %s." % (neg1(ctx, "placeholder", r.choice(["angle", "your-key"])), neg_sentence(ctx, "en"))]
    for _ in range(max(0, min(4, ctx.want_negs()))):
        out.append("- " + neg_sentence(ctx, lang))
    return "prose/ai-chats/%s-%s.md" % (r.choice(["claude", "chatgpt", "gemini", "cursor"]), word(r)), "\n".join(out) + "\n"


TEMPLATES = [
    ("slack-export", t_slack, 55),
    ("teams-export", t_teams, 28),
    ("email", t_email, 45),
    ("ticket", t_ticket, 55),
    ("meeting-notes", t_meeting, 35),
    ("chat-log", t_chat_log, 40),
    ("ai-transcript", t_ai_transcript, 40),
]
