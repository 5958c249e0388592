package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds secrets in bytes (SPEC §4): known formats, values assigned to secret-sounding names, and
 * credentials in URLs, headers and command lines.
 *
 * <p>One pass over the input: a 2-byte prefilter (a 64 Kbit table of case-folded byte pairs that
 * start any anchor or keyword, so nearly every position costs two table loads) finds candidate
 * positions; only there do hand-written matchers walk a bounded window. No regular expressions,
 * no conversion of the input to {@code String}; time is linear in the input on any input.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class Detector {
  /** How many levels of escaped quotes {@link #scanInto} looks through. */
  static final int MAX_ESCAPE_DEPTH = 4;
  private static final int MAX_IDENT = 96;
  private static final int MAX_VALUE = 4096;

  private final long[] pairBits = new long[1024];
  /** Per case-folded byte pair: the triggers whose rarest pair it is. */
  private final Trigger[][] triggers = new Trigger[65536][];
  /**
   * Second-stage filter, 64 Kbit keyed on a hash of a candidate pair and the case-folded byte
   * after it: set for every byte that may follow the pair in one of its triggers. 8 KiB, so it
   * stays in L1 where a per-pair table (one array per pair) cost a cache miss per candidate.
   */
  private final long[] tripleBits = new long[1024];
  private final List<PrefixRule> rules;
  /** The format rules' triggers by their literal's first byte: what a value that starts like a format is checked by. */
  private final Trigger[][] prefixTriggers = new Trigger[256][];
  private final List<CustomPattern> custom;

  /** What this detector finds, as text: equal for two detectors with the same rules and custom patterns. */
  private final String rulesId;

  private Detector(List<PrefixRule> rules, List<CustomPattern> custom) {
    this.rules = List.copyOf(rules);
    this.custom = List.copyOf(custom);
    StringBuilder id = new StringBuilder("built-in:").append(rules.size());
    for (CustomPattern p : custom) { // each field after its length: no name or regex can pass for another's
      String regex = p.pattern().pattern();
      id.append(';').append(p.name().length()).append(':').append(p.name()).append(p.category()).append(';')
          .append(regex.length()).append(':').append(regex).append(p.pattern().flags());
    }
    this.rulesId = id.toString();
    List<Trigger> all = new ArrayList<>();
    for (PrefixRule rule : rules) {
      all.add(new Trigger(rule.anchor, false, Kind.PREFIX, rule, null));
    }
    for (Trigger t : all) {
      int first = t.literal[0] & 0xff;
      Trigger[] same = prefixTriggers[first] == null ? new Trigger[0] : prefixTriggers[first];
      same = Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = t;
      prefixTriggers[first] = same;
    }
    for (Keyword keyword : Keyword.values()) {
      if (keyword == Keyword.STORAGE) {
        continue; // a kind of KEY name, found through KEY's trigger
      }
      all.add(new Trigger(keyword.literal, true, Kind.CONTEXT, null, keyword));
    }
    all.add(new Trigger(ascii("-----BEGIN "), false, Kind.PEM, null, null));
    all.add(new Trigger(ascii("eyJ"), false, Kind.JWT, null, null));
    all.add(new Trigger(ascii("://"), false, Kind.URL, null, null));
    all.add(new Trigger(ascii("bearer "), true, Kind.BEARER, null, null));
    all.add(new Trigger(ascii("basic "), true, Kind.BASIC, null, null));
    all.add(new Trigger(ascii("vault login "), false, Kind.VAULT_LOGIN, null, null));
    // names that end in _PAT (ASANA_PAT, AZURE_DEVOPS_PAT) hold tokens: "pat" alone would wake the context rule at
    // every "path", "_pat" stops at the identifier's end (_path) and leaves the name to Keyword.classify
    all.add(new Trigger(ascii("_pat"), true, Kind.CONTEXT, null, Keyword.TOKEN));
    // Django's session cookie (sessionid = '…' on its debug page, PHPSESSID, JSESSIONID): no other name's word in it
    all.add(new Trigger(ascii("sessionid"), true, Kind.CONTEXT, null, Keyword.COOKIE));
    all.add(new Trigger(ascii("jdbc:oracle:thin:"), true, Kind.ORACLE_THIN, null, null));
    all.add(new Trigger(ascii("@//"), false, Kind.EZCONNECT, null, null));
    all.add(new Trigger(ascii("@tcp("), false, Kind.GO_DSN, null, null));
    all.add(new Trigger(ascii("@unix("), false, Kind.GO_DSN, null, null));
    all.add(new Trigger(ascii("mysql"), false, Kind.MYSQL_CLI, null, null));
    all.add(new Trigger(ascii(" identified by "), true, Kind.IDENTIFIED_BY, null, null));
    all.add(new Trigger(ascii(" identified with "), true, Kind.IDENTIFIED_BY, null, null));
    all.add(new Trigger(ascii("convertto-securestring "), true, Kind.SECURE_STRING, null, null));
    all.add(new Trigger(ascii("htpasswd "), false, Kind.HTPASSWD, null, null));
    all.add(new Trigger(ascii("rclone config create "), false, Kind.COMMAND_PAIRS, null, null));
    all.add(new Trigger(ascii("rclone config update "), false, Kind.COMMAND_PAIRS, null, null));
    for (byte[] command : PASSWORD_FLAGS.keySet()) {
      all.add(new Trigger(command, false, Kind.LOGIN_CLI, null, null));
    }
    all.add(new Trigger(ECHO, false, Kind.ECHO, null, null));
    all.add(new Trigger(PLIST_KEY, false, Kind.PLIST, null, null));
    all.add(new Trigger(NAME_ELEMENT, false, Kind.NAMED_ELEMENT, null, null));
    all.add(new Trigger(ascii("set password for "), true, Kind.SET_PASSWORD, null, null));
    all.add(new Trigger(ascii(" pass:"), false, Kind.OPENSSL_PASS, null, null));
    all.add(new Trigger(JWK_KTY, false, Kind.JWK, null, null));
    all.add(new Trigger(TF_BCRYPT_HASH, false, Kind.TERRAFORM_PASSWORD, null, null));
    all.add(new Trigger(TABLE_RULE, false, Kind.TABLE, null, null));
    all.add(new Trigger(ascii("PuTTY-User-Key-File-"), false, Kind.PUTTY, null, null));
    all.add(new Trigger(SSH2_BEGIN, false, Kind.SSH2, null, null));
    all.add(new Trigger(ascii("LS0tLS1CRUdJTi"), false, Kind.BASE64_PEM, null, null));
    for (String flags : new String[] {" -u ", " -su ", " -ku ", " -sSu ", " -fsSu ", " -sku "}) { // curl's, alone or last
      all.add(new Trigger(ascii(flags), false, Kind.CURL_USER, null, null));
    }
    all.add(new Trigger(ascii("--user "), false, Kind.CURL_USER, null, null));
    // libcurl's option (CURLOPT_USERPWD, pycurl.USERPWD) and HAProxy's stats page: user:password, as curl -u takes it
    all.add(new Trigger(ascii("USERPWD, "), false, Kind.CURL_USER, null, null));
    all.add(new Trigger(ascii("stats auth "), false, Kind.CURL_USER, null, null));
    all.add(new Trigger(ascii(" insecure-password "), false, Kind.DIRECTIVE_PASSWORD, null, null)); // HAProxy's userlist
    all.add(new Trigger(ascii("secure_link_md5 "), false, Kind.SECURE_LINK, null, null)); // nginx's signed links
    all.add(new Trigger(ascii(" --password-stdin"), false, Kind.PASSWORD_STDIN, null, null)); // echo '…' | docker login
    all.add(new Trigger(ascii("snmp-server community "), false, Kind.DIRECTIVE_PASSWORD, null, null)); // Cisco IOS
    all.add(new Trigger(ascii(" on >"), false, Kind.DIRECTIVE_PASSWORD, null, null)); // Redis ACL: user app on >…
    all.add(new Trigger(ascii(" password 7 "), false, Kind.CISCO_TYPE7, null, null));
    all.add(new Trigger(ascii(" key 7 "), false, Kind.CISCO_TYPE7, null, null));
    all.add(new Trigger(ascii("| base64 -d"), false, Kind.DECODED, null, null)); // kubectl … -o jsonpath=… | base64 -d
    all.add(new Trigger(JSONPATH_DATA, false, Kind.ENCODED, null, null)); // … -o jsonpath='{.data.x}', printed as is
    all.add(new Trigger(ascii("-]{+"), false, Kind.WORD_DIFF, null, null)); // NAME=[-old-]{+new+} (git's word diff)
    all.add(new Trigger(ascii("| base64 --decode"), false, Kind.DECODED, null, null));
    all.add(new Trigger(ascii("data:"), false, Kind.KUBERNETES, null, null));
    all.add(new Trigger(ascii("Data:"), false, Kind.KUBERNETES, null, null)); // stringData: (KubernetesSecrets.scan)
    for (String port : new String[] {":5432:", ":6432:", ":*:"}) { // PostgreSQL's, PgBouncer's, any
      all.add(new Trigger(ascii(port), false, Kind.PGPASS, null, null));
    }
    for (String scheme : HASH_LINE_SCHEMES) {
      all.add(new Trigger(ascii(":" + scheme), false, Kind.HASH_LINE, null, null));
    }
    for (String join : new String[] {"\" + \"", "' + '", "\" . \"", "' . '", "\"+\"", "'+'", "\".\"", "'.'",
        "\" +\n", "' +\n", "\" .\n", "' .\n",
        // the operator or nothing at the next line's start, as Java and Python indent them
        "\"\n    \"", "\"\n        \"", "\"\n    + \"", "\"\n        + \"", "\"\n            + \""}) {
      all.add(new Trigger(ascii(join), false, Kind.CONCATENATION, null, null)); // "ghp_" + "…" (Literals.chain)
    }
    for (String array : new String[] {"byte[]{", "byte[] {", "[]byte{", "bytes([", "bytearray([", "fromCharCode(",
        "byteArrayOf(", "Buffer.from([", "Uint8Array([", "char[]{", "char[] {"}) {
      all.add(new Trigger(ascii(array), false, Kind.CODES, null, null)); // bytes([103, 104, …]) (Literals.codes)
    }
    for (Calls.Call call : Calls.CALLS) {
      all.add(new Trigger(call.literal(), false, Kind.CALL, null, null)); // new PDO($dsn, 'shop', '…')
    }
    all.add(new Trigger(ascii("10."), false, Kind.PRIVATE_IP, null, null));
    all.add(new Trigger(ascii("172."), false, Kind.PRIVATE_IP, null, null));
    all.add(new Trigger(ascii("192.168."), false, Kind.PRIVATE_IP, null, null));
    for (ForeignNames.Name name : ForeignNames.names()) { // Das Passwort lautet …, 密码：…, API 키는 … 입니다, db_senha
      all.add(new Trigger(name.literal(), true, Kind.FOREIGN, null, name.kind()));
    }
    List<List<Trigger>> buckets = new ArrayList<>();
    for (int i = 0; i < 65536; i++) {
      buckets.add(null);
    }
    for (Trigger trigger : all) {
      // Key each literal on its rarest byte pair, not its first: "password" on "sw", not "pa".
      // Fewer positions pass the first test, and the branch that guards the rest mispredicts less.
      int pair = pairKey(trigger.literal[trigger.offset], trigger.literal[trigger.offset + 1]);
      pairBits[pair >>> 6] |= 1L << pair;
      if (buckets.get(pair) == null) {
        buckets.set(pair, new ArrayList<>());
      }
      buckets.get(pair).add(trigger);
    }
    for (int i = 0; i < 65536; i++) {
      if (buckets.get(i) != null) {
        triggers[i] = buckets.get(i).toArray(new Trigger[0]);
        for (Trigger t : triggers[i]) {
          int next = t.offset + 2;
          if (next >= t.literal.length) {
            // The pair ends the literal: what may follow is a format's first byte (AC + hex: a lower-case hex
            // digit, which keeps "cache" and "local" out), or anything for the other kinds.
            for (int c = 0; c < 256; c++) {
              if (t.rule == null || t.rule.mayFollowAnchor((byte) c)) {
                int h = tripleKey(i, (c | 0x20) & 0xff);
                tripleBits[h >>> 6] |= 1L << h;
              }
            }
          } else {
            int h = tripleKey(i, (t.literal[next] | 0x20) & 0xff);
            tripleBits[h >>> 6] |= 1L << h;
          }
        }
      }
    }
  }

  /**
   * Whether the rule finds keys that are public by design (a Stripe publishable key): tokenized by
   * the gateway, but not reported by {@code scan} unless asked.
   */
  public static boolean publicByDesign(String ruleId) {
    return Rules.PUBLIC_BY_DESIGN.contains(ruleId);
  }

  private static final java.util.Set<String> CONTEXT_RULES = java.util.Set.of("bearer-token", "cli-credentials",
      "connection-string", "kubernetes-secret", "url-credentials", "vault-service-token", "pgpass-password",
      "password-hash-line", "jwk-private-key", "terraform-random-password", "cisco-type7-password");

  /**
   * Whether the rule finds its secrets only by what surrounds them (a name, a header scheme, a flag, a URL's
   * userinfo): the same bytes elsewhere are no finding. Format rules, JWTs, PEM blocks, private IPs and custom
   * patterns find their bytes wherever they are (unless glued to a word).
   */
  public static boolean needsContext(String ruleId) {
    return ruleId.startsWith("context-") || CONTEXT_RULES.contains(ruleId);
  }

  /**
   * What this detector finds, as text (its built-in rules and its custom patterns): two detectors with the
   * same id give the same findings for the same bytes, so findings remembered under it stay valid across
   * config versions that did not change the patterns.
   */
  public String rulesId() {
    return rulesId;
  }

  /** The detector with every built-in rule. */
  public static Detector builtIn() {
    return new Detector(Rules.builtIn(), List.of());
  }

  /** This detector plus an organization's custom patterns from policy. */
  public Detector withCustomPatterns(List<CustomPattern> patterns) {
    List<CustomPattern> all = new ArrayList<>(custom);
    all.addAll(patterns);
    return new Detector(rules, all);
  }

  /** Findings in {@code text[from, to)}, ordered by start, overlaps resolved. */
  public List<Finding> scan(byte[] text, int from, int to) {
    List<Finding> found = new ArrayList<>();
    scanInto(text, from, to, found);
    return resolve(found);
  }

  public List<Finding> scan(byte[] text) {
    return scan(text, 0, text.length);
  }

  /** Appends raw (unresolved) findings of {@code b[from, to)} to {@code out}. */
  void scanInto(byte[] b, int from, int to, List<Finding> out) {
    int first = out.size();
    List<int[]> glued = scanOnce(b, from, to, out);
    scanEscaped(b, from, to, out, 0);
    if (glued != null) {
      for (int[] g : glued) {
        gluedCopy(b, g[0], g[1], out, first);
      }
    }
  }

  /** Glued tokens remembered per scan, at most: a secret's copies in one prompt are few. */
  private static final int MAX_GLUED = 64;

  /**
   * A known format's token glued to a word ({@code …RAAKIAZ3MJJWQ5XLOPK7RAA…}) is no finding by itself, but when the
   * same bytes are a finding elsewhere in the scan it is that secret's copy, and it is found too: tokenized once, it
   * would otherwise go out beside its own token (a fuzz finding of 2026-12-06). Costs nothing unless a rule met a
   * whole glued token.
   */
  private static void gluedCopy(byte[] b, int start, int end, List<Finding> out, int first) {
    int len = end - start;
    for (int k = first, n = out.size(); k < n; k++) {
      Finding f = out.get(k);
      if (f.end() - f.start() == len && Arrays.equals(b, f.start(), f.end(), b, start, end)) {
        out.add(new Finding(start, end, f.category(), f.ruleId(), f.confidence()));
        return;
      }
    }
  }

  /**
   * Escaped quotes must not hide a name from its value (SPEC §4): a line that holds {@code \"} (JSON
   * or a shell string escaped once more, as a log line quoted into a tool result is) is also scanned
   * with one level of escapes undone, down to {@link #MAX_ESCAPE_DEPTH} levels, and what is found
   * there is mapped back to its raw bytes (the secret is those bytes). Overlaps with the findings of
   * the text as it is are resolved like any others.
   *
   * <p>Only such lines: a name and its value never span a newline of the level they are written at
   * (values end at one), and the rules that do span lines (PEM blocks) find their match at the level
   * as it is. Code quotes an escaped string on a few of its lines; decoding and rescanning all of it
   * for one of them doubled the cost of every prompt that held one.
   */
  private void scanLevel(byte[] b, int from, int to, List<Finding> out, int depth) {
    scanOnce(b, from, to, out);
    scanEscaped(b, from, to, out, depth);
  }

  /** The lines of {@code b[from, to)} that hold an escaped quote, scanned one escape level down (scanLevel). */
  private void scanEscaped(byte[] b, int from, int to, List<Finding> out, int depth) {
    if (depth >= MAX_ESCAPE_DEPTH) {
      return;
    }
    for (int q = escapedQuote(b, from, to); q < to; ) {
      int lineStart = q;
      while (lineStart > from && b[lineStart - 1] != '\n') {
        lineStart--;
      }
      int lineEnd = ByteScan.newline(b, q, to);
      JsonScanner.Decoded d = JsonScanner.decode(b, lineStart, lineEnd);
      List<Finding> inner = new ArrayList<>();
      scanLevel(d.bytes, 0, d.length, inner, depth + 1);
      for (Finding f : inner) {
        // The value is the text at this level, escapes and all: what a rehydrator puts back must be
        // the bytes that were there, and only the JSON strings around them are its to re-escape.
        out.add(new Finding(d.raw(f.start()), d.raw(f.end()), f.category(), f.ruleId(), f.confidence()));
      }
      q = escapedQuote(b, lineEnd, to);
    }
  }

  /** Index of the first backslash before a {@code "} in {@code b[from, to)}, or {@code to}. */
  private static int escapedQuote(byte[] b, int from, int to) {
    for (int i = ByteScan.backslash(b, from, to); i < to - 1; i = ByteScan.backslash(b, i + 2, to)) {
      if (b[i + 1] == '"') {
        return i;
      }
    }
    return to;
  }

  /** The rules over {@code b[from, to)} as it is; returns the whole tokens glued to a word it met, or null. */
  private @Nullable List<int[]> scanOnce(byte[] b, int from, int to, List<Finding> out) {
    List<int[]> glued = scanBuiltIn(b, from, to, out, true);
    scanCustom(b, from, to, out);
    return glued;
  }

  private void scanCustom(byte[] b, int from, int to, List<Finding> out) {
    for (CustomPattern pattern : custom) {
      BudgetedBytes text = new BudgetedBytes(b, from, to, pattern.name());
      java.util.regex.Matcher m = pattern.pattern().matcher(text);
      while (m.find()) {
        if (m.end() > m.start()) {
          out.add(new Finding(from + m.start(), from + m.end(), pattern.category(), pattern.name(), 0.9));
        }
      }
    }
  }

  /**
   * The input as ISO-8859-1 characters for custom regexes, without copying it, counting every
   * character the regex engine reads: past 256 reads per byte (plus a floor) the pattern is
   * backtracking catastrophically and the scan fails rather than hang an event loop.
   */
  private static final class BudgetedBytes implements CharSequence {
    private final byte[] b;
    private final int from;
    private final int to;
    private final String pattern;
    private final long[] reads;
    private final long budget;

    BudgetedBytes(byte[] b, int from, int to, String pattern) {
      this(b, from, to, pattern, new long[1], 256L * (to - from) + 1_000_000L);
    }

    private BudgetedBytes(byte[] b, int from, int to, String pattern, long[] reads, long budget) {
      this.b = b;
      this.from = from;
      this.to = to;
      this.pattern = pattern;
      this.reads = reads;
      this.budget = budget;
    }

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      if (++reads[0] > budget) {
        throw new PatternBudgetExceeded(pattern);
      }
      return (char) (b[from + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BudgetedBytes(b, from + start, from + end, pattern, reads, budget);
    }

    @Override
    public String toString() {
      return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Appends the built-in rules' findings; returns the whole tokens glued to a word it met (start, end), or null.
   * {@code expressions}: whether joined literals and character codes are read (not in what they spell: one level).
   */
  private @Nullable List<int[]> scanBuiltIn(byte[] b, int from, int to, List<Finding> out, boolean expressions) {
    List<int[]> glued = null;
    long[] bits = pairBits;
    int lastIdentEnd = -1;
    int pemEnd = -1; // where the next "-----END " is (or to, when none): searched once per run of keys
    int longRunEnd = -1; // where the run of bytes a long format's anchor began ends (PrefixRule.longMask)
    int last = to - 1;
    if (from >= last) {
      return null;
    }
    // The hot loop: one 16-bit load, an OR that folds ASCII case (it also merges a few symbol
    // pairs such as '@' and '`': a rare extra candidate the exact check below throws out), and
    // one bit test in an 8 KiB table.
    for (int i = from; i < last; i++) {
      int pair = ((short) PAIR.get(b, i) | 0x2020) & 0xffff;
      if ((bits[pair >>> 6] & (1L << pair)) == 0) {
        continue;
      }
      if (i + 2 < to) {
        int h = tripleKey(pair, (b[i + 2] | 0x20) & 0xff);
        if ((tripleBits[h >>> 6] & (1L << h)) == 0) {
          continue;
        }
      }
      for (Trigger t : triggers[pair]) {
        int at = i - t.offset;
        if (at < from || !t.at(b, at, to)) {
          continue;
        }
        int end;
        switch (t.kind) {
          case PREFIX: {
            PrefixRule rule = requireNonNull(t.rule); // a PREFIX trigger has its rule
            if (rule.longMask != 0) {
              if (at < longRunEnd) {
                break; // inside a run of a long format's bytes already read from an earlier anchor
              }
              longRunEnd = at + rule.anchor.length;
              while (longRunEnd < to && longRunEnd - at <= MAX_LONG_RUN && Bytes.is(b[longRunEnd], rule.longMask)) {
                longRunEnd++;
              }
            }
            end = rule.match(b, at, from, to);
            if (end > 0) {
              out.add(new Finding(rule.start(b, at, from), end, rule.category, rule.id, rule.confidence));
            } else if (end < -1 && (glued == null || glued.size() < MAX_GLUED)) {
              glued = glued == null ? new ArrayList<>() : glued;
              glued.add(new int[] {rule.start(b, at, from), PrefixRule.gluedEnd(end)});
            }
            break;
          }
          case CONTEXT:
            lastIdentEnd = context(b, at, t.literal.length, from, to, requireNonNull(t.keyword), lastIdentEnd, out);
            break;
          default:
            pemEnd = structure(t, b, at, from, to, pemEnd, expressions, out);
            break;
        }
      }
    }
    return glued;
  }

  /**
   * The triggers of structures (PEM blocks, JWTs, URLs, schemes, credential files' lines…): rare next to format
   * anchors and names, so kept out of the hot loop's method, which stays small enough to compile well. Returns
   * where the next {@code -----END } is, for PEM runs.
   */
  private int structure(Trigger t, byte[] b, int at, int from, int to, int pemEnd, boolean expressions,
      List<Finding> out) {
    switch (t.kind) {
      case PEM:
        return pem(b, at, to, pemEnd, out);
      case JWT:
        jwt(b, at, from, to, out);
        break;
      case URL:
        urlCredentials(b, at, from, to, out);
        break;
      case BEARER:
        bearer(b, at, from, to, out);
        break;
      case BASIC:
        basic(b, at, from, to, out);
        break;
      case VAULT_LOGIN:
        vaultLogin(b, at + t.literal.length, to, out);
        break;
      case ORACLE_THIN:
        oracleThin(b, at + t.literal.length, to, out);
        break;
      case MYSQL_CLI:
        mysqlPassword(b, at, from, to, out);
        break;
      case IDENTIFIED_BY:
        identifiedBy(b, at + t.literal.length, to, out);
        break;
      case SECURE_STRING:
        secureString(b, at + t.literal.length, to, out);
        break;
      case HTPASSWD:
        htpasswd(b, at + t.literal.length, to, out);
        break;
      case COMMAND_PAIRS:
        commandPairs(b, at + t.literal.length, to, out);
        break;
      case LOGIN_CLI:
        loginPassword(b, at + t.literal.length, requireNonNull(PASSWORD_FLAGS.get(t.literal)), to, out);
        break;
      case PUTTY:
        putty(b, at, to, out);
        break;
      case ECHO:
        echoed(b, at + t.literal.length, to, out);
        break;
      case PLIST:
        plistEntry(b, at + t.literal.length, to, out);
        break;
      case NAMED_ELEMENT:
        namedElement(b, at + t.literal.length, to, NAME_ELEMENT_END, true, out);
        break;
      case SET_PASSWORD:
        setPassword(b, at + t.literal.length, to, out);
        break;
      case OPENSSL_PASS:
        opensslPass(b, at, from, to, out);
        break;
      case JWK:
        jwk(b, at, from, to, out);
        break;
      case TERRAFORM_PASSWORD:
        terraformPassword(b, at, from, to, out);
        break;
      case TABLE:
        table(b, at, from, to, out);
        break;
      case CONCATENATION:
        if (expressions) {
          spelled(Literals.chain(b, at, from, to), out);
        }
        break;
      case CALL:
        credentialArgument(b, at, from, to, Calls.of(t.literal), out);
        break;
      case CODES:
        if (expressions) {
          spelled(Literals.codes(b, at + t.literal.length, to), out);
        }
        break;
      case SSH2:
        ssh2(b, at, to, out);
        break;
      case BASE64_PEM:
        base64Pem(b, at, from, to, out);
        break;
      case DIRECTIVE_PASSWORD:
        directivePassword(b, at + t.literal.length, to, out);
        break;
      case ENCODED:
        encodedSecret(b, at, to, out);
        break;
      case WORD_DIFF:
        wordDiffNew(b, at, from, to, out);
        break;
      case DECODED:
        decodedSecret(b, at, at + t.literal.length, from, to, out);
        break;
      case CISCO_TYPE7:
        ciscoType7(b, at + t.literal.length, to, out);
        break;
      case CURL_USER:
        curlUser(b, at, t.literal.length, to, out);
        break;
      case SECURE_LINK:
        secureLink(b, at + t.literal.length, to, out);
        break;
      case PASSWORD_STDIN:
        passwordStdin(b, at, from, out);
        break;
      case PRIVATE_IP:
        privateIp(b, at, from, to, out);
        break;
      case KUBERNETES:
        KubernetesSecrets.scan(b, at, from, to, out);
        break;
      case PGPASS:
        pgpass(b, at, t.literal.length, from, to, out);
        break;
      case HASH_LINE:
        hashLine(b, at, from, to, out);
        break;
      case EZCONNECT:
        easyConnect(b, at, from, out);
        break;
      case GO_DSN:
        goDsn(b, at, from, out);
        break;
      case FOREIGN:
        if (Bytes.all(t.literal, 0, t.literal.length, Bytes.LOWER)) { // db_senha = "…": a name in code, too
          context(b, at, t.literal.length, from, to, requireNonNull(t.keyword), -1, out);
        }
        foreign(b, at, at + t.literal.length, from, to, requireNonNull(t.keyword), out);
        break;
      default:
        throw new IllegalStateException("trigger kind " + t.kind);
    }
    return pemEnd;
  }

  /** A credential a call takes by position ({@link Calls}), judged as its parameter's kind of name would judge it. */
  private void credentialArgument(byte[] b, int at, int from, int to, Calls.Call call, List<Finding> out) {
    Value value = Calls.secretArgument(b, at, from, to, call);
    if (value != null && call.kind().accepts(b, value.start(), value.end(), true, false)
        && !failedKnownFormat(b, value.start(), value.end())) {
      out.add(call.kind().finding(value.start(), value.end()));
    }
  }

  /**
   * The findings in what an expression spells ({@link Literals}), at the raw bytes that spell them: a key split into
   * joined literals ({@code "sk-ant-" + "api03-…"} as one finding from its first piece to its last, the operators
   * between: a token replaces them and puts them back as they were) or spelled as character codes. A random string
   * spelled in codes and found by no rule is judged as a secret's value: nobody spells a word that way to hide
   * nothing, and binary data is no printable string (a test vector of sixteen random bytes is printable once in ten
   * million).
   */
  private void spelled(Literals.@Nullable Spelled expression, List<Finding> out) {
    if (expression == null) {
      return;
    }
    byte[] text = expression.text();
    List<Finding> inner = new ArrayList<>();
    scanBuiltIn(text, 0, text.length, inner, false);
    scanCustom(text, 0, text.length, inner);
    if (inner.isEmpty() && !expression.joins() && Keyword.SECRET.accepts(text, 0, text.length, true, false)) {
      inner.add(Keyword.SECRET.finding(0, text.length));
    }
    for (Finding f : inner) {
      int start = expression.starts()[f.start()];
      int end = expression.ends()[f.end() - 1];
      if (!expression.joins() || end - start > f.length()) { // within one literal: the plain scan's finding
        out.add(new Finding(start, end, f.category(), f.ruleId(), f.confidence()));
      }
    }
  }

  /** Little-endian 16-bit view of a byte array: the byte at i in the low half, i + 1 in the high. */
  private static final java.lang.invoke.VarHandle PAIR =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The second stage's 16-bit key for a folded pair and the folded byte after it. */
  private static int tripleKey(int pair, int next) {
    return (pair * 31 + next * 0x9b) & 0xffff;
  }

  /** The prefilter's key for the pair {@code a b}, folded as the hot loop folds it. */
  private static int pairKey(byte a, byte b) {
    return (((b | 0x20) & 0xff) << 8) | ((a | 0x20) & 0xff);
  }

  /**
   * Keeps the longest finding where findings overlap; at equal length the more specific one (a
   * known format over context). Input order does not matter; output is ordered by start.
   */
  static List<Finding> resolve(List<Finding> found) {
    if (found.size() <= 1) {
      return found;
    }
    // Ranked once each (a rule's specificity is a string comparison: per comparison it was a tenth of a dump's scan)
    Ranked[] byPreference = new Ranked[found.size()];
    for (int i = 0; i < byPreference.length; i++) {
      Finding f = found.get(i);
      byPreference[i] = new Ranked((long) f.length() << 2 | specificity(f), f);
    }
    Arrays.sort(byPreference, RANKED);
    // The kept findings never overlap, so ordered by start their ends are ordered too: a candidate overlaps one of
    // them only if it overlaps the last that starts at or before it or the first that starts after it. (A list
    // searched from its start made a text with many findings quadratic: 10 µs per line of 12,000 keys.)
    TreeMap<Integer, Finding> kept = new TreeMap<>();
    for (Ranked r : byPreference) {
      Finding f = r.finding();
      Map.Entry<Integer, Finding> before = kept.floorEntry(f.start());
      Map.Entry<Integer, Finding> after = kept.higherEntry(f.start());
      if ((before == null || before.getValue().end() <= f.start()) && (after == null || after.getKey() >= f.end())) {
        kept.put(f.start(), f);
      }
    }
    return new ArrayList<>(kept.values());
  }

  /** A finding and its rank: longer first, then the more specific. */
  private record Ranked(long rank, Finding finding) {}

  /** By rank, highest first, then by start. */
  private static final Comparator<Ranked> RANKED = (a, b) -> a.rank != b.rank ? Long.compare(b.rank, a.rank)
      : Integer.compare(a.finding.start(), b.finding.start());

  /** Context findings lose to generic shapes (bearer, IP), which lose to named formats. */
  private static int specificity(Finding f) {
    String id = f.ruleId();
    if (id.startsWith("context-")) {
      return 0;
    }
    return id.equals("private-ip") || id.equals("bearer-token") || id.equals("cli-credentials") ? 1 : 2;
  }

  // --- context: values assigned to secret-sounding names -----------------------------------

  /** Whether a name with two dots or more (a translation's key) holds words: a locale file's string. */
  private static boolean i18nString(byte[] b, int is, int ie, Value value) {
    int dots = 0;
    for (int i = is; i < ie; i++) {
      dots += b[i] == '.' ? 1 : 0;
    }
    return dots >= 2 && Value.contains(b, value.start(), value.end(), (byte) ' ');
  }

  private static final byte[] AUTH = ascii("auth");

  /** PowerShell's environment drive and scopes: {@code $env:OPENAI_API_KEY}, {@code $Script:DatadogApiKey}. */
  private static final WordSet POWERSHELL_SCOPES = new WordSet("env", "script", "global", "local", "private", "using");

  /**
   * Whether the name at {@code is} follows a PowerShell drive or scope ({@code $env:X = "…"}, {@code $Script:X = '…'}):
   * a variable's name, not a colon chain's segment.
   */
  private static boolean powershellScope(byte[] b, int is, int from) {
    int s = is - 1;
    while (s > from && is - s <= 8 && Bytes.is(b[s - 1], Bytes.UPPER | Bytes.LOWER)) {
      s--;
    }
    return s > from && scopePrefix(b, s - 1, is - 1);
  }

  /** Whether {@code b[dollar, colon]} is {@code $scope:} of a PowerShell drive or scope ({@code $env:}, {@code $Script:}). */
  static boolean scopePrefix(byte[] b, int dollar, int colon) {
    return b[dollar] == '$' && b[colon] == ':' && POWERSHELL_SCOPES.contains(b, dollar + 1, colon);
  }

  /**
   * Whether the identifier {@code b[is, ie)} is a run of base64 (both cases and digits, no separator, a case change
   * every few bytes), not a name: names join words with {@code _}, {@code -}, {@code .} or humps of lower case.
   */
  private static boolean base64Run(byte[] b, int is, int ie) {
    int upper = 0;
    int digits = 0;
    int changes = 0;
    for (int i = is; i < ie; i++) {
      byte c = b[i];
      if (c == '_' || c == '-' || c == '.') {
        return false;
      }
      upper += Bytes.is(c, Bytes.UPPER) ? 1 : 0;
      digits += Bytes.is(c, Bytes.DIGIT) ? 1 : 0;
      changes += i > is && Bytes.is(c, Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.UPPER | Bytes.DIGIT) ? 1 : 0;
    }
    return digits > 0 && upper * 4 >= ie - is && changes * 8 >= ie - is;
  }

  /** Returns the end of the identifier it looked at, so one identifier is judged once. */
  private int context(byte[] b, int at, int literalLength, int from, int to, Keyword keyword, int lastIdentEnd,
      List<Finding> out) {
    int ie = at + literalLength;
    while (ie < to && ie - at < MAX_IDENT && Bytes.is(b[ie], Bytes.IDENT)) {
      ie++;
    }
    if (ie - at == MAX_IDENT && ie < to && Bytes.is(b[ie], Bytes.IDENT)) {
      return ie; // an identifier longer than any name (an MSAL cache's key of ids and a URL), not a name
    }
    if (ie == lastIdentEnd) {
      return lastIdentEnd;
    }
    // "… is the Datadog application key, expires …": a clause that gave the value before the name ends at a comma
    boolean clauseEnds = ie >= to || b[ie] == ',';
    if (!clauseEnds && ie - at < MAX_IDENT && !Bytes.is(b[ie], Bytes.AFTER_NAME) && b[ie] != '\n' && b[ie] != '\r'
        && !(b[ie] == '(' && ie + 1 < to && (b[ie + 1] == '"' || b[ie + 1] == '\''))
        && !(b[ie] == '}' && ie + 1 < to && (b[ie + 1] == ' ' || b[ie + 1] == '=')) && b[ie] >= 0) {
      return ie; // getToken(, keys.size(), secret) : no value can follow (Value.after would say null)
    }
    int is = at;
    while (is > from && at - is < MAX_IDENT && Bytes.is(b[is - 1], Bytes.IDENT)
        && !(b[is - 1] == 'n' && is - 2 >= from && b[is - 2] == '\\')) { // "…\npwd Amber…": JSON-escaped lines
      is--;
    }
    if (clauseEnds && ie < to && is - 2 >= from && b[is - 1] == ':' && b[is - 2] == ' ') {
      clauseEnds = false; // an Elixir atom's comma: config :app, :api_token, "…"
    }
    if ((clauseEnds || b[ie] == '\n' || b[ie] == '\r') && ie < to && Rows.column(b, is, ie, from, to, out)) {
      return ie; // id,email,api_key,… or COPY t (id, access_token, …) FROM stdin;: the rows below hold the values
    }
    if (ie - is <= 14 && NGINX_PASS.contains(b, is, ie)) {
      return ie; // proxy_pass http://grafana:3000/: nginx passes the request on; no password
    }
    if (keyword == Keyword.PWD && !pwWord(b, at, is, ie)) {
      return lastIdentEnd; // …bzPWIcq+8nRY…: two letters of a base64 line, not a name's word
    }
    if (ie - is >= 16 && base64Run(b, is, ie)) {
      return ie; // …,iv:TVn3z0TDmDPotoKyumCPLnOarb442hTd3SDqG4IxUZg=,…: a word of a ciphertext, not a name
    }
    if (is - 2 >= from && b[is - 1] == ':' && Bytes.is(b[is - 2], Bytes.IDENT) && !lineNumbered(b, is - 1, from)
        && !powershellScope(b, is, from)
        && !pulumiKey(b, is, ie, from, to) && Value.elementPrefix(b, is, from) < 0) {
      // a segment of a colon chain, not a name: arn:aws:secretsmanager:…, {{resolve:secretsmanager:…}}
      return ie;
    }
    if (is > from && b[is - 1] == '/') {
      return ie; // a path's segment: secretsmanager:${Env}/DbPassword:SecretString, /run/secrets/db_password
    }
    if (is - 2 >= from && b[is - 1] == '{' && b[is - 2] == '$' && ie + 1 < to && b[ie] == ':' && b[ie + 1] == '?') {
      return ie; // ${DB_PASSWORD:?DB_PASSWORD is required}: the shell's error message, not a default
    }
    // Most mentions of "token" or "key" in code assign nothing (getToken(), keys.size()): look for
    // a value first, classify the name only when there is one.
    Value value;
    if (!clauseEnds && b[ie] < 0) { // a name inside Japanese or Chinese text: 本番のtokenはこれです：…
      value = Value.afterWideColon(b, ie, to);
      if (value == null) { // a particle glued to it, or a word of that script for "is": Datadog API key是 「…」
        value = ForeignNames.after(b, is, ie, from, to);
      }
      if (value == null) {
        return ie;
      }
    } else {
      value = clauseEnds ? null : Value.sibling(b, is, ie, from, to);
      if (value == null && !clauseEnds) {
        value = Value.after(b, is, ie, from, to);
      }
    }
    if (value != null && !value.quoted() && (value.end() < to && b[value.end() - 1] == '(' && b[value.end()] == '"'
        || value.end() - value.start() == 3 && b[value.start()] == 'n')) {
      // String::from("…"), new String("…"): the literal the code converts (the value stops at the literal's quote)
      Value literal = Value.converted(b, value.start(), to);
      value = literal != null ? literal : value;
    }
    if (value == null) { // The Twilio auth token (…) stopped working, … is the Datadog application key
      // (Value.aside's first tests here: most names with no value are neither; a call costs on code)
      boolean parenthesized = ie + 1 < to && b[ie] == ' ' && b[ie + 1] == '(';
      boolean endsClause = is - 8 >= from && b[is - 1] == ' '
          && (clauseEnds || b[ie] == '\n' || b[ie] == '\r' || b[ie - 1] == '.');
      value = parenthesized || endsClause ? Value.aside(b, is, ie, from, to) : null;
      if (value == null && clauseEnds) {
        return ie; // f(key, value): nothing else follows a name at a comma
      }
    }
    if (value == null || value.end() - value.start() < Keyword.MIN_VALUE) { // nothing, or only "{" on the line
      Value block = Value.blockDefault(b, is, ie, from, to);
      value = block != null ? block : value;
    }
    // decided once: most values after a name in code are expressions, and the question is asked twice below
    boolean expression = value != null && !value.quoted() && Keyword.isExpression(b, value.start(), value.end());
    if (value == null ? is > from && ie < to && b[ie] == b[is - 1] && (b[ie] == '"' || b[ie] == '\'') : expression) {
      // getenv("COHERE_API_KEY")).orElse("…"), key = process.env.KEY || '…': the literal the code falls back to
      Value literal = Value.fallback(b, value == null ? ie : value.end(), to);
      if (literal != null) {
        value = literal;
        expression = false;
      }
    }
    if (value != null && value.quoted() && Keyword.onlyScheme(b, value.start(), value.end())) {
      int joined = concatenated(b, value.end(), to); // "Basic " + "dXNlcjpwYXNz": the credentials are the next string
      Value credentials = joined > value.end() ? Value.quoted(b, joined - 1, to) : null;
      value = credentials != null ? credentials : value;
    }
    if (value != null && value.quoted() && Value.namesTheNextAttribute(b, is, ie, value.end(), to)) {
      return ie; // <add key="https://api.nuget.org/v3/index.json" value="…"/>: the attribute key= holds a name
    }
    if (value == null ? Value.symbolAfterOperator(b, ie, to)
        : !value.quoted() && (Value.cutBySymbol(b, value.end(), to) || !Bytes.is(b[value.start()], Bytes.ALNUM)
            || value.start() != Value.afterOperator(b, ie, to))) {
      // POSTGRES_PASSWORD: ;i/ZIAI#-Al)V1g, DB_PASS=*oN<~2{Ut.0g>xA;wEt~: a value cut short or refused for a symbol
      Value rest = Value.lineRest(b, is, ie, from, to);
      if (rest != null && Keyword.symbolPassword(b, rest.start(), rest.end())) {
        Keyword kind = Keyword.classify(b, is, ie);
        if (kind == Keyword.PASSWORD || kind == Keyword.PWD || kind == Keyword.SECRET || kind == Keyword.KEY
            || kind == Keyword.SALT) {
          out.add(kind.finding(rest.start(), rest.end()));
          return ie;
        }
      }
    }
    if (value == null || value.end() - value.start() < Keyword.MIN_VALUE
        || (expression && !value.envStyle() && !Value.passphrase(b, value.start(), value.end()))) {
      return ie; // tokens = new …, key = os.environ.get(…: no kind accepts it, whatever the name says
    }
    if (keyword == Keyword.TOKEN && vaultLegacyToken(b, value.start(), value.end())) {
      // before the name's classification: "vault" makes most names about a vault's paths, not VAULT_TOKEN's value
      out.add(new Finding(value.start(), value.end(), Category.TOKEN, "vault-service-token", 0.9));
      return ie;
    }
    Keyword kind = Keyword.classify(b, is, ie);
    if (kind == null && Placeholders.containsIgnoreCase(b, is, ie, AUTH)
        && Keyword.basicCredentials(b, value.start(), value.end())) {
      kind = Keyword.AUTH; // AUTH_HEADER=<base64 of user:password>: the header's value, whatever else the name says
    }
    if (kind == null) {
      return lastIdentEnd; // "keyboard", "passenger": not a secret name; another keyword may still match
    }
    if (is - 2 > from && b[is - 1] == ' ') { // "cache key: …", "KMS key: …": a name in two words, the first ordinary
      int ws = is - 1;
      while (ws > from && is - ws < MAX_IDENT && Bytes.is(b[ws - 1], Bytes.ALNUM)) {
        ws--;
      }
      if (Keyword.qualifiesAway(b, ws, is - 1, kind)) {
        return ie;
      }
    }
    if (kind == Keyword.PASSWORD && i18nString(b, is, ie, value)) {
      return ie; // auth.errors.wrong_password: "Token expired": a user interface's string, not a password
    }
    if (gpgKeyId(b, is, ie, value, kind)) {
      return ie; // GPG_KEY=<fingerprint>, --export-secret-keys <key id>: which key, not the key
    }
    if (kind == Keyword.COOKIE && Value.contains(b, value.start(), value.end(), (byte) ';')) {
      cookies(b, value, out); // a Cookie header's list, as a HAR file holds it: each cookie judged alone
      return ie;
    }
    if (kind.accepts(b, value.start(), value.end(), value.quoted(), value.envStyle())
        && !failedKnownFormat(b, value.start(), value.end())) {
      int[] span = ConnectionStrings.widen(b, value.start(), value.end(), from, to);
      if (span != null) {
        out.add(new Finding(span[0], span[1], Category.CONN, "connection-string", 0.9));
      } else {
        int start = kind.secretStart(b, value.start(), value.end());
        out.add(kind.finding(start, value.end()));
      }
    }
    return ie;
  }

  /**
   * Whether the name {@code b[is, ie)} after a colon is a Pulumi stack setting's key, {@code project:name}, on its own
   * line and followed by YAML's colon ({@code   app:dbPassword: '…'} in {@code Pulumi.prod.yaml}): a name, though a
   * segment of a colon chain otherwise ({@code arn:aws:secretsmanager:…}, which neither starts a line nor has one
   * segment before the name).
   */
  private static boolean pulumiKey(byte[] b, int is, int ie, int from, int to) {
    if (ie + 1 >= to || b[ie] != ':' || (b[ie + 1] != ' ' && b[ie + 1] != '\n' && b[ie + 1] != '\r')) {
      return false;
    }
    int ps = is - 1;
    while (ps > from && is - ps <= MAX_IDENT && Bytes.is(b[ps - 1], Bytes.IDENT)) {
      ps--;
    }
    while (ps > from && (b[ps - 1] == ' ' || b[ps - 1] == '-')) { // indentation, or a YAML list's dash
      ps--;
    }
    return ps == from || b[ps - 1] == '\n';
  }

  /** The cookies of {@code connect.sid=…; theme=dark; lang=en}: each that is a credential's value. */
  private void cookies(byte[] b, Value list, List<Finding> out) {
    int start = list.start();
    for (int i = start; i <= list.end(); i++) {
      if (i < list.end() && b[i] != ';') {
        continue;
      }
      int s = Value.skipBlanks(b, start, i);
      if (Keyword.COOKIE.accepts(b, s, i, true, true) && !failedKnownFormat(b, s, i)) {
        out.add(Keyword.COOKIE.finding(Keyword.COOKIE.secretStart(b, s, i), i));
      }
      start = i + 1;
    }
  }

  /**
   * Whether the {@code pw} at {@code at} in the name {@code b[is, ie)} is a word of it: {@code pwd} anywhere (as
   * before), {@code pw} alone or between separators ({@code BIND_PW}, {@code db-pw}) or as a camel hump ({@code
   * userPw}, {@code PwHash}); not two letters inside random text, where two letters are common ({@code bzPWIcq}).
   */
  private static boolean pwWord(byte[] b, int at, int is, int ie) {
    int end = at + 2;
    if (end < ie && (b[end] | 0x20) == 'd') {
      return true;
    }
    boolean left = at == is || !Bytes.is(b[at - 1], Bytes.ALNUM)
        || Bytes.is(b[at - 1], Bytes.LOWER | Bytes.DIGIT) && Bytes.is(b[at], Bytes.UPPER);
    boolean right = end == ie || !Bytes.is(b[end], Bytes.ALNUM)
        || Bytes.is(b[end], Bytes.UPPER) && Bytes.is(b[end - 1], Bytes.LOWER);
    return left && right;
  }

  /** A secret's name in another language in a sentence ({@link ForeignNames}): the value, when its kind accepts it. */
  private void foreign(byte[] b, int ns, int ne, int from, int to, Keyword kind, List<Finding> out) {
    if (ns > from && ne < to && Bytes.is(b[ns - 1], Bytes.ALNUM) && Bytes.is(b[ne], Bytes.ALNUM)) {
      return; // inside a longer word: a run of base64 (…TDmDPotoKyum…), not a word of a sentence
    }
    Value value = ForeignNames.after(b, ns, ne, from, to);
    if (value != null && kind.accepts(b, value.start(), value.end(), false, true)
        && !failedKnownFormat(b, value.start(), value.end())) {
      out.add(kind.finding(value.start(), value.end()));
    }
  }

  /**
   * Whether the colon at {@code colon} ends a line number after a file's name, as {@code grep -n} and an agent's
   * search tools print a match ({@code terraform/secrets.tfvars:3:wandb_api_key = …}): one to six digits between
   * two colons.
   */
  static boolean lineNumbered(byte[] b, int colon, int from) {
    int d = colon;
    while (d > from && colon - d <= 6 && Bytes.is(b[d - 1], Bytes.DIGIT)) {
      d--;
    }
    return d < colon && colon - d <= 6 && d > from && b[d - 1] == ':';
  }

  /**
   * A file that holds one value and nothing else, named like a secret ({@code /run/secrets/db_password}, {@code
   * secrets/logzio_token}, {@code .vault-token}, {@code api_key.txt}): the value, judged as the value of a name that is
   * the file's name without its extension. Empty when the name names no secret, or the file holds more than one word.
   */
  public List<Finding> scanNamedValue(String fileName, byte[] b, int from, int to) {
    while (to > from && Bytes.is(b[to - 1], Bytes.SPACE)) {
      to--;
    }
    while (from < to && Bytes.is(b[from], Bytes.SPACE)) {
      from++;
    }
    if (to - from < Keyword.MIN_VALUE || to - from > Value.MAX) {
      return List.of();
    }
    for (int i = from; i < to; i++) {
      if (Bytes.is(b[i], Bytes.SPACE)) {
        return List.of(); // more than one word: a document, which scan reads as such
      }
    }
    String base = fileName.substring(fileName.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    byte[] name = (dot > 0 ? base.substring(0, dot) : base).getBytes(StandardCharsets.UTF_8);
    List<Finding> out = new ArrayList<>();
    contextValue(name, 0, name.length, b, from, to, out);
    return out;
  }

  /** Judges a value given its name, for JSON members: {@code "db_password": "…"}. */
  void contextValue(byte[] nameBytes, int nameFrom, int nameTo, byte[] b, int from, int to, List<Finding> out) {
    if (to - from > MAX_VALUE) {
      return;
    }
    if (vaultLegacyToken(b, from, to) && Placeholders.containsIgnoreCase(nameBytes, nameFrom, nameTo, Keyword.TOKEN.literal)) {
      out.add(new Finding(from, to, Category.TOKEN, "vault-service-token", 0.9));
      return;
    }
    Keyword kind = Keyword.classify(nameBytes, nameFrom, nameTo);
    if (kind != null) {
      quotedValue(kind, b, from, to, out);
    }
  }

  /** A quoted (literal) value {@code b[from, to)} of a name of this {@code kind}: a finding when the kind accepts it. */
  private void quotedValue(Keyword kind, byte[] b, int from, int to, List<Finding> out) {
    if (kind.accepts(b, from, to, true, false) && !failedKnownFormat(b, from, to)) {
      out.add(kind.finding(kind.secretStart(b, from, to), to));
    }
  }

  /**
   * A HashiCorp Vault service token of the form before Vault 1.10: {@code s.} and 24 base62 characters with
   * upper case, lower case and digits. Too short an anchor for the prefilter ({@code s.} is everywhere in
   * code), so it is recognised only as the value of a name with {@code token} in it ({@code VAULT_TOKEN=s.…}),
   * which the context rules would not call a secret's name ("vault" names a vault's paths).
   */
  static boolean vaultLegacyToken(byte[] b, int from, int to) {
    return to - from == 26 && b[from] == 's' && b[from + 1] == '.' && Bytes.all(b, from + 2, to, Bytes.ALNUM)
        && Bytes.classesPresent(b, from + 2, to) >= 3;
  }

  /**
   * A value that starts like a known format but fails its checks ({@code xoxp-1234567890}) is a
   * placeholder for that format, not a secret of unknown kind.
   */
  private boolean failedKnownFormat(byte[] b, int from, int to) {
    if (to - from < 2) {
      return false;
    }
    boolean anchored = false;
    Trigger[] candidates = prefixTriggers[b[from] & 0xff];
    if (candidates == null) {
      return false;
    }
    for (Trigger t : candidates) {
      // Two-letter anchors (Twilio's AC, SK) start too many ordinary passwords to mean the format.
      PrefixRule rule = t.rule;
      // A short anchor ending in a dot (SendGrid's SG.) is as telling as a longer one.
      if (t.kind == Kind.PREFIX && rule != null && rule.leftCount == 0
          && (t.literal.length >= 4 || t.literal.length == 3 && t.literal[2] == '.')
          && Bytes.startsWith(b, from, to, t.literal, false)) {
        if (rule.match(b, from, from, to) > 0) {
          return false;
        }
        anchored = true;
      }
    }
    return anchored;
  }

  // --- structured formats --------------------------------------------------------------------

  private static final byte[] DASHES = ascii("-----");
  private static final byte[] END = ascii("-----END ");
  private static final byte[] PRIVATE_KEY = ascii("PRIVATE KEY");
  private static final byte[] STATIC_KEY = ascii("OpenVPN Static key");

  /**
   * PEM private keys (RSA, EC, DSA, OPENSSH, PKCS#8, encrypted) and PGP private key blocks.
   * Returns where the next END marker is, so a run of BEGIN lines costs one search, not one each.
   */
  private static int pem(byte[] b, int at, int to, int knownEnd, List<Finding> out) {
    int labelStart = at + 11;
    int labelEnd = Bytes.indexOf(b, labelStart, Math.min(to, labelStart + 64), DASHES);
    if (labelEnd < 0 || Bytes.indexOf(b, labelStart, labelEnd, PRIVATE_KEY) < 0
        && Bytes.indexOf(b, labelStart, labelEnd, STATIC_KEY) < 0) { // OpenVPN's tls-auth key: shared, secret
      return knownEnd;
    }
    int bodyStart = labelEnd + 5;
    if (knownEnd < bodyStart) {
      int found = Bytes.indexOf(b, bodyStart, to, END);
      knownEnd = found < 0 ? to : found;
    }
    int endMarker = knownEnd < to && knownEnd - bodyStart <= 65536 ? knownEnd : -1;
    int end;
    if (endMarker >= 0) {
      int close = Bytes.indexOf(b, endMarker + 9, Math.min(to, endMarker + 80), DASHES);
      end = close < 0 ? endMarker + 9 : close + 5;
    } else {
      end = bodyStart; // truncated: take the base64 body that follows
      while (end < to && (Bytes.is(b[end], Bytes.B64 | Bytes.EQUALS | Bytes.SPACE) || b[end] == '\\')) {
        end++;
      }
    }
    int body = (endMarker >= 0 ? endMarker : end) - bodyStart;
    if (body < 64 || Placeholders.containsIgnoreCase(b, bodyStart, bodyStart + Math.min(body, 256), ELLIPSIS)) {
      return knownEnd; // a header with a placeholder body is documentation, not a key
    }
    out.add(new Finding(at, end, Category.SECRET, "private-key", 1.0));
    return knownEnd;
  }

  private static final byte[] ELLIPSIS = ascii("...");
  private static final byte[] COLON = ascii(":");

  private static final byte[] ALG = ascii("\"alg\"");
  private static final byte[] NONE = ascii("\"none\"");

  /** JWTs: three base64url segments whose header decodes to JSON with an {@code alg}. */
  private static void jwt(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && Bytes.is(b[at - 1], Bytes.B64URL)) {
      return;
    }
    // the JOSE header, decoded once: a JWS's names its "alg" (not "none"), a JWE's its "enc"
    int headerEnd = segmentEnd(b, at, to);
    if (headerEnd - at < 10 || headerEnd >= to || b[headerEnd] != '.') {
      return;
    }
    byte[] header;
    try {
      header = Base64.getUrlDecoder().decode(Arrays.copyOfRange(b, at, headerEnd));
    } catch (IllegalArgumentException e) {
      return;
    }
    if (Bytes.indexOf(header, 0, header.length, ENC) >= 0) {
      jwe(b, at, headerEnd, to, out);
      return;
    }
    if (Bytes.indexOf(header, 0, header.length, ALG) < 0 || Bytes.indexOf(header, 0, header.length, NONE) >= 0) {
      return; // no alg, or alg "none": anyone can write one, so it proves nothing
    }
    int payloadEnd = segmentEnd(b, headerEnd + 1, to);
    if (payloadEnd - headerEnd - 1 < 10 || payloadEnd >= to || b[payloadEnd] != '.') {
      return;
    }
    int end = segmentEnd(b, payloadEnd + 1, to);
    if (end - payloadEnd < 17) {
      return; // no real signature
    }
    out.add(new Finding(at, end, Category.TOKEN, supabaseAnon(b, headerEnd + 1, payloadEnd) ? Rules.SUPABASE_ANON : "jwt",
        1.0));
  }

  /** Where the run of base64url characters that starts at {@code p} ends. */
  private static int segmentEnd(byte[] b, int p, int to) {
    while (p < to && Bytes.is(b[p], Bytes.B64URL)) {
      p++;
    }
    return p;
  }

  private static final byte[] ENC = ascii("\"enc\"");

  /**
   * A JWE in compact form (header.key.iv.ciphertext.tag, the key empty for {@code "alg":"dir"}; the header, ending at
   * {@code headerEnd}, has {@code "enc"}): an encrypted session or access token (NextAuth's, Laravel's, ASP.NET's
   * cookies) is a credential whoever can read it.
   */
  private static void jwe(byte[] b, int at, int headerEnd, int to, List<Finding> out) {
    int p = headerEnd;
    for (int min : JWE_PARTS) {
      if (p >= to || b[p] != '.') {
        return;
      }
      int start = p + 1;
      p = segmentEnd(b, start, to);
      if (p - start < min) {
        return;
      }
    }
    out.add(new Finding(at, p, Category.TOKEN, "jwe", 1.0));
  }

  /** A JWE's parts after the header, their shortest: the encrypted key (empty with "dir"), the IV, ciphertext, tag. */
  private static final int[] JWE_PARTS = {0, 8, 8, 8};

  private static final byte[] SUPABASE_ISSUER = ascii("\"iss\":\"supabase\"");
  private static final byte[] ANON_ROLE = ascii("\"role\":\"anon\"");

  /** A Supabase anon key: a JWT Supabase issued for the anon role, public by design (its service_role sibling is not). */
  private static boolean supabaseAnon(byte[] b, int from, int to) {
    if (to - from > 1024) {
      return false; // Supabase's payloads are a few claims; a long one is not decoded for the check
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(Arrays.copyOfRange(b, from, to));
      return Bytes.indexOf(payload, 0, payload.length, SUPABASE_ISSUER) >= 0
          && Bytes.indexOf(payload, 0, payload.length, ANON_ROLE) >= 0;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code scheme://user:password@host/…}: the whole URL is one CONN (SPEC §4 overlaps). */
  private void urlCredentials(byte[] b, int at, int from, int to, List<Finding> out) {
    int start = at;
    while (start > from && at - start < 32 && (Bytes.is(b[start - 1], Bytes.ALNUM) || b[start - 1] == '+'
        || b[start - 1] == '.' || b[start - 1] == '-')) {
      start--;
    }
    while (start < at && !Bytes.is(b[start], Bytes.UPPER | Bytes.LOWER)) {
      start++; // a scheme starts with a letter: [-mongodb+srv://… (a word diff), -postgres://…
    }
    if (start == at) {
      return;
    }
    int userStart = at + 3;
    int colon = -1;
    int atSign = -1;
    for (int p = userStart; p < to && p - userStart < 256; p++) {
      byte c = b[p];
      if (c == '@') {
        atSign = p;
        break;
      }
      if (c == ':' && colon < 0) {
        colon = p;
      } else if (c == '"' || c == '\'' || c == '`' || c == '\\' || Bytes.is(c, Bytes.SPACE) || c == '<' || c == '>') {
        return;
      } else if (c == '/' || c == '?' || c == '#') {
        // Delimiters end the URL's authority, unless they sit in a password typed unescaped, as people do
        // (postgres://app:Xk9#mQ2v@db, a base64 password with '/'): after the user's colon, only a port (digits)
        // followed by them is a path, query or fragment.
        if (colon < 0 || allDigits(b, colon + 1, p)) {
          return;
        }
      }
    }
    if (atSign < 0 || colon < 0 || atSign - colon < 2) {
      return;
    }
    int passStart = colon + 1;
    if (Placeholders.isPlaceholder(b, passStart, atSign) || atSign - passStart < 3
        || failedKnownFormat(b, passStart, atSign)) { // https://ci:ghp_<bad checksum>@…: a made-up token, not a password
      return;
    }
    int end = atSign + 1;
    // a word diff's value ends at its closing marker: [-postgres://…-]{+…+}
    byte diff = start - 2 >= from && (b[start - 2] == '[' || b[start - 2] == '{') ? b[start - 1] : 0;
    byte diffClose = diff == '-' ? (byte) ']' : (byte) '}';
    while (end < to && !Bytes.is(b[end], Bytes.SPACE) && b[end] != '"' && b[end] != '\'' && b[end] != '`'
        && b[end] != '<' && b[end] != '>' && b[end] != ')' && b[end] != '\\' && b[end] != ','
        && !((diff == '-' || diff == '+') && b[end] == diff && end + 1 < to && b[end + 1] == diffClose)) {
      end++;
    }
    if (end == atSign + 1) {
      return;
    }
    out.add(new Finding(start, end, Category.CONN, "url-credentials", 0.95));
  }

  private static boolean allDigits(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code Bearer <token>} outside an Authorization assignment (that one is a context finding). */
  private static void bearer(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && Bytes.is(b[at - 1], Bytes.ALNUM)) {
      return;
    }
    int start = concatenated(b, at + 7, to);
    int end = start;
    while (end < to && Bytes.is(b[end], Bytes.TOKEN_CHARS)) {
      end++;
    }
    if (end - start >= 16 && !Placeholders.isPlaceholder(b, start, end) && Bytes.entropy(b, start, end) >= 3.0
        && !Keyword.notASecretValue(b, start, end) && !Keyword.nameLike(b, start, end)) {
      out.add(new Finding(start, end, Category.TOKEN, "bearer-token", 0.9));
    }
  }

  /**
   * {@code Basic} and the base64 of {@code user:password} (HTTP basic authentication), wherever it stands: in a header
   * a name says nothing about ({@code AuthHeader: "Basic …"}), a log, a curl command. The credentials decode to
   * printable text with a colon, which is what makes them credentials rather than the word "basic".
   */
  private static void basic(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && Bytes.is(b[at - 1], Bytes.ALNUM)) {
      return;
    }
    int start = concatenated(b, at + 6, to);
    int end = start;
    while (end < to && end - start <= 512 && Bytes.is(b[end], Bytes.B64 | Bytes.EQUALS)) {
      end++;
    }
    if (end - start >= 8 && (end == to || !Bytes.is(b[end], Bytes.IDENT)) && Keyword.basicCredentials(b, start, end)
        && !Placeholders.isPlaceholder(b, start, end)) {
      out.add(new Finding(start, end, Category.SECRET, "basic-auth", 0.9));
    }
  }

  /** {@code vault login s.…}: a legacy Vault token given to the CLI (the {@code hvs.} forms are their own rule). */
  private static void vaultLogin(byte[] b, int p, int to, List<Finding> out) {
    int end = p;
    while (end < to && end - p <= 26 && Bytes.is(b[end], Bytes.ALNUM | Bytes.DOT)) {
      end++;
    }
    if ((end == to || !Bytes.is(b[end], Bytes.IDENT)) && vaultLegacyToken(b, p, end)) {
      out.add(new Finding(p, end, Category.TOKEN, "vault-service-token", 0.9));
    }
  }

  /** Oracle's thin driver URL with credentials, {@code jdbc:oracle:thin:user/password@//host:1521/service}. */
  private static void oracleThin(byte[] b, int p, int to, List<Finding> out) {
    int slash = p;
    while (slash < to && slash - p < 64 && Bytes.is(b[slash], Bytes.IDENT)) {
      slash++;
    }
    if (slash == p || slash >= to || b[slash] != '/' || slash + 1 < to && b[slash + 1] == '/') {
      return; // no user, or no password (jdbc:oracle:thin:@//host…)
    }
    int start = slash + 1;
    int at = start;
    while (at < to && at - start <= 128 && b[at] != '@' && !Bytes.is(b[at], Bytes.SPACE) && b[at] != '"'
        && b[at] != '\'') {
      at++;
    }
    if (at < to && b[at] == '@' && at > start && Keyword.PASSWORD.accepts(b, start, at, true, false)) {
      out.add(new Finding(start, at, Category.SECRET, "url-credentials", 0.9));
    }
  }

  /**
   * Oracle's Easy Connect with credentials, {@code user/password@//host:1521/service} (sqlplus, cx_Oracle, an
   * {@code ORACLE_CONN} variable): the password between the user's slash and {@code @//}.
   */
  private static void easyConnect(byte[] b, int at, int from, List<Finding> out) {
    userPassword(b, at, from, (byte) '/', out);
  }

  /**
   * Go's MySQL driver's data source name, {@code user:password@tcp(host:3306)/db} or {@code user:password@unix(…)/db}
   * ({@code sql.Open("mysql", …)}, a {@code DSN} variable): the password between the user's colon and the {@code @}.
   */
  private static void goDsn(byte[] b, int at, int from, List<Finding> out) {
    userPassword(b, at, from, (byte) ':', out);
  }

  /**
   * The password of {@code user<separator>password} before the {@code @} at {@code at}: back to the separator (no
   * blank, quote, {@code =} or {@code /} on the way), then a user's name that starts its word (not a path's segment,
   * {@code …/a/b@//}; not a colon chain's, {@code a:b:c@tcp(…)}).
   */
  private static void userPassword(byte[] b, int at, int from, byte separator, List<Finding> out) {
    int start = at;
    while (start > from && at - start <= 128 && b[start - 1] != separator && b[start - 1] != '/'
        && !Bytes.is(b[start - 1], Bytes.SPACE) && !Value.isQuote(b[start - 1]) && b[start - 1] != '=') {
      start--;
    }
    if (start == at || start <= from || b[start - 1] != separator) {
      return;
    }
    int user = start - 1;
    while (user > from && start - user <= 64 && Bytes.is(b[user - 1], Bytes.IDENT)) {
      user--;
    }
    if (user == start - 1 || b[user] == '-' || user > from
        && (Bytes.is(b[user - 1], Bytes.ALNUM | Bytes.DOT) || b[user - 1] == ':' && separator == ':')) {
      return;
    }
    if (Keyword.PASSWORD.accepts(b, start, at, true, false)) { // a placeholder too is no password it accepts
      out.add(new Finding(start, at, Category.SECRET, "url-credentials", 0.9));
    }
  }

  /**
   * The MySQL clients' password glued to its flag, {@code mysql -u root -p'…'} or {@code mysqldump -pS3cret db}, on
   * the line of a {@code mysql…} command ({@code -p} alone prompts; {@code -p 3306} is another tool's port).
   */
  private static void mysqlPassword(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && Bytes.is(b[at - 1], Bytes.ALNUM)) {
      return;
    }
    int eol = ByteScan.newline(b, at, Math.min(to, at + 512));
    int flag = Bytes.indexOf(b, at, eol, PASSWORD_FLAG);
    if (flag < 0 || flag + 3 >= eol || b[flag + 3] == ' ') {
      return;
    }
    Value value = Value.quotedOrWord(b, flag + 3, eol);
    if (value != null && Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(new Finding(value.start(), value.end(), Category.SECRET, "cli-credentials", 0.85));
    }
  }

  private static final byte[] PASSWORD_FLAG = ascii(" -p");

  /**
   * Commands that take a password on their command line (each name ends in a blank), and the flag that gives it:
   * registry logins and {@code sshpass} ({@code -p}), {@code redis-cli -a}, {@code sqlcmd -P}. The trigger's literal
   * is the key (the map compares arrays by identity: the hot path looks up the very array it was given).
   */
  private static final Map<byte[], byte[]> PASSWORD_FLAGS = new java.util.IdentityHashMap<>();

  static {
    for (String command : new String[] {"docker login ", "podman login ", "nerdctl login ", "buildah login ",
        "skopeo login ", "helm registry login ", "sshpass "}) {
      PASSWORD_FLAGS.put(ascii(command), PASSWORD_FLAG);
    }
    PASSWORD_FLAGS.put(ascii("redis-cli "), ascii(" -a"));
    PASSWORD_FLAGS.put(ascii("sqlcmd "), ascii(" -P"));
    // OpenLDAP's clients: -w takes the bind password (-W prompts for it)
    for (String command : new String[] {"ldapsearch ", "ldapmodify ", "ldapadd ", "ldapdelete ", "ldapwhoami ",
        "ldappasswd "}) {
      PASSWORD_FLAGS.put(ascii(command), ascii(" -w"));
    }
  }

  /**
   * The password a command is given on its command line: {@code docker login -u ci -p … registry}, {@code sshpass -p
   * '…' ssh host}, {@code sshpass -p… ssh host}, {@code redis-cli -h cache -a … INFO}; {@code p} is after the
   * command's name, whose trigger ends in a blank: the flag ({@link #PASSWORD_FLAGS}) is sought from that blank.
   */
  private void loginPassword(byte[] b, int p, byte[] passwordFlag, int to, List<Finding> out) {
    int eol = ByteScan.newline(b, p, Math.min(to, p + 512));
    int flag = Bytes.indexOf(b, p - 1, eol, passwordFlag);
    if (flag < 0 || flag + 3 >= eol) {
      return;
    }
    int v = flag + 3;
    while (v < eol && b[v] == ' ') {
      v++;
    }
    cliCredential(b, Value.quotedOrWord(b, v, eol), out);
  }

  /**
   * A command line's password or token {@code value} (a password, or a token: Dropbox's {@code sl.…}), not a shell
   * variable nor a known format that fails its checks: a finding.
   */
  private void cliCredential(byte[] b, @Nullable Value value, List<Finding> out) {
    if (value != null && b[value.start()] != '$' && !failedKnownFormat(b, value.start(), value.end())
        && (Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)
        || Keyword.TOKEN.accepts(b, value.start(), value.end(), true, false))) {
      out.add(new Finding(value.start(), value.end(), Category.SECRET, "cli-credentials", 0.85));
    }
  }

  /** The start of the line {@code at} is on, looked for at most 512 bytes back (a longer line: that far back). */
  private static int lineStart(byte[] b, int at, int from) {
    int bol = at;
    while (bol > from && at - bol < 512 && b[bol - 1] != '\n') {
      bol--;
    }
    return bol;
  }

  private static final byte[] ESCAPED_NEWLINE = ascii("\\n");

  /** Where the command at {@code p} ends: its line's end, or a newline escaped in the JSON string it is written in. */
  private static int commandEnd(byte[] b, int p, int to) {
    int eol = ByteScan.newline(b, p, Math.min(to, p + 512));
    int escaped = Bytes.indexOf(b, p, eol, ESCAPED_NEWLINE);
    return escaped < 0 ? eol : escaped;
  }

  /**
   * The arguments of the command at {@code p} up to {@code end}, each quoted or a word; it stops at a quote that ends
   * the string the command is written in ({@code "command":"htpasswd -b FILE USER PASSWORD","description"}) or a
   * {@code ;}.
   */
  private static List<Value> arguments(byte[] b, int p, int end) {
    List<Value> args = new ArrayList<>(8);
    int q = Value.skipBlanks(b, p, end);
    while (q < end && args.size() < 32) {
      Value arg = Value.quotedOrWord(b, q, end);
      if (arg == null) {
        break;
      }
      args.add(arg);
      int after = arg.quoted() ? arg.end() + 1 : arg.end();
      if (after < end && !Bytes.is(b[after], Bytes.SPACE)) {
        break;
      }
      q = Value.skipBlanks(b, after, end);
    }
    return args;
  }

  /**
   * Apache's {@code htpasswd -b[c] FILE USER PASSWORD} and {@code htpasswd -nb USER PASSWORD}: in batch mode (the
   * {@code b} flag) the password is the last argument; {@code p} is after the command's name.
   */
  private static void htpasswd(byte[] b, int p, int to, List<Finding> out) {
    boolean batch = false;
    boolean noFile = false;
    Value last = null;
    int positional = 0;
    for (Value arg : arguments(b, p, commandEnd(b, p, to))) {
      if (!arg.quoted() && b[arg.start()] == '-') {
        batch |= Value.contains(b, arg.start(), arg.end(), (byte) 'b');
        noFile |= Value.contains(b, arg.start(), arg.end(), (byte) 'n');
      } else {
        positional++;
        last = arg;
      }
    }
    if (batch && last != null && positional == (noFile ? 2 : 3) && b[last.start()] != '$'
        && Keyword.PASSWORD.accepts(b, last.start(), last.end(), true, false)) {
      out.add(new Finding(last.start(), last.end(), Category.SECRET, "cli-credentials", 0.85));
    }
  }

  /**
   * A command given settings as name and value pairs, {@code rclone config create s3prod s3 provider AWS
   * secret_access_key …}: the argument after one that names a secret, judged as that name's value.
   */
  private void commandPairs(byte[] b, int p, int to, List<Finding> out) {
    List<Value> args = arguments(b, p, commandEnd(b, p, to));
    for (int i = 0; i + 1 < args.size(); i++) {
      Value name = args.get(i);
      Keyword kind = name.quoted() ? null : Keyword.classify(b, name.start(), name.end());
      Value value = args.get(i + 1);
      if (kind != null && b[value.start()] != '$' && kind.accepts(b, value.start(), value.end(), true, true)
          && !failedKnownFormat(b, value.start(), value.end())) {
        out.add(kind.finding(value.start(), value.end()));
        i++;
      }
    }
  }

  private static final byte[] AS_PLAIN_TEXT = ascii("-asplaintext");

  /**
   * PowerShell's {@code ConvertTo-SecureString '…' -AsPlainText -Force}: the string is a secret by what the line does
   * with it, whatever it is called; {@code p} is after the cmdlet's name.
   */
  private void secureString(byte[] b, int p, int to, List<Finding> out) {
    if (p >= to || b[p] != '"' && b[p] != '\'') {
      return;
    }
    Value value = Value.quoted(b, p, to);
    int eol = ByteScan.newline(b, p, Math.min(to, p + 1024));
    if (value != null && value.end() < eol && Placeholders.containsIgnoreCase(b, value.end(), eol, AS_PLAIN_TEXT)
        && !failedKnownFormat(b, value.start(), value.end())
        && Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(new Finding(value.start(), value.end(), Category.SECRET, "cli-credentials", 0.9));
    }
  }

  private static final byte[] BY = ascii(" by ");
  private static final byte[] WITH = ascii("with ");

  /**
   * SQL's {@code CREATE USER x IDENTIFIED BY '…'} and {@code ALTER USER x IDENTIFIED BY …} (Oracle, MySQL), and
   * MySQL's {@code IDENTIFIED WITH mysql_native_password BY '…'} ({@code p} after {@code with }: the plugin's name,
   * then {@code BY}).
   */
  private static void identifiedBy(byte[] b, int p, int to, List<Finding> out) {
    if (Bytes.startsWith(b, p - WITH.length, to, WITH, true)) { // skip the authentication plugin's name
      int e = p;
      while (e < to && e - p < 64 && Bytes.is(b[e], Bytes.IDENT)) {
        e++;
      }
      if (e == p || !Bytes.startsWith(b, e, to, BY, true)) {
        return; // IDENTIFIED WITH auth_socket: no password
      }
      p = e + BY.length;
    }
    Value value = Value.quotedOrWord(b, p, to);
    if (value != null && Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(Keyword.PASSWORD.finding(value.start(), value.end()));
    }
  }

  private static final byte[] ECHO = ascii("echo $");
  private static final byte[] ENV_COLON = ascii("env:");

  /**
   * A shell printing a secret's variable, and what it printed: {@code $ echo $DD_API_KEY}, then the value alone on
   * the next line, as a terminal session pasted into a prompt shows it ({@code p} after {@code echo $}; PowerShell's
   * {@code $env:NAME} and {@code ${NAME}} too). The name says what the line is; a line with blanks is other output.
   */
  private void echoed(byte[] b, int p, int to, List<Finding> out) {
    if (Bytes.startsWith(b, p, to, ENV_COLON, true)) {
      p += ENV_COLON.length;
    }
    boolean braced = p < to && b[p] == '{';
    int ns = braced ? p + 1 : p;
    int ne = ns;
    while (ne < to && ne - ns < MAX_IDENT && Bytes.is(b[ne], Bytes.IDENT)) {
      ne++;
    }
    int eol = braced && ne < to && b[ne] == '}' ? ne + 1 : ne;
    eol = eol < to && b[eol] == '\r' ? eol + 1 : eol;
    if (ne == ns || eol >= to || b[eol] != '\n') {
      return;
    }
    int vs = eol + 1;
    int ve = vs;
    while (ve < to && ve - vs < 4096 && b[ve] != '\n' && b[ve] != '\r') {
      if (b[ve] == ' ' || b[ve] == '\t') {
        return; // a prompt, a message, a table: not one printed value
      }
      ve++;
    }
    contextValue(b, ns, ne, b, vs, ve, out); // printed: literal text, as a quoted value is
  }

  private static final byte[] PLIST_KEY = ascii("<key>");
  private static final byte[] PLIST_KEY_END = ascii("</key>");
  private static final byte[] PLIST_STRING = ascii("<string>");

  /**
   * A property list's entry, {@code <key>AsanaToken</key>} and the {@code <string>…</string>} after it (blanks, a
   * line break and {@code cat -n}'s line number between them): the key names the string ({@code p} after {@code <key>}).
   */
  private void plistEntry(byte[] b, int p, int to, List<Finding> out) {
    namedElement(b, p, to, PLIST_KEY_END, false, out);
  }

  private static final byte[] NAME_ELEMENT = ascii("<name>");
  private static final byte[] NAME_ELEMENT_END = ascii("</name>");
  /** The elements that hold the value a {@code <name>} names: Jenkins' parameters and credentials, Maven's, Tomcat's. */
  private static final byte[][] VALUE_ELEMENTS = {ascii("<value>"), ascii("<defaultValue>"), PLIST_STRING};
  private static final byte[][] PLIST_VALUES = {PLIST_STRING};
  private static final byte[] DESCRIPTION = ascii("<description");

  /**
   * The element after a name's element holds its value: a property list's {@code <key>AsanaToken</key>} then {@code
   * <string>…</string>}, a Jenkins job's {@code <name>RESEND_API_KEY</name>} then {@code <defaultValue>…</defaultValue>}
   * (a {@code <description>} between them allowed); blanks, a line break and {@code cat -n}'s line number between
   * them. {@code p} is after the name element's opening tag.
   */
  private void namedElement(byte[] b, int p, int to, byte[] endTag, boolean named, List<Finding> out) {
    int ne = p;
    while (ne < to && ne - p < MAX_IDENT && Bytes.is(b[ne], Bytes.IDENT)) {
      ne++;
    }
    if (ne == p || !Bytes.startsWith(b, ne, to, endTag, false)) {
      return;
    }
    int q = ne + endTag.length;
    int limit = Math.min(to, q + 32);
    while (q < limit && Bytes.is(b[q], Bytes.SPACE | Bytes.DIGIT)) { // blanks, line breaks, a line's number
      q++;
    }
    if (named && Bytes.startsWith(b, q, to, DESCRIPTION, false)) { // <description>…</description> or <description/>
      int close = q;
      while (close < to && close - q < 512 && b[close] != '\n') {
        close++;
      }
      limit = Math.min(to, close + 32);
      q = close;
      while (q < limit && Bytes.is(b[q], Bytes.SPACE | Bytes.DIGIT)) {
        q++;
      }
    }
    int vs = -1;
    for (byte[] element : named ? VALUE_ELEMENTS : PLIST_VALUES) {
      if (Bytes.startsWith(b, q, to, element, false)) {
        vs = q + element.length;
        break;
      }
    }
    if (vs < 0) {
      return;
    }
    int ve = vs;
    while (ve < to && ve - vs < 4096 && b[ve] != '<' && b[ve] != '\n') {
      ve++;
    }
    if (ve < to && b[ve] == '<') {
      contextValue(b, p, ne, b, vs, ve, out);
    }
  }

  /** MySQL's {@code SET PASSWORD FOR 'app'@'%' = '…'} (and {@code = PASSWORD('…')}); {@code p} after {@code FOR }. */
  private static void setPassword(byte[] b, int p, int to, List<Finding> out) {
    int eq = p;
    while (eq < to && eq - p < 160 && b[eq] != '=' && b[eq] != '\n' && b[eq] != ';') {
      eq++;
    }
    if (eq >= to || b[eq] != '=') {
      return;
    }
    int v = Value.skipBlanks(b, eq + 1, to);
    if (Bytes.startsWith(b, v, to, PASSWORD_CALL, true)) {
      v += PASSWORD_CALL.length;
    }
    Value value = v < to && Value.isQuote(b[v]) ? Value.quoted(b, v, to) : null;
    if (value != null && Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(Keyword.PASSWORD.finding(value.start(), value.end()));
    }
  }

  private static final byte[] PASSWORD_CALL = ascii("password(");

  /**
   * OpenSSL's pass phrase arguments, {@code -passout pass:'…'}, {@code -passin pass:…}, {@code -password pass:…}:
   * after {@code pass:} is the pass phrase itself, words and blanks included when it is quoted ({@code at} is the
   * blank before {@code pass:}, which must follow a flag with {@code pass} in it).
   */
  private static void opensslPass(byte[] b, int at, int from, int to, List<Finding> out) {
    int fs = at;
    while (fs > from && at - fs < 16 && Bytes.is(b[fs - 1], Bytes.LOWER)) {
      fs--;
    }
    if (fs == from || b[fs - 1] != '-' || !Placeholders.containsIgnoreCase(b, fs, at, PASS)) {
      return;
    }
    Value value = Value.quotedOrWord(b, at + 6, to);
    if (value == null || value.end() - value.start() < 8 || b[value.start()] == '$' || b[value.start()] == '-') {
      return;
    }
    // a quoted phrase with blanks is what a password's shape refuses (a sentence's), and here it is the pass phrase
    boolean phrase = value.quoted() && Value.contains(b, value.start(), value.end(), (byte) ' ');
    if (phrase ? !Placeholders.isPlaceholder(b, value.start(), value.end())
        : Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(Keyword.PASSWORD.finding(value.start(), value.end()));
    }
  }

  private static final byte[] PASS = ascii("pass");
  private static final byte[] JWK_KTY = ascii("\"kty\"");
  private static final int JWK_BEFORE = 1024;
  private static final int JWK_AFTER = 4096;
  /**
   * A JWK's private members: RSA's and EC's {@code "d"}, a symmetric key's {@code "k"}, and an RSA key's prime factors
   * and CRT values ({@code "p"}, {@code "q"}, {@code "dp"}, {@code "dq"}, {@code "qi"}: either prime gives the key).
   */
  private static final byte[][] JWK_PRIVATE = {ascii("\"d\""), ascii("\"k\""), ascii("\"p\""), ascii("\"q\""),
      ascii("\"dp\""), ascii("\"dq\""), ascii("\"qi\"")};

  /**
   * A JSON Web Key's private part: the {@code "d"} of an RSA or EC key, the {@code "k"} of a symmetric one, in the
   * object that holds {@code "kty"} ({@code at}); a public JWK has neither.
   */
  private static void jwk(byte[] b, int at, int from, int to, List<Finding> out) {
    // The object's braces, sought no further than another "kty" (one per key: so a body of them is read once) and
    // than a key's members reach: "d" comes after "kty" as libraries write JWKs, or before it when members are sorted.
    int open = at;
    while (open > from && at - open < JWK_BEFORE && b[open - 1] != '{' && b[open - 1] != '}'
        && !Bytes.startsWith(b, open - 1, to, JWK_KTY, false)) {
      open--;
    }
    int close = at + JWK_KTY.length;
    while (close < to && close - at < JWK_AFTER && b[close] != '}' && b[close] != '{'
        && !Bytes.startsWith(b, close, to, JWK_KTY, false)) {
      close++;
    }
    if (open == from || b[open - 1] != '{' || close >= to || b[close] != '}') {
      return;
    }
    for (byte[] member : JWK_PRIVATE) {
      Value value = memberString(b, open, close, member);
      if (value != null) {
        jwkPrivate(b, value.start(), value.end(), out);
      }
    }
  }

  /** A JWK's private member's value {@code b[from, to)}, a finding when it has a key's shape (JsonScanner's walk too). */
  static void jwkPrivate(byte[] b, int from, int to, List<Finding> out) {
    if (to - from >= 16 && Bytes.all(b, from, to, Bytes.B64URL)) {
      out.add(new Finding(from, to, Category.KEY, "jwk-private-key", 0.9));
    }
  }

  /** A {@code random_password}'s {@code "result"} {@code b[from, to)} in Terraform state (JsonScanner's walk too). */
  static void terraformResult(byte[] b, int from, int to, List<Finding> out) {
    if (to - from >= 6 && !Placeholders.isPlaceholder(b, from, to)) {
      out.add(new Finding(from, to, Category.SECRET, "terraform-random-password", 0.9));
    }
  }

  /** The string value of the first member {@code name} (quoted) in {@code b[from, to)}, or null. */
  private static @Nullable Value memberString(byte[] b, int from, int to, byte[] name) {
    int m = Bytes.indexOf(b, from, to, name);
    if (m < 0) {
      return null;
    }
    int v = Value.skipBlanks(b, m + name.length, to);
    v = v < to && b[v] == ':' ? Value.skipBlanks(b, v + 1, to) : to;
    return v < to && b[v] == '"' ? Value.quoted(b, v, to) : null;
  }

  private static final byte[] TF_BCRYPT_HASH = ascii("\"bcrypt_hash\"");
  private static final byte[] TF_RESULT = ascii("\"result\"");
  /** How far after {@code "bcrypt_hash"} a {@code random_password}'s {@code "result"} may be (its keepers between). */
  private static final int TF_REACH = 1024;

  /**
   * Terraform state's {@code random_password}: its attributes hold {@code "bcrypt_hash"} ({@code at}) and
   * {@code "result"}, the password in clear ({@code random_string}, not a secret, has no hash). Terraform writes them
   * sorted, the hash first; a state a tool rewrote may have the result first, in the same object (after its brace).
   */
  private static void terraformPassword(byte[] b, int at, int from, int to, List<Finding> out) {
    int end = Math.min(to, at + TF_REACH);
    int next = Bytes.indexOf(b, at + TF_BCRYPT_HASH.length, end, TF_BCRYPT_HASH);
    Value value = memberString(b, at, next < 0 ? end : next, TF_RESULT);
    if (value == null) {
      int open = at - 1;
      while (open >= from && at - open < TF_REACH && b[open] != '{' && b[open] != '}') {
        open--;
      }
      value = open >= from && b[open] == '{' ? memberString(b, open, at, TF_RESULT) : null;
    }
    if (value != null) {
      terraformResult(b, value.start(), value.end(), out);
    }
  }

  private static final byte[] TABLE_RULE = ascii("-+-");
  private static final int TABLE_COLUMNS = 32;
  private static final int TABLE_BYTES = 64 << 10;
  /** The longest rule and header line read: a wider table is no query's output pasted into a prompt. */
  private static final int TABLE_LINE = 1024;

  /**
   * A query's result as psql and mysql print it: a header line of column names between {@code |}, a rule of
   * {@code -} and {@code +} ({@code at} is its first {@code -+-}), then rows. A column whose name is a secret's
   * ({@code api_token}, {@code password}; not {@code password_hash}) makes each row's cell under it that secret's
   * value, judged as a quoted value of that name. Rows end at a line with no {@code |} (mysql's closing border has
   * none to read: its previous line is a row, whose cells name no column that follows).
   */
  private void table(byte[] b, int at, int from, int to, List<Finding> out) {
    int ls = at;
    while (ls > from && at - ls < TABLE_LINE && b[ls - 1] != '\n') {
      ls--;
    }
    int le = ByteScan.newline(b, at, Math.min(to, at + TABLE_LINE));
    if (ls > from && b[ls - 1] != '\n' || le == at + TABLE_LINE) {
      return; // a line longer than any table's: no rule (and a body of one long line is read once per trigger, a bit)
    }
    for (int i = ls; i < le; i++) {
      byte c = b[i];
      if (c != '-' && c != '+' && c != ' ' && c != '|' && c != '\r' || i < at && c == '+' && i > ls && b[i - 1] == '-') {
        return; // not a rule, or not its first -+- (a rule of n columns is read once)
      }
    }
    if (ls - 1 <= from) {
      return;
    }
    int hs = ls - 1;
    while (hs > from && ls - hs < TABLE_LINE && b[hs - 1] != '\n') {
      hs--;
    }
    Keyword[] kinds = new Keyword[TABLE_COLUMNS];
    int columns = cells(b, hs, ls - 1, (column, cs, ce) -> kinds[column] = Keyword.classify(b, cs, ce));
    boolean any = false;
    for (int k = 0; k < columns; k++) {
      any |= kinds[k] != null;
    }
    int end = Math.min(to, le + TABLE_BYTES);
    for (int rs = le + 1; any && rs < end; ) {
      int re = ByteScan.newline(b, rs, end);
      if (Bytes.indexOf(b, rs, re, PIPE) < 0 || Bytes.indexOf(b, rs, re, TABLE_RULE) >= 0) {
        break; // the table ends, or another rule starts (each row is read for one table: a body of rules is linear)
      }
      cells(b, rs, re, (column, cs, ce) -> {
        if (kinds[column] != null) {
          quotedValue(kinds[column], b, cs, ce, out);
        }
      });
      rs = re + 1;
    }
  }

  private static final byte[] PIPE = {'|'};

  private interface Cell {
    void accept(int column, int start, int end);
  }

  /** The cells of one table line {@code b[from, to)}, trimmed, split at {@code |}; returns how many were given. */
  private static int cells(byte[] b, int from, int to, Cell cell) {
    int column = 0;
    int cs = from;
    while (cs < to && (b[cs] == ' ' || b[cs] == '|')) { // mysql's leading border
      if (b[cs++] == '|') {
        break;
      }
    }
    for (int i = cs; i <= to && column < TABLE_COLUMNS; i++) {
      if (i == to || b[i] == '|' || b[i] == '\r') {
        int s = cs;
        int e = i;
        while (s < e && b[s] == ' ') {
          s++;
        }
        while (e > s && b[e - 1] == ' ') {
          e--;
        }
        if (e > s || i < to) {
          cell.accept(column++, s, e);
        }
        cs = i + 1;
        if (i < to && b[i] == '\r') {
          break;
        }
      }
    }
    return column;
  }

  private static final byte[] PRIVATE_LINES = ascii("Private-Lines:");
  private static final byte[] PRIVATE_MAC = ascii("Private-MAC:");

  /**
   * A PuTTY private key file ({@code .ppk}, versions 2 and 3): from its header to the end of its {@code Private-MAC}
   * line, when it has {@code Private-Lines}. Its public half is in the same file, but the file is the secret.
   */
  private static void putty(byte[] b, int at, int to, List<Finding> out) {
    int limit = Math.min(to, at + 16384);
    int lines = Bytes.indexOf(b, at, limit, PRIVATE_LINES);
    int mac = lines < 0 ? -1 : Bytes.indexOf(b, lines, limit, PRIVATE_MAC);
    if (mac < 0) {
      return;
    }
    int end = mac + PRIVATE_MAC.length;
    while (end < limit && b[end] != '\n' && b[end] != '\r' && b[end] != '\\' && b[end] != '"' && b[end] != '`') {
      end++;
    }
    out.add(new Finding(at, end, Category.SECRET, "private-key", 0.95));
  }

  private static final byte[] SSH2_BEGIN = ascii("---- BEGIN SSH2 ");
  private static final byte[] SSH2_END = ascii("---- END SSH2 ");
  private static final byte[] SSH2_CLOSE = ascii(" ----");

  /**
   * A private key in the SSH2 format of ssh.com's and Tectia's tools ({@code ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY
   * ----}, RFC 4716's framing; a public key in the same framing is no finding): the block up to its end line.
   */
  private static void ssh2(byte[] b, int at, int to, List<Finding> out) {
    int labelEnd = Bytes.indexOf(b, at + SSH2_BEGIN.length, Math.min(to, at + SSH2_BEGIN.length + 64), SSH2_CLOSE);
    if (labelEnd < 0 || Bytes.indexOf(b, at, labelEnd, PRIVATE_KEY) < 0) {
      return;
    }
    // the key's lines up to its end line, each a header (Comment: …) or base64: a line of anything else ends the
    // search, so a run of headers with no key under them costs a line each (the end is at most 12 KiB away)
    int line = labelEnd + SSH2_CLOSE.length;
    int bodyStart = line;
    int limit = Math.min(to, bodyStart + 16384);
    int endLine = -1;
    while (line < limit) {
      while (line < limit && lineBreak(b, line, limit)) {
        line += b[line] == '\\' ? 2 : 1;
      }
      if (Bytes.startsWith(b, line, limit, SSH2_END, false)) {
        endLine = line;
        break;
      }
      int e = line;
      boolean header = false;
      while (e < limit && !lineBreak(b, e, limit)) {
        header |= b[e] == ':';
        if (!header && !Bytes.is(b[e], Bytes.B64 | Bytes.EQUALS | Bytes.DASH)) {
          return; // prose, or another header: no key here
        }
        e++;
      }
      if (e == line) {
        return;
      }
      line = e;
    }
    int close = endLine < 0 ? -1 : Bytes.indexOf(b, endLine + SSH2_END.length, Math.min(to, endLine + 80), SSH2_CLOSE);
    if (close < 0 || endLine - bodyStart < 64) {
      return; // no end, or a header with no key under it
    }
    out.add(new Finding(at, close + SSH2_CLOSE.length, Category.SECRET, "private-key", 1.0));
  }

  /** A line break at {@code i}, real or escaped in a JSON string ({@code \n}, {@code \r}). */
  private static boolean lineBreak(byte[] b, int i, int to) {
    return b[i] == '\n' || b[i] == '\r' || b[i] == '\\' && i + 1 < to && (b[i + 1] == 'n' || b[i + 1] == 'r');
  }

  private static final byte[][] PEM_PRIVATE = {ascii("PRIVATE KEY-----"), ascii("PRIVATE KEY BLOCK-----")};

  /**
   * A PEM private key in base64 ({@code LS0tLS1CRUdJTi} is {@code -----BEGIN}): kubeconfig's {@code
   * client-key-data}, a CI variable, a Helm value. The run of base64 is the finding when its first bytes decode to a
   * private key's header.
   */
  private static void base64Pem(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && Bytes.is(b[at - 1], Bytes.B64)) {
      return;
    }
    int end = at;
    while (end < to && end - at < 65536 && Bytes.is(b[end], Bytes.B64 | Bytes.EQUALS)) {
      end++;
    }
    int head = Math.min(end - at, 64) & ~3;
    if (end - at < 200 || head < 64) {
      return;
    }
    byte[] decoded;
    try {
      decoded = java.util.Base64.getDecoder().decode(Arrays.copyOfRange(b, at, at + head));
    } catch (IllegalArgumentException e) {
      return;
    }
    for (byte[] marker : PEM_PRIVATE) {
      if (Bytes.indexOf(decoded, 0, decoded.length, marker) >= 0) {
        out.add(new Finding(at, end, Category.SECRET, "private-key", 0.95));
        return;
      }
    }
  }

  /**
   * Where the token starts after a header scheme that code joins to it: {@code "Bearer " + "tok…"} (Java, JS,
   * Python), {@code 'Bearer ' . 'tok…'} (PHP); {@code p} itself when the token follows the scheme.
   */
  static int concatenated(byte[] b, int p, int to) {
    if (p >= to || (b[p] != '"' && b[p] != '\'')) {
      return p;
    }
    int q = p + 1;
    int operators = 0;
    while (q < to && q - p < 8 && (b[q] == ' ' || b[q] == '+' || b[q] == '.')) {
      operators += b[q] == ' ' ? 0 : 1;
      q++;
    }
    return operators == 1 && q < to && (b[q] == '"' || b[q] == '\'') ? q + 1 : p;
  }

  private static final byte[] JSONPATH_DATA = ascii("{.data.");

  /**
   * What {@code kubectl get secret X -o jsonpath='{.data.password}' | base64 -d} printed: the next line (after a tool's
   * line number, {@code     37\t}), judged as the value of the data key the path names.
   */
  private static void decodedSecret(byte[] b, int at, int end, int from, int to, List<Finding> out) {
    int eol = end;
    while (eol < to && eol - end < 8 && b[eol] == ' ') {
      eol++;
    }
    if (eol < to && b[eol] == '\r') {
      eol++;
    }
    if (eol >= to || b[eol] != '\n') {
      return;
    }
    int bol = lineStart(b, at, from);
    int path = Bytes.indexOf(b, bol, at, JSONPATH_DATA);
    if (path < 0) {
      return;
    }
    int ns = path + JSONPATH_DATA.length;
    int ne = ns;
    while (ne < at && ne - ns < MAX_IDENT && b[ne] != '}') {
      ne++;
    }
    Keyword kind = ne < at && ne > ns ? Keyword.classify(b, ns, ne) : null;
    if (kind == null) {
      return;
    }
    int[] line = printedLine(b, eol + 1, to);
    if (line != null && kind.accepts(b, line[0], line[1], true, false)) {
      out.add(kind.finding(line[0], line[1]));
    }
  }

  /**
   * {@code kubectl get secret … -o jsonpath='{.data.api_token}'} with no decoding after it: the next line is the
   * secret in base64, a secret as much as what it decodes to (unless that is a placeholder or a few bytes). {@code at}
   * is at {@code {.data.}; a command that pipes into {@code base64 -d} is {@link #decodedSecret}'s.
   */
  private static void encodedSecret(byte[] b, int at, int to, List<Finding> out) {
    int ns = at + JSONPATH_DATA.length;
    int ne = ns;
    while (ne < to && ne - ns < MAX_IDENT && b[ne] != '}' && b[ne] != '\n') {
      ne++;
    }
    if (ne >= to || b[ne] != '}' || ne == ns) {
      return;
    }
    int eol = ne + 1;
    while (eol < to && eol - ne < 8 && (b[eol] == '\'' || b[eol] == '"' || b[eol] == ' ' || b[eol] == '\r')) {
      eol++;
    }
    Keyword kind = eol < to && b[eol] == '\n' ? Keyword.classify(b, ns, ne) : null;
    int[] line = kind == null ? null : printedLine(b, eol + 1, to);
    if (kind == null || line == null || line[1] - line[0] < 8 || !Bytes.all(b, line[0], line[1], Bytes.B64 | Bytes.EQUALS)) {
      return;
    }
    byte[] decoded;
    try {
      decoded = java.util.Base64.getDecoder().decode(java.util.Arrays.copyOfRange(b, line[0], line[1]));
    } catch (IllegalArgumentException notBase64) {
      return;
    }
    int n = decoded.length;
    while (n > 0 && Bytes.is(decoded[n - 1], Bytes.SPACE)) {
      n--;
    }
    if (n >= Keyword.MIN_VALUE && !Placeholders.isPlaceholder(decoded, 0, n)) {
      out.add(kind.finding(line[0], line[1]));
    }
  }

  /**
   * The new value of a word diff, {@code NAME=[-old-]{+new+}} ({@code at} on {@code -]{+}): judged as the value of the
   * name before the old one, as that one is ({@link Value#wordDiff}).
   */
  private void wordDiffNew(byte[] b, int at, int from, int to, List<Finding> out) {
    Value value = Value.wordDiff(b, at + 2, to);
    int old = at;
    while (old > from && at - old < Value.MAX && b[old] != '\n' && !(b[old] == '[' && b[old + 1] == '-')
        && !(old < at && b[old] == '-' && b[old + 1] == ']')) { // back to its [-, not past an earlier diff's -]
      old--;
    }
    if (value == null || b[old] != '[') {
      return;
    }
    int ne = old;
    while (ne > from && (b[ne - 1] == ' ' || b[ne - 1] == '\t')) {
      ne--;
    }
    if (ne == from || b[ne - 1] != '=' && b[ne - 1] != ':') {
      return;
    }
    ne--;
    while (ne > from && (b[ne - 1] == ' ' || b[ne - 1] == '\t' || b[ne - 1] == '"' || b[ne - 1] == '\'')) {
      ne--;
    }
    int ns = ne;
    while (ns > from && ne - ns < MAX_IDENT && Bytes.is(b[ns - 1], Bytes.IDENT)) {
      ns--;
    }
    if (ns < ne) {
      contextValue(b, ns, ne, b, value.start(), value.end(), out);
    }
  }

  /**
   * The word a command printed on the line that starts at {@code s} (after {@code cat -n}'s or an agent's line number),
   * alone on its line: its start and end, or null.
   */
  private static int @Nullable [] printedLine(byte[] b, int s, int to) {
    s = Value.numberMargin(b, s, to); // Claude Code's Read numbers its lines: "    37\t…"
    int e = s;
    while (e < to && e - s <= Value.MAX && b[e] > ' ') {
      e++;
    }
    return e > s && (e >= to || b[e] == '\n' || b[e] == '\r') ? new int[] {s, e} : null;
  }

  /** SNMP's default communities, which every device ships with: a weakness, not a secret. */
  private static final WordSet DEFAULT_COMMUNITIES = new WordSet("public", "private");

  /**
   * Cisco IOS's type 7 password, {@code username admin password 7 0822455D0A16}, {@code tacacs-server key 7 …}: a
   * reversible encoding (a public table XORed from a two-digit offset), so the password itself: an even count of
   * hex digits after an offset from 00 to 15.
   */
  private static void ciscoType7(byte[] b, int p, int to, List<Finding> out) {
    int e = p;
    while (e < to && e - p < 128 && Bytes.is(b[e], Bytes.DIGIT | Bytes.HEX_UPPER)) {
      e++;
    }
    boolean ends = e >= to || Bytes.is(b[e], Bytes.SPACE) || b[e] == '\\' || b[e] == '"';
    int offset = e - p >= 2 ? (b[p] - '0') * 10 + (b[p + 1] - '0') : -1;
    if (ends && e - p >= 8 && (e - p) % 2 == 0 && Bytes.is(b[p], Bytes.DIGIT) && Bytes.is(b[p + 1], Bytes.DIGIT)
        && offset <= 15) {
      out.add(new Finding(p, e, Category.SECRET, "cisco-type7-password", 0.9));
    }
  }

  /**
   * The argument of a configuration directive that takes a password or a shared secret ({@code user ci
   * insecure-password …}, {@code snmp-server community … RO}, Redis's {@code user app on >… ~app:* +@all}).
   */
  private static void directivePassword(byte[] b, int p, int to, List<Finding> out) {
    Value value = Value.quotedOrWord(b, p, to);
    if (value != null && !DEFAULT_COMMUNITIES.contains(b, value.start(), value.end())
        && Keyword.PASSWORD.accepts(b, value.start(), value.end(), true, false)) {
      out.add(Keyword.PASSWORD.finding(value.start(), value.end()));
    }
  }

  /** nginx's directives that pass a request to an upstream: {@code pass} as a verb. */
  private static final WordSet NGINX_PASS = new WordSet("proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass",
      "grpc_pass", "memcached_pass");
  /** How far a long format's run is read ahead of its rule (the longest segment any rule has, and one more). */
  private static final int MAX_LONG_RUN = 16385;
  private static final byte[] GPG = ascii("gpg");
  private static final byte[] PGP = ascii("pgp");
  private static final byte[] SECRET_KEYS_FLAG = ascii("secret-keys");

  /**
   * Whether the value names an OpenPGP key rather than holding one: 16 or 40 hex digits (a key id, a fingerprint, as
   * the official images' {@code GPG_KEY} environment variable holds) under a key's name with {@code gpg}/{@code pgp} in it,
   * or after gpg's {@code --export-secret-keys}/{@code --list-secret-keys} flags.
   */
  private static boolean gpgKeyId(byte[] b, int is, int ie, Value value, Keyword kind) {
    int n = value.end() - value.start();
    boolean gpgFlag = ie - is > SECRET_KEYS_FLAG.length + 2 && b[is] == '-'
        && Bytes.startsWith(b, ie - SECRET_KEYS_FLAG.length, ie, SECRET_KEYS_FLAG, false);
    if (gpgFlag) {
      return true; // what follows is a key's id or user id, or another flag
    }
    return kind == Keyword.KEY && (n == 16 || n == 40) && Bytes.all(b, value.start(), value.end(), Bytes.HEX)
        && (Placeholders.containsIgnoreCase(b, is, ie, GPG) || Placeholders.containsIgnoreCase(b, is, ie, PGP));
  }

  private static final byte[] ECHO_WORD = ascii("echo ");

  /**
   * The password piped into a login that reads it from its input, {@code echo '…' | docker login -u ci
   * --password-stdin registry} (helm's, podman's, crane's the same): the echoed word before the pipe on the line.
   */
  private void passwordStdin(byte[] b, int at, int from, List<Finding> out) {
    int lineStart = lineStart(b, at, from);
    int pipe = -1;
    for (int i = at - 1; i >= lineStart; i--) {
      if (b[i] == '|') {
        pipe = i;
        break;
      }
    }
    int echo = pipe < 0 ? -1 : Bytes.indexOf(b, lineStart, pipe, ECHO_WORD);
    if (echo < 0) {
      return;
    }
    int v = Value.skipBlanks(b, echo + ECHO_WORD.length, pipe);
    if (v + 3 < pipe && b[v] == '-' && b[v + 1] == 'n' && b[v + 2] == ' ') {
      v = Value.skipBlanks(b, v + 3, pipe); // echo -n …
    }
    cliCredential(b, Value.quotedOrWord(b, v, pipe), out);
  }

  /**
   * nginx's signed links: the secret written into {@code secure_link_md5}'s expression ({@code
   * "$secure_link_expires$uri$remote_addr s3cr3t"}: the literal text among the variables, its longest run). Whoever
   * reads it can sign any link. ({@code secure_link_secret}'s word is a name's value: the context rule's.)
   */
  private static void secureLink(byte[] b, int p, int to, List<Finding> out) {
    Value argument = Value.quotedOrWord(b, Value.skipBlanks(b, p, to), to);
    if (argument == null) {
      return;
    }
    int bestStart = -1;
    int bestEnd = -1;
    int q = argument.start();
    int end = argument.end();
    while (q < end) {
      if (b[q] == '$') { // a variable: $uri, ${arg_expires}
        q++;
        if (q < end && b[q] == '{') {
          while (q < end && b[q] != '}') {
            q++;
          }
          q++;
        } else {
          while (q < end && Bytes.is(b[q], Bytes.IDENT)) {
            q++;
          }
        }
      } else if (b[q] == ' ') {
        q++;
      } else {
        int s = q;
        while (q < end && b[q] != '$' && b[q] != ' ') {
          q++;
        }
        if (q - s > bestEnd - bestStart) {
          bestStart = s;
          bestEnd = q;
        }
      }
    }
    if (bestEnd - bestStart >= 8 && !Placeholders.isPlaceholder(b, bestStart, bestEnd)) {
      out.add(new Finding(bestStart, bestEnd, Category.SECRET, "nginx-secure-link-secret", 0.85));
    }
  }

  /**
   * {@code curl -u user:password} and {@code --user user:password}; libcurl's {@code CURLOPT_USERPWD, "user:password"},
   * HAProxy's {@code stats auth user:password}.
   */
  private static void curlUser(byte[] b, int at, int literalLength, int to, List<Finding> out) {
    int p = at + literalLength;
    while (p < to && b[p] == ' ') {
      p++;
    }
    if (p >= to) {
      return;
    }
    byte quote = b[p] == '"' || b[p] == '\'' ? b[p] : 0;
    int start = quote != 0 ? p + 1 : p;
    int end = start;
    while (end < to && end - start < 256 && (quote != 0 ? b[end] != quote : !Bytes.is(b[end], Bytes.SPACE))
        && b[end] != '\n') {
      end++;
    }
    int colon = Bytes.indexOf(b, start, end, COLON);
    if (colon < 0 || end - colon < 5 || Placeholders.isPlaceholder(b, colon + 1, end)
        || Placeholders.isPlaceholder(b, start, end)) {
      return;
    }
    out.add(new Finding(start, end, Category.SECRET, "cli-credentials", 0.85));
  }

  /**
   * A line of a PostgreSQL password file ({@code ~/.pgpass}, {@code PGPASSFILE}), {@code host:port:database:user:password},
   * the port PostgreSQL's or PgBouncer's default or {@code *} (the trigger): the password is the rest of the line. A
   * file's lines as a tool read them ({@code cat -n}, Claude Code's numbered lines) count: the host may follow a tab,
   * a space or an arrow.
   */
  private static void pgpass(byte[] b, int at, int literalLength, int from, int to, List<Finding> out) {
    int hostStart = at;
    while (hostStart > from && at - hostStart < 256 && pgpassField(b[hostStart - 1])) {
      hostStart--;
    }
    if (hostStart == at || hostStart > from && (b[hostStart - 1] == ':' || b[hostStart - 1] == '/'
        || b[hostStart - 1] == '@' || Bytes.is(b[hostStart - 1], Bytes.ALNUM))) {
      return; // no host, or the colon chain goes on to the left (a URL, a time, an ARN)
    }
    int p = at + literalLength;
    for (int field = 0; field < 2; field++) { // database, user
      int start = p;
      while (p < to && p - start < 64 && pgpassField(b[p])) {
        p++;
      }
      if (p == start || p >= to || b[p] != ':') {
        return;
      }
      p++;
    }
    int end = p;
    while (end < to && end - p <= 128 && b[end] != '\n' && b[end] != '\r') {
      if (b[end] == ':' && b[end - 1] != '\\') {
        return; // a sixth field: not this file's line
      }
      end++;
    }
    if (end - p <= 128 && Keyword.PASSWORD.accepts(b, p, end, true, false)) {
      out.add(new Finding(p, end, Category.SECRET, "pgpass-password", 0.9));
    }
  }

  /** Password-hash schemes of {@code .htpasswd} (Apache MD5, bcrypt, SHA-1) and {@code /etc/shadow} (crypt(3)). */
  private static final String[] HASH_LINE_SCHEMES = {"$apr1$", "$2y$", "$2a$", "$2b$", "{SHA}", "$1$", "$5$", "$6$",
      "$y$"};

  /**
   * A password hash on its user's line in a credential file: {@code user:$apr1$…} ({@code .htpasswd}), {@code
   * root:$6$…:19000:0:…} ({@code /etc/shadow}). Such a file exists to be a list of credentials, and its hashes are
   * cracked offline (Apache's MD5, bcrypt at cost 5), so the hash is a secret there; a hash as a value in code or
   * config ({@code password_hash = "$2b$…"}, a fixture's user) stays none ({@link Keyword#notASecretValue}).
   */
  private static void hashLine(byte[] b, int at, int from, int to, List<Finding> out) {
    int userStart = at;
    while (userStart > from && at - userStart < 64 && pgpassField(b[userStart - 1])) {
      userStart--;
    }
    if (userStart == at || userStart > from && b[userStart - 1] != '\n' && b[userStart - 1] != '\t'
        && b[userStart - 1] != ' ' && b[userStart - 1] != '\r' && b[userStart - 1] >= 0) {
      return; // the user starts its line (or follows a tool's line number)
    }
    int start = at + 1;
    int end = start;
    while (end < to && end - start < 256 && Bytes.is(b[end], Bytes.B64 | Bytes.DOT | Bytes.EQUALS)
        || end < to && (b[end] == '$' || b[end] == '{' || b[end] == '}')) {
      end++;
    }
    if (end - start >= 20 && (end == to || b[end] == ':' || Bytes.is(b[end], Bytes.SPACE) || b[end] == '\n'
        || b[end] == '\r')) {
      out.add(new Finding(start, end, Category.SECRET, "password-hash-line", 0.85));
    }
  }

  /** A byte of a host, database or user field of a {@code .pgpass} line. */
  private static boolean pgpassField(byte c) {
    return Bytes.is(c, Bytes.ALNUM) || c == '.' || c == '-' || c == '_' || c == '*' || c == '$';
  }

  /** Private IPv4 addresses (10/8, 172.16/12, 192.168/16): internal topology is a secret too. */
  private static void privateIp(byte[] b, int at, int from, int to, List<Finding> out) {
    if (at > from && (Bytes.is(b[at - 1], Bytes.DIGIT | Bytes.DOT))) {
      return;
    }
    int p = at;
    int[] octets = new int[4];
    for (int k = 0; k < 4; k++) {
      int digits = 0;
      int value = 0;
      while (p < to && Bytes.is(b[p], Bytes.DIGIT) && digits < 4) {
        value = value * 10 + (b[p] - '0');
        p++;
        digits++;
      }
      if (digits == 0 || digits > 3 || value > 255) {
        return;
      }
      octets[k] = value;
      if (k < 3) {
        if (p >= to || b[p] != '.') {
          return;
        }
        p++;
      }
    }
    if (p < to && (Bytes.is(b[p], Bytes.DIGIT) || (b[p] == '.' && p + 1 < to && Bytes.is(b[p + 1], Bytes.DIGIT)))) {
      return; // a version number or a longer dotted string
    }
    boolean isPrivate = octets[0] == 10 || (octets[0] == 172 && octets[1] >= 16 && octets[1] <= 31)
        || (octets[0] == 192 && octets[1] == 168);
    if (isPrivate) {
      out.add(new Finding(at, p, Category.HOST, "private-ip", 0.8));
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private enum Kind {
    PREFIX, CONTEXT, PEM, JWT, URL, BEARER, CURL_USER, PRIVATE_IP, KUBERNETES, PGPASS, HASH_LINE, BASIC, VAULT_LOGIN,
    ORACLE_THIN, MYSQL_CLI, IDENTIFIED_BY, PUTTY, BASE64_PEM, EZCONNECT, GO_DSN, LOGIN_CLI, SECURE_STRING,
    FOREIGN, SSH2, HTPASSWD, COMMAND_PAIRS, ECHO, PLIST, SET_PASSWORD, OPENSSL_PASS, JWK, TERRAFORM_PASSWORD, TABLE,
    CONCATENATION, CODES, CALL, DIRECTIVE_PASSWORD, CISCO_TYPE7, DECODED, SECURE_LINK, PASSWORD_STDIN, NAMED_ELEMENT, ENCODED, WORD_DIFF
  }

  private static final class Trigger {
    final byte[] literal;
    final boolean ignoreCase;
    final Kind kind;
    final @Nullable PrefixRule rule;
    final @Nullable Keyword keyword;
    /** Offset of the literal's rarest byte pair, the one the prefilter keys on. */
    final int offset;
    /**
     * The literal's first (up to) eight bytes as one little-endian long, the bytes past its end zero in {@link #mask},
     * and {@link #fold} the case bit of its letters when case is ignored ({@code x | 0x20} is a lower-case letter
     * exactly when {@code x} is that letter in either case): one load, an OR, an AND and a compare per candidate
     * instead of a byte loop (the hot loop checks two or three triggers at every name on code-heavy prompts).
     */
    private final long head;
    private final long mask;
    private final long fold;

    Trigger(byte[] literal, boolean ignoreCase, Kind kind, @Nullable PrefixRule rule, @Nullable Keyword keyword) {
      this.literal = ignoreCase ? lowered(literal) : literal;
      this.ignoreCase = ignoreCase;
      this.kind = kind;
      this.rule = rule;
      this.keyword = keyword;
      int best = 0;
      for (int k = 1; k + 1 < literal.length; k++) {
        if (PairFrequency.of(literal[k], literal[k + 1]) < PairFrequency.of(literal[best], literal[best + 1])) {
          best = k;
        }
      }
      this.offset = best;
      long head = 0;
      long mask = 0;
      long fold = 0;
      for (int k = 0; k < Math.min(8, this.literal.length); k++) {
        byte c = this.literal[k];
        head |= (c & 0xffL) << (8 * k);
        mask |= 0xffL << (8 * k);
        if (ignoreCase && c >= 'a' && c <= 'z') {
          fold |= 0x20L << (8 * k);
        }
      }
      this.head = head;
      this.mask = mask;
      this.fold = fold;
    }

    /** Whether {@code b[at, to)} starts with the literal. */
    boolean at(byte[] b, int at, int to) {
      int n = literal.length;
      if (to - at < n) {
        return false;
      }
      if (at + 8 > b.length) {
        return Bytes.startsWith(b, at, to, literal, ignoreCase);
      }
      return ((ByteScan.load(b, at) | fold) & mask) == head
          && (n <= 8 || Bytes.startsWith(b, at, to, literal, ignoreCase));
    }

    private static byte[] lowered(byte[] literal) {
      byte[] out = literal.clone();
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) Bytes.lower(out[i]);
      }
      return out;
    }
  }
}
