package io.takumo.aegis.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrustedNetworksTest {
  private static InetSocketAddress at(String address) {
    return new InetSocketAddress(address, 40000);
  }

  @Test
  void blocksOfBothFamiliesAndBareAddressesMatchTheirCallers() {
    TrustedNetworks trusted = TrustedNetworks.parse(" 10.20.0.0/16, fd00:aa::/48 ,203.0.113.7,,");
    assertThat(trusted).hasToString("10.20.0.0/16, fd00:aa:0:0:0:0:0:0/48, 203.0.113.7/32");
    assertThat(trusted.contains(at("10.20.255.1"))).isTrue();
    assertThat(trusted.contains(at("10.21.0.1"))).isFalse();
    assertThat(trusted.contains(at("fd00:aa::1:2"))).isTrue();
    assertThat(trusted.contains(at("fd00:ab::1"))).isFalse();
    assertThat(trusted.contains(at("203.0.113.7"))).isTrue();
    assertThat(trusted.contains(at("203.0.113.8"))).isFalse();
    assertThat(trusted.contains(at("::ffff:10.20.1.1"))).as("an IPv4 caller on a dual-stack socket").isTrue();
    assertThat(trusted.contains(null)).isFalse();
    assertThat(trusted.contains(InetSocketAddress.createUnresolved("10.20.0.1", 1))).isFalse();
    assertThat(TrustedNetworks.parse("0.0.0.0/0").contains(at("198.51.100.1"))).isTrue();
    assertThat(trusted).isEqualTo(TrustedNetworks.parse("10.20.0.0/16,fd00:aa::/48,203.0.113.7/32"));
    assertThat(TrustedNetworks.parse(" , ").isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "corp.example/8", "10.0.0/8", "::1/129", "10.0.0.0/"})
  void whatIsNotABlockIsRefusedByName(String entry) {
    assertThatThrownBy(() -> TrustedNetworks.parse("192.168.0.0/16," + entry)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(entry);
  }
}
