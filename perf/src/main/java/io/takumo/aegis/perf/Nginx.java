package io.takumo.aegis.perf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * nginx as the reference reverse proxy, configured as one would for this job: one worker on the
 * pinned core, a keep-alive upstream pool, HTTP/1.1 upstream with the {@code Connection} header
 * cleared, no request or response buffering (bodies and SSE stream through), no access log.
 */
final class Nginx {
  private Nginx() {}

  /** Starts nginx in front of the stub, or returns null (with a note) when it is not installed. */
  static PerfRunner.@Nullable Target start(Path work, int stubPort, String cpu) throws Exception {
    return start(work, stubPort, cpu, null, null);
  }

  /**
   * As {@link #start(Path, int, String)}; with {@code cert} and {@code key}, HTTPS with HTTP/2
   * ({@code listen … ssl http2}) on that certificate, as an edge would run it.
   */
  static PerfRunner.@Nullable Target start(Path work, int stubPort, String cpu, @Nullable Path cert, @Nullable Path key)
      throws Exception {
    Path binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
        .filter(Files::isExecutable).findFirst().orElse(null);
    if (binary == null) {
      System.out.println("nginx is not installed (make perf installs it with apt-get when it can): no nginx rows");
      return null;
    }
    int port = PerfRunner.freePort();
    boolean tls = cert != null && key != null;
    Path dir = Files.createDirectories(work.resolve(tls ? "nginx-h2" : "nginx"));
    String listen = cert != null && key != null
        ? "listen 127.0.0.1:%d ssl http2;%n    ssl_certificate %s;%n    ssl_certificate_key %s;%n"
            .formatted(port, cert.toAbsolutePath(), key.toAbsolutePath()) + "    ssl_protocols TLSv1.2 TLSv1.3;"
        : "listen 127.0.0.1:" + port + ";";
    Files.createDirectories(dir.resolve("logs"));
    String conf = """
        worker_processes 1;
        daemon off;
        master_process on;
        error_log %1$s/logs/error.log warn;
        pid %1$s/nginx.pid;
        events { worker_connections 4096; multi_accept on; }
        http {
          access_log off;
          client_body_temp_path %1$s/body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          client_max_body_size 32m;
          keepalive_requests 100000;
          upstream stub {
            server 127.0.0.1:%2$d;
            keepalive 64;
          }
          server {
            %3$s
            location / {
              proxy_pass http://stub;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_request_buffering off;
              proxy_buffering off;
            }
          }
        }
        """.formatted(dir.toAbsolutePath(), stubPort, listen);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p = new ProcessBuilder("taskset", "-c", cpu, binary.toString(), "-p", dir.toAbsolutePath().toString(),
        "-c", file.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    String url = (tls ? "https" : "http") + "://127.0.0.1:" + port;
    waitUp(port, p);
    return new PerfRunner.Target(tls ? "nginx, http2 on" : "nginx", url, p, "");
  }

  /**
   * nginx's stream module as a plain TCP relay to {@code targetPort} (one worker on {@code cpu}): the reference
   * for a passthrough tunnel's throughput. Null when nginx or its stream module is not installed.
   */
  static @Nullable Process streamRelay(Path work, int port, int targetPort, String cpu) throws Exception {
    Path binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
        .filter(Files::isExecutable).findFirst().orElse(null);
    Path module = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");
    if (binary == null || !Files.exists(module)) {
      System.out.println("nginx or its stream module is not installed (make perf-deps installs them): no nginx row");
      return null;
    }
    Path dir = Files.createDirectories(work.resolve("nginx-stream"));
    Files.createDirectories(dir.resolve("logs"));
    String conf = """
        load_module %1$s;
        worker_processes 1;
        daemon off;
        master_process on;
        error_log %2$s/logs/error.log warn;
        pid %2$s/nginx.pid;
        events { worker_connections 1024; }
        stream {
          server {
            listen 127.0.0.1:%3$d;
            proxy_pass 127.0.0.1:%4$d;
            proxy_buffer_size 256k;
          }
        }
        """.formatted(module, dir.toAbsolutePath(), port, targetPort);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p = new ProcessBuilder("taskset", "-c", cpu, binary.toString(), "-p", dir.toAbsolutePath().toString(),
        "-c", file.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    waitUp(port, p);
    return p;
  }

  static void waitUp(int port, Process p) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("nginx exited with " + p.exitValue());
      }
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(50); // polling a process we do not control
      }
    }
    throw new IllegalStateException("nginx did not listen within 10 s");
  }
}
