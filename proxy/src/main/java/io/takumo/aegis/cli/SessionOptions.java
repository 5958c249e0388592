package io.takumo.aegis.cli;

import io.takumo.aegis.shield.SessionFile;
import io.takumo.aegis.shield.Vault;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The session file shared by {@code tokenize} and {@code rehydrate}: where it is and the
 * passphrase that opens it ({@code TAKUMO_SESSION_KEY}, else a prompt on the terminal).
 */
final class SessionOptions {
  static final int VAULT_LIMIT = 100_000;

  @Option(names = "--session-file", paramLabel = "FILE",
      description = "The encrypted session that maps tokens to secrets (default: $TAKUMO_STATE_DIR/session, "
          + "else ~/.takumo/session).")
  @Nullable Path sessionFile;

  Path file() {
    if (sessionFile != null) {
      return sessionFile;
    }
    String state = System.getenv("TAKUMO_STATE_DIR");
    if (state != null && !state.isBlank()) {
      return Path.of(state, "session");
    }
    return Path.of(System.getProperty("user.home"), ".takumo", "session");
  }

  /** The passphrase; the caller zeroes it. */
  static char[] passphrase(boolean confirm) throws IOException {
    String fromEnv = System.getenv("TAKUMO_SESSION_KEY");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException("set TAKUMO_SESSION_KEY to the session passphrase (no terminal to ask on)");
    }
    char[] first = console.readPassword("Session passphrase: ");
    if (first == null || first.length == 0) {
      throw new UsageException("an empty passphrase cannot protect a session");
    }
    if (confirm) {
      char[] again = console.readPassword("Again: ");
      if (again == null || !java.util.Arrays.equals(first, again)) {
        throw new UsageException("the passphrases differ");
      }
    }
    return first;
  }

  /** The session's vault, or null when there is no session file yet. */
  @Nullable Vault load(char[] passphrase) throws IOException {
    Path file = file();
    return Files.exists(file) ? SessionFile.read(file, passphrase, VAULT_LIMIT) : null;
  }

  /** A problem with how the command was called: exit 2. */
  static final class UsageException extends IOException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
