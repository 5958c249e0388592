"""Assignments in every syntax: secrets drawn from the format deck, and hard negatives."""
import re

from h13_core import case, fill, pick, Deck
from h13_formats import FORMATS, KV_FORMATS, gen
import h13_negs as NG

LANGS = ["python", "javascript", "typescript", "java", "kotlin", "scala", "go", "rust", "ruby", "php", "csharp", "swift",
         "cpp", "c", "shell", "powershell", "perl", "lua", "elixir", "dart", "r", "groovy", "objc", "haskell", "clojure"]
CONFIGS = ["dotenv", "shell", "yaml", "json", "toml", "ini", "properties", "xml", "hcl", "docker"]

# templates: {v} is the string content, {e} an expression
STR_T = {
    "python": ['{UP} = "{v}"', "{snake} = '{v}'", '    "{snake}": "{v}",', 'os.environ.setdefault("{UP}", "{v}")', '    {snake}="{v}",',
               '        self.{snake} = "{v}"'],
    "javascript": ['const {camel} = "{v}";', "const {UP} = '{v}';", '  {camel}: "{v}",', "  {camel}: '{v}',", 'process.env.{UP} = "{v}";'],
    "typescript": ['export const {UP}: string = "{v}";', '  private readonly {camel} = "{v}";', '  {camel}: "{v}",', "const {camel} = '{v}' as const;"],
    "java": ['    private static final String {UP} = "{v}";', '        String {camel} = "{v}";', '        props.setProperty("{dot}", "{v}");', '            .{camel}("{v}")'],
    "kotlin": ['const val {UP} = "{v}"', '    val {camel} = "{v}"', '    private val {camel}: String = "{v}"'],
    "scala": ['  val {camel} = "{v}"', '  private val {camel}: String = "{v}"'],
    "go": ['\t{camel} := "{v}"', 'const {camel} = "{v}"', '\t\t{pascal}: "{v}",', '\tos.Setenv("{UP}", "{v}")'],
    "rust": ['const {UP}: &str = "{v}";', '    let {snake} = "{v}";', '    let {snake} = String::from("{v}");', '        {snake}: "{v}".to_string(),'],
    "ruby": ["{UP} = '{v}'", '  {snake} = "{v}"', '  config.{snake} = "{v}"', "  {snake}: '{v}',", '  "{snake}" => "{v}",', "ENV['{UP}'] ||= '{v}'"],
    "php": ["define('{UP}', '{v}');", "${camel} = '{v}';", "    '{snake}' => '{v}',", "$_ENV['{UP}'] = '{v}';"],
    "csharp": ['        private const string {pascal} = "{v}";', '            var {camel} = "{v}";', '                {pascal} = "{v}",', '        Environment.SetEnvironmentVariable("{UP}", "{v}");'],
    "swift": ['let {camel} = "{v}"', '    static let {camel} = "{v}"', '    private let {camel}: String = "{v}"'],
    "cpp": ['const char* {UP} = "{v}";', '#define {UP} "{v}"', 'static const std::string {camel} = "{v}";', '    std::string {snake} = "{v}";'],
    "c": ['#define {UP} "{v}"', 'static const char *{snake} = "{v}";'],
    "shell": ['{UP}="{v}"', "export {UP}='{v}'", 'export {UP}="{v}"', "readonly {UP}='{v}'"],
    "powershell": ['$env:{UP} = "{v}"', "${camel} = '{v}'", '[Environment]::SetEnvironmentVariable("{UP}", "{v}", "User")'],
    "perl": ["my ${snake} = '{v}';", "our ${UP} = '{v}';", "    {snake} => '{v}',"],
    "lua": ['local {snake} = "{v}"', "  {snake} = '{v}',"],
    "elixir": ['  {snake}: "{v}",', 'config :app, {snake}: "{v}"', '  @{snake} "{v}"'],
    "dart": ["const {camel} = '{v}';", "  static const String {camel} = '{v}';", "final {camel} = '{v}';"],
    "r": ['{snake} <- "{v}"', 'Sys.setenv({UP} = "{v}")'],
    "groovy": ["def {camel} = '{v}'", "String {camel} = '{v}'", "    {camel} = '{v}'"],
    "objc": ['static NSString * const k{pascal} = @"{v}";', '    NSString *{camel} = @"{v}";'],
    "haskell": ['{camel} = "{v}"'],
    "clojure": ['(def {kebab} "{v}")', '   :{kebab} "{v}"'],
    "hcl": ['  {snake} = "{v}"', '{snake} = "{v}"'],
    "toml": ['{snake} = "{v}"', "{snake} = '{v}'"],
    "json": ['  "{camel}": "{v}"', '  "{snake}": "{v}"', '  "{UP}": "{v}"'],
    "docker": ['ENV {UP}={v}', 'ENV {UP}="{v}"', 'ARG {UP}={v}'],
}
EXPR_T = {
    "python": ['{UP} = {e}', '{snake} = {e}', '    "{snake}": {e},', '    {snake}={e},'],
    "javascript": ['const {camel} = {e};', '  {camel}: {e},'],
    "typescript": ['export const {UP} = {e};', '  {camel}: {e},'],
    "java": ['        String {camel} = {e};', '    private final String {camel} = {e};'],
    "kotlin": ['    val {camel} = {e}'], "scala": ['  val {camel} = {e}'],
    "go": ['\t{camel} := {e}', '\t\t{pascal}: {e},'], "rust": ['    let {snake} = {e};'],
    "ruby": ['  {snake} = {e}', '  config.{snake} = {e}', '  {snake}: {e},'],
    "php": ["${camel} = {e};", "    '{snake}' => {e},"],
    "csharp": ['            var {camel} = {e};', '                {pascal} = {e},'],
    "swift": ['let {camel} = {e}'], "cpp": ['    const char* {snake} = {e};'], "c": ['    const char *{snake} = {e};'],
    "shell": ['{UP}={e}', 'export {UP}={e}'], "powershell": ['${camel} = {e}'], "perl": ['my ${snake} = {e};'],
    "lua": ['local {snake} = {e}'], "elixir": ['  {snake}: {e},'], "dart": ['final {camel} = {e};'],
    "r": ['{snake} <- {e}'], "groovy": ['def {camel} = {e}'], "objc": ['    NSString *{camel} = {e};'],
    "haskell": ['  {camel} <- {e}'], "clojure": ['(def {kebab} {e})'], "hcl": ['  {snake} = {e}'],
}

# source files: top-level declarations and statements inside a function (indentation added by the caller)
STR_TOP = {
    "python": ['{UP} = "{v}"', "{UP} = '{v}'"],
    "javascript": ['const {UP} = "{v}";', "const {camel} = '{v}';", 'export const {UP} = "{v}";'],
    "typescript": ['export const {UP}: string = "{v}";', "const {camel} = '{v}' as const;"],
    "java": ['    private static final String {UP} = "{v}";', '    static final String {UP} = "{v}";'],
    "kotlin": ['    const val {UP} = "{v}"', '    private val {camel}: String = "{v}"'],
    "scala": ['  val {camel} = "{v}"', '  private val {camel}: String = "{v}"'],
    "go": ['const {camel} = "{v}"', 'var {pascal} = "{v}"'],
    "rust": ['const {UP}: &str = "{v}";', 'static {UP}: &str = "{v}";'],
    "ruby": ["  {UP} = '{v}'", '  {UP} = "{v}".freeze'],
    "php": ["define('{UP}', '{v}');", "const {UP} = '{v}';"],
    "csharp": ['        private const string {pascal} = "{v}";', '        public static readonly string {pascal} = "{v}";'],
    "swift": ['    static let {camel} = "{v}"', '    static let {camel}: String = "{v}"'],
    "cpp": ['const char* {UP} = "{v}";', '#define {UP} "{v}"', 'static const std::string {camel} = "{v}";'],
    "c": ['#define {UP} "{v}"', 'static const char *{snake} = "{v}";'],
    "shell": ['{UP}="{v}"', "readonly {UP}='{v}'", "export {UP}='{v}'"],
    "powershell": ['$env:{UP} = "{v}"', "$Script:{pascal} = '{v}'"],
    "perl": ["our ${UP} = '{v}';", "my ${snake} = '{v}';"],
    "lua": ['local {UP} = "{v}"', "M.{snake} = '{v}'"],
    "elixir": ['  @{snake} "{v}"'],
    "dart": ["  static const String {camel} = '{v}';", "  static const {camel} = '{v}';"],
    "r": ['{snake} <- "{v}"', 'Sys.setenv({UP} = "{v}")'],
    "groovy": ["def {camel} = '{v}'", "String {camel} = '{v}'"],
    "objc": ['static NSString * const k{pascal} = @"{v}";'],
    "haskell": ['{camel} :: String\n{camel} = "{v}"'],
    "clojure": ['(def {kebab} "{v}")', '(def ^:private {kebab} "{v}")'],
}
STR_BODY = {
    "python": ['{snake} = "{v}"', "{snake} = '{v}'", 'os.environ.setdefault("{UP}", "{v}")', 'config["{snake}"] = "{v}"'],
    "javascript": ['const {camel} = "{v}";', "let {camel} = '{v}';", 'process.env.{UP} = "{v}";', "config.{camel} = '{v}';"],
    "typescript": ['const {camel}: string = "{v}";', "config.{camel} = '{v}';"],
    "java": ['String {camel} = "{v}";', 'props.setProperty("{dot}", "{v}");', 'System.setProperty("{dot}", "{v}");'],
    "kotlin": ['val {camel} = "{v}"', 'props["{dot}"] = "{v}"'],
    "scala": ['val {camel} = "{v}"'],
    "go": ['{camel} := "{v}"', 'os.Setenv("{UP}", "{v}")', 'cfg.{pascal} = "{v}"'],
    "rust": ['let {snake} = "{v}";', 'let {snake} = String::from("{v}");', 'std::env::set_var("{UP}", "{v}");'],
    "ruby": ['{snake} = "{v}"', "config.{snake} = '{v}'", "ENV['{UP}'] ||= '{v}'"],
    "php": ["${camel} = '{v}';", "$_ENV['{UP}'] = '{v}';", "$config['{snake}'] = '{v}';"],
    "csharp": ['var {camel} = "{v}";', 'Environment.SetEnvironmentVariable("{UP}", "{v}");', 'options.{pascal} = "{v}";'],
    "swift": ['let {camel} = "{v}"', 'setenv("{UP}", "{v}", 1)'],
    "cpp": ['std::string {snake} = "{v}";', 'setenv("{UP}", "{v}", 1);'],
    "c": ['const char *{snake} = "{v}";', 'setenv("{UP}", "{v}", 1);'],
    "shell": ['local {snake}="{v}"', "export {UP}='{v}'"],
    "powershell": ['${camel} = "{v}"', '[Environment]::SetEnvironmentVariable("{UP}", "{v}", "User")'],
    "perl": ["my ${snake} = '{v}';", "$ENV{{UP}} = '{v}';"],
    "lua": ['local {snake} = "{v}"', "config.{snake} = '{v}'"],
    "elixir": ['{snake} = "{v}"', 'Application.put_env(:app, :{snake}, "{v}")'],
    "dart": ["final {camel} = '{v}';", "const {camel} = '{v}';"],
    "r": ['{snake} <- "{v}"', 'Sys.setenv({UP} = "{v}")'],
    "groovy": ["def {camel} = '{v}'", "env.{UP} = '{v}'"],
    "objc": ['NSString *{camel} = @"{v}";', '[defaults setObject:@"{v}" forKey:@"{camel}"];'],
    "haskell": ['let {camel} = "{v}"'],
    "clojure": ['(swap! config assoc :{kebab} "{v}")'],
}
EXPR_TOP = {
    "python": ['{UP} = {e}'], "javascript": ['const {UP} = {e};'], "typescript": ['export const {UP} = {e};'],
    "java": ['    private static final String {UP} = {e};'], "kotlin": ['    private val {camel} = {e}'], "scala": ['  val {camel} = {e}'],
    "go": ['var {pascal} = {e}'], "ruby": ['  {UP} = {e}'], "php": ['${camel} = {e};'], "csharp": ['        private static readonly string {pascal} = {e};'],
    "swift": ['    static let {camel} = {e}'], "cpp": ['static const char* {UP} = {e};'], "shell": ['{UP}={e}'], "powershell": ['${camel} = {e}'],
    "perl": ['my ${snake} = {e};'], "lua": ['local {snake} = {e}'], "elixir": ['  @{snake} {e}'], "dart": ['  static final {camel} = {e};'],
    "r": ['{snake} <- {e}'], "groovy": ['def {camel} = {e}'], "clojure": ['(def {kebab} {e})'], "haskell": ['{camel} :: IO String\n{camel} = {e}'],
}
EXPR_BODY = {
    "python": ['{snake} = {e}', 'config["{snake}"] = {e}'], "javascript": ['const {camel} = {e};'], "typescript": ['const {camel} = {e};'],
    "java": ['String {camel} = {e};'], "kotlin": ['val {camel} = {e}'], "scala": ['val {camel} = {e}'], "go": ['{camel} := {e}'],
    "rust": ['let {snake} = {e};'], "ruby": ['{snake} = {e}'], "php": ['${camel} = {e};'], "csharp": ['var {camel} = {e};'],
    "swift": ['let {camel} = {e}'], "cpp": ['const char* {snake} = {e};'], "c": ['const char *{snake} = {e};'], "shell": ['local {snake}={e}'],
    "powershell": ['${camel} = {e}'], "perl": ['my ${snake} = {e};'], "lua": ['local {snake} = {e}'], "elixir": ['{snake} = {e}'],
    "dart": ['final {camel} = {e};'], "r": ['{snake} <- {e}'], "groovy": ['def {camel} = {e}'], "objc": ['NSString *{camel} = {e};'],
    "haskell": ['{camel} <- {e}'], "clojure": ['(swap! config assoc :{kebab} {e})'],
}
WHERE = [None]
DOLLAR_UNSAFE = {"php", "perl", "shell", "groovy", "kotlin", "dart", "dotenv", "docker", "powershell", "scala", "ini"}
YAML_NUM = re.compile(r"^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.\d+)$")
SHELL_SAFE = re.compile(r"^[A-Za-z0-9_./:@%+=,~-]+$")


def value_ok(syntax, v):
    if any(c in v for c in "\"'\\`\n"):
        return False
    if "$" in v and syntax in DOLLAR_UNSAFE:
        return False
    if syntax == "xml" and any(c in v for c in "&<>"):
        return False
    if syntax in ("ini", "properties", "dotenv", "shell") and "#" in v:
        return False
    return True


def yaml_scalar(v, vm, r):
    """Marker vm in YAML value position, quoted if needed (values never hold quotes)."""
    plain_ok = (re.fullmatch(r"[A-Za-z0-9_./+=:@%~()^!*,;-][^\s]*", v or "") and ": " not in v and not v.endswith(":")
                and not YAML_NUM.match(v) and not v[0] in "-?:,[]{}#&*!|>'\"%@`" and " #" not in v
                and v.lower() not in ("true", "false", "yes", "no", "on", "off", "null", "~"))
    if plain_ok and r.random() < 0.6:
        return vm
    return ('"%s"' % vm) if r.random() < 0.7 else ("'%s'" % vm)


def assign(r, syntax, name, vm, v, indent=""):
    """A line assigning the string value (marker vm, raw v) to name in syntax."""
    if syntax == "dotenv":
        q = '"' if not SHELL_SAFE.match(v) else pick(r, ("", "", '"', "'"))
        return "%s%s=%s%s%s" % (pick(r, ("", "", "", "export ")), case(name, "UP"), q, vm, q)
    if syntax == "yaml":
        return "%s%s: %s" % (indent, case(name, pick(r, ("snake", "snake", "camel", "UP"))), yaml_scalar(v, vm, r))
    if syntax == "yaml-env":
        return "%s%s: %s" % (indent, case(name, "UP"), yaml_scalar(v, vm, r))
    if syntax == "ini":
        return "%s%s = %s" % (indent, case(name, "snake"), vm)
    if syntax == "properties":
        return "%s%s" % (case(name, pick(r, ("dot", "dot", "snake"))), pick(r, ("=", "=", " = ", ": "))) + vm
    if syntax == "xml":
        t = case(name, pick(r, ("camel", "pascal", "kebab")))
        if r.random() < 0.5:
            return '%s<%s>%s</%s>' % (indent, t, vm, t)
        return '%s<add key="%s" value="%s" />' % (indent, case(name, pick(r, ("pascal", "dot", "UP"))), vm)
    if syntax == "shell" and SHELL_SAFE.match(v) and r.random() < 0.3 and WHERE[0] is None:
        return "export %s=%s" % (case(name, "UP"), vm)
    w = WHERE[0]
    if w == "top" and syntax in STR_TOP:
        t = pick(r, STR_TOP[syntax])
    elif w == "body" and syntax in STR_BODY:
        t = pick(r, STR_BODY[syntax])
    else:
        t = pick(r, STR_T[syntax])
    return indent + fill(t, name, v=vm)


def assign_expr(r, syntax, name, em, indent=""):
    w = WHERE[0]
    if w == "top" and syntax in EXPR_TOP:
        t = pick(r, EXPR_TOP[syntax])
    elif w in ("top", "body") and syntax in EXPR_BODY:
        t = pick(r, EXPR_BODY[syntax])
    else:
        t = pick(r, EXPR_T[syntax])
    return indent + fill(t, name, e=em)


def config_like(syntax):
    return syntax not in EXPR_T or syntax in ("shell",)


class KV:
    """Draws secrets from the global format deck, and negatives, for assignment lines."""

    def __init__(self, grand):
        self.deck = Deck(grand, KV_FORMATS)
        self.draws = 0

    def secret(self, d, r, syntax, pred=None, fmt=None, name=None):
        """-> (name, marker, value, fmt)"""
        tried = []
        for _ in range(60):
            f = fmt or self.deck.next(lambda x: x not in tried and (pred is None or pred(x)))
            for _k in range(6):
                v = gen(r, f)
                if value_ok(syntax, v):
                    nm = name or pick(r, FORMATS[f]["names"])
                    self.put_back(tried)
                    self.draws += 1
                    return nm, d.S(v, f), v, f
            if fmt:
                raise ValueError("no value for %s in %s" % (fmt, syntax))
            tried.append(f)
        raise ValueError("no format fits %s" % syntax)

    def put_back(self, fmts):
        for f in fmts:
            self.deck.q.insert(0, f)

    def secret_line(self, d, r, syntax, indent="", pred=None, fmt=None, name=None):
        nm, vm, v, f = self.secret(d, r, syntax, pred, fmt, name)
        return assign(r, syntax, nm, vm, v, indent)

    def neg_line(self, d, r, syntax, indent="", ci=None, name=None, classes=None):
        """A hard-negative assignment line for syntax."""
        nm = name or pick(r, NEG_NAMES)
        W = classes or (["env-ref"] * 5 + ["placeholder"] * 4 + ["secret-manager-ref"] * 2 + ["name-only"] * 3 + ["benign-value"] * 3 +
                        ["file-path", "short-or-empty", "cloud-identifier", "public-identifier", "uuid", "template-var",
                         "encrypted-blob", "masked-value", "public-client-key", "dev-default", "salt-iv", "doc-placeholder-conn",
                         "url-random-id", "numeric-id"] + (["ci-secret-ref"] * 4 if ci else []))
        cls = pick(r, W)
        if cls == "env-ref" and WHERE[0] == "top" and syntax not in EXPR_TOP:
            cls = "placeholder"
        if cls == "env-ref":
            if syntax in EXPR_T and syntax not in ("shell", "hcl", "docker") and syntax not in ("toml", "json"):
                e = NG.env_ref_expr(r, syntax, case(nm, "UP"))
                return assign_expr(r, syntax, nm, d.N(e, "env-ref", syntax), indent)
            v = NG.str_env_ref(r, case(nm, "UP"))
            if syntax == "hcl":
                return indent + "%s = %s" % (case(nm, "snake"), d.N("var." + case(nm, "snake"), "env-ref", "hcl-var"))
            return self._str(d, r, syntax, nm, v, "env-ref", "interpolation", indent)
        if cls == "ci-secret-ref":
            v = NG.ci_ref(r, ci, case(nm, "UP"))
            return self._str(d, r, syntax, nm, v, "ci-secret-ref", ci, indent)
        if cls == "placeholder":
            v, sub = NG.placeholder(r)
            return self._str(d, r, syntax, nm, v, "placeholder", sub, indent)
        if cls == "secret-manager-ref":
            v, sub = NG.secret_manager_ref(r, nm)
            return self._str(d, r, syntax, nm, v, "secret-manager-ref", sub, indent)
        if cls in ("name-only", "benign-value"):
            n2, v, c2, sub = (NG.name_only if cls == "name-only" else NG.benign)(r)
            line = assign(r, syntax, n2, "\uE002", v, indent) if value_ok(syntax, v) else None
            if line is None:
                return self.neg_line(d, r, syntax, indent, ci, name, ["placeholder"])
            # the whole "name ... value" span is the negative
            pre, post = line.split("\uE002")
            lead = len(pre) - len(pre.lstrip())
            body = pre[lead:] + v + post.rstrip(",;")
            tail = post[len(post.rstrip(",;")):]
            return pre[:lead] + d.N(body, c2, sub) + tail
        if cls == "file-path":
            v, sub = NG.file_path(r, nm)
            n2 = nm + pick(r, ("_FILE", "_PATH", "_FILE_PATH"))
            return self._str(d, r, syntax, n2, v, "file-path", sub, indent)
        if cls == "short-or-empty":
            v, sub = NG.short_or_empty(r)
            if v in ('""', "''"):
                if syntax in ("dotenv", "shell", "docker", "ini", "properties"):
                    v = '""'
                line = assign(r, syntax, nm, "\uE002", "x", indent)
                for q in ('"\uE002"', "'\uE002'"):
                    if q in line:
                        return line.replace(q, d.N(q.replace("\uE002", ""), "short-or-empty", "empty"))
                return line.replace("\uE002", d.N(v, "short-or-empty", "empty"))
            return self._str(d, r, syntax, nm, v, "short-or-empty", sub, indent)
        if cls == "cloud-identifier":
            v, sub = NG.cloud_id(r)
            n2 = {"aws-account-id": "AWS_ACCOUNT_ID", "aws-role-arn": "DEPLOY_ROLE_ARN", "security-group": "SECURITY_GROUP_ID", "vpc": "VPC_ID",
                  "subnet": "SUBNET_ID", "ec2-instance": "BASTION_INSTANCE_ID", "ami": "BASE_AMI", "kms-key-arn": "KMS_KEY_ARN",
                  "azure-resource-id": "AZURE_RESOURCE_ID", "gcp-project-id": "GCP_PROJECT", "cloudfront-distribution": "CLOUDFRONT_DISTRIBUTION_ID"}[sub]
            return self._str(d, r, syntax, n2, v, "cloud-identifier", sub, indent)
        if cls == "public-identifier":
            v, sub = NG.public_id(r)
            n2 = {"google-oauth-client-id": "GOOGLE_CLIENT_ID", "github-app-client-id": "GITHUB_APP_CLIENT_ID", "github-oauth-client-id": "GITHUB_CLIENT_ID",
                  "firebase-app-id": "FIREBASE_APP_ID", "ga-measurement-id": "GA_MEASUREMENT_ID", "facebook-app-id": "FACEBOOK_APP_ID",
                  "apple-team-id": "APPLE_TEAM_ID", "okta-client-id": "OKTA_CLIENT_ID", "azure-app-client-id": "AZURE_CLIENT_ID",
                  "recaptcha-site-key": "RECAPTCHA_SITE_KEY"}[sub]
            return self._str(d, r, syntax, n2, v, "public-identifier", sub, indent)
        if cls == "uuid":
            v = NG.uuid4(r)
            n2 = pick(r, ("TENANT_ID", "AZURE_TENANT_ID", "ORG_ID", "WORKSPACE_ID", "PROJECT_UUID", "INSTANCE_ID", "DEVICE_ID"))
            return self._str(d, r, syntax, n2, v, "uuid", "id", indent)
        if cls == "template-var":
            v, sub = NG.template_var(r, case(nm, "UP"))
            return self._str(d, r, syntax, nm, v, "template-var", sub, indent)
        if cls == "encrypted-blob":
            v, sub = NG.encrypted_value(r)
            return self._str(d, r, syntax, nm, v, "encrypted-blob", sub, indent)
        if cls == "masked-value":
            v, sub = NG.masked(r)
            return self._str(d, r, syntax, nm, v, "masked-value", sub, indent)
        if cls == "public-client-key":
            v, sub = NG.public_client_key(r)
            n2 = {"sentry-dsn": "SENTRY_DSN", "mapbox-public-token": "NEXT_PUBLIC_MAPBOX_TOKEN", "algolia-search-only-key": "ALGOLIA_SEARCH_ONLY_API_KEY",
                  "posthog-project-key": "NEXT_PUBLIC_POSTHOG_KEY", "statsig-client-key": "STATSIG_CLIENT_KEY",
                  "app-insights": "APPLICATIONINSIGHTS_CONNECTION_STRING", "segment-write-key": "SEGMENT_WRITE_KEY",
                  "facebook-client-token": "FACEBOOK_CLIENT_TOKEN"}[sub]
            return self._str(d, r, syntax, n2, v, "public-client-key", sub, indent)
        if cls == "dev-default":
            v, sub = NG.dev_default(r)
            n2 = pick(r, ("POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "RABBITMQ_DEFAULT_PASS", "REDIS_PASSWORD", "MINIO_ROOT_PASSWORD", "DB_PASSWORD"))
            return self._str(d, r, syntax, n2, v, "dev-default", sub, indent)
        if cls == "doc-placeholder-conn":
            v, sub = NG.doc_conn(r)
            return self._str(d, r, syntax, pick(r, ("DATABASE_URL", "MONGO_URL", "REDIS_URL", "BROKER_URL")), v, "doc-placeholder-conn", sub, indent)
        if cls == "salt-iv":
            v, sub = NG.salt_iv(r)
            return self._str(d, r, syntax, pick(r, ("HASH_SALT", "IV", "AES_IV", "KDF_SALT", "NONCE_PREFIX", "PEPPER_SALT")), v, "salt-iv", sub, indent)
        if cls == "url-random-id":
            v, sub = NG.url_random_id(r)
            return self._str(d, r, syntax, pick(r, ("DESIGN_DOC_URL", "RUNBOOK_URL", "DEMO_VIDEO", "SPEC_URL")), v, "url-random-id", sub, indent)
        if cls == "numeric-id":
            v, sub = NG.numeric_id(r)
            return self._str(d, r, syntax, pick(r, ("BUILD_TIMESTAMP", "STRIPE_TEST_CARD", "SUPPORT_PHONE", "MERCHANT_NUMBER")), v, "numeric-id", sub, indent)
        raise ValueError(cls)

    def _str(self, d, r, syntax, name, v, cls, sub, indent):
        if not value_ok(syntax, v):
            if syntax == "xml":
                v = v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            else:
                v2, sub = NG.placeholder(r, shaped=False)
                if not value_ok(syntax, v2):
                    v2 = "changeme"
                v, cls = v2, "placeholder"
        if syntax in EXPR_T and syntax not in ("shell", "hcl") and syntax not in STR_T:
            syntax = "python"
        return assign(r, syntax, name, d.N(v, cls, sub), v, indent)


NEG_NAMES = ["DB_PASSWORD", "API_KEY", "SECRET_KEY", "AUTH_TOKEN", "CLIENT_SECRET", "STRIPE_SECRET_KEY", "GITHUB_TOKEN",
             "OPENAI_API_KEY", "AWS_SECRET_ACCESS_KEY", "SLACK_BOT_TOKEN", "JWT_SECRET", "SENDGRID_API_KEY", "REDIS_PASSWORD",
             "DATADOG_API_KEY", "ANTHROPIC_API_KEY", "SMTP_PASSWORD", "WEBHOOK_SECRET", "NPM_TOKEN", "ACCESS_TOKEN",
             "ENCRYPTION_KEY", "ADMIN_PASSWORD", "TWILIO_AUTH_TOKEN", "SENTRY_AUTH_TOKEN", "VAULT_TOKEN", "PRIVATE_KEY"]
