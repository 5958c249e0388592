package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The PostgreSQL connection pool, the migrations, and the bounded executor every JDBC call runs
 * on (never an event loop). A full queue rejects work at once, which callers answer with 503.
 * Thread-safe; close it to release connections and threads.
 */
public final class Database implements AutoCloseable {
  private static final int THREADS = 4;
  private static final int QUEUE = 1024;

  private final HikariDataSource dataSource;
  private final ThreadPoolExecutor executor;
  private final String schema;

  public Database(DatabaseUrl url, String schema) {
    this.schema = requireNonNull(schema, "schema");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setPoolName("aegis-db");
    config.setMaximumPoolSize(THREADS);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(2_000); // a request waits at most this long for the database
    config.setValidationTimeout(1_000);
    config.setInitializationFailTimeout(-1); // start even when the database is down; it may come back
    config.setSchema(schema);
    this.dataSource = new HikariDataSource(config);
    this.executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "aegis-db");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Where blocking JDBC work goes. */
  public ExecutorService executor() {
    return executor;
  }

  /** Applies pending migrations (idempotent; Flyway locks against concurrent gateways). */
  public MigrateResult migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(schema)
        .createSchemas(true)
        // A coordinator may share the schema (its own history table): baseline below V1, then migrate.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    dataSource.close();
  }
}
