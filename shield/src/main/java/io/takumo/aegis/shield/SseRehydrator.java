package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.ByteScan;
import io.takumo.aegis.detect.JsonScanner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Puts the secrets back into a Server-Sent Events answer, event by event (SPEC §6): Anthropic
 * {@code text_delta}, {@code input_json_delta}, {@code thinking_delta}; OpenAI chat
 * {@code delta.content} and {@code delta.tool_calls[].function.arguments}; Responses
 * {@code *.delta} and {@code *.done} events; Google {@code candidates[].content.parts[].text}.
 *
 * <p>Each complete event's {@code data:} JSON is walked. A string under a {@code delta} member (or
 * a Google part's text) is a piece of a longer text, its <em>channel</em> named by the member path
 * and the {@code index}, {@code output_index} and {@code content_index} values around it. A token
 * split across pieces is put together: the tail of a piece that could start a token is cut from
 * that event and put in front of the channel's next piece. Only such a tail is ever held back.
 * Before an event that carries no piece (a block's stop, a finish reason, {@code [DONE]}) and at the
 * end of the stream, held tails go out in an event copied from the channel's last one, so no byte
 * is lost when a tail was not a token after all. Every other string of an event is rehydrated
 * whole. Secrets are escaped for the string they land in: twice in tool-call arguments, which are
 * JSON inside a JSON string.
 *
 * <p>Events without a token and without a held tail go out as the input bytes (copied by range).
 * Not thread-safe: one instance per answer.
 */
public final class SseRehydrator implements Rehydrating {
  private final Vault vault;
  private final Rewrite out;
  private byte[] window = new byte[0];
  private int length;
  private long base;
  private final Map<String, Held> held = new LinkedHashMap<>();
  private int restored;
  private int unknown;

  /** A channel's held tail and the event it came from, to carry the tail if no piece follows. */
  private record Held(byte[] tail, byte[] before, byte[] after) {}

  public SseRehydrator(Vault vault, Rewrite out) {
    this.vault = requireNonNull(vault, "vault");
    this.out = requireNonNull(out, "out");
  }

  @Override
  public void feed(byte[] chunk, int off, int len, boolean last) {
    append(chunk, off, len);
    int start = 0;
    int p = 0;
    while (p < length) {
      int nl = ByteScan.newline(window, p, length);
      if (nl == length) {
        break;
      }
      boolean blank = nl == p || (nl == p + 1 && window[p] == '\r');
      p = nl + 1;
      if (blank) {
        event(start, p);
        start = p;
      }
    }
    if (last) {
      if (start < length) {
        event(start, length); // the stream ended without the blank line
      }
      flushHeld();
      start = length;
    }
    System.arraycopy(window, start, window, 0, length - start);
    length -= start;
    base += start;
  }

  @Override
  public int restored() {
    return restored;
  }

  @Override
  public int unknownCount() {
    return unknown;
  }

  /** One event, {@code window[s, e)}, blank line included. */
  private void event(int s, int e) {
    if (held.isEmpty() && !mayHoldToken(window, s, e)) {
      copy(s, e); // the common case: nothing held, and nothing here that could begin a token
      return;
    }
    String name = "";
    int dataStart = -1;
    int dataEnd = -1;
    int dataLines = 0;
    for (int p = s; p < e; ) {
      int nl = ByteScan.newline(window, p, e); // e when the last line has none
      int contentEnd = nl > p && window[nl - 1] == '\r' ? nl - 1 : nl;
      if (startsWith(window, p, contentEnd, "data:")) {
        dataLines++;
        dataStart = p + 5;
        if (dataStart < contentEnd && window[dataStart] == ' ') {
          dataStart++;
        }
        dataEnd = contentEnd;
      } else if (startsWith(window, p, contentEnd, "event:")) {
        name = new String(window, p + 6, contentEnd - p - 6, StandardCharsets.UTF_8).trim();
      }
      p = nl == e ? e : nl + 1;
    }
    if (dataLines != 1 || dataStart >= dataEnd || window[dataStart] != '{') {
      if (!name.equals("ping")) {
        flushHeld();
      }
      copy(s, e); // [DONE], comments, multi-line data: nothing a model writes into
      return;
    }
    EventWalk walk = new EventWalk(name);
    if (!walk.run(dataStart, dataEnd)) {
      flushHeld();
      copy(s, e);
      return;
    }
    if (!walk.anyPiece && !walk.isPing()) {
      flushHeld();
    }
    if (walk.edits.isEmpty()) {
      copy(s, e);
      return;
    }
    int cursor = s;
    for (Edit edit : walk.edits) {
      copy(cursor, edit.start);
      out.insert(edit.content);
      cursor = edit.end;
      if (edit.heldTail != null) {
        byte[] before = Arrays.copyOfRange(window, s, edit.start);
        byte[] after = Arrays.copyOfRange(window, edit.end, e);
        held.put(edit.channel, new Held(edit.heldTail, before, after));
      }
    }
    copy(cursor, e);
  }

  /** Sends every held tail in a copy of its channel's last event. */
  private void flushHeld() {
    for (Held h : held.values()) {
      out.insert(h.before);
      out.insert(h.tail);
      out.insert(h.after);
    }
    held.clear();
  }

  private void copy(int from, int to) {
    if (to > from) {
      out.copy(base + from, base + to);
    }
  }

  private record Edit(int start, int end, byte[] content, @Nullable String channel, byte @Nullable [] heldTail) {}

  /** Walks one event's JSON data, recording the strings to rewrite. */
  private final class EventWalk {
    private final String eventName;
    final List<Edit> edits = new ArrayList<>(2);
    boolean anyPiece;
    private @Nullable String type;
    private boolean[] object = new boolean[16];
    private @Nullable String[] member = new String[16];
    private String[] indexes = new String[16];
    private int depth;

    EventWalk(String eventName) {
      this.eventName = eventName;
    }

    boolean isPing() {
      return eventName.equals("ping") || "ping".equals(type);
    }

    /** False when the data is not well-formed JSON (the event then goes out as it came). */
    boolean run(int s, int e) {
      byte[] w = window;
      boolean expectKey = false;
      int p = s;
      while (p < e) {
        byte c = w[p];
        switch (c) {
          case ' ', '\t', '\r', '\n' -> p++;
          case ',' -> {
            expectKey = depth > 0 && object[depth - 1];
            p++;
          }
          case ':' -> {
            expectKey = false;
            p++;
          }
          case '{', '[' -> {
            if (depth == object.length) {
              object = Arrays.copyOf(object, depth * 2);
              member = Arrays.copyOf(member, depth * 2);
              indexes = Arrays.copyOf(indexes, depth * 2);
            }
            object[depth] = c == '{';
            member[depth] = null;
            indexes[depth] = "";
            depth++;
            expectKey = c == '{';
            p++;
          }
          case '}', ']' -> {
            if (depth == 0) {
              return false;
            }
            depth--;
            expectKey = false;
            p++;
          }
          case '"' -> {
            int end = JsonScanner.stringEnd(w, p + 1, e);
            if (end < 0) {
              return false;
            }
            if (expectKey) {
              member[depth - 1] = new String(w, p + 1, end - p - 1, StandardCharsets.UTF_8);
            } else {
              string(p + 1, end);
            }
            p = end + 1;
          }
          default -> {
            int q = p;
            while (q < e && w[q] != ',' && w[q] != '}' && w[q] != ']' && !isSpace(w[q])) {
              q++;
            }
            String m = depth > 0 && object[depth - 1] ? member[depth - 1] : null;
            if ("index".equals(m) || "output_index".equals(m) || "content_index".equals(m)) {
              indexes[depth - 1] += m + '=' + new String(w, p, q - p, StandardCharsets.US_ASCII) + ';';
            }
            p = q;
          }
        }
      }
      return depth == 0;
    }

    private void string(int s, int e) {
      String name = depth > 0 && object[depth - 1] ? member[depth - 1] : null;
      if (depth == 1 && "type".equals(name)) {
        type = new String(window, s, e - s, StandardCharsets.UTF_8);
      }
      boolean piece = isPiece(name);
      anyPiece |= piece;
      boolean arguments = "arguments".equals(name) || "partial_json".equals(name)
          || ("delta".equals(name) && (contains(type, "arguments") || eventName.contains("arguments")));
      int depthHere = arguments ? 2 : 1;
      if (!piece) {
        byte[] content = rehydrate(window, s, e, depthHere);
        if (content != null) {
          edits.add(new Edit(s, e, content, null, null));
        }
        return;
      }
      String channel = channel();
      Held before = held.remove(channel);
      byte[] joined = before == null ? null : concat(before.tail, window, s, e);
      byte[] b = joined != null ? joined : window;
      int from = joined != null ? 0 : s;
      int to = joined != null ? joined.length : e;
      int tail = Tokens.partialTail(b, afterLastToken(b, from, to), to); // never cut a whole token
      byte[] content = rehydrate(b, from, to - tail, depthHere);
      if (content == null && joined == null && tail == 0) {
        return; // unchanged
      }
      if (content == null) {
        content = Arrays.copyOfRange(b, from, to - tail);
      }
      byte[] heldTail = tail > 0 ? Arrays.copyOfRange(b, to - tail, to) : null;
      edits.add(new Edit(s, e, content, channel, heldTail));
    }

    /** A piece of a longer text: under a {@code delta} member, or a Google part's text. */
    private boolean isPiece(@Nullable String name) {
      boolean google = false;
      for (int d = 0; d < depth; d++) {
        if ("delta".equals(member[d])) {
          return true;
        }
        google |= "candidates".equals(member[d]);
      }
      return "delta".equals(name) || (google && "text".equals(name));
    }

    private String channel() {
      StringBuilder sb = new StringBuilder();
      for (int d = 0; d < depth; d++) {
        sb.append(member[d]).append('/').append(indexes[d]).append('/');
      }
      return sb.toString();
    }
  }

  /**
   * {@code b[s, e)} with every known token replaced by its secret escaped {@code depth} times, or
   * null when nothing changed.
   */
  private byte @Nullable [] rehydrate(byte[] b, int s, int e, int depth) {
    ByteArrayOutputStream out = null;
    int copied = s;
    for (int i = s; i + 1 < e; i++) {
      if (b[i] != '_' || b[i + 1] != '_') {
        continue;
      }
      int m = Tokens.match(b, i, e);
      if (m < 0) {
        continue;
      }
      byte[] secret = vault.secretAt(b, i);
      if (secret == null) {
        unknown++;
        i += m - 1;
        continue;
      }
      if (out == null) {
        out = new ByteArrayOutputStream(e - s + 64);
      }
      out.write(b, copied, i - copied);
      out.writeBytes(JsonEscape.escape(secret, depth));
      restored++;
      copied = i + m;
      i += m - 1;
    }
    if (out == null) {
      return null;
    }
    out.write(b, copied, e - copied);
    return out.toByteArray();
  }

  /**
   * Whether {@code b[s, e)} could hold a token or the start of one: every token and every proper
   * prefix of one either contains {@code __} or is a lone {@code _} at the end of a piece (followed
   * by the closing quote).
   */
  private static boolean mayHoldToken(byte[] b, int s, int e) {
    int last = e - 1; // an underscore here has no byte after it in the event
    for (int i = ByteScan.indexOf(b, s, last, (byte) '_'); i < last; i = ByteScan.indexOf(b, i + 1, last, (byte) '_')) {
      if (b[i + 1] == '_' || b[i + 1] == '"') {
        return true;
      }
    }
    return false;
  }

  /** Where the last complete token in {@code b[s, e)} ends, or {@code s}. */
  private static int afterLastToken(byte[] b, int s, int e) {
    int after = s;
    for (int i = s; i + 1 < e; i++) {
      if (b[i] == '_' && b[i + 1] == '_') {
        int m = Tokens.match(b, i, e);
        if (m > 0) {
          after = i + m;
          i += m - 1;
        }
      }
    }
    return after;
  }

  private static byte[] concat(byte[] head, byte[] b, int s, int e) {
    byte[] joined = Arrays.copyOf(head, head.length + e - s);
    System.arraycopy(b, s, joined, head.length, e - s);
    return joined;
  }

  private static boolean contains(@Nullable String s, String part) {
    return s != null && s.contains(part);
  }

  private static boolean startsWith(byte[] b, int p, int to, String literal) {
    if (to - p < literal.length()) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      if (b[p + i] != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private void append(byte[] chunk, int off, int len) {
    if (length + len > window.length) {
      window = Arrays.copyOf(window, Math.max(length + len, Math.max(256, window.length * 2)));
    }
    System.arraycopy(chunk, off, window, length, len);
    length += len;
  }
}
