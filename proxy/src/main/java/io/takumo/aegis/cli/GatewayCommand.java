package io.takumo.aegis.cli;

import ch.qos.logback.classic.LoggerContext;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.GatewayEnvironment;
import io.takumo.aegis.proxy.server.Gateway;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code takumo-aegis gateway}: runs the gateway until SIGTERM or SIGINT. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = "Run the gateway. Configuration comes from TAKUMO_* environment variables (see the README).")
final class GatewayCommand implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--no-first-key", description = "Do not create a first key when the key store is empty.")
  boolean noFirstKey;

  @Override
  public Integer call() throws Exception {
    Gateway.leakDetectionAsInProduction();
    GatewayConfig config;
    try {
      config = GatewayEnvironment.parse(System.getenv());
    } catch (ConfigException e) {
      System.err.println("takumo-aegis: bad configuration: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config); // the stores the config names, key refresh and all
    } catch (ConfigException e) {
      System.err.println("takumo-aegis: " + e.getMessage());
      return 1;
    }
    FileKeyStore file = gateway.stores().fileKeys();
    if (file != null && file.list().isEmpty() && !noFirstKey) {
      String raw = file.create("first key", "default", config.environment(), Scope.all(), null);
      printFirstKey(System.out, raw, config);
    }
    Signals.onHangUp(gateway::reloadCertificates);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close(); // SIGTERM: readiness 503, drain in-flight exchanges, close
      stopped.countDown();
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
        logging.stop(); // flushes the async appender, or the shutdown lines are lost
      }
    }, "aegis-shutdown"));
    stopped.await();
    return 0;
  }

  private static void printFirstKey(PrintStream out, String raw, GatewayConfig config) {
    InetSocketAddress listen = config.listen();
    String host = listen.getAddress() != null && listen.getAddress().isAnyLocalAddress() ? "127.0.0.1" : listen.getHostString();
    String base = (config.tlsEnabled() ? "https://" : "http://") + host + ':' + listen.getPort();
    out.println();
    out.println("Created the first Takumo API key. It is shown only now; the store keeps its SHA-256 hash");
    out.println("(" + config.keysFile() + "). Paste these lines into the shell that runs your AI tool:");
    out.println();
    out.println("  export ANTHROPIC_BASE_URL=" + base);
    out.println("  export ANTHROPIC_API_KEY=" + raw);
    out.println("  export OPENAI_BASE_URL=" + base + "/v1");
    out.println("  export OPENAI_API_KEY=" + raw);
    out.println("  export CODEX_API_KEY=" + raw + "   # Codex CLI: codex -c openai_base_url=" + base + "/v1");
    out.println();
    out.println("Or use it as a forward proxy (no base URL to change), trusting its CA:");
    out.println();
    out.println("  takumo-aegis ca export > ~/.takumo/takumo-ca.pem");
    out.println("  export HTTPS_PROXY=" + (config.tlsEnabled() ? "https://" : "http://") + "aegis:" + raw + "@" + host
        + ':' + listen.getPort());
    out.println("  export NODE_EXTRA_CA_CERTS=~/.takumo/takumo-ca.pem");
    out.println();
    out.flush();
  }
}
