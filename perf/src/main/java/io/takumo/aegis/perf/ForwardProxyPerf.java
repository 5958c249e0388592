package io.takumo.aegis.perf;

import static io.takumo.aegis.perf.PerfRunner.median;
import static io.takumo.aegis.perf.PerfRunner.rounded;

import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * {@code make perf-proxy}: the forward proxy's costs (issue 14), each against its baseline in the same run.
 *
 * <ul>
 *   <li>CPU per 16 KiB Anthropic request (full pipeline) inside an intercepted tunnel, against the same request on
 *       the base-URL path over TLS: Gatling as the client (through the proxy with CONNECT and Basic credentials, as
 *       {@code HTTPS_PROXY=http://perf:KEY@host:port} makes a tool do), 16 users on a keep-alive pool; both paths
 *       terminate TLS; each gateway pinned alone to the last CPU.
 *   <li>Passthrough throughput: 256 MiB through a tunnel to a loopback sink, against the same stream sent directly
 *       and through nginx's stream module (a byte relay in C, pinned like the gateway).
 * </ul>
 */
public final class ForwardProxyPerf {
  private static final int CALLERS = 16;
  private static final String SCENARIO = "anthropic-16k";

  private ForwardProxyPerf() {}

  public static void main(String[] args) throws Exception {
    PerfRunner.captureOutput();
    Map<String, String> env = System.getenv();
    int seconds = Integer.parseInt(env.getOrDefault("PROXY_SECONDS", "8"));
    int repeats = Integer.parseInt(env.getOrDefault("PROXY_REPEATS", "5"));
    int cpus = PerfRunner.onlineCpus();
    String sutCpu = Integer.toString(Math.max(0, cpus - 1));
    Path work = Files.createDirectories(PerfRunner.ROOT
        .resolve("perf/target/perf-proxy"));
    Path cert = work.resolve("tls.crt");
    Path key = work.resolve("tls.key");
    X509Bundle leaf = Http2Perf.selfSigned();
    Files.writeString(cert, leaf.getCertificatePathPEM());
    Files.writeString(key, leaf.getPrivateKeyPEM());
    Path keysFile = work.resolve("keys.json");
    String apiKey = PerfRunner.freshKey(keysFile);

    StringBuilder report = new StringBuilder();
    List<Process> started = new ArrayList<>();
    try (PerfStub stub = new PerfStub(1); ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String stubUrl = "http://127.0.0.1:" + stub.port();
      PerfRunner.Target edge = PerfRunner.startGateway("base URL over TLS", true, stubUrl, keysFile, apiKey, sutCpu, work,
          List.of(), Map.of("TAKUMO_TLS_CERT", cert.toString(), "TAKUMO_TLS_KEY", key.toString()));
      started.add(java.util.Objects.requireNonNull(edge.process()));
      PerfRunner.Target proxy = PerfRunner.startGateway("intercepted tunnel", true, stubUrl, keysFile, apiKey, sutCpu,
          work, List.of(), Map.of("TAKUMO_CA_DIR", work.resolve("ca").toString(), "TAKUMO_PROXY_ALLOW_PRIVATE", "true",
              "TAKUMO_PROXY_PORTS", Integer.toString(sink.getLocalPort())));
      started.add(java.util.Objects.requireNonNull(proxy.process()));

      String proxyAddress = "127.0.0.1:" + URI.create(proxy.baseUrl()).getPort();
      String anthropic = "https://api.anthropic.com";
      for (int w = 0; w < 2; w++) { // warm-up: the JIT first
        PerfRunner.run(edge, edge.baseUrl(), "", SCENARIO, CALLERS, 0, seconds);
        PerfRunner.run(proxy, anthropic, proxyAddress, SCENARIO, CALLERS, 0, seconds);
      }
      List<PerfRunner.Point> edgeRuns = new ArrayList<>();
      List<PerfRunner.Point> proxyRuns = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        edgeRuns.add(PerfRunner.run(edge, edge.baseUrl(), "", SCENARIO, CALLERS, 0, seconds));
        proxyRuns.add(PerfRunner.run(proxy, anthropic, proxyAddress, SCENARIO, CALLERS, 0, seconds));
      }
      report.append(String.format(Locale.ROOT, "# Forward proxy%n%n%d CPUs; each gateway pinned to CPU %s, Gatling and "
          + "the stub on the others; Gatling, HTTP/1.1 keep-alive (shared pool), %d users, %d s per run, `%s` (3 "
          + "secrets); %d runs interleaved after 2 warm-up rounds; full pipeline, access log off; CPU = user + system "
          + "time from /proc per request; medians (runs in brackets).%n%n"
          + "| path | req/s | p50 ms | p99 ms | CPU µs/request |%n| --- | ---: | ---: | ---: | ---: |%n",
          cpus, sutCpu, CALLERS, seconds, SCENARIO, repeats));
      report.append(row("base URL over TLS", edgeRuns)).append(row("intercepted tunnel (HTTPS_PROXY)", proxyRuns));
      report.append(String.format(Locale.ROOT, "%nintercepted ÷ base URL, CPU per request: %.2f (target ≤ 1.3)%n",
          median(proxyRuns.stream().map(PerfRunner.Point::cpuMicrosPerRequest).toList())
              / median(edgeRuns.stream().map(PerfRunner.Point::cpuMicrosPerRequest).toList())));

      long bytes = Long.parseLong(env.getOrDefault("PROXY_STREAM_BYTES", Long.toString(1L << 30)));
      Future<?> sinking = sink(sink);
      int relayPort = PerfRunner.freePort();
      Process relay = Nginx.streamRelay(work, relayPort, sink.getLocalPort(), sutCpu);
      if (relay != null) {
        started.add(relay);
      }
      List<StreamPath> paths = new ArrayList<>();
      paths.add(new StreamPath("direct", () -> new Socket(InetAddress.getLoopbackAddress(), sink.getLocalPort()), null));
      if (relay != null) {
        paths.add(new StreamPath("through nginx's stream relay",
            () -> new Socket(InetAddress.getLoopbackAddress(), relayPort), relay.toHandle()));
      }
      paths.add(new StreamPath("through a passthrough tunnel", () -> tunnel(proxy, sink.getLocalPort(), apiKey),
          java.util.Objects.requireNonNull(proxy.process()).toHandle()));
      for (int r = -3; r < repeats; r++) { // rounds below 0: warm-up (the JIT first)
        for (StreamPath path : paths) {
          long before = path.relay() == null ? 0 : PerfRunner.cpuTicks(path.relay());
          double rate = stream(path.open().call(), bytes);
          if (r >= 0) {
            path.mbs().add(rate);
            if (path.relay() != null) {
              long ticks = PerfRunner.cpuTicks(path.relay()) - before;
              path.cpuPerGib().add((double) ticks * PerfRunner.TICK_MICROS / 1000 / (bytes / (double) (1L << 30)));
            }
          }
        }
      }
      sinking.cancel(true);
      report.append(String.format(Locale.ROOT, "%n%d runs of a %d MiB stream to a loopback sink, interleaved after 3 "
          + "warm-up rounds (relays pinned to CPU %s; client and sink on the others); medians.%n%n"
          + "| path | MB/s (runs) | relay CPU ms per GiB (runs) |%n| --- | ---: | ---: |%n", repeats, bytes >> 20, sutCpu));
      for (StreamPath path : paths) {
        report.append(String.format(Locale.ROOT, "| %s | %.0f %s | %s |%n", path.name(), median(path.mbs()),
            rounded(path.mbs(), 0), path.cpuPerGib().isEmpty() ? "" : String.format(Locale.ROOT, "%.0f %s",
                median(path.cpuPerGib()), rounded(path.cpuPerGib(), 0))));
      }
      StreamPath straight = paths.get(0);
      StreamPath tunnel = paths.get(paths.size() - 1);
      report.append(String.format(Locale.ROOT, "%ntunnel ÷ direct: %.2f (target ≥ 0.8)%n",
          median(tunnel.mbs()) / median(straight.mbs())));
      if (relay != null) {
        StreamPath nginx = paths.get(1);
        report.append(String.format(Locale.ROOT, "nginx stream ÷ direct: %.2f; tunnel ÷ nginx stream: %.2f "
            + "(throughput), %.2f (CPU per GiB)%n", median(nginx.mbs()) / median(straight.mbs()),
            median(tunnel.mbs()) / median(nginx.mbs()), median(tunnel.cpuPerGib()) / median(nginx.cpuPerGib())));
      }
    } finally {
      for (Process p : started) {
        p.destroy();
      }
    }
    PerfRunner.writeResult("forward-proxy.md", report);
    System.exit(0); // Gatling can leave a non-daemon thread behind (as in PerfRunner)
  }

  /** A report row: the medians of each column, then the CPU of each run. */
  private static String row(String path, List<PerfRunner.Point> runs) {
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.1f %s |%n", path,
        median(runs.stream().map(PerfRunner.Point::rps).toList()),
        median(runs.stream().map(PerfRunner.Point::p50).toList()),
        median(runs.stream().map(PerfRunner.Point::p99).toList()),
        median(runs.stream().map(PerfRunner.Point::cpuMicrosPerRequest).toList()),
        rounded(runs.stream().map(PerfRunner.Point::cpuMicrosPerRequest).toList(), 0));
  }

  /** Accepts connections and reads each to its end, answering one byte: a sink that says when it has it all. */
  private static Future<?> sink(ServerSocket server) {
    return CompletableFuture.runAsync(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
          s.setSoTimeout(60_000);
          byte[] buffer = new byte[1 << 16];
          long expected = new java.io.DataInputStream(in).readLong();
          for (long got = 0; got < expected; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - got));
            if (n < 0) {
              break;
            }
            got += n;
          }
          out.write(1);
          out.flush();
        } catch (IOException e) {
          if (server.isClosed()) {
            return;
          } // else a connection that ended early (a readiness probe): the next one
        }
      }
    });
  }

  /** One way to the sink: how to open it, the relay process on the way (null: none), and what each run measured. */
  private record StreamPath(String name, java.util.concurrent.Callable<Socket> open, @Nullable ProcessHandle relay,
      List<Double> mbs, List<Double> cpuPerGib) {
    StreamPath(String name, java.util.concurrent.Callable<Socket> open, @Nullable ProcessHandle relay) {
      this(name, open, relay, new ArrayList<>(), new ArrayList<>());
    }
  }


  /** A socket through a CONNECT tunnel of {@code proxy} to the sink. */
  private static Socket tunnel(PerfRunner.Target proxy, int sinkPort, String apiKey) throws IOException {
    URI base = URI.create(proxy.baseUrl());
    Socket socket = new Socket(base.getHost(), base.getPort());
    String auth = java.util.Base64.getEncoder().encodeToString(("perf:" + apiKey).getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().write(("CONNECT 127.0.0.1:" + sinkPort + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Proxy-Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("the proxy closed: " + head);
      }
      head.append((char) c);
    }
    if (!head.toString().startsWith("HTTP/1.1 200")) {
      throw new IOException("CONNECT refused: " + head);
    }
    return socket;
  }

  /** MB/s of {@code bytes} to the sink over {@code socket}, until the sink confirms it has them all. */
  private static double stream(Socket socket, long bytes) throws IOException {
    try (socket) {
      byte[] chunk = new byte[1 << 16];
      new SecureRandom().nextBytes(chunk);
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      new java.io.DataOutputStream(out).writeLong(bytes);
      for (long sent = 0; sent < bytes; sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
      }
      out.flush();
      if (socket.getInputStream().read() != 1) {
        throw new IOException("the sink did not confirm");
      }
      return bytes / 1e6 / ((System.nanoTime() - start) / 1e9);
    }
  }

}
