package io.takumo.aegis.perf;

import static io.takumo.aegis.perf.PerfRunner.median;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code make perf-io-threads}: the default I/O thread count (issue 19). Gateways with the default settings (full
 * pipeline, access log on) but for {@code TAKUMO_IO_THREADS} = 1, the cores and twice the cores, each allowed on
 * every core as a deployment runs it (the load generator shares them: this measures the machine as a whole),
 * Gatling with the code-heavy 16 KiB prompt at {@code IO_USERS} connections (default 64), {@code IO_SECONDS}
 * (8) per run, {@code IO_REPEATS} (3) runs rotated after a warm-up. Report in
 * {@code perf/results/io-threads.md}.
 */
public final class IoThreadsPerf {
  private IoThreadsPerf() {}

  public static void main(String[] args) throws Exception {
    PerfRunner.captureOutput();
    Map<String, String> env = System.getenv();
    int seconds = Integer.parseInt(env.getOrDefault("IO_SECONDS", "8"));
    int repeats = Integer.parseInt(env.getOrDefault("IO_REPEATS", "3"));
    int users = Integer.parseInt(env.getOrDefault("IO_USERS", "64"));
    int cpus = PerfRunner.onlineCpus();
    String allCpus = "0-" + (cpus - 1);
    Path work = Files.createDirectories(PerfRunner.ROOT.resolve("perf/target/perf-io-threads"));
    Path keysFile = work.resolve("keys.json");
    String key = PerfRunner.freshKey(keysFile);
    String scenario = "code-16k";
    StringBuilder report = new StringBuilder();
    List<Process> started = new ArrayList<>();
    try (PerfStub stub = new PerfStub(1)) {
      String stubUrl = "http://127.0.0.1:" + stub.port();
      List<PerfRunner.Target> targets = new ArrayList<>();
      for (int threads : new int[] {1, cpus, 2 * cpus}) {
        PerfRunner.Target t = PerfRunner.startGateway(threads + " I/O thread" + (threads == 1 ? "" : "s"), true, stubUrl,
            keysFile, key, allCpus, work, List.of(), Map.of("TAKUMO_IO_THREADS", Integer.toString(threads),
                "TAKUMO_ACCESS_LOG", "INFO"));
        targets.add(t);
        started.add(java.util.Objects.requireNonNull(t.process()));
      }
      for (PerfRunner.Target t : targets) { // warm-up: the JIT first
        PerfRunner.run(t, t.baseUrl(), "", scenario, users, 0, seconds);
      }
      Map<String, List<PerfRunner.Point>> points = new LinkedHashMap<>();
      for (int r = 0; r < repeats; r++) {
        for (int i = 0; i < targets.size(); i++) {
          PerfRunner.Target t = targets.get((i + r) % targets.size());
          points.computeIfAbsent(t.name(), k -> new ArrayList<>())
              .add(PerfRunner.run(t, t.baseUrl(), "", scenario, users, 0, seconds));
        }
      }
      report.append(String.format(Locale.ROOT, "# I/O threads%n%n%d CPUs; each gateway (full pipeline, access log "
          + "on) may run on CPUs %s, as Gatling and the stub may; Gatling, `%s`, %d connections, %d s per run, %d "
          + "runs rotated after a warm-up; medians (runs in brackets).%n%n| gateway | req/s | p50 ms | p99 ms | CPU "
          + "µs/request |%n| --- | ---: | ---: | ---: | ---: |%n", cpus, allCpus, scenario, users, seconds, repeats));
      for (PerfRunner.Target t : targets) {
        List<PerfRunner.Point> runs = java.util.Objects.requireNonNull(points.get(t.name()));
        report.append(String.format(Locale.ROOT, "| %s | %.0f %s | %.2f | %.2f | %.1f %s |%n", t.name(),
            median(runs.stream().map(PerfRunner.Point::rps).toList()),
            runs.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.rps())).toList(),
            median(runs.stream().map(PerfRunner.Point::p50).toList()),
            median(runs.stream().map(PerfRunner.Point::p99).toList()),
            median(runs.stream().map(PerfRunner.Point::cpuMicrosPerRequest).toList()),
            runs.stream().map(p -> String.format(Locale.ROOT, "%.0f", p.cpuMicrosPerRequest())).toList()));
      }
    } finally {
      for (Process p : started) {
        p.destroy();
      }
    }
    Path out = PerfRunner.ROOT.resolve("perf/results/io-threads.md");
    Files.writeString(out, report.toString());
    System.out.print(report);
    System.out.println("written to " + out);
    System.exit(0);
  }
}
