package io.takumo.aegis.proxy.config;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The networks whose forward-proxy callers need no key ({@code TAKUMO_PROXY_TRUSTED_CIDRS}): CIDR blocks, IPv4 or
 * IPv6, matched by Netty's subnet rule. Equal when they list the same blocks.
 */
public final class TrustedNetworks {
  public static final TrustedNetworks NONE = new TrustedNetworks(List.of(), List.of());

  private final List<String> cidrs;
  private final List<IpSubnetFilterRule> rules;

  private TrustedNetworks(List<String> cidrs, List<IpSubnetFilterRule> rules) {
    this.cidrs = List.copyOf(cidrs);
    this.rules = List.copyOf(rules);
  }

  /**
   * {@code 10.0.0.0/8, 192.168.4.0/24, fd00::/8, 203.0.113.7} (a bare address is one host); throws {@link
   * IllegalArgumentException} naming the first entry that is not a block. Addresses are literals, never looked up.
   */
  public static TrustedNetworks parse(String list) {
    List<String> cidrs = new ArrayList<>();
    List<IpSubnetFilterRule> rules = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      InetAddress address = NetUtil.createInetAddressFromIpAddressString(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(entry);
      }
      int bits = address instanceof Inet4Address ? 32 : 128;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(entry, e);
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(entry);
        }
      }
      rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
      cidrs.add(address.getHostAddress() + '/' + prefix);
    }
    return new TrustedNetworks(cidrs, rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether {@code address} (a connection's remote address) lies in one of the blocks. */
  public boolean contains(@Nullable Object address) {
    if (!(address instanceof InetSocketAddress remote) || remote.getAddress() == null) {
      return false;
    }
    for (IpSubnetFilterRule rule : rules) {
      if (rule.matches(remote)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TrustedNetworks t && t.cidrs.equals(cidrs);
  }

  @Override
  public int hashCode() {
    return cidrs.hashCode();
  }

  @Override
  public String toString() {
    return String.join(", ", cidrs);
  }
}
