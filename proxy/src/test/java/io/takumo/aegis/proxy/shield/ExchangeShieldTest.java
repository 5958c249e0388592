package io.takumo.aegis.proxy.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.TestContexts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tokenization state of one exchange, at the allocator level: what goes in is released or
 * comes out, secrets never come out, the answer gets them back, and closing leaves nothing held.
 */
class ExchangeShieldTest {
  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
  private static final GatewayConfig CONFIG = GatewayConfig.builder().tokenKey(new byte[32]).build();
  private static final ShieldRuntime SHIELD = new ShieldRuntime(CONFIG);
  private static final Principal CALLER = new Principal(new ApiKeyRecord("k", "org", "n", "tk_test_abcd", "00".repeat(32),
      KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), KeyStatus.ACTIVE, null, Instant.now()));
  private static final String AWS = "AKIAZ3MJJWQ5XLOPK7RA";
  private static final String DB = "postgres://app:Xk9mQ2vL8pR4@db.internal:5432/app";

  private static RequestContext context(RuntimeConfig runtime, int length, String... headers) throws Exception {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/messages?beta=true");
    request.headers().set("host", "gw").setInt("content-length", length);
    for (int i = 0; i < headers.length; i += 2) {
      request.headers().add(headers[i], headers[i + 1]);
    }
    return TestContexts.of(request, runtime, CALLER);
  }

  /** Runs {@code body} in {@code parts} pieces through decode and tokenize; the output as text. */
  private static String tokenize(ExchangeShield shield, byte[] body, int parts) throws ExchangeRefusal {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int step = Math.max(1, body.length / parts);
    for (int from = 0; from < body.length || from == 0; from += step) {
      int n = Math.min(step, body.length - from);
      boolean last = from + n >= body.length;
      shield.decode(Unpooled.copiedBuffer(body, from, n), last, (piece, end) -> {
        ByteBuf tokenized = shield.tokenize(piece, end);
        out.writeBytes(bytes(tokenized));
        tokenized.release();
      });
      if (last) {
        break;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] b = new byte[buf.readableBytes()];
    buf.getBytes(buf.readerIndex(), b);
    return b;
  }

  private static String json(String content) {
    return "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
  }

  @Test
  void aCompressedBodyInPiecesComesOutTokenizedAndTheAnswerGetsItsSecretBack() throws Exception {
    byte[] body = ContentDecodingTest.encode("gzip", json("key " + AWS).getBytes(StandardCharsets.UTF_8));
    RequestContext context = context(RuntimeConfig.local(CONFIG), body.length, "content-encoding", "gzip");
    ExchangeShield shield = ExchangeShield.start(SHIELD, context, context.request(), ALLOC, 1 << 20);
    String out = tokenize(shield, body, 5);
    assertThat(out).doesNotContain(AWS).contains("__TAKUMO_v1_KEY_");
    String token = out.substring(out.indexOf("__TAKUMO_v1_KEY_"), out.indexOf("__TAKUMO_v1_KEY_") + 26);
    assertThat(shield.judge(context.runtime().policy())).isEqualTo("KEY/aws-access-key-id;count=1");

    HttpHeaders answer = new DefaultHttpHeaders().set("content-type", "application/json").set("content-length", 99);
    shield.startAnswer(answer, true);
    assertThat(shield.rehydrates()).isTrue();
    assertThat(answer.contains("content-length")).isFalse();
    ByteBuf restored = shield.rehydrate(Unpooled.copiedBuffer("{\"text\":\"use " + token + "\"}", StandardCharsets.UTF_8), true);
    assertThat(restored.toString(StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"use " + AWS + "\"}");
    restored.release();

    ProxyMetrics metrics = new ProxyMetrics();
    shield.record(metrics);
    assertThat(context.detections()).singleElement().satisfies(d -> {
      assertThat(d.type()).isEqualTo("aws-access-key-id");
      assertThat(d.location()).isEqualTo("request.body");
    });
    assertThat(context.tokensRehydrated()).isEqualTo(1);
    shield.close();
    shield.close(); // idempotent
  }

  @Test
  void aBlockRuleRefusesNamingTheRuleNeverTheValue() throws Exception {
    RuntimeConfig strict = RuntimeConfig.compile(CONFIG, new Snapshot(1, ConfigDecoder.decode(ConfigFiles.parse("""
        policies:
          - name: no-databases
            rules:
              - {match: "category:CONN", enforcement: BLOCK}
        """, false)), Snapshot.Source.LOCAL));
    byte[] body = json("connect to " + DB).getBytes(StandardCharsets.UTF_8);
    RequestContext context = context(strict, body.length);
    try (ExchangeShield shield = ExchangeShield.start(SHIELD, context, context.request(), ALLOC, 1 << 20)) {
      assertThat(tokenize(shield, body, 3)).doesNotContain("Xk9mQ2vL8pR4");
      assertThatThrownBy(() -> shield.judge(strict.policy()))
          .isInstanceOfSatisfying(ExchangeRefusal.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.POLICY_BLOCKED))
          .hasMessageContaining("category CONN").hasMessageNotContaining("Xk9mQ2vL8pR4");
      assertThat(context.actions()).anyMatch(a -> a.startsWith("block:"));
    }
  }

  @Test
  void undecodableWideAndOversizedBodiesAreRefused() throws Exception {
    byte[] gzip = ContentDecodingTest.encode("gzip", json("x".repeat(5000)).getBytes(StandardCharsets.UTF_8));
    List<byte[]> bodies = List.of(java.util.Arrays.copyOf(gzip, gzip.length - 9), gzip,
        json("hi").getBytes(StandardCharsets.UTF_16LE));
    List<String> encodings = List.of("gzip", "gzip", "identity");
    List<ErrorCode> expected = List.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    List<Integer> budgets = List.of(1 << 20, 1000, 1 << 20);
    for (int i = 0; i < bodies.size(); i++) {
      byte[] body = bodies.get(i);
      RequestContext context = context(RuntimeConfig.local(CONFIG), body.length, "content-encoding", encodings.get(i));
      try (ExchangeShield shield = ExchangeShield.start(SHIELD, context, context.request(), ALLOC, budgets.get(i))) {
        ErrorCode code = expected.get(i);
        assertThatThrownBy(() -> tokenize(shield, body, 2)).as("case %d", i)
            .isInstanceOfSatisfying(ExchangeRefusal.class, e -> assertThat(e.code()).isEqualTo(code));
      }
    }
    RequestContext declared = context(RuntimeConfig.local(CONFIG), 2, "content-type", "application/json; charset=UTF-16");
    assertThatThrownBy(() -> ExchangeShield.start(SHIELD, declared, declared.request(), ALLOC, 1000))
        .isInstanceOfSatisfying(ExchangeRefusal.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE));
  }

  @Test
  void theHeadIsScannedWithNamesAsContextButNeverTheCredentials() throws Exception {
    RequestContext context = context(RuntimeConfig.local(CONFIG), 2, "x-debug", "aws " + AWS,
        "x-api-key", "sk-ant-api03-provider-key-goes-as-sent", "x-db-password", "Xk9mQ2vL8pR4wZt");
    try (ExchangeShield shield = ExchangeShield.start(SHIELD, context, context.request(), ALLOC, 1000)) {
      HttpHeaders headers = context.request().headers();
      String query = shield.tokenizeHead(headers, "?beta=true&db_password=Xk9mQ2vL8pR4wZt");
      assertThat(headers.get("x-debug")).startsWith("aws __TAKUMO_v1_KEY_");
      assertThat(headers.get("x-db-password")).startsWith("__TAKUMO_v1_SECRET_");
      assertThat(headers.get("x-api-key")).isEqualTo("sk-ant-api03-provider-key-goes-as-sent");
      assertThat(query).startsWith("?beta=true&db_password=__TAKUMO_v1_SECRET_");
      List<String> locations = new ArrayList<>();
      shield.record(new ProxyMetrics());
      context.detections().forEach(d -> locations.add(d.location()));
      assertThat(locations).containsOnly("request.head");
    }
  }
}
