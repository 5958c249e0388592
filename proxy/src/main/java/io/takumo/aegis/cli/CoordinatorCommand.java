package io.takumo.aegis.cli;

import io.takumo.aegis.coordinator.ConfigVersions;
import io.takumo.aegis.coordinator.Coordinator;
import io.takumo.aegis.coordinator.CoordinatorDb;
import io.takumo.aegis.coordinator.CoordinatorSettings;
import io.takumo.aegis.coordinator.FleetRegistry;
import io.takumo.aegis.coordinator.JoinKeys;
import io.takumo.aegis.coordinator.client.ConfigDecoder;
import io.takumo.aegis.coordinator.client.ConfigRejectedException;
import io.takumo.aegis.proto.ConfigFiles;
import io.takumo.aegis.proto.config.v1.Config;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code takumo-aegis coordinator}: runs the reference coordinator, and administers it (config
 * versions, join keys, the fleet) through the same database. Settings from the environment:
 * {@code TAKUMO_DATABASE_URL} (required), {@code TAKUMO_DATABASE_SCHEMA}, {@code TAKUMO_GRPC_PORT}
 * (50051), {@code TAKUMO_HTTP_PORT} (8080), {@code TAKUMO_TLS_CERT}/{@code _KEY}.
 */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
    description = "Run the reference coordinator (gRPC on TAKUMO_GRPC_PORT, default 50051), or administer it.",
    subcommands = {CoordinatorCommand.ConfigCommand.class, CoordinatorCommand.JoinKeysCommand.class,
        CoordinatorCommand.FleetCommand.class})
final class CoordinatorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CoordinatorSettings settings = settings(spec, System.getenv());
    Coordinator coordinator;
    try {
      coordinator = Coordinator.start(settings);
    } catch (IOException | SQLException | RuntimeException e) {
      System.err.println("takumo-aegis: the coordinator could not start: " + DatabaseUrl.redact(String.valueOf(e.getMessage())));
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      coordinator.close();
      stopped.countDown();
    }, "aegis-coordinator-shutdown"));
    stopped.await();
    return 0;
  }

  static CoordinatorSettings settings(CommandSpec spec, Map<String, String> env) {
    String url = env.get("TAKUMO_DATABASE_URL");
    if (url == null || url.isBlank()) {
      throw new ParameterException(spec.commandLine(),
          "TAKUMO_DATABASE_URL: not set (expected: postgresql://user:pass@host:5432/db; the coordinator keeps its state there)");
    }
    DatabaseUrl db;
    try {
      db = DatabaseUrl.parse("TAKUMO_DATABASE_URL", url);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    String cert = env.get("TAKUMO_TLS_CERT");
    String key = env.get("TAKUMO_TLS_KEY");
    try {
      return CoordinatorSettings.of(port(env, "TAKUMO_GRPC_PORT", 50051), port(env, "TAKUMO_HTTP_PORT", 8080), db.jdbcUrl(),
          db.user(), db.password(), env.getOrDefault("TAKUMO_DATABASE_SCHEMA", "public"),
          cert == null || cert.isBlank() ? null : Path.of(cert), key == null || key.isBlank() ? null : Path.of(key));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static int port(Map<String, String> env, String field, int fallback) {
    String raw = env.get(field);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": " + raw + " (expected: a port number)");
    }
  }

  /** Opens the coordinator's database (migrated) for an administration command. */
  static CoordinatorDb open(CommandSpec spec) {
    CoordinatorDb db = new CoordinatorDb(settings(spec, System.getenv()));
    db.migrate();
    return db;
  }

  @Command(name = "config", mixinStandardHelpOptions = true, description = "The fleet's config versions.",
      subcommands = {ConfigCommand.Set.class, ConfigCommand.Show.class})
  static final class ConfigCommand {
    @Command(name = "set", mixinStandardHelpOptions = true,
        description = "Store FILE (takumo.config.v1 as JSON or YAML) as the next version; a running coordinator pushes "
            + "it to its connected gateways at once. Gateways that cannot compile it refuse it (see 'fleet list').")
    static final class Set implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Parameters(index = "0", paramLabel = "FILE", description = "The config file (.json, or YAML otherwise).")
      Path file;

      @Option(names = "--reason", description = "Why, kept with the version (default: the file name).")
      String reason;

      @Override
      public Integer call() throws Exception {
        Config config;
        try {
          config = ConfigFiles.read(file);
          ConfigDecoder.decode(config); // the schema's own checks; regexes and PEM are the gateways' to compile
        } catch (IOException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (ConfigRejectedException e) {
          throw new ParameterException(spec.commandLine(), file + ": " + e.getMessage());
        }
        try (CoordinatorDb db = open(spec)) {
          long version = new ConfigVersions(db.dataSource()).set(config, reason != null ? reason : "config set " + file.getFileName());
          System.out.println("config version " + version);
          return 0;
        }
      }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the current version as JSON (provider keys, the token key and the proxy CA's sealed key "
            + "are masked).")
    static final class Show implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (CoordinatorDb db = open(spec)) {
          ConfigVersions.Version v = new ConfigVersions(db.dataSource()).current();
          Config.Builder masked = v.config().toBuilder();
          masked.getProviderKeysBuilderList().forEach(k -> k.setApiKey(mask(k.getApiKey())));
          if (!masked.getProxy().getCaKeySealed().isEmpty()) {
            masked.getProxyBuilder().setCaKeySealed("(set)"); // sealed, but key material all the same
          }
          if (!masked.getTokenKey().isEmpty()) {
            masked.setTokenKey("(set)");
          }
          System.out.println("# version " + v.version() + " (" + v.reason() + ", " + v.createdAt() + ")");
          System.out.println(ConfigFiles.toJson(masked.build()));
          return 0;
        }
      }

      private static String mask(String key) {
        return key.length() <= 8 ? "***" : key.substring(0, 6) + "***";
      }
    }
  }

  @Command(name = "join-keys", mixinStandardHelpOptions = true, description = "Keys gateways join the fleet with.",
      subcommands = {JoinKeysCommand.Create.class, JoinKeysCommand.ListKeys.class, JoinKeysCommand.Revoke.class})
  static final class JoinKeysCommand {
    @Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a join key; it is printed once (set it as TAKUMO_JOIN_KEY on the gateways).")
    static final class Create implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(names = "--name", description = "What the key is for (default: gateways).")
      String name = "gateways";

      @Override
      public Integer call() throws Exception {
        try (CoordinatorDb db = open(spec)) {
          JoinKeys.Created created = new JoinKeys(db.dataSource()).create(name);
          System.out.println(created.raw());
          System.err.println("Created join key " + created.key().id() + " (" + created.key().prefix()
              + "). It is shown only now; the coordinator keeps its SHA-256 hash.");
          return 0;
        }
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List join keys (never their values).")
    static final class ListKeys implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (CoordinatorDb db = open(spec)) {
          System.out.printf("%-22s %-12s %-8s %-25s %s%n", "ID", "PREFIX", "STATUS", "CREATED", "NAME");
          for (JoinKeys.JoinKey k : new JoinKeys(db.dataSource()).list()) {
            System.out.printf("%-22s %-12s %-8s %-25s %s%n", k.id(), k.prefix(), k.status(), k.createdAt(), k.name());
          }
          return 0;
        }
      }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke a join key by id or prefix; a running coordinator disconnects its gateways at once.")
    static final class Revoke implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Parameters(index = "0", paramLabel = "ID", description = "The key's id or prefix.")
      String id;

      @Override
      public Integer call() throws Exception {
        try (CoordinatorDb db = open(spec)) {
          JoinKeys.JoinKey k;
          try {
            k = new JoinKeys(db.dataSource()).revoke(id);
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
          }
          System.err.println("Revoked join key " + k.id() + " (" + k.prefix() + ").");
          return 0;
        }
      }
    }
  }

  @Command(name = "fleet", mixinStandardHelpOptions = true, description = "The gateways of the fleet.",
      subcommands = FleetCommand.ListGateways.class)
  static final class FleetCommand {
    @Command(name = "list", mixinStandardHelpOptions = true,
        description = "List gateways: state (connected, stale after 90 s without a report, disconnected), the config "
            + "version each runs, and the last version each refused with the reason.")
    static final class ListGateways implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() throws Exception {
        try (CoordinatorDb db = open(spec)) {
          System.out.printf("%-20s %-13s %-20s %-8s %-8s %s%n", "INSTANCE", "STATE", "HOST", "CONFIG", "NACKED", "NACK REASON");
          for (FleetRegistry.Gateway g : new FleetRegistry(db.dataSource(), java.time.Duration.ofSeconds(90)).list()) {
            System.out.printf("%-20s %-13s %-20s %-8d %-8s %s%n", g.instanceId(), g.state().wireName(), g.hostname(),
                g.ackedVersion(), g.nackVersion() == null ? "-" : g.nackVersion().toString(),
                g.nackError() == null ? "" : g.nackError());
          }
          return 0;
        }
      }
    }
  }
}
