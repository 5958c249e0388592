package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.github.luben.zstd.Zstd;
import io.netty.buffer.Unpooled;
import io.takumo.aegis.detect.Detector;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.takumo.aegis.proxy.shield.ContentDecodingTest;
import io.takumo.aegis.testing.StubUpstream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class of leak found by adversarial testing (issue 16), sent raw through a real gateway to
 * upstreams that keep every byte they receive. Each case is refused or leaves nothing recoverable
 * upstream: the check parses what each upstream connection received, undoes any compression,
 * unescapes JSON to any depth, decodes percent-escapes and UTF-16, and looks for every planted
 * secret and for the caller's Takumo key in all of it.
 */
class LeakSuiteIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Detector DETECTOR = Detector.builtIn();
  private static GatewayFixture fixture;
  /** Planted values, by the case that planted them. */
  private static final Map<String, List<String>> planted = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(b -> b.maxBodyBytes(8 << 20));
    fixture.anthropic.recordRaw();
    fixture.openai.recordRaw();
    fixture.mistral.recordRaw();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String aws() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder("AKIA");
    for (int i = 0; i < 16; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /**
   * A random value the detector finds in the plainest setting ({@code name = "value"}): the suite
   * tests that escaping, nesting and compression never lose what is found there, not the
   * detector's judgment of random strings (one that happens to hold "xxx" reads as a placeholder).
   */
  private static String random(String alphabet, int length, String name) {
    while (true) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < length; i++) {
        out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
      }
      String value = out.toString();
      if (!DETECTOR.scan(utf8(name + " = \"" + value + "\"")).isEmpty()) {
        return value;
      }
    }
  }

  private static String password() {
    return random("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#!", 18, "password");
  }

  private static String awsSecret() {
    return random("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/+", 40, "aws_secret_access_key");
  }

  private static String plant(String kase, String value) {
    planted.computeIfAbsent(kase, k -> new ArrayList<>()).add(value);
    return value;
  }

  private static String json(String content) {
    return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\""
        + content + "\"}]}";
  }

  /** {@code s} escaped for a JSON string. */
  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** Sends one raw request; returns the status, or 0 when the connection closed without an answer. */
  private static int send(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      byte[] answer = socket.getInputStream().readNBytes(12);
      return answer.length < 12 ? 0 : Integer.parseInt(new String(answer, 9, 3, StandardCharsets.US_ASCII));
    }
  }

  private static String head(String path, String extra, long length) {
    return "POST " + path + " HTTP/1.1\r\nHost: gw\r\nx-api-key: " + fixture.key + "\r\ncontent-type: application/json\r\n"
        + extra + (length >= 0 ? "Content-Length: " + length + "\r\n" : "") + "\r\n";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void noPlantedSecretOrTakumoKeyIsRecoverableUpstream() throws Exception {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    Map<String, Set<Integer>> expected = new LinkedHashMap<>();

    // Compression the gateway must undo, or refuse.
    byte[] one = utf8(json("aws " + plant("gzip-twice", aws())));
    byte[] twice = ContentDecodingTest.encode("gzip", ContentDecodingTest.encode("gzip", one));
    statuses.put("gzip-twice", send(head("/v1/messages", "Content-Encoding: gzip\r\nContent-Encoding: gzip\r\n",
        twice.length), twice));
    expected.put("gzip-twice", Set.of(200));

    byte[] idGzip = ContentDecodingTest.encode("gzip", utf8(json("aws " + plant("identity-then-gzip", aws()))));
    statuses.put("identity-then-gzip", send(head("/v1/messages",
        "Content-Encoding: identity\r\nContent-Encoding: gzip\r\n", idGzip.length), idGzip));
    expected.put("identity-then-gzip", Set.of(200));

    byte[] teGzip = ContentDecodingTest.encode("gzip", utf8(json("aws " + plant("te-gzip-chunked", aws()))));
    statuses.put("te-gzip-chunked", send(head("/v1/messages", "Transfer-Encoding: gzip, chunked\r\n", -1),
        RawHttp.chunked(teGzip, 64)));
    expected.put("te-gzip-chunked", Set.of(400, 501));

    byte[] ceTe = ContentDecodingTest.encode("gzip", ContentDecodingTest.encode("gzip",
        utf8(json("aws " + plant("content-and-transfer-coding", aws())))));
    statuses.put("content-and-transfer-coding", send(head("/v1/messages",
        "Content-Encoding: gzip\r\nTransfer-Encoding: gzip, chunked\r\n", -1), RawHttp.chunked(ceTe, 100)));
    expected.put("content-and-transfer-coding", Set.of(400, 501));

    byte[] whole = ContentDecodingTest.encode("gzip", utf8(json("aws " + plant("truncated-gzip", aws())
        + " " + "filler text ".repeat(2000))));
    byte[] truncated = Arrays.copyOf(whole, whole.length - 20);
    statuses.put("truncated-gzip", send(head("/v1/messages", "Content-Encoding: gzip\r\n", truncated.length), truncated));
    expected.put("truncated-gzip", Set.of(415));

    for (String coding : new String[] {"br", "zstd", "deflate"}) {
      byte[] body = ContentDecodingTest.encode(coding, utf8(json("password = \\\"" + plant(coding, password())
          + "\\\" and " + plant(coding, aws()))));
      statuses.put(coding, send(head("/v1/messages", "Content-Encoding: " + coding + "\r\n", body.length), body));
      expected.put(coding, Set.of(200));
    }

    byte[] spaces = new byte[64 << 20];
    Arrays.fill(spaces, (byte) ' ');
    byte[] bomb = ContentDecodingTest.encode("gzip", ContentDecodingTest.encode("gzip", spaces));
    statuses.put("bomb", send(head("/v1/messages", "Content-Encoding: gzip, gzip\r\n", bomb.length), bomb));
    expected.put("bomb", Set.of(413));

    // JSON inside JSON strings, shell text with escaped quotes, escapes at two depths.
    String logLine = "{\"level\":\"info\",\"msg\":\"connected\",\"db_password\":\"" + plant("json-in-string", password())
        + "\",\"aws_secret_access_key\":\"" + plant("json-in-string", awsSecret()) + "\"}";
    byte[] toolResult = utf8("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\","
        + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"" + esc(logLine + "\n" + logLine)
        + "\"}]}]}");
    statuses.put("json-in-string", send(head("/v1/messages", "", toolResult.length), toolResult));
    expected.put("json-in-string", Set.of(200));

    byte[] shell = utf8(json(esc("export DB_PASSWORD=\"" + plant("shell-escaped", password()) + "\"\nexport PGPASSWORD=\""
        + plant("shell-escaped", password()) + "\"")));
    statuses.put("shell-escaped", send(head("/v1/messages", "", shell.length), shell));
    expected.put("shell-escaped", Set.of(200));

    String inner = "{\"config\": \"" + esc("{\"password\": \"" + plant("escaped-twice", password()) + "\"}") + "\"}";
    byte[] deep = utf8(json(esc("the log says " + inner)));
    statuses.put("escaped-twice", send(head("/v1/messages", "", deep.length), deep));
    expected.put("escaped-twice", Set.of(200));

    // A secret found by its name once, then repeated where no rule sees it: bare in the next message, glued to words,
    // as a member name.
    String named = plant("copies", password());
    String key = plant("copies", aws());
    byte[] copies = ContentDecodingTest.encode("gzip", utf8("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + esc("DB_PASSWORD=\"" + named + "\"\naws " + key) + "\"},"
        + "{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":\"psql -W " + named + " fails; logs say x"
        + named + "y\"}],\"metadata\":{\"" + named + "\":1}}"));
    statuses.put("copies", send(head("/v1/messages", "Content-Encoding: gzip\r\n", copies.length), copies));
    expected.put("copies", Set.of(200));

    // Bodies read the wrong way: a byte order mark, an unterminated last string, UTF-16.
    byte[] bom = utf8("\uFEFF" + "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"db_password: " + plant("bom", password()) + "\"}]}");
    statuses.put("bom", send(head("/v1/messages", "", bom.length), bom));
    expected.put("bom", Set.of(200));

    byte[] open = utf8("{\"model\":\"claude-sonnet-4-5\",\"metadata\":{\"db_password\":\"" + plant("unterminated", password())
        + "\"},\"messages\":[{\"role\":\"user\",\"content\":\"config: password = \\\"" + plant("unterminated", password())
        + "\\\" and aws_secret_access_key = " + plant("unterminated", awsSecret()));
    statuses.put("unterminated", send(head("/v1/messages", "", open.length), open));
    expected.put("unterminated", Set.of(200, 400));

    byte[] utf16 = json("password = " + plant("utf-16", password())).getBytes(StandardCharsets.UTF_16);
    statuses.put("utf-16", send(head("/v1/messages", "", utf16.length).replace("application/json",
        "application/json; charset=utf-16"), utf16));
    expected.put("utf-16", Set.of(415));
    byte[] utf16le = json("password = " + plant("utf-16le", password())).getBytes(StandardCharsets.UTF_16LE);
    statuses.put("utf-16le", send(head("/v1/messages", "", utf16le.length), utf16le));
    expected.put("utf-16le", Set.of(415));

    // Object keys.
    byte[] keys = utf8("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
        + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\",\"properties\":{\"" + plant("object-key", aws())
        + "\":{\"type\":\"string\"}}}}]}");
    statuses.put("object-key", send(head("/v1/messages", "", keys.length), keys));
    expected.put("object-key", Set.of(200));

    // The Takumo key in places other than the credential headers, and in the body.
    for (String where : new String[] {"x-goog-api-key", "api-key", "openai-api-key", "x-forwarded-authorization",
        "x-custom-trace"}) {
      byte[] body = utf8(json("hi"));
      statuses.put("takumo-key-in-" + where, send(head("/v1/messages", where + ": " + fixture.key + "\r\n", body.length),
          body));
      expected.put("takumo-key-in-" + where, Set.of(200));
    }
    byte[] plain = utf8(json("hi"));
    statuses.put("takumo-key-in-cookie", send(head("/v1/messages", "Cookie: session=1; t=" + fixture.key + "\r\n",
        plain.length), plain));
    expected.put("takumo-key-in-cookie", Set.of(200));
    statuses.put("takumo-key-in-query", send(head("/v1/messages?beta=true&key=" + fixture.key, "", plain.length), plain));
    expected.put("takumo-key-in-query", Set.of(200));
    byte[] keyInBody = utf8(json("my gateway key is " + fixture.key));
    statuses.put("takumo-key-in-body", send(head("/v1/messages", "", keyInBody.length), keyInBody));
    expected.put("takumo-key-in-body", Set.of(200));

    // Paths outside the route.
    for (String path : new String[] {"/v1/models/claude-x/../../v1/messages/batches",
        "/v1/models/claude-x%2F..%2F..%2Fv1%2Fmessages%2Fbatches", "/v1/models/claude-x/..%2f..%2fv1/messages"}) {
      try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: gw\r\nx-api-key: " + fixture.key
            + "\r\nanthropic-version: 2023-06-01\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] answer = socket.getInputStream().readNBytes(12);
        statuses.put("path " + path, Integer.parseInt(new String(answer, 9, 3, StandardCharsets.US_ASCII)));
        expected.put("path " + path, Set.of(400));
      }
    }

    // A secret cut across one-byte chunks, and one deep in a string too long to hold whole.
    byte[] tiny = utf8(json("password = \\\"" + plant("one-byte-chunks", password()) + "\\\" " + plant("one-byte-chunks", aws())));
    statuses.put("one-byte-chunks", send(head("/v1/messages", "Transfer-Encoding: chunked\r\n", -1), RawHttp.chunked(tiny, 1)));
    expected.put("one-byte-chunks", Set.of(200));
    StringBuilder big = new StringBuilder();
    while (big.length() < 600_000) {
      big.append("line of code ").append(big.length()).append("\\n");
    }
    byte[] longString = utf8(json(big + "config = {\\\"password\\\": \\\"" + plant("long-string", password()) + "\\\"} "
        + plant("long-string", aws()) + big));
    statuses.put("long-string", send(head("/v1/messages", "", longString.length), longString));
    expected.put("long-string", Set.of(200));

    for (Map.Entry<String, Integer> e : statuses.entrySet()) {
      assertThat(expected.get(e.getKey())).as("status of case %s", e.getKey()).contains(e.getValue());
    }
    List<String> views = upstreamViews();
    for (Map.Entry<String, List<String>> e : planted.entrySet()) {
      for (String secret : e.getValue()) {
        for (String view : views) {
          assertThat(view).as("case %s: a planted secret reached an upstream", e.getKey()).doesNotContain(secret);
        }
      }
    }
    for (String view : views) {
      assertThat(view).as("the caller's Takumo key reached an upstream").doesNotContain(fixture.key)
          .doesNotContain(fixture.key.substring(8, 40));
    }
    assertThat(views).as("the allowed cases reached the upstream").isNotEmpty();
  }

  @Test
  void headersAndQueriesAreScannedWhenAskedAndNamedAsUnscannedOtherwise() throws Exception {
    String aws = aws();
    String password = password();
    String head = "POST /v1/messages?debug=1&db_password=" + password + " HTTP/1.1\r\nHost: gw\r\nx-api-key: %s\r\n"
        + "x-debug-context: aws " + aws + "\r\ncontent-type: application/json\r\nContent-Length: %d\r\n\r\n";
    byte[] body = utf8(json("hi"));
    try (GatewayFixture scanning = GatewayFixture.start(b -> b.scanHeaders(true));
        Socket socket = new Socket("127.0.0.1", scanning.gateway.port())) {
      socket.getOutputStream().write(String.format(head, scanning.key, body.length).getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).endsWith("200");
      StubUpstream.Recorded sent = scanning.anthropic.lastRequest();
      assertThat(sent.everything()).doesNotContain(aws).doesNotContain(password);
      assertThat(sent.header("x-debug-context")).startsWith("aws __TAKUMO_v1_KEY_");
      assertThat(sent.uri()).startsWith("/v1/messages?debug=1&db_password=__TAKUMO_v1_SECRET_");
    }
    // Off (the default, SPEC §6): the head is not scanned, as the README says; only keys are removed.
    try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
      socket.getOutputStream().write(String.format(head, fixture.key, body.length).getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).endsWith("200");
      assertThat(fixture.anthropic.lastRequest().header("x-debug-context")).isEqualTo("aws " + aws);
    }
  }

  /** Everything the upstreams received, in every form a secret could be recovered from. */
  private static List<String> upstreamViews() throws IOException {
    List<String> views = new ArrayList<>();
    for (StubUpstream stub : List.of(fixture.anthropic, fixture.openai, fixture.mistral)) {
      for (byte[] connection : stub.rawConnections()) {
        views.add(new String(connection, StandardCharsets.ISO_8859_1));
        EmbeddedChannel parser = new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(64 << 20));
        parser.writeInbound(Unpooled.wrappedBuffer(connection));
        FullHttpRequest request;
        while ((request = parser.readInbound()) != null) {
          try {
            views.add(URLDecoder.decode(request.uri(), StandardCharsets.UTF_8));
            request.headers().forEach(h -> views.add(h.getKey() + ": " + h.getValue()));
            byte[] body = new byte[request.content().readableBytes()];
            request.content().getBytes(request.content().readerIndex(), body);
            for (String coding : request.headers().getAll("content-encoding")) {
              body = undo(coding.trim(), body);
            }
            addDecodedForms(new String(body, StandardCharsets.UTF_8), views);
            views.add(new String(body, StandardCharsets.UTF_16));
          } finally {
            request.release();
          }
        }
        try {
          parser.finishAndReleaseAll();
        } catch (RuntimeException e) {
          // a request cut off (a refused body's connection was closed): its raw bytes were checked above
        }
      }
    }
    return views;
  }

  /** The text, and the text with JSON escapes undone once, twice, three times. */
  private static void addDecodedForms(String text, List<String> views) {
    String level = text;
    for (int i = 0; i < 4; i++) {
      views.add(level);
      level = level.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\").replace("\\/", "/");
    }
  }

  private static byte[] undo(String coding, byte[] body) throws IOException {
    return switch (coding) {
      case "gzip", "x-gzip" -> readAll(new GZIPInputStream(new ByteArrayInputStream(body)));
      case "deflate" -> readAll(new InflaterInputStream(new ByteArrayInputStream(body)));
      case "br" -> {
        Brotli4jLoader.ensureAvailability();
        yield Decoder.decompress(body).getDecompressedData();
      }
      case "zstd" -> Zstd.decompress(body, 64 << 20);
      default -> body;
    };
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
