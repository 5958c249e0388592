package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider side's framing: each WebSocket message through the SSE rehydrator and back into messages. */
class ResponsesWebSocketTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "hunter2-\"quoted\\path";

  private static String delta(String piece) throws Exception {
    return JSON.writeValueAsString(JSON.createObjectNode().put("type", "response.output_text.delta")
        .put("item_id", "msg_1").put("output_index", 0).put("content_index", 0).put("delta", piece));
  }

  @Test
  void aTokenSplitAcrossMessagesAtEveryByteComesBackWholeAndNoByteIsLost() throws Exception {
    try (Vault vault = new Vault(new TokenMinter(new byte[32]), 10)) {
      String token = new String(vault.put(Category.SECRET, SECRET.getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.US_ASCII);
      String text = "use " + token + " and __TAKUMO_ not a token";
      for (int cut = 1; cut < text.length(); cut++) {
        ResponsesWebSocket.FramedRewrite framing = new ResponsesWebSocket.FramedRewrite();
        SseRehydrator rehydrator = new SseRehydrator(vault, framing);
        List<byte[]> out = new ArrayList<>();
        for (String m : List.of(delta(text.substring(0, cut)), delta(text.substring(cut)),
            "{\"type\":\"response.output_text.done\",\n \"text\":\"" + token + "\"}")) {
          framing.message(m.getBytes(StandardCharsets.UTF_8), rehydrator, out::add);
        }
        framing.end(rehydrator, out::add);
        StringBuilder deltas = new StringBuilder();
        String done = null;
        for (byte[] message : out) {
          JsonNode event = JSON.readTree(message); // every message is whole JSON
          if (event.get("type").asText().equals("response.output_text.delta")) {
            deltas.append(event.get("delta").asText());
          } else {
            done = event.get("text").asText();
          }
        }
        assertThat(deltas.toString()).as("cut at %d", cut).isEqualTo(text.replace(token, SECRET));
        assertThat(done).isEqualTo(SECRET);
      }
    }
  }

  @Test
  void onlyMessagesThatMayEndATurnAreParsed() {
    assertThat(ResponsesWebSocket.mayEndTurn(bytes("{\"type\":\"response.output_text.delta\",\"delta\":\"x\"}")))
        .isFalse();
    assertThat(ResponsesWebSocket.mayEndTurn(bytes("{\"type\":\"response.completed\",\"response\":{}}"))).isTrue();
    assertThat(ResponsesWebSocket.mayEndTurn(bytes("{\"delta\":\"x\",\"type\":\"response.output_text.delta\"}")))
        .isTrue(); // not type first: parsed
    assertThat(ResponsesWebSocket.topLevel(bytes("{\"input\":[{\"type\":\"x\"}],\"type\":\"error\",\"status\":429}")))
        .containsExactly("error", "429");
    assertThat(ResponsesWebSocket.topLevel(bytes("{\"type\":\"x\",\"type\":\"response.create\"}"))[0])
        .as("a duplicate type: the last counts, as the provider reads it").isEqualTo("response.create");
    assertThat(ResponsesWebSocket.topLevel(bytes("not json"))).containsExactly(null, null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
