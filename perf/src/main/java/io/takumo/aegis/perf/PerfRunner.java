package io.takumo.aegis.perf;

import io.gatling.app.Gatling$;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code make perf}: Gatling against the stub directly, nginx as the reference reverse proxy, the
 * gateway with tokenization off, and the full pipeline, in one run, each point repeated, rotated so
 * drift hits every target alike. The systems under test run as their own processes pinned to the
 * last core ({@code taskset}); this JVM (Gatling and the stub) is pinned to the others by the
 * Makefile. CPU per request of a system under test comes from {@code /proc/<pid>/stat} (its
 * processes' user + system time over the point, divided by the requests Gatling completed).
 * Writes {@code perf/results/latest.md}; Gatling's HTML reports stay under
 * {@code perf/target/gatling}.
 *
 * <p>Environment: {@code PERF_SECONDS} (8), {@code PERF_REPEATS} (3), {@code PERF_USERS} (16),
 * {@code PERF_WARMUP_SECONDS} (5, per system under test and scenario in each warm-up round; rounds
 * go on until the JIT settles, see {@link #warmUp}),
 * {@code PERF_GATEWAY_JAVA_OPTS} (extra JVM options of the gateways, {@code {mode}} → off/full),
 * {@code PERF_RATE} (open-model rate, 400/s), {@code PERF_LATENCY_SECONDS} (5 per path and repeat of the latency
 * tables, 0 skips them), {@code PERF_LATENCY_RATE} (their open-model rate, 3,000/s), {@code PERF_SCENARIOS} (all; {@code open:} runs a scenario in the open
 * model, {@code @N} with N connections, as {@code code-16k@64}; {@code code-*} are {@link CodePrompts}), {@code PERF_SUT_CPU}
 * (the core for the systems under test; default the last one), {@code PERF_HOLDBACK_STREAMS} (30
 * streams of 100 stamped SSE events per target for the event hold-back table; 0 skips it).
 */
public final class PerfRunner {
  static final long TICK_MICROS = 1_000_000 / clockTicks();

  /** The project root: Maven's exec:exec runs this from the module's directory. */
  /** The repository's root, whether Maven runs the harness from it or from {@code perf/}. */
  static final Path ROOT = Files.isDirectory(Path.of("proxy")) ? Path.of(".") : Path.of("..");

  /** What this JVM writes to standard output, for Gatling's summary (reset before each run). */
  private static final java.io.ByteArrayOutputStream CAPTURED = new java.io.ByteArrayOutputStream();

  private PerfRunner() {}

  record Target(String name, String baseUrl, @Nullable Process process, String key) {}

  /**
   * @param cpuTicks user + system clock ticks the system under test used in the point
   * @param jitTicks the part of them its JIT compiler threads used
   */
  record Point(double rps, double p50, double p99, double cpuMicrosPerRequest, long requests, long failed,
      long cpuTicks, long jitTicks) {
    double jitShare() {
      return cpuTicks == 0 ? 0 : (double) jitTicks / cpuTicks;
    }
  }

  /** Warm-up rounds after the first stop once the JIT compilers take less than this of the CPU. */
  static final double JIT_SETTLED = 0.02;
  static final int MAX_EXTRA_WARMUP_ROUNDS = 4;

  public static void main(String[] args) throws Exception {
    captureOutput();
    Map<String, String> env = System.getenv();
    int seconds = Integer.parseInt(env.getOrDefault("PERF_SECONDS", "8"));
    int repeats = Integer.parseInt(env.getOrDefault("PERF_REPEATS", "3"));
    int users = Integer.parseInt(env.getOrDefault("PERF_USERS", "16"));
    int rate = Integer.parseInt(env.getOrDefault("PERF_RATE", "400"));
    int cpus = onlineCpus(); // not availableProcessors(): this JVM is itself pinned
    String sutCpu = env.getOrDefault("PERF_SUT_CPU", Integer.toString(Math.max(0, cpus - 1)));
    List<String> scenarios = Arrays.asList(env.getOrDefault("PERF_SCENARIOS",
        "anthropic-1k,anthropic-16k,anthropic-256k,openai-16k,sse-100,tokenize-16k,open:anthropic-16k,"
            + "code-1k,code-16k,code-256k,code-16k@64,code-16k@256,conversation").split(","));
    Path work = Files.createDirectories(ROOT.resolve("perf/target/perf-run"));
    Path keysFile = work.resolve("keys.json");
    String key = freshKey(keysFile);

    List<Process> started = new ArrayList<>();
    try (PerfStub stub = new PerfStub(1)) {
      String stubUrl = "http://127.0.0.1:" + stub.port();
      List<Target> targets = new ArrayList<>();
      targets.add(new Target("direct to stub", stubUrl, null, ""));
      Target nginx = Nginx.start(work, stub.port(), sutCpu);
      if (nginx != null) {
        targets.add(nginx);
        started.add(nginx.process());
      }
      for (boolean tokenize : new boolean[] {false, true}) {
        Target gateway = startGateway(tokenize, stubUrl, keysFile, key, sutCpu, work);
        targets.add(gateway);
        started.add(gateway.process());
      }
      // The default access log (one JSON line per exchange, here to a file as a service's stderr goes),
      // against the same full pipeline without it, in the same run (issue 19).
      Target logged = startGateway("gateway, full pipeline, access log on", true, stubUrl, keysFile, key, sutCpu, work,
          List.of(), Map.of("TAKUMO_ACCESS_LOG", "INFO"));
      targets.add(logged);
      started.add(logged.process());
      if (scenarios.stream().anyMatch(spec -> scenario(spec).equals("conversation"))) {
        // The scan memo as the gateway runs by default, against the full pipeline scanning every string.
        Target memo = startGateway(MEMO_TARGET, true, stubUrl, keysFile, key, sutCpu, work, List.of(),
            Map.of("TAKUMO_SCAN_MEMO_BYTES", Long.toString(32L << 20)));
        targets.add(memo);
        started.add(memo.process());
      }
      int warmup = Integer.parseInt(env.getOrDefault("PERF_WARMUP_SECONDS", "5"));
      for (Target t : targets) {
        if (t.process() != null && warmup > 0) {
          warmUp(t, scenarios, users, warmup);
        }
      }
      Map<String, Map<String, List<Point>>> results = new LinkedHashMap<>();
      for (String spec : scenarios) {
        boolean open = spec.startsWith("open:");
        String scenario = scenario(spec);
        Map<String, List<Point>> byTarget = results.computeIfAbsent(spec, k -> new LinkedHashMap<>());
        for (int r = 0; r < repeats; r++) {
          for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get((i + r) % targets.size()); // rotate the order each repeat
            if (!serves(t, scenario)) {
              continue;
            }
            Point p = run(t, scenario, open ? 0 : users(spec, users), open ? rate : 0, seconds);
            byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(p);
            System.out.printf(Locale.ROOT, "%-20s %-28s %8.0f req/s p50 %6.2f ms p99 %6.2f ms cpu %7.1f us/req jit %4.1f%%%n",
                spec, t.name(), p.rps(), p.p50(), p.p99(), p.cpuMicrosPerRequest(), 100 * p.jitShare());
          }
        }
      }
      String report = report(results, seconds, repeats, users, rate, sutCpu, cpus);
      // Each system under test on its own core, unlike AddedLatency's in-process gateways.
      List<AddedLatency.HoldBackPath> paths = new ArrayList<>();
      for (Target t : targets) {
        if (t.name().equals(MEMO_TARGET)) {
          continue; // one stamped stream or prompt per request: nothing for the memo to find again
        }
        paths.add(new AddedLatency.HoldBackPath(t.name(), URI.create(t.baseUrl()).getPort(),
            "x-api-key: " + (t.key().isEmpty() ? "sk-ant-perf" : t.key())));
      }
      int holdBackStreams = Integer.parseInt(env.getOrDefault("PERF_HOLDBACK_STREAMS", "30"));
      if (holdBackStreams > 0) {
        String holdBack = AddedLatency.holdBack(holdBackStreams, paths);
        System.out.println(holdBack);
        report += "\n## sse hold-back (systems under test pinned to CPU " + sutCpu + ")\n\n" + holdBack;
      }
      int latencySeconds = Integer.parseInt(env.getOrDefault("PERF_LATENCY_SECONDS", "5"));
      if (latencySeconds > 0) { // issue 19's latency targets: 3,000 requests/s, and one connection
        int latencyRate = Integer.parseInt(env.getOrDefault("PERF_LATENCY_RATE", "3000"));
        StringBuilder latency = new StringBuilder();
        for (Object[] point : new Object[][] {
            {"anthropic-16k", AddedLatency.body(16 << 10, false), latencyRate, 16},
            {"code-16k", CodePrompts.messages(16 << 10, false), latencyRate, 16},
            {"anthropic-16k", AddedLatency.body(16 << 10, false), 500, 1}}) {
          String table = AddedLatency.openModel((String) point[0], (byte[]) point[1], (int) point[2], (int) point[3],
              latencySeconds, repeats, paths);
          System.out.println(table);
          latency.append(table).append('\n');
        }
        report += "\n## latency in the open model (systems under test pinned to CPU " + sutCpu + ")\n\n" + latency;
      }
      writeResult("latest.md", report);
    } finally {
      for (Process p : started) {
        p.destroy();
      }
    }
    // Gatling can leave a non-daemon scheduler thread behind (seen once in three runs): the run is
    // over and its results are written, so end the JVM rather than let make wait on it.
    System.exit(0);
  }

  /** A new key store at {@code keysFile} (any old one replaced) holding one test key with every scope: that key. */
  static String freshKey(Path keysFile) throws IOException {
    Files.deleteIfExists(keysFile);
    return FileKeyStore.open(keysFile).create("perf", "perf", KeyEnvironment.TEST, Scope.all(), null);
  }

  /** The scenario a spec names: {@code open:} (the open model) and {@code @N} (N connections) stripped. */
  static String scenario(String spec) {
    String s = spec.startsWith("open:") ? spec.substring(5) : spec;
    int at = s.indexOf('@');
    return at < 0 ? s : s.substring(0, at);
  }

  /** The connections of a closed-model spec: {@code code-16k@64} runs 64, a spec without {@code @} the default. */
  static int users(String spec, int defaultUsers) {
    int at = spec.indexOf('@');
    return at < 0 ? defaultUsers : Integer.parseInt(spec.substring(at + 1));
  }

  /** The gateway with the scan memo on; measured on the conversation scenario only. */
  static final String MEMO_TARGET = "gateway, full pipeline, scan memo on";

  /** Whether {@code t} runs {@code scenario}: the REST API is the gateway's own; the memo is for conversations. */
  private static boolean serves(Target t, String scenario) {
    if (t.name().equals(MEMO_TARGET)) {
      return scenario.equals("conversation");
    }
    return !scenario.startsWith("tokenize") || t.name().contains("full");
  }

  /**
   * Runs every scenario that will be measured against {@code t}, then rounds of all of them again
   * until the JIT compiler threads use under {@link #JIT_SETTLED} of the CPU of a round: a compile
   * inside a measured point is counted as CPU per request, and C2 shares the one core of the system
   * under test (seen at 6% of a relay point with a fixed 20 s warm-up).
   */
  private static void warmUp(Target t, List<String> scenarios, int users, int seconds) throws IOException {
    List<String> distinct = scenarios.stream().map(PerfRunner::scenario).filter(s -> serves(t, s)).distinct().toList();
    for (int round = 0; round <= MAX_EXTRA_WARMUP_ROUNDS; round++) {
      long cpu = 0;
      long jit = 0;
      for (String scenario : distinct) {
        Point p = run(t, scenario, users, 0, seconds);
        cpu += p.cpuTicks();
        jit += p.jitTicks();
      }
      double share = cpu == 0 ? 0 : (double) jit / cpu;
      System.out.printf(Locale.ROOT, "warm-up %s round %d: JIT %.1f%% of CPU%n", t.name(), round, 100 * share);
      if (round > 0 && share < JIT_SETTLED) {
        return;
      }
    }
  }

  /** Writes {@code report} to {@code perf/results/<file>} and prints it, with where it went. */
  static void writeResult(String file, CharSequence report) throws IOException {
    Path out = Files.createDirectories(ROOT.resolve("perf/results")).resolve(file);
    Files.writeString(out, report);
    System.out.println(report);
    System.out.println("written to " + out.normalize());
  }

  /** Keeps a copy of what this JVM prints, for Gatling's summary: call before the first run. */
  static void captureOutput() {
    System.setOut(new java.io.PrintStream(new Tee(System.out, CAPTURED), true, StandardCharsets.UTF_8));
  }

  /** One Gatling run against {@code t}; the SUT's CPU is read around it. */
  private static Point run(Target t, String scenario, int users, int rate, int seconds) throws IOException {
    return run(t, t.baseUrl(), "", scenario, users, rate, seconds);
  }

  /**
   * One Gatling run of {@code scenario} to {@code baseUrl} through the forward proxy {@code proxy} ({@code host:port};
   * empty: none), {@code t} being the system under test whose CPU is read around it.
   */
  static Point run(Target t, String baseUrl, String proxy, String scenario, int users, int rate, int seconds)
      throws IOException {
    System.setProperty("aegis.target", baseUrl);
    System.setProperty("aegis.proxy", proxy);
    System.setProperty("aegis.scenario", scenario);
    System.setProperty("aegis.key", t.key());
    System.setProperty("aegis.users", Integer.toString(users));
    System.setProperty("aegis.rate", Integer.toString(rate));
    System.setProperty("aegis.seconds", Integer.toString(seconds));
    Path results = Files.createDirectories(ROOT.resolve("perf/target/gatling"));
    long cpuBefore = t.process() == null ? 0 : cpuTicks(t.process().toHandle());
    long jitBefore = t.process() == null ? 0 : jitTicks(t.process().pid());
    // Gatling 3.15 keeps its statistics in the HTML report and the console summary: the summary is
    // read from the copy of standard output main() installed (Gatling keeps the stream it first saw).
    CAPTURED.reset();
    Gatling$.MODULE$.fromArgs(new String[] {"--simulation", RelaySimulation.class.getName(),
        "--results-folder", results.toString(), "--run-description", scenario + " / " + t.name()});
    System.out.flush();
    long cpuTicks = t.process() == null ? 0 : cpuTicks(t.process().toHandle()) - cpuBefore;
    long jit = t.process() == null ? 0 : jitTicks(t.process().pid()) - jitBefore;
    Map<String, double[]> summary = summary(CAPTURED.toString(StandardCharsets.UTF_8));
    double[] count = row(summary, "request count");
    long ok = (long) count[1];
    long ko = (long) count[2];
    double cpu = t.process() == null || ok + ko == 0 ? Double.NaN : (double) cpuTicks * TICK_MICROS / (ok + ko);
    return new Point(row(summary, "mean throughput (rps)")[0], row(summary, "response time 50th percentile (ms)")[0],
        row(summary, "response time 99th percentile (ms)")[0], cpu, ok, ko, cpuTicks, jit);
  }

  /** Writes to two streams. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    Tee(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }

  /**
   * The "Global Information" block of Gatling's console summary: each line's name and its
   * Total, OK and KO columns ({@code -} read as 0).
   */
  private static double[] row(Map<String, double[]> summary, String name) {
    double[] row = summary.get(name);
    if (row == null) {
      throw new IllegalStateException("Gatling's summary has no line '" + name + "'");
    }
    return row;
  }

  static Map<String, double[]> summary(String console) {
    int at = console.lastIndexOf("---- Global Information");
    if (at < 0) {
      throw new IllegalStateException("Gatling printed no summary");
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String line : console.substring(at).split("\n")) {
      if (!line.startsWith("> ") || line.indexOf('|') < 0) {
        continue;
      }
      String[] cells = line.substring(2).split("\\|");
      double[] values = new double[3];
      for (int i = 1; i < cells.length && i <= 3; i++) {
        String v = cells[i].trim().replace(",", "");
        values[i - 1] = v.isEmpty() || v.equals("-") ? 0 : Double.parseDouble(v);
      }
      out.put(cells[0].trim(), values);
    }
    return out;
  }

  private static Target startGateway(boolean tokenize, String stubUrl, Path keysFile, String key, String cpu, Path work)
      throws Exception {
    return startGateway(tokenize, stubUrl, keysFile, key, cpu, work, List.of());
  }

  static Target startGateway(boolean tokenize, String stubUrl, Path keysFile, String key, String cpu, Path work,
      List<String> jvmOptions) throws Exception {
    return startGateway(tokenize ? "gateway, full pipeline" : "gateway, tokenization off", tokenize, stubUrl, keysFile,
        key, cpu, work, jvmOptions, Map.of());
  }

  /**
   * A gateway process in a 512 MiB heap, pinned to {@code cpu}, its output in {@code work}; {@code env}
   * adds to the settings of a measurement run (with {@code TAKUMO_TLS_CERT} it serves HTTPS).
   */
  static Target startGateway(String name, boolean tokenize, String stubUrl, Path keysFile, String key, String cpu,
      Path work, List<String> jvmOptions, Map<String, String> env) throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of("taskset", "-c", cpu, java, "-Xms512m", "-Xmx512m"));
    command.addAll(jvmOptions);
    String extra = System.getenv("PERF_GATEWAY_JAVA_OPTS"); // a profiler, say
    if (extra != null && !extra.isBlank()) {
      command.addAll(Arrays.asList(extra.replace("{mode}", tokenize ? "full" : "off").trim().split("\\s+")));
    }
    command.addAll(List.of("-jar", ROOT.resolve("proxy/target/takumo-aegis.jar").toString(), "gateway", "--no-first-key"));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("TAKUMO_"));
    e.put("TAKUMO_LISTEN_ADDR", "127.0.0.1:" + port);
    e.put("TAKUMO_ENVIRONMENT", "test");
    e.put("TAKUMO_KEYS_FILE", keysFile.toString());
    String slug = name.replaceAll("[^a-z0-9]+", "-");
    Path audit = work.resolve("audit-" + slug + ".jsonl");
    Files.deleteIfExists(audit); // a run writes hundreds of MB of it
    e.put("TAKUMO_AUDIT_FILE", audit.toString());
    e.put("TAKUMO_ANTHROPIC_BASE_URL", stubUrl);
    e.put("TAKUMO_ANTHROPIC_API_KEY", "sk-ant-perf");
    e.put("TAKUMO_OPENAI_BASE_URL", stubUrl);
    e.put("TAKUMO_OPENAI_API_KEY", "sk-openai-perf");
    e.put("TAKUMO_RATE_LIMIT_ORG_RPM", "1000000000");
    e.put("TAKUMO_RATE_LIMIT_USER_RPM", "1000000000");
    e.put("TAKUMO_IO_THREADS", "1");
    // Every load generator connects from 127.0.0.1: the per-address cap would stop slow-stream runs at 256.
    e.put("TAKUMO_MAX_CONNECTIONS_PER_IP", "1000000");
    e.put("TAKUMO_ACCESS_LOG", "OFF");
    // Every request of a scenario carries the same body: with the scan memo its strings would be scanned once
    // per run, which measures the memo, not the scan (ShieldBenchmark.conversationTurn* measures the memo).
    e.put("TAKUMO_SCAN_MEMO_BYTES", "0");
    e.put("TAKUMO_TOKENIZE", tokenize ? "on" : "off");
    e.put("TAKUMO_TOKEN_KEY", "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    e.putAll(env);
    pb.redirectErrorStream(true).redirectOutput(work.resolve(slug + ".log").toFile());
    Process p = pb.start();
    boolean tls = env.containsKey("TAKUMO_TLS_CERT");
    String url = (tls ? "https" : "http") + "://127.0.0.1:" + port;
    if (tls) {
      Nginx.waitUp(port, p); // bound last: listening means started
    } else {
      waitReady(url + "/healthz", p);
    }
    return new Target(name, url, p, key);
  }

  static void waitReady(String url, Process p) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(url + ": the process exited with " + p.exitValue());
      }
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(100); // polling a process we do not control; nothing to wait on instead
    }
    throw new IllegalStateException(url + " did not answer within 60 s");
  }

  /** CPUs the machine has online, from {@code /sys} ({@code 0-1} → 2). */
  static int onlineCpus() {
    try {
      String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
      String last = online.substring(Math.max(online.lastIndexOf('-'), online.lastIndexOf(',')) + 1);
      return Integer.parseInt(last) + 1;
    } catch (IOException | RuntimeException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** User + system clock ticks of a process and its descendants (nginx's workers). */
  static long cpuTicks(ProcessHandle process) {
    long total = ticks(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      total += ticks(child.pid());
    }
    return total;
  }

  private static long ticks(long pid) {
    try {
      return statTicks(stat(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0; // the process is gone
    }
  }

  private static String stat(Path file) throws IOException {
    return String.join(" ", Files.readAllLines(file, StandardCharsets.US_ASCII));
  }

  /** utime + stime of a {@code /proc/…/stat} line (fields 14 and 15; the name before may hold spaces). */
  private static long statTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** User + system ticks of the JIT compiler threads of a JVM (0 for other processes). */
  static long jitTicks(long pid) {
    long total = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String stat = stat(task.resolve("stat"));
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
          total += statTicks(stat);
        }
      }
    } catch (IOException | RuntimeException e) {
      return total; // the process or a thread is gone
    }
    return total;
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      return Long.parseLong(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
    } catch (IOException | RuntimeException e) {
      return 100;
    }
  }

  private static String report(Map<String, Map<String, List<Point>>> results, int seconds, int repeats, int users,
      int rate, String sutCpu, int cpus) {
    StringBuilder sb = new StringBuilder();
    sb.append("# make perf — ").append(Instant.now()).append("\n\n");
    sb.append(String.format(Locale.ROOT, "%d cores; systems under test pinned to CPU %s, Gatling and the stub to the "
        + "rest. Each point: %d s, repeated %d times, targets rotated every repeat. Closed model: %d concurrent users "
        + "on a shared keep-alive pool; open model: %d new requests per second. Figures are medians of the repeats "
        + "(min–max in brackets). Latency is Gatling's, in whole milliseconds: sub-millisecond added latency at one "
        + "connection is in added-latency.md. CPU is the system under test's user + system time from /proc per "
        + "request (10 ms ticks over thousands of requests).%n%n", cpus, sutCpu, seconds, repeats, users, rate));
    for (Map.Entry<String, Map<String, List<Point>>> scenario : results.entrySet()) {
      sb.append("## ").append(scenario.getKey()).append("\n\n");
      sb.append("| target | req/s | p50 ms | p99 ms | CPU µs/request | CPU ratio to nginx | JIT % of CPU | failed |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      List<Point> nginx = scenario.getValue().get("nginx");
      double nginxCpu = nginx == null ? Double.NaN : median(nginx.stream().mapToDouble(Point::cpuMicrosPerRequest).toArray());
      for (Map.Entry<String, List<Point>> target : scenario.getValue().entrySet()) {
        List<Point> points = target.getValue();
        double[] rps = points.stream().mapToDouble(Point::rps).toArray();
        double[] cpu = points.stream().mapToDouble(Point::cpuMicrosPerRequest).toArray();
        double cpuMedian = median(cpu);
        double jit = median(points.stream().mapToDouble(Point::jitShare).toArray());
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %s | %s | %d |%n", target.getKey(),
            spread(rps, "%.0f"), median(points.stream().mapToDouble(Point::p50).toArray()),
            median(points.stream().mapToDouble(Point::p99).toArray()),
            Double.isNaN(cpuMedian) ? "—" : spread(cpu, "%.1f"),
            Double.isNaN(cpuMedian) || Double.isNaN(nginxCpu) ? "—" : String.format(Locale.ROOT, "%.2f", cpuMedian / nginxCpu),
            Double.isNaN(cpuMedian) || !target.getKey().startsWith("gateway") ? "—" : String.format(Locale.ROOT, "%.1f", 100 * jit),
            points.stream().mapToLong(Point::failed).sum()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String spread(double[] values, String format) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(sorted), sorted[0],
        sorted[sorted.length - 1]);
  }

  static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Each value with {@code decimals} decimals, for a report's "(runs)" column. */
  static List<String> rounded(List<Double> values, int decimals) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%." + decimals + "f", v)).toList();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
