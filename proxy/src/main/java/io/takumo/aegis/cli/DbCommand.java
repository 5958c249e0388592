package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code takumo-aegis db migrate}: applies the schema migrations to TAKUMO_DATABASE_URL. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.",
    subcommands = DbCommand.Migrate.class)
final class DbCommand {
  @Command(name = "migrate", mixinStandardHelpOptions = true,
      description = "Apply pending schema migrations to TAKUMO_DATABASE_URL (schema TAKUMO_DATABASE_SCHEMA, default public).")
  static final class Migrate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      String url = System.getenv("TAKUMO_DATABASE_URL");
      if (url == null || url.isBlank()) {
        throw new ParameterException(spec.commandLine(),
            "TAKUMO_DATABASE_URL: not set (expected: postgresql://user:pass@host:5432/db)");
      }
      String schema = System.getenv().getOrDefault("TAKUMO_DATABASE_SCHEMA", "public");
      try (Database db = new Database(DatabaseUrl.parse("TAKUMO_DATABASE_URL", url), schema)) {
        MigrateResult result;
        try {
          result = db.migrate();
        } catch (RuntimeException e) { // Flyway's message can quote the JDBC URL, password parameter and all
          System.err.println("takumo-aegis: migration failed: " + DatabaseUrl.redact(String.valueOf(e.getMessage())));
          return 1;
        }
        System.err.println("Schema " + schema + " is at version "
            + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion) + " ("
            + result.migrationsExecuted + " migration(s) applied).");
        return 0;
      }
    }
  }
}
