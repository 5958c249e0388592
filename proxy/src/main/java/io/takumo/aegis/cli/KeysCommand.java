package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code takumo-aegis keys}: manage API keys in the key store. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Manage Takumo API keys: in PostgreSQL when TAKUMO_DATABASE_URL is set, else in the key file "
        + "(TAKUMO_KEYS_FILE, default ~/.takumo/keys.json).",
    subcommands = {KeysCommand.Create.class, KeysCommand.List.class, KeysCommand.Revoke.class,
        KeysCommand.Disable.class, KeysCommand.Enable.class})
final class KeysCommand {


  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a key and print it as the only line on stdout (it is never shown again).")
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "What the key is for.")
    String name;

    @Option(names = "--scopes", split = ",", description = "Comma-separated scopes (default: shield:write). "
        + "Known: shield:read shield:write audit:read fleet:read fleet:write policy:read policy:write org:read org:write")
    java.util.List<String> scopes = java.util.List.of(Scope.SHIELD_WRITE.wireName());

    @Option(names = "--env", description = "live or test (default: test)")
    String env = "test";

    @Option(names = "--org", description = "Organization id (default: default)")
    String org = "default";

    @Option(names = "--expires", description = "Expiry date (YYYY-MM-DD, UTC midnight) or ISO instant")
    String expires;

    @Override
    public Integer call() {
      Set<Scope> parsed = EnumSet.noneOf(Scope.class);
      KeyEnvironment environment;
      Instant expiresAt = null;
      try {
        for (String scope : scopes) {
          parsed.add(Scope.parse(scope));
        }
        environment = KeyEnvironment.parse("--env", env);
        if (expires != null) {
          expiresAt = parseExpiry(expires);
        }
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      try (Stores.Opened store = Stores.open(System.getenv())) {
        String raw = store.admin().create(name, org, environment, parsed, expiresAt);
        System.err.println("Created key " + raw.substring(0, 12) + "… in " + store.admin().location()
            + " (only its SHA-256 is stored; copy the key now).");
        System.out.println(raw);
        return 0;
      }
    }

    private static Instant parseExpiry(String value) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return Instant.parse(value);
        } catch (DateTimeParseException e2) {
          throw new IllegalArgumentException("--expires: " + value + " (expected: YYYY-MM-DD or an ISO-8601 instant)");
        }
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys: ids and prefixes, never keys.")
  static final class List implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.printf("%-18s %-14s %-6s %-9s %-22s %s%n", "ID", "PREFIX", "ENV", "STATUS", "NAME", "SCOPES");
      try (Stores.Opened store = Stores.open(System.getenv())) {
        for (ApiKeyRecord key : store.admin().list()) {
          System.out.printf("%-18s %-14s %-6s %-9s %-22s %s%n", key.id(), key.prefix(), key.environment().wireName(),
              key.status().wireName(), key.name(),
              key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")));
        }
        return 0;
      }
    }
  }

  abstract static class SetStatus implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID_OR_PREFIX", description = "The key's id (key_…) or prefix (tk_test_a1b2).")
    String key;

    abstract KeyStatus status();

    @Override
    public Integer call() {
      try (Stores.Opened store = Stores.open(System.getenv())) {
        ApiKeyRecord updated = store.admin().setStatus(key, status());
        System.err.println("Key " + updated.id() + " (" + updated.prefix() + ") is now " + updated.status().wireName() + '.');
        return 0;
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key for good.")
  static final class Revoke extends SetStatus {
    @Override
    KeyStatus status() {
      return KeyStatus.REVOKED;
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a key until enabled again.")
  static final class Disable extends SetStatus {
    @Override
    KeyStatus status() {
      return KeyStatus.DISABLED;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled key.")
  static final class Enable extends SetStatus {
    @Override
    KeyStatus status() {
      return KeyStatus.ACTIVE;
    }
  }
}
