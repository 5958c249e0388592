package io.takumo.aegis.proxy.config;

import java.time.Duration;

/**
 * What one HTTP/2 connection may ask of the gateway, and the bounds that answer the attacks that
 * took down proxies (SPEC §1 edge): Rapid Reset (CVE-2023-44487), CONTINUATION floods, HPACK
 * bombs, SETTINGS/PING and empty-DATA floods. Netty's HTTP/2 codec enforces each; past a bound
 * the connection gets {@code GOAWAY} ({@code ENHANCE_YOUR_CALM} for resets) and closes.
 *
 * @param maxConcurrentStreams {@code SETTINGS_MAX_CONCURRENT_STREAMS} ({@code TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS})
 * @param maxHeaderListSize {@code SETTINGS_MAX_HEADER_LIST_SIZE}: decoded headers of one request, as
 *     {@code TAKUMO_MAX_HEADER_BYTES} bounds them on HTTP/1.1 (a CONTINUATION flood ends here)
 * @param maxResets streams a client may reset per {@code resetWindow} ({@code TAKUMO_HTTP2_MAX_RESETS})
 * @param streamIdleTimeout a stream whose client sends nothing while its request is open is reset
 */
public record Http2Limits(int maxConcurrentStreams, int maxHeaderListSize, int maxResets, Duration resetWindow,
    Duration streamIdleTimeout) {
  /** The largest frame the gateway reads (the protocol's minimum, 16 KiB). */
  public static final int MAX_FRAME_SIZE = 16 << 10;
  /**
   * A stream's receive window ({@code SETTINGS_INITIAL_WINDOW_SIZE}). Not the protocol's 64 KiB: with
   * it, a client that leaves Nagle's algorithm on (OkHttp, so the official SDKs) runs dry at each
   * window's edge and waits for a delayed ACK, and a 32 MiB upload took 36 s instead of 1.3 s on
   * loopback (Http2IT's large upload, measured).
   */
  public static final int STREAM_WINDOW = 256 << 10;
  /** The most the connection window grows to: 64 streams' windows. */
  public static final int MAX_CONNECTION_WINDOW = 64 * STREAM_WINDOW;
  /** The HPACK dynamic table the gateway keeps per connection (the protocol's default). */
  public static final int HEADER_TABLE_SIZE = 4096;
  /** Control frames (PING, SETTINGS acknowledgements) queued for a client that does not read. */
  public static final int MAX_QUEUED_CONTROL_FRAMES = 10_000;
  /** DATA frames without data in a row (a flood of them costs work and carries nothing). */
  public static final int MAX_CONSECUTIVE_EMPTY_DATA_FRAMES = 2;
  /** CONTINUATION frames smaller than a header field in a row (a CONTINUATION flood). */
  public static final int MAX_SMALL_CONTINUATION_FRAMES = 16;

  public static final Http2Limits DEFAULT = new Http2Limits(100, 64 << 10, 200, Duration.ofSeconds(30),
      Duration.ofMinutes(5));

  /** The connection's receive window: a stream window per allowed stream, at most {@link #MAX_CONNECTION_WINDOW}. */
  public int connectionWindow() {
    return (int) Math.min((long) maxConcurrentStreams * STREAM_WINDOW, MAX_CONNECTION_WINDOW);
  }

  public Http2Limits {
    if (maxConcurrentStreams < 1 || maxConcurrentStreams > 10_000) {
      throw ConfigException.of("TAKUMO_HTTP2_MAX_CONCURRENT_STREAMS", Integer.toString(maxConcurrentStreams),
          "1 to 10000");
    }
    if (maxHeaderListSize < 1024) {
      throw ConfigException.of("TAKUMO_MAX_HEADER_BYTES", Integer.toString(maxHeaderListSize), ">= 1024");
    }
    if (maxResets < 1) {
      throw ConfigException.of("TAKUMO_HTTP2_MAX_RESETS", Integer.toString(maxResets), ">= 1 per 30 s");
    }
    if (resetWindow.isNegative() || resetWindow.isZero() || streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
      throw new ConfigException("HTTP/2 windows and timeouts must be positive");
    }
  }
}
