package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.ByteScan;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.detect.JsonScanner;
import io.takumo.aegis.detect.StreamingScanner;
import io.takumo.aegis.detect.StreamingStringScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Replaces every secret in a body with its token as the body arrives, chunk by chunk.
 *
 * <p>A body that starts with {@code {} or {@code [} is walked as JSON: bytes outside strings go out
 * as soon as they arrive, and each string value is held only until its closing quote, then
 * scanned whole through {@link JsonScanner#scanString} (decoded escapes, JSON inside the string,
 * the member name as context). So a secret cut across chunks is found, and the output does not
 * depend on where the chunks were cut. Other bodies, and JSON that turns out malformed or
 * truncated, are scanned as text by a {@link StreamingScanner} from the first byte not yet passed
 * on.
 *
 * <p>Output goes to a {@link Rewrite} as copies of input ranges and inserted tokens. Hand-written
 * rather than a JSON library because it must pass unchanged bytes through by offset, never
 * re-serialize, and hold nothing but the string being read. Memory: a string is held whole up to
 * {@link #LONG_STRING} bytes, past that it is scanned as it arrives with a bounded carry (JSON)
 * or the scanner's bounded carry (text). Not thread-safe: one instance per body.
 */
public final class BodyTokenizer implements StreamRewriter {
  private static final int KEY_LIMIT = 128;
  /**
   * A string longer than this is scanned as it arrives ({@link StreamingStringScanner}) instead of
   * held whole: what one body holds stays bounded whatever its longest string (a 32 MiB prompt).
   */
  static final int LONG_STRING = 256 << 10;

  private enum Mode { UNKNOWN, JSON, TEXT }

  private final Detector detector;
  private final JsonScanner json;
  private final Vault vault;
  private final Rewrite out;
  private final @Nullable ScanMemo memo;
  private final List<Detection> detections = new ArrayList<>();

  /** Input bytes {@code [base, base + length)} not yet passed on, and what follows them. */
  private byte[] window;
  private int length;
  private long base;
  /** Output is issued for input before this offset. */
  private long emitted;
  /** JSON: input before this offset is walked. */
  private long walked;
  private Mode mode = Mode.UNKNOWN;
  private boolean finished;

  private boolean inString;
  private boolean escape;
  private boolean stringIsKey;
  private long stringStart;
  private boolean[] stack = new boolean[32];
  private int depth;
  private boolean expectKey;
  private final byte[] key = new byte[KEY_LIMIT];
  private int keyLength;
  /** The open string's escapes, noted as the walk meets them: its decode does not search for them again. */
  private final JsonScanner.Escapes escapes = new JsonScanner.Escapes();

  /** The string being read when it grew past {@link #LONG_STRING}, and how far it was fed. */
  private @Nullable StreamingStringScanner longString;
  private long longFed;
  private final List<StreamingStringScanner.RawFinding> longFound = new ArrayList<>();

  private @Nullable StreamingScanner text;
  private long textBase;
  private long textFed;
  private final ArrayDeque<Replacement> pending = new ArrayDeque<>();

  private record Replacement(long start, long end, byte[] token) {}

  public BodyTokenizer(Detector detector, Vault vault, Rewrite out) {
    this(detector, vault, out, -1);
  }

  /**
   * {@code expectedLength} (the request's {@code Content-Length}, or -1) sizes the window: a prompt
   * is mostly one JSON string, held whole, so the window would otherwise grow by copies to its size.
   */
  public BodyTokenizer(Detector detector, Vault vault, Rewrite out, long expectedLength) {
    this(detector, vault, out, expectedLength, null);
  }

  /**
   * As {@link #BodyTokenizer(Detector, Vault, Rewrite, long)}, with strings of {@link ScanMemo#MIN_BYTES} or
   * more looked up in {@code memo} (of {@code detector}'s findings) before they are scanned.
   */
  public BodyTokenizer(Detector detector, Vault vault, Rewrite out, long expectedLength, @Nullable ScanMemo memo) {
    this.memo = memo;
    this.window = new byte[(int) Math.min(Math.max(expectedLength, 4096), 256 << 10)];
    this.detector = requireNonNull(detector, "detector");
    this.json = new JsonScanner(detector);
    this.vault = requireNonNull(vault, "vault");
    this.out = requireNonNull(out, "out");
  }

  /**
   * Takes the next {@code len} bytes of the body; {@code last} marks the end. Issues the output
   * that these bytes decide.
   *
   * @throws VaultFullException when the body holds more secrets than the vault may
   */
  @Override
  public void feed(byte[] chunk, int off, int len, boolean last) {
    if (finished) {
      throw new IllegalStateException("the body already ended");
    }
    append(chunk, off, len);
    if (mode == Mode.UNKNOWN) {
      decideMode();
    }
    if (mode == Mode.JSON) {
      walk();
      if (inString) {
        streamLongString();
      }
      if (last && (inString || depth != 0)) {
        startText(); // truncated JSON: what is still held is scanned as text
      }
    }
    if (mode == Mode.TEXT) {
      scanText(last);
    } else {
      passOn(inString ? held() : walked);
    }
    if (last) {
      passOn(base + length);
      finished = true;
    }
    compact();
  }

  /** The bytes held now (the window's capacity): bounded, whatever the body's longest string. */
  int heldCapacity() {
    return window.length;
  }

  /** The secrets replaced so far, in input order. */
  public List<Detection> detections() {
    return detections;
  }

  private void decideMode() {
    int i = (int) (walked - base);
    if (walked == 0) { // a UTF-8 byte order mark is skipped for parsing and passed on as it came
      if (length < 3 && isBomPrefix(length)) {
        return; // wait for the third byte
      }
      i = JsonScanner.skipBom(window, 0, length);
    }
    while (i < length && isSpace(window[i])) {
      i++;
    }
    walked = base + i;
    if (i == length) {
      return; // only whitespace so far: passed on below, the mode waits for the first real byte
    }
    if (window[i] == '{' || window[i] == '[') {
      mode = Mode.JSON;
    } else {
      startText();
    }
  }

  private void walk() {
    int i = (int) (walked - base);
    int end = length;
    byte[] w = window;
    while (i < end) {
      byte c = w[i];
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
          if (longString == null) { // a long string decodes as it streams, with a bounded carry
            escapes.add((int) (base + i - stringStart));
          }
        } else if (c == '"') {
          inString = false;
          closeString(i);
        } else {
          // The bulk of a body is string content: skip to the next byte that matters.
          i = ByteScan.quoteOrBackslash(w, i + 1, end);
          continue;
        }
        i++;
        continue;
      }
      switch (c) {
        case ' ', '\t', '\n', '\r' -> { }
        case ',' -> expectKey = depth > 0 && stack[depth - 1];
        case ':' -> expectKey = false;
        case '{', '[' -> {
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c == '{';
          expectKey = c == '{';
        }
        case '}', ']' -> {
          if (depth == 0 || stack[depth - 1] != (c == '}')) {
            walked = base + i;
            startText();
            return;
          }
          depth--;
          expectKey = false;
        }
        case '"' -> {
          inString = true;
          escapes.clear();
          stringIsKey = expectKey;
          stringStart = base + i + 1;
        }
        default -> {
          if (!isBareWord(c)) {
            walked = base + i;
            startText(); // not JSON after all
            return;
          }
        }
      }
      i++;
    }
    walked = base + i;
  }

  /** Where the output must stop while a string is open: its start, or what its stream scan committed. */
  private long held() {
    StreamingStringScanner long_ = longString;
    return long_ != null ? long_.committedRaw() : stringStart;
  }

  /** Feeds the open string to its stream scan once it is long (window offsets: up to the window's end). */
  private void streamLongString() {
    if (longString == null) {
      if (base + length - stringStart < LONG_STRING) {
        return;
      }
      longString = new StreamingStringScanner(detector);
      longFed = stringStart;
    }
    int from = (int) (longFed - base);
    int consumed = requireNonNull(longString).feed(window, from, length, longFed, false, longFound);
    longFed = base + consumed;
    replaceLong();
  }

  /** Ends the long string at window index {@code endIndex} (its closing quote, or the body's end). */
  private void finishLongString(int endIndex) {
    int from = (int) (longFed - base);
    requireNonNull(longString).feed(window, from, endIndex, longFed, true, longFound);
    longString = null;
    replaceLong();
  }

  private void replaceLong() {
    for (StreamingStringScanner.RawFinding f : longFound) {
      replace(f.start(), f.end(), f.category(), f.ruleId(), f.value());
    }
    longFound.clear();
  }

  private void closeString(int endIndex) {
    if (longString != null) {
      finishLongString(endIndex);
      return;
    }
    int s = (int) (stringStart - base);
    int mark = detections.size();
    scanString(s, endIndex);
    sweep(s, endIndex, mark);
  }

  /** Tokenizes what the detector (or the memo) finds in the string {@code window[s, endIndex)}. */
  private void scanString(int s, int endIndex) {
    if (stringIsKey) {
      keyLength = Math.min(endIndex - s, KEY_LIMIT);
      System.arraycopy(window, s, key, 0, keyLength);
      replaceAll(json.scanString(window, s, endIndex, escapes, null, 0, 0), 0); // a secret as a member name too
      return;
    }
    boolean member = depth > 0 && stack[depth - 1];
    ScanMemo m = memo;
    if (m == null || endIndex - s < ScanMemo.MIN_BYTES) {
      replaceAll(json.scanString(window, s, endIndex, escapes, member ? key : null, 0, keyLength), 0);
      return;
    }
    ScanMemo.Digest digest = ScanMemo.Digest.of(window, s, endIndex, member ? key : null, keyLength);
    List<Finding> recalled = m.recall(digest); // a copy of the memo's: this tokenizer's to zero
    List<Finding> known = recalled != null ? recalled
        : moved(json.scanString(window, s, endIndex, escapes, member ? key : null, 0, keyLength), -s);
    // The same bytes as when they were scanned: the same findings, here. Kept only once tokenized (a refused
    // request, vault full, leaves nothing behind), before replaceAll zeroes them: the memo keeps copies.
    replaceAll(known, s, recalled == null ? () -> m.keep(digest, known) : null);
  }

  /**
   * Tokenizes the copies in {@code window[s, e)} of secrets found earlier in the body or in this string (its
   * detections from {@code mark} on), where no rule found them: {@code password = "…"} in one message, the same
   * password bare in the next ({@link Vault#findCopies}). Copies in strings before the first finding have gone out
   * already (the body streams); docs/decisions.md says why that is accepted.
   */
  private void sweep(int s, int e, int mark) {
    if (!vault.seeksCopies()) {
      return; // no secret found by its context yet: the common case costs one check
    }
    int own = detections.size() - mark;
    long[] taken = new long[own * 2];
    for (int k = 0; k < own; k++) {
      Detection d = detections.get(mark + k);
      taken[2 * k] = d.offset() - base;
      taken[2 * k + 1] = d.offset() - base + d.length();
    }
    List<Finding> copies = new ArrayList<>(0);
    vault.findCopies(window, s, e, taken, copies);
    if (copies.isEmpty()) {
      return;
    }
    replaceAll(copies, 0);
    // The copies may sit before this string's own findings: replacements go out in input order.
    List<Replacement> queued = new ArrayList<>(pending);
    queued.sort(java.util.Comparator.comparingLong(Replacement::start));
    pending.clear();
    pending.addAll(queued);
    detections.subList(mark, detections.size()).sort(java.util.Comparator.comparingLong(Detection::offset));
  }

  private void replaceAll(List<Finding> found, int offset) {
    replaceAll(found, offset, null);
  }

  /**
   * Tokenizes {@code found} ({@code offset} from window offsets), then runs {@code thenBeforeZeroing}, then
   * zeroes their decoded secrets whatever happened: the findings are this tokenizer's, the vault has its own.
   */
  private void replaceAll(List<Finding> found, int offset, @Nullable Runnable thenBeforeZeroing) {
    try {
      for (Finding f : found) {
        replace(offset == 0 ? f : f.shift(offset));
      }
      if (thenBeforeZeroing != null) {
        thenBeforeZeroing.run();
      }
    } finally {
      Finding.zeroDecoded(found);
    }
  }

  /** {@code found} moved by {@code offset} bytes (decoded values shared). */
  private static List<Finding> moved(List<Finding> found, int offset) {
    List<Finding> out = new ArrayList<>(found.size());
    for (Finding f : found) {
      out.add(f.shift(offset));
    }
    return out;
  }

  /** Tokenizes one finding ({@code window} offsets); the token goes out with the next pass-on. */
  private void replace(Finding f) {
    replace(base + f.start(), base + f.end(), f.category(), f.ruleId(), f.value(window));
  }

  /** Tokenizes the secret {@code value} at stream offsets {@code [start, end)} and zeroes {@code value}. */
  private void replace(long start, long end, Category category, String ruleId, byte[] value) {
    byte[] token;
    try {
      token = vault.put(category, value, ruleId);
    } finally {
      Arrays.fill(value, (byte) 0);
    }
    detections.add(new Detection(category, ruleId, start, (int) (end - start),
        new String(token, StandardCharsets.US_ASCII)));
    pending.add(new Replacement(start, end, token));
  }

  private void startText() {
    if (longString != null) {
      finishLongString(length); // a truncated long string: scanned to the body's end
      inString = false;
      walked = base + length;
    }
    if (mode == Mode.JSON) {
      passOn(inString ? held() : walked); // what the walk decided goes out first
    }
    mode = Mode.TEXT;
    inString = false;
    text = new StreamingScanner(detector);
    textBase = emitted; // everything after the last byte passed on
    textFed = emitted;
  }

  private void scanText(boolean last) {
    StreamingScanner scanner = requireNonNull(text);
    int from = (int) (textFed - base);
    for (StreamingScanner.StreamFinding f : scanner.feed(window, from, length - from, last)) {
      replace(textBase + f.start(), textBase + f.end(), f.category(), f.ruleId(), f.value());
    }
    textFed = base + length;
    passOn(last ? base + length : textBase + scanner.committed());
  }

  /** Issues the output for input before {@code limit}: unchanged ranges and pending tokens. */
  private void passOn(long limit) {
    Replacement r;
    while ((r = pending.peek()) != null && r.start < limit) {
      pending.poll();
      if (r.start < emitted) {
        continue; // overlaps what already went out: cannot happen, kept safe
      }
      if (r.start > emitted) {
        out.copy(emitted, r.start);
      }
      out.insert(r.token);
      emitted = r.end;
    }
    if (limit > emitted) {
      out.copy(emitted, limit);
      emitted = limit;
    }
  }

  private void append(byte[] chunk, int off, int len) {
    if (length + len > window.length) {
      window = Arrays.copyOf(window, Math.max(length + len, window.length * 2));
    }
    System.arraycopy(chunk, off, window, length, len);
    length += len;
  }

  /** Drops the input that is passed on and no longer needed. */
  private void compact() {
    int drop = (int) (emitted - base);
    if (drop <= 0) {
      return;
    }
    System.arraycopy(window, drop, window, 0, length - drop);
    length -= drop;
    base = emitted;
    if (window.length > 64 << 10 && length < window.length / 4) {
      window = Arrays.copyOf(window, Math.max(4096, length * 2)); // give back what a long string took
    }
  }

  private boolean isBomPrefix(int n) {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    for (int i = 0; i < n; i++) {
      if (window[i] != bom[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** Bytes of numbers, {@code true}, {@code false} and {@code null}: anything else is not JSON. */
  private static boolean isBareWord(byte c) {
    return switch (c) {
      case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '+', '.', 'e', 'E',
          't', 'r', 'u', 'f', 'a', 'l', 's', 'n' -> true;
      default -> false;
    };
  }
}
