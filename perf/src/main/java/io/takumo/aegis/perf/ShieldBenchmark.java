package io.takumo.aegis.perf;

import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.proxy.shield.SeenStrings;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.ScanMemo;
import io.takumo.aegis.shield.Rewrite;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot pure classes of tokenization, next to the detector alone over the same bytes in the same
 * run: tokenizing a 16 KiB request body in 8 KiB chunks, rehydrating one SSE event, minting a
 * token. Output goes to a rewrite that only counts (what the proxy's slices cost is not here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ShieldBenchmark {
  private Detector detector;
  private TokenMinter minter;
  private Vault vault;
  private byte[] body;
  /** A 16 KiB code-heavy request body (CodePrompts: names like key, token, secret on nearly every line). */
  private byte[] codeBody;
  private byte[] event;
  private byte[] secret;
  private final CountingRewrite sink = new CountingRewrite();
  /** The 20th request of a coding conversation: 19 earlier turns of code (4 KiB each, secrets in them) and a new one. */
  private byte[] conversation;
  /** The memo as the 19th request left it, read-only: each run meets the new turn as new. */
  private ScanMemo afterLastTurn;

  /** Counts output bytes: the benchmark must not be optimized away, nor pay for collecting. */
  static final class CountingRewrite implements Rewrite {
    long bytes;

    @Override
    public void copy(long from, long to) {
      bytes += to - from;
    }

    @Override
    public void insert(byte[] b) {
      bytes += b.length;
    }
  }

  @Setup
  public void setUp() {
    detector = Detector.builtIn();
    minter = new TokenMinter(new byte[32]);
    body = AddedLatency.body(16 << 10, false);
    codeBody = CodePrompts.messages(16 << 10, false);
    vault = new Vault(minter, 10_000);
    String token = new String(vault.put(Category.KEY, "AKIAIOSFODNN7EXAMPLE".getBytes(StandardCharsets.US_ASCII)),
        StandardCharsets.US_ASCII);
    event = ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
        + "{\"type\":\"text_delta\",\"text\":\"key = " + token.substring(0, 9) + "\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":"
        + "{\"type\":\"text_delta\",\"text\":\"" + token.substring(9) + " ok\"}}\n\n").getBytes(StandardCharsets.UTF_8);
    secret = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34".getBytes(StandardCharsets.US_ASCII);
    conversation = CodePrompts.conversationTurn(CodePrompts.TURNS - 1);
    ScanMemo memo = new SeenStrings(Duration.ofHours(1), 65_536).memo("perf", detector);
    byte[] previous = CodePrompts.conversationTurn(CodePrompts.TURNS - 2);
    tokenize(previous, memo);
    afterLastTurn = new ScanMemo() {
      @Override
      public @org.jspecify.annotations.Nullable List<Finding> recall(Digest digest) {
        return memo.recall(digest);
      }

      @Override
      public void keep(Digest digest, List<Finding> findings) {}
    };
  }

  private long tokenize(byte[] b, @org.jspecify.annotations.Nullable ScanMemo memo) {
    try (Vault v = new Vault(minter, 10_000)) {
      BodyTokenizer t = new BodyTokenizer(detector, v, sink, b.length, memo);
      t.feed(b, 0, b.length, true);
      return sink.bytes;
    }
  }

  /** The 20th request of a conversation (about 80 KiB), every string scanned (the memo off). */
  @Benchmark
  public long conversationTurnScanned() {
    return tokenize(conversation, null);
  }

  /** The same request after the 19th went through: only the new turn is scanned, the rest comes from the memo. */
  @Benchmark
  public long conversationTurnMemo() {
    return tokenize(conversation, afterLastTurn);
  }

  /** The detector over the 16 KiB body, as text: the floor for tokenizing it. */
  @Benchmark
  public int detectOnly() {
    return detector.scan(body).size();
  }

  /** Tokenizing the 16 KiB body (3 secrets) in 8 KiB chunks, with a fresh vault as per exchange. */
  @Benchmark
  public long tokenize16KiB() {
    return tokenizeInTwoChunks(body);
  }

  /** Tokenizes {@code b} as the relay does, sized by its Content-Length, in an 8 KiB chunk and the rest. */
  private long tokenizeInTwoChunks(byte[] b) {
    try (Vault v = new Vault(minter, 10_000)) {
      BodyTokenizer t = new BodyTokenizer(detector, v, sink, b.length);
      t.feed(b, 0, 8192, false);
      t.feed(b, 8192, b.length - 8192, true);
      return sink.bytes;
    }
  }

  /** The detector over the code-heavy 16 KiB body, as text. */
  @Benchmark
  public int detectCode16KiB() {
    return detector.scan(codeBody).size();
  }

  /** Tokenizing the code-heavy 16 KiB body in 8 KiB chunks (issue 19: tokenize ≤ 1.2× detect). */
  @Benchmark
  public long tokenizeCode16KiB() {
    return tokenizeInTwoChunks(codeBody);
  }

  /** Two SSE events with a token split between them: per event, divide by 2. */
  @Benchmark
  public long rehydrateTwoSseEvents() {
    SseRehydrator r = new SseRehydrator(vault, sink);
    r.feed(event, 0, event.length, true);
    return sink.bytes;
  }

  @Benchmark
  public byte[] mintToken() {
    try (Vault v = new Vault(minter, 10)) {
      return v.put(Category.KEY, secret);
    }
  }
}
