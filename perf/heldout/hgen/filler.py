"""Procedural filler: plausible functions full of secret-ish identifiers that are not secrets."""
from .util import snake, camel, pascal
from .codelangs import FN_WORDS, MSGS

VARS = [["token"], ["cache", "key"], ["password", "hash"], ["secret", "name"], ["key", "id"], ["auth", "header"], ["api", "key", "header"],
        ["token", "ttl"], ["credentials"], ["session"], ["request", "id"], ["user"], ["order"], ["payload"], ["signature"], ["tokenizer"],
        ["tokens"], ["retries"], ["response"], ["result"], ["config"], ["client"], ["expires", "at"], ["scopes"], ["refresh", "token"],
        ["password", "policy"], ["secret", "ref"], ["key", "version"], ["token", "count"], ["signing", "key", "id"], ["auth", "context"],
        ["api", "key", "id"], ["credential", "provider"], ["token", "cache"], ["key", "ring"], ["access", "token"], ["session", "token"],
        ["password", "reset", "url"], ["secret", "arn"], ["key", "material"], ["public", "key"], ["cache", "entry"], ["rotation", "due"]]
OBJS = [["cache"], ["repo"], ["http"], ["vault", "client"], ["token", "store"], ["db"], ["secrets", "client"], ["tokenizer"], ["key", "ring"],
        ["session", "store"], ["auth", "service"], ["credential", "provider"], ["signer"], ["audit", "log"]]
METHODS = [["get"], ["fetch"], ["load"], ["refresh"], ["rotate"], ["validate"], ["encode"], ["decode"], ["lookup"], ["find", "by", "id"], ["put"],
           ["delete"], ["sign"], ["verify"], ["hash"], ["count", "tokens"], ["list", "keys"], ["get", "secret", "value"], ["read"], ["publish"],
           ["revoke"], ["issue"], ["resolve"], ["invalidate"]]
KEYS = ["token_ttl", "key_id", "secret_name", "scope", "user_id", "cache_hit", "retries", "expires_in", "password_changed", "auth_method", "region"]
EXC = {"py": ["KeyError", "TimeoutError", "ValueError", "PermissionError"], "java": ["IOException", "IllegalStateException"],
       "cs": ["InvalidOperationException", "HttpRequestException"], "kt": ["IllegalStateException", "IOException"],
       "php": ["\\RuntimeException", "\\InvalidArgumentException"], "rb": ["KeyError", "ArgumentError"]}

STMTS = {
    "py": ["{v} = {o}.{m}({a})", "{v} = {o}.{m}({a}, timeout={n})", "if not {v}:\n    logger.warning(\"{msg}\")\n    return None",
           "logger.{lvl}(\"{msg}: %s\", {v})", "{v} = {{\"{k}\": {v2}, \"{k2}\": {n}}}", "for {it} in {v}:\n    {o}.{m}({it})",
           "try:\n    {v} = {o}.{m}({a})\nexcept {E} as exc:\n    raise RuntimeError(\"{msg}\") from exc", "{v} = [{it} for {it} in {v2} if {it}]",
           "metrics.increment(\"{k}.{m}\", tags=[\"env:prod\"])", "{v} = {v2}.get(\"{k}\", {n})", "with {o}.lock(\"{k}\"):\n    {v} = {o}.{m}({a})",
           "if len({v}) > {n}:\n    {v} = {v}[:{n}]"],
    "js": ["const {v} = await {o}.{m}({a});", "const {v} = {o}.{m}({a}, {{ timeout: {n} }});", "if (!{v}) {{\n  logger.warn(\"{msg}\");\n  return null;\n}}",
           "logger.{lvl}({{ {v} }}, \"{msg}\");", "const {v} = {{ {k}: {v2}, {k2}: {n} }};", "for (const {it} of {v}) {{\n  await {o}.{m}({it});\n}}",
           "try {{\n  {v} = await {o}.{m}({a});\n}} catch (err) {{\n  throw new Error(`{msg}: ${{err.message}}`);\n}}",
           "const {v} = {v2}.filter(Boolean);", "metrics.increment(\"{k}.{m}\");", "const {v} = {v2}?.{k} ?? {n};"],
    "go": ["{v}, err := {o}.{M}(ctx, {a})\nif err != nil {{\n\treturn fmt.Errorf(\"{msg}: %w\", err)\n}}", "if {v} == nil {{\n\treturn errors.New(\"{msg}\")\n}}",
           "log.Printf(\"{msg}: %v\", {v})", "{v} := map[string]any{{\"{k}\": {v2}, \"{k2}\": {n}}}", "for _, {it} := range {v} {{\n\t_ = {o}.{M}(ctx, {it})\n}}",
           "{v} := {o}.{M}({a})", "metrics.Incr(\"{k}.{m}\", nil, 1)", "if len({v}) > {n} {{\n\t{v} = {v}[:{n}]\n}}"],
    "java": ["var {v} = {o}.{m}({a});", "if ({v} == null) {{\n    log.warn(\"{msg}\");\n    return null;\n}}", "log.{lvl}(\"{msg}: {{}}\", {v});",
             "Map<String, Object> {v} = Map.of(\"{k}\", {v2}, \"{k2}\", {n});", "for (var {it} : {v}) {{\n    {o}.{m}({it});\n}}",
             "try {{\n    {v} = {o}.{m}({a});\n}} catch ({E} e) {{\n    throw new IllegalStateException(\"{msg}\", e);\n}}", "metrics.counter(\"{k}.{m}\").increment();"],
    "kt": ["val {v} = {o}.{m}({a})", "if ({v} == null) {{\n    logger.warn(\"{msg}\")\n    return null\n}}", "logger.{lvl}(\"{msg}: ${v}\")",
           "val {v} = mapOf(\"{k}\" to {v2}, \"{k2}\" to {n})", "{v}.forEach {{ {o}.{m}(it) }}",
           "val {v} = try {{\n    {o}.{m}({a})\n}} catch (e: {E}) {{\n    throw IllegalStateException(\"{msg}\", e)\n}}"],
    "rs": ["let {v} = {o}.{m}({a}).await?;", "if {v}.is_empty() {{\n    tracing::warn!(\"{msg}\");\n    return Ok(());\n}}", "tracing::{lvl}!(?{v}, \"{msg}\");",
           "let {v}: Vec<_> = {v2}.iter().filter(|x| !x.is_empty()).collect();", "for {it} in &{v} {{\n    {o}.{m}({it}).await?;\n}}",
           "let {v} = {v2}.get(\"{k}\").cloned().unwrap_or_default();"],
    "rb": ["{v} = {o}.{m}({a})", "return if {v}.nil?", "Rails.logger.{lvl}(\"{msg}: #{{{v}}}\")", "{v} = {{ {k}: {v2}, {k2}: {n} }}",
           "{v}.each do |{it}|\n  {o}.{m}({it})\nend", "begin\n  {v} = {o}.{m}({a})\nrescue {E} => e\n  raise Error, \"{msg}: #{{e.message}}\"\nend",
           "{v} = {v2}.compact.uniq"],
    "php": ["${v} = ${o}->{m}(${a});", "if (${v} === null) {{\n    $logger->warning('{msg}');\n    return null;\n}}",
            "$logger->{lvl}('{msg}', ['{k}' => ${v}]);", "${v} = ['{k}' => ${v2}, '{k2}' => {n}];",
            "foreach (${v} as ${it}) {{\n    ${o}->{m}(${it});\n}}", "try {{\n    ${v} = ${o}->{m}(${a});\n}} catch ({E} $e) {{\n    throw new \\RuntimeException('{msg}', 0, $e);\n}}"],
    "cs": ["var {v} = await _{o}.{M}Async({a});", "if ({v} is null)\n{{\n    _logger.LogWarning(\"{msg}\");\n    return null;\n}}",
           "_logger.Log{LVL}(\"{msg}: {{Value}}\", {v});", "var {v} = new Dictionary<string, object> {{ [\"{k}\"] = {v2}, [\"{k2}\"] = {n} }};",
           "foreach (var {it} in {v})\n{{\n    await _{o}.{M}Async({it});\n}}",
           "try\n{{\n    {v} = await _{o}.{M}Async({a});\n}}\ncatch ({E} ex)\n{{\n    throw new InvalidOperationException(\"{msg}\", ex);\n}}"],
}
STMTS["ts"] = STMTS["js"]

FN = {
    "py": ("def {fn}({params}):\n", "    return {v}\n", "    ", lambda ps: ", ".join(ps)),
    "js": ("async function {fn}({params}) {{\n", "  return {v};\n}}\n", "  ", lambda ps: ", ".join(ps)),
    "ts": ("export async function {fn}({params}): Promise<unknown> {{\n", "  return {v};\n}}\n", "  ", lambda ps: ", ".join(p + ": string" for p in ps)),
    "go": ("func {fn}(ctx context.Context, {params}) error {{\n", "\t_ = {v}\n\treturn nil\n}}\n", "\t", lambda ps: ", ".join(p + " string" for p in ps)),
    "java": ("    public Object {fn}({params}) {{\n", "        return {v};\n    }}\n", "        ", lambda ps: ", ".join("String " + p for p in ps)),
    "kt": ("fun {fn}({params}): Any? {{\n", "    return {v}\n}}\n", "    ", lambda ps: ", ".join(p + ": String" for p in ps)),
    "rs": ("pub async fn {fn}({params}) -> anyhow::Result<()> {{\n", "    let _ = {v};\n    Ok(())\n}}\n", "    ", lambda ps: ", ".join(p + ": &str" for p in ps)),
    "rb": ("def {fn}({params})\n", "  {v}\nend\n", "  ", lambda ps: ", ".join(ps)),
    "php": ("function {fn}({params})\n{{\n", "    return ${v};\n}}\n", "    ", lambda ps: ", ".join("string $" + p for p in ps)),
    "cs": ("        public async Task<object?> {fn}Async({params})\n        {{\n", "            return {v};\n        }}\n", "            ", lambda ps: ", ".join("string " + p for p in ps)),
}
CASE = {"py": snake, "rb": snake, "rs": snake, "js": camel, "ts": camel, "go": camel, "java": camel, "kt": camel, "php": camel, "cs": camel}


def gen_function(r, lang):
    case = CASE[lang]
    head, tail, ind, pfmt = FN[lang]
    fn = case(r.choice(FN_WORDS))
    if lang == "cs":
        fn = pascal(r.choice(FN_WORDS))
    if lang == "go" and r.random() < .5:
        fn = pascal(r.choice(FN_WORDS))
    params = [case(p) for p in r.sample(VARS, r.randint(1, 3))]
    out = [head.replace("{fn}", fn).replace("{params}", pfmt(params)).replace("{{", "{").replace("}}", "}")]
    declared = list(params)
    last = params[0]
    for _ in range(r.randint(3, 9)):
        t = r.choice(STMTS[lang])
        v = case(r.choice(VARS))
        v2 = r.choice(declared)
        o = case(r.choice(OBJS))
        m = case(r.choice(METHODS))
        M_ = pascal(r.choice(METHODS))
        k, k2 = r.sample(KEYS, 2)
        if lang in ("js", "ts", "kt"):
            k, k2 = camel(k.split("_")), camel(k2.split("_"))
        s = (t.replace("{v}", v).replace("{v2}", v2).replace("{o}", o).replace("{m}", m).replace("{M}", M_).replace("{a}", r.choice(declared))
             .replace("{n}", str(r.choice([3, 5, 10, 30, 60, 300, 3600]))).replace("{msg}", r.choice(MSGS)).replace("{k}", k).replace("{k2}", k2)
             .replace("{lvl}", r.choice(["info", "debug", "warn" if lang in ("js", "ts", "java", "kt", "rs") else "warning"]))
             .replace("{LVL}", r.choice(["Information", "Debug", "Warning"])).replace("{it}", r.choice(["item", "entry", "key", "k", "x"]))
             .replace("{E}", r.choice(EXC.get(lang, ["Exception"]))))
        s = s.replace("{{", "{").replace("}}", "}")
        out.append("".join(ind + line + "\n" if line else "\n" for line in s.split("\n")))
        if lang != "go" or ":=" in s:
            declared.append(v)
        last = v
    out.append(tail.replace("{v}", last).replace("{{", "{").replace("}}", "}"))
    return "\n" + "".join(out)
