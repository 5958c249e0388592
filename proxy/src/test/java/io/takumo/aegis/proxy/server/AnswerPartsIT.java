package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.testing.StubUpstream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answer whose parts arrive together is relayed byte for byte in order, whatever mix of small
 * parts (copied together) and large ones (passed on as received) one read holds; with and without
 * rehydration.
 */
class AnswerPartsIT {
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "request holds a secret: {0}")
  @ValueSource(booleans = {false, true})
  void mixedPartSizesArriveInOrder(boolean secret) throws Exception {
    int[] sizes = {5, 3000, 40, 60, 70, 9000, 1, 2, 1500, 300, 1023, 1024, 7};
    List<byte[]> parts = new ArrayList<>();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (int i = 0; i < sizes.length; i++) {
      byte[] part = new byte[sizes[i]];
      for (int j = 0; j < part.length; j++) {
        part[j] = (byte) ('a' + (i + j) % 26);
      }
      parts.add(part);
      expected.write(part);
    }
    fixture.anthropic.behavior(StubUpstream.Behavior.parts(parts));
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[{\"role\":\"user\",\"content\":\""
          + (secret ? "aws_key = AKIAIOSFODNN7EXAMPLE" : "nothing secret") + "\"}]}";
      http.send(fixture.messagesRequest(body));
      RawHttp.Response answer = http.read();

      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    } finally {
      fixture.anthropic.behavior(StubUpstream.Behavior.normal());
    }
    assertThat(fixture.anthropic.lastRequest().bodyText()).doesNotContain("AKIAIOSFODNN7EXAMPLE");
  }

  @Test
  void anEmptyChunkedAnswerEnds() throws Exception {
    fixture.anthropic.behavior(StubUpstream.Behavior.parts(List.of()));
    try (RawHttp http = new RawHttp(fixture.gateway.port())) {
      String body = "{\"model\":\"claude-x\",\"messages\":[]}";
      http.send(fixture.messagesRequest(body));
      RawHttp.Response answer = http.read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body()).isEmpty();
    } finally {
      fixture.anthropic.behavior(StubUpstream.Behavior.normal());
    }
  }
}
