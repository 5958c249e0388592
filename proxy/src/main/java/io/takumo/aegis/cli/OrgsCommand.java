package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.GatewayEnvironment;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import io.takumo.aegis.proxy.store.PgOrgs;
import io.takumo.aegis.proxy.store.SealedColumns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code takumo-aegis orgs …}: an organization's plan, provider keys and token key in PostgreSQL.
 * Provider keys are read from stdin (never from the command line, which shells keep) and stored
 * sealed with {@code TAKUMO_ENCRYPTION_KEY}.
 */
@Command(name = "orgs", mixinStandardHelpOptions = true,
    description = "Organizations' plan, provider keys and token key (needs TAKUMO_DATABASE_URL; keys need "
        + "TAKUMO_ENCRYPTION_KEY). Exit 0: done, 2: usage error.",
    subcommands = {OrgsCommand.SetPlan.class, OrgsCommand.SetProviderKey.class, OrgsCommand.RemoveProviderKey.class,
        OrgsCommand.RotateTokenKey.class})
final class OrgsCommand {
  /** Runs {@code action} against the configured database; usage errors exit 2 with their message. */
  static int withOrgs(OrgAction action) {
    Map<String, String> env = System.getenv();
    String url = env.get("TAKUMO_DATABASE_URL");
    if (url == null || url.isBlank()) {
      System.err.println("takumo-aegis: organizations live in PostgreSQL: set TAKUMO_DATABASE_URL");
      return Main.EXIT_USAGE;
    }
    GatewayConfig config;
    try {
      config = GatewayEnvironment.parse(env);
    } catch (RuntimeException e) {
      System.err.println("takumo-aegis: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    byte[] key = config.encryptionKey();
    try (Database db = new Database(DatabaseUrl.parse("TAKUMO_DATABASE_URL", url), config.databaseSchema())) {
      db.migrate();
      action.run(new PgOrgs(db, key == null ? null : new SealedColumns(key)));
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | PgKeyStore.StoreException e) {
      System.err.println("takumo-aegis: " + DatabaseUrl.redact(String.valueOf(e.getMessage())));
      return Main.EXIT_USAGE;
    }
  }

  interface OrgAction {
    void run(PgOrgs orgs);
  }

  @Command(name = "set-plan", mixinStandardHelpOptions = true,
      description = "Put ORG on PLAN (its rate limits come from TAKUMO_PLANS on the gateways).")
  static final class SetPlan implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORG") String org;
    @Parameters(index = "1", paramLabel = "PLAN") String plan;

    @Override
    public Integer call() {
      return withOrgs(orgs -> {
        orgs.setPlan(org, plan);
        System.err.println(org + " is on plan " + plan);
      });
    }
  }

  @Command(name = "set-provider-key", mixinStandardHelpOptions = true,
      description = "Store ORG's own key for PROVIDER (anthropic, openai, mistral, google), read from stdin, "
          + "sealed with TAKUMO_ENCRYPTION_KEY. Gateways inject it instead of their own.")
  static final class SetProviderKey implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORG") String org;
    @Parameters(index = "1", paramLabel = "PROVIDER") String provider;

    @Override
    public Integer call() throws java.io.IOException {
      Provider p;
      try {
        p = Provider.parse(provider);
      } catch (IllegalArgumentException e) {
        System.err.println("takumo-aegis: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
      String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (key == null || key.isBlank()) {
        System.err.println("takumo-aegis: no key on stdin (pipe it in: printenv KEY | takumo-aegis orgs set-provider-key …)");
        return Main.EXIT_USAGE;
      }
      return withOrgs(orgs -> {
        orgs.setProviderKey(org, p, key.trim());
        System.err.println(org + ": " + p.id() + " key stored (sealed)");
      });
    }
  }

  @Command(name = "remove-provider-key", mixinStandardHelpOptions = true,
      description = "Drop ORG's own key for PROVIDER: gateways use their own again.")
  static final class RemoveProviderKey implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORG") String org;
    @Parameters(index = "1", paramLabel = "PROVIDER") String provider;

    @Override
    public Integer call() {
      return withOrgs(orgs -> {
        orgs.setProviderKey(org, Provider.parse(provider), null);
        System.err.println(org + ": " + provider + " key removed");
      });
    }
  }

  @Command(name = "rotate-token-key", mixinStandardHelpOptions = true,
      description = "Give ORG a new random token key, sealed: its secrets get new tokens from now on.")
  static final class RotateTokenKey implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ORG") String org;

    @Override
    public Integer call() {
      return withOrgs(orgs -> {
        orgs.rotateTokenKey(org);
        System.err.println(org + ": new token key stored (sealed)");
      });
    }
  }
}
