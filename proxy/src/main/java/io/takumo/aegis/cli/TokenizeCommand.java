package io.takumo.aegis.cli;

import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.shield.SessionFile;
import io.takumo.aegis.shield.Shield;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code takumo-aegis tokenize FILE}: the file with every secret replaced by its token, on stdout or
 * in {@code -o}; the secrets go into the encrypted session file, for {@code rehydrate}.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
    description = "Replace the secrets in FILE with tokens (stdout, or -o). The secrets are kept in an encrypted "
        + "session file for 'takumo-aegis rehydrate'. Exit 0: done, 2: usage error.")
final class TokenizeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The file to tokenize.")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the tokenized file here instead of stdout.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "Do not list the detections on stderr.")
  boolean quiet;

  @Option(names = "--new-session", description = "Start a new session instead of adding to the existing one.")
  boolean newSession;

  @Mixin SessionOptions session;

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(file)) {
      System.err.println("takumo-aegis: FILE: " + file + " (expected: a readable file)");
      return Main.EXIT_USAGE;
    }
    byte[] content = Files.readAllBytes(file);
    char[] passphrase;
    try {
      passphrase = SessionOptions.passphrase(!Files.exists(session.file()) || newSession);
    } catch (SessionOptions.UsageException e) {
      System.err.println("takumo-aegis: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    try (Vault vault = open(passphrase)) {
      Shield.Tokenized t = new Shield(Detector.builtIn()).tokenize(content, vault);
      if (output == null) {
        System.out.write(t.content()); // standard output stays open for what follows
        System.out.flush();
      } else {
        try (OutputStream out = Files.newOutputStream(output)) {
          out.write(t.content());
        }
      }
      SessionFile.write(session.file(), vault, passphrase);
      if (!quiet) {
        PrintStream err = System.err;
        for (Shield.Located d : t.detections()) {
          err.println(file + ":" + d.line() + ":" + d.column() + ": " + d.category() + " " + d.ruleId() + " -> " + d.token());
        }
        err.println(t.detections().size() + " secret(s) tokenized; session: " + session.file());
      }
      return 0;
    } catch (SessionFile.BadPassphraseException e) {
      System.err.println("takumo-aegis: " + session.file() + ": " + e.getMessage());
      return Main.EXIT_USAGE;
    } finally {
      Arrays.fill(passphrase, '\0');
      Arrays.fill(content, (byte) 0);
    }
  }

  private Vault open(char[] passphrase) throws IOException {
    Vault existing = newSession ? null : session.load(passphrase);
    if (existing != null) {
      return existing;
    }
    String key = System.getenv("TAKUMO_TOKEN_KEY");
    TokenMinter minter = key == null || key.isBlank() ? TokenMinter.random() : new TokenMinter(parse(key.trim()));
    return new Vault(minter, SessionOptions.VAULT_LIMIT);
  }

  private static byte[] parse(String key) {
    return key.matches("([0-9a-fA-F]{2})+") ? HexFormat.of().parseHex(key) : java.util.Base64.getDecoder().decode(key);
  }
}
