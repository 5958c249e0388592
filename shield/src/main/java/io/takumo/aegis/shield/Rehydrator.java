package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the secrets back into an answer body as it streams (non-streaming JSON answers, text, and
 * the REST {@code /v1/rehydrate} content).
 *
 * <p>Tokens are letters, digits and underscores, so they appear literally in the raw bytes; the
 * only bytes held back between chunks are a tail that could be the start of a token, until the
 * next bytes decide. A JSON body (first byte {@code {} or {@code [}) is followed lexically so each
 * secret is escaped for the string it lands in: once in a plain string, twice in a string of JSON
 * that is itself held in a string (OpenAI tool-call {@code arguments}, an echoed tool input);
 * outside strings and in text bodies the secret goes in as it is. Unknown tokens stay in place and
 * are counted.
 *
 * <p>Not thread-safe: one instance per body.
 */
public final class Rehydrator implements Rehydrating {
  private final Vault vault;
  private final Rewrite out;
  private final boolean detectJson;
  private byte[] window = new byte[0];
  private int length;
  private long base;
  private long emitted;
  private boolean decided;
  private boolean isJson;
  // JSON lexical state, advanced over bytes as they are decided
  private boolean inString;
  private boolean escape;
  private static final int INNER_START = 0;
  private static final int INNER_JSON = 1;
  private static final int INNER_NONE = 2;
  private int innerState;
  private boolean innerInString;
  private boolean innerEscape;
  /** Open brackets of the inner JSON; 0 once its value is complete, when only blanks may follow. */
  private int innerDepth;
  /** Hex digits still to come of a {@code \\u} escape in the string, and the code point so far. */
  private int hexLeft;
  private int hexValue;
  private int restored;
  private final List<String> unknown = new ArrayList<>();
  private int partial;

  /**
   * @param detectJson whether a body starting with {@code {} or {@code [} is treated as JSON; false
   *     for text where secrets go back as they are
   */
  public Rehydrator(Vault vault, Rewrite out, boolean detectJson) {
    this.vault = requireNonNull(vault, "vault");
    this.out = requireNonNull(out, "out");
    this.detectJson = detectJson;
  }

  @Override
  public void feed(byte[] chunk, int off, int len, boolean last) {
    append(chunk, off, len);
    int i = 0;
    if (!decided) {
      while (i < length && isSpace(window[i])) {
        i++;
      }
      if (i == length && !last) {
        return;
      }
      decided = true;
      isJson = detectJson && i < length && (window[i] == '{' || window[i] == '[');
    }
    i = 0;
    int hold = length;
    byte[] w = window;
    while (i < length) {
      byte c = w[i];
      if (c == '_' && i + 1 == length && !last) {
        hold = i; // a lone underscore at the end may begin a token
        break;
      }
      if (c == '_' && i + 1 < length && w[i + 1] == '_') {
        int m = Tokens.match(w, i, length);
        if (m > 0) {
          restore(i, m);
          i += m;
          continue;
        }
        if (!last && Tokens.couldStart(w, i, length)) {
          hold = i; // decided by the next bytes
          break;
        }
        if (last && Tokens.couldStart(w, i, length) && length - i >= Tokens.PREFIX.length) {
          partial++; // the body ends inside something that began like a token
        }
      }
      if (isJson) {
        lex(c);
      }
      i++;
      if (!isJson || (inString && !escape && innerState == INNER_NONE)) {
        // Text, or a string that holds no JSON: only an underscore or the string's end matters.
        while (i < length && w[i] != '_' && w[i] != '"' && w[i] != '\\') {
          i++;
        }
      }
    }
    long limit = base + hold;
    if (limit > emitted) {
      out.copy(emitted, limit);
      emitted = limit;
    }
    int drop = hold;
    System.arraycopy(window, drop, window, 0, length - drop);
    length -= drop;
    base += drop;
  }

  private void restore(int at, int tokenLength) {
    byte[] secret = vault.secretAt(window, at);
    if (secret == null) {
      unknown.add(new String(window, at, tokenLength, StandardCharsets.US_ASCII));
      return;
    }
    int depthHere = !isJson || !inString ? 0 : innerState == INNER_JSON && innerInString ? 2 : 1;
    if (innerState == INNER_JSON && !innerInString) {
      innerState = INNER_NONE; // a token between the values of JSON: it is text that began like JSON
    }
    long start = base + at;
    if (start > emitted) {
      out.copy(emitted, start);
    }
    out.insert(JsonEscape.escape(secret, depthHere));
    emitted = start + tokenLength;
    restored++;
  }

  private void lex(byte c) {
    if (inString) {
      if (hexLeft > 0) {
        int digit = Character.digit(c, 16);
        if (digit >= 0) {
          hexValue = hexValue << 4 | digit;
          if (--hexLeft == 0) {
            inner(hexValue); // \u005B is a bracket of the inner JSON
          }
          return;
        }
        hexLeft = 0; // not an escape after all: what follows is itself
      }
      if (escape) {
        escape = false;
        if (c == 'u') {
          hexLeft = 4;
          hexValue = 0;
        } else {
          inner(decodeEscape(c)); // \" is a quote of the inner JSON, \\ its escape
        }
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        inString = false;
      } else {
        inner(c);
      }
      return;
    }
    if (c == '"') {
      inString = true;
      hexLeft = 0;
      innerState = INNER_START;
      innerInString = false;
      innerEscape = false;
    }
  }

  /**
   * Follows JSON held inside the current string (tool-call arguments, an echoed tool input): a
   * token inside one of its strings is escaped twice. {@code c} is the decoded character.
   */
  private void inner(int c) {
    switch (innerState) {
      case INNER_START -> {
        if (c == '{' || c == '[') {
          innerState = INNER_JSON;
          innerDepth = 1;
        } else if (!isSpace(c)) {
          innerState = INNER_NONE;
        }
      }
      case INNER_JSON -> {
        if (innerInString) {
          if (innerEscape) {
            innerEscape = false;
          } else if (c == '\\') {
            innerEscape = true;
          } else if (c == '"') {
            innerInString = false;
          }
        } else if (innerDepth == 0) {
          if (!isSpace(c)) {
            innerState = INNER_NONE; // [] and then more: text that began like JSON ([]]]" key=…)
          }
        } else if (c == '"') {
          innerInString = true;
        } else if (c == '{' || c == '[') {
          innerDepth++;
        } else if (c == '}' || c == ']') {
          innerDepth--;
        } else if (!isJsonOutsideStrings(c)) {
          innerState = INNER_NONE; // text that began with a bracket, as the tokenizer found it
        }
      }
      default -> { }
    }
  }

  /** Whether {@code c} may stand between the strings of JSON: structure, blanks, numbers, true, false, null. */
  private static boolean isJsonOutsideStrings(int c) {
    return switch (c) {
      case '{', '}', '[', ']', ',', ':', ' ', '\n', '\t', '\r', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
          '-', '+', '.', 'e', 'E', 't', 'r', 'u', 'f', 'a', 'l', 's', 'n' -> true;
      default -> false;
    };
  }

  private static int decodeEscape(byte c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> c; // \" \\ \/
    };
  }

  @Override
  public int unknownCount() {
    return unknown.size();
  }

  /** Tokens put back. */
  @Override
  public int restored() {
    return restored;
  }

  /** Well-formed tokens this vault does not know, left in place, in order. */
  public List<String> unknown() {
    return unknown;
  }

  /** Places where the body ended inside something that began like a token. */
  public int partialMatches() {
    return partial;
  }

  private void append(byte[] chunk, int off, int len) {
    if (length + len > window.length) {
      window = Arrays.copyOf(window, Math.max(length + len, Math.max(64, window.length * 2)));
    }
    System.arraycopy(chunk, off, window, length, len);
    length += len;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

}
