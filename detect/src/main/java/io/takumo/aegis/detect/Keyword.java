package io.takumo.aegis.detect;

import org.jspecify.annotations.Nullable;

/**
 * Secret-sounding names and what a value assigned to them must look like (SPEC §4.2). Names are
 * split into segments at {@code _ - .} and camelCase humps: {@code db_password},
 * {@code userPassword}, {@code AWS_SECRET_ACCESS_KEY}, {@code x-api-key}.
 */
enum Keyword {
  PASSWORD("pass", Category.SECRET, 0.85),
  PWD("pwd", Category.SECRET, 0.85),
  TOKEN("token", Category.TOKEN, 0.8),
  KEY("key", Category.KEY, 0.75),
  SECRET("secret", Category.SECRET, 0.8),
  AUTH("auth", Category.TOKEN, 0.75),
  CREDENTIAL("cred", Category.SECRET, 0.75),
  /** Tool logins that are tokens ({@code SONAR_LOGIN}); only long random values count. */
  LOGIN("login", Category.TOKEN, 0.7),
  /** Bundler gem-server credentials: {@code BUNDLE_GEMS__EXAMPLE__COM=user:password}. */
  BUNDLER("bundle_", Category.SECRET, 0.85);

  /** Trigger literal for the prefilter (lower case). */
  final byte[] literal;
  final Category category;
  final double confidence;
  final String id;

  Keyword(String literal, Category category, double confidence) {
    this.literal = Detector.ascii(literal);
    this.category = category;
    this.confidence = confidence;
    this.id = name().toLowerCase(java.util.Locale.ROOT);
  }

  private static final WordSet PASSWORD_WORDS = new WordSet("password", "passwd", "pwd", "pass", "passphrase", "passcode");
  private static final WordSet KEY_WORDS = new WordSet("key", "apikey", "privatekey", "secretkey", "accesskey", "signingkey",
      "masterkey", "licensekey", "encryptionkey", "authkey", "clientkey", "appkey", "accountkey", "sharedaccesskey",
      "subscriptionkey", "webhookkey", "servicekey", "adminkey", "restkey", "jwtkey", "hmackey", "sslkey", "tlskey");
  /** A last segment that says the value describes a secret rather than being one. */
  private static final WordSet METADATA = new WordSet("id", "ids", "name", "names", "path", "paths", "file", "files", "dir",
      "size", "type", "types", "length", "len", "prefix", "suffix", "alias", "field", "fields", "format", "usage",
      "version", "url", "uri", "endpoint", "expiry", "expires", "expiration", "ttl", "count", "index", "label",
      "header", "param", "policy", "hint", "rotation", "created", "updated", "hash", "hashed", "digest", "env",
      "var", "variable", "ref", "arn", "location", "store", "provider", "mode", "enabled", "required", "min", "max",
      "placeholder", "description", "regex", "pattern", "validator", "column", "kind", "class", "event", "events",
      "pair", "ring", "board", "code", "word", "words", "stroke", "frame", "frames", "map", "set", "list", "cache",
      "source", "server", "host", "domain", "method", "methods", "scheme", "mechanism", "status", "state", "level",
      "flow", "realm", "redirect", "callback", "timeout", "audience", "issuer", "scope", "scopes", "role", "roles",
      "group", "chars", "alphabet", "charset", "pressed", "press", "down", "up", "meshing", "signatures", "usage");
  /** Segments that make a name about something other than a secret: public keys, data-structure keys. */
  private static final WordSet NOT_SECRET = new WordSet("public", "pub", "publishable", "bucket", "sort", "partition",
      "primary", "foreign", "lookup", "object", "row", "shortcut", "hot", "schema", "entity", "table", "unique",
      "composite", "idempotency", "dedup", "route", "node", "tree", "registry", "translation", "i18n",
      "react", "item", "vault", "cache", "storage", "s3", "redis", "map", "dict", "hash", "sort", "next", "prev",
      "previous", "first", "last", "max", "min", "num", "csrf", "xsrf", "page", "cursor", "continuation", "sync",
      "authenticity", "jsonwebtoken");
  private static final byte[] DOUBLE_UNDERSCORE = Detector.ascii("__");
  private static final byte[] COLON = Detector.ascii(":");
  private static final WordSet AUTH_WORDS = new WordSet("auth", "authorization", "authtoken", "authkey", "basicauth",
      "_auth");

  private static byte[][] words(String... values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = Detector.ascii(values[i]);
    }
    return out;
  }

  /** The kind of secret the name {@code b[from, to)} announces, or null for an ordinary name. */
  static @Nullable Keyword classify(byte[] b, int from, int to) {
    // Strip quoting and a leading dash or two (CLI flags) from the name.
    while (from < to && (b[from] == '-' || b[from] == '"' || b[from] == '\'')) {
      from++;
    }
    if (Bytes.startsWith(b, from, to, BUNDLER.literal, true) && Placeholders.containsIgnoreCase(b, from, to, DOUBLE_UNDERSCORE)) {
      return BUNDLER;
    }
    Keyword best = null;
    boolean notSecret = false;
    int segStart = from;
    int lastSegStart = from;
    int lastSegEnd = from;
    for (int i = from; i <= to; i++) {
      boolean boundary = i == to || b[i] == '_' || b[i] == '-' || b[i] == '.'
          || (i > from && Bytes.is(b[i], Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.LOWER | Bytes.DIGIT))
          // an acronym's end: azureOpenAIKey is azure Open AI Key, JWTSecret is JWT Secret
          || (i > from && i + 1 < to && Bytes.is(b[i], Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.UPPER)
              && Bytes.is(b[i + 1], Bytes.LOWER));
      if (!boundary) {
        continue;
      }
      if (i > segStart) {
        notSecret |= NOT_SECRET.contains(b, segStart, i);
        Keyword k = segment(b, segStart, i);
        if (k != null && (best == null || k.ordinal() < best.ordinal())) {
          best = k;
        }
        lastSegStart = segStart;
        lastSegEnd = i;
      }
      segStart = (i < to && Bytes.is(b[i], Bytes.UPPER)) ? i : i + 1;
    }
    if (best == null || notSecret || METADATA.contains(b, lastSegStart, lastSegEnd)) {
      return null;
    }
    return best == PWD ? PASSWORD : best;
  }

  private static final byte[] W_PASSWORD = Detector.ascii("password");
  private static final byte[] W_PASSWD = Detector.ascii("passwd");
  private static final byte[] W_PWD = Detector.ascii("pwd");
  private static final byte[] W_TOKEN = Detector.ascii("token");
  private static final byte[] W_TOKENIZ = Detector.ascii("tokeniz");
  private static final WordSet W_TOKENS = new WordSet("tokens");
  private static final byte[] W_APIKEY = Detector.ascii("apikey");
  private static final byte[] W_SECRETKEY = Detector.ascii("secretkey");
  private static final byte[] W_ACCESSKEY = Detector.ascii("accesskey");
  private static final byte[] W_PRIVATEKEY = Detector.ascii("privatekey");
  private static final byte[] W_SECRET = Detector.ascii("secret");
  private static final byte[] W_SECRETAR = Detector.ascii("secretar");
  private static final byte[] W_CREDENTIAL = Detector.ascii("credential");
  private static final WordSet W_CREDS = new WordSet("creds", "cred");
  private static final WordSet W_LOGIN = new WordSet("login");
  private static final byte[] W_KEY = Detector.ascii("key");

  private static @Nullable Keyword segment(byte[] b, int from, int to) {
    if (PASSWORD_WORDS.contains(b, from, to) || endsWith(b, from, to, W_PASSWORD) || endsWith(b, from, to, W_PASSWD)
        || endsWith(b, from, to, W_PWD)) {
      return PASSWORD;
    }
    if (contains(b, from, to, W_TOKEN) && !contains(b, from, to, W_TOKENIZ) && !W_TOKENS.contains(b, from, to)) {
      return TOKEN;
    }
    if (KEY_WORDS.contains(b, from, to) || endsWith(b, from, to, W_APIKEY) || endsWith(b, from, to, W_SECRETKEY)
        || endsWith(b, from, to, W_ACCESSKEY) || endsWith(b, from, to, W_PRIVATEKEY)) {
      return KEY;
    }
    if (contains(b, from, to, W_SECRET) && !contains(b, from, to, W_SECRETAR)) {
      return SECRET;
    }
    if (AUTH_WORDS.contains(b, from, to)) {
      return AUTH;
    }
    if (contains(b, from, to, W_CREDENTIAL) || W_CREDS.contains(b, from, to)) {
      return CREDENTIAL;
    }
    if (W_LOGIN.contains(b, from, to)) {
      return LOGIN;
    }
    return null;
  }

  /** The shortest value any kind of name accepts ({@link #accepts}): shorter ones need no name. */
  static final int MIN_VALUE = 6;

  /** Whether {@code b[from, to)} is a value this kind of name really holds as a secret. */
  boolean accepts(byte[] b, int from, int to, boolean quoted, boolean envStyle) {
    if (this == AUTH) {
      from = skipScheme(b, from, to);
      if (basicCredentials(b, from, to)) {
        return true; // Docker config.json "auth", .npmrc _auth: base64 of user:password
      }
    }
    int len = to - from;
    if (this != PASSWORD && this != PWD && this != LOGIN && awsSecretShape(b, from, to)) {
      return true; // ~/.aws/credentials: aws_secret_access_key = <40 random base64>, unquoted, maybe starting with '/'
    }
    if (len <= 0 || len > 4096) {
      return false;
    }
    int spaces = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == ' ' || b[i] == '\t') {
        spaces++;
      } else if (Bytes.is(b[i], Bytes.DIGIT)) {
        digits++;
      } else if (b[i] == '\n' || b[i] == '\r') {
        return false; // multi-line values are documents, not credentials (PEM has its own rule)
      }
    }
    if (!quoted && !envStyle && (isExpression(b, from, to) || (digits == 0 && isIdentifier(b, from, to)))) {
      return false; // password = otherVariable, key = Ed25519.Signatures
    }
    if (digits == len && len < 12) {
      return false; // ports, counts, lengths
    }
    // The counts first, the placeholder words and the entropy only for a value that passes them: code
    // assigns short and spaced values to key-like names all the time.
    switch (this) {
      case BUNDLER:
        return len >= 6 && spaces == 0 && !Placeholders.isPlaceholder(b, from, to)
            && Placeholders.containsIgnoreCase(b, from, to, COLON);
      case PASSWORD:
      case PWD:
        return len >= 6 && len <= 128 && spaces <= 1 && !Placeholders.isPlaceholder(b, from, to);
      case LOGIN:
        return len >= 20 && spaces == 0 && digits > 0 && !Placeholders.isPlaceholder(b, from, to)
            && Bytes.entropy(b, from, to) >= 3.0;
      case SECRET:
        return len >= 8 && spaces == 0 && (len >= 20 || Bytes.classesPresent(b, from, to) >= 2)
            && !Placeholders.isPlaceholder(b, from, to) && Bytes.entropy(b, from, to) >= 2.5;
      default:
        // API keys and tokens are random: digits and letters both, and no words or hostnames.
        return len >= 12 && spaces == 0 && digits > 0 && digits < len && !Placeholders.isPlaceholder(b, from, to)
            && Bytes.entropy(b, from, to) >= 3.0 && !hostname(b, from, to) && !namesAKey(b, from, to)
            && !dottedName(b, from, to) && !versioned(b, from, to);
    }
  }

  /**
   * Forty characters of the base64 alphabet with upper, lower and digit and a random's entropy:
   * the shape of an AWS secret access key (and many another generated secret), never of code, a
   * path or a hex digest.
   */
  private static boolean awsSecretShape(byte[] b, int from, int to) {
    if (to - from != 40 || Bytes.classesPresent(b, from, to) < 3) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Bytes.is(b[i], Bytes.ALNUM | Bytes.PLUS_SLASH)) {
        return false;
      }
    }
    return Bytes.entropy(b, from, to) >= 4.0;
  }

  private static final byte[][] SCHEMES = words("bearer ", "basic ", "token ", "api-token ", "digest ");

  /** Base64 that decodes to printable {@code user:password}. */
  private static boolean basicCredentials(byte[] b, int from, int to) {
    int len = to - from;
    if (len < 8 || len > 512 || len % 4 != 0) {
      return false;
    }
    try {
      byte[] decoded = java.util.Base64.getDecoder().decode(java.util.Arrays.copyOfRange(b, from, to));
      int colon = -1;
      for (int i = 0; i < decoded.length; i++) {
        if (decoded[i] < 0x20 || decoded[i] > 0x7e) {
          return false;
        }
        if (decoded[i] == ':' && colon < 0) {
          colon = i;
        }
      }
      return colon > 0 && colon < decoded.length - 1;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int skipScheme(byte[] b, int from, int to) {
    for (byte[] scheme : SCHEMES) {
      if (Bytes.startsWith(b, from, to, scheme, true)) {
        return from + scheme.length;
      }
    }
    return from;
  }

  /**
   * An unquoted value that is code ({@code f(x)}, {@code $VAR}) or a member access ({@code
   * settings.api_key}): never a secret's literal, and never base64 or an AWS secret either (no
   * brackets, {@code $} or dotted names in those), so no kind of name accepts it.
   */
  static boolean isExpression(byte[] b, int from, int to) {
    return looksLikeCode(b, from, to) || memberAccess(b, from, to);
  }

  private static boolean looksLikeCode(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '$') {
        return true;
      }
    }
    return false;
  }

  /** {@code Foo.bar}, {@code obj.field}: a member access, not a literal. */
  private static boolean memberAccess(byte[] b, int from, int to) {
    if (!Bytes.is(b[from], Bytes.UPPER | Bytes.LOWER | Bytes.UNDERSCORE)) {
      return false;
    }
    for (int i = from; i < to - 1; i++) {
      if (b[i] == '.' && Bytes.is(b[i + 1], Bytes.UPPER | Bytes.LOWER)) {
        return true;
      }
    }
    return false;
  }

  /** {@code id-Gost28147-89-None-KeyMeshing}: the value is itself a name with "Key" as a word in it. */
  private static boolean namesAKey(byte[] b, int from, int to) {
    for (int i = from; i <= to - 3; i++) {
      if (Bytes.startsWith(b, i, to, W_KEY, true)) {
        boolean wordStart = i == from || !Bytes.is(b[i - 1], Bytes.UPPER | Bytes.LOWER)
            || (Bytes.is(b[i - 1], Bytes.LOWER) && Bytes.is(b[i], Bytes.UPPER));
        if (wordStart) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code jetbrains.mps.v8_elimination}: a dotted lower-case name, every part starting with a letter. */
  private static boolean dottedName(byte[] b, int from, int to) {
    boolean dot = false;
    boolean partStart = true;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '.') {
        dot = true;
        partStart = true;
        continue;
      }
      if (partStart && !Bytes.is(c, Bytes.LOWER)) {
        return false;
      }
      if (!Bytes.is(c, Bytes.LOWER | Bytes.DIGIT | Bytes.UNDERSCORE | Bytes.DASH)) {
        return false;
      }
      partStart = false;
    }
    return dot;
  }

  /** {@code jjwt-jackson-0.11.2}: ends in a dotted version number. */
  private static boolean versioned(byte[] b, int from, int to) {
    int dots = 0;
    int i = to - 1;
    while (i >= from && (Bytes.is(b[i], Bytes.DIGIT) || b[i] == '.')) {
      dots += b[i] == '.' ? 1 : 0;
      i--;
    }
    return dots >= 2 && i >= from && (b[i] == '-' || b[i] == 'v' || b[i] == '@');
  }

  /** {@code sm02915.int.contoso.com}: dotted labels ending in letters. */
  private static boolean hostname(byte[] b, int from, int to) {
    int dots = 0;
    int lastDot = -1;
    for (int i = from; i < to; i++) {
      if (b[i] == '.') {
        dots++;
        lastDot = i;
      } else if (!Bytes.is(b[i], Bytes.LOWER | Bytes.DIGIT | Bytes.DASH)) {
        return false;
      }
    }
    if (dots == 0 || lastDot == to - 1) {
      return false;
    }
    for (int i = lastDot + 1; i < to; i++) {
      if (!Bytes.is(b[i], Bytes.LOWER)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Bytes.is(b[i], Bytes.UPPER | Bytes.LOWER | Bytes.UNDERSCORE | Bytes.DOT)) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(byte[] b, int from, int to, byte[] word) {
    int start = to - word.length;
    return start >= from && Bytes.startsWith(b, start, to, word, true);
  }

  private static boolean contains(byte[] b, int from, int to, byte[] word) {
    return Placeholders.containsIgnoreCase(b, from, to, word);
  }
}
