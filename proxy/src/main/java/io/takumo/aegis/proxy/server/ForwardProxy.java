package io.takumo.aegis.proxy.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.takumo.aegis.proxy.audit.AuditEvent;
import io.takumo.aegis.proxy.audit.AuditLog;
import io.takumo.aegis.proxy.auth.Authenticator;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.ForwardProxySettings;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.forward.LeafCertificates;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * What the forward proxy (SPEC §10) shares across connections: its settings, the organization's CA and
 * the leaves it signed, the key check of a CONNECT, the dialer of passthrough tunnels and the tunnel
 * metrics. Each client connection's {@link ForwardProxyHandler} uses it.
 */
final class ForwardProxy {
  /** Opens a raw connection for a passthrough tunnel (the gateway's upstream client in production). */
  interface Dialer {
    ChannelFuture dial(EventLoop loop, String host, int port, ChannelHandler handler);
  }

  private final ForwardProxySettings settings;
  private final @Nullable LeafCertificates leaves;
  private final boolean http2;
  private volatile @Nullable LeafCertificates fleetLeaves; // of the fleet config's CA, when it has one
  private final Authenticator authenticator;
  private final Dialer dialer;
  private final AuditLog audit;
  private final MeterRegistry registry;
  private final Map<String, Counter> tunnels = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();

  ForwardProxy(ForwardProxySettings settings, @Nullable LeafCertificates leaves, boolean http2,
      Authenticator authenticator, Dialer dialer, AuditLog audit, MeterRegistry registry) {
    this.audit = audit;
    this.settings = settings;
    this.leaves = leaves;
    this.http2 = http2;
    this.authenticator = authenticator;
    this.dialer = dialer;
    this.registry = registry;
    Gauge.builder("aegis.proxy.tunnels.open", open, AtomicInteger::get).description("Forward-proxy tunnels open")
        .register(registry);
    for (String mode : new String[] {"intercept", "passthrough", "own", "refused"}) {
      tunnel(mode); // every mode from the start, so dashboards see zeros
    }
  }

  ForwardProxySettings settings() {
    return settings;
  }

  /**
   * The leaves a tunnel opened under {@code runtime} presents: of the fleet config's CA when it carries one, else of
   * the gateway's own; null when there is neither (its CA could not be read or made: no interception).
   */
  @Nullable LeafCertificates leaves(RuntimeConfig runtime) {
    CertificateAuthority fleet = runtime.proxyCa();
    if (fleet == null) {
      return leaves;
    }
    LeafCertificates current = fleetLeaves;
    // Each config version compiles its CA anew: the leaves stay while the certificate does (a race makes two caches).
    if (current == null || !current.ca().certificate().equals(fleet.certificate())) {
      current = new LeafCertificates(fleet, http2, registry);
      fleetLeaves = current;
    }
    return current;
  }

  /** The provider whose pipeline {@code host}'s requests take: the fleet config's choice first, then the gateway's. */
  @Nullable Provider intercepted(String host, RuntimeConfig runtime) {
    Provider fleet = runtime.proxyHost(host);
    return fleet != null ? fleet : settings.intercepted(host);
  }

  Authenticator authenticator() {
    return authenticator;
  }

  Dialer dialer() {
    return dialer;
  }

  /**
   * A tunnel's audit event when it ends (or is refused): where it went, how, bytes each way; never a body.
   * Requests inside an intercepted tunnel have their own events as on the base-URL path.
   */
  void audited(String mode, String target, int status, long bytesIn, long bytesOut, long nanos,
      @Nullable Principal principal) {
    audit.record(new AuditEvent(Instant.now(), RequestContext.newRequestId(), principal == null ? "-" : principal.org(),
        principal == null ? null : principal.keyPrefix(), "none", "CONNECT", target, status, nanos / 1e6, 0, bytesIn,
        bytesOut, List.of(), 0, 0, List.of("tunnel:" + mode)));
  }

  Counter tunnel(String mode) {
    return ProxyMetrics.tagged(registry, tunnels, "aegis.proxy.tunnels", "mode", mode,
        "Forward-proxy CONNECT requests, by what became of them");
  }

  void opened() {
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  /**
   * Whether a passthrough tunnel may go to {@code address}: not to loopback, private, link-local,
   * unique-local, carrier-grade NAT or unspecified addresses (the gateway's own and its network's), unless
   * {@code TAKUMO_PROXY_ALLOW_PRIVATE}. Checked on the address connected to, so a name that resolves
   * differently the second time changes nothing.
   */
  boolean reachable(InetAddress address) {
    return settings.allowPrivate() || !internal(address);
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10
          || (b[0] & 0xff) == 0;
    }
    if (a instanceof Inet6Address six) {
      if (six.isIPv4CompatibleAddress()) {
        return true;
      }
      return (b[0] & 0xfe) == 0xfc; // fc00::/7
    }
    return false;
  }
}
