package io.takumo.aegis.proxy.config;

import io.takumo.aegis.proxy.route.Provider;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The forward proxy's settings (SPEC §10): which hosts are intercepted and for which provider, what
 * happens to the others, and where the organization's CA comes from.
 *
 * @param intercept host → the provider whose pipeline (and configured upstream) its requests take
 * @param passthrough {@code all} (tunnel any other host), {@code none} (403), or host globs ({@code *.corp.example})
 * @param allowPrivate whether tunnels may reach loopback, private and link-local addresses
 * @param ports CONNECT ports allowed (443 and those listed)
 * @param caDir where the CA is kept, and made when there is none
 * @param caCert a CA certificate brought as PEM (with {@code caKey}), instead of {@code caDir}
 * @param caKey its private key
 * @param trusted networks whose callers need no key on a CONNECT: they act as {@code trustedOrg}
 * @param trustedOrg the organization of callers from {@code trusted} (set exactly when {@code trusted} is not empty)
 */
public record ForwardProxySettings(Map<String, Provider> intercept, List<String> passthrough, boolean allowPrivate,
    Set<Integer> ports, Path caDir, @Nullable Path caCert, @Nullable Path caKey, TrustedNetworks trusted,
    @Nullable String trustedOrg) {

  public static final List<String> ALL = List.of("*");

  /** SPEC §10's four hosts, each with its provider. */
  public static Map<String, Provider> defaultHosts() {
    Map<String, Provider> hosts = new LinkedHashMap<>();
    for (Provider provider : Provider.values()) {
      hosts.put(provider.defaultBaseUrl().getHost(), provider);
    }
    return hosts;
  }

  public static ForwardProxySettings defaults(Path caDir) {
    return new ForwardProxySettings(defaultHosts(), ALL, false, Set.of(443), caDir, null, null, TrustedNetworks.NONE,
        null);
  }

  /** Without a trusted network: every caller brings a key. */
  public ForwardProxySettings(Map<String, Provider> intercept, List<String> passthrough, boolean allowPrivate,
      Set<Integer> ports, Path caDir, @Nullable Path caCert, @Nullable Path caKey) {
    this(intercept, passthrough, allowPrivate, ports, caDir, caCert, caKey, TrustedNetworks.NONE, null);
  }

  public ForwardProxySettings {
    if (trusted.isEmpty() != (trustedOrg == null)) {
      throw new IllegalArgumentException("trusted networks and their organization go together");
    }
    intercept = Map.copyOf(intercept);
    passthrough = List.copyOf(passthrough);
    ports = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ports)); // in order: messages name them
  }

  /** The provider {@code host} is intercepted for, or null when it is not intercepted. */
  public @Nullable Provider intercepted(String host) {
    return intercept.get(host.toLowerCase(Locale.ROOT));
  }

  /** The organization a keyless caller at {@code remote} acts as, or null when its network is not trusted. */
  public @Nullable String trustedOrgOf(@Nullable Object remote) {
    return trustedOrg != null && trusted.contains(remote) ? trustedOrg : null;
  }

  /** Whether a tunnel to {@code host} (not intercepted) may be opened. */
  public boolean passesThrough(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String glob : passthrough) {
      if (glob.equals("*") || glob.equals(h) || glob.startsWith("*.") && h.endsWith(glob.substring(1))) {
        return true;
      }
    }
    return false;
  }
}
