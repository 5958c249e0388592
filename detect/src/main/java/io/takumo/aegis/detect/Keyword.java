package io.takumo.aegis.detect;

import org.jspecify.annotations.Nullable;

/**
 * Secret-sounding names and what a value assigned to them must look like (SPEC §4.2). Names are
 * split into segments at {@code _ - .} and camelCase humps: {@code db_password},
 * {@code userPassword}, {@code AWS_SECRET_ACCESS_KEY}, {@code x-api-key}.
 */
enum Keyword {
  PASSWORD("pass", Category.SECRET, 0.85),
  /** {@code pwd}, {@code pw}: {@code BIND_PW=…}, "pw for prod postgres -> …". */
  PWD("pw", Category.SECRET, 0.85),
  TOKEN("token", Category.TOKEN, 0.8),
  KEY("key", Category.KEY, 0.75),
  SECRET("secret", Category.SECRET, 0.8),
  /**
   * A salt kept in configuration ({@code define('NONCE_SALT', '…')}, WordPress's eight keys and salts; {@code
   * SECURITY_PASSWORD_SALT}): a signing secret by another name. Only long random values of three classes count: a
   * salt in a row of data sits beside its hash, in hex.
   */
  SALT("salt", Category.SECRET, 0.75),
  AUTH("auth", Category.TOKEN, 0.75),
  CREDENTIAL("cred", Category.SECRET, 0.75),
  /** Tool logins that are tokens ({@code SONAR_LOGIN}); only long random values count. */
  LOGIN("login", Category.TOKEN, 0.7),
  /** Bundler gem-server credentials: {@code BUNDLE_GEMS__EXAMPLE__COM=user:password}. */
  BUNDLER("bundle_", Category.SECRET, 0.85),
  /**
   * A key under a name with {@code storage} and no {@code account} ({@code STORAGE_KEY}): usually a browser's local
   * storage entry, a secret only in an Azure storage account key's exact shape. Never a trigger: the name's
   * {@code key} is ({@link Detector}); its findings are {@code context-key}.
   */
  STORAGE("key", Category.KEY, 0.75, "key"),
  /** A cookie's value ({@code Cookie: session=…}): a session is a credential; only long random values count. */
  COOKIE("cookie", Category.TOKEN, 0.7);

  /** Trigger literal for the prefilter (lower case). */
  final byte[] literal;
  final Category category;
  final double confidence;
  final String id;
  /** The rule id of this kind's findings, {@code context-} and the id: made once, not per finding. */
  private final String ruleId;

  Keyword(String literal, Category category, double confidence) {
    this(literal, category, confidence, null);
  }

  Keyword(String literal, Category category, double confidence, @Nullable String id) {
    this.literal = Detector.ascii(literal);
    this.category = category;
    this.confidence = confidence;
    this.id = id != null ? id : name().toLowerCase(java.util.Locale.ROOT);
    this.ruleId = "context-" + this.id;
  }

  /** A finding of this kind's value {@code b[start, end)}. */
  Finding finding(int start, int end) {
    return new Finding(start, end, category, ruleId, confidence);
  }

  private static final String[] PASSWORD_WORDS = {"password", "passwd", "pwd", "pw", "pass", "passphrase", "passcode",
      "requirepass", "masterauth", // Redis's
      "pgpass", // libpq's name for a password in scripts: PGPASS=…
      "storepass", "keypass", "deststorepass", "srcstorepass", "destkeypass", "srckeypass"}; // keytool's flags
  private static final String[] KEY_WORDS = {"key", "apikey", "privatekey", "secretkey", "accesskey", "signingkey",
      "masterkey", "licensekey", "encryptionkey", "authkey", "clientkey", "appkey", "accountkey", "sharedaccesskey",
      "subscriptionkey", "webhookkey", "servicekey", "adminkey", "restkey", "jwtkey", "hmackey", "sslkey", "tlskey",
      "writekey", "ingestkey", "secretkeybase", "sessionkey", "cookiekey"};
  /** A last segment that says the value describes a secret rather than being one. */
  private static final String[] METADATA = {"id", "ids", "name", "names", "path", "paths", "file", "files", "dir",
      "size", "type", "types", "length", "len", "prefix", "suffix", "alias", "field", "fields", "format", "usage",
      "version", "url", "uri", "endpoint", "expiry", "expires", "expiration", "ttl", "count", "index", "label",
      "header", "param", "policy", "hint", "rotation", "created", "updated", "hash", "hashed", "digest", "env",
      "var", "variable", "ref", "arn", "location", "store", "provider", "mode", "enabled", "required", "min", "max",
      "placeholder", "description", "regex", "pattern", "validator", "column", "kind", "class", "event", "events",
      "pair", "ring", "board", "code", "word", "words", "stroke", "frame", "frames", "map", "set", "list", "cache",
      "source", "server", "host", "domain", "method", "methods", "scheme", "mechanism", "status", "state", "level",
      "flow", "realm", "redirect", "callback", "timeout", "audience", "issuer", "scope", "scopes", "role", "roles",
      "group", "chars", "alphabet", "charset", "pressed", "press", "down", "up", "meshing", "signatures", "usage",
      "region", "zone",
      // what happened to a secret, when, and how it is derived or checked: PASSWORD_CHANGED_AT, key_rotation_days
      "changed", "rotated", "at", "setting", "settings", "accessor", "hasher", "hashing", "fingerprint", "fpr", "thumbprint", "checksum",
      "sha", "sha1", "sha256", "sha512", "md5", "days", "hours", "minutes", "seconds", "ms", "interval", "action",
      "actions", "cipher", "algorithm", "alg",
      // a user interface's strings about a secret (locales: auth.errors.wrong_password, profile.change_password)
      "wrong", "forgot", "expired", "error", "errors", "change", "help", "title", "tooltip", "caption", "prompt"};
  /** Segments that make a name about something other than a secret: public keys, caches, pagination. */
  private static final String[] NOT_SECRET = {"public", "pub", "publishable", "bucket", "idempotency",
      "dedup", "vault", "cache", "hash", "next", "prev",
      "previous", "first", "last", "max", "min", "num", "csrf", "xsrf", "page", "cursor", "continuation", "sync",
      "authenticity", "jsonwebtoken", "hashed", "pagination", "paging",
      "csrftoken", "csrfmiddlewaretoken", "xsrftoken", // Django's and Angular's CSRF cookies and form fields
      // authorized_keys hold public keys; Drone's from_secret names the secret it reads
      "authorized", "from"};
  /**
   * Segments that make a KEY name a data structure's key ({@code SORT_KEY}, {@code ITEM_KEY}, {@code
   * REGISTRY_KEY}) but leave a token, a secret or a password what it is: {@code CARGO_REGISTRY_TOKEN}, Rollbar's
   * {@code POST_SERVER_ITEM_ACCESS_TOKEN}, k3s's {@code NODE_TOKEN}.
   */
  private static final String[] DATA_KEY = {"sort", "partition", "primary", "foreign", "lookup", "object",
      "row", "shortcut", "hot", "schema", "entity", "table", "unique", "composite", "route", "node", "tree",
      "registry", "translation", "i18n", "react", "item", "map", "dict", "kms", "redis",
      // a feature flag's or an experiment's key: FLAG_KEY=ff_2025_q1_pricing_v2, experimentKey
      "flag", "feature", "experiment"};
  private static final byte[] DOUBLE_UNDERSCORE = Detector.ascii("__");
  private static final byte[] COLON = Detector.ascii(":");
  private static final String[] AUTH_WORDS = {"auth", "authorization", "authtoken", "authkey", "basicauth",
      "_auth"};

  private static byte[][] words(String... values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = Detector.ascii(values[i]);
    }
    return out;
  }

  /** A host's top-level domain at the end of a Bundler credential's name written with single underscores. */
  private static final byte[][] HOST_SUFFIXES = words("_COM", "_IO", "_ORG", "_NET", "_DEV");

  private static final byte[] SECRET_ID = Detector.ascii("secretid");
  private static final byte[] W_VAULT = Detector.ascii("vault");
  private static final byte[] W_ROLE = Detector.ascii("role");

  /** Whether the name ends in {@code secret_id}, {@code secret-id}, {@code SecretId} (separators skipped, any case). */
  private static boolean secretId(byte[] b, int from, int to) {
    int k = SECRET_ID.length;
    for (int i = to - 1; i >= from && k > 0; i--) {
      if (b[i] == '_' || b[i] == '-') {
        continue;
      }
      if (Bytes.lower(b[i]) != SECRET_ID[--k]) {
        return false;
      }
    }
    return k == 0;
  }

  /** The kind of secret the name {@code b[from, to)} announces, or null for an ordinary name. */
  static @Nullable Keyword classify(byte[] b, int from, int to) {
    // Strip quoting and a leading dash or two (CLI flags) from the name.
    while (from < to && (b[from] == '-' || b[from] == '"' || b[from] == '\'')) {
      from++;
    }
    if (Bytes.startsWith(b, from, to, BUNDLER.literal, true) && (Placeholders.containsIgnoreCase(b, from, to, DOUBLE_UNDERSCORE)
        || Bytes.endsWithAny(b, from, to, HOST_SUFFIXES))) {
      return BUNDLER; // BUNDLE_GEMS__CONTRIBSYS__COM, and as some write it, BUNDLE_ENTERPRISE_CONTRIBSYS_COM
    }
    Keyword best = null;
    boolean notSecret = false;
    int segStart = from;
    int lastSegStart = from;
    int lastSegEnd = from;
    int specialSegments = 0; // SPECIAL_SEGMENTS seen, as SEG_ bits
    boolean s3 = false; // S3_KEY names an object's key; S3_SECRET_ACCESS_KEY is a secret
    boolean dataKey = false;
    int lastWords = 0; // the last segment's LEXICON bits
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
        int words = Math.max(0, LEXICON.indexOf(b, segStart, i));
        int digits = i;
        while (words == 0 && digits - 1 > segStart && Bytes.is(b[digits - 1], Bytes.DIGIT)) {
          digits--; // a numbered name is the name: key1, token2, PASSWORD_2 (after "sha256", "md5" are looked up whole)
        }
        if (digits < i) {
          words = Math.max(0, LEXICON.indexOf(b, segStart, digits));
        }
        notSecret |= (words & L_NOT_SECRET) != 0;
        dataKey |= (words & L_DATA_KEY) != 0;
        s3 |= i - segStart == 2 && (b[segStart] | 0x20) == 's' && b[segStart + 1] == '3';
        int special = (words >>> L_SPECIAL_SHIFT) - 1;
        if (special >= 0) {
          specialSegments |= specialSegment(special, b, lastSegStart, lastSegEnd);
        }
        Keyword k = segment(b, segStart, words != 0 ? digits : i, words);
        if (k != null && (best == null || k.ordinal() < best.ordinal())) {
          best = k;
        }
        lastSegStart = segStart;
        lastSegEnd = i;
        lastWords = words;
      }
      segStart = (i < to && Bytes.is(b[i], Bytes.UPPER)) ? i : i + 1;
    }
    // VAULT_UNSEAL_KEY ("vault" names its paths otherwise), Drupal's HASH_SALT, Rails'
    // ACTIVE_RECORD_ENCRYPTION_PRIMARY_KEY ("primary" names a table's key otherwise)
    boolean named = best == KEY && (specialSegments & SEG_UNSEAL) != 0 || best == SALT && (lastWords & L_SALT) != 0;
    if (best == SECRET && secretId(b, from, to) && (contains(b, from, to, W_VAULT) || contains(b, from, to, W_ROLE))) {
      return SECRET; // Vault AppRole's secret id (a login credential, a UUID); a SECRET_ID alone names a secret's id
    }
    boolean encryption = best == KEY && (specialSegments & SEG_ENCRYPTION) != 0;
    if (best == null || notSecret && !named || (lastWords & L_METADATA) != 0
        || s3 && !contains(b, from, to, W_SECRET) || dataKey && best == KEY && !encryption) {
      return null;
    }
    if ((specialSegments & (SEG_STORAGE | SEG_ACCOUNT)) == SEG_STORAGE) {
      return best == KEY ? STORAGE : null;
    }
    if (notASecretName(specialSegments, best)) {
      return null;
    }
    return best == PWD ? PASSWORD : best;
  }

  /**
   * Segments that change what a name means together with another (issue 18): a reCAPTCHA/hCaptcha/Turnstile site key
   * ({@code CAPTCHA_SITE_KEY}), a Pusher app key (its secret is the app secret) and an Algolia search(-only) key (the
   * admin key stays a secret) are public by design; {@code STORAGE_KEY} names a browser's local storage entry, but
   * {@code AZURE_STORAGE_ACCOUNT_KEY} is a secret. One hash probe per segment: classify runs on every named value.
   */
  private static final String[] SPECIAL_SEGMENTS = {"key", "pusher", "algolia", "search", "only", "storage",
      "account", "unseal", "encryption", "signingkey"};
  private static final int SEG_SITE_KEY = 1;
  private static final int SEG_PUSHER = 1 << 1;
  private static final int SEG_ALGOLIA = 1 << 2;
  private static final int SEG_SEARCH = 1 << 3;
  private static final int SEG_SEARCH_ONLY = 1 << 4;
  private static final int SEG_STORAGE = 1 << 5;
  private static final int SEG_ACCOUNT = 1 << 6;
  private static final int SEG_UNSEAL = 1 << 7;
  private static final int SEG_ENCRYPTION = 1 << 8;
  /** git config's user.signingkey: the id of a GPG key (4F8B6ABAD0B1429B) or an SSH key's path, not a key. */
  private static final int SEG_GIT_SIGNING = 1 << 9;
  private static final byte[] W_USER = Detector.ascii("user");
  private static final byte[] W_SITE = Detector.ascii("site");
  private static final byte[] W_SEARCH = Detector.ascii("search");

  /** The SEG_ bit of the {@code special}th of SPECIAL_SEGMENTS, given the segment before it. */
  private static int specialSegment(int special, byte[] b, int prevFrom, int prevTo) {
    switch (special) {
      case 0:
        return prevTo - prevFrom == 4 && Bytes.startsWith(b, prevFrom, prevTo, W_SITE, true) ? SEG_SITE_KEY : 0;
      case 1:
        return SEG_PUSHER;
      case 2:
        return SEG_ALGOLIA;
      case 3:
        return SEG_SEARCH;
      case 4:
        return prevTo - prevFrom == 6 && Bytes.startsWith(b, prevFrom, prevTo, W_SEARCH, true) ? SEG_SEARCH_ONLY : 0;
      case 5:
        return SEG_STORAGE;
      case 6:
        return SEG_ACCOUNT;
      case 7:
        return SEG_UNSEAL;
      case 8:
        return SEG_ENCRYPTION;
      default:
        return prevTo - prevFrom == 4 && Bytes.startsWith(b, prevFrom, prevTo, W_USER, true) ? SEG_GIT_SIGNING : 0;
    }
  }

  private static boolean notASecretName(int segments, Keyword kind) {
    return kind == KEY && ((segments & (SEG_SITE_KEY | SEG_PUSHER | SEG_SEARCH_ONLY | SEG_GIT_SIGNING)) != 0
        || (segments & (SEG_ALGOLIA | SEG_SEARCH)) == (SEG_ALGOLIA | SEG_SEARCH));
  }

  private static final byte[] W_PASSWORD = Detector.ascii("password");
  private static final byte[] W_PASSWD = Detector.ascii("passwd");
  private static final byte[] W_PWD = Detector.ascii("pwd");
  private static final byte[] W_TOKEN = Detector.ascii("token");
  private static final byte[] W_TOKENIZ = Detector.ascii("tokeniz");
  private static final String[] W_TOKENS = {"tokens"};
  /** A personal access token's usual name ({@code ASANA_PAT}; Detector's {@code _pat} trigger finds it). */
  private static final String[] W_PAT = {"pat"};
  private static final byte[] W_APIKEY = Detector.ascii("apikey");
  private static final byte[] W_SECRETKEY = Detector.ascii("secretkey");
  private static final byte[] W_ACCESSKEY = Detector.ascii("accesskey");
  private static final byte[] W_PRIVATEKEY = Detector.ascii("privatekey");
  private static final byte[] W_SECRET = Detector.ascii("secret");
  private static final byte[] W_SECRETAR = Detector.ascii("secretar");
  private static final byte[] W_CREDENTIAL = Detector.ascii("credential");
  private static final String[] W_CREDS = {"creds", "cred"};
  private static final String[] W_LOGIN = {"login"};
  /** A cookie's header, and the session cookies of Django, PHP and Java servlets by name (sessionid = '…'). */
  private static final String[] W_COOKIE = {"cookie", "set-cookie", "sessionid", "phpsessid", "jsessionid"};
  private static final String[] W_SALT = {"salt", "passwordsalt"}; // Nextcloud's config.php: 'passwordsalt' => '…'

  private static final int L_PASSWORD = 1;
  private static final int L_KEY = 1 << 1;
  private static final int L_METADATA = 1 << 2;
  private static final int L_NOT_SECRET = 1 << 3;
  private static final int L_DATA_KEY = 1 << 4;
  private static final int L_AUTH = 1 << 5;
  private static final int L_TOKENS = 1 << 6;
  private static final int L_TOKEN_WORD = 1 << 7; // pat, and the words for a token in other languages
  private static final int L_CREDS = 1 << 8;
  private static final int L_LOGIN = 1 << 9;
  private static final int L_COOKIE = 1 << 10;
  private static final int L_SECRET = 1 << 11; // the words for a secret in other languages
  private static final int L_SALT = 1 << 12;
  /** Above it, one plus the word's position in SPECIAL_SEGMENTS. */
  private static final int L_SPECIAL_SHIFT = 16;
  /**
   * Every word set a name's segment is looked up in, under one bit each: one hash probe per segment instead of a
   * dozen (issue 19: on code-heavy prompts classify runs on a named value every few lines).
   */
  private static final WordSet LEXICON = lexicon();

  private static WordSet lexicon() {
    java.util.List<Object> groups = new java.util.ArrayList<>(java.util.List.of(L_PASSWORD, PASSWORD_WORDS, L_KEY,
        KEY_WORDS, L_METADATA, METADATA, L_NOT_SECRET, NOT_SECRET, L_DATA_KEY, DATA_KEY, L_AUTH, AUTH_WORDS, L_TOKENS,
        W_TOKENS, L_TOKEN_WORD, W_PAT, L_CREDS, W_CREDS, L_LOGIN, W_LOGIN, L_COOKIE, W_COOKIE, L_SALT, W_SALT));
    // a secret's name in another language as code writes it: db_senha, API_SCHLUESSEL (ForeignNames)
    groups.addAll(java.util.List.of(L_PASSWORD, ForeignNames.codeNames("PASSWORD"), L_KEY, ForeignNames.codeNames("KEY"),
        L_TOKEN_WORD, ForeignNames.codeNames("TOKEN"), L_SECRET, ForeignNames.codeNames("SECRET")));
    for (int k = 0; k < SPECIAL_SEGMENTS.length; k++) {
      groups.add((k + 1) << L_SPECIAL_SHIFT);
      groups.add(new String[] {SPECIAL_SEGMENTS[k]});
    }
    return WordSet.grouped(groups.toArray());
  }
  private static final byte[] W_KEY = Detector.ascii("key");

  /** Whether the word {@code b[from, to)} after a name makes it about a secret rather than one ("key id"). */
  static boolean describesASecret(byte[] b, int from, int to) {
    return (Math.max(0, LEXICON.indexOf(b, from, to)) & (L_METADATA | L_NOT_SECRET)) != 0;
  }

  /**
   * Whether the word {@code b[from, to)} written before a name of this kind ({@code cache key}, {@code KMS key}) makes
   * it ordinary, as the same word would as a segment of one name.
   */
  static boolean qualifiesAway(byte[] b, int from, int to, Keyword kind) {
    int words = LEXICON.indexOf(b, from, to);
    return words > 0 && ((words & L_NOT_SECRET) != 0 || kind == KEY && (words & L_DATA_KEY) != 0);
  }

  /** The kind of secret the segment {@code b[from, to)} names, given its {@link #LEXICON} bits. */
  private static @Nullable Keyword segment(byte[] b, int from, int to, int words) {
    if ((words & L_PASSWORD) != 0 || endsWith(b, from, to, W_PASSWORD) || endsWith(b, from, to, W_PASSWD)
        || endsWith(b, from, to, W_PWD)) {
      return PASSWORD;
    }
    if (contains(b, from, to, W_TOKEN) && !contains(b, from, to, W_TOKENIZ) && (words & L_TOKENS) == 0
        || (words & L_TOKEN_WORD) != 0) {
      return TOKEN;
    }
    if ((words & L_KEY) != 0 || endsWith(b, from, to, W_APIKEY) || endsWith(b, from, to, W_SECRETKEY)
        || endsWith(b, from, to, W_ACCESSKEY) || endsWith(b, from, to, W_PRIVATEKEY)) {
      return KEY;
    }
    if (contains(b, from, to, W_SECRET) && !contains(b, from, to, W_SECRETAR) || (words & L_SECRET) != 0) {
      return SECRET;
    }
    if ((words & L_COOKIE) != 0) {
      return COOKIE;
    }
    if ((words & L_AUTH) != 0) {
      return AUTH;
    }
    if (contains(b, from, to, W_CREDENTIAL) || (words & L_CREDS) != 0) {
      return CREDENTIAL;
    }
    if ((words & L_LOGIN) != 0) {
      return LOGIN;
    }
    if ((words & L_SALT) != 0) {
      return SALT;
    }
    return null;
  }

  /** The shortest value any kind of name accepts ({@link #accepts}): shorter ones need no name. */
  static final int MIN_VALUE = 6;

  /** Whether {@code b[from, to)} is a value this kind of name really holds as a secret. */
  boolean accepts(byte[] b, int from, int to, boolean quoted, boolean envStyle) {
    if (this == STORAGE) {
      return azureStorageKey(b, from, to);
    }
    if (this == COOKIE) {
      int start = cookieValue(b, from, to);
      if (analyticsCookie(b, start, to) || botCookie(b, start)) {
        return false;
      }
      if (to - start == 20 && Bytes.all(b, start, to, Bytes.UPPER)) {
        return !Placeholders.isPlaceholder(b, start, to); // Erlang's cookie (RabbitMQ's): twenty capital letters
      }
      return to - start >= 16 && to - start <= 4096 && Bytes.all(b, start, to, Bytes.TOKEN_CHARS | Bytes.PERCENT)
          && Bytes.classesPresent(b, start, to) >= 2 && Bytes.entropy(b, start, to) >= 3.0
          && !Placeholders.isPlaceholder(b, start, to);
    }
    if (this == AUTH) {
      from = skipScheme(b, from, to);
      if (Placeholders.containsIgnoreCase(b, from, to, SCHEME_SEPARATOR)) {
        return false; // Bearer postgres://user:password@…: a URL's credentials are the URL rule's to judge
      }
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
    // smtp.password = tundra.canyon.yak: a passphrase in a member access's shape, under a password's name
    boolean passphrase = (this == PASSWORD || this == PWD) && Value.passphrase(b, from, to);
    if (!quoted && !envStyle && (isExpression(b, from, to) || (digits == 0 && isIdentifier(b, from, to)))
        && !passphrase) {
      return false; // password = otherVariable, key = Ed25519.Signatures
    }
    if (!quoted && envStyle && (call(b, from, to) || (digits == 0 && memberAccess(b, from, to) && isIdentifier(b, from, to)))
        && !passphrase) {
      return false; // key_rotation_days: 90.to_string(), AppSecret: creds.SecretAccessKey (a Go or Rust struct field)
    }
    if (digits == len && len < 12) {
      return false; // ports, counts, lengths
    }
    if (!quoted && b[from] == '*' && len > 1 && digits == 0 && Bytes.all(b, from + 1, to, Bytes.IDENT)) {
      return false; // password: *default_password, a YAML alias of an anchor (&default_password) set elsewhere
    }
    // The counts first, the placeholder words, the entropy and the shapes of what is no secret only for a value
    // that passes them: code assigns short and spaced values to key-like names all the time.
    return shapeAccepted(b, from, to, len, spaces, digits) && !notASecretValue(b, from, to)
        && (this == PASSWORD || this == PWD || !wordPhrase(b, from, to));
  }

  private static final byte[][] ANALYTICS_COOKIES = words("GA1.", "GS1.", "GS2.", "fb.1.", "fb.2.");
  /**
   * Cloudflare's bot-management and rate-limiting cookies ({@code __cf_bm}, {@code _cfuvid}) and its load balancer's
   * affinity ({@code __cflb}): a score and a visitor id the edge sets, no one's session.
   */
  private static final WordSet BOT_COOKIES = new WordSet("__cf_bm", "_cfuvid", "__cflb");

  /**
   * Whether the cookie whose value starts at {@code start} is one of {@link #BOT_COOKIES}: its {@code name=} is before
   * {@code start}, in the value or (a header's value read after its name) just before it.
   */
  private static boolean botCookie(byte[] b, int start) {
    if (start < 2 || b[start - 1] != '=') {
      return false;
    }
    int ns = start - 1;
    while (ns > 0 && start - ns <= 9 && Bytes.is(b[ns - 1], Bytes.IDENT)) {
      ns--;
    }
    return BOT_COOKIES.contains(b, ns, start - 1);
  }

  /**
   * An analytics cookie's value, {@code _ga=GA1.1.488443322.1722833099}, {@code _fbp=fb.1.1700000000000.123456789}: a
   * client id and a time, no credential.
   */
  private static boolean analyticsCookie(byte[] b, int from, int to) {
    for (byte[] prefix : ANALYTICS_COOKIES) {
      if (Bytes.startsWith(b, from, to, prefix, false)) {
        return Bytes.all(b, from + prefix.length, to, Bytes.DIGIT | Bytes.DOT);
      }
    }
    return false;
  }

  /** What code writes in a value and a generated password does not: references, templates, calls' and URLs' marks. */
  private static final byte[][] CODE_MARKS = {Detector.ascii("${"), Detector.ascii("$("), Detector.ascii("{{"),
      Detector.ascii("}}"), Detector.ascii("%("), Detector.ascii("#{"), Detector.ascii("<%"), Detector.ascii("://"),
      Detector.ascii("->"), Detector.ascii("=>"), Detector.ascii("::"), Detector.ascii("&&"), Detector.ascii("||")};

  /**
   * A password generated from every printable character, a whole line's value under a password's name ({@link
   * Value#lineRest}): 10 to 64 bytes with no blank and no quote, both cases, a symbol other than {@code _-.}, two
   * digits or symbols, 3.3 bits of entropy per byte; not what code writes there (a reference or a template, {@code
   * ${…}} {@code $(…)} {@code {{…}}} {@code %(…)s}, a call or an index after a name, {@code getpass()} {@code
   * argv[1]} {@code keys.find(id);}, an alias, {@code *default}, a path, a value in brackets, a placeholder or a
   * known non-secret).
   */
  static boolean symbolPassword(byte[] b, int from, int to) {
    int len = to - from;
    if (len < 10 || len > 64 || b[from] == '/' || b[from] == '~' && b[from + 1] == '/') {
      return false;
    }
    int upper = 0;
    int lower = 0;
    int other = 0;
    int odd = 0;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '\\') {
        return false;
      }
      if (Bytes.is(c, Bytes.UPPER)) {
        upper++;
      } else if (Bytes.is(c, Bytes.LOWER)) {
        lower++;
      } else {
        other++;
        odd += c == '_' || c == '-' || c == '.' || Bytes.is(c, Bytes.DIGIT) ? 0 : 1;
        if ((c == '(' || c == '[') && i > from && Bytes.is(b[i - 1], Bytes.IDENT) && i + 1 < to && b[i + 1] != c
            && ByteScan.indexOf(b, i, to, c == '(' ? (byte) ')' : (byte) ']') == to - 1) {
          return false; // getpass(), hash(pw), argv[1]: a call or an index that closes the value
        }
      }
    }
    double entropy = Bytes.entropy(b, from, to);
    // one case only: Django's keys (50 of a-z, 0-9 and 14 symbols), long and dense
    boolean cases = upper > 0 && lower > 0 || len >= 32 && odd >= 3 && entropy >= 4.3;
    if (odd == 0 || !cases || other < 2 || entropy < 3.3 || sigilAndName(b, from, to) || bracketed(b, from, to)
        || callOrIndex(b, from, to)) {
      return false;
    }
    for (byte[] mark : CODE_MARKS) {
      if (Bytes.indexOf(b, from, to, mark) >= 0) {
        return false;
      }
    }
    // drawn at random (three classes or more, nearly every byte distinct): a leading [ { < or a %s is chance, a word
    // is not
    boolean random = Bytes.classesPresent(b, from, to) >= 3 && entropy >= 0.9 * Math.log(len) / Math.log(2);
    return !(random ? Placeholders.hasWords(b, from, to) : Placeholders.isPlaceholder(b, from, to))
        && !notASecretValue(b, from, to);
  }

  /**
   * {@code apiKeys.findByHash(tokenHash);}, {@code store[key]}, {@code user?.password}: a name of three bytes or more
   * (members too) called, indexed or dereferenced first, a statement's {@code );} last, or another assignment after a
   * comma ({@code n,o.haKey=!1}).
   */
  private static boolean callOrIndex(byte[] b, int from, int to) {
    int e = from;
    while (e < to && (Bytes.is(b[e], Bytes.ALNUM) || b[e] == '_' || b[e] == '.')) {
      e++;
    }
    boolean called = e - from >= 3 && e < to && (b[e] == '(' || b[e] == '[' || b[e] == '?' || b[e] == '!'
        || b[e] == '-' && e + 1 < to && b[e + 1] == '>');
    if (called || to - from >= 2 && b[to - 1] == ';' && (b[to - 2] == ')' || b[to - 2] == ']')) {
      return true;
    }
    for (int i = from; i + 2 < to; i++) { // n,o.haKey=!1: minified code's next assignment after a comma
      if ((b[i] == ',' || b[i] == ';') && Bytes.is(b[i + 1], Bytes.UPPER | Bytes.LOWER)) {
        int n = i + 1;
        while (n < to && (Bytes.is(b[n], Bytes.ALNUM) || b[n] == '_' || b[n] == '.')) {
          n++;
        }
        if (n < to && b[n] == '=') {
          return true;
        }
      }
    }
    return false;
  }


  /**
   * {@code *default_password}, {@code $DB_PASSWORD}, {@code @password}, PowerShell's {@code $env:DB_PASSWORD} or
   * {@code $Script:DbPassword}: a sigil and a name.
   */
  private static boolean sigilAndName(byte[] b, int from, int to) {
    int colon = b[from] == '$' ? ByteScan.indexOf(b, from, Math.min(to, from + 9), (byte) ':') : to;
    int name = colon < to && Detector.scopePrefix(b, from, colon) ? colon + 1 : from + 1;
    return !Bytes.is(b[from], Bytes.ALNUM) && Bytes.all(b, name, to, Bytes.IDENT);
  }

  /** {@code [REDACTED]}, {@code <password>}, {@code {SSHA}…}'s scheme, {@code (secret)}: a value in brackets. */
  private static boolean bracketed(byte[] b, int from, int to) {
    byte first = b[from];
    byte last = b[to - 1];
    if (first == '{') {
      int close = ByteScan.indexOf(b, from, to, (byte) '}');
      if (close < to && close > from + 1 && Bytes.all(b, from + 1, close, Bytes.UPPER | Bytes.DIGIT | Bytes.DASH)) {
        return true; // an LDAP password's hash scheme, {SSHA}…, {PBKDF2-SHA512}…
      }
    }
    return first == '[' && last == ']' || first == '<' && last == '>' || first == '{' && last == '}'
        || first == '(' && last == ')';
  }


  /**
   * An application password as its service shows it: Google's four groups of four lower-case letters ({@code abcd
   * efgh ijkl mnop}), WordPress's six groups of four letters and digits ({@code LPhg A1sM 7nVL o79z WKu6 aDn6}); under
   * a password's name, not a sentence: groups of exactly four, one blank between, two classes or more for WordPress's,
   * a group with no vowel for Google's (four in five of its passwords have one).
   */
  static boolean appPassword(byte[] b, int from, int to) {
    int len = to - from;
    if (len != 19 && len != 29) {
      return false;
    }
    for (int i = from; i < to; i++) {
      boolean blank = (i - from) % 5 == 4;
      if (blank ? b[i] != ' ' : !Bytes.is(b[i], len == 19 ? Bytes.LOWER : Bytes.ALNUM)) {
        return false;
      }
    }
    if (len == 29) {
      return Bytes.classesPresent(b, from, to) >= 3; // the blanks are the fourth
    }
    for (int g = from; g < to; g += 5) { // Google's: random letters, so a group with no vowel (not "will make this work")
      boolean vowel = false;
      for (int i = g; i < g + 4; i++) {
        vowel |= VOWELS.indexOf(b[i]) >= 0;
      }
      if (!vowel) {
        return true;
      }
    }
    return false;
  }

  private static final String VOWELS = "aeiouy";

  private boolean shapeAccepted(byte[] b, int from, int to, int len, int spaces, int digits) {
    switch (this) {
      case BUNDLER:
        return len >= 6 && spaces == 0 && !Placeholders.isPlaceholder(b, from, to)
            && Placeholders.containsIgnoreCase(b, from, to, COLON);
      case PASSWORD:
      case PWD:
        return len >= 6 && len <= 128 && (spaces <= 1 || appPassword(b, from, to))
            && !Placeholders.isPlaceholder(b, from, to);
      case LOGIN:
        return len >= 20 && spaces == 0 && digits > 0 && !Placeholders.isPlaceholder(b, from, to)
            && Bytes.entropy(b, from, to) >= 3.0;
      case SALT: {
        int classes = Bytes.classesPresent(b, from, to);
        double entropy = Bytes.entropy(b, from, to);
        // WordPress's are 64 printable characters at random (a <…> in one is chance: Placeholders), Nextcloud's 30
        return len >= 30 && spaces == 0 && classes >= 3 && entropy >= 4.0 && !Placeholders.isPlaceholder(b, from, to);
      }
      case SECRET:
        return len >= 8 && spaces == 0 && (len >= 20 || Bytes.classesPresent(b, from, to) >= 2)
            && !Placeholders.isPlaceholder(b, from, to) && Bytes.entropy(b, from, to) >= 2.5;
      default:
        // API keys and tokens are random: digits and letters both, and no words or hostnames.
        return len >= 12 && spaces == 0 && (digits > 0 || randomLetters(b, from, to)) && digits < len
            && !Placeholders.isPlaceholder(b, from, to)
            && Bytes.entropy(b, from, to) >= 3.0 && !hostname(b, from, to) && !namesAKey(b, from, to)
            && !dottedName(b, from, to) && !versioned(b, from, to);
    }
  }

  /**
   * Twenty letters or more of both cases at random, no digit (Logz.io's shipping tokens, some Vercel tokens): a quarter
   * of each case at least and three upper-case pairs ({@code sEenQYqAZk…}), which a camelCase name does not have
   * ({@code AbstractSingletonProxyFactoryBean}).
   */
  static boolean randomLetters(byte[] b, int from, int to) {
    int len = to - from;
    if (len < 20 || !Bytes.all(b, from, to, Bytes.UPPER | Bytes.LOWER)) {
      return false;
    }
    int upper = 0;
    int upperPairs = 0;
    for (int i = from; i < to; i++) {
      if (Bytes.is(b[i], Bytes.UPPER)) {
        upper++;
        upperPairs += i > from && Bytes.is(b[i - 1], Bytes.UPPER) ? 1 : 0;
      }
    }
    return upper * 4 >= len && (len - upper) * 4 >= len && upperPairs >= 3 && Bytes.entropy(b, from, to) >= 3.8;
  }

  /** 64 random bytes in base64: 86 characters of its alphabet with upper, lower and digits, and {@code ==}. */
  private static boolean azureStorageKey(byte[] b, int from, int to) {
    return to - from == 88 && b[to - 1] == '=' && b[to - 2] == '='
        && Bytes.all(b, from, to - 2, Bytes.B64) && Bytes.classesPresent(b, from, to - 2) >= 3;
  }

  /** The words of a secret's name, which make a value of words another secret's name ({@link #namesASecret}). */
  private static final WordSet SECRET_WORDS = new WordSet("password", "passwd", "pwd", "pass", "passphrase", "secret",
      "secrets", "token", "tokens", "key", "keys", "apikey", "credential", "credentials", "creds");

  /** Whether {@code b[from, to)} is one of the words a secret's name is made of ({@code key}, {@code token}…). */
  static boolean isSecretWord(byte[] b, int from, int to) {
    return SECRET_WORDS.contains(b, from, to);
  }

  /**
   * Values that look assigned to a secret's name but are none, whatever the syntax (issue 18's held-out
   * corpus): a time ({@code TOKEN_EXPIRES_AT = "2024-02-04T05:19:25Z"}), a password hash ({@code pbkdf2_sha256$…},
   * {@code $argon2id$…}, {@code $2b$…}), a key public by design (Mapbox {@code pk.eyJ…}, PostHog {@code phc_…}),
   * another secret's name ({@code password = "DATABASE_PASSWORD"}) or path ({@code prod/orders/app_secret}).
   */
  static boolean notASecretValue(byte[] b, int from, int to) {
    return timestamp(b, from, to) || passwordHash(b, from, to) || Bytes.startsWithAny(b, from, to, PUBLIC_PREFIXES, false)
        || agePublicKey(b, from, to) || sealedSecret(b, from, to) || kmsCiphertext(b, from, to)
        || translatedName(b, from, to) || publicId(b, from, to) || NAME_WORDS.contains(b, from, to)
        || namesASecret(b, from, to) || slashedName(b, from, to) || uiLabel(b, from, to) || namedPhrase(b, from, to)
        || cacheKey(b, from, to) || braintreeTokenizationKey(b, from, to) || railsEncrypted(b, from, to)
        || Bytes.startsWith(b, from, to, SECURE_STRING, true) && to - from == SECURE_STRING.length;
  }

  /**
   * A message Rails' {@code MessageEncryptor} wrote, {@code <ciphertext>--<iv>--<tag>}, three base64 parts (an
   * encrypted credential meant to be committed; its key is the secret).
   */
  private static boolean railsEncrypted(byte[] b, int from, int to) {
    int parts = 1;
    int start = from;
    for (int i = from; i + 1 < to; i++) {
      if (b[i] == '-' && b[i + 1] == '-') {
        if (i - start < 8 || !Bytes.all(b, start, i, Bytes.B64 | Bytes.EQUALS)) {
          return false;
        }
        parts++;
        start = i + 2;
        i++;
      }
    }
    return parts == 3 && to - start >= 8 && Bytes.all(b, start, to, Bytes.B64 | Bytes.EQUALS);
  }

  private static final byte[][] BRAINTREE_ENVIRONMENTS = words("production_", "sandbox_");

  /**
   * A Braintree tokenization key, {@code production_3xgzel8u_mejd2o5sbho95lb1}: its client SDKs ship it to browsers,
   * public by design as a Stripe publishable key is (the merchant's private key is another thing).
   */
  private static boolean braintreeTokenizationKey(byte[] b, int from, int to) {
    int p = b[from] == 'p' ? from + 11 : from + 8;
    return Bytes.startsWithAny(b, from, to, BRAINTREE_ENVIRONMENTS, false) && to - p == 25 && b[p + 8] == '_'
        && Bytes.all(b, p, p + 8, Bytes.LOWER | Bytes.DIGIT) && Bytes.all(b, p + 9, to, Bytes.LOWER | Bytes.DIGIT);
  }

  /** {@code $DbPassword = ConvertTo-SecureString '…' -AsPlainText}: the cmdlet, whose argument has its own rule. */
  private static final byte[] SECURE_STRING = Detector.ascii("convertto-securestring");

  /**
   * A user interface's label or question ({@code Password:}, {@code Forgot password?}, {@code Wachtwoord vergeten?},
   * 비밀번호: in a JSON string's escapes): it ends with a colon or a question mark and holds no digit
   * of its own. A password that ends so holds a digit ({@code Oasis9487?}).
   */
  private static boolean uiLabel(byte[] b, int from, int to) {
    if (to - from < 2 || b[to - 1] != ':' && b[to - 1] != '?') {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] == '\\' && i + 5 < to && b[i + 1] == 'u') {
        i += 5; // a JSON escape of a letter of another script: backslash, u, four hex digits
      } else if (Bytes.is(b[i], Bytes.DIGIT)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Two words or more with no digit, one of them a secret's name in some language: a label ({@code Confirmar senha},
   * {@code Jeton d'accès}, {@code Enter password}), not a password, which would not name itself.
   */
  private static boolean namedPhrase(byte[] b, int from, int to) {
    if (!Value.contains(b, from, to, (byte) ' ')) {
      return false;
    }
    int ws = from;
    boolean named = false;
    for (int i = from; i <= to; i++) {
      if (i < to && Bytes.is(b[i], Bytes.DIGIT)) {
        return false;
      }
      if (i == to || b[i] == ' ') {
        named |= i > ws && (NAME_WORDS.contains(b, ws, i) || translatedName(b, ws, i));
        ws = i + 1;
      }
    }
    return named;
  }

  private static final byte[] CACHE = Detector.ascii("cache");

  /**
   * A cache's or a rate limiter's key, not a credential: {@code ratelimit:apikey:47002}, {@code user:914353:session},
   * {@code v2:token:43140817} (three fields or more between colons, each a word, a number or a short tag), a word and
   * an id ({@code sessions:5924f22788e74513c41b56322a0177d2}, as a cache-miss log line prints the key), or one that
   * says so ({@code cache-v1-282e5f8b5dd84b44}, {@code node-cache-Linux-x64-npm-f840a643…}).
   */
  private static final byte[] DASHED_CACHE = Detector.ascii("-cache-");

  private static boolean cacheKey(byte[] b, int from, int to) {
    int colon = Bytes.indexOf(b, from, to, COLON);
    if (colon - from >= 4 && Bytes.all(b, from, colon, Bytes.LOWER) && !Bytes.all(b, from, colon, Bytes.LOWER_HEX)
        && to - colon > 16 && Bytes.all(b, colon + 1, to, Bytes.LOWER_HEX)) { // not cafebabe:deadbeef (user:password)
      return true;
    }
    if (to - from > CACHE.length && Bytes.startsWith(b, from, to, CACHE, true)
        && (b[from + CACHE.length] == '-' || b[from + CACHE.length] == '_' || b[from + CACHE.length] == ':')) {
      return true;
    }
    int dash = to;
    while (dash > from && Bytes.is(b[dash - 1], Bytes.LOWER_HEX)) {
      dash--;
    }
    if (to - dash >= 16 && dash > from && b[dash - 1] == '-'
        && Placeholders.containsIgnoreCase(b, from, dash, DASHED_CACHE)) {
      return true; // node-cache-Linux-x64-npm-f840a643…: a CI cache's key, words and a hash of the lock file
    }
    int fields = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && b[i] != ':') {
        continue;
      }
      boolean word = Bytes.all(b, start, i, Bytes.LOWER) || Bytes.all(b, start, i, Bytes.DIGIT);
      if (i == start || !word && i - start > 3) {
        return false;
      }
      fields++;
      start = i + 1;
    }
    return fields >= 3;
  }

  /** A name of a password or a key as the value: a list of those names ({@code "storepass", "keypass"}), a label. */
  private static final WordSet NAME_WORDS = new WordSet(java.util.stream.Stream.of(PASSWORD_WORDS, KEY_WORDS)
      .flatMap(java.util.Arrays::stream).toArray(String[]::new));

  /**
   * Values public by design or no credential: Mapbox public tokens, PostHog project keys, webhook signatures
   * ({@code sha256=…}: an HMAC of one body, not a key). Age public keys ({@code age1…}; the secret is
   * {@code AGE-SECRET-KEY-1…}) by their whole shape.
   */
  private static final byte[][] PUBLIC_PREFIXES = words("pk.eyJ", "phc_", "sha256=", "sha1=", "sha512=", "NRJS-",
      // digests and fingerprints (sha256:…, an SSH key's SHA256:…), public keys in OpenSSH's one-line form
      "sha256:", "SHA256:", "sha512:", "sha1:", "ssh-ed25519 ", "ssh-rsa ", "ecdsa-sha2-",
      // Subresource Integrity and npm's lockfiles: integrity: sha512-…
      "sha1-", "sha256-", "sha384-", "sha512-",
      // LaunchDarkly's mobile keys, shipped inside apps (its server-side sdk- keys are secrets)
      "mob-");
  private static final byte[] AGE_PUBLIC = Detector.ascii("age1");

  /** The word "password", "secret" or "key" in another language: a UI string's translation, not a value. */
  private static final WordSet TRANSLATIONS = new WordSet(java.util.stream.Stream.of(new String[] {"geheim",
      "wachtwort", "kata sandi"}, ForeignNames.codeNames("PASSWORD"), ForeignNames.codeNames("KEY"), ForeignNames.codeNames("TOKEN"),
      ForeignNames.codeNames("SECRET")).flatMap(java.util.Arrays::stream).toArray(String[]::new));

  /**
   * A translated label ({@code "password": "パスワード"}, {@code "secret": "Geheimnis"}, i18n files): letters of
   * another script only, or one of the words for a secret in another language. A password of Latin letters with an
   * accent among them ({@code Fußballverein}) is a password: only a value with no ASCII letter at all counts as a
   * script's word, or one of ForeignNames' ({@code contraseña}).
   */
  private static boolean translatedName(byte[] b, int from, int to) {
    boolean wide = false;
    boolean ascii = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c < 0) {
        wide = true;
      } else if (Bytes.is(c, Bytes.UPPER | Bytes.LOWER)) {
        ascii = true;
      } else if (c != ' ') {
        return false;
      }
    }
    return wide ? !ascii || ForeignNames.isName(b, from, to) : TRANSLATIONS.contains(b, from, to);
  }

  /** Stripe's object ids (a customer, a charge, a subscription…), not its keys: prefix and 14–32 alphanumerics. */
  private static final byte[][] STRIPE_IDS = words("cus_", "sub_", "ch_", "pi_", "pm_", "evt_", "price_", "prod_",
      "txn_", "acct_", "in_", "seti_", "cs_live_", "cs_test_");

  private static final WordSet AWS_RESOURCES = new WordSet("vpc", "subnet", "sg", "i", "ami", "vol", "snap", "eni", "igw",
      "rtb", "nat", "eipalloc", "acl", "tgw", "vpce", "lt", "pcx");

  /**
   * An identifier public by its nature: a Stripe object's id, a Google Analytics measurement id ({@code G-} and ten
   * upper-case letters and digits), an AWS resource's id ({@code vpc-0696ddcd68fab2732}).
   */
  private static boolean publicId(byte[] b, int from, int to) {
    int len = to - from;
    if (len == 12 && b[from] == 'G' && b[from + 1] == '-' && Bytes.all(b, from + 2, to, Bytes.UPPER | Bytes.DIGIT)) {
      return true;
    }
    int dash = ByteScan.indexOf(b, from, Math.min(to, from + 10), (byte) '-');
    if (dash < to && AWS_RESOURCES.contains(b, from, dash) && (to - dash - 1 == 8 || to - dash - 1 == 17)
        && Bytes.all(b, dash + 1, to, Bytes.LOWER_HEX)) {
      return true; // vpc-0696ddcd68fab2732, sg-0a1b2c3d: an AWS resource's id
    }
    for (byte[] prefix : STRIPE_IDS) {
      int body = len - prefix.length;
      if (body >= 14 && body <= 32 && Bytes.startsWith(b, from, to, prefix, false)
          && Bytes.all(b, from + prefix.length, to, Bytes.ALNUM)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Bitnami Sealed Secrets ciphertext (an {@code encryptedData} value: base64 of a blob that starts with 0x02, so
   * {@code Ag…}, several hundred characters): encrypted for the cluster's key, meant to be committed.
   */
  private static boolean sealedSecret(byte[] b, int from, int to) {
    return to - from >= 300 && b[from] == 'A' && b[from + 1] == 'g' && Bytes.all(b, from, to, Bytes.B64 | Bytes.EQUALS);
  }

  private static final byte[][] KMS_BLOBS = words("AQICAH", "AQIBAH", "AQECAH", "AQEBAH", "AQEDAH");

  /**
   * An AWS KMS ciphertext blob in base64 ({@code AQICAHh…}: version and key-type bytes, then the wrapped data key and
   * the ciphertext, well over a hundred characters): only the KMS key can decrypt it, and it is committed on purpose.
   */
  private static boolean kmsCiphertext(byte[] b, int from, int to) {
    return to - from >= 100 && Bytes.startsWithAny(b, from, to, KMS_BLOBS, false)
        && Bytes.all(b, from, to, Bytes.B64 | Bytes.EQUALS);
  }

  /**
   * An age public key, {@code age1} and 58 bech32 characters: exactly that shape, so a password that merely starts
   * with "age1" stays a finding.
   */
  private static boolean agePublicKey(byte[] b, int from, int to) {
    return to - from == 62 && Bytes.startsWith(b, from, to, AGE_PUBLIC, false)
        && Bytes.all(b, from + 4, to, Bytes.LOWER | Bytes.DIGIT);
  }
  private static final byte[][] HASH_PREFIXES = words("pbkdf2_sha", "pbkdf2:sha", "$argon2", "$2a$", "$2b$", "$2y$",
      "$5$", "$6$", "$y$", "$scrypt$", "scrypt:", "bcrypt$", "argon2$", "SCRAM-SHA-256$", "$apr1$", "$1$");

  /** {@code 2024-02-04}, {@code 2024-02-04T05:19:25Z}: starts with an ISO date. */
  private static boolean timestamp(byte[] b, int from, int to) {
    if (to - from < 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      boolean dash = i == 4 || i == 7;
      if (dash ? b[from + i] != '-' : !Bytes.is(b[from + i], Bytes.DIGIT)) {
        return false;
      }
    }
    return to - from == 10 || b[from + 10] == 'T' || b[from + 10] == ' ';
  }

  /** A password hash in one of the formats of Django, Werkzeug, crypt(3), bcrypt and argon2 (a Kotlin {@code \$} too). */
  private static boolean passwordHash(byte[] b, int from, int to) {
    int start = from < to && b[from] == '\\' ? from + 1 : from;
    return Bytes.startsWithAny(b, start, to, HASH_PREFIXES, false) || postgresMd5(b, from, to) || mysqlNative(b, from, to);
  }

  /** MySQL's {@code mysql_native_password} hash: {@code *} and 40 upper-case hex digits. */
  private static boolean mysqlNative(byte[] b, int from, int to) {
    return to - from == 41 && b[from] == '*' && Bytes.all(b, from + 1, to, Bytes.DIGIT | Bytes.HEX_UPPER);
  }

  private static final byte[] MD5 = Detector.ascii("md5");

  /** PostgreSQL's stored form of a password, {@code md5} and 32 hex digits ({@code CREATE ROLE … PASSWORD 'md5…'}). */
  private static boolean postgresMd5(byte[] b, int from, int to) {
    return to - from == 35 && Bytes.startsWith(b, from, to, MD5, false) && Bytes.all(b, from + 3, to, Bytes.LOWER_HEX);
  }

  /**
   * {@code DATABASE_PASSWORD}, {@code new_password}, {@code PASSWORD_RESET_TOKEN_EXPIRY_MINUTES}, a Kubernetes
   * secret's key {@code postgres-password}: letters only, two or more words (at {@code _}, camelCase humps, and {@code -}
   * in lower case), one of them a secret's word. A random value has digits or no
   * such word.
   */
  private static boolean namesASecret(byte[] b, int from, int to) {
    boolean lowerCase = !Bytes.any(b, from, to, Bytes.UPPER); // dashes join a Kubernetes key's words, not a password's
    boolean secretWord = false;
    int words = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      boolean end = i == to || b[i] == '_' || b[i] == '-' && lowerCase
          || (i > start && Bytes.is(b[i], Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.LOWER));
      if (!end) {
        if (!Bytes.is(b[i], Bytes.UPPER | Bytes.LOWER)) {
          return false;
        }
        continue;
      }
      if (i > start) {
        words++;
        secretWord |= SECRET_WORDS.contains(b, start, i);
      }
      start = i < to && b[i] != '_' && (b[i] != '-' || !lowerCase) ? i : i + 1;
    }
    return secretWord && words >= 2;
  }

  /**
   * {@code dev-reporting-credentials}, {@code search-tls}: lower-case words joined by dashes, which names a
   * Kubernetes secret or a resource; a key or a token is random. Not for passwords: people choose phrases.
   */
  private static boolean wordPhrase(byte[] b, int from, int to) {
    boolean dash = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '-' && i > from && i + 1 < to && b[i - 1] != '-') {
        dash = true;
      } else if (!Bytes.is(c, Bytes.LOWER)) {
        return false;
      }
    }
    return dash;
  }

  /**
   * {@code client_credentials}, {@code billing-db-secret}, {@code STRIPE_SECRET_KEY}: words of letters joined by
   * {@code _} or {@code -}, no digits, one case: a name (a grant type, a Kubernetes secret, a variable) where a
   * header wants a random token.
   */
  static boolean nameLike(byte[] b, int from, int to) {
    boolean upper = false;
    boolean lower = false;
    boolean joined = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if ((c == '_' || c == '-') && i > from && i + 1 < to) {
        joined = true;
      } else if (Bytes.is(c, Bytes.UPPER)) {
        upper = true;
      } else if (Bytes.is(c, Bytes.LOWER)) {
        lower = true;
      } else {
        return false;
      }
    }
    return joined && upper != lower;
  }

  /**
   * {@code 90.to_string(}, {@code r.Header.Get(}, {@code String::from(}, {@code get_token(}: a function's name (dotted,
   * with {@code ::} or {@code _}, or letters only) and its call. {@code Xk9m(2Lp)} is a password: digits, no separator.
   */
  private static boolean call(byte[] b, int from, int to) {
    int i = from;
    boolean separator = false;
    boolean digit = false;
    while (i < to && (Bytes.is(b[i], Bytes.ALNUM | Bytes.UNDERSCORE) || b[i] == '.' || b[i] == ':')) {
      separator |= !Bytes.is(b[i], Bytes.ALNUM);
      digit |= Bytes.is(b[i], Bytes.DIGIT);
      i++;
    }
    return i > from && i < to && b[i] == '(' && Bytes.is(b[i - 1], Bytes.ALNUM | Bytes.UNDERSCORE) && (separator || !digit);
  }

  /**
   * Forty characters of the base64 alphabet with upper, lower and digit and a random's entropy:
   * the shape of an AWS secret access key (and many another generated secret), never of code, a
   * path or a hex digest.
   */
  private static boolean awsSecretShape(byte[] b, int from, int to) {
    return to - from == 40 && Bytes.classesPresent(b, from, to) >= 3
        && Bytes.all(b, from, to, Bytes.ALNUM | Bytes.PLUS_SLASH) && Bytes.entropy(b, from, to) >= 4.0;
  }

  private static final byte[] SCHEME_SEPARATOR = Detector.ascii("://");
  // Okta's SSWS, Discord's Bot and Elastic's ApiKey as well as the IANA-registered ones
  private static final byte[][] SCHEMES = words("bearer ", "basic ", "token ", "api-token ", "digest ", "ssws ", "bot ",
      "apikey ", "splunk ");

  /** Base64 that decodes to printable {@code user:password}. */
  static boolean basicCredentials(byte[] b, int from, int to) {
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

  private static final int LONGEST_SCHEME = java.util.Arrays.stream(SCHEMES).mapToInt(s -> s.length).max().orElse(0);

  /** Whether {@code b[from, to)} is a header scheme and nothing else ({@code "Basic "}), checked by length first. */
  static boolean onlyScheme(byte[] b, int from, int to) {
    return to - from <= LONGEST_SCHEME && skipScheme(b, from, to) == to;
  }

  /** Where a cookie's value starts: after its {@code name=}, when it has one. */
  static int cookieValue(byte[] b, int from, int to) {
    int i = from;
    while (i < to && i - from < 64 && Bytes.is(b[i], Bytes.IDENT)) {
      i++;
    }
    return i > from && i < to && b[i] == '=' ? i + 1 : from;
  }

  /** Where the secret of a value this kind of name holds starts: after a header's scheme or a cookie's name. */
  int secretStart(byte[] b, int from, int to) {
    return this == AUTH ? skipScheme(b, from, to) : this == COOKIE ? cookieValue(b, from, to) : from;
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

  /** {@code Foo.bar}, {@code obj.field}: a member access, not a literal ({@code Otter.Maple7533#} is a password). */
  private static boolean memberAccess(byte[] b, int from, int to) {
    if (!Bytes.is(b[from], Bytes.UPPER | Bytes.LOWER | Bytes.UNDERSCORE)) {
      return false;
    }
    boolean member = false;
    for (int i = from; i < to; i++) {
      if (!Bytes.is(b[i], Bytes.ALNUM | Bytes.UNDERSCORE | Bytes.DOT)) {
        return false;
      }
      member |= b[i] == '.' && i + 1 < to && Bytes.is(b[i + 1], Bytes.UPPER | Bytes.LOWER);
    }
    return member;
  }

  /** {@code id-Gost28147-89-None-KeyMeshing}: the value is itself a name with "Key" as a word in it. */
  private static boolean namesAKey(byte[] b, int from, int to) {
    if (to - from == 17 && Bytes.startsWith(b, from, to, W_KEY, false) && Bytes.all(b, from, to, Bytes.ALNUM)
        && Bytes.classesPresent(b, from + 3, to) == 3) {
      return false; // Airtable's legacy API key: key and fourteen random characters (keyml77rF755bibOL)
    }
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

  /** {@code jetbrains.mps.v8_elimination}: a dotted lower-case name. */
  private static boolean dottedName(byte[] b, int from, int to) {
    return namePath(b, from, to, (byte) '.');
  }

  /** {@code prod/orders/app_secret}, {@code staging/checkout/stripe_key}: a path of lower-case names. */
  private static boolean slashedName(byte[] b, int from, int to) {
    return namePath(b, from, to, (byte) '/');
  }

  /** Lower-case names joined by {@code separator}, each starting with a letter; two or more, none empty. */
  private static boolean namePath(byte[] b, int from, int to, byte separator) {
    boolean joined = false;
    boolean partStart = true;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == separator) {
        if (partStart) {
          return false;
        }
        joined = true;
        partStart = true;
        continue;
      }
      if (partStart ? !Bytes.is(c, Bytes.LOWER)
          : !Bytes.is(c, Bytes.LOWER | Bytes.DIGIT | Bytes.UNDERSCORE | Bytes.DASH | Bytes.DOT)) { // a file's name too
        return false;
      }
      partStart = false;
    }
    return joined && !partStart;
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
    return Bytes.all(b, from, to, Bytes.UPPER | Bytes.LOWER | Bytes.UNDERSCORE | Bytes.DOT);
  }

  private static boolean endsWith(byte[] b, int from, int to, byte[] word) {
    int start = to - word.length;
    return start >= from && Bytes.startsWith(b, start, to, word, true);
  }

  private static boolean contains(byte[] b, int from, int to, byte[] word) {
    return Placeholders.containsIgnoreCase(b, from, to, word);
  }
}
