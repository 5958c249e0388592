package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JSON-aware scanning (SPEC §4): detection runs on the decoded content of every string value, so
 * escapes ({@code \n}, {@code \"}, {@code \\}, {@code \u0041}) cannot hide a secret, and each
 * finding is mapped back to its raw bytes, escapes included. Strings that are themselves JSON
 * (OpenAI tool-call {@code arguments}) are scanned as JSON. A member's name gives its value
 * context ({@code "db_password": "…"}). Base64 payloads (images, documents) are not scanned as text.
 *
 * <p>Input that is not JSON is scanned as text. Hand-written rather than a JSON library because
 * it needs raw byte offsets for every decoded byte. Immutable and thread-safe.
 */
public final class JsonScanner {
  private static final int BASE64_MIN = 1024;
  private static final byte[] DATA_URL = Detector.ascii("data:");
  private static final byte[] BASE64_MARK = Detector.ascii(";base64,");

  private final Detector detector;

  public JsonScanner(Detector detector) {
    this.detector = requireNonNull(detector, "detector");
  }

  /** Findings in {@code raw[from, to)}: as JSON when it is JSON, as text otherwise. */
  public List<Finding> scan(byte[] raw, int from, int to) {
    List<Finding> out = new ArrayList<>();
    from = skipBom(raw, from, to);
    if (!looksLikeJson(raw, from, to) || !walk(raw, from, to, out)) {
      out.clear();
      detector.scanInto(raw, from, to, out);
    }
    return Detector.resolve(out);
  }

  public List<Finding> scan(byte[] raw) {
    return scan(raw, 0, raw.length);
  }

  /**
   * Findings in one JSON string value {@code raw[s, e)} (its content, without the quotes), with the
   * member name {@code key[ks, ke)} giving context ({@code key} null for array elements and
   * top-level strings). For callers that walk JSON themselves, such as a body arriving in chunks.
   */
  public List<Finding> scanString(byte[] raw, int s, int e, byte @Nullable [] key, int ks, int ke) {
    return scanString(raw, s, e, null, key, ks, ke);
  }

  /**
   * As {@link #scanString(byte[], int, int, byte[], int, int)}, with the string's escapes as the
   * caller's walk found them ({@code null}: searched for here), so they are not searched for twice.
   */
  public List<Finding> scanString(byte[] raw, int s, int e, @Nullable Escapes escapes, byte @Nullable [] key, int ks,
      int ke) {
    List<Finding> out = new ArrayList<>();
    value(raw, s, e, escapes, key, key == null ? -1 : ks, ke, out);
    return Detector.resolve(out);
  }

  /**
   * Where one string's escapes start: the offsets of their backslashes from the string's content
   * start, in order, as a walk that skips the byte after each backslash meets them. Reused from
   * string to string by one walk; not thread-safe.
   */
  public static final class Escapes {
    private int[] at = new int[64];
    private int count;

    public void clear() {
      count = 0;
    }

    /** The escape whose backslash is {@code offset} bytes into the string's content. */
    public void add(int offset) {
      if (count == at.length) {
        at = Arrays.copyOf(at, count * 2);
      }
      at[count++] = offset;
    }
  }

  /** Past a UTF-8 byte order mark at {@code from}, if there is one (it is kept in the output: only skipped). */
  public static int skipBom(byte[] b, int from, int to) {
    return to - from >= 3 && (b[from] & 0xff) == 0xef && (b[from + 1] & 0xff) == 0xbb && (b[from + 2] & 0xff) == 0xbf
        ? from + 3 : from;
  }

  /** Whether {@code b[from, to)} begins, after blanks, as a JSON object or array does. */
  public static boolean looksLikeJson(byte[] b, int from, int to) {
    int p = skipWs(b, from, to);
    return p < to && (b[p] == '{' || b[p] == '[');
  }

  private static final byte[] VALUE = Detector.ascii("value");
  private static final byte[] DEFAULT = Detector.ascii("default");
  private static final byte[] KEY = Detector.ascii("key");
  private static final byte[] NAME = Detector.ascii("name");
  private static final int MAX_NAME = 64;

  private static final byte[] KTY = Detector.ascii("kty");
  private static final byte[] JWK_D = Detector.ascii("d");

  /** An RSA JWK's prime factors and CRT members, {@code p q dp dq qi}: private as its {@code d} is. */
  private static boolean jwkFactor(byte[] b, int from, int to) {
    int n = to - from;
    return n == 1 ? b[from] == 'p' || b[from] == 'q'
        : n == 2 && (b[from] == 'd' && (b[from + 1] == 'p' || b[from + 1] == 'q') || b[from] == 'q' && b[from + 1] == 'i');
  }
  private static final byte[] JWK_K = Detector.ascii("k");
  private static final int PENDING_JWK = 0;
  private static final int PENDING_RESULT = 1;
  private static final byte[] BCRYPT_HASH = Detector.ascii("bcrypt_hash");
  private static final byte[] RESULT = Detector.ascii("result");

  /** Whether the member name {@code b[from, to)} is {@code word}. */
  private static boolean is(byte[] b, int from, int to, byte[] word) {
    return to - from == word.length && Bytes.startsWith(b, from, to, word, false);
  }

  /**
   * Whether the member name {@code b[from, to)} is {@code key}, {@code name}, {@code label} or {@code keyName} (Azure's key
   * listings: {@code {"keyName": "key1", "permissions": "FULL", "value": "…"}}), in any case (AWS writes {@code
   * {"Name": "DB_PASSWORD", "Value": "…"}} in ECS task definitions, CloudFormation and SSM's answers): its value names
   * a sibling.
   */
  private static boolean names(byte[] b, int from, int to) {
    return anyCase(b, from, to, KEY) || anyCase(b, from, to, NAME) || is(b, from, to, KEY_NAME) || is(b, from, to, LABEL);
  }

  /** 1Password's fields ({@code op item get --format json}): {"label": "password", "value": "…"}. */
  private static final byte[] LABEL = Detector.ascii("label");

  /** Whether the member name {@code b[from, to)} is {@code word} in any case. */
  private static boolean anyCase(byte[] b, int from, int to, byte[] word) {
    return to - from == word.length && Bytes.startsWith(b, from, to, word, true);
  }
  private static final byte[] KEY_NAME = Detector.ascii("keyName");

  /** Walks one JSON document; false when it is malformed (the caller falls back to text). */
  private boolean walk(byte[] b, int from, int to, List<Finding> out) {
    // Nesting: true = object, false = array. Depth is bounded by the input size.
    boolean[] stack = new boolean[64];
    int depth = 0;
    Escapes escapes = new Escapes(); // each string's, found by stringEnd and used by its decode
    boolean expectKey = false;
    int keyStart = -1;
    int keyEnd = -1;
    // {"key": "twilio_auth_token", "value": "…"} (Postman, Insomnia, Terraform variable lists): the "key" or "name"
    // member's string names the "value" member of the same object
    int namedDepth = -1;
    int namedStart = -1;
    int namedEnd = -1;
    // the member name each open object is the value of: {"db_password": {"value": "…", "sensitive": true}} (Terraform
    // state's outputs and JSON variables), by depth; -1 for an array's element or the top
    int[] parents = new int[128];
    // Members whose meaning a sibling gives: a JWK's "d"/"k" in the object with "kty", a random_password's "result"
    // in the object with "bcrypt_hash" (before or after it: Terraform sorts members, a tool that rewrote the state
    // may not); the depth of each, or -1
    int jwkDepth = -1;
    int terraformDepth = -1;
    // members met before the sibling that gives their meaning (a sorted JWK puts "d", "dp", "dq" before "kty"): four
    // ints each, depth, string's start and end (raw), and PENDING_JWK or PENDING_RESULT; deeper entries come last, as
    // objects nest
    int[] pending = new int[4 * 8];
    int pendingCount = 0;
    int p = from;
    while (p < to) {
      byte c = b[p];
      switch (c) {
        case ' ': case '\t': case '\n': case '\r': case ',':
          if (c == ',' && depth > 0 && stack[depth - 1]) {
            expectKey = true;
          }
          p++;
          break;
        case '{': case '[':
          if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
          }
          if (2 * depth + 1 >= parents.length) {
            parents = java.util.Arrays.copyOf(parents, parents.length * 2);
          }
          boolean member = depth > 0 && stack[depth - 1] && keyStart >= 0;
          parents[2 * depth] = member ? keyStart : -1;
          parents[2 * depth + 1] = member ? keyEnd : -1;
          stack[depth++] = c == '{';
          expectKey = c == '{';
          namedDepth = -1;
          p++;
          break;
        case '}': case ']':
          if (depth == 0 || stack[depth - 1] != (c == '}')) {
            return false; // a bracket that closes nothing, or the other kind: not JSON
          }
          jwkDepth = jwkDepth == depth ? -1 : jwkDepth;
          while (pendingCount > 0 && pending[4 * pendingCount - 4] == depth) {
            pendingCount--; // the object closed without the sibling: no finding of this kind
          }
          terraformDepth = terraformDepth == depth ? -1 : terraformDepth;
          depth--;
          expectKey = false;
          namedDepth = -1;
          p++;
          break;
        case ':':
          expectKey = false;
          p++;
          break;
        case '"': {
          int end = stringEnd(b, p + 1, to, escapes);
          if (end < 0) {
            return false;
          }
          if (expectKey) {
            keyStart = p + 1;
            keyEnd = end;
            value(b, p + 1, end, escapes, null, -1, 0, out); // a secret used as a member name is a secret too
            boolean kty = is(b, keyStart, keyEnd, KTY);
            if (kty || is(b, keyStart, keyEnd, BCRYPT_HASH)) {
              if (kty) {
                jwkDepth = depth;
              } else {
                terraformDepth = depth;
              }
              int kind = kty ? PENDING_JWK : PENDING_RESULT;
              for (int i = pendingCount - 1; i >= 0 && pending[4 * i] == depth; i--) {
                if (pending[4 * i + 3] == kind) {
                  pending[4 * i + 3] = -1; // reported: once only, should the sibling come twice
                  if (kty) {
                    Detector.jwkPrivate(b, pending[4 * i + 1], pending[4 * i + 2], out);
                  } else {
                    Detector.terraformResult(b, pending[4 * i + 1], pending[4 * i + 2], out);
                  }
                }
              }
            }
          } else if (depth > 0 && stack[depth - 1] && keyStart >= 0) {
            boolean valueMember = anyCase(b, keyStart, keyEnd, VALUE);
            if (valueMember && namedDepth == depth) {
              value(b, p + 1, end, escapes, b, namedStart, namedEnd, out);
            } else if ((valueMember || keyEnd - keyStart == DEFAULT.length
                && Bytes.startsWith(b, keyStart, keyEnd, DEFAULT, false)) && parents[2 * depth - 2] >= 0) {
              value(b, p + 1, end, escapes, b, parents[2 * depth - 2], parents[2 * depth - 1], out);
            } else {
              value(b, p + 1, end, escapes, b, keyStart, keyEnd, out);
            }
            // "d", "k" and an RSA key's "p", "q", "dp", "dq", "qi"
            boolean jwkMember = escapes.count == 0 && (is(b, keyStart, keyEnd, JWK_D) || is(b, keyStart, keyEnd, JWK_K)
                || jwkFactor(b, keyStart, keyEnd));
            if (jwkMember || escapes.count == 0 && is(b, keyStart, keyEnd, RESULT)) {
              if (jwkMember && jwkDepth == depth) {
                Detector.jwkPrivate(b, p + 1, end, out);
              } else if (!jwkMember && terraformDepth == depth) {
                Detector.terraformResult(b, p + 1, end, out);
              } else {
                if (4 * pendingCount == pending.length) {
                  pending = java.util.Arrays.copyOf(pending, pending.length * 2);
                }
                pending[4 * pendingCount] = depth;
                pending[4 * pendingCount + 1] = p + 1;
                pending[4 * pendingCount + 2] = end;
                pending[4 * pendingCount + 3] = jwkMember ? PENDING_JWK : PENDING_RESULT;
                pendingCount++;
              }
            }
            if (escapes.count == 0 && end - p <= MAX_NAME && names(b, keyStart, keyEnd)) {
              namedDepth = depth;
              namedStart = p + 1;
              namedEnd = end;
              for (int k = end - 1; k > p + 1; k--) {
                if (b[k - 1] == '/') { // an SSM parameter's path, /prod/airtable/pat: its last segment names it
                  namedStart = k;
                  break;
                }
              }
            }
            keyStart = -1;
          } else {
            value(b, p + 1, end, escapes, null, -1, 0, out);
            keyStart = -1;
          }
          p = end + 1;
          break;
        }
        default: {
          // Numbers, true, false and null are the only bare words: anything else is text, whose
          // words a text scan must see (a code block in a string may well start with '{').
          int end = p;
          while (end < to && (Bytes.is(b[end], Bytes.ALNUM) || b[end] == '-' || b[end] == '+' || b[end] == '.')) {
            end++;
          }
          if (end == p || !literal(b, p, end)) {
            return false;
          }
          p = end;
          break;
        }
      }
    }
    return depth == 0;
  }

  private static final byte[] TRUE = Detector.ascii("true");
  private static final byte[] FALSE = Detector.ascii("false");
  private static final byte[] NULL = Detector.ascii("null");

  /** Whether {@code b[from, to)} is a JSON literal: true, false, null, or a number. */
  private static boolean literal(byte[] b, int from, int to) {
    int n = to - from;
    if (n == 4 && (Bytes.startsWith(b, from, to, TRUE, false) || Bytes.startsWith(b, from, to, NULL, false))
        || n == 5 && Bytes.startsWith(b, from, to, FALSE, false)) {
      return true;
    }
    int p = b[from] == '-' ? from + 1 : from;
    if (p == to || !Bytes.is(b[p], Bytes.DIGIT)) {
      return false;
    }
    for (; p < to; p++) {
      byte c = b[p];
      if (!(Bytes.is(c, Bytes.DIGIT) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Scans one string value {@code raw[s, e)} (without quotes) whose {@code escapes} are known, or null. */
  private void value(byte[] b, int s, int e, @Nullable Escapes escapes, byte @Nullable [] key, int keyStart,
      int keyEnd, List<Finding> out) {
    if (e - s < 4 || isMedia(b, s, e)) {
      return;
    }
    if (escapes != null ? escapes.count == 0 : !hasEscape(b, s, e)) {
      scanContent(b, s, e, out);
      if (keyStart >= 0) {
        detector.contextValue(requireNonNull(key), keyStart, keyEnd, b, s, e, out);
      }
      return;
    }
    // Decoded before scanContent: a walk inside the decoded bytes reuses nothing of this one's.
    Decoded d = escapes != null ? decode(b, s, e, escapes) : decode(b, s, e);
    List<Finding> inner = new ArrayList<>();
    scanContent(d.bytes, 0, d.length, inner);
    if (keyStart >= 0) {
      detector.contextValue(requireNonNull(key), keyStart, keyEnd, d.bytes, 0, d.length, inner);
    }
    for (Finding f : inner) {
      // The innermost decode already knows the secret; otherwise it is this level's decoded bytes.
      byte[] value = f.decoded() != null ? f.decoded() : Arrays.copyOfRange(d.bytes, f.start(), f.end());
      out.add(new Finding(d.raw(f.start()), d.raw(f.end()), f.category(), f.ruleId(), f.confidence(), value));
    }
  }

  /** Text, or JSON inside a string (tool-call arguments): scanned as what it is. */
  private void scanContent(byte[] b, int s, int e, List<Finding> out) {
    if (looksLikeJson(b, s, e)) {
      List<Finding> nested = new ArrayList<>();
      if (walk(b, s, e, nested)) {
        out.addAll(nested);
        return;
      }
    }
    detector.scanInto(b, s, e, out);
  }

  /** Base64 media: a long run of base64 alphabet only, or a {@code data:…;base64,} URL. */
  private static boolean isMedia(byte[] b, int s, int e) {
    if (Bytes.startsWith(b, s, e, DATA_URL, true) && Bytes.indexOf(b, s, Math.min(e, s + 128), BASE64_MARK) >= 0) {
      return true;
    }
    if (e - s < BASE64_MIN) {
      return false;
    }
    for (int i = s; i < e; i++) {
      if (!Bytes.is(b[i], Bytes.B64 | Bytes.EQUALS)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasEscape(byte[] b, int s, int e) {
    return ByteScan.backslash(b, s, e) < e;
  }

  /**
   * End of the JSON string whose content starts at {@code p} (the index of its closing quote, an
   * escaped quote skipped), or -1 when it does not end before {@code to}.
   */
  public static int stringEnd(byte[] b, int p, int to) {
    return stringEnd(b, p, to, null);
  }

  /** As {@link #stringEnd(byte[], int, int)}, noting each escape in {@code escapes} (cleared first) when given. */
  private static int stringEnd(byte[] b, int p, int to, @Nullable Escapes escapes) {
    if (escapes != null) {
      escapes.clear();
    }
    int start = p;
    while ((p = ByteScan.quoteOrBackslash(b, p, to)) < to) {
      if (b[p] == '"') {
        return p;
      }
      if (escapes != null) {
        escapes.add(p - start);
      }
      p += 2; // the escaped byte cannot end the string
    }
    return -1;
  }

  private static int skipWs(byte[] b, int p, int to) {
    while (p < to && Bytes.is(b[p], Bytes.SPACE)) {
      p++;
    }
    return p;
  }

  /**
   * Decoded UTF-8 bytes and where each came from: runs between escapes map linearly; the bytes an
   * escape decodes to all map to the escape. Kept as four marks per escape (where its output starts
   * and ends, where its raw bytes start and end), not as an offset per byte: code is full of
   * {@code \\n}, but findings are few.
   */
  static final class Decoded {
    final byte[] bytes;
    int length;
    private final int rawStart;
    private int[] marks;
    private int escapes;

    Decoded(int capacity, int rawStart, int expectedEscapes) {
      this.bytes = new byte[capacity];
      this.rawStart = rawStart;
      this.marks = new int[4 * Math.max(expectedEscapes, 4)];
    }

    /** An escape at raw {@code [rawFrom, rawTo)} decoded to {@code [from, to)}. */
    void escape(int from, int to, int rawFrom, int rawTo) {
      int m = 4 * escapes;
      if (m == marks.length) {
        marks = java.util.Arrays.copyOf(marks, m * 2);
      }
      marks[m] = from;
      marks[m + 1] = to;
      marks[m + 2] = rawFrom;
      marks[m + 3] = rawTo;
      escapes++;
    }

    /** The raw offset of decoded offset {@code x} ({@code length} maps to the raw end). */
    int raw(int x) {
      int lo = 0; // the escapes before index lo start at or before x
      int hi = escapes;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (marks[4 * mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo == 0) {
        return rawStart + x;
      }
      int m = 4 * (lo - 1);
      return x < marks[m + 1] ? marks[m + 2] : marks[m + 3] + (x - marks[m + 1]);
    }
  }

  /** {@code b[s, e)} decoded, its escapes searched for. */
  static Decoded decode(byte[] b, int s, int e) {
    Decoded d = new Decoded(e - s, s, 16);
    byte[] out = d.bytes;
    int n = 0;
    int p = s;
    while (p < e) {
      int run = ByteScan.backslash(b, p, e);
      if (run == e - 1) {
        run = e; // a backslash that ends the input escapes nothing: kept as it is
      }
      System.arraycopy(b, p, out, n, run - p);
      n += run - p;
      p = run;
      if (p >= e) {
        break;
      }
      n = decodeEscape(b, p, e, out, n, d);
      p = d.marks[4 * d.escapes - 1];
    }
    d.length = n;
    return d;
  }

  /**
   * {@code b[s, e)} decoded, its escapes known: {@code escapes} as {@link #stringEnd(byte[], int, int,
   * Escapes)} notes them for a string that ends at {@code e} (no backslash cut off at its end). One
   * pass, no search.
   */
  static Decoded decode(byte[] b, int s, int e, Escapes escapes) {
    Decoded d = new Decoded(e - s, s, escapes.count);
    byte[] out = d.bytes;
    int n = 0;
    int p = s;
    int[] at = escapes.at;
    for (int k = 0, count = escapes.count; k < count; k++) {
      int q = s + at[k];
      if (q < p) {
        continue; // the second half of a surrogate pair, decoded with the first
      }
      System.arraycopy(b, p, out, n, q - p);
      n += q - p;
      n = decodeEscape(b, q, e, out, n, d);
      p = d.marks[4 * d.escapes - 1];
    }
    System.arraycopy(b, p, out, n, e - p);
    d.length = n + e - p;
    return d;
  }

  /** Decodes the escape at {@code b[p]} into {@code out} at {@code n}, marks it in {@code d}; the new {@code n}. */
  private static int decodeEscape(byte[] b, int p, int e, byte[] out, int n, Decoded d) {
    long escaped = escape(b, p, e);
    int next = utf8((int) (escaped >>> 32), out, n);
    d.escape(n, next, p, (int) escaped);
    return next;
  }

  /**
   * The escape at {@code b[p]} (a backslash) up to {@code e}: its code point in the high 32 bits,
   * the index after it in the low 32 (packed: this runs once per escape, and code is full of them).
   * An unknown or cut escape stands for the byte after the backslash; a final backslash for itself.
   */
  static long escape(byte[] b, int p, int e) {
    if (p + 1 >= e) {
      return ((long) '\\' << 32) | (p + 1);
    }
    byte esc = b[p + 1];
    p += 2;
    int cp;
    switch (esc) {
      case 'n': cp = '\n'; break;
      case 't': cp = '\t'; break;
      case 'r': cp = '\r'; break;
      case 'b': cp = '\b'; break;
      case 'f': cp = '\f'; break;
      case 'u':
        cp = hex4(b, p, e);
        if (cp < 0) {
          cp = 'u';
          break;
        }
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && p + 6 <= e && b[p] == '\\' && b[p + 1] == 'u') {
          int low = hex4(b, p + 2, e);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            p += 6;
          }
        }
        break;
      default: cp = esc; break; // \" \\ \/ (a byte past ASCII stays itself: utf8 writes it as is)
    }
    return ((long) cp << 32) | p;
  }

  static int utf8(int cp, byte[] out, int n) {
    int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    switch (len) {
      case 1:
        out[n] = (byte) cp;
        break;
      case 2:
        out[n] = (byte) (0xC0 | (cp >> 6));
        out[n + 1] = (byte) (0x80 | (cp & 0x3F));
        break;
      case 3:
        out[n] = (byte) (0xE0 | (cp >> 12));
        out[n + 1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n + 2] = (byte) (0x80 | (cp & 0x3F));
        break;
      default:
        out[n] = (byte) (0xF0 | (cp >> 18));
        out[n + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[n + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[n + 3] = (byte) (0x80 | (cp & 0x3F));
        break;
    }
    return n + len;
  }

  static int hex4(byte[] b, int p, int e) {
    if (p + 4 > e) {
      return -1;
    }
    int v = 0;
    for (int i = p; i < p + 4; i++) {
      int d = Character.digit(b[i], 16);
      if (d < 0) {
        return -1;
      }
      v = (v << 4) | d;
    }
    return v;
  }
}
