package io.takumo.aegis.coordinator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the coordinator when the database changes: {@code LISTEN} on the channels that {@code config
 * set}, {@code join-keys revoke} and {@code keys revoke} notify, so a change reaches gateways within
 * milliseconds; also runs every poll interval in case a notification was missed (a reconnect, a
 * change made by hand in SQL). One daemon thread with its own connection.
 */
final class ChangeWatcher implements AutoCloseable {
  /** The channel {@code keys revoke|disable} notifies on (see the gateway's key store). */
  static final String API_KEYS_CHANGED = "takumo_api_keys";
  private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);

  private final CoordinatorDb db;
  private final Duration poll;
  private final Runnable sync;
  private final Thread thread;
  private volatile boolean closed;

  ChangeWatcher(CoordinatorDb db, Duration poll, Runnable sync) {
    this.db = db;
    this.poll = poll;
    this.sync = sync;
    this.thread = new Thread(this::run, "aegis-coordinator-watcher");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (!closed) {
      try (Connection c = db.dedicatedConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + JoinKeys.CHANGED);
          s.execute("LISTEN " + API_KEYS_CHANGED);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        sync.run();
        long nextPoll = System.nanoTime() + poll.toNanos();
        while (!closed) {
          PGNotification[] notes = pg.getNotifications((int) Math.max(1, poll.toMillis() / 4));
          if ((notes != null && notes.length > 0) || System.nanoTime() >= nextPoll) {
            sync.run();
            nextPoll = System.nanoTime() + poll.toNanos();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) {
          return;
        }
        log.warn("watching the database for changes failed, retrying in 1 s: {}", e.getMessage());
        try {
          Thread.sleep(1000); // a worker thread waiting for the database to come back
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
