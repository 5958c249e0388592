package io.takumo.aegis.shield;

import static io.takumo.aegis.shield.Samples.str;
import static io.takumo.aegis.shield.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.takumo.aegis.detect.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Answers streamed the way each provider streams, tokens cut into pieces of 1 to 7 characters. */
class SseRehydratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Planted(Vault vault, String withTokens, String withSecrets) {}

  /** A text holding each secret; the same text with the secrets' tokens. */
  private static Planted plant() {
    Vault vault = Samples.vault();
    StringBuilder tokens = new StringBuilder("Here is the file:\n");
    StringBuilder secrets = new StringBuilder("Here is the file:\n");
    String[] values = {Samples.AWS, Samples.PEM, Samples.PASSWORD, "naïve-ünïcode-密码", Samples.OPENAI};
    for (String value : values) {
      String token = str(vault.put(Category.SECRET, utf8(value)));
      tokens.append("key = ").append(token).append(";\n");
      secrets.append("key = ").append(value).append(";\n");
    }
    tokens.append("and an unknown __TAKUMO_v1_KEY_00000000__ stays, as does __TAKUMO_ and __x.");
    secrets.append("and an unknown __TAKUMO_v1_KEY_00000000__ stays, as does __TAKUMO_ and __x.");
    return new Planted(vault, tokens.toString(), secrets.toString());
  }

  private static List<String> pieces(String text, Random random) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int n = Math.min(text.length() - i, 1 + random.nextInt(7));
      if (Character.isHighSurrogate(text.charAt(i + n - 1)) && i + n < text.length()) {
        n++;
      }
      out.add(text.substring(i, i + n));
      i += n;
    }
    return out;
  }

  private static String event(String name, ObjectNode data) throws Exception {
    return (name == null ? "" : "event: " + name + "\n") + "data: " + JSON.writeValueAsString(data) + "\n\n";
  }

  /** Runs the stream through a rehydrator, cut into random chunks. */
  private static String rehydrate(String sse, Vault vault, Random random) {
    byte[] in = utf8(sse);
    ArrayRewrite out = new ArrayRewrite(in);
    SseRehydrator r = new SseRehydrator(vault, out);
    int from = 0;
    while (from < in.length) {
      int n = Math.min(in.length - from, 1 + random.nextInt(200));
      r.feed(in, from, n, false);
      from += n;
    }
    r.feed(in, from, 0, true);
    return str(out.toByteArray());
  }

  /** The concatenation of every event's piece that {@code pick} selects. */
  private static String collect(String sse, Function<JsonNode, String> pick) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (String line : sse.split("\n")) {
      if (line.startsWith("data: {")) {
        String piece = pick.apply(JSON.readTree(line.substring(6)));
        if (piece != null) {
          sb.append(piece);
        }
      }
    }
    return sb.toString();
  }

  @Test
  void anthropicTextAndThinkingDeltasGetTheirSecretsBack() throws Exception {
    for (long seed = 0; seed < 30; seed++) {
      Random random = new Random(seed);
      Planted p = plant();
      StringBuilder sse = new StringBuilder();
      sse.append(event("message_start", JSON.createObjectNode().put("type", "message_start")));
      sse.append(event("content_block_start", JSON.createObjectNode().put("type", "content_block_start").put("index", 0)));
      for (String piece : pieces(p.withTokens, random)) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        e.putObject("delta").put("type", "thinking_delta").put("thinking", piece);
        sse.append(event("content_block_delta", e));
        if (random.nextInt(10) == 0) {
          sse.append(event("ping", JSON.createObjectNode().put("type", "ping")));
        }
      }
      sse.append(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
      for (String piece : pieces(p.withTokens, random)) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", 1);
        e.putObject("delta").put("type", "text_delta").put("text", piece);
        sse.append(event("content_block_delta", e));
      }
      sse.append(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 1)));
      sse.append(event("message_stop", JSON.createObjectNode().put("type", "message_stop")));

      String out = rehydrate(sse.toString(), p.vault, random);
      assertThat(collect(out, n -> n.path("delta").path("thinking").textValue())).isEqualTo(p.withSecrets);
      assertThat(collect(out, n -> n.path("delta").path("text").textValue())).isEqualTo(p.withSecrets);
      assertThat(out).endsWith(event("message_stop", JSON.createObjectNode().put("type", "message_stop")));
      p.vault.close();
    }
  }

  @Test
  void anthropicToolInputJsonArrivesByteIdenticalAfterParsing() throws Exception {
    for (long seed = 0; seed < 30; seed++) {
      Random random = new Random(seed);
      Planted p = plant();
      String inputWithTokens = JSON.writeValueAsString(JSON.createObjectNode().put("file_path", "/app/.env").put("content", p.withTokens));
      StringBuilder sse = new StringBuilder();
      for (String piece : pieces(inputWithTokens, random)) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", 2);
        e.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
        sse.append(event("content_block_delta", e));
      }
      sse.append(event("content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 2)));
      String out = rehydrate(sse.toString(), p.vault, random);
      JsonNode input = JSON.readTree(collect(out, n -> n.path("delta").path("partial_json").textValue()));
      assertThat(input.get("content").textValue()).isEqualTo(p.withSecrets);
      p.vault.close();
    }
  }

  @Test
  void openAiChatContentAndToolCallArguments() throws Exception {
    for (long seed = 0; seed < 30; seed++) {
      Random random = new Random(seed);
      Planted p = plant();
      String args = JSON.writeValueAsString(JSON.createObjectNode().put("content", p.withTokens));
      StringBuilder sse = new StringBuilder();
      for (String piece : pieces(p.withTokens, random)) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
        sse.append(event(null, chunk));
      }
      for (String piece : pieces(args, random)) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-1");
        chunk.putArray("choices").addObject().put("index", 0).putObject("delta").putArray("tool_calls").addObject()
            .put("index", 0).putObject("function").put("arguments", piece);
        sse.append(event(null, chunk));
      }
      ObjectNode last = JSON.createObjectNode().put("id", "chatcmpl-1");
      last.putArray("choices").addObject().put("index", 0).put("finish_reason", "tool_calls").putObject("delta");
      sse.append(event(null, last)).append("data: [DONE]\n\n");

      String out = rehydrate(sse.toString(), p.vault, random);
      assertThat(collect(out, n -> n.path("choices").path(0).path("delta").path("content").textValue())).isEqualTo(p.withSecrets);
      String arguments = collect(out, n -> n.path("choices").path(0).path("delta").path("tool_calls").path(0).path("function").path("arguments").textValue());
      assertThat(JSON.readTree(arguments).get("content").textValue()).isEqualTo(p.withSecrets);
      assertThat(out).endsWith("data: [DONE]\n\n");
      p.vault.close();
    }
  }

  @Test
  void responsesApiDeltasAndDoneEvents() throws Exception {
    Random random = new Random(7);
    Planted p = plant();
    String args = JSON.writeValueAsString(JSON.createObjectNode().put("content", p.withTokens));
    StringBuilder sse = new StringBuilder();
    for (String piece : pieces(p.withTokens, random)) {
      sse.append(event("response.output_text.delta", JSON.createObjectNode().put("type", "response.output_text.delta")
          .put("output_index", 0).put("content_index", 0).put("delta", piece)));
    }
    sse.append(event("response.output_text.done", JSON.createObjectNode().put("type", "response.output_text.done")
        .put("output_index", 0).put("content_index", 0).put("text", p.withTokens)));
    for (String piece : pieces(args, random)) {
      sse.append(event("response.function_call_arguments.delta", JSON.createObjectNode()
          .put("type", "response.function_call_arguments.delta").put("output_index", 1).put("delta", piece)));
    }
    sse.append(event("response.function_call_arguments.done", JSON.createObjectNode()
        .put("type", "response.function_call_arguments.done").put("output_index", 1).put("arguments", args)));

    String out = rehydrate(sse.toString(), p.vault, random);
    assertThat(collect(out, n -> n.path("type").asText().equals("response.output_text.delta") ? n.path("delta").textValue() : null))
        .isEqualTo(p.withSecrets);
    assertThat(collect(out, n -> n.path("text").textValue())).isEqualTo(p.withSecrets);
    String streamedArgs = collect(out, n -> n.path("type").asText().endsWith("arguments.delta") ? n.path("delta").textValue() : null);
    assertThat(JSON.readTree(streamedArgs).get("content").textValue()).isEqualTo(p.withSecrets);
    assertThat(JSON.readTree(collect(out, n -> n.path("arguments").textValue())).get("content").textValue()).isEqualTo(p.withSecrets);
    p.vault.close();
  }

  @Test
  void googleStreamedPartsAndANonStreamingJsonAnswer() throws Exception {
    Random random = new Random(11);
    Planted p = plant();
    StringBuilder sse = new StringBuilder();
    for (String piece : pieces(p.withTokens, random)) {
      ObjectNode chunk = JSON.createObjectNode();
      chunk.putArray("candidates").addObject().put("index", 0).putObject("content").put("role", "model")
          .putArray("parts").addObject().put("text", piece);
      sse.append(event(null, chunk));
    }
    String out = rehydrate(sse.toString(), p.vault, random);
    assertThat(collect(out, n -> n.path("candidates").path(0).path("content").path("parts").path(0).path("text").textValue()))
        .isEqualTo(p.withSecrets);

    // Non-streaming answers: Anthropic tool_use input (an object) and OpenAI arguments (JSON in a string).
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    message.putArray("content").addObject().put("type", "tool_use").put("name", "Write").putObject("input").put("content", p.withTokens);
    ObjectNode completion = JSON.createObjectNode();
    completion.putArray("choices").addObject().putObject("message").putArray("tool_calls").addObject()
        .putObject("function").put("arguments", JSON.writeValueAsString(JSON.createObjectNode().put("content", p.withTokens)));
    for (int cut = 1; cut < 200; cut += 13) {
      byte[] raw = JSON.writeValueAsBytes(message);
      JsonNode m = JSON.readTree(feedInTwo(raw, cut, p.vault));
      assertThat(m.at("/content/0/input/content").textValue()).isEqualTo(p.withSecrets);
      raw = JSON.writeValueAsBytes(completion);
      JsonNode c = JSON.readTree(feedInTwo(raw, cut, p.vault));
      assertThat(JSON.readTree(c.at("/choices/0/message/tool_calls/0/function/arguments").textValue()).get("content").textValue())
          .isEqualTo(p.withSecrets);
    }
    p.vault.close();
  }

  private static byte[] feedInTwo(byte[] raw, int cut, Vault vault) {
    ArrayRewrite out = new ArrayRewrite(raw);
    Rehydrator r = new Rehydrator(vault, out, true);
    int c = Math.min(cut, raw.length);
    r.feed(raw, 0, c, false);
    r.feed(raw, c, raw.length - c, true);
    return out.toByteArray();
  }

  @Test
  void eventsWithoutTokensPassThroughUnchanged() throws Exception {
    try (Vault vault = Samples.vault()) {
      vault.put(Category.KEY, utf8(Samples.AWS));
      StringBuilder sse = new StringBuilder(": comment\n\n");
      for (String piece : pieces("plain text with snake_case and __dunder__ names", new Random(1))) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
        e.putObject("delta").put("type", "text_delta").put("text", piece);
        sse.append(event("content_block_delta", e));
      }
      sse.append("event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");
      String out = rehydrate(sse.toString(), vault, new Random(2));
      assertThat(collect(out, n -> n.path("delta").path("text").textValue()))
          .isEqualTo("plain text with snake_case and __dunder__ names");
      assertThat(out).startsWith(": comment\n\n").endsWith("event: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n");
    }
  }
}
