package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelSnifferTest {
  private static @Nullable String sniff(String json, int... cuts) {
    ModelSniffer sniffer = new ModelSniffer();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    for (int cut : cuts) {
      feed(sniffer, bytes, from, cut);
      from = cut;
    }
    feed(sniffer, bytes, from, bytes.length);
    return sniffer.model();
  }

  private static void feed(ModelSniffer sniffer, byte[] bytes, int from, int to) {
    ByteBuf chunk = Unpooled.wrappedBuffer(bytes, from, to - from);
    try {
      int reader = chunk.readerIndex();
      sniffer.feed(chunk);
      assertThat(chunk.readerIndex()).isEqualTo(reader); // indices untouched: the bytes are forwarded as they are
    } finally {
      chunk.release();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"model\":\"gpt-4o\",\"messages\":[]}",
      "{\"messages\":[{\"role\":\"user\",\"content\":\"model: \\\"claude\\\" {\\\"model\\\":\\\"x\\\"}\"}],\"model\":\"gpt-4o\"}",
      "  {\n \"stream\" : true , \"tools\":[{\"model\":\"nested-decoy\"}], \"model\" : \"gpt-4o\" }",
      "{\"metadata\":{\"model\":\"decoy\"},\"model\":\"gpt-4o\"}",
      "{\"modelx\":\"decoy\",\"model\":\"gpt-4o\"}",
      "{\"model\":\"gpt\\u002d4o\"}"})
  void findsTheTopLevelModelWhereverItIs(String json) {
    assertThat(sniff(json)).isEqualTo(json.contains("\\u002d") ? "gpt-4o" : "gpt-4o");
  }

  @Test
  void resultDoesNotDependOnChunkBoundaries() {
    String json = "{\"messages\":[{\"role\":\"user\",\"content\":\"a \\\\\\\" b \\\"model\\\": [x]\"}],"
        + "\"temperature\":0.2,\"model\":\"mistral-large-latest\",\"stream\":true}";
    for (int cut = 0; cut <= json.length(); cut++) {
      assertThat(sniff(json, cut)).as("cut at %d", cut).isEqualTo("mistral-large-latest");
    }
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      int a = random.nextInt(json.length());
      int b = a + random.nextInt(json.length() - a + 1);
      assertThat(sniff(json, a, b)).isEqualTo("mistral-large-latest");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "{\"model\":42}", "{\"model\":null}", "{\"messages\":[]}", "not json",
      "{\"model\":{\"name\":\"gpt-4o\"}}"})
  void noStringModelMeansNone(String json) {
    ModelSniffer sniffer = new ModelSniffer();
    ByteBuf buf = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    try {
      sniffer.feed(buf);
    } finally {
      buf.release();
    }
    assertThat(sniffer.model()).isNull();
  }

  @Test
  void aHugeStringValueCostsNoMemory() {
    String json = "{\"messages\":[{\"content\":\"" + "x".repeat(4 << 20) + "\"}],\"model\":\"gpt-4o\"}";
    assertThat(sniff(json, 1000, 2_000_000)).isEqualTo("gpt-4o");
  }
}
