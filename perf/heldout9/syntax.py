"""Assignment syntaxes of ~25 ecosystems.  assign(r, name, value T, raw) -> T"""
import re

from core import T, c_escape


def words(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    out = []
    for p in parts:
        out += re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+", p) or ([p] if p else [])
    return [w for w in out if w]


def ident(name, style):
    w = words(name) or ["value"]
    if style == "UPPER":
        return "_".join(x.upper() for x in w)
    if style == "snake":
        return "_".join(x.lower() for x in w)
    if style == "camel":
        return w[0].lower() + "".join(x.capitalize() for x in w[1:])
    if style == "Pascal":
        return "".join(x.capitalize() for x in w)
    if style == "kebab":
        return "-".join(x.lower() for x in w)
    if style == "dot":
        return ".".join(x.lower() for x in w)
    return name


def has(v, chars):
    p = v.plain()
    return any(c in p for c in chars)


def esc_c(v):
    return v.map(c_escape)


def q2(v):
    return T('"', esc_c(v), '"')


def q1_code(v):
    return T("'", v.map(lambda s: s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")), "'")


def q1_yaml(v):
    return T("'", v.map(lambda s: s.replace("'", "''")), "'")


def xml_esc(v):
    return v.map(lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def indent_ml(v, pad):
    return v.map(lambda s: s.replace("\n", "\n" + pad))


# ---------------------------------------------------------------- per syntax
def a_env(r, name, v, raw, style="UPPER"):
    n = ident(name, style) if style else name
    pre = "export " if r.maybe(0.15) else ""
    if raw:
        return T(pre, n, "=", v)
    if v.has_newline():
        if r.maybe(0.5):
            return T(pre, n, '="', v, '"')
        return T(pre, n, "=", q2(v))
    if has(v, " #\"'$\\`;&|<>(){}") or r.maybe(0.3):
        if not has(v, "'") and r.maybe(0.4):
            return T(pre, n, "='", v, "'")
        return T(pre, n, "=", q2(v))
    return T(pre, n, "=", v)


YAML_SPECIAL_START = set("!&*{}[]|>'\"%@`#,?:-")


def yaml_val(r, v, pad="  ", raw=False):
    p = v.plain()
    if "\n" in p:
        return T("|\n", pad, indent_ml(v, pad))
    if raw and not (p[:1] in YAML_SPECIAL_START):
        return v
    need = (not p) or p[0] in YAML_SPECIAL_START or ": " in p or " #" in p or p != p.strip() or p.endswith(":") or p.lower() in ("true", "false", "yes", "no", "null", "on", "off", "~") or re.fullmatch(r"[0-9.eE+-]+", p or "x")
    if need or r.maybe(0.35):
        if r.maybe(0.5) and "\\" not in p:
            return q1_yaml(v)
        return q2(v)
    return v


def a_yaml(r, name, v, raw, pad="", style=None):
    n = ident(name, style) if style else name
    return T(pad, n, ": ", yaml_val(r, v, pad + "  ", raw))


def a_toml(r, name, v, raw, style="snake"):
    n = ident(name, style)
    if v.has_newline():
        return T(n, ' = """\n', v, '"""' if v.plain().endswith("\n") else '\n"""')
    if r.maybe(0.3) and not has(v, "'"):
        return T(n, " = '", v, "'")
    return T(n, " = ", q2(v))


def a_ini(r, name, v, raw, style="snake"):
    n = ident(name, style)
    if v.has_newline():
        v = v.map(lambda s: s.replace("\n", "\\n"))
    return T(n, r.choice([" = ", "=", " : "]), v)


def a_props(r, name, v, raw, style="dot"):
    n = ident(name, style) if style else name
    if v.has_newline():
        v = v.map(lambda s: s.replace("\n", "\\n\\\n    ") if r.maybe(0) else s.replace("\n", "\\n"))
    return T(n, r.choice(["=", " = ", ": "]), v)


def a_py(r, name, v, raw, style=None):
    st = style or r.choice(["UPPER", "UPPER", "snake"])
    n = ident(name, st)
    if raw:
        return T(n, " = ", v)
    if v.has_newline():
        return T(n, ' = """', v, '"""')
    if r.maybe(0.35):
        return T(n, " = ", q1_code(v))
    return T(n, " = ", q2(v))


def a_js(r, name, v, raw, style=None):
    st = style or r.choice(["camel", "UPPER"])
    n = ident(name, st)
    kw = r.choice(["const", "const", "let", "export const"])
    if raw:
        return T(kw, " ", n, " = ", v, ";")
    if v.has_newline() and not has(v, "`$"):
        return T(kw, " ", n, " = `", v, "`;")
    return T(kw, " ", n, " = ", q1_code(v) if r.maybe(0.5) else q2(v), ";")


def a_jsprop(r, name, v, raw, pad="  "):
    n = ident(name, "camel")
    if raw:
        return T(pad, n, ": ", v, ",")
    return T(pad, n, ": ", q1_code(v) if r.maybe(0.5) else q2(v), ",")


def a_go(r, name, v, raw, pad="\t"):
    n = ident(name, "Pascal")
    if raw:
        return T(pad, n, ": ", v, ",")
    if v.has_newline() and not has(v, "`"):
        return T(pad, n, ": `", v, "`,")
    return T(pad, n, ": ", q2(v), ",")


def a_goconst(r, name, v, raw):
    n = ident(name, "camel")
    if raw:
        return T("var ", n, " = ", v)
    if v.has_newline() and not has(v, "`"):
        return T("const ", n, " = `", v, "`")
    return T("const ", n, " = ", q2(v))


def a_java(r, name, v, raw, pad="    "):
    n = ident(name, "UPPER")
    if raw:
        return T(pad, "private static final String ", n, " = ", v, ";")
    if v.has_newline() and r.maybe(0.5):
        return T(pad, 'private static final String ', n, ' = """\n', indent_ml(T(pad, v), ""), '""";')
    return T(pad, "private static final String ", n, " = ", q2(v), ";")


def a_kotlin(r, name, v, raw, pad="    "):
    n = ident(name, "camel")
    if raw:
        return T(pad, "val ", n, " = ", v)
    if v.has_newline() and not has(v, "$"):
        return T(pad, "val ", n, ' = """', v, '"""')
    return T(pad, r.choice(["val ", "const val ", "private val "]), n, " = ", q2(v).map(lambda s: s.replace("$", "\\$")))


def a_cs(r, name, v, raw, pad="        "):
    n = ident(name, "Pascal")
    if raw:
        return T(pad, "var ", ident(name, "camel"), " = ", v, ";")
    if v.has_newline() or (has(v, "\\") and r.maybe(0.7)):
        return T(pad, "private const string ", n, ' = @"', v.map(lambda s: s.replace('"', '""')), '";')
    return T(pad, r.choice(["private const string ", "public static readonly string ", "private static string "]), n, " = ", q2(v), ";")


def a_rb(r, name, v, raw):
    if raw:
        return T(ident(name, "UPPER"), " = ", v)
    if v.has_newline():
        return T(ident(name, "UPPER"), " = <<~KEY\n", indent_ml(T("  ", v), ""), "\nKEY")
    if r.maybe(0.5):
        return T("config.", ident(name, "snake"), " = ", q1_code(v))
    return T(ident(name, "UPPER"), " = ", q2(v).map(lambda s: s.replace("#{", "\\#{")))


def a_php(r, name, v, raw):
    q = v.map(lambda s: s.replace("\\", "\\\\").replace("'", "\\'"))
    if raw:
        return T("$", ident(name, "camel"), " = ", v, ";")
    k = r.random()
    if k < 0.35:
        return T("define('", ident(name, "UPPER"), "', '", q, "');")
    if k < 0.7:
        return T("    '", ident(name, "snake"), "' => '", q, "',")
    return T("$config['", ident(name, "snake"), "'] = '", q, "';")


def a_rs(r, name, v, raw):
    n = ident(name, "UPPER")
    if raw:
        return T("let ", ident(name, "snake"), " = ", v, ";")
    if v.has_newline() or has(v, '"\\'):
        return T("const ", n, ': &str = r#"', v, '"#;')
    return T(r.choice(["const ", "pub const ", "static "]), n, ": &str = ", q2(v), ";")


def a_swift(r, name, v, raw):
    n = ident(name, "camel")
    if raw:
        return T("let ", n, " = ", v)
    if v.has_newline():
        return T("let ", n, ' = """\n', v, '\n"""')
    return T(r.choice(["let ", "static let ", "private let "]), n, " = ", q2(v).map(lambda s: s.replace("\\(", "\\\\(")))


def a_tf(r, name, v, raw, pad="  "):
    n = ident(name, "snake")
    if v.has_newline():
        return T(pad, n, " = <<-EOT\n", v, "\n", pad, "EOT")
    if raw:
        return T(pad, n, " = ", v)
    return T(pad, n, " = ", q2(v).map(lambda s: s.replace("${", "$${")))


def a_sh(r, name, v, raw):
    n = ident(name, "UPPER")
    if raw:
        return T(r.choice(["export ", ""]), n, "=", v)
    if not has(v, "'") and r.maybe(0.5):
        return T(r.choice(["export ", ""]), n, "='", v, "'")
    return T(r.choice(["export ", ""]), n, "=", v.map(lambda s: s.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("`", "\\`")).__radd__('"') + '"')


def a_ps(r, name, v, raw):
    if raw and v.plain() in ("True", "False", "true", "false", "yes", "no"):
        v = v.map(lambda s: "$true" if s.lower() in ("true", "yes") else "$false")
    if raw:
        return T("$", ident(name, "Pascal"), " = ", v)
    if v.has_newline():
        return T("$", ident(name, "Pascal"), " = @'\n", v, "\n'@")
    k = r.random()
    qv = v.map(lambda s: s.replace("'", "''"))
    if k < 0.4:
        return T("$env:", ident(name, "UPPER"), " = '", qv, "'")
    if k < 0.7 and ("pass" in name.lower() or "secret" in name.lower()):
        return T("$", ident(name, "Pascal"), " = ConvertTo-SecureString '", qv, "' -AsPlainText -Force")
    return T("$", ident(name, "Pascal"), " = '", qv, "'")


def a_docker(r, name, v, raw):
    n = ident(name, "UPPER")
    kw = r.choice(["ENV", "ENV", "ARG"])
    if raw:
        return T(kw, " ", n, "=", v)
    if v.has_newline() or has(v, " \"'$\\"):
        return T(kw, " ", n, "=", q2(v).map(lambda s: s.replace("$", "\\$")))
    return T(kw, " ", n, "=" if r.maybe(0.8) else " ", v)


def a_xml_elem(r, name, v, raw, pad="  "):
    n = ident(name, r.choice(["camel", "snake"])) if not re.fullmatch(r"[A-Za-z_][\w.-]*", name) or r.maybe(0.5) else name
    if v.has_newline() and r.maybe(0.5) and "]]>" not in v.plain():
        return T(pad, "<", n, "><![CDATA[", v, "]]></", n, ">")
    return T(pad, "<", n, ">", xml_esc(v), "</", n, ">")


def a_xml_add(r, name, v, raw, pad="    "):
    return T(pad, '<add key="', name, '" value="', xml_esc(v), '" />')


def a_nginx(r, name, v, raw):
    if v.has_newline():
        v = v.map(lambda s: s.replace("\n", "\\n"))
    k = r.random()
    if k < 0.4:
        return T("    set $", ident(name, "snake"), ' "', v.map(lambda s: s.replace('"', '\\"')), '";')
    if k < 0.7:
        return T("    proxy_set_header ", "X-" + ident(name, "kebab").title(), ' "', v.map(lambda s: s.replace('"', '\\"')), '";')
    return T("    fastcgi_param ", ident(name, "UPPER"), ' "', v.map(lambda s: s.replace('"', '\\"')), '";')


def a_apache(r, name, v, raw):
    if v.has_newline():
        v = v.map(lambda s: s.replace("\n", "\\n"))
    return T(r.choice(["SetEnv ", "    SetEnv "]), ident(name, "UPPER"), " ", q2(v) if has(v, " ") else v)


def a_cli_flag(r, name, v, raw):
    n = ident(name, "kebab")
    if v.has_newline():
        return None
    sep = r.choice([" ", "="])
    if has(v, " '\"$\\`;&|<>(){}#") and not has(v, "'"):
        return T("--", n, sep, "'", v, "'")
    if has(v, "'"):
        return T("--", n, sep, q2(v).map(lambda s: s.replace("$", "\\$")))
    return T("--", n, sep, v)
