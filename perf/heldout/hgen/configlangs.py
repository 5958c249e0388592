"""Config-syntax emitters (YAML, JSON, TOML, INI, properties, XML, HCL, env) working on small trees.

A tree is M([(key, value), ...]) for mappings and S([...]) for sequences; leaves are Val objects,
python scalars (benign) or Raw(text) snippets.
"""
import json
import re

from .util import Val, esc_json, esc_xml, make_indent, esc_newline_literal


def uniq_key(k, seen):
    if k not in seen:
        return k
    for suf in ("secondary", "backup", "legacy", "old", "next", "fallback", "2", "3", "4", "5", "6", "7", "8", "9"):
        if k.isupper():
            c = k + "_" + suf.upper()
        elif "-" in k:
            c = k + "-" + suf
        elif "_" in k or k.islower():
            c = k + "_" + suf
        else:
            c = k + suf.capitalize()
        if c not in seen:
            return c
    raise AssertionError(k)


class M(list):
    """Ordered mapping as a list of pairs; duplicate keys are renamed on insert."""

    def __init__(self, items=()):
        super().__init__()
        for it in items:
            self.append(it)

    def append(self, item):
        k, v = item
        k = uniq_key(k, {x[0] for x in self})
        super().append((k, v))

    def extend(self, items):
        for it in items:
            self.append(it)

    def __iadd__(self, items):
        self.extend(items)
        return self


class S(list):
    pass


class Raw(str):
    pass


def as_val(x):
    if isinstance(x, Val):
        return x
    if isinstance(x, bool):
        return Val("true" if x else "false", expr=True)
    if isinstance(x, (int, float)):
        return Val(str(x), expr=True)
    if x is None:
        return Val("null", expr=True)
    return Val(str(x))


# ----------------------------------------------------------------- YAML
_YAML_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "none", "~", "y", "n"}


def yaml_plain_ok(s):
    if not s or s != s.strip() or "\n" in s:
        return False
    if s[0] in _YAML_BAD_START:
        return False
    if ": " in s or " #" in s or s.endswith(":") or "\t" in s:
        return False
    if s.lower() in _YAML_WORDS:
        return False
    if re.fullmatch(r"[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)", s):
        return False
    if re.match(r"\d{4}-\d\d?-\d\d?", s) or re.fullmatch(r"[-+]?[\d_]+(:[0-5]?\d)+(\.\d*)?", s):
        return False
    return True


def yaml_sq(s):
    return s.replace("'", "''")


def yaml_scalar(d, r, v, prefix_for_block, plain_bias=0.5):
    """Write a scalar value after 'key: ' (or '- ')."""
    v = as_val(v)
    if v.expr:
        d.v(v)
        return
    if v.multiline:
        d.t(r.choice(["|", "|-", "|"]) + "\n" + prefix_for_block)
        d.v(v, make_indent(prefix_for_block))
        return
    if yaml_plain_ok(v.raw) and r.random() < plain_bias:
        d.v(v)
    elif r.random() < .65:
        d.t('"').v(v, esc_json).t('"')
    else:
        d.t("'").v(v, yaml_sq).t("'")


def emit_yaml(d, r, node, indent=0, plain_bias=0.5, comment_rate=0.0, comments=None):
    pad = " " * indent
    if isinstance(node, M):
        for k, v in node:
            if isinstance(v, Raw):
                d.t(pad + k + ":" + ("" if v.startswith("\n") else " ") + v.replace("\n", "\n" + pad) + "\n")
                continue
            if isinstance(v, M):
                if not v:
                    d.t(pad + k + ": {}\n")
                    continue
                d.t(pad + k + ":\n")
                emit_yaml(d, r, v, indent + 2, plain_bias, comment_rate, comments)
            elif isinstance(v, S):
                if not v:
                    d.t(pad + k + ": []\n")
                    continue
                d.t(pad + k + ":\n")
                emit_yaml(d, r, v, indent + (2 if r.random() < .7 else 0), plain_bias, comment_rate, comments)
            else:
                d.t(pad + k + ": ")
                yaml_scalar(d, r, v, pad + "  ", plain_bias)
                if comments and isinstance(v, Val) and v.ann and r.random() < comment_rate and not v.multiline:
                    d.t("  # " + r.choice(comments))
                d.t("\n")
    elif isinstance(node, S):
        for item in node:
            if isinstance(item, M):
                if not item:
                    d.t(pad + "- {}\n")
                    continue
                sub = type(d)()
                emit_yaml(sub, r, item, indent + 2, plain_bias, comment_rate, comments)
                # turn the first line's indentation into "- "
                first = sub.segs[0][0]
                assert first.startswith(pad + "  ")
                sub.segs[0] = (pad + "- " + first[len(pad) + 2:], sub.segs[0][1])
                d.add(sub)
            elif isinstance(item, Raw):
                d.t(pad + "- " + item + "\n")
            else:
                d.t(pad + "- ")
                yaml_scalar(d, r, item, pad + "  ", plain_bias)
                d.t("\n")


# ----------------------------------------------------------------- JSON
def emit_json(d, r, node, indent=0, step=2):
    pad = " " * indent
    ipad = " " * (indent + step)
    if isinstance(node, M):
        if not node:
            d.t("{}")
            return
        d.t("{\n")
        for i, (k, v) in enumerate(node):
            d.t(ipad + json.dumps(k) + ": ")
            emit_json(d, r, v, indent + step, step)
            d.t(",\n" if i < len(node) - 1 else "\n")
        d.t(pad + "}")
    elif isinstance(node, S):
        if not node:
            d.t("[]")
            return
        d.t("[\n")
        for i, v in enumerate(node):
            d.t(ipad)
            emit_json(d, r, v, indent + step, step)
            d.t(",\n" if i < len(node) - 1 else "\n")
        d.t(pad + "]")
    elif isinstance(node, Raw):
        d.t(node)
    else:
        v = as_val(node)
        if v.expr:
            d.v(v)
        else:
            d.t('"').v(v, esc_json).t('"')


# ----------------------------------------------------------------- TOML
def toml_val(d, r, v):
    v = as_val(v)
    if v.expr:
        d.v(v)
    elif v.multiline:
        d.t('"""\n').v(v).t('"""')
    elif "'" not in v.raw and r.random() < .3:
        d.t("'").v(v).t("'")
    else:
        d.t('"').v(v, esc_json).t('"')


def emit_toml(d, r, node, path=""):
    scalars = [(k, v) for k, v in node if not isinstance(v, M)]
    tables = [(k, v) for k, v in node if isinstance(v, M)]
    for k, v in scalars:
        if isinstance(v, S):
            d.t(k + " = [")
            for i, x in enumerate(v):
                toml_val(d, r, x)
                if i < len(v) - 1:
                    d.t(", ")
            d.t("]\n")
            continue
        d.t(k + " = ")
        toml_val(d, r, v)
        d.t("\n")
    for k, v in tables:
        p = (path + "." + k) if path else k
        d.t("\n[" + p + "]\n")
        emit_toml(d, r, v, p)


# ----------------------------------------------------------------- INI / properties / env
def ini_line(d, r, k, v, sep=None):
    v = as_val(v)
    d.t(k + (sep or r.choice([" = ", "=", " = "])))
    d.v(v)
    d.t("\n")


def props_esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n")


def props_line(d, r, k, v):
    v = as_val(v)
    d.t(k + r.choice(["=", "=", " = ", ": "]))
    d.v(v, None if v.expr else props_esc)
    d.t("\n")


_ENV_SAFE = re.compile(r"^[A-Za-z0-9_./:@+=,%~^-]+$")


def env_sq(s):
    return s.replace("'", "'\\''")


def env_value(d, r, v, allow_unquoted=True):
    v = as_val(v)
    if v.expr:
        d.v(v)
        return
    if v.multiline:
        if r.random() < .5:
            d.t('"').v(v, esc_newline_literal).t('"')
        else:
            d.t('"').v(v).t('"')
        return
    if allow_unquoted and _ENV_SAFE.match(v.raw) and r.random() < .6:
        d.v(v)
    elif "'" not in v.raw and (r.random() < .5 or any(c in v.raw for c in '$`"\\')):
        d.t("'").v(v).t("'")
    else:
        d.t('"').v(v, lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")).t('"')


def env_line(d, r, k, v, export=False, comments=None):
    d.t(("export " if export else "") + k + "=")
    env_value(d, r, v)
    if comments and r.random() < .15:
        d.t("  # " + r.choice(comments))
    d.t("\n")


# ----------------------------------------------------------------- XML
def xml_text(d, v):
    v = as_val(v)
    d.v(v, None if v.expr else esc_xml)


def emit_xml(d, r, node, indent=0, step=4):
    pad = " " * indent
    for k, v in node:
        if isinstance(v, M):
            d.t(pad + "<" + k + ">\n")
            emit_xml(d, r, v, indent + step, step)
            d.t(pad + "</" + k + ">\n")
        elif isinstance(v, Raw):
            d.t(pad + v + "\n")
        else:
            d.t(pad + "<" + k + ">")
            xml_text(d, v)
            d.t("</" + k + ">\n")


# ----------------------------------------------------------------- HCL
def hcl_esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${").replace("%{", "%%{").replace("\n", "\\n")


def hcl_val(d, r, v, pad):
    v = as_val(v)
    if v.expr:
        d.v(v)
    elif v.multiline and r.random() < .7:
        tag = r.choice(["EOT", "EOF", "PEM"])
        d.t("<<-" + tag + "\n" + pad + "  ")
        d.v(v, make_indent(pad + "  "))
        d.t("\n" + pad + "  " + tag)
    else:
        d.t('"').v(v, hcl_esc).t('"')


def emit_hcl(d, r, node, indent=0):
    pad = " " * indent
    width = max([len(k) for k, v in node if not isinstance(v, M)] or [0])
    for k, v in node:
        if isinstance(v, M):
            d.t("\n" + pad + k + " {\n")
            emit_hcl(d, r, v, indent + 2)
            d.t(pad + "}\n")
        elif isinstance(v, Raw):
            d.t(pad + k + " = " + v + "\n")
        else:
            d.t(pad + k.ljust(width) + " = ")
            hcl_val(d, r, v, pad)
            d.t("\n")
