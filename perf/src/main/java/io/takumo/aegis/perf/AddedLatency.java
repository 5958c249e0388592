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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Added latency of the gateway at one connection: the same 16 KiB Anthropic request sent straight
 * to the stub and through the gateway, interleaved round by round in one run, so machine drift
 * hits both alike. Reports percentiles of each path and the median of the per-round difference.
 *
 * <p>Usage: {@code make perf} (or run this class with {@code [rounds] [bodyBytes]}).
 */
public final class AddedLatency {
  private AddedLatency() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 16 << 10;
    int warmup = Math.max(2_000, rounds / 4);
    Path dir = Files.createTempDirectory("aegis-perf");
    FileKeyStore keys = FileKeyStore.open(dir.resolve("keys.json"));
    String key = keys.create("perf", "perf", KeyEnvironment.TEST, Scope.all(), null);

    try (StubUpstream stub = StubUpstream.start();
        Gateway gateway = Gateway.start(GatewayConfig.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .environment(KeyEnvironment.TEST)
            .keysFile(keys.file())
            .upstream(Provider.ANTHROPIC, stub.baseUrl(), "sk-ant-perf")
            .rateLimits(1_000_000_000L, 1_000_000_000L, 1_000_000_000L) // measure the relay, not the limiter
            .build(), keys);
        Client direct = new Client(stub.port(), request(bodyBytes, "x-api-key: sk-ant-perf"));
        Client viaGateway = new Client(gateway.port(), request(bodyBytes, "x-api-key: " + key))) {
      for (int i = 0; i < warmup; i++) {
        direct.roundTrip();
        viaGateway.roundTrip();
      }
      long[] d = new long[rounds];
      long[] g = new long[rounds];
      long[] diff = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        if ((i & 1) == 0) { // alternate the order so neither path always runs second
          d[i] = direct.roundTrip();
          g[i] = viaGateway.roundTrip();
        } else {
          g[i] = viaGateway.roundTrip();
          d[i] = direct.roundTrip();
        }
        diff[i] = g[i] - d[i];
      }
      Arrays.sort(d);
      Arrays.sort(g);
      Arrays.sort(diff);
      String report = String.format(Locale.ROOT,
          "Added latency, %d B Anthropic request at one keep-alive connection, %d interleaved rounds (%d warm-up)%n%n"
              + "| path | p50 ms | p90 ms | p99 ms |%n|---|---|---|---|%n"
              + "| direct to stub | %.3f | %.3f | %.3f |%n| through gateway | %.3f | %.3f | %.3f |%n%n"
              + "Added (median of per-round difference): %.3f ms; p50 ratio gateway/direct: %.2f%n",
          bodyBytes, rounds, warmup, ms(pct(d, 50)), ms(pct(d, 90)), ms(pct(d, 99)), ms(pct(g, 50)), ms(pct(g, 90)),
          ms(pct(g, 99)), ms(pct(diff, 50)), (double) pct(g, 50) / pct(d, 50));
      System.out.print(report);
      Path results = Path.of("results");
      Files.createDirectories(results);
      Files.writeString(results.resolve("added-latency.md"), "# " + report);
    }
  }

  private static long pct(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * p / 100))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static byte[] request(int bodyBytes, String authHeader) {
    StringBuilder code = new StringBuilder();
    while (code.length() < bodyBytes - 200) {
      code.append("public int add(int a, int b) { return a + b; } // ordinary code in a prompt\\n");
    }
    String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\""
        + code + "\"}]}";
    String head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authHeader
        + "\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\ncontent-length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.UTF_8);
  }

  /** A minimal blocking keep-alive HTTP/1.1 client: the same cost on both paths, no pools. */
  private static final class Client implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;

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
      String line;
      while (!(line = line()).isEmpty()) {
        if (status < 0) {
          status = Integer.parseInt(line.substring(9, 12));
        } else if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Long.parseLong(line.substring(15).trim());
        }
      }
      if (status != 200 || length < 0) {
        throw new IOException("unexpected answer: status " + status + ", length " + length);
      }
      in.skipNBytes(length);
      return System.nanoTime() - start;
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
