package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target of the Responses WebSocket's provider side (Jazzer): any text with tokens, split into
 * {@code response.output_text.delta} messages anywhere, some written with line breaks between their JSON
 * tokens. {@code make test} runs it over the committed inputs (none yet: one empty run); {@code make fuzz}
 * for {@code FUZZ_SECONDS}.
 */
class WebSocketFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "AKIAZ3MJJWQ5XLOPK7RA";
  private static final String PASSWORD = "p\"a\\ss-W0rd!é";

  /** Every message out is whole JSON, and the deltas put together are the text with its secrets. */
  @FuzzTest
  void responsesDeltasGetTheirSecretsBackWhateverTheSplits(FuzzedDataProvider data) throws Exception {
    try (Vault vault = new Vault(new TokenMinter(new byte[32]), 10)) {
      String token = new String(vault.put(Category.KEY, KEY.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      String passwordToken = new String(vault.put(Category.SECRET, PASSWORD.getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.UTF_8);
      String withTokens = data.consumeString(200) + token + data.consumeString(50) + passwordToken
          + data.consumeString(50);
      String withSecrets = withTokens.replace(token, KEY).replace(passwordToken, PASSWORD);
      ResponsesWebSocket.FramedRewrite framing = new ResponsesWebSocket.FramedRewrite();
      SseRehydrator rehydrator = new SseRehydrator(vault, framing);
      List<byte[]> out = new ArrayList<>();
      int i = 0;
      while (i < withTokens.length()) {
        int n = Math.min(withTokens.length() - i, data.consumeInt(1, 9));
        if (Character.isHighSurrogate(withTokens.charAt(i + n - 1)) && i + n < withTokens.length()) {
          n++;
        }
        JsonNode event = JSON.createObjectNode().put("type", "response.output_text.delta").put("item_id", "msg_1")
            .put("output_index", 0).put("content_index", 0).put("delta", withTokens.substring(i, i + n));
        String message = data.consumeBoolean() ? JSON.writeValueAsString(event)
            : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event); // line breaks between tokens
        framing.message(message.getBytes(StandardCharsets.UTF_8), rehydrator, out::add);
        i += n;
      }
      framing.message("{\"type\":\"response.completed\",\"response\":{}}".getBytes(StandardCharsets.UTF_8),
          rehydrator, out::add);
      framing.end(rehydrator, out::add);
      StringBuilder text = new StringBuilder();
      for (byte[] message : out) {
        JsonNode event = JSON.readTree(message);
        JsonNode delta = event.path("delta");
        if (delta.isTextual()) {
          text.append(delta.textValue());
        }
      }
      assertThat(text.toString()).isEqualTo(withSecrets);
    }
  }
}
