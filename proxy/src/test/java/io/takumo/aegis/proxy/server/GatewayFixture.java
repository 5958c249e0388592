package io.takumo.aegis.proxy.server;

import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.testing.StubUpstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A gateway on a loopback port with a stub per provider and a fresh key store holding one
 * full-scope test key ({@link #key}) and one key without {@code shield:write} ({@link #readOnlyKey}),
 * started as {@code takumo-aegis gateway} starts it ({@link Gateway#start(GatewayConfig)}); {@link #keys}
 * is the gateway's own store, so keys created through it work at once.
 */
public final class GatewayFixture implements AutoCloseable {
  public static final String ANTHROPIC_ORG_KEY = "sk-ant-org-key-for-tests";
  public static final String OPENAI_ORG_KEY = "sk-openai-org-key-for-tests";
  public static final String MISTRAL_ORG_KEY = "mistral-org-key-for-tests";

  public final StubUpstream anthropic;
  public final StubUpstream openai;
  public final StubUpstream mistral;
  public final Gateway gateway;
  public final String key;
  public final String readOnlyKey;
  public final FileKeyStore keys;
  private final Path dir;

  private GatewayFixture(Consumer<GatewayConfig.Builder> customize) throws Exception {
    dir = Files.createTempDirectory("aegis-it");
    anthropic = StubUpstream.start();
    openai = StubUpstream.start();
    mistral = StubUpstream.start();
    FileKeyStore seed = FileKeyStore.open(dir.resolve("keys.json"));
    key = seed.create("it", "org-it", KeyEnvironment.TEST, Scope.all(), null);
    readOnlyKey = seed.create("read-only", "org-it", KeyEnvironment.TEST, Set.of(Scope.SHIELD_READ), null);
    GatewayConfig.Builder builder = GatewayConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .environment(KeyEnvironment.TEST)
        .keysFile(seed.file())
        .auditFile(dir.resolve("audit.jsonl"))
        .ioThreads(2)
        .upstream(Provider.ANTHROPIC, anthropic.baseUrl(), ANTHROPIC_ORG_KEY)
        .upstream(Provider.OPENAI, openai.baseUrl(), OPENAI_ORG_KEY)
        .upstream(Provider.MISTRAL, mistral.baseUrl(), MISTRAL_ORG_KEY);
    customize.accept(builder);
    gateway = Gateway.start(builder.build()); // as the gateway command starts it: key refresh and all
    keys = java.util.Objects.requireNonNull(gateway.stores().fileKeys(), "a file key store");
  }

  public static GatewayFixture start() throws Exception {
    return new GatewayFixture(b -> {});
  }

  public static GatewayFixture start(Consumer<GatewayConfig.Builder> customize) throws Exception {
    return new GatewayFixture(customize);
  }

  public Path dir() {
    return dir;
  }

  /** A raw keep-alive {@code POST /v1/messages} with this fixture's key and {@code body} (ASCII). */
  public String messagesRequest(String body) {
    return "POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: " + key + "\r\nContent-Length: " + body.length()
        + "\r\n\r\n" + body;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  @Override
  public void close() {
    gateway.close();
    anthropic.close();
    openai.close();
    mistral.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
