package io.takumo.aegis.cli;

import io.takumo.aegis.shield.SessionFile;
import io.takumo.aegis.shield.Shield;
import io.takumo.aegis.shield.Vault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code takumo-aegis rehydrate [FILE]}: puts the session's secrets back in place of their tokens. */
@Command(name = "rehydrate", mixinStandardHelpOptions = true,
    description = "Replace the tokens in FILE (or stdin) with the secrets of the session (stdout, or -o). "
        + "Unknown tokens are left in place and listed on stderr. Exit 0: done, 2: usage error.")
final class RehydrateCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to rehydrate (default: stdin).")
  @Nullable Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the result here instead of stdout.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "Do not report on stderr.")
  boolean quiet;

  @Mixin SessionOptions session;

  @Override
  public Integer call() throws IOException {
    if (!Files.exists(session.file())) {
      System.err.println("takumo-aegis: no session at " + session.file() + "; run 'takumo-aegis tokenize' first "
          + "or give --session-file");
      return Main.EXIT_USAGE;
    }
    byte[] content;
    try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
      content = in.readAllBytes();
    }
    char[] passphrase;
    try {
      passphrase = SessionOptions.passphrase(false);
    } catch (SessionOptions.UsageException e) {
      System.err.println("takumo-aegis: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    try (Vault vault = session.load(passphrase)) {
      Shield.Rehydrated r = Shield.rehydrate(content, java.util.Objects.requireNonNull(vault));
      try {
        if (output == null) {
          System.out.write(r.content()); // standard output stays open for what follows
          System.out.flush();
        } else {
          try (OutputStream out = Files.newOutputStream(output)) {
            out.write(r.content());
          }
        }
      } finally {
        Arrays.fill(r.content(), (byte) 0);
      }
      if (!quiet) {
        for (String token : r.unknownTokens()) {
          System.err.println("unknown token left in place: " + token);
        }
        System.err.println(r.restored() + " token(s) rehydrated");
      }
      return 0;
    } catch (SessionFile.BadPassphraseException e) {
      System.err.println("takumo-aegis: " + session.file() + ": " + e.getMessage());
      return Main.EXIT_USAGE;
    } finally {
      Arrays.fill(passphrase, '\0');
    }
  }
}
