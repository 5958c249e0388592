package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.KeyAdmin;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Opens the key store the environment names: PostgreSQL when TAKUMO_DATABASE_URL is set, else the file. */
final class Stores {
  private Stores() {}

  /** The key administration store; close the returned database (if any) when done. */
  static Opened open(Map<String, String> env) {
    String url = env.get("TAKUMO_DATABASE_URL");
    if (url != null && !url.isBlank()) {
      String schema = env.getOrDefault("TAKUMO_DATABASE_SCHEMA", "public");
      Database db = new Database(DatabaseUrl.parse("TAKUMO_DATABASE_URL", url), schema);
      return new Opened(new PgKeyStore(db), db);
    }
    String file = env.get("TAKUMO_KEYS_FILE");
    return new Opened(FileKeyStore.open(file == null || file.isBlank() ? GatewayConfig.defaultKeysFile() : Path.of(file)),
        null);
  }

  record Opened(KeyAdmin admin, @Nullable Database db) implements AutoCloseable {
    @Override
    public void close() {
      if (db != null) {
        db.close();
      }
    }
  }
}
