package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-content tokenize and rehydrate, for the REST API and the CLI: the same streaming rewriters
 * as the proxy, fed the content in one piece. Thread-safe.
 */
public final class Shield {
  private final Detector detector;

  public Shield(Detector detector) {
    this.detector = requireNonNull(detector, "detector");
  }

  public Detector detector() {
    return detector;
  }

  /** A secret found in content, located by 1-based line and column (of its first byte). */
  public record Located(Category category, String ruleId, int line, int column, int length, String token) {}

  public record Tokenized(byte[] content, List<Located> detections) {}

  public record Rehydrated(byte[] content, int restored, List<String> unknownTokens, int partialMatches) {}

  /**
   * Replaces every secret in {@code content} with its token, putting the secrets in {@code vault}.
   *
   * @throws VaultFullException when the content holds more secrets than the vault may
   */
  public Tokenized tokenize(byte[] content, Vault vault) {
    ArrayRewrite out = new ArrayRewrite(content);
    BodyTokenizer tokenizer = new BodyTokenizer(detector, vault, out);
    tokenizer.feed(content, 0, content.length, true);
    return new Tokenized(out.toByteArray(), locate(content, tokenizer.detections()));
  }

  /** Puts back every token of {@code vault} found in {@code content}. */
  public static Rehydrated rehydrate(byte[] content, Vault vault) {
    ArrayRewrite out = new ArrayRewrite(content);
    Rehydrator rehydrator = new Rehydrator(vault, out, true);
    rehydrator.feed(content, 0, content.length, true);
    return new Rehydrated(out.toByteArray(), rehydrator.restored(), rehydrator.unknown(), rehydrator.partialMatches());
  }

  /** Line and column (1-based, columns in characters) of each detection's first byte. */
  static List<Located> locate(byte[] content, List<Detection> detections) {
    List<Located> located = new ArrayList<>(detections.size());
    int line = 1;
    int column = 1;
    int p = 0;
    for (Detection d : detections) {
      for (; p < d.offset(); p++) {
        byte c = content[p];
        if (c == '\n') {
          line++;
          column = 1;
        } else if ((c & 0xC0) != 0x80) {
          column++; // count characters, not UTF-8 continuation bytes
        }
      }
      located.add(new Located(d.category(), d.ruleId(), line, column, d.length(), d.token()));
    }
    return located;
  }
}
