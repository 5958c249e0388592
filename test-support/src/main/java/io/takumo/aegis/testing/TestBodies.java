package io.takumo.aegis.testing;

import java.nio.charset.StandardCharsets;

/** Request bodies that look like what agents send, shared by unit and integration tests. */
public final class TestBodies {
  private TestBodies() {}

  /**
   * At least {@code bytes} of service log lines, as an agent reads them with {@code kubectl logs}: repetitive
   * enough to gzip about 35:1, as real logs do.
   */
  public static byte[] logLines(int bytes) {
    StringBuilder out = new StringBuilder(bytes + 128);
    for (int i = 0; out.length() < bytes; i++) {
      out.append("2026-12-05T10:").append(two((i / 60) % 60)).append(':').append(two(i % 60))
          .append("Z INFO pod/api-7d9f request handled status=200 path=/v1/items duration_ms=")
          .append((i * 7) % 5).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** What comes before one long Anthropic message {@code content} string made of {@link #stringBlock()}s. */
  public static final byte[] ONE_STRING_HEAD =
      "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.US_ASCII);
  /** What closes it. */
  public static final byte[] ONE_STRING_TAIL = "\"}]}".getBytes(StandardCharsets.US_ASCII);

  /** 64 KiB of a JSON string's content: code-like text with an escaped newline and an AWS key in it. */
  public static byte[] stringBlock() {
    byte[] block = new byte[64 << 10];
    java.util.Arrays.fill(block, (byte) 'x');
    byte[] line = "\\nkey = AKIAIOSFODNN7EXAMPLE\\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(line, 0, block, 1000, line.length);
    return block;
  }
}
