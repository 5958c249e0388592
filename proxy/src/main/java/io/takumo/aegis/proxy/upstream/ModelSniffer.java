package io.takumo.aegis.proxy.upstream;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Finds the top-level {@code "model"} string of a JSON request body as its chunks arrive, so the
 * gateway can choose the provider of an OpenAI-shaped route without parsing the whole body.
 *
 * <p>Written by hand because it runs over every byte of such a body until the field is found: a
 * byte loop that tracks nesting depth, strings and escapes, allocates nothing but the short key and
 * value it captures, and holds no reference to the chunks. Event-loop confined.
 */
final class ModelSniffer {
  private static final int MAX_CAPTURE = 256;

  private int depth;
  private boolean started;
  private boolean inString;
  private boolean escape;
  private boolean expectKey;
  private boolean keyIsModel;
  private boolean expectModelValue;
  private boolean capturing;
  private final byte[] capture = new byte[MAX_CAPTURE];
  private int captured;
  private boolean overflow;
  private @Nullable String model;
  private boolean failed;

  /** Feeds the readable bytes of {@code chunk} (indices untouched); true once decided. */
  boolean feed(ByteBuf chunk) {
    int end = chunk.writerIndex();
    for (int i = chunk.readerIndex(); i < end && !decided(); i++) {
      step(chunk.getByte(i));
    }
    return decided();
  }

  boolean decided() {
    return model != null || failed;
  }

  /** The model name, or null when the body has none (or is not a JSON object). */
  @Nullable String model() {
    return model;
  }

  private void step(byte b) {
    if (inString) {
      if (escape) {
        escape = false;
        capture(b);
      } else if (b == '\\') {
        escape = true;
        capture(b);
      } else if (b == '"') {
        inString = false;
        endString();
      } else {
        capture(b);
      }
      return;
    }
    if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
      return;
    }
    if (!started) {
      started = true;
      if (b != '{') {
        failed = true; // not a JSON object: no model to find
        return;
      }
    }
    switch (b) {
      case '{':
      case '[':
        failIfModelValue();
        depth++;
        if (depth == 1) {
          expectKey = true;
        }
        break;
      case '}':
      case ']':
        depth--;
        if (depth == 0) {
          failed = true; // the object ended without a model
        }
        break;
      case '"':
        inString = true;
        captured = 0;
        overflow = false;
        capturing = depth == 1 && (expectKey || expectModelValue);
        break;
      case ':':
        if (depth == 1) {
          expectModelValue = keyIsModel;
          keyIsModel = false;
        }
        break;
      case ',':
        if (depth == 1) {
          expectKey = true;
          expectModelValue = false;
        }
        break;
      default:
        failIfModelValue();
        break;
    }
  }

  /** A model value that is not a string (number, object, null) cannot name a provider. */
  private void failIfModelValue() {
    if (depth == 1 && expectModelValue) {
      failed = true;
    }
  }

  private void capture(byte b) {
    if (!capturing) {
      return;
    }
    if (captured == MAX_CAPTURE) {
      overflow = true;
      return;
    }
    capture[captured++] = b;
  }

  private void endString() {
    if (!capturing) {
      return;
    }
    capturing = false;
    if (expectKey) {
      expectKey = false;
      keyIsModel = !overflow && captured == 5 && new String(capture, 0, 5, StandardCharsets.US_ASCII).equals("model");
      return;
    }
    if (expectModelValue) {
      expectModelValue = false;
      if (overflow) {
        failed = true;
        return;
      }
      model = unescape(new String(capture, 0, captured, StandardCharsets.UTF_8));
    }
  }

  /** Model names carry no escapes in practice; the common ones are undone so they cannot hide a prefix. */
  private static String unescape(String raw) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        if (next == 'u' && i + 4 < raw.length()) {
          out.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
          i += 4;
        } else {
          out.append(next);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
