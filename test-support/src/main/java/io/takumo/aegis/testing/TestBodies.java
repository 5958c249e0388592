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
}
