package io.takumo.aegis.perf;

import io.netty.pkitesting.X509Bundle;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.server.AnyCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * {@code make perf-proxy}: the forward proxy's costs (issue 14), each against its baseline in the same run.
 *
 * <ul>
 *   <li>CPU per 16 KiB Anthropic request (full pipeline) inside an intercepted tunnel, against the same request on
 *       the base-URL path over TLS: both terminate TLS, both keep connections alive (JDK client, HTTP/1.1, 16
 *       concurrent callers), each gateway pinned alone to the last CPU.
 *   <li>Passthrough throughput: 256 MiB through a tunnel to a loopback sink, against the same stream sent directly.
 * </ul>
 */
public final class ForwardProxyPerf {
  private static final int CALLERS = 16;

  private ForwardProxyPerf() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true"); // the edge's test certificate
    Map<String, String> env = System.getenv();
    int requests = Integer.parseInt(env.getOrDefault("PROXY_REQUESTS", "8000"));
    int repeats = Integer.parseInt(env.getOrDefault("PROXY_REPEATS", "3"));
    int cpus = PerfRunner.onlineCpus();
    String sutCpu = Integer.toString(Math.max(0, cpus - 1));
    Path work = Files.createDirectories(Path.of(Files.isDirectory(Path.of("proxy")) ? "." : "..")
        .resolve("perf/target/perf-proxy"));
    Path cert = work.resolve("tls.crt");
    Path key = work.resolve("tls.key");
    X509Bundle leaf = Http2Perf.selfSigned();
    Files.writeString(cert, leaf.getCertificatePathPEM());
    Files.writeString(key, leaf.getPrivateKeyPEM());
    byte[] body = RelaySimulation.body("anthropic-16k");
    Path keysFile = work.resolve("keys.json");
    Files.deleteIfExists(keysFile);
    String apiKey = FileKeyStore.open(keysFile).create("perf", "perf", KeyEnvironment.TEST, Scope.all(), null);

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

      HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll()).build();
      HttpClient tunnelled = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll())
          .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", Integer.parseInt(
              proxy.baseUrl().substring(proxy.baseUrl().lastIndexOf(':') + 1))))).build();
      URI edgeUri = URI.create(edge.baseUrl() + "/v1/messages");
      URI proxyUri = URI.create("https://api.anthropic.com/v1/messages");
      for (int w = 0; w < 2; w++) { // warm-up: the JIT first
        run(direct, edgeUri, body, apiKey, requests, edge);
        run(tunnelled, proxyUri, body, apiKey, requests, proxy);
      }
      List<Double> edgeCpu = new ArrayList<>();
      List<Double> proxyCpu = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        edgeCpu.add(run(direct, edgeUri, body, apiKey, requests, edge));
        proxyCpu.add(run(tunnelled, proxyUri, body, apiKey, requests, proxy));
      }
      double e = median(edgeCpu);
      double p = median(proxyCpu);
      report.append(String.format(Locale.ROOT, "# Forward proxy%n%n%d CPUs; each gateway pinned to CPU %s; JDK HttpClient, "
          + "HTTP/1.1 keep-alive, %d callers, %d requests of 16 KiB (`anthropic-16k`, 3 secrets) per run, %d runs "
          + "interleaved; full pipeline, access log off; CPU = user + system time from /proc per request, medians.%n%n"
          + "| path | CPU µs/request (runs) |%n| --- | ---: |%n| base URL over TLS | %.1f %s |%n"
          + "| intercepted tunnel | %.1f %s |%n%nintercepted ÷ base URL: %.2f (target ≤ 1.3)%n",
          cpus, sutCpu, CALLERS, requests, repeats, e, edgeCpu, p, proxyCpu, p / e));

      long bytes = Long.parseLong(env.getOrDefault("PROXY_STREAM_BYTES", Long.toString(256L << 20)));
      Future<?> sinking = sink(sink);
      List<Double> directMbs = new ArrayList<>();
      List<Double> tunnelMbs = new ArrayList<>();
      stream(null, sink.getLocalPort(), bytes, apiKey); // warm-up
      stream(proxy, sink.getLocalPort(), bytes, apiKey);
      for (int r = 0; r < repeats; r++) {
        directMbs.add(stream(null, sink.getLocalPort(), bytes, apiKey));
        tunnelMbs.add(stream(proxy, sink.getLocalPort(), bytes, apiKey));
      }
      sinking.cancel(true);
      double d = median(directMbs);
      double t = median(tunnelMbs);
      report.append(String.format(Locale.ROOT, "%n| stream of %d MiB to a loopback sink | MB/s (runs) |%n| --- | ---: |%n"
          + "| direct | %.0f %s |%n| through a passthrough tunnel | %.0f %s |%n%ntunnel ÷ direct: %.2f (target ≥ 0.8)%n",
          bytes >> 20, d, directMbs, t, tunnelMbs, t / d));
    } finally {
      for (Process p : started) {
        p.destroy();
      }
    }
    Path out = Files.createDirectories(work.resolve("../../results").normalize()).resolve("forward-proxy.md");
    Files.writeString(out, report.toString());
    System.out.println(report);
    System.out.println("written to " + out);
  }

  /** {@code requests} POSTs from {@link #CALLERS} callers; the gateway's CPU µs per request. */
  private static double run(HttpClient client, URI uri, byte[] body, String apiKey, int requests, PerfRunner.Target sut)
      throws Exception {
    ProcessHandle gateway = java.util.Objects.requireNonNull(sut.process()).toHandle();
    AtomicLong left = new AtomicLong(requests);
    AtomicLong failed = new AtomicLong();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    long before = PerfRunner.cpuTicks(gateway);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < CALLERS; c++) {
      done.add(callers.submit(() -> {
        while (left.getAndDecrement() > 0) {
          HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).header("x-api-key", apiKey)
              .header("content-type", "application/json").header("anthropic-version", "2023-06-01")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            failed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    callers.shutdown();
    long ticks = PerfRunner.cpuTicks(gateway) - before;
    if (failed.get() > 0) {
      throw new IllegalStateException(sut.name() + ": " + failed.get() + " of " + requests + " requests failed");
    }
    return (double) ticks * PerfRunner.TICK_MICROS / requests;
  }

  /** Accepts connections and reads each to its end, answering one byte: a sink that says when it has it all. */
  private static Future<?> sink(ServerSocket server) {
    return CompletableFuture.runAsync(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
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
          return;
        }
      }
    });
  }

  /** MB/s of {@code bytes} to the sink, directly or through a CONNECT tunnel of {@code proxy}. */
  private static double stream(PerfRunner.@Nullable Target proxy, int sinkPort, long bytes, String apiKey) throws IOException {
    Socket socket;
    if (proxy == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), sinkPort);
    } else {
      URI base = URI.create(proxy.baseUrl());
      socket = new Socket(base.getHost(), base.getPort());
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
    }
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

  private static SSLContext trustAll() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new AnyCertificate()}, null);
    return context;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
