package io.takumo.aegis.detect;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Kubernetes {@code Secret} manifests (SPEC §4.3): every value under {@code data:} or
 * {@code stringData:} of a document whose {@code kind} is {@code Secret} is a secret, whatever
 * its key is called, except what the entry's name or its decoded text says is public or
 * bookkeeping: a public key, a hash, a version, an image (docs/decisions.md).
 * Values may be plain or block scalars ({@code |}, {@code >}).
 */
final class KubernetesSecrets {
  private static final byte[] KIND = Detector.ascii("kind:");
  private static final byte[] AUTH = Detector.ascii("\"auth");
  private static final byte[] PASSWORD = Detector.ascii("password");
  private static final byte[] SECRET = Detector.ascii("secret");
  private static final int WINDOW = 4096;

  private KubernetesSecrets() {}

  /** {@code at} is the start of {@code data:} (or {@code stringData:}, whose "data:" it points into). */
  static void scan(byte[] b, int at, int from, int to, List<Finding> out) {
    int lineStart = at;
    while (lineStart > from && b[lineStart - 1] != '\n') {
      lineStart--;
    }
    // a file as a tool printed it (cat -n, an agent's Read tool: "     7\tdata:"): every line has the number's margin
    int margin = Value.numberMargin(b, lineStart, at);
    boolean numbered = margin > lineStart;
    int indent = indentOf(b, margin, at);
    if (indent < 0 || !secretKind(b, documentStart(b, at, Math.max(from, at - WINDOW)),
        documentEnd(b, at, Math.min(to, at + WINDOW)))) {
      return;
    }
    boolean encoded = at < 6 || b[at - 6] != 's' && b[at - 6] != 'S'; // data: holds base64, stringData: text
    int p = nextLine(b, at, to);
    while (p < to) {
      if (numbered) {
        int m = Value.numberMargin(b, p, to);
        if (m == p) {
          return; // a line without the margin: the listing ended
        }
        p = m;
      }
      int keyStart = p;
      while (keyStart < to && (b[keyStart] == ' ' || b[keyStart] == '\t')) {
        keyStart++;
      }
      if (keyStart >= to || b[keyStart] == '\n') {
        p = nextLine(b, keyStart, to);
        continue;
      }
      if (keyStart - p <= indent) {
        return; // dedent: the data block ended
      }
      int colon = keyStart;
      while (colon < to && b[colon] != ':' && b[colon] != '\n') {
        colon++;
      }
      if (colon >= to || b[colon] != ':') {
        return;
      }
      boolean publicEntry = publicEntry(b, keyStart, colon);
      int v = colon + 1;
      while (v < to && (b[v] == ' ' || b[v] == '\t')) {
        v++;
      }
      int lineEnd = v;
      while (lineEnd < to && b[lineEnd] != '\n' && b[lineEnd] != '\r') {
        lineEnd++;
      }
      if (v < lineEnd && (b[v] == '|' || b[v] == '>')) {
        int blockStart = nextLine(b, lineEnd, to);
        int blockEnd = blockStart;
        int q = blockStart;
        int itemIndent = keyStart - p;
        while (q < to) {
          int t = numbered ? Value.numberMargin(b, q, to) : q;
          if (t == q && numbered) {
            break;
          }
          int lineMargin = t;
          while (t < to && (b[t] == ' ' || b[t] == '\t')) {
            t++;
          }
          if (t < to && b[t] != '\n' && t - lineMargin <= itemIndent) {
            break;
          }
          q = nextLine(b, t, to);
          blockEnd = q;
        }
        int[] span = trim(b, blockStart, blockEnd);
        if (span[1] - span[0] >= 8 && !publicEntry && !publicText(b, span[0], span[1])
            && !Bytes.startsWith(b, span[0], span[1], ANSIBLE_VAULT, false)) {
          out.add(new Finding(span[0], span[1], Category.SECRET, "kubernetes-secret", 0.9));
        }
        p = blockEnd;
        continue;
      }
      int[] span = trim(b, v, lineEnd);
      if (span[1] > span[0] && (b[span[0]] == '"' || b[span[0]] == '\'')) {
        span[0]++;
        span[1]--;
      }
      if (span[1] - span[0] >= 4 && !publicEntry && !Placeholders.isPlaceholder(b, span[0], span[1])
          && !Keyword.notASecretValue(b, span[0], span[1])
          && !(encoded ? notASecret(b, span[0], span[1]) : bookkeepingText(b, span[0], span[1]))) {
        out.add(new Finding(span[0], span[1], Category.SECRET, "kubernetes-secret", 0.9));
      }
      p = nextLine(b, lineEnd, to);
    }
  }

  /**
   * A base64 data value whose text is no secret: shorter than 4 bytes ({@code YmFyCg==} is
   * "bar\n", SPEC §4 "very short values") or a placeholder ({@code dHJ1ZQ==} is "true", {@code c2steHh4…} is
   * "sk-xxx…").
   */
  private static boolean notASecret(byte[] b, int from, int to) {
    if (Bytes.startsWithAny(b, from, to, IMAGE_BASE64, false)) {
      return true;
    }
    boolean whole = to - from <= 256; // longer: a certificate, a key, an image; its head says which
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(Arrays.copyOfRange(b, from, whole ? to : from + 64));
    } catch (IllegalArgumentException notBase64) {
      // no base64, so no value Kubernetes would take: judged as text, and an id (a UUID) is no secret there
      return bookkeepingText(b, from, to) || uuid(b, from, to);
    }
    int[] text = trim(decoded, 0, decoded.length);
    // a JSON document that holds credentials ({"auths":{…"password":…}} of a .dockerconfigjson) is no placeholder for
    // its leading brace; a settings document ({"theme": "dark"}) stays bookkeeping
    boolean json = text[1] - text[0] > 2 && decoded[text[0]] == '{' && decoded[text[0] + 1] == '"'
        && (Placeholders.containsIgnoreCase(decoded, text[0], text[1], AUTH)
            || Placeholders.containsIgnoreCase(decoded, text[0], text[1], PASSWORD));
    return whole && (text[1] - text[0] < 4 || !json && Placeholders.isPlaceholder(decoded, text[0], text[1])
        || bookkeepingText(decoded, text[0], text[1]))
        || publicText(decoded, text[0], text[1]);
  }

  /** Segments of an entry's name that make it public or bookkeeping: LANGFUSE_PUBLIC_KEY, TOKEN_HASH, etag, tls.crt. */
  private static final WordSet PUBLIC_NAMES = new WordSet("public", "pub", "publishable", "site", "hash", "hashed",
      "digest", "checksum", "fingerprint", "etag", "nonce", "trace", "version", "label", "toggle", "flag", "flags",
      "avatar", "logo", "icon", "image", "crt", "cert", "certificate", "kms", "i18n", "prefix", "name", "host",
      "hostname", "username", "user", // a basic-auth Secret's user is no secret; its password is
      "port", "region", "dbname", "namespace", "bucket", "queue", "sha", "commit", "revision");
  /** An id is bookkeeping (REQUEST_ID, AWS_ACCOUNT_ID) unless the name is a secret's too (AWS_ACCESS_KEY_ID). */
  private static final WordSet ID = new WordSet("id");

  /**
   * Whether a segment of the entry's name {@code b[from, to)} (split at non-letters and camelCase) is public or
   * bookkeeping, or it is an id's name that names no secret.
   */
  private static boolean publicEntry(byte[] b, int from, int to) {
    boolean id = false;
    boolean secret = false;
    int s = from;
    for (int i = from; i <= to; i++) {
      boolean boundary = i == to || !Bytes.is(b[i], Bytes.UPPER | Bytes.LOWER)
          || i > from && Bytes.is(b[i], Bytes.UPPER) && Bytes.is(b[i - 1], Bytes.LOWER);
      if (boundary) {
        if (i > s && PUBLIC_NAMES.contains(b, s, i)) {
          return true;
        }
        id |= i > s && ID.contains(b, s, i);
        secret |= i > s && Keyword.isSecretWord(b, s, i);
        s = i == to || Bytes.is(b[i], Bytes.UPPER) ? i : i + 1;
      }
    }
    return id && !secret;
  }

  /**
   * The heads of public text. Not a certificate's: a PEM bundle that begins with one may hold its private key after it
   * (a certificate under a certificate's name, tls.crt, is public by {@link #PUBLIC_NAMES}).
   */
  private static final byte[][] PUBLIC_TEXT = {Detector.ascii("-----BEGIN PUBLIC KEY"),
      Detector.ascii("-----BEGIN RSA PUBLIC KEY"), Detector.ascii("ssh-rsa "), Detector.ascii("ssh-ed25519 "),
      Detector.ascii("ecdsa-sha2-"), Detector.ascii("data:")};

  /**
   * An image's signature in base64 (PNG, GIF, JPEG), decodable or not: a logo in a Secret is no credential (SPEC §4:
   * images are not text); a keystore's bytes (.jks, .p12) have no such head and stay findings.
   */
  private static final byte[][] IMAGE_BASE64 = {Detector.ascii("iVBORw0KGgo"), Detector.ascii("R0lGOD"),
      Detector.ascii("/9j/")};

  private static final byte[] ANSIBLE_VAULT = Detector.ascii("$ANSIBLE_VAULT;");

  /** 8-4-4-4-12 hex digits. */
  private static boolean uuid(byte[] b, int from, int to) {
    if (to - from != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? b[from + i] != '-' : !Bytes.is(b[from + i], Bytes.HEX)) {
        return false;
      }
    }
    return true;
  }
  private static final byte[] SCHEME = Detector.ascii("://");

  /**
   * A stringData entry's text that is bookkeeping, not a credential: public text ({@link #publicText}), a URL with
   * no user information ({@code jdbc:postgresql://db:5432/app}; one with a token in it has its own rule), a locale
   * ({@code en-US}), a port, a cloud region ({@code us-east-1}), an HTTP header's name ({@code X-API-Key}).
   */
  private static boolean bookkeepingText(byte[] b, int from, int to) {
    if (to - from < 4) {
      return false; // shorter values are no secret anyway: SPEC §4 "very short values" (checked by the callers)
    }
    int scheme = Bytes.indexOf(b, from, to, SCHEME);
    if (scheme > from) {
      int authority = scheme + SCHEME.length;
      int end = authority;
      while (end < to && b[end] != '/' && b[end] != '?' && b[end] != '#') {
        end++;
      }
      return !Value.contains(b, authority, end, (byte) '@');
    }
    boolean locale = to - from == 5 && b[from + 2] == '-' && Bytes.all(b, from, from + 2, Bytes.LOWER)
        && Bytes.all(b, from + 3, to, Bytes.UPPER);
    boolean number = to - from <= 6 && Bytes.all(b, from, to, Bytes.DIGIT); // a port, a count
    boolean region = to - from <= 24 && Bytes.is(b[to - 1], Bytes.DIGIT) && b[to - 2] == '-'
        && Bytes.all(b, from, to - 2, Bytes.LOWER | Bytes.DASH) && Value.contains(b, from, to - 2, (byte) '-');
    boolean header = to - from > 2 && (b[from] == 'X' || b[from] == 'x') && b[from + 1] == '-'
        && Bytes.all(b, from + 2, to, Bytes.UPPER | Bytes.LOWER | Bytes.DASH);
    return locale || number || region || header || publicText(b, from, to);
  }

  /** Text that is public or bookkeeping: a public key, a data: URI, a version number. */
  private static boolean publicText(byte[] b, int from, int to) {
    if (Bytes.startsWithAny(b, from, to, PUBLIC_TEXT, false)) {
      return true;
    }
    int p = from < to && (b[from] == 'v' || b[from] == 'V') ? from + 1 : from; // 7.22.46, v0.0.0-2021…-37b91f
    int dots = 0;
    int q = p;
    while (q < to && (Bytes.is(b[q], Bytes.DIGIT) || b[q] == '.')) {
      dots += b[q] == '.' ? 1 : 0;
      q++;
    }
    return q > p && Bytes.is(b[p], Bytes.DIGIT) && dots >= 2 && (q == to || b[q] == '-' || b[q] == '+');
  }

  /** A {@code kind: Secret} line (quotes allowed) near the data block. */
  private static boolean secretKind(byte[] b, int from, int to) {
    int p = from;
    while ((p = indexOfIgnoreCase(b, p, to, KIND)) >= 0) {
      int v = p + KIND.length;
      while (v < to && (b[v] == ' ' || b[v] == '"' || b[v] == '\'')) {
        v++;
      }
      if (Bytes.startsWith(b, v, to, SECRET, true)) {
        int e = v + SECRET.length;
        return e >= to || !Bytes.is(b[e], Bytes.ALNUM); // Secret, not SecretStore or SopsSecret
      }
      p = v;
    }
    return false;
  }

  private static final byte[] SEPARATOR = Detector.ascii("\n---");

  /** The YAML document around {@code at}: from the previous {@code ---} line, to the next. */
  private static int documentStart(byte[] b, int at, int floor) {
    for (int i = at; i > floor; i--) {
      if (Bytes.startsWith(b, i, at, SEPARATOR, false)) {
        return i + SEPARATOR.length;
      }
    }
    return floor;
  }

  private static int documentEnd(byte[] b, int at, int ceiling) {
    int next = Bytes.indexOf(b, at, ceiling, SEPARATOR);
    return next < 0 ? ceiling : next;
  }

  private static int indexOfIgnoreCase(byte[] b, int from, int to, byte[] word) {
    for (int i = from; i <= to - word.length; i++) {
      if (Bytes.startsWith(b, i, to, word, true)) {
        return i;
      }
    }
    return -1;
  }

  private static int indentOf(byte[] b, int lineStart, int at) {
    for (int i = lineStart; i < at; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return b[i] == 's' || b[i] == 'S' ? i - lineStart : -1; // "stringData:"
      }
    }
    return at - lineStart;
  }


  private static int nextLine(byte[] b, int p, int to) {
    while (p < to && b[p] != '\n') {
      p++;
    }
    return p < to ? p + 1 : to;
  }

  private static int[] trim(byte[] b, int from, int to) {
    while (from < to && Bytes.is(b[from], Bytes.SPACE)) {
      from++;
    }
    while (to > from && Bytes.is(b[to - 1], Bytes.SPACE)) {
      to--;
    }
    return new int[] {from, to};
  }
}
