package io.takumo.aegis.detect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Values that look like secrets but are not: placeholders, references to where a secret lives,
 * and the gateway's own tokens (SPEC §4 "Not secrets").
 */
final class Placeholders {
  private static final byte[][] EXACT = bytes("changeme", "change_me", "change-me", "password", "passwd", "secret",
      "token", "apikey", "api_key", "null", "none", "nil", "true", "false", "undefined", "todo", "tbd", "redacted",
      "example", "test", "testing", "dummy", "sample", "placeholder", "default", "empty", "string", "value", "required",
      "optional", "hidden", "masked", "unknown", "n/a", "na", "admin", "root", "guest", "user", "username", "pass",
      "your-password", "mypassword", "my-password", "secret123", "password123", "foobar", "foo", "bar",
      // the passwords every list of common passwords starts with, and test suites use: guessed first, no secret
      "abc123", "p@ssw0rd", "passw0rd", "p@ssword", "qwerty", "hunter2", "s3cr3t", "letmein", "iloveyou", "admin123",
      "welcome1", "trustno1", "password1", "123456", "12345678", "123456789",
      // products' documented defaults: the JDK's keystores, Elasticsearch's first user
      "changeit", "elastic", "mysecret",
      // what Terraform prints after a resource's address (random_password.db: Creation complete after 0s)
      "creation", "creating...", "modifying...", "modifications", "destroying...", "destruction", "refreshing",
      // what tutorials and templates write for "a secret goes here"
      "my-super-secret", "mysupersecret", "super-secret", "supersecret",
      // Telegram's documented bot token shape, as tutorials write it
      "123456789:abcdef");
  private static final byte[][] CONTAINS = bytes("xxxx", "****", "####", "...", "${", "{{", "}}", "process.env",
      "os.environ", "getenv", "env[", "env.", "secrets.", "example.com", "example.org", "placeholder", "changeme", "change_me",
      "your_", "your-", "yourkey", "yourtoken", "yoursecret", "yourpassword", "dummy", "sample", "redacted",
      "replace_me", "replace-me", "replaceme", "__replace__", "insert_", "insert-", "set-me", "set_me", "via-env", "via_env", "__takumo_v1_", "{0}",
      "(hidden)", "(redacted)", "(masked)", "(sensitive", // Terraform's "(sensitive value)"
      "\u2026", "\u2022\u2022", // what a CI log or a UI shows of a masked value: sk_live_…k3Ht, ••••••••2dIz
      "config.", "settings.", "vault:", "secretsmanager", "keyvault", "$(", "fake", "notreal", "not_real",
      "not-a-real", "lorem", "ipsum", "0123456789", "abcdefghij",
      // secret managers' references: vals (ref+awsssm://…), GCP Secret Manager (sm://…, gcp:secretmanager:…),
      // 1Password (op://vault/item/field)
      "ref+", "secretmanager", "sm://", "op://", "/secrets/",
      // Doppler's and Bitwarden Secrets Manager's references, Symfony's env(NAME), a container image's digest
      "doppler://", "bws://", "env(", "@sha256:",
      // what a test file says its values are for
      "unit-test", "unit_test", "unittest", "for-tests", "for_tests", "for-testing", "for_testing",
      // crypto test vectors, not anyone's key: counting bytes (RFC 8439's 80 81 82 …), FIPS-197's and SP 800-38A's
      // AES key, RFC 8032's first Ed25519 secret
      "000102030405", "808182838485", "2b7e151628aed2a6", "9d61b19deffd5a60");
  private static final byte[][] PREFIX = bytes("$", "\\$", "%", "@", "your", "enter", "put", "insert", "replace", "<", "[",
      "{", "env:", "file:", "enc[", "/", "./", "../", "~/", "c:\\\\", "http://localhost", "https://localhost",
      "arn:", "enc(", "ssm:",
      // Ruby and Octopus interpolation, CloudFormation's intrinsic functions and Ansible's vault tag in YAML
      "#{", "!getatt", "!ref", "!sub", "!importvalue", "!join", "!select", "!findinmap", "!vault",
      // ciphertexts meant to be committed and references to a key vault: a KMS envelope (kms:v1:…), Vault transit
      // (vault:v1:…, under "vault:" above), Windows DPAPI (NuGet's encrypted passwords), Azure Key Vault (akv://…)
      "kms:", "aqaaancmnd8bfderjhoawe/cl+sb", "akv://",
      // Concourse's ((credential)), GCP Secret Manager's gcp:/// and gcpsm://, an XML-escaped <placeholder>
      "((", "gcp://", "gcpsm://", "&lt;",
      "ej[1:", // EJSON's encrypted values
      "v1:", "gaaaaa"); // Pulumi's passphrase-encrypted config (v1:<nonce>:<ciphertext>), a Fernet token's version

  /** {@link #CONTAINS} and {@link #PREFIX} by first byte: one pass over a value, not one per word. */
  private static final byte[][][] CONTAINS_BY_FIRST = byFirstByte(CONTAINS);
  /** The markers of {@link #CONTAINS} with three letters or more ({@code vault:}, {@code example.com}). */
  private static final byte[][][] CONTAINS_WORDS_BY_FIRST = byFirstByte(java.util.Arrays.stream(CONTAINS)
      .filter(m -> letters(m) >= 3).toArray(byte[][]::new));

  private static int letters(byte[] marker) {
    int n = 0;
    for (byte c : marker) {
      n += Bytes.is(c, Bytes.UPPER | Bytes.LOWER) ? 1 : 0;
    }
    return n;
  }
  private static final byte[][][] PREFIX_BY_FIRST = byFirstByte(PREFIX);

  private Placeholders() {}

  /** {@code words} by their first byte: where each may start, one array lookup finds the few to compare. */
  static byte[][][] byFirstByte(byte[][] words) {
    byte[][][] out = new byte[256][][];
    for (byte[] word : words) {
      int first = word[0] & 0xff;
      byte[][] list = out[first] == null ? new byte[0][] : out[first];
      list = Arrays.copyOf(list, list.length + 1);
      list[list.length - 1] = word;
      out[first] = list;
    }
    return out;
  }

  private static boolean startsWithAny(byte[][] words, byte[] b, int at, int to) {
    return words != null && Bytes.startsWithAny(b, at, to, words, true);
  }

  /** Whether one of the words {@link #byFirstByte} bucketed starts anywhere in {@code b[from, to)}, ignoring case. */
  private static boolean containsAny(byte[][][] byFirst, byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (startsWithAny(byFirst[Bytes.lower(b[i])], b, i, to)) {
        return true;
      }
    }
    return false;
  }

  private static byte[][] bytes(String... values) {
    byte[][] out = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static final byte[][] IN_TOKENS = bytes("xxxx", "your_", "_here", "####", "placeholder", "dummy", "redacted",
      "0123456789", "abcdefghij", "testtest", "0000000000"); // xoxb-0000000000-0000000000-testtesttesttest

  /**
   * Placeholder words inside a known-format token ({@code sha256~XXXX_PUT_YOUR_TOKEN_HERE}).
   * Narrower than {@link #isPlaceholder}: {@code AKIAIOSFODNN7EXAMPLE} must still count.
   */
  static boolean inToken(byte[] b, int from, int to) {
    // one pass for every word (issue 19: a word per pass was a sixth of the scan of a body that is all findings)
    return containsAny(IN_TOKENS_BY_FIRST, b, from, to) || lowDiversity(b, from, to) || periodic(b, from, to);
  }

  private static final byte[][][] IN_TOKENS_BY_FIRST = byFirstByte(IN_TOKENS);

  /**
   * Whether a token ending at {@code end} runs on into a mask ({@code xoxp-5723…-####}): the
   * visible part of a redacted value, not a secret.
   */
  static boolean maskedAfter(byte[] b, int end, int to) {
    return end + 1 < to && (b[end] == '#' || b[end] == '*') && b[end + 1] == b[end];
  }

  /** Whether a context value {@code b[from, to)} is a placeholder or reference, not a secret. */
  static boolean isPlaceholder(byte[] b, int from, int to) {
    int len = to - from;
    for (byte[] word : EXACT) {
      if (word.length == len && Bytes.startsWith(b, from, to, word, true)) {
        return true;
      }
    }
    if (from < to && startsWithAny(PREFIX_BY_FIRST[Bytes.lower(b[from])], b, from, to) && !percentEscaped(b, from, to)
        && !generatedAfterSigil(b, from, to) && !(b[from] == '/' && base64Key(b, from, to))) {
      return true;
    }
    if (randomWithSymbols(b, from, to)) {
      // %s, {{, ##, <…> by chance in a generated secret (WordPress's salts draw from 90 characters); words are no chance
      return containsAny(CONTAINS_WORDS_BY_FIRST, b, from, to);
    }
    return containsAny(CONTAINS_BY_FIRST, b, from, to) || Bytes.indexOf(b, from, to, FORMAT) >= 0
        || encodedBracketed(b, from, to)
        || elided(b, from, to) || angleBracketed(b, from, to)
        || lowDiversity(b, from, to) || periodic(b, from, to) || fixtureWords(b, from, to);
  }

  /** Whether {@code b[from, to)} holds a placeholder's marker of three letters or more, or a fixture's words. */
  static boolean hasWords(byte[] b, int from, int to) {
    return containsAny(CONTAINS_WORDS_BY_FIRST, b, from, to) || fixtureWords(b, from, to);
  }

  private static final byte[][] NOT_ONE_STRING = {{':', '/', '/'}, {';', ' '}, {',', ' '}};

  /**
   * Whether {@code b[from, to)} is a generated secret drawn from letters, digits and symbols: 32 characters or more of
   * all four classes at 4.5 bits of entropy per character or more, no URL and no list ({@code a=1; b=2}). In 64
   * characters of WordPress's alphabet a {@code %s} or a {@code {{} turns up one time in three; a template, a
   * reference or a masked value is words and repeats, far below that entropy.
   */
  private static boolean randomWithSymbols(byte[] b, int from, int to) {
    if (to - from < 32 || Bytes.classesPresent(b, from, to) < 4 || Bytes.entropy(b, from, to) < 4.5) {
      return false;
    }
    for (byte[] marker : NOT_ONE_STRING) {
      if (Bytes.indexOf(b, from, to, marker) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a value that starts with {@code /} is a base64 key that happens to ({@code
   * /kO2n3pVyeguDv2lBE+6isdhsylomZFK9lZE3IVH7A0=}, one in 64 of them), not a path: 20 characters or more of base64,
   * three classes, 4 bits of entropy per character, at most two slashes and no word between them.
   */
  private static boolean base64Key(byte[] b, int from, int to) {
    int slashes = 0;
    for (int i = from; i < to; i++) {
      slashes += b[i] == '/' ? 1 : 0;
    }
    return to - from >= 20 && slashes <= 2 && Bytes.all(b, from, to, Bytes.B64 | Bytes.EQUALS)
        && Bytes.classesPresent(b, from, to) >= 3 && Bytes.entropy(b, from, to) >= 4.0;
  }

  /**
   * Whether a value that starts with {@code %} or {@code @} is a generated password that happens to
   * ({@code %6PQg7sk-h4BH0^C8_WtfE@#}, {@code @clL@hA_%d%6DiElw…}), not a variable, a format or a reference
   * ({@code %APPDATA%}, {@code %(password)s}, {@code @Microsoft.KeyVault(…)}, {@code @db_password}): twelve characters
   * or more of all four classes, no bracket, not closed by the sigil; or a Django key.
   */
  private static boolean generatedAfterSigil(byte[] b, int from, int to) {
    byte sigil = b[from];
    if ((sigil == '%' || sigil == '@') && djangoKey(b, from, to)) {
      return true;
    }
    if (sigil != '%' && sigil != '@' || to - from < 12 || b[to - 1] == sigil || Bytes.classesPresent(b, from, to) < 4) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (b[i] == '(' || b[i] == '{' || b[i] == '[') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code b[from, to)} is what Django's {@code get_random_secret_key()} draws: 50 characters of lower-case
   * letters, digits and {@code !@#$%^&*(-_=+)}, with all three present and 4 bits of entropy per character ({@code
   * @%_t!^xk1=8u-c%hlxtkimrt3g#kysy27nnmr5x+60g!c81^(3}): its brackets are characters, not a call.
   */
  private static boolean djangoKey(byte[] b, int from, int to) {
    return to - from == 50 && Bytes.all(b, from, to, Bytes.LOWER | Bytes.DIGIT | Bytes.DJANGO_SYMBOL | Bytes.DASH
        | Bytes.UNDERSCORE | Bytes.EQUALS | Bytes.PLUS_SLASH) && Bytes.classesPresent(b, from, to) == 3
        && Bytes.entropy(b, from, to) >= 4.0;
  }

  /**
   * {@code ..} in a value: an elision ({@code sk-proj-..}, {@code abc..xyz}), except two dots that end a password of
   * eight characters or more and three classes ({@code falconKETTLE26..}: people double the symbol they end with).
   */
  private static boolean elided(byte[] b, int from, int to) {
    int dots = Bytes.indexOf(b, from, to, ELISION);
    if (dots < 0 || to - from > 64 && Bytes.startsWith(b, from, to, JOSE_HEADER, false)) {
      return false; // a JWE with "alg":"dir" has an empty key between two dots: eyJhbGciOiJkaXIi….. .iv.…
    }
    return dots != to - 2 || dots - from < 8 || b[dots - 1] == '.' || Bytes.classesPresent(b, from, dots) < 3;
  }

  /**
   * A bracketed word URL-encoded, as a log masks a query's value: {@code %5Bhidden%5D}, {@code %5BMASKED%5D}, {@code
   * %3Cyour-token%3E} (letters, {@code -} and {@code _} between the brackets: a word, not a value).
   */
  private static boolean encodedBracketed(byte[] b, int from, int to) {
    if (to - from < 7 || b[from] != '%' || b[to - 3] != '%') {
      return false;
    }
    boolean square = Bytes.startsWith(b, from, to, SQUARE_OPEN, true) && Bytes.startsWith(b, to - 3, to, SQUARE_CLOSE, true);
    boolean angle = Bytes.startsWith(b, from, to, ANGLE_OPEN, true) && Bytes.startsWith(b, to - 3, to, ANGLE_CLOSE, true);
    return (square || angle) && Bytes.all(b, from + 3, to - 3, Bytes.UPPER | Bytes.LOWER | Bytes.DASH | Bytes.UNDERSCORE);
  }

  private static final byte[] SQUARE_OPEN = {'%', '5', 'b'};
  private static final byte[] SQUARE_CLOSE = {'%', '5', 'd'};
  private static final byte[] ANGLE_OPEN = {'%', '3', 'c'};
  private static final byte[] ANGLE_CLOSE = {'%', '3', 'e'};
  private static final byte[] ELISION = {'.', '.'};
  /** printf's {@code %s}, in lower case only: {@code %S} is as likely a password's two characters as a format. */
  private static final byte[] FORMAT = {'%', 's'};
  private static final byte[] JOSE_HEADER = {'e', 'y', 'J'};

  /**
   * Whether the value starts with a percent-escape ({@code %40Nl%5EV…}, a URL's password encoded), not with a
   * variable ({@code %APPDATA%}) or a format ({@code %s}): two hex digits after the {@code %}, no {@code %} at its end.
   */
  private static boolean percentEscaped(byte[] b, int from, int to) {
    return to - from > 3 && b[from] == '%' && Bytes.is(b[from + 1], Bytes.HEX) && Bytes.is(b[from + 2], Bytes.HEX)
        && b[to - 1] != '%';
  }

  /**
   * {@code <your-api-key>} inside a value ({@code sk-<key>}, {@code Bearer <token>}): a {@code <} with a {@code >}
   * after it. A lone {@code <} or {@code >} is a character of a password like any other.
   */
  private static boolean angleBracketed(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '<') {
        for (int j = i + 2; j < to; j++) {
          if (b[j] == '>') {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** Words test fixtures are made of; a value of only these (and digits) names a secret, it is none. */
  private static final WordSet FIXTURE_WORDS = new WordSet("test", "tests", "testing", "fake", "dummy", "example",
      "sample", "mock", "demo", "placeholder", "my", "your", "the", "a", "foo", "bar", "baz", "qux", "abc", "xyz", "some", "this",
      "password", "passwd", "pass", "pwd", "secret", "token", "key", "api", "apikey", "auth", "access", "private",
      "client", "user", "db", "admin", "value", "string", "here", "dev", "local", "default", "new", "old", "invalid",
      "valid", "wrong", "bad", "good", "other", "another", "for", "of", "not", "real", "only", "sk", "pk",
      "fixture", "fixtures", "unit", "stub", "change", "me", "in", "production", "do", "use");
  /** At least one of these must be among them: what marks a value as made up rather than chosen. */
  private static final WordSet FIXTURE_MARKS = new WordSet("test", "tests", "testing", "fake", "dummy", "example",
      "sample", "mock", "demo", "placeholder", "foo", "bar", "baz", "qux", "invalid", "wrong", "bad",
      "fixture", "fixtures", "unit", "stub", "some", "my", "valid", "change");

  /**
   * {@code test_password_123}, {@code fake-token-for-tests}, {@code sk-test-1234}: words of a fixture and digits,
   * at least one word saying it is made up. A single dictionary word is left to the other checks.
   */
  static boolean fixtureWords(byte[] b, int from, int to) {
    boolean marked = false;
    int words = 0;
    int i = from;
    while (i < to) {
      byte c = b[i];
      if (c == '_' || c == '-' || c == '.' || c == ' ' || Bytes.is(c, Bytes.DIGIT)) {
        i++;
        continue;
      }
      int start = i;
      while (i < to && Bytes.is(b[i], Bytes.UPPER | Bytes.LOWER)
          && !(i > start && Bytes.is(b[i], Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.LOWER))) { // camelCase splits
        i++;
      }
      if (i == start) {
        return false; // another character: not made of words
      }
      if (!FIXTURE_WORDS.contains(b, start, i)) {
        return false;
      }
      marked |= FIXTURE_MARKS.contains(b, start, i);
      words++;
    }
    return marked && words >= 2;
  }

  /** A short unit repeated: {@code abcabcabc}, {@code password=password=…}. */
  static boolean periodic(byte[] b, int from, int to) {
    int len = to - from;
    for (int period = 1; period <= 16 && 2 * period <= len; period++) {
      int i = from;
      while (i + period < to && b[i] == b[i + period]) {
        i++;
      }
      if (i + period >= to) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when one byte makes up more than 60% of a value of 8 bytes or more, or the value uses at
   * most 3 distinct bytes: {@code xxxxxxxx}, {@code 00000000}, {@code abababab}.
   */
  static boolean lowDiversity(byte[] b, int from, int to) {
    int len = to - from;
    if (len < 8) {
      return false;
    }
    // One pass for the distinct bytes (a 256-bit set in four longs) and the majority vote
    // (Boyer-Moore: the only byte that can hold more than half), one to count that byte.
    long s0 = 0;
    long s1 = 0;
    long s2 = 0;
    long s3 = 0;
    int candidate = -1;
    int votes = 0;
    for (int i = from; i < to; i++) {
      int c = Bytes.lower(b[i]);
      long bit = 1L << c;
      switch (c >>> 6) {
        case 0 -> s0 |= bit;
        case 1 -> s1 |= bit;
        case 2 -> s2 |= bit;
        default -> s3 |= bit;
      }
      if (votes == 0) {
        candidate = c;
        votes = 1;
      } else {
        votes += c == candidate ? 1 : -1;
      }
    }
    if (Long.bitCount(s0) + Long.bitCount(s1) + Long.bitCount(s2) + Long.bitCount(s3) <= 3) {
      return true;
    }
    int count = 0;
    for (int i = from; i < to; i++) {
      count += Bytes.lower(b[i]) == candidate ? 1 : 0;
    }
    return count * 10 > len * 6;
  }

  static boolean containsIgnoreCase(byte[] b, int from, int to, byte[] word) {
    int first = word[0];
    for (int i = from; i <= to - word.length; i++) {
      if (Bytes.lower(b[i]) == first && Bytes.startsWith(b, i, to, word, true)) {
        return true;
      }
    }
    return false;
  }
}
