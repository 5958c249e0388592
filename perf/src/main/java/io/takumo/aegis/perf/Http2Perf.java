package io.takumo.aegis.perf;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/2 at the edge (issue 15), in one run so every ratio compares numbers taken side by side:
 *
 * <ul>
 *   <li>h2 over TLS, 16 KiB Anthropic requests, 4 connections × 16 streams (h2load): CPU per
 *       request of nginx ({@code http2 on}, same certificate), the gateway with tokenization off and
 *       with its full pipeline;
 *   <li>the full pipeline over HTTP/1.1 with keep-alive and TLS (64 connections, one request at a
 *       time each): h2 against h1 on the same gateway;
 *   <li>Rapid Reset: 100,000 streams opened and reset (as fast as one attacker goes, on as many
 *       connections as the reset limit makes it use) against 1,000 real requests, in gateway CPU;
 *       and the p99 of another client's requests (4 threads, HTTP/1.1) during the attack against
 *       its unloaded value.
 * </ul>
 *
 * <p>Systems under test are pinned to the last CPU, h2load and this JVM to the others. Results go
 * to {@code perf/results/http2.md}. {@code H2_REQUESTS} (default 20000) and {@code H2_REPEATS}
 * (default 3) override.
 */
public final class Http2Perf {
  private static final Pattern FINISHED = Pattern.compile("finished in ([0-9.]+)(m?s), ([0-9.]+) req/s");
  private static final Pattern REQUESTS = Pattern.compile("requests: (\\d+) total, \\d+ started, \\d+ done, (\\d+) succeeded, (\\d+) failed");

  private Http2Perf() {}

  /** One h2load run: requests per second and the system under test's CPU per request. */
  record Run(double rps, double cpuMicrosPerRequest, long succeeded, long failed) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int requests = Integer.parseInt(env.getOrDefault("H2_REQUESTS", "20000"));
    int repeats = Integer.parseInt(env.getOrDefault("H2_REPEATS", "3"));
    int cpus = PerfRunner.onlineCpus();
    String sutCpu = Integer.toString(Math.max(0, cpus - 1));
    String loadCpus = cpus > 1 ? "0-" + (cpus - 2) : "0";
    Path work = Files.createDirectories(PerfRunner.ROOT
        .resolve("perf/target/perf-h2"));
    Path cert = work.resolve("tls.crt");
    Path key = work.resolve("tls.key");
    X509Bundle leaf = selfSigned();
    Files.writeString(cert, leaf.getCertificatePathPEM());
    Files.writeString(key, leaf.getPrivateKeyPEM());
    Path body = work.resolve("anthropic-16k.json");
    Files.write(body, RelaySimulation.body("anthropic-16k"));
    Path keysFile = work.resolve("keys.json");
    String apiKey = PerfRunner.freshKey(keysFile);
    Map<String, String> tls = Map.of("TAKUMO_TLS_CERT", cert.toString(), "TAKUMO_TLS_KEY", key.toString());

    StringBuilder report = new StringBuilder();
    List<Process> started = new ArrayList<>();
    try (PerfStub stub = new PerfStub(1)) {
      String stubUrl = "http://127.0.0.1:" + stub.port();
      List<PerfRunner.Target> targets = new ArrayList<>();
      PerfRunner.Target nginx = Nginx.start(work, stub.port(), sutCpu, cert, key);
      if (nginx != null) {
        targets.add(nginx);
      }
      targets.add(PerfRunner.startGateway("gateway h2, tokenization off", false, stubUrl, keysFile, apiKey, sutCpu, work,
          List.of(), tls));
      targets.add(PerfRunner.startGateway("gateway h2, full pipeline", true, stubUrl, keysFile, apiKey, sutCpu, work,
          List.of(), tls));
      targets.forEach(t -> started.add(requireNonNull(t.process())));
      PerfRunner.Target full = targets.get(targets.size() - 1);

      Map<String, List<Run>> runs = new LinkedHashMap<>();
      // Warm-up: two rounds, then more (up to PerfRunner's bound) until the JIT compilers take under 2% of each
      // gateway's CPU in a round. With two rounds only, the first measured round of the h2 gateways still paid for
      // C2 (94-102 µs per request, against 56-82 in the rounds after it).
      for (int w = 0; w < 2 + PerfRunner.MAX_EXTRA_WARMUP_ROUNDS; w++) {
        boolean settled = true;
        for (PerfRunner.Target t : targets) {
          ProcessHandle sut = requireNonNull(t.process()).toHandle();
          long cpu = PerfRunner.cpuTicks(sut);
          long jit = PerfRunner.jitTicks(sut.pid());
          h2load(t, loadCpus, body, apiKey, requests, false);
          if (t.equals(full)) {
            h2load(full, loadCpus, body, apiKey, requests, true);
          }
          double share = (double) (PerfRunner.jitTicks(sut.pid()) - jit) / Math.max(1, PerfRunner.cpuTicks(sut) - cpu);
          System.out.printf(Locale.ROOT, "warm-up round %d, %s: JIT %.1f%% of CPU%n", w, t.name(), 100 * share);
          settled &= share < PerfRunner.JIT_SETTLED;
        }
        if (w >= 1 && settled) {
          break;
        }
      }
      for (int r = 0; r < repeats; r++) {
        for (PerfRunner.Target t : targets) {
          record(runs, t.name(), h2load(t, loadCpus, body, apiKey, requests, false));
        }
        record(runs, "gateway h1 keep-alive, full pipeline", h2load(full, loadCpus, body, apiKey, requests, true));
      }
      report.append(String.format(Locale.ROOT, "# HTTP/2 at the edge%n%n%d CPUs; systems under test pinned to CPU %s, "
          + "h2load (`-c 4 -m 16`, h1: `--h1 -c 64 -m 1`) to %s; %d requests of 16 KiB (`anthropic-16k`, 3 secrets) per "
          + "run, %d runs each, order as listed; CPU is user + system time from /proc per request; medians (min–max).%n%n"
          + "| target | req/s | CPU µs/request | × nginx h2 | failed |%n| --- | ---: | ---: | ---: | ---: |%n",
          cpus, sutCpu, loadCpus, requests, repeats));
      double nginxCpu = nginx == null ? Double.NaN : median(runs.getOrDefault(nginx.name(), List.of()), Run::cpuMicrosPerRequest);
      for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
        double cpu = median(e.getValue(), Run::cpuMicrosPerRequest);
        report.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f (%.1f–%.1f) | %s | %d |%n", e.getKey(),
            median(e.getValue(), Run::rps), cpu, min(e.getValue(), Run::cpuMicrosPerRequest),
            max(e.getValue(), Run::cpuMicrosPerRequest),
            Double.isNaN(nginxCpu) ? "—" : String.format(Locale.ROOT, "%.2f", cpu / nginxCpu),
            e.getValue().stream().mapToLong(Run::failed).sum()));
      }
      double h1 = median(runs.getOrDefault("gateway h1 keep-alive, full pipeline", List.of()), Run::cpuMicrosPerRequest);
      double h2 = median(runs.getOrDefault(full.name(), List.of()), Run::cpuMicrosPerRequest);
      report.append(String.format(Locale.ROOT, "%nh2 ÷ h1 CPU per request through the full pipeline: %.2f%n", h2 / h1));
      System.out.print(report);

      report.append(rapidReset(stubUrl, keysFile, apiKey, sutCpu, loadCpus, work, body, started, requests));
    } finally {
      for (Process p : started) {
        p.destroy();
      }
    }
    PerfRunner.writeResult("http2.md", report);
  }

  private static void record(Map<String, List<Run>> runs, String name, Run run) {
    runs.computeIfAbsent(name, k -> new ArrayList<>()).add(run);
    System.out.printf(Locale.ROOT, "%-40s %8.0f req/s %7.1f us/req failed %d%n", name, run.rps(),
        run.cpuMicrosPerRequest(), run.failed());
  }

  /** The Rapid Reset rows: its CPU against real requests', and a bystander's p99 during it. */
  private static String rapidReset(String stubUrl, Path keysFile, String apiKey, String sutCpu, String loadCpus,
      Path work, Path body, List<Process> started, int warmUp) throws Exception {
    PerfRunner.Target h2c = PerfRunner.startGateway("gateway h2c, full pipeline", true, stubUrl, keysFile, apiKey,
        sutCpu, work, List.of(), Map.of());
    started.add(requireNonNull(h2c.process()));
    ProcessHandle gateway = requireNonNull(h2c.process()).toHandle();
    for (int w = 0; w < 2; w++) { // warm-up
      h2load(h2c, loadCpus, body, apiKey, warmUp, false);
      resets(h2c, apiKey, 20_000, 300);
    }
    long before = PerfRunner.cpuTicks(gateway);
    Run real = h2load(h2c, loadCpus, body, apiKey, 1000, false);
    long realTicks = PerfRunner.cpuTicks(gateway) - before;
    before = PerfRunner.cpuTicks(gateway);
    resets(h2c, apiKey, 100_000, 100_000);
    long oneConnectionTicks = PerfRunner.cpuTicks(gateway) - before;
    before = PerfRunner.cpuTicks(gateway);
    int connections = resets(h2c, apiKey, 100_000, 300);
    long resetTicks = PerfRunner.cpuTicks(gateway) - before;

    double unloaded = bystanderP99(h2c, apiKey, body, null);
    AtomicBoolean attacking = new AtomicBoolean(true);
    CompletableFuture<Void> attack = CompletableFuture.runAsync(() -> {
      while (attacking.get()) {
        try {
          resets(h2c, apiKey, 5_000, 300);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    });
    double attacked = bystanderP99(h2c, apiKey, body, attacking);
    attack.join();
    long tick = PerfRunner.TICK_MICROS;
    return String.format(Locale.ROOT, "%n## Rapid Reset (h2c, full pipeline, default limits: 200 resets per 30 s, then "
        + "GOAWAY ENHANCE_YOUR_CALM)%n%n| load | gateway CPU | ÷ 1,000 requests |%n| --- | ---: | ---: |%n"
        + "| 1,000 real requests (16 KiB, h2load -c 4 -m 16; %d succeeded) | %d ms (%.0f µs/request) | 1 |%n"
        + "| 100,000 streams opened and reset on one connection (cut at the limit) | %d ms | %.3f |%n"
        + "| 100,000 streams opened and reset, reconnecting (%d connections, 300 each) | %d ms (%.1f µs/reset) | %.2f |%n%n"
        + "A bystander (4 threads, HTTP/1.1 keep-alive, 16 KiB requests one after another): p99 %.2f ms alone, %.2f ms "
        + "while one attacker resets streams without pause, reconnecting (%.2f×).%n",
        real.succeeded(), realTicks * tick / 1000, (double) realTicks * tick / 1000,
        oneConnectionTicks * tick / 1000, (double) oneConnectionTicks / realTicks,
        connections, resetTicks * tick / 1000, (double) resetTicks * tick / 100_000, (double) resetTicks / realTicks,
        unloaded, attacked, attacked / unloaded);
  }

  /**
   * Opens streams and resets them at once, each a whole authenticated request head, {@code total}
   * in all, {@code perConnection} per connection (past the limit the gateway cuts the connection and
   * the rest of its frames go nowhere; the attacker opens the next). Returns the connections used.
   */
  static int resets(PerfRunner.Target target, String apiKey, int total, int perConnection) throws IOException {
    int port = URI.create(target.baseUrl()).getPort();
    int connections = 0;
    for (int sent = 0; sent < total; sent += perConnection) {
      connections++;
      DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
      ByteArrayOutputStream attack = new ByteArrayOutputStream();
      attack.writeBytes(ByteBufUtil.getBytes(Http2CodecUtil.connectionPrefaceBuf()));
      attack.writeBytes(frame(0x4, 0, 0, new byte[0]));
      for (int i = 0; i < Math.min(perConnection, total - sent); i++) {
        int stream = 2 * i + 1;
        Http2Headers headers = new DefaultHttp2Headers().method("POST").scheme("http").path("/v1/messages")
            .authority("127.0.0.1").add("x-api-key", apiKey).add("content-type", "application/json");
        ByteBuf block = Unpooled.buffer();
        try {
          encoder.encodeHeaders(stream, headers, block);
          attack.writeBytes(frame(0x1, 0x4, stream, ByteBufUtil.getBytes(block)));
        } catch (Http2Exception e) {
          throw new IOException(e);
        } finally {
          block.release();
        }
        attack.writeBytes(frame(0x3, 0, stream, ByteBuffer.allocate(4).putInt(0x8).array()));
      }
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        try {
          out.write(attack.toByteArray());
          out.flush();
        } catch (IOException cutShort) {
          // the gateway hung up mid-attack: what it should do
        }
        InputStream in = socket.getInputStream();
        try {
          while (in.read(new byte[8192]) >= 0) {
            // to the gateway's GOAWAY and close
          }
        } catch (IOException reset) {
          // closed under us
        }
      }
    }
    return connections;
  }

  private static byte[] frame(int type, int flags, int stream, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
    b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
    b.put((byte) type).put((byte) flags).putInt(stream).put(payload);
    return b.array();
  }

  /**
   * The p99 latency of 4 threads sending 16 KiB requests one after another over HTTP/1.1 for 10 s
   * (until {@code during} turns false, when given: it is then turned false at the end).
   */
  private static double bystanderP99(PerfRunner.Target target, String apiKey, Path body, @Nullable AtomicBoolean during)
      throws Exception {
    byte[] bytes = Files.readAllBytes(body);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/v1/messages"))
        .header("x-api-key", apiKey).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    long end = System.nanoTime() + 10_000_000_000L;
    List<CompletableFuture<List<Long>>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(CompletableFuture.supplyAsync(() -> {
        List<Long> latencies = new ArrayList<>();
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
              throw new IllegalStateException("bystander got " + response.statusCode());
            }
          } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
          }
          latencies.add(System.nanoTime() - start);
        }
        return latencies;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (CompletableFuture<List<Long>> thread : threads) {
      all.addAll(thread.get());
    }
    if (during != null) {
      during.set(false);
    }
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
  }

  /** One h2load run against {@code target}, h2 (4 × 16 streams) or HTTP/1.1 (64 connections). */
  private static Run h2load(PerfRunner.Target target, String cpus, Path body, String apiKey, int requests, boolean h1)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus, "h2load", "-n", Integer.toString(requests),
        "-t", "1", "-d", body.toString(), "-H", "content-type: application/json",
        "-H", "anthropic-version: 2023-06-01", "-H", "x-api-key: " + (target.key().isEmpty() ? "sk-ant-perf" : apiKey)));
    command.addAll(h1 ? List.of("--h1", "-c", "64", "-m", "1") : List.of("-c", "4", "-m", "16"));
    command.add(target.baseUrl() + "/v1/messages");
    ProcessHandle sut = requireNonNull(target.process(), "a process to measure").toHandle();
    long before = PerfRunner.cpuTicks(sut);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    long ticks = PerfRunner.cpuTicks(sut) - before;
    Matcher finished = FINISHED.matcher(output);
    Matcher counts = REQUESTS.matcher(output);
    if (!finished.find() || !counts.find()) {
      throw new IllegalStateException("h2load said: " + output);
    }
    long succeeded = Long.parseLong(counts.group(2));
    long failed = Long.parseLong(counts.group(3));
    double micros = (double) ticks * PerfRunner.TICK_MICROS / Math.max(1, succeeded + failed);
    return new Run(Double.parseDouble(finished.group(3)), micros, succeeded, failed);
  }

  /** A certificate for localhost from a throwaway CA (h2load does not verify it). */
  static X509Bundle selfSigned() throws Exception {
    Instant now = Instant.now();
    X509Bundle ca = new CertificateBuilder().subject("CN=Aegis perf CA").setIsCertificateAuthority(true)
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(7, ChronoUnit.DAYS)).ecp256().buildSelfSigned();
    return new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost").addSanIpAddress("127.0.0.1")
        .notBefore(now.minus(1, ChronoUnit.DAYS)).notAfter(now.plus(7, ChronoUnit.DAYS)).ecp256().buildIssuedBy(ca);
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    double[] v = runs.stream().mapToDouble(value).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double min(List<Run> runs, ToDoubleFunction<Run> value) {
    return runs.stream().mapToDouble(value).min().orElse(Double.NaN);
  }

  private static double max(List<Run> runs, ToDoubleFunction<Run> value) {
    return runs.stream().mapToDouble(value).max().orElse(Double.NaN);
  }
}
