package io.takumo.aegis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port for a server a test stops and starts again on the same port. It lies below the
 * kernel's ephemeral range: clients retrying a connection to a port inside that range while
 * nothing listens can be given that very port as their own source port (a TCP self-connect), and
 * the restarted server then fails to bind.
 */
public final class StablePort {
  private StablePort() {}

  public static int pick() {
    int ephemeralStart = ephemeralStart();
    int low = Math.max(10_000, ephemeralStart - 12_000);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = low + random.nextInt(ephemeralStart - low);
      try (ServerSocket probe = new ServerSocket()) {
        probe.bind(new InetSocketAddress(port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in [" + low + ", " + ephemeralStart + ")");
  }

  private static int ephemeralStart() {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    try {
      return Files.isReadable(range) ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]) : 32_768;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
