package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardProxyHandlerTest {
  private static final String KEY = "tk_live_" + "ab".repeat(32);

  @Test
  void connectTargetsAreHostAndPortOnly() {
    assertThat(ForwardProxyHandler.Target.parse("API.anthropic.com:443"))
        .isEqualTo(new ForwardProxyHandler.Target("api.anthropic.com", 443));
    assertThat(ForwardProxyHandler.Target.parse("[::1]:8080")).isEqualTo(new ForwardProxyHandler.Target("::1", 8080));
    assertThat(ForwardProxyHandler.Target.parse("[::1]:8080")).hasToString("[::1]:8080");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.anthropic.com", ":443", "host:", "host:0", "host:65536", "host:44x", "::1:443",
      "a b:443", "host/x:443", "user@host:443", "[::1:443", "http://host:443"})
  void malformedAuthoritiesAreRefused(String authority) {
    assertThat(ForwardProxyHandler.Target.parse(authority)).isNull();
  }

  @Test
  void theKeyIsTheProxyUrlsPasswordOrABearerToken() {
    String basic = "Basic " + Base64.getEncoder().encodeToString(("anyone:" + KEY).getBytes(StandardCharsets.UTF_8));
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey(basic)).isEqualTo(KEY);
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey("bearer " + KEY)).isEqualTo(KEY);
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey("Basic " + Base64.getEncoder().encodeToString("me:hunter2".getBytes(
        StandardCharsets.UTF_8)))).as("not a Takumo key").isNull();
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey("Basic !!!")).isNull();
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey("Digest x")).isNull();
    assertThat(io.takumo.aegis.proxy.auth.Credentials.proxyKey(null)).isNull();
  }

  @Test
  void absoluteFormBecomesThePathAndQuery() {
    assertThat(ForwardProxyHandler.originForm("http://127.0.0.1:8080/v1/messages?beta=true")).isEqualTo("/v1/messages?beta=true");
    assertThat(ForwardProxyHandler.originForm("HTTP://host")).isEqualTo("/");
    assertThat(ForwardProxyHandler.originForm("http://host/a b")).as("malformed: a path the router refuses").isEqualTo("/\\");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.8", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
      "::1", "fd00::1", "fe80::1", "::"})
  void internalAddressesAreNotTunnelledTo(String address) throws Exception {
    assertThat(ForwardProxy.internal(InetAddress.getByName(address))).isTrue();
  }

  @Test
  void aPassthroughRelaysBytesAndCountsPendingWritesByTheMemoryTheyHold() {
    io.netty.channel.embedded.EmbeddedChannel far = new io.netty.channel.embedded.EmbeddedChannel();
    io.netty.channel.embedded.EmbeddedChannel client =
        new io.netty.channel.embedded.EmbeddedChannel(new ForwardProxyHandler.Splice(far));
    ForwardProxyHandler.Splice.tune(far);
    client.writeInbound(io.netty.buffer.Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
    io.netty.buffer.ByteBuf relayed = far.readOutbound();
    assertThat(relayed.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
    relayed.release();

    // 100 bytes in each of two 256 KiB read buffers: 512 KiB held, past the high mark however few bytes they carry
    far.write(far.alloc().buffer(256 << 10).writeBytes(new byte[100]));
    assertThat(far.isWritable()).isTrue();
    far.write(far.alloc().buffer(256 << 10).writeBytes(new byte[100]));
    assertThat(far.isWritable()).isFalse();
    far.flush();
    assertThat(far.isWritable()).isTrue();
    assertThat(far.finishAndReleaseAll()).isTrue();
    assertThat(client.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aTunnelEndsInOneAuditEventWithItsBytesAndNoBody() throws Exception {
    java.util.List<io.takumo.aegis.proxy.audit.AuditEvent> events = new java.util.ArrayList<>();
    io.takumo.aegis.proxy.audit.AuditLog audit = io.takumo.aegis.proxy.audit.AuditLogs.into(events);
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    ForwardProxy proxy = new ForwardProxy(io.takumo.aegis.proxy.config.ForwardProxySettings.defaults(java.nio.file.Path.of("/nonexistent")),
        null, false, null, (loop, host, port, handler) -> { throw new AssertionError("no dial"); }, audit, registry);
    io.netty.channel.embedded.EmbeddedChannel channel = new io.netty.channel.embedded.EmbeddedChannel();
    channel.pipeline().addLast(HandlerNames.CONNECTION_LIMIT, new io.netty.channel.ChannelInboundHandlerAdapter());
    ForwardProxyHandler.TunnelMeter.install(channel, proxy, "passthrough", "example.com:443", null, System.nanoTime());
    channel.writeInbound(io.netty.buffer.Unpooled.wrappedBuffer(new byte[10]));
    channel.writeOutbound(io.netty.buffer.Unpooled.wrappedBuffer(new byte[20]));
    channel.finishAndReleaseAll();
    audit.flush();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.method()).isEqualTo("CONNECT");
      assertThat(e.route()).isEqualTo("example.com:443");
      assertThat(e.bytesIn()).isEqualTo(10);
      assertThat(e.bytesOut()).isEqualTo(20);
      assertThat(e.actions()).containsExactly("tunnel:passthrough");
      assertThat(e.org()).isEqualTo("-");
    });
    assertThat(registry.get("aegis.proxy.tunnels").tag("mode", "passthrough").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("aegis.proxy.tunnels.open").gauge().value()).isZero();
    audit.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.1.1.1", "93.184.216.34", "2606:4700::1111"})
  void publicAddressesAre(String address) throws Exception {
    assertThat(ForwardProxy.internal(InetAddress.getByName(address))).isFalse();
  }
}
