package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.audit.AuditSink;
import io.takumo.aegis.proxy.audit.JsonlAuditSink;
import io.takumo.aegis.proxy.audit.PgAuditSink;
import io.takumo.aegis.proxy.auth.FileKeyStore;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.store.CachingKeyStore;
import io.takumo.aegis.proxy.store.Database;
import io.takumo.aegis.proxy.store.DatabaseUrl;
import io.takumo.aegis.proxy.store.PgKeyStore;
import io.takumo.aegis.proxy.store.PgOrgs;
import io.takumo.aegis.proxy.store.SealedColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a gateway keeps its keys and audit trail, as its configuration names them, with their
 * background work: PostgreSQL (migrated at start, {@code last_used_at} flushed every 10 s) when
 * {@code TAKUMO_DATABASE_URL} is set, else the development key file (re-read every 2 s, so keys the
 * CLI creates or revokes reach a running gateway) and a JSONL audit file. The one place both the
 * {@code gateway} command and the integration tests get them from. Thread-safe; {@link #close}
 * stops the background work and the database pool.
 */
public final class GatewayStores implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GatewayStores.class);
  /** The embedded default's token key, next to its key file. */
  static final String TOKEN_KEY_FILE = "token.key";

  private final KeyStore keys;
  private final AuditSink audit;
  private final @Nullable FileKeyStore fileKeys;
  private final @Nullable Database database;
  private final @Nullable ScheduledExecutorService background;

  private GatewayStores(KeyStore keys, AuditSink audit, @Nullable FileKeyStore fileKeys, @Nullable Database database,
      @Nullable ScheduledExecutorService background) {
    this.keys = keys;
    this.audit = audit;
    this.fileKeys = fileKeys;
    this.database = database;
    this.background = background;
  }

  /** Opens the stores {@code config} names and starts their background work. */
  public static GatewayStores open(GatewayConfig config) {
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "aegis-keys-refresh");
      t.setDaemon(true);
      return t;
    });
    String url = config.databaseUrl();
    if (url == null) {
      FileKeyStore file = FileKeyStore.open(config.keysFile());
      background.scheduleWithFixedDelay(() -> run("key store refresh", file::refresh), 2, 2, TimeUnit.SECONDS);
      return new GatewayStores(file, new JsonlAuditSink(config.auditFile()), file, null, background);
    }
    Database db = new Database(DatabaseUrl.parse("TAKUMO_DATABASE_URL", url), config.databaseSchema());
    try {
      db.migrate();
    } catch (RuntimeException e) { // down now, may come back: unknown keys get 503 meanwhile
      log.warn("database migration skipped, the database is unreachable: {}",
          DatabaseUrl.redact(String.valueOf(e.getMessage())));
    }
    byte[] sealingKey = config.encryptionKey();
    PgKeyStore pg = new PgKeyStore(db, new PgOrgs(db, sealingKey == null ? null : new SealedColumns(sealingKey)));
    background.scheduleWithFixedDelay(() -> run("last_used_at flush", pg::flushLastUsed), 10, 10, TimeUnit.SECONDS);
    pg.probe(); // readiness tells the truth from the start
    background.scheduleWithFixedDelay(() -> run("key store probe", pg::probe), 2, 2, TimeUnit.SECONDS);
    return new GatewayStores(new CachingKeyStore(pg), new PgAuditSink(db), null, db, background);
  }

  public KeyStore keys() {
    return keys;
  }

  public AuditSink audit() {
    return audit;
  }

  /** The development key file, or null when keys live in PostgreSQL. */
  public @Nullable FileKeyStore fileKeys() {
    return fileKeys;
  }

  /**
   * The token key of the embedded default (no {@code TAKUMO_TOKEN_KEY}, keys in a file): made once
   * and kept 0600 next to the key file, so tokens survive a restart and an old conversation still
   * rehydrates. Null with PostgreSQL: a production gateway sets its key or gets the fleet's.
   */
  byte @Nullable [] defaultTokenKey(GatewayConfig config) {
    if (config.tokenKey() != null || fileKeys == null) {
      return null;
    }
    Path file = config.keysFile().toAbsolutePath().resolveSibling(TOKEN_KEY_FILE);
    try {
      if (Files.notExists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
          Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rw-------"))), HexFormat.of().formatHex(key) + '\n');
          log.info("created the token key of this development gateway in {} (0600); set TAKUMO_TOKEN_KEY in production",
              file);
          return key;
        } catch (FileAlreadyExistsException e) {
          // another gateway on the same key file made it first: read theirs
        }
      }
      return HexFormat.of().parseHex(Files.readString(file).trim());
    } catch (IOException | IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException("the token key file " + file + " cannot be read or made ("
          + e.getClass().getSimpleName() + "); fix or delete it, or set TAKUMO_TOKEN_KEY", e));
    }
  }

  private static void run(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.warn("{} failed: {}", what, e.getMessage());
    }
  }

  @Override
  public void close() {
    if (background != null) {
      background.shutdownNow();
    }
    if (database != null) {
      database.close();
    }
  }

  /** Stores a test made itself: nothing runs in the background, nothing is closed but by the test. */
  static GatewayStores of(KeyStore keys, AuditSink audit) {
    return new GatewayStores(requireNonNull(keys, "keys"), requireNonNull(audit, "audit"), null, null, null);
  }
}
