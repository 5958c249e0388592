package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import io.takumo.aegis.testing.StubUpstream;
import io.takumo.aegis.testing.TestBodies;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product's promise end to end: the official SDKs send secrets through the gateway to an
 * echoing stub; the stub never sees one, the SDK gets every one back byte-identical.
 */
class TokenizationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
      + "aIHSS39WFrSKt1Y7LDQJSSgqrZ1sK5dw7qbdH3LgkDHYcUZ8m7Rwx4Jm4sxTMXo\n-----END RSA PRIVATE KEY-----";
  /** What must never reach the provider. */
  static final List<String> SECRETS = List.of("AKIAIOSFODNN7EXAMPLE",
      "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34", "s3cr3t-P4ss", "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn",
      "hunter2-\"quoted\\path");
  /** A file as a developer pastes it: every kind of secret, quotes, backslashes, non-ASCII. */
  static final String FILE = "# ünïcödé config — 密码\n"
      + "aws_key = \"AKIAIOSFODNN7EXAMPLE\"\n"
      + "client = OpenAI(api_key=\"sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34\")\n"
      + "DATABASE_URL=postgres://app:s3cr3t-P4ss@db.internal/app\n"
      + "password: 'hunter2-\"quoted\\path'\n"
      + PEM + "\n";
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.anthropic.behavior(StubUpstream.Behavior.normal());
    fixture.openai.behavior(StubUpstream.Behavior.normal());
  }

  static void assertProviderSawNoSecret(StubUpstream stub) {
    String seen = stub.lastRequest().bodyText();
    for (String secret : SECRETS) {
      assertThat(seen).as("the provider's copy of the request").doesNotContain(secret);
    }
    assertThat(seen).contains("__TAKUMO_v1_");
  }

  private static AnthropicClient anthropic() {
    return AnthropicOkHttpClient.builder().baseUrl(fixture.baseUrl()).apiKey(fixture.key).maxRetries(0).build();
  }

  private static OpenAIClient openai() {
    return OpenAIOkHttpClient.builder().baseUrl(fixture.baseUrl() + "/v1").apiKey(fixture.key).maxRetries(0).build();
  }

  private static MessageCreateParams.Builder anthropicParams() {
    return MessageCreateParams.builder().model(Model.of("claude-sonnet-4-5")).maxTokens(1024)
        .addUserMessage("Please review:\n" + FILE);
  }

  @Test
  void anthropicNonStreaming() {
    Message message = anthropic().messages().create(anthropicParams().build());
    assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Please review:\n" + FILE);
    assertProviderSawNoSecret(fixture.anthropic);
  }

  /**
   * An agent's next turn resends the whole conversation: its long strings come from the scan memo, not a
   * second scan, and the provider sees the same tokens as the first time; the new turn is scanned.
   */
  @Test
  void aConversationSentAgainIsTokenizedTheSameFromTheScanMemo() throws Exception {
    String history = ("Please review:\n" + FILE).repeat(3); // a string over ScanMemo.MIN_BYTES
    MessageCreateParams first = MessageCreateParams.builder().model(Model.of("claude-sonnet-4-5")).maxTokens(1024)
        .addUserMessage(history).build();
    long hitsBefore = scanMemoHits();
    anthropic().messages().create(first);
    String firstSeen = fixture.anthropic.lastRequest().bodyText();
    anthropic().messages().create(first);
    assertThat(fixture.anthropic.lastRequest().bodyText()).isEqualTo(firstSeen);
    assertProviderSawNoSecret(fixture.anthropic);
    assertThat(scanMemoHits()).isGreaterThan(hitsBefore);

    String newTurn = "And this one: " + SECRETS.get(0) + " " + "x".repeat(2048);
    Message answer = anthropic().messages().create(first.toBuilder().addAssistantMessage("Looks fine.")
        .addUserMessage(newTurn).build());
    assertThat(answer.content().get(0).text().orElseThrow().text()).isEqualTo(newTurn);
    assertProviderSawNoSecret(fixture.anthropic);
    assertThat(fixture.anthropic.lastRequest().bodyText()).contains(firstSeen.substring(firstSeen.indexOf("__TAKUMO_v1_"),
        firstSeen.indexOf("__TAKUMO_v1_") + 30)); // the history's first token again
  }

  private static long scanMemoHits() throws Exception {
    HttpResponse<String> scrape = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(fixture.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    return scrape.body().lines().filter(l -> l.startsWith("aegis_scan_memo_hits_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void anthropicStreamingTextInOneToSevenCharacterDeltas() {
    StringBuilder text = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(anthropicParams().build())) {
      stream.stream().forEach(e -> e.contentBlockDelta().flatMap(d -> d.delta().text()).ifPresent(t -> text.append(t.text())));
    }
    assertThat(text.toString()).isEqualTo("Please review:\n" + FILE);
    assertProviderSawNoSecret(fixture.anthropic);
  }

  @Test
  void claudeCodeToolRoundTripWritesTheRealFileAndTokenizesTheNextTurn() throws Exception {
    MessageCreateParams params = anthropicParams()
        .addTool(Tool.builder().name("Write").inputSchema(Tool.InputSchema.builder().build()).build()).build();
    StringBuilder partialJson = new StringBuilder();
    try (StreamResponse<RawMessageStreamEvent> stream = anthropic().messages().createStreaming(params)) {
      stream.stream().forEach(e -> e.contentBlockDelta().flatMap(d -> d.delta().inputJson())
          .ifPresent(j -> partialJson.append(j.partialJson())));
    }
    assertProviderSawNoSecret(fixture.anthropic);
    JsonNode input = JSON.readTree(partialJson.toString());
    Path written = fixture.dir().resolve("written.txt");
    Files.writeString(written, input.get("content").asText(), StandardCharsets.UTF_8);
    assertThat(Files.readAllBytes(written)).isEqualTo(("Please review:\n" + FILE).getBytes(StandardCharsets.UTF_8));

    // The next turn, as Claude Code sends it: the tool input and a tool_result carry the secrets again.
    ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 1024);
    body.putArray("tools").addObject().put("name", "Write").putObject("input_schema").put("type", "object");
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "user").put("content", "Please review:\n" + FILE);
    ObjectNode use = messages.addObject().put("role", "assistant").putArray("content").addObject()
        .put("type", "tool_use").put("id", "toolu_stub01").put("name", "Write");
    use.set("input", input);
    messages.addObject().put("role", "user").putArray("content").addObject().put("type", "tool_result")
        .put("tool_use_id", "toolu_stub01").put("content", "Wrote:\n" + FILE);
    HttpResponse<String> response = post("/v1/messages?beta=true", JSON.writeValueAsBytes(body), Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(fixture.anthropic.lastRequest().uri()).isEqualTo("/v1/messages?beta=true");
    assertProviderSawNoSecret(fixture.anthropic);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.at("/content/0/text").asText()).as("a tool's result is answered with text")
        .isEqualTo("Wrote:\n" + FILE);
  }

  @Test
  void openAiChatStreamingAndNonStreaming() {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o")
        .addUserMessage("Please review:\n" + FILE).build();
    ChatCompletion completion = openai().chat().completions().create(params);
    assertThat(completion.choices().get(0).message().content().orElseThrow()).isEqualTo("Please review:\n" + FILE);
    assertProviderSawNoSecret(fixture.openai);

    StringBuilder text = new StringBuilder();
    try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai().chat().completions().createStreaming(params)) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
    }
    assertThat(text.toString()).isEqualTo("Please review:\n" + FILE);
    assertProviderSawNoSecret(fixture.openai);
  }

  @Test
  void openAiToolCallArgumentsAreJsonInsideAStringEscapedTwice() throws Exception {
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o")
        .addUserMessage("Please review:\n" + FILE)
        .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("Write").build()).build())
        .build();
    ChatCompletion completion = openai().chat().completions().create(params);
    String arguments = completion.choices().get(0).message().toolCalls().orElseThrow().get(0).function().orElseThrow()
        .function().arguments();
    assertThat(JSON.readTree(arguments).get("content").asText()).isEqualTo("Please review:\n" + FILE);

    StringBuilder streamed = new StringBuilder();
    try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openai().chat().completions().createStreaming(params)) {
      stream.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().toolCalls().ifPresent(calls -> calls
          .forEach(call -> call.function().flatMap(f -> f.arguments()).ifPresent(streamed::append)))));
    }
    assertThat(JSON.readTree(streamed.toString()).get("content").asText()).isEqualTo("Please review:\n" + FILE);
    assertProviderSawNoSecret(fixture.openai);
  }

  @Test
  void aReplayedClaudeCodeRequestOf50KbAndAGzipBody() throws Exception {
    byte[] replay = claudeCodeRequest();
    assertThat(replay.length).isGreaterThan(45_000);
    HttpResponse<String> plain = post("/v1/messages?beta=true", replay, Map.of("anthropic-beta",
        "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14"));
    assertThat(plain.statusCode()).isEqualTo(200);
    assertProviderSawNoSecret(fixture.anthropic);
    assertThat(fixture.anthropic.lastRequest().header("anthropic-beta")).startsWith("claude-code-20250219");
    assertThat(plain.body()).contains("AKIAIOSFODNN7EXAMPLE");

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(replay);
    }
    HttpResponse<String> gzipped = post("/v1/messages?beta=true", gz.toByteArray(), Map.of("content-encoding", "gzip"));
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertProviderSawNoSecret(fixture.anthropic);
    assertThat(fixture.anthropic.lastRequest().header("content-encoding")).isNull();
    assertThat(JSON.readTree(fixture.anthropic.lastRequest().body()).path("model").asText()).isEqualTo("claude-sonnet-4-5");
    assertThat(gzipped.body()).isEqualTo(plain.body());
  }

  @Test
  void aThreeMibPromptOfLogLinesGzipped30To1IsDecodedAndForwardedWhole() throws Exception {
    ObjectNode request = JSON.createObjectNode().put("model", "claude-x").put("max_tokens", 16);
    request.putArray("messages").addObject().put("role", "user")
        .put("content", new String(TestBodies.logLines(3 << 20), StandardCharsets.UTF_8));
    byte[] json = JSON.writeValueAsBytes(request);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(json);
    }
    assertThat(json.length / gz.size()).isGreaterThanOrEqualTo(30);
    HttpResponse<String> answer = post("/v1/messages", gz.toByteArray(), Map.of("content-encoding", "gzip"));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(fixture.anthropic.lastRequest().bodyBytes()).isEqualTo(json.length);
    assertThat(fixture.anthropic.lastRequest().header("content-encoding")).isNull();
  }

  @Test
  void anUndecodableOrUnknownEncodingIsRefusedNotForwarded() throws Exception {
    int before = fixture.anthropic.requests().size();
    HttpResponse<String> broken = post("/v1/messages", "this is not gzip".getBytes(StandardCharsets.UTF_8),
        Map.of("content-encoding", "gzip"));
    assertThat(broken.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(broken.body()).at("/error/code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    HttpResponse<String> unknown = post("/v1/messages", "{}".getBytes(StandardCharsets.UTF_8),
        Map.of("content-encoding", "compress"));
    assertThat(unknown.statusCode()).isEqualTo(415);
    assertThat(fixture.anthropic.requests()).hasSize(before);
  }

  @Test
  void moreSecretsThanTheVaultHoldsIs413AndNothingIsAnswered() throws Exception {
    try (GatewayFixture small = GatewayFixture.start(b -> b.maxVaultEntries(2))) {
      byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("model", "claude-sonnet-4-5")
          .put("max_tokens", 10).set("messages", JSON.createArrayNode().add(JSON.createObjectNode()
              .put("role", "user").put("content", FILE))));
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(small.baseUrl() + "/v1/messages")).header("x-api-key", small.key)
          .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("more than 2 secrets")
          .doesNotContain("AKIA");
      assertThat(small.anthropic.requests()).isEmpty();
    }
  }

  @Test
  void aCompressedAnswerAndAProviderErrorAreRehydratedToo() throws Exception {
    fixture.anthropic.behavior(StubUpstream.Behavior.gzip());
    Message message = anthropic().messages().create(anthropicParams().build());
    assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Please review:\n" + FILE);
    assertThat(fixture.anthropic.lastRequest().header("accept-encoding")).isEqualTo("identity");
    assertProviderSawNoSecret(fixture.anthropic);

    fixture.anthropic.behavior(StubUpstream.Behavior.echoError(400));
    HttpResponse<String> error = post("/v1/messages", JSON.writeValueAsBytes(JSON.createObjectNode()
        .put("model", "claude-sonnet-4-5").put("max_tokens", 10).set("messages", JSON.createArrayNode()
            .add(JSON.createObjectNode().put("role", "user").put("content", FILE)))), Map.of());
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(error.body()).at("/error/message").asText()).isEqualTo("Cannot process: " + FILE);
    assertProviderSawNoSecret(fixture.anthropic);
  }

  /** About 50 KB in Claude Code's shape: system blocks, tool definitions, tool_result blocks. */
  static byte[] claudeCodeRequest() throws Exception {
    ObjectNode body = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 32000);
    ArrayNode system = body.putArray("system");
    system.addObject().put("type", "text").put("text", "You are Claude Code, Anthropic's official CLI for Claude.");
    system.addObject().put("type", "text").put("text", "Tone and style guidance. ".repeat(400))
        .putObject("cache_control").put("type", "ephemeral");
    ArrayNode tools = body.putArray("tools");
    for (String name : List.of("Task", "Bash", "Glob", "Grep", "Read", "Edit", "Write", "WebFetch", "TodoWrite")) {
      ObjectNode tool = tools.addObject().put("name", name).put("description", ("Use the " + name + " tool. ").repeat(60));
      ObjectNode schema = tool.putObject("input_schema").put("type", "object");
      schema.putObject("properties").putObject("file_path").put("type", "string").put("description", "absolute path");
    }
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text")
        .put("text", "<system-reminder>context</system-reminder>\nfix the config loader");
    ObjectNode read = messages.addObject().put("role", "assistant").putArray("content").addObject()
        .put("type", "tool_use").put("id", "toolu_01Read").put("name", "Read");
    read.putObject("input").put("file_path", "/repo/config/settings.py");
    ArrayNode result = messages.addObject().put("role", "user").putArray("content");
    result.addObject().put("type", "tool_result").put("tool_use_id", "toolu_01Read")
        .put("content", "     1\timport os\n" + "     2\tDEBUG = False\n".repeat(1200) + FILE);
    result.addObject().put("type", "text").put("text", "Now echo it: " + FILE);
    body.putObject("metadata").put("user_id", "user_0123456789abcdef_account__session_00000000");
    body.put("stream", false);
    return JSON.writeValueAsBytes(body);
  }

  static HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
    return post(fixture, path, body, headers);
  }

  static HttpResponse<String> post(GatewayFixture gateway, String path, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("x-api-key", gateway.key).header("anthropic-version", "2023-06-01")
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
