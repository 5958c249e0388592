package io.takumo.aegis.cli;

import ch.qos.logback.classic.LoggerContext;
import io.takumo.aegis.proxy.audit.AuditSink;
import io.takumo.aegis.proxy.audit.JsonlAuditSink;
import io.takumo.aegis.proxy.audit.PgAuditSink;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import io.takumo.aegis.proxy.store.PgOrgs;
import io.takumo.aegis.proxy.store.SealedColumns;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.server.Gateway;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code takumo-aegis gateway}: runs the gateway until SIGTERM or SIGINT. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = "Run the gateway. Configuration comes from TAKUMO_* environment variables (see the README).")
final class GatewayCommand implements java.util.concurrent.Callable<Integer> {
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(GatewayCommand.class);

  @Option(names = "--no-first-key", description = "Do not create a first key when the key store is empty.")
  boolean noFirstKey;

  @Override
  public Integer call() throws Exception {
    Gateway.leakDetectionAsInProduction();
    GatewayConfig config;
    try {
      config = GatewayConfig.fromEnvironment(System.getenv());
    } catch (ConfigException e) {
      System.err.println("takumo-aegis: bad configuration: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "aegis-keys-refresh");
      t.setDaemon(true);
      return t;
    });
    KeyStore keys;
    AuditSink auditSink;
    Database db = null;
    if (config.databaseUrl() != null) {
      db = new Database(DatabaseUrl.parse("TAKUMO_DATABASE_URL", config.databaseUrl()), config.databaseSchema());
      try {
        db.migrate();
      } catch (RuntimeException e) { // down now, may come back: unknown keys get 503 meanwhile
        log.warn("database migration skipped, the database is unreachable: {}",
            DatabaseUrl.redact(String.valueOf(e.getMessage())));
      }
      byte[] sealingKey = config.encryptionKey();
      PgKeyStore pg = new PgKeyStore(db, new PgOrgs(db, sealingKey == null ? null : new SealedColumns(sealingKey)));
      keys = new CachingKeyStore(pg);
      auditSink = new PgAuditSink(db);
      refresher.scheduleWithFixedDelay(() -> run("last_used_at flush", pg::flushLastUsed), 10, 10, TimeUnit.SECONDS);
    } else {
      FileKeyStore file = FileKeyStore.open(config.keysFile());
      if (file.list().isEmpty() && !noFirstKey) {
        String raw = file.create("first key", "default", config.environment(), Scope.all(), null);
        printFirstKey(System.out, raw, config);
      }
      keys = file;
      auditSink = new JsonlAuditSink(config.auditFile());
      // Keys created or revoked with the CLI reach the running gateway within 2 s.
      refresher.scheduleWithFixedDelay(() -> run("key store refresh", file::refresh), 2, 2, TimeUnit.SECONDS);
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(config, keys, auditSink);
    } catch (ConfigException e) {
      System.err.println("takumo-aegis: " + e.getMessage());
      refresher.shutdownNow();
      if (db != null) {
        db.close();
      }
      return 1;
    }
    Database database = db;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close(); // SIGTERM: readiness 503, drain in-flight exchanges, close
      refresher.shutdownNow();
      if (database != null) {
        database.close();
      }
      stopped.countDown();
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
        logging.stop(); // flushes the async appender, or the shutdown lines are lost
      }
    }, "aegis-shutdown"));
    stopped.await();
    return 0;
  }

  private static void run(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("{} failed: {}", what, e.getMessage());
    }
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
    out.println();
    out.flush();
  }
}
