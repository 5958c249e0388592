package io.takumo.aegis.perf;

import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.server.Gateway;
import io.takumo.aegis.testing.StubUpstream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Added latency at one connection and CPU per SSE event, with tokenization on and off, from one
 * run. The same Anthropic request (a code prompt with 3 secrets) goes straight to the stub, through
 * a gateway with {@code TAKUMO_TOKENIZE=off}, and through the full pipeline, interleaved round by
 * round so machine drift hits all three alike. Percentiles of each path and the median of each
 * per-round difference against the direct path are reported for 16 KiB and 256 KiB bodies.
 *
 * <p>CPU per SSE event: the gateway's event-loop threads' CPU time (ThreadMXBean) over streamed
 * answers of about a thousand 1–7 character events each, divided by the events relayed.
 *
 * <p>{@link #holdBack} (how much later than straight from the stub each SSE event reaches the
 * client) is run by {@link PerfRunner} against its pinned systems under test; it lives here with
 * the client it uses.
 *
 * <p>Usage: {@code make perf} (or run this class with {@code [rounds16k] [rounds256k] [sseRequests]}).
 */
public final class AddedLatency {
  private static final String[] SECRETS = {"AKIAIOSFODNN7EXAMPLE",
      "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34", "s3cr3t-P4ss"};

  private AddedLatency() {}

  public static void main(String[] args) throws Exception {
    // One JSON line per exchange on the console would cost both gateway modes alike but drown the report.
    System.setProperty("TAKUMO_ACCESS_LOG", "OFF");
    Gateway.leakDetectionAsInProduction(); // as the gateway command runs
    int rounds16 = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds256 = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int sseRequests = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path dir = Files.createTempDirectory("aegis-perf");
    FileKeyStore keys = FileKeyStore.open(dir.resolve("keys.json"));
    String key = keys.create("perf", "perf", KeyEnvironment.TEST, Scope.all(), null);
    StringBuilder report = new StringBuilder();
    try (StubUpstream stub = StubUpstream.start();
        Gateway off = Gateway.start(config(keys, stub, dir, false), keys);
        Gateway on = Gateway.start(config(keys, stub, dir, true), keys)) {
      report.append(String.format(Locale.ROOT, "Added latency at one keep-alive connection, Anthropic request with 3 secrets, "
          + "interleaved rounds (a quarter more as warm-up)%n%n"
          + "| body | path | p50 ms | p90 ms | p99 ms | added p50 ms (median per-round difference) | added p99 ms |%n"
          + "|---|---|---|---|---|---|---|%n"));
      for (int[] point : new int[][] {{16 << 10, rounds16}, {256 << 10, rounds256}}) {
        report.append(latency(point[0], point[1], stub, off, on, key));
      }
      report.append(String.format(Locale.ROOT, "%n"));
      report.append(sse(sseRequests, off, on, key));
    }
    System.out.print(report);
    Path results = Files.isDirectory(Path.of("perf")) ? Path.of("perf", "results") : Path.of("results");
    Files.createDirectories(results);
    Files.writeString(results.resolve("added-latency.md"), "# " + report);
  }

  private static GatewayConfig config(FileKeyStore keys, StubUpstream stub, Path dir, boolean tokenize) {
    return GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(keys.file())
        .auditFile(dir.resolve(tokenize ? "audit-on.jsonl" : "audit-off.jsonl"))
        .upstream(Provider.ANTHROPIC, stub.baseUrl(), "sk-ant-perf")
        .rateLimits(1_000_000_000L, 1_000_000_000L, 1_000_000_000L) // measure the relay, not the limiter
        .ioThreads(1)
        .tokenize(tokenize)
        .tokenKey(new byte[32])
        .build();
  }

  private static String latency(int bodyBytes, int rounds, StubUpstream stub, Gateway off, Gateway on, String key)
      throws IOException {
    int warmup = rounds / 4;
    try (Client direct = new Client(stub.port(), request(bodyBytes, "x-api-key: sk-ant-perf", false));
        Client viaOff = new Client(off.port(), request(bodyBytes, "x-api-key: " + key, false));
        Client viaOn = new Client(on.port(), request(bodyBytes, "x-api-key: " + key, false))) {
      Client[] clients = {direct, viaOff, viaOn};
      for (int i = 0; i < warmup; i++) {
        for (Client c : clients) {
          c.roundTrip();
        }
      }
      long[][] t = new long[3][rounds];
      long[][] added = new long[2][rounds];
      for (int i = 0; i < rounds; i++) {
        for (int k = 0; k < 3; k++) { // rotate the order so no path always runs first
          int which = (i + k) % 3;
          t[which][i] = clients[which].roundTrip();
        }
        added[0][i] = t[1][i] - t[0][i];
        added[1][i] = t[2][i] - t[0][i];
      }
      String[] names = {"direct to stub", "gateway, tokenization off", "gateway, full pipeline"};
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < 3; k++) {
        Arrays.sort(t[k]);
        String addedP50 = "";
        String addedP99 = "";
        if (k > 0) {
          Arrays.sort(added[k - 1]);
          addedP50 = String.format(Locale.ROOT, "%.3f", ms(pct(added[k - 1], 50)));
          addedP99 = String.format(Locale.ROOT, "%.3f", ms(pct(t[k], 99) - pct(t[0], 99)));
        }
        sb.append(String.format(Locale.ROOT, "| %d KiB | %s | %.3f | %.3f | %.3f | %s | %s |%n", bodyBytes >> 10,
            names[k], ms(pct(t[k], 50)), ms(pct(t[k], 90)), ms(pct(t[k], 99)), addedP50, addedP99));
      }
      return sb.toString();
    }
  }

  /** CPU of the gateway's event loops per SSE event relayed, tokenization off and on, alternating. */
  private static String sse(int requests, Gateway off, Gateway on, String key) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] cpu = new long[2];
    long[] events = new long[2];
    try (Client viaOff = new Client(off.port(), request(6 << 10, "x-api-key: " + key, true));
        Client viaOn = new Client(on.port(), request(6 << 10, "x-api-key: " + key, true))) {
      Client[] clients = {viaOff, viaOn};
      for (int i = 0; i < requests / 4; i++) { // warm-up
        viaOff.roundTrip();
        viaOn.roundTrip();
      }
      for (int i = 0; i < requests; i++) {
        for (int k = 0; k < 2; k++) {
          long before = gatewayCpu(threads);
          clients[k].roundTrip();
          cpu[k] += gatewayCpu(threads) - before;
          events[k] += clients[k].lastEvents;
        }
      }
    }
    double offUs = cpu[0] / 1e3 / events[0];
    double onUs = cpu[1] / 1e3 / events[1];
    return String.format(Locale.ROOT, "CPU per SSE event (gateway event-loop threads, %d streamed answers of %d events "
        + "each, alternating)%n%n| path | CPU µs per event |%n|---|---|%n| gateway, tokenization off | %.2f |%n"
        + "| gateway, full pipeline (rehydrating) | %.2f |%n%nRatio full/off: %.2f%n", requests, events[1] / requests,
        offUs, onUs, onUs / offUs);
  }

  /** A path for {@link #holdBack}: where to send the stamped request, with which API key header. */
  record HoldBackPath(String name, int port, String authHeader) {}

  /**
   * How long each SSE event is held back beyond the upstream: the stub ({@link PerfStub} with
   * {@code x-stub-stamp: 1}, in this JVM) stamps every event with the {@code System.nanoTime()} at
   * which it wrote it, the client (this JVM, same clock) notes when the event's last byte arrived.
   * Streams of 100 events 5 ms apart per path, the paths interleaved; the first path is the
   * reference: added = a path's delay percentile minus the first path's.
   */
  static String holdBack(int streams, List<HoldBackPath> paths) throws IOException {
    int events = 100;
    int k = paths.size();
    long[][] delays = new long[k][streams * events];
    int[] n = new int[k];
    Client[] clients = new Client[k];
    try {
      for (int i = 0; i < k; i++) {
        clients[i] = new Client(paths.get(i).port(), stamped(paths.get(i).authHeader(), events));
        clients[i].delays = new long[events + 8];
        clients[i].roundTrip(); // warm-up
      }
      for (int s = 0; s < streams; s++) {
        for (int i = 0; i < k; i++) {
          int which = (s + i) % k; // rotate the order so no path always runs first
          Client c = clients[which];
          c.delayCount = 0;
          c.roundTrip();
          System.arraycopy(c.delays, 0, delays[which], n[which], c.delayCount);
          n[which] += c.delayCount;
        }
      }
    } finally {
      for (Client c : clients) {
        if (c != null) {
          c.close();
        }
      }
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Event hold-back: time from the stub writing an SSE"
        + " event to the client reading its last byte (%d streams of %d events 5 ms apart per path, interleaved)%n%n"
        + "| path | events | p50 ms | p99 ms | p99.9 ms | max ms | added p50 ms | added p99 ms | events held > 1 ms more than"
        + " the %s p99 |%n|---|---|---|---|---|---|---|---|---|%n", streams, events, paths.get(0).name()));
    long[] reference = Arrays.copyOf(delays[0], n[0]);
    Arrays.sort(reference);
    for (int i = 0; i < k; i++) {
      long[] d = Arrays.copyOf(delays[i], n[i]);
      Arrays.sort(d);
      boolean first = i == 0;
      String added50 = first ? "" : String.format(Locale.ROOT, "%.3f", ms(pct(d, 50) - pct(reference, 50)));
      String added99 = first ? "" : String.format(Locale.ROOT, "%.3f", ms(pct(d, 99) - pct(reference, 99)));
      long limit = pct(reference, 99) + 1_000_000;
      long over = Arrays.stream(d).filter(x -> x > limit).count();
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %s | %s | %s |%n", paths.get(i).name(),
          d.length, ms(pct(d, 50)), ms(pct(d, 99)), ms(d[Math.min(d.length - 1, (int) (d.length * 0.999))]),
          ms(d[d.length - 1]), added50, added99,
          first ? "" : over + String.format(Locale.ROOT, " (%.2f%%)", 100.0 * over / d.length)));
    }
    return sb.toString();
  }

  private static byte[] stamped(String authHeader, int events) {
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";
    return ("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authHeader + "\r\nanthropic-version: 2023-06-01\r\n"
        + "x-stub-events: " + events + "\r\nx-stub-spacing-ms: 5\r\nx-stub-stamp: 1\r\n"
        + "content-type: application/json\r\ncontent-length: " + body.length() + "\r\n\r\n" + body)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** CPU time of every gateway I/O thread (both gateways: the idle one adds nothing). */
  private static long gatewayCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().startsWith("aegis-io")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * p / 100))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /**
   * Latency in the open model: requests due at a fixed total {@code rate} whatever the answers' pace,
   * spread over {@code connections} keep-alive connections (each sends every {@code connections /
   * rate} seconds, their phases staggered), each request's latency taken from the moment it was due
   * to its answer's last byte, so a request that waits for the one before it on its connection counts
   * the wait (no coordinated omission). A blocking thread per connection, parked until the next due
   * time: the park's overshoot is in every path alike. The paths run one after another in slices of
   * {@code seconds}, rotated each repeat, after a warm-up slice each; the first path is the reference.
   *
   * @param body the request body, sent to each path with its own API key header
   */
  static String openModel(String name, byte[] body, int rate, int connections, int seconds, int repeats,
      List<HoldBackPath> paths) throws IOException, InterruptedException {
    int k = paths.size();
    long[][] samples = new long[k][];
    int[] n = new int[k];
    for (int r = -1; r < repeats; r++) { // round -1 warms up
      for (int i = 0; i < k; i++) {
        int which = (Math.max(r, 0) + i) % k;
        HoldBackPath path = paths.get(which);
        long[] slice = openSlice(post(body, path.authHeader(), path.port()), path.port(), rate, connections,
            r < 0 ? 1 : seconds);
        if (r >= 0) {
          long[] all = samples[which] == null ? new long[0] : samples[which];
          samples[which] = Arrays.copyOf(all, n[which] + slice.length);
          System.arraycopy(slice, 0, samples[which], n[which], slice.length);
          n[which] += slice.length;
        }
      }
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Open model, %s: %,d requests/s due over %d "
        + "keep-alive connection%s, latency from the moment each request was due (%d × %d s per path, interleaved)%n%n"
        + "| path | requests | p50 ms | p90 ms | p99 ms | p99.9 ms | added p50 ms | added p99 ms |%n"
        + "|---|---|---|---|---|---|---|---|%n", name, rate, connections, connections == 1 ? "" : "s", repeats, seconds));
    long[] reference = samples[0];
    Arrays.sort(reference);
    for (int i = 0; i < k; i++) {
      long[] d = samples[i];
      Arrays.sort(d);
      boolean first = i == 0;
      sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %s | %s |%n", paths.get(i).name(),
          d.length, ms(pct(d, 50)), ms(pct(d, 90)), ms(pct(d, 99)), ms(d[Math.min(d.length - 1, (int) (d.length * 0.999))]),
          first ? "" : String.format(Locale.ROOT, "%.3f", ms(pct(d, 50) - pct(reference, 50))),
          first ? "" : String.format(Locale.ROOT, "%.3f", ms(pct(d, 99) - pct(reference, 99)))));
    }
    return sb.toString();
  }

  /** One path for {@code seconds} at {@code rate}: each request's latency from its due time, in nanoseconds. */
  private static long[] openSlice(byte[] request, int port, int rate, int connections, int seconds)
      throws IOException, InterruptedException {
    long period = connections * 1_000_000_000L / rate;
    int perConnection = (int) (seconds * 1_000_000_000L / period);
    long[][] latencies = new long[connections][perConnection];
    Client[] clients = new Client[connections];
    Thread[] threads = new Thread[connections];
    IOException[] failure = new IOException[1];
    try {
      for (int c = 0; c < connections; c++) {
        clients[c] = new Client(port, request);
      }
      long start = System.nanoTime() + 10_000_000L;
      for (int c = 0; c < connections; c++) {
        Client client = clients[c];
        long[] out = latencies[c];
        long first = start + c * period / connections;
        threads[c] = new Thread(() -> {
          try {
            for (int j = 0; j < out.length; j++) {
              long due = first + j * period;
              for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
              }
              long sent = System.nanoTime();
              out[j] = sent + client.roundTrip() - due;
            }
          } catch (IOException e) {
            synchronized (failure) {
              failure[0] = e;
            }
          }
        }, "open-model-" + c);
        threads[c].start();
      }
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      for (Client c : clients) {
        if (c != null) {
          c.close();
        }
      }
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    long[] all = new long[connections * perConnection];
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies[c], 0, all, c * perConnection, perConnection);
    }
    return all;
  }

  /** The request of {@link #body}, with {@code authHeader}. */
  static byte[] request(int bodyBytes, String authHeader, boolean stream) {
    return post(body(bodyBytes, stream), authHeader, 0);
  }

  /** An Anthropic Messages body of about {@code bodyBytes}: a code prompt with the 3 secrets spread through it. */
  static byte[] body(int bodyBytes, boolean stream) {
    StringBuilder code = new StringBuilder();
    int planted = 0;
    while (code.length() < bodyBytes - 300) {
      code.append("public int add(int a, int b) { return a + b; } // ordinary code in a prompt\\n");
      if (planted < 3 && code.length() > (planted + 1) * (bodyBytes / 4)) {
        code.append(switch (planted) {
          case 0 -> "aws_key = \\\"" + SECRETS[0] + "\\\"\\n";
          case 1 -> "client = OpenAI(api_key=\\\"" + SECRETS[1] + "\\\")\\n";
          default -> "DATABASE_URL=postgres://app:" + SECRETS[2] + "@db.internal/app\\n";
        });
        planted++;
      }
    }
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + code + "\"}]}";
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** The Anthropic Messages request carrying {@code body}, with {@code authHeader} ({@code port} 0: no port in Host). */
  static byte[] post(byte[] body, String authHeader, int port) {
    byte[] head = ("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1" + (port == 0 ? "" : ":" + port) + "\r\n" + authHeader
        + "\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\ncontent-length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  /** A minimal blocking keep-alive HTTP/1.1 client: the same cost on every path, no pools. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private static final String STAMP = "\"text\":\"t";
    private final byte[] request;
    private final StringBuilder pending = new StringBuilder();
    private byte[] body = new byte[64 << 10];
    long lastEvents;
    /** Set by {@link #holdBack} only: without it no stamps are collected and no answer bytes kept. */
    long @Nullable [] delays;
    int delayCount;

    Client(int port, byte[] request) throws IOException {
      this.socket = new Socket("127.0.0.1", port);
      socket.setTcpNoDelay(true);
      this.out = socket.getOutputStream();
      this.in = new BufferedInputStream(socket.getInputStream(), 64 << 10);
      this.request = request;
    }

    long roundTrip() throws IOException {
      long start = System.nanoTime();
      out.write(request);
      out.flush();
      int status = -1;
      long length = -1;
      boolean chunked = false;
      String line;
      while (!(line = line()).isEmpty()) {
        if (status < 0) {
          status = Integer.parseInt(line.substring(9, 12));
        } else if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Long.parseLong(line.substring(15).trim());
        } else if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
          chunked = line.toLowerCase(Locale.ROOT).contains("chunked");
        }
      }
      if (status != 200 || (length < 0 && !chunked)) {
        throw new IOException("unexpected answer: status " + status + ", length " + length);
      }
      lastEvents = 0;
      if (!chunked) {
        countEvents(read((int) length), (int) length);
      } else {
        long size;
        while ((size = Long.parseLong(line(), 16)) > 0) {
          countEvents(read((int) size), (int) size);
          line();
        }
        line();
      }
      return System.nanoTime() - start;
    }

    /** The next {@code n} bytes, in a buffer reused across answers: garbage here would be the client's GC pauses in every path's tail. */
    private byte[] read(int n) throws IOException {
      if (body.length < n) {
        body = new byte[n];
      }
      in.readNBytes(body, 0, n);
      return body;
    }

    private void countEvents(byte[] bytes, int n) {
      long now = System.nanoTime();
      for (int i = 0; i + 1 < n; i++) {
        if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
          lastEvents++;
        }
      }
      long[] into = delays;
      if (into != null) {
        collectStamps(bytes, n, now, into);
      }
    }

    /**
     * Stamps ({@code "text":"t<nanos>"}) in the event bytes read so far, each with the time its
     * last byte arrived. A stamp cut between two chunks is completed by the next one.
     */
    private void collectStamps(byte[] bytes, int n, long now, long[] into) {
      pending.append(new String(bytes, 0, n, StandardCharsets.US_ASCII));
      int at;
      int done = 0;
      while ((at = pending.indexOf(STAMP, done)) >= 0) {
        int digits = at + STAMP.length();
        int end = pending.indexOf("\"", digits);
        if (end < 0) {
          done = at; // a stamp cut off: keep it for the next chunk
          break;
        }
        if (delayCount < into.length) {
          into[delayCount++] = now - Long.parseLong(pending, digits, end, 10);
        }
        done = end;
      }
      if (at < 0) { // no stamp begun: keep only what could be the start of one
        done = Math.max(done, pending.length() - STAMP.length() + 1);
      }
      pending.delete(0, done);
    }

    private String line() throws IOException {
      StringBuilder sb = new StringBuilder(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new IOException("connection closed");
        }
        if (c != '\r') {
          sb.append((char) c);
        }
      }
      return sb.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
