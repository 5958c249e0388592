package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's server certificates (SPEC §13, the edge on 443): the pair {@code TAKUMO_TLS_CERT} /
 * {@code TAKUMO_TLS_KEY}, and, with {@code TAKUMO_TLS_CERT_DIR}, more pairs chosen by the name the
 * client asks for (SNI; {@code api.example.com.crt} with {@code api.example.com.key}, a file named
 * {@code *.example.com.crt} for a wildcard). Reloaded when a file changes on disk (cert-manager and
 * ACME clients rename a new pair into place) or on {@code SIGHUP}: new connections get the new
 * certificates, open ones keep theirs, and a pair that does not load is refused with a log line
 * while the old one stays. ALPN offers {@code h2} first when HTTP/2 is on, then {@code http/1.1}.
 * Thread-safe.
 */
public final class ServerTls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerTls.class);

  private final GatewayConfig config;
  private volatile Certificates current;
  private final ScheduledExecutorService watcher;
  private List<FileStamp> stamps;

  private ServerTls(GatewayConfig config, Certificates first, List<FileStamp> stamps) {
    this.config = config;
    this.current = first;
    this.stamps = stamps;
    this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "aegis-tls-reload");
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(this::reloadIfChanged, 2, 2, TimeUnit.SECONDS);
  }

  /**
   * The certificates {@code config} names, or null when the gateway serves plain HTTP.
   *
   * @throws ConfigException when they cannot be loaded (start-up fails naming the files)
   */
  static @Nullable ServerTls load(GatewayConfig config) {
    if (config.tlsCert() == null || config.tlsKey() == null) {
      return null;
    }
    try {
      return new ServerTls(config, read(config), stamps(config));
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("TAKUMO_TLS_CERT/TAKUMO_TLS_KEY: " + config.tlsCert() + ", " + config.tlsKey()
          + (config.tlsCertDir() == null ? "" : ", " + config.tlsCertDir())
          + " cannot be loaded (" + e.getMessage() + "); expected PEM certificate chains and their PEM private keys");
    }
  }

  /** A handler that picks the certificate for the name the client asks for, then terminates TLS. */
  ChannelHandler newHandler() {
    return new SniHandler(current.byName()); // the certificates of this moment, for this connection
  }

  /** Reads the files again now (SIGHUP); the old certificates stay when the new ones do not load. */
  synchronized void reload() {
    try {
      Certificates fresh = read(config);
      current = fresh;
      stamps = stamps(config);
      log.info("TLS certificates reloaded ({} name(s) besides the default)", fresh.names);
    } catch (IOException | IllegalArgumentException e) {
      stamps = stampsQuietly(); // do not retry a broken pair every 2 s; a change retries
      log.warn("TLS certificates not reloaded, the current ones stay: {}", e.getMessage());
    }
  }

  private synchronized void reloadIfChanged() {
    if (!stampsQuietly().equals(stamps)) {
      reload();
    }
  }

  private List<FileStamp> stampsQuietly() {
    try {
      return stamps(config);
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public void close() {
    watcher.shutdownNow();
  }

  /** The default context and, by host name, the contexts of the certificate directory. */
  private record Certificates(Mapping<String, SslContext> byName, int names) {}

  private static Certificates read(GatewayConfig config) throws SSLException, IOException {
    SslContext fallback = context(requireNonNull(config.tlsCert()), requireNonNull(config.tlsKey()), config.http2());
    DomainWildcardMappingBuilder<SslContext> byName = new DomainWildcardMappingBuilder<>(fallback);
    int names = 0;
    Path dir = config.tlsCertDir();
    if (dir != null) {
      try (DirectoryStream<Path> certs = Files.newDirectoryStream(dir, "*.crt")) {
        for (Path cert : certs) {
          String name = cert.getFileName().toString();
          name = name.substring(0, name.length() - ".crt".length()).toLowerCase(Locale.ROOT);
          byName.add(name, context(cert, cert.resolveSibling(name + ".key"), config.http2()));
          names++;
        }
      }
    }
    return new Certificates(byName.build(), names);
  }

  /** The server context of one pair, tested with a handshake: a key that is not the certificate's fails here. */
  static SslContext context(Path cert, Path key, boolean http2) throws SSLException {
    SslContext context = edge(SslContextBuilder.forServer(cert.toFile(), key.toFile()), http2).build();
    try {
      TlsSelfTest.check(context);
    } catch (SSLException e) {
      throw new SSLException(cert + " and " + key + " are not a working pair: " + e.getMessage(), e);
    }
    return context;
  }

  /**
   * The settings every server context of the gateway shares (the edge's certificates and the forward
   * proxy's leaves): BoringSSL, TLS 1.3 and 1.2, ALPN {@code h2} (when on) before {@code http/1.1}.
   */
  public static SslContextBuilder edge(SslContextBuilder builder, boolean http2) {
    List<String> protocols = http2 ? List.of(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)
        : List.of(ApplicationProtocolNames.HTTP_1_1);
    return builder.sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
        .protocols("TLSv1.3", "TLSv1.2")
        .applicationProtocolConfig(new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            protocols));
  }

  /** What tells a file changed: its path, size and modification time (a rename changes them). */
  private record FileStamp(Path path, long size, FileTime modified) {}

  private static List<FileStamp> stamps(GatewayConfig config) throws IOException {
    List<Path> files = new ArrayList<>(List.of(requireNonNull(config.tlsCert()), requireNonNull(config.tlsKey())));
    Path dir = config.tlsCertDir();
    if (dir != null) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        entries.forEach(files::add);
      }
      files.sort(null);
    }
    List<FileStamp> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(new FileStamp(f, Files.size(f), Files.getLastModifiedTime(f)));
    }
    return out;
  }
}
