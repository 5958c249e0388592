package io.takumo.aegis.coordinator;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The coordinator's connection pool and migrations ({@code db/coordinator}, history in {@code
 * coordinator_schema_history}, so they live beside the gateways' own in one schema). Thread-safe.
 */
public final class CoordinatorDb implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final CoordinatorSettings settings;

  public CoordinatorDb(CoordinatorSettings settings) {
    this.settings = settings;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setPoolName("aegis-coordinator-db");
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(5_000);
    config.setSchema(settings.schema());
    this.dataSource = new HikariDataSource(config);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Applies pending migrations (idempotent). */
  public void migrate() {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(settings.schema())
        .createSchemas(true)
        .table("coordinator_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .locations("classpath:db/coordinator")
        .load()
        .migrate();
  }

  /** A connection outside the pool, for LISTEN (it lives as long as the watcher). */
  Connection dedicatedConnection() throws SQLException {
    Properties props = new Properties();
    if (settings.user() != null) {
      props.setProperty("user", settings.user());
    }
    if (settings.password() != null) {
      props.setProperty("password", settings.password());
    }
    Connection c = DriverManager.getConnection(settings.jdbcUrl(), props);
    c.setSchema(settings.schema());
    c.setAutoCommit(true);
    return c;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
