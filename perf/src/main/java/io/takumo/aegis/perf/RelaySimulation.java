package io.takumo.aegis.perf;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One point of {@code make perf}: a scenario against one target, as {@link PerfRunner} sets it up
 * through system properties ({@code aegis.target}, {@code aegis.scenario}, {@code aegis.key},
 * {@code aegis.users} for the closed model or {@code aegis.rate} for the open model,
 * {@code aegis.seconds}, and {@code aegis.proxy} ({@code host:port}) to send every request through that
 * forward proxy, CONNECT authenticated with the key).
 */
public class RelaySimulation extends Simulation {
  /** The conversation scenario's next conversation: each virtual user has one of its own, turn after turn. */
  private static final java.util.concurrent.atomic.AtomicLong NEXT_CONVERSATION = new java.util.concurrent.atomic.AtomicLong();

  /** The request bodies of each scenario, with 3 planted secrets (as the perf harness plants them). */
  static byte[] body(String scenario) {
    return switch (scenario) {
      case "anthropic-1k" -> AddedLatency.body(1 << 10, false);
      case "anthropic-16k" -> AddedLatency.body(16 << 10, false);
      case "anthropic-256k" -> AddedLatency.body(256 << 10, false);
      case "openai-16k" -> new String(AddedLatency.body(16 << 10, false), StandardCharsets.UTF_8)
          .replace("\"claude-sonnet-4-5\",\"max_tokens\":256,", "\"gpt-4o\",").getBytes(StandardCharsets.UTF_8);
      case "sse-100" -> AddedLatency.body(4 << 10, true);
      case "code-1k" -> CodePrompts.messages(1 << 10, false);
      case "code-16k" -> CodePrompts.messages(16 << 10, false);
      case "code-256k" -> CodePrompts.messages(256 << 10, false);
      case "tokenize-16k" -> {
        String text = new String(AddedLatency.body(16 << 10, false), StandardCharsets.UTF_8);
        String content = text.substring(text.indexOf("\"content\":\"") + 11, text.lastIndexOf("\"}]}"));
        yield ("{\"content\":\"" + content + "\",\"filename\":\"App.java\"}").getBytes(StandardCharsets.UTF_8);
      }
      default -> throw new IllegalArgumentException("scenario: " + scenario);
    };
  }

  static String path(String scenario) {
    return switch (scenario) {
      case "openai-16k" -> "/v1/chat/completions";
      case "tokenize-16k" -> "/v1/tokenize";
      default -> "/v1/messages";
    };
  }

  {
    String target = System.getProperty("aegis.target");
    String scenarioName = System.getProperty("aegis.scenario");
    String key = System.getProperty("aegis.key", "");
    int users = Integer.getInteger("aegis.users", 16);
    int rate = Integer.getInteger("aegis.rate", 0);
    Duration during = Duration.ofSeconds(Integer.getInteger("aegis.seconds", 8));

    HttpProtocolBuilder protocol = http.baseUrl(target)
        .contentTypeHeader("application/json")
        .header("anthropic-version", "2023-06-01")
        .header("x-api-key", key.isEmpty() ? "sk-perf-direct" : key)
        .shareConnections() // a keep-alive pool, as an SDK or a proxy in front holds
        .disableWarmUp();
    String proxy = System.getProperty("aegis.proxy", "");
    if (!proxy.isEmpty()) { // HTTPS_PROXY=http://perf:KEY@host:port, as a developer's machine sets it
      int colon = proxy.lastIndexOf(':');
      protocol = protocol.proxy(io.gatling.javaapi.http.HttpDsl.Proxy(proxy.substring(0, colon),
          Integer.parseInt(proxy.substring(colon + 1))).credentials("perf", key));
    }
    boolean conversation = scenarioName.equals("conversation");
    io.gatling.javaapi.core.Body body = conversation
        ? io.gatling.javaapi.core.CoreDsl.ByteArrayBody(session ->
            CodePrompts.conversationTurn(session.getLong("conversation") * CodePrompts.TURNS + session.getInt("turn")))
        : io.gatling.javaapi.core.CoreDsl.ByteArrayBody(body(scenarioName));
    ChainBuilder call = io.gatling.javaapi.core.CoreDsl.exec(http(scenarioName).post(path(scenarioName))
        .body(body).check(status().is(200)));
    // A conversation is one agent's: its turns one after another, each request resending the ones before.
    ScenarioBuilder scn = conversation
        ? scenario(scenarioName).exec(session -> session.set("conversation", NEXT_CONVERSATION.getAndIncrement()))
            .repeat(CodePrompts.TURNS, "turn").on(call)
        : scenario(scenarioName).exec(call);
    PopulationBuilder population = rate > 0
        ? scn.injectOpen(constantUsersPerSec(rate).during(during))
        : scn.injectClosed(constantConcurrentUsers(users).during(during));
    setUp(population).protocols(protocol);
  }
}
