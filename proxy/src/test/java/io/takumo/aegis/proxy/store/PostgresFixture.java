package io.takumo.aegis.proxy.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A schema of its own in the test PostgreSQL ({@code TAKUMO_TEST_DATABASE_URL}, default the local
 * server's {@code test} database, which {@code make test} starts when none runs), migrated, and
 * dropped on close.
 */
public final class PostgresFixture implements AutoCloseable {
  public static final String URL = System.getenv().getOrDefault("TAKUMO_TEST_DATABASE_URL",
      "postgresql://postgres@127.0.0.1:5432/test");

  static {
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install();
  }

  public final String schema = "aegis_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  public final Database db;

  public PostgresFixture() {
    this(URL);
  }

  /** A fixture whose pool connects through {@code url} (a relay, say) to the test database. */
  PostgresFixture(String url) {
    db = new Database(DatabaseUrl.parse("TAKUMO_TEST_DATABASE_URL", url), schema);
    db.migrate();
  }

  @Override
  public void close() {
    try (Database admin = new Database(DatabaseUrl.parse("TAKUMO_TEST_DATABASE_URL", URL), "public");
        Connection c = admin.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (Exception e) {
      throw new IllegalStateException("dropping test schema " + schema, e);
    } finally {
      db.close();
    }
  }
}
