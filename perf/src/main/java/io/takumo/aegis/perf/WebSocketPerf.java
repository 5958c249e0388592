package io.takumo.aegis.perf;

import static io.takumo.aegis.perf.PerfRunner.median;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * {@code make perf-ws}: the gateway's CPU per Responses turn over a WebSocket next to the same turn over HTTP
 * with SSE, in one run on one gateway (full pipeline, pinned to the last CPU; the stub and the clients on the
 * others). A turn is a {@code response.create} with a 16 KiB code-heavy prompt (three secrets) answered with
 * 100 {@code response.output_text.delta} events and {@code response.completed}. {@code WS_CLIENTS} clients
 * (default 8), each with its connection, run turns back to back for {@code WS_SECONDS} (default 8) per run,
 * {@code WS_REPEATS} (default 5) runs interleaved after two warm-up rounds; medians. Report in
 * {@code perf/results/websocket.md}.
 */
public final class WebSocketPerf {
  private WebSocketPerf() {}

  public static void main(String[] args) throws Exception {
    PerfRunner.captureOutput();
    Map<String, String> env = System.getenv();
    int seconds = Integer.parseInt(env.getOrDefault("WS_SECONDS", "8"));
    int repeats = Integer.parseInt(env.getOrDefault("WS_REPEATS", "5"));
    int clients = Integer.parseInt(env.getOrDefault("WS_CLIENTS", "8"));
    String sutCpu = Integer.toString(Math.max(0, PerfRunner.onlineCpus() - 1));
    Path work = Files.createDirectories(PerfRunner.ROOT.resolve("perf/target/perf-ws"));
    Path keysFile = work.resolve("keys.json");
    String key = PerfRunner.freshKey(keysFile);
    String prompt = new String(JsonStringEncoder.getInstance().quoteAsString(CodePrompts.code(15 << 10, 16 << 10)));
    String fields = "\"model\":\"gpt-5-codex\",\"instructions\":\"You are a coding agent.\",\"stream\":true,"
        + "\"store\":false,\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\","
        + "\"text\":\"" + prompt + "\"}]}]";
    String sseBody = "{" + fields + "}";
    String wsMessage = "{\"type\":\"response.create\"," + fields + "}";

    StringBuilder report = new StringBuilder();
    try (PerfStub stub = new PerfStub(1)) {
      PerfRunner.Target gateway = PerfRunner.startGateway(true, "http://127.0.0.1:" + stub.port(), keysFile, key, sutCpu,
          work, List.of());
      Process process = java.util.Objects.requireNonNull(gateway.process());
      try {
        List<double[]> sse = new ArrayList<>();
        List<double[]> ws = new ArrayList<>();
        for (int r = -2; r < repeats; r++) { // rounds below 0: warm-up
          double[] s = run(gateway, process, clients, seconds, false, sseBody, key);
          double[] w = run(gateway, process, clients, seconds, true, wsMessage, key);
          if (r >= 0) {
            sse.add(s);
            ws.add(w);
          }
        }
        double sseCpu = median(sse.stream().map(x -> x[1]).toList());
        double wsCpu = median(ws.stream().map(x -> x[1]).toList());
        report.append(String.format(Locale.ROOT, "# Responses over WebSocket against HTTP + SSE%n%n"
            + "One gateway (full pipeline, access log off, 1 I/O thread) pinned to CPU %s; %d clients, each on its own "
            + "connection, turns back to back; a turn is a `response.create` with a 16 KiB code-heavy prompt (3 "
            + "secrets) answered with 100 `response.output_text.delta` events and `response.completed`; %d s per run, "
            + "%d runs interleaved after 2 warm-up rounds; medians (runs in brackets). CPU = the gateway's user + "
            + "system time per turn.%n%n| transport | turns/s | CPU µs per turn |%n| --- | ---: | ---: |%n",
            sutCpu, clients, seconds, repeats));
        report.append(row("HTTP/1.1 + SSE (`POST /v1/responses`)", sse));
        report.append(row("WebSocket (`GET /v1/responses`, one message per turn)", ws));
        report.append(String.format(Locale.ROOT, "%nWebSocket ÷ SSE, CPU per turn: %.2f%n", wsCpu / sseCpu));
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Path out = PerfRunner.ROOT.resolve("perf/results/websocket.md");
    Files.writeString(out, report.toString());
    System.out.print(report);
    System.out.println("written to " + out);
    System.exit(0);
  }

  private static String row(String name, List<double[]> runs) {
    return String.format(Locale.ROOT, "| %s | %.0f | %.1f %s |%n", name, median(runs.stream().map(x -> x[0]).toList()),
        median(runs.stream().map(x -> x[1]).toList()),
        runs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x[1])).toList());
  }

  /** One run: {turns per second, gateway CPU µs per turn}. */
  private static double[] run(PerfRunner.Target gateway, Process process, int clients, int seconds, boolean webSocket,
      String payload, String key) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<Future<Long>> done = new ArrayList<>();
    long ticks = PerfRunner.cpuTicks(process.toHandle());
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> webSocket ? wsTurns(http, gateway, payload, key, stop) : sseTurns(http, gateway,
          payload, key, stop)));
    }
    Thread.sleep(seconds * 1000L); // the measured interval: clients run until it ends
    stop.set(true);
    long turns = 0;
    for (Future<Long> f : done) {
      turns += f.get(60, TimeUnit.SECONDS);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long used = PerfRunner.cpuTicks(process.toHandle()) - ticks;
    pool.shutdown();
    return new double[] {turns / elapsed, (double) used * PerfRunner.TICK_MICROS / turns};
  }

  private static long sseTurns(HttpClient http, PerfRunner.Target gateway, String body, String key, AtomicBoolean stop)
      throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/responses"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long turns = 0;
    while (!stop.get()) {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200 || !answer.body().contains("response.completed")) {
        throw new IllegalStateException("SSE turn failed: " + answer.statusCode());
      }
      turns++;
    }
    return turns;
  }

  private static long wsTurns(HttpClient http, PerfRunner.Target gateway, String message, String key,
      AtomicBoolean stop) throws Exception {
    Turns listener = new Turns();
    WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + key)
        .buildAsync(URI.create(gateway.baseUrl().replace("http://", "ws://") + "/v1/responses"), listener).join();
    long turns = 0;
    while (!stop.get()) {
      CompletableFuture<Void> completed = listener.next();
      ws.sendText(message, true).join();
      completed.get(30, TimeUnit.SECONDS);
      turns++;
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    return turns;
  }

  /** Completes the current turn's future at {@code response.completed}. */
  private static final class Turns implements WebSocket.Listener {
    private volatile CompletableFuture<Void> turn = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    CompletableFuture<Void> next() {
      turn = new CompletableFuture<>();
      return turn;
    }

    @Override
    public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        if (partial.indexOf("\"response.completed\"") >= 0) {
          turn.complete(null);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
