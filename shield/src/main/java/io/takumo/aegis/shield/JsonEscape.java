package io.takumo.aegis.shield;

import java.io.ByteArrayOutputStream;

/**
 * Escapes a secret for the JSON string it lands in. Depth 1: a string of the answer's JSON. Depth
 * 2: a string inside JSON that is itself a string (OpenAI tool-call {@code arguments}, Anthropic
 * {@code partial_json}), escaped twice. Depth 0: raw (text bodies). UTF-8 above ASCII passes as is.
 */
final class JsonEscape {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private JsonEscape() {}

  static byte[] escape(byte[] value, int depth) {
    byte[] out = value;
    for (int i = 0; i < depth; i++) {
      out = once(out);
    }
    return out == value ? value.clone() : out;
  }

  private static byte[] once(byte[] v) {
    boolean plain = true;
    for (byte c : v) {
      if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
        plain = false;
        break;
      }
    }
    if (plain) {
      return v;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(v.length + 16);
    for (byte c : v) {
      switch (c) {
        case '"' -> { out.write('\\'); out.write('"'); }
        case '\\' -> { out.write('\\'); out.write('\\'); }
        case '\n' -> { out.write('\\'); out.write('n'); }
        case '\r' -> { out.write('\\'); out.write('r'); }
        case '\t' -> { out.write('\\'); out.write('t'); }
        case '\b' -> { out.write('\\'); out.write('b'); }
        case '\f' -> { out.write('\\'); out.write('f'); }
        default -> {
          if (c >= 0 && c < 0x20) {
            out.write('\\');
            out.write('u');
            out.write('0');
            out.write('0');
            out.write(HEX[c >> 4]);
            out.write(HEX[c & 0xF]);
          } else {
            out.write(c);
          }
        }
      }
    }
    return out.toByteArray();
  }
}
