package io.takumo.aegis.proxy.server;

import static io.takumo.aegis.proxy.server.H2Wire.CONTINUATION;
import static io.takumo.aegis.proxy.server.H2Wire.DATA;
import static io.takumo.aegis.proxy.server.H2Wire.END_HEADERS;
import static io.takumo.aegis.proxy.server.H2Wire.GOAWAY;
import static io.takumo.aegis.proxy.server.H2Wire.HEADERS;
import static io.takumo.aegis.proxy.server.H2Wire.PING;
import static io.takumo.aegis.proxy.server.H2Wire.RST_STREAM;
import static io.takumo.aegis.proxy.server.H2Wire.SETTINGS;
import static io.takumo.aegis.proxy.server.H2Wire.WINDOW_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.config.Http2Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP/2 attacks that took proxies down, each sent on the wire: every one is answered as
 * {@link Http2Limits} says (a GOAWAY with its code, a refused stream), and afterwards the gateway
 * serves the next client (and leaks nothing: the test JVM runs PARANOID leak detection).
 */
class Http2AttackIT {
  private static final int MAX_RESETS = 50;
  private static GatewayFixture fixture;
  private static OkHttpClient client;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(b -> b.rateLimits(1_000_000, 1_000_000, 1_000_000)
        .http2Limits(new Http2Limits(100, 64 << 10, MAX_RESETS, Duration.ofSeconds(30), Duration.ofSeconds(1))));
    client = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
  }

  @AfterAll
  static void stop() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    fixture.close();
  }

  /** After every attack: a new client on a new connection gets its answer. */
  @AfterEach
  void theGatewayServesTheNextClient() throws IOException {
    client.connectionPool().evictAll();
    Request request = new Request.Builder().url(fixture.baseUrl() + "/v1/messages").header("x-api-key", fixture.key)
        .post(RequestBody.create("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"after the attack\"}]}", MediaType.get("application/json"))).build();
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("after the attack");
    }
  }

  private static long goAways(String reason) {
    return fixture.gateway.metrics().goAways(reason);
  }

  @Test
  void theFirstFramesStateTheLimits() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      H2Wire.Frame settings = wire.readUntil(f -> f.type() == SETTINGS && f.flags() == 0);
      assertThat(settings.setting(0x1)).isEqualTo(4096); // HEADER_TABLE_SIZE
      assertThat(settings.setting(0x3)).isEqualTo(100); // MAX_CONCURRENT_STREAMS
      assertThat(settings.setting(0x4)).isEqualTo(Http2Limits.STREAM_WINDOW); // INITIAL_WINDOW_SIZE
      assertThat(settings.setting(0x5)).isEqualTo(16 << 10); // MAX_FRAME_SIZE
      assertThat(settings.setting(0x6)).isEqualTo(64 << 10); // MAX_HEADER_LIST_SIZE
      long window = 65_535; // the protocol's start, widened by the updates that follow the settings
      while (window < Http2Limits.MAX_CONNECTION_WINDOW) {
        window += ByteBuffer.wrap(wire.readUntil(f -> f.type() == WINDOW_UPDATE && f.stream() == 0).payload()).getInt();
      }
      assertThat(window).isEqualTo(Http2Limits.MAX_CONNECTION_WINDOW);
    }
  }

  /** CVE-2023-44487: streams opened and reset at once, faster than any real client. */
  @Test
  void rapidResetIsAnsweredWithEnhanceYourCalm() throws Exception {
    long before = goAways("ENHANCE_YOUR_CALM");
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      ByteArrayOutputStream attack = new ByteArrayOutputStream();
      for (int i = 0; i < 10 * MAX_RESETS; i++) {
        int stream = 2 * i + 1;
        attack.write(H2Wire.frameBytes(HEADERS, END_HEADERS, stream, wire.headerBlock(H2Wire.post(fixture.key))));
        attack.write(H2Wire.frameBytes(RST_STREAM, 0, stream, ByteBuffer.allocate(4).putInt((int) H2Wire.CANCEL).array()));
      }
      writeQuietly(wire, attack.toByteArray());

      H2Wire.Frame goAway = wire.readUntil(f -> f.type() == GOAWAY);
      assertThat(goAway.errorCode()).isEqualTo(H2Wire.ENHANCE_YOUR_CALM);
      wire.readToClose();
    }
    assertThat(goAways("ENHANCE_YOUR_CALM")).isGreaterThan(before);
    String metrics = fixture.gateway.metrics().scrape();
    assertThat(metrics).contains("aegis_http2_goaway_total{reason=\"ENHANCE_YOUR_CALM\"}")
        .contains("aegis_connections_total{protocol=\"h2c\"}");
  }

  /** A header block that never ends, in CONTINUATION frames of one byte (the 2024 CONTINUATION flood). */
  @Test
  void aFloodOfTinyContinuationsIsCut() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      ByteArrayOutputStream attack = new ByteArrayOutputStream();
      attack.write(H2Wire.frameBytes(HEADERS, 0, 1, wire.headerBlock(":method", "POST")));
      for (int i = 0; i < 100_000; i++) {
        attack.write(H2Wire.frameBytes(CONTINUATION, 0, 1, new byte[] {0x40}));
      }
      writeQuietly(wire, attack.toByteArray());

      assertThat(wire.readUntil(f -> f.type() == GOAWAY).errorCode()).isNotZero();
      wire.readToClose();
    }
  }

  /** A header block that never ends, in full CONTINUATION frames: cut at the header list limit. */
  @Test
  void endlessHeadersAreCutAtTheHeaderLimit() throws Exception {
    int requestsBefore = fixture.anthropic.requests().size();
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      byte[] block = wire.headerBlock(H2Wire.post(fixture.key));
      ByteArrayOutputStream attack = new ByteArrayOutputStream();
      attack.write(H2Wire.frameBytes(HEADERS, 0, 1, block));
      byte[] filler = new byte[16 << 10];
      Arrays.fill(filler, (byte) 'a'); // the middle of a long literal: never a complete header
      for (int i = 0; i < 256; i++) { // 4 MiB of header block
        attack.write(H2Wire.frameBytes(CONTINUATION, 0, 1, filler));
      }
      writeQuietly(wire, attack.toByteArray());

      assertThat(wire.readUntil(f -> f.type() == GOAWAY).errorCode()).isNotZero();
      wire.readToClose();
    }
    assertThat(fixture.anthropic.requests()).hasSize(requestsBefore);
  }

  /**
   * HPACK bomb: one 4 KiB header put in the dynamic table, then referenced a thousand times at a
   * byte each: 4 MiB of headers from a 5 KiB block. Refused at the header list limit; no request
   * is made of it.
   */
  @Test
  void anHpackBombIsRefusedAtTheHeaderListLimit() throws Exception {
    int requestsBefore = fixture.anthropic.requests().size();
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      ByteArrayOutputStream block = new ByteArrayOutputStream();
      block.write(0x83); // :method POST (static table)
      block.write(0x86); // :scheme http
      block.write(0x44); // :path, literal value, indexed
      literal(block, "/v1/messages");
      block.write(0x41); // :authority, literal value, indexed
      literal(block, "localhost");
      block.write(0x40); // a new name and value, added to the dynamic table
      literal(block, "x-bomb");
      literal(block, "b".repeat(4000));
      for (int i = 0; i < 1000; i++) {
        block.write(0xbe); // dynamic table entry 62: the bomb, again
      }
      wire.frame(HEADERS, END_HEADERS | H2Wire.END_STREAM, 1, block.toByteArray());

      H2Wire.Frame answer = wire.readUntil(f -> f.type() == GOAWAY || f.stream() == 1);
      if (answer.type() == HEADERS) {
        assertThat(answer.status()).isEqualTo("431");
      } else {
        assertThat(answer.type()).isIn(RST_STREAM, GOAWAY);
      }
    }
    assertThat(fixture.anthropic.requests()).hasSize(requestsBefore);
  }

  /** HPACK literal: a 7-bit prefixed length (not Huffman coded) and the bytes. */
  private static void literal(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    int length = bytes.length;
    if (length < 127) {
      out.write(length);
    } else {
      out.write(127);
      length -= 127;
      while (length >= 128) {
        out.write((length & 0x7f) | 0x80);
        length >>>= 7;
      }
      out.write(length);
    }
    out.writeBytes(bytes);
  }

  /**
   * SETTINGS and PING floods from a client that never reads the acknowledgements: the queue of
   * control frames is bounded, and past it the connection closes.
   */
  @ParameterizedTest
  @ValueSource(ints = {SETTINGS, PING})
  void aControlFrameFloodFromAClientThatDoesNotReadEnds(int type) throws Exception {
    long before = goAways("ENHANCE_YOUR_CALM");
    try (H2Wire wire = new H2Wire(fixture.gateway.port(), 4096)) {
      byte[] frame = H2Wire.frameBytes(type, 0, 0, type == PING ? new byte[8] : new byte[0]);
      byte[] batch = new byte[frame.length * 10_000];
      for (int i = 0; i < 10_000; i++) {
        System.arraycopy(frame, 0, batch, i * frame.length, frame.length);
      }
      try {
        for (int i = 0; i < 200; i++) { // 2 million frames, unless the gateway hangs up first
          wire.write(batch);
        }
      } catch (IOException closedByTheGateway) {
        // what the test waits for
      }
      wire.readToClose();
    }
    assertThat(goAways("ENHANCE_YOUR_CALM")).isGreaterThan(before);
  }

  /** DATA frames without data or end, over and over: work for the gateway, nothing for the request. */
  @Test
  void anEmptyDataFloodIsCut() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      wire.headers(1, false, H2Wire.post(fixture.key));
      ByteArrayOutputStream attack = new ByteArrayOutputStream();
      for (int i = 0; i < 1000; i++) {
        attack.write(H2Wire.frameBytes(DATA, 0, 1, new byte[0]));
      }
      writeQuietly(wire, attack.toByteArray());

      assertThat(wire.readUntil(f -> f.type() == GOAWAY).errorCode()).isEqualTo(H2Wire.ENHANCE_YOUR_CALM);
      wire.readToClose();
    }
  }

  @Test
  void aFrameOverTheFrameSizeIsAFrameSizeError() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      wire.headers(1, false, H2Wire.post(fixture.key));
      writeQuietly(wire, H2Wire.frameBytes(DATA, 0, 1, new byte[20_000]));

      assertThat(wire.readUntil(f -> f.type() == GOAWAY).errorCode()).isEqualTo(H2Wire.FRAME_SIZE_ERROR);
      wire.readToClose();
    }
  }

  @Test
  void theStreamPastTheConcurrencyLimitIsRefusedAndTheOthersGoOn() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      for (int i = 0; i <= 100; i++) { // 101 requests whose bodies never come
        wire.headers(2 * i + 1, false, H2Wire.post(fixture.key));
      }
      H2Wire.Frame refused = wire.readUntil(f -> f.type() == RST_STREAM && f.stream() == 201);
      assertThat(refused.errorCode()).isEqualTo(H2Wire.REFUSED_STREAM);
      wire.frame(PING, 0, 0, "stillup!".getBytes(StandardCharsets.US_ASCII));
      assertThat(wire.readUntil(f -> f.type() == PING).flags()).isEqualTo(H2Wire.ACK);
    }
  }

  /** A stream whose request body stops coming is reset after the stream idle timeout; the connection stays. */
  @Test
  void aStreamThatGoesQuietIsResetAndTheConnectionLivesOn() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      wire.headers(1, false, H2Wire.post(fixture.key));
      wire.data(1, false, "{\"model\":\"claude-sonnet-4-5\",".getBytes(StandardCharsets.US_ASCII));

      H2Wire.Frame reset = wire.readUntil(f -> f.type() == RST_STREAM && f.stream() == 1);
      assertThat(reset.errorCode()).isEqualTo(H2Wire.CANCEL);
      wire.frame(PING, 0, 0, "stillup!".getBytes(StandardCharsets.US_ASCII));
      assertThat(wire.readUntil(f -> f.type() == PING).flags()).isEqualTo(H2Wire.ACK);
      wire.headers(3, true, ":method", "GET", ":scheme", "http", ":path", "/healthz", ":authority", "localhost");
      assertThat(wire.readUntil(f -> f.type() == HEADERS && f.stream() == 3).status()).isEqualTo("200");
    }
  }

  @Test
  void headersOverTheListLimitAreRefusedOnTheirStream() throws Exception {
    try (H2Wire wire = new H2Wire(fixture.gateway.port())) {
      byte[] block = wire.headerBlock(H2Wire.post(fixture.key, "x-large", "v".repeat(70 << 10)));
      int frame = 16 << 10;
      wire.frame(HEADERS, 0, 1, Arrays.copyOfRange(block, 0, frame));
      for (int at = frame; at < block.length; at += frame) {
        int end = Math.min(block.length, at + frame);
        wire.frame(CONTINUATION, end == block.length ? END_HEADERS : 0, 1, Arrays.copyOfRange(block, at, end));
      }

      H2Wire.Frame answer = wire.readUntil(f -> f.stream() == 1 || f.type() == GOAWAY);
      assertThat(answer.type()).isIn(HEADERS, RST_STREAM);
      if (answer.type() == HEADERS) {
        assertThat(answer.status()).isEqualTo("431");
      }
      wire.frame(PING, 0, 0, "stillup!".getBytes(StandardCharsets.US_ASCII));
      assertThat(wire.readUntil(f -> f.type() == PING).flags()).isEqualTo(H2Wire.ACK);
    }
  }

  /** Writes an attack; the gateway may hang up before it is all written, which is what it should do. */
  private static void writeQuietly(H2Wire wire, byte[] bytes) {
    try {
      wire.write(bytes);
    } catch (IOException closedByTheGateway) {
      // the frames read back say why
    }
  }
}
