package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.server.AnyCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The container's {@code HEALTHCHECK}: {@code GET /healthz} on the gateway's own port over loopback, exit 0
 * when it answers 200. A class of its own, not a picocli command: a health check starts a JVM every 30 s, so
 * it loads nothing but the JDK's HTTP client (no logging, no Netty) and one trust manager.
 *
 * <p>The port comes from {@code TAKUMO_LISTEN_ADDR} as the gateway reads it (8080, or 443 with TLS). With TLS
 * the certificate is not checked: the check asks its own process on 127.0.0.1, whose name the certificate
 * does not carry, and only whether it answers.
 */
public final class HealthCheck {
  private HealthCheck() {}

  public static void main(String[] args) {
    URI uri = args.length > 0 ? URI.create(args[0]) : uri(System.getenv());
    try {
      System.exit(status(uri) == 200 ? 0 : 1);
    } catch (IOException | java.security.GeneralSecurityException e) {
      System.err.println("takumo-aegis health check: " + uri + ": " + e);
      System.exit(1);
    }
  }

  /** {@code http(s)://127.0.0.1:PORT/healthz} for the gateway {@code env} configures. */
  static URI uri(Map<String, String> env) {
    boolean tls = present(env.get("TAKUMO_TLS_CERT")) || present(env.get("TAKUMO_TLS_CERT_DIR"));
    String listen = env.getOrDefault("TAKUMO_LISTEN_ADDR", "").trim();
    int port = listen.isEmpty() ? tls ? 443 : 8080 : Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    return URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/healthz");
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  static int status(URI uri) throws IOException, java.security.GeneralSecurityException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    if (connection instanceof HttpsURLConnection https) {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyCertificate()}, new SecureRandom());
      https.setSSLSocketFactory(context.getSocketFactory());
      https.setHostnameVerifier((host, session) -> true);
    }
    connection.setConnectTimeout(3000);
    connection.setReadTimeout(3000);
    try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
        : connection.getErrorStream()) {
      if (body != null) {
        body.readAllBytes();
      }
      return connection.getResponseCode();
    } finally {
      connection.disconnect();
    }
  }
}
