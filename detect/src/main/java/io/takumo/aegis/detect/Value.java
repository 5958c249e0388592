package io.takumo.aegis.detect;

import org.jspecify.annotations.Nullable;

/**
 * The value assigned to a name, in the syntaxes code and config use: {@code x = "…"},
 * {@code x: …}, {@code X=…}, {@code "x": "…"}, {@code x => '…'}, {@code x := …},
 * {@code var x string = "…"}, {@code --password …}, {@code <password>…</password>},
 * {@code key="XPassword" value="…"}.
 */
record Value(int start, int end, boolean quoted, boolean envStyle) {
  /**
   * Longest value looked at: credentials are short, an Azure AD refresh token among the longest (700 to 1,500
   * characters); PEM blocks have their own rule.
   */
  static final int MAX = 2048;
  /** Longest unquoted value read after a name that does not start its line. */
  private static final int SHORT_MAX = 512;
  private static final byte[] VALUE_ATTR = Detector.ascii("value=");
  private static final byte[] ANDROID_VALUE = Detector.ascii("android:value=");

  /** The value after the name {@code b[is, ie)}, or null when none is assigned there. */
  static @Nullable Value after(byte[] b, int is, int ie, int from, int to) {
    int p = ie;
    if (p < to && b[p] == '(') {
      return argument(b, is, ie, from, to);
    }
    Value pair = p < to && (b[p] == '\n' || b[p] == '\r') ? formatList(b, is, p, from, to) : null;
    if (pair != null) {
      return pair;
    }
    if (p + 1 < to && b[p] == ' ' && configSet(b, is, from)) { // aws configure set aws_secret_access_key …
      return quotedOrWord(b, p + 1, to);
    }
    if (p + 1 < to && b[p] == ' ' && secretSet(b, is, from)) { // gh secret set VERCEL_TOKEN --repo o/r --body '…'
      return bodyFlag(b, p, to);
    }
    if (p + 3 < to && b[p] == ' ' && Bytes.is(b[p + 1], Bytes.DIGIT)) { // Unseal Key 1: …, Recovery Key 2: …
      int n = p + 1;
      while (n < to && n - p <= 3 && Bytes.is(b[n], Bytes.DIGIT)) {
        n++;
      }
      p = n + 1 < to && b[n] == ':' && b[n + 1] == ' ' ? n : p;
    }
    if (p < to && b[p] == ' ' && nginxDirective(b, is, from)) { // proxy_set_header X-Api-Key "…"; set $token "…";
      int v = skipBlanks(b, p, to);
      if (v < to && isQuote(b[v])) {
        return quoted(b, v, to);
      }
      int e = v;
      while (e < to && e - v < MAX && !terminates(b[e])) {
        e++;
      }
      return e > v ? new Value(v, e, false, true) : null;
    }
    // The closing quote of a quoted name: "password": …, 'X-Api-Key: …', "facebook access_token":…
    byte keyQuote = p < to && isQuote(b[p]) ? b[p] : 0;
    if (keyQuote != 0) {
      p++;
      if (p < to && (b[p] == ']' || b[p] == '}')) { // $config['db_password'] = …, $ENV{'DB_PASSWORD'} = …
        p++;
      }
    } else if (p < to && b[p] == '}' && is - 2 >= from && b[is - 1] == '{' && b[is - 2] != '$' && b[is - 2] != '{') {
      p++; // Perl's $ENV{KAFKA_PASSWORD} = '…' (not a template's ${X} or {{X}})
    }
    if (keyQuote == 0) {
      p = promptDefault(b, p, to);
    }
    int tag = is > from && b[is - 1] == '<' ? is - 1 : elementPrefix(b, is, from);
    if (tag >= 0 && p < to && b[p] == ' ' && keyQuote == 0) { // <wsse:Password Type="…#PasswordText">…</wsse:Password>
      int gt = p;
      while (gt < to && gt - p < 256 && b[gt] != '>' && b[gt] != '<' && b[gt] != '\n') {
        gt++;
      }
      if (Bytes.indexOf(b, p, gt, DIGEST) >= 0) {
        return null; // #PasswordDigest: a hash of the password with a nonce, not the password
      }
      p = gt < to && b[gt] == '>' && b[gt - 1] != '/' ? gt : p;
    }
    if (tag >= 0 && p < to && b[p] == '>') {
      int open = p + 1;
      int close = open;
      while (close < to && close - p < MAX && b[close] != '<') {
        close++;
      }
      int vs = skipSpace(b, open, close);
      int ve = close;
      while (ve > vs && Bytes.is(b[ve - 1], Bytes.SPACE)) {
        ve--;
      }
      // an element's text up to its closing tag: <password>…</password>, not "<password>" in prose and the next tag
      return close + 1 < to && b[close + 1] == '/' && ve > vs && !contains(b, vs, ve, (byte) '\n')
          ? new Value(vs, ve, true, false) : null;
    }
    if (keyQuote != 0 && is > from && b[is - 1] == keyQuote) { // the name is a whole string, not a word of one
      Value reply = keyQuote == '`' ? tableCell(b, is - 1, p, from, to) : nextReply(b, is - 1, p, from, to);
      if (reply != null) {
        return reply;
      }
      int comma = skipBlanks(b, p, to);
      if (comma < to && b[comma] == ',') { // setProperty("X_TOKEN", "…"), getenv("TOKEN", "default")
        int q = skipBlanks(b, comma + 1, to);
        return q < to && isQuote(b[q]) ? quoted(b, q, to) : null;
      }
    }
    boolean tight = p < to && (b[p] == '=' || b[p] == ':');
    p = skipBlanks(b, p, to);
    if (p >= to) {
      return null;
    }
    boolean netrc = false;
    boolean flag = false; // a command's flag, --password …: its argument is literal text, as a .env line's value is
    int android = keyQuote == '"' ? skipSpace(b, p, to) : p; // the attribute often on the next line
    if (keyQuote != 0 && Bytes.startsWith(b, p, to, VALUE_ATTR, true)) {
      p += VALUE_ATTR.length; // <add key="ClearTextPassword" value="…"/>
    } else if (keyQuote == '"' && Bytes.startsWith(b, android, to, ANDROID_VALUE, false)) {
      p = android + ANDROID_VALUE.length; // <meta-data android:name="com.app.API_SECRET" android:value="…"/>
    } else if (keyQuote != 0 && Bytes.startsWith(b, p, to, KOTLIN_TO, false)) {
      p += KOTLIN_TO.length; // mapOf("api_key" to "…")
    } else {
      int op = operator(b, p, to);
      if (op < 0) {
        flag = is > from && b[is] == '-' && ie < to && b[ie] == ' ';
        if (!flag && b[p] == '\'' && p > ie && ie - is == PASSWORD.length && Bytes.startsWith(b, is, ie, PASSWORD, true)) {
          return quoted(b, p, to); // SQL: CREATE USER app WITH PASSWORD '…', ALTER ROLE app LOGIN PASSWORD '…'
        }
        int string = !flag && b[p] == ',' && atom(b, is, from) ? skipBlanks(b, p + 1, to) : p;
        if (!flag && string < to && isQuote(b[string]) && string > ie
            && (string > p || macro(b, is, from) || p == ie + 1 && spacedString(b, is, from))) {
          return quoted(b, string, to); // #define EXPO_TOKEN "…", config :app, :api_token, "…", @npm_token "…"
        }
        netrc = !flag && netrc(b, is, ie, from, to);
        if (!flag && !netrc) {
          return prose(b, is, p, from, to);
        }
      } else {
        p = op;
      }
    }
    p = skipBlanks(b, p, to);
    if (p + 1 < to && b[p] == 'N' && b[p + 1] == '\'') {
      p++; // SQL Server's Unicode literal: WITH PASSWORD = N'…'
    }
    if (p < to && b[p] == '{' && tight && is > from && b[is - 1] == ';') {
      return braced(b, p, to); // an ODBC connection string's braced value: …;UID=app;PWD={e4T;zh}};
    }
    if (p >= to) {
      return null;
    }
    Value diff = wordDiff(b, p, to);
    if (diff != null) {
      return diff; // NAME=[-old-]{+new+}: git diff --word-diff's old value (the new one is the detector's WORD_DIFF)
    }
    Value raw = rawString(b, p, to);
    if (raw != null) {
      return raw;
    }
    if (b[p] == '@' && p + 1 < to && b[p + 1] == '"') {
      p++; // C#'s verbatim string, @"…"
    }
    if (isQuote(b[p])) {
      Value quoted = quoted(b, p, to);
      Value changed = quoted == null ? null : planned(b, quoted.end() + 1, to);
      return changed != null ? changed : quoted;
    }
    // In a query string (?token=…&user=…) '&' ends a value; elsewhere it is part of it.
    boolean query = is > from && (b[is - 1] == '?' || b[is - 1] == '&');
    int end = p;
    // .netrc's values end at a blank: oLP8ex{J)_Lq[)@d is one password; elsewhere a closing bracket the value
    // opened is its own (P4ss[w0rd]x, Xy7(ab)9), one it did not ends it (f(password=x))
    // a variable's line in a .env file or a Dockerfile (SECRET_KEY=7pdsjl9)pe9…): closing brackets are the value's
    boolean line = tight && b[ie] == '=' && keyQuote == 0 && startsALine(b, is, from);
    // A value longer than a usual credential is read only after a name that starts its line (AZURE_REFRESH_TOKEN=…,
    // 700 to 1,500 characters): a line of names run together (token=token=…) reads each name's value at most
    // SHORT_MAX bytes far, not MAX. The brackets the value opened are counted as it goes (a closer it opened is its
    // own), not recounted at each closer.
    int limit = line ? MAX : SHORT_MAX; // the line's start is looked at only when a value gets that long
    int parens = 0;
    int brackets = 0;
    int braces = 0;
    while (end < to && !(query && b[end] == '&')) {
      if (end - p >= limit) {
        if (limit == MAX || !startsALine(b, is, from)) {
          break;
        }
        limit = MAX;
      }
      byte c = b[end];
      if (netrc) {
        if (Bytes.is(c, Bytes.SPACE)) {
          break;
        }
      } else if (terminates(c)) { // the closers are terminators: counted here, before the check (post-decrement)
        int open = c == ')' ? parens-- : c == ']' ? brackets-- : c == '}' ? braces-- : 0;
        if (open <= 0 && !(line && closes(c))) {
          break;
        }
      } else if (c == '(') {
        parens++;
      } else if (c == '[') {
        brackets++;
      } else if (c == '{') {
        braces++;
      }
      end++;
    }
    if (end < to && b[end] == ' ' && isScheme(b, p, end)) { // Authorization: Basic dXNlcjpwYXNz
      end++;
      while (end < to && end - p < limit && !terminates(b[end])) {
        end++;
      }
    }
    if (end == p || b[p] == '|' || b[p] == '>' || end - p >= limit) {
      return null; // nothing, a YAML block scalar, or no end in sight
    }
    // .netrc and a command line hold no code: their values are literal text, as a .env line's is
    return new Value(p, end, false, netrc || flag || tight && keyQuote == 0 && !objectMember(b, is, from));
  }

  /**
   * An ODBC connection string's value in braces, which may hold {@code ;} and writes {@code }} as {@code }}}: the
   * text between the braces, or null when they do not close on the line (or another opens first).
   */
  private static @Nullable Value braced(byte[] b, int open, int to) {
    for (int e = open + 1; e < to && e - open <= MAX && b[e] != '\n' && b[e] != '{'; e++) {
      if (b[e] == '}') {
        if (e + 1 < to && b[e + 1] == '}') {
          e++;
          continue;
        }
        return e > open + 1 ? new Value(open + 1, e, true, false) : null;
      }
    }
    return null;
  }

  private static final WordSet NAME_FIELDS = new WordSet("name", "key");
  private static final byte[] VALUE_FIELD = Detector.ascii("value");

  /**
   * A name and its value on two lines, each after its field's name: PowerShell's {@code Format-List} of environment
   * variables ({@code Name  : X}, then {@code Value : …}), an Envoy or Kubernetes header or variable ({@code key:
   * x-api-key}, then {@code value: …}, indented). The value is the rest of its line. {@code eol} is where the name's
   * line ends.
   */
  private static @Nullable Value formatList(byte[] b, int is, int eol, int from, int to) {
    int c = is;
    while (c > from && b[c - 1] == ' ') {
      c--;
    }
    if (c == is || c <= from || b[c - 1] != ':') {
      return null;
    }
    c--;
    while (c > from && b[c - 1] == ' ') {
      c--;
    }
    int n = c;
    while (n > from && c - n < 4 && Bytes.is(b[n - 1], Bytes.UPPER | Bytes.LOWER)) {
      n--;
    }
    int bol = n;
    while (bol > from && (b[bol - 1] == ' ' || b[bol - 1] == '-')) {
      bol--;
    }
    if (!NAME_FIELDS.contains(b, n, c) || bol > from && b[bol - 1] != '\n') {
      return null;
    }
    int v = eol < to && b[eol] == '\r' ? eol + 1 : eol;
    v = skipBlanks(b, v + 1, to);
    if (v >= to || !Bytes.startsWith(b, v, to, VALUE_FIELD, true)) {
      return null;
    }
    int q = skipBlanks(b, v + VALUE_FIELD.length, to);
    if (q >= to || b[q] != ':') {
      return null;
    }
    int start = skipBlanks(b, q + 1, to);
    if (start < to && isQuote(b[start])) {
      return quoted(b, start, to);
    }
    int end = start;
    while (end < to && end - start < MAX && b[end] != '\n' && b[end] != '\r') {
      end++;
    }
    while (end > start && b[end - 1] == ' ') {
      end--;
    }
    return end > start && end - start < MAX ? new Value(start, end, false, true) : null;
  }

  /**
   * Where the opening tag is when the name at {@code is} is an element's after a namespace prefix ({@code
   * <wsse:Password}, {@code <ns2:apiKey}), or -1.
   */
  static int elementPrefix(byte[] b, int is, int from) {
    if (is - 3 < from || b[is - 1] != ':') {
      return -1;
    }
    int q = is - 1;
    while (q > from && is - q < 16 && Bytes.is(b[q - 1], Bytes.ALNUM)) {
      q--;
    }
    return q < is - 1 && q > from && b[q - 1] == '<' ? q - 1 : -1;
  }

  /**
   * The value {@code git diff --word-diff} wrapped at {@code p}, {@code [-old-]} or {@code {+new+}} (on one line, its
   * quotes taken off), or null.
   */
  static @Nullable Value wordDiff(byte[] b, int p, int to) {
    if (p + 4 >= to || !(b[p] == '[' && b[p + 1] == '-' || b[p] == '{' && b[p + 1] == '+')) {
      return null;
    }
    byte sign = b[p + 1];
    byte close = b[p] == '[' ? (byte) ']' : (byte) '}';
    for (int e = p + 2; e + 1 < to && e - p < MAX; e++) {
      if (b[e] == '\n' || (b[e] == '[' && b[e + 1] == '-' || b[e] == '{' && b[e + 1] == '+')) {
        return null; // the line, or the next marker: markers do not nest (each value is read once, not per name)
      }
      if (b[e] == sign && b[e + 1] == close) {
        int s = p + 2;
        if (e - s >= 2 && isQuote(b[s]) && b[e - 1] == b[s]) {
          return new Value(s + 1, e - 1, true, false);
        }
        return e > s ? new Value(s, e, false, true) : null;
      }
    }
    return null;
  }

  private static final byte[] KEY_NAME = Detector.ascii("keyName");
  private static final byte[] LABEL = Detector.ascii("label");

  /** The quoted string at {@code p}, or null when none starts there. */
  private static @Nullable Value quotedAt(byte[] b, int p, int to) {
    return p < to && isQuote(b[p]) ? quoted(b, p, to) : null;
  }

  private static final byte[] DIGEST = Detector.ascii("Digest");
  /**
   * Where a line's number margin ends, as {@code cat -n} and agents' file-reading tools print it: blanks, one to six
   * digits, then a tab or an arrow ({@code →}); {@code lineStart} when the line has none.
   */
  static int numberMargin(byte[] b, int lineStart, int to) {
    int p = lineStart;
    while (p < to && p - lineStart < 8 && b[p] == ' ') {
      p++;
    }
    int digits = p;
    while (p < to && p - digits < 6 && Bytes.is(b[p], Bytes.DIGIT)) {
      p++;
    }
    if (p == digits || p >= to) {
      return lineStart;
    }
    if (b[p] == '\t') {
      return p + 1;
    }
    return Bytes.startsWith(b, p, to, LINE_ARROW, false) ? p + LINE_ARROW.length : lineStart;
  }

  private static final byte[] LINE_ARROW = "\u2192".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static final byte[] SECRET_SET = Detector.ascii("secret set ");
  private static final byte[] BODY_FLAG = Detector.ascii("--body");

  /** Whether the name at {@code is} is the one GitHub's CLI stores, {@code gh secret set NAME}. */
  private static boolean secretSet(byte[] b, int is, int from) {
    return is - SECRET_SET.length >= from && b[is - 1] == ' ' && b[is - 2] == 't'
        && Bytes.startsWith(b, is - SECRET_SET.length, is, SECRET_SET, false);
  }

  /** The value of {@code --body}/{@code -b} later on the line from {@code p} ({@code gh secret set}'s), or null. */
  private static @Nullable Value bodyFlag(byte[] b, int p, int to) {
    for (int q = p; q + 3 < to && q - p < 256 && b[q] != '\n'; q++) {
      if (b[q] != ' ') {
        continue;
      }
      int v = Bytes.startsWith(b, q + 1, to, BODY_FLAG, false) ? q + 1 + BODY_FLAG.length
          : b[q + 1] == '-' && b[q + 2] == 'b' ? q + 3 : -1;
      if (v > 0 && v < to && (b[v] == ' ' || b[v] == '=')) {
        return quotedOrWord(b, skipBlanks(b, v + 1, to), to);
      }
    }
    return null;
  }

  private static final byte[] CONFIG_SET = Detector.ascii("config set ");
  private static final byte[] CONFIGURE_SET = Detector.ascii("configure set ");

  /**
   * Whether the name at {@code is} is a CLI's setting given on its command line, {@code aws configure set NAME VALUE},
   * {@code npm config set NAME VALUE} (and yarn's, pnpm's): the next word is its value.
   */
  private static boolean configSet(byte[] b, int is, int from) {
    if (is - CONFIG_SET.length < from || b[is - 1] != ' ' || b[is - 2] != 't') {
      return false; // most names after a blank follow a word that is no "set"
    }
    return Bytes.startsWith(b, is - CONFIG_SET.length, is, CONFIG_SET, false)
        || is - CONFIGURE_SET.length >= from && Bytes.startsWith(b, is - CONFIGURE_SET.length, is, CONFIGURE_SET, false);
  }

  private static final byte[] DEFINE = Detector.ascii("#define ");

  /** Whether the name at {@code is} is a C preprocessor macro's, {@code #define NAME "…"}. */
  private static boolean macro(byte[] b, int is, int from) {
    int d = is - DEFINE.length;
    return d >= from && b[is - 2] == 'e' && Bytes.startsWith(b, d, is, DEFINE, false);
  }

  private static final byte[] CLOJURE_DEF = Detector.ascii("(def ");
  private static final byte[] CLOJURE_PRIVATE = Detector.ascii("(def ^:private ");

  /**
   * Whether a name given its string after one blank is a definition's: an Elixir module attribute ({@code @npm_token
   * "…"}), a Clojure {@code (def gitea-token "…")} or keyword ({@code assoc :api-key "…"}), a Gradle setting on its
   * line ({@code storePassword "…"}).
   */
  private static boolean spacedString(byte[] b, int is, int from) {
    if (is > from && b[is - 1] == '@') {
      return startsALine(b, is - 1, from);
    }
    if (is - 2 >= from && b[is - 1] == ':' && (b[is - 2] == ' ' || b[is - 2] == '(')) {
      return true;
    }
    return is - CLOJURE_DEF.length >= from && Bytes.startsWith(b, is - CLOJURE_DEF.length, is, CLOJURE_DEF, false)
        || is - CLOJURE_PRIVATE.length >= from
            && Bytes.startsWith(b, is - CLOJURE_PRIVATE.length, is, CLOJURE_PRIVATE, false)
        || startsALine(b, is, from) && is > from && b[is - 1] == ' ';
  }

  /** Whether the name at {@code is} is an Elixir atom after a blank, as in {@code config :app, :api_token, "…"}. */
  private static boolean atom(byte[] b, int is, int from) {
    return is - 2 >= from && b[is - 1] == ':' && b[is - 2] == ' ';
  }

  private static final byte[] RAW_CLOSE = Detector.ascii(")\"");
  private static final byte[] LONG_CLOSE = Detector.ascii("]]");

  /** A C++ raw string, {@code R"(…)"}, or Lua's long string, {@code [[…]]}, on one line: its text, quoted. */
  private static @Nullable Value rawString(byte[] b, int p, int to) {
    boolean cpp = p + 2 < to && b[p] == 'R' && b[p + 1] == '"' && b[p + 2] == '(';
    boolean lua = p + 1 < to && b[p] == '[' && b[p + 1] == '[';
    if (!cpp && !lua) {
      return null;
    }
    int start = p + (cpp ? 3 : 2);
    int end = Bytes.indexOf(b, start, Math.min(to, start + MAX), cpp ? RAW_CLOSE : LONG_CLOSE);
    return end > start && !contains(b, start, end, (byte) '\n') ? new Value(start, end, true, false) : null;
  }

  /**
   * A Markdown table's row that names a variable in its first cell and shows its value in code in a later one ({@code
   * | `DISCORD_TOKEN` | API credential | `…` |}, as READMEs list a service's settings): the last cell's code. {@code
   * open} is the name's opening backtick, {@code p} just past its closing one.
   */
  private static @Nullable Value tableCell(byte[] b, int open, int p, int from, int to) {
    int bar = open - 1;
    while (bar > from && b[bar] == ' ') {
      bar--;
    }
    if (bar < from || b[bar] != '|' || bar > from && b[bar - 1] != '\n') {
      return null;
    }
    int eol = ByteScan.newline(b, p, Math.min(to, p + MAX));
    int close = eol;
    while (close > p && b[close - 1] != '`') {
      close--;
    }
    int start = close - 1;
    while (start > p && b[start - 1] != '`' && b[start - 1] != '|') {
      start--;
    }
    if (close - 1 <= start || start <= p || b[start - 1] != '`' || ByteScan.indexOf(b, p, start, (byte) '|') == start) {
      return null; // no code in a later cell
    }
    return new Value(start, close - 1, true, false);
  }

  /**
   * redis-cli's numbered reply, {@code CONFIG GET requirepass} or {@code HGETALL}: the name quoted on a line {@code 1)
   * "requirepass"}, its value quoted on the next, {@code 2) "…"}. {@code open} is the name's opening quote, {@code p}
   * just past its closing one.
   */
  private static @Nullable Value nextReply(byte[] b, int open, int p, int from, int to) {
    int n = open - 1;
    if (p >= to || b[p] != '\n' || n <= from || b[n] != ' ' || b[n - 1] != ')') {
      return null;
    }
    int d = n - 1;
    while (d > from && Bytes.is(b[d - 1], Bytes.DIGIT)) {
      d--;
    }
    if (d == n - 1 || d > from && b[d - 1] != '\n' && b[d - 1] != ' ') {
      return null;
    }
    int q = p + 1;
    while (q < to && q - p < 8 && Bytes.is(b[q], Bytes.DIGIT)) {
      q++;
    }
    return q > p + 1 && q + 2 < to && b[q] == ')' && b[q + 1] == ' ' && b[q + 2] == '"' ? quoted(b, q + 2, to) : null;
  }

  /**
   * The rest of a name's line as its value, for a password drawn from every printable character ({@code
   * POSTGRES_PASSWORD: ;i/ZIAI#-Al)V1g}, {@code DB_PASS=*oN<~2{Ut.0g>xA;wEt~}), which {@link #after} ends at its
   * first {@code ;}, {@code ,} or {@code <}, or refuses for its first byte (a YAML block's {@code >}): where the name
   * starts its line (after blanks, a YAML list's dash, {@code export}; or a {@code grep -n}'s {@code file:line:}) or is
   * a command's {@code --flag}, an {@code =} or a {@code :} follows it (or, for an upper-case name, two blanks or more:
   * a column of {@code printenv}-like lists), and one word runs from there to the line's end. What the word is,
   * {@link Keyword#symbolPassword} judges.
   */
  static @Nullable Value lineRest(byte[] b, int is, int ie, int from, int to) {
    int p = skipBlanks(b, ie, to);
    if (p >= to) {
      return null;
    }
    if (b[p] == '=' || b[p] == ':') {
      p = skipBlanks(b, p + 1, to);
    } else if (p - ie < 2 || !upperCaseName(b, is, ie)) {
      return null;
    }
    if (!(b[is] == '-' && is + 1 < ie && b[is + 1] == '-' && is > from && Bytes.is(b[is - 1], Bytes.SPACE))
        && !nameStartsLine(b, is, from)) {
      return null;
    }
    int e = p;
    while (e < to && e - p <= 64 && b[e] > ' ') {
      e++;
    }
    int eol = skipBlanks(b, e, to);
    eol = eol < to && b[eol] == '\r' ? eol + 1 : eol;
    return e > p && e - p <= 64 && (eol >= to || b[eol] == '\n') ? new Value(p, e, false, true) : null;
  }

  /** Where what follows {@code ie}'s {@code =} or {@code :} starts (blanks around it), or -1 when neither follows. */
  static int afterOperator(byte[] b, int ie, int to) {
    int p = skipBlanks(b, ie, to);
    return p < to && (b[p] == '=' || b[p] == ':') ? skipBlanks(b, p + 1, to) : -1;
  }

  /** Whether an {@code =} or a {@code :} follows {@code ie} (blanks around it) and then a symbol (not a quote). */
  static boolean symbolAfterOperator(byte[] b, int ie, int to) {
    int p = afterOperator(b, ie, to);
    return p >= 0 && p < to && b[p] > ' ' && b[p] != '=' && !isQuote(b[p]) && !Bytes.is(b[p], Bytes.ALNUM);
  }

  /** Whether a value that ends at {@code end} was cut there by a symbol its line goes on after. */
  static boolean cutBySymbol(byte[] b, int end, int to) {
    if (end >= to) {
      return false;
    }
    byte c = b[end];
    return c == ';' || c == ',' || c == '<' || c == ')' || c == ']' || c == '}';
  }

  private static boolean upperCaseName(byte[] b, int is, int ie) {
    for (int i = is; i < ie; i++) {
      if (Bytes.is(b[i], Bytes.LOWER)) {
        return false;
      }
    }
    return true;
  }

  /** {@link #startsALine}, also after a YAML list's dash ({@code - DB_PASSWORD=…}) or a {@code grep -n}'s prefix. */
  private static boolean nameStartsLine(byte[] b, int is, int from) {
    int q = is;
    while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
      q--;
    }
    if (q < is && q > from && b[q - 1] == '-') {
      q--;
      while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
        q--;
      }
    }
    if (q == is && q > from && b[q - 1] == ':') { // src/settings.py:115:DB_PASSWORD=…
      return Detector.lineNumbered(b, q - 1, from);
    }
    return q == is ? startsALine(b, is, from) : q <= from || b[q - 1] == '\n';
  }

  private static final byte[][] LINE_COMMANDS = {Detector.ascii("export"), Detector.ascii("ENV"),
      Detector.ascii("set")};

  /** Whether the name at {@code is} starts its line, after blanks and {@code export}, {@code ENV} or {@code set}. */
  private static boolean startsALine(byte[] b, int is, int from) {
    int q = is;
    while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
      q--;
    }
    for (byte[] command : LINE_COMMANDS) {
      if (q < is && q - command.length >= from && Bytes.startsWith(b, q - command.length, q, command, false)) {
        q -= command.length;
        while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
          q--;
        }
        break;
      }
    }
    return q <= from || b[q - 1] == '\n';
  }

  /** What a method does with the secret its name mentions when it is not given one: getToken("refresh"). */
  private static final WordSet VERBS = new WordSet("get", "has", "is", "read", "load", "fetch", "find", "remove",
      "delete", "del", "verify", "validate", "check", "parse", "decode", "encode", "hash", "revoke", "lookup",
      "resolve", "require", "rotate", "generate", "gen", "create", "new", "refresh", "invalidate", "clear", "contains",
      "mask", "redact", "encrypt", "decrypt", "sign", "print", "log", "to", "from", "exchange", "introspect", "issue",
      "mint");

  /**
   * The one string a builder's or a client's method named like a secret is called with: {@code .ddApiKey("…")},
   * {@code .bearer_auth("…")}, {@code .setPassword("…")}; not a getter's or a check's argument ({@code
   * .getToken("refresh")}, {@code .verifyPassword("…")}), which names or tests a secret rather than sets it.
   */
  static @Nullable Value argument(byte[] b, int is, int ie, int from, int to) {
    int method = ie; // names take dots (spring.datasource.password): the method is what follows the last one
    while (method > is && b[method - 1] != '.') {
      method--;
    }
    if (method == is && (is <= from || b[is - 1] != '.') || ie + 1 >= to || !isQuote(b[ie + 1])) {
      return null; // not a method call (a function's: hash_password("…")), or not given a string
    }
    int verbEnd = method;
    while (verbEnd < ie && Bytes.is(b[verbEnd], Bytes.LOWER)) {
      verbEnd++;
    }
    if (VERBS.contains(b, method, verbEnd) || Keyword.classify(b, method, ie) == null) {
      return null; // secret_arn.get("cache_hit"): the secret's name is the receiver's, not the method's
    }
    Value quoted = quoted(b, ie + 1, to);
    return quoted != null && quoted.end() + 1 < to && b[quoted.end() + 1] == ')' ? quoted : null;
  }

  /**
   * {@code { passwordChanged: resetUrl, … }}, {@code f(a, token: value)}: a name after an opening brace or a comma
   * on its line is a member of an object literal or a named argument, whose unquoted value is code (a variable),
   * not the literal text of a {@code .env} or YAML line.
   */
  private static boolean objectMember(byte[] b, int is, int from) {
    int q = is;
    while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
      q--;
    }
    return q > from && (b[q - 1] == '{' || b[q - 1] == ',' || b[q - 1] == '(');
  }

  private static final byte[] KOTLIN_TO = Detector.ascii("to ");
  private static final byte[] TABLE_CELL = Detector.ascii("| ");
  private static final byte[] ARROW = Detector.ascii(" -> ");
  private static final byte[] DASH_ARROW = Detector.ascii("-> ");
  /** What joins a name to its value in prose and in commands: "my X is …", "set X to …", "X -> …", gh's --body. */
  private static final byte[][] PROSE = {Detector.ascii("is now "), Detector.ascii("should be "),
      Detector.ascii("is "), Detector.ascii("to "), DASH_ARROW, Detector.ascii("ist "),
      Detector.ascii("--body "), Detector.ascii("--value "), TABLE_CELL};

  /** Whether the name at {@code is} starts a Markdown table's cell ({@code | NAME |}, {@code | `NAME` |}). */
  private static boolean startsCell(byte[] b, int is, int from) {
    int q = is > from && b[is - 1] == '`' ? is - 1 : is;
    q = q > from && b[q - 1] == ' ' ? q - 1 : q;
    return q > from && b[q - 1] == '|';
  }

  /**
   * The value a name is given in a sentence or a command rather than in code: {@code My TWILIO_API_SECRET is …},
   * {@code Set `DATADOG_APP_KEY` to `…`}, {@code rotated. NEXTAUTH_SECRET -> …}, {@code gh secret set OKTA_TOKEN
   * --body '…'}, a Markdown table's {@code | DD_API_KEY | `…` |}: what people type into a chat with an agent. A bare
   * value ends at a blank (and loses the punctuation that ends a sentence); it is literal text, judged by its shape.
   */
  /** How far a prompt's default may reach: {@code [****************HUGK]} and a little more. */
  private static final int PROMPT_DEFAULT = 48;

  /**
   * After an interactive prompt's default in brackets, {@code p} at the blank before it: {@code aws configure}'s
   * {@code AWS Secret Access Key [****************HUGK]: …} or {@code [None]: …}; where the colon is. Otherwise {@code p}.
   */
  private static int promptDefault(byte[] b, int p, int to) {
    if (p + 1 >= to || b[p] != ' ' || b[p + 1] != '[') {
      return p;
    }
    int close = p + 2;
    while (close < to && close - p < PROMPT_DEFAULT && b[close] != ']' && b[close] != '\n' && b[close] != '[') {
      close++;
    }
    return close + 1 < to && b[close] == ']' && b[close + 1] == ':' ? close + 1 : p;
  }

  private static @Nullable Value prose(byte[] b, int is, int p, int from, int to) {
    Value alone = aloneOnItsLine(b, is, p, from, to);
    if (alone != null) {
      return alone;
    }
    Value here = hereString(b, p, to);
    if (here != null) {
      return here;
    }
    int first = b[p] | 0x20;
    if (first == 'f' || first == 'i') {
      Value sourced = sourced(b, p, to);
      if (sourced != null) {
        return sourced;
      }
    }
    if (first == 'l' && Bytes.startsWith(b, p, to, LAUTET, false)) { // German: "Der neue Tavily key lautet …"
      return proseValue(b, p + LAUTET.length, to, 1);
    }
    if (afterAUser(b, is, from)) { // "the VPN creds: user deploy, pass …"
      return proseValue(b, p, to, Keyword.MIN_VALUE);
    }
    if (b[p] < 0) { // another script after an English name: il Pusher secret è …, API key है: …, token यह है: …
      int foreignIs = ForeignNames.isRightAfterAName(b, p, to);
      return foreignIs > 0 ? proseValue(b, foreignIs, to, LABELLED) : ForeignNames.after(b, is, p, from, to);
    }
    if (first != 'i' && first != 's' && first != 't' && b[p] != '-' && b[p] != '|') {
      // no connector starts here: most names with no value end up here
      return Bytes.is(b[p], Bytes.LOWER) || b[p] == '(' ? sentence(b, is, p, to) : null;
    }
    byte[] connector = null;
    for (byte[] word : PROSE) {
      if (Bytes.startsWith(b, p, to, word, true)) {
        connector = word;
        break;
      }
    }
    if (connector == null || connector == TABLE_CELL && !startsCell(b, is, from)) {
      // a table's value follows a cell that is the name, not a description that mentions one
      return connector == null && Bytes.is(b[p], Bytes.LOWER) ? sentence(b, is, p, to) : null;
    }
    return proseValue(b, p + connector.length, to, 1);
  }

  /** Words for a user's name before a password's ("user admin, pass …", "login admin, hasło …"). */
  private static final WordSet USER_WORDS = new WordSet("user", "username", "login", "usuario", "utente", "pengguna",
      "benutzer", "utilisateur", "gebruiker", "account");
  /** The same in other scripts: 계정 admin, 비번 …; ユーザー admin / パスワード …; यूज़र admin, पासवर्ड …. */
  private static final byte[][] USER_WORDS_WIDE = java.util.stream.Stream.of("계정", "ユーザー", "यूज़र", "пользователь",
      "kullanıcı", "użytkownik", "usuário", "用户", "用戶", "账号", "帐号", "賬號", "khoản")
      .map(w -> w.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
  /** The fullwidth comma of Chinese and Japanese text: 账号 admin，密码 …. */
  private static final byte[] WIDE_COMMA = "\uff0c".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /**
   * Whether the name at {@code is} follows a user's: {@code user admin, pass …}, {@code login admin / hasło …}: the
   * pair says what the word after the name is, a value with no connector.
   */
  static boolean afterAUser(byte[] b, int is, int from) {
    int q = is;
    while (q > from && b[q - 1] == ' ') {
      q--;
    }
    if (q - WIDE_COMMA.length >= from && Bytes.startsWith(b, q - WIDE_COMMA.length, q, WIDE_COMMA, false)) {
      q -= WIDE_COMMA.length - 1;
    } else if (q <= from || b[q - 1] != ',' && b[q - 1] != '/') {
      return false; // no comma or slash between the pair's halves
    }
    q--;
    while (q > from && b[q - 1] == ' ') {
      q--;
    }
    int we = q;
    while (q > from && we - q < 64 && !Bytes.is(b[q - 1], Bytes.SPACE) && b[q - 1] != ',') {
      q--;
    }
    if (q == we || q <= from || b[q - 1] != ' ') {
      return false;
    }
    int ue = q - 1;
    int us = ue;
    while (us > from && ue - us < 24 && (Bytes.is(b[us - 1], Bytes.UPPER | Bytes.LOWER) || b[us - 1] < 0)) {
      us--;
    }
    if (us + 1 < ue && b[us] == 'n' && us > from && b[us - 1] == '\\') {
      us++; // the line starts after a newline escaped in a JSON string: \nuser admin, …
    }
    if (USER_WORDS.contains(b, us, ue)) {
      return true;
    }
    for (byte[] word : USER_WORDS_WIDE) {
      if (ue - us >= word.length && Bytes.startsWith(b, ue - word.length, ue, word, false)) {
        return true;
      }
    }
    return false;
  }

  private static final WordSet ARTICLES = new WordSet("the", "our", "my", "your", "a", "an", "new");

  /**
   * A value a sentence gives beside the name rather than after an operator: {@code The Twilio auth token (…) stopped
   * working}, {@code … is the Cloudflare global API key, expires end of month}, {@code … is the password}: in
   * parentheses right after the name, or before {@code is the} (or {@code our}, {@code my}…) and up to five words
   * that end with the name, which ends the clause (a comma, a period, the line's end: not "… is the key id").
   * The value holds a digit. Null when neither.
   */
  static @Nullable Value aside(byte[] b, int is, int ie, int from, int to) {
    if (ie + 1 < to && b[ie] == ' ' && b[ie + 1] == '(') {
      int v = ie + 2;
      int e = v;
      while (e < to && e - v < MAX && b[e] != ')' && !Bytes.is(b[e], Bytes.SPACE)) {
        e++;
      }
      return e < to && b[e] == ')' && e - v >= Keyword.MIN_VALUE && hasDigit(b, v, e) ? new Value(v, e, false, true) : null;
    }
    if (is - 8 < from || b[is - 1] != ' '
        || !(ie >= to || b[ie] == ',' || b[ie] == '\n' || b[ie] == '\r' || b[ie - 1] == '.')) {
      return null; // the name must end the clause: "… is the Mistral key, expires …", "… is the password."
    }
    int w = is - 1; // a blank, the word before it ends there
    int after = -1; // the word after the one looked at: b[after, afterEnd)
    int afterEnd = -1;
    for (int words = 0; words < 6; words++) { // the article and up to five words
      int ws = w;
      while (ws > from && w - ws < 24 && Bytes.is(b[ws - 1], Bytes.UPPER | Bytes.LOWER)) {
        ws--;
      }
      if (ws == w || ws - 2 <= from || b[ws - 1] != ' ') {
        return null;
      }
      if (w - ws == 2 && b[ws] == 'i' && b[ws + 1] == 's') {
        if (after < 0 || !ARTICLES.contains(b, after, afterEnd)) {
          return null;
        }
        int ve = ws - 1;
        int vs = ve;
        while (vs > from && ve - vs < MAX && !Bytes.is(b[vs - 1], Bytes.SPACE)) {
          vs--;
        }
        if (ve - vs >= 2 && isQuote(b[vs]) && b[ve - 1] == b[vs]) {
          vs++;
          ve--;
        }
        return ve - vs >= Keyword.MIN_VALUE && hasDigit(b, vs, ve) ? new Value(vs, ve, false, true) : null;
      }
      after = ws;
      afterEnd = w;
      w = ws - 1;
    }
    return null;
  }

  private static final byte[] LAUTET = Detector.ascii("lautet ");
  /** U+FF1A, the fullwidth colon of Japanese and Chinese text, in UTF-8. */
  static final byte[] WIDE_COLON = {(byte) 0xef, (byte) 0xbc, (byte) 0x9a};

  /**
   * The value after a name written inside Japanese or Chinese text ({@code 本番のtokenはこれです：…}, {@code 新的token：…}):
   * at most eight wide characters (24 bytes, none ASCII) from the name's end to a colon, fullwidth or not, then the
   * value, which holds a digit. {@code ie} is the name's end, at a byte above 0x7f.
   */
  static @Nullable Value afterWideColon(byte[] b, int ie, int to) {
    int p = ie;
    while (p < to && p - ie < 24 && b[p] < 0 && !Bytes.startsWith(b, p, to, WIDE_COLON, false)) {
      p++;
    }
    if (Bytes.startsWith(b, p, to, WIDE_COLON, false)) {
      p += WIDE_COLON.length;
    } else if (p < to && b[p] == ':') {
      p++;
    } else {
      return null;
    }
    int v = skipBlanks(b, p, to);
    int e = v;
    while (e < to && e - v < MAX && b[e] >= 0 && !Bytes.is(b[e], Bytes.SPACE) && b[e] != '"' && b[e] != '\\'
        && b[e] != '`' && b[e] != '\'') {
      e++; // the value ends at a blank, a quote or the next wide character (。、，)
    }
    return e - v >= Keyword.MIN_VALUE && e - v < MAX && hasDigit(b, v, e) ? new Value(v, e, false, true) : null;
  }
  private static final byte[][] SOURCES = {Detector.ascii("from "), Detector.ascii("in ")};

  /**
   * A value given with where it was read: {@code Using DEPLOY_TOKEN from .env.ci: …}, {@code DB_PASSWORD in vault:
   * …}; the place is one word (a file, a store) ending in a colon.
   */
  private static @Nullable Value sourced(byte[] b, int p, int to) {
    for (byte[] word : SOURCES) {
      if (Bytes.startsWith(b, p, to, word, true)) {
        int w = p + word.length;
        int e = w;
        while (e < to && e - w < 64 && !Bytes.is(b[e], Bytes.SPACE) && b[e] != ':') {
          e++;
        }
        return e > w && e + 1 < to && b[e] == ':' && b[e + 1] == ' ' ? proseValue(b, e + 1, to, Keyword.MIN_VALUE) : null;
      }
    }
    return null;
  }

  private static final byte[] HERE_STRING = Detector.ascii("<<<");

  /**
   * A shell here-string after the name and at most two words: {@code vercel env add STRIPE_SECRET_KEY production
   * <<< "…"}, the way an agent feeds a secret to a CLI that prompts for it.
   */
  private static @Nullable Value hereString(byte[] b, int p, int to) {
    int w = p;
    for (int words = 0; words <= 2 && w < to; words++) {
      if (Bytes.startsWith(b, w, to, HERE_STRING, false)) {
        return quotedOrWord(b, skipBlanks(b, w + HERE_STRING.length, to), to);
      }
      int e = w;
      while (e < to && e - w < 24 && Bytes.is(b[e], Bytes.LOWER | Bytes.DIGIT | Bytes.DASH)) {
        e++;
      }
      if (e == w || e >= to || b[e] != ' ') {
        return null;
      }
      w = skipBlanks(b, e, to);
    }
    return null;
  }

  /** At most this many words between a secret's name and the {@code is} that gives its value in a sentence. */
  private static final int SENTENCE_WORDS = 7;
  private static final byte[] IS = Detector.ascii("is");
  private static final byte[] IS_BLANK = Detector.ascii("is ");
  /** The shortest value after a sentence's colon or arrow: the label says what follows, the value needs no more. */
  private static final int LABELLED = 8;
  private static final byte[] RIGHT_ARROW = "\u2192 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** The length of the arrow at {@code w} and the blank after it ({@code -> }, {@code → }), or 0. */
  private static int arrow(byte[] b, int w, int to) {
    return Bytes.startsWith(b, w, to, DASH_ARROW, false) ? DASH_ARROW.length
        : Bytes.startsWith(b, w, to, RIGHT_ARROW, false) ? RIGHT_ARROW.length : 0;
  }

  /**
   * {@code the password for the Grafana admin account is …}, {@code the webhook secret we configured on their side
   * is …}, {@code the password for the admin user: …}, {@code Use this password locally: …}, {@code password for
   * root -> …}: a name written as a plain word (lower case, or capitalised where a sentence starts), then up to seven
   * words (letters of any script, one of them may be in parentheses; a comma or a period ends the clause; none that
   * makes the name metadata, "key id", "the key for the cache"), then {@code is} or "is" in another language, a colon
   * after the last word or an arrow, and the value, which holds a digit or is a passphrase and has twelve bytes or
   * more after {@code is} (prose says "is" of versions and sizes), eight after the others.
   */
  private static @Nullable Value sentence(byte[] b, int is, int p, int to) {
    for (int i = is + 1; i < p; i++) {
      if (!Bytes.is(b[i], Bytes.LOWER | Bytes.SPACE)) {
        return null; // db_password, TokenCache: code, not a sentence's word ("Password for …" starts one)
      }
    }
    if (!Bytes.is(b[is], Bytes.LOWER | Bytes.UPPER)) {
      return null;
    }
    int w = p;
    for (int words = 0; words < SENTENCE_WORDS && w < to; words++) {
      int arrow = words > 0 ? arrow(b, w, to) : 0;
      if (arrow > 0) {
        return described(b, p, w) ? null : proseValue(b, w + arrow, to, LABELLED);
      }
      // "is" in another language: la password di the NAS è …, hasło do Grafana to … (English "is" wants more below)
      // right after the name only a word no English sentence puts there: mi Adyen API key es …, le Linode token est …
      int foreignIs = words > 0 ? (Bytes.startsWith(b, w, to, IS_BLANK, false) ? 0 : ForeignNames.is(b, w, to))
          : ForeignNames.isRightAfterAName(b, w, to);
      Value given = foreignIs > 0 && !described(b, p, w) ? proseValue(b, foreignIs, to, LABELLED) : null;
      if (given != null) {
        return given;
      }
      int ws = b[w] == '(' ? w + 1 : w;
      int we = ws;
      // letters of any script: "api key şu: …", "token यह है: …", "api key はこれです: …"
      while (we < to && we - ws < 24 && (Bytes.is(b[we], Bytes.UPPER | Bytes.LOWER) || b[we] == '\'' || b[we] < 0)) {
        we++;
      }
      int e = ws > w && we < to && b[we] == ')' ? we + 1 : we;
      if (we == ws || e >= to) {
        return null;
      }
      if (words == 0 && Keyword.describesASecret(b, ws, we)) {
        return null; // "the key id is …", "the token count is …", "the key id: …"
      }
      if (e + 1 < to && b[e] == ':' && b[e + 1] == ' ') { // the label ends here: "… for the admin user: …"
        return described(b, p, e) ? null : proseValue(b, e + 1, to, LABELLED);
      }
      if (b[e] != ' ') {
        return null;
      }
      if (e - w == 2 && Bytes.startsWith(b, w, e, IS, false)) {
        return proseValue(b, e + 1, to, 12);
      }
      w = e + 1;
    }
    return null;
  }

  /**
   * Whether a word of {@code b[from, to)} says what a name is about rather than naming the secret: "the key for the
   * cache: …" (looked at only where a colon, an arrow or an "is" gives a value: most sentences have none).
   */
  private static boolean described(byte[] b, int from, int to) {
    int ws = from;
    for (int i = from; i <= to; i++) {
      if (i < to && Bytes.is(b[i], Bytes.UPPER | Bytes.LOWER)) {
        continue;
      }
      if (i > ws && Keyword.describesASecret(b, ws, i)) {
        return true;
      }
      ws = i + 1;
    }
    return false;
  }

  /**
   * A line of two words, a secret's name and its value ({@code vault_token s.7oQx…}, {@code session_secret
   * qwg88…}): what a secrets manager's listing or a dump prints. The value must hold a digit.
   */
  private static @Nullable Value aloneOnItsLine(byte[] b, int is, int p, int from, int to) {
    int q = is;
    while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
      q--;
    }
    if (q > from && b[q - 1] != '\n' && !escapedNewline(b, q - 2, from, to)) { // a line of JSON-escaped text too
      return null;
    }
    int e = p;
    while (e < to && e - p < MAX && !Bytes.is(b[e], Bytes.SPACE) && !escapedNewline(b, e, from, to)) {
      e++;
    }
    int end = skipBlanks(b, e, to);
    return e - p >= Keyword.MIN_VALUE && e - p < MAX
        && (end >= to || b[end] == '\n' || b[end] == '\r' || escapedNewline(b, end, from, to))
        && hasDigit(b, p, e) && !isQuote(b[p]) ? new Value(p, e, false, true) : null;
  }

  /** Whether {@code b[at, at + 2)} is the escape {@code \n}. */
  private static boolean escapedNewline(byte[] b, int at, int from, int to) {
    return at >= from && at + 1 < to && b[at] == '\\' && b[at + 1] == 'n';
  }

  /** The value of a sentence at {@code p}: quoted, or a word without the punctuation that ends a sentence. */
  private static @Nullable Value proseValue(byte[] b, int p, int to, int minLength) {
    int v = skipBlanks(b, p, to);
    if (v >= to) {
      return null;
    }
    if (isQuote(b[v])) {
      Value quoted = quoted(b, v, to);
      return quoted != null && quoted.end() - quoted.start() >= minLength && hasDigit(b, quoted.start(), quoted.end())
          ? quoted : null;
    }
    int e = v;
    while (e < to && e - v < MAX && !Bytes.is(b[e], Bytes.SPACE) && b[e] != '\n' && b[e] != '\r' && b[e] != '"'
        && b[e] != '\\') {
      e++;
    }
    while (e > v && (b[e - 1] == ',' || b[e - 1] == '.' || b[e - 1] == ';' || b[e - 1] == ')' || b[e - 1] == '!'
        || b[e - 1] == '?')) {
      e--;
    }
    // prose is full of words after "is" and "to" ("the key is required}"): a value there holds a digit, or is a
    // passphrase
    return e - v >= minLength && e - v < MAX && (hasDigit(b, v, e) || passphrase(b, v, e))
        ? new Value(v, e, false, true) : null;
  }

  /** Words a sentence or a name is made of, which no passphrase holds: {@code required-for-login}, {@code see_the_docs}. */
  private static final WordSet NOT_PASSPHRASE = new WordSet("the", "for", "and", "not", "see", "use", "set", "get",
      "from", "with", "your", "this", "that", "here", "docs", "required", "optional", "default", "login", "user",
      "name", "value", "file", "path", "key", "token", "secret", "password", "api", "app", "env", "var", "config");

  /**
   * A passphrase as people and generators make them: three words or more of three letters or more, joined by one
   * kind of {@code -}, {@code _} or {@code .} ({@code umber-sierra-kiwi-koala}, {@code opal_indigo_glacier}), none of
   * them one of {@link #NOT_PASSPHRASE}.
   */
  static boolean passphrase(byte[] b, int from, int to) {
    byte joiner = 0;
    int words = 0;
    int start = from;
    for (int i = from; i <= to; i++) { // the shape first, cheaply: most values fail it at their first bytes
      if (i < to && Bytes.is(b[i], Bytes.LOWER)) {
        continue;
      }
      if (i - start < 3 || i - start > 12
          || i < to && (b[i] != '-' && b[i] != '_' && b[i] != '.' || joiner != 0 && b[i] != joiner)) {
        return false;
      }
      words++;
      joiner = i < to ? b[i] : joiner;
      start = i + 1;
    }
    if (words < 3) {
      return false;
    }
    start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || b[i] == joiner) {
        if (NOT_PASSPHRASE.contains(b, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /**
   * A command's or a statement's argument at {@code p}: a quoted string, or a word that ends at a blank, a {@code ;}
   * or a quote ({@code -pS3cret db}, {@code IDENTIFIED BY S3cret;}); null when there is none.
   */
  static @Nullable Value quotedOrWord(byte[] b, int p, int to) {
    if (p >= to) {
      return null;
    }
    if (isQuote(b[p])) {
      return quoted(b, p, to);
    }
    int e = p;
    while (e < to && e - p < MAX && !Bytes.is(b[e], Bytes.SPACE) && b[e] != ';' && b[e] != '\r' && b[e] != '\n'
        && !isQuote(b[e]) && !(b[e] == '\\' && e + 1 < to && isQuote(b[e + 1]))) {
      e++; // an escaped quote ends it too: the command is written in a JSON string, "…admin PASSWORD\"}"
    }
    return e > p && e - p < MAX ? new Value(p, e, false, true) : null;
  }


  private static boolean hasDigit(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Bytes.is(b[i], Bytes.DIGIT)) {
        return true;
      }
    }
    return false;
  }

  /** A plan's change after a quoted old value, {@code "X" = "old" -> "new"} (Terraform): the new value, or null. */
  private static @Nullable Value planned(byte[] b, int p, int to) {
    return Bytes.startsWith(b, p, to, ARROW, false) && p + ARROW.length < to && isQuote(b[p + ARROW.length])
        ? quoted(b, p + ARROW.length, to) : null;
  }

  /**
   * Whether the name {@code b[is, ie)} is the attribute {@code key} of a {@code <add key="…" value="…"/>} element
   * (.NET and NuGet configs): its quoted value, ending at {@code valueEnd}, is the next attribute's name.
   */
  static boolean namesTheNextAttribute(byte[] b, int is, int ie, int valueEnd, int to) {
    if (ie - is != KEY.length || !Bytes.startsWith(b, is, ie, KEY, true)) {
      return false;
    }
    int p = skipBlanks(b, valueEnd + 1, to);
    return Bytes.startsWith(b, p, to, VALUE_ATTR, true);
  }

  /**
   * The {@code default} of a block the name opens: Terraform's {@code variable "db_password" {} … default = "…" }},
   * CloudFormation's {@code DBPassword:} parameter with {@code Default: …} (NoEcho or not); and the {@code value} of
   * an object it opens (Terraform state's {@code "db_password": {} "value": "…"}, as text: a numbered file view).
   * Looked for in the block's next 12 lines (1 KiB), which are indented deeper than the name's line; the block ends
   * at the first that is not.
   */
  static @Nullable Value blockDefault(byte[] b, int is, int ie, int from, int to) {
    int p = ie < to && isQuote(b[ie]) ? ie + 1 : ie;
    boolean hcl = false;
    p = skipBlanks(b, p, to);
    if (p < to && b[p] == ':') { // YAML's block, or JSON's object ("db_password": {)
      int q = skipBlanks(b, p + 1, to);
      if (q < to && b[q] == '{') {
        p = q;
      }
    }
    if (p < to && b[p] == '{') {
      hcl = true;
    } else if (p >= to || b[p] != ':') {
      return null;
    }
    int eol = skipBlanks(b, p + 1, to);
    if (eol < to && b[eol] == '\r') {
      eol++;
    }
    if (eol >= to || b[eol] != '\n') {
      return null; // something follows on the name's line: a value, not a block
    }
    int lineStart = is;
    while (lineStart > from && b[lineStart - 1] != '\n') {
      lineStart--;
    }
    int nameIndent = skipBlanks(b, lineStart, is) - lineStart;
    int limit = Math.min(to, eol + 1024);
    int line = eol + 1;
    for (int n = 0; n < 12 && line < limit; n++) {
      int text = skipBlanks(b, line, limit);
      int next = ByteScan.newline(b, line, limit);
      if (text < next && b[text] != '\r') {
        if (text - line <= nameIndent) {
          return null; // the block ended
        }
        int member = isQuote(b[text]) ? text + 1 : text;
        int word = Bytes.startsWith(b, member, next, DEFAULT, true) ? DEFAULT.length
            : hcl && Bytes.startsWith(b, member, next, VALUE, false) ? VALUE.length : -1;
        if (word > 0 && member + word < next && !Bytes.is(b[member + word], Bytes.IDENT)) {
          int op = skipBlanks(b, member + word + (member > text ? 1 : 0), next);
          if (op < next && (b[op] == '=' || b[op] == ':')) {
            int v = skipBlanks(b, op + 1, next);
            if (v < next && isQuote(b[v])) {
              return quoted(b, v, next);
            }
            int e = next;
            while (e > v && Bytes.is(b[e - 1], Bytes.SPACE)) {
              e--;
            }
            return e > v && !hcl ? new Value(v, e, false, true) : null; // HCL's bare words are references
          }
        }
      }
      line = next + 1;
    }
    return null;
  }

  private static final byte[][] NGINX = {Detector.ascii("proxy_set_header "), Detector.ascii("add_header "),
      Detector.ascii("grpc_set_header "), Detector.ascii("fastcgi_param "), Detector.ascii("uwsgi_param "),
      Detector.ascii("set $"),
      // Apache httpd: RequestHeader set api-key "…", SetEnv DB_PASSWORD …
      Detector.ascii("RequestHeader set "), Detector.ascii("RequestHeader append "),
      Detector.ascii("RequestHeader add "), Detector.ascii("Header set "), Detector.ascii("SetEnv ")};
  /** {@link #NGINX} by the byte before their trailing blank ({@code $} for {@code set $}): one short list per name. */
  private static final byte[][][] NGINX_BY_LAST = new byte[256][][];

  static {
    java.util.Map<Integer, java.util.List<byte[]>> byLast = new java.util.HashMap<>();
    for (byte[] directive : NGINX) {
      byte end = directive[directive.length - 1];
      int key = end == '$' ? '$' : directive[directive.length - 2] & 0xff;
      byLast.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(directive);
    }
    for (int i = 0; i < 256; i++) {
      NGINX_BY_LAST[i] = byLast.getOrDefault(i, java.util.List.of()).toArray(new byte[0][]);
    }
  }

  /** Whether the name at {@code is} is the first argument of an nginx directive that takes a name and a value. */
  private static boolean nginxDirective(byte[] b, int is, int from) {
    if (is == from || (b[is - 1] != ' ' && b[is - 1] != '$')) {
      return false;
    }
    byte last = is - 2 >= from ? b[is - 2] : 0; // the directive's last letter, or the blank before "$"
    for (byte[] directive : NGINX_BY_LAST[b[is - 1] == '$' ? '$' : last & 0xff]) {
      int at = is - directive.length;
      if (at >= from && Bytes.startsWith(b, at, is, directive, false) && (at == from || !Bytes.is(b[at - 1], Bytes.IDENT))) {
        return true;
      }
    }
    return false;
  }

  private static final byte[][] FALLBACKS = {Detector.ascii("??"), Detector.ascii("||"), Detector.ascii(".orElse("),
      Detector.ascii(".unwrap_or("), Detector.ascii(".unwrap_or_else(|_| "), Detector.ascii(".or(")};

  /**
   * The literal a line falls back to when the environment has no value: {@code process.env.X || '…'},
   * {@code Environment.GetEnvironmentVariable("X") ?? "…"}, {@code $_ENV['X'] ?? '…'}, {@code
   * System.getenv("X")).orElse("…")}, {@code env::var("X").unwrap_or("…")}: the default is written in the code,
   * so it is a literal like any other. Looked for from {@code p} to the end of the line (at most 256 bytes).
   */
  static @Nullable Value fallback(byte[] b, int p, int to) {
    int end = Math.min(to, p + 256);
    for (int i = p; i < end && b[i] != '\n'; i++) {
      byte c = b[i];
      if (c != '?' && c != '|' && c != '.') {
        continue;
      }
      for (byte[] op : FALLBACKS) {
        if (Bytes.startsWith(b, i, to, op, false)) {
          int q = skipBlanks(b, i + op.length, to);
          return q < to && isQuote(b[q]) ? quoted(b, q, to) : null;
        }
      }
    }
    return null;
  }

  /** What turns a string literal into a string or a secret's type without changing it: String::from("…"). */
  private static final byte[] NEW = Detector.ascii("new ");
  private static final WordSet CONVERSIONS = new WordSet("from", "new", "valueOf", "String", "str", "Some", "Ok",
      "SecretStr", "SecretString", "SecretBytes", "Secret", "Zeroizing", "of", "SecureString", "NSString");

  /**
   * The literal an expression only converts, from {@code p}: {@code String::from("…")}, {@code
   * SecretString::new("…".into())}, {@code Some(String::from("…"))}, {@code new String("…")}, {@code
   * String.valueOf("…")}, {@code Optional.of("…")}. Null for any other call, whose argument is a name or a path
   * ({@code os.getenv("KEY")}), and for anything else.
   */
  static @Nullable Value converted(byte[] b, int p, int to) {
    int q = Bytes.startsWith(b, p, to, NEW, false) ? p + NEW.length : p;
    for (int calls = 0; calls < 3; calls++) {
      int s = q;
      while (q < to && q - s < 64 && (Bytes.is(b[q], Bytes.ALNUM | Bytes.UNDERSCORE | Bytes.DOT) || b[q] == ':')) {
        q++;
      }
      int last = q;
      while (last > s && Bytes.is(b[last - 1], Bytes.ALNUM | Bytes.UNDERSCORE)) {
        last--;
      }
      if (last == q || q + 1 >= to || b[q] != '(' || !CONVERSIONS.contains(b, last, q)) {
        return null;
      }
      q++;
      if (isQuote(b[q])) {
        Value literal = quoted(b, q, to);
        int after = literal == null ? to : literal.end() + 1;
        return after < to && (b[after] == ')' || b[after] == '.') ? literal : null;
      }
    }
    return null;
  }

  private static final byte[] NAME = Detector.ascii("name");
  private static final byte[] KEY = Detector.ascii("key");
  private static final byte[] VALUE = Detector.ascii("value");

  /**
   * A value whose name is itself the value of a {@code name} or {@code key}: Kubernetes' and Compose's env lists
   * ({@code - name: DATADOG_API_KEY} with {@code value: …} on the next line), the JSON pairs of Postman and many a
   * tool ({@code {"key": "api_key", "value": "…"}}), Android's string resources ({@code <string
   * name="api_key">…</string>}). Null when {@code b[is, ie)} is not such a name.
   */
  static @Nullable Value sibling(byte[] b, int is, int ie, int from, int to) {
    int q = is;
    byte quote = q > from && isQuote(b[q - 1]) ? b[q - 1] : 0;
    if (quote != 0) {
      q--;
    }
    while (q > from && (b[q - 1] == ' ' || b[q - 1] == '\t')) {
      q--;
    }
    if (q - 1 <= from || (b[q - 1] != ':' && b[q - 1] != '=')) {
      return null; // the common case, cheaply: no "name:" or "key=" before the name
    }
    byte op = b[q - 1];
    int we = q - 1;
    if (we > from && isQuote(b[we - 1])) {
      we--;
    }
    int ws = we;
    while (ws > from && we - ws < KEY_NAME.length && Bytes.is(b[ws - 1], Bytes.UPPER | Bytes.LOWER)) {
      ws--;
    }
    boolean keyName = we - ws == KEY_NAME.length && Bytes.startsWith(b, ws, we, KEY_NAME, false); // Azure's key listings
    ws = keyName ? ws : Math.max(ws, we - 5); // otherwise as before: a name, key of exactly four or three letters
    boolean named = we - ws == 4 && Bytes.startsWith(b, ws, we, NAME, true) // CloudFormation's - Name: … Value: …
        || we - ws == LABEL.length && Bytes.startsWith(b, ws, we, LABEL, false) && quote != 0; // 1Password's "label"
    if (!named && !keyName && !(we - ws == 3 && Bytes.startsWith(b, ws, we, KEY, true))) {
      return null;
    }
    int p = ie;
    if (quote != 0) {
      if (p >= to || b[p] != quote) {
        return null;
      }
      p++;
    }
    if (op == '=' && named && quote != 0 && p < to && b[p] == '>') { // <string name="api_key">…</string>
      int close = p + 1;
      while (close < to && close - p <= MAX && b[close] != '<' && b[close] != '\n') {
        close++;
      }
      return close < to && b[close] == '<' && close > p + 1 ? new Value(p + 1, close, true, false) : null;
    }
    int c = quote != 0 && op == ':' ? skipSpace(b, p, to) : to;
    if (c < to && b[c] == ',') { // {"key": "api_key", "value": "…"}
      int v = skipSpace(b, c + 1, to);
      // {"keyName": "key1", "permissions": "FULL", "value": "…"}: a member or two of plain words between them
      for (int skipped = 0; keyName && skipped < 2 && v < to && isQuote(b[v])
          && !Bytes.startsWith(b, v + 1, to, VALUE, true); skipped++) {
        Value member = quoted(b, v, to);
        int colon = member == null ? to : skipSpace(b, member.end() + 1, to);
        Value word = colon < to && b[colon] == ':' ? quotedAt(b, skipSpace(b, colon + 1, to), to) : null;
        int comma = word == null ? to : skipSpace(b, word.end() + 1, to);
        if (comma >= to || b[comma] != ',') {
          return null;
        }
        v = skipSpace(b, comma + 1, to);
      }
      if (v + VALUE.length + 2 >= to || !isQuote(b[v]) || !Bytes.startsWith(b, v + 1, to, VALUE, true)
          || b[v + 1 + VALUE.length] != b[v]) {
        return null;
      }
      int colon = skipSpace(b, v + VALUE.length + 2, to);
      if (colon >= to || b[colon] != ':') {
        return null;
      }
      int vs = skipSpace(b, colon + 1, to);
      return vs < to && isQuote(b[vs]) ? quoted(b, vs, to) : null;
    }
    if (op != ':' || !named) {
      return null;
    }
    int eol = skipBlanks(b, p, to); // - name: DATADOG_API_KEY, then value: on the next line
    if (eol < to && b[eol] == '\r') {
      eol++;
    }
    if (eol >= to || b[eol] != '\n') {
      return null;
    }
    int v = skipBlanks(b, eol + 1, to);
    if (!Bytes.startsWith(b, v, to, VALUE, true) || v + VALUE.length >= to || b[v + VALUE.length] != ':') {
      return null;
    }
    int vs = skipBlanks(b, v + VALUE.length + 1, to);
    if (vs >= to) {
      return null;
    }
    if (isQuote(b[vs])) {
      return quoted(b, vs, to);
    }
    int ve = vs;
    while (ve < to && ve - vs < MAX && b[ve] != '\n' && b[ve] != '\r' && !(b[ve] == '#' && b[ve - 1] == ' ')) {
      ve++;
    }
    while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
      ve--;
    }
    return ve > vs && ve - vs < MAX ? new Value(vs, ve, false, true) : null; // YAML's plain scalar: literal text
  }

  /** The string literal whose opening quote is at {@code p}, or null. */
  static @Nullable Value quoted(byte[] b, int p, int to) {
    byte quote = b[p];
    int close = p + 1;
    while (close < to && close - p < MAX && b[close] != quote && b[close] != '\n') {
      close += b[close] == '\\' ? 2 : 1;
    }
    return close < to && b[close] == quote && close > p + 1 ? new Value(p + 1, close, true, false) : null;
  }

  private static final byte[][] TYPES = {Detector.ascii("string"), Detector.ascii("str"), Detector.ascii("[]byte"),
      Detector.ascii("&str"), Detector.ascii("&'static")};

  /** Whether {@code b[from, to)} is a header scheme (the blank after it at {@code to}): Keyword's list. */
  private static boolean isScheme(byte[] b, int from, int to) {
    return Keyword.onlyScheme(b, from, to + 1);
  }

  private static final byte[] PASSWORD = Detector.ascii("password");
  private static final byte[] DEFAULT = Detector.ascii("default");
  private static final WordSet NETRC_NAMES = new WordSet("machine", "login", "account");

  /**
   * {@code machine host login me password VALUE}: .netrc separates names and values by blanks and
   * newlines, so the word before {@code password} is {@code default} or the value of another netrc
   * keyword ({@code machine}, {@code login}, {@code account}). Two words back, not a search: prose
   * says "invalid password for" on every other line of code.
   */
  private static boolean netrc(byte[] b, int is, int ie, int from, int to) {
    if (ie >= to || b[ie] != ' ' || (is > from && !Bytes.is(b[is - 1], Bytes.SPACE))
        || ie - is != PASSWORD.length || !Bytes.startsWith(b, is, ie, PASSWORD, false)) {
      return false; // the one .netrc keyword that holds a secret; code says "password != null"
    }
    int valueEnd = wordEndBefore(b, is, from);
    int valueStart = wordStart(b, valueEnd, from);
    if (valueStart == valueEnd) {
      return false;
    }
    if (valueEnd - valueStart == DEFAULT.length && Bytes.startsWith(b, valueStart, valueEnd, DEFAULT, false)) {
      return true;
    }
    int nameEnd = wordEndBefore(b, valueStart, from);
    int nameStart = wordStart(b, nameEnd, from);
    return nameStart < nameEnd && NETRC_NAMES.contains(b, nameStart, nameEnd)
        && Bytes.is(b[nameStart], Bytes.LOWER); // the keywords are lower case
  }

  /** The end of the word before {@code p}: back over blanks and newlines (at most 64). */
  private static int wordEndBefore(byte[] b, int p, int from) {
    int q = p;
    while (q > from && p - q < 64 && Bytes.is(b[q - 1], Bytes.SPACE)) {
      q--;
    }
    return q;
  }

  /** The start of the word that ends at {@code end} (at most 256 bytes back). */
  private static int wordStart(byte[] b, int end, int from) {
    int q = end;
    while (q > from && end - q < 256 && !Bytes.is(b[q - 1], Bytes.SPACE)) {
      q--;
    }
    return q;
  }

  /** Position after an assignment operator at {@code p}, or -1. */
  private static int operator(byte[] b, int p, int to) {
    byte c = b[p];
    byte next = p + 1 < to ? b[p + 1] : 0;
    if (c == '=') {
      return next == '=' ? -1 : next == '>' ? p + 2 : p + 1;
    }
    if (c == '<' && next == '-' && p + 2 < to && b[p + 2] != '-') { // R's assignment, key <- "…" (not <--)
      return p + 2;
    }
    if (c == '.' && next == '=') { // PHP .=
      return p + 2;
    }
    if (c == ':') {
      if (next == ':') { // Makefile ::= and :::=, not C++ ::
        int q = p;
        while (q < to && q - p < 3 && b[q] == ':') {
          q++;
        }
        return q < to && b[q] == '=' ? q + 1 : -1;
      }
      int q = skipBlanks(b, next == '=' ? p + 2 : p + 1, to);
      int typeEnd = identifierEnd(b, q, to); // val password: String = "…"
      if (typeEnd > q) {
        int eq = skipBlanks(b, typeEnd, to);
        if (eq < to && b[eq] == '=' && (eq + 1 >= to || b[eq + 1] != '=')) {
          return eq + 1;
        }
      }
      return next == '=' ? p + 2 : p + 1;
    }
    if ((c == '?' || c == '|' || c == '+') && next == '=') {
      return p + 2;
    }
    if ((c == '?' || c == '|') && next == c && p + 2 < to && b[p + 2] == '=') { // Ruby ||=, JS and C# ??=
      return p + 3;
    }
    int typeEnd = identifierEnd(b, p, to); // var token string = "…"
    if (typeEnd > p && isType(b, p, typeEnd)) {
      int eq = skipBlanks(b, typeEnd, to);
      if (eq < to && (b[eq] == '=' && (eq + 1 >= to || b[eq + 1] != '=') || b[eq] == ':' && eq + 1 < to && b[eq + 1] == '=')) {
        return b[eq] == ':' ? eq + 2 : eq + 1;
      }
    }
    return -1;
  }

  private static boolean isType(byte[] b, int from, int to) {
    for (byte[] type : TYPES) {
      if (type.length == to - from && Bytes.startsWith(b, from, to, type, true)) {
        return true;
      }
    }
    return false;
  }

  static boolean contains(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return true;
      }
    }
    return false;
  }

  static int skipSpace(byte[] b, int p, int to) {
    while (p < to && Bytes.is(b[p], Bytes.SPACE)) {
      p++;
    }
    return p;
  }

  private static int identifierEnd(byte[] b, int p, int to) {
    int q = p;
    while (q < to && q - p < 32 && (Bytes.is(b[q], Bytes.ALNUM | Bytes.UNDERSCORE) || b[q] == '[' || b[q] == ']' || b[q] == '&')) {
      q++;
    }
    return q;
  }

  static int skipBlanks(byte[] b, int p, int to) {
    while (p < to && (b[p] == ' ' || b[p] == '\t')) {
      p++;
    }
    return p;
  }

  static boolean isQuote(byte c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static boolean closes(byte c) {
    return c == ')' || c == ']' || c == '}';
  }

  private static boolean terminates(byte c) {
    switch (c) {
      case ' ': case '\t': case '\r': case '\n': case ';': case ',': case '"': case '\'': case '`': case ')':
      case ']': case '}': case '<': case '\\':
        return true;
      default:
        return false;
    }
  }
}
