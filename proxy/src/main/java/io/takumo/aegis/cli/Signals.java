package io.takumo.aegis.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Process signals beyond SIGTERM (which the shutdown hook handles). */
final class Signals {
  private static final Logger log = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  /**
   * Runs {@code action} on SIGHUP, the signal operators and cert-manager hooks send to reload
   * certificates. {@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to catch
   * it; where the platform has no SIGHUP the gateway still picks changed files up on its own.
   */
  static void onHangUp(Runnable action) {
    try {
      Signal.handle(new Signal("HUP"), signal -> {
        log.info("SIGHUP: reloading TLS certificates");
        action.run();
      });
    } catch (IllegalArgumentException e) {
      log.debug("no SIGHUP on this platform: {}", e.getMessage());
    }
  }
}
