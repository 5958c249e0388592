package io.takumo.aegis.proxy.forward;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.takumo.aegis.proxy.server.ServerTls;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The server contexts of intercepted hosts, one per host, minted on first use and kept (bounded) until a
 * day before their certificate expires, when the next handshake mints a new one. Minting is one P-256 key
 * pair and one signature (about a millisecond), done where the first handshake for the host needs it.
 */
public final class LeafCertificates {
  private final CertificateAuthority ca;
  private final boolean http2;
  private final Cache<String, SslContext> http1Contexts;
  private final Counter minted;
  private final Cache<String, SslContext> contexts;

  public LeafCertificates(CertificateAuthority ca, boolean http2, MeterRegistry registry) {
    this.ca = ca;
    this.http2 = http2;
    this.minted = Counter.builder("aegis.proxy.certs.minted").description("Leaf certificates the forward proxy minted")
        .register(registry);
    this.contexts = Caffeine.newBuilder()
        .maximumSize(4096)
        .expireAfterWrite(CertificateAuthority.LEAF_VALIDITY.minus(Duration.ofDays(1)))
        .executor(Runnable::run) // maintenance on the caller's thread: no ForkJoinPool wake-ups
        .build();
    this.http1Contexts = Caffeine.newBuilder()
        .maximumSize(4096)
        .expireAfterWrite(CertificateAuthority.LEAF_VALIDITY.minus(Duration.ofDays(1)))
        .executor(Runnable::run)
        .build();
  }

  /** The context that presents {@code host}'s certificate, offering h2 when the gateway does. */
  public SslContext forHost(String host) {
    return contexts.get(host.toLowerCase(Locale.ROOT), h -> mint(h, http2));
  }

  /**
   * The same for a tunnel inside TLS (a proxy reached over {@code https://}), offering {@code http/1.1} only:
   * Netty's ALPN handler reads the protocol of the first TLS layer in the pipeline, which is the outer one.
   */
  public SslContext forHostInsideTls(String host) {
    return http1Contexts.get(host.toLowerCase(Locale.ROOT), h -> mint(h, false));
  }

  private SslContext mint(String host, boolean h2) {
    CertificateAuthority.Leaf leaf = ca.mint(host);
    try {
      SslContext context = ServerTls.edge(SslContextBuilder.forServer(leaf.key(), leaf.certificate(), leaf.issuer()),
          h2).build();
      minted.increment();
      return context;
    } catch (SSLException e) {
      throw new IllegalStateException("no server context for " + host, e);
    }
  }

  public CertificateAuthority ca() {
    return ca;
  }
}
